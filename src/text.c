/* text.c - display width of UTF-8 text. */
#include "text.h"

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

void text_escape(char *s, size_t n)
{
	char t[1024];
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && k + 5 < sizeof t; p++) {
		if (*p >= 0x20 && *p != 0x7f) {
			t[k++] = (char)*p;
		} else if (*p == '\n' || *p == '\r') {
			t[k++] = '\\';
			t[k++] = *p == '\n' ? 'n' : 'r';
		} else {
			k += (size_t)snprintf(t + k, sizeof t - k, "\\x%02x", *p);
		}
	}
	t[k] = '\0';
	snprintf(s, n, "%s", t);
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
