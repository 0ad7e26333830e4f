/* params.c - the table of scenario parameters, and reading values. */
#include "params.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dist.h"
#include "district.h"
#include "money.h"
#include "targets.h"
#include "i18n.h"
#include "text.h"

static const char *const funding_names[] = {"municipal", "pooled", NULL};
static const char *const mode_names[] = {"topup", "each", "once", NULL};
static const char *const budget_rules[] = {"report", "prorata", "priority", NULL};
static const char *const after_expiry_names[] = {"honour", "stop", NULL};
static const char *const owner_names[] = {
#define OWNER(id, key, ...) #key,
#include "owners.def"
#undef OWNER
	NULL};

#define OFF(m) offsetof(struct policy, m)
#define MAXMONEY MONEY_MAX /* 10万亿: far above any award or revenue (money.h) */

/* Meanings are msgids (i18n.h), translated where they are shown
 * (params_meaning). Those the macros build from lines.def are whole
 * sentences only once expanded: TEXT marks one for the preprocessed
 * extraction (Makefile, POT_GEN), where N_ stays and xgettext sees it. */
#define TEXT(s) N_(s)
#define P(sec, key, type, m, lo, hi, unit, clause, desc, line)                                   \
	{                                                                                        \
		sec, key, type, OFF(m), lo, hi, NULL, unit, clause, N_(desc), false, line, false \
	}
#define MONEY(sec, key, m, clause, desc, line) \
	P(sec, key, PT_MONEY, m, 0, MAXMONEY, "yuan", clause, desc, line)
#define BOOL(sec, key, m, clause, desc, line) P(sec, key, PT_BOOL, m, 0, 1, "", clause, desc, line)
#define SHARE(sec, key, m, clause, desc, line) \
	P(sec, key, PT_SHARE, m, 0, 1, "share", clause, desc, line)

/* Keys every line takes. */
#define COMMON(l, sec, clause)                                                                       \
	BOOL(sec, "enabled", line[l].enabled, clause, "whether the line is paid at all", l),         \
		{sec,                                                                                \
		 "funding",                                                                          \
		 PT_ENUM,                                                                            \
		 OFF(line[l].funding),                                                               \
		 0,                                                                                  \
		 1,                                                                                  \
		 funding_names,                                                                      \
		 "",                                                                                 \
		 clause,                                                                             \
		 N_("municipal, or pooled provincial+municipal money (统筹省、市资金)"),             \
		 false,                                                                              \
		 l,                                                                                  \
		 false},                                                                             \
		{sec,      "provincial_share",                                                       \
		 PT_SHARE, OFF(line[l].provincial_share),                                            \
		 0,        1,                                                                        \
		 NULL,     "share",                                                                  \
		 clause,   N_("provincial part of pooled money (default: [funding])"),               \
		 true,     l,                                                                        \
		 false},                                                                             \
		{sec,      "district_share",                                                         \
		 PT_SHARE, OFF(line[l].district_share),                                              \
		 0,        1,                                                                        \
		 NULL,     "share",                                                                  \
		 clause,   N_("district part of the non-provincial money (default: [funding])"),     \
		 true,     l,                                                                        \
		 false},                                                                             \
		{sec,                                                                                \
		 "in_total",                                                                         \
		 PT_BOOL,                                                                            \
		 OFF(line[l].in_total),                                                              \
		 0,                                                                                  \
		 1,                                                                                  \
		 NULL,                                                                               \
		 "",                                                                                 \
		 clause,                                                                             \
		 N_("counted in the total (default true); false: a contingent item reported apart"), \
		 true,                                                                               \
		 l,                                                                                  \
		 false},                                                                             \
		{sec,                                                                                \
		 "schedule",                                                                         \
		 PT_SCHEDULE,                                                                        \
		 OFF(line[l].schedule),                                                              \
		 1,                                                                                  \
		 MAX_INSTALMENTS,                                                                    \
		 NULL,                                                                               \
		 "shares",                                                                           \
		 clause,                                                                             \
		 N_("shares of an award paid in its paid year and the next ones, e.g. "              \
		    "40%,30%,30% (default 100%: one payment)"),                                      \
		 true,                                                                               \
		 l,                                                                                  \
		 false},                                                                             \
	{                                                                                            \
		sec, "owner", PT_ENUM, OFF(line[l].owner), 0, N_OWNERS - 1, owner_names, "",         \
			clause,                                                                      \
			N_("the budget that pays it (default: the registry's, owners.def)"), true,   \
			l, false                                                                     \
	}

/* One tier's keys; tiers past the policy's are optional. */
#define TIER_KEY(sec, n, key, type, m, lo, hi, unit, clause, desc, l, opt)                       \
	{                                                                                        \
		sec, "tier" #n "_" key, type, OFF(m), lo, hi, NULL, unit, clause, N_(desc), opt, \
			l, false                                                                 \
	}
#define M2_TIER(n, opt)                                                                           \
	TIER_KEY("m2", n, "employees", PT_NUMBER, m2.tier[n - 1].employees, 0, 1e7, "persons",    \
		 "第2条", "staff paying social insurance in Suzhou", L_M2, opt),                  \
		TIER_KEY("m2", n, "revenue", PT_MONEY, m2.tier[n - 1].revenue, 0, MAXMONEY,       \
			 "yuan", "第2条", "revenue of the same year", L_M2, opt),                 \
		TIER_KEY("m2", n, "amount", PT_MONEY, m2.tier[n - 1].amount, 0, MAXMONEY, "yuan", \
			 "第2条", "award for reaching the tier", L_M2, opt)
#define M3A_TIER(n, opt)                                                                      \
	TIER_KEY("m3a", n, "revenue", PT_MONEY, m3a.tier[n - 1].revenue, 0, MAXMONEY, "yuan", \
		 "第3条", "revenue reached for the first time", L_M3A, opt),                  \
		TIER_KEY("m3a", n, "amount", PT_MONEY, m3a.tier[n - 1].amount, 0, MAXMONEY,   \
			 "yuan", "第3条", "award of the tier (paid as top-up)", L_M3A, opt)

#define E(l, f) e[l].f
#define RATE_CAP(l, sec, clause, what)                               \
	SHARE(sec, "rate", E(l, rate), clause, "share of " what, l), \
		MONEY(sec, "cap", E(l, cap), clause, "cap per award", l)
#define UPTO(l, sec, clause, what)                         \
	MONEY(sec, "cap", E(l, cap), clause, what, l),     \
		SHARE(sec, "payout", E(l, payout), clause, \
		      "share of the cap granted when the data give no amount (assumption)", l)
