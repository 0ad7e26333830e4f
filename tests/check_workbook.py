"""check_workbook.py - results.xlsx read back with openpyxl and checked
against the CSV files beside it, figure by figure, to the yuan.

    check_workbook.py run DIR_EN DIR_ZH     a run's workbook in English and Chinese
    check_workbook.py report DIR            a report's (the run's sheets and its tornado)
    check_workbook.py study DIR CSV...      a study's: each CSV file as a sheet

Amounts in the workbook are 万元; times 10,000 they must equal the CSV's
yuan within 0.005 yuan (the CSV rounds to the fen). Exit 1 with every
failure listed."""
import csv
import os
import sys

import openpyxl

TOL_YUAN = 0.005 + 1e-6  # the CSV's rounding to the fen, and float noise
failures = []

RUN_SHEETS = {
    "en": ["Headline", "Measures by paid year", "Measures ranked", "Funding levels",
           "Recipients", "Budget risk", "Not costed", "Parameters", "Method and manifest"],
    "zh": ["概览", "分措施分年度", "措施排序", "出资层级", "奖励笔数", "预算风险", "未计入测算",
           "参数", "方法与清单"],
}
LEVELS = ["total", "provincial", "municipal", "district"]
STATS = ["mean", "sd", "se", "p5", "p25", "p50", "p75", "p95", "p80", "p90"]


def fail(msg):
    failures.append(msg)


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def money(ws, row, col, yuan, what):
    """Cell (1-based) holds yuan in 万元, as a number with a 万元 format."""
    c = ws.cell(row=row, column=col)
    if not isinstance(c.value, (int, float)) or isinstance(c.value, bool):
        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r} is not a number")
        return
    if "万元" not in c.number_format:
        fail(f"{ws.title}!{c.coordinate} ({what}): number format {c.number_format!r} "
             "does not say 万元")
    if abs(c.value * 1e4 - float(yuan)) > TOL_YUAN:
        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value} 万元 x 1e4 = "
             f"{c.value * 1e4:.4f}, the CSV has {yuan}")


def number(ws, row, col, value, what, tol=0.005 + 1e-9):
    c = ws.cell(row=row, column=col)
    if not isinstance(c.value, (int, float)) or isinstance(c.value, bool):
        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r} is not a number")
    elif abs(c.value - float(value)) > tol:
        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value}, the CSV has {value}")


def frozen(wb):
    for ws in wb.worksheets:
        if not ws.freeze_panes:
            fail(f"{ws.title}: no frozen header")


