/* serve_export.c - leaving the meeting with the variant. Each export is a
 * folder of its own, DIR/variant-NN, numbered on and never replacing an
 * earlier one (a meeting weighs several variants). It holds the variant
 * as a scenario file of its overrides, a short summary of its difference
 * from the served scenario as the page showed it, what `fundsim compare`
 * writes for the two (the difference by line, paid year and level, and
 * its workbook), and for RUN or REPORT what `fundsim run` or `fundsim
 * report` writes for the variant: all by their own code (cmd_compare,
 * cmd_run, cmd_report), never a second copy of it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "outset.h"
#include "params.h"
#include "serve.h"
#include "text.h"
#include "i18n.h"

#define MAX_EXPORTS 9999

/* The overrides' parameters in table order, each once. */
static int sorted_params(const struct serve_overrides *ov, int *idx)
{
	int n = 0;
	for (int k = 0; k < ov->n; k++) {
		char err[ERR_LEN];
		int i = params_key(ov->o[k].key, err, sizeof err), at = n;
		if (i < 0)
			continue;
		while (at > 0 && idx[at - 1] > i)
			at--;
		if (at > 0 && idx[at - 1] == i)
			continue;
		memmove(idx + at + 1, idx + at, (size_t)(n - at) * sizeof *idx);
		idx[at] = i;
		n++;
	}
	return n;
}

/* The scenario file: [scenario] name and base, then each override as the
 * variant holds it (params_format reads back to the same value). */
static void write_ini(FILE *f, const struct serve_base *b, const struct scenario *v,
		      const struct serve_overrides *ov, const char *name)
{
	char base[PATH_MAX], q[2 * PATH_MAX];
	if (!b->path || !realpath(b->path, base))
		snprintf(base, sizeof base, "builtin");
	fprintf(f, _("; A variant of %s from fundsim serve: only what differs from its base.\n"),
		b->s->name);
	fprintf(f,
		_("; fundsim run FILE --reps %ld --seed %llu gives the costs the page showed.\n"),
		b->cfg.reps, (unsigned long long)b->cfg.seed);
	fprintf(f, "[scenario]\n");
	scenario_quote(name, q, sizeof q);
	fprintf(f, "name = %s\n", q);
	scenario_quote(base, q, sizeof q);
	fprintf(f, "base = %s\n", q);
	size_t np;
	const struct param_def *d = params_table(&np);
	int idx[SERVE_MAX_OVERRIDES], n = sorted_params(ov, idx);
	const char *section = "scenario";
	for (int k = 0; k < n; k++) {
		const struct param_def *p = &d[idx[k]];
		char text[512];
		if (strcmp(p->section, section) != 0)
			fprintf(f, "\n[%s]\n", p->section);
		section = p->section;
		params_format(&v->pol, idx[k], text, sizeof text);
		scenario_quote(text, q, sizeof q);
		fprintf(f, "%s = %s\n", p->key, q);
	}
}

/* ---- the summary: the page's headline and tables, as text ---- */

/* Yuan as the page shows them: 万元 to the hundredth, grouped, a rise
 * signed when asked ("-17,922.99", "+3.50", "0.00"). */
static const char *wan(double yuan, bool sign, char *buf, size_t n)
{
	double hundreds = round(fabs(yuan) / 100); /* 0.01万 */
	char whole[40];
	text_grouped((long)(hundreds / 100), whole, sizeof whole);
	const char *s = hundreds == 0 ? "" : yuan < 0 ? "-" : sign ? "+" : "";
	snprintf(buf, n, "%s%s.%02ld", s, whole, (long)fmod(hundreds, 100));
	return buf;
}

/* "-17,922.99 (-11.8%)": a difference and its share of the base's mean. */
static void change_words(const struct study_ccell *cc, char *buf, size_t n)
{
	char w[40];
	wan(cc->d.mean, true, w, sizeof w);
	if (cc->base != 0)
		snprintf(buf, n, "%s (%+.1f%%)", w, cc->d.mean / cc->base * 100);
	else
		snprintf(buf, n, "%s", w);
}

static void interval_words(const struct study_diff *d, char *buf, size_t n)
{
	char lo[40], hi[40];
	/* TRANSLATORS: a 95% interval of a difference, in 万元 */
	snprintf(buf, n, _("%s to %s"), wan(d->lo, true, lo, sizeof lo),
		 wan(d->hi, true, hi, sizeof hi));
}

/* One row of a table: a label, then the base's, the variant's, the
 * difference and its 95% interval. */
