/* check_charts.c - the charts of a run (charts_write) and of the
 * sensitivity studies (charts_sweep, charts_tornado, charts_sobol,
 * charts_compare): the numbers in each chart CSV against the statistics
 * or study results they come from, the histogram's boundaries, the images
 * gnuplot draws from them, and what happens when gnuplot is missing or
 * fails.
 *
 * One small run of the built-in draft (a few hundred firms, districts
 * paying half the city's part, a 15亿 budget) is shared by the run's
 * tests, and small studies of the same scenario by the studies'; each
 * test writes into its own mkdtemp folder and removes it. The image tests
 * need gnuplot (make deps installs it) and say so when it is absent. */
#include <check.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charts.h"
#include "district.h"
#include "charts_impl.h"
#include "params.h"
#include "results.h"
#include "scenario.h"
#include "sim.h"
#include "stats.h"
#include "study.h"
#include "summary.h"
#include "tmpdir.h"

#define CENT 0.0051 /* the CSV writes yuan with two decimals */
#define REPS 300
#define YI 1e8

/* ---- the shared run ---- */

static struct scenario *scen;
static struct sim_output run_out;
static struct summary *run_sum; /* what charts_write formats */

static void make_run(void)
{
	char err[ERR_LEN] = "";
	char *sets[] = {"firms.count=uniform(300, 500)", "funding.district_share=50%",
			"budget.total=15亿"};
	scen = calloc(1, sizeof *scen);
	ck_assert_ptr_nonnull(scen);
	ck_assert_msg(scenario_open(scen, NULL, sets, 3, err, sizeof err) == 0, "%s", err);
	/* one thread: no OpenMP pool for the forked tests to inherit */
	struct sim_config c = {.seed = 11, .reps = REPS, .threads = 1};
	ck_assert_msg(sim_run(&scen->pol, &c, &run_out, err, sizeof err) == 0, "%s", err);
	ck_assert_ptr_nonnull(run_out.rows);
	run_sum = summary_of(&run_out, &scen->pol);
	ck_assert_ptr_nonnull(run_sum);
}

/* Column col of the shared run, computed directly (not the summary's). */
static struct stats col_stat(size_t col)
{
	struct stats st;
	double *scratch = malloc(REPS * sizeof *scratch);
	ck_assert_ptr_nonnull(scratch);
	results_stat(run_out.res, col, scratch, &st);
	free(scratch);
	return st;
}

static void free_run(void)
{
	summary_free(run_sum);
	run_sum = NULL;
	sim_output_free(&run_out);
	memset(&run_out, 0, sizeof run_out);
	free(scen);
	scen = NULL;
}

/* ---- folders and files ---- */

static char dir[4096];

static void make_dir(const char *name)
{
	char prefix[64];
	snprintf(prefix, sizeof prefix, "fundsim-charts-%s", name);
	tmpdir_make(dir, sizeof dir, prefix);
}

static void remove_dir(void)
{
	tmpdir_remove(dir);
}

static long file_size(const char *name)
{
	char p[8192];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	struct stat st;
	return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

/* The whole of dir/name, NUL-terminated; caller frees. */
static char *slurp(const char *name, long *len)
{
	char p[8192];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "rb");
	ck_assert_msg(f != NULL, "%s: %s", p, strerror(errno));
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_int_eq((long)fread(buf, 1, (size_t)n, f), n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = n;
	return buf;
}

/* A chart CSV as rows of fields (no field holds a comma or a quote:
 * charts.c writes them so because gnuplot cannot read them). */
#define MAX_ROWS 256
#define MAX_FIELDS 32
struct csv {
	char *text;
	char *f[MAX_ROWS][MAX_FIELDS];
	int nf[MAX_ROWS];
	int n; /* data rows; row 0 is the header */
};

static void csv_read(const char *name, struct csv *c)
{
	memset(c, 0, sizeof *c);
	c->text = slurp(name, NULL);
	char *save = NULL;
	int r = 0;
	for (char *line = strtok_r(c->text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		ck_assert_int_lt(r, MAX_ROWS);
		ck_assert_msg(!strchr(line, '"'), "%s: a quote in: %s", name, line);
		char *p = line;
		for (;;) {
			ck_assert_int_lt(c->nf[r], MAX_FIELDS);
			c->f[r][c->nf[r]++] = p;
			char *comma = strchr(p, ',');
			if (!comma)
				break;
			*comma = '\0';
			p = comma + 1;
		}
		ck_assert_msg(r == 0 || c->nf[r] == c->nf[0], "%s row %d: %d fields, header has %d",
			      name, r, c->nf[r], c->nf[0]);
		r++;
	}
	ck_assert_int_gt(r, 0);
	c->n = r - 1;
}

static int csv_col(const struct csv *c, const char *head)
{
	for (int i = 0; i < c->nf[0]; i++)
		if (strcmp(c->f[0][i], head) == 0)
			return i;
	ck_abort_msg("no column %s", head);
	return -1;
}

/* Field head of data row r (1-based) as text or number. */
static const char *str(const struct csv *c, int r, const char *head)
{
	return c->f[r][csv_col(c, head)];
}

static double num(const struct csv *c, int r, const char *head)
{
	char *end;
	const char *s = str(c, r, head);
	double v = strtod(s, &end);
	ck_assert_msg(*s && !*end, "%s: %s is not a number", head, s);
	return v;
}

static int first_paid(void)
{
	return scen->pol.start_year + scen->pol.payment_lag;
}

static struct chart_opts csv_only(void)
{
	return (struct chart_opts){.s = scen, .seed = 11, .lang = CHART_EN, .draw = false};
}

static void write_csv_only(const char *name)
{
	make_dir(name);
	struct chart_opts co = csv_only();
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err) == 0, "%s",
		      err);
	ck_assert_int_eq(notes.n, 0);
}

/* ---- the histogram (pure) ---- */

static void ck_round_width(double w)
{
	double m = w / pow(10, floor(log10(w)));
	ck_assert_msg(fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 2.5) < 1e-9 ||
			      fabs(m - 5) < 1e-9,
		      "width %g is not 1, 2, 2.5 or 5 times a power of ten", w);
}

static size_t bins_total(const struct chart_bins *b)
{
	size_t t = 0;
	for (int j = 0; j < b->n; j++)
		t += b->count[j];
	return t;
}

START_TEST(histogram_of_equal_values_is_one_bin_holding_them_all)
{
	double x[7] = {3e8, 3e8, 3e8, 3e8, 3e8, 3e8, 3e8};
	struct chart_bins b;
	chart_histogram(x, 1, 7, 0, NAN, &b);
	ck_assert_int_eq(b.n, 1);
	ck_assert_uint_eq(b.count[0], 7);
	ck_assert(b.from < 3e8 && b.from + b.width >= 3e8);
	ck_round_width(b.width);
}
END_TEST

START_TEST(histogram_of_all_zeros_is_one_bin)
{
	double x[3] = {0, 0, 0};
	struct chart_bins b;
	chart_histogram(x, 1, 3, 0, NAN, &b);
	ck_assert_int_eq(b.n, 1);
	ck_assert_uint_eq(b.count[0], 3);
}
END_TEST

START_TEST(histogram_of_nothing_has_no_bins)
{
	struct chart_bins b;
	chart_histogram(NULL, 1, 0, 0, NAN, &b);
	ck_assert_int_eq(b.n, 0);
}
END_TEST

START_TEST(histogram_of_a_single_value_is_one_bin)
{
	double x = 123456.78;
	struct chart_bins b;
	chart_histogram(&x, 1, 1, 0, NAN, &b);
	ck_assert_int_eq(b.n, 1);
	ck_assert_uint_eq(b.count[0], 1);
}
END_TEST

START_TEST(histogram_keeps_between_10_and_60_round_bins_and_every_value)
{
	/* a uniform spread, a very wide one (tiny iqr), a very narrow one */
	static double x[2000];
	const double iqrs[3] = {5e8, 1e3, 2e10};
	for (int t = 0; t < 3; t++) {
		for (int i = 0; i < 2000; i++)
			x[i] = 10e8 + 10e8 * i / 1999.0;
		struct chart_bins b;
		chart_histogram(x, 1, 2000, iqrs[t], NAN, &b);
		ck_assert_msg(b.n >= CHART_MIN_BINS && b.n <= CHART_MAX_BINS, "iqr %g: %d bins",
			      iqrs[t], b.n);
		ck_round_width(b.width);
		ck_assert_uint_eq(bins_total(&b), 2000);
		ck_assert(b.from < x[0] && b.from + b.n * b.width >= x[1999]);
	}
}
END_TEST

START_TEST(histogram_reads_a_strided_column)
{
	double rows[10][3];
	for (int i = 0; i < 10; i++)
		rows[i][0] = -1, rows[i][1] = i * 1e6, rows[i][2] = 1e12;
	struct chart_bins b;
	chart_histogram(&rows[0][1], 3, 10, 4.5e6, NAN, &b);
	ck_assert_uint_eq(bins_total(&b), 10);
	ck_assert(b.from < 0 && b.from + b.n * b.width >= 9e6 && b.from + b.n * b.width < 20e6);
}
END_TEST

START_TEST(histogram_bins_are_closed_on_the_right)
{
	/* in 万元, width 100万 from 0: 100万 belongs to (0, 100万], 200万 to (100万, 200万] */
	double x[] = {0.5, 1.0, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5,
		      5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5};
	size_t n = sizeof x / sizeof x[0];
	for (size_t i = 0; i < n; i++)
		x[i] *= 1e6;
	struct chart_bins b;
	chart_histogram(x, 1, n, 4.5e6, 0, &b);
	ck_assert_double_eq_tol(b.width, 1e6, 1e-6);
	ck_assert_double_eq_tol(b.from, 0, 1e-6);
	ck_assert_uint_eq(b.count[0], 3); /* 50万, 100万, 100万 */
	ck_assert_uint_eq(b.count[1], 2); /* 150万, 200万 */
	ck_assert_uint_eq(bins_total(&b), n);
}
END_TEST

START_TEST(histogram_puts_an_edge_on_the_budget_so_the_bins_above_hold_the_overruns)
{
	const double *col = run_out.rows +
			    sim_money(&run_out.layout, N_LINES, run_out.layout.years, LV_TOTAL);
	size_t w = run_out.layout.width, n = (size_t)run_out.reps;
	struct stats st = col_stat(
		sim_money(&run_out.layout, N_LINES, run_out.layout.years, LV_TOTAL));
	/* budgets at the median, at a value itself, and off any round number */
	double budgets[3] = {st.pct[P50], col[5 * w], st.pct[P50] + 1234567.89};
	for (int t = 0; t < 3; t++) {
		struct chart_bins b;
		chart_histogram(col, w, n, st.pct[P75] - st.pct[P25], budgets[t], &b);
		double k = (budgets[t] - b.from) / b.width;
		ck_assert_msg(fabs(k - round(k)) < 1e-6, "budget %.2f is not an edge", budgets[t]);
		size_t above = 0, over = 0;
		for (int j = (int)round(k); j < b.n; j++)
			above += b.count[j];
		for (size_t i = 0; i < n; i++)
			over += col[i * w] - budgets[t] > CHART_TOL;
		ck_assert_uint_eq(above, over);
	}
}
END_TEST

/* Regression: under suzhou-budget-cap.ini the capped totals come out at
 * 1499999999.99 and 1500000000.00 (fen rounding of the prorata cut), and
 * the chart said 4.4% of outcomes were above a 95th percentile of 15.00亿
 * while 0% exceeded the 15亿 envelope. */
