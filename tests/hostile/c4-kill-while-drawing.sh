# Class 4: Ctrl-C, kill (TERM) or kill -9 while the charts are drawn:
# the earlier set stays whole and the new one is not half-installed; a
# staging folder a killed run left is cleaned by the next run.
fs run --reps 20 --quiet --seed 1 --out r
expect_exit 0
snap r before
mkdir bin
# a gnuplot that hangs, and says when it started
printf '#!/bin/sh\ntouch "%s/drawing"\nexec sleep 60\n' "$PWD" > bin/gnuplot
chmod +x bin/gnuplot
for sig in INT TERM KILL; do
	rm -f drawing
	PATH=$PWD/bin:$PATH "$FUNDSIM" run --reps 20 --quiet --seed 2 --out r > fs.out 2> fs.err &
	pid=$!
	n=0
	while [ ! -f drawing ] && [ $n -lt 200 ]; do sleep 0.1; n=$((n + 1)); done
	[ -f drawing ] || fail "$sig: gnuplot never started"
	kill -$sig $pid
	pkill -f "sleep 60" 2>/dev/null
	wait $pid
	rc=$?
	[ $rc != 0 ] || fail "$sig: exit 0"
	same_as r before
done
fs run --reps 20 --quiet --seed 3 --no-charts --out r
expect_exit 0
[ -z "$(ls -A . | grep '^\.fundsim-')" ] || fail "staging folders left: $(ls -A)"
