/* workbook.c - results.xlsx (workbook.h): the run's summary as sheets
 * for the bureau, with libxlsxwriter.
 *
 * A workbook is a table of sheets (run_sheets), a function each; a new
 * sheet is one row and one function. Every word a sheet shows is a row of WB_WORDS, English
 * beside Chinese (a later issue moves them into gettext). */
#include "workbook.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "comm.h"
#include "params.h"
#include "policy.h"
#include "rating.h"
#include "room.h"
#include "text.h"
#include "uncosted.h"
#include "version.h"
#include "i18n.h"

/* ---- words: English, Chinese ---- */

#define WB_WORDS(W)                                                                                      \
	W(S_HEADLINE, N_("Headline"))                                                                    \
	W(S_BY_YEAR, N_("Measures by paid year"))                                                        \
	W(S_RANKED, N_("Measures ranked"))                                                               \
	W(S_LEVELS, N_("Funding levels"))                                                                \
	W(S_DISTRICTS, N_("Districts"))                                                                  \
	W(S_DISTRICT_LINES, N_("Districts by line"))                                                     \
	W(S_OWNERS, N_("Budget owners"))                                                                 \
	W(S_RECIPIENTS, N_("Recipients"))                                                                \
	W(S_BUDGET, N_("Budget risk"))                                                                   \
	W(S_TORNADO, N_("Key assumptions"))                                                              \
	W(S_UNCOSTED, N_("Not costed"))                                                                  \
	W(H_DESC_ZH, N_("Description (Chinese)"))                                                        \
	W(H_DESC_EN, N_("Description (English)"))                                                        \
	W(H_LUMP_YEAR, N_("Bureau's lump sum a year (万元)"))                                            \
	W(H_LUMP_ALL, N_("Lump sum over the policy years (万元)"))                                       \
	W(R_UNCOSTED,                                                                                    \
	  N_("The draft promises these without an amount: they are not in the modelled total. A lump "   \
	     "sum the bureau decides is set in the scenario's [uncosted] section, yuan a policy year.")) \
	W(R_MODELLED, N_("Total (modelled)"))                                                            \
	W(R_LUMPS, N_("The bureau's lump sums"))                                                         \
	W(R_WITH_LUMPS, N_("Total including the bureau's lump sums"))                                    \
	W(S_PARAMS, N_("Parameters"))                                                                    \
	W(S_METHOD, N_("Method and manifest"))                                                           \
	W(T_TITLE, N_("What the measures cost: scenario %s"))                                            \
	W(T_SUB, N_("Qualifying years %d-%d, paid %d-%d; %s replications, seed %llu; amounts "           \
		    "in 万元"))                                                                          \
	W(H_ITEM, N_("Item"))                                                                            \
	W(H_MEAN, N_("Mean (万元)"))                                                                     \
	W(H_P5, /* xgettext:no-c-format */ N_("5% (万元)"))                                              \
	W(H_P95, /* xgettext:no-c-format */ N_("95% (万元)"))                                            \
	W(H_P80, N_("P80 (万元)"))                                                                       \
	W(H_P90, N_("P90 (万元)"))                                                                       \
	W(H_SD, N_("Std dev (万元)"))                                                                    \
	W(H_SE, N_("Std error (万元)"))                                                                  \
	W(H_P25, /* xgettext:no-c-format */ N_("25% (万元)"))                                            \
	W(H_P50, N_("Median (万元)"))                                                                    \
	W(H_P75, /* xgettext:no-c-format */ N_("75% (万元)"))                                            \
	W(H_CMEAN, N_("Mean (awards)"))                                                                  \
	W(H_CP5, /* xgettext:no-c-format */ N_("5% (awards)"))                                           \
	W(H_CP95, /* xgettext:no-c-format */ N_("95% (awards)"))                                         \
	W(H_CLAUSE, N_("Clause"))                                                                        \
	W(H_LINE, N_("Line"))                                                                            \
	W(H_MEASURE, N_("Measure"))                                                                      \
	W(H_RANK, N_("Rank"))                                                                            \
	W(H_SHARE, N_("Share of total"))                                                                 \
	W(H_LEVEL, N_("Funding level"))                                                                  \
	W(H_YEAR, N_("Paid year"))                                                                       \
	W(H_ENVELOPE, N_("Envelope"))                                                                    \
	W(H_LIMIT, N_("Limit (万元)"))                                                                   \
	W(H_PEXCEED, N_("Chance of exceeding"))                                                          \
	W(H_OVERRUN, N_("Expected overrun (万元)"))                                                      \
	W(H_PBINDS, N_("Chance the cap binds"))                                                          \
	W(H_CUT, N_("Mean cut (万元)"))                                                                  \
	W(H_KEY, N_("Key"))                                                                              \
	W(H_VALUE, N_("Value"))                                                                          \
	W(H_WRITTEN, N_("As written"))                                                                   \
	W(H_UNIT, N_("Unit"))                                                                            \
	W(H_WHERE, N_("Where set"))                                                                      \
	W(H_MEANING, N_("Meaning"))                                                                      \
	W(H_BASE, N_("Base value"))                                                                      \
	W(H_LOW, N_("Low value"))                                                                        \
	W(H_HIGH, N_("High value"))                                                                      \
	W(H_MLOW, N_("Mean total at low (万元)"))                                                        \
	W(H_MHIGH, N_("Mean total at high (万元)"))                                                      \
	W(H_SWING, N_("Swing (万元)"))                                                                   \
	W(R_PERIOD, N_("Total %d-%d"))                                                                   \
	W(R_ALL_YEARS, N_("%d-%d"))                                                                      \
	W(H_CARRIED_IN, N_("Carried in (万元)"))                                                         \
	W(H_CARRIED_OUT, N_("Carried out (万元)"))                                                       \
	W(R_AFTER, N_("%d (after the horizon)"))                                                         \
	W(R_WITHIN, N_("Within the policy's paid years %d-%d"))                                          \
	W(R_TAIL_NOTE,                                                                                   \
	  N_("Years marked \"after the horizon\" pay commitments made in the policy period "             \
	     "(yearly support, instalments); the totals include them."))                                 \
	W(R_TOTAL, N_("Total"))                                                                          \
	W(R_ENVELOPES, N_("Budget envelopes"))                                                           \
	W(R_NO_ENVELOPE, N_("No budget envelope is set in this scenario ([budget])."))                   \
	W(R_PLANNING, N_("P80 and P90 are the planning figures: appropriate this much and "              \
			 "spending overruns it in at most 20% / 10% of replications."))                  \
	W(R_INTERVAL, /* xgettext:no-c-format */ N_(                                                     \
		  "The 90% interval runs from the 5th to the 95th percentile; "                          \
		  "percentiles do not add up across measures or levels."))                               \
	W(R_ANNUAL, N_("annual"))                                                                        \
	W(R_PERIOD_ENV, N_("all paid years"))                                                            \
	W(R_UNSET, N_("unset"))                                                                          \
	W(R_INHERITS, N_("inherits [funding]"))                                                          \
	W(R_INHERITED, N_("(inherits)"))                                                                 \
	W(R_BUILTIN, N_("built-in"))                                                                     \
	W(C_FAN, N_("Spending per paid year, all measures (万元)"))                                      \
	W(C_RANKED, N_("Measures by expected cost (万元)"))                                              \
	W(M_METHOD, N_("Method"))                                                                        \
	W(M_METHOD_TEXT, N_("Monte Carlo simulation of every award line over the firms, "                \
			    "parks, projects, centres and talent of each replication; each "             \
			    "replication a possible future drawn from the scenario's "                   \
			    "distributions. Amounts are yuan in the CSV files and 万元 here "          \
			    "(yuan / 10,000, rounded to the fen first)."))                               \
	W(M_FILES, N_("Files"))                                                                          \
	W(M_FILES_TEXT, N_("This workbook is for Excel and WPS; the CSV files beside it "                \
			   "(UTF-8, amounts in yuan) are for other tools and hold the same "             \
			   "figures."))                                                                  \
	W(M_SOBOL, N_("S1 and ST"))                                                                      \
	W(M_SOBOL_TEXT, /* xgettext:no-c-format */                                                       \
	  N_("S1, the first-order index: the share of the variance of mean total spending due to "       \
	     "the parameter alone. ST, the total index: its share including its interactions with "      \
	     "the other parameters. ST - S1 is what the parameter does only together with others; "      \
	     "an index near 0 (or a little below, by sampling error) means the parameter barely "        \
	     "matters over its range. [95%] is a bootstrap interval."))                                  \
	W(M_LEFT_OUT, N_("Rows left out"))                                                               \
	W(M_LEFT_OUT_TEXT,                                                                               \
	  N_("%ld rows of the sheets above, where every amount is 0 (the measure "                       \
	     "pays nothing at that level and year, in any case), are left out; "                         \
	     "the CSV files have every row."))                                                           \
	W(M_VERSION, N_("version"))                                                                      \
	W(M_COMMAND, N_("command"))                                                                      \
	W(M_SCENARIO, N_("scenario"))                                                                    \
	W(M_SEED, N_("seed"))                                                                            \
	W(M_REPS, N_("replications"))                                                                    \
	W(M_THREADS, N_("threads"))                                                                      \
	W(M_WALL, N_("wall time"))                                                                       \
	W(M_DATE, N_("date"))                                                                            \
	W(M_HASH, N_("scenario file fnv1a64"))                                                           \
	W(M_FIRMS, N_("firms"))                                                                          \
	W(M_ENTITIES, N_("entities"))                                                                    \
	W(M_RESOLVED, N_("resolved scenario"))                                                           \
	W(M_PRECISION, N_("precision"))                                                                  \
	W(M_CRN, N_("common random numbers"))                                                            \
	W(S_SWEEP_TOTAL, N_("Total by value"))                                                           \
	W(R_BASE_CASE, N_("Base case"))                                                                  \
	W(H_POINT, N_("Point"))                                                                          \
	W(H_TOTAL_MEAN, N_("Total: mean (万元)"))                                                        \
	W(H_CHANGE, N_("Change from the base case (万元)"))                                              \
	W(H_CHANGE_SE, N_("Change: std error (万元)"))                                                   \
	W(R_GIVEN, N_("as the scenario gives it"))                                                       \
	W(S_EVAL_COST, N_("Evaluation 1 inputs"))                                                        \
	W(S_EVAL_FUNDS, N_("Evaluation 2 funding"))                                                      \
	W(S_EVAL_OUTPUTS, N_("Evaluation 3 outputs"))                                                    \
	W(S_EVAL_RATINGS, N_("Evaluation 4 ratings"))                                                    \
	W(H_OWNER_KEY, N_("Key (by_owner.csv)"))                                                         \
	W(R_ALL_PAID, N_("All paid years"))                                                              \
	W(R_TRUE, N_("yes"))                                                                             \
	W(R_FALSE, N_("no"))                                                                             \
	W(C_SCOPE_HEAD, N_("Why the lines' changes do not add up to the total's"))                       \
	W(C_SCOPE_LINE,                                                                                  \
	  N_("%s (%s) is counted in the total of %s, not of %s: it moves the total's "                   \
	     "change by"))                                                                               \
	W(C_SCOPE_NEITHER,                                                                               \
	  N_("%s (%s) is counted in neither total (a contingent item, 一事一议): its own "           \
	     "change, not in the total's, is"))                                                          \
	W(C_SCOPE_BOTH, N_("%s: the lines counted in both totals change it by"))                         \
	W(C_SCOPE_TOTAL, N_("%s: the total's change, all paid years (mean)"))                            \
	W(H_BASIS, N_("Basis (what its comment says)"))                                                  \
	W(H_COMMENT, N_("Its comment in the scenario file"))                                             \
	W(P_UNMARKED, N_("no comment"))                                                                  \
	W(P_TEXT, N_("policy text"))                                                                     \
	W(P_SOURCED, N_("source"))                                                                       \
	W(P_DEFINITION, N_("definition"))                                                                \
	W(P_READING, N_("reading"))                                                                      \
	W(P_PARTLY, N_("partly assumption"))                                                             \
	W(P_ASSUMPTION, N_("assumption"))                                                                \
	W(E_TITLE, N_("Ex-ante performance evaluation (事前绩效评估): scenario %s"))                     \
	W(E_SUB, /* xgettext:no-c-format */ N_(                                                          \
		  "Amounts in 万元: the mean over the replications, the 90% interval (5% to 95%"       \
		  ") and the planning figures P80 and P90; the same run as the other sheets."))          \
	W(E_COST,                                                                                        \
	  N_("1. Economy of the inputs (投入经济性): expected cost per paid year and over "         \
	     "all paid years"))                                                                          \
	W(E_FUNDS, N_("2. Funding composition (资金构成): who pays"))                                    \
	W(E_OUTPUTS, N_("3. Performance targets (绩效目标): output indicators, awards paid"))            \
	W(E_RATINGS, N_("4. Uncertainty of each costing"))                                               \
	W(H_DISTRICT, N_("Recipients' district"))                                                        \
	W(H_OWNER, N_("Budget owner"))                                                                   \
	W(H_OWNER_ZH, N_("Name (Chinese)"))                                                              \
	W(H_OWNER_EN, N_("Name (English)"))                                                              \
	W(H_NEW, N_("New money"))                                                                        \
	W(H_PROV_MEAN, N_("Provincial: mean (万元)"))                                                    \
	W(H_MUNI_MEAN, N_("Municipal: mean (万元)"))                                                     \
	W(H_DIST_MEAN, N_("District: mean (万元)"))                                                      \
	W(R_YES, N_("yes"))                                                                              \
	W(R_NO, N_("no, an existing programme"))                                                         \
	W(R_NOT_GIVEN, N_("district not given"))                                                         \
	W(R_SUM_DISTRICTS, N_("Sum of the districts (means)"))                                           \
	W(R_NEW_ONLY, N_("Of which new money (subtotal of the rows above)"))                             \
	W(R_ALL, N_("All paid years %d-%d"))                                                             \
	W(R_DISTRICT_NOTE,                                                                               \
	  N_("Each district: the awards to its recipients over all paid years. Their sum is of "         \
	     "the means above, each rounded to the fen, so it can differ from the total's by a "         \
	     "few fen; percentiles do not add up."))                                                     \
	W(C_DISTRICTS, N_("Spending by district, all paid years (万元)"))                                \
	W(H_BY, N_("Composition by"))                                                                    \
	W(H_CODE, N_("Code"))                                                                            \
	W(H_NAME, N_("Name"))                                                                            \
	W(H_AVG, N_("Mean award (万元)"))                                                                \
	W(H_DATA, N_("Data"))                                                                            \
	W(H_DATA_S, N_("Data: share assumed"))                                                           \
	W(H_MODEL, N_("Modelling"))                                                                      \
	W(H_MODEL_S, N_("Modelling: share assumed"))                                                     \
	W(H_BEHAV, N_("Behaviour"))                                                                      \
	W(H_BEHAV_S, N_("Behaviour: share assumed"))                                                     \
	W(H_VARSHARE, N_("Share of the total's variance"))                                               \
	W(H_OVERALL, N_("Overall"))                                                                      \
	W(R_LOW, N_("low"))                                                                              \
	W(R_MEDIUM, N_("medium"))                                                                        \
	W(R_HIGH, N_("high"))                                                                            \
	W(R_VHIGH, N_("very high"))                                                                      \
	W(R_CONTINGENT, N_(" (contingent, not in the total)"))                                           \
	W(E_METHOD,                                                                                      \
	  N_("Method, in the manner of the UK Office for Budget Responsibility's "                       \
	     "uncertainty ratings of policy costings (data, modelling, behaviour; "                      \
	     "obr.uk/forecasts-in-depth/policy-costings/): each value a line rests on "                  \
	     "counts on one axis: data (its applicants' counts, bases and populations: "                 \
	     "[pop.X], or the parts of the firm model its firms come from), modelling "                  \
	     "(its rule keys) or behaviour (take-up, request, approval, housing, pass). A "              \
	     "value weighs by the comment beside it in the scenario file: the policy text "              \
	     "(第N条), a source or a definition 0, a reading or a partly assumed value 1/2"            \
	     ", an assumption or no comment 1. An axis's share assumed is the mean "                     \
	     "weight: low below 25%, medium below 50%, high below 75%, very high from "                  \
	     "75%. Overall: the mean of the three levels to the nearest, one step higher "               \
	     "when the line carries 20% or more of the total's variance (material)."))                   \
	W(E_COV, N_("Share of the total's variance: Cov(line, total) / Var(total) over the "             \
		    "replications; the lines add up to 100%; contingent items are not in the "           \
		    "total."))                                                                           \
	W(E_VAR, N_("Share of the total's variance: the line's variance over the sum of the "            \
		    "lines' (the run kept no rows to pair); contingent items are not in the "            \
		    "total."))

