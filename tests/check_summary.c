/* check_summary.c - the run summary (summary_of) and the statistics it is
 * made of (stats_of, stats_select), against direct computation: on small
 * matrices whose percentiles fall on known positions, and bit for bit
 * against GSL's sort-then-interpolate on random data. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "inputs.h"
#include "report.h"
#include "results.h"
#include "scenario.h"
#include "study.h"
#include "sim.h"
#include "stats.h"
#include "summary.h"

/* 21 replications: q (n - 1) = 20 q is a whole rank for every percentile
 * (p5 1, p25 5, p50 10, p75 15, p80 16, p90 18, p95 19): no interpolation. */
#define KNOWN_REPS 21

static struct scenario *open_with(const char *set)
{
	char err[ERR_LEN] = "";
	char *sets[] = {(char *)set};
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	ck_assert_msg(scenario_open(s, NULL, sets, set ? 1 : 0, err, sizeof err) == 0, "%s", err);
	return s;
}

/* A run of n replications whose row r is fill(r, col) in every column,
 * kept exact; free with sim_output_free. */
static void fake_run(const struct policy *p, long n, double (*fill)(long, size_t),
		     struct sim_output *o)
{
	memset(o, 0, sizeof *o);
	sim_layout(p, &o->layout);
	size_t w = o->layout.width;
	o->res = results_new(w, (size_t)1 << 30);
	ck_assert_ptr_nonnull(o->res);
	double *rows = malloc((size_t)n * w * sizeof *rows);
	ck_assert_ptr_nonnull(rows);
	for (long r = 0; r < n; r++)
		for (size_t c = 0; c < w; c++)
			rows[(size_t)r * w + c] = fill(r, c);
	ck_assert_int_eq(results_add(o->res, rows, (size_t)n), 0);
	free(rows);
	o->reps = n;
	o->rows = results_rows(o->res);
}

/* Column c holds the ranks 0..20 in a shuffled order (5 is prime to 21),
 * times c + 1: its k-th smallest is k (c + 1). */
static double shuffled_ranks(long r, size_t c)
{
	return (double)((r * 5 + (long)c) % KNOWN_REPS) * (double)(c + 1);
}

START_TEST(the_summary_of_a_known_matrix_has_its_percentiles_at_known_positions)
{
	struct scenario *s = open_with(NULL);
	struct sim_output o;
	fake_run(&s->pol, KNOWN_REPS, shuffled_ranks, &o);
	struct summary *sm = summary_of(&o, &s->pol);
	ck_assert_ptr_nonnull(sm);
	ck_assert(sm->exact);
	ck_assert_int_eq(sm->reps, KNOWN_REPS);
	static const int rank[N_PCT] =
		{[P5] = 1, [P25] = 5, [P50] = 10, [P75] = 15, [P80] = 16, [P90] = 18, [P95] = 19};
	double sd = sqrt(770.0 / 20); /* sum (k - 10)^2 over k = 0..20 is 770 */
	for (size_t c = 0; c < o.layout.width; c++) {
		const struct stats *st = &sm->cell[c];
		double scale = (double)(c + 1);
		ck_assert_double_eq_tol(st->mean, 10 * scale, 1e-9 * scale);
		ck_assert_double_eq_tol(st->sd, sd * scale, 1e-9 * scale);
		ck_assert_double_eq_tol(st->se, sd * scale / sqrt(KNOWN_REPS), 1e-9 * scale);
		for (int k = 0; k < N_PCT; k++)
			ck_assert_msg(st->pct[k] == rank[k] * scale,
				      "column %zu %s: %g, expected %g", c, stats_pct_name[k],
				      st->pct[k], rank[k] * scale);
	}
	/* the accessors name the cells of the layout */
	const struct sim_layout *l = &o.layout;
	for (int line = 0; line <= N_LINES; line++)
		for (int y = 0; y <= l->years; y++) {
			ck_assert_ptr_eq(summary_money(sm, line, y, LV_MUNICIPAL),
					 &sm->cell[sim_money(l, line, y, LV_MUNICIPAL)]);
			ck_assert_ptr_eq(summary_recipients(sm, line, y),
					 &sm->cell[sim_recipients(l, line, y)]);
		}
	/* a line's mean grows with its column: the last line is the dearest;
	 * contingent items (the draft's M8B) are not ranked */
	int k = 0;
	for (int line = N_LINES - 1; line >= 0; line--)
		if (s->pol.line[line].in_total)
			ck_assert_int_eq(sm->by_cost[k++], line);
	ck_assert_int_eq(sm->nranked, k);
	ck_assert_int_lt(k, N_LINES);
	summary_free(sm);
	sim_output_free(&o);
	free(s);
}
END_TEST

