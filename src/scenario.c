/* scenario.c - reading scenario INI files with libinih. */
#include "scenario.h"

#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define MAX_DEPTH 16
#define MAX_FILE (4 << 20) /* a scenario is a few KB; this stops /dev/zero */

struct entry {
	char section[32], key[48], value[160];
	int line;
};

/* One file being parsed: its text, a line counter, and what it said. */
struct reading {
	const char *text, *pos;
	const char *label; /* name used in messages */
	int line;
	struct entry *v;
	size_t n, cap;
	char base[256];
	int base_line;
	char name[64];
	char *err;
	size_t errlen;
	bool failed;
	int fail_line; /* line of the first error found by the handler */
};

static int fail(struct reading *rd, const char *fmt, const char *a, const char *b,
		const char *c);

/* A [section] line with no keys never reaches the handler (Debian builds
 * inih without INI_CALL_HANDLER_ON_NEW_SECTION): check names here. */
static void check_header(struct reading *rd, const char *line)
{
	const char *p = line + strspn(line, " \t");
	const char *close = strchr(p, ']');
	if (*p != '[' || !close || close - p - 1 >= 32)
		return;
	char name[32];
	snprintf(name, sizeof name, "%.*s", (int)(close - p - 1), p + 1);
	if (strcmp(name, "scenario") == 0 || params_section_known(name))
		return;
	const char *sug = params_suggest_section(name);
	char hint[80] = " (fundsim params lists the sections)";
	if (sug)
		snprintf(hint, sizeof hint, " (did you mean [%s]?)", sug);
	fail(rd, "[%s]: unknown section%s%s", name, hint, "");
}

/* inih reads through this so we know each line's number; Debian builds
 * inih without INI_HANDLER_LINENO. */
static char *reader(char *str, int num, void *stream)
{
	struct reading *rd = stream;
	if (!*rd->pos)
		return NULL;
	const char *nl = strchr(rd->pos, '\n');
	size_t len = nl ? (size_t)(nl - rd->pos) + 1 : strlen(rd->pos);
	rd->line++;
	if (len >= (size_t)num) { /* always cut: inih's buffer holds num bytes */
		if (!rd->failed) {
			snprintf(rd->err, rd->errlen, "%s:%d: line is longer than %d bytes",
				 rd->label, rd->line, num - 2);
			rd->failed = true;
			rd->fail_line = rd->line;
		}
		len = (size_t)num - 1;
		memcpy(str, rd->pos, len);
		str[len] = '\0';
		rd->pos = nl ? nl + 1 : rd->pos + strlen(rd->pos);
		return str;
	}
	memcpy(str, rd->pos, len);
	str[len] = '\0';
	rd->pos += len;
	check_header(rd, str);
	return str;
}

static int fail(struct reading *rd, const char *fmt, const char *a, const char *b,
		const char *c)
{
	if (!rd->failed) {
		int k = snprintf(rd->err, rd->errlen, "%s:%d: ", rd->label, rd->line);
		snprintf(rd->err + k, rd->errlen - (size_t)k, fmt, a, b, c);
		rd->failed = true;
		rd->fail_line = rd->line;
	}
	return 0;
}

static int handler(void *user, const char *section, const char *key, const char *value)
{
	struct reading *rd = user;
	if (!*section)
		return fail(rd, "%s%s%s: a key outside any [section]", key, "", "");
	if (!*key)
		return fail(rd, "[%s]: \"= %s\" has no key name (write key = value)%s", section, value,
			    "");
	bool meta = strcmp(section, "scenario") == 0 &&
		    (strcmp(key, "name") == 0 || strcmp(key, "base") == 0);
	bool sens = strcmp(section, PARAMS_SENSITIVITY) == 0; /* keys name parameters */
	if (!meta && !sens && params_find(section, key) < 0) {
		if (!params_section_known(section)) {
			const char *sug = params_suggest_section(section);
			char hint[80] = " (fundsim params lists the sections)";
			if (sug)
				snprintf(hint, sizeof hint, " (did you mean [%s]?)", sug);
			return fail(rd, "[%s]: unknown section%s%s", section, hint, "");
		}
		const char *sug = params_suggest(section, key);
		char hint[80] = "";
		if (sug)
			snprintf(hint, sizeof hint, " (did you mean %s?)", sug);
		else
			snprintf(hint, sizeof hint, " (fundsim params lists the keys)");
		return fail(rd, "[%s] %s: unknown key%s", section, key, hint);
	}
	for (size_t i = 0; i < rd->n; i++) {
		if (strcmp(rd->v[i].section, section) == 0 && strcmp(rd->v[i].key, key) == 0) {
			char first[64];
			snprintf(first, sizeof first, "%d", rd->v[i].line);
			return fail(rd, "[%s] %s: set twice (first at line %s; indented lines "
				    "are not continuations)", section, key, first);
		}
	}
	if (strlen(section) >= sizeof rd->v->section || strlen(key) >= sizeof rd->v->key ||
	    strlen(value) >= sizeof rd->v->value)
		return fail(rd, "[%s] %s: value too long (%s)", section, key, "at most 159 bytes");
	if (meta) {
		char *dst = strcmp(key, "name") == 0 ? rd->name : rd->base;
		size_t dn = strcmp(key, "name") == 0 ? sizeof rd->name : sizeof rd->base;
		if (!*value || strlen(value) >= dn)
			return fail(rd, "[scenario] %s: \"%s\" must be 1 to %s bytes", key, value,
				    dn == sizeof rd->name ? "63" : "255");
		snprintf(dst, dn, "%s", value);
		if (dst == rd->base)
			rd->base_line = rd->line;
	}
	if (rd->n == rd->cap) {
		size_t nc = rd->cap ? rd->cap * 2 : 64;
		struct entry *nv = realloc(rd->v, nc * sizeof *nv);
		if (!nv)
			return fail(rd, "%s%s%sout of memory", "", "", "");
		rd->v = nv;
		rd->cap = nc;
	}
	struct entry *e = &rd->v[rd->n++];
	snprintf(e->section, sizeof e->section, "%s", section);
	snprintf(e->key, sizeof e->key, "%s", key);
	snprintf(e->value, sizeof e->value, "%s", value);
	e->line = rd->line;
	return 1;
}