static void put_row(FILE *f, const char *label, const struct study_ccell *cc)
{
	char a[40], b[40], d[60], iv[100];
	fputs("  ", f);
	text_pad(f, label, 14);
	text_pad(f, wan(cc->base, false, a, sizeof a), 14);
	text_pad(f, wan(cc->alt, false, b, sizeof b), 14);
	change_words(cc, d, sizeof d);
	text_pad(f, d, 24);
	interval_words(&cc->d, iv, sizeof iv);
	fprintf(f, "%s\n", iv);
}

/* What the variant is compared with, as the page names it. */
static const char *base_word(const struct serve_base *b)
{
	return b->path ? b->s->name : _("the draft");
}

static void put_head(FILE *f, const struct serve_base *b, const char *first)
{
	fputs("  ", f);
	text_pad(f, first, 14);
	text_pad(f, base_word(b), 14);
	text_pad(f, _("variant"), 14);
	text_pad(f, _("difference"), 24);
	/* xgettext:no-c-format */
	fprintf(f, "%s\n", _("95% interval of the difference"));
}

/* compare_summary.txt: what the page's headline, table by paid year and
 * comparison by line said, from the same paired answer (r), for a reader
 * without the page; every figure in 万元. */
static void write_summary(FILE *f, const struct serve_base *b, const struct scenario *v,
			  const struct serve_overrides *ov, const struct serve_result *r,
			  const char *folder, const char *name, bool compared)
{
	const struct study_compare *c = &r->cmp;
	const struct study_ccell *all = study_compare_at(c, N_LINES, c->nyears, LV_TOTAL);
	int last = v->pol.start_year + v->pol.payment_lag + r->out.layout.horizon - 1;
	bool zh = i18n_lang() == I18N_ZH;
	char w[60], iv[100];
	fprintf(f, _("fundsim serve, export %s: %s against %s (%s)\n"), folder, name, base_word(b),
		b->s->name);
	fprintf(f,
		_("%ld replications, seed %llu, paired (common random numbers: the same draws "
		  "for both); means in 万元, as the page showed them.\n\n"),
		b->cfg.reps, (unsigned long long)b->cfg.seed);
	fprintf(f, _("Variant total, all paid years (* after the policy included): %s\n"),
		wan(all->alt, false, w, sizeof w));
	fprintf(f, _("Total of %s: %s\n"), base_word(b), wan(all->base, false, w, sizeof w));
	change_words(all, w, sizeof w);
	interval_words(&all->d, iv, sizeof iv);
	fprintf(f, _("Difference from %s: %s, 95%% interval %s\n"), base_word(b), w, iv);

	fprintf(f, "\n%s\n", _("By paid year (TOTAL, all funding levels):"));
	put_head(f, b, _("paid year"));
	bool tail = false;
	for (int y = 0; y <= c->nyears; y++) {
		char label[40];
		int cal = c->first_year + y;
		if (y == c->nyears)
			snprintf(label, sizeof label, "%s", _("all paid years"));
		else
			snprintf(label, sizeof label, "%d%s", cal, cal > last ? "*" : "");
		tail |= y < c->nyears && cal > last;
		put_row(f, label, study_compare_at(c, N_LINES, y, LV_TOTAL));
	}
	if (tail)
		fprintf(f,
			_("  * paid after the policy's last paid year (%d): commitments made in "
			  "the policy period (政策期满后兑付); every total includes them\n"),
			last);

	fprintf(f, "\n%s\n", _("Lines that change (all paid years, all funding levels):"));
	put_head(f, b, _("line"));
	int shown = 0;
	for (int l = 0; l < N_LINES; l++) {
		const struct study_ccell *cc = study_compare_at(c, l, c->nyears, LV_TOTAL);
		if (cc->d.mean == 0 && cc->d.se == 0)
			continue;
		char label[200];
		const struct line_info *li = line_info((enum line_id)l);
		snprintf(label, sizeof label, "%s%s", li->name,
			 v->pol.line[l].in_total ? "" : _(" (not in the total)"));
		put_row(f, label, cc);
		fprintf(f, "      %s\n", zh ? li->zh : li->who);
		shown++;
	}
	if (!shown)
		fprintf(f, "  %s\n", _("(no line changes)"));

	fprintf(f, "\n%s\n", _("Parameters changed (the base's value, then the variant's):"));
	int idx[SERVE_MAX_OVERRIDES], n = sorted_params(ov, idx);
	for (int k = 0; k < n; k++) {
		char label[300], was[256], now[256];
		serve_param_label(idx[k], zh ? I18N_ZH : I18N_EN, label, sizeof label);
		params_format(&b->s->pol, idx[k], was, sizeof was);
		params_format(&v->pol, idx[k], now, sizeof now);
		fprintf(f, "  %s: %s -> %s\n", label, was, now);
	}
	if (!n)
		fprintf(f, "  %s\n", _("(none: the variant is the base)"));
	fputc('\n', f);
	if (compared)
		fprintf(f, "%s\n",
			_("Every line, paid year and funding level, with their intervals: "
			  "compare/compare.csv and compare/results.xlsx (fundsim compare)."));
	else
		fprintf(f, "%s\n",
			_("No compare/ folder: fundsim compare takes no --entities, which this "
			  "server runs with; the figures above are the page's."));
}

