/* cmd_sobol.c - `fundsim sobol`: global sensitivity, Saltelli sampling. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "charts.h"
#include "cmd_study_impl.h"
#include "outset.h"
#include "money.h"
#include "text.h"
#include "i18n.h"

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
		sc_key_name(r->param, key, sizeof key);
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
		sc_key_name(s->sens[i].param, key, sizeof key);
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
			double y = m == 0   ? b->fa[p]
				   : m == 1 ? b->fb[p]
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
	money_table(b->mean, m, sizeof m);
	money_table(sqrt(b->var), sd, sizeof sd);
	printf(ngettext("fundsim sobol: scenario %s, %d parameter, %ld base points: %ld runs of "
			"%ld replications (seed %ld), %d bootstrap resamples, %.1f s\n",
			"fundsim sobol: scenario %s, %d parameters, %ld base points: %ld runs of "
			"%ld replications (seed %ld), %d bootstrap resamples, %.1f s\n",
			(unsigned long)b->k),
	       SHOWN(s->name), b->k, b->n, b->n * (b->k + 2), j->o->reps, j->o->seed, b->boot,
	       j->seconds);
	printf(_("mean total spending over the design %s, sd %s between points\n"), m, sd);
	if (b->n < 64)
		printf(_("few base points: the indices are rough (--n 128 or more for a study)\n"));
	if (b->flat) {
		printf(_("the mean total does not vary over these ranges: every index is 0\n"));
		return;
	}
	printf(_("S1: share of the variance due to the parameter alone; ST: with all its "
		 "interactions\n\n"));
	fputs("  ", stdout);
	text_pad(stdout, _("parameter"), 30);
	text_pad(stdout, _("range"), 24);
	text_pad(stdout, "S1 [95%]", 22);
	text_pad(stdout, "ST [95%]", 22);
	printf("%s\n", _("meaning")); /* last: its length harms no column */
	for (int i = 0; i < b->k; i++) {
		const struct param_range *r = &s->sens[i];
		char key[96], lo[64], hi[64], range[160], s1[64], st[64], what[160];
		sc_key_name(r->param, key, sizeof key);
		params_value_words(r->param, r->lo, lo, sizeof lo);
		params_value_words(r->param, r->hi, hi, sizeof hi);
		snprintf(range, sizeof range, _("%s to %s"), lo, hi);
		snprintf(s1, sizeof s1, "%.3f [%.3f, %.3f]", b->s1[i], b->s1_lo[i], b->s1_hi[i]);
		snprintf(st, sizeof st, "%.3f [%.3f, %.3f]", b->st[i], b->st_lo[i], b->st_hi[i]);
		printf("  %-30s ", key);
		text_pad(stdout, range, 24);
		chart_param_meaning(r->param, i18n_lang() == I18N_ZH ? CHART_ZH : CHART_EN, what,
				    sizeof what);
		printf("%-22s %-22s %s\n", s1, st, what);
	}
}

int cmd_sobol(const struct cli *c)
{
	struct setup o = {0};
	const char *path;
	struct scenario *s = NULL;
	struct study_sobol b = {0};
	long n = SOBOL_POINTS, boot = SOBOL_BOOT;
	char err[ERR_LEN];
	int rc = EXIT_USAGE;
	if (sc_options(c, &o) != 0 || setup_scenario(c, &path) != 0 ||
	    (c->points && setup_int("sobol", "--n", c->points, 2, 1000000, &n)) ||
	    (c->bootstrap && setup_int("sobol", "--bootstrap", c->bootstrap, 0, 100000, &boot)) ||
	    !(s = open_scenario(path, c)) || sc_check_reps(&o, s) != 0)
		goto done;
	if (sc_begin(&o, c, s) != 0)
		goto done;
	struct study_cfg cfg = setup_study(&o);
	enum study_status st = study_sobol_sim(s, n, (int)boot, &cfg, &b, err, sizeof err);
	if (st != STUDY_OK) {
		rc = sc_failed(&o, st, err);
		goto done;
	}
	struct job j =
		{.c = c, .o = &o, .s = &s, .ns = 1, .seconds = setup_seconds(&o), .sobol = &b};
	static const char *const names[] = {"sobol.csv", "sobol_points.csv", "manifest.txt"};
	static const writer_fn fns[] = {put_sobol, put_sobol_points, sc_put_manifest};
	rc = EXIT_FAIL;
	if (sc_write_files(o.os.stage, names, fns, 3, &j) != 0)
		goto done;
	struct chart_opts co = sc_chart_options(c, &o, s);
	struct chart_notes notes = {0};
	if (sc_charts_said(&o, charts_sobol(o.os.stage, &co, &b, o.reps, &notes, err, sizeof err),
			   &notes, err))
		goto done;
	if ((rc = setup_commit(&o)) != EXIT_OK)
		goto done;
	if (!c->quiet) {
		print_sobol(&j);
		printf(_("\nresults in %s/\n"), SHOWN(o.os.dir));
	}
	rc = EXIT_OK;
done:
	study_sobol_free(&b);
	setup_free(&o);
	free(s);
	return rc;
}
