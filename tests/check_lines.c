/* check_lines.c - every award line against its expected cost in a
 * simplified setting (issue 11, item 6).
 *
 * Each case runs the built-in draft with constant parameters and no
 * shock (no common shock, no firm spread unless the line needs one, no
 * exits, no young-firm bonus, every award claimed, nothing else
 * arriving) and one source of applicants for the line, and compares the
 * Monte Carlo mean of the line over all paid years with a closed or
 * semi-closed form (lognormal partial moments, GSL's normal CDF) within
 * 4 standard errors, at a fixed seed (STYLE.md rule 9). Every line of
 * lines.def must have its case. CHECK_SIM_VERBOSE=1 prints the z-scores. */
#include <check.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"
#include "scenario.h"
#include "sets.h"
#include "sim.h"

#define WAN 1e4
#define YI 1e8
#define REPS 2000
#define G 0.10 /* constant growth of every firm and park */

/* ---- closed-form pieces ---- */

static double Q(double z)
{
	return gsl_cdf_ugaussian_Q(z);
}

/* P(X >= x), X ~ lognormal(median m, sigma s). */
static double above(double x, double m, double s)
{
	return Q(log(x / m) / s);
}

/* E[min(a X, c)] for X ~ lognormal(median m, sigma s). */
static double emin(double a, double c, double m, double s)
{
	double mu = log(m), z = log(c / a);
	return a * exp(mu + s * s / 2) * gsl_cdf_ugaussian_P((z - mu - s * s) / s) +
	       c * Q((z - mu) / s);
}

/* E[a X; X < L] for X ~ lognormal(m, s). */
static double ebelow(double a, double L, double m, double s)
{
	double mu = log(m);
	return a * exp(mu + s * s / 2) * gsl_cdf_ugaussian_P((log(L) - mu - s * s) / s);
}

/* ---- the simplified setting ---- */

/* No applicants anywhere, no randomness but what a case adds. */
static void simplified(struct sets *s)
{
	static const char *const counts[] = {"per_year", "parks", "national_per_year",
					     "provincial_per_year", "municipal_per_year"};
	for (int l = N_FIRM_LINES; l < N_LINES; l++) {
		char sec[32];
		snprintf(sec, sizeof sec, "pop.%s", line_info((enum line_id)l)->section);
		for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++)
			if (params_find(sec, counts[k]) >= 0)
				sets_add(s, "%s.%s=0", sec, counts[k]);
		if (params_find(sec, "approval") >= 0)
			sets_add(s, "%s.approval=100%%", sec);
	}
	for (int l = 0; l < N_LINES; l++)
		sets_add(s, "takeup.%s=100%%", line_info((enum line_id)l)->section);
	sets_add(s, "pop.m1b.approval=100%%");
	sets_add(s, "pop.m3c.approval=100%%");
	sets_add(s, "firms.count=0");
	sets_add(s, "firms.min_revenue=0");
	sets_add(s, "firms.tail_alpha=0");
	sets_add(s, "entry.new_per_year=0");
	sets_add(s, "entry.spinoff_per_year=0");
	sets_add(s, "entry.attracted_per_year=0");
	sets_add(s, "growth.mean=10%%");
	sets_add(s, "growth.city=10%%");
	sets_add(s, "growth.common_sd=0");
	sets_add(s, "growth.firm_sd=0");
	sets_add(s, "growth.young_bonus=0");
	sets_add(s, "growth.staff_ramp=0");
	sets_add(s, "growth.staff_elasticity=0");
	sets_add(s, "growth.exit_rate=0");
	sets_add(s, "events.top100_prob=0");
}

/* The mean and standard error of a line in paid-year index year (-1: over
 * all paid years, the tail included). */
static void measure_at(const struct sets *sets, enum line_id line, int year, uint64_t seed,
		       double *mean, double *se)
{
	char err[ERR_LEN];
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	ck_assert_msg(scenario_open(s, NULL, sets->v, sets->n, err, sizeof err) == 0, "%s", err);
	struct sim_config c = {.seed = seed, .reps = REPS, .threads = 2};
	struct sim_output o;
	ck_assert_msg(sim_run(&s->pol, &c, &o, err, sizeof err) == 0, "%s", err);
	size_t col = sim_money(&o.layout, line, year < 0 ? o.layout.years : year, LV_TOTAL);
	*mean = gsl_stats_mean(o.rows + col, o.layout.width, (size_t)o.reps);
	*se = gsl_stats_sd(o.rows + col, o.layout.width, (size_t)o.reps) / sqrt((double)o.reps);
	sim_output_free(&o);
	free(s);
}

