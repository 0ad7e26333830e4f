/* serve_api.c - what the page reads: the parameters as controls, and an
 * answer's costs and differences, as JSON. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
#include "i18n.h"
#include "district.h"
#include "lines.h"
#include "owners.h"
#include "params.h"
#include "policy.h"
#include "serve.h"

static const char *const type_names[] = {
	[PT_MONEY] = "money",     [PT_SHARE] = "share",     [PT_NUMBER] = "number",
	[PT_INT] = "int",         [PT_BOOL] = "bool",       [PT_ENUM] = "enum",
	[PT_DIST_MONEY] = "dist", [PT_DIST_SHARE] = "dist", [PT_DIST_NUMBER] = "dist",
};

static const char *const level_names[N_LEVELS] = {"total", "provincial", "municipal", "district"};

/* One control: parameter i of the served scenario. */
/* A name in both languages, as "zh":...,"en":... (the page switches). */
static void names_json(struct jbuf *b, const char *zh, const char *en)
{
	jb_put(b, "\"zh\":");
	jb_str(b, zh);
	jb_put(b, ",\"en\":");
	jb_str(b, en);
}

/* Where text in s ends for a label: at the first bracket or semicolon
 * (what follows qualifies it), in either language's punctuation. */
static size_t label_end(const char *s)
{
	static const char *const stops[] = {"（", " (", "；", "; "};
	size_t end = strlen(s);
	for (size_t k = 0; k < sizeof stops / sizeof stops[0]; k++) {
		const char *at = strstr(s, stops[k]);
		if (at && (size_t)(at - s) < end)
			end = (size_t)(at - s);
	}
	return end;
}

/* What choice k of enum parameter d means in lang, as its meaning spells
 * it out ("topup：进档补差；each：…"); the word itself when it does not. */
static void choice_words(const struct param_def *d, int k, int lang, char *buf, size_t n)
{
	const char *m = params_meaning(d, lang), *w = d->names[k];
	size_t len = strlen(w);
	for (const char *at = strstr(m, w); at; at = strstr(at + 1, w)) {
		const char *p = at + len;
		size_t sep = strncmp(p, "：", strlen("：")) == 0 ? strlen("：")
			     : strncmp(p, ": ", 2) == 0          ? 2
								 : 0;
		if (sep && (at == m || at[-1] == ' ' || strncmp(at - 3, "；", 3) == 0)) {
			p += sep;
			snprintf(buf, n, "%.*s", (int)label_end(p), p);
			return;
		}
	}
	snprintf(buf, n, "%s", w);
}

void serve_param_label(int i, int lang, char *buf, size_t n)
{
	size_t np;
	const struct param_def *d = &params_table(&np)[i];
	char bare[160], what[200];
	chart_param_label(i, lang == I18N_ZH ? CHART_ZH : CHART_EN, buf, n);
	/* the charts name a line's key by its line (M1A), others by clause */
	int line = d->line >= 0                          ? d->line
		   : strncmp(d->section, "pop.", 4) == 0 ? line_by_name(d->section + 4)
							 : -1;
	const char *by = line >= 0 ? line_info(line)->name : d->clause;
	snprintf(bare, sizeof bare, "%s.%s（%s）", d->section, d->key, by);
	if (lang != I18N_ZH || strcmp(buf, bare) != 0)
		return;
	/* the charts name this key by its line or clause only: say what it is */
	if (d->type == PT_ENUM) {
		size_t k = 0;
		what[0] = '\0';
		for (int c = 0; d->names[c] && k < sizeof what; c++) {
			char w[80];
			choice_words(d, c, lang, w, sizeof w);
			k += (size_t)snprintf(what + k, sizeof what - k, "%s%s", c ? "／" : "", w);
		}
	} else {
		const char *m = params_meaning(d, lang);
		snprintf(what, sizeof what, "%.*s", (int)label_end(m), m);
	}
	snprintf(buf, n, "%s.%s（%s %s）", d->section, d->key, by, what);
}

