"""compare.py - make bench: fundsim on one thread against the NumPy model of
the same population (numpy_model.py), as a ratio of their times from one
interleaved run: engine, model, engine, model, ... ROUNDS times each, the
median of each side. The engine's time is sim_run alone (bench_sim --engine);
the model's is its simulate() alone (numpy imported beforehand), each in its
own process.

  /usr/bin/python3 bench/compare.py BENCH_SIM [REPS] [ROUNDS]
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

TARGET = 5.0


def main():
    bench_sim = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    engine, numpy_ = [], []
    for _ in range(rounds):
        out = subprocess.run([bench_sim, "--engine", str(reps)], check=True,
                             capture_output=True, text=True).stdout
        engine.append(float(out.split()[0]))
        t0 = time.perf_counter()
        model.simulate(reps, seed=len(numpy_) + 1)
        numpy_.append(time.perf_counter() - t0)
    e, n = statistics.median(engine), statistics.median(numpy_)
    print(f"NumPy model: {reps} replications, 1 thread, {rounds} interleaved rounds: fundsim "
          f"{e:.2f} s, NumPy {n:.2f} s (medians; fundsim {' '.join(f'{x:.2f}' for x in engine)},"
          f" NumPy {' '.join(f'{x:.2f}' for x in numpy_)})")
    print(f"fundsim / NumPy speed: {n / e:.2f}x faster (target >= {TARGET:g}x: "
          f"{'met' if n / e >= TARGET else 'not met'})")


if __name__ == "__main__":
    main()
