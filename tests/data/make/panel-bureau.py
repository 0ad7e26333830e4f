#!/usr/bin/python3
# Make tests/data/panel-bureau.csv from panel-example.csv: the same firms and years as a
# bureau's sheet has them (Chinese headers in another order, extra columns, thousands
# separators, revenue in 万元, Chinese origin words, 是/否 flags).
import csv, sys
A = "0123456789ABCDEFGHJKLMNPQRTUWXY"
def uscc(s17):
    t = sum(A.index(c) * pow(3, i, 31) for i, c in enumerate(s17))
    return s17 + A[(31 - t % 31) % 31]
districts = ["苏州工业园区", "高新区", "昆山", "吴中区", "姑苏区", "SIP", "常熟市", "张家港市",
             "相城区", "吴江区", "太仓市", "园区", "虎丘区", "昆山市", "工业园区", "吴中",
             "苏州高新区", "太仓", "常熟", "张家港"]
origin_zh = {"existing": "存量", "new": "新设", "spinoff": "分拆", "attracted": "引进"}
yn = {"0": "否", "1": "是"}
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
out = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\r\n")
out.writerow(["序号", "企业名称", "统一社会信用代码", "企业代码", "所属区县", "年度",
              "成立年份", "企业来源", "工业软件企业", "实缴资本（元）", "从业人数（人）",
              "营业收入（万元）", "重点软件企业库", "百强企业", "备注"])
for i, r in enumerate(rows, 1):
    n = int(r["firm_id"][1:])
    code = uscc("913205%02dMA1XK%04d" % (n, n * 37 % 10000))
    rev = int(r["revenue"])
    wan = rev / 10000
    wan_s = "{:,.0f}".format(wan) if rev % 10000 == 0 else "{:,.2f}".format(wan)
    out.writerow([i, "苏州某某软件%s有限公司" % r["firm_id"], code, r["firm_id"],
                  districts[n - 1], r["year"], r["founded"], origin_zh[r["origin"]],
                  yn[r["industrial"]], "{:,}".format(int(r["paid_capital"])),
                  r["employees"], wan_s, yn[r["key_db"]], yn[r["top100"]],
                  "备注, 含逗号" if n % 5 == 0 else ""])
