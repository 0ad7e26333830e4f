/* cli.c - the command line as one table: every command with what it does,
 * its arguments and the options it takes (options.def says what each
 * option is). The parser, `fundsim --help`, `fundsim CMD --help` and the
 * dispatch are derived from it, so a command can neither take an option
 * it ignores nor miss one from its help. Collecting arguments runs no
 * code and reads no file: each command checks its own values (main.c runs
 * it, tests/fuzz/fuzz_cli.c fuzzes this parser). */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cmd_study_impl.h"
#include "commands.h"
#include "i18n.h"
#include "lines.h"
#include "params.h"
#include "text.h"
#include "version.h"


/* A command takes option O_id, with its own help text (NULL: the option's). */
#define T(id)                \
	{                    \
		O_##id, NULL \
	}
#define TH(id, help)         \
	{                    \
		O_##id, help \
	}
/* What run, report and the studies take alike. */
#define RUN_OPTS T(SET), T(REPS), T(SEED), T(THREADS), T(FIRMS), T(CSV_BOM)
#define CHART_OPTS T(LANG), T(NO_CHARTS), T(QUIET), T(HELP)
#define STUDY_OUT TH(OUT, N_("the folder for the results (default out/NAME/STUDY/)"))

static const struct command commands[] = {
	{"run",
	 cmd_run,
	 "[SCENARIO.ini]",
	 N_("Monte Carlo: what the measures cost per line, year and funding level, with "
	    "percentiles and budget risk; results in DIR (default out/NAME/) with charts (PNG "
	    "and SVG, by gnuplot) labelled in English or Chinese"),
	 1000,
	 1,
	 {T(SCENARIO), RUN_OPTS,
	  TH(ENTITIES,
	     N_("the approvals the bureau holds (the entities file award reads, with an "
		"optional status: approved, paid, pending): paid as approved; applicants are "
		"sampled after each line's latest year in it")),
	  T(PRECISION), T(EXACT_MB), T(OUT), T(LEDGER), CHART_OPTS}},
	{"award",
	 cmd_award,
	 "",
	 N_("apply every award line to real data: one ledger row per award with its reason, "
	    "to -o or standard output; a summary in 万元 to standard error"),
	 0,
	 0,
	 {TH(FIRMS, N_("the bureau's firm panel: one row per firm and year")), T(ENTITIES),
	  T(OUTPUT), T(SCENARIO), T(SET), T(CSV_BOM), T(LANG), T(HELP)}},
	{"report",
	 cmd_report,
	 "[SCENARIO.ini]",
	 N_("a run, its charts and a tornado of the key assumptions, written up as one "
	    "self-contained HTML page for a briefing (DIR/report.html, default out/NAME/), "
	    "printable to PDF from a browser"),
	 1000,
	 2,
	 {T(SCENARIO), RUN_OPTS, T(OUT), T(LANG), T(QUIET), T(HELP)}},
	{"calibrate",
	 cmd_calibrate,
	 "[SCENARIO.ini]",
	 N_("the population against the scenario's [targets] (public aggregates, each with its "
	    "source): calibration.csv in DIR (default out/NAME/calibrate/) and a table; exit 0 "
	    "only when every model mean is in its range"),
	 1000,
	 2,
	 {T(SCENARIO), RUN_OPTS,
	  TH(OUT, N_("the folder for the results (default out/NAME/calibrate/)")), T(FIT), T(QUIET),
	  T(LANG), T(HELP)}},
	{"params",
	 cmd_params,
	 "",
	 N_("print every parameter: value, unit, clause, where it was set"),
	 0,
	 0,
	 {T(SCENARIO), T(SET), T(LANG), T(HELP)}},
	{"diff",
	 cmd_diff,
	 "A.ini B.ini",
	 N_("parameters whose values differ between two scenarios (builtin names the draft)"),
	 0,
	 0,
	 {TH(SET, N_("override one parameter in both, e.g. --set m1a.cap=200万 (repeatable)")),
	  T(LANG), T(HELP)}},
	{"sweep",
	 cmd_sweep,
	 "[SCENARIO.ini] KEY=LO:HI:STEP [KEY2=LO:HI:STEP]",
	 N_("spending over a grid of one or two parameters, e.g. m1a.cap=50万:200万:50万, and "
	    "the change from the base case with its standard error (every variant meets the "
	    "base case's random draws)"),
	 500,
	 2,
	 {T(SCENARIO), RUN_OPTS, STUDY_OUT, CHART_OPTS}},
	{"tornado",
	 cmd_tornado,
	 "[SCENARIO.ini]",
	 N_("each parameter to its low and high value (given, or -+20%), sorted by swing; with "
	    "spider data. No keys: the [sensitivity] ranges, else --policy"),
	 500,
	 2,
	 {T(SCENARIO), T(KEYS), T(POLICY), T(RANGE), RUN_OPTS, STUDY_OUT, CHART_OPTS}},
	{"compare",
	 cmd_compare,
	 "BASE.ini ALT.ini [ALT2.ini ...]",
	 /* xgettext:no-c-format */
	 N_("ALT - BASE per line, paid year and funding level with 95% intervals from paired "
	    "replications, and the parameters that differ"),
	 500,
	 2,
	 {RUN_OPTS, STUDY_OUT, CHART_OPTS}},
	{"sobol",
	 cmd_sobol,
	 "[SCENARIO.ini]",
	 N_("first-order and total Sobol indices of total spending to the ranges in the "
	    "scenario's [sensitivity] section (Saltelli sampling)"),
	 50,
	 2,
	 {T(SCENARIO), TH(N, N_("base points of the design: N (k + 2) runs")),
	  TH(BOOTSTRAP, N_("bootstrap resamples of the intervals")),
	  TH(REPS, N_("replications per design point")), T(SET), T(SEED), T(THREADS), T(FIRMS),
	  T(CSV_BOM), STUDY_OUT, CHART_OPTS}},
	{"serve",
	 cmd_serve,
	 "[SCENARIO.ini]",
	 N_("a what-if page in the browser, on this machine only: every rule a control, the "
	    "costs answered live"),
	 1000,
	 2,
	 {T(SCENARIO), T(REPS), T(SEED), T(THREADS), T(FIRMS),
	  TH(ENTITIES, N_("the bureau's known approvals, paid as approved (as run --entities)")),
	  T(PORT), T(LISTEN), TH(OUT, N_("the folder for the exports (default out/NAME/serve/)")),
	  TH(LANG, N_("the page's first language, en or zh (the page switches), and the exports'")),
	  T(HELP)}},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

enum opt_kind { FLAG, VALUE, SETS, RANGES };

static const struct option {
	const char *name, *alias;
	enum opt_kind kind;
	size_t field; /* offsetof(struct cli, ...) */
	const char *arg, *expect, *help;
} options[N_OPTS] = {
	[O_NONE] = {NULL, NULL, FLAG, 0, NULL, NULL, NULL},
#define OPT(id, name, alias, kind, field, arg, expect, help) \
	[O_##id] = {name, alias, kind, offsetof(struct cli, field), arg, expect, help},
#include "options.def"
#undef OPT
};

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

bool command_exists(const char *name)
{
	return command_find(name) != NULL;
}

int command_run(const struct cli *c)
{
	const struct command *cmd = command_find(c->command);
	if (cmd)
		return cmd->fn(c);
	say(NULL, _("unknown command \"%s\" (see fundsim --help)"), c->command);
	return EXIT_USAGE;
}

/* The row of option o in cmd's list, or NULL when cmd does not take it. */
static const struct command_opt *takes(const struct command *cmd, enum opt o)
{
	for (int i = 0; i < MAX_COMMAND_OPTS && cmd->opts[i].id != O_NONE; i++)
		if (cmd->opts[i].id == o)
			return &cmd->opts[i];
	return NULL;
}

/* ---- help ---- */

#define WIDTH 79

/* text from column col on, wrapped at WIDTH with following lines at
 * column indent; ends the last line. "[...]" is one word, so that an
 * option and its value in a synopsis stay on one line. */
static void wrap(FILE *f, const char *text, int indent, int col)
{
	bool start = true; /* of a line: no space before the word */
	while (*text) {
		size_t len = strcspn(text, *text == '[' ? "]" : " ");
		len += *text == '[' && text[len] == ']';
		char word[256];
		snprintf(word, sizeof word, "%.*s", (int)len, text);
		int w = text_width(word);
		if (!start && col + 1 + w > WIDTH) {
			fprintf(f, "\n%*s", indent, "");
			col = indent;
		} else if (!start) {
			fputc(' ', f);
			col++;
		}
		fputs(word, f);
		col += w;
		start = false;
		text += len;
		text += strspn(text, " ");
	}
	fputc('\n', f);
}

/* "--reps N", "-h, --help" */
static void option_words(const struct option *o, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s%s%s", o->alias ? o->alias : "", o->alias ? ", " : "", o->name,
		 o->arg ? " " : "", o->arg ? o->arg : "");
}

/* "run [SCENARIO.ini] [--scenario FILE] ...": every option but --help,
 * from column indent. */
static void synopsis(FILE *f, const struct command *cmd, int indent)
{
	char text[2048];
	size_t k = (size_t)snprintf(text, sizeof text, "%s%s%s", cmd->name, cmd->args[0] ? " " : "",
				    cmd->args);
	for (int i = 0; i < MAX_COMMAND_OPTS && cmd->opts[i].id != O_NONE; i++) {
		const struct option *o = &options[cmd->opts[i].id];
		if (cmd->opts[i].id != O_HELP && k < sizeof text)
			k += (size_t)snprintf(text + k, sizeof text - k, " [%s%s%s]", o->name,
					      o->arg ? " " : "", o->arg ? o->arg : "");
	}
	fprintf(f, "%*s", indent, "");
	wrap(f, text, indent + 4, indent);
}

void cli_usage(FILE *f)
{
	char what[200];
	snprintf(what, sizeof what,
		 _("Costs the Suzhou draft software-industry policy (15 measures, %d cash award "
		   "lines)."),
		 N_LINES);
	fprintf(f, "%s\n\n", _("usage: fundsim COMMAND [options]"));
	wrap(f, what, 0, 0);
	fprintf(f, "\n%s\n", _("commands:"));
	for (size_t i = 0; i < N_COMMANDS; i++) {
		synopsis(f, &commands[i], 2);
		fprintf(f, "%8s", "");
		wrap(f, _(commands[i].what), 8, 8);
	}
	fprintf(f, "\n%s\n%s\n",
		_("fundsim COMMAND --help tells what each option of COMMAND does."),
		_("exit codes: 0 ok, 1 failure while running, 2 bad input or usage"));
}

void cli_command_usage(FILE *f, const struct command *cmd)
{
	/* TRANSLATORS: the command and its arguments, e.g. "run [SCENARIO.ini]" */
	fprintf(f, _("usage: fundsim %s%s%s [options]"), cmd->name, cmd->args[0] ? " " : "",
		cmd->args);
	fputs("\n\n", f);
	wrap(f, _(cmd->what), 0, 0);
	fprintf(f, "\n%s\n", _("options:"));
	for (int i = 0; i < MAX_COMMAND_OPTS && cmd->opts[i].id != O_NONE; i++) {
		const struct command_opt *u = &cmd->opts[i];
		const struct option *o = &options[u->id];
		char words[64], help[400];
		option_words(o, words, sizeof words);
		snprintf(help, sizeof help, "%s", _(u->help ? u->help : o->help));
		long def = u->id == O_REPS        ? cmd->reps /* the default is the command's own */
			   : u->id == O_N         ? SOBOL_POINTS
			   : u->id == O_BOOTSTRAP ? SOBOL_BOOT
						  : -1;
		if (def >= 0)
			snprintf(help + strlen(help), sizeof help - strlen(help),
				 _(" (default %ld)"), def);
		fprintf(f, "  %-22s", words);
		if (text_width(words) > 20) /* too long to share a line with its help */
			fprintf(f, "\n%24s", "");
		wrap(f, help, 24, 24);
	}
	fprintf(f, "\n%s\n", _("exit codes: 0 ok, 1 failure while running, 2 bad input or usage"));
}

/* ---- parsing ---- */

/* Whether argument a names option o: "NAME", or for an option with a
 * value also "NAME=VALUE" (the name matched, alias or not, in *name). */
static bool names(const struct option *o, const char *a, const char **name)
{
	const char *both[2] = {o->name, o->alias};
	for (int k = 0; k < 2 && both[k]; k++) {
		size_t n = strlen(both[k]);
		if (strncmp(a, both[k], n) == 0 &&
		    (a[n] == '\0' || (a[n] == '=' && o->kind != FLAG))) {
			*name = both[k];
			return true;
		}
	}
	return false;
}

/* The option argument a names (alias or not, the name in *name), or
 * N_OPTS. */
static int option_of(const char *a, const char **name)
{
	int id = O_NONE + 1;
	while (id < N_OPTS && !names(&options[id], a, name))
		id++;
	return id;
}

/* Whether argument a is an option rather than a value: "--anything",
 * or a known short one (-o, -q, -h). `--out --quiet` is then --out
 * without its value, not a folder called --quiet; "-5" and "-" stay
 * values. NAME=--x still passes a value that starts with "--". */
static bool is_option(const char *a)
{
	const char *name = NULL;
	return strncmp(a, "--", 2) == 0 || option_of(a, &name) < N_OPTS;
}

/* The value of option o named name at argv[*i]: after '=' or the next
 * argument (advances *i). 0, or -1 when missing or empty (said). */
static int value_of(const struct option *o, const char *name, int argc, char **argv, int *i,
		    const char **value)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (a[n] == '=') {
		*value = a + n + 1;
	} else if (*i + 1 < argc && is_option(argv[*i + 1])) {
		const char *next = argv[*i + 1];
		say(argv[1],
		    _("%s needs a value, but an option follows it: %s (%s VALUE, or "
		      "%s=%s if that is the value)"),
		    name, next, name, name, next);
		return -1;
	} else if (*i + 1 < argc) {
		*value = argv[++*i];
	} else {
		say(argv[1], _("%s needs a value (%s VALUE or %s=VALUE)"), name, name, name);
		return -1;
	}
	if (!**value) { /* --out "" would mean the working folder; no option means nothing */
		say(argv[1], _("%s: the value is empty (expected %s)"), name, _(o->expect));
		return -1;
	}
	return 0;
}

