#!/usr/bin/env python3
"""i18n_scan.py [--input FILE]... FILE... - English left in fundsim's Chinese output.

Prints every run of two or more English words (ASCII letters only, three or
more of them each, after trimming punctuation; shorter ones such as "a" and
"of" neither count nor end a run; a title CITED between quotation marks is
not a run) in the text of each FILE:
plain text as it is, .html and .svg without their tags, styles and scripts, .csv per
cell, .xlsx every string cell and sheet name (openpyxl). Exit 1 when any.

A token with a digit, dot, slash, hyphen, underscore, '=' or '%' is a key,
code, file, path, option or number, never a word (m1a.cap, M3A, 2026,
summary.csv, --reps, suzhou-draft). ALLOW holds the words that stay as they
are in Chinese too, each with its reason."""
import csv, html.parser, re, sys

ALLOW = {
    # the program, its commands and the scenario keyword "builtin" (typed as they are)
    "fundsim", "run", "award", "calibrate", "params", "diff", "report", "sweep", "tornado",
    "compare", "sobol", "help", "builtin",
    # names of programs, formats and methods, written so in Chinese texts too
    "gnuplot", "Excel", "WPS", "CSV", "HTML", "PDF", "PNG", "SVG", "UTF", "BOM", "INI", "GSL",
    "Sobol", "Saltelli", "Nelder", "Mead", "LibreOffice", "OpenMP", "MPI", "GBK", "xlsx",
    # the placeholders of usage lines and option values (DIR, FILE, KEY, ...)
    "DIR", "FILE", "KEY", "NAME", "STUDY", "PANEL", "SCENARIO", "BASE", "ALT", "VALUE",
    "SEC", "VAL", "SECTION", "STEP", "ini", "csv", "en", "zh",
    # the total's row key in the CSV files
    "TOTAL",
    # values as a scenario file writes them (params, diff, compare show them so)
    "true", "false", "topup", "each", "once", "prorata", "pooled", "honour", "municipal",
    # a key of [district.*] and a unit of the parameter table (params: "share  share")
    "share",
}

# Titles of cited works, as published: a Chinese reference gives a foreign
# source's title in its own language, so that a reader can find it. Exactly
# these, and only between quotation marks (“...”); the publisher's name is
# translated (英国预算责任办公室).
CITED = {
    "Policy costings",  # the OBR page the report's uncertainty ratings follow (briefing_eval.c)
}

WORD = re.compile(r"^[A-Za-z]{3,}$")
KEYLIKE = re.compile(r"[0-9./\\_=%-]")


def words(text):
    """The runs of English words in text, each as a string."""
    for title in CITED:
        text = text.replace("“%s”" % title, "“”")
    runs, run = [], []
    for tok in re.split(r"[\s\u3000]+|(?<=[\u3000-\uffff])|(?=[\u3000-\uffff])", text):
        if re.match(r"^[（(]?\[[a-z0-9_.]+\]", tok):  # [budget]: a section of the scenario
            core = ""
        else:
            core = tok.strip("()[]{}\"'“”‘’,;:!?<>*#`|（）【】，；：、。")
        if core and WORD.match(core) and not KEYLIKE.search(tok.strip(".,;:")) and core not in ALLOW:
            run.append(core)
            continue
        if re.match(r"^[A-Za-z]{1,2}$", core) and core not in ALLOW:
            continue  # "a", "of", "in": part of a run, not one on their own
        if len(run) >= 2:
            runs.append(" ".join(run))
        run = []
    if len(run) >= 2:
        runs.append(" ".join(run))
    return runs


class Text(html.parser.HTMLParser):
    """What a reader sees: no styles, scripts, SVG <desc> (gnuplot's "Produced
    by GNUPLOT", never shown) nor text an element marks English on purpose
    (lang="en": the English gloss beside a Chinese term of the draft)."""

    def __init__(self):
        super().__init__()
        self.out, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append(tag in ("style", "script", "desc") or a.get("lang") == "en")
        for k, v in attrs:  # what a reader sees of attributes
            if k in ("title", "alt") and v and not any(self.stack):
                self.out.append(v)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()
        self.out.append("\n")

    def handle_data(self, d):
        if not any(self.stack):
            self.out.append(d)


def texts(path):
    if path.endswith((".html", ".svg")):  # an SVG chart: its <text>, as drawn
        p = Text()
        p.feed(open(path, encoding="utf-8").read())
        yield from "".join(p.out).splitlines()
    elif path.endswith(".csv"):
        with open(path, encoding="utf-8-sig", newline="") as f:
            for i, row in enumerate(csv.reader(f)):
                if i:  # the header is English on purpose: for tools
                    yield from row
    elif path.endswith(".xlsx"):
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True)
        for ws in wb.worksheets:
            yield ws.title
            english = set()  # columns whose header says they are English (英文)
            for row in ws.iter_rows(values_only=True):
                for i, v in enumerate(row):
                    if isinstance(v, str) and "英文" in v:
                        english.add(i)
                    elif isinstance(v, str) and i not in english:
                        yield v
    else:
        yield from open(path, encoding="utf-8", errors="replace").read().splitlines()


def comments(text):
    """A scenario's comments as fundsim quotes them (scenario_comment): a
    key's own after its value, and each block of comment lines above a key
    joined into one line, without the ';'."""
    out, block = [], []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith((";", "#")):
            block.append(s.lstrip(";# \t"))
            continue
        if block:
            out.append(" ".join(block))
            block = []
        m = re.search(r"[ \t];(.*)$", line) if "=" in line else None
        if m:
            out.append(m.group(1).lstrip(";# \t").rstrip())
    if block:
        out.append(" ".join(block))
    return sorted({c for c in out if len(c) > 8}, key=len, reverse=True)


# --input FILE: text quoted from an input (a scenario's comments, written by
# whoever wrote the scenario: "; reading:" ones in the report, each value's in
# params and the workbook's 参数 sheet) is the input's words, not fundsim's.
args, inputs, quoted = sys.argv[1:], "", []
while len(args) >= 2 and args[0] == "--input":
    text = open(args[1], encoding="utf-8").read()
    inputs += text
    quoted += comments(text)
    args = args[2:]
quoted.sort(key=len, reverse=True)

bad = 0
for path in args:
    for t in texts(path):
        if inputs and len(t.strip()) > 8 and t.strip() in inputs:
            continue
        for c in quoted:  # a comment quoted whole, beside fundsim's own words
            if c in t:
                t = t.replace(c, " ")
        for r in words(t):
            bad += 1
            print("%s: English: \"%s\" in: %s" % (path, r, t.strip()[:160]))
sys.exit(1 if bad else 0)
