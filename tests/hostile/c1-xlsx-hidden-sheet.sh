# Class 1: xlsx2csv -s 1 reads the first sheet by position, hidden or
# not, so a workbook whose first sheet was very hidden (revenue x100)
# was read while Excel showed the true one. A hidden first sheet is now
# refused, naming it and the sheet Excel shows; a hidden later sheet
# changes nothing, and the note names the sheet read.
/usr/bin/python3 - "$DATA/../data/panel-example.csv" <<'PY' || fail "openpyxl could not write the workbooks"
import csv, sys, openpyxl
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
def book(name, state, first_true):
    wb = openpyxl.Workbook()
    a = wb.active
    a.title = "panel" if first_true else "data"
    b = wb.create_sheet("hidden" if first_true else "panel")
    fake, true = (b, a) if first_true else (a, b)
    for i, r in enumerate(rows):
        true.append(r)
        fake.append(r if i == 0 else r[:7] + [str(int(r[7]) * 100)] + r[8:])
    fake.sheet_state = state
    wb.active = 1 if fake is a else 0
    wb.save(name)
book("very.xlsx", "veryHidden", False)
book("hidden.xlsx", "hidden", False)
book("later.xlsx", "veryHidden", True)
PY
fs award --firms very.xlsx -o ledger.csv
expect_exit 2
expect_err 'very.xlsx: the workbook'"'"'s first sheet, "data", is very hidden'
expect_err 'Excel shows another ("panel"); delete it, or move the sheet to be read to the front'
absent ledger.csv
fs award --entities hidden.xlsx -o ledger.csv
expect_exit 2
expect_err 'hidden.xlsx: the workbook'"'"'s first sheet, "data", is hidden'
absent ledger.csv
fs award --firms later.xlsx -o ledger.csv
expect_exit 0
expect_err 'later.xlsx: a workbook: read its first sheet, "panel"'
fs award --firms "$DATA/../data/panel-example.csv" -o plain.csv
cmp -s ledger.csv plain.csv || fail "later.xlsx gives another ledger than the CSV"