static void param_json(struct jbuf *b, const struct scenario *s, int i)
{
	size_t np;
	const struct param_def *d = &params_table(&np)[i];
	char text[256], range[200], en[300], zh[300];
	params_format(&s->pol, i, text, sizeof text);
	params_range_words(i, I18N_EN, range, sizeof range); /* the page words it */
	serve_param_label(i, I18N_EN, en, sizeof en);
	serve_param_label(i, I18N_ZH, zh, sizeof zh);
	jb_put(b, "{\"key\":");
	char key[200];
	snprintf(key, sizeof key, "%s.%s", d->section, d->key);
	jb_str(b, key);
	jb_put(b, ",\"type\":\"%s\",\"value\":", type_names[d->type]);
	jb_str(b, text);
	if (params_numeric(i) && !params_is_none(&s->pol, i))
		jb_put(b, ",\"num\":%.15g", study_value(&s->pol, i));
	jb_put(b, ",\"lo\":%.15g,\"hi\":%.15g,\"unit\":", d->lo, d->hi);
	jb_str(b, d->unit);
	jb_put(b, ",\"range\":");
	jb_str(b, range);
	jb_put(b, ",\"clause\":");
	jb_str(b, d->clause);
	jb_put(b, ",\"desc_en\":");
	jb_str(b, params_meaning(d, I18N_EN));
	jb_put(b, ",\"desc_zh\":");
	jb_str(b, params_meaning(d, I18N_ZH));
	jb_put(b, ",\"label_en\":");
	jb_str(b, en);
	jb_put(b, ",\"label_zh\":");
	jb_str(b, zh);
	if (d->type == PT_ENUM) {
		/* the words sent, and what each means in either language (shown) */
		jb_put(b, ",\"choices\":[");
		for (int k = 0; d->names[k]; k++) {
			jb_put(b, k ? "," : "");
			jb_str(b, d->names[k]);
		}
		for (int lang = I18N_EN; lang <= I18N_ZH; lang++) {
			jb_put(b, "],\"choices_%s\":[", lang == I18N_ZH ? "zh" : "en");
			for (int k = 0; d->names[k]; k++) {
				char w[80];
				choice_words(d, k, lang, w, sizeof w);
				jb_put(b, k ? "," : "");
				jb_str(b, w);
			}
		}
		jb_put(b, "]");
	}
	jb_put(b, ",\"optional\":%s,\"none\":%s}", d->optional ? "true" : "false",
	       params_is_none(&s->pol, i) ? "true" : "false");
}

void serve_json_params(struct jbuf *b, const struct serve_base *base, const char *lang)
{
	const struct scenario *s = base->s;
	size_t np;
	const struct param_def *d = params_table(&np);
	jb_put(b, "{\"scenario\":");
	jb_str(b, s->name);
	jb_put(b, ",\"builtin\":%s,\"seed\":%llu,\"reps\":%ld,\"lang\":",
	       base->path ? "false" : "true", (unsigned long long)base->cfg.seed, base->cfg.reps);
	jb_str(b, lang);
	jb_put(b, ",\"levels\":[");
	for (int lv = 0; lv < N_LEVELS; lv++) {
		jb_put(b, lv ? "," : "");
		jb_str(b, level_names[lv]);
	}
	/* districts by index (0: a recipient with no district) and budget owners,
	 * both languages as the lines have them (the page switches) */
	jb_put(b, "],\"districts\":[");
	for (int w = 0; w < N_WHERE; w++) {
		jb_put(b, "%s{", w ? "," : "");
		names_json(b, w ? district_name(w) : "未指定",
			   w ? district_name_en(w) : "not given");
		jb_put(b, "}");
	}
	jb_put(b, "],\"owners\":[");
	for (int o = 0; o < N_OWNERS; o++) {
		const struct owner_info *oi = owner_info((enum owner_id)o);
		jb_put(b, "%s{\"key\":", o ? "," : "");
		jb_str(b, oi->key);
		jb_put(b, ",");
		names_json(b, oi->zh, oi->en);
		jb_put(b, "}");
	}
	jb_put(b, "],\"lines\":[");
	for (int l = 0; l < N_LINES; l++) {
		const struct line_info *li = line_info((enum line_id)l);
		jb_put(b, "%s{\"id\":", l ? "," : "");
		jb_str(b, li->name);
		jb_put(b, ",\"clause\":");
		jb_str(b, li->clause);
		jb_put(b, ",");
		names_json(b, li->zh, li->who);
		jb_put(b, ",\"params\":[");
		bool first = true;
		for (size_t i = 0; i < np; i++) {
			/* an optional key the scenario leaves unset (a tier past the
			 * policy's, a share inheriting [funding]) has no value to move */
			if (d[i].line != l || (d[i].optional && !s->set[i]))
				continue;
			jb_put(b, first ? "" : ",");
			param_json(b, s, (int)i);
			first = false;
		}
		jb_put(b, "]}");
	}
	jb_put(b, "]}");
}

