/* report.h - what a Monte Carlo run writes: CSV files, a manifest, the
 * resolved scenario, and a table for the terminal. */
#ifndef FUNDSIM_REPORT_H
#define FUNDSIM_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "ledger.h"
#include "scenario.h"
#include "sim.h"
#include "summary.h"

struct run_info {
	const struct scenario *s;
	const char *command;  /* the command line, for the manifest */
	const char *firms;    /* panel path or NULL */
	const char *entities; /* run --entities path or NULL */
	uint64_t seed;
	int threads;
	double precision; /* 0: fixed count */
	double seconds;   /* wall time */
	bool bom;         /* --csv-bom: the CSV files start with a UTF-8 BOM */
};

/* Write summary.csv, by_year.csv, recipients.csv, budget.csv (when an
 * envelope is set), ledger.csv (when ledger is given), manifest.txt and
 * scenario.resolved.ini into dir (created if needed). Each file is
 * written whole or not at all. The statistics are sm's (summary_of o);
 * o gives the manifest its count and precision. Everything is borrowed.
 * Returns 0, or -1 with err. */
int report_write(const char *dir, const struct run_info *ri, const struct sim_output *o,
		 const struct summary *sm, const struct ledger *ledger, char *err, size_t errlen);

/* manifest.txt: version, command, scenario and input hashes, seed,
 * replications, threads, wall time, date (the workbook's method sheet
 * shows the same lines). Everything is borrowed. */
void report_manifest(FILE *f, const struct run_info *ri, const struct sim_output *o);

/* The table for people: mean and 90% interval per line, year and level
 * in 万元/亿元, and the chance of exceeding each envelope, from sm. */
void report_print(FILE *f, const struct run_info *ri, const struct summary *sm);

/* Every parameter of s as an INI file that loads back to the same values. */
void report_resolved_ini(FILE *f, const struct scenario *s);

#endif
