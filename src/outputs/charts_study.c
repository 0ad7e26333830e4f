/* charts_study.c - the charts of the sensitivity studies: sweep, tornado
 * and spider, Sobol indices, scenario comparison.
 *
 * Each chart's CSV is written from the study's results (pure, in yuan,
 * parameter values in their own unit, labels in English and Chinese with
 * nothing gnuplot's CSV reader would split), then charts.c writes the
 * script beside it and draws it as it draws the run's charts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
#include "charts_impl.h"
#include "csvout.h"
#include "i18n.h"
#include "params.h"
#include "uncosted.h"

static const char *const level_keys[N_LEVELS] = {"total", "provincial", "municipal", "district"};

/* ---- parameter labels ---- */

struct zh_word {
	const char *key, *zh;
};

/* The model's parameters by section.key; a section alone names its line. */
static const struct zh_word zh_model[] = {
	{"scenario.start_year", "起始年份"},
	{"scenario.years", "政策年数"},
	{"scenario.payment_lag", "兑付滞后年数"},
	{"funding.provincial_share", "省级资金占比"},
	{"funding.district_share", "区（县级市）分担比例"},
	{"firms.count", "纳入软件统计的企业数"},
	{"firms.revenue", "企业上年营收"},
	{"firms.tail_threshold", "营收长尾起点"},
	{"firms.tail_alpha", "营收长尾指数"},
	{"firms.revenue_per_employee", "人均营收"},
	{"firms.staff_sigma", "员工数离散度"},
	{"firms.industrial_share", "工业软件企业占比"},
	{"firms.key_db_min_revenue", "重点企业库营收门槛"},
	{"firms.key_db_share", "门槛以上入库比例"},
	{"firms.max_age", "存量企业最长年龄"},
	{"growth.mean", "年均营收增长率"},
	{"growth.common_sd", "全市增长冲击标准差"},
	{"growth.firm_sd", "企业自身增长标准差"},
	{"growth.young_bonus", "新企业额外增长"},
	{"growth.exit_rate", "企业年退出率"},
	{"growth.staff_elasticity", "员工对营收增长弹性"},
	{"growth.staff_ramp", "新企业员工额外增长"},
	{"entry.new_per_year", "每年新设企业数"},
	{"entry.new_revenue", "新设企业首年营收"},
	{"entry.new_staff", "新设企业首年员工数"},
	{"entry.spinoff_per_year", "每年数字业务剥离企业数"},
	{"entry.attracted_per_year", "每年新引进企业数"},
	{"entry.attracted_revenue", "引进企业首年营收"},
	{"entry.attracted_staff", "引进企业首年员工数"},
	{"entry.attracted_capital", "引进企业实缴资本"},
	{"entry.attracted_industrial_share", "引进企业中工业软件占比"},
	{"events.top100_min_revenue", "入选百强的营收门槛"},
	{"events.top100_prob", "入选百强的年概率"},
	{"budget.total", "全部兑付年度预算总额度"},
	{"budget.annual_total", "年度预算"},
	{"budget.annual_provincial", "省级年度预算"},
	{"budget.annual_municipal", "市级年度预算"},
	{"budget.annual_district", "区（县级市）级年度预算"},
	{"taxcap.rate", "地方留存税收占营收比例"},
	{"known.pending", "待审申请获批概率"},
};

/* Keys of a line's own section ([m1a]), its applicants ([pop.m12c]) and
 * take-up ([takeup] m3c, the key being the line). */
