/* rules_firm.c - the firm lines: 第1条 (M1A, M1B), 第2条 (M2), 第3条 (M3A-C). */
#include <limits.h>
#include <math.h>

#include "rules_impl.h"
#include "i18n.h"

static fen_t capped(double yuan, double cap)
{
	return yuan > 0 ? money_round(yuan < cap ? yuan : cap) : 0;
}

/* Highest M2 tier whose staff and revenue the row both meet (0: none). */
static int m2_tier(const struct policy *p, const struct firm_year *r)
{
	int k = 0;
	for (int t = 0; t < p->m2.ntiers; t++)
		if (r->employees >= p->m2.tier[t].employees && r->revenue >= p->m2.tier[t].revenue)
			k = t + 1;
	return k;
}

static int m3a_tier(const struct policy *p, double revenue)
{
	int k = 0;
	for (int t = 0; t < p->m3a.ntiers; t++)
		if (revenue >= p->m3a.tier[t].revenue)
			k = t + 1;
	return k;
}

struct firm_state {
	bool m1_ok;              /* attracted, industrial, settled in a policy year */
	bool m1a_done, m1b_done; /* M1A: granted, not merely earned */
	double m1b_sum;          /* revenue over the M1B window so far */
	int m2_best;             /* highest M2 tier reached (history counts as paid) */
	int m2_year;             /* the year it was reached */
	int m3a_best;            /* highest M3A tier ever reached */
	fen_t m3a_paid;          /* what M3A has paid within the policy */
	bool listed;             /* in a top-100 list in an earlier row */
	/* founded before the policy, no row before it: M2 and M3A tiers and
	 * M3B listings before it taken as not reached, said in each reason */
	bool no_history;
	int m3c_count;
	unsigned lines; /* the lines whose awards are made (rules_firm_lines) */
};

static bool made(const struct firm_state *st, enum line_id l)
{
	return st->lines >> l & 1u;
}

/* The flag of an M2, M3A or M3B reason that rests on taking a firm with
 * no row before the policy as never having reached a tier or a list. */
static const char *as_first(const struct firm_state *st)
{
	return st->no_history ? _(" (no data before the policy: taken as a first)") : "";
}

/* 第1条: 实缴注册资本不低于1000万元, 社保员工50人以上, 按注册资本5%给予最高100万元. */
static void m1a(const struct policy *p, struct firm_state *st, const struct firm_year *f,
		const struct firm_year *r, const struct award_sink *s)
{
	if (!st->m1_ok || st->m1a_done || r->year < f->founded ||
	    r->year >= f->founded + p->m1a.employee_window_years)
		return;
	if (r->paid_capital < p->m1a.min_paid_capital || r->employees < p->m1a.min_employees)
		return;
	fen_t amt = capped(p->m1a.rate * r->paid_capital, p->m1a.cap);
	if (!made(st, L_M1A)) { /* run for M1B only: whether it is granted */
		st->m1a_done = award_due(p, L_M1A, r->year, amt);
		return;
	}
	char a[WORDS_LEN], b[WORDS_LEN], c[WORDS_LEN], d[WORDS_LEN];
	/* M1B's 再给予 needs M1A granted, not merely earned: mark it when paid */
	st->m1a_done = AWARD(p, s, L_M1A, r->year, amt,
			     "paid-in capital %s, staff %d: %s x %s = %s%s%s",
			     words(r->paid_capital, a), r->employees, share_fmt(p->m1a.rate, b), a,
			     words(p->m1a.rate * r->paid_capital, c),
			     p->m1a.rate * r->paid_capital > p->m1a.cap ? _(", capped at ") : "",
			     p->m1a.rate * r->paid_capital > p->m1a.cap ? words(p->m1a.cap, d)
									: "");
}

/* 第1条: 落户3年内, 累计营业收入达到2亿元的, 再给予最高200万元奖励. */
static void m1b(const struct rules_prep *rp, struct firm_state *st, const struct firm_year *f,
		const struct firm_year *r, const struct award_sink *s)
{
	const struct policy *p = rp->p;
	if (!st->m1_ok || st->m1b_done || r->year < f->founded ||
	    r->year >= f->founded + p->m1b.window_years)
		return;
	st->m1b_sum += r->revenue;
	if (st->m1b_sum < p->m1b.min_cumulative_revenue)
		return;
	if (p->m1b.requires_m1a && !st->m1a_done)
		return;
	st->m1b_done = true;
	char a[WORDS_LEN], b[WORDS_LEN];
	char c[WORDS_LEN];
	AWARD(p, s, L_M1B, r->year, rp->m1b_fen, "revenue %s over %d-%d reached %s: %s",
	      words(st->m1b_sum, a), f->founded, r->year, words(p->m1b.min_cumulative_revenue, b),
	      words(p->m1b.amount * p->m1b.payout, c));
}

