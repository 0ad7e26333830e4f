/* check_money.c - amounts as the policy writes them (100万, 2亿, 5%, 2‰),
 * exact fen, and how amounts are written back for people. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"

/* The error text must contain needle. */
#define ck_assert_has(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, "expected \"%s\" in \"%s\"", (needle), (hay))

enum kind { K_MONEY, K_SHARE, K_NUMBER };

static int parse(enum kind k, const char *s, double *v, char *err, size_t errlen)
{
	switch (k) {
	case K_MONEY:
		return money_parse(s, v, err, errlen);
	case K_SHARE:
		return share_parse(s, v, err, errlen);
	case K_NUMBER:
		return number_parse(s, v, err, errlen);
	}
	return -1;
}

/* s parses as kind k; returns the value. */
static double ok(enum kind k, const char *s)
{
	double v = -12345.0;
	char err[256] = "";
	int rc = parse(k, s, &v, err, sizeof err);
	ck_assert_msg(rc == 0, "\"%s\" should parse, got error: %s", s, err);
	return v;
}

/* s is rejected as kind k with a one-line reason that quotes s and
 * contains each needle. */
static void rejected(enum kind k, const char *s, const char *needle1, const char *needle2)
{
	double v = 0;
	char err[256] = "";
	int rc = parse(k, s, &v, err, sizeof err);
	ck_assert_msg(rc == -1, "\"%s\" should be rejected, got %.17g", s, v);
	ck_assert_msg(err[0] != '\0', "\"%s\" rejected without a reason", s);
	ck_assert_msg(strchr(err, '\n') == NULL, "reason is not one line: %s", err);
	char quoted[128];
	snprintf(quoted, sizeof quoted, "\"%s\"", s);
	ck_assert_has(err, quoted);
	if (needle1)
		ck_assert_has(err, needle1);
	if (needle2)
		ck_assert_has(err, needle2);
}

static const char *words(double yuan)
{
	static char buf[64];
	memset(buf, 'X', sizeof buf);
	money_words(yuan, buf, sizeof buf);
	return buf;
}

static const char *share(double frac)
{
	static char buf[64];
	memset(buf, 'X', sizeof buf);
	share_words(frac, buf, sizeof buf);
	return buf;
}

static const char *wan(fen_t f)
{
	static char buf[64];
	fen_wan(f, buf, sizeof buf);
	return buf;
}

static const char *yuan(fen_t f)
{
	static char buf[64];
	fen_yuan(f, buf, sizeof buf);
	return buf;
}

/* ---- money_parse: accepted forms ---- */

START_TEST(money_parse_reads_wan_as_ten_thousand_yuan)
{
	ck_assert_double_eq(ok(K_MONEY, "100万"), 1e6);
	ck_assert_double_eq(ok(K_MONEY, "1万"), 1e4);
	ck_assert_double_eq(ok(K_MONEY, "480万"), 4.8e6);
}
END_TEST

START_TEST(money_parse_reads_yi_as_a_hundred_million_yuan)
{
	ck_assert_double_eq(ok(K_MONEY, "2亿"), 2e8);
	ck_assert_double_eq(ok(K_MONEY, "10亿"), 1e9);
	ck_assert_double_eq(ok(K_MONEY, "1亿元"), 1e8);
}
END_TEST

START_TEST(money_parse_accepts_wan_yuan_and_yuan_suffixes)
{
	ck_assert_double_eq(ok(K_MONEY, "1000万元"), 1e7);
	ck_assert_double_eq(ok(K_MONEY, "800元"), 800);
}
END_TEST

START_TEST(money_parse_reads_plain_yuan_and_exponents)
{
	ck_assert_double_eq(ok(K_MONEY, "5000"), 5000);
	ck_assert_double_eq(ok(K_MONEY, "1.5e7"), 1.5e7);
	ck_assert_double_eq(ok(K_MONEY, "12.5万"), 125000);
	ck_assert_double_eq(ok(K_MONEY, ".5万"), 5000);
	ck_assert_double_eq(ok(K_MONEY, "+7"), 7);
}
END_TEST

START_TEST(money_parse_reads_zero)
{
	ck_assert_double_eq(ok(K_MONEY, "0"), 0);
	ck_assert_double_eq(ok(K_MONEY, "0万"), 0);
}
END_TEST

START_TEST(money_parse_reads_negative_amounts_and_leaves_the_range_to_the_caller)
{
	ck_assert_double_eq(ok(K_MONEY, "-5"), -5);
	ck_assert_double_eq(ok(K_MONEY, "-100万"), -1e6);
}
END_TEST

/* A threshold written "1.1亿" must be the same number as a firm's revenue
 * of 110000000 yuan, or a firm exactly at the threshold fails ">=". */