static const struct zh_word zh_key[] = {
	{"amount", "奖励金额"},
	{"cap", "奖励上限"},
	{"rate", "奖励比例"},
	{"payout", "发放比例"},
	{"max_awards", "最多奖励次数"},
	{"max_years", "最多支持年数"},
	{"min_growth", "营收增幅门槛"},
	{"min_paid_capital", "实缴资本门槛"},
	{"min_employees", "员工人数门槛"},
	{"min_cumulative_revenue", "累计营收门槛"},
	{"employee_window_years", "员工达标年限"},
	{"window_years", "认定年限"},
	{"project_cap", "项目资助上限"},
	{"housing_cap", "住房补贴上限"},
	{"national", "国家级奖励"},
	{"provincial", "省级奖励"},
	{"municipal", "市级奖励"},
	{"provincial_share", "省级资金占比"},
	{"district_share", "区（县级市）分担比例"},
	{"per_year", "每年新增数量"},
	{"national_per_year", "每年新增国家级"},
	{"provincial_per_year", "每年新增省级"},
	{"municipal_per_year", "每年新增市级"},
	{"base", "投入或销售基数"},
	{"granted", "获批比例"},
	{"housing", "住房补贴获批比例"},
	{"pass", "年度考核通过率"},
	{"parks", "园区数量"},
	{"revenue", "园区软件营收"},
	{"growth_sd", "园区增长标准差"},
};

static const char *zh_find(const struct zh_word *w, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(w[i].key, key) == 0)
			return w[i].zh;
	return NULL;
}

/* The award line a parameter belongs to: its own section, its
 * applicants' pop.SECTION, or takeup.LINE; -1 for the model's. */
static int param_line(const struct param_def *d)
{
	if (d->line >= 0)
		return d->line;
	if (strncmp(d->section, "pop.", 4) == 0)
		return line_by_name(d->section + 4);
	if (strcmp(d->section, "takeup") == 0)
		return line_by_name(d->key);
	return -1;
}

/* What parameter d means in Chinese: "M1A 奖励上限", "纳入软件统计的企业数". */
static void zh_meaning(const struct param_def *d, char *buf, size_t n)
{
	char full[96], word[128] = "";
	snprintf(full, sizeof full, "%s.%s", d->section, d->key);
	const char *m = zh_find(zh_model, sizeof zh_model / sizeof zh_model[0], full);
	if (m) {
		snprintf(buf, n, "%s", m);
		return;
	}
	for (int i = 0; strcmp(d->section, "uncosted") == 0 && i < N_UNCOSTED; i++) {
		const struct uncosted_info *u = uncosted_info(i);
		if (strcmp(d->key, u->key) == 0) { /* "第8条 局定年度金额：开源峰会、开源大赛" */
			snprintf(buf, n, "%s 局定年度金额：%s", u->clause, u->short_zh);
			return;
		}
	}
	int line = param_line(d), tier;
	char what[32];
	size_t kl = strlen(d->key);
	bool takeup = strcmp(d->section, "takeup") == 0;
	if (takeup || (kl >= 8 && strcmp(d->key + kl - 8, "per_year") == 0 &&
		       strncmp(d->section, "pop.", 4) == 0)) {
		/* what is claimed or counted, as the workbook says it: "M3C
		 * 奖励的申领比例", "每年新入选紧缺人才数", not a bare
		 * 申领比例 or 每年新增数量 of a clause with several lines */
		m = params_meaning(d, CHART_ZH);
		const char *br = strstr(m, "（"); /* strcspn would stop at any of its bytes */
		size_t cut = br ? (size_t)(br - m) : strlen(m);
		if (m != d->desc && takeup) {
			snprintf(buf, n, "%.*s", (int)cut, m);
			return;
		}
		if (m != d->desc)
			snprintf(word, sizeof word, "%.*s", (int)cut, m);
		else if (takeup)
			snprintf(word, sizeof word, "奖励的申领比例");
		else if ((m = zh_find(zh_key, sizeof zh_key / sizeof zh_key[0], d->key)))
			snprintf(word, sizeof word, "%s", m);
	} else if (sscanf(d->key, "tier%d_%31s", &tier, what) == 2)
		snprintf(word, sizeof word, "第%d档%s", tier,
			 strcmp(what, "amount") == 0    ? "奖励金额"
			 : strcmp(what, "revenue") == 0 ? "营收门槛"
							: "员工人数门槛");
	else if ((m = zh_find(zh_key, sizeof zh_key / sizeof zh_key[0], d->key)))
		snprintf(word, sizeof word, "%s", m);
	if (line >= 0) /* by its line: 第3条 alone is three lines (M3A/B/C) */
		snprintf(buf, n, "%s%s%s", line_info(line)->name, word[0] ? " " : "", word);
	else
		snprintf(buf, n, "%s", word);
}

