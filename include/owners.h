/* owners.h - the budget owners (owners.def) as an enum and their names. */
#ifndef FUNDSIM_OWNERS_H
#define FUNDSIM_OWNERS_H

#include <stdbool.h>

enum owner_id {
#define OWNER(id, ...) OWN_##id,
#include "owners.def"
#undef OWNER
	N_OWNERS
};

struct owner_info {
	const char *key; /* "software_fund": scenario files and outputs */
	const char *zh, *en;
	bool new_money; /* the registry's default; a scenario may change it */
};

/* Borrowed pointer to a static row; o < N_OWNERS. */
const struct owner_info *owner_info(enum owner_id o);

#endif
