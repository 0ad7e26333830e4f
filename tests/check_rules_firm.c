/* check_rules_firm.c - the firm lines of the rules engine (第1-3条):
 * M1A, M1B, M2, M3A, M3B, M3C, against POLICY.md.
 *
 * Every expected amount is worked out by hand from the policy text and
 * written as a literal in fen; nothing here calls engine code to get an
 * expected value. The default scenario is the built-in draft:
 * start_year 2025, years 3 (qualifying years 2025-2027), payment_lag 1. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "policy.h"
#include "rules.h"
#include "scenario.h"
#include "totals.h"

#define WAN ((fen_t)1000000) /* 1万元 in fen */
#define WY 10000.0           /* 1万元 in yuan */
#define YY 100000000.0       /* 1亿元 in yuan */

/* Rows. founded, origin and industrial are read from a firm's first row. */
#define FIRM(y, f, o, ind, emp, cap, rev)                                        \
	{                                                                        \
		.year = (y), .founded = (f), .origin = (o), .industrial = (ind), \
		.employees = (emp), .paid_capital = (cap), .revenue = (rev)      \
	}
/* An attracted industrial-software firm settled in 2025. */
#define ATTR(y, emp, cap, rev) FIRM(y, 2025, ORIGIN_ATTRACTED, true, emp, cap, rev)
/* A newly set-up software firm (M2). */
#define NEWCO(y, f, emp, rev) FIRM(y, f, ORIGIN_NEW, false, emp, 0, rev)
/* An existing software firm (M3A). */
#define CO(y, rev) FIRM(y, 2000, ORIGIN_EXISTING, false, 100, 0, rev)
/* An existing firm with its key-database flag (M3C). */
#define KEY(y, rev, key)                                                                   \
	{                                                                                  \
		.year = (y), .founded = 2000, .origin = ORIGIN_EXISTING, .employees = 100, \
		.revenue = (rev), .key_db = (key)                                          \
	}
/* An existing firm with its top-100 flag (M3B); revenue small enough for no M3A. */
#define TOP(y, listed)                                                                     \
	{                                                                                  \
		.year = (y), .founded = 2000, .origin = ORIGIN_EXISTING, .employees = 100, \
		.revenue = 1000 * WY, .top100 = (listed)                                   \
	}
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- fixture: the built-in draft policy, and an award collector ---- */

#define MAX_AWARDS 64

struct got {
	struct award a[MAX_AWARDS];
	int n;
	bool reasons;
};

static struct scenario *S;
static struct got G;

static void setup(void)
{
	char err[ERR_LEN];
	S = calloc(1, sizeof *S);
	ck_assert_ptr_nonnull(S);
	ck_assert_msg(scenario_open(S, NULL, NULL, 0, err, sizeof err) == 0, "draft: %s", err);
	memset(&G, 0, sizeof G);
}

static void teardown(void)
{
	free(S);
	S = NULL;
}

/* Apply a --set style assignment to the draft; finish() validates. */
static void set(const char *assignment)
{
	char err[ERR_LEN];
	ck_assert_msg(scenario_set(S, assignment, err, sizeof err) == 0, "%s: %s", assignment, err);
}

static void finish(void)
{
	char err[ERR_LEN];
	ck_assert_msg(scenario_finish(S, err, sizeof err) == 0, "finish: %s", err);
}

static void collect(void *ctx, const struct award *a)
{
	struct got *g = ctx;
	ck_assert_int_lt(g->n, MAX_AWARDS);
	if (g->reasons)
		ck_assert_msg(a->reason[0] != '\0', "award of line %d in %d has no reason",
			      (int)a->line, a->year);
	/* every award is split exactly */
	ck_assert_int_eq(a->provincial + a->municipal + a->district, a->amount);
	g->a[g->n++] = *a;
}

/* The awards of a list sink (the Monte Carlo run's) are those the sink's
 * fn gets, in the same order, line, year and amount alike. */
static void ck_list_agrees(const struct firm_year *rows, size_t n)
{
	struct award_due *list = malloc(RULES_MAX_AWARDS(n) * sizeof *list);
	size_t nl = 0;
	ck_assert_ptr_nonnull(list);
	struct award_sink sink = {.list = list, .nlist = &nl};
	rules_firm(&S->pol, rows, n, &sink);
	ck_assert_int_eq((int)nl, G.n);
	for (size_t i = 0; i < nl; i++) {
		ck_assert_int_eq(list[i].line, G.a[i].line);
		ck_assert_int_eq(list[i].year, G.a[i].year);
		ck_assert_int_eq(list[i].amount, G.a[i].amount);
	}
	free(list);
}

static void run_with(const struct firm_year *rows, size_t n, bool reasons)
{
	memset(&G, 0, sizeof G);
	G.reasons = reasons;
	struct award_sink sink = {.fn = collect, .ctx = &G, .reasons = reasons};
	rules_firm(&S->pol, rows, n, &sink);
	ck_list_agrees(rows, n);
}

static void run(const struct firm_year *rows, size_t n)
{
	run_with(rows, n, true);
}

/* Number of awards of a line. */
static int count(enum line_id line)
{
	int k = 0;
	for (int i = 0; i < G.n; i++)
		k += G.a[i].line == line;
	return k;
}

/* The i-th award (0-based) of a line; fails the test when there is none. */
static const struct award *nth(enum line_id line, int i)
{
	int k = i;
	for (int j = 0; j < G.n; j++)
		if (G.a[j].line == line && k-- == 0)
			return &G.a[j];
	ck_abort_msg("line %d: award #%d missing (%d awards of the line)", (int)line, i,
		     count(line));
	return NULL;
}

/* The only award of a line. */
static const struct award *only(enum line_id line)
{
	ck_assert_int_eq(count(line), 1);
	return nth(line, 0);
}

/* Sum of a line's awards. */
static fen_t total(enum line_id line)
{
	fen_t t = 0;
	for (int i = 0; i < G.n; i++)
		if (G.a[i].line == line)
			t += G.a[i].amount;
	return t;
}

/* ================================ M1A ================================ */

