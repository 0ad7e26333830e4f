/* check_rules_budget.c - the policy on a year's awards (rules_budget.c):
 * the tax cap ([taxcap]) and 总量控制 ([budget] rule = prorata), which
 * `award` and the Monte Carlo run share.
 *
 * Expected amounts are worked out by hand and written in fen. The policy
 * is the built-in draft: qualifying years 2025-2027, paid a year later. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "policy.h"
#include "rules.h"
#include "scenario.h"
#include "draft.h"

#define WAN ((fen_t)1000000) /* 1万元 in fen */
#define WY 10000.0           /* 1万元 in yuan */
#define YY 100000000.0       /* 1亿元 in yuan */
#define N(a) (sizeof(a) / sizeof((a)[0]))


/* ---- a firm's awards through rules_firm, then the tax cap ---- */

struct got {
	struct award a[32];
	struct award *p[32];
	size_t n;
};

static void collect(void *ctx, const struct award *a)
{
	struct got *g = ctx;
	ck_assert_uint_lt(g->n, N(g->a));
	g->a[g->n] = *a;
	g->p[g->n] = &g->a[g->n];
	g->n++;
}

static void firm_capped(const struct firm_year *rows, size_t n, struct got *g)
{
	memset(g, 0, sizeof *g);
	struct award_sink sink = {.fn = collect, .ctx = g, .reasons = true};
	rules_firm(&S->pol, rows, n, &sink);
	rules_taxcap(&S->pol, rows, n, g->p, g->n);
}

static const struct award *of_line(const struct got *g, enum line_id l)
{
	for (size_t i = 0; i < g->n; i++)
		if (g->a[i].line == l)
			return &g->a[i];
	ck_abort_msg("no %s award", line_info(l)->name);
	return NULL;
}

/* An existing firm first reaching 1亿 in 2025: M3A pays 200万 (tier 1). */
static const struct firm_year m3a_firm[] = {
	{.year = 2024,
	 .founded = 2000,
	 .origin = ORIGIN_EXISTING,
	 .employees = 100,
	 .revenue = 0.5 * YY},
	{.year = 2025,
	 .founded = 2000,
	 .origin = ORIGIN_EXISTING,
	 .employees = 100,
	 .revenue = 1 * YY},
};

