/* study.c - sensitivity studies on common random numbers: grids, swings,
 * paired statistics and Sobol indices. No I/O. */
#include "study.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comm.h"
#include "dist.h"
#include "i18n.h"

/* ---- paired statistics ---- */

void study_paired(const double *alt, size_t as, const double *base, size_t bs, size_t n,
		  struct study_diff *out)
{
	double m = 0, ss = 0;
	for (size_t i = 0; i < n; i++)
		m += alt[i * as] - base[i * bs];
	m /= (double)n;
	for (size_t i = 0; i < n; i++) {
		double e = alt[i * as] - base[i * bs] - m;
		ss += e * e;
	}
	double se = n > 1 ? sqrt(ss / (double)(n - 1) / (double)n) : 0;
	double t = n > 1 ? gsl_cdf_tdist_Pinv(0.975, (double)(n - 1)) : 0;
	*out = (struct study_diff){m, se, m - t * se, m + t * se};
}

/* Column col of o against column bcol of the base run b; each once per
 * run, so no summary of every column (summary.h) is needed. -1 when out
 * of memory (err says). */
static int cell_of(const struct sim_output *o, size_t col, const struct sim_output *b, size_t bcol,
		   struct study_cell *c, char *err, size_t errlen)
{
	struct stats st;
	double *scratch = malloc((size_t)o->reps * sizeof *scratch);
	if (!scratch) {
		snprintf(err, errlen, _("out of memory"));
		return -1;
	}
	size_t as, bs;
	const double *x = sim_column(o, col, &as), *y = sim_column(b, bcol, &bs);
	stats_of(x, as, (size_t)o->reps, scratch, &st); /* results_stat's, exact */
	free(scratch);
	c->mean = st.mean;
	c->p5 = st.pct[P5];
	c->p95 = st.pct[P95];
	study_paired(x, as, y, bs, (size_t)o->reps, &c->d);
	return 0;
}

/* Every line and TOTAL at every level, all paid years. */
static enum study_status cells_of(const struct sim_output *o, const struct sim_output *b,
				  struct study_cell cell[N_LINES + 1][N_LEVELS], char *err,
				  size_t errlen)
{
	for (int line = 0; line <= N_LINES; line++)
		for (int lv = 0; lv < N_LEVELS; lv++)
			if (cell_of(o, sim_money(&o->layout, line, o->layout.years, lv), b,
				    sim_money(&b->layout, line, b->layout.years, lv),
				    &cell[line][lv], err, errlen) != 0)
				return STUDY_FAILED;
	return STUDY_OK;
}

static size_t total_col(const struct sim_output *o)
{
	return sim_money(&o->layout, N_LINES, o->layout.years, LV_TOTAL);
}

/* ---- running variants ---- */

long study_max_reps(const struct policy *p)
{
	struct sim_layout l;
	sim_layout_lean(p, &l);
	return (long)results_most(l.width, STUDY_EXACT_BYTES);
}

enum study_status study_run(const struct policy *p, const struct study_cfg *c, struct sim_output *o,
			    char *err, size_t errlen)
{
	struct sim_config sc = {.seed = c->seed,
				.reps = c->reps,
				.threads = c->threads,
				.stock = c->stock,
				.stop = c->stop,
				.lean = true};
	if (sim_run(p, &sc, o, err, errlen) != 0)
		return STUDY_FAILED;
	if (o->stopped) {
		sim_output_free(o);
		snprintf(err, errlen, _("interrupted"));
		return STUDY_STOPPED;
	}
	if (!o->rows) {
		long most = study_max_reps(p);
		sim_output_free(o);
		snprintf(err, errlen,
			 _("%ld replications do not fit in memory to be paired "
			   "(at most %ld)"),
			 c->reps, most);
		return STUDY_INVALID;
	}
	return STUDY_OK;
}

static void progress(const struct study_cfg *c, long done, long total)
{
	if (c->progress)
		c->progress(c->progress_ctx, done, total);
}

/* ---- variants side by side ---- */

/* Memory for the rows of the variants that run at once. */
#define STUDY_SIDE_BYTES ((size_t)512 << 20)

/* Run i of a batch: one variant, on c's seed and replications with the
 * threads it is given. */
typedef enum study_status (*study_run_fn)(void *ctx, long i, const struct study_cfg *c, char *err,
					  size_t errlen);

/* Runs 0 .. n - 1 of fn, several at once: as many as there are threads
 * and their rows fit in STUDY_SIDE_BYTES, each with its share of the
 * threads (a run's results do not depend on its thread count, so neither
 * do the study's). Under MPI one at a time: every rank takes part in each
 * run. Reports progress as *done of total. The status and error are
 * those of the first run (in order) that failed: a run is only started
 * once every earlier one has been, so it is the one a serial loop meets. */
static enum study_status side_by_side(const struct study_cfg *c, const struct policy *p, long n,
				      study_run_fn fn, void *ctx, long *done, long total, char *err,
				      size_t errlen)
{
	int threads = c->threads > 0 ? c->threads : omp_get_max_threads();
	struct sim_layout l;
	sim_layout(p, &l);
	size_t bytes = (size_t)c->reps * l.width * sizeof(double);
	long fit = bytes ? (long)(STUDY_SIDE_BYTES / bytes) : n;
	long outer = threads < n ? threads : n;
	outer = outer < fit ? outer : fit;
	if (outer < 1 || comm_world()->size > 1)
		outer = 1;
	struct study_cfg inner = *c;
	inner.threads = threads / (int)outer;
	enum study_status *rc = calloc((size_t)n, sizeof *rc);
	char *errs = malloc((size_t)n * errlen);
	if ((n && !rc) || (n && !errs)) {
		free(rc);
		free(errs);
		snprintf(err, errlen, _("out of memory"));
		return STUDY_FAILED;
	}
	int levels = omp_get_max_active_levels();
	omp_set_max_active_levels(2); /* each run's own parallel blocks inside */
	int failed = 0;
#pragma omp parallel for schedule(dynamic, 1) num_threads((int)outer)
	for (long i = 0; i < n; i++) {
		int stop;
#pragma omp atomic read
		stop = failed;
		if (stop) {
			rc[i] = STUDY_OK; /* not run: a run before it failed */
			continue;
		}
		errs[(size_t)i * errlen] = 0;
		rc[i] = fn(ctx, i, &inner, errs + (size_t)i * errlen, errlen);
		if (rc[i] != STUDY_OK) {
#pragma omp atomic write
			failed = 1;
		}
#pragma omp critical(study_progress)
		progress(c, ++*done, total);
	}
	omp_set_max_active_levels(levels);
	enum study_status r = STUDY_OK;
	for (long i = 0; i < n && r == STUDY_OK; i++)
		if ((r = rc[i]) != STUDY_OK)
			snprintf(err, errlen, "%s", errs + (size_t)i * errlen);
	free(rc);
	free(errs);
	return r;
}

/* ---- variants on one population ---- */

/* A study's variants: make writes variant i's scenario into s; use takes
 * what the study keeps of its run (paired with the base run, say). use
 * may run on several threads at once, for different i. */
