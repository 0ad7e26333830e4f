/* text.c - display width of UTF-8 text; text quoted in messages. */
#include "text.h"

#include "i18n.h"

#include <stdlib.h>
#include <string.h>

int text_width(const char *s)
{
	int w = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p < 0x80) {
			w++;
			p++;
		} else if (*p < 0xE0) {
			w++;
			p += p[1] ? 2 : 1;
		} else if (*p < 0xF0) {
			w += *p >= 0xE3 ? 2 : 1; /* U+3000 up: CJK, full width; ‰ is not */
			p += (p[1] && p[2]) ? 3 : 1;
		} else {
			w += 2;
			p += (p[1] && p[2] && p[3]) ? 4 : 1;
		}
	}
	return w;
}

void text_pad(FILE *f, const char *s, int width)
{
	fputs(s, f);
	for (int w = text_width(s); w < width; w++)
		fputc(' ', f);
	fputc(' ', f);
}

size_t text_utf8_cut(const char *s, size_t len)
{
	size_t i = len, back = 0;
	while (i > 0 && back < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) {
		i--;
		back++;
	}
	if (i == 0)
		return len;
	unsigned c = (unsigned char)s[i - 1];
	size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	return need > back + 1 ? i - 1 : len; /* a lead byte short of its tail */
}

int text_utf8_len(const unsigned char *p)
{
	if (p[0] < 0x80)
		return 1;
	int len = p[0] < 0xC2 ? 0 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : p[0] < 0xF5 ? 4 : 0;
	unsigned lo = p[0] == 0xE0 ? 0xA0 : p[0] == 0xF0 ? 0x90 : 0x80;
	unsigned hi = p[0] == 0xED ? 0x9F : p[0] == 0xF4 ? 0x8F : 0xBF;
	if (!len || p[1] < lo || p[1] > hi)
		return 0; /* a NUL stops here too: no read past the end */
	for (int i = 2; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

unsigned text_utf8_code(const unsigned char *p, int len)
{
	static const unsigned char lead[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
	unsigned c = p[0] & lead[len > 0 && len < 5 ? len : 1];
	for (int i = 1; i < len; i++)
		c = c << 6 | (p[i] & 0x3F);
	return c;
}

static const struct {
	unsigned lo, hi;
	const char *name;
} invisibles[] = {
	{0x00A0, 0x00A0, N_("no-break space")},
	{0x00AD, 0x00AD, N_("soft hyphen")},
	{0x180E, 0x180E, N_("Mongolian vowel separator")},
	{0x2000, 0x200A, N_("a typographic space")},
	{0x200B, 0x200B, N_("zero-width space")},
	{0x200C, 0x200D, N_("zero-width joiner")},
	{0x200E, 0x200F, N_("direction mark")},
	{0x2028, 0x2029, N_("line or paragraph separator")},
	{0x202A, 0x202E, N_("direction control")},
	{0x202F, 0x202F, N_("narrow no-break space")},
	{0x205F, 0x205F, N_("medium mathematical space")},
	{0x2060, 0x206F, N_("invisible formatting character")},
	{0xFEFF, 0xFEFF, N_("byte order mark")},
};

const char *text_invisible(unsigned c)
{
	for (size_t i = 0; i < sizeof invisibles / sizeof *invisibles; i++)
		if (c >= invisibles[i].lo && c <= invisibles[i].hi)
			return invisibles[i].name;
	return NULL;
}

size_t text_escape_to(char *dst, size_t n, const char *src)
{
	size_t k = 0;
	if (n == 0)
		return 0;
	for (const unsigned char *p = (const unsigned char *)src; *p;) {
		char piece[16];
		size_t m = 0;
		int len = text_utf8_len(p), adv = len ? len : 1;
		if (len == 1 && *p >= 0x20 && *p != 0x7f) {
			piece[m++] = (char)*p;
		} else if (*p == '\n' || *p == '\r' || *p == '\t') {
			piece[m++] = '\\';
			piece[m++] = *p == '\n' ? 'n' : *p == '\r' ? 'r' : 't';
		} else if (len > 1 && !(p[0] == 0xC2 && p[1] < 0xA0)) {
			memcpy(piece, p, (size_t)len); /* a printable character: as it is */
			m = (size_t)len;
		} else { /* C0, DEL, C1 (a terminal may obey U+009B as CSI), invalid */
			for (int i = 0; i < adv; i++)
				m += (size_t)snprintf(piece + m, sizeof piece - m, "\\x%02x", p[i]);
		}
		if (k + m >= n)
			break; /* cut before the character, never inside it */
		memcpy(dst + k, piece, m);
		k += m;
		p += adv;
	}
	dst[k] = '\0';
	return k;
}

void text_escape(char *s, size_t n)
{
	char t[4096];
	snprintf(t, sizeof t, "%s", s);
	size_t len = strlen(t);
	if (len + 1 >= n || len + 1 == sizeof t) /* filled its buffer: maybe cut mid-character */
		t[text_utf8_cut(t, len)] = '\0';
	text_escape_to(s, n, t);
}

size_t text_distance(const char *a, const char *b, bool fold_case)
{
	size_t la = strlen(a), lb = strlen(b), row[64];
	if (la >= 63 || lb >= 63)
		return 99;
	int fold = fold_case ? 0x20 : 0;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + ((a[i - 1] | fold) != (b[j - 1] | fold));
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *text_grouped(long v, char *buf, size_t n)
{
	char d[32];
	int len = snprintf(d, sizeof d, "%ld", v), k = 0;
	for (int i = 0; i < len && (size_t)k + 2 < n; i++) {
		if (i > 0 && d[i - 1] != '-' && (len - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = d[i];
	}
	buf[k] = '\0';
	return buf;
}

const char *text_shown(const char *src, char *buf, size_t n)
{
	text_escape_to(buf, n, src);
	return buf;
}
