/* check_report.c - the briefing report: the escaping writer and SVG
 * inlining of html.c (with hostile images: script, foreignObject, event
 * attributes, javascript: and external url() however spelled, malformed
 * XML), CSV text cells a spreadsheet must not run (csvout.c), the
 * draft's readings, and `fundsim report` run on a
 * small scenario into a mkdtemp folder, its page checked for what a
 * reader and a browser need: balanced tags, the run's headline total,
 * the charts inline with ids apart and nothing fetched from elsewhere,
 * escaped names, the parameters that differ from the draft.
 *
 * The chart checks need gnuplot (make deps installs it) and say so when
 * it is absent. */
#include <check.h>
#include <dirent.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "briefing.h"
#include "charts.h"
#include "commands.h"
#include "i18n.h"
#include "csvout.h"
#include "html.h"
#include "money.h"
#include "params.h"
#include "tmpdir.h"

/* ---- capturing what a writer writes ---- */

struct capture {
	char *buf;
	size_t len;
	FILE *f;
};

static void cap_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	ck_assert_ptr_nonnull(c->f);
}

static char *cap_close(struct capture *c)
{
	fclose(c->f);
	return c->buf;
}

/* ---- html_text and html_printf ---- */

START_TEST(text_escapes_the_five_characters_that_html_reads_as_markup)
{
	struct capture c;
	cap_open(&c);
	html_text(c.f, "R&D <pilot> \"a\" 'b'");
	char *s = cap_close(&c);
	ck_assert_str_eq(s, "R&amp;D &lt;pilot&gt; &quot;a&quot; &#39;b&#39;");
	free(s);
}
END_TEST

START_TEST(text_keeps_chinese_tabs_and_newlines_and_drops_other_control_characters)
{
	struct capture c;
	cap_open(&c);
	html_text(c.f, "第3条\t进档\n补差\x01\x1b[1m\x7f");
	html_text(c.f, NULL); /* writes nothing */
	char *s = cap_close(&c);
	ck_assert_str_eq(s, "第3条\t进档\n补差[1m");
	free(s);
}
END_TEST

START_TEST(printf_escapes_every_string_argument_and_prints_numbers_as_printf_does)
{
	struct capture c;
	cap_open(&c);
	html_printf(c.f,
		    "<td class=\"n\">%s|%d|%5.2f|%ld|%lld|%zu|%u|%x|%c|%%|%-4d|%*d|%.*s|%g</td>",
		    "<&>", -3, 3.14159, 1234567890L, -9876543210LL, (size_t)42, 7u, 255u, 'q', 5, 3,
		    7, 3, "a<bcdef", 0.5);
	char *s = cap_close(&c);
	ck_assert_str_eq(s,
			 "<td class=\"n\">&lt;&amp;&gt;|-3| 3.14|1234567890|-9876543210|42|7|ff|q|"
			 "%|5   |  7|a&lt;b|0.5</td>");
	free(s);
}
END_TEST

/* ---- html_svg ---- */

static const char *const svg_in =
	"<?xml version=\"1.0\" encoding=\"utf-8\"  standalone=\"no\"?>\n"
	"<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/"
	"DTD/svg11.dtd\">\n"
	"<svg \n viewBox=\"0 0 1280 720\"\n xmlns=\"http://www.w3.org/2000/svg\"\n"
	" xmlns:xlink=\"http://www.w3.org/1999/xlink\"\n>\n"
	"<title>Gnuplot</title>\n<!-- a comment with <g id=\"no\"> -->\n"
	"<g id=\"gnuplot_canvas\" onclick=\"gnuplot_svg.toggleVisibility(evt)\">\n"
	"<defs><path id='gpPt1' d='M-1,0 h2'/><pattern id=\"gpPat1\"/></defs>\n"
	"<use xlink:href='#gpPt1' x='3'/><use href=\"#gpPt1\"/>\n"
	"<rect fill=\"url(#gpPat1)\" style=\"fill:url('#gpPat1')\"/>\n"
	"<image xlink:href=\"logo.png\" width=\"2\"/><image src=\"http://example.com/x.png\"/>\n"
	"<a href=\"https://example.com/\">link</a>\n"
	"<script type=\"text/javascript\" xlink:href=\"gnuplot_svg.js\"/>\n"
	"<script type=\"text/javascript\"><![CDATA[ alert('<svg>'); ]]></script>\n"
	"<text>R&amp;D &lt;pilot> url(#gpPat1)</text>\n"
	"</g>\n</svg>\n";

START_TEST(svg_loses_its_prolog_and_comments_and_keeps_its_drawing)
{
	struct capture c;
	cap_open(&c);
	ck_assert_int_eq(html_svg(c.f, svg_in, "fig1-", NULL), 0);
	char *s = cap_close(&c);
	ck_assert_msg(strncmp(s, "<svg role=\"img\" viewBox=\"0 0 1280 720\">", 39) == 0, "%s", s);
	ck_assert_ptr_null(strstr(s, "<?xml"));
	ck_assert_ptr_null(strstr(s, "DOCTYPE"));
	ck_assert_ptr_null(strstr(s, "<!--"));
	ck_assert_ptr_nonnull(strstr(s, "<title>Gnuplot</title>"));
	/* text is text: decoded, escaped again, never rewritten */
	ck_assert_ptr_nonnull(strstr(s, "<text>R&amp;D &lt;pilot&gt; url(#gpPat1)</text>"));
	ck_assert_ptr_nonnull(strstr(s, "</g>\n</svg>\n"));
	free(s);
}
END_TEST

START_TEST(svg_ids_and_the_references_to_them_get_the_prefix)
{
	struct capture c;
	cap_open(&c);
	ck_assert_int_eq(html_svg(c.f, svg_in, "fig2-", NULL), 0);
	char *s = cap_close(&c);
	ck_assert_ptr_nonnull(strstr(s, "<g id=\"fig2-gnuplot_canvas\">"));
	ck_assert_ptr_nonnull(strstr(s, "<path id=\"fig2-gpPt1\" d=\"M-1,0 h2\"/>"));
	ck_assert_ptr_nonnull(strstr(s, "<pattern id=\"fig2-gpPat1\"/>"));
	ck_assert_ptr_nonnull(strstr(s, "<use xlink:href=\"#fig2-gpPt1\" x=\"3\"/>"));
	ck_assert_ptr_nonnull(strstr(s, "<use href=\"#fig2-gpPt1\"/>"));
	ck_assert_ptr_nonnull(strstr(s, "fill=\"url(#fig2-gpPat1)\""));
	ck_assert_ptr_nonnull(strstr(s, "style=\"fill:url(&#39;#fig2-gpPat1&#39;)\""));
	ck_assert_ptr_null(strstr(s, "\"#gp"));
	ck_assert_ptr_null(strstr(s, "'#gp"));
	free(s);
}
END_TEST

START_TEST(svg_fetches_nothing_from_elsewhere_and_runs_no_code)
{
	struct capture c;
	cap_open(&c);
	ck_assert_int_eq(html_svg(c.f, svg_in, "f-", NULL), 0);
	char *s = cap_close(&c);
	ck_assert_ptr_null(strstr(s, "http"));
	ck_assert_ptr_null(strstr(s, "logo.png"));
	ck_assert_ptr_null(strstr(s, "src="));
	ck_assert_ptr_null(strstr(s, "xmlns"));
	ck_assert_ptr_null(strstr(s, "script"));
	ck_assert_ptr_null(strstr(s, "alert"));
	ck_assert_ptr_null(strstr(s, "onclick"));
	ck_assert_ptr_null(strstr(s, "<image")); /* not on the list: gone with what it holds */
	ck_assert_ptr_null(strstr(s, ">link<"));
	ck_assert_ptr_nonnull(strstr(s, "\n\n\n<text>"));
	free(s);
}
END_TEST

