/* charts.h - the charts of a Monte Carlo run, drawn by gnuplot.
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
 * NAME.svg (print). Computing a chart's numbers is pure; only
 * charts_write touches files and processes. */
#ifndef FUNDSIM_CHARTS_H
#define FUNDSIM_CHARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scenario.h"
#include "sim.h"

enum chart_kind {
	CHART_FAN,          /* annual spending by paid year, 50% and 90% bands, per level */
	CHART_STACKED,      /* mean spending per measure per paid year */
	CHART_DISTRIBUTION, /* histogram of the total, budget envelope, p95 */
	CHART_RANKED,       /* measures by expected cost with 90% intervals */
	CHART_CONVERGENCE,  /* running mean of the total with its 95% interval */
	N_CHARTS
};

/* "fan", "stacked", "distribution", "ranked", "convergence": the stem of
 * the chart's files. Static. */
const char *chart_name(enum chart_kind k);

/* The gnuplot script of kind k as shipped in plots/ (compiled in). Static. */
const char *chart_script(enum chart_kind k);

enum chart_lang { CHART_EN, CHART_ZH };

/* "en" or "zh" to a language; -1 for anything else. */
int chart_lang_parse(const char *s);

struct chart_opts {
	const struct scenario *s; /* borrowed: its name, years and budget */
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
 * run kept no rows (past SIM_EXACT_BYTES). The sim output is borrowed. */
int charts_write(const char *dir, const struct chart_opts *co, const struct sim_output *o,
		 struct chart_notes *notes, char *err, size_t errlen);

/* A histogram of n values (x[0], x[stride], ...): bins of a round width
 * (1, 2, 2.5 or 5 times a power of ten) near the Freedman-Diaconis width
 * 2 iqr / cbrt(n), kept to CHART_MIN_BINS...CHART_MAX_BINS bins. iqr is
 * p75 - p25 of the values (results_stat). Bins are (from + j width,
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

/* The budget envelope of the whole policy period: [budget] total, or the
 * sum of annual_total over the paid years when only annual envelopes are
 * set; 0 when there is none. *annual tells which. */
double chart_envelope(const struct policy *p, bool *annual);

#endif
