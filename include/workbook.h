/* workbook.h - results.xlsx: a run's or a study's results as one Excel /
 * WPS workbook for the finance bureau, beside the CSV files for tools.
 *
 * Written with libxlsxwriter. Every amount is a number cell (never text)
 * in 万元, the yuan figure of the CSV files rounded to the fen and divided
 * by 10,000, with the number format #,##0.00" 万元" (Excel cannot divide
 * in a number format, so the cell holds 万元 and the header says so);
 * chances are numbers with a % format. Headers are frozen, column widths
 * follow the text (a CJK character counts two), and the charts (the fan
 * of spending per paid year, the measures ranked by cost) are native
 * Excel charts over the sheets' own cells, so the bureau can restyle
 * them. With CHART_ZH the sheet names and headers are Chinese (one table
 * of words in workbook.c, English beside Chinese).
 *
 * Text from inputs (scenario names, paths, labels) is written as string
 * cells, which a spreadsheet never evaluates as a formula.
 *
 * The functions write path whole and check every cell and the close;
 * on failure they remove what they wrote and return -1 with err. The
 * caller writes into a result set's staging folder (outset.h), so a
 * failed workbook fails the whole set. Everything passed is borrowed. */
#ifndef FUNDSIM_WORKBOOK_H
#define FUNDSIM_WORKBOOK_H

#include <stddef.h>

#include "charts.h"
#include "report.h"
#include "study.h"
#include "summary.h"

#define WORKBOOK_NAME "results.xlsx"

/* A run (fundsim run) or the run of a report, with the report's tornado. */
struct wb_run {
	const struct run_info *ri;
	const struct sim_output *o; /* for the manifest */
	const struct summary *sm;
	enum chart_lang lang;
	const struct study_tornado *tornado; /* report: the assumptions; NULL for run */
};

/* Write dir/results.xlsx for run r. The method sheet shows dir/manifest.txt
 * when report_write has written it there (the same date to the second),
 * else the manifest made anew. 0, or -1 with err. */
int workbook_run(const char *dir, const struct wb_run *r, char *err, size_t errlen);

/* One table of a study as its CSV file has it (name "sweep.csv", text the
 * whole file); the workbook types its columns (workbook.c's column
 * table): amounts in yuan become 万元, indices and chances numbers. */
struct wb_csv {
	const char *name;
	const char *text;
};

/* Write dir/results.xlsx for a study (study: "sweep", "tornado",
 * "compare", "sobol"): a sheet per table, then the method and manifest
 * (manifest: manifest.txt's text). 0, or -1 with err. */
int workbook_study(const char *dir, const char *study, const struct wb_csv *tables, int n,
		   const char *manifest, enum chart_lang lang, char *err, size_t errlen);

#endif