/* Every cell of every row the same rank, 0..n-1 in reverse. */
static double reversed(long r, size_t c)
{
	(void)c;
	return (double)(9 - r);
}

START_TEST(between_positions_the_summary_interpolates_as_gsl_does_on_sorted_data)
{
	struct scenario *s = open_with(NULL);
	struct sim_output o;
	fake_run(&s->pol, 10, reversed, &o); /* 9 q is a whole rank for none but p50 */
	struct summary *sm = summary_of(&o, &s->pol);
	ck_assert_ptr_nonnull(sm);
	double sorted[10] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
	const struct stats *st = summary_money(sm, N_LINES, o.layout.years, LV_TOTAL);
	for (int k = 0; k < N_PCT; k++)
		ck_assert_double_eq(st->pct[k], gsl_stats_quantile_from_sorted_data(sorted, 1, 10,
										    stats_pct[k]));
	ck_assert_double_eq_tol(st->pct[P5], 0.45, 1e-12); /* 0.05 x 9 */
	ck_assert_double_eq_tol(st->pct[P90], 8.1, 1e-12); /* 0.90 x 9 */
	ck_assert_double_eq(st->pct[P50], 4.5);
	/* every line costs the same: the registry's order, the lines in the total */
	int k = 0;
	for (int line = 0; line < N_LINES; line++)
		if (s->pol.line[line].in_total)
			ck_assert_int_eq(sm->by_cost[k++], line);
	ck_assert_int_eq(sm->nranked, k);
	summary_free(sm);
	sim_output_free(&o);
	free(s);
}
END_TEST

/* The column's own number: the later a line, the dearer. */
static double column_number(long r, size_t c)
{
	(void)r;
	return (double)c;
}

START_TEST(a_contingent_item_is_left_out_of_the_ranking_however_dear)
{
	const char *sets[] = {NULL, "m8b.in_total=true"};
	for (int put_in = 0; put_in < 2; put_in++) {
		struct scenario *s = open_with(sets[put_in]);
		struct sim_output o;
		fake_run(&s->pol, 5, column_number, &o);
		struct summary *sm = summary_of(&o, &s->pol);
		ck_assert_ptr_nonnull(sm);
		int found = -1, in = 0;
		for (int line = 0; line < N_LINES; line++) {
			ck_assert_int_eq(sm->in_total[line], s->pol.line[line].in_total);
			in += sm->in_total[line];
		}
		ck_assert_int_eq(sm->in_total[L_M8B], put_in); /* the draft: 一事一议 apart */
		ck_assert_int_eq(sm->nranked, in);
		for (int i = 0; i < sm->nranked; i++)
			if (sm->by_cost[i] == L_M8B)
				found = i;
		if (put_in) /* all but the later lines cost less than it */
			ck_assert_int_eq(found, N_LINES - 1 - L_M8B);
		else
			ck_assert_int_eq(found, -1);
		summary_free(sm);
		sim_output_free(&o);
		free(s);
	}
}
END_TEST

/* Replication r's total over all years: r 万 for r = 0..20. */
static double total_is_r_wan(long r, size_t c)
{
	(void)c;
	return (double)r * 1e4;
}

