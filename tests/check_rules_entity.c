/* check_rules_entity.c - the entity lines of the rules engine (第4条 to
 * 第13条: M4 ... M13B) and rules_split, against the Suzhou draft policy.
 *
 * Every expected amount is worked out by hand from the policy text
 * (/work/shared/POLICY.md, seed/policy-draft-zh.txt) and the built-in
 * scenario (scenarios/suzhou-draft.ini), and written as a literal in fen
 * with the arithmetic beside it. No expectation is computed by engine
 * code. 1万元 = 1,000,000 fen; 1亿元 = 10,000,000,000 fen. */
#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "policy.h"
#include "rules.h"
#include "scenario.h"

/* Expected amounts, in fen. */
#define WAN ((fen_t)1000000) /* 1万元 */

/* Bases and granted amounts, in yuan (what struct entity_year holds). */
#define W 1e4  /* 1万元 */
#define YI 1e8 /* 1亿元 */

/* ------------------------------------------------------------------ */
/* Fixture: the built-in draft policy, and a sink that keeps the awards. */

#define MAX_GOT 32

static struct scenario *sc;
static struct {
	struct award a[MAX_GOT];
	size_t n;
} got;
static bool want_reasons = true;

static struct scenario *open_draft(void)
{
	char err[ERR_LEN] = "";
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	int rc = scenario_open(s, NULL, NULL, 0, err, sizeof err);
	ck_assert_msg(rc == 0, "built-in scenario: %s", err);
	return s;
}

static void setup(void)
{
	sc = open_draft();
	got.n = 0;
	want_reasons = true;
}

static void teardown(void)
{
	free(sc);
	sc = NULL;
}

/* One --set on the draft, then validate. */
static void tweak(const char *assignment)
{
	char err[ERR_LEN] = "";
	ck_assert_msg(scenario_set(sc, assignment, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(scenario_finish(sc, err, sizeof err) == 0, "%s", err);
}

static void collect(void *ctx, const struct award *a)
{
	(void)ctx;
	ck_assert_uint_lt(got.n, MAX_GOT);
	/* whatever the line, the parts add up to the amount exactly */
	ck_assert_int_eq(a->provincial + a->municipal + a->district, a->amount);
	ck_assert_int_ge(a->provincial, 0);
	ck_assert_int_ge(a->municipal, 0);
	ck_assert_int_ge(a->district, 0);
	if (want_reasons)
		ck_assert_msg(a->reason[0] != '\0', "award without a reason");
	got.a[got.n++] = *a;
}

static size_t run_rows(const struct entity_year *rows, size_t n)
{
	struct award_sink sink = {.fn = collect, .ctx = NULL, .reasons = want_reasons};
	got.n = 0;
	rules_entity(&sc->pol, rows, n, &sink);
	/* a list sink (the Monte Carlo run's) gets the same awards in order */
	struct award_due list[MAX_GOT];
	size_t nl = 0;
	ck_assert_uint_le(RULES_MAX_AWARDS(n), MAX_GOT);
	struct award_sink ls = {.list = list, .nlist = &nl};
	rules_entity(&sc->pol, rows, n, &ls);
	ck_assert_uint_eq(nl, got.n);
	for (size_t i = 0; i < nl; i++) {
		ck_assert_int_eq(list[i].line, got.a[i].line);
		ck_assert_int_eq(list[i].year, got.a[i].year);
		ck_assert_int_eq(list[i].amount, got.a[i].amount);
	}
	return got.n;
}

/* RUN(row, row, ...): one entity's rows under one line; the number of
 * awards made. */
#define RUN(...)                                            \
	run_rows((const struct entity_year[]){__VA_ARGS__}, \
		 sizeof((const struct entity_year[]){__VA_ARGS__}) / sizeof(struct entity_year))

/* Award i is for line ln, qualifying year yr (paid yr+1 under the
 * default payment_lag = 1) and amt fen. */
#define CK_AWARD(i, ln, yr, amt)                                  \
	do {                                                      \
		ck_assert_uint_gt(got.n, (i));                    \
		ck_assert_int_eq(got.a[(i)].line, (ln));          \
		ck_assert_int_eq(got.a[(i)].year, (yr));          \
		ck_assert_int_eq(got.a[(i)].paid_year, (yr) + 1); \
		ck_assert_int_eq(got.a[(i)].amount, (amt));       \
	} while (0)

/* Rows. Nothing optional is given unless the test says so. */
static struct entity_year row(enum line_id line, int year, double base)
{
	return (struct entity_year){.line = line,
				    .year = year,
				    .level = LEVEL_NONE,
				    .base = base,
				    .granted = NAN,
				    .housing = NAN,
				    .passed = true};
}

static struct entity_year rated(enum line_id line, int year, enum level lv)
{
	struct entity_year r = row(line, year, NAN);
	r.level = lv;
	return r;
}

static struct entity_year park(enum line_id line, int year, enum level lv, double revenue)
{
	struct entity_year r = row(line, year, revenue);
	r.level = lv;
	return r;
}

static struct entity_year grant(enum line_id line, int year, double granted)
{
	struct entity_year r = row(line, year, NAN);
	r.granted = granted;
	return r;
}

static struct entity_year review(enum line_id line, int year, bool passed)
{
	struct entity_year r = row(line, year, NAN);
	r.passed = passed;
	return r;
}

static struct entity_year team(int year, double project, double housing)
{
	struct entity_year r = row(L_M12A, year, NAN);
	r.granted = project;
	r.housing = housing;
	return r;
}

/* rules_split on a bare award of amt fen under line ln. The parts are
 * set to garbage first so the test sees that split fills them. */
static struct award split(enum line_id ln, fen_t amt)
{
	struct award a = {.line = ln,
			  .year = 2025,
			  .paid_year = 2026,
			  .amount = amt,
			  .provincial = -7,
			  .municipal = -7,
			  .district = -7};
	rules_split(&sc->pol, &a);
	return a;
}

/* ================================================================== */
/* M4 第4条: 国家级、省级产业园区 300万元、200万元, once per level.    */

START_TEST(m4_a_park_rated_national_gets_300wan)
{
	ck_assert_uint_eq(RUN(rated(L_M4, 2025, LEVEL_NATIONAL)), 1);
	/* 第4条: 国家级 300万元 */
	CK_AWARD(0, L_M4, 2025, 300 * WAN);
}
END_TEST

START_TEST(m4_a_park_rated_provincial_gets_200wan)
{
	ck_assert_uint_eq(RUN(rated(L_M4, 2026, LEVEL_PROVINCIAL)), 1);
	/* 第4条: 省级 200万元 */
	CK_AWARD(0, L_M4, 2026, 200 * WAN);
}
END_TEST

START_TEST(m4_provincial_in_history_then_national_in_the_window_pays_300wan)
{
	ck_assert_uint_eq(RUN(rated(L_M4, 2024, LEVEL_PROVINCIAL),
			      rated(L_M4, 2025, LEVEL_NATIONAL)),
			  1);
	/* the 2024 rating predates the policy: no award; the upgrade to
	 * national pays the national amount in full: 300万 */
	CK_AWARD(0, L_M4, 2025, 300 * WAN);
}
END_TEST

START_TEST(m4_provincial_then_national_in_the_window_pays_200wan_then_300wan)
{
	ck_assert_uint_eq(RUN(rated(L_M4, 2025, LEVEL_PROVINCIAL),
			      rated(L_M4, 2027, LEVEL_NATIONAL)),
			  2);
	/* 200万 for the provincial rating, then 300万 in full (POLICY.md M4) */
	CK_AWARD(0, L_M4, 2025, 200 * WAN);
	CK_AWARD(1, L_M4, 2027, 300 * WAN);
}
END_TEST

START_TEST(m4_national_then_provincial_pays_only_once)
{
	ck_assert_uint_eq(RUN(rated(L_M4, 2025, LEVEL_NATIONAL),
			      rated(L_M4, 2026, LEVEL_PROVINCIAL)),
			  1);
	/* 300万; a lower rating afterwards pays nothing */
	CK_AWARD(0, L_M4, 2025, 300 * WAN);
}
END_TEST

START_TEST(m4_the_same_rating_every_year_pays_once)
{
	ck_assert_uint_eq(RUN(rated(L_M4, 2025, LEVEL_PROVINCIAL),
			      rated(L_M4, 2026, LEVEL_PROVINCIAL),
			      rated(L_M4, 2027, LEVEL_PROVINCIAL)),
			  1);
	CK_AWARD(0, L_M4, 2025, 200 * WAN); /* once per level */
}
END_TEST

START_TEST(m4_a_rating_already_held_before_the_policy_pays_nothing)
{
	/* national since 2023: the level is held, the window rows add nothing */
	ck_assert_uint_eq(RUN(rated(L_M4, 2023, LEVEL_NATIONAL), rated(L_M4, 2025, LEVEL_NATIONAL),
			      rated(L_M4, 2026, LEVEL_PROVINCIAL)),
			  0);
}
END_TEST

START_TEST(m4_a_municipal_park_rating_pays_nothing)
{
	/* 第4条 names only 国家级 and 省级 parks */
	ck_assert_uint_eq(RUN(rated(L_M4, 2025, LEVEL_MUNICIPAL)), 0);
}
END_TEST

/* ================================================================== */
/* M13A 第13条: 省级、市级软件产业人才培训基地 100万元、50万元.          */

START_TEST(m13a_a_provincial_base_gets_100wan_and_a_municipal_base_50wan)
{
	ck_assert_uint_eq(RUN(rated(L_M13A, 2025, LEVEL_PROVINCIAL)), 1);
	CK_AWARD(0, L_M13A, 2025, 100 * WAN); /* 第13条: 省级 100万元 */
	ck_assert_uint_eq(RUN(rated(L_M13A, 2025, LEVEL_MUNICIPAL)), 1);
	CK_AWARD(0, L_M13A, 2025, 50 * WAN); /* 第13条: 市级 50万元 */
}
END_TEST

START_TEST(m13a_municipal_then_provincial_pays_50wan_then_100wan)
{
	ck_assert_uint_eq(RUN(rated(L_M13A, 2025, LEVEL_MUNICIPAL),
			      rated(L_M13A, 2026, LEVEL_PROVINCIAL)),
			  2);
	CK_AWARD(0, L_M13A, 2025, 50 * WAN);  /* 市级 50万 */
	CK_AWARD(1, L_M13A, 2026, 100 * WAN); /* later 省级, paid in full: 100万 */
}
END_TEST

START_TEST(m13a_provincial_then_municipal_pays_only_once)
{
	ck_assert_uint_eq(RUN(rated(L_M13A, 2025, LEVEL_PROVINCIAL),
			      rated(L_M13A, 2026, LEVEL_MUNICIPAL)),
			  1);
	CK_AWARD(0, L_M13A, 2025, 100 * WAN);
}
END_TEST

START_TEST(m13a_municipal_in_history_then_provincial_in_the_window_pays_100wan)
{
	ck_assert_uint_eq(RUN(rated(L_M13A, 2024, LEVEL_MUNICIPAL),
			      rated(L_M13A, 2025, LEVEL_MUNICIPAL),
			      rated(L_M13A, 2026, LEVEL_PROVINCIAL)),
			  1);
	/* municipal is held from 2024 (no award); provincial in 2026: 100万 */
	CK_AWARD(0, L_M13A, 2026, 100 * WAN);
}
END_TEST

/* ================================================================== */
/* M5A 第5条: 软件业务收入增量的2‰, 最高100万元; cap binds at 5亿.      */

START_TEST(m5a_pays_2_permille_of_a_1yi_increment_as_20wan)
{
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2025, 11 * YI)), 1);
	/* 2‰ x (11亿 - 10亿) = 2‰ x 1亿 = 20万 */
	CK_AWARD(0, L_M5A, 2025, 20 * WAN);
}
END_TEST

