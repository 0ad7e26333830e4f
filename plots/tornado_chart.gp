# tornado_chart.gp - what moves total spending most: the mean total over
# all paid years with each parameter at its low and at its high value,
# the others at base, largest swing first (fundsim tornado).
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (scenario names,
# labels) is read with strcol into variables and used as string values
# (set label 901 title ...), which gnuplot never parses as code. A file or
# output name that would start with '<' or '|' (a pipe) gets './' first.
#
# Data: tornado_chart.csv, written by `fundsim tornado` into its output folder:
#   rank,key,label_en,label_zh,unit,range,base,low,high,base_text,low_text,
#   high_text,mean_base,p5_base,p95_base,mean_low,mean_high,diff_low,
#   diff_low_lo,diff_low_hi,diff_high,diff_high_lo,diff_high_hi,swing,bars
#   one row per parameter shown (at most 20), largest swing first. range:
#   "given" (a range from the scenario or --range) or "-20%:+20%" of the
#   base value; base/low/high in the parameter's unit, and as text;
#   spending in yuan; diff_*: the paired change from the base case with its
#   95% interval (what the bars show); bars: how many parameters the study
#   moved.
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-draft/tornado/tornado_chart.csv'; outfile='tornado.svg'" plots/tornado_chart.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: tornado_chart.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'tornado_chart'

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
base = NaN; p5 = NaN; p95 = NaN; bars = n; pcttext = ''
stats datafile using (base = column('mean_base'), p5 = column('p5_base'), p95 = column('p95_base'), \
	bars = column('bars'), strcol('range') ne 'given' ? (pcttext = strcol('range'), 0) : 0) nooutput
stats datafile using (strcol('range') eq 'given') nooutput
ngiven = int(STATS_sum)
stats datafile using (column('diff_low') < column('diff_high') ? column('diff_low') : column('diff_high')) nooutput
xmin = STATS_min < 0 ? STATS_min : 0
stats datafile using (column('diff_low') > column('diff_high') ? column('diff_low') : column('diff_high')) nooutput
xmax = STATS_max > 0 ? STATS_max : 0
s = scale(xmax > -xmin ? xmax : -xmin)
pct = pcttext ne '' ? pcttext[2:strstrt(pcttext, ':') - 1] : ''   # "-20%:+20%" -> "20%"

if (!exists("title")) title = zh ? '哪些参数最影响支出总额' : 'What moves total spending most'
if (!exists("subtitle")) subtitle = zh \
	? '一个参数取低值或高值、其余保持基准时，全部兑付年度支出总额的平均值' \
	: 'Mean total over all paid years, one parameter at its low or high value, the others at base'
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey
ranges = ngiven == n ? (zh ? '区间为情景或 --range 给定' : 'ranges as given in the scenario or --range') \
	: ngiven == 0 ? (zh ? sprintf('区间为基准值 ±%s（不超出参数的取值范围）', pct) : sprintf('ranges: base value ±%s, within each key''s valid range', pct)) \
	: (zh ? sprintf('区间为给定值，其余为基准值 ±%s（不超出取值范围）', pct) : sprintf('ranges as given, else base value ±%s within the valid range', pct))
shown = bars > n ? (zh ? sprintf('；显示 %d 个参数中变动最大的 %d 个', int(bars), n) : sprintf('; the %d largest swings of %d parameters', n, int(bars))) : ''
set label 904 (zh ? sprintf('基准情形：平均 %s（90%%区间 %s–%s）；%s%s', amount(base), amount(p5), amount(p95), ranges, shown) \
		  : sprintf('Base case: mean %s (90%% of outcomes %s to %s); %s%s', amount(base), amount(p5), amount(p95), ranges, shown)) \
	at screen 0.025, 0.853 left font fnt(fontsize) tc rgb ink

# rank 1 at the top; room either side of the bars for the values
few = n < 5 ? (5 - n) / 2.0 : 0   # a few bars keep their height, centred
set yrange [n + 0.6 + few : 0.4 - few]
tfs = n > 14 ? fontsize - 2 : fontsize - 1
tf = fnt(tfs)
set ytics scale 0 font tf tc rgb ink
unset grid
set grid xtics lc rgb rule lw 1 dt 1
span = xmax - xmin > 0 ? xmax - xmin : 1e4
pad = span * 0.16
set xrange [(xmin - pad) / s : (xmax + pad) / s]
set xtics format '%+g' out nomirror scale 0.5 tc rgb ink
set xtics add ('0' 0)
set border 1 lc rgb grey
set lmargin at screen 0.36; set rmargin at screen 0.90
set tmargin at screen 0.74; set bmargin at screen 0.14
set xlabel (zh ? '全部兑付年度支出总额平均值相对基准的变化（'.uname(s).'）' : 'Change of the mean total over all paid years from the base case, '.ulabel(s)) tc rgb grey offset 0, 0.3
lbl = zh ? 'label_zh' : 'label_en'
set label 5 (zh ? '变动幅度' : 'swing') at screen 0.90, 0.765 right offset 7.5, 0 font fnt(fontsize - 1) tc rgb grey
# below the subtitle, right of the base case's line
set key at screen 0.975, 0.835 right top horizontal maxrows 1 reverse Left samplen 1.5 width 2 textcolor rgb ink

# the base case: a line through every row at 0, its mean above
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc rgb '#222222' front
set label 6 (zh ? '基准 '.amount(base) : 'base '.amount(base)) at 0, graph 1 center offset 0, 0.8 font fnt(fontsize - 1) tc rgb ink front

# a value label goes outward from the base line; when both ends lie on one
# side, the shorter bar's label goes to the other side, so none overlaps.
# Label plots keep every row and give '' where a label is not theirs:
# gnuplot 5.4 crashes on a label plot whose points are all undefined.
side(e, o) = e < 0 ? -1 : e > 0 ? 1 : (o > 0 ? -1 : 1)
flip(e, o) = side(e, o) == side(o, e) && abs(e) < abs(o)
lx(e, o) = (flip(e, o) ? 0 : e) / s
ls(e, o) = flip(e, o) ? -side(e, o) : side(e, o)
lo(a, b) = a < b ? a : b
hi(a, b) = a > b ? a : b
light = '#9ecae1'; dark = '#08306b'
h = 0.33   # half a bar's height
# the shorter bar is drawn last, over the longer, when both lie on one side
longer_low(r) = abs(column('diff_low')) >= abs(column('diff_high'))

plot datafile using (0):'rank':(lo(0, column('diff_low')) / s):(hi(0, column('diff_low')) / s) \
	  :(column('rank') - h):(column('rank') + h):ytic(strcol(lbl)) \
	with boxxyerror fs solid 1.0 noborder lc rgb light title (zh ? '参数取低值' : 'At its low value'), \
     '' using (0):'rank':(lo(0, column('diff_high')) / s):(hi(0, column('diff_high')) / s) \
	  :(column('rank') - h):(column('rank') + h) \
	with boxxyerror fs solid 1.0 noborder lc rgb dark title (zh ? '参数取高值' : 'At its high value'), \
     '' using (longer_low(0) ? NaN : 0):'rank':(lo(0, column('diff_low')) / s):(hi(0, column('diff_low')) / s) \
	  :(column('rank') - h):(column('rank') + h) \
	with boxxyerror fs solid 1.0 noborder lc rgb light notitle, \
     '' using (lx(column('diff_low'), column('diff_high'))):'rank':(ls(column('diff_low'), column('diff_high')) > 0 ? strcol('low_text') : '') \
	with labels left offset 0.5, 0 font tf tc rgb ink notitle, \
     '' using (lx(column('diff_low'), column('diff_high'))):'rank':(ls(column('diff_low'), column('diff_high')) < 0 ? strcol('low_text') : '') \
	with labels right offset -0.5, 0 font tf tc rgb ink notitle, \
     '' using (lx(column('diff_high'), column('diff_low'))):'rank':(ls(column('diff_high'), column('diff_low')) > 0 ? strcol('high_text') : '') \
	with labels left offset 0.5, 0 font tf tc rgb ink notitle, \
     '' using (lx(column('diff_high'), column('diff_low'))):'rank':(ls(column('diff_high'), column('diff_low')) < 0 ? strcol('high_text') : '') \
	with labels right offset -0.5, 0 font tf tc rgb ink notitle, \
     '' using ((xmax + pad) / s):'rank':(amount(column('swing'))) \
	with labels right offset 7.5, 0 font tf tc rgb ink notitle