START_TEST(the_tax_cap_above_the_award_pays_the_award_in_full)
{
	set("taxcap.enabled=true");
	set("taxcap.rate=5%"); /* 5% of 1亿 = 500万 > 200万 */
	struct got g;
	firm_capped(m3a_firm, N(m3a_firm), &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_int_eq(g.a[0].amount, 200 * WAN);
	ck_assert_ptr_null(strstr(g.a[0].reason, "tax cap"));
}
END_TEST

START_TEST(the_tax_cap_equal_to_the_award_pays_the_award_in_full)
{
	set("taxcap.enabled=true");
	set("taxcap.rate=2%"); /* 2% of 1亿 = 200万, the award exactly */
	struct got g;
	firm_capped(m3a_firm, N(m3a_firm), &g);
	ck_assert_int_eq(g.a[0].amount, 200 * WAN);
	ck_assert_ptr_null(strstr(g.a[0].reason, "tax cap"));
}
END_TEST

START_TEST(the_tax_cap_below_the_award_pays_the_tax_and_says_so)
{
	set("taxcap.enabled=true");
	set("taxcap.rate=0.1%"); /* 0.1% of 1亿 = 10万 */
	struct got g;
	firm_capped(m3a_firm, N(m3a_firm), &g);
	ck_assert_int_eq(g.a[0].amount, 10 * WAN);
	ck_assert_int_eq(g.a[0].municipal, 10 * WAN); /* M3A: municipal money */
	ck_assert_ptr_nonnull(strstr(g.a[0].reason, "; tax cap 10万"));
}
END_TEST

START_TEST(the_tax_cap_off_changes_nothing)
{
	set("taxcap.rate=0.1%");
	struct got g;
	firm_capped(m3a_firm, N(m3a_firm), &g);
	ck_assert_int_eq(g.a[0].amount, 200 * WAN);
}
END_TEST

/* An attracted industrial firm of 2026 with 1000万 paid in, 50 staff and
 * 1亿 revenue: M1A 50万, M2 100万 (tier 2), M3A 200万 in 2026: 350万. */
static const struct firm_year three_awards[] = {
	{.year = 2026,
	 .founded = 2026,
	 .origin = ORIGIN_ATTRACTED,
	 .industrial = true,
	 .employees = 50,
	 .paid_capital = 1000 * WY,
	 .revenue = 1 * YY},
};

START_TEST(the_tax_cap_scales_a_years_awards_by_the_same_factor_to_the_fen)
{
	set("taxcap.enabled=true");
	set("taxcap.rate=0.1%"); /* 10万 of 350万: x 2/70 */
	struct got g;
	firm_capped(three_awards, N(three_awards), &g);
	ck_assert_uint_eq(g.n, 3);
	/* 50万 x 10/350 = 14285.714 -> 14285.71; 100万 -> 28571.43; 200万 -> 57142.86 */
	ck_assert_int_eq(of_line(&g, L_M1A)->amount, 1428571);
	ck_assert_int_eq(of_line(&g, L_M2)->amount, 2857143);
	ck_assert_int_eq(of_line(&g, L_M3A)->amount, 5714286);
	/* pooled lines still split 50/50 (rules_split: municipal takes the fen) */
	ck_assert_int_eq(of_line(&g, L_M1A)->provincial, 714286);
	ck_assert_int_eq(of_line(&g, L_M1A)->municipal, 714285);
	fen_t sum = 0;
	for (size_t i = 0; i < g.n; i++) {
		sum += g.a[i].amount;
		ck_assert_int_eq(g.a[i].provincial + g.a[i].municipal + g.a[i].district,
				 g.a[i].amount);
	}
	ck_assert_int_eq(sum, 10 * WAN);
}
END_TEST

START_TEST(the_tax_cap_applies_to_each_qualifying_year_on_its_own_revenue)
{
	/* M3A tier 1 in 2025 (1亿: cap 10万), tier 2 in 2026 (5亿: cap 50万, the
	 * 100万 top-up cut to 50万) */
	static const struct firm_year rows[] = {
		{.year = 2024,
		 .founded = 2000,
		 .origin = ORIGIN_EXISTING,
		 .employees = 100,
		 .revenue = 0.5 * YY},
		{.year = 2025,
		 .founded = 2000,
		 .origin = ORIGIN_EXISTING,
		 .employees = 100,
		 .revenue = 1 * YY},
		{.year = 2026,
		 .founded = 2000,
		 .origin = ORIGIN_EXISTING,
		 .employees = 100,
		 .revenue = 5 * YY},
	};
	set("taxcap.enabled=true");
	set("taxcap.rate=0.1%");
	struct got g;
	firm_capped(rows, N(rows), &g);
	ck_assert_uint_eq(g.n, 2);
	ck_assert_int_eq(g.a[0].year, 2025);
	ck_assert_int_eq(g.a[0].amount, 10 * WAN);
	ck_assert_int_eq(g.a[1].year, 2026);
	ck_assert_int_eq(g.a[1].amount, 50 * WAN);
}
END_TEST

/* ---- 总量控制 on the awards paid in one year ---- */

static struct award make(enum line_id l, fen_t amount)
{
	struct award a = {.line = l, .year = 2025, .paid_year = 2026, .amount = amount};
	rules_split(&S->pol, &a);
	snprintf(a.reason, sizeof a.reason, "why");
	return a;
}

static fen_t prorata(struct award *a, size_t n)
{
	struct award *p[8];
	for (size_t i = 0; i < n; i++)
		p[i] = &a[i];
	return rules_prorata(&S->pol, p, n);
}

START_TEST(prorata_below_or_at_the_envelope_changes_nothing)
{
	set("budget.annual_total=1000万");
	set("budget.rule=prorata");
	struct award a[] = {make(L_M1A, 500 * WAN), make(L_M3A, 500 * WAN)};
	ck_assert_int_eq(prorata(a, 1), 0); /* 500万 below */
	ck_assert_int_eq(prorata(a, 2), 0); /* 1000万: at */
	ck_assert_int_eq(a[0].amount, 500 * WAN);
	ck_assert_int_eq(a[1].amount, 500 * WAN);
	ck_assert_str_eq(a[0].reason, "why");
}
END_TEST

START_TEST(prorata_above_the_envelope_scales_every_award_by_the_same_factor)
{
	set("budget.annual_total=1000万");
	set("budget.rule=prorata");
	/* 2000万 paid: x 0.5 */
	struct award a[] = {make(L_M1A, 1000 * WAN), make(L_M3A, 500 * WAN),
			    make(L_M6A, 500 * WAN)};
	ck_assert_int_eq(prorata(a, 3), 1000 * WAN);
	ck_assert_int_eq(a[0].amount, 500 * WAN);
	ck_assert_int_eq(a[0].provincial, 250 * WAN); /* M1A pooled, 50% provincial */
	ck_assert_int_eq(a[0].municipal, 250 * WAN);
	ck_assert_int_eq(a[1].amount, 250 * WAN);
	ck_assert_int_eq(a[2].amount, 250 * WAN);
	ck_assert_str_eq(a[1].reason, "why; 总量控制 x0.5000");
}
END_TEST

START_TEST(prorata_rounding_never_exceeds_the_envelope_nor_leaves_a_level_negative)
{
	S->pol.model.budget.annual_total = 0.90; /* 90 fen */
	S->pol.model.budget.rule = BUDGET_PRORATA;
	/* four M1A awards of 25 fen (provincial 13, municipal 12), x 0.9: each
	 * 22.5 -> 23 fen, 92 in all; the 2 fen over come off the first largest
	 * award's largest level: provincial 12 -> 10 */
	struct award a[4];
	for (int i = 0; i < 4; i++)
		a[i] = make(L_M1A, 25);
	ck_assert_int_eq(prorata(a, 4), 10);
	ck_assert_int_eq(a[0].amount, 21);
	ck_assert_int_eq(a[0].provincial, 10);
	ck_assert_int_eq(a[0].municipal, 11);
	fen_t sum = 0;
	for (int i = 0; i < 4; i++) {
		sum += a[i].amount;
		ck_assert_int_ge(a[i].provincial, 0);
		ck_assert_int_ge(a[i].municipal, 0);
		ck_assert_int_ge(a[i].district, 0);
		ck_assert_int_eq(a[i].provincial + a[i].municipal + a[i].district, a[i].amount);
	}
	ck_assert_int_eq(sum, 90);
}
END_TEST

/* Regression: provincial and district each x.5 fen after scaling, so both
 * rounded up past the amount and municipal went to -1 fen. */
START_TEST(prorata_never_leaves_municipal_negative_when_both_other_levels_round_up)
{
	set("m1a.district_share=100%");
	S->pol.model.budget.annual_total = 0.01; /* 1 fen */
	S->pol.model.budget.rule = BUDGET_PRORATA;
	struct award a[] = {make(L_M1A, 2)}; /* provincial 1, district 1, municipal 0 */
	ck_assert_int_eq(a[0].provincial, 1);
	ck_assert_int_eq(a[0].district, 1);
	ck_assert_int_eq(prorata(a, 1), 1);
	ck_assert_int_eq(a[0].amount, 1);
	ck_assert_int_eq(a[0].municipal, 0);
	ck_assert_int_eq(a[0].provincial + a[0].district, 1);
}
END_TEST

/* Regression (a reviewer's finding): an award the district funds with the
 * province (SIP: district_share 100%, municipal 0) came out of a cut with
 * 1 fen on the municipal level, which pays nothing of it. M3A 50 fen
 * (municipal 50) first, then M1A 50 fen (provincial 25, district 25);
 * envelope 69 fen of 100: x 0.69.
 *   M3A: 34.5 -> 35; municipal 34.5: floor 34, the fen short to it: 35.
 *   M1A: 34.5 -> 35; provincial and district 17.25: floor 17 each, the
 *        fen short to the tie's first of municipal (pays nothing: never),
 *        district, provincial: 17 + 0 + 18.
 *   70 > 69: the fen over off the first largest award (M3A), its largest
 *        level: municipal 34. */
START_TEST(prorata_gives_no_fen_to_a_level_that_pays_nothing)
{
	set("m1a.district_share=100%");
	S->pol.model.budget.annual_total = 0.69;
	S->pol.model.budget.rule = BUDGET_PRORATA;
	struct award a[] = {make(L_M3A, 50), make(L_M1A, 50)};
	ck_assert_int_eq(a[0].municipal, 50);
	ck_assert_int_eq(a[1].provincial, 25);
	ck_assert_int_eq(a[1].municipal, 0);
	ck_assert_int_eq(a[1].district, 25);
	ck_assert_int_eq(prorata(a, 2), 31);
	ck_assert_int_eq(a[0].amount, 34);
	ck_assert_int_eq(a[0].provincial, 0);
	ck_assert_int_eq(a[0].municipal, 34);
	ck_assert_int_eq(a[0].district, 0);
	ck_assert_int_eq(a[1].amount, 35);
	ck_assert_int_eq(a[1].provincial, 17);
	ck_assert_int_eq(a[1].municipal, 0);
	ck_assert_int_eq(a[1].district, 18);
}
END_TEST

/* Each level rounded down, the fen short to the largest fractions: M1A
 * 100 fen in a district paying half the rest (provincial 50, municipal
 * 25, district 25), x 0.5 of 200 fen (with an M3A of 100): amount 50;
 * 25 + 12.5 + 12.5: floors 25, 12, 12 (fractions 0, .5, .5), 1 fen short
 * to the tie's first, municipal (the city takes the rounding, as
 * rules_split does): 25 + 13 + 12. */
START_TEST(prorata_gives_the_fen_short_to_the_largest_fraction)
{
	set("m1a.district_share=50%");
	set("budget.rule=prorata");
	S->pol.model.budget.annual_total = 1.00;
	struct award a[] = {make(L_M1A, 100), make(L_M3A, 100)};
	ck_assert_int_eq(a[0].provincial, 50);
	ck_assert_int_eq(a[0].municipal, 25);
	ck_assert_int_eq(a[0].district, 25);
	ck_assert_int_eq(prorata(a, 2), 100);
	ck_assert_int_eq(a[0].amount, 50);
	ck_assert_int_eq(a[0].provincial, 25);
	ck_assert_int_eq(a[0].municipal, 13);
	ck_assert_int_eq(a[0].district, 12);
	ck_assert_int_eq(a[1].amount, 50);
	ck_assert_int_eq(a[1].municipal, 50);
}
END_TEST

START_TEST(the_report_rule_or_no_envelope_cuts_nothing)
{
	set("budget.annual_total=1000万"); /* rule = report in the draft */
	struct award a[] = {make(L_M1A, 2000 * WAN)};
	ck_assert_int_eq(prorata(a, 1), 0);
	ck_assert_int_eq(a[0].amount, 2000 * WAN);
	set("budget.annual_total=0");
	set("budget.rule=prorata");
	ck_assert_int_eq(prorata(a, 1), 0);
	ck_assert_int_eq(a[0].amount, 2000 * WAN);
}
END_TEST

/* ---- 总量控制 with priorities and carry-forward (rules_envelope) ---- */

/* One paid year: carried-in awards c[0..nc), then the year's y[0..ny);
 * each cut in place; owed (when not NULL) gets what is unpaid of each,
 * as carry-forward awards for the next year; returns how many. */
static size_t year_of(struct award *c, size_t nc, struct award *y, size_t ny,
		      struct envelope_year *e, struct award *owed)
{
	struct award *p[16], was[32], *grp[16];
	size_t n = 0, no = 0;
	for (size_t i = 0; i < nc; i++)
		p[n++] = &c[i];
	for (size_t i = 0; i < ny; i++)
		p[n++] = &y[i];
	ck_assert_int_eq(rules_envelope(&S->pol, p, nc, n, was, grp, e), 0);
	fen_t paid = 0;
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(p[i]->provincial + p[i]->municipal + p[i]->district, p[i]->amount);
		ck_assert_int_ge(p[i]->provincial, 0);
		ck_assert_int_ge(p[i]->municipal, 0);
		ck_assert_int_ge(p[i]->district, 0);
		ck_assert_int_le(p[i]->amount, was[i].amount);
		paid += p[i]->amount;
		struct award o = was[i];
		o.amount -= p[i]->amount;
		o.provincial -= p[i]->provincial;
		o.municipal -= p[i]->municipal;
		o.district -= p[i]->district;
		ck_assert_int_ge(o.provincial, 0);
		ck_assert_int_ge(o.municipal, 0);
		ck_assert_int_ge(o.district, 0);
		if (owed && o.amount > 0)
			owed[no++] = o;
	}
	/* what was due and carried in is paid or cut, to the fen */
	ck_assert_int_eq(paid + e->cut, e->due + e->carried_in);
	ck_assert_int_le(paid, money_round(S->pol.model.budget.annual_total));
	return no;
}