START_TEST(money_parse_gives_a_decimal_amount_in_wan_or_yi_exactly_as_written_in_yuan)
{
	static const struct {
		const char *suffixed, *plain;
	} cases[] = {{"1.1亿", "110000000"}, {"2.3亿", "230000000"}, {"4.4亿", "440000000"},
		     {"0.07万", "700"},      {"1.13万", "11300"},    {"1.23456789亿", "123456789"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double a = ok(K_MONEY, cases[i].suffixed), b = ok(K_MONEY, cases[i].plain);
		ck_assert_msg(a == b, "%s parsed as %.17g, but %s is %.17g", cases[i].suffixed, a,
			      cases[i].plain, b);
	}
}
END_TEST

/* ---- money_parse: rejections ---- */

START_TEST(money_parse_rejects_an_empty_string)
{
	rejected(K_MONEY, "", "is not a number", "100万");
}
END_TEST

START_TEST(money_parse_rejects_an_unknown_suffix_and_names_the_accepted_ones)
{
	rejected(K_MONEY, "100x万", "is not an amount", "万/亿");
	rejected(K_MONEY, "100千", "is not an amount", "万/亿");
	rejected(K_MONEY, "1亿万", "is not an amount", NULL);
}
END_TEST

START_TEST(money_parse_rejects_percent_and_per_mille)
{
	rejected(K_MONEY, "5%", "is not an amount", NULL);
	rejected(K_MONEY, "2‰", "is not an amount", NULL);
}
END_TEST

START_TEST(money_parse_rejects_words)
{
	rejected(K_MONEY, "abc", "is not a number", "an amount in yuan");
	rejected(K_MONEY, "万", "is not a number", NULL);
	rejected(K_MONEY, "--5", "is not a number", NULL);
}
END_TEST

START_TEST(money_parse_rejects_an_amount_out_of_the_range_of_numbers)
{
	rejected(K_MONEY, "1e400", "out of the range", NULL);
	rejected(K_MONEY, "-1e400", "out of the range", NULL);
	/* finite before the suffix, infinite after it */
	rejected(K_MONEY, "1e308亿", "out of the range", NULL);
}
END_TEST

START_TEST(money_parse_rejects_inf_and_nan)
{
	rejected(K_MONEY, "inf", "is not a number", NULL);
	rejected(K_MONEY, "-inf", "is not a number", NULL);
	rejected(K_MONEY, "infinity", "is not a number", NULL);
	rejected(K_MONEY, "nan", "is not a number", NULL);
	rejected(K_MONEY, "NAN", "is not a number", NULL);
}
END_TEST

START_TEST(money_parse_rejects_hexadecimal)
{
	rejected(K_MONEY, "0x10", "hexadecimal", NULL);
	rejected(K_MONEY, "-0X10", "hexadecimal", NULL);
}
END_TEST

/* INI values arrive trimmed, so any space left is inside the value: the
 * parser does not guess, it rejects. */
START_TEST(money_parse_rejects_spaces_inside_or_around_an_amount)
{
	rejected(K_MONEY, "100 万", "is not an amount", NULL);
	rejected(K_MONEY, " 100万", "is not a number", NULL);
	rejected(K_MONEY, "100万 ", "is not an amount", NULL);
	rejected(K_MONEY, "1,000万", "is not an amount", NULL);
}
END_TEST

START_TEST(money_parse_keeps_a_reason_within_a_small_error_buffer)
{
	char err[12];
	memset(err, 'X', sizeof err);
	double v;
	ck_assert_int_eq(money_parse("a-rather-long-bad-amount", &v, err, 8), -1);
	ck_assert_uint_lt(strlen(err), 8);
	ck_assert_int_eq(err[8], 'X'); /* nothing written past errlen */
}
END_TEST

/* ---- share_parse ---- */

START_TEST(share_parse_reads_percent_per_mille_and_fractions)
{
	ck_assert_double_eq_tol(ok(K_SHARE, "5%"), 0.05, 1e-15);
	ck_assert_double_eq_tol(ok(K_SHARE, "2‰"), 0.002, 1e-15);
	ck_assert_double_eq(ok(K_SHARE, "0.05"), 0.05);
	ck_assert_double_eq(ok(K_SHARE, "100%"), 1.0);
	ck_assert_double_eq(ok(K_SHARE, "50%"), 0.5);
	ck_assert_double_eq(ok(K_SHARE, "0"), 0.0);
}
END_TEST

/* "35%" and "0.35" are the same share, so a rate or growth threshold
 * does not depend on how the scenario writes it. */
START_TEST(share_parse_gives_the_same_share_for_percent_per_mille_and_fraction)
{
	static const struct {
		const char *suffixed, *plain;
	} cases[] = {{"5%", "0.05"},   {"20%", "0.2"},  {"35%", "0.35"}, {"70%", "0.7"},
		     {"95%", "0.95"},  {"2‰", "0.002"}, {"1‰", "0.001"}, {"9‰", "0.009"},
		     {"13‰", "0.013"}, {"57%", "0.57"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double a = ok(K_SHARE, cases[i].suffixed), b = ok(K_SHARE, cases[i].plain);
		ck_assert_msg(a == b, "%s parsed as %.17g, but %s is %.17g", cases[i].suffixed, a,
			      cases[i].plain, b);
	}
}
END_TEST

START_TEST(share_parse_rejects_an_amount_of_money)
{
	rejected(K_SHARE, "100万", "is not a share", "5%");
}
END_TEST

START_TEST(share_parse_rejects_a_doubled_percent_sign)
{
	rejected(K_SHARE, "5%%", "is not a share", "2‰");
	rejected(K_SHARE, "5%‰", "is not a share", NULL);
}
END_TEST

START_TEST(share_parse_rejects_words_empty_strings_and_inf)
{
	rejected(K_SHARE, "", "is not a number", "a share");
	rejected(K_SHARE, "half", "is not a number", NULL);
	rejected(K_SHARE, "inf%", "is not a number", NULL);
	rejected(K_SHARE, "%", "is not a number", NULL);
}
END_TEST

/* ---- int_parse ---- */

START_TEST(int_parse_reads_whole_numbers_with_a_sign)
{
	int v = -99;
	char err[200] = "";
	ck_assert_int_eq(int_parse("3", &v, err, sizeof err), 0);
	ck_assert_int_eq(v, 3);
	ck_assert_int_eq(int_parse("-1", &v, err, sizeof err), 0);
	ck_assert_int_eq(v, -1);
	ck_assert_int_eq(int_parse("+7", &v, err, sizeof err), 0);
	ck_assert_int_eq(v, 7);
	ck_assert_int_eq(int_parse("0", &v, err, sizeof err), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(int_parse("2147483647", &v, err, sizeof err), 0);
	ck_assert_int_eq(v, 2147483647);
}
END_TEST

static void int_rejected(const char *s, const char *needle)
{
	int v = -99;
	char err[200] = "";
	ck_assert_msg(int_parse(s, &v, err, sizeof err) == -1, "\"%s\" should be rejected, got %d",
		      s, v);
	char quoted[64];
	snprintf(quoted, sizeof quoted, "\"%s\"", s);
	ck_assert_has(err, quoted);
	ck_assert_has(err, needle);
}

START_TEST(int_parse_rejects_a_fraction)
{
	int_rejected("3.5", "is not a whole number");
	int_rejected("2.0", "is not a whole number");
	int_rejected("1e3", "is not a whole number");
}
END_TEST

START_TEST(int_parse_rejects_a_number_too_large_for_an_int)
{
	int_rejected("99999999999", "too large");
	int_rejected("2147483648", "too large");
	int_rejected("999999999999999999999999", "too large");
}
END_TEST

START_TEST(int_parse_rejects_empty_strings_words_and_suffixes)
{
	int_rejected("", "is not a whole number");
	int_rejected("three", "is not a whole number");
	int_rejected("3万", "is not a whole number");
	int_rejected("5%", "is not a whole number");
	int_rejected(" 3", "is not a whole number");
	int_rejected("-", "is not a whole number");
	int_rejected("0x10", "is not a whole number");
}
END_TEST

/* ---- number_parse ---- */

START_TEST(number_parse_reads_plain_reals)
{
	ck_assert_double_eq(ok(K_NUMBER, "50"), 50);
	ck_assert_double_eq(ok(K_NUMBER, "1.5"), 1.5);
	ck_assert_double_eq(ok(K_NUMBER, "-2"), -2);
	ck_assert_double_eq(ok(K_NUMBER, "1e3"), 1000);
}
END_TEST

START_TEST(number_parse_rejects_suffixes_words_and_non_finite_values)
{
	rejected(K_NUMBER, "5%", "is not a plain number", NULL);
	rejected(K_NUMBER, "100万", "is not a plain number", NULL);
	rejected(K_NUMBER, "20人", "is not a plain number", NULL);
	rejected(K_NUMBER, "abc", "is not a number", "a plain number");
	rejected(K_NUMBER, "", "is not a number", NULL);
	rejected(K_NUMBER, "nan", "is not a number", NULL);
	rejected(K_NUMBER, "1e999", "out of the range", NULL);
	rejected(K_NUMBER, "0x1p3", "hexadecimal", NULL);
}
END_TEST

/* ---- money_round ---- */

START_TEST(money_round_rounds_half_a_fen_away_from_zero)
{
	ck_assert_int_eq(money_round(0.005), 1);
	ck_assert_int_eq(money_round(-0.005), -1);
	/* exact binary halves: half-even would give 12 and -12 */
	ck_assert_int_eq(money_round(0.125), 13);
	ck_assert_int_eq(money_round(-0.125), -13);
	ck_assert_int_eq(money_round(0.375), 38);
}
END_TEST

START_TEST(money_round_rounds_below_half_a_fen_towards_zero)
{
	ck_assert_int_eq(money_round(0.004), 0);
	ck_assert_int_eq(money_round(-0.004), 0);
	ck_assert_int_eq(money_round(0.0), 0);
	ck_assert_int_eq(money_round(99.994), 9999);
}
END_TEST

START_TEST(money_round_gives_five_percent_of_1000wan_as_exactly_50wan)
{
	ck_assert_int_eq(money_round(1e7 * 0.05), 50 * FEN_PER_WAN);
	ck_assert_int_eq(money_round(1e7 * 0.05), (fen_t)50000000);
}
END_TEST

START_TEST(money_round_keeps_large_budgets_exact)
{
	ck_assert_int_eq(money_round(1e8), FEN_PER_YI);
	ck_assert_int_eq(money_round(1e12), (fen_t)100000000000000);
	ck_assert_int_eq(money_round(1234567.89), (fen_t)123456789);
	ck_assert_int_eq(money_round(-1e6), -100 * FEN_PER_WAN);
}
END_TEST

/* The largest amount an input takes, 10万亿, is exact to the fen as a
 * double, and one award of six such amounts leaves room for 1500 awards
 * before the sum passes FEN_MAX (issue 9, class 7). */
START_TEST(money_round_keeps_the_largest_input_amount_exact_to_the_fen)
{
	ck_assert_int_eq(money_round(MONEY_MAX), (fen_t)1000000000000000);
	ck_assert_int_eq(money_round(MONEY_MAX - 0.01), (fen_t)999999999999999);
	ck_assert(MONEY_MAX * 100 < 0x1p53);
	ck_assert_int_le((fen_t)1500 * 6 * money_round(MONEY_MAX), FEN_MAX);
}
END_TEST

/* The bound in messages, "from 0 to 10万亿", reads back as written. */
START_TEST(wan_yi_reads_as_ten_to_the_twelfth)
{
	ck_assert_double_eq(ok(K_MONEY, "10万亿"), MONEY_MAX);
	ck_assert_double_eq(ok(K_MONEY, "1.5万亿元"), 1.5e12);
	ck_assert_double_eq(ok(K_MONEY, "0.3万亿"), 3e11);
}
END_TEST

/* llround of 1e19 fen is undefined: it gave INT64_MIN, so a tax cap on a
 * grown revenue of 1e17 yuan came out negative and dropped every award
 * (issue 9, class 7). Past the range it saturates; NaN is no money. */
START_TEST(money_round_saturates_past_the_range_of_fen)
{
	ck_assert_int_eq(money_round(1e17), FEN_MAX);
	ck_assert_int_eq(money_round(-1e17), -FEN_MAX);
	ck_assert_int_eq(money_round(INFINITY), FEN_MAX);
	ck_assert_int_eq(money_round(-INFINITY), -FEN_MAX);
	ck_assert_int_eq(money_round(NAN), 0);
	ck_assert_int_eq(money_round(9e16), (fen_t)9000000000000000000); /* still in range */
}
END_TEST

/* ---- fen_round and round_half_away: llround and round without libm ---- */

/* splitmix64: a fixed sequence of test inputs */
static uint64_t next_bits(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static double unit(uint64_t *x)
{
	return (double)(next_bits(x) >> 11) * 0x1.0p-53;
}

/* check's ck_assert talks to its parent on every call: test first */
#define ck_assert_llround(x)                                                               \
	do {                                                                               \
		double x_ = (x);                                                           \
		if (fen_round(x_) != llround(x_))                                          \
			ck_abort_msg("fen_round(%a = %.17g) = %lld, llround %lld", x_, x_, \
				     (long long)fen_round(x_), (long long)llround(x_));    \
	} while (0)

START_TEST(fen_round_is_llround_at_half_a_fen_and_at_the_edges_of_doubles)
{
	const double two52 = 0x1p52, two63 = 0x1p63;
	const double edge[] = {0.0,
			       -0.0,
			       0.5,
			       -0.5,
			       1.5,
			       -1.5,
			       2.5,
			       -2.5,
			       0.25,
			       -0.75,
			       1e-320,
			       -1e-320,
			       0.49999999999999994,
			       -0.49999999999999994, /* the double just below 1/2 */
			       nextafter(0.5, 1),
			       nextafter(-0.5, -1),
			       nextafter(1.5, 0),
			       nextafter(2.5, 3),
			       two52 - 0.5,
			       -(two52 - 0.5),
			       two52 - 1.5,
			       nextafter(two52, 0),
			       two52,
			       -two52,
			       two52 + 1,
			       two52 + 2,
			       0x1p53 + 2,
			       0x1p62,
			       nextafter(two63, 0),
			       -nextafter(two63, 0),
			       -two63, /* -2^63 fits int64 */
			       1e15,
			       999999999999999.5,
			       -999999999999999.5,
			       6e15,
			       6e15 + 0.5,
			       1e15 + 0.125,
			       12345.5,
			       -12345.5,
			       99.5,
			       100.49999999999999,
			       50000000.5};
	for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++)
		ck_assert_llround(edge[i]);
	/* every x.5 from -1000.5 to 1000.5 and its neighbours */
	for (int k = -1000; k <= 1000; k++) {
		double h = k + 0.5;
		ck_assert_llround(h);
		ck_assert_llround(nextafter(h, 0));
		ck_assert_llround(nextafter(h, h * 2));
	}
	ck_assert_int_eq(fen_round(0.5), 1);
	ck_assert_int_eq(fen_round(-0.5), -1);
	ck_assert_int_eq(fen_round(0.49999999999999994), 0); /* (x + 0.5) would give 1 */
	ck_assert_int_eq(fen_round(two52 - 0.5), (fen_t)4503599627370496);
	ck_assert_int_eq(fen_round(two52 + 1), (fen_t)4503599627370497);
}
END_TEST
/* fmin_fast is libm's fmin for every pair an amount meets: numbers either
 * way round, infinities, and a NaN on either side (the number wins). */
START_TEST(fmin_fast_is_fmin_with_numbers_infinities_and_nans)
{
	const double v[] = {0.0, 1.0, -1.0, 2e6, 1e13, 0x1p53 + 2, INFINITY, -INFINITY, NAN};
	size_t n = sizeof v / sizeof v[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			double got = fmin_fast(v[i], v[j]), want = fmin(v[i], v[j]);
			ck_assert_msg(got == want || (isnan(got) && isnan(want)),
				      "fmin_fast(%g, %g) = %g, fmin %g", v[i], v[j], got, want);
		}
}
END_TEST

/* The inputs the engine rounds: a level's share of an award (up to 6 x
 * MONEY_MAX fen times a share), yuan x 100 up to MONEY_MAX, halves of
 * whole numbers up to 2^53, and any double of |x| < 2^63. */
START_TEST(fen_round_agrees_with_llround_on_a_million_inputs_of_each_kind)
{
	uint64_t x = 14;
	for (int i = 0; i < 1000000; i++) {
		fen_t amount = (fen_t)(unit(&x) * 6 * MONEY_MAX * 100);
		double share = unit(&x);
		ck_assert_llround((double)amount * share);
		ck_assert_llround((double)amount * (double)(i % 1000) / 1000.0);
		double yuan = (unit(&x) * 2 - 1) * MONEY_MAX;
		ck_assert_llround(yuan * 100);
		if (money_round(yuan) != llround(yuan * 100))
			ck_abort_msg("money_round(%.17g) = %lld", yuan,
				     (long long)money_round(yuan));
		double half = (double)(next_bits(&x) >> 12) + 0.5;
		ck_assert_llround(half);
		ck_assert_llround(-half);
		double any;
		uint64_t b = next_bits(&x);
		memcpy(&any, &b, sizeof any);
		if (!isnan(any) && fabs(any) < 0x1p63)
			ck_assert_llround(any);
		/* small magnitudes, where the fraction decides */
		double small = (unit(&x) * 2 - 1) * ldexp(1, (int)(next_bits(&x) % 60));
		ck_assert_llround(small);
	}
}
END_TEST

static void ck_same_double(double a, double b)
{
	if (memcmp(&a, &b, sizeof a) != 0 && !(isnan(a) && isnan(b)))
		ck_abort_msg("round_half_away gave %a, round %a", a, b);
}

START_TEST(round_half_away_is_round_to_the_bit)
{
	const double edge[] = {0.0,        -0.0,   0.3,      -0.3,      0.5,
			       -0.5,       2.5,    -2.5,     0x1p52,    -0x1p52 - 2,
			       1e300,      -1e300, INFINITY, -INFINITY, 0.49999999999999994,
			       1e17 + 0.5, NAN};
	for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++)
		ck_same_double(round_half_away(edge[i]), round(edge[i]));
	ck_assert(signbit(round_half_away(-0.3))); /* round keeps the sign of zero */
	uint64_t x = 15;
	for (int i = 0; i < 1000000; i++) {
		double any;
		uint64_t b = next_bits(&x);
		memcpy(&any, &b, sizeof any);
		ck_same_double(round_half_away(any), round(any));
		double rev = (unit(&x) * 2 - 1) * 1e19; /* a grown revenue's gain in fen */
		ck_same_double(round_half_away(rev), round(rev));
		double small = (unit(&x) * 2 - 1) * ldexp(1, (int)(next_bits(&x) % 60));
		ck_same_double(round_half_away(small), round(small));
	}
}
END_TEST

/* ---- money_words ---- */

START_TEST(money_brief_rounds_data_figures_for_a_sentence)
{
	char b[64];
	money_brief(937942499.88, b, sizeof b); /* 9.3794249988亿: 亿 to 4 decimals */
	ck_assert_str_eq(b, "9.3794亿");
	money_brief(34716758.19, b, sizeof b); /* 3471.675819万: 万 to 2 decimals */
	ck_assert_str_eq(b, "3471.68万");
	money_brief(105000000, b, sizeof b);
	ck_assert_str_eq(b, "1.05亿");
	money_brief(20000000, b, sizeof b);
	ck_assert_str_eq(b, "2000万");
	money_brief(9999.5, b, sizeof b);
	ck_assert_str_eq(b, "9999.5元");
	money_brief(0, b, sizeof b);
	ck_assert_str_eq(b, "0元");
}
END_TEST

START_TEST(money_words_writes_round_amounts_in_wan_and_yi)
{
	ck_assert_str_eq(words(1e6), "100万");
	ck_assert_str_eq(words(2e8), "2亿");
	ck_assert_str_eq(words(4.8e6), "480万");
	ck_assert_str_eq(words(1e4), "1万");
	ck_assert_str_eq(words(1e9), "10亿");
	/* the bound of inputs: 10万亿, as it is written in scenarios */
	ck_assert_str_eq(words(1e13), "10万亿");
	ck_assert_str_eq(words(123456789012.34), "1234.5678901234亿"); /* shorter than in 万亿 */
}
END_TEST

START_TEST(money_words_uses_decimals_where_they_are_shorter)
{
	ck_assert_str_eq(words(12.5e4), "12.5万");
	ck_assert_str_eq(words(2.5e8), "2.5亿");
	/* a tie between 12.345万 and 123450元 goes to the larger unit */
	ck_assert_str_eq(words(123450), "12.345万");
}
END_TEST

START_TEST(money_words_writes_small_or_ragged_amounts_in_yuan)
{
	ck_assert_str_eq(words(800), "800元");
	ck_assert_str_eq(words(123456789), "123456789元");
	ck_assert_str_eq(words(12345), "12345元");
	ck_assert_str_eq(words(99.99), "99.99元");
	ck_assert_str_eq(words(0.01), "0.01元");
}
END_TEST

START_TEST(money_words_writes_zero_as_zero_yuan)
{
	ck_assert_str_eq(words(0), "0元");
	ck_assert_str_eq(words(0.001), "0元"); /* below a fen */
}
END_TEST

/* money_parse("-0") gives -0.0, so "cap = -0" is a valid scenario value
 * that `fundsim params` would print back; it must not read "-0元". */
START_TEST(money_words_writes_negative_zero_as_zero_yuan)
{
	ck_assert_str_eq(words(-0.0), "0元");
	ck_assert_str_eq(words(-0.001), "0元");
}
END_TEST

START_TEST(money_words_keeps_the_sign_of_negative_amounts)
{
	ck_assert_str_eq(words(-1e6), "-100万");
	ck_assert_str_eq(words(-800), "-800元");
}
END_TEST

START_TEST(money_words_output_parses_back_to_the_same_fen)
{
	static const double v[] = {0,         0.01,      1,
				   800,       12345,     123450,
				   1e6,       4.8e6,     2e8,
				   2.5e8,     123456789, 1234567.89,
				   99.99,     100000.01, 1e12,
				   333333.33, 7e7,       1.01e8,
				   1e13,      1.5e12,    123456789012.34};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char w[64], err[200];
		double back = -1;
		money_words(v[i], w, sizeof w);
		ck_assert_msg(money_parse(w, &back, err, sizeof err) == 0, "%s: %s", w, err);
		ck_assert_msg(money_round(back) == money_round(v[i]), "%.2f -> %s -> %.2f", v[i], w,
			      back);
	}
}
END_TEST

START_TEST(money_words_truncates_to_the_buffer_and_terminates)
{
	char buf[4];
	memset(buf, 'X', sizeof buf);
	money_words(123456789, buf, sizeof buf);
	ck_assert_str_eq(buf, "123");
}
END_TEST

/* ---- share_words ---- */

START_TEST(share_words_writes_percent_for_whole_percents)
{
	ck_assert_str_eq(share(0.05), "5%");
	ck_assert_str_eq(share(0.5), "50%");
	ck_assert_str_eq(share(0.2), "20%");
	ck_assert_str_eq(share(0.3), "30%");
	ck_assert_str_eq(share(1.0), "100%");
	ck_assert_str_eq(share(0.0), "0%");
}
END_TEST

/* The policy writes 2‰ and 1‰ (第5条), not 0.2% and 0.1%. */
START_TEST(share_words_writes_per_mille_as_the_policy_does)
{
	ck_assert_str_eq(share(0.002), "2‰");
	ck_assert_str_eq(share(0.001), "1‰");
}
END_TEST

START_TEST(share_words_writes_parsed_shares_back_unchanged)
{
	static const char *const s[] = {"5%", "50%", "20%", "30%", "100%", "35%", "70%"};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		ck_assert_str_eq(share(ok(K_SHARE, s[i])), s[i]);
}
END_TEST

/* ---- fen_wan, fen_yuan ---- */

START_TEST(fen_wan_writes_wan_with_two_decimals)
{
	ck_assert_str_eq(wan(0), "0.00");
	ck_assert_str_eq(wan(FEN_PER_WAN), "1.00");
	ck_assert_str_eq(wan(100 * FEN_PER_WAN), "100.00");
	ck_assert_str_eq(wan(FEN_PER_YI), "10000.00");
	ck_assert_str_eq(wan(123456789), "123.46"); /* 1234567.89 yuan */
	ck_assert_str_eq(wan(123449999), "123.45");
}
END_TEST

START_TEST(fen_wan_rounds_half_a_hundredth_away_from_zero)
{
	ck_assert_str_eq(wan(5000), "0.01"); /* 50 yuan = 0.005万 */
	ck_assert_str_eq(wan(4999), "0.00");
	ck_assert_str_eq(wan(15000), "0.02");
	ck_assert_str_eq(wan(-5000), "-0.01");
}
END_TEST

START_TEST(fen_wan_writes_negative_values_without_a_negative_zero)
{
	ck_assert_str_eq(wan(-123456789), "-123.46");
	ck_assert_str_eq(wan(-FEN_PER_WAN), "-1.00");
	ck_assert_str_eq(wan(-4999), "0.00");
	ck_assert_str_eq(wan(-1), "0.00");
}
END_TEST

START_TEST(fen_yuan_writes_yuan_with_two_decimals)
{
	ck_assert_str_eq(yuan(0), "0.00");
	ck_assert_str_eq(yuan(1), "0.01");
	ck_assert_str_eq(yuan(100), "1.00");
	ck_assert_str_eq(yuan(100000000), "1000000.00");
	ck_assert_str_eq(yuan(123456789), "1234567.89");
	ck_assert_str_eq(yuan((fen_t)100000000000000), "1000000000000.00");
}
END_TEST

/* fen_wan(INT64_MAX) added half a step past INT64_MAX and printed a
 * negative total; fen_yuan(INT64_MIN) negated INT64_MIN (issue 9, class 7). */
START_TEST(fen_wan_and_fen_yuan_write_the_extremes_of_fen_exactly)
{
	ck_assert_str_eq(wan(INT64_MAX), "9223372036854.78");
	ck_assert_str_eq(wan(INT64_MIN), "-9223372036854.78");
	ck_assert_str_eq(yuan(INT64_MAX), "92233720368547758.07");
	ck_assert_str_eq(yuan(INT64_MIN), "-92233720368547758.08");
	ck_assert_str_eq(yuan(-INT64_MAX), "-92233720368547758.07");
}
END_TEST

START_TEST(fen_yuan_writes_negative_values)
{
	ck_assert_str_eq(yuan(-1), "-0.01");
	ck_assert_str_eq(yuan(-12345), "-123.45");
	ck_assert_str_eq(yuan(-100), "-1.00");
}
END_TEST

/* ---- found by fuzzing (tests/fuzz/fuzz_amount.c) ---- */

/* money_words wrote 1e77 through a 64-byte buffer: the 78 digits were
 * cut, and "1000...亿" read back as 1e62. */
START_TEST(money_words_of_an_amount_too_long_for_fixed_decimals_reads_back)
{
	static const double v[] = {1e77, -1e77, 1e15, 123456789012345678.0, 1e300, 1.5e16};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char w[64], err[256];
		double back;
		money_words(v[i], w, sizeof w);
		ck_assert_msg(money_parse(w, &back, err, sizeof err) == 0, "%g -> %s: %s", v[i], w,
			      err);
		ck_assert_msg(back == v[i], "%.17g -> %s -> %.17g", v[i], w, back);
	}
	char w[64];
	share_words(1e300, w, sizeof w); /* a share goes the same way */
	double back;
	char err[256];
	ck_assert_int_eq(share_parse(w, &back, err, sizeof err), 0);
	ck_assert_double_eq(back, 1e300);
}
END_TEST

