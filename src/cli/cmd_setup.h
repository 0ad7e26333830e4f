/* cmd_setup.h - what run, report and the studies share, once: the numbers
 * every Monte Carlo command takes (--reps, --seed, --threads, --lang; the
 * defaults and bounds from the command table), the scenario argument, the
 * firm panel, the result set (outset.h), Ctrl-C, the clock and the
 * progress bar. Private to the CLI. Each function that fails has said why
 * (say) before it returns. */
#ifndef FUNDSIM_CMD_SETUP_H
#define FUNDSIM_CMD_SETUP_H

#include <stdbool.h>
#include <time.h>

#include "charts.h"
#include "commands.h"
#include "inputs.h"
#include "outset.h"
#include "sim.h"
#include "study.h"

struct setup {
	const char *cmd; /* "run", "report", "sweep", ... */
	long reps, seed, threads;
	long exact_mb; /* run --exact-mb: MiB of rows kept for exact percentiles */
	enum chart_lang lang;
	bool show;                    /* progress bars: on a terminal, without --quiet */
	char unit[32];                /* what the bar counts: "replications", "runs (sweep)" */
	struct panel pn;              /* --firms, once setup_panel loaded it */
	const struct panel *stock;    /* &pn, or NULL: the existing firms are sampled */
	struct entities en;           /* --entities (run), once setup_entities loaded it */
	const struct entities *known; /* &en, or NULL: every applicant is sampled */
	struct outset os;             /* the result set, staged by setup_begin */
	struct timespec t0;           /* when setup_begin started the clock */
};

/* Read c's numbers and language into su (zeroed first): --reps within
 * the command's bounds (its table row; the default when not given),
 * --seed, --threads (default: every core), --lang. 0, or -1. */
int setup_options(struct setup *su, const struct cli *c);
/* A whole number option in [lo, hi] into *out. 0, or -1. */
int setup_int(const char *cmd, const char *name, const char *text, long lo, long hi, long *out);
/* The one scenario: a positional argument or --scenario, or neither
 * (NULL: the built-in). 0, or -1 when given twice. */
int setup_scenario(const struct cli *c, const char **path);
/* Load --firms into su->pn (under MPI rank 0 reads, the others receive
 * it) and point su->stock at it; nothing without --firms. 0, or -1. */
int setup_panel(struct setup *su, const struct cli *c);
/* Load --entities into su->en (rank 0 reads, the others receive it) and
 * point su->known at it; nothing without --entities. 0, or -1. */
int setup_entities(struct setup *su, const struct cli *c);
/* Before any work: stage the result set in --out, else out/NAME/ (with
 * sub: out/NAME/SUB/), catch Ctrl-C (SIGINT, SIGTERM, SIGHUP: stop after
 * the current block, write nothing) and start the clock. 0, or -1. */
int setup_begin(struct setup *su, const struct cli *c, const struct scenario *s, const char *sub);
/* Seconds since setup_begin. */
double setup_seconds(const struct setup *su);
/* Whether Ctrl-C came. */
bool setup_interrupted(void);
/* What sim_run and the studies are given: su's numbers and panel, the
 * progress bar, the Ctrl-C flag. */
struct sim_config setup_sim(const struct setup *su);
struct study_cfg setup_study(const struct setup *su);
/* The command that makes su's result set again, quoted to paste into a
 * shell: fundsim CMD [SCENARIO] --reps --seed, then --precision (when
 * precision > 0), --firms, --entities, --set, --ledger, --lang zh and --out as c
 * gave them. Into buf (n bytes). */
void setup_command_line(const struct setup *su, const struct cli *c, const char *scenario,
			double precision, char *buf, size_t n);
/* The progress bar: ctx is what it counts (a string). */
void setup_progress(void *ctx, long done, long total);
/* Say that Ctrl-C stopped the work (how_far, e.g. "after 768 of 2000
 * replications", or NULL) and that nothing was written; returns 130. */
int setup_stopped(const struct setup *su, const char *how_far);
/* Put the result set in place, unless Ctrl-C came while it was written.
 * The exit code: EXIT_OK, 130 or EXIT_FAIL. */
int setup_commit(struct setup *su);
/* Remove a result set not committed, free the panel and entities. */
void setup_free(struct setup *su);

#endif
