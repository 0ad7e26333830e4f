#!/bin/bash
# An example Slurm batch script for fundsim-mpi: 4 nodes, one rank per
# node, each rank using every core of its node through OpenMP. Outputs are
# byte-identical to a single-process run with the same seed.
#SBATCH --job-name=fundsim-sobol
#SBATCH --nodes=4
#SBATCH --ntasks-per-node=1
#SBATCH --cpus-per-task=32
#SBATCH --time=02:00:00
#SBATCH --output=fundsim-%j.log

export OMP_NUM_THREADS=$SLURM_CPUS_PER_TASK
srun bin/fundsim-mpi sobol --scenario scenarios/suzhou-sensitivity.ini \
	--n 1024 --reps 200 --threads "$SLURM_CPUS_PER_TASK" --out "out/sobol-$SLURM_JOB_ID"
