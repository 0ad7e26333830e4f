/* charts.h - the charts of a Monte Carlo run and of the sensitivity
 * studies, drawn by gnuplot.
 *
 * Each chart kind has a CSV holding exactly what is drawn (NAME.csv, in
 * yuan, labels in English and Chinese) and a gnuplot script (plots/NAME.gp,
 * compiled in and copied beside the CSV as NAME.gp), so that a reader can
 * restyle a chart and redraw it from the CSV alone:
 *
 *   gnuplot -e "lang='zh'; outfile='fan.svg'" out/suzhou-draft/fan.gp
 *
 * gnuplot runs without a shell (fork and execvp with an argument vector)
 * in the output folder, once per image: NAME.png (1280x720, slides) and
 * NAME.svg (print), each written into a private mkdtemp folder there,
 * checked complete and fsynced, then renamed into place; an incomplete
 * image is an error. Text from data (scenario names, labels) is only ever
 * a value to gnuplot, never code. Computing a chart's numbers is pure;
 * only the charts_* functions touch files and processes.
 *
 * Ownership, for the whole API: every pointer passed in is borrowed for
 * the call and never kept; what is returned (names, scripts) is static.
 * The caller owns the output folder, which must exist. */
#ifndef FUNDSIM_CHARTS_H
#define FUNDSIM_CHARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scenario.h"
#include "sim.h"
#include "study.h"
#include "summary.h"

/* The run's charts come first: N_CHARTS counts them (charts_write draws
 * them all). The studies' charts follow, up to N_CHART_KINDS. One row
 * each in charts.def. */
enum chart_kind {
#define RUN_CHART(id, stem, writer, caption) CHART_##id,
#define STUDY_CHART(id, stem)
#include "charts.def"
#undef RUN_CHART
#undef STUDY_CHART
	N_CHARTS,
	CHART_RUN_LAST_ = N_CHARTS - 1, /* the studies' kinds count on from N_CHARTS */
#define RUN_CHART(id, stem, writer, caption)
#define STUDY_CHART(id, stem) CHART_##id,
#include "charts.def"
#undef RUN_CHART
#undef STUDY_CHART
	N_CHART_KINDS
};

/* The stem of the chart's files: "fan", "stacked", "distribution",
 * "ranked", "convergence"; the studies' "sweep_chart", "tornado_chart",
 * "spider_chart", "sobol_chart", "compare_chart" (beside the studies' own
 * sweep.csv, tornado.csv, ...). Static. */
const char *chart_name(enum chart_kind k);

/* The caption of run chart k (< N_CHARTS) in lang (enum chart_lang). Static. */
const char *chart_caption(enum chart_kind k, int lang);

/* The gnuplot script of kind k as shipped in plots/ (compiled in). Static. */
const char *chart_script(enum chart_kind k);

enum chart_lang { CHART_EN, CHART_ZH };

/* "en" or "zh" to a language; -1 for anything else. */
int chart_lang_parse(const char *s);

struct chart_opts {
	const struct scenario *s; /* borrowed: its name, years and budget (a study: the base) */
	uint64_t seed;
	enum chart_lang lang;
	bool draw;           /* false: CSV files and scripts only */
	const char *gnuplot; /* the program to run; NULL: "gnuplot" from PATH */
};

/* What charts_write could not do without failing: each a sentence for
 * the user, e.g. that gnuplot is not installed. */
struct chart_notes {
	char text[4][320];
	int n;
};

/* Write NAME.csv and NAME.gp for every chart kind into dir (which must
 * exist), each whole or not at all, then draw NAME.png and NAME.svg with
 * gnuplot. Returns 0, or -1 with err when a file cannot be written or
 * gnuplot fails on a chart. Not failures, but told in notes: gnuplot not
 * found (nothing drawn, said once), and no distribution chart when the
 * run kept no rows (past SIM_EXACT_BYTES). The statistics are sm's
 * (summary_of o); o gives the histogram its rows and the convergence
 * chart its trace. Both are borrowed. */
int charts_write(const char *dir, const struct chart_opts *co, const struct sim_output *o,
		 const struct summary *sm, struct chart_notes *notes, char *err, size_t errlen);

