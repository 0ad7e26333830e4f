/* commands.h - the parsed command line and the commands it runs. */
#ifndef FUNDSIM_COMMANDS_H
#define FUNDSIM_COMMANDS_H

#include <stdbool.h>
#include <stdio.h>

enum exit_code { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

#define MAX_SETS 64
#define MAX_POS 8

/* The parsed command line: each option's value as given (the command
 * checks it), only options its command takes (cli.c's table). */
struct cli {
	const char *command;
	const char *scenario, *firms, *entities, *output;
	const char *reps, *seed, *threads, *precision, *outdir;
	const char *exact_mb; /* run --exact-mb */
	bool ledger, quiet;
	bool csv_bom;     /* a UTF-8 BOM at the start of each CSV file written */
	const char *lang; /* "en" or "zh": every text (i18n.h); main.c applies it */
	bool no_charts;   /* chart CSV files and scripts, no gnuplot */
	const char *keys, *points, *bootstrap; /* tornado --keys; sobol --n, --bootstrap */
	const char *fit;                       /* calibrate --fit K1,K2,... */
	const char *port, *listen;             /* serve --port, --listen */
	bool policy;                           /* tornado --policy */
	const char *ranges[MAX_SETS];          /* tornado --range KEY=LO:HI */
	int nranges;
	char *sets[MAX_SETS];
	int nsets;
	const char *pos[MAX_POS];
	int npos;
	bool help;
};

/* Every option (options.def): O_SCENARIO, O_SET, ... */
enum opt {
	O_NONE, /* ends a command's list */
#define OPT(id, ...) O_##id,
#include "options.def"
#undef OPT
	N_OPTS
};

/* A command as its row in cli.c's table declares it: what it does, its
 * arguments, the options it takes (no other is accepted), and the
 * replications it runs. The parser, `fundsim --help`, `fundsim CMD
 * --help` and the dispatch all read this table. */
#define MAX_COMMAND_OPTS 20
struct command {
	const char *name;
	int (*fn)(const struct cli *);
	const char *args;    /* its arguments for the usage line, e.g. "[SCENARIO.ini]" */
	const char *what;    /* what it does, one paragraph */
	long reps, min_reps; /* --reps: its default and the least it takes */
	struct command_opt {
		enum opt id;
		const char *help; /* NULL: the option's own (options.def) */
	} opts[MAX_COMMAND_OPTS]; /* up to the first O_NONE */
};

/* The command called name, or NULL. */
const struct command *command_find(const char *name);

/* Parse argv (argv[1] the command) into c, which the caller zeroed; c
 * borrows argv's strings. Returns CLI_RUN to run c->command, CLI_DONE
 * when it printed what was asked (--help, --version: exit 0), or
 * CLI_BAD after saying what is wrong (exit 2): an unknown command, an
 * option the command does not take, naming the command, an option given
 * twice (or a --set or --range key), or an option where a value belongs
 * (--out --quiet). Runs nothing else. */
enum { CLI_BAD = -1, CLI_RUN = 0, CLI_DONE = 1 };
int cli_parse(int argc, char **argv, struct cli *c);
/* The value of --lang in argv (the last one), or NULL: read before
 * parsing, so that the parser's own messages are in that language. */
const char *cli_lang(int argc, char **argv);
/* The usage text of fundsim (every command), to stdout for --help, to
 * stderr on misuse. */
void cli_usage(FILE *f);
/* The usage text of one command: its arguments and every option it takes. */
void cli_command_usage(FILE *f, const struct command *cmd);

/* Run c->command; returns an exit code. Prints its own messages. */
int command_run(const struct cli *c);
/* True when name is one of the commands. */
bool command_exists(const char *name);

/* Print "fundsim CMD: MESSAGE" (cmd NULL: "fundsim: MESSAGE") on stderr
 * as one line, escaped (text_escape_to): the one place a command's
 * message reaches the terminal, so a name or path from input cannot
 * move the cursor, recolour it or forge a line. */
void say(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A loader's notes (inputs.h), one say() a line. */
void say_notes(const char *cmd, const char *notes);
/* rc, unless what was printed to stdout did not all get there (a full
 * disk, a pipe closed): then says so once and returns EXIT_FAIL (rc when
 * that already failed). close: fclose stdout too, at the very end. */
int stdout_check(const char *cmd, int rc, bool close);

int cmd_params(const struct cli *c);
int cmd_diff(const struct cli *c);
int cmd_award(const struct cli *c);
int cmd_run(const struct cli *c);
int cmd_sweep(const struct cli *c);
int cmd_tornado(const struct cli *c);
int cmd_compare(const struct cli *c);
int cmd_sobol(const struct cli *c);
int cmd_report(const struct cli *c);
int cmd_calibrate(const struct cli *c);
int cmd_serve(const struct cli *c);

#endif