START_TEST(m5a_an_increment_of_5yi_or_more_pays_the_100wan_cap)
{
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2025, 15 * YI)), 1);
	/* 2‰ x 5亿 = 1,000,000 yuan = 100万, exactly the cap */
	CK_AWARD(0, L_M5A, 2025, 100 * WAN);
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2025, 15 * YI + 1)), 1);
	/* 2‰ x 500,000,001 = 1,000,000.002 yuan > cap: 100万 */
	CK_AWARD(0, L_M5A, 2025, 100 * WAN);
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2025, 16 * YI)), 1);
	/* 2‰ x 6亿 = 120万 > cap: 100万 (one yuan above moves 2‰ by only 0.2 fen) */
	CK_AWARD(0, L_M5A, 2025, 100 * WAN);
}
END_TEST

START_TEST(m5a_just_below_a_5yi_increment_pays_2_permille_rounded_to_the_fen)
{
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2025, 15 * YI - 1)), 1);
	/* 2‰ x 499,999,999 = 999,999.998 yuan = 99,999,999.8 fen -> 100万.00 */
	CK_AWARD(0, L_M5A, 2025, 100 * WAN);
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2025, 15 * YI - 10)), 1);
	/* 2‰ x 499,999,990 = 999,999.98 yuan = 99,999,998 fen */
	CK_AWARD(0, L_M5A, 2025, 99999998);
}
END_TEST

START_TEST(m5a_pays_every_window_year_on_that_years_increment)
{
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2025, 11 * YI),
			      row(L_M5A, 2026, 13 * YI), row(L_M5A, 2027, 16 * YI),
			      row(L_M5A, 2028, 20 * YI)),
			  3);
	CK_AWARD(0, L_M5A, 2025, 20 * WAN); /* 2‰ x 1亿 = 20万 */
	CK_AWARD(1, L_M5A, 2026, 40 * WAN); /* 2‰ x 2亿 = 40万 */
	CK_AWARD(2, L_M5A, 2027, 60 * WAN); /* 2‰ x 3亿 = 60万; 2028 is after the window */
}
END_TEST

START_TEST(m5a_no_award_when_revenue_falls_and_the_increment_is_over_the_prior_year)
{
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 12 * YI), row(L_M5A, 2025, 10 * YI),
			      row(L_M5A, 2026, 10 * YI)),
			  0);
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 12 * YI), row(L_M5A, 2025, 10 * YI),
			      row(L_M5A, 2026, 11 * YI)),
			  1);
	/* 2026: 2‰ x (11亿 - 10亿) = 20万 (not measured against the 12亿 of 2024) */
	CK_AWARD(0, L_M5A, 2026, 20 * WAN);
}
END_TEST

START_TEST(m5a_a_year_without_the_prior_years_row_pays_nothing)
{
	ck_assert_uint_eq(RUN(row(L_M5A, 2025, 10 * YI)), 0);
	ck_assert_uint_eq(RUN(row(L_M5A, 2025, 10 * YI), row(L_M5A, 2026, 12 * YI)), 1);
	/* only 2026 has a prior year: 2‰ x 2亿 = 40万 */
	CK_AWARD(0, L_M5A, 2026, 40 * WAN);
	/* no 2025 row, so 2026 has no t-1 */
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2026, 14 * YI)), 0);
}
END_TEST

START_TEST(m5a_a_municipal_or_higher_park_qualifies)
{
	ck_assert_uint_eq(RUN(park(L_M5A, 2024, LEVEL_MUNICIPAL, 10 * YI),
			      park(L_M5A, 2025, LEVEL_MUNICIPAL, 12 * YI),
			      park(L_M5A, 2026, LEVEL_NATIONAL, 13 * YI)),
			  2);
	CK_AWARD(0, L_M5A, 2025, 40 * WAN); /* 2‰ x 2亿 = 40万 */
	CK_AWARD(1, L_M5A, 2026, 20 * WAN); /* 2‰ x 1亿 = 20万 */
}
END_TEST

/* ================================================================== */
/* M5B 第5条: 软件名园 增量的1‰, 最高300万元; cap binds at 30亿.        */

START_TEST(m5b_pays_1_permille_of_a_5yi_increment_as_50wan)
{
	ck_assert_uint_eq(RUN(row(L_M5B, 2024, 50 * YI), row(L_M5B, 2025, 55 * YI)), 1);
	CK_AWARD(0, L_M5B, 2025, 50 * WAN); /* 1‰ x 5亿 = 50万 */
}
END_TEST

START_TEST(m5b_an_increment_of_30yi_or_more_pays_the_300wan_cap)
{
	ck_assert_uint_eq(RUN(row(L_M5B, 2024, 50 * YI), row(L_M5B, 2025, 80 * YI)), 1);
	CK_AWARD(0, L_M5B, 2025, 300 * WAN); /* 1‰ x 30亿 = 300万, the cap */
	ck_assert_uint_eq(RUN(row(L_M5B, 2024, 50 * YI), row(L_M5B, 2025, 80 * YI + 1)), 1);
	/* 1‰ x 3,000,000,001 = 3,000,000.001 yuan > cap: 300万 */
	CK_AWARD(0, L_M5B, 2025, 300 * WAN);
	ck_assert_uint_eq(RUN(row(L_M5B, 2024, 50 * YI), row(L_M5B, 2025, 90 * YI)), 1);
	/* 1‰ x 40亿 = 400万 > cap: 300万 (one yuan above moves 1‰ by only 0.1 fen) */
	CK_AWARD(0, L_M5B, 2025, 300 * WAN);
}
END_TEST

START_TEST(m5b_just_below_a_30yi_increment_pays_1_permille_rounded_to_the_fen)
{
	ck_assert_uint_eq(RUN(row(L_M5B, 2024, 50 * YI), row(L_M5B, 2025, 80 * YI - 1)), 1);
	/* 1‰ x 2,999,999,999 = 2,999,999.999 yuan = 299,999,999.9 fen -> 300万.00 */
	CK_AWARD(0, L_M5B, 2025, 300 * WAN);
	ck_assert_uint_eq(RUN(row(L_M5B, 2024, 50 * YI), row(L_M5B, 2025, 80 * YI - 10)), 1);
	/* 1‰ x 2,999,999,990 = 2,999,999.99 yuan = 299,999,999 fen */
	CK_AWARD(0, L_M5B, 2025, 299999999);
}
END_TEST

START_TEST(m5b_needs_a_provincial_or_higher_famous_park)
{
	/* 第5条: 省级及以上软件名园; a municipal designation does not qualify */
	ck_assert_uint_eq(RUN(park(L_M5B, 2024, LEVEL_MUNICIPAL, 50 * YI),
			      park(L_M5B, 2025, LEVEL_MUNICIPAL, 55 * YI)),
			  0);
	ck_assert_uint_eq(RUN(park(L_M5B, 2024, LEVEL_PROVINCIAL, 50 * YI),
			      park(L_M5B, 2025, LEVEL_PROVINCIAL, 55 * YI),
			      park(L_M5B, 2026, LEVEL_NATIONAL, 57 * YI)),
			  2);
	CK_AWARD(0, L_M5B, 2025, 50 * WAN); /* 1‰ x 5亿 = 50万 */
	CK_AWARD(1, L_M5B, 2026, 20 * WAN); /* 1‰ x 2亿 = 20万 */
}
END_TEST

