/* rules.h - the rules engine: every award line, as pure functions.
 *
 * The engine reads an entity's yearly rows and calls a sink for each
 * award it makes; it does no I/O and allocates nothing, so `award` on
 * real data and the Monte Carlo simulator run the very same code. */
#ifndef FUNDSIM_RULES_H
#define FUNDSIM_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "money.h"
#include "policy.h"

enum origin { ORIGIN_EXISTING, ORIGIN_NEW, ORIGIN_SPINOFF, ORIGIN_ATTRACTED };

/* One row of the firm panel. founded, origin and industrial describe the
 * firm and are read from its first row. */
struct firm_year {
	int year, founded;
	enum origin origin;
	bool industrial, key_db, top100;
	int employees;
	double paid_capital, revenue; /* yuan */
};

/* Where an application of the entities file stands (column status).
 * The rules engine pays every row alike; `run` weighs pending ones
 * (sim_pop.c: known approvals). */
enum entity_status {
	STATUS_APPROVED, /* decided, not yet paid (the default: no status given) */
	STATUS_PAID,     /* decided and paid out */
	STATUS_PENDING   /* applied, not decided */
};

/* One row of the entities file: an entity (park, project, centre,
 * district, talent, base, enterprise) applying under one line in one
 * year. Optional numbers are NaN when not given. */
struct entity_year {
	enum line_id line;
	int year;
	enum level level; /* M4, M5A/M5B designation, M7A, M13A */
	double base;      /* what a rate applies to (investment, revenue, sales) */
	double granted;   /* amount granted for "up to" lines; NaN: payout x cap */
	double housing;   /* M12A housing subsidy granted; NaN: payout x cap */
	bool passed;      /* annual review passed (M7A, M13B) */
	enum entity_status status;
	int where; /* the entity's district (district.h), 0: not given */
};

/* Bytes of a reason: a Chinese one takes three a character (ledger.csv). */
#define REASON_LEN 256

/* 0 < amount <= 6 x MONEY_MAX in fen: every line pays at most a parameter
 * amount or cap (<= MONEY_MAX), M12A two of them, M2 `each` six tiers.
 * The three parts are each in [0, amount]. */
struct award {
	enum line_id line;
	int year, paid_year; /* qualifying year, year paid */
	fen_t amount, provincial, municipal, district;
	int where;               /* the recipient's district (district.h), 0: not given */
	char reason[REASON_LEN]; /* empty unless the sink asks for reasons */
};

typedef void (*award_fn)(void *ctx, const struct award *a);

/* An award as a line makes it, before its levels are split: what a sink
 * with a list gets (line, qualifying year, amount in fen, > 0). */
struct award_due {
	enum line_id line;
	int year;
	fen_t amount;
};

/* rules_firm makes at most N_FIRM_LINES awards a row, rules_entity at
 * most one: room enough for a list sink. */
#define RULES_MAX_AWARDS(nrows) ((size_t)N_FIRM_LINES * (nrows))

/* Where awards go. The engine fills every field of the award it passes;
 * the award is only borrowed for the call. With list set (and reasons
 * off), the engine calls no fn: it appends each award, in the order it
 * would have passed them, to list[*nlist] and counts it in *nlist; the
 * caller gives RULES_MAX_AWARDS(rows) of room and splits and books them
 * in a loop of its own (the Monte Carlo run: no struct award, no call
 * through a pointer per award). */
struct award_sink {
	award_fn fn;
	void *ctx;
	bool reasons; /* write human reasons (slower; off in Monte Carlo) */
	int where;    /* the recipient's district, copied into each award */
	struct award_due *list;
	size_t *nlist;
};

/* What the rules read of a policy on every row and award, worked out
 * once (rules_prepare) instead of on each firm: the Monte Carlo run
 * prepares once a replication, `award` once a firm. Every figure is the
 * one the rules would compute on the spot, to the bit. */
