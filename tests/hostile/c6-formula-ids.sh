# Class 6: firm and entity ids that a spreadsheet reads as formulas
# (=HYPERLINK, +1+1, -2+3, @SUM, a leading tab or CR) reached ledger CSVs
# as they were: opening ledger.csv in Excel or WPS ran them. Every such
# cell must start with a quote, and the money columns stay numbers. (An
# id with a CR in it is refused on input now: c7-lookalike-ids.)
q() { printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')"; }
tab=$(printf '\t')
set -- '=HYPERLINK("http://x","y")' '+1+1' '-2+3' '@SUM(A1)' "${tab}TAB"
echo firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100 > panel.csv
echo entity_id,line,year,level,base,granted,housing,passed > ent.csv
for id in "$@"; do
	for y in 2025 2026 2027; do
		echo "$(q "$id"),$y,2025,attracted,1,30000000,80,120000000,1,1" >> panel.csv
	done
	echo "$(q "$id"),M4,2025,provincial,,,," >> ent.csv
done
num=year,paid_year,amount,provincial,municipal,district
fs award --firms panel.csv --entities ent.csv -o ledger.csv
expect_exit 0
awk -v num=$num -v col=entity_id -f "$DATA/c6-csv.awk" ledger.csv > ids || fail "$(cat ids)"
fs run --firms panel.csv --ledger --reps 20 --no-charts --quiet --out run
expect_exit 0
for f in run/*.csv; do
	n=$num # by_district.csv: column district names the recipients' district
	[ "${f##*/}" = by_district.csv ] && n=year,paid_year,amount,provincial,municipal
	awk -v num=$n -v col=entity_id -f "$DATA/c6-csv.awk" "$f" >> ids || fail "$(tail -1 ids)"
done
# a tab around a cell is dropped as a space is (scenarios/README.md), quoted or not
for id in "'=HYPERLINK(\"http://x\",\"y\")" "'+1+1" "'-2+3" "'@SUM(A1)" "TAB"; do
	[ "$(grep -cxF -- "$id" ids)" -ge 2 ] || fail "ledgers lack the id $id"
done
