/* scenario.c - reading scenario INI files: a small line reader of our own, since
 * libinih cut lines at 198 bytes, dropped keys on CR-only files and took text
 * after "]" (issue 9). */
#include "scenario.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvread.h"
#include "text.h"
#include "i18n.h"

#define MAX_DEPTH 16
#define MAX_FILE (4 << 20) /* a scenario is a few KB; this stops a runaway file */
#define MAX_LINE 8192      /* a base of PATH_MAX bytes fits on its line */
/* A scenario sets each of MAX_PARAMS parameters and MAX_SENSITIVITY
 * ranges at most once, so more keys than this is never a valid file. */
#define MAX_KEYS 2048
#define SLOTS 4096 /* hash set of (section, key): a power of two, 2 * MAX_KEYS */

struct entry {
	char section[32], key[48];
	char *value; /* owned */
	int param;   /* its row in the table (params_find), or -1 */
	int line;
	unsigned char prov; /* enum param_prov of its note */
	char *note;         /* that note (owned), or NULL (scenario_comment) */
};

/* One file being parsed: its label, a line counter, and what it said. */
struct reading {
	const char *label; /* name used in messages */
	int line;
	struct entry *v;
	size_t n, cap;
	int slot[SLOTS];  /* entry index + 1 by hash of (section, key); 0 empty */
	const char *base; /* borrowed from v */
	int base_line;
	char name[64];
	/* the notes (comments) a key's provenance is read from (params.h) */
	char block[1024];         /* comment lines right above the current line */
	int keys;                 /* keys read in the current section */
	unsigned char section_of; /* the section's opening note: for keys without one */
	char section_note[1024];  /* and its text */
	char *err;
	size_t errlen;
	bool failed;
};