START_TEST(test_m1a_capital_at_threshold_pays_five_percent)
{
	struct firm_year r[] = {ATTR(2025, 50, 1000 * WY, 0)};
	run(r, N(r));
	const struct award *a = only(L_M1A);
	/* 5% x 1000万 = 50万 */
	ck_assert_int_eq(a->amount, 50 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m1a_capital_one_yuan_below_threshold_pays_nothing)
{
	/* 1000万 - 1 yuan < 实缴注册资本不低于1000万元 */
	struct firm_year r[] = {ATTR(2025, 50, 1000 * WY - 1, 0)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
}
END_TEST

START_TEST(test_m1a_capital_one_yuan_above_threshold_pays_five_percent_to_the_fen)
{
	struct firm_year r[] = {ATTR(2025, 50, 1000 * WY + 1, 0)};
	run(r, N(r));
	/* 5% x 10,000,001 yuan = 500,000.05 yuan = 50,000,005 fen */
	ck_assert_int_eq(only(L_M1A)->amount, 50000005);
}
END_TEST

START_TEST(test_m1a_49_staff_pays_nothing)
{
	struct firm_year r[] = {ATTR(2025, 49, 1500 * WY, 0)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
}
END_TEST

START_TEST(test_m1a_50_staff_pays)
{
	struct firm_year r[] = {ATTR(2025, 50, 1500 * WY, 0)};
	run(r, N(r));
	/* 5% x 1500万 = 75万 */
	ck_assert_int_eq(only(L_M1A)->amount, 75 * WAN);
}
END_TEST

START_TEST(test_m1a_51_staff_pays)
{
	struct firm_year r[] = {ATTR(2025, 51, 1500 * WY, 0)};
	run(r, N(r));
	/* 5% x 1500万 = 75万 */
	ck_assert_int_eq(only(L_M1A)->amount, 75 * WAN);
}
END_TEST

START_TEST(test_m1a_capital_one_yuan_below_cap_point_pays_just_under_the_cap)
{
	struct firm_year r[] = {ATTR(2025, 50, 2000 * WY - 1, 0)};
	run(r, N(r));
	/* 5% x 19,999,999 yuan = 999,999.95 yuan = 99.999995万 = 99,999,995 fen */
	ck_assert_int_eq(only(L_M1A)->amount, 99999995);
}
END_TEST

START_TEST(test_m1a_capital_at_cap_point_pays_the_cap)
{
	struct firm_year r[] = {ATTR(2025, 50, 2000 * WY, 0)};
	run(r, N(r));
	/* 5% x 2000万 = 100万 = cap */
	ck_assert_int_eq(only(L_M1A)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m1a_capital_one_yuan_above_cap_point_is_capped)
{
	struct firm_year r[] = {ATTR(2025, 50, 2000 * WY + 1, 0)};
	run(r, N(r));
	/* 5% x 20,000,001 = 100.00005万 > cap -> 100万 */
	ck_assert_int_eq(only(L_M1A)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m1a_large_capital_is_capped_at_100_wan)
{
	struct firm_year r[] = {ATTR(2025, 300, 2 * YY, 0)};
	run(r, N(r));
	/* 5% x 2亿 = 1000万 -> cap 100万 */
	ck_assert_int_eq(only(L_M1A)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m1a_pays_once_on_the_capital_of_the_first_qualifying_year)
{
	struct firm_year r[] = {
		ATTR(2025, 20, 1500 * WY, 0), /* staff short */
		ATTR(2026, 60, 1200 * WY, 0), /* first qualifying year */
		ATTR(2027, 80, 3000 * WY, 0), /* would be capped, but M1A is once */
	};
	run(r, N(r));
	const struct award *a = only(L_M1A);
	/* 5% x 1200万 = 60万, for 2026 */
	ck_assert_int_eq(a->amount, 60 * WAN);
	ck_assert_int_eq(a->year, 2026);
	ck_assert_int_eq(a->paid_year, 2027);
}
END_TEST

START_TEST(test_m1a_qualifying_in_third_year_of_settling_pays)
{
	struct firm_year r[] = {
		ATTR(2025, 10, 1000 * WY, 0), ATTR(2026, 30, 1000 * WY, 0),
		ATTR(2027, 50, 1600 * WY, 0), /* year 3 of settling */
	};
	run(r, N(r));
	const struct award *a = only(L_M1A);
	/* 5% x 1600万 = 80万 */
	ck_assert_int_eq(a->amount, 80 * WAN);
	ck_assert_int_eq(a->year, 2027);
}
END_TEST

START_TEST(test_m1a_qualifying_in_fourth_year_of_settling_pays_nothing)
{
	set("scenario.years=5"); /* so that 2028 is inside the policy window */
	finish();
	struct firm_year r[] = {
		ATTR(2025, 10, 1000 * WY, 0), ATTR(2026, 30, 1000 * WY, 0),
		ATTR(2027, 40, 1000 * WY, 0),
		ATTR(2028, 50, 1600 * WY, 0), /* year 4: outside employee_window_years = 3 */
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
}
END_TEST

START_TEST(test_m1a_employee_window_of_four_years_pays_in_fourth_year)
{
	set("scenario.years=5");
	set("m1a.employee_window_years=4");
	finish();
	struct firm_year r[] = {
		ATTR(2025, 10, 1000 * WY, 0),
		ATTR(2026, 30, 1000 * WY, 0),
		ATTR(2027, 40, 1000 * WY, 0),
		ATTR(2028, 50, 1600 * WY, 0),
	};
	run(r, N(r));
	const struct award *a = only(L_M1A);
	/* 5% x 1600万 = 80万, qualifying 2028, paid 2029 */
	ck_assert_int_eq(a->amount, 80 * WAN);
	ck_assert_int_eq(a->year, 2028);
	ck_assert_int_eq(a->paid_year, 2029);
}
END_TEST

START_TEST(test_m1a_firm_founded_before_start_year_gets_nothing)
{
	struct firm_year r[] = {
		FIRM(2024, 2024, ORIGIN_ATTRACTED, true, 10, 1000 * WY, 0),
		FIRM(2025, 2024, ORIGIN_ATTRACTED, true, 60, 1000 * WY, 0),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
}
END_TEST

START_TEST(test_m1a_firm_settled_in_last_policy_year_pays)
{
	struct firm_year r[] = {FIRM(2027, 2027, ORIGIN_ATTRACTED, true, 50, 1000 * WY, 0)};
	run(r, N(r));
	/* 5% x 1000万 = 50万 */
	ck_assert_int_eq(only(L_M1A)->amount, 50 * WAN);
}
END_TEST

START_TEST(test_m1a_qualifying_after_policy_window_pays_nothing)
{
	/* settled 2027, staff reach 50 only in 2028 (year 2 of settling, but
	 * after the policy window 2025-2027) */
	struct firm_year r[] = {
		FIRM(2027, 2027, ORIGIN_ATTRACTED, true, 10, 1000 * WY, 0),
		FIRM(2028, 2027, ORIGIN_ATTRACTED, true, 50, 1000 * WY, 0),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
}
END_TEST

START_TEST(test_m1a_non_industrial_firm_gets_nothing)
{
	struct firm_year r[] = {FIRM(2025, 2025, ORIGIN_ATTRACTED, false, 50, 2000 * WY, 0)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
}
END_TEST

START_TEST(test_m1a_new_firm_that_was_not_attracted_gets_nothing)
{
	struct firm_year r[] = {FIRM(2025, 2025, ORIGIN_NEW, true, 50, 2000 * WY, 0)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
}
END_TEST

START_TEST(test_m1a_existing_and_spinoff_firms_get_nothing)
{
	struct firm_year e[] = {FIRM(2025, 2025, ORIGIN_EXISTING, true, 50, 2000 * WY, 0)};
	run(e, N(e));
	ck_assert_int_eq(count(L_M1A), 0);
	struct firm_year s[] = {FIRM(2025, 2025, ORIGIN_SPINOFF, true, 50, 2000 * WY, 0)};
	run(s, N(s));
	ck_assert_int_eq(count(L_M1A), 0);
}
END_TEST

START_TEST(test_m1a_reason_names_capital_and_amount)
{
	struct firm_year r[] = {ATTR(2025, 50, 1500 * WY, 0)};
	run(r, N(r));
	const struct award *a = only(L_M1A);
	/* 5% x 1500万 = 75万 */
	ck_assert_int_eq(a->amount, 75 * WAN);
	ck_assert_msg(strstr(a->reason, "1500万") != NULL, "reason: %s", a->reason);
	ck_assert_msg(strstr(a->reason, "75万") != NULL, "reason: %s", a->reason);
}
END_TEST

START_TEST(test_m1a_disabled_pays_nothing)
{
	set("m1a.enabled=false");
	finish();
	struct firm_year r[] = {ATTR(2025, 50, 2000 * WY, 0)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
}
END_TEST

/* ============================== funding ============================== */

START_TEST(test_m1a_pooled_split_is_half_provincial_half_municipal)
{
	struct firm_year r[] = {ATTR(2025, 50, 2000 * WY, 0)};
	run(r, N(r));
	const struct award *a = only(L_M1A);
	/* 100万 x 50% provincial = 50万; the rest 50万 municipal; district 0 */
	ck_assert_int_eq(a->amount, 100 * WAN);
	ck_assert_int_eq(a->provincial, 50 * WAN);
	ck_assert_int_eq(a->municipal, 50 * WAN);
	ck_assert_int_eq(a->district, 0);
	ck_assert_int_eq(a->provincial + a->municipal + a->district, a->amount);
}
END_TEST

START_TEST(test_m1a_district_share_takes_half_of_the_non_provincial_money)
{
	set("m1a.district_share=50%");
	finish();
	struct firm_year r[] = {ATTR(2025, 50, 2000 * WY, 0)};
	run(r, N(r));
	const struct award *a = only(L_M1A);
	/* 100万: provincial 50% = 50万; rest 50万: district 50% = 25万, municipal 25万 */
	ck_assert_int_eq(a->provincial, 50 * WAN);
	ck_assert_int_eq(a->district, 25 * WAN);
	ck_assert_int_eq(a->municipal, 25 * WAN);
	ck_assert_int_eq(a->provincial + a->municipal + a->district, a->amount);
}
END_TEST

START_TEST(test_m1a_own_provincial_share_overrides_the_funding_default)
{
	set("m1a.provincial_share=30%");
	finish();
	struct firm_year r[] = {ATTR(2025, 50, 2000 * WY, 0)};
	run(r, N(r));
	const struct award *a = only(L_M1A);
	/* 100万 x 30% = 30万 provincial; 70万 municipal */
	ck_assert_int_eq(a->provincial, 30 * WAN);
	ck_assert_int_eq(a->municipal, 70 * WAN);
	ck_assert_int_eq(a->district, 0);
}
END_TEST

START_TEST(test_m1a_odd_fen_amount_still_splits_exactly)
{
	struct firm_year r[] = {ATTR(2025, 50, 1000 * WY + 1, 0)};
	run(r, N(r));
	const struct award *a = only(L_M1A);
	/* 50,000,005 fen cannot halve exactly: the two halves differ by 1 fen at most */
	ck_assert_int_eq(a->amount, 50000005);
	ck_assert_int_eq(a->provincial + a->municipal + a->district, 50000005);
	ck_assert_int_le(llabs((long long)(a->provincial - a->municipal)), 1);
}
END_TEST

START_TEST(test_m3a_municipal_line_is_all_municipal)
{
	struct firm_year r[] = {CO(2025, 1 * YY)};
	run(r, N(r));
	const struct award *a = only(L_M3A);
	/* 200万, municipal line: provincial 0, municipal 200万, district 0 */
	ck_assert_int_eq(a->amount, 200 * WAN);
	ck_assert_int_eq(a->provincial, 0);
	ck_assert_int_eq(a->municipal, 200 * WAN);
	ck_assert_int_eq(a->district, 0);
}
END_TEST

START_TEST(test_m3a_municipal_line_ignores_provincial_share)
{
	set("funding.provincial_share=80%");
	set("m3a.provincial_share=80%");
	finish();
	struct firm_year r[] = {CO(2025, 1 * YY)};
	run(r, N(r));
	const struct award *a = only(L_M3A);
	/* municipal line: 200万 all municipal whatever provincial_share says */
	ck_assert_int_eq(a->provincial, 0);
	ck_assert_int_eq(a->municipal, 200 * WAN);
}
END_TEST

START_TEST(test_m3a_district_share_on_a_municipal_line)
{
	set("m3a.district_share=50%");
	finish();
	struct firm_year r[] = {CO(2025, 1 * YY)};
	run(r, N(r));
	const struct award *a = only(L_M3A);
	/* 200万: provincial 0; district 50% x 200万 = 100万; municipal 100万 */
	ck_assert_int_eq(a->provincial, 0);
	ck_assert_int_eq(a->district, 100 * WAN);
	ck_assert_int_eq(a->municipal, 100 * WAN);
}
END_TEST

/* ================================ M1B ================================ */

START_TEST(test_m1b_sum_reaching_2_yi_in_second_year_pays_200_wan)
{
	struct firm_year r[] = {
		ATTR(2025, 50, 1000 * WY, 1.2 * YY),
		ATTR(2026, 50, 1000 * WY, 0.8 * YY),
	};
	run(r, N(r));
	const struct award *a = only(L_M1B);
	/* 1.2亿 + 0.8亿 = 2亿 in 2026 -> 200万, paid 2027 */
	ck_assert_int_eq(a->amount, 200 * WAN);
	ck_assert_int_eq(a->year, 2026);
	ck_assert_int_eq(a->paid_year, 2027);
}
END_TEST

START_TEST(test_m1b_sum_one_yuan_below_2_yi_pays_nothing)
{
	struct firm_year r[] = {
		ATTR(2025, 50, 1000 * WY, 0.5 * YY),
		ATTR(2026, 50, 1000 * WY, 0.5 * YY),
		ATTR(2027, 50, 1000 * WY, 1 * YY - 1),
	};
	run(r, N(r));
	/* 0.5亿 + 0.5亿 + (1亿 - 1) = 2亿 - 1 yuan */
	ck_assert_int_eq(count(L_M1B), 0);
}
END_TEST

START_TEST(test_m1b_sum_at_2_yi_in_third_year_pays)
{
	struct firm_year r[] = {
		ATTR(2025, 50, 1000 * WY, 0.5 * YY),
		ATTR(2026, 50, 1000 * WY, 0.5 * YY),
		ATTR(2027, 50, 1000 * WY, 1 * YY),
	};
	run(r, N(r));
	const struct award *a = only(L_M1B);
	/* 0.5亿 + 0.5亿 + 1亿 = 2亿 in 2027 -> 200万 */
	ck_assert_int_eq(a->amount, 200 * WAN);
	ck_assert_int_eq(a->year, 2027);
}
END_TEST

START_TEST(test_m1b_sum_one_yuan_above_2_yi_pays)
{
	struct firm_year r[] = {
		ATTR(2025, 50, 1000 * WY, 0.5 * YY),
		ATTR(2026, 50, 1000 * WY, 0.5 * YY),
		ATTR(2027, 50, 1000 * WY, 1 * YY + 1),
	};
	run(r, N(r));
	/* 2亿 + 1 yuan -> 200万 */
	ck_assert_int_eq(only(L_M1B)->amount, 200 * WAN);
}
END_TEST

START_TEST(test_m1b_pays_once_per_firm)
{
	struct firm_year r[] = {
		ATTR(2025, 50, 1000 * WY, 2 * YY),
		ATTR(2026, 50, 1000 * WY, 2 * YY),
		ATTR(2027, 50, 1000 * WY, 2 * YY),
	};
	run(r, N(r));
	/* 2亿 reached in 2025 -> 200万 once */
	ck_assert_int_eq(only(L_M1B)->year, 2025);
	ck_assert_int_eq(total(L_M1B), 200 * WAN);
}
END_TEST

START_TEST(test_m1b_revenue_of_fourth_year_of_settling_does_not_count)
{
	set("scenario.years=5");
	finish();
	struct firm_year r[] = {
		ATTR(2025, 50, 1000 * WY, 0.5 * YY), ATTR(2026, 50, 1000 * WY, 0.5 * YY),
		ATTR(2027, 50, 1000 * WY, 0.5 * YY),
		ATTR(2028, 50, 1000 * WY, 0.5 * YY), /* year 4: outside 落户3年内 */
	};
	run(r, N(r));
	/* 3 x 0.5亿 = 1.5亿 < 2亿 within the window */
	ck_assert_int_eq(count(L_M1B), 0);
}
END_TEST

START_TEST(test_m1b_window_of_four_years_counts_fourth_year)
{
	set("scenario.years=5");
	set("m1b.window_years=4");
	finish();
	struct firm_year r[] = {
		ATTR(2025, 50, 1000 * WY, 0.5 * YY),
		ATTR(2026, 50, 1000 * WY, 0.5 * YY),
		ATTR(2027, 50, 1000 * WY, 0.5 * YY),
		ATTR(2028, 50, 1000 * WY, 0.5 * YY),
	};
	run(r, N(r));
	const struct award *a = only(L_M1B);
	/* 4 x 0.5亿 = 2亿 in 2028 -> 200万 */
	ck_assert_int_eq(a->amount, 200 * WAN);
	ck_assert_int_eq(a->year, 2028);
}
END_TEST

START_TEST(test_m1b_window_of_two_years_drops_third_year)
{
	set("m1b.window_years=2");
	finish();
	struct firm_year r[] = {
		ATTR(2025, 50, 1000 * WY, 0.5 * YY),
		ATTR(2026, 50, 1000 * WY, 0.5 * YY),
		ATTR(2027, 50, 1000 * WY, 1 * YY),
	};
	run(r, N(r));
	/* window 2025-2026: 0.5亿 + 0.5亿 = 1亿 < 2亿 */
	ck_assert_int_eq(count(L_M1B), 0);
}
END_TEST

START_TEST(test_m1b_requires_m1a_and_firm_never_gets_m1a_pays_nothing)
{
	struct firm_year r[] = {
		ATTR(2025, 10, 1000 * WY, 1 * YY), /* staff never reach 50 */
		ATTR(2026, 10, 1000 * WY, 1 * YY),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
	ck_assert_int_eq(count(L_M1B), 0);
}
END_TEST

START_TEST(test_m1b_without_requires_m1a_pays_firm_that_never_gets_m1a)
{
	set("m1b.requires_m1a=false");
	finish();
	struct firm_year r[] = {
		ATTR(2025, 10, 1000 * WY, 1 * YY),
		ATTR(2026, 10, 1000 * WY, 1 * YY),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
	const struct award *a = only(L_M1B);
	/* 1亿 + 1亿 = 2亿 in 2026 -> 200万 */
	ck_assert_int_eq(a->amount, 200 * WAN);
	ck_assert_int_eq(a->year, 2026);
}
END_TEST

START_TEST(test_m1b_without_requires_m1a_still_needs_an_attracted_firm)
{
	set("m1b.requires_m1a=false");
	finish();
	struct firm_year r[] = {
		FIRM(2025, 2025, ORIGIN_NEW, true, 10, 1000 * WY, 1 * YY),
		FIRM(2026, 2025, ORIGIN_NEW, true, 10, 1000 * WY, 1 * YY),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1B), 0);
}
END_TEST

START_TEST(test_m1b_without_requires_m1a_still_needs_an_industrial_firm)
{
	set("m1b.requires_m1a=false");
	finish();
	struct firm_year r[] = {
		FIRM(2025, 2025, ORIGIN_ATTRACTED, false, 10, 1000 * WY, 1 * YY),
		FIRM(2026, 2025, ORIGIN_ATTRACTED, false, 10, 1000 * WY, 1 * YY),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1B), 0);
}
END_TEST

START_TEST(test_m1b_without_requires_m1a_still_needs_settling_in_a_policy_year)
{
	set("m1b.requires_m1a=false");
	finish();
	struct firm_year r[] = {
		FIRM(2024, 2024, ORIGIN_ATTRACTED, true, 10, 1000 * WY, 1 * YY),
		FIRM(2025, 2024, ORIGIN_ATTRACTED, true, 10, 1000 * WY, 1 * YY),
		FIRM(2026, 2024, ORIGIN_ATTRACTED, true, 10, 1000 * WY, 1 * YY),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1B), 0);
}
END_TEST

START_TEST(test_m1b_sum_reached_before_m1a_year_is_paid_in_the_m1a_year)
{
	struct firm_year r[] = {
		ATTR(2025, 10, 1000 * WY, 2 * YY), /* 2亿 reached, no M1A yet */
		ATTR(2026, 50, 1000 * WY, 0),      /* M1A qualifies */
	};
	run(r, N(r));
	const struct award *a1 = only(L_M1A);
	const struct award *b = only(L_M1B);
	/* M1A: 5% x 1000万 = 50万 in 2026; M1B: 200万 in 2026, the first year both hold */
	ck_assert_int_eq(a1->amount, 50 * WAN);
	ck_assert_int_eq(a1->year, 2026);
	ck_assert_int_eq(b->amount, 200 * WAN);
	ck_assert_int_eq(b->year, 2026);
	ck_assert_int_eq(b->paid_year, 2027);
}
END_TEST

START_TEST(test_m1b_m1a_only_after_the_three_year_window_pays_no_m1b)
{
	set("scenario.years=5");
	set("m1a.employee_window_years=4");
	finish();
	struct firm_year r[] = {
		ATTR(2025, 10, 1000 * WY, 2 * YY), ATTR(2026, 10, 1000 * WY, 0),
		ATTR(2027, 10, 1000 * WY, 0),
		ATTR(2028, 50, 1000 * WY, 0), /* M1A in year 4: outside M1B's window */
	};
	run(r, N(r));
	/* M1A: 5% x 1000万 = 50万 in 2028 */
	ck_assert_int_eq(only(L_M1A)->amount, 50 * WAN);
	ck_assert_int_eq(count(L_M1B), 0);
}
END_TEST

/* POLICY.md, M1B: "requires_m1a = true ... The M1A award must have been
 * granted in the same or an earlier year." With M1A disabled no M1A award
 * is granted, so no M1B either. */
START_TEST(test_m1b_requires_m1a_pays_nothing_when_m1a_is_disabled)
{
	set("m1a.enabled=false");
	finish();
	struct firm_year r[] = {ATTR(2025, 50, 1000 * WY, 2 * YY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M1A), 0);
	/* no M1A granted -> M1B 0 */
	ck_assert_int_eq(count(L_M1B), 0);
}
END_TEST

START_TEST(test_m1b_payout_scales_the_amount)
{
	set("m1b.payout=50%");
	finish();
	struct firm_year r[] = {ATTR(2025, 50, 1000 * WY, 2 * YY)};
	run(r, N(r));
	/* 200万 x 50% = 100万 */
	ck_assert_int_eq(only(L_M1B)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m1b_is_pooled)
{
	struct firm_year r[] = {ATTR(2025, 50, 1000 * WY, 2 * YY)};
	run(r, N(r));
	const struct award *a = only(L_M1B);
	/* 200万 pooled: 100万 provincial, 100万 municipal */
	ck_assert_int_eq(a->provincial, 100 * WAN);
	ck_assert_int_eq(a->municipal, 100 * WAN);
	ck_assert_int_eq(a->district, 0);
}
END_TEST

/* ================================ M2 ================================= */

START_TEST(test_m2_tier1_at_threshold_pays_50_wan)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 20, 2000 * WY)};
	run(r, N(r));
	const struct award *a = only(L_M2);
	/* 20人 and 2000万 -> 50万 */
	ck_assert_int_eq(a->amount, 50 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m2_19_staff_pays_nothing)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 19, 2000 * WY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M2), 0);
}
END_TEST

START_TEST(test_m2_21_staff_pays_tier1)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 21, 2000 * WY)};
	run(r, N(r));
	/* tier 1 -> 50万 */
	ck_assert_int_eq(only(L_M2)->amount, 50 * WAN);
}
END_TEST

START_TEST(test_m2_revenue_one_yuan_below_2000_wan_pays_nothing)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 20, 2000 * WY - 1)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M2), 0);
}
END_TEST

