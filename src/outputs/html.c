/* html.c - escaped text, and SVG files inlined into an HTML page. */
#include "html.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void escaped(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			if (c >= 0x20 ? c != 0x7f : c == '\t' || c == '\n')
				fputc(c, f);
		}
	}
}

void html_text(FILE *f, const char *s)
{
	if (s)
		escaped(f, s, (size_t)-1);
}

/* One conversion of html_printf: spec is "%...c" with its '*' values in
 * star[0..nstar). */
#define PUT(v)                                       \
	(nstar == 0   ? fprintf(f, spec, v)          \
	 : nstar == 1 ? fprintf(f, spec, star[0], v) \
		      : fprintf(f, spec, star[0], star[1], v))

void html_printf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = fmt;
	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			fputs(p, f);
			break;
		}
		fwrite(p, 1, (size_t)(pct - p), f);
		p = pct + 1;
		if (*p == '%') {
			fputc('%', f);
			p++;
			continue;
		}
		char spec[40] = "%";
		size_t k = 1;
		int star[2] = {0, 0}, nstar = 0, prec = -1;
		while (*p && strchr("-+ #0", *p) && k < 20)
			spec[k++] = *p++;
		if (*p == '*') {
			star[nstar++] = va_arg(ap, int);
			spec[k++] = *p++;
		}
		while (*p >= '0' && *p <= '9' && k < 24)
			spec[k++] = *p++;
		if (*p == '.') {
			spec[k++] = *p++;
			if (*p == '*') {
				prec = star[nstar++] = va_arg(ap, int);
				spec[k++] = *p++;
			} else {
				prec = atoi(p);
			}
			while (*p >= '0' && *p <= '9' && k < 30)
				spec[k++] = *p++;
		}
		char len[3] = "";
		size_t nl = 0;
		while (*p && strchr("hlLzjt", *p) && nl < 2)
			len[nl++] = spec[k++] = *p++;
		char conv = *p;
		if (!conv)
			break;
		p++;
		spec[k++] = conv;
		spec[k] = '\0';
		bool l = strcmp(len, "l") == 0, ll = strcmp(len, "ll") == 0, z = len[0] == 'z';
		switch (conv) {
		case 's':
			escaped(f, va_arg(ap, const char *), prec >= 0 ? (size_t)prec : (size_t)-1);
			break;
		case 'd':
		case 'i':
			if (ll)
				PUT(va_arg(ap, long long));
			else if (l)
				PUT(va_arg(ap, long));
			else if (z)
				PUT(va_arg(ap, ptrdiff_t));
			else
				PUT(va_arg(ap, int));
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (ll)
				PUT(va_arg(ap, unsigned long long));
			else if (l)
				PUT(va_arg(ap, unsigned long));
			else if (z)
				PUT(va_arg(ap, size_t));
			else
				PUT(va_arg(ap, unsigned));
			break;
		case 'f':
		case 'F':
		case 'g':
		case 'G':
		case 'e':
		case 'E':
			if (len[0] == 'L')
				PUT(va_arg(ap, long double));
			else
				PUT(va_arg(ap, double));
			break;
		case 'c':
			PUT(va_arg(ap, int));
			break;
		default: /* not a conversion html_printf knows: written as is */
			fputs(spec, f);
		}
	}
	va_end(ap);
}

/* ---- SVG ----
 *
 * The image is parsed as XML and written again from what was understood,
 * never copied: only the elements and attributes below pass, values are
 * decoded (entities included) before they are checked and escaped again
 * after, so what is checked is what the browser reads. Anything that is
 * not plain, well-formed XML of the kind gnuplot writes is refused. */

/* What gnuplot's svg terminal writes for our charts, and inert shapes
 * like them. Not here, so dropped with everything inside: script, style,
 * foreignObject, a, image, animate, set, feImage, and any other case of
 * a name (XML names are case-sensitive; <SCRIPT> is not <script>). */
