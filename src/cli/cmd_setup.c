/* cmd_setup.c - the setup that run, report and the studies share. */
#include "cmd_setup.h"

#include <limits.h>
#include <omp.h>
#include <stdlib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd_impl.h"
#include "i18n.h"
#include "money.h"

/* Set by a signal handler: a global, the one Ctrl-C of every command. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* The machine's memory in MiB, 0 if unknown. */
static long memory_mib(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
	return pages > 0 && size > 0 ? (long)((double)pages * (double)size / 1048576.0) : 0;
}

int setup_int(const char *cmd, const char *name, const char *text, long lo, long hi, long *out)
{
	char err[200];
	int v;
	if (int_parse(text, &v, err, sizeof err) != 0 || v < lo || v > hi) {
		say(cmd, _("%s %s: expected a whole number from %ld to %ld"), name, text, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

int setup_options(struct setup *su, const struct cli *c)
{
	const struct command *cmd = command_find(c->command);
	memset(su, 0, sizeof *su);
	su->cmd = cmd->name;
	su->reps = cmd->reps;
	su->seed = 1;
	su->threads = omp_get_max_threads();
	su->exact_mb = (long)(SIM_EXACT_BYTES >> 20);
	su->show = !c->quiet && isatty(2);
	snprintf(su->unit, sizeof su->unit, "%s", "replications");
	/* main.c applied --lang (else the locale) before parsing; a caller that did
	 * not (the unit tests) has it applied here */
	if (c->lang && i18n_parse(c->lang) < 0) {
		say(su->cmd, _("--lang %s: expected en or zh"), c->lang);
		return -1;
	}
	if (c->lang && i18n_parse(c->lang) != (int)i18n_lang())
		i18n_start(c->lang);
	su->lang = (enum chart_lang)i18n_lang();
	if (c->reps && setup_int(su->cmd, "--reps", c->reps, cmd->min_reps, 100000000, &su->reps))
		return -1;
	if (c->seed && setup_int(su->cmd, "--seed", c->seed, 0, INT_MAX, &su->seed))
		return -1;
	if (c->threads && setup_int(su->cmd, "--threads", c->threads, 1, 1024, &su->threads))
		return -1;
	/* up to 1 TiB: rows are addressed in size_t, and no machine here has more */
	if (c->exact_mb &&
	    setup_int(su->cmd, "--exact-mb", c->exact_mb, 1, 1L << 20, &su->exact_mb))
		return -1;
	/* and no more than the machine holds: a run asks for it up front (as
	 * many rows as it has replications), and would only fail there with
	 * "out of memory after 0 replications" */
	long mib = memory_mib();
	if (c->exact_mb && mib > 0 && su->exact_mb > mib) {
		say(su->cmd,
		    _("--exact-mb %s: more than this machine's memory (%ld MiB); expected a whole "
		      "number from 1 to %ld"),
		    c->exact_mb, mib, mib);
		return -1;
	}
	return 0;
}

int setup_scenario(const struct cli *c, const char **path)
{
	*path = c->npos ? c->pos[0] : c->scenario;
	if (c->npos > 1) {
		say(c->command, _("one scenario at most, got %s and %s"), c->pos[0], c->pos[1]);
		return -1;
	}
	if (c->npos && c->scenario) {
		say(c->command, _("give the scenario once: %s or --scenario %s"), c->pos[0],
		    c->scenario);
		return -1;
	}
	return 0;
}

int setup_panel(struct setup *su, const struct cli *c)
{
	char err[ERR_LEN];
	if (!c->firms)
		return 0;
	if (panel_load_shared(c->firms, &su->pn, err, sizeof err) != 0) {
		say(su->cmd, "%s", err);
		return -1;
	}
	su->stock = &su->pn;
	return 0;
}

int setup_entities(struct setup *su, const struct cli *c)
{
	char err[ERR_LEN];
	if (!c->entities)
		return 0;
	if (entities_load_shared(c->entities, &su->en, err, sizeof err) != 0) {
		say(su->cmd, "%s", err);
		return -1;
	}
	su->known = &su->en;
	return 0;
}

int setup_begin(struct setup *su, const struct cli *c, const struct scenario *s, const char *sub)
{
	char dir[OUTSET_PATH], err[ERR_LEN];
	cmd_out_dir(c->outdir, s, sub, dir, sizeof dir);
	if (outset_begin(&su->os, dir, err, sizeof err) != 0) {
		say(su->cmd, _("%s (--out names the folder for the results)"), err);
		return -1;
	}
	if (su->stock) /* every command costing the bureau's firms says what it assumed */
		say_no_history(su->cmd, su->stock, &s->pol);
	struct sigaction sa = {.sa_handler = on_signal};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	clock_gettime(CLOCK_MONOTONIC, &su->t0);
	return 0;
}

double setup_seconds(const struct setup *su)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - su->t0.tv_sec) + (double)(t1.tv_nsec - su->t0.tv_nsec) / 1e9;
}

bool setup_interrupted(void)
{
	return interrupted;
}

void setup_progress(void *ctx, long done, long total)
{
	int width = 30, fill = (int)(width * done / (total ? total : 1));
	fprintf(stderr, "\r[%.*s%*s] %ld/%ld %s", fill,
		"==============================", width - fill, "", done, total, (const char *)ctx);
	if (done >= total)
		fputc('\n', stderr);
}

struct sim_config setup_sim(const struct setup *su)
{
	return (struct sim_config){
		.seed = (uint64_t)su->seed,
		.reps = su->reps,
		.threads = (int)su->threads,
		.stock = su->stock,
		.known = su->known,
		.progress = su->show ? setup_progress : NULL,
		.progress_ctx = (void *)su->unit,
		.stop = &interrupted,
		.exact_bytes = (size_t)su->exact_mb << 20,
	};
}

struct study_cfg setup_study(const struct setup *su)
{
	return (struct study_cfg){
		/* every variant re-simulated: tests/reuse.sh compares the outputs */
		.fresh = getenv("FUNDSIM_FRESH_VARIANTS") != NULL,
		.seed = (uint64_t)su->seed,
		.reps = su->reps,
		.threads = (int)su->threads,
		.stock = su->stock,
		.progress = su->show ? setup_progress : NULL,
		.progress_ctx = (void *)su->unit,
		.stop = &interrupted,
	};
}

void setup_command_line(const struct setup *su, const struct cli *c, const char *scenario,
			double precision, char *buf, size_t n)
{
	size_t k = 0;
	char num[64];
	cmd_put(buf, n, &k, "fundsim %s", su->cmd);
	if (scenario)
		cmd_arg(buf, n, &k, scenario);
	snprintf(num, sizeof num, "%ld", su->reps);
	cmd_opt(buf, n, &k, "--reps", num);
	snprintf(num, sizeof num, "%ld", su->seed);
	cmd_opt(buf, n, &k, "--seed", num);
	if (precision > 0) {
		snprintf(num, sizeof num, "%g", precision);
		cmd_opt(buf, n, &k, "--precision", num);
	}
	if (c->firms)
		cmd_opt(buf, n, &k, "--firms", c->firms);
	if (c->entities)
		cmd_opt(buf, n, &k, "--entities", c->entities);
	for (int i = 0; i < c->nsets; i++)
		cmd_opt(buf, n, &k, "--set", c->sets[i]);
	if (c->ledger)
		cmd_opt(buf, n, &k, "--ledger", NULL);
	if (su->lang == CHART_ZH)
		cmd_opt(buf, n, &k, "--lang", "zh");
	if (c->outdir)
		cmd_opt(buf, n, &k, "--out", c->outdir);
}

int setup_stopped(const struct setup *su, const char *how_far)
{
	fputc('\n', stderr); /* past the progress bar */
	say(su->cmd, _("interrupted%s%s; nothing written, earlier results in %s are untouched"),
	    how_far ? " " : "", how_far ? how_far : "", su->os.dir);
	return 130;
}

int setup_commit(struct setup *su)
{
	char err[ERR_LEN];
	if (interrupted) {
		fputc('\n', stderr);
		say(su->cmd,
		    _("interrupted while writing; nothing written, earlier results in %s are "
		      "untouched"),
		    su->os.dir);
		return 130;
	}
	if (outset_commit(&su->os, err, sizeof err) == 0)
		return EXIT_OK;
	say(su->cmd, "%s", err);
	return EXIT_FAIL;
}

void setup_free(struct setup *su)
{
	outset_abort(&su->os);
	panel_free(&su->pn);
	su->stock = NULL;
	entities_free(&su->en);
	su->known = NULL;
}
