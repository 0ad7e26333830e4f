#!/bin/sh
# A panel as a bureau keeps it gives what the plain panel gives: the same
# run and ledger. tests/data/panel-bureau.csv is panel-example.csv with
# Chinese headers, other columns, thousands separators, 万元 revenue, credit
# codes and districts; it is also read converted to GBK here (with iconv)
# and as the committed workbook tests/data/panel-bureau.xlsx.
# Usage: tests/inputs.sh BINARY
bin=${1:-bin/fundsim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
say() { echo "inputs: $*"; fail=1; }
iconv -f UTF-8 -t GBK tests/data/panel-bureau.csv > "$tmp/gbk.csv" || say "iconv failed"
cmp -s "$tmp/gbk.csv" tests/data/panel-bureau-gbk.csv ||
	say "tests/data/panel-bureau-gbk.csv is not panel-bureau.csv in GBK"
ents=tests/data/entities-example.csv
"$bin" award --firms tests/data/panel-example.csv --entities $ents -o "$tmp/ledger0.csv" \
	> /dev/null 2>&1 || say "award on the plain panel failed"
"$bin" run --firms tests/data/panel-example.csv --reps 40 --seed 7 --threads 2 --quiet \
	--no-charts --ledger --out "$tmp/run0" > /dev/null 2>&1 || say "run on the plain panel failed"
n=0
for panel in tests/data/panel-bureau.csv "$tmp/gbk.csv" tests/data/panel-bureau.xlsx; do
	n=$((n + 1))
	if ! "$bin" award --firms "$panel" --entities $ents -o "$tmp/ledger$n.csv" \
		> /dev/null 2> "$tmp/err"; then
		say "award --firms $panel failed: $(head -3 "$tmp/err")"
		continue
	fi
	# the same ledger but for its last column, the recipient's district,
	# which only the bureau's panel gives
	sed 's/,[^,]*$//' "$tmp/ledger0.csv" > "$tmp/l0"
	sed 's/,[^,]*$//' "$tmp/ledger$n.csv" > "$tmp/l$n"
	cmp -s "$tmp/l0" "$tmp/l$n" ||
		say "award --firms $panel: ledger differs: $(diff "$tmp/l0" "$tmp/l$n" | head -4)"
	grep -q '^F01,.*,苏州工业园区$' "$tmp/ledger$n.csv" ||
		say "award --firms $panel: F01's district (苏州工业园区) is not in the ledger"
	if ! "$bin" run --firms "$panel" --reps 40 --seed 7 --threads 2 --quiet --no-charts \
		--ledger --out "$tmp/run$n" > /dev/null 2> "$tmp/err"; then
		say "run --firms $panel failed: $(head -3 "$tmp/err")"
		continue
	fi
	for f in summary.csv by_year.csv recipients.csv; do
		cmp -s "$tmp/run0/$f" "$tmp/run$n/$f" || say "run --firms $panel: $f differs"
	done
	for k in 0 $n; do sed 's/,[^,]*$//' "$tmp/run$k/ledger.csv" > "$tmp/r$k"; done
	cmp -s "$tmp/r0" "$tmp/r$n" || say "run --firms $panel: ledger.csv differs"
done
[ $fail = 0 ] && echo "inputs: the bureau's panel as CSV, GBK and .xlsx gives the plain panel's ledger and run"
exit $fail
