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
#define PUT(v)                                                                    \
	(nstar == 0   ? fprintf(f, spec, v)                                           \
	 : nstar == 1 ? fprintf(f, spec, star[0], v)                                  \
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

/* ---- SVG ---- */

/* p starts the tag <name followed by a space, '>' or '/'. */
static bool is_tag(const char *p, const char *name)
{
	size_t n = strlen(name);
	return p[0] == '<' && strncmp(p + 1, name, n) == 0 &&
	       (p[n + 1] == '>' || p[n + 1] == '/' || p[n + 1] == ' ' || p[n + 1] == '\t' ||
		p[n + 1] == '\n' || p[n + 1] == '\r');
}

/* Where text ends: the first of needle in [p, end), else end; *after
 * then points past it. */
static const char *until(const char *p, const char *end, const char *needle,
			 const char **after)
{
	size_t n = strlen(needle);
	for (const char *q = p; q + n <= end; q++) {
		if (memcmp(q, needle, n) == 0) {
			*after = q + n;
			return q;
		}
	}
	*after = end;
	return end;
}

/* Copy s[0..n), with url(#x) made url(#PREFIXx). */
static void put_refs(FILE *f, const char *s, size_t n, const char *prefix)
{
	const char *end = s + n, *p = s;
	for (;;) {
		const char *after;
		const char *u = until(p, end, "url(", &after);
		fwrite(p, 1, (size_t)(after - p), f);
		if (u == end)
			return;
		p = after;
		if (p < end && (*p == '\'' || *p == '"'))
			fputc(*p++, f);
		if (p < end && *p == '#') {
			fputc('#', f);
			fputs(prefix, f);
			p++;
		}
	}
}

static bool ends_with(const char *s, size_t n, const char *tail)
{
	size_t t = strlen(tail);
	return n >= t && strncasecmp(s + n - t, tail, t) == 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A start tag at *p (p[0] == '<'), attributes rewritten; *p moves past it. */
static void start_tag(FILE *f, const char **pp, const char *end, const char *prefix, bool root)
{
	const char *p = *pp + 1;
	fputc('<', f);
	while (p < end && !is_space(*p) && *p != '>' && *p != '/')
		fputc(*p++, f);
	if (root)
		fputs(" role=\"img\"", f);
	while (p < end) {
		while (p < end && is_space(*p))
			p++;
		if (p >= end)
			break;
		if (*p == '>' || (*p == '/' && p + 1 < end && p[1] == '>')) {
			fputs(*p == '/' ? "/>" : ">", f);
			p += *p == '/' ? 2 : 1;
			break;
		}
		const char *name = p;
		while (p < end && !is_space(*p) && *p != '=' && *p != '>' && *p != '/')
			p++;
		size_t nn = (size_t)(p - name);
		if (nn == 0) { /* a stray '/': skip it */
			p++;
			continue;
		}
		while (p < end && is_space(*p))
			p++;
		const char *val = NULL;
		size_t nv = 0;
		char q = '"';
		if (p < end && *p == '=') {
			p++;
			while (p < end && is_space(*p))
				p++;
			if (p < end && (*p == '"' || *p == '\'')) {
				q = *p++;
				val = p;
				while (p < end && *p != q)
					p++;
				nv = (size_t)(p - val);
				p += p < end;
			} else {
				val = p;
				while (p < end && !is_space(*p) && *p != '>')
					p++;
				nv = (size_t)(p - val);
			}
		}
		bool href = ends_with(name, nn, "href");
		if ((nn >= 5 && strncasecmp(name, "xmlns", 5) == 0) ||
		    (nn >= 2 && strncasecmp(name, "on", 2) == 0) ||
		    (nn == 3 && strncasecmp(name, "src", 3) == 0) ||
		    (href && !(val && nv && val[0] == '#')))
			continue; /* nothing from outside, no code */
		fputc(' ', f);
		fwrite(name, 1, nn, f);
		if (!val)
			continue;
		fputc('=', f);
		fputc(q, f);
		if (nn == 2 && strncasecmp(name, "id", 2) == 0) {
			fputs(prefix, f);
			fwrite(val, 1, nv, f);
		} else if (href) {
			fputc('#', f);
			fputs(prefix, f);
			fwrite(val + 1, 1, nv - 1, f);
		} else {
			put_refs(f, val, nv, prefix);
		}
		fputc(q, f);
	}
	*pp = p;
}

int html_svg(FILE *f, const char *svg, const char *prefix, const char *title)
{
	const char *start = svg;
	while ((start = strstr(start, "<svg")) && !is_tag(start, "svg"))
		start++;
	const char *end = NULL;
	for (const char *q = start; q && (q = strstr(q, "</svg>")); q++)
		end = q;
	if (!start || !end)
		return -1;
	end += strlen("</svg>");
	bool titled = false, root = true;
	const char *p = start, *after;
	while (p < end) {
		if (*p != '<') {
			const char *q = memchr(p, '<', (size_t)(end - p));
			q = q ? q : end;
			put_refs(f, p, (size_t)(q - p), prefix);
			p = q;
		} else if (strncmp(p, "<!--", 4) == 0) {
			until(p + 4, end, "-->", &after);
			p = after;
		} else if (strncmp(p, "<![CDATA[", 9) == 0) {
			const char *q = until(p, end, "]]>", &after);
			put_refs(f, p, (size_t)(q - p), prefix);
			fwrite(q, 1, (size_t)(after - q), f);
			p = after;
		} else if (p[1] == '?' || p[1] == '!') {
			until(p, end, ">", &after);
			p = after;
		} else if (is_tag(p, "script")) {
			const char *gt = until(p, end, ">", &after);
			p = after;
			if (gt > p && gt[-1] == '/') /* <script .../> */
				continue;
			until(p, end, "</script", &after);
			until(after, end, ">", &p);
		} else if (title && !titled && is_tag(p, "title")) {
			until(p, end, "</title>", &after);
			fputs("<title>", f);
			html_text(f, title);
			fputs("</title>", f);
			titled = true;
			p = after;
		} else if (p[1] == '/') {
			const char *gt = until(p, end, ">", &after);
			fwrite(p, 1, (size_t)(gt - p), f);
			fputc('>', f);
			p = after;
		} else {
			start_tag(f, &p, end, prefix, root);
			root = false;
		}
	}
	fputc('\n', f);
	return 0;
}
