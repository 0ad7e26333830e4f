/* cmd_study_impl.h - what the four study commands share (cmd_study.c):
 * options, progress, words in 万元/亿元, CSV and manifest writing. The sc_
 * prefix marks these; private to the CLI. */
#ifndef FUNDSIM_CMD_STUDY_IMPL_H
#define FUNDSIM_CMD_STUDY_IMPL_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "charts.h"
#include "cmd_impl.h"
#include "csvout.h"
#include "inputs.h"
#include "study.h"

#define DEFAULT_REPS 500   /* paired differences need fewer than a run's 1000 */
#define SOBOL_REPS 50      /* per design point; common random numbers keep noise low */
#define SOBOL_POINTS 128   /* base points N: N (k + 2) runs; a power of 2 suits Sobol */
#define SOBOL_BOOT 1000
#define TORNADO_PCT 0.2    /* default range: base -+ 20% */
#define SPIDER_KEYS 10     /* the largest swings get spider data */

struct sopts {
	const char *cmd; /* "sweep", ... */
	long reps, seed, threads;
	int lang; /* enum chart_lang: the charts' labels */
	struct study_cfg cfg;
	struct panel pn;
	struct timespec t0;
};

struct job {
	const struct cli *c;
	const struct sopts *o;
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
struct chart_opts sc_chart_options(const struct cli *c, const struct sopts *o,
				   const struct scenario *s);
int sc_charts_said(const struct sopts *o, int rc, const struct chart_notes *notes,
		   const char *err);
int sc_check_reps(const struct sopts *o, const struct scenario *s);
void sc_diff_csv(FILE *f, const struct study_diff *d);
int sc_failed(const struct sopts *o, enum study_status rc, const char *err);
int sc_int_option(const char *cmd, const char *name, const char *text, long lo, long hi,
		  long *out);
void sc_interval_words(const struct study_diff *d, char *buf, size_t n);
void sc_key_name(int i, char *buf, size_t n);
const char *sc_line_name(int line);
int sc_options(const struct cli *c, const char *cmd, long reps, struct sopts *o);
void sc_put_manifest(FILE *f, const struct job *j);
int sc_scenario_arg(const struct cli *c, const char *cmd, const char **path);
double sc_seconds_since(const struct timespec *t0);
void sc_start(struct sopts *o);
/* The study's result set: out/NAME/STUDY or --out, staged (outset.h)
 * before the work; sc_commit puts it in place unless interrupted and
 * returns the exit code. Both print their errors. */
struct outset;
int sc_begin(const struct sopts *o, const struct cli *c, const struct scenario *s,
	     struct outset *os);
int sc_commit(const struct sopts *o, struct outset *os);
void sc_wan_signed(double yuan, char *buf, size_t n);
int sc_write_files(const char *dir, const char *const *names, const writer_fn *fns, int n,
		   const struct job *j);

#endif
