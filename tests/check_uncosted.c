/* check_uncosted.c - the commitments listed but not costed (issue 12,
 * item 8): one registry row and one [uncosted] key an item, lump sums
 * added up to the fen, never mixed into the modelled TOTAL, and shown
 * beside it as "TOTAL including the bureau's lump sums". */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "params.h"
#include "report.h"
#include "scenario.h"
#include "sim.h"
#include "summary.h"
#include "uncosted.h"

static struct scenario *open_sets(int n, const char **sets)
{
	char err[ERR_LEN];
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	ck_assert_msg(scenario_open(s, NULL, (char **)sets, n, err, sizeof err) == 0, "%s", err);
	return s;
}

static const char *lumps[] = {"uncosted.m8_events=200万", "uncosted.m14_loan_risk=1234.56"};

START_TEST(each_item_has_its_clause_both_languages_and_one_key)
{
	static const char *const clause[N_UNCOSTED] = {"第8条", "第15条", "第14条", "第14条"};
	size_t n;
	const struct param_def *d = params_table(&n);
	int keys = 0;
	for (size_t i = 0; i < n; i++)
		keys += strcmp(d[i].section, "uncosted") == 0;
	ck_assert_int_eq(keys, N_UNCOSTED);
	for (int i = 0; i < N_UNCOSTED; i++) {
		const struct uncosted_info *u = uncosted_info(i);
		ck_assert_str_eq(u->clause, clause[i]);
		ck_assert(u->short_en[0] && u->short_zh[0] && u->en[0] && u->zh[0]);
		int k = params_find("uncosted", u->key);
		ck_assert_int_ge(k, 0);
		ck_assert_str_eq(d[k].clause, u->clause);
		ck_assert_str_eq(d[k].unit, "yuan");
	}
	ck_assert_ptr_nonnull(strstr(uncosted_info(U_M8_EVENTS)->zh, "开源峰会和开源大赛"));
	ck_assert_ptr_nonnull(strstr(uncosted_info(U_M15_EVENTS)->zh, "路演"));
	ck_assert_ptr_nonnull(strstr(uncosted_info(U_M15_EVENTS)->zh, "大赛"));
	ck_assert_ptr_nonnull(strstr(uncosted_info(U_M14_FUND)->zh, "产业基金"));
	ck_assert_ptr_nonnull(strstr(uncosted_info(U_M14_LOAN_RISK)->en, "loan-risk"));
}
END_TEST

START_TEST(the_draft_sets_no_lump_sum_and_lump_sums_add_up_to_the_fen)
{
	struct scenario *s = open_sets(0, NULL);
	ck_assert_int_eq(uncosted_lumps(&s->pol), 0);
	free(s);
	s = open_sets(2, lumps);
	/* 200万 and 1234.56 yuan a year, over the draft's 3 years */
	ck_assert_int_eq(uncosted_lump(&s->pol, U_M8_EVENTS), (fen_t)200000000 * 3);
	ck_assert_int_eq(uncosted_lump(&s->pol, U_M14_LOAN_RISK), (fen_t)123456 * 3);
	ck_assert_int_eq(uncosted_lumps(&s->pol), (fen_t)(200000000 + 123456) * 3);
	free(s);
	const char *five[] = {"uncosted.m15_events=1万", "scenario.years=5"};
	s = open_sets(2, five);
	ck_assert_int_eq(uncosted_lumps(&s->pol), (fen_t)1000000 * 5);
	free(s);
}
END_TEST

/* A lump sum moves no figure of the run: every cell of every replication
 * is the same, bit for bit. */
START_TEST(lump_sums_never_enter_the_modelled_run)
{
	struct scenario *a = open_sets(0, NULL), *b = open_sets(2, lumps);
	struct sim_layout l;
	sim_layout(&a->pol, &l);
	double *ra = malloc(l.width * sizeof *ra), *rb = malloc(l.width * sizeof *rb);
	struct sim_work *w = sim_work_new();
	ck_assert(ra && rb && w);
	for (long r = 0; r < 3; r++) {
		sim_rep(&a->pol, NULL, NULL, 3, r, &l, ra, w, NULL);
		sim_rep(&b->pol, NULL, NULL, 3, r, &l, rb, w, NULL);
		ck_assert(memcmp(ra, rb, l.width * sizeof *ra) == 0);
	}
	sim_work_free(w);
	free(ra);
	free(rb);
	free(a);
	free(b);
}
END_TEST

/* The terminal lists every item after the totals, and TOTAL+lump is the
 * modelled TOTAL plus the lump sums (600.37万 here), mean and P90 alike. */
START_TEST(the_terminal_shows_the_list_and_the_total_with_lump_sums_apart)
{
	struct scenario *s = open_sets(2, lumps);
	struct sim_config cfg = {.seed = 1, .reps = 16, .threads = 1};
	struct sim_output o = {0};
	char err[ERR_LEN];
	ck_assert_msg(sim_run(&s->pol, &cfg, &o, err, sizeof err) == 0, "%s", err);
	struct summary *sm = summary_of(&o, &s->pol);
	ck_assert_ptr_nonnull(sm);
	struct run_info ri = {.s = s, .seed = 1, .threads = 1};
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	report_print(f, &ri, sm);
	fclose(f);
	const struct stats *t = summary_money(sm, N_LINES, sm->layout.years, LV_TOTAL);
	double add = (double)(200000000 + 123456) * 3 / 100;
	char total[32], with[32], p90[32], row[256];
	money_table(t->mean, total, sizeof total);
	money_table(t->mean + add, with, sizeof with);
	money_table(t->pct[P90] + add, p90, sizeof p90);
	char *list = strstr(text, "Not costed:");
	ck_assert_ptr_nonnull(list);
	ck_assert_ptr_nonnull(strstr(text, "By funding level")); /* the totals come first */
	ck_assert(strstr(text, "By funding level") < list);
	ck_assert_ptr_nonnull(strstr(list, "第8条"));
	ck_assert_ptr_nonnull(strstr(list, "第15条"));
	ck_assert_ptr_nonnull(strstr(list, "lump sum 200.0万 a year, 600.0万 over 3 years"));
	ck_assert_ptr_nonnull(strstr(list, "roadshows and contests: no lump sum set"));
	ck_assert_ptr_nonnull(
		strstr(list, "TOTAL including the bureau's lump sums (TOTAL + 600.4万)"));
	/* the modelled TOTAL row stays what the run gives */
	snprintf(row, sizeof row, "  TOTAL      ");
	char *trow = strstr(text, row);
	ck_assert_ptr_nonnull(trow);
	ck_assert_ptr_nonnull(strstr(trow, total));
	char *wrow = strstr(list, "  TOTAL+lump ");
	ck_assert_ptr_nonnull(wrow);
	ck_assert_msg(strstr(wrow, with) && strstr(wrow, p90), "%s / %s in %s", with, p90, wrow);
	free(text);
	summary_free(sm);
	sim_output_free(&o);
	free(s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("uncosted");
	TCase *t = tcase_create("uncosted");
	tcase_set_timeout(t, 120);
	tcase_add_test(t, each_item_has_its_clause_both_languages_and_one_key);
	tcase_add_test(t, the_draft_sets_no_lump_sum_and_lump_sums_add_up_to_the_fen);
	tcase_add_test(t, lump_sums_never_enter_the_modelled_run);
	tcase_add_test(t, the_terminal_shows_the_list_and_the_total_with_lump_sums_apart);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	gsl_set_error_handler_off();
	SRunner *r = srunner_create(suite());
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
