/* report.c - writing a run's results for people and for other tools. */
#include "report.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "atomic.h"
#include "csvout.h"
#include "district.h"
#include "money.h"
#include "results.h"
#include "stats.h"
#include "stream.h"
#include "summary.h"
#include "text.h"
#include "uncosted.h"
#include "version.h"
#include "i18n.h"

static const char *const level_names[N_LEVELS] = {"total", "provincial", "municipal", "district"};

/* The levels in words, for people (the CSV files keep level_names). */
static const char *const level_words[N_LEVELS] = {N_("total"), N_("provincial"), N_("municipal"),
						  N_("district")};

static const char *line_name(int line)
{
	return line == N_LINES ? "TOTAL" : line_info(line)->name;
}

/* The planning figures (P80, P90: what to appropriate so that spending
 * overruns it in at most 20% / 10% of replications) close the row of an
 * amount: after p95, so every column before them stays where it was for
 * the sheets and scripts that read summary.csv and by_year.csv by
 * position. Counts (recipients.csv) have none. */
static const enum pct planning[] = {P80, P90};
#define N_PLANNING (int)(sizeof planning / sizeof planning[0])

static void put_stat(FILE *f, const struct stats *st, bool plan)
{
	fprintf(f, ",%.2f,%.2f,%.2f", st->mean, st->sd, st->se);
	for (int k = 0; k < N_SHOWN; k++)
		fprintf(f, ",%.2f", st->pct[stats_shown[k]]);
	for (int k = 0; plan && k < N_PLANNING; k++)
		fprintf(f, ",%.2f", st->pct[planning[k]]);
}

static void stat_head(FILE *f, const char *first, bool plan)
{
	fprintf(f, "%s,mean,sd,se", first);
	for (int k = 0; k < N_SHOWN; k++)
		fprintf(f, ",%s", stats_pct_name[stats_shown[k]]);
	for (int k = 0; plan && k < N_PLANNING; k++)
		fprintf(f, ",%s", stats_pct_name[planning[k]]);
}

/* summary.csv ends each row with in_total: 1 for the lines TOTAL adds
 * up, 0 for contingent items (一事一议) reported apart; TOTAL itself 1. */
static void write_summary(FILE *f, const struct summary *sm)
{
	stat_head(f, "line,level", true);
	fprintf(f, ",in_total\n");
	for (int line = 0; line <= N_LINES; line++) {
		for (int lv = 0; lv < N_LEVELS; lv++) {
			fprintf(f, "%s,%s", line_name(line), level_names[lv]);
			put_stat(f, summary_money(sm, line, sm->layout.years, lv), true);
			fprintf(f, ",%d\n", line == N_LINES || sm->in_total[line]);
		}
	}
}

static int first_paid(const struct scenario *s)
{
	return s->pol.start_year + s->pol.payment_lag;
}

/* by_year.csv: every paid year, after_horizon 1 for the tail (paid after
 * the policy's own paid years, commitments made in it), then paid_year
 * "within": the policy's own paid years together. The all-years figure
 * (summary.csv) includes the tail. */
static void write_by_year(FILE *f, const struct summary *sm, const struct scenario *s)
{
	const struct sim_layout *l = &sm->layout;
	stat_head(f, "line,paid_year,level", true);
	fputs(",after_horizon\n", f);
	for (int line = 0; line <= N_LINES; line++) {
		for (int y = 0; y <= l->years; y++) {
			int col = y == l->years ? sim_within(l) : y;
			for (int lv = 0; lv < N_LEVELS; lv++) {
				if (y == l->years)
					fprintf(f, "%s,within,%s", line_name(line),
						level_names[lv]);
				else
					fprintf(f, "%s,%d,%s", line_name(line), first_paid(s) + y,
						level_names[lv]);
				put_stat(f, summary_money(sm, line, col, lv), true);
				fprintf(f, ",%d\n", sim_after_horizon(l, y));
			}
		}
	}
}

/* The name of district d in outputs: its official name, 未指定 (not
 * given) for 0, TOTAL for N_WHERE (every district). */
static const char *where_name(int d)
{
	return d == N_WHERE ? "TOTAL" : d == 0 ? "未指定" : district_name(d);
}

/* Whether district d's rows are worth writing: the ten always, 未指定
 * only when some replication paid a recipient with no district. */
static bool where_shown(const struct summary *sm, int d)
{
	return d != 0 || summary_district(sm, 0, N_LINES, LV_TOTAL)->mean > 0;
}