START_TEST(priority_at_or_below_the_envelope_changes_nothing)
{
	set("budget.annual_total=1400万");
	set("budget.rule=priority");
	set("budget.priority=m12a, m7a");
	struct award y[] = {make(L_M12A, 400 * WAN), make(L_M7A, 500 * WAN), make(L_M1A, 300 * WAN),
			    make(L_M6A, 200 * WAN)};
	struct envelope_year e;
	year_of(NULL, 0, y, N(y), &e, NULL);
	ck_assert_int_eq(e.due, 1400 * WAN);
	ck_assert_int_eq(e.cut, 0);
	ck_assert_int_eq(y[3].amount, 200 * WAN);
	ck_assert_str_eq(y[0].reason, "why");
	set("budget.annual_total=2000万");
	year_of(NULL, 0, y, N(y), &e, NULL);
	ck_assert_int_eq(e.cut, 0);
}
END_TEST

START_TEST(priority_above_the_envelope_pays_the_listed_lines_first_the_rest_pro_rata)
{
	set("budget.annual_total=1000万");
	set("budget.rule=priority");
	set("budget.priority=m12a,m7a");
	/* 1400万 due: M12A 400 and M7A 500 in full, 100 left for M1A 300 and
	 * M6A 200: x0.2, 60 and 40 */
	struct award y[] = {make(L_M12A, 400 * WAN), make(L_M7A, 500 * WAN), make(L_M1A, 300 * WAN),
			    make(L_M6A, 200 * WAN)};
	struct envelope_year e;
	year_of(NULL, 0, y, N(y), &e, NULL);
	ck_assert_int_eq(e.cut, 400 * WAN);
	ck_assert_int_eq(e.carried_out, 0); /* no carry_forward: the cut is lost */
	ck_assert_int_eq(y[0].amount, 400 * WAN);
	ck_assert_int_eq(y[1].amount, 500 * WAN);
	ck_assert_int_eq(y[2].amount, 60 * WAN);
	ck_assert_int_eq(y[2].provincial, 30 * WAN); /* M1A pooled: half provincial */
	ck_assert_int_eq(y[3].amount, 40 * WAN);
	ck_assert_str_eq(y[3].reason, "why; 总量控制 160万 cut");
	/* the order counts: m7a first, and 700万 reach into the second line */
	set("budget.priority=m7a, m12a");
	set("budget.annual_total=700万");
	struct award z[] = {make(L_M12A, 400 * WAN), make(L_M7A, 500 * WAN), make(L_M1A, 300 * WAN),
			    make(L_M6A, 200 * WAN)};
	year_of(NULL, 0, z, N(z), &e, NULL);
	ck_assert_int_eq(z[1].amount, 500 * WAN);
	ck_assert_int_eq(z[0].amount, 200 * WAN); /* what is left */
	ck_assert_int_eq(z[2].amount, 0);
	ck_assert_int_eq(z[3].amount, 0);
	ck_assert_int_eq(e.cut, 700 * WAN);
}
END_TEST