struct variants {
	long n;
	void *ctx;
	enum study_status (*make)(void *ctx, long i, struct scenario *s, char *err, size_t errlen);
	enum study_status (*use)(void *ctx, long i, const struct sim_output *o, char *err,
				 size_t errlen);
};

/* The variants at idx[0 .. n) run one by one (side by side). */
struct fresh {
	const struct variants *v;
	const long *idx;
};

static enum study_status one_fresh(void *ctx, long i, const struct study_cfg *c, char *err,
				   size_t errlen)
{
	const struct fresh *f = ctx;
	struct scenario *s = malloc(sizeof *s);
	struct sim_output o = {0};
	if (!s) {
		snprintf(err, errlen, _("out of memory"));
		return STUDY_FAILED;
	}
	enum study_status rc = f->v->make(f->v->ctx, f->idx[i], s, err, errlen);
	if (rc == STUDY_OK)
		rc = study_run(&s->pol, c, &o, err, errlen);
	if (rc == STUDY_OK)
		rc = f->v->use(f->v->ctx, f->idx[i], &o, err, errlen);
	sim_output_free(&o);
	free(s);
	return rc;
}

/* Runs of one population with all their rows kept, as study_run checks
 * them; the outputs are freed on failure. */
static enum study_status run_many(const struct policy *const *p, int n, const struct study_cfg *c,
				  struct sim_output *o, char *err, size_t errlen)
{
	struct sim_config sc = {.seed = c->seed,
				.reps = c->reps,
				.threads = c->threads,
				.stock = c->stock,
				.stop = c->stop,
				.lean = true};
	sc.sparse = true; /* each variant's own cells only: sim_column reads them */
	if (sim_run_many(p, n, &sc, o, err, errlen) != 0)
		return STUDY_FAILED;
	enum study_status rc = STUDY_OK;
	for (int k = 0; k < n && rc == STUDY_OK; k++) {
		if (o[k].stopped) {
			snprintf(err, errlen, _("interrupted"));
			rc = STUDY_STOPPED;
		} else if (!sim_kept(&o[k])) {
			snprintf(
				err, errlen,
				_("%ld replications do not fit in memory to be paired (at most %ld)"),
				c->reps, study_max_reps(p[k]));
			rc = STUDY_INVALID;
		}
	}
	for (int k = 0; k < n && rc != STUDY_OK; k++)
		sim_output_free(&o[k]);
	return rc;
}

/* Run the base case into b (unless it holds it, or b is NULL: a study
 * with no base run, whose variants still share base's populations), then
 * every variant of v, reporting progress as *done of total. Variants whose population is the base's (only rule
 * keys moved: sim_same_population) share it: each replication is sampled
 * once for a group of them, the base case with the first group, and the
 * rules of each applied (sim_run_many), as many at once as their rows
 * fit in STUDY_SIDE_BYTES. The others, or all with c->fresh, run side by
 * side. Either way every run's output is the same, bit for bit. */
static enum study_status run_variants(const struct scenario *base, const struct variants *v,
				      const struct study_cfg *c, struct sim_output *b, long *done,
				      long total, char *err, size_t errlen)
{
	long *shared = malloc((size_t)(v->n + 1) * sizeof *shared);
	long *alone = malloc((size_t)(v->n + 1) * sizeof *alone);
	struct scenario *s = malloc(sizeof *s);
	long ns = 0, na = 0;
	enum study_status rc = shared && alone && s ? STUDY_OK : STUDY_FAILED;
	if (rc != STUDY_OK)
		snprintf(err, errlen, _("out of memory"));
	for (long i = 0; rc == STUDY_OK && i < v->n; i++) {
		rc = v->make(v->ctx, i, s, err, errlen);
		if (rc == STUDY_OK && !c->fresh && sim_same_population(&base->pol, &s->pol))
			shared[ns++] = i;
		else
			alone[na++] = i;
	}
	struct sim_layout l;
	sim_layout_lean(&base->pol, &l);
	size_t bytes = ((size_t)c->reps + 1) * (l.width + 1) * sizeof(double);
	long fit = (long)(STUDY_SIDE_BYTES / bytes);
	int group = fit < 2 ? 2 : fit > 256 ? 256 : (int)fit; /* with the base's, at first */
	struct policy *pol = malloc((size_t)group * sizeof *pol);
	const struct policy **p = malloc((size_t)group * sizeof *p);
	struct sim_output *o = calloc((size_t)group, sizeof *o);
	if (rc == STUDY_OK && !(pol && p && o)) {
		snprintf(err, errlen, _("out of memory"));
		rc = STUDY_FAILED;
	}
	bool with_base = b && ns > 0 && !b->rows; /* else the base runs alone, first */
	if (rc == STUDY_OK && b && !with_base && !b->rows) {
		rc = study_run(&base->pol, c, b, err, errlen);
		if (rc == STUDY_OK)
			progress(c, ++*done, total);
	}
	for (long g = 0; rc == STUDY_OK && g < ns;) {
		int k = 0, first = g == 0 && with_base; /* the base case: run 0 of group 0 */
		if (first)
			p[k++] = &base->pol;
		for (; k < group && g < ns && rc == STUDY_OK; k++, g++) {
			rc = v->make(v->ctx, shared[g], s, err, errlen);
			pol[k] = s->pol;
			p[k] = &pol[k];
		}
		if (rc == STUDY_OK)
			rc = run_many(p, k, c, o, err, errlen);
		if (rc != STUDY_OK)
			break;
		if (first)
			*b = o[0];
		/* the others read output 0's columns (sim_column): freed after */
		for (int j = first; j < k && rc == STUDY_OK; j++)
			rc = v->use(v->ctx, shared[g - k + j], &o[j], err, errlen);
		for (int j = k - 1; j >= first; j--)
			sim_output_free(&o[j]);
		*done += k;
		progress(c, *done, total);
	}
	struct fresh f = {v, alone};
	if (rc == STUDY_OK && na > 0)
		rc = side_by_side(c, &base->pol, na, one_fresh, &f, done, total, err, errlen);
	free(shared);
	free(alone);
	free(s);
	free(pol);
	free(p);
	free(o);
	return rc;
}

/* ---- parameters as numbers ---- */

static const struct param_def *def(int i)
{
	size_t n;
	return &params_table(&n)[i];
}

static bool is_dist(const struct param_def *d)
{
	return d->type == PT_DIST_MONEY || d->type == PT_DIST_SHARE || d->type == PT_DIST_NUMBER;
}

static void *slot(struct policy *p, int i)
{
	return (char *)p + def(i)->offset; /* the table locates values by offset */
}

double study_value(const struct policy *p, int i)
{
	const struct param_def *d = def(i);
	const void *at = (const char *)p + d->offset;
	if (is_dist(d))
		return dist_mean(at);
	if (d->type == PT_INT)
		return *(const int *)at;
	if (d->type == PT_BOOL)
		return *(const bool *)at;
	if (d->type == PT_ENUM)
		return *(const int *)at;
	if (d->type == PT_SCHEDULE || d->type == PT_LINES)
		return NAN; /* a list, not one number */
	return *(const double *)at;
}

