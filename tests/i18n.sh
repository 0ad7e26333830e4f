#!/bin/sh
# i18n.sh - fundsim in Chinese (i18n.h): the catalogue complete, the language
# chosen by --lang or the locale from any folder, every command's output free
# of English but keys, codes and units, English kept by --lang en, and numbers
# the same in every language.
# Usage: tests/i18n.sh BINARY SOURCE...   (XGETTEXT: the Makefile's xgettext
# command; the sources are the ones `make pot` reads)
set -u
repo=$(pwd)
bin=$(realpath "$1")
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
py=${PYTHON:-/usr/bin/python3} # Debian's, with python3-openpyxl (make deps)
no() { echo "FAIL i18n: $*"; fail=$((fail + 1)); }

# 1. Every text of the sources has its Chinese: a fresh template against
# po/zh_CN.po, and nothing untranslated or fuzzy in it.
${XGETTEXT:?} -o "$tmp/fresh.pot" "$@" 2>/dev/null || no "xgettext failed"
msgcmp po/zh_CN.po "$tmp/fresh.pot" 2> "$tmp/msgcmp" ||
	{ no "texts without Chinese (make po, then translate in po/zh_CN.po):"; head -20 "$tmp/msgcmp"; }
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1)
case $stats in
*untranslated* | *fuzzy* | *error*) no "po/zh_CN.po: $stats" ;;
esac

# 2. The language: --lang, LANG, LC_ALL, LC_MESSAGES, LANGUAGE (the locale need
# not be installed), from another folder than the build's; --lang en wins.
cd "$tmp"
lang_is() { # WANT ENV... -- fundsim ARGS: stderr of `run --bogus` in WANT
	want=$1
	shift
	env -i PATH="$PATH" "$@" "$bin" run --bogus 2> "$tmp/err" >/dev/null
	case $want in
	zh) grep -q '未知选项 --bogus' "$tmp/err" || no "not Chinese: $* ($(cat "$tmp/err"))" ;;
	en) grep -q 'unknown option --bogus' "$tmp/err" || no "not English: $* ($(cat "$tmp/err"))" ;;
	esac
}
lang_is zh LANG=zh_CN.UTF-8
lang_is zh LC_ALL=zh_CN.UTF-8 LANG=en_US.UTF-8
lang_is zh LC_MESSAGES=zh_CN.UTF-8
lang_is zh LANGUAGE=zh_CN
lang_is zh LANG=zh_CN.GB18030
lang_is en LANG=C
lang_is en LANG=en_US.UTF-8
lang_is en LANGUAGE=en LANG=zh_CN.UTF-8
env -i PATH="$PATH" "$bin" run --bogus --lang zh 2>&1 | grep -q '未知选项' || no "--lang zh"
env -i PATH="$PATH" "$bin" run --bogus --lang=zh 2>&1 | grep -q '未知选项' || no "--lang=zh"
env -i PATH="$PATH" "$bin" --lang zh --help | grep -q '^用法' || no "fundsim --lang zh --help"
env -i PATH="$PATH" LANG=zh_CN.UTF-8 "$bin" run --bogus --lang en 2>&1 |
	grep -q 'unknown option --bogus' || no "LANG=zh_CN.UTF-8 --lang en: not English"
env -i PATH="$PATH" "$bin" params --lang fr 2>&1 | grep -q 'expected en or zh' || no "--lang fr"