START_TEST(histogram_counts_totals_a_fen_above_the_budget_as_at_it)
{
	double x[40];
	for (int i = 0; i < 40; i++)
		x[i] = 12e8 + 3e8 * i / 39.0;                          /* up to the cap */
	x[37] = 15e8 - 0.01, x[38] = 15e8 + 0.01, x[39] = 15e8 + 0.99; /* float noise */
	struct chart_bins b;
	chart_histogram(x, 1, 40, 1.5e8, 15e8, &b);
	double k = (15e8 - b.from) / b.width;
	ck_assert_double_eq_tol(k, round(k), 1e-9);
	ck_assert_int_eq(b.n, (int)round(k)); /* no bin above the cap */
	ck_assert_uint_eq(bins_total(&b), 40);
}
END_TEST

/* ---- budget envelope, language ---- */

START_TEST(envelope_is_the_total_budget_when_set)
{
	struct policy p = {.years = 3};
	p.model.budget.total = 15 * YI;
	p.model.budget.annual_total = 4 * YI;
	bool annual = true;
	ck_assert_double_eq(chart_envelope(&p, &annual), 15 * YI);
	ck_assert(!annual);
}
END_TEST

/* Not summed over the paid years: those after the policy spend a fraction
 * of it, so 5亿 x 5 years drew 10亿 of room that was not there. */
START_TEST(envelope_is_a_years_annual_envelope_not_their_sum_when_only_annual_ones_are_set)
{
	struct policy p = {.years = 3};
	p.model.budget.annual_total = 5 * YI;
	p.model.budget.annual_municipal = 4.5 * YI; /* a level's envelope is not the total */
	bool annual = false;
	ck_assert_double_eq(chart_envelope(&p, &annual), 5 * YI);
	ck_assert(annual);
}
END_TEST

START_TEST(envelope_is_zero_without_a_budget)
{
	struct policy p = {.years = 3};
	p.model.budget.annual_district = 1 * YI;
	bool annual = true;
	ck_assert_double_eq(chart_envelope(&p, &annual), 0);
	ck_assert(!annual);
}
END_TEST

START_TEST(lang_accepts_en_and_zh_only)
{
	ck_assert_int_eq(chart_lang_parse("en"), CHART_EN);
	ck_assert_int_eq(chart_lang_parse("zh"), CHART_ZH);
	ck_assert_int_eq(chart_lang_parse("ZH"), -1);
	ck_assert_int_eq(chart_lang_parse("cn"), -1);
	ck_assert_int_eq(chart_lang_parse(""), -1);
}
END_TEST

START_TEST(every_chart_kind_has_a_name_and_a_script)
{
	for (int k = 0; k < N_CHART_KINDS; k++) {
		ck_assert_ptr_nonnull(chart_name(k));
		const char *gp = chart_script(k);
		ck_assert_ptr_nonnull(gp);
		char want[64];
		snprintf(want, sizeof want, "# %s.gp - ", chart_name(k));
		ck_assert_msg(strncmp(gp, want, strlen(want)) == 0, "script %d starts: %.40s", k,
			      gp);
		ck_assert_ptr_nonnull(strstr(gp, "datafile"));
	}
}
END_TEST

/* ---- the chart CSV files ---- */