/* 第2条: 员工数和营业收入同时达到20人和2000万元、50人和5000万元. */
static void m2(const struct rules_prep *rp, struct firm_state *st, const struct firm_year *r,
	       const struct award_sink *s)
{
	const struct policy *p = rp->p;
	int k = m2_tier(p, r);
	if (k <= st->m2_best)
		return;
	const struct tier *t = p->m2.tier;
	fen_t amt = 0;
	switch (p->m2.mode) {
	case M2_TOPUP:
		amt = rp->m2_fen[k] - rp->m2_fen[st->m2_best];
		break;
	case M2_EACH: /* at most 6 tiers of MONEY_MAX: no overflow */
		for (int j = st->m2_best + 1; j <= k; j++)
			amt += rp->m2_fen[j];
		break;
	case M2_ONCE:
		amt = st->m2_best ? 0 : rp->m2_fen[k];
		break;
	}
	int before = st->m2_best;
	int since = st->m2_year;
	st->m2_best = k; /* a tier reached in history counts as awarded */
	st->m2_year = r->year;
	char a[WORDS_LEN], b[WORDS_LEN], c[WORDS_LEN], d[WORDS_LEN];
	if (p->m2.mode == M2_TOPUP && before) /* what the top-up is measured against, as M3A */
		AWARD(p, s, L_M2, r->year, amt,
		      "staff %d, revenue %s reached tier %d (%g/%s); top-up %s-%s (tier %d "
		      "reached in %d)%s",
		      r->employees, words(r->revenue, a), k, t[k - 1].employees,
		      words(t[k - 1].revenue, b), words((double)rp->m2_fen[k] / 100, c),
		      words((double)rp->m2_fen[before] / 100, d), before, since, as_first(st));
	else
		AWARD(p, s, L_M2, r->year, amt,
		      "staff %d, revenue %s reached tier %d (%g/%s): %s%s", r->employees,
		      words(r->revenue, a), k, t[k - 1].employees, words(t[k - 1].revenue, b),
		      words((double)amt / 100, c), as_first(st));
}

/* 第3条: 营业收入首次达到1亿元、5亿元、10亿元, 给予200万元、300万元、500万元的进档补差奖励. */
static void m3a(const struct rules_prep *rp, struct firm_state *st, const struct firm_year *r,
		const struct award_sink *s)
{
	const struct policy *p = rp->p;
	int k = m3a_tier(p, r->revenue);
	if (k <= st->m3a_best)
		return;
	const struct tier *t = p->m3a.tier;
	fen_t credit = p->m3a.pre_policy_credit ? rp->m3a_fen[st->m3a_best] : st->m3a_paid;
	fen_t amt = rp->m3a_fen[k] - credit;
	st->m3a_best = k;
	char a[WORDS_LEN], b[WORDS_LEN], c[WORDS_LEN], d[WORDS_LEN];
	if (AWARD(p, s, L_M3A, r->year, amt,
		  "revenue %s first reached tier %d (%s); top-up %s-%s%s", words(r->revenue, a), k,
		  words(t[k - 1].revenue, b), words((double)rp->m3a_fen[k] / 100, c),
		  words((double)credit / 100, d), as_first(st)))
		st->m3a_paid += amt;
}

/* 第3条: 首次入选百强 500万元. The caller sees to a row in a list when
 * none before was. */
static void m3b(const struct rules_prep *rp, struct firm_state *st, const struct firm_year *r,
		const struct award_sink *s)
{
	const struct policy *p = rp->p;
	st->listed = true;
	AWARD(p, s, L_M3B, r->year, rp->m3b_fen, "first listed in a top-100 list in %d: %s%s",
	      r->year, words(p->m3b.amount, (char[WORDS_LEN]){0}), as_first(st));
}

/* 第3条: 重点软件企业库企业, 营业收入较上一年度增幅超过50%, 最高100万元. */
static void m3c(const struct rules_prep *rp, struct firm_state *st, const struct firm_year *r,
		const struct firm_year *prev, const struct award_sink *s)
{
	const struct policy *p = rp->p;
	if (!prev || prev->year != r->year - 1 || !(prev->revenue > 0))
		return;
	if (p->m3c.max_awards && st->m3c_count >= p->m3c.max_awards)
		return;
	/* compare to the fen so that exactly +50% is not "more than 50%"; in
	 * doubles, as a simulated revenue can grow past what fen_t holds */
	double gain = (r->revenue - prev->revenue) * 100,
	       bar = p->m3c.min_growth * prev->revenue * 100;
	/* rounding moves each by at most half a fen: more than a fen apart,
	 * the difference decides (a NaN or inf one falls through to rounding) */
	double apart = gain - bar;
	if (apart < -1)
		return;
	if (!(apart > 1) && !(round_half_away(gain) > round_half_away(bar)))
		return;
	char a[WORDS_LEN], b[WORDS_LEN], c[WORDS_LEN];
	double amt = p->m3c.amount * p->m3c.payout;
	if (AWARD(p, s, L_M3C, r->year, rp->m3c_fen,
		  "key-database firm, revenue %s after %s: +%.1f%%: %s", words(r->revenue, a),
		  words(prev->revenue, b), 100 * (r->revenue / prev->revenue - 1), words(amt, c)))
		st->m3c_count++;
}