/* mean, p5, p95, p80, p90 of a cell. */
static void stats_json(struct jbuf *b, const struct stats *st)
{
	jb_put(b, "[");
	jb_num(b, st->mean);
	const enum pct which[] = {P5, P95, P80, P90};
	for (size_t k = 0; k < sizeof which / sizeof which[0]; k++) {
		jb_put(b, ",");
		jb_num(b, st->pct[which[k]]);
	}
	jb_put(b, "]");
}

/* The total of every replication of o, over all paid years. */
static void totals_json(struct jbuf *b, const struct sim_output *o)
{
	size_t col = sim_money(&o->layout, N_LINES, o->layout.years, LV_TOTAL);
	jb_put(b, "[");
	for (long r = 0; r < o->reps; r++) {
		jb_put(b, r ? "," : "");
		jb_num(b, o->rows[(size_t)r * o->layout.width + col]);
	}
	jb_put(b, "]");
}

/* Column ac of the variant's rows against column bc of the base's
 * (NO_COL: a paid year the run does not have, 0 in every replication),
 * paired as study_compare pairs the lines: [base, variant, diff, lo, hi]
 * (means; the difference's 95% interval). va, vb: reps doubles each. */
#define NO_COL SIZE_MAX
static void pair_json(struct jbuf *b, const struct sim_output *alt, size_t ac,
		      const struct sim_output *base, size_t bc, double *va, double *vb)
{
	size_t n = (size_t)alt->reps;
	double ma = 0, mb = 0;
	for (size_t i = 0; i < n; i++) {
		va[i] = ac == NO_COL ? 0 : alt->rows[i * alt->layout.width + ac];
		vb[i] = bc == NO_COL ? 0 : base->rows[i * base->layout.width + bc];
		ma += va[i];
		mb += vb[i];
	}
	struct study_diff d;
	study_paired(va, 1, vb, 1, n, &d);
	jb_put(b, "[");
	jb_num(b, mb / (double)n);
	jb_put(b, ",");
	jb_num(b, ma / (double)n);
	jb_put(b, ",");
	jb_num(b, d.mean);
	jb_put(b, ",");
	jb_num(b, d.lo);
	jb_put(b, ",");
	jb_num(b, d.hi);
	jb_put(b, "]");
}

/* Whether run o kept district and owner cells (not a lean layout). */
static bool full(const struct sim_output *o)
{
	return o->layout.district < o->layout.width;
}

/* A cell of the summary, or null where the run kept no such cells. */
static void maybe_stats(struct jbuf *b, const struct stats *st)
{
	if (st)
		stats_json(b, st);
	else
		jb_put(b, "null");
}

/* "districts": the variant's statistics per district (0: not given, as
 * by_district.csv), line (N_LINES: TOTAL) and level, over all paid
 * years: cells[d][line][lv] as the lines' cells, cmp[d][line][lv] paired
 * with the base as the lines' cmp. */
