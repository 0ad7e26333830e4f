/* stream.c - Philox4x32-10 over arrays of counters, and the variates made
 * from it with SLEEF's vector log, exp and sincospi (stream.h).
 *
 * Random123's philox4x32 works on one counter at a time; here the same
 * rounds run over a structure of arrays, CHUNK counters at once, so that
 * the compiler vectorises the 32-bit multiplies. check_stream.c holds it
 * to Random123's known answers and to Random123's own function. */
#include "stream.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#define STREAM_SSE2 1
#endif
#include <sleef.h>

#define CHUNK 256 /* blocks a pass: the arrays stay in L1 */

#ifdef STREAM_COUNT
/* bench/floor.c's count of the draws made (stream.h): compiled in only
 * there, never into the library. */
unsigned long long stream_count[STREAM_NCOUNT];
#define COUNT(k, n) (stream_count[k] += (n))
#else
#define COUNT(k, n) ((void)0)
#endif

/* Random123's constants for Philox4x32 (philox.h) */
#define M0 0xD2511F53u
#define M1 0xCD9E8D57u
#define W0 0x9E3779B9u
#define W1 0xBB67AE85u

/* Integer rounds give the same bits on any instruction set: the widest
 * vectors the machine has are chosen at load time (an ifunc). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define WIDEST __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define WIDEST
#endif

WIDEST void stream_philox(const uint32_t key[2], size_t n, const uint32_t *c0, const uint32_t *c1,
			  const uint32_t *c2, const uint32_t *c3, uint32_t *o0, uint32_t *o1,
			  uint32_t *o2, uint32_t *o3)
{
	for (size_t at = 0; at < n; at += CHUNK) {
		size_t m = n - at < CHUNK ? n - at : CHUNK;
		uint32_t x0[CHUNK], x1[CHUNK], x2[CHUNK], x3[CHUNK];
		memcpy(x0, c0 + at, m * sizeof *x0);
		memcpy(x1, c1 + at, m * sizeof *x1);
		memcpy(x2, c2 + at, m * sizeof *x2);
		memcpy(x3, c3 + at, m * sizeof *x3);
		uint32_t k0 = key[0], k1 = key[1];
		for (int r = 0; r < 10; r++) {
			for (size_t i = 0; i < m; i++) {
				uint64_t p0 = (uint64_t)M0 * x0[i], p1 = (uint64_t)M1 * x2[i];
				uint32_t y0 = (uint32_t)(p1 >> 32) ^ x1[i] ^ k0;
				uint32_t y2 = (uint32_t)(p0 >> 32) ^ x3[i] ^ k1;
				x1[i] = (uint32_t)p1;
				x3[i] = (uint32_t)p0;
				x0[i] = y0;
				x2[i] = y2;
			}
			k0 += W0;
			k1 += W1;
		}
		memcpy(o0 + at, x0, m * sizeof *x0);
		memcpy(o1 + at, x1, m * sizeof *x1);
		memcpy(o2 + at, x2, m * sizeof *x2);
		memcpy(o3 + at, x3, m * sizeof *x3);
	}
}

struct stream stream_of(uint64_t seed, uint32_t rep, uint32_t comp, uint32_t idx)
{
	return (struct stream){{(uint32_t)seed, (uint32_t)(seed >> 32)}, rep, comp, idx};
}

uint32_t stream_comp(uint64_t name_hash)
{
	return (uint32_t)(name_hash ^ (name_hash >> 32));
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#include <immintrin.h>
#define STREAM_X86 1
/* FUNDSIM_NO_AVX512 set: the other paths, as on a machine without it
 * (make check runs check_stream and the golden run so: the same bits). */
static int has_avx512(void)
{
	static int has = -1; /* a race writes the same value */
	if (has < 0)
		has = __builtin_cpu_supports("avx512f") && !getenv("FUNDSIM_NO_AVX512");
	return has;
}

/* The lanes of a vector of eight that the last left values fill: all when
 * eight or more. */
static inline __mmask8 lanes8(size_t left)
{
	return left >= 8 ? 0xFF : (__mmask8)((1u << left) - 1);
}

/* The rounds of blocks() 16 at a time in AVX-512 registers, written out:
 * gcc's vectorised loop widened every 32-bit lane to 64 bits and back
 * for the multiplies (12 cycles a block); here the even and odd lanes'
 * products are taken apart and blended (vpmuludq twice a multiply). */
struct lanes16 {
	__m512i x0, x1, x2, x3;
};

