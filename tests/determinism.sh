#!/bin/sh
# Same scenario and seed: byte-identical output files for 1 and 2 threads
# and across two runs; --precision stops at the same count every time.
# Usage: tests/determinism.sh BINARY   (run by make check)
bin=${1:-bin/fundsim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for t in 1 2 2; do
	n=$((n + 1))
	"$bin" run --reps 600 --seed 11 --threads $t --quiet --ledger --out "$tmp/r$n" || fail=1
done
"$bin" run --reps 600 --seed 12 --quiet --no-charts --out "$tmp/other" || fail=1
for f in "$tmp/r1"/*; do
	b=$(basename "$f")
	[ "$b" = manifest.txt ] && continue # wall time and thread count
	# the workbook holds the manifest (method sheet) and its own date; its figures are
	# the CSV files' (tests/workbook.sh), which are compared here
	[ "$b" = results.xlsx ] && continue
	for k in 2 3; do
		cmp -s "$f" "$tmp/r$k/$b" || { echo "FAIL determinism: $b differs in run $k"; fail=1; }
	done
done
cmp -s "$tmp/r1/summary.csv" "$tmp/other/summary.csv" && { echo "FAIL determinism: seeds 11 and 12 agree"; fail=1; }
for k in 1 2; do
	"$bin" run --precision 2% --seed 5 --quiet --no-charts --out "$tmp/p$k" || fail=1
	grep '^replications:' "$tmp/p$k/manifest.txt" > "$tmp/p$k.reps"
done
cmp -s "$tmp/p1.reps" "$tmp/p2.reps" || { echo "FAIL determinism: --precision stopped at different counts"; fail=1; }
if [ $fail = 0 ]; then
	echo "determinism: passed ($(ls "$tmp/r1" | wc -l) files identical for 1 and 2 threads and twice; precision stopped at $(cut -d' ' -f2 "$tmp/p1.reps") both times)"
fi
exit $fail
