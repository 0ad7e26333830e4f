/* sim_run.c - replications in parallel blocks, in replication order. */
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comm.h"
#include "sim.h"
#include "sim_cols.h"
#include "i18n.h"

void sim_output_free(struct sim_output *o)
{
	results_free(o->res);
	sim_cols_free(o->cols);
	free(o->trace);
	memset(o, 0, sizeof *o);
}

int sim_envelopes(const struct model *m, struct envelope *e)
{
	const struct envelope all[MAX_ENVELOPES] = {
		{"annual_total", N_("Annual budget, all levels"), LV_TOTAL, true,
		 m->budget.annual_total},
		{"annual_provincial", N_("Annual provincial budget"), LV_PROVINCIAL, true,
		 m->budget.annual_provincial},
		{"annual_municipal", N_("Annual municipal budget"), LV_MUNICIPAL, true,
		 m->budget.annual_municipal},
		{"annual_district", N_("Annual district budget"), LV_DISTRICT, true,
		 m->budget.annual_district},
		{"total", N_("Budget over all paid years"), LV_TOTAL, false, m->budget.total},
	};
	int n = 0;
	for (int i = 0; i < MAX_ENVELOPES; i++)
		if (all[i].limit > 0)
			e[n++] = all[i];
	return n;
}

/* Ask the results to count overruns of every envelope, so that they are
 * known even once statistics stream. */
static int track_envelopes(const struct policy *p, struct sim_output *o)
{
	struct envelope e[MAX_ENVELOPES];
	int ne = sim_envelopes(&p->model, e);
	for (int i = 0; i < ne; i++) {
		int y0 = e[i].annual ? 0 : o->layout.years;
		int y1 = e[i].annual ? o->layout.years - 1 : o->layout.years;
		for (int y = y0; y <= y1; y++)
			if (results_track(o->res, sim_money(&o->layout, N_LINES, y, e[i].lv),
					  e[i].limit) != 0)
				return -1;
	}
	/* under prorata: how often the cap binds, and what it cuts */
	for (int y = 0; ne && y <= o->layout.years; y++)
		if (results_track(o->res, sim_cut(&o->layout, y), 0) != 0)
			return -1;
	return 0;
}

/* Record the mean total and its standard error after a block: the
 * results keep the total's column contiguous for it (results_watch). */
static int trace(struct sim_output *o)
{
	struct sim_trace *nt = realloc(o->trace, (size_t)(o->ntrace + 1) * sizeof *nt);
	if (!nt)
		return -1;
	o->trace = nt;
	double mean, sd;
	results_mean_sd(o->res, sim_money(&o->layout, N_LINES, o->layout.years, LV_TOTAL), &mean,
			&sd);
	o->trace[o->ntrace++] = (struct sim_trace){o->reps, mean, sd / sqrt((double)o->reps)};
	return 0;
}

int sim_blocks(int threads)
{
	/* at least 16 replications a thread a region, so that its end, where
	 * threads wait for the last replication, stays a small share */
	int b = (16 * threads + SIM_BLOCK - 1) / SIM_BLOCK;
	return b < 1 ? 1 : b;
}

double sim_halfwidth(const struct sim_output *o)
{
	if (o->ntrace == 0)
		return INFINITY;
	const struct sim_trace *t = &o->trace[o->ntrace - 1];
	return t->mean != 0 ? 1.96 * t->se / fabs(t->mean) : t->se == 0 ? 0 : INFINITY;
}

/* Whether the 95% interval of the mean total is within precision of it. */
static bool converged(const struct sim_output *o, double precision)
{
	return o->reps >= 2 * SIM_BLOCK && sim_halfwidth(o) <= precision;
}

/* What a run's replications are made of: each sampled and applied to
 * each of n policies (the same population), or a cache's samples. */
struct source {
	const struct policy *const *p;
	int n;
	const struct sim_cache *cache; /* or NULL */
	bool (*moved)[N_LINES];        /* n > 1: policy k's lines moved from p[0]'s */
	bool (*amounts)[N_LINES];      /* of those, the ones that move amounts only */
	bool *some;                    /* and whether it moves lines only (sim_moved_lines) */
};

struct sim_cache {
	struct policy pol; /* the policy the samples were drawn with */
	long reps;
	struct sim_sample **s; /* reps of them, replication i at s[i] */
	size_t bytes;
};

/* Per-thread scratch of a run: a row for the sparse variants' (as wide
 * as the widest layout). */
struct crew {
	int threads;
	struct sim_work **work;
	struct sim_sample **samp;
	double **row;
};