#define AS_ENUM(id, en) id,
#define AS_ROW(id, en) [id] = en,
enum word { WB_WORDS(AS_ENUM) N_WORDS };
static const char *const words[N_WORDS] = {WB_WORDS(AS_ROW)};

static const char *const level_words[N_LEVELS] = {N_("Total"), N_("Provincial"), N_("Municipal"),
						  N_("District")};

/* ---- the writer: formats, checked cells, column widths ---- */

#define WB_COLS 64
#define WB_BUFS 16         /* sheets given a bigger buffer (a study has at most 9) */
#define WB_BUF (64 * 1024) /* the buffer of a constant_memory sheet's rows */
#define WB_SCEN 16         /* a compare's alternatives with a note on their totals */
#define N_SCOPE_COLS 9
#define MONEY_FMT "#,##0.00\" 万元\""

/* A sweep's point as its total's sheet shows it: sweep.csv's TOTAL rows. */
enum {
	PT_POINT,
	PT_KEY1,
	PT_VALUE1,
	PT_KEY2,
	PT_VALUE2,
	PT_LINE,
	PT_LEVEL,
	PT_MEAN,
	PT_P5,
	PT_P95,
	PT_DIFF,
	PT_DIFF_SE,
	N_PT_COLS
};
static const char *const pt_cols[N_PT_COLS] = {"point",  "key1", "value1", "key2",
					       "value2", "line", "level",  "mean",
					       "p5",     "p95",  "diff",   "diff_se"};
struct sweep_pt {
	bool seen;
	char key[2][96];
	double value[2];
	double mean[N_LEVELS], p5, p95, diff, diff_se; /* yuan */
};

struct wb {
	lxw_workbook *book;
	enum chart_lang lang;
	int bad;        /* the first lxw_error, or 0 */
	char what[160]; /* where it happened */
	lxw_format *title, *head, *group, *text, *wrap, *money, *share, *count, *number, *whole;
	lxw_format *decimal; /* a plain number that need not be whole, to 2 decimals */
	lxw_format *after;   /* a year after the horizon: the number, the words in its format */
	lxw_format *year;    /* a year or a rank: a whole number, centred */
	lxw_format *center;  /* a word of a short column (a period, a rating, yes or no), centred */
	lxw_format *lwhole;  /* a whole number beside its label (the method sheet), to the left */
	lxw_worksheet *ws;   /* the sheet being written */
	int frozen;          /* its header rows (frozen, repeated on each printed page) */
	int frozen_cols;     /* its label columns (frozen) */
	int block[8];        /* a sheet of blocks side by side (wide_sheet): where each */
	int nblock;          /* starts; printed a block a page, the labels beside */
	char sheet[64];      /* its name */
	int width[WB_COLS];
	char *buf[WB_BUFS]; /* the sheets' row buffers, until the book is closed */
	int nbuf;
	/* a run's */
	const struct wb_run *r;
	const char *dir;      /* the folder it is written into, beside manifest.txt */
	int years, first;     /* paid years and the first one */
	int horizon;          /* the policy's own paid years; later ones are its tail */
	struct evaluation ev; /* the run's ratings (eval_of), ev_n lines listed */
	int ev_lines[N_LINES + 1], ev_n;
	/* a study's */
	long left_out;
	/* a compare's lines whose change is not their part of TOTAL's
	 * (scope_compare), by alternative */
	char base[128];
	int nalt, at[N_SCOPE_COLS]; /* at: compare.csv's columns (scope_cols) */
	struct scope_alt {
		char name[128];
		double total[N_LEVELS]; /* TOTAL's change at each level, NaN unseen */
		int n;
		struct scope_line {
			int line, lv, in; /* in: 1 the alternative's total only, -1 the
					   * base's, 0 neither */
			double part, diff;
		} l[N_LINES * N_LEVELS];
	} alt[WB_SCEN];
	struct sweep_pt *pt; /* a sweep's points (sweep_scan), npt of them */
	int npt, ptcol[N_PT_COLS];
};

static const char *w(const struct wb *x, enum word id)
{
	return L_(x->lang, words[id]);
}

static void check(struct wb *x, lxw_error e, const char *what)
{
	if (e != LXW_NO_ERROR && !x->bad) {
		x->bad = (int)e;
		snprintf(x->what, sizeof x->what, "%s, sheet %s", what, x->sheet);
	}
}

static void widen(struct wb *x, int col, int cols)
{
	if (col >= 0 && col < WB_COLS && cols > x->width[col])
		x->width[col] = cols;
}

/* Text from anywhere (names and paths from inputs too): one printable
 * line, never a formula (a string cell). */
static void put_text(struct wb *x, int row, int col, const char *s, lxw_format *f)
{
	char clean[2048];
	text_escape_to(clean, sizeof clean, s ? s : "");
	check(x,
	      worksheet_write_string(x->ws, (lxw_row_t)row, (lxw_col_t)col, clean, f ? f : x->text),
	      "a text cell");
	if (f != x->title && f != x->wrap)
		widen(x, col, text_width(clean) + 2);
}

/* The integer digits of |v| as printf shows it with decimals, 0 when
 * unsure: a number within a relative 1e-12 of a rounding step (10^k less
 * half a last decimal: 9.995 for 2), or not below 1e15, is left to
 * printf. Away from a step, comparing with it decides as printf's
 * rounding does. */
static int int_digits(double v, int decimals)
{
	static const double half[] = {0.5, 0.05, 0.005, 0.0005, 0.00005};
	double a = fabs(v), p = 10;
	if (!(a < 1e15) || decimals < 0 || decimals > 4)
		return 0;
	int digits = 1;
	for (; p <= 1e15; p *= 10, digits++) {
		double step = p - half[decimals];
		if (fabs(a - step) <= step * 1e-12)
			return 0;
		if (a < step)
			break;
	}
	return digits;
}

/* Columns a number takes as shown with decimals and a suffix of sfx
 * columns: digits, separators, sign. (A study writes tens of thousands of
 * cells: printf only where int_digits is unsure.) */
static int number_cols(double v, int decimals, int sfx)
{
	int digits = int_digits(v, decimals), n = digits + (decimals ? decimals + 1 : 0);
	if (!digits) {
		char t[64];
		n = snprintf(t, sizeof t, "%.*f", decimals, fabs(v));
		digits = n - (decimals ? decimals + 1 : 0);
	}
	return n + (digits - 1) / 3 + (v < 0) + sfx + 2;
}

/* An amount: yuan in, 万元 in the cell: the CSV files' figure (printf's
 * rounding to the fen, which round(yuan * 100) does not always agree
 * with at a half fen) divided by 10,000. */
static void put_money(struct wb *x, int row, int col, double yuan)
{
	/* Already a whole number of fen (a CSV file's figure): the nearest
	 * double to k/100, which printf shows as k/100 (half an ulp below
	 * 1e13 is under 0.001) and strtod reads back as yuan itself. */
	double k = nearbyint(yuan * 100), wan = yuan / 1e4;
	if (!(fabs(yuan) < 1e13 && k / 100 == yuan)) {
		char fen[64];
		snprintf(fen, sizeof fen, "%.2f", yuan);
		wan = strtod(fen, NULL) / 1e4;
	}
	check(x, worksheet_write_number(x->ws, (lxw_row_t)row, (lxw_col_t)col, wan, x->money),
	      "an amount");
	widen(x, col, number_cols(wan, 2, 5));
}

static void put_number(struct wb *x, int row, int col, double v, lxw_format *f)
{
	if (!isfinite(v)) {
		put_text(x, row, col, "", NULL);
		return;
	}
	check(x, worksheet_write_number(x->ws, (lxw_row_t)row, (lxw_col_t)col, v, f), "a number");
	widen(x, col, f == x->share ? 9 : number_cols(v, f == x->count ? 1 : 4, 0));
}

static void put_head(struct wb *x, int row, int col, const char *s)
{
	put_text(x, row, col, s, x->head);
}

static void freeze(struct wb *x, int rows, int cols)
{
	worksheet_freeze_panes(x->ws, (lxw_row_t)rows, (lxw_col_t)cols);
	x->frozen = rows;
	x->frozen_cols = cols;
}

static int sheet_begin(struct wb *x, const char *name)
{
	x->frozen = x->frozen_cols = x->nblock = 0;
	snprintf(x->sheet, sizeof x->sheet, "%s", name);
	memset(x->width, 0, sizeof x->width);
	x->ws = workbook_add_worksheet(x->book, name);
	if (!x->ws) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding the sheet");
		return -1;
	}
	/* constant_memory: the rows go to a temporary file, written and read
	 * back 4 KB a call (its st_blksize); 64 KB a call saves ~1,000 calls
	 * on a compare's sheet. Nothing has used the new stream yet, as
	 * setvbuf requires; without the memory it keeps its own buffer. */
	FILE *rows = x->ws->optimize_tmpfile;
	if (rows && x->nbuf < WB_BUFS && (x->buf[x->nbuf] = malloc(WB_BUF)))
		setvbuf(rows, x->buf[x->nbuf++], _IOFBF, WB_BUF);
	return 0;
}

/* Column c's width as set: what was written, within [6, 60]. */
static int col_width(const struct wb *x, int c)
{
	return x->width[c] < 6 ? (x->width[c] ? 6 : 0) : x->width[c] > 60 ? 60 : x->width[c];
}

/* A4 landscape holds about this many characters of columns at 100%:
 * 261 mm between default margins, and LibreOffice prints a character of
 * column width about 2.5 mm wide (Excel less); A3 landscape (384 mm) 147. */
#define PAGE_CHARS 100
#define A3_CHARS 147
/* The smallest print scale a sheet one page wide gets (%): 11 points at
 * half size are still read on A3. A wider one (a tornado's 24 columns, a
 * compare's 18) prints at this scale on pages side by side, its labels
 * beside each, rather than one page wide at a third of its size. */
#define MIN_SCALE 50
#define MAX_LABELS (A3_CHARS * 100 / MIN_SCALE * 2 / 5) /* columns repeated: 2/5 of a page */

/* Column widths from what was written, within [6, 60] (longer text is
 * cut on screen, whole in the cell). Printed: landscape, the header rows
 * on every page, one page wide and as many long as it takes: a page split
 * across its columns loses its labels, and a leader reads a page alone.
 * A sheet of blocks side by side (by year: five statistics of six
 * columns) would print too small to read one page wide, even on A3: it
 * prints a block a page, its label columns repeated beside each. */
static void sheet_end(struct wb *x)
{
	int total = 0;
	for (int c = 0; c < WB_COLS; c++)
		total += col_width(x, c);
	worksheet_set_paper(x->ws, !x->nblock && total > 240 ? 8 : 9); /* A3, A4 */
	worksheet_set_landscape(x->ws);
	if (x->nblock) {
		int labels = 0, widest = 0;
		lxw_col_t breaks[9] = {0};
		for (int c = 0; c < x->frozen_cols; c++)
			labels += col_width(x, c);
		for (int b = 0; b < x->nblock; b++) {
			int end = b + 1 < x->nblock ? x->block[b + 1] : WB_COLS, cols = 0;
			for (int c = x->block[b]; c < end; c++)
				cols += col_width(x, c);
			widest = cols > widest ? cols : widest;
			if (b > 0) /* a page starts with each block but the first */
				breaks[b - 1] = (lxw_col_t)x->block[b];
		}
		int scale = 100 * PAGE_CHARS / (labels + widest);
		worksheet_set_print_scale(x->ws, (uint16_t)(scale < 100 ? scale : 100));
		check(x, worksheet_set_v_pagebreaks(x->ws, breaks), "the page breaks");
		check(x, worksheet_repeat_columns(x->ws, 0, (lxw_col_t)(x->frozen_cols - 1)),
		      "the printed labels");
	} else if (x->frozen_cols > 0 && total * MIN_SCALE > 100 * A3_CHARS) {
		worksheet_set_print_scale(x->ws, MIN_SCALE);
		worksheet_print_across(x->ws); /* each band of rows, its pages side by side */
		check(x, worksheet_repeat_columns(x->ws, 0, (lxw_col_t)(x->frozen_cols - 1)),
		      "the printed labels");
	} else {
		worksheet_fit_to_pages(x->ws, 1, 0);
	}
	if (x->frozen > 0)
		check(x, worksheet_repeat_rows(x->ws, 0, (lxw_row_t)(x->frozen - 1)),
		      "the printed header");
	for (int c = 0; c < WB_COLS; c++) {
		if (!x->width[c])
			continue;
		check(x,
		      worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, col_width(x, c),
					   NULL),
		      "a column width");
	}
}

