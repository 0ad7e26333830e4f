# sweep_chart.gp - spending against the value of a swept parameter: the
# mean over all paid years with its 90% band, total and per funding level;
# a sweep of two keys draws one line per value of the second (fundsim sweep).
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (scenario names,
# labels) is read with strcol into variables and used as string values
# (set label 901 title ...), which gnuplot never parses as code. A file or
# output name that would start with '<' or '|' (a pipe) gets './' first.
#
# Data: sweep_chart.csv, written by `fundsim sweep` into its output folder:
#   point,index1,key1,label1_en,label1_zh,unit1,value1,text1,
#   index2,key2,label2_en,label2_zh,unit2,value2,text2,
#   level,mean,p5,p95,diff,diff_lo,diff_hi
#   one row per grid point and funding level (total, provincial, municipal,
#   district), a level's rows together: the base case first (point 0,
#   index 0), then the points of each value of the second key in turn. Spending in yuan over
#   all paid years; a key's value in its own unit (unit yuan, share, or what
#   it counts) and as text; diff: the paired change from the base case with
#   its 95% interval. The key2 columns are empty for a sweep of one key.
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-draft/sweep/sweep_chart.csv'; outfile='sweep.svg'" plots/sweep_chart.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: sweep_chart.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'sweep_chart'

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

# the keys, from the base case's row
key1 = ''; lab1 = ''; unit1 = ''; base1 = NaN; btext1 = ''
key2 = ''; lab2 = ''; btext2 = ''; base_total = NaN
stats datafile using (column('point') == 0 && strcol('level') eq 'total' ? \
	(key1 = strcol('key1'), lab1 = strcol(zh ? 'label1_zh' : 'label1_en'), unit1 = strcol('unit1'), \
	 base1 = column('value1'), btext1 = strcol('text1'), key2 = strcol('key2'), \
	 lab2 = strcol(zh ? 'label2_zh' : 'label2_en'), btext2 = strcol('text2'), \
	 base_total = column('mean'), 0) : 0) nooutput
two = key2 ne ''
stats datafile using 'index1' nooutput
n1 = int(STATS_max)
n2 = 1
if (two) { stats datafile using 'index2' nooutput; n2 = int(STATS_max) }
stats datafile using (abs(column('value1'))) nooutput
vmax = STATS_max

# the swept value on the x axis: money in 万元 or 亿元, shares in %
xs = unit1 eq 'yuan' ? scale(vmax) : unit1 eq 'share' ? 0.01 : 1
xv(v) = v / xs
uword(u) = u eq 'yuan' ? uname(xs) : u eq 'share' ? '%' : u eq 'years' ? (zh ? '年' : 'years') \
	: u eq 'persons' ? (zh ? '人' : 'persons') : ''
xunit = uword(unit1)

# a key by what it means, the key after it (label1_zh: 'M6A 奖励比例（m6a.rate）'):
# 'm6a.rate' alone tells a reader of a briefing nothing
if (!exists("title")) title = zh ? sprintf('支出总额随%s的变化', lab1) : sprintf('Spending as %s varies', lab1)
if (!exists("subtitle")) subtitle = two \
	? (zh ? sprintf('全部兑付年度支出总额的平均值，每条线为图例中的一个取值；基准情形（圆圈）：%s %s，%s %s', key1, btext1, key2, btext2) \
	      : sprintf('Mean over all paid years, one line per value in the legend; base case (circle): %s %s, %s %s', key1, btext1, key2, btext2)) \
	: (zh ? '全部兑付年度支出总额的平均值及90%区间（第5至第95百分位）' \
	      : 'Mean over all paid years, with the range of 90% of outcomes')
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey
base_title = two ? (zh ? '基准情形' : 'Base case') : (zh ? sprintf('基准情形 %s', btext1) : sprintf('Base case %s', btext1))

band90 = '#c6dbef'; mid = '#08306b'
levels = 'total provincial municipal district'
if (zh) { array lname[4] = ['合计（全部资金）', '省级资金', '市级资金', '区（县级市）级资金'] } \
else { array lname[4] = ['Total, all funding levels', 'Provincial funds', 'Municipal funds', 'District funds'] }

# lines of a 2-D sweep: light to dark as the second key rises, each with
# its own dash and mark so that they part in grey too
array lt2[n2]
array ltext[n2]
do for [j = 1:n2] {
	f = n2 > 1 ? (j - 1.0) / (n2 - 1) : 1
	lt2[j] = sprintf('#%02x%02x%02x', int(0x9e + f * (0x08 - 0x9e)), int(0xca + f * (0x30 - 0xca)), int(0xe1 + f * (0x6b - 0xe1)))
	if (two) { stats datafile using (column('index2') == j && column('index1') == 1 && strcol('level') eq 'total' ? (ltext[j] = strcol('text2'), 0) : 0) nooutput }
}
array pts[8] = [7, 5, 9, 13, 11, 6, 4, 8]

# each panel's extent (the band, or the lines), and the change from the
# base case at the first and the last value (a 2-D sweep: on the base
# case's line of the second key, when it has one)
array top[4]
array bot[4]
array dfirst[4]
array dlast[4]
stats datafile using (column('point') > 0 ? column('value1') : NaN) nooutput
v0 = STATS_min; v1 = STATS_max
t0 = ''; t1 = ''
stats datafile using (column('point') > 0 && column('value1') == v0 ? (t0 = strcol('text1'), 0) : \
	column('point') > 0 && column('value1') == v1 ? (t1 = strcol('text1'), 0) : 0) nooutput
on_base_line(v) = !two || strcol('text2') eq btext2
do for [i = 1:4] {
	lv = word(levels, i)
	top[i] = -1e300; bot[i] = 1e300; dfirst[i] = NaN; dlast[i] = NaN
	stats datafile using (strcol('level') eq lv ? (column(two ? 'mean' : 'p95') > top[i] ? top[i] = column(two ? 'mean' : 'p95') : 0, \
		column(two ? 'mean' : 'p5') < bot[i] ? bot[i] = column(two ? 'mean' : 'p5') : 0, \
		column('point') > 0 && on_base_line(0) && column('value1') == v0 ? dfirst[i] = column('diff') : 0, \
		column('point') > 0 && on_base_line(0) && column('value1') == v1 ? dlast[i] = column('diff') : 0, 0) : 0) nooutput
}
signed(v) = v == 0 ? '0' : (v > 0 ? '+' : '-').amount(abs(v))
t1 = v1 > v0 ? t1 : t0
change(i) = dfirst[i] != dfirst[i] || dlast[i] != dlast[i] ? '' : v1 > v0 \
	? (zh ? sprintf('较基准：%s 时 %s，%s 时 %s', t0, signed(dfirst[i]), t1, signed(dlast[i])) \
	      : sprintf('vs base: %s at %s, %s at %s', signed(dfirst[i]), t0, signed(dlast[i]), t1)) \
	: (zh ? sprintf('较基准：%s 时 %s', t0, signed(dfirst[i])) : sprintf('vs base: %s at %s', signed(dfirst[i]), t0))
stats datafile using (xv(column('value1'))) nooutput
x0 = STATS_min; x1 = STATS_max
# room beside the first and the last value for its label (about 60 px of
# a 512 px panel), clear of the y axis's tick marks and numbers
xpad = x1 > x0 ? (x1 - x0) * (two ? 0.07 : 0.11) : (x0 != 0 ? abs(x0) * 0.1 : 1)
set xrange [x0 - xpad : x1 + xpad]
set xtics out nomirror scale 0.5 tc rgb ink
set xtics format (unit1 eq 'share' ? '%g%%' : '%g')
# whole numbers (years, counts) over a short range: a tick at each
stats datafile using (column('value1') != floor(column('value1'))) nooutput
if (STATS_sum == 0 && unit1 ne 'yuan' && unit1 ne 'share' && x1 - x0 <= 12) { set xtics 1 }
set ytics format '%g'
set grid xtics ytics lc rgb rule lw 1 dt 1
# the value labels on a white ground: the base case's dashed line and the
# grid pass behind them, not through them
set style textbox opaque noborder margins 1, 0.5

# the legend is drawn last, in a blank plot of its own: a panel's key
# could be no wider than the panel
if (two) {
	# a column on the right: one entry per value of the second key
	set key vertical Left reverse samplen 3.5 spacing 1.3 width 0 textcolor rgb ink
	# the meaning, wrapped at its spaces, over the key: the legend's column
	# is narrow (about 22 letters, 11 Chinese characters)
	cut = strstrt(lab2, zh ? '（' : ' (')
	meaning = cut > 1 ? lab2[1:cut - 1] : ''
	ktitle = ''; kline = ''
	do for [i = 1:words(meaning)] {
		wd = word(meaning, i)
		if (kline ne '' && strlen(kline) + 1 + strlen(wd) > (zh ? 11 : 22)) { ktitle = ktitle.kline."\n"; kline = wd } \
		else { kline = kline eq '' ? wd : kline.' '.wd }
	}
	ktitle = cut > 1 ? ktitle.kline."\n".lab2[cut + (zh ? 0 : 1):] : lab2
	set key title ktitle left font fnt(fontsize - 1) tc rgb grey
} else {
	set key horizontal maxrows 1 reverse Left samplen 2 width 1 textcolor rgb ink
}

# the means in words: every one on a short grid (six: 7 labels of 万 touch), else the ends and the base's
# (the base's not beside an end's: two labels a point apart would touch)
bidx = 0
stats datafile using (column('point') > 0 && column('value1') == base1 ? (bidx = column('index1'), 0) : 0) nooutput
labelled(x) = n1 <= 6 || column('index1') == 1 || column('index1') == n1 \
	|| (column('value1') == base1 && bidx > 2 && bidx < n1 - 1)
array px0[4] = [0.07, 0.57, 0.07, 0.57]
array py0[4] = [0.545, 0.545, 0.155, 0.155]
pw = 0.40; ph = 0.225
if (two) { px0[2] = 0.505; px0[4] = 0.505; pw = 0.33 }
xtitle = lab1.(xunit ne '' && xunit ne '%' ? (zh ? '，' : ', ').xunit : '')

set multiplot
do for [i = 1:4] {
	lv = word(levels, i)
	s = scale(abs(top[i]) > abs(bot[i]) ? abs(top[i]) : abs(bot[i]))
	set lmargin at screen px0[i]; set rmargin at screen px0[i] + pw
	set bmargin at screen py0[i]; set tmargin at screen py0[i] + ph
	set label 2 lname[i] at screen px0[i] - 0.045, py0[i] + ph + 0.07 left font fntb(fontsize + 1) tc rgb ink
	set label 3 (top[i] > 0 ? ulabel(s) : '') at screen px0[i] - 0.045, py0[i] + ph + 0.035 left font fnt(fontsize - 1) tc rgb grey
	set label 4 (i > 2 ? xtitle : '') at screen px0[i] + pw, py0[i] - 0.075 right font fnt(fontsize - 1) tc rgb grey
	set label 5 change(i) at screen px0[i] + pw, py0[i] + ph + 0.035 right font fnt(fontsize - 1) tc rgb ink
	unset label 1
	unset arrow 1
	unset key
	if (top[i] <= 0 && bot[i] >= 0) {
		unset label 5
		set yrange [0 : 1]; unset ytics
		set label 1 (zh ? '本情景中此级不承担资金' : 'Pays nothing in this scenario') \
		    at graph 0.5, 0.5 center font fnt(fontsize + 1) tc rgb grey
		plot NaN notitle
		set ytics; unset label 1
		unset label 901; unset label 902; unset label 903
		continue
	}
	# not from 0: the change is what a sweep shows; the band gives the scale
	ypad = (top[i] - bot[i]) > 0 ? (top[i] - bot[i]) : abs(top[i]) * 0.1
	set yrange [(bot[i] - ypad * 0.12) / s : (top[i] + ypad * (two ? 0.12 : 0.3)) / s]
	set arrow 1 from xv(base1), graph 0 to xv(base1), graph 1 nohead dt (6, 4) lw 1.5 lc rgb '#555555' back
	if (two) {
		plot for [j = 1:n2] datafile using (strcol('level') eq lv && column('index2') == j && column('point') > 0 ? xv(column('value1')) : NaN):(column('mean') / s) \
			with linespoints lw 2.5 dt 1 + (j - 1) % 5 pt pts[(j - 1) % 8 + 1] ps 1.1 * ptscale lc rgb lt2[j] title ltext[j], \
		     datafile using (strcol('level') eq lv && column('point') == 0 ? xv(column('value1')) : NaN):(column('mean') / s) \
			with points pt 6 ps 2.4 * ptscale lw 2 lc rgb '#000000' title base_title
	} else {
		plot datafile using (strcol('level') eq lv && column('point') > 0 ? xv(column('value1')) : NaN):(column('p5') / s):(column('p95') / s) \
			with filledcurves lc rgb band90 notitle, \
		     '' using (strcol('level') eq lv && column('point') > 0 ? xv(column('value1')) : NaN):(column('mean') / s) \
			with linespoints lw 3 pt 7 ps 1.1 * ptscale lc rgb mid notitle, \
		     '' using (strcol('level') eq lv && column('point') == 0 ? xv(column('value1')) : NaN):(column('mean') / s) \
			with points pt 6 ps 2.4 * ptscale lw 2 lc rgb '#000000' title base_title, \
		     '' using (strcol('level') eq lv && column('point') > 0 ? xv(column('value1')) : NaN):(column('p95') / s):(labelled(0) ? amount(column('mean')) : '') \
			with labels boxed offset 0, 0.8 font fnt(fontsize - 2) tc rgb mid notitle
	}
	# header and footnote only once
	unset label 901; unset label 902; unset label 903
}
unset label 2; unset label 3; unset label 4; unset label 5; unset arrow 1
unset border; unset xtics; unset ytics; unset grid
set xrange [0 : 1]; set yrange [0 : 1]
if (two) {
	set lmargin at screen 0.845; set rmargin at screen 0.99
	set bmargin at screen 0.155; set tmargin at screen 0.77
	set key at graph 0, graph 1 left top
	plot for [j = 1:n2] NaN with linespoints lw 2.5 dt 1 + (j - 1) % 5 pt pts[(j - 1) % 8 + 1] ps 1.1 * ptscale lc rgb lt2[j] title ltext[j], \
	     NaN with points pt 6 ps 2.4 * ptscale lw 2 lc rgb '#000000' title base_title
} else {
	set lmargin at screen 0.45; set rmargin at screen 0.975
	set bmargin at screen 0.855; set tmargin at screen 0.91
	set key at graph 1, graph 1 right top
	plot NaN with filledcurves lc rgb band90 title (zh ? '90%区间' : 'Middle 90%'), \
	     NaN with linespoints lw 3 pt 7 ps 1.1 * ptscale lc rgb mid title (zh ? '平均值' : 'Mean'), \
	     NaN with points pt 6 ps 2.4 * ptscale lw 2 lc rgb '#000000' title base_title
}
unset multiplot
