/* study.h - sensitivity studies on common random numbers: sweeps over a
 * grid, tornado and spider data, scenario comparisons, Sobol indices.
 *
 * Every variant of a study runs with the base case's seed and number of
 * replications. sim_run draws each firm and entity from its own stream
 * keyed by (seed, replication, component, index), and policy parameters
 * consume no randomness, so replication i of a variant is the same world
 * as replication i of the base case: differences are paired, their
 * standard errors come from the paired replications, and a line that a
 * parameter does not touch differs by exactly 0. A study keeps every
 * replication's row (exact mode, STUDY_EXACT_BYTES), so it takes at most
 * study_max_reps replications.
 *
 * No I/O: the commands in cmd_study.c write the files. Results are
 * plain structs owned by the caller and freed with the matching *_free;
 * freeing a zeroed struct is a no-op. Scenarios passed in are borrowed
 * and not changed. */
#ifndef FUNDSIM_STUDY_H
#define FUNDSIM_STUDY_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "inputs.h"
#include "params.h"
#include "scenario.h"
#include "sim.h"

/* What a study function returns. */
enum study_status {
	STUDY_OK = 0,
	STUDY_FAILED = 1,  /* out of memory, or the callback failed; err says */
	STUDY_INVALID = 2, /* a variant is not a valid scenario; err names the key and range */
	STUDY_STOPPED = 3  /* *stop was set: nothing to report */
};

/* ---- paired statistics ---- */

/* The mean of alt - base over n paired replications, with its standard
 * error (sd / sqrt(n)) and 95% interval (mean -+ t(0.975, n - 1) se).
 * Equal columns give exactly 0, 0, 0, 0. */
struct study_diff {
	double mean, se, lo, hi;
};
/* alt[0], alt[as], ... against base[0], base[bs], ...; n >= 1 (se is 0
 * for n = 1). */
void study_paired(const double *alt, size_t as, const double *base, size_t bs, size_t n,
		  struct study_diff *out);

/* One series (a line or TOTAL, at a funding level, over all paid years)
 * of one variant: its mean and 90% band, and its paired difference to
 * the base case. Yuan. */
struct study_cell {
	double mean, p5, p95;
	struct study_diff d;
};

/* ---- running variants ---- */

/* Called after each Monte Carlo run of a study: done of total runs. */
typedef void (*study_progress_fn)(void *ctx, long done, long total);

struct study_cfg {
	uint64_t seed;
	long reps;                 /* >= 2 and <= study_max_reps */
	int threads;               /* 0: OpenMP's default */
	const struct panel *stock; /* borrowed: the bureau's firms, or NULL to sample them */
	study_progress_fn progress;
	void *progress_ctx;
	volatile sig_atomic_t *stop; /* set (e.g. by SIGINT): stop after the current block */
	/* Variants that move rule keys only share the base's populations
	 * (sim_run_many); fresh re-simulates each, for the tests that prove
	 * both give the same results */
	bool fresh;
};

/* What a study's run keeps: each variant keeps its rows, so a study
 * takes at most this much a run, less than a plain run's SIM_EXACT_BYTES. */
#define STUDY_EXACT_BYTES ((size_t)128 << 20)

/* The most replications whose rows fit in STUDY_EXACT_BYTES for p. */
long study_max_reps(const struct policy *p);

/* One run with every row kept (o->rows is set). STUDY_OK, or another
 * status with err; o is then freed. Free o with sim_output_free. */
enum study_status study_run(const struct policy *p, const struct study_cfg *c, struct sim_output *o,
			    char *err, size_t errlen);

/* ---- parameters as numbers ---- */

/* Parameter i of p as a number: its value, or a distribution's mean. NaN
 * for a tier dropped with "none". */
double study_value(const struct policy *p, int i);

/* Set parameter i of s to v (a whole-number parameter rounds it; a
 * distribution parameter becomes the constant v) and validate s again
 * (tier order). STUDY_OK, or STUDY_INVALID with err naming the key and
 * its valid range, e.g. "m1a.rate = 150%: out of range (valid: 0% to
 * 100%)". s is changed either way. */
enum study_status study_set(struct scenario *s, int i, double v, char *err, size_t errlen);

/* Move parameter i of s by the factor f (0.8 = -20%), then validate s:
 *  - amounts, shares and numbers: v * f, kept in the valid range;
 *  - whole numbers round away from the base (so they move), and never
 *    from 1 or more down to 0 (0 often means "no limit"): 3 -> 2 and 4;
 *  - a distribution is scaled, keeping its shape: constant, uniform,
 *    triangular and pert bounds, normal mean and sd, lognormal median,
 *    poisson mean and pareto scale times f; a beta keeps a + b and
 *    moves its mean (below 1). Its mean moves by f; draws stay clamped
 *    to the valid range, as in every run.
 * *v gets the new value (a distribution: its mean). */