static void key_words(int i, char *buf, size_t n)
{
	snprintf(buf, n, "%s.%s", def(i)->section, def(i)->key);
}

/* scenario_finish after a change; its message gets the change in front. */
static enum study_status refinish(struct scenario *s, const char *what, char *err, size_t errlen)
{
	char why[ERR_LEN];
	if (scenario_finish(s, why, sizeof why) == 0)
		return STUDY_OK;
	snprintf(err, errlen, _("with %s: %s"), what, why);
	return STUDY_INVALID;
}

enum study_status study_set(struct scenario *s, int i, double v, char *err, size_t errlen)
{
	const struct param_def *d = def(i);
	char key[96], words[64], text[64], why[300], what[200];
	key_words(i, key, sizeof key);
	if (d->type == PT_INT)
		v = round(v);
	params_value_words(i, v, words, sizeof words);
	if (!(v >= d->lo && v <= d->hi)) {
		char r[128];
		params_range_words(i, i18n_lang(), r, sizeof r);
		snprintf(err, errlen, _("%s = %s: out of range (valid: %s)"), key, words, r);
		return STUDY_INVALID;
	}
	snprintf(text, sizeof text, "%.17g", v); /* exact, and read by every unit's parser */
	if (params_set(&s->pol, i, text, why, sizeof why) != 0) {
		snprintf(err, errlen, "%s = %s: %s", key, words, why);
		return STUDY_INVALID;
	}
	s->set[i] = true;
	snprintf(what, sizeof what, "%s = %s", key, words);
	snprintf(s->src[i], SRC_LEN, "%s", what);
	return refinish(s, what, err, errlen);
}

/* A distribution scaled by f, its shape kept (see study.h). */
static struct dist scaled(struct dist v, double f)
{
	switch (v.kind) {
	case D_CONST:
	case D_LOGNORMAL:
	case D_POISSON:
	case D_PARETO:
		v.p[0] *= f; /* the value, median, mean or minimum */
		break;
	case D_UNIFORM:
	case D_TRIANGULAR:
	case D_PERT:
		for (int k = 0; k < 3; k++)
			v.p[k] *= f;
		break;
	case D_NORMAL:
		v.p[0] *= f;
		v.p[1] *= fabs(f);
		break;
	case D_BETA: {
		double sum = v.p[0] + v.p[1], a = fmin(v.p[0] * f, 0.999 * sum);
		v.p[0] = a;
		v.p[1] = sum - a;
		break;
	}
	}
	return v;
}

enum study_status study_scale(struct scenario *s, int i, double f, double *v, char *err,
			      size_t errlen)
{
	const struct param_def *d = def(i);
	char key[96], what[200];
	key_words(i, key, sizeof key);
	if (is_dist(d) && !dist_is_const(slot(&s->pol, i))) {
		struct dist *at = slot(&s->pol, i);
		*at = scaled(*at, f);
		*v = dist_mean(at);
		snprintf(what, sizeof what, "%s x %g", key, f);
		s->set[i] = true;
		snprintf(s->src[i], SRC_LEN, "%s", what);
		return refinish(s, what, err, errlen);
	}
	double b = study_value(&s->pol, i), x = b * f;
	if (!s->set[i] || isnan(b)) {
		snprintf(err, errlen, _("%s is not set (or none): it has no value to move"), key);
		return STUDY_INVALID;
	}
	if (d->type == PT_INT) {
		x = f < 1 ? floor(x + 1e-9) : f > 1 ? ceil(x - 1e-9) : b;
		if (b >= 1 && x < 1)
			x = 1; /* 0 often means "no limit" */
	}
	x += 0.0; /* no -0 from ceil(-1e-9) */
	*v = fmin(fmax(x, d->lo), d->hi);
	return study_set(s, i, *v, err, errlen);
}

/* ---- sweep ---- */