START_TEST(the_summary_gives_each_envelope_its_chance_and_mean_overrun)
{
	struct scenario *s = open_with("budget.total=15万");
	struct sim_output o;
	fake_run(&s->pol, KNOWN_REPS, total_is_r_wan, &o);
	struct summary *sm = summary_of(&o, &s->pol);
	ck_assert_ptr_nonnull(sm);
	ck_assert_int_eq(sm->nenv, 1);
	ck_assert(!sm->env[0].annual);
	/* 16..20万 exceed 15万: 5 of 21, by 1+2+3+4+5 = 15万 in all */
	const struct risk *r = summary_over(sm, 0, o.layout.years);
	ck_assert_double_eq_tol(r->prob, 5.0 / 21, 1e-12);
	ck_assert_double_eq_tol(r->mean, 15e4 / 21, 1e-6);
	ck_assert(isnan(summary_over(sm, 0, 0)->prob)); /* not an annual envelope */
	summary_free(sm);
	sim_output_free(&o);
	free(s);
}
END_TEST

/* Random values with many ties and zeros, as award columns have. */
static void random_column(gsl_rng *rng, double *x, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned long u = gsl_rng_uniform_int(rng, 4);
		x[i] = u == 0   ? 0
		       : u == 1 ? (double)gsl_rng_uniform_int(rng, 5) * 1e5
				: gsl_rng_uniform(rng) * 1e8;
	}
}

START_TEST(selection_finds_each_order_statistic_and_partitions_around_it)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
	gsl_rng_set(rng, 7);
	double x[300], a[300], sorted[300];
	for (size_t n = 1; n <= 300; n += n < 20 ? 1 : 37) {
		random_column(rng, x, n);
		memcpy(sorted, x, n * sizeof *x);
		gsl_sort(sorted, 1, n);
		for (size_t k = 0; k < n; k += n < 20 ? 1 : 13) {
			memcpy(a, x, n * sizeof *x);
			double v = stats_select(a, n, k);
			ck_assert_double_eq(v, sorted[k]);
			ck_assert_double_eq(a[k], v);
			for (size_t i = 0; i < n; i++)
				ck_assert(i < k ? a[i] <= v : i > k ? a[i] >= v : true);
		}
	}
	gsl_rng_free(rng);
}
END_TEST

START_TEST(stats_of_equals_gsl_sort_and_quantiles_bit_for_bit)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
	gsl_rng_set(rng, 11);
	enum { MAXN = 2000 };
	double *x = malloc(MAXN * sizeof *x), *scratch = malloc(MAXN * sizeof *x),
	       *sorted = malloc(MAXN * sizeof *x);
	ck_assert(x && scratch && sorted);
	for (size_t n = 1; n <= MAXN; n = n < 40 ? n + 1 : n * 3 / 2) {
		random_column(rng, x, n);
		struct stats st;
		stats_of(x, 1, n, scratch, &st);
		memcpy(sorted, x, n * sizeof *x);
		gsl_sort(sorted, 1, n);
		ck_assert_double_eq(st.mean, gsl_stats_mean(x, 1, n));
		for (int k = 0; k < N_PCT; k++) {
			double want = gsl_stats_quantile_from_sorted_data(sorted, 1, n,
									  stats_pct[k]);
			ck_assert_msg(memcmp(&st.pct[k], &want, sizeof want) == 0,
				      "n %zu %s: %.17g, gsl %.17g", n, stats_pct_name[k], st.pct[k],
				      want);
		}
	}
	free(x);
	free(scratch);
	free(sorted);
	gsl_rng_free(rng);
}
END_TEST

/* A column of one value (most of a row's cells: 0 in every replication)
 * takes stats_of's short way: its mean, sd, se and percentiles are GSL's,
 * bit for bit, -0 and the smallest subnormal included; an infinite one
 * goes GSL's way. */
static void ck_bits(double got, double want, const char *what, double c, size_t n)
{
	ck_assert_msg(memcmp(&got, &want, sizeof got) == 0, "%s of %zu x %g: %a, gsl %a", what, n,
		      c, got, want);
}

