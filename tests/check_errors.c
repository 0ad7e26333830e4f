/* check_errors.c - every kind of bad input, as a table: the text, which
 * loader reads it, and what its message must say. A message names the
 * file and line (and the key or column), what was wrong and what is
 * valid, on one printable line. Inputs that look odd but are fine (a
 * UTF-8 BOM, CRLF, quoted commas and newlines) load, with their rows. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inputs.h"
#include "scenario.h"
#include "tmpdir.h"

enum loader {
	SCENARIO, /* text is the file case.ini, opened with scenario_open */
	SET,      /* text is one --set assignment on the built-in scenario */
	PANEL,    /* text is the file case.csv, read with panel_load */
	ENTITIES  /* text is the file case.csv, read with entities_load */
};

#define MAX_WANT 4

struct bad_input {
	const char *name;
	enum loader loader;
	const char *text;
	int line; /* the message starts "FILE:line: "; 0: "FILE: "; -1: no file (--set) */
	const char *want[MAX_WANT];          /* substrings; none: the input must load */
	long rows;                           /* when it loads: rows (panel, entities) */
	const char *other_name, *other_text; /* a second file beside it (bases) */
	size_t len;                          /* bytes of text when it holds a NUL; 0: strlen */
};

#define H "firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100\n"
#define ROW(id, year) id "," #year ",2025,new,0,100,20,3000万,0,0\n"
#define EH "entity_id,line,year,level,base,granted,housing,passed\n"
#define EH_CODE "entity_id,line,year,level,base,granted,housing,passed,credit_code\n"
/* A bureau's sheet: Chinese headers in another order, with columns fundsim does not read */
#define ZH_HEADER                                                                                                  \
	"序号,企业代码,企业名称,统一社会信用代码,所属区县,年度,成立年份,企业来源," \
	"工业软件企业,实缴资本,从业人数（人）,营业收入（万元）,重点软件企业库,百强企业"
/* "企业代码,年度,成立年份,企业来源,工业软件企业,实缴资本,从业人数,营业收入（万元）,
 * 重点软件企业库,百强企业" in GBK */
#define GBK_HEADER                                                                            \
	"\xC6\xF3\xD2\xB5\xB4\xFA\xC2\xEB,\xC4\xEA\xB6\xC8,\xB3\xC9\xC1\xA2"                  \
	"\xC4\xEA\xB7\xDD,\xC6\xF3\xD2\xB5\xC0\xB4\xD4\xB4,\xB9\xA4\xD2\xB5\xC8\xED\xBC\xFE"  \
	"\xC6\xF3\xD2\xB5,\xCA\xB5\xBD\xC9\xD7\xCA\xB1\xBE,\xB4\xD3\xD2\xB5\xC8\xCB\xCA\xFD," \
	"\xD3\xAA\xD2\xB5\xCA\xD5\xC8\xEB\xA3\xA8\xCD\xF2\xD4\xAA\xA3\xA9,\xD6\xD8\xB5\xE3"   \
	"\xC8\xED\xBC\xFE\xC6\xF3\xD2\xB5\xBF\xE2,\xB0\xD9\xC7\xBF\xC6\xF3\xD2\xB5\n"

/* A case that must fail with want... in its message; one that must load
 * with rows rows; one whose base is the file other (text other_text)
 * and whose message is about that file; one whose text holds a NUL. */
#define FAILS(name, loader, text, line, ...)                              \
	{                                                                 \
		name, loader, text, line, {__VA_ARGS__}, 0, NULL, NULL, 0 \
	}
#define LOADS(name, loader, text, rows)                            \
	{                                                          \
		name, loader, text, 0, {NULL}, rows, NULL, NULL, 0 \
	}
#define FAILS_WITH(name, other, other_text, text, ...)                           \
	{                                                                        \
		name, SCENARIO, text, -2, {__VA_ARGS__}, 0, other, other_text, 0 \
	}
#define FAILS_NUL(name, loader, text, line, ...)                                         \
	{                                                                                \
		name, loader, text, line, {__VA_ARGS__}, 0, NULL, NULL, sizeof(text) - 1 \
	}

