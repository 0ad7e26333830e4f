# Class 6: scenario names that a spreadsheet reads as formulas reached
# compare.csv, compare_params.csv and compare_chart.csv as they were.
# Every such cell must start with a quote; numbers stay numbers.
scenario base.ini '[scenario]' 'name = -2+3'
scenario alt.ini '[scenario]' 'name = =1+1' '[m1a]' 'cap = 50万'
scenario alt2.ini '[scenario]' 'name = @SUM(A1)' '[m1a]' 'cap = 80万'
fs compare base.ini alt.ini alt2.ini --reps 20 --no-charts --quiet --out cmp
expect_exit 0
num=base_mean,alt_mean,diff,diff_se,diff_lo,diff_hi,paid_year
for f in cmp/*.csv; do
	awk -v num=$num -f "$DATA/c6-csv.awk" "$f" > out.txt || fail "$(cat out.txt)"
done
{
	for c in base alt; do awk -v col=$c -f "$DATA/c6-csv.awk" cmp/compare.csv; done
	for c in base_name alt_name; do awk -v col=$c -f "$DATA/c6-csv.awk" cmp/compare_chart.csv; done
} | sort -u > names
printf "'-2+3\n'=1+1\n'@SUM(A1)\n" | sort > want
cmp -s names want || fail "names in compare CSVs: $(tr '\n' ' ' < names)"
head -1 cmp/compare_params.csv | grep -qxF "parameter,'-2+3,'=1+1,'@SUM(A1)" ||
	fail "compare_params.csv header: $(head -1 cmp/compare_params.csv)"
# a lower cap costs less: negative differences are written as numbers
grep -q ',-[0-9][0-9]*\.[0-9][0-9],' cmp/compare.csv || fail "no negative difference as a number"
