"""numpy_model.py - the default scenario's population and all 26 award lines,
written as an analyst would write it instead of fundsim: NumPy, vectorised
over replications and firms (flat arrays of every firm of a chunk of
replications, sums per replication by np.bincount), a Python loop only over
the three policy years and the kinds of entity.

It is the yardstick of make bench (how much faster fundsim is on one thread)
and is checked against fundsim's means by bench/check_means.py. The numbers
are scenarios/suzhou-draft.ini's (the built-in scenario) as fundsim reads
them; the model follows src/sim/sim_pop.c and src/rules/ but draws from
NumPy's own generator, so it agrees with fundsim in distribution, not draw
for draw. What it leaves out: amounts are not rounded to the fen, and the
funding levels are not split (only each line's total is modelled).

  /usr/bin/python3 bench/numpy_model.py REPS [SEED]   -> line,mean,se (yuan)
"""
import sys
import time

import numpy as np

LINES = ["M1A", "M1B", "M2", "M3A", "M3B", "M3C", "M4", "M5A", "M5B", "M6A", "M6B",
         "M6C", "M7A", "M7B", "M8A", "M8B", "M9", "M10A", "M10B", "M10C", "M11",
         "M12A", "M12B", "M12C", "M13A", "M13B"]
L = {name: i for i, name in enumerate(LINES)}
IN_TOTAL = [name != "M8B" for name in LINES]  # 第8条 一事一议 is reported apart

START, YEARS = 2025, 3
Y0 = START - 1
WINDOW = range(START, START + YEARS)
WAN, YI = 1e4, 1e8

TAKEUP = {"M1A": .9, "M1B": .9, "M2": .9, "M3A": .9, "M3C": .9}  # the rest: 100%


def triangular(rng, n, a, c, b):
    return rng.triangular(a, c, b, n)


def lognormal(rng, median, sigma, n):
    return median * np.exp(sigma * rng.standard_normal(n))


class Chunk:
    """R replications at once: per-replication parameters and the sums."""

    def __init__(self, rng, r):
        self.rng, self.r = rng, r
        self.sums = np.zeros((len(LINES), r))
        self.growth_mean = rng.normal(.117, .015, r)
        self.city = rng.normal(.095, .015, r)
        self.exit_rate = rng.uniform(.03, .06, r)
        self.shock = rng.normal(0, .04, (r, YEARS))  # city-wide, by policy year
        fsd, csd = .17, .04
        self.drift = np.log1p(self.growth_mean) - (fsd * fsd + csd * csd) / 2

    def pay(self, line, rep, amount):
        """Awards (one per element) of line to replications rep, after take-up."""
        share = TAKEUP.get(line, 1.0)
        if share < 1:
            keep = self.rng.random(amount.shape[0]) < share
            rep, amount = rep[keep], amount[keep]
        self.sums[L[line]] += np.bincount(rep, weights=amount, minlength=self.r)


def tier(rev, bars):
    return sum((rev >= b).astype(np.int8) for b in bars)


M2_STAFF, M2_REV, M2_AMT = (20, 50), (2000 * WAN, 5000 * WAN), np.array([0, 50 * WAN, 100 * WAN])
M3A_REV, M3A_AMT = (YI, 5 * YI, 10 * YI), np.array([0, 200 * WAN, 300 * WAN, 500 * WAN])


def m2_tier(emp, rev):
    return np.maximum((emp >= M2_STAFF[0]) & (rev >= M2_REV[0]),
                      2 * ((emp >= M2_STAFF[1]) & (rev >= M2_REV[1]))).astype(np.int8)


