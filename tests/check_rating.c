/* check_rating.c - the uncertainty ratings (rating.h) on hand-made
 * inputs: each axis's thresholds at, just below and just above, the
 * materiality step, the weights of each provenance; the provenance the
 * scenario reader gives a key from its comment (inline, the block above,
 * the section's opening note, --set); which values a line rests on; and
 * each line's share of the total's variance on rows whose covariances
 * are known by hand. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"
#include "rating.h"
#include "scenario.h"
#include "sim.h"

static struct rating_out rate(double data, double model, double behaviour, double share)
{
	/* 100 values an axis: a score of 0.25 is 25 assumed */
	struct rating_in in = {.assumed = {100 * data, 100 * model, 100 * behaviour},
			       .values = {100, 100, 100},
			       .var_share = share};
	struct rating_out out;
	rating_of(&in, &out);
	return out;
}

START_TEST(each_axis_is_rated_at_its_thresholds_and_not_just_below)
{
	static const struct {
		double score;
		enum rating_level want;
	} cases[] = {
		{0, RATING_LOW},          {0.2499, RATING_LOW},
		{0.25, RATING_MEDIUM},    {0.2501, RATING_MEDIUM},
		{0.4999, RATING_MEDIUM},  {0.50, RATING_HIGH},
		{0.5001, RATING_HIGH},    {0.7499, RATING_HIGH},
		{0.75, RATING_VERY_HIGH}, {0.7501, RATING_VERY_HIGH},
		{1, RATING_VERY_HIGH},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		for (int a = 0; a < N_AXES; a++) {
			double v[N_AXES] = {0, 0, 0};
			v[a] = cases[k].score;
			struct rating_out o = rate(v[0], v[1], v[2], 0);
			ck_assert_msg(o.axis[a] == cases[k].want, "axis %d score %g: %d, want %d",
				      a, cases[k].score, o.axis[a], cases[k].want);
			ck_assert_double_eq_tol(o.score[a], cases[k].score, 1e-12);
			for (int b = 0; b < N_AXES; b++)
				if (b != a)
					ck_assert_int_eq(o.axis[b], RATING_LOW);
			/* one axis at level L, two low: the mean L / 3 to the nearest */
			ck_assert_int_eq(o.overall, cases[k].want == RATING_VERY_HIGH
							    ? RATING_MEDIUM
						    : cases[k].want == RATING_HIGH ? RATING_MEDIUM
										   : RATING_LOW);
			ck_assert(!o.material);
		}
	}
}
END_TEST

START_TEST(the_overall_rating_is_the_mean_level_of_the_axes_to_the_nearest)
{
	struct rating_out o = rate(0.3, 0.6, 0.1, 0.05); /* medium, high, low: 1 */
	ck_assert_int_eq(o.axis[AXIS_DATA], RATING_MEDIUM);
	ck_assert_int_eq(o.axis[AXIS_MODELLING], RATING_HIGH);
	ck_assert_int_eq(o.axis[AXIS_BEHAVIOUR], RATING_LOW);
	ck_assert_int_eq(o.overall, RATING_MEDIUM);
	ck_assert_int_eq(rate(0.8, 0.6, 0.1, 0).overall, RATING_HIGH);      /* 5 / 3 up */
	ck_assert_int_eq(rate(0.8, 0.3, 0.1, 0).overall, RATING_MEDIUM);    /* 4 / 3 down */
	ck_assert_int_eq(rate(0.8, 0.8, 0.3, 0).overall, RATING_HIGH);      /* 7 / 3 down */
	ck_assert_int_eq(rate(0.8, 0.8, 0.6, 0).overall, RATING_VERY_HIGH); /* 8 / 3 up */
	ck_assert_int_eq(rate(0.3, 0.1, 0.1, 0).overall, RATING_LOW);       /* 1 / 3 down */
	ck_assert_int_eq(rate(0.3, 0.3, 0.1, 0).overall, RATING_MEDIUM);    /* 2 / 3 up */
}
END_TEST

