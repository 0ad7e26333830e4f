/* briefing.c - the briefing report as one HTML page.
 *
 * Every number comes from the run's summary (summary.h) and is
 * written as fundsim run prints it (money_table: 亿 with two decimals,
 * 万 with one). Text from outside goes through html_printf's %s, which
 * escapes it; markup is only ever in format strings. */
#include "briefing.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "briefing_impl.h"
#include "html.h"
#include "i18n.h"
#include "money.h"
#include "params.h"
#include "stats.h"
#include "uncosted.h"

/* The policy as the draft names it (征求意见稿: the draft for comment). */
#define POLICY_ZH "苏州市加快推动软件产业集群高质量发展的若干政策措施（征求意见稿）"

static const struct stats *money(const struct page *pg, int line, int year, enum fund_level lv)
{
	return summary_money(pg->b->sm, line, year, lv);
}

/* Yuan as fundsim run prints it (a sentence adds 元); exactly 0 as "0". */
static const char *yuan(double v, char *buf, size_t n)
{
	if (v == 0) /* exactly nothing paid: "0", not "0.0万" */
		snprintf(buf, n, "0");
	else
		money_table(v, buf, n);
	return buf;
}

static const char *level_name(const struct briefing *b, int lv)
{
	static const char *const en[N_LEVELS] = {N_("Total"), N_("Provincial"), N_("Municipal"),
						 N_("District")};
	return L_(b->lang, en[lv]);
}

static const char *measure_name(const struct briefing *b, int line)
{
	return b->lang == CHART_ZH ? line_info(line)->zh : line_info(line)->who;
}

static void key_name(int i, char *buf, size_t n)
{
	size_t np;
	const struct param_def *d = params_table(&np);
	snprintf(buf, n, "%s.%s", d[i].section, d[i].key);
}

/* What parameter i means, in the page's language (params_meaning). */
static void param_meaning(const struct briefing *b, int i, char *buf, size_t n)
{
	size_t np;
	snprintf(buf, n, "%s", params_meaning(&params_table(&np)[i], b->lang));
}

/* ---- head ---- */

static const char *const css =
	":root{--ink:#1b1f24;--muted:#5b6470;--rule:#d5dae0;--accent:#0b3c73;"
	"--band:#f4f6f9;--lo:#9ecae1;--hi:#08519c}\n"
	"*{box-sizing:border-box}\n"
	"html{font-size:10.5pt;-webkit-text-size-adjust:100%}\n"
	"body{margin:0 auto;max-width:190mm;padding:12mm 8mm;color:var(--ink);"
	"line-height:1.45;font-family:\"Source Sans 3\",\"Source Sans Pro\",\"Noto Sans CJK SC\","
	"\"Source Han Sans SC\",\"Helvetica Neue\",Arial,\"PingFang SC\",\"Hiragino Sans GB\","
	"\"Microsoft YaHei\",\"WenQuanYi Micro Hei\",sans-serif}\n"
	"html:lang(zh) body,[lang|=zh]{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\","
	"\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"WenQuanYi Micro Hei\","
	"\"Noto Sans\",Arial,sans-serif}\n"
	"h1{font-size:1.85rem;line-height:1.2;margin:0 0 .35rem;color:var(--accent)}\n"
	"h2{font-size:1.35rem;line-height:1.25;margin:0 0 .7rem;padding-bottom:.25rem;"
	"border-bottom:2px solid var(--accent);color:var(--accent)}\n"
	"h3{font-size:1.05rem;margin:1.2rem 0 .4rem}\n"
	"p{margin:.45rem 0 .65rem}\n"
	"header{margin-bottom:1.2rem}\n"
	".sub{font-size:1.05rem;margin:.1rem 0}\n"
	".meta,.note,figcaption{color:var(--muted)}\n"
	".note,figcaption{font-size:.9rem}\n"
	"section{margin-top:2.4rem}\n"
	"table{border-collapse:collapse;width:100%;font-size:.92rem;margin:.4rem 0 .9rem;"
	"font-variant-numeric:tabular-nums}\n"
	"th,td{padding:.26rem .45rem;border-bottom:1px solid var(--rule);text-align:left;"
	"vertical-align:top}\n"
	"thead th{border-bottom:1.5px solid var(--ink);font-weight:600;vertical-align:bottom}\n"
	"tbody tr:nth-child(even){background:var(--band)}\n"
	"tfoot td{font-weight:700;border-top:1.5px solid var(--ink);border-bottom:0}\n"
	"tfoot tr.subtotal td{font-weight:400;font-style:italic;border-top:1px dashed var(--muted)}\n"
	".n{text-align:right;white-space:nowrap}\n"
	".code{white-space:nowrap;font-weight:600}\n"
	".alt{display:block;color:var(--muted);font-size:.86em}\n"
	".off{color:var(--muted);font-style:italic}\n"
	".headline{border:1px solid var(--rule);border-left:5px solid var(--accent);"
	"background:#f7f9fc;padding:.8rem 1.1rem;margin:1rem 0}\n"
	".headline .label{color:var(--muted);margin:0}\n"
	".headline .big{font-size:2.5rem;font-weight:700;color:var(--accent);line-height:1.15;"
	"margin:.1rem 0}\n"
	".headline .range{font-size:1.05rem;margin:0}\n"
	".cols{display:flex;gap:1.2rem;flex-wrap:wrap}\n"
	".cols>div{flex:1 1 auto}\n" /* side by side when both fit, else one under the other */
	".risk{font-weight:700}\n"
	"figure{margin:1rem 0 1.8rem}\n"
	"figure svg{display:block;width:100%;height:auto;max-width:100%}\n"
	"figcaption{margin-top:.35rem}\n"
	"code{font-family:\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:.84em;"
	"overflow-wrap:anywhere}\n"
	".bar{position:relative;height:.95em;min-width:7rem;margin-top:.2em;"
	"background:linear-gradient(var(--muted),var(--muted)) 50% 0/1px 100% no-repeat}\n"
	".bar span{position:absolute;top:0;bottom:0}\n"
	".bar .lo,.key.lo{background:var(--lo)}.bar .hi,.key.hi{background:var(--hi)}\n"
	".key{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;margin:0 .25em}\n"
	".changed{font-weight:700}\n"
	"table.tornado td:nth-child(2){width:30%}table.tornado td:last-child{width:15%}\n"
	"td.range,.nowrap{white-space:nowrap}\n"
	"#measures td:first-child{white-space:nowrap}\n"
	/* the wide tables (a column a paid year) scroll on a screen rather than
	 * squeeze their names into a column of single characters */
	"#where table,#evaluation table{font-size:.8rem;display:block;overflow-x:auto}\n"
	"#where th,#where td:first-child,#by-owner td:nth-child(2){white-space:nowrap}\n"
	"#evaluation td:first-child,#evaluation th:first-child,.rating{white-space:nowrap}\n"
	"#evaluation td:nth-child(2){min-width:10em}\n"
	"#evaluation td.n .alt,#by-owner td.n .alt{font-size:.8em;white-space:normal;"
	"word-break:keep-all}\n"
	/* where a wide table still scrolls, the names stay in sight */
	"#by-owner :is(th,td):first-child,#eval-levels :is(th,td):first-child,"
	"#eval-owners :is(th,td):first-child{position:sticky;left:0;z-index:1;"
	"background:#fff}\n"
	"#by-owner tbody tr:nth-child(even) td:first-child,"
	"#eval-owners tbody tr:nth-child(even) td:first-child,"
	"#eval-levels tbody tr:nth-child(even) td:first-child{background:var(--band)}\n"
	"ul{margin:.3rem 0 .8rem;padding-left:1.3rem}\n"
	/* On a screen the charts and the wide tables take the window's width,
	 * up to a chart's own 1280 px, centred on the text: at the text's 190 mm
	 * a chart's labels are 6 px tall and the tables scroll. Paper keeps
	 * 190 mm (print rules below). */
	"@media screen{\n"
	" figure{width:min(1280px,calc(100vw - 48px));"
	"margin-left:calc(50% - min(640px,50vw - 24px))}\n"
	" #by-owner,#evaluation table{width:max-content;max-width:min(1280px,calc(100vw - 48px));"
	"position:relative;left:50%;transform:translateX(-50%)}\n"
	"}\n"
	"@page{size:A4;margin:14mm 13mm 15mm}\n"
	"@media print{\n"
	" html{font-size:9.5pt}\n"
	" body{max-width:none;padding:0}\n"
	" section{margin-top:0;break-before:page}\n"
	" section.first{break-before:auto}\n"
	" h2,h3{break-after:avoid}\n"
	" tr,figure,.headline,.keep{break-inside:avoid}\n"
	" thead{display:table-header-group}\n"
	" tfoot{display:table-row-group}\n"
	" #measures table{font-size:.9rem;line-height:1.3}\n"
	" #measures th,#measures td{padding:.16rem .4rem}\n"
	" section.flow{break-before:auto;margin-top:2rem}\n"
	" #where table,#evaluation table{display:table;font-size:.74rem}\n" /* A4's width */
	" *{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"}\n";