static void where_json(struct jbuf *b, const struct serve_base *base, const struct serve_result *r)
{
	const struct sim_output *o = &r->out, *bo = &base->out;
	double *va = malloc(2 * (size_t)o->reps * sizeof *va), *vb = va + o->reps;
	if (!va) {
		b->oom = true;
		return;
	}
	jb_put(b, ",\"districts\":{\"cells\":[");
	for (int d = 0; d < N_WHERE; d++) {
		jb_put(b, "%s[", d ? "," : "");
		for (int l = 0; l <= N_LINES; l++) {
			jb_put(b, "%s[", l ? "," : "");
			for (int lv = 0; lv < N_LEVELS; lv++) {
				jb_put(b, lv ? "," : "");
				maybe_stats(b, summary_district(r->sm, d, l, (enum fund_level)lv));
			}
			jb_put(b, "]");
		}
		jb_put(b, "]");
	}
	jb_put(b, "],\"cmp\":[");
	for (int d = 0; d < N_WHERE; d++) {
		jb_put(b, "%s[", d ? "," : "");
		for (int l = 0; l <= N_LINES; l++) {
			jb_put(b, "%s[", l ? "," : "");
			for (int lv = 0; lv < N_LEVELS; lv++) {
				jb_put(b, lv ? "," : "");
				if (full(o) && full(bo))
					pair_json(b, o, sim_district(&o->layout, d, l, lv), bo,
						  sim_district(&bo->layout, d, l, lv), va, vb);
				else
					jb_put(b, "null");
			}
			jb_put(b, "]");
		}
		jb_put(b, "]");
	}
	jb_put(b, "]}");
	free(va);
}

/* The column of owner o in calendar year cal of run o (first paid year
 * first), or NO_COL when the run pays nothing that year. */
static size_t owner_col(const struct sim_output *o, int first, int own, int cal, enum fund_level lv)
{
	int y = cal - first;
	return y >= 0 && y < o->layout.years ? sim_owner(&o->layout, own, y, lv) : NO_COL;
}

/* "owners": the variant's statistics per budget owner (N_OWNERS: new
 * money only, as by_owner.csv), paid-year index (years: all, years + 1:
 * within the policy's own paid years) and level; cmp per owner and the
 * comparison's calendar years (cmp.first_year ..., nyears: all, nyears +
 * 1: within), paired with the base; new: which owners' money is new. */
static void owners_json(struct jbuf *b, const struct serve_base *base, const struct serve_result *r)
{
	const struct sim_output *o = &r->out, *bo = &base->out;
	const struct summary *sm = r->sm;
	const struct study_compare *c = &r->cmp;
	int first = r->variant->pol.start_year + r->variant->pol.payment_lag;
	double *va = malloc(2 * (size_t)o->reps * sizeof *va), *vb = va + o->reps;
	if (!va) {
		b->oom = true;
		return;
	}
	jb_put(b, ",\"owners\":{\"new\":[");
	for (int w = 0; w < N_OWNERS; w++)
		jb_put(b, "%s%s", w ? "," : "", sm->owner_new[w] ? "true" : "false");
	jb_put(b, "],\"cells\":[");
	for (int w = 0; w <= N_OWNERS; w++) {
		jb_put(b, "%s[", w ? "," : "");
		for (int y = 0; y <= sim_within(&sm->layout); y++) {
			jb_put(b, "%s[", y ? "," : "");
			for (int lv = 0; lv < N_LEVELS; lv++) {
				jb_put(b, lv ? "," : "");
				maybe_stats(b, summary_owner(sm, w, y, (enum fund_level)lv));
			}
			jb_put(b, "]");
		}
		jb_put(b, "]");
	}
	jb_put(b, "],\"cmp\":[");
	bool cells = full(o) && full(bo);
	for (int w = 0; w <= N_OWNERS; w++) {
		jb_put(b, "%s[", w ? "," : "");
		for (int y = 0; y <= c->nyears + 1; y++) {
			jb_put(b, "%s[", y ? "," : "");
			for (int lv = 0; lv < N_LEVELS; lv++) {
				enum fund_level f = (enum fund_level)lv;
				jb_put(b, lv ? "," : "");
				if (!cells) {
					jb_put(b, "null");
				} else if (y < c->nyears) {
					int cal = c->first_year + y;
					pair_json(b, o, owner_col(o, first, w, cal, f), bo,
						  owner_col(bo, base->first_paid, w, cal, f), va,
						  vb);
				} else {
					int ya = y == c->nyears ? o->layout.years
								: sim_within(&o->layout);
					int yb = y == c->nyears ? bo->layout.years
								: sim_within(&bo->layout);
					pair_json(b, o, sim_owner(&o->layout, w, ya, f), bo,
						  sim_owner(&bo->layout, w, yb, f), va, vb);
				}
			}
			jb_put(b, "]");
		}
		jb_put(b, "]");
	}
	jb_put(b, "]}");
	free(va);
}

