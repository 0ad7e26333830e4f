/* csvread.c - tables as bureaus keep them: CSV files via libcsv, GBK
 * files converted, .xlsx workbooks through xlsx2csv; line numbers for
 * messages. */
#include "csvread.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "district.h"
#include "money.h"
#include "spawn.h"
#include "text.h"
#include "i18n.h"

/* A bureau's sheet has dozens of columns besides the ones fundsim reads. */
#define MAX_FIELDS 256
/* Limits (csvread.h): a bureau's panel is tens of thousands of firm-years
 * (Suzhou has some 10,000 software firms), so 10 million rows and 4 GiB
 * leave room for a whole province while stopping /dev/zero-like input
 * before memory runs out; no real cell comes near 64 KiB. Lines are
 * counted in an int: 100 million leaves room for blank lines and cells
 * that span lines. A workbook's first sheet as CSV is held in a temporary
 * file: 256 MiB is a million rows of 250 bytes, and Excel stops at about
 * a million rows a sheet. */
#define MAX_LINES 100000000

struct state {
	const struct csv_col *cols;
	int ncols;
	csv_row_fn fn;
	void *ctx;
	struct csv_where w;
	int line;            /* line being fed to the parser */
	int nl_inside;       /* line ends inside the fields of the current record */
	long long rec_bytes; /* bytes of the lines since a quoted cell opened */
	char *field[MAX_FIELDS];
	int nfield;
	bool too_many;
	int map[MAX_FIELDS];           /* file column -> cols index, -1: not read */
	char *hdr[MAX_FIELDS];         /* file column -> its header, trimmed */
	const char *head[MAX_FIELDS];  /* cols index -> its header (w.head) */
	int pow10[MAX_FIELDS];         /* cols index -> its header's unit (w.pow10) */
	bool unnamed_data[MAX_FIELDS]; /* a column with no header holds a value */
	bool header_done;
	int header_fields;
	bool failed;
	long rows;
	bool in_quote;  /* inside a quoted field at the end of the last line */
	int quote_line; /* where that field's opening quote is */
	char *note;
	size_t notelen;
};

