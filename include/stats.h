/* stats.h - summary statistics of Monte Carlo results, with GSL.
 * Pure: arrays in, numbers out. */
#ifndef FUNDSIM_STATS_H
#define FUNDSIM_STATS_H

#include <stddef.h>

/* The percentiles every statistic holds, named by their level. The CSV
 * files show stats_shown; P80 and P90 are the planning figures (what a
 * budget covers four or nine years in ten), computed with the rest. */
enum pct { P5, P25, P50, P75, P80, P90, P95, N_PCT };
extern const double stats_pct[N_PCT];           /* 0.05, 0.25, ... 0.95 */
extern const char *const stats_pct_name[N_PCT]; /* "p5", "p25", ... "p95" */
#define N_SHOWN 5
extern const enum pct stats_shown[N_SHOWN]; /* P5 P25 P50 P75 P95: the CSV columns */

/* One column's statistics over the replications. */
struct stats {
	double mean, sd, se;
	double pct[N_PCT];
};

/* Statistics of x[0], x[stride], ... (n >= 1 values). scratch holds n
 * doubles, the caller's, and is left in no particular order.
 * Percentiles are exactly gsl_stats_quantile_from_sorted_data's of the
 * sorted values, found by selection (stats_select), not a full sort. */
void stats_of(const double *x, size_t stride, size_t n, double *scratch, struct stats *out);

/* Mean and sd of x[0], x[stride], ... (n >= 1 values): GSL's, the sd 0
 * for one value. */
void stats_mean_sd(const double *x, size_t stride, size_t n, double *mean, double *sd);

/* The k-th smallest of a[0..n) (k < n, counting from 0). Rearranges a so
 * that a[i] <= a[k] before k and a[i] >= a[k] after it (quickselect). */
double stats_select(double *a, size_t n, size_t k);

/* Yuan sums of fen carry float noise: "above" means by more than this. */
#define HALF_FEN 0.005

/* Share of values above limit, and the mean excess above it. */
void stats_exceed(const double *x, size_t stride, size_t n, double limit, double *prob,
		  double *mean_excess);

#endif