enum study_status study_scale(struct scenario *s, int i, double f, double *v, char *err,
			      size_t errlen);

/* ---- sweep ---- */

#define STUDY_MAX_POINTS 200

/* A grid over one parameter: lo, lo + step, ... up to hi. */
struct study_axis {
	int param;
	double lo, hi, step; /* in the parameter's unit: yuan, fraction, count */
	int n;               /* values */
};

/* Parse "KEY=LO:HI:STEP" with numbers in the key's own unit
 * (m1a.cap=50万:200万:50万, growth.mean=5%:13%:2%, firms.count=1000:2500:500):
 * a numeric key, LO and HI valid for it (as --set checks them), LO <= HI,
 * STEP > 0, at most max_points values. 0, or -1 with err naming the spec
 * and, for a bad value, the key's valid range. */
int study_axis_parse(const char *spec, int max_points, struct study_axis *ax, char *err,
		     size_t errlen);
/* Value k of the axis (0 <= k < n), rounded to 12 significant digits so
 * that 5% + 2 x 2% is 9% exactly as parsed. */
double study_axis_value(const struct study_axis *ax, int k);

struct study_point {
	double value[2];                               /* axis values */
	struct study_cell cell[N_LINES + 1][N_LEVELS]; /* [N_LINES]: TOTAL */
};

struct study_sweep {
	int naxes;
	struct study_axis axis[2];
	double base_value[2];                          /* the base case's values (study_value) */
	struct study_cell base[N_LINES + 1][N_LEVELS]; /* the base case (d all 0) */
	long reps;
	int npoints;               /* axis[0].n x axis[1].n, the last axis fastest */
	struct study_point *point; /* owned */
};

/* Run the base case and every grid point (1 or 2 axes, at most
 * STUDY_MAX_POINTS points). Every point is validated before anything
 * runs. */
enum study_status study_sweep(const struct scenario *base, const struct study_axis *axes, int naxes,
			      const struct study_cfg *c, struct study_sweep *out, char *err,
			      size_t errlen);
void study_sweep_free(struct study_sweep *s);

/* ---- tornado and spider ---- */

/* A parameter to move: between lo and hi when given (a range), else the
 * base value -+ pct (study_scale). */
struct study_range {
	int param;
	bool given;
	double lo, hi;
};

/* "KEY=LO:HI" in the key's unit (tornado --range): given = true. 0, or
 * -1 with err naming the spec. */
int study_range_parse(const char *spec, struct study_range *r, char *err, size_t errlen);

/* Numeric policy parameters of the enabled lines (caps, rates, amounts,
 * thresholds, windows, limits; not who pays: provincial_share and
 * district_share), set in s and not dropped tiers, in table order.
 * Writes up to max indices into keys; returns how many there are. */
int study_policy_keys(const struct scenario *s, int *keys, int max);

struct study_bar {
	int param;
	bool given;                      /* range given; else base -+ pct */
	double base, low, high;          /* parameter values (a distribution: its mean) */
	double mean_low, mean_high;      /* mean total spending, all paid years and levels */
	struct study_diff d_low, d_high; /* to the base case, paired */
	double swing;                    /* |mean_high - mean_low| */
};

/* Mean total against a % change of one parameter (spider chart). */
struct study_spider {
	int param;
	double pct;   /* -20, -10, 0, 10, 20 for pct 0.2 */
	double value; /* the parameter's value there */
	double mean;
	struct study_diff d;
};

struct study_tornado {
	double pct; /* default range: base -+ pct */
	long reps;
	struct study_cell base; /* TOTAL, all levels */
	int nbars;
	struct study_bar *bar; /* owned; largest swing first */
	int nspider;
	struct study_spider *spider; /* owned; the top bars' keys in bar order, pct rising */
	int spider_skipped;          /* spider points that are not valid scenarios */
};

/* Sort bars by swing, largest first; equal swings keep table order. */
void study_sort_bars(struct study_bar *b, int n);

/* Each key to its low and high value one at a time (the others at the
 * base case), then the spider data for the spider_keys largest swings at
 * -pct, -pct/2, 0, +pct/2, +pct. All low and high variants are validated
 * before anything runs. */
enum study_status study_tornado(const struct scenario *base, const struct study_range *keys,
				int nkeys, double pct, int spider_keys, const struct study_cfg *c,
				struct study_tornado *out, char *err, size_t errlen);
void study_tornado_free(struct study_tornado *t);

/* ---- compare ---- */

struct study_ccell {
	double base, alt;    /* means, yuan */
	struct study_diff d; /* alt - base, paired */
};

