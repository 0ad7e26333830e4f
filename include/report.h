/* report.h - what a Monte Carlo run writes: CSV files, a manifest, the
 * resolved scenario, and a table for the terminal. */
#ifndef FUNDSIM_REPORT_H
#define FUNDSIM_REPORT_H

#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "ledger.h"
#include "scenario.h"
#include "sim.h"
#include "summary.h"

struct run_info {
	const struct scenario *s;
	const char *command;          /* the command line, for the manifest */
	const char *firms;            /* panel path or NULL */
	const char *entities;         /* run --entities path or NULL */
	const struct entities *known; /* its rows (the terminal says what they cover), or NULL */
	uint64_t seed;
	int threads;
	double precision; /* 0: fixed count */
	double seconds;   /* wall time */
	time_t date; /* when the run ended: manifest.txt and the workbook show the same; 0: now */
	bool bom;    /* --csv-bom: the CSV files start with a UTF-8 BOM */
};

/* Write summary.csv, by_year.csv, recipients.csv, budget.csv (when an
 * envelope is set), ledger.csv (when ledger is given), uncosted.csv, manifest.txt and
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

/* The commitments listed but not costed (uncosted.h), each with its
 * clause, its words in Chinese and English and the bureau's lump sum a
 * year from p's [uncosted] (none: "no lump sum set"). For the terminal. */
void report_uncosted(FILE *f, const struct policy *p);

/* uncosted.csv: item,clause,description_zh,description_en,lump_per_year,
 * lump_all_years (yuan), one row an item. */
void report_uncosted_csv(FILE *f, const struct policy *p);

/* Every parameter of s as an INI file that loads back to the same values. */
void report_resolved_ini(FILE *f, const struct scenario *s);

#endif