static void crew_free(struct crew *k)
{
	for (int t = 0; t < k->threads; t++) {
		if (k->work)
			sim_work_free(k->work[t]);
		if (k->samp)
			sim_sample_free(k->samp[t]);
		if (k->row)
			free(k->row[t]);
	}
	free(k->work);
	free(k->samp);
	free(k->row);
	memset(k, 0, sizeof *k);
}

static bool crew_new(struct crew *k, int threads, size_t width)
{
	k->threads = threads;
	k->work = calloc((size_t)threads, sizeof *k->work);
	k->samp = calloc((size_t)threads, sizeof *k->samp);
	k->row = calloc((size_t)threads, sizeof *k->row);
	bool ok = k->work && k->samp && k->row;
	for (int t = 0; ok && t < threads; t++)
		ok = (k->work[t] = sim_work_new()) && (k->samp[t] = sim_sample_new()) &&
		     (!width || (k->row[t] = malloc(width * sizeof *k->row[t])));
	return ok;
}

/* Replications [lo, hi) into rows[v] (variant v's block), or for a
 * sparse variant (out[v].cols) its cells that differ from variant 0's, in
 * parallel; false if one failed. */
static bool compute(const struct source *src, const struct sim_config *c, struct sim_output *out,
		    struct crew *k, long lo, long hi, double *const *rows)
{
	bool bad = false;
#pragma omp parallel for schedule(dynamic, 1) num_threads(k->threads)
	for (long i = lo; i < hi; i++) {
		int t = omp_get_thread_num();
		struct sim_work *w = k->work[t];
		const struct sim_sample *s = src->cache ? src->cache->s[i] : k->samp[t];
		if (!src->cache && src->n == 1) { /* one policy: nothing to keep */
			sim_rep(src->p[0], c->stock, c->known, c->seed, i, &out[0].layout,
				rows[0] + (size_t)(i - lo) * out[0].layout.width, w, NULL);
			continue;
		}
		if (!src->cache)
			sim_sample(src->p[0], c->stock, c->known, c->seed, i, k->samp[t], w);
		for (int v = 0; v < src->n; v++) {
			const struct sim_layout *l = &out[v].layout;
			double *row = out[v].cols ? k->row[t]
						  : rows[v] + (size_t)(i - lo) * l->width;
			/* with several, the first is the reference: the others run
			 * the rules of their moved lines only */
			if (src->n > 1 && v == 0)
				sim_apply_ref(src->p[v], s, l, row, w);
			else if (src->n > 1 && src->some[v])
				sim_apply_moved(src->p[v], s, l, row, w, src->moved[v],
						src->amounts[v]);
			else
				sim_apply(src->p[v], s, l, row, w, NULL);
			if (out[v].cols && !sim_cols_diff(out[v].cols, t, i - lo, row,
							  rows[0] + (size_t)(i - lo) * l->width)) {
#pragma omp atomic write
				bad = true;
			}
		}
	}
	for (int v = 0; v < src->n; v++)
		for (long i = lo; i < hi && !out[v].cols; i++)
			if (isnan(rows[v][(size_t)(i - lo) * out[v].layout.width]))
				return false;
	return !bad;
}

/* The bytes of rows a run keeps for exact percentiles. */
static size_t exact_budget(const struct sim_config *c)
{
	return c->exact_bytes ? c->exact_bytes : SIM_EXACT_BYTES;
}

/* Whether variant v > 0 of a run can keep its cells apart from variant
 * 0's (sim_config.sparse): variant 0's rows all kept, the same layout. */
static bool sparse_variant(const struct source *src, const struct sim_config *c,
			   const struct sim_output *out, int v)
{
	const struct sim_layout *l = &out[0].layout;
	return c->sparse && v > 0 && v < src->n &&
	       (size_t)c->reps <= results_most(l->width, exact_budget(c)) &&
	       memcmp(&out[v].layout, l, sizeof *l) == 0;
}

/* Add n rows in blocks of SIM_BLOCK, as one process would: the same
 * checkpoints for the trace and --precision whatever the rank or thread
 * count, and whatever the blocks a parallel region makes (rows past the
 * block where precision is reached are dropped). Sets *done when
 * precision is reached. */
static bool add_rows(const struct sim_config *c, struct sim_output *out, const double *rows, long n,
		     bool *done)
{
	for (long off = 0; off < n && !*done; off += SIM_BLOCK) {
		long k = n - off < SIM_BLOCK ? n - off : SIM_BLOCK;
		if (results_add(out->res, rows + (size_t)off * out->layout.width, (size_t)k) != 0)
			return false;
		out->reps += k;
		if (trace(out) != 0)
			return false;
		if (c->progress)
			c->progress(c->progress_ctx, out->reps, c->reps);
		*done = c->precision > 0 && converged(out, c->precision);
	}
	return true;
}

