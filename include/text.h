/* text.h - lining up columns that hold Chinese text; messages that
 * quote input. */
#ifndef FUNDSIM_TEXT_H
#define FUNDSIM_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Columns s takes on a terminal: CJK characters take two. */
int text_width(const char *s);

/* Print s left-aligned in width columns (at least one space after). */
void text_pad(FILE *f, const char *s, int width);

/* Make s, a message that quotes input, one printable line: newlines and
 * other control characters become \n, \r, \x01 ..., in place; s holds
 * at most n bytes and is cut to fit. */
void text_escape(char *s, size_t n);

/* v with thousands separators ("20,000") into buf (n bytes); returns buf. */
const char *text_grouped(long v, char *buf, size_t n);

#endif
