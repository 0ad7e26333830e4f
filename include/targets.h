/* targets.h - calibration targets: public aggregates that a scenario's
 * population must meet, each with a range and its source.
 *
 * A scenario declares them in [targets], one key a target, as
 *   firms = 1200:2200 | Jiangsu 6,225 firms (2020, js.people.com.cn) x ...
 * the range in the target's unit (a count, 亿/万 for money, % for a
 * share), then '|' and the source in words (required). The keys are the
 * aggregates the simulator computes (enum pop_stat in sim.h); `fundsim
 * calibrate` compares the model's mean with each range. The structs own
 * no memory. */
#ifndef FUNDSIM_TARGETS_H
#define FUNDSIM_TARGETS_H

#include <stddef.h>

#define TARGETS_SECTION "targets"
#define MAX_TARGETS 24
#define TARGET_SOURCE_LEN 320

enum target_unit { TU_COUNT, TU_YUAN, TU_SHARE };

/* One aggregate a target may name (static table). */
struct target_def {
	const char *key; /* INI key: "firms" */
	int stat;        /* enum pop_stat */
	enum target_unit unit;
	const char *unit_word; /* "firms", "yuan", "share", "a year" */
	const char *desc;      /* what it is, a msgid (targets_meaning) */
};

struct target {
	int def;       /* index into the table */
	double lo, hi; /* in the unit: count, yuan, fraction; lo <= hi */
	char source[TARGET_SOURCE_LEN];
};

/* The table (borrowed, static) and its length. */
const struct target_def *targets_table(size_t *n);
/* What d is, in lang (enum i18n_lang): its desc, translated (static).
 * As L_: a language not the process's only after the threads. */
const char *targets_meaning(const struct target_def *d, int lang);
/* source in lang when it is one of the built-in scenario's sources word
 * for word (static); NULL for any other, which a caller shows as written
 * (a scenario's own source is in its author's words). As L_. */
const char *targets_source_words(const char *source, int lang);

/* What a count target counts, in lang: "firms", "家"; "" for amounts and
 * shares (their words carry their unit) and a count of nothing named. As L_. */
const char *targets_count_unit(const struct target_def *d, int lang);

/* Index of key in the table, or -1. */
int targets_find(const char *key);

/* Declare key = text in t[0..*n): a new key appended, a known one
 * replaced (a scenario overrides its base's target), "none" removes it.
 * 0, or -1 with err saying what is wrong (the keys, the form). */
int targets_set(struct target *t, int *n, const char *key, const char *text, char *err,
		size_t errlen);

/* v in the target's unit for people: "1,500", "2,300亿", "9.5%". */
void targets_value_words(const struct target_def *d, double v, char *buf, size_t n);

#endif
