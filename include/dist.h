/* dist.h - distributions of uncertain assumptions, as a scenario writes
 * them, drawn with GSL.
 *
 * Text forms (numbers in the parameter's own unit, parsed by the caller's
 * number parser, e.g. money_parse for amounts; shape numbers are plain):
 *   1500                      constant (any number the unit parser takes)
 *   uniform(lo, hi)
 *   normal(mean, sd)
 *   lognormal(median, sigma)  sigma of the log
 *   triangular(min, mode, max)
 *   pert(min, mode, max)      beta-PERT, lambda 4
 *   beta(a, b)                on [0, 1]
 *   poisson(mean)             mean is a plain count
 *   pareto(scale, alpha)      scale = the minimum
 * Arguments may be named as above, e.g. lognormal(median=800万, sigma=1.5).
 * The struct owns no memory. */
#ifndef FUNDSIM_DIST_H
#define FUNDSIM_DIST_H

#include <gsl/gsl_rng.h>
#include <stdbool.h>
#include <stddef.h>

#include "stream.h"

enum dist_kind {
	D_CONST,
	D_UNIFORM,
	D_NORMAL,
	D_LOGNORMAL,
	D_TRIANGULAR,
	D_PERT,
	D_BETA,
	D_POISSON,
	D_PARETO
};

struct dist {
	enum dist_kind kind;
	double p[3]; /* parameters in the order of the text form */
};

/* Parses a number in the parameter's unit; 0 or -1 with err. */
typedef int (*dist_num_fn)(const char *s, double *out, char *err, size_t errlen);
/* Formats a number in the parameter's unit. */
typedef void (*dist_fmt_fn)(double v, char *buf, size_t n);

/* Parse text; num parses the numbers in the parameter's unit (location
 * and bounds); shape numbers (sd of a normal is in the unit too; sigma,
 * a, b, alpha are plain). Checks the parameters make sense (sd >= 0,
 * lo < hi, min <= mode <= max, a, b, alpha > 0, ...). Returns 0, or -1
 * with err saying what is wrong and what the forms are. */
int dist_parse(const char *text, dist_num_fn num, struct dist *out, char *err, size_t errlen);

/* Check that draws stay in [lo, hi]: bounded forms must lie inside;
 * normal needs mean +- 4 sd inside (draws are then clamped to [lo, hi]);
 * poisson needs lo <= 0 and mean + 4 sd <= hi;
 * lognormal and pareto need lo <= 0 or their minimum >= lo, and hi
 * infinite-ish (hi >= 1e12) or fail. 0 or -1 with err. */
int dist_check_range(const struct dist *d, double lo, double hi, char *err, size_t errlen);

/* One draw (r is the only source of randomness), clamped to [lo, hi]. */
double dist_draw(const struct dist *d, const gsl_rng *r, double lo, double hi);

/* Draws from the Philox streams (stream.h): out[j] from stream s->idx + j
 * at Philox block `block` (positions 2 block, 2 block + 1), for j < n,
 * clamped to [lo, hi]. A draw takes one variate of its block: the normal
 * at 2 block (normal, lognormal) or the uniform there (uniform,
 * triangular, pareto and poisson by inverse CDF); beta and pert seed r
 * (any gsl_rng, taus2 in the engine) from that uniform's 53 bits and draw
 * with GSL. dist_draw_at: one stream, equal to dist_draw_across with n 1. */
void dist_draw_across(const struct dist *d, const struct stream *s, uint32_t block, size_t n,
		      double lo, double hi, gsl_rng *r, double *out);
double dist_draw_at(const struct dist *d, const struct stream *s, uint32_t block, double lo,
		    double hi, gsl_rng *r);

/* The Poisson(mu) quantile of u in [0, 1): the least k with P(X <= k) >
 * u. Exact to rounding: the pmf summed from 0 (mu < 16), else from the
 * mode outward from gsl_cdf_poisson_P there; a count from one uniform. */
unsigned dist_poisson_quantile(double u, double mu);
/* dist_poisson_quantile in two steps, for many draws of one mean: where
 * the sum starts (the mode's pmf and CDF, GSL's incomplete gamma: most of
 * a draw's cost), then the quantile from there, the same to the bit. */
struct poisson_start {
	double mu, p, c;
	unsigned k;
};
void dist_poisson_start(double mu, struct poisson_start *ps);
unsigned dist_poisson_from(double u, const struct poisson_start *ps);

/* The distribution's mean (before clamping). */
double dist_mean(const struct dist *d);

static inline bool dist_is_const(const struct dist *d)
{
	return d->kind == D_CONST;
}

/* Text form that dist_parse reads back to the same distribution. */
void dist_format(const struct dist *d, dist_fmt_fn fmt, char *buf, size_t n);

#endif
