# sobol_chart.gp - which uncertain assumptions drive total spending: the
# first-order and total Sobol indices of the mean total over the policy
# period, with 95% bootstrap intervals (fundsim sobol).
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (scenario names,
# labels) is read with strcol into variables and used as string values
# (set label 901 title ...), which gnuplot never parses as code. A file or
# output name that would start with '<' or '|' (a pipe) gets './' first.
#
# Data: sobol_chart.csv, written by `fundsim sobol` into its output folder:
#   rank,key,label_en,label_zh,unit,lo,hi,lo_text,hi_text,S1,S1_lo,S1_hi,
#   ST,ST_lo,ST_hi,points,bootstrap,reps,mean_total,sd_total,flat
#   one row per parameter of the [sensitivity] section, largest ST first;
#   lo/hi: its range in its own unit, and as text; S1: share of the
#   variance due to the parameter alone, ST: with all its interactions,
#   each with its 95% interval; points: base points N (N (k + 2) runs of
#   reps replications); bootstrap: resamples; mean_total and sd_total over
#   the design (yuan); flat 1: the total does not vary, every index is 0.
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-sensitivity/sobol/sobol_chart.csv'; outfile='sobol.svg'" plots/sobol_chart.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: sobol_chart.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'sobol_chart'

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
npts = 0; boot = 0; reps = 0; mtot = 0; sdtot = 0; flat = 0
stats datafile using (npts = column('points'), boot = column('bootstrap'), reps = column('reps'), \
	mtot = column('mean_total'), sdtot = column('sd_total'), flat = column('flat')) nooutput
stats datafile using (column('ST_hi') > column('S1_hi') ? column('ST_hi') : column('S1_hi')) nooutput
xmax = STATS_max > 1 ? STATS_max : 1
stats datafile using (column('ST_lo') < column('S1_lo') ? column('ST_lo') : column('S1_lo')) nooutput
xmin = STATS_min < 0 ? STATS_min : 0
grouped(n) = n >= 1e6 ? sprintf('%d,%03d,%03d', int(n / 1e6), int(n / 1e3) % 1000, int(n) % 1000) : n >= 1e3 ? sprintf('%d,%03d', int(n / 1e3), int(n) % 1000) : sprintf('%d', int(n))

if (!exists("title")) title = zh ? '哪些不确定假设决定支出总额（Sobol 指数）' : 'Which uncertain assumptions drive total spending (Sobol indices)'
if (!exists("subtitle")) subtitle = zh \
	? '各参数在其区间内同时变动时，全部兑付年度支出总额平均值的方差中各参数所占份额' \
	: 'Share of the variance of mean total spending as the parameters vary together over their ranges'
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey
set label 904 (zh ? sprintf('%s 个基准点 × %d = %s 次运行，每次模拟 %s 次；线段为95%%自助法区间（%s 次重抽样）；总额平均 %s，标准差 %s', \
			   grouped(npts), n + 2, grouped(npts * (n + 2)), grouped(reps), grouped(boot), amount(mtot), amount(sdtot)) \
		  : sprintf('%s base points × %d = %s runs of %s replications; lines: 95%% bootstrap intervals (%s resamples); mean total %s, sd %s', \
			   grouped(npts), n + 2, grouped(npts * (n + 2)), grouped(reps), grouped(boot), amount(mtot), amount(sdtot))) \
	at screen 0.025, 0.853 left font fnt(fontsize) tc rgb ink

set yrange [n + 0.6 : 0.4]
tf = fnt(n > 14 ? fontsize - 2 : fontsize - 1)
set ytics scale 0 font tf tc rgb ink
unset grid
set grid xtics lc rgb rule lw 1 dt 1
set xrange [xmin - 0.02 : xmax * 1.1]
set xtics format '%g' out nomirror scale 0.5 tc rgb ink
set border 1 lc rgb grey
set lmargin at screen 0.40; set rmargin at screen 0.97
set tmargin at screen 0.74; set bmargin at screen 0.14
set xlabel (zh ? 'Sobol 指数（方差份额，0 至 1）' : 'Sobol index (share of the variance, 0 to 1)') tc rgb grey offset 0, 0.3
set key at screen 0.975, 0.835 right top horizontal maxrows 1 reverse Left samplen 1.5 width 2 textcolor rgb ink
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1 lc rgb '#555555' front
if (flat) { set label 1 (zh ? '在这些区间内支出总额平均值不变：各指数均为0' : 'The mean total does not vary over these ranges: every index is 0') \
	at graph 0.5, 0.5 center font fnt(fontsize + 1) tc rgb grey front }

lbl = zh ? 'label_zh' : 'label_en'
tick(r) = sprintf('%s  %s–%s', strcol(lbl), strcol('lo_text'), strcol('hi_text'))
st = '#08306b'; s1 = '#9ecae1'; bar = '#555555'
dy = 0.19; h = 0.15
plot datafile using (0):'rank':(0):(column('ST') > 0 ? column('ST') : 0):(column('rank') - dy - h):(column('rank') - dy + h):ytic(tick(0)) \
	with boxxyerror fs solid 1.0 noborder lc rgb st title (zh ? '总效应指数 ST（含交互作用）' : 'Total index ST (with interactions)'), \
     '' using (0):'rank':(0):(column('S1') > 0 ? column('S1') : 0):(column('rank') + dy - h):(column('rank') + dy + h) \
	with boxxyerror fs solid 1.0 noborder lc rgb s1 title (zh ? '一阶指数 S1（单独作用）' : 'First-order index S1 (alone)'), \
     '' using 'ST':(column('rank') - dy):'ST_lo':'ST_hi' with xerrorbars pt -1 lw 1.5 lc rgb bar notitle, \
     '' using 'S1':(column('rank') + dy):'S1_lo':'S1_hi' with xerrorbars pt -1 lw 1.5 lc rgb bar notitle, \
     '' using (column('ST_hi') > column('ST') ? column('ST_hi') : column('ST')):(column('rank') - dy):(sprintf('%.2f', column('ST'))) \
	with labels left offset 0.6, 0 font tf tc rgb ink notitle, \
     '' using (column('S1_hi') > column('S1') ? column('S1_hi') : column('S1')):(column('rank') + dy):(sprintf('%.2f', column('S1'))) \
	with labels left offset 0.6, 0 font tf tc rgb grey notitle
