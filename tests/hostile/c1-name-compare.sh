# Class 1: compare_chart.gp put the base scenario's name (a CSV column)
# into its title and ran it through eval: a name with backquotes or with
# "; system(...)" ran a shell command while drawing, and again when a user
# redrew the shared folder. Every payload, as the base and as the
# alternative, drawn and redrawn: no command runs.
. "$DATA/c1-names.shlib"
for i in 1 2 3 4 5 6; do
	hostile $i base.ini
	hostile $((i % 6 + 1)) alt.ini
	fs compare base.ini alt.ini --reps 20 --out cmp$i
	no_canary "compare, payload $i"
	[ "$rc" = 2 ] && continue # a name refused as input is safe too
	expect_exit 0
	present cmp$i/compare_chart.png
	redraw cmp$i
done
