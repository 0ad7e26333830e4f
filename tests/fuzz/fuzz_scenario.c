/* fuzz_scenario.c - libFuzzer harness for the scenario reader with
 * --set overrides.
 *
 * Input: a scenario file's text, then after the first NUL byte any
 * number of "section.key=value" assignments separated by NUL or newline.
 * The text is read as the file fuzz.ini (a base it names is read from
 * the current folder), each assignment is applied with scenario_set,
 * then scenario_finish. When all of that succeeds, every parameter is
 * formatted with params_format and must set the same value again, and
 * the resolved INI (what `run` writes) must load back to the same
 * scenario. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "params.h"
#include "report.h"
#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_SETS 16

static void broken(const struct param_def *d, const char *what, const char *a, const char *b)
{
	fprintf(stderr, "fuzz_scenario: [%s] %s: %s: \"%s\" vs \"%s\"\n", d->section, d->key, what,
		a, b);
	abort();
}

/* Every set parameter formats to text that sets the same value. */
static void format_round_trip(const struct scenario *s)
{
	static struct policy copy; /* large: keep off the stack */
	size_t n;
	const struct param_def *d = params_table(&n);
	for (size_t i = 0; i < n; i++) {
		char a[256], b[256], err[ERR_LEN];
		params_format(&s->pol, (int)i, a, sizeof a);
		if (!s->set[i])
			continue;
		copy = s->pol;
		if (params_set(&copy, (int)i, a, err, sizeof err) != 0)
			broken(&d[i], "formatted value does not load", a, err);
		params_format(&copy, (int)i, b, sizeof b);
		if (strcmp(a, b) != 0)
			broken(&d[i], "formatted value loads as another", a, b);
	}
}

/* The resolved INI of s loads back to a scenario that formats the same. */
static void resolved_round_trip(const struct scenario *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return;
	report_resolved_ini(f, s);
	if (fclose(f) != 0) {
		free(text);
		return;
	}
	static struct scenario back;
	char err[ERR_LEN];
	if (scenario_load_text(&back, "resolved.ini", text, err, sizeof err) != 0 ||
	    scenario_finish(&back, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz_scenario: the resolved scenario does not load: %s\n%s\n", err,
			text);
		abort();
	}
	size_t n;
	const struct param_def *d = params_table(&n);
	for (size_t i = 0; i < n; i++) {
		if (!s->set[i])
			continue;
		char a[256], b[256];
		params_format(&s->pol, (int)i, a, sizeof a);
		params_format(&back.pol, (int)i, b, sizeof b);
		if (strcmp(a, b) != 0)
			broken(&d[i], "resolved scenario differs", a, b);
	}
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	size_t textlen = strlen(buf); /* up to the first NUL */
	char *sets[MAX_SETS];
	int nsets = 0;
	for (char *p = buf + textlen + 1; p < buf + size + 1 && nsets < MAX_SETS;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		sets[nsets++] = p;
		p += strlen(p) + 1;
	}
	static struct scenario s;
	char err[ERR_LEN] = "";
	int rc = scenario_load_text(&s, "fuzz.ini", buf, err, sizeof err);
	for (int i = 0; rc == 0 && i < nsets; i++)
		rc = scenario_set(&s, sets[i], err, sizeof err);
	if (rc == 0)
		rc = scenario_finish(&s, err, sizeof err);
	if (rc == 0) {
		format_round_trip(&s);
		resolved_round_trip(&s);
	} else if (!one_line(err)) {
		fprintf(stderr, "fuzz_scenario: an error must be one printable line: \"%s\"\n",
			err);
		abort();
	}
	free(buf);
	return 0;
}
