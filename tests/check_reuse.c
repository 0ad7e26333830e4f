/* check_reuse.c - one population, many policies: sim_run_many and the
 * kept populations of sim_cache give, bit for bit, what sim_run gives for
 * each policy, for every key of every line moved, on the bureau's panel
 * and known approvals, for 1 and 2 threads; a model key is refused. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inputs.h"
#include "params.h"
#include "results.h"
#include "scenario.h"
#include "sets.h"
#include "sim.h"
#include "sim_cols.h"
#include "study.h"

#define PANEL "tests/data/panel-example.csv"
#define KNOWN "tests/data/entities-known.csv"
#define GROUP 16 /* variants run at once: their rows in memory */

/* The built-in scenario with the --set assignments v. One that starts
 * "study:" ("study:m1a.cap=0.004") is applied as a study applies a
 * computed value (params_set): a file or --set refuses an amount finer
 * than a fen, but a sweep's step may give one. */
static struct scenario *open_sets(int n, char **v)
{
	char err[ERR_LEN];
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	char *given[8];
	int m = 0;
	for (int i = 0; i < n; i++)
		if (strncmp(v[i], "study:", 6) != 0)
			given[m++] = v[i];
	ck_assert_msg(scenario_open(s, NULL, given, m, err, sizeof err) == 0, "%s", err);
	for (int i = 0; i < n; i++) {
		if (strncmp(v[i], "study:", 6) != 0)
			continue;
		char sec[32], key[48];
		ck_assert(sscanf(v[i] + 6, "%31[^.].%47[^=]", sec, key) == 2);
		int k = params_find(sec, key);
		ck_assert(k >= 0 &&
			  params_set(&s->pol, k, strchr(v[i], '=') + 1, err, sizeof err) == 0);
		ck_assert(scenario_finish(s, err, sizeof err) == 0);
	}
	return s;
}

/* out as sim_run makes it, to the bit: rows, count, trace, firm rows. */
static void same_output(const struct sim_output *a, const struct sim_output *b, const char *what)
{
	ck_assert_msg(a->reps == b->reps, "%s: %ld and %ld replications", what, a->reps, b->reps);
	ck_assert_msg(a->layout.width == b->layout.width, "%s: layouts differ", what);
	ck_assert_ptr_nonnull(a->rows);
	ck_assert_ptr_nonnull(b->rows);
	ck_assert_msg(memcmp(a->rows, b->rows,
			     (size_t)a->reps * a->layout.width * sizeof(double)) == 0,
		      "%s: rows differ", what);
	ck_assert_msg(a->ntrace == b->ntrace &&
			      memcmp(a->trace, b->trace, (size_t)a->ntrace * sizeof *a->trace) == 0,
		      "%s: traces differ", what);
	ck_assert_msg(a->firm_years == b->firm_years, "%s: %lld and %lld firm rows", what,
		      a->firm_years, b->firm_years);
}

/* A sparse output (sim_config.sparse) as sim_run makes it, to the bit:
 * every column sim_column reads, the count and the firm rows; it keeps
 * no rows, results or trace of its own. */
static void same_columns(const struct sim_output *a, const struct sim_output *b, const char *what)
{
	ck_assert_msg(a->reps == b->reps, "%s: %ld and %ld replications", what, a->reps, b->reps);
	ck_assert_msg(a->layout.width == b->layout.width, "%s: layouts differ", what);
	ck_assert_ptr_null(a->rows);
	ck_assert_ptr_null(a->res);
	ck_assert_ptr_nonnull(b->rows);
	for (size_t col = 0; col < a->layout.width; col++) {
		size_t stride;
		const double *x = sim_column(a, col, &stride);
		ck_assert_ptr_nonnull(x);
		long r = 0; /* one assertion a column: Check's cost a call */
		while (r < a->reps &&
		       memcmp(&x[(size_t)r * stride], &b->rows[(size_t)r * b->layout.width + col],
			      sizeof *x) == 0)
			r++;
		ck_assert_msg(r == a->reps, "%s: column %zu differs in replication %ld", what, col,
			      r);
	}
	ck_assert_msg(a->firm_years == b->firm_years, "%s: %lld and %lld firm rows", what,
		      a->firm_years, b->firm_years);
}

