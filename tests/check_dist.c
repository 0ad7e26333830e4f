/* check_dist.c - distributions as a scenario writes them: parsing in the
 * parameter's unit, every error, range checks, the text round trip, and
 * draws checked against analytic moments at a fixed seed. */
#include <check.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dist.h"
#include "money.h"

#define ck_assert_has(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, "expected \"%s\" in \"%s\"", (needle), (hay))

#define SEED 42
#define NDRAWS 200000

/* text parses with num; returns the distribution. */
static struct dist ok_with(dist_num_fn num, const char *text)
{
	struct dist d = {.kind = D_CONST, .p = {-1, -1, -1}};
	char err[512] = "";
	int rc = dist_parse(text, num, &d, err, sizeof err);
	ck_assert_msg(rc == 0, "\"%s\" should parse, got error: %s", text, err);
	return d;
}

static struct dist ok(const char *text)
{
	return ok_with(money_parse, text);
}

/* text is rejected with a one-line reason containing each needle, and
 * *out is left alone. */
static void rejected_with(dist_num_fn num, const char *text, const char *needle1,
			  const char *needle2)
{
	struct dist d = {.kind = D_BETA, .p = {7, 8, 9}};
	char err[512] = "";
	int rc = dist_parse(text, num, &d, err, sizeof err);
	ck_assert_msg(rc == -1, "\"%s\" should be rejected", text);
	ck_assert_msg(err[0] != '\0', "\"%s\" rejected without a reason", text);
	ck_assert_msg(strchr(err, '\n') == NULL, "reason is not one line: %s", err);
	if (needle1)
		ck_assert_has(err, needle1);
	if (needle2)
		ck_assert_has(err, needle2);
	ck_assert_int_eq(d.kind, D_BETA);
	ck_assert_double_eq(d.p[0], 7);
}

static void rejected(const char *text, const char *needle1, const char *needle2)
{
	rejected_with(money_parse, text, needle1, needle2);
}

static void is(struct dist d, enum dist_kind k, double a, double b, double c)
{
	ck_assert_int_eq(d.kind, k);
	ck_assert_double_eq(d.p[0], a);
	ck_assert_double_eq(d.p[1], b);
	ck_assert_double_eq(d.p[2], c);
}

/* Exact plain numbers, for units that have no words. */
static void plain_fmt(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.17g", v);
}

static gsl_rng *seeded(void)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	ck_assert_ptr_nonnull(r);
	gsl_rng_set(r, SEED);
	return r;
}

/* ---- parsing: every form ---- */

START_TEST(a_number_alone_is_a_constant_in_the_callers_unit)
{
	is(ok("1500"), D_CONST, 1500, 0, 0);
	is(ok("800万"), D_CONST, 8e6, 0, 0);
	is(ok("  2亿  "), D_CONST, 2e8, 0, 0);
	is(ok_with(share_parse, "5%"), D_CONST, 0.05, 0, 0);
	is(ok_with(number_parse, "-2.5"), D_CONST, -2.5, 0, 0);
	ck_assert(dist_is_const(&(struct dist){.kind = D_CONST}));
	ck_assert(!dist_is_const(&(struct dist){.kind = D_UNIFORM}));
}
END_TEST

START_TEST(every_form_parses_with_positional_arguments)
{
	is(ok("uniform(100万, 2亿)"), D_UNIFORM, 1e6, 2e8, 0);
	is(ok("normal(500万, 50万)"), D_NORMAL, 5e6, 5e5, 0);
	is(ok("lognormal(800万, 1.5)"), D_LOGNORMAL, 8e6, 1.5, 0);
	is(ok("triangular(1万, 2万, 5万)"), D_TRIANGULAR, 1e4, 2e4, 5e4);
	is(ok("pert(1亿, 2亿, 5亿)"), D_PERT, 1e8, 2e8, 5e8);
	is(ok("beta(2, 5)"), D_BETA, 2, 5, 0);
	is(ok("poisson(12.5)"), D_POISSON, 12.5, 0, 0);
	is(ok("pareto(1000万, 1.2)"), D_PARETO, 1e7, 1.2, 0);
}
END_TEST

START_TEST(every_form_parses_with_named_arguments)
{
	is(ok("uniform(lo=100万, hi=2亿)"), D_UNIFORM, 1e6, 2e8, 0);
	is(ok("normal(mean=500万, sd=50万)"), D_NORMAL, 5e6, 5e5, 0);
	is(ok("lognormal(median=800万, sigma=1.5)"), D_LOGNORMAL, 8e6, 1.5, 0);
	is(ok("triangular(min=1万, mode=2万, max=5万)"), D_TRIANGULAR, 1e4, 2e4, 5e4);
	is(ok("pert(min=1亿, mode=2亿, max=5亿)"), D_PERT, 1e8, 2e8, 5e8);
	is(ok("beta(a=2, b=5)"), D_BETA, 2, 5, 0);
	is(ok("poisson(mean=12.5)"), D_POISSON, 12.5, 0, 0);
	is(ok("pareto(scale=1000万, alpha=1.2)"), D_PARETO, 1e7, 1.2, 0);
}
END_TEST