START_TEST(svg_title_is_replaced_by_the_given_one_escaped)
{
	struct capture c;
	cap_open(&c);
	ck_assert_int_eq(html_svg(c.f, svg_in, "f-", "Cost of R&D <pilot>"), 0);
	char *s = cap_close(&c);
	ck_assert_ptr_nonnull(strstr(s, "<title>Cost of R&amp;D &lt;pilot&gt;</title>"));
	ck_assert_ptr_null(strstr(s, "Gnuplot"));
	free(s);
}
END_TEST

START_TEST(text_without_an_svg_element_is_refused_and_nothing_written)
{
	static const char *const bad[] = {"", "<?xml version=\"1.0\"?>", "<svgx></svgx>",
					  "<svg viewBox=\"0 0 1 1\">", "<html><p>no</p></html>"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct capture c;
		cap_open(&c);
		ck_assert_int_eq(html_svg(c.f, bad[i], "f-", NULL), -1);
		char *s = cap_close(&c);
		ck_assert_msg(c.len == 0, "wrote \"%s\" for \"%s\"", s, bad[i]);
		free(s);
	}
}
END_TEST

/* ---- html_svg against hostile images: an allowlist, strict XML ---- */

/* body inside <svg viewBox="0 0 1 1">...</svg> through html_svg: what it
 * wrote (caller frees), or NULL when refused (then nothing was written). */
static char *sanitized(const char *body)
{
	char *in = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&in, &n);
	fprintf(m, "<svg viewBox=\"0 0 1 1\">%s</svg>", body);
	fclose(m);
	struct capture c;
	cap_open(&c);
	int rc = html_svg(c.f, in, "f-", NULL);
	char *s = cap_close(&c);
	free(in);
	if (rc != 0) {
		ck_assert_msg(c.len == 0, "refused \"%s\" but wrote \"%s\"", body, s);
		free(s);
		return NULL;
	}
	return s;
}

static bool has_ci(const char *s, const char *what)
{
	for (; *s; s++)
		if (strncasecmp(s, what, strlen(what)) == 0)
			return true;
	return false;
}

/* Each body passes, and its output holds none of the words. */
static void ck_dropped(const char *const *bodies, size_t n, const char *const *words, size_t nw)
{
	for (size_t i = 0; i < n; i++) {
		char *s = sanitized(bodies[i]);
		ck_assert_msg(s != NULL, "refused: %s", bodies[i]);
		for (size_t w = 0; w < nw; w++)
			ck_assert_msg(!has_ci(s, words[w]), "\"%s\" from %s: %s", words[w],
				      bodies[i], s);
		ck_assert_msg(strncmp(s, "<svg role=\"img\" viewBox=\"0 0 1 1\">", 33) == 0, "%s",
			      s);
		free(s);
	}
}
#define N(a) (sizeof a / sizeof a[0])

START_TEST(svg_drops_script_in_any_letter_case)
{
	static const char *const in[] = {
		"<script>alert(1)</script>",
		"<SCRIPT>alert(1)</SCRIPT>",
		"<ScRiPt type=\"text/javascript\">alert(1)</ScRiPt>",
		"<script xlink:href=\"gnuplot_svg.js\"/>",
		"<g><g><script><![CDATA[ alert('<svg>'); ]]></script></g></g>",
		"<svg:script>alert(1)</svg:script>",
		"<g><script>if (a &lt; b) alert(1)</script><text>kept</text></g>",
	};
	static const char *const words[] = {"script", "alert"};
	ck_dropped(in, N(in), words, N(words));
	char *s = sanitized(in[6]);
	ck_assert_str_eq(s,
			 "<svg role=\"img\" viewBox=\"0 0 1 1\"><g><text>kept</text></g></svg>\n");
	free(s);
}
END_TEST

START_TEST(svg_drops_foreign_objects_links_images_animations_and_style_sheets)
{
	static const char *const in[] = {
		"<foreignObject><iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>"
		"</foreignObject>",
		"<FOREIGNOBJECT><p>x</p></FOREIGNOBJECT>",
		"<foreignobject><body onload=\"alert(1)\"></body></foreignobject>",
		"<a href=\"javascript:alert(1)\"><text>x</text></a>",
		"<image href=\"http://example.com/x.png\" width=\"2\"/>",
		"<animate attributeName=\"href\" values=\"javascript:alert(1)\"/>",
		"<set attributeName=\"href\" to=\"javascript:alert(1)\"/>",
		"<use href=\"#a\"><set attributeName=\"href\" to=\"JAVASCRIPT:alert(1)\"/></use>",
		"<animateTransform attributeName=\"transform\" from=\"0\" to=\"javascript:alert(1)\"/>",
		"<style>@import url(http://example.com/x.css);</style>",
		"<STYLE>g { fill: url(http://example.com/x) }</STYLE>",
		"<iframe src=\"http://example.com/\"></iframe>",
		"<img src=\"x\" onerror=\"alert(1)\"/>",
		"<title><img src=\"x\" onerror=\"alert(1)\"/></title>",
		"<desc><p>a</p><a href=\"http://example.com/\">b</a></desc>",
		"<svg><script>alert(1)</script></svg>",
		"<filter id=\"x\"><feImage href=\"http://example.com/x.svg\"/></filter>",
	};
	static const char *const words[] = {"foreignobject", "iframe", "<a",     "image",
					    "animate",       "<set",   "style",  "import",
					    "<img",          "<p",     "<body",  "alert",
					    "javascript",    "http",   "feImage"};
	ck_dropped(in, N(in), words, N(words));
}
END_TEST

START_TEST(svg_drops_event_attributes_in_any_letter_case)
{
	char *s = sanitized("<g onclick=\"alert(1)\" ONLOAD=\"alert(1)\" OnMouseOver=\"alert(1)\" "
			    "id=\"a\"><rect onfocus=\"alert(1)\" width=\"1\" onbegin='x'/></g>");
	ck_assert_str_eq(s,
			 "<svg role=\"img\" viewBox=\"0 0 1 1\"><g id=\"f-a\"><rect width=\"1\"/>"
			 "</g></svg>\n");
	free(s);
}
END_TEST

START_TEST(svg_drops_javascript_urls_however_they_are_spelled)
{
	static const char *const in[] = {
		"<use href=\"javascript:alert(1)\"/>",
		"<use xlink:href=\"JaVaScRiPt:alert(1)\"/>",
		"<use xlink:href=\" javascript:alert(1)\"/>",
		"<use href=\"java&#x09;script:alert(1)\"/>",
		"<use href=\"java&#10;script:alert(1)\"/>",
		"<use href=\"&#106;avascript:alert(1)\"/>",
		"<use href=\"&#x6A;avascript&#x3A;alert(1)\"/>",
		"<use href=\"&#0000106;avascript:alert(1)\"/>",
		"<use href=\"javascript&#58;alert(1)\"/>",
		"<use href=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\"/>",
		"<use href=\"vbscript:msgbox(1)\"/>",
		"<rect fill=\"url(javascript:alert(1))\"/>",
		"<rect style=\"fill:url(&#x27;javascript:alert(1)&#x27;)\"/>",
		"<rect fill=\"expression(alert(1))\"/>",
	};
	static const char *const words[] = {"alert", "script", "msgbox", "href",
					    "data:", "fill",   "style"};
	ck_dropped(in, N(in), words, N(words));
}
END_TEST

