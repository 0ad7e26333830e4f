/* cli.c - the command line: one table of options, parsed into struct
 * cli. Collecting arguments runs no code and reads no file: each command
 * checks its own values (main.c runs it, tests/fuzz/fuzz_cli.c fuzzes
 * this parser). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "lines.h"
#include "version.h"

void cli_usage(FILE *f)
{
	fprintf(f, "usage: fundsim COMMAND [options]\n"
		"\n"
		"Costs the Suzhou draft software-industry policy (15 measures, %d cash award "
		"lines).\n\n", N_LINES);
	fputs("commands:\n"
	      "  run [SCENARIO.ini] [--reps N] [--seed S] [--threads T] [--precision P]\n"
	      "      [--firms PANEL.csv] [--out DIR] [--ledger] [--quiet]\n"
	      "      [--lang en|zh] [--no-charts]\n"
	      "        Monte Carlo: what the measures cost per line, year and funding level,\n"
	      "        with percentiles and budget risk; results in DIR (default out/NAME/)\n"
	      "        with charts (PNG and SVG, by gnuplot) labelled in English or Chinese;\n"
	      "        --no-charts writes their CSV files and scripts only\n"
	      "  award --firms PANEL.csv [--entities E.csv] [-o LEDGER.csv]\n"
	      "        apply every award line to real data; ledger to -o or stdout,\n"
	      "        summary in 万元 to stderr\n"
	      "  report [SCENARIO.ini] [--reps N] [--seed S] [--threads T] [--firms PANEL.csv]\n"
	      "      [--out DIR] [--lang en|zh]\n"
	      "        a run, its charts and a tornado of the key assumptions, written up as one\n"
	      "        self-contained HTML page for a briefing (DIR/report.html, default\n"
	      "        out/NAME/), printable to PDF from a browser\n"
	      "  params   print every parameter: value, unit, clause, where it was set\n"
	      "  diff A.ini B.ini   parameters whose values differ (builtin = the draft)\n"
	      "\n"
	      "sensitivity studies (every variant meets the base case's random draws, so\n"
	      "differences are paired; common options --reps --seed --threads --firms --out\n"
	      "--lang en|zh --no-charts; each draws its charts into its folder as run does):\n"
	      "  sweep KEY=LO:HI:STEP [KEY2=LO:HI:STEP]\n"
	      "        spending over a grid of one or two parameters, e.g. m1a.cap=50万:200万:50万,\n"
	      "        and the change from the base case with its standard error\n"
	      "  tornado [--keys K1,K2,... | --policy] [--range KEY=LO:HI ...]\n"
	      "        each parameter to its low and high value (given, or -+20%), sorted by\n"
	      "        swing; with spider data. No keys: the [sensitivity] ranges, else --policy\n"
	      "  compare BASE.ini ALT.ini [ALT2.ini ...]\n"
	      "        ALT - BASE per line, paid year and funding level with 95% intervals,\n"
	      "        and the parameters that differ\n"
	      "  sobol [--n N] [--reps R] [--bootstrap B]\n"
	      "        first-order and total Sobol indices of total spending to the ranges in\n"
	      "        the scenario's [sensitivity] section (Saltelli sampling)\n"
	      "\n"
	      "options for every command:\n"
	      "  --scenario FILE     scenario INI (default: the built-in draft policy)\n"
	      "  --set SEC.KEY=VAL   override one parameter, e.g. --set m1a.cap=200万 (repeatable)\n"
	      "  -h, --help          this text\n"
	      "\n"
	      "exit codes: 0 ok, 1 failure while running, 2 bad input or usage\n",
	      f);
}

enum opt_kind {
	FLAG,  /* a bool field */
	VALUE, /* a const char * field, given once (the last one counts) */
	SETS,  /* appended to c->sets */
	RANGES /* appended to c->ranges */
};