def firms(c, rep, year, founded, origin_new, attracted, industrial, rev, emp, capital, key_u,
          key_db, top100):
    """Grow firms (flat arrays, one element a firm) from their row of year `year`
    (an array) to the window's end, applying the firm lines (第1-3条)."""
    rng, n = c.rng, rep.shape[0]
    alive = np.ones(n, bool)
    # state from the first row (history rows pay nothing but count)
    m1_ok = attracted & industrial & (founded >= START)
    any_m1 = bool(m1_ok.any())
    m1a_done = np.zeros(n, bool)
    m1b_sum = np.zeros(n)
    m1b_done = np.zeros(n, bool)
    m2_new = origin_new | attracted  # new, spin-off or attracted (exclude_m1 = false)
    m2_best = np.zeros(n, np.int8)
    m3a_best = np.zeros(n, np.int8)
    listed = np.zeros(n, bool)

    def m1(yr, rows, due):
        r_ = rep
        # 第1条 M1A: 5% of paid-in capital, cap 100万, staff 50 within 3 years
        ok = due & m1_ok & ~m1a_done & (yr < founded + 3) & (capital >= 1000 * WAN) & (emp >= 50)
        c.pay("M1A", r_[ok], np.minimum(.05 * capital[ok], 100 * WAN))
        m1a_done[ok] = True
        # M1B: 2亿 over 3 years from settling, after M1A; up to 200万 as requested
        w = rows & m1_ok & ~m1b_done & (yr < founded + 3)
        m1b_sum[w] += rev[w]
        ok = w & (m1b_sum >= 2 * YI) & m1a_done
        m1b_done[ok] = True
        ok &= yr >= START
        req = lognormal(rng, 180 * WAN, .4, int(ok.sum()))
        c.pay("M1B", r_[ok], np.minimum(req, 200 * WAN))

    def rules(yr, rows, prev_rev, has_prev):
        nonlocal m2_best, m3a_best
        due = rows & (yr >= START)
        r_ = rep
        if any_m1:  # only attracted industrial firms can be paid 第1条
            m1(yr, rows, due)
        # 第2条 M2: staff and revenue tiers within 3 years of founding, top-up
        k = np.where(rows & m2_new & (yr < founded + 3), m2_tier(emp, rev), 0).astype(np.int8)
        up = k > m2_best
        ok = up & (yr >= START)
        c.pay("M2", r_[ok], M2_AMT[k[ok]] - M2_AMT[m2_best[ok]])
        m2_best = np.where(up, k, m2_best)
        # 第3条 M3A: revenue first reaching 1/5/10亿, the difference to the tier held
        k = np.where(rows, tier(rev, M3A_REV), 0).astype(np.int8)
        up = k > m3a_best
        ok = up & (yr >= START)
        c.pay("M3A", r_[ok], M3A_AMT[k[ok]] - M3A_AMT[m3a_best[ok]])
        m3a_best = np.where(up, k, m3a_best)
        # M3B: first top-100 listing
        ok = rows & top100 & ~listed & (yr >= START)
        c.pay("M3B", r_[ok], np.full(int(ok.sum()), 500 * WAN))
        listed[rows & top100] = True
        # M3C: key-database firm growing > 50%, up to 100万 as requested
        ok = due & key_db & has_prev & (prev_rev > 0) & (rev - prev_rev > .5 * prev_rev)
        req = lognormal(rng, 100 * WAN, .5, int(ok.sum()))
        c.pay("M3C", r_[ok], np.minimum(req, 100 * WAN))

    yr = year.copy()
    rules(yr, alive, np.zeros(n), np.zeros(n, bool))
    drift, shock, exit_rate = c.drift[rep], c.shock[rep], c.exit_rate[rep]
    ln_young = np.log1p(.30)
    for y in range(START, START + YEARS):
        grow = alive & (yr == y - 1)  # firms with a row last year go on, or exit
        exits = rng.random(n) < exit_rate
        e, u = rng.standard_normal(n), rng.random(n)
        grow &= ~exits
        alive &= ~(exits & (yr == y - 1))
        young = (y - founded) < 3
        g = drift + shock[:, y - START] + .17 * e + np.where(young, ln_young, 0)
        prev_rev = rev.copy()
        new_key = (prev_rev >= 2000 * WAN) & (yr - founded >= 1) & (key_u < .32)
        rev = np.where(grow, rev * np.exp(g), rev)
        sg = .6 * g + np.where(young, ln_young, 0)
        emp = np.where(grow, np.minimum(1e7, np.rint(np.maximum(emp, 1) * np.exp(sg))), emp)
        key_db = np.where(grow, new_key, key_db)
        top100 = np.where(grow, (rev >= 30 * YI) & (u < .15), top100)
        yr = np.where(grow, y, yr)
        rules(np.full(n, y), grow, prev_rev, grow)
    return c


