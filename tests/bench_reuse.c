/* bench_reuse.c - make bench: what serve's answer to a rule change costs
 * from kept populations (sim_cache) against re-simulating, at N
 * replications on this machine's threads: the answer is the run and the
 * statistics serve shows (summary_of, and study_compare with the base).
 * Not a test: it prints figures. Usage: bench_reuse REPS [THREADS] */
#include <gsl/gsl_errno.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scenario.h"
#include "sim.h"
#include "study.h"
#include "summary.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what, const char *err)
{
	fprintf(stderr, "bench_reuse: %s: %s\n", what, err);
	exit(1);
}

/* One answer: the variant's run (kept populations, or afresh), its
 * summary and its comparison with the base; its wall time. The outputs
 * are checked equal to the fresh ones by the caller. */
static double answer(const struct sim_cache *k, const struct scenario *v,
		     const struct sim_config *c, const struct sim_output *base, int base_first,
		     double *total)
{
	char err[ERR_LEN];
	struct sim_output o;
	struct study_compare cmp;
	double t0 = now();
	int rc = k ? sim_cache_run(k, &v->pol, c, &o, err, sizeof err)
		   : sim_run(&v->pol, c, &o, err, sizeof err);
	if (rc != 0)
		die("run", err);
	struct summary *sm = summary_of(&o, &v->pol);
	if (!sm || study_compare(base, base_first, &o, v->pol.start_year + v->pol.payment_lag, &cmp,
				 err, sizeof err) != STUDY_OK)
		die("statistics", "out of memory");
	double t = now() - t0;
	*total = study_compare_at(&cmp, N_LINES, cmp.nyears, LV_TOTAL)->alt;
	study_compare_free(&cmp);
	summary_free(sm);
	sim_output_free(&o);
	return t;
}

int main(int argc, char **argv)
{
	gsl_set_error_handler_off();
	long reps = argc > 1 ? atol(argv[1]) : 1000;
	int threads = argc > 2 ? atoi(argv[2]) : omp_get_max_threads();
	char err[ERR_LEN];
	char *sets[] = {"m3c.amount=50万"}; /* "what if the M3C cap were 50万?" */
	struct scenario *base = calloc(1, sizeof *base), *v = calloc(1, sizeof *v);
	if (!base || !v || scenario_open(base, NULL, NULL, 0, err, sizeof err) != 0 ||
	    scenario_open(v, NULL, sets, 1, err, sizeof err) != 0)
		die("scenario", err);
	struct sim_config c = {.seed = 1, .reps = reps, .threads = threads};
	double t0 = now();
	struct sim_cache *k;
	if (sim_cache_new(&base->pol, &c, &k, err, sizeof err) != 0)
		die("keeping the populations", err);
	double keep = now() - t0;
	struct sim_output b;
	if (sim_cache_run(k, &base->pol, &c, &b, err, sizeof err) != 0)
		die("base", err);
	int first = base->pol.start_year + base->pol.payment_lag;
	double kept[3], fresh[3], tk = 0, tf = 0;
	for (int i = 0; i < 3; i++) { /* interleaved, the median of 3 each */
		kept[i] = answer(k, v, &c, &b, first, &tk);
		fresh[i] = answer(NULL, v, &c, &b, first, &tf);
	}
	if (tk != tf)
		die("check", "the kept populations' total differs from a fresh run's");
	for (int i = 0; i < 3; i++)
		for (int j = i + 1; j < 3; j++) {
			if (kept[j] < kept[i]) {
				double x = kept[i];
				kept[i] = kept[j];
				kept[j] = x;
			}
			if (fresh[j] < fresh[i]) {
				double x = fresh[i];
				fresh[i] = fresh[j];
				fresh[j] = x;
			}
		}
	printf("serve: a rule change (m3c.amount=50万) at %ld replications, %d threads: %.3f s from "
	       "the kept populations against %.3f s re-simulated (%.2fx; target <= 1 s), the "
	       "same total; keeping them took %.1f s and holds %.0f MiB (%.0f KiB a replication)\n",
	       reps, threads, kept[1], fresh[1], kept[1] / fresh[1], keep,
	       (double)sim_cache_bytes(k) / 1048576, (double)sim_cache_bytes(k) / 1024 / reps);
	sim_output_free(&b);
	sim_cache_free(k);
	free(base);
	free(v);
	return 0;
}
