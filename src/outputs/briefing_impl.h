/* briefing_impl.h - what the sections of the briefing page share
 * (briefing.c, briefing_eval.c). Private to src/outputs. */
#ifndef FUNDSIM_BRIEFING_IMPL_H
#define FUNDSIM_BRIEFING_IMPL_H

#include <stdio.h>

#include "briefing.h"

struct page {
	FILE *f;
	const struct briefing *b;
	const struct sim_layout *l;
	int first_paid;            /* calendar year of paid-year index 0 */
	const struct stats *total; /* TOTAL over all paid years and levels */
};

/* Yuan as fundsim run prints it (money_table), exactly 0 as "0"; buf. */
const char *briefing_yuan(double v, char *buf, size_t n);
void briefing_figures(FILE *f, const struct stats *st);
/* A funding level and a measure in the page's language (static). */
const char *briefing_level_name(const struct briefing *b, int lv);
const char *briefing_measure_name(const struct briefing *b, int line);

/* Cost by district and by budget owner (when the layout has them). */
void briefing_where(struct page *pg);

/* The 事前绩效评估 section (b->ev set). */
void briefing_evaluation(struct page *pg);

#endif