#define MAX_AWARDS(l, sec, clause)                                               \
	P(sec, "max_awards", PT_INT, E(l, max_awards), 0, 100, "awards", clause, \
	  "awards per entity over the policy period (0 = no limit)", l)

/* The firm lines' own keys: each firm line is its own rule (rules_firm.c).
 * A firm row in lines.def without its FIRM_PARAMS_<id> does not compile. */
#define FIRM_PARAMS_M1A                                                                          \
	MONEY("m1a", "min_paid_capital", m1a.min_paid_capital, "第1条",                          \
	      "paid-in registered capital at least", L_M1A),                                     \
		P("m1a", "min_employees", PT_NUMBER, m1a.min_employees, 0, 1e7, "persons",       \
		  "第1条", "social-insured staff in Suzhou at least", L_M1A),                    \
		SHARE("m1a", "rate", m1a.rate, "第1条", "share of paid-in capital", L_M1A),      \
		MONEY("m1a", "cap", m1a.cap, "第1条", "cap of the award", L_M1A),                \
		P("m1a", "employee_window_years", PT_INT, m1a.employee_window_years, 1, 10,      \
		  "years", "第1条", "years from settling in which staff must reach the minimum", \
		  L_M1A),

#define FIRM_PARAMS_M1B                                                                     \
	P("m1b", "window_years", PT_INT, m1b.window_years, 1, 10, "years", "第1条",         \
	  "years from settling (落户3年内) over which revenue adds up", L_M1B),             \
		MONEY("m1b", "min_cumulative_revenue", m1b.min_cumulative_revenue, "第1条", \
		      "cumulative revenue over the window at least", L_M1B),                \
		MONEY("m1b", "amount", m1b.amount, "第1条", "award (最高, a cap)", L_M1B),  \
		SHARE("m1b", "payout", m1b.payout, "第1条",                                 \
		      "share of the amount granted (assumption)", L_M1B),                   \
		BOOL("m1b", "requires_m1a", m1b.requires_m1a, "第1条",                      \
		     "only firms that qualified for M1A (再给予)", L_M1B),

#define FIRM_PARAMS_M2                                                                          \
	M2_TIER(1, false), M2_TIER(2, false), M2_TIER(3, true), M2_TIER(4, true),               \
		M2_TIER(5, true), M2_TIER(6, true),                                             \
		P("m2", "window_years", PT_INT, m2.window_years, 1, 10, "years", "第2条",       \
		  "years from founding in which a firm counts as new", L_M2),                   \
		{"m2",                                                                          \
		 "mode",                                                                        \
		 PT_ENUM,                                                                       \
		 OFF(m2.mode),                                                                  \
		 0,                                                                             \
		 2,                                                                             \
		 mode_names,                                                                    \
		 "",                                                                            \
		 "第2条",                                                                       \
		 N_("topup: pay differences; each: every tier in full; once: first tier only"), \
		 false,                                                                         \
		 L_M2,                                                                          \
		 false},                                                                        \
		BOOL("m2", "exclude_m1", m2.exclude_m1, "第2条",                                \
		     "attracted firms get M1 only, not M2", L_M2),

#define FIRM_PARAMS_M3A                                                                \
	M3A_TIER(1, false), M3A_TIER(2, false), M3A_TIER(3, false), M3A_TIER(4, true), \
		M3A_TIER(5, true), M3A_TIER(6, true),                                  \
		BOOL("m3a", "pre_policy_credit", m3a.pre_policy_credit, "第3条",       \
		     "tiers reached before the policy count as already paid", L_M3A),

#define FIRM_PARAMS_M3B \
	MONEY("m3b", "amount", m3b.amount, "第3条", "award for a first top-100 listing", L_M3B),

#define FIRM_PARAMS_M3C                                                                    \
	P("m3c", "min_growth", PT_SHARE, m3c.min_growth, 0, 100, "share", "第3条",         \
	  "revenue growth over the prior year must exceed this", L_M3C),                   \
		MONEY("m3c", "amount", m3c.amount, "第3条", "award (最高, a cap)", L_M3C), \
		SHARE("m3c", "payout", m3c.payout, "第3条",                                \
		      "share of the amount granted (assumption)", L_M3C),                  \
		P("m3c", "max_awards", PT_INT, m3c.max_awards, 0, 100, "awards", "第3条",  \
		  "awards per firm over the policy period (0 = no limit)", L_M3C),

#define KIND_FIRM_RATE(l, id, ...) FIRM_PARAMS_##id
#define KIND_FIRM_GRANTED(l, id, ...) FIRM_PARAMS_##id
#define KIND_FIRM_FIXED(l, id, ...) FIRM_PARAMS_##id

/* The levels lo..hi of a line, highest first: F(level, ...) for each. */
#define LEVELS_MUNICIPAL_MUNICIPAL(F, ...) F(municipal, __VA_ARGS__)
#define LEVELS_MUNICIPAL_PROVINCIAL(F, ...) F(provincial, __VA_ARGS__) F(municipal, __VA_ARGS__)
#define LEVELS_MUNICIPAL_NATIONAL(F, ...) \
	F(national, __VA_ARGS__) F(provincial, __VA_ARGS__) F(municipal, __VA_ARGS__)
#define LEVELS_PROVINCIAL_PROVINCIAL(F, ...) F(provincial, __VA_ARGS__)
#define LEVELS_PROVINCIAL_NATIONAL(F, ...) F(national, __VA_ARGS__) F(provincial, __VA_ARGS__)
#define LEVELS_NATIONAL_NATIONAL(F, ...) F(national, __VA_ARGS__)

/* An entity line's keys by its kind and pay (lines.def): a combination
 * with no macro here is a kind the engine cannot pay, and does not
 * compile. what: the words of lines.def for the kind. */
