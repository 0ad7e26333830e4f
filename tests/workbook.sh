#!/bin/sh
# results.xlsx read back (tests/check_workbook.py, with Debian's python3-openpyxl) and
# checked against the CSV files beside it, to the yuan: a run in English and in Chinese
# with a budget envelope, a prorata cap and lump sums for what is not costed, a report in
# each language (with its tornado sheet, and its page's 事前绩效评估 section against the CSV
# files), and four studies (sweep, compare, tornado --policy, sobol: their books are written row
# by row, libxlsxwriter's constant_memory). Sheet names, frozen headers, amounts as numbers in 万元; the
# 分区 and 预算来源 sheets row for row against by_district.csv and by_owner.csv, the
# districts adding up to TOTAL.
# And --csv-bom: a BOM on the study's CSV files, none on the chart's.
# Usage: tests/workbook.sh BINARY
bin=${1:-bin/fundsim}
py=${PYTHON:-/usr/bin/python3}   # Debian's, where python3-openpyxl is (make deps)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
say() { echo "FAIL workbook: $*"; fail=1; }
if ! "$py" -c 'import openpyxl' 2> /dev/null; then
	echo "FAIL workbook: $py has no openpyxl (make deps installs python3-openpyxl)"
	exit 1
fi
check() { # what, then check_workbook.py's arguments
	what=$1
	shift
	"$py" tests/check_workbook.py "$@" > "$tmp/py.out" 2>&1 ||
		{ say "$what:"; sed 's/^/  /' "$tmp/py.out" | head -40; }
}
set_budget="--set budget.total=16亿 --set budget.annual_total=5亿 --set budget.rule=prorata"
set_budget="$set_budget --set uncosted.m8_events=200万 --set uncosted.m14_loan_risk=1234.56"
for lang in en zh; do
	# shellcheck disable=SC2086
	"$bin" run --reps 300 --seed 11 --no-charts --quiet --lang $lang $set_budget \
		--out "$tmp/run-$lang" > "$tmp/out" 2>&1 || { say "run --lang $lang failed"; cat "$tmp/out"; }
done
check "run" run "$tmp/run-en" "$tmp/run-zh"

# a report in each language: its workbook, and its page's 事前绩效评估 section
"$bin" report --reps 60 --seed 3 --quiet --out "$tmp/report" > "$tmp/out" 2>&1 ||
	{ say "report failed"; cat "$tmp/out"; }
check "report" report "$tmp/report" en
"$bin" report --reps 40 --seed 5 --quiet --lang zh --out "$tmp/report-zh" > "$tmp/out" 2>&1 ||
	{ say "report --lang zh failed"; cat "$tmp/out"; }
check "report --lang zh" report "$tmp/report-zh" zh

"$bin" sweep m1a.cap=50万:150万:50万 --reps 40 --no-charts --quiet --out "$tmp/sweep" \
	> "$tmp/out" 2>&1 || { say "sweep failed"; cat "$tmp/out"; }
check "sweep" study "$tmp/sweep" sweep.csv
# two keys in Chinese: the first sheet's headers say what each key means
"$bin" sweep m6a.rate=20%:40%:10% takeup.m3c=60%:100%:40% --reps 20 --no-charts --quiet \
	--lang zh --out "$tmp/sweep-zh" > "$tmp/out" 2>&1 || { say "sweep --lang zh failed"; cat "$tmp/out"; }
check "sweep --lang zh" study "$tmp/sweep-zh" sweep.csv
# --csv-bom: the study's own CSV files start with a UTF-8 BOM, the chart's (gnuplot reads it)
# does not, and the workbook is the same
"$bin" compare builtin scenarios/suzhou-district-1to1.ini --reps 40 --no-charts --quiet \
	--lang zh --csv-bom --out "$tmp/compare" > "$tmp/out" 2>&1 ||
	{ say "compare failed"; cat "$tmp/out"; }
check "compare" study "$tmp/compare" compare.csv compare_params.csv
# (M8B, in neither total, moves money from the city to the districts there: the note says so
# for those two levels)
# totals over different lines (the draft leaves M8B out, the conservative one counts it):
# the note under the table says what that moves the total by
"$bin" compare builtin scenarios/suzhou-conservative.ini --reps 40 --no-charts --quiet \
	--lang zh --out "$tmp/compare-scope" > "$tmp/out" 2>&1 ||
	{ say "compare (scope) failed"; cat "$tmp/out"; }
