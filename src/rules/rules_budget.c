/* rules_budget.c - policy on the awards of a year, after the lines have
 * made them: the tax cap ([taxcap]) and 总量控制 ([budget] rule = prorata).
 * Pure arithmetic in fen, shared by `award` (on each award) and the Monte
 * Carlo run (on what the lines add up to). */
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rules_impl.h"

/* Scale a's amount and its levels by f, to the fen. The amount is rounded
 * to the fen; each level is rounded down, and the fen short of the amount
 * go one each to the levels with the largest fractions dropped (ties:
 * municipal, district, provincial; the city takes the rounding, as in
 * rules_split). So the levels add
 * up to the amount, each is within a fen of its exact share, and a level
 * that paid nothing of the award still pays nothing. */
static void scale(struct award *a, double f)
{
	fen_t *lv[3] = {&a->provincial, &a->municipal, &a->district};
	double frac[3];
	bool pays[3];
	fen_t tot = fen_round((double)a->amount * f), sum = 0;
	for (int j = 0; j < 3; j++) {
		double x = (double)*lv[j] * f, fl = floor(x);
		pays[j] = *lv[j] > 0; /* a level that paid nothing never takes a fen */
		frac[j] = x - fl;
		*lv[j] = (fen_t)fl;
		sum += *lv[j];
	}
	a->amount = tot;
	static const int order[3] = {1, 2, 0}; /* municipal, district, provincial */
	for (fen_t left = tot - sum; left > 0; left--) {
		int best = -1;
		for (int k = 0; k < 3; k++) {
			int j = order[k];
			if (pays[j] && (best < 0 || frac[j] > frac[best]))
				best = j;
		}
		if (best < 0) { /* no level paid: not for an amount > 0 */
			a->amount = sum;
			break;
		}
		++*lv[best];
		frac[best] -= 1; /* one fen each before any takes a second */
	}
	/* floors past the rounded amount (only by a double's error): take it
	 * off the largest level */
	for (fen_t over = sum - tot; over > 0; over--) {
		fen_t *big = lv[0];
		for (int j = 1; j < 3; j++)
			big = *lv[j] > *big ? lv[j] : big;
		--*big;
	}
}

/* Add a note to a reason that has words (Monte Carlo passes none); whole
 * or not at all, never cutting a character of UTF-8 in two. */
static void note(struct award *a, const char *text)
{
	size_t k = strlen(a->reason);
	if (k && k + strlen(text) < sizeof a->reason)
		memcpy(a->reason + k, text, strlen(text) + 1);
}

void rules_taxcap(const struct policy *p, const struct firm_year *rows, size_t n,
		  struct award *const *a, size_t na)
{
	if (!p->model.taxcap.enabled)
		return;
	for (size_t i = 0; i < na;) {
		int year = a[i]->year;
		size_t j = i;
		fen_t sum = 0;
		while (j < na && a[j]->year == year)
			sum += a[j++]->amount;
		double revenue = 0; /* no row that year: no revenue, no tax */
		for (size_t k = 0; k < n; k++)
			if (rows[k].year == year)
				revenue = rows[k].revenue;
		fen_t cap = money_round(p->model.taxcap.rate * revenue);
		for (size_t k = i; sum > cap && k < j; k++) {
			/* the same arithmetic as rules_split, so levels keep their shares */
			a[k]->amount = fen_round((double)a[k]->amount * (double)cap / (double)sum);
			rules_split(p, a[k]);
			char w[WORDS_LEN];
			if (a[k]->reason[0])
				note(a[k], reason_fmt("; tax cap %s", words((double)cap / 100, w)));
		}
		i = j;
	}
}

fen_t rules_prorata(const struct policy *p, struct award *const *a, size_t n)
{
	double env = p->model.budget.annual_total;
	if (p->model.budget.rule != BUDGET_PRORATA || env <= 0 || n == 0)
		return 0;
	fen_t total = 0, envf = money_round(env);
	double dtotal = 0; /* a ledger's year may hold more awards than int64 fen can sum */
	bool wrapped = false;
	for (size_t i = 0; i < n; i++) {
		wrapped |= __builtin_add_overflow(total, a[i]->amount, &total);
		dtotal += (double)a[i]->amount;
	}
	if (wrapped)
		total = FEN_MAX;
	if (total <= envf)
		return 0;
	double f = (double)envf / (wrapped ? dtotal : (double)total);
	fen_t kept = 0;
	size_t big = 0;
	for (size_t i = 0; i < n; i++) {
		scale(a[i], f);
		kept += a[i]->amount;
		if (a[i]->amount > a[big]->amount)
			big = i;
	}
	if (kept > envf) { /* rounding up by a few fen: take it off the largest award, */
		struct award *b = a[big]; /* from its largest level so none goes negative */
		fen_t *lv = &b->provincial;
		if (b->municipal > *lv)
			lv = &b->municipal;
		if (b->district > *lv)
			lv = &b->district;
		b->amount -= kept - envf;
		*lv -= kept - envf;
		kept = envf;
	}
	for (size_t i = 0; i < n; i++)
		if (a[i]->reason[0])
			note(a[i], reason_fmt("; 总量控制 x%.4f", f));
	return total - kept;
}

/* Pay the awards a[0..n) at most room fen together: each level of each
 * award scaled by room / due and rounded down, then the fen short of room
 * added back level by level in order, never past what was due. Returns
 * what is paid: min(room, due). Levels add up, none goes negative. */
