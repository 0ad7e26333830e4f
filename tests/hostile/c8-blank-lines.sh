# Class 8: 65,536 blank lines were taken for a quoted cell running on past
# 64 KiB ("blanks.csv:0: a quoted cell opens here"): libcsv makes no record
# of a blank line, so the count since the last record never reset. Blank
# lines are read as nothing; a quote left open after them is still caught,
# at its own line, and a bad row after them is named by its line.
h=firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100
row=F1,2025,2025,new,0,15000000,30,30000000,0,0
{ echo $h; echo $row; yes '' | head -70000; } > blanks.csv
fs award --firms blanks.csv -o ledger.csv
expect_exit 0
present ledger.csv
{ echo $h; yes '' | head -70000; echo 'F1,"2025'; yes 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' | head -3000; } > open.csv
fs award --firms open.csv -o ledger2.csv
expect_exit 2
expect_err 'open.csv:70002: a quoted cell opens here and runs on for more than 64 KiB'
absent ledger2.csv
{ echo $h; yes '' | head -70000; echo F1,2025,2025,new,0,15000000,30,lots,0,0; } > bad.csv
fs award --firms bad.csv -o ledger3.csv
expect_exit 2
expect_err 'bad.csv:70002: column revenue: "lots" is not'