check "compare (scope)" study "$tmp/compare-scope" compare.csv compare_params.csv
# a contingent item in neither total that changes (M8B's cap): its own change is named
# apart, not counted in the total's
printf '[scenario]\nname = m8b-cap\nbase = builtin\n[m8b]\ncap = 200万\n' > "$tmp/m8b.ini"
"$bin" compare builtin "$tmp/m8b.ini" --reps 40 --no-charts --quiet --out "$tmp/compare-neither" \
	> "$tmp/out" 2>&1 || { say "compare (neither) failed"; cat "$tmp/out"; }
check "compare (neither)" study "$tmp/compare-neither" compare.csv compare_params.csv
"$py" -c 'import csv, sys
r = [r for r in csv.DictReader(open(sys.argv[1])) if r["line"] == "M8B" and r["paid_year"] == "all"
     and r["level"] == "total"]
sys.exit(not (r[0]["base_in_total"] == r[0]["alt_in_total"] == "0" and float(r[0]["diff"]) > 0))' \
	"$tmp/compare-neither/compare.csv" || say "compare (neither): M8B is not a changed line in neither total"
bom=$(printf '\357\273\277')
for f in compare.csv compare_params.csv; do
	[ "$(head -c 3 "$tmp/compare/$f")" = "$bom" ] || say "compare --csv-bom: $f has no BOM"
done
[ "$(head -c 3 "$tmp/compare/compare_chart.csv")" = "$bom" ] &&
	say "compare --csv-bom: compare_chart.csv (read by gnuplot) has a BOM"
[ "$(head -c 3 "$tmp/sweep/sweep.csv")" = "$bom" ] && say "sweep.csv has a BOM without --csv-bom"

# every study's book is written row by row (constant_memory): tornado's two tables and sobol's too
"$bin" tornado --policy --reps 10 --no-charts --quiet --lang zh --out "$tmp/tornado" \
	> "$tmp/out" 2>&1 || { say "tornado --policy failed"; cat "$tmp/out"; }
check "tornado --policy" study "$tmp/tornado" tornado.csv spider.csv
# a share stops at 100%: its range says how far it moved (90% -> 100%: +11.11%), not +20%
"$bin" tornado --keys takeup.m3c,m3c.amount --reps 10 --no-charts --quiet --out "$tmp/tornado-cap" \
	> "$tmp/out" 2>&1 || { say "tornado --keys failed"; cat "$tmp/out"; }
check "tornado --keys" study "$tmp/tornado-cap" tornado.csv spider.csv
"$py" -c 'import csv, sys
r = {r["key"]: r["range"] for r in csv.DictReader(open(sys.argv[1]))}
sys.exit(r != {"takeup.m3c": "-20%:+11.11%", "m3c.amount": "-20%:+20%"})' "$tmp/tornado-cap/tornado.csv" ||
	say "tornado.csv: ranges $(cut -d, -f2,4 "$tmp/tornado-cap/tornado.csv" | tr '\n' ' ')"
"$bin" sobol --set sensitivity.m1a.cap=50万:150万 --set sensitivity.m3c.amount=30万:80万 --n 4 \
	--reps 10 --no-charts --quiet --out "$tmp/sobol" > "$tmp/out" 2>&1 ||
	{ say "sobol failed"; cat "$tmp/out"; }
check "sobol" study "$tmp/sobol" sobol.csv sobol_points.csv
# in Chinese, over a share, a count and an amount: each design column in its unit
"$bin" sobol --set sensitivity.growth.mean=5%:13% --set sensitivity.firms.count=1000:2500 \
	--set sensitivity.m1a.cap=50万:150万 --n 4 --reps 10 --no-charts --quiet --lang zh \
	--out "$tmp/sobol-zh" > "$tmp/out" 2>&1 || { say "sobol --lang zh failed"; cat "$tmp/out"; }
check "sobol --lang zh" study "$tmp/sobol-zh" sobol.csv sobol_points.csv

[ $fail = 0 ] && echo "workbook: run (en, zh), report (en, zh, and its page), sweep (en, zh), compare, tornado --policy and sobol (en, zh) match their CSV files; --csv-bom"
exit $fail