int study_axis_parse(const char *spec, int max_points, struct study_axis *ax, char *err,
		     size_t errlen)
{
	const char *eq = strchr(spec, '=');
	char key[96], part[3][64], why[300];
	if (!eq || (size_t)(eq - spec) >= sizeof key) {
		snprintf(err, errlen,
			 _("%s: expected KEY=LO:HI:STEP, e.g. m1a.cap=50万:200万:50万"), spec);
		return -1;
	}
	snprintf(key, sizeof key, "%.*s", (int)(eq - spec), spec);
	int i = params_key(key, why, sizeof why);
	if (i < 0) {
		snprintf(err, errlen, "%s: %s", spec, why);
		return -1;
	}
	if (!params_numeric(i)) {
		snprintf(err, errlen,
			 _("%s: %s is %s, not a number: compare two scenarios instead"), spec, key,
			 def(i)->type == PT_BOOL ? _("true or false") : _("one word of a list"));
		return -1;
	}
	const char *c1 = strchr(eq + 1, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	if (!c2 || strchr(c2 + 1, ':') || (size_t)(c1 - eq - 1) >= sizeof part[0] ||
	    (size_t)(c2 - c1 - 1) >= sizeof part[1] || strlen(c2 + 1) >= sizeof part[2]) {
		snprintf(err, errlen, _("%s: expected %s=LO:HI:STEP, e.g. m1a.cap=50万:200万:50万"),
			 spec, key);
		return -1;
	}
	snprintf(part[0], sizeof part[0], "%.*s", (int)(c1 - eq - 1), eq + 1);
	snprintf(part[1], sizeof part[1], "%.*s", (int)(c2 - c1 - 1), c1 + 1);
	snprintf(part[2], sizeof part[2], "%s", c2 + 1);
	static const char *const names[] = {"LO", "HI", "STEP"};
	double v[3];
	for (int k = 0; k < 3; k++) {
		int rc = k < 2 ? params_parse_value(i, part[k], &v[k], why, sizeof why)
			       : params_parse_number(i, part[k], &v[k], why, sizeof why);
		if (rc != 0) {
			snprintf(err, errlen, "%s: %s %s", spec, names[k], why);
			return -1;
		}
	}
	if (v[0] > v[1]) {
		snprintf(err, errlen, _("%s: LO %s is above HI %s"), spec, part[0], part[1]);
		return -1;
	}
	if (!(v[2] > 0)) {
		snprintf(err, errlen, _("%s: STEP %s must be above 0"), spec, part[2]);
		return -1;
	}
	double n = floor((v[1] - v[0]) / v[2] + 1e-9) + 1;
	if (n > max_points) {
		snprintf(err, errlen, _("%s: %.0f values, at most %d: take a larger STEP"), spec, n,
			 max_points);
		return -1;
	}
	*ax = (struct study_axis){.param = i, .lo = v[0], .hi = v[1], .step = v[2], .n = (int)n};
	return 0;
}

double study_axis_value(const struct study_axis *ax, int k)
{
	double v = ax->lo + k * ax->step;
	if (fabs(v - ax->hi) <= 1e-9 * fmax(fabs(ax->hi), ax->step))
		return ax->hi;
	char t[40];
	snprintf(t, sizeof t, "%.12g", v);
	return fmin(strtod(t, NULL), ax->hi);
}

/* The scenario of grid point p, into s. */
static enum study_status sweep_point(const struct scenario *base, const struct study_axis *ax,
				     int naxes, int p, struct scenario *s, double *value, char *err,
				     size_t errlen)
{
	*s = *base;
	int stride = naxes > 1 ? ax[1].n : 1;
	int at[2] = {p / stride, p % stride};
	for (int a = 0; a < naxes; a++) {
		value[a] = study_axis_value(&ax[a], at[a]);
		enum study_status rc = study_set(s, ax[a].param, value[a], err, errlen);
		if (rc != STUDY_OK)
			return rc;
	}
	return STUDY_OK;
}

struct sweep_ctx {
	const struct scenario *base;
	const struct study_axis *axes;
	int naxes;
	const struct sim_output *b;
	struct study_sweep *out;
};

/* Grid point i's scenario. */
static enum study_status sweep_make(void *ctx, long i, struct scenario *s, char *err, size_t errlen)
{
	struct sweep_ctx *x = ctx;
	return sweep_point(x->base, x->axes, x->naxes, (int)i, s, x->out->point[i].value, err,
			   errlen);
}

/* Grid point i against the base run. */
static enum study_status sweep_use(void *ctx, long i, const struct sim_output *o, char *err,
				   size_t errlen)
{
	struct sweep_ctx *x = ctx;
	return cells_of(o, x->b, x->out->point[i].cell, err, errlen);
}

enum study_status study_sweep(const struct scenario *base, const struct study_axis *axes, int naxes,
			      const struct study_cfg *c, struct study_sweep *out, char *err,
			      size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (naxes < 1 || naxes > 2 || (naxes == 2 && axes[0].param == axes[1].param)) {
		snprintf(err, errlen, _("a sweep takes one or two different keys"));
		return STUDY_INVALID;
	}
	long np = (long)axes[0].n * (naxes > 1 ? axes[1].n : 1);
	if (np > STUDY_MAX_POINTS) {
		snprintf(err, errlen, _("%d x %d = %ld grid points, at most %d: take larger steps"),
			 axes[0].n, axes[1].n, np, STUDY_MAX_POINTS);
		return STUDY_INVALID;
	}
	out->naxes = naxes;
	out->reps = c->reps;
	for (int a = 0; a < naxes; a++) {
		out->axis[a] = axes[a];
		out->base_value[a] = study_value(&base->pol, axes[a].param);
	}
	struct scenario *s = malloc(sizeof *s);
	out->point = calloc((size_t)np, sizeof *out->point);
	enum study_status rc = s && out->point ? STUDY_OK : STUDY_FAILED;
	if (rc != STUDY_OK)
		snprintf(err, errlen, _("out of memory"));
	for (int p = 0; rc == STUDY_OK && p < np; p++) /* every point valid before any run */
		rc = sweep_point(base, axes, naxes, p, s, out->point[p].value, err, errlen);
	struct sim_output b = {0};
	long done = 0;
	struct sweep_ctx sc = {base, axes, naxes, &b, out};
	struct variants v = {np, &sc, sweep_make, sweep_use};
	if (rc == STUDY_OK)
		rc = run_variants(base, &v, c, &b, &done, np + 1, err, errlen);
	if (rc == STUDY_OK)
		rc = cells_of(&b, &b, out->base, err, errlen);
	out->npoints = (int)np;
	sim_output_free(&b);
	free(s);
	if (rc != STUDY_OK)
		study_sweep_free(out);
	return rc;
}

void study_sweep_free(struct study_sweep *s)
{
	free(s->point);
	memset(s, 0, sizeof *s);
}

/* ---- tornado and spider ---- */

int study_range_parse(const char *spec, struct study_range *r, char *err, size_t errlen)
{
	const char *eq = strchr(spec, '=');
	char key[96], why[300];
	if (!eq || (size_t)(eq - spec) >= sizeof key) {
		snprintf(err, errlen, _("%s: expected KEY=LO:HI, e.g. m1a.cap=50万:200万"), spec);
		return -1;
	}
	snprintf(key, sizeof key, "%.*s", (int)(eq - spec), spec);
	int i = params_key(key, why, sizeof why);
	if (i < 0) {
		snprintf(err, errlen, "%s: %s", spec, why);
		return -1;
	}
	if (!params_numeric(i)) {
		snprintf(err, errlen, _("%s: %s is not a number"), spec, key);
		return -1;
	}
	*r = (struct study_range){.param = i, .given = true};
	if (params_range_parse(i, eq + 1, &r->lo, &r->hi, why, sizeof why) != 0) {
		snprintf(err, errlen, "%s: %s", spec, why);
		return -1;
	}
	return 0;
}

int study_policy_keys(const struct scenario *s, int *keys, int max)
{
	size_t n;
	const struct param_def *d = params_table(&n);
	int k = 0;
	for (size_t i = 0; i < n; i++) {
		if (d[i].line < 0 || !s->pol.line[d[i].line].enabled || !params_numeric((int)i) ||
		    !s->set[i] || params_is_none(&s->pol, (int)i) ||
		    strcmp(d[i].key, "provincial_share") == 0 ||
		    strcmp(d[i].key, "district_share") == 0)
			continue;
		if (k < max)
			keys[k] = (int)i;
		k++;
	}
	return k;
}

static int by_swing(const void *a, const void *b)
{
	const struct study_bar *x = a, *y = b;
	if (x->swing != y->swing)
		return x->swing < y->swing ? 1 : -1;
	return (x->param > y->param) - (x->param < y->param);
}

void study_sort_bars(struct study_bar *b, int n)
{
	qsort(b, (size_t)n, sizeof *b, by_swing);
}

/* The scenario with r's parameter at its low (side 0) or high end. */
static enum study_status move(const struct scenario *base, const struct study_range *r, int side,
			      double pct, struct scenario *s, double *v, char *err, size_t errlen)
{
	*s = *base;
	if (r->given) {
		*v = side ? r->hi : r->lo;
		return study_set(s, r->param, *v, err, errlen);
	}
	return study_scale(s, r->param, side ? 1 + pct : 1 - pct, v, err, errlen);
}

struct spider_ctx {
	const struct scenario *base;
	struct study_tornado *t;
	const long *at; /* run i is spider point at[i] */
	const struct sim_output *b;
};

static enum study_status spider_make(void *ctx, long i, struct scenario *s, char *err,
				     size_t errlen)
{
	struct spider_ctx *x = ctx;
	struct study_spider *sp = &x->t->spider[x->at[i]];
	*s = *x->base;
	return study_scale(s, sp->param, 1 + sp->pct / 100, &sp->value, err, errlen);
}

static enum study_status spider_use(void *ctx, long i, const struct sim_output *o, char *err,
				    size_t errlen)
{
	struct spider_ctx *x = ctx;
	struct study_spider *sp = &x->t->spider[x->at[i]];
	struct study_cell cell;
	if (cell_of(o, total_col(o), x->b, total_col(x->b), &cell, err, errlen) != 0)
		return STUDY_FAILED;
	sp->mean = cell.mean;
	sp->d = cell.d;
	return STUDY_OK;
}

static enum study_status spider(const struct scenario *base, const struct study_cfg *c,
				struct sim_output *b, int top, struct scenario *s,
				struct study_tornado *t, long *done, char *err, size_t errlen)
{
	t->spider = calloc((size_t)top * 5, sizeof *t->spider);
	long *at = malloc(((size_t)top * 5 + 1) * sizeof *at), nrun = 0;
	if ((!t->spider && top) || !at) {
		free(at);
		snprintf(err, errlen, _("out of memory"));
		return STUDY_FAILED;
	}
	long total = *done;
	for (int k = 0; k < top; k++)
		total += t->bar[k].given ? 4 : 2; /* -+pct are the bar's own runs unless given */
	for (int k = 0; k < top; k++) {
		const struct study_bar *bar = &t->bar[k];
		for (int step = -2; step <= 2; step++) {
			struct study_spider *sp = &t->spider[t->nspider];
			*sp = (struct study_spider){.param = bar->param,
						    .pct = 50.0 * step * t->pct};
			if (step == 0) {
				sp->value = bar->base;
				sp->mean = t->base.mean;
				t->nspider++;
				continue;
			}
			if (!bar->given && (step == -2 || step == 2)) { /* the bar's own run */
				sp->value = step < 0 ? bar->low : bar->high;
				sp->mean = step < 0 ? bar->mean_low : bar->mean_high;
				sp->d = step < 0 ? bar->d_low : bar->d_high;
				t->nspider++;
				continue;
			}
			char why[ERR_LEN];
			*s = *base;
			if (study_scale(s, bar->param, 1 + sp->pct / 100, &sp->value, why,
					sizeof why) != STUDY_OK) {
				t->spider_skipped++; /* e.g. a tier threshold past the next one */
				progress(c, ++*done, total);
				continue;
			}
			at[nrun++] = t->nspider++; /* run below */
		}
	}
	struct spider_ctx x = {base, t, at, b};
	struct variants v = {nrun, &x, spider_make, spider_use};
	enum study_status rc = run_variants(base, &v, c, b, done, total, err, errlen);
	free(at);
	return rc;
}

struct bar_ctx {
	const struct scenario *base;
	const struct study_range *keys;
	double pct;
	const struct sim_output *b;
	struct study_tornado *out;
};

/* Run i of the bars: key i / 2 at its low (even) or high end. */
static enum study_status bar_make(void *ctx, long i, struct scenario *s, char *err, size_t errlen)
{
	struct bar_ctx *x = ctx;
	double v;
	return move(x->base, &x->keys[i / 2], (int)(i % 2), x->pct, s, &v, err, errlen);
}

/* Its mean total and paired change against the base run. */
static enum study_status bar_use(void *ctx, long i, const struct sim_output *o, char *err,
				 size_t errlen)
{
	struct bar_ctx *x = ctx;
	struct study_bar *bar = &x->out->bar[i / 2];
	struct study_cell cell;
	if (cell_of(o, total_col(o), x->b, total_col(x->b), &cell, err, errlen) != 0)
		return STUDY_FAILED;
	*(i % 2 ? &bar->mean_high : &bar->mean_low) = cell.mean;
	*(i % 2 ? &bar->d_high : &bar->d_low) = cell.d;
	return STUDY_OK;
}

enum study_status study_tornado(const struct scenario *base, const struct study_range *keys,
				int nkeys, double pct, int spider_keys, const struct study_cfg *c,
				struct study_tornado *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	out->pct = pct;
	out->reps = c->reps;
	struct scenario *s = malloc(sizeof *s);
	out->bar = calloc(nkeys > 0 ? (size_t)nkeys : 1, sizeof *out->bar);
	enum study_status rc = s && out->bar ? STUDY_OK : STUDY_FAILED;
	if (rc != STUDY_OK)
		snprintf(err, errlen, _("out of memory"));
	for (int k = 0; rc == STUDY_OK && k < nkeys; k++) { /* every variant valid first */
		struct study_bar *bar = &out->bar[k];
		*bar = (struct study_bar){.param = keys[k].param,
					  .given = keys[k].given,
					  .base = study_value(&base->pol, keys[k].param)};
		for (int side = 0; rc == STUDY_OK && side < 2; side++)
			rc = move(base, &keys[k], side, pct, s, side ? &bar->high : &bar->low, err,
				  errlen);
	}
	struct sim_output b = {0};
	int top = spider_keys < nkeys ? spider_keys : nkeys;
	long done = 0, total = 1 + 2L * nkeys + 2L * top; /* spider: 2 or 4 runs a key */
	struct bar_ctx bc = {base, keys, pct, &b, out};
	struct variants v = {2L * nkeys, &bc, bar_make, bar_use};
	if (rc == STUDY_OK)
		rc = run_variants(base, &v, c, &b, &done, total, err, errlen);
	if (rc == STUDY_OK &&
	    cell_of(&b, total_col(&b), &b, total_col(&b), &out->base, err, errlen) != 0)
		rc = STUDY_FAILED;
	for (int k = 0; rc == STUDY_OK && k < nkeys; k++)
		out->bar[k].swing = fabs(out->bar[k].mean_high - out->bar[k].mean_low);
	out->nbars = nkeys;
	if (rc == STUDY_OK) {
		study_sort_bars(out->bar, nkeys);
		rc = spider(base, c, &b, top, s, out, &done, err, errlen);
	}
	sim_output_free(&b);
	free(s);
	if (rc != STUDY_OK)
		study_tornado_free(out);
	return rc;
}

void study_tornado_free(struct study_tornado *t)
{
	free(t->bar);
	free(t->spider);
	memset(t, 0, sizeof *t);
}

/* ---- compare ---- */

/* A run's money columns as compare reads them: every line and TOTAL,
 * paid year and all years, level, each contiguous over the replications
 * (a column read down the rows misses the cache at every row), with their
 * means when made for a base. */
struct mcols {
	const struct sim_output *o;
	int first_paid;
	double *v;    /* column (line, y, lv) at v[mcol(o, line, y, lv) * reps] */
	double *mean; /* a base's: gsl_stats_mean of each, or NULL */
};

static size_t mcol(const struct sim_output *o, int line, int y, enum fund_level lv)
{
	return ((size_t)line * (size_t)(o->layout.years + 1) + (size_t)y) * N_LEVELS + lv;
}

static void mcols_free(struct mcols *c)
{
	free(c->v);
	free(c->mean);
	memset(c, 0, sizeof *c);
}

/* The columns k of o with need[k] (need NULL: all), and with means their
 * means; -1 when out of memory. A line's money of every year and level is
 * contiguous in a row as in mcol (sim_layout.c). */
static int mcols_make(const struct sim_output *o, int first_paid, const bool *need, bool means,
		      struct mcols *c)
{
	const struct sim_layout *l = &o->layout;
	size_t n = (size_t)o->reps, ncol = mcol(o, N_LINES + 1, 0, 0), per = mcol(o, 1, 0, 0);
	*c = (struct mcols){.o = o, .first_paid = first_paid};
	c->v = malloc(ncol * n * sizeof *c->v); /* pages of columns not needed stay untouched */
	c->mean = means ? malloc(ncol * sizeof *c->mean) : NULL;
	if (!c->v || (means && !c->mean)) {
		mcols_free(c);
		return -1;
	}
	for (int line = 0; o->cols && line <= N_LINES; line++) { /* a sparse output's */
		size_t k0 = mcol(o, line, 0, 0);
		for (size_t j = 0; j < per; j++) {
			size_t stride;
			const double *x = sim_column(o, sim_money(l, line, 0, 0) + j, &stride);
			for (size_t r = 0; (!need || need[k0 + j]) && r < n; r++)
				c->v[(k0 + j) * n + r] = x[r * stride];
		}
	}
	for (size_t r = 0; !o->cols && r < n; r++) {
		const double *row = o->rows + r * l->width;
		for (int line = 0; line <= N_LINES; line++) {
			const double *m = row + sim_money(l, line, 0, 0);
			size_t k0 = mcol(o, line, 0, 0);
			for (size_t j = 0; j < per; j++)
				if (!need || need[k0 + j])
					c->v[(k0 + j) * n + r] = m[j];
		}
	}
	for (size_t k = 0; means && k < ncol; k++)
		c->mean[k] = gsl_stats_mean(c->v + k * n, 1, n);
	return 0;
}

/* For an alternative laid out as the base b (the same paid years: rule
 * variants), whether each column differs from the base's, bit for bit,
 * in some replication: into differ (ncol), or false when laid out
 * otherwise. Most lines of an alternative are the base's. */
static bool columns_differ(const struct mcols *b, const struct sim_output *alt, int alt_first_paid,
			   bool *differ)
{
	const struct sim_output *base = b->o;
	const struct sim_layout *lb = &base->layout, *la = &alt->layout;
	if (alt_first_paid != b->first_paid || la->years != lb->years)
		return false;
	size_t per = mcol(alt, 1, 0, 0);
	for (int line = 0; (alt->cols || base->cols) && line <= N_LINES; line++) {
		bool *d = differ + mcol(alt, line, 0, 0);
		for (size_t j = 0; j < per; j++) {
			size_t sa, sb;
			const double *xa = sim_column(alt, sim_money(la, line, 0, 0) + j, &sa);
			const double *xb = sim_column(base, sim_money(lb, line, 0, 0) + j, &sb);
			for (size_t r = 0; (xa != xb || sa != sb) && !d[j] && r < (size_t)alt->reps;
			     r++)
				d[j] = memcmp(&xa[r * sa], &xb[r * sb], sizeof *xa) != 0;
		}
	}
	for (size_t r = 0; !alt->cols && !base->cols && r < (size_t)alt->reps; r++) {
		const double *ra = alt->rows + r * la->width, *rb = base->rows + r * lb->width;
		for (int line = 0; line <= N_LINES; line++) {
			const double *ma = ra + sim_money(la, line, 0, 0);
			const double *mb = rb + sim_money(lb, line, 0, 0);
			bool *d = differ + mcol(alt, line, 0, 0);
			if (memcmp(ma, mb, per * sizeof *ma) == 0)
				continue; /* most lines: the base's */
			for (size_t j = 0; j < per; j++)
				d[j] |= memcmp(&ma[j], &mb[j], sizeof ma[j]) != 0;
		}
	}
	return true;
}

/* The column of c's line's money at calendar year y (or all years: y <
 * 0) and level, or NULL where its scenario pays nothing that year. */
static const double *mcols_at(const struct mcols *c, int line, int y, enum fund_level lv, size_t *k)
{
	const struct sim_layout *l = &c->o->layout;
	int yi = y < 0 ? l->years : y - c->first_paid;
	if (yi < 0 || yi > l->years || (y >= 0 && yi == l->years))
		return NULL;
	*k = mcol(c->o, line, yi, lv);
	return c->v + *k * (size_t)c->o->reps;
}

static size_t cindex(const struct study_compare *c, int line, int year, enum fund_level lv)
{
	return ((size_t)line * (size_t)(c->nyears + 1) + (size_t)year) * N_LEVELS + lv;
}

/* study_compare of the base's columns b (with their means). */
static enum study_status compare_cols(const struct mcols *b, const struct sim_output *alt,
				      int alt_first_paid, struct study_compare *out, char *err,
				      size_t errlen)
{
	const struct sim_output *base = b->o;
	memset(out, 0, sizeof *out);
	if (base->reps != alt->reps || !sim_kept(base) || !sim_kept(alt) || base->reps < 1) {
		snprintf(err, errlen,
			 _("compare needs two runs with their rows and the same "
			   "replications (%ld and %ld)"),
			 base->reps, alt->reps);
		return STUDY_FAILED;
	}
	int first = b->first_paid < alt_first_paid ? b->first_paid : alt_first_paid;
	int end_b = b->first_paid + base->layout.years, end_a = alt_first_paid + alt->layout.years;
	out->first_year = first;
	out->nyears = (end_b > end_a ? end_b : end_a) - first;
	out->reps = base->reps;
	size_t n = (size_t)base->reps;
	size_t ncell = (size_t)(N_LINES + 1) * (size_t)(out->nyears + 1) * N_LEVELS;
	struct mcols a = {0};
	out->cell = calloc(ncell, sizeof *out->cell);
	double *zero = calloc(n, sizeof *zero); /* a year a scenario does not pay */
	bool *differ = calloc(mcol(alt, N_LINES + 1, 0, 0), sizeof *differ);
	bool aligned = differ && columns_differ(b, alt, alt_first_paid, differ);
	if (!out->cell || !zero || !differ ||
	    mcols_make(alt, alt_first_paid, aligned ? differ : NULL, false, &a) != 0) {
		free(zero);
		free(differ);
		study_compare_free(out);
		snprintf(err, errlen, _("out of memory"));
		return STUDY_FAILED;
	}
	double zero_mean = gsl_stats_mean(zero, 1, n);
	for (int line = 0; line <= N_LINES; line++) {
		for (int y = 0; y <= out->nyears; y++) {
			int cal = y == out->nyears ? -1 : first + y;
			for (int lv = 0; lv < N_LEVELS; lv++) {
				struct study_ccell *cc = &out->cell[cindex(out, line, y, lv)];
				size_t kb, ka;
				const double *vb = mcols_at(b, line, cal, lv, &kb);
				const double *va = mcols_at(&a, line, cal, lv, &ka);
				cc->base = vb ? b->mean[kb] : zero_mean;
				/* the same numbers have the same mean */
				bool same = aligned && va && !differ[ka];
				if (same)
					va = vb;
				cc->alt = !va    ? zero_mean
					  : same ? cc->base
						 : gsl_stats_mean(va, 1, n);
				study_paired(va ? va : zero, 1, vb ? vb : zero, 1, n, &cc->d);
			}
		}
	}
	mcols_free(&a);
	free(zero);
	free(differ);
	return STUDY_OK;
}

enum study_status study_compare(const struct sim_output *base, int base_first_paid,
				const struct sim_output *alt, int alt_first_paid,
				struct study_compare *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	struct mcols b = {0};
	if (base->rows && base->reps >= 1 &&
	    mcols_make(base, base_first_paid, NULL, true, &b) != 0) {
		snprintf(err, errlen, _("out of memory"));
		return STUDY_FAILED;
	}
	b.o = base;
	enum study_status rc = compare_cols(&b, alt, alt_first_paid, out, err, errlen);
	mcols_free(&b);
	return rc;
}

struct compare_ctx {
	struct scenario *const *s;
	const struct sim_output *b;
	struct study_compare *cmp;
	struct mcols bcols; /* the base's, made at the first use */
	bool made;
};

static int first_paid(const struct scenario *s)
{
	return s->pol.start_year + s->pol.payment_lag;
}

static enum study_status compare_make(void *ctx, long i, struct scenario *s, char *err,
				      size_t errlen)
{
	(void)err;
	(void)errlen;
	*s = *((struct compare_ctx *)ctx)->s[i + 1];
	return STUDY_OK;
}

static enum study_status compare_use(void *ctx, long i, const struct sim_output *o, char *err,
				     size_t errlen)
{
	struct compare_ctx *x = ctx;
	bool ok = true;
#pragma omp critical(study_compare_base)
	{
		if (!x->made && x->b->rows && x->b->reps >= 1)
			ok = mcols_make(x->b, first_paid(x->s[0]), NULL, true, &x->bcols) == 0;
		x->made = ok;
		x->bcols.o = x->b;
	}
	if (!ok) {
		snprintf(err, errlen, _("out of memory"));
		return STUDY_FAILED;
	}
	return compare_cols(&x->bcols, o, first_paid(x->s[i + 1]), &x->cmp[i], err, errlen);
}

enum study_status study_compare_all(struct scenario *const *s, int ns, const struct study_cfg *c,
				    struct study_compare *cmp, char *err, size_t errlen)
{
	struct sim_output b = {0};
	struct compare_ctx x = {s, &b, cmp, {0}, false};
	struct variants v = {ns - 1, &x, compare_make, compare_use};
	long done = 0;
	enum study_status rc = run_variants(s[0], &v, c, &b, &done, ns, err, errlen);
	mcols_free(&x.bcols);
	sim_output_free(&b);
	for (int i = 0; rc != STUDY_OK && i < ns - 1; i++)
		study_compare_free(&cmp[i]);
	return rc;
}

const struct study_ccell *study_compare_at(const struct study_compare *c, int line, int year,
					   enum fund_level lv)
{
	return &c->cell[cindex(c, line, year, lv)];
}

void study_compare_free(struct study_compare *c)
{
	free(c->cell);
	memset(c, 0, sizeof *c);
}

/* ---- Sobol indices ---- */

/* Indices over the points idx[0..n) (NULL: all, in order). */
static void estimate(const struct study_sobol *s, const long *idx, double *s1, double *st,
		     double *mean, double *var)
{
	long n = s->n;
	double m = 0, v = 0;
	for (long j = 0; j < n; j++) {
		long p = idx ? idx[j] : j;
		m += s->fa[p] + s->fb[p];
	}
	m /= 2.0 * (double)n;
	for (long j = 0; j < n; j++) {
		long p = idx ? idx[j] : j;
		v += (s->fa[p] - m) * (s->fa[p] - m) + (s->fb[p] - m) * (s->fb[p] - m);
	}
	v /= 2.0 * (double)n - 1;
	*mean = m;
	*var = v;
	for (int i = 0; i < s->k; i++) {
		const double *fab = s->fab + (size_t)i * (size_t)n;
		double a = 0, t = 0;
		for (long j = 0; j < n; j++) {
			long p = idx ? idx[j] : j;
			double d = fab[p] - s->fa[p];
			a += (s->fb[p] - m) * d;
			t += d * d;
		}
		s1[i] = v > 0 ? a / (double)n / v : 0;
		st[i] = v > 0 ? t / (2.0 * (double)n) / v : 0;
	}
}

enum study_status study_sobol_indices(struct study_sobol *s, uint64_t seed)
{
	int k = s->k;
	estimate(s, NULL, s->s1, s->st, &s->mean, &s->var);
	s->flat = !(s->var > 0);
	long *idx = malloc((size_t)s->n * sizeof *idx);
	size_t nb = (size_t)(s->boot > 0 ? s->boot : 1) * (size_t)k;
	double *b1 = malloc(nb * sizeof *b1), *bt = malloc(nb * sizeof *bt);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	enum study_status rc = idx && b1 && bt && r ? STUDY_OK : STUDY_FAILED;
	if (rc == STUDY_OK && s->boot > 0) {
		gsl_rng_set(r, (unsigned long)seed);
		for (int b = 0; b < s->boot; b++) {
			double m, v, one[STUDY_MAX_SOBOL], tot[STUDY_MAX_SOBOL];
			for (long j = 0; j < s->n; j++)
				idx[j] = (long)gsl_rng_uniform_int(r, (unsigned long)s->n);
			estimate(s, idx, one, tot, &m, &v);
			for (int i = 0; i < k; i++) {
				b1[(size_t)i * (size_t)s->boot + (size_t)b] = one[i];
				bt[(size_t)i * (size_t)s->boot + (size_t)b] = tot[i];
			}
		}
		for (int i = 0; i < k; i++) {
			double *x = b1 + (size_t)i * (size_t)s->boot,
			       *y = bt + (size_t)i * (size_t)s->boot;
			gsl_sort(x, 1, (size_t)s->boot);
			gsl_sort(y, 1, (size_t)s->boot);
			s->s1_lo[i] = gsl_stats_quantile_from_sorted_data(x, 1, (size_t)s->boot,
									  0.025);
			s->s1_hi[i] = gsl_stats_quantile_from_sorted_data(x, 1, (size_t)s->boot,
									  0.975);
			s->st_lo[i] = gsl_stats_quantile_from_sorted_data(y, 1, (size_t)s->boot,
									  0.025);
			s->st_hi[i] = gsl_stats_quantile_from_sorted_data(y, 1, (size_t)s->boot,
									  0.975);
		}
	} else if (rc == STUDY_OK) {
		for (int i = 0; i < k; i++) {
			s->s1_lo[i] = s->s1_hi[i] = s->s1[i];
			s->st_lo[i] = s->st_hi[i] = s->st[i];
		}
	}
	if (r)
		gsl_rng_free(r);
	free(idx);
	free(b1);
	free(bt);
	return rc;
}

/* Saltelli's design into out (k, n, boot, u; room for fa, fb, fab). */
static enum study_status sobol_design(int k, long n, int boot, struct study_sobol *out, char *err,
				      size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (k < 1 || k > STUDY_MAX_SOBOL || n < 2 || boot < 0) {
		snprintf(err, errlen,
			 _("Sobol indices need 1 to %d parameters, 2 or more points "
			   "and 0 or more resamples (got %d, %ld, %d)"),
			 STUDY_MAX_SOBOL, k, n, boot);
		return STUDY_INVALID;
	}
	out->k = k;
	out->n = n;
	out->boot = boot;
	size_t dim = 2 * (size_t)k, un = (size_t)n;
	out->u = malloc(un * dim * sizeof *out->u);
	out->fa = malloc(un * sizeof *out->fa);
	out->fb = malloc(un * sizeof *out->fb);
	out->fab = malloc(un * (size_t)k * sizeof *out->fab);
	gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, (unsigned)dim);
	enum study_status rc = out->u && out->fa && out->fb && out->fab && q ? STUDY_OK
									     : STUDY_FAILED;
	if (rc != STUDY_OK)
		snprintf(err, errlen, _("out of memory"));
	for (size_t j = 0; rc == STUDY_OK && j < un; j++)
		if (gsl_qrng_get(q, out->u + j * dim) != 0) {
			snprintf(err, errlen, _("the Sobol sequence failed at point %zu"), j);
			rc = STUDY_FAILED;
		}
	if (q)
		gsl_qrng_free(q);
	if (rc != STUDY_OK)
		study_sobol_free(out);
	return rc;
}

