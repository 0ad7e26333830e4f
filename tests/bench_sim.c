/* bench_sim.c - make bench: Monte Carlo throughput on the default
 * scenario with 1 and 2 threads (the floor of its draws is bench/floor.c).
 * Not a test: it prints figures. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "scenario.h"
#include "sim.h"
#include "summary.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* bench_sim --engine REPS: the seconds of one run on one thread, alone,
 * for bench/compare.py to interleave with the NumPy model's. */
static int engine_only(const struct policy *p, long reps)
{
	char err[ERR_LEN];
	struct sim_config c = {.seed = 1, .reps = reps, .threads = 1};
	struct sim_output o;
	double t0 = now();
	if (sim_run(p, &c, &o, err, sizeof err) != 0) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	printf("%.4f\n", now() - t0);
	sim_output_free(&o);
	return 0;
}

/* bench_sim --serial REPS: the serial fraction of a run on one thread, as
 * sim_run makes it: block by block, the replications written where the
 * results keep them (a parallel region in sim_run), then the block added
 * and the convergence trace taken (serial); after the run the summary
 * (parallel over columns). Each part timed apart; the fraction is serial
 * / (all three). */
static int serial_fraction(const struct policy *p, long reps)
{
	struct sim_layout l;
	sim_layout(p, &l);
	struct sim_work *w = sim_work_new();
	size_t total = sim_money(&l, N_LINES, l.years, LV_TOTAL);
	struct sim_output o = {.layout = l, .threads = 1};
	double t0 = now(), t_rep = 0, t_ser = 0, mean, sd, sink = 0;
	o.res = results_new(l.width, SIM_EXACT_BYTES);
	if (!w || !o.res || results_watch(o.res, total) != 0 ||
	    results_reserve(o.res, (size_t)reps) != 0)
		return 1;
	results_threads(o.res, 1);
	t_ser += now() - t0;
	for (long at = 0; at < reps; at += SIM_BLOCK) {
		long k = reps - at < SIM_BLOCK ? reps - at : SIM_BLOCK;
		t0 = now();
		double *rows = results_next(o.res, (size_t)k);
		if (!rows)
			return 1;
		for (long r = 0; r < k; r++)
			sim_rep(p, NULL, NULL, 1, at + r, &l, rows + (size_t)r * l.width, w, NULL);
		double t1 = now();
		if (results_add(o.res, rows, (size_t)k) != 0)
			return 1;
		results_mean_sd(o.res, total, &mean, &sd);
		sink += mean + sd;
		double t2 = now();
		t_rep += t1 - t0;
		t_ser += t2 - t1;
	}
	sim_work_free(w);
	o.reps = reps;
	t0 = now();
	struct summary *sm = summary_of(&o, p);
	double t_sum = now() - t0;
	if (!sm)
		return 1;
	double f = t_ser / (t_rep + t_ser + t_sum);
	printf("serial fraction, %ld replications, 1 thread: %.5f (%.2f%%): replications %.3f s "
	       "and summary %.3f s (parallel) against %.4f s of rows added and traced block by "
	       "block (serial; checksum %.6g)\n",
	       reps, f, 100 * f, t_rep, t_sum, t_ser, sink);
	printf("Amdahl: at most %.0fx on 64 cores, %.0fx on any number (1 / serial "
	       "fraction)\n",
	       1 / (f + (1 - f) / 64), 1 / f);
	summary_free(sm);
	results_free(o.res);
	return 0;
}

int main(int argc, char **argv)
{
	bool engine = argc > 2 && strcmp(argv[1], "--engine") == 0;
	bool serial = argc > 2 && strcmp(argv[1], "--serial") == 0;
	long reps = argc > 1 ? atol(argv[engine || serial ? 2 : 1]) : 10000;
	struct scenario *s = calloc(1, sizeof *s);
	char err[ERR_LEN];
	if (!s || scenario_open(s, NULL, NULL, 0, err, sizeof err) != 0) {
		fprintf(stderr, "bench: %s\n", s ? err : "out of memory");
		return 1;
	}
	if (engine || serial) {
		int rc = engine ? engine_only(&s->pol, reps) : serial_fraction(&s->pol, reps);
		free(s);
		return rc;
	}
	double secs[3] = {0};
	long long fy = 0;
	for (int threads = 2; threads >= 1; threads--) {
		struct sim_config c = {.seed = 1, .reps = reps, .threads = threads};
		struct sim_output o;
		double t0 = now();
		if (sim_run(&s->pol, &c, &o, err, sizeof err) != 0) {
			fprintf(stderr, "bench: %s\n", err);
			return 1;
		}
		secs[threads] = now() - t0;
		fy = o.firm_years;
		sim_output_free(&o);
		printf("run, default scenario, %ld replications, %d thread%s: %.2f s, %.0f "
		       "replications/s, %.2f million firm-years/s\n",
		       reps, threads, threads > 1 ? "s" : "", secs[threads], reps / secs[threads],
		       fy / secs[threads] / 1e6);
	}
	printf("speed-up 2 threads vs 1: %.2fx\n", secs[1] / secs[2]);

	struct sim_layout l;
	sim_layout(&s->pol, &l);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("peak memory: %ld MiB (results kept for exact percentiles: %zu bytes a "
	       "replication)\n",
	       ru.ru_maxrss / 1024, l.width * sizeof(double));
	free(s);
	return 0;
}
