/* briefing_eval.c - the briefing's 事前绩效评估 section: the ex-ante
 * performance evaluation a finance bureau files for a new policy, in its
 * parts: 投入经济性 (what it costs, with its range and planning figures),
 * 资金构成 (who pays), 绩效目标 (the outputs: awards per line and year)
 * and an uncertainty rating per line (rating.h).
 *
 * Every amount cell carries its figures in yuan as data attributes
 * (data-mean, data-p5, ...: the CSV files' values to the fen), so that a
 * test or a tool reads the table without parsing 万/亿. */
#include <math.h>
#include <string.h>

#include "briefing_impl.h"
#include "html.h"
#include "i18n.h"
#include "money.h"
#include "stats.h"

static const struct stats *money(const struct page *pg, int line, int year, enum fund_level lv)
{
	return summary_money(pg->b->sm, line, year, lv);
}

/* Paid-year index y as a column heading: the year, or the period. */
static void year_head(const struct page *pg, int y)
{
	const struct briefing *b = pg->b;
	if (y == pg->l->years)
		html_printf(pg->f, L_(b->lang, "<th class=\"n\">%d–%d</th>"), pg->first_paid,
			    pg->first_paid + pg->l->years - 1);
	else /* a year after the policy's last paid year: * as the other tables */
		html_printf(pg->f, "<th class=\"n\">%d%s</th>", pg->first_paid + y,
			    sim_after_horizon(pg->l, y) ? "*" : "");
}

static int year_of(const struct page *pg, int y)
{
	return y == pg->l->years ? 0 : pg->first_paid + y; /* 0: the period */
}

/* Mean, under it the 90% interval, under that P80 and P90; the figures
 * in yuan as attributes, and the cell named by data-ATTR="KEY" and its
 * paid year (0: the period). */
static void amount_cell(const struct page *pg, const char *attr, const char *key, int year,
			const struct stats *st)
{
	FILE *f = pg->f;
	html_printf(f,
		    "<td class=\"n\" data-%s=\"%s\" data-year=\"%d\" data-mean=\"%.2f\" "
		    "data-p5=\"%.2f\" data-p95=\"%.2f\" data-p80=\"%.2f\" data-p90=\"%.2f\">",
		    attr, key, year, st->mean, st->pct[P5], st->pct[P95], st->pct[P80],
		    st->pct[P90]);
	if (st->mean == 0 && st->pct[P95] == 0) {
		fputs("0</td>", f);
		return;
	}
	briefing_figures(f, st);
}

/* The lines a table lists: in force and paying, the registry's order. */
static bool listed(const struct page *pg, int line)
{
	return pg->b->ev->line[line].rated;
}

static void measure_cells(const struct page *pg, int line)
{
	const struct line_info *li = line_info(line);
	html_printf(pg->f, "<td>%s</td><td><span class=\"code\">%s</span> %s", li->clause, li->name,
		    briefing_measure_name(pg->b, line));
	if (!pg->b->sm->in_total[line])
		html_printf(pg->f, L_(pg->b->lang,
				      "<span class=\"alt\">contingent, not in the total</span>"));
	fputs("</td>", pg->f);
}

/* ---- 投入经济性 ---- */

static void economy(struct page *pg)
{
	const struct briefing *b = pg->b;
	FILE *f = pg->f;
	html_printf(f, L_(b->lang, "<h3>1. Economy of the inputs (投入经济性)</h3>\n"));
	html_printf(f, L_(b->lang,
			  "<p>The expected cost of each measure per paid year and over all "
			  "paid years, with its 90%% interval (5th to 95th percentile) and the "
			  "planning figures P80 and P90: appropriate P80 (P90) and spending "
			  "overruns it in at most 20%% (10%%) of the simulated futures.</p>\n"));
	fputs("<table id=\"eval-cost\">\n<thead><tr>", f);
	html_printf(f, L_(b->lang, "<th>Clause</th><th>Measure</th>"));
	for (int y = 0; y <= pg->l->years; y++)
		year_head(pg, y);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int pass = 0; pass < 2; pass++) /* the lines in the total, then contingent ones */
		for (int line = 0; line < N_LINES; line++) {
			if (!listed(pg, line) || b->sm->in_total[line] == (pass == 1))
				continue;
			fputs("<tr>", f);
			measure_cells(pg, line);
			for (int y = 0; y <= pg->l->years; y++)
				amount_cell(pg, "line", line_info(line)->name, year_of(pg, y),
					    money(pg, line, y, LV_TOTAL));
			fputs("</tr>\n", f);
		}
	html_printf(f, L_(b->lang, "</tbody>\n<tfoot><tr><td></td><td>Total</td>"));
	for (int y = 0; y <= pg->l->years; y++)
		amount_cell(pg, "line", "TOTAL", year_of(pg, y), money(pg, N_LINES, y, LV_TOTAL));
	fputs("</tr></tfoot>\n</table>\n", f);
	if (pg->l->years > pg->l->horizon)
		html_printf(f,
			    L_(b->lang,
			       "<p class=\"note\">* After the policy's last paid year: support and "
			       "instalments committed in the policy period. The column %d–%d, all "
			       "paid years, includes them.</p>\n"),
			    pg->first_paid, pg->first_paid + pg->l->years - 1);
}