static void head(struct page *pg)
{
	const struct briefing *b = pg->b;
	FILE *f = pg->f;
	html_printf(f,
		    "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<meta name=\"generator\" content=\"fundsim %s (git %s)\">\n",
		    b->lang == CHART_ZH ? "zh-CN" : "en", b->version, b->git);
	html_printf(f, L_(b->lang, "<title>What the policy will cost: scenario %s</title>\n"),
		    b->s->name);
	fprintf(f, "<style>\n%s</style>\n</head>\n<body>\n", css);
}

static void header(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct policy *p = &b->s->pol;
	FILE *f = pg->f;
	char reps[32];
	fputs("<header>\n", f);
	html_printf(f, L_(b->lang,
			  "<h1>What Suzhou's draft software-industry policy will cost</h1>\n"));
	html_printf(f, "<p class=\"sub\" lang=\"zh-CN\">%s</p>\n", POLICY_ZH);
	html_printf(f,
		    L_(b->lang, "<p class=\"meta\">Scenario <strong>%s</strong> · qualifying years "
				"%d–%d, paid %d–%d · %s replications, seed %llu"),
		    b->s->name, p->start_year, p->start_year + p->years - 1, pg->first_paid,
		    pg->first_paid + pg->l->years - 1, text_grouped(b->sm->reps, reps, sizeof reps),
		    (unsigned long long)b->seed);
	if (b->date)
		html_printf(f, " · <span class=\"nowrap\">%s</span>", b->date);
	fputs("</p>\n</header>\n<main>\n", f);
}

/* ---- summary ---- */

#define SUMMARY_MEASURES 5 /* the dearest measures on the first page */

static void interval_cell(FILE *f, const struct stats *st)
{
	char m[32], lo[32], hi[32], p80[32], p90[32];
	html_printf(f,
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td>",
		    yuan(st->mean, m, sizeof m), yuan(st->pct[P5], lo, sizeof lo),
		    yuan(st->pct[P95], hi, sizeof hi), yuan(st->pct[P80], p80, sizeof p80),
		    yuan(st->pct[P90], p90, sizeof p90));
}

static void interval_head(struct page *pg, const char *first)
{
	const struct briefing *b = pg->b;
	html_printf(pg->f, "<thead><tr><th>%s</th>", first);
	html_printf(pg->f, L_(b->lang, "<th class=\"n\">Mean</th><th class=\"n\">5%%</th>"
				       "<th class=\"n\">95%%</th><th class=\"n\">P80</th>"
				       "<th class=\"n\">P90</th>"));
}

static const char *envelope_name(const struct briefing *b, const struct envelope *e)
{
	return L_(b->lang, e->words);
}

/* Each budget envelope with its chance of being exceeded, one list item
 * each; the years of an annual one in a row. */
static void budget_items(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct policy *p = &b->s->pol;
	FILE *f = pg->f;
	const struct envelope *e = b->sm->env;
	int ne = b->sm->nenv;
	bool prorata = summary_capping(p);
	fputs("<ul>\n", f);
	for (int i = 0; i < ne; i++) {
		int y0 = e[i].annual ? 0 : pg->l->years, y1 = e[i].annual ? pg->l->years - 1 : y0;
		bool capped = e[i].annual && prorata;
		char lim[32];
		html_printf(f, L_(b->lang, "<li>%s, %s元%s: chance of exceeding it%s "),
			    envelope_name(b, &e[i]), yuan(e[i].limit, lim, sizeof lim),
			    e[i].annual ? L_(b->lang, " a year") : "",
			    capped ? L_(b->lang, " after the pro-rata cap") : "");
		for (int y = y0; y <= y1; y++) {
			double prob = summary_over(b->sm, i, y)->prob;
			if (e[i].annual)
				html_printf(
					f,
					y == y0 ? L_(b->lang,
						     "<span class=\"risk\">%.1f%%</span> in %d")
						: L_(b->lang,
						     ", <span class=\"risk\">%.1f%%</span> in %d"),
					100 * prob, pg->first_paid + y);
			else
				html_printf(f, "<span class=\"risk\">%.1f%%</span>", 100 * prob);
		}
		fputs(L_(b->lang, ".</li>\n"), f);
	}
	fputs("</ul>\n", f);
}

/* Every envelope and paid year: limit, chance, mean overrun; under
 * prorata how often the cap binds and what it cuts. */
