# Class 5: what a command prints to stdout was never checked:
# `fundsim params > /dev/full` printed nothing and exited 0. Every command
# that prints must fail (exit 1) and say so.
cp "$DATA/../data/panel-example.csv" panel.csv
full() {
	"$FUNDSIM" "$@" > /dev/full 2> fs.err < /dev/null
	rc=$?
	[ "$rc" = 1 ] || fail "fundsim $* > /dev/full: exit $rc, expected 1"
	expect_err 'cannot write to standard output: No space left on device'
}
full params
full diff builtin builtin
full award --firms panel.csv
full run --reps 20 --no-charts --out out/run
full --help
full params --help
