/* cmd_study.c - `fundsim sweep`, `tornado`, `compare` and `sobol`: the
 * setup, CSV files and tables around the studies of study.c.
 *
 * Each study writes its CSV files (tidy: one row per observation, amounts
 * in yuan) and a manifest into DIR (default out/<scenario>/<study>/),
 * every file whole or not at all, and prints a table in 万元/亿元. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "atomic.h"
#include "charts.h"
#include "cmd_impl.h"
#include "cmd_study_impl.h"
#include "inputs.h"
#include "money.h"
#include "outset.h"
#include "study.h"
#include "text.h"
#include "version.h"
#include "workbook.h"
#include "i18n.h"


const char *const sc_level_names[N_LEVELS] = {"total", "provincial", "municipal", "district"};

/* ---- the setup of a study ---- */

int sc_options(const struct cli *c, struct setup *o)
{
	if (setup_options(o, c) != 0)
		return -1;
	snprintf(o->unit, sizeof o->unit, "runs (%s)", o->cmd);
	return 0;
}

/* Replications must fit in memory to be paired. */
int sc_check_reps(const struct setup *o, const struct scenario *s)
{
	long most = study_max_reps(&s->pol);
	if (o->reps <= most)
		return 0;
	say(o->cmd,
	    _("--reps %ld: a study keeps every replication to pair it "
	      "with the base case; at most %ld for scenario %s"),
	    o->reps, most, s->name);
	return -1;
}

int sc_begin(struct setup *o, const struct cli *c, const struct scenario *s)
{
	return setup_panel(o, c) != 0 || setup_begin(o, c, s, o->cmd) != 0 ? -1 : 0;
}

/* A study that did not finish: its message and exit code. */
int sc_failed(const struct setup *o, enum study_status rc, const char *err)
{
	if (rc == STUDY_STOPPED)
		return setup_stopped(o, NULL);
	say(o->cmd, "%s", err);
	return rc == STUDY_INVALID ? EXIT_USAGE : EXIT_FAIL;
}

/* ---- words and files ---- */

const char *sc_line_name(int line)
{
	return line == N_LINES ? "TOTAL" : line_info(line)->name;
}

const char *sc_line_label(int line)
{
	/* TRANSLATORS: the row of all lines in a terminal table (合计); CSV files keep TOTAL */
	return line == N_LINES ? _("TOTAL") : line_info(line)->name;
}

void sc_key_name(int i, char *buf, size_t n)
{
	size_t np;
	const struct param_def *d = params_table(&np);
	snprintf(buf, n, "%s.%s", d[i].section, d[i].key);
}

/* A change: signed, and "0" when exactly nothing moved. */
void sc_wan_signed(double yuan, char *buf, size_t n)
{
	char t[40];
	if (yuan == 0) {
		snprintf(buf, n, "0");
		return;
	}
	money_table(fabs(yuan), t, sizeof t);
	snprintf(buf, n, "%s%s", yuan < 0 ? "-" : "+", t);
}

/* "+12.3万 ± 1.1万", or "0" when the change is exactly 0. */
void sc_change_words(const struct study_diff *d, char *buf, size_t n)
{
	char m[40], se[40];
	sc_wan_signed(d->mean, m, sizeof m);
	money_table(d->se, se, sizeof se);
	if (d->mean == 0 && d->se == 0)
		snprintf(buf, n, "0");
	else
		snprintf(buf, n, "%s ± %s", m, se);
}

/* "+12.3万 [+10.1万, +14.5万]" */
void sc_interval_words(const struct study_diff *d, char *buf, size_t n)
{
	char m[40], lo[40], hi[40];
	sc_wan_signed(d->mean, m, sizeof m);
	sc_wan_signed(d->lo, lo, sizeof lo);
	sc_wan_signed(d->hi, hi, sizeof hi);
	snprintf(buf, n, "%s [%s, %s]", m, lo, hi);
}

void sc_diff_csv(FILE *f, const struct study_diff *d)
{
	fprintf(f, ",%.2f,%.2f,%.2f,%.2f", d->mean, d->se, d->lo, d->hi);
}

/* What the writers need; each command fills its part. */