/* A sparse variant's cells of a step's n replications, each rank's mine
 * of them, to every rank (collectives: every rank calls it, ok or not). */
static bool gather_cells(const struct comm *cw, struct sim_cols *cols, long mine, long n,
			 size_t *counts, bool ok)
{
	double *buf = NULL, *all = NULL, len;
	size_t nbuf = 0, total = 0;
	double *lens = malloc((size_t)cw->size * sizeof *lens);
	if (cw->first_failure(lens != NULL) >= 0) { /* every rank has room, or none goes on */
		free(lens);
		return false;
	}
	ok = ok && sim_cols_pack(cols, mine, &buf, &nbuf) == 0;
	len = ok ? (double)nbuf : 0; /* a rank that failed sends nothing */
	for (int r = 0; r < cw->size; r++)
		counts[r] = 1;
	ok = cw->allgather(&len, lens, counts) == 0 && ok;
	for (int r = 0; r < cw->size; r++) {
		counts[r] = (size_t)lens[r];
		total += counts[r];
	}
	all = malloc((total ? total : 1) * sizeof *all);
	if (cw->first_failure(all != NULL) >= 0)
		ok = false;
	else
		ok = cw->allgather(buf, all, counts) == 0 && ok &&
		     sim_cols_unpack(cols, all, total, n) == 0;
	free(buf);
	free(all);
	free(lens);
	return ok;
}

