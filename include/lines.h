/* lines.h - the award lines as an enum, made from the registry
 * (lines.def): L_M1A ... in the policy's order, N_LINES and
 * N_FIRM_LINES. Kept apart from policy.h so that model.h can size its
 * per-line arrays. */
#ifndef FUNDSIM_LINES_H
#define FUNDSIM_LINES_H

enum line_id {
#define LINE(id, ...) L_##id,
#include "lines.def"
#undef LINE
	N_LINES
};

/* How the engine computes a line (the kind column of lines.def). */
enum rule_kind {
	RK_FIRM,      /* firm lines, each its own rule: rules_firm.c */
	RK_LEVEL,     /* amount by rating level, once per level (M4, M13A) */
	RK_INCREMENT, /* rate x yearly increment of base, capped (M5A, M5B) */
	RK_RATE,      /* rate x base, capped, once per entity */
	RK_FIXED,     /* fixed amount, once per entity */
	RK_UPTO,      /* granted amount up to cap, max_awards per entity */
	RK_LIFETIME,  /* granted amounts up to a cap over the whole period */
	RK_YEARLY,    /* up to cap (or amount) a year, consecutive years */
	RK_TEAM       /* project funding + housing, each capped (M12A) */
};

/* Firm lines come first (lines.c asserts it): lines [0, N_FIRM_LINES). */
enum {
	N_FIRM_LINES = 0
#define LINE(id, sec, clause, kind, ...) +(RK_##kind == RK_FIRM)
#include "lines.def"
#undef LINE
};

#endif
