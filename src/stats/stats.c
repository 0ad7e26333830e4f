/* stats.c - means, standard errors and exact percentiles with GSL. */
#include "stats.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

const double stats_pct[N_PCT] = {
	[P5] = 0.05,  [P25] = 0.25, [P50] = 0.50, [P75] = 0.75,
	[P80] = 0.80, [P90] = 0.90, [P95] = 0.95,
};
const char *const stats_pct_name[N_PCT] = {
	[P5] = "p5",   [P25] = "p25", [P50] = "p50", [P75] = "p75",
	[P80] = "p80", [P90] = "p90", [P95] = "p95",
};
const enum pct stats_shown[N_SHOWN] = {P5, P25, P50, P75, P95};

static void swap(double *a, size_t i, size_t j)
{
	double t = a[i];
	a[i] = a[j];
	a[j] = t;
}

double stats_select(double *a, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1; /* a[k] is found within [lo, hi] */
	while (hi > lo) {
		/* median of three as pivot, moved to lo: sorted or equal runs stay O(n) */
		size_t mid = lo + (hi - lo) / 2;
		if (a[mid] < a[lo])
			swap(a, mid, lo);
		if (a[hi] < a[lo])
			swap(a, hi, lo);
		if (a[hi] < a[mid])
			swap(a, hi, mid);
		swap(a, lo, mid);
		double pivot = a[lo];
		/* Hoare: stops on equal values from both sides, so ties split evenly */
		size_t i = lo, j = hi + 1;
		for (;;) {
			do
				i++;
			while (i < hi && a[i] < pivot);
			do
				j--;
			while (a[j] > pivot);
			if (i >= j)
				break;
			swap(a, i, j);
		}
		swap(a, lo, j); /* the pivot to its place: <= before j, >= after */
		if (j == k)
			return a[k];
		if (k < j)
			hi = j - 1;
		else
			lo = j + 1;
	}
	return a[k];
}

/* The percentiles of a[0..n) (n >= 1), rearranging a: each is
 * gsl_stats_quantile_from_sorted_data's interpolation between two order
 * statistics. The ranks asked for never fall, so each selection searches
 * only a[from..n), what lies above the last rank selected; a rank already
 * selected is still in its place. */
/* Whether a[0..n) all hold a[0]'s bits: most of a row's cells are 0 in
 * every replication, and selecting in a run of ties costs as much as in
 * any column (Hoare's partition swaps each tie). */
static bool one_value(const double *a, size_t n)
{
	uint64_t first, v;
	memcpy(&first, a, sizeof first);
	for (size_t i = 1; i < n; i++) {
		memcpy(&v, a + i, sizeof v);
		if (v != first)
			return false;
	}
	return true;
}

static void percentiles(double *a, size_t n, double *pct, bool one)
{
	size_t from = 0; /* one: every order statistic is a[0], none to select */
	for (int k = 0; k < N_PCT; k++) {
		/* as GSL computes them, for the same rounding */
		const double index = stats_pct[k] * (double)(n - 1);
		const size_t lhs = (size_t)(int)index;
		const double delta = index - (double)lhs;
		for (size_t r = lhs; !one && r <= lhs + 1 && r < n; r++) {
			if (r < from)
				continue;
			if (r == from) { /* the least of what is left: one pass finds it */
				size_t m = from;
				for (size_t i = from + 1; i < n; i++)
					m = a[i] < a[m] ? i : m;
				swap(a, from, m);
			} else {
				stats_select(a + from, n - from, r - from);
			}
			from = r + 1;
		}
		pct[k] = lhs == n - 1 ? a[lhs] : (1 - delta) * a[lhs] + delta * a[lhs + 1];
	}
}

void stats_of(const double *x, size_t stride, size_t n, double *scratch, struct stats *out)
{
	for (size_t i = 0; i < n; i++)
		scratch[i] = x[i * stride];
	bool one = one_value(scratch, n);
	if (one && isfinite(scratch[0])) {
		/* what GSL's running mean and variance come to for copies of
		 * a finite c, to the bit: 0 + c (+0 for -0), and 0 */
		out->mean = 0.0 + scratch[0];
		out->sd = 0;
	} else {
		out->mean = gsl_stats_mean(scratch, 1, n);
		out->sd = n > 1 ? gsl_stats_sd_m(scratch, 1, n, out->mean) : 0;
	}
	out->se = out->sd / sqrt((double)n);
	percentiles(scratch, n, out->pct, one);
}

void stats_mean_sd(const double *x, size_t stride, size_t n, double *mean, double *sd)
{
	*mean = gsl_stats_mean(x, stride, n);
	*sd = n > 1 ? gsl_stats_sd_m(x, stride, n, *mean) : 0;
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
