"""check_workbook.py - results.xlsx read back with openpyxl and checked
against the CSV files beside it, figure by figure, to the yuan.

    check_workbook.py run DIR_EN DIR_ZH     a run's workbook in English and Chinese
    check_workbook.py report DIR [LANG]     a report's (the run's sheets and its tornado),
                                            and its page's 事前绩效评估 section
    check_workbook.py study DIR CSV...      a study's: each CSV file as a sheet

Amounts in the workbook are 万元; times 10,000 they must equal the CSV's
yuan within 0.005 yuan (the CSV rounds to the fen). Exit 1 with every
failure listed."""
import csv
import os
import re
import sys

import openpyxl

TOL_YUAN = 0.005 + 1e-6  # the CSV's rounding to the fen, and float noise
failures = []

RUN_SHEETS = {
    "en": ["Headline", "Measures by paid year", "Measures ranked", "Funding levels",
           "Districts", "Districts by line", "Budget owners", "Recipients", "Budget risk",
           "Evaluation 1 inputs", "Evaluation 2 funding", "Evaluation 3 outputs",
           "Evaluation 4 ratings", "Not costed", "Parameters", "Method and manifest"],
    "zh": ["概览", "分措施分年度", "措施排序", "出资层级", "分区", "分区明细", "预算来源", "奖励笔数", "预算风险",
           "绩效评估一 投入经济性", "绩效评估二 资金构成", "绩效评估三 绩效目标", "绩效评估四 不确定性评级",
           "未计入测算", "参数", "方法与清单"],
}
N_EVAL = 4  # the evaluation's sheets, a block each
# The evaluation sheet's blocks start with these (column A) in each language.
EVAL_BLOCKS = {"en": ["1. ", "2. ", "3. ", "4. "], "zh": ["一、", "二、", "三、", "四、"]}
RATING_WORDS = {"en": ["low", "medium", "high", "very high"], "zh": ["低", "中", "高", "很高"]}
# rating.h's thresholds
MEDIUM_AT, HIGH_AT, VERY_HIGH_AT, MATERIAL = 0.25, 0.50, 0.75, 0.20
LEVELS = ["total", "provincial", "municipal", "district"]
LEVEL_WORDS = {"en": ["Total", "Provincial", "Municipal", "District"],
               "zh": ["合计", "省级", "市级", "区（县级市）级"]}
HEAD_STATS = ["mean", "p5", "p95", "p80", "p90"]
# the words of the 分区 / 预算来源 sheets (workbook.c's WB_WORDS)
DIM_WORDS = {
    "en": {"not_given": "district not given", "sum": "Sum of the districts (means)",
           "total": "Total", "district": "Recipients' district", "owner": "Budget owner",
           "yes": "yes", "no": "no, an existing programme", "all": "All paid years",
           "within": "Within the policy's paid years", "after": "(after the horizon)",
           "new_sub": "Of which new money (subtotal of the rows above)"},
    "zh": {"not_given": "未指定", "sum": "各区合计（均值）", "total": "合计",
           "district": "所在区（县级市）", "owner": "预算来源", "yes": "是", "no": "否（既有计划）",
           "all": "全部兑付年度", "within": "政策期内兑付", "after": "（政策期满后）",
           "new_sub": "其中：新增资金小计（上列新增资金各行之和）"},
}
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


def line_key(v):
    """A sheet's line label to the CSV's: the total is Total / 合计 there."""
    return "TOTAL" if v in ("Total", "合计") else v


# Words the outputs dropped for one term each: 政策期 is the policy's own
# years (all paid years: 全部兑付年度), 区（县级市）级, 预算安排参考, 变动幅度,
# 纳入软件统计的企业数, 局定年度金额.
OLD_TERMS = ("政策期资金", "政策期支出", "政策期预算", "区级", "规划数", "摆幅", "软件企业数量",
             "一次性")


# workbook.c's print layout: A3 landscape holds A3_CHARS characters of columns at 100%,
# and a sheet one page wide prints at no less than MIN_SCALE percent
A3_CHARS, MIN_SCALE = 147, 50


def sheet_chars(ws):
    """The sheet's columns in characters, as workbook.c set them (openpyxl's width less
    libxlsxwriter's padding)."""
    return round(sum(max(d.width - 0.71, 0) for d in ws.column_dimensions.values()
                     if d.width))


