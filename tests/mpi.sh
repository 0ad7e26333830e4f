#!/bin/sh
# make MPI=1 check-mpi: fundsim-mpi under mpirun -np 1, 2 and 3 writes
# byte-identical files to the plain binary with the same seed.
# make MPI=1 bench-mpi: scaling from 1 to 2 ranks.
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
	for np in 1 2; do
		start=$(date +%s.%N)
		mpirun -np $np "$mpi" run --reps 4000 --threads 1 --quiet --no-charts --out "$tmp/b$np" || exit 1
		end=$(date +%s.%N)
		eval "t$np=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')"
		echo "$np rank(s) x 1 thread, 4000 replications: $(eval echo \$t$np) s"
	done
	awk -v a="$t1" -v b="$t2" 'BEGIN {printf "speed-up 2 ranks vs 1: %.2fx, scaling efficiency %.0f%%\n", a / b, 50 * a / b}'
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
			# its own creation time (its figures are the CSV files', compared here)
			case $b in manifest.txt | results.xlsx) continue ;; esac
			if ! cmp -s "$f" "$out/$b"; then echo "FAIL $name -np $np: $b differs"; same=0; fi
		done
		if [ $same = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
	done
}

check run run --reps 700 --ledger
check precision run --reps 100000 --precision 3%
check firms run --reps 300 --firms tests/data/panel-example.csv
check known run --reps 300 --firms tests/data/panel-example.csv --entities tests/data/entities-known.csv --ledger
check sweep sweep m1a.cap=50万:150万:50万 --reps 100
check tornado tornado --keys growth.mean,firms.count --reps 100
check sobol sobol --scenario scenarios/suzhou-sensitivity.ini --n 8 --reps 10 --bootstrap 50

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
