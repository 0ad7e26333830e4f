/* check_rules_cash.c - when an award's cash is paid (rules_cash.c): a
 * line's schedule of instalments ([<line>] schedule), which `award` and
 * the Monte Carlo run share, and its validation.
 *
 * Expected amounts are worked out by hand and written in fen: every
 * instalment but the last is each level's share rounded down, the last
 * takes what is left. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "policy.h"
#include "rules.h"
#include "scenario.h"
#include "draft.h"


/* --set refused, with a message holding want. */
static void refused(const char *assignment, const char *want)
{
	char err[ERR_LEN] = "";
	ck_assert_msg(scenario_set(S, assignment, err, sizeof err) != 0, "%s accepted", assignment);
	ck_assert_msg(strstr(err, want), "%s: \"%s\" lacks \"%s\"", assignment, err, want);
}

/* An award of amount fen of line l, qualifying 2027, paid 2028, split as
 * the scenario's funding says, with a reason. */
static struct award award_of(enum line_id l, fen_t amount)
{
	struct award a = {.line = l, .year = 2027, .paid_year = 2028, .amount = amount};
	rules_split(&S->pol, &a);
	snprintf(a.reason, sizeof a.reason, "granted");
	return a;
}

/* Every level adds up across the instalments, and in each instalment. */
static void adds_up(const struct award *a, const struct award *o, size_t n)
{
	fen_t t = 0, pr = 0, mu = 0, di = 0;
	for (size_t k = 0; k < n; k++) {
		ck_assert_int_eq(o[k].provincial + o[k].municipal + o[k].district, o[k].amount);
		ck_assert_int_ge(o[k].provincial, 0);
		ck_assert_int_ge(o[k].municipal, 0);
		ck_assert_int_ge(o[k].district, 0);
		ck_assert_int_eq(o[k].paid_year, a->paid_year + (int)k);
		ck_assert_int_eq(o[k].year, a->year);
		t += o[k].amount;
		pr += o[k].provincial;
		mu += o[k].municipal;
		di += o[k].district;
	}
	ck_assert_int_eq(t, a->amount);
	ck_assert_int_eq(pr, a->provincial);
	ck_assert_int_eq(mu, a->municipal);
	ck_assert_int_eq(di, a->district);
}

START_TEST(no_schedule_pays_the_award_at_once)
{
	struct award a = award_of(L_M12A, 1000001), o[MAX_INSTALMENTS];
	ck_assert_uint_eq(rules_instalments(&S->pol, &a, o), 1);
	ck_assert_int_eq(o[0].amount, 1000001);
	ck_assert_int_eq(o[0].paid_year, 2028);
	ck_assert_str_eq(o[0].reason, "granted"); /* no note */
	set("m12a.schedule=100%");
	ck_assert_uint_eq(rules_instalments(&S->pol, &a, o), 1);
}
END_TEST

START_TEST(three_instalments_round_down_and_the_last_takes_the_remainder)
{
	set("m12a.schedule=40%,30%,30%");
	/* M12A is municipal: 1000001 fen = 400000.4 + 300000.3 + 300000.3 */
	struct award a = award_of(L_M12A, 1000001), o[MAX_INSTALMENTS];
	ck_assert_uint_eq(rules_instalments(&S->pol, &a, o), 3);
	ck_assert_int_eq(o[0].amount, 400000);
	ck_assert_int_eq(o[1].amount, 300000);
	ck_assert_int_eq(o[2].amount, 300001);
	ck_assert_int_eq(o[2].municipal, 300001);
	adds_up(&a, o, 3);
	ck_assert_str_eq(o[0].reason, "granted; instalment 1/3 (第1期/共3期)");
	ck_assert_str_eq(o[2].reason, "granted; instalment 3/3 (第3期/共3期)");
}
END_TEST

