/* fuzz_amount.c - libFuzzer harness for the number parsers: money_parse,
 * share_parse, int_parse, number_parse and dist_parse on arbitrary
 * bytes. Where a value parses, its words must read back to it: amounts
 * to the fen (money_words rounds to the fen by design), shares and
 * distributions exactly as params_format writes them. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dist.h"
#include "money.h"
#include "params.h"
#include "policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_TEXT 512

/* The round trip failed: say what, then abort so libFuzzer keeps it. */
static void broken(const char *what, const char *text, const char *words, double a, double b)
{
	fprintf(stderr, "fuzz_amount: %s: \"%s\" -> %.17g -> \"%s\" -> %.17g\n", what, text, a,
		words, b);
	abort();
}

/* money_words rounds to the fen; huge amounts keep 15+ digits. */
static void money_round_trip(const char *text, double v)
{
	char words[128], err[256];
	double back;
	money_words(v, words, sizeof words);
	if (money_parse(words, &back, err, sizeof err) != 0)
		broken("money_words does not parse back", text, words, v, NAN);
	if (!(fabs(back - v) <= 0.005 + 1e-15 * fabs(v)))
		broken("money_words is off by more than half a fen", text, words, v, back);
}

static void share_round_trip(const char *text, double v)
{
	char words[128], err[256];
	double back;
	share_words(v, words, sizeof words);
	if (share_parse(words, &back, err, sizeof err) != 0)
		broken("share_words does not parse back", text, words, v, NAN);
	if (!(fabs(back - v) <= 5e-9 + 1e-15 * fabs(v)))
		broken("share_words is off", text, words, v, back);
}

/* Every parameter type through params_set / params_format: what is
 * formatted must set the very same value again. */
static void param_round_trip(const char *text)
{
	static struct policy a, b; /* large: keep off the stack */
	size_t n;
	const struct param_def *d = params_table(&n);
	/* one parameter of each type, chosen by the text's length */
	static const enum ptype types[] = {PT_MONEY,      PT_SHARE,      PT_NUMBER,     PT_INT,
					   PT_DIST_MONEY, PT_DIST_SHARE, PT_DIST_NUMBER};
	enum ptype want = types[strlen(text) % (sizeof types / sizeof types[0])];
	for (size_t i = 0; i < n; i++) {
		if (d[i].type != want)
			continue;
		char err[512], words[256];
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		if (params_set(&a, (int)i, text, err, sizeof err) != 0)
			return;
		params_format(&a, (int)i, words, sizeof words);
		if (params_set(&b, (int)i, words, err, sizeof err) != 0) {
			fprintf(stderr,
				"fuzz_amount: [%s] %s: \"%s\" formats as \"%s\", which "
				"does not load: %s\n",
				d[i].section, d[i].key, text, words, err);
			abort();
		}
		char again[256];
		params_format(&b, (int)i, again, sizeof again);
		const char *x = (const char *)&a + d[i].offset, *y = (const char *)&b + d[i].offset;
		bool same;
		if (d[i].type == PT_INT)
			same = memcmp(x, y, sizeof(int)) == 0;
		else if (d[i].type >= PT_DIST_MONEY) /* not memcmp: padding */
			same = ((const struct dist *)x)->kind == ((const struct dist *)y)->kind &&
			       memcmp(((const struct dist *)x)->p, ((const struct dist *)y)->p,
				      sizeof(double[3])) == 0;
		else
			same = memcmp(x, y, sizeof(double)) == 0;
		if (strcmp(words, again) != 0 || !same) {
			fprintf(stderr,
				"fuzz_amount: [%s] %s: \"%s\" formats as \"%s\", which "
				"loads as \"%s\"\n",
				d[i].section, d[i].key, text, words, again);
			abort();
		}
		return;
	}
}

static void exact(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.17g", v);
}

/* A distribution written with exact numbers reads back the same. */
static void dist_round_trip(const char *text, dist_num_fn num)
{
	struct dist d, back;
	char err[512], words[256];
	if (dist_parse(text, num, &d, err, sizeof err) != 0)
		return;
	(void)dist_mean(&d);
	dist_check_range(&d, 0, 1e13, err, sizeof err);
	dist_check_range(&d, -1e13, 1, err, sizeof err);
	dist_format(&d, exact, words, sizeof words);
	if (dist_parse(words, num, &back, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz_amount: \"%s\" formats as \"%s\", which does not parse: %s\n",
			text, words, err);
		abort();
	}
	if (back.kind != d.kind || memcmp(back.p, d.p, sizeof d.p) != 0) {
		fprintf(stderr,
			"fuzz_amount: \"%s\" formats as \"%s\", which reads back "
			"differently\n",
			text, words);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[MAX_TEXT + 1], err[512];
	if (size > MAX_TEXT)
		size = MAX_TEXT;
	memcpy(text, data, size);
	text[size] = '\0';
	double v;
	int iv;
	if (money_parse(text, &v, err, sizeof err) == 0)
		money_round_trip(text, v);
	if (share_parse(text, &v, err, sizeof err) == 0)
		share_round_trip(text, v);
	if (number_parse(text, &v, err, sizeof err) == 0 && !isfinite(v))
		broken("number_parse gave a non-finite number", text, "", v, v);
	if (int_parse(text, &iv, err, sizeof err) == 0) {
		char back[32];
		snprintf(back, sizeof back, "%d", iv);
		int again;
		if (int_parse(back, &again, err, sizeof err) != 0 || again != iv)
			broken("int_parse does not read its own output", text, back, iv, again);
	}
	/* money_words and fen formatting of any value the parsers give */
	if (number_parse(text, &v, err, sizeof err) == 0) {
		char buf[128];
		money_words(v, buf, sizeof buf);
		share_words(v, buf, sizeof buf);
		if (fabs(v) < 9e16) { /* fen fit an int64 */
			fen_wan(money_round(v), buf, sizeof buf);
			fen_yuan(money_round(v), buf, sizeof buf);
		}
	}
	dist_round_trip(text, money_parse);
	dist_round_trip(text, share_parse);
	dist_round_trip(text, number_parse);
	param_round_trip(text);
	return 0;
}