static void formats(struct wb *x)
{
	const char *font = x->lang == CHART_ZH ? "等线" : "Calibri";
	lxw_format **all[] = {&x->title, &x->head,    &x->group, &x->text,   &x->wrap,
			      &x->money, &x->share,   &x->count, &x->number, &x->whole,
			      &x->after, &x->decimal, &x->year,  &x->center, &x->lwhole};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		*all[i] = workbook_add_format(x->book);
		format_set_font_name(*all[i], font);
		/* every cell at the top of its row: beside a wrapped cell of
		 * several lines, a label at the foot read as the next row's */
		format_set_align(*all[i], LXW_ALIGN_VERTICAL_TOP);
	}
	format_set_bold(x->title);
	format_set_font_size(x->title, 14);
	/* Centred over its column: a header flush left over figures flush
	 * right stood over the gap before the next column, and on paper a
	 * year read as the heading of the column to its left. */
	format_set_bold(x->head);
	format_set_text_wrap(x->head);
	format_set_align(x->head, LXW_ALIGN_CENTER);
	format_set_bottom(x->head, LXW_BORDER_THIN);
	format_set_bg_color(x->head, 0xDDE6F0);
	/* Text a character in from the left: after a figure flush right it
	 * read as one word with it ("40,192.80 万元software_fund",
	 * "50.0%50%"). */
	format_set_align(x->text, LXW_ALIGN_LEFT);
	format_set_indent(x->text, 1);
	format_set_bold(x->group);
	format_set_align(x->group, LXW_ALIGN_CENTER);
	format_set_bg_color(x->group, 0xDDE6F0);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_LEFT);
	format_set_indent(x->wrap, 1); /* as text */
	format_set_num_format(x->money, MONEY_FMT);
	format_set_num_format(x->share, "0.0%");
	format_set_num_format(x->count, "#,##0.0");
	format_set_num_format(x->whole, "0");
	format_set_num_format(x->year, "0");
	format_set_align(x->year, LXW_ALIGN_CENTER);
	format_set_align(x->center, LXW_ALIGN_CENTER);
	format_set_num_format(x->lwhole, "0");
	format_set_align(x->lwhole, LXW_ALIGN_LEFT);
	format_set_indent(x->lwhole, 1);
	format_set_num_format(x->number, "0.000"); /* a Sobol index: a share of variance, 0 to 1 */
	format_set_num_format(x->decimal, "#,##0.00");
	/* "%d (after the horizon)" as a number format: 0" (after the horizon)" */
	char fmt[160];
	const char *a = w(x, R_AFTER), *d = strstr(a, "%d");
	if (d)
		snprintf(fmt, sizeof fmt, "\"%.*s\"0\"%s\"", (int)(d - a), a, d + 2);
	format_set_num_format(x->after, d ? fmt : "0");
	format_set_align(x->after, LXW_ALIGN_CENTER);
}

/* ---- a run's sheets ---- */

static const char *level_word(const struct wb *x, int lv)
{
	return L_(x->lang, level_words[lv]);
}

static const char *measure_word(const struct wb *x, int line)
{
	if (line == N_LINES)
		return w(x, R_TOTAL);
	return x->lang == CHART_ZH ? line_info(line)->zh : line_info(line)->who;
}

/* A line's clause, name and measure from column col; the total is
 * "Total" (合计) in the name column too, never the CSV's key TOTAL. */
static void line_cells(struct wb *x, int row, int col, int line)
{
	put_text(x, row, col, line < N_LINES ? line_info(line)->clause : "", NULL);
	put_text(x, row, col + 1, line < N_LINES ? line_info(line)->name : w(x, R_TOTAL), NULL);
	put_text(x, row, col + 2, measure_word(x, line), NULL);
}

/* Paid-year index y as a row label: the year, or the period. */
static void year_label(const struct wb *x, int y, char *buf, size_t n)
{
	if (y == x->years)
		snprintf(buf, n, w(x, R_ALL_YEARS), x->first, x->first + x->years - 1);
	else if (y >= x->horizon)
		snprintf(buf, n, w(x, R_AFTER), x->first + y);
	else
		snprintf(buf, n, "%d", x->first + y);
}

/* Paid-year index y in a column of years: a year is a number (a year
 * after the horizon says so in its number format, so that it still
 * sorts and filters as a year); the period is its label, text. */
static void put_year(struct wb *x, int row, int col, int y)
{
	char t[64];
	if (y >= x->years) {
		year_label(x, y, t, sizeof t);
		put_text(x, row, col, t, x->center);
		return;
	}
	put_number(x, row, col, x->first + y, y >= x->horizon ? x->after : x->year);
	if (y >= x->horizon) {
		year_label(x, y, t, sizeof t);
		widen(x, col, text_width(t) + 2);
	}
}

/* The columns of an amount's statistics, as summary.csv orders them. */
static const struct {
	enum word head;
	int pct; /* -1 mean, -2 sd, -3 se */
} stat_cols[] = {
	{H_MEAN, -1}, {H_SD, -2},   {H_SE, -3},   {H_P5, P5},   {H_P25, P25},
	{H_P50, P50}, {H_P75, P75}, {H_P95, P95}, {H_P80, P80}, {H_P90, P90},
};
#define N_STAT_COLS (int)(sizeof stat_cols / sizeof stat_cols[0])

static double stat_value(const struct stats *st, int pct)
{
	return pct == -1 ? st->mean : pct == -2 ? st->sd : pct == -3 ? st->se : st->pct[pct];
}

/* The headline's five figures: mean, 90% interval, planning figures. */
static const struct {
	enum word head;
	int pct;
} headline_cols[] = {{H_MEAN, -1}, {H_P5, P5}, {H_P95, P95}, {H_P80, P80}, {H_P90, P90}};
#define N_HEADLINE_COLS 5

static void headline_row(struct wb *x, int row, const char *label, const struct stats *st)
{
	put_text(x, row, 0, label, NULL);
	for (int k = 0; k < N_HEADLINE_COLS; k++)
		put_money(x, row, 1 + k, stat_value(st, headline_cols[k].pct));
}

static bool capping(const struct envelope *e, const struct policy *p)
{
	return e->annual && e->lv == LV_TOTAL && summary_capping(p);
}

/* The fan: mean, 5%, 95% and P90 of the total per paid year, from the
 * headline's own rows. */
static void fan_chart(struct wb *x, int row0, int row, int col)
{
	lxw_chart *ch = workbook_add_chart(x->book, LXW_CHART_LINE);
	if (!ch) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the fan chart");
		return;
	}
	int r1 = row0, r2 = row0 + x->years - 1;
	static const int cols[] = {2, 1, 3, 5}; /* 5%, mean, 95%, P90 */
	static const uint8_t dash[] = {LXW_CHART_LINE_DASH_DASH, LXW_CHART_LINE_DASH_SOLID,
				       LXW_CHART_LINE_DASH_DASH, LXW_CHART_LINE_DASH_ROUND_DOT};
	static const lxw_color_t colour[] = {0x7F9FBF, 0x1F4E79, 0x7F9FBF, 0xC55A11};
	for (int k = 0; k < 4; k++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		chart_series_set_categories(se, x->sheet, (lxw_row_t)r1, 0, (lxw_row_t)r2, 0);
		chart_series_set_values(se, x->sheet, (lxw_row_t)r1, (lxw_col_t)cols[k],
					(lxw_row_t)r2, (lxw_col_t)cols[k]);
		chart_series_set_name_range(se, x->sheet, 3, (lxw_col_t)cols[k]);
		lxw_chart_line line = {.color = colour[k],
				       .width = k == 1 ? 2.5 : 1.5,
				       .dash_type = dash[k]};
		chart_series_set_line(se, &line);
		chart_series_set_marker_type(se, LXW_CHART_MARKER_CIRCLE);
	}
	chart_title_set_name(ch, w(x, C_FAN));
	chart_axis_set_num_format(ch->y_axis, "#,##0");
	chart_axis_set_name(ch->x_axis, w(x, H_YEAR));
	chart_axis_set_label_position(ch->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options o = {.x_scale = 1.5, .y_scale = 1.4};
	check(x, worksheet_insert_chart_opt(x->ws, (lxw_row_t)row, (lxw_col_t)col, ch, &o),
	      "the fan chart");
}

static int ranked_count(const struct wb *x)
{
	const struct summary *sm = x->r->sm;
	int n = 0;
	while (n < sm->nranked && summary_money(sm, sm->by_cost[n], x->years, LV_TOTAL)->mean > 0)
		n++;
	return n;
}

/* The measures ranked: mean and P90 bars, from the ranked sheet's cells. */
static void ranked_chart(struct wb *x, int row, int col)
{
	int n = ranked_count(x);
	if (n == 0)
		return;
	lxw_chart *ch = workbook_add_chart(x->book, LXW_CHART_BAR);
	if (!ch) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the ranked chart");
		return;
	}
	const char *sheet = w(x, S_RANKED);
	static const int cols[] = {4, 8}; /* mean, P90 */
	static const lxw_color_t colour[] = {0x1F4E79, 0xC55A11};
	for (int k = 0; k < 2; k++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		chart_series_set_categories(se, sheet, 1, 3, (lxw_row_t)n, 3);
		chart_series_set_values(se, sheet, 1, (lxw_col_t)cols[k], (lxw_row_t)n,
					(lxw_col_t)cols[k]);
		chart_series_set_name_range(se, sheet, 0, (lxw_col_t)cols[k]);
		lxw_chart_fill fill = {.color = colour[k]};
		chart_series_set_fill(se, &fill);
	}
	chart_title_set_name(ch, w(x, C_RANKED));
	/* a bar chart's categories run up its y axis: reversed, the dearest is on top */
	chart_axis_set_reverse(ch->y_axis);
	/* every measure named: a smaller font, and no names skipped */
	lxw_chart_font small = {.size = 8};
	chart_axis_set_num_font(ch->y_axis, &small);
	chart_axis_set_interval_unit(ch->y_axis, 1);
	chart_axis_set_num_format(ch->x_axis, "#,##0");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	/* a bar a measure, on one landscape page at most */
	lxw_chart_options o = {.x_scale = 1.5, .y_scale = fmin(1.0 + n / 10.0, 2.2)};
	check(x, worksheet_insert_chart_opt(x->ws, (lxw_row_t)row, (lxw_col_t)col, ch, &o),
	      "the ranked chart");
}

static void sheet_headline(struct wb *x)
{
	const struct summary *sm = x->r->sm;
	const struct scenario *s = x->r->ri->s;
	char t[512], reps[32];
	snprintf(t, sizeof t, w(x, T_TITLE), s->name);
	put_text(x, 0, 0, t, x->title);
	snprintf(t, sizeof t, w(x, T_SUB), s->pol.start_year, s->pol.start_year + s->pol.years - 1,
		 x->first, x->first + x->years - 1, text_grouped(sm->reps, reps, sizeof reps),
		 (unsigned long long)x->r->ri->seed);
	put_text(x, 1, 0, t, NULL);
	x->width[0] = 0; /* the title and subtitle run across */
	int row = 3;
	put_head(x, row, 0, w(x, H_ITEM));
	for (int k = 0; k < N_HEADLINE_COLS; k++)
		put_head(x, row, 1 + k, w(x, headline_cols[k].head));
	freeze(x, 4, 1);
	x->frozen = 0; /* on paper the charts follow: no header over them */
	row++;
	snprintf(t, sizeof t, w(x, R_PERIOD), x->first, x->first + x->years - 1);
	headline_row(x, row++, t, summary_money(sm, N_LINES, x->years, LV_TOTAL));
	for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++)
		headline_row(x, row++, level_word(x, lv), summary_money(sm, N_LINES, x->years, lv));
	int year_row = row;
	for (int y = 0; y < x->years; y++) {
		year_label(x, y, t, sizeof t); /* text: a year after the horizon says so */
		headline_row(x, row++, t, summary_money(sm, N_LINES, y, LV_TOTAL));
	}
	if (x->years > x->horizon) {
		snprintf(t, sizeof t, w(x, R_WITHIN), x->first, x->first + x->horizon - 1);
		headline_row(x, row++, t,
			     summary_money(sm, N_LINES, sim_within(&sm->layout), LV_TOTAL));
		put_text(x, row++, 0, w(x, R_TAIL_NOTE), NULL);
	}
	row++;
	put_text(x, row++, 0, w(x, R_ENVELOPES), x->title);
	if (sm->nenv == 0) {
		put_text(x, row++, 0, w(x, R_NO_ENVELOPE), NULL);
	} else {
		enum word h[] = {H_ENVELOPE, H_YEAR, H_LIMIT, H_PEXCEED, H_OVERRUN};
		for (int k = 0; k < 5; k++)
			put_head(x, row, k, w(x, h[k]));
		row++;
		for (int i = 0; i < sm->nenv; i++) {
			const struct envelope *e = &sm->env[i];
			int y0 = e->annual ? 0 : x->years, y1 = e->annual ? x->years - 1 : x->years;
			for (int y = y0; y <= y1; y++) {
				const struct risk *over = summary_over(sm, i, y);
				put_text(x, row, 0, L_(x->lang, e->words), NULL);
				put_year(x, row, 1, y);
				put_money(x, row, 2, e->limit);
				put_number(x, row, 3, over->prob, x->share);
				put_money(x, row, 4, over->mean);
				row++;
			}
		}
	}
	row++;
	put_text(x, row++, 0, w(x, R_PLANNING), NULL);
	put_text(x, row++, 0, w(x, R_INTERVAL), NULL);
	x->width[0] = x->width[0] > 24 ? 24 : x->width[0]; /* the notes run across */
	widen(x, 0, 24);
	row++;
	/* under the tables on screen; on paper each chart starts a page, so
	 * that neither is cut in two */
	fan_chart(x, year_row, row, 0);
	ranked_chart(x, row + 22, 0);
	lxw_row_t breaks[] = {(lxw_row_t)row, (lxw_row_t)(row + 22), 0};
	check(x, worksheet_set_h_pagebreaks(x->ws, breaks), "the page breaks");
}

/* Lines (and the total) by paid year: a block of years and the period
 * per statistic. counts: awards (recipients) rather than amounts. */
static void wide_sheet(struct wb *x, bool counts)
{
	const struct summary *sm = x->r->sm;
	static const struct {
		enum word head, count_head;
		int pct;
	} blocks[] = {{H_MEAN, H_CMEAN, -1},
		      {H_P5, H_CP5, P5},
		      {H_P95, H_CP95, P95},
		      {H_P80, 0, P80},
		      {H_P90, 0, P90}};
	int nblocks = counts ? 3 : 5;
	put_head(x, 1, 0, w(x, H_CLAUSE));
	put_head(x, 1, 1, w(x, H_LINE));
	put_head(x, 1, 2, w(x, H_MEASURE));
	for (int c = 0; c < 3; c++)
		put_text(x, 0, c, "", x->group);
	for (int b = 0; b < nblocks; b++) {
		int c0 = 3 + b * (x->years + 1);
		const char *g = w(x, counts ? blocks[b].count_head : blocks[b].head);
		x->block[x->nblock++] = c0;
		check(x,
		      worksheet_merge_range(x->ws, 0, (lxw_col_t)c0, 0, (lxw_col_t)(c0 + x->years),
					    g, x->group),
		      "a group header");
		for (int y = 0; y <= x->years; y++) {
			char t[32];
			year_label(x, y, t, sizeof t);
			put_head(x, 1, c0 + y, t);
		}
	}
	freeze(x, 2, 3);
	for (int line = 0; line <= N_LINES; line++) {
		int row = 2 + line;
		line_cells(x, row, 0, line);
		for (int b = 0; b < nblocks; b++) {
			for (int y = 0; y <= x->years; y++) {
				int col = 3 + b * (x->years + 1) + y;
				if (counts)
					put_number(x, row, col,
						   stat_value(summary_recipients(sm, line, y),
							      blocks[b].pct),
						   x->count);
				else
					put_money(x, row, col,
						  stat_value(summary_money(sm, line, y, LV_TOTAL),
							     blocks[b].pct));
			}
		}
	}
	if (x->width[2] > 40)
		x->width[2] = 40;
}