/* 1.1% was 1.1 / 100 = 0.011000000000000001, not the 0.011 of "0.011":
 * the same share written two ways gave two runs. */
START_TEST(a_percent_or_per_mille_is_the_same_double_as_the_decimal_fraction)
{
	static const char *const pct[] = {"1.1%", "0.7%", "2.9‰", "12.345%", "0.3%", "7%"};
	static const char *const dec[] = {"0.011", "0.007", "0.0029", "0.12345", "0.003", "0.07"};
	for (size_t i = 0; i < sizeof pct / sizeof pct[0]; i++)
		ck_assert_msg(ok(K_SHARE, pct[i]) == ok(K_SHARE, dec[i]), "%s != %s", pct[i],
			      dec[i]);
	char w[64];
	share_words(0.011, w, sizeof w);
	ck_assert_str_eq(w, "1.1%");
	ck_assert(ok(K_SHARE, w) == 0.011);
}
END_TEST

/* "-0" parsed as -0.0, which is written "0" and reads back as +0.0: a
 * resolved scenario then differed from the run in the sign of zero. */
START_TEST(minus_zero_reads_as_zero)
{
	static const char *const z[] = {"-0", "-0万", "-0.0亿", "-0e5"};
	for (size_t i = 0; i < sizeof z / sizeof z[0]; i++) {
		double v = ok(K_MONEY, z[i]);
		ck_assert_msg(v == 0 && !signbit(v), "%s gave %g", z[i], v);
	}
	ck_assert(!signbit(ok(K_SHARE, "-0%")));
	ck_assert(!signbit(ok(K_NUMBER, "-0")));
}
END_TEST

