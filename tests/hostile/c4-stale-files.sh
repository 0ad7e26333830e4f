# Class 4: files an earlier run wrote that this run does not (budget.csv,
# ledger.csv, charts) must not remain beside the new results.
fs run --reps 20 --quiet --ledger --set budget.total=16亿 --out r
expect_exit 0
present r/budget.csv
present r/ledger.csv
present r/fan.png
fs run --reps 20 --quiet --no-charts --out r
expect_exit 0
absent r/budget.csv
absent r/ledger.csv
absent r/fan.png
absent r/fan.svg
present r/summary.csv
present r/fan.csv
# nothing of the staging left beside it
[ -z "$(ls -A . | grep '^\.fundsim-')" ] || fail "staging folders left: $(ls -A)"