/* ================================================================== */
/* M6A 第6条: 最高1000万元; rate = 30% (assumption); cap binds at
 * 1000万 / 30% = 3333.3333万 = 33,333,333.33 yuan.                    */

START_TEST(m6a_one_yuan_below_the_binding_base_pays_30_percent)
{
	ck_assert_uint_eq(RUN(row(L_M6A, 2025, 33333333)), 1);
	/* 30% x 33,333,333 = 9,999,999.90 yuan = 999,999,990 fen */
	CK_AWARD(0, L_M6A, 2025, 999999990);
}
END_TEST

START_TEST(m6a_the_binding_base_to_the_fen_pays_exactly_the_cap)
{
	ck_assert_uint_eq(RUN(row(L_M6A, 2025, 33333333.33)), 1);
	/* 30% x 33,333,333.33 = 9,999,999.999 yuan -> rounds to 10,000,000.00 = 1000万 */
	CK_AWARD(0, L_M6A, 2025, 1000 * WAN);
}
END_TEST

START_TEST(m6a_rounds_to_the_nearest_fen_just_under_the_cap)
{
	ck_assert_uint_eq(RUN(row(L_M6A, 2025, 33333333.31)), 1);
	/* 30% x 33,333,333.31 = 9,999,999.993 yuan = 999,999,999.3 fen -> 999,999,999 */
	CK_AWARD(0, L_M6A, 2025, 999999999);
}
END_TEST

START_TEST(m6a_one_yuan_above_the_binding_base_is_capped_at_1000wan)
{
	ck_assert_uint_eq(RUN(row(L_M6A, 2025, 33333334)), 1);
	/* 30% x 33,333,334 = 10,000,000.2 yuan > cap: 1000万 */
	CK_AWARD(0, L_M6A, 2025, 1000 * WAN);
}
END_TEST

START_TEST(m6a_pays_30_percent_of_the_investment_rounded_to_the_fen)
{
	ck_assert_uint_eq(RUN(row(L_M6A, 2025, 3333.33 * W)), 1);
	/* 30% x 33,333,300 = 9,999,990 yuan = 999.999万 = 999,999,000 fen */
	CK_AWARD(0, L_M6A, 2025, 999999000);
	ck_assert_uint_eq(RUN(row(L_M6A, 2025, 1234.57)), 1);
	/* 30% x 1,234.57 = 370.371 yuan -> 370.37 yuan = 37,037 fen */
	CK_AWARD(0, L_M6A, 2025, 37037);
}
END_TEST

START_TEST(m6a_pays_once_per_project)
{
	ck_assert_uint_eq(RUN(row(L_M6A, 2025, 1000 * W), row(L_M6A, 2026, 2000 * W)), 1);
	CK_AWARD(0, L_M6A, 2025, 300 * WAN); /* 30% x 1000万 = 300万; 2026 pays nothing */
}
END_TEST

START_TEST(m6a_a_rate_set_directly_on_the_policy_is_used)
{
	sc->pol.e[L_M6A].rate = 0.5;
	ck_assert_uint_eq(RUN(row(L_M6A, 2025, 1000 * W)), 1);
	CK_AWARD(0, L_M6A, 2025, 500 * WAN); /* 50% x 1000万 = 500万 */
}
END_TEST

/* ================================================================== */
/* M6B 第6条: 创新联合体 最高200万元; max_awards = 1.                     */

START_TEST(m6b_a_grant_below_the_cap_is_paid_as_granted_to_the_fen)
{
	ck_assert_uint_eq(RUN(grant(L_M6B, 2025, 200 * W - 1)), 1);
	CK_AWARD(0, L_M6B, 2025, 199999900); /* 1,999,999 yuan */
	ck_assert_uint_eq(RUN(grant(L_M6B, 2025, 123456.78)), 1);
	CK_AWARD(0, L_M6B, 2025, 12345678); /* 123,456.78 yuan */
}
END_TEST

START_TEST(m6b_a_grant_at_or_above_the_cap_pays_200wan)
{
	ck_assert_uint_eq(RUN(grant(L_M6B, 2025, 200 * W)), 1);
	CK_AWARD(0, L_M6B, 2025, 200 * WAN);
	ck_assert_uint_eq(RUN(grant(L_M6B, 2025, 200 * W + 1)), 1);
	CK_AWARD(0, L_M6B, 2025, 200 * WAN); /* 2,000,001 yuan > 最高200万 */
}
END_TEST

START_TEST(m6b_no_grant_given_pays_payout_times_the_cap)
{
	ck_assert_uint_eq(RUN(row(L_M6B, 2025, NAN)), 1);
	CK_AWARD(0, L_M6B, 2025, 200 * WAN); /* payout 100% x 200万 */
	tweak("m6b.payout=50%");
	ck_assert_uint_eq(RUN(row(L_M6B, 2025, NAN)), 1);
	CK_AWARD(0, L_M6B, 2025, 100 * WAN); /* payout 50% x 200万 = 100万 */
}
END_TEST

START_TEST(m6b_pays_a_consortium_once)
{
	ck_assert_uint_eq(RUN(grant(L_M6B, 2025, 80 * W), grant(L_M6B, 2026, 90 * W)), 1);
	CK_AWARD(0, L_M6B, 2025, 80 * WAN); /* max_awards = 1 */
}
END_TEST

/* ================================================================== */
/* M6C 第6条: 揭榜挂帅 按项目投入最高50%, 最高1000万元; binds at 2000万. */

START_TEST(m6c_one_yuan_below_2000wan_pays_half)
{
	ck_assert_uint_eq(RUN(row(L_M6C, 2025, 2000 * W - 1)), 1);
	/* 50% x 19,999,999 = 9,999,999.50 yuan = 999,999,950 fen */
	CK_AWARD(0, L_M6C, 2025, 999999950);
}
END_TEST

START_TEST(m6c_2000wan_or_one_yuan_more_pays_the_1000wan_cap)
{
	ck_assert_uint_eq(RUN(row(L_M6C, 2025, 2000 * W)), 1);
	CK_AWARD(0, L_M6C, 2025, 1000 * WAN); /* 50% x 2000万 = 1000万 */
	ck_assert_uint_eq(RUN(row(L_M6C, 2025, 2000 * W + 1)), 1);
	CK_AWARD(0, L_M6C, 2025, 1000 * WAN); /* 10,000,000.5 yuan > cap */
}
END_TEST

/* ================================================================== */
/* M7A 第7条: 每年最高480万元, 连续支持不超过3年.                        */

START_TEST(m7a_a_grant_one_yuan_below_480wan_is_paid_as_granted)
{
	ck_assert_uint_eq(RUN(grant(L_M7A, 2025, 480 * W - 1)), 1);
	CK_AWARD(0, L_M7A, 2025, 479999900); /* 4,799,999 yuan */
}
END_TEST

START_TEST(m7a_a_grant_at_or_above_480wan_pays_480wan)
{
	ck_assert_uint_eq(RUN(grant(L_M7A, 2025, 480 * W)), 1);
	CK_AWARD(0, L_M7A, 2025, 480 * WAN);
	ck_assert_uint_eq(RUN(grant(L_M7A, 2025, 480 * W + 1)), 1);
	CK_AWARD(0, L_M7A, 2025, 480 * WAN);
}
END_TEST

START_TEST(m7a_no_grant_given_pays_the_cap_each_year)
{
	ck_assert_uint_eq(RUN(review(L_M7A, 2025, true), review(L_M7A, 2026, true)), 2);
	CK_AWARD(0, L_M7A, 2025, 480 * WAN); /* payout 100% x 480万 */
	CK_AWARD(1, L_M7A, 2026, 480 * WAN);
}
END_TEST

START_TEST(m7a_pays_at_most_3_consecutive_years_in_a_5_year_window)
{
	tweak("scenario.years=5"); /* window 2025-2029 */
	ck_assert_uint_eq(RUN(review(L_M7A, 2025, true), review(L_M7A, 2026, true),
			      review(L_M7A, 2027, true), review(L_M7A, 2028, true),
			      review(L_M7A, 2029, true)),
			  3);
	CK_AWARD(0, L_M7A, 2025, 480 * WAN);
	CK_AWARD(1, L_M7A, 2026, 480 * WAN);
	CK_AWARD(2, L_M7A, 2027, 480 * WAN); /* 连续支持不超过3年: 2028, 2029 nothing */
}
END_TEST

START_TEST(m7a_a_centre_starting_late_in_a_5_year_window_gets_its_3_years)
{
	tweak("scenario.years=5");
	ck_assert_uint_eq(RUN(grant(L_M7A, 2027, 100 * W), grant(L_M7A, 2028, 200 * W),
			      grant(L_M7A, 2029, 300 * W)),
			  3);
	CK_AWARD(0, L_M7A, 2027, 100 * WAN);
	CK_AWARD(1, L_M7A, 2028, 200 * WAN);
	CK_AWARD(2, L_M7A, 2029, 300 * WAN);
}
END_TEST