static void sheet_by_year(struct wb *x)
{
	wide_sheet(x, false);
}

static void sheet_recipients(struct wb *x)
{
	wide_sheet(x, true);
}

static void sheet_ranked(struct wb *x)
{
	const struct summary *sm = x->r->sm;
	enum word h[] = {H_RANK, H_CLAUSE, H_LINE, H_MEASURE, H_MEAN,
			 H_P5,   H_P95,    H_P80,  H_P90,     H_SHARE};
	for (int k = 0; k < 10; k++)
		put_head(x, 0, k, w(x, h[k]));
	freeze(x, 1, 4);
	double total = summary_money(sm, N_LINES, x->years, LV_TOTAL)->mean;
	int n = ranked_count(x);
	for (int k = 0; k < n; k++) {
		int line = sm->by_cost[k], row = 1 + k;
		const struct stats *st = summary_money(sm, line, x->years, LV_TOTAL);
		put_number(x, row, 0, k + 1, x->year);
		put_text(x, row, 1, line_info(line)->clause, NULL);
		put_text(x, row, 2, line_info(line)->name, NULL);
		put_text(x, row, 3, measure_word(x, line), NULL);
		put_money(x, row, 4, st->mean);
		put_money(x, row, 5, st->pct[P5]);
		put_money(x, row, 6, st->pct[P95]);
		put_money(x, row, 7, st->pct[P80]);
		put_money(x, row, 8, st->pct[P90]);
		put_number(x, row, 9, total > 0 ? st->mean / total : 0, x->share);
	}
	if (x->width[3] > 40)
		x->width[3] = 40;
}

static void sheet_levels(struct wb *x)
{
	const struct summary *sm = x->r->sm;
	put_head(x, 0, 0, w(x, H_LEVEL));
	put_head(x, 0, 1, w(x, H_YEAR));
	for (int k = 0; k < N_STAT_COLS; k++)
		put_head(x, 0, 2 + k, w(x, stat_cols[k].head));
	freeze(x, 1, 2);
	int row = 1;
	for (int lv = 0; lv < N_LEVELS; lv++) {
		for (int y = 0; y <= x->years; y++, row++) {
			put_text(x, row, 0, level_word(x, lv), NULL);
			put_year(x, row, 1, y);
			const struct stats *st = summary_money(sm, N_LINES, y, (enum fund_level)lv);
			for (int k = 0; k < N_STAT_COLS; k++)
				put_money(x, row, 2 + k, stat_value(st, stat_cols[k].pct));
		}
	}
}

static void sheet_budget(struct wb *x)
{
	const struct summary *sm = x->r->sm;
	const struct policy *p = &x->r->ri->s->pol;
	enum word h[] = {H_ENVELOPE, H_YEAR,   H_LEVEL, H_LIMIT,      H_PEXCEED,
			 H_OVERRUN,  H_PBINDS, H_CUT,   H_CARRIED_IN, H_CARRIED_OUT};
	for (int k = 0; k < 10; k++)
		put_head(x, 0, k, w(x, h[k]));
	freeze(x, 1, 1);
	if (sm->nenv == 0) {
		put_text(x, 1, 0, w(x, R_NO_ENVELOPE), NULL);
		x->width[0] = 0; /* the note runs across */
		widen(x, 0, text_width(w(x, H_ENVELOPE)) + 2);
	}
	int row = 1;
	for (int i = 0; i < sm->nenv; i++) {
		const struct envelope *e = &sm->env[i];
		int y0 = e->annual ? 0 : x->years, y1 = e->annual ? x->years - 1 : x->years;
		for (int y = y0; y <= y1; y++, row++) {
			const struct risk *over = summary_over(sm, i, y);
			struct risk cut = capping(e, p) ? *summary_cut(sm, y) : (struct risk){0, 0};
			put_text(x, row, 0, L_(x->lang, e->words), NULL);
			put_year(x, row, 1, y);
			put_text(x, row, 2, level_word(x, e->lv), NULL);
			put_money(x, row, 3, e->limit);
			put_number(x, row, 4, over->prob, x->share);
			put_money(x, row, 5, over->mean);
			put_number(x, row, 6, cut.prob, x->share);
			put_money(x, row, 7, cut.mean);
			/* carry_forward: the "all" row holds what is still owed after the last year */
			put_money(x, row, 8, capping(e, p) ? summary_carry_in(sm, y)->mean : 0);
			put_money(x, row, 9, capping(e, p) ? summary_carry_out(sm, y)->mean : 0);
		}
	}
}

/* ---- districts and budget owners (by_district.csv, by_owner.csv) ---- */

/* Whether the run has district and owner cells (a lean one has none). */
static bool has_dims(const struct wb *x)
{
	return summary_district(x->r->sm, 0, N_LINES, LV_TOTAL) != NULL;
}

/* The districts shown, as by_district.csv writes them: the ten, then 0
 * (not given) only when some replication paid a recipient with none. */
static int districts_shown(const struct wb *x, int *d)
{
	int n = 0;
	for (int k = 1; k <= N_DISTRICTS; k++)
		d[n++] = k;
	if (summary_district(x->r->sm, 0, N_LINES, LV_TOTAL)->mean > 0)
		d[n++] = 0;
	return n;
}

/* District d's name (official, as the CSV's); N_WHERE: the total. */
static const char *district_word(const struct wb *x, int d)
{
	return d == N_WHERE ? w(x, R_TOTAL) : d == 0 ? w(x, R_NOT_GIVEN) : district_name(d);
}

static const struct stats *district_stats(const struct wb *x, int d, int line, int lv)
{
	const struct summary *sm = x->r->sm;
	return d == N_WHERE ? summary_money(sm, line, x->years, (enum fund_level)lv)
			    : summary_district(sm, d, line, (enum fund_level)lv);
}

/* A row of the districts' table: the five figures, then each level's mean. */
static void district_row(struct wb *x, int row, int d)
{
	put_text(x, row, 0, district_word(x, d), NULL);
	for (int k = 0; k < N_HEADLINE_COLS; k++)
		put_money(x, row, 1 + k,
			  stat_value(district_stats(x, d, N_LINES, LV_TOTAL),
				     headline_cols[k].pct));
	for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++)
		put_money(x, row, 5 + lv, district_stats(x, d, N_LINES, lv)->mean);
}

/* Bars of the districts' means, from the table's own cells. */
static void district_chart(struct wb *x, int n, int row, int col)
{
	lxw_chart *ch = workbook_add_chart(x->book, LXW_CHART_BAR);
	if (!ch) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the district chart");
		return;
	}
	lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(se, x->sheet, 1, 0, (lxw_row_t)n, 0);
	chart_series_set_values(se, x->sheet, 1, 1, (lxw_row_t)n, 1);
	chart_series_set_name_range(se, x->sheet, 0, 1);
	lxw_chart_fill fill = {.color = 0x1F4E79};
	chart_series_set_fill(se, &fill);
	chart_title_set_name(ch, w(x, C_DISTRICTS));
	chart_axis_set_reverse(ch->y_axis); /* the first district on top */
	chart_axis_set_interval_unit(ch->y_axis, 1);
	chart_axis_set_num_format(ch->x_axis, "#,##0");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	lxw_chart_options o = {.x_scale = 1.3, .y_scale = 1.3};
	check(x, worksheet_insert_chart_opt(x->ws, (lxw_row_t)row, (lxw_col_t)col, ch, &o),
	      "the district chart");
}

/* 分区: each district's total (its levels' means beside), their sum and
 * TOTAL; then every line by district and level, as by_district.csv. */
static void sheet_districts(struct wb *x)
{
	const struct summary *sm = x->r->sm;
	int d[N_WHERE];
	int n = districts_shown(x, d);
	enum word h[] = {H_DISTRICT, H_MEAN,      H_P5,        H_P95,      H_P80,
			 H_P90,      H_PROV_MEAN, H_MUNI_MEAN, H_DIST_MEAN};
	for (int k = 0; k < 9; k++)
		put_head(x, 0, k, w(x, h[k]));
	freeze(x, 1, 1);
	int row = 1;
	for (int k = 0; k < n; k++)
		district_row(x, row++, d[k]);
	/* the sum of the cells above, each rounded to the fen as shown (and as
	 * by_district.csv): TOTAL's mean to a few fen (the note says so) */
	put_text(x, row, 0, w(x, R_SUM_DISTRICTS), x->head);
	for (int lv = 0; lv < N_LEVELS; lv++) {
		double fen = 0;
		for (int k = 0; k < n; k++)
			fen += nearbyint(
				100 *
				summary_district(sm, d[k], N_LINES, (enum fund_level)lv)->mean);
		put_money(x, row, lv == LV_TOTAL ? 1 : 5 + lv, fen / 100);
	}
	row++;
	district_row(x, row++, N_WHERE);
	put_text(x, row++, 0, w(x, R_DISTRICT_NOTE), NULL);
	/* under the table: beside it, the page one wide held both, and printed
	 * the table at a third of its size */
	district_chart(x, n, row + 1, 0);
	x->width[0] = x->width[0] > 24 ? 24 : x->width[0]; /* the note runs across */
	widen(x, 0, 16);
}

/* 分区明细: every line by district and level, as by_district.csv. A sheet
 * of its own, so that its header is the one frozen on screen and printed
 * over each of its pages, and a reader can filter it to a district. */
static void sheet_district_lines(struct wb *x)
{
	int d[N_WHERE];
	int n = districts_shown(x, d), row = 1;
	enum word h[] = {H_DISTRICT, H_CLAUSE, H_LINE, H_MEASURE, H_LEVEL,
			 H_MEAN,     H_P5,     H_P95,  H_P80,     H_P90};
	for (int k = 0; k < 10; k++)
		put_head(x, 0, k, w(x, h[k]));
	freeze(x, 1, 1);
	d[n++] = N_WHERE;
	for (int k = 0; k < n; k++)
		for (int line = 0; line <= N_LINES; line++)
			for (int lv = 0; lv < N_LEVELS; lv++, row++) {
				put_text(x, row, 0, district_word(x, d[k]), NULL);
				line_cells(x, row, 1, line);
				put_text(x, row, 4, level_word(x, lv), NULL);
				const struct stats *st = district_stats(x, d[k], line, lv);
				for (int c = 0; c < N_HEADLINE_COLS; c++)
					put_money(x, row, 5 + c,
						  stat_value(st, headline_cols[c].pct));
			}
	check(x, worksheet_autofilter(x->ws, 0, 0, (lxw_row_t)(row - 1), 9), "the filter");
	if (x->width[3] > 40)
		x->width[3] = 40;
}

static const char *owner_word(int o, bool zh)
{
	if (o == N_OWNERS)
		return zh ? L_(CHART_ZH, words[R_NEW_ONLY]) : words[R_NEW_ONLY];
	return zh ? owner_info((enum owner_id)o)->zh : owner_info((enum owner_id)o)->en;
}

/* Owner o's paid-year index y as a row label: the years, all of them
 * (years) and the policy's own (sim_within). */
static void owner_year(const struct wb *x, int y, char *buf, size_t n)
{
	if (y == sim_within(&x->r->sm->layout))
		snprintf(buf, n, w(x, R_WITHIN), x->first, x->first + x->horizon - 1);
	else if (y == x->years)
		snprintf(buf, n, w(x, R_ALL), x->first, x->first + x->years - 1);
	else
		year_label(x, y, buf, n);
}

/* 预算来源: the lines in the total by the budget that pays them, per
 * paid year and level, as by_owner.csv; the last owner is new money only. */
static void sheet_owners(struct wb *x)
{
	const struct summary *sm = x->r->sm;
	/* the name in the book's language first; the key last, for matching
	 * by_owner.csv */
	enum word h[] = {H_OWNER, H_NEW, H_YEAR, H_LEVEL, H_MEAN,
			 H_P5,    H_P95, H_P80,  H_P90,   H_OWNER_KEY};
	for (int k = 0; k < 10; k++)
		put_head(x, 0, k, w(x, h[k]));
	freeze(x, 1, 1);
	int row = 1;
	for (int o = 0; o <= N_OWNERS; o++)
		for (int y = 0; y <= sim_within(&sm->layout); y++)
			for (int lv = 0; lv < N_LEVELS; lv++, row++) {
				char t[64];
				bool fresh = o == N_OWNERS || sm->owner_new[o];
				put_text(x, row, 0, owner_word(o, x->lang == CHART_ZH), NULL);
				put_text(x, row, 1, w(x, fresh ? R_YES : R_NO), x->center);
				if (y < x->years) {
					put_year(x, row, 2, y);
				} else {
					owner_year(x, y, t, sizeof t);
					put_text(x, row, 2, t, x->center);
				}
				put_text(x, row, 3, level_word(x, lv), NULL);
				const struct stats *st = summary_owner(sm, o, y,
								       (enum fund_level)lv);
				for (int c = 0; c < N_HEADLINE_COLS; c++)
					put_money(x, row, 4 + c,
						  stat_value(st, headline_cols[c].pct));
				put_text(x, row, 9,
					 o == N_OWNERS ? "new_money_only"
						       : owner_info((enum owner_id)o)->key,
					 NULL);
			}
	if (x->years > x->horizon)
		put_text(x, row + 1, 0, w(x, R_TAIL_NOTE), NULL);
	x->width[0] = x->width[0] > 24 ? 24 : x->width[0];
}

/* Parameter i's value v (yuan, a fraction, a count) as a number shown in
 * its unit (param_unit); NaN or a value that is not a number: no cell. */
static void put_param(struct wb *x, int row, int col, int i, double v)
{
	size_t n;
	switch (params_table(&n)[i].type) {
	case PT_MONEY:
	case PT_DIST_MONEY:
		if (isfinite(v))
			put_money(x, row, col, v);
		break;
	case PT_SHARE:
	case PT_DIST_SHARE:
		put_number(x, row, col, v, x->share);
		break;
	case PT_INT:
		put_number(x, row, col, v, x->whole);
		break;
	case PT_NUMBER:
	case PT_DIST_NUMBER:
		/* a distribution's low or high need not be whole: to 2 decimals */
		put_number(x, row, col, v, v == floor(v) ? x->whole : x->decimal);
		break;
	default:
		break;
	}
}

/* The units of params.c's table, as the book shows them. */
static const struct {
	const char *unit, *en; /* the table's word; the book's, a msgid */
} unit_words[] = {
	{"persons", N_("persons")}, {"employees", N_("employees")}, {"awards", N_("awards")},
	{"count", N_("number")},    {"year", N_("year")},           {"years", N_("years")},
	{"shares", N_("shares")},
};

/* The unit of parameter i as put_param shows it, in the book's language:
 * an amount is 万元 and a share %, whatever the table keeps them in. */
static const char *param_unit(const struct wb *x, int i)
{
	size_t n;
	const struct param_def *d = &params_table(&n)[i];
	if (d->type == PT_MONEY || d->type == PT_DIST_MONEY)
		return "万元";
	if (d->type == PT_SHARE || d->type == PT_DIST_SHARE)
		return "%";
	for (size_t k = 0; k < sizeof unit_words / sizeof unit_words[0]; k++)
		if (strcmp(d->unit, unit_words[k].unit) == 0)
			return L_(x->lang, unit_words[k].en);
	return d->unit;
}