/* Evaluation i of the design, in the order of study.h (A, then B, then
 * each A_B^m; i = m n + j): its point into x (k values), and where its
 * value goes. */
static double *sobol_at(const struct study_sobol *s, long i, double *x)
{
	long m = i / s->n, j = i % s->n;
	int k = s->k;
	const double *a = s->u + (size_t)j * 2 * (size_t)k, *b = a + k;
	memcpy(x, m == 1 ? b : a, (size_t)k * sizeof *x);
	if (m >= 2)
		x[m - 2] = b[m - 2];
	return m == 0   ? &s->fa[j]
	       : m == 1 ? &s->fb[j]
			: &s->fab[(size_t)(m - 2) * (size_t)s->n + (size_t)j];
}

enum study_status study_sobol(int k, long n, int boot, uint64_t seed, study_fn f, void *ctx,
			      study_progress_fn prog, void *progress_ctx, struct study_sobol *out,
			      char *err, size_t errlen)
{
	enum study_status rc = sobol_design(k, n, boot, out, err, errlen);
	if (rc != STUDY_OK)
		return rc;
	double x[STUDY_MAX_SOBOL];
	long total = n * (k + 2);
	for (long i = 0; rc == STUDY_OK && i < total; i++) {
		double *y = sobol_at(out, i, x);
		rc = f(x, y, ctx);
		if (rc == STUDY_OK && !isfinite(*y)) {
			snprintf(err, errlen, _("the model gave %g at point %zu"), *y,
				 (size_t)(i % n));
			rc = STUDY_FAILED;
		} else if (rc != STUDY_OK) {
			snprintf(err, errlen, _("the model failed at point %zu"), (size_t)(i % n));
		}
		if (prog)
			prog(progress_ctx, i + 1, total);
	}
	if (rc == STUDY_OK && study_sobol_indices(out, seed) != STUDY_OK) {
		snprintf(err, errlen, _("out of memory"));
		rc = STUDY_FAILED;
	}
	if (rc != STUDY_OK)
		study_sobol_free(out);
	return rc;
}