START_TEST(a_line_carrying_a_fifth_of_the_variance_goes_one_step_up_and_no_further)
{
	/* below, at, above RATING_MATERIAL */
	ck_assert_int_eq(rate(0.3, 0.3, 0.3, 0.1999).overall, RATING_MEDIUM);
	struct rating_out at = rate(0.3, 0.3, 0.3, 0.20);
	ck_assert(at.material);
	ck_assert_int_eq(at.overall, RATING_HIGH);
	ck_assert_int_eq(at.axis[AXIS_DATA], RATING_MEDIUM); /* the axes stay */
	ck_assert_int_eq(rate(0.3, 0.3, 0.3, 0.2001).overall, RATING_HIGH);
	ck_assert_int_eq(rate(0, 0, 0, 0.9).overall, RATING_MEDIUM);
	ck_assert_int_eq(rate(0.9, 0.9, 0.9, 0.9).overall, RATING_VERY_HIGH); /* capped */
	struct rating_out unknown = rate(0.3, 0.3, 0.3, NAN);
	ck_assert(!unknown.material);
	ck_assert_int_eq(unknown.overall, RATING_MEDIUM);
}
END_TEST

START_TEST(an_axis_without_values_is_low_and_left_out_of_the_overall_rating)
{
	struct rating_in in = {.assumed = {0, 3, 0}, .values = {0, 4, 0}, .var_share = 0};
	struct rating_out o;
	rating_of(&in, &o);
	ck_assert_double_eq(o.score[AXIS_DATA], 0);
	ck_assert_int_eq(o.axis[AXIS_DATA], RATING_LOW);
	ck_assert_double_eq(o.score[AXIS_MODELLING], 0.75);
	ck_assert_int_eq(o.overall, RATING_VERY_HIGH); /* the only axis with values */
	struct rating_in none = {.var_share = 0.5};
	rating_of(&none, &o);
	ck_assert_int_eq(o.overall, RATING_MEDIUM); /* low, and material */
}
END_TEST