static void budget_table(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct policy *p = &b->s->pol;
	FILE *f = pg->f;
	const struct envelope *e = b->sm->env;
	int ne = b->sm->nenv;
	bool prorata = summary_capping(p);
	html_printf(
		f, L_(b->lang, "<h3>Budget envelopes</h3>\n<p>%s</p>\n"),
		p->model.budget.rule == BUDGET_PRIORITY
			? L_(b->lang,
			     "Rule priority (总量控制): each year's budget pays, in order, what "
			     "was carried forward, the priority lines in full, then the other lines "
			     "pro rata with what is left.")
		: prorata ? L_(b->lang,
			       "Rule prorata (总量控制): when a year's awards exceed the annual "
			       "budget, every award of that year is cut in the same proportion.")
			  : L_(b->lang,
			       "The envelopes are reported, not enforced: awards are paid in "
			       "full."));
	html_printf(f, L_(b->lang,
			  "<table class=\"keep\">\n<thead><tr><th>Envelope</th><th>Paid year</th>"
			  "<th class=\"n\">Limit</th><th class=\"n\">Chance of exceeding</th>"
			  "<th class=\"n\">Mean overrun</th></tr></thead>\n<tbody>\n"));
	for (int i = 0; i < ne; i++) {
		int y0 = e[i].annual ? 0 : pg->l->years, y1 = e[i].annual ? pg->l->years - 1 : y0;
		for (int y = y0; y <= y1; y++) {
			const struct risk *over = summary_over(b->sm, i, y);
			char lim[32], ov[32];
			html_printf(f, "<tr><td>%s</td>", envelope_name(b, &e[i]));
			if (e[i].annual)
				html_printf(f, "<td>%d</td>", pg->first_paid + y);
			else
				html_printf(f, "<td>%d–%d</td>", pg->first_paid,
					    pg->first_paid + pg->l->years - 1);
			html_printf(f,
				    "<td class=\"n\">%s</td><td class=\"n\">%.1f%%</td>"
				    "<td class=\"n\">%s</td></tr>\n",
				    yuan(e[i].limit, lim, sizeof lim), 100 * over->prob,
				    yuan(over->mean, ov, sizeof ov));
		}
	}
	fputs("</tbody></table>\n", f);
	if (!prorata)
		return;
	html_printf(f, L_(b->lang, "<p>How often the pro-rata cap binds, and what it cuts from the "
				   "awards:</p>\n"));
	html_printf(f,
		    L_(b->lang, "<table class=\"keep\">\n<thead><tr><th>Paid year</th>"
				"<th class=\"n\">The cap binds in</th><th class=\"n\">Mean cut</th>"
				"</tr></thead>\n<tbody>\n"));
	bool carry = p->model.budget.carry_forward;
	for (int y = 0; y < pg->l->years; y++) {
		const struct risk *cut = summary_cut(b->sm, y);
		char c[32], ci[32], co[32];
		html_printf(f,
			    "<tr><td>%d%s</td><td class=\"n\">%.1f%%</td><td class=\"n\">%s</td>"
			    "</tr>\n",
			    pg->first_paid + y, sim_after_horizon(pg->l, y) ? "*" : "",
			    100 * cut->prob, yuan(cut->mean, c, sizeof c));
		if (carry)
			html_printf(
				f,
				L_(b->lang,
				   "<tr><td></td><td colspan=\"2\" class=\"n\">carried in %s元, "
				   "carried out %s元</td></tr>\n"),
				yuan(summary_carry_in(b->sm, y)->mean, ci, sizeof ci),
				yuan(summary_carry_out(b->sm, y)->mean, co, sizeof co));
	}
	fputs("</tbody></table>\n", f);
	if (carry) {
		char o[32];
		html_printf(f,
			    L_(b->lang,
			       "<p>Carry-forward: what is cut in a year is owed and paid first the "
			       "next year; still owed after %d, never paid: %s元 (mean).</p>\n"),
			    pg->first_paid + pg->l->years - 1,
			    yuan(summary_carry_out(b->sm, pg->l->years)->mean, o, sizeof o));
	}
	html_printf(f, L_(b->lang,
			  "<p class=\"note\">Chance of exceeding: the share of simulated "
			  "futures above the limit (after the cut under prorata). Mean overrun and "
			  "mean cut: averaged over all futures, those within the limit counting "
			  "0.</p>\n"));
}

