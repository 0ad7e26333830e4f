/* rules_entity.c - the lines paid to parks, projects, centres, districts,
 * talents, bases and enterprises: 第4条 to 第13条. */
#include <math.h>

#include "rules_impl.h"
#include "i18n.h"

static const char *const level_word[] = {N_("none"), N_("municipal"), N_("provincial"),
					 N_("national")};

/* NaN or negative (no figure) pays nothing, never the cap. */
static fen_t capped(double yuan, double cap)
{
	return yuan > 0 ? money_round(yuan < cap ? yuan : cap) : 0;
}

/* Rows before the policy: the entity was already supported (首贯标,
 * 首版次 and other once-only awards are not paid twice). */
static size_t history_rows(const struct policy *p, const struct entity_year *rows, size_t n)
{
	size_t h = 0;
	while (h < n && rows[h].year < p->start_year)
		h++;
	return h;
}

/* A granted amount from the data, or payout x cap when none is given. */
static double granted_or(double granted, double payout, double cap)
{
	if (isnan(granted))
		return payout * cap;
	return granted < cap ? granted : cap;
}

static double level_amount(const struct eline *e, enum level lv)
{
	switch (lv) {
	case LEVEL_NATIONAL:
		return e->national;
	case LEVEL_PROVINCIAL:
		return e->provincial;
	case LEVEL_MUNICIPAL:
		return e->municipal;
	default:
		return 0;
	}
}

/* 第4条 国家级/省级园区 300/200万; 第13条 省级/市级培训基地 100/50万. Once per
 * level; a later, higher rating is paid in full. */
static void by_level(const struct policy *p, const struct entity_year *rows, size_t n,
		     const struct award_sink *s)
{
	const struct eline *e = &p->e[rows[0].line];
	enum level held = LEVEL_NONE;
	for (size_t i = 0; i < n; i++) {
		const struct entity_year *r = &rows[i];
		if (r->level <= held)
			continue;
		held = r->level;
		AWARD(p, s, r->line, r->year, money_round(level_amount(e, r->level)),
		      "rated %s in %d", _(level_word[r->level]), r->year);
	}
}

/* 第5条: 按软件业务收入增量的2‰/1‰, 最高100/300万元, each year. */
static void by_increment(const struct policy *p, const struct entity_year *rows, size_t n,
			 const struct award_sink *s)
{
	const struct eline *e = &p->e[rows[0].line];
	enum level need = line_info(rows[0].line)->lo; /* the lowest designation that qualifies */
	for (size_t i = 1; i < n; i++) {
		const struct entity_year *r = &rows[i], *q = &rows[i - 1];
		if (q->year != r->year - 1 || (r->level != LEVEL_NONE && r->level < need))
			continue;
		double inc = r->base - q->base;
		if (!(inc > 0))
			continue;
		char a[WORDS_LEN], b[WORDS_LEN], c[WORDS_LEN];
		AWARD(p, s, r->line, r->year, capped(e->rate * inc, e->cap),
		      "software revenue up %s: %s of it, cap %s", words(inc, a),
		      share_fmt(e->rate, b), words(e->cap, c));
	}
}

/* Once per entity: the first row in the window that pays. */
static void once(const struct policy *p, const struct entity_year *rows, size_t n,
		 const struct award_sink *s)
{
	const struct eline *e = &p->e[rows[0].line];
	enum rule_kind kind = line_info(rows[0].line)->kind;
	if (history_rows(p, rows, n))
		return;
	for (size_t i = 0; i < n; i++) {
		const struct entity_year *r = &rows[i];
		char a[WORDS_LEN], b[WORDS_LEN], c[WORDS_LEN];
		bool paid;
		if (kind == RK_RATE)
			paid = AWARD(p, s, r->line, r->year, capped(e->rate * r->base, e->cap),
				     "%s of %s, cap %s", share_fmt(e->rate, a), words(r->base, b),
				     words(e->cap, c));
		else if (kind == RK_FIXED)
			paid = AWARD(p, s, r->line, r->year, money_round(e->amount),
				     "recognised in %d", r->year);
		else { /* RK_TEAM: 最高1000万元项目资助和最高300万元购房补贴 */
			double proj = granted_or(r->granted, e->payout, e->project_cap);
			double home = granted_or(r->housing, e->payout, e->housing_cap);
			paid = AWARD(p, s, r->line, r->year, money_round(proj) + money_round(home),
				     "project funding %s + housing %s", words(proj, a),
				     words(home, b));
		}
		if (paid)
			return;
	}
}