static void expect_at(const struct sets *sets, enum line_id line, int year, double want)
{
	double mean, se;
	measure_at(sets, line, year, 11, &mean, &se);
	if (getenv("CHECK_SIM_VERBOSE"))
		fprintf(stderr, "%-5s mean %14.0f expected %14.0f se %10.0f z %+.2f\n",
			line_info(line)->name, mean, want, se, (mean - want) / se);
	ck_assert_msg(want > 0, "%s: the case pays nothing", line_info(line)->name);
	ck_assert_msg(se > 0 && se < 0.05 * want, "%s: se %.0f next to %.0f", line_info(line)->name,
		      se, want);
	ck_assert_msg(fabs(mean - want) < 4 * se,
		      "%s: mean %.0f, expected %.0f: %.1f standard errors off",
		      line_info(line)->name, mean, want, (mean - want) / se);
}

static void expect(const struct sets *sets, enum line_id line, double want)
{
	expect_at(sets, line, -1, want);
}

/* ---- entity lines ---- */

/* RK_RATE: 3 years x lambda projects, each min(rate x base, cap). */
static double rate_case(struct sets *s, enum line_id l, double lambda, double m, double sg)
{
	const char *sec = line_info(l)->section;
	sets_add(s, "pop.%s.per_year=%g", sec, lambda);
	sets_add(s, "pop.%s.base=lognormal(%g, %g)", sec, m, sg);
	struct scenario sc;
	char err[ERR_LEN];
	ck_assert(scenario_open(&sc, NULL, s->v, s->n, err, sizeof err) == 0);
	const struct eline *e = &sc.pol.e[l];
	return 3 * lambda * emin(e->rate, e->cap, m, sg);
}

/* "up to" lines: 3 x lambda applicants, each min(request, cap). */
static double upto_case(struct sets *s, enum line_id l, double lambda, double m, double sg)
{
	const char *sec = line_info(l)->section;
	sets_add(s, "pop.%s.per_year=%g", sec, lambda);
	sets_add(s, "pop.%s.request=lognormal(%g, %g)", sec, m, sg);
	struct scenario sc;
	char err[ERR_LEN];
	ck_assert(scenario_open(&sc, NULL, s->v, s->n, err, sizeof err) == 0);
	return 3 * lambda * emin(1, sc.pol.e[l].cap, m, sg);
}

/* Yearly lines: a centre arriving in policy year t is paid that year and
 * each later one while it passes (probability p): 1 + p + p^2, 1 + p, 1. */
/* Years of support a centre gets on average, max_years = 3 and review
 * pass rate p, summed over the three cohorts of the policy: each runs its
 * three years (after_expiry = honour, the later ones past the horizon), or
 * stops with the policy's last year (stop). */
static double yearly_factor(double p, bool honour)
{
	return honour ? 3 * (1 + p + p * p) : (1 + p + p * p) + (1 + p) + 1;
}

static struct sets *fresh(void)
{
	struct sets *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	simplified(s);
	return s;
}

START_TEST(rate_lines_pay_the_capped_rate_of_a_lognormal_base)
{
	static const struct {
		enum line_id l;
		double lambda, m, sg;
	} c[] = {
		{L_M6A, 10, 2000 * WAN, 0.8}, {L_M6C, 4, 1500 * WAN, 0.7},
		{L_M7B, 10, 500 * WAN, 0.8},  {L_M10A, 10, 200 * WAN, 0.8},
		{L_M11, 10, 500 * WAN, 1.0},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct sets *s = fresh();
		double want = rate_case(s, c[i].l, c[i].lambda, c[i].m, c[i].sg);
		expect(s, c[i].l, want);
		free(s);
	}
}
END_TEST

START_TEST(up_to_lines_pay_the_capped_request)
{
	static const struct {
		enum line_id l;
		double lambda, m, sg;
	} c[] = {
		{L_M6B, 3, 150 * WAN, 0.4},  {L_M8B, 2, 80 * WAN, 0.6},
		{L_M9, 6, 150 * WAN, 0.4},   {L_M10C, 40, 30 * WAN, 0.6},
		{L_M12B, 30, 60 * WAN, 0.5}, {L_M12C, 200, 8 * WAN, 0.35},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct sets *s = fresh();
		double want = upto_case(s, c[i].l, c[i].lambda, c[i].m, c[i].sg);
		expect(s, c[i].l, want);
		free(s);
	}
}
END_TEST