/* The key of a KEY=VALUE list entry, for telling two apart: the
 * parameter's index (so district.SIP.x and district.园区.x are one key),
 * else its text up to '=' (a key params_key does not know, such as
 * sensitivity.m1a.cap, or a typo the command will name). */
struct list_key {
	int param;
	char text[128];
};

static struct list_key list_key(const char *entry)
{
	struct list_key k = {.param = -1};
	char why[1200];
	snprintf(k.text, sizeof k.text, "%.*s", (int)strcspn(entry, "="), entry);
	k.param = params_key(k.text, why, sizeof why);
	return k;
}

static bool same_key(const struct list_key *a, const struct list_key *b)
{
	return a->param >= 0 ? a->param == b->param : strcmp(a->text, b->text) == 0;
}

/* Refuse entry v of list o when an earlier entry of the list sets the
 * same key: the last one would silently win. 0, or -1 (said). */
static int list_once(const struct option *o, const struct cli *c, const char *const *list, int n,
		     const char *v)
{
	struct list_key k = list_key(v);
	for (int j = 0; j < n; j++) {
		struct list_key e = list_key(list[j]);
		if (same_key(&k, &e)) {
			say(c->command, _("%s %s is given twice: %s and %s (give each key once)"),
			    o->name, k.text, list[j], v);
			return -1;
		}
	}
	return 0;
}

