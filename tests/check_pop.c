/* check_pop.c - the population as the policy text reads it (issue 11):
 * no policy key changes which firms exist, parks move with the city
 * only, "up to" lines pay requests (a cap sweep moves cost less than
 * proportionally), contingent items stay out of the total, the default
 * meets its calibration targets, and a bureau's panel gives its own
 * aggregates. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calib.h"
#include "inputs.h"
#include "params.h"
#include "scenario.h"
#include "sim.h"
#include "study.h"

#define PANEL "tests/data/panel-example.csv"
#define REPS 3

static struct scenario *open_sets(int n, char **sets)
{
	char err[ERR_LEN];
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	ck_assert_msg(scenario_open(s, NULL, sets, n, err, sizeof err) == 0, "%s", err);
	return s;
}

/* Replication rep of p, recorded and applied: its row and population
 * fingerprint. */
static uint64_t one(const struct policy *p, const struct panel *stock, long rep, double *row,
		    struct sim_work *w)
{
	struct sim_sample *s = sim_sample_new();
	ck_assert_ptr_nonnull(s);
	struct sim_layout l;
	sim_layout(p, &l);
	sim_sample(p, stock, NULL, 5, rep, s, w);
	sim_apply(p, s, &l, row, w, NULL);
	uint64_t fp = sim_work_fingerprint(w);
	sim_sample_free(s);
	return fp;
}

/* Every award a ledger sink is given, in order, folded into a hash. */
static void fold_award(void *ctx, const struct award *a)
{
	uint64_t *h = ctx;
	long long v[] = {a->line,       a->year,      a->paid_year, a->amount,
			 a->provincial, a->municipal, a->district,  a->where};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		*h = (*h ^ (uint64_t)v[i]) * 0x100000001B3ULL;
	for (const char *c = a->reason; *c; c++)
		*h = (*h ^ (unsigned char)*c) * 0x100000001B3ULL;
	*h = (*h ^ 0xFF) * 0x100000001B3ULL; /* the end of an award */
}

/* sim_rep runs the rules as it samples, with no record: its rows and its
 * ledger (every award, its reason and district, in order) are those of
 * the population recorded, then applied (what studies do). With a panel
 * of the bureau's firms and known entities too (their own paths). */