def stock(c):
    rng = c.rng
    count = np.rint(rng.uniform(1200, 2000, c.r)).astype(np.int64)
    rep = np.repeat(np.arange(c.r), count)
    n = rep.shape[0]
    # the firms in the statistics: lognormal body drawn above its 500万 bar
    rev = lognormal(rng, 6200 * WAN, 1.3, n)
    low = rev < 500 * WAN
    while low.any():
        rev[low] = lognormal(rng, 6200 * WAN, 1.3, int(low.sum()))
        low = rev < 500 * WAN
    u_tail = 1 - rng.random(n)
    tail = rev > 5 * YI
    rev[tail] = np.minimum(5 * YI * u_tail[tail] ** (-1 / 2.4), 1e13)
    staff = rev / (60 * WAN) * np.exp(.5 * rng.standard_normal(n))
    key_u = rng.random(n)
    founded = Y0 - np.floor(rng.random(n) * 20).astype(np.int64)
    industrial = rng.random(n) < .25
    emp = np.minimum(1e7, np.maximum(1, np.rint(staff)))
    key_db = (rev >= 2000 * WAN) & (Y0 - founded >= 1) & (key_u < .32)
    top100 = (rev >= 30 * YI) & (rng.random(n) < .15)
    firms(c, rep, np.full(n, Y0), founded, Y0 - founded < 10, np.zeros(n, bool), industrial,
          rev, emp, np.zeros(n), key_u, key_db, top100)


def entrants(c):
    rng = c.rng
    kinds = (("new", (80, 120, 200)), ("spinoff", (5, 15, 30)), ("attracted", (5, 12, 25)))
    for kind, tri in kinds:
        att = kind == "attracted"
        rate = triangular(rng, c.r, *tri)
        count = rng.poisson(np.repeat(rate, YEARS))  # by replication and year
        rep = np.repeat(np.repeat(np.arange(c.r), YEARS), count)
        year = np.repeat(np.tile(np.array(WINDOW), c.r), count)
        n = rep.shape[0]
        rev = lognormal(rng, 3000 * WAN if att else 500 * WAN, 1.0 if att else 1.2, n)
        staff = lognormal(rng, 40 if att else 15, .6 if att else .7, n)
        capital = lognormal(rng, 1500 * WAN, .8, n)
        industrial = rng.random(n) < (.6 if att else .25)
        key_u = rng.random(n)
        zero = np.zeros(n, bool)
        firms(c, rep, year, year, np.full(n, not att), np.full(n, att), industrial, rev,
              np.maximum(1, np.rint(staff)), capital if att else np.zeros(n), key_u, zero,
              zero.copy())


def parks(c):
    rng = c.rng
    csd = .04
    for line, count, median, sigma, gsd, rate, cap in (
            ("M5A", np.rint(rng.uniform(5, 10, c.r)).astype(np.int64), 20 * YI, .8, .1, .002,
             100 * WAN),
            ("M5B", np.ones(c.r, np.int64), 600 * YI, .3, .05, .001, 300 * WAN)):
        rep = np.repeat(np.arange(c.r), count)
        drift = np.log1p(c.city[rep]) - (csd * csd + gsd * gsd) / 2
        rev = lognormal(rng, median, sigma, rep.shape[0])
        for y in WINDOW:
            inc = rev * np.expm1(drift + c.shock[rep, y - START] +
                                 gsd * rng.standard_normal(rep.shape[0]))
            rev = rev + inc
            ok = inc > 0
            c.pay(line, rep[ok], np.minimum(rate * inc[ok], cap))


def arrivals(c, mean):
    """Applicants of each replication and policy year: their replication and year."""
    count = c.rng.poisson(np.repeat(mean, YEARS) if np.ndim(mean) else
                          np.full(c.r * YEARS, mean))
    rep = np.repeat(np.repeat(np.arange(c.r), YEARS), count)
    return rep, np.repeat(np.tile(np.array(WINDOW), c.r), count)