/* Store option o's value v in c. 0, or -1 when a single-valued option
 * or a list's key comes twice, or a list is full (said). */
static int store(const struct option *o, struct cli *c, const char *v)
{
	char *field = (char *)c + o->field;
	switch (o->kind) {
	case FLAG:
		*(bool *)field = true; /* twice means the same: nothing is lost */
		return 0;
	case VALUE:
		/* the tool refuses a key set twice in a file; a value given twice on
		 * the command line is as likely a slip */
		if (*(const char **)field) {
			say(c->command, _("%s is given twice: %s and %s (give it once)"), o->name,
			    *(const char **)field, v);
			return -1;
		}
		*(const char **)field = v;
		return 0;
	case SETS:
		if (list_once(o, c, (const char *const *)c->sets, c->nsets, v) != 0)
			return -1;
		if (c->nsets == MAX_SETS)
			break;
		c->sets[c->nsets++] = (char *)v;
		return 0;
	case RANGES:
		if (list_once(o, c, c->ranges, c->nranges, v) != 0)
			return -1;
		if (c->nranges == MAX_SETS)
			break;
		c->ranges[c->nranges++] = v;
		return 0;
	}
	say(c->command, _("more than %d %s options"), MAX_SETS, o->name);
	return -1;
}

/* An option cmd does not take: which commands do, in the message. */
static void not_taken(const struct command *cmd, enum opt id, const char *given)
{
	char who[256] = "";
	size_t k = 0, n = 0, all = 0;
	for (size_t i = 0; i < N_COMMANDS; i++)
		all += takes(&commands[i], id) != NULL;
	for (size_t i = 0; i < N_COMMANDS && k < sizeof who; i++) {
		if (!takes(&commands[i], id))
			continue;
		n++;
		k += (size_t)snprintf(who + k, sizeof who - k, "%s%s",
				      n == 1     ? ""
				      : n == all ? _(" and ")
						 : _(", "),
				      commands[i].name);
	}
	say(cmd->name, _("%s is not an option of %s (it is for %s; see fundsim %s --help)"), given,
	    cmd->name, who, cmd->name);
}