/* Append "path: text" and a newline to note, escaped to one line. */
static void note_add(char *note, size_t notelen, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void note_add(char *note, size_t notelen, const char *path, const char *fmt, ...)
{
	if (!note || !notelen)
		return;
	char line[1024];
	int k = snprintf(line, sizeof line, "%s: ", path);
	va_list ap;
	va_start(ap, fmt);
	if (k > 0 && (size_t)k < sizeof line)
		vsnprintf(line + k, sizeof line - (size_t)k, fmt, ap);
	va_end(ap);
	text_escape(line, sizeof line);
	size_t used = strlen(note);
	if (used + strlen(line) + 2 <= notelen)
		snprintf(note + used, notelen - used, "%s\n", line);
}

/* Field i of the current record, for messages: its column when known. */
static void field_name(const struct state *st, int i, char *buf, size_t n)
{
	if (st->header_done && i < st->header_fields && st->hdr[i] && *st->hdr[i])
		snprintf(buf, n, _("column %s"), st->hdr[i]);
	else
		snprintf(buf, n, _("field %d"), i + 1);
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

/* Whether s (n bytes, NUL-ended) is valid UTF-8, as text_utf8_len has
 * it: an overlong form ("\xC0\xAF" for /) or a surrogate is not, so it
 * cannot pass as a character it does not show. */
static bool utf8_ok(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int len = text_utf8_len(s + i);
		if (!len || i + (size_t)len > n)
			return false;
		i += (size_t)len;
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
		st->nl_inside += text[i] == '\n' ||
				 (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n'));
	if (st->nfield == MAX_FIELDS) {
		st->too_many = true;
		return;
	}
	char *copy = malloc(len + 1);
	if (!copy) {
		st->w.line = st->line;
		csv_fail(&st->w, "%s", _("out of memory"));
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

/* The bytes of a space at s: ASCII space or tab, U+3000 (Chinese text
 * pads with it) or U+00A0 (a no-break space, as text copied from a web
 * page ends with); 0 when s is not at one. */
static size_t space_at(const char *s, size_t n)
{
	if (n && (*s == ' ' || *s == '\t'))
		return 1;
	if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
		return 3;
	return n >= 2 && memcmp(s, "\xC2\xA0", 2) == 0 ? 2 : 0;
}

/* The bytes of the space that ends s (n bytes), as space_at. */
static size_t space_before(const char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++)
		if (space_at(s + n - k, k) == k)
			return k;
	return 0;
}

/* s without the spaces around it (space_at), into a new string; NULL
 * when out of memory. */
static char *trimmed(const char *s)
{
	size_t n = strlen(s), k;
	while ((k = space_at(s, n)))
		s += k, n -= k;
	while ((k = space_before(s, n)))
		n -= k;
	char *t = malloc(n + 1);
	if (t) {
		memcpy(t, s, n);
		t[n] = '\0';
	}
	return t;
}

/* The first invisible character of UTF-8 text s (text_invisible): "F01"
 * and "F01" with one of them are two firms to a program and one to its
 * reader, so a cell holding one is refused. Its name, code point and which
 * character of s it is (from 1); NULL when s has none. */
static const char *invisible_in(const char *s, unsigned *cp, int *nth)
{
	const unsigned char *u = (const unsigned char *)s;
	*nth = 0;
	while (*u) {
		int len = text_utf8_len(u);
		len = len ? len : 1; /* not UTF-8: refused elsewhere */
		*cp = text_utf8_code(u, len);
		u += len;
		++*nth;
		const char *name = text_invisible(*cp);
		if (name)
			return name;
	}
	return NULL;
}

/* Field i (trimmed) when it holds an invisible character: an error
 * naming it; 0 when it holds none. */
static int visible(struct state *st, int i, const char *text)
{
	unsigned cp;
	int nth;
	const char *what = invisible_in(text, &cp, &nth);
	if (!what)
		return 0;
	char name[600];
	field_name(st, i, name, sizeof name);
	return csv_fail(&st->w,
			_("%s: \"%s\" holds an invisible character, U+%04X (%s), at "
			  "position %d: delete it"),
			name, text, cp, _(what), nth);
}

/* A full-width digit or sign of a number (１２．５，－３，５０％): what a
 * Chinese input method types in WPS, which reads as the number on screen
 * and only said "not a number" here. */
static bool fullwidth_number(unsigned cp)
{
	return (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0xFF0E || cp == 0xFF0C || cp == 0xFF05 ||
	       cp == 0xFF0D || cp == 0xFF0B || cp == 0x3000;
}

/* Field i (trimmed), of a column read, when it holds a character its
 * column may not (csv_col.kind): an error naming it; else 0. A quoted
 * "F01\n" or "\rF01" would be a firm besides F01 that looks the same in
 * a sheet, and "Ｆ01" (full-width) one that looks alike. */
static int allowed(struct state *st, int i, const char *text)
{
	enum csv_kind kind = st->cols[st->map[i]].kind;
	char name[600], what[16];
	const unsigned char *u = (const unsigned char *)text;
	for (int nth = 1; *u; nth++) {
		int len = text_utf8_len(u);
		len = len ? len : 1; /* not UTF-8: refused before */
		unsigned cp = text_utf8_code(u, len);
		u += len;
		bool brk = cp == '\n' || cp == '\r';
		if (text_control(cp)) {
			if (kind == CSV_TEXT && (brk || cp == '\t'))
				continue;
			field_name(st, i, name, sizeof name);
			snprintf(what, sizeof what, cp < 0x80 ? "\\x%02X" : "U+%04X", cp);
			return csv_fail(
				&st->w,
				brk ? _("%s: \"%s\" holds a line break, %s, at position %d: "
					"delete it (only a name may run over lines)")
				    : _("%s: \"%s\" holds a control character, %s, at "
					"position %d: delete it"),
				name, text, what, nth);
		}
		if ((kind == CSV_ID && ((cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x3000)) ||
		    (kind == CSV_VALUE && fullwidth_number(cp))) {
			field_name(st, i, name, sizeof name);
			return csv_fail(&st->w,
					_("%s: \"%s\" holds a full-width character, %.*s (U+%04X), "
					  "at position %d: type it half-width (半角), as \"%c\""),
					name, text, len, (const char *)u - len, cp, nth,
					cp == 0x3000 ? ' ' : (int)(cp - 0xFEE0));
		}
	}
	return 0;
}

static bool ends_with(const char *s, size_t n, const char *end)
{
	size_t k = strlen(end);
	return n >= k && strncasecmp(s + n - k, end, k) == 0;
}

/* A header's name and unit: "营业收入（万元）" is 营业收入 and 万元,
 * "revenue (亿元)" revenue and 亿元, "revenue_wan" revenue and 万元; the
 * unit is "" when the header gives none. */
static void split_unit(const char *h, char *name, size_t nn, char *unit, size_t un)
{
	size_t n = strlen(h);
	snprintf(name, nn, "%s", h);
	*unit = '\0';
	size_t close = ends_with(h, n, ")") ? 1 : ends_with(h, n, "）") ? 3 : 0;
	if (close) {
		const char *open = NULL;
		for (const char *p = h; p < h + n - close; p++)
			if (*p == '(' || strncmp(p, "（", 3) == 0)
				open = p;
		if (!open || open == h)
			return;
		size_t ol = *open == '(' ? 1 : 3, ul = (size_t)(h + n - close - open) - ol;
		const char *u = open + ol;
		while (ul && *u == ' ')
			u++, ul--;
		while (ul && u[ul - 1] == ' ')
			ul--;
		size_t bl = (size_t)(open - h);
		while (bl && h[bl - 1] == ' ')
			bl--;
		snprintf(name, nn, "%.*s", (int)bl, h);
		snprintf(unit, un, "%.*s", (int)ul, u);
		return;
	}
	static const char *const sfx[][2] = {{"_yuan", "元"}, {"_wan", "万元"}, {"_yi", "亿元"}};
	for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) {
		size_t k = strlen(sfx[i][0]);
		if (n > k && ends_with(h, n, sfx[i][0])) {
			snprintf(name, nn, "%.*s", (int)(n - k), h);
			snprintf(unit, un, "%s", sfx[i][1]);
			return;
		}
	}
}

/* The column a header name gives: its English name in any letter case,
 * or one of its Chinese names; -1 when none. */
static int col_match(const struct state *st, const char *name)
{
	for (int c = 0; c < st->ncols; c++) {
		if (strcasecmp(name, st->cols[c].name) == 0)
			return c;
		for (const char *z = st->cols[c].zh; z && *z;) {
			size_t k = strcspn(z, "|");
			if (k && strlen(name) == k && strncmp(name, z, k) == 0)
				return c;
			z += k + (z[k] == '|');
		}
	}
	return -1;
}

/* A header that is not a column but one letter or two from one (an ASCII
 * word): a misspelling to stop at, not a column to skip. */
static const char *misspelt(const struct state *st, const char *h)
{
	size_t n = strlen(h);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)h[i] >= 0x80)
			return NULL;
	for (int c = 0; c < st->ncols; c++)
		if (text_distance(h, st->cols[c].name, true) <= (n <= 5 ? 1u : 2u))
			return st->cols[c].name;
	return NULL;
}

/* "firm_id,year,...": the column names, required ones only or all. */
static void col_list(const struct state *st, bool required, char *list, size_t n)
{
	size_t k = 0;
	list[0] = '\0';
	for (int c = 0; c < st->ncols && k < n; c++)
		if (!required || st->cols[c].required)
			k += (size_t)snprintf(list + k, n - k, "%s%s", k ? "," : "",
					      st->cols[c].name);
}

/* The unit a header gives its column as a power of ten; -1 when the unit
 * is not one the column takes, with why. */
static int unit_pow10(const struct csv_col *col, const char *unit, const char **why)
{
	if (col->unit == CSV_YUAN) {
		static const char *const words[] = {"元", "万元", "亿元", "万", "亿"};
		static const int pow10[] = {0, 4, 8, 4, 8};
		for (int i = 0; i < 5; i++)
			if (strcmp(unit, words[i]) == 0)
				return pow10[i];
		*why = _("an amount's header may give 元, 万元 or 亿元");
		return -1;
	}
	if (col->unit == CSV_PERSONS && strcmp(unit, "人") == 0)
		return 0;
	*why = col->unit == CSV_PERSONS ? _("a head count's header may give 人")
					: _("only an amount or a head count has a unit");
	return -1;
}

static int take_header(struct state *st)
{
	if (st->too_many)
		return csv_fail(&st->w, _("more than %d columns"), MAX_FIELDS);
	char list[512], skipped[600] = "";
	size_t nskipped = 0;
	for (int i = 0; i < st->nfield; i++) {
		st->map[i] = -1;
		st->hdr[i] = trimmed(st->field[i]);
		if (!st->hdr[i])
			return csv_fail(&st->w, "%s", _("out of memory"));
		if (visible(st, i, st->hdr[i]))
			return -1;
		const char *h = st->hdr[i];
		if (!*h)
			continue; /* a column without a header: read nothing from it */
		char name[512], unit[512];
		split_unit(h, name, sizeof name, unit, sizeof unit);
		int c = col_match(st, name);
		if (c < 0 && *unit)
			c = col_match(st, h);
		else if (c >= 0 && *unit) {
			const char *why = "";
			int p = unit_pow10(&st->cols[c], unit, &why);
			if (p < 0)
				return csv_fail(&st->w,
						_("column \"%s\": %s is not a unit fundsim reads "
						  "there (%s)"),
						h, unit, why);
			st->pow10[c] = p;
		}
		if (c < 0) {
			const char *sug = misspelt(st, h);
			if (sug) {
				col_list(st, false, list, sizeof list);
				return csv_fail(&st->w,
						_("unknown column \"%s\" (did you mean %s? valid "
						  "columns: %s, or their Chinese names)"),
						h, sug, list);
			}
			size_t k = strlen(skipped);
			if (k + strlen(h) + 8 < sizeof skipped)
				snprintf(skipped + k, sizeof skipped - k, "%s%s", k ? ", " : "", h);
			nskipped++;
			continue;
		}
		for (int j = 0; j < i; j++) {
			if (st->map[j] != c)
				continue;
			if (strcmp(st->hdr[j], h) == 0)
				return csv_fail(&st->w, _("column \"%s\" appears twice"), h);
			return csv_fail(&st->w,
					_("columns \"%s\" and \"%s\" are both %s: keep one"),
					st->hdr[j], h, st->cols[c].name);
		}
		st->map[i] = c;
		st->head[c] = h;
		/* scenarios/README.md reads a bare amount as yuan, but a Chinese
		 * sheet's 营业收入 is as often 万元: a factor of 10,000 must not pass
		 * unseen, so the reading is said (an English header is the format's
		 * own name, in yuan by definition) */
		if (st->cols[c].unit == CSV_YUAN && !*unit && (unsigned char)h[0] >= 0x80)
			note_add(st->note, st->notelen, st->w.path,
				 _("column %s gives no unit: read as yuan (元); if its numbers "
				   "are in 万元, head it %s（万元）"),
				 h, h);
	}
	for (int c = 0; c < st->ncols; c++) {
		if (st->head[c] || !st->cols[c].required)
			continue;
		col_list(st, true, list, sizeof list);
		char zh[200] = "";
		if (st->cols[c].zh)
			snprintf(zh, sizeof zh, _(" (or %.*s)"), (int)strcspn(st->cols[c].zh, "|"),
				 st->cols[c].zh);
		return csv_fail(&st->w,
				_("missing column \"%s\"%s in the header (required columns: "
				  "%s)"),
				st->cols[c].name, zh, list);
	}
	if (nskipped)
		note_add(st->note, st->notelen, st->w.path,
			 ngettext("not read: column %s%s", "not read: columns %s%s", nskipped),
			 skipped, strlen(skipped) + 8 >= sizeof skipped ? " ..." : "");
	st->header_fields = st->nfield;
	return 0;
}

/* The cells of the columns read, without the spaces around them (as a
 * header's), quoted or not; -1 when one holds an invisible character or
 * one its column may not hold (allowed). */
static int clean_cells(struct state *st)
{
	for (int i = 0; i < st->nfield; i++) {
		if (st->map[i] < 0)
			continue; /* not read: whatever it holds changes nothing */
		char *t = trimmed(st->field[i]);
		if (!t)
			return csv_fail(&st->w, "%s", _("out of memory"));
		free(st->field[i]);
		st->field[i] = t;
		if (visible(st, i, t) || allowed(st, i, t))
			return -1;
	}
	return 0;
}

static int take_row(struct state *st)
{
	if (st->nfield != st->header_fields)
		return csv_fail(&st->w,
				ngettext("%s%d field, but the header has %d (one per column; an "
					 "empty value is an empty cell between commas)",
					 "%s%d fields, but the header has %d (one per column; an "
					 "empty value is an empty cell between commas)",
					 (unsigned long)st->nfield),
				st->too_many ? _("more than ") : "", st->nfield, st->header_fields);
	if (clean_cells(st))
		return -1;
	bool blank = true;
	for (int i = 0; i < st->nfield && blank; i++)
		blank = !*st->field[i];
	if (blank)
		return 0; /* a sheet's empty row: nothing in it to read */
	if (st->rows >= CSV_MAX_ROWS)
		return csv_fail(&st->w,
				_("more than %ld data rows: larger than fundsim reads from "
				  "one file"),
				CSV_MAX_ROWS);
	const char *f[MAX_FIELDS];
	for (int c = 0; c < st->ncols; c++)
		f[c] = NULL;
	for (int i = 0; i < st->nfield; i++) {
		if (st->map[i] >= 0)
			f[st->map[i]] = st->field[i];
		else if (!*st->hdr[i] && *st->field[i])
			st->unnamed_data[i] = true;
	}
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
			csv_fail(&st->w, _("%s is not UTF-8 text (save the file as UTF-8)"), name);
			st->failed = true;
			clear_fields(st);
			return;
		}
	}
	int rc = st->header_done ? take_row(st) : take_header(st);
	st->header_done = true;
	st->failed = rc != 0;
	clear_fields(st);
}

FILE *input_open(const char *path, char *err, size_t errlen)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, _("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	struct stat sb;
	const char *what = NULL;
	if (fstat(fd, &sb) != 0)
		what = strerror(errno);
	else if (S_ISDIR(sb.st_mode))
		what = _("is a folder, not a file");
	else if (S_ISFIFO(sb.st_mode))
		what = _("is not a regular file (a FIFO)");
	else if (S_ISCHR(sb.st_mode))
		what = _("is not a regular file (a character device)");
	else if (S_ISBLK(sb.st_mode))
		what = _("is not a regular file (a block device)");
	else if (S_ISSOCK(sb.st_mode))
		what = _("is not a regular file (a socket)");
	else if (!S_ISREG(sb.st_mode))
		what = _("is not a regular file");
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

/* The rows of the text in f (UTF-8; path names it in messages). */
static int parse(const char *path, FILE *f, const struct csv_col *cols, int ncols, csv_row_fn fn,
		 void *ctx, char *note, size_t notelen, char *err, size_t errlen)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		snprintf(err, errlen, _("%s: cannot start the CSV parser"), path);
		return -1;
	}
	/* on the heap: four arrays of MAX_FIELDS */
	struct state *st = calloc(1, sizeof *st);
	char *buf = malloc(CSV_MAX_LINE + 3);
	if (!st || !buf) {
		free(st);
		free(buf);
		csv_free(&p);
		snprintf(err, errlen, _("%s: out of memory"), path);
		return -1;
	}
	*st = (struct state){.cols = cols,
			     .ncols = ncols,
			     .fn = fn,
			     .ctx = ctx,
			     .w = {.path = path,
				   .err = err,
				   .errlen = errlen,
				   .cols = cols,
				   .ncols = ncols},
			     .note = note,
			     .notelen = notelen};
	st->w.head = st->head;
	st->w.pow10 = st->pow10;
	long len = 0;
	long long total = 0;
	errno = 0;
	while (!st->failed && (len = next_line(f, buf, CSV_MAX_LINE)) != 0) {
		st->line++;
		st->w.line = st->line;
		if (len == -1)
			break;
		if (len == -2) {
			csv_fail(&st->w,
				 _("line longer than %d KiB: more than fundsim reads in one line"),
				 CSV_MAX_LINE >> 10);
			st->failed = true;
			break;
		}
		total += len;
		st->rec_bytes += len;
		if (total > CSV_MAX_BYTES || st->line > MAX_LINES) { /* the file grew while read */
			csv_fail(&st->w, _("more than %s: more than fundsim reads from one file"),
				 st->line > MAX_LINES ? _("100,000,000 lines") : "4 GiB");
			st->failed = true;
			break;
		}
		if (st->rec_bytes > CSV_MAX_LINE) {
			st->w.line = st->quote_line;
			csv_fail(&st->w,
				 _("a quoted cell opens here and runs on for more than %d KiB "
				   "(is its closing quote missing?)"),
				 CSV_MAX_LINE >> 10);
			st->failed = true;
			break;
		}
		char *s = buf;
		if (st->line == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3; /* UTF-8 byte order mark */
			len -= 3;
		}
		if (memchr(s, '\0', (size_t)len)) {
			st->w.line = st->line;
			csv_fail(&st->w, "%s", _("a NUL byte: this is not a text file"));
			st->failed = true;
			break;
		}
		/* quotes pair up ("" inside a field too): an odd count leaves a field open */
		for (long i = 0; i < len; i++) {
			if (s[i] == '"' && !st->in_quote)
				st->quote_line = st->line;
			st->in_quote ^= s[i] == '"';
		}
		if (csv_parse(&p, s, (size_t)len, on_field, on_record, st) != (size_t)len &&
		    !st->failed) {
			st->w.line = st->line;
			char name[600];
			field_name(st, st->nfield, name, sizeof name);
			if (csv_error(&p) == CSV_EPARSE)
				csv_fail(
					&st->w,
					_("%s: a quote inside a field that is not quoted, or text "
					  "after a closing quote (quote the whole field, and write a "
					  "quote inside it as \"\")"),
					name);
			else
				csv_fail(&st->w, "%s", csv_strerror(csv_error(&p)));
			st->failed = true;
		}
		/* libcsv makes no record of a blank line: count from the line
		 * ends, not the records, or blank lines add up to a false alarm */
		if (!st->in_quote)
			st->rec_bytes = 0;
	}
	int ioerrno = errno;
	if (!st->failed && len == -1) {
		snprintf(err, errlen, _("%s:%d: cannot read: %s"), path, st->line,
			 ioerrno ? strerror(ioerrno) : _("read error"));
		st->failed = true;
	}
	if (!st->failed && csv_fini(&p, on_field, on_record, st) != 0 && !st->failed) {
		st->w.line = st->quote_line;
		csv_fail(
			&st->w, "%s",
			_("a quoted field opens here and is never closed: the file ends "
			  "inside it (close it with \", and write a quote inside a field as \"\")"));
		st->failed = true;
	}
	if (!st->failed && !st->header_done) {
		snprintf(err, errlen, _("%s: empty file (expected a header row)"), path);
		st->failed = true;
	}
	for (int i = 0; !st->failed && i < st->header_fields; i++)
		if (st->unnamed_data[i])
			note_add(note, notelen, path, _("not read: column %d, which has no header"),
				 i + 1);
	bool failed = st->failed;
	clear_fields(st);
	for (int i = 0; i < MAX_FIELDS; i++)
		free(st->hdr[i]);
	free(st);
	csv_free(&p);
	free(buf);
	return failed ? -1 : 0;
}

