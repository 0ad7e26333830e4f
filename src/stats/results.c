/* results.c - exact statistics while rows fit, running ones after. */
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE */
#include "results.h"

#include <gsl/gsl_rstat.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define MAX_TRACK 64

/* Once streaming, a column keeps its distinct values and their counts
 * while it has at most FEW of them: its percentiles are then the order
 * statistics counted, exact, where P-square's estimates of a line of a
 * few lump sums can be far off (README). Most of a row's cells are such
 * lines' (or 0 throughout). P-square runs on every column all the same,
 * so that a column that outgrows the table has its estimates from the
 * first row. */
#define FEW 128

struct column {
	gsl_rstat_workspace *moments;
	gsl_rstat_quantile_workspace *q[N_PCT];
	double *val;     /* nval distinct values, ascending; NULL: more (or a NaN) */
	uint32_t *count; /* how many rows hold each */
	int nval;
};

struct tracked {
	size_t col;
	double limit, excess;
	size_t over;
};

struct results {
	size_t width, budget, n;
	double *rows; /* while exact */
	size_t cap;
	int threads; /* for the columns in parallel; 0: OpenMP's default */
	/* the watched column, contiguous, while exact (results_watch) */
	double *watch;
	size_t watch_col;
	struct column *cols; /* once streaming */
	struct tracked track[MAX_TRACK];
	int ntrack;
};

struct results *results_new(size_t width, size_t budget)
{
	struct results *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->width = width;
	r->budget = budget;
	return r;
}

static void free_cols(struct results *r)
{
	for (size_t c = 0; r->cols && c < r->width; c++) {
		free(r->cols[c].val);
		free(r->cols[c].count);
		if (r->cols[c].moments)
			gsl_rstat_free(r->cols[c].moments);
		for (int k = 0; k < N_PCT; k++)
			if (r->cols[c].q[k])
				gsl_rstat_quantile_free(r->cols[c].q[k]);
	}
	free(r->cols);
	r->cols = NULL;
}

void results_free(struct results *r)
{
	if (!r)
		return;
	free(r->rows);
	free(r->watch);
	free_cols(r);
	free(r);
}

int results_track(struct results *r, size_t col, double limit)
{
	if (r->ntrack == MAX_TRACK)
		return -1;
	r->track[r->ntrack++] = (struct tracked){.col = col, .limit = limit};
	return 0;
}

void results_threads(struct results *r, int threads)
{
	r->threads = threads;
}

int results_threads_of(const struct results *r)
{
	return r->threads > 0 ? r->threads : omp_get_max_threads();
}

int results_watch(struct results *r, size_t col)
{
	if (r->n || r->watch)
		return -1; /* before any row, once */
	r->watch_col = col;
	r->watch = malloc(1); /* grown with the rows */
	return r->watch ? 0 : -1;
}

/* Count x in col's table of distinct values; past FEW of them, or on a
 * NaN (which has no rank), the table is dropped for good. */
