/* uncosted.h - the draft's commitments fundsim lists but does not cost
 * (uncosted.def: events of 第8条 and 第15条, fund capital and loan-risk
 * compensation of 第14条), and the bureau's lump sums for them.
 *
 * A lump sum is the scenario's [uncosted] key of the item: yuan a policy
 * year, 0 (the draft) for none. Lump sums are never part of the modelled
 * TOTAL: outputs show them beside it, and "TOTAL including the bureau's
 * lump sums" apart. */
#ifndef FUNDSIM_UNCOSTED_H
#define FUNDSIM_UNCOSTED_H

#include "money.h"

enum uncosted_id {
#define UNCOSTED(id, ...) U_##id,
#include "uncosted.def"
#undef UNCOSTED
	N_UNCOSTED
};

struct uncosted_info {
	const char *key, *clause, *short_en, *short_zh, *en, *zh;
};

/* Borrowed pointer to a static row; i < N_UNCOSTED. */
const struct uncosted_info *uncosted_info(int i);

struct policy;
/* Item i's lump sum over the policy years, in fen: its yearly amount to
 * the fen, times the years. */
fen_t uncosted_lump(const struct policy *p, int i);
/* Every item's, added up: what "TOTAL including the bureau's lump sums"
 * adds to TOTAL. 0 when no lump sum is set. */
fen_t uncosted_lumps(const struct policy *p);

#endif