static void summary(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct policy *p = &b->s->pol;
	FILE *f = pg->f;
	char m[32], lo[32], hi[32];
	const struct stats *t = pg->total;
	/* the total adds up the lines in force and in_total; a contingent item
	 * (一事一议) is costed but reported apart, so it is not counted here */
	int counted = 0, apart = 0;
	double apart_mean = 0;
	for (int line = 0; line < N_LINES; line++) {
		if (!p->line[line].enabled)
			continue;
		if (b->sm->in_total[line]) {
			counted++;
		} else {
			apart++;
			apart_mean += money(pg, line, pg->l->years, LV_TOTAL)->mean;
		}
	}
	const int *r = b->sm->by_cost; /* dearest first, the lines in the total */
	int nr = b->sm->nranked;
	fputs("<section id=\"summary\" class=\"first\">\n", f);
	html_printf(f, L_(b->lang, "<h2>Summary</h2>\n"));
	html_printf(f, "<div class=\"headline\">\n");
	html_printf(f,
		    L_(b->lang, "<p class=\"label\">Expected total cost over all paid years, "
				"%d–%d</p>\n"),
		    pg->first_paid, pg->first_paid + pg->l->years - 1);
	html_printf(f, "<p class=\"big\" id=\"headline-total\">%s元</p>\n",
		    yuan(t->mean, m, sizeof m));
	html_printf(f, L_(b->lang, "<p class=\"range\">90%% interval: %s – %s元</p>\n"),
		    yuan(t->pct[P5], lo, sizeof lo), yuan(t->pct[P95], hi, sizeof hi));
	{
		char p80[32], p90[32];
		html_printf(f,
			    L_(b->lang,
			       "<p class=\"range\" id=\"headline-planning\">Planning figures: "
			       "P80 %s元, P90 %s元 (appropriate this much and spending "
			       "overruns it in at most 20%% / 10%% of the simulated "
			       "futures)</p>\n"),
			    yuan(t->pct[P80], p80, sizeof p80), yuan(t->pct[P90], p90, sizeof p90));
	}
	fputs("</div>\n", f);

	/* the lead: what, how sure, which measures, who pays */
	html_printf(f,
		    L_(b->lang,
		       "<p>Under scenario <strong>%s</strong>, the %d cash award lines in "
		       "force that the total adds up are expected to cost <strong>%s元"
		       "</strong> over qualifying years %d–%d (paid %d–%d). In 90%% of the "
		       "simulated futures the cost lies between %s and %s元."),
		    b->s->name, counted, m, p->start_year, p->start_year + p->years - 1,
		    pg->first_paid, pg->first_paid + pg->l->years - 1, lo, hi);
	if (apart > 0) {
		char names[128] = "", v[32];
		for (int line = 0; line < N_LINES; line++)
			if (p->line[line].enabled && !b->sm->in_total[line])
				snprintf(names + strlen(names), sizeof names - strlen(names),
					 "%s%s", names[0] ? L_(b->lang, ", ") : "",
					 line_info(line)->name);
		html_printf(f,
			    NL_(b->lang,
				" %d contingent item (一事一议, decided case by case: %s) is "
				"costed apart and is not in this total: %s元 expected.",
				" %d contingent items (一事一议, decided case by case: %s) are "
				"costed apart and are not in this total: %s元 expected.",
				(unsigned long)apart),
			    apart, names, yuan(apart_mean, v, sizeof v));
	}
	if (t->mean > 0) {
		double top = 0;
		int nt = 0;
		while (nt < 3 && nt < nr && money(pg, r[nt], pg->l->years, LV_TOTAL)->mean > 0)
			nt++;
		html_printf(f, L_(b->lang, " The dearest measures are "));
		for (int k = 0; k < nt; k++) {
			double mean = money(pg, r[k], pg->l->years, LV_TOTAL)->mean;
			top += mean;
			html_printf(f, L_(b->lang, "%s%s %s (%.1f%%)"),
				    k == 0        ? ""
				    : k == nt - 1 ? L_(b->lang, " and ")
						  : L_(b->lang, ", "),
				    line_info(r[k])->name, measure_name(b, r[k]),
				    100 * mean / t->mean);
		}
		html_printf(f, L_(b->lang, ", together %.1f%% of the total."), 100 * top / t->mean);
		html_printf(f, L_(b->lang, " By funding level: "));
		for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++) {
			double mean = money(pg, N_LINES, pg->l->years, lv)->mean;
			char v[32];
			html_printf(f, L_(b->lang, "%s%s %s元 (%.1f%%)"),
				    lv == LV_PROVINCIAL ? "" : L_(b->lang, ", "), level_name(b, lv),
				    yuan(mean, v, sizeof v), 100 * mean / t->mean);
		}
		fputs(L_(b->lang, "."), f);
	}
	fputs("</p>\n", f);

	fputs("<div class=\"cols\">\n<div>\n", f);
	html_printf(f, L_(b->lang, "<h3>By paid year</h3>\n"));
	fputs("<table class=\"keep\">", f);
	interval_head(pg, L_(b->lang, "Year"));
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int y = 0; y < pg->l->years; y++) {
		html_printf(f, "<tr><td>%d%s</td>", pg->first_paid + y,
			    sim_after_horizon(pg->l, y) ? "*" : "");
		interval_cell(f, money(pg, N_LINES, y, LV_TOTAL));
		fputs("</tr>\n", f);
	}
	if (pg->l->years > pg->l->horizon) {
		html_printf(f, L_(b->lang, "<tr><td>%d–%d</td>"), pg->first_paid,
			    pg->first_paid + pg->l->horizon - 1);
		interval_cell(f, money(pg, N_LINES, sim_within(pg->l), LV_TOTAL));
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
	if (pg->l->years > pg->l->horizon)
		html_printf(
			f,
			b->s->pol.after_expiry == AFTER_STOP
				? L_(b->lang,
				     "<p class=\"note\">* After the policy's last paid year: the "
				     "remaining instalments of awards made in the policy period; "
				     "yearly support stops when the policy expires (after_expiry "
				     "= stop). %d–%d: the policy's own paid years; every total "
				     "over all paid years includes the years marked *.</p>\n")
				: L_(b->lang,
				     "<p class=\"note\">* After the policy's last paid year: "
				     "yearly support and instalments committed in the policy "
				     "period, which go on being paid after the policy expires "
				     "(after_expiry = honour). %d–%d: the policy's own paid years; "
				     "every total over all paid years includes the years marked "
				     "*.</p>\n"),
			pg->first_paid, pg->first_paid + pg->l->horizon - 1);
	fputs("</div>\n<div>\n", f);
	html_printf(f, L_(b->lang, "<h3>By funding level</h3>\n"));
	fputs("<table class=\"keep\">", f);
	interval_head(pg, L_(b->lang, "Level"));
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++) {
		html_printf(f, "<tr><td>%s</td>", level_name(b, lv));
		interval_cell(f, money(pg, N_LINES, pg->l->years, lv));
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table>\n</div>\n</div>\n", f);

	int ntop = 0;
	while (ntop < SUMMARY_MEASURES && ntop < nr &&
	       money(pg, r[ntop], pg->l->years, LV_TOTAL)->mean > 0)
		ntop++;
	if (ntop > 0) {
		html_printf(f, L_(b->lang, "<h3>The %d dearest measures</h3>\n"), ntop);
		fputs("<table class=\"keep\">", f);
		interval_head(pg, L_(b->lang, "Measure"));
		html_printf(f, L_(b->lang, "<th class=\"n\">Share</th></tr></thead>\n<tbody>\n"));
		for (int k = 0; k < ntop; k++) {
			const struct stats *st = money(pg, r[k], pg->l->years, LV_TOTAL);
			html_printf(f, "<tr><td><span class=\"code\">%s</span> %s</td>",
				    line_info(r[k])->name, measure_name(b, r[k]));
			interval_cell(f, st);
			html_printf(f, "<td class=\"n\">%.1f%%</td></tr>\n",
				    100 * st->mean / t->mean);
		}
		fputs("</tbody></table>\n", f);
	}

	if (b->sm->nenv > 0) {
		html_printf(f, L_(b->lang, "<h3>Budget envelopes</h3>\n"));
		budget_items(pg);
	} else {
		html_printf(f, L_(b->lang,
				  "<p class=\"note\">No budget envelope is set in this scenario "
				  "(<code>[budget]</code>), so no chance of exceeding one is "
				  "given.</p>\n"));
	}
	html_printf(f, L_(b->lang,
			  "<p class=\"note\">Amounts in 万元 (10,000 yuan) and 亿元 (100 million "
			  "yuan). Mean over the replications; the 90%% interval runs from the 5th "
			  "to the 95th percentile of the simulated outcomes; P80 and P90, the "
			  "planning figures, are the 80th and 90th.</p>\n"));
	fputs("</section>\n", f);
}

/* ---- tables ---- */

static void measures(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct policy *p = &b->s->pol;
	FILE *f = pg->f;
	fputs("<section id=\"measures\">\n", f);
	html_printf(f, L_(b->lang, "<h2>Cost by measure</h2>\n"));
	html_printf(f,
		    L_(b->lang, "<p>Every cash award line of the policy, over all paid years "
				"(%d–%d) and funding levels. Awards: the mean number paid in those "
				"years (a yearly award counts once a year)%s.</p>\n"),
		    pg->first_paid, pg->first_paid + pg->l->years - 1,
		    pg->l->years > pg->l->horizon
			    ? L_(b->lang, ", the years after the policy's last paid year included")
			    : "");
	html_printf(f,
		    L_(b->lang,
		       "<table>\n<thead><tr><th>Clause</th><th>Measure</th>"
		       "<th class=\"n\">Mean</th><th class=\"n\">5%%</th><th class=\"n\">95%%</th>"
		       "<th class=\"n\">P80</th><th class=\"n\">P90</th>"
		       "<th class=\"n\">Share</th><th class=\"n\">Awards</th></tr></thead>\n"));
	fputs("<tbody>\n", f);
	int contingent = 0;
	for (int line = 0; line < N_LINES; line++) {
		const struct line_info *li = line_info(line);
		const struct stats *st = money(pg, line, pg->l->years, LV_TOTAL);
		const struct stats *n = summary_recipients(b->sm, line, pg->l->years);
		html_printf(f, "<tr><td>%s</td><td><span class=\"code\">%s</span> %s", li->clause,
			    li->name, measure_name(b, line));
		if (b->lang != CHART_ZH)
			html_printf(f, "<span class=\"alt\" lang=\"zh-CN\">%s</span>", li->zh);
		if (!p->line[line].enabled) {
			html_printf(f, L_(b->lang,
					  "</td><td class=\"n off\" colspan=\"7\">not in force in "
					  "this scenario</td></tr>\n"));
			continue;
		}
		fputs("</td>", f);
		interval_cell(f, st);
		if (!b->sm->in_total[line]) { /* 一事一议: costed, but not part of the total */
			contingent++;
			html_printf(f, L_(b->lang, "<td class=\"n off\">contingent</td>"));
		} else {
			html_printf(f, "<td class=\"n\">%.1f%%</td>",
				    pg->total->mean > 0 ? 100 * st->mean / pg->total->mean : 0.0);
		}
		html_printf(f, "<td class=\"n\">%.*f</td></tr>\n",
			    n->mean > 0 && n->mean < 9.95 ? 1 : 0, n->mean); /* 0.2, not 0 */
	}
	const struct stats *n = summary_recipients(b->sm, N_LINES, pg->l->years);
	html_printf(f, L_(b->lang, "</tbody>\n<tfoot><tr><td></td><td>Total</td>"));
	interval_cell(f, pg->total);
	html_printf(f,
		    "<td class=\"n\">100%%</td><td class=\"n\">%.0f</td></tr></tfoot>\n"
		    "</table>\n",
		    n->mean);
	html_printf(f,
		    L_(b->lang,
		       "<p class=\"note\">The 5%% and 95%% columns of the measures do not add "
		       "up to the total's: measures are not all dear in the same futures.</p>\n"));
	if (contingent)
		html_printf(f,
			    L_(b->lang,
			       "<p class=\"note\">Contingent items (一事一议, decided case by "
			       "case) are costed as the scenario assumes but are not in the total, "
			       "its shares or the charts.</p>\n"));
	fputs("</section>\n", f);
}

