/* cmd_compare.c - `fundsim compare`: scenarios against a base, paired. */
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

/* ---- compare ---- */

/* Whether scenario s counts line in its TOTAL (TOTAL itself: yes). A
 * contingent item (一事一议, in_total false) is costed but left out. */
static bool in_total(const struct scenario *s, int line)
{
	return line == N_LINES || s->pol.line[line].in_total;
}

/* What a line moves TOTAL by: its alternative's mean when the alternative
 * counts it, less its base's when the base does. That is its row's
 * change only when both count it; a line one of them leaves out moves
 * TOTAL by all its spending there. Over the lines these add to TOTAL's
 * change. */
static double total_part(const struct study_ccell *cc, bool base_in, bool alt_in)
{
	return (alt_in ? cc->alt : 0) - (base_in ? cc->base : 0);
}

static void put_compare(FILE *f, const struct job *j)
{
	/* the last three columns after the ones tools read by position:
	 * whether each side counts the line in TOTAL, and its part of
	 * TOTAL's diff (total_part; TOTAL's own row: its diff) */
	fputs("base,alt,line,paid_year,level,base_mean,alt_mean,diff,diff_se,diff_lo,diff_hi,"
	      "base_in_total,alt_in_total,diff_in_total\n",
	      f);
	for (int a = 1; a < j->ns; a++) {
		const struct study_compare *cmp = &j->compare[a - 1];
		for (int line = 0; line <= N_LINES; line++) {
			for (int y = 0; y <= cmp->nyears; y++) {
				for (int lv = 0; lv < N_LEVELS; lv++) {
					const struct study_ccell *cc = study_compare_at(cmp, line,
											y, lv);
					csv_text(f, j->s[0]->name);
					fputc(',', f);
					csv_text(f, j->s[a]->name);
					fprintf(f, ",%s,", sc_line_name(line));
					if (y == cmp->nyears)
						fputs("all", f);
					else
						fprintf(f, "%d", cmp->first_year + y);
					fprintf(f, ",%s,%.2f,%.2f", sc_level_names[lv], cc->base,
						cc->alt);
					sc_diff_csv(f, &cc->d);
					bool bi = in_total(j->s[0], line),
					     ai = in_total(j->s[a], line);
					fprintf(f, ",%d,%d,%.2f\n", bi, ai,
						line == N_LINES ? cc->d.mean
								: total_part(cc, bi, ai));
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
		csv_text(f, j->s[k]->name);
	}
	fputc('\n', f);
	for (size_t i = 0; i < np; i++) {
		if (!param_differs(j->s, j->ns, (int)i))
			continue;
		char key[96], v[160];
		sc_key_name((int)i, key, sizeof key);
		fputs(key, f);
		for (int k = 0; k < j->ns; k++) {
			param_words(j->s[k], (int)i, v, sizeof v);
			fputc(',', f);
			csv_text(f, v);
		}
		fputc('\n', f);
	}
}

/* Under the table: each line that one side or both leave out of TOTAL
 * and that moves it otherwise than its row says, in any column, and how
 * each column's rows then differ from TOTAL's (else a planner adding up
 * the rows finds a gap nothing explains). A line in neither total may
 * change nothing in all but move money between funding levels (a
 * district sharing rule): its level columns are the gap then. */
static void print_total_notes(const struct job *j, int a)
{
	const struct study_compare *cmp = &j->compare[a - 1];
	const struct scenario *base = j->s[0], *alt = j->s[a];
	double rows[N_LEVELS] = {0}, gap[N_LEVELS] = {0};
	char w1[40], w2[40], w3[40];
	for (int line = 0; line < N_LINES; line++) {
		bool bi = in_total(base, line), ai = in_total(alt, line), off = false;
		char levels[200] = "";
		for (int lv = 0; lv < N_LEVELS; lv++) {
			const struct study_ccell *cc = study_compare_at(cmp, line, cmp->nyears,
									(enum fund_level)lv);
			double part = total_part(cc, bi, ai);
			rows[lv] += cc->d.mean;
			if ((bi && ai) || part == cc->d.mean)
				continue;
			gap[lv] += part - cc->d.mean;
			off = true;
			if (lv == LV_TOTAL)
				continue;
			size_t k = strlen(levels);
			sc_wan_signed(cc->d.mean, w1, sizeof w1);
			snprintf(levels + k, sizeof levels - k, "%s%s %s", k ? _(", ") : "",
				 _(sc_level_names[lv]), w1);
		}
		if (!off)
			continue;
		const struct study_ccell *cc = study_compare_at(cmp, line, cmp->nyears, LV_TOTAL);
		sc_wan_signed(total_part(cc, bi, ai), w1, sizeof w1);
		sc_wan_signed(cc->d.mean, w2, sizeof w2);
		if (bi || ai)
			printf(_("  %s is in %s's TOTAL, not in %s's (a contingent item, 一事一议): "
				 "it moves TOTAL by %s, its own row by %s\n"),
			       line_info(line)->name, SHOWN(ai ? alt->name : base->name),
			       SHOWN(ai ? base->name : alt->name), w1, w2);
		else if (cc->d.mean != 0)
			printf(_("  %s is in neither TOTAL (a contingent item, 一事一议): its change "
				 "%s is not in TOTAL's\n"),
			       line_info(line)->name, w2);
		else
			printf(_("  %s is in neither TOTAL (a contingent item, 一事一议): it moves "
				 "money between funding levels (%s), which TOTAL's levels leave out\n"),
			       line_info(line)->name, levels);
	}
	for (int lv = 0; lv < N_LEVELS; lv++) {
		if (gap[lv] == 0)
			continue;
		sc_wan_signed(rows[lv], w1, sizeof w1);
		sc_wan_signed(study_compare_at(cmp, N_LINES, cmp->nyears, (enum fund_level)lv)
				      ->d.mean,
			      w2, sizeof w2);
		sc_wan_signed(gap[lv], w3, sizeof w3);
		if (lv == LV_TOTAL)
			printf(_("  the measures' rows add to %s and TOTAL changes %s: the %s "
				 "between them is the lines above\n"),
			       w1, w2, w3);
		else
			printf(_("  %s: the measures' rows add to %s and TOTAL changes %s: the %s "
				 "between them is the lines above\n"),
			       _(sc_level_names[lv]), w1, w2, w3);
	}
}

static void print_compare(const struct job *j)
{
	printf(ngettext("fundsim compare: base %s, %d alternative, %ld paired replications, seed "
			"%ld, %.1f s\n\n",
			"fundsim compare: base %s, %d alternatives, %ld paired replications, seed "
			"%ld, %.1f s\n\n",
			(unsigned long)(j->ns - 1)),
	       j->s[0]->name, j->ns - 1, j->o->reps, j->o->seed, j->seconds);
	int differ = print_param_diff(stdout, j->s, j->ns);
	printf(ngettext("%d parameter differs\n", "%d parameters differ\n", (unsigned long)differ),
	       differ);
	for (int a = 1; a < j->ns; a++) {
		const struct study_compare *cmp = &j->compare[a - 1];
		char w[4][100];
		printf(_("\n%s - %s: change in mean spending, all paid years, by funding level\n"),
		       SHOWN(j->s[a]->name), SHOWN(j->s[0]->name));
		fputs("  ", stdout);
		text_pad(stdout, _("measure"), 8);
		text_pad(stdout, _("total"), 16);
		text_pad(stdout, _("provincial"), 16);
		text_pad(stdout, _("municipal"), 16);
		printf("%s\n", _("district"));
		int shown = 0;
		for (int line = 0; line <= N_LINES; line++) {
			bool any = false;
			for (int lv = 0; lv < N_LEVELS; lv++) {
				const struct study_ccell *cc = study_compare_at(cmp, line,
										cmp->nyears, lv);
				any |= cc->d.mean != 0 || cc->d.se != 0;
				sc_wan_signed(cc->d.mean, w[lv], sizeof w[lv]);
			}
			if (!any && line < N_LINES)
				continue;
			shown += line < N_LINES;
			fputs("  ", stdout);
			text_pad(stdout, sc_line_label(line), 8); /* 合计: 4 columns in 6 bytes */
			for (int lv = 0; lv < N_LEVELS - 1; lv++)
				text_pad(stdout, w[lv], 16);
			puts(w[N_LEVELS - 1]);
		}
		if (!shown)
			printf(_("  (no measure changes)\n"));
		print_total_notes(j, a);
		printf(_("TOTAL with 95%% intervals from the paired replications:\n"));
		for (int y = 0; y <= cmp->nyears; y++) {
			char label[16], iv[160];
			if (y == cmp->nyears)
				snprintf(label, sizeof label, "%s", _("all years"));
			else
				snprintf(label, sizeof label, _("paid %d"), cmp->first_year + y);
			sc_interval_words(&study_compare_at(cmp, N_LINES, y, LV_TOTAL)->d, iv,
					  sizeof iv);
			fputs("  ", stdout);
			text_pad(stdout, label, 14); /* 区（县级市）级 takes 14 columns */
			printf("%s\n", iv);
		}
		for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++) {
			char iv[160];
			sc_interval_words(&study_compare_at(cmp, N_LINES, cmp->nyears, lv)->d, iv,
					  sizeof iv);
			fputs("  ", stdout);
			text_pad(stdout, _(sc_level_names[lv]), 14); /* the level's word */
			printf("%s\n", iv);
		}
	}
}

int cmd_compare(const struct cli *c)
{
	struct setup o = {0};
	struct scenario *s[MAX_POS] = {0};
	struct study_compare cmp[MAX_POS] = {{0}};
	char err[ERR_LEN];
	int rc = EXIT_USAGE, ns = c->npos;
	if (sc_options(c, &o) != 0)
		goto done;
	if (c->npos < 2 || c->scenario) {
		say("compare",
		    _("needs a base and one or more alternatives as "
		      "arguments: fundsim compare BASE.ini ALT.ini [ALT2.ini ...] (builtin names "
		      "the draft policy)"));
		goto done;
	}
	for (int i = 0; i < ns; i++)
		if (!(s[i] = open_scenario(c->pos[i], c)) || sc_check_reps(&o, s[i]) != 0)
			goto done;
	if (sc_begin(&o, c, s[0]) != 0)
		goto done;
	struct study_cfg cfg = setup_study(&o);
	enum study_status st = study_compare_all(s, ns, &cfg, cmp, err, sizeof err);
	if (st != STUDY_OK) {
		rc = sc_failed(&o, st, err);
		goto done;
	}
	struct job j =
		{.c = c, .o = &o, .s = s, .ns = ns, .seconds = setup_seconds(&o), .compare = cmp};
	static const char *const names[] = {"compare.csv", "compare_params.csv", "manifest.txt"};
	static const writer_fn fns[] = {put_compare, put_compare_params, sc_put_manifest};
	rc = EXIT_FAIL;
	if (sc_write_files(o.os.stage, names, fns, 3, &j) != 0)
		goto done;
	struct chart_opts co = sc_chart_options(c, &o, s[0]);
	struct chart_notes notes = {0};
	if (sc_charts_said(&o, charts_compare(o.os.stage, &co, s, ns, cmp, &notes, err, sizeof err),
			   &notes, err))
		goto done;
	if ((rc = setup_commit(&o)) != EXIT_OK)
		goto done;
	if (!c->quiet) {
		print_compare(&j);
		printf(_("\nresults in %s/\n"), SHOWN(o.os.dir));
	}
	rc = EXIT_OK;
done:
	for (int i = 0; i < MAX_POS; i++) {
		study_compare_free(&cmp[i]);
		free(s[i]);
	}
	setup_free(&o);
	return rc;
}
