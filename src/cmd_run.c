/* cmd_run.c - `fundsim run`: the Monte Carlo main job. */
#include <limits.h>
#include <omp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "charts.h"
#include "cmd_impl.h"
#include "inputs.h"
#include "money.h"
#include "outset.h"
#include "report.h"
#include "sim.h"
#include "summary.h"
#include "text.h"

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void progress(void *ctx, long done, long target)
{
	(void)ctx;
	int width = 30, fill = (int)(width * done / (target ? target : 1));
	fprintf(stderr, "\r[%.*s%*s] %ld/%ld replications", fill,
		"==============================", width - fill, "", done, target);
	if (done >= target)
		fputc('\n', stderr);
}

/* A whole number option in [lo, hi]; prints the error. */
static int int_option(const char *name, const char *text, long lo, long hi, long *out)
{
	char err[200];
	int v;
	if (int_parse(text, &v, err, sizeof err) != 0 || v < lo || v > hi) {
		say("run", "%s %s: expected a whole number from %ld to %ld", name,
			text, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

struct run_opts {
	long reps, seed, threads;
	double precision;
	const char *scenario;
	char outdir[4096];
	int lang; /* enum chart_lang */
};

static int options(const struct cli *c, struct run_opts *o)
{
	o->reps = 1000;
	o->seed = 1;
	o->threads = omp_get_max_threads();
	o->precision = 0;
	if (c->npos > 1) {
		say("run", "one scenario at most, got %s and %s", c->pos[0],
			c->pos[1]);
		return -1;
	}
	if (c->npos && c->scenario) {
		say("run", "give the scenario once: %s or --scenario %s",
			c->pos[0], c->scenario);
		return -1;
	}
	o->scenario = c->npos ? c->pos[0] : c->scenario;
	o->lang = c->lang ? chart_lang_parse(c->lang) : CHART_EN;
	if (o->lang < 0) {
		say("run", "--lang %s: expected en or zh", c->lang);
		return -1;
	}
	if (c->reps && int_option("--reps", c->reps, 1, 100000000, &o->reps))
		return -1;
	if (c->seed && int_option("--seed", c->seed, 0, INT_MAX, &o->seed))
		return -1;
	if (c->threads && int_option("--threads", c->threads, 1, 1024, &o->threads))
		return -1;
	if (c->precision) {
		char err[200];
		if (share_parse(c->precision, &o->precision, err, sizeof err) != 0 ||
		    !(o->precision > 0 && o->precision < 1)) {
			say("run", "--precision %s: expected a share above 0 and "
				"below 100%%, e.g. 1%% or 0.01", c->precision);
			return -1;
		}
		if (!c->reps)
			o->reps = 1000000; /* the most a precision run may take */
	}
	return 0;
}

/* The ledger of one replication: its recipients' names copied, since the
 * simulator's are only valid during each award. */
struct rep_ledger {
	struct ledger l;
	struct sim_work *w;
	char **names;
	size_t n, cap;
};

static void to_ledger(void *ctx, const struct award *a)
{
	struct rep_ledger *rl = ctx;
	if (rl->n == rl->cap) {
		size_t nc = rl->cap ? rl->cap * 2 : 256;
		char **nn = realloc(rl->names, nc * sizeof *nn);
		if (!nn) {
			rl->l.oom = true;
			return;
		}
		rl->names = nn;
		rl->cap = nc;
	}
	char *name = strdup(sim_recipient_id(rl->w));
	if (!name) {
		rl->l.oom = true;
		return;
	}
	rl->names[rl->n++] = name;
	rl->l.current = name;
	struct award_sink s = ledger_sink(&rl->l);
	s.fn(s.ctx, a);
}

static void rep_ledger_free(struct rep_ledger *rl)
{
	for (size_t i = 0; i < rl->n; i++)
		free(rl->names[i]);
	free(rl->names);
	ledger_free(&rl->l);
	sim_work_free(rl->w);
}

/* The command that makes this run again, quoted to paste into a shell. */
static void command_line(const struct cli *c, const struct run_opts *o, char *buf, size_t n)
{
	size_t k = (size_t)snprintf(buf, n, "fundsim run");
	char num[64];
	if (o->scenario)
		cmd_arg(buf, n, &k, o->scenario);
	snprintf(num, sizeof num, "%ld", o->reps);
	cmd_opt(buf, n, &k, "--reps", num);
	snprintf(num, sizeof num, "%ld", o->seed);
	cmd_opt(buf, n, &k, "--seed", num);
	if (o->precision > 0) {
		snprintf(num, sizeof num, "%g", o->precision);
		cmd_opt(buf, n, &k, "--precision", num);
	}
	if (c->firms)
		cmd_opt(buf, n, &k, "--firms", c->firms);
	for (int i = 0; i < c->nsets; i++)
		cmd_opt(buf, n, &k, "--set", c->sets[i]);
	if (c->ledger)
		cmd_opt(buf, n, &k, "--ledger", NULL);
	if (o->lang == CHART_ZH)
		cmd_opt(buf, n, &k, "--lang", "zh");
	if (c->outdir)
		cmd_opt(buf, n, &k, "--out", c->outdir);
}

int cmd_run(const struct cli *c)
{
	struct run_opts o;
	if (options(c, &o) != 0)
		return EXIT_USAGE;
	struct scenario *s = open_scenario(o.scenario, c);
	if (!s)
		return EXIT_USAGE;
	struct panel pn = {0};
	struct sim_output out = {0};
	struct summary *sm = NULL;
	struct rep_ledger rl = {0};
	struct outset os = {0};
	char err[ERR_LEN], cmdline[8192];
	int rc = EXIT_USAGE;
	if (c->firms && panel_load_shared(c->firms, &pn, err, sizeof err) != 0) {
		say("run", "%s", err);
		goto done;
	}
	cmd_out_dir(c->outdir, s, NULL, o.outdir, sizeof o.outdir);
	if (outset_begin(&os, o.outdir, err, sizeof err) != 0) { /* before the work, not after */
		say("run", "%s (--out names the folder for the results)", err);
		goto done;
	}
	cmd_catch_signals(on_sigint);
	struct sim_config cfg = {
		.seed = (uint64_t)o.seed, .reps = o.reps, .precision = o.precision,
		.threads = (int)o.threads, .stock = c->firms ? &pn : NULL,
		.progress = !c->quiet && isatty(2) ? progress : NULL, .stop = &interrupted,
	};
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = EXIT_FAIL;
	if (sim_run(&s->pol, &cfg, &out, err, sizeof err) != 0) {
		say("run", "%s", err);
		goto done;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (out.stopped) {
		(fputc('\n', stderr), say("run", "interrupted after %ld of %ld replications; "
			"nothing written, earlier results in %s are untouched", out.reps, o.reps,
			o.outdir));
		rc = 130;
		goto done;
	}
	if (o.precision > 0 && report_halfwidth(&out) > o.precision) /* said even with --quiet */
		say("run", "--precision %g%% NOT reached: after %ld replications "
			"(the most --reps allows) the 95%% interval of the mean total is within "
			"%.3g%% of it", 100 * o.precision, out.reps, 100 * report_halfwidth(&out));
	if (!(sm = summary_of(&out, &s->pol))) {
		say("run", "out of memory computing the statistics");
		goto done;
	}
	if (c->ledger) {
		rl.w = sim_work_new();
		if (!rl.w) {
			say("run", "out of memory");
			goto done;
		}
		struct award_sink sink = {.fn = to_ledger, .ctx = &rl, .reasons = true};
		double *row = malloc(out.layout.width * sizeof *row);
		if (row)
			sim_rep(&s->pol, cfg.stock, cfg.seed, 0, &out.layout, row, rl.w, &sink);
		free(row);
		/* the envelope cut the run's totals (by line); the ledger's awards too */
		if (row && ledger_prorata(&rl.l, &s->pol, NULL) != 0)
			rl.l.oom = true;
		if (!row || rl.l.oom) {
			say("run", "out of memory writing the ledger");
			goto done;
		}
	}
	command_line(c, &o, cmdline, sizeof cmdline);
	struct run_info ri = {
		.s = s, .command = cmdline, .firms = c->firms, .seed = (uint64_t)o.seed,
		.threads = (int)o.threads, .precision = o.precision,
		.seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	};
	if (report_write(os.stage, &ri, &out, sm, c->ledger ? &rl.l : NULL, err, sizeof err) != 0) {
		say("run", "%s", err);
		goto done;
	}
	struct chart_opts co = {.s = s, .seed = (uint64_t)o.seed, .lang = o.lang,
				.draw = !c->no_charts};
	struct chart_notes notes;
	int crc = charts_write(os.stage, &co, &out, sm, &notes, err, sizeof err);
	for (int i = 0; i < notes.n; i++)
		say("run", "%s", notes.text[i]);
	if (crc != 0) {
		say("run", "charts: %s; nothing written, earlier results in %s "
			"are untouched", err, o.outdir);
		goto done;
	}
	if (interrupted) {
		(fputc('\n', stderr), say("run", "interrupted while writing; nothing written, earlier "
			"results in %s are untouched", o.outdir));
		rc = 130;
		goto done;
	}
	if (outset_commit(&os, err, sizeof err) != 0) {
		say("run", "%s", err);
		goto done;
	}
	if (!c->quiet) {
		report_print(stdout, &ri, sm);
		printf("\nresults in %s/\n", SHOWN(o.outdir));
	}
	rc = EXIT_OK;
done:
	outset_abort(&os);
	rep_ledger_free(&rl);
	summary_free(sm);
	sim_output_free(&out);
	panel_free(&pn);
	free(s);
	return rc;
}
