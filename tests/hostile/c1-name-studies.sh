# Class 1: sweep and tornado charts carry the scenario name in their
# footnotes and CSV text in their titles (the sweep script evaluated its
# title too). Each study with hostile names draws and redraws: no command runs.
. "$DATA/c1-names.shlib"
for i in 2 4; do
	hostile $i evil.ini
	fs sweep evil.ini m1a.cap=50万:150万:50万 --reps 10 --out sw$i
	no_canary "sweep, payload $i"
	if [ "$rc" != 2 ]; then
		expect_exit 0
		present sw$i/sweep_chart.png
		redraw sw$i
	fi
	fs tornado evil.ini --keys m1a.cap,m3c.amount --reps 10 --out tn$i --lang zh
	no_canary "tornado, payload $i"
	if [ "$rc" != 2 ]; then
		expect_exit 0
		present tn$i/tornado_chart.png
		redraw tn$i
	fi
done