START_TEST(test_m2_revenue_one_yuan_above_2000_wan_pays_tier1)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 20, 2000 * WY + 1)};
	run(r, N(r));
	/* tier 1 -> 50万 */
	ck_assert_int_eq(only(L_M2)->amount, 50 * WAN);
}
END_TEST

START_TEST(test_m2_49_staff_with_tier2_revenue_pays_tier1)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 49, 5000 * WY)};
	run(r, N(r));
	/* 49人 < 50: only tier 1 (20人 and 2000万) -> 50万 */
	ck_assert_int_eq(only(L_M2)->amount, 50 * WAN);
}
END_TEST

START_TEST(test_m2_tier2_revenue_one_yuan_below_pays_tier1)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 50, 5000 * WY - 1)};
	run(r, N(r));
	/* 5000万 - 1 < 5000万: only tier 1 -> 50万 */
	ck_assert_int_eq(only(L_M2)->amount, 50 * WAN);
}
END_TEST

START_TEST(test_m2_jump_straight_to_tier2_at_threshold_tops_up_to_100_wan)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 50, 5000 * WY)};
	run(r, N(r));
	/* topup, 0 -> tier 2: 100万 - 0 = 100万 */
	ck_assert_int_eq(only(L_M2)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m2_tier2_one_above_both_thresholds_pays_100_wan)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 51, 5000 * WY + 1)};
	run(r, N(r));
	/* topup, 0 -> tier 2: 100万 */
	ck_assert_int_eq(only(L_M2)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m2_staff_and_revenue_must_meet_the_tier_in_the_same_year)
{
	struct firm_year r[] = {
		NEWCO(2025, 2025, 20, 100 * WY),  /* staff only */
		NEWCO(2026, 2025, 5, 2000 * WY),  /* revenue only */
		NEWCO(2027, 2025, 19, 5000 * WY), /* revenue, staff one short */
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M2), 0);
}
END_TEST

START_TEST(test_m2_topup_tier1_then_tier2_pays_the_difference)
{
	struct firm_year r[] = {
		NEWCO(2025, 2025, 20, 2000 * WY),
		NEWCO(2026, 2025, 50, 5000 * WY),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M2), 2);
	/* 2025: 50万; 2026: 100万 - 50万 = 50万 */
	ck_assert_int_eq(nth(L_M2, 0)->amount, 50 * WAN);
	ck_assert_int_eq(nth(L_M2, 1)->amount, 50 * WAN);
	ck_assert_int_eq(nth(L_M2, 1)->year, 2026);
	/* total never above the highest tier reached: 100万 */
	ck_assert_int_eq(total(L_M2), 100 * WAN);
}
END_TEST