/* What the draft promises without an amount (uncosted.def): listed, not
 * in the total; the bureau's lump sums beside it, never in it. */
static void uncosted(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct policy *p = &b->s->pol;
	FILE *f = pg->f;
	fputs("<section id=\"uncosted\" class=\"flow\">\n", f);
	html_printf(f, L_(b->lang, "<h2>Not costed</h2>\n"));
	html_printf(f, L_(b->lang,
			  "<p>The draft promises these without an amount, so the model does not "
			  "cost them and they are not in the total. A lump sum the bureau decides "
			  "is set in the scenario's <code>[uncosted]</code> section (yuan a policy "
			  "year) and shown here, beside the total.</p>\n"));
	html_printf(f, L_(b->lang,
			  "<table>\n<thead><tr><th>Clause</th><th>Commitment</th>"
			  "<th class=\"n\">Lump sum a year</th><th class=\"n\">Over the policy "
			  "years</th></tr></thead>\n<tbody>\n"));
	for (int i = 0; i < N_UNCOSTED; i++) {
		const struct uncosted_info *u = uncosted_info(i);
		char a[32], all[32];
		/* the registry's words (uncosted.def); the Chinese under the English */
		if (b->lang == CHART_ZH)
			html_printf(f, "<tr><td>%s</td><td>%s</td>", u->clause, u->zh);
		else
			html_printf(f,
				    "<tr><td>%s</td><td>%s<span class=\"alt\" "
				    "lang=\"zh-CN\">%s</span></td>",
				    u->clause, u->en, u->zh);
		if (p->uncosted[i] > 0)
			html_printf(f, "<td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
				    yuan(p->uncosted[i], a, sizeof a),
				    yuan((double)uncosted_lump(p, i) / 100, all, sizeof all));
		else
			html_printf(f,
				    L_(b->lang,
				       "<td class=\"n off\" colspan=\"2\">none set</td></tr>\n"));
	}
	fputs("</tbody>\n</table>\n", f);
	double lumps = (double)uncosted_lumps(p) / 100;
	if (lumps > 0) {
		struct stats with = *pg->total; /* a constant moves every percentile alike */
		with.mean += lumps;
		for (int k = 0; k < N_PCT; k++)
			with.pct[k] += lumps;
		html_printf(f, "<table>\n");
		interval_head(pg, "");
		fputs("</tr></thead>\n<tbody>\n", f);
		html_printf(f, L_(b->lang, "<tr><td>Total (modelled)</td>"));
		interval_cell(f, pg->total);
		html_printf(f, L_(b->lang,
				  "</tr>\n<tr><td>Total including the bureau's lump sums</td>"));
		interval_cell(f, &with);
		fputs("</tr>\n</tbody>\n</table>\n", f);
	}
	fputs("</section>\n", f);
}

/* Mean, then the 90% interval under it. */
static void stacked_cell(FILE *f, const struct stats *st)
{
	if (st->mean == 0 && st->pct[P95] == 0) {
		fputs("<td class=\"n\">0</td>", f);
		return;
	}
	fputs("<td class=\"n\">", f);
	briefing_figures(f, st);
}

static void years_levels(struct page *pg)
{
	const struct briefing *b = pg->b;
	FILE *f = pg->f;
	fputs("<section id=\"years\">\n", f);
	html_printf(f, L_(b->lang, "<h2>Cost by paid year and funding level</h2>\n"));
	html_printf(f,
		    NL_(b->lang,
			"<p>Awards are assessed on a qualifying year's figures and paid %d "
			"year later: budgets are about the paid year. Each cell: the mean, and "
			"under it the 90%% interval.</p>\n",
			"<p>Awards are assessed on a qualifying year's figures and paid %d "
			"years later: budgets are about the paid year. Each cell: the mean, and "
			"under it the 90%% interval.</p>\n",
			(unsigned long)b->s->pol.payment_lag),
		    b->s->pol.payment_lag);
	fputs("<table class=\"keep\">\n<thead><tr>", f);
	html_printf(f, L_(b->lang, "<th>Paid year</th>"));
	for (int lv = 0; lv < N_LEVELS; lv++)
		html_printf(f, "<th class=\"n\">%s</th>", level_name(b, lv));
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int y = 0; y <= pg->l->years; y++) {
		if (y == pg->l->years)
			html_printf(f, L_(b->lang, "</tbody>\n<tfoot><tr><td>%d–%d</td>"),
				    pg->first_paid, pg->first_paid + pg->l->years - 1);
		else
			html_printf(f, "<tr><td>%d%s</td>", pg->first_paid + y,
				    sim_after_horizon(pg->l, y) ? "*" : "");
		for (int lv = 0; lv < N_LEVELS; lv++) {
			stacked_cell(f, money(pg, N_LINES, y, lv));
		}
		fputs("</tr>\n", f);
	}
	fputs("</tfoot></table>\n", f);
	html_printf(f, L_(b->lang,
			  "<p class=\"note\">Provincial money comes from the lines paid from "
			  "pooled provincial and municipal funds (统筹省、市资金), split by the "
			  "scenario's provincial share; districts bear the share of the "
			  "non-provincial part that the scenario gives them. The levels' "
			  "percentiles do not add up to the total's.</p>\n"));
	struct envelope e[MAX_ENVELOPES];
	if (sim_envelopes(&b->s->pol.model, e) > 0)
		budget_table(pg);
	fputs("</section>\n", f);
}

/* ---- charts ---- */