/* A temporary file with no name (made with mkstemp in $TMPDIR or /tmp,
 * then unlinked): nothing can be planted at it and nothing is left
 * behind, whatever ends fundsim. */
static FILE *scratch(const char *path, char *err, size_t errlen)
{
	const char *dir = getenv("TMPDIR");
	char tmpl[4096];
	if (!dir || !*dir ||
	    snprintf(tmpl, sizeof tmpl, "%s/.fundsim-input-XXXXXX", dir) >= (int)sizeof tmpl)
		snprintf(tmpl, sizeof tmpl, "/tmp/.fundsim-input-XXXXXX");
	int fd = mkstemp(tmpl);
	if (fd < 0) {
		snprintf(err, errlen,
			 _("%s: cannot make a temporary file to read it through (%s): %s"), path,
			 tmpl, strerror(errno));
		return NULL;
	}
	unlink(tmpl);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	FILE *f = fdopen(fd, "w+b");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
	}
	return f;
}

/* Which sheet xlsx2csv -s 1 reads, asked of xlsx2csv's own reader of the
 * workbook (run as a module, so it sees the sheets as the conversion
 * did): its state, its name and the first visible sheet's name, with a
 * NUL after each. */
static const char sheet_probe[] =
	"import runpy, shutil, sys\n"
	"x = runpy.run_path(shutil.which('xlsx2csv'), run_name='fundsim')\n"
	"s = x['Xlsx2csv'](sys.argv[1]).workbook.sheets\n"
	"v = [t['name'] for t in s if t['state'] not in ('hidden', 'veryHidden')]\n"
	"for t in (s[0]['state'] or 'visible', s[0]['name'], v[0] if v else ''):\n"
	"    sys.stdout.write(t + '\\0')\n";