/* DIR (a folder claimed empty) as a result set of variant.ini and
 * compare_summary.txt (result sets inside it, a run's and a report's,
 * are carried over). */
static int export_ini(const char *dir, const char *folder, const char *name,
		      const struct serve_base *b, const struct scenario *v,
		      const struct serve_overrides *ov, const struct serve_result *r, bool compared,
		      char *err, size_t errlen)
{
	struct outset os = {0};
	struct atomic_file af;
	char path[OUTSET_PATH + 32];
	if (outset_begin(&os, dir, err, errlen) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/variant.ini", os.stage);
	if (atomic_open(&af, path, err, errlen) != 0)
		goto fail;
	write_ini(af.f, b, v, ov, name);
	if (atomic_commit(&af, err, errlen) != 0)
		goto fail;
	snprintf(path, sizeof path, "%s/compare_summary.txt", os.stage);
	if (atomic_open(&af, path, err, errlen) != 0)
		goto fail;
	write_summary(af.f, b, v, ov, r, folder, name, compared);
	if (atomic_commit(&af, err, errlen) != 0 || outset_commit(&os, err, errlen) != 0)
		goto fail;
	return 0;
fail:
	outset_abort(&os);
	return -1;
}

/* ---- the folder of an export ---- */

/* While an export is written, DIR/.variant-NN.PID names the process
 * writing DIR/variant-NN: a serve killed before it ended leaves both, and
 * the next export (or serve) in DIR removes the folder, which never became
 * a whole export, once that process is gone. */
static void writer_path(const char *dir, int num, long pid, char *out, size_t n)
{
	snprintf(out, n, "%s/.variant-%02d.%ld", dir, num, pid);
}

void serve_export_sweep(const char *dir)
{
	outset_sweep(dir); /* a set a killed export was staging beside its folder */
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		int num;
		long pid;
		char end;
		if (sscanf(e->d_name, ".variant-%d.%ld%c", &num, &pid, &end) != 2 || num < 1 ||
		    num > MAX_EXPORTS || pid <= 0)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* still writing, or not ours to ask */
		char path[OUTSET_PATH + 64];
		snprintf(path, sizeof path, "%s/variant-%02d", dir, num);
		outset_remove(path);
		writer_path(dir, num, pid, path, sizeof path);
		remove(path);
	}
	closedir(d);
}

/* Claim DIR/variant-NN, the first NN free: mkdir fails on a folder that
 * exists, so two exports (or two servers) never share one. */
static int claim(const char *dir, char *out, size_t n, int *num, char *err, size_t errlen)
{
	if (atomic_mkdirs(dir, err, errlen) != 0)
		return -1;
	serve_export_sweep(dir);
	for (int k = 1; k <= MAX_EXPORTS; k++) {
		snprintf(out, n, "%s/variant-%02d", dir, k);
		if (mkdir(out, 0777) == 0) {
			char mark[OUTSET_PATH + 64];
			writer_path(dir, k, (long)getpid(), mark, sizeof mark);
			int fd = open(mark, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0644);
			if (fd >= 0)
				close(fd);
			*num = k;
			return 0;
		}
		if (errno != EEXIST) {
			snprintf(err, errlen, _("%s: cannot create the folder: %s"), out,
				 strerror(errno));
			out[0] = '\0';
			return -1;
		}
	}
	snprintf(err, errlen, _("%s: %d exports already; start serve with another --out"), dir,
		 MAX_EXPORTS);
	out[0] = '\0'; /* variant-9999 is an earlier export's: not to be removed */
	return -1;
}