void sc_put_manifest(FILE *f, const struct job *j)
{
	const struct cli *c = j->c;
	char cmd[8192], when[32];
	size_t k = 0;
	char num[64];
	cmd_put(cmd, sizeof cmd, &k, "fundsim %s", c->command);
	for (int i = 0; i < c->npos; i++)
		cmd_arg(cmd, sizeof cmd, &k, c->pos[i]);
	if (c->scenario)
		cmd_opt(cmd, sizeof cmd, &k, "--scenario", c->scenario);
	snprintf(num, sizeof num, "%ld", j->o->reps);
	cmd_opt(cmd, sizeof cmd, &k, "--reps", num);
	snprintf(num, sizeof num, "%ld", j->o->seed);
	cmd_opt(cmd, sizeof cmd, &k, "--seed", num);
	if (c->keys)
		cmd_opt(cmd, sizeof cmd, &k, "--keys", c->keys);
	if (c->policy)
		cmd_opt(cmd, sizeof cmd, &k, "--policy", NULL);
	for (int i = 0; i < c->nranges; i++)
		cmd_opt(cmd, sizeof cmd, &k, "--range", c->ranges[i]);
	if (j->sobol) {
		snprintf(num, sizeof num, "%ld", j->sobol->n);
		cmd_opt(cmd, sizeof cmd, &k, "--n", num);
		snprintf(num, sizeof num, "%d", j->sobol->boot);
		cmd_opt(cmd, sizeof cmd, &k, "--bootstrap", num);
	}
	if (c->firms)
		cmd_opt(cmd, sizeof cmd, &k, "--firms", c->firms);
	for (int i = 0; i < c->nsets; i++)
		cmd_opt(cmd, sizeof cmd, &k, "--set", c->sets[i]);
	if (c->lang)
		cmd_opt(cmd, sizeof cmd, &k, "--lang", c->lang);
	if (c->outdir)
		cmd_opt(cmd, sizeof cmd, &k, "--out", c->outdir);
	time_t now = time(NULL);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	/* "key: value" lines as report_manifest writes them, the keys the
	 * workbook's method sheet reads back in either language */
	fprintf(f, "fundsim %s (git %s) %s\n", fundsim_version, fundsim_git, c->command);
	fprintf(f, "%s: %s\n", _("command"), cmd);
	for (int i = 0; i < j->ns; i++)
		fprintf(f, "%s: %s (%s)\n", _("scenario"), SHOWN(j->s[i]->name),
			j->s[i]->path[0] ? SHOWN(j->s[i]->path) : _("built-in"));
	fprintf(f, "%s: %ld\n", _("seed"), j->o->seed);
	/* the count alone on its line, so that the method sheet keeps it a number */
	fprintf(f, "%s: %ld\n", _("replications"), j->o->reps);
	fprintf(f, "%s: %s\n", _("common random numbers"),
		_("every run with the same seed: differences are paired by replication"));
	fprintf(f, "%s: ", _("threads"));
	fprintf(f, _("%ld (results do not depend on it)\n"), j->o->threads);
	fprintf(f, "%s: ", _("wall time"));
	fprintf(f, _("%.2f s\n"), j->seconds);
	fprintf(f, "%s: %s\n", _("date"), when);
}

/* results.xlsx: each CSV file's text (text[i] of names[i]) as a sheet and
 * the manifest as the method sheet. 0, or -1 with err. */
static int study_workbook(const char *dir, const char *const *names, char *const *text, int n,
			  const struct job *j, char *err, size_t errlen)
{
	struct wb_csv tables[8];
	const char *manifest = NULL;
	int nt = 0;
	for (int i = 0; i < n; i++) {
		if (!strstr(names[i], ".csv"))
			manifest = manifest ? manifest : text[i]; /* one manifest */
		else if (nt < 8)
			tables[nt++] = (struct wb_csv){.name = names[i], .text = text[i]};
	}
	return workbook_study(dir, j->o->cmd, tables, nt, manifest, j->o->lang, err, errlen);
}

/* Write each file into dir, whole or not at all, then the workbook, all
 * from one writing of each into memory: the workbook holds the files'
 * figures, formatted once. Prints the error. */
int sc_write_files(const char *dir, const char *const *names, const writer_fn *fns, int n,
		   const struct job *j)
{
	char err[ERR_LEN];
	char **text = calloc((size_t)n, sizeof *text);
	size_t *len = calloc((size_t)n, sizeof *len);
	int rc = text && len ? 0 : -1;
	for (int i = 0; rc == 0 && i < n; i++) {
		FILE *f = open_memstream(&text[i], &len[i]);
		if (f)
			fns[i](f, j);
		if (!f || fclose(f) != 0)
			rc = -1;
	}
	if (rc != 0)
		snprintf(err, sizeof err, _("%s: out of memory"), dir);
	else
		rc = atomic_mkdirs(dir, err, sizeof err);
	for (int i = 0; rc == 0 && i < n; i++) {
		char path[4200];
		struct atomic_file af;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		rc = atomic_open(&af, path, err, sizeof err);
		if (rc == 0) {
			if (j->c->csv_bom && strstr(names[i], ".csv"))
				csv_bom(af.f);
			fwrite(text[i], 1, len[i], af.f);
			rc = atomic_commit(&af, err, sizeof err);
		}
	}
	if (rc == 0)
		rc = study_workbook(dir, names, text, n, j, err, sizeof err);
	if (rc != 0)
		say(j->o->cmd, "%s", err);
	for (int i = 0; text && i < n; i++)
		free(text[i]);
	free(text);
	free(len);
	return rc;
}

/* The options of a study's charts: labels in --lang, drawn unless
 * --no-charts. s is the base scenario (borrowed). */
struct chart_opts sc_chart_options(const struct cli *c, const struct setup *o,
				   const struct scenario *s)
{
	return (struct chart_opts){.s = s,
				   .seed = (uint64_t)o->seed,
				   .lang = o->lang,
				   .draw = !c->no_charts};
}

/* Print what the charts could not do, and their error when rc != 0. */
int sc_charts_said(const struct setup *o, int rc, const struct chart_notes *notes, const char *err)
{
	for (int i = 0; i < notes->n; i++)
		say(o->cmd, "%s", notes->text[i]);
	if (rc != 0)
		say(o->cmd, _("charts: %s"), err);
	return rc;
}