static void key_of(int i, char *buf, size_t n)
{
	size_t np;
	const struct param_def *d = params_table(&np);
	snprintf(buf, n, "%s.%s", d[i].section, d[i].key);
}

/* Parameter i as a header names it: what it means, then its key,
 * "按项目投入的支持比例（m6a.rate）": the key alone tells a planner nothing,
 * the meaning alone is not what the scenario file and --set write. */
static void param_name(const struct wb *x, int i, char *buf, size_t n)
{
	size_t np;
	char key[96];
	const char *m = params_meaning(&params_table(&np)[i], x->lang);
	key_of(i, key, sizeof key);
	if (!m[0])
		snprintf(buf, n, "%s", key);
	else if (x->lang == CHART_ZH)
		snprintf(buf, n, "%s（%s）", m, key);
	else
		snprintf(buf, n, "%s (%s)", m, key);
}

/* The report's tornado: the assumptions that most move the total. */
static void sheet_tornado(struct wb *x)
{
	const struct study_tornado *t = x->r->tornado;
	enum word h[] = {H_RANK, H_KEY, H_MEANING, H_BASE, H_LOW, H_HIGH, H_MLOW, H_MHIGH, H_SWING};
	for (int k = 0; k < 9; k++)
		put_head(x, 0, k, w(x, h[k]));
	freeze(x, 1, 2);
	for (int k = 0; k < t->nbars; k++) {
		const struct study_bar *b = &t->bar[k];
		char key[96], v[160];
		int row = 1 + k;
		put_number(x, row, 0, k + 1, x->year);
		key_of(b->param, key, sizeof key);
		put_text(x, row, 1, key, NULL);
		chart_param_label(b->param, x->lang, v, sizeof v);
		put_text(x, row, 2, v, NULL);
		params_format(&x->r->ri->s->pol, b->param, v, sizeof v);
		put_text(x, row, 3, v, NULL);
		put_param(x, row, 4, b->param, b->low);
		put_param(x, row, 5, b->param, b->high);
		put_money(x, row, 6, b->mean_low);
		put_money(x, row, 7, b->mean_high);
		put_money(x, row, 8, b->swing);
	}
	if (x->width[2] > 48)
		x->width[2] = 48;
}

#define UNCOSTED_COLS 40 /* the width of each description, wrapped */

/* The lines the longer of a and b takes, wrapped at per columns a line
 * (text_width: a Chinese character two): at least 1. */
static int wrapped_lines(const char *a, const char *b, int per)
{
	int n = (text_width(a) + per - 1) / per, m = (text_width(b) + per - 1) / per;
	n = n > m ? n : m;
	return n > 1 ? n : 1;
}

/* The commitments listed but not costed (uncosted.def), the bureau's
 * lump sums, and the total with them beside the modelled one. */
static void sheet_uncosted(struct wb *x)
{
	const struct policy *p = &x->r->ri->s->pol;
	enum word h[] = {H_CLAUSE, H_ITEM, H_DESC_ZH, H_DESC_EN, H_LUMP_YEAR, H_LUMP_ALL};
	for (int k = 0; k < 6; k++)
		put_head(x, 0, k, w(x, h[k]));
	freeze(x, 1, 2);
	int row = 1;
	for (int i = 0; i < N_UNCOSTED; i++, row++) {
		const struct uncosted_info *u = uncosted_info(i);
		const char *item = x->lang == CHART_ZH ? u->short_zh : u->short_en;
		/* the descriptions wrapped in their columns, each row as high as
		 * its longer one (cut at the column, a printed page lost the end
		 * of each), and every cell at the top of it */
		put_text(x, row, 0, u->clause, x->wrap);
		widen(x, 0, text_width(u->clause) + 2);
		put_text(x, row, 1, item, x->wrap);
		widen(x, 1, text_width(item) + 2);
		put_text(x, row, 2, u->zh, x->wrap);
		put_text(x, row, 3, u->en, x->wrap);
		int lines = wrapped_lines(u->zh, u->en, UNCOSTED_COLS - 2);
		check(x, worksheet_set_row(x->ws, (lxw_row_t)row, 15.0 * lines, NULL),
		      "a row height");
		put_money(x, row, 4, (double)money_round(p->uncosted[i]) / 100);
		put_money(x, row, 5, (double)uncosted_lump(p, i) / 100);
	}
	put_text(x, ++row, 0, w(x, R_UNCOSTED), NULL);
	row += 2;
	put_head(x, row, 0, w(x, H_ITEM));
	for (int k = 0; k < N_HEADLINE_COLS; k++)
		put_head(x, row, 1 + k, w(x, headline_cols[k].head));
	struct stats total = *summary_money(x->r->sm, N_LINES, x->years, LV_TOTAL), lumps = {0};
	lumps.mean = (double)uncosted_lumps(p) / 100;
	for (int k = 0; k < N_PCT; k++)
		lumps.pct[k] = lumps.mean;
	struct stats with = total; /* a constant moves every percentile alike */
	with.mean += lumps.mean;
	for (int k = 0; k < N_PCT; k++)
		with.pct[k] += lumps.mean;
	headline_row(x, row + 1, w(x, R_MODELLED), &total);
	headline_row(x, row + 2, w(x, R_LUMPS), &lumps);
	headline_row(x, row + 3, w(x, R_WITH_LUMPS), &with);
	x->width[2] = x->width[3] = UNCOSTED_COLS;
	x->width[0] = x->width[0] > 24 ? 24 : x->width[0]; /* the note runs on across */
}

/* Where parameter i was set, as `fundsim params` says it. */
static void source_words(const struct wb *x, const struct scenario *s, int i,
			 const struct param_def *d, char *buf, size_t n)
{
	size_t nb = strlen(scenario_builtin_name);
	if (!s->set[i])
		snprintf(buf, n, "%s", w(x, strstr(d->key, "share") ? R_INHERITS : R_UNSET));
	else if (strncmp(s->src[i], scenario_builtin_name, nb) == 0)
		snprintf(buf, n, "%s (%s)", s->src[i], w(x, R_BUILTIN));
	else
		snprintf(buf, n, "%s", s->src[i]);
}

#define PARAM_TEXT_COLS 60 /* the parameter sheet's meaning and comment columns */

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

static void sheet_params(struct wb *x)
{
	const struct scenario *s = x->r->ri->s;
	size_t n;
	const struct param_def *d = params_table(&n);
	enum word h[] = {H_KEY,   H_VALUE,   H_WRITTEN, H_UNIT,   H_CLAUSE,
			 H_WHERE, H_MEANING, H_BASIS,   H_COMMENT};
	/* in enum param_prov's order */
	static const enum word basis[N_PROVS] = {P_UNMARKED, P_TEXT,   P_SOURCED,   P_DEFINITION,
						 P_READING,  P_PARTLY, P_ASSUMPTION};
	for (int k = 0; k < 9; k++)
		put_head(x, 0, k, w(x, h[k]));
	freeze(x, 1, 1);
	int row = 1;
	for (size_t i = 0; i < n; i++) {
		if (!s->set[i] && d[i].optional && !strstr(d[i].key, "share"))
			continue; /* an unused extra tier, as `fundsim params` skips it */
		char key[96], v[4 * SRC_LEN + 64];
		key_of((int)i, key, sizeof key);
		put_text(x, row, 0, key, NULL);
		double num = s->set[i] && !params_is_none(&s->pol, (int)i)
				     ? study_value(&s->pol, (int)i)
				     : NAN;
		put_param(x, row, 1, (int)i, num);
		v[0] = 0;
		if (s->set[i])
			params_format(&s->pol, (int)i, v, sizeof v);
		put_text(x, row, 2, v, NULL);
		put_text(x, row, 3, param_unit(x, (int)i), NULL);
		put_text(x, row, 4, d[i].clause, NULL);
		source_words(x, s, (int)i, &d[i], v, sizeof v);
		put_text(x, row, 5, v, NULL);
		/* the meaning and the comment wrapped in their columns, the row as
		 * high as the longer (cut at the column, a page lost their ends) */
		const char *meaning = params_meaning(&d[i], x->lang);
		char ckey[SCENARIO_COMMENT_LEN + 32];
		const char *why = i18n_comment((enum i18n_lang)x->lang, scenario_comment(s, (int)i),
					       ckey, sizeof ckey); /* "" when unset */
		put_text(x, row, 6, meaning, x->wrap);
		widen(x, 6, min_int(text_width(meaning) + 2, PARAM_TEXT_COLS));
		if (s->set[i]) {
			put_text(x, row, 7, w(x, basis[s->prov[i] < N_PROVS ? s->prov[i] : 0]),
				 NULL);
			put_text(x, row, 8, why, x->wrap);
			widen(x, 8, min_int(text_width(why) + 2, PARAM_TEXT_COLS));
		}
		/* a line holds less than the column: wrapping breaks at words,
		 * and in LibreOffice a Chinese character is a little wider than
		 * two digits (a row sized on 52 lost its last) */
		int lines = wrapped_lines(meaning, why, PARAM_TEXT_COLS - 14);
		if (lines > 1)
			check(x, worksheet_set_row(x->ws, (lxw_row_t)row, 15.0 * lines, NULL),
			      "a row height");
		row++;
	}
	if (x->width[2] > 36)
		x->width[2] = 36;
}

/* manifest.txt's lines as rows: "key: value", the first line the version. */
static const struct {
	const char *key;
	enum word word;
	bool number; /* a count a reader may compute with: a number cell */
} manifest_keys[] = {
	{"command", M_COMMAND, false},
	{"scenario", M_SCENARIO, false},
	{"seed", M_SEED, true},
	{"replications", M_REPS, true},
	{"threads", M_THREADS, false},
	{"wall time", M_WALL, false},
	{"date", M_DATE, false},
	{"scenario file fnv1a64", M_HASH, false}, /* hex: digits alone would lose some */
	{"firms", M_FIRMS, true},
	{"resolved scenario", M_RESOLVED, false},
	{"precision", M_PRECISION, false},
	{"entities", M_ENTITIES, false},
	{"common random numbers", M_CRN, false},
};

static bool plain_number(const char *s, size_t n, double *v);

/* planning: the book has P80 and P90 (a run's; a study's has not). */
static void method_sheet(struct wb *x, const char *manifest, bool planning, bool sobol)
{
	put_head(x, 0, 0, w(x, H_ITEM));
	put_head(x, 0, 1, w(x, H_VALUE));
	freeze(x, 1, 1);
	int row = 1;
	enum word notes[][2] = {{M_METHOD, M_METHOD_TEXT}, {M_FILES, M_FILES_TEXT}};
	for (int k = 0; k < 2; k++, row++) {
		/* at the top of the row, as the note: at its foot, it read as
		 * the next row's */
		put_text(x, row, 0, w(x, notes[k][0]), x->wrap);
		widen(x, 0, text_width(w(x, notes[k][0])) + 2);
		put_text(x, row, 1, w(x, notes[k][1]), x->wrap);
		check(x, worksheet_set_row(x->ws, (lxw_row_t)row, 48, NULL), "a row height");
	}
	if (planning) {
		put_text(x, row, 0, "P80, P90", x->wrap);
		put_text(x, row++, 1, w(x, R_PLANNING), x->wrap);
	}
	if (sobol) { /* what the indices on the sheets above mean */
		put_text(x, row, 0, w(x, M_SOBOL), x->wrap);
		widen(x, 0, text_width(w(x, M_SOBOL)) + 2);
		put_text(x, row, 1, w(x, M_SOBOL_TEXT), x->wrap);
		check(x, worksheet_set_row(x->ws, (lxw_row_t)row++, 64, NULL), "a row height");
	}
	if (x->left_out > 0) {
		char t[512];
		snprintf(t, sizeof t, w(x, M_LEFT_OUT_TEXT), x->left_out);
		put_text(x, row, 0, w(x, M_LEFT_OUT), x->wrap);
		widen(x, 0, text_width(w(x, M_LEFT_OUT)) + 2);
		put_text(x, row++, 1, t, x->wrap);
	}
	const char *p = manifest ? manifest : "";
	bool first = true;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char line[4096];
		snprintf(line, sizeof line, "%.*s",
			 (int)(len < sizeof line ? len : sizeof line - 1), p);
		p += len + (end != NULL);
		if (!line[0])
			continue;
		char *colon = strstr(line, ": ");
		if (first) {
			put_text(x, row, 0, w(x, M_VERSION), NULL);
			put_text(x, row++, 1, line, NULL);
		} else if (colon) {
			*colon = 0;
			const char *key = line, *val = colon + 2;
			bool number = false;
			double v;
			/* the key as manifest.txt wrote it: English, or the
			 * process's language (report_manifest) */
			for (size_t k = 0; k < sizeof manifest_keys / sizeof manifest_keys[0]; k++)
				if (strcmp(line, manifest_keys[k].key) == 0 ||
				    strcmp(line, _(manifest_keys[k].key)) == 0) {
					key = w(x, manifest_keys[k].word);
					number = manifest_keys[k].number;
				}
			put_text(x, row, 0, key, NULL);
			/* a seed past 2^53 would not survive a double: text */
			if (number && plain_number(val, strlen(val), &v) &&
			    fabs(v) < 9007199254740992.0)
				put_number(x, row++, 1, v, x->lwhole);
			else
				put_text(x, row++, 1, val, NULL);
		} else {
			put_text(x, row++, 1, line, NULL);
		}
		first = false;
	}
	x->width[1] = 100;
}

/* manifest.txt as report_write wrote it beside the workbook, so that the
 * sheet says the same to the second; NULL when it cannot be read. */
static char *written_manifest(const struct wb *x)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/manifest.txt", x->dir);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	enum { MOST = 1 << 16 }; /* a manifest is a few hundred bytes */
	char *text = malloc(MOST + 1);
	size_t n = text ? fread(text, 1, MOST, f) : 0;
	bool bad = ferror(f) || !feof(f);
	fclose(f);
	if (!text || bad) {
		free(text);
		return NULL;
	}
	text[n] = '\0';
	return text;
}

static void sheet_method(struct wb *x)
{
	char *text = written_manifest(x);
	if (text) {
		method_sheet(x, text, true, false);
		free(text);
		return;
	}
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	if (!f) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the manifest");
		return;
	}
	report_manifest(f, x->r->ri, x->r->o);
	if (fclose(f) != 0)
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the manifest");
	else
		method_sheet(x, text, true, false);
	free(text);
}

/* ---- 事前绩效评估 ---- */

static int eval_lines(const struct wb *x, const struct evaluation *ev, int *lines);

/* A block's sheet: the evaluation's title, the block's heading and its
 * header, all three frozen and printed over each page (a block runs to
 * a few hundred rows); the row after them. */
static int eval_block(struct wb *x, int row, enum word title, const enum word *h, int nh)
{
	char t[512];
	(void)row;
	snprintf(t, sizeof t, w(x, E_TITLE), x->r->ri->s->name);
	put_text(x, 0, 0, t, x->title);
	put_text(x, 1, 0, w(x, title), x->title);
	for (int k = 0; k < nh; k++)
		put_head(x, 2, k, w(x, h[k]));
	x->width[0] = 0; /* the title and heading run across */
	freeze(x, 3, 3);
	return 3;
}

