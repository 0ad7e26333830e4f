/* uncosted.c - the commitments listed but not costed (uncosted.def). */
#include "uncosted.h"

#include "policy.h"

static const struct uncosted_info items[] = {
#define UNCOSTED(id, key, clause, short_en, short_zh, en, zh) \
	[U_##id] = {key, clause, short_en, short_zh, en, zh},
#include "uncosted.def"
#undef UNCOSTED
};
_Static_assert(sizeof items / sizeof items[0] == N_UNCOSTED, "one row per item");

const struct uncosted_info *uncosted_info(int i)
{
	return &items[i];
}

fen_t uncosted_lump(const struct policy *p, int i)
{
	/* params.c bounds each amount by MONEY_MAX and the years by 20 */
	return money_round(p->uncosted[i]) * p->years;
}

fen_t uncosted_lumps(const struct policy *p)
{
	fen_t sum = 0;
	for (int i = 0; i < N_UNCOSTED; i++)
		sum += uncosted_lump(p, i);
	return sum;
}
