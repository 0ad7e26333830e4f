/* calib.c - the population against public aggregates, and fitting. */
#include "calib.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "study.h"
#include "summary.h"
#include "i18n.h"

int calib_measure(const struct scenario *s, const struct sim_config *c, struct calib_row *rows,
		  char *err, size_t errlen)
{
	struct sim_config cc = *c;
	cc.precision = 0;
	cc.lean = true; /* the population only */
	struct sim_output o = {0};
	if (sim_run(&s->pol, &cc, &o, err, errlen) != 0)
		return -1;
	if (o.stopped) { /* Ctrl-C: not every replication ran */
		snprintf(err, errlen, _("interrupted"));
		sim_output_free(&o);
		return -1;
	}
	struct summary *sm = summary_of(&o, &s->pol);
	sim_output_free(&o);
	if (!sm) {
		snprintf(err, errlen, _("out of memory"));
		return -1;
	}
	size_t nt;
	const struct target_def *d = targets_table(&nt);
	int within = 0;
	for (int i = 0; i < s->ntargets; i++) {
		const struct target *t = &s->targets[i];
		const struct stats *st = summary_pop(sm, (enum pop_stat)d[t->def].stat);
		rows[i] = (struct calib_row){.t = t,
					     .mean = st->mean,
					     .p5 = st->pct[P5],
					     .p95 = st->pct[P95]};
		rows[i].within = st->mean >= t->lo && st->mean <= t->hi;
		within += rows[i].within;
	}
	summary_free(sm);
	return within;
}

double calib_objective(const struct calib_row *rows, int n)
{
	double sum = 0;
	for (int i = 0; i < n; i++) {
		double mid = (rows[i].t->lo + rows[i].t->hi) / 2;
		double half = (rows[i].t->hi - rows[i].t->lo) / 2;
		if (!(half > 0))
			half = fabs(mid) > 0 ? 1e-3 * fabs(mid) : 1e-9;
		double z = (rows[i].mean - mid) / half;
		sum += z * z;
	}
	return sum;
}

struct fit_ctx {
	const struct scenario *base;
	struct scenario *work;
	const int *keys;
	int nkeys;
	const struct sim_config *c;
	struct calib_row *rows;
	bool failed;
	char *err;
	size_t errlen;
};

/* The scenario at log-factors x: each key scaled from its base value. */
static int at_point(struct fit_ctx *f, const gsl_vector *x)
{
	*f->work = *f->base;
	for (int k = 0; k < f->nkeys; k++) {
		double v;
		double lf = fmax(-5, fmin(5, gsl_vector_get(x, (size_t)k)));
		if (study_scale(f->work, f->keys[k], exp(lf), &v, f->err, f->errlen) != STUDY_OK)
			return -1;
	}
	return 0;
}

static double objective(const gsl_vector *x, void *ctx)
{
	struct fit_ctx *f = ctx;
	if (f->failed)
		return GSL_POSINF;
	if (at_point(f, x) != 0)
		return 1e12; /* outside the valid range: far from any target */
	if (calib_measure(f->work, f->c, f->rows, f->err, f->errlen) < 0) {
		f->failed = true;
		return GSL_POSINF;
	}
	return calib_objective(f->rows, f->base->ntargets);
}

int calib_fit(struct scenario *s, const int *keys, int nkeys, const struct sim_config *c,
	      int max_iter, double *before, double *after, char *err, size_t errlen)
{
	struct scenario *base = malloc(sizeof *base), *work = malloc(sizeof *work);
	struct calib_row *rows = calloc(MAX_TARGETS, sizeof *rows);
	gsl_vector *x = gsl_vector_calloc((size_t)nkeys), *step = gsl_vector_alloc((size_t)nkeys);
	gsl_multimin_fminimizer *m =
		gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, (size_t)nkeys);
	int rc = -1;
	if (!base || !work || !rows || !x || !step || !m) {
		snprintf(err, errlen, _("out of memory"));
		goto done;
	}
	*base = *s;
	struct fit_ctx f = {.base = base,
			    .work = work,
			    .keys = keys,
			    .nkeys = nkeys,
			    .c = c,
			    .rows = rows,
			    .err = err,
			    .errlen = errlen};
	gsl_multimin_function fn = {.f = objective, .n = (size_t)nkeys, .params = &f};
	*before = objective(x, &f);
	if (f.failed)
		goto done;
	gsl_vector_set_all(step, 0.3); /* +-30% first moves */
	gsl_multimin_fminimizer_set(m, &fn, x, step);
	for (int it = 0; it < max_iter; it++) {
		if (gsl_multimin_fminimizer_iterate(m) != GSL_SUCCESS || f.failed)
			break;
		if (gsl_multimin_test_size(gsl_multimin_fminimizer_size(m), 1e-3) == GSL_SUCCESS)
			break;
	}
	if (f.failed)
		goto done;
	*after = gsl_multimin_fminimizer_minimum(m);
	if (!(*after < *before)) { /* nothing better than the start: keep it */
		*after = *before;
		rc = 0;
		goto done;
	}
	if (at_point(&f, gsl_multimin_fminimizer_x(m)) != 0)
		goto done;
	*s = *work;
	rc = 0;
done:
	gsl_multimin_fminimizer_free(m);
	gsl_vector_free(x);
	gsl_vector_free(step);
	free(rows);
	free(work);
	free(base);
	return rc;
}