/* alt - base per line (and TOTAL), paid calendar year (and all years) and
 * funding level. Years cover both scenarios' paid years; a scenario pays
 * 0 in a year outside its own. */
struct study_compare {
	int first_year, nyears;
	long reps;
	struct study_ccell *cell; /* owned: (N_LINES + 1) x (nyears + 1) x N_LEVELS */
};

/* Compare two runs made with the same seed and replications (study_run).
 * first_paid: each scenario's first paid year (start_year + payment_lag).
 * The outputs are borrowed. */
enum study_status study_compare(const struct sim_output *base, int base_first_paid,
				const struct sim_output *alt, int alt_first_paid,
				struct study_compare *out, char *err, size_t errlen);
/* Run the base scenario s[0] and the alternatives s[1 .. ns) and compare
 * each with the base into cmp[0 .. ns - 1) (study_compare); those that
 * move rule keys only share the base's populations. Scenarios are
 * borrowed. On failure every cmp is freed. */
enum study_status study_compare_all(struct scenario *const *s, int ns, const struct study_cfg *c,
				    struct study_compare *cmp, char *err, size_t errlen);
/* A cell: line N_LINES = TOTAL, year index nyears = all paid years. */
const struct study_ccell *study_compare_at(const struct study_compare *c, int line, int year,
					   enum fund_level lv);
void study_compare_free(struct study_compare *c);

/* ---- Sobol indices ---- */

#define STUDY_MAX_SOBOL MAX_SENSITIVITY /* gsl_qrng_sobol: 40 dimensions, 2 each */

/* The model: y = f(u) at u in [0, 1)^k. Returns a study_status; on
 * failure ctx holds why. */
typedef enum study_status (*study_fn)(const double *u, double *y, void *ctx);

struct study_sobol {
	int k;
	long n;           /* base points */
	int boot;         /* bootstrap resamples */
	double mean, var; /* of f over the A and B points */
	bool flat;        /* var is 0: the indices mean nothing and are 0 */
	double s1[STUDY_MAX_SOBOL], s1_lo[STUDY_MAX_SOBOL], s1_hi[STUDY_MAX_SOBOL];
	double st[STUDY_MAX_SOBOL], st_lo[STUDY_MAX_SOBOL], st_hi[STUDY_MAX_SOBOL];
	double *u;       /* owned, n x 2k: A is u[j*2k + i], B is u[j*2k + k + i] */
	double *fa, *fb; /* owned, n each */
	double *fab;     /* owned, k x n: f at A with coordinate i taken from B */
};

/* Saltelli sampling: the first n points of gsl_qrng_sobol in 2k
 * dimensions give A (first k) and B (last k); f is evaluated at A, B and
 * each A_B^i, n (k + 2) times in all, in that order. Then
 * study_sobol_indices. 1 <= k <= STUDY_MAX_SOBOL, n >= 2. */
enum study_status study_sobol(int k, long n, int boot, uint64_t seed, study_fn f, void *ctx,
			      study_progress_fn progress, void *progress_ctx,
			      struct study_sobol *out, char *err, size_t errlen);

/* The indices from s's evaluations (fa, fb, fab; k, n, boot set), with f
 * centred on the mean of f(A) and f(B), which leaves the estimators'
 * expectations unchanged and keeps a large mean from adding variance:
 *   S1_i = mean_j fB_j (fABi_j - fA_j) / V          (Saltelli et al. 2010)
 *   ST_i = mean_j (fA_j - fABi_j)^2 / (2 V)          (Jansen 1999)
 * V the variance of f over A and B. 95% intervals: 2.5% and 97.5%
 * percentiles over boot resamples (with replacement) of the n base
 * points, drawn with gsl_rng taus2 seeded with seed. STUDY_OK or
 * STUDY_FAILED (out of memory). */
enum study_status study_sobol_indices(struct study_sobol *s, uint64_t seed);
void study_sobol_free(struct study_sobol *s);

/* Sobol indices of mean total spending (all paid years and levels) to
 * the [sensitivity] ranges of s (s->sens): each point a run of c->reps
 * replications at c->seed (common random numbers), its parameters at lo
 * + u (hi - lo). Points that move rule keys only share s's populations
 * (sampled once a replication, the rules of each point applied: c->fresh
 * re-simulates them); the others run side by side; either way the
 * numbers of n (k + 2) runs one after another, for any thread count.
 * Bootstrap resamples use c->seed. STUDY_INVALID when s declares no range
 * or a range's ends are not valid scenarios. */
enum study_status study_sobol_sim(const struct scenario *s, long n, int boot,
				  const struct study_cfg *c, struct study_sobol *out, char *err,
				  size_t errlen);

#endif