/* sim_run of every policy of src into out[0 .. n), in the same blocks. */
static int run(const struct source *src, const struct sim_config *c, struct sim_output *out,
	       char *err, size_t errlen)
{
	int nv = src->n;
	const struct comm *cw = comm_world();
	int threads = c->threads > 0 ? c->threads : omp_get_max_threads();
	/* with R ranks a step is R x sim_blocks(threads) blocks, made in one
	 * parallel region; each rank makes a contiguous share */
	long per_rank = (long)SIM_BLOCK * sim_blocks(threads);
	long step = per_rank * cw->size;
	double **block = calloc((size_t)nv, sizeof *block); /* a step's rows, gathered */
	double **mine = calloc((size_t)nv, sizeof *mine);   /* this rank's share */
	double **rows = calloc((size_t)nv, sizeof *rows);   /* where compute writes */
	double **at = calloc((size_t)nv, sizeof *at);       /* the step's rows, kept */
	size_t *counts = calloc((size_t)cw->size, sizeof *counts);
	struct crew k = {0};
	for (int v = 0; v < nv; v++) {
		memset(&out[v], 0, sizeof out[v]);
		if (c->lean)
			sim_layout_lean(src->p[v], &out[v].layout);
		else
			sim_layout(src->p[v], &out[v].layout);
		out[v].threads = threads;
	}
	bool sparse = false; /* some variant is: the crew's rows for them */
	for (int v = 1; v < nv; v++)
		sparse |= sparse_variant(src, c, out, v);
	bool ok = block && mine && rows && at && counts &&
		  crew_new(&k, threads, sparse ? out[0].layout.width : 0);
	for (int v = 0; v < nv; v++) {
		const struct sim_layout *l = &out[v].layout;
		if (!ok)
			continue;
		if (sparse_variant(src, c, out, v)) {
			out[v].cols = sim_cols_new(&out[0], l->width, c->reps, threads, step);
			ok = out[v].cols != NULL;
			continue;
		}
		out[v].res = results_new(l->width, exact_budget(c));
		if (out[v].res)
			results_threads(out[v].res, threads);
		ok = out[v].res && track_envelopes(src->p[v], &out[v]) == 0 &&
		     results_watch(out[v].res, sim_money(l, N_LINES, l->years, LV_TOTAL)) == 0 &&
		     results_reserve(out[v].res, (size_t)c->reps) == 0;
	}
	int failed = cw->first_failure(ok);
	bool done = false;
	while (failed < 0 && out[0].reps < c->reps && !done) {
		long base = out[0].reps, n = c->reps - base < step ? c->reps - base : step;
		long lo = base + (long)comm_share(cw, (size_t)n, cw->rank),
		     hi = base + (long)comm_share(cw, (size_t)n, cw->rank + 1);
		/* a step's rows are written where the results keep them
		 * (results_next), each rank its share, and gathered there in
		 * place; or else (streaming) in a block made when first needed,
		 * a rank's share in mine. In place only if every rank keeps them
		 * (MPI's in-place gather is all or none). */
		for (int v = 0; v < nv; v++) { /* every v on every rank: a collective */
			size_t width = out[v].layout.width;
			if (out[v].cols) { /* sim_cols_diff keeps its cells */
				rows[v] = NULL;
				continue;
			}
			double *kept = ok ? results_next(out[v].res, (size_t)n) : NULL;
			if (cw->size > 1 && cw->first_failure(kept != NULL) >= 0)
				kept = NULL;
			if (!ok)
				continue;
			if (!kept && !block[v]) {
				block[v] = malloc((size_t)step * width * sizeof *block[v]);
				mine[v] = cw->size == 1 ? block[v]
							: malloc((size_t)per_rank * width *
								 sizeof *mine[v]);
			}
			at[v] = kept;
			rows[v] = kept ? kept + (size_t)(lo - base) * width : mine[v];
			ok = rows[v] && (kept || block[v]);
		}
		ok = ok && compute(src, c, out, &k, lo, hi, rows);
		if ((failed = cw->first_failure(ok)) >= 0)
			break;
		for (int v = 0; v < nv; v++) { /* every v on every rank: a collective */
			size_t width = out[v].layout.width;
			if (out[v].cols) { /* after variant 0's rows: it reads them */
				if (cw->size > 1)
					ok = gather_cells(cw, out[v].cols, hi - lo, n, counts, ok);
				ok = ok && sim_cols_add(out[v].cols, n) == 0;
				out[v].reps += n;
				if (ok && c->progress)
					c->progress(c->progress_ctx, out[v].reps, c->reps);
				continue;
			}
			double *all = at[v] ? at[v] : block[v];
			for (int r = 0; r < cw->size; r++)
				counts[r] = (comm_share(cw, (size_t)n, r + 1) -
					     comm_share(cw, (size_t)n, r)) *
					    width;
			bool dv = false; /* precision stops a single run (sim_run_many has none) */
			bool got = cw->allgather(at[v] ? NULL : mine[v], all, counts) == 0;
			ok = ok && got && add_rows(c, &out[v], all, n, &dv);
			done |= dv;
		}
		if ((failed = cw->first_failure(ok)) >= 0)
			break;
		int stop = c->stop && *c->stop; /* rank 0's Ctrl-C decides for all */
		if (cw->bcast(&stop, sizeof stop) == 0 && stop) {
			for (int v = 0; v < nv; v++)
				out[v].stopped = true;
			break;
		}
	}
	bool overflow = false;
	long long firm_years = 0; /* each variant's, as if it ran alone */
	for (int t = 0; k.work && t < threads; t++) {
		if (k.work[t]) {
			firm_years += sim_work_firm_years(k.work[t]);
			overflow |= sim_work_overflow(k.work[t]);
		}
	}
	for (long i = 0; src->cache && i < out[0].reps; i++)
		firm_years += sim_sample_firm_years(src->cache->s[i]);
	for (int v = 0; v < nv; v++)
		out[v].firm_years = firm_years;
	crew_free(&k);
	for (int v = 0; block && mine && v < nv; v++) {
		if (mine[v] != block[v])
			free(mine[v]);
		free(block[v]);
	}
	free(block);
	free(mine);
	free(rows);
	free(at);
	free(counts);
	if (failed >= 0) {
		long made = out[0].reps; /* sim_output_free clears it */
		for (int v = 0; v < nv; v++)
			sim_output_free(&out[v]);
		if (overflow)
			snprintf(err, errlen, "%s", TOTALS_OVERFLOW_MSG);
		else if (cw->size > 1)
			snprintf(err, errlen, _("rank %d: out of memory after %ld replications"),
				 failed, made);
		else
			snprintf(err, errlen, _("out of memory after %ld replications"), made);
		return -1;
	}
	for (int v = 0; v < nv; v++)
		out[v].rows = out[v].res ? results_rows(out[v].res) : NULL;
	return 0;
}

int sim_run(const struct policy *p, const struct sim_config *c, struct sim_output *out, char *err,
	    size_t errlen)
{
	struct source src = {.p = &p, .n = 1};
	return run(&src, c, out, err, errlen);
}