#define LEVEL_AMOUNT(lv, l, sec, clause, what) \
	MONEY(sec, #lv, E(l, lv), clause, "award for a " #lv " " what, l),
#define KIND_LEVEL_FIXED(l, id, sec, clause, lo, hi, what) \
	LEVELS_##lo##_##hi(LEVEL_AMOUNT, l, sec, clause, what)
#define KIND_INCREMENT_RATE(l, id, sec, clause, lo, hi, what) RATE_CAP(l, sec, clause, what),
#define KIND_RATE_RATE(l, id, sec, clause, lo, hi, what) RATE_CAP(l, sec, clause, what),
#define KIND_FIXED_FIXED(l, id, sec, clause, lo, hi, what) \
	MONEY(sec, "amount", E(l, amount), clause, what, l),
#define KIND_UPTO_GRANTED(l, id, sec, clause, lo, hi, what) \
	UPTO(l, sec, clause, what), MAX_AWARDS(l, sec, clause),
#define KIND_LIFETIME_GRANTED(l, id, sec, clause, lo, hi, what) UPTO(l, sec, clause, what),
#define MAX_YEARS(l, sec, clause)                                                           \
	P(sec, "max_years", PT_INT, E(l, max_years), 1, MAX_SUPPORT_YEARS, "years", clause, \
	  "consecutive years of support at most", l)
#define KIND_YEARLY_GRANTED(l, id, sec, clause, lo, hi, what) \
	UPTO(l, sec, clause, what), MAX_YEARS(l, sec, clause),
#define KIND_YEARLY_FIXED(l, id, sec, clause, lo, hi, what) \
	MONEY(sec, "amount", E(l, amount), clause, what, l), MAX_YEARS(l, sec, clause),
/* 第12条: 最高1000万元项目资助和最高300万元购房补贴 */
#define KIND_TEAM_GRANTED(l, id, sec, clause, lo, hi, what)                                      \
	MONEY(sec, "project_cap", E(l, project_cap), clause, "project funding per team at most", \
	      l),                                                                                \
		MONEY(sec, "housing_cap", E(l, housing_cap), clause,                             \
		      "housing subsidy per team at most", l),                                    \
		SHARE(sec, "payout", E(l, payout), clause,                                       \
		      "share of the caps granted when the data give no amount (assumption)", l),

static const struct param_def table[] = {
	P("scenario", "start_year", PT_INT, start_year, 2000, 2100, "year", "",
	  "first qualifying year of the policy", -1),
	P("scenario", "years", PT_INT, years, 1, 20, "years", "",
	  "number of qualifying years the policy runs", -1),
	P("scenario", "payment_lag", PT_INT, payment_lag, 0, 5, "years", "",
	  "years between the qualifying year and payment", -1),
	{"scenario", "after_expiry", PT_ENUM, OFF(after_expiry), 0, 1, after_expiry_names, "",
	 "第7条, 第13条",
	 N_("honour: yearly support granted in the policy period runs its years after the "
	    "horizon; stop: it ends with the policy's last year (default honour)"),
	 true, -1, false},
	SHARE("funding", "provincial_share", provincial_share, "",
	      "provincial part of pooled money (assumption: not published)", -1),
	SHARE("funding", "district_share", district_share, "",
	      "part of the non-provincial money borne by districts", -1),
	MONEY("funding", "provincial_block", provincial_block, "",
	      "provincial money a paid year for the pooled lines, shared pro rata once their "
	      "provincial parts pass it; the city and districts pay the rest (0: no block)",
	      -1),

/* every line: its common keys, then its kind's (firm lines: their own) */
#define LINE(id, sec, clause, kind, pay, lo, hi, funding, owner, what, pop, en, zh) \
	COMMON(L_##id, #sec, clause), KIND_##kind##_##pay(L_##id, id, #sec, clause, lo, hi, what)
#include "lines.def"
#undef LINE

#include "params_model.inc"

/* [uncosted]: lump sums the bureau decides, one key an item (uncosted.def) */
#define UNCOSTED(id, key, clause, short_en, short_zh, en, zh)                                   \
	MONEY("uncosted", key, uncosted[U_##id], clause,                                        \
	      "the bureau's lump sum a policy year for " short_en " (not costed by the model; " \
	      "0 = none)",                                                                      \
	      -1),
#include "uncosted.def"
#undef UNCOSTED

/* [district.<name>]: each district's sharing rule and where recipients are */
#define DNO 1
#define DSEC "district.姑苏区"
#include "params_district.inc"
#define DNO 2
#define DSEC "district.虎丘区"
#include "params_district.inc"
#define DNO 3
#define DSEC "district.吴中区"
#include "params_district.inc"
#define DNO 4
#define DSEC "district.相城区"
#include "params_district.inc"
#define DNO 5
#define DSEC "district.吴江区"
#include "params_district.inc"
#define DNO 6
#define DSEC "district.苏州工业园区"
#include "params_district.inc"
#define DNO 7
#define DSEC "district.常熟市"
#include "params_district.inc"
#define DNO 8
#define DSEC "district.张家港市"
#include "params_district.inc"
#define DNO 9
#define DSEC "district.昆山市"
#include "params_district.inc"
#define DNO 10
#define DSEC "district.太仓市"
#include "params_district.inc"

/* [owner.<key>]: whether an owner's money is new */
#define OWNER(id, key, zh, en, new_money)                                                       \
	{"owner." #key,                                                                         \
	 "new_money",                                                                           \
	 PT_BOOL,                                                                               \
	 OFF(owner_new[OWN_##id]),                                                              \
	 0,                                                                                     \
	 1,                                                                                     \
	 NULL,                                                                                  \
	 "",                                                                                    \
	 "",                                                                                    \
	 N_("true: money the policy adds; false: an existing programme (default: owners.def)"), \
	 true,                                                                                  \
	 -1,                                                                                    \
	 false},
#include "owners.def"
#undef OWNER
};

#define N_TABLE (sizeof table / sizeof table[0])
_Static_assert(N_TABLE <= MAX_PARAMS, "raise MAX_PARAMS");

const struct param_def *params_table(size_t *n)
{
	*n = N_TABLE;
	return table;
}

const char *params_meaning(const struct param_def *d, int lang)
{
	/* gettext("") is the catalogue's header, not an empty text */
	return d->desc[0] ? L_(lang, d->desc) : d->desc;
}

/* The table's units, looked up with the context "unit" (i18n.h's
 * pgettext): "year" the unit is not "year" the ledger's column (年度). */
static const char *const unit_ids[] = {
	pgettext("unit", "year"),   pgettext("unit", "years"), pgettext("unit", "share"),
	pgettext("unit", "shares"), pgettext("unit", "yuan"),  pgettext("unit", "persons"),
	pgettext("unit", "awards"), pgettext("unit", "count"), pgettext("unit", "lines"),
};

const char *params_unit(const struct param_def *d, int lang)
{
	for (size_t i = 0; d->unit[0] && i < sizeof unit_ids / sizeof *unit_ids; i++) {
		if (strcmp(strchr(unit_ids[i], '\004') + 1, d->unit) == 0)
			return i18n_ctx_in(lang, unit_ids[i]);
	}
	return d->unit;
}

int params_canon_section(const char *section, char *buf, size_t n)
{
	static const char pre[] = "district.";
	size_t k = sizeof pre - 1;
	if (strncmp(section, pre, k) != 0) {
		snprintf(buf, n, "%s", section);
		return 0;
	}
	int d = district_parse(section + k);
	if (d == 0)
		return -1;
	snprintf(buf, n, "%s%s", pre, district_name(d));
	return 0;
}

/* ---- finding a parameter: a hash index of the table ----
 * A load looks up every key it reads and every line's and district's
 * keys (params_check): a scan of the table with two strcmp a row was
 * most of a load's time. The index is built once, at first use, under a
 * once-guard (studies load scenarios in parallel), and only read after. */
#define INDEX_SLOTS 2048 /* a power of two: at most half full */
_Static_assert(INDEX_SLOTS >= 2 * MAX_PARAMS, "raise INDEX_SLOTS");
static unsigned short by_key[INDEX_SLOTS];     /* row + 1 by hash of (section, key); 0 empty */
static unsigned short by_section[INDEX_SLOTS]; /* first row of a section + 1 by its hash */
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

/* FNV-1a of section, and of key after it when given */
static unsigned name_hash(const char *section, const char *key)
{
	unsigned h = 2166136261u;
	for (const char *p = section; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	if (key) {
		h = (h ^ 0xff) * 16777619u; /* a byte no name holds, between the two */
		for (const char *p = key; *p; p++)
			h = (h ^ (unsigned char)*p) * 16777619u;
	}
	return h & (INDEX_SLOTS - 1);
}

/* The slot of section (and key) in slots: the row's, else the empty one
 * that ends its probe. */
static unsigned index_slot(const unsigned short *slots, const char *section, const char *key)
{
	unsigned h = name_hash(section, key);
	for (; slots[h]; h = (h + 1) & (INDEX_SLOTS - 1)) {
		const struct param_def *d = &table[slots[h] - 1];
		if (strcmp(d->section, section) == 0 && (!key || strcmp(d->key, key) == 0))
			break;
	}
	return h;
}

/* Rows in table order, so a name twice would find its first row, as a scan did. */
static void index_build(void)
{
	for (size_t i = 0; i < N_TABLE; i++) {
		unsigned k = index_slot(by_key, table[i].section, table[i].key);
		if (!by_key[k])
			by_key[k] = (unsigned short)(i + 1);
		unsigned s = index_slot(by_section, table[i].section, NULL);
		if (!by_section[s])
			by_section[s] = (unsigned short)(i + 1);
	}
}

/* The row of section.key (key NULL: a row of section), names as the table has them, or -1. */
static int index_find(const char *section, const char *key)
{
	pthread_once(&index_once, index_build);
	const unsigned short *slots = key ? by_key : by_section;
	return slots[index_slot(slots, section, key)] - 1;
}

/* index_find, a district section by any of its names: a section the
 * table names is its own canonical name, so only a miss is resolved. */
static int find_canon(const char *section, const char *key)
{
	int i = index_find(section, key);
	char canon[64];
	if (i < 0 && strncmp(section, "district.", 9) == 0 &&
	    params_canon_section(section, canon, sizeof canon) == 0)
		i = index_find(canon, key);
	return i;
}

int params_find(const char *section, const char *key)
{
	return find_canon(section, key);
}

bool params_section_known(const char *section)
{
	if (strcmp(section, PARAMS_SENSITIVITY) == 0 || strcmp(section, TARGETS_SECTION) == 0)
		return true; /* keys name other parameters (params_range_set) or aggregates (targets.h) */
	return find_canon(section, NULL) >= 0;
}

static const char *closest(const char *section, const char *word, bool keys)
{
	const char *best = NULL;
	size_t bestd = strlen(word) / 2 + 2; /* further than this is no suggestion */
	for (size_t i = 0; i < N_TABLE; i++) {
		if (keys && strcmp(table[i].section, section) != 0)
			continue;
		const char *cand = keys ? table[i].key : table[i].section;
		size_t d = text_distance(word, cand, false);
		if (d < bestd) {
			bestd = d;
			best = cand;
		}
	}
	return best;
}

const char *params_suggest(const char *section, const char *key)
{
	return closest(section, key, true);
}

const char *params_suggest_section(const char *section)
{
	const char *best = closest(NULL, section, false);
	size_t d = text_distance(section, PARAMS_SENSITIVITY, false);
	if (d < strlen(section) / 2 + 2 && (!best || d < text_distance(section, best, false)))
		best = PARAMS_SENSITIVITY;
	return best;
}

static void *slot(struct policy *p, int i)
{
	return (char *)p + table[i].offset;
}

static const void *cslot(const struct policy *p, int i)
{
	return (const char *)p + table[i].offset;
}

static void range_words(const struct param_def *d, int lang, char *buf, size_t n)
{
	char lo[48], hi[48];
	switch (d->type) {
	case PT_MONEY:
	case PT_DIST_MONEY:
		money_words(d->lo, lo, sizeof lo);
		money_words(d->hi, hi, sizeof hi);
		break;
	case PT_SHARE:
	case PT_DIST_SHARE:
		share_words(d->lo, lo, sizeof lo);
		share_words(d->hi, hi, sizeof hi);
		break;
	default: /* in full: a planner reads 10000000, not 1e+07 */
		snprintf(lo, sizeof lo, "%.15g", d->lo);
		snprintf(hi, sizeof hi, "%.15g", d->hi);
	}
	snprintf(buf, n, L_(lang, "%s to %s"), lo, hi);
}

static bool is_dist(const struct param_def *d)
{
	return d->type == PT_DIST_MONEY || d->type == PT_DIST_SHARE || d->type == PT_DIST_NUMBER;
}

/* A scenario's values are written so that they read back exactly (the
 * resolved INI "loads back to the same run"): as the policy writes them
 * where that is exact, else as the shortest exact plain number (an
 * amount below the fen, a share finer than 0.000001%). */
static void plain_number(double v, char *buf, size_t n)
{
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, n, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

static void exact_words(double v, dist_fmt_fn words, dist_num_fn parse, char *buf, size_t n)
{
	char err[200];
	double back;
	words(v, buf, n);
	if (parse(buf, &back, err, sizeof err) != 0 || back != v)
		plain_number(v, buf, n);
}

static void exact_money(double v, char *buf, size_t n)
{
	exact_words(v, money_words, money_parse, buf, n);
}

static void exact_share(double v, char *buf, size_t n)
{
	exact_words(v, share_words, share_parse, buf, n);
}

static dist_num_fn dist_num_of(enum ptype t)
{
	return t == PT_DIST_MONEY ? money_parse : t == PT_DIST_SHARE ? share_parse : number_parse;
}

static dist_fmt_fn dist_fmt_of(enum ptype t)
{
	return t == PT_DIST_MONEY ? exact_money : t == PT_DIST_SHARE ? exact_share : plain_number;
}

/* A constant or a distribution, whose draws must stay in the valid range. */
static int set_dist(struct policy *p, int i, const char *text, char *err, size_t errlen)
{
	const struct param_def *d = &table[i];
	struct dist v;
	char why[300];
	if (dist_parse(text, dist_num_of(d->type), &v, why, sizeof why) != 0) {
		snprintf(err, errlen, "%s", why);
		return -1;
	}
	if (dist_check_range(&v, d->lo, d->hi, why, sizeof why) != 0) {
		char r[120];
		range_words(d, i18n_lang(), r, sizeof r);
		snprintf(err, errlen, _("\"%s\": %s (valid: %s)"), text, why, r);
		return -1;
	}
	/* field by field: v's padding after its kind is whatever the stack
	 * held, and the same values should give the same bytes */
	struct dist *to = slot(p, i);
	to->kind = v.kind;
	memcpy(to->p, v.p, sizeof v.p);
	return 0;
}

/* "40%,30%,30%": 1 to MAX_INSTALMENTS shares, each above 0, in whole
 * millionths, adding up to exactly 100%. */
static int set_schedule(struct policy *p, int i, const char *text, char *err, size_t errlen)
{
	struct schedule v = {0};
	long long sum = 0;
	const char *at = text;
	for (;;) {
		const char *comma = strchr(at, ',');
		size_t len = comma ? (size_t)(comma - at) : strlen(at);
		char one[64], why[200];
		double f;
		if (v.n == MAX_INSTALMENTS) {
			snprintf(err, errlen,
				 _("\"%s\": more than %d instalments (valid: 1 to %d shares)"),
				 text, MAX_INSTALMENTS, MAX_INSTALMENTS);
			return -1;
		}
		if (len >= sizeof one) {
			snprintf(err, errlen, _("\"%.40s...\": a share is too long"), at);
			return -1;
		}
		snprintf(one, sizeof one, "%.*s", (int)len, at);
		if (share_parse(one, &f, why, sizeof why) != 0) {
			snprintf(err, errlen,
				 _("instalment %d: %s (expected shares such as 40%%,30%%,30%%)"),
				 v.n + 1, why);
			return -1;
		}
		double m = f * SCHEDULE_WHOLE;
		if (!(f > 0 && f <= 1) || fabs(m - nearbyint(m)) > 1e-6 * (m > 1 ? m : 1)) {
			snprintf(
				err, errlen,
				_("instalment %d: \"%s\" is not a share above 0%% and at most 100%% in "
				  "whole millionths (0.0001%%)"),
				v.n + 1, one);
			return -1;
		}
		v.part[v.n++] = (int)nearbyint(m);
		sum += (int)nearbyint(m);
		if (!comma)
			break;
		at = comma + 1;
	}
	if (sum != SCHEDULE_WHOLE) {
		char got[48];
		share_words((double)sum / SCHEDULE_WHOLE, got, sizeof got);
		snprintf(err, errlen, _("\"%s\": the shares add up to %s, not 100%%"), text, got);
		return -1;
	}
	*(struct schedule *)slot(p, i) = v;
	return 0;
}

/* "m12a, m7a, m13b": line sections (or names, any case), each once. */
static int set_lines(struct policy *p, int i, const char *text, char *err, size_t errlen)
{
	struct line_order v = {0};
	const char *at = text;
	while (*at) {
		while (*at == ' ' || *at == '\t')
			at++;
		size_t len = strcspn(at, ", \t");
		char word[32];
		if (len == 0 || len >= sizeof word) {
			snprintf(err, errlen,
				 _("\"%s\": expected line sections, e.g. m12a, m7a, m13b"), text);
			return -1;
		}
		snprintf(word, sizeof word, "%.*s", (int)len, at);
		int l = line_by_name(word);
		if (l < 0) {
			snprintf(err, errlen,
				 _("\"%s\" is not a line (valid: m1a ... m13b, fundsim "
				   "params lists them)"),
				 word);
			return -1;
		}
		for (int k = 0; k < v.n; k++) {
			if (v.line[k] == l) {
				snprintf(err, errlen, _("%s is listed twice"), word);
				return -1;
			}
		}
		v.line[v.n++] = l;
		at += len;
		while (*at == ' ' || *at == '\t')
			at++;
		if (*at == ',')
			at++;
	}
	*(struct line_order *)slot(p, i) = v;
	return 0;
}

static void format_lines(const struct line_order *v, char *buf, size_t n)
{
	size_t k = 0;
	buf[0] = 0;
	for (int j = 0; j < v->n && k < n; j++)
		k += (size_t)snprintf(buf + k, n - k, "%s%s", j ? ", " : "",
				      line_info(v->line[j])->section);
	if (v->n == 0)
		snprintf(buf, n, "none");
}

static void format_schedule(const struct schedule *v, char *buf, size_t n)
{
	size_t k = 0;
	buf[0] = 0;
	if (v->n <= 1) {
		snprintf(buf, n, "100%%");
		return;
	}
	for (int j = 0; j < v->n && k < n; j++)
		k += (size_t)snprintf(buf + k, n - k, "%s%.10g%%", j ? "," : "",
				      v->part[j] / (SCHEDULE_WHOLE / 100.0));
}

static bool is_tier_key(const struct param_def *d)
{
	return strncmp(d->key, "tier", 4) == 0;
}

int params_set(struct policy *p, int i, const char *text, char *err, size_t errlen)
{
	const struct param_def *d = &table[i];
	double v = 0;
	int iv = 0, rc = 0;
	char why[200] = "";

	if (strcmp(text, "none") == 0 && is_tier_key(d)) {
		*(double *)slot(p, i) = NAN;
		return 0;
	}
	if (is_dist(d))
		return set_dist(p, i, text, err, errlen);
	if (d->type == PT_SCHEDULE)
		return set_schedule(p, i, text, err, errlen);
	if (d->type == PT_LINES)
		return strcmp(text, "none") == 0
			       ? (*(struct line_order *)slot(p, i) = (struct line_order){0}, 0)
			       : set_lines(p, i, text, err, errlen);
	switch (d->type) {
	case PT_MONEY:
		rc = money_parse(text, &v, why, sizeof why);
		break;
	case PT_SHARE:
		rc = share_parse(text, &v, why, sizeof why);
		break;
	case PT_NUMBER:
		rc = number_parse(text, &v, why, sizeof why);
		break;
	case PT_INT:
		rc = int_parse(text, &iv, why, sizeof why);
		v = iv;
		break;
	case PT_BOOL:
		if (strcmp(text, "true") == 0) {
			*(bool *)slot(p, i) = true;
		} else if (strcmp(text, "false") == 0) {
			*(bool *)slot(p, i) = false;
		} else {
			snprintf(err, errlen, _("\"%s\" is not true or false"), text);
			return -1;
		}
		return 0;
	case PT_DIST_MONEY:
	case PT_DIST_SHARE:
	case PT_DIST_NUMBER:
	case PT_SCHEDULE:
	case PT_LINES:
		return -1; /* handled above */
	case PT_ENUM:
		for (int k = 0; d->names[k]; k++) {
			if (strcmp(text, d->names[k]) == 0) {
				*(int *)slot(p, i) = k;
				return 0;
			}
		}
		{
			size_t k = (size_t)snprintf(err, errlen, _("\"%s\" is not one of:"), text);
			for (int j = 0; d->names[j] && k < errlen; j++)
				k += (size_t)snprintf(err + k, errlen - k, " %s", d->names[j]);
		}
		return -1;
	}
	if (rc != 0 && d->type == PT_INT) { /* "1.5", "99999999999": say what is valid */
		char r[160];
		params_range_words(i, i18n_lang(), r, sizeof r);
		snprintf(err, errlen, _("%s (valid: %s)"), why, r);
		return -1;
	}
	if (rc != 0) {
		snprintf(err, errlen, "%s", why);
		return -1;
	}
	if (v < d->lo || v > d->hi) {
		char r[120];
		range_words(d, i18n_lang(), r, sizeof r);
		bool unit = (d->type == PT_INT || d->type == PT_NUMBER) &&
			    d->unit[0]; /* others: 万/% */
		snprintf(err, errlen, _("\"%s\" is out of range (valid: %s%s%s)"), text, r,
			 unit ? " " : "", unit ? params_unit(d, i18n_lang()) : "");
		return -1;
	}
	if (d->type == PT_INT)
		*(int *)slot(p, i) = iv;
	else
		*(double *)slot(p, i) = v;
	return 0;
}

/* Units of things that come whole: a threshold of 1.5 persons is a typo
 * or a doubt, never a reading (the panel's counts are whole). */
static bool counts_whole(const struct param_def *d)
{
	return d->type == PT_NUMBER &&
	       (strcmp(d->unit, "persons") == 0 || strcmp(d->unit, "years") == 0);
}

int params_set_written(struct policy *p, int i, const char *text, char *err, size_t errlen)
{
	if (params_set(p, i, text, err, errlen) != 0)
		return -1;
	const struct param_def *d = &table[i];
	if (d->type != PT_MONEY && !counts_whole(d))
		return 0;
	double v = *(const double *)cslot(p, i);
	double m = d->type == PT_MONEY ? v * 100 : v; /* fen, or the count */
	/* |m| < 1e15 (MONEY_MAX): a double holds it to far better than 1e-12 */
	bool whole = fabs(m - nearbyint(m)) <= 1e-12 * fmax(1, fabs(m)) &&
		     (nearbyint(m) != 0 || v == 0); /* 1e-320: a denormal is no fen */
	if (isnan(v) || whole)
		return 0;
	char r[160];
	params_range_words(i, i18n_lang(), r, sizeof r);
	if (d->type == PT_MONEY)
		snprintf(err, errlen,
			 _("\"%s\" is finer than a fen (0.01 yuan), which no award is paid in "
			   "(valid: %s, in whole fen)"),
			 text, r);
	else
		snprintf(err, errlen, _("\"%s\" is not a whole number (valid: %s)"), text, r);
	return -1;
}

bool params_is_none(const struct policy *p, int i)
{
	const struct param_def *d = &table[i];
	return (d->type == PT_MONEY || d->type == PT_SHARE || d->type == PT_NUMBER) &&
	       isnan(*(const double *)cslot(p, i));
}

void params_format(const struct policy *p, int i, char *buf, size_t n)
{
	const struct param_def *d = &table[i];
	if (params_is_none(p, i)) {
		snprintf(buf, n, "none");
		return;
	}
	switch (d->type) {
	case PT_DIST_MONEY:
	case PT_DIST_SHARE:
	case PT_DIST_NUMBER:
		dist_format(cslot(p, i), dist_fmt_of(d->type), buf, n);
		break;
	case PT_MONEY:
		exact_money(*(const double *)cslot(p, i), buf, n);
		break;
	case PT_SHARE:
		exact_share(*(const double *)cslot(p, i), buf, n);
		break;
	case PT_NUMBER:
		plain_number(*(const double *)cslot(p, i), buf, n);
		break;
	case PT_INT:
		snprintf(buf, n, "%d", *(const int *)cslot(p, i));
		break;
	case PT_BOOL:
		snprintf(buf, n, "%s", *(const bool *)cslot(p, i) ? "true" : "false");
		break;
	case PT_ENUM:
		snprintf(buf, n, "%s", d->names[*(const int *)cslot(p, i)]);
		break;
	case PT_SCHEDULE:
		format_schedule(cslot(p, i), buf, n);
		break;
	case PT_LINES:
		format_lines(cslot(p, i), buf, n);
		break;
	}
}

/* Count the tiers of one line and check that they are contiguous and
 * increasing. first: index of tier1's first key; per: keys per tier. */
static int check_tiers(struct policy *p, const bool *isset, int first, int per, int *ntiers,
		       char *err, size_t errlen, int *bad)
{
	int n = 0;
	for (int t = 0; t < MAX_TIERS; t++) {
		int rev = first + t * per + (per == 3); /* the revenue key */
		bool on = isset[rev] && !params_is_none(p, rev);
		if (!on) {
			if (t == 0) {
				*bad = rev;
				snprintf(err, errlen,
					 _("tier1 is required (disable the line instead)"));
				return -1;
			}
			for (int u = t + 1; u < MAX_TIERS; u++) {
				int r2 = first + u * per + (per == 3);
				if (isset[r2] && !params_is_none(p, r2)) {
					*bad = r2;
					snprintf(err, errlen, _("tier%d is set but tier%d is not"),
						 u + 1, t + 1);
					return -1;
				}
			}
			break;
		}
		for (int k = 0; k < per; k++) {
			int j = first + t * per + k;
			if (!isset[j] || params_is_none(p, j)) {
				*bad = j;
				snprintf(err, errlen, _("tier%d needs %s too"), t + 1,
					 table[j].key);
				return -1;
			}
		}
		n++;
	}
	struct tier *tiers = (struct tier *)((char *)p + table[first].offset -
					     (per == 3 ? offsetof(struct tier, employees)
						       : offsetof(struct tier, revenue)));
	for (int t = 1; t < n; t++) {
		int rev = first + t * per + (per == 3);
		if (!(tiers[t].revenue > tiers[t - 1].revenue)) {
			char a[48], b[48];
			money_words(tiers[t].revenue, a, sizeof a);
			money_words(tiers[t - 1].revenue, b, sizeof b);
			*bad = rev;
			snprintf(err, errlen,
				 _("tier thresholds must increase: tier%d_revenue %s "
				   "is not above tier%d_revenue %s"),
				 t + 1, a, t, b);
			return -1;
		}
		if (per == 3 && tiers[t].employees < tiers[t - 1].employees) {
			*bad = first + t * per;
			snprintf(err, errlen,
				 _("tier thresholds must increase: tier%d_employees "
				   "%g is below tier%d_employees %g"),
				 t + 1, tiers[t].employees, t, tiers[t - 1].employees);
			return -1;
		}
	}
	*ntiers = n;
	return 0;
}

/* [district.X]: unset rules inherit (NaN); recipients must be somewhere. */
static int check_districts(struct policy *p, const bool *isset, char *err, size_t errlen, int *bad)
{
	double firms = 0, talent = 0;
	for (int d = 1; d <= N_DISTRICTS; d++) {
		char sec[48];
		snprintf(sec, sizeof sec, "district.%s", district_name(d));
		int i = params_find(sec, "share");
		if (!isset[i])
			p->district_rule[d].share = NAN;
		for (int l = 0; l < N_LINES; l++) {
			int k = params_find(sec, line_info(l)->section);
			if (!isset[k]) {
				p->district_rule[d].line[l] = NAN;
			} else if (line_pays_district(l) && p->district_rule[d].line[l] > 0) {
				*bad = k;
				snprintf(
					err, errlen,
					_("%s pays a district, which never co-funds its own award: "
					  "leave it out or write 0"),
					line_info(l)->name);
				return -1;
			}
		}
		firms += p->model.where_firms[d];
		talent += p->model.where_talent[d];
	}
	const char *what = !(firms > 0) ? "firms" : !(talent > 0) ? "talent" : NULL;
	if (what) {
		*bad = params_find("district.苏州工业园区", what);
		snprintf(err, errlen,
			 _("the ten districts' %s weights add up to 0: recipients must be "
			   "somewhere (give at least one district a share)"),
			 what);
		return -1;
	}
	return 0;
}

int params_check(struct policy *p, const bool *isset, char *err, size_t errlen, int *bad)
{
	for (size_t i = 0; i < N_TABLE; i++) {
		if (!isset[i] && !table[i].optional) {
			*bad = (int)i;
			snprintf(err, errlen,
				 _("no value given (every scenario needs it; "
				   "leave out base = to build on the built-in draft policy)"));
			return -1;
		}
	}
	/* unset optional shares inherit [funding]: NaN says so */
	for (int l = 0; l < N_LINES; l++) {
		char sec[8];
		snprintf(sec, sizeof sec, "%s", line_info(l)->section);
		int ip = params_find(sec, "provincial_share"),
		    id = params_find(sec, "district_share");
		if (!isset[ip])
			p->line[l].provincial_share = NAN;
		if (!isset[id])
			p->line[l].district_share = NAN;
		if (!isset[params_find(sec, "in_total")])
			p->line[l].in_total = true;
		if (!isset[params_find(sec, "owner")])
			p->line[l].owner = line_info(l)->owner;
		if (line_pays_district(l) && isset[id] && p->line[l].district_share > 0) {
			*bad = id;
			snprintf(err, errlen,
				 _("%s pays a district, which never co-funds its own award: "
				   "leave it out or write 0"),
				 line_info(l)->name);
			return -1;
		}
		if (!isset[params_find(sec, "schedule")])
			p->line[l].schedule = (struct schedule){0}; /* one payment */
	}
	if (!isset[params_find("scenario", "after_expiry")])
		p->after_expiry = AFTER_HONOUR;
	if (!isset[params_find("budget", "priority")])
		p->model.budget.priority = (struct line_order){0};
	if (!isset[params_find("budget", "carry_forward")])
		p->model.budget.carry_forward = false;
	/* an option the rule does not use is refused, never ignored */
	if (p->model.budget.priority.n > 0 && p->model.budget.rule != BUDGET_PRIORITY) {
		*bad = params_find("budget", "priority");
		snprintf(err, errlen, _("only rule = priority uses it (rule is %s)"),
			 budget_rules[p->model.budget.rule]);
		return -1;
	}
	if (p->model.budget.carry_forward && p->model.budget.rule == BUDGET_REPORT) {
		*bad = params_find("budget", "carry_forward");
		snprintf(err, errlen,
			 _("rule = report cuts nothing to carry (use rule = prorata or priority)"));
		return -1;
	}
	for (int o = 0; o < N_OWNERS; o++) {
		char sec[48];
		snprintf(sec, sizeof sec, "owner.%s", owner_info(o)->key);
		if (!isset[params_find(sec, "new_money")])
			p->owner_new[o] = owner_info(o)->new_money;
	}
	if (check_districts(p, isset, err, errlen, bad) != 0)
		return -1;
	if (check_tiers(p, isset, params_find("m2", "tier1_employees"), 3, &p->m2.ntiers, err,
			errlen, bad) != 0)
		return -1;
	return check_tiers(p, isset, params_find("m3a", "tier1_revenue"), 2, &p->m3a.ntiers, err,
			   errlen, bad);
}

/* ---- single values and ranges, for studies and [sensitivity] ---- */

bool params_numeric(int i)
{
	return table[i].type != PT_BOOL && table[i].type != PT_ENUM && table[i].type != PT_SCHEDULE;
}

int params_parse_number(int i, const char *text, double *out, char *err, size_t errlen)
{
	const struct param_def *d = &table[i];
	char why[200];
	int rc, iv = 0;
	switch (d->type) {
	case PT_MONEY:
	case PT_DIST_MONEY:
		rc = money_parse(text, out, why, sizeof why);
		break;
	case PT_SHARE:
	case PT_DIST_SHARE:
		rc = share_parse(text, out, why, sizeof why);
		break;
	case PT_NUMBER:
	case PT_DIST_NUMBER:
		rc = number_parse(text, out, why, sizeof why);
		break;
	case PT_INT:
		rc = int_parse(text, &iv, why, sizeof why);
		if (rc == 0)
			*out = iv;
		break;
	default:
		snprintf(err, errlen, _("\"%s\": the parameter is %s, not a number"), text,
			 d->type == PT_BOOL   ? _("true or false")
			 : d->type == PT_ENUM ? _("one word of a list")
					      : _("a list"));
		return -1;
	}
	if (rc != 0) {
		snprintf(err, errlen, "%s", why);
		return -1;
	}
	return 0;
}

int params_parse_value(int i, const char *text, double *out, char *err, size_t errlen)
{
	if (params_parse_number(i, text, out, err, errlen) != 0)
		return -1;
	/* the same check and message as --set: a distribution as a constant */
	struct policy scratch;
	return params_set_written(&scratch, i, text, err, errlen);
}

void params_range_words(int i, int lang, char *buf, size_t n)
{
	const struct param_def *d = &table[i];
	char r[120];
	range_words(d, lang, r, sizeof r);
	bool unit = (d->type == PT_INT || d->type == PT_NUMBER || d->type == PT_DIST_NUMBER) &&
		    d->unit[0];
	snprintf(buf, n, "%s%s%s", r, unit ? " " : "", unit ? params_unit(d, lang) : "");
}

void params_value_words(int i, double v, char *buf, size_t n)
{
	switch (table[i].type) {
	case PT_MONEY:
	case PT_DIST_MONEY:
		money_words(v, buf, n);
		break;
	case PT_SHARE:
	case PT_DIST_SHARE:
		share_words(v, buf, n);
		break;
	case PT_INT:
		snprintf(buf, n, "%.0f", v);
		break;
	default:
		snprintf(buf, n, "%.10g", v);
	}
}

int params_unknown_district(const char *section, char *err, size_t errlen)
{
	char list[1024];
	district_list(list, sizeof list);
	snprintf(err, errlen, _("[%s]: \"%s\" is not one of Suzhou's districts (valid: %s)"),
		 section, section + strlen("district."), list);
	return -1;
}

int params_key(const char *key, char *err, size_t errlen)
{
	const char *dot = strrchr(key, '.'); /* sections may hold dots (pop.m4) */
	char sec[32];
	if (!dot || dot == key || !dot[1] || (size_t)(dot - key) >= sizeof sec) {
		snprintf(err, errlen, _("\"%s\" is not section.key, e.g. m1a.cap or growth.mean"),
			 key);
		return -1;
	}
	snprintf(sec, sizeof sec, "%.*s", (int)(dot - key), key);
	int i = params_find(sec, dot + 1);
	if (i < 0) {
		char canon[64];
		if (params_canon_section(sec, canon, sizeof canon) != 0)
			return params_unknown_district(sec, err, errlen);
		const char *sug = params_section_known(sec) ? params_suggest(canon, dot + 1) : NULL;
		char hint[96];
		if (sug)
			snprintf(hint, sizeof hint, _(" (did you mean %s?)"), sug);
		else
			snprintf(hint, sizeof hint, "%s", _(" (fundsim params lists them)"));
		snprintf(err, errlen, _("unknown parameter %s%s"), key, hint);
		return -1;
	}
	return i;
}

int params_range_parse(int i, const char *text, double *lo, double *hi, char *err, size_t errlen)
{
	const char *colon = strchr(text, ':');
	char a[64], b[64], why[300];
	if (!colon || strchr(colon + 1, ':') || (size_t)(colon - text) >= sizeof a ||
	    strlen(colon + 1) >= sizeof b) {
		snprintf(err, errlen, _("\"%s\" is not a range LO:HI, e.g. 5%%:13%% or 50万:200万"),
			 text);
		return -1;
	}
	snprintf(a, sizeof a, "%.*s", (int)(colon - text), text);
	snprintf(b, sizeof b, "%s", colon + 1);
	if (params_parse_value(i, a, lo, why, sizeof why) != 0) {
		snprintf(err, errlen, "LO %s", why);
		return -1;
	}
	if (params_parse_value(i, b, hi, why, sizeof why) != 0) {
		snprintf(err, errlen, "HI %s", why);
		return -1;
	}
	if (!(*lo < *hi)) {
		snprintf(err, errlen, _("\"%s\": LO %s is not below HI %s"), text, a, b);
		return -1;
	}
	return 0;
}

int params_range_set(struct param_range *r, int *n, const char *key, const char *text, char *err,
		     size_t errlen)
{
	int i = params_key(key, err, errlen);
	if (i < 0)
		return -1;
	if (!params_numeric(i)) {
		snprintf(err, errlen, _("%s is %s: only a number can have a range"), key,
			 table[i].type == PT_BOOL   ? _("true or false")
			 : table[i].type == PT_ENUM ? _("one word of a list")
						    : _("a list"));
		return -1;
	}
	int at = 0;
	while (at < *n && r[at].param != i)
		at++;
	if (strcmp(text, "none") == 0) { /* drop a range a base scenario declared */
		if (at < *n)
			memmove(&r[at], &r[at + 1], (size_t)(*n - at - 1) * sizeof *r);
		*n -= at < *n;
		return 0;
	}
	struct param_range v = {.param = i};
	if (params_range_parse(i, text, &v.lo, &v.hi, err, errlen) != 0)
		return -1;
	if (at == *n && *n == MAX_SENSITIVITY) {
		snprintf(err, errlen,
			 _("more than %d ranges (Saltelli sampling takes 2 of the %d "
			   "dimensions of the Sobol sequence per parameter)"),
			 MAX_SENSITIVITY, 2 * MAX_SENSITIVITY);
		return -1;
	}
	r[at] = v;
	*n += at == *n;
	return 0;
}

/* ---- provenance ---- */

static bool starts_word(const char *s, const char *w)
{
	return strncasecmp(s, w, strlen(w)) == 0;
}

enum param_prov params_prov_of(const char *note)
{
	const char *s = note ? note : "";
	while (*s == ' ' || *s == '\t' || *s == ';' || *s == '#')
		s++;
	if (!*s)
		return PROV_UNMARKED;
	static const char clause[] = "第"; /* 第N条: the policy's article */
	if (strncmp(s, clause, strlen(clause)) == 0) {
		const char *p = s + strlen(clause);
		while (*p >= '0' && *p <= '9')
			p++;
		if (p > s + strlen(clause) && strncmp(p, "条", strlen("条")) == 0)
			return PROV_TEXT;
	}
	if (starts_word(s, "reading"))
		return PROV_READING;
	if (starts_word(s, "by definition"))
		return PROV_DEFINITION;
	if (starts_word(s, "assumption"))
		return PROV_ASSUMPTION;
	for (const char *p = s; *p; p++) /* "fitted ...; sigma 1.3 assumption" */
		if ((*p == 'a' || *p == 'A') && starts_word(p, "assumption"))
			return PROV_PARTLY;
	return PROV_SOURCED;
}

const char *params_prov_name(enum param_prov p)
{
	static const char *const names[N_PROVS] = {
		[PROV_UNMARKED] = "unmarked",     [PROV_TEXT] = "text",
		[PROV_SOURCED] = "sourced",       [PROV_DEFINITION] = "definition",
		[PROV_READING] = "reading",       [PROV_PARTLY] = "partly",
		[PROV_ASSUMPTION] = "assumption",
	};
	return (unsigned)p < N_PROVS ? names[p] : "unmarked";
}