START_TEST(named_arguments_may_come_in_any_order_and_after_positional_ones)
{
	is(ok("lognormal(sigma=1.5, median=800万)"), D_LOGNORMAL, 8e6, 1.5, 0);
	is(ok("pert(max=5万, min=1万, mode=2万)"), D_PERT, 1e4, 2e4, 5e4);
	is(ok("triangular(1万, mode=2万, max=5万)"), D_TRIANGULAR, 1e4, 2e4, 5e4);
}
END_TEST

START_TEST(spaces_around_names_commas_equals_and_parentheses_are_ignored)
{
	is(ok("  pert ( min = 1万 , mode=2万,max = 5万 )  "), D_PERT, 1e4, 2e4, 5e4);
	is(ok("\tuniform(\t1 ,2\t)\n"), D_UNIFORM, 1, 2, 0);
	is(ok("poisson (  3  )"), D_POISSON, 3, 0, 0);
}
END_TEST

START_TEST(shares_are_read_through_share_parse_in_percent_and_per_mille)
{
	is(ok_with(share_parse, "normal(5%, 1%)"), D_NORMAL, 0.05, 0.01, 0);
	is(ok_with(share_parse, "uniform(2‰, 0.5)"), D_UNIFORM, 0.002, 0.5, 0);
	is(ok_with(share_parse, "triangular(10%, 30%, 80%)"), D_TRIANGULAR, 0.1, 0.3, 0.8);
	is(ok_with(share_parse, "pert(min=0, mode=50%, max=100%)"), D_PERT, 0, 0.5, 1);
}
END_TEST

START_TEST(shape_numbers_are_plain_whatever_the_unit)
{
	/* 1.5 is a sigma, not 1.5 yuan; a percent there would be a mistake */
	rejected("lognormal(800万, 1.5万)", "sigma", "not a plain number");
	rejected_with(share_parse, "beta(50%, 2)", "a:", "not a plain number");
	rejected("pareto(100万, 2万)", "alpha", "not a plain number");
	is(ok_with(share_parse, "beta(2, 3)"), D_BETA, 2, 3, 0);
}
END_TEST

START_TEST(a_poisson_mean_is_a_plain_count)
{
	is(ok_with(share_parse, "poisson(40)"), D_POISSON, 40, 0, 0);
	rejected("poisson(5万)", "mean", "not a plain number");
	rejected_with(share_parse, "poisson(5%)", "mean", "not a plain number");
}
END_TEST

START_TEST(degenerate_but_meaningful_parameters_are_accepted)
{
	is(ok("normal(5, 0)"), D_NORMAL, 5, 0, 0);
	is(ok("lognormal(5, 0)"), D_LOGNORMAL, 5, 0, 0);
	is(ok("triangular(1, 1, 3)"), D_TRIANGULAR, 1, 1, 3);
	is(ok("pert(1, 3, 3)"), D_PERT, 1, 3, 3);
	is(ok("poisson(0)"), D_POISSON, 0, 0, 0);
	is(ok("normal(-5, 1)"), D_NORMAL, -5, 1, 0);
}
END_TEST

/* ---- parsing: every error ---- */

START_TEST(an_unknown_distribution_is_named_and_the_forms_are_listed)
{
	rejected("lognorml(800万, 1.5)", "unknown distribution \"lognorml\"",
		 "forms: uniform(lo, hi), normal(mean, sd), lognormal(median, sigma), "
		 "triangular(min, mode, max), pert(min, mode, max), beta(a, b), poisson(mean), "
		 "pareto(scale, alpha)");
	rejected("Uniform(1, 2)", "unknown distribution \"Uniform\"", NULL);
	rejected("log normal(1, 2)", "unknown distribution \"log normal\"", NULL);
}
END_TEST

START_TEST(a_word_without_parentheses_is_neither_a_number_nor_a_form)
{
	rejected("lognormal", "\"lognormal\" is neither a number nor a distribution",
		 "pareto(scale, alpha)");
}
END_TEST

START_TEST(a_bad_constant_gets_the_unit_parsers_reason)
{
	rejected("100x万", "\"100x万\"", "an amount in yuan");
	rejected_with(share_parse, "5%%", "\"5%%\"", "a share");
}
END_TEST

START_TEST(an_empty_text_asks_for_a_number_or_a_form)
{
	rejected("", "empty", "forms:");
	rejected("   ", "empty", "forms:");
}
END_TEST

START_TEST(parentheses_without_a_name_are_rejected)
{
	rejected("(1, 2)", "no distribution name", "forms:");
}
END_TEST

