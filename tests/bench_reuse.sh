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
# Usage: tests/bench_reuse.sh BINARY [REPS]
# (REPS: tornado's; sweep and compare 5x, sobol 2x)
set -eu
bin=${1:-bin/fundsim}
reps=${2:-100}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name, runs, replications a run: the study's time in $tmp/study against a
# plain run of runs x replications
ratio() {
	/usr/bin/time -f "%U %S %e" -o "$tmp/plain" "$bin" run --reps $(($2 * $3)) --quiet --no-charts --out "$tmp/run" 2> /dev/null
	read -r u1 s1 e1 < "$tmp/study"
	read -r u2 s2 e2 < "$tmp/plain"
	awk -v u1="$u1" -v s1="$s1" -v e1="$e1" -v u2="$u2" -v s2="$s2" -v e2="$e2" -v runs="$2" -v reps="$3" -v name="$1" 'BEGIN {
		r = (u1 + s1) / (u2 + s2)
		printf "study reuse: %s, %d runs of %d replications, %.2fx a plain run of %d replications in CPU time (%.1f s against %.1f s; wall %.2fx, %.1f s against %.1f s); target <= 0.25x: %s\n",
			name, runs, reps, r, runs * reps, u1 + s1, u2 + s2, e1 / e2, e1, e2, r <= 0.25 ? "met" : "NOT met" }'
	rm -rf "$tmp/run"
}
study() { # the study's arguments
	/usr/bin/time -f "%U %S %e" -o "$tmp/study" "$bin" "$@" --quiet --no-charts --out "$tmp/out"
}

study tornado --policy --reps "$reps"
bars=$(($(wc -l < "$tmp/out/tornado.csv") - 1))
half=$(awk -F, 'NR > 1 && ($2 == 10 || $2 == -10)' "$tmp/out/spider.csv" | wc -l)
rm -rf "$tmp/out"
ratio "tornado --policy" $((1 + 2 * bars + half)) "$reps" # the base, each bar's ends, the spider's half steps

more=$((5 * reps))
study sweep m3c.amount=20万:100万:5万 --reps $more
rm -rf "$tmp/out"
ratio "sweep of a rule key (m3c.amount)" 18 $more

alts=$(sh tests/reuse_alts.sh "$tmp" 7)
# shellcheck disable=SC2086 # the file names are $tmp's, without spaces
study compare scenarios/suzhou-draft.ini $alts --reps $more
rm -rf "$tmp/out"
ratio "compare of 7 rule-key scenarios with the draft" 8 $more

study sobol --set sensitivity.m1a.cap=50万:150万 --set sensitivity.m3c.amount=30万:80万 \
	--set sensitivity.m6a.cap=500万:1500万 --n 8 --reps $((2 * reps))
rm -rf "$tmp/out"
ratio "sobol of 3 rule keys" 40 $((2 * reps))
