/* comm_mpi.c - the world of fundsim-mpi: Open MPI's COMM_WORLD. Only
 * built with make MPI=1. */
#ifdef FUNDSIM_MPI
#include <limits.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#include "comm.h"

static int mpi_allgather(const double *mine, double *all, const size_t *counts)
{
	const struct comm *w = comm_world();
	int *cnt = malloc((size_t)w->size * sizeof *cnt),
	    *off = malloc((size_t)w->size * sizeof *off);
	int rc = -1;
	if (cnt && off) {
		int at = 0;
		for (int r = 0; r < w->size; r++) {
			cnt[r] = (int)counts[r]; /* a block is at most 256 x size rows: fits */
			off[r] = at;
			at += cnt[r];
		}
		rc = MPI_Allgatherv(mine ? mine : MPI_IN_PLACE, cnt[w->rank], MPI_DOUBLE, all, cnt,
				    off, MPI_DOUBLE, MPI_COMM_WORLD) == MPI_SUCCESS
			     ? 0
			     : -1;
	}
	free(cnt);
	free(off);
	return rc;
}

static int mpi_first_failure(bool ok)
{
	int mine = ok ? INT_MAX : comm_world()->rank, first;
	if (MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD) != MPI_SUCCESS)
		return comm_world()->rank;
	return first == INT_MAX ? -1 : first;
}

static int mpi_bcast(void *buf, size_t n)
{
	char *p = buf;
	while (n > 0) { /* MPI counts are int */
		int k = n > (size_t)INT_MAX ? INT_MAX : (int)n;
		if (MPI_Bcast(p, k, MPI_BYTE, 0, MPI_COMM_WORLD) != MPI_SUCCESS)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static struct comm mpi_world = {0, 1, mpi_allgather, mpi_first_failure, mpi_bcast};

int comm_start(int *argc, char ***argv)
{
	if (MPI_Init(argc, argv) != MPI_SUCCESS)
		return -1;
	MPI_Comm_rank(MPI_COMM_WORLD, &mpi_world.rank);
	MPI_Comm_size(MPI_COMM_WORLD, &mpi_world.size);
	comm_set_world(&mpi_world);
	/* rank 0 speaks for all: the others' messages would repeat it */
	if (mpi_world.rank != 0) {
		if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr))
			return -1;
	}
	return 0;
}

void comm_finish(void)
{
	MPI_Finalize();
}
#endif