# 3. Every command in Chinese, by --lang zh and by LANG=zh_CN.UTF-8: its
# terminal output, ledger reasons, report, workbook, manifest and charts (the
# SVG's text, as drawn: gnuplot must be installed) hold no English
# (tests/i18n_scan.py says what is allowed). Chart CSV files and scripts
# hold both languages on purpose and are not scanned. A case in PENDING is scanned
# and its English shown, but does not fail yet (being converted).
PENDING=${I18N_PENDING-""}
d=$repo/tests/data
s=$repo/scenarios
cases="help-top|--help|
help-run|run --help|
help-award|award --help|
help-report|report --help|
help-calibrate|calibrate --help|
help-params|params --help|
help-diff|diff --help|
help-sweep|sweep --help|
help-tornado|tornado --help|
help-compare|compare --help|
help-sobol|sobol --help|
bad-option|run --reps 5 --bogus|
bad-command|frobnicate|
bad-value|run --reps many|
bad-not-taken|params --out x|
bad-scenario|run $d/bad/scenario-bad-amount.ini --reps 5|
bad-panel|award --firms $d/bad/panel-bad-number.csv|
run|run --reps 20 --seed 3 --ledger --out OUT|ledger.csv results.xlsx manifest.txt fan.svg stacked.svg distribution.svg ranked.svg convergence.svg districts.svg
run-budget|run $s/suzhou-budget-cap.ini --reps 10 --no-charts --out OUT|
run-known|run $s/suzhou-conservative.ini --reps 5 --ledger --entities $d/entities-known.csv --no-charts --out OUT|ledger.csv
award|award --firms $d/panel-example.csv --entities $d/entities-example.csv -o OUT.csv|OUT.csv
calibrate|calibrate --reps 20 --out OUT|
params|params|
diff|diff builtin $s/suzhou-conservative.ini|
report|report --reps 20 --out OUT|report.html results.xlsx manifest.txt fan.svg stacked.svg distribution.svg ranked.svg convergence.svg districts.svg tornado_chart.svg
sweep|sweep m1a.cap=50万:200万:50万 --reps 4 --out OUT|results.xlsx manifest.txt sweep_chart.svg
tornado|tornado --keys m3c.amount,m1a.cap --reps 4 --out OUT|results.xlsx manifest.txt tornado_chart.svg spider_chart.svg
compare|compare builtin $s/suzhou-conservative.ini --reps 4 --out OUT|results.xlsx manifest.txt compare_chart.svg
sobol|sobol $s/suzhou-sensitivity.ini --n 4 --reps 5 --bootstrap 50 --out OUT|results.xlsx manifest.txt sobol_chart.svg"
pending_english=0
n=0
echo "$cases" | {
while IFS='|' read -r name args files; do
	for mode in flag env; do
		n=$((n + 1))
		out=$tmp/$name-$mode
		set -- $(echo "$args" | sed "s|OUT|$out|g")
		if [ $mode = flag ]; then
			env -i PATH="$PATH" LANG=C.UTF-8 "$bin" "$@" --lang zh > "$out.stdout" 2> "$out.stderr"
		else
			env -i PATH="$PATH" LANG=zh_CN.UTF-8 "$bin" "$@" > "$out.stdout" 2> "$out.stderr"
		fi
		scan="$out.stdout $out.stderr"
		for f in $files; do
			case $f in
			OUT*) scan="$scan $(echo "$f" | sed "s|OUT|$out|")" ;;
			*) [ -f "$out/$f" ] && scan="$scan $out/$f" || no "$name ($mode): no $f" ;;
			esac
		done
		# the scenarios' own words (their "; reading:" comments) are quoted, not ours
		if ! "$py" "$repo/tests/i18n_scan.py" --input "$s/suzhou-draft.ini" \
			--input "$s/suzhou-conservative.ini" $scan > "$out.english"; then
			case " $(echo $PENDING) " in
			*" $name "*) echo "i18n: pending $name ($mode): $(wc -l < "$out.english") English" ;;
			*) no "$name ($mode) is not all Chinese:"; head -10 "$out.english" ;;
			esac
		fi
	done
done
exit $fail
} || fail=$((fail + 1))

# 4. --lang en under a Chinese locale is English: the same output as with no
# locale at all (the e2e cases check that output word for word).
en_same() { # NAME ARGS...
	name=$1
	shift
	env -i PATH="$PATH" "$bin" "$@" > "en-$name.1" 2>&1
	env -i PATH="$PATH" LANG=zh_CN.UTF-8 LANGUAGE=zh_CN "$bin" "$@" --lang en > "en-$name.2" 2>&1
	sed -i "s|$tmp/en-$name-[12]|OUT|g" "en-$name.1" "en-$name.2"
	cmp -s "en-$name.1" "en-$name.2" || { no "--lang en under zh_CN differs: $*"; diff "en-$name.1" "en-$name.2" | head -5; }
	grep -q '用法\|未知\|参数\|模拟' "en-$name.1" && no "Chinese in English output: $*"
}
en_same help run --help
en_same bogus run --bogus
en_same params params
en_same award award --firms "$d/panel-example.csv" --entities "$d/entities-example.csv"
en_same badscen run "$d/bad/scenario-bad-amount.ini" --reps 5

# 5. Numbers do not depend on the language or the locale: LC_NUMERIC stays
# "C" (a de_DE locale writes 1,5 where it is installed).
for mode in "--lang=en" "--lang=zh"; do
	env -i PATH="$PATH" LC_ALL=de_DE.UTF-8 "$bin" run --reps 10 --seed 4 --no-charts --quiet \
		--set m1a.cap=150.5万 --out "num$mode" "$mode" > /dev/null 2>&1 || no "run $mode failed"
done
cmp -s "num--lang=en/summary.csv" "num--lang=zh/summary.csv" ||
	no "summary.csv differs between --lang en and --lang zh"
cmp -s "num--lang=en/by_year.csv" "num--lang=zh/by_year.csv" ||
	no "by_year.csv differs between --lang en and --lang zh"

if [ $fail = 0 ]; then echo "i18n: all passed"; else echo "i18n: $fail failed"; fi
[ $fail = 0 ]