#define AVX512_INLINE __attribute__((target("avx512f"), always_inline)) static inline

/* The counters of blocks j .. j + 15 (blocks()'s along or across). */
AVX512_INLINE struct lanes16 start16(const struct stream *s, int across, uint32_t b0, size_t j)
{
	const __m512i iota = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
					       15);
	__m512i step = _mm512_add_epi32(_mm512_set1_epi32((int)j), iota);
	__m512i x0 = _mm512_set1_epi32((int)b0), x1 = _mm512_set1_epi32((int)s->idx);
	if (across)
		x1 = _mm512_add_epi32(x1, step);
	else
		x0 = _mm512_add_epi32(x0, step);
	return (struct lanes16){x0, x1, _mm512_set1_epi32((int)s->comp),
				_mm512_set1_epi32((int)s->rep)};
}

AVX512_INLINE void round16(struct lanes16 *v, uint32_t k0, uint32_t k1)
{
	const __m512i m0 = _mm512_set1_epi32((int)M0), m1 = _mm512_set1_epi32((int)M1);
	__m512i e0 = _mm512_mul_epu32(v->x0, m0),
		o0 = _mm512_mul_epu32(_mm512_srli_epi64(v->x0, 32), m0),
		e1 = _mm512_mul_epu32(v->x2, m1),
		o1 = _mm512_mul_epu32(_mm512_srli_epi64(v->x2, 32), m1);
	__m512i hi0 = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(e0, 32), o0),
		lo0 = _mm512_mask_blend_epi32(0xAAAA, e0, _mm512_slli_epi64(o0, 32)),
		hi1 = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(e1, 32), o1),
		lo1 = _mm512_mask_blend_epi32(0xAAAA, e1, _mm512_slli_epi64(o1, 32));
	v->x0 = _mm512_ternarylogic_epi32(hi1, v->x1, _mm512_set1_epi32((int)k0), 0x96);
	v->x2 = _mm512_ternarylogic_epi32(hi0, v->x3, _mm512_set1_epi32((int)k1), 0x96);
	v->x1 = lo1;
	v->x3 = lo0;
}

/* w0 = x0:x1, w1 = x2:x3, in block order; left blocks of the 16 wanted. */
AVX512_INLINE void store16(const struct lanes16 *v, size_t left, uint64_t *w0, uint64_t *w1)
{
	const __m512i lo = _mm512_setr_epi64(0, 1, 8, 9, 2, 3, 10, 11),
		      hi = _mm512_setr_epi64(4, 5, 12, 13, 6, 7, 14, 15);
	__mmask8 first = lanes8(left), second = left > 8 ? lanes8(left - 8) : 0;
	__m512i a = _mm512_unpacklo_epi32(v->x1, v->x0), b = _mm512_unpackhi_epi32(v->x1, v->x0);
	_mm512_mask_storeu_epi64(w0, first, _mm512_permutex2var_epi64(a, lo, b));
	_mm512_mask_storeu_epi64(w0 + 8, second, _mm512_permutex2var_epi64(a, hi, b));
	a = _mm512_unpacklo_epi32(v->x3, v->x2);
	b = _mm512_unpackhi_epi32(v->x3, v->x2);
	_mm512_mask_storeu_epi64(w1, first, _mm512_permutex2var_epi64(a, lo, b));
	_mm512_mask_storeu_epi64(w1 + 8, second, _mm512_permutex2var_epi64(a, hi, b));
}

/* Blocks j .. j + 16 nv - 1 of blocks16's m, nv vectors side by side (a
 * constant where called: each count its own loop in registers); the last
 * vector's blocks past m are made but not stored. */
AVX512_INLINE void rounds16(const struct stream *s, int across, uint32_t b0, size_t j, size_t m,
			    uint64_t *w0, uint64_t *w1, int nv)
{
	struct lanes16 v[4];
	for (int q = 0; q < nv; q++)
		v[q] = start16(s, across, b0, j + 16 * (size_t)q);
	uint32_t k0 = s->key[0], k1 = s->key[1];
	for (int r = 0; r < 10; r++) {
		for (int q = 0; q < nv; q++)
			round16(&v[q], k0, k1);
		k0 += W0;
		k1 += W1;
	}
	for (size_t q = 0; q < (size_t)nv; q++)
		store16(&v[q], m - j - 16 * q, w0 + j + 16 * q, w1 + j + 16 * q);
}

/* Four vectors at a time: one's ten rounds are a chain of multiplies
 * that left the vector units waiting (2.1 ns a block of 128 across, 1.2
 * so). */
