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
	const char *head[] = {N_("key"), N_("value"), N_("unit"), N_("clause"), N_("set in")};
	const int width[] = {24, 12, 8, 7, 34};
	for (int k = 0; k < 5; k++)
		text_pad(stdout, _(head[k]), width[k]);
	printf("%s\n", _("meaning"));
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || strcmp(d[i].section, d[i - 1].section) != 0)
			section_head(s, &d[i]);
		if (!s->set[i] && d[i].optional && !strstr(d[i].key, "share"))
			continue; /* an unused extra tier */
		char val[48] = "", src[4 * SRC_LEN + 64];
		if (s->set[i])
			params_format(&s->pol, (int)i, val, sizeof val);
		source_of(s, (int)i, &d[i], src, sizeof src);
		printf("  %-22s ", d[i].key);
		text_pad(stdout, val, 11);
		text_pad(stdout, params_unit(&d[i], i18n_lang()), 8);
		text_pad(stdout, d[i].clause, 7);
		text_pad(stdout, src, 34);
		printf("%s\n", params_meaning(&d[i], i18n_lang()));
	}
	if (s->nsens)
		printf(_("\n[sensitivity] uncertain parameters for fundsim sobol and tornado\n"));
	for (int k = 0; k < s->nsens; k++) {
		char key[64], lo[48], hi[48];
		const struct param_range *r = &s->sens[k];
		snprintf(key, sizeof key, "%s.%s", d[r->param].section, d[r->param].key);
		params_value_words(r->param, r->lo, lo, sizeof lo);
		params_value_words(r->param, r->hi, hi, sizeof hi);
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

int print_param_diff(FILE *f, struct scenario *const *s, int n)
{
	size_t np;
	const struct param_def *d = params_table(&np);
	int differ = 0;
	text_pad(f, _("parameter"), 31);
	for (int k = 0; k < n; k++) {
		char name[4 * sizeof s[k]->name];
		text_escape_to(name, sizeof name, s[k]->name);
		fprintf(f, " %-20s", name);
	}
	fputc('\n', f);
	for (size_t i = 0; i < np; i++) {
		if (!param_differs(s, n, (int)i))
			continue;
		char key[64], v[48];
		snprintf(key, sizeof key, "%s.%s", d[i].section, d[i].key);
		fprintf(f, "%-32s ", key);
		for (int k = 0; k < n; k++) {
			param_words(s[k], (int)i, v, sizeof v);
			if (k < n - 1)
				text_pad(f, v, 20); /* under its " %-20s" name */
			else
				fprintf(f, "%s\n", v);
		}
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