static void few_add(struct column *col, double x)
{
	int lo = 0, hi = col->nval; /* the first value >= x is in [lo, hi] */
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (col->val[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < col->nval && col->val[lo] == x) {
		col->count[lo]++;
		return;
	}
	if (col->nval == FEW || x != x) {
		free(col->val);
		free(col->count);
		col->val = NULL;
		col->count = NULL;
		return;
	}
	size_t after = (size_t)(col->nval - lo);
	memmove(col->val + lo + 1, col->val + lo, after * sizeof *col->val);
	memmove(col->count + lo + 1, col->count + lo, after * sizeof *col->count);
	col->val[lo] = x;
	col->count[lo] = 1;
	col->nval++;
}

/* The r-th smallest value (from 0) of a column counted in its table. */
static double few_order(const struct column *col, size_t r)
{
	size_t below = 0;
	for (int i = 0; i < col->nval; i++) {
		below += col->count[i];
		if (r < below)
			return col->val[i];
	}
	return col->val[col->nval - 1];
}

/* Feed rows to the running statistics, column by column in parallel:
 * each column sees its values in replication order. */
static void stream_rows(struct results *r, const double *rows, size_t n)
{
	long width = (long)r->width;
#pragma omp parallel for schedule(static) num_threads(results_threads_of(r))
	for (long c = 0; c < width; c++) {
		struct column *col = &r->cols[c];
		for (size_t i = 0; i < n; i++) {
			double x = rows[i * r->width + (size_t)c];
			gsl_rstat_add(x, col->moments);
			for (int k = 0; k < N_PCT; k++)
				gsl_rstat_quantile_add(x, col->q[k]);
			if (col->val)
				few_add(col, x);
		}
	}
}

static int start_streaming(struct results *r)
{
	r->cols = calloc(r->width, sizeof *r->cols);
	if (!r->cols)
		return -1;
	for (size_t c = 0; c < r->width; c++) {
		if (!(r->cols[c].moments = gsl_rstat_alloc()))
			return -1;
		for (int k = 0; k < N_PCT; k++)
			if (!(r->cols[c].q[k] = gsl_rstat_quantile_alloc(stats_pct[k])))
				return -1;
		r->cols[c].val = malloc(FEW * sizeof *r->cols[c].val);
		r->cols[c].count = malloc(FEW * sizeof *r->cols[c].count);
		if (!r->cols[c].val || !r->cols[c].count)
			return -1;
	}
	stream_rows(r, r->rows, r->n);
	free(r->rows);
	r->rows = NULL;
	free(r->watch); /* the running statistics answer from now on */
	r->watch = NULL;
	return 0;
}

/* Ask for 2 MB pages on the rows (where the kernel gives them on
 * request): a run's rows are tens of MB written once each, and faulting
 * them in 4 KB at a time took 7% of a run. Only a hint: no result
 * depends on it. */
static void huge_pages(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1), end = (uintptr_t)p + bytes;
	if (end > a + huge)
		(void)madvise((void *)a, (end - a) & ~(huge - 1), MADV_HUGEPAGE);
#else
	(void)p;
	(void)bytes;
#endif
}

/* Room for bytes of rows, keeping the first kept bytes of old (freed);
 * NULL when out of memory (old kept). Past 2 MB, on 2 MB bounds and in
 * whole 2 MB: realloc's block starts mid-page, so of a study variant's
 * rows (a few MB) only the middle could have 2 MB pages, and faulting the
 * rest 4 KB at a time took a tenth of a compare. */
static double *rows_alloc(double *old, size_t kept, size_t bytes)
{
	const size_t huge = (size_t)2 << 20;
	if (bytes <= huge)
		return realloc(old, bytes);
	void *p;
	size_t whole = (bytes + huge - 1) & ~(huge - 1);
	if (whole < bytes || posix_memalign(&p, huge, whole) != 0)
		return NULL;
	if (old)
		memcpy(p, old, kept);
	free(old);
	huge_pages(p, whole);
	return p;
}

size_t results_most(size_t width, size_t budget)
{
	return budget / (width * sizeof(double));
}

size_t results_budget(const struct results *r)
{
	return r->budget;
}

size_t results_kept_most(const struct results *r)
{
	return results_most(r->width, r->budget);
}

int results_reserve(struct results *r, size_t n)
{
	size_t most = results_kept_most(r);
	n = n < most ? n : most;
	if (r->cols || n <= r->cap)
		return 0;
	double *nr = rows_alloc(r->rows, r->n * r->width * sizeof *nr, n * r->width * sizeof *nr);
	if (!nr)
		return -1;
	r->rows = nr;
	double *nw = r->watch ? realloc(r->watch, n * sizeof *nw) : NULL;
	if (r->watch && !nw)
		return -1;
	r->watch = nw;
	r->cap = n;
	return 0;
}