__attribute__((target("avx512f"))) static void
blocks16(const struct stream *s, int across, uint32_t b0, size_t m, uint64_t *w0, uint64_t *w1)
{
	size_t j = 0;
	for (; j + 48 < m; j += 64) /* j may pass m: no m - j */
		rounds16(s, across, b0, j, m, w0, w1, 4);
	if (j + 32 < m)
		rounds16(s, across, b0, j, m, w0, w1, 3);
	else if (j + 16 < m)
		rounds16(s, across, b0, j, m, w0, w1, 2);
	else if (m > j)
		rounds16(s, across, b0, j, m, w0, w1, 1);
}
#endif

/* m blocks of s: along (block b0 + j of the stream) or across (block b0 of
 * stream idx + j). Each block is two words: w0[j], w1[j] (64 bits each).
 * The rounds of one block in registers, unrolled, and the blocks side by
 * side in vectors: the same rounds as stream_philox (check_stream.c). */
WIDEST static void blocks(const struct stream *s, int across, uint32_t b0, size_t m, uint64_t *w0,
			  uint64_t *w1)
{
	uint32_t da = across ? 0 : 1, di = across ? 1 : 0;
#ifdef STREAM_X86
	/* one or two blocks (a third of the calls): the plain rounds, shorter
	 * than a vector's chain */
	if (has_avx512() && m > 2) {
		blocks16(s, across, b0, m, w0, w1);
		return;
	}
#endif
	for (size_t j = 0; j < m; j++) {
		uint32_t x0 = b0 + da * (uint32_t)j, x1 = s->idx + di * (uint32_t)j, x2 = s->comp,
			 x3 = s->rep, k0 = s->key[0], k1 = s->key[1];
#pragma GCC unroll 10
		for (int r = 0; r < 10; r++) {
			uint64_t p0 = (uint64_t)M0 * x0, p1 = (uint64_t)M1 * x2;
			uint32_t y0 = (uint32_t)(p1 >> 32) ^ x1 ^ k0;
			uint32_t y2 = (uint32_t)(p0 >> 32) ^ x3 ^ k1;
			x1 = (uint32_t)p1;
			x3 = (uint32_t)p0;
			x0 = y0;
			x2 = y2;
			k0 += W0;
			k1 += W1;
		}
		w0[j] = (uint64_t)x0 << 32 | x1;
		w1[j] = (uint64_t)x2 << 32 | x3;
	}
}

static double u01(uint64_t w) /* [0, 1) */
{
	return (double)(w >> 11) * 0x1.0p-53;
}

static double u01_pos(uint64_t w) /* (0, 1] */
{
	return (double)((w >> 11) + 1) * 0x1.0p-53;
}

bool stream_avx512dq(void)
{
#ifdef STREAM_X86
	static int has = -1; /* a race writes the same value */
	if (has < 0)
		has = has_avx512() && __builtin_cpu_supports("avx512dq");
	return has;
#else
	return false;
#endif
}

#ifdef STREAM_X86

/* to_u01's eight at a time (AVX-512DQ converts 64-bit integers): the
 * same integers, exactly converted, times the same power of 2. */
__attribute__((target("avx512f,avx512dq"))) static void
to_u01_8(const uint64_t *w, size_t m, uint64_t lift, double scale, double *out)
{
	const __m512i l = _mm512_set1_epi64((long long)lift);
	const __m512d sc = _mm512_set1_pd(scale);
	for (size_t j = 0; j < m; j += 8) {
		__mmask8 k = lanes8(m - j);
		__m512i x = _mm512_srli_epi64(_mm512_maskz_loadu_epi64(k, w + j), 11);
		_mm512_mask_storeu_pd(out + j, k,
				      _mm512_mul_pd(_mm512_cvtepu64_pd(_mm512_add_epi64(x, l)),
						    sc));
	}
}
#endif

/* out[j] = ((w[j] >> 11) + lift) x scale: u01 (lift 0, scale 2^-53),
 * u01_pos (lift 1), twice u01 (scale 2^-52); the scalar conversions were
 * most of Box-Muller's own time. */
static void to_u01(const uint64_t *w, size_t m, uint64_t lift, double scale, double *out)
{
#ifdef STREAM_X86
	if (stream_avx512dq()) {
		to_u01_8(w, m, lift, scale, out);
		return;
	}
#endif
	for (size_t j = 0; j < m; j++)
		out[j] = (double)((w[j] >> 11) + lift) * scale;
}