START_TEST(thirds_leave_their_remainder_on_the_last_instalment)
{
	set("m12a.schedule=33.3333%,33.3333%,33.3334%");
	struct award a = award_of(L_M12A, 100), o[MAX_INSTALMENTS];
	ck_assert_uint_eq(rules_instalments(&S->pol, &a, o), 3);
	ck_assert_int_eq(o[0].amount, 33); /* 33.3333 fen down */
	ck_assert_int_eq(o[1].amount, 33);
	ck_assert_int_eq(o[2].amount, 34);
	adds_up(&a, o, 3);
	a = award_of(L_M12A, 2); /* 2 fen: 0, 0, 2 - instalments of 0 fen are dropped */
	ck_assert_uint_eq(rules_instalments(&S->pol, &a, o), 3);
	ck_assert_int_eq(o[0].amount, 0);
	ck_assert_int_eq(o[2].amount, 2);
	adds_up(&a, o, 3);
}
END_TEST

START_TEST(every_level_is_split_on_its_own_and_adds_up)
{
	/* M1A is pooled, 50% provincial: 1000001 fen = 500001 provincial
	 * (rounded half up) + 500000 municipal */
	set("m1a.schedule=40%,30%,30%");
	struct award a = award_of(L_M1A, 1000001), o[MAX_INSTALMENTS];
	ck_assert_int_eq(a.provincial, 500001);
	ck_assert_uint_eq(rules_instalments(&S->pol, &a, o), 3);
	ck_assert_int_eq(o[0].provincial, 200000); /* 200000.4 down */
	ck_assert_int_eq(o[1].provincial, 150000);
	ck_assert_int_eq(o[2].provincial, 150001);
	ck_assert_int_eq(o[0].municipal, 200000);
	ck_assert_int_eq(o[2].municipal, 150000);
	adds_up(&a, o, 3);
	/* and with a district part: 1:1 of the city's money */
	set("funding.district_share=50%");
	a = award_of(L_M1A, 1000001);
	ck_assert_uint_eq(rules_instalments(&S->pol, &a, o), 3);
	adds_up(&a, o, 3);
	for (fen_t amt = 1; amt < 2000; amt += 7) { /* every small amount */
		a = award_of(L_M1A, amt);
		adds_up(&a, o, rules_instalments(&S->pol, &a, o));
	}
}
END_TEST

START_TEST(a_schedule_must_add_up_to_100_percent)
{
	refused("m12a.schedule=40%,30%,20%", "add up to 90%, not 100%");
	refused("m12a.schedule=40%,30%,40%", "add up to 110%, not 100%");
	refused("m12a.schedule=40%,0%,60%", "instalment 2: \"0%\" is not a share above 0%");
	refused("m12a.schedule=40%,x,60%", "instalment 2:");
	refused("m12a.schedule=20%,20%,20%,20%,10%,10%", "more than 5 instalments");
	refused("m12a.schedule=", "instalment 1:");
	refused("m12a.schedule=33.33333%,33.33333%,33.33334%", "whole millionths");
}
END_TEST

START_TEST(a_schedule_reads_back_as_written_and_moves_the_tail)
{
	ck_assert_int_eq(policy_tail_years(&S->pol), 2); /* M7A, M13B: 3 years, honoured */
	set("m12a.schedule=40%,30%,30%");
	ck_assert_int_eq(S->pol.line[L_M12A].schedule.n, 3);
	ck_assert_int_eq(S->pol.line[L_M12A].schedule.part[0], 400000);
	ck_assert_int_eq(policy_tail_years(&S->pol), 2);
	set("m7a.schedule=50%,50%");
	ck_assert_int_eq(policy_tail_years(&S->pol), 3); /* year 3 of a centre, then its 2nd half */
	set("scenario.after_expiry=stop");
	ck_assert_int_eq(policy_tail_years(&S->pol), 2); /* the 40/30/30 of M12A */
	set("m12a.enabled=false");
	ck_assert_int_eq(policy_tail_years(&S->pol), 1);
}
END_TEST

static Suite *rules_cash_suite(void)
{
	Suite *s = suite_create("rules_cash");
	TCase *tc = tcase_create("schedule");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, no_schedule_pays_the_award_at_once);
	tcase_add_test(tc, three_instalments_round_down_and_the_last_takes_the_remainder);
	tcase_add_test(tc, thirds_leave_their_remainder_on_the_last_instalment);
	tcase_add_test(tc, every_level_is_split_on_its_own_and_adds_up);
	tcase_add_test(tc, a_schedule_must_add_up_to_100_percent);
	tcase_add_test(tc, a_schedule_reads_back_as_written_and_moves_the_tail);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_cash_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