struct rules_prep {
	const struct policy *p;
	int end_year;                 /* start_year + years: no firm line pays from it */
	fen_t m2_fen[MAX_TIERS + 1];  /* M2 tier k's amount in fen; [0] = 0 */
	fen_t m3a_fen[MAX_TIERS + 1]; /* M3A tier k's amount in fen; [0] = 0 */
	/* the least staff and revenue of the tiers above tier b (+inf above
	 * the last, a NaN bar never counts): a row below them reaches no tier
	 * above b, so the tiers need not be looked at */
	double m2_emp[MAX_TIERS + 1], m2_rev[MAX_TIERS + 1], m3a_rev[MAX_TIERS + 1];
	fen_t m1b_fen, m3b_fen, m3c_fen; /* the fixed amounts, as the lines round them */
	/* the shares rules_split applies: policy_provincial_share by line,
	 * policy_where_share by district (0 also stands for one out of range) */
	double prov[N_LINES];
	double where[N_DISTRICTS + 1][N_LINES];
};

void rules_prepare(const struct policy *p, struct rules_prep *rp);
/* The fixed amount firm line l pays (M1B, M3B, M3C), in fen as the line
 * rounds it (rules_prep's m1b_fen ...); 0 for the other lines. */
fen_t rules_line_fen(const struct policy *p, enum line_id l);

/* A recipient's district as the shares and totals read it: out of
 * range is 0, not given. */
static inline int rules_where(int where)
{
	return where >= 0 && where <= N_DISTRICTS ? where : 0;
}

/* The rest of an award after its provincial part, split by the district's
 * share ds: rules_share_rest's arithmetic, for a caller that has the
 * share at hand (rules_prep). */
static inline void rules_rest(fen_t rest, double ds, fen_t *municipal, fen_t *district)
{
	/* a share of 0 (most lines in most districts) rounds to 0 fen anyway */
	*district = ds == 0 ? 0 : fen_round((double)rest * ds);
	*municipal = rest - *district;
}

/* amount's three levels by the provincial share ps and the district's
 * share ds of the rest: rules_split's arithmetic. */
static inline void rules_levels(fen_t amount, double ps, double ds, fen_t *provincial,
				fen_t *municipal, fen_t *district)
{
	*provincial = ps == 0 ? 0 : fen_round((double)amount * ps);
	rules_rest(amount - *provincial, ds, municipal, district);
}

/* The firm lines (M1A, M1B, M2, M3A, M3B, M3C) on one firm's rows.
 * rows: sorted by year, one row per year, n >= 1. Rows before
 * p->start_year are history: no award, but they count for "first time"
 * rules and growth. Awards come in order of year, then line. */
void rules_firm(const struct policy *p, const struct firm_year *rows, size_t n,
		const struct award_sink *sink);
/* rules_firm on a prepared policy (rules_prepare): the same rules. */
void rules_firm_prep(const struct rules_prep *rp, const struct firm_year *rows, size_t n,
		     const struct award_sink *sink);
/* rules_firm_prep making the awards of the firm lines in lines only (bit l
 * for line l), in the same order and amounts: what a variant that moved
 * those lines reruns (sim_apply_moved). M1A's rule still runs when M1B is
 * asked, without its awards, since 再给予 reads whether M1A was granted. */
#define RULES_FIRM_ALL ((1u << N_FIRM_LINES) - 1)
void rules_firm_lines(const struct rules_prep *rp, const struct firm_year *rows, size_t n,
		      const struct award_sink *sink, unsigned lines);

/* One entity's rows under one entity line (all rows share rows[0].line),
 * sorted by year, one row per year. */
void rules_entity(const struct policy *p, const struct entity_year *rows, size_t n,
		  const struct award_sink *sink);

/* Fill provincial, municipal and district from amount by the line's
 * funding and the sharing rule of the recipient's district (a->where,
 * policy_where_share); the three always add up to amount exactly. */
void rules_split(const struct policy *p, struct award *a);

/* The award a as it is paid: a line's schedule (policy.h, struct
 * schedule) splits it into instalments paid in a->paid_year and the years
 * after it, into out (MAX_INSTALMENTS of them); returns how many (1 when
 * the line pays at once: out[0] is a). Each level of a is split on its
 * own, every instalment but the last rounded down to the fen and the last
 * taking what is left, so every level adds up to a's across the
 * instalments and each instalment's levels add up to its amount. A reason
 * with words gets "; instalment k/n (第k期/共n期)". An instalment may be
 * 0 fen (a tiny award): the caller drops it. */