#if defined(STREAM_SSE2) && defined(__GNUC__) && !defined(__clang__)
/* SLEEF's "cinz" functions (no FMA, deterministic) give the same bits on
 * every vector width (check_stream.c); exp, log2 and sincospi eight at a
 * time where the machine has AVX-512. sleef.h declares them
 * only under -mavx512f: here by hand. */
#include <immintrin.h>
#define STREAM_WIDE 1
typedef struct {
	__m512d x, y;
} wide2;
__m512d Sleef_cinz_expd8_u10avx512fnofma(__m512d x);
wide2 Sleef_cinz_sincospid8_u35avx512fnofma(__m512d x);

/* All n, 8 at a time; the last up to 7 in one masked vector (the lanes
 * past n hold 0 and are not stored): one call where the SSE2 pairs took
 * up to four. */
__attribute__((target("avx512f"))) static void exp8(const double *x, size_t n, double *out)
{
	for (size_t i = 0; i < n; i += 8) {
		__mmask8 k = lanes8(n - i);
		__m512d r = Sleef_cinz_expd8_u10avx512fnofma(_mm512_maskz_loadu_pd(k, x + i));
		_mm512_mask_storeu_pd(out + i, k, r);
	}
}

__attribute__((target("avx512f"))) static void sincospi8(const double *x, size_t n, double *c,
							 double *s)
{
	for (size_t i = 0; i < n; i += 8) {
		__mmask8 k = lanes8(n - i);
		wide2 r = Sleef_cinz_sincospid8_u35avx512fnofma(_mm512_maskz_loadu_pd(k, x + i));
		_mm512_mask_storeu_pd(s + i, k, r.x);
		_mm512_mask_storeu_pd(c + i, k, r.y);
	}
}
#endif

#ifdef STREAM_SSE2
/* x[i], x[i + 1] as a pair; the last one twice when i + 1 == n */
static __m128d pair(const double *x, size_t i, size_t n)
{
	return i + 1 < n ? _mm_loadu_pd(x + i) : _mm_set1_pd(x[i]);
}

static void put_pair(double *out, size_t i, size_t n, __m128d r)
{
	if (i + 1 < n)
		_mm_storeu_pd(out + i, r);
	else
		_mm_store_sd(out + i, r);
}
#endif

void stream_exp(const double *x, size_t n, double *out)
{
	size_t i = 0;
	COUNT(STREAM_EXP, n);
#ifdef STREAM_WIDE
	if (has_avx512()) {
		exp8(x, n, out);
		return;
	}
#endif
#ifdef STREAM_SSE2
	for (; i < n; i += 2) { /* a last one alone as a pair: purec's took 1% of a run */
		__m128d r = Sleef_cinz_expd2_u10sse2(pair(x, i, n));
		put_pair(out, i, n, r);
	}
#endif
	for (; i < n; i++)
		out[i] = Sleef_expd1_u10purec(x[i]);
}

#ifdef STREAM_WIDE
__m256d Sleef_cinz_log2d4_u35avx(__m256d x);
__m512d Sleef_cinz_log2d8_u35avx512fnofma(__m512d x);

static int has_avx(void)
{
	static int has = -1; /* a race writes the same value */
	if (has < 0)
		has = __builtin_cpu_supports("avx") != 0;
	return has;
}

/* As exp8 (the lanes past n hold 1). */
__attribute__((target("avx512f"))) static void log2_8(const double *x, size_t n, double *out)
{
	const __m512d one = _mm512_set1_pd(1);
	for (size_t i = 0; i < n; i += 8) {
		__mmask8 k = lanes8(n - i);
		__m512d r = Sleef_cinz_log2d8_u35avx512fnofma(_mm512_mask_loadu_pd(one, k, x + i));
		_mm512_mask_storeu_pd(out + i, k, r);
	}
}

__attribute__((target("avx"))) static size_t log2_4(const double *x, size_t n, double *out)
{
	size_t i = 0;
	for (; i + 4 <= n; i += 4)
		_mm256_storeu_pd(out + i, Sleef_cinz_log2d4_u35avx(_mm256_loadu_pd(x + i)));
	return i;
}
#endif

/* log2 without counting, for the variates (ln u = ln 2 log2 u): SLEEF's
 * AVX-512 log took 24 ns a value on this project's machine, its AVX log
 * 2.2, its AVX-512 log2 0.9. */