static const char *const svg_elements[] = {
	"g",       "defs",     "title",    "desc",    "path",        "rect",  "circle",
	"ellipse", "line",     "polyline", "polygon", "text",        "tspan", "use",
	"pattern", "clipPath", "filter",   "feFlood", "feComposite",
};

/* Geometry and references: no on*, no src, no attributeName... */
static const char *const svg_attrs[] = {
	"id",
	"class",
	"style",
	"d",
	"x",
	"y",
	"width",
	"height",
	"cx",
	"cy",
	"r",
	"rx",
	"ry",
	"x1",
	"y1",
	"x2",
	"y2",
	"dx",
	"dy",
	"points",
	"transform",
	"viewBox",
	"preserveAspectRatio",
	"xml:space",
	"href",
	"xlink:href",
	"clip-path",
	"clipPathUnits",
	"filter",
	"filterUnits",
	"patternUnits",
	"patternContentUnits",
	"patternTransform",
	"in",
	"in2",
	"operator",
	"result",
	"flood-color",
	"flood-opacity",
};

/* Presentation: as attributes, and the only properties a style sets. */
static const char *const svg_props[] = {
	"fill",           "fill-opacity",    "fill-rule",         "stroke",
	"stroke-width",   "stroke-opacity",  "stroke-dasharray",  "stroke-dashoffset",
	"stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "color",
	"opacity",        "font-family",     "font-size",         "font-weight",
	"font-style",     "text-anchor",     "dominant-baseline", "shape-rendering",
	"visibility",     "display",
};
#define COUNT(a) (sizeof a / sizeof a[0])
#define SVG_DEPTH 64  /* gnuplot nests 5 deep */
#define SVG_NATTRS 64 /* attributes on one tag */

static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return true;
	return false;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool name_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
	       (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
}

static bool id_char(char c)
{
	return name_char(c, false);
}

/* An XML name at p: its length, 0 when there is none. */
static size_t name_len(const char *p, const char *end)
{
	size_t n = 0;
	while (p + n < end && name_char(p[n], n == 0))
		n++;
	return n;
}

static bool starts(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);
	return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

/* The first needle in [p, end), or NULL. */
static const char *find(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (; p + n <= end; p++)
		if (memcmp(p, needle, n) == 0)
			return p;
	return NULL;
}

static size_t put_utf8(char *o, unsigned long c)
{
	if (c < 0x80)
		return o[0] = (char)c, 1;
	if (c < 0x800)
		return o[0] = (char)(0xc0 | c >> 6), o[1] = (char)(0x80 | (c & 0x3f)), 2;
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12);
		o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | c >> 18);
	o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* s[0..n) with XML's five entities and character references decoded,
 * in a new string (caller frees), or NULL: an entity XML does not define
 * (a DOCTYPE's own, HTML's &nbsp;), a bad reference, a raw '<'. */
