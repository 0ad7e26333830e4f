# spider_chart.gp - how total spending responds to each parameter: the
# mean total over all paid years as each of the largest swings of the
# tornado moves by -20% to +20% of its base value, the others at base
# (fundsim tornado).
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (scenario names,
# labels) is read with strcol into variables and used as string values
# (set label 901 title ...), which gnuplot never parses as code. A file or
# output name that would start with '<' or '|' (a pipe) gets './' first.
#
# Data: spider_chart.csv, written by `fundsim tornado` into its output folder:
#   rank,key,label_en,label_zh,unit,pct,change,value,text,mean,mean_base,
#   diff,diff_lo,diff_hi
#   one row per parameter and step; rank: the parameter's place in the
#   tornado; pct: the step asked for (-20, -10, 0, 10, 20); change: the %
#   change the value took (a whole number rounds outward: 3 at -20% is 2,
#   -33%); value in the parameter's unit, and as text; spending in yuan;
#   diff: the paired change from the base case with its 95% interval.
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-draft/tornado/spider_chart.csv'; outfile='spider.svg'" plots/spider_chart.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: spider_chart.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'spider_chart'

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

stats datafile using 'rank' nooutput
n = int(STATS_max)
stats datafile using 'mean' nooutput
ymin = STATS_min; ymax = STATS_max
base = NaN
stats datafile using (base = column('mean_base')) nooutput
stats datafile using 'change' nooutput
cmin = STATS_min; cmax = STATS_max
s = scale(ymax)
array name[n]
do for [r = 1:n] {
	name[r] = ''
	stats datafile using (column('rank') == r ? (name[r] = strcol(zh ? 'label_zh' : 'label_en'), 0) : 0) nooutput
}

if (!exists("title")) title = zh ? '支出总额对各参数的敏感度' : 'How total spending responds to each parameter'
if (!exists("subtitle")) subtitle = zh \
	? sprintf('每次只变动一个参数（基准值的 -20%% 至 +20%%）、其余保持基准，全部兑付年度支出总额的平均值；基准情形 %s', amount(base)) \
	: sprintf('Mean total over all paid years as one parameter moves from -20%% to +20%% of its base value, the others at base; base case %s', amount(base))
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey

# each line its own colour, dash and mark, so that they part in grey too
array col[10] = ['#08306b', '#cb181d', '#238b45', '#6a51a3', '#d94801', '#2171b5', '#737373', '#8c6d31', '#e7298a', '#000000']
array pts[10] = [7, 5, 9, 11, 13, 6, 4, 8, 10, 12]
array dts[10] = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]

set lmargin at screen 0.08; set rmargin at screen 0.58
set tmargin at screen 0.80; set bmargin at screen 0.15
set label 3 ulabel(s) at screen 0.035, 0.845 left font fnt(fontsize - 1) tc rgb grey
set xlabel (zh ? '参数相对基准值的变动' : 'Change of the parameter from its base value') tc rgb grey offset 0, 0.6
lo = cmin < -20 ? cmin : -20; hi = cmax > 20 ? cmax : 20
set xrange [lo - 2 : hi + 2]
set xtics format '%+g%%' out nomirror scale 0.5 tc rgb ink
set xtics add ('0' 0)
set ytics format '%g' tc rgb ink
set grid xtics ytics lc rgb rule lw 1 dt 1
pad = (ymax - ymin) * 0.08 + abs(base) * 0.002
set yrange [(ymin - pad) / s : (ymax + pad) / s]
set arrow 1 from graph 0, first base / s to graph 1, first base / s nohead dt (6, 4) lw 1.5 lc rgb '#555555' back
set arrow 2 from 0, graph 0 to 0, graph 1 nohead lw 1 lc rgb '#999999' back
keyfont = fnt(fontsize - 1)
set key at screen 0.595, 0.80 left top vertical Left reverse samplen 3 spacing 1.5 width 0 font keyfont textcolor rgb ink
set key title (zh ? '按变动幅度排序' : 'Largest swing first') left font fnt(fontsize - 1) tc rgb grey

plot for [r = 1:n] datafile using (column('rank') == r ? column('change') : NaN):(column('mean') / s) \
	with linespoints lw 2.5 dt dts[(r - 1) % 10 + 1] pt pts[(r - 1) % 10 + 1] ps 1.2 * ptscale \
	lc rgb col[(r - 1) % 10 + 1] title name[r]
