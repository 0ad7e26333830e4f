/* floor.c - make bench: the batched floor of the engine. Counts the
 * uniform, normal and exp draws the engine makes per replication of the
 * default scenario (stream.c built with STREAM_COUNT into this program
 * alone: every variate asked of the streams, used or not), then times the
 * same numbers of draws made in the fastest batches the streams allow:
 * long runs of one stream (stream_uniform, stream_normal) and SLEEF's
 * vector exp over them.
 *
 *   floor REPS   -> the counts, then "floor_seconds S" for REPS replications
 *
 * Poisson counts are one uniform each (an inverse CDF), counted as such;
 * beta and pert draws (GSL, seeded from a uniform) are not in the default
 * scenario. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "scenario.h"
#include "sim.h"
#include "stream.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

#define BATCH 4096

/* The draws of one replication, in batches: nu uniforms, nn normals and
 * ne exps of values already drawn (the engine's exp(g) takes its normal
 * e, and a lognormal its normal), as the engine makes them. Returns a
 * checksum so that nothing is optimised away. */
static double draws(uint32_t rep, unsigned long long nu, unsigned long long nn,
		    unsigned long long ne, double *buf)
{
	struct stream su = stream_of(1, rep, 1, 0), sn = stream_of(1, rep, 2, 0);
	double sum = 0;
	for (unsigned long long at = 0; at < nu; at += BATCH) {
		size_t m = nu - at < BATCH ? (size_t)(nu - at) : BATCH;
		stream_uniform(&su, (uint32_t)at, m, buf);
		for (size_t i = 0; i < m; i++)
			sum += buf[i];
	}
	for (unsigned long long at = 0; at < nn || at < ne; at += BATCH) {
		size_t m = nn - at < BATCH ? (size_t)(nn - at) : BATCH, k;
		if (at < nn)
			stream_normal(&sn, (uint32_t)at, m, buf);
		else
			m = 0;
		/* the exps of this batch's normals (and of the last, when more) */
		k = ne > at ? (ne - at < BATCH ? (size_t)(ne - at) : BATCH) : 0;
		for (size_t i = m; i < k; i++)
			buf[i] = buf[i % (m ? m : 1)];
		for (size_t i = 0; i < k; i++)
			buf[i] *= 0.17;
		stream_exp(buf, k, buf);
		for (size_t i = 0; i < (k > m ? k : m); i++)
			sum += buf[i];
	}
	return sum;
}

int main(int argc, char **argv)
{
	long reps = argc > 1 ? atol(argv[1]) : 2000;
	struct scenario *s = calloc(1, sizeof *s);
	char err[ERR_LEN];
	if (!s || scenario_open(s, NULL, NULL, 0, err, sizeof err) != 0) {
		fprintf(stderr, "floor: %s\n", s ? err : "out of memory");
		return 1;
	}
	/* the engine's draws on a sample of replications, one thread */
	long sample = 200;
	struct sim_layout l;
	sim_layout(&s->pol, &l);
	struct sim_work *w = sim_work_new();
	double *row = malloc(l.width * sizeof *row), *buf = malloc(BATCH * sizeof *buf);
	if (!w || !row || !buf) {
		fprintf(stderr, "floor: out of memory\n");
		return 1;
	}
	for (long r = 0; r < sample; r++)
		sim_rep(&s->pol, NULL, NULL, 1, r, &l, row, w, NULL);
	double fy = (double)sim_work_firm_years(w) / (double)sample;
	const unsigned long long *c = stream_count;
	double per[3] = {(double)c[STREAM_UNIFORM] / (double)sample,
			 (double)c[STREAM_NORMAL] / (double)sample,
			 (double)c[STREAM_EXP] / (double)sample};
	printf("per replication (counted on %ld): %.0f firm-years, %.0f uniforms, %.0f normals, "
	       "%.0f exp, %.0f log, no re-seeds (stateless streams)\n",
	       sample, fy, per[0], per[1], per[2], (double)c[STREAM_LOG] / (double)sample);
	printf("per firm-year: %.2f uniforms, %.2f normals, %.2f exp\n", per[0] / fy, per[1] / fy,
	       per[2] / fy);
	sim_work_free(w);
	free(row);

	double sum = 0, t0 = now();
	for (long r = 0; r < reps; r++)
		sum += draws((uint32_t)r, (unsigned long long)llround(per[0]),
			     (unsigned long long)llround(per[1]),
			     (unsigned long long)llround(per[2]), buf);
	double secs = now() - t0;
	printf("floor: %ld replications of those draws, batched Philox4x32-10 + SLEEF: %.3f s, "
	       "%.1f ns a firm-year (checksum %.6g)\n",
	       reps, secs, secs / (fy * (double)reps) * 1e9, sum);
	printf("floor_seconds %.4f\n", secs);
	free(buf);
	free(s);
	return 0;
}
