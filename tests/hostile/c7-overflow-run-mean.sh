# Class 7: in `run`, the spending of one replication is summed in int64
# fen per line and paid year. 20,000 new firms a year, each listed in a
# top-100 list and paid M3B at the largest amount (1e13 yuan), wrapped the
# sum: summary.csv gave a mean of 1.8e16 yuan for 60,000 awards of 1e13.
# Below the limit the mean is the award count times the amount; past it
# the run fails with a clear message and writes no results.
run_m3b() {
	fs run --reps 4 --quiet --no-charts --out "$1" --set m3b.amount=1e13 \
		--set events.top100_prob=1 --set events.top100_min_revenue=0 \
		--set entry.new_per_year="$2"
}
run_m3b fits 2000
expect_exit 0
n=$(awk -F, '$1 == "M3B" && $2 == "all" { print $3 }' fits/recipients.csv)
mean=$(awk -F, '$1 == "M3B" && $2 == "total" { print $3 }' fits/summary.csv)
awk -v n="$n" -v m="$mean" 'BEGIN { d = m - n * 1e13; exit !(n > 0 && d * d <= (m * 1e-12) ^ 2) }' ||
	fail "M3B mean $mean is not $n awards x 1e13 yuan"
run_m3b past 20000
expect_exit 1
expect_err "add up to more than 92233720368547758.07 yuan"
absent past/summary.csv