/* The evaluation's lines (eval_lines), worked out for its first sheet. */
static const struct evaluation *eval_of(struct wb *x)
{
	if (!x->ev_n) {
		evaluation_of(x->r->ri->s, x->r->sm, x->r->o->rows, x->r->o->reps, &x->ev);
		x->ev_n = eval_lines(x, &x->ev, x->ev_lines);
	}
	return &x->ev;
}

static void eval_line_cells(struct wb *x, int row, int line)
{
	char name[320];
	line_cells(x, row, 0, line);
	snprintf(name, sizeof name, "%s%s", measure_word(x, line),
		 line < N_LINES && !x->r->sm->in_total[line] ? w(x, R_CONTINGENT) : "");
	put_text(x, row, 2, name, NULL);
}

/* The lines the blocks list: in force and paying, those in the total
 * first, each in the registry's order; then the total (line N_LINES). */
static int eval_lines(const struct wb *x, const struct evaluation *ev, int *lines)
{
	int n = 0;
	lines[n++] = N_LINES;
	for (int pass = 0; pass < 2; pass++)
		for (int line = 0; line < N_LINES; line++)
			if (ev->line[line].rated && x->r->sm->in_total[line] == (pass == 0))
				lines[n++] = line;
	return n;
}

/* 投入经济性: mean, 90% interval and planning figures, line x paid year. */
static int eval_cost(struct wb *x, int row, const int *lines, int n)
{
	enum word h[] = {H_CLAUSE, H_LINE, H_MEASURE, H_YEAR, H_MEAN, H_P5, H_P95, H_P80, H_P90};
	row = eval_block(x, row, E_COST, h, 9);
	for (int k = 0; k < n; k++)
		for (int y = 0; y <= x->years; y++, row++) {
			eval_line_cells(x, row, lines[k]);
			put_year(x, row, 3, y);
			for (int c = 0; c < N_HEADLINE_COLS; c++)
				put_money(x, row, 4 + c,
					  stat_value(summary_money(x->r->sm, lines[k], y, LV_TOTAL),
						     headline_cols[c].pct));
		}
	return row + 1;
}

/* 资金构成: one group of rows per dimension of the run's layout: funding
 * level by paid year; then over all paid years each district's
 * recipients and each budget owner (the 分区 and 预算来源 sheets). */
static const char *const level_keys[N_LEVELS] = {"total", "provincial", "municipal", "district"};

/* A district's or owner's row: all paid years, every level together; a
 * subtotal has no share. */
static void funds_row(struct wb *x, int row, enum word by, const char *name, int y,
		      const struct stats *st, bool share)
{
	double total = summary_money(x->r->sm, N_LINES, y, LV_TOTAL)->mean;
	put_text(x, row, 0, w(x, by), NULL);
	put_text(x, row, 1, name, NULL);
	put_year(x, row, 2, y);
	for (int c = 0; c < N_HEADLINE_COLS; c++)
		put_money(x, row, 3 + c, stat_value(st, headline_cols[c].pct));
	if (share)
		put_number(x, row, 8, total > 0 ? st->mean / total : 0, x->share);
}

static int eval_funds(struct wb *x, int row)
{
	const struct summary *sm = x->r->sm;
	enum word h[] = {H_BY, H_NAME, H_YEAR, H_MEAN, H_P5, H_P95, H_P80, H_P90, H_SHARE};
	row = eval_block(x, row, E_FUNDS, h, 9);
	/* each group ends in the total it adds up to (合计, 100%): the levels
	 * year by year, then the districts' and the owners' over all years */
	for (int k = 1; k <= N_LEVELS; k++) {
		enum fund_level lv = (enum fund_level)(k % N_LEVELS); /* the total last */
		for (int y = 0; y <= x->years; y++, row++)
			funds_row(x, row, H_LEVEL, level_word(x, lv), y,
				  summary_money(sm, N_LINES, y, lv), true);
	}
	if (!has_dims(x))
		return row + 1;
	const struct stats *all = summary_money(sm, N_LINES, x->years, LV_TOTAL);
	int d[N_WHERE];
	int nd = districts_shown(x, d);
	for (int k = 0; k < nd; k++, row++)
		funds_row(x, row, H_DISTRICT, district_word(x, d[k]), x->years,
			  summary_district(sm, d[k], N_LINES, LV_TOTAL), true);
	funds_row(x, row++, H_DISTRICT, w(x, R_TOTAL), x->years, all, true);
	for (int o = 0; o < N_OWNERS; o++, row++)
		funds_row(x, row, H_OWNER, owner_word(o, x->lang == CHART_ZH), x->years,
			  summary_owner(sm, o, x->years, LV_TOTAL), true);
	funds_row(x, row++, H_OWNER, w(x, R_TOTAL), x->years, all, true);
	/* the new-money subtotal a row apart and with no share: the owners' shares
	 * add up to 100% without it (as the report's 其中 row) */
	row++;
	funds_row(x, row, H_OWNER, owner_word(N_OWNERS, x->lang == CHART_ZH), x->years,
		  summary_owner(sm, N_OWNERS, x->years, LV_TOTAL), false);
	return row + 2;
}

/* 绩效目标: awards per line and paid year, and the mean award. */
static int eval_outputs(struct wb *x, int row, const int *lines, int n)
{
	enum word h[] = {H_CLAUSE, H_LINE, H_MEASURE, H_YEAR, H_CMEAN, H_CP5, H_CP95, H_AVG};
	row = eval_block(x, row, E_OUTPUTS, h, 8);
	for (int k = 0; k < n; k++)
		for (int y = 0; y <= x->years; y++, row++) {
			const struct stats *c = summary_recipients(x->r->sm, lines[k], y);
			double m = summary_money(x->r->sm, lines[k], y, LV_TOTAL)->mean;
			eval_line_cells(x, row, lines[k]);
			put_year(x, row, 3, y);
			put_number(x, row, 4, c->mean, x->count);
			put_number(x, row, 5, c->pct[P5], x->count);
			put_number(x, row, 6, c->pct[P95], x->count);
			if (c->mean > 0)
				put_money(x, row, 7, m / c->mean);
		}
	return row + 1;
}

static const enum word rating_words[N_RATINGS] = {R_LOW, R_MEDIUM, R_HIGH, R_VHIGH};

/* The uncertainty rating of each line, and how it is made. */
static int eval_ratings(struct wb *x, int row, const struct evaluation *ev, const int *lines, int n)
{
	/* each axis: the share assumed, then its level, so they read together */
	enum word h[] = {H_CLAUSE, H_LINE,    H_MEASURE, H_DATA_S,   H_DATA,   H_MODEL_S,
			 H_MODEL,  H_BEHAV_S, H_BEHAV,   H_VARSHARE, H_OVERALL};
	row = eval_block(x, row, E_RATINGS, h, 11);
	for (int k = 0; k < n; k++, row++) {
		if (lines[k] == N_LINES) {
			row--; /* the total has no rating of its own */
			continue;
		}
		const struct line_rating *lr = &ev->line[lines[k]];
		eval_line_cells(x, row, lines[k]);
		for (int a = 0; a < N_AXES; a++) {
			put_number(x, row, 3 + 2 * a, lr->out.score[a], x->share);
			put_text(x, row, 4 + 2 * a, w(x, rating_words[lr->out.axis[a]]), x->center);
		}
		put_number(x, row, 9, lr->in.var_share, x->share); /* NaN: an empty cell */
		put_text(x, row, 10, w(x, rating_words[lr->out.overall]), x->center);
	}
	enum word notes[] = {E_METHOD, ev->covariance ? E_COV : E_VAR};
	int across = 0; /* the merged cell's width in characters, as the columns stand */
	for (int c = 0; c <= 10; c++)
		across += x->width[c] < 6 ? 6 : x->width[c] > 60 ? 60 : x->width[c];
	for (int k = 0; k < 2; k++, row++) {
		const char *note = w(x, notes[k]);
		check(x,
		      worksheet_merge_range(x->ws, (lxw_row_t)row, 0, (lxw_row_t)row, 10, note,
					    x->wrap),
		      "a note");
		int nlines = text_width(note) / (across > 20 ? across - 10 : 10) + 1;
		check(x, worksheet_set_row(x->ws, (lxw_row_t)row, 15.0 * nlines, NULL),
		      "a row height");
	}
	return row;
}

/* 事前绩效评估, a sheet a block: 投入经济性 (with how to read the
 * figures under it), 资金构成, 绩效目标, the uncertainty ratings. */
static void sheet_eval_cost(struct wb *x)
{
	eval_of(x);
	int row = eval_cost(x, 0, x->ev_lines, x->ev_n), clause = x->width[0];
	put_text(x, row, 0, w(x, E_SUB), NULL);
	x->width[0] = clause; /* the note runs across: a column of 第N条 as wide as it
			       * printed the sheet at half the size */
	if (x->width[2] > 40)
		x->width[2] = 40;
	widen(x, 0, 10);
}

static void sheet_eval_funds(struct wb *x)
{
	eval_funds(x, 0);
	widen(x, 0, 10);
}

static void sheet_eval_outputs(struct wb *x)
{
	eval_of(x);
	eval_outputs(x, 0, x->ev_lines, x->ev_n);
	if (x->width[2] > 40)
		x->width[2] = 40;
	widen(x, 0, 10);
}

static void sheet_eval_ratings(struct wb *x)
{
	const struct evaluation *ev = eval_of(x);
	if (x->width[2] > 40)
		x->width[2] = 40;
	widen(x, 0, 10);
	eval_ratings(x, 0, ev, x->ev_lines, x->ev_n);
	if (x->width[2] > 40)
		x->width[2] = 40;
}

/* The sheets of a run, in order; when: NULL for always. */
static bool has_tornado(const struct wb *x)
{
	return x->r->tornado && x->r->tornado->nbars > 0;
}

static const struct run_sheet {
	enum word name;
	void (*write)(struct wb *x);
	bool (*when)(const struct wb *x);
} run_sheets[] = {
	{S_HEADLINE, sheet_headline, NULL},
	{S_BY_YEAR, sheet_by_year, NULL},
	{S_RANKED, sheet_ranked, NULL},
	{S_LEVELS, sheet_levels, NULL},
	{S_DISTRICTS, sheet_districts, has_dims},
	{S_DISTRICT_LINES, sheet_district_lines, has_dims},
	{S_OWNERS, sheet_owners, has_dims},
	{S_RECIPIENTS, sheet_recipients, NULL},
	{S_BUDGET, sheet_budget, NULL},
	{S_EVAL_COST, sheet_eval_cost, NULL},
	{S_EVAL_FUNDS, sheet_eval_funds, NULL},
	{S_EVAL_OUTPUTS, sheet_eval_outputs, NULL},
	{S_EVAL_RATINGS, sheet_eval_ratings, NULL},
	{S_TORNADO, sheet_tornado, has_tornado},
	{S_UNCOSTED, sheet_uncosted, NULL},
	{S_PARAMS, sheet_params, NULL},
	{S_METHOD, sheet_method, NULL},
};

/* ---- opening and closing ---- */

/* in_order: every sheet written row after row (a study's), so the book
 * can be libxlsxwriter's constant_memory one: each row goes to the file
 * as the next begins, strings inline, no table of cells and strings kept
 * until the close. A write to an earlier row is refused there (an error
 * check() keeps, and the book is not written), never lost in silence. */
static int book_open(struct wb *x, const char *dir, enum chart_lang lang, bool in_order, char *path,
		     size_t pathlen, char *err, size_t errlen)
{
	memset(x, 0, sizeof *x);
	x->lang = lang;
	if ((size_t)snprintf(path, pathlen, "%s/%s", dir, WORKBOOK_NAME) >= pathlen) {
		snprintf(err, errlen, _("%s/%s: path too long"), dir, WORKBOOK_NAME);
		return -1;
	}
	lxw_workbook_options opt = {.constant_memory = in_order};
	x->book = workbook_new_opt(path, &opt);
	if (!x->book) {
		snprintf(err, errlen, _("%s: cannot create: %s"), path,
			 errno ? strerror(errno) : "out of memory");
		return -1;
	}
	lxw_doc_properties props = {.title = (char *)"fundsim results",
				    .comments = (char *)"written by fundsim"};
	workbook_set_properties(x->book, &props);
	formats(x);
	return 0;
}

/* Close the book (which writes the file) and check it all went. */
static int book_close(struct wb *x, const char *path, char *err, size_t errlen)
{
	lxw_error e = workbook_close(x->book);
	x->book = NULL;
	/* Closed, it has closed every sheet's stream that holds a row (one
	 * never written to holds nothing to flush at exit). On a failure it
	 * may not have: the buffers stay (the study command ends on the error). */
	for (int i = 0; i < x->nbuf && e == LXW_NO_ERROR; i++)
		free(x->buf[i]);
	if (x->bad || e != LXW_NO_ERROR) {
		if (x->bad)
			snprintf(err, errlen, "%s: %s (%s)", path, lxw_strerror((lxw_error)x->bad),
				 x->what);
		else
			snprintf(err, errlen, _("%s: cannot write: %s%s%s"), path, lxw_strerror(e),
				 errno ? ": " : "", errno ? strerror(errno) : "");
		unlink(path);
		return -1;
	}
	return 0;
}

int workbook_run(const char *dir, const struct wb_run *r, char *err, size_t errlen)
{
	struct wb x;
	char path[4200];
	if (!comm_is_root())
		return 0; /* MPI: rank 0 writes for all */
	if (book_open(&x, dir, r->lang, false, path, sizeof path, err, errlen) != 0)
		return -1;
	x.r = r;
	x.dir = dir;
	x.years = r->sm->layout.years;
	x.horizon = r->sm->layout.horizon;
	x.first = r->ri->s->pol.start_year + r->ri->s->pol.payment_lag;
	for (size_t i = 0; i < sizeof run_sheets / sizeof run_sheets[0] && !x.bad; i++) {
		if (run_sheets[i].when && !run_sheets[i].when(&x))
			continue;
		if (sheet_begin(&x, w(&x, run_sheets[i].name)) == 0) {
			run_sheets[i].write(&x);
			sheet_end(&x);
		}
	}
	return book_close(&x, path, err, errlen);
}

/* ---- a study's tables ---- */

/* The study CSV files' sheets. */
static const struct {
	const char *csv, *en; /* the sheet's name, a msgid */
} study_sheets[] = {
	{"sweep.csv", N_("Sweep")},
	{"tornado.csv", N_("Tornado")},
	{"spider.csv", N_("Spider")},
	{"compare.csv", N_("Compare")},
	{"compare_params.csv", N_("Parameters that differ")},
	{"sobol.csv", N_("Sobol indices")},
	{"sobol_points.csv", N_("Sobol design points")},
};

