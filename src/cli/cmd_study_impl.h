/* cmd_study_impl.h - what the four study commands share (cmd_study.c):
 * setup, words in 万元/亿元, CSV and manifest writing. The sc_
 * prefix marks these; private to the CLI. */
#ifndef FUNDSIM_CMD_STUDY_IMPL_H
#define FUNDSIM_CMD_STUDY_IMPL_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "charts.h"
#include "cmd_impl.h"
#include "cmd_setup.h"
#include "csvout.h"
#include "inputs.h"
#include "study.h"

#define SOBOL_POINTS 128 /* base points N: N (k + 2) runs; a power of 2 suits Sobol */
#define SOBOL_BOOT 1000
#define TORNADO_PCT 0.2 /* default range: base -+ 20% */
#define SPIDER_KEYS 10  /* the largest swings get spider data */

struct job {
	const struct cli *c;
	const struct setup *o;     /* the study's numbers: reps, seed, threads */
	struct scenario *const *s; /* base first */
	int ns;
	double seconds;
	const struct study_sweep *sweep;
	const struct study_tornado *tornado;
	const struct study_compare *compare; /* ns - 1 of them */
	const struct study_sobol *sobol;
};

typedef void (*writer_fn)(FILE *f, const struct job *j);

extern const char *const sc_level_names[N_LEVELS];

void sc_change_words(const struct study_diff *d, char *buf, size_t n);
struct chart_opts sc_chart_options(const struct cli *c, const struct setup *o,
				   const struct scenario *s);
int sc_charts_said(const struct setup *o, int rc, const struct chart_notes *notes, const char *err);
void sc_diff_csv(FILE *f, const struct study_diff *d);
void sc_interval_words(const struct study_diff *d, char *buf, size_t n);
void sc_key_name(int i, char *buf, size_t n);
/* A line's name in the CSV files, TOTAL for N_LINES (tools read it). */
const char *sc_line_name(int line);
/* The same for people: TOTAL in the terminal's language (合计). */
const char *sc_line_label(int line);
void sc_put_manifest(FILE *f, const struct job *j);
void sc_wan_signed(double yuan, char *buf, size_t n);
int sc_write_files(const char *dir, const char *const *names, const writer_fn *fns, int n,
		   const struct job *j);

/* The setup of a study (cmd_setup.h), in three steps around its own
 * arguments: sc_options reads the numbers (its progress bar counts runs);
 * sc_check_reps, once the scenario is open, that the replications fit to
 * be paired; sc_begin loads the panel and stages the result set in --out
 * or out/NAME/STUDY/, with Ctrl-C caught and the clock started. Each
 * says what failed. sc_failed: a study that did not finish, said; its
 * exit code. */
int sc_options(const struct cli *c, struct setup *o);
int sc_check_reps(const struct setup *o, const struct scenario *s);
int sc_begin(struct setup *o, const struct cli *c, const struct scenario *s);
int sc_failed(const struct setup *o, enum study_status rc, const char *err);

#endif