/* The lines in the order the rules give awards: each line's test, most
 * often failed first, before its call, so that a row no line pays costs a
 * few compares. */
void rules_firm_lines(const struct rules_prep *rp, const struct firm_year *rows, size_t n,
		      const struct award_sink *sink, unsigned lines)
{
	const struct policy *p = rp->p;
	const struct firm_year *f = &rows[0];
	struct firm_state st = {
		.m1_ok = f->origin == ORIGIN_ATTRACTED && f->industrial &&
			 f->founded >= p->start_year,
		.lines = lines,
		.no_history = f->founded < p->start_year && f->year >= p->start_year,
	};
	unsigned run = lines; /* the rules to run: M1B reads whether M1A was granted */
	if (run >> L_M1B & 1u)
		run |= 1u << L_M1A;
	if (!st.m1_ok) /* 第1条 pays attracted industrial firms only */
		run &= ~(1u << L_M1A | 1u << L_M1B);
	bool newfirm = f->origin == ORIGIN_NEW || f->origin == ORIGIN_SPINOFF ||
		       (f->origin == ORIGIN_ATTRACTED && !p->m2.exclude_m1);
	/* M2's years: from founded, window_years of them (none if not new) */
	int m2_from = f->founded, m2_to = newfirm ? f->founded + p->m2.window_years : INT_MIN;
	/* Rows before the policy (history: a stock firm's first) pay nothing:
	 * M1 and M3C pass them over, M2, M3A and M3B only count a tier reached
	 * or a listing as awarded. Their own loop, without the branch on each
	 * line's bar, which the processor mispredicts for about one stock
	 * firm in two. */
	size_t i = 0;
	for (; run && i < n && rows[i].year < p->start_year; i++) {
		const struct firm_year *r = &rows[i];
		if ((run >> L_M2 & 1u) && r->year >= m2_from && r->year < m2_to) {
			int k = m2_tier(p, r); /* selects, not a branch (see above) */
			st.m2_year = k > st.m2_best ? r->year : st.m2_year;
			st.m2_best = k > st.m2_best ? k : st.m2_best;
		}
		if (run >> L_M3A & 1u) {
			int k = m3a_tier(p, r->revenue);
			st.m3a_best = k > st.m3a_best ? k : st.m3a_best;
		}
		st.listed |= (run >> L_M3B & 1u) & r->top100;
	}
	for (; run && i < n; i++) {
		const struct firm_year *r = &rows[i];
		if (r->year >= rp->end_year)
			break; /* nothing after the window can pay */
		if (run >> L_M1A & 1u)
			m1a(p, &st, f, r, sink);
		if (run >> L_M1B & 1u)
			m1b(rp, &st, f, r, sink);
		/* no tier above the best: m2_tier and m3a_tier could not pass it */
		if ((run >> L_M2 & 1u) && r->year >= m2_from && r->year < m2_to &&
		    r->revenue >= rp->m2_rev[st.m2_best] &&
		    (double)r->employees >= rp->m2_emp[st.m2_best])
			m2(rp, &st, r, sink);
		if ((run >> L_M3A & 1u) && r->revenue >= rp->m3a_rev[st.m3a_best])
			m3a(rp, &st, r, sink);
		if ((run >> L_M3B & 1u) && r->top100 && !st.listed)
			m3b(rp, &st, r, sink);
		/* M3C needs the row before, and changes nothing unless it pays:
		 * never before the policy */
		if ((run >> L_M3C & 1u) && r->key_db & (i > 0) & (r->year >= p->start_year))
			m3c(rp, &st, r, &rows[i - 1], sink);
	}
}

void rules_firm_prep(const struct rules_prep *rp, const struct firm_year *rows, size_t n,
		     const struct award_sink *sink)
{
	rules_firm_lines(rp, rows, n, sink, RULES_FIRM_ALL);
}

void rules_firm(const struct policy *p, const struct firm_year *rows, size_t n,
		const struct award_sink *sink)
{
	struct rules_prep rp;
	rules_prepare_firm(p, &rp);
	rules_firm_prep(&rp, rows, n, sink);
}