/* by_district.csv: summary.csv's rows for each district's recipients,
 * over all paid years, then TOTAL (every district: summary.csv's). */
static void write_by_district(FILE *f, const struct summary *sm)
{
	stat_head(f, "district,line,level", true);
	fprintf(f, ",in_total\n");
	for (int d = 0; d <= N_WHERE; d++) {
		if (d < N_WHERE && !where_shown(sm, d))
			continue;
		for (int line = 0; line <= N_LINES; line++) {
			for (int lv = 0; lv < N_LEVELS; lv++) {
				const struct stats *st =
					d == N_WHERE ? summary_money(sm, line, sm->layout.years, lv)
						     : summary_district(sm, d, line, lv);
				fprintf(f, "%s,%s,%s", where_name(d), line_name(line),
					level_names[lv]);
				put_stat(f, st, true);
				fprintf(f, ",%d\n", line == N_LINES || sm->in_total[line]);
			}
		}
	}
}

static const char *owner_key(int o)
{
	return o == N_OWNERS ? "new_money_only" : owner_info(o)->key;
}

/* by_owner.csv: the lines in the total by the budget that pays them, per
 * paid year (after_horizon as in by_year.csv), all paid years and within
 * the policy's own; new_money_only adds up the owners whose money is new
 * (column new_money says which). */
static void write_by_owner(FILE *f, const struct summary *sm, const struct scenario *s)
{
	const struct sim_layout *l = &sm->layout;
	stat_head(f, "owner,paid_year,level", true);
	fprintf(f, ",new_money,after_horizon\n");
	for (int o = 0; o <= N_OWNERS; o++) {
		for (int y = 0; y <= sim_within(l); y++) {
			for (int lv = 0; lv < N_LEVELS; lv++) {
				if (y >= l->years)
					fprintf(f, "%s,%s,%s", owner_key(o),
						y == l->years ? "all" : "within", level_names[lv]);
				else
					fprintf(f, "%s,%d,%s", owner_key(o), first_paid(s) + y,
						level_names[lv]);
				put_stat(f, summary_owner(sm, o, y, lv), true);
				fprintf(f, ",%d,%d\n", o == N_OWNERS || sm->owner_new[o],
					y < l->years && sim_after_horizon(l, y));
			}
		}
	}
}

static void write_recipients(FILE *f, const struct summary *sm, const struct scenario *s)
{
	stat_head(f, "line,paid_year", false);
	fputc('\n', f);
	for (int line = 0; line <= N_LINES; line++) {
		for (int y = 0; y <= sm->layout.years; y++) {
			if (y == sm->layout.years)
				fprintf(f, "%s,all", line_name(line));
			else
				fprintf(f, "%s,%d", line_name(line), first_paid(s) + y);
			put_stat(f, summary_recipients(sm, line, y), false);
			fputc('\n', f);
		}
	}
}

/* Whether envelope e is the one a prorata rule caps awards to. */
static bool capping(const struct envelope *e, const struct policy *p)
{
	return e->annual && e->lv == LV_TOTAL && summary_capping(p);
}

static void write_budget(FILE *f, const struct summary *sm, const struct scenario *s)
{
	/* mean_carried_in, mean_carried_out (carry_forward): in the row "all",
	 * carried in altogether and what is still owed after the last year */
	fprintf(f, "envelope,paid_year,level,limit,p_exceed,expected_overrun,p_cap_binds,mean_cut,"
		   "mean_carried_in,mean_carried_out\n");
	for (int i = 0; i < sm->nenv; i++) {
		const struct envelope *e = &sm->env[i];
		int y0 = e->annual ? 0 : sm->layout.years;
		int y1 = e->annual ? sm->layout.years - 1 : sm->layout.years;
		for (int y = y0; y <= y1; y++) {
			const struct risk *over = summary_over(sm, i, y);
			struct risk cut = capping(e, &s->pol) ? *summary_cut(sm, y)
							      : (struct risk){0, 0};
			if (y == sm->layout.years)
				fprintf(f, "%s,all", e->name);
			else
				fprintf(f, "%s,%d", e->name, first_paid(s) + y);
			bool cap = capping(e, &s->pol);
			fprintf(f, ",%s,%.2f,%.6f,%.2f,%.6f,%.2f,%.2f,%.2f\n", level_names[e->lv],
				e->limit, over->prob, over->mean, cut.prob, cut.mean,
				cap ? summary_carry_in(sm, y)->mean : 0,
				cap ? summary_carry_out(sm, y)->mean : 0);
		}
	}
}