/* One argument at argv[*i]: an option of cmd (with its value) or a
 * positional. */
static int parse_one(const struct command *cmd, int argc, char **argv, int *i, struct cli *c)
{
	const char *a = argv[*i], *name = NULL;
	int id = option_of(a, &name);
	if (id < N_OPTS) {
		const struct option *o = &options[id];
		const char *v = NULL;
		if (!takes(cmd, (enum opt)id)) { /* before its value: that is not the point */
			not_taken(cmd, (enum opt)id, name);
			return -1;
		}
		if (o->kind != FLAG && value_of(o, name, argc, argv, i, &v) != 0)
			return -1;
		return store(o, c, v);
	}
	if (a[0] == '-' && a[1]) {
		say(c->command, _("unknown option %s (see fundsim %s --help)"), a, cmd->name);
		return -1;
	}
	if (!a[0]) {
		say(c->command, _("an empty argument (expected a file or a KEY=VALUE)"));
		return -1;
	}
	if (c->npos == MAX_POS) {
		say(c->command, _("too many arguments at %s"), a);
		return -1;
	}
	c->pos[c->npos++] = a;
	return 0;
}

const char *cli_lang(int argc, char **argv)
{
	const char *lang = NULL;
	for (int i = 1; i < argc; i++) {
		const char *name = NULL;
		int id = option_of(argv[i], &name);
		if (id == N_OPTS || options[id].kind == FLAG)
			continue;
		/* as value_of: `--reps --lang zh` leaves --lang to be read */
		const char *v = argv[i][strlen(name)] == '=' ? argv[i] + strlen(name) + 1
				: i + 1 < argc && !is_option(argv[i + 1]) ? argv[++i]
									  : NULL;
		if (id == O_LANG && v)
			lang = v;
	}
	return lang;
}

