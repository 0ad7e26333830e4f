/* cmd_params.c - `fundsim params` and `fundsim diff`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_impl.h"
#include "money.h"
#include "report.h"
#include "text.h"
#include "i18n.h"

/* Where parameter i was set, escaped: the path is the user's and may hold
 * a newline or an escape sequence. */
static void source_of(const struct scenario *s, int i, const struct param_def *d, char *buf,
		      size_t n)
{
	char raw[SRC_LEN + 16];
	if (!s->set[i])
		snprintf(raw, sizeof raw, "%s",
			 strstr(d->key, "share") ? _("inherits [funding]") : _("unset"));
	else if (strncmp(s->src[i], scenario_builtin_name, strlen(scenario_builtin_name)) == 0)
		snprintf(raw, sizeof raw, _("%s (built-in)"), s->src[i]);
	else
		snprintf(raw, sizeof raw, "%s", s->src[i]);
	text_escape_to(buf, n, raw);
}

static void section_head(const struct scenario *s, const struct param_def *d)
{
	if (d->line < 0) {
		printf("\n[%s]\n", d->section);
		return;
	}
	const struct line_info *li = line_info(d->line);
	/* English: a gloss, then the policy's name of the line; Chinese: that name */
	bool zh = i18n_lang() == I18N_ZH;
	printf(s->pol.line[d->line].funding == FUND_POOLED
		       ? _("\n[%s] %s %s, pooled provincial+municipal: %s\n")
		       : _("\n[%s] %s %s, municipal: %s\n"),
	       d->section, li->name, li->clause, zh ? li->zh : li->who);
	if (!zh)
		printf("      %s\n", li->zh);
}

/* What a zero means where parameter d's meaning says ("(0 = no limit)",
 * "（0 = 不限）"): the words after "0 = " in lang, into buf; "" for none.
 * Taken from the meaning itself, so the two can never disagree. */
static void zero_words(const struct param_def *d, int lang, char *buf, size_t n)
{
	const char *m = params_meaning(d, lang), *z = strstr(m, "0 = ");
	buf[0] = '\0';
	if (!z || (z > m && z[-1] >= '0' && z[-1] <= '9')) /* "10 = " is not it */
		return;
	z += 4;
	size_t len = strcspn(z, ");"); /* ASCII ends; the full-width ones below */
	const char *end[] = {"）", "；"};
	for (int k = 0; k < 2; k++) {
		const char *e = strstr(z, end[k]);
		if (e && (size_t)(e - z) < len)
			len = (size_t)(e - z);
	}
	snprintf(buf, n, "%.*s", (int)len, z);
}

/* Parameter i of s as param_words writes it, and a zero said in words
 * where the meaning gives it one: max_awards 0 is no limit, not a cut. */
static void value_words(const struct scenario *s, int i, char *buf, size_t n)
{
	size_t np;
	const struct param_def *d = &params_table(&np)[i];
	char zero[96], *end;
	param_words(s, i, buf, n);
	if (!s->set[i]) { /* param_words' "(inherits)" is compare_params.csv's too: English */
		snprintf(buf, n, "%s", _("(inherits)"));
		return;
	}
	if ((d->type != PT_INT && d->type != PT_MONEY && d->type != PT_NUMBER &&
	     d->type != PT_SHARE))
		return;
	if (buf[0] < '0' || buf[0] > '9' || strtod(buf, &end) != 0 || (*end >= '0' && *end <= '9'))
		return;
	zero_words(d, i18n_lang(), zero, sizeof zero);
	if (!zero[0])
		return;
	char v[64];
	snprintf(v, sizeof v, "%s", buf);
	/* TRANSLATORS: a value, then what it means: "0 (no limit)" */
	snprintf(buf, n, _("%s (%s)"), v, zero);
}

/* The cells of one row of `fundsim params`, but for its meaning. */
enum { P_KEY, P_VALUE, P_UNIT, P_CLAUSE, P_SRC, N_PCOLS };
struct params_row {
	char cell[N_PCOLS][4 * SRC_LEN + 64];
};

