/* sim_layout.c - where each cell of a replication's row is. Apart from
 * sim_run.c (which runs replications) and sim_pop.c (which fills a row),
 * so each depends on it and neither on the other's internals. */
#include "sim.h"

void sim_layout(const struct policy *p, struct sim_layout *l)
{
	l->horizon = p->years;
	l->years = p->years + policy_tail_years(p);
	size_t cells = (size_t)(N_LINES + 1) * (size_t)(l->years + 1);
	l->money = 0;
	l->recipients = (size_t)(N_LINES + 1) * (size_t)(l->years + 2) * N_LEVELS;
	l->cut = l->recipients + cells;
	l->carry_in = l->cut + (size_t)l->years + 1;
	l->carry_out = l->carry_in + (size_t)l->years + 1;
	l->pop = l->carry_out + (size_t)l->years + 1;
	l->district = l->pop + N_POPSTATS;
	l->owner = l->district + (size_t)N_WHERE * (N_LINES + 1) * N_LEVELS;
	l->width = l->owner + (size_t)(N_OWNERS + 1) * (size_t)(l->years + 2) * N_LEVELS;
}

void sim_layout_lean(const struct policy *p, struct sim_layout *l)
{
	sim_layout(p, l);
	l->district = l->owner = l->width = l->pop + N_POPSTATS;
}

size_t sim_money(const struct sim_layout *l, int line, int year, enum fund_level lv)
{
	return l->money + ((size_t)line * (size_t)(l->years + 2) + (size_t)year) * N_LEVELS + lv;
}

size_t sim_recipients(const struct sim_layout *l, int line, int year)
{
	return l->recipients + (size_t)line * (size_t)(l->years + 1) + (size_t)year;
}

size_t sim_cut(const struct sim_layout *l, int year)
{
	return l->cut + (size_t)year;
}

size_t sim_carry_in(const struct sim_layout *l, int year)
{
	return l->carry_in + (size_t)year;
}

size_t sim_carry_out(const struct sim_layout *l, int year)
{
	return l->carry_out + (size_t)year;
}

size_t sim_pop(const struct sim_layout *l, enum pop_stat k)
{
	return l->pop + (size_t)k;
}

size_t sim_district(const struct sim_layout *l, int d, int line, enum fund_level lv)
{
	return l->district + ((size_t)d * (N_LINES + 1) + (size_t)line) * N_LEVELS + lv;
}

size_t sim_owner(const struct sim_layout *l, int o, int year, enum fund_level lv)
{
	return l->owner + ((size_t)o * (size_t)(l->years + 2) + (size_t)year) * N_LEVELS + lv;
}