START_TEST(m7a_stops_for_good_after_the_first_failed_review)
{
	tweak("scenario.years=5");
	ck_assert_uint_eq(RUN(review(L_M7A, 2025, true), review(L_M7A, 2026, false),
			      review(L_M7A, 2027, true), review(L_M7A, 2028, true)),
			  1);
	CK_AWARD(0, L_M7A, 2025, 480 * WAN); /* 2026 failed: nothing from then on */
	/* a failed first review: nothing ever, even after passing again */
	ck_assert_uint_eq(RUN(review(L_M7A, 2025, false), review(L_M7A, 2026, true),
			      review(L_M7A, 2027, true)),
			  0);
}
END_TEST

START_TEST(m7a_stops_for_good_after_a_gap_year)
{
	tweak("scenario.years=5");
	ck_assert_uint_eq(RUN(review(L_M7A, 2025, true), review(L_M7A, 2026, true),
			      review(L_M7A, 2028, true), review(L_M7A, 2029, true)),
			  2);
	CK_AWARD(0, L_M7A, 2025, 480 * WAN);
	CK_AWARD(1, L_M7A, 2026, 480 * WAN); /* no 2027 row: 连续 broken */
}
END_TEST

START_TEST(m7a_a_centre_starting_in_the_last_window_year_gets_its_3_years_after_it)
{
	/* default window 2025-2027, after_expiry = honour: support granted in
	 * 2027 runs 2028 and 2029 (paid 2029, 2030: the tail), never a 4th */
	ck_assert_uint_eq(RUN(review(L_M7A, 2027, true), review(L_M7A, 2028, true),
			      review(L_M7A, 2029, true), review(L_M7A, 2030, true)),
			  3);
	CK_AWARD(0, L_M7A, 2027, 480 * WAN);
	CK_AWARD(1, L_M7A, 2028, 480 * WAN);
	CK_AWARD(2, L_M7A, 2029, 480 * WAN);
	ck_assert_int_eq(got.a[2].paid_year, 2030);
	/* the tail still needs its reviews, and no gap */
	ck_assert_uint_eq(RUN(review(L_M7A, 2027, true), review(L_M7A, 2028, false),
			      review(L_M7A, 2029, true)),
			  1);
	ck_assert_uint_eq(RUN(review(L_M7A, 2027, true), review(L_M7A, 2029, true)), 1);
	/* a centre first supported after the window: nothing */
	ck_assert_uint_eq(RUN(review(L_M7A, 2028, true), review(L_M7A, 2029, true)), 0);
}
END_TEST

START_TEST(m7a_after_expiry_stop_ends_support_with_the_window)
{
	tweak("scenario.after_expiry=stop");
	ck_assert_uint_eq(RUN(review(L_M7A, 2027, true), review(L_M7A, 2028, true)), 1);
	CK_AWARD(0, L_M7A, 2027, 480 * WAN);
	ck_assert_uint_eq(RUN(review(L_M7A, 2026, true), review(L_M7A, 2027, true),
			      review(L_M7A, 2028, true)),
			  2);
}
END_TEST

START_TEST(m7a_history_rows_pay_nothing_and_do_not_use_up_years)
{
	tweak("scenario.years=5");
	ck_assert_uint_eq(RUN(review(L_M7A, 2024, true), review(L_M7A, 2025, true),
			      review(L_M7A, 2026, true), review(L_M7A, 2027, true),
			      review(L_M7A, 2028, true)),
			  3);
	CK_AWARD(0, L_M7A, 2025, 480 * WAN);
	CK_AWARD(2, L_M7A, 2027, 480 * WAN);
}
END_TEST

/* ================================================================== */
/* M7B 第7条: 按项目软件投入的50% 最高600万元; binds at 1200万.           */

START_TEST(m7b_one_yuan_below_1200wan_pays_half)
{
	ck_assert_uint_eq(RUN(row(L_M7B, 2025, 1200 * W - 1)), 1);
	/* 50% x 11,999,999 = 5,999,999.50 yuan = 599,999,950 fen */
	CK_AWARD(0, L_M7B, 2025, 599999950);
}
END_TEST

START_TEST(m7b_1200wan_or_one_yuan_more_pays_the_600wan_cap)
{
	ck_assert_uint_eq(RUN(row(L_M7B, 2025, 1200 * W)), 1);
	CK_AWARD(0, L_M7B, 2025, 600 * WAN); /* 50% x 1200万 = 600万 */
	ck_assert_uint_eq(RUN(row(L_M7B, 2025, 1200 * W + 1)), 1);
	CK_AWARD(0, L_M7B, 2025, 600 * WAN); /* 6,000,000.5 yuan > cap */
}
END_TEST

START_TEST(m7b_pays_once_per_project)
{
	ck_assert_uint_eq(RUN(row(L_M7B, 2025, 200 * W), row(L_M7B, 2026, 400 * W)), 1);
	CK_AWARD(0, L_M7B, 2025, 100 * WAN); /* 50% x 200万 = 100万 */
}
END_TEST

/* ================================================================== */
/* M8A 第8条: 开源引领能力项目 200万元; M8B: 一事一议 (cap 100万 assumed). */

START_TEST(m8a_a_leading_open_source_project_gets_200wan_once)
{
	ck_assert_uint_eq(RUN(row(L_M8A, 2025, NAN), row(L_M8A, 2026, NAN)), 1);
	CK_AWARD(0, L_M8A, 2025, 200 * WAN);
}
END_TEST

START_TEST(m8b_a_grant_one_yuan_below_the_cap_is_paid_as_granted)
{
	ck_assert_uint_eq(RUN(grant(L_M8B, 2025, 100 * W - 1)), 1);
	CK_AWARD(0, L_M8B, 2025, 99999900); /* 999,999 yuan */
}
END_TEST

START_TEST(m8b_a_grant_at_or_above_the_cap_pays_100wan)
{
	ck_assert_uint_eq(RUN(grant(L_M8B, 2025, 100 * W)), 1);
	CK_AWARD(0, L_M8B, 2025, 100 * WAN);
	ck_assert_uint_eq(RUN(grant(L_M8B, 2025, 100 * W + 1)), 1);
	CK_AWARD(0, L_M8B, 2025, 100 * WAN); /* 1,000,001 yuan > cap */
}
END_TEST

START_TEST(m8b_no_grant_given_pays_the_cap_once_per_platform)
{
	ck_assert_uint_eq(RUN(row(L_M8B, 2025, NAN), row(L_M8B, 2026, NAN)), 1);
	CK_AWARD(0, L_M8B, 2025, 100 * WAN); /* payout 100% x 100万, max_awards 1 */
}
END_TEST

/* ================================================================== */
/* M9 第9条: 各地区 最高200万元, pooled; max_awards 0 = every year.      */

START_TEST(m9_a_grant_one_yuan_below_the_cap_is_paid_as_granted)
{
	ck_assert_uint_eq(RUN(grant(L_M9, 2025, 200 * W - 1)), 1);
	CK_AWARD(0, L_M9, 2025, 199999900); /* 1,999,999 yuan */
}
END_TEST

START_TEST(m9_a_grant_at_or_above_the_cap_pays_200wan)
{
	ck_assert_uint_eq(RUN(grant(L_M9, 2025, 200 * W)), 1);
	CK_AWARD(0, L_M9, 2025, 200 * WAN);
	ck_assert_uint_eq(RUN(grant(L_M9, 2025, 200 * W + 1)), 1);
	CK_AWARD(0, L_M9, 2025, 200 * WAN);
}
END_TEST

START_TEST(m9_with_no_limit_a_district_is_paid_every_window_year)
{
	ck_assert_uint_eq(RUN(grant(L_M9, 2025, 50 * W), grant(L_M9, 2026, 150 * W),
			      row(L_M9, 2027, NAN), row(L_M9, 2028, NAN)),
			  3);
	CK_AWARD(0, L_M9, 2025, 50 * WAN);
	CK_AWARD(1, L_M9, 2026, 150 * WAN);
	CK_AWARD(2, L_M9, 2027, 200 * WAN); /* payout 100% x 200万; 2028 out of window */
}
END_TEST

START_TEST(m9_max_awards_2_stops_after_two_awards)
{
	tweak("m9.max_awards=2");
	ck_assert_uint_eq(RUN(grant(L_M9, 2025, 50 * W), grant(L_M9, 2026, 60 * W),
			      grant(L_M9, 2027, 70 * W)),
			  2);
	CK_AWARD(0, L_M9, 2025, 50 * WAN);
	CK_AWARD(1, L_M9, 2026, 60 * WAN);
}
END_TEST

START_TEST(m9_is_pooled_half_provincial_by_default)
{
	ck_assert_uint_eq(RUN(grant(L_M9, 2025, 200 * W)), 1);
	/* 统筹省、市资金, provincial_share 50%: 100万 + 100万, district 0 */
	ck_assert_int_eq(got.a[0].provincial, 100 * WAN);
	ck_assert_int_eq(got.a[0].municipal, 100 * WAN);
	ck_assert_int_eq(got.a[0].district, 0);
}
END_TEST

/* ================================================================== */
/* M10A 第10条: 研发投入的20%, 最高50万元; binds at 250万.               */

START_TEST(m10a_one_yuan_below_250wan_pays_20_percent)
{
	ck_assert_uint_eq(RUN(row(L_M10A, 2025, 250 * W - 1)), 1);
	/* 20% x 2,499,999 = 499,999.80 yuan = 49,999,980 fen */
	CK_AWARD(0, L_M10A, 2025, 49999980);
}
END_TEST