START_TEST(the_wrong_number_of_arguments_is_rejected_with_the_signature)
{
	rejected("uniform(1)", "uniform(lo, hi) takes 2 arguments, got 1", NULL);
	rejected("uniform(1, 2, 3)", "uniform(lo, hi) takes 2 arguments, got 3", NULL);
	rejected("poisson()", "poisson(mean) takes 1 argument, got 0", NULL);
	rejected("poisson(1, 2)", "poisson(mean) takes 1 argument, got 2", NULL);
	rejected("pert(1, 2)", "pert(min, mode, max) takes 3 arguments, got 2", NULL);
	rejected("lognormal(median=800万)", "takes 2 arguments, got 1", NULL);
}
END_TEST

START_TEST(a_wrong_argument_name_says_which_names_are_expected)
{
	rejected("lognormal(mean=5)", "no argument \"mean\"", "expected median or sigma");
	rejected("pert(min=1, mod=2, max=3)", "no argument \"mod\"", "expected min, mode or max");
	rejected("poisson(lambda=3)", "no argument \"lambda\"", "expected mean");
}
END_TEST

START_TEST(an_argument_given_twice_is_rejected)
{
	rejected("lognormal(median=1, median=2)", "median is given twice", NULL);
	rejected("lognormal(sigma=1, 2)", "sigma is given twice", NULL);
}
END_TEST

START_TEST(empty_arguments_names_and_values_are_rejected)
{
	rejected("uniform(1, )", "argument 2 is empty", NULL);
	rejected("uniform(, 2)", "argument 1 is empty", NULL);
	rejected("lognormal(median=, sigma=1)", "median has no value", NULL);
	rejected("lognormal(=5, 1)", "argument 1 has no name", NULL);
}
END_TEST

START_TEST(trailing_text_after_the_closing_parenthesis_is_rejected)
{
	rejected("uniform(1, 2) x", "unexpected \"x\" after ')'", NULL);
	rejected("uniform(1, 2))", "unexpected \")\" after ')'", NULL);
	rejected("uniform(1, 2)(3)", "unexpected", NULL);
}
END_TEST

START_TEST(a_missing_closing_parenthesis_is_rejected)
{
	rejected("uniform(1, 2", "missing ')'", NULL);
}
END_TEST

START_TEST(a_bad_argument_names_the_argument_and_gives_the_unit_parsers_reason)
{
	rejected("uniform(1, x)", "uniform(1, x): hi: \"x\" is not a number", "amount in yuan");
	rejected("normal(5%, 1)", "mean: \"5%\"", NULL);
	rejected("uniform(1 2, 3)", "lo: \"1 2\"", NULL);
}
END_TEST

START_TEST(parameters_that_make_no_sense_are_rejected_with_the_rule)
{
	rejected("lognormal(800万, -1)", "lognormal(800万, -1): sigma must be >= 0", NULL);
	rejected("lognormal(0, 1)", "median must be > 0", NULL);
	rejected("lognormal(-5, 1)", "median must be > 0", NULL);
	rejected("uniform(5, 1)", "uniform(5, 1): lo must be below hi", NULL);
	rejected("uniform(5, 5)", "lo must be below hi", NULL);
	rejected("normal(0, -1)", "sd must be >= 0", NULL);
	rejected("triangular(1, 5, 3)", "mode must lie between min and max", NULL);
	rejected("triangular(1, 0, 3)", "mode must lie between min and max", NULL);
	rejected("triangular(3, 3, 3)", "min must be below max", NULL);
	rejected("pert(5, 4, 1)", "min must be below max", NULL);
	rejected("pert(1, 9, 5)", "mode must lie between min and max", NULL);
	rejected("beta(0, 1)", "a must be > 0", NULL);
	rejected("beta(1, -2)", "b must be > 0", NULL);
	rejected("poisson(-1)", "mean must be >= 0", NULL);
	rejected("poisson(1e10)", "mean must be at most 1e9", NULL);
	rejected("pareto(0, 2)", "scale must be > 0", NULL);
	rejected("pareto(100万, 0)", "alpha must be > 0", NULL);
}
END_TEST

START_TEST(a_reason_is_cut_to_a_small_error_buffer_and_terminated)
{
	struct dist d;
	char err[16];
	memset(err, 'X', sizeof err);
	ck_assert_int_eq(dist_parse("lognorml(1, 2)", money_parse, &d, err, sizeof err), -1);
	ck_assert_ptr_nonnull(memchr(err, '\0', sizeof err));
	ck_assert_int_eq(strlen(err), sizeof err - 1);
}
END_TEST

/* ---- dist_check_range ---- */

static int in_range(const char *text, double lo, double hi, const char *needle)
{
	struct dist d = ok(text);
	char err[256] = "";
	int rc = dist_check_range(&d, lo, hi, err, sizeof err);
	if (rc != 0) {
		ck_assert_msg(err[0] != '\0', "%s rejected without a reason", text);
		ck_assert_msg(strchr(err, '\n') == NULL, "reason is not one line: %s", err);
	}
	if (needle)
		ck_assert_has(err, needle);
	return rc;
}