START_TEST(a_run_applies_the_rules_as_the_record_would)
{
	struct scenario *sc = open_sets(0, NULL);
	struct panel pn;
	struct entities known;
	char err[ERR_LEN];
	ck_assert_msg(panel_load(PANEL, &pn, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(entities_load("tests/data/entities-known.csv", &known, err, sizeof err) == 0,
		      "%s", err);
	struct sim_layout l;
	sim_layout(&sc->pol, &l);
	double *a = malloc(l.width * sizeof *a), *b = malloc(l.width * sizeof *b);
	struct sim_work *w = sim_work_new();
	struct sim_sample *s = sim_sample_new();
	ck_assert(a && b && w && s);
	long awards = 0;
	for (int with = 0; with < 2; with++) {
		const struct panel *stock = with ? &pn : NULL;
		const struct entities *e = with ? &known : NULL;
		for (long r = 0; r < 8; r++) {
			uint64_t ha = 1469598103934665603ULL, hb = ha;
			struct award_sink ka = {.fn = fold_award, .ctx = &ha, .reasons = true},
					  kb = {.fn = fold_award, .ctx = &hb, .reasons = true};
			sim_rep(&sc->pol, stock, e, 9, r, &l, a, w, &ka);
			ck_assert_int_eq(sim_sample(&sc->pol, stock, e, 9, r, s, w), 0);
			sim_apply(&sc->pol, s, &l, b, w, &kb);
			ck_assert_msg(memcmp(a, b, l.width * sizeof *a) == 0,
				      "replication %ld (%s): the rows differ", r,
				      with ? "panel and entities" : "sampled");
			ck_assert_msg(ha == hb, "replication %ld: the ledgers differ", r);
			/* and without a ledger (the list sink) */
			sim_rep(&sc->pol, stock, e, 9, r, &l, a, w, NULL);
			sim_apply(&sc->pol, s, &l, b, w, NULL);
			ck_assert(memcmp(a, b, l.width * sizeof *a) == 0);
			awards += a[sim_recipients(&l, N_LINES, l.years)] > 0;
		}
	}
	ck_assert_int_eq(awards, 16); /* every replication paid someone */
	sim_sample_free(s);
	sim_work_free(w);
	free(a);
	free(b);
	panel_free(&pn);
	entities_free(&known);
	free(sc);
}
END_TEST

/* Move parameter i of s: a number by -20% (+20% if that is not valid), a
 * switch flipped, a word to the next one. false when there is nothing to
 * move (a dropped tier). */
static bool perturb(struct scenario *s, int i)
{
	size_t n;
	const struct param_def *d = params_table(&n);
	char err[ERR_LEN];
	double v;
	if (!s->set[i] && d[i].optional && strcmp(d[i].key, "in_total") != 0)
		return false;
	if (params_is_none(&s->pol, i))
		return false;
	if (d[i].type == PT_BOOL) {
		bool *b = (bool *)((char *)&s->pol + d[i].offset);
		*b = !*b;
		return true;
	}
	if (d[i].type == PT_ENUM) {
		int *e = (int *)((char *)&s->pol + d[i].offset);
		*e = (*e + 1) % ((int)d[i].hi + 1);
		return true;
	}
	struct scenario keep = *s;
	if (study_scale(s, i, 0.8, &v, err, sizeof err) == STUDY_OK &&
	    study_value(&s->pol, i) != study_value(&keep.pol, i))
		return true;
	*s = keep;
	return study_scale(s, i, 1.2, &v, err, sizeof err) == STUDY_OK;
}

/* Which lines a key of line k may move: its own, and M1B for M1A's
 * (再给予 needs M1A granted). */
static bool may_move(int k, int line)
{
	return line == k || (k == L_M1A && line == L_M1B);
}

START_TEST(no_policy_key_changes_which_firms_exist_and_other_lines_differ_by_exactly_0)
{
	struct scenario *base = open_sets(0, NULL);
	struct sim_layout l;
	sim_layout(&base->pol, &l);
	double *a = malloc(l.width * sizeof *a), *b = malloc(l.width * sizeof *b);
	struct sim_work *w = sim_work_new();
	ck_assert(a && b && w);
	uint64_t fp[REPS];
	double *rows = malloc(REPS * l.width * sizeof *rows);
	ck_assert_ptr_nonnull(rows);
	for (long r = 0; r < REPS; r++) {
		fp[r] = one(&base->pol, NULL, r, a, w);
		memcpy(rows + r * l.width, a, l.width * sizeof *a);
	}
	size_t n;
	const struct param_def *d = params_table(&n);
	struct scenario *s = malloc(sizeof *s);
	ck_assert_ptr_nonnull(s);
	int swept = 0;
	for (size_t i = 0; i < n; i++) {
		if (d[i].line < 0)
			continue; /* [scenario], [funding], the model: not a line's key */
		*s = *base;
		if (!perturb(s, (int)i))
			continue;
		swept++;
		for (long r = 0; r < REPS; r++) {
			ck_assert_msg(one(&s->pol, NULL, r, b, w) == fp[r],
				      "%s.%s changes which firms exist (replication %ld)",
				      d[i].section, d[i].key, r);
			const double *want = rows + r * l.width;
			for (int line = 0; line < N_LINES; line++) {
				if (may_move(d[i].line, line))
					continue;
				for (int y = 0; y <= l.years; y++)
					for (int lv = 0; lv < N_LEVELS; lv++) {
						size_t c = sim_money(&l, line, y, lv);
						ck_assert_msg(memcmp(&b[c], &want[c], sizeof *b) ==
								      0,
							      "%s.%s moves %s: %.2f, was %.2f",
							      d[i].section, d[i].key,
							      line_info(line)->name, b[c], want[c]);
					}
			}
			for (int k = 0; k < N_POPSTATS; k++) {
				size_t c = sim_pop(&l, (enum pop_stat)k);
				if (k != PS_M12C_MEAN || d[i].line != L_M12C) /* M12C pays it */
					ck_assert_msg(b[c] == want[c], "%s.%s moves aggregate %d",
						      d[i].section, d[i].key, k);
			}
		}
	}
	ck_assert_int_gt(swept, 150); /* every line's keys */
	free(s);
	free(rows);
	free(a);
	free(b);
	sim_work_free(w);
	free(base);
}
END_TEST

/* 第5条 parks grow with the city: the firms' own spread, bonuses, counts,
 * exits and entry do not move M5A or M5B by a fen. */
/* The fingerprint the test above relies on sees the population: two
 * replications differ, and so does a model key's change (firms'
 * revenue growth), and the same replication again gives the same. */
START_TEST(the_fingerprint_sees_the_population)
{
	struct scenario *base = open_sets(0, NULL);
	char *set[] = {"growth.mean=0.2"};
	struct scenario *grown = open_sets(1, set);
	struct sim_layout l;
	sim_layout(&base->pol, &l);
	double *row = malloc(l.width * sizeof *row);
	struct sim_work *w = sim_work_new();
	ck_assert(row && w);
	uint64_t a = one(&base->pol, NULL, 0, row, w), b = one(&base->pol, NULL, 1, row, w);
	ck_assert(a != b);
	ck_assert(one(&grown->pol, NULL, 0, row, w) != a);
	ck_assert(one(&base->pol, NULL, 0, row, w) == a);
	sim_work_free(w);
	free(row);
	free(base);
	free(grown);
}
END_TEST

START_TEST(no_firm_only_key_moves_a_park_line)
{
	static char *const keys[] = {"growth.firm_sd=0.4",
				     "growth.young_bonus=60%",
				     "growth.exit_rate=10%",
				     "growth.staff_elasticity=1",
				     "firms.count=500",
				     "firms.revenue=lognormal(1亿, 1.0)",
				     "firms.key_db_share=80%",
				     "entry.new_per_year=300",
				     "entry.attracted_per_year=40",
				     "firms.tail_alpha=1.5"};
	struct scenario *base = open_sets(0, NULL);
	struct sim_layout l;
	sim_layout(&base->pol, &l);
	double *a = malloc(l.width * sizeof *a), *b = malloc(l.width * sizeof *b);
	struct sim_work *w = sim_work_new();
	ck_assert(a && b && w);
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		struct scenario *s = open_sets(1, (char **)&keys[k]);
		for (long r = 0; r < 5; r++) {
			one(&base->pol, NULL, r, a, w);
			one(&s->pol, NULL, r, b, w);
			for (int line = L_M5A; line <= L_M5B; line++)
				for (int y = 0; y <= l.years; y++) {
					size_t c = sim_money(&l, line, y, LV_TOTAL);
					ck_assert_msg(a[c] == b[c], "%s moves %s: %.2f, was %.2f",
						      keys[k], line_info(line)->name, b[c], a[c]);
				}
		}
		free(s);
	}
	free(a);
	free(b);
	sim_work_free(w);
	free(base);
}
END_TEST

/* Mean of a line over all paid years, from a run of s. */
static double line_mean(const struct scenario *s, int line, long reps)
{
	char err[ERR_LEN];
	struct sim_config c = {.seed = 3, .reps = reps, .threads = 2};
	struct sim_output o;
	ck_assert_msg(sim_run(&s->pol, &c, &o, err, sizeof err) == 0, "%s", err);
	double m, sd;
	results_mean_sd(o.res, sim_money(&o.layout, line, o.layout.years, LV_TOTAL), &m, &sd);
	sim_output_free(&o);
	return m;
}

/* 最高: pay min(request, cap) x approval. A cap 20% lower saves less than
 * 20% wherever some requests fall under it (elasticity below 1), and
 * never raises the cost. CHECK_SIM_VERBOSE=1 prints the elasticities. */
START_TEST(a_lower_cap_saves_less_than_proportionally)
{
	static const char *const caps[] = {"m1a.cap",          "m1b.amount",       "m3c.amount",
					   "m5a.cap",          "m5b.cap",          "m6a.cap",
					   "m6b.cap",          "m6c.cap",          "m7a.cap",
					   "m7b.cap",          "m8b.cap",          "m9.cap",
					   "m10a.cap",         "m10c.cap",         "m11.cap",
					   "m12a.project_cap", "m12a.housing_cap", "m12b.cap",
					   "m12c.cap"};
	struct scenario *base = open_sets(0, NULL);
	for (size_t k = 0; k < sizeof caps / sizeof caps[0]; k++) {
		char err[ERR_LEN];
		int i = params_key(caps[k], err, sizeof err);
		ck_assert_int_ge(i, 0);
		int line = params_table(&(size_t){0})[i].line;
		struct scenario *s = malloc(sizeof *s);
		ck_assert_ptr_nonnull(s);
		*s = *base;
		double v;
		ck_assert(study_scale(s, i, 0.8, &v, err, sizeof err) == STUDY_OK);
		double m0 = line_mean(base, line, 300), m1 = line_mean(s, line, 300);
		double elasticity = log(m1 / m0) / log(0.8);
		if (getenv("CHECK_SIM_VERBOSE"))
			fprintf(stderr, "%-18s cost %.4g -> %.4g: elasticity %.3f\n", caps[k], m0,
				m1, elasticity);
		ck_assert_msg(m0 > 0 && m1 <= m0, "%s: %.2f -> %.2f", caps[k], m0, m1);
		ck_assert_msg(m1 > 0.8 * m0, "%s: -20%% on the cap cuts the cost from %.2f to %.2f",
			      caps[k], m0, m1);
		free(s);
	}
	free(base);
}
END_TEST

/* 一事一议: M8B is reported, not added to TOTAL, unless the scenario says. */
START_TEST(contingent_items_stay_out_of_the_total_unless_put_in)
{
	static char *const in[] = {"m8b.in_total=true"};
	struct scenario *out = open_sets(0, NULL), *put = open_sets(1, (char **)in);
	ck_assert(!out->pol.line[L_M8B].in_total && put->pol.line[L_M8B].in_total);
	for (int k = 0; k < 2; k++) {
		const struct scenario *s = k ? put : out;
		char err[ERR_LEN];
		struct sim_config c = {.seed = 9, .reps = 50, .threads = 2};
		struct sim_output o;
		ck_assert(sim_run(&s->pol, &c, &o, err, sizeof err) == 0);
		long paid = 0;
		for (long r = 0; r < o.reps; r++) {
			const double *row = o.rows + r * o.layout.width;
			for (int y = 0; y <= o.layout.years; y++)
				for (int lv = 0; lv < N_LEVELS; lv++) {
					double sum = 0;
					for (int line = 0; line < N_LINES; line++)
						if (s->pol.line[line].in_total)
							sum += row[sim_money(&o.layout, line, y,
									     lv)];
					ck_assert_double_eq_tol(row[sim_money(&o.layout, N_LINES, y,
									      lv)],
								sum, 0.01);
				}
			paid += row[sim_money(&o.layout, L_M8B, o.layout.years, LV_TOTAL)] > 0;
		}
		ck_assert_int_gt(paid, 0); /* M8B is still costed, apart */
		sim_output_free(&o);
	}
	free(out);
	free(put);
}
END_TEST

START_TEST(the_default_scenario_meets_every_calibration_target)
{
	struct scenario *s = open_sets(0, NULL);
	ck_assert_int_ge(s->ntargets, 10);
	struct calib_row rows[MAX_TARGETS];
	char err[ERR_LEN];
	struct sim_config c = {.seed = 1, .reps = 400, .threads = 2};
	int within = calib_measure(s, &c, rows, err, sizeof err);
	size_t nt;
	const struct target_def *d = targets_table(&nt);
	for (int i = 0; i < s->ntargets; i++) {
		ck_assert_msg(rows[i].within, "%s: model %.4g, target %.4g..%.4g",
			      d[rows[i].t->def].key, rows[i].mean, rows[i].t->lo, rows[i].t->hi);
		ck_assert(strlen(rows[i].t->source) > 10); /* every target sourced */
	}
	ck_assert_int_eq(within, s->ntargets);
	free(s);
}
END_TEST

START_TEST(targets_are_read_with_a_range_and_a_source)
{
	struct target t[MAX_TARGETS];
	int n = 0;
	char err[600];
	ck_assert_int_eq(targets_set(t, &n, "key_db", "370:400 | phrsbx.cn", err, sizeof err), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_double_eq(t[0].lo, 370);
	ck_assert_str_eq(t[0].source, "phrsbx.cn");
	ck_assert_int_eq(targets_set(t, &n, "revenue", "1500亿:4000亿 | x", err, sizeof err), 0);
	ck_assert_double_eq(t[1].hi, 4000 * 1e8);
	ck_assert_int_eq(targets_set(t, &n, "growth", "7%:12% | y", err, sizeof err), 0);
	ck_assert_double_eq_tol(t[2].lo, 0.07, 1e-12);
	ck_assert_int_eq(targets_set(t, &n, "key_db", "380:390 | z", err, sizeof err), 0);
	ck_assert_int_eq(n, 3); /* replaced, not appended */
	ck_assert_int_eq(targets_set(t, &n, "key_db", "none", err, sizeof err), 0);
	ck_assert_int_eq(n, 2);
	/* failures: no source, no range, reversed, unknown key */
	ck_assert_int_eq(targets_set(t, &n, "firms", "1:2 |", err, sizeof err), -1);
	ck_assert(strstr(err, "no source"));
	ck_assert_int_eq(targets_set(t, &n, "firms", "12 | a", err, sizeof err), -1);
	ck_assert_int_eq(targets_set(t, &n, "firms", "5:2 | a", err, sizeof err), -1);
	ck_assert(strstr(err, "LO must not exceed HI"));
	ck_assert_int_eq(targets_set(t, &n, "firmz", "1:2 | a", err, sizeof err), -1);
	ck_assert(strstr(err, "unknown target"));
	/* and from a scenario, with --set */
	char *sets[] = {"targets.firms=10:10 | the example panel"};
	struct scenario *s = open_sets(1, sets);
	bool found = false;
	for (int i = 0; i < s->ntargets; i++)
		found |= strcmp(s->targets[i].source, "the example panel") == 0;
	ck_assert(found);
	free(s);
}
END_TEST

/* calibrate --firms: the aggregates of the base year come from the
 * bureau's rows (2024 in the example panel: 10 firms, 48.81亿, 4 at 1亿). */
START_TEST(a_panel_gives_its_own_aggregates)
{
	struct panel pn = {0};
	char err[ERR_LEN];
	ck_assert_msg(panel_load(PANEL, &pn, err, sizeof err) == 0, "%s", err);
	struct scenario *s = open_sets(0, NULL);
	struct calib_row rows[MAX_TARGETS];
	struct sim_config c = {.seed = 1, .reps = 20, .threads = 2, .stock = &pn};
	ck_assert(calib_measure(s, &c, rows, err, sizeof err) >= 0);
	size_t nt;
	const struct target_def *d = targets_table(&nt);
	int seen = 0;
	for (int i = 0; i < s->ntargets; i++) {
		const char *k = d[rows[i].t->def].key;
		if (strcmp(k, "firms") == 0 && ++seen)
			ck_assert(rows[i].mean == 10 && rows[i].p5 == 10 && rows[i].p95 == 10);
		if (strcmp(k, "revenue") == 0 && ++seen)
			ck_assert_double_eq_tol(rows[i].mean, 48.81e8, 1);
		if (strcmp(k, "share_1yi") == 0 && ++seen)
			ck_assert_double_eq_tol(rows[i].mean, 0.4, 1e-12);
	}
	ck_assert_int_eq(seen, 3);
	free(s);
	panel_free(&pn);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("population");
	TCase *t = tcase_create("population");
	tcase_set_timeout(t, 300);
	tcase_add_test(t,
		       no_policy_key_changes_which_firms_exist_and_other_lines_differ_by_exactly_0);
	tcase_add_test(t, the_fingerprint_sees_the_population);
	tcase_add_test(t, a_run_applies_the_rules_as_the_record_would);
	tcase_add_test(t, no_firm_only_key_moves_a_park_line);
	tcase_add_test(t, a_lower_cap_saves_less_than_proportionally);
	tcase_add_test(t, contingent_items_stay_out_of_the_total_unless_put_in);
	tcase_add_test(t, the_default_scenario_meets_every_calibration_target);
	tcase_add_test(t, targets_are_read_with_a_range_and_a_source);
	tcase_add_test(t, a_panel_gives_its_own_aggregates);
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