START_TEST(m10a_250wan_or_one_yuan_more_pays_the_50wan_cap)
{
	ck_assert_uint_eq(RUN(row(L_M10A, 2025, 250 * W)), 1);
	CK_AWARD(0, L_M10A, 2025, 50 * WAN); /* 20% x 250万 = 50万 */
	ck_assert_uint_eq(RUN(row(L_M10A, 2025, 250 * W + 1)), 1);
	CK_AWARD(0, L_M10A, 2025, 50 * WAN); /* 500,000.2 yuan > cap */
}
END_TEST

/* ================================================================== */
/* M10B 第10条: 首贯标 50万元; M10C: 信创适配 单个企业最高不超过50万元.   */

START_TEST(m10b_a_first_round_adopter_gets_50wan_once)
{
	ck_assert_uint_eq(RUN(row(L_M10B, 2025, NAN), row(L_M10B, 2026, NAN)), 1);
	CK_AWARD(0, L_M10B, 2025, 50 * WAN);
}
END_TEST

/* Regression: a row before the policy is the entity's earlier award, so
 * once-only lines (首贯标, 首版次, per project) do not pay it again. */
START_TEST(once_only_lines_do_not_pay_an_entity_already_supported_before_the_policy)
{
	ck_assert_uint_eq(RUN(row(L_M10B, 2024, NAN), row(L_M10B, 2025, NAN)), 0);
	ck_assert_uint_eq(RUN(row(L_M11, 2024, 800 * W), row(L_M11, 2025, 800 * W)), 0);
	ck_assert_uint_eq(RUN(grant(L_M12B, 2024, 60 * W), grant(L_M12B, 2025, 60 * W)), 0);
	tweak("m12b.max_awards=2"); /* one award used before the policy, one left */
	ck_assert_uint_eq(RUN(grant(L_M12B, 2024, 60 * W), grant(L_M12B, 2025, 60 * W),
			      grant(L_M12B, 2026, 60 * W)),
			  1);
	CK_AWARD(0, L_M12B, 2025, 60 * WAN);
}
END_TEST

/* Regression: a rate line given no base (NaN) pays nothing, not the cap. */
START_TEST(a_rate_line_without_a_base_pays_nothing)
{
	ck_assert_uint_eq(RUN(row(L_M6A, 2025, NAN)), 0);
	ck_assert_uint_eq(RUN(row(L_M11, 2025, NAN)), 0);
}
END_TEST

START_TEST(m10c_two_30wan_grants_pay_30wan_then_the_20wan_left)
{
	ck_assert_uint_eq(RUN(grant(L_M10C, 2025, 30 * W), grant(L_M10C, 2026, 30 * W),
			      grant(L_M10C, 2027, 10 * W)),
			  2);
	CK_AWARD(0, L_M10C, 2025, 30 * WAN); /* 30万 of 50万 */
	CK_AWARD(1, L_M10C, 2026, 20 * WAN); /* 50万 - 30万 = 20万 left; 2027: nothing */
}
END_TEST

START_TEST(m10c_a_grant_at_or_above_the_cap_pays_50wan_then_nothing)
{
	ck_assert_uint_eq(RUN(grant(L_M10C, 2025, 60 * W), grant(L_M10C, 2026, 5 * W)), 1);
	CK_AWARD(0, L_M10C, 2025, 50 * WAN);
	ck_assert_uint_eq(RUN(grant(L_M10C, 2025, 50 * W), grant(L_M10C, 2026, 1)), 1);
	CK_AWARD(0, L_M10C, 2025, 50 * WAN);
}
END_TEST

START_TEST(m10c_one_yuan_below_the_cap_leaves_one_yuan)
{
	ck_assert_uint_eq(RUN(grant(L_M10C, 2025, 50 * W - 1), grant(L_M10C, 2026, 10 * W),
			      grant(L_M10C, 2027, 10 * W)),
			  2);
	CK_AWARD(0, L_M10C, 2025, 49999900); /* 499,999 yuan */
	CK_AWARD(1, L_M10C, 2026, 100);      /* 500,000 - 499,999 = 1 yuan */
}
END_TEST

START_TEST(m10c_no_grant_given_pays_the_whole_cap_at_once)
{
	ck_assert_uint_eq(RUN(row(L_M10C, 2025, NAN), row(L_M10C, 2026, NAN)), 1);
	CK_AWARD(0, L_M10C, 2025, 50 * WAN); /* payout 100% x 50万 */
}
END_TEST

START_TEST(m10c_grants_before_the_policy_do_not_use_the_cap)
{
	ck_assert_uint_eq(RUN(grant(L_M10C, 2024, 50 * W), grant(L_M10C, 2025, 30 * W)), 1);
	/* the cap is over the policy period: 2024 is history */
	CK_AWARD(0, L_M10C, 2025, 30 * WAN);
}
END_TEST

/* ================================================================== */
/* M11 第11条: 最高按年度销售总额20%给予200万元; binds at 1000万.       */

START_TEST(m11_one_yuan_below_1000wan_pays_20_percent)
{
	ck_assert_uint_eq(RUN(row(L_M11, 2025, 1000 * W - 1)), 1);
	/* 20% x 9,999,999 = 1,999,999.80 yuan = 199,999,980 fen */
	CK_AWARD(0, L_M11, 2025, 199999980);
}
END_TEST

START_TEST(m11_1000wan_of_sales_or_one_yuan_more_pays_the_200wan_cap)
{
	ck_assert_uint_eq(RUN(row(L_M11, 2025, 1000 * W)), 1);
	CK_AWARD(0, L_M11, 2025, 200 * WAN); /* 20% x 1000万 = 200万 */
	ck_assert_uint_eq(RUN(row(L_M11, 2025, 1000 * W + 1)), 1);
	CK_AWARD(0, L_M11, 2025, 200 * WAN); /* 2,000,000.2 yuan > cap */
}
END_TEST

/* ================================================================== */
/* M12A 第12条: 最高1000万元项目资助 + 最高300万元购房补贴.               */

START_TEST(m12a_no_amounts_given_pays_both_caps)
{
	ck_assert_uint_eq(RUN(team(2025, NAN, NAN)), 1);
	CK_AWARD(0, L_M12A, 2025, 1300 * WAN); /* 1000万 + 300万 */
}
END_TEST

START_TEST(m12a_both_parts_one_yuan_below_their_caps_are_paid_as_granted)
{
	ck_assert_uint_eq(RUN(team(2025, 1000 * W - 1, 300 * W - 1)), 1);
	/* 9,999,999 + 2,999,999 = 12,999,998 yuan */
	CK_AWARD(0, L_M12A, 2025, 1299999800);
}
END_TEST

START_TEST(m12a_both_parts_at_or_above_their_caps_pay_1300wan)
{
	ck_assert_uint_eq(RUN(team(2025, 1000 * W, 300 * W)), 1);
	CK_AWARD(0, L_M12A, 2025, 1300 * WAN);
	ck_assert_uint_eq(RUN(team(2025, 1000 * W + 1, 300 * W + 1)), 1);
	CK_AWARD(0, L_M12A, 2025, 1300 * WAN); /* min(10,000,001, 1000万) + min(3,000,001, 300万) */
}
END_TEST

START_TEST(m12a_each_part_has_its_own_cap)
{
	ck_assert_uint_eq(RUN(team(2025, 1000 * W + 1, 300 * W - 1)), 1);
	/* project cut to 10,000,000 + housing 2,999,999 = 12,999,999 yuan */
	CK_AWARD(0, L_M12A, 2025, 1299999900);
	ck_assert_uint_eq(RUN(team(2025, 1000 * W - 1, 300 * W + 1)), 1);
	/* project 9,999,999 + housing cut to 3,000,000 = 12,999,999 yuan */
	CK_AWARD(0, L_M12A, 2025, 1299999900);
}
END_TEST

/* The largest amounts the data and the scenario take (10万亿 each) pay
 * to the fen in one award of 2e15 fen, well inside int64 (issue 9,
 * class 7); a lifetime line granted the largest amount pays its cap. */
START_TEST(the_largest_accepted_amounts_pay_exactly)
{
	char err[ERR_LEN] = "";
	ck_assert_int_eq(scenario_set(sc, "m12a.project_cap=10万亿", err, sizeof err), 0);
	tweak("m12a.housing_cap=10万亿");
	ck_assert_uint_eq(RUN(team(2025, 1e13, 1e13)), 1);
	CK_AWARD(0, L_M12A, 2025, (fen_t)2000000000000000);
	ck_assert_uint_eq(RUN(grant(L_M10C, 2025, 1e13)), 1);
	CK_AWARD(0, L_M10C, 2025, 50 * WAN); /* 第10条: at most 50万 per enterprise */
}
END_TEST

START_TEST(m12a_a_missing_housing_amount_is_payout_times_its_cap)
{
	ck_assert_uint_eq(RUN(team(2025, 400 * W, NAN)), 1);
	CK_AWARD(0, L_M12A, 2025, 700 * WAN); /* 400万 granted + 100% x 300万 */
	ck_assert_uint_eq(RUN(team(2025, 0, 200 * W)), 1);
	CK_AWARD(0, L_M12A, 2025, 200 * WAN); /* no project funding + 200万 housing */
}
END_TEST