START_TEST(a_constant_must_lie_in_the_range)
{
	ck_assert_int_eq(in_range("5", 0, 10, NULL), 0);
	ck_assert_int_eq(in_range("0", 0, 10, NULL), 0);
	ck_assert_int_eq(in_range("10", 0, 10, NULL), 0);
	ck_assert_int_eq(in_range("11", 0, 10, "above the most allowed value 10"), -1);
	ck_assert_int_eq(in_range("-1", 0, 10, "below the least allowed value 0"), -1);
}
END_TEST

START_TEST(bounded_forms_must_lie_inside_the_range)
{
	ck_assert_int_eq(in_range("uniform(0, 1)", 0, 1, NULL), 0);
	ck_assert_int_eq(in_range("uniform(-1, 1)", 0, 1, "uniform(-1, 1)"), -1);
	ck_assert_int_eq(in_range("uniform(0, 2)", 0, 1, "above"), -1);
	ck_assert_int_eq(in_range("triangular(1, 2, 3)", 1, 3, NULL), 0);
	ck_assert_int_eq(in_range("triangular(1, 2, 30)", 1, 3, "above"), -1);
	ck_assert_int_eq(in_range("pert(1, 2, 3)", 0, 10, NULL), 0);
	ck_assert_int_eq(in_range("pert(-1, 2, 3)", 0, 10, "below"), -1);
	ck_assert_int_eq(in_range("beta(2, 2)", 0, 1, NULL), 0);
	ck_assert_int_eq(in_range("beta(2, 2)", 0, 0.5, "above"), -1);
}
END_TEST

START_TEST(a_normal_needs_four_sd_either_side_of_the_mean_inside_the_range)
{
	ck_assert_int_eq(in_range("normal(50, 10)", 10, 90, NULL), 0);
	ck_assert_int_eq(in_range("normal(50, 10)", 20, 100, "below"), -1);
	ck_assert_int_eq(in_range("normal(50, 10)", 0, 80, "above"), -1);
}
END_TEST

START_TEST(a_poisson_needs_zero_and_four_sd_above_the_mean_inside_the_range)
{
	ck_assert_int_eq(in_range("poisson(100)", 0, 140, NULL), 0);
	ck_assert_int_eq(in_range("poisson(100)", 0, 139, "above"), -1);
	ck_assert_int_eq(in_range("poisson(100)", 1, 1e6, "below"), -1);
}
END_TEST

START_TEST(lognormal_and_pareto_need_their_99_99th_percentile_and_minimum_inside)
{
	ck_assert_int_eq(in_range("lognormal(800万, 1.5)", 0, INFINITY, NULL), 0);
	ck_assert_int_eq(in_range("lognormal(800万, 1.5)", -5, 1e12, NULL), 0);
	/* 800万 x e^(4 x 1.5) = 32.3亿: inside 1000亿, outside 10亿 */
	ck_assert_int_eq(in_range("lognormal(800万, 1.5)", 0, 1e11, NULL), 0);
	ck_assert_int_eq(in_range("lognormal(800万, 1.5)", 0, 1e9, "99.99th percentile"), -1);
	ck_assert_int_eq(in_range("lognormal(800万, 1.5)", 1, 1e12, "below"), -1);
	ck_assert_int_eq(in_range("pareto(100万, 2)", 5e5, 1e12, NULL), 0);
	ck_assert_int_eq(in_range("pareto(100万, 2)", 1e6, INFINITY, NULL), 0);
	ck_assert_int_eq(in_range("pareto(100万, 2)", 2e6, INFINITY, "below"), -1);
	/* 100万 x 10^(4/2) = 1亿 */
	ck_assert_int_eq(in_range("pareto(100万, 2)", 0, 1e9, NULL), 0);
	ck_assert_int_eq(in_range("pareto(100万, 2)", 0, 1e7, "99.99th percentile"), -1);
}
END_TEST

START_TEST(an_empty_range_is_rejected)
{
	ck_assert_int_eq(in_range("5", 10, 0, "empty"), -1);
}
END_TEST

/* ---- dist_format ---- */

static void round_trips(dist_num_fn num, dist_fmt_fn fmt, const char *text)
{
	struct dist a = ok_with(num, text), b;
	char buf[256], err[512] = "";
	dist_format(&a, fmt, buf, sizeof buf);
	ck_assert_msg(dist_parse(buf, num, &b, err, sizeof err) == 0,
		      "\"%s\" formatted as \"%s\", which does not parse: %s", text, buf, err);
	ck_assert_msg(a.kind == b.kind && a.p[0] == b.p[0] && a.p[1] == b.p[1] && a.p[2] == b.p[2],
		      "\"%s\" formatted as \"%s\" reads back differently", text, buf);
}