void study_sobol_free(struct study_sobol *s)
{
	free(s->u);
	free(s->fa);
	free(s->fb);
	free(s->fab);
	memset(s, 0, sizeof *s);
}

/* The scenario at a point u of base's [sensitivity] ranges, into s. */
static enum study_status at_point(const struct scenario *base, const double *u, struct scenario *s,
				  char *err, size_t errlen)
{
	*s = *base;
	for (int i = 0; i < base->nsens; i++) {
		const struct param_range *r = &base->sens[i];
		double v = r->lo + u[i] * (r->hi - r->lo);
		enum study_status rc = study_set(s, r->param, v, err, errlen);
		if (rc != STUDY_OK)
			return rc;
	}
	return STUDY_OK;
}

/* The simulator over the design: evaluation i is a variant (run_variants),
 * its value the mean total. */
struct sobol_ctx {
	const struct scenario *base;
	struct study_sobol *out;
};

static enum study_status sobol_make(void *ctx, long i, struct scenario *s, char *err, size_t errlen)
{
	struct sobol_ctx *x = ctx;
	double u[STUDY_MAX_SOBOL];
	sobol_at(x->out, i, u);
	return at_point(x->base, u, s, err, errlen);
}

static enum study_status sobol_use(void *ctx, long i, const struct sim_output *o, char *err,
				   size_t errlen)
{
	struct sobol_ctx *x = ctx;
	double u[STUDY_MAX_SOBOL], sd;
	double *y = sobol_at(x->out, i, u);
	size_t stride; /* a study's run keeps its rows or its own columns */
	const double *t = sim_column(o, total_col(o), &stride);
	stats_mean_sd(t, stride, (size_t)o->reps, y, &sd);
	if (!isfinite(*y)) {
		snprintf(err, errlen, _("the model gave %g at point %zu"), *y,
			 (size_t)(i % x->out->n));
		return STUDY_FAILED;
	}
	return STUDY_OK;
}

