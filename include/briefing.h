/* briefing.h - the briefing report: one self-contained HTML page on what
 * a scenario costs, for a policy briefing, printable to A4 from a browser.
 *
 * The page holds the headline numbers (the total over the policy period
 * with its 90% interval, per paid year, per funding level, the chance of
 * exceeding each budget envelope), the tables by measure, paid year and
 * funding level, the ex-ante performance evaluation (事前绩效评估: cost,
 * funding composition, output indicators, uncertainty ratings), the run's charts as inline SVG, the assumptions that
 * most move the total (a tornado study), the parameters that differ from
 * the draft policy, and a note on the method. Every string from outside
 * (names, values, paths) is escaped; nothing is loaded from elsewhere.
 *
 * briefing_write only formats: the caller runs the simulation and the
 * study, reads the chart files and works out the differences. Everything
 * in struct briefing is borrowed. */
#ifndef FUNDSIM_BRIEFING_H
#define FUNDSIM_BRIEFING_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "charts.h"
#include "rating.h"
#include "scenario.h"
#include "sim.h"
#include "study.h"
#include "summary.h"

/* A parameter whose value differs from the draft policy's, in words as
 * `fundsim diff` shows them. */
struct briefing_diff {
	int param;
	char draft[160], here[160];
};

struct briefing {
	const struct scenario *s; /* the scenario run */
	const struct summary *sm; /* its run's statistics */
	uint64_t seed;
	int threads;
	enum chart_lang lang;                /* labels and headings */
	const char *version, *git;           /* fundsim's version and git revision */
	const char *command;                 /* the command line that makes this report */
	const char *date;                    /* "2025-11-27", or NULL */
	const char *svg[N_CHARTS];           /* each chart's SVG file text, or NULL: not drawn */
	const char *chart_note;              /* why charts are missing, or NULL */
	const struct study_tornado *tornado; /* or NULL: see tornado_note */
	bool tornado_given;                  /* the scenario's [sensitivity] ranges, not -+pct */
	const char *tornado_svg;             /* the tornado chart's SVG text, or NULL */
	const char *tornado_note;            /* why there is no tornado, or NULL */
	const struct briefing_diff *diff;    /* parameters that differ from the draft */
	int ndiff;
	const struct evaluation *ev; /* the lines' uncertainty ratings (rating.h), or NULL:
				      * no 事前绩效评估 section */
};

/* The most bars the sensitivity table shows. */
#define BRIEFING_TOP_BARS 8 /* with the tornado chart, one A4 page */

/* Write the page; f's error state tells write errors. */
void briefing_write(FILE *f, const struct briefing *b);

/* One of the draft's readings of what the policy text leaves open: a
 * parameter the built-in scenario marks "; reading: why". */
struct briefing_reading {
	int param;     /* index in the parameter table */
	char why[160]; /* the reading in words, as the scenario file gives it */
};

/* The readings, in the built-in scenario's order: writes up to max into
 * r and returns how many there are. */
int briefing_readings(struct briefing_reading *r, int max);

/* A reading's words (briefing_reading.why) in lang: static text, or NULL
 * when fundsim has no translation of them (a reading added to the draft
 * scenario and not to briefing.c's table). */
const char *briefing_reading_words(const char *why, enum chart_lang lang);

#endif
