# convergence.gp - the running mean of total spending with its 95%
# interval, after each block of replications: has the run settled?
# (fundsim chart 5 of 5)
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (scenario names,
# labels) is read with strcol into variables and used as string values
# (set label 901 title ...), which gnuplot never parses as code. A file or
# output name that would start with '<' or '|' (a pipe) gets './' first.
#
# Data: convergence.csv, written by `fundsim run` into its output folder:
#   replications,mean,se,lo95,hi95   (yuan; lo95/hi95 = mean -/+ 1.96 se),
#   one row per block of 256 replications and one for the last
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-draft/convergence.csv'; outfile='convergence.svg'" plots/convergence.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: convergence.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'convergence'

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

# the last row is where the run stopped
stats datafile using 'replications' nooutput
nmax = STATS_max; nrows = STATS_records
stats datafile using (column('replications') == nmax ? (last = column('mean'), last_se = column('se'), column('hi95')) : column('hi95')) nooutput
ymax = STATS_max
stats datafile using 'lo95' nooutput
ymin = STATS_min
s = scale(abs(last) > 0 ? abs(last) : ymax)
half = 1.96 * last_se
rel = last != 0 ? half / abs(last) : 0
grouped(n) = n >= 1e6 ? sprintf('%d,%03d,%03d', int(n / 1e6), int(n / 1e3) % 1000, int(n) % 1000) : n >= 1e3 ? sprintf('%d,%03d', int(n / 1e3), int(n) % 1000) : sprintf('%d', int(n))

if (!exists("title")) title = zh ? '模拟收敛情况：支出总额的累计平均值' : 'Convergence: running mean of total spending'
if (!exists("subtitle")) subtitle = zh \
	? sprintf('%s 次模拟后：%s ± %s（95%%置信区间，±%.2f%%）', grouped(nmax), amount(last), amount(half), 100 * rel) \
	: sprintf('After %s replications: %s ± %s (95%% confidence interval, ±%.2f%%)', grouped(nmax), amount(last), amount(half), 100 * rel)
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey

set lmargin at screen 0.08; set rmargin at screen 0.96
set tmargin at screen 0.80; set bmargin at screen 0.14
set label 3 ulabel(s) at screen 0.035, 0.845 left font fnt(fontsize - 1) tc rgb grey
set xlabel (zh ? '模拟次数' : 'Replications') tc rgb grey offset 0, 0.3
set xrange [0 : nmax * 1.04]
set xtics format '%.0f' out nomirror scale 0.5 tc rgb ink
set ytics format '%g' tc rgb ink
pad = (ymax - ymin) * 0.25 + abs(last) * 0.002
if (pad <= 0) pad = s   # nothing paid: a flat line at 0
set yrange [(ymin - pad) / s : (ymax + pad) / s]
if (nrows < 2) set label 5 (zh ? '每256次模拟记录一个点：增加模拟次数可看到平均值如何趋稳' : 'A point is recorded every 256 replications: run more to see the mean settle') \
	at graph 0.5, 0.12 center font fnt(fontsize) tc rgb grey
set bars 0   # interval lines without caps: the band says the rest
set key at screen 0.96, 0.865 right top horizontal maxrows 1 reverse Left samplen 2 width 2 textcolor rgb ink

set arrow 1 from graph 0, first last / s to graph 1, first last / s nohead dt (6, 4) lw 2 lc rgb '#555555' back

plot datafile using 'replications':(column('lo95') / s):(column('hi95') / s) \
	with filledcurves lc rgb '#c6dbef' title (zh ? '95%置信区间' : '95% confidence interval'), \
     '' using 'replications':(column('mean') / s):(column('lo95') / s):(column('hi95') / s) \
	with yerrorbars pt -1 lw 1.5 lc rgb '#6baed6' notitle, \
     keyentry with lines dt (6, 4) lw 2 lc rgb '#555555' title (zh ? '最终平均值' : 'Final mean'), \
     '' using 'replications':(column('mean') / s) \
	with linespoints lw 2.5 pt 7 ps 1.2 * ptscale lc rgb '#08306b' title (zh ? '累计平均值' : 'Running mean')