START_TEST(a_column_of_one_value_has_gsls_figures_bit_for_bit)
{
	const double values[] = {0.0,  -0.0,   1.0,      0.1,   -3.25,    123456.78,
				 1e15, 5e-324, -1.5e300, 2.5e7, INFINITY, -INFINITY};
	const size_t sizes[] = {1, 2, 3, 5, 300, 2001};
	double x[2001], scratch[2001];
	for (size_t v = 0; v < sizeof values / sizeof values[0]; v++)
		for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
			size_t n = sizes[s];
			double c = values[v];
			for (size_t i = 0; i < n; i++)
				x[i] = c;
			struct stats st;
			stats_of(x, 1, n, scratch, &st);
			double mean = gsl_stats_mean(x, 1, n);
			double sd = n > 1 ? gsl_stats_sd_m(x, 1, n, mean) : 0;
			ck_bits(st.mean, mean, "mean", c, n);
			ck_bits(st.sd, sd, "sd", c, n);
			ck_bits(st.se, sd / sqrt((double)n), "se", c, n);
			for (int k = 0; k < N_PCT; k++)
				ck_bits(st.pct[k],
					gsl_stats_quantile_from_sorted_data(x, 1, n, stats_pct[k]),
					stats_pct_name[k], c, n);
		}
}
END_TEST

/* A summary made on 4 threads (columns in parallel) is the one made on 1,
 * bit for bit. */
START_TEST(a_summary_is_the_same_on_any_thread_count)
{
	struct scenario *s = open_with(NULL);
	char err[ERR_LEN] = "";
	struct sim_output o;
	struct sim_config c = {.seed = 5, .reps = 700, .threads = 2};
	ck_assert_msg(sim_run(&s->pol, &c, &o, err, sizeof err) == 0, "%s", err);
	struct summary *sm[2];
	for (int k = 0; k < 2; k++) {
		results_threads(o.res, k ? 4 : 1);
		sm[k] = summary_of(&o, &s->pol);
		ck_assert_ptr_nonnull(sm[k]);
	}
	ck_assert(memcmp(sm[0]->cell, sm[1]->cell, o.layout.width * sizeof *sm[0]->cell) == 0);
	summary_free(sm[0]);
	summary_free(sm[1]);
	sim_output_free(&o);
	free(s);
}
END_TEST

START_TEST(a_streamed_run_has_estimated_planning_percentiles_in_order)
{
	struct scenario *s = open_with(NULL);
	char err[ERR_LEN] = "";
	struct sim_output o;
	/* a row budget of one byte: statistics stream from the first block */
	struct sim_config c = {.seed = 5, .reps = 300, .threads = 1, .exact_bytes = 1};
	ck_assert_msg(sim_run(&s->pol, &c, &o, err, sizeof err) == 0, "%s", err);
	struct summary *sm = summary_of(&o, &s->pol);
	ck_assert_ptr_nonnull(sm);
	ck_assert(!sm->exact);
	const struct stats *t = summary_money(sm, N_LINES, o.layout.years, LV_TOTAL);
	ck_assert(t->pct[P5] > 0);
	for (int k = 1; k < N_PCT; k++)
		ck_assert_msg(t->pct[k - 1] <= t->pct[k], "%s %g above %s %g",
			      stats_pct_name[k - 1], t->pct[k - 1], stats_pct_name[k], t->pct[k]);
	summary_free(sm);
	sim_output_free(&o);
	free(s);
}
END_TEST

/* Once streaming, a column of at most 128 distinct values (a line of a
 * few lump sums) keeps exact percentiles, bit for bit what the kept rows
 * give; one of more, or with a NaN, has P-square's estimates. Rows come
 * in blocks of 100, as a run adds them. */
