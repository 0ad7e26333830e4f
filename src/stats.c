/* stats.c - means, standard errors and exact percentiles with GSL. */
#include "stats.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>

const double stats_pct[N_PCT] = {0.05, 0.25, 0.50, 0.75, 0.95};

void stats_of(const double *x, size_t stride, size_t n, double *scratch, struct summary *out)
{
	for (size_t i = 0; i < n; i++)
		scratch[i] = x[i * stride];
	out->mean = gsl_stats_mean(scratch, 1, n);
	out->sd = n > 1 ? gsl_stats_sd_m(scratch, 1, n, out->mean) : 0;
	out->se = out->sd / sqrt((double)n);
	gsl_sort(scratch, 1, n);
	for (int k = 0; k < N_PCT; k++)
		out->pct[k] = gsl_stats_quantile_from_sorted_data(scratch, 1, n, stats_pct[k]);
}

void stats_exceed(const double *x, size_t stride, size_t n, double limit, double *prob,
		  double *mean_excess)
{
	size_t over = 0;
	double excess = 0;
	for (size_t i = 0; i < n; i++) {
		double v = x[i * stride];
		if (v - limit > HALF_FEN) {
			over++;
			excess += v - limit;
		}
	}
	*prob = (double)over / (double)n;
	*mean_excess = excess / (double)n;
}
