# ranked.gp - the measures (award lines) ranked by expected cost over all
# paid years, each with its 90% interval (fundsim chart 4 of 5).
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (scenario names,
# labels) is read with strcol into variables and used as string values
# (set label 901 title ...), which gnuplot never parses as code. A file or
# output name that would start with '<' or '|' (a pipe) gets './' first.
#
# Data: ranked.csv, written by `fundsim run` into its output folder:
#   rank,line,label_en,label_zh,mean,p5,p50,p95,share   (yuan; share of
#   the expected total), dearest first; measures that pay nothing are left out
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-draft/ranked.csv'; outfile='ranked.svg'" plots/ranked.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: ranked.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'ranked'

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

if (!exists("title")) title = zh ? '各项措施预期支出排序（全部兑付年度合计）' : 'Measures ranked by expected cost over all paid years'
if (!exists("subtitle")) subtitle = zh ? '圆点为平均值，横线为90%可能区间（第5至第95百分位）' : 'Dot: mean; bar: 90% interval (5th to 95th percentile); right: mean and share of the total'
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey

stats datafile using 'rank' nooutput
n = int(STATS_max)
stats datafile using 'p95' nooutput
xmax = STATS_max
s = scale(xmax)

# rows: rank 1 at the top; zebra stripes guide the eye across 26 rows
set yrange [n + 0.6 : 0.4]
tfs = n > 18 ? fontsize - 2 : fontsize - 1
tf = fnt(tfs)
set ytics scale 0 font tf tc rgb ink
unset grid
set grid xtics lc rgb rule lw 1 dt 1
set xrange [0 : xmax / s * 1.02]
set xtics format '%g' scale 0.5 tc rgb ink
set x2tics format '%g' scale 0.5 tc rgb ink
set link x2
set border 0
set lmargin at screen 0.42; set rmargin at screen 0.84
set tmargin at screen 0.80; set bmargin at screen 0.12
set label 3 ulabel(s) at screen 0.405, 0.827 right font fnt(fontsize - 1) tc rgb grey
set key at screen 0.975, 0.905 right top horizontal maxrows 1 reverse Left samplen 2 width 2 textcolor rgb ink
lbl = zh ? 'label_zh' : 'label_en'
set label 4 (zh ? '平均' : 'mean') at screen 0.84, 0.827 right offset 7.5, 0 font fnt(fontsize - 1) tc rgb grey
set label 5 (zh ? '占比' : 'share') at screen 0.84, 0.827 right offset 12.5, 0 font fnt(fontsize - 1) tc rgb grey

plot datafile every 2 using (0):'rank':(0):(xmax / s * 1.02):(column('rank') - 0.5):(column('rank') + 0.5) \
	with boxxyerror fs solid 1.0 noborder lc rgb '#f2f2f2' notitle, \
     '' using (column('p5') / s):'rank':(column('p5') / s):(column('p95') / s):(column('rank') - 0.12):(column('rank') + 0.12) \
	with boxxyerror fs solid 1.0 noborder lc rgb '#9ecae1' title (zh ? '90%区间' : '90% interval'), \
     '' using (column('mean') / s):'rank':ytic(strcol(lbl)) \
	with points pt 7 ps 1.3 * ptscale lc rgb '#08306b' title (zh ? '平均值' : 'Mean'), \
     '' using (xmax / s * 1.02):'rank':(amount(column('mean'))) \
	with labels right offset 7.5, 0 font tf tc rgb ink notitle, \
     '' using (xmax / s * 1.02):'rank':(sprintf('%.1f%%', 100 * column('share'))) \
	with labels right offset 12.5, 0 font tf tc rgb grey notitle