/* The English description, short: its first clause, before a bracket. */
static void en_meaning(const struct param_def *d, char *buf, size_t n)
{
	snprintf(buf, n, "%s", d->desc);
	char *cut = strstr(buf, " (");
	if (cut)
		*cut = '\0';
	size_t most = 40;
	if (strlen(buf) > most) { /* at a word, with an ellipsis */
		while (most > 0 && ((unsigned char)buf[most] & 0xC0) == 0x80)
			most--; /* never inside a UTF-8 character */
		buf[most] = '\0';
		char *sp = strrchr(buf, ' ');
		if (sp)
			*sp = '\0';
		if (strlen(buf) + 4 < n)
			strcat(buf, "…");
	}
}

/* Parameter i's key and its short meaning, meaning_first as a chart's
 * reader wants it ("M6A 奖励比例（m6a.rate）": the key alone tells a
 * planner nothing), else as the web page's controls list them, by key. */
static void label(int i, enum chart_lang lang, bool meaning_first, char *buf, size_t n)
{
	size_t np;
	const struct param_def *d = &params_table(&np)[i];
	char m[160], key[96];
	if (lang == CHART_ZH)
		zh_meaning(d, m, sizeof m);
	else
		en_meaning(d, m, sizeof m);
	snprintf(key, sizeof key, "%s.%s", d->section, d->key);
	const char *a = meaning_first ? m : key, *b = meaning_first ? key : m;
	if (!m[0])
		snprintf(buf, n, "%s", key);
	else if (lang == CHART_ZH)
		snprintf(buf, n, "%s（%s）", a, b);
	else
		snprintf(buf, n, "%s (%s)", a, b);
	chart_clean(buf);
}

void chart_param_label(int i, enum chart_lang lang, char *buf, size_t n)
{
	label(i, lang, false, buf, n);
}

void chart_param_meaning(int i, enum chart_lang lang, char *buf, size_t n)
{
	size_t np;
	const struct param_def *d = &params_table(&np)[i];
	char m[160];
	if (lang == CHART_ZH)
		zh_meaning(d, m, sizeof m);
	else
		en_meaning(d, m, sizeof m);
	snprintf(buf, n, "%s", m);
}

/* ---- values in the parameter's unit ---- */

static const struct param_def *param(int i)
{
	size_t np;
	return &params_table(&np)[i];
}

/* "100万", "9%", "1600", "233.3": plain numbers to 4 digits (a
 * distribution's mean need not be whole). */
static void value_text(int i, double v, char *buf, size_t n)
{
	enum ptype t = param(i)->type;
	char table[64];
	if (t == PT_NUMBER || t == PT_DIST_NUMBER) {
		snprintf(buf, n, "%.4g", v);
	} else if (t == PT_MONEY || t == PT_DIST_MONEY) {
		/* as written when that is short (100万); else as the other charts
		 * label amounts (1.15亿, 823.2万), not 1.154676996亿 */
		params_value_words(i, v, buf, n);
		money_table(v, table, sizeof table);
		if (strlen(buf) > strlen(table))
			snprintf(buf, n, "%s", table);
	} else {
		params_value_words(i, v, buf, n);
		if (t == PT_SHARE || t == PT_DIST_SHARE) { /* 9.36%, not 9.3612% */
			share_words(round(v * 1e4) / 1e4, buf, n);
		}
	}
	chart_clean(buf);
}

/* The unit a chart reads: "yuan", "share", or the table's word. */
static const char *unit_of(int i)
{
	const char *u = param(i)->unit;
	return u && u[0] ? u : "number";
}

static void key_of(int i, char *buf, size_t n)
{
	snprintf(buf, n, "%s.%s", param(i)->section, param(i)->key);
}