/* How a study CSV column is shown (a value as written, "30%" or "1000",
 * is a number when it reads as one: a count is not text): amounts in yuan become 万元, a funding
 * level's key its name (省级, not provincial), a paid year a number (all
 * of them words), a parameter's value a number in its unit (the key
 * column of its row says which parameter), a line its clause and measure
 * beside it, a parameter key its meaning beside it. A column not listed
 * is a number where its cell reads as one, else text. */
enum col_kind {
	CK_AUTO,
	CK_MONEY,
	CK_INDEX,
	CK_TEXT,
	CK_LEVEL,
	CK_YEAR,
	CK_VALUE,   /* in the unit of the parameter of key column */
	CK_UNIT,    /* the unit of that parameter */
	CK_YESNO,   /* 1 or 0: yes or no */
	CK_LINE,    /* then two columns: clause, measure */
	CK_PARAM,   /* then one column: what the key means */
	CK_PCOL,    /* a column named by a parameter's key: its values, in its unit */
	CK_WRITTEN, /* a value as written of the row's parameter (compare_params.csv) */
	CK_RANGE    /* a tornado's range: "given" is the scenario's own */
};
static const struct {
	const char *csv;
	enum col_kind kind;
	const char *en; /* the header, a msgid */
} study_cols[] = {
	{"point", CK_AUTO, N_("Point")},
	{"key1", CK_PARAM, N_("Key 1")},
	{"value1", CK_VALUE, N_("Value 1")},
	{"label1", CK_AUTO, N_("Value 1 as written")},
	{"key2", CK_PARAM, N_("Key 2")},
	{"value2", CK_VALUE, N_("Value 2")},
	{"label2", CK_AUTO, N_("Value 2 as written")},
	{"line", CK_LINE, N_("Line")},
	{"level", CK_LEVEL, N_("Funding level")},
	{"paid_year", CK_YEAR, N_("Paid year")},
	{"mean", CK_MONEY, N_("Mean (万元)")},
	{"p5", CK_MONEY, /* xgettext:no-c-format */ N_("5% (万元)")},
	{"p95", CK_MONEY, /* xgettext:no-c-format */ N_("95% (万元)")},
	{"diff", CK_MONEY, N_("Change (万元)")},
	{"diff_se", CK_MONEY, N_("Change: std error (万元)")},
	{"diff_lo", CK_MONEY, /* xgettext:no-c-format */ N_("Change: 95% low (万元)")},
	{"diff_hi", CK_MONEY, /* xgettext:no-c-format */ N_("Change: 95% high (万元)")},
	{"rank", CK_AUTO, N_("Rank")},
	{"key", CK_PARAM, N_("Key")},
	{"unit", CK_UNIT, N_("Unit")},
	{"range", CK_RANGE, N_("Range")},
	{"base", CK_VALUE, N_("Base")},
	{"low", CK_VALUE, N_("Low")},
	{"high", CK_VALUE, N_("High")},
	{"base_label", CK_AUTO, N_("Base as written")},
	{"low_label", CK_AUTO, N_("Low as written")},
	{"high_label", CK_AUTO, N_("High as written")},
	{"mean_base", CK_MONEY, N_("Mean total, base (万元)")},
	{"mean_low", CK_MONEY, N_("Mean total at low (万元)")},
	{"mean_high", CK_MONEY, N_("Mean total at high (万元)")},
	{"diff_low", CK_MONEY, N_("Change at low (万元)")},
	{"diff_low_se", CK_MONEY, N_("Change at low: std error (万元)")},
	{"diff_high", CK_MONEY, N_("Change at high (万元)")},
	{"diff_high_se", CK_MONEY, N_("Change at high: std error (万元)")},
	{"swing", CK_MONEY, N_("Swing (万元)")},
	{"pct", CK_AUTO, /* xgettext:no-c-format */ N_("Change of the parameter (%)")},
	{"value", CK_VALUE, N_("Value")},
	{"label", CK_AUTO, N_("Value as written")},
	{"alt", CK_TEXT, N_("Alternative")},
	{"base_mean", CK_MONEY, N_("Base mean (万元)")},
	{"alt_mean", CK_MONEY, N_("Alternative mean (万元)")},
	{"parameter", CK_PARAM, N_("Parameter")},
	{"lo", CK_VALUE, N_("Low end")},
	{"hi", CK_VALUE, N_("High end")},
	{"lo_label", CK_AUTO, N_("Low end as written")},
	{"hi_label", CK_AUTO, N_("High end as written")},
	{"S1", CK_INDEX, N_("First-order index S1")},
	{"S1_lo", CK_INDEX, /* xgettext:no-c-format */ N_("S1: 95% low")},
	{"S1_hi", CK_INDEX, /* xgettext:no-c-format */ N_("S1: 95% high")},
	{"ST", CK_INDEX, N_("Total index ST")},
	{"ST_lo", CK_INDEX, /* xgettext:no-c-format */ N_("ST: 95% low")},
	{"ST_hi", CK_INDEX, /* xgettext:no-c-format */ N_("ST: 95% high")},
	{"matrix", CK_TEXT, N_("Matrix")},
	{"mean_total", CK_MONEY, N_("Mean total (万元)")},
	{"base_in_total", CK_YESNO, N_("In the base's TOTAL")},
	{"alt_in_total", CK_YESNO, N_("In the alternative's TOTAL")},
	{"diff_in_total", CK_MONEY, N_("Change it makes to TOTAL (万元)")},
};

/* The key column of a CK_VALUE or CK_UNIT column (value1's is key1). */
static const struct {
	const char *csv, *key;
} value_keys[] = {{"value1", "key1"}, {"value2", "key2"}};
#define N_STUDY_COLS (sizeof study_cols / sizeof study_cols[0])

/* A CSV file read with libcsv into the sheet, a row at a time. A table
 * of lines (a "line" column: sweep, compare) leaves out its rows where
 * every amount is 0, the line paying nothing at that level and year in
 * any case: most of a compare's rows, which tell a reader nothing; the
 * CSV file keeps them (the method sheet says how many were left out). */
struct csv_sheet {
	struct wb *x;
	int row;    /* the sheet's next row */
	bool lines; /* a table of lines */
	long left_out;
	enum col_kind kind[WB_COLS];
	int col[WB_COLS];                   /* the sheet's column of each CSV column */
	int keycol[WB_COLS];                /* CK_VALUE, CK_UNIT: the CSV column of the key, or -1;
				CK_PCOL: the parameter */
	int param;                          /* the CSV column of a CK_PARAM key, or -1 */
	int ncols;                          /* the sheet's columns */
	int labels;                         /* its label columns: to the first line's
					       measure or key's meaning */
	void (*scan)(struct csv_sheet *cs); /* each data row, as it is read */
	bool quiet;                         /* read the table only, write nothing */
	char *text;                         /* the CSV row's cells, each ending in a NUL */
	size_t len, cap;
	size_t *at; /* cell k at text + at[k] */
	size_t ncell, capcell;
	bool oom;
};

static bool plain_number(const char *s, size_t n, double *v)
{
	char buf[64], *end;
	if (n == 0 || n >= sizeof buf)
		return false;
	memcpy(buf, s, n);
	buf[n] = 0;
	errno = 0;
	*v = strtod(buf, &end);
	return *end == 0 && errno == 0 && isfinite(*v) && !strpbrk(buf, "xXnNiI");
}

/* The enum words of params.c a reader may not know, in words. */
static const struct {
	const char *key, *en; /* en: a msgid */
} enum_words[] = {
	{"topup", N_("top up to the higher tier")},
	{"each", N_("every tier in full")},
	{"once", N_("the first tier only")},
	{"honour", N_("honoured after the policy ends")},
	{"stop", N_("stopped when the policy ends")},
};

/* Cell k of the buffered row as text (a NUL-terminated string). */
static const char *cell_of(const struct csv_sheet *cs, int k)
{
	return k >= 0 && (size_t)k < cs->ncell ? cs->text + cs->at[k] : "";
}

/* The parameter the row's key column k names, or -1. */
static int row_param(const struct csv_sheet *cs, int k)
{
	char err[256];
	return k < 0 ? -1 : params_key(cell_of(cs, k), err, sizeof err);
}

/* A parameter's value as written (compare_params.csv), readable: yes or
 * no for true and false, an enum word with what it means; NULL: as is. */
static const char *readable(const struct wb *x, int i, const char *text, char *buf, size_t n)
{
	size_t np;
	enum ptype t = params_table(&np)[i].type;
	if (strcmp(text, "(inherits)") == 0) /* param_words: not set, so the [funding] share */
		return w(x, R_INHERITED);
	if (t == PT_BOOL && (strcmp(text, "true") == 0 || strcmp(text, "false") == 0))
		return w(x, text[0] == 't' ? R_TRUE : R_FALSE);
	for (size_t k = 0; t == PT_ENUM && k < sizeof enum_words / sizeof enum_words[0]; k++)
		if (strcmp(text, enum_words[k].key) == 0) {
			snprintf(buf, n, "%s (%s)", L_(x->lang, enum_words[k].en), text);
			return buf;
		}
	return NULL;
}

/* Cell k of a data row into the sheet, at its column (cs->col). */
static void put_csv_cell(struct csv_sheet *cs, int k, const char *text)
{
	struct wb *x = cs->x;
	double v;
	enum col_kind kind = k < WB_COLS ? cs->kind[k] : CK_AUTO;
	int col = k < WB_COLS ? cs->col[k] : k, i;
	size_t np;
	char buf[512];
	const char *word;
	switch (kind) {
	case CK_LEVEL:
		for (int lv = 0; lv < N_LEVELS; lv++)
			if (strcmp(text, level_keys[lv]) == 0) {
				put_text(x, cs->row, col, level_word(x, lv), NULL);
				return;
			}
		break;
	case CK_YEAR: /* a year, or all of them */
		if (strcmp(text, "all") == 0) {
			put_text(x, cs->row, col, w(x, R_ALL_PAID), x->center);
			return;
		}
		if (plain_number(text, strlen(text), &v)) {
			put_number(x, cs->row, col, v, x->year);
			return;
		}
		break;
	case CK_VALUE:
		i = row_param(cs, cs->keycol[k]);
		if (i >= 0 && params_numeric(i) && plain_number(text, strlen(text), &v)) {
			put_param(x, cs->row, col, i, v);
			return;
		}
		break;
	case CK_UNIT:
		if ((i = row_param(cs, cs->keycol[k])) >= 0) {
			put_text(x, cs->row, col, param_unit(x, i), NULL);
			return;
		}
		break;
	case CK_LINE: /* the line, its clause and its measure */
		i = line_by_name(text);
		if (i >= 0 || strcmp(text, "TOTAL") == 0) {
			put_text(x, cs->row, col, i >= 0 ? line_info(i)->name : w(x, R_TOTAL),
				 NULL);
			put_text(x, cs->row, col + 1, i >= 0 ? line_info(i)->clause : "", NULL);
			put_text(x, cs->row, col + 2, measure_word(x, i >= 0 ? i : N_LINES), NULL);
			return;
		}
		break;
	case CK_YESNO:
		if (strcmp(text, "1") == 0 || strcmp(text, "0") == 0) {
			put_text(x, cs->row, col, w(x, text[0] == '1' ? R_TRUE : R_FALSE),
				 x->center);
			return;
		}
		break;
	case CK_PCOL:
		if (plain_number(text, strlen(text), &v)) {
			put_param(x, cs->row, col, cs->keycol[k], v);
			return;
		}
		break;
	case CK_WRITTEN: /* "30%" is 0.3 shown as 30%; a distribution stays as written */
		i = row_param(cs, cs->param);
		if (i >= 0 && (word = readable(x, i, text, buf, sizeof buf))) {
			put_text(x, cs->row, col, word, NULL);
			return;
		}
		if (i >= 0 && params_numeric(i) &&
		    params_parse_number(i, text, &v, buf, sizeof buf) == 0) {
			put_param(x, cs->row, col, i, v);
			return;
		}
		put_text(x, cs->row, col, text, NULL);
		return;
	case CK_RANGE:
		put_text(x, cs->row, col, strcmp(text, "given") == 0 ? w(x, R_GIVEN) : text, NULL);
		return;
	case CK_PARAM: /* the key, what it means */
		put_text(x, cs->row, col, text, NULL);
		if ((i = row_param(cs, k)) >= 0)
			put_text(x, cs->row, col + 1,
				 params_meaning(&params_table(&np)[i], x->lang), NULL);
		return;
	default:
		break;
	}
	if (kind == CK_AUTO && cs->param >= 0 && (i = row_param(cs, cs->param)) >= 0 &&
	    (word = readable(x, i, text, buf, sizeof buf))) {
		put_text(x, cs->row, col, word, NULL);
		return;
	}
	if (kind != CK_TEXT && kind != CK_LEVEL && kind != CK_LINE && kind != CK_PARAM &&
	    kind != CK_UNIT && kind != CK_YESNO && kind != CK_PCOL &&
	    plain_number(text, strlen(text), &v)) {
		if (kind == CK_MONEY)
			put_money(x, cs->row, col, v);
		else
			put_number(x, cs->row, col, v, kind == CK_INDEX ? x->number : NULL);
	} else {
		put_text(x, cs->row, col, text, NULL);
	}
}

/* Whether the buffered data row has amounts, every one of them 0. */
static bool zero_row(const struct csv_sheet *cs)
{
	bool money = false;
	for (size_t k = 0; k < cs->ncell && k < WB_COLS; k++) {
		double v;
		const char *t = cs->text + cs->at[k];
		if (cs->kind[k] != CK_MONEY)
			continue;
		if (!plain_number(t, strlen(t), &v) || v != 0)
			return false;
		money = true;
	}
	return money;
}

static void csv_cell(void *data, size_t n, void *ctx)
{
	struct csv_sheet *cs = ctx;
	n = n < 2047 ? n : 2047; /* CSV_APPEND_NULL: data ends in a NUL */
	if (cs->oom)
		return;
	if (!room(&cs->at, &cs->capcell, cs->ncell, 1, sizeof *cs->at) ||
	    !room(&cs->text, &cs->cap, cs->len, n + 1, 1)) {
		cs->oom = true;
		return;
	}
	cs->at[cs->ncell++] = cs->len;
	memcpy(cs->text + cs->len, data, n);
	cs->text[cs->len + n] = 0;
	cs->len += n + 1;
}

/* The header row: each column's kind, its place in the sheet (a line
 * takes three columns, a key two), the key column of each value. */