/* Every key of every line moved one at a time (-20%, else +20%; a switch
 * flipped; a word to the next), as check_pop.c sweeps them: *n variants,
 * caller frees. */
static struct scenario *line_variants(const struct scenario *base, int *n)
{
	size_t np;
	const struct param_def *d = params_table(&np);
	struct scenario *v = calloc(np, sizeof *v);
	ck_assert_ptr_nonnull(v);
	*n = 0;
	for (size_t i = 0; i < np; i++) {
		char err[ERR_LEN];
		double x;
		struct scenario *s = &v[*n];
		*s = *base;
		if (d[i].line < 0 || params_is_none(&s->pol, (int)i))
			continue;
		if (d[i].type == PT_BOOL) {
			bool *b = (bool *)((char *)&s->pol + d[i].offset);
			*b = !*b;
		} else if (d[i].type == PT_ENUM) {
			int *e = (int *)((char *)&s->pol + d[i].offset);
			*e = (*e + 1) % ((int)d[i].hi + 1);
		} else if (!params_numeric((int)i) || !s->set[i]) {
			continue;
		} else if (study_scale(s, (int)i, 0.8, &x, err, sizeof err) != STUDY_OK) {
			*s = *base;
			if (study_scale(s, (int)i, 1.2, &x, err, sizeof err) != STUDY_OK)
				continue;
		}
		ck_assert_msg(sim_same_population(&base->pol, &s->pol),
			      "%s.%s moves the population", d[i].section, d[i].key);
		(*n)++;
	}
	return v;
}

/* sim_run_many over the variants in groups equals sim_run of each; with
 * c->sparse, most variants keep only the columns where they differ from
 * the group's first (the others, of another layout, their rows). */
static void many_equals_one_by_one(const struct sim_config *c, int every)
{
	int sparse = 0;
	struct scenario *base = open_sets(0, NULL);
	int n;
	struct scenario *v = line_variants(base, &n);
	ck_assert_int_gt(n, 100);           /* every line's keys */
	for (int i = 0; i < n / every; i++) /* or every every-th */
		v[i] = v[i * every];
	n /= every;
	char err[ERR_LEN] = "";
	for (int g = 0; g < n; g += GROUP) {
		int k = n - g < GROUP ? n - g : GROUP;
		const struct policy *p[GROUP + 1] = {&base->pol};
		for (int j = 0; j < k; j++)
			p[j + 1] = &v[g + j].pol;
		struct sim_output many[GROUP + 1];
		ck_assert_msg(sim_run_many(p, k + 1, c, many, err, sizeof err) == 0, "%s", err);
		for (int j = 0; j <= k; j++) {
			struct sim_output one;
			ck_assert_msg(sim_run(p[j], c, &one, err, sizeof err) == 0, "%s", err);
			char what[64];
			snprintf(what, sizeof what, "variant %d", j ? g + j - 1 : -1);
			if (many[j].cols)
				same_columns(&many[j], &one, what);
			else
				same_output(&many[j], &one, what);
			sparse += many[j].cols != NULL;
			sim_output_free(&one);
		}
		for (int j = k; j >= 0; j--) /* the sparse ones read many[0] */
			sim_output_free(&many[j]);
	}
	ck_assert_msg(c->sparse ? sparse > n / 2 : sparse == 0, "%d of %d variants sparse", sparse,
		      n);
	free(v);
	free(base);
}

START_TEST(many_policies_on_one_population_equal_their_own_runs)
{
	struct sim_config c = {.seed = 9, .reps = 3, .threads = 2};
	many_equals_one_by_one(&c, 1);
}
END_TEST

/* The store by hand, 4 columns over 2 steps of 3 replications: a cell
 * that first differs in the second step takes the reference's values
 * before it; -0 differs from 0; a column that never differs is the
 * reference's own. A second store given each step's cells as MPI's ranks
 * pass them (packed, then unpacked) reads back the same; cut data is
 * refused. */