START_TEST(a_streamed_column_of_few_values_keeps_exact_percentiles)
{
	enum { W = 4, N = 1000 };
	struct results *r = results_new(W, 1); /* streams from the first row */
	ck_assert_ptr_nonnull(r);
	static double rows[N * W], col[N], scratch[N];
	for (long i = 0; i < N; i++) {
		rows[i * W + 0] = (double)(i * 7 % 5) * 5e6;       /* 5 lump sums */
		rows[i * W + 1] = (double)(i * 37 % 128) * 1000.5; /* 128 values */
		rows[i * W + 2] = (double)(i * 37 % 129) * 1000.5; /* 129 */
		rows[i * W + 3] = i == 500 ? NAN : 2e6;
	}
	for (size_t at = 0; at < N; at += 100)
		ck_assert_int_eq(results_add(r, rows + at * W, 100), 0);
	ck_assert(!results_exact(r));
	ck_assert_int_eq(results_estimated(r), 2);
	for (size_t c = 0; c < 2; c++) {
		for (size_t i = 0; i < N; i++)
			col[i] = rows[i * W + c];
		struct stats want, got;
		stats_of(col, 1, N, scratch, &want);
		results_stat(r, c, scratch, &got);
		for (int k = 0; k < N_PCT; k++)
			ck_assert_msg(memcmp(&got.pct[k], &want.pct[k], sizeof got.pct[k]) == 0,
				      "column %zu %s: %.17g, exact %.17g", c, stats_pct_name[k],
				      got.pct[k], want.pct[k]);
	}
	results_free(r);
}
END_TEST

/* A streamed run of the draft: every figure of at most 128 distinct
 * values in 300 replications has the percentiles of the same run with
 * its rows kept, bit for bit, and results_estimated counts the others. */
START_TEST(a_streamed_run_keeps_exact_percentiles_of_its_few_valued_figures)
{
	struct scenario *s = open_with(NULL);
	char err[ERR_LEN] = "";
	struct sim_output o[2];
	for (int v = 0; v < 2; v++) {
		struct sim_config c = {.seed = 5,
				       .reps = 300,
				       .threads = 2,
				       .exact_bytes = v ? 1 : 0};
		ck_assert_msg(sim_run(&s->pol, &c, &o[v], err, sizeof err) == 0, "%s", err);
	}
	ck_assert_ptr_nonnull(o[0].rows);
	ck_assert_ptr_null(o[1].rows);
	struct summary *sm[2] = {summary_of(&o[0], &s->pol), summary_of(&o[1], &s->pol)};
	ck_assert(sm[0] && sm[1]);
	size_t w = o[0].layout.width, many = 0, n = (size_t)o[0].reps;
	double *col = malloc(n * sizeof *col);
	ck_assert_ptr_nonnull(col);
	for (size_t c = 0; c < w; c++) {
		for (size_t i = 0; i < n; i++)
			col[i] = o[0].rows[i * w + c];
		gsl_sort(col, 1, n);
		size_t distinct = 1;
		for (size_t i = 1; i < n; i++)
			distinct += col[i] != col[i - 1];
		if (distinct > 128) {
			many++;
			continue;
		}
		for (int k = 0; k < N_PCT; k++)
			ck_assert_msg(memcmp(&sm[1]->cell[c].pct[k], &sm[0]->cell[c].pct[k],
					     sizeof(double)) == 0,
				      "column %zu (%zu values) %s: %.17g, kept %.17g", c, distinct,
				      stats_pct_name[k], sm[1]->cell[c].pct[k],
				      sm[0]->cell[c].pct[k]);
	}
	ck_assert_int_gt(many, 0); /* both kinds are tried */
	ck_assert_int_lt(many, w / 2);
	ck_assert_int_eq(results_estimated(o[1].res), many);
	free(col);
	for (int v = 0; v < 2; v++) {
		summary_free(sm[v]);
		sim_output_free(&o[v]);
	}
	free(s);
}
END_TEST

/* The manifest's "percentiles:" line of a run with budget bytes of rows,
 * into buf. */
static void percentiles_line(size_t budget, long reps, char *buf, size_t n)
{
	struct scenario *s = open_with(NULL);
	char err[ERR_LEN] = "";
	struct sim_output o;
	struct sim_config c = {.seed = 5, .reps = reps, .threads = 1, .exact_bytes = budget};
	ck_assert_msg(sim_run(&s->pol, &c, &o, err, sizeof err) == 0, "%s", err);
	struct run_info ri = {.s = s, .command = "fundsim run", .seed = 5, .threads = 1};
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(f);
	report_manifest(f, &ri, &o);
	fclose(f);
	const char *at = strstr(text, "\npercentiles: ");
	ck_assert_msg(at != NULL, "no percentiles line in:\n%s", text);
	snprintf(buf, n, "%.*s", (int)strcspn(at + 1, "\n"), at + 1);
	free(text);
	sim_output_free(&o);
	free(s);
}