int sim_run_many(const struct policy *const *p, int n, const struct sim_config *c,
		 struct sim_output *out, char *err, size_t errlen)
{
	for (int v = 0; v < n; v++)
		memset(&out[v], 0, sizeof out[v]);
	if (n < 1 || c->precision > 0) {
		snprintf(err, errlen, "sim_run_many: 1 or more policies and no precision rule");
		return -1;
	}
	for (int v = 1; v < n; v++) {
		if (!sim_same_population(p[0], p[v])) {
			snprintf(err, errlen,
				 "sim_run_many: policy %d samples another population than policy 0",
				 v);
			return -1;
		}
	}
	struct source src = {.p = p,
			     .n = n,
			     .moved = calloc((size_t)n, sizeof *src.moved),
			     .amounts = calloc((size_t)n, sizeof *src.amounts),
			     .some = calloc((size_t)n, sizeof *src.some)};
	int rc = -1;
	if (src.moved && src.amounts && src.some) {
		for (int v = 1; v < n; v++) {
			src.some[v] = sim_moved_lines(p[0], p[v], src.moved[v]);
			sim_moved_amounts(p[0], p[v], src.moved[v], src.amounts[v]);
		}
		rc = run(&src, c, out, err, errlen);
	} else {
		snprintf(err, errlen, _("out of memory"));
	}
	free(src.moved);
	free(src.amounts);
	free(src.some);
	return rc;
}

void sim_cache_free(struct sim_cache *k)
{
	if (!k)
		return;
	for (long i = 0; k->s && i < k->reps; i++)
		sim_sample_free(k->s[i]);
	free(k->s);
	free(k);
}

size_t sim_cache_bytes(const struct sim_cache *k)
{
	return k->bytes;
}

long sim_cache_reps(const struct sim_cache *k)
{
	return k->reps;
}

bool sim_cache_fits(const struct sim_cache *k, const struct policy *p)
{
	return sim_same_population(&k->pol, p);
}

/* Sample replications [lo, hi) of the cache, in parallel; false if one
 * ran out of memory. */
static bool sample_block(struct sim_cache *k, const struct sim_config *c, struct crew *cr, long lo,
			 long hi)
{
	bool ok = true;
#pragma omp parallel for schedule(dynamic, 1) num_threads(cr->threads) reduction(&& : ok)
	for (long i = lo; i < hi; i++) {
		struct sim_work *w = cr->work[omp_get_thread_num()];
		struct sim_sample *s = k->s[i] = sim_sample_new();
		bool one = s && sim_sample(&k->pol, c->stock, c->known, c->seed, i, s, w) == 0 &&
			   sim_sample_shrink(s) == 0;
		ok = ok && one;
	}
	return ok;
}

int sim_cache_new(const struct policy *p, const struct sim_config *c, struct sim_cache **out,
		  char *err, size_t errlen)
{
	*out = NULL;
	int threads = c->threads > 0 ? c->threads : omp_get_max_threads();
	struct sim_cache *k = calloc(1, sizeof *k);
	struct crew cr = {0};
	bool ok = k && c->reps >= 1 && (k->s = calloc((size_t)c->reps, sizeof *k->s)) &&
		  crew_new(&cr, threads, 0);
	if (k) {
		k->pol = *p;
		k->reps = c->reps;
	}
	int rc = ok ? 0 : -1;
	for (long lo = 0; rc == 0 && lo < c->reps; lo += SIM_BLOCK) {
		long hi = c->reps - lo < SIM_BLOCK ? c->reps : lo + SIM_BLOCK;
		if (!sample_block(k, c, &cr, lo, hi)) {
			rc = -1;
			break;
		}
		if (c->progress)
			c->progress(c->progress_ctx, hi, c->reps);
		if (c->stop && *c->stop)
			rc = 1;
	}
	crew_free(&cr);
	for (long i = 0; rc == 0 && i < k->reps; i++)
		k->bytes += sim_sample_bytes(k->s[i]);
	if (rc == 0) {
		k->bytes += sizeof *k + (size_t)k->reps * sizeof *k->s;
		*out = k;
		return 0;
	}
	sim_cache_free(k);
	snprintf(err, errlen, "%s",
		 rc > 0        ? "interrupted"
		 : c->reps < 1 ? "no replications to keep"
			       : "out of memory keeping the populations");
	return rc;
}

int sim_cache_run(const struct sim_cache *k, const struct policy *p, const struct sim_config *c,
		  struct sim_output *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (!sim_cache_fits(k, p)) {
		snprintf(err, errlen,
			 "the policy samples another population than the kept one (a model "
			 "key or the policy window changed): run it afresh");
		return -1;
	}
	if (c->reps > k->reps) {
		snprintf(err, errlen, "%ld replications asked, %ld kept", c->reps, k->reps);
		return -1;
	}
	struct source src = {.p = &p, .n = 1, .cache = k};
	return run(&src, c, out, err, errlen);
}