START_TEST(format_writes_the_form_as_the_policy_writes_numbers)
{
	char buf[128];
	struct dist d = ok("lognormal(median = 800万, sigma = 1.5)");
	dist_format(&d, money_words, buf, sizeof buf);
	ck_assert_str_eq(buf, "lognormal(800万, 1.5)");
	d = ok_with(share_parse, "pert(min=0.1, mode=0.3, max=0.8)");
	dist_format(&d, share_words, buf, sizeof buf);
	ck_assert_str_eq(buf, "pert(10%, 30%, 80%)");
	d = ok("2亿");
	dist_format(&d, money_words, buf, sizeof buf);
	ck_assert_str_eq(buf, "2亿");
	d = ok("poisson(12)");
	dist_format(&d, money_words, buf, sizeof buf);
	ck_assert_str_eq(buf, "poisson(12)");
	d = ok("beta(0.1, 2)");
	dist_format(&d, money_words, buf, sizeof buf);
	ck_assert_str_eq(buf, "beta(0.1, 2)");
}
END_TEST

START_TEST(parse_of_format_gives_back_the_same_distribution_for_every_form)
{
	static const char *const money[] = {
		"1500",
		"800万",
		"uniform(100万, 2亿)",
		"normal(500万, 50万)",
		"lognormal(800万, 1.5)",
		"triangular(1万, 2.5万, 5万)",
		"pert(1亿, 2亿, 5.5亿)",
		"beta(2, 5)",
		"poisson(12.5)",
		"pareto(1000万, 1.2)",
		"normal(-3万, 0)",
	};
	for (size_t i = 0; i < sizeof money / sizeof money[0]; i++)
		round_trips(money_parse, money_words, money[i]);
	static const char *const share[] = {
		"5%",
		"normal(5%, 1%)",
		"uniform(2‰, 50%)",
		"triangular(10%, 30%, 80%)",
		"pert(0, 50%, 100%)",
		"beta(0.5, 0.5)",
	};
	for (size_t i = 0; i < sizeof share / sizeof share[0]; i++)
		round_trips(share_parse, share_words, share[i]);
	/* plain numbers that %.15g would not carry exactly */
	static const char *const plain[] = {
		"0.1",
		"lognormal(3, 0.30000000000000004)",
		"beta(0.1, 0.7)",
		"pareto(1, 1.0000000000000002)",
		"uniform(1e-300, 1e300)",
		"poisson(0.33333333333333331)",
	};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		round_trips(number_parse, plain_fmt, plain[i]);
}
END_TEST

/* ---- dist_mean ---- */

START_TEST(dist_mean_gives_the_analytic_mean_of_every_form)
{
	const double tol = 1e-12;
	ck_assert_double_eq(dist_mean(&(struct dist){D_CONST, {7, 0, 0}}), 7);
	ck_assert_double_eq(dist_mean(&(struct dist){D_UNIFORM, {1, 3, 0}}), 2);
	ck_assert_double_eq(dist_mean(&(struct dist){D_NORMAL, {-4, 2, 0}}), -4);
	ck_assert_double_eq_tol(dist_mean(&(struct dist){D_LOGNORMAL, {100, 1, 0}}), 100 * exp(0.5),
				tol * 100);
	ck_assert_double_eq_tol(dist_mean(&(struct dist){D_TRIANGULAR, {1, 2, 6}}), 3, tol);
	ck_assert_double_eq_tol(dist_mean(&(struct dist){D_PERT, {0, 3, 12}}), 4, tol);
	ck_assert_double_eq_tol(dist_mean(&(struct dist){D_BETA, {2, 6, 0}}), 0.25, tol);
	ck_assert_double_eq(dist_mean(&(struct dist){D_POISSON, {12.5, 0, 0}}), 12.5);
	ck_assert_double_eq_tol(dist_mean(&(struct dist){D_PARETO, {10, 3, 0}}), 15, tol);
}
END_TEST

START_TEST(a_pareto_with_alpha_at_most_one_has_an_infinite_mean)
{
	ck_assert(isinf(dist_mean(&(struct dist){D_PARETO, {10, 1, 0}})));
	ck_assert(isinf(dist_mean(&(struct dist){D_PARETO, {10, 0.5, 0}})));
}
END_TEST

/* ---- dist_draw ---- */

START_TEST(drawing_a_constant_consumes_no_random_number)
{
	gsl_rng *a = seeded(), *b = seeded();
	struct dist d = ok("800万");
	for (int i = 0; i < 1000; i++)
		ck_assert_double_eq(dist_draw(&d, a, 0, 1e12), 8e6);
	for (int i = 0; i < 100; i++)
		ck_assert_uint_eq(gsl_rng_get(a), gsl_rng_get(b));
	gsl_rng_free(a);
	gsl_rng_free(b);
}
END_TEST