static char *decode(const char *s, size_t n)
{
	static const char *const ent[][2] = {{"amp;", "&"},
					     {"lt;", "<"},
					     {"gt;", ">"},
					     {"quot;", "\""},
					     {"apos;", "'"}};
	char *out = malloc(n + 1), *o = out; /* decoding never lengthens */
	if (!out)
		return NULL;
	for (const char *p = s, *end = s + n; p < end;) {
		if (*p == '<')
			goto bad;
		if (*p != '&') {
			*o++ = *p++;
			continue;
		}
		p++;
		size_t k = 0;
		for (; k < 5; k++) {
			size_t l = strlen(ent[k][0]);
			if ((size_t)(end - p) >= l && memcmp(p, ent[k][0], l) == 0) {
				*o++ = ent[k][1][0];
				p += l;
				break;
			}
		}
		if (k < 5)
			continue;
		if (p >= end || *p != '#')
			goto bad;
		p++;
		int base = p < end && *p == 'x' ? 16 : 10;
		p += base == 16;
		unsigned long c = 0;
		int digits = 0;
		for (; p < end && *p != ';' && digits < 8; p++, digits++) {
			int d = -1;
			if (*p >= '0' && *p <= '9')
				d = *p - '0';
			else if (base == 16 && *p >= 'a' && *p <= 'f')
				d = *p - 'a' + 10;
			else if (base == 16 && *p >= 'A' && *p <= 'F')
				d = *p - 'A' + 10;
			if (d < 0)
				goto bad;
			c = c * (unsigned long)base + (unsigned long)d;
		}
		if (p >= end || *p != ';' || digits == 0 || c > 0x10ffff ||
		    (c >= 0xd800 && c <= 0xdfff) ||
		    (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
			goto bad;
		p++;
		o += put_utf8(o, c);
	}
	*o = '\0';
	return out;
bad:
	free(out);
	return NULL;
}

static bool valid_id(const char *v)
{
	if (!*v)
		return false;
	for (; *v; v++)
		if (!id_char(*v))
			return false;
	return true;
}

static bool ci_starts(const char *s, const char *with)
{
	return strncasecmp(s, with, strlen(with)) == 0;
}

/* word in v, case aside, blanks and control characters between its
 * letters skipped ("java\tscript:" is "javascript:" to a browser). */
static bool has_word(const char *v, const char *word)
{
	for (const char *p = v; *p; p++) {
		const char *q = p, *w = word;
		for (; *q && *w; q++) {
			unsigned char c = (unsigned char)*q;
			if (c <= 0x20 || c == 0x7f)
				continue;
			if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)*w)
				break;
			w++;
		}
		if (!*w)
			return true;
	}
	return false;
}

/* A value with no way out of the image: every url() is url(#id) (with
 * or without quotes), and nothing names code or a style sheet. */
static bool inert_value(const char *v)
{
	static const char *const words[] = {"javascript:", "vbscript:", "data:", "expression("};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (has_word(v, words[i]))
			return false;
	if (strpbrk(v, "\\@{}<>") || strstr(v, "/*"))
		return false; /* CSS escapes, @import, rules, comments */
	for (const char *p = v; *p; p++) {
		if (!ci_starts(p, "url("))
			continue;
		p += 4;
		char q = *p == '\'' || *p == '"' ? *p++ : 0;
		if (*p++ != '#' || !id_char(*p))
			return false;
		while (id_char(*p))
			p++;
		if ((q && *p++ != q) || *p != ')')
			return false;
	}
	return true;
}

/* A style attribute: declarations of presentation properties only. */
static bool inert_style(const char *v)
{
	if (!inert_value(v))
		return false;
	for (const char *p = v; *p;) {
		while (is_space(*p) || *p == ';')
			p++;
		if (!*p)
			break;
		const char *prop = p;
		while (*p && *p != ':' && *p != ';' && !is_space(*p))
			p++;
		size_t n = (size_t)(p - prop);
		while (is_space(*p))
			p++;
		if (*p != ':' || !in_list(svg_props, COUNT(svg_props), prop, n))
			return false;
		p += strcspn(p, ";");
	}
	return true;
}

/* v, escaped, with url(#x) made url(#PREFIXx) (inert_value checked it). */
static void put_value(FILE *f, const char *v, const char *prefix)
{
	for (const char *p = v; *p;) {
		if (!ci_starts(p, "url(")) {
			escaped(f, p++, 1);
			continue;
		}
		escaped(f, p, 4);
		p += 4;
		if (*p == '\'' || *p == '"')
			escaped(f, p++, 1);
		fputc(*p++, f); /* '#' */
		fputs(prefix, f);
	}
}

struct attr {
	const char *name, *val;
	size_t nn, nv;
};

static bool named(const struct attr *a, const char *s)
{
	return a->nn == strlen(s) && memcmp(a->name, s, a->nn) == 0;
}

/* Attribute a with its decoded value v as it goes out, or nothing when
 * it is not on the list or its value could reach outside the image. */
