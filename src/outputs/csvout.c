/* csvout.c - CSV text fields a spreadsheet reads as text (csvout.h). */
#include "csvout.h"

#include <stdbool.h>
#include <string.h>

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* [+-]digits[.digits][e[+-]digits], or .digits: a number, not a formula. */
static bool plain_number(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	size_t n = 0;
	while (digit(*s))
		s++, n++;
	if (*s == '.')
		for (s++; digit(*s); s++)
			n++;
	if (n == 0)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!digit(*s))
			return false;
		while (digit(*s))
			s++;
	}
	return *s == '\0';
}

void csv_bom(FILE *f)
{
	fputs("\xEF\xBB\xBF", f);
}

void csv_text(FILE *f, const char *s)
{
	if (!s)
		return;
	/* OWASP: these make a spreadsheet read the cell as a formula */
	bool formula = s[0] && strchr("=+-@\t\r\n", s[0]) && !plain_number(s);
	/* ';' too: in locales whose list separator it is, it splits cells */
	if (!strpbrk(s, ",;\"\r\n")) {
		if (formula)
			fputc('\'', f);
		fputs(s, f);
		return;
	}
	fputc('"', f);
	if (formula)
		fputc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}
