#!/bin/sh
# Same scenario and seed: byte-identical output files for 1 and 2 threads
# (a run, and compare, sobol, tornado with its spider, a model-key sweep)
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
# Studies: their points run side by side, or share populations, in threads
# of their own; every file the same for 1 and 2 threads. Model keys (each
# point re-simulated) and rule keys (shared) in each.
nstudy=0
same_study() { # name, then the arguments
	name=$1
	shift
	for t in 1 2; do
		"$bin" "$@" --threads $t --quiet --no-charts --out "$tmp/$name-$t" || fail=1
		rm -f "$tmp/$name-$t/manifest.txt" "$tmp/$name-$t/results.xlsx"
	done
	diff -r "$tmp/$name-1" "$tmp/$name-2" > /dev/null ||
		{ echo "FAIL determinism: $name differs for 1 and 2 threads"; fail=1; }
	nstudy=$((nstudy + 1))
}
same_study compare compare builtin scenarios/suzhou-conservative.ini scenarios/suzhou-district-1to1.ini --reps 40
same_study sobol sobol --scenario scenarios/suzhou-sensitivity.ini --n 4 --reps 8 --bootstrap 50
same_study sobol-rules sobol --set sensitivity.m1a.cap=50万:150万 --set sensitivity.m3c.amount=30万:80万 \
	--n 4 --reps 10 --bootstrap 50
same_study tornado-spider tornado --keys growth.mean,m3c.amount,m1a.cap --reps 40
same_study sweep-model sweep firms.count=1000:2000:500 --reps 30
if [ $fail = 0 ]; then
	echo "determinism: passed ($(ls "$tmp/r1" | wc -l) files identical for 1 and 2 threads and twice; precision stopped at $(cut -d' ' -f2 "$tmp/p1.reps") both times; $nstudy studies identical for 1 and 2 threads)"
fi
exit $fail
