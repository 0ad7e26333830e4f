/* commands.c - dispatch, and what every command shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_impl.h"

int command_run(const struct cli *c)
{
	static const struct {
		const char *name;
		int (*fn)(const struct cli *);
	} cmds[] = {{"params", cmd_params}, {"diff", cmd_diff}, {"award", cmd_award},
		    {"run", cmd_run}, {"sweep", cmd_sweep}, {"tornado", cmd_tornado},
		    {"compare", cmd_compare}, {"sobol", cmd_sobol},
		    {"report", cmd_report}};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(c->command, cmds[i].name) == 0)
			return cmds[i].fn(c);
	fprintf(stderr, "fundsim: unknown command \"%s\" (commands: run, award, params, diff, "
		"sweep, tornado, compare, sobol, report; "
		"see fundsim --help)\n", c->command);
	return EXIT_USAGE;
}

struct scenario *open_scenario(const char *path, const struct cli *c)
{
	struct scenario *s = calloc(1, sizeof *s);
	char err[ERR_LEN];
	if (!s) {
		fprintf(stderr, "fundsim: out of memory\n");
		return NULL;
	}
	if (path && strcmp(path, "builtin") == 0)
		path = NULL;
	if (scenario_open(s, path, c ? c->sets : NULL, c ? c->nsets : 0, err, sizeof err) != 0) {
		fprintf(stderr, "fundsim: %s\n", err);
		free(s);
		return NULL;
	}
	return s;
}

int no_positionals(const struct cli *c)
{
	if (c->npos) {
		fprintf(stderr, "fundsim %s: unexpected argument %s (see fundsim --help)\n",
			c->command, c->pos[0]);
		return -1;
	}
	return 0;
}
