/* totals.h - spending summed by line, paid year and funding level.
 * Pure arithmetic in fen; no I/O. */
#ifndef FUNDSIM_TOTALS_H
#define FUNDSIM_TOTALS_H

#include <stdbool.h>

#include "policy.h"
#include "rules.h"

/* paid years tracked, counted from the first: the policy's (<= 20) and
 * its tail (policy_tail_years: yearly support and instalments) */
#define MAX_YEARS (20 + MAX_SUPPORT_YEARS - 1 + MAX_INSTALMENTS - 1)

enum fund_level { LV_TOTAL, LV_PROVINCIAL, LV_MUNICIPAL, LV_DISTRICT, N_LEVELS };

/* Districts of recipients: district.h's 1 .. N_DISTRICTS, 0 not given. */
#define N_WHERE (N_DISTRICTS + 1)

/* Every part of every award added is >= 0 and all[lv] <= FEN_MAX is
 * checked on each add; any cell, line or year sum adds a subset of the
 * same parts, so it is <= all[lv] and cannot overflow either. */
struct totals {
	int first_paid_year; /* start_year + payment_lag */
	int nyears;          /* paid years covered: the policy's years and its tail */
	int horizon;         /* the policy's own paid years (p->years); later ones are the tail */
	fen_t cell[N_LINES][MAX_YEARS][N_LEVELS];
	fen_t where[N_WHERE][N_LINES][MAX_YEARS][N_LEVELS]; /* cell by recipient district */
	/* Years from nyears to MAX_YEARS of cell, where and count are never
	 * written or read: totals_init clears, and totals_copy copies, the
	 * years in use only (a run's 5-8 of 43: 40 KB, not 440, a replication) */
	fen_t all[N_LEVELS]; /* over every line and year */
	long awards[N_LINES];
	long count[N_LINES][MAX_YEARS]; /* awards by line and paid year */
	bool overflow;                  /* an award was refused: the sums are incomplete */
};

/* What to tell the user when t->overflow is set. */
#define TOTALS_OVERFLOW_MSG                                                    \
	"the awards add up to more than 92233720368547758.07 yuan, past what " \
	"fundsim sums to the fen (check the amounts, caps and counts)"

/* Empty totals for policy p. */
void totals_init(struct totals *t, const struct policy *p);
/* dst = src, the years in use only (see struct totals). */
void totals_copy(struct totals *dst, const struct totals *src);
/* The district cells of t's years in use into cell, shaped as t->where. */
void totals_where_copy(fen_t (*cell)[N_LINES][MAX_YEARS][N_LEVELS], const struct totals *t);
/* Add an award of line paid in paid_year to a recipient in district
 * where, its parts by level (part[LV_TOTAL] the amount): totals_add
 * without a struct award, inline for the run's flat loop. Returns 0, or
 * -1 and adds nothing, setting t->overflow, as totals_add. */
static inline int totals_add_levels(struct totals *t, enum line_id line, int paid_year, int where,
				    const fen_t part[N_LEVELS])
{
	fen_t all[N_LEVELS];
	int y = paid_year - t->first_paid_year;
	/* the rules pay no year outside (never reached); checking the grand
	 * totals is enough: see struct totals. One branch for all of it: the
	 * run adds every award here. */
	bool bad = (y < 0) | (y >= t->nyears);
	/* unrolled (gcc -O2 keeps a loop of 4): a run adds every award here */
#pragma GCC unroll 4
	for (int k = 0; k < N_LEVELS; k++)
		bad |= (part[k] < 0) | __builtin_add_overflow(t->all[k], part[k], &all[k]);
	if (bad) {
		t->overflow = true;
		return -1;
	}
	fen_t *c = t->cell[line][y];
	fen_t *w = t->where[where >= 0 && where < N_WHERE ? where : 0][line][y];
#pragma GCC unroll 4
	for (int k = 0; k < N_LEVELS; k++) {
		c[k] += part[k];
		w[k] += part[k];
		t->all[k] = all[k];
	}
	t->awards[line]++;
	t->count[line][y]++;
	return 0;
}

/* Add one award (borrowed). Returns 0, or -1 and adds nothing, setting
 * t->overflow, when a sum would pass FEN_MAX (or a part is negative). */
int totals_add(struct totals *t, const struct award *a);
/* Sum over years for a line (line = N_LINES: all lines) at level lv. */
fen_t totals_line(const struct totals *t, int line, enum fund_level lv);
/* Sum over lines for paid-year index y at level lv. */
fen_t totals_year(const struct totals *t, int y, enum fund_level lv);
/* Sum over years for a line (N_LINES: all lines) paid to recipients in
 * district d (0: not given) at level lv. */
fen_t totals_where(const struct totals *t, int d, int line, enum fund_level lv);

#endif
