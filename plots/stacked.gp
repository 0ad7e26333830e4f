# stacked.gp - mean spending per measure (award line) per paid year, as
# stacked bars: the dearest measures by name, the rest as one segment
# (fundsim chart 2 of 5).
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (scenario names,
# labels) is read with strcol into variables and used as string values
# (set label 901 title ...), which gnuplot never parses as code. A file or
# output name that would start with '<' or '|' (a pipe) gets './' first.
#
# Data: stacked.csv, written by `fundsim run` into its output folder:
#   paid_year,segment,line,label_en,label_zh,mean,base,top   (yuan)
#   segment 1 is the bottom of each bar; base and top are where it starts
#   and ends; line OTHER gathers the measures not named.
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-draft/stacked.csv'; outfile='stacked.svg'" plots/stacked.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: stacked.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'stacked'

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


# segment k of every bar; 1 is the dearest measure, at the bottom
stats datafile using 'segment' nooutput
nseg = int(STATS_max)
stats datafile using 'paid_year' nooutput
y0 = STATS_min; y1 = STATS_max
stats datafile using 'top' nooutput
ymax = STATS_max
s = scale(ymax)
array lbl[nseg]
array tot[nseg]
do for [k = 1:nseg] {
	stats datafile using (column('segment') == k ? (lbl[k] = strcol(zh ? 'label_zh' : 'label_en'), column('mean')) : NaN) nooutput
	tot[k] = STATS_sum
}
# dark to light up the stack, so it reads in grey too; the rest: grey, hatched
array fill[8] = ['#2d1e5a', '#3b4f8a', '#2f6f8e', '#238a8d', '#2aa57e', '#6cc25a', '#b5d93a', '#f2e34c']
has_other = 0
stats datafile using (column('segment') == nseg && strcol('line') eq 'OTHER' ? has_other = 1 : 0) nooutput
other(k) = has_other && k == nseg
colour(k) = other(k) ? '#d0d0d0' : fill[(k - 1) % 8 + 1]
named = has_other ? nseg - 1 : nseg

if (!exists("title")) title = zh ? '各项措施年度平均支出（按兑付年度）' : 'Mean spending per measure, by paid year'
if (!exists("subtitle")) subtitle = zh \
	? (has_other ? sprintf('平均支出最多的%d项措施单列，其余合并；柱顶为年度合计', named) : '各项措施平均支出；柱顶为年度合计') \
	: (has_other ? sprintf('The %d dearest measures by name, the rest together; yearly totals above the bars', named) : 'Every measure that pays; yearly totals above the bars')
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey

set lmargin at screen 0.08; set rmargin at screen 0.43
set bmargin at screen 0.12; set tmargin at screen 0.80
set label 3 ulabel(s) at screen 0.035, 0.845 left font fnt(fontsize - 1) tc rgb grey
set xrange [y0 - 0.6 : y1 + 0.6]
set xtics y0, 1, y1 format '%.0f' scale 0
set yrange [0 : ymax / s * 1.1]
set ytics format '%g'
set key at screen 0.465, 0.80 left top vertical Left reverse samplen 1.2 spacing 1.35 width 0 textcolor rgb ink
set key title (zh ? sprintf('%d–%d年合计', y0, y1) : sprintf('Total %d–%d', y0, y1)) left font fnt(fontsize - 1) tc rgb grey

bw = 0.32   # half the bar width
plot for [k = nseg:1:-1] datafile \
	using (column('segment') == k ? column('paid_year') : NaN):((column('base') + column('top')) / 2 / s) \
	      :(column('paid_year') - bw):(column('paid_year') + bw):(column('base') / s):(column('top') / s) \
	with boxxyerror fs solid 1.0 border lc rgb '#ffffff' lw 1.5 fc rgb colour(k) \
	title sprintf('%s  %s', amount(tot[k]), lbl[k]), \
     for [k = nseg:nseg] datafile \
	using (column('segment') == k && other(k) ? column('paid_year') : NaN):((column('base') + column('top')) / 2 / s) \
	      :(column('paid_year') - bw):(column('paid_year') + bw):(column('base') / s):(column('top') / s) \
	with boxxyerror fs transparent pattern 4 noborder lc rgb '#8c8c8c' notitle, \
     datafile using (column('segment') == nseg ? column('paid_year') : NaN):(column('top') / s):(amount(column('top'))) \
	with labels offset 0, 0.8 font fntb(fontsize + 1) tc rgb ink notitle