/* A number longer than the scaling buffer was cut before its exponent:
 * 0.000...1万 with 130 zeros read as 0. */
START_TEST(a_long_number_with_a_suffix_is_scaled_not_cut)
{
	char text[200] = "0.";
	memset(text + 2, '0', 130);
	snprintf(text + 132, sizeof text - 132, "1万");
	double v = ok(K_MONEY, text);
	ck_assert_double_eq_tol(v, 1e-127, 1e-140);
}
END_TEST

/* "-.8e-306%" parsed (the division by 100 gave the subnormal -8e-309),
 * but "-8.0000000000000003e-309", the very same number written out, was
 * "out of the range of numbers": strtod's underflow ERANGE was taken for
 * overflow. A value written back must read back. */
START_TEST(a_number_too_small_for_a_normal_double_reads_like_any_other)
{
	double v = ok(K_SHARE, "-.8e-306%");
	char text[64], err[256];
	snprintf(text, sizeof text, "%.17g", v);
	double back;
	ck_assert_msg(share_parse(text, &back, err, sizeof err) == 0, "%s: %s", text, err);
	ck_assert(back == v);
	ck_assert(ok(K_NUMBER, "4.9e-324") > 0);
	rejected(K_MONEY, "1e400", "out of the range", NULL); /* overflow still is */
	/* and underflow to 0 is: 5e-400 in a panel's revenue silently 0 */
	rejected(K_MONEY, "1e-400", "out of the range", "reads as 0");
	rejected(K_SHARE, "1e-400%", "out of the range", "reads as 0");
	rejected(K_SHARE, "4.9e-324%", "out of the range", "reads as 0"); /* scaled to 0 */
	ck_assert_double_eq(ok(K_MONEY, "0e-400"), 0); /* a zero written so is 0 */
}
END_TEST

