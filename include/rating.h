/* rating.h - an uncertainty rating per award line, in the manner of the
 * UK Office for Budget Responsibility's costing uncertainty ratings
 * (each certified costing rated low to very high on the uncertainty
 * from its data, its modelling and the behaviour it assumes; OBR,
 * "Policy costings", obr.uk/forecasts-in-depth/policy-costings/, and
 * its uncertainty ratings database since 2014).
 *
 * fundsim's ratings are not a judgement but a count, stated in the
 * report's 事前绩效评估 section and the workbook's sheet:
 *   - each value a line rests on is put on one axis: data (the counts,
 *     bases and populations its applicants are drawn from: [pop.X], or
 *     the parts of the firm model the line's firms come from), modelling
 *     (its rule keys: how the text is turned into a rule) or behaviour
 *     (take-up, what applicants request, what is approved, reviews
 *     passed);
 *   - each value weighs by its provenance (params.h, the comment beside
 *     it in the scenario file): the text, a source or a definition 0, a reading or a
 *     partly assumed value 1/2, an assumption or an unmarked value 1;
 *   - an axis's score is the mean weight of its values, rated low below
 *     1/4, medium below 1/2, high below 3/4, very high from 3/4;
 *   - the overall rating is the mean of the axes' levels (low 0 ... very
 *     high 3) to the nearest level, over the axes with values; one step
 *     higher (at most very high) when the line carries RATING_MATERIAL or
 *     more of the variance of the total across the replications: an
 *     error in it moves the total.
 *
 * Pure: structs in, structs out, no I/O. */
#ifndef FUNDSIM_RATING_H
#define FUNDSIM_RATING_H

#include <stdbool.h>

#include "scenario.h"
#include "summary.h"

enum rating_level { RATING_LOW, RATING_MEDIUM, RATING_HIGH, RATING_VERY_HIGH, N_RATINGS };
enum rating_axis { AXIS_DATA, AXIS_MODELLING, AXIS_BEHAVIOUR, N_AXES };

/* The score from which an axis is rated medium, high, very high. */
#define RATING_MEDIUM_AT 0.25
#define RATING_HIGH_AT 0.50
#define RATING_VERY_HIGH_AT 0.75
/* The share of the total's variance from which a line is material. */
#define RATING_MATERIAL 0.20

struct rating_in {
	double assumed[N_AXES]; /* sum of the values' weights (0, 1/2, 1) */
	int values[N_AXES];     /* values counted on the axis */
	double var_share;       /* the line's share of the total's variance; NaN: unknown */
};

struct rating_out {
	double score[N_AXES]; /* assumed / values; 0 for an axis without values */
	enum rating_level axis[N_AXES];
	bool material; /* var_share >= RATING_MATERIAL */
	enum rating_level overall;
};

/* The rating of in. Pure. */
void rating_of(const struct rating_in *in, struct rating_out *out);

/* A provenance's weight: 0, 0.5 or 1. */
double rating_weight(enum param_prov p);

/* The axis parameter i (params_table) counts on for line, or -1 when the
 * line does not rest on it. Firm lines rest on the parts of the firm
 * model their firms come from (rating.c's table), entity lines on their
 * [pop.X] section; every line on its own rule keys and take-up. */
int rating_axis_of(int line, int i);

/* The values line rests on in s (those set), counted by axis into in;
 * in->var_share is left as it was. */
void rating_inputs(const struct scenario *s, int line, struct rating_in *in);

/* Each line's share of the variance of the total over all paid years,
 * Cov(line, total) / Var(total), into share[N_LINES] from reps rows of
 * layout l (replications whose total is NaN left out); lines not in the
 * total (in_total[line] false) get NaN, and every share is 0 when the
 * total does not vary. 0, or -1 (every share NaN) with fewer than two
 * rows. Pure. */
int rating_var_shares(const struct sim_layout *l, const bool *in_total, const double *rows,
		      long reps, double *share);

/* ---- a run's evaluation ---- */

struct line_rating {
	bool rated; /* in force and paying something */
	struct rating_in in;
	struct rating_out out;
};

struct evaluation {
	struct line_rating line[N_LINES];
	/* true: shares are Cov(line, total) / Var(total) over the replications
	 * (they add up to 1 over the lines in the total); false: the run kept
	 * no rows, and a share is Var(line) / the sum of the lines' variances */
	bool covariance;
};

/* The rating of every line of a run: s the scenario, sm its summary,
 * rows its replications (reps x sm->layout.width, o->rows; NULL when the
 * run streamed). Contingent lines (not in the total) carry no share of
 * its variance (NaN). Pure. */
void evaluation_of(const struct scenario *s, const struct summary *sm, const double *rows,
		   long reps, struct evaluation *ev);

#endif