/* The first sheet's name into name, when Excel shows it. Excel opens a
 * workbook at a visible sheet, so a hidden first sheet would be read
 * while the user checks another: refused (-1, err) rather than guessed
 * past. */
static int first_sheet(const char *path, char *name, size_t namelen, char *err, size_t errlen)
{
	FILE *f = scratch(path, err, errlen);
	if (!f)
		return -1;
	char *argv[] = {"python3", "-I", "-c", (char *)sheet_probe, (char *)path, NULL};
	char why[600], got[4096];
	enum spawn_result r = spawn_capture(argv[0], argv, fileno(f), sizeof got - 1,
					    CSV_XLSX_SECONDS * 1000L, why, sizeof why);
	size_t n = r == SPAWN_OK && fseek(f, 0, SEEK_SET) == 0 ? fread(got, 1, sizeof got - 1, f)
							       : 0;
	fclose(f);
	got[n] = '\0';
	const char *state = got, *first = state + strlen(state) + 1;
	const char *shown = first < got + n ? first + strlen(first) + 1 : NULL;
	if (r != SPAWN_OK || !shown || shown >= got + n) {
		snprintf(err, errlen, _("%s: cannot read the workbook's sheets: %s"), path,
			 r != SPAWN_OK ? why : _("no sheet found"));
		return -1;
	}
	snprintf(name, namelen, "%s", first);
	if (strcmp(state, "hidden") != 0 && strcmp(state, "veryHidden") != 0)
		return 0;
	snprintf(err, errlen,
		 strcmp(state, "hidden") == 0
			 ? _("%s: the workbook's first sheet, \"%s\", is hidden: fundsim reads "
			     "the first sheet, and Excel shows another (\"%s\"); unhide it, or "
			     "move the sheet to be read to the front")
			 : _("%s: the workbook's first sheet, \"%s\", is very hidden (only "
			     "Excel's VBA editor shows it): fundsim reads the first sheet, and "
			     "Excel shows another (\"%s\"); delete it, or move the sheet to be "
			     "read to the front"),
		 path, first, shown);
	return -1;
}