START_TEST(fan_csv_holds_the_percentiles_of_every_year_and_level)
{
	write_csv_only("fan");
	struct csv c;
	csv_read("fan.csv", &c);
	static const char *const lv[N_LEVELS] = {"total", "provincial", "municipal", "district"};
	ck_assert_int_eq(c.n, N_LEVELS * run_out.layout.years);
	for (int r = 1; r <= c.n; r++) {
		int l = (r - 1) / run_out.layout.years, y = (r - 1) % run_out.layout.years;
		ck_assert_str_eq(str(&c, r, "level"), lv[l]);
		ck_assert_int_eq((int)num(&c, r, "paid_year"), first_paid() + y);
		struct stats st = col_stat(sim_money(&run_out.layout, N_LINES, y, l));
		ck_assert_double_eq_tol(num(&c, r, "mean"), st.mean, CENT);
		ck_assert_double_eq_tol(num(&c, r, "p5"), st.pct[P5], CENT);
		ck_assert_double_eq_tol(num(&c, r, "p25"), st.pct[P25], CENT);
		ck_assert_double_eq_tol(num(&c, r, "p50"), st.pct[P50], CENT);
		ck_assert_double_eq_tol(num(&c, r, "p75"), st.pct[P75], CENT);
		ck_assert_double_eq_tol(num(&c, r, "p95"), st.pct[P95], CENT);
	}
	/* districts pay half the city's part here: their band is not empty */
	ck_assert(num(&c, 3 * run_out.layout.years + 1, "p95") > 0);
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(ranked_csv_lists_the_paying_measures_dearest_first_with_their_intervals)
{
	write_csv_only("ranked");
	struct csv c;
	csv_read("ranked.csv", &c);
	double total, sd;
	results_mean_sd(run_out.res,
			sim_money(&run_out.layout, N_LINES, run_out.layout.years, LV_TOTAL), &total,
			&sd);
	int paying = 0; /* the lines in the total: contingent items are charted apart */
	for (int line = 0; line < N_LINES; line++) {
		if (!scen->pol.line[line].in_total)
			continue;
		struct stats st = col_stat(
			sim_money(&run_out.layout, line, run_out.layout.years, LV_TOTAL));
		paying += st.mean > 0 || st.pct[P95] > 0;
	}
	ck_assert_int_eq(c.n, paying);
	double shares = 0;
	for (int r = 1; r <= c.n; r++) {
		ck_assert_int_eq((int)num(&c, r, "rank"), r);
		if (r > 1)
			ck_assert(num(&c, r, "mean") <= num(&c, r - 1, "mean"));
		int line = line_by_name(str(&c, r, "line"));
		ck_assert_int_ge(line, 0);
		struct stats st = col_stat(
			sim_money(&run_out.layout, line, run_out.layout.years, LV_TOTAL));
		ck_assert_double_eq_tol(num(&c, r, "mean"), st.mean, CENT);
		ck_assert_double_eq_tol(num(&c, r, "p5"), st.pct[P5], CENT);
		ck_assert_double_eq_tol(num(&c, r, "p50"), st.pct[P50], CENT);
		ck_assert_double_eq_tol(num(&c, r, "p95"), st.pct[P95], CENT);
		ck_assert_double_eq_tol(num(&c, r, "share"), st.mean / total, 1e-6);
		shares += num(&c, r, "share");
		/* the policy's words: code first in English, clause first in Chinese */
		ck_assert_ptr_eq(strstr(str(&c, r, "label_en"), line_info(line)->name),
				 str(&c, r, "label_en"));
		ck_assert_ptr_eq(strstr(str(&c, r, "label_zh"), line_info(line)->clause),
				 str(&c, r, "label_zh"));
		ck_assert_ptr_nonnull(strstr(str(&c, r, "label_zh"), line_info(line)->zh));
	}
	ck_assert_double_eq_tol(shares, 1, 1e-4);
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(districts_csv_lists_every_district_dearest_first_with_levels_adding_to_the_mean)
{
	write_csv_only("districts");
	struct csv c;
	csv_read("districts.csv", &c);
	ck_assert_ptr_nonnull(summary_district(run_sum, 0, N_LINES, LV_TOTAL));
	bool unnamed = summary_district(run_sum, 0, N_LINES, LV_TOTAL)->mean > 0;
	ck_assert_int_eq(c.n, N_DISTRICTS + unnamed);
	bool seen[N_WHERE] = {false};
	double sum = 0;
	for (int r = 1; r <= c.n; r++) {
		ck_assert_int_eq((int)num(&c, r, "rank"), r);
		if (r > 1)
			ck_assert(num(&c, r, "mean") <= num(&c, r - 1, "mean"));
		const char *name = str(&c, r, "name");
		int d = strcmp(name, "未指定") ? district_parse(name) : 0;
		ck_assert_msg(d > 0 || !strcmp(name, "未指定"), "district %s", name);
		ck_assert(!seen[d]);
		seen[d] = true;
		struct stats st = col_stat(sim_district(&run_out.layout, d, N_LINES, LV_TOTAL));
		ck_assert_double_eq_tol(num(&c, r, "mean"), st.mean, CENT);
		ck_assert_double_eq_tol(num(&c, r, "p5"), st.pct[P5], CENT);
		ck_assert_double_eq_tol(num(&c, r, "p95"), st.pct[P95], CENT);
		ck_assert_double_eq_tol(num(&c, r, "provincial"),
					col_stat(sim_district(&run_out.layout, d, N_LINES,
							      LV_PROVINCIAL))
						.mean,
					CENT);
		/* the segments add up to the bar (to rounding of three cents) */
		ck_assert_double_eq_tol(num(&c, r, "provincial") + num(&c, r, "municipal") +
						num(&c, r, "district"),
					num(&c, r, "mean"), 3 * CENT);
		sum += num(&c, r, "mean");
	}
	/* every recipient is in one district's bar: the bars add up to the total */
	struct stats tot = col_stat(
		sim_money(&run_out.layout, N_LINES, run_out.layout.years, LV_TOTAL));
	ck_assert_double_eq_tol(sum, tot.mean, (N_WHERE + 1) * CENT);
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(stacked_csv_segments_add_up_to_each_years_total_mean)
{
	write_csv_only("stacked");
	struct csv c;
	csv_read("stacked.csv", &c);
	int years = run_out.layout.years, per = c.n / years;
	ck_assert_int_eq(c.n, per * years);
	ck_assert_int_le(per, 9); /* 8 measures by name and the rest together */
	for (int y = 0; y < years; y++) {
		double sum = 0, mean, sd;
		for (int i = 0; i < per; i++) {
			int r = 1 + y * per + i;
			ck_assert_int_eq((int)num(&c, r, "paid_year"), first_paid() + y);
			ck_assert_int_eq((int)num(&c, r, "segment"), i + 1);
			ck_assert_double_eq_tol(num(&c, r, "base"), sum, CENT * (i + 1));
			ck_assert_double_eq_tol(num(&c, r, "top"),
						num(&c, r, "base") + num(&c, r, "mean"), 2 * CENT);
			int line = line_by_name(str(&c, r, "line"));
			if (line >= 0) {
				results_mean_sd(run_out.res,
						sim_money(&run_out.layout, line, y, LV_TOTAL),
						&mean, &sd);
				ck_assert_double_eq_tol(num(&c, r, "mean"), mean, CENT);
			} else {
				ck_assert_str_eq(str(&c, r, "line"), "OTHER");
				ck_assert_int_eq(i, per - 1);
			}
			sum += num(&c, r, "mean");
		}
		results_mean_sd(run_out.res, sim_money(&run_out.layout, N_LINES, y, LV_TOTAL),
				&mean, &sd);
		ck_assert_double_eq_tol(sum, mean, CENT * per);
	}
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(distribution_csv_counts_every_replication_and_marks_the_budget_and_p95)
{
	write_csv_only("distribution");
	struct csv c;
	csv_read("distribution.csv", &c);
	size_t col = sim_money(&run_out.layout, N_LINES, run_out.layout.years, LV_TOTAL);
	struct stats st = col_stat(col);
	double counted = 0, prev_to = NAN, budget = NAN, budget_n = NAN, over_bins = 0;
	int bins = 0, seen = 0;
	for (int r = 1; r <= c.n; r++) {
		const char *k = str(&c, r, "kind");
		if (strcmp(k, "bin") == 0) {
			bins++;
			counted += num(&c, r, "replications");
			ck_assert_double_eq_tol(num(&c, r, "share"),
						num(&c, r, "replications") / REPS, 1e-6);
			if (bins > 1)
				ck_assert_double_eq_tol(num(&c, r, "from"), prev_to, CENT);
			prev_to = num(&c, r, "to");
			if (num(&c, r, "from") >= 15 * YI - CENT)
				over_bins += num(&c, r, "replications");
			continue;
		}
		ck_assert_double_eq(num(&c, r, "from"), num(&c, r, "to"));
		double v = num(&c, r, "from");
		if (strcmp(k, "mean") == 0) {
			ck_assert_double_eq_tol(v, st.mean, CENT);
			seen |= 1;
		} else if (strcmp(k, "p95") == 0) {
			ck_assert_double_eq_tol(v, st.pct[P95], CENT);
			seen |= 2;
		} else if (strcmp(k, "budget") == 0) {
			budget = v, budget_n = num(&c, r, "replications"), seen |= 4;
			double prob, over;
			results_exceed(run_out.res, col, 15 * YI, &prob, &over);
			ck_assert_double_eq_tol(num(&c, r, "share"), prob, 1e-6);
		}
	}
	ck_assert_int_eq(seen, 7);
	ck_assert_int_ge(bins, CHART_MIN_BINS);
	ck_assert_int_le(bins, CHART_MAX_BINS);
	ck_assert_double_eq(counted, REPS);
	ck_assert_double_eq_tol(budget, 15 * YI, CENT);
	ck_assert_double_eq(over_bins, budget_n); /* the dark bars are the overruns */
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(convergence_csv_follows_the_trace_to_the_last_replication)
{
	write_csv_only("convergence");
	struct csv c;
	csv_read("convergence.csv", &c);
	ck_assert_int_eq(c.n, run_out.ntrace);
	ck_assert_int_eq(c.n, (REPS + SIM_BLOCK - 1) / SIM_BLOCK);
	for (int r = 1; r <= c.n; r++) {
		const struct sim_trace *t = &run_out.trace[r - 1];
		ck_assert_int_eq((long)num(&c, r, "replications"), t->reps);
		ck_assert_double_eq_tol(num(&c, r, "mean"), t->mean, CENT);
		ck_assert_double_eq_tol(num(&c, r, "lo95"), t->mean - 1.96 * t->se, 2 * CENT);
		ck_assert_double_eq_tol(num(&c, r, "hi95"), t->mean + 1.96 * t->se, 2 * CENT);
	}
	ck_assert_int_eq((long)num(&c, c.n, "replications"), REPS);
	double mean, sd;
	results_mean_sd(run_out.res,
			sim_money(&run_out.layout, N_LINES, run_out.layout.years, LV_TOTAL), &mean,
			&sd);
	ck_assert_double_eq_tol(num(&c, c.n, "mean"), mean, CENT);
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(scripts_beside_the_csv_are_the_shipped_ones_after_this_runs_defaults)
{
	write_csv_only("scripts");
	for (int k = 0; k < N_CHARTS; k++) {
		char name[64];
		snprintf(name, sizeof name, "%s.gp", chart_name(k));
		long n;
		char *text = slurp(name, &n);
		size_t gl = strlen(chart_script(k));
		ck_assert_int_gt(n, (long)gl);
		ck_assert_str_eq(text + n - (long)gl, chart_script(k));
		ck_assert_ptr_nonnull(strstr(text, "footnote_en = 'Scenario suzhou-draft"));
		ck_assert_ptr_nonnull(strstr(text, "300 replications"));
		ck_assert_ptr_nonnull(strstr(text, "seed 11"));
		ck_assert_ptr_nonnull(strstr(text, "if (!exists(\"lang\")) lang = 'en'"));
		free(text);
	}
	remove_dir();
}
END_TEST

START_TEST(a_streaming_run_writes_every_chart_but_the_histogram_and_says_why)
{
	char err[600] = "";
	struct sim_output o = {0};
	/* a row budget of one byte: statistics stream from the first block */
	struct sim_config c = {.seed = 3, .reps = 40, .threads = 1, .exact_bytes = 1};
	ck_assert_msg(sim_run(&scen->pol, &c, &o, err, sizeof err) == 0, "%s", err);
	ck_assert_ptr_null(o.rows);
	struct summary *sm = summary_of(&o, &scen->pol);
	ck_assert_ptr_nonnull(sm);
	make_dir("stream");
	struct chart_opts co = csv_only();
	struct chart_notes notes;
	ck_assert_msg(charts_write(dir, &co, &o, sm, &notes, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(notes.n, 1);
	ck_assert_ptr_nonnull(strstr(notes.text[0], "distribution"));
	ck_assert_int_eq(file_size("distribution.csv"), -1);
	ck_assert_int_gt(file_size("fan.csv"), 0);
	ck_assert_int_gt(file_size("ranked.csv"), 0);
	summary_free(sm);
	sim_output_free(&o);
	remove_dir();
}
END_TEST

START_TEST(a_missing_folder_is_an_error_naming_the_file)
{
	struct chart_opts co = csv_only();
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_int_eq(charts_write("/nonexistent/fundsim/out", &co, &run_out, run_sum, &notes,
				      err, sizeof err),
			 -1);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/fundsim/out/fan.csv"));
}
END_TEST

/* ---- gnuplot ---- */

static bool have_gnuplot(void)
{
	const char *path = getenv("PATH");
	if (!path)
		return false;
	char *copy = strdup(path), *save = NULL;
	bool found = false;
	for (char *d = strtok_r(copy, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
		char p[4096];
		snprintf(p, sizeof p, "%s/gnuplot", d);
		found = access(p, X_OK) == 0;
	}
	free(copy);
	return found;
}

static void ck_png(const char *name)
{
	long n;
	char *b = slurp(name, &n);
	ck_assert_msg(n > 10 * 1024, "%s: %ld bytes, a chart is more", name, n);
	ck_assert_msg(memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0, "%s: no PNG signature", name);
	/* 1280 x 720: the IHDR chunk's width and height, big-endian */
	const unsigned char *u = (const unsigned char *)b + 16;
	ck_assert_int_eq((u[0] << 24) | (u[1] << 16) | (u[2] << 8) | u[3], 1280);
	ck_assert_int_eq((u[4] << 24) | (u[5] << 16) | (u[6] << 8) | u[7], 720);
	free(b);
}

static void ck_svg(const char *name, const char *must_hold)
{
	long n;
	char *b = slurp(name, &n);
	ck_assert_msg(n > 5 * 1024, "%s: %ld bytes, a chart is more", name, n);
	ck_assert_msg(strncmp(b, "<?xml", 5) == 0 || strncmp(b, "<svg", 4) == 0,
		      "%s does not start as SVG", name);
	ck_assert_msg(strstr(b, "</svg>") != NULL, "%s has no </svg>", name);
	ck_assert_msg(strstr(b, must_hold) != NULL, "%s lacks \"%s\"", name, must_hold);
	free(b);
}

/* No amount below 1亿 written in 亿 ("0.19亿"): 万 there, as the tables. */
static void ck_svg_no_fraction_of_yi(const char *name)
{
	long n;
	char *b = slurp(name, &n);
	for (const char *q = strstr(b, "亿"); q; q = strstr(q + 1, "亿")) {
		const char *d = q;
		while (d > b && (isdigit((unsigned char)d[-1]) || d[-1] == '.' || d[-1] == '-'))
			d--;
		ck_assert_msg(!(d[0] == '0' && d[1] == '.') && !(d[0] == '-' && d[1] == '0'),
			      "%s: %.*s written in 亿", name, (int)(q - d) + 3, d);
	}
	free(b);
}

/* Every chart as PNG and SVG, each with its language's footnote. */
static void draw_all(enum chart_lang lang, const char *folder_name)
{
	if (!have_gnuplot()) {
		fprintf(stderr, "check_charts: gnuplot is not installed: image checks skipped "
				"(make deps installs it)\n");
		return;
	}
	make_dir(folder_name);
	struct chart_opts co = {.s = scen, .seed = 11, .lang = lang, .draw = true};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err) == 0, "%s",
		      err);
	ck_assert_int_eq(notes.n, 0);
	for (int k = 0; k < N_CHARTS; k++) {
		char name[64];
		snprintf(name, sizeof name, "%s.png", chart_name(k));
		ck_png(name);
		snprintf(name, sizeof name, "%s.svg", chart_name(k));
		ck_svg(name, lang == CHART_ZH ? "随机种子 11" : "seed 11");
	}
	/* nothing left behind but the CSV, the scripts and the images */
	DIR *d = opendir(dir);
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			files++;
		else
			ck_assert_msg(strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0,
				      "left behind: %s", e->d_name);
	closedir(d);
	ck_assert_int_eq(files, 4 * N_CHARTS);
	remove_dir();
}

START_TEST(every_chart_is_drawn_as_a_slide_png_and_a_print_svg_in_english)
{
	draw_all(CHART_EN, "en");
}
END_TEST

START_TEST(every_chart_is_drawn_in_chinese_with_the_policys_measure_names)
{
	draw_all(CHART_ZH, "zh");
	if (!have_gnuplot())
		return;
	make_dir("zh-names");
	struct chart_opts co = {.s = scen, .seed = 11, .lang = CHART_ZH, .draw = true};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err) == 0, "%s",
		      err);
	ck_svg("ranked.svg", "第3条 营收首次达1/5/10亿元进档补差奖励");
	ck_svg("fan.svg", "区（县级市）级资金");
	ck_svg_no_fraction_of_yi("fan.svg"); /* 2029-2030 pay under 1亿 */
	ck_svg_no_fraction_of_yi("stacked.svg");
	ck_svg("districts.svg", "苏州工业园区");
	ck_svg("districts.svg", "合计均值与90%区间");
	remove_dir();
}
END_TEST

START_TEST(charts_draw_in_a_folder_whose_name_would_break_a_shell_or_a_gnuplot_string)
{
	if (!have_gnuplot())
		return;
	make_dir("odd 'name' \"q\" $(x) ;");
	struct chart_opts co = {.s = scen, .seed = 11, .lang = CHART_EN, .draw = true};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err) == 0, "%s",
		      err);
	ck_png("fan.png");
	ck_svg("convergence.svg", "</svg>");
	remove_dir();
}
END_TEST

START_TEST(without_gnuplot_every_csv_is_written_and_a_note_says_so_once)
{
	make_dir("nognuplot");
	struct chart_opts co = {.s = scen,
				.seed = 11,
				.draw = true,
				.gnuplot = "/nonexistent/bin/gnuplot"};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err) == 0, "%s",
		      err);
	ck_assert_int_eq(notes.n, 1);
	ck_assert_ptr_nonnull(strstr(notes.text[0], "no charts drawn"));
	ck_assert_ptr_nonnull(strstr(notes.text[0], "gnuplot"));
	for (int k = 0; k < N_CHARTS; k++) {
		char name[64];
		snprintf(name, sizeof name, "%s.csv", chart_name(k));
		ck_assert_int_gt(file_size(name), 0);
		snprintf(name, sizeof name, "%s.gp", chart_name(k));
		ck_assert_int_gt(file_size(name), 0);
		snprintf(name, sizeof name, "%s.png", chart_name(k));
		ck_assert_int_eq(file_size(name), -1);
	}
	remove_dir();
}
END_TEST

START_TEST(a_failing_gnuplot_is_an_error_and_leaves_no_image)
{
	make_dir("failing");
	/* "false" runs and exits 1, as gnuplot does on a script error */
	struct chart_opts co = {.s = scen, .seed = 11, .draw = true, .gnuplot = "false"};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_int_eq(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "fan.png") && strstr(err, "exited with status 1"), "%s", err);
	ck_assert_int_eq(file_size("fan.png"), -1);
	ck_assert_int_gt(file_size("convergence.csv"), 0);
	remove_dir();
}
END_TEST

