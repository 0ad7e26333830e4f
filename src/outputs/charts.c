/* charts.c - chart data as CSV, and gnuplot to draw it: the run's
 * charts, and what every chart shares (charts_impl.h; the studies' charts
 * are in charts_study.c).
 *
 * The numbers of each chart are worked out first (pure, from the sim
 * output), then written as CSV in yuan; the scripts in plots/ choose
 * 万元 or 亿元 from the data and read labels in either language from the
 * CSV. gnuplot is run without a shell, in the output folder, so no file
 * name ever passes through a command line. No text from data is ever
 * gnuplot code: the scripts read labels from the CSV as values, and the
 * only text written into a script or -e (the footnotes, the image's name)
 * goes through chart_gp_quote. Images are drawn into a private folder and
 * checked whole before they are renamed into place. */
#include "charts.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "comm.h"
#include "district.h"

#include "atomic.h"
#include "charts_impl.h"
#include "i18n.h"
#include "spawn.h"
#include "text.h"
#include "stats.h"
#include "summary.h"

static const char *const names[N_CHART_KINDS] = {
#define RUN_CHART(id, stem, writer, caption) [CHART_##id] = stem,
#define STUDY_CHART(id, stem) [CHART_##id] = stem,
#include "charts.def"
#undef RUN_CHART
#undef STUDY_CHART
};

static const char *const level_keys[N_LEVELS] = {"total", "provincial", "municipal", "district"};

/* The 95% interval of a mean, as sim_run's --precision judges it. */
#define Z95 1.96

/* Stacked bars show this many measures by name, the rest as one. */
#define STACK_NAMED 8

const char *chart_name(enum chart_kind k)
{
	return names[k];
}

int chart_lang_parse(const char *s)
{
	if (strcmp(s, "en") == 0)
		return CHART_EN;
	if (strcmp(s, "zh") == 0)
		return CHART_ZH;
	return -1;
}

double chart_envelope(const struct policy *p, bool *annual)
{
	*annual = false;
	if (p->model.budget.total > 0)
		return p->model.budget.total;
	/* an annual envelope is not summed: the years after the policy spend a
	 * fraction of it, so the sum would show room that is not there */
	*annual = p->model.budget.annual_total > 0;
	return *annual ? p->model.budget.annual_total : 0;
}

/* ---- histogram (pure) ---- */

/* Round widths: 1, 2, 2.5, 5 times a power of ten, the k-th from 10^e. */
static double nice_width(int e, int k)
{
	static const double m[4] = {1, 2, 2.5, 5};
	int q = k >= 0 ? k / 4 : -((-k + 3) / 4);
	return m[k - 4 * q] * pow(10, e + q);
}

/* Bins of width w from below lo to hi, with an edge at anchor; without
 * one, edges fall on multiples of w, or one bin is centred on equal values. */
static int bin_count(double lo, double hi, double w, double anchor, double *from)
{
	double at = !isnan(anchor) ? anchor : hi > lo ? ceil(hi / w) * w : lo + w / 2;
	*from = at - (floor((at - lo) / w) + 1) * w;
	int nb = (int)ceil((hi - CHART_TOL - *from) / w); /* as values are binned below */
	return nb < 1 ? 1 : nb;
}