/* FNV-1a over a file: enough to tell whether an input changed. */
static int file_hash(const char *path, uint64_t *h)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	*h = 1469598103934665603ULL;
	int c;
	while ((c = getc(f)) != EOF)
		*h = (*h ^ (uint64_t)c) * 1099511628211ULL;
	fclose(f);
	return 0;
}

/* "key: " with the key in the process's language; the workbook's method
 * sheet reads the line back by it (workbook.c). */
static void manifest_key(FILE *f, const char *key)
{
	fprintf(f, "%s: ", _(key));
}

void report_manifest(FILE *f, const struct run_info *ri, const struct sim_output *o)
{
	char when[32];
	time_t now = ri->date ? ri->date : time(NULL);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	fprintf(f, "fundsim %s (git %s)\n", fundsim_version, fundsim_git);
	manifest_key(f, N_("command"));
	fprintf(f, "%s\n", ri->command);
	manifest_key(f, N_("scenario"));
	fprintf(f, "%s (%s)\n", SHOWN(ri->s->name),
		ri->s->path[0] ? SHOWN(ri->s->path) : _("built-in"));
	uint64_t h;
	if (ri->s->path[0] && file_hash(ri->s->path, &h) == 0) {
		manifest_key(f, N_("scenario file fnv1a64"));
		fprintf(f, "%016llx\n", (unsigned long long)h);
	}
	if (ri->firms && file_hash(ri->firms, &h) == 0) {
		manifest_key(f, N_("firms"));
		fprintf(f, "%s fnv1a64: %016llx\n", SHOWN(ri->firms), (unsigned long long)h);
	}
	if (ri->entities && file_hash(ri->entities, &h) == 0) {
		manifest_key(f, N_("entities"));
		fprintf(f, "%s fnv1a64: %016llx\n", SHOWN(ri->entities), (unsigned long long)h);
	}
	manifest_key(f, N_("resolved scenario"));
	fprintf(f, "scenario.resolved.ini\n");
	manifest_key(f, N_("seed"));
	fprintf(f, "%llu\n", (unsigned long long)ri->seed);
	manifest_key(f, N_("streams"));
	fprintf(f, "%s\n", STREAM_VERSION);
	manifest_key(f, N_("replications"));
	fprintf(f, "%ld%s\n", o->reps, o->stopped ? _(" (interrupted)") : "");
	if (o->res) { /* whether its percentiles are exact (a study's sparse output keeps none) */
		long most = (long)results_kept_most(o->res);
		long mib = (long)(results_budget(o->res) >> 20);
		manifest_key(f, N_("percentiles"));
		if (o->rows)
			fprintf(f, _("exact: every replication kept (up to %ld fit in %ld MiB)\n"),
				most, mib);
		else if (!results_estimated(o->res))
			fprintf(f,
				_("exact: past the %ld replications that fit in %ld MiB, counted "
				  "for each figure (none takes more than 128 distinct amounts)\n"),
				most, mib);
		else
			fprintf(f,
				_("past the %ld replications that fit in %ld MiB (run --exact-mb), "
				  "GSL's P-square estimates for %zu of %zu figures, exact for the "
				  "others (of at most 128 distinct amounts); mean and sd exact\n"),
				most, mib, results_estimated(o->res), results_width(o->res));
	}
	if (ri->precision > 0) {
		double hw = sim_halfwidth(o);
		manifest_key(f, N_("precision"));
		fprintf(f,
			_("%g asked, %s: the 95%% interval of the mean total is within %.3g%% of it "
			  "after %ld replications\n"),
			ri->precision, hw <= ri->precision ? _("reached") : _("NOT reached"),
			100 * hw, o->reps);
	}
	manifest_key(f, N_("threads"));
	fprintf(f, _("%d (results do not depend on it)\n"), ri->threads);
	manifest_key(f, N_("wall time"));
	fprintf(f, _("%.2f s\n"), ri->seconds);
	manifest_key(f, N_("date"));
	fprintf(f, "%s\n", when);
}

