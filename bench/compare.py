"""compare.py - make bench: fundsim on one thread against its yardsticks,
as ratios of times from one interleaved run (engine, NumPy model, floor,
engine, ... ROUNDS times each; the median of each):
- the NumPy model of the same population (numpy_model.py), its simulate()
  alone (numpy imported beforehand);
- the batched floor (floor.c): the engine's uniform, normal and exp draws
  per replication, made by the Philox streams with SLEEF (stream.h);
- that floor plus the exact rules alone (bench_rules: the award path applied
  to each replication's recorded population), the "realistic floor" the
  issue measured first (draws + rules); printed beside target 2, which
  reads the floor as the draws alone;
- the population alone, sampled and recorded with no rule applied
  (bench_rules' sim_sample): what the engine would take with rules of no
  cost, against the same floor.
The engine's time is sim_run alone (bench_sim --engine), all on one thread.

  /usr/bin/python3 bench/compare.py BENCH_SIM BENCH_FLOOR BENCH_RULES [REPS] [ROUNDS]
"""
import os
import statistics
import subprocess
import sys
import time

# one thread on both sides: NumPy's element-wise work is single-threaded,
# and no BLAS call may take more
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"
import numpy_model as model  # noqa: E402

TARGET = 5.0  # fundsim at least this many times faster than NumPy (issue 14)
FLOOR_TARGET = 1.5  # the engine at most this many times the floor


def main():
    bench_sim, bench_floor, bench_rules = sys.argv[1], sys.argv[2], sys.argv[3]
    reps = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    engine, numpy_, floor, rules, sample = [], [], [], [], []
    counts = ""
    for _ in range(rounds):
        out = subprocess.run([bench_sim, "--engine", str(reps)], check=True,
                             capture_output=True, text=True).stdout
        engine.append(float(out.split()[0]))
        t0 = time.perf_counter()
        model.simulate(reps, seed=len(numpy_) + 1)
        numpy_.append(time.perf_counter() - t0)
        out = subprocess.run([bench_floor, str(reps)], check=True, capture_output=True,
                             text=True).stdout.splitlines()
        counts = out[:2]
        floor.append(float(out[-1].split()[1]))
        out = subprocess.run([bench_rules, str(reps), "1"], check=True, capture_output=True,
                             text=True).stdout.splitlines()
        rules.append(float(out[-1].split()[1]))
        sample.append(float(out[-2].split()[1]))
    e, n, f, r, p = (statistics.median(x) for x in (engine, numpy_, floor, rules, sample))
    print(f"NumPy model: {reps} replications, 1 thread, {rounds} interleaved rounds: fundsim "
          f"{e:.2f} s, NumPy {n:.2f} s (medians; fundsim {' '.join(f'{x:.2f}' for x in engine)},"
          f" NumPy {' '.join(f'{x:.2f}' for x in numpy_)})")
    # each round's own ratio: how far this machine's noise moves it
    each = sorted(b / a for a, b in zip(engine, numpy_))
    print(f"fundsim / NumPy speed: {n / e:.2f}x faster (target >= {TARGET:g}x: "
          f"{'met' if n / e >= TARGET else 'not met'}; the rounds' own ratios "
          f"{each[0]:.2f}x to {each[-1]:.2f}x)")
    print("engine's draws " + "; ".join(counts))
    print(f"batched floor: the same draws for {reps} replications, Philox4x32-10 + SLEEF, "
          f"{f:.2f} s (median; {' '.join(f'{x:.2f}' for x in floor)})")
    print(f"engine / floor: {e / f:.2f}x (target <= {FLOOR_TARGET:g}x: "
          f"{'met' if e / f <= FLOOR_TARGET else 'not met'})")
    print(f"floor with the exact rules: the draws {f:.2f} s + the rules applied alone "
          f"{r:.2f} s (bench_rules, median; {' '.join(f'{x:.2f}' for x in rules)}) = "
          f"{f + r:.2f} s; engine / (draws + rules): {e / (f + r):.2f}x (the rest is the "
          f"population's own bookkeeping: {e - f - r:.2f} s)")
    print(f"the population alone, sampled and recorded with no rule applied (bench_rules, "
          f"median; {' '.join(f'{x:.2f}' for x in sample)}): {p:.2f} s = {p / f:.2f}x the "
          f"floor: rules of no cost would leave the engine at about that ratio")


if __name__ == "__main__":
    main()
