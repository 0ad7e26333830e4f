#!/bin/sh
# make bench: the study-reuse ratios. Studies whose keys move rule
# parameters only run on the base case's populations (study.c, sim_run_many:
# each replication sampled once, the rules of every variant applied to it).
# Each study against a plain run of as many replications as its runs add up
# to, in CPU time (user + system: the cost, whatever else the machine runs)
# and wall time, one after the other:
#   tornado --policy   every rule key -+20%, with its spider's half steps
#   sweep              m3c.amount 20万 to 100万 by 5万 (17 points), and the base
#   compare            the draft against 7 scenarios (the most it takes) that move M1A's, M3C's
#                      and M6A's caps and amounts
#   sobol              3 rule keys' [sensitivity] ranges, 8 base points: 40 runs
# Target (issue 14, item 3): <= 0.25x each.
# Each study and its plain run alternate ROUNDS times (3): the ratio is
# the median of the rounds' ratios, each of a study and the plain run just
# after it, since this machine's speed comes and goes over a minute.
# Usage: tests/bench_reuse.sh BINARY [REPS] [ROUNDS]
# (REPS: tornado's; sweep and compare 5x, sobol 2x)
set -eu
bin=${1:-bin/fundsim}
reps=${2:-100}
rounds=${3:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name, runs, replications a run, then the study's arguments: ROUNDS of
# the study and a plain run of runs x replications, in CPU time (user +
# system: the cost, whatever else the machine runs) and wall time
ratio() {
	name=$1 runs=$2 each=$3
	shift 3
	: > "$tmp/rounds"
	i=0
	while [ $i -lt "$rounds" ]; do
		/usr/bin/time -f "%U %S %e" -o "$tmp/study" "$bin" "$@" --quiet --no-charts --out "$tmp/out"
		rm -rf "$tmp/out"
		/usr/bin/time -f "%U %S %e" -o "$tmp/plain" "$bin" run --reps $((runs * each)) --quiet --no-charts --out "$tmp/run" 2> /dev/null
		rm -rf "$tmp/run"
		echo "$(cat "$tmp/study") $(cat "$tmp/plain")" >> "$tmp/rounds"
		i=$((i + 1))
	done
	awk -v runs="$runs" -v reps="$each" -v name="$name" '
		{ r[NR] = ($1 + $2) / ($4 + $5); w[NR] = $3 / $6; s[NR] = $1 + $2; p[NR] = $4 + $5
		  all = all sprintf("%s%.2f", NR > 1 ? ", " : "", r[NR]) }
		function median(a, n,   i, j, t) {
			for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
			return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
		END {
			m = median(r, NR); mw = median(w, NR); ms = median(s, NR); mp = median(p, NR)
			printf "study reuse: %s, %d runs of %d replications, %.2fx a plain run of %d replications in CPU time (median of %d rounds: %s; %.1f s against %.1f s; wall %.2fx); target <= 0.25x: %s\n",
				name, runs, reps, m, runs * reps, NR, all, ms, mp, mw, m <= 0.25 ? "met" : "NOT met" }' "$tmp/rounds"
}

# tornado --policy: the base, each bar's ends and the spider's half steps
"$bin" tornado --policy --reps "$reps" --quiet --no-charts --out "$tmp/out"
bars=$(($(wc -l < "$tmp/out/tornado.csv") - 1))
half=$(awk -F, 'NR > 1 && ($2 == 10 || $2 == -10)' "$tmp/out/spider.csv" | wc -l)
rm -rf "$tmp/out"
ratio "tornado --policy" $((1 + 2 * bars + half)) "$reps" tornado --policy --reps "$reps"

more=$((5 * reps))
ratio "sweep of a rule key (m3c.amount)" 18 $more sweep m3c.amount=20万:100万:5万 --reps $more

alts=$(sh tests/reuse_alts.sh "$tmp" 7)
# shellcheck disable=SC2086 # the file names are $tmp's, without spaces
ratio "compare of 7 rule-key scenarios with the draft" 8 $more compare scenarios/suzhou-draft.ini $alts --reps $more

ratio "sobol of 3 rule keys" 40 $((2 * reps)) sobol --set sensitivity.m1a.cap=50万:150万 \
	--set sensitivity.m3c.amount=30万:80万 --set sensitivity.m6a.cap=500万:1500万 --n 8 \
	--reps $((2 * reps))
