/* csvread.c - CSV tables with libcsv, with line numbers for messages. */
#include "csvread.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "money.h"
#include "text.h"

#define MAX_FIELDS 64
/* Limits (csvread.h): a bureau's panel is tens of thousands of firm-years
 * (Suzhou has some 10,000 software firms), so 10 million rows and 4 GiB
 * leave room for a whole province while stopping /dev/zero-like input
 * before memory runs out; no real cell comes near 64 KiB. Lines are
 * counted in an int: 100 million leaves room for blank lines and cells
 * that span lines. */
#define MAX_LINES 100000000

struct state {
	const struct csv_col *cols;
	int ncols;
	csv_row_fn fn;
	void *ctx;
	struct csv_where w;
	int line;      /* line being fed to the parser */
	int nl_inside; /* line ends inside the fields of the current record */
	long long rec_bytes; /* bytes fed since the current record began */
	char *field[MAX_FIELDS];
	int nfield;
	bool too_many;
	int map[MAX_FIELDS]; /* file column -> cols index */
	bool header_done;
	int header_fields;
	bool failed;
	long rows;
	bool in_quote;  /* inside a quoted field at the end of the last line */
	int quote_line; /* where that field's opening quote is */
};

/* Field i of the current record, for messages: its column when known. */
static void field_name(const struct state *st, int i, char *buf, size_t n)
{
	if (st->header_done && i < st->header_fields)
		snprintf(buf, n, "column %s", st->cols[st->map[i]].name);
	else
		snprintf(buf, n, "field %d", i + 1);
}

int csv_fail(const struct csv_where *w, const char *fmt, ...)
{
	int k = snprintf(w->err, w->errlen, "%s:%d: ", w->path, w->line);
	va_list ap;
	va_start(ap, fmt);
	if (k > 0 && (size_t)k < w->errlen)
		vsnprintf(w->err + k, w->errlen - (size_t)k, fmt, ap);
	va_end(ap);
	text_escape(w->err, w->errlen); /* a quoted cell may hold a newline */
	return -1;
}

static bool utf8_ok(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
		if (!len || i + len > n)
			return false;
		for (size_t k = 1; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
		i += len;
	}
	return true;
}

static void on_field(void *s, size_t len, void *data)
{
	struct state *st = data;
	if (st->failed)
		return;
	const char *text = s ? s : "";
	for (size_t i = 0; i < len; i++) /* \n, \r\n or a lone \r: one line end */
		st->nl_inside += text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n'));
	if (st->nfield == MAX_FIELDS) {
		st->too_many = true;
		return;
	}
	char *copy = malloc(len + 1);
	if (!copy) {
		st->w.line = st->line;
		csv_fail(&st->w, "out of memory");
		st->failed = true;
		return;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	st->field[st->nfield++] = copy;
}

static void clear_fields(struct state *st)
{
	for (int i = 0; i < st->nfield; i++)
		free(st->field[i]);
	st->nfield = 0;
	st->too_many = false;
	st->nl_inside = 0;
}

static int take_header(struct state *st)
{
	if (st->too_many)
		return csv_fail(&st->w, "more than %d columns", MAX_FIELDS);
	for (int i = 0; i < st->nfield; i++) {
		st->map[i] = -1;
		for (int c = 0; c < st->ncols; c++)
			if (strcmp(st->field[i], st->cols[c].name) == 0)
				st->map[i] = c;
		if (st->map[i] < 0) {
			char list[512] = "";
			size_t k = 0;
			for (int c = 0; c < st->ncols && k < sizeof list; c++)
				k += (size_t)snprintf(list + k, sizeof list - k, "%s%s", c ? "," : "",
						      st->cols[c].name);
			return csv_fail(&st->w, "unknown column \"%s\" (valid columns: %s)",
					st->field[i], list);
		}
		for (int j = 0; j < i; j++)
			if (st->map[j] == st->map[i])
				return csv_fail(&st->w, "column \"%s\" appears twice", st->field[i]);
	}
	for (int c = 0; c < st->ncols; c++) {
		bool have = false;
		for (int i = 0; i < st->nfield; i++)
			have |= st->map[i] == c;
		if (!have && st->cols[c].required) {
			char list[512] = "";
			size_t k = 0;
			for (int r = 0; r < st->ncols && k < sizeof list; r++)
				if (st->cols[r].required)
					k += (size_t)snprintf(list + k, sizeof list - k, "%s%s",
							      k ? "," : "", st->cols[r].name);
			return csv_fail(&st->w, "missing column \"%s\" in the header (required "
					"columns: %s)", st->cols[c].name, list);
		}
	}
	st->header_fields = st->nfield;
	return 0;
}

static int take_row(struct state *st)
{
	if (st->nfield != st->header_fields)
		return csv_fail(&st->w, "%s%d field%s, but the header has %d (one per column; an "
				"empty value is an empty cell between commas)",
				st->too_many ? "more than " : "", st->nfield, st->nfield == 1 ? "" : "s",
				st->header_fields);
	if (st->rows >= CSV_MAX_ROWS)
		return csv_fail(&st->w, "more than %ld data rows: larger than fundsim reads from "
				"one file", CSV_MAX_ROWS);
	const char *f[MAX_FIELDS];
	for (int c = 0; c < st->ncols; c++)
		f[c] = NULL;
	for (int i = 0; i < st->nfield; i++)
		f[st->map[i]] = st->field[i];
	st->rows++;
	return st->fn(st->ctx, f, &st->w);
}

static void on_record(int c, void *data)
{
	(void)c;
	struct state *st = data;
	if (st->failed) {
		clear_fields(st);
		return;
	}
	st->w.line = st->line - st->nl_inside;
	for (int i = 0; i < st->nfield; i++) {
		if (!utf8_ok((const unsigned char *)st->field[i], strlen(st->field[i]))) {
			char name[80];
			field_name(st, i, name, sizeof name);
			csv_fail(&st->w, "%s is not UTF-8 text (the file may be GBK or another "
				 "legacy encoding: save it as UTF-8)", name);
			st->failed = true;
			clear_fields(st);
			return;
		}
	}
	int rc = st->header_done ? take_row(st) : take_header(st);
	st->header_done = true;
	st->failed = rc != 0;
	st->rec_bytes = 0;
	clear_fields(st);
}

FILE *input_open(const char *path, char *err, size_t errlen)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	struct stat sb;
	const char *what = NULL;
	if (fstat(fd, &sb) != 0)
		what = strerror(errno);
	else if (S_ISDIR(sb.st_mode))
		what = "is a folder, not a file";
	else if (S_ISFIFO(sb.st_mode))
		what = "is not a regular file (a FIFO)";
	else if (S_ISCHR(sb.st_mode))
		what = "is not a regular file (a character device)";
	else if (S_ISBLK(sb.st_mode))
		what = "is not a regular file (a block device)";
	else if (S_ISSOCK(sb.st_mode))
		what = "is not a regular file (a socket)";
	else if (!S_ISREG(sb.st_mode))
		what = "is not a regular file";
	int fl = what ? 0 : fcntl(fd, F_GETFL);
	if (!what && (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0))
		what = strerror(errno);
	FILE *f = what ? NULL : fdopen(fd, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, what ? what : strerror(errno));
		close(fd);
	}
	return f;
}