enum study_status study_sobol_sim(const struct scenario *s, long n, int boot,
				  const struct study_cfg *c, struct study_sobol *out, char *err,
				  size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (s->nsens < 1) {
		snprintf(err, errlen,
			 _("scenario %s declares no uncertain parameters: add a "
			   "[sensitivity] section, e.g. growth.mean = 5%%:13%% (one key a "
			   "parameter, its range LO:HI)"),
			 s->name);
		return STUDY_INVALID;
	}
	struct scenario *v = malloc(sizeof *v);
	if (!v) {
		snprintf(err, errlen, _("out of memory"));
		return STUDY_FAILED;
	}
	/* the corners where every key is at its low or its high end */
	enum study_status rc = STUDY_OK;
	for (int side = 0; rc == STUDY_OK && side < 2; side++) {
		double u[STUDY_MAX_SOBOL];
		for (int i = 0; i < s->nsens; i++)
			u[i] = side;
		rc = at_point(s, u, v, err, errlen);
	}
	free(v);
	if (rc == STUDY_OK)
		rc = sobol_design(s->nsens, n, boot, out, err, errlen);
	if (rc != STUDY_OK)
		return rc;
	/* every point a variant of s: those of rule keys only share its
	 * populations, the others run side by side (run_variants) */
	struct sobol_ctx x = {s, out};
	struct variants vs = {n * (s->nsens + 2), &x, sobol_make, sobol_use};
	long done = 0;
	rc = run_variants(s, &vs, c, NULL, &done, vs.n, err, errlen);
	if (rc == STUDY_OK && study_sobol_indices(out, c->seed) != STUDY_OK) {
		snprintf(err, errlen, _("out of memory"));
		rc = STUDY_FAILED;
	}
	if (rc != STUDY_OK)
		study_sobol_free(out);
	return rc;
}