/* A stand-in for gnuplot in dir, named name, running the shell script
 * text: its path into prog. */
static void make_script(char *prog, size_t n, const char *name, const char *text)
{
	snprintf(prog, n, "%s/%s", dir, name);
	FILE *f = fopen(prog, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(chmod(prog, 0755), 0);
}

/* The part of a stand-in gnuplot's shell script that goes through what
 * chart_draw gives it: each image's outfile='...' (DRAW runs with $out
 * set), then its mark (set print '...'), made after the image. */
#define FAKE_LOOP(draw)                                               \
	"for a in \"$@\"; do\n"                                       \
	"case \"$a\" in\n"                                            \
	"*\"outfile='\"*) out=$(printf '%%s\\n' \"$a\" | sed -n "     \
	"\"s/.*outfile='\\([^']*\\)'.*/\\1/p\")\n" draw "\n;;\n"      \
	"*\"set print '\"*) : > \"$(printf '%%s\\n' \"$a\" | sed -n " \
	"\"s/.*set print '\\([^']*\\)'.*/\\1/p\")\" ;;\n"             \
	"esac\n"                                                      \
	"done\n"

/* A stand-in's drawing of a whole image at $out (the smallest PNG or SVG
 * chart_image_check passes). */
#define FAKE_WHOLE                                                                           \
	"case \"$out\" in\n"                                                                 \
	"*.png) printf '\\211PNG\\r\\n\\032\\n\\0\\0\\0\\0IEND\\256B`\\202' > \"$out\" ;;\n" \
	"*) printf '<svg></svg>\\n' > \"$out\" ;;\n"                                         \
	"esac"

/* A gnuplot that writes whole images, but exits 3 at stacked.svg and
 * ranked.png, logging each start and end in dir/log. */
static void make_picky_gnuplot(char *prog, size_t n)
{
	char text[8192 + 1024];
	snprintf(text, sizeof text,
		 "#!/bin/sh\n"
		 "log='%s/log'\n"
		 "echo start >> \"$log\"\n" FAKE_LOOP(
			 "case \"$out\" in\n"
			 "*/stacked.svg|*/ranked.png) sleep 0.2; echo end >> \"$log\"; exit 3 ;;\n"
			 "esac\n" FAKE_WHOLE) "echo end >> \"$log\"\n",
		 dir);
	make_script(prog, n, "picky-gnuplot", text);
}

/* The images are drawn several at once: a failure is the first in the
 * order drawn one by one would meet (fan, stacked, distribution, ranked,
 * ...: stacked.svg before ranked.png), every gnuplot started has ended
 * when charts_write returns, and no private folder is left. */
START_TEST(images_drawn_at_once_say_the_first_failure_in_order_and_leave_nothing_running)
{
	make_dir("picky");
	char prog[8192];
	make_picky_gnuplot(prog, sizeof prog);
	struct chart_opts co = {.s = scen, .seed = 11, .draw = true, .gnuplot = prog};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_int_eq(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "/stacked.svg: ") && strstr(err, "exited with status 3"), "%s",
		      err);
	ck_assert_int_gt(file_size("fan.png"), 0); /* drawn before it: in place */
	ck_assert_int_gt(file_size("stacked.png"), 0);
	ck_assert_int_eq(file_size("stacked.svg"), -1);
	ck_assert_int_eq(file_size("ranked.png"), -1);
	long len;
	char *log = slurp("log", &len);
	int starts = 0, ends = 0;
	for (char *p = log; (p = strstr(p, "start")); p++)
		starts++;
	for (char *p = log; (p = strstr(p, "end")); p++)
		ends++;
	free(log);
	/* one gnuplot draws several images: fewer than the 12 */
	ck_assert_int_ge(starts, 1);
	ck_assert_int_lt(starts, 2 * N_CHARTS);
	ck_assert_int_eq(ends, starts);
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d)))
		ck_assert_msg(strncmp(e->d_name, ".draw-", 6) != 0, "left behind: %s", e->d_name);
	closedir(d);
	remove_dir();
}
END_TEST

/* A gnuplot that ends well without drawing distribution.png (nor what
 * it would draw after it): the image is named, not passed over. */
START_TEST(an_image_gnuplot_did_not_draw_is_an_error_naming_it)
{
	make_dir("skips");
	char prog[8192], text[4096];
	snprintf(text, sizeof text,
		 "#!/bin/sh\n" FAKE_LOOP("case \"$out\" in */distribution.png) exit 0 ;; "
					 "esac\n" FAKE_WHOLE));
	make_script(prog, sizeof prog, "skipping-gnuplot", text);
	struct chart_opts co = {.s = scen, .seed = 11, .draw = true, .gnuplot = prog};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_int_eq(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "/distribution.png: gnuplot did not draw it"), "%s", err);
	ck_assert_int_gt(file_size("stacked.svg"), 0); /* before it in order: in place */
	ck_assert_int_eq(file_size("distribution.png"), -1);
	remove_dir();
}
END_TEST

/* A gnuplot that draws every image whole and marks it, then exits 1:
 * still an error, said at the last image one of them drew. */
START_TEST(a_gnuplot_that_fails_after_drawing_is_an_error)
{
	make_dir("late");
	char prog[8192], text[4096];
	snprintf(text, sizeof text, "#!/bin/sh\n" FAKE_LOOP(FAKE_WHOLE) "exit 1\n");
	make_script(prog, sizeof prog, "late-gnuplot", text);
	struct chart_opts co = {.s = scen, .seed = 11, .draw = true, .gnuplot = prog};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_int_eq(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err), -1);
	ck_assert_msg(strstr(err, ".svg: ") && strstr(err, "exited with status 1"), "%s", err);
	remove_dir();
}
END_TEST

/* s without SVG groups that hold nothing ("<g ...>\n</g>\n"), in place. */
static void drop_empty_groups(char *s)
{
	char *out = s;
	for (char *p = s; *p;) {
		char *close = strncmp(p, "<g ", 3) == 0 ? strstr(p, ">\n</g>\n") : NULL;
		if (close && !memchr(p, '\n', (size_t)(close - p))) {
			p = close + 7;
			continue;
		}
		*out++ = *p++;
	}
	*out = '\0';
}

/* One gnuplot draws several images, each after `reset session`: each is
 * the image gnuplot draws from the same script alone, to the byte. But
 * for one thing: gnuplot's SVG terminal carries the last colour of one
 * SVG into the stroke of the next one's first group, which is empty
 * (nothing drawn with it). */
START_TEST(images_drawn_together_are_the_images_drawn_alone)
{
	if (!have_gnuplot())
		return;
	make_dir("together");
	struct chart_opts co = {.s = scen, .seed = 11, .lang = CHART_ZH, .draw = true};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err) == 0, "%s",
		      err);
	for (int k = 0; k < N_CHARTS; k++) {
		for (int x = 0; x < 2; x++) {
			const char *ext = x ? "svg" : "png";
			char cmd[9000], name[64], alone[64];
			snprintf(name, sizeof name, "%s.%s", chart_name(k), ext);
			snprintf(alone, sizeof alone, "alone-%s", name);
			snprintf(cmd, sizeof cmd,
				 "cd '%s' && gnuplot -e \"datafile='%s.csv'; outfile='%s'\" %s.gp",
				 dir, chart_name(k), alone, chart_name(k));
			ck_assert_int_eq(system(cmd), 0);
			long na, nb;
			char *a = slurp(name, &na), *b = slurp(alone, &nb);
			if (x) {
				drop_empty_groups(a);
				drop_empty_groups(b);
				ck_assert_msg(strcmp(a, b) == 0,
					      "%s differs from its drawing alone", name);
			} else {
				ck_assert_msg(na == nb && memcmp(a, b, (size_t)na) == 0,
					      "%s differs from its drawing alone", name);
			}
			free(a);
			free(b);
		}
	}
	remove_dir();
}
END_TEST

/* ---- what gnuplot is given: quoted literals, whole images ---- */

static void ck_quote(const char *s, const char *want)
{
	char buf[512];
	size_t n = chart_gp_quote(buf, sizeof buf, s);
	ck_assert_str_eq(buf, want);
	ck_assert_uint_eq(n, strlen(want));
	ck_assert_uint_le(n + 1, CHART_GP_QUOTED(strlen(s)));
}

START_TEST(gp_quote_doubles_a_quote_after_text_and_leaves_everything_else_as_it_is)
{
	ck_quote("", "''");
	ck_quote("suzhou-draft", "'suzhou-draft'");
	ck_quote("it's", "'it''s'");
	ck_quote("a`touch pwned`b", "'a`touch pwned`b'");
	ck_quote("x\"; system(\"touch pwned\"); \"", "'x\"; system(\"touch pwned\"); \"'");
	ck_quote("@m \\ # $(x) 情景", "'@m \\ # $(x) 情景'");
}
END_TEST

/* gnuplot's scanner reads '' as a quote only after another byte of the
 * literal: '''' is an empty string and a stray '', not "'". */
START_TEST(gp_quote_gives_a_leading_or_doubled_quote_as_a_value_between_literals)
{
	ck_quote("'", "''.sprintf('%c',39).''");
	ck_quote("'a", "''.sprintf('%c',39).'a'");
	ck_quote("a''b", "'a'''.sprintf('%c',39).'b'");
	ck_quote("'; system('touch pwned'); '",
		 "''.sprintf('%c',39).'; system(''touch pwned''); '''");
}
END_TEST

START_TEST(gp_quote_drops_line_breaks_and_control_bytes_so_the_string_keeps_its_line)
{
	ck_quote("a\nsystem('touch pwned')\rb", "'asystem(''touch pwned'')b'");
	ck_quote("\t\x01\x1b\x7f"
		 "end",
		 "'end'");
}
END_TEST

START_TEST(gp_quote_too_long_for_its_buffer_gives_nothing_rather_than_half_a_string)
{
	char buf[6] = "xxxxx";
	ck_assert_uint_eq(chart_gp_quote(buf, sizeof buf, "ab'c"), 7);
	ck_assert_str_eq(buf, "");
	ck_assert_uint_eq(chart_gp_quote(buf, sizeof buf, "abc"), 5);
	ck_assert_str_eq(buf, "'abc'");
}
END_TEST

/* Every string of up to 4 of these pieces, quoted, then printed back by
 * gnuplot: it must read each as itself (line breaks dropped) and run
 * nothing. x is a string variable, so an @x expanded would show. */
