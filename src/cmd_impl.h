/* cmd_impl.h - helpers the commands share; private to the CLI. */
#ifndef FUNDSIM_CMD_IMPL_H
#define FUNDSIM_CMD_IMPL_H

#include "commands.h"
#include "scenario.h"

/* Load a scenario (path NULL or "builtin": the built-in draft), apply
 * c's --set options when c is given. Prints the error and returns NULL
 * on failure; caller frees. */
struct scenario *open_scenario(const char *path, const struct cli *c);

/* Complain about positional arguments to a command that takes none. */
int no_positionals(const struct cli *c);

#endif
