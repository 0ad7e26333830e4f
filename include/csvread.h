/* csvread.h - reading a table with a header, as bureaus keep them: a CSV
 * file (via libcsv) or the first sheet of an .xlsx workbook.
 *
 * Columns are matched by header name in any order, the English name or a
 * Chinese one (营业收入 for revenue), and an amount column may carry its
 * unit in the header (营业收入（万元）, revenue_wan). Other columns are not
 * read (a note lists them), but one that looks like a misspelt name is an
 * error, and a missing required or repeated column is one too. Handles a
 * UTF-8 BOM, CRLF, quoted fields with commas and newlines; GBK/GB18030
 * text is converted (with a note); rows with every cell empty are
 * skipped. Every error names the file and line. */
#ifndef FUNDSIM_CSVREAD_H
#define FUNDSIM_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* What a header may say about its column's unit. */
enum csv_unit {
	CSV_PLAIN,  /* no unit */
	CSV_YUAN,   /* an amount: 元, 万元, 亿元 ("（万元）", "(亿元)", "_wan", "_yi") */
	CSV_PERSONS /* a head count: "（人）" */
};

/* What a column's cells are, for the characters they may hold: a control
 * character (U+0000-U+001F, U+007F-U+009F) is refused in every column
 * read but for line breaks and tabs in free text. */
enum csv_kind {
	CSV_VALUE, /* a number, flag or word */
	CSV_ID,    /* an identifier or code: full-width forms (Ｆ01 for F01) refused too */
	CSV_TEXT   /* free text, a name: may hold line breaks (Alt+Enter in Excel), tabs */
};

struct csv_col {
	const char *name; /* the English header (any letter case) */
	bool required;
	const char *zh;     /* Chinese headers that name it too, '|' between them */
	enum csv_unit unit; /* CSV_YUAN: a 万元/亿元 header scales the column's numbers */
	enum csv_kind kind;
};

/* Where a row came from, for messages, and how the header named the
 * columns (the field helpers read both). */
struct csv_where {
	const char *path;
	int line;
	char *err;
	size_t errlen;
	const struct csv_col *cols;
	int ncols;
	const char *const *head; /* per cols[i]: its header as the file writes it, or NULL */
	const int *pow10;        /* per cols[i]: 4 for a 万元 header, 8 for 亿元, else 0 */
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

/* f, just opened from path, as UTF-8 text, read as csv_read reads a
 * CSV file: f itself when it is UTF-8 throughout (rewound); a temporary
 * file of its text converted from GB18030 (of which GBK is a part) when
 * it is not, with *converted set; NULL with err when it is UTF-16 or
 * neither (the line where it is neither). The caller closes f, and the
 * result when it is not f. csv chooses the advice in err: "save it as
 * CSV UTF-8" (Excel's name) or "save it as UTF-8" (a scenario file).
 * Used for scenario files too, so that both read the same bytes alike. */
FILE *input_utf8(const char *path, FILE *f, bool csv, bool *converted, char *err, size_t errlen);

/* Limits on a CSV input (csvread.c says why these sizes). */
#define CSV_MAX_BYTES (4LL << 30)
#define CSV_MAX_LINE (64 << 10)
#define CSV_MAX_ROWS 10000000L
/* An .xlsx workbook: what xlsx2csv may write for its first sheet, and for
 * how long it may run, before it is stopped (a zip bomb, a huge sheet). */
#define CSV_XLSX_MAX_BYTES (256LL << 20)
#define CSV_XLSX_SECONDS 60

/* Read path (CR, CRLF and LF all end a line; a workbook is read by
 * xlsx2csv, its first sheet, refused when hidden). Returns 0, or -1 with err filled. note
 * (notelen bytes, may be NULL) gets what the user should know about how
 * the file was read ("read as GB18030: converted to UTF-8", the columns
 * not read), one line each ending in a newline, or "" when nothing. */
int csv_read(const char *path, const struct csv_col *cols, int ncols, csv_row_fn fn, void *ctx,
	     char *note, size_t notelen, char *err, size_t errlen);

/* Field helpers: parse f (column name col) or write
 * "path:line: column col: "text" is not ... (expected ...)" and return -1.
 * field_money_opt takes an empty or absent field as NaN; field_flag
 * takes an absent column as dflt, but an empty cell is an error.
 * Numbers may group thousands with commas ("15,000,000"); an amount in a
 * column whose header says 万元 or 亿元 is scaled by it, and then carries
 * no unit of its own. A flag is 0/1 or 否/是. */
int field_int(const struct csv_where *w, const char *col, const char *f, int lo, int hi, int *out);
int field_money(const struct csv_where *w, const char *col, const char *f, double *out);
int field_money_opt(const struct csv_where *w, const char *col, const char *f, double *out);
int field_flag(const struct csv_where *w, const char *col, const char *f, bool dflt, bool *out);
/* One of words (NULL-terminated); index into *out. */
int field_word(const struct csv_where *w, const char *col, const char *f, const char *const *words,
	       int *out);
/* A unified social credit code (统一社会信用代码, GB 32100-2015): 18
 * characters, the last a check character over the first 17. Empty or
 * absent is fine (not every row has one). */
int field_credit_code(const struct csv_where *w, const char *col, const char *f);
/* One of Suzhou's districts by any of its names (district_parse): its
 * number; empty or absent is 0 (not given). */
int field_district(const struct csv_where *w, const char *col, const char *f, unsigned char *out);
/* A row-level error: "path:line: " then the formatted text. Returns -1. */
int csv_fail(const struct csv_where *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
