/* cmd_report.c - `fundsim report`: a Monte Carlo run, its charts and a
 * tornado study, written up as one self-contained HTML page for a policy
 * briefing (briefing.h).
 *
 * The run's files (run's CSV files, manifest, resolved scenario, charts)
 * are written into the same folder as report.html, so that every number
 * in the page can be traced to a file beside it. Nothing is written when
 * the work is interrupted; report.html is written whole or not at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "atomic.h"
#include "briefing.h"
#include "charts.h"
#include "cmd_impl.h"
#include "cmd_setup.h"
#include "inputs.h"
#include "money.h"
#include "outset.h"
#include "report.h"
#include "sim.h"
#include "study.h"
#include "summary.h"
#include "text.h"
#include "version.h"
#include "workbook.h"
#include "i18n.h"

#define TORNADO_REPS 200 /* per variant: paired differences need few */
#define TORNADO_PCT 0.2  /* without [sensitivity] ranges: -+20% */

/* Without [sensitivity] ranges, these assumptions go into the tornado:
 * the size and growth of the firm population and the entity flows that
 * pay the dearest lines (M6A, M12A, M12C, M7B). */
static const char *const default_keys[] = {
	"growth.mean",      "firms.count",      "firms.revenue",     "entry.new_per_year",
	"growth.exit_rate", "pop.m6a.per_year", "pop.m12a.per_year", "pop.m12c.per_year",
	"pop.m7b.per_year", "takeup.m3c",
};
#define N_DEFAULT_KEYS (sizeof default_keys / sizeof default_keys[0])

/* The tornado's assumptions: the scenario's [sensitivity] ranges, else
 * those of default_keys that the scenario can move. Returns how many;
 * *given tells which. */
static int tornado_keys(const struct scenario *s, struct study_range *k, bool *given)
{
	int n = 0;
	*given = s->nsens > 0;
	for (int q = 0; q < s->nsens; q++)
		k[n++] = (struct study_range){.param = s->sens[q].param,
					      .given = true,
					      .lo = s->sens[q].lo,
					      .hi = s->sens[q].hi};
	for (size_t q = 0; !*given && q < N_DEFAULT_KEYS; q++) {
		char err[ERR_LEN];
		int i = params_key(default_keys[q], err, sizeof err);
		if (i >= 0 && params_numeric(i) && s->set[i])
			k[n++] = (struct study_range){.param = i};
	}
	return n;
}

/* The parameters of s that differ from the draft's, as `fundsim diff`
 * tells them. Returns how many, or -1 when out of memory; *out is the
 * caller's to free. */
static int differences(struct scenario *draft, struct scenario *s, struct briefing_diff **out)
{
	size_t np;
	params_table(&np);
	struct scenario *both[2] = {draft, s};
	struct briefing_diff *d = calloc(np ? np : 1, sizeof *d);
	*out = d;
	if (!d)
		return -1;
	int n = 0;
	for (size_t i = 0; i < np; i++) {
		if (!param_differs(both, 2, (int)i))
			continue;
		d[n].param = (int)i;
		param_words(draft, (int)i, d[n].draft, sizeof d[n].draft);
		param_words(s, (int)i, d[n].here, sizeof d[n].here);
		n++;
	}
	return n;
}

/* An image file's identity: gnuplot draws into a new file and renames it
 * into place, so a drawn image is a new inode; one left from an earlier
 * run keeps its own. */
struct image_id {
	bool exists;
	dev_t dev;
	ino_t ino;
};

static void image_id(const char *dir, const char *name, struct image_id *id)
{
	char path[4200];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s.svg", dir, name);
	id->exists = stat(path, &st) == 0;
	id->dev = id->exists ? st.st_dev : 0;
	id->ino = id->exists ? st.st_ino : 0;
}

/* The text of dir/NAME.svg when this run drew it (its identity changed
 * from before), else NULL. Caller frees. */