START_TEST(a_group_scaled_to_what_is_left_adds_up_to_it_to_the_fen)
{
	set("budget.annual_total=100.01");
	set("budget.rule=priority");
	set("budget.priority=m12a");
	set("funding.district_share=50%");
	/* 3 pooled awards of 1 yuan and a fen each, 10001 fen to share: every
	 * level rounded down, the fen short added back, none past what was due */
	struct award y[] = {make(L_M12A, 3), make(L_M1A, 10001), make(L_M1A, 10001),
			    make(L_M1B, 10001)};
	struct envelope_year e;
	year_of(NULL, 0, y, N(y), &e, NULL);
	ck_assert_int_eq(y[0].amount, 3);
	ck_assert_int_eq(y[1].amount + y[2].amount + y[3].amount, 10001 - 3);
	ck_assert_int_eq(e.cut, 3 * 10001 + 3 - 10001);
}
END_TEST

START_TEST(carry_forward_pays_what_was_cut_first_over_two_and_three_years)
{
	set("budget.annual_total=1000万");
	set("budget.rule=priority");
	set("budget.priority=m12a");
	set("budget.carry_forward=true");
	struct award owed[8], next[8];
	struct envelope_year e;
	/* year 1: M12A 600 in full, M6A 400 of 800: 400 owed */
	struct award y1[] = {make(L_M12A, 600 * WAN), make(L_M6A, 800 * WAN)};
	size_t no = year_of(NULL, 0, y1, N(y1), &e, owed);
	ck_assert_int_eq(e.cut, 400 * WAN);
	ck_assert_int_eq(e.carried_out, 400 * WAN);
	ck_assert_uint_eq(no, 1);
	ck_assert_int_eq(owed[0].line, L_M6A);
	ck_assert_str_eq(y1[1].reason, "why; 总量控制 400万 cut, carried forward (结转)");
	/* year 2: the 400 owed first, then M12A 600 in full: nothing left for
	 * the new M6A 300, owed in turn */
	struct award y2[] = {make(L_M12A, 600 * WAN), make(L_M6A, 300 * WAN)};
	no = year_of(owed, no, y2, N(y2), &e, next);
	ck_assert_int_eq(owed[0].amount, 400 * WAN);
	ck_assert_int_eq(y2[0].amount, 600 * WAN);
	ck_assert_int_eq(y2[1].amount, 0);
	ck_assert_int_eq(e.carried_in, 400 * WAN);
	ck_assert_int_eq(e.due, 900 * WAN);
	ck_assert_int_eq(e.cut, 300 * WAN);
	ck_assert_int_eq(e.carried_out, 300 * WAN);
	/* year 3: the 300 owed, then M12A gets 700 of its 900: 200 owed after */
	struct award y3[] = {make(L_M12A, 900 * WAN)};
	no = year_of(next, no, y3, N(y3), &e, owed);
	ck_assert_int_eq(next[0].amount, 300 * WAN);
	ck_assert_int_eq(y3[0].amount, 700 * WAN);
	ck_assert_int_eq(e.carried_in, 300 * WAN);
	ck_assert_int_eq(e.cut, 200 * WAN);
	ck_assert_int_eq(e.carried_out, 200 * WAN);
	ck_assert_uint_eq(no, 1);
	ck_assert_int_eq(owed[0].amount, 200 * WAN); /* never paid if this was the last year */
}
END_TEST