/* The next line of f into buf (max + 3 bytes), with its end (\n, \r\n or
 * a lone \r, so classic Mac files read too), NUL-terminated. Returns its
 * length, 0 at the end of the file, -1 on a read error, -2 when the line
 * has more than max bytes before its end. */
static long next_line(FILE *f, char *buf, long max)
{
	long n = 0;
	int c;
	while ((c = getc_unlocked(f)) != EOF) {
		if (n == max && c != '\n' && c != '\r')
			return -2;
		buf[n++] = (char)c;
		if (c == '\n')
			break;
		if (c == '\r') {
			int d = getc_unlocked(f);
			if (d == '\n')
				buf[n++] = '\n';
			else if (d != EOF)
				ungetc(d, f);
			break;
		}
	}
	if (c == EOF && ferror(f))
		return -1;
	buf[n] = '\0';
	return n;
}

static int read_all(const char *path, const struct csv_col *cols, int ncols, csv_row_fn fn,
		    void *ctx, char *err, size_t errlen)
{
	FILE *f = input_open(path, err, errlen);
	if (!f)
		return -1;
	struct stat sb;
	if (fstat(fileno(f), &sb) == 0 && sb.st_size > CSV_MAX_BYTES) {
		snprintf(err, errlen, "%s: larger than %lld GiB: more than fundsim reads from one "
			 "file", path, CSV_MAX_BYTES >> 30);
		fclose(f);
		return -1;
	}
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		fclose(f);
		snprintf(err, errlen, "%s: cannot start the CSV parser", path);
		return -1;
	}
	struct state st = {.cols = cols, .ncols = ncols, .fn = fn, .ctx = ctx,
			   .w = {.path = path, .err = err, .errlen = errlen}};
	char *buf = malloc(CSV_MAX_LINE + 3);
	long len = 0;
	long long total = 0;
	errno = 0;
	if (!buf) {
		snprintf(err, errlen, "%s: out of memory", path);
		st.failed = true;
	}
	while (!st.failed && (len = next_line(f, buf, CSV_MAX_LINE)) != 0) {
		st.line++;
		st.w.line = st.line;
		if (len == -1)
			break;
		if (len == -2) {
			csv_fail(&st.w, "line longer than %d KiB: more than fundsim reads in one line",
				 CSV_MAX_LINE >> 10);
			st.failed = true;
			break;
		}
		total += len;
		st.rec_bytes += len;
		if (total > CSV_MAX_BYTES || st.line > MAX_LINES) { /* the file grew while read */
			csv_fail(&st.w, "more than %s: more than fundsim reads from one file",
				 st.line > MAX_LINES ? "100,000,000 lines" : "4 GiB");
			st.failed = true;
			break;
		}
		if (st.rec_bytes > CSV_MAX_LINE) {
			st.w.line = st.quote_line;
			csv_fail(&st.w, "a quoted cell opens here and runs on for more than %d KiB "
				 "(is its closing quote missing?)", CSV_MAX_LINE >> 10);
			st.failed = true;
			break;
		}
		char *s = buf;
		if (st.line == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3; /* UTF-8 byte order mark */
			len -= 3;
		}
		if (memchr(s, '\0', (size_t)len)) {
			st.w.line = st.line;
			csv_fail(&st.w, "a NUL byte: this is not a text file");
			st.failed = true;
			break;
		}
		/* quotes pair up ("" inside a field too): an odd count leaves a field open */
		for (long i = 0; i < len; i++) {
			if (s[i] == '"' && !st.in_quote)
				st.quote_line = st.line;
			st.in_quote ^= s[i] == '"';
		}
		if (csv_parse(&p, s, (size_t)len, on_field, on_record, &st) != (size_t)len &&
		    !st.failed) {
			st.w.line = st.line;
			char name[80];
			field_name(&st, st.nfield, name, sizeof name);
			if (csv_error(&p) == CSV_EPARSE)
				csv_fail(&st.w, "%s: a quote inside a field that is not quoted, or text "
					 "after a closing quote (quote the whole field, and write a "
					 "quote inside it as \"\")", name);
			else
				csv_fail(&st.w, "%s", csv_strerror(csv_error(&p)));
			st.failed = true;
		}
	}
	int ioerrno = errno;
	if (!st.failed && len == -1) {
		snprintf(err, errlen, "%s:%d: cannot read: %s", path, st.line,
			 ioerrno ? strerror(ioerrno) : "read error");
		st.failed = true;
	}
	if (!st.failed && csv_fini(&p, on_field, on_record, &st) != 0 && !st.failed) {
		st.w.line = st.quote_line;
		csv_fail(&st.w, "a quoted field opens here and is never closed: the file ends "
			 "inside it (close it with \", and write a quote inside a field as \"\")");
		st.failed = true;
	}
	if (!st.failed && !st.header_done) {
		snprintf(err, errlen, "%s: empty file (expected a header row)", path);
		st.failed = true;
	}
	clear_fields(&st);
	csv_free(&p);
	free(buf);
	fclose(f);
	return st.failed ? -1 : 0;
}

