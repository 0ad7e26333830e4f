"""What a Chinese reader of `fundsim serve`'s page sees of its API answers, as
text for tests/i18n_scan.py: the names, ranges and values of /api/params that
the zh page shows (label_zh, desc_zh: a control's tooltip, the lines',
districts' and owners' zh, range, value, choices_zh), and the "error" of every
refusal. The English the page shows when switched to English (en, label_en,
desc_en) is left out: the answers carry both languages, and the page picks
one.

Usage: serve_i18n.py FILE.json...   (each /api/params or an error answer)
Prints the text, one item a line; exits 1 when a file is not JSON or is an
answer of neither kind.
"""
import json
import sys


def main():
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            j = json.load(f)
        if "error" in j:
            print(j["error"])
        elif "lines" in j:
            for l in j["lines"]:
                print(l["clause"], l["zh"])
                for p in l["params"]:
                    # a list's words as the zh page shows them (choices_zh;
                    # the keys in choices are what it sends, not shown)
                    print(p["label_zh"], p["desc_zh"], p["value"], p["range"],
                          *p.get("choices_zh", p.get("choices", [])))
            for d in j["districts"] + j["owners"]:
                print(d["zh"])
        else:
            print("%s: neither /api/params nor an error" % path, file=sys.stderr)
            sys.exit(1)


main()
