/* sim_cols.h - a rule variant's rows kept as the columns where they
 * differ from its reference run's (sim_run_many with sim_config.sparse);
 * sim_column in sim.h reads them. Internal to sim_run.c. */
#ifndef FUNDSIM_SIM_COLS_H
#define FUNDSIM_SIM_COLS_H

#include <stdbool.h>
#include <stddef.h>

#include "sim.h"

/* Room for reps replications of width-cell rows, found by up to threads
 * threads in steps of at most step replications; ref keeps every row
 * (results_exact) and outlives the store. NULL when out of memory. */
struct sim_cols *sim_cols_new(const struct sim_output *ref, size_t width, long reps, int threads,
			      long step);
void sim_cols_free(struct sim_cols *c);

/* Thread thread's replication i of the step (0 <= i < step): the cells
 * of row that differ from ref, the reference's row of the same
 * replication, bit for bit. false when out of memory or row is a failed
 * replication's (NaN). */
bool sim_cols_diff(struct sim_cols *c, int thread, long i, const double *row, const double *ref);

/* Under MPI each rank finds the cells of its own replications of a step:
 * sim_cols_pack writes those of the first n as doubles (for each
 * replication its count, then column and value pairs) into *out
 * (malloc'd, *len doubles); sim_cols_unpack takes all ranks' packs
 * concatenated in replication order for the step's n replications, in
 * place of what this rank found. 0, or -1 when out of memory (or, for
 * unpack, data that does not parse). */
int sim_cols_pack(const struct sim_cols *c, long n, double **out, size_t *len);
int sim_cols_unpack(struct sim_cols *c, const double *in, size_t len, long n);

/* Add the step's first n replications, in order, once the reference holds
 * their rows. 0, or -1 when out of memory. */
int sim_cols_add(struct sim_cols *c, long n);

#endif
