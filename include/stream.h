/* stream.h - batched counter-based random streams: Philox4x32-10
 * (Random123) keyed by (seed, replication, component, index), giving
 * arrays of uniforms, normals, exponentials and lognormals, with SLEEF's
 * vector exp and log.
 *
 * A stream is (seed, rep, comp, idx): the Philox key is the seed, the
 * counter is {block, idx, comp, rep}. Nothing is stateful: the value at
 * position p of a stream is a pure function of the four and p, so any
 * replication, firm or year can be drawn by any thread, rank or batch and
 * give the same bits (common random numbers, thread and rank
 * independence). Position p is one 64-bit word, two to a Philox block
 * (block p / 2). A caller gives each kind of draw its own positions (or
 * its own comp): a uniform and a normal at the same position share bits.
 *
 * Normals are Box-Muller on the two words of a block: position 2k is
 * r cos(2 pi u2), 2k + 1 is r sin(2 pi u2), r = sqrt(-2 ln u1). Chosen
 * over the inverse CDF because it has no branch (the central and tail
 * regions of Wichura's or Acklam's approximation would split a vector),
 * so it runs as straight SLEEF log, sincospi and sqrt over arrays (3.5 ulp
 * variants: ample for a variate, and faster); it uses 2 words for 2
 * normals, as the inverse CDF would.
 *
 * SLEEF's deterministic functions (cinz: no FMA) are named, not
 * dispatched by SLEEF: the same bits on every x86-64 machine (SLEEF's
 * dispatcher could pick FMA on one node and not on another); the AVX-512
 * ones where the CPU has it, else SSE2, the same bits on both
 * (check_stream.c). Elsewhere the pure-C SLEEF functions are used. */
#ifndef FUNDSIM_STREAM_H
#define FUNDSIM_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The version of the streams, for manifests (manifest.txt's streams:): a
 * change of generator, keying or transform, or of the positions the
 * population takes its draws from (sim_pop.c), that moves any draw bumps
 * it. v1: the streams alone; v2: the population drawn from them; v3: the
 * normals' and exponentials' log as ln 2 log2 (SLEEF's AVX-512 log was
 * slow). */
#define STREAM_VERSION "philox4x32-10/v3"

struct stream {
	uint32_t key[2]; /* the seed */
	uint32_t rep, comp, idx;
};

/* comp is a component's name hash folded to 32 bits (stream_comp). */
struct stream stream_of(uint64_t seed, uint32_t rep, uint32_t comp, uint32_t idx);
uint32_t stream_comp(uint64_t name_hash);

/* n uniforms in [0, 1), 53 bits: positions pos .. pos + n - 1 of s. */
void stream_uniform(const struct stream *s, uint32_t pos, size_t n, double *out);
/* n standard normals at positions pos .. pos + n - 1 of s (Box-Muller). */
void stream_normal(const struct stream *s, uint32_t pos, size_t n, double *out);
/* n exponentials of the given mean: -mean ln(u), u in (0, 1]. */
void stream_exponential(const struct stream *s, uint32_t pos, size_t n, double mean, double *out);
/* n lognormals median x exp(sigma Z), Z the normals of stream_normal. */
void stream_lognormal(const struct stream *s, uint32_t pos, size_t n, double median, double sigma,
		      double *out);

/* Across streams: out[j] is position pos of stream (s->seed, rep, comp,
 * s->idx + j), for j < n: one draw each of n firms, as a year of a
 * population is drawn. Equal to the single-stream functions at pos. */
void stream_uniform_across(const struct stream *s, uint32_t pos, size_t n, double *out);
void stream_normal_across(const struct stream *s, uint32_t pos, size_t n, double *out);
/* Both positions of block `block` (positions 2 block and 2 block + 1)
 * across n streams, for one Philox block each: equal to the _across
 * functions at those two positions. */
void stream_uniform2_across(const struct stream *s, uint32_t block, size_t n, double *even,
			    double *odd);
void stream_normal2_across(const struct stream *s, uint32_t block, size_t n, double *even,
			   double *odd);

/* Vector exp (SLEEF, 1 ulp) and log (ln 2 x SLEEF's log2, 3.5 ulp: within
 * 4 of glibc's log) over arrays, in place allowed. */
void stream_exp(const double *x, size_t n, double *out);
void stream_log(const double *x, size_t n, double *out);

/* Whether the AVX-512 (F and DQ) paths are taken: the machine has them and
 * FUNDSIM_NO_AVX512 is not set (make check runs check_stream and the golden
 * run both ways: the same bits). For other files' own vector loops too. */
bool stream_avx512dq(void);

/* Philox4x32-10 of n counters (structure of arrays) under key: the raw
 * generator, for the known-answer tests. */
void stream_philox(const uint32_t key[2], size_t n, const uint32_t *c0, const uint32_t *c1,
		   const uint32_t *c2, const uint32_t *c3, uint32_t *o0, uint32_t *o1, uint32_t *o2,
		   uint32_t *o3);

/* bench/floor.c builds stream.c with STREAM_COUNT: every uniform, normal
 * (each Box-Muller output asked for), exp and log made, counted. */
enum { STREAM_UNIFORM, STREAM_NORMAL, STREAM_EXP, STREAM_LOG, STREAM_NCOUNT };
extern unsigned long long stream_count[STREAM_NCOUNT];

#endif
