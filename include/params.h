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
	PT_MONEY,       /* yuan, written 100万 / 2亿 */
	PT_SHARE,       /* fraction, written 5% / 2‰ / 0.05 */
	PT_NUMBER,      /* plain real number */
	PT_INT,         /* whole number (counts, years) */
	PT_BOOL,        /* true / false */
	PT_ENUM,        /* one word of a list */
	PT_DIST_MONEY,  /* struct dist over yuan */
	PT_DIST_SHARE,  /* struct dist over fractions */
	PT_DIST_NUMBER, /* struct dist over plain numbers */
	PT_SCHEDULE,    /* struct schedule: shares paid in successive years, 40%,30%,30% */
	PT_LINES        /* struct line_order: lines by section, m12a, m7a, m13b */
};

struct param_def {
	const char *section, *key;
	enum ptype type;
	size_t offset;            /* into struct policy */
	double lo, hi;            /* valid range, inclusive */
	const char *const *names; /* PT_ENUM: NULL-terminated word list */
	const char *unit;         /* "yuan", "share", "persons", "years", ... */
	const char *clause;       /* "第1条" */
	const char *desc;         /* one line */
	bool optional;            /* may be left unset (extra tiers) */
	int line;                 /* enum line_id, or -1 for [scenario]/[funding] */
	bool per_entity;          /* a dist drawn per entity, not once per replication */
};

#define MAX_PARAMS 1024

/* Where a value's number comes from, as the comment beside it in the
 * scenario file says (scenarios/README.md, "Sources"): the note is the
 * key's inline comment, else the comment lines right above it, else the
 * comment that opens its section before the first key. What the
 * uncertainty ratings (rating.h) count as resting on assumption. */
enum param_prov {
	PROV_UNMARKED,   /* no comment (also --set): not a source, so an assumption */
	PROV_TEXT,       /* "第N条...": the policy text says it */
	PROV_SOURCED,    /* cites a source, or is fitted to sourced targets */
	PROV_DEFINITION, /* "by definition: ...": follows from how another value is counted */
	PROV_READING,    /* "reading: ...": a reading of what the text leaves open */
	PROV_PARTLY,     /* sourced, but says part of it is an assumption */
	PROV_ASSUMPTION, /* "assumption: ...": not in the text nor in a source */
	N_PROVS
};

/* The provenance of a note (a comment's text without its ';'); NULL or
 * blank: PROV_UNMARKED. Pure. */
enum param_prov params_prov_of(const char *note);

/* A provenance as a word: "text", "sourced", "definition", "reading",
 * "partly", "assumption", "unmarked" (static). */
const char *params_prov_name(enum param_prov p);

/* The table (borrowed, static) and its length. */
const struct param_def *params_table(size_t *n);

/* A section as the table names it: [district.SIP], [district.园区] are
 * [district.苏州工业园区] (district_parse); any other section as given.
 * 0, or -1 for a district section naming no district. */
int params_canon_section(const char *section, char *buf, size_t n);
/* err: "[district.X]: \"X\" is not one of Suzhou's districts (valid: ...)";
 * returns -1. */
int params_unknown_district(const char *section, char *err, size_t errlen);

/* What parameter d means, in lang (enum i18n_lang, i18n.h; enum
 * chart_lang has the same values): its desc, a msgid, translated; in
 * English desc itself. As L_: a language not the process's only after
 * the threads. */
const char *params_meaning(const struct param_def *d, int lang);
/* d's unit as people read it in lang: "years", "persons"; "年", "人". The
 * table's word (d->unit) is a key and stays English in CSV files and the
 * API. Static; as L_, a language not the process's only after the
 * threads. */
const char *params_unit(const struct param_def *d, int lang);

/* Index of section.key in the table (district sections by any of their
 * names), or -1. */
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
/* params_set for a value a person wrote (a scenario file, --set, a
 * [sensitivity] range), which must also be exact as written: an amount
 * in whole fen, a count of persons or years whole. A study's computed
 * values (37.4 persons between two bounds) go through params_set. */
int params_set_written(struct policy *p, int i, const char *text, char *err, size_t errlen);
/* Format parameter i of p as a scenario file would write it. */
void params_format(const struct policy *p, int i, char *buf, size_t n);

/* After all values are set (isset[i] for each parameter): every
 * required key set, tiers contiguous with increasing thresholds; sets
 * the tier counts in p. Returns 0, or -1 with the first problem in err
 * and the index of the offending parameter in *bad. */
int params_check(struct policy *p, const bool *isset, char *err, size_t errlen, int *bad);

/* True when parameter i is a tier key dropped with "none". */
bool params_is_none(const struct policy *p, int i);

/* ---- single values and ranges (sensitivity studies) ---- */

/* True for parameters that hold a number: amounts, shares, plain and
 * whole numbers, and distributions (not true/false or enum words). */
bool params_numeric(int i);

/* "section.key" (sections may hold dots: pop.m4.national_per_year) to
 * the index of the parameter, or -1 with err ("unknown parameter m1a.cpa
 * (did you mean cap?)"). */
int params_key(const char *key, char *err, size_t errlen);

/* One number in parameter i's unit ("100万", "5%", "2‰", "3"; for a
 * distribution parameter, a number in its unit), no range check. 0, or
 * -1 with err. */
int params_parse_number(int i, const char *text, double *out, char *err, size_t errlen);
/* The same, then the value must be valid for i: checked by params_set,
 * so the message is --set's ("\"150%\" is out of range (valid: 0% to
 * 100%)"). A distribution parameter takes it as a constant. */
int params_parse_value(int i, const char *text, double *out, char *err, size_t errlen);

/* Parameter i's valid range in words of lang (enum i18n_lang): "0% to
 * 100%", "1 to 20 years"; "0% 至 100%". */
void params_range_words(int i, int lang, char *buf, size_t n);
/* v in parameter i's unit for people: "100万", "5%", "3", "0.25". */
void params_value_words(int i, double v, char *buf, size_t n);

/* "LO:HI" in parameter i's unit, each end valid (params_parse_value)
 * and LO < HI. 0, or -1 with err ("HI \"150%\" is out of range ..."). */
int params_range_parse(int i, const char *text, double *lo, double *hi, char *err, size_t errlen);

/* The [sensitivity] section: uncertain parameters declared with ranges,
 * one key a parameter ("growth.mean = 5%:13%"), for fundsim sobol (and
 * tornado when given no keys). Not part of any run. */
#define PARAMS_SENSITIVITY "sensitivity"
#define MAX_SENSITIVITY 20 /* Saltelli sampling: 2 of gsl_qrng_sobol's 40 dimensions each */
struct param_range {
	int param;     /* index in the table; params_numeric */
	double lo, hi; /* in the parameter's unit (yuan, fraction, count), lo < hi */
};
/* Declare key = text in r[0..*n): a new key is appended, a known one
 * replaced (a scenario overrides its base's range), "none" removes it.
 * 0, or -1 with err (the key is not named: callers prefix it). */
int params_range_set(struct param_range *r, int *n, const char *key, const char *text, char *err,
		     size_t errlen);

#endif
