/* cmd_study.c - `fundsim sweep`, `tornado`, `compare` and `sobol`: the
 * options, CSV files and tables around the studies of study.c.
 *
 * Each study writes its CSV files (tidy: one row per observation, amounts
 * in yuan) and a manifest into DIR (default out/<scenario>/<study>/),
 * every file whole or not at all, and prints a table in 万元/亿元. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <omp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "charts.h"
#include "cmd_impl.h"
#include "inputs.h"
#include "money.h"
#include "study.h"
#include "text.h"

#define DEFAULT_REPS 500   /* paired differences need fewer than a run's 1000 */
#define SOBOL_REPS 50      /* per design point; common random numbers keep noise low */
#define SOBOL_POINTS 128   /* base points N: N (k + 2) runs; a power of 2 suits Sobol */
#define SOBOL_BOOT 1000
#define TORNADO_PCT 0.2    /* default range: base -+ 20% */
#define SPIDER_KEYS 10     /* the largest swings get spider data */

static const char *const level_names[N_LEVELS] = {"total", "provincial", "municipal", "district"};

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* ---- options shared by the studies ---- */

struct sopts {
	const char *cmd; /* "sweep", ... */
	long reps, seed, threads;
	int lang; /* enum chart_lang: the charts' labels */
	struct study_cfg cfg;
	struct panel pn;
	struct timespec t0;
};

static void show_progress(void *ctx, long done, long total)
{
	int width = 30, fill = (int)(width * done / (total ? total : 1));
	fprintf(stderr, "\r[%.*s%*s] %ld/%ld runs (%s)", fill, "==============================",
		width - fill, "", done, total, (const char *)ctx);
	if (done >= total)
		fputc('\n', stderr);
}