/* The first sheet of the workbook at path as CSV, in a temporary file.
 *
 * Why a program and not a library: Debian has no C library that reads
 * .xlsx (libxlsxwriter only writes); libzip and libxml2 would mean
 * writing and keeping our own reader of the zip, shared strings, number
 * formats and sheet XML, an attack surface of our own. xlsx2csv is a
 * Debian tool that does exactly this; it runs as gnuplot does (spawn.h:
 * no shell, an argument list, stdin /dev/null), and what it writes is
 * bounded in bytes and time, so a zip bomb or a huge sheet stops with a
 * message. Its CSV then goes through the same checks as any CSV file. */
static FILE *from_xlsx(const char *path, char *note, size_t notelen, char *err, size_t errlen)
{
	FILE *out = scratch(path, err, errlen);
	if (!out)
		return NULL;
	char *argv[] = {"xlsx2csv", "-s", "1", "-c", "utf-8", "--", (char *)path, NULL};
	char why[600];
	enum spawn_result r = spawn_capture(argv[0], argv, fileno(out), CSV_XLSX_MAX_BYTES,
					    CSV_XLSX_SECONDS * 1000L, why, sizeof why);
	if (r == SPAWN_MISSING)
		snprintf(err, errlen,
			 _("%s: an .xlsx workbook, and xlsx2csv, which fundsim reads "
			   "workbooks with, is not installed (make deps installs it; or save the "
			   "sheet as CSV UTF-8)"),
			 path);
	else if (r == SPAWN_FAILED)
		snprintf(err, errlen, _("%s: cannot read the workbook: %s"), path, why);
	if (r != SPAWN_OK || fseek(out, 0, SEEK_SET) != 0) {
		if (r == SPAWN_OK)
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
		fclose(out);
		return NULL;
	}
	char sheet[256];
	if (first_sheet(path, sheet, sizeof sheet, err, errlen) != 0) {
		fclose(out);
		return NULL;
	}
	note_add(note, notelen, path, _("a workbook: read its first sheet, \"%s\""), sheet);
	return out;
}

