/* sim_cols.c - a rule variant's rows as the columns where they differ
 * from its reference run's (sim_config.sparse). A variant that moves a
 * few lines changes a few cells of each row; whole rows for every variant
 * of a study were most of its memory, and on this kind of machine the
 * kernel's zeroing of fresh pages for them most of a variant's cost. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "room.h"
#include "sim_cols.h"

/* The differing cells a thread found in a step: column and value of
 * each, in order. */
struct diffs {
	uint32_t *col;
	double *val;
	size_t n, ccap, vcap; /* cells, and room in col and val (room.h) */
};

/* Where a replication of the step has its differing cells. */
struct span {
	int thread;
	size_t off, n;
};

struct sim_cols {
	const struct sim_output *ref;
	size_t width;
	long cap;    /* replications there is room for */
	long count;  /* replications added */
	size_t n;    /* columns kept */
	long *at;    /* width: the column's index in v, or -1 (the reference's) */
	size_t *col; /* v[k]'s column */
	double **v;  /* v[k][rep], n of them (room for width) */
	struct diffs *by_thread;
	int threads;
	struct span *span; /* a step's replications of them */
};

struct sim_cols *sim_cols_new(const struct sim_output *ref, size_t width, long reps, int threads,
			      long step)
{
	struct sim_cols *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	*c = (struct sim_cols){.ref = ref, .width = width, .cap = reps, .threads = threads};
	c->at = malloc(width * sizeof *c->at);
	c->col = malloc(width * sizeof *c->col);
	c->v = calloc(width, sizeof *c->v);
	c->by_thread = calloc((size_t)threads, sizeof *c->by_thread);
	c->span = calloc((size_t)step, sizeof *c->span);
	if (!c->at || !c->col || !c->v || !c->by_thread || !c->span) {
		sim_cols_free(c);
		return NULL;
	}
	for (size_t j = 0; j < width; j++)
		c->at[j] = -1;
	return c;
}

void sim_cols_free(struct sim_cols *c)
{
	if (!c)
		return;
	for (size_t k = 0; c->v && k < c->n; k++)
		free(c->v[k]);
	for (int t = 0; c->by_thread && t < c->threads; t++) {
		free(c->by_thread[t].col);
		free(c->by_thread[t].val);
	}
	free(c->v);
	free(c->at);
	free(c->col);
	free(c->by_thread);
	free(c->span);
	free(c);
}

bool sim_cols_diff(struct sim_cols *c, int thread, long i, const double *row, const double *ref)
{
	struct diffs *d = &c->by_thread[thread];
	struct span *s = &c->span[i];
	*s = (struct span){.thread = thread, .off = d->n};
	if (isnan(row[0])) /* a failed replication (sim_apply's NaN row) */
		return false;
	for (size_t j = 0; j < c->width; j++) {
		/* the bits: -0 is not 0 here */
		if (memcmp(&row[j], &ref[j], sizeof row[j]) == 0)
			continue;
		if (!room(&d->col, &d->ccap, d->n, 1, sizeof *d->col) ||
		    !room(&d->val, &d->vcap, d->n, 1, sizeof *d->val))
			return false;
		d->col[d->n] = (uint32_t)j;
		d->val[d->n++] = row[j];
		s->n++;
	}
	return true;
}

int sim_cols_add(struct sim_cols *c, long n)
{
	/* every replication up to this step's end (results_reserve made room
	 * for all: the rows do not move) */
	const double *ref = results_rows(c->ref->res);
	size_t w = c->width;
	long from = c->count;
	/* columns first seen in this step: until it, the reference's values */
	for (long i = 0; i < n; i++) {
		const struct span *s = &c->span[i];
		const struct diffs *d = &c->by_thread[s->thread];
		for (size_t e = s->off; e < s->off + s->n; e++) {
			size_t j = d->col[e];
			if (c->at[j] >= 0)
				continue;
			double *v = malloc((size_t)c->cap * sizeof *v);
			if (!v)
				return -1;
			for (long r = 0; r < from; r++)
				v[r] = ref[(size_t)r * w + j];
			c->at[j] = (long)c->n;
			c->col[c->n] = j;
			c->v[c->n++] = v;
		}
	}
	/* the step: the reference's values, then the variant's own */
	for (size_t k = 0; k < c->n; k++)
		for (long r = from; r < from + n; r++)
			c->v[k][r] = ref[(size_t)r * w + c->col[k]];
	for (long i = 0; i < n; i++) {
		const struct span *s = &c->span[i];
		const struct diffs *d = &c->by_thread[s->thread];
		for (size_t e = s->off; e < s->off + s->n; e++)
			c->v[c->at[d->col[e]]][from + i] = d->val[e];
	}
	for (int t = 0; t < c->threads; t++)
		c->by_thread[t].n = 0;
	c->count = from + n;
	return 0;
}

int sim_cols_pack(const struct sim_cols *c, long n, double **out, size_t *len)
{
	size_t k = 0;
	for (long i = 0; i < n; i++)
		k += 1 + 2 * c->span[i].n;
	*out = malloc((k ? k : 1) * sizeof **out);
	*len = k;
	if (!*out)
		return -1;
	k = 0;
	for (long i = 0; i < n; i++) {
		const struct span *s = &c->span[i];
		const struct diffs *d = &c->by_thread[s->thread];
		(*out)[k++] = (double)s->n; /* whole numbers far below 2^53: exact */
		for (size_t e = s->off; e < s->off + s->n; e++) {
			(*out)[k++] = (double)d->col[e];
			(*out)[k++] = d->val[e];
		}
	}
	return 0;
}

int sim_cols_unpack(struct sim_cols *c, const double *in, size_t len, long n)
{
	for (int t = 0; t < c->threads; t++)
		c->by_thread[t].n = 0;
	struct diffs *d = &c->by_thread[0];
	size_t k = 0;
	for (long i = 0; i < n; i++) {
		/* counts and columns as pack wrote them: whole, in range */
		if (k >= len || !(in[k] >= 0 && in[k] <= (double)((len - k - 1) / 2)))
			return -1;
		size_t m = (size_t)in[k++];
		if (!room(&d->col, &d->ccap, d->n, m, sizeof *d->col) ||
		    !room(&d->val, &d->vcap, d->n, m, sizeof *d->val))
			return -1;
		c->span[i] = (struct span){.thread = 0, .off = d->n, .n = m};
		for (size_t e = 0; e < m; e++, k += 2) {
			if (!(in[k] >= 0 && in[k] < (double)c->width))
				return -1;
			size_t j = (size_t)in[k];
			d->col[d->n] = (uint32_t)j;
			d->val[d->n++] = in[k + 1];
		}
	}
	return k == len ? 0 : -1;
}

const double *sim_column(const struct sim_output *o, size_t col, size_t *stride)
{
	while (o->cols && o->cols->at[col] < 0)
		o = o->cols->ref;
	if (o->cols) {
		*stride = 1;
		return o->cols->v[o->cols->at[col]];
	}
	*stride = o->layout.width;
	return o->rows ? o->rows + col : NULL;
}

bool sim_kept(const struct sim_output *o)
{
	return o->rows || o->cols;
}
