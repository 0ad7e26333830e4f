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
#include "report.h"
#include "sim.h"

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
		fprintf(stderr, "fundsim run: %s %s: expected a whole number from %ld to %ld\n", name,
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
		fprintf(stderr, "fundsim run: one scenario at most, got %s and %s\n", c->pos[0],
			c->pos[1]);
		return -1;
	}
	if (c->npos && c->scenario) {
		fprintf(stderr, "fundsim run: give the scenario once: %s or --scenario %s\n",
			c->pos[0], c->scenario);
		return -1;
	}
	o->scenario = c->npos ? c->pos[0] : c->scenario;
	o->lang = c->lang ? chart_lang_parse(c->lang) : CHART_EN;
	if (o->lang < 0) {
		fprintf(stderr, "fundsim run: --lang %s: expected en or zh\n", c->lang);
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
			fprintf(stderr, "fundsim run: --precision %s: expected a share above 0 and "
				"below 100%%, e.g. 1%% or 0.01\n", c->precision);
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

static void command_line(const struct cli *c, const struct run_opts *o, char *buf, size_t n)
{
	size_t k = (size_t)snprintf(buf, n, "fundsim run %s --reps %ld --seed %ld",
				    o->scenario ? o->scenario : "", o->reps, o->seed);
	if (o->precision > 0 && k < n)
		k += (size_t)snprintf(buf + k, n - k, " --precision %g", o->precision);
	if (c->firms && k < n)
		k += (size_t)snprintf(buf + k, n - k, " --firms %s", c->firms);
	for (int i = 0; i < c->nsets && k < n; i++)
		k += (size_t)snprintf(buf + k, n - k, " --set %s", c->sets[i]);
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
	struct rep_ledger rl = {0};
	char err[ERR_LEN], cmdline[2048];
	int rc = EXIT_USAGE;
	if (c->firms && panel_load_shared(c->firms, &pn, err, sizeof err) != 0) {
		fprintf(stderr, "fundsim run: %s\n", err);
		goto done;
	}
	snprintf(o.outdir, sizeof o.outdir, "%s", c->outdir ? c->outdir : "out/");
	if (!c->outdir)
		snprintf(o.outdir + 4, sizeof o.outdir - 4, "%s", s->name[0] ? s->name : "scenario");
	if (report_prepare(o.outdir, err, sizeof err) != 0) { /* before the work, not after */
		fprintf(stderr, "fundsim run: %s (--out names the folder for the results)\n", err);
		goto done;
	}
	struct sigaction sa = {.sa_handler = on_sigint};
	sigaction(SIGINT, &sa, NULL);
	struct sim_config cfg = {
		.seed = (uint64_t)o.seed, .reps = o.reps, .precision = o.precision,
		.threads = (int)o.threads, .stock = c->firms ? &pn : NULL,
		.progress = !c->quiet && isatty(2) ? progress : NULL, .stop = &interrupted,
	};
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = EXIT_FAIL;
	if (sim_run(&s->pol, &cfg, &out, err, sizeof err) != 0) {
		fprintf(stderr, "fundsim run: %s\n", err);
		goto done;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (out.stopped) {
		fprintf(stderr, "\nfundsim run: interrupted after %ld of %ld replications; "
			"nothing written, earlier results in %s are untouched\n", out.reps, o.reps,
			o.outdir);
		rc = 130;
		goto done;
	}
	if (c->ledger) {
		rl.w = sim_work_new();
		if (!rl.w) {
			fprintf(stderr, "fundsim run: out of memory\n");
			goto done;
		}
		struct award_sink sink = {.fn = to_ledger, .ctx = &rl, .reasons = true};
		double *row = malloc(out.layout.width * sizeof *row);
		if (row)
			sim_rep(&s->pol, cfg.stock, cfg.seed, 0, &out.layout, row, rl.w, &sink);
		free(row);
		if (!row || rl.l.oom) {
			fprintf(stderr, "fundsim run: out of memory writing the ledger\n");
			goto done;
		}
	}
	command_line(c, &o, cmdline, sizeof cmdline);
	struct run_info ri = {
		.s = s, .command = cmdline, .firms = c->firms, .seed = (uint64_t)o.seed,
		.threads = (int)o.threads, .precision = o.precision,
		.seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	};
	if (report_write(o.outdir, &ri, &out, c->ledger ? &rl.l : NULL, err, sizeof err) != 0) {
		fprintf(stderr, "fundsim run: %s\n", err);
		goto done;
	}
	struct chart_opts co = {.s = s, .seed = (uint64_t)o.seed, .lang = o.lang,
				.draw = !c->no_charts};
	struct chart_notes notes;
	int crc = charts_write(o.outdir, &co, &out, &notes, err, sizeof err);
	for (int i = 0; i < notes.n; i++)
		fprintf(stderr, "fundsim run: %s\n", notes.text[i]);
	if (crc != 0) {
		fprintf(stderr, "fundsim run: charts: %s\n", err);
		goto done;
	}
	if (!c->quiet) {
		report_print(stdout, &ri, &out);
		printf("\nresults in %s/\n", o.outdir);
	}
	rc = EXIT_OK;
done:
	rep_ledger_free(&rl);
	sim_output_free(&out);
	panel_free(&pn);
	free(s);
	return rc;
}