int cli_parse(int argc, char **argv, struct cli *c)
{
	/* fundsim --lang zh --help, fundsim --lang zh run: --lang before the command
	 * (main.c has applied it) */
	while (argc > 1 && strncmp(argv[1], "--lang", 6) == 0 &&
	       (argv[1][6] == '\0' || argv[1][6] == '=')) {
		int skip = argv[1][6] == '=' ? 1 : 2;
		const char *v = skip == 1 ? argv[1] + 7 : argc > 2 ? argv[2] : "";
		if (c->lang) { /* as store() does after the command */
			say(NULL, _("%s is given twice: %s and %s (give it once)"), "--lang",
			    c->lang, v);
			return CLI_BAD;
		}
		c->lang = v;
		if (argc <= skip || i18n_parse(c->lang) < 0) {
			say(NULL, _("--lang %s: expected en or zh"), c->lang);
			return CLI_BAD;
		}
		argc -= skip;
		argv += skip;
	}
	if (argc < 2) {
		cli_usage(stderr);
		return CLI_BAD;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		const struct command *cmd = argc > 2 ? command_find(argv[2]) : NULL;
		if (cmd)
			cli_command_usage(stdout, cmd); /* fundsim help run */
		else
			cli_usage(stdout);
		return CLI_DONE;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("fundsim %s (git %s)\n", fundsim_version, fundsim_git);
		return CLI_DONE;
	}
	c->command = argv[1];
	const struct command *cmd = command_find(c->command);
	if (!cmd) {
		say(NULL, _("unknown command \"%s\" (see fundsim --help)"), c->command);
		return CLI_BAD;
	}
	for (int i = 2; i < argc; i++)
		if (parse_one(cmd, argc, argv, &i, c) != 0)
			return CLI_BAD;
	if (c->lang && i18n_parse(c->lang) < 0) {
		say(c->command, _("--lang %s: expected en or zh"), c->lang);
		return CLI_BAD;
	}
	if (c->help) {
		cli_command_usage(stdout, cmd);
		return CLI_DONE;
	}
	return CLI_RUN;
}
