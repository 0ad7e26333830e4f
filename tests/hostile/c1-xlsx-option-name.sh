# Class 1: a workbook's name is never an option to xlsx2csv. "-a.xlsx"
# would read as "-a" (every sheet, a second sheet's rows appended) if it
# reached xlsx2csv's options; it must be read as a file, its first sheet
# only, and give the plain panel's ledger (with the workbook's districts).
cp "$DATA/../data/panel-bureau.xlsx" ./-a.xlsx
cp "$DATA/../data/panel-bureau.xlsx" ./--help.xlsx
fs award --firms "$DATA/../data/panel-example.csv" -o plain.csv
expect_exit 0
# "--firms --help.xlsx" is --firms without a value (e2e
# cli-value-is-option); --firms=NAME gives a name that starts with "--"
fs award --firms --help.xlsx -o ledger.csv
expect_exit 2
for name in -a.xlsx --help.xlsx; do
	fs award --firms="$name" -o ledger.csv
	expect_exit 0
	expect_err "$name: a workbook: read its first sheet"
	# but for the last column, the districts only the workbook gives
	sed 's/,[^,]*$//' plain.csv > a.csv
	sed 's/,[^,]*$//' ledger.csv > b.csv
	cmp -s a.csv b.csv || fail "$name: ledger differs from the plain panel's"
	rm ledger.csv
done
