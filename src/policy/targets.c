/* targets.c - calibration targets: the aggregates a target may name, and
 * reading "LO:HI | source". */
#include "targets.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "money.h"
#include "sim.h"
#include "i18n.h"

/* What a count counts, for calibrate's columns ("1200 - 2200家"); with the
 * context "count unit" (i18n.h's pgettext) so that 家 is not every "firms" */
static const struct {
	const char *key, *unit;
} count_units[] = {
	{"firms", pgettext("count unit", "firms")},
	{"firms_10yi", pgettext("count unit", "firms")},
	{"key_db", pgettext("count unit", "firms")},
	{"top100_new", pgettext("count unit", "firms")},
	{"m12a_teams", pgettext("count unit", "teams")},
	{"m12c_talents", pgettext("count unit", "talents")},
};

const char *targets_count_unit(const struct target_def *d, int lang)
{
	for (size_t k = 0; d->unit == TU_COUNT && k < sizeof count_units / sizeof *count_units; k++)
		if (strcmp(d->key, count_units[k].key) == 0)
			return i18n_ctx_in(lang, count_units[k].unit);
	return "";
}

/* desc is a msgid (targets_meaning), short: calibrate shows it beside the key.
 * The base year is start_year - 1, the last year of data before the policy. */
static const struct target_def table[] = {
	{"firms", PS_FIRMS, TU_COUNT, "firms", N_("software firms, base year")},
	{"revenue", PS_REVENUE, TU_YUAN, "yuan", N_("their total revenue, base year")},
	{"mean_revenue", PS_MEAN_REVENUE, TU_YUAN, "yuan", N_("revenue per firm, base year")},
	{"share_1yi", PS_SHARE_1YI, TU_SHARE, "share",
	 N_("share of firms at 1亿 revenue or more, base year")},
	{"share_5yi", PS_SHARE_5YI, TU_SHARE, "share",
	 N_("share of firms at 5亿 revenue or more, base year")},
	{"firms_10yi", PS_FIRMS_10YI, TU_COUNT, "firms",
	 N_("firms at 10亿 revenue or more, base year")},
	{"growth", PS_GROWTH, TU_SHARE, "share a year",
	 N_("all firms' revenue growth a year, policy years' mean")},
	{"key_db", PS_KEY_DB, TU_COUNT, "firms",
	 N_("key software enterprises, the policy's first year")},
	{"growth50", PS_GROWTH50, TU_SHARE, "share",
	 N_("share of key enterprises' policy years growing over 50%")},
	{"top100_new", PS_TOP100_NEW, TU_COUNT, "a year",
	 N_("first listings in a national software top 100, a year")},
	{"m12a_teams", PS_M12A_TEAMS, TU_COUNT, "a year",
	 N_("software talent teams applying a year (M12A)")},
	{"m12c_talents", PS_M12C_TALENTS, TU_COUNT, "a year",
	 N_("shortage-list software talents a year (M12C)")},
	{"m12c_grant", PS_M12C_MEAN, TU_YUAN, "yuan", N_("mean salary subsidy per talent (M12C)")},
};
#define N_TABLE (sizeof table / sizeof table[0])
_Static_assert(N_TABLE <= MAX_TARGETS, "MAX_TARGETS holds every target");

const struct target_def *targets_table(size_t *n)
{
	*n = N_TABLE;
	return table;
}

const char *targets_meaning(const struct target_def *d, int lang)
{
	return L_(lang, d->desc);
}

/* The built-in scenario's sources as it words them ([targets] in
 * scenarios/suzhou-draft.ini), marked here for translation: xgettext never
 * sees a scenario file. check_scenario holds every source of the built-in
 * scenario to a row of this table, as check_report does its readings. */
static const char *const source_words[] = {
	/* xgettext:no-c-format */
	N_("Jiangsu had 6,225 firms in the MIIT software statistics (2020, js.people.com.cn) and "
	   "6,573 (H1 2021, m.xc-boots.com). Estimate: Suzhou, one of Jiangsu's three 软件名城, "
	   "20-33% of them"),
	/* xgettext:no-c-format */
	N_("Jiangsu software revenue 1.4万亿 (2023) +8.7% (2024) = about 1.52万亿 (tj-wxkj.com). "
	   "Estimate: Suzhou 10-25% of it, and more than SIP's park revenue (600亿, [pop.m5b])"),
	/* xgettext:no-c-format */
	N_("Jiangsu: 1.08万亿 over 6,225 firms = 1.7亿 a firm (2020, js.people.com.cn). National: "
	   "2.4-3.2亿 a firm (2021-23, xxznews.com, cinic.org.cn)"),
	/* xgettext:no-c-format */
	N_("estimate, not public for Suzhou: Jiangsu's 1.7亿 a firm (2020) spread as a lognormal "
	   "of sigma 1.2-1.6 (the usual spread of firm sizes) puts 20-45% of firms at 1亿 or more"),
	/* xgettext:no-c-format */
	N_("estimate, as share_1yi: 2-8% of firms at 5亿 or more"),
	/* xgettext:no-c-format */
	N_("estimate: Jiangsu has 9 firms in the national software top 100 (2020, "
	   "js.people.com.cn), whose entry bar was 16.2亿 (2017, iruanshi.com). Suzhou holds a few "
	   "of them, so at most a few times that many firms above 10亿"),
	/* xgettext:no-c-format */
	N_("Suzhou 规上 software and IT services +9.9% (Jan-Jul 2024, fgyfs.cn), +11.4% (Q1, "
	   "js.010b.com). Jiangsu +9.5% (2023), +8.7% (2024) (tj-wxkj.com). National +10.0% "
	   "(2024, t-block.cn)"),
	/* xgettext:no-c-format */
	N_("Suzhou key software enterprises, 2025 list: about 380-390 (SIP 151, 近40%) (phrsbx.cn "
	   "2025-12)"),
	/* xgettext:no-c-format */
	N_("of 155 A-share software firms 2.6% grew more than 50% (2024, ljyaf.com). 9 of the top "
	   "100 (2017, iruanshi.com)"),
	/* xgettext:no-c-format */
	N_("Jiangsu holds 9 of the top 100 (2020) and an edition has about 10 first-time entrants "
	   "(2019, 中新社): about 0.9 a year for Jiangsu. Estimate: Suzhou 5-60% of them"),
	/* xgettext:no-c-format */
	N_("Gusu leading talents 2,233 cumulative, all industries (end-2021, js.cri.cn). SND alone "
	   "takes more than 200 entrepreneurs or teams a year (2020, chinadaily). Estimate: "
	   "software teams 2-10% of a few hundred a year"),
	/* xgettext:no-c-format */
	N_("重点产业紧缺人才: about 2,000 a year city-wide, all industries (2017, fgyfs.cn). "
	   "Estimate: software 5-20% of them"),
	/* xgettext:no-c-format */
	N_("6-12万 each over 2 years. 高新区: 485 people, 4,143万 = 8.5万 each (2017, fgyfs.cn)"),
};

