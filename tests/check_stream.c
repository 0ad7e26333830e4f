/* check_stream.c - the batched Philox streams (stream.h): Random123's
 * known answers, the batched rounds equal to Random123's philox4x32 on
 * random counters, the same bits however a draw is batched or threaded,
 * and the moments of every variate within statistical bounds. */
#include <Random123/philox.h>
#include <check.h>
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "stream.h"

#define N 400000

/* Random123's tests/kat_vectors, the three "philox4x32 10" lines:
 * counter (4 words), key (2 words), expected output (4 words). */
static const uint32_t kat[3][10] = {
	{0, 0, 0, 0, 0, 0, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
	{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x408f276d,
	 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
	{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, 0xd16cfe09,
	 0x94fdcceb, 0x5001e420, 0x24126ea1},
};

START_TEST(philox_gives_random123s_known_answers)
{
	for (int t = 0; t < 3; t++) {
		const uint32_t *v = kat[t];
		uint32_t o[4];
		stream_philox(v + 4, 1, &v[0], &v[1], &v[2], &v[3], &o[0], &o[1], &o[2], &o[3]);
		for (int k = 0; k < 4; k++)
			ck_assert_msg(o[k] == v[6 + k], "vector %d word %d: %08x, expected %08x", t,
				      k, o[k], v[6 + k]);
	}
}
END_TEST

START_TEST(batched_rounds_equal_random123s_philox4x32_on_random_counters)
{
	enum { M = 1000 }; /* several chunks and a ragged end */
	static uint32_t c[4][M], o[4][M];
	srand(3);
	uint32_t key[2] = {(uint32_t)rand() * 2654435761u, (uint32_t)rand() * 40503u};
	for (int i = 0; i < M; i++)
		for (int k = 0; k < 4; k++)
			c[k][i] = (uint32_t)rand() * 2654435761u ^ (uint32_t)rand();
	stream_philox(key, M, c[0], c[1], c[2], c[3], o[0], o[1], o[2], o[3]);
	philox4x32_key_t k = {{key[0], key[1]}};
	for (int i = 0; i < M; i++) {
		philox4x32_ctr_t ctr = {{c[0][i], c[1][i], c[2][i], c[3][i]}};
		philox4x32_ctr_t r = philox4x32(ctr, k);
		for (int w = 0; w < 4; w++)
			ck_assert_uint_eq(o[w][i], r.v[w]);
	}
}
END_TEST

/* Draws of one stream in one call equal the same draws in pieces from
 * any position, and across streams equal each stream at that position. */
START_TEST(the_same_bits_however_the_draws_are_batched)
{
	struct stream s = stream_of(42, 7, stream_comp(0x1234567890abcdefULL), 100);
	enum { M = 777 };
	double all[4][M], piece[M];
	void (*fn[2])(const struct stream *, uint32_t, size_t, double *) = {stream_uniform,
									    stream_normal};
	for (int f = 0; f < 2; f++) {
		fn[f](&s, 5, M, all[f]);
		for (size_t at = 0; at < M; at += 31) {
			size_t n = M - at < 31 ? M - at : 31;
			fn[f](&s, 5 + (uint32_t)at, n, piece);
			ck_assert(memcmp(piece, all[f] + at, n * sizeof *piece) == 0);
		}
	}
	stream_exponential(&s, 9, M, 2.0, all[2]);
	stream_exponential(&s, 9 + 300, M - 300, 2.0, piece);
	ck_assert(memcmp(piece, all[2] + 300, (M - 300) * sizeof *piece) == 0);
	for (uint32_t pos = 0; pos < 4; pos++) {
		double u[M], z[M];
		stream_uniform_across(&s, pos, M, u);
		stream_normal_across(&s, pos, M, z);
		for (int j = 0; j < M; j += 97) {
			struct stream t = stream_of(42, 7, s.comp, 100 + (uint32_t)j);
			double one;
			stream_uniform(&t, pos, 1, &one);
			ck_assert(one == u[j]);
			stream_normal(&t, pos, 1, &one);
			ck_assert(one == z[j]);
		}
	}
}
END_TEST

/* A uniform is Random123's philox4x32 of counter {block, idx, comp, rep}
 * under key seed: position 2b the top 53 bits of words 0 and 1, 2b + 1
 * of words 2 and 3; along a stream and across streams alike. */
START_TEST(uniforms_are_random123s_words)
{
	enum { M = 600 }; /* more than a chunk; with AVX-512, 37 x 16 by blocks16 and 8 after */
	uint64_t seed = 0x0123456789abcdefULL;
	struct stream s = stream_of(seed, 5, stream_comp(77), 1000);
	philox4x32_key_t k = {{(uint32_t)seed, (uint32_t)(seed >> 32)}};
	double along[M], across[M];
	stream_uniform(&s, 3, M, along);
	stream_uniform_across(&s, 8, M, across);
	for (uint32_t i = 0; i < M; i++) {
		uint32_t p = 3 + i;
		philox4x32_ctr_t c = {{p / 2, s.idx, s.comp, s.rep}}, r = philox4x32(c, k);
		uint64_t w = p % 2 ? (uint64_t)r.v[2] << 32 | r.v[3]
				   : (uint64_t)r.v[0] << 32 | r.v[1];
		ck_assert(along[i] == (double)(w >> 11) * 0x1.0p-53);
		philox4x32_ctr_t d = {{4, s.idx + i, s.comp, s.rep}}, q = philox4x32(d, k);
		w = (uint64_t)q.v[0] << 32 | q.v[1];
		ck_assert(across[i] == (double)(w >> 11) * 0x1.0p-53);
	}
}
END_TEST

/* A block's two positions at once equal each position alone. */
START_TEST(both_positions_of_a_block_equal_each_alone)
{
	enum { M = 300 };
	struct stream s = stream_of(8, 1, 2, 30);
	double e[M], o[M], one[M];
	stream_uniform2_across(&s, 7, M, e, o);
	stream_uniform_across(&s, 14, M, one);
	ck_assert(memcmp(e, one, sizeof e) == 0);
	stream_uniform_across(&s, 15, M, one);
	ck_assert(memcmp(o, one, sizeof o) == 0);
	stream_normal2_across(&s, 7, M, e, o);
	stream_normal_across(&s, 14, M, one);
	ck_assert(memcmp(e, one, sizeof e) == 0);
	stream_normal_across(&s, 15, M, one);
	ck_assert(memcmp(o, one, sizeof o) == 0);
}
END_TEST

/* exp and log give the same bits whatever the length of the array: its
 * elements go 8, 2 or 1 at a time (AVX-512, SSE2, plain C) by where they
 * fall, and SLEEF's deterministic functions agree on every width. */
START_TEST(vector_exp_and_log_give_the_same_bits_at_any_length)
{
	enum { M = 45 };
	double x[M], y[M], one[M], got[M];
	struct stream s = stream_of(3, 3, 3, 3);
	stream_normal(&s, 0, M, x);
	for (int i = 0; i < M; i++) {
		x[i] *= 30; /* exp from e^-90 to e^90 */
		y[i] = fabs(x[i]) * 1e5 + 1e-300;
	}
	for (int k = 0; k < 2; k++) {
		const double *in = k ? y : x;
		void (*fn)(const double *, size_t, double *) = k ? stream_log : stream_exp;
		for (int i = 0; i < M; i++)
			fn(in + i, 1, one + i);
		for (int n = 1; n <= M; n++)
			for (int at = 0; at + n <= M; at += 7) {
				fn(in + at, (size_t)n, got);
				ck_assert(memcmp(got, one + at, (size_t)n * sizeof *got) == 0);
			}
	}
}
END_TEST

/* Replications drawn by any number of threads give the same bits. */
START_TEST(the_same_bits_on_any_thread_count)
{
	enum { REPS = 64, M = 500 };
	static double a[REPS][M], b[REPS][M];
	for (int threads = 1; threads <= 4; threads *= 2) {
		double(*out)[M] = threads == 1 ? a : b;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
		for (int r = 0; r < REPS; r++) {
			struct stream s = stream_of(9, (uint32_t)r, 77, 3);
			stream_lognormal(&s, 0, M, 1e6, 0.8, out[r]);
		}
		if (threads > 1)
			ck_assert(memcmp(a, b, sizeof a) == 0);
	}
}
END_TEST

/* Distinct keys, indices, replications and components give unrelated
 * draws: a changed word of the stream changes its first draws. */
START_TEST(every_word_of_the_key_moves_the_draws)
{
	struct stream s[] = {stream_of(1, 2, 3, 4), stream_of(1ULL << 40, 2, 3, 4),
			     stream_of(1, 3, 3, 4), stream_of(1, 2, 4, 4), stream_of(1, 2, 3, 5)};
	double u[5][4];
	for (int i = 0; i < 5; i++)
		stream_uniform(&s[i], 0, 4, u[i]);
	for (int i = 1; i < 5; i++)
		for (int k = 0; k < 4; k++)
			ck_assert(u[i][k] != u[0][k]);
}
END_TEST

static void moments(const double *x, size_t n, double *m, double *v, double *sk, double *ku)
{
	double s = 0;
	for (size_t i = 0; i < n; i++)
		s += x[i];
	*m = s / (double)n;
	double s2 = 0, s3 = 0, s4 = 0;
	for (size_t i = 0; i < n; i++) {
		double d = x[i] - *m;
		s2 += d * d;
		s3 += d * d * d;
		s4 += d * d * d * d;
	}
	*v = s2 / (double)(n - 1);
	*sk = s3 / (double)n / pow(*v, 1.5);
	*ku = s4 / (double)n / (*v * *v);
}

/* Bounds of 5 standard errors: a false alarm about once in 3 million. */
START_TEST(uniforms_are_in_0_1_with_the_moments_of_uniform)
{
	double *x = malloc(N * sizeof *x), m, v, sk, ku;
	struct stream s = stream_of(2026, 0, 1, 0);
	stream_uniform(&s, 0, N, x);
	for (size_t i = 0; i < N; i++)
		ck_assert(x[i] >= 0 && x[i] < 1);
	moments(x, N, &m, &v, &sk, &ku);
	ck_assert_double_le(fabs(m - 0.5), 5 * sqrt(1.0 / 12 / N));
	ck_assert_double_le(fabs(v - 1.0 / 12), 5 * sqrt(1.0 / 180 / N));
	ck_assert_double_le(fabs(sk), 5 * sqrt(6.0 / N) / 2);
	/* the across form too */
	stream_uniform_across(&s, 3, N, x);
	moments(x, N, &m, &v, &sk, &ku);
	ck_assert_double_le(fabs(m - 0.5), 5 * sqrt(1.0 / 12 / N));
	free(x);
}
END_TEST

START_TEST(normals_have_mean_0_variance_1_skew_0_kurtosis_3)
{
	double *x = malloc(N * sizeof *x), m, v, sk, ku;
	struct stream s = stream_of(2026, 1, 2, 0);
	stream_normal(&s, 0, N, x);
	moments(x, N, &m, &v, &sk, &ku);
	ck_assert_double_le(fabs(m), 5 * sqrt(1.0 / N));
	ck_assert_double_le(fabs(v - 1), 5 * sqrt(2.0 / N));
	ck_assert_double_le(fabs(sk), 5 * sqrt(6.0 / N));
	ck_assert_double_le(fabs(ku - 3), 5 * sqrt(96.0 / N));
	/* the pair of a block is uncorrelated: cos and sin of one angle */
	double c = 0;
	for (size_t i = 0; i + 1 < N; i += 2)
		c += x[i] * x[i + 1];
	ck_assert_double_le(fabs(c / (N / 2)), 5 * sqrt(2.0 / N));
	/* tails: P(|Z| > 3) = 0.0026998 */
	size_t far = 0;
	for (size_t i = 0; i < N; i++)
		far += fabs(x[i]) > 3;
	double p = 0.0026998;
	ck_assert_double_le(fabs((double)far / N - p), 5 * sqrt(p * (1 - p) / N));
	free(x);
}
END_TEST

START_TEST(exponentials_and_lognormals_have_their_moments)
{
	double *x = malloc(N * sizeof *x), m, v, sk, ku;
	struct stream s = stream_of(2026, 2, 3, 0);
	stream_exponential(&s, 0, N, 3.0, x);
	for (size_t i = 0; i < N; i++)
		ck_assert(x[i] >= 0 && isfinite(x[i]));
	moments(x, N, &m, &v, &sk, &ku);
	ck_assert_double_le(fabs(m - 3), 5 * 3 / sqrt(N));
	ck_assert_double_le(fabs(v - 9), 5 * 9 * sqrt(8.0 / N));
	/* lognormal(median 500, sigma 0.5): the log is normal(ln 500, 0.5) */
	stream_lognormal(&s, 1u << 30, N, 500, 0.5, x);
	for (size_t i = 0; i < N; i++)
		x[i] = log(x[i]);
	moments(x, N, &m, &v, &sk, &ku);
	ck_assert_double_le(fabs(m - log(500)), 5 * 0.5 / sqrt(N));
	ck_assert_double_le(fabs(v - 0.25), 5 * 0.25 * sqrt(2.0 / N));
	free(x);
}
END_TEST

/* SLEEF's exp (1 ulp) and the log (ln 2 x SLEEF's log2, 3.5 ulp) are within 2 and 4 ulp of
 * glibc's. */
START_TEST(vector_exp_and_log_agree_with_libm)
{
	enum { M = 10001 };
	static double x[M], y[M];
	for (int i = 0; i < M; i++)
		x[i] = -700 + 1400.0 * i / (M - 1);
	stream_exp(x, M, y);
	for (int i = 0; i < M; i++)
		ck_assert_double_le(fabs(y[i] - exp(x[i])),
				    2 * nextafter(exp(x[i]), INFINITY) - 2 * exp(x[i]));
	for (int i = 0; i < M; i++)
		x[i] = pow(10, -300 + 600.0 * i / (M - 1));
	stream_log(x, M, y);
	for (int i = 0; i < M; i++)
		ck_assert_double_le(fabs(y[i] - log(x[i])),
				    4 * fabs(nextafter(log(x[i]), INFINITY) - log(x[i])));
}
END_TEST

static Suite *stream_suite(void)
{
	Suite *s = suite_create("stream");
	TCase *tc = tcase_create("philox");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, philox_gives_random123s_known_answers);
	tcase_add_test(tc, batched_rounds_equal_random123s_philox4x32_on_random_counters);
	tcase_add_test(tc, the_same_bits_however_the_draws_are_batched);
	tcase_add_test(tc, the_same_bits_on_any_thread_count);
	tcase_add_test(tc, every_word_of_the_key_moves_the_draws);
	tcase_add_test(tc, uniforms_are_random123s_words);
	tcase_add_test(tc, both_positions_of_a_block_equal_each_alone);
	tcase_add_test(tc, vector_exp_and_log_give_the_same_bits_at_any_length);
	suite_add_tcase(s, tc);
	tc = tcase_create("variates");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, uniforms_are_in_0_1_with_the_moments_of_uniform);
	tcase_add_test(tc, normals_have_mean_0_variance_1_skew_0_kurtosis_3);
	tcase_add_test(tc, exponentials_and_lognormals_have_their_moments);
	tcase_add_test(tc, vector_exp_and_log_agree_with_libm);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(stream_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
