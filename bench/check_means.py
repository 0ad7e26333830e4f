"""check_means.py - the NumPy model (numpy_model.py) against fundsim: each of
the 26 lines' mean spending over the policy period, and TOTAL, from two
independent runs (different generators), must agree within their standard
errors: |difference| <= Z x sqrt(se_fundsim^2 + se_numpy^2). Z = 4 keeps
the chance of a false alarm over 27 comparisons near 0.2%.

  /usr/bin/python3 bench/check_means.py FUNDSIM [REPS]   (exit 1 on a mismatch)
"""
import csv
import os
import subprocess
import sys
import tempfile

import numpy as np

import numpy_model as model

Z = 4.0


def fundsim_means(fundsim, reps):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "run")
        subprocess.run([fundsim, "run", "--reps", str(reps), "--seed", "7", "--no-charts",
                        "--quiet", "--out", out], check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(out, "summary.csv"), newline="") as f:
            return {r["line"]: (float(r["mean"]), float(r["se"]))
                    for r in csv.DictReader(f) if r["level"] == "total"}


def main():
    fundsim = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    ours = fundsim_means(fundsim, reps)
    rows = model.simulate(reps, seed=2026)
    cols = {name: rows[:, i] for i, name in enumerate(model.LINES)}
    cols["TOTAL"] = rows[:, model.IN_TOTAL].sum(axis=1)
    bad = 0
    print(f"means over {reps} replications each, 万元 (fundsim vs NumPy model, z = difference / "
          f"combined se, agreement: |z| <= {Z:g}):")
    for name, x in cols.items():
        m, se = x.mean(), x.std(ddof=1) / np.sqrt(reps)
        fm, fse = ours[name]
        z = (fm - m) / np.hypot(fse, se) if fse or se else (0.0 if fm == m else np.inf)
        ok = abs(z) <= Z
        bad += not ok
        print(f"  {name:5} {fm / 1e4:12.1f} {m / 1e4:12.1f}  z {z:+5.2f}{'' if ok else '  MISMATCH'}")
    print(f"model check: {len(cols) - bad} of {len(cols)} means agree" +
          ("" if not bad else f"; {bad} do not: the model and fundsim differ"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
