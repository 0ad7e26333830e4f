/* panel.c - the firm panel (POLICY.md, "The firm panel CSV"), as a CSV
 * file or a workbook, with the columns a bureau's own sheet has besides
 * (scenarios/README.md, "The firm panel"). */
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "district.h"
#include "inputs.h"
#include "load_impl.h"
#include "text.h"
#include "i18n.h"

enum {
	C_ID,
	C_YEAR,
	C_FOUNDED,
	C_ORIGIN,
	C_INDUSTRIAL,
	C_CAPITAL,
	C_EMPLOYEES,
	C_REVENUE,
	C_KEYDB,
	C_TOP100,
	C_NAME,
	C_CODE,
	C_DISTRICT,
	NCOLS
};

/* The English header, then the Chinese ones a bureau's sheet uses. */
static const struct csv_col cols[NCOLS] = {
	{"firm_id", true, "企业代码|企业编号", CSV_PLAIN, CSV_ID},
	{"year", true, "年度|年份", CSV_PLAIN, CSV_VALUE},
	{"founded", true, "成立年份|设立年份|落户年份", CSV_PLAIN, CSV_VALUE},
	{"origin", true, "企业来源|企业类型", CSV_PLAIN, CSV_VALUE},
	{"industrial", true, "工业软件企业|是否工业软件企业", CSV_PLAIN, CSV_VALUE},
	{"paid_capital", true, "实缴资本|实缴注册资本", CSV_YUAN, CSV_VALUE},
	{"employees", true, "从业人数|参保人数|社保缴纳人数", CSV_PERSONS, CSV_VALUE},
	{"revenue", true, "营业收入", CSV_YUAN, CSV_VALUE},
	{"key_db", true, "重点软件企业库|是否入库", CSV_PLAIN, CSV_VALUE},
	{"top100", true, "百强企业|是否百强", CSV_PLAIN, CSV_VALUE},
	/* read but not used by the rules */
	{"name", false, "企业名称", CSV_PLAIN, CSV_TEXT},
	{"credit_code", false, "统一社会信用代码|信用代码", CSV_PLAIN, CSV_ID},
	{"district", false, "所属区县|区县|所在地区|所属板块", CSV_PLAIN, CSV_VALUE},
};

/* index % 4 = enum origin; the Chinese words as a bureau writes them */
static const char *const origins[] = {"existing", "new",  "spinoff", "attracted", "存量",
				      "新设",     "分拆", "引进",    NULL};

/* A row as read: the engine's row and what only the panel keeps. */
struct panel_row {
	struct firm_year r;
	unsigned char district;
	char code[18]; /* its credit code (checked: 18 characters), or "" */
};

static int row(void *ctx, const char *const *f, const struct csv_where *w)
{
	struct loading *ld = ctx;
	struct firm_year r = {0};
	unsigned char district;
	int origin;
	if (load_id(w, f[C_ID], "firm_id") || field_credit_code(w, "credit_code", f[C_CODE]) ||
	    field_district(w, "district", f[C_DISTRICT], &district) ||
	    field_int(w, "year", f[C_YEAR], 1900, 2200, &r.year) ||
	    field_int(w, "founded", f[C_FOUNDED], 1900, 2200, &r.founded) ||
	    field_word(w, "origin", f[C_ORIGIN], origins, &origin) ||
	    field_flag(w, "industrial", f[C_INDUSTRIAL], false, &r.industrial) ||
	    field_money(w, "paid_capital", f[C_CAPITAL], &r.paid_capital) ||
	    field_int(w, "employees", f[C_EMPLOYEES], 0, 10000000, &r.employees) ||
	    field_money(w, "revenue", f[C_REVENUE], &r.revenue) ||
	    field_flag(w, "key_db", f[C_KEYDB], false, &r.key_db) ||
	    field_flag(w, "top100", f[C_TOP100], false, &r.top100))
		return -1;
	if (r.year < r.founded)
		return csv_fail(w, _("year %d is before founded %d"), r.year, r.founded);
	r.origin = (enum origin)(origin % 4);
	struct panel_row *slot = load_push(ld, w, f[C_ID], 0, r.year, sizeof *slot);
	if (!slot)
		return -1;
	*slot = (struct panel_row){.r = r, .district = district};
	if (f[C_CODE] && *f[C_CODE])
		memcpy(slot->code, f[C_CODE], sizeof slot->code);
	return 0;
}

/* One firm_id with two credit codes is two enterprises taken for one
 * (or a code mistyped): refused, naming both lines. A row without a code
 * says nothing. */
