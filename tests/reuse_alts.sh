#!/bin/sh
# The alternatives of the study-reuse bench and test (bench_reuse.sh,
# reuse.sh): N scenarios on the draft that move M1A's cap, M3C's amount
# and M6A's cap, written into DIR as alt1.ini .. altN.ini; prints their
# paths. Usage: tests/reuse_alts.sh DIR N
set -eu
dir=$1
here=$(pwd)
i=1
while [ "$i" -le "$2" ]; do
	cat > "$dir/alt$i.ini" <<EOF
[scenario]
name = alt$i
base = $here/scenarios/suzhou-draft.ini
[m1a]
cap = $((40 + 10 * i))万
[m3c]
amount = $((40 + 10 * (i % 6)))万
[m6a]
cap = $((500 + 100 * (i % 4)))万
EOF
	printf '%s ' "$dir/alt$i.ini"
	i=$((i + 1))
done
