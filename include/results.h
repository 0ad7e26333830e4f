/* results.h - statistics of replications without keeping them all.
 *
 * Up to a memory budget every replication's row is kept, and statistics
 * are exact (percentiles by selection, stats.h). Past it, each column feeds GSL's
 * running statistics: mean and sd stay exact; percentiles stay exact for
 * a column of at most 128 distinct values (counted: a line of a few lump
 * sums), and else come from the P-square algorithm (gsl_rstat_quantile),
 * whose error is documented in README. Rows are added in replication
 * order, so both give the same numbers for any thread count. */
#ifndef FUNDSIM_RESULTS_H
#define FUNDSIM_RESULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "stats.h"

struct results;

/* width doubles a row; rows are kept while count x width x 8 <= budget
 * bytes. NULL when out of memory. */
struct results *results_new(size_t width, size_t budget);
/* How many rows of width doubles the store keeps within budget bytes. */
size_t results_most(size_t width, size_t budget);
/* The budget r was made with, and how many of its rows it keeps within
 * it (before its statistics stream). */
size_t results_budget(const struct results *r);
size_t results_kept_most(const struct results *r);
void results_free(struct results *r);

/* Threads for work over the columns (streaming statistics, summaries);
 * 0 (the default): OpenMP's. results_threads_of gives the count in use. */
void results_threads(struct results *r, int threads);
int results_threads_of(const struct results *r);

/* Keep column col also as a contiguous copy while exact, so that
 * results_mean_sd of it after every block (the convergence trace) reads
 * 8 bytes a row instead of striding through every row; the same bits.
 * Before any row is added; 0, or -1 when out of memory or called twice. */
int results_watch(struct results *r, size_t col);

/* Room for n rows at once (at most the budget's), so that adding them
 * copies each row once: no regrowth. 0, or -1 when out of memory. */
int results_reserve(struct results *r, size_t n);

/* Where the next n rows will be kept, for the caller to write them in
 * place (in parallel, say) before adding them with results_add, which
 * then copies nothing. NULL when they will not be kept (streaming, past
 * the budget, or out of memory): write them elsewhere. Valid until the
 * next call that adds or reserves. */
double *results_next(struct results *r, size_t n);

/* Add n rows (n x width doubles) in replication order. 0, or -1 when out
 * of memory. */
int results_add(struct results *r, const double *rows, size_t n);

size_t results_count(const struct results *r);
/* True while every row is kept (exact percentiles). */
bool results_exact(const struct results *r);
/* How many of the width columns have P-square estimates for percentiles
 * (0 while exact; once streaming, those of more than 128 distinct
 * values). */
size_t results_estimated(const struct results *r);
size_t results_width(const struct results *r);
/* The kept rows (count x width), or NULL once streaming. Borrowed. */
const double *results_rows(const struct results *r);

/* Statistics of column col. scratch: results_count(r) doubles (at least
 * one), the caller's, used while exact. summary.h computes every column
 * once after a run: outputs read that, not this. */
void results_stat(const struct results *r, size_t col, double *scratch, struct stats *out);
/* Mean and sd only (cheap; exact in both modes). */
void results_mean_sd(const struct results *r, size_t col, double *mean, double *sd);

/* Ask, before adding rows, for the share of rows whose column col
 * exceeds limit and the mean excess; answered by results_exceed. */
int results_track(struct results *r, size_t col, double limit);
void results_exceed(const struct results *r, size_t col, double limit, double *prob,
		    double *mean_excess);

#endif
