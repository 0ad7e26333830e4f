/* stats.h - summary statistics of Monte Carlo results, with GSL.
 * Pure: arrays in, numbers out. */
#ifndef FUNDSIM_STATS_H
#define FUNDSIM_STATS_H

#include <stddef.h>

#define N_PCT 5
extern const double stats_pct[N_PCT]; /* 0.05, 0.25, 0.50, 0.75, 0.95 */

struct summary {
	double mean, sd, se;
	double pct[N_PCT];
};

/* Statistics of x[0], x[stride], ... (n values). scratch holds n doubles
 * (sorted in place for exact quantiles). n >= 1. */
void stats_of(const double *x, size_t stride, size_t n, double *scratch, struct summary *out);

/* Yuan sums of fen carry float noise: "above" means by more than this. */
#define HALF_FEN 0.005

/* Share of values above limit, and the mean excess above it. */
void stats_exceed(const double *x, size_t stride, size_t n, double limit, double *prob,
		  double *mean_excess);

#endif