START_TEST(m12a_payout_50_percent_halves_both_caps)
{
	tweak("m12a.payout=50%");
	ck_assert_uint_eq(RUN(team(2025, NAN, NAN)), 1);
	CK_AWARD(0, L_M12A, 2025, 650 * WAN); /* 50% x 1000万 + 50% x 300万 = 500万 + 150万 */
}
END_TEST

START_TEST(m12a_pays_a_team_once)
{
	ck_assert_uint_eq(RUN(team(2025, 100 * W, 10 * W), team(2026, 200 * W, 20 * W)), 1);
	CK_AWARD(0, L_M12A, 2025, 110 * WAN); /* 100万 + 10万 */
}
END_TEST

/* ================================================================== */
/* M12B 第12条: 个人最高100万元购房补贴; M12C: 最高30万元薪酬补贴.       */

START_TEST(m12b_a_grant_one_yuan_below_100wan_is_paid_as_granted)
{
	ck_assert_uint_eq(RUN(grant(L_M12B, 2025, 100 * W - 1)), 1);
	CK_AWARD(0, L_M12B, 2025, 99999900); /* 999,999 yuan */
}
END_TEST

START_TEST(m12b_a_grant_at_or_above_100wan_pays_100wan)
{
	ck_assert_uint_eq(RUN(grant(L_M12B, 2025, 100 * W)), 1);
	CK_AWARD(0, L_M12B, 2025, 100 * WAN);
	ck_assert_uint_eq(RUN(grant(L_M12B, 2025, 100 * W + 1)), 1);
	CK_AWARD(0, L_M12B, 2025, 100 * WAN);
}
END_TEST

START_TEST(m12b_pays_a_talent_once_by_default)
{
	ck_assert_uint_eq(RUN(grant(L_M12B, 2025, 60 * W), grant(L_M12B, 2026, 40 * W)), 1);
	CK_AWARD(0, L_M12B, 2025, 60 * WAN); /* max_awards = 1 */
}
END_TEST

START_TEST(m12b_max_awards_0_pays_every_year)
{
	tweak("m12b.max_awards=0");
	ck_assert_uint_eq(RUN(grant(L_M12B, 2025, 60 * W), grant(L_M12B, 2026, 40 * W)), 2);
	CK_AWARD(0, L_M12B, 2025, 60 * WAN);
	CK_AWARD(1, L_M12B, 2026, 40 * WAN);
}
END_TEST

START_TEST(m12c_a_grant_one_yuan_below_30wan_is_paid_as_granted)
{
	ck_assert_uint_eq(RUN(grant(L_M12C, 2025, 30 * W - 1)), 1);
	CK_AWARD(0, L_M12C, 2025, 29999900); /* 299,999 yuan */
}
END_TEST

START_TEST(m12c_a_grant_at_or_above_30wan_pays_30wan)
{
	ck_assert_uint_eq(RUN(grant(L_M12C, 2025, 30 * W)), 1);
	CK_AWARD(0, L_M12C, 2025, 30 * WAN);
	ck_assert_uint_eq(RUN(grant(L_M12C, 2025, 30 * W + 1)), 1);
	CK_AWARD(0, L_M12C, 2025, 30 * WAN);
}
END_TEST

START_TEST(m12c_no_grant_given_pays_30wan_once)
{
	ck_assert_uint_eq(RUN(row(L_M12C, 2025, NAN), row(L_M12C, 2026, NAN)), 1);
	CK_AWARD(0, L_M12C, 2025, 30 * WAN); /* payout 100% x 30万, max_awards 1 */
}
END_TEST

/* ================================================================== */
/* M13B 第13条: 200万元, 连续支持最高不超过3年, pooled.                  */

START_TEST(m13b_pays_200wan_a_year_for_at_most_3_years_in_a_5_year_window)
{
	tweak("scenario.years=5");
	ck_assert_uint_eq(RUN(review(L_M13B, 2025, true), review(L_M13B, 2026, true),
			      review(L_M13B, 2027, true), review(L_M13B, 2028, true),
			      review(L_M13B, 2029, true)),
			  3);
	CK_AWARD(0, L_M13B, 2025, 200 * WAN);
	CK_AWARD(1, L_M13B, 2026, 200 * WAN);
	CK_AWARD(2, L_M13B, 2027, 200 * WAN);
}
END_TEST

START_TEST(m13b_stops_for_good_after_a_failed_review)
{
	tweak("scenario.years=5");
	ck_assert_uint_eq(RUN(review(L_M13B, 2025, true), review(L_M13B, 2026, true),
			      review(L_M13B, 2027, false), review(L_M13B, 2028, true)),
			  2);
	CK_AWARD(0, L_M13B, 2025, 200 * WAN);
	CK_AWARD(1, L_M13B, 2026, 200 * WAN);
}
END_TEST

START_TEST(m13b_stops_for_good_after_a_gap_year)
{
	tweak("scenario.years=5");
	ck_assert_uint_eq(RUN(review(L_M13B, 2025, true), review(L_M13B, 2027, true),
			      review(L_M13B, 2028, true)),
			  1);
	CK_AWARD(0, L_M13B, 2025, 200 * WAN);
}
END_TEST

START_TEST(m13b_is_pooled_half_provincial_by_default)
{
	ck_assert_uint_eq(RUN(review(L_M13B, 2025, true)), 1);
	/* 统筹省、市资金: 50% x 200万 = 100万 provincial, 100万 municipal */
	ck_assert_int_eq(got.a[0].provincial, 100 * WAN);
	ck_assert_int_eq(got.a[0].municipal, 100 * WAN);
	ck_assert_int_eq(got.a[0].district, 0);
}
END_TEST

/* ================================================================== */
/* The policy window, payment lag, disabled lines, reasons.            */

START_TEST(rows_before_start_year_or_after_the_window_pay_nothing)
{
	/* default window 2025-2027; 2024 is history, 2028 is past the end */
	ck_assert_uint_eq(RUN(row(L_M8A, 2024, NAN)), 0);
	ck_assert_uint_eq(RUN(row(L_M11, 2024, 500 * W)), 0);
	ck_assert_uint_eq(RUN(row(L_M8A, 2028, NAN)), 0);
	ck_assert_uint_eq(RUN(grant(L_M9, 2028, 100 * W)), 0);
}
END_TEST

START_TEST(the_last_window_year_pays_and_is_paid_the_year_after)
{
	ck_assert_uint_eq(RUN(row(L_M10B, 2027, NAN)), 1);
	CK_AWARD(0, L_M10B, 2027, 50 * WAN); /* paid_year 2027 + 1 = 2028 */
}
END_TEST

START_TEST(a_later_start_year_moves_the_window)
{
	tweak("scenario.start_year=2026"); /* window 2026-2028 */
	ck_assert_uint_eq(RUN(row(L_M8A, 2025, NAN)), 0);
	ck_assert_uint_eq(RUN(row(L_M8A, 2028, NAN)), 1);
	CK_AWARD(0, L_M8A, 2028, 200 * WAN);
}
END_TEST

START_TEST(paid_year_is_the_qualifying_year_plus_payment_lag)
{
	tweak("scenario.payment_lag=2");
	ck_assert_uint_eq(RUN(row(L_M10B, 2025, NAN)), 1);
	ck_assert_int_eq(got.a[0].year, 2025);
	ck_assert_int_eq(got.a[0].paid_year, 2027); /* 2025 + 2 */
	tweak("scenario.payment_lag=0");
	ck_assert_uint_eq(RUN(rated(L_M4, 2026, LEVEL_NATIONAL)), 1);
	ck_assert_int_eq(got.a[0].paid_year, 2026); /* 2026 + 0 */
}
END_TEST

START_TEST(a_disabled_line_pays_nothing)
{
	tweak("m9.enabled=false");
	ck_assert_uint_eq(RUN(grant(L_M9, 2025, 100 * W), grant(L_M9, 2026, 100 * W)), 0);
	tweak("m4.enabled=false");
	ck_assert_uint_eq(RUN(rated(L_M4, 2025, LEVEL_NATIONAL)), 0);
	tweak("m7a.enabled=false");
	ck_assert_uint_eq(RUN(review(L_M7A, 2025, true)), 0);
	tweak("m5a.enabled=false");
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2025, 11 * YI)), 0);
}
END_TEST

START_TEST(a_line_disabled_directly_on_the_policy_pays_nothing)
{
	sc->pol.line[L_M11].enabled = false;
	ck_assert_uint_eq(RUN(row(L_M11, 2025, 1000 * W)), 0);
	/* other lines are unaffected */
	ck_assert_uint_eq(RUN(row(L_M10A, 2025, 100 * W)), 1);
	CK_AWARD(0, L_M10A, 2025, 20 * WAN); /* 20% x 100万 */
}
END_TEST

START_TEST(awards_carry_a_reason_when_the_sink_asks)
{
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2025, 11 * YI)), 1);
	ck_assert_uint_gt(strlen(got.a[0].reason), 0);
	ck_assert_uint_eq(RUN(team(2025, NAN, NAN)), 1);
	ck_assert_uint_gt(strlen(got.a[0].reason), 0);
	ck_assert_uint_eq(RUN(grant(L_M10C, 2025, 30 * W)), 1);
	ck_assert_uint_gt(strlen(got.a[0].reason), 0);
	ck_assert_uint_eq(RUN(rated(L_M13A, 2025, LEVEL_PROVINCIAL)), 1);
	ck_assert_uint_gt(strlen(got.a[0].reason), 0);
}
END_TEST

