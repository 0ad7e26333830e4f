# Class 1: the scenario name reaches every run chart's footnote (a
# variable written into NAME.gp) and the manifest; quoted wrongly it would
# be code, or break the script. A run with each payload draws its charts,
# in English and in Chinese, and the written scripts redraw: no command runs.
. "$DATA/c1-names.shlib"
for i in 1 4; do
	hostile $i evil.ini
	lang=en
	[ $i = 4 ] && lang=zh
	fs run evil.ini --reps 20 --out r$i --quiet --lang $lang
	no_canary "run, payload $i"
	[ "$rc" = 2 ] && continue
	expect_exit 0
	present r$i/fan.png
	redraw r$i
done