double *results_next(struct results *r, size_t n)
{
	if (r->cols || (r->n + n) * r->width * sizeof(double) > r->budget)
		return NULL;
	if (r->n + n > r->cap && results_reserve(r, r->n + n) != 0)
		return NULL;
	return r->rows + r->n * r->width;
}

int results_add(struct results *r, const double *rows, size_t n)
{
	for (int t = 0; t < r->ntrack; t++) {
		struct tracked *k = &r->track[t];
		for (size_t i = 0; i < n; i++) {
			double x = rows[i * r->width + k->col];
			if (x - k->limit > HALF_FEN) {
				k->over++;
				k->excess += x - k->limit;
			}
		}
	}
	if (!r->cols && (r->n + n) * r->width * sizeof(double) > r->budget &&
	    start_streaming(r) != 0)
		return -1;
	if (r->cols) {
		stream_rows(r, rows, n);
		r->n += n;
		return 0;
	}
	if (r->n + n > r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 1024;
		while (nc < r->n + n)
			nc *= 2;
		if (results_reserve(r, nc) != 0)
			return -1;
	}
	if (rows != r->rows + r->n * r->width) /* else written in place (results_next) */
		memcpy(r->rows + r->n * r->width, rows, n * r->width * sizeof *rows);
	for (size_t i = 0; r->watch && i < n; i++)
		r->watch[r->n + i] = rows[i * r->width + r->watch_col];
	r->n += n;
	return 0;
}

size_t results_count(const struct results *r)
{
	return r->n;
}

bool results_exact(const struct results *r)
{
	return !r->cols;
}

size_t results_estimated(const struct results *r)
{
	size_t n = 0;
	for (size_t c = 0; r->cols && c < r->width; c++)
		n += !r->cols[c].val;
	return n;
}

size_t results_width(const struct results *r)
{
	return r->width;
}

const double *results_rows(const struct results *r)
{
	return r->rows;
}

void results_stat(const struct results *r, size_t col, double *scratch, struct stats *out)
{
	if (r->cols) {
		const struct column *c = &r->cols[col];
		out->mean = gsl_rstat_mean(c->moments);
		out->sd = gsl_rstat_sd(c->moments);
		out->se = out->sd / sqrt((double)r->n);
		for (int k = 0; k < N_PCT; k++) {
			if (!c->val) {
				out->pct[k] = gsl_rstat_quantile_get(c->q[k]);
				continue;
			}
			/* as stats_of interpolates, for the same bits */
			const double index = stats_pct[k] * (double)(r->n - 1);
			const size_t lhs = (size_t)(int)index;
			const double delta = index - (double)lhs, a = few_order(c, lhs);
			out->pct[k] = lhs == r->n - 1
					      ? a
					      : (1 - delta) * a + delta * few_order(c, lhs + 1);
		}
		return;
	}
	stats_of(r->rows + col, r->width, r->n, scratch, out);
}

void results_mean_sd(const struct results *r, size_t col, double *mean, double *sd)
{
	if (r->cols) {
		*mean = gsl_rstat_mean(r->cols[col].moments);
		*sd = gsl_rstat_sd(r->cols[col].moments);
		return;
	}
	/* the watched column from its contiguous copy: the same values in the
	 * same order, so the same bits, without a stride through every row */
	const double *x = r->watch && col == r->watch_col ? r->watch : r->rows + col;
	size_t stride = x == r->watch ? 1 : r->width;
	stats_mean_sd(x, stride, r->n, mean, sd);
}

void results_exceed(const struct results *r, size_t col, double limit, double *prob,
		    double *mean_excess)
{
	for (int t = 0; t < r->ntrack; t++) {
		const struct tracked *k = &r->track[t];
		if (k->col == col && k->limit == limit) {
			*prob = (double)k->over / (double)r->n;
			*mean_excess = k->excess / (double)r->n;
			return;
		}
	}
	if (r->rows) {
		stats_exceed(r->rows + col, r->width, r->n, limit, prob, mean_excess);
		return;
	}
	*prob = *mean_excess = NAN; /* not tracked: cannot be known once streaming */
}
