/* serve_json.c - the little JSON serve needs: a flat object of overrides
 * read strictly (RFC 8259, no extensions), and answers written. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "room.h"
#include "serve.h"
#include "text.h"
#include "i18n.h"

struct reader {
	const char *p, *start, *end;
	char *err;
	size_t errlen;
};

/* what: an N_() text, translated here */
static int fail(struct reader *r, const char *what)
{
	snprintf(r->err, r->errlen, _("malformed JSON at byte %zu: %s"), (size_t)(r->p - r->start),
		 _(what));
	return -1;
}

static void skip_ws(struct reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static int hex4(struct reader *r, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++, r->p++) {
		if (r->p >= r->end)
			return fail(r, N_("a \\u escape is cut short"));
		char c = *r->p;
		int d = c >= '0' && c <= '9'   ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;
		if (d < 0)
			return fail(r, N_("a \\u escape needs four hex digits"));
		*v = *v * 16 + (unsigned)d;
	}
	return 0;
}

/* Append code point cp as UTF-8 to out[n] at *k; -1 when it does not fit. */
static int put_utf8(char *out, size_t n, size_t *k, unsigned cp)
{
	unsigned char b[4];
	size_t len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	if (len == 1) {
		b[0] = (unsigned char)cp;
	} else {
		for (size_t i = len - 1; i > 0; i--, cp >>= 6)
			b[i] = (unsigned char)(0x80 | (cp & 0x3F));
		b[0] = (unsigned char)((len == 2 ? 0xC0 : len == 3 ? 0xE0 : 0xF0) | cp);
	}
	if (*k + len >= n)
		return -1;
	memcpy(out + *k, b, len);
	*k += len;
	return 0;
}

/* A string at r->p (its opening quote) into out[n]. */
static int string(struct reader *r, char *out, size_t n, const char *what)
{
	size_t k = 0;
	r->p++;
	while (r->p < r->end && *r->p != '"') {
		unsigned char c = (unsigned char)*r->p;
		if (c < 0x20)
			return fail(r, N_("a control character inside a string"));
		if (c == '\\') {
			r->p++;
			if (r->p >= r->end)
				return fail(r, N_("a string is cut short"));
			char e = *r->p++;
			const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
			const char *at = e ? strchr(from, e) : NULL;
			unsigned cp;
			if (at) {
				cp = (unsigned char)to[at - from];
			} else if (e == 'u') {
				if (hex4(r, &cp) != 0)
					return -1;
				if (cp >= 0xD800 && cp < 0xDC00) { /* a surrogate pair */
					unsigned lo;
					if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
						return fail(r,
							    N_("a lone surrogate in a \\u escape"));
					r->p += 2;
					if (hex4(r, &lo) != 0)
						return -1;
					if (lo < 0xDC00 || lo > 0xDFFF)
						return fail(r,
							    N_("a lone surrogate in a \\u escape"));
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				} else if (cp >= 0xDC00 && cp < 0xE000) {
					return fail(r, N_("a lone surrogate in a \\u escape"));
				}
				if (cp == 0)
					return fail(r, N_("\\u0000 in a string"));
			} else {
				return fail(r, N_("an unknown escape in a string"));
			}
			if (put_utf8(out, n, &k, cp) != 0)
				goto long_;
			continue;
		}
		int len = text_utf8_len((const unsigned char *)r->p);
		if (len <= 0 || r->p + len > r->end)
			return fail(r, N_("a string is not valid UTF-8"));
		if (k + (size_t)len >= n)
			goto long_;
		memcpy(out + k, r->p, (size_t)len);
		k += (size_t)len;
		r->p += len;
	}
	if (r->p >= r->end)
		return fail(r, N_("a string is not closed"));
	r->p++;
	out[k] = '\0';
	return 0;
long_:
	snprintf(r->err, r->errlen, _("%s longer than %zu bytes"), _(what), n - 1);
	return -1;
}