/* ---- 资金构成 ---- */

/* One table of the composition: a row per group (funding level; later
 * district and budget owner, when the run's layout has them), a column
 * per paid year and the period, and the group's share of the total. */
struct composition {
	const char *id, *attr; /* table id, data-ATTR naming a row ("level") */
	int n;                 /* groups */
	int subtotals;         /* the last of the n: subtotals of the others ("of which"),
				* shown under them without a share, so the shares add to 100% */
	const char *(*name)(const struct page *pg, int g, char *buf, size_t len);
	const char *(*key)(int g); /* the group as the CSV files name it */
	const struct stats *(*cell)(const struct page *pg, int g, int year);
};

static const char *const level_keys[N_LEVELS] = {"total", "provincial", "municipal", "district"};

static const char *level_label(const struct page *pg, int g, char *buf, size_t len)
{
	snprintf(buf, len, "%s", briefing_level_name(pg->b, g + LV_PROVINCIAL));
	return buf;
}

static const char *level_key(int g)
{
	return level_keys[g + LV_PROVINCIAL];
}

static const struct stats *level_cell(const struct page *pg, int g, int year)
{
	return money(pg, N_LINES, year, (enum fund_level)(g + LV_PROVINCIAL));
}

/* The budget owners (owners.def), the last: new money only (N_OWNERS). */
static const char *owner_label(const struct page *pg, int g, char *buf, size_t len)
{
	enum chart_lang lang = pg->b->lang;
	if (g == N_OWNERS)
		snprintf(buf, len, "%s",
			 L_(lang, "Of which new money (subtotal of the rows above)"));
	else /* the registry's names (owners.def) */
		snprintf(buf, len, "%s%s", lang == CHART_ZH ? owner_info(g)->zh : owner_info(g)->en,
			 pg->b->sm->owner_new[g] ? L_(lang, " (new money)") : "");
	return buf;
}

static const char *owner_key(int g)
{
	return g == N_OWNERS ? "new_money_only" : owner_info(g)->key;
}

static const struct stats *owner_cell(const struct page *pg, int g, int year)
{
	return summary_owner(pg->b->sm, g, year, LV_TOTAL);
}

/* The foot's first row: the total the rows above add up to (their means;
 * their shares to 100%). */
static void total_row(const struct page *pg)
{
	html_printf(pg->f, "</tbody>\n<tfoot><tr><td>%s</td>", L_(pg->b->lang, "Total"));
	for (int y = 0; y <= pg->l->years; y++)
		amount_cell(pg, "line", "TOTAL", year_of(pg, y), money(pg, N_LINES, y, LV_TOTAL));
	html_printf(pg->f, "<td class=\"n\">%.1f%%</td></tr>\n", pg->total->mean > 0 ? 100.0 : 0.0);
}

static void composition_table(struct page *pg, const struct composition *c, const char *head)
{
	const struct briefing *b = pg->b;
	FILE *f = pg->f;
	html_printf(f, "<table id=\"%s\" class=\"keep\">\n<thead><tr><th>%s</th>", c->id, head);
	for (int y = 0; y <= pg->l->years; y++)
		year_head(pg, y);
	html_printf(f, L_(b->lang, "<th class=\"n\">Share</th>"));
	fputs("</tr></thead>\n<tbody>\n", f);
	double total = pg->total->mean;
	int parts = c->n - c->subtotals;
	for (int g = 0; g < c->n; g++) {
		char name[160];
		if (g == parts)
			total_row(pg);
		html_printf(f, g < parts ? "<tr><td>%s</td>" : "<tr class=\"subtotal\"><td>%s</td>",
			    c->name(pg, g, name, sizeof name));
		for (int y = 0; y <= pg->l->years; y++)
			amount_cell(pg, c->attr, c->key(g), year_of(pg, y), c->cell(pg, g, y));
		double mean = c->cell(pg, g, pg->l->years)->mean;
		if (g < parts)
			html_printf(f, "<td class=\"n\">%.1f%%</td></tr>\n",
				    total > 0 ? 100 * mean / total : 0.0);
		else /* a part of the rows above: a share would count them twice */
			fputs("<td class=\"n\"></td></tr>\n", f);
	}
	if (parts == c->n)
		total_row(pg);
	fputs("</tfoot></table>\n", f);
}