/* A parameter's key, labels and unit as CSV fields. */
static void param_fields(FILE *f, int i)
{
	char key[96], en[200], zh[200];
	key_of(i, key, sizeof key);
	label(i, CHART_EN, true, en, sizeof en);
	label(i, CHART_ZH, true, zh, sizeof zh);
	fprintf(f, "%s,%s,%s,%s", key, en, zh, unit_of(i));
}

/* ---- sweep ---- */

struct sweep_ctx {
	const struct study_sweep *w;
	const struct scenario *s;
};

/* Axis a's fields of grid point p (-1: the base case, as the scenario
 * writes it: "normal(9%; 1.5%)"); empty for a second axis not swept. */
static void sweep_axis(FILE *f, const struct sweep_ctx *sc, int p, int a)
{
	const struct study_sweep *w = sc->w;
	if (a >= w->naxes) {
		fputs(",,,,,,,", f);
		return;
	}
	int n2 = w->naxes > 1 ? w->axis[1].n : 1, param = w->axis[a].param;
	int idx = p < 0 ? 0 : 1 + (a == 0 ? p / n2 : p % n2);
	double v = p < 0 ? w->base_value[a] : w->point[p].value[a];
	char text[160];
	if (p < 0)
		params_format(&sc->s->pol, param, text, sizeof text);
	else
		value_text(param, v, text, sizeof text);
	chart_clean(text);
	fprintf(f, ",%d,", idx);
	param_fields(f, param);
	fprintf(f, ",%.10g,%s", v, text);
}

static void sweep_csv(FILE *f, const void *ctx)
{
	const struct sweep_ctx *sc = ctx;
	const struct study_sweep *w = sc->w;
	fputs("point,index1,key1,label1_en,label1_zh,unit1,value1,text1,"
	      "index2,key2,label2_en,label2_zh,unit2,value2,text2,"
	      "level,mean,p5,p95,diff,diff_lo,diff_hi\n",
	      f);
	int n2 = w->naxes > 1 ? w->axis[1].n : 1, n1 = w->npoints / n2;
	/* a level's rows together, the base case first, then each line's
	 * points (one per value of the second key) in a run: gnuplot breaks
	 * a line at a row it leaves out */
	for (int lv = 0; lv < N_LEVELS; lv++) {
		for (int q = -1; q < w->npoints; q++) {
			int p = q < 0 ? -1
				      : (q % n1) * n2 + q / n1; /* the last axis runs fastest */
			const struct study_cell *c = p < 0 ? &w->base[N_LINES][lv]
							   : &w->point[p].cell[N_LINES][lv];
			fprintf(f, "%d", p + 1);
			sweep_axis(f, sc, p, 0);
			sweep_axis(f, sc, p, 1);
			fprintf(f, ",%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f\n", level_keys[lv], c->mean,
				c->p5, c->p95, c->d.mean, c->d.lo, c->d.hi);
		}
	}
}

int charts_sweep(const char *dir, const struct chart_opts *co, const struct study_sweep *w,
		 struct chart_notes *notes, char *err, size_t errlen)
{
	if (notes)
		notes->n = 0;
	struct chart_foot ft;
	chart_footnote(co, w->reps, N_("%s replications a value, common random numbers"), "sweep",
		       &ft);
	enum chart_kind k = CHART_SWEEP;
	struct sweep_ctx sc = {w, co->s};
	if (chart_files(dir, k, sweep_csv, &sc, co, &ft, err, errlen) != 0)
		return -1;
	return chart_draw(dir, co, &k, 1, notes, err, errlen);
}

/* ---- tornado and spider ---- */