int csv_read(const char *path, const struct csv_col *cols, int ncols, csv_row_fn fn, void *ctx,
	     char *err, size_t errlen)
{
	if (read_all(path, cols, ncols, fn, ctx, err, errlen) == 0)
		return 0;
	text_escape(err, errlen); /* the path may hold control characters */
	return -1;
}

static int bad(const struct csv_where *w, const char *col, const char *f, const char *expect)
{
	return csv_fail(w, "column %s: \"%s\" is not %s", col, f, expect);
}

int field_int(const struct csv_where *w, const char *col, const char *f, int lo, int hi, int *out)
{
	char why[200];
	if (!f || !*f)
		return csv_fail(w, "column %s: empty (a whole number is needed)", col);
	if (int_parse(f, out, why, sizeof why) != 0 || *out < lo || *out > hi) {
		char expect[80];
		snprintf(expect, sizeof expect, "a whole number from %d to %d", lo, hi);
		return bad(w, col, f, expect);
	}
	return 0;
}

int field_money(const struct csv_where *w, const char *col, const char *f, double *out)
{
	char why[200];
	if (!f || !*f)
		return csv_fail(w, "column %s: empty (an amount in yuan is needed)", col);
	if (money_parse(f, out, why, sizeof why) != 0 || *out < 0 || *out > MONEY_MAX)
		return bad(w, col, f, "an amount in yuan from 0 to " MONEY_MAX_WORDS
			   " (万 and 亿 may be used)");
	return 0;
}

int field_money_opt(const struct csv_where *w, const char *col, const char *f, double *out)
{
	if (!f || !*f) {
		*out = NAN;
		return 0;
	}
	return field_money(w, col, f, out);
}

int field_flag(const struct csv_where *w, const char *col, const char *f, bool dflt, bool *out)
{
	if (!f) { /* the file has no such column */
		*out = dflt;
		return 0;
	}
	if (strcmp(f, "0") == 0 || strcmp(f, "1") == 0) {
		*out = f[0] == '1';
		return 0;
	}
	if (!*f)
		return csv_fail(w, "column %s: empty (0 or 1 is needed)", col);
	return bad(w, col, f, "0 or 1");
}

int field_word(const struct csv_where *w, const char *col, const char *f,
	       const char *const *words, int *out)
{
	for (int i = 0; f && words[i]; i++) {
		if (strcmp(f, words[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	char expect[200] = "one of:";
	size_t k = strlen(expect);
	for (int i = 0; words[i] && k < sizeof expect; i++)
		k += (size_t)snprintf(expect + k, sizeof expect - k, " %s", words[i]);
	if (!f || !*f)
		return csv_fail(w, "column %s: empty (%s)", col, expect);
	return bad(w, col, f, expect);
}