def run_figures(d, wb, names):
    """Every figure of a run's sheets against its CSV files."""
    summary = {(r["line"], r["level"]): r for r in read_csv(os.path.join(d, "summary.csv"))}
    by_year = {(r["line"], r["paid_year"], r["level"]): r
               for r in read_csv(os.path.join(d, "by_year.csv"))}
    recips = {(r["line"], r["paid_year"]): r
              for r in read_csv(os.path.join(d, "recipients.csv"))}
    # "within" rows are the policy's own paid years together; the workbook
    # shows them in the headline only
    years = sorted({k[1] for k in by_year if k[1] != "within"})
    tail = {r["paid_year"] for r in read_csv(os.path.join(d, "by_year.csv"))
            if r.get("after_horizon") == "1"}
    lines = [r["line"] for r in read_csv(os.path.join(d, "summary.csv"))
             if r["level"] == "total"]
    n = len(years)

    def cell(line, y, lv):  # y None: the period
        return summary[(line, lv)] if y is None else by_year[(line, y, lv)]

    # headline: period total, the levels, each paid year; mean 5% 95% P80 P90
    ws = wb[names[0]]
    head_stats = ["mean", "p5", "p95", "p80", "p90"]
    rows = [("TOTAL", None, "total")] + [("TOTAL", None, lv) for lv in LEVELS[1:]] + \
        [("TOTAL", y, "total") for y in years]
    for i, (line, y, lv) in enumerate(rows):
        for k, st in enumerate(head_stats):
            money(ws, 5 + i, 2 + k, cell(line, y, lv)[st], f"headline {line} {y} {lv} {st}")
    for k, y in enumerate(years):
        label = str(ws.cell(row=9 + k, column=1).value)
        # a year after the horizon is marked so: "2029 (after the horizon)"
        if label.split(" ")[0].split("（")[0] != y or (y in tail) != (label != y):
            fail(f"{ws.title}!A{9 + k}: {label!r}, expected {y}"
                 f"{' marked after the horizon' if y in tail else ''}")
    if tail:
        within = ("TOTAL", "within", "total")
        for k, st in enumerate(head_stats):
            money(ws, 9 + n, 2 + k, by_year[within][st], f"headline within {st}")

    # measures by paid year: blocks mean 5% 95% P80 P90 of years + period
    ws = wb[names[1]]
    for r in range(3, ws.max_row + 1):
        line = ws.cell(row=r, column=2).value
        for b, st in enumerate(["mean", "p5", "p95", "p80", "p90"]):
            for k, y in enumerate(years + [None]):
                money(ws, r, 4 + b * (n + 1) + k, cell(line, y, "total")[st],
                      f"by year {line} {y} {st}")
    seen = [ws.cell(row=r, column=2).value for r in range(3, ws.max_row + 1)]
    if seen != lines:
        fail(f"{ws.title}: lines {seen}, the CSV has {lines}")

    # measures ranked: dearest first, every one in the total that pays
    # (contingent items, in_total 0, are reported apart)
    ws = wb[names[2]]
    means = []
    for r in range(2, ws.max_row + 1):
        line = ws.cell(row=r, column=3).value
        for k, st in enumerate(["mean", "p5", "p95", "p80", "p90"]):
            money(ws, r, 5 + k, summary[(line, "total")][st], f"ranked {line} {st}")
        means.append(float(summary[(line, "total")]["mean"]))
    if means != sorted(means, reverse=True) or len(means) != sum(
            float(summary[(l, "total")]["mean"]) > 0 for l in lines
            if l != "TOTAL" and summary[(l, "total")]["in_total"] == "1"):
        fail(f"{ws.title}: not every paying measure, dearest first")

    # funding levels: every statistic, level x (years, period)
    ws = wb[names[3]]
    r = 2
    for lv in LEVELS:
        for y in years + [None]:
            for k, st in enumerate(STATS):
                money(ws, r, 3 + k, cell("TOTAL", y, lv)[st], f"levels {lv} {y} {st}")
            r += 1

    # recipients: counts, mean 5% 95% of years + all
    ws = wb[names[4]]
    for r in range(3, ws.max_row + 1):
        line = ws.cell(row=r, column=2).value
        for b, st in enumerate(["mean", "p5", "p95"]):
            for k, y in enumerate(years + ["all"]):
                number(ws, r, 4 + b * (n + 1) + k, recips[(line, y)][st],
                       f"recipients {line} {y} {st}")

    # budget risk, row by row as budget.csv
    ws = wb[names[5]]
    bpath = os.path.join(d, "budget.csv")
    budget = read_csv(bpath) if os.path.exists(bpath) else []
    for i, b in enumerate(budget):
        money(ws, 2 + i, 4, b["limit"], "budget limit")
        number(ws, 2 + i, 5, b["p_exceed"], "budget p_exceed", 1e-6)
        money(ws, 2 + i, 6, b["expected_overrun"], "budget overrun")
        number(ws, 2 + i, 7, b["p_cap_binds"], "budget p_cap_binds", 1e-6)
        money(ws, 2 + i, 8, b["mean_cut"], "budget cut")
        money(ws, 2 + i, 9, b["mean_carried_in"], "budget carried in")
        money(ws, 2 + i, 10, b["mean_carried_out"], "budget carried out")

    # not costed: each item as uncosted.csv, then the modelled total, the
    # bureau's lump sums and the total with them (mean 5% 95% P80 P90)
    ws = wb[names[6]]
    items = read_csv(os.path.join(d, "uncosted.csv"))
    for i, it in enumerate(items):
        r = 2 + i
        for col, key in ((1, "clause"), (3, "description_zh"), (4, "description_en")):
            if ws.cell(row=r, column=col).value != it[key]:
                fail(f"{ws.title} row {r}: {ws.cell(row=r, column=col).value!r}, "
                     f"uncosted.csv {key} {it[key]!r}")
        money(ws, r, 5, it["lump_per_year"], f"uncosted {it['item']} a year")
        money(ws, r, 6, it["lump_all_years"], f"uncosted {it['item']} all years")
    lumps = sum(float(it["lump_all_years"]) for it in items)
    r0 = 2 + len(items) + 4  # the note, a blank row, the header
    for k, st in enumerate(["mean", "p5", "p95", "p80", "p90"]):
        t = float(summary[("TOTAL", "total")][st])
        money(ws, r0, 2 + k, t, f"uncosted: modelled total {st}")
        money(ws, r0 + 1, 2 + k, lumps, f"uncosted: lump sums {st}")
        money(ws, r0 + 2, 2 + k, t + lumps, f"uncosted: total with lump sums {st}")

    # parameters: an amount is a number in 万元
    ws = wb[names[7]]
    keys = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    if "m1a.cap" not in keys:
        fail(f"{ws.title}: no m1a.cap")
    else:
        r = keys["m1a.cap"]
        written = ws.cell(row=r, column=3).value  # as written, e.g. 100万
        if not written.endswith("万"):
            fail(f"{ws.title}: m1a.cap written {written!r}")
        else:
            money(ws, r, 2, float(written[:-1]) * 1e4, "m1a.cap")

    # method and manifest: every line of manifest.txt
    ws = wb[names[8]]
    values = {str(ws.cell(row=r, column=2).value) for r in range(2, ws.max_row + 1)}
    with open(os.path.join(d, "manifest.txt"), encoding="utf-8-sig") as f:
        for line in f.read().splitlines():
            v = line.split(": ", 1)[1] if ": " in line else line
            if v not in values:
                fail(f"{ws.title}: manifest line {line!r} missing")


