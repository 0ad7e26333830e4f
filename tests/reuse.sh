#!/bin/sh
# Rule-only variants share the base case's populations (study.c,
# sim_run_many): every study's files must be byte-identical to those of
# re-simulating each variant (FUNDSIM_FRESH_VARIANTS=1), for 1 and 2
# threads, with model keys among the rule keys, and on the bureau's panel.
# Usage: tests/reuse.sh BINARY   (run by make check)
bin=${1:-bin/fundsim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
study() { # name, then the arguments
	name=$1
	shift
	for mode in shared fresh; do
		for t in 1 2; do
			out="$tmp/$name-$mode-$t"
			if [ $mode = fresh ]; then
				FUNDSIM_FRESH_VARIANTS=1 "$bin" "$@" --threads $t --quiet --no-charts --out "$out" || fail=1
			else
				"$bin" "$@" --threads $t --quiet --no-charts --out "$out" || fail=1
			fi
			rm -f "$out/manifest.txt" "$out/results.xlsx" # wall time, thread count, date
		done
	done
	for run in shared-2 fresh-1 fresh-2; do
		diff -r "$tmp/$name-shared-1" "$tmp/$name-$run" > /dev/null ||
			{ echo "FAIL reuse: $name: $run differs from shared-1"; fail=1; }
	done
	n=$((n + 1))
}
n=0
study tornado-policy tornado --policy --reps 30 --seed 3
study tornado-mixed tornado --keys m3c.amount,growth.mean,m1a.cap --range m6a.cap=500万:1500万 --reps 40
study sweep-2d sweep m1a.cap=50万:150万:50万 m3c.min_growth=30%:50%:10% --reps 30 --seed 8
study sweep-model sweep growth.mean=5%:9%:2% --reps 20
study sweep-panel sweep m3a.tier1_amount=100万:300万:100万 --reps 20 --firms tests/data/panel-example.csv
study sobol-policy sobol --set sensitivity.m1a.cap=50万:150万 --set sensitivity.m3c.amount=30万:80万 \
	--set sensitivity.m6a.cap=500万:1500万 --n 4 --reps 12 --bootstrap 50
study sobol-mixed sobol --set sensitivity.m1a.cap=50万:150万 --set sensitivity.growth.mean=5%:13% \
	--n 4 --reps 10 --bootstrap 50
study compare compare builtin scenarios/suzhou-district-1to1.ini scenarios/suzhou-conservative.ini --reps 30
# the bench's alternatives (bench_reuse.sh: M1A's cap, M3C's amount, M6A's cap),
# one granting no M1A (M1B must follow), one a year longer; the tax cap on
here=$(pwd)
alts=$(sh tests/reuse_alts.sh "$tmp" 4)
draft="base = $here/scenarios/suzhou-draft.ini"
printf '[scenario]\nname = no-m1a\n%s\n[m1a]\ncap = 0\n' "$draft" > "$tmp/none.ini"
printf '[scenario]\nname = longer\n%s\nyears = 4\n' "$draft" > "$tmp/longer.ini"
printf '[scenario]\nname = taxcap\n%s\n[taxcap]\nenabled = true\n' "$draft" > "$tmp/tax.ini"
printf '[scenario]\nname = taxcap-m1a\nbase = %s\n[m1a]\ncap = 50万\n' "$tmp/tax.ini" > "$tmp/tax-m1a.ini"
# shellcheck disable=SC2086 # the file names are $tmp's, without spaces
study compare-firm compare scenarios/suzhou-draft.ini $alts "$tmp/none.ini" "$tmp/longer.ini" --reps 40
study compare-taxcap compare "$tmp/tax.ini" "$tmp/tax-m1a.ini" "$tmp/alt1.ini" --reps 30
[ $fail = 0 ] && echo "reuse: passed ($n studies byte-identical shared and fresh, 1 and 2 threads)"
exit $fail