START_TEST(svg_url_references_stay_inside_the_image_and_style_imports_nothing)
{
	static const char *const in[] = {
		"<rect fill=\"url(http://example.com/x#a)\"/>",
		"<rect fill=\"URL(http://example.com/x)\"/>",
		"<rect fill=\"url('//example.com/x')\"/>",
		"<rect fill=\"url(x.svg#a)\"/>",
		"<rect filter=\"url(#a) url(http://example.com/x)\"/>",
		"<rect style=\"fill:url(http://example.com/x)\"/>",
		"<rect style=\"background-image:url(#a)\"/>",
		"<rect style=\"@import 'http://example.com/x.css'\"/>",
		"<rect style=\"fill:red;@import url(#a)\"/>",
		"<rect style=\"fill:\\75rl(http://example.com/x)\"/>",
		"<rect style=\"fill:red}body{background:url(http://example.com/x)\"/>",
		"<rect style=\"fill:u/**/rl(#a)\"/>",
		"<rect clip-path=\"url(#a&quot;)\"/>",
	};
	static const char *const words[] = {"http",  "import", "example", "fill",
					    "style", "filter", "clip",    "url"};
	ck_dropped(in, N(in), words, N(words));
	char *s = sanitized("<rect fill=\"url(#a)\" style=\"fill:URL(&quot;#b&quot;); "
			    "stroke:rgb(1,2,3)\" filter='url(#c)'/>");
	ck_assert_str_eq(s, "<svg role=\"img\" viewBox=\"0 0 1 1\"><rect fill=\"url(#f-a)\" "
			    "style=\"fill:URL(&quot;#f-b&quot;); stroke:rgb(1,2,3)\" "
			    "filter=\"url(#f-c)\"/></svg>\n");
	free(s);
}
END_TEST

START_TEST(svg_cdata_comments_and_references_inside_stay_text)
{
	char *s = sanitized("<text><![CDATA[</text><script>alert(1)</script>]]></text>"
			    "<!-- <script>alert(2)</script> -->"
			    "<text>&#60;script&#x3E;a&amp;b&apos;</text>"
			    "<title>a<g>b</g>c</title><desc>d<text>e</text></desc>");
	ck_assert_str_eq(s, "<svg role=\"img\" viewBox=\"0 0 1 1\">"
			    "<text>&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text>"
			    "<text>&lt;script&gt;a&amp;b&#39;</text>"
			    "<title>ac</title><desc>d</desc></svg>\n");
	free(s);
}
END_TEST

START_TEST(svg_malformed_markup_is_refused_and_nothing_written)
{
	static const char *const body[] = {
		"<g>",                        /* left open */
		"<g></G>",                    /* another element's end */
		"</g>",                       /* an end with no start */
		"<g id=\"a\"",                /* tag without its end */
		"<g id=\"a></g>",             /* value without its quote */
		"<g id=a></g>",               /* value without quotes */
		"<g hidden></g>",             /* attribute without a value */
		"<g id=\"a\" id=\"b\"></g>",  /* twice */
		"<g id=\"a\"fill=\"b\"></g>", /* no blank between */
		"<g id=\"<\"></g>",
		"<g/ id=\"a\">",
		"<text>a<b</text>",
		"<script>a<b</script>", /* even where it is dropped */
		"<!-- never closed",
		"<![CDATA[ never closed",
		"<?php echo 1; ?>",
		"<!DOCTYPE x>",
		"<!ENTITY x \"javascript:alert(1)\">",
		"<use href=\"&x;\"/>", /* an entity XML does not define */
		"<text>&nbsp;</text>",
		"<text>a & b</text>",
		"<text>&#0;</text>",
		"<text>&#xD800;</text>",
		"<text>&#x110000;</text>",
		"<text>&#1;</text>",
		"<text>&#;</text>",
	};
	for (size_t i = 0; i < N(body); i++) {
		char *s = sanitized(body[i]);
		ck_assert_msg(s == NULL, "not refused: %s -> %s", body[i], s);
	}
	static const char *const doc[] = {
		"<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x \"javascript:alert(1)\">]>"
		"<svg><use href=\"&x;\"/></svg>",
		"<!DOCTYPE svg [<!ENTITY % p SYSTEM \"http://example.com/x.dtd\"> %p;]><svg></svg>",
		"<svg></svg><script>alert(1)</script>",
		"<svg></svg>text after",
		"<svg></svg><svg></svg>",
		"<g><svg></svg></g>",
		"<SVG></SVG>",
		"<?xml version=\"1.0\"<svg></svg>",
		"<svg",
		"<svg></svg><!-- open",
	};
	for (size_t i = 0; i < N(doc); i++) {
		struct capture c;
		cap_open(&c);
		ck_assert_msg(html_svg(c.f, doc[i], "f-", NULL) == -1, "not refused: %s", doc[i]);
		char *s = cap_close(&c);
		ck_assert_msg(c.len == 0, "wrote %s", s);
		free(s);
	}
	/* nesting beyond any chart's */
	char deep[64 * 7 + 1] = "";
	for (int i = 0; i < 64; i++)
		strcat(deep, "<g>");
	ck_assert_ptr_null(sanitized(deep));
}
END_TEST

/* ---- csv_text ---- */

static char *csv_of(const char *field)
{
	struct capture c;
	cap_open(&c);
	csv_text(c.f, field);
	return cap_close(&c);
}