START_TEST(awards_have_an_empty_reason_when_the_sink_does_not_ask)
{
	want_reasons = false;
	ck_assert_uint_eq(RUN(review(L_M7A, 2025, true)), 1);
	ck_assert_str_eq(got.a[0].reason, "");
	CK_AWARD(0, L_M7A, 2025, 480 * WAN); /* the amount does not depend on reasons */
}
END_TEST

/* ================================================================== */
/* rules_split: provincial + municipal + district = amount.            */

START_TEST(split_a_pooled_line_half_provincial_by_default)
{
	struct award a = split(L_M5A, 100 * WAN);
	/* [funding] provincial_share 50%, district_share 0: 50万 / 50万 / 0 */
	ck_assert_int_eq(a.provincial, 50 * WAN);
	ck_assert_int_eq(a.municipal, 50 * WAN);
	ck_assert_int_eq(a.district, 0);
}
END_TEST

START_TEST(split_provincial_30_percent_and_district_50_percent_of_the_rest)
{
	tweak("m5a.provincial_share=30%");
	tweak("m5a.district_share=50%");
	struct award a = split(L_M5A, 100 * WAN);
	/* P = 30% x 100万 = 30万; rest 70万: D = 50% x 70万 = 35万, M = 35万 */
	ck_assert_int_eq(a.provincial, 30 * WAN);
	ck_assert_int_eq(a.district, 35 * WAN);
	ck_assert_int_eq(a.municipal, 35 * WAN);
}
END_TEST

START_TEST(split_a_municipal_line_ignores_provincial_share)
{
	tweak("m4.provincial_share=50%");
	struct award a = split(L_M4, 300 * WAN);
	/* M4 is municipal money: P 0, all 300万 municipal */
	ck_assert_int_eq(a.provincial, 0);
	ck_assert_int_eq(a.municipal, 300 * WAN);
	ck_assert_int_eq(a.district, 0);
}
END_TEST

START_TEST(split_a_municipal_line_still_takes_its_district_share)
{
	tweak("m8a.district_share=25%");
	struct award a = split(L_M8A, 200 * WAN);
	/* P 0; D = 25% x 200万 = 50万; M = 150万 */
	ck_assert_int_eq(a.provincial, 0);
	ck_assert_int_eq(a.district, 50 * WAN);
	ck_assert_int_eq(a.municipal, 150 * WAN);
}
END_TEST

START_TEST(split_one_fen_still_adds_up)
{
	struct award a = split(L_M5A, 1);
	/* 50% x 1 fen = 0.5 fen: either part may take the fen, never both */
	ck_assert_int_eq(a.provincial + a.municipal + a.district, 1);
	ck_assert_int_ge(a.provincial, 0);
	ck_assert_int_le(a.provincial, 1);
	ck_assert_int_eq(a.district, 0);
	tweak("m5a.provincial_share=30%");
	tweak("m5a.district_share=50%");
	a = split(L_M5A, 1);
	/* 30% x 1 fen = 0.3 fen -> P 0; the fen goes to D or M */
	ck_assert_int_eq(a.provincial, 0);
	ck_assert_int_eq(a.provincial + a.municipal + a.district, 1);
}
END_TEST

START_TEST(split_33_33_yuan_rounds_but_adds_up)
{
	tweak("m5a.provincial_share=30%");
	tweak("m5a.district_share=50%");
	struct award a = split(L_M5A, 3333);
	/* P = 30% x 3333 fen = 999.9 fen -> 1000 fen (10.00 yuan);
	 * rest 2333 fen: D = 50% = 1166.5 fen -> 1166 or 1167; M the rest */
	ck_assert_int_eq(a.provincial, 1000);
	ck_assert_int_ge(a.district, 1166);
	ck_assert_int_le(a.district, 1167);
	ck_assert_int_eq(a.provincial + a.municipal + a.district, 3333);
	ck_assert_int_eq(a.district + a.municipal, 2333);
}
END_TEST

START_TEST(split_always_adds_up_to_the_amount_for_odd_amounts)
{
	static const char *const shares[][2] = {
		{"m10a.provincial_share=50%", "m10a.district_share=0"},
		{"m10a.provincial_share=30%", "m10a.district_share=50%"},
		{"m10a.provincial_share=33%", "m10a.district_share=17%"},
		{"m10a.provincial_share=66.7%", "m10a.district_share=33.3%"},
		{"m10a.provincial_share=1", "m10a.district_share=1"},
	};
	for (size_t k = 0; k < sizeof shares / sizeof shares[0]; k++) {
		tweak(shares[k][0]);
		tweak(shares[k][1]);
		for (fen_t amt = 1; amt <= 3001; amt += 7) {
			struct award a = split(L_M10A, amt);
			ck_assert_int_eq(a.provincial + a.municipal + a.district, amt);
			ck_assert_int_ge(a.provincial, 0);
			ck_assert_int_ge(a.municipal, 0);
			ck_assert_int_ge(a.district, 0);
		}
	}
}
END_TEST

START_TEST(split_provincial_share_100_percent_leaves_nothing_to_districts)
{
	tweak("m10a.provincial_share=100%");
	tweak("m10a.district_share=50%");
	struct award a = split(L_M10A, 200 * WAN);
	/* P = 200万; the district share is of the non-provincial money: 0 */
	ck_assert_int_eq(a.provincial, 200 * WAN);
	ck_assert_int_eq(a.municipal, 0);
	ck_assert_int_eq(a.district, 0);
}
END_TEST

START_TEST(split_funding_provincial_share_is_the_default_for_pooled_lines)
{
	tweak("funding.provincial_share=40%");
	struct award a = split(L_M9, 200 * WAN);
	/* M9 has no provincial_share of its own: 40% x 200万 = 80万 */
	ck_assert_int_eq(a.provincial, 80 * WAN);
	ck_assert_int_eq(a.municipal, 120 * WAN);
	ck_assert_int_eq(a.district, 0);
}
END_TEST

START_TEST(split_a_lines_own_provincial_share_overrides_the_funding_default)
{
	tweak("funding.provincial_share=40%");
	tweak("m9.provincial_share=10%");
	struct award a = split(L_M9, 200 * WAN);
	ck_assert_int_eq(a.provincial, 20 * WAN); /* 10% x 200万 */
	ck_assert_int_eq(a.municipal, 180 * WAN);
	a = split(L_M13B, 200 * WAN);
	ck_assert_int_eq(a.provincial, 80 * WAN); /* M13B keeps the default: 40% x 200万 */
	ck_assert_int_eq(a.municipal, 120 * WAN);
}
END_TEST

START_TEST(split_funding_district_share_is_the_default_a_lines_own_key_overrides)
{
	tweak("funding.district_share=20%");
	struct award a = split(L_M8A, 200 * WAN);
	/* municipal line: P 0, D = 20% x 200万 = 40万, M = 160万 */
	ck_assert_int_eq(a.provincial, 0);
	ck_assert_int_eq(a.district, 40 * WAN);
	ck_assert_int_eq(a.municipal, 160 * WAN);
	a = split(L_M10A, 200 * WAN);
	/* pooled line: P = 50% = 100万; D = 20% x 100万 = 20万; M = 80万 */
	ck_assert_int_eq(a.provincial, 100 * WAN);
	ck_assert_int_eq(a.district, 20 * WAN);
	ck_assert_int_eq(a.municipal, 80 * WAN);
	a = split(L_M9, 200 * WAN);
	/* M9 pays a district: no district co-funds it, P 100万, M 100万 */
	ck_assert_int_eq(a.provincial, 100 * WAN);
	ck_assert_int_eq(a.district, 0);
	ck_assert_int_eq(a.municipal, 100 * WAN);
	tweak("m8a.district_share=0"); /* M8A's own key beats the 20% default */
	a = split(L_M8A, 200 * WAN);
	ck_assert_int_eq(a.district, 0);
	ck_assert_int_eq(a.municipal, 200 * WAN);
}
END_TEST

START_TEST(split_a_lines_funding_key_decides_whether_provincial_share_applies)
{
	tweak("m4.funding=pooled");
	struct award a = split(L_M4, 300 * WAN);
	/* municipal M4 made pooled: 50% x 300万 = 150万 provincial */
	ck_assert_int_eq(a.provincial, 150 * WAN);
	ck_assert_int_eq(a.municipal, 150 * WAN);
	tweak("m5a.funding=municipal");
	a = split(L_M5A, 100 * WAN); /* pooled M5A made municipal: no provincial part */
	ck_assert_int_eq(a.provincial, 0);
	ck_assert_int_eq(a.municipal, 100 * WAN);
}
END_TEST

START_TEST(split_funding_shares_set_directly_on_the_policy_are_used)
{
	sc->pol.provincial_share = 0.2;
	struct award a = split(L_M10A, 50 * WAN);
	/* M10A pooled, no share of its own: 20% x 50万 = 10万 */
	ck_assert_int_eq(a.provincial, 10 * WAN);
	ck_assert_int_eq(a.municipal, 40 * WAN);
	sc->pol.line[L_M10A].provincial_share = 0.6;
	a = split(L_M10A, 50 * WAN);
	ck_assert_int_eq(a.provincial, 30 * WAN); /* 60% x 50万 */
	ck_assert_int_eq(a.municipal, 20 * WAN);
}
END_TEST