/* A number's text (JSON's grammar) into out[n]. */
static int number(struct reader *r, char *out, size_t n)
{
	const char *s = r->p;
	if (r->p < r->end && *r->p == '-')
		r->p++;
#define DIGITS(min)                                                   \
	do {                                                          \
		const char *d0 = r->p;                                \
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9') \
			r->p++;                                       \
		if (r->p - d0 < (min))                                \
			return fail(r, N_("a number needs digits"));  \
	} while (0)
	if (r->p < r->end && *r->p == '0')
		r->p++;
	else
		DIGITS(1);
	if (r->p < r->end && *r->p == '.') {
		r->p++;
		DIGITS(1);
	}
	if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
		r->p++;
		if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
			r->p++;
		DIGITS(1);
	}
#undef DIGITS
	if ((size_t)(r->p - s) >= n)
		return fail(r, N_("a number is too long"));
	snprintf(out, n, "%.*s", (int)(r->p - s), s);
	return 0;
}

static bool word(struct reader *r, const char *w)
{
	size_t k = strlen(w);
	if ((size_t)(r->end - r->p) < k || memcmp(r->p, w, k) != 0)
		return false;
	r->p += k;
	return true;
}

int serve_json_overrides(const char *text, size_t len, struct serve_overrides *ov, char *err,
			 size_t errlen)
{
	struct reader r = {text, text, text + len, err, errlen};
	ov->n = 0;
	skip_ws(&r);
	if (r.p >= r.end || *r.p != '{')
		return fail(&r, N_("expected an object {\"section.key\": \"value\", ...}"));
	r.p++;
	skip_ws(&r);
	if (r.p < r.end && *r.p == '}') {
		r.p++;
	} else {
		for (;;) {
			skip_ws(&r);
			if (r.p >= r.end || *r.p != '"')
				return fail(&r, N_("expected a key in double quotes"));
			if (ov->n == SERVE_MAX_OVERRIDES) {
				snprintf(err, errlen, _("more than %d overrides"),
					 SERVE_MAX_OVERRIDES);
				return -1;
			}
			struct serve_override *o = &ov->o[ov->n];
			if (string(&r, o->key, sizeof o->key, N_("a key")) != 0)
				return -1;
			for (int k = 0; k < ov->n; k++)
				if (strcmp(ov->o[k].key, o->key) == 0) {
					snprintf(err, errlen, _("%s is given twice"), o->key);
					return -1;
				}
			skip_ws(&r);
			if (r.p >= r.end || *r.p != ':')
				return fail(&r, N_("expected ':' after a key"));
			r.p++;
			skip_ws(&r);
			if (r.p < r.end && *r.p == '"') {
				if (string(&r, o->value, sizeof o->value, N_("a value")) != 0)
					return -1;
			} else if (r.p < r.end && (*r.p == '-' || (*r.p >= '0' && *r.p <= '9'))) {
				if (number(&r, o->value, sizeof o->value) != 0)
					return -1;
			} else if (word(&r, "true")) {
				snprintf(o->value, sizeof o->value, "true");
			} else if (word(&r, "false")) {
				snprintf(o->value, sizeof o->value, "false");
			} else {
				snprintf(err, errlen,
					 _("%s: expected a string, a number, true or false as its "
					   "value"),
					 o->key);
				return -1;
			}
			ov->n++;
			skip_ws(&r);
			if (r.p < r.end && *r.p == ',') {
				r.p++;
				continue;
			}
			if (r.p < r.end && *r.p == '}') {
				r.p++;
				break;
			}
			return fail(&r, N_("expected ',' or '}'"));
		}
	}
	skip_ws(&r);
	if (r.p != r.end)
		return fail(&r, N_("text after the object"));
	return 0;
}

/* ---- writing ---- */

static void grow(struct jbuf *b, size_t more)
{
	if (!b->oom && !room(&b->p, &b->cap, b->n, more + 1, 1))
		b->oom = true;
}

void jb_put(struct jbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || (grow(b, (size_t)len), b->oom))
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)len + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)len;
}

void jb_str(struct jbuf *b, const char *s)
{
	jb_put(b, "\"");
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			jb_put(b, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			jb_put(b, "\\u%04x", c);
		else if (c == '<') /* never "</script" inside a page */
			jb_put(b, "\\u003c");
		else
			jb_put(b, "%c", c);
	}
	jb_put(b, "\"");
}

void jb_num(struct jbuf *b, double v)
{
	if (!isfinite(v))
		jb_put(b, "null");
	else if (v == floor(v) && fabs(v) < 1e15)
		jb_put(b, "%.0f", v);
	else
		jb_put(b, "%.2f", v);
}

void jb_free(struct jbuf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}
