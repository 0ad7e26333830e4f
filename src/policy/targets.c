/* targets.c - calibration targets: the aggregates a target may name, and
 * reading "LO:HI | source". */
#include "targets.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "money.h"
#include "sim.h"
#include "i18n.h"

static const struct target_def table[] = {
	{"firms", PS_FIRMS, TU_COUNT, "firms",
	 "software firms in the MIIT statistics, base year (start_year - 1)"},
	{"revenue", PS_REVENUE, TU_YUAN, "yuan", "their revenue in the base year"},
	{"mean_revenue", PS_MEAN_REVENUE, TU_YUAN, "yuan", "revenue per firm in the base year"},
	{"share_1yi", PS_SHARE_1YI, TU_SHARE, "share", "share of them at >= 1亿"},
	{"share_5yi", PS_SHARE_5YI, TU_SHARE, "share", "share of them at >= 5亿"},
	{"firms_10yi", PS_FIRMS_10YI, TU_COUNT, "firms", "firms at >= 10亿 in the base year"},
	{"growth", PS_GROWTH, TU_SHARE, "share a year",
	 "yearly growth of all firms' revenue, mean over the policy years"},
	{"key_db", PS_KEY_DB, TU_COUNT, "firms",
	 "key software enterprises in start_year (list from base-year data)"},
	{"growth50", PS_GROWTH50, TU_SHARE, "share",
	 "share of key-database firms growing > 50% in a policy year"},
	{"top100_new", PS_TOP100_NEW, TU_COUNT, "a year", "first top-100 listings a year"},
	{"m12a_teams", PS_M12A_TEAMS, TU_COUNT, "a year", "software talent teams a year (M12A)"},
	{"m12c_talents", PS_M12C_TALENTS, TU_COUNT, "a year",
	 "shortage-list software talents a year (M12C)"},
	{"m12c_grant", PS_M12C_MEAN, TU_YUAN, "yuan", "mean salary subsidy per talent (M12C)"},
};
#define N_TABLE (sizeof table / sizeof table[0])
_Static_assert(N_TABLE <= MAX_TARGETS, "MAX_TARGETS holds every target");

const struct target_def *targets_table(size_t *n)
{
	*n = N_TABLE;
	return table;
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