/* ---- the studies' charts ----
 *
 * Each writes its chart CSV and script into dir beside the study's own
 * files, then draws them as charts_write does: 0, or -1 with err when a
 * file cannot be written or gnuplot fails; gnuplot missing is a note,
 * said once. The study results are borrowed. */

/* sweep_chart: mean spending over all paid years with its 90% band (p5 to
 * p95) against the swept value, total and per funding level, the base
 * case marked; a 2-D sweep draws one line per value of the second key. */
int charts_sweep(const char *dir, const struct chart_opts *co, const struct study_sweep *w,
		 struct chart_notes *notes, char *err, size_t errlen);

/* tornado_chart: the change of the mean total with each parameter at its
 * low and at its high value (light and dark bars), the CHART_TORNADO_BARS
 * largest swings in t's order, each end labelled with the value; the base
 * case and the ranges above. spider_chart (when t has spider data): the
 * mean total against the % change each value took. */
#define CHART_TORNADO_BARS 20
int charts_tornado(const char *dir, const struct chart_opts *co, const struct study_tornado *t,
		   struct chart_notes *notes, char *err, size_t errlen);

/* sobol_chart: S1 and ST of each parameter of co->s's [sensitivity]
 * section with their bootstrap intervals, by ST. reps: replications per
 * design point (for the footnote). */
int charts_sobol(const char *dir, const struct chart_opts *co, const struct study_sobol *b,
		 long reps, struct chart_notes *notes, char *err, size_t errlen);

/* compare_chart: ALT - BASE of total spending per paid year with its 95%
 * interval, one bar per alternative, total and per funding level. s[0]
 * is the base (co->s too), s[1..ns) the alternatives, cmp[a - 1] the
 * comparison of s[a] with s[0]. */
int charts_compare(const char *dir, const struct chart_opts *co, struct scenario *const *s, int ns,
		   const struct study_compare *cmp, struct chart_notes *notes, char *err,
		   size_t errlen);

/* Parameter i (params_table) for a chart, into buf (n bytes, the
 * caller's): its key and what it means in lang, e.g. "m1a.cap (cap of
 * the award)", "m1a.cap（M1A 奖励上限）"; no commas or quotes, which
 * gnuplot's CSV reader would split on. */
void chart_param_label(int i, enum chart_lang lang, char *buf, size_t n);
/* What parameter i means in lang, short, as chart_param_label puts it
 * beside the key: "cap of the award", "M1A 奖励上限"; "" for none. */
void chart_param_meaning(int i, enum chart_lang lang, char *buf, size_t n);

/* A histogram of n values (x[0], x[stride], ...): bins of a round width
 * (1, 2, 2.5 or 5 times a power of ten) near the Freedman-Diaconis width
 * 2 iqr / cbrt(n), kept to CHART_MIN_BINS...CHART_MAX_BINS bins. iqr is
 * p75 - p25 of the values (summary.h). Bins are (from + j width,
 * from + (j + 1) width], closed on the right, and anchor (e.g. a budget;
 * NaN for none) is an edge, so the bins above it hold exactly the values
 * that exceed it by more than CHART_TOL. Bins are never narrower than
 * 10 CHART_TOL, so a narrow spread may get fewer bins; equal values make
 * one. Pure. */
/* Totals summed from awards in fen carry float noise (a capped total
 * comes out 0.01 yuan either side of its cap): charts compare at 1 yuan,
 * so "above" the budget or the 95th percentile means by more than this. */
#define CHART_TOL 1.0
#define CHART_MIN_BINS 10
#define CHART_MAX_BINS 60
struct chart_bins {
	double from, width;
	int n;
	size_t count[CHART_MAX_BINS];
};
void chart_histogram(const double *x, size_t stride, size_t n, double iqr, double anchor,
		     struct chart_bins *b);

/* The budget envelope the distribution chart names: [budget] total, over
 * all paid years; else annual_total, a year's (*annual), which the chart
 * does not draw against the total; 0 when there is neither. */
double chart_envelope(const struct policy *p, bool *annual);

#endif