size_t rules_instalments(const struct policy *p, const struct award *a, struct award *out);

/* Whether line pays at once: rules_instalments gives its awards back as
 * they are, one instalment. */
static inline bool rules_at_once(const struct policy *p, enum line_id line)
{
	return p->line[line].schedule.n <= 1;
}

/* ---- policy on the awards of a year, after the lines have made them:
 * `award` applies it to each award, the Monte Carlo run to what each line
 * adds up to in a year. Both borrow a (an array of pointers) and change
 * the awards in place; an award's levels still add up to its amount. A
 * reason with words gets a note of what was done. ---- */

/* [taxcap]: an earlier Suzhou rule capped a firm's awards of a qualifying
 * year at its local retained tax that year, taxcap.rate x that year's
 * revenue (no row that year: nothing). Over the cap, each award of the
 * year is scaled by cap / sum, to the fen. a: one firm's awards in order
 * of year, as rules_firm makes them; rows: that firm's rows. An award
 * scaled to 0 fen stays in a with amount 0: the caller drops it. Does
 * nothing when [taxcap] is off. */
void rules_taxcap(const struct policy *p, const struct firm_year *rows, size_t n,
		  struct award *const *a, size_t na);

/* 总量控制 ([budget] rule = prorata): when the awards paid in one year add
 * up to more than budget.annual_total, every one is scaled by the same
 * factor, to the fen, and any rounding excess comes off the largest
 * award's largest funding level, so the year never exceeds the envelope
 * and no level goes negative. a: all awards paid in one year. Returns
 * what was cut, in fen: 0 when the rule is off, no annual_total is set or
 * it does not bind. */
fen_t rules_prorata(const struct policy *p, struct award *const *a, size_t n);

/* What one paid year's envelope rule did, in fen: what was carried in
 * from the year before and what the year's awards came to (due), what of
 * both was not paid (cut), and what of that is owed the next year
 * (carried_out: the cut under carry_forward, else 0). */
struct envelope_year {
	fen_t carried_in, due, cut, carried_out;
};

/* 总量控制 with priorities and carry-forward, on one paid year: a[0..nc)
 * are the amounts carried in from the year before (paid first), a[nc..n)
 * the year's awards. Under [budget] rule = priority the envelope
 * (annual_total) pays, in order, what was carried in, each line of
 * `priority` in its order, then the other lines together; a group that no
 * longer fits in full is scaled to what is left (each level rounded down,
 * the fen short added back in order), and the groups after it get
 * nothing. rule = prorata is the same with no priority lines (use it for
 * carry_forward; rules_prorata is the rule without). Each award is cut in
 * place to what is paid; was[i] gets a[i] as due, so was[i] - a[i] is
 * what is unpaid of it, level by level (>= 0, adding up). The caller
 * carries those forward when carry_forward is set. Levels add up in each
 * award to the fen; a year never pays more than the envelope. A reason
 * with words gets "; 总量控制 1.2万 cut". was: 2n awards of scratch; group:
 * n pointers of scratch. Returns 0, or -1 when the year's sums pass
 * FEN_MAX (nothing is changed then). With no envelope or another rule,
 * nothing is cut. */
int rules_envelope(const struct policy *p, struct award *const *a, size_t nc, size_t n,
		   struct award *was, struct award **group, struct envelope_year *out);

/* [funding] provincial_block: the province pays at most the block in a
 * paid year for the pooled lines. When the provincial parts of the pooled
 * awards in a (all awards paid in one year; others are left alone) add up
 * to more than the block, each gets its pro-rata part of the block, to the
 * fen (the parts add up to the block exactly), and the rest of the award
 * is split between city and district by the district's sharing rule.
 * Amounts never change. Returns what the province no longer pays (the
 * provincial parts over the block), in fen: 0 when no block is set or it
 * is not spent. */
fen_t rules_block(const struct policy *p, struct award *const *a, size_t n);

#endif