START_TEST(test_m2_each_tier1_then_tier2_pays_both_in_full)
{
	set("m2.mode=each");
	finish();
	struct firm_year r[] = {
		NEWCO(2025, 2025, 20, 2000 * WY),
		NEWCO(2026, 2025, 50, 5000 * WY),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M2), 2);
	/* 2025: 50万; 2026: 100万 */
	ck_assert_int_eq(nth(L_M2, 0)->amount, 50 * WAN);
	ck_assert_int_eq(nth(L_M2, 1)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m2_once_tier1_then_tier2_pays_only_tier1)
{
	set("m2.mode=once");
	finish();
	struct firm_year r[] = {
		NEWCO(2025, 2025, 20, 2000 * WY),
		NEWCO(2026, 2025, 50, 5000 * WY),
	};
	run(r, N(r));
	const struct award *a = only(L_M2);
	/* first tier reached: 50万, then nothing */
	ck_assert_int_eq(a->amount, 50 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m2_each_jump_straight_to_tier2_pays_150_wan)
{
	set("m2.mode=each");
	finish();
	struct firm_year r[] = {NEWCO(2025, 2025, 50, 5000 * WY)};
	run(r, N(r));
	/* 50万 + 100万 = 150万 */
	ck_assert_int_eq(total(L_M2), 150 * WAN);
}
END_TEST

START_TEST(test_m2_once_jump_straight_to_tier2_pays_100_wan)
{
	set("m2.mode=once");
	finish();
	struct firm_year r[] = {NEWCO(2025, 2025, 50, 5000 * WY)};
	run(r, N(r));
	/* first tier reached is tier 2: 100万 */
	ck_assert_int_eq(only(L_M2)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m2_same_tier_reached_again_pays_nothing_more)
{
	struct firm_year r[] = {
		NEWCO(2025, 2025, 20, 2000 * WY),
		NEWCO(2026, 2025, 10, 1000 * WY),
		NEWCO(2027, 2025, 30, 3000 * WY),
	};
	run(r, N(r));
	/* tier 1 once: 50万 */
	ck_assert_int_eq(only(L_M2)->amount, 50 * WAN);
}
END_TEST

START_TEST(test_m2_topup_history_tier1_then_tier2_pays_50_wan)
{
	struct firm_year r[] = {
		NEWCO(2024, 2024, 20, 2000 * WY), /* history: counts as awarded */
		NEWCO(2025, 2024, 50, 5000 * WY),
	};
	run(r, N(r));
	const struct award *a = only(L_M2);
	/* 100万 - 50万 (history counts as paid) = 50万 */
	ck_assert_int_eq(a->amount, 50 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m2_each_history_tier1_then_tier2_pays_100_wan)
{
	set("m2.mode=each");
	finish();
	struct firm_year r[] = {
		NEWCO(2024, 2024, 20, 2000 * WY),
		NEWCO(2025, 2024, 50, 5000 * WY),
	};
	run(r, N(r));
	/* tier 2's full amount: 100万 */
	ck_assert_int_eq(only(L_M2)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m2_once_history_tier1_then_tier2_pays_nothing)
{
	set("m2.mode=once");
	finish();
	struct firm_year r[] = {
		NEWCO(2024, 2024, 20, 2000 * WY),
		NEWCO(2025, 2024, 50, 5000 * WY),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M2), 0);
}
END_TEST

/* History rows have a loop of their own (rules_firm_lines): its edges. */
START_TEST(test_m2_history_revenue_a_fen_below_tier1_counts_for_nothing)
{
	struct firm_year r[] = {
		NEWCO(2024, 2024, 20, 2000 * WY - 0.01), /* staff at the bar, revenue not */
		NEWCO(2025, 2024, 20, 2000 * WY),
	};
	run(r, N(r));
	const struct award *a = only(L_M2);
	/* tier 1 first reached in 2025: 50万 in full */
	ck_assert_int_eq(a->amount, 50 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m2_history_row_before_founding_counts_for_nothing)
{
	struct firm_year r[] = {
		NEWCO(2023, 2024, 50, 5000 * WY), /* before M2's years begin */
		NEWCO(2024, 2024, 10, 1000 * WY),
		NEWCO(2025, 2024, 50, 5000 * WY),
	};
	run(r, N(r));
	/* tier 2 first reached in M2's years in 2025: 100万 in full */
	ck_assert_int_eq(only(L_M2)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m3a_history_a_fen_below_tier1_counts_for_nothing)
{
	struct firm_year r[] = {CO(2024, 1 * YY - 0.01), CO(2025, 1 * YY)};
	run(r, N(r));
	const struct award *a = only(L_M3A);
	/* tier 1 first reached in 2025, exactly at its bar: 200万 */
	ck_assert_int_eq(a->amount, 200 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m3a_history_tier2_then_tier1_keeps_tier2)
{
	struct firm_year r[] = {CO(2023, 5 * YY), CO(2024, 1 * YY), CO(2025, 10 * YY)};
	run(r, N(r));
	/* the best history tier counts (tier 2, 300万), not the last: 500万 - 300万 */
	ck_assert_int_eq(only(L_M3A)->amount, 200 * WAN);
}
END_TEST

START_TEST(test_m2_history_tier_reached_again_in_policy_pays_nothing)
{
	struct firm_year r[] = {
		NEWCO(2024, 2024, 20, 2000 * WY),
		NEWCO(2025, 2024, 25, 2500 * WY),
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M2), 0);
}
END_TEST

START_TEST(test_m2_firm_founded_before_start_year_pays_inside_its_window)
{
	struct firm_year r[] = {
		NEWCO(2023, 2023, 5, 100 * WY), NEWCO(2024, 2023, 10, 500 * WY),
		NEWCO(2025, 2023, 20, 2000 * WY), /* year 3 of founding */
	};
	run(r, N(r));
	const struct award *a = only(L_M2);
	/* tier 1 -> 50万 in 2025 */
	ck_assert_int_eq(a->amount, 50 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m2_tier_in_fourth_year_of_founding_pays_nothing)
{
	struct firm_year r[] = {
		NEWCO(2022, 2022, 5, 100 * WY),
		NEWCO(2025, 2022, 20, 2000 * WY), /* year 4 of founding */
	};
	run(r, N(r));
	ck_assert_int_eq(count(L_M2), 0);
}
END_TEST

START_TEST(test_m2_window_of_four_years_pays_in_fourth_year)
{
	set("m2.window_years=4");
	finish();
	struct firm_year r[] = {
		NEWCO(2022, 2022, 5, 100 * WY),
		NEWCO(2025, 2022, 20, 2000 * WY),
	};
	run(r, N(r));
	/* tier 1 -> 50万 */
	ck_assert_int_eq(only(L_M2)->amount, 50 * WAN);
}
END_TEST

START_TEST(test_m2_attracted_firm_also_gets_m2_by_default)
{
	struct firm_year r[] = {ATTR(2025, 50, 1000 * WY, 5000 * WY)};
	run(r, N(r));
	/* M1A 5% x 1000万 = 50万 and M2 tier 2 100万 */
	ck_assert_int_eq(only(L_M1A)->amount, 50 * WAN);
	ck_assert_int_eq(only(L_M2)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m2_exclude_m1_leaves_attracted_firm_to_m1)
{
	set("m2.exclude_m1=true");
	finish();
	struct firm_year r[] = {ATTR(2025, 50, 1000 * WY, 5000 * WY)};
	run(r, N(r));
	/* M1A still 50万, no M2 */
	ck_assert_int_eq(only(L_M1A)->amount, 50 * WAN);
	ck_assert_int_eq(count(L_M2), 0);
}
END_TEST

START_TEST(test_m2_exclude_m1_keeps_new_firms)
{
	set("m2.exclude_m1=true");
	finish();
	struct firm_year r[] = {NEWCO(2025, 2025, 20, 2000 * WY)};
	run(r, N(r));
	/* 50万 */
	ck_assert_int_eq(only(L_M2)->amount, 50 * WAN);
}
END_TEST

START_TEST(test_m2_spinoff_firm_gets_m2)
{
	struct firm_year r[] = {FIRM(2025, 2025, ORIGIN_SPINOFF, false, 20, 0, 2000 * WY)};
	run(r, N(r));
	/* 剥离数字化业务新设, 比照上述标准: tier 1 -> 50万 */
	ck_assert_int_eq(only(L_M2)->amount, 50 * WAN);
}
END_TEST

START_TEST(test_m2_existing_firm_gets_nothing)
{
	struct firm_year r[] = {FIRM(2025, 2025, ORIGIN_EXISTING, false, 50, 0, 5000 * WY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M2), 0);
}
END_TEST

START_TEST(test_m2_reason_is_written)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 20, 2000 * WY)};
	run(r, N(r));
	const struct award *a = only(L_M2);
	ck_assert_msg(strstr(a->reason, "2000万") != NULL, "reason: %s", a->reason);
}
END_TEST

/* 第2条 tiers 50万 and 100万; a top-up says what it is measured against,
 * as M3A's 补差 does: tier 1 reached before the policy (2024) counts as
 * awarded, so tier 2 in 2025 pays 100万 - 50万 = 50万. */
START_TEST(test_m2_topup_reason_shows_the_subtraction)
{
	struct firm_year r[] = {NEWCO(2024, 2024, 25, 2100 * WY), NEWCO(2025, 2024, 52, 5200 * WY)};
	run(r, N(r));
	const struct award *a = only(L_M2);
	ck_assert_int_eq(a->amount, 50 * WAN);
	ck_assert_msg(strstr(a->reason, "top-up 100万-50万 (tier 1 reached in 2024)") != NULL,
		      "reason: %s", a->reason);
}
END_TEST

/* Tier 1 paid in 2025 (50万), tier 2 in 2026: 100万 - 50万, against 2025's. */
START_TEST(test_m2_topup_in_the_policy_names_the_year_paid)
{
	struct firm_year r[] = {NEWCO(2025, 2025, 30, 3000 * WY), NEWCO(2026, 2025, 60, 8000 * WY)};
	run(r, N(r));
	ck_assert_int_eq(nth(L_M2, 0)->amount, 50 * WAN);
	ck_assert_msg(strstr(nth(L_M2, 0)->reason, "top-up") == NULL, "reason: %s",
		      nth(L_M2, 0)->reason);
	ck_assert_int_eq(nth(L_M2, 1)->amount, 50 * WAN);
	ck_assert_msg(strstr(nth(L_M2, 1)->reason, "top-up 100万-50万 (tier 1 reached in 2025)") !=
			      NULL,
		      "reason: %s", nth(L_M2, 1)->reason);
}
END_TEST

/* ================================ M3A ================================ */

START_TEST(test_m3a_revenue_one_yuan_below_1_yi_pays_nothing)
{
	struct firm_year r[] = {CO(2025, 1 * YY - 1)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3A), 0);
}
END_TEST

START_TEST(test_m3a_revenue_at_1_yi_pays_200_wan)
{
	struct firm_year r[] = {CO(2025, 1 * YY)};
	run(r, N(r));
	/* 首次达到1亿元 -> 200万 */
	ck_assert_int_eq(only(L_M3A)->amount, 200 * WAN);
}
END_TEST

START_TEST(test_m3a_revenue_one_yuan_above_1_yi_pays_200_wan)
{
	struct firm_year r[] = {CO(2025, 1 * YY + 1)};
	run(r, N(r));
	/* 200万 */
	ck_assert_int_eq(only(L_M3A)->amount, 200 * WAN);
}
END_TEST

START_TEST(test_m3a_revenue_one_yuan_below_5_yi_pays_tier1)
{
	struct firm_year r[] = {CO(2025, 5 * YY - 1)};
	run(r, N(r));
	/* only tier 1: 200万 */
	ck_assert_int_eq(only(L_M3A)->amount, 200 * WAN);
}
END_TEST

START_TEST(test_m3a_zero_to_5_yi_tops_up_to_300_wan)
{
	struct firm_year r[] = {CO(2024, 0.5 * YY), CO(2025, 5 * YY)};
	run(r, N(r));
	const struct award *a = only(L_M3A);
	/* highest tier reached 300万 - nothing before = 300万 */
	ck_assert_int_eq(a->amount, 300 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m3a_revenue_one_yuan_above_5_yi_pays_300_wan)
{
	struct firm_year r[] = {CO(2025, 5 * YY + 1)};
	run(r, N(r));
	/* 300万 - 0 */
	ck_assert_int_eq(only(L_M3A)->amount, 300 * WAN);
}
END_TEST

START_TEST(test_m3a_revenue_one_yuan_below_10_yi_pays_tier2)
{
	struct firm_year r[] = {CO(2025, 10 * YY - 1)};
	run(r, N(r));
	/* tier 2 only: 300万 */
	ck_assert_int_eq(only(L_M3A)->amount, 300 * WAN);
}
END_TEST

START_TEST(test_m3a_1_yi_then_10_yi_pays_200_then_300)
{
	struct firm_year r[] = {CO(2025, 1 * YY), CO(2026, 10 * YY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3A), 2);
	/* 2025: 200万; 2026: 500万 - 200万 = 300万 */
	ck_assert_int_eq(nth(L_M3A, 0)->amount, 200 * WAN);
	ck_assert_int_eq(nth(L_M3A, 1)->amount, 300 * WAN);
	ck_assert_int_eq(nth(L_M3A, 1)->year, 2026);
}
END_TEST

START_TEST(test_m3a_three_tiers_in_three_years_total_500_wan)
{
	struct firm_year r[] = {CO(2025, 1 * YY), CO(2026, 5 * YY), CO(2027, 10 * YY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3A), 3);
	/* 200万; 300万 - 200万 = 100万; 500万 - 300万 = 200万 */
	ck_assert_int_eq(nth(L_M3A, 0)->amount, 200 * WAN);
	ck_assert_int_eq(nth(L_M3A, 1)->amount, 100 * WAN);
	ck_assert_int_eq(nth(L_M3A, 2)->amount, 200 * WAN);
	/* 200 + 100 + 200 = 500万 */
	ck_assert_int_eq(total(L_M3A), 500 * WAN);
}
END_TEST

START_TEST(test_m3a_pre_policy_credit_counts_history_tier_as_paid)
{
	struct firm_year r[] = {CO(2024, 2 * YY), CO(2025, 5 * YY)};
	run(r, N(r));
	/* 300万 - 200万 (tier 1 reached in 2024, counts as paid) = 100万 */
	ck_assert_int_eq(only(L_M3A)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m3a_without_pre_policy_credit_tops_up_from_zero)
{
	set("m3a.pre_policy_credit=false");
	finish();
	struct firm_year r[] = {CO(2024, 2 * YY), CO(2025, 5 * YY)};
	run(r, N(r));
	/* 300万 - 0 (the policy has paid nothing) = 300万 */
	ck_assert_int_eq(only(L_M3A)->amount, 300 * WAN);
}
END_TEST

START_TEST(test_m3a_without_pre_policy_credit_history_tier_is_not_first_time)
{
	set("m3a.pre_policy_credit=false");
	finish();
	struct firm_year r[] = {CO(2024, 2 * YY), CO(2025, 1.5 * YY)};
	run(r, N(r));
	/* tier 1 was reached in 2024: not 首次 in 2025 */
	ck_assert_int_eq(count(L_M3A), 0);
}
END_TEST

START_TEST(test_m3a_without_pre_policy_credit_later_tier_subtracts_policy_payments)
{
	set("m3a.pre_policy_credit=false");
	finish();
	struct firm_year r[] = {CO(2024, 2 * YY), CO(2025, 5 * YY), CO(2026, 10 * YY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3A), 2);
	/* 2025: 300万 - 0 = 300万; 2026: 500万 - 300万 paid = 200万 */
	ck_assert_int_eq(nth(L_M3A, 0)->amount, 300 * WAN);
	ck_assert_int_eq(nth(L_M3A, 1)->amount, 200 * WAN);
}
END_TEST

START_TEST(test_m3a_tier_reached_in_history_pays_nothing)
{
	struct firm_year r[] = {CO(2024, 1 * YY), CO(2025, 1.2 * YY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3A), 0);
}
END_TEST

START_TEST(test_m3a_reaching_a_tier_again_pays_nothing)
{
	struct firm_year r[] = {CO(2025, 1 * YY), CO(2026, 0.5 * YY), CO(2027, 1.2 * YY)};
	run(r, N(r));
	const struct award *a = only(L_M3A);
	/* 200万 in 2025 only */
	ck_assert_int_eq(a->amount, 200 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m3a_fourth_tier_added_tops_up_from_tier3)
{
	set("m3a.tier4_revenue=20亿");
	set("m3a.tier4_amount=800万");
	finish();
	struct firm_year r[] = {CO(2025, 10 * YY), CO(2026, 20 * YY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3A), 2);
	/* 2025: 500万 - 0; 2026: 800万 - 500万 = 300万 */
	ck_assert_int_eq(nth(L_M3A, 0)->amount, 500 * WAN);
	ck_assert_int_eq(nth(L_M3A, 1)->amount, 300 * WAN);
}
END_TEST

START_TEST(test_m3a_fourth_tier_one_yuan_below_pays_nothing_more)
{
	set("m3a.tier4_revenue=20亿");
	set("m3a.tier4_amount=800万");
	finish();
	struct firm_year r[] = {CO(2025, 10 * YY), CO(2026, 20 * YY - 1)};
	run(r, N(r));
	/* only 2025's 500万 */
	ck_assert_int_eq(only(L_M3A)->amount, 500 * WAN);
}
END_TEST

START_TEST(test_m3a_without_fourth_tier_20_yi_pays_nothing_more)
{
	struct firm_year r[] = {CO(2025, 10 * YY), CO(2026, 20 * YY)};
	run(r, N(r));
	/* 500万 in 2025; 2026 reaches no new tier */
	ck_assert_int_eq(only(L_M3A)->amount, 500 * WAN);
}
END_TEST

START_TEST(test_m3a_third_tier_dropped_caps_topup_at_tier2)
{
	set("m3a.tier3_revenue=none");
	set("m3a.tier3_amount=none");
	finish();
	struct firm_year r[] = {CO(2025, 1 * YY), CO(2026, 10 * YY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3A), 2);
	/* 2025: 200万; 2026: highest tier now 5亿: 300万 - 200万 = 100万 */
	ck_assert_int_eq(nth(L_M3A, 0)->amount, 200 * WAN);
	ck_assert_int_eq(nth(L_M3A, 1)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m3a_disabled_pays_nothing)
{
	set("m3a.enabled=false");
	finish();
	struct firm_year r[] = {CO(2025, 1 * YY), CO(2026, 10 * YY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3A), 0);
}
END_TEST

START_TEST(test_m3a_reason_names_the_topup)
{
	struct firm_year r[] = {CO(2025, 1 * YY), CO(2026, 5.2 * YY)};
	run(r, N(r));
	const struct award *a = nth(L_M3A, 1);
	/* 300万 - 200万 = 100万 */
	ck_assert_int_eq(a->amount, 100 * WAN);
	ck_assert_msg(strstr(a->reason, "300万") != NULL, "reason: %s", a->reason);
	ck_assert_msg(strstr(a->reason, "200万") != NULL, "reason: %s", a->reason);
	ck_assert_msg(strstr(a->reason, "5.2亿") != NULL, "reason: %s", a->reason);
}
END_TEST

/* An existing firm founded 2012 whose rows begin in the policy: whether it
 * reached a tier before is unknown, so M3A's 首次 is an assumption. The
 * amounts are the rules' (tier 1 200万 - 0, tier 2 300万 - 200万); each
 * reason says the award rests on no data before the policy. */
START_TEST(test_m3a_without_pre_policy_rows_is_flagged_not_changed)
{
	struct firm_year r[] = {FIRM(2026, 2012, ORIGIN_EXISTING, false, 400, 0, 3 * YY),
				FIRM(2027, 2012, ORIGIN_EXISTING, false, 500, 0, 6 * YY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3A), 2);
	ck_assert_int_eq(nth(L_M3A, 0)->amount, 200 * WAN);
	ck_assert_int_eq(nth(L_M3A, 1)->amount, 100 * WAN);
	for (int i = 0; i < 2; i++)
		ck_assert_msg(strstr(nth(L_M3A, i)->reason,
				     " (no data before the policy: taken as a first)") != NULL,
			      "reason: %s", nth(L_M3A, i)->reason);
}
END_TEST

/* The same firm with its 2024 row (1.5亿, tier 1): tier 1 is credited, 2026
 * pays nothing, 2027 tier 2 300万 - 200万 = 100万, without the flag; a firm
 * founded in the policy's first year has no before to miss: no flag. */
START_TEST(test_m3a_with_a_pre_policy_row_or_founded_in_the_policy_is_not_flagged)
{
	struct firm_year r[] = {FIRM(2024, 2012, ORIGIN_EXISTING, false, 300, 0, 1.5 * YY),
				FIRM(2026, 2012, ORIGIN_EXISTING, false, 400, 0, 3 * YY),
				FIRM(2027, 2012, ORIGIN_EXISTING, false, 500, 0, 6 * YY)};
	run(r, N(r));
	const struct award *a = only(L_M3A);
	ck_assert_int_eq(a->year, 2027);
	ck_assert_int_eq(a->amount, 100 * WAN);
	ck_assert_msg(strstr(a->reason, "taken as a first") == NULL, "reason: %s", a->reason);
	struct firm_year n[] = {FIRM(2025, 2025, ORIGIN_NEW, false, 20, 0, 1 * YY)};
	run(n, N(n));
	ck_assert_int_eq(only(L_M3A)->amount, 200 * WAN);
	ck_assert_int_eq(only(L_M2)->amount, 50 * WAN);
	ck_assert_msg(strstr(only(L_M3A)->reason, "taken as a first") == NULL, "reason: %s",
		      only(L_M3A)->reason);
	ck_assert_msg(strstr(only(L_M2)->reason, "taken as a first") == NULL, "reason: %s",
		      only(L_M2)->reason);
}
END_TEST

/* M2 and M3B rest on it too: a firm set up in 2024 (M2's window 2024-2026)
 * with rows from 2025 only, tier 1 in 2025 (50万); an existing firm first
 * seen listed in 2025 (500万). */
START_TEST(test_m2_and_m3b_without_pre_policy_rows_are_flagged)
{
	struct firm_year r[] = {NEWCO(2025, 2024, 25, 2500 * WY)};
	run(r, N(r));
	ck_assert_int_eq(only(L_M2)->amount, 50 * WAN);
	ck_assert_msg(strstr(only(L_M2)->reason, "taken as a first") != NULL, "reason: %s",
		      only(L_M2)->reason);
	struct firm_year t[] = {TOP(2025, true)};
	run(t, N(t));
	ck_assert_int_eq(only(L_M3B)->amount, 500 * WAN);
	ck_assert_msg(strstr(only(L_M3B)->reason, "taken as a first") != NULL, "reason: %s",
		      only(L_M3B)->reason);
}
END_TEST

/* ================================ M3B ================================ */

START_TEST(test_m3b_first_listing_pays_500_wan)
{
	struct firm_year r[] = {TOP(2025, true)};
	run(r, N(r));
	const struct award *a = only(L_M3B);
	/* 首次入选百强 -> 500万, municipal */
	ck_assert_int_eq(a->amount, 500 * WAN);
	ck_assert_int_eq(a->municipal, 500 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m3b_pays_once_per_firm)
{
	struct firm_year r[] = {TOP(2025, true), TOP(2026, false), TOP(2027, true)};
	run(r, N(r));
	/* 500万 once, for 2025 */
	ck_assert_int_eq(only(L_M3B)->year, 2025);
	ck_assert_int_eq(total(L_M3B), 500 * WAN);
}
END_TEST

START_TEST(test_m3b_first_listing_in_a_later_policy_year_pays)
{
	struct firm_year r[] = {TOP(2025, false), TOP(2026, true)};
	run(r, N(r));
	const struct award *a = only(L_M3B);
	/* 500万 for 2026, paid 2027 */
	ck_assert_int_eq(a->amount, 500 * WAN);
	ck_assert_int_eq(a->year, 2026);
	ck_assert_int_eq(a->paid_year, 2027);
}
END_TEST

START_TEST(test_m3b_firm_listed_in_history_is_never_paid)
{
	struct firm_year r[] = {TOP(2023, true), TOP(2024, false), TOP(2025, true)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3B), 0);
}
END_TEST

START_TEST(test_m3b_listing_after_policy_window_pays_nothing)
{
	struct firm_year r[] = {TOP(2027, false), TOP(2028, true)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3B), 0);
}
END_TEST

/* ================================ M3C ================================ */

START_TEST(test_m3c_growth_of_exactly_50_percent_pays_nothing)
{
	struct firm_year r[] = {KEY(2025, 1 * YY, true), KEY(2026, 1.5 * YY, true)};
	run(r, N(r));
	/* 1.5亿 / 1亿 - 1 = 50%, not 超过50% */
	ck_assert_int_eq(count(L_M3C), 0);
}
END_TEST

START_TEST(test_m3c_growth_one_yuan_below_50_percent_pays_nothing)
{
	struct firm_year r[] = {KEY(2025, 1 * YY, true), KEY(2026, 1.5 * YY - 1, true)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3C), 0);
}
END_TEST

START_TEST(test_m3c_growth_one_yuan_above_50_percent_pays_100_wan)
{
	struct firm_year r[] = {KEY(2025, 1 * YY, true), KEY(2026, 1.5 * YY + 1, true)};
	run(r, N(r));
	const struct award *a = only(L_M3C);
	/* +50% + 1 yuan > 50% -> 100万, municipal */
	ck_assert_int_eq(a->amount, 100 * WAN);
	ck_assert_int_eq(a->municipal, 100 * WAN);
	ck_assert_int_eq(a->year, 2026);
}
END_TEST

/* Growth is compared to the fen: within a fen of the bar each side is
 * rounded (half away from zero), further apart the difference decides. */
START_TEST(test_m3c_growth_under_half_a_fen_above_50_percent_pays_nothing)
{
	struct firm_year r[] = {KEY(2025, 1000 * WY, true), KEY(2026, 1500 * WY + 0.004, true)};
	run(r, N(r));
	/* +500万元 and 0.4 fen: 500000000.4 fen rounds to the bar, 500000000 */
	ck_assert_int_eq(count(L_M3C), 0);
}
END_TEST

START_TEST(test_m3c_growth_over_half_a_fen_above_50_percent_pays)
{
	struct firm_year r[] = {KEY(2025, 1000 * WY, true), KEY(2026, 1500 * WY + 0.006, true)};
	run(r, N(r));
	/* 500000000.6 fen rounds to 500000001 > 500000000 */
	ck_assert_int_eq(only(L_M3C)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m3c_growth_a_fen_and_a_bit_either_side_of_50_percent)
{
	struct firm_year up[] = {KEY(2025, 1000 * WY, true), KEY(2026, 1500 * WY + 0.012, true)};
	run(up, N(up));
	ck_assert_int_eq(only(L_M3C)->amount, 100 * WAN); /* 1.2 fen over */
	struct firm_year down[] = {KEY(2025, 1000 * WY, true), KEY(2026, 1500 * WY - 0.012, true)};
	run(down, N(down));
	ck_assert_int_eq(count(L_M3C), 0); /* 1.2 fen under */
}
END_TEST

START_TEST(test_m3c_only_key_db_in_year_t_matters)
{
	struct firm_year r[] = {KEY(2025, 1 * YY, false), KEY(2026, 2 * YY, true)};
	run(r, N(r));
	/* in the database in 2026 only; +100% -> 100万 */
	ck_assert_int_eq(only(L_M3C)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m3c_not_in_key_db_in_year_t_pays_nothing)
{
	struct firm_year r[] = {KEY(2025, 1 * YY, true), KEY(2026, 2 * YY, false)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3C), 0);
}
END_TEST

START_TEST(test_m3c_gap_year_pays_nothing)
{
	struct firm_year r[] = {KEY(2025, 1 * YY, true), KEY(2027, 3 * YY, true)};
	run(r, N(r));
	/* no row for 2026: no prior year for 2027 */
	ck_assert_int_eq(count(L_M3C), 0);
}
END_TEST

START_TEST(test_m3c_prior_revenue_zero_pays_nothing)
{
	struct firm_year r[] = {KEY(2025, 0, true), KEY(2026, 1000 * WY, true)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3C), 0);
}
END_TEST

START_TEST(test_m3c_history_row_is_the_prior_year)
{
	struct firm_year r[] = {KEY(2024, 1000 * WY, false), KEY(2025, 2000 * WY, true)};
	run(r, N(r));
	const struct award *a = only(L_M3C);
	/* 2000万 / 1000万 - 1 = 100% > 50% -> 100万 for 2025 */
	ck_assert_int_eq(a->amount, 100 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m3c_growth_in_history_year_pays_nothing)
{
	struct firm_year r[] = {KEY(2023, 1000 * WY, true), KEY(2024, 2000 * WY, true),
				KEY(2025, 2100 * WY, true)};
	run(r, N(r));
	/* 2024 is before start_year; 2025 grows 5% */
	ck_assert_int_eq(count(L_M3C), 0);
}
END_TEST

START_TEST(test_m3c_no_limit_by_default_pays_every_growth_year)
{
	struct firm_year r[] = {KEY(2024, 1000 * WY, true), KEY(2025, 2000 * WY, true),
				KEY(2026, 4000 * WY, true), KEY(2027, 8000 * WY, true)};
	run(r, N(r));
	/* +100% in 2025, 2026, 2027: 3 x 100万 = 300万 */
	ck_assert_int_eq(count(L_M3C), 3);
	ck_assert_int_eq(total(L_M3C), 300 * WAN);
}
END_TEST

START_TEST(test_m3c_max_awards_one_pays_only_the_first_growth_year)
{
	set("m3c.max_awards=1");
	finish();
	struct firm_year r[] = {KEY(2024, 1000 * WY, true), KEY(2025, 2000 * WY, true),
				KEY(2026, 4000 * WY, true), KEY(2027, 8000 * WY, true)};
	run(r, N(r));
	const struct award *a = only(L_M3C);
	/* 100万 for 2025 only */
	ck_assert_int_eq(a->amount, 100 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m3c_max_awards_two_pays_two_growth_years)
{
	set("m3c.max_awards=2");
	finish();
	struct firm_year r[] = {KEY(2024, 1000 * WY, true), KEY(2025, 2000 * WY, true),
				KEY(2026, 4000 * WY, true), KEY(2027, 8000 * WY, true)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3C), 2);
	/* 2 x 100万 = 200万, for 2025 and 2026 */
	ck_assert_int_eq(total(L_M3C), 200 * WAN);
	ck_assert_int_eq(nth(L_M3C, 1)->year, 2026);
}
END_TEST

START_TEST(test_m3c_max_awards_counts_only_paid_awards)
{
	set("m3c.max_awards=1");
	finish();
	struct firm_year r[] = {KEY(2023, 1000 * WY, true), KEY(2024, 2000 * WY, true),
				KEY(2025, 4000 * WY, true)};
	run(r, N(r));
	const struct award *a = only(L_M3C);
	/* 2024's growth is history and paid nothing; 2025: +100% -> 100万 */
	ck_assert_int_eq(a->amount, 100 * WAN);
	ck_assert_int_eq(a->year, 2025);
}
END_TEST

START_TEST(test_m3c_payout_scales_the_amount)
{
	set("m3c.payout=50%");
	finish();
	struct firm_year r[] = {KEY(2025, 1 * YY, true), KEY(2026, 2 * YY, true)};
	run(r, N(r));
	/* 100万 x 50% = 50万 */
	ck_assert_int_eq(only(L_M3C)->amount, 50 * WAN);
}
END_TEST

/* A simulated revenue grows without bound (lognormal growth over 20
 * years): the growth in fen passed int64, llround gave INT64_MIN, and a
 * firm that grew tenfold was "not growing" (issue 9, class 7). */
START_TEST(test_m3c_growth_of_a_revenue_past_the_range_of_fen_pays)
{
	struct firm_year r[] = {KEY(2025, 1e17, true), KEY(2026, 1e18, true)};
	run(r, N(r));
	ck_assert_int_eq(only(L_M3C)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_m3c_growth_below_the_bar_of_a_revenue_past_the_range_of_fen_pays_nothing)
{
	set("m3c.min_growth=10000%"); /* the bar itself, 100 x 1e17 yuan, is past int64 fen */
	finish();
	struct firm_year r[] = {KEY(2025, 1e17, true), KEY(2026, 1e18, true)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3C), 0);
}
END_TEST

/* The largest amount a parameter takes, 10万亿, pays to the fen; one yuan
 * more is refused when the scenario is read. */
START_TEST(test_m3b_at_the_largest_amount_pays_it_to_the_fen_and_one_yuan_more_is_refused)
{
	set("m3b.amount=10万亿");
	finish();
	struct firm_year r[] = {TOP(2025, true)};
	run(r, N(r));
	ck_assert_int_eq(only(L_M3B)->amount, (fen_t)1000000000000000);
	char err[ERR_LEN];
	ck_assert_int_ne(scenario_set(S, "m3b.amount=10000000000001", err, sizeof err), 0);
}
END_TEST

/* The dearest single award any line makes: M2 `each`, six tiers of 10万亿
 * reached at once, 6e15 fen; the bound in rules.h that totals.h relies on. */
START_TEST(test_m2_each_six_tiers_of_the_largest_amount_pay_6e15_fen_exactly)
{
	set("m2.mode=each");
	char kv[80];
	for (int t = 1; t <= 6; t++) {
		snprintf(kv, sizeof kv, "m2.tier%d_employees=%d", t, t);
		set(kv);
		snprintf(kv, sizeof kv, "m2.tier%d_revenue=%d", t, t);
		set(kv);
		snprintf(kv, sizeof kv, "m2.tier%d_amount=10万亿", t);
		set(kv);
	}
	finish();
	struct firm_year r[] = {NEWCO(2025, 2025, 50, 5000 * WY)};
	run(r, N(r));
	ck_assert_int_eq(only(L_M2)->amount, (fen_t)6000000000000000);
}
END_TEST

/* ============================== totals ============================== */

/* An award of amount fen, all municipal, paid in the first paid year. */
static struct award municipal_award(const struct totals *t, fen_t amount)
{
	return (struct award){.line = L_M3B,
			      .year = 2025,
			      .paid_year = t->first_paid_year,
			      .amount = amount,
			      .municipal = amount};
}

/* 10,000 awards of 10万亿 printed a total of -84467万亿: the int64 sum
 * wrapped (issue 9, class 7). Sums up to INT64_MAX fen are exact; one fen
 * more is refused and the totals say so. */
START_TEST(test_totals_sum_to_the_largest_fen_and_refuse_one_fen_more)
{
	finish();
	struct totals *t = malloc(sizeof *t);
	ck_assert_ptr_nonnull(t);
	totals_init(t, &S->pol);
	struct award a = municipal_award(t, INT64_MAX - 1);
	ck_assert_int_eq(totals_add(t, &a), 0);
	a = municipal_award(t, 1);
	ck_assert_int_eq(totals_add(t, &a), 0);
	ck_assert(!t->overflow);
	ck_assert_int_eq(totals_line(t, N_LINES, LV_TOTAL), INT64_MAX);
	ck_assert_int_eq(totals_line(t, L_M3B, LV_MUNICIPAL), INT64_MAX);
	ck_assert_int_eq(totals_year(t, 0, LV_TOTAL), INT64_MAX);
	ck_assert_int_eq(totals_add(t, &a), -1);
	ck_assert(t->overflow);
	/* the refused award is not half added */
	ck_assert_int_eq(totals_line(t, N_LINES, LV_TOTAL), INT64_MAX);
	ck_assert_int_eq(t->awards[L_M3B], 2);
	free(t);
}
END_TEST

START_TEST(test_totals_of_many_awards_of_the_largest_amount_never_go_negative)
{
	finish();
	struct totals *t = malloc(sizeof *t);
	ck_assert_ptr_nonnull(t);
	totals_init(t, &S->pol);
	struct award a = municipal_award(t, (fen_t)1000000000000000); /* 10万亿 */
	int added = 0;
	for (int i = 0; i < 10000; i++)
		added += totals_add(t, &a) == 0;
	ck_assert_int_eq(added, 9223); /* 9223 x 1e15 fen <= INT64_MAX < 9224 x 1e15 */
	ck_assert(t->overflow);
	ck_assert_int_eq(totals_line(t, N_LINES, LV_TOTAL), (fen_t)9223 * 1000000000000000);
	free(t);
}
END_TEST

START_TEST(test_totals_refuse_an_award_with_a_negative_part)
{
	finish();
	struct totals t;
	totals_init(&t, &S->pol);
	struct award a = municipal_award(&t, 5);
	a.provincial = -1;
	a.municipal = 6;
	ck_assert_int_eq(totals_add(&t, &a), -1);
	ck_assert(t.overflow);
}
END_TEST

/* ====================== policy window, lag, order ===================== */

START_TEST(test_qualifying_year_after_policy_window_pays_nothing)
{
	struct firm_year r[] = {CO(2027, 0.5 * YY), CO(2028, 1 * YY)};
	run(r, N(r));
	/* 2028 > start_year + years - 1 = 2027 */
	ck_assert_int_eq(count(L_M3A), 0);
}
END_TEST

START_TEST(test_longer_policy_window_pays_in_2028)
{
	set("scenario.years=4");
	finish();
	struct firm_year r[] = {CO(2027, 0.5 * YY), CO(2028, 1 * YY)};
	run(r, N(r));
	const struct award *a = only(L_M3A);
	/* 200万 for 2028, paid 2029 */
	ck_assert_int_eq(a->amount, 200 * WAN);
	ck_assert_int_eq(a->year, 2028);
	ck_assert_int_eq(a->paid_year, 2029);
}
END_TEST

START_TEST(test_later_start_year_makes_2025_history)
{
	set("scenario.start_year=2026");
	finish();
	struct firm_year r[] = {CO(2025, 1 * YY), CO(2026, 5 * YY)};
	run(r, N(r));
	const struct award *a = only(L_M3A);
	/* 2025 is history (tier 1 counts as paid): 300万 - 200万 = 100万 for 2026 */
	ck_assert_int_eq(a->amount, 100 * WAN);
	ck_assert_int_eq(a->year, 2026);
}
END_TEST

START_TEST(test_default_payment_lag_pays_the_next_year)
{
	struct firm_year r[] = {CO(2025, 1 * YY)};
	run(r, N(r));
	/* 2025 + 1 */
	ck_assert_int_eq(only(L_M3A)->paid_year, 2026);
}
END_TEST

START_TEST(test_payment_lag_zero_pays_in_the_qualifying_year)
{
	set("scenario.payment_lag=0");
	finish();
	struct firm_year r[] = {ATTR(2025, 50, 1000 * WY, 0), ATTR(2026, 50, 1000 * WY, 1 * YY)};
	run(r, N(r));
	/* M1A 2025 + 0; M3A 2026 + 0 */
	ck_assert_int_eq(only(L_M1A)->year, 2025);
	ck_assert_int_eq(only(L_M1A)->paid_year, 2025);
	ck_assert_int_eq(only(L_M3A)->paid_year, 2026);
}
END_TEST

START_TEST(test_payment_lag_two_pays_two_years_later)
{
	set("scenario.payment_lag=2");
	finish();
	struct firm_year r[] = {CO(2025, 1 * YY), CO(2026, 1 * YY), CO(2027, 5 * YY)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3A), 2);
	/* 2025 + 2 = 2027; 2027 + 2 = 2029 */
	ck_assert_int_eq(nth(L_M3A, 0)->paid_year, 2027);
	ck_assert_int_eq(nth(L_M3A, 1)->paid_year, 2029);
}
END_TEST

START_TEST(test_disabled_line_set_directly_on_the_policy_pays_nothing)
{
	S->pol.line[L_M3B].enabled = false;
	struct firm_year r[] = {TOP(2025, true)};
	run(r, N(r));
	ck_assert_int_eq(count(L_M3B), 0);
}
END_TEST

/* rules_firm skips a row when it is below every tier above the best one
 * reached (struct rules_prep): the least bar of those tiers, not the next
 * one, so tiers a program sets out of order on the policy are still read
 * as the highest tier met. */
START_TEST(test_m3a_tiers_set_out_of_order_on_the_policy_pay_the_highest_met)
{
	S->pol.m3a.ntiers = 2;
	S->pol.m3a.tier[0] = (struct tier){.revenue = 5 * YY, .amount = 300 * WY};
	S->pol.m3a.tier[1] = (struct tier){.revenue = 1 * YY, .amount = 200 * WY};
	struct firm_year r[] = {CO(2025, 2 * YY), CO(2026, 6 * YY)};
	run(r, N(r));
	/* 2亿 meets tier 2 (1亿) only: 200万; 6亿 meets both, the highest is
	 * still tier 2: nothing more */
	const struct award *a = only(L_M3A);
	ck_assert_int_eq(a->year, 2025);
	ck_assert_int_eq(a->amount, 200 * WAN);
}
END_TEST

START_TEST(test_m2_tier_with_fewer_staff_set_second_on_the_policy_is_reached)
{
	S->pol.m2.ntiers = 2;
	S->pol.m2.tier[0] = (struct tier){.employees = 50, .revenue = 2000 * WY, .amount = 50 * WY};
	S->pol.m2.tier[1] = (struct tier){.employees = 20,
					  .revenue = 5000 * WY,
					  .amount = 100 * WY};
	struct firm_year r[] = {NEWCO(2025, 2025, 30, 6000 * WY)};
	run(r, N(r));
	/* 30 staff miss tier 1's 50; tier 2 (20 staff, 5000万) is met: 100万 */
	ck_assert_int_eq(only(L_M2)->amount, 100 * WAN);
}
END_TEST

START_TEST(test_awards_come_in_order_of_year_then_line)
{
	struct firm_year r[] = {
		{.year = 2025,
		 .founded = 2025,
		 .origin = ORIGIN_ATTRACTED,
		 .industrial = true,
		 .employees = 50,
		 .paid_capital = 2000 * WY,
		 .revenue = 1 * YY,
		 .top100 = true},
		{.year = 2026,
		 .founded = 2025,
		 .origin = ORIGIN_ATTRACTED,
		 .industrial = true,
		 .employees = 60,
		 .paid_capital = 2000 * WY,
		 .revenue = 1 * YY,
		 .key_db = true},
		{.year = 2027,
		 .founded = 2025,
		 .origin = ORIGIN_ATTRACTED,
		 .industrial = true,
		 .employees = 70,
		 .paid_capital = 2000 * WY,
		 .revenue = 1.6 * YY,
		 .key_db = true},
	};
	run(r, N(r));
	ck_assert_int_eq(G.n, 6);
	/* 2025: M1A 100万 (cap), M2 tier 2 100万, M3A 200万, M3B 500万 */
	ck_assert_int_eq(G.a[0].line, L_M1A);
	ck_assert_int_eq(G.a[0].amount, 100 * WAN);
	ck_assert_int_eq(G.a[1].line, L_M2);
	ck_assert_int_eq(G.a[1].amount, 100 * WAN);
	ck_assert_int_eq(G.a[2].line, L_M3A);
	ck_assert_int_eq(G.a[2].amount, 200 * WAN);
	ck_assert_int_eq(G.a[3].line, L_M3B);
	ck_assert_int_eq(G.a[3].amount, 500 * WAN);
	/* 2026: M1B, 1亿 + 1亿 = 2亿 -> 200万; growth 0% -> no M3C */
	ck_assert_int_eq(G.a[4].line, L_M1B);
	ck_assert_int_eq(G.a[4].year, 2026);
	ck_assert_int_eq(G.a[4].amount, 200 * WAN);
	/* 2027: M3C, 1.6亿 / 1亿 - 1 = 60% > 50% -> 100万 */
	ck_assert_int_eq(G.a[5].line, L_M3C);
	ck_assert_int_eq(G.a[5].year, 2027);
	ck_assert_int_eq(G.a[5].amount, 100 * WAN);
	/* all: 100 + 100 + 200 + 500 + 200 + 100 = 1200万 */
	fen_t sum = 0;
	for (int i = 0; i < G.n; i++)
		sum += G.a[i].amount;
	ck_assert_int_eq(sum, 1200 * WAN);
}
END_TEST

START_TEST(test_reasons_are_empty_when_the_sink_does_not_ask)
{
	struct firm_year r[] = {ATTR(2025, 50, 1500 * WY, 0)};
	run_with(r, N(r), false);
	const struct award *a = only(L_M1A);
	/* 5% x 1500万 = 75万, same amount without words */
	ck_assert_int_eq(a->amount, 75 * WAN);
	ck_assert_str_eq(a->reason, "");
}
END_TEST

START_TEST(test_firm_with_no_qualifying_figures_gets_nothing)
{
	struct firm_year r[] = {ATTR(2025, 10, 100 * WY, 100 * WY)};
	run(r, N(r));
	ck_assert_int_eq(G.n, 0);
}
END_TEST

/* ============================== the suite ============================ */

static Suite *rules_firm_suite(void)
{
	Suite *s = suite_create("rules_firm");
	TCase *tc;

	tc = tcase_create("m1a");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_m1a_capital_at_threshold_pays_five_percent);
	tcase_add_test(tc, test_m1a_capital_one_yuan_below_threshold_pays_nothing);
	tcase_add_test(tc, test_m1a_capital_one_yuan_above_threshold_pays_five_percent_to_the_fen);
	tcase_add_test(tc, test_m1a_49_staff_pays_nothing);
	tcase_add_test(tc, test_m1a_50_staff_pays);
	tcase_add_test(tc, test_m1a_51_staff_pays);
	tcase_add_test(tc, test_m1a_capital_one_yuan_below_cap_point_pays_just_under_the_cap);
	tcase_add_test(tc, test_m1a_capital_at_cap_point_pays_the_cap);
	tcase_add_test(tc, test_m1a_capital_one_yuan_above_cap_point_is_capped);
	tcase_add_test(tc, test_m1a_large_capital_is_capped_at_100_wan);
	tcase_add_test(tc, test_m1a_pays_once_on_the_capital_of_the_first_qualifying_year);
	tcase_add_test(tc, test_m1a_qualifying_in_third_year_of_settling_pays);
	tcase_add_test(tc, test_m1a_qualifying_in_fourth_year_of_settling_pays_nothing);
	tcase_add_test(tc, test_m1a_employee_window_of_four_years_pays_in_fourth_year);
	tcase_add_test(tc, test_m1a_firm_founded_before_start_year_gets_nothing);
	tcase_add_test(tc, test_m1a_firm_settled_in_last_policy_year_pays);
	tcase_add_test(tc, test_m1a_qualifying_after_policy_window_pays_nothing);
	tcase_add_test(tc, test_m1a_non_industrial_firm_gets_nothing);
	tcase_add_test(tc, test_m1a_new_firm_that_was_not_attracted_gets_nothing);
	tcase_add_test(tc, test_m1a_existing_and_spinoff_firms_get_nothing);
	tcase_add_test(tc, test_m1a_reason_names_capital_and_amount);
	tcase_add_test(tc, test_m1a_disabled_pays_nothing);
	suite_add_tcase(s, tc);

	tc = tcase_create("funding");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_m1a_pooled_split_is_half_provincial_half_municipal);
	tcase_add_test(tc, test_m1a_district_share_takes_half_of_the_non_provincial_money);
	tcase_add_test(tc, test_m1a_own_provincial_share_overrides_the_funding_default);
	tcase_add_test(tc, test_m1a_odd_fen_amount_still_splits_exactly);
	tcase_add_test(tc, test_m3a_municipal_line_is_all_municipal);
	tcase_add_test(tc, test_m3a_municipal_line_ignores_provincial_share);
	tcase_add_test(tc, test_m3a_district_share_on_a_municipal_line);
	suite_add_tcase(s, tc);

	tc = tcase_create("m1b");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_m1b_sum_reaching_2_yi_in_second_year_pays_200_wan);
	tcase_add_test(tc, test_m1b_sum_one_yuan_below_2_yi_pays_nothing);
	tcase_add_test(tc, test_m1b_sum_at_2_yi_in_third_year_pays);
	tcase_add_test(tc, test_m1b_sum_one_yuan_above_2_yi_pays);
	tcase_add_test(tc, test_m1b_pays_once_per_firm);
	tcase_add_test(tc, test_m1b_revenue_of_fourth_year_of_settling_does_not_count);
	tcase_add_test(tc, test_m1b_window_of_four_years_counts_fourth_year);
	tcase_add_test(tc, test_m1b_window_of_two_years_drops_third_year);
	tcase_add_test(tc, test_m1b_requires_m1a_and_firm_never_gets_m1a_pays_nothing);
	tcase_add_test(tc, test_m1b_without_requires_m1a_pays_firm_that_never_gets_m1a);
	tcase_add_test(tc, test_m1b_without_requires_m1a_still_needs_an_attracted_firm);
	tcase_add_test(tc, test_m1b_without_requires_m1a_still_needs_an_industrial_firm);
	tcase_add_test(tc, test_m1b_without_requires_m1a_still_needs_settling_in_a_policy_year);
	tcase_add_test(tc, test_m1b_sum_reached_before_m1a_year_is_paid_in_the_m1a_year);
	tcase_add_test(tc, test_m1b_m1a_only_after_the_three_year_window_pays_no_m1b);
	tcase_add_test(tc, test_m1b_requires_m1a_pays_nothing_when_m1a_is_disabled);
	tcase_add_test(tc, test_m1b_payout_scales_the_amount);
	tcase_add_test(tc, test_m1b_is_pooled);
	suite_add_tcase(s, tc);

	tc = tcase_create("m2");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_m2_tier1_at_threshold_pays_50_wan);
	tcase_add_test(tc, test_m2_19_staff_pays_nothing);
	tcase_add_test(tc, test_m2_21_staff_pays_tier1);
	tcase_add_test(tc, test_m2_revenue_one_yuan_below_2000_wan_pays_nothing);
	tcase_add_test(tc, test_m2_revenue_one_yuan_above_2000_wan_pays_tier1);
	tcase_add_test(tc, test_m2_49_staff_with_tier2_revenue_pays_tier1);
	tcase_add_test(tc, test_m2_tier2_revenue_one_yuan_below_pays_tier1);
	tcase_add_test(tc, test_m2_jump_straight_to_tier2_at_threshold_tops_up_to_100_wan);
	tcase_add_test(tc, test_m2_tier2_one_above_both_thresholds_pays_100_wan);
	tcase_add_test(tc, test_m2_staff_and_revenue_must_meet_the_tier_in_the_same_year);
	tcase_add_test(tc, test_m2_topup_tier1_then_tier2_pays_the_difference);
	tcase_add_test(tc, test_m2_each_tier1_then_tier2_pays_both_in_full);
	tcase_add_test(tc, test_m2_once_tier1_then_tier2_pays_only_tier1);
	tcase_add_test(tc, test_m2_each_jump_straight_to_tier2_pays_150_wan);
	tcase_add_test(tc, test_m2_once_jump_straight_to_tier2_pays_100_wan);
	tcase_add_test(tc, test_m2_same_tier_reached_again_pays_nothing_more);
	tcase_add_test(tc, test_m2_topup_history_tier1_then_tier2_pays_50_wan);
	tcase_add_test(tc, test_m2_each_history_tier1_then_tier2_pays_100_wan);
	tcase_add_test(tc, test_m2_once_history_tier1_then_tier2_pays_nothing);
	tcase_add_test(tc, test_m2_history_tier_reached_again_in_policy_pays_nothing);
	tcase_add_test(tc, test_m2_history_revenue_a_fen_below_tier1_counts_for_nothing);
	tcase_add_test(tc, test_m2_history_row_before_founding_counts_for_nothing);
	tcase_add_test(tc, test_m3a_history_a_fen_below_tier1_counts_for_nothing);
	tcase_add_test(tc, test_m3a_history_tier2_then_tier1_keeps_tier2);
	tcase_add_test(tc, test_m2_firm_founded_before_start_year_pays_inside_its_window);
	tcase_add_test(tc, test_m2_tier_in_fourth_year_of_founding_pays_nothing);
	tcase_add_test(tc, test_m2_window_of_four_years_pays_in_fourth_year);
	tcase_add_test(tc, test_m2_attracted_firm_also_gets_m2_by_default);
	tcase_add_test(tc, test_m2_exclude_m1_leaves_attracted_firm_to_m1);
	tcase_add_test(tc, test_m2_exclude_m1_keeps_new_firms);
	tcase_add_test(tc, test_m2_spinoff_firm_gets_m2);
	tcase_add_test(tc, test_m2_existing_firm_gets_nothing);
	tcase_add_test(tc, test_m2_reason_is_written);
	tcase_add_test(tc, test_m2_topup_reason_shows_the_subtraction);
	tcase_add_test(tc, test_m2_topup_in_the_policy_names_the_year_paid);
	suite_add_tcase(s, tc);

	tc = tcase_create("m3a");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_m3a_revenue_one_yuan_below_1_yi_pays_nothing);
	tcase_add_test(tc, test_m3a_revenue_at_1_yi_pays_200_wan);
	tcase_add_test(tc, test_m3a_revenue_one_yuan_above_1_yi_pays_200_wan);
	tcase_add_test(tc, test_m3a_revenue_one_yuan_below_5_yi_pays_tier1);
	tcase_add_test(tc, test_m3a_zero_to_5_yi_tops_up_to_300_wan);
	tcase_add_test(tc, test_m3a_revenue_one_yuan_above_5_yi_pays_300_wan);
	tcase_add_test(tc, test_m3a_revenue_one_yuan_below_10_yi_pays_tier2);
	tcase_add_test(tc, test_m3a_1_yi_then_10_yi_pays_200_then_300);
	tcase_add_test(tc, test_m3a_three_tiers_in_three_years_total_500_wan);
	tcase_add_test(tc, test_m3a_pre_policy_credit_counts_history_tier_as_paid);
	tcase_add_test(tc, test_m3a_without_pre_policy_credit_tops_up_from_zero);
	tcase_add_test(tc, test_m3a_without_pre_policy_credit_history_tier_is_not_first_time);
	tcase_add_test(tc, test_m3a_without_pre_policy_credit_later_tier_subtracts_policy_payments);
	tcase_add_test(tc, test_m3a_tier_reached_in_history_pays_nothing);
	tcase_add_test(tc, test_m3a_reaching_a_tier_again_pays_nothing);
	tcase_add_test(tc, test_m3a_fourth_tier_added_tops_up_from_tier3);
	tcase_add_test(tc, test_m3a_fourth_tier_one_yuan_below_pays_nothing_more);
	tcase_add_test(tc, test_m3a_without_fourth_tier_20_yi_pays_nothing_more);
	tcase_add_test(tc, test_m3a_third_tier_dropped_caps_topup_at_tier2);
	tcase_add_test(tc, test_m3a_disabled_pays_nothing);
	tcase_add_test(tc, test_m3a_reason_names_the_topup);
	tcase_add_test(tc, test_m3a_without_pre_policy_rows_is_flagged_not_changed);
	tcase_add_test(tc, test_m3a_with_a_pre_policy_row_or_founded_in_the_policy_is_not_flagged);
	tcase_add_test(tc, test_m2_and_m3b_without_pre_policy_rows_are_flagged);
	suite_add_tcase(s, tc);

	tc = tcase_create("m3b");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_m3b_first_listing_pays_500_wan);
	tcase_add_test(tc, test_m3b_pays_once_per_firm);
	tcase_add_test(tc, test_m3b_first_listing_in_a_later_policy_year_pays);
	tcase_add_test(tc, test_m3b_firm_listed_in_history_is_never_paid);
	tcase_add_test(tc, test_m3b_listing_after_policy_window_pays_nothing);
	suite_add_tcase(s, tc);

	tc = tcase_create("m3c");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_m3c_growth_of_exactly_50_percent_pays_nothing);
	tcase_add_test(tc, test_m3c_growth_one_yuan_below_50_percent_pays_nothing);
	tcase_add_test(tc, test_m3c_growth_one_yuan_above_50_percent_pays_100_wan);
	tcase_add_test(tc, test_m3c_growth_under_half_a_fen_above_50_percent_pays_nothing);
	tcase_add_test(tc, test_m3c_growth_over_half_a_fen_above_50_percent_pays);
	tcase_add_test(tc, test_m3c_growth_a_fen_and_a_bit_either_side_of_50_percent);
	tcase_add_test(tc, test_m3c_only_key_db_in_year_t_matters);
	tcase_add_test(tc, test_m3c_not_in_key_db_in_year_t_pays_nothing);
	tcase_add_test(tc, test_m3c_gap_year_pays_nothing);
	tcase_add_test(tc, test_m3c_prior_revenue_zero_pays_nothing);
	tcase_add_test(tc, test_m3c_history_row_is_the_prior_year);
	tcase_add_test(tc, test_m3c_growth_in_history_year_pays_nothing);
	tcase_add_test(tc, test_m3c_no_limit_by_default_pays_every_growth_year);
	tcase_add_test(tc, test_m3c_max_awards_one_pays_only_the_first_growth_year);
	tcase_add_test(tc, test_m3c_max_awards_two_pays_two_growth_years);
	tcase_add_test(tc, test_m3c_max_awards_counts_only_paid_awards);
	tcase_add_test(tc, test_m3c_payout_scales_the_amount);
	tcase_add_test(tc, test_m3c_growth_of_a_revenue_past_the_range_of_fen_pays);
	tcase_add_test(
		tc, test_m3c_growth_below_the_bar_of_a_revenue_past_the_range_of_fen_pays_nothing);
	suite_add_tcase(s, tc);

	tc = tcase_create("overflow");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(
		tc, test_m3b_at_the_largest_amount_pays_it_to_the_fen_and_one_yuan_more_is_refused);
	tcase_add_test(tc, test_m2_each_six_tiers_of_the_largest_amount_pay_6e15_fen_exactly);
	tcase_add_test(tc, test_totals_sum_to_the_largest_fen_and_refuse_one_fen_more);
	tcase_add_test(tc, test_totals_of_many_awards_of_the_largest_amount_never_go_negative);
	tcase_add_test(tc, test_totals_refuse_an_award_with_a_negative_part);
	suite_add_tcase(s, tc);

	tc = tcase_create("window");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_qualifying_year_after_policy_window_pays_nothing);
	tcase_add_test(tc, test_longer_policy_window_pays_in_2028);
	tcase_add_test(tc, test_later_start_year_makes_2025_history);
	tcase_add_test(tc, test_default_payment_lag_pays_the_next_year);
	tcase_add_test(tc, test_payment_lag_zero_pays_in_the_qualifying_year);
	tcase_add_test(tc, test_payment_lag_two_pays_two_years_later);
	tcase_add_test(tc, test_disabled_line_set_directly_on_the_policy_pays_nothing);
	tcase_add_test(tc, test_m3a_tiers_set_out_of_order_on_the_policy_pay_the_highest_met);
	tcase_add_test(tc, test_m2_tier_with_fewer_staff_set_second_on_the_policy_is_reached);
	tcase_add_test(tc, test_awards_come_in_order_of_year_then_line);
	tcase_add_test(tc, test_reasons_are_empty_when_the_sink_does_not_ask);
	tcase_add_test(tc, test_firm_with_no_qualifying_figures_gets_nothing);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_firm_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