static void vlog2(const double *x, size_t n, double *out)
{
	size_t i = 0;
#ifdef STREAM_WIDE
	if (has_avx512()) {
		log2_8(x, n, out);
		return;
	}
	if (has_avx())
		i = log2_4(x, n, out);
#endif
#ifdef STREAM_SSE2
	for (; i < n; i += 2)
		put_pair(out, i, n, Sleef_cinz_log2d2_u35sse2(pair(x, i, n)));
#endif
	for (; i < n; i++)
		out[i] = Sleef_log2d1_u35purec(x[i]);
}

void stream_log(const double *x, size_t n, double *out)
{
	COUNT(STREAM_LOG, n);
	vlog2(x, n, out);
	for (size_t i = 0; i < n; i++)
		out[i] *= M_LN2;
}

/* c = cos(pi x), s = sin(pi x) over arrays. */
static void sincospi(const double *x, size_t n, double *c, double *s)
{
	size_t i = 0;
#ifdef STREAM_WIDE
	if (has_avx512()) {
		sincospi8(x, n, c, s);
		return;
	}
#endif
#ifdef STREAM_SSE2
	for (; i < n; i += 2) {
		Sleef___m128d_2 r = Sleef_cinz_sincospid2_u35sse2(pair(x, i, n));
		put_pair(s, i, n, r.x);
		put_pair(c, i, n, r.y);
	}
#endif
	for (; i < n; i++) {
		Sleef_double_2 r = Sleef_sincospid1_u35purec(x[i]);
		s[i] = r.x;
		c[i] = r.y;
	}
}

void stream_uniform(const struct stream *s, uint32_t pos, size_t n, double *out)
{
	uint64_t w0[CHUNK], w1[CHUNK];
	size_t done = 0;
	COUNT(STREAM_UNIFORM, n);
	while (done < n) {
		uint32_t p = pos + (uint32_t)done, b = p / 2;
		size_t want = n - done, m = (p % 2 + want + 1) / 2;
		m = m < CHUNK ? m : CHUNK;
		blocks(s, 0, b, m, w0, w1);
		for (size_t j = p % 2; j < 2 * m && done < n; j++)
			out[done++] = u01(j % 2 ? w1[j / 2] : w0[j / 2]);
	}
}

/* -2 ln u = -2 ln 2 log2 u (vlog2): Box-Muller's radius on every path */
#define NEG_2LN2 (-2 * M_LN2)

#ifdef STREAM_X86
/* Box-Muller's last step eight at a time: r = sqrt(-2 ln u), z0 = r cos,
 * z1 = r sin (IEEE sqrt and products: the same bits at any width). */
__attribute__((target("avx512f"))) static void radius8(double *z0, double *z1, const double *a,
						       size_t m)
{
	const __m512d m2 = _mm512_set1_pd(NEG_2LN2);
	for (size_t j = 0; j < m; j += 8) {
		__mmask8 k = lanes8(m - j);
		__m512d r = _mm512_sqrt_pd(_mm512_mul_pd(m2, _mm512_maskz_loadu_pd(k, z1 + j)));
		_mm512_mask_storeu_pd(z0 + j, k,
				      _mm512_mul_pd(_mm512_maskz_loadu_pd(k, z0 + j), r));
		_mm512_mask_storeu_pd(z1 + j, k, _mm512_mul_pd(_mm512_maskz_loadu_pd(k, a + j), r));
	}
}
#endif

/* Box-Muller on m blocks: z0[j] (even position), z1[j] (odd). */
static void box_muller(const uint64_t *w0, const uint64_t *w1, size_t m, double *z0, double *z1)
{
	/* the radius's log2 in z1 and the sine in a: no scratch read that gcc
	 * cannot see filled (it warned, and clearing one cost 2 KB a call) */
	to_u01(w0, m, 1, 0x1.0p-53, z1); /* u01_pos */
	vlog2(z1, m, z1);
	double a[CHUNK];
	to_u01(w1, m, 0, 0x1.0p-52, z0); /* 2 u01: the angle, then its cosine; the sine in a */
	sincospi(z0, m, z0, a);
#ifdef STREAM_X86
	if (has_avx512()) {
		radius8(z0, z1, a, m);
		return;
	}
#endif
	for (size_t j = 0; j < m; j++) {
		double r = sqrt(NEG_2LN2 * z1[j]);
		z0[j] *= r;
		z1[j] = a[j] * r;
	}
}

