/* sim_run.c - replications in parallel blocks, in replication order. */
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

void sim_layout(const struct policy *p, struct sim_layout *l)
{
	l->years = p->years;
	size_t cells = (size_t)(N_LINES + 1) * (size_t)(p->years + 1);
	l->money = 0;
	l->recipients = cells * N_LEVELS;
	l->cut = l->recipients + cells;
	l->width = l->cut + (size_t)p->years + 1;
}

size_t sim_money(const struct sim_layout *l, int line, int year, enum fund_level lv)
{
	return l->money + ((size_t)line * (size_t)(l->years + 1) + (size_t)year) * N_LEVELS + lv;
}

size_t sim_recipients(const struct sim_layout *l, int line, int year)
{
	return l->recipients + (size_t)line * (size_t)(l->years + 1) + (size_t)year;
}

size_t sim_cut(const struct sim_layout *l, int year)
{
	return l->cut + (size_t)year;
}

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

/* Record the mean total and its standard error after a block. */
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

/* Whether the 95% interval of the mean total is within precision of it. */
static bool converged(const struct sim_output *o, double precision)
{
	if (o->reps < 2 * SIM_BLOCK)
		return false;
	const struct sim_trace *t = &o->trace[o->ntrace - 1];
	return 1.96 * t->se <= precision * fabs(t->mean);
}

int sim_run(const struct policy *p, const struct sim_config *c, struct sim_output *out,
	    char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	sim_layout(p, &out->layout);
	const struct sim_layout *l = &out->layout;
	int threads = c->threads > 0 ? c->threads : omp_get_max_threads();
	double *block = malloc((size_t)SIM_BLOCK * l->width * sizeof *block);
	struct sim_work **work = calloc((size_t)threads, sizeof *work);
	out->res = results_new(l->width, c->exact_bytes ? c->exact_bytes : SIM_EXACT_BYTES);
	bool ok = block && work && out->res && track_envelopes(p, out) == 0;
	for (int t = 0; ok && t < threads; t++)
		ok = (work[t] = sim_work_new()) != NULL;
	while (ok && out->reps < c->reps) {
		long n = c->reps - out->reps < SIM_BLOCK ? c->reps - out->reps : SIM_BLOCK;
		long base = out->reps;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
		for (long i = 0; i < n; i++) {
			struct sim_work *w = work[omp_get_thread_num()];
			sim_rep(p, c->stock, c->seed, base + i, l, block + (size_t)i * l->width, w, NULL);
		}
		for (long i = 0; ok && i < n; i++)
			ok = !isnan(block[(size_t)i * l->width]);
		ok = ok && results_add(out->res, block, (size_t)n) == 0;
		out->reps += n;
		ok = ok && trace(out) == 0;
		if (c->progress)
			c->progress(c->progress_ctx, out->reps, c->reps);
		if (c->stop && *c->stop) {
			out->stopped = true;
			break;
		}
		if (c->precision > 0 && converged(out, c->precision))
			break;
	}
	for (int t = 0; work && t < threads; t++) {
		if (work[t])
			out->firm_years += sim_work_firm_years(work[t]);
		sim_work_free(work[t]);
	}
	free(work);
	free(block);
	if (!ok) {
		sim_output_free(out);
		snprintf(err, errlen, "out of memory after %ld replications", out->reps);
		return -1;
	}
	out->rows = results_rows(out->res);
	return 0;
}
