/* totals.c - sums by line, paid year and funding level. */
#include "totals.h"

#include <string.h>

void totals_init(struct totals *t, const struct policy *p)
{
	memset(t, 0, sizeof *t);
	t->first_paid_year = p->start_year + p->payment_lag;
	t->nyears = p->years;
}

void totals_add(struct totals *t, const struct award *a)
{
	int y = a->paid_year - t->first_paid_year;
	fen_t *c = t->cell[a->line][y];
	c[LV_TOTAL] += a->amount;
	c[LV_PROVINCIAL] += a->provincial;
	c[LV_MUNICIPAL] += a->municipal;
	c[LV_DISTRICT] += a->district;
	t->awards[a->line]++;
	t->count[a->line][y]++;
}

fen_t totals_line(const struct totals *t, int line, enum fund_level lv)
{
	fen_t s = 0;
	for (int l = line == N_LINES ? 0 : line; l < (line == N_LINES ? N_LINES : line + 1); l++)
		for (int y = 0; y < t->nyears; y++)
			s += t->cell[l][y][lv];
	return s;
}

fen_t totals_year(const struct totals *t, int y, enum fund_level lv)
{
	fen_t s = 0;
	for (int l = 0; l < N_LINES; l++)
		s += t->cell[l][y][lv];
	return s;
}