static const struct bad_input cases[] = {
	/* ---- scenario files ---- */
	FAILS("syntax: a line that is neither [section] nor key = value", SCENARIO,
	      "[m1a]\ncap = 1\ngarbage without equals\n", 3, "\"garbage without equals\"",
	      "not a [section] or key = value line"),
	FAILS("[uncosted]: a lump sum below 0", SCENARIO, "[uncosted]\nm8_events = -5万\n", 2,
	      "[uncosted] m8_events", "out of range (valid: 0元 to"),
	FAILS("[uncosted]: a lump sum with words after it", SCENARIO,
	      "[uncosted]\nm14_fund = 1亿 a year\n", 2, "[uncosted] m14_fund", "is not an amount"),
	FAILS("[uncosted]: an item the registry does not have", SCENARIO,
	      "[uncosted]\nm8_event = 5万\n", 2, "[uncosted] m8_event: unknown key",
	      "did you mean m8_events?"),
	FAILS("syntax: a section header without its ]", SCENARIO, "[m1a\ncap = 1\n", 1, "\"[m1a\"",
	      "needs its closing ]"),
	FAILS("syntax: a value without a key", SCENARIO, "[m1a]\n= 5\n", 2, "[m1a]", "no key name",
	      "key = value"),
	FAILS("syntax: a key before any section", SCENARIO, "; c\ncap = 1\n", 2, "cap",
	      "outside any [section]"),
	FAILS("an unknown section, with the closest known one", SCENARIO, "[m1x]\ncap = 2\n", 1,
	      "[m1x]", "unknown section", "did you mean [m1a]?"),
	FAILS("an unknown section with no keys", SCENARIO, "[m1a]\ncap = 1\n[m3x]\n", 3,
	      "[m3x]: unknown section", "did you mean [m3a]?"),
	FAILS("an unknown key, with the closest known one", SCENARIO, "[m1a]\ncap = 1\ncapp = 2\n",
	      3, "[m1a] capp", "unknown key", "did you mean cap?"),
	FAILS("an unknown key with no close one names the list", SCENARIO, "[m1a]\nzzzzzzzz = 2\n",
	      2, "[m1a] zzzzzzzz", "unknown key", "fundsim params lists the keys"),
	FAILS("a key set twice", SCENARIO, "[m1a]\ncap = 1\nrate = 5%\ncap = 2\n", 4, "[m1a] cap",
	      "set twice", "first at line 2"),
	FAILS("an amount with junk in it", SCENARIO, "[m1a]\ncap = 100x万\n", 2,
	      "[m1a] cap: ", "\"100x万\" is not an amount", "e.g. 100万"),
	FAILS("an amount too large for a number", SCENARIO, "[m1a]\ncap = 1e400\n", 2,
	      "[m1a] cap: ", "\"1e400\"", "out of the range of numbers", "e.g. 100万"),
	FAILS("a negative share", SCENARIO, "[m1a]\nrate = -5%\n", 2,
	      "[m1a] rate: ", "\"-5%\" is out of range", "valid: 0% to 100%"),
	FAILS("an empty amount", SCENARIO, "[m1a]\ncap =\n", 2, "[m1a] cap: ", "empty",
	      "expected an amount in yuan"),
	FAILS("an amount in hexadecimal", SCENARIO, "[m1a]\ncap = 0x10\n", 2,
	      "[m1a] cap: ", "hexadecimal is not accepted"),
	FAILS("a share above 100%", SCENARIO, "[m1a]\nrate = 150%\n", 2, "\"150%\" is out of range",
	      "valid: 0% to 100%"),
	FAILS("a whole number out of range", SCENARIO, "[scenario]\nyears = 0\n", 2,
	      "[scenario] years: ", "\"0\" is out of range", "1 to 20 years"),
	FAILS("a fraction where a whole number is needed", SCENARIO, "[scenario]\nyears = 2.5\n", 2,
	      "[scenario] years: ", "\"2.5\" is not a whole number", "valid: 1 to 20 years"),
	/* regression: 1.5 persons was read as a threshold the panel's whole counts never meet */
	FAILS("a fraction of a person", SCENARIO, "[m1a]\nmin_employees = 1.5\n", 2,
	      "[m1a] min_employees: ", "\"1.5\" is not a whole number",
	      "valid: 0 to 10000000 persons"),
	FAILS("a fraction of a person in a tier", SCENARIO, "[m2]\ntier1_employees = 19.99\n", 2,
	      "[m2] tier1_employees: ", "is not a whole number"),
	FAILS("a fraction of a year of age", SCENARIO, "[firms]\nmax_age = 20.5\n", 2,
	      "[firms] max_age: ", "is not a whole number", "1 to 50 years"),
	FAILS("a fraction of an award", SCENARIO, "[m3c]\nmax_awards = 0.5\n", 2,
	      "[m3c] max_awards: ", "is not a whole number", "0 to 100 awards"),
	LOADS("whole persons at the bounds", SCENARIO,
	      "[m1a]\nmin_employees = 0\n[m2]\ntier1_employees = 1\ntier2_employees = 10000000\n",
	      -1),
	FAILS("a person above the bound", SCENARIO, "[m1a]\nmin_employees = 10000001\n", 2,
	      "out of range", "0 to 10000000 persons"),
	/* regression: 5e-400 became 0元 while 1e400 was an error */
	FAILS("an amount so small that it reads as 0", SCENARIO, "[m1a]\ncap = 5e-400\n", 2,
	      "[m1a] cap: ", "\"5e-400\" is out of the range of numbers"),
	FAILS("a share so small that it reads as 0", SCENARIO, "[m1a]\nrate = 1e-400%\n", 2,
	      "[m1a] rate: ", "out of the range of numbers"),
	FAILS("an amount finer than a fen", SCENARIO, "[m1a]\ncap = 0.000001\n", 2,
	      "[m1a] cap: ", "\"0.000001\" is finer than a fen", "in whole fen"),
	FAILS("an amount half a fen over", SCENARIO, "[m1a]\ncap = 100.005\n", 2,
	      "is finer than a fen"),
	FAILS("a denormal amount", SCENARIO, "[m1a]\ncap = 1e-320\n", 2, "is finer than a fen"),
	LOADS("amounts in whole fen, 0 and a fen in 万", SCENARIO,
	      "[m1a]\ncap = 0.01\nmin_paid_capital = 0.000001万\n[m1b]\namount = 0e-400\n"
	      "[m3b]\namount = 1234567.89\n",
	      -1),
	FAILS("a bool other than true or false", SCENARIO, "[m1b]\nrequires_m1a = yes\n", 2,
	      "[m1b] requires_m1a: ", "\"yes\" is not true or false"),
	FAILS("a word not in the list", SCENARIO, "[m2]\nmode = bogus\n", 2,
	      "[m2] mode: ", "\"bogus\" is not one of: topup each once"),
	FAILS("tier thresholds that do not increase", SCENARIO,
	      "[m2]\ntier1_revenue = 2000万\ntier2_revenue = 2000万\n", 3,
	      "[m2] tier2_revenue: ", "must increase", "is not above tier1_revenue"),
	FAILS("a tier after a missing one", SCENARIO, "[m3a]\ntier2_revenue = none\n", -1,
	      "[m3a] tier3_revenue: ", "tier3 is set but tier2 is not"),
	FAILS_WITH("a base chain that loops", "other.ini", "; loops\n[scenario]\nbase = case.ini\n",
		   "[scenario]\nbase = other.ini\n",
		   "other.ini:3: [scenario] base: ", "case.ini loops back", "chain of bases"),
	FAILS("a base that names a missing file", SCENARIO,
	      "[m1a]\ncap = 1\n[scenario]\nbase = gone.ini\n", 4,
	      "[scenario] base: ", "gone.ini: cannot open: No such file", "relative base"),
	FAILS_WITH("an error in a base names the base and its line", "other.ini",
		   "[m1a]\ncap = lots\n", "[scenario]\nbase = other.ini\n",
		   "other.ini:2: [m1a] cap: ", "\"lots\""),
	FAILS("lognormal with a median of 0", SCENARIO, "[firms]\ncount = lognormal(0, 1)\n", 2,
	      "[firms] count: ", "lognormal(0, 1)", "median must be > 0"),
	FAILS("uniform with lo above hi", SCENARIO, "[firms]\ncount = uniform(5, 1)\n", 2,
	      "[firms] count: ", "uniform(5, 1)", "lo must be below hi"),
	FAILS("beta with a negative shape", SCENARIO, "[firms]\ncount = beta(-1, 2)\n", 2,
	      "[firms] count: ", "beta(-1, 2)", "a must be > 0"),
	FAILS("an unknown distribution lists the forms", SCENARIO, "[firms]\ncount = logn(1, 2)\n",
	      2, "[firms] count: ", "unknown distribution \"logn\"", "forms: uniform(lo, hi)"),
	FAILS("a distribution with too few arguments", SCENARIO, "[firms]\ncount = uniform(5)\n", 2,
	      "uniform(5)", "takes 2 arguments, got 1"),
	FAILS("a distribution whose draws leave the range", SCENARIO,
	      "[m1a]\nenabled = true\n[firms]\ncount = normal(10, 5)\n", 4,
	      "[firms] count: ", "draws go down to", "valid: 0 to"),
	FAILS("a range error writes large numbers in full, as the scenario would", SCENARIO,
	      "[firms]\ncount = lognormal(5e6, 3)\n", 2, "lognormal(5000000, 3)",
	      "percentile 813773957095 is above the most allowed value "
	      "1000000",
	      "valid: 0 to 1000000"),
	FAILS("a control character in a value stays on one line", SCENARIO,
	      "[m1a]\ncap = 1\x1b"
	      "2\n",
	      2, "[m1a] cap: ", "\\x1b"),
	FAILS("a lone CR ends a line (classic Mac), so the line after it is read", SCENARIO,
	      "[m1a]\rcap = 1\rcapp = 2\r", 3, "[m1a] capp", "unknown key"),
	FAILS("text after a section header is an error, not a dropped key", SCENARIO,
	      "[m1b]\namount = 1\n[m1a] cap = 200万\n", 3, "text after the section header",
	      "\"[m1a]\"", "\"cap = 200万\"", "put each key on its own line"),
	FAILS("a panel with CR-only line ends names the right line", PANEL,
	      "firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100"
	      "\rF1,2026,2020,existing,1,100万,10,1000万,0,0\rF2,2026,2020,existing,1,100万,10,"
	      "1000万,0,9\r",
	      3, "column top100", "\"9\""),
	/* regression: an empty file (a transfer cut short) ran the draft under its name */
	FAILS("an empty scenario file", SCENARIO, "", 0, "empty scenario file", "base = builtin"),
	FAILS("a scenario file of a UTF-8 byte order mark only", SCENARIO, "\xEF\xBB\xBF", 0,
	      "empty scenario file"),
	FAILS("a scenario file of comments and blank lines only", SCENARIO,
	      "; from the district\n\n   \r\n# more\n", 0, "empty scenario file"),
	FAILS("a scenario file of section headers only", SCENARIO, "[m1a]\n[m1b]\n", 0,
	      "empty scenario file"),
	FAILS_WITH("an empty base names the base", "other.ini", "; nothing\n",
		   "[scenario]\nbase = other.ini\n", "other.ini: empty scenario file"),
	LOADS("one key is not empty", SCENARIO, "; c\n[m1a]\ncap = 100万\n", -1),
	LOADS("base = builtin alone is the draft on purpose", SCENARIO,
	      "[scenario]\nbase = builtin\n", -1),
	/* ---- --set ---- */
	FAILS("--set without =", SET, "m1a.cap", -1, "--set m1a.cap", "expected section.key=value"),
	FAILS("--set of an unknown key", SET, "m1a.capp=1", -1, "unknown parameter m1a.capp",
	      "did you mean cap?"),
	FAILS("--set of a bad amount", SET, "m1a.cap=100x万", -1,
	      "--set m1a.cap=100x万: [m1a] cap: ", "is not an amount", "e.g. 100万"),
	FAILS("--set out of range", SET, "m1a.rate=150%", -1, "\"150%\" is out of range",
	      "0% to 100%"),
	FAILS("--set with a newline stays on one line", SET, "m1a.cap=1\n2", -1, "1\\n2"),
	FAILS("--set of a fraction of a person", SET, "m1a.min_employees=50.5", -1,
	      "--set m1a.min_employees=50.5: [m1a] min_employees: ", "is not a whole number"),
	FAILS("--set of an amount finer than a fen", SET, "m1a.cap=1.001", -1, "finer than a fen"),
	FAILS("--set of an amount that underflows", SET, "m1a.cap=5e-400万", -1,
	      "out of the range of numbers"),
	FAILS("a [sensitivity] bound finer than a fen", SCENARIO,
	      "[sensitivity]\nm1a.cap = 50万:150.0001\n", 2, "finer than a fen"),
	/* ---- the firm panel ---- */
	FAILS("a missing column lists the required ones", PANEL, "firm_id,year\n" ROW("F1", 2025),
	      1, "missing column \"founded\"", "required columns: firm_id,year,founded"),
	FAILS("an unknown column lists the valid ones", PANEL,
	      "firm_id,year,founded,origin,industrial,paid_capital,employees,revenu,"
	      "key_db,top100\n",
	      1, "unknown column \"revenu\"", "valid columns: firm_id,"),
	FAILS("a column given twice", PANEL,
	      "firm_id,year,year,founded,origin,industrial,paid_capital,employees,revenue,"
	      "key_db,top100\n",
	      1, "column \"year\" appears twice"),
	FAILS("a bad whole number", PANEL,
	      H ROW("F1", 2025) "F1,2026,2025,new,0,100,2x0,3000万,0,0\n", 3,
	      "column employees: \"2x0\" is not a whole number from 0 to 10000000"),
	FAILS("a bad amount", PANEL, H "F1,2025,2025,new,0,100,20,lots,0,0\n", 2,
	      "column revenue: \"lots\" is not an amount in yuan from 0 to 10万亿", "万 and 亿"),
	FAILS("a negative amount", PANEL, H "F1,2025,2025,new,0,-100,20,3000万,0,0\n", 2,
	      "column paid_capital: \"-100\"", "from 0 to 10万亿"),
	FAILS("a year out of range", PANEL, H "F1,1800,1800,new,0,100,20,3000万,0,0\n", 2,
	      "column year: \"1800\" is not a whole number from 1900 to 2200"),
	FAILS("an empty amount", PANEL, H "F1,2025,2025,new,0,100,20,,0,0\n", 2,
	      "column revenue: empty", "an amount in yuan is needed"),
	FAILS("an empty identifier", PANEL, H ",2025,2025,new,0,100,20,3000万,0,0\n", 2,
	      "column firm_id: empty", "an identifier is needed"),
	FAILS("an empty flag", PANEL, H "F1,2025,2025,new,,100,20,3000万,0,0\n", 2,
	      "column industrial: empty", "0 or 1"),
	FAILS("a flag other than 0 or 1", PANEL, H "F1,2025,2025,new,yes,100,20,3000万,0,0\n", 2,
	      "column industrial: \"yes\" is not 0 or 1"),
	FAILS("an origin not in the list", PANEL, H "F1,2025,2025,old,0,100,20,3000万,0,0\n", 2,
	      "column origin: \"old\" is not one of: existing new spinoff attracted"),
	FAILS("two rows for one firm and year", PANEL,
	      H ROW("F1", 2025) ROW("F2", 2025) ROW("F1", 2025), 4,
	      "firm F1 has two rows for year 2025 (the other is line 2)"),
	FAILS("a year before the firm was founded", PANEL,
	      H "F1,2024,2025,new,0,100,20,3000万,0,0\n", 2, "year 2024 is before founded 2025"),
	FAILS("rows of one firm that disagree", PANEL,
	      H ROW("F1", 2025) "F1,2026,2024,new,0,100,20,3000万,0,0\n", 3,
	      "firm F1: founded differs from line 2"),
	LOADS("a UTF-8 byte order mark is fine", PANEL, "\xEF\xBB\xBF" H ROW("F1", 2025), 1),
	LOADS("CRLF line ends are fine", PANEL,
	      "firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,"
	      "key_db,top100\r\n"
	      "F1,2025,2025,new,0,100,20,3000万,0,0\r\nF1,2026,2025,new,0,100,20,3000万,0,0\r\n",
	      2),
	LOADS("quoted fields with commas, and newlines in a name, are fine", PANEL,
	      "name," H "\"某某软件,\n有限公司\",\"F,1\",2025,2025,new,0,100,20,3000万,0,0\n"
	      "\"a\r\n\tb\",F2,2025,2025,new,0,100,20,\"3000万\",0,0\n",
	      2),
	LOADS("a quoted field with a doubled quote is fine", PANEL,
	      H "\"F\"\"1\",2025,2025,new,0,100,20,3000万,0,0\n", 1),
	FAILS("the line of an error after a quoted field with newlines", PANEL,
	      "name," H "\"a\n\nb\",F1,2025,2025,new,0,100,20,3000万,0,0\n"
	      "x," ROW("F2", 2025) "y,F3,2025,2025,new,0,100,20,3000万,0,oops\n",
	      6, "column top100: \"oops\" is not 0 or 1"),
	FAILS("a bad cell inside a multi-line record names the record's first line", PANEL,
	      "name," H "x," ROW("F1", 2025) "\"a\nb\",F2,2025,2025,new,0,100,x,3000万,0,0\n", 3,
	      "column employees: \"x\""),
	FAILS("a newline in a quoted cell stays on one line in the message", PANEL,
	      H "F1,2025,2025,new,0,100,\"2\n0\",3000万,0,0\n", 2,
	      "column employees: \"2\\n0\" holds a line break, \\x0A, at position 2"),
	FAILS("a truncated last line: too few fields", PANEL, H ROW("F1", 2025) "F2,2025,2025,new",
	      3, "4 fields, but the header has 10", "one per column"),
	FAILS("a truncated last line: a quote never closed", PANEL,
	      H ROW("F1", 2025) "F2,2025,2025,new,0,100,20,\"3000万,0,0\n", 3,
	      "a quoted field opens here and is never closed", "the file ends inside it"),
	FAILS("a quote never closed, opened on an earlier line", PANEL, H "\"F1\n,2025\n,2025", 2,
	      "opens here and is never closed"),
	FAILS("a stray quote inside a field", PANEL, H "F1,2025,2025,n\"ew,0,100,20,3000万,0,0\n",
	      2, "column origin: a quote inside a field that is not quoted", "\"\""),
	FAILS("text after a closing quote", PANEL, H "\"F1\"x,2025,2025,new,0,100,20,3000万,0,0\n",
	      2, "column firm_id: ", "text after a closing quote"),
	/* ---- as bureaus keep them (issue 13, item 5) ---- */
	LOADS("GBK bytes in a cell are converted", PANEL,
	      H "F1,2025,2025,new,0,100,20,3000\xCD\xF2,0,0\n", 1),
	LOADS("a GBK header in Chinese, 万元 in it, is converted and read", PANEL,
	      GBK_HEADER "F1,2025,2025,new,0,100,20,3000,0,0\n", 1),
	FAILS("bytes that are neither UTF-8 nor GB18030 name their line", PANEL,
	      H "F1,2025,2025,new,0,100,20,3000,0,0\n"
		"F2,2025,2025,new,0,100,20,3000\x80,0,0\n",
	      3, "neither UTF-8 nor GBK/GB18030 text", "save the file as CSV UTF-8"),
	/* regression: the cell check took any lead byte and its tail, so an
	 * overlong "/" or a surrogate passed as text */
	FAILS("an overlong form in a cell", PANEL,
	      H "F\xC0\xAF"
		"1,2025,2025,new,0,100,20,3000万,0,0\n",
	      2, "column firm_id is not UTF-8 text", "save the file as UTF-8"),
	FAILS("a surrogate in a cell", PANEL,
	      H ROW("F1", 2025) "F\xED\xA0\x80"
				"2,2025,2025,new,0,100,20,3000万,0,0\n",
	      3, "column firm_id is not UTF-8 text"),
	FAILS("a code point past U+10FFFF in a cell", ENTITIES,
	      EH "P\xF4\x90\x80\x80"
		 "1,M4,2025,national,,,,\n",
	      2, "column entity_id is not UTF-8 text"),
	LOADS("Chinese headers, a unit in one, other columns, thousands and 是/否", PANEL,
	      ZH_HEADER
	      ",备注\n2,F1,苏州某某软件有限公司,9144030071526726XG,昆山,2025,2025,新设,否,"
	      "\"1,000,000\",\"1,200\",\"3,000.5\",是,否,\"a, b\"\n",
	      1),
	LOADS("a row with every cell empty is skipped", PANEL, H ROW("F1", 2025) ",,,,,,,,,\n", 1),
	LOADS("a column with no header is not read", PANEL,
	      "firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,"
	      "top100,\n"
	      "F1,2025,2025,new,0,100,20,3000万,0,0,x\n",
	      1),
	LOADS("headers in any letter case, with spaces and revenue_wan", PANEL,
	      " Firm_ID ,YEAR,founded,origin,industrial,paid_capital,employees,revenue_wan,"
	      "key_db,top100\n"
	      "F1,2025,2025,new,0,100,20,3000,0,0\n",
	      1),
	FAILS("a credit code whose check character is wrong", PANEL,
	      ZH_HEADER "\n1,F1,x,9144030071526726XA,昆山,2025,2025,新设,否,100,20,3000,否,否\n", 2,
	      "column 统一社会信用代码 (credit_code): \"9144030071526726XA\"",
	      "check character is A, but the first 17 give G", "GB 32100-2015"),
	FAILS("a credit code of the wrong length", PANEL,
	      ZH_HEADER "\n1,F1,x,914403007152672,昆山,2025,2025,新设,否,100,20,3000,否,否\n", 2,
	      "(credit_code): \"914403007152672\" is not a unified social credit code",
	      "it has 15"),
	FAILS("a credit code with a letter codes never use", PANEL,
	      ZH_HEADER "\n1,F1,x,9144030071526726OG,昆山,2025,2025,新设,否,100,20,3000,否,否\n", 2,
	      "character 17 is not one", "but I, O, S, V, Z"),
	FAILS("a district that is not one of Suzhou's lists them", PANEL,
	      ZH_HEADER "\n1,F1,x,,无锡,2025,2025,新设,否,100,20,3000,否,否\n", 2,
	      "column district: \"无锡\" is not one of Suzhou's districts", "苏州工业园区 (园区",
	      "虎丘区 (虎丘/高新区/苏州高新区", "太仓市"),
	FAILS("a unit in the header of a column that is not an amount", PANEL,
	      "firm_id,year,founded(万元),origin,industrial,paid_capital,employees,revenue,key_db,"
	      "top100\n",
	      1, "column \"founded(万元)\": 万元 is not a unit", "only an amount"),
	FAILS("a head count in 万", PANEL,
	      "firm_id,year,founded,origin,industrial,paid_capital,从业人数（万人）,revenue,key_db,"
	      "top100\n",
	      1, "万人 is not a unit", "a head count's header may give 人"),
	FAILS("a unit fundsim does not read", PANEL,
	      "firm_id,year,founded,origin,industrial,paid_capital,employees,营业收入（美元）,"
	      "key_db,top100\n",
	      1, "美元 is not a unit", "元, 万元 or 亿元"),
	FAILS("a cell with its own unit in a 万元 column", PANEL,
	      ZH_HEADER "\n1,F1,x,,昆山,2025,2025,新设,否,100,20,3000万,否,否\n", 2,
	      "column 营业收入（万元） (revenue): \"3000万\" has a unit of its own",
	      "the header already gives 万元"),
	FAILS("commas that do not group thousands are not guessed at", PANEL,
	      H "F1,2025,2025,new,0,\"1,5\",20,3000万,0,0\n", 2,
	      "column paid_capital: \"1,5\" is not an amount", "15,000,000"),
	FAILS("commas that group thousands badly in a count", PANEL,
	      H "F1,2025,2025,new,0,100,\"1,20\",3000万,0,0\n", 2,
	      "column employees: \"1,20\" is not a whole number"),
	FAILS("a Chinese and an English header for one column", PANEL,
	      "firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,"
	      "top100,营业收入\n",
	      1, "columns \"revenue\" and \"营业收入\" are both revenue"),
	/* Invisible characters: "F1" and "F1" with one are one firm to the eye */
	FAILS("a no-break space inside an id", PANEL,
	      H ROW("F\xC2\xA0"
		    "1",
		    2025),
	      2,
	      "column firm_id: \"F\xC2\xA0"
	      "1\" holds an invisible character, U+00A0 "
	      "(no-break space), at position 2: delete it"),
	FAILS("a no-break space after an id is a space: the row is F1's second", PANEL,
	      H ROW("F1", 2025) ROW("F1\xC2\xA0", 2025), 3,
	      "firm F1 has two rows for year 2025 (the other is line 2)"),
	FAILS("spaces inside quotes around an id are spaces too", PANEL,
	      H ROW("F1", 2025) ROW("\" F1\xE3\x80\x80\"", 2025), 3,
	      "firm F1 has two rows for year 2025 (the other is line 2)"),
	FAILS("a zero-width space after an id", PANEL,
	      H ROW("F1", 2025) ROW("F1\xE2\x80\x8B", 2025), 3,
	      "column firm_id:", "U+200B (zero-width space), at position 3: delete it"),
	FAILS("a byte order mark at the start of a later line", PANEL,
	      H ROW("F1", 2025) "\xEF\xBB\xBF" ROW("F1", 2026), 3,
	      "U+FEFF (byte order mark), at position 1"),
	FAILS("a direction mark in an amount", PANEL,
	      H "F1,2025,2025,new,0,100,20,\xE2\x80\x8E"
		"3000万,0,0\n",
	      2, "column revenue:", "U+200E (direction mark)"),
	FAILS("a zero-width space in a header", PANEL,
	      "firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,"
	      "top100,district\xE2\x80\x8B\n",
	      1, "field 11: \"district", "U+200B (zero-width space), at position 9"),
	FAILS("a soft hyphen in an entity id", ENTITIES,
	      EH "P\xC2\xAD"
		 "1,M4,2025,municipal,,,,\n",
	      2, "column entity_id:", "U+00AD (soft hyphen), at position 2"),
	LOADS("invisible characters in a column not read change nothing", PANEL,
	      "备注," H "\xE2\x80\x8B\xC2\xA0x," ROW("F1", 2025), 1),
	/* Control characters: a quoted "F1\n" or "\rF1" is a second F1 to the
	 * program and the same to the eye; only a name may hold line breaks */
	FAILS("a leading CR in a quoted id", PANEL, H ROW("F1", 2025) ROW("\"\rF1\"", 2026), 3,
	      "column firm_id: \"\\rF1\" holds a line break, \\x0D, at position 1",
	      "only a name may run over lines"),
	FAILS("a newline after an entity id", ENTITIES,
	      EH "P1,M4,2025,national,,,,\n\"P1\n\",M4,2026,national,,,,\n", 3,
	      "column entity_id: \"P1\\n\" holds a line break, \\x0A, at position 3"),
	FAILS("a tab inside an id", PANEL, H ROW("F\t1", 2025), 2,
	      "column firm_id: \"F\\t1\" holds a control character, \\x09, at position 2"),
	FAILS("a line break in a credit code", PANEL,
	      ZH_HEADER "\n1,F1,x,\"91320501MA1XK0\n0378\",昆山,2025,2025,新设,否,100,20,3000,否,"
			"否\n",
	      2, "column 统一社会信用代码: \"91320501MA1XK0\\n0378\" holds a line break",
	      "at position 15"),
	FAILS("a C1 control character in an amount", PANEL,
	      H "F1,2025,2025,new,0,100,20,3000\xC2\x85万,0,0\n", 2,
	      "column revenue: ", "holds a control character, U+0085, at position 5"),
	FAILS("DEL in a district", PANEL,
	      ZH_HEADER "\n1,F1,x,,昆山\x7F,2025,2025,新设,否,100,20,3000,否,否\n", 2,
	      "column 所属区县: \"昆山\\x7f\" holds a control character, \\x7F, at position 3"),
	FAILS("a control character in a name other than a line break or tab", PANEL,
	      ZH_HEADER "\n1,F1,某某\x1B[2J公司,,昆山,2025,2025,新设,否,100,20,3000,否,否\n", 2,
	      "column 企业名称: ", "holds a control character, \\x1B, at position 3"),
	LOADS("a name over two lines, as Alt+Enter in an Excel cell makes it", PANEL,
	      ZH_HEADER
	      "\n1,F1,\"苏州某某软件\r\n有限公司\",,昆山,2025,2025,新设,否,100,20,3000,否,"
	      "否\n",
	      1),
	/* Full-width forms: "Ｆ01" and "F01" are two firms that look alike */
	FAILS("a full-width letter in an id", PANEL,
	      H ROW("F1", 2025) ROW("\xEF\xBC\xA6"
				    "1",
				    2026),
	      3,
	      "column firm_id: \"\xEF\xBC\xA6"
	      "1\" holds a full-width character, \xEF\xBC\xA6 (U+FF26), at position 1",
	      "type it half-width (半角), as \"F\""),
	FAILS("a full-width digit in a credit code", PANEL,
	      ZH_HEADER
	      "\n1,F1,x,9132050\xEF\xBC\x91MA1XK00378,昆山,2025,2025,新设,否,100,20,3000,否,"
	      "否\n",
	      2, "column 统一社会信用代码: ", "U+FF11), at position 8", "as \"1\""),
	FAILS("a full-width letter in an entity id", ENTITIES,
	      EH "\xEF\xBC\xB0"
		 "1,M4,2025,national,,,,\n",
	      2, "column entity_id: ", "(U+FF30), at position 1", "as \"P\""),
	FAILS("a full-width space inside an id", PANEL,
	      H ROW("F\xE3\x80\x80"
		    "1",
		    2025),
	      2, "column firm_id: ", "(U+3000), at position 2", "half-width (半角), as \" \""),
	/* a number typed with the Chinese input method: it reads as the number */
	FAILS("full-width digits in an amount", PANEL,
	      ZH_HEADER "\n1,F1,x,,昆山,2025,2025,新设,否,100,20,３０００,否,否\n", 2,
	      "column 营业收入（万元）: \"３０００\" holds a full-width character, ３ (U+FF13), "
	      "at position 1: type it half-width (半角), as \"3\""),
	FAILS("a full-width point in a staff count", PANEL,
	      ZH_HEADER "\n1,F1,x,,昆山,2025,2025,新设,否,100,20．0,3000,否,否\n", 2,
	      "(U+FF0E), at position 3", "as \".\""),
	FAILS("a full-width percent sign in an entity's amount", ENTITIES,
	      EH "P1,M6C,2025,,5000000,50％,,\n", 2, "(U+FF05), at position 3", "as \"%\""),
	LOADS("full-width brackets in a name are Chinese text", PANEL,
	      ZH_HEADER
	      "\n1,F1,苏州某某（集团）有限公司，一部,,昆山,2025,2025,新设,否,100,20,3000,否,"
	      "否\n",
	      1),
	/* one credit code is one enterprise */
	FAILS("one credit code under two firm ids", PANEL,
	      ZH_HEADER "\n1,F1,x,91320501MA1XK00378,昆山,2025,2025,新设,否,100,20,3000,否,否\n"
			"2,F2,y,91320501MA1XK00378,昆山,2025,2025,新设,否,100,20,3000,否,否\n",
	      3, "firm F2 has credit code 91320501MA1XK00378, which is firm F1's on line 2",
	      "give it one firm_id"),
	LOADS("one credit code on a firm's rows of two years", PANEL,
	      ZH_HEADER "\n1,F1,x,91320501MA1XK00378,昆山,2025,2025,新设,否,100,20,3000,否,否\n"
			"2,F1,x,91320501MA1XK00378,昆山,2026,2025,新设,否,100,20,3000,否,否\n",
	      2),
	/* regression: a firm_id's years with two codes were read as one firm */
	FAILS("one firm id with two credit codes", PANEL,
	      ZH_HEADER "\n1,F1,x,91320501MA1XK00378,昆山,2026,2025,新设,否,100,20,3000,否,否\n"
			"2,F2,y,,昆山,2025,2025,新设,否,100,20,3000,否,否\n"
			"3,F1,x,9144030071526726XG,昆山,2025,2025,新设,否,100,20,3000,否,否\n",
	      2, "firm F1 has credit code 91320501MA1XK00378, but 9144030071526726XG on line 4",
	      "correct the code, or give two enterprises two firm_ids"),
	LOADS("a firm's credit code on one year's row only", PANEL,
	      ZH_HEADER "\n1,F1,x,91320501MA1XK00378,昆山,2025,2025,新设,否,100,20,3000,否,否\n"
			"2,F1,x,,昆山,2026,2025,新设,否,100,20,3000,否,否\n",
	      2),
	FAILS("a missing column gives its Chinese name", PANEL, "企业代码,年度\n", 1,
	      "missing column \"founded\" (or 成立年份)"),
	FAILS("an Excel 97-2003 workbook", PANEL, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", 0,
	      "an Excel 97-2003 workbook (.xls)", "save it as .xlsx"),
	FAILS_NUL("UTF-16 text", PANEL,
		  "\xFF\xFE"
		  "f\0i\0r\0",
		  0, "UTF-16 text", "save it as CSV UTF-8"),
	FAILS("a file that starts as a zip but is not a workbook", PANEL, "PK\x03\x04 not a zip", 0,
	      "cannot read the workbook: xlsx2csv exited with status"),
	LOADS("entities with Chinese headers, a 万元 base and a credit code", ENTITIES,
	      "主体代码,奖补条目,年度,级别,计算基数（万元）,核定金额,住房补贴,考核通过,主体名称,"
	      "统一社会信用代码\n"
	      "R1,M6A,2025,,\"2,000\",,,,某项目,91330100716105852F\n"
	      "B1,M13B,2025,,,,,是,某基地,\n",
	      2),
	FAILS("a bad credit code in an entities file", ENTITIES,
	      EH_CODE "R1,M6A,2025,,2000万,,,,91330100716105852G\n", 2,
	      "column credit_code: \"91330100716105852G\"", "check character"),
	FAILS_NUL("a NUL byte", PANEL, H "F1,2025\0,x\n", 2, "a NUL byte", "not a text file"),
	FAILS("an empty file", PANEL, "", 0, "empty file (expected a header row)"),
	/* regression (fuzz_panel, fuzz_entities): no rows meant qsort(NULL, 0), which UBSan
	 * reports; and regression: a header alone was read as a panel of no firms, exit 0 */
	FAILS("a header and no rows", PANEL, H, 0, "no rows under the header", "an empty panel"),
	FAILS("a header and only empty rows", PANEL, H ",,,,,,,,,\n,,,,,,,,,\n", 0,
	      "no rows under the header"),
	FAILS("a Chinese header and no rows", PANEL, ZH_HEADER "\r\n", 0,
	      "no rows under the header"),
	FAILS("a header and no rows in an entities file", ENTITIES, EH, 0,
	      "no rows under the header", "an empty entities file"),
	LOADS("a header and one row", PANEL, H ROW("F1", 2025), 1),
	LOADS("a header and one row in an entities file", ENTITIES, EH "P1,M4,2025,national,,,,\n",
	      1),
	/* regression (fuzz_panel): an id with a control character broke the
	 * message; now it is refused, escaped in the message */
	FAILS("an id with a control character", PANEL,
	      H "\x06" ROW("F1", 2025) "\x06" ROW("F1", 2025), 2,
	      "column firm_id: \"\\x06F1\" holds a control character, \\x06, at position 1",
	      "delete it"),
	FAILS("an id with a newline", PANEL,
	      H "\"F\n1\",2025,2025,new,0,100,20,3000万,0,0\n"
		"\"F\n1\",2026,2024,new,0,100,20,3000万,0,0\n",
	      2, "column firm_id: \"F\\n1\" holds a line break, \\x0A, at position 2"),
	FAILS("too many columns", PANEL, H "F1,2025,2025,new,0,100,20,3000万,0,0,1,2\n", 2,
	      "12 fields, but the header has 10"),
	/* ---- the entities file ---- */
	FAILS("a level not in the list", ENTITIES, EH "P1,M4,2025,county,,,,\n", 2,
	      "column level: \"county\" is not one of:", "national"),
	FAILS("a level a line does not have", ENTITIES, EH "P1,M4,2025,municipal,,,,\n", 2,
	      "column level: M4 has no municipal level (valid: provincial to national)"),
	FAILS("an unknown award line", ENTITIES, EH "P1,M99,2025,,,,,\n", 2,
	      "column line: \"M99\" is not an award line (expected M4 ... M13B)"),
	FAILS("a firm line in the entities file", ENTITIES, EH "P1,M1A,2025,,,,,\n", 2,
	      "column line: M1A is a firm line", "--firms"),
	FAILS("a level left empty where the line needs it", ENTITIES, EH "P1,M4,2025,,,,,\n", 2,
	      "column level: empty, but M4 needs it (provincial to national)"),
	FAILS("a value in a column the line does not use", ENTITIES, EH "O1,M8A,2025,,100万,,,\n",
	      2, "column base: M8A does not use it (leave the cell empty)"),
	FAILS("a bad amount in an entity's base", ENTITIES, EH "R1,M6A,2025,,abc,,,\n", 2,
	      "column base: \"abc\" is not an amount"),
	FAILS("two rows for one entity, line and year", ENTITIES,
	      EH "P1,M4,2025,national,,,,\nP1,M4,2025,provincial,,,,\n", 3,
	      "entity P1 under M4 has two rows for year 2025 (the other is line 2)"),
	FAILS("a missing required column", ENTITIES, "entity_id,year\nP1,2025\n", 1,
	      "missing column \"line\"", "required columns: entity_id,line,year"),
	FAILS("a status not in the list", ENTITIES,
	      "entity_id,line,year,status\nO1,M8A,2025,approved\nO2,M8A,2025,rejected\n", 3,
	      "column status: \"rejected\" is not one of:", "approved", "paid", "pending"),
	LOADS("statuses in English and Chinese", ENTITIES,
	      "entity_id,line,year,审批状态\nO1,M8A,2025,paid\nO2,M8A,2025,申报中\nO3,M8A,2025,\n",
	      3),
	LOADS("the optional columns may be left out", ENTITIES,
	      "entity_id,line,year\nO1,M8A,2025\n", 1),
};