def readable(wb, path):
    """What a planner sees printed (LibreOffice's rendering, looked at page by page): each
    header centred over its column; years and ranks centred, not flush right against
    the text beside them ("2026合计", "1第3条"); text a character in, not run into a
    figure flush right before it ("40,192.80 万元software_fund"); the 投入经济性 sheet's
    clause column not as wide as the note under it; the districts' chart under their
    table, not beside it; the uncosted descriptions wrapped whole, not cut at the
    column; a budget sheet with no envelope not one column as wide as its note; the
    method sheet's labels at the top of their rows."""
    zh = "方法与清单" in wb.sheetnames
    for ws in wb.worksheets:
        if not ws.freeze_panes:
            continue
        head = int(re.sub(r"^[A-Z]+", "", ws.freeze_panes)) - 1
        for c in ws[head] if head > 0 else ():
            if c.value is not None and c.alignment.horizontal != "center":
                fail(f"{ws.title}!{c.coordinate}: header {c.value!r} aligned "
                     f"{c.alignment.horizontal!r}, not centred")
        for row in ws.iter_rows(min_row=head + 1):
            for c in row:
                v, a = c.value, c.alignment
                year_format = c.number_format == "0" or \
                    any(DIM_WORDS[k]["after"] in c.number_format for k in DIM_WORDS)
                if isinstance(v, int) and 1990 <= v <= 2100 and year_format and \
                        ws.title not in ("Parameters", "参数") and a.horizontal != "center":
                    fail(f"{ws.title}!{c.coordinate}: year {v} aligned {a.horizontal!r}")
                if isinstance(v, str) and v and a.horizontal not in ("center",) and \
                        not (c.font.sz and c.font.sz > 12) and not c.font.b and \
                        not (a.indent and a.indent >= 1):
                    fail(f"{ws.title}!{c.coordinate}: text {v[:30]!r} not indented "
                         f"({a.horizontal!r}, indent {a.indent})")
    ranked = wb["措施排序" if zh else "Measures ranked"] if \
        ("措施排序" if zh else "Measures ranked") in wb.sheetnames else None
    if ranked is not None and ranked["A2"].alignment.horizontal != "center":
        fail(f"{ranked.title}!A2: rank aligned {ranked['A2'].alignment.horizontal!r}")
    names = RUN_SHEETS["zh" if zh else "en"]
    if names[-1] not in wb.sheetnames or names[0] not in wb.sheetnames:
        return  # a study's book
    ev = wb[names[9]]
    if ev.column_dimensions["A"].width > 16:
        fail(f"{ev.title}: column A (the clause) {ev.column_dimensions['A'].width} wide")
    unc = wb["未计入测算" if zh else "Not costed"]
    for col in "CD":
        if not 30 <= (unc.column_dimensions[col].width or 0) <= 50:
            fail(f"{unc.title}: column {col} {unc.column_dimensions[col].width} wide")
    for r in range(2, 6):
        for col in "ABCD":
            c = unc[f"{col}{r}"]
            if c.value and not (c.alignment.wrap_text and c.alignment.vertical == "top"):
                fail(f"{unc.title}!{c.coordinate}: {c.value[:20]!r} not wrapped at the top")
        for col in "EF":
            if unc[f"{col}{r}"].alignment.vertical != "top":
                fail(f"{unc.title}!{col}{r}: an amount not at the top of its row")
        h = unc.row_dimensions[r].height or 15
        need = max(-(-len(unc[f"{col}{r}"].value.encode("gbk", "replace")) // 38)
                   for col in "CD")
        if h < 15 * need:
            fail(f"{unc.title}: row {r} {h} pt high for {need} lines")
    bud = wb[names[8]]
    if bud["B2"].value is None and (bud.column_dimensions["A"].width or 0) > 30:
        fail(f"{bud.title}: no envelope, yet column A {bud.column_dimensions['A'].width} wide")
    meth = wb[names[-1]]
    for r in (2, 3):
        if meth.cell(row=r, column=1).alignment.vertical != "top":
            fail(f"{meth.title}!A{r}: label {meth.cell(row=r, column=1).value!r} not at "
                 "the top of its row")
    # the districts' chart: in column A, under the table and its note
    import zipfile
    dist = wb.sheetnames.index(names[4]) + 1
    with zipfile.ZipFile(path) as z:
        rels = z.read(f"xl/worksheets/_rels/sheet{dist}.xml.rels").decode()
        drawing = re.search(r'Target="../drawings/(drawing\d+\.xml)"', rels).group(1)
        anchor = re.search(r"<xdr:from><xdr:col>(\d+)</xdr:col>.*?<xdr:row>(\d+)</xdr:row>",
                           z.read(f"xl/drawings/{drawing}").decode())
    table = wb[names[4]].max_row
    if not anchor or int(anchor.group(1)) != 0 or int(anchor.group(2)) < table:
        fail(f"{names[4]}: chart at {anchor.groups() if anchor else None} (column, row from "
             f"0), expected column 0 under the table's {table} rows")


def frozen(wb):
    """Every sheet: a frozen header, landscape and one page wide on paper, and
    the frozen header rows printed over each page (the headline's charts
    follow its table, so it prints none); no English key in a Chinese book."""
    zh = "方法与清单" in wb.sheetnames
    for ws in wb.worksheets:
        if not ws.freeze_panes:
            fail(f"{ws.title}: no frozen header")
            continue
        ps = ws.page_setup
        breaks = [b.id for b in ws.col_breaks.brk]
        if breaks:  # blocks side by side: a block a page, the labels beside each
            cols = re.sub(r"\d+$", "", ws.freeze_panes)
            labels = f"A:{chr(ord(cols) - 1)}"
            if ps.orientation != "landscape" or ws.print_title_cols not in \
                    (labels, re.sub(r"(\w+)", r"$\1", labels)) or \
                    not 10 <= int(ps.scale or 100) <= 100 or \
                    (ws.sheet_properties.pageSetUpPr and
                     ws.sheet_properties.pageSetUpPr.fitToPage):
                fail(f"{ws.title}: prints {ps.orientation} at {ps.scale}%, labels "
                     f"{ws.print_title_cols!r}, expected landscape, {labels} beside each "
                     f"block, scaled, not fit to a page")
        elif not (ws.sheet_properties.pageSetUpPr and
                  ws.sheet_properties.pageSetUpPr.fitToPage):
            # too wide for one page at MIN_SCALE (workbook.c): at that scale, its pages
            # side by side, the frozen labels beside each
            cols = re.sub(r"\d+$", "", ws.freeze_panes)
            labels = f"A:{chr(ord(cols) - 1)}" if cols != "A" else None
            if ps.orientation != "landscape" or int(ps.scale or 100) != MIN_SCALE or \
                    labels is None or ps.pageOrder != "overThenDown" or \
                    ws.print_title_cols not in (labels, re.sub(r"(\w+)", r"$\1", labels)) or \
                    sheet_chars(ws) * MIN_SCALE <= 100 * A3_CHARS:
                fail(f"{ws.title}: {sheet_chars(ws)} characters wide, prints "
                     f"{ps.orientation} at {ps.scale}%, {ps.pageOrder}, labels "
                     f"{ws.print_title_cols!r}; expected landscape at {MIN_SCALE}%, over "
                     f"then down, {labels} beside each page, and only when one page wide "
                     f"would print below {MIN_SCALE}%")
        elif ps.orientation != "landscape" or ps.fitToWidth not in (1, None) or \
                ps.fitToHeight != 0:
            fail(f"{ws.title}: prints {ps.orientation}, fit to {ps.fitToWidth} x "
                 f"{ps.fitToHeight} pages, expected landscape, 1 page wide")
        elif sheet_chars(ws) * MIN_SCALE > 100 * A3_CHARS and \
                re.sub(r"\d+$", "", ws.freeze_panes) != "A":
            fail(f"{ws.title}: {sheet_chars(ws)} characters one page wide: below "
                 f"{MIN_SCALE}% even on A3, and it has labels to print beside its pages")
        rows = int(re.sub(r"^[A-Z]+", "", ws.freeze_panes)) - 1
        if ws.title not in ("Headline", "概览") and rows > 0 and \
                ws.print_title_rows != f"1:{rows}" and ws.print_title_rows != f"$1:${rows}":
            fail(f"{ws.title}: prints rows {ws.print_title_rows!r} over each page, "
                 f"its frozen header is 1:{rows}")
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if zh and (c.column, ws.title) != (3, "参数") and v in ("TOTAL", "all", "provincial", "municipal", "district", "true", "false", "yuan", "share"):
                    fail(f"{ws.title}!{c.coordinate}: {v!r} in a Chinese book")
                # one word a thing in every output (terminal, report, charts)
                if zh and isinstance(v, str) and any(t in v for t in OLD_TERMS):
                    fail(f"{ws.title}!{c.coordinate}: {v!r} says {[t for t in OLD_TERMS if t in v]}")
                # a year is a number; the period alone is a label (headers,
                # the headline's row labels and values as written are text)
                if isinstance(v, str) and re.fullmatch(r"\d{4}", v.strip()) and \
                        not c.font.b and (c.column, ws.title) not in \
                        ((1, "Headline"), (1, "概览"), (3, "Parameters"), (3, "参数")):
                    fail(f"{ws.title}!{c.coordinate}: year {v!r} stored as text")


# the 参数 sheet's last two columns: what a value's comment says it is, then the comment
PARAM_HEADS = {"en": ("Basis (what its comment says)", "Its comment in the scenario file"),
               "zh": ("依据类别（按其注释）", "情景文件中的注释")}
NO_COMMENT = {"en": "no comment", "zh": "无注释"}


def params_comments(ws, lang):
    """Every value whose basis its comment gives (a source, an assumption, a
    reading...) shows that comment beside it: the reason a planner defends."""
    if (ws["H1"].value, ws["I1"].value) != PARAM_HEADS[lang]:
        fail(f"{ws.title}: heads {ws['H1'].value!r}, {ws['I1'].value!r}, expected "
             f"{PARAM_HEADS[lang]}")
        return
    shown = 0
    for r in range(2, ws.max_row + 1):
        basis, why = ws.cell(row=r, column=8).value, ws.cell(row=r, column=9).value
        if basis and basis != NO_COMMENT[lang] and not why:
            fail(f"{ws.title}!I{r}: {ws.cell(row=r, column=1).value} is {basis!r} "
                 f"by its comment, which the sheet does not show")
        shown += bool(why)
    if shown < 100:
        fail(f"{ws.title}: {shown} comments shown, the built-in scenario has hundreds")


def run_figures(d, wb, names):
    """Every figure of a run's sheets against its CSV files."""
    lang = "zh" if "分区明细" in names else "en"
    districts_sheet(d, wb[names[4]], wb[names[5]], lang)
    owner_keys = owners_sheet(d, wb[names[6]], lang)
    names = names[:4] + names[7:]  # the other sheets, as before the three
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
        line = line_key(ws.cell(row=r, column=2).value)
        for b, st in enumerate(["mean", "p5", "p95", "p80", "p90"]):
            for k, y in enumerate(years + [None]):
                money(ws, r, 4 + b * (n + 1) + k, cell(line, y, "total")[st],
                      f"by year {line} {y} {st}")
    seen = [line_key(ws.cell(row=r, column=2).value) for r in range(3, ws.max_row + 1)]
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
        line = line_key(ws.cell(row=r, column=2).value)
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

    evaluation(d, [wb[n] for n in names[6:6 + N_EVAL]], lang, owner_keys)
    names = names[:6] + names[6 + N_EVAL:]

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

    # parameters: an amount is a number in 万元, and its unit says so
    ws = wb[names[7]]
    for r in range(2, ws.max_row + 1):
        unit, fmt = ws.cell(row=r, column=4).value, ws.cell(row=r, column=2).number_format
        shown = isinstance(ws.cell(row=r, column=2).value, (int, float))
        if (shown and (("万元" in fmt) != (unit == "万元") or ("%" in fmt) != (unit == "%"))) or \
                (lang == "zh" and unit and re.search("[A-Za-z]", unit)):
            fail(f"{ws.title}!D{r}: unit {unit!r} beside a value shown as {fmt!r}")
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


class Csvs:
    """A run's CSV files, keyed as the evaluation's tables name their cells."""

    def __init__(self, d):
        self.summary = {(r["line"], r["level"]): r
                        for r in read_csv(os.path.join(d, "summary.csv"))}
        self.by_year = {(r["line"], r["paid_year"], r["level"]): r
                        for r in read_csv(os.path.join(d, "by_year.csv"))}
        self.recips = {(r["line"], r["paid_year"]): r
                       for r in read_csv(os.path.join(d, "recipients.csv"))}
        self.years = sorted({k[1] for k in self.by_year if k[1].isdigit()})  # not "within"
        self.period = f"{self.years[0]}-{self.years[-1]}"

    def year(self, label):
        """A year label of the workbook ("2026", "2026-2028", "2026–2028 年") or a
        page's data-year ("2026", "0": the period) to a paid year, None the period."""
        label = str(label).replace("–", "-").replace(" 年", "").strip()
        if label in ("0", self.period):
            return None
        return label[:4]  # "2029 (after the horizon)", "2029（政策期满后）": the year

    def money(self, line, label, level="total"):
        y = self.year(label)
        return self.summary[(line, level)] if y is None else self.by_year[(line, y, level)]

    def count(self, line, label):
        y = self.year(label)
        return self.recips[(line, "all" if y is None else y)]

    def paying(self):
        """The lines the evaluation lists: those that pay something."""
        return [l for (l, lv), r in self.summary.items()
                if lv == "total" and l != "TOTAL" and
                (float(r["mean"]) > 0 or float(r["p95"]) > 0)]


def rating_level(score):
    return 3 if score >= VERY_HIGH_AT else 2 if score >= HIGH_AT else \
        1 if score >= MEDIUM_AT else 0


def rating_overall(levels, share):
    """rating.h: the mean of the axes' levels to the nearest, a step up if material."""
    mean = int(sum(levels) / len(levels) + 0.5)
    return min(3, mean + 1) if share is not None and share >= MATERIAL else mean


def districts_sheet(d, ws, ws_lines, lang):
    """分区: each district's total and its levels' means, their sum and TOTAL;
    分区明细: every line x level per district under its own header, filtered;
    all against by_district.csv to the yuan."""
    dw = DIM_WORDS[lang]
    rows = read_csv(os.path.join(d, "by_district.csv"))
    csv_ = {(r["district"], r["line"], r["level"]): r for r in rows}
    names = [r["district"] for r in rows if r["line"] == "TOTAL" and r["level"] == "total"
             and r["district"] != "TOTAL"]

    def key(label):  # the sheet's district label to the CSV's
        return {dw["not_given"]: "未指定", dw["total"]: "TOTAL"}.get(label, label)

    r, seen, sums = 2, [], [0.0] * 4
    while ws.cell(row=r, column=1).value not in (dw["sum"], None):
        dist = key(ws.cell(row=r, column=1).value)
        seen.append(dist)
        for k, st in enumerate(HEAD_STATS):
            money(ws, r, 2 + k, csv_[(dist, "TOTAL", "total")][st], f"district {dist} {st}")
        for lv in range(1, 4):
            money(ws, r, 6 + lv, csv_[(dist, "TOTAL", LEVELS[lv])]["mean"],
                  f"district {dist} {LEVELS[lv]} mean")
        for lv in range(4):
            sums[lv] += float(csv_[(dist, "TOTAL", LEVELS[lv])]["mean"])
        r += 1
    if sorted(seen) != sorted(names):
        fail(f"{ws.title}: districts {seen}, by_district.csv has {names}")
    if ws.cell(row=r, column=1).value != dw["sum"]:
        fail(f"{ws.title}!A{r}: {ws.cell(row=r, column=1).value!r}, expected the sum row")
        return
    # the districts add up to TOTAL: the sum row is the CSV's TOTAL (to the fen of
    # each district's rounding) and the sum of the district cells above it
    slack = 0.005 * len(seen) + 0.01
    for lv in range(4):
        col = 2 if lv == 0 else 6 + lv
        got = ws.cell(row=r, column=col).value
        tot = float(csv_[("TOTAL", "TOTAL", LEVELS[lv])]["mean"])
        above = sum(ws.cell(row=k, column=col).value for k in range(2, r))
        # the sum row is the cells above it to the fen; TOTAL within a few fen
        if not isinstance(got, (int, float)) or abs(got * 1e4 - tot) > slack or \
                abs(got * 1e4 - sums[lv]) > 0.005 or abs(above - got) * 1e4 > 0.005:
            fail(f"{ws.title}: sum of the districts {LEVELS[lv]} {got!r} 万元, TOTAL "
                 f"{tot}, the CSV's districts add up to {sums[lv]:.2f}, the cells to "
                 f"{above * 1e4:.2f}")
    r += 1
    if ws.cell(row=r, column=1).value != dw["total"]:
        fail(f"{ws.title}!A{r}: {ws.cell(row=r, column=1).value!r}, expected TOTAL")
    for k, st in enumerate(HEAD_STATS):
        money(ws, r, 2 + k, csv_[("TOTAL", "TOTAL", "total")][st], f"district TOTAL {st}")
    for lv in range(1, 4):
        money(ws, r, 6 + lv, csv_[("TOTAL", "TOTAL", LEVELS[lv])]["mean"],
              f"district TOTAL {LEVELS[lv]}")
    if ws.max_row > r + 1:
        fail(f"{ws.title}: {ws.max_row - r - 1} rows under the note (the table by line "
             "is a sheet of its own)")
    # the table by line: its header, then one row per row of the CSV
    ws = ws_lines
    if ws.cell(row=1, column=1).value != dw["district"] or not ws.auto_filter.ref:
        fail(f"{ws.title}!A1: {ws.cell(row=1, column=1).value!r}, filter "
             f"{ws.auto_filter.ref!r}")
    done = set()
    for r in range(2, ws.max_row + 1):
        dist = key(ws.cell(row=r, column=1).value)
        line = line_key(ws.cell(row=r, column=3).value)
        lv = LEVELS[LEVEL_WORDS[lang].index(ws.cell(row=r, column=5).value)]
        done.add((dist, line, lv))
        for k, st in enumerate(HEAD_STATS):
            money(ws, r, 6 + k, csv_[(dist, line, lv)][st], f"district {dist} {line} {lv} {st}")
    if done != set(csv_):
        fail(f"{ws.title}: {len(done)} rows by line, by_district.csv has {len(csv_)}; "
             f"missing {sorted(set(csv_) - done)[:5]}")


def owners_sheet(d, ws, lang):
    """预算来源: every row of by_owner.csv, the tail's years marked, new money or not."""
    dw = DIM_WORDS[lang]
    csv_ = {(r["owner"], r["paid_year"], r["level"]): r
            for r in read_csv(os.path.join(d, "by_owner.csv"))}
    done, keys = set(), {}
    r = 2
    while ws.cell(row=r, column=1).value not in (None, ""):
        # the name in the book's language first, the key last
        name, owner = ws.cell(row=r, column=1).value, ws.cell(row=r, column=10).value
        keys[name] = owner
        yc = ws.cell(row=r, column=3)
        label = str(yc.value) + (dw["after"] if dw["after"] in yc.number_format else "")
        if isinstance(yc.value, str) and re.fullmatch(r"\d{4}.*", yc.value):
            fail(f"{ws.title}!{yc.coordinate}: year {yc.value!r} stored as text")
        if label.startswith(dw["all"]):
            y = "all"
        elif label.startswith(dw["within"]):
            y = "within"
        else:
            y = label[:4]
        lv = LEVELS[LEVEL_WORDS[lang].index(ws.cell(row=r, column=4).value)]
        row = csv_.get((owner, y, lv))
        if row is None:
            fail(f"{ws.title}!A{r}: {owner} {label} {lv} is not in by_owner.csv")
            r += 1
            continue
        done.add((owner, y, lv))
        if y not in ("all", "within") and (row["after_horizon"] == "1") != (dw["after"] in label):
            fail(f"{ws.title}!C{r}: {label!r}, after_horizon {row['after_horizon']}")
        if ws.cell(row=r, column=2).value != dw["yes" if row["new_money"] == "1" else "no"]:
            fail(f"{ws.title}!B{r}: {ws.cell(row=r, column=2).value!r}, new_money "
                 f"{row['new_money']}")
        if not name or (lang == "zh") != any("\u4e00" <= ch <= "\u9fff" for ch in name):
            fail(f"{ws.title}!A{r}: name {name!r} in {lang}")
        for k, st in enumerate(HEAD_STATS):
            money(ws, r, 5 + k, row[st], f"owner {owner} {y} {lv} {st}")
        r += 1
    if done != set(csv_):
        fail(f"{ws.title}: {len(done)} rows, by_owner.csv has {len(csv_)}")
    return keys


def evaluation(d, sheets, lang, owner_keys):
    """The 事前绩效评估 sheets, a block each: every figure against the CSV files,
    every rating as rating.h makes it from the scores the sheet shows.
    owner_keys: the budget owners' names to their keys (the 预算来源 sheet)."""
    c = Csvs(d)
    starts = {}
    for k, (ws, prefix) in enumerate(zip(sheets, EVAL_BLOCKS[lang])):
        v = ws.cell(row=2, column=1).value  # the evaluation's title, the block's heading
        if isinstance(v, str) and v.startswith(prefix) and ws.freeze_panes == "D4":
            starts[k] = 4  # the title, the heading, the header row, then the rows
    if sorted(starts) != [0, 1, 2, 3]:
        fail(f"evaluation: blocks {sorted(starts)} headed and frozen, expected the four")
        return

    def rows(k):
        r = starts[k]
        while sheets[k].cell(row=r, column=2).value not in (None, ""):
            yield r
            r += 1

    stats = ["mean", "p5", "p95", "p80", "p90"]
    seen = set()
    ws = sheets[0]
    for r in rows(0):  # 投入经济性: line x year, mean 5% 95% P80 P90
        line, y = line_key(ws.cell(row=r, column=2).value), ws.cell(row=r, column=4).value
        seen.add(line)
        for k, st in enumerate(stats):
            money(ws, r, 5 + k, c.money(line, y)[st], f"evaluation cost {line} {y} {st}")
    if seen != set(c.paying()) | {"TOTAL"}:
        fail(f"{ws.title}: cost lists {sorted(seen)}, the paying lines are {c.paying()}")
    levels = set()
    dw = DIM_WORDS[lang]
    by_d = {(r["district"], r["level"]): r for r in read_csv(os.path.join(d, "by_district.csv"))
            if r["line"] == "TOTAL"}
    by_o = {r["owner"]: r for r in read_csv(os.path.join(d, "by_owner.csv"))
            if r["paid_year"] == "all" and r["level"] == "total"}
    dims = {dw["district"]: set(), dw["owner"]: set()}
    tot = float(c.summary[("TOTAL", "total")]["mean"])
    ws = sheets[1]
    last = starts[1]
    totals = {}
    for r in rows(1):  # 资金构成: then districts and owners over all paid years, by name
        by, name = ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value
        last = r
        if by not in dims:
            continue
        if name == dw["new_sub"]:
            fail(f"{ws.title}!B{r}: the new-money subtotal among the owners")
            continue
        if name == dw["total"]:  # the group's total, under its rows: TOTAL's, 100%
            if by in totals:
                fail(f"{ws.title}!B{r}: a second total of {by}")
            totals[by] = r
            for k, st in enumerate(stats):
                money(ws, r, 4 + k, c.summary[("TOTAL", "total")][st], f"evaluation {by} total {st}")
            number(ws, r, 9, 1.0 if tot > 0 else 0, f"evaluation share {by} total", 1e-9)
            continue
        if by in totals:
            fail(f"{ws.title}!B{r}: {name} under the total of {by}")
        code = {dw["not_given"]: "未指定"}.get(name, name) if by == dw["district"] \
            else owner_keys.get(name)
        dims[by].add(code)
        row = by_d[(code, "total")] if by == dw["district"] else by_o[code]
        for k, st in enumerate(stats):
            money(ws, r, 4 + k, row[st], f"evaluation funds {code} {st}")
        number(ws, r, 9, float(row["mean"]) / tot if tot > 0 else 0,
               f"evaluation share {code}", 1e-6)
    # the new-money subtotal a row below the owners, with no share: theirs add to 100%
    r = last + 2
    if ws.cell(row=last + 1, column=2).value not in (None, "") or \
            ws.cell(row=r, column=2).value != dw["new_sub"] or \
            ws.cell(row=r, column=9).value is not None:
        fail(f"{ws.title}!B{r}: {ws.cell(row=r, column=2).value!r} (share "
             f"{ws.cell(row=r, column=9).value!r}), expected the new-money subtotal a row "
             f"apart, no share")
    else:
        for k, st in enumerate(stats):
            money(ws, r, 4 + k, by_o["new_money_only"][st], f"evaluation funds new money {st}")
    if set(totals) != set(dims):
        fail(f"{ws.title}: 资金构成 totals under {sorted(totals)}, expected {sorted(dims)}")
    for by in dims:
        if abs(sum(ws.cell(row=r, column=9).value or 0 for r in rows(1)
                   if ws.cell(row=r, column=1).value == by and r != totals.get(by)) - 1) \
                > 1e-6 and tot > 0:
            fail(f"{ws.title}: the shares of {by} do not add up to 100%")
    if dims[dw["district"]] != {k[0] for k in by_d if k[0] != "TOTAL"} or \
            dims[dw["owner"]] | {"new_money_only"} != set(by_o):
        fail(f"{ws.title}: 资金构成 districts {sorted(dims[dw['district']])}, owners "
             f"{sorted(dims[dw['owner']])}")
    for r in rows(1):  # 资金构成: level x year, the statistics and the share of the total
        if ws.cell(row=r, column=1).value in dims:
            continue
        lv, y = ws.cell(row=r, column=2).value, ws.cell(row=r, column=3).value
        lv = LEVELS[LEVEL_WORDS[lang].index(lv)] if lv in LEVEL_WORDS[lang] else lv
        levels.add(lv)
        for k, st in enumerate(stats):
            money(ws, r, 4 + k, c.money("TOTAL", y, lv)[st], f"evaluation funds {lv} {y} {st}")
        tot = float(c.money("TOTAL", y)["mean"])
        want = float(c.money("TOTAL", y, lv)["mean"]) / tot if tot > 0 else 0
        number(ws, r, 9, want, f"evaluation share {lv} {y}", 1e-6)
    if levels != set(LEVELS):  # the three, then their total
        fail(f"{ws.title}: funding levels {sorted(levels)}")
    ws = sheets[2]
    for r in rows(2):  # 绩效目标: awards mean 5% 95%, the mean award
        line, y = line_key(ws.cell(row=r, column=2).value), ws.cell(row=r, column=4).value
        n = c.count(line, y)
        for k, st in enumerate(["mean", "p5", "p95"]):
            number(ws, r, 5 + k, n[st], f"evaluation awards {line} {y} {st}")
        if float(n["mean"]) > 0.005:  # expected cost over expected awards
            # recipients.csv rounds the mean count to 0.01: the ratio lies between
            # the cost over the count's largest and over its smallest value
            m, k = float(c.money(line, y)["mean"]), float(n["mean"])
            lo, hi = m / (k + 0.005) - 0.01, m / max(k - 0.005, 1e-12) + 0.01
            got = ws.cell(row=r, column=8).value
            if not isinstance(got, (int, float)) or not lo <= got * 1e4 <= hi:
                fail(f"{ws.title}!H{r} (mean award {line} {y}): {got!r} 万元, "
                     f"the CSV gives {lo:.2f} to {hi:.2f} yuan")
    shares, words = [], RATING_WORDS[lang]
    rated = set()
    ws = sheets[3]
    for r in rows(3):  # ratings: share assumed and level per axis, variance share, overall
        line = ws.cell(row=r, column=2).value
        rated.add(line)
        lv = []
        for a in range(3):
            score = ws.cell(row=r, column=4 + 2 * a).value
            word = ws.cell(row=r, column=5 + 2 * a).value
            if not isinstance(score, (int, float)) or not 0 <= score <= 1:
                fail(f"{ws.title}: {line} axis {a} score {score!r}")
                continue
            lv.append(rating_level(score))
            if word != words[lv[-1]]:
                fail(f"{ws.title}: {line} axis {a} score {score} rated {word!r}, "
                     f"expected {words[lv[-1]]!r}")
        share = ws.cell(row=r, column=10).value
        if c.summary[(line, "total")]["in_total"] == "1":
            if not isinstance(share, (int, float)):
                fail(f"{ws.title}: {line} has no share of the variance")
                share = None
            else:
                shares.append(share)
        else:
            share = None  # a contingent item is not in the total
        want = words[rating_overall(lv, share)] if len(lv) == 3 else None
        if ws.cell(row=r, column=11).value != want:
            fail(f"{ws.title}: {line} overall {ws.cell(row=r, column=11).value!r}, "
                 f"expected {want!r}")
    if rated != set(c.paying()):
        fail(f"{ws.title}: rated {sorted(rated)}, the paying lines are {c.paying()}")
    if abs(sum(shares) - 1) > 1e-9:  # covariances with the total add up to its variance
        fail(f"{ws.title}: the lines' shares of the variance add up to {sum(shares)}")


class Page:
    """report.html's 事前绩效评估 section: its headings and its cells' data."""

    def __init__(self, path):
        from html.parser import HTMLParser
        with open(path, encoding="utf-8") as f:
            text = f.read()
        i = text.find('<section id="evaluation">')
        self.section = text[i:text.find("</section>", i)] if i >= 0 else ""
        self.cells, self.tables, self.rows = [], {}, []
        page = self

        class Cells(HTMLParser):
            table = None

            def handle_starttag(self, tag, attrs):
                a = dict(attrs)
                if tag == "table":
                    self.table = a.get("id")
                    page.tables[self.table] = 0
                elif tag == "td" and ("data-mean" in a or "data-awards" in a):
                    page.cells.append((self.table, a))
                    page.tables[self.table] += 1
                elif tag == "tr" and "data-overall" in a:
                    page.rows.append(a)

        Cells().feed(self.section)


def check_page(d, lang):
    path = os.path.join(d, "report.html")
    page = Page(path)
    heads = {"en": ["Ex-ante performance evaluation (事前绩效评估)", "1. Economy of the inputs",
                    "2. Funding composition", "3. Performance targets",
                    "4. Uncertainty of each costing", "Office for Budget Responsibility"],
             "zh": ["<h2>事前绩效评估</h2>", "一、投入经济性", "二、资金构成",
                    "三、绩效目标：产出指标", "四、测算不确定性评级", "英国预算责任办公室"]}
    for h in heads[lang]:
        if h not in page.section:
            fail(f"report.html ({lang}): the evaluation section lacks {h!r}")
    c = Csvs(d)
    owners = {(r["owner"], r["paid_year"]): r
              for r in read_csv(os.path.join(d, "by_owner.csv")) if r["level"] == "total"}
    for table, a in page.cells:
        y = a["data-year"]
        if "data-awards" in a:
            n = c.count(a["data-line"], y)
            for attr, st in (("data-awards", "mean"), ("data-awards-p5", "p5"),
                             ("data-awards-p95", "p95")):
                if abs(float(a[attr]) - float(n[st])) > 0.005 + 1e-9:
                    fail(f"report.html {table} {a['data-line']} {y} {st}: {a[attr]}, "
                         f"recipients.csv {n[st]}")
            continue
        if "data-owner" in a:  # by_owner.csv: the period is its row "all"
            row = owners[(a["data-owner"], "all" if c.year(y) is None else c.year(y))]
        else:
            row = c.money("TOTAL", y, a["data-level"]) if "data-level" in a \
                else c.money(a["data-line"], y)
        for st in ("mean", "p5", "p95", "p80", "p90"):
            if a["data-" + st] != row[st]:  # both printed %.2f from the same double
                fail(f"report.html {table} {a.get('data-line', a.get('data-level', a.get('data-owner')))} {y} "
                     f"{st}: {a['data-' + st]}, the CSV has {row[st]}")
    paying = set(c.paying())
    n = len(c.years) + 1
    # the levels' and owners' tables end in a total row (data-line TOTAL)
    want = {"eval-cost": (len(paying) + 1) * n, "eval-levels": (3 + 1) * n,
            "eval-outputs": len(paying) * n,
            "eval-owners": (len({k[0] for k in owners}) + 1) * n}
    for t, k in want.items():
        if page.tables.get(t) != k:
            fail(f"report.html: table {t} has {page.tables.get(t)} cells, expected {k}")
    if {r["data-line"] for r in page.rows} != paying:
        fail(f"report.html: ratings for {sorted(r['data-line'] for r in page.rows)}, "
             f"the paying lines are {sorted(paying)}")


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
        readable(wb, os.path.join(d_en if lang == "en" else d_zh, "results.xlsx"))
    if failures:
        return
    run_figures(d_en, en, RUN_SHEETS["en"])
    run_figures(d_zh, zh, RUN_SHEETS["zh"])
    params_comments(en["Parameters"], "en")
    params_comments(zh["参数"], "zh")
    method_numbers(en["Method and manifest"], "en")
    method_numbers(zh["方法与清单"], "zh")
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


def figure_links(d, lang):
    """A link to a figure says its number as its caption does (图6, figure 6),
    never the chart's English file name."""
    with open(os.path.join(d, "report.html"), encoding="utf-8") as f:
        page = f.read()
    word = {"en": "Figure ", "zh": "图"}[lang]
    for fig, text in re.findall(r'<a href="#fig-([a-z_]+)">([^<]*)</a>', page):
        at = page.find(f'<figure id="fig-{fig}">')
        cap = re.search(r"<figcaption><strong>([^<]*?)\.?</strong>", page[at:]) if at >= 0 else None
        if not cap or text.lower() != cap.group(1).lower():
            fail(f"report.html: the link to figure {fig} reads {text!r}, its caption "
                 f"{cap.group(1) if cap else None!r}")
        if not text.startswith(word) and not text.lower().startswith(word.lower()):
            fail(f"report.html: the link to figure {fig} reads {text!r}, not {word}N")


def check_report(d, lang):
    wb = openpyxl.load_workbook(os.path.join(d, "results.xlsx"))
    names = [n for n in RUN_SHEETS[lang]]
    tornado = {"en": "Key assumptions", "zh": "关键假设"}[lang]
    expect = names[:9 + N_EVAL] + [tornado] + names[9 + N_EVAL:]
    if wb.sheetnames != expect:
        fail(f"report: sheets {wb.sheetnames}, expected {expect}")
        return
    frozen(wb)
    readable(wb, os.path.join(d, "results.xlsx"))
    run_figures(d, wb, names)
    check_page(d, lang)
    figure_links(d, lang)
    method_numbers(wb[names[-1]], lang)
    ws = wb[tornado]
    if ws.max_row < 2:
        fail("report: no assumption in the tornado sheet")
    for r in range(2, ws.max_row + 1):
        for col in (7, 8, 9):
            c = ws.cell(row=r, column=col)
            if not isinstance(c.value, (int, float)) or "万元" not in c.number_format:
                fail(f"{ws.title}!{c.coordinate}: {c.value!r} is not an amount in 万元")
        for col in (5, 6):  # the low and high values: numbers in the parameter's unit
            c = ws.cell(row=r, column=col)
            if not isinstance(c.value, (int, float)) or c.number_format == "General":
                fail(f"{ws.title}!{c.coordinate}: {c.value!r} ({c.number_format}) is "
                     "not a number shown in its unit")


VALUE_COLS = {"value1", "value2", "base", "low", "high", "value", "lo", "hi"}
# compare_params.csv's values as the sheet shows them
READABLE = {"true": ("yes", "是"), "false": ("no", "否"), "(inherits)": ("(inherits)", "（沿用）"),
            "topup": ("top up to the higher tier (topup)", "进档补差 (topup)"),
            "each": ("every tier in full (each)", "每档足额奖励 (each)")}
MONEY_COLS = {"mean", "p5", "p95", "diff", "diff_se", "diff_lo", "diff_hi", "mean_base",
              "mean_low", "mean_high", "diff_low", "diff_low_se", "diff_high",
              "diff_high_se", "swing", "base_mean", "alt_mean", "mean_total", "diff_in_total"}
YESNO_COLS = {"base_in_total", "alt_in_total"}  # 1 or 0, shown yes or no
KEY_COLS = {"parameter", "key", "key1", "key2"}  # a key, what it means beside it
INDEX_COLS = {"S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"}  # Sobol indices, 0.000
SWEEP_TOTAL = {"en": "Total by value", "zh": "各取值合计"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def written_number(v):
    """A value as the scenario writes it ("30%", "100万", "3") as a number
    (yuan for an amount) and whether it is an amount; None when it is not
    one number (a distribution, a list, a word)."""
    m = re.fullmatch(r"(-?[0-9.]+(?:e-?[0-9]+)?)(%|‰|万|亿)?", v.strip())
    if not m:
        return None
    scale = {"%": 1e-2, "‰": 1e-3, "万": 1e4, "亿": 1e8, None: 1}[m.group(2)]
    return float(m.group(1)) * scale, m.group(2) in ("万", "亿")


def in_unit(ws, row, col, value, what):
    """A parameter's value: a number shown in its unit (万元, %, a count),
    never General nor text."""
    c = ws.cell(row=row, column=col)
    if "万元" in c.number_format:
        money(ws, row, col, value, what)
        return
    number(ws, row, col, value, what, 1e-9 * max(1, abs(float(value))))
    if c.number_format == "General":
        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r} in General format, "
             "not in its unit")