void report_resolved_ini(FILE *f, const struct scenario *s)
{
	size_t n;
	const struct param_def *d = params_table(&n);
	char name[4 * sizeof s->name + 3];          /* every byte may become \xHH */
	scenario_quote(s->name, name, sizeof name); /* reads back as the same name */
	fprintf(f, "; every parameter of scenario %s as run, written by fundsim\n", name);
	fprintf(f, "[scenario]\nname = %s\n", name);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || strcmp(d[i].section, d[i - 1].section) != 0) {
			if (strcmp(d[i].section, "scenario") != 0)
				fprintf(f, "\n[%s]\n", d[i].section);
		}
		if (!s->set[i])
			continue;
		char v[160];
		params_format(&s->pol, (int)i, v, sizeof v);
		/* with the comment that says why: read back, it gives the value
		 * the same basis (the uncertainty ratings count it) */
		const char *why = scenario_comment(s, (int)i);
		fprintf(f, "%s = %s%s%s\n", d[i].key, v, *why ? " ; " : "", why);
	}
}

struct outputs {
	const struct run_info *ri;
	const struct sim_output *o;
	const struct summary *sm;
	const struct ledger *ledger;
};

static void put_file(FILE *f, int which, const struct outputs *x)
{
	switch (which) {
	case 0:
		write_summary(f, x->sm);
		break;
	case 1:
		write_by_year(f, x->sm, x->ri->s);
		break;
	case 2:
		write_recipients(f, x->sm, x->ri->s);
		break;
	case 3:
		write_budget(f, x->sm, x->ri->s);
		break;
	case 4:
		ledger_write(x->ledger, f);
		break;
	case 5:
		report_manifest(f, x->ri, x->o);
		break;
	case 6:
		report_resolved_ini(f, x->ri->s);
		break;
	case 7:
		report_uncosted_csv(f, &x->ri->s->pol);
		break;
	case 8:
		write_by_district(f, x->sm);
		break;
	case 9:
		write_by_owner(f, x->sm, x->ri->s);
		break;
	}
}

int report_write(const char *dir, const struct run_info *ri, const struct sim_output *o,
		 const struct summary *sm, const struct ledger *ledger, char *err, size_t errlen)
{
	static const char *const names[] =
		{"summary.csv",     "by_year.csv",  "recipients.csv",        "budget.csv",
		 "ledger.csv",      "manifest.txt", "scenario.resolved.ini", "uncosted.csv",
		 "by_district.csv", "by_owner.csv"};
#define N_FILES (int)(sizeof names / sizeof names[0])
	bool breakdown = summary_owner(sm, 0, 0, LV_TOTAL) != NULL;
	bool want[N_FILES] = {true, true, true, sm->nenv > 0, ledger != NULL,
			      true, true, true, breakdown,    breakdown};
	if (atomic_mkdirs(dir, err, errlen) != 0)
		return -1;
	struct outputs x = {ri, o, sm, ledger};
	static struct atomic_file af[N_FILES]; /* 8 KiB each: off the stack */
	int rc = 0;
	for (int i = 0; i < N_FILES; i++)
		af[i].f = NULL;
	for (int i = 0; i < N_FILES && rc == 0; i++) {
		if (!want[i])
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (atomic_open(&af[i], path, err, errlen) != 0) {
			rc = -1;
			continue;
		}
		if (ri->bom && strstr(names[i], ".csv"))
			csv_bom(af[i].f);
		put_file(af[i].f, i, &x);
		if (fflush(af[i].f) != 0 || ferror(af[i].f)) {
			snprintf(err, errlen, _("%s: cannot write: %s"), path, strerror(errno));
			rc = -1;
		}
	}
	/* Every file is written in full before the first replaces an earlier
	 * run's: a failure leaves the earlier set as it was. */
	for (int i = 0; i < N_FILES; i++) {
		if (rc == 0 && af[i].f)
			rc = atomic_commit(&af[i], err, errlen);
		else
			atomic_abort(&af[i]);
	}
	return rc;
}

void report_uncosted_csv(FILE *f, const struct policy *p)
{
	fprintf(f, "item,clause,description_zh,description_en,lump_per_year,lump_all_years\n");
	for (int i = 0; i < N_UNCOSTED; i++) {
		const struct uncosted_info *u = uncosted_info(i);
		csv_text(f, u->key);
		fputc(',', f);
		csv_text(f, u->clause);
		fputc(',', f);
		csv_text(f, u->zh);
		fputc(',', f);
		csv_text(f, u->en);
		fprintf(f, ",%.2f,%.2f\n", (double)money_round(p->uncosted[i]) / 100,
			(double)uncosted_lump(p, i) / 100);
	}
}

