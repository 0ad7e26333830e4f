# Class 8: --firms /dev/zero grew memory without bound. Devices are
# refused; a regular file with an endless line stops at 64 KiB.
timeout 10 "$FUNDSIM" award --firms /dev/zero -o ledger.csv > fs.out 2> fs.err < /dev/null
rc=$?
[ "$rc" != 124 ] || fail "--firms /dev/zero: still reading after 10 s"
expect_exit 2
expect_err '/dev/zero: is not a regular file (a character device)'
h=firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100
{ echo $h; head -c 200000 /dev/zero | tr '\0' x; } > long.csv
fs award --firms long.csv -o ledger.csv
expect_exit 2
expect_err 'long.csv:2: line longer than 64 KiB'
# a quoted cell that never closes stops at 64 KiB too
{ echo $h; echo 'F1,"2026'; i=0; while [ $i -lt 3000 ]; do echo 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'; i=$((i + 1)); done; } > open.csv
fs award --firms open.csv -o ledger.csv
expect_exit 2
expect_err 'open.csv:2: a quoted cell opens here'
absent ledger.csv