/* Whether f is UTF-8 throughout (f is left at its start), by the shape
 * of its bytes only: a UTF-8 file with an overlong form or a surrogate
 * (CESU-8 from a database export) is then refused at its cell (utf8_ok),
 * naming line and column, rather than read as GB18030 into other text. */
static bool all_utf8(FILE *f)
{
	unsigned char buf[65536];
	size_t got, need = 0; /* continuation bytes the last lead byte still wants */
	bool ok = true;
	while (ok && (got = fread(buf, 1, sizeof buf, f)) > 0) {
		for (size_t i = 0; i < got && ok; i++) {
			unsigned c = buf[i];
			if (need) {
				ok = (c & 0xC0) == 0x80;
				need--;
			} else if (c >= 0x80) {
				need = (c >> 5) == 6    ? 1
				       : (c >> 4) == 14 ? 2
				       : (c >> 3) == 30 ? 3
							: 9;
				ok = need != 9;
			}
		}
	}
	ok = ok && need == 0 && !ferror(f);
	rewind(f);
	return ok;
}

/* Where a conversion has got to: its line, and that line's bytes so far. */
struct conv_pos {
	long line, len;
	bool cr;
};

/* Count the line ends of converted text s (n bytes) into pos; false when
 * a line runs past CSV_MAX_LINE, which parse() refuses anyway: stopping
 * here keeps a sparse or endless line out of the temporary file. */
static bool conv_lines(struct conv_pos *pos, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) { /* \n, \r\n or a lone \r */
		if (s[i] == '\n' || s[i] == '\r') {
			pos->line += s[i] == '\r' || !pos->cr;
			pos->len = 0;
		} else if (++pos->len > CSV_MAX_LINE) {
			return false;
		}
		pos->cr = s[i] == '\r';
	}
	return true;
}

/* f, GBK or GB18030 text, as UTF-8 in a temporary file; NULL with err
 * naming the line when f is not GB18030 either (csv: say to save it as
 * CSV UTF-8, Excel's name for it). Line ends are the same bytes in both
 * (no GB18030 character holds \r or \n), so every line keeps its
 * number. */
static FILE *from_gb18030(const char *path, FILE *f, bool csv, char *err, size_t errlen)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1) {
		snprintf(err, errlen, _("%s: not UTF-8 text, and GB18030 cannot be read here: %s"),
			 path, strerror(errno));
		return NULL;
	}
	FILE *out = scratch(path, err, errlen);
	char *in = malloc(65536 + 8), *conv = malloc(65536 * 2);
	size_t carry = 0;
	struct conv_pos pos = {.line = 1};
	bool failed = !out, eof = false;
	if (!failed && (!in || !conv)) {
		snprintf(err, errlen, _("%s: out of memory"), path);
		failed = true;
	}
	while (!failed && !eof) {
		size_t got = fread(in + carry, 1, 65536, f);
		eof = got == 0;
		if (ferror(f)) {
			snprintf(err, errlen, _("%s: cannot read: %s"), path, strerror(errno));
			failed = true;
			break;
		}
		char *ip = in;
		size_t il = carry + got;
		while (il && !failed) {
			char *op = conv;
			size_t ol = 65536 * 2;
			size_t r = iconv(cd, &ip, &il, &op, &ol);
			int e = errno;
			if (!conv_lines(&pos, conv, (size_t)(op - conv))) {
				char why[200];
				snprintf(
					why, sizeof why,
					_("line longer than %d KiB: more than fundsim reads in one "
					  "line"),
					CSV_MAX_LINE >> 10);
				snprintf(err, errlen, "%s:%ld: %s", path, pos.line, why);
				failed = true;
			} else if (fwrite(conv, 1, (size_t)(op - conv), out) !=
				   (size_t)(op - conv)) {
				snprintf(err, errlen, _("%s: cannot convert it: %s"), path,
					 strerror(errno));
				failed = true;
			} else if (r != (size_t)-1 || e == E2BIG) {
				continue;
			} else if (e == EINVAL && !eof) {
				break; /* a character cut at the end of what was read: read on */
			} else {
				snprintf(err, errlen,
					 csv ? _("%s:%ld: neither UTF-8 nor GBK/GB18030 text (save "
						 "the file as CSV UTF-8)")
					     : _("%s:%ld: neither UTF-8 nor GBK/GB18030 text (save "
						 "the file as UTF-8)"),
					 path, pos.line);
				failed = true;
			}
		}
		carry = il;
		if (carry)
			memmove(in, ip, carry);
	}
	iconv_close(cd);
	free(in);
	free(conv);
	if (!failed && fseek(out, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, _("%s: cannot convert it: %s"), path, strerror(errno));
		failed = true;
	}
	if (failed && out) {
		fclose(out);
		out = NULL;
	}
	return out;
}

