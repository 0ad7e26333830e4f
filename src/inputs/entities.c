/* entities.c - the entities CSV: parks, projects, centres, districts,
 * talents, bases and enterprises applying under lines M4 ... M13B.
 * Format: scenarios/README.md, "The entities CSV". */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "inputs.h"
#include "load_impl.h"
#include "i18n.h"

enum {
	C_ID,
	C_LINE,
	C_YEAR,
	C_LEVEL,
	C_BASE,
	C_GRANTED,
	C_HOUSING,
	C_PASSED,
	C_STATUS,
	C_NAME,
	C_CODE,
	C_DISTRICT,
	NCOLS
};

/* The English header, then the Chinese ones a bureau's sheet uses. */
static const struct csv_col cols[NCOLS] = {
	{"entity_id", true, "主体代码|主体编号|项目编号", CSV_PLAIN, CSV_ID},
	{"line", true, "奖补条目|政策条目", CSV_PLAIN, CSV_VALUE},
	{"year", true, "年度|年份", CSV_PLAIN, CSV_VALUE},
	{"level", false, "级别|认定级别", CSV_PLAIN, CSV_VALUE},
	{"base", false, "计算基数|基数", CSV_YUAN, CSV_VALUE},
	{"granted", false, "核定金额|核定资助金额", CSV_YUAN, CSV_VALUE},
	{"housing", false, "住房补贴", CSV_YUAN, CSV_VALUE},
	{"passed", false, "考核通过|是否通过考核", CSV_PLAIN, CSV_VALUE},
	{"status", false, "状态|审批状态|项目状态", CSV_PLAIN, CSV_VALUE},
	/* read but not used by the rules */
	{"name", false, "名称|主体名称|项目名称|企业名称", CSV_PLAIN, CSV_TEXT},
	{"credit_code", false, "统一社会信用代码|信用代码", CSV_PLAIN, CSV_ID},
	/* where the recipient is: its district's sharing rule, by_district */
	{"district", false, "所属区县|区县|所在地区|所属板块", CSV_PLAIN, CSV_VALUE},
};

/* index = enum level; Chinese words as the bureau writes them */
static const char *const levels[] = {"",     "municipal", "provincial", "national",
				     "市级", "省级",      "国家级",     NULL};

/* enum entity_status by index / 4: English, then the bureau's words */
static const char *const statuses[] = {"approved", "已批准", "已立项", "已核定",  "paid",
				       "已拨付",   "已支付", "已兑现", "pending", "待审",
				       "申报中",   "审核中", NULL};

/* Which columns a line reads. A value in a column the line does not
 * read is an error: it would otherwise be silently ignored. */
struct needs {
	bool level, base, granted, housing, passed;
	enum level min_level, max_level; /* allowed levels when given */
};

static struct needs needs_of(enum line_id l)
{
	const struct line_info *li = line_info(l);
	/* the levels an entity of the line may hold (lines.def) */
	struct needs n = {.min_level = li->lo, .max_level = li->hi};
	switch (li->kind) {
	case RK_LEVEL:
		n.level = true;
		break;
	case RK_INCREMENT:
		n.base = true; /* 市级及以上 special park; 省级及以上 软件名园 */
		break;
	case RK_RATE:
		n.base = true;
		break;
	case RK_UPTO:
	case RK_LIFETIME:
		n.granted = true;
		break;
	case RK_YEARLY:
		n.granted = li->pay == PAY_GRANTED; /* a fixed amount a year takes none */
		n.passed = true;
		break;
	case RK_TEAM:
		n.granted = n.housing = true;
		break;
	default:
		break;
	}
	return n;
}

static bool given(const char *f)
{
	return f && *f;
}

static int unused(const struct csv_where *w, const char *col, enum line_id l)
{
	return csv_fail(w, _("column %s: %s does not use it (leave the cell empty)"), col,
			line_info(l)->name);
}

static int row(void *ctx, const char *const *f, const struct csv_where *w)
{
	struct loading *ld = ctx;
	struct entity_year r = {.base = NAN, .granted = NAN, .housing = NAN, .passed = true};
	unsigned char where;
	if (load_id(w, f[C_ID], "entity_id") || field_credit_code(w, "credit_code", f[C_CODE]) ||
	    field_district(w, "district", f[C_DISTRICT], &where))
		return -1;
	r.where = where;
	int l = given(f[C_LINE]) ? line_by_name(f[C_LINE]) : -1;
	if (l < 0)
		return csv_fail(
			w, _("column line: \"%s\" is not an award line (expected M4 ... M13B)"),
			f[C_LINE] ? f[C_LINE] : "");
	if (l < N_FIRM_LINES)
		return csv_fail(w,
				_("column line: %s is a firm line: it belongs in the firm panel "
				  "(--firms)"),
				line_info(l)->name);
	r.line = (enum line_id)l;
	if (field_int(w, "year", f[C_YEAR], 1900, 2200, &r.year))
		return -1;
	struct needs nd = needs_of(r.line);
	if (given(f[C_LEVEL])) {
		int lv;
		if (field_word(w, "level", f[C_LEVEL], levels, &lv))
			return -1;
		r.level = (enum level)(lv > LEVEL_NATIONAL ? lv - LEVEL_NATIONAL : lv);
		if (!nd.max_level)
			return unused(w, "level", r.line);
		if (r.level < nd.min_level || r.level > nd.max_level)
			return csv_fail(w, _("column level: %s has no %s level (valid: %s to %s)"),
					line_info(r.line)->name, f[C_LEVEL], levels[nd.min_level],
					levels[nd.max_level]);
	} else if (nd.level) {
		return csv_fail(w, _("column level: empty, but %s needs it (%s to %s)"),
				line_info(r.line)->name, levels[nd.min_level],
				levels[nd.max_level]);
	}
	if (nd.base            ? field_money(w, "base", f[C_BASE], &r.base)
	    : given(f[C_BASE]) ? unused(w, "base", r.line)
			       : 0)
		return -1;
	if (nd.granted            ? field_money_opt(w, "granted", f[C_GRANTED], &r.granted)
	    : given(f[C_GRANTED]) ? unused(w, "granted", r.line)
				  : 0)
		return -1;
	if (nd.housing            ? field_money_opt(w, "housing", f[C_HOUSING], &r.housing)
	    : given(f[C_HOUSING]) ? unused(w, "housing", r.line)
				  : 0)
		return -1;
	if (nd.passed ? given(f[C_PASSED]) && field_flag(w, "passed", f[C_PASSED], true, &r.passed)
	    : given(f[C_PASSED]) ? unused(w, "passed", r.line)
				 : 0)
		return -1;
	if (given(f[C_STATUS])) {
		int st;
		if (field_word(w, "status", f[C_STATUS], statuses, &st))
			return -1;
		r.status = (enum entity_status)(st / 4);
	}
	struct entity_year *slot = load_push(ld, w, f[C_ID], l, r.year, sizeof r);
	if (!slot)
		return -1;
	*slot = r;
	return 0;
}

int entities_load(const char *path, struct entities *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	struct loading ld = {0};
	void *rows;
	if (load_run(&ld, path, cols, NCOLS, row, sizeof(struct entity_year), "entity", &rows,
		     &out->src_line, &out->n, &out->groups, out->note, sizeof out->note, err,
		     errlen) != 0)
		return -1;
	out->rows = rows;
	return 0;
}

void entities_free(struct entities *e)
{
	free(e->rows);
	free(e->src_line);
	groups_free(&e->groups);
	memset(e, 0, sizeof *e);
}