void serve_json_result(struct jbuf *b, const struct serve_base *base, const struct serve_result *r)
{
	const struct summary *sm = r->sm;
	int years = sm->layout.years;
	int first = r->variant->pol.start_year + r->variant->pol.payment_lag;
	/* policy_last: the policy's own last paid year; later ones are its
	 * commitments (政策期满后兑付), marked * as every other output marks them */
	jb_put(b,
	       "{\"seconds\":%.3f,\"reps\":%ld,\"first_year\":%d,\"nyears\":%d,"
	       "\"policy_last\":%d",
	       r->seconds, sm->reps, first, years, first + sm->layout.horizon - 1);
	/* cells[line][year][level]: line N_LINES is TOTAL, year `years` all */
	jb_put(b, ",\"cells\":[");
	for (int l = 0; l <= N_LINES; l++) {
		jb_put(b, "%s[", l ? "," : "");
		for (int y = 0; y <= years; y++) {
			jb_put(b, "%s[", y ? "," : "");
			for (int lv = 0; lv < N_LEVELS; lv++) {
				jb_put(b, lv ? "," : "");
				stats_json(b, summary_money(sm, l, y, (enum fund_level)lv));
			}
			jb_put(b, "]");
		}
		jb_put(b, "]");
	}
	jb_put(b, "],\"in_total\":[");
	for (int l = 0; l < N_LINES; l++)
		jb_put(b, "%s%s", l ? "," : "", sm->in_total[l] ? "true" : "false");
	jb_put(b, "],\"ranked\":[");
	for (int k = 0; k < sm->nranked; k++)
		jb_put(b, "%s%d", k ? "," : "", sm->by_cost[k]);
	jb_put(b, "],\"dist\":");
	totals_json(b, &r->out);
	jb_put(b, ",\"base_dist\":");
	totals_json(b, &base->out);
	/* cmp.cells[line][year][level] = [base, variant, diff, lo, hi] (95%) */
	const struct study_compare *c = &r->cmp;
	jb_put(b, ",\"cmp\":{\"first_year\":%d,\"nyears\":%d,\"cells\":[", c->first_year,
	       c->nyears);
	for (int l = 0; l <= N_LINES; l++) {
		jb_put(b, "%s[", l ? "," : "");
		for (int y = 0; y <= c->nyears; y++) {
			jb_put(b, "%s[", y ? "," : "");
			for (int lv = 0; lv < N_LEVELS; lv++) {
				const struct study_ccell *cc =
					study_compare_at(c, l, y, (enum fund_level)lv);
				jb_put(b, "%s[", lv ? "," : "");
				jb_num(b, cc->base);
				jb_put(b, ",");
				jb_num(b, cc->alt);
				jb_put(b, ",");
				jb_num(b, cc->d.mean);
				jb_put(b, ",");
				jb_num(b, cc->d.lo);
				jb_put(b, ",");
				jb_num(b, cc->d.hi);
				jb_put(b, "]");
			}
			jb_put(b, "]");
		}
		jb_put(b, "]");
	}
	jb_put(b, "]}");
	where_json(b, base, r);
	owners_json(b, base, r);
	jb_put(b, "}");
}