#define NCASES (sizeof cases / sizeof cases[0])

/* ---- a folder per run ---- */

static char root[64];

static void make_root(void)
{
	tmpdir_make(root, sizeof root, "check_errors-");
}

static void remove_root(void)
{
	tmpdir_remove(root);
}

/* Write len bytes of text (NULs included) to root/name; path gets it. */
static void put(const char *name, const char *text, size_t len, char *path, size_t n)
{
	snprintf(path, n, "%s/%s", root, name);
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot write %s", path);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	fclose(f);
}


/* Load c's input; 0 or -1 with the message in err; *rows when it loads. */
static int load(const struct bad_input *c, char *path, size_t pathlen, char *err, size_t errlen,
		long *rows)
{
	err[0] = '\0';
	*rows = -1;
	if (c->other_name) {
		char other[512];
		put(c->other_name, c->other_text, strlen(c->other_text), other, sizeof other);
	}
	int rc;
	switch (c->loader) {
	case SCENARIO:
	case SET: {
		struct scenario *s = calloc(1, sizeof *s);
		ck_assert_ptr_nonnull(s);
		char *sets[1] = {(char *)c->text};
		if (c->loader == SCENARIO) {
			put("case.ini", c->text, strlen(c->text), path, pathlen);
			rc = scenario_open(s, path, NULL, 0, err, errlen);
		} else {
			path[0] = '\0';
			rc = scenario_open(s, NULL, sets, 1, err, errlen);
		}
		free(s);
		return rc;
	}
	case PANEL: {
		struct panel p;
		put("case.csv", c->text, c->len ? c->len : strlen(c->text), path, pathlen);
		rc = panel_load(path, &p, err, errlen);
		*rows = (long)p.n;
		panel_free(&p);
		return rc;
	}
	case ENTITIES: {
		struct entities e;
		put("case.csv", c->text, strlen(c->text), path, pathlen);
		rc = entities_load(path, &e, err, errlen);
		*rows = (long)e.n;
		entities_free(&e);
		return rc;
	}
	}
	return -1;
}