START_TEST(fixed_lines_pay_their_amount_per_applicant)
{
	struct sets *s = fresh();
	sets_add(s, "pop.m8a.per_year=3");
	expect(s, L_M8A, 3 * 3 * 200 * WAN);
	free(s);
	s = fresh();
	sets_add(s, "pop.m10b.per_year=20");
	expect(s, L_M10B, 3 * 20 * 50 * WAN);
	free(s);
}
END_TEST

START_TEST(level_lines_pay_each_rating)
{
	struct sets *s = fresh();
	sets_add(s, "pop.m4.national_per_year=0.5");
	sets_add(s, "pop.m4.provincial_per_year=1");
	expect(s, L_M4, 3 * (0.5 * 300 + 1 * 200) * WAN);
	free(s);
	s = fresh();
	sets_add(s, "pop.m13a.provincial_per_year=1");
	sets_add(s, "pop.m13a.municipal_per_year=2");
	expect(s, L_M13A, 3 * (1 * 100 + 2 * 50) * WAN);
	free(s);
}
END_TEST

START_TEST(yearly_lines_pay_while_the_reviews_pass)
{
	struct sets *s = fresh();
	sets_add(s, "pop.m7a.per_year=3");
	sets_add(s, "pop.m7a.request=lognormal(320万, 0.5)");
	sets_add(s, "pop.m7a.pass=80%%");
	expect(s, L_M7A, 3 * emin(1, 480 * WAN, 320 * WAN, 0.5) * yearly_factor(0.8, true));
	free(s);
	s = fresh();
	sets_add(s, "pop.m13b.per_year=2");
	sets_add(s, "pop.m13b.pass=70%%");
	expect(s, L_M13B, 2 * 200 * WAN * yearly_factor(0.7, true));
	free(s);
}
END_TEST

/* The tail (issue 12, item 5): centres approved in 2026 and 2027 are paid
 * their later years in 2029 and 2030, after the policy's paid years
 * 2026-2028: in 2029 year 3 of the 2026 cohort (p^2) and year 2 of the
 * 2027 cohort (p), in 2030 year 3 of the 2027 cohort (p^2), each times
 * lambda x the mean grant. after_expiry = stop pays none of it. */
START_TEST(yearly_lines_pay_their_tail_after_the_horizon_unless_stopped)
{
	double grant = emin(1, 480 * WAN, 320 * WAN, 0.5), p = 0.8;
	struct sets *s = fresh();
	sets_add(s, "pop.m7a.per_year=3");
	sets_add(s, "pop.m7a.request=lognormal(320万, 0.5)");
	sets_add(s, "pop.m7a.pass=80%%");
	expect_at(s, L_M7A, 3, 3 * grant * (p + p * p));
	expect_at(s, L_M7A, 4, 3 * grant * p * p);
	expect_at(s, L_M7A, 2, 3 * grant * (1 + p + p * p)); /* the last policy year */
	sets_add(s, "scenario.after_expiry=stop");
	expect(s, L_M7A, 3 * grant * yearly_factor(p, false));
	char err[ERR_LEN];
	struct scenario *sc = calloc(1, sizeof *sc);
	ck_assert_ptr_nonnull(sc);
	ck_assert(scenario_open(sc, NULL, s->v, s->n, err, sizeof err) == 0);
	struct sim_layout l;
	sim_layout(&sc->pol, &l);
	ck_assert_int_eq(l.years, 3); /* no tail: the layout of before */
	free(sc);
	free(s);
}
END_TEST

START_TEST(talent_teams_get_project_funding_and_housing_each_capped)
{
	struct sets *s = fresh();
	sets_add(s, "pop.m12a.per_year=8");
	sets_add(s, "pop.m12a.request=lognormal(250万, 0.8)");
	sets_add(s, "pop.m12a.housing=lognormal(150万, 0.5)");
	expect(s, L_M12A,
	       3 * 8 * (emin(1, 1000 * WAN, 250 * WAN, 0.8) + emin(1, 300 * WAN, 150 * WAN, 0.5)));
	free(s);
}
END_TEST

/* 第5条: parks growing by G a year from a lognormal revenue pay
 * min(rate x G (1+G)^(k-1) R0, cap) in policy year k. */
START_TEST(parks_pay_the_capped_rate_of_their_increment)
{
	static const struct {
		enum line_id l;
		double parks, m, sg, rate, cap;
	} c[] = {{L_M5A, 8, 20 * YI, 0.8, 0.002, 100 * WAN},
		 {L_M5B, 1, 600 * YI, 0.3, 0.001, 300 * WAN}};
	for (size_t i = 0; i < 2; i++) {
		struct sets *s = fresh();
		const char *sec = line_info(c[i].l)->section;
		sets_add(s, "pop.%s.parks=%g", sec, c[i].parks);
		sets_add(s, "pop.%s.revenue=lognormal(%g, %g)", sec, c[i].m, c[i].sg);
		sets_add(s, "pop.%s.growth_sd=0", sec);
		double want = 0;
		for (int k = 1; k <= 3; k++)
			want += c[i].parks *
				emin(c[i].rate * G * pow(1 + G, k - 1), c[i].cap, c[i].m, c[i].sg);
		expect(s, c[i].l, want);
		free(s);
	}
}
END_TEST

