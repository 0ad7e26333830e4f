# compare_chart.gp - what each alternative changes: the difference in
# spending from the base scenario (ALT - BASE) per paid year with its 95%
# interval, total and per funding level, one bar per alternative
# (fundsim compare).
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (scenario names,
# labels) is read with strcol into variables and used as string values
# (set label 901 title ...), which gnuplot never parses as code. A file or
# output name that would start with '<' or '|' (a pipe) gets './' first.
#
# Data: compare_chart.csv, written by `fundsim compare` into its output folder:
#   alt,base_name,alt_name,period,paid_year,level,base_mean,alt_mean,diff,
#   diff_lo,diff_hi
#   one row per alternative (1, 2, ...), paid year and funding level (total,
#   provincial, municipal, district), and per alternative and level one
#   with period "all" (all paid years; paid_year empty). Means and
#   differences in yuan; diff_lo/hi: the 95% interval of the paired
#   difference.
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-draft/compare/compare_chart.csv'; outfile='compare.svg'" plots/compare_chart.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: compare_chart.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'compare_chart'

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

stats datafile using 'alt' nooutput
na = int(STATS_max)
bname = ''
stats datafile using (bname = strcol('base_name'), 0) nooutput
stats datafile using (strcol('period') ne 'all' ? column('paid_year') : NaN) nooutput
y0 = int(STATS_min); y1 = int(STATS_max)
signed(v) = v == 0 ? '0' : (v > 0 ? '+' : '-').amount(abs(v))
array aname[na]
array atotal[na]
do for [a = 1:na] {
	stats datafile using (column('alt') == a && strcol('period') eq 'all' && strcol('level') eq 'total' ? \
		(aname[a] = strcol('alt_name'), atotal[a] = column('diff'), 0) : 0) nooutput
}

if (!exists("title")) title = zh ? sprintf('各方案相对基准情景（%s）的支出变化', bname) : sprintf('What each alternative changes from the base scenario (%s)', bname)
if (!exists("subtitle")) subtitle = zh \
	? '方案减基准：各兑付年度支出平均值之差，线段为95%置信区间（按模拟配对）' \
	: 'ALT - BASE: difference in mean spending by paid year; lines: 95% intervals (paired replications)'
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey

levels = 'total provincial municipal district'
if (zh) { array lname[4] = ['合计（全部资金）', '省级资金', '市级资金', '区（县级市）级资金'] } \
else { array lname[4] = ['Total, all funding levels', 'Provincial funds', 'Municipal funds', 'District funds'] }
# dark to light, then hatched: the alternatives part in grey too; the
# intervals in mid grey show on the darkest and the lightest bar alike
array fill[4] = ['#08306b', '#4292c6', '#9ecae1', '#deebf7']
fc(a) = fill[(a - 1) % 4 + 1]
pat(a) = a > 4 ? 4 + (a - 5) % 3 : 0

array top[4]
array bot[4]
do for [i = 1:4] {
	lv = word(levels, i)
	top[i] = 0; bot[i] = 0
	stats datafile using (strcol('level') eq lv && strcol('period') ne 'all' ? \
		(top[i] = column('diff_hi') > top[i] ? column('diff_hi') : top[i], \
		 top[i] = column('diff') > top[i] ? column('diff') : top[i], \
		 bot[i] = column('diff_lo') < bot[i] ? column('diff_lo') : bot[i], \
		 bot[i] = column('diff') < bot[i] ? column('diff') : bot[i], 0) : 0) nooutput
}

bw = 0.8 / na                 # a bar's width within its year
xa(y, a) = y - 0.4 + (a - 0.5) * bw
set xrange [y0 - 0.55 : y1 + 0.55]
set xtics y0, 1, y1 format '%.0f' scale 0
set ytics format '%g'
set xzeroaxis lt 1 lw 1.5 lc rgb '#555555'
set key horizontal maxrows 1 reverse Left samplen 1.5 width 3 textcolor rgb ink

array px0[4] = [0.07, 0.57, 0.07, 0.57]
array py0[4] = [0.50, 0.50, 0.11, 0.11]
pw = 0.40; ph = 0.235

set multiplot
do for [i = 1:4] {
	lv = word(levels, i)
	m = top[i] > -bot[i] ? top[i] : -bot[i]
	s = scale(m)
	set lmargin at screen px0[i]; set rmargin at screen px0[i] + pw
	set bmargin at screen py0[i]; set tmargin at screen py0[i] + ph
	set label 2 lname[i] at screen px0[i] - 0.045, py0[i] + ph + 0.07 left font fntb(fontsize + 1) tc rgb ink
	set label 3 (m > 0 ? ulabel(s) : '') at screen px0[i] - 0.045, py0[i] + ph + 0.035 left font fnt(fontsize - 1) tc rgb grey
	unset label 1
	unset key
	if (m <= 0) {
		set yrange [-1 : 1]; unset ytics
		set label 1 (zh ? '此级资金没有变化' : 'No change at this funding level') \
		    at graph 0.5, 0.7 center font fnt(fontsize + 1) tc rgb grey
		plot NaN notitle
		set ytics; unset label 1
		unset label 901; unset label 902; unset label 903
		continue
	}
	ylo = bot[i] < 0 ? bot[i] * 1.45 : -m * 0.06
	yhi = top[i] > 0 ? top[i] * 1.35 : m * 0.06
	set yrange [ylo / s : yhi / s]
	# label plots give '' rather than leave rows out: gnuplot 5.4 crashes on
	# a label plot whose points are all undefined
	plot for [a = 1:na] datafile using (column('alt') == a && strcol('level') eq lv && strcol('period') ne 'all' ? xa(column('paid_year'), a) : NaN) \
		  :(column('diff') / s):(xa(column('paid_year'), a) - bw * 0.45):(xa(column('paid_year'), a) + bw * 0.45) \
		  :(column('diff') < 0 ? column('diff') / s : 0):(column('diff') > 0 ? column('diff') / s : 0) \
		with boxxyerror fs solid 1.0 border lc rgb '#08306b' lw 0.5 fc rgb fc(a) notitle, \
	     for [a = 1:na] datafile using (column('alt') == a && strcol('level') eq lv && strcol('period') ne 'all' && pat(a) ? xa(column('paid_year'), a) : NaN) \
		  :(column('diff') / s):(xa(column('paid_year'), a) - bw * 0.45):(xa(column('paid_year'), a) + bw * 0.45) \
		  :(column('diff') < 0 ? column('diff') / s : 0):(column('diff') > 0 ? column('diff') / s : 0) \
		with boxxyerror fs transparent pattern pat(a) noborder lc rgb '#222222' notitle, \
	     datafile using (strcol('level') eq lv && strcol('period') ne 'all' ? xa(column('paid_year'), column('alt')) : NaN) \
		  :(column('diff_lo') / s):(0):((column('diff_hi') - column('diff_lo')) / s) \
		with vectors heads size screen 0.005, 90 lw 2 lc rgb '#808080' notitle, \
	     datafile using (strcol('level') eq lv && strcol('period') ne 'all' ? xa(column('paid_year'), column('alt')) : NaN) \
		  :((column('diff_hi') > column('diff') ? column('diff_hi') : column('diff')) / s):(column('diff') >= 0 ? signed(column('diff')) : '') \
		with labels offset 0, 0.7 font fnt(fontsize - 2) tc rgb ink notitle, \
	     datafile using (strcol('level') eq lv && strcol('period') ne 'all' ? xa(column('paid_year'), column('alt')) : NaN) \
		  :((column('diff_lo') < column('diff') ? column('diff_lo') : column('diff')) / s):(column('diff') < 0 ? signed(column('diff')) : '') \
		with labels offset 0, -0.7 font fnt(fontsize - 2) tc rgb ink notitle
	unset label 901; unset label 902; unset label 903
}
# the legend: a row of its own under the subtitle, as wide as the chart
set lmargin at screen 0.025; set rmargin at screen 0.975
set bmargin at screen 0.83; set tmargin at screen 0.875
unset label 2; unset label 3; unset border; unset xtics; unset ytics; unset grid; unset xzeroaxis
set xrange [0 : 1]; set yrange [0 : 1]
set key at graph 0, graph 1 left top
plot for [a = 1:na] NaN with boxes fs solid 1.0 border lc rgb '#08306b' fc rgb fc(a) \
	title sprintf(zh ? '%s：%d–%d年合计 %s' : '%s: %s over %d–%d', aname[a], zh ? y0 : signed(atotal[a]), zh ? y1 : y0, zh ? signed(atotal[a]) : y1)
unset multiplot