START_TEST(every_short_string_of_quotes_and_specials_reads_back_in_gnuplot_as_itself)
{
	if (!have_gnuplot())
		return;
	static const char *const piece[] = {"'", "a", "@x", "`touch pwned`", "\"", "\\", "\n", "#"};
	enum { NP = sizeof piece / sizeof *piece, MAXLEN = 4 };
	make_dir("quote");
	char path[8192];
	snprintf(path, sizeof path, "%s/t.gp", dir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("set print '-'\nx = 'EXPANDED'\n", f);
	int total = 0;
	for (int len = 0; len <= MAXLEN; len++) {
		int count = 1;
		for (int i = 0; i < len; i++)
			count *= NP;
		for (int c = 0; c < count; c++, total++) {
			char s[64] = "", q[CHART_GP_QUOTED(64)];
			for (int i = 0, v = c; i < len; i++, v /= NP)
				strcat(s, piece[v % NP]);
			ck_assert_uint_lt(chart_gp_quote(q, sizeof q, s), sizeof q);
			fprintf(f, "v = %s\nprint '<'.v.'>'\n", q);
		}
	}
	fclose(f);
	char cmd[9000];
	snprintf(cmd, sizeof cmd, "cd '%s' && gnuplot t.gp > t.out 2>&1", dir);
	int status = system(cmd);
	char *got = slurp("t.out", NULL), *line = got;
	for (int len = 0, n = 0; len <= MAXLEN; len++) {
		int count = 1;
		for (int i = 0; i < len; i++)
			count *= NP;
		for (int c = 0; c < count; c++, n++) {
			char want[80] = "<";
			for (int i = 0, v = c; i < len; i++, v /= NP)
				if (strcmp(piece[v % NP], "\n") != 0)
					strcat(want, piece[v % NP]);
			strcat(want, ">");
			size_t wl = strlen(want);
			ck_assert_msg(strncmp(line, want, wl) == 0 && line[wl] == '\n',
				      "string %d: want %s, gnuplot printed: %.200s", n, want, line);
			line += wl + 1;
		}
	}
	ck_assert_str_eq(line, "");
	ck_assert_int_eq(status, 0);
	free(got);
	ck_assert_int_eq(file_size("pwned"), -1);
	remove_dir();
}
END_TEST

/* Words and characters that make gnuplot run text as code or a command. */
static const char *const code_words[] = {"eval", "system", "load", "call", "exec", "@", "`"};

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Regression: every script built a `set label` command from the title
 * (which can hold a scenario name from the CSV) and ran it with eval, so
 * a name with backquotes ran a shell command. Outside comments and
 * single-quoted strings, no script names any of code_words. */
START_TEST(no_chart_script_evaluates_text_as_code)
{
	for (int k = 0; k < N_CHART_KINDS; k++) {
		const char *gp = chart_script(k);
		ck_assert_msg(strstr(gp, "# Safety: data is only ever read as data here"),
			      "%s.gp does not state the rule", chart_name(k));
		int line = 1;
		char quote = 0;
		for (const char *c = gp; *c; c++) {
			if (*c == '\n') {
				line++, quote = 0;
				continue;
			}
			if (!quote && *c == '#') { /* a comment, to the end of the line */
				c += strcspn(c, "\n") - 1;
				continue;
			}
			if (quote == '"' && *c == '\\' && c[1]) {
				c++;
				continue;
			}
			if (*c == '\'' || *c == '"') {
				quote = !quote ? *c : quote == *c ? 0 : quote;
				continue;
			}
			if (quote == '\'') /* nothing is substituted between single quotes */
				continue;
			for (size_t w = 0; w < sizeof code_words / sizeof *code_words; w++) {
				size_t n = strlen(code_words[w]);
				bool word = n > 1;
				if (strncmp(c, code_words[w], n) != 0)
					continue;
				if (word && ((c > gp && word_char(c[-1])) || word_char(c[n])))
					continue;
				if (!quote || !word)
					ck_abort_msg("%s.gp:%d: %s", chart_name(k), line,
						     code_words[w]);
			}
		}
	}
}
END_TEST

static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
static const unsigned char png_iend[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82};

/* dir/name holding na bytes of a, then nb of b. */
static void put_file(const char *name, const void *a, size_t na, const void *b, size_t nb)
{
	char p[8192];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "wb");
	ck_assert_ptr_nonnull(f);
	if (na)
		fwrite(a, 1, na, f);
	if (nb)
		fwrite(b, 1, nb, f);
	fclose(f);
}

static int check_image(const char *name, char *err, size_t errlen)
{
	char p[8192];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	err[0] = '\0';
	return chart_image_check(p, err, errlen);
}

START_TEST(image_check_passes_a_whole_png_and_svg)
{
	make_dir("image-ok");
	unsigned char png[8 + 13 + 12];
	memcpy(png, png_sig, 8);
	memset(png + 8, 7, 13); /* stands for the chunks between */
	memcpy(png + 21, png_iend, 12);
	put_file("a.png", png, sizeof png, NULL, 0);
	const char svg[] = "<?xml version=\"1.0\"?>\n<svg>\n</svg>\n\n";
	put_file("a.svg", svg, strlen(svg), NULL, 0);
	char err[300];
	ck_assert_msg(check_image("a.png", err, sizeof err) == 0, "%s", err);
	ck_assert_msg(check_image("a.svg", err, sizeof err) == 0, "%s", err);
	remove_dir();
}
END_TEST

START_TEST(image_check_finds_a_truncated_empty_or_unsigned_png_and_an_svg_without_its_end)
{
	make_dir("image-bad");
	unsigned char body[4000];
	memset(body, 0x5a, sizeof body);
	put_file("cut.png", png_sig, 8, body, sizeof body); /* a full disk cut it */
	put_file("empty.png", NULL, 0, NULL, 0);
	put_file("sig-only.png", png_sig, 8, NULL, 0);
	put_file("unsigned.png", body, 100, png_iend, 12);
	put_file("cut-iend.png", png_sig, 8, png_iend, 11);
	const char svg[] = "<?xml version=\"1.0\"?>\n<svg>\n<g>\n";
	put_file("cut.svg", svg, strlen(svg), NULL, 0);
	put_file("empty.svg", NULL, 0, NULL, 0);
	put_file("after.svg", "<svg></svg>x", 12, NULL, 0);
	static const char *const bad[] = {"cut.png",      "empty.png",    "sig-only.png",
					  "unsigned.png", "cut-iend.png", "cut.svg",
					  "empty.svg",    "after.svg"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char err[300];
		ck_assert_int_eq(check_image(bad[i], err, sizeof err), -1);
		ck_assert_msg(strstr(err, "gnuplot wrote an incomplete image (disk full?)"),
			      "%s: %s", bad[i], err);
	}
	char err[300];
	ck_assert_int_eq(check_image("missing.png", err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "no image"));
	remove_dir();
}
END_TEST

START_TEST(image_check_does_not_follow_a_symlink)
{
	make_dir("image-link");
	unsigned char png[20];
	memcpy(png, png_sig, 8);
	memcpy(png + 8, png_iend, 12);
	put_file("real.png", png, sizeof png, NULL, 0);
	char p[8192];
	snprintf(p, sizeof p, "%s/link.png", dir);
	ck_assert_int_eq(symlink("real.png", p), 0);
	char err[300];
	ck_assert_int_eq(check_image("real.png", err, sizeof err), 0);
	ck_assert_int_eq(check_image("link.png", err, sizeof err), -1);
	remove_dir();
}
END_TEST

/* A file beside dir (outside it) that must stay as it is: its path into buf. */
static void make_victim(char *buf, size_t n)
{
	snprintf(buf, n, "%s.victim", dir);
	FILE *f = fopen(buf, "w");
	ck_assert_ptr_nonnull(f);
	fputs("the user's own file\n", f);
	fclose(f);
}

static void ck_victim_untouched(const char *victim)
{
	FILE *f = fopen(victim, "r");
	ck_assert_ptr_nonnull(f);
	char line[100] = "";
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	ck_assert_str_eq(line, "the user's own file\n");
	ck_assert_int_eq(fgetc(f), EOF);
	fclose(f);
	unlink(victim);
}

static void plant(const char *name, const char *target)
{
	char p[8192];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	ck_assert_int_eq(symlink(target, p), 0);
}

/* Regression: gnuplot wrote .NAME.PID.tmp.EXT in the output folder, a
 * name anyone could guess and plant a symlink at; the image went through
 * it into the file it pointed to. */
