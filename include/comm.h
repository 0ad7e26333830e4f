/* comm.h - the processes one run is shared among (MPI ranks).
 *
 * A plain build is one process and these calls are trivial; fundsim-mpi
 * registers MPI's world at start-up. It is process-wide by nature, like
 * MPI_COMM_WORLD itself. Every rank computes its share of replications
 * and receives everyone's rows in replication order, so every rank holds
 * the same results; only rank 0 reads inputs and writes anything. */
#ifndef FUNDSIM_COMM_H
#define FUNDSIM_COMM_H

#include <stdbool.h>
#include <stddef.h>

struct comm {
	int rank, size;
	/* Each rank's counts[rank] doubles, concatenated in rank order, to
	 * every rank's all; mine NULL (on every rank): each rank's are in
	 * place already, at its offset in all. 0, or -1. */
	int (*allgather)(const double *mine, double *all, const size_t *counts);
	/* The lowest rank whose ok is false, or -1 when every rank is ok. */
	int (*first_failure)(bool ok);
	/* n bytes from rank 0 to every rank. 0, or -1. */
	int (*bcast)(void *buf, size_t n);
};

/* Where rank r's share of n items starts, the ranks taking contiguous
 * shares in rank order: rank r has [comm_share(c, n, r),
 * comm_share(c, n, r + 1)). */
static inline size_t comm_share(const struct comm *c, size_t n, int r)
{
	return n * (size_t)r / (size_t)c->size;
}

/* The world (never NULL): one process unless comm_set_world was called. */
const struct comm *comm_world(void);
/* Register the world; c must outlive every use (borrowed). */
void comm_set_world(const struct comm *c);
/* True on the one process that reads inputs and writes outputs. */
bool comm_is_root(void);

/* Start MPI and register its world (fundsim-mpi only; a plain build
 * returns 0 and does nothing). comm_finish ends it. */
int comm_start(int *argc, char ***argv);
void comm_finish(void);

#endif