static void csv_head(struct csv_sheet *cs)
{
	struct wb *x = cs->x;
	int col = 0;
	cs->param = -1;
	for (size_t k = 0; k < cs->ncell && k < WB_COLS; k++) {
		const char *text = cell_of(cs, (int)k), *head = text, *key = "key";
		enum col_kind kind = CK_AUTO;
		char name[400];
		int pi = -1;
		bool known = false;
		for (size_t j = 0; j < N_STUDY_COLS; j++)
			if (strcmp(text, study_cols[j].csv) == 0) {
				kind = study_cols[j].kind;
				head = L_(x->lang, study_cols[j].en);
				known = true;
			}
		if (!known && strcmp(cell_of(cs, 0), "parameter") == 0) {
			kind = CK_WRITTEN; /* a scenario's column of compare_params.csv */
		} else if (!known && (pi = row_param(cs, (int)k)) >= 0) {
			kind = CK_PCOL; /* sobol_points.csv: a column a parameter */
			param_name(x, pi, name, sizeof name);
			head = name;
		}
		for (size_t j = 0; j < sizeof value_keys / sizeof value_keys[0]; j++)
			if (strcmp(text, value_keys[j].csv) == 0)
				key = value_keys[j].key;
		cs->kind[k] = kind;
		cs->col[k] = col;
		cs->keycol[k] = kind == CK_PCOL ? pi : -1;
		for (size_t j = 0; j < cs->ncell; j++)
			if ((kind == CK_VALUE || kind == CK_UNIT) &&
			    strcmp(cell_of(cs, (int)j), key) == 0)
				cs->keycol[k] = (int)j;
		cs->lines |= kind == CK_LINE;
		if (kind == CK_PARAM && cs->param < 0)
			cs->param = (int)k;
		if (!cs->quiet)
			put_head(x, 0, col, head);
		if (kind == CK_LINE && !cs->quiet) {
			put_head(x, 0, col + 1, w(x, H_CLAUSE));
			put_head(x, 0, col + 2, w(x, H_MEASURE));
		} else if (kind == CK_PARAM && !cs->quiet) {
			put_head(x, 0, col + 1, w(x, H_MEANING));
		}
		col += kind == CK_LINE ? 3 : kind == CK_PARAM ? 2 : 1;
		if (!cs->labels && (kind == CK_LINE || kind == CK_PARAM))
			cs->labels = col;
	}
	cs->ncols = col;
}

static void csv_row(int c, void *ctx)
{
	(void)c;
	struct csv_sheet *cs = ctx;
	if (cs->oom)
		return;
	if (cs->row == 0)
		csv_head(cs);
	if (cs->scan)
		cs->scan(cs);
	if (cs->quiet) {
		cs->row++;
	} else if (cs->row > 0 && cs->lines && zero_row(cs)) {
		cs->left_out++;
	} else {
		for (size_t k = 0; cs->row > 0 && k < cs->ncell; k++)
			put_csv_cell(cs, (int)k, cs->text + cs->at[k]);
		cs->row++;
	}
	cs->ncell = 0;
	cs->len = 0;
}

/* ---- a compare's totals over different lines ---- */

/* compare.csv's columns the note reads, by name (it may gain others). */
static const char *const scope_cols[N_SCOPE_COLS] = {"base",          "alt",
						     "line",          "paid_year",
						     "level",         "diff",
						     "base_in_total", "alt_in_total",
						     "diff_in_total"};

/* compare.csv, all paid years: TOTAL's change at each funding level and
 * the lines whose change there is not their part of it (diff_in_total: a
 * line one side leaves out of TOTAL, a contingent item, or in neither
 * moving money between levels), as the terminal lists them under its
 * table (cmd_compare.c). */
static void scope_compare(struct csv_sheet *cs)
{
	struct wb *x = cs->x;
	int *at = x->at;
	if (cs->row == 0) {
		for (int j = 0; j < N_SCOPE_COLS; j++) {
			at[j] = -1;
			for (size_t k = 0; k < cs->ncell; k++)
				if (strcmp(cell_of(cs, (int)k), scope_cols[j]) == 0)
					at[j] = (int)k;
		}
		return;
	}
	for (int j = 0; j < N_SCOPE_COLS; j++)
		if (at[j] < 0)
			return;
	int lv = 0;
	while (lv < N_LEVELS && strcmp(level_keys[lv], cell_of(cs, at[4])) != 0)
		lv++;
	if (strcmp(cell_of(cs, at[3]), "all") != 0 || lv == N_LEVELS)
		return;
	const char *name = cell_of(cs, at[1]), *line = cell_of(cs, at[2]);
	int a = 0;
	while (a < x->nalt && strcmp(x->alt[a].name, name) != 0)
		a++;
	if (a == x->nalt) {
		if (a == WB_SCEN)
			return;
		snprintf(x->base, sizeof x->base, "%s", cell_of(cs, at[0]));
		snprintf(x->alt[a].name, sizeof x->alt[a].name, "%s", name);
		for (int k = 0; k < N_LEVELS; k++)
			x->alt[a].total[k] = NAN;
		x->alt[a].n = 0;
		x->nalt++;
	}
	struct scope_alt *s = &x->alt[a];
	double diff = strtod(cell_of(cs, at[5]), NULL), part = strtod(cell_of(cs, at[8]), NULL);
	bool bi = strcmp(cell_of(cs, at[6]), "1") == 0, ai = strcmp(cell_of(cs, at[7]), "1") == 0;
	if (strcmp(line, "TOTAL") == 0)
		s->total[lv] = diff;
	else if (!(bi && ai) && part != diff && line_by_name(line) >= 0 &&
		 s->n < N_LINES * N_LEVELS)
		s->l[s->n++] = (struct scope_line){line_by_name(line), lv, ai - bi, part, diff};
}

/* Under the compare's table, for each alternative and funding level with
 * such lines: each line and what it moves the total's change by (or, in
 * neither total, its own change), the change of the lines in both, and
 * the total's change (the sum of the amounts before it but those in
 * neither), each in the table's columns of level and change. Without it
 * a reader adds up the lines' changes and misses the total's. */
static void scope_note(struct wb *x, int row, const int *col)
{
	int dcol = x->at[5] >= 0 && x->at[5] < WB_COLS ? col[x->at[5]] : 7;
	int lcol = x->at[4] >= 0 && x->at[4] < WB_COLS ? col[x->at[4]] : 4;
	bool head = false;
	for (int a = 0; a < x->nalt; a++) {
		const struct scope_alt *s = &x->alt[a];
		for (int lv = 0; lv < N_LEVELS; lv++) {
			double moved = 0;
			bool any = false;
			char t[1024];
			for (int k = 0; k < s->n; k++) {
				const struct scope_line *e = &s->l[k];
				if (e->lv != lv || isnan(s->total[lv]))
					continue;
				if (!head) {
					put_text(x, row++, 0, w(x, C_SCOPE_HEAD), x->head);
					head = true;
				}
				if (e->in)
					snprintf(t, sizeof t, w(x, C_SCOPE_LINE),
						 line_info(e->line)->name, measure_word(x, e->line),
						 e->in > 0 ? s->name : x->base,
						 e->in > 0 ? x->base : s->name);
				else
					snprintf(t, sizeof t, w(x, C_SCOPE_NEITHER),
						 line_info(e->line)->name,
						 measure_word(x, e->line));
				put_text(x, row, 0, t, NULL);
				put_text(x, row, lcol, level_word(x, lv), NULL);
				put_money(x, row++, dcol, e->in ? e->part : e->diff);
				moved += e->in ? e->part : 0;
				any = true;
			}
			if (!any)
				continue;
			snprintf(t, sizeof t, w(x, C_SCOPE_BOTH), s->name);
			put_text(x, row, 0, t, NULL);
			put_text(x, row, lcol, level_word(x, lv), NULL);
			put_money(x, row++, dcol, s->total[lv] - moved);
			snprintf(t, sizeof t, w(x, C_SCOPE_TOTAL), s->name);
			put_text(x, row, 0, t, NULL);
			put_text(x, row, lcol, level_word(x, lv), NULL);
			put_money(x, row++, dcol, s->total[lv]);
		}
	}
	x->width[0] = x->width[0] > 24 ? 24 : x->width[0]; /* the notes run across */
}

/* ---- a sweep's total by value ---- */

static long csv_sheet(struct wb *x, const char *text, void (*scan)(struct csv_sheet *), bool quiet);

/* sweep.csv: each point's TOTAL row at each level (read by name: the
 * file may gain columns). */
static void sweep_scan(struct csv_sheet *cs)
{
	struct wb *x = cs->x;
	int *at = x->ptcol;
	if (cs->row == 0) {
		for (int j = 0; j < N_PT_COLS; j++) {
			at[j] = -1;
			for (size_t k = 0; k < cs->ncell; k++)
				if (strcmp(cell_of(cs, (int)k), pt_cols[j]) == 0)
					at[j] = (int)k;
		}
		return;
	}
	if (at[PT_POINT] < 0 || strcmp(cell_of(cs, at[PT_LINE]), "TOTAL") != 0)
		return;
	long p = strtol(cell_of(cs, at[PT_POINT]), NULL, 10);
	int lv = -1;
	for (int l = 0; l < N_LEVELS; l++)
		if (strcmp(cell_of(cs, at[PT_LEVEL]), level_keys[l]) == 0)
			lv = l;
	if (p < 0 || p > STUDY_MAX_POINTS || lv < 0)
		return;
	struct sweep_pt *q = &x->pt[p];
	q->seen = true;
	x->npt = (int)p + 1 > x->npt ? (int)p + 1 : x->npt;
	for (int a = 0; a < 2; a++) {
		snprintf(q->key[a], sizeof q->key[a], "%s", cell_of(cs, at[a ? PT_KEY2 : PT_KEY1]));
		q->value[a] = strtod(cell_of(cs, at[a ? PT_VALUE2 : PT_VALUE1]), NULL);
	}
	q->mean[lv] = strtod(cell_of(cs, at[PT_MEAN]), NULL);
	if (lv == LV_TOTAL) {
		q->p5 = strtod(cell_of(cs, at[PT_P5]), NULL);
		q->p95 = strtod(cell_of(cs, at[PT_P95]), NULL);
		q->diff = strtod(cell_of(cs, at[PT_DIFF]), NULL);
		q->diff_se = strtod(cell_of(cs, at[PT_DIFF_SE]), NULL);
	}
}

/* The sheet a planner charts: a row a point, the swept values in their
 * units under their meanings, the total's mean and 90% range and its
 * change from the base case, and each level's mean, as the terminal's
 * table. The base case first, as there. (A sweep has no P80 or P90:
 * its cells keep the mean and the 5% and 95% points only.) */
static void sheet_sweep_total(struct wb *x, const char *text)
{
	x->pt = calloc(STUDY_MAX_POINTS + 1, sizeof *x->pt);
	x->npt = 0;
	if (!x->pt) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "reading the sweep");
		return;
	}
	csv_sheet(x, text, sweep_scan, true);
	char err[256];
	int param[2] = {-1, -1}, naxes = 0;
	for (int a = 0; a < 2 && x->npt > 0; a++)
		if (x->pt[0].key[a][0] &&
		    (param[a] = params_key(x->pt[0].key[a], err, sizeof err)) >= 0)
			naxes = a + 1;
	int col = 0;
	char name[400];
	put_head(x, 0, col++, w(x, H_POINT));
	for (int a = 0; a < naxes; a++) {
		param_name(x, param[a], name, sizeof name);
		put_head(x, 0, col++, name);
	}
	enum word h[] = {H_TOTAL_MEAN, H_P5,        H_P95,       H_CHANGE,
			 H_CHANGE_SE,  H_PROV_MEAN, H_MUNI_MEAN, H_DIST_MEAN};
	for (size_t k = 0; k < sizeof h / sizeof h[0]; k++)
		put_head(x, 0, col++, w(x, h[k]));
	freeze(x, 1, 1 + naxes);
	int row = 1;
	for (int p = 0; p < x->npt; p++, row++) {
		const struct sweep_pt *q = &x->pt[p];
		if (!q->seen)
			continue;
		col = 0;
		if (p == 0)
			put_text(x, row, col++, w(x, R_BASE_CASE), x->center);
		else
			put_number(x, row, col++, p, x->year);
		for (int a = 0; a < naxes; a++)
			put_param(x, row, col++, param[a], q->value[a]);
		double m[] = {q->mean[LV_TOTAL], q->p5, q->p95, q->diff, q->diff_se};
		for (size_t k = 0; k < sizeof m / sizeof m[0]; k++)
			put_money(x, row, col++, m[k]);
		for (int lv = LV_PROVINCIAL; lv <= LV_DISTRICT; lv++)
			put_money(x, row, col++, q->mean[lv]);
	}
	for (int c = 1; c <= naxes; c++) /* the header wraps a long meaning */
		if (x->width[c] < 16)
			x->width[c] = 16;
	free(x->pt);
	x->pt = NULL;
}

/* The table's rows into the sheet; the rows it left out (zero_row).
 * scan: called on each row as it is read; quiet: write nothing. */
static long csv_sheet(struct wb *x, const char *text, void (*scan)(struct csv_sheet *), bool quiet)
{
	struct csv_parser p;
	struct csv_sheet cs = {.x = x, .scan = scan, .quiet = quiet};
	if (csv_init(&p, CSV_APPEND_NULL) != 0) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "reading the table");
		return 0;
	}
	size_t n = strlen(text);
	if (csv_parse(&p, text, n, csv_cell, csv_row, &cs) != n ||
	    csv_fini(&p, csv_cell, csv_row, &cs) != 0 || cs.oom)
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "reading the table");
	csv_free(&p);
	free(cs.text);
	free(cs.at);
	if (!quiet) {
		/* the labels frozen beside the figures, when they leave room for
		 * them (sheet_end prints them beside each page of a wide table) */
		int labels = 0;
		for (int c = 0; c < cs.labels && c < WB_COLS; c++)
			labels += col_width(x, c) ? col_width(x, c) : 9;
		freeze(x, 1, labels <= MAX_LABELS ? cs.labels : 0);
		check(x,
		      worksheet_autofilter(x->ws, 0, 0, (lxw_row_t)(cs.row > 1 ? cs.row - 1 : 1),
					   (lxw_col_t)(cs.ncols > 0 ? cs.ncols - 1 : 0)),
		      "the filter");
		if (scan)
			scope_note(x, cs.row + 1, cs.col);
	}
	return cs.left_out;
}

int workbook_study(const char *dir, const char *study, const struct wb_csv *tables, int n,
		   const char *manifest, enum chart_lang lang, char *err, size_t errlen)
{
	struct wb x;
	char path[4200];
	if (!comm_is_root())
		return 0; /* MPI: rank 0 writes for all */
	if (book_open(&x, dir, lang, true, path, sizeof path, err, errlen) != 0)
		return -1;
	for (int t = 0; t < n && !x.bad; t++) {
		const char *name = tables[t].name;
		for (size_t k = 0; k < sizeof study_sheets / sizeof study_sheets[0]; k++)
			if (strcmp(tables[t].name, study_sheets[k].csv) == 0)
				name = L_(lang, study_sheets[k].en);
		bool compare = strcmp(tables[t].name, "compare.csv") == 0;
		if (strcmp(tables[t].name, "sweep.csv") == 0 &&
		    sheet_begin(&x, w(&x, S_SWEEP_TOTAL)) == 0) { /* first: what a planner charts */
			sheet_sweep_total(&x, tables[t].text);
			sheet_end(&x);
		}
		if (sheet_begin(&x, name) == 0) {
			x.left_out += csv_sheet(&x, tables[t].text, compare ? scope_compare : NULL,
						false);
			sheet_end(&x);
		}
	}
	if (!x.bad && sheet_begin(&x, w(&x, S_METHOD)) == 0) {
		method_sheet(&x, manifest, false, study && strcmp(study, "sobol") == 0);
		sheet_end(&x);
	}
	return book_close(&x, path, err, errlen);
}
