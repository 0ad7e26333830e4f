/* bench_rules.c - make bench: what the rules cost a firm-year on one
 * thread, apart from the population: each replication of the default
 * scenario sampled (sim_sample), then its rules applied (sim_apply: the
 * lines, take-up, instalments, totals and the row) ROUNDS times, each part
 * timed on its own. The checksum is an FNV hash of every row's bytes: it
 * must not move when the rules are made faster. Times are the thread's
 * CPU time, so that other work on a shared machine moves them less. Not a
 * test: it prints figures. Usage: bench_rules [REPS [ROUNDS]] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scenario.h"
#include "sim.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	long reps = argc > 1 ? atol(argv[1]) : 2000;
	int rounds = argc > 2 ? atoi(argv[2]) : 3;
	struct scenario *sc = calloc(1, sizeof *sc);
	char err[ERR_LEN];
	if (!sc || scenario_open(sc, NULL, NULL, 0, err, sizeof err) != 0) {
		fprintf(stderr, "bench_rules: %s\n", sc ? err : "out of memory");
		return 1;
	}
	if (reps < 1 || rounds < 1) {
		fprintf(stderr, "usage: bench_rules [REPS >= 1 [ROUNDS >= 1]]\n");
		return 2;
	}
	struct sim_layout l;
	sim_layout(&sc->pol, &l);
	struct sim_work *w = sim_work_new();
	struct sim_sample *s = sim_sample_new();
	double *row = malloc(l.width * sizeof *row);
	if (!w || !s || !row) {
		fprintf(stderr, "bench_rules: out of memory\n");
		return 1;
	}
	double t_sample = 0, t_apply = 0;
	long long fy = 0;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (long r = 0; r < reps; r++) {
		double t0 = now();
		sim_sample(&sc->pol, NULL, NULL, 1, r, s, w);
		double t1 = now();
		for (int k = 0; k < rounds; k++)
			sim_apply(&sc->pol, s, &l, row, w, NULL);
		t_apply += now() - t1;
		t_sample += t1 - t0;
		fy += sim_sample_firm_years(s);
		const unsigned char *b = (const unsigned char *)row;
		for (size_t i = 0; i < l.width * sizeof *row; i++)
			h = (h ^ b[i]) * 0x100000001b3ULL;
	}
	printf("rules, %ld replications x %d, 1 thread: %.1f ns a firm-year applied "
	       "(%.1f ns sampled; %.0f firm-years a replication; checksum %016llx)\n",
	       reps, rounds, 1e9 * t_apply / rounds / (double)fy, 1e9 * t_sample / (double)fy,
	       (double)fy / (double)reps, (unsigned long long)h);
	/* for bench/compare.py: the population's seconds (sampled and
	 * recorded, no rule applied), then the rules' of one round of REPS */
	printf("sample_seconds %.4f\n", t_sample);
	printf("rules_seconds %.4f\n", t_apply / rounds);
	free(row);
	sim_sample_free(s);
	sim_work_free(w);
	free(sc);
	return 0;
}