START_TEST(a_sparse_store_keeps_what_differs_and_reads_the_rest_from_its_reference)
{
	const double ref[6][4] = {{1, 2, 3, 1},    {4, 5, 6, 2},    {7, 0, 9, 3},
				  {10, 11, 12, 4}, {13, 14, 15, 5}, {16, 17, 18, 6}};
	double var[6][4];
	memcpy(var, ref, sizeof var);
	var[1][2] = 60;  /* column 2 from the first step */
	var[4][0] = 130; /* column 0 from the second: 1, 4, 7 before it */
	var[2][1] = -0.0;
	struct sim_output r = {.layout.width = 4}, v = {.layout.width = 4, .reps = 6};
	struct sim_output u = v;
	r.res = results_new(4, 1 << 20);
	ck_assert_ptr_nonnull(r.res);
	ck_assert_int_eq(results_reserve(r.res, 6), 0);
	v.cols = sim_cols_new(&r, 4, 6, 1, 3);
	u.cols = sim_cols_new(&r, 4, 6, 2, 3);
	ck_assert_ptr_nonnull(v.cols);
	ck_assert_ptr_nonnull(u.cols);
	for (int step = 0; step < 2; step++) {
		ck_assert_int_eq(results_add(r.res, ref[3 * step], 3), 0);
		for (int i = 0; i < 3; i++)
			ck_assert(
				sim_cols_diff(v.cols, 0, i, var[3 * step + i], ref[3 * step + i]));
		double *pack;
		size_t len;
		ck_assert_int_eq(sim_cols_pack(v.cols, 3, &pack, &len), 0);
		ck_assert_int_eq(sim_cols_unpack(u.cols, pack, len - 1, 3), -1); /* cut */
		const double bad[][3] = {{1, 7, 0}, {-1, 0, 0}, {NAN, 0, 0}, {1, 0.5e300, 0}};
		for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) /* a column or count */
			ck_assert_int_eq(sim_cols_unpack(u.cols, bad[b], 3, 1), -1);
		ck_assert_int_eq(sim_cols_unpack(u.cols, pack, len, 3), 0);
		free(pack);
		ck_assert_int_eq(sim_cols_add(v.cols, 3), 0);
		ck_assert_int_eq(sim_cols_add(u.cols, 3), 0);
	}
	r.rows = results_rows(r.res);
	r.reps = 6;
	for (size_t col = 0; col < 4; col++) {
		size_t stride, su;
		const double *x = sim_column(&v, col, &stride), *y = sim_column(&u, col, &su);
		ck_assert_uint_eq(stride, col < 3 ? 1 : 4); /* -0 kept; column 3 the reference's */
		ck_assert_uint_eq(su, stride);
		for (int k = 0; k < 6; k++) {
			ck_assert_msg(memcmp(&x[(size_t)k * stride], &var[k][col], sizeof *x) == 0,
				      "column %zu, replication %d: %g", col, k,
				      x[(size_t)k * stride]);
			ck_assert_msg(memcmp(&y[(size_t)k * su], &var[k][col], sizeof *y) == 0,
				      "unpacked: column %zu, replication %d", col, k);
		}
	}
	var[0][0] = NAN; /* a failed replication */
	ck_assert(!sim_cols_diff(v.cols, 0, 0, var[0], ref[0]));
	sim_output_free(&u);
	sim_output_free(&v);
	sim_output_free(&r);
}
END_TEST

/* Over 2 steps of replications, so that columns first differ in a later
 * step than the first (the store fills their earlier replications from
 * the reference). */
START_TEST(sparse_variants_read_back_as_their_own_runs)
{
	struct sim_config c = {.seed = 5, .reps = SIM_BLOCK + 7, .threads = 2, .sparse = true};
	ck_assert_int_lt(SIM_BLOCK * sim_blocks(2), c.reps);
	many_equals_one_by_one(&c, 4);
}
END_TEST

