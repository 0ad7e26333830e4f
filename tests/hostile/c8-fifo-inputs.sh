# Class 8: base = a FIFO blocked for ever waiting for a writer; the same
# for a FIFO, a device or a folder as the scenario, --firms or --entities.
# Each must be refused at once (exit 2) saying what it is.
mkfifo pipe
mkdir folder
h=firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100
printf '%s\nF1,2026,2020,existing,1,100万,10,1000万,0,0\n' $h > panel.csv
run() {
	timeout 10 "$FUNDSIM" "$@" > fs.out 2> fs.err < /dev/null
	rc=$?
	[ "$rc" != 124 ] || fail "fundsim $* hung (killed after 10 s)"
}
scenario evil.ini '[scenario]' 'base = pipe'
run params --scenario evil.ini
expect_exit 2
expect_err 'evil.ini:2: [scenario] base: pipe: is not a regular file (a FIFO)'
scenario dir.ini '[scenario]' 'base = folder'
run params --scenario dir.ini
expect_exit 2
expect_err 'folder: is a folder'
run params --scenario pipe
expect_exit 2
expect_err 'a FIFO'
run params --scenario /dev/zero
expect_exit 2
expect_err 'a character device'
run params --scenario folder
expect_exit 2
expect_err 'is a folder'
for bad in pipe /dev/zero folder; do
	run award --firms "$bad" -o ledger.csv
	expect_exit 2
	expect_err "$bad: is"
	run award --firms panel.csv --entities "$bad" -o ledger.csv
	expect_exit 2
	expect_err "$bad: is"
	run run --firms "$bad" --reps 10 --quiet --no-charts --out o
	expect_exit 2
	expect_err "$bad: is"
done
absent ledger.csv
absent o/summary.csv
