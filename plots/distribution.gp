# distribution.gp - how total spending over all paid years is spread
# across the Monte Carlo replications, with the budget over those years, the
# chance of exceeding it, and the 95th percentile marked (fundsim chart 3 of 5).
#
# Safety: data is only ever read as data here. No eval, no @macros, no
# backquotes, no system, load or call: text from the CSV (scenario names,
# labels) is read with strcol into variables and used as string values
# (set label 901 title ...), which gnuplot never parses as code. A file or
# output name that would start with '<' or '|' (a pipe) gets './' first.
#
# Data: distribution.csv, written by `fundsim run` into its output folder:
#   kind,from,to,replications,share
#   kind "bin": a histogram bar from..to (yuan) holding that many
#   replications (share: of all). Markers have from = to = the value, and
#   replications and share above it: "mean", "p5", "p50", "p95", and
#   "budget" ([budget] total, over all paid years: drawn as a line) or, when
#   only annual envelopes are set, "budget_annual" (annual_total, a year's:
#   not drawn, as a total over the years is not a year's spending; its share
#   is of replications in which some paid year exceeds it).
# Redraw or restyle it without fundsim, from any folder:
#   gnuplot -e "datafile='out/suzhou-draft/distribution.csv'; outfile='distribution.svg'" plots/distribution.gp
# Variables (all optional, set with -e before the script):
#   datafile  the CSV (default: distribution.csv beside this script)
#   outfile   the image; .svg draws SVG, anything else 1280x720 PNG (pngcairo)
#   lang      'en' (default) or 'zh': every label in Chinese
#   title, subtitle, footnote   text to use instead of the defaults
#   font, fontsize, width, height

chart = 'distribution'

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

# the markers, and the extent of the bars
budget = NaN; budget_p = NaN; budget_kind = ''
mean = NaN; p50 = NaN; p95 = NaN; p95_p = NaN
stats datafile using (k = strcol('kind'), v = column('from'), \
	k eq 'mean' ? mean = v : k eq 'p50' ? p50 = v : k eq 'p95' ? (p95 = v, p95_p = column('share')) : \
	k[1:6] eq 'budget' ? (budget = v, budget_p = column('share'), budget_kind = k) : 0, 0) nooutput
stats datafile using (strcol('kind') eq 'bin' ? column('from') : NaN) nooutput
x0 = STATS_min
stats datafile using (strcol('kind') eq 'bin' ? column('to') : NaN) nooutput
x1 = STATS_max
stats datafile using (strcol('kind') eq 'bin' ? column('share') : NaN) nooutput
hmax = STATS_max
has_annual = budget == budget && budget_kind eq 'budget_annual'
if (has_annual) { annual = budget; annual_p = budget_p; budget = NaN }
has_budget = budget == budget   # NaN when the scenario sets no envelope over all years
if (has_budget) { x0 = budget < x0 ? budget : x0; x1 = budget > x1 ? budget : x1 }
s = scale(x1)

if (!exists("title")) title = zh ? '全部兑付年度支出总额的分布' : 'Total spending over all paid years: how likely each amount is'
if (!exists("subtitle")) {
	if (has_budget) {
		subtitle = zh ? sprintf('超出预算的概率为 %s%s', pct(budget_p), budget_p > 0 ? '；深色柱为超出预算的模拟结果' : '') \
			      : sprintf('Chance of exceeding the budget: %s%s', pct(budget_p), budget_p > 0 ? ' (darker bars)' : '')
	} else { if (has_annual) {
		subtitle = zh ? sprintf('年度预算每年 %s（annual_total）逐年适用，不与此总额比较；任一兑付年度超出的概率 %s，各年见 budget.csv', amount(annual), pct(annual_p)) \
			      : sprintf('Annual envelope %s (annual_total) applies year by year, not to this total; some paid year exceeds it in %s of outcomes (each year: budget.csv)', amount(annual), pct(annual_p))
	} else {
		subtitle = zh ? '本情景未设定预算额度（情景文件 [budget] 节：全部兑付年度总额 total 或年度额度 annual_total）' \
			      : 'No budget envelope in this scenario ([budget] total or annual_total)'
	} }
}
set label 901 title at screen 0.025, 0.945 left font fntb(fontsize + 9) tc rgb ink
set label 902 subtitle at screen 0.025, 0.895 left font fnt(fontsize + 1) tc rgb grey

pad = (x1 - x0) * 0.03
set xrange [(x0 - pad) / s : (x1 + pad) / s]
set yrange [0 : hmax * 100 * 1.5]   # headroom: the legend sits above the bars
set xtics format '%g' out nomirror scale 0.5 tc rgb ink
set ytics format '%g%%' tc rgb ink
set lmargin at screen 0.08; set rmargin at screen 0.97
set tmargin at screen 0.80; set bmargin at screen 0.14
set label 3 (zh ? '模拟结果占比' : 'share of replications') at screen 0.035, 0.845 left font fnt(fontsize - 1) tc rgb grey
set xlabel (zh ? '全部兑付年度支出总额（'.uname(s).'）' : 'Total spending over all paid years, '.ulabel(s)) tc rgb grey offset 0, 0.3

# marker lines end just above the tallest bar; what they mean is told in
# the legend above them, so no label ever crosses a line or a bar
dark = '#08306b'
top = 1 / 1.5 + 0.05
set arrow 1 from p95 / s, graph 0 to p95 / s, graph top nohead lw 2.5 dt (8, 5) lc rgb dark front
set arrow 2 from mean / s, graph 0 to mean / s, graph top nohead lw 2 dt (2, 3) lc rgb '#444444' front
if (has_budget) { set arrow 3 from budget / s, graph 0 to budget / s, graph top nohead lw 4 lc rgb '#000000' front }
budget_text = !has_budget ? '' \
	: (zh ? sprintf('全部兑付年度预算总额 %s：超支概率 %s', amount(budget), pct(budget_p)) : sprintf('Budget over all paid years %s: exceeded in %s of outcomes', amount(budget), pct(budget_p)))
p95_text = zh ? sprintf('第95百分位 %s：%s的结果更高', amount(p95), pct(p95_p)) : sprintf('95th percentile %s: %s of outcomes are higher', amount(p95), pct(p95_p))
mean_text = zh ? sprintf('平均值 %s', amount(mean)) : sprintf('Mean %s', amount(mean))
set key at graph 0.01, graph 0.99 left top vertical Left reverse samplen 3 spacing 1.25 textcolor rgb ink
over(f, t) = has_budget && (f + t) / 2 > budget

plot datafile using (strcol('kind') eq 'bin' && !over(column('from'), column('to')) ? (column('from') + column('to')) / 2 / s : NaN) \
	  :(100 * column('share')):((column('to') - column('from')) / s) \
	with boxes fs solid 1.0 border lc rgb '#ffffff' lc rgb '#9ecae1' notitle, \
     '' using (strcol('kind') eq 'bin' && over(column('from'), column('to')) ? (column('from') + column('to')) / 2 / s : NaN) \
	  :(100 * column('share')):((column('to') - column('from')) / s) \
	with boxes fs solid 1.0 border lc rgb '#ffffff' lc rgb '#2171b5' notitle, \
     keyentry with lines lw 4 lc rgb (has_budget ? '#000000' : '#ffffff') title budget_text, \
     keyentry with lines lw 2.5 dt (8, 5) lc rgb dark title p95_text, \
     keyentry with lines lw 2 dt (2, 3) lc rgb '#444444' title mean_text