static void tornado_csv(FILE *f, const void *ctx)
{
	const struct study_tornado *t = ctx;
	int shown = t->nbars < CHART_TORNADO_BARS ? t->nbars : CHART_TORNADO_BARS;
	fputs("rank,key,label_en,label_zh,unit,range,base,low,high,base_text,low_text,high_text,"
	      "mean_base,p5_base,p95_base,mean_low,mean_high,diff_low,diff_low_lo,diff_low_hi,"
	      "diff_high,diff_high_lo,diff_high_hi,swing,bars\n",
	      f);
	for (int k = 0; k < shown; k++) {
		const struct study_bar *b = &t->bar[k];
		char base[64], low[64], high[64], range[40];
		value_text(b->param, b->base, base, sizeof base);
		value_text(b->param, b->low, low, sizeof low);
		value_text(b->param, b->high, high, sizeof high);
		if (b->given)
			snprintf(range, sizeof range, "given");
		else
			snprintf(range, sizeof range, "-%g%%:+%g%%", 100 * t->pct, 100 * t->pct);
		fprintf(f, "%d,", k + 1);
		param_fields(f, b->param);
		fprintf(f, ",%s,%.10g,%.10g,%.10g,%s,%s,%s,%.2f,%.2f,%.2f,%.2f,%.2f", range,
			b->base, b->low, b->high, base, low, high, t->base.mean, t->base.p5,
			t->base.p95, b->mean_low, b->mean_high);
		fprintf(f, ",%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d\n", b->d_low.mean, b->d_low.lo,
			b->d_low.hi, b->d_high.mean, b->d_high.lo, b->d_high.hi, b->swing,
			t->nbars);
	}
}

static void spider_csv(FILE *f, const void *ctx)
{
	const struct study_tornado *t = ctx;
	fputs("rank,key,label_en,label_zh,unit,pct,change,value,text,mean,mean_base,diff,diff_lo,"
	      "diff_hi\n",
	      f);
	int rank = 0, last = -1;
	for (int k = 0; k < t->nspider; k++) {
		const struct study_spider *sp = &t->spider[k];
		rank += sp->param != last; /* the top bars' keys, in bar order */
		last = sp->param;
		double base = NAN;
		for (int b = 0; b < t->nbars; b++)
			if (t->bar[b].param == sp->param)
				base = t->bar[b].base;
		/* whole numbers round outward: 3 -20% is 2, a change of -33% */
		double change = base != 0 && isfinite(base) ? 100 * (sp->value / base - 1)
							    : sp->pct;
		char text[64];
		value_text(sp->param, sp->value, text, sizeof text);
		fprintf(f, "%d,", rank);
		param_fields(f, sp->param);
		fprintf(f, ",%g,%.4f,%.10g,%s,%.2f,%.2f,%.2f,%.2f,%.2f\n", sp->pct, change,
			sp->value, text, sp->mean, t->base.mean, sp->d.mean, sp->d.lo, sp->d.hi);
	}
}

int charts_tornado(const char *dir, const struct chart_opts *co, const struct study_tornado *t,
		   struct chart_notes *notes, char *err, size_t errlen)
{
	if (notes)
		notes->n = 0;
	struct chart_foot ft;
	chart_footnote(co, t->reps, N_("%s replications a variant, common random numbers"),
		       "tornado", &ft);
	enum chart_kind k[2] = {CHART_TORNADO, CHART_SPIDER};
	int n = 0;
	if (t->nbars > 0) {
		if (chart_files(dir, CHART_TORNADO, tornado_csv, t, co, &ft, err, errlen) != 0)
			return -1;
		n = 1;
	}
	if (t->nspider > 0) {
		if (chart_files(dir, CHART_SPIDER, spider_csv, t, co, &ft, err, errlen) != 0)
			return -1;
		k[n++] = CHART_SPIDER;
	}
	return chart_draw(dir, co, k, n, notes, err, errlen);
}

/* ---- Sobol indices ---- */

struct sobol_ctx {
	const struct study_sobol *b;
	const struct scenario *s;
	long reps;
};