START_TEST(each_bad_input_gets_a_message_that_says_where_what_and_what_is_valid)
{
	const struct bad_input *c = &cases[_i];
	char path[512], err[ERR_LEN];
	long rows;
	int rc = load(c, path, sizeof path, err, sizeof err, &rows);
	if (!c->want[0]) {
		ck_assert_msg(rc == 0, "%s: should load, got: %s", c->name, err);
		ck_assert_msg(rows == c->rows, "%s: %ld rows, expected %ld", c->name, rows,
			      c->rows);
		return;
	}
	ck_assert_msg(rc != 0, "%s: loaded, but should fail", c->name);
	ck_assert_msg(err[0] != '\0', "%s: no message", c->name);
	for (const unsigned char *p = (const unsigned char *)err; *p; p++)
		ck_assert_msg(*p >= 0x20 && *p != 0x7f, "%s: not one printable line: \"%s\"",
			      c->name, err);
	if (c->line >= 0) {
		char at[600];
		if (c->line)
			snprintf(at, sizeof at, "%s:%d: ", path, c->line);
		else
			snprintf(at, sizeof at, "%s", path);
		ck_assert_msg(strncmp(err, at, strlen(at)) == 0, "%s: \"%s\" should start \"%s\"",
			      c->name, err, at);
	} else if (c->line == -2) { /* the message is about the other file */
		char at[600];
		snprintf(at, sizeof at, "%s/", root);
		ck_assert_msg(strncmp(err, at, strlen(at)) == 0, "%s: \"%s\" should start \"%s\"",
			      c->name, err, at);
	}
	for (int k = 0; k < MAX_WANT && c->want[k]; k++)
		ck_assert_msg(strstr(err, c->want[k]) != NULL, "%s: expected \"%s\" in \"%s\"",
			      c->name, c->want[k], err);
}
END_TEST

static Suite *errors_suite(void)
{
	Suite *s = suite_create("errors");
	TCase *tc = tcase_create("bad input");
	tcase_add_unchecked_fixture(tc, make_root, remove_root);
	tcase_add_loop_test(tc,
			    each_bad_input_gets_a_message_that_says_where_what_and_what_is_valid, 0,
			    (int)NCASES);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(errors_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