/* The export num in dir is whole (or gone): no longer being written. */
static void written(const char *dir, int num)
{
	char mark[OUTSET_PATH + 64];
	writer_path(dir, num, (long)getpid(), mark, sizeof mark);
	remove(mark);
}

/* Run fundsim CMD on pos[0..npos) into out, as its command line would;
 * x's options repeated. 0, or -1 with err. */
static int run_command(const struct serve_exports *x, const struct serve_base *b, const char *cmd,
		       const char *a, const char *z, const char *out, char *err, size_t errlen)
{
	char reps[32], seed[32], threads[32];
	snprintf(reps, sizeof reps, "%ld", x->reps);
	snprintf(seed, sizeof seed, "%ld", x->seed);
	snprintf(threads, sizeof threads, "%d", b->cfg.threads);
	struct cli c = {
		.command = cmd,
		.pos = {a, z},
		.npos = z ? 2 : 1,
		.reps = reps,
		.seed = seed,
		.threads = threads,
		.firms = x->c->firms,
		.entities = strcmp(cmd, "run") == 0 ? x->c->entities : NULL,
		.outdir = out,
		.lang = x->lang == CHART_ZH ? "zh" : "en",
		.quiet = true,
	};
	int code = strcmp(cmd, "run") == 0      ? cmd_run(&c)
		   : strcmp(cmd, "report") == 0 ? cmd_report(&c)
						: cmd_compare(&c);
	if (code == EXIT_OK)
		return 0;
	snprintf(err, errlen,
		 _("fundsim %s stopped with exit code %d (its message is on the terminal that "
		   "runs fundsim serve)"),
		 cmd, code);
	return -1;
}

int serve_export(const struct serve_exports *x, const struct serve_base *b,
		 const struct serve_overrides *ov, enum serve_export_kind kind, char *where,
		 size_t n, char *files, size_t nfiles, char *err, size_t errlen)
{
	struct serve_result r = {0};
	char dir[OUTSET_PATH + 32] = "";
	int bad, num = 0, rc = -1;
	/* before anything is written: the briefing describes a modelled
	 * population, and cannot cost a list of known recipients */
	if (kind == SERVE_EXPORT_REPORT && x->c->entities) {
		snprintf(
			err, errlen,
			_("the briefing report cannot be exported while serve runs with --entities: "
			  "the report describes the modelled population, and fundsim report takes "
			  "no --entities; export the run and its workbook instead"));
		return 1;
	}
	/* the page's own answer (the same paired runs), for the summary */
	if (serve_evaluate(b, ov, NULL, NULL, NULL, &r, err, errlen, &bad) != SERVE_OK)
		return -1;
	if (claim(x->dir, dir, sizeof dir, &num, err, errlen) != 0)
		goto done;
	char folder[32], name[128];
	snprintf(folder, sizeof folder, "variant-%02d", num);
	/* the name reports and workbooks carry: which export of which scenario */
	snprintf(name, sizeof name, "%.48s-%s", b->s->name, folder);
	bool compared = !x->c->entities;
	if (export_ini(dir, folder, name, b, r.variant, ov, &r, compared, err, errlen) != 0)
		goto done;
	size_t k = (size_t)snprintf(files, nfiles, "variant.ini, compare_summary.txt");
	/* the scenario file just written, as `fundsim compare|run|report` runs it */
	char ini[OUTSET_PATH + 48], out[OUTSET_PATH + 48];
	snprintf(ini, sizeof ini, "%s/variant.ini", dir);
	snprintf(out, sizeof out, "%s/compare", dir);
	if (compared) {
		if (run_command(x, b, "compare", b->path ? b->path : "builtin", ini, out, err,
				errlen) != 0)
			goto done;
		k += (size_t)snprintf(files + k, k < nfiles ? nfiles - k : 0, ", compare/");
	}
	if (kind != SERVE_EXPORT_INI) {
		const char *cmd = kind == SERVE_EXPORT_RUN ? "run" : "report";
		snprintf(out, sizeof out, "%s/%s", dir, cmd);
		if (run_command(x, b, cmd, ini, NULL, out, err, errlen) != 0)
			goto done;
		snprintf(files + k, k < nfiles ? nfiles - k : 0, ", %s/", cmd);
	}
	snprintf(where, n, "%s", dir);
	rc = 0;
done:
	if (rc != 0 && dir[0])
		outset_remove(dir); /* made for this export alone: it leaves nothing */
	if (num > 0)
		written(x->dir, num);
	serve_result_free(&r);
	return rc;
}