START_TEST(many_policies_equal_their_own_runs_on_the_panel_and_known_approvals)
{
	char err[ERR_LEN];
	struct panel stock;
	struct entities known;
	ck_assert_msg(panel_load(PANEL, &stock, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(entities_load(KNOWN, &known, err, sizeof err) == 0, "%s", err);
	struct sim_config c = {.seed = 4,
			       .reps = 2,
			       .threads = 1,
			       .stock = &stock,
			       .known = &known};
	many_equals_one_by_one(&c, 1);
	entities_free(&known);
	panel_free(&stock);
}
END_TEST

/* The kept populations answer every line variant as sim_run does, with
 * any thread count and fewer replications than kept. */
START_TEST(the_kept_populations_answer_as_a_fresh_run)
{
	char err[ERR_LEN] = "";
	struct panel stock;
	struct entities known;
	ck_assert_msg(panel_load(PANEL, &stock, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(entities_load(KNOWN, &known, err, sizeof err) == 0, "%s", err);
	struct scenario *base = open_sets(0, NULL);
	int n;
	struct scenario *v = line_variants(base, &n);
	for (int panel = 0; panel < 2; panel++) {
		struct sim_config c = {.seed = 21,
				       .reps = 300, /* more than a block */
				       .threads = 2,
				       .stock = panel ? &stock : NULL,
				       .known = panel ? &known : NULL};
		struct sim_cache *k;
		ck_assert_msg(sim_cache_new(&base->pol, &c, &k, err, sizeof err) == 0, "%s", err);
		ck_assert_int_eq(sim_cache_reps(k), 300);
		ck_assert(sim_cache_bytes(k) > 300 * 1000 * sizeof(struct firm_year));
		for (int j = -1; j < n; j += 9) {
			const struct policy *p = j < 0 ? &base->pol : &v[j].pol;
			struct sim_config cc = c;
			cc.threads = 1 + (j + 1) % 2;
			cc.reps = j < 0 ? 300 : 257;
			struct sim_output kept, fresh;
			ck_assert(sim_cache_fits(k, p));
			ck_assert_msg(sim_cache_run(k, p, &cc, &kept, err, sizeof err) == 0, "%s",
				      err);
			ck_assert_msg(sim_run(p, &cc, &fresh, err, sizeof err) == 0, "%s", err);
			same_output(&kept, &fresh, "kept");
			sim_output_free(&kept);
			sim_output_free(&fresh);
		}
		sim_cache_free(k);
	}
	free(v);
	free(base);
	entities_free(&known);
	panel_free(&stock);
}
END_TEST

/* Keys that are not numbers: a line's payment schedule moved past its
 * first share, a line switched off; and a policy window moved (refused). */
START_TEST(schedules_and_switches_on_one_population_equal_their_own_runs)
{
	char err[ERR_LEN] = "";
	char *a[] = {"m7a.schedule=40%,30%,30%"}, *b[] = {"m7a.schedule=40%,40%,20%"},
	     *c3[] = {"m7a.schedule=40%,40%,20%", "m6a.enabled=false"};
	struct scenario *s[4] = {open_sets(1, a), open_sets(1, b), open_sets(2, c3),
				 open_sets(0, NULL)};
	struct sim_config c = {.seed = 2, .reps = 40, .threads = 2};
	const struct policy *p[4] = {&s[0]->pol, &s[1]->pol, &s[2]->pol, &s[3]->pol};
	struct sim_output many[4], one;
	ck_assert_msg(sim_run_many(p, 4, &c, many, err, sizeof err) == 0, "%s", err);
	for (int j = 0; j < 4; j++) {
		ck_assert_msg(sim_run(p[j], &c, &one, err, sizeof err) == 0, "%s", err);
		same_output(&many[j], &one, "schedule");
		sim_output_free(&one);
		sim_output_free(&many[j]);
	}
	char *w[] = {"scenario.years=4"};
	struct scenario *shorter = open_sets(1, w);
	ck_assert(!sim_same_population(&s[3]->pol, &shorter->pol));
	for (int j = 0; j < 4; j++)
		free(s[j]);
	free(shorter);
}
END_TEST

/* The firm lines a variant reruns (sim_moved_lines): M1A's cap alone,
 * a fen or more in both, moves M1A alone; a key that may change whether
 * M1A is granted moves M1B too (再给予), unless neither policy asks for
 * it; with the tax cap on, one firm line moves all six. And those that
 * move amounts only, rerun for the firms the reference paid alone
 * (sim_moved_amounts): a cap or amount a fen or more in both, a payment
 * key; never a threshold, M2's or M3A's tiers, or under the tax cap. */
START_TEST(firm_lines_move_together_only_where_their_rules_meet)
{
	static const struct {
		const char *set[3];
		int n;
		const char *moved;   /* the firm lines moved, by initial: M1A M1B M2 M3A M3B M3C */
		const char *amounts; /* of those, the ones moving amounts only */
	} cases[] = {
		{{"m1a.cap=50万"}, 1, "100000", "100000"},
		{{"m1a.cap=50万", "m3c.amount=60万", "m6a.cap=600万"}, 3, "100001", "100001"},
		{{"m1a.cap=0.01"}, 1, "100000", "100000"}, /* a fen: still granted where it was */
		{{"study:m1a.cap=0.004"},
		 1,
		 "110000",
		 "000000"}, /* rounds to 0 fen: granted nowhere */
		{{"m1a.cap=0"}, 1, "110000", "000000"},
		{{"m1a.rate=4%"}, 1, "110000", "000000"},
		{{"m1a.min_employees=30"}, 1, "110000", "000000"},
		{{"m1a.employee_window_years=2"}, 1, "110000", "000000"},
		{{"m1a.enabled=false"}, 1, "110000", "000000"},
		{{"m1a.funding=municipal", "m1a.owner=sci_tech"}, 2, "100000", "100000"},
		{{"m1b.requires_m1a=false"}, 1, "010000", "000000"},
		{{"m1b.amount=150万", "m1b.payout=50%"}, 2, "010000", "010000"},
		{{"m1b.payout=0"}, 1, "010000", "000000"},
		{{"m2.exclude_m1=true", "m3b.amount=400万"}, 2, "001010", "000010"},
		{{"m2.tier1_amount=30万", "m3a.tier1_amount=100万"}, 2, "001100", "000000"},
		{{"m3b.amount=0"}, 1, "000010", "000000"},
		{{"m3c.amount=60万", "m3c.min_growth=30%"}, 2, "000001", "000000"},
		{{"m3c.payout=0.000000001"}, 1, "000001", "000000"},
		{{"m3c.schedule=50%,50%", "m3c.payout=60%"}, 2, "000001", "000001"},
	};
	char err[ERR_LEN];
	struct scenario *base = open_sets(0, NULL);
	char *off[] = {"m1b.requires_m1a=false"};
	struct scenario *free_m1b = open_sets(1, off);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct scenario *v = open_sets(cases[i].n, (char **)cases[i].set);
		bool moved[N_LINES], amounts[N_LINES];
		ck_assert(sim_moved_lines(&base->pol, &v->pol, moved));
		sim_moved_amounts(&base->pol, &v->pol, moved, amounts);
		for (int l = 0; l < N_FIRM_LINES; l++) {
			ck_assert_msg(moved[l] == (cases[i].moved[l] == '1'), "%s: line %d",
				      cases[i].set[0], l);
			ck_assert_msg(amounts[l] == (cases[i].amounts[l] == '1'),
				      "%s: line %d amounts", cases[i].set[0], l);
		}
		for (int l = N_FIRM_LINES; l < N_LINES; l++)
			ck_assert(!amounts[l]);
		free(v);
	}
	/* without 再给予 in either, M1B reads nothing of M1A */
	char *both[] = {"m1b.requires_m1a=false", "m1a.cap=0"};
	struct scenario *v = open_sets(2, both);
	bool moved[N_LINES];
	ck_assert(sim_moved_lines(&free_m1b->pol, &v->pol, moved));
	ck_assert(moved[L_M1A] && !moved[L_M1B]);
	free(v);
	char *tax[] = {"taxcap.enabled=true"},
	     *tax_cap[] = {"taxcap.enabled=true", "m3c.amount=60万"};
	struct scenario *t0 = open_sets(1, tax), *t1 = open_sets(2, tax_cap);
	ck_assert(sim_moved_lines(&t0->pol, &t1->pol, moved));
	bool amounts[N_LINES];
	sim_moved_amounts(&t0->pol, &t1->pol, moved, amounts);
	for (int l = 0; l < N_FIRM_LINES; l++)
		ck_assert(moved[l] && !amounts[l]);
	ck_assert(!moved[L_M6A]);
	free(t0);
	free(t1);
	free(free_m1b);
	free(base);
	(void)err;
}
END_TEST

/* Variants that move firm lines alone or with others, at the edges of
 * the dependency analysis above: on one population they give what each
 * run alone gives, bit for bit, with and without the tax cap, sampled,
 * on the bureau's panel, and against a base that pays M1A, M3B and M3C
 * nothing (amounts of 0 fen: a variant paying them must not take the
 * base's firms). Moving M1A's grants moves M1B's total, so a variant that
 * kept the reference's M1B would differ. */
START_TEST(firm_line_variants_on_one_population_equal_their_own_runs)
{
	static const char *const sets[][3] = {
		{"m1a.cap=50万", "m3c.amount=60万", "m6a.cap=600万"},
		{"m1a.cap=0"},
		{"study:m1a.cap=0.004"},
		{"m1a.cap=0.01", "m3c.amount=30万"},
		{"m1a.min_employees=20"},
		{"m1a.rate=1%", "m1b.amount=100万"},
		{"m1a.enabled=false"},
		{"m1a.schedule=50%,50%"},
		{"m1b.requires_m1a=false", "m1a.cap=50万"},
		{"m2.exclude_m1=true", "m3a.tier1_amount=100万"},
		{"m3b.amount=400万", "m3c.min_growth=30%"},
		{"m1b.amount=150万", "m1b.payout=50%", "m3b.amount=400万"},
		{"m3c.payout=0.000000001"},
		{"m3b.amount=0", "m1a.cap=120万"},
		{"m1a.cap=50万", "m2.tier1_amount=30万"},
		{"m3c.schedule=50%,50%", "m3c.amount=60万"},
	};
	enum { NV = sizeof sets / sizeof sets[0] };
	char err[ERR_LEN] = "";
	struct panel stock;
	ck_assert_msg(panel_load(PANEL, &stock, err, sizeof err) == 0, "%s", err);
	/* sampled, the tax cap on, the panel, a base paying nothing under three lines */
	for (int mode = 0; mode < 4; mode++) {
		struct scenario *s[NV + 1];
		char *tax = "taxcap.enabled=true";
		char *zero[] = {"study:m1a.cap=0.004", "m3b.amount=0", "m3c.payout=0.000000001"};
		s[0] = mode == 3 ? open_sets(3, zero) : open_sets(mode == 1, &tax);
		for (int k = 0; k < NV; k++) {
			char *set[4];
			int n = 0;
			while (n < 3 && sets[k][n])
				set[n] = (char *)sets[k][n], n++;
			if (mode == 1)
				set[n++] = tax;
			s[k + 1] = open_sets(n, set);
		}
		struct sim_config c = {.seed = 17,
				       .reps = mode == 2 ? 20 : 60,
				       .threads = 2,
				       .stock = mode == 2 ? &stock : NULL};
		const struct policy *p[NV + 1];
		for (int k = 0; k <= NV; k++)
			p[k] = &s[k]->pol;
		struct sim_output many[NV + 1], one;
		ck_assert_msg(sim_run_many(p, NV + 1, &c, many, err, sizeof err) == 0, "%s", err);
		for (int k = 0; k <= NV; k++) {
			ck_assert_msg(sim_run(p[k], &c, &one, err, sizeof err) == 0, "%s", err);
			char what[96];
			snprintf(what, sizeof what, "mode %d: %s", mode,
				 k ? sets[k - 1][0] : "base");
			same_output(&many[k], &one, what);
			sim_output_free(&one);
		}
		/* m1a.cap=0 pays no M1B: the test sees the dependency */
		const struct sim_layout *l = &many[0].layout;
		size_t col = sim_money(l, L_M1B, l->years, LV_TOTAL);
		double m1b_base = 0, m1b_none = 0;
		for (long r = 0; r < many[0].reps; r++) {
			m1b_base += many[0].rows[(size_t)r * l->width + col];
			m1b_none += many[2].rows[(size_t)r * l->width + col];
		}
		ck_assert_msg((mode == 3 || m1b_base > 0) && m1b_none == 0,
			      "mode %d: M1B %g and %g", mode, m1b_base, m1b_none);
		for (int k = 0; k <= NV; k++) {
			sim_output_free(&many[k]);
			free(s[k]);
		}
	}
	panel_free(&stock);
}
END_TEST

START_TEST(a_model_key_is_refused_by_the_kept_populations_and_by_run_many)
{
	char err[ERR_LEN] = "";
	char *set[] = {"growth.firm_sd=0.5"};
	struct scenario *base = open_sets(0, NULL), *alt = open_sets(1, set);
	struct sim_config c = {.seed = 1, .reps = 10, .threads = 1};
	struct sim_cache *k;
	ck_assert(sim_cache_new(&base->pol, &c, &k, err, sizeof err) == 0);
	ck_assert(!sim_cache_fits(k, &alt->pol));
	struct sim_output o;
	ck_assert_int_eq(sim_cache_run(k, &alt->pol, &c, &o, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "another population") != NULL, "%s", err);
	c.reps = 11;
	ck_assert_int_eq(sim_cache_run(k, &base->pol, &c, &o, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "11 replications asked, 10 kept") != NULL, "%s", err);
	const struct policy *p[2] = {&base->pol, &alt->pol};
	struct sim_output two[2];
	ck_assert_int_eq(sim_run_many(p, 2, &c, two, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "another population") != NULL, "%s", err);
	sim_cache_free(k);
	sim_cache_free(NULL);
	free(base);
	free(alt);
}
END_TEST

static void stop_now(void *ctx, long done, long target)
{
	(void)done;
	(void)target;
	*(volatile sig_atomic_t *)ctx = 1;
}

START_TEST(keeping_the_populations_stops_after_a_block_when_asked)
{
	char err[ERR_LEN] = "";
	struct scenario *base = open_sets(0, NULL);
	volatile sig_atomic_t stop = 0;
	struct sim_config c = {.seed = 1,
			       .reps = 3 * SIM_BLOCK,
			       .threads = 2,
			       .progress = stop_now,
			       .progress_ctx = (void *)&stop,
			       .stop = &stop};
	struct sim_cache *k = (struct sim_cache *)&c; /* set to NULL by the call */
	ck_assert_int_eq(sim_cache_new(&base->pol, &c, &k, err, sizeof err), 1);
	ck_assert_ptr_null(k);
	ck_assert_str_eq(err, "interrupted");
	free(base);
}
END_TEST

int main(void)
{
	gsl_set_error_handler_off();
	Suite *s = suite_create("reuse");
	TCase *tc = tcase_create("reuse");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, many_policies_on_one_population_equal_their_own_runs);
	tcase_add_test(tc, a_sparse_store_keeps_what_differs_and_reads_the_rest_from_its_reference);
	tcase_add_test(tc, sparse_variants_read_back_as_their_own_runs);
	tcase_add_test(tc, many_policies_equal_their_own_runs_on_the_panel_and_known_approvals);
	tcase_add_test(tc, the_kept_populations_answer_as_a_fresh_run);
	tcase_add_test(tc, schedules_and_switches_on_one_population_equal_their_own_runs);
	tcase_add_test(tc, firm_lines_move_together_only_where_their_rules_meet);
	tcase_add_test(tc, firm_line_variants_on_one_population_equal_their_own_runs);
	tcase_add_test(tc, a_model_key_is_refused_by_the_kept_populations_and_by_run_many);
	tcase_add_test(tc, keeping_the_populations_stops_after_a_block_when_asked);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
