/* ledger.h - the award ledger: awards with who got them, written as CSV
 * (POLICY.md, "The award ledger CSV"). */
#ifndef FUNDSIM_LEDGER_H
#define FUNDSIM_LEDGER_H

#include <stdbool.h>
#include <stdio.h>

#include "rules.h"
#include "totals.h"

struct ledger_row {
	const char *id; /* borrowed from the inputs, which must outlive the ledger */
	struct award a;
};

struct ledger {
	struct ledger_row *v;
	size_t n, cap;
	const char *current; /* id that the next awards belong to */
	bool oom;            /* an append failed: the ledger is incomplete */
};

/* A sink that appends to l, with reasons, under l->current. */
struct award_sink ledger_sink(struct ledger *l);
void ledger_free(struct ledger *l);

/* The policy on a year's awards (rules.h), applied to the ledger; awards
 * cut to nothing leave it. Both return 0, or -1 when out of memory (the
 * ledger is then unchanged). */
/* [taxcap] on the awards from index first on: one firm's, rows its rows. */
int ledger_taxcap(struct ledger *l, size_t first, const struct policy *p,
		  const struct firm_year *rows, size_t n);
/* Each award as its line's schedule pays it (rules_instalments): one row
 * per instalment, instalments of 0 fen left out. */
int ledger_schedule(struct ledger *l, const struct policy *p);
/* [budget] rule = prorata or priority (with carry_forward) on every paid
 * year the ledger covers. What is carried forward becomes rows of its
 * own, "carried forward from 2027 (上年结转)", in the next year, paid
 * first; what is still owed after the last paid year leaves the ledger.
 * ey, when not NULL, gets each paid year's figures (rules_envelope) at
 * ey[y - first paid year] and at ey[years + tail] what is still owed
 * after the last (carried_out): p->years + policy_tail_years(p) + 1
 * entries. */
int ledger_budget(struct ledger *l, const struct policy *p, struct envelope_year *ey);

/* [funding] provincial_block on every paid year the ledger covers
 * (rules_block), after 总量控制; over, when not NULL, gets what the
 * province no longer pays in paid year y at over[y - first paid year]
 * (every paid year, the tail's too: MAX_YEARS entries). */
int ledger_block(struct ledger *l, const struct policy *p, fen_t *over);

/* Write the ledger CSV to f. Returns 0, or -1 on a write error. */
int ledger_write(const struct ledger *l, FILE *f);

/* The terminal summary: per line and per paid year, in 万元, split by
 * funding level. */
void totals_print(const struct totals *t, FILE *f);
/* Then per recipients' district and per budget owner (with the new
 * money only total), in 万元. */
void totals_print_breakdown(const struct totals *t, const struct policy *p, FILE *f);

#endif