void chart_histogram(const double *x, size_t stride, size_t n, double iqr, double anchor,
		     struct chart_bins *b)
{
	memset(b, 0, sizeof *b);
	if (n == 0)
		return;
	double lo = x[0], hi = x[0];
	for (size_t i = 1; i < n; i++) {
		double v = x[i * stride];
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	double span = hi - lo;
	/* Freedman-Diaconis; a spread-out sample with iqr 0 falls back on range/30 */
	double raw = iqr > 0 ? 2 * iqr / cbrt((double)n) : span / 30;
	if (span <= 0) /* all equal: one bin around the value (1万 around 0) */
		raw = fabs(lo) > 0 ? fabs(lo) / 10 : 1e4;
	if (raw < 10 * CHART_TOL) /* bins finer than the tolerance would mislead */
		raw = 10 * CHART_TOL;
	int e = (int)floor(log10(raw)), k = 0;
	while (nice_width(e, k + 1) <= raw)
		k++;
	while (nice_width(e, k) > raw)
		k--;
	double w = nice_width(e, k);
	int nb = bin_count(lo, hi, w, anchor, &b->from);
	while (nb > CHART_MAX_BINS) {
		w = nice_width(e, ++k);
		nb = bin_count(lo, hi, w, anchor, &b->from);
	}
	while (span > 0 && nb < CHART_MIN_BINS && nice_width(e, k - 1) >= 10 * CHART_TOL) {
		double w2 = nice_width(e, k - 1), from2;
		int nb2 = bin_count(lo, hi, w2, anchor, &from2);
		if (nb2 > CHART_MAX_BINS)
			break;
		k--, w = w2, nb = nb2, b->from = from2;
	}
	b->width = w;
	b->n = nb;
	for (size_t i = 0; i < n; i++) {
		/* right-closed: a value within CHART_TOL of an edge counts as on it */
		int j = (int)ceil((x[i * stride] - CHART_TOL - b->from) / w) - 1;
		j = j < 0 ? 0 : j >= nb ? nb - 1 : j; /* float edge cases stay inside */
		b->count[j]++;
	}
}

/* ---- chart data (pure) ---- */

static int first_paid(const struct policy *p)
{
	return p->start_year + p->payment_lag;
}

/* Measure labels for the CSV: gnuplot's CSV reader ends a string at a
 * comma even inside quotes, so "centre, yearly" becomes "centre (yearly)". */
static void label_en(int line, char *buf, size_t n)
{
	const struct line_info *li = line_info(line);
	const char *comma = strchr(li->who, ',');
	if (comma)
		snprintf(buf, n, "%s %.*s (%s)", li->name, (int)(comma - li->who), li->who,
			 comma[1] == ' ' ? comma + 2 : comma + 1);
	else
		snprintf(buf, n, "%s %s", li->name, li->who);
	chart_clean(buf);
}

static void label_zh(int line, char *buf, size_t n)
{
	const struct line_info *li = line_info(line);
	snprintf(buf, n, "%s %s", li->clause, li->zh);
	chart_clean(buf);
}

/* Lines in the total that pay anything, dearest first (sm->by_cost);
 * returns how many. Contingent items (in_total false) are not part of
 * what the charts add up: the summary leaves them out of its ranking. */
static int paying_lines(const struct summary *sm, int *r)
{
	int n = 0;
	for (int i = 0; i < sm->nranked; i++) {
		const struct stats *st = summary_money(sm, sm->by_cost[i], sm->layout.years,
						       LV_TOTAL);
		if (st->mean > 0 || st->pct[P95] > 0)
			r[n++] = sm->by_cost[i];
	}
	return n;
}

/* ---- CSV files ---- */

static void write_fan(FILE *f, const struct chart_opts *co, const struct sim_output *o,
		      const struct summary *sm)
{
	(void)o;
	fprintf(f, "level,paid_year,mean");
	for (int k = 0; k < N_SHOWN; k++)
		fprintf(f, ",%s", stats_pct_name[stats_shown[k]]);
	fputc('\n', f);
	for (int lv = 0; lv < N_LEVELS; lv++) {
		for (int y = 0; y < sm->layout.years; y++) {
			const struct stats *st = summary_money(sm, N_LINES, y, lv);
			fprintf(f, "%s,%d,%.2f", level_keys[lv], first_paid(&co->s->pol) + y,
				st->mean);
			for (int k = 0; k < N_SHOWN; k++)
				fprintf(f, ",%.2f", st->pct[stats_shown[k]]);
			fputc('\n', f);
		}
	}
}

static void write_stacked(FILE *f, const struct chart_opts *co, const struct sim_output *o,
			  const struct summary *sm)
{
	(void)o;
	int r[N_LINES];
	int n = paying_lines(sm, r);
	int named = n <= STACK_NAMED + 1 ? n : STACK_NAMED; /* "1 other" would waste a name */
	fprintf(f, "paid_year,segment,line,label_en,label_zh,mean,base,top\n");
	for (int y = 0; y < sm->layout.years; y++) {
		double base = 0;
		int year = first_paid(&co->s->pol) + y;
		for (int i = 0; i < named; i++) {
			char en[200], zh[200];
			double mean = summary_money(sm, r[i], y, LV_TOTAL)->mean;
			label_en(r[i], en, sizeof en);
			label_zh(r[i], zh, sizeof zh);
			fprintf(f, "%d,%d,%s,%s,%s,%.2f,%.2f,%.2f\n", year, i + 1,
				line_info(r[i])->name, en, zh, mean, base, base + mean);
			base += mean;
		}
		if (named < n) {
			double other = 0;
			for (int i = named; i < n; i++)
				other += summary_money(sm, r[i], y, LV_TOTAL)->mean;
			int k = n - named;
			fprintf(f, "%d,%d,OTHER,", year, named + 1);
			fprintf(f, "%d other measures,", k);
			fprintf(f, NL_(CHART_ZH, "%d other measure", "%d other measures", k), k);
			fprintf(f, ",%.2f,%.2f,%.2f\n", other, base, base + other);
		}
	}
}

/* Share of replications whose column col is above v by more than CHART_TOL. */
static void above(const struct sim_output *o, size_t col, double v, double *share)
{
	size_t n = 0;
	for (long i = 0; i < o->reps; i++)
		n += o->rows[(size_t)i * o->layout.width + col] - v > CHART_TOL;
	*share = (double)n / (double)o->reps;
}

/* Share of replications in which some paid year's total is above v. */
static void any_year_above(const struct sim_output *o, double v, double *share)
{
	size_t n = 0;
	for (long i = 0; i < o->reps; i++) {
		const double *row = o->rows + (size_t)i * o->layout.width;
		bool over = false;
		for (int y = 0; y < o->layout.years && !over; y++)
			over = row[sim_money(&o->layout, N_LINES, y, LV_TOTAL)] - v > CHART_TOL;
		n += over;
	}
	*share = (double)n / (double)o->reps;
}

/* The histogram reads every replication's total: o's rows. */
static void write_distribution(FILE *f, const struct chart_opts *co, const struct sim_output *o,
			       const struct summary *sm)
{
	size_t col = sim_money(&o->layout, N_LINES, o->layout.years, LV_TOTAL);
	const struct stats st = *summary_money(sm, N_LINES, sm->layout.years, LV_TOTAL);
	bool annual;
	double env = chart_envelope(&co->s->pol, &annual);
	struct chart_bins b;
	chart_histogram(o->rows + col, o->layout.width, (size_t)o->reps, st.pct[P75] - st.pct[P25],
			env > 0 && !annual ? env : NAN, &b);
	fprintf(f, "kind,from,to,replications,share\n");
	for (int j = 0; j < b.n; j++)
		fprintf(f, "bin,%.2f,%.2f,%zu,%.6f\n", b.from + j * b.width,
			b.from + (j + 1) * b.width, b.count[j],
			(double)b.count[j] / (double)o->reps);
	/* markers: from = to = the value; share = replications above it */
	struct marker {
		const char *kind;
		double v;
	} m[5] = {{"mean", st.mean},
		  {"p5", st.pct[P5]},
		  {"p50", st.pct[P50]},
		  {"p95", st.pct[P95]}};
	int nm = 4;
	if (env > 0)
		m[nm++] = (struct marker){annual ? "budget_annual" : "budget", env};
	for (int i = 0; i < nm; i++) {
		double share;
		if (strcmp(m[i].kind, "budget_annual") == 0)
			any_year_above(o, m[i].v, &share);
		else
			above(o, col, m[i].v, &share);
		fprintf(f, "%s,%.2f,%.2f,%.0f,%.6f\n", m[i].kind, m[i].v, m[i].v,
			share * (double)o->reps, share);
	}
}

static void write_ranked(FILE *f, const struct chart_opts *co, const struct sim_output *o,
			 const struct summary *sm)
{
	(void)co, (void)o;
	int r[N_LINES];
	int n = paying_lines(sm, r);
	double total = summary_money(sm, N_LINES, sm->layout.years, LV_TOTAL)->mean;
	fprintf(f, "rank,line,label_en,label_zh,mean,p5,p50,p95,share\n");
	for (int i = 0; i < n; i++) {
		char en[200], zh[200];
		const struct stats *st = summary_money(sm, r[i], sm->layout.years, LV_TOTAL);
		label_en(r[i], en, sizeof en);
		label_zh(r[i], zh, sizeof zh);
		fprintf(f, "%d,%s,%s,%s,%.2f,%.2f,%.2f,%.2f,%.6f\n", i + 1, line_info(r[i])->name,
			en, zh, st->mean, st->pct[P5], st->pct[P50], st->pct[P95],
			total > 0 ? st->mean / total : 0);
	}
}

/* Each district's recipients over all paid years, dearest first: the
 * total's mean and 90% interval, and each level's mean (they add up to
 * the total's). 未指定 only when some replication paid one; studies
 * (no district cells) get the header alone. */
static void write_districts(FILE *f, const struct chart_opts *co, const struct sim_output *o,
			    const struct summary *sm)
{
	(void)co, (void)o;
	fprintf(f, "rank,name,mean,p5,p95,provincial,municipal,district\n");
	if (!summary_district(sm, 0, N_LINES, LV_TOTAL))
		return;
	int d[N_WHERE], n = 0;
	for (int w = 1; w <= N_WHERE; w++) {
		int x = w % N_WHERE; /* 未指定 last */
		if (x != 0 || summary_district(sm, 0, N_LINES, LV_TOTAL)->mean > 0)
			d[n++] = x;
	}
	for (int i = 1; i < n; i++) /* insertion sort: ten rows, ties keep the official order */
		for (int j = i;
		     j > 0 && summary_district(sm, d[j], N_LINES, LV_TOTAL)->mean >
				      summary_district(sm, d[j - 1], N_LINES, LV_TOTAL)->mean;
		     j--) {
			int t = d[j];
			d[j] = d[j - 1], d[j - 1] = t;
		}
	for (int i = 0; i < n; i++) {
		const struct stats *st = summary_district(sm, d[i], N_LINES, LV_TOTAL);
		fprintf(f, "%d,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f\n", i + 1,
			d[i] ? district_name(d[i]) : "未指定", st->mean, st->pct[P5], st->pct[P95],
			summary_district(sm, d[i], N_LINES, LV_PROVINCIAL)->mean,
			summary_district(sm, d[i], N_LINES, LV_MUNICIPAL)->mean,
			summary_district(sm, d[i], N_LINES, LV_DISTRICT)->mean);
	}
}

/* The trace sim_run kept after each block: o's, not the summary's. */
static void write_convergence(FILE *f, const struct chart_opts *co, const struct sim_output *o,
			      const struct summary *sm)
{
	(void)co, (void)sm;
	fprintf(f, "replications,mean,se,lo95,hi95\n");
	for (int i = 0; i < o->ntrace; i++) {
		const struct sim_trace *t = &o->trace[i];
		fprintf(f, "%ld,%.2f,%.2f,%.2f,%.2f\n", t->reps, t->mean, t->se,
			t->mean - Z95 * t->se, t->mean + Z95 * t->se);
	}
}

typedef void (*csv_writer)(FILE *, const struct chart_opts *, const struct sim_output *,
			   const struct summary *);
static const csv_writer writers[N_CHARTS] = {
#define RUN_CHART(id, stem, writer, caption) [CHART_##id] = writer,
#define STUDY_CHART(id, stem)
#include "charts.def"
#undef RUN_CHART
#undef STUDY_CHART
};

const char *chart_caption(enum chart_kind k, int lang)
{
	static const char *const cap[N_CHARTS] = {
#define RUN_CHART(id, stem, writer, caption) [CHART_##id] = caption,
#define STUDY_CHART(id, stem)
#include "charts.def"
#undef RUN_CHART
#undef STUDY_CHART
	};
	return L_(lang, cap[k]);
}

/* ---- what every chart shares ---- */

void chart_clean(char *s)
{
	char *w = s;
	for (char *c = s; *c; c++) {
		if (*c == '"')
			continue;
		*w++ = *c == ',' || *c == '\n' || *c == '\r' ? ';' : *c;
	}
	*w = '\0';
}

void chart_note(struct chart_notes *notes, const char *text)
{
	if (notes && notes->n < (int)(sizeof notes->text / sizeof notes->text[0]))
		snprintf(notes->text[notes->n++], sizeof notes->text[0], "%s", text);
}

size_t chart_gp_quote(char *buf, size_t n, const char *s)
{
	static const char quote[] = "'.sprintf('%c',39).'"; /* ' as a value, between literals */
	size_t k = 0;
	bool after_text = false; /* the literal's last byte is not a quote */
				 /* appends c when it fits, counting it either way */
#define PUT(c) (k + 1 < n ? (void)(buf[k] = (c)) : (void)0, k++)
	PUT('\'');
	for (; *s; s++) {
		if (*s == '\'' && after_text) {
			PUT('\''), PUT('\'');
			after_text = false;
		} else if (*s == '\'') { /* gnuplot would read '' here as the literal's end */
			for (const char *q = quote; *q; q++)
				PUT(*q);
		} else if ((unsigned char)*s >= 0x20 &&
			   *s != 0x7f) { /* a line break would end it */
			PUT(*s);
			after_text = true;
		}
	}
	PUT('\'');
#undef PUT
	if (n > 0)
		buf[k < n ? k : 0] = '\0'; /* cut: nothing rather than half a string */
	return k;
}

void chart_footnote(const struct chart_opts *co, long reps, const char *what, const char *cmd,
		    struct chart_foot *ft)
{
	char n[32], en[200], zh[200];
	text_grouped(reps, n, sizeof n);
	const char *name = co->s->name[0] ? co->s->name : NULL;
	/* what is the charts modules' own msgid, with one %s */
	const char *w = what ? what : N_("%s replications");
	snprintf(en, sizeof en, w, n);
	snprintf(zh, sizeof zh, L_(CHART_ZH, w), n);
	ft->cmd = cmd;
	bool study = strcmp(cmd, "run") != 0;
	snprintf(ft->en, sizeof ft->en, "Scenario %s  ·  %s  ·  seed %llu  ·  fundsim%s%s",
		 name ? name : "scenario", en, (unsigned long long)co->seed, study ? " " : "",
		 study ? cmd : "");
	snprintf(ft->zh, sizeof ft->zh,
		 L_(CHART_ZH, "Scenario %s  ·  %s  ·  seed %llu  ·  fundsim%s%s"),
		 name ? name : L_(CHART_ZH, "scenario"), zh, (unsigned long long)co->seed,
		 study ? " " : "", study ? cmd : "");
}

/* The script as shipped, after lines that set this chart's defaults. */
static void write_script(FILE *f, enum chart_kind k, const struct chart_opts *co,
			 const struct chart_foot *ft)
{
	fprintf(f,
		"# Written by fundsim %s beside %s.csv: plots/%s.gp after defaults for\n"
		"# this chart. Redraw: gnuplot %s.gp   or, in Chinese, as SVG:\n"
		"#   gnuplot -e \"lang='zh'; outfile='%s-zh.svg'\" %s.gp\n",
		ft->cmd, names[k], names[k], names[k], names[k], names[k]);
	fprintf(f, "if (!exists(\"lang\")) lang = '%s'\n", co->lang == CHART_ZH ? "zh" : "en");
	/* the only data in the script: each footnote as one quoted literal */
	char en[CHART_GP_QUOTED(sizeof ft->en)], zh[CHART_GP_QUOTED(sizeof ft->zh)];
	chart_gp_quote(en, sizeof en, ft->en);
	chart_gp_quote(zh, sizeof zh, ft->zh);
	fprintf(f, "if (!exists(\"footnote_en\")) footnote_en = %s\n", en);
	fprintf(f, "if (!exists(\"footnote_zh\")) footnote_zh = %s\n", zh);
	fprintf(f, "\n%s", chart_script(k));
}

int chart_files(const char *dir, enum chart_kind k, chart_csv_fn csv, const void *ctx,
		const struct chart_opts *co, const struct chart_foot *ft, char *err, size_t errlen)
{
	for (int script = 0; script < 2; script++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.%s", dir, names[k], script ? "gp" : "csv");
		struct atomic_file af;
		if (atomic_open(&af, path, err, errlen) != 0)
			return -1;
		if (script)
			write_script(af.f, k, co, ft);
		else
			csv(af.f, ctx);
		if (atomic_commit(&af, err, errlen) != 0)
			return -1;
	}
	return 0;
}

/* ---- gnuplot ---- */

/* Whether the n bytes at the end of an image (all of it when short) close
 * it: PNG's IEND chunk (length 0, type, CRC) or SVG's </svg> and white space. */
static bool image_ends(const unsigned char *tail, size_t n, bool png)
{
	static const unsigned char iend[12] = {0,   0,   0,    0,    'I',  'E',
					       'N', 'D', 0xae, 0x42, 0x60, 0x82};
	if (png)
		return n >= sizeof iend && memcmp(tail + n - sizeof iend, iend, sizeof iend) == 0;
	while (n > 0 && strchr(" \t\r\n", tail[n - 1]))
		n--;
	return n >= 6 && memcmp(tail + n - 6, "</svg>", 6) == 0;
}

int chart_image_check(const char *path, char *err, size_t errlen)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	const char *dot = strrchr(path, '.');
	bool png = dot && strcmp(dot, ".png") == 0;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, _("gnuplot wrote no image: %s"), strerror(errno));
		return -1;
	}
	struct stat st;
	unsigned char head[sizeof sig], tail[64];
	size_t nt = 0;
	bool whole = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
	if (whole) {
		nt = st.st_size < (off_t)sizeof tail ? (size_t)st.st_size : sizeof tail;
		whole = pread(fd, tail, nt, st.st_size - (off_t)nt) == (ssize_t)nt &&
			image_ends(tail, nt, png);
	}
	if (whole && png)
		whole = pread(fd, head, sizeof head, 0) == (ssize_t)sizeof head &&
			memcmp(head, sig, sizeof sig) == 0;
	if (!whole) {
		snprintf(err, errlen, _("gnuplot wrote an incomplete image (disk full?)"));
		close(fd);
		return -1;
	}
	/* on disk before it is renamed into place: a crash keeps the old image */
	if (fsync(fd) != 0) {
		snprintf(err, errlen, _("cannot write the image: %s"), strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* An image of a group: its gnuplot writes it into the group's private
 * folder (mkdtemp, 0700) in dir, so no name it writes can be planted
 * beforehand, closes it and then makes its mark there; it is checked
 * whole and renamed into place (over a symlink too, never through it). */
struct image {
	char path[4200], tmp[4300], mark[4310];
	char vars[2 * CHART_GP_QUOTED(64) + 32], done[CHART_GP_QUOTED(64) + 48], script[64];
};

/* One gnuplot drawing a group's images in turn. Starting gnuplot costs
 * more than drawing a chart (cairo and its fonts: 0.06-0.1 s of CPU on
 * the project's VM): a run's twelve images in twelve gnuplots took three
 * quarters of the run, and in two gnuplots a third as long. */
struct group {
	char priv[4200];
	struct spawn sp;
	enum spawn_result r;
	char why[300];
	bool started, stopped; /* stopped: an image of it was not drawn */
	int last;              /* its last image */
};

static const char *const exts[] = {"png", "svg"};

/* Groups of charts, a gnuplot each: one a processor, up to one a chart. */
static int group_count(int n)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int g = cpus < 1 ? 1 : cpus > 16 ? 16 : (int)cpus;
	return g < n ? g : n;
}

/* Image m (chart kind k, extension ext) in gr's folder: its names, and
 * what gnuplot is given to draw it. */
static void image_of(struct image *m, const char *dir, const struct group *gr, enum chart_kind k,
		     const char *ext)
{
	const char *base = strrchr(gr->priv, '/') + 1; /* gnuplot runs in dir */
	char rel[64], data[64], qout[CHART_GP_QUOTED(64)], qdata[CHART_GP_QUOTED(64)];
	snprintf(m->path, sizeof m->path, "%s/%s.%s", dir, names[k], ext);
	snprintf(m->tmp, sizeof m->tmp, "%s/%s.%s", gr->priv, names[k], ext);
	snprintf(m->mark, sizeof m->mark, "%s.done", m->tmp);
	snprintf(data, sizeof data, "%s.csv", names[k]);
	snprintf(rel, sizeof rel, "%s/%s.%s", base, names[k], ext);
	chart_gp_quote(qdata, sizeof qdata, data);
	chart_gp_quote(qout, sizeof qout, rel);
	snprintf(m->vars, sizeof m->vars, "datafile=%s; outfile=%s", qdata, qout);
	/* closing the output finishes the image; the mark says it was */
	snprintf(rel, sizeof rel, "%s/%s.%s.done", base, names[k], ext);
	chart_gp_quote(qout, sizeof qout, rel);
	snprintf(m->done, sizeof m->done, "set output; set print %s; unset print", qout);
	snprintf(m->script, sizeof m->script, "%s.gp", names[k]);
}

/* Start group g of ng: the images of charts g, g + ng, ... of k[0 .. n),
 * each PNG then SVG, in one gnuplot, each after `reset session` (no
 * variable or setting of the chart before it left). */
static enum spawn_result group_start(struct group *gr, struct image *im, int g, int ng,
				     const char *dir, const char *prog, const enum chart_kind *k,
				     int n, char *err, size_t errlen)
{
	const char *first = im[2 * g].path;
	snprintf(im[2 * g].path, sizeof im[2 * g].path, "%s/%s.png", dir, names[k[g]]);
	if (snprintf(gr->priv, sizeof gr->priv, "%s/.draw-XXXXXX", dir) >= (int)sizeof gr->priv) {
		snprintf(err, errlen, _("%s: path too long"), first);
		return SPAWN_FAILED;
	}
	if (!mkdtemp(gr->priv)) {
		snprintf(err, errlen, _("%s: cannot make a private folder to draw in: %s"), first,
			 strerror(errno));
		return SPAWN_FAILED;
	}
	char **argv = calloc((size_t)(7 * (n / ng + 1) * 2 + 2), sizeof *argv);
	if (!argv) {
		rmdir(gr->priv);
		snprintf(err, errlen, _("out of memory"));
		return SPAWN_FAILED;
	}
	int a = 0;
	argv[a++] = (char *)prog;
	for (int c = g; c < n; c += ng) {
		for (int x = 0; x < 2; x++) {
			struct image *m = &im[2 * c + x];
			image_of(m, dir, gr, k[c], exts[x]);
			if (a > 1) {
				argv[a++] = "-e";
				argv[a++] = "reset session";
			}
			argv[a++] = "-e";
			argv[a++] = m->vars;
			argv[a++] = m->script;
			argv[a++] = "-e";
			argv[a++] = m->done;
			gr->last = 2 * c + x;
		}
	}
	char why[300];
	enum spawn_result r = spawn_start(&gr->sp, prog, argv, dir, why, sizeof why);
	free(argv);
	if (r != SPAWN_OK) {
		rmdir(gr->priv);
		snprintf(err, errlen, "%s: %s", first, why);
	}
	return r;
}

/* The first failure in the order of the images, as drawing them one by
 * one would meet it. */
struct failure {
	int at; /* the image; the image count when none */
	enum spawn_result r;
	char why[600];
};

static void failed_at(struct failure *f, int j, enum spawn_result r, const char *why)
{
	if (j < f->at) {
		f->at = j;
		f->r = r;
		snprintf(f->why, sizeof f->why, "%s", why);
	}
}

/* Image j of group gr, its gnuplot ended: put in place when marked and
 * whole; else, the first of its group not drawn, where its gnuplot
 * stopped. */
static void image_end(struct image *m, struct group *gr, int j, struct failure *f)
{
	char why[300], e[600];
	struct stat st;
	if (lstat(m->mark, &st) != 0) {
		gr->stopped = true;
		if (gr->r == SPAWN_MISSING) {
			failed_at(f, j, SPAWN_MISSING, gr->why);
			return;
		}
		snprintf(e, sizeof e, "%s: %s", m->path,
			 gr->r != SPAWN_OK ? gr->why : _("gnuplot did not draw it"));
		failed_at(f, j, SPAWN_FAILED, e);
		return;
	}
	if (chart_image_check(m->tmp, why, sizeof why) == 0) {
		if (rename(m->tmp, m->path) == 0)
			return;
		snprintf(why, sizeof why, "cannot rename the image into place: %s",
			 strerror(errno));
	}
	snprintf(e, sizeof e, "%s: %s", m->path, why);
	failed_at(f, j, SPAWN_FAILED, e);
}

int chart_draw(const char *dir, const struct chart_opts *co, const enum chart_kind *k, int n,
	       struct chart_notes *notes, char *err, size_t errlen)
{
	if (!co->draw || !comm_is_root() || n < 1)
		return 0; /* MPI ranks other than 0 write nothing */
	const char *prog = co->gnuplot ? co->gnuplot : "gnuplot";
	int jobs = 2 * n, ng = group_count(n);
	struct image *im = calloc((size_t)jobs, sizeof *im);
	struct group *grp = calloc((size_t)ng, sizeof *grp);
	if (!im || !grp) {
		free(im);
		free(grp);
		snprintf(err, errlen, _("out of memory"));
		return -1;
	}
	struct failure f = {.at = jobs};
	for (int g = 0; g < ng; g++) {
		char e[600];
		if (group_start(&grp[g], im, g, ng, dir, prog, k, n, e, sizeof e) != SPAWN_OK) {
			failed_at(&f, 2 * g, SPAWN_FAILED, e);
			break; /* the later groups' images all come after its first */
		}
		grp[g].started = true;
	}
	for (int g = 0; g < ng; g++) /* none is left running */
		if (grp[g].started)
			grp[g].r = spawn_wait(&grp[g].sp, grp[g].why, sizeof grp[g].why);
	for (int j = 0; j < jobs; j++) {
		struct group *gr = &grp[(j / 2) % ng];
		if (gr->started && !gr->stopped)
			image_end(&im[j], gr, j, &f);
	}
	for (int g = 0; g < ng; g++) {
		struct group *gr = &grp[g];
		if (!gr->started)
			continue;
		if (gr->r != SPAWN_OK && !gr->stopped) { /* drew them all, then failed */
			char e[600];
			snprintf(e, sizeof e, "%s: %s", im[gr->last].path, gr->why);
			failed_at(&f, gr->last, gr->r, e);
		}
		for (int j = 2 * g; j < jobs; j += 2 * ng) /* what was not put in place */
			for (int x = 0; x < 2; x++) {
				unlink(im[j + x].tmp);
				unlink(im[j + x].mark);
			}
		rmdir(gr->priv);
	}
	free(im);
	free(grp);
	if (f.at < jobs && f.r == SPAWN_MISSING) {
		char msg[320];
		snprintf(msg, sizeof msg,
			 _("no charts drawn (%.200s); the chart CSV files "
			   "and gnuplot scripts are written: install gnuplot (make "
			   "deps) to draw them"),
			 f.why);
		chart_note(notes, msg);
		return 0;
	}
	if (f.at < jobs) {
		snprintf(err, errlen, "%s", f.why);
		return -1;
	}
	return 0;
}

/* ---- the run's charts ---- */

struct run_chart {
	enum chart_kind k;
	const struct chart_opts *co;
	const struct sim_output *o;
	const struct summary *sm;
};

static void run_csv(FILE *f, const void *ctx)
{
	const struct run_chart *rc = ctx;
	writers[rc->k](f, rc->co, rc->o, rc->sm);
}

int charts_write(const char *dir, const struct chart_opts *co, const struct sim_output *o,
		 const struct summary *sm, struct chart_notes *notes, char *err, size_t errlen)
{
	if (notes)
		notes->n = 0;
	int lines[N_LINES];
	bool paying = paying_lines(sm, lines) > 0;
	struct chart_foot ft;
	chart_footnote(co, o->reps, NULL, "run", &ft);
	enum chart_kind todo[N_CHARTS];
	int ntodo = 0;
	for (int k = 0; k < N_CHARTS; k++) {
		/* a histogram needs every replication's total */
		if (k == CHART_DISTRIBUTION && !(o->rows && o->reps > 0)) {
			char msg[320];
			snprintf(msg, sizeof msg,
				 _("no %s chart: with %ld replications the run keeps "
				   "percentiles, not every total (see README)"),
				 names[k], o->reps);
			chart_note(notes, msg);
			continue;
		}
		struct run_chart rc = {k, co, o, sm};
		if (chart_files(dir, k, run_csv, &rc, co, &ft, err, errlen) != 0)
			return -1;
		/* measures by name: an empty CSV, nothing to draw */
		if (k == CHART_DISTRICTS && !summary_district(sm, 0, N_LINES, LV_TOTAL))
			continue; /* no district cells: header only, nothing to draw */
		if (paying || (k != CHART_STACKED && k != CHART_RANKED))
			todo[ntodo++] = k;
	}
	if (!paying)
		chart_note(notes, _("no stacked or ranked chart: no measure pays anything in this "
				    "scenario"));
	return chart_draw(dir, co, todo, ntodo, notes, err, errlen);
}
