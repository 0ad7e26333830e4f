#!/bin/sh
# make bench: the study-reuse ratio. tornado --policy (every rule key -+20%,
# on the base case's populations: sim_run_many) against a plain run of as
# many replications as its runs add up to, in CPU time (user + system: the
# cost, whatever else the machine runs) and wall time, one after the other.
# Target (issue 14, item 3): <= 0.25x. Usage: tests/bench_reuse.sh BINARY [REPS]
set -eu
bin=${1:-bin/fundsim}
reps=${2:-100}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/time -f "%U %S %e" -o "$tmp/t1" "$bin" tornado --policy --reps "$reps" --quiet --no-charts --out "$tmp/tornado"
bars=$(($(wc -l < "$tmp/tornado/tornado.csv") - 1))
half=$(awk -F, 'NR > 1 && ($2 == 10 || $2 == -10)' "$tmp/tornado/spider.csv" | wc -l)
runs=$((1 + 2 * bars + half)) # the base case, each bar's ends, the spider's half steps
/usr/bin/time -f "%U %S %e" -o "$tmp/t2" "$bin" run --reps $((runs * reps)) --quiet --no-charts --out "$tmp/run"
read -r u1 s1 e1 < "$tmp/t1"
read -r u2 s2 e2 < "$tmp/t2"
awk -v u1="$u1" -v s1="$s1" -v e1="$e1" -v u2="$u2" -v s2="$s2" -v e2="$e2" -v runs="$runs" -v reps="$reps" 'BEGIN {
	printf "study reuse: tornado --policy, %d runs of %d replications, %.2fx a plain run of %d replications in CPU time (%.1f s against %.1f s; wall %.2fx, %.1f s against %.1f s); target <= 0.25x\n",
		runs, reps, (u1 + s1) / (u2 + s2), runs * reps, u1 + s1, u2 + s2, e1 / e2, e1, e2 }'
