# Class 7: ids that look like another: a quoted "F01" with a newline or a
# leading CR inside (as a copy out of a database or a web page leaves it)
# or "Ｆ01" with a full-width Ｆ (U+FF26, typed with the input method left
# in 全角) was a firm besides F01, paid again. A firm_id, entity_id or
# credit code holding one is refused, naming line, column and character;
# a name over two lines (Alt+Enter in an Excel cell) still reads.
B=$DATA/../data/panel-bureau.csv
E=$DATA/../data/entities-example.csv
panel_copy '"F01\n"' lf.csv
fs award --firms lf.csv -o ledger.csv
expect_exit 2
expect_err 'lf.csv:49: column 企业代码: "F01\n" holds a line break, \x0A, at position 4: delete it'
panel_copy "\"$(printf '\r')F01\"" cr.csv
fs award --firms cr.csv -o ledger.csv
expect_exit 2
expect_err 'cr.csv:49: column 企业代码: "\rF01" holds a line break, \x0D, at position 1'
panel_copy "$(printf '\357\274\246')01" fw.csv
fs award --firms fw.csv -o ledger.csv
expect_exit 2
expect_err 'fw.csv:49: column 企业代码: "Ｆ01" holds a full-width character, Ｆ (U+FF26), at position 1: type it half-width (半角), as "F"'
{ cat "$E"; printf '"P01\n",M4,2027,national,,,,\n'; } > ent.csv
fs award --firms "$B" --entities ent.csv -o ledger.csv
expect_exit 2
expect_err "ent.csv:$(($(wc -l < "$E") + 1)): column entity_id: \"P01\\n\" holds a line break"
{ cat "$E"; printf '\357\274\260\357\274\2201,M4,2027,national,,,,\n'; } > entfw.csv
fs award --firms "$B" --entities entfw.csv -o ledger.csv
expect_exit 2
expect_err 'column entity_id: "Ｐ０1" holds a full-width character, Ｐ (U+FF30), at position 1'
absent ledger.csv
sed '2s/苏州某某软件F01有限公司/"苏州某某软件\nF01有限公司"/' "$B" > name.csv
fs award --firms name.csv -o ledger.csv
expect_exit 0
present ledger.csv
