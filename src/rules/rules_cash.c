/* rules_cash.c - when an award's cash is paid: a line's schedule of
 * instalments ([<line>] schedule = 40%,30%,30%). Pure arithmetic in fen,
 * shared by `award` (each ledger row becomes its instalments) and the
 * Monte Carlo run (each award before it is added up). */
#include <string.h>

#include "rules_impl.h"

/* share of part millionths of v, rounded down: never more than v holds */
static fen_t part_of(fen_t v, int part)
{
	return (fen_t)(((__int128)v * part) / SCHEDULE_WHOLE);
}

size_t rules_instalments(const struct policy *p, const struct award *a, struct award *out)
{
	const struct schedule *s = &p->line[a->line].schedule;
	out[0] = *a;
	if (rules_at_once(p, a->line))
		return 1;
	int n = s->n;
	/* each level on its own, rounded down, the remainder on the last
	 * instalment: every level stays >= 0 and adds up across instalments,
	 * and each instalment's levels add up to its amount */
	fen_t left[3] = {a->provincial, a->municipal, a->district};
	for (int k = 0; k < n; k++) {
		struct award *o = &out[k];
		*o = *a;
		o->paid_year = a->paid_year + k;
		fen_t *lv[3] = {&o->provincial, &o->municipal, &o->district};
		const fen_t whole[3] = {a->provincial, a->municipal, a->district};
		for (int j = 0; j < 3; j++) {
			*lv[j] = k == n - 1 ? left[j] : part_of(whole[j], s->part[k]);
			left[j] -= *lv[j];
		}
		o->amount = o->provincial + o->municipal + o->district;
		size_t len = strlen(o->reason);
		if (len) { /* whole or not at all, never half a UTF-8 character */
			const char *t = reason_fmt("; instalment %d/%d (第%d期/共%d期)", k + 1, n,
						   k + 1, n);
			if (len + strlen(t) < sizeof o->reason)
				memcpy(o->reason + len, t, strlen(t) + 1);
		}
	}
	return (size_t)n;
}