START_TEST(a_comment_says_where_a_value_comes_from)
{
	static const struct {
		const char *note;
		enum param_prov want;
	} cases[] = {
		{NULL, PROV_UNMARKED},
		{"   ", PROV_UNMARKED},
		{"; 第3条: 给予200万元", PROV_TEXT},
		{"第12条", PROV_TEXT},
		{"第 条 no number", PROV_SOURCED},
		{"reading: the cap is paid", PROV_READING},
		{"Reading: capitals", PROV_READING},
		{"assumption: not public", PROV_ASSUMPTION},
		{"; ; assumption", PROV_ASSUMPTION},
		{"fitted to the targets; sigma 1.3 assumption (the usual spread)", PROV_PARTLY},
		{"SIP is Jiangsu's first 软件名园 (js.people.com.cn)", PROV_SOURCED},
		{"by definition: the counts are of applicants", PROV_DEFINITION},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
		ck_assert_msg(params_prov_of(cases[k].note) == cases[k].want, "\"%s\": %s",
			      cases[k].note ? cases[k].note : "(null)",
			      params_prov_name(params_prov_of(cases[k].note)));
	ck_assert_double_eq(rating_weight(PROV_TEXT), 0);
	ck_assert_double_eq(rating_weight(PROV_SOURCED), 0);
	ck_assert_double_eq(rating_weight(PROV_DEFINITION), 0);
	ck_assert_double_eq(rating_weight(PROV_READING), 0.5);
	ck_assert_double_eq(rating_weight(PROV_PARTLY), 0.5);
	ck_assert_double_eq(rating_weight(PROV_ASSUMPTION), 1);
	ck_assert_double_eq(rating_weight(PROV_UNMARKED), 1);
}
END_TEST

static enum param_prov prov(const struct scenario *s, const char *sec, const char *key)
{
	int i = params_find(sec, key);
	ck_assert_int_ge(i, 0);
	ck_assert(s->set[i]);
	return (enum param_prov)s->prov[i];
}

START_TEST(the_reader_takes_the_inline_comment_then_the_block_above_then_the_sections)
{
	static const char text[] = "[takeup]\n"
				   "; assumption: claimed by most\n"
				   "m1a = 90%\n"
				   "m1b = 80%    ; Kunshan's figures (a source)\n"
				   "m2 = 70%\n"
				   "\n"
				   "[pop.m6a]\n"
				   "per_year = 3 ; 第6条 says nothing; a source\n"
				   "; reading: as the text reads\n"
				   "; over two lines\n"
				   "base = lognormal(2000万, 0.8)\n"
				   "\n"
				   "[m6a]\n"
				   "; a comment with a blank line after it speaks for nothing\n"
				   "\n"
				   "rate = 30%\n"
				   "cap = \"1000万\" ; 第6条\n";
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	char err[ERR_LEN];
	ck_assert_msg(scenario_load_text(s, "t.ini", text, err, sizeof err) == 0, "%s", err);
	char *set[] = {(char *)"pop.m6a.per_year=4"};
	ck_assert_int_eq(prov(s, "takeup", "m1a"), PROV_ASSUMPTION); /* its block */
	ck_assert_int_eq(prov(s, "takeup", "m1b"), PROV_SOURCED);    /* its own */
	ck_assert_int_eq(prov(s, "takeup", "m2"), PROV_ASSUMPTION);  /* the section's */
	ck_assert_int_eq(prov(s, "pop.m6a", "per_year"), PROV_TEXT);
	ck_assert_int_eq(prov(s, "pop.m6a", "base"), PROV_READING);
	ck_assert_int_eq(prov(s, "m6a", "rate"), PROV_UNMARKED);
	ck_assert_int_eq(prov(s, "m6a", "cap"), PROV_TEXT);          /* after a quoted value */
	ck_assert_int_eq(prov(s, "m3a", "tier1_amount"), PROV_TEXT); /* from the built-in */
	ck_assert_int_eq(prov(s, "growth", "exit_rate"), PROV_ASSUMPTION);
	ck_assert_int_eq(prov(s, "firms", "revenue"), PROV_PARTLY);
	ck_assert_int_eq(scenario_set(s, set[0], err, sizeof err), 0);
	ck_assert_int_eq(prov(s, "pop.m6a", "per_year"), PROV_UNMARKED);
	free(s);
}
END_TEST

START_TEST(every_value_of_the_builtin_says_where_it_comes_from)
{
	/* CALIBRATION.md: every value cites its clause or a source, or says
	 * assumption: only the switches (enabled, funding) may go without */
	struct scenario *s = calloc(1, sizeof *s);
	char err[ERR_LEN];
	ck_assert_int_eq(scenario_open(s, NULL, NULL, 0, err, sizeof err), 0);
	size_t n;
	const struct param_def *d = params_table(&n);
	for (size_t i = 0; i < n; i++) {
		if (!s->set[i] || strcmp(d[i].key, "enabled") == 0 ||
		    strcmp(d[i].key, "funding") == 0)
			continue;
		ck_assert_msg(s->prov[i] != PROV_UNMARKED, "%s.%s (%s) has no note", d[i].section,
			      d[i].key, s->src[i]);
	}
	free(s);
}
END_TEST

START_TEST(a_line_rests_on_its_rule_its_applicants_and_their_behaviour)
{
	int m6a = line_by_name("M6A"), m3b = line_by_name("M3B"), m1a = line_by_name("M1A");
	ck_assert_int_eq(rating_axis_of(m6a, params_find("m6a", "rate")), AXIS_MODELLING);
	ck_assert_int_eq(rating_axis_of(m6a, params_find("m6a", "enabled")), -1);
	ck_assert_int_eq(rating_axis_of(m6a, params_find("m6a", "funding")), -1);
	ck_assert_int_eq(rating_axis_of(m6a, params_find("pop.m6a", "per_year")), AXIS_DATA);
	ck_assert_int_eq(rating_axis_of(m6a, params_find("pop.m6a", "base")), AXIS_DATA);
	ck_assert_int_eq(rating_axis_of(m6a, params_find("takeup", "m6a")), AXIS_BEHAVIOUR);
	ck_assert_int_eq(rating_axis_of(m6a, params_find("takeup", "m6b")), -1);
	ck_assert_int_eq(rating_axis_of(m6a, params_find("pop.m6b", "per_year")), -1);
	ck_assert_int_eq(rating_axis_of(m6a, params_find("growth", "mean")), -1);
	ck_assert_int_eq(rating_axis_of(line_by_name("M7A"), params_find("pop.m7a", "pass")),
			 AXIS_BEHAVIOUR);
	ck_assert_int_eq(rating_axis_of(line_by_name("M1B"), params_find("pop.m1b", "request")),
			 AXIS_BEHAVIOUR);
	ck_assert_int_eq(rating_axis_of(m3b, params_find("events", "top100_prob")), AXIS_DATA);
	ck_assert_int_eq(rating_axis_of(m1a, params_find("events", "top100_prob")), -1);
	ck_assert_int_eq(rating_axis_of(m1a, params_find("entry", "attracted_capital")), AXIS_DATA);
	ck_assert_int_eq(rating_axis_of(m1a, params_find("entry", "new_revenue")), -1);

	/* M6A in the built-in: rate (assumption) and cap (第6条) on modelling;
	 * per_year and base assumed; take-up 100% by definition */
	struct scenario *s = calloc(1, sizeof *s);
	char err[ERR_LEN];
	ck_assert_int_eq(scenario_open(s, NULL, NULL, 0, err, sizeof err), 0);
	struct rating_in in;
	rating_inputs(s, m6a, &in);
	ck_assert_int_eq(in.values[AXIS_MODELLING], 2);
	ck_assert_double_eq(in.assumed[AXIS_MODELLING], 1);
	ck_assert_int_eq(in.values[AXIS_DATA], 2);
	ck_assert_double_eq(in.assumed[AXIS_DATA], 2);
	ck_assert_int_eq(in.values[AXIS_BEHAVIOUR], 1);
	ck_assert_double_eq(in.assumed[AXIS_BEHAVIOUR], 0);
	free(s);
}
END_TEST

START_TEST(each_lines_share_of_the_variance_is_its_covariance_with_the_total)
{
	struct scenario *s = calloc(1, sizeof *s);
	char err[ERR_LEN];
	ck_assert_int_eq(scenario_open(s, NULL, NULL, 0, err, sizeof err), 0);
	struct sim_layout l;
	sim_layout(&s->pol, &l);
	bool in_total[N_LINES] = {false};
	in_total[0] = in_total[1] = in_total[3] = true;
	/* line 0: -1, 0, 1, 0; line 1: the same twice over; line 2 is not in the
	 * total and left out; total = line 0 + line 1 = 3 x line 0.
	 * Var(T) = 9 v, Cov(0, T) = 3 v, Cov(1, T) = 6 v: shares 1/3 and 2/3. A
	 * failed replication (NaN total) is left out. */
	static const double x[] = {-1, 0, 1, 0, 7};
	long reps = 5;
	double *rows = calloc((size_t)reps * l.width, sizeof *rows);
	ck_assert_ptr_nonnull(rows);
	for (long r = 0; r < reps; r++) {
		double *row = rows + (size_t)r * l.width;
		row[sim_money(&l, 0, l.years, LV_TOTAL)] = 5 + x[r];
		row[sim_money(&l, 1, l.years, LV_TOTAL)] = 2 * x[r];
		row[sim_money(&l, 2, l.years, LV_TOTAL)] = 100 * x[r];
		row[sim_money(&l, N_LINES, l.years, LV_TOTAL)] = r == 4 ? NAN : 5 + 3 * x[r];
	}
	double share[N_LINES];

	ck_assert_int_eq(rating_var_shares(&l, in_total, rows, reps, share), 0);
	ck_assert_double_eq_tol(share[0], 1.0 / 3, 1e-12);
	ck_assert_double_eq_tol(share[1], 2.0 / 3, 1e-12);
	ck_assert(isnan(share[2]));
	ck_assert_double_eq(share[3], 0); /* in no row: no covariance */
	ck_assert(isnan(share[4]));       /* not in the total */
	/* fewer than two good rows: nothing to say */
	ck_assert_int_eq(rating_var_shares(&l, in_total, rows + 3 * l.width, 2, share), -1);
	ck_assert(isnan(share[0]));
	/* a total that does not vary: every share 0 */
	for (long r = 0; r < 4; r++)
		rows[(size_t)r * l.width + sim_money(&l, N_LINES, l.years, LV_TOTAL)] = 5;
	ck_assert_int_eq(rating_var_shares(&l, in_total, rows, 4, share), 0);
	ck_assert_double_eq(share[0], 0);
	free(rows);
	free(s);
}
END_TEST

static Suite *rating_suite(void)
{
	Suite *s = suite_create("rating");
	TCase *tc = tcase_create("rating");
	tcase_add_test(tc, each_axis_is_rated_at_its_thresholds_and_not_just_below);
	tcase_add_test(tc, the_overall_rating_is_the_mean_level_of_the_axes_to_the_nearest);
	tcase_add_test(tc, a_line_carrying_a_fifth_of_the_variance_goes_one_step_up_and_no_further);
	tcase_add_test(tc, an_axis_without_values_is_low_and_left_out_of_the_overall_rating);
	tcase_add_test(tc, a_comment_says_where_a_value_comes_from);
	tcase_add_test(tc,
		       the_reader_takes_the_inline_comment_then_the_block_above_then_the_sections);
	tcase_add_test(tc, every_value_of_the_builtin_says_where_it_comes_from);
	tcase_add_test(tc, a_line_rests_on_its_rule_its_applicants_and_their_behaviour);
	tcase_add_test(tc, each_lines_share_of_the_variance_is_its_covariance_with_the_total);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	gsl_set_error_handler_off();
	SRunner *sr = srunner_create(rating_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
