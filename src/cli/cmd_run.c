/* cmd_run.c - `fundsim run`: the Monte Carlo main job. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
#include "cmd_impl.h"
#include "cmd_setup.h"
#include "inputs.h"
#include "money.h"
#include "outset.h"
#include "report.h"
#include "sim.h"
#include "summary.h"
#include "text.h"
#include "workbook.h"
#include "i18n.h"

/* What run takes beyond the shared setup. */
struct run_opts {
	double precision;
	const char *scenario;
};

static int options(const struct cli *c, struct setup *su, struct run_opts *o)
{
	o->precision = 0;
	if (setup_options(su, c) != 0 || setup_scenario(c, &o->scenario) != 0)
		return -1;
	if (c->precision) {
		char err[200];
		if (share_parse(c->precision, &o->precision, err, sizeof err) != 0 ||
		    !(o->precision > 0 && o->precision < 1)) {
			say("run",
			    _("--precision %s: expected a share above 0 and "
			      "below 100%%, e.g. 1%% or 0.01"),
			    c->precision);
			return -1;
		}
		if (!c->reps)
			su->reps = 1000000; /* the most a precision run may take */
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

int cmd_run(const struct cli *c)
{
	struct setup su = {0};
	struct run_opts o;
	struct scenario *s = NULL;
	struct sim_output out = {0};
	struct summary *sm = NULL;
	struct rep_ledger rl = {0};
	char err[ERR_LEN], cmdline[8192];
	int rc = EXIT_USAGE;
	if (options(c, &su, &o) != 0 || !(s = open_scenario(o.scenario, c)) ||
	    setup_panel(&su, c) != 0 || setup_entities(&su, c) != 0 ||
	    setup_begin(&su, c, s, NULL) != 0)
		goto done;
	struct sim_config cfg = setup_sim(&su);
	cfg.precision = o.precision;
	rc = EXIT_FAIL;
	if (sim_run(&s->pol, &cfg, &out, err, sizeof err) != 0) {
		say("run", "%s", err);
		goto done;
	}
	double seconds = setup_seconds(&su);
	if (out.stopped) {
		char how_far[80];
		snprintf(how_far, sizeof how_far, _("after %ld of %ld replications"), out.reps,
			 su.reps);
		rc = setup_stopped(&su, how_far);
		goto done;
	}
	if (o.precision > 0 && sim_halfwidth(&out) > o.precision) /* said even with --quiet */
		say("run",
		    _("--precision %g%% NOT reached: after %ld replications "
		      "(the most --reps allows) the 95%% interval of the mean total is within "
		      "%.3g%% of it"),
		    100 * o.precision, out.reps, 100 * sim_halfwidth(&out));
	/* said even with --quiet: some percentiles are not the exact ones */
	if (!out.rows && results_estimated(out.res))
		say("run",
		    _("past the %ld replications that fit in --exact-mb %ld, the percentiles of "
		      "%zu of %zu figures are GSL's P-square estimates (exact for the others, of "
		      "at most 128 distinct amounts; mean and sd exact); a larger --exact-mb keeps "
		      "every replication"),
		    (long)results_kept_most(out.res), su.exact_mb, results_estimated(out.res),
		    results_width(out.res));
	if (!(sm = summary_of(&out, &s->pol))) {
		say("run", _("out of memory computing the statistics"));
		goto done;
	}
	if (c->ledger) {
		rl.w = sim_work_new();
		if (!rl.w) {
			say("run", _("out of memory"));
			goto done;
		}
		struct award_sink sink = {.fn = to_ledger, .ctx = &rl, .reasons = true};
		double *row = malloc(out.layout.width * sizeof *row);
		if (row)
			sim_rep(&s->pol, cfg.stock, cfg.known, cfg.seed, 0, &out.layout, row, rl.w,
				&sink);
		free(row);
		/* the envelope cut the run's totals (by line); the ledger's awards too */
		if (row && ledger_budget(&rl.l, &s->pol, NULL) != 0)
			rl.l.oom = true;
		if (!row || rl.l.oom) {
			say("run", _("out of memory writing the ledger"));
			goto done;
		}
	}
	setup_command_line(&su, c, o.scenario, o.precision, cmdline, sizeof cmdline);
	struct run_info ri = {
		.s = s,
		.command = cmdline,
		.firms = c->firms,
		.entities = c->entities,
		.known = su.known,
		.seed = (uint64_t)su.seed,
		.threads = (int)su.threads,
		.precision = o.precision,
		.seconds = seconds,
		.date = time(NULL),
		.bom = c->csv_bom,
	};
	if (report_write(su.os.stage, &ri, &out, sm, c->ledger ? &rl.l : NULL, err, sizeof err) !=
	    0) {
		say("run", "%s", err);
		goto done;
	}
	struct wb_run wr = {.ri = &ri, .o = &out, .sm = sm, .lang = su.lang};
	if (workbook_run(su.os.stage, &wr, err, sizeof err) != 0) {
		say("run", _("%s; nothing written, earlier results in %s are untouched"), err,
		    su.os.dir);
		goto done;
	}
	struct chart_opts co = {.s = s,
				.seed = (uint64_t)su.seed,
				.lang = su.lang,
				.draw = !c->no_charts};
	struct chart_notes notes;
	int crc = charts_write(su.os.stage, &co, &out, sm, &notes, err, sizeof err);
	for (int i = 0; i < notes.n; i++)
		say("run", "%s", notes.text[i]);
	if (crc != 0) {
		say("run",
		    _("charts: %s; nothing written, earlier results in %s "
		      "are untouched"),
		    err, su.os.dir);
		goto done;
	}
	if ((rc = setup_commit(&su)) != EXIT_OK)
		goto done;
	if (!c->quiet) {
		report_print(stdout, &ri, sm);
		printf(_("\nresults in %s/\n"), SHOWN(su.os.dir));
	}
	rc = EXIT_OK;
done:
	setup_free(&su);
	rep_ledger_free(&rl);
	summary_free(sm);
	sim_output_free(&out);
	free(s);
	return rc;
}