/* Whole file into a NUL-terminated buffer (caller frees), or NULL. */
static char *slurp(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	size_t n = 0, cap = 4096;
	char *buf = malloc(cap);
	size_t got;
	while (buf && n < MAX_FILE && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == cap) {
			char *nb = realloc(buf, cap *= 2);
			if (!nb) {
				free(buf);
				buf = NULL;
			}
			buf = nb;
		}
	}
	bool bad = ferror(f);
	fclose(f);
	if (buf && !bad && n >= MAX_FILE) {
		free(buf);
		snprintf(err, errlen, "%s: larger than %d MiB: not a scenario file", path,
			 MAX_FILE >> 20);
		return NULL;
	}
	if (!buf || bad) {
		free(buf);
		snprintf(err, errlen, "%s: cannot read%s", path, buf ? "" : ": out of memory");
		return NULL;
	}
	if (memchr(buf, '\0', n)) {
		free(buf);
		snprintf(err, errlen, "%s: not a text file (has a NUL byte)", path);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

static void dir_of(const char *path, char *dir, size_t n)
{
	const char *slash = strrchr(path, '/');
	if (slash)
		snprintf(dir, n, "%.*s", (int)(slash - path + 1), path);
	else
		dir[0] = '\0';
}

static void base_name(const char *path, char *out, size_t n)
{
	const char *slash = strrchr(path, '/');
	snprintf(out, n, "%s", slash ? slash + 1 : path);
	char *dot = strrchr(out, '.');
	if (dot && strcmp(dot, ".ini") == 0)
		*dot = '\0';
}

/* What is wrong with line n of text, which inih could not read. */
static void syntax_error(const char *text, const char *label, int n, char *err, size_t errlen)
{
	const char *p = text;
	for (int i = 1; i < n && p; i++)
		if ((p = strchr(p, '\n')))
			p++;
	char line[64] = "";
	if (p) {
		p += strspn(p, " \t");
		size_t len = strcspn(p, "\r\n"), cut = len < 40 ? len : 40;
		while (cut < len && cut && ((unsigned char)p[cut] & 0xC0) == 0x80)
			cut--; /* not inside a UTF-8 character */
		snprintf(line, sizeof line, "%.*s%s", (int)cut, p, cut < len ? "..." : "");
	}
	if (line[0] == '[')
		snprintf(err, errlen, "%s:%d: \"%s\": a [section] line needs its closing ]", label, n,
			 line);
	else
		snprintf(err, errlen, "%s:%d: \"%s\": not a [section] or key = value line (a "
			 "comment starts with ;)", label, n, line);
}

/* Load path (NULL: built-in) and the chain of bases under it. chain
 * holds the paths being loaded, to catch a loop. mem, when given, is
 * path's text (path is then only a name). from is where the file that
 * names path as its base does so ("a.ini:2"), NULL for the first. */
static int load(struct scenario *s, const char *path, const char *mem, const char *from,
		const char **chain, int depth, char *err, size_t errlen)
{
	char label[300];
	char *text = NULL;
	char real[PATH_MAX];
	if (path) {
		if (!realpath(path, real))
			snprintf(real, sizeof real, "%s", path); /* slurp will say why */
		for (int i = 0; i < depth; i++) {
			if (strcmp(chain[i], real) == 0) {
				snprintf(err, errlen, "%s: [scenario] base: %s loops back to a file "
					 "already in the chain of bases (a chain ends at a file "
					 "without base, or at base = builtin)", from, path);
				return -1;
			}
		}
		if (depth >= MAX_DEPTH) {
			snprintf(err, errlen, "%s: [scenario] base: %s: the chain of bases is deeper "
				 "than %d files", from, path, MAX_DEPTH);
			return -1;
		}
		if (!mem && !(text = slurp(path, err, errlen))) {
			if (from) { /* the file that names it is where to fix it */
				char why[ERR_LEN];
				snprintf(why, sizeof why, "%s", err);
				snprintf(err, errlen, "%s: [scenario] base: %s (a relative base is read "
					 "from the folder of the file that names it)", from, why);
			}
			return -1;
		}
		snprintf(label, sizeof label, "%s", path);
	} else {
		snprintf(label, sizeof label, "%s (built-in)", scenario_builtin_name);
	}
	struct reading rd = {.text = mem    ? mem
				     : path ? text
					    : scenario_builtin_text(),
			     .label = label, .err = err, .errlen = errlen};
	rd.pos = rd.text;
	int rc = ini_parse_stream(reader, &rd, handler, &rd);
	/* inih goes on after a syntax error: report whichever error came first */
	if (rc != 0 && (!rd.failed || (rc > 0 && rc < rd.fail_line))) {
		if (rc > 0)
			syntax_error(rd.text, label, rc, err, errlen);
		else
			snprintf(err, errlen, "%s: cannot parse (%s)", label,
				 rc == -2 ? "out of memory" : "read error");
		rd.failed = true;
	}
	if (!rd.failed && path) {
		chain[depth] = real;
		if (!rd.base[0] || strcmp(rd.base, "builtin") == 0) {
			rc = load(s, NULL, NULL, NULL, chain, depth + 1, err, errlen);
		} else {
			char full[600], dir[300], here[320];
			dir_of(path, dir, sizeof dir);
			snprintf(full, sizeof full, "%s%s", rd.base[0] == '/' ? "" : dir, rd.base);
			snprintf(here, sizeof here, "%s:%d", label, rd.base_line);
			rc = load(s, full, NULL, here, chain, depth + 1, err, errlen);
		}
		rd.failed = rc != 0;
	} else if (!rd.failed) {
		memset(s, 0, sizeof *s); /* the built-in is the bottom of every chain */
	}
	for (size_t i = 0; !rd.failed && i < rd.n; i++) {
		const struct entry *e = &rd.v[i];
		int k = params_find(e->section, e->key);
		char why[300];
		if (strcmp(e->section, PARAMS_SENSITIVITY) == 0 &&
		    params_range_set(s->sens, &s->nsens, e->key, e->value, why, sizeof why) != 0) {
			snprintf(err, errlen, "%s:%d: [%s] %s: %s", label, e->line, e->section,
				 e->key, why);
			rd.failed = true;
			break;
		}
		if (k < 0)
			continue; /* name, base, [sensitivity] */
		if (params_set(&s->pol, k, e->value, why, sizeof why) != 0) {
			snprintf(err, errlen, "%s:%d: [%s] %s: %s", label, e->line, e->section,
				 e->key, why);
			rd.failed = true;
			break;
		}
		s->set[k] = true;
		snprintf(s->src[k], SRC_LEN, "%s:%d", path ? path : scenario_builtin_name, e->line);
	}
	if (!rd.failed) {
		if (rd.name[0])
			snprintf(s->name, sizeof s->name, "%s", rd.name);
		else if (path)
			base_name(path, s->name, sizeof s->name);
		snprintf(s->path, sizeof s->path, "%s", path ? path : "");
	}
	free(rd.v);
	free(text);
	return rd.failed ? -1 : 0;
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
		snprintf(err, errlen, "--set %s: [%s] %s: %s", assignment, PARAMS_SENSITIVITY, name,
			 why);
		return -1;
	}
	const char *dot = NULL; /* the last dot before '=': sections may hold dots */
	for (const char *q = assignment; eq && q < eq; q++)
		if (*q == '.')
			dot = q;
	if (!dot || !eq || dot > eq || (size_t)(dot - assignment) >= sizeof sec ||
	    (size_t)(eq - dot - 1) >= sizeof key) {
		snprintf(err, errlen, "--set %s: expected section.key=value, e.g. m1a.cap=200万",
			 assignment);
		return -1;
	}
	snprintf(sec, sizeof sec, "%.*s", (int)(dot - assignment), assignment);
	snprintf(key, sizeof key, "%.*s", (int)(eq - dot - 1), dot + 1);
	int k = params_find(sec, key);
	if (k < 0) {
		const char *sug = params_section_known(sec) ? params_suggest(sec, key) : NULL;
		snprintf(err, errlen, "--set %s: unknown parameter %s.%s%s%s%s", assignment, sec, key,
			 sug ? " (did you mean " : "", sug ? sug : "", sug ? "?)" : "");
		return -1;
	}
	char why[300];
	if (params_set(&s->pol, k, eq + 1, why, sizeof why) != 0) {
		snprintf(err, errlen, "--set %s: [%s] %s: %s", assignment, sec, key, why);
		return -1;
	}
	s->set[k] = true;
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
