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
 * element of an HTML page. The image is parsed as XML and written again
 * from an allowlist, never copied (defence in depth: a tampered image
 * must not run code in the page or fetch anything):
 *  - before the root <svg>: the XML declaration, comments and a DOCTYPE
 *    without an internal subset, all left out; after it, blanks and
 *    comments only;
 *  - elements: the shapes, text, groups, definitions, patterns and
 *    filters gnuplot's svg terminal writes (html.c lists them), case as
 *    XML spells them. Any other (script, style, foreignObject, a, image,
 *    animate, set, <SCRIPT> ...) is left out with all it holds, and so is
 *    an element inside title or desc;
 *  - attributes: geometry and presentation only; no on..., no src, no
 *    xmlns. href and xlink:href must be "#id"; url() only url(#id); a
 *    style only sets presentation properties; a value naming
 *    javascript:, vbscript:, data: or expression(, or holding a CSS
 *    escape, @, { } or a comment, is left out. Values and text are
 *    decoded (XML's five entities and character references) before they
 *    are checked and escaped again after, so "&#106;avascript:" is
 *    caught; CDATA is text;
 *  - every id gets prefix in front ("fig1-" + "gnuplot_canvas"), and so
 *    does every reference to one (href="#x", url(#x)), so that several
 *    images on one page keep their ids apart;
 *  - title, when not NULL, replaces the text of the image's first <title>
 *    (escaped): screen readers and tooltips say what the chart is.
 * prefix must be a valid id start (letters, digits, '-', '_'). Returns 0,
 * or -1 with nothing written when svg is not well-formed XML with one
 * <svg> root (unclosed or mismatched tags, unquoted or repeated
 * attributes, an entity XML does not define, a processing instruction or
 * DOCTYPE inside, nesting deeper than 64) or memory ran out. */
int html_svg(FILE *f, const char *svg, const char *prefix, const char *title);

#endif
