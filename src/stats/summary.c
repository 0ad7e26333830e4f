/* summary.c - every statistic of a run, once. */
#include "summary.h"

#include <math.h>
#include <omp.h>
#include <stdlib.h>

#include "comm.h"

/* struct stats as doubles, for the ranks to pass (all its fields are) */
#define STATS_DOUBLES (sizeof(struct stats) / sizeof(double))
_Static_assert(sizeof(struct stats) == STATS_DOUBLES * sizeof(double), "stats: doubles only");

void summary_free(struct summary *s)
{
	if (!s)
		return;
	free(s->cell);
	free(s->over);
	free(s->cut);
	free(s);
}

/* Lines in the total by mean cost, dearest first, by insertion: stable,
 * so equal means keep the registry's order. Contingent items are left
 * out (in_total false). */
static void rank_lines(struct summary *s)
{
	s->nranked = 0;
	for (int line = 0; line < N_LINES; line++) {
		if (!s->in_total[line])
			continue;
		int k = s->nranked++;
		double m = summary_money(s, line, s->layout.years, LV_TOTAL)->mean;
		while (k > 0 &&
		       summary_money(s, s->by_cost[k - 1], s->layout.years, LV_TOTAL)->mean < m) {
			s->by_cost[k] = s->by_cost[k - 1];
			k--;
		}
		s->by_cost[k] = line;
	}
}

/* Overrun of every envelope and the prorata cut: counted during the run
 * (sim_run tracks them with an envelope set), so known even once
 * statistics stream; without an envelope the cut is read from the rows. */
static void risks(struct summary *s, const struct sim_output *o)
{
	const struct sim_layout *l = &s->layout;
	size_t ny = (size_t)l->years + 1;
	for (size_t i = 0; i < (size_t)s->nenv * ny; i++)
		s->over[i] = (struct risk){NAN, NAN};
	for (size_t y = 0; y < ny; y++)
		s->cut[y] = (struct risk){NAN, NAN};
	for (int e = 0; e < s->nenv; e++) {
		int y0 = s->env[e].annual ? 0 : l->years;
		int y1 = s->env[e].annual ? l->years - 1 : l->years;
		for (int y = y0; y <= y1; y++) {
			struct risk *r = &s->over[(size_t)e * ny + (size_t)y];
			results_exceed(o->res, sim_money(l, N_LINES, y, s->env[e].lv),
				       s->env[e].limit, &r->prob, &r->mean);
		}
	}
	for (int y = 0; y <= l->years; y++)
		results_exceed(o->res, sim_cut(l, y), 0, &s->cut[y].prob, &s->cut[y].mean);
}

struct summary *summary_of(const struct sim_output *o, const struct policy *p)
{
	struct summary *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->layout = o->layout;
	s->reps = o->reps;
	s->exact = results_exact(o->res);
	s->estimated = results_estimated(o->res);
	s->nenv = sim_envelopes(&p->model, s->env);
	for (int line = 0; line < N_LINES; line++)
		s->in_total[line] = p->line[line].in_total;
	for (int k = 0; k < N_OWNERS; k++)
		s->owner_new[k] = p->owner_new[k];
	size_t width = o->layout.width, ny = (size_t)o->layout.years + 1;
	size_t n = results_count(o->res);
	s->cell = malloc(width * sizeof *s->cell);
	s->over = malloc(((size_t)s->nenv * ny + 1) * sizeof *s->over);
	s->cut = malloc(ny * sizeof *s->cut);
	if (!s->cell || !s->over || !s->cut) {
		summary_free(s);
		return NULL;
	}
	/* every column on its own, in parallel: each thread selects the
	 * percentiles of a column in its own copy, so the figures are the
	 * same bits for any thread count; under MPI each rank takes a
	 * contiguous share of the columns and the ranks pass each other
	 * their figures, each column worked out once, by one rank */
	const struct comm *cw = comm_world();
	size_t lo = comm_share(cw, width, cw->rank), hi = comm_share(cw, width, cw->rank + 1);
	int failed = 0, threads = results_threads_of(o->res);
#pragma omp parallel num_threads(threads) reduction(| : failed)
	{
		double *scratch = s->exact ? malloc((n ? n : 1) * sizeof *scratch) : NULL;
		failed = s->exact && !scratch;
#pragma omp for schedule(dynamic, 4)
		for (size_t col = lo; col < hi; col++)
			if (!failed)
				results_stat(o->res, col, scratch, &s->cell[col]);
		free(scratch);
	}
	size_t *counts = cw->size > 1 ? malloc((size_t)cw->size * sizeof *counts) : NULL;
	failed |= cw->size > 1 && !counts;
	if (cw->size > 1 && cw->first_failure(!failed) < 0) { /* every rank has its share */
		for (int r = 0; r < cw->size; r++)
			counts[r] = (comm_share(cw, width, r + 1) - comm_share(cw, width, r)) *
				    STATS_DOUBLES;
		failed = cw->allgather(NULL, (double *)s->cell, counts) != 0;
	}
	free(counts);
	if (cw->first_failure(!failed) >= 0) {
		summary_free(s);
		return NULL;
	}
	risks(s, o);
	rank_lines(s);
	return s;
}

const struct stats *summary_money(const struct summary *s, int line, int year, enum fund_level lv)
{
	return &s->cell[sim_money(&s->layout, line, year, lv)];
}

const struct stats *summary_recipients(const struct summary *s, int line, int year)
{
	return &s->cell[sim_recipients(&s->layout, line, year)];
}

const struct stats *summary_pop(const struct summary *s, enum pop_stat k)
{
	return &s->cell[sim_pop(&s->layout, k)];
}

const struct risk *summary_over(const struct summary *s, int e, int year)
{
	return &s->over[(size_t)e * ((size_t)s->layout.years + 1) + (size_t)year];
}

const struct risk *summary_cut(const struct summary *s, int year)
{
	return &s->cut[year];
}

const struct stats *summary_carry_in(const struct summary *s, int year)
{
	return &s->cell[sim_carry_in(&s->layout, year)];
}

const struct stats *summary_carry_out(const struct summary *s, int year)
{
	return &s->cell[sim_carry_out(&s->layout, year)];
}

bool summary_capping(const struct policy *p)
{
	return p->model.budget.rule == BUDGET_PRORATA || p->model.budget.rule == BUDGET_PRIORITY;
}

const struct stats *summary_district(const struct summary *s, int d, int line, enum fund_level lv)
{
	if (s->layout.owner >= s->layout.width)
		return NULL;
	return &s->cell[sim_district(&s->layout, d, line, lv)];
}

const struct stats *summary_owner(const struct summary *s, int o, int year, enum fund_level lv)
{
	if (s->layout.owner >= s->layout.width)
		return NULL;
	return &s->cell[sim_owner(&s->layout, o, year, lv)];
}
