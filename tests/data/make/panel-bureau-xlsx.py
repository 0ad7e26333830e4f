#!/usr/bin/python3
# tests/data/panel-bureau.csv as a workbook a bureau would keep: numbers as numbers with
# thousands-separator formats, a title-free header row, a second sheet fundsim must not read.
import csv, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "企业面板"
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
ws.append(rows[0])
for r in rows[1:]:
    cells = []
    for i, v in enumerate(r):
        s = v.replace(",", "")
        if i in (0, 5, 6, 9, 10, 11) and s.replace(".", "", 1).isdigit():
            cells.append(float(s) if "." in s else int(s))
        else:
            cells.append(v)
    ws.append(cells)
for row in ws.iter_rows(min_row=2):
    row[9].number_format = "#,##0"
    row[11].number_format = "#,##0.00"
ws.append([])  # Excel sheets often end in empty rows
other = wb.create_sheet("说明")
other.append(["本表为测试数据"])
wb.save(sys.argv[2])