__attribute__((format(printf, 2, 3))) static int fail(struct reading *rd, const char *fmt, ...)
{
	if (!rd->failed) {
		int k = snprintf(rd->err, rd->errlen, "%s:%d: ", rd->label, rd->line);
		va_list ap;
		va_start(ap, fmt);
		if (k > 0 && (size_t)k < rd->errlen)
			vsnprintf(rd->err + k, rd->errlen - (size_t)k, fmt, ap);
		va_end(ap);
		rd->failed = true;
	}
	return 0;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

/* Up to 40 bytes of a line for a message, cut at a character. */
static void snippet(const char *a, size_t len, char *out, size_t n)
{
	size_t cut = text_utf8_cut(a, len < 40 ? len : 40);
	snprintf(out, n, "%.*s%s", (int)cut, a, cut < len ? "..." : "");
}

static void unknown_section(struct reading *rd, const char *name)
{
	char canon[64], why[1200];
	if (params_canon_section(name, canon, sizeof canon) != 0) {
		params_unknown_district(name, why, sizeof why);
		fail(rd, "%s", why);
		return;
	}
	const char *sug = params_suggest_section(name);
	char hint[160];
	if (sug)
		snprintf(hint, sizeof hint, _(" (did you mean [%s]?)"), sug);
	else
		snprintf(hint, sizeof hint, "%s", _(" (fundsim params lists the sections)"));
	fail(rd, _("[%s]: unknown section%s"), name, hint);
}

/* snprintf(dst, n, "%.*s", (int)len, a) (n > 0) without the formatting
 * engine: a load copies every key and value it reads. */
static void copy_span(char *dst, size_t n, const char *a, size_t len)
{
	len = strnlen(a, len);
	if (len >= n)
		len = n - 1;
	memcpy(dst, a, len);
	dst[len] = '\0';
}

static unsigned hash(const char *section, const char *key)
{
	unsigned h = 2166136261u; /* FNV-1a */
	for (const char *p = section; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	h = (h ^ 0xff) * 16777619u; /* a byte no name holds, between the two */
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h;
}

static int handler(struct reading *rd, const char *section, const char *key, const char *value)
{
	if (!*section)
		return fail(rd, _("%s: a key outside any [section]"), key);
	if (!*key)
		return fail(rd, _("[%s]: \"= %s\" has no key name (write key = value)"), section,
			    value);
	bool meta = strcmp(section, "scenario") == 0 &&
		    (strcmp(key, "name") == 0 || strcmp(key, "base") == 0);
	bool sens = strcmp(section, PARAMS_SENSITIVITY) == 0; /* keys name parameters */
	bool targ = strcmp(section, TARGETS_SECTION) == 0;    /* keys name aggregates */
	if (targ && targets_find(key) < 0) {
		char why[600];
		targets_set(NULL, NULL, key, "", why, sizeof why);
		return fail(rd, "[%s] %s: %s", section, key, why);
	}
	int param = meta || sens || targ ? -1 : params_find(section, key);
	if (!meta && !sens && !targ && param < 0) {
		if (!params_section_known(section)) {
			unknown_section(rd, section);
			return 0;
		}
		const char *sug = params_suggest(section, key);
		char hint[80] = "";
		if (sug)
			snprintf(hint, sizeof hint, _(" (did you mean %s?)"), sug);
		else
			snprintf(hint, sizeof hint, _(" (fundsim params lists the keys)"));
		return fail(rd, _("[%s] %s: unknown key%s"), section, key, hint);
	}
	char why[300];
	if (sens && params_key(key, why, sizeof why) < 0) /* now, not after every line */
		return fail(rd, "[%s] %s: %s", section, key, why);
	if (strlen(key) >= sizeof rd->v->key)
		return fail(rd, _("[%s] %s: name too long (at most %zu bytes)"), section, key,
			    sizeof rd->v->key - 1);
	unsigned h = hash(section, key) & (SLOTS - 1);
	for (; rd->slot[h]; h = (h + 1) & (SLOTS - 1)) {
		const struct entry *e = &rd->v[rd->slot[h] - 1];
		if (strcmp(e->section, section) == 0 && strcmp(e->key, key) == 0)
			return fail(rd,
				    _("[%s] %s: set twice (first at line %d; indented lines "
				      "are not continuations)"),
				    section, key, e->line);
	}
	if (rd->n == MAX_KEYS)
		return fail(rd,
			    _("[%s] %s: more than %d keys in one file (a scenario has %d "
			      "parameters at most)"),
			    section, key, MAX_KEYS, MAX_PARAMS);
	if (meta) {
		bool name = strcmp(key, "name") == 0;
		size_t most = name ? sizeof rd->name - 1 : PATH_MAX - 1;
		if (!*value || strlen(value) > most)
			return fail(rd, _("[scenario] %s: \"%s\" must be 1 to %zu bytes"), key,
				    value, most);
	} else if (targ && strlen(value) >= TARGET_SOURCE_LEN + 64) {
		return fail(rd, _("[%s] %s: value too long (at most %d bytes)"), section, key,
			    TARGET_SOURCE_LEN + 63);
	} else if (!targ && strlen(value) >= 160) {
		return fail(rd, _("[%s] %s: value too long (at most 159 bytes)"), section, key);
	}
	if (rd->n == rd->cap) {
		size_t nc = rd->cap ? rd->cap * 2 : 64;
		struct entry *nv = realloc(rd->v, nc * sizeof *nv);
		if (!nv)
			return fail(rd, _("out of memory"));
		rd->v = nv;
		rd->cap = nc;
	}
	char *copy = strdup(value);
	if (!copy)
		return fail(rd, _("out of memory"));
	struct entry *e = &rd->v[rd->n++];
	copy_span(e->section, sizeof e->section, section, strlen(section));
	copy_span(e->key, sizeof e->key, key, strlen(key));
	e->value = copy;
	e->note = NULL;
	e->param = param;
	e->line = rd->line;
	rd->slot[h] = (int)rd->n;
	if (meta && strcmp(key, "name") == 0) {
		snprintf(rd->name, sizeof rd->name, "%s", value);
	} else if (meta) {
		rd->base = copy;
		rd->base_line = rd->line;
	}
	return 1;
}

/* The value of a quoted value starting at a (a '"'), into out; NULL, or
 * why it cannot be read. The escapes are those scenario_quote writes. */
static const char *unquote(const char *a, const char *e, char *out)
{
	const char *p = a + 1;
	size_t k = 0;
	while (p < e && *p != '"') {
		char c = *p++;
		if (c == '\\') {
			char x = p < e ? *p++ : '\0';
			int hi, lo;
			switch (x) {
			case 'n':
				c = '\n';
				break;
			case 'r':
				c = '\r';
				break;
			case 't':
				c = '\t';
				break;
			case '\\':
			case '"':
				c = x;
				break;
			case 'x':
				hi = p + 1 < e ? hexval(p[0]) : -1;
				lo = p + 1 < e ? hexval(p[1]) : -1;
				if (hi < 0 || lo < 0 || hi + lo == 0)
					return "\\x takes two hex digits, 01 to ff";
				c = (char)(hi * 16 + lo);
				p += 2;
				break;
			default:
				return "unknown escape after \\ (valid: \\\\ \\\" \\n \\r \\t \\xHH)";
			}
		}
		out[k++] = c;
	}
	out[k] = '\0';
	if (p == e)
		return "a quoted value needs its closing \"";
	for (p++; p < e && blank(*p); p++)
		;
	if (p < e && *p != ';' && *p != '#')
		return "text after the closing quote (a comment starts with ;)";
	return NULL;
}

/* A key's provenance (params.h): its inline comment (note .. e, starting
 * at the ';', copied into inline_note: MAX_LINE + 1 bytes), else the
 * comment block right above it, else the note that opened its section.
 * The first key's block opens the section. *text: the note it was read
 * from (an unmarked key's own comment, else the block above). */
static enum param_prov note_prov(struct reading *rd, const char *note, const char *e,
				 char *inline_note, const char **text)
{
	copy_span(inline_note, MAX_LINE + 1, note, (size_t)(e - note));
	enum param_prov own = params_prov_of(inline_note);
	enum param_prov above = params_prov_of(rd->block);
	if (rd->keys == 0) {
		rd->section_of = (unsigned char)above;
		snprintf(rd->section_note, sizeof rd->section_note, "%s", rd->block);
	}
	/* the text the provenance is read from; an unmarked key's own words */
	*text = own != PROV_UNMARKED              ? inline_note
		: above != PROV_UNMARKED          ? rd->block
		: rd->section_of != PROV_UNMARKED ? rd->section_note
		: inline_note[0]                  ? inline_note
						  : rd->block;
	if (own != PROV_UNMARKED)
		return own;
	return above != PROV_UNMARKED ? above : (enum param_prov)rd->section_of;
}

/* A comment as scenario_comment gives it, owned: without the ';' or '#'
 * and the blanks after it, control and invisible characters (a bidi
 * override would show the line reordered) as spaces, bytes that are not
 * UTF-8 as '?', cut at a whole character. NULL when empty. */
static char *comment_text(const char *note)
{
	while (*note == ';' || *note == '#' || blank(*note))
		note++;
	size_t n = strlen(note);
	while (n && blank(note[n - 1]))
		n--;
	if (!n)
		return NULL;
	n = n < SCENARIO_COMMENT_LEN - 1 ? n : text_utf8_cut(note, SCENARIO_COMMENT_LEN - 1);
	char *t = malloc(n + 1);
	if (!t)
		return NULL; /* the comment is left out, the value stands */
	for (size_t i = 0; i < n;) {
		const unsigned char *u = (const unsigned char *)note + i;
		int len = text_utf8_len(u);
		unsigned cp = len ? text_utf8_code(u, len) : 0;
		if (!len || i + (size_t)len > n) {
			t[i++] = '?';
			continue;
		}
		if (text_control(cp) || text_invisible(cp)) {
			memset(t + i, ' ', (size_t)len);
			i += (size_t)len;
			continue;
		}
		memcpy(t + i, u, (size_t)len);
		i += (size_t)len;
	}
	t[n] = '\0';
	return t;
}

/* One line, a .. e (without its end), in section (updated); prev is
 * the last key, for an indented line that looks like a continuation;
 * vbuf holds MAX_LINE + 1 bytes. */
static void parse_line(struct reading *rd, const char *a, const char *e, char *section, char *prev,
		       char *vbuf)
{
	const char *s = a;
	while (a < e && blank(*a))
		a++;
	bool indented = a > s;
	while (e > a && (blank(e[-1]) || e[-1] == '\r'))
		e--;
	if (a == e) {
		rd->block[0] = '\0'; /* a blank line ends a comment block */
		return;
	}
	if (*a == ';' || *a == '#') {
		size_t k = strlen(rd->block);
		while (a < e && (*a == ';' || *a == '#' || blank(*a)))
			a++;
		if (k + 2 < sizeof rd->block)
			snprintf(rd->block + k, sizeof rd->block - k, "%s%.*s", k ? " " : "",
				 (int)(e - a), a);
		return;
	}
	char snip[64];
	if (*a == '[') {
		rd->block[0] = '\0';
		rd->keys = 0;
		rd->section_of = PROV_UNMARKED;
		const char *close = memchr(a, ']', (size_t)(e - a));
		if (!close) {
			snippet(a, (size_t)(e - a), snip, sizeof snip);
			fail(rd, _("\"%s\": a [section] line needs its closing ]"), snip);
			return;
		}
		const char *rest = close + 1;
		while (rest < e && blank(*rest))
			rest++;
		size_t nlen = (size_t)(close - a - 1);
		char name[32];
		snippet(a + 1, nlen, name, sizeof name);
		if (rest < e && *rest != ';' && *rest != '#') {
			snippet(rest, (size_t)(e - rest), snip, sizeof snip);
			fail(rd,
			     _("text after the section header \"[%s]\": \"%s\" (put each key on its "
			       "own line)"),
			     name, snip);
			return;
		}
		if (nlen >= 32 || (strcmp(name, "scenario") != 0 && !params_section_known(name))) {
			unknown_section(rd, name);
			return;
		}
		/* [district.SIP] is [district.苏州工业园区]: one name in messages,
		 * diff and the resolved scenario, and a key set twice is caught */
		char canon[64];
		params_canon_section(name, canon, sizeof canon);
		copy_span(section, 32, canon, strlen(canon));
		prev[0] = '\0';
		return;
	}
	/* the key ends at the first = or :, unless a comment comes first */
	const char *sep = a;
	while (sep < e && *sep != '=' && *sep != ':' && !(*sep == ';' && sep > a && blank(sep[-1])))
		sep++;
	if (sep == e || *sep == ';') {
		if (indented && *prev) { /* what inih took for a continuation */
			fail(rd,
			     _("[%s] %s: set twice (first at line %d; indented lines are not "
			       "continuations)"),
			     section, prev, rd->v[rd->n - 1].line);
			return;
		}
		snippet(a, (size_t)(e - a), snip, sizeof snip);
		fail(rd, _("\"%s\": not a [section] or key = value line (a comment starts with ;)"),
		     snip);
		return;
	}
	const char *kend = sep;
	while (kend > a && blank(kend[-1]))
		kend--;
	char key[64];
	if ((size_t)(kend - a) >= sizeof key) {
		snippet(a, (size_t)(kend - a), snip, sizeof snip);
		fail(rd, _("[%s] %s: not a key (names are short)"), section, snip);
		return;
	}
	copy_span(key, sizeof key, a, (size_t)(kend - a));
	const char *v = sep + 1;
	while (v < e && blank(*v))
		v++;
	const char *note = e; /* the inline comment, if any */
	if (v < e && *v == '"') {
		const char *why = unquote(v, e, vbuf);
		if (why) {
			fail(rd, "[%s] %s: %s", section, key, why);
			return;
		}
		const char *q = v + 1; /* past the closing quote (unquote checked it) */
		while (q < e && *q != '"')
			q += *q == '\\' ? 2 : 1;
		note = q < e ? memchr(q, ';', (size_t)(e - q)) : NULL;
		if (!note)
			note = e;
	} else {
		const char *ve = v; /* an inline comment starts with ; after a space */
		while (ve < e && !(*ve == ';' && ve > v && blank(ve[-1])))
			ve++;
		note = ve;
		while (ve > v && blank(ve[-1]))
			ve--;
		copy_span(vbuf, MAX_LINE + 1, v, (size_t)(ve - v));
	}
	size_t before = rd->n;
	handler(rd, section, key, vbuf);
	if (rd->n > before) {
		char own[MAX_LINE + 1]; /* the key's own comment */
		const char *text;
		rd->v[rd->n - 1].prov = (unsigned char)note_prov(rd, note, e, own, &text);
		rd->v[rd->n - 1].note = comment_text(text);
	}
	rd->block[0] = '\0';
	rd->keys++;
	copy_span(prev, 64, key, strlen(key));
}

/* Read text line by line: \n, \r\n and a lone \r (classic Mac) each end
 * a line, so no key is lost and line numbers count what editors show. */
static void parse(struct reading *rd, const char *text)
{
	char section[32] = "", prev[64] = "";
	char *vbuf = malloc(MAX_LINE + 1);
	if (!vbuf) {
		fail(rd, _("out of memory"));
		return;
	}
	const char *p = text;
	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0) /* stops at the NUL of a short text */
		p += 3;                         /* UTF-8 byte order mark */
	while (*p && !rd->failed) {
		size_t len = strcspn(p, "\r\n");
		const char *next = p + len;
		if (*next == '\r')
			next += next[1] == '\n' ? 2 : 1;
		else if (*next == '\n')
			next++;
		rd->line++;
		if (len > MAX_LINE)
			fail(rd, _("line is longer than %d bytes"), MAX_LINE);
		else
			parse_line(rd, p, p + len, section, prev, vbuf);
		p = next;
	}
	free(vbuf);
}

/* Whole file into a NUL-terminated buffer of UTF-8 (caller frees), or
 * NULL. A district's file saved by Notepad or WPS on Chinese Windows is
 * GBK: it is converted as a panel is (input_utf8), so that names and
 * messages are Chinese, not bytes, and scenario.resolved.ini is UTF-8. */
static char *slurp(const char *path, bool *converted, char *err, size_t errlen)
{
	FILE *raw = input_open(path, err, errlen); /* a regular file: never a FIFO */
	if (!raw)
		return NULL;
	struct stat sb;
	if (fstat(fileno(raw), &sb) == 0 && sb.st_size >= MAX_FILE) { /* before converting it */
		fclose(raw);
		snprintf(err, errlen, _("%s: larger than %d MiB: not a scenario file"), path,
			 MAX_FILE >> 20);
		return NULL;
	}
	FILE *f = input_utf8(path, raw, false, converted, err, errlen);
	if (!f) {
		fclose(raw);
		return NULL;
	}
	if (f != raw)
		fclose(raw);
	size_t n = 0, cap = 4096;
	char *buf = malloc(cap);
	size_t got;
	while (buf && n < MAX_FILE && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == cap) {
			char *nb = realloc(buf, cap *= 2);
			if (!nb)
				free(buf);
			buf = nb;
		}
	}
	bool bad = ferror(f);
	fclose(f);
	if (buf && !bad && n >= MAX_FILE) {
		free(buf);
		snprintf(err, errlen, _("%s: larger than %d MiB: not a scenario file"), path,
			 MAX_FILE >> 20);
		return NULL;
	}
	if (!buf || bad) {
		free(buf);
		snprintf(err, errlen,
			 buf ? _("%s: cannot read") : _("%s: cannot read: out of memory"), path);
		return NULL;
	}
	if (memchr(buf, '\0', n)) {
		free(buf);
		snprintf(err, errlen, _("%s: not a text file (has a NUL byte)"), path);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

/* The scenario's name from its file: the base name without .ini, cut at
 * a character to fit name (n bytes). */
static void base_name(const char *path, char *out, size_t n)
{
	const char *slash = strrchr(path, '/');
	const char *b = slash ? slash + 1 : path;
	size_t len = strlen(b);
	if (len >= 4 && strcmp(b + len - 4, ".ini") == 0)
		len -= 4;
	len = text_utf8_cut(b, len < n - 1 ? len : n - 1);
	snprintf(out, n, "%.*s", (int)len, b);
}

/* ":line" into num (16 bytes), as snprintf's ":%d"; its length. A load
 * writes one for every key it sets. */
static int colon_line(char *num, int line)
{
	if (line < 0)
		return snprintf(num, 16, ":%d", line);
	char digits[12];
	int n = 0;
	do
		digits[n++] = (char)('0' + line % 10);
	while ((line /= 10) > 0);
	num[0] = ':';
	for (int i = 0; i < n; i++)
		num[1 + i] = digits[n - 1 - i];
	num[n + 1] = '\0';
	return n + 1;
}

/* "path:line" into dst (SRC_LEN bytes); a long path keeps its end. */
static void where(char *dst, const char *path, int line)
{
	char num[16];
	int k = colon_line(num, line);
	size_t len = strlen(path), room = SRC_LEN - 1 - (size_t)k;
	if (len <= room) {
		memcpy(dst, path, len);
		memcpy(dst + len, num, (size_t)k + 1);
		return;
	}
	const char *t = path + len - (room - 3);
	while (((unsigned char)*t & 0xC0) == 0x80)
		t++; /* start on a whole character */
	snprintf(dst, SRC_LEN, "...%s%s", t, num);
}

void scenario_quote(const char *text, char *buf, size_t n)
{
	size_t len = strlen(text);
	bool plain = len > 0 && !blank(text[0]) && !blank(text[len - 1]) && text[0] != '"';
	for (const unsigned char *p = (const unsigned char *)text; plain && *p; p++)
		plain = *p >= 0x20 && *p != 0x7f && *p != ';' && *p != '#' && *p != '\\';
	if (plain || n < 3) {
		snprintf(buf, n, "%s", text);
		buf[text_utf8_cut(buf, strlen(buf))] = '\0';
		return;
	}
	size_t k = 0;
	buf[k++] = '"';
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		char e[8];
		int m = 1;
		if (*p == '\n' || *p == '\r' || *p == '\t')
			m = snprintf(e, sizeof e, "\\%c",
				     *p == '\n'   ? 'n'
				     : *p == '\r' ? 'r'
						  : 't');
		else if (*p < 0x20 || *p == 0x7f)
			m = snprintf(e, sizeof e, "\\x%02x", *p);
		else if (*p == '"' || *p == '\\')
			m = snprintf(e, sizeof e, "\\%c", *p);
		else
			e[0] = (char)*p;
		if (k + (size_t)m + 2 > n)
			break; /* room for the closing quote and NUL */
		memcpy(buf + k, e, (size_t)m);
		k += (size_t)m;
	}
	k = text_utf8_cut(buf, k);
	buf[k++] = '"';
	buf[k] = '\0';
}

/* s from nothing, as the bottom of every chain: all zero, but of src
 * (256 KB, most of s) only each parameter's first byte, so every src[i]
 * is a string ("" until set; it is read only where set[i]) and no byte
 * after it is ever read. Zeroing all of it faulted in the pages of the
 * rows past the table's, a quarter of a fresh s, in every scenario a
 * command opens. */
static void clear(struct scenario *s)
{
	size_t nparams, at = offsetof(struct scenario, prov);
	params_table(&nparams);
	memset(s, 0, offsetof(struct scenario, src));
	for (size_t i = 0; i < nparams; i++)
		s->src[i][0] = '\0';
	/* the comments' bytes are read only through comment_at */
	memset((char *)s + at, 0, offsetof(struct scenario, comments) - at);
}
_Static_assert(offsetof(struct scenario, comments) + SCENARIO_COMMENTS == sizeof(struct scenario),
	       "clear: the comments come last");

/* Keep parameter k's comment (NULL: none): a later file's replaces an
 * earlier one's; past the room, none is kept. */
static void comment_put(struct scenario *s, int k, const char *text)
{
	size_t n = text ? strlen(text) + 1 : 0;
	if (!n || s->comments_used + n > SCENARIO_COMMENTS) {
		s->comment_at[k] = 0;
		return;
	}
	memcpy(s->comments + s->comments_used, text, n);
	s->comment_at[k] = s->comments_used + 1;
	s->comments_used += (unsigned)n;
}

const char *scenario_comment(const struct scenario *s, int i)
{
	return i >= 0 && i < MAX_PARAMS && s->comment_at[i] ? s->comments + s->comment_at[i] - 1
							    : "";
}
_Static_assert(offsetof(struct scenario, src) + sizeof((struct scenario *)0)->src ==
		       offsetof(struct scenario, prov),
	       "clear: src lies between set and prov");

/* Load path (NULL: built-in) and the chain of bases under it. chain
 * holds the paths being loaded, to catch a loop. mem, when given, is
 * path's text (path is then only a name). from is where the file that
 * names path as its base does so ("a.ini:2"), NULL for the first. */
static int load(struct scenario *s, const char *path, const char *mem, const char *from,
		const char **chain, int depth, char *err, size_t errlen)
{
	char builtin[96];
	const char *label = path;
	char *text = NULL;
	char real[PATH_MAX];
	bool converted = false;
	if (path) {
		if (!realpath(path, real))
			snprintf(real, sizeof real, "%s", path); /* slurp will say why */
		for (int i = 0; i < depth; i++) {
			if (strcmp(chain[i], real) == 0) {
				snprintf(err, errlen,
					 _("%s: [scenario] base: %s loops back to a file "
					   "already in the chain of bases (a chain ends at a file "
					   "without base, or at base = builtin)"),
					 from, path);
				return -1;
			}
		}
		if (depth >= MAX_DEPTH) {
			snprintf(err, errlen,
				 _("%s: [scenario] base: %s: the chain of bases is deeper "
				   "than %d files"),
				 from, path, MAX_DEPTH);
			return -1;
		}
		if (!mem && !(text = slurp(path, &converted, err, errlen))) {
			char *why = from ? strdup(err) : NULL;
			if (why) /* the file that names it is where to fix it */
				snprintf(err, errlen,
					 _("%s: [scenario] base: %s (a relative base is read "
					   "from the folder of the file that names it)"),
					 from, why);
			free(why);
			return -1;
		}
	} else {
		snprintf(builtin, sizeof builtin, _("%s (built-in)"), scenario_builtin_name);
		label = builtin;
	}
	struct reading *rd = calloc(1, sizeof *rd);
	if (!rd) {
		free(text);
		snprintf(err, errlen, _("%s: out of memory"), label);
		return -1;
	}
	rd->label = label;
	rd->err = err;
	rd->errlen = errlen;
	parse(rd, mem ? mem : path ? text : scenario_builtin_text());
	if (!rd->failed && path && rd->n == 0) {
		/* a transfer cut short would otherwise run the draft under its name */
		snprintf(err, errlen,
			 _("%s: empty scenario file (no key = value line; for the built-in draft "
			   "policy under a name of its own, write [scenario] base = builtin)"),
			 label);
		rd->failed = true;
	}
	if (!rd->failed && path) {
		int rc;
		chain[depth] = real;
		if (!rd->base || strcmp(rd->base, "builtin") == 0) {
			rc = load(s, NULL, NULL, NULL, chain, depth + 1, err, errlen);
		} else {
			const char *slash = strrchr(path, '/');
			size_t dlen = rd->base[0] == '/' || !slash ? 0 : (size_t)(slash - path + 1);
			size_t fl = dlen + strlen(rd->base) + 1, hl = strlen(label) + 16;
			char *full = malloc(fl), *here = malloc(hl);
			if (full && here) {
				snprintf(full, fl, "%.*s%s", (int)dlen, path, rd->base);
				snprintf(here, hl, "%s:%d", label, rd->base_line);
				rc = load(s, full, NULL, here, chain, depth + 1, err, errlen);
			} else {
				snprintf(err, errlen, _("%s: out of memory"), label);
				rc = -1;
			}
			free(full);
			free(here);
		}
		rd->failed = rc != 0;
		if (!rd->failed && converted) { /* said as a panel's is (csvread.c) */
			char line[300];
			size_t k = strlen(s->note);
			snprintf(line, sizeof line, "%s: %s", label,
				 _("read as GB18030: converted to UTF-8"));
			text_escape(line, sizeof line); /* the path may hold control characters */
			snprintf(s->note + k, sizeof s->note - k, "%s\n", line);
		}
	} else if (!rd->failed) {
		clear(s); /* the built-in is the bottom of every chain */
	}
	for (size_t i = 0; !rd->failed && i < rd->n; i++) {
		const struct entry *e = &rd->v[i];
		int k = e->param;
		char why[600];
		if (strcmp(e->section, PARAMS_SENSITIVITY) == 0 &&
		    params_range_set(s->sens, &s->nsens, e->key, e->value, why, sizeof why) != 0) {
			snprintf(err, errlen, "%s:%d: [%s] %s: %s", label, e->line, e->section,
				 e->key, why);
			rd->failed = true;
			break;
		}
		if (strcmp(e->section, TARGETS_SECTION) == 0 &&
		    targets_set(s->targets, &s->ntargets, e->key, e->value, why, sizeof why) != 0) {
			snprintf(err, errlen, "%s:%d: [%s] %s: %s", label, e->line, e->section,
				 e->key, why);
			rd->failed = true;
			break;
		}
		if (k < 0)
			continue; /* name, base, [sensitivity], [targets] */
		if (params_set_written(&s->pol, k, e->value, why, sizeof why) != 0) {
			snprintf(err, errlen, "%s:%d: [%s] %s: %s", label, e->line, e->section,
				 e->key, why);
			rd->failed = true;
			break;
		}
		s->set[k] = true;
		s->prov[k] = e->prov;
		comment_put(s, k, e->note);
		where(s->src[k], path ? path : scenario_builtin_name, e->line);
	}
	if (!rd->failed) {
		if (rd->name[0])
			snprintf(s->name, sizeof s->name, "%s", rd->name);
		else if (path)
			base_name(path, s->name, sizeof s->name);
		snprintf(s->path, sizeof s->path, "%s", path ? path : "");
	}
	bool failed = rd->failed;
	for (size_t i = 0; i < rd->n; i++) {
		free(rd->v[i].value);
		free(rd->v[i].note);
	}
	free(rd->v);
	free(rd);
	free(text);
	return failed ? -1 : 0;
}

/* rc, having made err one printable line: values may hold a CR or
 * control bytes. */
static int escaped(int rc, char *err, size_t errlen)
{
	if (rc != 0)
		text_escape(err, errlen);
	return rc;
}

int scenario_load(struct scenario *s, const char *path, char *err, size_t errlen)
{
	const char *chain[MAX_DEPTH + 1];
	return escaped(load(s, path, NULL, NULL, chain, 0, err, errlen), err, errlen);
}

int scenario_load_text(struct scenario *s, const char *label, const char *text, char *err,
		       size_t errlen)
{
	const char *chain[MAX_DEPTH + 1];
	return escaped(load(s, label, text, NULL, chain, 0, err, errlen), err, errlen);
}

static int set_one(struct scenario *s, const char *assignment, char *err, size_t errlen)
{
	char sec[32], key[48];
	const char *eq = strchr(assignment, '=');
	size_t ns = strlen(PARAMS_SENSITIVITY);
	if (eq && strncmp(assignment, PARAMS_SENSITIVITY ".", ns + 1) == 0) {
		char name[96], why[300];
		snprintf(name, sizeof name, "%.*s", (int)(eq - assignment - (ptrdiff_t)ns - 1),
			 assignment + ns + 1);
		if (params_range_set(s->sens, &s->nsens, name, eq + 1, why, sizeof why) == 0)
			return 0;
		snprintf(err, errlen, _("--set %s: [%s] %s: %s"), assignment, PARAMS_SENSITIVITY,
			 name, why);
		return -1;
	}
	size_t nt = strlen(TARGETS_SECTION);
	if (eq && strncmp(assignment, TARGETS_SECTION ".", nt + 1) == 0) {
		char name[96], why[600];
		snprintf(name, sizeof name, "%.*s", (int)(eq - assignment - (ptrdiff_t)nt - 1),
			 assignment + nt + 1);
		if (targets_set(s->targets, &s->ntargets, name, eq + 1, why, sizeof why) == 0)
			return 0;
		snprintf(err, errlen, _("--set %s: [%s] %s: %s"), assignment, TARGETS_SECTION, name,
			 why);
		return -1;
	}
	const char *dot = NULL; /* the last dot before '=': sections may hold dots */
	for (const char *q = assignment; eq && q < eq; q++)
		if (*q == '.')
			dot = q;
	if (!dot || !eq || dot > eq || (size_t)(dot - assignment) >= sizeof sec ||
	    (size_t)(eq - dot - 1) >= sizeof key) {
		snprintf(err, errlen, _("--set %s: expected section.key=value, e.g. m1a.cap=200万"),
			 assignment);
		return -1;
	}
	snprintf(sec, sizeof sec, "%.*s", (int)(dot - assignment), assignment);
	snprintf(key, sizeof key, "%.*s", (int)(eq - dot - 1), dot + 1);
	char name[sizeof sec + sizeof key], why[1200];
	snprintf(name, sizeof name, "%s.%s", sec, key);
	int k = params_key(name, why, sizeof why); /* its hint or district list */
	if (k < 0) {
		snprintf(err, errlen, _("--set %s: %s"), assignment, why);
		return -1;
	}
	if (params_set_written(&s->pol, k, eq + 1, why, sizeof why) != 0) {
		const struct param_def *d = params_table(&(size_t){0});
		snprintf(err, errlen, _("--set %s: [%s] %s: %s"), assignment, d[k].section, key,
			 why);
		return -1;
	}
	s->set[k] = true;
	s->prov[k] = PROV_UNMARKED; /* a value from the command line cites nothing */
	s->comment_at[k] = 0;
	snprintf(s->src[k], SRC_LEN, "--set");
	return 0;
}

int scenario_set(struct scenario *s, const char *assignment, char *err, size_t errlen)
{
	return escaped(set_one(s, assignment, err, errlen), err, errlen);
}

int scenario_finish(struct scenario *s, char *err, size_t errlen)
{
	char why[300];
	int bad = -1;
	if (params_check(&s->pol, s->set, why, sizeof why, &bad) == 0)
		return 0;
	size_t n;
	const struct param_def *d = params_table(&n);
	snprintf(err, errlen, "%s: [%s] %s: %s", s->set[bad] ? s->src[bad] : "scenario",
		 d[bad].section, d[bad].key, why);
	return -1;
}

int scenario_open(struct scenario *s, const char *path, char *const *sets, int n, char *err,
		  size_t errlen)
{
	if (scenario_load(s, path, err, errlen) != 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (scenario_set(s, sets[i], err, errlen) != 0)
			return -1;
	return scenario_finish(s, err, errlen);
}