/* ---- firm lines ---- */

#define NFIRMS 500

/* 第3条 进档补差: a firm crosses tier k in the policy when T_k / (1+G)^3 <=
 * R0 < T_k (one tier a year at most at 10%), and is paid A_k - A_(k-1). */
START_TEST(m3a_pays_the_top_up_of_each_tier_crossed)
{
	struct sets *s = fresh();
	sets_add(s, "firms.count=%d", NFIRMS);
	sets_add(s, "firms.revenue=lognormal(8000万, 1.5)");
	const double T[] = {1 * YI, 5 * YI, 10 * YI}, A[] = {200 * WAN, 300 * WAN, 500 * WAN};
	double want = 0, g3 = pow(1 + G, 3);
	for (int k = 0; k < 3; k++)
		want += NFIRMS * (A[k] - (k ? A[k - 1] : 0)) *
			(above(T[k] / g3, 8000 * WAN, 1.5) - above(T[k], 8000 * WAN, 1.5));
	expect(s, L_M3A, want);
	free(s);
}
END_TEST

/* 第3条 首次入选百强: listed each year above the bar with probability p;
 * paid for a first listing in the policy, none in the base year. */
START_TEST(m3b_pays_a_first_listing)
{
	struct sets *s = fresh();
	const double T = 30 * YI, p = 0.3, m = 10 * YI, sg = 1.0;
	sets_add(s, "firms.count=%d", NFIRMS);
	sets_add(s, "firms.revenue=lognormal(%g, %g)", m, sg);
	sets_add(s, "events.top100_min_revenue=%g", T);
	sets_add(s, "events.top100_prob=%g", p);
	double q = 1 - p, P = 0;
	P += above(T, m, sg) * q * (1 - pow(q, 3)); /* above already in the base year */
	for (int j = 3; j >= 1; j--)                /* first above in policy year 4 - j */
		P += (above(T / pow(1 + G, 4 - j), m, sg) - above(T / pow(1 + G, 3 - j), m, sg)) *
		     (1 - pow(q, j));
	expect(s, L_M3B, NFIRMS * 500 * WAN * P);
	free(s);
}
END_TEST

/* 第3条 运营稳定 and the previous year's list: a firm is in year k's list
 * when its revenue of year k-1 is at the bar, it has run a full year by
 * then, and it applies (key_db_share); it is paid min(request, cap) when
 * it grows by more than 50% in year k (firm spread sigma_g, independent
 * of the year before). */
START_TEST(m3c_pays_listed_firms_growing_by_half_on_last_years_list)
{
	struct sets *s = fresh();
	const double m = 3000 * WAN, sg = 1.2, gs = 0.3, share = 0.5, bar = 2000 * WAN;
	sets_add(s, "firms.count=%d", NFIRMS);
	sets_add(s, "firms.revenue=lognormal(%g, %g)", m, sg);
	sets_add(s, "firms.key_db_share=%g", share);
	sets_add(s, "firms.max_age=20");
	sets_add(s, "growth.firm_sd=%g", gs);
	sets_add(s, "pop.m3c.request=lognormal(100万, 0.5)");
	double drift = log1p(G) - gs * gs / 2, grow = Q((log(1.5) - drift) / gs), P = 0;
	for (int k = 1; k <= 3; k++) {
		double sd = sqrt(sg * sg + (k - 1) * gs * gs);
		double listed = Q((log(bar / m) - (k - 1) * drift) / sd);
		double aged = k == 1 ? 19.0 / 20 : 1; /* founded in the base year: not yet */
		P += aged * listed * grow;
	}
	expect(s, L_M3C, NFIRMS * share * P * emin(1, 100 * WAN, 100 * WAN, 0.5));
	free(s);
}
END_TEST

/* Attracted firms: capital C, staff S (constant), revenue R, industrial q. */
#define ATT_LAMBDA 12
#define ATT_Q 0.6
static void attracted(struct sets *s)
{
	sets_add(s, "entry.attracted_per_year=%d", ATT_LAMBDA);
	sets_add(s, "entry.attracted_capital=lognormal(1500万, 0.8)");
	sets_add(s, "entry.attracted_staff=lognormal(40, 0.6)");
	sets_add(s, "entry.attracted_revenue=lognormal(5000万, 1.0)");
	sets_add(s, "entry.attracted_industrial_share=%g", ATT_Q);
}