static void sobol_csv(FILE *f, const void *ctx)
{
	const struct sobol_ctx *c = ctx;
	const struct study_sobol *b = c->b;
	int order[STUDY_MAX_SOBOL];
	for (int i = 0; i < b->k; i++) { /* by ST, largest first; ties in declared order */
		int j = i;
		while (j > 0 && b->st[order[j - 1]] < b->st[i]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	fputs("rank,key,label_en,label_zh,unit,lo,hi,lo_text,hi_text,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi,"
	      "points,bootstrap,reps,mean_total,sd_total,flat\n",
	      f);
	for (int r = 0; r < b->k; r++) {
		int i = order[r];
		const struct param_range *pr = &c->s->sens[i];
		char lo[64], hi[64];
		value_text(pr->param, pr->lo, lo, sizeof lo);
		value_text(pr->param, pr->hi, hi, sizeof hi);
		fprintf(f, "%d,", r + 1);
		param_fields(f, pr->param);
		fprintf(f,
			",%.10g,%.10g,%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%ld,%d,%ld,%.2f,%.2f,%d\n",
			pr->lo, pr->hi, lo, hi, b->s1[i], b->s1_lo[i], b->s1_hi[i], b->st[i],
			b->st_lo[i], b->st_hi[i], b->n, b->boot, c->reps, b->mean, sqrt(b->var),
			b->flat ? 1 : 0);
	}
}

int charts_sobol(const char *dir, const struct chart_opts *co, const struct study_sobol *b,
		 long reps, struct chart_notes *notes, char *err, size_t errlen)
{
	if (notes)
		notes->n = 0;
	struct chart_foot ft;
	chart_footnote(co, reps, N_("%s replications a design point, common random numbers"),
		       "sobol", &ft);
	struct sobol_ctx c = {b, co->s, reps};
	enum chart_kind k = CHART_SOBOL;
	if (chart_files(dir, k, sobol_csv, &c, co, &ft, err, errlen) != 0)
		return -1;
	return chart_draw(dir, co, &k, 1, notes, err, errlen);
}

/* ---- compare ---- */

struct compare_ctx {
	struct scenario *const *s;
	int ns;
	const struct study_compare *cmp;
};

static void compare_csv(FILE *f, const void *ctx)
{
	const struct compare_ctx *c = ctx;
	fputs("alt,base_name,alt_name,period,paid_year,level,base_mean,alt_mean,diff,diff_lo,"
	      "diff_hi\n",
	      f);
	char base[sizeof c->s[0]->name];
	snprintf(base, sizeof base, "%s", c->s[0]->name);
	chart_clean(base);
	for (int a = 1; a < c->ns; a++) {
		const struct study_compare *cmp = &c->cmp[a - 1];
		char name[sizeof c->s[a]->name];
		snprintf(name, sizeof name, "%s", c->s[a]->name);
		chart_clean(name);
		for (int y = 0; y <= cmp->nyears; y++) {
			for (int lv = 0; lv < N_LEVELS; lv++) {
				const struct study_ccell *cc = study_compare_at(cmp, N_LINES, y,
										lv);
				fprintf(f, "%d,", a);
				csv_text(f, base);
				fputc(',', f);
				csv_text(f, name);
				fputc(',', f);
				if (y == cmp->nyears)
					fputs("all,", f);
				else
					fprintf(f, "%d,%d", cmp->first_year + y,
						cmp->first_year + y);
				fprintf(f, ",%s,%.2f,%.2f,%.2f,%.2f,%.2f\n", level_keys[lv],
					cc->base, cc->alt, cc->d.mean, cc->d.lo, cc->d.hi);
			}
		}
	}
}

int charts_compare(const char *dir, const struct chart_opts *co, struct scenario *const *s, int ns,
		   const struct study_compare *cmp, struct chart_notes *notes, char *err,
		   size_t errlen)
{
	if (notes)
		notes->n = 0;
	if (ns < 2)
		return 0;
	struct chart_foot ft;
	chart_footnote(co, cmp[0].reps, N_("%s paired replications a scenario"), "compare", &ft);
	struct compare_ctx c = {s, ns, cmp};
	enum chart_kind k = CHART_COMPARE;
	if (chart_files(dir, k, compare_csv, &c, co, &ft, err, errlen) != 0)
		return -1;
	return chart_draw(dir, co, &k, 1, notes, err, errlen);
}