/* A planner must know whether p80 and p90 are the replications' own or
 * P-square's estimates, which can be far off for a line of lump sums. */
START_TEST(the_manifest_says_whether_the_percentiles_are_exact)
{
	char line[300];
	percentiles_line(0, 20, line, sizeof line); /* 0: SIM_EXACT_BYTES */
	ck_assert_str_eq(line, "percentiles: exact: every replication kept (up to 29472 fit in "
			       "512 MiB)");
	percentiles_line((size_t)1 << 20, 80, line, sizeof line);
	ck_assert_str_eq(line, "percentiles: exact: past the 57 replications that fit in 1 MiB, "
			       "counted for each figure (none takes more than 128 distinct "
			       "amounts)");
	percentiles_line((size_t)1 << 20, 300, line, sizeof line);
	ck_assert_str_eq(line, "percentiles: past the 57 replications that fit in 1 MiB (run "
			       "--exact-mb), GSL's P-square estimates for 599 of 2277 figures, "
			       "exact for the others (of at most 128 distinct amounts); mean and "
			       "sd exact");
}
END_TEST

/* serve and report cap --reps at study_max_reps (a study's lean rows in
 * STUDY_EXACT_BYTES) and pair their runs row by row: the run's own rows,
 * in the full layout, must fit SIM_EXACT_BYTES at that count. Before it
 * did not (serve --reps 10000 failed: "at most 17678"). */
START_TEST(a_run_of_the_most_a_study_takes_keeps_its_rows)
{
	struct scenario *s = open_with(NULL);
	struct sim_layout full;
	sim_layout(&s->pol, &full);
	long most = study_max_reps(&s->pol);
	ck_assert_int_ge((long)results_most(full.width, SIM_EXACT_BYTES), most);
	ck_assert_int_eq(most, 17678); /* lean rows of the draft in 128 MiB */
	free(s);
}
END_TEST

START_TEST(freeing_no_summary_is_a_no_op)
{
	summary_free(NULL);
}
END_TEST

static Suite *summary_suite(void)
{
	Suite *s = suite_create("summary");
	TCase *tc = tcase_create("summary");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, the_summary_of_a_known_matrix_has_its_percentiles_at_known_positions);
	tcase_add_test(tc, between_positions_the_summary_interpolates_as_gsl_does_on_sorted_data);
	tcase_add_test(tc, a_contingent_item_is_left_out_of_the_ranking_however_dear);
	tcase_add_test(tc, the_summary_gives_each_envelope_its_chance_and_mean_overrun);
	tcase_add_test(tc, a_streamed_run_has_estimated_planning_percentiles_in_order);
	tcase_add_test(tc, a_streamed_column_of_few_values_keeps_exact_percentiles);
	tcase_add_test(tc, a_streamed_run_keeps_exact_percentiles_of_its_few_valued_figures);
	tcase_add_test(tc, the_manifest_says_whether_the_percentiles_are_exact);
	tcase_add_test(tc, a_run_of_the_most_a_study_takes_keeps_its_rows);
	tcase_add_test(tc, freeing_no_summary_is_a_no_op);
	suite_add_tcase(s, tc);
	tc = tcase_create("stats");
	tcase_add_test(tc, selection_finds_each_order_statistic_and_partitions_around_it);
	tcase_add_test(tc, stats_of_equals_gsl_sort_and_quantiles_bit_for_bit);
	tcase_add_test(tc, a_column_of_one_value_has_gsls_figures_bit_for_bit);
	tcase_add_test(tc, a_summary_is_the_same_on_any_thread_count);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	gsl_set_error_handler_off();
	SRunner *sr = srunner_create(summary_suite());
	srunner_run_all(sr, CK_NORMAL);
	omp_pause_resource_all(omp_pause_hard); /* the streaming run's pool: not "possibly lost" */
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