void report_uncosted(FILE *f, const struct policy *p)
{
	fprintf(f, "\n%s\n",
		_("Not costed: the draft promises these without an amount; not in TOTAL "
		  "([uncosted] takes the bureau's lump sums, yuan a year):"));
	bool zh = i18n_lang() == I18N_ZH;
	for (int i = 0; i < N_UNCOSTED; i++) {
		const struct uncosted_info *u = uncosted_info(i);
		char a[32], all[32];
		fputs("  ", f);
		text_pad(f, u->clause, 7);
		if (zh)
			fprintf(f, "%s：", u->short_zh);
		else
			fprintf(f, "%s %s: ", u->short_zh, u->short_en);
		if (p->uncosted[i] > 0) {
			money_table(p->uncosted[i], a, sizeof a);
			money_table((double)uncosted_lump(p, i) / 100, all, sizeof all);
			fprintf(f, _("lump sum %s a year, %s over %d years"), a, all, p->years);
			fputc('\n', f);
		} else {
			fprintf(f, "%s\n", _("no lump sum set"));
		}
		if (zh)
			fprintf(f, "         %s\n", u->zh);
		else
			fprintf(f, "         %s\n         %s\n", u->zh, u->en);
	}
}

/* s right-aligned in width columns (万 and 亿 take two). */
static void right(FILE *f, const char *s, int width)
{
	for (int w = text_width(s); w < width; w++)
		fputc(' ', f);
	fputs(s, f);
}

/* A row of a table whose labels take width columns (by display width:
 * 苏州工业园区 takes 12). */
static void print_row_words(FILE *f, int width, const char *label, const char *m, const char *band,
			    const char *p80, const char *p90)
{
	fputs("  ", f);
	text_pad(f, label, width);
	right(f, m, 12);
	fputs("  ", f);
	text_pad(f, band, 26);
	right(f, p80, 10);
	fputc(' ', f);
	right(f, p90, 10);
	fputc('\n', f);
}

static void print_row_w(FILE *f, int width, const char *label, const struct stats *st)
{
	char m[32], lo[32], hi[32], p80[32], p90[32], band[80];
	money_table(st->mean, m, sizeof m);
	money_table(st->pct[P5], lo, sizeof lo);
	money_table(st->pct[P95], hi, sizeof hi);
	money_table(st->pct[P80], p80, sizeof p80);
	money_table(st->pct[P90], p90, sizeof p90);
	snprintf(band, sizeof band, "[%s, %s]", lo, hi);
	print_row_words(f, width, label, m, band, p80, p90);
}

static void print_row(FILE *f, const char *label, const struct stats *st)
{
	print_row_w(f, 10, label, st);
}

static void print_head_w(FILE *f, int width)
{
	print_row_words(f, width, "", _("mean"), "[5%, 95%]", "P80", "P90");
}

static void print_head(FILE *f)
{
	print_head_w(f, 10);
}

/* What the known approvals are and which rounds they cover: each line's
 * applicants are sampled after its latest year in the file. */
static void print_known(FILE *f, const struct run_info *ri)
{
	const struct entities *e = ri->known;
	fprintf(f,
		_("known approvals: %s, paid as approved (pending ones with [known] pending "
		  "= %g%%); each line's applicants sampled after its latest year there"),
		SHOWN(ri->entities), 100 * ri->s->pol.model.known.pending);
	if (!e) {
		fputs("\n\n", f);
		return;
	}
	size_t pending = 0;
	int last[N_LINES];
	for (int l = 0; l < N_LINES; l++)
		last[l] = 0;
	for (size_t i = 0; i < e->n; i++) {
		pending += e->rows[i].status == STATUS_PENDING;
		if (e->rows[i].year > last[e->rows[i].line])
			last[e->rows[i].line] = e->rows[i].year;
	}
	fprintf(f, _(":\n  %zu rows, %zu pending; covered through"), e->n, pending);
	const char *sep = " ";
	for (int l = 0; l < N_LINES; l++) {
		if (!last[l])
			continue;
		fprintf(f, "%s%s %d", sep, line_info(l)->name, last[l]);
		sep = ", ";
	}
	fputs("\n\n", f);
}

