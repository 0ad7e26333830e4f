/* summary.h - a run's statistics, computed once after the run: what the
 * terminal table, the CSV files, the charts and the briefing format.
 *
 * One struct stats per cell of the run's row (sim.h's layout: spending
 * per line x paid year x funding level, awards per line x paid year, the
 * prorata cut per paid year, the population's aggregates), so a dimension the layout gains (districts,
 * budget owners) is summarised with its cells and needs only an accessor
 * here. Percentiles are exact, by selection, while the run kept its rows;
 * once it streamed, exact for a cell of at most 128 distinct values and
 * P-square estimates for the others (results.h). Beside them: each
 * budget envelope's risk of overrun and the lines ranked by cost.
 *
 * Pure: no I/O. summary_of returns a summary the caller frees with
 * summary_free (NULL is a no-op); it borrows nothing it is given. */
#ifndef FUNDSIM_SUMMARY_H
#define FUNDSIM_SUMMARY_H

#include <stdbool.h>

#include "sim.h"
#include "stats.h"

/* How often a value is above a limit (by more than HALF_FEN), and the
 * mean excess over all replications (those within it count 0). */
struct risk {
	double prob, mean;
};

struct summary {
	struct sim_layout layout; /* which cell is which */
	long reps;
	bool exact;         /* every row kept: exact percentiles */
	size_t estimated;   /* else the cells with P-square estimates (results.h) */
	struct stats *cell; /* layout.width of them, one per column of the row */
	int nenv;           /* budget envelopes set (sim_envelopes) */
	struct envelope env[MAX_ENVELOPES];
	struct risk *over;        /* nenv x (years + 1): env[e] in paid year y (years: all) */
	struct risk *cut;         /* years + 1: how often the prorata cap binds, mean cut */
	bool in_total[N_LINES];   /* the lines TOTAL adds up (line_common.in_total); the
				 * others are contingent items (一事一议), reported apart */
	int by_cost[N_LINES];     /* the lines in the total by mean spending over all paid
			       * years, dearest first; equal means in the registry's
			       * order. Contingent items are not ranked: they are no
			       * part of what TOTAL and the charts add up */
	int nranked;              /* how many of by_cost: the lines in the total */
	bool owner_new[N_OWNERS]; /* whether each owner's money is new (policy.owner_new) */
};

/* The summary of run o of policy p, or NULL when out of memory. */
struct summary *summary_of(const struct sim_output *o, const struct policy *p);
void summary_free(struct summary *s);

/* Spending of line (N_LINES: TOTAL) in paid-year index year (years: all
 * paid years) at level lv, in yuan. */
const struct stats *summary_money(const struct summary *s, int line, int year, enum fund_level lv);
/* Awards paid of line (N_LINES: all lines) in year (years: all). */
const struct stats *summary_recipients(const struct summary *s, int line, int year);
/* Spending of line (N_LINES: TOTAL) over all paid years paid to district
 * d's recipients (0: not given) at level lv; NULL for a lean run. */
const struct stats *summary_district(const struct summary *s, int d, int line, enum fund_level lv);
/* Spending of the lines in the total that owner o pays (N_OWNERS: new
 * money only) in year (years: all) at level lv; NULL for a lean run. */
const struct stats *summary_owner(const struct summary *s, int o, int year, enum fund_level lv);
/* Aggregate k of the population (calibration, sim.h's enum pop_stat). */
const struct stats *summary_pop(const struct summary *s, enum pop_stat k);
/* The overrun of envelope env[e] in paid year y: an annual one for y <
 * years, the whole period's for y = years; NaN where it does not apply. */
const struct risk *summary_over(const struct summary *s, int e, int year);
/* The prorata cut in year (years: all); NaN once the run streamed
 * without an envelope set (then nothing is cut). */
const struct risk *summary_cut(const struct summary *s, int year);
/* What carry_forward brought into year y and left owed after it (years:
 * carried in altogether, and owed after the last paid year). */
const struct stats *summary_carry_in(const struct summary *s, int year);
const struct stats *summary_carry_out(const struct summary *s, int year);
/* Whether a rule cuts each year's awards to budget.annual_total. */
bool summary_capping(const struct policy *p);

#endif