static void charts(struct page *pg)
{
	const struct briefing *b = pg->b;
	FILE *f = pg->f;
	fputs("<section id=\"charts\">\n", f);
	html_printf(f, L_(b->lang, "<h2>Charts</h2>\n"));
	int fig = 0;
	for (int k = 0; k < N_CHARTS; k++) {
		const char *cap = chart_caption(k, b->lang);
		fig++;
		html_printf(f, "<figure id=\"fig-%s\">\n", chart_name(k));
		char prefix[32];
		snprintf(prefix, sizeof prefix, "fig%d-", fig);
		if (b->svg[k] && html_svg(f, b->svg[k], prefix, cap) != 0) {
			html_printf(f,
				    L_(b->lang,
				       "<p class=\"note\">(Chart %s is not plain SVG: left "
				       "out.)</p>\n"),
				    chart_name(k));
		} else if (!b->svg[k]) {
			html_printf(f,
				    L_(b->lang, "<p class=\"note\">(Chart %s not drawn%s%s)</p>\n"),
				    chart_name(k), b->chart_note ? L_(b->lang, ": ") : "",
				    b->chart_note ? b->chart_note : "");
		}
		html_printf(f,
			    L_(b->lang,
			       "<figcaption><strong>Figure %d.</strong> %s</figcaption>\n"),
			    fig, cap);
		fputs("</figure>\n", f);
	}
	fputs("</section>\n", f);
}

/* ---- sensitivity ---- */

static void change(FILE *f, const struct study_diff *d)
{
	char m[32], se[32];
	if (d->mean == 0 && d->se == 0) {
		fputs("0", f);
		return;
	}
	money_table(fabs(d->mean), m, sizeof m);
	money_table(d->se, se, sizeof se);
	html_printf(f, "%s%s <span class=\"alt\">± %s</span>", d->mean < 0 ? "−" : "+", m, se);
}

/* v to 4 significant digits: a distribution's mean moved by 20% reads
 * 9.333, not 9.333333333. */
static double sig4(double v)
{
	if (v == 0 || !isfinite(v))
		return v;
	int e = (int)floor(log10(fabs(v))) - 3;
	double p = pow(10, abs(e));
	return e >= 0 ? round(v / p) * p : round(v * p) / p;
}

/* A segment of a bar: from the centre by d, out of the largest change. */
static void segment(FILE *f, const char *cls, double d, double top)
{
	double w = top > 0 ? 50 * fabs(d) / top : 0;
	html_printf(f, "<span class=\"%s\" style=\"left:%.2f%%;width:%.2f%%\"></span>", cls,
		    d < 0 ? 50 - w : 50, w);
}

