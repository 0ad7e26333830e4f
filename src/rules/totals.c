/* totals.c - sums by line, paid year and funding level. */
#include "totals.h"

#include <string.h>

void totals_init(struct totals *t, const struct policy *p)
{
	memset(t, 0, sizeof *t);
	t->first_paid_year = p->start_year + p->payment_lag;
	t->nyears = p->years + policy_tail_years(p);
	t->horizon = p->years;
}

int totals_add(struct totals *t, const struct award *a)
{
	const fen_t part[N_LEVELS] = {a->amount, a->provincial, a->municipal, a->district};
	fen_t all[N_LEVELS];
	int y = a->paid_year - t->first_paid_year;
	/* the rules pay no year outside (never reached); checking the grand
	 * totals is enough: see struct totals. One branch for all of it: the
	 * run adds every award here. */
	bool bad = y < 0 || y >= t->nyears;
	for (int k = 0; k < N_LEVELS; k++)
		bad |= (part[k] < 0) | __builtin_add_overflow(t->all[k], part[k], &all[k]);
	if (bad) {
		t->overflow = true;
		return -1;
	}
	fen_t *c = t->cell[a->line][y];
	fen_t *w = t->where[a->where >= 0 && a->where < N_WHERE ? a->where : 0][a->line][y];
	for (int k = 0; k < N_LEVELS; k++) {
		c[k] += part[k];
		w[k] += part[k];
		t->all[k] = all[k];
	}
	t->awards[a->line]++;
	t->count[a->line][y]++;
	return 0;
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
