/* cmd_sweep.c - `fundsim sweep`: a parameter over a grid. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "cmd_study_impl.h"
#include "outset.h"
#include "money.h"
#include "text.h"
#include "i18n.h"

/* ---- sweep ---- */

/* Parameter i's value v in words, or the base scenario's own text. */
static void value_label(const struct scenario *s, int i, double v, bool base, char *buf, size_t n)
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
	      "diff,diff_se,diff_lo,diff_hi\n",
	      f);
	for (int p = -1; p < w->npoints; p++) { /* point 0: the base case */
		for (int line = 0; line <= N_LINES; line++) {
			for (int lv = 0; lv < N_LEVELS; lv++) {
				const struct study_cell *cell = p < 0 ? &w->base[line][lv]
								      : &w->point[p].cell[line][lv];
				fprintf(f, "%d", p + 1);
				for (int a = 0; a < 2; a++) {
					if (a >= w->naxes) {
						fputs(",,,", f);
						continue;
					}
					char key[96], label[160];
					double v = p < 0 ? w->base_value[a] : w->point[p].value[a];
					sc_key_name(w->axis[a].param, key, sizeof key);
					value_label(j->s[0], w->axis[a].param, v, p < 0, label,
						    sizeof label);
					fprintf(f, ",%s,%.10g,", key, v);
					csv_text(f, label);
				}
				fprintf(f, ",%s,%s,%.2f,%.2f,%.2f", sc_line_name(line),
					sc_level_names[lv], cell->mean, cell->p5, cell->p95);
				sc_diff_csv(f, &cell->d);
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
	snprintf(buf, n, p < 0 ? _("base %s") : "%s", label);
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
	money_table(tot->mean, m, sizeof m);
	money_table(tot->p5, lo, sizeof lo);
	money_table(tot->p95, hi, sizeof hi);
	snprintf(band, sizeof band, "%s [%s, %s]", m, lo, hi);
	text_pad(stdout, band, 30);
	if (p < 0)
		snprintf(ch, sizeof ch, "-");
	else
		sc_change_words(&tot->d, ch, sizeof ch);
	text_pad(stdout, ch, 22);
	for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++) {
		money_table(cell[N_LINES][lv].mean, m, sizeof m);
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
	printf(ngettext("fundsim sweep: scenario %s, %d value, %ld replications each, seed %ld, "
			"%.1f s\n",
			"fundsim sweep: scenario %s, %d values, %ld replications each, seed %ld, "
			"%.1f s\n",
			(unsigned long)w->npoints),
	       SHOWN(j->s[0]->name), w->npoints, w->reps, j->o->seed, j->seconds);
	for (int a = 0; a < w->naxes; a++) {
		char key[96], lo[64], hi[64], step[64];
		sc_key_name(w->axis[a].param, key, sizeof key);
		params_value_words(w->axis[a].param, w->axis[a].lo, lo, sizeof lo);
		params_value_words(w->axis[a].param, w->axis[a].hi, hi, sizeof hi);
		params_value_words(w->axis[a].param, w->axis[a].step, step, sizeof step);
		printf(_("  %s from %s to %s step %s (%d values)\n"), key, lo, hi, step,
		       w->axis[a].n);
	}
	printf(_("every value meets the base case's firms (common random numbers); total over "
		 "all paid years:\nmean [5%%, 95%%], change from the base case ± its standard "
		 "error, mean by funding level\n\n"));
	int width[2] = {20, 20};
	for (int a = 0; a < w->naxes; a++) {
		char key[96], t[200];
		for (int p = -1; p < w->npoints; p++) {
			axis_words(w, j->s[0], p, a, t, sizeof t);
			if (text_width(t) > width[a])
				width[a] = text_width(t);
		}
		sc_key_name(w->axis[a].param, key, sizeof key);
		printf("  ");
		text_pad(stdout, key, width[a]);
	}
	text_pad(stdout, _("total"), 30);
	text_pad(stdout, _("change"), 22);
	text_pad(stdout, _("provincial"), 11);
	text_pad(stdout, _("municipal"), 11);
	printf("%s\n", _("district"));
	for (int p = -1; p < w->npoints; p++)
		sweep_row(w, j->s[0], p, width);
	printf(_("\nmeasures that change:"));
	int moved = 0;
	for (int line = 0; line < N_LINES; line++) {
		bool any = false;
		for (int p = 0; p < w->npoints && !any; p++)
			for (int lv = 0; lv < N_LEVELS; lv++)
				any |= w->point[p].cell[line][lv].d.mean != 0 ||
				       w->point[p].cell[line][lv].d.se != 0;
		if (any)
			printf(" %s", sc_line_name(line));
		moved += any;
	}
	if (!moved)
		printf(" %s", _("none"));
	printf(" %s\n", _("(every other measure pays exactly the same)"));
}

int cmd_sweep(const struct cli *c)
{
	struct setup o = {0};
	if (sc_options(c, &o) != 0) {
		setup_free(&o);
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
			say("sweep", _("two keys at most, got a third: %s"), c->pos[i]);
			goto done;
		} else if (path) {
			say("sweep", _("one scenario at most, got %s and %s"), path, c->pos[i]);
			goto done;
		} else {
			path = c->pos[i];
		}
	}
	if (!nspec) {
		say("sweep", _("give KEY=LO:HI:STEP in the key's unit, e.g. "
			       "fundsim sweep m1a.cap=50万:200万:50万"));
		goto done;
	}
	for (int a = 0; a < nspec; a++) {
		if (study_axis_parse(spec[a], STUDY_MAX_POINTS, &ax[a], err, sizeof err) != 0) {
			say("sweep", "%s", err);
			goto done;
		}
	}
	if (nspec == 2 && ax[0].n * ax[1].n > STUDY_MAX_POINTS) {
		say("sweep",
		    _("%d x %d = %d grid points, at most %d: take larger "
		      "steps"),
		    ax[0].n, ax[1].n, ax[0].n * ax[1].n, STUDY_MAX_POINTS);
		goto done;
	}
	if (!(s = open_scenario(path, c)) || sc_check_reps(&o, s) != 0)
		goto done;
	if (sc_begin(&o, c, s) != 0)
		goto done;
	struct study_cfg cfg = setup_study(&o);
	enum study_status st = study_sweep(s, ax, nspec, &cfg, &w, err, sizeof err);
	if (st != STUDY_OK) {
		rc = sc_failed(&o, st, err);
		goto done;
	}
	struct job j =
		{.c = c, .o = &o, .s = &s, .ns = 1, .seconds = setup_seconds(&o), .sweep = &w};
	static const char *const names[] = {"sweep.csv", "manifest.txt"};
	static const writer_fn fns[] = {put_sweep, sc_put_manifest};
	rc = EXIT_FAIL;
	if (sc_write_files(o.os.stage, names, fns, 2, &j) != 0)
		goto done;
	struct chart_opts co = sc_chart_options(c, &o, s);
	struct chart_notes notes = {0};
	if (sc_charts_said(&o, charts_sweep(o.os.stage, &co, &w, &notes, err, sizeof err), &notes,
			   err))
		goto done;
	if ((rc = setup_commit(&o)) != EXIT_OK)
		goto done;
	if (!c->quiet) {
		print_sweep(&j);
		printf(_("\nresults in %s/\n"), SHOWN(o.os.dir));
	}
	rc = EXIT_OK;
done:
	study_sweep_free(&w);
	setup_free(&o);
	free(s);
	return rc;
}