static void put_attr(FILE *f, const struct attr *a, const char *v, const char *prefix)
{
	bool id = named(a, "id"), href = named(a, "href") || named(a, "xlink:href");
	bool known = in_list(svg_attrs, COUNT(svg_attrs), a->name, a->nn) ||
		     in_list(svg_props, COUNT(svg_props), a->name, a->nn);
	bool inert;
	if (id)
		inert = valid_id(v);
	else if (href)
		inert = v[0] == '#' && valid_id(v + 1);
	else
		inert = named(a, "style") ? inert_style(v) : inert_value(v);
	if (!known || !inert)
		return;
	fputc(' ', f);
	fwrite(a->name, 1, a->nn, f);
	fputs("=\"", f);
	if (id || href) { /* the prefix keeps ids of several images apart */
		fputs(href ? "#" : "", f);
		fputs(prefix, f);
		escaped(f, href ? v + 1 : v, (size_t)-1);
	} else {
		put_value(f, v, prefix);
	}
	fputc('"', f);
}

struct svg_state {
	FILE *f; /* a buffer: nothing reaches the page unless all of it passed */
	const char *prefix, *title;
	bool titled;
	int depth;
	struct svg_open {
		const char *name;
		size_t n;
		bool drop; /* neither it nor what it holds is written */
	} open[SVG_DEPTH];
};

/* The start tag at p (after '<'): written when allowed, pushed unless
 * empty. The position past it, or NULL when malformed. */
static const char *start_tag(struct svg_state *st, const char *p, const char *end)
{
	size_t nn = name_len(p, end);
	if (nn == 0)
		return NULL;
	const char *name = p;
	p += nn;
	struct attr a[SVG_NATTRS];
	int na = 0;
	while (p < end && is_space(*p)) {
		while (p < end && is_space(*p))
			p++;
		size_t n = name_len(p, end);
		if (n == 0)
			break;
		if (na == SVG_NATTRS)
			return NULL;
		a[na] = (struct attr){.name = p, .nn = n};
		p += n;
		while (p < end && is_space(*p))
			p++;
		if (p >= end || *p++ != '=') /* XML: every attribute has a value */
			return NULL;
		while (p < end && is_space(*p))
			p++;
		if (p >= end || (*p != '"' && *p != '\''))
			return NULL; /* ... in quotes */
		const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
		if (!q)
			return NULL;
		a[na].val = p + 1;
		a[na].nv = (size_t)(q - p - 1);
		p = q + 1;
		for (int i = 0; i < na; i++)
			if (a[i].nn == n && memcmp(a[i].name, a[na].name, n) == 0)
				return NULL; /* twice: which one counts is a guess */
		na++;
	}
	bool empty = p < end && *p == '/';
	p += empty;
	if (p >= end || *p++ != '>')
		return NULL;
	bool root = st->depth == 0;
	if (root && !(nn == 3 && memcmp(name, "svg", 3) == 0))
		return NULL;
	bool drop = !root && (st->open[st->depth - 1].drop ||
			      !in_list(svg_elements, COUNT(svg_elements), name, nn));
	/* title and desc hold text: an element there is read as HTML */
	if (!root && !drop) {
		const struct svg_open *up = &st->open[st->depth - 1];
		drop = (up->n == 5 && memcmp(up->name, "title", 5) == 0) ||
		       (up->n == 4 && memcmp(up->name, "desc", 4) == 0);
	}
	char *v[SVG_NATTRS] = {0};
	bool ok = true;
	for (int i = 0; i < na && ok; i++)
		ok = (v[i] = decode(a[i].val, a[i].nv)) != NULL;
	if (ok && !drop && st->title && !st->titled && nn == 5 && memcmp(name, "title", 5) == 0) {
		fputs("<title>", st->f);
		html_text(st->f, st->title);
		fputs("</title>", st->f);
		st->titled = true;
		drop = true; /* its own text is replaced */
	} else if (ok && !drop) {
		fputc('<', st->f);
		fwrite(name, 1, nn, st->f);
		if (root)
			fputs(" role=\"img\"", st->f);
		for (int i = 0; i < na; i++)
			put_attr(st->f, &a[i], v[i], st->prefix);
		fputs(empty ? "/>" : ">", st->f);
	}
	for (int i = 0; i < na; i++)
		free(v[i]);
	if (!ok || (!empty && st->depth == SVG_DEPTH))
		return NULL;
	if (!empty)
		st->open[st->depth++] = (struct svg_open){name, nn, drop};
	return p;
}

