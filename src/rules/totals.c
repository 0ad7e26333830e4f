/* totals.c - sums by line, paid year and funding level. */
#include "totals.h"

#include <string.h>

void totals_init(struct totals *t, const struct policy *p)
{
	t->first_paid_year = p->start_year + p->payment_lag;
	t->nyears = p->years + policy_tail_years(p);
	t->horizon = p->years;
	size_t ny = (size_t)t->nyears;
	for (int l = 0; l < N_LINES; l++) {
		memset(t->cell[l], 0, ny * sizeof t->cell[l][0]);
		memset(t->count[l], 0, ny * sizeof t->count[l][0]);
		for (int d = 0; d < N_WHERE; d++)
			memset(t->where[d][l], 0, ny * sizeof t->where[d][l][0]);
	}
	memset(t->all, 0, sizeof t->all);
	memset(t->awards, 0, sizeof t->awards);
	t->overflow = false;
}

void totals_where_copy(fen_t (*cell)[N_LINES][MAX_YEARS][N_LEVELS], const struct totals *t)
{
	for (int d = 0; d < N_WHERE; d++)
		for (int l = 0; l < N_LINES; l++)
			memcpy(cell[d][l], t->where[d][l],
			       (size_t)t->nyears * sizeof cell[d][l][0]);
}

void totals_copy(struct totals *dst, const struct totals *src)
{
	size_t ny = (size_t)src->nyears;
	dst->first_paid_year = src->first_paid_year;
	dst->nyears = src->nyears;
	dst->horizon = src->horizon;
	for (int l = 0; l < N_LINES; l++) {
		memcpy(dst->cell[l], src->cell[l], ny * sizeof dst->cell[l][0]);
		memcpy(dst->count[l], src->count[l], ny * sizeof dst->count[l][0]);
	}
	totals_where_copy(dst->where, src);
	memcpy(dst->all, src->all, sizeof dst->all);
	memcpy(dst->awards, src->awards, sizeof dst->awards);
	dst->overflow = src->overflow;
}

int totals_add(struct totals *t, const struct award *a)
{
	const fen_t part[N_LEVELS] = {a->amount, a->provincial, a->municipal, a->district};
	return totals_add_levels(t, a->line, a->paid_year, a->where, part);
}

fen_t totals_line(const struct totals *t, int line, enum fund_level lv)
{
	if (line == N_LINES)
		return t->all[lv];
	fen_t s = 0;
	for (int y = 0; y < t->nyears; y++)
		s += t->cell[line][y][lv];
	return s;
}

fen_t totals_year(const struct totals *t, int y, enum fund_level lv)
{
	fen_t s = 0;
	for (int l = 0; l < N_LINES; l++)
		s += t->cell[l][y][lv];
	return s;
}

fen_t totals_where(const struct totals *t, int d, int line, enum fund_level lv)
{
	fen_t s = 0;
	for (int l = line == N_LINES ? 0 : line; l < (line == N_LINES ? N_LINES : line + 1); l++)
		for (int y = 0; y < t->nyears; y++)
			s += t->where[d][l][y][lv];
	return s;
}