FILE *input_utf8(const char *path, FILE *f, bool csv, bool *converted, char *err, size_t errlen)
{
	*converted = false;
	unsigned char bom[2] = {0};
	size_t nm = fread(bom, 1, sizeof bom, f);
	rewind(f);
	if (nm == 2 && (memcmp(bom, "\xFF\xFE", 2) == 0 || memcmp(bom, "\xFE\xFF", 2) == 0)) {
		snprintf(err, errlen,
			 csv ? _("%s: UTF-16 text (Excel's \"Unicode text\"): save it as CSV "
				 "UTF-8")
			     : _("%s: UTF-16 text (Notepad's \"Unicode\"): save it as UTF-8"),
			 path);
		return NULL;
	}
	if (all_utf8(f))
		return f;
	FILE *text = from_gb18030(path, f, csv, err, errlen);
	*converted = text != NULL;
	return text;
}

static int read_all(const char *path, const struct csv_col *cols, int ncols, csv_row_fn fn,
		    void *ctx, char *note, size_t notelen, char *err, size_t errlen)
{
	FILE *f = input_open(path, err, errlen);
	if (!f)
		return -1;
	struct stat sb;
	if (fstat(fileno(f), &sb) == 0 && sb.st_size > CSV_MAX_BYTES) {
		snprintf(err, errlen,
			 _("%s: larger than %lld GiB: more than fundsim reads from one "
			   "file"),
			 path, CSV_MAX_BYTES >> 30);
		fclose(f);
		return -1;
	}
	unsigned char magic[8] = {0};
	size_t nm = fread(magic, 1, sizeof magic, f);
	rewind(f);
	FILE *text = f;
	if (nm >= 4 && memcmp(magic, "PK\x03\x04", 4) == 0) {
		text = from_xlsx(path, note, notelen, err, errlen);
	} else if (nm == 8 && memcmp(magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
		snprintf(err, errlen,
			 _("%s: an Excel 97-2003 workbook (.xls): save it as .xlsx or "
			   "as CSV UTF-8"),
			 path);
		text = NULL;
	} else {
		bool converted = false;
		text = input_utf8(path, f, true, &converted, err, errlen);
		if (converted)
			note_add(note, notelen, path, "%s",
				 _("read as GB18030: converted to UTF-8"));
	}
	int rc = text ? parse(path, text, cols, ncols, fn, ctx, note, notelen, err, errlen) : -1;
	if (text && text != f)
		fclose(text);
	fclose(f);
	return rc;
}

int csv_read(const char *path, const struct csv_col *cols, int ncols, csv_row_fn fn, void *ctx,
	     char *note, size_t notelen, char *err, size_t errlen)
{
	if (note && notelen)
		note[0] = '\0';
	if (read_all(path, cols, ncols, fn, ctx, note, notelen, err, errlen) == 0)
		return 0;
	text_escape(err, errlen); /* the path may hold control characters */
	return -1;
}

/* How messages name column col: as the header wrote it, with its English
 * name when that differs ("营业收入（万元） (revenue)"). */
static const char *col_label(const struct csv_where *w, const char *col, char *buf, size_t n)
{
	for (int c = 0; w->cols && c < w->ncols; c++) {
		if (strcmp(w->cols[c].name, col) != 0 || !w->head || !w->head[c] ||
		    strcmp(w->head[c], col) == 0)
			continue;
		snprintf(buf, n, "%s (%s)", w->head[c], col);
		return buf;
	}
	return col;
}

/* The unit column col's header gives, as a power of ten (万元: 4). */
static int col_pow10(const struct csv_where *w, const char *col)
{
	for (int c = 0; w->cols && w->pow10 && c < w->ncols; c++)
		if (strcmp(w->cols[c].name, col) == 0)
			return w->pow10[c];
	return 0;
}

static int bad(const struct csv_where *w, const char *col, const char *f, const char *expect)
{
	char label[600];
	return csv_fail(w, _("column %s: \"%s\" is not %s"), col_label(w, col, label, sizeof label),
			f, expect);
}

/* f with the commas that group its thousands taken out ("15,000,000.5万"
 * -> "15000000.5万") into buf; -1 when its commas do not group thousands
 * ("1,5" may be a decimal comma: never guessed at). */
static int ungroup(const char *f, char *buf, size_t n)
{
	if (!strchr(f, ',')) {
		return snprintf(buf, n, "%s", f) < (int)n ? 0 : -1;
	}
	const char *p = f;
	size_t k = 0;
	if (*p == '+' || *p == '-')
		buf[k++] = *p++;
	int digits = 0;
	while (*p >= '0' && *p <= '9' && k + 1 < n)
		buf[k++] = *p++, digits++;
	if (digits < 1 || digits > 3)
		return -1;
	while (*p == ',') {
		p++;
		for (int i = 0; i < 3; i++, p++) {
			if (*p < '0' || *p > '9' || k + 1 >= n)
				return -1;
			buf[k++] = *p;
		}
	}
	if (*p >= '0' && *p <= '9')
		return -1;
	if (strchr(p, ',') || snprintf(buf + k, n - k, "%s", p) >= (int)(n - k))
		return -1;
	return 0;
}

int field_int(const struct csv_where *w, const char *col, const char *f, int lo, int hi, int *out)
{
	char why[200], label[600], plain[128];
	if (!f || !*f)
		return csv_fail(w, _("column %s: empty (a whole number is needed)"),
				col_label(w, col, label, sizeof label));
	if (ungroup(f, plain, sizeof plain) != 0 || int_parse(plain, out, why, sizeof why) != 0 ||
	    *out < lo || *out > hi) {
		char expect[80];
		snprintf(expect, sizeof expect, _("a whole number from %d to %d"), lo, hi);
		return bad(w, col, f, expect);
	}
	return 0;
}

int field_money(const struct csv_where *w, const char *col, const char *f, double *out)
{
	char why[200], label[600], plain[128];
	if (!f || !*f)
		return csv_fail(w, _("column %s: empty (an amount in yuan is needed)"),
				col_label(w, col, label, sizeof label));
	int pow10 = col_pow10(w, col);
	if (ungroup(f, plain, sizeof plain) != 0)
		return bad(w, col, f,
			   _("an amount (thousands may be grouped with commas, as "
			     "15,000,000; a decimal point is a point)"));
	if (pow10) {
		/* the header's unit: the cell is a bare number, read as "1500万" reads */
		size_t k = strlen(plain);
		if (k && (plain[k - 1] < '0' || plain[k - 1] > '9') && plain[k - 1] != '.')
			return csv_fail(w,
					_("column %s: \"%s\" has a unit of its own, but the header "
					  "already gives %s (write the number only)"),
					col_label(w, col, label, sizeof label), f,
					pow10 == 4 ? "万元" : "亿元");
		if (k + 4 > sizeof plain)
			return bad(w, col, f, _("an amount"));
		strcat(plain, pow10 == 4 ? "万" : "亿");
	}
	if (money_parse(plain, out, why, sizeof why) != 0 || *out < 0 || *out > MONEY_MAX) {
		char expect[200];
		if (pow10)
			snprintf(expect, sizeof expect,
				 _("a number in the header's unit, %s, up to %s yuan in all"),
				 pow10 == 4 ? "万元" : "亿元", MONEY_MAX_WORDS);
		else
			snprintf(expect, sizeof expect,
				 _("an amount in yuan from 0 to %s (万 and 亿 may be used)"),
				 MONEY_MAX_WORDS);
		return bad(w, col, f, expect);
	}
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
	if (strcmp(f, "0") == 0 || strcmp(f, "1") == 0 || strcmp(f, "否") == 0 ||
	    strcmp(f, "是") == 0) {
		*out = f[0] == '1' || strcmp(f, "是") == 0;
		return 0;
	}
	char label[600];
	if (!*f)
		return csv_fail(w, _("column %s: empty (0 or 1 is needed)"),
				col_label(w, col, label, sizeof label));
	return bad(w, col, f, _("0 or 1 (or 否/是)"));
}

int field_word(const struct csv_where *w, const char *col, const char *f, const char *const *words,
	       int *out)
{
	for (int i = 0; f && words[i]; i++) {
		if (strcmp(f, words[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	char expect[300], label[600];
	size_t k = (size_t)snprintf(expect, sizeof expect, "%s", _("one of:"));
	for (int i = 0; words[i] && k < sizeof expect; i++)
		k += (size_t)snprintf(expect + k, sizeof expect - k, " %s", words[i]);
	if (!f || !*f)
		return csv_fail(w, _("column %s: empty (%s)"),
				col_label(w, col, label, sizeof label), expect);
	return bad(w, col, f, expect);
}

/* GB 32100-2015: the 18th character is 31 - (sum of the first 17, each
 * weighted 3^i mod 31) mod 31, in a 31-letter alphabet without I, O, S, V
 * and Z. */
int field_credit_code(const struct csv_where *w, const char *col, const char *f)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	if (!f || !*f)
		return 0;
	char label[600];
	size_t n = strlen(f);
	int v[18];
	for (size_t i = 0; i < n && n == 18; i++) {
		const char *at = f[i] ? strchr(alphabet, f[i]) : NULL;
		if (!at)
			return csv_fail(
				w,
				_("column %s: \"%s\": character %zu is not one a unified "
				  "social credit code has (digits and capitals but I, O, S, V, "
				  "Z)"),
				col_label(w, col, label, sizeof label), f, i + 1);
		v[i] = (int)(at - alphabet);
	}
	if (n != 18)
		return csv_fail(w,
				_("column %s: \"%s\" is not a unified social credit code (18 "
				  "characters, it has %zu)"),
				col_label(w, col, label, sizeof label), f, n);
	int sum = 0, weight = 1;
	for (int i = 0; i < 17; i++, weight = weight * 3 % 31)
		sum += v[i] * weight;
	int check = (31 - sum % 31) % 31;
	if (v[17] != check)
		return csv_fail(
			w,
			_("column %s: \"%s\" is not a valid unified social credit code: "
			  "its check character is %c, but the first 17 give %c (GB 32100-2015)"),
			col_label(w, col, label, sizeof label), f, f[17], alphabet[check]);
	return 0;
}

int field_district(const struct csv_where *w, const char *col, const char *f, unsigned char *out)
{
	*out = 0;
	if (!f || !*f)
		return 0;
	int d = district_parse(f);
	if (d) {
		*out = (unsigned char)d;
		return 0;
	}
	char list[1024];
	district_list(list, sizeof list);
	return csv_fail(w, _("column %s: \"%s\" is not one of Suzhou's districts (valid: %s)"), col,
			f, list);
}
