/* line_draws.c - every line's results of every replication, exactly
 * (C99 hex floats), for tests/dummy_line.sh: the normal build and one with
 * a line more (-DFUNDSIM_DUMMY_LINE) must agree on every other line.
 *
 * Usage: line_draws SCENARIO.ini|builtin REPS SEED
 * Prints "rep line year level value" rows, then each line's recipients;
 * exit 0, 1 on a runtime failure, 2 on bad arguments. */
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"
#include "sim.h"

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: line_draws SCENARIO.ini|builtin REPS SEED\n");
		return 2;
	}
	gsl_set_error_handler_off();
	char err[ERR_LEN], *end;
	long reps = strtol(argv[2], &end, 10);
	unsigned long long seed = strtoull(argv[3], &end, 10);
	struct scenario *s = malloc(sizeof *s);
	if (!s || reps < 1)
		return 2;
	const char *path = strcmp(argv[1], "builtin") == 0 ? NULL : argv[1];
	if (scenario_open(s, path, NULL, 0, err, sizeof err) != 0) {
		fprintf(stderr, "line_draws: %s\n", err);
		free(s);
		return 2;
	}
	struct sim_config c = {.seed = seed, .reps = reps, .threads = 2};
	struct sim_output o;
	if (sim_run(&s->pol, &c, &o, err, sizeof err) != 0 || !o.rows) {
		fprintf(stderr, "line_draws: %s\n", o.rows ? err : "no rows kept");
		free(s);
		return 1;
	}
	const struct sim_layout *l = &o.layout;
	for (long r = 0; r < o.reps; r++) {
		const double *row = o.rows + (size_t)r * l->width;
		for (int line = 0; line < N_LINES; line++) {
			const char *name = line_info(line)->name;
			for (int y = 0; y <= l->years; y++) {
				char yw[16]; /* the paid-year index, or "all" */
				snprintf(yw, sizeof yw, y == l->years ? "all" : "%d", y);
				for (int lv = 0; lv < N_LEVELS; lv++)
					printf("%ld %s %s %d %a\n", r, name, yw, lv,
					       row[sim_money(l, line, y, lv)]);
				printf("%ld %s %s n %a\n", r, name, yw,
				       row[sim_recipients(l, line, y)]);
			}
		}
	}
	sim_output_free(&o);
	free(s);
	return ferror(stdout) ? 1 : 0;
}