START_TEST(a_constant_outside_the_range_is_clamped)
{
	gsl_rng *r = seeded();
	struct dist d = ok("10");
	ck_assert_double_eq(dist_draw(&d, r, 0, 5), 5);
	ck_assert_double_eq(dist_draw(&d, r, 20, 30), 20);
	gsl_rng_free(r);
}
END_TEST

START_TEST(the_same_seed_gives_the_same_draws_for_every_form)
{
	static const char *const text[] = {
		"uniform(1, 2)", "normal(0, 1)", "lognormal(5, 1)", "triangular(0, 1, 3)",
		"pert(0, 1, 3)", "beta(2, 3)",   "poisson(4)",      "pareto(1, 3)",
	};
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
		struct dist d = ok(text[i]);
		gsl_rng *a = seeded(), *b = seeded();
		for (int k = 0; k < 100; k++)
			ck_assert_double_eq(dist_draw(&d, a, -HUGE_VAL, HUGE_VAL),
					    dist_draw(&d, b, -HUGE_VAL, HUGE_VAL));
		gsl_rng_free(a);
		gsl_rng_free(b);
	}
}
END_TEST

/* Sample moments of n draws with no clamping; checks the mean within 4
 * standard errors (sd = the analytic sd), and the variance within rel_var
 * of the analytic one when rel_var > 0. lo/hi: draws must lie inside.
 * Both ways of drawing: GSL (dist_draw) and the engine's, across the
 * Philox streams (dist_draw_across, NDRAWS streams at one block). */
static void moments_match_one(const char *text, double sd, double rel_var, double lo, double hi,
			      bool streams)
{
	struct dist d = ok(text);
	gsl_rng *r = seeded();
	double sum = 0, sum2 = 0, mean = dist_mean(&d);
	double *all = malloc(NDRAWS * sizeof *all);
	ck_assert_ptr_nonnull(all);
	struct stream st = stream_of(SEED, 3, stream_comp(0xfeedULL), 0);
	if (streams)
		dist_draw_across(&d, &st, 5, NDRAWS, -HUGE_VAL, HUGE_VAL, r, all);
	for (int i = 0; i < NDRAWS; i++) {
		double x = streams ? all[i] : dist_draw(&d, r, -HUGE_VAL, HUGE_VAL);
		ck_assert_msg(x >= lo && x <= hi, "%s drew %.17g outside [%g, %g]", text, x, lo,
			      hi);
		sum += x - mean; /* centred: keeps the sums small */
		sum2 += (x - mean) * (x - mean);
	}
	double m = sum / NDRAWS, se = sd / sqrt(NDRAWS);
	ck_assert_msg(fabs(m) <= 4 * se, "%s: sample mean %.10g, expected %.10g +- %.3g", text,
		      mean + m, mean, 4 * se);
	if (rel_var > 0) {
		double var = sum2 / NDRAWS - m * m;
		ck_assert_msg(fabs(var / (sd * sd) - 1) <= rel_var,
			      "%s: sample variance %.10g, expected %.10g within %g", text, var,
			      sd * sd, rel_var);
	}
	free(all);
	gsl_rng_free(r);
}

static void moments_match(const char *text, double sd, double rel_var, double lo, double hi)
{
	moments_match_one(text, sd, rel_var, lo, hi, false);
	moments_match_one(text, sd, rel_var, lo, hi, true);
}

START_TEST(uniform_draws_match_the_mean_and_variance_and_stay_in_bounds)
{
	moments_match("uniform(100万, 500万)", 4e6 / sqrt(12), 0.02, 1e6, 5e6);
}
END_TEST

START_TEST(normal_draws_match_the_mean_and_variance)
{
	moments_match("normal(500万, 50万)", 5e5, 0.02, -HUGE_VAL, HUGE_VAL);
}
END_TEST

START_TEST(lognormal_draws_match_the_mean_and_stay_positive)
{
	/* var = (e^{s^2} - 1) e^{2 mu + s^2} */
	double s = 0.5, med = 800e4;
	double sd = med * exp(s * s / 2) * sqrt(expm1(s * s));
	moments_match("lognormal(800万, 0.5)", sd, 0, 0, HUGE_VAL);
}
END_TEST

START_TEST(triangular_draws_match_the_mean_and_variance_and_stay_in_bounds)
{
	/* var = (a^2 + b^2 + c^2 - ab - ac - bc) / 18 */
	double a = 1, c = 2, b = 6;
	double sd = sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
	moments_match("triangular(1, 2, 6)", sd, 0.02, 1, 6);
	moments_match("triangular(1, 1, 6)", sqrt((1 + 36 + 1 - 6 - 1 - 6) / 18.0), 0.02, 1, 6);
	moments_match("triangular(1, 6, 6)", sqrt((1 + 36 + 36 - 6 - 6 - 36) / 18.0), 0.02, 1, 6);
}
END_TEST