def sweep_total(d, ws, lang):
    """The sweep's first sheet: a row a point (the base case first), the swept
    values in their units under headers that say what they mean, the TOTAL's
    mean, 5%, 95%, change and its error, and each level's mean, against
    sweep.csv's TOTAL rows."""
    rows = [r for r in read_csv(os.path.join(d, "sweep.csv")) if r["line"] == "TOTAL"]
    points = sorted({int(r["point"]) for r in rows})
    by = {(int(r["point"]), r["level"]): r for r in rows}
    keys = [k for k in ("key1", "key2") if rows and rows[0][k]]
    if ws.max_row != len(points) + 1:
        fail(f"{ws.title}: {ws.max_row - 1} points, sweep.csv has {len(points)}")
    for a, k in enumerate(keys):  # the header: the meaning, then the key
        h = str(ws.cell(row=1, column=2 + a).value)
        if not h.endswith(("（" + rows[0][k] + "）", "(" + rows[0][k] + ")")) or \
                len(h) <= len(rows[0][k]) + 2 or (lang == "zh" and not CJK.search(h)):
            fail(f"{ws.title}: header {h!r} does not say what {rows[0][k]} means")
    for i, p in enumerate(points, start=2):
        first = ws.cell(row=i, column=1).value
        if first != (p if p else {"en": "Base case", "zh": "基准情形"}[lang]):
            fail(f"{ws.title}!A{i}: {first!r}, expected point {p}")
        t = by[(p, "total")]
        col = 2
        for a, k in enumerate(keys):
            in_unit(ws, i, col, t["value" + k[-1]], f"sweep.csv {k} point {p}")
            col += 1
        for h in ("mean", "p5", "p95", "diff", "diff_se"):
            money(ws, i, col, t[h], f"sweep.csv TOTAL {h} point {p}")
            col += 1
        for lv in LEVELS[1:]:
            money(ws, i, col, by[(p, lv)]["mean"], f"sweep.csv TOTAL {lv} mean point {p}")
            col += 1


