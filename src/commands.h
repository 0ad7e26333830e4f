/* commands.h - the parsed command line and the commands it runs. */
#ifndef FUNDSIM_COMMANDS_H
#define FUNDSIM_COMMANDS_H

#include <stdbool.h>

#define FUNDSIM_VERSION "0.1.0"

enum exit_code { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

#define MAX_SETS 64
#define MAX_POS 8

struct cli {
	const char *command;
	const char *scenario, *firms, *entities, *output;
	const char *reps, *seed, *threads, *precision, *outdir; /* run: checked by the command */
	bool ledger, quiet;
	const char *lang; /* run and the studies: chart labels, "en" or "zh" */
	bool no_charts;   /* run and the studies: chart CSV files and scripts, no gnuplot */
	const char *keys, *points, *bootstrap; /* tornado --keys; sobol --n, --bootstrap */
	bool policy;                           /* tornado --policy */
	const char *ranges[MAX_SETS];          /* tornado --range KEY=LO:HI */
	int nranges;
	char *sets[MAX_SETS];
	int nsets;
	const char *pos[MAX_POS];
	int npos;
	bool help;
};

/* Run c->command; returns an exit code. Prints its own messages. */
int command_run(const struct cli *c);

int cmd_params(const struct cli *c);
int cmd_diff(const struct cli *c);
int cmd_award(const struct cli *c);
int cmd_run(const struct cli *c);
int cmd_sweep(const struct cli *c);
int cmd_tornado(const struct cli *c);
int cmd_compare(const struct cli *c);
int cmd_sobol(const struct cli *c);
int cmd_report(const struct cli *c);

#endif
