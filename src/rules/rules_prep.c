/* rules_prep.c - what the rules read of a policy on every row and award,
 * worked out once (struct rules_prep). */
#include <math.h>

#include "rules_impl.h"

/* bar[b]: the least of the tiers' values from tier b + 1 on (+inf when
 * none); a NaN value compares false, as in the rules, so it never counts */
static void least_above(const struct tier *t, int n, size_t field, double *bar)
{
	double m = INFINITY;
	bar[n] = m;
	for (int b = n - 1; b >= 0; b--) {
		double v = *(const double *)((const char *)&t[b] + field);
		if (v < m)
			m = v;
		bar[b] = m;
	}
}

/* The firm lines' part: all rules_firm_prep reads. */
void rules_prepare_firm(const struct policy *p, struct rules_prep *rp)
{
	rp->p = p;
	rp->end_year = p->start_year + p->years;
	for (int k = 0; k <= MAX_TIERS; k++) {
		rp->m2_fen[k] = k && k <= p->m2.ntiers ? money_round(p->m2.tier[k - 1].amount) : 0;
		rp->m3a_fen[k] = k && k <= p->m3a.ntiers ? money_round(p->m3a.tier[k - 1].amount)
							 : 0;
		rp->m2_emp[k] = rp->m2_rev[k] = rp->m3a_rev[k] = INFINITY;
	}
	least_above(p->m2.tier, p->m2.ntiers, offsetof(struct tier, employees), rp->m2_emp);
	least_above(p->m2.tier, p->m2.ntiers, offsetof(struct tier, revenue), rp->m2_rev);
	least_above(p->m3a.tier, p->m3a.ntiers, offsetof(struct tier, revenue), rp->m3a_rev);
	rp->m1b_fen = rules_line_fen(p, L_M1B);
	rp->m3b_fen = rules_line_fen(p, L_M3B);
	rp->m3c_fen = rules_line_fen(p, L_M3C);
}

fen_t rules_line_fen(const struct policy *p, enum line_id l)
{
	switch (l) {
	case L_M1B:
		return money_round(p->m1b.amount * p->m1b.payout);
	case L_M3B:
		return money_round(p->m3b.amount);
	case L_M3C:
		return money_round(p->m3c.amount * p->m3c.payout);
	default:
		return 0;
	}
}

void rules_prepare(const struct policy *p, struct rules_prep *rp)
{
	rules_prepare_firm(p, rp);
	for (int l = 0; l < N_LINES; l++) {
		rp->prov[l] = policy_provincial_share(p, (enum line_id)l);
		for (int d = 0; d <= N_DISTRICTS; d++)
			rp->where[d][l] = policy_where_share(p, (enum line_id)l, d);
	}
}