def scope_note(d, ws, n):
    """Under the compare's table, for each alternative and funding level: the
    lines whose change is not their part of TOTAL's change, each with what it
    moves TOTAL by (a line in one side's total) or its own change (in
    neither), the rest, and TOTAL's change, which add up; worked out here from
    compare.csv's means and in_total columns."""
    rows = [r for r in read_csv(os.path.join(d, "compare.csv")) if r["paid_year"] == "all"]
    amounts = [ws.cell(row=r, column=10).value for r in range(n + 2, ws.max_row + 1)
               if isinstance(ws.cell(row=r, column=10).value, (int, float))]
    want = []
    for alt in dict.fromkeys(r["alt"] for r in rows):
        for level in ("total", "provincial", "municipal", "district"):
            moved, listed = 0.0, []
            at = [r for r in rows if r["alt"] == alt and r["level"] == level]
            for r in at:
                if r["line"] == "TOTAL":
                    continue
                b, a = r["base_in_total"] == "1", r["alt_in_total"] == "1"
                by = (float(r["alt_mean"]) if a else 0) - (float(r["base_mean"]) if b else 0)
                if (a and b) or abs(by - float(r["diff"])) < 0.005:
                    continue
                listed.append(by if a or b else float(r["diff"]))
                moved += by
            if listed:
                total = next(float(r["diff"]) for r in at if r["line"] == "TOTAL")
                want += listed + [total - moved, total]
    if len(amounts) != len(want) or any(abs(g * 1e4 - w_) > 0.02 for g, w_ in zip(amounts, want)):
        fail(f"{ws.title}: the note's amounts {amounts} 万元, expected {want} yuan")
    return len(want)


