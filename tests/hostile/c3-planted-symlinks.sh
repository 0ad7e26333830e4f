# Class 3: gnuplot wrote each image to .NAME.PID.tmp.EXT in the output
# folder, a name anyone with write access there could guess, and followed
# a symlink planted at it into any file the user can write. In an output
# folder of an earlier run, symlinks at those names (the PID is
# fundsim's: sh execs it) and in place of NAME.png, .svg, .csv and .gp
# point at ../victim: after a run and a sweep into it the victim is as it was.
echo "the user's own file" > victim
cp victim victim.orig
fs run --reps 20 --out r --quiet
expect_exit 0
fs sweep m1a.cap=50万:150万:50万 --reps 10 --out sw
expect_exit 0
charts="fan stacked distribution ranked convergence"
for n in $charts; do
	for e in png svg csv gp; do ln -sf ../victim "r/$n.$e"; done
done
for e in png svg csv gp; do ln -sf ../victim "sw/sweep_chart.$e"; done
FUNDSIM=$FUNDSIM charts=$charts sh -c '
	for n in $charts; do
		for e in png svg; do ln -s ../victim "r/.$n.$$.tmp.$e"; done
	done
	exec "$FUNDSIM" run --reps 20 --out r --quiet' > fs.out 2> fs.err < /dev/null
rc=$?
cmp -s victim victim.orig || fail "run wrote through a planted symlink into ../victim"
expect_exit 0
[ -f r/fan.png ] && [ ! -L r/fan.png ] || fail "r/fan.png is not a file of its own"
FUNDSIM=$FUNDSIM sh -c '
	for e in png svg; do ln -s ../victim "sw/.sweep_chart.$$.tmp.$e"; done
	exec "$FUNDSIM" sweep m1a.cap=50万:150万:50万 --reps 10 --out sw' > fs.out 2> fs.err < /dev/null
rc=$?
cmp -s victim victim.orig || fail "sweep wrote through a planted symlink into ../victim"
expect_exit 0
[ -f sw/sweep_chart.png ] && [ ! -L sw/sweep_chart.png ] || fail "sw/sweep_chart.png is not a file of its own"
