/* text.h - lining up columns that hold Chinese text. */
#ifndef FUNDSIM_TEXT_H
#define FUNDSIM_TEXT_H

#include <stdio.h>

/* Columns s takes on a terminal: CJK characters take two. */
int text_width(const char *s);

/* Print s left-aligned in width columns (at least one space after). */
void text_pad(FILE *f, const char *s, int width);

#endif