def entities(c):
    rng = c.rng
    # 第4条, 第13条: a rating pays its level's amount
    for line, per_year, amount in (("M4", .2, 300 * WAN), ("M4", .5, 200 * WAN),
                                   ("M13A", .5, 100 * WAN), ("M13A", 2, 50 * WAN)):
        rep, _ = arrivals(c, per_year)
        c.pay(line, rep, np.full(rep.shape[0], amount))
    # rate x the project's base, capped, once
    for line, tri, median, sigma, rate, cap in (
            ("M6A", (5, 10, 20), 2000 * WAN, .8, .3, 1000 * WAN),
            ("M6C", (1, 2, 4), 2000 * WAN, .7, .5, 1000 * WAN),
            ("M7B", (5, 10, 20), 500 * WAN, .8, .5, 600 * WAN),
            ("M10A", (5, 10, 20), 200 * WAN, .8, .2, 50 * WAN),
            ("M11", (5, 10, 20), 500 * WAN, 1.0, .2, 200 * WAN)):
        rep, _ = arrivals(c, triangular(rng, c.r, *tri))
        base = lognormal(rng, median, sigma, rep.shape[0])
        c.pay(line, rep, np.minimum(rate * base, cap))
    # a fixed amount, once
    for line, tri, amount in (("M8A", (1, 2, 4), 200 * WAN), ("M10B", (10, 20, 40), 50 * WAN)):
        rep, _ = arrivals(c, triangular(rng, c.r, *tri))
        c.pay(line, rep, np.full(rep.shape[0], amount))
    # up to a cap, as requested (approval 100%)
    for line, tri, median, sigma, cap in (
            ("M6B", (1, 2, 4), 150 * WAN, .4, 200 * WAN),
            ("M8B", (0, 1, 3), 80 * WAN, .6, 100 * WAN),
            ("M9", (3, 6, 10), 150 * WAN, .4, 200 * WAN),
            ("M10C", (20, 40, 80), 30 * WAN, .6, 50 * WAN),
            ("M12B", (10, 30, 60), 60 * WAN, .5, 100 * WAN),
            ("M12C", (100, 200, 400), 8 * WAN, .35, 30 * WAN)):
        rep, _ = arrivals(c, triangular(rng, c.r, *tri))
        c.pay(line, rep, np.minimum(lognormal(rng, median, sigma, rep.shape[0]), cap))
    # 第12条 teams: project funding up to 1000万 and housing up to 300万
    rep, _ = arrivals(c, triangular(rng, c.r, 3, 8, 15))
    n = rep.shape[0]
    c.pay("M12A", rep, np.minimum(lognormal(rng, 250 * WAN, .8, n), 1000 * WAN) +
          np.minimum(lognormal(rng, 150 * WAN, .5, n), 300 * WAN))
    # 第7条 centres and 第13条 bases: up to 3 consecutive years of support while
    # they pass their reviews, its later years after the policy's last too
    # ([scenario] after_expiry = honour)
    for line, tri, amount in (("M7A", (1, 3, 5), None), ("M13B", (0, 1, 2), 200 * WAN)):
        rep, year = arrivals(c, triangular(rng, c.r, *tri))
        n = rep.shape[0]
        each = (np.minimum(lognormal(rng, 320 * WAN, .5, n), 480 * WAN) if amount is None
                else np.full(n, amount))
        going = np.ones(n, bool)
        for k in range(3):
            if k:
                going &= rng.random(n) < .9
            c.pay(line, rep[going], each[going])


def simulate(reps, seed=1, chunk=1000):
    """Sums of every line, one row a replication (reps x 26), in yuan."""
    rng = np.random.default_rng(seed)
    out = []
    for lo in range(0, reps, chunk):
        c = Chunk(rng, min(chunk, reps - lo))
        stock(c)
        entrants(c)
        parks(c)
        entities(c)
        out.append(c.sums.T)
    return np.vstack(out)


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    t0 = time.perf_counter()
    rows = simulate(reps, seed)
    secs = time.perf_counter() - t0
    total = rows[:, IN_TOTAL].sum(axis=1)
    print(f"# seconds {secs:.4f}")
    print("line,mean,se")
    for i, name in enumerate(LINES):
        print(f"{name},{rows[:, i].mean():.2f},{rows[:, i].std(ddof=1) / np.sqrt(reps):.2f}")
    print(f"TOTAL,{total.mean():.2f},{total.std(ddof=1) / np.sqrt(reps):.2f}")


if __name__ == "__main__":
    main()
