/* briefing_where.c - the briefing's district and budget-owner tables
 * (issue 12): the same figures as by_district.csv and by_owner.csv. */
#include <stdbool.h>

#include "briefing_impl.h"
#include "district.h"
#include "html.h"
#include "i18n.h"
#include "owners.h"
#include "stats.h"

/* Mean, then the 90% interval and P80/P90 under it. */
static void cell(FILE *f, const struct stats *st)
{
	fputs("<td class=\"n\">", f);
	briefing_figures(f, st);
}

/* A row per district (未指定 last, only when some replication paid one),
 * a column per funding level; the foot is the whole policy's. */
static void districts(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct summary *sm = b->sm;
	FILE *f = pg->f;
	html_printf(f, L_(b->lang, "<h3>By the recipients' district</h3>\n"));
	/* the link says the figure's number, as its caption does: the chart's
	 * file name (districts) is English in the Chinese page */
	html_printf(f,
		    L_(b->lang,
		       "<p>All measures over all paid years, by the district of the firm or "
		       "person paid (<a href=\"#fig-districts\">figure %d</a>). Each cell: "
		       "the mean, under it the 90%% interval, then P80 and P90.</p>\n"),
		    CHART_DISTRICTS + 1); /* charts() numbers the run's charts in order */
	fputs("<table class=\"keep\" id=\"by-district\">\n<thead><tr>", f);
	html_printf(f, L_(b->lang, "<th>District</th>"));
	for (int lv = 0; lv < N_LEVELS; lv++)
		html_printf(f, "<th class=\"n\">%s</th>", briefing_level_name(b, lv));
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int w = 1; w <= N_WHERE; w++) {
		int d = w % N_WHERE; /* 未指定 last */
		if (d == 0 && !(summary_district(sm, 0, N_LINES, LV_TOTAL)->mean > 0))
			continue;
		html_printf(f, "<tr><td>%s</td>",
			    d ? district_name(d) : L_(b->lang, "Not given (未指定)"));
		for (int lv = 0; lv < N_LEVELS; lv++)
			cell(f, summary_district(sm, d, N_LINES, lv));
		fputs("</tr>\n", f);
	}
	html_printf(f, L_(b->lang, "</tbody>\n<tfoot><tr><td>Total</td>"));
	for (int lv = 0; lv < N_LEVELS; lv++)
		cell(f, summary_money(sm, N_LINES, pg->l->years, lv));
	fputs("</tr></tfoot>\n</table>\n", f);
	html_printf(f,
		    L_(b->lang, "<p class=\"note\">The districts' percentiles do not add up to the "
				"total's; their means do.</p>\n"));
}

/* A row per budget owner and one for new money only, a column per paid
 * year (* after the horizon, as elsewhere) and the policy's own years. */
static void owners(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct summary *sm = b->sm;
	const struct sim_layout *l = pg->l;
	FILE *f = pg->f;
	bool tail = l->years > l->horizon;
	html_printf(f, L_(b->lang, "<h3>By budget owner</h3>\n"));
	html_printf(f, L_(b->lang,
			  "<p>The measures in the total by the budget that pays them. New money: "
			  "funds the policy adds; existing programmes pay from budgets already "
			  "voted. Each cell: the mean, under it the 90%% interval, then P80 and "
			  "P90.</p>\n"));
	fputs("<table class=\"keep\" id=\"by-owner\">\n<thead><tr>", f);
	html_printf(f, L_(b->lang, "<th>Budget owner</th><th>Money</th>"));
	for (int y = 0; y < l->years; y++)
		html_printf(f, "<th class=\"n\">%d%s</th>", pg->first_paid + y,
			    sim_after_horizon(l, y) ? "*" : "");
	html_printf(f, L_(b->lang, "<th class=\"n\">All paid years</th>"));
	if (tail)
		html_printf(f, L_(b->lang, "<th class=\"n\">%d–%d</th>"), pg->first_paid,
			    pg->first_paid + l->horizon - 1);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int o = 0; o <= N_OWNERS; o++) {
		if (o == N_OWNERS) {
			/* every owner: the measures' total, so the table adds up */
			html_printf(f, L_(b->lang, "</tbody>\n<tfoot><tr><td>Total</td><td></td>"));
			for (int y = 0; y <= sim_within(l); y++)
				if (y <= l->years || tail)
					cell(f, summary_money(sm, N_LINES, y, LV_TOTAL));
			fputs("</tr>\n", f);
			html_printf(f,
				    L_(b->lang, "<tr class=\"subtotal\"><td>Of which new money "
						"(subtotal of the owners' rows)</td><td>New</td>"));
		} else if (b->lang == CHART_ZH) /* the registry's names (owners.def) */
			html_printf(f, "<tr><td>%s</td><td>%s</td>", owner_info(o)->zh,
				    sm->owner_new[o] ? L_(b->lang, "New")
						     : L_(b->lang, "Existing programme"));
		else /* the bureau's own name under the English */
			html_printf(f, "<tr><td>%s<span class=\"alt\">%s</span></td><td>%s</td>",
				    owner_info(o)->en, owner_info(o)->zh,
				    sm->owner_new[o] ? "New" : "Existing programme");
		for (int y = 0; y <= sim_within(l); y++)
			if (y <= l->years || tail)
				cell(f, summary_owner(sm, o, y, LV_TOTAL));
		fputs("</tr>\n", f);
	}
	fputs("</tfoot>\n</table>\n", f);
	if (tail)
		html_printf(f,
			    L_(b->lang,
			       "<p class=\"note\">* After the policy's last paid year: support and "
			       "instalments committed in the policy period. All paid years include "
			       "them; %d–%d: the policy's own paid years.</p>\n"),
			    pg->first_paid, pg->first_paid + l->horizon - 1);
}

void briefing_where(struct page *pg)
{
	if (!summary_owner(pg->b->sm, 0, 0, LV_TOTAL))
		return; /* a layout without district and owner cells */
	FILE *f = pg->f;
	fputs("<section id=\"where\">\n", f);
	html_printf(f, L_(pg->b->lang, "<h2>Cost by district and by budget owner</h2>\n"));
	districts(pg);
	owners(pg);
	fputs("</section>\n", f);
}