static int one_code_per_firm(const struct panel *p, const struct panel_row *pr, const char *path,
			     char *err, size_t errlen)
{
	for (size_t g = 0; g < p->firms.count; g++) {
		size_t first = p->firms.start[g + 1];
		for (size_t i = p->firms.start[g]; i < p->firms.start[g + 1]; i++) {
			if (!pr[i].code[0])
				continue;
			if (first == p->firms.start[g + 1]) {
				first = i;
				continue;
			}
			if (memcmp(pr[i].code, pr[first].code, 18) == 0)
				continue;
			snprintf(
				err, errlen,
				_("%s:%d: firm %s has credit code %.18s, but %.18s on line %d: one "
				  "firm_id is one enterprise (correct the code, or give two "
				  "enterprises two firm_ids)"),
				path, p->src_line[i], group_id(&p->firms, g), pr[i].code,
				pr[first].code, p->src_line[first]);
			text_escape(err, errlen);
			return -1;
		}
	}
	return 0;
}

/* founded, origin and industrial describe the firm: every row must agree. */
static int consistent(const struct panel *p, const char *path, char *err, size_t errlen)
{
	for (size_t g = 0; g < p->firms.count; g++) {
		for (size_t i = p->firms.start[g] + 1; i < p->firms.start[g + 1]; i++) {
			const struct firm_year *a = &p->rows[p->firms.start[g]], *b = &p->rows[i];
			const char *what = a->founded != b->founded         ? "founded"
					   : a->origin != b->origin         ? "origin"
					   : a->industrial != b->industrial ? "industrial"
									    : NULL;
			if (what) {
				snprintf(err, errlen, _("%s:%d: firm %s: %s differs from line %d"),
					 path, p->src_line[i], group_id(&p->firms, g), what,
					 p->src_line[p->firms.start[g]]);
				text_escape(err, errlen); /* the id may hold a newline */
				return -1;
			}
		}
	}
	return 0;
}

/* A row with a credit code, for finding one code under two firms. */
struct code_ref {
	const char *code; /* 18 characters, not NUL-ended */
	size_t firm;      /* its group */
	int line;
};

static int code_cmp(const void *a, const void *b)
{
	const struct code_ref *x = a, *y = b;
	int c = memcmp(x->code, y->code, 18);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* A credit code names one enterprise: under two firm_ids its awards
 * would be paid twice. The error names both lines. */
static int one_firm_per_code(const struct panel *p, const struct panel_row *pr, const char *path,
			     char *err, size_t errlen)
{
	struct code_ref *refs = malloc((p->n ? p->n : 1) * sizeof *refs);
	if (!refs) {
		snprintf(err, errlen, _("%s: out of memory"), path);
		text_escape(err, errlen);
		return -1;
	}
	size_t n = 0;
	for (size_t g = 0; g < p->firms.count; g++)
		for (size_t i = p->firms.start[g]; i < p->firms.start[g + 1]; i++)
			if (pr[i].code[0])
				refs[n++] = (struct code_ref){pr[i].code, g, p->src_line[i]};
	if (n)
		qsort(refs, n, sizeof *refs, code_cmp);
	int rc = 0;
	for (size_t i = 1, first = 0; i < n && !rc; i++) {
		if (memcmp(refs[i].code, refs[first].code, 18) != 0)
			first = i;
		else if (refs[i].firm != refs[first].firm)
			rc = -1;
		if (rc)
			snprintf(
				err, errlen,
				_("%s:%d: firm %s has credit code %.18s, which is firm %s's on line "
				  "%d: one enterprise under two firm_ids would be paid twice (give "
				  "it one firm_id)"),
				path, refs[i].line, group_id(&p->firms, refs[i].firm), refs[i].code,
				group_id(&p->firms, refs[first].firm), refs[first].line);
	}
	free(refs);
	if (rc)
		text_escape(err, errlen); /* the ids may hold a newline */
	return rc;
}

int panel_load(const char *path, struct panel *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	struct loading ld = {0};
	void *rows;
	if (load_run(&ld, path, cols, NCOLS, row, sizeof(struct panel_row), "firm", &rows,
		     &out->src_line, &out->n, &out->firms, out->note, sizeof out->note, err,
		     errlen) != 0)
		return -1;
	const struct panel_row *pr = rows;
	out->rows = malloc((out->n ? out->n : 1) * sizeof *out->rows);
	out->district = malloc(out->n ? out->n : 1);
	if (!out->rows || !out->district) {
		free(rows);
		panel_free(out);
		snprintf(err, errlen, _("%s: out of memory"), path);
		text_escape(err, errlen);
		return -1;
	}
	for (size_t i = 0; i < out->n; i++) {
		out->rows[i] = pr[i].r;
		out->district[i] = pr[i].district;
	}
	int rc = one_firm_per_code(out, pr, path, err, errlen);
	if (rc == 0)
		rc = one_code_per_firm(out, pr, path, err, errlen);
	free(rows);
	if (rc != 0 || consistent(out, path, err, errlen) != 0) {
		panel_free(out);
		return -1;
	}
	return 0;
}

void panel_free(struct panel *p)
{
	free(p->rows);
	free(p->src_line);
	free(p->district);
	groups_free(&p->firms);
	memset(p, 0, sizeof *p);
}