/* A whole number option in [lo, hi]; prints the error. */
static int int_option(const char *cmd, const char *name, const char *text, long lo, long hi,
		      long *out)
{
	char err[200];
	int v;
	if (int_parse(text, &v, err, sizeof err) != 0 || v < lo || v > hi) {
		fprintf(stderr, "fundsim %s: %s %s: expected a whole number from %ld to %ld\n", cmd,
			name, text, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

/* An option that this command does not take. */
static int unused(const char *cmd, bool given, const char *opt, const char *who)
{
	if (given)
		fprintf(stderr, "fundsim %s: %s is for %s (see fundsim --help)\n", cmd, opt, who);
	return given ? -1 : 0;
}

static int options(const struct cli *c, const char *cmd, long reps, struct sopts *o)
{
	memset(o, 0, sizeof *o);
	o->cmd = cmd;
	o->reps = reps;
	o->seed = 1;
	o->threads = omp_get_max_threads();
	bool tornado = strcmp(cmd, "tornado") == 0, sobol = strcmp(cmd, "sobol") == 0;
	if (unused(cmd, c->precision, "--precision", "run") ||
	    unused(cmd, c->ledger, "--ledger", "run") ||
	    unused(cmd, c->entities || c->output, "--entities/-o", "award") ||
	    unused(cmd, !tornado && (c->keys || c->policy || c->nranges),
		   "--keys/--policy/--range", "tornado") ||
	    unused(cmd, !sobol && (c->points || c->bootstrap), "--n/--bootstrap", "sobol"))
		return -1;
	o->lang = c->lang ? chart_lang_parse(c->lang) : CHART_EN;
	if (o->lang < 0) {
		fprintf(stderr, "fundsim %s: --lang %s: expected en or zh\n", cmd, c->lang);
		return -1;
	}
	if (c->reps && int_option(cmd, "--reps", c->reps, 2, 100000000, &o->reps))
		return -1;
	if (c->seed && int_option(cmd, "--seed", c->seed, 0, INT_MAX, &o->seed))
		return -1;
	if (c->threads && int_option(cmd, "--threads", c->threads, 1, 1024, &o->threads))
		return -1;
	char err[ERR_LEN];
	if (c->firms && panel_load_shared(c->firms, &o->pn, err, sizeof err) != 0) {
		fprintf(stderr, "fundsim %s: %s\n", cmd, err);
		return -1;
	}
	o->cfg = (struct study_cfg){
		.seed = (uint64_t)o->seed, .reps = o->reps, .threads = (int)o->threads,
		.stock = c->firms ? &o->pn : NULL, .stop = &interrupted,
		.progress = !c->quiet && isatty(2) ? show_progress : NULL,
		.progress_ctx = (void *)cmd,
	};
	return 0;
}

/* Replications must fit in memory to be paired. */
static int check_reps(const struct sopts *o, const struct scenario *s)
{
	long most = study_max_reps(&s->pol);
	if (o->reps <= most)
		return 0;
	fprintf(stderr, "fundsim %s: --reps %ld: a study keeps every replication to pair it "
		"with the base case; at most %ld for scenario %s\n", o->cmd, o->reps, most, s->name);
	return -1;
}

static void start(struct sopts *o)
{
	struct sigaction sa = {.sa_handler = on_sigint};
	sigaction(SIGINT, &sa, NULL);
	clock_gettime(CLOCK_MONOTONIC, &o->t0);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A study that did not finish: its message and exit code. */
static int failed(const struct sopts *o, enum study_status rc, const char *err)
{
	if (rc == STUDY_STOPPED) {
		fprintf(stderr, "\nfundsim %s: interrupted; nothing written\n", o->cmd);
		return 130;
	}
	fprintf(stderr, "fundsim %s: %s\n", o->cmd, err);
	return rc == STUDY_INVALID ? EXIT_USAGE : EXIT_FAIL;
}

/* The one scenario of a command: a positional argument or --scenario. */
static int scenario_arg(const struct cli *c, const char *cmd, const char **path)
{
	*path = c->scenario;
	for (int i = 0; i < c->npos; i++) {
		if (*path) {
			fprintf(stderr, "fundsim %s: one scenario at most, got %s and %s\n", cmd, *path,
				c->pos[i]);
			return -1;
		}
		*path = c->pos[i];
	}
	return 0;
}

/* ---- words and files ---- */

static const char *line_name(int line)
{
	return line == N_LINES ? "TOTAL" : line_info(line)->name;
}

static void key_name(int i, char *buf, size_t n)
{
	size_t np;
	const struct param_def *d = params_table(&np);
	snprintf(buf, n, "%s.%s", d[i].section, d[i].key);
}

/* Yuan as 万元 with one decimal, or 亿元 with two from 1亿 (as run prints). */
static void wan(double yuan, char *buf, size_t n)
{
	if (fabs(yuan) >= 1e8)
		snprintf(buf, n, "%.2f亿", yuan / 1e8);
	else
		snprintf(buf, n, "%.1f万", yuan / 1e4);
}

/* A change: signed, and "0" when exactly nothing moved. */
static void wan_signed(double yuan, char *buf, size_t n)
{
	char t[40];
	if (yuan == 0) {
		snprintf(buf, n, "0");
		return;
	}
	wan(fabs(yuan), t, sizeof t);
	snprintf(buf, n, "%s%s", yuan < 0 ? "-" : "+", t);
}

/* "+12.3万 ± 1.1万", or "0" when the change is exactly 0. */
static void change_words(const struct study_diff *d, char *buf, size_t n)
{
	char m[40], se[40];
	wan_signed(d->mean, m, sizeof m);
	wan(d->se, se, sizeof se);
	if (d->mean == 0 && d->se == 0)
		snprintf(buf, n, "0");
	else
		snprintf(buf, n, "%s ± %s", m, se);
}

/* "+12.3万 [+10.1万, +14.5万]" */
static void interval_words(const struct study_diff *d, char *buf, size_t n)
{
	char m[40], lo[40], hi[40];
	wan_signed(d->mean, m, sizeof m);
	wan_signed(d->lo, lo, sizeof lo);
	wan_signed(d->hi, hi, sizeof hi);
	snprintf(buf, n, "%s [%s, %s]", m, lo, hi);
}

/* A CSV field, quoted when it holds a comma, a quote or a line break. */
static void csv_str(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void diff_csv(FILE *f, const struct study_diff *d)
{
	fprintf(f, ",%.2f,%.2f,%.2f,%.2f", d->mean, d->se, d->lo, d->hi);
}

static void out_dir(const struct cli *c, const struct scenario *s, const char *study, char *buf,
		    size_t n)
{
	if (c->outdir)
		snprintf(buf, n, "%s", c->outdir);
	else
		snprintf(buf, n, "out/%s/%s", s->name[0] ? s->name : "scenario", study);
}

/* What the writers need; each command fills its part. */
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

static void append(char *buf, size_t n, size_t *k, const char *fmt, ...)
{
	if (*k >= n)
		return;
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(buf + *k, n - *k, fmt, ap);
	va_end(ap);
	*k += w > 0 ? (size_t)w : 0;
}

static void put_manifest(FILE *f, const struct job *j)
{
	const struct cli *c = j->c;
	char cmd[4096], when[32];
	size_t k = 0;
	append(cmd, sizeof cmd, &k, "fundsim %s", c->command);
	for (int i = 0; i < c->npos; i++)
		append(cmd, sizeof cmd, &k, " %s", c->pos[i]);
	if (c->scenario)
		append(cmd, sizeof cmd, &k, " --scenario %s", c->scenario);
	append(cmd, sizeof cmd, &k, " --reps %ld --seed %ld", j->o->reps, j->o->seed);
	if (c->keys)
		append(cmd, sizeof cmd, &k, " --keys %s", c->keys);
	if (c->policy)
		append(cmd, sizeof cmd, &k, " --policy");
	for (int i = 0; i < c->nranges; i++)
		append(cmd, sizeof cmd, &k, " --range %s", c->ranges[i]);
	if (j->sobol)
		append(cmd, sizeof cmd, &k, " --n %ld --bootstrap %d", j->sobol->n, j->sobol->boot);
	if (c->firms)
		append(cmd, sizeof cmd, &k, " --firms %s", c->firms);
	for (int i = 0; i < c->nsets; i++)
		append(cmd, sizeof cmd, &k, " --set %s", c->sets[i]);
	time_t now = time(NULL);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	fprintf(f, "fundsim %s %s\n", FUNDSIM_VERSION, c->command);
	fprintf(f, "command: %s\n", cmd);
	for (int i = 0; i < j->ns; i++)
		fprintf(f, "scenario: %s (%s)\n", j->s[i]->name,
			j->s[i]->path[0] ? j->s[i]->path : "built-in");
	fprintf(f, "seed: %ld\n", j->o->seed);
	fprintf(f, "replications: %ld per run, every run with the same seed (common random "
		"numbers: differences are paired by replication)\n", j->o->reps);
	fprintf(f, "threads: %ld (results do not depend on it)\n", j->o->threads);
	fprintf(f, "wall time: %.2f s\n", j->seconds);
	fprintf(f, "date: %s\n", when);
}

/* Write each file into dir, whole or not at all. Prints the error. */
static int write_files(const char *dir, const char *const *names, const writer_fn *fns, int n,
		       const struct job *j)
{
	char err[ERR_LEN];
	int rc = atomic_mkdirs(dir, err, sizeof err);
	for (int i = 0; rc == 0 && i < n; i++) {
		char path[4200];
		struct atomic_file af;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		rc = atomic_open(&af, path, err, sizeof err);
		if (rc == 0) {
			fns[i](af.f, j);
			rc = atomic_commit(&af, err, sizeof err);
		}
	}
	if (rc != 0)
		fprintf(stderr, "fundsim %s: %s\n", j->o->cmd, err);
	return rc;
}

/* The options of a study's charts: labels in --lang, drawn unless
 * --no-charts. s is the base scenario (borrowed). */
static struct chart_opts chart_options(const struct cli *c, const struct sopts *o,
				       const struct scenario *s)
{
	return (struct chart_opts){.s = s, .seed = (uint64_t)o->seed, .lang = o->lang,
				   .draw = !c->no_charts};
}

/* Print what the charts could not do, and their error when rc != 0. */
static int charts_said(const struct sopts *o, int rc, const struct chart_notes *notes,
		       const char *err)
{
	for (int i = 0; i < notes->n; i++)
		fprintf(stderr, "fundsim %s: %s\n", o->cmd, notes->text[i]);
	if (rc != 0)
		fprintf(stderr, "fundsim %s: charts: %s\n", o->cmd, err);
	return rc;
}

/* ---- sweep ---- */

/* Parameter i's value v in words, or the base scenario's own text. */
static void value_label(const struct scenario *s, int i, double v, bool base, char *buf,
			size_t n)
{
	if (base)
		params_format(&s->pol, i, buf, n);
	else
		params_value_words(i, v, buf, n);
}

static void put_sweep(FILE *f, const struct job *j)
{
	const struct study_sweep *w = j->sweep;
	fputs("point,key1,value1,label1,key2,value2,label2,line,level,mean,p5,p95,"
	      "diff,diff_se,diff_lo,diff_hi\n", f);
	for (int p = -1; p < w->npoints; p++) { /* point 0: the base case */
		for (int line = 0; line <= N_LINES; line++) {
			for (int lv = 0; lv < N_LEVELS; lv++) {
				const struct study_cell *cell =
					p < 0 ? &w->base[line][lv] : &w->point[p].cell[line][lv];
				fprintf(f, "%d", p + 1);
				for (int a = 0; a < 2; a++) {
					if (a >= w->naxes) {
						fputs(",,,", f);
						continue;
					}
					char key[96], label[160];
					double v = p < 0 ? w->base_value[a] : w->point[p].value[a];
					key_name(w->axis[a].param, key, sizeof key);
					value_label(j->s[0], w->axis[a].param, v, p < 0, label, sizeof label);
					fprintf(f, ",%s,%.10g,", key, v);
					csv_str(f, label);
				}
				fprintf(f, ",%s,%s,%.2f,%.2f,%.2f", line_name(line), level_names[lv],
					cell->mean, cell->p5, cell->p95);
				diff_csv(f, &cell->d);
				fputc('\n', f);
			}
		}
	}
}

/* The first column's text of point p (-1: the base case) on axis a. */
static void axis_words(const struct study_sweep *w, const struct scenario *s, int p, int a,
		       char *buf, size_t n)
{
	char label[160];
	double v = p < 0 ? w->base_value[a] : w->point[p].value[a];
	value_label(s, w->axis[a].param, v, p < 0, label, sizeof label);
	snprintf(buf, n, "%s%s", p < 0 ? "base " : "", label);
}

static void sweep_row(const struct study_sweep *w, const struct scenario *s, int p,
		      const int *width)
{
	const struct study_cell(*cell)[N_LEVELS] = p < 0 ? w->base : w->point[p].cell;
	for (int a = 0; a < w->naxes; a++) {
		char t[200];
		axis_words(w, s, p, a, t, sizeof t);
		printf("  ");
		text_pad(stdout, t, width[a]);
	}
	char m[40], lo[40], hi[40], band[100], ch[100];
	const struct study_cell *tot = &cell[N_LINES][LV_TOTAL];
	wan(tot->mean, m, sizeof m);
	wan(tot->p5, lo, sizeof lo);
	wan(tot->p95, hi, sizeof hi);
	snprintf(band, sizeof band, "%s [%s, %s]", m, lo, hi);
	text_pad(stdout, band, 30);
	if (p < 0)
		snprintf(ch, sizeof ch, "-");
	else
		change_words(&tot->d, ch, sizeof ch);
	text_pad(stdout, ch, 22);
	for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++) {
		wan(cell[N_LINES][lv].mean, m, sizeof m);
		if (lv < N_LEVELS - 1)
			text_pad(stdout, m, 11);
		else
			fputs(m, stdout);
	}
	putchar('\n');
}

static void print_sweep(const struct job *j)
{
	const struct study_sweep *w = j->sweep;
	printf("fundsim sweep: scenario %s, %d value%s, %ld replications each, seed %ld, %.1f s\n",
	       j->s[0]->name, w->npoints, w->npoints == 1 ? "" : "s", w->reps, j->o->seed,
	       j->seconds);
	for (int a = 0; a < w->naxes; a++) {
		char key[96], lo[64], hi[64], step[64];
		key_name(w->axis[a].param, key, sizeof key);
		params_value_words(w->axis[a].param, w->axis[a].lo, lo, sizeof lo);
		params_value_words(w->axis[a].param, w->axis[a].hi, hi, sizeof hi);
		params_value_words(w->axis[a].param, w->axis[a].step, step, sizeof step);
		printf("  %s from %s to %s step %s (%d values)\n", key, lo, hi, step, w->axis[a].n);
	}
	printf("every value meets the base case's firms (common random numbers); total over "
	       "all paid years:\nmean [5%%, 95%%], change from the base case ± its standard "
	       "error, mean by funding level\n\n");
	int width[2] = {20, 20};
	for (int a = 0; a < w->naxes; a++) {
		char key[96], t[200];
		for (int p = -1; p < w->npoints; p++) {
			axis_words(w, j->s[0], p, a, t, sizeof t);
			if (text_width(t) > width[a])
				width[a] = text_width(t);
		}
		key_name(w->axis[a].param, key, sizeof key);
		printf("  ");
		text_pad(stdout, key, width[a]);
	}
	printf("%-30s %-22s %-11s %-11s %s\n", "total", "change", "provincial", "municipal",
	       "district");
	for (int p = -1; p < w->npoints; p++)
		sweep_row(w, j->s[0], p, width);
	printf("\nmeasures that change:");
	int moved = 0;
	for (int line = 0; line < N_LINES; line++) {
		bool any = false;
		for (int p = 0; p < w->npoints && !any; p++)
			for (int lv = 0; lv < N_LEVELS; lv++)
				any |= w->point[p].cell[line][lv].d.mean != 0 ||
				       w->point[p].cell[line][lv].d.se != 0;
		if (any)
			printf(" %s", line_name(line));
		moved += any;
	}
	printf("%s (every other measure pays exactly the same)\n", moved ? "" : " none");
}

int cmd_sweep(const struct cli *c)
{
	struct sopts o;
	if (options(c, "sweep", DEFAULT_REPS, &o) != 0) {
		panel_free(&o.pn);
		return EXIT_USAGE;
	}
	const char *spec[2], *path = c->scenario;
	int nspec = 0, rc = EXIT_USAGE;
	struct study_axis ax[2];
	char err[ERR_LEN];
	struct scenario *s = NULL;
	struct study_sweep w = {0};
	for (int i = 0; i < c->npos; i++) {
		if (strchr(c->pos[i], '=') && nspec < 2) {
			spec[nspec++] = c->pos[i];
		} else if (strchr(c->pos[i], '=')) {
			fprintf(stderr, "fundsim sweep: two keys at most, got a third: %s\n", c->pos[i]);
			goto done;
		} else if (path) {
			fprintf(stderr, "fundsim sweep: one scenario at most, got %s and %s\n", path,
				c->pos[i]);
			goto done;
		} else {
			path = c->pos[i];
		}
	}
	if (!nspec) {
		fprintf(stderr, "fundsim sweep: give KEY=LO:HI:STEP in the key's unit, e.g. "
			"fundsim sweep m1a.cap=50万:200万:50万\n");
		goto done;
	}
	for (int a = 0; a < nspec; a++) {
		if (study_axis_parse(spec[a], STUDY_MAX_POINTS, &ax[a], err, sizeof err) != 0) {
			fprintf(stderr, "fundsim sweep: %s\n", err);
			goto done;
		}
	}
	if (nspec == 2 && ax[0].n * ax[1].n > STUDY_MAX_POINTS) {
		fprintf(stderr, "fundsim sweep: %d x %d = %d grid points, at most %d: take larger "
			"steps\n", ax[0].n, ax[1].n, ax[0].n * ax[1].n, STUDY_MAX_POINTS);
		goto done;
	}
	if (!(s = open_scenario(path, c)) || check_reps(&o, s) != 0)
		goto done;
	start(&o);
	enum study_status st = study_sweep(s, ax, nspec, &o.cfg, &w, err, sizeof err);
	if (st != STUDY_OK) {
		rc = failed(&o, st, err);
		goto done;
	}
	struct job j = {.c = c, .o = &o, .s = &s, .ns = 1, .seconds = seconds_since(&o.t0),
			.sweep = &w};
	char dir[4096];
	static const char *const names[] = {"sweep.csv", "manifest.txt"};
	static const writer_fn fns[] = {put_sweep, put_manifest};
	out_dir(c, s, "sweep", dir, sizeof dir);
	rc = EXIT_FAIL;
	if (write_files(dir, names, fns, 2, &j) != 0)
		goto done;
	struct chart_opts co = chart_options(c, &o, s);
	struct chart_notes notes = {0};
	if (charts_said(&o, charts_sweep(dir, &co, &w, &notes, err, sizeof err), &notes, err))
		goto done;
	if (!c->quiet) {
		print_sweep(&j);
		printf("\nresults in %s/\n", dir);
	}
	rc = EXIT_OK;
done:
	study_sweep_free(&w);
	panel_free(&o.pn);
	free(s);
	return rc;
}

/* ---- tornado ---- */

static void put_tornado(FILE *f, const struct job *j)
{
	const struct study_tornado *t = j->tornado;
	fputs("rank,key,unit,range,base,low,high,base_label,low_label,high_label,mean_base,"
	      "mean_low,mean_high,diff_low,diff_low_se,diff_high,diff_high_se,swing\n", f);
	size_t np;
	const struct param_def *d = params_table(&np);
	for (int k = 0; k < t->nbars; k++) {
		const struct study_bar *b = &t->bar[k];
		char key[96], base[160], low[64], high[64];
		key_name(b->param, key, sizeof key);
		params_format(&j->s[0]->pol, b->param, base, sizeof base);
		params_value_words(b->param, b->low, low, sizeof low);
		params_value_words(b->param, b->high, high, sizeof high);
		fprintf(f, "%d,%s,%s,", k + 1, key, d[b->param].unit);
		if (b->given)
			fputs("given", f);
		else
			fprintf(f, "-%g%%:+%g%%", 100 * t->pct, 100 * t->pct);
		fprintf(f, ",%.10g,%.10g,%.10g,", b->base, b->low, b->high);
		csv_str(f, base);
		fprintf(f, ",%s,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f\n", low, high, t->base.mean,
			b->mean_low, b->mean_high, b->d_low.mean, b->d_low.se, b->d_high.mean,
			b->d_high.se, b->swing);
	}
}

static void put_spider(FILE *f, const struct job *j)
{
	const struct study_tornado *t = j->tornado;
	fputs("key,pct,value,label,mean,diff,diff_se,diff_lo,diff_hi\n", f);
	for (int k = 0; k < t->nspider; k++) {
		const struct study_spider *sp = &t->spider[k];
		char key[96], label[64];
		key_name(sp->param, key, sizeof key);
		params_value_words(sp->param, sp->value, label, sizeof label);
		fprintf(f, "%s,%g,%.10g,%s,%.2f", key, sp->pct, sp->value, label, sp->mean);
		diff_csv(f, &sp->d);
		fputc('\n', f);
	}
}

static void print_tornado(const struct job *j)
{
	const struct study_tornado *t = j->tornado;
	char m[40], lo[40], hi[40];
	wan(t->base.mean, m, sizeof m);
	wan(t->base.p5, lo, sizeof lo);
	wan(t->base.p95, hi, sizeof hi);
	printf("fundsim tornado: scenario %s, %d parameter%s, %ld replications each, seed %ld, "
	       "%.1f s\n", j->s[0]->name, t->nbars, t->nbars == 1 ? "" : "s", t->reps, j->o->seed,
	       j->seconds);
	printf("base case: total %s [%s, %s]; each parameter to its low and high value, the "
	       "others at base,\non the same random draws; change of the mean total ± its "
	       "standard error, sorted by swing\n\n", m, lo, hi);
	printf("  %-30s %-26s %-22s %-22s %s\n", "parameter", "low -> high", "total at low",
	       "total at high", "swing");
	double top = t->nbars ? t->bar[0].swing : 0;
	for (int k = 0; k < t->nbars; k++) {
		const struct study_bar *b = &t->bar[k];
		char key[96], range[160], l[64], h[64], cl[100], chh[100], sw[40];
		key_name(b->param, key, sizeof key);
		params_value_words(b->param, b->low, l, sizeof l);
		params_value_words(b->param, b->high, h, sizeof h);
		snprintf(range, sizeof range, "%s -> %s%s", l, h, b->given ? " (given)" : "");
		change_words(&b->d_low, cl, sizeof cl);
		change_words(&b->d_high, chh, sizeof chh);
		wan(b->swing, sw, sizeof sw);
		printf("  %-30s ", key);
		text_pad(stdout, range, 26);
		text_pad(stdout, cl, 22);
		text_pad(stdout, chh, 22);
		int bar = top > 0 ? (int)lround(20 * b->swing / top) : 0;
		if (bar) {
			text_pad(stdout, sw, 10);
			printf("%.*s\n", bar, "####################");
		} else {
			puts(sw);
		}
	}
	if (t->spider_skipped)
		printf("\nspider.csv leaves out %d point%s that are not valid scenarios (e.g. a "
		       "tier threshold past the next)\n", t->spider_skipped,
		       t->spider_skipped == 1 ? "" : "s");
}

/* The keys of a tornado: --keys, --policy, --range; else [sensitivity]
 * ranges, else --policy. Returns how many, or -1 (printed). */
static int tornado_keys(const struct cli *c, const struct scenario *s, struct study_range *k)
{
	char err[ERR_LEN];
	int n = 0;
	if (c->keys && c->policy) {
		fprintf(stderr, "fundsim tornado: give --keys or --policy, not both\n");
		return -1;
	}
	if (c->keys) {
		const char *p = c->keys;
		while (*p) {
			p += strspn(p, " ");
			size_t len = strcspn(p, ", ");
			char key[96];
			snprintf(key, sizeof key, "%.*s", (int)(len < sizeof key ? len : sizeof key - 1), p);
			int i = params_key(key, err, sizeof err);
			if (i < 0 || !params_numeric(i)) {
				fprintf(stderr, "fundsim tornado: --keys %s: %s\n", key,
					i < 0 ? err : "not a number: it has no low and high value");
				return -1;
			}
			bool seen = false;
			for (int q = 0; q < n; q++)
				seen |= k[q].param == i;
			if (!seen)
				k[n++] = (struct study_range){.param = i};
			p += len;
			p += strspn(p, " ");
			p += *p == ',';
		}
	}
	if (c->policy) {
		int keys[MAX_PARAMS];
		int m = study_policy_keys(s, keys, MAX_PARAMS);
		for (int q = 0; q < m; q++)
			k[n++] = (struct study_range){.param = keys[q]};
	}
	for (int r = 0; r < c->nranges; r++) {
		struct study_range g;
		if (study_range_parse(c->ranges[r], &g, err, sizeof err) != 0) {
			fprintf(stderr, "fundsim tornado: --range %s\n", err);
			return -1;
		}
		int q = 0;
		while (q < n && k[q].param != g.param)
			q++;
		k[q] = g;
		n += q == n;
	}
	if (!c->keys && !c->policy && !c->nranges) {
		for (int q = 0; q < s->nsens; q++)
			k[n++] = (struct study_range){.param = s->sens[q].param, .given = true,
						      .lo = s->sens[q].lo, .hi = s->sens[q].hi};
		if (!n) {
			int keys[MAX_PARAMS];
			int m = study_policy_keys(s, keys, MAX_PARAMS);
			for (int q = 0; q < m; q++)
				k[n++] = (struct study_range){.param = keys[q]};
		}
	}
	if (!n)
		fprintf(stderr, "fundsim tornado: no parameters to move\n");
	return n ? n : -1;
}

int cmd_tornado(const struct cli *c)
{
	struct sopts o;
	const char *path;
	struct scenario *s = NULL;
	struct study_range *keys = calloc(2 * MAX_PARAMS, sizeof *keys);
	struct study_tornado t = {0};
	char err[ERR_LEN];
	int rc = EXIT_USAGE, n;
	if (!keys) {
		fprintf(stderr, "fundsim tornado: out of memory\n");
		return EXIT_FAIL;
	}
	if (options(c, "tornado", DEFAULT_REPS, &o) != 0 ||
	    scenario_arg(c, "tornado", &path) != 0 || !(s = open_scenario(path, c)) ||
	    check_reps(&o, s) != 0 || (n = tornado_keys(c, s, keys)) < 0)
		goto done;
	start(&o);
	enum study_status st =
		study_tornado(s, keys, n, TORNADO_PCT, SPIDER_KEYS, &o.cfg, &t, err, sizeof err);
	if (st != STUDY_OK) {
		rc = failed(&o, st, err);
		goto done;
	}
	struct job j = {.c = c, .o = &o, .s = &s, .ns = 1, .seconds = seconds_since(&o.t0),
			.tornado = &t};
	char dir[4096];
	static const char *const names[] = {"tornado.csv", "spider.csv", "manifest.txt"};
	static const writer_fn fns[] = {put_tornado, put_spider, put_manifest};
	out_dir(c, s, "tornado", dir, sizeof dir);
	rc = EXIT_FAIL;
	if (write_files(dir, names, fns, 3, &j) != 0)
		goto done;
	struct chart_opts co = chart_options(c, &o, s);
	struct chart_notes notes = {0};
	if (charts_said(&o, charts_tornado(dir, &co, &t, &notes, err, sizeof err), &notes, err))
		goto done;
	if (!c->quiet) {
		print_tornado(&j);
		printf("\nresults in %s/ (spider.csv: the %d largest swings at -20, -10, 0, +10, "
		       "+20%%)\n", dir, n < SPIDER_KEYS ? n : SPIDER_KEYS);
	}
	rc = EXIT_OK;
done:
	study_tornado_free(&t);
	panel_free(&o.pn);
	free(keys);
	free(s);
	return rc;
}

/* ---- compare ---- */

static void put_compare(FILE *f, const struct job *j)
{
	fputs("base,alt,line,paid_year,level,base_mean,alt_mean,diff,diff_se,diff_lo,diff_hi\n", f);
	for (int a = 1; a < j->ns; a++) {
		const struct study_compare *cmp = &j->compare[a - 1];
		for (int line = 0; line <= N_LINES; line++) {
			for (int y = 0; y <= cmp->nyears; y++) {
				for (int lv = 0; lv < N_LEVELS; lv++) {
					const struct study_ccell *cc = study_compare_at(cmp, line, y, lv);
					csv_str(f, j->s[0]->name);
					fputc(',', f);
					csv_str(f, j->s[a]->name);
					fprintf(f, ",%s,", line_name(line));
					if (y == cmp->nyears)
						fputs("all", f);
					else
						fprintf(f, "%d", cmp->first_year + y);
					fprintf(f, ",%s,%.2f,%.2f", level_names[lv], cc->base, cc->alt);
					diff_csv(f, &cc->d);
					fputc('\n', f);
				}
			}
		}
	}
}

static void put_compare_params(FILE *f, const struct job *j)
{
	size_t np;
	params_table(&np);
	fputs("parameter", f);
	for (int k = 0; k < j->ns; k++) {
		fputc(',', f);
		csv_str(f, j->s[k]->name);
	}
	fputc('\n', f);
	for (size_t i = 0; i < np; i++) {
		if (!param_differs(j->s, j->ns, (int)i))
			continue;
		char key[96], v[160];
		key_name((int)i, key, sizeof key);
		fputs(key, f);
		for (int k = 0; k < j->ns; k++) {
			param_words(j->s[k], (int)i, v, sizeof v);
			fputc(',', f);
			csv_str(f, v);
		}
		fputc('\n', f);
	}
}

static void print_compare(const struct job *j)
{
	printf("fundsim compare: base %s, %d alternative%s, %ld paired replications, seed %ld, "
	       "%.1f s\n\n", j->s[0]->name, j->ns - 1, j->ns == 2 ? "" : "s", j->o->reps,
	       j->o->seed, j->seconds);
	int differ = print_param_diff(stdout, j->s, j->ns);
	printf("%d parameter%s differ%s\n", differ, differ == 1 ? "" : "s", differ == 1 ? "s" : "");
	for (int a = 1; a < j->ns; a++) {
		const struct study_compare *cmp = &j->compare[a - 1];
		char w[4][100];
		printf("\n%s - %s: change in mean spending, all paid years, by funding level\n",
		       j->s[a]->name, j->s[0]->name);
		printf("  %-8s %-16s %-16s %-16s %s\n", "measure", "total", "provincial", "municipal",
		       "district");
		int shown = 0;
		for (int line = 0; line <= N_LINES; line++) {
			bool any = false;
			for (int lv = 0; lv < N_LEVELS; lv++) {
				const struct study_ccell *cc = study_compare_at(cmp, line, cmp->nyears, lv);
				any |= cc->d.mean != 0 || cc->d.se != 0;
				wan_signed(cc->d.mean, w[lv], sizeof w[lv]);
			}
			if (!any && line < N_LINES)
				continue;
			shown += line < N_LINES;
			printf("  %-8s ", line_name(line));
			for (int lv = 0; lv < N_LEVELS - 1; lv++)
				text_pad(stdout, w[lv], 16);
			puts(w[N_LEVELS - 1]);
		}
		if (!shown)
			printf("  (no measure changes)\n");
		printf("TOTAL with 95%% intervals from the paired replications:\n");
		for (int y = 0; y <= cmp->nyears; y++) {
			char label[16], iv[160];
			if (y == cmp->nyears)
				snprintf(label, sizeof label, "all years");
			else
				snprintf(label, sizeof label, "paid %d", cmp->first_year + y);
			interval_words(&study_compare_at(cmp, N_LINES, y, LV_TOTAL)->d, iv, sizeof iv);
			printf("  %-12s %s\n", label, iv);
		}
		for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++) {
			char iv[160];
			interval_words(&study_compare_at(cmp, N_LINES, cmp->nyears, lv)->d, iv,
				       sizeof iv);
			printf("  %-12s %s\n", level_names[lv], iv);
		}
	}
}

int cmd_compare(const struct cli *c)
{
	struct sopts o;
	struct scenario *s[MAX_POS] = {0};
	struct study_compare cmp[MAX_POS] = {{0}};
	struct sim_output base = {0}, alt = {0};
	char err[ERR_LEN];
	int rc = EXIT_USAGE, ns = c->npos;
	if (options(c, "compare", DEFAULT_REPS, &o) != 0)
		goto done;
	if (c->npos < 2 || c->scenario) {
		fprintf(stderr, "fundsim compare: needs a base and one or more alternatives as "
			"arguments: fundsim compare BASE.ini ALT.ini [ALT2.ini ...] (builtin names "
			"the draft policy)\n");
		goto done;
	}
	for (int i = 0; i < ns; i++)
		if (!(s[i] = open_scenario(c->pos[i], c)) || check_reps(&o, s[i]) != 0)
			goto done;
	start(&o);
	enum study_status st = study_run(&s[0]->pol, &o.cfg, &base, err, sizeof err);
	if (o.cfg.progress)
		o.cfg.progress(o.cfg.progress_ctx, 1, ns);
	for (int i = 1; st == STUDY_OK && i < ns; i++) {
		st = study_run(&s[i]->pol, &o.cfg, &alt, err, sizeof err);
		if (st == STUDY_OK)
			st = study_compare(&base, s[0]->pol.start_year + s[0]->pol.payment_lag, &alt,
					   s[i]->pol.start_year + s[i]->pol.payment_lag, &cmp[i - 1],
					   err, sizeof err);
		sim_output_free(&alt);
		if (o.cfg.progress)
			o.cfg.progress(o.cfg.progress_ctx, i + 1, ns);
	}
	if (st != STUDY_OK) {
		rc = failed(&o, st, err);
		goto done;
	}
	struct job j = {.c = c, .o = &o, .s = s, .ns = ns, .seconds = seconds_since(&o.t0),
			.compare = cmp};
	char dir[4096];
	static const char *const names[] = {"compare.csv", "compare_params.csv", "manifest.txt"};
	static const writer_fn fns[] = {put_compare, put_compare_params, put_manifest};
	out_dir(c, s[0], "compare", dir, sizeof dir);
	rc = EXIT_FAIL;
	if (write_files(dir, names, fns, 3, &j) != 0)
		goto done;
	struct chart_opts co = chart_options(c, &o, s[0]);
	struct chart_notes notes = {0};
	if (charts_said(&o, charts_compare(dir, &co, s, ns, cmp, &notes, err, sizeof err), &notes,
			err))
		goto done;
	if (!c->quiet) {
		print_compare(&j);
		printf("\nresults in %s/\n", dir);
	}
	rc = EXIT_OK;
done:
	for (int i = 0; i < MAX_POS; i++) {
		study_compare_free(&cmp[i]);
		free(s[i]);
	}
	sim_output_free(&base);
	panel_free(&o.pn);
	return rc;
}

/* ---- sobol ---- */

static void put_sobol(FILE *f, const struct job *j)
{
	const struct study_sobol *b = j->sobol;
	const struct scenario *s = j->s[0];
	size_t np;
	const struct param_def *d = params_table(&np);
	fputs("key,unit,lo,hi,lo_label,hi_label,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n", f);
	for (int i = 0; i < b->k; i++) {
		const struct param_range *r = &s->sens[i];
		char key[96], lo[64], hi[64];
		key_name(r->param, key, sizeof key);
		params_value_words(r->param, r->lo, lo, sizeof lo);
		params_value_words(r->param, r->hi, hi, sizeof hi);
		fprintf(f, "%s,%s,%.10g,%.10g,%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n", key,
			d[r->param].unit, r->lo, r->hi, lo, hi, b->s1[i], b->s1_lo[i], b->s1_hi[i],
			b->st[i], b->st_lo[i], b->st_hi[i]);
	}
}

/* Every design point: its parameter values and mean total. */
static void put_sobol_points(FILE *f, const struct job *j)
{
	const struct study_sobol *b = j->sobol;
	const struct scenario *s = j->s[0];
	fputs("matrix,point", f);
	for (int i = 0; i < b->k; i++) {
		char key[96];
		key_name(s->sens[i].param, key, sizeof key);
		fprintf(f, ",%s", key);
	}
	fputs(",mean_total\n", f);
	for (int m = 0; m < b->k + 2; m++) {
		for (long p = 0; p < b->n; p++) {
			const double *u = b->u + (size_t)p * 2 * (size_t)b->k;
			if (m < 2)
				fprintf(f, "%s,%ld", m ? "B" : "A", p + 1);
			else
				fprintf(f, "AB%d,%ld", m - 1, p + 1);
			for (int i = 0; i < b->k; i++) {
				const struct param_range *r = &s->sens[i];
				double x = m == 1 || m - 2 == i ? u[b->k + i] : u[i];
				double v = r->lo + x * (r->hi - r->lo);
				size_t np;
				if (params_table(&np)[r->param].type == PT_INT)
					v = round(v);
				fprintf(f, ",%.10g", v);
			}
			double y = m == 0 ? b->fa[p] : m == 1 ? b->fb[p]
							     : b->fab[(size_t)(m - 2) * (size_t)b->n + (size_t)p];
			fprintf(f, ",%.2f\n", y);
		}
	}
}

static void print_sobol(const struct job *j)
{
	const struct study_sobol *b = j->sobol;
	const struct scenario *s = j->s[0];
	char m[40], sd[40];
	wan(b->mean, m, sizeof m);
	wan(sqrt(b->var), sd, sizeof sd);
	printf("fundsim sobol: scenario %s, %d parameter%s, %ld base points: %ld runs of %ld "
	       "replications (seed %ld), %d bootstrap resamples, %.1f s\n", s->name, b->k,
	       b->k == 1 ? "" : "s", b->n, b->n * (b->k + 2), j->o->reps, j->o->seed, b->boot,
	       j->seconds);
	printf("mean total spending over the design %s, sd %s between points\n", m, sd);
	if (b->n < 64)
		printf("few base points: the indices are rough (--n 128 or more for a study)\n");
	if (b->flat) {
		printf("the mean total does not vary over these ranges: every index is 0\n");
		return;
	}
	printf("S1: share of the variance due to the parameter alone; ST: with all its "
	       "interactions\n\n");
	printf("  %-30s %-24s %-22s %s\n", "parameter", "range", "S1 [95%]", "ST [95%]");
	for (int i = 0; i < b->k; i++) {
		const struct param_range *r = &s->sens[i];
		char key[96], lo[64], hi[64], range[160], s1[64], st[64];
		key_name(r->param, key, sizeof key);
		params_value_words(r->param, r->lo, lo, sizeof lo);
		params_value_words(r->param, r->hi, hi, sizeof hi);
		snprintf(range, sizeof range, "%s to %s", lo, hi);
		snprintf(s1, sizeof s1, "%.3f [%.3f, %.3f]", b->s1[i], b->s1_lo[i], b->s1_hi[i]);
		snprintf(st, sizeof st, "%.3f [%.3f, %.3f]", b->st[i], b->st_lo[i], b->st_hi[i]);
		printf("  %-30s ", key);
		text_pad(stdout, range, 24);
		printf("%-22s %s\n", s1, st);
	}
}

int cmd_sobol(const struct cli *c)
{
	struct sopts o;
	const char *path;
	struct scenario *s = NULL;
	struct study_sobol b = {0};
	long n = SOBOL_POINTS, boot = SOBOL_BOOT;
	char err[ERR_LEN];
	int rc = EXIT_USAGE;
	if (options(c, "sobol", SOBOL_REPS, &o) != 0 || scenario_arg(c, "sobol", &path) != 0 ||
	    (c->points && int_option("sobol", "--n", c->points, 2, 1000000, &n)) ||
	    (c->bootstrap && int_option("sobol", "--bootstrap", c->bootstrap, 0, 100000, &boot)) ||
	    !(s = open_scenario(path, c)) || check_reps(&o, s) != 0)
		goto done;
	start(&o);
	enum study_status st = study_sobol_sim(s, n, (int)boot, &o.cfg, &b, err, sizeof err);
	if (st != STUDY_OK) {
		rc = failed(&o, st, err);
		goto done;
	}
	struct job j = {.c = c, .o = &o, .s = &s, .ns = 1, .seconds = seconds_since(&o.t0),
			.sobol = &b};
	char dir[4096];
	static const char *const names[] = {"sobol.csv", "sobol_points.csv", "manifest.txt"};
	static const writer_fn fns[] = {put_sobol, put_sobol_points, put_manifest};
	out_dir(c, s, "sobol", dir, sizeof dir);
	rc = EXIT_FAIL;
	if (write_files(dir, names, fns, 3, &j) != 0)
		goto done;
	struct chart_opts co = chart_options(c, &o, s);
	struct chart_notes notes = {0};
	if (charts_said(&o, charts_sobol(dir, &co, &b, o.reps, &notes, err, sizeof err), &notes,
			err))
		goto done;
	if (!c->quiet) {
		print_sobol(&j);
		printf("\nresults in %s/\n", dir);
	}
	rc = EXIT_OK;
done:
	study_sobol_free(&b);
	panel_free(&o.pn);
	free(s);
	return rc;
}
