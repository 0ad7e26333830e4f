/* cmd_calibrate.c - `fundsim calibrate`: the population against public
 * aggregates ([targets]), and fitting parameters to them. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "calib.h"
#include "cmd_impl.h"
#include "cmd_setup.h"
#include "csvout.h"
#include "money.h"
#include "params.h"
#include "text.h"
#include "i18n.h"

#define FIT_MAX_KEYS 8
#define FIT_MAX_ITER 80

/* What calibrate takes beyond the shared setup (cmd_setup.h). */
struct calib_opts {
	long reps, seed; /* as run: for the fitted file's comment */
	const char *scenario;
	int keys[FIT_MAX_KEYS];
	int nkeys;
};

/* --fit K1,K2,...: numeric parameters, each once. */
static int fit_keys(const char *list, struct calib_opts *o)
{
	char buf[1024];
	if (strlen(list) >= sizeof buf) {
		say("calibrate", _("--fit: the list is too long"));
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", list);
	for (char *save = NULL, *k = strtok_r(buf, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
		char err[300];
		int i = params_key(k, err, sizeof err);
		if (i < 0) {
			say("calibrate", _("--fit: %s"), err);
			return -1;
		}
		if (!params_numeric(i)) {
			say("calibrate",
			    _("--fit %s: not a number to fit (true/false and words are "
			      "not)"),
			    k);
			return -1;
		}
		for (int j = 0; j < o->nkeys; j++)
			if (o->keys[j] == i) {
				say("calibrate", _("--fit: %s named twice"), k);
				return -1;
			}
		if (o->nkeys == FIT_MAX_KEYS) {
			say("calibrate", _("--fit: at most %d parameters"), FIT_MAX_KEYS);
			return -1;
		}
		o->keys[o->nkeys++] = i;
	}
	if (!o->nkeys) {
		say("calibrate",
		    _("--fit: expected KEY,KEY,... e.g. firms.revenue,firms.key_db_share"));
		return -1;
	}
	return 0;
}

static int options(const struct cli *c, struct setup *su, struct calib_opts *o)
{
	*o = (struct calib_opts){0};
	if (setup_options(su, c) != 0 || setup_scenario(c, &o->scenario) != 0)
		return -1;
	o->reps = su->reps;
	o->seed = su->seed;
	if (c->fit && fit_keys(c->fit, o) != 0)
		return -1;
	return 0;
}

static void write_csv(FILE *f, const struct calib_row *rows, int n)
{
	size_t nt;
	const struct target_def *d = targets_table(&nt);
	fprintf(f, "target,unit,low,high,source,model_mean,model_p5,model_p95,within\n");
	for (int i = 0; i < n; i++) {
		const struct target_def *td = &d[rows[i].t->def];
		fprintf(f, "%s,%s,%.6g,%.6g,", td->key, td->unit_word, rows[i].t->lo,
			rows[i].t->hi);
		csv_text(f, rows[i].t->source);
		fprintf(f, ",%.6g,%.6g,%.6g,%d\n", rows[i].mean, rows[i].p5, rows[i].p95,
			rows[i].within);
	}
}

/* The fitted scenario: the base it was fitted from, and each fitted key. */
static void write_fitted(FILE *f, const struct scenario *s, const struct calib_opts *o,
			 double before, double after)
{
	size_t nt;
	const struct target_def *d = targets_table(&nt);
	const struct param_def *pd = params_table(&nt);
	char name[4 * sizeof s->name + 3], base[4 * PATH_MAX + 3];
	fprintf(f, "; fitted by fundsim calibrate on %ld replications, seed %ld, to the targets",
		o->reps, o->seed);
	for (int i = 0; i < s->ntargets; i++)
		fprintf(f, "%s %s", i ? "," : "", d[s->targets[i].def].key);
	fprintf(f, "\n; (distance from the centres of the ranges %.4g before, %.4g after)\n",
		before, after);
	char full[PATH_MAX];
	scenario_quote(o->scenario ? (realpath(o->scenario, full) ? full : o->scenario) : "builtin",
		       base, sizeof base);
	snprintf(full, sizeof full, "%s-fitted", s->name);
	scenario_quote(full, name, sizeof name);
	fprintf(f, "[scenario]\nname = %s\nbase = %s\n", name, base);
	for (int k = 0; k < o->nkeys; k++) {
		char v[160];
		params_format(&s->pol, o->keys[k], v, sizeof v);
		fprintf(f, "\n[%s]\n%s = %s   ; fitted to the targets above\n",
			pd[o->keys[k]].section, pd[o->keys[k]].key, v);
	}
}

static void print_table(const struct calib_row *rows, int n, int within)
{
	size_t nt;
	const struct target_def *d = targets_table(&nt);
	text_pad(stdout, _("target"), 14);
	text_pad(stdout, _("range"), 24);
	text_pad(stdout, _("model mean"), 12);
	text_pad(stdout, _("model 90%"), 24);
	printf("%s\n", _("within"));
	for (int i = 0; i < n; i++) {
		const struct target_def *td = &d[rows[i].t->def];
		char lo[48], hi[48], m[48], a[48], b[48], range[100], band[100];
		targets_value_words(td, rows[i].t->lo, lo, sizeof lo);
		targets_value_words(td, rows[i].t->hi, hi, sizeof hi);
		targets_value_words(td, rows[i].mean, m, sizeof m);
		targets_value_words(td, rows[i].p5, a, sizeof a);
		targets_value_words(td, rows[i].p95, b, sizeof b);
		snprintf(range, sizeof range, "%s - %s", lo, hi);
		snprintf(band, sizeof band, "%s - %s", a, b);
		printf("%-14s ", td->key);
		text_pad(stdout, range, 24);
		text_pad(stdout, m, 12);
		text_pad(stdout, band, 24);
		printf("%s\n", rows[i].within ? "yes" : "NO");
	}
	printf(_("\n%d of %d targets met\n"), within, n);
}

static int write_file(const char *dir, const char *name, void (*fn)(FILE *, void *), void *ctx,
		      bool bom)
{
	char path[4200], err[ERR_LEN];
	struct atomic_file af;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (atomic_open(&af, path, err, sizeof err) != 0) {
		say("calibrate", "%s", err);
		return -1;
	}
	if (bom)
		csv_bom(af.f);
	fn(af.f, ctx);
	if (atomic_commit(&af, err, sizeof err) != 0) {
		say("calibrate", "%s", err);
		return -1;
	}
	return 0;
}

struct csv_ctx {
	const struct calib_row *rows;
	int n;
};
static void csv_fn(FILE *f, void *ctx)
{
	struct csv_ctx *x = ctx;
	write_csv(f, x->rows, x->n);
}

struct fit_out {
	const struct scenario *s;
	const struct calib_opts *o;
	double before, after;
};
static void fit_fn(FILE *f, void *ctx)
{
	struct fit_out *x = ctx;
	write_fitted(f, x->s, x->o, x->before, x->after);
}

int cmd_calibrate(const struct cli *c)
{
	struct setup su = {0};
	struct calib_opts o;
	struct scenario *s = NULL;
	struct calib_row rows[MAX_TARGETS];
	char err[ERR_LEN];
	int rc = EXIT_USAGE;
	if (options(c, &su, &o) != 0 || !(s = open_scenario(o.scenario, c)))
		goto done;
	if (s->ntargets == 0) {
		say("calibrate",
		    _("scenario %s declares no [targets] (scenarios/README.md: "
		      "KEY = LO:HI | SOURCE)"),
		    s->name);
		goto done;
	}
	if (setup_panel(&su, c) != 0 || setup_begin(&su, c, s, "calibrate") != 0)
		goto done;
	struct sim_config cfg = setup_sim(&su);
	rc = EXIT_FAIL;
	struct fit_out fo = {.s = s, .o = &o};
	if (o.nkeys) {
		struct sim_config quiet = cfg; /* one bar a run would scroll by the hundred */
		quiet.progress = NULL;
		if (calib_fit(s, o.keys, o.nkeys, &quiet, FIT_MAX_ITER, &fo.before, &fo.after, err,
			      sizeof err) != 0) {
			if (setup_interrupted())
				rc = setup_stopped(&su, "while fitting");
			else
				say("calibrate", _("--fit: %s"), err);
			goto done;
		}
	}
	int within = calib_measure(s, &cfg, rows, err, sizeof err);
	if (within < 0) {
		if (setup_interrupted())
			rc = setup_stopped(&su, NULL);
		else
			say("calibrate", "%s", err);
		goto done;
	}
	struct csv_ctx cx = {rows, s->ntargets};
	if (write_file(su.os.stage, "calibration.csv", csv_fn, &cx, c->csv_bom) != 0 ||
	    (o.nkeys && write_file(su.os.stage, "fitted.ini", fit_fn, &fo, false) != 0))
		goto done;
	if ((rc = setup_commit(&su)) != EXIT_OK)
		goto done;
	if (!c->quiet) {
		print_table(rows, s->ntargets, within);
		printf(_("results in %s/\n"), SHOWN(su.os.dir));
	}
	if (within < s->ntargets)
		say("calibrate", _("%d of %d targets outside their range"), s->ntargets - within,
		    s->ntargets);
	rc = within == s->ntargets ? EXIT_OK : EXIT_FAIL;
done:
	setup_free(&su);
	free(s);
	return stdout_check("calibrate", rc, false);
}
