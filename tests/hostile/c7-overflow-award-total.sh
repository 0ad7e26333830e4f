# Class 7: money is summed in int64 fen. 10,000 firms first listed in a
# top-100 list, with the M3B award at the largest amount a scenario takes
# (1e13 yuan, 10万亿), made `award` print a total of -8446744073709.55万:
# the sum wrapped. 9,000 such awards still sum exactly; 10,000 stop with a
# clear message, and no negative amount is printed.
panel() {
	awk -v n="$1" 'BEGIN {
		print "firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100"
		for (i = 0; i < n; i++) printf "F%05d,2026,2020,existing,0,0,10,1000000,0,1\n", i
	}' > panel.csv
}
panel 9000
fs award --firms panel.csv --set m3b.amount=1e13 -o ledger.csv
expect_exit 0
grep -q '^  TOTAL *9000 *9000000000000\.00 ' fs.err || fail "9000 awards of 1e13 yuan do not sum to 9e16 yuan"
panel 10000
fs award --firms panel.csv --set m3b.amount=1e13 -o ledger.csv
expect_exit 1
expect_err "add up to more than 92233720368547758.07 yuan"
! grep -q -- '-[0-9]' fs.err || fail "a negative amount was printed"