/* False for a row params leaves out. */
static bool params_row(const struct scenario *s, size_t i, struct params_row *r)
{
	size_t n;
	const struct param_def *d = &params_table(&n)[i];
	if (!s->set[i] && d->optional && !strstr(d->key, "share"))
		return false; /* an unused extra tier */
	snprintf(r->cell[P_KEY], sizeof r->cell[P_KEY], "%s", d->key);
	r->cell[P_VALUE][0] = '\0';
	if (s->set[i])
		value_words(s, (int)i, r->cell[P_VALUE], sizeof r->cell[P_VALUE]);
	snprintf(r->cell[P_UNIT], sizeof r->cell[P_UNIT], "%s", params_unit(d, i18n_lang()));
	snprintf(r->cell[P_CLAUSE], sizeof r->cell[P_CLAUSE], "%s", d->clause);
	source_of(s, (int)i, d, r->cell[P_SRC], sizeof r->cell[P_SRC]);
	return true;
}

int cmd_params(const struct cli *c)
{
	if (no_positionals(c))
		return EXIT_USAGE;
	struct scenario *s = open_scenario(c->scenario, c);
	if (!s)
		return EXIT_USAGE;
	size_t n;
	const struct param_def *d = params_table(&n);
	char name[4 * sizeof s->name];
	text_escape_to(name, sizeof name, s->name);
	printf(_("scenario %s: %d award lines, qualifying years %d-%d, paid with a lag of %d\n"),
	       name, N_LINES, s->pol.start_year, s->pol.start_year + s->pol.years - 1,
	       s->pol.payment_lag);
	/* TRANSLATORS: the columns of `fundsim params`: a key of the scenario file,
	 * its value, unit, the policy's article, the file and line that set it */
	const char *head[N_PCOLS] = {N_("key"), N_("value"), N_("unit"), N_("clause"),
				     N_("set in")};
	/* each column as wide as its widest cell on the screen (text_width: 万 takes two),
	 * so a long value (lognormal(6200万, 1.3)) pushes the others along, not out of line */
	int width[N_PCOLS];
	static struct params_row r;
	for (int k = 0; k < N_PCOLS; k++)
		width[k] = text_width(_(head[k])) - (k == P_KEY ? 2 : 0);
	for (size_t i = 0; i < n; i++)
		for (int k = 0; params_row(s, i, &r) && k < N_PCOLS; k++)
			if (text_width(r.cell[k]) > width[k])
				width[k] = text_width(r.cell[k]);
	for (int k = 0; k < N_PCOLS; k++)
		text_pad(stdout, _(head[k]), width[k] + (k == P_KEY ? 2 : 0) + 1);
	printf("%s\n", _("meaning"));
	const char *headed = NULL; /* the section whose head is out */
	for (size_t i = 0; i < n; i++) {
		if (!params_row(s, i, &r))
			continue;
		/* a head only over rows: [owner.*] shows none unless the scenario
		 * sets it, and an empty [owner.software_fund] says nothing */
		if (!headed || strcmp(d[i].section, headed) != 0)
			section_head(s, &d[i]);
		headed = d[i].section;
		fputs("  ", stdout); /* under the section's head */
		for (int k = 0; k < N_PCOLS; k++)
			text_pad(stdout, r.cell[k], width[k] + 1);
		printf("%s\n", params_meaning(&d[i], i18n_lang()));
		/* why the value is what it is, as the scenario's author wrote it:
		 * under the value, where a planner asked to defend it looks */
		char key[SCENARIO_COMMENT_LEN + 32];
		const char *why = i18n_comment(i18n_lang(), scenario_comment(s, (int)i), key,
					       sizeof key); /* "" when unset or --set */
		if (*why)
			printf("%*s%s%s\n", width[P_KEY] + 3, "", _("comment: "), why);
	}
	if (s->nsens)
		printf(_("\n[sensitivity] uncertain parameters for fundsim sobol and tornado\n"));
	for (int k = 0; k < s->nsens; k++) {
		char key[64], lo[48], hi[48];
		const struct param_range *pr = &s->sens[k];
		snprintf(key, sizeof key, "%s.%s", d[pr->param].section, d[pr->param].key);
		params_value_words(pr->param, pr->lo, lo, sizeof lo);
		params_value_words(pr->param, pr->hi, hi, sizeof hi);
		printf(_("  %-30s %s to %s\n"), key, lo, hi);
	}
	report_uncosted(stdout, &s->pol);
	free(s);
	return EXIT_OK;
}