const char *targets_source_words(const char *source, int lang)
{
	for (size_t i = 0; i < sizeof source_words / sizeof source_words[0]; i++)
		if (strcmp(source, source_words[i]) == 0)
			return L_(lang, source_words[i]);
	return NULL;
}

int targets_find(const char *key)
{
	for (size_t i = 0; i < N_TABLE; i++)
		if (strcmp(table[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int parse_in(const struct target_def *d, const char *s, double *v, char *err, size_t errlen)
{
	switch (d->unit) {
	case TU_YUAN:
		return money_parse(s, v, err, errlen);
	case TU_SHARE:
		return share_parse(s, v, err, errlen);
	case TU_COUNT:
		break;
	}
	return number_parse(s, v, err, errlen);
}

static void keys_list(char *buf, size_t n)
{
	size_t k = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < N_TABLE && k < n; i++)
		k += (size_t)snprintf(buf + k, n - k, "%s%s", i ? ", " : "", table[i].key);
}

static void trim(char *s)
{
	size_t a = strspn(s, " \t"), n = strlen(s);
	while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	memmove(s, s + a, n - a);
	s[n - a] = '\0';
}

int targets_set(struct target *t, int *n, const char *key, const char *text, char *err,
		size_t errlen)
{
	int d = targets_find(key);
	if (d < 0) {
		char keys[512];
		keys_list(keys, sizeof keys);
		snprintf(err, errlen, _("unknown target (targets: %s)"), keys);
		return -1;
	}
	int at = 0;
	while (at < *n && t[at].def != d)
		at++;
	if (strcmp(text, "none") == 0) {
		if (at < *n)
			memmove(&t[at], &t[at + 1], (size_t)(*n - at - 1) * sizeof *t);
		*n -= at < *n;
		return 0;
	}
	const char *bar = strchr(text, '|'), *colon = strchr(text, ':');
	if (!bar || !colon || colon > bar) {
		snprintf(err, errlen,
			 _("\"%s\": expected LO:HI | SOURCE, e.g. 370:400 | 2025 list "
			   "(phrsbx.cn)"),
			 text);
		return -1;
	}
	char lo[64], hi[64], src[TARGET_SOURCE_LEN], why[200];
	size_t nlo = (size_t)(colon - text), nhi = (size_t)(bar - colon - 1);
	if (nlo >= sizeof lo || nhi >= sizeof hi || strlen(bar + 1) >= sizeof src) {
		snprintf(err, errlen, _("\"%s\": too long (a source of at most %d bytes)"), text,
			 TARGET_SOURCE_LEN - 1);
		return -1;
	}
	snprintf(lo, sizeof lo, "%.*s", (int)nlo, text);
	snprintf(hi, sizeof hi, "%.*s", (int)nhi, colon + 1);
	snprintf(src, sizeof src, "%s", bar + 1);
	trim(lo);
	trim(hi);
	trim(src);
	struct target v = {.def = d};
	if (parse_in(&table[d], lo, &v.lo, why, sizeof why) != 0 ||
	    parse_in(&table[d], hi, &v.hi, why, sizeof why) != 0) {
		snprintf(err, errlen, "\"%s\": %s", text, why);
		return -1;
	}
	if (!(v.lo <= v.hi) || !isfinite(v.lo) || !isfinite(v.hi)) {
		snprintf(err, errlen, _("\"%s\": LO must not exceed HI"), text);
		return -1;
	}
	if (!src[0]) {
		snprintf(err, errlen,
			 _("\"%s\": no source after '|' (every target says where it "
			   "comes from)"),
			 text);
		return -1;
	}
	snprintf(v.source, sizeof v.source, "%s", src);
	if (at == *n && *n == MAX_TARGETS) {
		snprintf(err, errlen, _("more than %d targets"), MAX_TARGETS);
		return -1;
	}
	t[at] = v;
	*n += at == *n;
	return 0;
}

void targets_value_words(const struct target_def *d, double v, char *buf, size_t n)
{
	switch (d->unit) {
	case TU_YUAN:
		money_brief(v, buf, n);
		return;
	case TU_SHARE:
		snprintf(buf, n, "%.1f%%", 100 * v);
		return;
	case TU_COUNT:
		break;
	}
	if (fabs(v) >= 100)
		snprintf(buf, n, "%.0f", v);
	else
		snprintf(buf, n, "%.2g", v);
}