static void sensitivity(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct study_tornado *t = b->tornado;
	FILE *f = pg->f;
	fputs("<section id=\"sensitivity\">\n", f);
	html_printf(f, L_(b->lang, "<h2>The assumptions that most move the total</h2>\n"));
	if (!t) {
		html_printf(f, L_(b->lang, "<p class=\"note\">Not computed%s%s.</p>\n</section>\n"),
			    b->tornado_note ? L_(b->lang, ": ") : "",
			    b->tornado_note ? b->tornado_note : "");
		return;
	}
	char base[32], pct[16];
	money_table(t->base.mean, base, sizeof base);
	snprintf(pct, sizeof pct, "%g%%", 100 * t->pct);
	if (b->tornado_given)
		html_printf(f,
			    L_(b->lang,
			       "<p>Each assumption the scenario declares uncertain "
			       "(<code>[sensitivity]</code>) is moved to the low and the high end "
			       "of its range, one at a time, the others as in the scenario."));
	else
		html_printf(f,
			    L_(b->lang,
			       "<p>Key assumptions of the model are moved %s down and %s up "
			       "from the scenario's value, one at a time, the others unchanged (a "
			       "distribution is scaled with its shape kept, so its mean moves "
			       "%s)."),
			    pct, pct, pct);
	html_printf(f,
		    L_(b->lang,
		       " Every variant runs the same %ld simulated futures as the base "
		       "case (common random numbers), so each change is due to the assumption "
		       "alone; it is shown ± its standard error.</p>\n"),
		    t->reps);
	/* The base stays the study's own: each change is a difference over the
	 * same futures, and moving the base to the run's mean would pair it with
	 * futures the variants never ran. A replication's stream depends only
	 * on (seed, index), so the study's futures are the run's first ones. */
	if (t->reps < b->sm->reps) {
		char all[32], head[32];
		text_grouped(b->sm->reps, all, sizeof all);
		html_printf(
			f,
			L_(b->lang,
			   "<p class=\"note\">Base case: the expected total on these %ld "
			   "futures, the first %ld of this report's %s (same seed), is %s元; "
			   "over all %s it is %s元, the figure of the other sections. The study "
			   "runs fewer futures because it runs the model twice for each "
			   "assumption, and a change measured on paired futures needs few; "
			   "the two totals differ by sampling alone.</p>\n"),
			t->reps, t->reps, all, base, all, yuan(pg->total->mean, head, sizeof head));
	} else {
		html_printf(f,
			    L_(b->lang, "<p class=\"note\">Base case: the expected total on these "
					"futures, the same as this report's run, is %s元.</p>\n"),
			    base);
	}
	int n = t->nbars < BRIEFING_TOP_BARS ? t->nbars : BRIEFING_TOP_BARS;
	if (b->tornado_svg) {
		fputs("<figure id=\"fig-tornado\">\n", f);
		if (html_svg(f, b->tornado_svg, "tornado-",
			     L_(b->lang, "Tornado chart of the total")) != 0)
			html_printf(f,
				    L_(b->lang, "<p class=\"note\">(The tornado chart is not plain "
						"SVG: left out.)</p>\n"));
		fputs("</figure>\n", f);
	}
	double top = 0;
	for (int k = 0; k < n; k++) {
		top = fmax(top, fabs(t->bar[k].d_low.mean));
		top = fmax(top, fabs(t->bar[k].d_high.mean));
	}
	html_printf(f, L_(b->lang,
			  "<table class=\"tornado\">\n<thead><tr><th>#</th><th>Assumption</th>"
			  "<th>Low → high</th><th class=\"n\">Change at low</th>"
			  "<th class=\"n\">Change at high</th><th class=\"n\">Swing</th><th></th>"
			  "</tr></thead>\n<tbody>\n"));
	for (int k = 0; k < n; k++) {
		const struct study_bar *bar = &t->bar[k];
		char key[96], lo[64], hi[64], sw[32], scen[160], means[320];
		key_name(bar->param, key, sizeof key);
		param_meaning(b, bar->param, means, sizeof means);
		params_value_words(bar->param, sig4(bar->low), lo, sizeof lo);
		params_value_words(bar->param, sig4(bar->high), hi, sizeof hi);
		params_format(&b->s->pol, bar->param, scen, sizeof scen);
		html_printf(f,
			    "<tr><td>%d</td><td><code>%s</code><span class=\"alt\">%s</span></td>"
			    "<td class=\"range\">%s → %s",
			    k + 1, key, means, lo, hi);
		if (bar->given)
			html_printf(f, L_(b->lang, "<span class=\"alt\">scenario: %s</span>"),
				    scen);
		else
			html_printf(f, "<span class=\"alt\">%s ±%s</span>", scen, pct);
		fputs("</td><td class=\"n\">", f);
		change(f, &bar->d_low);
		fputs("</td><td class=\"n\">", f);
		change(f, &bar->d_high);
		html_printf(f, "</td><td class=\"n\">%s</td><td><div class=\"bar\">",
			    yuan(bar->swing, sw, sizeof sw));
		/* the longer segment first, so the shorter stays visible on top */
		bool low_first = fabs(bar->d_low.mean) >= fabs(bar->d_high.mean);
		segment(f, low_first ? "lo" : "hi", low_first ? bar->d_low.mean : bar->d_high.mean,
			top);
		segment(f, low_first ? "hi" : "lo", low_first ? bar->d_high.mean : bar->d_low.mean,
			top);
		fputs("</div></td></tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
	html_printf(f, L_(b->lang,
			  "<p class=\"note\">Change at low, at high: the change of the expected "
			  "total when the assumption takes its low or high value, ± its standard "
			  "error. Bars: <span class=\"key lo\"></span>at the low value, "
			  "<span class=\"key hi\"></span>at the high value; left of the line the "
			  "total falls, right of it the total rises.</p>\n"));
	if (t->nbars > n)
		html_printf(f,
			    L_(b->lang,
			       "<p class=\"note\">%d more assumptions move the total less.</p>\n"),
			    t->nbars - n);
	fputs("</section>\n", f);
}

/* ---- differences from the draft ---- */

static const struct briefing_diff *diff_of(const struct briefing *b, int param)
{
	for (int k = 0; k < b->ndiff; k++)
		if (b->diff[k].param == param)
			return &b->diff[k];
	return NULL;
}

static void differences(struct page *pg)
{
	const struct briefing *b = pg->b;
	FILE *f = pg->f;
	size_t np;
	const struct param_def *d = params_table(&np);
	/* a short list follows the sensitivity table on its page */
	html_printf(f, "<section id=\"differences\"%s>\n", b->ndiff <= 12 ? " class=\"flow\"" : "");
	html_printf(f, L_(b->lang, "<h2>How this scenario differs from the draft policy</h2>\n"));
	if (b->ndiff == 0) {
		html_printf(f, L_(b->lang,
				  "<p>No parameter differs: this is the draft policy with "
				  "fundsim's default readings and calibration "
				  "(<code>scenarios/suzhou-draft.ini</code>).</p>\n</section>\n"));
		return;
	}
	html_printf(f,
		    NL_(b->lang,
			"<p>%d parameter differs from the draft policy as fundsim reads "
			"it (<code>fundsim diff builtin SCENARIO</code>):</p>\n",
			"<p>%d parameters differ from the draft policy as fundsim reads "
			"it (<code>fundsim diff builtin SCENARIO</code>):</p>\n",
			(unsigned long)b->ndiff),
		    b->ndiff);
	html_printf(f, L_(b->lang,
			  "<table>\n<thead><tr><th>Parameter</th><th>Clause</th>"
			  "<th>Draft</th><th>This scenario</th><th>Set in</th></tr></thead>\n"));
	fputs("<tbody>\n", f);
	for (int k = 0; k < b->ndiff; k++) {
		const struct briefing_diff *x = &b->diff[k];
		char key[96], means[320];
		key_name(x->param, key, sizeof key);
		param_meaning(b, x->param, means, sizeof means);
		/* why the scenario changed it, in its author's words, under where */
		char ck[SCENARIO_COMMENT_LEN + 32];
		const char *why = i18n_comment((enum i18n_lang)b->lang,
					       scenario_comment(b->s, x->param), ck, sizeof ck);
		html_printf(f,
			    "<tr><td><code>%s</code><span class=\"alt\">%s</span></td><td>%s</td>"
			    "<td>%s</td><td class=\"changed\">%s</td><td><code>%s</code>",
			    key, means, d[x->param].clause, x->draft, x->here,
			    b->s->set[x->param] ? b->s->src[x->param] : "");
		if (*why)
			html_printf(f, "<span class=\"alt\">%s</span>", why);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table>\n</section>\n", f);
}

/* ---- method ---- */

int briefing_readings(struct briefing_reading *r, int max)
{
	const char *p = scenario_builtin_text();
	char section[64] = "";
	int n = 0;
	while (*p) {
		size_t len = strcspn(p, "\n");
		char line[512];
		snprintf(line, sizeof line, "%.*s",
			 (int)(len < sizeof line ? len : sizeof line - 1), p);
		p += len + (p[len] == '\n');
		char *s = line + strspn(line, " \t");
		if (*s == '[') {
			size_t k = strcspn(s + 1, "]");
			snprintf(section, sizeof section, "%.*s", (int)k, s + 1);
			continue;
		}
		char *semi = strchr(s, ';'), *eq = strchr(s, '=');
		if (!semi || !eq || eq > semi)
			continue;
		char *why = semi + 1 + strspn(semi + 1, " \t");
		if (strncmp(why, "reading:", 8) != 0)
			continue;
		why += 8 + strspn(why + 8, " \t");
		char *ke = eq;
		while (ke > s && (ke[-1] == ' ' || ke[-1] == '\t'))
			ke--;
		*ke = '\0';
		int i = params_find(section, s);
		if (i < 0)
			continue;
		if (n < max) {
			r[n].param = i;
			snprintf(r[n].why, sizeof r[n].why, "%s", why);
		}
		n++;
	}
	return n;
}

/* The draft's readings as the built-in scenario words them ("; reading:"
 * in scenarios/suzhou-draft.ini), marked here for translation: xgettext
 * never sees a scenario file's comments. check_report holds every reading
 * of the built-in scenario to a row of this table. */
static const char *const reading_words[] = {
	N_("first full year after publication"),
	N_("three qualifying years (落户3年内 and 连续3年 fit in it)"),
	N_("awards use the prior year's audited figures"),
	N_("yearly support granted in the policy period (第7条, 第13条 连续支持不超过3年) runs "
	   "its years after the horizon (scenarios/README.md)"),
	N_("the city pays its part alone"),
	N_("no block; the province pays provincial_share of each pooled award"),
	N_("staff must reach 50 within 3 years of settling"),
	N_("the cap is paid"),
	N_("再给予 = only firms that got M1A"),
	N_("\"new\" = within 3 years of founding"),
	N_("tier 2 pays the difference to tier 1"),
	N_("no 就高不重复 clause"),
	N_("tiers reached before the policy count as paid"),
	N_("the text sets no limit"),
	N_("the cap, unless the data say otherwise"),
	N_("once per consortium"),
	N_("the amount, unless the data say otherwise"),
	N_("once per platform"),
	N_("each year's results may be supported"),
	N_("the caps, unless the data say otherwise"),
	N_("once per talent"),
};

const char *briefing_reading_words(const char *why, enum chart_lang lang)
{
	for (size_t i = 0; i < sizeof reading_words / sizeof reading_words[0]; i++)
		if (strcmp(why, reading_words[i]) == 0)
			return L_(lang, reading_words[i]);
	return NULL;
}

static void readings(struct page *pg)
{
	const struct briefing *b = pg->b;
	FILE *f = pg->f;
	struct briefing_reading r[64];
	int n = briefing_readings(r, 64);
	n = n < 64 ? n : 64;
	int kept = 0;
	for (int k = 0; k < n; k++)
		kept += !diff_of(b, r[k].param);
	html_printf(f,
		    L_(b->lang,
		       "<h3>Readings of what the policy text leaves open</h3>\n"
		       "<p>Where the text is open, the draft scenario (the built-in "
		       "<code>suzhou-draft</code>) takes the default reading below. Each "
		       "reading is the value of the scenario parameter beside it: a scenario "
		       "file changes it in that section (<code>[m2]</code> "
		       "<code>mode = each</code>), or <code>--set m2.mode=each</code> on the "
		       "command line. This scenario keeps %d of the %d and replaces "
		       "%d.</p>\n"),
		    kept, n, n - kept);
	html_printf(f, L_(b->lang, "<table>\n<thead><tr><th>Parameter</th><th>Default reading</th>"
				   "<th>Value here</th></tr></thead>\n<tbody>\n"));
	for (int k = 0; k < n; k++) {
		char key[96], v[160] = "";
		const struct briefing_diff *x = diff_of(b, r[k].param);
		key_name(r[k].param, key, sizeof key);
		if (b->s->set[r[k].param])
			params_format(&b->s->pol, r[k].param, v, sizeof v);
		html_printf(f, "<tr><td><code>%s</code>", key);
		if (b->lang == CHART_ZH) {
			char means[320];
			param_meaning(b, r[k].param, means, sizeof means);
			html_printf(f, "<span class=\"alt\">%s</span>", means);
		}
		const char *why = briefing_reading_words(r[k].why, b->lang);
		html_printf(f, "</td><td>%s</td>", why ? why : r[k].why); /* else as written */
		if (x)
			html_printf(
				f,
				L_(b->lang,
				   "<td class=\"changed\">%s (replaced; draft: %s)</td></tr>\n"),
				x->here, x->draft);
		else
			html_printf(f, L_(b->lang, "<td>%s (default)</td></tr>\n"), v);
	}
	fputs("</tbody></table>\n", f);
}

static void method(struct page *pg)
{
	const struct briefing *b = pg->b;
	const struct policy *p = &b->s->pol;
	FILE *f = pg->f;
	char reps[32];
	text_grouped(b->sm->reps, reps, sizeof reps);
	fputs("<section id=\"method\">\n", f);
	html_printf(f, L_(b->lang, "<h2>Method</h2>\n"));
	html_printf(f,
		    L_(b->lang,
		       "<p>fundsim simulates Suzhou's software firms, parks, projects, "
		       "centres and talent over qualifying years %d–%d, %s times (Monte Carlo "
		       "replications), and applies every award line of the policy to each: its "
		       "rates, caps, tiers, top-ups (进档补差), “first time” rules, multi-year "
		       "limits and who pays. Uncertain counts and rates are drawn once per "
		       "replication, so the intervals include what is not known about them. "
		       "Percentiles are %s.</p>\n"),
		    p->start_year, p->start_year + p->years - 1, reps,
		    b->sm->exact ? L_(b->lang, "exact (every replication kept)")
		    : !b->sm->estimated
			    ? L_(b->lang, "exact (counted for each figure)")
			    : L_(b->lang,
				 "estimated by GSL's P-square algorithm for figures of more than "
				 "128 distinct amounts (too many replications to keep: run "
				 "--exact-mb), close for the total; exact for the others, such as "
				 "a line that pays a few lump sums"));
	html_printf(f,
		    L_(b->lang,
		       "<p><strong>Reproducible.</strong> Seed %llu, %s replications, %d "
		       "threads. Each firm and entity draws from its own random stream keyed "
		       "by (seed, replication, component, index), so the same scenario and "
		       "seed give bit-identical results – every number in this report and "
		       "every file beside it – for any number of threads. To make this report "
		       "again:</p>\n"),
		    (unsigned long long)b->seed, reps, b->threads);
	html_printf(f, "<p><code>%s</code></p>\n", b->command);
	html_printf(f,
		    L_(b->lang,
		       "<p>fundsim %s (git %s). Scenario <strong>%s</strong>, %s%s%s; every "
		       "parameter as run is in <code>scenario.resolved.ini</code> beside this "
		       "report, the numbers in <code>summary.csv</code>, "
		       "<code>by_year.csv</code> and <code>recipients.csv</code>.</p>\n"),
		    b->version, b->git, b->s->name,
		    b->s->path[0] ? L_(b->lang, "file ") : L_(b->lang, "built in"),
		    b->s->path[0] ? b->s->path : "", "");
	if (b->tornado)
		html_printf(f,
			    NL_(b->lang,
				"<p>Sensitivity: a tornado study (<code>fundsim tornado</code>) "
				"of %d assumption on %ld replications each, with the same seed "
				"and common random numbers; the table shows the %d largest "
				"swings.</p>\n",
				"<p>Sensitivity: a tornado study (<code>fundsim tornado</code>) "
				"of %d assumptions on %ld replications each, with the same seed "
				"and common random numbers; the table shows the %d largest "
				"swings.</p>\n",
				(unsigned long)b->tornado->nbars),
			    b->tornado->nbars, b->tornado->reps,
			    b->tornado->nbars < BRIEFING_TOP_BARS ? b->tornado->nbars
								  : BRIEFING_TOP_BARS);
	readings(pg);
	fputs("</section>\n", f);
}

void briefing_write(FILE *f, const struct briefing *b)
{
	struct page pg = {.f = f,
			  .b = b,
			  .l = &b->sm->layout,
			  .first_paid = b->s->pol.start_year + b->s->pol.payment_lag};
	pg.total = money(&pg, N_LINES, pg.l->years, LV_TOTAL);
	head(&pg);
	header(&pg);
	summary(&pg);
	measures(&pg);
	uncosted(&pg);
	years_levels(&pg);
	briefing_where(&pg);
	if (b->ev)
		briefing_evaluation(&pg);
	charts(&pg);
	sensitivity(&pg);
	differences(&pg);
	method(&pg);
	fputs("</main>\n</body>\n</html>\n", f);
}

/* ---- for the other sections (briefing_impl.h) ---- */

const char *briefing_yuan(double v, char *buf, size_t n)
{
	return yuan(v, buf, n);
}

/* A cell's figures and its end: the mean, under it the 90% interval, under
 * that P80 and P90, each figure held whole when the lines wrap. */
void briefing_figures(FILE *f, const struct stats *st)
{
	char m[32], lo[32], hi[32], p80[32], p90[32];
	html_printf(f,
		    "%s<span class=\"alt\">%s – %s</span><span class=\"alt\">P80&nbsp;%s&nbsp;· "
		    "P90&nbsp;%s</span></td>",
		    yuan(st->mean, m, sizeof m), yuan(st->pct[P5], lo, sizeof lo),
		    yuan(st->pct[P95], hi, sizeof hi), yuan(st->pct[P80], p80, sizeof p80),
		    yuan(st->pct[P90], p90, sizeof p90));
}

const char *briefing_level_name(const struct briefing *b, int lv)
{
	return level_name(b, lv);
}

const char *briefing_measure_name(const struct briefing *b, int line)
{
	return measure_name(b, line);
}