void param_words(const struct scenario *s, int i, char *buf, size_t n)
{
	if (s->set[i])
		params_format(&s->pol, i, buf, n);
	else
		snprintf(buf, n, "(inherits)");
}

bool param_differs(struct scenario *const *s, int n, int i)
{
	char first[160], other[160];
	param_words(s[0], i, first, sizeof first);
	for (int k = 1; k < n; k++) {
		param_words(s[k], i, other, sizeof other);
		if (strcmp(first, other) != 0)
			return true;
	}
	return false;
}

/* The clause of d, or for a model key of a line ([pop.m1b], [takeup] m1b)
 * that line's clause: where a reader of the diff finds what it is about. */
static const char *clause_of(const struct param_def *d)
{
	char name[32] = "";
	if (d->clause[0])
		return d->clause;
	if (strncmp(d->section, "pop.", 4) == 0)
		snprintf(name, sizeof name, "%.*s", (int)strcspn(d->section + 4, "."),
			 d->section + 4);
	else if (strcmp(d->section, "takeup") == 0)
		snprintf(name, sizeof name, "%s", d->key);
	int l = name[0] ? line_by_name(name) : -1;
	return l >= 0 ? line_info(l)->clause : "";
}

/* Columns as wide as their widest cell (text_width: 万 takes two), the
 * key's clause beside it and its meaning last, where its length harms no
 * column: 1 -> 0 for max_awards reads as a cut without "(0 = no limit)". */
int print_param_diff(FILE *f, struct scenario *const *s, int n)
{
	size_t np;
	const struct param_def *d = params_table(&np);
	int differ = 0, wkey = text_width(_("parameter")), wclause = text_width(_("clause"));
	int wval[MAX_POS];
	char names[MAX_POS][4 * sizeof s[0]->name];
	n = n < MAX_POS ? n : MAX_POS;
	for (int k = 0; k < n; k++) {
		text_escape_to(names[k], sizeof names[k], s[k]->name);
		wval[k] = text_width(names[k]);
	}
	for (size_t i = 0; i < np; i++) {
		if (!param_differs(s, n, (int)i))
			continue;
		char key[64], v[200];
		snprintf(key, sizeof key, "%s.%s", d[i].section, d[i].key);
		wkey = text_width(key) > wkey ? text_width(key) : wkey;
		int wc = text_width(clause_of(&d[i]));
		wclause = wc > wclause ? wc : wclause;
		for (int k = 0; k < n; k++) {
			value_words(s[k], (int)i, v, sizeof v);
			wval[k] = text_width(v) > wval[k] ? text_width(v) : wval[k];
		}
	}
	text_pad(f, _("parameter"), wkey + 1);
	text_pad(f, _("clause"), wclause + 1);
	for (int k = 0; k < n; k++)
		text_pad(f, names[k], wval[k] + 1);
	fprintf(f, "%s\n", _("meaning"));
	for (size_t i = 0; i < np; i++) {
		if (!param_differs(s, n, (int)i))
			continue;
		char key[64], v[200];
		snprintf(key, sizeof key, "%s.%s", d[i].section, d[i].key);
		text_pad(f, key, wkey + 1);
		text_pad(f, clause_of(&d[i]), wclause + 1);
		for (int k = 0; k < n; k++) {
			value_words(s[k], (int)i, v, sizeof v);
			text_pad(f, v, wval[k] + 1);
		}
		fprintf(f, "%s\n", params_meaning(&d[i], i18n_lang()));
		differ++;
	}
	return differ;
}

int cmd_diff(const struct cli *c)
{
	if (c->npos != 2) {
		say("diff", _("needs two scenarios: fundsim diff A.ini B.ini (builtin names the "
			      "draft policy)"));
		return EXIT_USAGE;
	}
	struct scenario *a = open_scenario(c->pos[0], c),
			*b = a ? open_scenario(c->pos[1], c) : NULL;
	if (!a || !b) {
		free(a);
		return EXIT_USAGE;
	}
	struct scenario *both[2] = {a, b};
	int differ = print_param_diff(stdout, both, 2);
	printf(ngettext("%d parameter differs\n", "%d parameters differ\n", (unsigned long)differ),
	       differ);
	free(a);
	free(b);
	return EXIT_OK;
}
