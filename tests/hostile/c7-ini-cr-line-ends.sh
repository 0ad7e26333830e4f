# Class 7: a scenario saved with classic-Mac line ends (CR only) was one
# long line to the reader: every key after the first header was dropped
# silently. CR, CRLF and LF files must read the same, line numbers right.
printf '[scenario]\nname = t\n[m1a]\ncap = 123万\n' > unix.ini
printf '[scenario]\rname = t\r[m1a]\rcap = 123万\r' > mac.ini
printf '[scenario]\r\nname = t\r\n[m1a]\r\ncap = 123万\r\n' > dos.ini
for f in unix mac dos; do
	fs params --scenario $f.ini
	expect_exit 0
	grep -F 'cap ' fs.out | grep -F "$f.ini:4" | grep -qF '123万' || fail "$f.ini: [m1a] cap not read from line 4"
done
printf '[m1a]\rcap = 1\rcapp = 2\r' > bad.ini
fs params --scenario bad.ini
expect_exit 2
expect_err 'bad.ini:3: [m1a] capp: unknown key'
# the panel: CR-only rows are all read, and an error names its own line
h=firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100
printf '%s\rF1,2026,2020,existing,1,100万,10,1000万,0,0\rF2,2026,2020,existing,1,100万,10,1000万,0,7\r' $h > mac.csv
fs award --firms mac.csv -o ledger.csv
expect_exit 2
expect_err 'mac.csv:3: column top100'
printf '%s\rF1,2026,2020,existing,1,100万,10,1000万,0,0\rF2,2026,2020,existing,1,100万,10,1000万,0,0\r' $h > mac.csv
printf '%s\nF1,2026,2020,existing,1,100万,10,1000万,0,0\nF2,2026,2020,existing,1,100万,10,1000万,0,0\n' $h > unix.csv
fs award --firms mac.csv -o mac.ledger
expect_exit 0
fs award --firms unix.csv -o unix.ledger
expect_exit 0
cmp -s mac.ledger unix.ledger || fail "the CR-only panel gave another ledger than the LF one"