static char *drawn_svg(const char *dir, const char *name, const struct image_id *before)
{
	struct image_id now;
	image_id(dir, name, &now);
	if (!now.exists || (before->exists && before->dev == now.dev && before->ino == now.ino))
		return NULL;
	char path[4200];
	snprintf(path, sizeof path, "%s/%s.svg", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	do {
		if (n + 65536 + 1 > cap) {
			cap = cap ? 2 * cap : 262144;
			char *nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

/* "YYYY-MM-DD" of SOURCE_DATE_EPOCH when set (reproducible builds), else
 * of today, in UTC. */
static void today(char *buf, size_t n)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v = e ? strtoll(e, &end, 10) : 0;
	time_t t = e && *e && !*end ? (time_t)v : time(NULL);
	struct tm tm;
	if (!gmtime_r(&t, &tm) || strftime(buf, n, "%Y-%m-%d", &tm) == 0)
		snprintf(buf, n, "?");
}

int cmd_report(const struct cli *c)
{
	struct setup su = {0};
	const char *scenario = NULL;
	struct scenario *s = NULL, *draft = NULL;
	struct sim_output out = {0};
	struct summary *sm = NULL;
	struct study_tornado t = {0};
	struct study_range *keys = calloc(MAX_PARAMS, sizeof *keys);
	struct briefing_diff *diff = NULL;
	char *svg[N_CHARTS] = {0}, *tornado_svg = NULL;
	char err[ERR_LEN], cmdline[8192], tnote[ERR_LEN + 64] = "", cnote[400] = "";
	int rc = EXIT_FAIL;
	if (!keys) {
		say("report", _("out of memory"));
		goto done;
	}
	rc = EXIT_USAGE;
	if (setup_options(&su, c) != 0 || setup_scenario(c, &scenario) != 0 ||
	    !(s = open_scenario(scenario, c)) || !(draft = open_scenario(NULL, NULL)) ||
	    setup_panel(&su, c) != 0 || setup_begin(&su, c, s, NULL) != 0)
		goto done;
	struct sim_config cfg = setup_sim(&su);
	rc = EXIT_FAIL;
	if (sim_run(&s->pol, &cfg, &out, err, sizeof err) != 0) {
		say("report", "%s", err);
		goto done;
	}
	double seconds = setup_seconds(&su);

	/* the assumptions that most move the total, on fewer replications */
	bool given = false;
	int nkeys = out.stopped ? 0 : tornado_keys(s, keys, &given);
	struct study_cfg sc = setup_study(&su);
	sc.reps = su.reps < TORNADO_REPS ? su.reps : TORNADO_REPS;
	sc.progress_ctx = (void *)"tornado runs";
	long most = study_max_reps(&s->pol); /* a study keeps every row to pair them */
	if (sc.reps > most)
		sc.reps = most;
	enum study_status st = STUDY_OK;
	if (nkeys > 0) {
		st = study_tornado(s, keys, nkeys, TORNADO_PCT, 0, &sc, &t, err, sizeof err);
		if (st == STUDY_FAILED) {
			say("report", _("tornado: %s"), err);
			goto done;
		}
		if (st == STUDY_INVALID) /* a variant the rules refuse: say so in the page */
			snprintf(tnote, sizeof tnote, "%s", err);
	} else {
		snprintf(tnote, sizeof tnote, "%s", "no assumption to move");
	}
	if (out.stopped || st == STUDY_STOPPED || setup_interrupted()) {
		rc = setup_stopped(&su, NULL);
		goto done;
	}

	if (!(sm = summary_of(&out, &s->pol))) {
		say("report", _("out of memory computing the statistics"));
		goto done;
	}
	setup_command_line(&su, c, scenario, 0, cmdline, sizeof cmdline);
	struct run_info ri = {
		.s = s,
		.command = cmdline,
		.firms = c->firms,
		.seed = (uint64_t)su.seed,
		.threads = (int)su.threads,
		.seconds = seconds,
		.date = time(NULL),
		.bom = c->csv_bom,
	};
	const char *dir = su.os.stage; /* every file goes into the staged set */
	if (report_write(dir, &ri, &out, sm, NULL, err, sizeof err) != 0) {
		say("report", "%s", err);
		goto done;
	}
	struct wb_run wr = {.ri = &ri,
			    .o = &out,
			    .sm = sm,
			    .lang = su.lang,
			    .tornado = t.nbars > 0 ? &t : NULL};
	if (workbook_run(dir, &wr, err, sizeof err) != 0) {
		say("report", "%s", err);
		goto done;
	}
	struct image_id before[N_CHARTS], tornado_before;
	for (int k = 0; k < N_CHARTS; k++)
		image_id(dir, chart_name(k), &before[k]);
	image_id(dir, chart_name(CHART_TORNADO), &tornado_before);
	struct chart_opts co = {.s = s, .seed = (uint64_t)su.seed, .lang = su.lang, .draw = true};
	struct chart_notes notes;
	int crc = charts_write(dir, &co, &out, sm, &notes, err, sizeof err);
	for (int i = 0; i < notes.n; i++)
		say("report", "%s", notes.text[i]);
	if (crc != 0) {
		say("report", _("charts: %s"), err);
		goto done;
	}
	if (notes.n) /* the first is the one that explains a missing chart */
		snprintf(cnote, sizeof cnote, "%s", notes.text[0]);
	if (t.nbars > 0) {
		notes.n = 0;
		if (charts_tornado(dir, &co, &t, &notes, err, sizeof err) != 0) {
			say("report", _("tornado chart: %s"), err);
			goto done;
		}
		tornado_svg = drawn_svg(dir, chart_name(CHART_TORNADO), &tornado_before);
	}
	for (int k = 0; k < N_CHARTS; k++)
		svg[k] = drawn_svg(dir, chart_name(k), &before[k]);

	int ndiff = differences(draft, s, &diff);
	if (ndiff < 0) {
		say("report", _("out of memory"));
		goto done;
	}
	char date[32];
	today(date, sizeof date);
	struct evaluation ev;
	evaluation_of(s, sm, out.rows, out.reps, &ev);
	struct briefing b = {
		.s = s,
		.sm = sm,
		.seed = (uint64_t)su.seed,
		.threads = (int)su.threads,
		.lang = su.lang,
		.version = fundsim_version,
		.git = fundsim_git,
		.command = cmdline,
		.date = date,
		.chart_note = cnote[0] ? cnote : NULL,
		.tornado = t.nbars > 0 ? &t : NULL,
		.tornado_given = given,
		.tornado_svg = tornado_svg,
		.tornado_note = tnote[0] ? tnote : NULL,
		.diff = diff,
		.ndiff = ndiff,
		.ev = &ev,
	};
	for (int k = 0; k < N_CHARTS; k++)
		b.svg[k] = svg[k];
	char path[4200];
	snprintf(path, sizeof path, "%s/report.html", dir);
	struct atomic_file af;
	if (atomic_open(&af, path, err, sizeof err) != 0) {
		say("report", "%s", err);
		goto done;
	}
	briefing_write(af.f, &b);
	if (atomic_commit(&af, err, sizeof err) != 0) {
		say("report", "%s", err);
		goto done;
	}
	if ((rc = setup_commit(&su)) != EXIT_OK)
		goto done;
	snprintf(path, sizeof path, "%s/report.html", su.os.dir);
	if (!c->quiet) {
		const struct stats *tot = summary_money(sm, N_LINES, sm->layout.years, LV_TOTAL);
		char m[32], lo[32], hi[32];
		money_table(tot->mean, m, sizeof m);
		money_table(tot->pct[P5], lo, sizeof lo);
		money_table(tot->pct[P95], hi, sizeof hi);
		printf(_("fundsim report: scenario %s, %ld replications, seed %ld: total %s [%s, %s]\n"),
		       SHOWN(s->name), out.reps, su.seed, m, lo, hi);
		printf(_("report in %s\n"), SHOWN(path));
	}
	rc = EXIT_OK;
done:
	setup_free(&su);
	for (int k = 0; k < N_CHARTS; k++)
		free(svg[k]);
	free(tornado_svg);
	free(diff);
	free(keys);
	study_tornado_free(&t);
	summary_free(sm);
	sim_output_free(&out);
	free(draft);
	free(s);
	return rc;
}
