#!/bin/sh
# The golden run: summary.csv and by_year.csv of
#     fundsim run --reps 300 --seed 11 --no-charts      (the built-in scenario)
# must be byte-identical to tests/golden/. Any change to the numbers, the rounding or the
# layout of those files shows here, row by row.
#
# When a change moves the numbers on purpose: `make golden` (this script with --update),
# review `git diff tests/golden`, and say why in the commit.
#
# Usage: tests/golden.sh BINARY [--update]   (run by make check; make golden updates)
bin=${1:-bin/fundsim}
update=${2:-}
golden=tests/golden
files="summary.csv by_year.csv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! "$bin" run --reps 300 --seed 11 --no-charts --quiet --out "$tmp/run" > "$tmp/out" 2>&1; then
	echo "FAIL golden: fundsim run --reps 300 --seed 11 --no-charts failed:"
	sed 's/^/  /' "$tmp/out" | head -20
	exit 1
fi

if [ "$update" = --update ]; then
	mkdir -p "$golden"
	for f in $files; do
		cp "$tmp/run/$f" "$golden/$f"
	done
	echo "golden: wrote $golden/ ($files); review git diff $golden and say why in the commit"
	exit 0
fi

# Rows that differ, keyed by their label columns, each changed column as old -> new.
# $1: keys (2 for summary.csv: line,level; 3 for by_year.csv: line,paid_year,level).
changes() {
	awk -F, -v keys="$1" -v name="$2" '
	function key(   k, i) { k = $1; for (i = 2; i <= keys; i++) k = k "," $i; return k }
	FNR == 1 { if (NR == 1) { nh = split($0, head, ","); hline = $0 } else if ($0 != hline) \
		printf "  %s: header was  %s\n  %s: header now  %s\n", name, hline, name, $0; next }
	NR == FNR { old[key()] = $0; order[++n] = key(); next }
	{
		k = key(); seen[k] = 1
		if (!(k in old)) { printf "  %s: new row     %s\n", name, $0; shown++; next }
		if (old[k] == $0) next
		split(old[k], o, ","); msg = ""
		for (i = keys + 1; i <= NF; i++)
			if (o[i] != $i) {
				d = (o[i] != 0) ? sprintf(" (%+.3g%%)", 100 * ($i - o[i]) / o[i]) : ""
				msg = msg sprintf(" %s %s -> %s%s;", head[i], o[i], $i, d)
			}
		if (++shown <= 40) printf "  %s %s:%s\n", name, k, msg
	}
	END {
		for (i = 1; i <= n; i++) if (!(order[i] in seen)) printf "  %s: row gone    %s\n", name, old[order[i]]
		if (shown > 40) printf "  %s: ... %d rows differ in all\n", name, shown
	}' "$golden/$2" "$tmp/run/$2"
}

fail=0
for f in $files; do
	if [ ! -f "$golden/$f" ]; then
		echo "FAIL golden: $golden/$f is missing (make golden writes it)"
		fail=1
	elif ! cmp -s "$golden/$f" "$tmp/run/$f"; then
		echo "FAIL golden: $f differs from $golden/$f:"
		case $f in by_year.csv) keys=3 ;; *) keys=2 ;; esac
		changes $keys "$f"
		fail=1
	fi
done
if [ $fail = 0 ]; then
	echo "golden: passed ($files of --reps 300 --seed 11 byte-identical to $golden/)"
else
	echo "If the numbers moved on purpose: make golden, review git diff $golden, say why in the commit."
fi
exit $fail