START_TEST(carried_in_amounts_beyond_the_envelope_are_scaled_and_owed_again)
{
	set("budget.annual_total=100万");
	set("budget.rule=prorata");
	set("budget.carry_forward=true");
	struct award c[] = {make(L_M6A, 150 * WAN)}, y[] = {make(L_M12A, 50 * WAN)}, owed[4];
	struct envelope_year e;
	size_t no = year_of(c, 1, y, 1, &e, owed);
	ck_assert_int_eq(c[0].amount, 100 * WAN);
	ck_assert_int_eq(y[0].amount, 0);
	ck_assert_int_eq(e.cut, 100 * WAN);
	ck_assert_uint_eq(no, 2);
}
END_TEST

START_TEST(a_priority_list_or_carry_forward_the_rule_does_not_use_is_refused)
{
	char err[ERR_LEN];
	ck_assert_int_eq(scenario_set(S, "budget.priority=m12a", err, sizeof err), 0);
	ck_assert_int_ne(scenario_finish(S, err, sizeof err), 0);
	ck_assert_msg(strstr(err, "[budget] priority: only rule = priority uses it"), "%s", err);
	ck_assert_int_ne(scenario_set(S, "budget.priority=m12a,m99", err, sizeof err), 0);
	ck_assert_msg(strstr(err, "\"m99\" is not a line"), "%s", err);
	ck_assert_int_ne(scenario_set(S, "budget.priority=m12a,M12A", err, sizeof err), 0);
	ck_assert_msg(strstr(err, "listed twice"), "%s", err);
	ck_assert_int_eq(scenario_set(S, "budget.priority=none", err, sizeof err), 0);
	ck_assert_int_eq(scenario_set(S, "budget.carry_forward=true", err, sizeof err), 0);
	ck_assert_int_ne(scenario_finish(S, err, sizeof err), 0);
	ck_assert_msg(strstr(err, "[budget] carry_forward: rule = report cuts nothing"), "%s", err);
}
END_TEST

