/* lines.c - what each award line is, in the policy's words. */
#include <math.h>
#include <strings.h>

#include "policy.h"

/* Every field from the registry; the size check makes a missing row a
 * compile error rather than a (null) in the outputs. */
static const struct line_info lines[] = {
#define LINE(id, sec, clause, kind, pay, lo, hi, funding, owner, what, pop, en, zh)    \
	[L_##id] = {#id,       #sec,       clause,     RK_##kind,      en,         zh, \
		    PAY_##pay, LEVEL_##lo, LEVEL_##hi, FUND_##funding, OWN_##owner},
#include "lines.def"
#undef LINE
};
_Static_assert(sizeof lines / sizeof lines[0] == N_LINES, "one registry row per line");

/* Firm lines first: [0, N_FIRM_LINES) is what loops over firm lines take. */
#define LINE(id, sec, clause, kind, ...)                                        \
	_Static_assert(RK_##kind != RK_FIRM || (int)L_##id < (int)N_FIRM_LINES, \
		       #id ": firm lines come first in lines.def");
#include "lines.def"
#undef LINE

/* A line's levels make sense for its kind (lines.def, lo and hi). */
#define LINE(id, sec, clause, kind, pay, lo, hi, ...)                                      \
	_Static_assert(LEVEL_##lo <= LEVEL_##hi &&                                         \
			       ((LEVEL_##lo == LEVEL_NONE) == (LEVEL_##hi == LEVEL_NONE)), \
		       #id ": levels run from lo to hi, both NONE or neither");            \
	_Static_assert((RK_##kind != RK_LEVEL && RK_##kind != RK_INCREMENT) ||             \
			       LEVEL_##lo != LEVEL_NONE,                                   \
		       #id ": a level or increment line needs its levels");
#include "lines.def"
#undef LINE

const struct line_info *line_info(enum line_id line)
{
	return &lines[line];
}

int line_by_name(const char *name)
{
	for (int i = 0; i < N_LINES; i++)
		if (strcasecmp(name, lines[i].name) == 0)
			return i;
	return -1;
}

int policy_tail_years(const struct policy *p)
{
	int tail = 0;
	for (int l = 0; l < N_LINES; l++) {
		if (!p->line[l].enabled)
			continue;
		int t = p->line[l].schedule.n > 1 ? p->line[l].schedule.n - 1 : 0;
		if (line_info(l)->kind == RK_YEARLY && p->after_expiry == AFTER_HONOUR &&
		    p->e[l].max_years > 1)
			t += p->e[l].max_years - 1;
		if (t > tail)
			tail = t;
	}
	return tail;
}

static const struct owner_info owners[] = {
#define OWNER(id, key, zh, en, new_money) [OWN_##id] = {#key, zh, en, new_money},
#include "owners.def"
#undef OWNER
};
_Static_assert(sizeof owners / sizeof owners[0] == N_OWNERS, "one row per owner");

const struct owner_info *owner_info(enum owner_id o)
{
	return &owners[o];
}