/* Every option: a new one is a row here (and its field in struct cli). */
static const struct option {
	const char *name, *alias;
	enum opt_kind kind;
	size_t field;       /* offsetof(struct cli, ...) */
	const char *expect; /* what a value looks like, for the message on an empty one */
} options[] = {
	{"--help", "-h", FLAG, offsetof(struct cli, help), NULL},
	{"--scenario", NULL, VALUE, offsetof(struct cli, scenario), "a scenario file"},
	{"--set", NULL, SETS, 0, "SECTION.KEY=VALUE"},
	{"--firms", NULL, VALUE, offsetof(struct cli, firms), "a firm panel CSV file"},
	{"--entities", NULL, VALUE, offsetof(struct cli, entities), "an entities CSV file"},
	{"--reps", NULL, VALUE, offsetof(struct cli, reps), "a whole number"},
	{"--seed", NULL, VALUE, offsetof(struct cli, seed), "a whole number"},
	{"--threads", NULL, VALUE, offsetof(struct cli, threads), "a whole number"},
	{"--precision", NULL, VALUE, offsetof(struct cli, precision), "a share, e.g. 1%"},
	{"--out", NULL, VALUE, offsetof(struct cli, outdir), "a folder"},
	{"--ledger", NULL, FLAG, offsetof(struct cli, ledger), NULL},
	{"--quiet", "-q", FLAG, offsetof(struct cli, quiet), NULL},
	{"--lang", NULL, VALUE, offsetof(struct cli, lang), "en or zh"},
	{"--no-charts", NULL, FLAG, offsetof(struct cli, no_charts), NULL},
	{"--keys", NULL, VALUE, offsetof(struct cli, keys), "K1,K2,..."},
	{"--policy", NULL, FLAG, offsetof(struct cli, policy), NULL},
	{"--range", NULL, RANGES, 0, "KEY=LO:HI"},
	{"--n", NULL, VALUE, offsetof(struct cli, points), "a whole number"},
	{"--bootstrap", NULL, VALUE, offsetof(struct cli, bootstrap), "a whole number"},
	{"--output", "-o", VALUE, offsetof(struct cli, output), "a file"},
};

/* argv[*i] as option o: "NAME", or for a value "NAME VALUE" and
 * "NAME=VALUE" (advances *i). 1 matched, 0 not this option, -1 error. */
static int match(const struct option *o, const char *name, int argc, char **argv, int *i,
		 const char **value)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (strncmp(a, name, n) != 0 || (a[n] != '\0' && (a[n] != '=' || o->kind == FLAG)))
		return 0;
	if (o->kind == FLAG)
		return 1;
	if (a[n] == '=') {
		*value = a + n + 1;
	} else if (*i + 1 < argc) {
		*value = argv[++*i];
	} else {
		say(argv[1], "%s needs a value (%s VALUE or %s=VALUE)", name, name, name);
		return -1;
	}
	if (!**value) { /* --out "" would mean the working folder; no option means nothing */
		say(argv[1], "%s: the value is empty (expected %s)", name, o->expect);
		return -1;
	}
	return 1;
}

/* Store option o's value v in c. 0, or -1 when a list is full. */
static int store(const struct option *o, struct cli *c, const char *v)
{
	char *field = (char *)c + o->field;
	switch (o->kind) {
	case FLAG:
		*(bool *)field = true;
		return 0;
	case VALUE:
		*(const char **)field = v;
		return 0;
	case SETS:
		if (c->nsets == MAX_SETS)
			break;
		c->sets[c->nsets++] = (char *)v;
		return 0;
	case RANGES:
		if (c->nranges == MAX_SETS)
			break;
		c->ranges[c->nranges++] = v;
		return 0;
	}
	say(c->command, "more than %d %s options", MAX_SETS, o->name);
	return -1;
}

/* One argument at argv[*i]: an option (with its value) or a positional. */
static int parse_one(int argc, char **argv, int *i, struct cli *c)
{
	const char *a = argv[*i];
	for (size_t k = 0; k < sizeof options / sizeof options[0]; k++) {
		const struct option *o = &options[k];
		const char *v = NULL;
		int m = match(o, o->name, argc, argv, i, &v);
		if (m == 0 && o->alias)
			m = match(o, o->alias, argc, argv, i, &v);
		if (m != 0)
			return m < 0 ? -1 : store(o, c, v);
	}
	if (a[0] == '-' && a[1]) {
		say(c->command, "unknown option %s (see fundsim --help)", a);
		return -1;
	}
	if (!a[0]) {
		say(c->command, "an empty argument (expected a file or a KEY=VALUE)");
		return -1;
	}
	if (c->npos == MAX_POS) {
		say(c->command, "too many arguments at %s", a);
		return -1;
	}
	c->pos[c->npos++] = a;
	return 0;
}

int cli_parse(int argc, char **argv, struct cli *c)
{
	if (argc < 2) {
		cli_usage(stderr);
		return CLI_BAD;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		cli_usage(stdout);
		return CLI_DONE;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("fundsim %s (git %s)\n", fundsim_version, fundsim_git);
		return CLI_DONE;
	}
	c->command = argv[1];
	for (int i = 2; i < argc; i++)
		if (parse_one(argc, argv, &i, c) != 0)
			return CLI_BAD;
	if (c->help) {
		cli_usage(stdout);
		return CLI_DONE;
	}
	return CLI_RUN;
}
