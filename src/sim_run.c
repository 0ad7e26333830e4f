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

/* Whether the 95% interval of the mean total is within precision of it. */
static bool converged(const struct sim_output *o, double precision)
{
	if (o->reps < 2 * SIM_BLOCK)
		return false;
	size_t col = sim_money(&o->layout, N_LINES, o->layout.years, LV_TOTAL);
	double mean = gsl_stats_mean(o->rows + col, o->layout.width, (size_t)o->reps);
	double sd = gsl_stats_sd_m(o->rows + col, o->layout.width, (size_t)o->reps, mean);
	return 1.96 * sd / sqrt((double)o->reps) <= precision * fabs(mean);
}

int sim_run(const struct policy *p, const struct sim_config *c, struct sim_output *out,
	    char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	sim_layout(p, &out->layout);
	const struct sim_layout *l = &out->layout;
	int threads = c->threads > 0 ? c->threads : omp_get_max_threads();
	long cap = c->precision > 0 ? SIM_BLOCK * 8 : c->reps;
	if (cap > c->reps)
		cap = c->reps;
	out->rows = malloc((size_t)cap * l->width * sizeof(double));
	struct sim_work **work = calloc((size_t)threads, sizeof *work);
	bool ok = out->rows && work;
	for (int t = 0; ok && t < threads; t++)
		ok = (work[t] = sim_work_new()) != NULL;
	while (ok && out->reps < c->reps) {
		long n = c->reps - out->reps < SIM_BLOCK ? c->reps - out->reps : SIM_BLOCK;
		if (out->reps + n > cap) {
			long nc = cap * 2 < c->reps ? cap * 2 : c->reps;
			double *nr = realloc(out->rows, (size_t)nc * l->width * sizeof(double));
			if (!nr) {
				ok = false;
				break;
			}
			out->rows = nr;
			cap = nc;
		}
		long base = out->reps;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
		for (long i = 0; i < n; i++) {
			struct sim_work *w = work[omp_get_thread_num()];
			sim_rep(p, c->stock, c->seed, base + i, l, out->rows + (size_t)(base + i) * l->width,
				w, NULL);
		}
		out->reps += n;
		for (long i = base; ok && i < out->reps; i++)
			ok = !isnan(out->rows[(size_t)i * l->width]);
		if (c->progress)
			c->progress(c->progress_ctx, out->reps, c->reps);
		if (c->stop && *c->stop) {
			out->stopped = true;
			break;
		}
		if (c->precision > 0 && converged(out, c->precision))
			break;
	}
	for (int t = 0; work && t < threads; t++)
		sim_work_free(work[t]);
	free(work);
	if (!ok) {
		free(out->rows);
		out->rows = NULL;
		snprintf(err, errlen, "out of memory after %ld replications", out->reps);
		return -1;
	}
	return 0;
}