void report_print(FILE *f, const struct run_info *ri, const struct summary *sm)
{
	const struct sim_layout *l = &sm->layout;
	const struct policy *p = &ri->s->pol;
	fprintf(f, _("fundsim run: scenario %s, %ld replications, seed %llu, %d threads, %.1f s\n"),
		SHOWN(ri->s->name), sm->reps, (unsigned long long)ri->seed, ri->threads,
		ri->seconds);
	fprintf(f,
		_("qualifying years %d-%d, paid %d-%d; mean and 90%% interval [5%%, 95%%];\n"
		  "planning figures P80 and P90: appropriate this much and spending overruns it "
		  "in at most 20%% / 10%% of replications\n\n"),
		p->start_year, p->start_year + p->years - 1, first_paid(ri->s),
		first_paid(ri->s) + l->years - 1);
	if (ri->entities)
		print_known(f, ri);
	fprintf(f, "%s\n", _("By measure, all paid years:"));
	print_head(f);
	int contingent = 0;
	for (int line = 0; line <= N_LINES; line++) {
		const struct stats *st = summary_money(sm, line, l->years, LV_TOTAL);
		if (line < N_LINES && st->pct[P95] == 0 && st->mean == 0)
			continue;
		if (line < N_LINES && !sm->in_total[line]) {
			contingent++;
			continue;
		}
		/* TRANSLATORS: the row of all lines in a terminal table (合计); CSV files keep TOTAL */
		print_row(f, line == N_LINES ? _("TOTAL") : line_name(line), st);
	}
	if (contingent) {
		fprintf(f, "\n%s\n", _("Contingent items (一事一议), not in TOTAL:"));
		print_head(f);
	}
	for (int line = 0; contingent && line < N_LINES; line++) {
		const struct stats *st = summary_money(sm, line, l->years, LV_TOTAL);
		if (!sm->in_total[line] && !(st->pct[P95] == 0 && st->mean == 0))
			print_row(f, line_name(line), st);
	}
	fprintf(f, "\n%s\n", _("By paid year, all measures:"));
	print_head(f);
	for (int y = 0; y < l->years; y++) {
		char label[16];
		snprintf(label, sizeof label, "%d%s", first_paid(ri->s) + y,
			 sim_after_horizon(l, y) ? "*" : "");
		print_row(f, label, summary_money(sm, N_LINES, y, LV_TOTAL));
	}
	if (l->years > l->horizon) {
		char label[16];
		snprintf(label, sizeof label, "%d-%d", first_paid(ri->s),
			 first_paid(ri->s) + l->horizon - 1);
		print_row(f, label, summary_money(sm, N_LINES, sim_within(l), LV_TOTAL));
		/* the setting in words, then its key: a planner who would try the
		 * other reading needs the key, a reader the meaning */
		if (p->after_expiry == AFTER_STOP)
			fputs(_("  * after the policy's last paid year: the remaining instalments of "
				"awards made in the policy period; yearly support stops when the "
				"policy expires (after_expiry = stop);\n"),
			      f);
		else
			fputs(_("  * after the policy's last paid year: yearly support and "
				"instalments committed in the policy period, which go on being paid "
				"after the policy expires (after_expiry = honour);\n"),
			      f);
		fprintf(f,
			_("    %s: the policy's own paid years. Every \"all paid years\" figure "
			  "includes the years marked *.\n"),
			label);
	}
	fprintf(f, "\n%s\n", _("By funding level, all paid years:"));
	int lw = 10; /* 区（县级市）级 takes 14 columns */
	for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++)
		lw = text_width(_(level_words[lv])) > lw ? text_width(_(level_words[lv])) : lw;
	print_head_w(f, lw);
	for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++)
		print_row_w(f, lw, _(level_words[lv]), summary_money(sm, N_LINES, l->years, lv));
	if (summary_owner(sm, 0, 0, LV_TOTAL)) {
		fprintf(f, "\n%s\n",
			_("By the recipients' district, all measures and paid years "
			  "(by_district.csv):"));
		print_head_w(f, 12);
		for (int d = 1; d <= N_WHERE; d++) {
			int w = d % N_WHERE; /* 未指定 last, when any */
			if (where_shown(sm, w))
				print_row_w(f, 12, where_name(w),
					    summary_district(sm, w, N_LINES, LV_TOTAL));
		}
		/* every recipient: the measure table's TOTAL (the districts' means
		 * add up to its mean, to a few fen of rounding) */
		print_row_w(f, 12, _("TOTAL"), summary_money(sm, N_LINES, l->years, LV_TOTAL));
		fprintf(f, "\n%s\n",
			_("By budget owner, all measures and paid years (by_owner.csv; + new "
			  "money):"));
		/* in Chinese the registry's names (owners.def), by_owner.csv's keys in English */
		bool zh = i18n_lang() == I18N_ZH;
		int width = zh ? 24 : 17;
		print_head_w(f, width);
		for (int o = 0; o < N_OWNERS; o++) {
			char label[96];
			snprintf(label, sizeof label, "%s%s", zh ? owner_info(o)->zh : owner_key(o),
				 sm->owner_new[o] ? " +" : ""); /* *: after the policy */
			print_row_w(f, width, label, summary_owner(sm, o, l->years, LV_TOTAL));
		}
		/* every owner: the measure table's TOTAL; then the new money in it */
		print_row_w(f, width, _("TOTAL"), summary_money(sm, N_LINES, l->years, LV_TOTAL));
		print_row_w(f, width, _("new money only"),
			    summary_owner(sm, N_OWNERS, l->years, LV_TOTAL));
	}
	bool zh_words = i18n_lang() == I18N_ZH;
	if (sm->nenv)
		fprintf(f, _("\nBudget envelopes (%s):\n"),
			p->model.budget.rule == BUDGET_PRORATA
				? _("prorata: annual_total caps awards")
			: p->model.budget.rule == BUDGET_PRIORITY
				? _("priority: annual_total pays the priority lines first")
			: zh_words ? _("report: measured against, awards never cut")
				   : "report"); /* the rule's key alone, as it always was */
	for (int i = 0; i < sm->nenv; i++) {
		const struct envelope *e = &sm->env[i];
		int y0 = e->annual ? 0 : l->years, y1 = e->annual ? l->years - 1 : l->years;
		for (int y = y0; y <= y1; y++) {
			const struct risk *over = summary_over(sm, i, y);
			char lim[32], ov[32];
			money_table(e->limit, lim, sizeof lim);
			money_table(over->mean, ov, sizeof ov);
			bool capped = e->annual && summary_capping(p);
			fputs("  ", f);
			/* in Chinese its words, in English the key a scenario sets */
			text_pad(f, zh_words ? _(e->words) : e->name, zh_words ? 22 : 18);
			/* TRANSLATORS: the whole period's envelope, beside annual ones */
			text_pad(f, y == l->years ? _("all") : "", 5);
			fprintf(f, _("limit %-10s %s %5.1f%%, expected overrun %s"), lim,
				capped ? _("P(exceed after the cap)") : _("P(exceed)"),
				100 * over->prob, ov);
			if (y < l->years)
				fprintf(f, " (%d)", first_paid(ri->s) + y);
			if (capping(e, p)) {
				const struct risk *cut = summary_cut(sm, y);
				money_table(cut->mean, ov, sizeof ov);
				fprintf(f,
					_("; the cap binds in %.1f%% of replications, mean cut %s"),
					100 * cut->prob, ov);
				if (p->model.budget.carry_forward) {
					char ci[32], co[32];
					money_table(summary_carry_in(sm, y)->mean, ci, sizeof ci);
					money_table(summary_carry_out(sm, y)->mean, co, sizeof co);
					fprintf(f, _("; carried in %s, carried out %s (结转)"), ci,
						co);
				}
			}
			fputc('\n', f);
		}
		if (capping(e, p) && p->model.budget.carry_forward) {
			char owed[32];
			money_table(summary_carry_out(sm, l->years)->mean, owed, sizeof owed);
			fprintf(f, _("  still owed after %d, never paid (mean): %s\n"),
				first_paid(ri->s) + l->years - 1, owed);
		}
	}
	report_uncosted(f, p);
	fen_t lumps = uncosted_lumps(p);
	if (lumps > 0) { /* beside TOTAL, never in it: a constant moves every percentile alike */
		struct stats st = *summary_money(sm, N_LINES, l->years, LV_TOTAL);
		double add = (double)lumps / 100;
		char a[32];
		money_table(add, a, sizeof a);
		st.mean += add;
		for (int k = 0; k < N_PCT; k++)
			st.pct[k] += add;
		fprintf(f, _("\nTOTAL including the bureau's lump sums (TOTAL + %s):\n"), a);
		print_head(f);
		print_row(f, _("TOTAL+lump"), &st);
	}
}