START_TEST(pert_draws_match_the_mean_and_variance_of_lambda_four_and_stay_in_bounds)
{
	/* beta-PERT: var = (mean - min)(max - mean) / 7 */
	double mn = 0, mode = 3, mx = 12, mean = (mn + 4 * mode + mx) / 6;
	moments_match("pert(0, 3, 12)", sqrt((mean - mn) * (mx - mean) / 7), 0.02, 0, 12);
}
END_TEST

START_TEST(beta_draws_match_the_mean_and_variance_and_stay_in_the_unit_interval)
{
	double a = 2, b = 5;
	moments_match("beta(2, 5)", sqrt(a * b / ((a + b) * (a + b) * (a + b + 1))), 0.02, 0, 1);
}
END_TEST

START_TEST(poisson_draws_match_the_mean_and_variance_and_are_whole_numbers)
{
	moments_match("poisson(12.5)", sqrt(12.5), 0.02, 0, HUGE_VAL);
	struct dist d = ok("poisson(3.7)");
	gsl_rng *r = seeded();
	for (int i = 0; i < NDRAWS; i++) {
		double x = dist_draw(&d, r, 0, 1e6);
		ck_assert_msg(x == floor(x) && x >= 0, "poisson drew %.17g", x);
	}
	gsl_rng_free(r);
}
END_TEST

START_TEST(pareto_draws_match_the_mean_and_stay_above_the_scale)
{
	/* alpha 3: finite variance alpha s^2 / ((alpha-1)^2 (alpha-2)) */
	double s = 100e4, al = 3;
	moments_match("pareto(100万, 3)", sqrt(al * s * s / ((al - 1) * (al - 1) * (al - 2))), 0, s,
		      HUGE_VAL);
}
END_TEST

/* The quantile is the least k with P(X <= k) > u, for small means (summed
 * from 0) and large ones (from the mode), u near 0, 1 and the middle; one
 * start kept for every u gives the same counts. */
START_TEST(the_poisson_quantile_inverts_gsls_cdf)
{
	static const double mu[] = {0.3, 3.7, 15.9, 16, 120, 2500, 1e6};
	static const double u[] = {0, 1e-12, 0.01, 0.3, 0.5, 0.77, 0.99, 1 - 1e-12};
	for (size_t i = 0; i < sizeof mu / sizeof mu[0]; i++) {
		struct poisson_start ps;
		dist_poisson_start(mu[i], &ps);
		for (size_t j = 0; j < sizeof u / sizeof u[0]; j++) {
			unsigned k = dist_poisson_quantile(u[j], mu[i]);
			ck_assert_uint_eq(dist_poisson_from(u[j], &ps), k);
			double below = k ? gsl_cdf_poisson_P(k - 1, mu[i]) : 0;
			ck_assert_msg(gsl_cdf_poisson_P(k, mu[i]) > u[j] - 1e-12 &&
					      below <= u[j] + 1e-12,
				      "mu %g u %g: %u", mu[i], u[j], k);
		}
	}
	ck_assert_uint_eq(dist_poisson_quantile(0.5, 0), 0);
}
END_TEST

/* One stream's draw equals the same stream's place in a batch, for every
 * form; a constant draws nothing; a beta is the same bits twice. */
START_TEST(a_draw_across_streams_equals_each_streams_own)
{
	static const char *const text[] = {
		"800万",           "uniform(1, 2)",       "normal(0, 1)",
		"lognormal(5, 1)", "triangular(0, 1, 3)", "pert(0, 1, 3)",
		"beta(2, 3)",      "poisson(4)",          "pareto(1, 3)",
	};
	gsl_rng *r = seeded();
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
		struct dist d = ok(text[i]);
		struct stream s = stream_of(7, 1, 2, 40);
		double all[300];
		dist_draw_across(&d, &s, 3, 300, 0, 1e12, r, all);
		for (uint32_t j = 0; j < 300; j += 37) {
			struct stream t = stream_of(7, 1, 2, 40 + j);
			ck_assert_double_eq(dist_draw_at(&d, &t, 3, 0, 1e12, r), all[j]);
		}
	}
	gsl_rng_free(r);
}
END_TEST

START_TEST(normal_draws_are_clamped_to_the_range)
{
	struct dist d = ok_with(number_parse, "normal(0, 1)");
	gsl_rng *r = seeded();
	int at_lo = 0, at_hi = 0;
	for (int i = 0; i < 10000; i++) {
		double x = dist_draw(&d, r, -0.5, 0.5);
		ck_assert_msg(x >= -0.5 && x <= 0.5, "drew %.17g outside [-0.5, 0.5]", x);
		at_lo += x == -0.5;
		at_hi += x == 0.5;
	}
	/* P(X < -0.5) = 0.3085: both ends are hit often */
	ck_assert_int_gt(at_lo, 2500);
	ck_assert_int_gt(at_hi, 2500);
	gsl_rng_free(r);
}
END_TEST

