/* rules_budget.c - policy on the awards of a year, after the lines have
 * made them: the tax cap ([taxcap]) and 总量控制 ([budget] rule = prorata).
 * Pure arithmetic in fen, shared by `award` (on each award) and the Monte
 * Carlo run (on what the lines add up to). */
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rules_impl.h"

/* Scale a's amount and its levels by f, to the fen; the levels still add
 * up to the amount (municipal takes the rounding, as rules_split does). */
static void scale(struct award *a, double f)
{
	fen_t tot = (fen_t)llround((double)a->amount * f);
	fen_t pr = (fen_t)llround((double)a->provincial * f);
	fen_t di = (fen_t)llround((double)a->district * f);
	a->amount = tot;
	a->provincial = pr;
	a->district = di;
	a->municipal = tot - pr - di;
	if (a->municipal < 0) { /* both halves rounded up (x.5 each), municipal had 0 */
		*(pr >= di ? &a->provincial : &a->district) += a->municipal;
		a->municipal = 0;
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
			a[k]->amount = (fen_t)llround((double)a[k]->amount * (double)cap /
						      (double)sum);
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
