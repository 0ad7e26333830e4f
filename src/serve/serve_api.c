/* serve_api.c - what the page reads: the parameters as controls, and an
 * answer's costs and differences, as JSON. */
#include <stdio.h>
#include <string.h>

#include "charts.h"
#include "lines.h"
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
static void param_json(struct jbuf *b, const struct scenario *s, int i)
{
	size_t np;
	const struct param_def *d = &params_table(&np)[i];
	char text[256], range[200], en[240], zh[240];
	params_format(&s->pol, i, text, sizeof text);
	params_range_words(i, range, sizeof range);
	chart_param_label(i, CHART_EN, en, sizeof en);
	chart_param_label(i, CHART_ZH, zh, sizeof zh);
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
	jb_put(b, ",\"desc\":");
	jb_str(b, d->desc);
	jb_put(b, ",\"label_en\":");
	jb_str(b, en);
	jb_put(b, ",\"label_zh\":");
	jb_str(b, zh);
	if (d->type == PT_ENUM) {
		jb_put(b, ",\"choices\":[");
		for (int k = 0; d->names[k]; k++) {
			jb_put(b, k ? "," : "");
			jb_str(b, d->names[k]);
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
	jb_put(b, "],\"lines\":[");
	for (int l = 0; l < N_LINES; l++) {
		const struct line_info *li = line_info((enum line_id)l);
		jb_put(b, "%s{\"id\":", l ? "," : "");
		jb_str(b, li->name);
		jb_put(b, ",\"clause\":");
		jb_str(b, li->clause);
		jb_put(b, ",\"en\":");
		jb_str(b, li->who);
		jb_put(b, ",\"zh\":");
		jb_str(b, li->zh);
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

void serve_json_result(struct jbuf *b, const struct serve_base *base, const struct serve_result *r)
{
	const struct summary *sm = r->sm;
	int years = sm->layout.years;
	jb_put(b, "{\"seconds\":%.3f,\"reps\":%ld,\"first_year\":%d,\"nyears\":%d", r->seconds,
	       sm->reps, r->variant->pol.start_year + r->variant->pol.payment_lag, years);
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
	jb_put(b, "]}}");
}