/* "Up to" lines: the granted amount (or payout x cap), at most max_awards
 * times (0: no limit). */
static void up_to(const struct policy *p, const struct entity_year *rows, size_t n,
		  const struct award_sink *s)
{
	const struct eline *e = &p->e[rows[0].line];
	int count = (int)history_rows(p, rows, n);
	for (size_t i = 0; i < n && (!e->max_awards || count < e->max_awards); i++) {
		const struct entity_year *r = &rows[i];
		double amt = granted_or(r->granted, e->payout, e->cap);
		char a[WORDS_LEN], b[WORDS_LEN];
		if (AWARD(p, s, r->line, r->year, money_round(amt), "%s %s (cap %s)",
			  isnan(r->granted) ? _("assumed") : _("granted"), words(amt, a),
			  words(e->cap, b)))
			count++;
	}
}

/* 第10条: 单个企业奖励最高不超过50万元 - a cap over the whole period. */
static void lifetime(const struct policy *p, const struct entity_year *rows, size_t n,
		     const struct award_sink *s)
{
	const struct eline *e = &p->e[rows[0].line];
	fen_t left = money_round(e->cap);
	for (size_t i = 0; i < n && left > 0; i++) {
		const struct entity_year *r = &rows[i];
		fen_t want = money_round(isnan(r->granted) ? e->payout * e->cap : r->granted);
		fen_t amt = want < left ? want : left;
		char a[WORDS_LEN], b[WORDS_LEN];
		if (AWARD(p, s, r->line, r->year, amt, "%s; %s of the %s cap left before",
			  isnan(r->granted) ? _("assumed") : _("granted"),
			  words((double)amt / 100, a), words((double)left / 100, b)))
			left -= amt;
	}
}

/* 第7条 每年最高480万元, 第13条 200万元, 连续支持不超过3年: support stops for
 * good after a failed review, a year without a row, or max_years paid.
 * Support begins in a policy year; its later years past the policy's last
 * are paid when [scenario] after_expiry = honour (a commitment made in the
 * policy period), not when stop. */
static void yearly(const struct policy *p, const struct entity_year *rows, size_t n,
		   const struct award_sink *s)
{
	const struct eline *e = &p->e[rows[0].line];
	bool fixed = line_info(rows[0].line)->pay == PAY_FIXED;
	int paid = 0, last = 0;
	for (size_t i = 0; i < n && paid < e->max_years; i++) {
		const struct entity_year *r = &rows[i];
		bool after = r->year >= p->start_year + p->years;
		if (r->year < p->start_year || (after && !paid))
			continue;
		if (after && p->after_expiry == AFTER_STOP)
			return;
		if (paid && r->year != last + 1)
			return; /* a gap breaks "consecutive" */
		if (!r->passed)
			return;
		double amt = fixed ? e->amount : granted_or(r->granted, e->payout, e->cap);
		fen_t f = money_round(amt);
		if (!(f > 0 && p->line[r->line].enabled))
			continue;
		char a[WORDS_LEN];
		award_make(p, s, r->line, r->year, f,
			   s->reasons
				   ? reason_fmt("year %d of support: %s%s", paid + 1, words(amt, a),
						after ? _("; after the policy's last year "
							  "(政策期满后, honoured)")
						      : "")
				   : "");
		paid++;
		last = r->year;
	}
}

void rules_entity(const struct policy *p, const struct entity_year *rows, size_t n,
		  const struct award_sink *sink)
{
	switch (line_info(rows[0].line)->kind) {
	case RK_LEVEL:
		by_level(p, rows, n, sink);
		break;
	case RK_INCREMENT:
		by_increment(p, rows, n, sink);
		break;
	case RK_RATE:
	case RK_FIXED:
	case RK_TEAM:
		once(p, rows, n, sink);
		break;
	case RK_UPTO:
		up_to(p, rows, n, sink);
		break;
	case RK_LIFETIME:
		lifetime(p, rows, n, sink);
		break;
	case RK_YEARLY:
		yearly(p, rows, n, sink);
		break;
	case RK_FIRM:
		break; /* firm lines go through rules_firm */
	}
}
