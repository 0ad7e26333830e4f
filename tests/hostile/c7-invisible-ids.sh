# Class 7: an id with an invisible character is another firm to fundsim
# and the same to whoever reads the sheet, so a copied row was paid twice:
# F01 with a no-break space (U+00A0), a zero-width space (U+200B) or a
# byte order mark (U+FEFF) passed the check for two rows a year. Spaces
# around a cell (no-break ones too) are dropped, so the copy is F01's
# second row; any other invisible character is refused with its code
# point; one credit code under two firm ids is refused too.
panel_copy "F01$(printf '\302\240')" nbsp.csv
fs award --firms nbsp.csv -o ledger.csv
expect_exit 2
expect_err 'nbsp.csv:49: firm F01 has two rows for year 2025 (the other is line 2)'
panel_copy "F01$(printf '\342\200\213')" zwsp.csv
fs award --firms zwsp.csv -o ledger.csv
expect_exit 2
expect_err 'zwsp.csv:49: column 企业代码: "F01'
expect_err 'holds an invisible character, U+200B (zero-width space), at position 4: delete it'
panel_copy "$(printf '\357\273\277')F01" bom.csv
fs award --firms bom.csv -o ledger.csv
expect_exit 2
expect_err 'bom.csv:49: column 企业代码:'
expect_err 'U+FEFF (byte order mark), at position 1'
panel_copy F99 code.csv
fs award --firms code.csv -o ledger.csv
expect_exit 2
expect_err 'code.csv:49: firm F99 has credit code 91320501MA1XK00378, which is firm F01'"'"'s on line 2'
absent ledger.csv
