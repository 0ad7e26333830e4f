"""The districts and budget owners of a `fundsim serve` answer against the
files `fundsim run` writes for the same scenario, seed, replications and --set.

Usage: serve_where.py PARAMS.json ANSWER.json VARIANT_RUN_DIR BASE_RUN_DIR
  PARAMS.json  /api/params; ANSWER.json  /api/run's answer for the variant
  VARIANT_RUN_DIR  `fundsim run --set ...`'s folder; BASE_RUN_DIR  the same
  without --set (the draft the page compares with)
Checks, to the fen (both sides print yuan to two decimals):
  - every row of by_district.csv (each district, line and level; TOTAL is
    summary.csv's) is the answer's districts cell: mean, p5, p95, p80, p90;
  - every row of by_owner.csv (each owner and new_money_only, paid year, all,
    within; level) is the answer's owners cell, and new_money says the same;
  - the paired comparison: its variant mean is the variant run's, its base
    mean the base run's, and the difference is the one minus the other.
Prints how many figures were compared; exits 1 with the first mismatches.
"""
import csv
import json
import sys

LEVELS = ["total", "provincial", "municipal", "district"]
STATS = ["mean", "p5", "p95", "p80", "p90"]  # the order of an answer's cell


def rows(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    params = json.load(open(sys.argv[1], encoding="utf-8"))
    ans = json.load(open(sys.argv[2], encoding="utf-8"))
    run, base = sys.argv[3], sys.argv[4]
    lines = [l["id"] for l in params["lines"]] + ["TOTAL"]
    dists = {d["zh"]: i for i, d in enumerate(params["districts"])}
    owners = [o["key"] for o in params["owners"]] + ["new_money_only"]
    bad, n = [], 0

    def same(what, got, want):
        nonlocal n
        n += 1
        if got is None or "%.2f" % float(got) != "%.2f" % float(want):
            bad.append("%s: the answer has %s, run wrote %s" % (what, got, want))

    def close(what, got, want):  # sums of two figures each rounded to the fen
        nonlocal n
        n += 1
        if got is None or abs(float(got) - float(want)) > 0.015:
            bad.append("%s: the answer has %s, run's files give %s" % (what, got, want))

    base_where = {(r["district"], r["line"], r["level"]): r
                  for r in rows(base + "/by_district.csv")}
    seen = set()
    for r in rows(run + "/by_district.csv"):
        if r["district"] == "TOTAL":
            continue
        d = dists.get(r["district"])  # 未指定 (not given) is index 0
        if d is None:
            bad.append("by_district.csv names %s, the page does not" % r["district"])
            continue
        seen.add(d)
        li, lv = lines.index(r["line"]), LEVELS.index(r["level"])
        cell = ans["districts"]["cells"][d][li][lv]
        what = "district %s %s %s" % (r["district"], r["line"], r["level"])
        for k, s in enumerate(STATS):
            same(what + " " + s, cell[k], r[s])
        cmp = ans["districts"]["cmp"][d][li][lv]
        b = base_where[(r["district"], r["line"], r["level"])]
        same(what + " compared: variant", cmp[1], r["mean"])
        same(what + " compared: draft", cmp[0], b["mean"])
        close(what + " compared: difference", cmp[2], float(r["mean"]) - float(b["mean"]))
    if seen < set(range(1, 11)):
        bad.append("by_district.csv lacks districts %s" % sorted(set(range(1, 11)) - seen))

    first = ans["first_year"]
    cfirst, cny = ans["cmp"]["first_year"], ans["cmp"]["nyears"]
    ny = ans["nyears"]
    base_owner = {(r["owner"], r["paid_year"], r["level"]): r
                  for r in rows(base + "/by_owner.csv")}
    for r in rows(run + "/by_owner.csv"):
        o, lv = owners.index(r["owner"]), LEVELS.index(r["level"])
        y = {"all": ny, "within": ny + 1}.get(r["paid_year"])
        cy = {"all": cny, "within": cny + 1}.get(r["paid_year"])
        if y is None:
            y, cy = int(r["paid_year"]) - first, int(r["paid_year"]) - cfirst
        cell = ans["owners"]["cells"][o][y][lv]
        what = "owner %s %s %s" % (r["owner"], r["paid_year"], r["level"])
        for k, s in enumerate(STATS):
            same(what + " " + s, cell[k], r[s])
        if o < len(owners) - 1 and ans["owners"]["new"][o] != (r["new_money"] == "1"):
            bad.append(what + ": new_money differs")
        cmp = ans["owners"]["cmp"][o][cy][lv]
        b = base_owner[(r["owner"], r["paid_year"], r["level"])]
        same(what + " compared: variant", cmp[1], r["mean"])
        same(what + " compared: draft", cmp[0], b["mean"])
        close(what + " compared: difference", cmp[2], float(r["mean"]) - float(b["mean"]))
    if bad:
        print("\n".join(bad[:10]), file=sys.stderr)
        print("%d of %d figures differ" % (len(bad), n), file=sys.stderr)
        sys.exit(1)
    print(n)


main()