static Suite *dist_suite(void)
{
	Suite *s = suite_create("dist");

	TCase *tc = tcase_create("dist_parse forms");
	tcase_add_test(tc, a_number_alone_is_a_constant_in_the_callers_unit);
	tcase_add_test(tc, every_form_parses_with_positional_arguments);
	tcase_add_test(tc, every_form_parses_with_named_arguments);
	tcase_add_test(tc, named_arguments_may_come_in_any_order_and_after_positional_ones);
	tcase_add_test(tc, spaces_around_names_commas_equals_and_parentheses_are_ignored);
	tcase_add_test(tc, shares_are_read_through_share_parse_in_percent_and_per_mille);
	tcase_add_test(tc, shape_numbers_are_plain_whatever_the_unit);
	tcase_add_test(tc, a_poisson_mean_is_a_plain_count);
	tcase_add_test(tc, degenerate_but_meaningful_parameters_are_accepted);
	suite_add_tcase(s, tc);

	tc = tcase_create("dist_parse errors");
	tcase_add_test(tc, an_unknown_distribution_is_named_and_the_forms_are_listed);
	tcase_add_test(tc, a_word_without_parentheses_is_neither_a_number_nor_a_form);
	tcase_add_test(tc, a_bad_constant_gets_the_unit_parsers_reason);
	tcase_add_test(tc, an_empty_text_asks_for_a_number_or_a_form);
	tcase_add_test(tc, parentheses_without_a_name_are_rejected);
	tcase_add_test(tc, the_wrong_number_of_arguments_is_rejected_with_the_signature);
	tcase_add_test(tc, a_wrong_argument_name_says_which_names_are_expected);
	tcase_add_test(tc, an_argument_given_twice_is_rejected);
	tcase_add_test(tc, empty_arguments_names_and_values_are_rejected);
	tcase_add_test(tc, trailing_text_after_the_closing_parenthesis_is_rejected);
	tcase_add_test(tc, a_missing_closing_parenthesis_is_rejected);
	tcase_add_test(tc, a_bad_argument_names_the_argument_and_gives_the_unit_parsers_reason);
	tcase_add_test(tc, parameters_that_make_no_sense_are_rejected_with_the_rule);
	tcase_add_test(tc, a_reason_is_cut_to_a_small_error_buffer_and_terminated);
	suite_add_tcase(s, tc);

	tc = tcase_create("dist_check_range");
	tcase_add_test(tc, a_constant_must_lie_in_the_range);
	tcase_add_test(tc, bounded_forms_must_lie_inside_the_range);
	tcase_add_test(tc, a_normal_needs_four_sd_either_side_of_the_mean_inside_the_range);
	tcase_add_test(tc, a_poisson_needs_zero_and_four_sd_above_the_mean_inside_the_range);
	tcase_add_test(tc, lognormal_and_pareto_need_their_99_99th_percentile_and_minimum_inside);
	tcase_add_test(tc, an_empty_range_is_rejected);
	suite_add_tcase(s, tc);

	tc = tcase_create("dist_format and dist_mean");
	tcase_add_test(tc, format_writes_the_form_as_the_policy_writes_numbers);
	tcase_add_test(tc, parse_of_format_gives_back_the_same_distribution_for_every_form);
	tcase_add_test(tc, dist_mean_gives_the_analytic_mean_of_every_form);
	tcase_add_test(tc, a_pareto_with_alpha_at_most_one_has_an_infinite_mean);
	suite_add_tcase(s, tc);

	tc = tcase_create("dist_draw");
	tcase_set_timeout(tc, 60); /* statistical tests draw 200000 each; slower under valgrind */
	tcase_add_test(tc, drawing_a_constant_consumes_no_random_number);
	tcase_add_test(tc, a_constant_outside_the_range_is_clamped);
	tcase_add_test(tc, the_same_seed_gives_the_same_draws_for_every_form);
	tcase_add_test(tc, uniform_draws_match_the_mean_and_variance_and_stay_in_bounds);
	tcase_add_test(tc, normal_draws_match_the_mean_and_variance);
	tcase_add_test(tc, lognormal_draws_match_the_mean_and_stay_positive);
	tcase_add_test(tc, triangular_draws_match_the_mean_and_variance_and_stay_in_bounds);
	tcase_add_test(tc,
		       pert_draws_match_the_mean_and_variance_of_lambda_four_and_stay_in_bounds);
	tcase_add_test(tc, beta_draws_match_the_mean_and_variance_and_stay_in_the_unit_interval);
	tcase_add_test(tc, poisson_draws_match_the_mean_and_variance_and_are_whole_numbers);
	tcase_add_test(tc, pareto_draws_match_the_mean_and_stay_above_the_scale);
	tcase_add_test(tc, normal_draws_are_clamped_to_the_range);
	tcase_add_test(tc, the_poisson_quantile_inverts_gsls_cdf);
	tcase_add_test(tc, a_draw_across_streams_equals_each_streams_own);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(dist_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
