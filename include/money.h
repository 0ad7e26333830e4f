/* money.h - exact money and the policy's way of writing numbers.
 *
 * Money is kept in fen (0.01 yuan) as int64_t so sums over millions of
 * awards stay exact; an award is rounded to the fen once, when made.
 * Parsers write into *out and return 0, or return -1 and write a
 * one-line reason into err (never longer than errlen). */
#ifndef FUNDSIM_MONEY_H
#define FUNDSIM_MONEY_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t fen_t;

#define FEN_PER_WAN ((fen_t)1000000)    /* 1万元 */
#define FEN_PER_YI ((fen_t)10000000000) /* 1亿元 */
#define FEN_MAX INT64_MAX               /* 92233720368547758.07 yuan */

/* The largest amount a scenario parameter or a panel/entities cell takes:
 * 10万亿 yuan, above any firm's revenue or any award. 1e15 fen < 2^53, so
 * every such amount is exact to the fen in a double, and one award (at
 * most 6 tiers of such amounts) is below FEN_MAX / 1500. */
#define MONEY_MAX 1e13
#define MONEY_MAX_WORDS "10万亿"

/* f to the nearest whole number, half away from zero: llround(f) for
 * every f with |f| < 2^63 (NaN and larger: undefined, as llround).
 * Inline and without libm, since the rules round every award's levels. */
static inline fen_t fen_round(double f)
{
	if (!(f > -0x1p52 && f < 0x1p52))
		return (fen_t)f;  /* a double this large is whole already */
	fen_t t = (fen_t)f;       /* towards zero */
	double r = f - (double)t; /* the fraction, in (-1, 1): exact */
	return t + (r >= 0.5) - (r <= -0.5);
}

/* round(x) without libm: x to the nearest whole number, half away from
 * zero, as a double (the sign of zero kept); NaN and inf as they are. */
static inline double round_half_away(double x)
{
	if (!(x > -0x1p52 && x < 0x1p52))
		return x;
	return __builtin_copysign((double)fen_round(x), x);
}

/* fmin(a, b) without libm: the smaller, and a number over a NaN (the sign
 * of a zero may differ from libm's, which no amount in fen sees). With no
 * branch (minsd, cmov): a request over its cap or not is a coin toss. */
static inline double fmin_fast(double a, double b)
{
	double m = a < b ? a : b; /* b when either is a NaN */
	return b != b ? a : m;
}

/* Round an amount in yuan to the nearest fen (half away from zero).
 * Saturates: past +-FEN_MAX fen it gives +-FEN_MAX; NaN gives 0. */
static inline fen_t money_round(double yuan)
{
	double f = yuan * 100.0;
	if (f != f) /* NaN */
		return 0;
	if (f >= 0x1p63) /* past int64: a grown revenue can get there */
		return FEN_MAX;
	if (f <= -0x1p63)
		return -FEN_MAX;
	return fen_round(f);
}

/* "100万", "2亿", "1000万元", "10万亿", "5000", "1.5e7": an amount in yuan.
 * Percent and per-mille signs are rejected here. */
int money_parse(const char *s, double *out, char *err, size_t errlen);

/* "5%", "2‰", "0.05": a share, returned as a fraction (5% -> 0.05). */
int share_parse(const char *s, double *out, char *err, size_t errlen);

/* A plain real number with no suffix. */
int number_parse(const char *s, double *out, char *err, size_t errlen);

/* A whole number (no fraction, no suffix) that fits an int. */
int int_parse(const char *s, int *out, char *err, size_t errlen);

/* Yuan for people: "100万", "2.5亿", "12.345万", "800元" - the shortest
 * exact form, as the policy writes amounts. Writes into buf. */
void money_words(double yuan, char *buf, size_t n);

/* Yuan for a sentence: 亿 to four decimals, 万 to two, else yuan to the
 * fen ("9.3794亿", "3471.68万"); not exact, for figures from data. */
void money_brief(double yuan, char *buf, size_t n);

/* Yuan for a table of results: 亿 with two decimals from 1亿, else 万
 * with one ("14.83亿", "823.2万"), as fundsim run prints them. */
void money_table(double yuan, char *buf, size_t n);

/* A share for people: "5%", "2‰", "50%". */
void share_words(double frac, char *buf, size_t n);

/* Fen as 万元 with two decimals ("1234.56"), for tables. */
void fen_wan(fen_t f, char *buf, size_t n);

/* Fen as yuan with two decimals ("1000000.00"), for ledgers. */
void fen_yuan(fen_t f, char *buf, size_t n);

#endif