/* 第1条: 5% of paid-in capital at >= 1000万 with >= 50 staff, cap 100万. */
START_TEST(m1a_pays_five_percent_of_capital_capped)
{
	struct sets *s = fresh();
	attracted(s);
	double c = emin(0.05, 100 * WAN, 1500 * WAN, 0.8) -
		   ebelow(0.05, 1000 * WAN, 1500 * WAN, 0.8);
	expect(s, L_M1A, 3 * ATT_LAMBDA * ATT_Q * above(49.5, 40, 0.6) * c);
	free(s);
}
END_TEST

/* 第1条: 落户3年内 2亿 within the policy: 3.31 R, 2.1 R or R by cohort. */
START_TEST(m1b_pays_attracted_firms_reaching_2yi_within_three_years)
{
	struct sets *s = fresh();
	attracted(s);
	sets_add(s, "pop.m1b.request=lognormal(180万, 0.4)");
	double f[] = {1 + (1 + G) + (1 + G) * (1 + G), 1 + (1 + G), 1}, P = 0;
	for (int k = 0; k < 3; k++)
		P += above(2 * YI / f[k], 5000 * WAN, 1.0);
	double m1a = ATT_Q * above(49.5, 40, 0.6) * above(1000 * WAN, 1500 * WAN, 0.8);
	expect(s, L_M1B, ATT_LAMBDA * m1a * P * emin(1, 200 * WAN, 180 * WAN, 0.4));
	free(s);
}
END_TEST

/* 第2条: the tier reached by the window's last policy year, top-up. */
START_TEST(m2_pays_the_tier_new_firms_reach_in_their_window)
{
	struct sets *s = fresh();
	sets_add(s, "entry.new_per_year=100");
	sets_add(s, "entry.new_revenue=lognormal(1500万, 1.0)");
	sets_add(s, "entry.new_staff=lognormal(25, 0.7)");
	double f[] = {(1 + G) * (1 + G), 1 + G, 1}, want = 0;
	for (int k = 0; k < 3; k++)
		want += 100 * 50 * WAN *
			(above(19.5, 25, 0.7) * above(2000 * WAN / f[k], 1500 * WAN, 1.0) +
			 above(49.5, 25, 0.7) * above(5000 * WAN / f[k], 1500 * WAN, 1.0));
	expect(s, L_M2, want);
	free(s);
}
END_TEST

/* Every line of the registry has a case above. */
START_TEST(every_line_has_a_case)
{
	static const enum line_id covered[] = {L_M1A,  L_M1B,  L_M2,  L_M3A,  L_M3B,  L_M3C,
					       L_M4,   L_M5A,  L_M5B, L_M6A,  L_M6B,  L_M6C,
					       L_M7A,  L_M7B,  L_M8A, L_M8B,  L_M9,   L_M10A,
					       L_M10B, L_M10C, L_M11, L_M12A, L_M12B, L_M12C,
					       L_M13A, L_M13B};
	ck_assert_int_eq(sizeof covered / sizeof covered[0], N_LINES);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("lines");
	TCase *t = tcase_create("expected values");
	tcase_set_timeout(t, 300);
	tcase_add_test(t, rate_lines_pay_the_capped_rate_of_a_lognormal_base);
	tcase_add_test(t, up_to_lines_pay_the_capped_request);
	tcase_add_test(t, fixed_lines_pay_their_amount_per_applicant);
	tcase_add_test(t, level_lines_pay_each_rating);
	tcase_add_test(t, yearly_lines_pay_while_the_reviews_pass);
	tcase_add_test(t, yearly_lines_pay_their_tail_after_the_horizon_unless_stopped);
	tcase_add_test(t, talent_teams_get_project_funding_and_housing_each_capped);
	tcase_add_test(t, parks_pay_the_capped_rate_of_their_increment);
	tcase_add_test(t, m3a_pays_the_top_up_of_each_tier_crossed);
	tcase_add_test(t, m3b_pays_a_first_listing);
	tcase_add_test(t, m3c_pays_listed_firms_growing_by_half_on_last_years_list);
	tcase_add_test(t, m1a_pays_five_percent_of_capital_capped);
	tcase_add_test(t, m1b_pays_attracted_firms_reaching_2yi_within_three_years);
	tcase_add_test(t, m2_pays_the_tier_new_firms_reach_in_their_window);
	tcase_add_test(t, every_line_has_a_case);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(suite());
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