START_TEST(csv_text_that_a_spreadsheet_reads_as_a_formula_gets_a_quote_in_front)
{
	static const char *const cases[][2] = {
		{"=1+1", "'=1+1"},
		{"+1+1", "'+1+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tTAB", "'\tTAB"},
		{"\rCR", "\"'\rCR\""},
		{"\nLF", "\"'\nLF\""},
		{"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
		{"-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"},
		{"a,=1+1", "\"a,=1+1\""},
		{"a;=1+1", "\"a;=1+1\""},
		{"say \"hi\"", "\"say \"\"hi\"\"\""},
		{"F01", "F01"},
		{"苏州 a=1", "苏州 a=1"},
		{"", ""},
	};
	for (size_t i = 0; i < N(cases); i++) {
		char *s = csv_of(cases[i][0]);
		ck_assert_msg(strcmp(s, cases[i][1]) == 0, "[%s] gave [%s], not [%s]", cases[i][0],
			      s, cases[i][1]);
		free(s);
	}
	char *s = csv_of(NULL);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(csv_text_that_is_a_plain_number_stays_a_number)
{
	static const char *const same[] = {"-5.00", "+12", "-0.5", "1e3", "-2.5E-3", "-.5", "0"};
	for (size_t i = 0; i < N(same); i++) {
		char *s = csv_of(same[i]);
		ck_assert_str_eq(s, same[i]);
		free(s);
	}
	static const char *const not_numbers[] = {"-",    "+",   "-e5",  "-5e",  "-5.0.1",
						  "-1-1", "-5 ", "-inf", "-0x10"};
	for (size_t i = 0; i < N(not_numbers); i++) {
		char *s = csv_of(not_numbers[i]);
		ck_assert_msg(s[0] == '\'', "[%s] gave [%s]", not_numbers[i], s);
		free(s);
	}
}
END_TEST

/* ---- readings ---- */

START_TEST(readings_are_the_parameters_the_draft_marks_as_readings)
{
	struct briefing_reading r[64];
	int n = briefing_readings(r, 64);
	ck_assert_int_ge(n, 10);
	ck_assert_int_le(n, 64);
	int mode = params_find("m2", "mode"), lag = params_find("scenario", "payment_lag");
	bool seen_mode = false, seen_lag = false;
	for (int k = 0; k < n; k++) {
		ck_assert_int_ge(r[k].param, 0);
		ck_assert_msg(r[k].why[0] != '\0', "reading %d has no words", k);
		if (r[k].param == mode) {
			seen_mode = true;
			ck_assert_str_eq(r[k].why, "tier 2 pays the difference to tier 1");
		}
		seen_lag |= r[k].param == lag;
		/* a value the text gives is cited, not read: never a reading */
		ck_assert_int_ne(r[k].param, params_find("m1a", "cap"));
	}
	ck_assert(seen_mode && seen_lag);
	ck_assert_int_eq(briefing_readings(r, 2), n); /* counts past max, writes max */
}
END_TEST

/* Regression: the Chinese report showed every reading in English (the
 * scenario file's words, never seen by xgettext). */
START_TEST(every_reading_of_the_draft_has_its_chinese_words)
{
	struct briefing_reading r[64];
	int n = briefing_readings(r, 64);
	for (int k = 0; k < n; k++) {
		const char *en = briefing_reading_words(r[k].why, CHART_EN),
			   *zh = briefing_reading_words(r[k].why, CHART_ZH);
		ck_assert_msg(en && zh, "reading \"%s\" is not in briefing.c's table", r[k].why);
		ck_assert_str_eq(en, r[k].why);
		ck_assert_msg(strcmp(zh, en) != 0, "reading \"%s\" has no Chinese", en);
		bool cjk = false; /* UTF-8 CJK characters start with 0xE3..0xE9 */
		for (const unsigned char *c = (const unsigned char *)zh; *c; c++)
			cjk |= *c >= 0xE3 && *c <= 0xE9;
		ck_assert_msg(cjk, "reading \"%s\" in Chinese is \"%s\"", en, zh);
	}
	ck_assert_ptr_null(briefing_reading_words("a reading nobody wrote", CHART_ZH));
}
END_TEST

/* ---- fundsim report ---- */

static char dir[4096], out[4200]; /* the scenario in dir, the results in out */

static void make_dir(const char *name)
{
	char prefix[64];
	snprintf(prefix, sizeof prefix, "fundsim-report-%s", name);
	tmpdir_make(dir, sizeof dir, prefix);
	snprintf(out, sizeof out, "%s/out", dir);
}

static void remove_dir(void)
{
	tmpdir_remove(dir);
}

static char *slurp(const char *name)
{
	char p[8192];
	snprintf(p, sizeof p, "%s/%s", out, name);
	FILE *f = fopen(p, "rb");
	ck_assert_msg(f != NULL, "%s is missing", p);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq((long)fread(b, 1, (size_t)n, f), n);
	b[n] = '\0';
	fclose(f);
	return b;
}

static bool have_gnuplot(void)
{
	const char *path = getenv("PATH");
	if (!path)
		return false;
	char *copy = strdup(path), *save = NULL;
	bool found = false;
	for (char *d = strtok_r(copy, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
		char p[4096];
		snprintf(p, sizeof p, "%s/gnuplot", d);
		found = access(p, X_OK) == 0;
	}
	free(copy);
	return found;
}

static int count(const char *s, const char *what)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/* cmd_report(c), or with argv the parser (cli_parse), with its standard
 * error caught in err (what it said). */
static int said_by(const struct cli *c, int argc, const char **argv, char *err, size_t n)
{
	fflush(stderr);
	FILE *t = tmpfile();
	ck_assert_ptr_nonnull(t);
	int saved = dup(2);
	dup2(fileno(t), 2);
	struct cli parsed = {0};
	int rc = argv ? cli_parse(argc, (char **)argv, &parsed) : cmd_report(c);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(t);
	size_t got = fread(err, 1, n - 1, t);
	err[got] = '\0';
	fclose(t);
	return rc;
}

static int run_report(const struct cli *c, char *err, size_t n)
{
	return said_by(c, 0, NULL, err, n);
}

/* A small scenario whose name needs escaping, in dir. */
static void write_scenario(void)
{
	char p[8192];
	snprintf(p, sizeof p, "%s/pilot.ini", dir);
	FILE *f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs("[scenario]\nname = R&D <pilot> \"x\"\n\n[firms]\n"
	      "count = uniform(300, 500) ; assumption: a pilot <district> & its firms\n\n"
	      "[budget]\ntotal = 12亿\n\n[uncosted]\nm8_events = 200万\n",
	      f);
	fclose(f);
}

/* fundsim report pilot.ini --reps 24 --seed 5 --threads 1 --out dir
 * --set m1a.cap=150万 [--lang lang]: its exit code; err gets what it
 * said. */
static char said[4096];
static int report(const char *lang)
{
	char ini[8192];
	snprintf(ini, sizeof ini, "%s/pilot.ini", dir);
	struct cli c = {.command = "report",
			.reps = "24",
			.seed = "5",
			.threads = "1",
			.outdir = out,
			.quiet = true,
			.lang = lang};
	c.pos[c.npos++] = ini;
	c.sets[c.nsets++] = "m1a.cap=150万";
	return run_report(&c, said, sizeof said);
}

/* The page's skeleton: each main element opened and closed as often. */
static void ck_balanced(const char *html)
{
	static const char *const tags[][2] = {
		{"<html", "</html>"},    {"<head>", "</head>"},      {"<body>", "</body>"},
		{"<main>", "</main>"},   {"<section", "</section>"}, {"<table", "</table>"},
		{"<thead>", "</thead>"}, {"<tbody>", "</tbody>"},    {"<figure", "</figure>"},
		{"<svg", "</svg>"},      {"<style>", "</style>"},    {"<ul>", "</ul>"},
		{"<li>", "</li>"},
	};
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		ck_assert_msg(count(html, tags[i][0]) == count(html, tags[i][1]), "%d %s but %d %s",
			      count(html, tags[i][0]), tags[i][0], count(html, tags[i][1]),
			      tags[i][1]);
	ck_assert_int_eq(count(html, "<p>") + count(html, "<p "), count(html, "</p>"));
	ck_assert_int_eq(count(html, "<tr>") + count(html, "<tr "), count(html, "</tr>"));
	ck_assert_int_eq(count(html, "<html"), 1);
	ck_assert_int_eq(count(html, "<main>"), 1);
	ck_assert(strncmp(html, "<!DOCTYPE html>\n", 16) == 0);
	ck_assert_ptr_nonnull(strstr(html, "<meta charset=\"utf-8\">"));
}

/* Every id once, every href local, no src, nothing from the network. */
static void ck_self_contained(const char *html)
{
	ck_assert_ptr_null(strstr(html, "http:"));
	ck_assert_ptr_null(strstr(html, "https:"));
	ck_assert_ptr_null(strstr(html, " src="));
	ck_assert_ptr_null(strstr(html, "<script"));
	ck_assert_ptr_null(strstr(html, "<link"));
	for (const char *p = html; (p = strstr(p, "href=")); p += 5)
		ck_assert_msg(p[6] == '#', "a reference out of the page: %.60s", p);
	for (const char *p = html; (p = strstr(p, " id=")); p += 4) {
		char q = p[4], id[200];
		const char *end = strchr(p + 5, q);
		ck_assert_ptr_nonnull(end);
		snprintf(id, sizeof id, " id=%c%.*s%c", q, (int)(end - p - 5), p + 5, q);
		ck_assert_msg(count(html, id) == 1, "id %s appears %d times", id, count(html, id));
	}
}

START_TEST(a_report_is_one_well_formed_self_contained_page_with_the_runs_numbers)
{
	make_dir("en");
	write_scenario();
	ck_assert_int_eq(report(NULL), EXIT_OK);
	ck_assert_msg(!have_gnuplot() || said[0] == '\0', "said: %s", said);
	char *html = slurp("report.html");
	ck_balanced(html);
	ck_self_contained(html);
	ck_assert_ptr_nonnull(strstr(html, "<html lang=\"en\">"));

	/* the headline total is the run's mean, as fundsim run prints it */
	char *sum = slurp("summary.csv"), *row = strstr(sum, "\nTOTAL,total,");
	ck_assert_ptr_nonnull(row);
	double mean = strtod(row + strlen("\nTOTAL,total,"), NULL);
	char words[64], want[128];
	money_table(mean, words, sizeof words);
	snprintf(want, sizeof want, "id=\"headline-total\">%s元</p>", words);
	ck_assert_msg(strstr(html, want) != NULL, "no headline %s", want);
	ck_assert_ptr_nonnull(strstr(html, "Budget over all paid years"));

	/* every measure in the table, with its clause */
	ck_assert_ptr_nonnull(strstr(html, "<td>第1条</td>"));
	ck_assert_ptr_nonnull(strstr(html, "<span class=\"code\">M13B</span>"));
	ck_assert_ptr_nonnull(strstr(html, "营收首次达1/5/10亿元进档补差奖励"));
	/* a contingent item (the draft's M8B, 一事一议) is costed but has no share
	 * of the total, and the note says why */
	ck_assert_ptr_nonnull(strstr(html, "<td class=\"n off\">contingent</td>"));
	ck_assert_ptr_nonnull(strstr(html, "Contingent items (一事一议"));

	/* what the draft promises without an amount, each with its clause and
	 * both languages; the bureau's lump sum (200万 a year, 3 years) beside
	 * the modelled total, never in it */
	char *unc = strstr(html, "<section id=\"uncosted\"");
	ck_assert_ptr_nonnull(unc);
	ck_assert_ptr_nonnull(strstr(unc, "<td>第8条</td>"));
	ck_assert_ptr_nonnull(strstr(unc, "<td>第15条</td>"));
	ck_assert_int_eq(count(unc, "<td>第14条</td>"), 2);
	ck_assert_ptr_nonnull(strstr(unc, "举办开源峰会和开源大赛"));
	ck_assert_ptr_nonnull(strstr(unc, "loan-risk compensation"));
	ck_assert_ptr_nonnull(
		strstr(unc, "<td class=\"n\">200.0万</td><td class=\"n\">600.0万</td>"));
	ck_assert_int_eq(count(unc, "none set"), 3);
	money_table(mean + 6e6, words, sizeof words);
	snprintf(want, sizeof want,
		 "<tr><td>Total including the bureau's lump sums</td>"
		 "<td class=\"n\">%s</td>",
		 words);
	ck_assert_msg(strstr(unc, want) != NULL, "no %s", want);
	char *uc = slurp("uncosted.csv");
	ck_assert_ptr_nonnull(strstr(uc, "item,clause,description_zh,description_en,"
					 "lump_per_year,lump_all_years\nm8_events,第8条,"));
	ck_assert_ptr_nonnull(strstr(uc, ",2000000.00,6000000.00\nm15_events,"));
	free(uc);

	/* the scenario's name, escaped wherever it appears */
	ck_assert_ptr_null(strstr(html, "R&D"));
	ck_assert_ptr_null(strstr(html, "<pilot>"));
	ck_assert_ptr_nonnull(strstr(html, "R&amp;D &lt;pilot&gt; &quot;x&quot;"));

	/* the --set change among the parameters that differ from the draft */
	char *diff = strstr(html, "<section id=\"differences\"");
	ck_assert_ptr_nonnull(diff);
	ck_assert_ptr_nonnull(strstr(diff, "<code>m1a.cap</code>"));
	ck_assert_ptr_nonnull(strstr(diff, "<td>100万</td><td class=\"changed\">150万</td>"
					   "<td><code>--set</code></td>"));
	ck_assert_ptr_nonnull(strstr(diff, "<code>firms.count</code>"));
	/* with the comment that says why, escaped, under where it was set */
	ck_assert_ptr_nonnull(strstr(diff, "pilot.ini:5</code><span class=\"alt\">assumption: a "
					   "pilot &lt;district&gt; &amp; its firms</span></td>"));
	ck_assert_ptr_nonnull(strstr(diff, "<code>budget.total</code>"));

	/* the tornado of the default assumptions, and the method note */
	ck_assert_ptr_nonnull(strstr(html, "<code>growth.mean</code>"));
	ck_assert_ptr_nonnull(strstr(html, "Seed 5, 24 replications"));
	ck_assert_ptr_nonnull(strstr(html, "bit-identical"));
	ck_assert_ptr_nonnull(strstr(html, "m2.mode"));

	if (!have_gnuplot()) {
		fprintf(stderr, "check_report: gnuplot is not installed: chart checks skipped\n");
	} else { /* the run's five charts and the tornado's, each inline */
		for (int k = 0; k < N_CHARTS; k++) {
			char fig[64];
			snprintf(fig, sizeof fig, "<figure id=\"fig-%s\">\n<svg role=\"img\"",
				 chart_name(k));
			ck_assert_msg(strstr(html, fig) != NULL, "no inline %s chart",
				      chart_name(k));
		}
		ck_assert_int_eq(count(html, "<svg"), N_CHARTS + 1);
		ck_assert_int_eq(count(html, "id=\"fig1-gnuplot_canvas\""), 1);
		ck_assert_int_eq(count(html, "id=\"fig5-gnuplot_canvas\""), 1);
	}
	/* no temporary file left behind */
	DIR *d = opendir(dir);
	for (struct dirent *e; (e = readdir(d));)
		ck_assert_msg(!strstr(e->d_name, "tmp"), "left behind: %s", e->d_name);
	closedir(d);
	free(sum);
	free(html);
	remove_dir();
}
END_TEST

/* Start tags of elements (not comments, prolog, end tags) and attribute
 * values in s, from its <svg on; xmlns declarations not counted. */
static void svg_counts(const char *s, int *tags, int *attrs)
{
	*tags = *attrs = 0;
	for (const char *p = strstr(s, "<svg"); p && *p; p++) {
		if (p[0] == '<' && ((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z')))
			++*tags;
		const char *q = p + 1; /* gnuplot writes fill = 'x' too */
		while (*q == ' ')
			q++;
		bool xmlns = (p - s >= 5 && strncmp(p - 5, "xmlns", 5) == 0) ||
			     (p - s >= 11 && strncmp(p - 11, "xmlns:xlink", 11) == 0);
		if (p[0] == '=' && (*q == '"' || *q == '\'') && !xmlns)
			++*attrs;
	}
}

START_TEST(every_chart_gnuplot_draws_passes_the_svg_allowlist_whole)
{
	if (!have_gnuplot()) {
		fprintf(stderr, "check_report: gnuplot is not installed: chart checks skipped\n");
		return;
	}
	make_dir("allowlist");
	write_scenario();
	for (int lang = 0; lang < 2; lang++) {
		ck_assert_int_eq(report(lang ? "zh" : "en"), EXIT_OK);
		for (int k = 0; k <= N_CHARTS; k++) {
			char name[64];
			snprintf(name, sizeof name, "%s.svg",
				 k < N_CHARTS ? chart_name(k) : "tornado_chart");
			char *in = slurp(name);
			struct capture c;
			cap_open(&c);
			ck_assert_msg(html_svg(c.f, in, "f-", NULL) == 0, "%s refused", name);
			char *s = cap_close(&c);
			/* every element and attribute kept (the root gains role="img") */
			int tags_in, attrs_in, tags_out, attrs_out;
			svg_counts(in, &tags_in, &attrs_in);
			svg_counts(s, &tags_out, &attrs_out);
			ck_assert_msg(tags_in > 50, "%s: %d elements", name, tags_in);
			ck_assert_msg(tags_out == tags_in, "%s: %d of %d elements", name, tags_out,
				      tags_in);
			ck_assert_msg(attrs_out == attrs_in + 1, "%s: %d of %d attributes", name,
				      attrs_out - 1, attrs_in);
			ck_assert_int_eq(count(s, "<text>"), count(in, "<text>"));
			ck_assert_int_eq(count(s, " id=\"f-"), count(in, " id="));
			free(s);
			free(in);
		}
	}
	remove_dir();
}
END_TEST

/* The share column of table id: the tbody rows' last cells ("12.3%"),
 * added up; how many rows in *rows. A tfoot row is no share of the total. */
static double shares_of(const char *html, const char *id, int *rows)
{
	char want[96];
	snprintf(want, sizeof want, "<table id=\"%s\"", id);
	const char *t = strstr(html, want);
	ck_assert_msg(t != NULL, "no table %s", id);
	const char *body = strstr(t, "<tbody>"), *end = strstr(t, "</tbody>");
	ck_assert(body && end);
	double sum = 0;
	*rows = 0;
	for (const char *r = strstr(body, "</tr>"); r && r < end; r = strstr(r + 5, "</tr>")) {
		static const char cell[] = "<td class=\"n\">";
		const char *c = r;
		while (c > body && strncmp(c, cell, strlen(cell)) != 0)
			c--;
		double v = strtod(c + strlen(cell), NULL);
		ck_assert_msg(v >= 0 && v <= 100, "%s: a share of %g%%", id, v);
		sum += v;
		++*rows;
	}
	return sum;
}

/* Regression: the summary counted 26 lines for a total of 25 (M8B is a
 * contingent item), the budget owners' shares added to 165% (new money
 * only, a subtotal, shown as a fifth source) and the readings pointed to
 * POLICY.md, which the bureau does not have. */
static void ck_counts_and_shares(const char *html, bool zh)
{
	char *sum = slurp("summary.csv"), want[256];
	int counted = 0, apart = 0;
	for (const char *l = strstr(sum, "\n"); l && l[1]; l = strchr(l + 1, '\n')) {
		char line[16], level[16];
		if (sscanf(l + 1, "%15[^,],%15[^,],", line, level) != 2 || strcmp(level, "total") ||
		    !strcmp(line, "TOTAL"))
			continue;
		bool in = l[strcspn(l + 1, "\n")] == '1'; /* in_total, the last field */
		counted += in;
		apart += !in;
	}
	free(sum);
	ck_assert_int_eq(apart, 1); /* the draft's M8B */
	snprintf(want, sizeof want,
		 zh ? "实施并计入合计的 %d 项资金奖励条线"
		    : "the %d cash award lines in force that the total adds up",
		 counted);
	ck_assert_msg(strstr(html, want) != NULL, "no \"%s\"", want);
	ck_assert_ptr_nonnull(
		strstr(html, zh ? "另有 1 项或有事项（一事一议：M8B）"
				: "1 contingent item (一事一议, decided case by case: M8B)"));
	/* the note stands apart from the name (开源平台 一事一议) */
	if (zh)
		ck_assert_ptr_nonnull(
			strstr(html,
			       "一事一议<span class=\"alt\">（或有事项，不计入合计）</span>"));
	int rows;
	double levels = shares_of(html, "eval-levels", &rows);
	ck_assert_int_eq(rows, 3);
	ck_assert_msg(fabs(levels - 100) <= 0.05 * rows + 1e-9, "levels' shares add to %g%%",
		      levels);
	double owners = shares_of(html, "eval-owners", &rows);
	ck_assert_int_ge(rows, 2);
	ck_assert_msg(fabs(owners - 100) <= 0.05 * rows + 1e-9, "owners' shares add to %g%%",
		      owners);
	/* the subtotal under them, without a share */
	const char *t = strstr(html, "<table id=\"eval-owners\""), *foot = strstr(t, "<tfoot>");
	ck_assert_ptr_nonnull(foot);
	ck_assert_ptr_nonnull(strstr(foot, zh ? "<tr class=\"subtotal\"><td>其中：新增资金小计"
					      : "<tr class=\"subtotal\"><td>Of which new money"));
	ck_assert_ptr_nonnull(strstr(foot, "data-owner=\"new_money_only\""));
	/* the total first in the foot, its share 100%, in both tables */
	for (const char *id = "eval-levels"; id;
	     id = strcmp(id, "eval-levels") ? NULL : "eval-owners") {
		char head[64];
		snprintf(head, sizeof head, "<table id=\"%s\"", id);
		const char *ft = strstr(strstr(html, head), "<tfoot><tr><td>");
		ck_assert_ptr_nonnull(ft);
		ck_assert_msg(!strncmp(ft + 15, zh ? "合计</td>" : "Total</td>", zh ? 11 : 10),
			      "%s: the foot starts %.40s", id, ft);
		const char *pc = strstr(ft, "<td class=\"n\">100.0%</td></tr>");
		ck_assert_msg(pc && pc < strstr(ft, "</tr>") + 5, "%s: the total's share", id);
	}
	ck_assert(strstr(foot, "<td class=\"n\"></td></tr>\n</tfoot>") ==
		  strstr(foot, "</tfoot>") - strlen("<td class=\"n\"></td></tr>\n"));
	ck_assert_ptr_null(strstr(html, "POLICY.md"));
}

START_TEST(a_report_in_chinese_has_chinese_headings_and_the_same_numbers)
{
	make_dir("zh");
	write_scenario();
	ck_assert_int_eq(report("en"), EXIT_OK);
	char *en = slurp("report.html");
	ck_assert_int_eq(report("zh"), EXIT_OK);
	char *zh = slurp("report.html");
	ck_balanced(zh);
	ck_self_contained(zh);
	ck_assert_ptr_nonnull(strstr(zh, "<html lang=\"zh-CN\">"));
	ck_assert_ptr_nonnull(strstr(zh, "<h2>摘要</h2>"));
	ck_assert_ptr_nonnull(strstr(zh, "<h2>分措施资金需求</h2>"));
	ck_assert_ptr_nonnull(strstr(zh, "<th>条款</th><th>措施</th>"));
	ck_assert_ptr_null(strstr(zh, "<h2>Summary</h2>"));
	ck_counts_and_shares(zh, true);
	/* every reading in Chinese, none in English: the table's rows */
	const char *rs = strstr(zh, "<h3>对政策文本未明确之处的解读</h3>");
	ck_assert_ptr_nonnull(rs);
	struct briefing_reading r[64];
	int nr = briefing_readings(r, 64);
	for (int k = 0; k < nr && k < 64; k++) {
		char cell[512];
		snprintf(cell, sizeof cell, "</td><td>%s</td>",
			 briefing_reading_words(r[k].why, CHART_ZH));
		ck_assert_msg(strstr(rs, cell) != NULL, "no Chinese reading %s", cell);
		snprintf(cell, sizeof cell, "</td><td>%s</td>", r[k].why);
		ck_assert_msg(strstr(rs, cell) == NULL, "English reading %s", cell);
	}
	/* the 事前绩效评估 section in each language, with the same figures */
	ck_assert_ptr_nonnull(strstr(en, "<h2>Ex-ante performance evaluation (事前绩效评估)</h2>"));
	ck_assert_ptr_nonnull(strstr(en, "Office for Budget Responsibility"));
	ck_assert_ptr_nonnull(strstr(zh, "<h2>事前绩效评估</h2>"));
	ck_assert_ptr_nonnull(strstr(zh, "<h3>一、投入经济性</h3>"));
	ck_assert_ptr_nonnull(strstr(zh, "<h3>二、资金构成</h3>"));
	ck_assert_ptr_nonnull(strstr(zh, "<h3>三、绩效目标：产出指标</h3>"));
	ck_assert_ptr_nonnull(strstr(zh, "<h3>四、测算不确定性评级</h3>"));
	ck_assert_ptr_null(strstr(zh, "Economy of the inputs"));
	ck_counts_and_shares(en, false);
	ck_assert_ptr_null(strstr(en, "%%")); /* a format's %% passed as text prints twice */
	ck_assert_ptr_null(strstr(zh, "%%"));
	const char *te = strstr(en, "data-line=\"TOTAL\" data-year=\"0\""),
		   *tz = strstr(zh, "data-line=\"TOTAL\" data-year=\"0\"");
	ck_assert(te && tz);
	ck_assert_int_eq(strncmp(te, tz, (size_t)(strchr(te, '>') - te)), 0);
	/* the same seed gives the same headline */
	const char *a = strstr(en, "id=\"headline-total\">"),
		   *b = strstr(zh, "id=\"headline-total\">");
	ck_assert(a && b);
	ck_assert_int_eq(strncmp(a, b, (size_t)(strstr(a, "</p>") - a)), 0);
	free(en);
	free(zh);
	i18n_start("en"); /* --lang zh set the process's language (CK_FORK=no: the next tests) */
	remove_dir();
}
END_TEST

START_TEST(without_gnuplot_a_report_says_so_and_leaves_no_earlier_runs_charts)
{
	make_dir("nognuplot");
	write_scenario();
	bool drew = have_gnuplot();
	ck_assert_int_eq(report(NULL), EXIT_OK); /* charts of an earlier run, if gnuplot */
	char *path = strdup(getenv("PATH") ? getenv("PATH") : "");
	setenv("PATH", "/nonexistent-fundsim-test", 1);
	int rc = report(NULL);
	setenv("PATH", path, 1);
	free(path);
	ck_assert_int_eq(rc, EXIT_OK);
	ck_assert_msg(strstr(said, "fundsim report: no charts drawn") &&
			      strstr(said, "install gnuplot"),
		      "said: %s", said);
	char *html = slurp("report.html");
	ck_balanced(html);
	ck_assert_int_eq(count(html, "<svg"), 0);
	ck_assert_ptr_nonnull(strstr(html, "(Chart fan not drawn: no charts drawn"));
	ck_assert_ptr_nonnull(strstr(html, "install gnuplot"));
	if (drew) { /* the earlier images went with the earlier result set */
		char p[8192];
		snprintf(p, sizeof p, "%s/fan.svg", out);
		ck_assert_int_ne(access(p, F_OK), 0);
	}
	free(html);
	remove_dir();
}
END_TEST

START_TEST(bad_options_are_refused_before_any_work)
{
	make_dir("bad");
	struct cli c = {.command = "report", .lang = "fr", .outdir = dir, .quiet = true};
	ck_assert_int_eq(run_report(&c, said, sizeof said), EXIT_USAGE);
	ck_assert_str_eq(said, "fundsim report: --lang fr: expected en or zh\n");
	c = (struct cli){.command = "report", .reps = "1", .outdir = dir, .quiet = true};
	ck_assert_int_eq(run_report(&c, said, sizeof said), EXIT_USAGE); /* a study needs two */
	ck_assert_str_eq(said, "fundsim report: --reps 1: expected a whole number from 2 to "
			       "100000000\n");
	const char *argv[] = {"fundsim", "report", "--ledger", "--out", dir};
	ck_assert_int_eq(said_by(NULL, 5, argv, said, sizeof said), CLI_BAD);
	ck_assert_str_eq(said, "fundsim report: --ledger is not an option of report (it is for "
			       "run; see fundsim report --help)\n");
	c = (struct cli){.command = "report", .outdir = dir, .quiet = true, .npos = 2};
	c.pos[0] = "a.ini";
	c.pos[1] = "b.ini";
	ck_assert_int_eq(run_report(&c, said, sizeof said), EXIT_USAGE);
	ck_assert_str_eq(said, "fundsim report: one scenario at most, got a.ini and b.ini\n");
	DIR *d = opendir(dir);
	int files = 0;
	for (struct dirent *e; (e = readdir(d));)
		files += e->d_name[0] != '.';
	closedir(d);
	ck_assert_int_eq(files, 0);
	remove_dir();
}
END_TEST


/* ---- the district and budget-owner tables (by_district.csv, by_owner.csv) ---- */

/* Field col (0-based) of the CSV line at l, into buf. */
static const char *field(const char *l, int col, char *buf, size_t n)
{
	for (int i = 0; i < col; i++)
		l = strchr(l, ',') + 1;
	size_t k = strcspn(l, ",\n");
	snprintf(buf, n, "%.*s", (int)(k < n ? k : n - 1), l);
	return buf;
}

static const char *cell_yuan(const char *l, int col, char *buf, size_t n)
{
	char v[64];
	double x = strtod(field(l, col, v, sizeof v), NULL);
	if (x == 0)
		snprintf(buf, n, "0");
	else
		money_table(x, buf, n);
	return buf;
}

/* The report's cell for the CSV row at l (mean, 5%-95%, P80, P90:
 * columns mean,sd,se,p5,p25,p50,p75,p95,p80,p90 from column 3), added to row. */
static void add_cell(char *row, size_t n, const char *l)
{
	char m[32], lo[32], hi[32], p80[32], p90[32];
	size_t k = strlen(row);
	snprintf(row + k, n - k,
		 "<td class=\"n\">%s<span class=\"alt\">%s – %s</span>"
		 "<span class=\"alt\">P80&nbsp;%s&nbsp;· P90&nbsp;%s</span></td>",
		 cell_yuan(l, 3, m, sizeof m), cell_yuan(l, 6, lo, sizeof lo),
		 cell_yuan(l, 10, hi, sizeof hi), cell_yuan(l, 11, p80, sizeof p80),
		 cell_yuan(l, 12, p90, sizeof p90));
}

/* The CSV's data lines whose first fields are a,b,c (NULL: any). */
static const char *next_row(const char *from, const char *a, const char *b, const char *c)
{
	for (const char *l = strchr(from, '\n'); l && l[1]; l = strchr(l + 1, '\n')) {
		char f0[128], f1[64], f2[32];
		if ((!a || !strcmp(field(l + 1, 0, f0, sizeof f0), a)) &&
		    (!b || !strcmp(field(l + 1, 1, f1, sizeof f1), b)) &&
		    (!c || !strcmp(field(l + 1, 2, f2, sizeof f2), c)))
			return l + 1;
	}
	return NULL;
}

static void ck_where_tables(const char *html, bool zh)
{
	const char *sec = strstr(html, "<section id=\"where\">");
	ck_assert_ptr_nonnull(sec);
	char *end = strstr(sec, "</section>");
	ck_assert_ptr_nonnull(end);
	ck_assert_ptr_nonnull(strstr(sec, zh ? "<h2>分区（县级市）、分预算主体资金需求</h2>"
					     : "<h2>Cost by district and by budget owner</h2>"));
	ck_assert_ptr_nonnull(strstr(sec, zh ? "<h3>按获奖主体所在区（县级市）</h3>"
					     : "<h3>By the recipients' district</h3>"));
	ck_assert_ptr_nonnull(strstr(sec, zh ? "<h3>按预算主体</h3>" : "<h3>By budget owner</h3>"));
	ck_assert_ptr_nonnull(strstr(sec, "href=\"#fig-districts\""));
	static const char *const lv[] = {"total", "provincial", "municipal", "district"};
	char *bd = slurp("by_district.csv"), *bo = slurp("by_owner.csv");
	static char row[8192];
	int districts = 0;
	/* each district's row: the csv's TOTAL line at each level */
	for (const char *l = next_row(bd, NULL, "TOTAL", "total"); l;
	     l = next_row(l, NULL, "TOTAL", "total")) {
		char name[128];
		field(l, 0, name, sizeof name);
		bool total = !strcmp(name, "TOTAL");
		snprintf(row, sizeof row, "%s<td>%s</td>", total ? "<tfoot><tr>" : "<tr>",
			 total                     ? (zh ? "合计" : "Total")
			 : !strcmp(name, "未指定") ? (zh ? "未指定" : "Not given (未指定)")
						   : name);
		for (int k = 0; k < 4; k++)
			add_cell(row, sizeof row, next_row(l - 1, name, "TOTAL", lv[k]));
		strcat(row, "</tr>");
		const char *at = strstr(sec, row);
		ck_assert_msg(at && at < end, "no district row %s", row);
		districts += !total;
	}
	ck_assert_int_ge(districts, 10);
	/* each owner's row and new money only: every paid year, all, within */
	static const char *const owners[][3] = {
		{"software_fund", "software industry special fund", "软件产业专项资金"},
		{"gusu_talent", "Gusu leading talent programme", "姑苏领军人才计划"},
		{"new_money_only", NULL, NULL},
	};
	for (size_t o = 0; o < sizeof owners / sizeof owners[0]; o++) {
		const char *l = next_row(bo, owners[o][0], NULL, "total");
		ck_assert_ptr_nonnull(l);
		char nm[8];
		bool new = field(l, 13, nm, sizeof nm)[0] == '1';
		if (owners[o][1] && zh) /* the Chinese name alone: nothing English shows */
			snprintf(row, sizeof row, "<tr><td>%s</td><td>%s</td>", owners[o][2],
				 new ? "新增资金" : "既有项目");
		else if (owners[o][1]) /* the bureau's own name under the English */
			snprintf(row, sizeof row,
				 "<tr><td>%s<span class=\"alt\">%s</span></td><td>%s</td>",
				 owners[o][1], owners[o][2], new ? "New" : "Existing programme");
		else
			snprintf(row, sizeof row, "<tr class=\"subtotal\"><td>%s</td><td>%s</td>",
				 zh ? "其中：新增资金小计（上列新增资金各行之和）"
				    : "Of which new money (subtotal of the owners' rows)",
				 zh ? "新增资金" : "New");
		int cells = 0;
		for (; l; l = next_row(l, owners[o][0], NULL, "total"), cells++)
			add_cell(row, sizeof row, l);
		strcat(row, "</tr>");
		ck_assert_int_ge(cells, 4);
		const char *at = strstr(sec, row);
		ck_assert_msg(at && at < end, "no owner row %s", row);
		if (zh && owners[o][1]) {
			const char *en = strstr(sec, owners[o][1]);
			ck_assert_msg(!en || en >= end, "English owner name in Chinese: %s",
				      owners[o][1]);
		}
	}
	/* the owners add up to the total, shown under them: by_year.csv's
	 * TOTAL by paid year, summary.csv's over all paid years, then the
	 * policy's own years */
	char *by = slurp("by_year.csv"), *su = slurp("summary.csv"), all[1024];
	snprintf(row, sizeof row, "<tfoot><tr><td>%s</td><td></td>", zh ? "合计" : "Total");
	const char *yl = next_row(by, "TOTAL", NULL, "total");
	for (; yl && strncmp(yl, "TOTAL,within,", 13); yl = next_row(yl, "TOTAL", NULL, "total"))
		add_cell(row, sizeof row, yl);
	const char *t = next_row(su, "TOTAL", "total", NULL);
	ck_assert(yl && t);
	snprintf(all, sizeof all, "TOTAL,all,%s", t + strlen("TOTAL,"));
	add_cell(row, sizeof row, all);
	add_cell(row, sizeof row, yl);
	strcat(row, "</tr>\n<tr class=\"subtotal\">");
	ck_assert_msg(strstr(sec, row) && strstr(sec, row) < end, "no total row %s", row);
	free(by);
	free(su);
	/* the tail years marked as in the other tables, with the note */
	int tail = 0;
	for (const char *l = next_row(bo, "new_money_only", NULL, "total"); l;
	     l = next_row(l, "new_money_only", NULL, "total")) {
		char y[16], ah[8], th[64];
		field(l, 1, y, sizeof y);
		if (field(l, 14, ah, sizeof ah)[0] != '1')
			continue;
		snprintf(th, sizeof th, "<th class=\"n\">%s*</th>", y);
		ck_assert_msg(strstr(sec, th) && strstr(sec, th) < end, "no %s", th);
		tail++;
	}
	ck_assert_int_gt(tail, 0);
	ck_assert_ptr_nonnull(
		strstr(sec, zh ? "* 政策期满后兑付" : "* After the policy's last paid year"));
	free(bd);
	free(bo);
}

START_TEST(the_district_and_owner_tables_show_by_district_and_by_owner_csv_in_both_languages)
{
	make_dir("where");
	write_scenario();
	ck_assert_int_eq(report("en"), EXIT_OK);
	char *en = slurp("report.html");
	ck_where_tables(en, false);
	ck_assert_ptr_null(strstr(en, "<h3>按预算主体</h3>"));
	ck_assert_int_eq(report("zh"), EXIT_OK);
	char *zh = slurp("report.html");
	ck_where_tables(zh, true);
	ck_assert_ptr_null(strstr(zh, "<h3>By budget owner</h3>"));
	/* 政策期 is the policy's own years: the totals over all paid years say so */
	ck_assert_ptr_nonnull(strstr(zh, "资金需求总额（期望值），全部兑付年度"));
	ck_assert_ptr_nonnull(strstr(zh, "年（全部兑付年度）一栏含这些年度"));
	ck_assert_ptr_null(strstr(zh, "政策期资金需求"));
	ck_assert_ptr_null(strstr(zh, "政策期合计一栏"));
	free(en);
	free(zh);
	i18n_start("en"); /* --lang zh set the process's language (CK_FORK=no: the next tests) */
	remove_dir();
}
END_TEST

static Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("html");
	tcase_add_test(tc, text_escapes_the_five_characters_that_html_reads_as_markup);
	tcase_add_test(tc, text_keeps_chinese_tabs_and_newlines_and_drops_other_control_characters);
	tcase_add_test(tc, printf_escapes_every_string_argument_and_prints_numbers_as_printf_does);
	tcase_add_test(tc, svg_loses_its_prolog_and_comments_and_keeps_its_drawing);
	tcase_add_test(tc, svg_ids_and_the_references_to_them_get_the_prefix);
	tcase_add_test(tc, svg_fetches_nothing_from_elsewhere_and_runs_no_code);
	tcase_add_test(tc, svg_title_is_replaced_by_the_given_one_escaped);
	tcase_add_test(tc, text_without_an_svg_element_is_refused_and_nothing_written);
	tcase_add_test(tc, svg_drops_script_in_any_letter_case);
	tcase_add_test(tc, svg_drops_foreign_objects_links_images_animations_and_style_sheets);
	tcase_add_test(tc, svg_drops_event_attributes_in_any_letter_case);
	tcase_add_test(tc, svg_drops_javascript_urls_however_they_are_spelled);
	tcase_add_test(tc, svg_url_references_stay_inside_the_image_and_style_imports_nothing);
	tcase_add_test(tc, svg_cdata_comments_and_references_inside_stay_text);
	tcase_add_test(tc, svg_malformed_markup_is_refused_and_nothing_written);
	tcase_add_test(tc, csv_text_that_a_spreadsheet_reads_as_a_formula_gets_a_quote_in_front);
	tcase_add_test(tc, csv_text_that_is_a_plain_number_stays_a_number);
	tcase_add_test(tc, readings_are_the_parameters_the_draft_marks_as_readings);
	tcase_add_test(tc, every_reading_of_the_draft_has_its_chinese_words);
	suite_add_tcase(s, tc);

	tc = tcase_create("fundsim report");
	tcase_set_timeout(tc, 300); /* runs, a tornado and 12 gnuplot runs; valgrind is slow */
	tcase_add_test(tc, a_report_is_one_well_formed_self_contained_page_with_the_runs_numbers);
	tcase_add_test(tc, a_report_in_chinese_has_chinese_headings_and_the_same_numbers);
	tcase_add_test(tc, every_chart_gnuplot_draws_passes_the_svg_allowlist_whole);
	tcase_add_test(tc, without_gnuplot_a_report_says_so_and_leaves_no_earlier_runs_charts);
	tcase_add_test(tc, bad_options_are_refused_before_any_work);
	tcase_add_test(
		tc,
		the_district_and_owner_tables_show_by_district_and_by_owner_csv_in_both_languages);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	gsl_set_error_handler_off();
	SRunner *sr = srunner_create(report_suite());
	srunner_run_all(sr, CK_NORMAL);
	omp_pause_resource_all(omp_pause_hard);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
