/* charts_impl.h - what every chart shares (charts.c): writing a chart's
 * CSV and script whole, and drawing charts with gnuplot. Private to
 * charts.c and charts_study.c. */
#ifndef FUNDSIM_CHARTS_IMPL_H
#define FUNDSIM_CHARTS_IMPL_H

#include <stdio.h>

#include "charts.h"

/* Writes a chart's CSV rows into f; ctx is the writer's own (borrowed). */
typedef void (*chart_csv_fn)(FILE *f, const void *ctx);

/* The footnote of a chart in both languages, and the command that wrote
 * it ("run", "tornado", ...: named in the script's header comment). */
struct chart_foot {
	const char *cmd;
	char en[400], zh[400];
};

/* "Scenario NAME · 1,000 replications · seed 1 · fundsim", in English
 * and in Chinese: what, a msgid with one %s for the grouped count,
 * replaces "%s replications" when not NULL. */
void chart_footnote(const struct chart_opts *co, long reps, const char *what, const char *cmd,
		    struct chart_foot *ft);

/* Write dir/NAME.csv (rows from csv(f, ctx)) and dir/NAME.gp (the shipped
 * script after this chart's defaults), each whole or not at all. 0, or -1
 * with err naming the file. */
int chart_files(const char *dir, enum chart_kind k, chart_csv_fn csv, const void *ctx,
		const struct chart_opts *co, const struct chart_foot *ft, char *err, size_t errlen);

/* Draw NAME.png and NAME.svg of each of the n kinds in dir from their
 * files (nothing when !co->draw). gnuplot missing: a note, said once, and
 * 0; gnuplot failing: -1 with err. */
int chart_draw(const char *dir, const struct chart_opts *co, const enum chart_kind *k, int n,
	       struct chart_notes *notes, char *err, size_t errlen);

/* Add a sentence to notes (NULL: nothing); the fifth on are dropped. */
void chart_note(struct chart_notes *notes, const char *text);

/* s as a gnuplot string expression into buf (n bytes, the caller's), for
 * a script or -e: single-quoted literals, in which nothing is substituted
 * (no backquotes, no @macros, no backslash escapes). gnuplot reads '' in
 * a literal as a quote only after another byte of it; a quote that opens
 * the text or follows a quote becomes sprintf('%c',39) between literals.
 * Control bytes are dropped, so the expression stays on its line. Returns
 * the length it needs, as snprintf; when that is n or more buf holds ""
 * (a cut expression could end early). CHART_GP_QUOTED(strlen(s)) bytes
 * always do. */
#define CHART_GP_QUOTED(len) (20 * (len) + 3)
size_t chart_gp_quote(char *buf, size_t n, const char *s);

/* Whether gnuplot finished the image at path (.png: PNG signature at the
 * start, IEND chunk at the end; else SVG: </svg> at the end) and, if so,
 * fsync it. 0, or -1 with err saying why without the path, e.g. "gnuplot
 * wrote an incomplete image (disk full?)". A symlink is not followed. */
int chart_image_check(const char *path, char *err, size_t errlen);

/* Replace what gnuplot's CSV reader cannot read inside a field (commas,
 * quotes, line breaks) with ';' or nothing, in place. */
void chart_clean(char *s);


#endif
