/* totals.h - spending summed by line, paid year and funding level.
 * Pure arithmetic in fen; no I/O. */
#ifndef FUNDSIM_TOTALS_H
#define FUNDSIM_TOTALS_H

#include "policy.h"
#include "rules.h"

#define MAX_YEARS 24 /* paid years tracked: policy years (<= 20) + lag (<= 5) */

enum fund_level { LV_TOTAL, LV_PROVINCIAL, LV_MUNICIPAL, LV_DISTRICT, N_LEVELS };

struct totals {
	int first_paid_year; /* start_year + payment_lag */
	int nyears;          /* paid years covered: the policy's years */
	fen_t cell[N_LINES][MAX_YEARS][N_LEVELS];
	long awards[N_LINES];
	long count[N_LINES][MAX_YEARS]; /* awards by line and paid year */
};

/* Empty totals for policy p. */
void totals_init(struct totals *t, const struct policy *p);
/* Add one award (borrowed). */
void totals_add(struct totals *t, const struct award *a);
/* Sum over years for a line (line = N_LINES: all lines) at level lv. */
fen_t totals_line(const struct totals *t, int line, enum fund_level lv);
/* Sum over lines for paid-year index y at level lv. */
fen_t totals_year(const struct totals *t, int y, enum fund_level lv);

#endif