START_TEST(split_the_engine_splits_a_pooled_award_it_makes)
{
	tweak("m5a.provincial_share=30%");
	tweak("m5a.district_share=50%");
	ck_assert_uint_eq(RUN(row(L_M5A, 2024, 10 * YI), row(L_M5A, 2025, 15 * YI)), 1);
	/* 2‰ x 5亿 = 100万: P 30万, D 35万, M 35万 */
	ck_assert_int_eq(got.a[0].amount, 100 * WAN);
	ck_assert_int_eq(got.a[0].provincial, 30 * WAN);
	ck_assert_int_eq(got.a[0].district, 35 * WAN);
	ck_assert_int_eq(got.a[0].municipal, 35 * WAN);
}
END_TEST

/* ================================================================== */

static void add(Suite *s, const char *name, const TTest *const *tests, size_t n)
{
	TCase *tc = tcase_create(name);
	tcase_add_checked_fixture(tc, setup, teardown);
	for (size_t i = 0; i < n; i++)
		tcase_add_test(tc, tests[i]);
	suite_add_tcase(s, tc);
}

#define ADD(s, name, ...)                                     \
	add((s), (name), (const TTest *const[]){__VA_ARGS__}, \
	    sizeof((const TTest *const[]){__VA_ARGS__}) / sizeof(TTest *))

static Suite *rules_entity_suite(void)
{
	Suite *s = suite_create("rules_entity");
	ADD(s, "history and missing figures",
	    once_only_lines_do_not_pay_an_entity_already_supported_before_the_policy,
	    a_rate_line_without_a_base_pays_nothing);
	ADD(s, "M4", m4_a_park_rated_national_gets_300wan, m4_a_park_rated_provincial_gets_200wan,
	    m4_provincial_in_history_then_national_in_the_window_pays_300wan,
	    m4_provincial_then_national_in_the_window_pays_200wan_then_300wan,
	    m4_national_then_provincial_pays_only_once, m4_the_same_rating_every_year_pays_once,
	    m4_a_rating_already_held_before_the_policy_pays_nothing,
	    m4_a_municipal_park_rating_pays_nothing);
	ADD(s, "M13A", m13a_a_provincial_base_gets_100wan_and_a_municipal_base_50wan,
	    m13a_municipal_then_provincial_pays_50wan_then_100wan,
	    m13a_provincial_then_municipal_pays_only_once,
	    m13a_municipal_in_history_then_provincial_in_the_window_pays_100wan);
	ADD(s, "M5A", m5a_pays_2_permille_of_a_1yi_increment_as_20wan,
	    m5a_an_increment_of_5yi_or_more_pays_the_100wan_cap,
	    m5a_just_below_a_5yi_increment_pays_2_permille_rounded_to_the_fen,
	    m5a_pays_every_window_year_on_that_years_increment,
	    m5a_no_award_when_revenue_falls_and_the_increment_is_over_the_prior_year,
	    m5a_a_year_without_the_prior_years_row_pays_nothing,
	    m5a_a_municipal_or_higher_park_qualifies);
	ADD(s, "M5B", m5b_pays_1_permille_of_a_5yi_increment_as_50wan,
	    m5b_an_increment_of_30yi_or_more_pays_the_300wan_cap,
	    m5b_just_below_a_30yi_increment_pays_1_permille_rounded_to_the_fen,
	    m5b_needs_a_provincial_or_higher_famous_park);
	ADD(s, "M6A", m6a_one_yuan_below_the_binding_base_pays_30_percent,
	    m6a_the_binding_base_to_the_fen_pays_exactly_the_cap,
	    m6a_rounds_to_the_nearest_fen_just_under_the_cap,
	    m6a_one_yuan_above_the_binding_base_is_capped_at_1000wan,
	    m6a_pays_30_percent_of_the_investment_rounded_to_the_fen, m6a_pays_once_per_project,
	    m6a_a_rate_set_directly_on_the_policy_is_used);
	ADD(s, "M6B", m6b_a_grant_below_the_cap_is_paid_as_granted_to_the_fen,
	    m6b_a_grant_at_or_above_the_cap_pays_200wan,
	    m6b_no_grant_given_pays_payout_times_the_cap, m6b_pays_a_consortium_once);
	ADD(s, "M6C", m6c_one_yuan_below_2000wan_pays_half,
	    m6c_2000wan_or_one_yuan_more_pays_the_1000wan_cap);
	ADD(s, "M7A", m7a_a_grant_one_yuan_below_480wan_is_paid_as_granted,
	    m7a_a_grant_at_or_above_480wan_pays_480wan, m7a_no_grant_given_pays_the_cap_each_year,
	    m7a_pays_at_most_3_consecutive_years_in_a_5_year_window,
	    m7a_a_centre_starting_late_in_a_5_year_window_gets_its_3_years,
	    m7a_stops_for_good_after_the_first_failed_review, m7a_stops_for_good_after_a_gap_year,
	    m7a_a_centre_starting_in_the_last_window_year_gets_its_3_years_after_it,
	    m7a_after_expiry_stop_ends_support_with_the_window,
	    m7a_history_rows_pay_nothing_and_do_not_use_up_years);
	ADD(s, "M7B", m7b_one_yuan_below_1200wan_pays_half,
	    m7b_1200wan_or_one_yuan_more_pays_the_600wan_cap, m7b_pays_once_per_project);
	ADD(s, "M8", m8a_a_leading_open_source_project_gets_200wan_once,
	    m8b_a_grant_one_yuan_below_the_cap_is_paid_as_granted,
	    m8b_a_grant_at_or_above_the_cap_pays_100wan,
	    m8b_no_grant_given_pays_the_cap_once_per_platform);
	ADD(s, "M9", m9_a_grant_one_yuan_below_the_cap_is_paid_as_granted,
	    m9_a_grant_at_or_above_the_cap_pays_200wan,
	    m9_with_no_limit_a_district_is_paid_every_window_year,
	    m9_max_awards_2_stops_after_two_awards, m9_is_pooled_half_provincial_by_default);
	ADD(s, "M10", m10a_one_yuan_below_250wan_pays_20_percent,
	    m10a_250wan_or_one_yuan_more_pays_the_50wan_cap,
	    m10b_a_first_round_adopter_gets_50wan_once,
	    m10c_two_30wan_grants_pay_30wan_then_the_20wan_left,
	    m10c_a_grant_at_or_above_the_cap_pays_50wan_then_nothing,
	    m10c_one_yuan_below_the_cap_leaves_one_yuan,
	    m10c_no_grant_given_pays_the_whole_cap_at_once,
	    m10c_grants_before_the_policy_do_not_use_the_cap);
	ADD(s, "M11", m11_one_yuan_below_1000wan_pays_20_percent,
	    m11_1000wan_of_sales_or_one_yuan_more_pays_the_200wan_cap);
	ADD(s, "M12A", m12a_no_amounts_given_pays_both_caps,
	    m12a_both_parts_one_yuan_below_their_caps_are_paid_as_granted,
	    m12a_both_parts_at_or_above_their_caps_pay_1300wan, m12a_each_part_has_its_own_cap,
	    the_largest_accepted_amounts_pay_exactly,
	    m12a_a_missing_housing_amount_is_payout_times_its_cap,
	    m12a_payout_50_percent_halves_both_caps, m12a_pays_a_team_once);
	ADD(s, "M12BC", m12b_a_grant_one_yuan_below_100wan_is_paid_as_granted,
	    m12b_a_grant_at_or_above_100wan_pays_100wan, m12b_pays_a_talent_once_by_default,
	    m12b_max_awards_0_pays_every_year, m12c_a_grant_one_yuan_below_30wan_is_paid_as_granted,
	    m12c_a_grant_at_or_above_30wan_pays_30wan, m12c_no_grant_given_pays_30wan_once);
	ADD(s, "M13B", m13b_pays_200wan_a_year_for_at_most_3_years_in_a_5_year_window,
	    m13b_stops_for_good_after_a_failed_review, m13b_stops_for_good_after_a_gap_year,
	    m13b_is_pooled_half_provincial_by_default);
	ADD(s, "window", rows_before_start_year_or_after_the_window_pay_nothing,
	    the_last_window_year_pays_and_is_paid_the_year_after,
	    a_later_start_year_moves_the_window, paid_year_is_the_qualifying_year_plus_payment_lag,
	    a_disabled_line_pays_nothing, a_line_disabled_directly_on_the_policy_pays_nothing,
	    awards_carry_a_reason_when_the_sink_asks,
	    awards_have_an_empty_reason_when_the_sink_does_not_ask);
	ADD(s, "split", split_a_pooled_line_half_provincial_by_default,
	    split_provincial_30_percent_and_district_50_percent_of_the_rest,
	    split_a_municipal_line_ignores_provincial_share,
	    split_a_municipal_line_still_takes_its_district_share, split_one_fen_still_adds_up,
	    split_33_33_yuan_rounds_but_adds_up, split_always_adds_up_to_the_amount_for_odd_amounts,
	    split_provincial_share_100_percent_leaves_nothing_to_districts,
	    split_funding_provincial_share_is_the_default_for_pooled_lines,
	    split_a_lines_own_provincial_share_overrides_the_funding_default,
	    split_funding_district_share_is_the_default_a_lines_own_key_overrides,
	    split_a_lines_funding_key_decides_whether_provincial_share_applies,
	    split_funding_shares_set_directly_on_the_policy_are_used,
	    split_the_engine_splits_a_pooled_award_it_makes);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_entity_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