static void composition(struct page *pg)
{
	const struct briefing *b = pg->b;
	FILE *f = pg->f;
	html_printf(f, L_(b->lang, "<h3>2. Funding composition (资金构成)</h3>\n"));
	html_printf(f, L_(b->lang,
			  "<p>Who pays: the provincial part of the pooled lines (统筹省、市资金), "
			  "the city and the districts, by paid year. Means add up to the total; "
			  "percentiles do not.</p>\n"));
	/* a dimension the run's layout has by paid year is a row here with its
	 * accessors (districts have no years: their own section) */
	const struct composition tables[] = {
		{"eval-levels", "level", N_LEVELS - LV_PROVINCIAL, 0, level_label, level_key,
		 level_cell},
		{"eval-owners", "owner", N_OWNERS + 1, 1, owner_label, owner_key, owner_cell},
	};
	const char *heads[] = {L_(b->lang, "Funding level"), L_(b->lang, "Budget owner")};
	/* a lean run has no owner cells */
	size_t n = summary_owner(b->sm, 0, 0, LV_TOTAL) ? 2 : 1;
	for (size_t k = 0; k < n; k++)
		composition_table(pg, &tables[k], heads[k]);
}

/* ---- 绩效目标 ---- */

static void count_cell(const struct page *pg, int line, int y)
{
	const struct stats *n = summary_recipients(pg->b->sm, line, y);
	html_printf(pg->f,
		    "<td class=\"n\" data-line=\"%s\" data-year=\"%d\" data-awards=\"%.6f\" "
		    "data-awards-p5=\"%.6f\" data-awards-p95=\"%.6f\">%.*f"
		    "<span class=\"alt\">%.0f – %.0f</span></td>",
		    line < N_LINES ? line_info(line)->name : "TOTAL", year_of(pg, y), n->mean,
		    n->pct[P5], n->pct[P95], n->mean > 0 && n->mean < 9.95 ? 1 : 0, n->mean,
		    n->pct[P5], n->pct[P95]);
}

static void outputs(struct page *pg)
{
	const struct briefing *b = pg->b;
	FILE *f = pg->f;
	int years = pg->l->years;
	html_printf(f,
		    L_(b->lang, "<h3>3. Performance targets: output indicators (绩效目标)</h3>\n"));
	html_printf(f,
		    L_(b->lang,
		       "<p>The number of awards each measure is expected to pay per paid year "
		       "and over all paid years (a yearly award counts once a year), with its 90%% "
		       "interval, and the mean award: expected cost over expected awards.</p>\n"));
	fputs("<table id=\"eval-outputs\">\n<thead><tr>", f);
	html_printf(f, L_(b->lang, "<th>Clause</th><th>Measure</th>"));
	for (int y = 0; y <= years; y++)
		year_head(pg, y);
	html_printf(f, L_(b->lang, "<th class=\"n\">Mean award</th>"));
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int pass = 0; pass < 2; pass++)
		for (int line = 0; line < N_LINES; line++) {
			if (!listed(pg, line) || b->sm->in_total[line] == (pass == 1))
				continue;
			fputs("<tr>", f);
			measure_cells(pg, line);
			for (int y = 0; y <= years; y++)
				count_cell(pg, line, y);
			double n = summary_recipients(b->sm, line, years)->mean;
			double m = money(pg, line, years, LV_TOTAL)->mean;
			char avg[32];
			html_printf(f, "<td class=\"n\">%s</td></tr>\n",
				    n > 0 ? briefing_yuan(m / n, avg, sizeof avg) : "–");
		}
	fputs("</tbody></table>\n", f);
}

/* ---- uncertainty ratings ---- */

static const char *level_word(const struct briefing *b, enum rating_level r)
{
	/* TRANSLATORS: an uncertainty rating (the OBR's scale) */
	static const char *const word[N_RATINGS] = {N_("low"), N_("medium"), N_("high"),
						    N_("very high")};
	return L_(b->lang, word[r]);
}

static void axis_cell(const struct page *pg, const struct line_rating *lr, int a)
{
	html_printf(pg->f, "<td class=\"rating r%d\" data-score=\"%.4f\">%s", (int)lr->out.axis[a],
		    lr->out.score[a], level_word(pg->b, lr->out.axis[a]));
	html_printf(pg->f, L_(pg->b->lang, "<span class=\"alt\">%g/%d assumed</span></td>"),
		    lr->in.assumed[a], lr->in.values[a]);
}

