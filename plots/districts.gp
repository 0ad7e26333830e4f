# districts.gp - the cost by the recipients' district over all paid
# years, the mean split by funding level, with the total's 90% interval
# (fundsim chart 6).
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (district names)
# is read with strcol and used as string values (ytic labels), which
# gnuplot never parses as code. A file or output name that would start
# with '<' or '|' (a pipe) gets './' first.
#
# Data: districts.csv, written by `fundsim run` into its output folder:
#   rank,name,mean,p5,p95,provincial,municipal,district (yuan; the
#   district's name, the total's mean, 5th and 95th percentiles, then each
#   level's mean),
#   dearest first; 未指定 (no district given) only when some run paid one
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-draft/districts.csv'; outfile='districts.svg'" plots/districts.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: districts.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'districts'

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

if (!exists("title")) title = zh ? '各区（县级市）资金需求（全部兑付年度）' : 'Cost by district over all paid years'
if (!exists("subtitle")) subtitle = zh ? '色段为各出资层级的平均值，横线为合计的90%可能区间（第5至第95百分位）' : 'Bars: mean by funding level; line: 90% interval of the total (5th to 95th percentile)'
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey

stats datafile using 'rank' nooutput
n = int(STATS_max)
stats datafile using 'p95' nooutput
xmax = STATS_max > 0 ? STATS_max : 1
s = scale(xmax)

set yrange [n + 0.6 : 0.4]
tf = fnt(fontsize - 1)
set ytics scale 0 font tf tc rgb ink
unset grid
set grid xtics lc rgb rule lw 1 dt 1
set xrange [0 : xmax / s * 1.02]
set xtics format '%g' scale 0.5 tc rgb ink
set border 0
set lmargin at screen 0.20; set rmargin at screen 0.86
set tmargin at screen 0.78; set bmargin at screen 0.12
set label 3 ulabel(s) at screen 0.185, 0.807 right font fnt(fontsize - 1) tc rgb grey
set key at screen 0.20, 0.875 left top horizontal maxrows 1 reverse Left samplen 2 width 2 textcolor rgb ink
set label 4 (zh ? '平均' : 'mean') at screen 0.86, 0.807 right offset 8, 0 font fnt(fontsize - 1) tc rgb grey

pv(r) = column('provincial') / s
mu(r) = (column('provincial') + column('municipal')) / s
plot datafile using (0):'rank':(0):(pv(0)):(column('rank') - 0.3):(column('rank') + 0.3) \
	with boxxyerror fs solid 1.0 noborder lc rgb '#08519c' title (zh ? '省级' : 'Provincial'), \
     '' using (0):'rank':(pv(0)):(mu(0)):(column('rank') - 0.3):(column('rank') + 0.3) \
	with boxxyerror fs solid 1.0 noborder lc rgb '#4292c6' title (zh ? '市级' : 'Municipal'), \
     '' using (0):'rank':(mu(0)):(mu(0) + column('district') / s):(column('rank') - 0.3):(column('rank') + 0.3) \
	with boxxyerror fs solid 1.0 noborder lc rgb '#9ecae1' title (zh ? '区（县级市）级' : 'District'), \
     '' using (column('mean') / s):'rank':(column('p5') / s):(column('p95') / s):ytic(strcol('name')) \
	with xerrorbars pt 7 ps 0.9 * ptscale lw 1.5 lc rgb '#222222' title (zh ? '合计均值与90%区间' : 'Total: mean, 90% interval'), \
     '' using (xmax / s * 1.02):'rank':(amount(column('mean'))) \
	with labels right offset 8, 0 font tf tc rgb ink notitle
