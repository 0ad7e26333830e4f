/* calib.h - calibration: the population's aggregates against a
 * scenario's [targets] (targets.h), and fitting parameters to them.
 * Pure computation: no I/O (fundsim calibrate writes the files). */
#ifndef FUNDSIM_CALIB_H
#define FUNDSIM_CALIB_H

#include <stdbool.h>
#include <stddef.h>

#include "scenario.h"
#include "sim.h"

/* One target as the model meets it. */
struct calib_row {
	const struct target *t; /* borrowed from the scenario */
	double mean, p5, p95;   /* of the aggregate over the replications */
	bool within;            /* lo <= mean <= hi */
};

/* Run s with c (c->precision ignored) and measure every target of s into
 * rows (s->ntargets of them). Returns how many are within their range
 * (0..ntargets), or -1 with err (also when *c->stop ended the run). */
int calib_measure(const struct scenario *s, const struct sim_config *c, struct calib_row *rows,
		  char *err, size_t errlen);

/* The distance of a measurement from its targets: the sum over targets
 * of ((mean - mid) / half-width)^2, so that 0 is every mean at the
 * centre of its range and ntargets means every mean at an edge. */
double calib_objective(const struct calib_row *rows, int n);

/* Fit parameters keys[0..nkeys) of s (numeric, params_numeric) to its
 * targets: GSL's Nelder-Mead simplex (nmsimplex2) over the log of a
 * factor on each (study_scale: a distribution keeps its shape), every
 * evaluation a run of c on the same seed (common random numbers, so the
 * objective is a smooth-ish function of the factors). At most max_iter
 * iterations. On success s holds the best point found; *before and
 * *after are the objective at the start and at the end. 0, or -1 with
 * err (s is then unchanged). */
int calib_fit(struct scenario *s, const int *keys, int nkeys, const struct sim_config *c,
	      int max_iter, double *before, double *after, char *err, size_t errlen);

#endif
