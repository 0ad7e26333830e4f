#!/bin/sh
# make MPI=1 check-mpi: fundsim-mpi under mpirun -np 1, 2 and 3 writes
# byte-identical files to the plain binary with the same seed.
# make MPI=1 bench-mpi: scaling from 1 to 2 ranks, of a run and of two sweeps.
# Usage: tests/mpi.sh PLAIN MPI [bench]
set -u
plain=$1
mpi=$2
# CI runs as root; Open MPI refuses that unless told
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "${3:-}" = bench ]; then
	cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
	echo "machine: $(nproc) cores (${cpu:-unknown CPU}), $(uname -m), $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1 /proc/loadavg)"
	# what, then the command's arguments: 1 and 2 ranks of 1 thread, wall
	# time and the CPU time of all ranks (mpirun's children): on a loaded
	# machine the wall time says how many cores were free, the CPU time
	# what splitting the work over the ranks added to it
	# mpirun's own start-up and MPI's (fundsim-mpi --version: MPI_Init and
	# MPI_Finalize, no work), the median of 3 for 1 and 2 ranks: a short
	# study's wall time is mostly this
	for np in 1 2; do
		for i in 1 2 3; do
			/usr/bin/time -f "%e" -a -o "$tmp/start$np" mpirun -np $np "$mpi" --version > /dev/null 2>&1 || exit 1
		done
		sort -n "$tmp/start$np" | sed -n 2p > "$tmp/s$np"
	done
	read -r start1 < "$tmp/s1"
	read -r start2 < "$tmp/s2"
	echo "mpirun's start-up (fundsim-mpi --version, median of 3): 1 rank $start1 s, 2 ranks $start2 s"
	ranks() {
		what=$1
		shift
		for np in 1 2; do
			/usr/bin/time -f "%e %U %S" -o "$tmp/t$np" mpirun -np $np "$mpi" "$@" --threads 1 --quiet --no-charts --out "$tmp/b$np" > /dev/null 2>&1 || exit 1
			rm -rf "$tmp/b$np"
		done
		read -r e1 u1 s1 < "$tmp/t1"
		read -r e2 u2 s2 < "$tmp/t2"
		awk -v what="$what" -v e1="$e1" -v e2="$e2" -v u1="$u1" -v s1="$s1" -v u2="$u2" -v s2="$s2" -v st1="$start1" -v st2="$start2" 'BEGIN {
			c1 = u1 + s1; c2 = u2 + s2; w1 = e1 - st1; w2 = e2 - st2; r = 0
			if (w2 > 0) r = w1 / w2
			printf "%s, 1 thread a rank: 1 rank %.2f s, 2 ranks %.2f s: speed-up %.2fx (efficiency %.0f%%); after the start-up %.2f s and %.2f s: %.2fx; CPU time of all ranks %.2f s and %.2f s (%.2fx)\n",
				what, e1, e2, e1 / e2, 50 * e1 / e2, w1, w2, r, c1, c2, c2 / c1 }'
	}
	ranks "run, 4000 replications" run --reps 4000
	# studies: a sweep of a model key (each point re-simulated, its
	# replications split over the ranks) and of a rule key (one population)
	ranks "sweep firms.count, 5 runs of 1000 replications" sweep firms.count=1000:2500:500 --reps 1000
	ranks "sweep m3c.amount, 6 runs of 1000 replications" sweep m3c.amount=50万:150万:25万 --reps 1000
	exit 0
fi

pass=0
fail=0
check() { # name, then the command's arguments (without --out)
	name=$1
	shift
	"$plain" "$@" --quiet --out "$tmp/$name-plain" >/dev/null 2>"$tmp/err" || {
		echo "FAIL $name: the plain binary failed"; cat "$tmp/err"; fail=$((fail + 1)); return; }
	for np in 1 2 3; do
		out=$tmp/$name-np$np
		if ! mpirun -np $np "$mpi" "$@" --quiet --out "$out" >/dev/null 2>"$tmp/err"; then
			echo "FAIL $name -np $np: exit non-zero"; head -5 "$tmp/err"; fail=$((fail + 1)); continue
		fi
		same=1
		for f in "$tmp/$name-plain"/*; do
			b=$(basename "$f")
			# wall time and command differ; the workbook holds the manifest and
			# its own creation time, the report the command with its --out (their
			# figures are the CSV files', compared here)
			case $b in manifest.txt | results.xlsx | report.html) continue ;; esac
			if ! cmp -s "$f" "$out/$b"; then echo "FAIL $name -np $np: $b differs"; same=0; fi
		done
		if [ $same = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
	done
}

check run run --reps 700 --ledger
check precision run --reps 100000 --precision 3%
# past the rows kept for exact percentiles (7,368 of the default's in 128 MiB):
# the last steps are gathered in a block and streamed, the first in place
check streaming run --reps 7700 --exact-mb 128 --no-charts
check firms run --reps 300 --firms tests/data/panel-example.csv
check known run --reps 300 --firms tests/data/panel-example.csv --entities tests/data/entities-known.csv --ledger
check sweep sweep m1a.cap=50万:150万:50万 --reps 100
check tornado tornado --keys growth.mean,firms.count --reps 100
check sobol sobol --scenario scenarios/suzhou-sensitivity.ini --n 8 --reps 10 --bootstrap 50
# rule keys only: every variant on the base's populations (sim_run_many), its
# replications split over the ranks as a run's
check tornado-rules tornado --keys m3c.amount,m1a.cap --range m6a.cap=500万:1500万 --reps 100
check sobol-rules sobol --set sensitivity.m1a.cap=50万:150万 --set sensitivity.m3c.amount=30万:80万 --n 8 --reps 20 --bootstrap 50
# the summary's columns are split over the ranks (summary.c): every command
# that makes one
check report report --reps 100
check calibrate calibrate --reps 100
check compare compare builtin scenarios/suzhou-conservative.ini scenarios/suzhou-district-1to1.ini --reps 100

# an error on input is reported once and every rank exits non-zero
if mpirun -np 2 "$mpi" run --reps 10 --set m1a.cap=oops >/dev/null 2>"$tmp/err"; then
	echo "FAIL bad input: exit 0"; fail=$((fail + 1))
elif [ "$(grep -c 'm1a' "$tmp/err")" != 1 ]; then
	echo "FAIL bad input: message not exactly once"; cat "$tmp/err"; fail=$((fail + 1))
else
	pass=$((pass + 1))
fi
echo "mpi: $pass passed, $fail failed"
[ $fail = 0 ]
