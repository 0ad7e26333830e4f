# Class 7: one firm_id given a credit code in one year and another code
# in the next was read as one firm: two enterprises under one id, or a
# mistyped code, passed unseen. It is refused, naming both lines; a year
# without a code is fine.
B=$DATA/../data/panel-bureau.csv
sed '3s/91320501MA1XK00378/9144030071526726XG/' "$B" > two.csv
fs award --firms two.csv -o ledger.csv
expect_exit 2
expect_err 'two.csv:3: firm F01 has credit code 9144030071526726XG, but 91320501MA1XK00378 on line 2'
expect_err 'give two enterprises two firm_ids'
absent ledger.csv
sed '3s/91320501MA1XK00378//' "$B" > blank.csv
fs award --firms blank.csv -o ledger.csv
expect_exit 0