static Suite *money_suite(void)
{
	Suite *s = suite_create("money");

	TCase *tc = tcase_create("money_parse");
	tcase_add_test(tc, money_parse_reads_wan_as_ten_thousand_yuan);
	tcase_add_test(tc, money_parse_reads_yi_as_a_hundred_million_yuan);
	tcase_add_test(tc, money_parse_accepts_wan_yuan_and_yuan_suffixes);
	tcase_add_test(tc, money_parse_reads_plain_yuan_and_exponents);
	tcase_add_test(tc, money_parse_reads_zero);
	tcase_add_test(tc, money_parse_reads_negative_amounts_and_leaves_the_range_to_the_caller);
	tcase_add_test(tc,
		       money_parse_gives_a_decimal_amount_in_wan_or_yi_exactly_as_written_in_yuan);
	tcase_add_test(tc, money_parse_rejects_an_empty_string);
	tcase_add_test(tc, money_parse_rejects_an_unknown_suffix_and_names_the_accepted_ones);
	tcase_add_test(tc, money_parse_rejects_percent_and_per_mille);
	tcase_add_test(tc, money_parse_rejects_words);
	tcase_add_test(tc, money_parse_rejects_an_amount_out_of_the_range_of_numbers);
	tcase_add_test(tc, money_parse_rejects_inf_and_nan);
	tcase_add_test(tc, money_parse_rejects_hexadecimal);
	tcase_add_test(tc, money_parse_rejects_spaces_inside_or_around_an_amount);
	tcase_add_test(tc, money_parse_keeps_a_reason_within_a_small_error_buffer);
	suite_add_tcase(s, tc);

	tc = tcase_create("share_parse");
	tcase_add_test(tc, share_parse_reads_percent_per_mille_and_fractions);
	tcase_add_test(tc, share_parse_gives_the_same_share_for_percent_per_mille_and_fraction);
	tcase_add_test(tc, share_parse_rejects_an_amount_of_money);
	tcase_add_test(tc, share_parse_rejects_a_doubled_percent_sign);
	tcase_add_test(tc, share_parse_rejects_words_empty_strings_and_inf);
	suite_add_tcase(s, tc);

	tc = tcase_create("int_parse and number_parse");
	tcase_add_test(tc, int_parse_reads_whole_numbers_with_a_sign);
	tcase_add_test(tc, int_parse_rejects_a_fraction);
	tcase_add_test(tc, int_parse_rejects_a_number_too_large_for_an_int);
	tcase_add_test(tc, int_parse_rejects_empty_strings_words_and_suffixes);
	tcase_add_test(tc, number_parse_reads_plain_reals);
	tcase_add_test(tc, number_parse_rejects_suffixes_words_and_non_finite_values);
	suite_add_tcase(s, tc);

	tc = tcase_create("money_round");
	tcase_add_test(tc, money_round_rounds_half_a_fen_away_from_zero);
	tcase_add_test(tc, money_round_rounds_below_half_a_fen_towards_zero);
	tcase_add_test(tc, money_round_gives_five_percent_of_1000wan_as_exactly_50wan);
	tcase_add_test(tc, money_round_keeps_large_budgets_exact);
	tcase_add_test(tc, money_round_keeps_the_largest_input_amount_exact_to_the_fen);
	tcase_add_test(tc, money_round_saturates_past_the_range_of_fen);
	tcase_add_test(tc, fen_round_is_llround_at_half_a_fen_and_at_the_edges_of_doubles);
	tcase_add_test(tc, fmin_fast_is_fmin_with_numbers_infinities_and_nans);
	tcase_add_test(tc, fen_round_agrees_with_llround_on_a_million_inputs_of_each_kind);
	tcase_add_test(tc, round_half_away_is_round_to_the_bit);
	tcase_add_test(tc, wan_yi_reads_as_ten_to_the_twelfth);
	suite_add_tcase(s, tc);

	tc = tcase_create("money_words and share_words");
	tcase_add_test(tc, money_words_writes_round_amounts_in_wan_and_yi);
	tcase_add_test(tc, money_words_uses_decimals_where_they_are_shorter);
	tcase_add_test(tc, money_words_writes_small_or_ragged_amounts_in_yuan);
	tcase_add_test(tc, money_words_writes_zero_as_zero_yuan);
	tcase_add_test(tc, money_words_writes_negative_zero_as_zero_yuan);
	tcase_add_test(tc, money_words_keeps_the_sign_of_negative_amounts);
	tcase_add_test(tc, money_words_output_parses_back_to_the_same_fen);
	tcase_add_test(tc, money_words_truncates_to_the_buffer_and_terminates);
	tcase_add_test(tc, share_words_writes_percent_for_whole_percents);
	tcase_add_test(tc, share_words_writes_per_mille_as_the_policy_does);
	tcase_add_test(tc, share_words_writes_parsed_shares_back_unchanged);
	suite_add_tcase(s, tc);

	tc = tcase_create("fen_wan and fen_yuan");
	tcase_add_test(tc, fen_wan_writes_wan_with_two_decimals);
	tcase_add_test(tc, fen_wan_rounds_half_a_hundredth_away_from_zero);
	tcase_add_test(tc, fen_wan_writes_negative_values_without_a_negative_zero);
	tcase_add_test(tc, fen_yuan_writes_yuan_with_two_decimals);
	tcase_add_test(tc, fen_yuan_writes_negative_values);
	tcase_add_test(tc, fen_wan_and_fen_yuan_write_the_extremes_of_fen_exactly);
	tcase_add_test(tc, money_brief_rounds_data_figures_for_a_sentence);
	suite_add_tcase(s, tc);

	tc = tcase_create("found by fuzzing");
	tcase_add_test(tc, money_words_of_an_amount_too_long_for_fixed_decimals_reads_back);
	tcase_add_test(tc, a_percent_or_per_mille_is_the_same_double_as_the_decimal_fraction);
	tcase_add_test(tc, minus_zero_reads_as_zero);
	tcase_add_test(tc, a_long_number_with_a_suffix_is_scaled_not_cut);
	tcase_add_test(tc, a_number_too_small_for_a_normal_double_reads_like_any_other);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(money_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
