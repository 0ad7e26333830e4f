/* sim_run.c - replications in parallel blocks, in replication order. */
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comm.h"
#include "sim.h"
#include "i18n.h"

void sim_output_free(struct sim_output *o)
{
	results_free(o->res);
	free(o->trace);
	memset(o, 0, sizeof *o);
}

int sim_envelopes(const struct model *m, struct envelope *e)
{
	const struct envelope all[MAX_ENVELOPES] = {
		{"annual_total", LV_TOTAL, true, m->budget.annual_total},
		{"annual_provincial", LV_PROVINCIAL, true, m->budget.annual_provincial},
		{"annual_municipal", LV_MUNICIPAL, true, m->budget.annual_municipal},
		{"annual_district", LV_DISTRICT, true, m->budget.annual_district},
		{"total", LV_TOTAL, false, m->budget.total},
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

/* Replications [lo, hi) into rows, in parallel; false if one failed. */
static bool compute(const struct policy *p, const struct sim_config *c, const struct sim_layout *l,
		    struct sim_work **work, int threads, long lo, long hi, double *rows)
{
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
	for (long i = lo; i < hi; i++) {
		struct sim_work *w = work[omp_get_thread_num()];
		sim_rep(p, c->stock, c->known, c->seed, i, l, rows + (size_t)(i - lo) * l->width, w,
			NULL);
	}
	for (long i = lo; i < hi; i++)
		if (isnan(rows[(size_t)(i - lo) * l->width]))
			return false;
	return true;
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

int sim_run(const struct policy *p, const struct sim_config *c, struct sim_output *out, char *err,
	    size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (c->lean)
		sim_layout_lean(p, &out->layout);
	else
		sim_layout(p, &out->layout);
	const struct sim_layout *l = &out->layout;
	const struct comm *cw = comm_world();
	int threads = c->threads > 0 ? c->threads : omp_get_max_threads();
	/* with R ranks a step is R x sim_blocks(threads) blocks, made in one
	 * parallel region; each rank makes a contiguous share */
	long per_rank = (long)SIM_BLOCK * sim_blocks(threads);
	long step = per_rank * cw->size;
	double *block = malloc((size_t)step * l->width * sizeof *block);
	double *mine = cw->size > 1 ? malloc((size_t)per_rank * l->width * sizeof *mine) : block;
	size_t *counts = calloc((size_t)cw->size, sizeof *counts);
	struct sim_work **work = calloc((size_t)threads, sizeof *work);
	out->res = results_new(l->width, c->exact_bytes ? c->exact_bytes : SIM_EXACT_BYTES);
	out->threads = threads;
	if (out->res)
		results_threads(out->res, threads);
	bool ok = block && mine && counts && work && out->res && track_envelopes(p, out) == 0 &&
		  results_watch(out->res, sim_money(l, N_LINES, l->years, LV_TOTAL)) == 0 &&
		  results_reserve(out->res, (size_t)c->reps) == 0;
	for (int t = 0; ok && t < threads; t++)
		ok = (work[t] = sim_work_new()) != NULL;
	int failed = cw->first_failure(ok);
	bool done = false;
	while (failed < 0 && out->reps < c->reps && !done) {
		long base = out->reps, n = c->reps - base < step ? c->reps - base : step;
		for (int r = 0; r < cw->size; r++)
			counts[r] = (size_t)(n * (r + 1) / cw->size - n * r / cw->size) * l->width;
		long lo = base + n * cw->rank / cw->size, hi = base + n * (cw->rank + 1) / cw->size;
		/* one process writes the rows where the results keep them: no
		 * serial copy, and their pages are first touched in parallel */
		double *kept = cw->size == 1 ? results_next(out->res, (size_t)n) : NULL;
		ok = compute(p, c, l, work, threads, lo, hi, kept ? kept : mine);
		if ((failed = cw->first_failure(ok)) >= 0)
			break;
		ok = (kept || cw->allgather(mine, block, counts) == 0) &&
		     add_rows(c, out, kept ? kept : block, n, &done);
		if ((failed = cw->first_failure(ok)) >= 0)
			break;
		int stop = c->stop && *c->stop; /* rank 0's Ctrl-C decides for all */
		if (cw->bcast(&stop, sizeof stop) == 0 && stop) {
			out->stopped = true;
			break;
		}
	}
	bool overflow = false;
	for (int t = 0; work && t < threads; t++) {
		if (work[t]) {
			out->firm_years += sim_work_firm_years(work[t]);
			overflow |= sim_work_overflow(work[t]);
		}
		sim_work_free(work[t]);
	}
	free(work);
	if (mine != block)
		free(mine);
	free(block);
	free(counts);
	if (failed >= 0) {
		long made = out->reps; /* sim_output_free clears it */
		sim_output_free(out);
		if (overflow)
			snprintf(err, errlen, "%s", TOTALS_OVERFLOW_MSG);
		else if (cw->size > 1)
			snprintf(err, errlen, _("rank %d: out of memory after %ld replications"),
				 failed, made);
		else
			snprintf(err, errlen, _("out of memory after %ld replications"), made);
		return -1;
	}
	out->rows = results_rows(out->res);
	return 0;
}
