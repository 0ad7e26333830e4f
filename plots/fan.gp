# fan.gp - annual spending by paid year: the median with 50% and 90% bands,
# for the total and for each funding level (fundsim chart 1 of 5).
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (scenario names,
# labels) is read with strcol into variables and used as string values
# (set label 901 title ...), which gnuplot never parses as code. A file or
# output name that would start with '<' or '|' (a pipe) gets './' first.
#
# Data: fan.csv, written by `fundsim run` into its output folder:
#   level,paid_year,mean,p5,p25,p50,p75,p95   (yuan; level is total,
#   provincial, municipal or district)
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-draft/fan.csv'; outfile='fan.svg'" plots/fan.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: fan.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'fan'

# ---- common part: the same in every fundsim chart script ----
if (!exists("lang")) lang = 'en'
zh = (lang eq 'zh')
here = ''
if (exists("ARG0")) { do for [i = strlen(ARG0):1:-1] { if (here eq '' && ARG0[i:i] eq '/') { here = ARG0[1:i] } } }
if (here[1:1] eq '<' || here[1:1] eq '|') { here = './'.here }
if (!exists("datafile")) datafile = here.chart.'.csv'
if (!exists("outfile")) outfile = here.chart.'.png'
if (!exists("footnote")) footnote = zh ? (exists("footnote_zh") ? footnote_zh : '') : (exists("footnote_en") ? footnote_en : '')
if (!exists("font")) font = 'Noto Sans CJK SC'
if (!exists("fontsize")) fontsize = 13
if (!exists("width")) width = 1280
if (!exists("height")) height = 720
svg = strlen(outfile) > 4 && outfile[strlen(outfile)-2:] eq 'svg'
if (svg) {
	# viewers without Noto pick the next family that has Chinese glyphs
	set terminal svg size width,height dynamic noenhanced background '#ffffff' \
	    font font.', Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif,'.fontsize
} else {
	set terminal pngcairo size width,height noenhanced background '#ffffff' font font.','.fontsize
}
set output outfile
set encoding utf8   # legends measure Chinese text by characters, not bytes
set datafile separator comma
set datafile columnheaders
fnt(n) = sprintf('%s,%d', font, n)
fntb(n) = sprintf('%s%s,%d', font, svg ? '' : ':Bold', n)   # svg: no bold in gnuplot 5.4
ink = '#222222'; grey = '#666666'; rule = '#d0d0d0'
ptscale = svg ? 0.75 : 1.0   # svg draws points larger
# 亿元 from 1亿 up, 万元 below; scale(), unit names and number labels
scale(m) = m >= 1e8 ? 1e8 : 1e4
uname(s) = s == 1e8 ? '亿元' : '万元'
ulabel(s) = zh ? uname(s) : (s == 1e8 ? '亿元 (100 million yuan)' : '万元 (10,000 yuan)')
money(v, s) = s == 1e8 ? sprintf('%.2f亿', v / s) : sprintf('%.0f万', v / s)
amount(v) = abs(v) >= 1e8 ? sprintf('%.2f亿', v / 1e8) : sprintf('%.1f万', v / 1e4)   # as the tables: 万 below 1亿
pct(p) = p >= 0.1 || p == 0 ? sprintf('%.0f%%', 100 * p) : sprintf('%.1f%%', 100 * p)
set border 3 lc rgb grey lw 1
set tics nomirror textcolor rgb ink
set grid ytics lc rgb rule lw 1 dt 1
set key noautotitle
set style fill solid 1.0 noborder
set label 903 footnote at screen 0.025, 0.03 left font fnt(fontsize - 2) tc rgb grey
# ---- end of common part ----

if (!exists("title")) title = zh ? '政策资金年度支出（按兑付年度）' : 'Annual spending by paid year'
if (!exists("subtitle")) subtitle = zh ? '中位数，以及50%和90%的可能区间（蒙特卡洛模拟）' : 'Median, with the range of 50% and 90% of outcomes (Monte Carlo)'
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey

band90 = '#c6dbef'; band50 = '#6baed6'; mid = '#08306b'   # light / mid / dark: reads in grey
levels = 'total provincial municipal district'
if (zh) { array lname[4] = ['合计（全部资金）', '省级资金', '市级资金', '区（县级市）级资金'] } \
else { array lname[4] = ['Total, all funding levels', 'Provincial funds', 'Municipal funds', 'District funds'] }

# ranges first: stats ignores points outside the current ranges
stats datafile using 'paid_year' nooutput
y0 = STATS_min; y1 = STATS_max
ny = int(y1 - y0) + 1
array top[4]
array hi[4 * ny]   # each level's p95 by year: where its label must clear the band
do for [i = 1:4] {
	lv = word(levels, i)
	top[i] = 0
	do for [k = 1:ny] { hi[(i - 1) * ny + k] = 0 }
	stats datafile using (strcol('level') eq lv ? \
		(hi[(i - 1) * ny + int(column('paid_year') - y0) + 1] = column('p95'), \
		 column('p95') > top[i] ? top[i] = column('p95') : 0) : 0) nooutput
}
# A year's label sits above the band, where the band runs under the label's
# width too (about 0.4 of a year each side): after a steep drop the line
# from the year before crossed a label placed on the year's own p95.
hiat(i, k) = k >= 1 && k <= ny ? hi[(i - 1) * ny + k] : 0
max2(a, b) = a > b ? a : b
under(i, k) = max2(hiat(i, k), max2(0.6 * hiat(i, k) + 0.4 * hiat(i, k - 1), \
				    0.6 * hiat(i, k) + 0.4 * hiat(i, k + 1)))
set xrange [y0 - 0.45 : y1 + 0.45]
set xtics y0, 1, y1 format '%.0f' scale 0
set ytics format '%g'

# legend once, above the panels on the right
set key at screen 0.975, 0.905 right top horizontal maxrows 1 reverse Left samplen 2 width 2 textcolor rgb ink

# panels: 2 x 2, left to right, top to bottom
array px0[4] = [0.07, 0.57, 0.07, 0.57]
array py0[4] = [0.535, 0.535, 0.115, 0.115]
pw = 0.40; ph = 0.24

set multiplot
do for [i = 1:4] {
	lv = word(levels, i)
	s = scale(top[i])
	set lmargin at screen px0[i]; set rmargin at screen px0[i] + pw
	set bmargin at screen py0[i]; set tmargin at screen py0[i] + ph
	set label 2 lname[i] at screen px0[i] - 0.045, py0[i] + ph + 0.07 left font fntb(fontsize + 1) tc rgb ink
	set label 3 (top[i] > 0 ? ulabel(s) : '') at screen px0[i] - 0.045, py0[i] + ph + 0.035 left font fnt(fontsize - 1) tc rgb grey
	unset label 1
	if (i == 1) { set key } else { unset key }
	if (top[i] <= 0) {
		# an empty panel says so rather than draw a line along the axis
		set yrange [0 : 1]; unset ytics
		set label 1 (zh ? '本情景中此级不承担资金' : 'Pays nothing in this scenario') \
		    at graph 0.5, 0.5 center font fnt(fontsize + 1) tc rgb grey
		plot NaN notitle
		set ytics; unset label 1
		unset label 901; unset label 902; unset label 903
		continue
	}
	set yrange [0 : top[i] / s * 1.2]
	plot datafile using (strcol('level') eq lv ? column('paid_year') : NaN):(column('p5') / s):(column('p95') / s) \
		with filledcurves lc rgb band90 title (zh ? '90%区间' : 'Middle 90%'), \
	     '' using (strcol('level') eq lv ? column('paid_year') : NaN):(column('p25') / s):(column('p75') / s) \
		with filledcurves lc rgb band50 title (zh ? '50%区间' : 'Middle 50%'), \
	     '' using (strcol('level') eq lv ? column('paid_year') : NaN):(column('p50') / s) \
		with linespoints lw 3 pt 7 ps 1.1 * ptscale lc rgb mid title (zh ? '中位数' : 'Median'), \
	     '' using (strcol('level') eq lv ? column('paid_year') : NaN):(under(i, int(column('paid_year') - y0) + 1) / s):(amount(column('p50'))) \
		with labels offset 0, 0.9 font fntb(fontsize - 1) tc rgb mid notitle
	# header and footnote only once
	unset label 901; unset label 902; unset label 903
}
unset multiplot