static void ratings(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct evaluation *ev = b->ev;
	FILE *f = pg->f;
	html_printf(f, L_(b->lang, "<h3>4. Uncertainty of each costing</h3>\n"));
	html_printf(
		f, L_(b->lang,
		      "<p>Each line is rated low, medium, high or very high on three sources of "
		      "uncertainty, in the manner of the UK Office for Budget Responsibility's "
		      "uncertainty ratings of policy costings: the <strong>data</strong> its "
		      "applicants are drawn from, the <strong>modelling</strong> of its rule, and "
		      "the <strong>behaviour</strong> it assumes (take-up, what applicants request "
		      "and are granted). Under each rating: the weight of the values resting on "
		      "assumption over the values counted (method below).</p>\n"));
	fputs("<table id=\"eval-ratings\">\n<thead><tr>", f);
	html_printf(f, L_(b->lang,
			  "<th>Clause</th><th>Measure</th><th>Data</th><th>Modelling</th>"
			  "<th>Behaviour</th><th class=\"n\">Share of the total's variance</th>"
			  "<th>Overall</th>"));
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int line = 0; line < N_LINES; line++) {
		const struct line_rating *lr = &ev->line[line];
		if (!lr->rated)
			continue;
		html_printf(f, "<tr data-line=\"%s\" data-overall=\"%d\">", line_info(line)->name,
			    (int)lr->out.overall);
		measure_cells(pg, line);
		for (int a = 0; a < N_AXES; a++)
			axis_cell(pg, lr, a);
		if (isnan(lr->in.var_share))
			fputs("<td class=\"n\">–</td>", f);
		else
			html_printf(f, "<td class=\"n\" data-share=\"%.6f\">%.1f%%</td>",
				    lr->in.var_share,
				    fabs(lr->in.var_share) < 5e-4 ? 0.0 : 100 * lr->in.var_share);
		html_printf(f, "<td class=\"rating r%d\"><strong>%s</strong>", (int)lr->out.overall,
			    level_word(b, lr->out.overall));
		if (lr->out.material)
			html_printf(f, L_(b->lang, "<span class=\"alt\">material</span>"));
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
	html_printf(
		f,
		L_(b->lang,
		   "<p class=\"note\"><strong>Method.</strong> Each value a line rests on is "
		   "counted on one axis: data (the counts, bases and populations of its "
		   "applicants: its <code>[pop.X]</code> section, or for firm lines the parts of "
		   "the firm model their firms come from), modelling (its rule keys) or behaviour "
		   "(take-up, request, approval, housing, pass). A value weighs by what its "
		   "comment in the scenario file says: the policy text (第N条), a cited source "
		   "or a definition 0, a reading or a partly assumed value ½, an assumption or a "
		   "value with no comment 1. An axis's score is the mean weight: low below 25%%, "
		   "medium below 50%%, high below 75%%, very high from 75%%. The overall rating "
		   "is the mean of the three levels to the nearest, one step higher when the "
		   "line carries %.0f%% or more of the "
		   "variance of the total (material: an error in it moves the total). The "
		   "share is %s; contingent items are not in the total and have none. A "
		   "rating says how much of a line rests on assumption, not that its estimate "
		   "is wrong: the intervals above include only the uncertainty the scenario "
		   "spells out as ranges.</p>\n"),
		100 * RATING_MATERIAL,
		ev->covariance
			? L_(b->lang, /* xgettext:no-c-format */
			     "Cov(line, total) / Var(total) over the replications, which adds "
			     "up to 100% over the lines")
			: L_(b->lang,
			     "the line's variance over the sum of the lines' variances (the run "
			     "kept no rows to pair)"));
	html_printf(f, L_(b->lang,
			  "<p class=\"note\">Source: Office for Budget Responsibility, “Policy "
			  "costings” and its policy costings uncertainty ratings database "
			  "(obr.uk/forecasts-in-depth/policy-costings/), which rates each "
			  "certified costing on the uncertainty from its data, its modelling and "
			  "behaviour.</p>\n"));
}

void briefing_evaluation(struct page *pg)
{
	const struct briefing *b = pg->b;
	FILE *f = pg->f;
	fputs("<section id=\"evaluation\">\n", f);
	html_printf(f, L_(b->lang, "<h2>Ex-ante performance evaluation (事前绩效评估)</h2>\n"));
	html_printf(f, L_(b->lang,
			  "<p>The figures an ex-ante performance evaluation of the policy asks "
			  "for, from the same run as the rest of this report.</p>\n"));
	economy(pg);
	composition(pg);
	outputs(pg);
	ratings(pg);
	fputs("</section>\n", f);
}
