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

/* A target's source in lang: the built-in scenario's in translation, a
 * scenario's own as written. */
static const char *source_in(const struct target *t, int lang)
{
	const char *w = targets_source_words(t->source, lang);
	return w ? w : t->source;
}

/* The first nine columns are read by position; meaning, meaning_zh and
 * source_zh come after them, for a reader who defends the ranges in Chinese. */
static void write_csv(FILE *f, const struct calib_row *rows, int n)
{
	size_t nt;
	const struct target_def *d = targets_table(&nt);
	fprintf(f, "target,unit,low,high,source,model_mean,model_p5,model_p95,within,"
		   "meaning,meaning_zh,source_zh\n");
	for (int i = 0; i < n; i++) {
		const struct target_def *td = &d[rows[i].t->def];
		fprintf(f, "%s,%s,%.6g,%.6g,", td->key, td->unit_word, rows[i].t->lo,
			rows[i].t->hi);
		csv_text(f, rows[i].t->source);
		fprintf(f, ",%.6g,%.6g,%.6g,%d,", rows[i].mean, rows[i].p5, rows[i].p95,
			rows[i].within);
		csv_text(f, targets_meaning(td, I18N_EN));
		fputc(',', f);
		csv_text(f, targets_meaning(td, I18N_ZH));
		fputc(',', f);
		csv_text(f, source_in(rows[i].t, I18N_ZH));
		fputc('\n', f);
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

/* A model figure: amounts rounded as run's tables round them (money_table),
 * not to the fen of a mean over replications. */
static void model_words(const struct target_def *d, double v, char *buf, size_t n)
{
	if (d->unit == TU_YUAN)
		money_table(v, buf, n);
	else
		targets_value_words(d, v, buf, n);
}

/* Columns of calibrate's table, as wide as their widest cell. */
enum { C_KEY, C_MEANING, C_RANGE, C_MEAN, C_BAND, N_COLS };

static void print_table(const struct calib_row *rows, int n, int within)
{
	size_t nt;
	const struct target_def *d = targets_table(&nt);
	int lang = i18n_lang();
	static char cell[MAX_TARGETS][N_COLS][200];
	const char *head[N_COLS] = {_("target"), _("meaning"), _("range"), _("model mean"),
				    _("model 90%")};
	int w[N_COLS];
	for (int k = 0; k < N_COLS; k++)
		w[k] = text_width(head[k]);
	for (int i = 0; i < n; i++) {
		const struct target_def *td = &d[rows[i].t->def];
		char lo[48], hi[48], a[48], b[48];
		/* the key, and what it is: firms_10yi alone means little */
		snprintf(cell[i][C_KEY], sizeof cell[i][C_KEY], "%s", td->key);
		snprintf(cell[i][C_MEANING], sizeof cell[i][C_MEANING], "%s",
			 targets_meaning(td, lang));
		targets_value_words(td, rows[i].t->lo, lo, sizeof lo);
		targets_value_words(td, rows[i].t->hi, hi, sizeof hi);
		snprintf(cell[i][C_RANGE], sizeof cell[i][C_RANGE], "%s - %s", lo, hi);
		model_words(td, rows[i].mean, cell[i][C_MEAN], sizeof cell[i][C_MEAN]);
		model_words(td, rows[i].p5, a, sizeof a);
		model_words(td, rows[i].p95, b, sizeof b);
		snprintf(cell[i][C_BAND], sizeof cell[i][C_BAND], "%s - %s", a, b);
		/* a count says what it counts: 1200 - 2200家, not 1200 - 2200 */
		const char *u = targets_count_unit(td, lang);
		for (int k = C_RANGE; u[0] && k <= C_BAND; k++) {
			size_t len = strlen(cell[i][k]);
			snprintf(cell[i][k] + len, sizeof cell[i][k] - len, "%s%s",
				 lang == I18N_ZH ? "" : " ", u);
		}
		for (int k = 0; k < N_COLS; k++)
			if (text_width(cell[i][k]) > w[k])
				w[k] = text_width(cell[i][k]);
	}
	for (int k = 0; k < N_COLS; k++)
		text_pad(stdout, head[k], w[k] + 1);
	/* TRANSLATORS: head of calibrate's column: is the model's mean inside the target's range */
	printf("%s\n", _("in range"));
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < N_COLS; k++)
			text_pad(stdout, cell[i][k], w[k] + 1);
		/* TRANSLATORS: calibrate's in-range column; NO in capitals stands out in English */
		printf("%s\n", rows[i].within ? _("yes") : _("NO"));
	}
	printf(_("\n%d of %d targets met\n"), within, n);
	printf("%s\n", _("base year: the last year before the policy's first (start_year - 1)"));
	/* the ranges are only as good as their sources: each one, in words */
	printf("\n%s\n", _("Where each range comes from ([targets] in the scenario):"));
	for (int i = 0; i < n; i++) {
		char src[4 * TARGET_SOURCE_LEN];
		text_escape_to(src, sizeof src, source_in(rows[i].t, lang)); /* the user's text */
		/* TRANSLATORS: a target's key, then its source */
		printf(_("  %s: %s\n"), d[rows[i].t->def].key, src);
	}
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