static Suite *rules_budget_suite(void)
{
	Suite *s = suite_create("rules_budget");
	TCase *tc = tcase_create("taxcap");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_tax_cap_above_the_award_pays_the_award_in_full);
	tcase_add_test(tc, the_tax_cap_equal_to_the_award_pays_the_award_in_full);
	tcase_add_test(tc, the_tax_cap_below_the_award_pays_the_tax_and_says_so);
	tcase_add_test(tc, the_tax_cap_off_changes_nothing);
	tcase_add_test(tc, the_tax_cap_scales_a_years_awards_by_the_same_factor_to_the_fen);
	tcase_add_test(tc, the_tax_cap_applies_to_each_qualifying_year_on_its_own_revenue);
	suite_add_tcase(s, tc);

	tc = tcase_create("prorata");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, prorata_below_or_at_the_envelope_changes_nothing);
	tcase_add_test(tc, prorata_above_the_envelope_scales_every_award_by_the_same_factor);
	tcase_add_test(tc, prorata_rounding_never_exceeds_the_envelope_nor_leaves_a_level_negative);
	tcase_add_test(tc, prorata_never_leaves_municipal_negative_when_both_other_levels_round_up);
	tcase_add_test(tc, prorata_gives_no_fen_to_a_level_that_pays_nothing);
	tcase_add_test(tc, prorata_gives_the_fen_short_to_the_largest_fraction);
	tcase_add_test(tc, the_report_rule_or_no_envelope_cuts_nothing);
	suite_add_tcase(s, tc);

	tc = tcase_create("priority");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, priority_at_or_below_the_envelope_changes_nothing);
	tcase_add_test(tc,
		       priority_above_the_envelope_pays_the_listed_lines_first_the_rest_pro_rata);
	tcase_add_test(tc, a_group_scaled_to_what_is_left_adds_up_to_it_to_the_fen);
	tcase_add_test(tc, carry_forward_pays_what_was_cut_first_over_two_and_three_years);
	tcase_add_test(tc, carried_in_amounts_beyond_the_envelope_are_scaled_and_owed_again);
	tcase_add_test(tc, a_priority_list_or_carry_forward_the_rule_does_not_use_is_refused);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_budget_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