void stream_normal(const struct stream *s, uint32_t pos, size_t n, double *out)
{
	uint64_t w0[CHUNK], w1[CHUNK];
	double z0[CHUNK], z1[CHUNK];
	size_t done = 0;
	COUNT(STREAM_NORMAL, n);
	while (done < n) {
		uint32_t p = pos + (uint32_t)done, b = p / 2;
		size_t want = n - done, m = (p % 2 + want + 1) / 2;
		m = m < CHUNK ? m : CHUNK;
		blocks(s, 0, b, m, w0, w1);
		box_muller(w0, w1, m, z0, z1);
		for (size_t j = p % 2; j < 2 * m && done < n; j++)
			out[done++] = j % 2 ? z1[j / 2] : z0[j / 2];
	}
}

void stream_exponential(const struct stream *s, uint32_t pos, size_t n, double mean, double *out)
{
	uint64_t w0[CHUNK], w1[CHUNK];
	double u[2 * CHUNK];
	size_t done = 0;
	double scale = -mean * M_LN2; /* -mean ln u = -mean ln 2 log2 u */
	COUNT(STREAM_UNIFORM, n);
	while (done < n) {
		uint32_t p = pos + (uint32_t)done, b = p / 2;
		size_t want = n - done, m = (p % 2 + want + 1) / 2;
		m = m < CHUNK ? m : CHUNK;
		blocks(s, 0, b, m, w0, w1);
		size_t k = 0;
		for (size_t j = p % 2; j < 2 * m && done + k < n; j++)
			u[k++] = u01_pos(j % 2 ? w1[j / 2] : w0[j / 2]);
		vlog2(u, k, u);
		for (size_t j = 0; j < k; j++)
			out[done + j] = scale * u[j];
		done += k;
	}
}

void stream_lognormal(const struct stream *s, uint32_t pos, size_t n, double median, double sigma,
		      double *out)
{
	stream_normal(s, pos, n, out);
	for (size_t i = 0; i < n; i++)
		out[i] *= sigma;
	stream_exp(out, n, out);
	for (size_t i = 0; i < n; i++)
		out[i] *= median;
}

/* Block b of streams idx + at .. idx + at + m - 1 (the _across draws,
 * a chunk at a time). */
static void across(const struct stream *s, uint32_t b, size_t at, size_t m, uint64_t *w0,
		   uint64_t *w1)
{
	struct stream t = *s;
	t.idx += (uint32_t)at;
	blocks(&t, 1, b, m, w0, w1);
}

void stream_uniform_across(const struct stream *s, uint32_t pos, size_t n, double *out)
{
	uint64_t w0[CHUNK], w1[CHUNK];
	COUNT(STREAM_UNIFORM, n);
	for (size_t at = 0; at < n; at += CHUNK) {
		size_t m = n - at < CHUNK ? n - at : CHUNK;
		across(s, pos / 2, at, m, w0, w1);
		to_u01(pos % 2 ? w1 : w0, m, 0, 0x1.0p-53, out + at);
	}
}

void stream_normal_across(const struct stream *s, uint32_t pos, size_t n, double *out)
{
	uint64_t w0[CHUNK], w1[CHUNK];
	double z0[CHUNK], z1[CHUNK];
	COUNT(STREAM_NORMAL, n);
	for (size_t at = 0; at < n; at += CHUNK) {
		size_t m = n - at < CHUNK ? n - at : CHUNK;
		across(s, pos / 2, at, m, w0, w1);
		box_muller(w0, w1, m, z0, z1);
		memcpy(out + at, pos % 2 ? z1 : z0, m * sizeof *out);
	}
}

void stream_uniform2_across(const struct stream *s, uint32_t block, size_t n, double *even,
			    double *odd)
{
	uint64_t w0[CHUNK], w1[CHUNK];
	COUNT(STREAM_UNIFORM, 2 * n);
	for (size_t at = 0; at < n; at += CHUNK) {
		size_t m = n - at < CHUNK ? n - at : CHUNK;
		across(s, block, at, m, w0, w1);
		to_u01(w0, m, 0, 0x1.0p-53, even + at);
		to_u01(w1, m, 0, 0x1.0p-53, odd + at);
	}
}

void stream_normal2_across(const struct stream *s, uint32_t block, size_t n, double *even,
			   double *odd)
{
	uint64_t w0[CHUNK], w1[CHUNK];
	COUNT(STREAM_NORMAL, 2 * n);
	for (size_t at = 0; at < n; at += CHUNK) {
		size_t m = n - at < CHUNK ? n - at : CHUNK;
		across(s, block, at, m, w0, w1);
		box_muller(w0, w1, m, even + at, odd + at);
	}
}
