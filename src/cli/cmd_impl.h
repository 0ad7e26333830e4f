/* cmd_impl.h - helpers the commands share; private to the CLI. */
#ifndef FUNDSIM_CMD_IMPL_H
#define FUNDSIM_CMD_IMPL_H

#include <stdbool.h>
#include <stdio.h>

#include "commands.h"
#include "scenario.h"

/* Load a scenario (path NULL or "builtin": the built-in draft), apply
 * c's --set options when c is given. Prints the error and returns NULL
 * on failure; caller frees. */
struct scenario *open_scenario(const char *path, const struct cli *c);

/* panel_load, but under MPI only rank 0 reads and the others receive
 * the panel. Same contract as panel_load. */
struct panel;
int panel_load_shared(const char *path, struct panel *pn, char *err, size_t errlen);
/* The same for an entities file (run --entities). */
struct entities;
int entities_load_shared(const char *path, struct entities *en, char *err, size_t errlen);

/* The first few of a list of names for a message ("F14, F15, …"): n
 * counts them all; each shown is whole, the rest is "…". */
#define NAMES_SHOWN 5
struct names {
	size_t n;
	bool cut;
	char text[320];
};
void names_add(struct names *nm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Say (on rank 0) which firms of pn were founded before p's start year
 * but have no row before it: the rules take their M2 and M3A tiers and
 * M3B listings before the policy as not reached (rules_firm flags each
 * award that rests on it). Nothing when there are none. */
void say_no_history(const char *cmd, const struct panel *pn, const struct policy *p);

/* Complain about positional arguments to a command that takes none. */
int no_positionals(const struct cli *c);

/* Parameter i of s as diff shows it: its value, or "(inherits)" unset. */
void param_words(const struct scenario *s, int i, char *buf, size_t n);
/* True when parameter i reads differently in any of s[1..n) than in s[0]. */
bool param_differs(struct scenario *const *s, int n, int i);
/* The parameters that differ (param_differs), side by side under the
 * scenarios' names, as `fundsim diff` prints them; returns how many. */
int print_param_diff(FILE *f, struct scenario *const *s, int n);

/* The output folder: given (--out), else out/NAME[/study] with NAME made
 * safe from the scenario's name (outset_safe_name). */
void cmd_out_dir(const char *given, const struct scenario *s, const char *study, char *buf,
		 size_t n);
/* Append printf(fmt, ...) to buf[n] at *k, advancing *k past it; once
 * *k reaches n the rest is dropped and *k no longer moves. */
void cmd_put(char *buf, size_t n, size_t *k, const char *fmt, ...);
/* Append " ARG" to buf[n] at *k, quoted for a POSIX shell so that the
 * line pastes safely: plain words as they are, else '...' with control
 * characters as $'\NNN'. cmd_opt appends " OPT ARG" (ARG may be NULL). */
void cmd_arg(char *buf, size_t n, size_t *k, const char *arg);
void cmd_opt(char *buf, size_t n, size_t *k, const char *opt, const char *arg);

#endif
