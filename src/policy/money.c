/* money.c - amounts as the policy writes them, and exact fen. */
#include "money.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* strtod, but only decimal numbers: no hex, inf or nan, no overflow.
 * Returns a pointer past the number, or NULL. */
static const char *read_number(const char *s, double *out, char *err, size_t errlen)
{
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (!*s) {
		snprintf(err, errlen, _("\"\" is not a number: the value is empty"));
		return NULL;
	}
	if (!((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9'))) {
		snprintf(err, errlen, _("\"%s\" is not a number"), s);
		return NULL;
	}
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		snprintf(err, errlen, _("\"%s\": hexadecimal is not accepted"), s);
		return NULL;
	}
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	/* ERANGE on underflow is fine while it leaves a number (1e-320 reads as
	 * the double nearest it), not when it leaves 0: 5e-400 silently 0 in a
	 * panel's revenue or a cap is as wrong as 1e400 */
	if (errno == ERANGE && v == 0) {
		snprintf(err, errlen,
			 _("\"%s\" is out of the range of numbers (so small that it reads as 0)"),
			 s);
		return NULL;
	}
	if ((errno == ERANGE && fabs(v) >= 1) || !isfinite(v)) {
		snprintf(err, errlen, _("\"%s\" is out of the range of numbers"), s);
		return NULL;
	}
	*out = v;
	return end;
}

/* The number then one of the suffixes; a suffix scales by 10^pow10. Scaling
 * goes through strtod ("1.1e8", "1.1e-2") so 1.1亿 is exactly 110000000 and
 * 1.1% exactly the double of 0.011. expect is a msgid, translated only for
 * a message: a load parses every value. */
static int parse_suffixed(const char *s, double *out, char *err, size_t errlen,
			  const char *const *sfx, const int *pow10, const char *expect)
{
	double v;
	const char *end = read_number(s, &v, err, errlen);
	if (!end) {
		size_t k = strlen(err);
		snprintf(err + k, errlen - k, _(" (expected %s)"), _(expect));
		return -1;
	}
	const double read = v; /* before its suffix scales it */
	for (int i = 0; sfx[i]; i++) {
		if (strcmp(end, sfx[i]) != 0)
			continue;
		int e = pow10[i];
		size_t len = (size_t)(end - s);
		if (e != 0 && !memchr(s, 'e', len) && !memchr(s, 'E', len) && len < 100) {
			/* 1.1% reads as 1.1e-2, the very double that 0.011 gives */
			char t[128];
			snprintf(t, sizeof t, "%.*se%d", (int)(end - s), s, e);
			v = strtod(t, NULL);
		} else if (e > 0) {
			v *= e == 4 ? 1e4 : e == 8 ? 1e8 : 1e12;
		} else if (e < 0) {
			v /= e == -2 ? 100 : 1000;
		}
		if (!isfinite(v)) {
			snprintf(err, errlen, _("\"%s\" is out of the range of numbers"), s);
			return -1;
		}
		if (v == 0 && read != 0) { /* 4.9e-324% scaled past the least double */
			snprintf(err, errlen,
				 _("\"%s\" is out of the range of numbers (so small that it reads "
				   "as 0)"),
				 s);
			return -1;
		}
		*out = v == 0 ? 0 : v; /* "-0" is 0: written back as 0, it must read so */
		return 0;
	}
	snprintf(err, errlen, _("\"%s\" is not %s"), s, _(expect));
	return -1;
}

int money_parse(const char *s, double *out, char *err, size_t errlen)
{
	/* 万亿 too: the bound of inputs is written 10万亿 */
	static const char *const sfx[] = {"",     "元",   "万",     "万元", "亿",
					  "亿元", "万亿", "万亿元", NULL};
	static const int pow10[] = {0, 0, 4, 4, 8, 8, 12, 12};
	return parse_suffixed(s, out, err, errlen, sfx, pow10,
			      N_("an amount in yuan with optional 万/亿, e.g. 100万"));
}

int share_parse(const char *s, double *out, char *err, size_t errlen)
{
	static const char *const sfx[] = {"", "%", "‰", NULL};
	static const int pow10[] = {0, -2, -3};
	return parse_suffixed(s, out, err, errlen, sfx, pow10,
			      N_("a share such as 5%, 2‰ or 0.05"));
}

int number_parse(const char *s, double *out, char *err, size_t errlen)
{
	static const char *const sfx[] = {"", NULL};
	static const int pow10[] = {0};
	return parse_suffixed(s, out, err, errlen, sfx, pow10, N_("a plain number"));
}

int int_parse(const char *s, int *out, char *err, size_t errlen)
{
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (*p < '0' || *p > '9') {
		snprintf(err, errlen, _("\"%s\" is not a whole number"), s);
		return -1;
	}
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*end) {
		snprintf(err, errlen, _("\"%s\" is not a whole number"), s);
		return -1;
	}
	if (errno == ERANGE || v < INT_MIN || v > INT_MAX) {
		snprintf(err, errlen, _("\"%s\" is too large"), s);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static void shortest(double v, const char *unit, char *buf, size_t n);

/* v in units, with at most maxdec decimals, trailing zeros trimmed. */
static void trimmed(double v, int maxdec, const char *unit, char *buf, size_t n)
{
	char t[64];
	if (snprintf(t, sizeof t, "%.*f", maxdec, v) >= (int)sizeof t) {
		shortest(v, unit, buf, n); /* 1e80 has 81 digits: never cut them */
		return;
	}
	char *dot = strchr(t, '.');
	if (dot) {
		char *e = t + strlen(t) - 1;
		while (e > dot && *e == '0')
			*e-- = '\0';
		if (e == dot)
			*e = '\0';
	}
	/* -0.001 rounds to "-0"; a budget reader wants "0" */
	snprintf(buf, n, "%s%s", strcmp(t, "-0") == 0 ? "0" : t, unit);
}

/* The shortest %g form of v that reads back exactly, then unit. */
static void shortest(double v, const char *unit, char *buf, size_t n)
{
	char t[40];
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(t, sizeof t, "%.*g", prec, v);
		if (strtod(t, NULL) == v)
			break;
	}
	snprintf(buf, n, "%s%s", t, unit);
}

/* Past this, fixed decimals would not fit trimmed's buffer, and a double
 * no longer holds fen anyway. */
#define WORDS_MAX 1e15

void money_words(double yuan, char *buf, size_t n)
{
	if (!(fabs(yuan) < WORDS_MAX)) {
		shortest(yuan, "元", buf, n);
		return;
	}
	/* 万亿 for the bounds of inputs: 10万亿, not 100000亿 */
	static const double unit[] = {1e12, 1e8, 1e4, 1};
	static const char *const name[] = {"万亿", "亿", "万", "元"};
	static const int dec[] = {14, 10, 6, 2};
	char best[64] = "";
	for (int i = 0; i < 4; i++) {
		if (fabs(yuan) < unit[i] && i < 3)
			continue;
		char t[64];
		trimmed(yuan / unit[i], dec[i], name[i], t, sizeof t);
		if (!best[0] || strlen(t) < strlen(best))
			snprintf(best, sizeof best, "%s", t);
	}
	snprintf(buf, n, "%s", best);
}

void money_brief(double yuan, char *buf, size_t n)
{
	if (fabs(yuan) >= 1e8)
		trimmed(yuan / 1e8, 4, "亿", buf, n);
	else if (fabs(yuan) >= 1e4)
		trimmed(yuan / 1e4, 2, "万", buf, n);
	else
		trimmed(yuan, 2, "元", buf, n);
}

void money_table(double yuan, char *buf, size_t n)
{
	if (fabs(yuan) >= 1e8)
		snprintf(buf, n, "%.2f亿", yuan / 1e8);
	else
		snprintf(buf, n, "%.1f万", yuan / 1e4);
}

void share_words(double frac, char *buf, size_t n)
{
	/* ‰ below 1% where it is exact, as the policy writes 2‰ but 5% */
	double pm = frac * 1000;
	if (!(fabs(frac * 100) < WORDS_MAX))
		shortest(frac, "", buf, n); /* a plain fraction reads back exactly */
	else if (frac != 0 && fabs(frac) < 0.01 && fabs(pm - round(pm * 1e4) / 1e4) < 1e-9)
		trimmed(pm, 4, "‰", buf, n);
	else
		trimmed(frac * 100, 6, "%", buf, n);
}

static void fen_scaled(fen_t f, fen_t per, char *buf, size_t n)
{
	/* two decimals of f/per, rounded half away from zero, in unsigned
	 * integers: -INT64_MIN and a + step / 2 near FEN_MAX do not fit fen_t */
	uint64_t step = (uint64_t)per / 100;
	uint64_t a = f < 0 ? -(uint64_t)f : (uint64_t)f;
	uint64_t q = a / step + (a % step * 2 >= step);
	snprintf(buf, n, "%s%llu.%02llu", f < 0 && q ? "-" : "", (unsigned long long)(q / 100),
		 (unsigned long long)(q % 100));
}

void fen_wan(fen_t f, char *buf, size_t n)
{
	fen_scaled(f, FEN_PER_WAN, buf, n);
}

void fen_yuan(fen_t f, char *buf, size_t n)
{
	fen_scaled(f, 100, buf, n);
}
