/* params.h - the table of every scenario parameter.
 *
 * Each parameter has a section and key (as in the INI file), a type and
 * unit, a valid range, a description and the clause it comes from. The
 * table is static; values live in a struct policy (policy keys) or a
 * struct scenario (the rest), located by offset. */
#ifndef FUNDSIM_PARAMS_H
#define FUNDSIM_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "policy.h"

enum ptype {
	PT_MONEY,  /* yuan, written 100万 / 2亿 */
	PT_SHARE,  /* fraction, written 5% / 2‰ / 0.05 */
	PT_NUMBER, /* plain real number */
	PT_INT,    /* whole number (counts, years) */
	PT_BOOL,   /* true / false */
	PT_ENUM,   /* one word of a list */
	PT_DIST_MONEY,  /* struct dist over yuan */
	PT_DIST_SHARE,  /* struct dist over fractions */
	PT_DIST_NUMBER  /* struct dist over plain numbers */
};

struct param_def {
	const char *section, *key;
	enum ptype type;
	size_t offset;      /* into struct policy */
	double lo, hi;      /* valid range, inclusive */
	const char *const *names; /* PT_ENUM: NULL-terminated word list */
	const char *unit;   /* "yuan", "share", "persons", "years", ... */
	const char *clause; /* "第1条" */
	const char *desc;   /* one line */
	bool optional;      /* may be left unset (extra tiers) */
	int line;           /* enum line_id, or -1 for [scenario]/[funding] */
	bool per_entity;    /* a dist drawn per entity, not once per replication */
};

#define MAX_PARAMS 512

/* The table (borrowed, static) and its length. */
const struct param_def *params_table(size_t *n);

/* Index of section.key in the table, or -1. */
int params_find(const char *section, const char *key);
/* True when the table knows the section. */
bool params_section_known(const char *section);
/* The known key of section closest to key (for "did you mean"), or NULL. */
const char *params_suggest(const char *section, const char *key);
/* The known section closest to section, or NULL. */
const char *params_suggest_section(const char *section);

/* Parse text as parameter i and store it in *p. A tier key may be
 * "none" to drop the tier. Returns 0, or -1 with a reason in err that
 * names the valid values. */
int params_set(struct policy *p, int i, const char *text, char *err, size_t errlen);
/* Format parameter i of p as a scenario file would write it. */
void params_format(const struct policy *p, int i, char *buf, size_t n);

/* After all values are set (isset[i] for each parameter): every
 * required key set, tiers contiguous with increasing thresholds; sets
 * the tier counts in p. Returns 0, or -1 with the first problem in err
 * and the index of the offending parameter in *bad. */
int params_check(struct policy *p, const bool *isset, char *err, size_t errlen, int *bad);

/* True when parameter i is a tier key dropped with "none". */
bool params_is_none(const struct policy *p, int i);

#endif