START_TEST(symlinks_planted_at_the_images_names_are_not_written_through)
{
	if (!have_gnuplot())
		return;
	make_dir("planted");
	char victim[8192];
	make_victim(victim, sizeof victim);
	long pid = (long)getpid(); /* draw() runs in this process */
	static const char *const ext[] = {"png", "svg", "csv", "gp"};
	for (int k = 0; k < N_CHARTS; k++) {
		for (int x = 0; x < 4; x++) {
			char name[128];
			snprintf(name, sizeof name, ".%s.%ld.tmp.%s", chart_name(k), pid, ext[x]);
			plant(name, victim);
			snprintf(name, sizeof name, "%s.%s", chart_name(k), ext[x]);
			plant(name, victim);
		}
	}
	struct chart_opts co = {.s = scen, .seed = 11, .lang = CHART_EN, .draw = true};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err) == 0, "%s",
		      err);
	ck_png("fan.png");
	char p[8192];
	snprintf(p, sizeof p, "%s/fan.png", dir);
	struct stat st;
	ck_assert_int_eq(lstat(p, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	ck_victim_untouched(victim);
	remove_dir();
}
END_TEST

/* A stand-in for gnuplot that exits 0 after writing the first bytes of a
 * PNG only, as gnuplot does on a full disk. */
static void make_cut_gnuplot(char *prog, size_t n)
{
	char text[4096];
	snprintf(text, sizeof text,
		 "#!/bin/sh\n" FAKE_LOOP("printf '\\211PNG\\r\\n\\032\\nIHDR' > \"$out\""));
	make_script(prog, n, "cut-gnuplot", text);
}

START_TEST(an_incomplete_image_is_an_error_naming_it_and_is_not_put_in_place)
{
	make_dir("cut");
	char prog[8192];
	make_cut_gnuplot(prog, sizeof prog);
	struct chart_opts co = {.s = scen, .seed = 11, .draw = true, .gnuplot = prog};
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_int_eq(charts_write(dir, &co, &run_out, run_sum, &notes, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "/fan.png: gnuplot wrote an incomplete image (disk full?)"), "%s",
		      err);
	ck_assert_int_eq(file_size("fan.png"), -1);
	DIR *d = opendir(dir); /* and no private folder is left behind */
	struct dirent *e;
	while ((e = readdir(d)))
		ck_assert_msg(strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
				      e->d_name[0] != '.',
			      "left behind: %s", e->d_name);
	closedir(d);
	remove_dir();
}
END_TEST

/* ---- the studies' charts ---- */

#define STUDY_REPS 40

static struct scenario *alt_scen;
static struct study_sweep sweep1, sweep2;
static struct study_tornado tornado;
static struct study_compare compare;
static struct study_sobol sobol;

static int key_index(const char *key)
{
	char err[ERR_LEN];
	int i = params_key(key, err, sizeof err);
	ck_assert_msg(i >= 0, "%s", err);
	return i;
}

static void key_words(int i, char *buf, size_t n)
{
	size_t np;
	const struct param_def *d = params_table(&np);
	snprintf(buf, n, "%s.%s", d[i].section, d[i].key);
}

/* A sweep of one key and of two, a tornado of three keys with its spider
 * data, a comparison and Sobol indices of two ranges: small, one thread. */
static void make_studies(void)
{
	char err[ERR_LEN] = "";
	char *sets[] = {"firms.count=uniform(300, 500)", "funding.district_share=50%",
			"sensitivity.growth.mean=5%:13%", "sensitivity.m3c.amount=50万:150万"};
	scen = calloc(1, sizeof *scen);
	alt_scen = calloc(1, sizeof *alt_scen);
	ck_assert(scen && alt_scen);
	ck_assert_msg(scenario_open(scen, NULL, sets, 4, err, sizeof err) == 0, "%s", err);
	char *alt_sets[] = {"firms.count=uniform(300, 500)", "funding.district_share=0%",
			    "m3c.amount=150万"};
	ck_assert_msg(scenario_open(alt_scen, NULL, alt_sets, 3, err, sizeof err) == 0, "%s", err);
	snprintf(alt_scen->name, sizeof alt_scen->name, "draft-m3c-150");
	struct study_cfg c = {.seed = 5, .reps = STUDY_REPS, .threads = 1};
	struct study_axis ax[2];
	ck_assert(study_axis_parse("m1a.cap=50万:150万:50万", 200, &ax[0], err, sizeof err) == 0);
	ck_assert_int_eq(study_sweep(scen, ax, 1, &c, &sweep1, err, sizeof err), STUDY_OK);
	ck_assert(study_axis_parse("m3c.amount=50万:100万:50万", 200, &ax[1], err, sizeof err) ==
		  0);
	ck_assert_int_eq(study_sweep(scen, ax, 2, &c, &sweep2, err, sizeof err), STUDY_OK);
	struct study_range keys[3] =
		{{.param = key_index("m1a.cap")},
		 {.param = key_index("m3c.amount")},
		 {.param = key_index("growth.mean"), .given = true, .lo = 0.05, .hi = 0.13}};
	ck_assert_int_eq(study_tornado(scen, keys, 3, 0.2, 10, &c, &tornado, err, sizeof err),
			 STUDY_OK);
	struct sim_output b = {0}, a = {0};
	ck_assert_int_eq(study_run(&scen->pol, &c, &b, err, sizeof err), STUDY_OK);
	ck_assert_int_eq(study_run(&alt_scen->pol, &c, &a, err, sizeof err), STUDY_OK);
	int fp = scen->pol.start_year + scen->pol.payment_lag;
	ck_assert_int_eq(study_compare(&b, fp, &a, fp, &compare, err, sizeof err), STUDY_OK);
	sim_output_free(&a);
	sim_output_free(&b);
	struct study_cfg sc = {.seed = 5, .reps = 10, .threads = 1};
	ck_assert_int_eq(study_sobol_sim(scen, 8, 50, &sc, &sobol, err, sizeof err), STUDY_OK);
}

static void free_studies(void)
{
	study_sweep_free(&sweep1);
	study_sweep_free(&sweep2);
	study_tornado_free(&tornado);
	study_compare_free(&compare);
	study_sobol_free(&sobol);
	free(scen);
	free(alt_scen);
	scen = alt_scen = NULL;
}

static struct chart_opts study_opts(bool draw, enum chart_lang lang)
{
	return (struct chart_opts){.s = scen, .seed = 5, .lang = lang, .draw = draw};
}

/* Row r's cell against a study cell of TOTAL at some level. */
static void ck_cell(const struct csv *c, int r, const struct study_cell *cell)
{
	ck_assert_double_eq_tol(num(c, r, "mean"), cell->mean, CENT);
	ck_assert_double_eq_tol(num(c, r, "p5"), cell->p5, CENT);
	ck_assert_double_eq_tol(num(c, r, "p95"), cell->p95, CENT);
	ck_assert_double_eq_tol(num(c, r, "diff"), cell->d.mean, CENT);
	ck_assert_double_eq_tol(num(c, r, "diff_lo"), cell->d.lo, CENT);
	ck_assert_double_eq_tol(num(c, r, "diff_hi"), cell->d.hi, CENT);
}

static int level_of(const char *name)
{
	static const char *const lv[N_LEVELS] = {"total", "provincial", "municipal", "district"};
	for (int i = 0; i < N_LEVELS; i++)
		if (strcmp(name, lv[i]) == 0)
			return i;
	ck_abort_msg("no level %s", name);
	return -1;
}

START_TEST(sweep_chart_csv_holds_each_values_mean_and_band_per_level_base_first)
{
	make_dir("sweep");
	struct chart_opts co = study_opts(false, CHART_EN);
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_sweep(dir, &co, &sweep1, &notes, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(notes.n, 0);
	ck_assert_int_eq(file_size("sweep_chart.png"), -1); /* draw false: no gnuplot */
	ck_assert_int_gt(file_size("sweep_chart.gp"), 0);
	struct csv c;
	csv_read("sweep_chart.csv", &c);
	ck_assert_int_eq(c.n, N_LEVELS * (1 + sweep1.npoints));
	for (int r = 1; r <= c.n; r++) {
		int lv = level_of(str(&c, r, "level")), p = (int)num(&c, r, "point");
		ck_assert_int_eq(lv, (r - 1) / (1 + sweep1.npoints)); /* a level's rows together */
		ck_assert_int_eq(p, (r - 1) % (1 + sweep1.npoints));  /* the base case first */
		ck_assert_str_eq(str(&c, r, "key1"), "m1a.cap");
		ck_assert_str_eq(str(&c, r, "unit1"), "yuan");
		/* what it means first, for a chart's title: the key alone tells a
		 * reader nothing */
		ck_assert_str_eq(str(&c, r, "label1_en"), "cap of the award (m1a.cap)");
		ck_assert_str_eq(str(&c, r, "label1_zh"), "M1A 奖励上限（m1a.cap）");
		ck_assert_str_eq(str(&c, r, "key2"), "");
		if (p == 0) {
			ck_assert_double_eq(num(&c, r, "value1"), sweep1.base_value[0]);
			ck_assert_str_eq(str(&c, r, "text1"), "100万");
			ck_cell(&c, r, &sweep1.base[N_LINES][lv]);
			ck_assert_double_eq(num(&c, r, "diff"), 0);
		} else {
			ck_assert_double_eq(num(&c, r, "value1"), sweep1.point[p - 1].value[0]);
			ck_assert_int_eq((int)num(&c, r, "index1"), p);
			ck_cell(&c, r, &sweep1.point[p - 1].cell[N_LINES][lv]);
		}
	}
	ck_assert_str_eq(str(&c, 2, "text1"), "50万");
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(sweep_chart_csv_of_two_keys_keeps_each_line_of_the_second_key_together)
{
	make_dir("sweep2");
	struct chart_opts co = study_opts(false, CHART_EN);
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_sweep(dir, &co, &sweep2, &notes, err, sizeof err) == 0, "%s", err);
	struct csv c;
	csv_read("sweep_chart.csv", &c);
	int n1 = sweep2.axis[0].n, n2 = sweep2.axis[1].n, per = 1 + n1 * n2;
	ck_assert_int_eq(n2, 2);
	ck_assert_int_eq(c.n, N_LEVELS * per);
	for (int r = 1; r <= c.n; r++) {
		int lv = level_of(str(&c, r, "level")), k = (r - 1) % per;
		ck_assert_int_eq(lv, (r - 1) / per);
		ck_assert_str_eq(str(&c, r, "key2"), "m3c.amount");
		if (k == 0) {
			ck_assert_int_eq((int)num(&c, r, "point"), 0);
			ck_assert_str_eq(str(&c, r, "text2"),
					 "100万"); /* the scenario's own value */
			ck_cell(&c, r, &sweep2.base[N_LINES][lv]);
			continue;
		}
		/* line i2 holds rows k = 1 + i2 n1 ... with the first key rising */
		int i2 = (k - 1) / n1, i1 = (k - 1) % n1, p = i1 * n2 + i2;
		ck_assert_int_eq((int)num(&c, r, "index1"), i1 + 1);
		ck_assert_int_eq((int)num(&c, r, "index2"), i2 + 1);
		ck_assert_int_eq((int)num(&c, r, "point"), p + 1);
		ck_assert_double_eq(num(&c, r, "value1"), sweep2.point[p].value[0]);
		ck_assert_double_eq(num(&c, r, "value2"), sweep2.point[p].value[1]);
		ck_cell(&c, r, &sweep2.point[p].cell[N_LINES][lv]);
	}
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(tornado_chart_csv_keeps_the_bars_in_order_of_swing_with_their_values)
{
	make_dir("tornado");
	struct chart_opts co = study_opts(false, CHART_EN);
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_tornado(dir, &co, &tornado, &notes, err, sizeof err) == 0, "%s", err);
	struct csv c;
	csv_read("tornado_chart.csv", &c);
	ck_assert_int_eq(tornado.nbars, 3);
	ck_assert_int_eq(c.n, 3);
	for (int r = 1; r <= c.n; r++) {
		const struct study_bar *b = &tornado.bar[r - 1];
		char key[96];
		key_words(b->param, key, sizeof key);
		ck_assert_int_eq((int)num(&c, r, "rank"), r);
		ck_assert_str_eq(str(&c, r, "key"), key);
		if (r > 1)
			ck_assert(num(&c, r, "swing") <= num(&c, r - 1, "swing"));
		ck_assert_double_eq_tol(num(&c, r, "swing"),
					fabs(num(&c, r, "mean_high") - num(&c, r, "mean_low")),
					2 * CENT);
		ck_assert_double_eq_tol(num(&c, r, "swing"), b->swing, CENT);
		ck_assert_double_eq_tol(num(&c, r, "mean_base"), tornado.base.mean, CENT);
		ck_assert_double_eq_tol(num(&c, r, "p5_base"), tornado.base.p5, CENT);
		ck_assert_double_eq_tol(num(&c, r, "mean_low"), b->mean_low, CENT);
		ck_assert_double_eq_tol(num(&c, r, "mean_high"), b->mean_high, CENT);
		ck_assert_double_eq_tol(num(&c, r, "diff_low"), b->d_low.mean, CENT);
		ck_assert_double_eq_tol(num(&c, r, "diff_high_hi"), b->d_high.hi, CENT);
		ck_assert_double_eq(num(&c, r, "low"), b->low);
		ck_assert_double_eq(num(&c, r, "high"), b->high);
		ck_assert_str_eq(str(&c, r, "range"), b->given ? "given" : "-20%:+20%");
		ck_assert_int_eq((int)num(&c, r, "bars"), 3);
		if (strcmp(key, "m1a.cap") == 0) {
			ck_assert_str_eq(str(&c, r, "low_text"), "80万");
			ck_assert_str_eq(str(&c, r, "high_text"), "120万");
		} else if (strcmp(key, "growth.mean") == 0) {
			ck_assert_str_eq(str(&c, r, "low_text"), "5%");
			ck_assert_str_eq(str(&c, r, "high_text"), "13%");
		}
	}
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(tornado_chart_shows_the_20_largest_swings_and_says_how_many_there_were)
{
	int keys[64];
	int nk = study_policy_keys(scen, keys, 64);
	ck_assert_int_ge(nk, 25);
	struct study_tornado t = {.pct = 0.2, .reps = 10, .nbars = 25};
	t.base.mean = 10e8;
	t.bar = calloc(25, sizeof *t.bar);
	ck_assert_ptr_nonnull(t.bar);
	for (int k = 0; k < 25; k++) {
		double d = (25 - k) * 1e6;
		t.bar[k] = (struct study_bar){.param = keys[k],
					      .base = 1,
					      .low = 0.8,
					      .high = 1.2,
					      .mean_low = 10e8 - d,
					      .mean_high = 10e8 + d,
					      .d_low = {-d, 0, -d, -d},
					      .d_high = {d, 0, d, d},
					      .swing = 2 * d};
	}
	make_dir("tornado25");
	struct chart_opts co = study_opts(false, CHART_EN);
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_tornado(dir, &co, &t, &notes, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(file_size("spider_chart.csv"), -1); /* no spider data, no spider */
	struct csv c;
	csv_read("tornado_chart.csv", &c);
	ck_assert_int_eq(c.n, CHART_TORNADO_BARS);
	ck_assert_int_eq((int)num(&c, 1, "bars"), 25);
	ck_assert_double_eq_tol(num(&c, CHART_TORNADO_BARS, "swing"), 12e6, CENT);
	free(c.text);
	free(t.bar);
	remove_dir();
}
END_TEST

START_TEST(spider_chart_csv_follows_the_tornados_order_and_measures_the_real_change)
{
	make_dir("spider");
	struct chart_opts co = study_opts(false, CHART_EN);
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_tornado(dir, &co, &tornado, &notes, err, sizeof err) == 0, "%s", err);
	struct csv c;
	csv_read("spider_chart.csv", &c);
	ck_assert_int_eq(c.n, tornado.nspider);
	for (int r = 1; r <= c.n; r++) {
		const struct study_spider *sp = &tornado.spider[r - 1];
		int rank = (int)num(&c, r, "rank");
		const struct study_bar *b = &tornado.bar[rank - 1];
		char key[96];
		key_words(b->param, key, sizeof key);
		ck_assert_str_eq(str(&c, r, "key"), key); /* rank k is the tornado's k-th bar */
		ck_assert_int_eq(sp->param, b->param);
		ck_assert_double_eq(num(&c, r, "pct"), sp->pct);
		ck_assert_double_eq_tol(num(&c, r, "mean"), sp->mean, CENT);
		ck_assert_double_eq_tol(num(&c, r, "diff"), sp->d.mean, CENT);
		ck_assert_double_eq_tol(num(&c, r, "change"), 100 * (sp->value / b->base - 1),
					1e-4);
		if (sp->pct == 0) {
			ck_assert_double_eq(num(&c, r, "change"), 0);
			ck_assert_double_eq_tol(num(&c, r, "mean"), tornado.base.mean, CENT);
		}
		if (strcmp(key, "m1a.cap") == 0) /* an amount moves by exactly the step */
			ck_assert_double_eq_tol(num(&c, r, "change"), sp->pct, 1e-4);
	}
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(sobol_chart_csv_lists_the_ranges_by_total_index_with_their_intervals)
{
	make_dir("sobol");
	struct chart_opts co = study_opts(false, CHART_EN);
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_sobol(dir, &co, &sobol, 10, &notes, err, sizeof err) == 0, "%s", err);
	struct csv c;
	csv_read("sobol_chart.csv", &c);
	ck_assert_int_eq(c.n, sobol.k);
	ck_assert_int_eq(c.n, 2);
	for (int r = 1; r <= c.n; r++) {
		int i = -1;
		for (int q = 0; q < scen->nsens; q++) {
			char key[96];
			key_words(scen->sens[q].param, key, sizeof key);
			if (strcmp(key, str(&c, r, "key")) == 0)
				i = q;
		}
		ck_assert_int_ge(i, 0);
		if (r > 1)
			ck_assert(num(&c, r, "ST") <= num(&c, r - 1, "ST"));
		ck_assert_double_eq_tol(num(&c, r, "S1"), sobol.s1[i], 1e-6);
		ck_assert_double_eq_tol(num(&c, r, "S1_lo"), sobol.s1_lo[i], 1e-6);
		ck_assert_double_eq_tol(num(&c, r, "S1_hi"), sobol.s1_hi[i], 1e-6);
		ck_assert_double_eq_tol(num(&c, r, "ST"), sobol.st[i], 1e-6);
		ck_assert_double_eq_tol(num(&c, r, "ST_lo"), sobol.st_lo[i], 1e-6);
		ck_assert_double_eq_tol(num(&c, r, "ST_hi"), sobol.st_hi[i], 1e-6);
		ck_assert_double_eq(num(&c, r, "lo"), scen->sens[i].lo);
		ck_assert_double_eq(num(&c, r, "hi"), scen->sens[i].hi);
		ck_assert_int_eq((int)num(&c, r, "points"), 8);
		ck_assert_int_eq((int)num(&c, r, "bootstrap"), 50);
		ck_assert_int_eq((int)num(&c, r, "reps"), 10);
		ck_assert_int_eq((int)num(&c, r, "flat"), 0);
	}
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(compare_chart_csv_holds_alt_minus_base_per_paid_year_and_level)
{
	make_dir("compare");
	struct scenario *s[2] = {scen, alt_scen};
	struct chart_opts co = study_opts(false, CHART_EN);
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_compare(dir, &co, s, 2, &compare, &notes, err, sizeof err) == 0, "%s",
		      err);
	struct csv c;
	csv_read("compare_chart.csv", &c);
	ck_assert_int_eq(c.n, (compare.nyears + 1) * N_LEVELS);
	bool district_fell = false;
	for (int r = 1; r <= c.n; r++) {
		int y = (r - 1) / N_LEVELS, lv = level_of(str(&c, r, "level"));
		ck_assert_int_eq(lv, (r - 1) % N_LEVELS);
		ck_assert_int_eq((int)num(&c, r, "alt"), 1);
		ck_assert_str_eq(str(&c, r, "base_name"), "suzhou-draft");
		ck_assert_str_eq(str(&c, r, "alt_name"), "draft-m3c-150");
		if (y == compare.nyears) {
			ck_assert_str_eq(str(&c, r, "period"), "all");
			ck_assert_str_eq(str(&c, r, "paid_year"), "");
		} else {
			ck_assert_int_eq((int)num(&c, r, "paid_year"), compare.first_year + y);
		}
		const struct study_ccell *cc = study_compare_at(&compare, N_LINES, y, lv);
		ck_assert_double_eq_tol(num(&c, r, "base_mean"), cc->base, CENT);
		ck_assert_double_eq_tol(num(&c, r, "alt_mean"), cc->alt, CENT);
		ck_assert_double_eq_tol(num(&c, r, "diff"), cc->d.mean, CENT);
		ck_assert_double_eq_tol(num(&c, r, "diff_lo"), cc->d.lo, CENT);
		ck_assert_double_eq_tol(num(&c, r, "diff_hi"), cc->d.hi, CENT);
		district_fell |= lv == LV_DISTRICT && num(&c, r, "diff") < 0;
	}
	ck_assert(district_fell); /* the alternative leaves districts out */
	free(c.text);
	remove_dir();
}
END_TEST

START_TEST(parameter_labels_read_in_both_languages_without_what_gnuplot_would_split)
{
	char buf[256];
	chart_param_label(key_index("firms.count"), CHART_ZH, buf, sizeof buf);
	ck_assert_str_eq(buf, "firms.count（纳入软件统计的企业数）");
	chart_param_label(key_index("takeup.m3c"), CHART_ZH, buf, sizeof buf);
	ck_assert_str_eq(buf, "takeup.m3c（M3C 奖励的申领比例）");
	chart_param_label(key_index("m3a.tier2_amount"), CHART_ZH, buf, sizeof buf);
	ck_assert_str_eq(buf, "m3a.tier2_amount（M3A 第2档奖励金额）");
	chart_param_label(key_index("pop.m12c.per_year"), CHART_ZH, buf, sizeof buf);
	ck_assert_str_eq(buf, "pop.m12c.per_year（M12C 每年新入选紧缺人才数）");
	/* by its line, not its clause: 第3条 and 第12条 have three lines each, and
	 * what is counted a year said (紧缺人才), not 每年新增数量 */
	chart_param_label(key_index("pop.m12a.per_year"), CHART_ZH, buf, sizeof buf);
	ck_assert_str_eq(buf, "pop.m12a.per_year（M12A 每年新入选软件人才团队数）");
	chart_param_meaning(key_index("takeup.m3c"), CHART_ZH, buf, sizeof buf);
	ck_assert_str_eq(buf, "M3C 奖励的申领比例");
	chart_param_label(key_index("takeup.m3c"), CHART_EN, buf, sizeof buf);
	ck_assert_str_eq(buf, "takeup.m3c (share of M3C awards claimed)"); /* quotes dropped */
	chart_param_label(key_index("uncosted.m8_events"), CHART_ZH, buf, sizeof buf);
	ck_assert_str_eq(buf, "uncosted.m8_events（第8条 局定年度金额：开源峰会、开源大赛）");
	chart_param_label(key_index("known.pending"), CHART_ZH, buf, sizeof buf);
	ck_assert_str_eq(buf, "known.pending（待审申请获批概率）");
	size_t np;
	params_table(&np);
	for (int i = 0; i < (int)np; i++) {
		for (int lang = CHART_EN; lang <= CHART_ZH; lang++) {
			chart_param_label(i, lang, buf, sizeof buf);
			ck_assert_msg(!strpbrk(buf, ",\"\n"), "label of %d: %s", i, buf);
			ck_assert_int_lt(strlen(buf), 120);
		}
	}
}
END_TEST

/* The part of every script between its common-part markers. */
static const char *common_part(const char *gp, size_t *len)
{
	const char *a = strstr(gp, "# ---- common part");
	const char *b = a ? strstr(a, "# ---- end of common part") : NULL;
	ck_assert_msg(a && b, "%.40s: no common part", gp);
	*len = (size_t)(b - a);
	return a;
}

START_TEST(every_chart_script_shares_the_same_common_part)
{
	size_t n0;
	const char *c0 = common_part(chart_script(0), &n0);
	for (int k = 1; k < N_CHART_KINDS; k++) {
		size_t n;
		const char *c = common_part(chart_script(k), &n);
		ck_assert_msg(n == n0 && memcmp(c, c0, n) == 0, "%s.gp: its common part differs",
			      chart_name(k));
	}
}
END_TEST

/* Every study chart into one folder, drawn in lang; checks the images. */
static void draw_studies(enum chart_lang lang, const char *folder, const char *foot,
			 const char *zh_label)
{
	make_dir(folder);
	struct chart_opts co = study_opts(true, lang);
	struct chart_notes notes;
	char err[600] = "";
	struct scenario *s[2] = {scen, alt_scen};
	ck_assert_msg(charts_sweep(dir, &co, &sweep1, &notes, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(notes.n, 0);
	ck_assert_msg(charts_tornado(dir, &co, &tornado, &notes, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(charts_sobol(dir, &co, &sobol, 10, &notes, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(charts_compare(dir, &co, s, 2, &compare, &notes, err, sizeof err) == 0, "%s",
		      err);
	ck_assert_int_eq(notes.n, 0);
	static const enum chart_kind k[] = {CHART_SWEEP, CHART_TORNADO, CHART_SPIDER, CHART_SOBOL,
					    CHART_COMPARE};
	for (int i = 0; i < 5; i++) {
		char name[64];
		snprintf(name, sizeof name, "%s.png", chart_name(k[i]));
		ck_png(name);
		snprintf(name, sizeof name, "%s.svg", chart_name(k[i]));
		ck_svg(name, foot);
	}
	if (zh_label)
		ck_svg("sweep_chart.svg", zh_label);
	DIR *d = opendir(dir);
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			files++;
		else
			ck_assert_msg(strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0,
				      "left behind: %s", e->d_name);
	closedir(d);
	ck_assert_int_eq(files, 4 * 5);
	remove_dir();
}

START_TEST(study_charts_are_drawn_as_slide_pngs_and_print_svgs_in_english)
{
	if (!have_gnuplot())
		return;
	draw_studies(CHART_EN, "studies-en", "seed 5", NULL);
}
END_TEST

START_TEST(study_charts_are_drawn_in_chinese_with_the_parameters_named)
{
	if (!have_gnuplot())
		return;
	/* regression: the title said 支出总额随 m1a.cap 的变化, the raw key */
	draw_studies(CHART_ZH, "studies-zh", "随机种子 5",
		     "支出总额随M1A 奖励上限（m1a.cap）的变化");
}
END_TEST

/* Regression: with one parameter every value label sits on one side, a
 * label plot of the tornado had no point at all, and gnuplot 5.4 died of
 * a segmentation fault on it. */
START_TEST(a_tornado_of_one_parameter_is_drawn)
{
	if (!have_gnuplot())
		return;
	struct study_tornado t = tornado;
	t.nbars = 1;
	t.nspider = 0;
	make_dir("tornado1");
	struct chart_opts co = study_opts(true, CHART_EN);
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_tornado(dir, &co, &t, &notes, err, sizeof err) == 0, "%s", err);
	ck_png("tornado_chart.png");
	ck_assert_int_eq(file_size("spider_chart.png"), -1);
	remove_dir();
}
END_TEST

START_TEST(without_gnuplot_a_study_writes_its_chart_files_and_says_so_once)
{
	make_dir("study-nognuplot");
	struct chart_opts co = study_opts(true, CHART_EN);
	co.gnuplot = "/nonexistent/bin/gnuplot";
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_msg(charts_tornado(dir, &co, &tornado, &notes, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(notes.n, 1);
	ck_assert_ptr_nonnull(strstr(notes.text[0], "no charts drawn"));
	ck_assert_int_gt(file_size("tornado_chart.csv"), 0);
	ck_assert_int_gt(file_size("tornado_chart.gp"), 0);
	ck_assert_int_gt(file_size("spider_chart.csv"), 0);
	ck_assert_int_gt(file_size("spider_chart.gp"), 0);
	ck_assert_int_eq(file_size("tornado_chart.png"), -1);
	remove_dir();
}
END_TEST

START_TEST(a_study_chart_into_a_missing_folder_is_an_error_naming_the_file)
{
	struct chart_opts co = study_opts(false, CHART_EN);
	struct chart_notes notes;
	char err[600] = "";
	ck_assert_int_eq(charts_sweep("/nonexistent/fundsim/out", &co, &sweep1, &notes, err,
				      sizeof err),
			 -1);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/fundsim/out/sweep_chart.csv"));
}
END_TEST

/* Regression: compare_chart.gp put the base scenario's name into its
 * title and ran the title through eval: a name with backquotes or with
 * "; system(...)" ran a shell command as the chart was drawn. */
START_TEST(hostile_scenario_names_in_a_compare_chart_run_no_command)
{
	if (!have_gnuplot())
		return;
	static const char *const hostile[] = {"x`touch pwned`y", "\"; system(\"touch pwned\"); \"",
					      "'; system('touch pwned'); '", "@x `touch pwned`",
					      "a\\"};
	enum { N_HOSTILE = sizeof hostile / sizeof *hostile };
	char base_name[sizeof scen->name], alt_name[sizeof alt_scen->name];
	memcpy(base_name, scen->name, sizeof base_name);
	memcpy(alt_name, alt_scen->name, sizeof alt_name);
	for (int h = 0; h < N_HOSTILE; h++) {
		make_dir("hostile-compare");
		snprintf(scen->name, sizeof scen->name, "%s", hostile[h]);
		snprintf(alt_scen->name, sizeof alt_scen->name, "%s", hostile[(h + 1) % N_HOSTILE]);
		struct chart_opts co = study_opts(true, h % 2 ? CHART_ZH : CHART_EN);
		struct chart_notes notes;
		char err[600] = "";
		struct scenario *s[2] = {scen, alt_scen};
		int r = charts_compare(dir, &co, s, 2, &compare, &notes, err, sizeof err);
		ck_assert_msg(file_size("pwned") == -1, "%s ran a command", hostile[h]);
		ck_assert_msg(r == 0, "%s: %s", hostile[h], err);
		ck_png("compare_chart.png");
		remove_dir();
	}
	memcpy(scen->name, base_name, sizeof base_name);
	memcpy(alt_scen->name, alt_name, sizeof alt_name);
}
END_TEST

static Suite *charts_suite(void)
{
	Suite *s = suite_create("charts");
	TCase *tc = tcase_create("chart_histogram");
	tcase_add_unchecked_fixture(tc, make_run, free_run);
	tcase_add_test(tc, histogram_of_equal_values_is_one_bin_holding_them_all);
	tcase_add_test(tc, histogram_of_all_zeros_is_one_bin);
	tcase_add_test(tc, histogram_of_nothing_has_no_bins);
	tcase_add_test(tc, histogram_of_a_single_value_is_one_bin);
	tcase_add_test(tc, histogram_keeps_between_10_and_60_round_bins_and_every_value);
	tcase_add_test(tc, histogram_reads_a_strided_column);
	tcase_add_test(tc, histogram_bins_are_closed_on_the_right);
	tcase_add_test(tc,
		       histogram_puts_an_edge_on_the_budget_so_the_bins_above_hold_the_overruns);
	tcase_add_test(tc, histogram_counts_totals_a_fen_above_the_budget_as_at_it);
	suite_add_tcase(s, tc);

	tc = tcase_create("envelope, language, scripts");
	tcase_add_test(tc, envelope_is_the_total_budget_when_set);
	tcase_add_test(
		tc,
		envelope_is_a_years_annual_envelope_not_their_sum_when_only_annual_ones_are_set);
	tcase_add_test(tc, envelope_is_zero_without_a_budget);
	tcase_add_test(tc, lang_accepts_en_and_zh_only);
	tcase_add_test(tc, every_chart_kind_has_a_name_and_a_script);
	suite_add_tcase(s, tc);

	tc = tcase_create("chart CSV files");
	tcase_add_unchecked_fixture(tc, make_run, free_run);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, fan_csv_holds_the_percentiles_of_every_year_and_level);
	tcase_add_test(tc, ranked_csv_lists_the_paying_measures_dearest_first_with_their_intervals);
	tcase_add_test(
		tc,
		districts_csv_lists_every_district_dearest_first_with_levels_adding_to_the_mean);
	tcase_add_test(tc, stacked_csv_segments_add_up_to_each_years_total_mean);
	tcase_add_test(tc, distribution_csv_counts_every_replication_and_marks_the_budget_and_p95);
	tcase_add_test(tc, convergence_csv_follows_the_trace_to_the_last_replication);
	tcase_add_test(tc, scripts_beside_the_csv_are_the_shipped_ones_after_this_runs_defaults);
	tcase_add_test(tc, a_streaming_run_writes_every_chart_but_the_histogram_and_says_why);
	tcase_add_test(tc, a_missing_folder_is_an_error_naming_the_file);
	suite_add_tcase(s, tc);

	tc = tcase_create("gnuplot");
	tcase_add_unchecked_fixture(tc, make_run, free_run);
	tcase_set_timeout(tc, 120); /* 10 gnuplot runs a test; slower under valgrind */
	tcase_add_test(tc, every_chart_is_drawn_as_a_slide_png_and_a_print_svg_in_english);
	tcase_add_test(tc, every_chart_is_drawn_in_chinese_with_the_policys_measure_names);
	tcase_add_test(tc,
		       charts_draw_in_a_folder_whose_name_would_break_a_shell_or_a_gnuplot_string);
	tcase_add_test(tc, without_gnuplot_every_csv_is_written_and_a_note_says_so_once);
	tcase_add_test(tc, a_failing_gnuplot_is_an_error_and_leaves_no_image);
	tcase_add_test(tc, symlinks_planted_at_the_images_names_are_not_written_through);
	tcase_add_test(tc, an_incomplete_image_is_an_error_naming_it_and_is_not_put_in_place);
	tcase_add_test(tc, an_image_gnuplot_did_not_draw_is_an_error_naming_it);
	tcase_add_test(tc, a_gnuplot_that_fails_after_drawing_is_an_error);
	tcase_add_test(tc, images_drawn_together_are_the_images_drawn_alone);
	tcase_add_test(
		tc, images_drawn_at_once_say_the_first_failure_in_order_and_leave_nothing_running);
	suite_add_tcase(s, tc);

	tc = tcase_create("what gnuplot is given");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, gp_quote_doubles_a_quote_after_text_and_leaves_everything_else_as_it_is);
	tcase_add_test(tc, gp_quote_gives_a_leading_or_doubled_quote_as_a_value_between_literals);
	tcase_add_test(tc,
		       gp_quote_drops_line_breaks_and_control_bytes_so_the_string_keeps_its_line);
	tcase_add_test(tc,
		       gp_quote_too_long_for_its_buffer_gives_nothing_rather_than_half_a_string);
	tcase_add_test(tc,
		       every_short_string_of_quotes_and_specials_reads_back_in_gnuplot_as_itself);
	tcase_add_test(tc, no_chart_script_evaluates_text_as_code);
	tcase_add_test(tc, image_check_passes_a_whole_png_and_svg);
	tcase_add_test(
		tc, image_check_finds_a_truncated_empty_or_unsigned_png_and_an_svg_without_its_end);
	tcase_add_test(tc, image_check_does_not_follow_a_symlink);
	suite_add_tcase(s, tc);

	tc = tcase_create("the studies' charts");
	tcase_add_unchecked_fixture(tc, make_studies, free_studies);
	tcase_set_timeout(tc, 120); /* 20 gnuplot runs a test; slower under valgrind */
	tcase_add_test(tc, sweep_chart_csv_holds_each_values_mean_and_band_per_level_base_first);
	tcase_add_test(tc, sweep_chart_csv_of_two_keys_keeps_each_line_of_the_second_key_together);
	tcase_add_test(tc, tornado_chart_csv_keeps_the_bars_in_order_of_swing_with_their_values);
	tcase_add_test(tc, tornado_chart_shows_the_20_largest_swings_and_says_how_many_there_were);
	tcase_add_test(tc,
		       spider_chart_csv_follows_the_tornados_order_and_measures_the_real_change);
	tcase_add_test(tc, sobol_chart_csv_lists_the_ranges_by_total_index_with_their_intervals);
	tcase_add_test(tc, compare_chart_csv_holds_alt_minus_base_per_paid_year_and_level);
	tcase_add_test(tc,
		       parameter_labels_read_in_both_languages_without_what_gnuplot_would_split);
	tcase_add_test(tc, every_chart_script_shares_the_same_common_part);
	tcase_add_test(tc, study_charts_are_drawn_as_slide_pngs_and_print_svgs_in_english);
	tcase_add_test(tc, study_charts_are_drawn_in_chinese_with_the_parameters_named);
	tcase_add_test(tc, a_tornado_of_one_parameter_is_drawn);
	tcase_add_test(tc, without_gnuplot_a_study_writes_its_chart_files_and_says_so_once);
	tcase_add_test(tc, a_study_chart_into_a_missing_folder_is_an_error_naming_the_file);
	tcase_add_test(tc, hostile_scenario_names_in_a_compare_chart_run_no_command);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	gsl_set_error_handler_off();
	SRunner *sr = srunner_create(charts_suite());
	srunner_run_all(sr, CK_NORMAL);
	/* join OpenMP's pool (the streaming test's): valgrind sees no threads */
	omp_pause_resource_all(omp_pause_hard);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