def check_study(d, csvs):
    wb = openpyxl.load_workbook(os.path.join(d, "results.xlsx"))
    lang = "zh" if wb.sheetnames[-1] == "方法与清单" else "en"
    sheets = wb.worksheets
    if "sweep.csv" in csvs:  # first, the total by value a planner charts
        if wb.sheetnames[0] != SWEEP_TOTAL[lang]:
            fail(f"sweep: first sheet {wb.sheetnames[0]!r}, expected {SWEEP_TOTAL[lang]!r}")
            return
        sweep_total(d, sheets[0], lang)
        sheets = sheets[1:]
    if len(sheets) != len(csvs) + 1:
        fail(f"study: sheets {wb.sheetnames} for {csvs} and the method")
        return
    frozen(wb)
    readable(wb, os.path.join(d, "results.xlsx"))
    # a tornado's 24 columns one page wide printed at a third of their size, even on A3:
    # at MIN_SCALE, the rank, key and meaning beside each page (frozen() checks how)
    if "tornado.csv" in csvs:
        ws = sheets[csvs.index("tornado.csv")]
        if ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage \
                or ws.freeze_panes != "D2":
            fail(f"{ws.title}: {sheet_chars(ws)} characters printed one page wide, frozen "
                 f"at {ws.freeze_panes}; expected {MIN_SCALE}%, A:C beside each page")
    left_out = 0
    for ws, name in zip(sheets, csvs):
        with open(os.path.join(d, name), newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        head = rows[0]
        if "line" in head:  # a table of lines: its rows where every amount is 0 are left out
            money_at = [k for k, h in enumerate(head) if h in MONEY_COLS]
            kept = [r for r in rows[1:] if any(float(r[k]) != 0 for k in money_at)]
            left_out += len(rows) - 1 - len(kept)
            rows = [head] + kept
        # the table, then under a blank row a compare's note on its totals
        n = next((r for r in range(2, ws.max_row + 2) if ws.cell(row=r, column=1).value
                  in (None, "")), ws.max_row + 1) - 1
        if n != len(rows):
            fail(f"{ws.title}: {n} rows, {name} has {len(rows)}")
        if name == "compare.csv":
            scope_note(d, ws, n)
        # the sheet's column of each CSV column: a line has its clause and
        # measure beside it, a parameter key its meaning
        at, col = [], 1
        for h in head:
            at.append(col)
            col += 3 if h == "line" else 2 if h in KEY_COLS else 1
        if ws.auto_filter.ref is None:
            fail(f"{ws.title}: no filter on the table")
        for h, k in zip(head, at):  # a column a parameter: its meaning in the header
            if "." in h and h not in MONEY_COLS:
                t = str(ws.cell(row=1, column=k).value)
                if not t.endswith(("（" + h + "）", "(" + h + ")")) or \
                        (lang == "zh" and not CJK.search(t)):
                    fail(f"{ws.title}: header {t!r} does not say what {h} means")
        for i, row in enumerate(rows[1:], start=2):
            for k, v in enumerate(row, start=1):
                what = f"{name} {head[k - 1]} row {i}"
                c = ws.cell(row=i, column=at[k - 1])
                h = head[k - 1]
                k = at[k - 1]
                if h in MONEY_COLS or (h in VALUE_COLS and "万元" in c.number_format):
                    money(ws, i, k, v, what)
                elif h in INDEX_COLS:
                    number(ws, i, k, v, what, 1e-9)
                    if c.number_format != "0.000":
                        fail(f"{ws.title}!{c.coordinate} ({what}): format "
                             f"{c.number_format!r}, expected 0.000")
                elif name == "sobol_points.csv" and "." in h:  # a parameter's column
                    in_unit(ws, i, k, v, what)
                elif h in KEY_COLS and v:
                    m = ws.cell(row=i, column=k + 1).value
                    if c.value != v or not m or (lang == "zh" and not CJK.search(str(m))):
                        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r} and its "
                             f"meaning {m!r}, CSV {v!r}")
                elif h == "range" and v == "given":
                    if c.value != {"en": "as the scenario gives it", "zh": "按情景设定"}[lang]:
                        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r}, CSV 'given'")
                elif h == "line":
                    if line_key(c.value) != v or not ws.cell(row=i, column=k + 2).value:
                        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r}, CSV {v!r}, "
                             f"measure {ws.cell(row=i, column=k + 2).value!r}")
                elif h == "unit":  # as the values beside it are shown, in the book's language
                    if c.value != {"yuan": "万元", "share": "%"}.get(v, c.value) or \
                            (lang == "zh" and re.search("[A-Za-z]", str(c.value))):
                        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r}, CSV {v!r}")
                elif h == "paid_year" and v == "all":
                    if c.value != {"en": "All paid years", "zh": "全部年度"}[lang]:
                        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r}, CSV 'all'")
                elif h in YESNO_COLS:
                    if c.value not in READABLE[{"1": "true", "0": "false"}[v]]:
                        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r}, CSV {v!r}")
                elif name == "compare_params.csv" and v in READABLE:
                    if c.value not in READABLE[v]:
                        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r}, CSV {v!r}")
                elif name == "compare_params.csv" and written_number(v):
                    num, amount = written_number(v)  # "30%" is 0.3 shown as a share
                    if amount:
                        money(ws, i, k, num, what)
                    else:
                        in_unit(ws, i, k, num, what)
                elif h == "level":  # the level's name, in the sheet's language
                    lang = "zh" if ws.cell(row=1, column=k).value == "出资层级" else "en"
                    if c.value != LEVEL_WORDS[lang][LEVELS.index(v)]:
                        fail(f"{ws.title}!{c.coordinate} ({what}): {c.value!r}, CSV {v!r}")
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
    # the rows left out, said once with their number (and the CSV files that keep them)
    said = [v for v in values if "CSV" in v and re.search(rf"(^|\D){left_out}(\D|$)", v)
            and ("0 (" in v or "0（" in v)]
    if bool(left_out) != bool(said):
        fail(f"{method.title}: {left_out} rows of zeros left out, the sheet says {said}")
    with open(os.path.join(d, "manifest.txt"), encoding="utf-8-sig") as f:
        for line in f.read().splitlines():
            v = line.split(": ", 1)[1] if ": " in line else line
            if v not in values:
                fail(f"{method.title}: manifest line {line!r} missing")
    method_numbers(method, lang)
    # a Sobol book says what S1 and ST are: the share of the variance of the
    # mean total due to the parameter alone, and with its interactions
    if "sobol.csv" in csvs:
        words = {"en": ("first-order", "alone", "interactions"),
                 "zh": ("一阶", "单独", "交互作用")}[lang]
        if not any(all(w in v for w in words) and "S1" in v and "ST" in v for v in values):
            fail(f"{method.title}: nothing says what S1 and ST mean")
    # a study has no P80 or P90: the note on them does not apply
    if any(method.cell(row=r, column=1).value == "P80, P90"
           for r in range(2, method.max_row + 1)):
        fail(f"{method.title}: a note on P80 and P90, which a study's book has not")


def method_numbers(ws, lang):
    """The method sheet's seed and replications: numbers, not text."""
    want = {"en": ("seed", "replications"), "zh": ("随机种子", "模拟次数")}[lang]
    got = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2)
           for r in range(2, ws.max_row + 1)}
    for k in want:
        c = got.get(k)
        if c is None or not isinstance(c.value, (int, float)) or isinstance(c.value, bool):
            fail(f"{ws.title}: {k} is {c.value if c is not None else None!r}, not a number")


def main():
    kind = sys.argv[1]
    if kind == "run":
        check_run(sys.argv[2], sys.argv[3])
    elif kind == "report":
        check_report(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "en")
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
