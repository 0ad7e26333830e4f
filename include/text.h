/* text.h - lining up columns that hold Chinese text; messages that
 * quote input. */
#ifndef FUNDSIM_TEXT_H
#define FUNDSIM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Columns s takes on a terminal: CJK characters take two. */
int text_width(const char *s);

/* Print s left-aligned in width columns (at least one space after). */
void text_pad(FILE *f, const char *s, int width);

/* Copy src into dst (n bytes) as one printable line: \n, \r, \t for
 * those, \xNN for each byte of other C0 and C1 control characters, DEL
 * and bytes that are not valid UTF-8; valid UTF-8 (Chinese) stays as it
 * is. A backslash stays as it is, so escaping escaped text changes
 * nothing: a reader may escape the name it quotes and say() the whole
 * message again. When dst is too small the text is cut before a whole
 * character or escape, never inside one. Returns strlen(dst). */
size_t text_escape_to(char *dst, size_t n, const char *src);

/* src escaped as text_escape_to does, into buf (n bytes); returns buf.
 * SHOWN(s) does it into a buffer of its own, for one printf argument. */
const char *text_shown(const char *src, char *buf, size_t n);
#define SHOWN(s) text_shown((s), (char[1024]){0}, 1024)

/* text_escape_to in place: s holds at most n bytes. A string that fills
 * its buffer is taken as cut by snprintf and loses a partial character
 * at its end first. */
void text_escape(char *s, size_t n);

/* Bytes in the valid UTF-8 character at p (1 to 4), 0 when p starts no
 * valid one (a stray continuation, an overlong form, a surrogate, a cut);
 * reads no further than a NUL. */
int text_utf8_len(const unsigned char *p);

/* The code point of the valid UTF-8 character at p of len bytes
 * (text_utf8_len). */
unsigned text_utf8_code(const unsigned char *p, int len);

/* When code point c shows nothing, or as a space, in Excel and on a
 * terminal, or changes how text around it shows (no-break and other odd
 * spaces, zero-width characters, soft hyphen, direction controls: U+202E
 * turns "gpj.exe" round, byte order mark): what it is, in English (a
 * msgid: translate it); else NULL. Such a character in a name or an
 * identifier makes two that look the same differ, or one look like
 * another. */
const char *text_invisible(unsigned c);

/* Whether code point c is a control character: C0, DEL or C1. */
static inline bool text_control(unsigned c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/* len, or less so that s[0..len) does not end inside a UTF-8 character
 * (as snprintf leaves a message it cut to fit). */
size_t text_utf8_cut(const char *s, size_t len);

/* Levenshtein distance of two short ASCII words, for "did you mean"
 * suggestions: byte for byte, or with fold_case letter case ignored
 * (each byte | 0x20). Words of 63 bytes or more are 99 apart. */
size_t text_distance(const char *a, const char *b, bool fold_case);

/* v with thousands separators ("20,000") into buf (n bytes); returns buf. */
const char *text_grouped(long v, char *buf, size_t n);

#endif