static fen_t fit(struct award *const *a, size_t n, fen_t due, fen_t room)
{
	if (due <= room)
		return due;
	fen_t paid = 0;
	for (size_t i = 0; i < n; i++) {
		fen_t *lv[3] = {&a[i]->provincial, &a[i]->municipal, &a[i]->district};
		a[i]->amount = 0;
		for (int j = 0; j < 3; j++) {
			*lv[j] = (fen_t)(((__int128)*lv[j] * room) / due);
			a[i]->amount += *lv[j];
		}
		paid += a[i]->amount;
	}
	return paid;
}

/* Add back up to short fen to a's levels, up to was's. */
static fen_t top_up(struct award *a, const struct award *was, fen_t short_by)
{
	fen_t *lv[3] = {&a->provincial, &a->municipal, &a->district};
	const fen_t full[3] = {was->provincial, was->municipal, was->district};
	fen_t added = 0;
	for (int j = 0; j < 3 && added < short_by; j++) {
		fen_t room = full[j] - *lv[j];
		fen_t add = room < short_by - added ? room : short_by - added;
		*lv[j] += add;
		added += add;
	}
	a->amount += added;
	return added;
}

/* Sum of a group's amounts, saturating: a ledger's year may pass FEN_MAX. */
static fen_t group_sum(struct award *const *a, size_t n)
{
	fen_t s = 0;
	for (size_t i = 0; i < n; i++)
		if (__builtin_add_overflow(s, a[i]->amount, &s))
			return FEN_MAX;
	return s;
}

/* One group paid from what is left of the envelope; was: the group's
 * awards as due (same order). */
static fen_t pay_group(struct award *const *a, const struct award *was, size_t n, fen_t *left)
{
	fen_t due = group_sum(a, n);
	fen_t paid = fit(a, n, due, *left);
	for (size_t i = 0; i < n && paid < *left && paid < due; i++)
		paid += top_up(a[i], &was[i], (*left < due ? *left : due) - paid);
	*left -= paid;
	return paid;
}

int rules_envelope(const struct policy *p, struct award *const *a, size_t nc, size_t n,
		   struct award *was, struct award **group, struct envelope_year *out)
{
	const struct model *m = &p->model;
	memset(out, 0, sizeof *out);
	bool on = (m->budget.rule == BUDGET_PRORATA || m->budget.rule == BUDGET_PRIORITY) &&
		  m->budget.annual_total > 0;
	for (size_t i = 0; i < n; i++) {
		was[i] = *a[i];
		fen_t *s = i < nc ? &out->carried_in : &out->due;
		if (__builtin_add_overflow(*s, a[i]->amount, s))
			return -1;
	}
	if (!on)
		return 0;
	fen_t left = money_round(m->budget.annual_total);
	/* the groups in order: what was carried in, each priority line, the rest */
	int order[N_LINES + 2], ng = 0;
	order[ng++] = -2;
	for (int k = 0; m->budget.rule == BUDGET_PRIORITY && k < m->budget.priority.n; k++)
		order[ng++] = m->budget.priority.line[k];
	order[ng++] = -1;
	bool *listed = (bool[N_LINES]){0};
	for (int k = 1; k < ng - 1; k++)
		listed[order[k]] = true;
	for (int g = 0; g < ng; g++) {
		size_t k = 0;
		struct award *w0 = NULL;
		/* gather the group's awards and their due amounts, side by side */
		for (size_t i = 0; i < n; i++) {
			bool in = order[g] == -2   ? i < nc
				  : order[g] == -1 ? i >= nc && !listed[a[i]->line]
						   : i >= nc && (int)a[i]->line == order[g];
			if (in)
				group[k++] = a[i];
		}
		if (k == 0)
			continue;
		/* was[] is in a's order: copy the group's into the scratch tail */
		w0 = &was[n];
		for (size_t j = 0, i = 0; i < n && j < k; i++)
			if (a[i] == group[j])
				w0[j++] = was[i];
		pay_group(group, w0, k, &left);
	}
	for (size_t i = 0; i < n; i++) {
		fen_t cut = was[i].amount - a[i]->amount;
		out->cut += cut;
		if (a[i]->reason[0] && cut > 0) {
			char c[WORDS_LEN];
			note(a[i],
			     reason_fmt("; 总量控制 %s cut%s", words((double)cut / 100, c),
					m->budget.carry_forward ? ", carried forward (结转)" : ""));
		}
	}
	out->carried_out = m->budget.carry_forward ? out->cut : 0;
	return 0;
}

fen_t rules_block(const struct policy *p, struct award *const *a, size_t n)
{
	if (!(p->provincial_block > 0) || n == 0)
		return 0;
	fen_t block = money_round(p->provincial_block);
	__int128 asked = 0; /* a ledger's year may pass int64 fen */
	for (size_t i = 0; i < n; i++)
		if (p->line[a[i]->line].funding == FUND_POOLED)
			asked += a[i]->provincial;
	if (asked <= block)
		return 0;
	/* each award's part: the block's share of the provincial parts so far,
	 * less what the awards before it got; rounding never drifts, so the
	 * parts add up to the block to the fen */
	__int128 so_far = 0;
	fen_t given = 0;
	double f = (double)block / (double)asked;
	for (size_t i = 0; i < n; i++) {
		struct award *b = a[i];
		if (p->line[b->line].funding != FUND_POOLED)
			continue;
		so_far += b->provincial;
		fen_t upto = (fen_t)(so_far * block / asked);
		b->provincial = upto - given;
		given = upto;
		rules_share_rest(p, b);
		if (b->reason[0])
			note(b, reason_fmt("; 省级切块 x%.4f", f));
	}
	return asked - block > FEN_MAX ? FEN_MAX : (fen_t)(asked - block);
}