def same_numbers(a, b):
    """The Chinese workbook holds the English one's numbers, cell for cell."""
    for wa, wb_ in zip(a.worksheets, b.worksheets):
        for row in wa.iter_rows():
            for c in row:
                if isinstance(c.value, (int, float)):
                    v = wb_[c.coordinate].value
                    if v != c.value:
                        fail(f"{wb_.title}!{c.coordinate}: {v!r}, English {c.value!r}")


def check_run(d_en, d_zh):
    en = openpyxl.load_workbook(os.path.join(d_en, "results.xlsx"))
    zh = openpyxl.load_workbook(os.path.join(d_zh, "results.xlsx"))
    for lang, wb in (("en", en), ("zh", zh)):
        if wb.sheetnames != RUN_SHEETS[lang]:
            fail(f"{lang}: sheets {wb.sheetnames}, expected {RUN_SHEETS[lang]}")
        frozen(wb)
    if failures:
        return
    run_figures(d_en, en, RUN_SHEETS["en"])
    run_figures(d_zh, zh, RUN_SHEETS["zh"])
    same_numbers(en, zh)
    if zh["概览"]["B4"].value != "均值（万元）":
        fail(f"zh headline header B4: {zh['概览']['B4'].value!r}")
    charts = sum(len(ws._charts) for ws in en.worksheets)
    # openpyxl drops charts when reading; count the drawings in the zip instead
    import zipfile
    with zipfile.ZipFile(os.path.join(d_en, "results.xlsx")) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    if len(charts) < 2:
        fail(f"charts: {charts}, expected the fan and the ranked measures")


def check_report(d):
    wb = openpyxl.load_workbook(os.path.join(d, "results.xlsx"))
    names = [n for n in RUN_SHEETS["en"]]
    expect = names[:6] + ["Key assumptions"] + names[6:]
    if wb.sheetnames != expect:
        fail(f"report: sheets {wb.sheetnames}, expected {expect}")
        return
    frozen(wb)
    run_figures(d, wb, names)
    ws = wb["Key assumptions"]
    if ws.max_row < 2:
        fail("report: no assumption in the tornado sheet")
    for r in range(2, ws.max_row + 1):
        for col in (7, 8, 9):
            c = ws.cell(row=r, column=col)
            if not isinstance(c.value, (int, float)) or "万元" not in c.number_format:
                fail(f"{ws.title}!{c.coordinate}: {c.value!r} is not an amount in 万元")


MONEY_COLS = {"mean", "p5", "p95", "diff", "diff_se", "diff_lo", "diff_hi", "mean_base",
              "mean_low", "mean_high", "diff_low", "diff_low_se", "diff_high",
              "diff_high_se", "swing", "base_mean", "alt_mean", "mean_total"}


def check_study(d, csvs):
    wb = openpyxl.load_workbook(os.path.join(d, "results.xlsx"))
    if len(wb.sheetnames) != len(csvs) + 1:
        fail(f"study: sheets {wb.sheetnames} for {csvs} and the method")
        return
    frozen(wb)
    for ws, name in zip(wb.worksheets, csvs):
        with open(os.path.join(d, name), newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        head = rows[0]
        if ws.max_row != len(rows):
            fail(f"{ws.title}: {ws.max_row} rows, {name} has {len(rows)}")
        for i, row in enumerate(rows[1:], start=2):
            for k, v in enumerate(row, start=1):
                what = f"{name} {head[k - 1]} row {i}"
                c = ws.cell(row=i, column=k)
                if head[k - 1] in MONEY_COLS:
                    money(ws, i, k, v, what)
                elif v == "":
                    if c.value not in (None, ""):
                        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r}, CSV empty")
                else:
                    try:
                        num = float(v)
                    except ValueError:
                        num = None
                    if num is not None and isinstance(c.value, (int, float)):
                        number(ws, i, k, num, what, 1e-9 * max(1, abs(num)))
                    elif str(c.value) != v:
                        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r}, CSV {v!r}")
    method = wb.worksheets[-1]
    values = {str(method.cell(row=r, column=2).value) for r in range(2, method.max_row + 1)}
    with open(os.path.join(d, "manifest.txt"), encoding="utf-8-sig") as f:
        for line in f.read().splitlines():
            v = line.split(": ", 1)[1] if ": " in line else line
            if v not in values:
                fail(f"{method.title}: manifest line {line!r} missing")


def main():
    kind = sys.argv[1]
    if kind == "run":
        check_run(sys.argv[2], sys.argv[3])
    elif kind == "report":
        check_report(sys.argv[2])
    elif kind == "study":
        check_study(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(f"check_workbook.py: unknown check {kind}")
    for f in failures[:40]:
        print("  " + f)
    if len(failures) > 40:
        print(f"  ... and {len(failures) - 40} more")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