/* Text [p, q) of the open element: false when malformed. */
static bool text(struct svg_state *st, const char *p, const char *q, bool cdata)
{
	char *t = cdata ? strndup(p, (size_t)(q - p)) : decode(p, (size_t)(q - p));
	if (!t)
		return false;
	if (!st->open[st->depth - 1].drop)
		escaped(st->f, t, (size_t)-1);
	free(t);
	return true;
}

/* The root element at p ("<svg") and, after it, blanks and comments
 * only: 0, or -1 when malformed. */
static int svg_body(struct svg_state *st, const char *p, const char *end)
{
	if (!(p = start_tag(st, p + 1, end)))
		return -1;
	while (st->depth > 0) {
		const char *q;
		if (p >= end) {
			return -1; /* an element left open */
		} else if (*p != '<') {
			q = memchr(p, '<', (size_t)(end - p));
			q = q ? q : end;
			if (!text(st, p, q, false))
				return -1;
			p = q;
		} else if (starts(p, end, "<!--")) {
			if (!(q = find(p + 4, end, "-->")))
				return -1;
			p = q + 3;
		} else if (starts(p, end, "<![CDATA[")) {
			if (!(q = find(p + 9, end, "]]>")) || !text(st, p + 9, q, true))
				return -1;
			p = q + 3;
		} else if (starts(p, end, "</")) {
			const struct svg_open *o = &st->open[st->depth - 1];
			size_t n = name_len(p + 2, end);
			for (q = p + 2 + n; q < end && is_space(*q);)
				q++;
			if (q >= end || *q != '>' || n != o->n || memcmp(p + 2, o->name, n) != 0)
				return -1; /* not the end of the open element */
			if (!o->drop) {
				fputs("</", st->f);
				fwrite(o->name, 1, n, st->f);
				fputc('>', st->f);
			}
			st->depth--;
			p = q + 1;
		} else if (!(p = start_tag(st, p + 1, end))) {
			return -1; /* also <? and <!: nothing gnuplot writes */
		}
	}
	for (;;) {
		while (p < end && is_space(*p))
			p++;
		if (!starts(p, end, "<!--"))
			return p == end ? 0 : -1;
		const char *q = find(p + 4, end, "-->");
		if (!q)
			return -1;
		p = q + 3;
	}
}

/* Past the XML declaration, comments, blanks and a DOCTYPE without an
 * internal subset (its ENTITY declarations would be a second language):
 * the root's '<', or NULL. */
static const char *prolog(const char *p, const char *end)
{
	if (starts(p, end, "\xef\xbb\xbf"))
		p += 3;
	for (;;) {
		while (p < end && is_space(*p))
			p++;
		const char *q;
		if (starts(p, end, "<?")) {
			if (!(q = find(p, end, "?>")))
				return NULL;
			p = q + 2;
		} else if (starts(p, end, "<!--")) {
			if (!(q = find(p + 4, end, "-->")))
				return NULL;
			p = q + 3;
		} else if (starts(p, end, "<!DOCTYPE")) {
			q = memchr(p, '>', (size_t)(end - p));
			if (!q || memchr(p, '[', (size_t)(q - p)))
				return NULL;
			p = q + 1;
		} else {
			return starts(p, end, "<svg") ? p : NULL;
		}
	}
}

int html_svg(FILE *f, const char *svg, const char *prefix, const char *title)
{
	const char *end = svg + strlen(svg), *p = prolog(svg, end);
	if (!p)
		return -1;
	struct svg_state st = {.prefix = prefix, .title = title};
	char *buf = NULL;
	size_t n = 0;
	if (!(st.f = open_memstream(&buf, &n)))
		return -1;
	int rc = svg_body(&st, p, end);
	if (fclose(st.f) != 0)
		rc = -1;
	if (rc == 0) {
		fwrite(buf, 1, n, f);
		fputc('\n', f);
	}
	free(buf);
	return rc;
}
