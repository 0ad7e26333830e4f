#!/bin/sh
# Stable streams: a build with one more award line (lines.def's MZZ row,
# compiled in with -DFUNDSIM_DUMMY_LINE between M6C and M7A, so every later
# line's position moves) gives every other line the very same results, bit
# for bit, in every replication; the dummy line itself pays.
# Usage: tests/dummy_line.sh NORMAL_LINE_DRAWS DUMMY_LINE_DRAWS (make check)
normal=$1
dummy=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
reps=64
"$normal" builtin $reps 7 > "$tmp/normal" || { echo "FAIL dummy line: normal build failed"; exit 1; }
"$dummy" tests/data/dummy-line.ini $reps 7 > "$tmp/dummy" || { echo "FAIL dummy line: dummy build failed"; exit 1; }
grep -v ' MZZ ' "$tmp/dummy" > "$tmp/others"
if ! cmp -s "$tmp/normal" "$tmp/others"; then
	echo "FAIL dummy line: adding a line changed other lines' draws:"
	diff "$tmp/normal" "$tmp/others" | head -10
	exit 1
fi
# the dummy line must pay, or the comparison proves nothing
paid=$(grep ' MZZ all 0 ' "$tmp/dummy" | grep -vc ' 0x0p+0$')
if [ "$paid" -lt $((reps / 2)) ]; then
	echo "FAIL dummy line: MZZ paid in only $paid of $reps replications"
	exit 1
fi
echo "dummy line: passed ($(wc -l < "$tmp/normal") values of $(grep -c ' M1A 0 0 ' "$tmp/normal") replications identical; MZZ paid in $paid)"
