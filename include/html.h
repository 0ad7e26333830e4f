/* html.h - writing HTML: text escaped for element content and quoted
 * attribute values, and SVG images inlined into a page.
 *
 * Markup is what the program writes; text is what comes from outside
 * (scenario names, parameter values, paths) and is always escaped on the
 * way out. The functions write to a FILE the caller owns and keep no
 * state. */
#ifndef FUNDSIM_HTML_H
#define FUNDSIM_HTML_H

#include <stdio.h>

/* s with & < > " ' as character references: safe in element content and
 * in a quoted attribute value. Control characters other than tab and
 * newline are dropped (HTML has no way to write them). NULL writes
 * nothing. */
void html_text(FILE *f, const char *s);

/* printf, where the format is markup written as is and every %s argument
 * is text, escaped as html_text does (%.*s escapes the first n bytes).
 * Other conversions (%d %ld %lld %zu %u %f %g %e %c %% with flags, width
 * and precision, * included) print as printf prints them. */
void html_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Write svg, the text of an SVG file (e.g. one gnuplot wrote), as an
 * element of an HTML page:
 *  - what precedes the <svg> element (XML prolog, doctype, comments) and
 *    comments inside it are left out;
 *  - every id gets prefix in front ("fig1-" + "gnuplot_canvas"), and so
 *    does every reference to one inside the image (href="#x",
 *    xlink:href='#x', url(#x)), so that several images on one page keep
 *    their ids apart and each still points at its own definitions;
 *  - references to anything outside the image (href or src naming a file
 *    or a URL), xmlns declarations (an HTML page needs none), event
 *    handlers (on...) and <script> elements are removed: the page needs
 *    nothing but itself and runs no code;
 *  - title, when not NULL, replaces the text of the image's first <title>
 *    (escaped): screen readers and tooltips say what the chart is.
 * prefix must be a valid id start (letters, digits, '-', '_'). Returns 0,
 * or -1 when svg holds no <svg ...> ... </svg> element (nothing written). */
int html_svg(FILE *f, const char *svg, const char *prefix, const char *title);

#endif
