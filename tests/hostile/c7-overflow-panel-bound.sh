# Class 7: a panel's amounts are bounded where they are read, at 10万亿
# yuan (above any firm's revenue, and exact to the fen in a double); the
# bound was 1e15 yuan, where a double no longer holds fen. The largest
# accepted value is read; one yuan more is refused with file, line and
# column.
h=firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100
printf '%s\n%s\n' "$h" "F1,2025,2020,existing,0,0,10,10万亿,0,0" > top.csv
fs award --firms top.csv -o ledger.csv
expect_exit 0
rm ledger.csv
printf '%s\n%s\n' "$h" "F1,2025,2020,existing,0,0,10,10000000000001,0,0" > over.csv
fs award --firms over.csv -o ledger.csv
expect_exit 2
expect_err "over.csv:2: column revenue"
expect_err "from 0 to 10万亿"
absent ledger.csv
