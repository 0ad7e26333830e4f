/* csvread.h - reading a CSV table with a header, via libcsv.
 *
 * Columns are matched by header name in any order; an unknown, missing
 * required or repeated column is an error. Handles a UTF-8 BOM, CRLF,
 * quoted fields with commas and newlines; rejects non-UTF-8 text. Every
 * error names the file and line. */
#ifndef FUNDSIM_CSVREAD_H
#define FUNDSIM_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct csv_col {
	const char *name;
	bool required;
};

/* Where a row came from, for messages. */
struct csv_where {
	const char *path;
	int line;
	char *err;
	size_t errlen;
};

/* Called once per data row. f[i] is the text of column cols[i], or NULL
 * when the file has no such column; empty cells are "". Return 0 to go
 * on, -1 to stop (after writing err through the field helpers). */
typedef int (*csv_row_fn)(void *ctx, const char *const *f, const struct csv_where *w);

/* Open path for reading if it is a regular file (never blocks on a FIFO,
 * never takes a terminal); NULL with err saying what it is ("is a
 * folder", "is not a regular file (a FIFO)") or why it cannot be
 * opened. Caller closes. Used for every input file: scenarios, their
 * bases, panels and entities files. */
FILE *input_open(const char *path, char *err, size_t errlen);

/* Limits on a CSV input (csvread.c says why these sizes). */
#define CSV_MAX_BYTES (4LL << 30)
#define CSV_MAX_LINE (64 << 10)
#define CSV_MAX_ROWS 10000000L

/* Read path (CR, CRLF and LF all end a line). Returns 0, or -1 with err
 * filled. */
int csv_read(const char *path, const struct csv_col *cols, int ncols, csv_row_fn fn, void *ctx,
	     char *err, size_t errlen);

/* Field helpers: parse f (column name col) or write
 * "path:line: column col: "text" is not ... (expected ...)" and return -1.
 * field_money_opt takes an empty or absent field as NaN; field_flag
 * takes an absent column as dflt, but an empty cell is an error. */
int field_int(const struct csv_where *w, const char *col, const char *f, int lo, int hi, int *out);
int field_money(const struct csv_where *w, const char *col, const char *f, double *out);
int field_money_opt(const struct csv_where *w, const char *col, const char *f, double *out);
int field_flag(const struct csv_where *w, const char *col, const char *f, bool dflt, bool *out);
/* One of words (NULL-terminated); index into *out. */
int field_word(const struct csv_where *w, const char *col, const char *f,
	       const char *const *words, int *out);
/* A row-level error: "path:line: " then the formatted text. Returns -1. */
int csv_fail(const struct csv_where *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
