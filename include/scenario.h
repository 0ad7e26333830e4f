/* scenario.h - scenario files: INI (read by scenario.c) on top of the built-in
 * draft policy, with --set overrides.
 *
 * A scenario without "base" builds on the built-in scenario
 * (scenarios/suzhou-draft.ini, compiled in); "base = other.ini" builds on
 * another file, relative to the file that names it. Every value records
 * where it was set. Errors are written to err as
 * "file:line: [section] key: what is wrong (what is valid)". */
#ifndef FUNDSIM_SCENARIO_H
#define FUNDSIM_SCENARIO_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "params.h"
#include "policy.h"
#include "targets.h"

#define SRC_LEN 256 /* a longer "file:line" keeps the end of the path */
/* Bytes of the parameters' comments a scenario keeps (the built-in one's
 * take about a quarter), and of one comment: a longer one is cut at a
 * whole character, a comment past the room is not kept. */
#define SCENARIO_COMMENTS 65536
#define SCENARIO_COMMENT_LEN 1024
#define ERR_LEN 8192 /* room for a path of PATH_MAX bytes and the message */

struct scenario {
	char name[64];
	char path[PATH_MAX]; /* the file loaded last ("" for built-in) */
	struct policy pol;
	bool set[MAX_PARAMS];                     /* value given somewhere */
	char src[MAX_PARAMS][SRC_LEN];            /* where: "my.ini:12", "--set", ... */
	unsigned char prov[MAX_PARAMS];           /* enum param_prov: what its comment says */
	struct param_range sens[MAX_SENSITIVITY]; /* [sensitivity], in declared order */
	int nsens;
	struct target targets[MAX_TARGETS]; /* [targets], in declared order */
	int ntargets;
	char note[512]; /* what the user should know of how it was read (a GBK file
			 * converted), a line each; the commands print it */
	/* each parameter's comment, the one prov[] was read from, for a reader
	 * who must know why a value is what it is (scenario_comment) */
	unsigned comment_at[MAX_PARAMS]; /* in comments, + 1; 0: none */
	unsigned comments_used;
	char comments[SCENARIO_COMMENTS]; /* NUL after each; not cleared past comments_used */
};

/* The built-in scenario's text and name (borrowed, static). */
const char *scenario_builtin_text(void);
extern const char scenario_builtin_name[];

/* Load a scenario into s (which it overwrites): path, or NULL for the
 * built-in one. Returns 0, or -1 with err filled. Does not validate
 * tiers; call scenario_finish after any --set. */
int scenario_load(struct scenario *s, const char *path, char *err, size_t errlen);

/* Load a scenario from text as if it were the file label: messages name
 * label, and a relative base is read from label's folder. text is
 * borrowed (NUL-terminated). Otherwise as scenario_load. */
int scenario_load_text(struct scenario *s, const char *label, const char *text, char *err,
		       size_t errlen);

/* Write text as a scenario file value into buf (n bytes): as it is when
 * the reader gives it back unchanged, else in double quotes with \\, \",
 * \n, \r, \t and \xHH escapes (which the reader understands). The
 * result is cut at a character boundary, never inside an escape. */
void scenario_quote(const char *text, char *buf, size_t n);

/* Parameter i's comment in the scenario file that set it, the one its
 * provenance (prov) was read from: its own (after the value), else the
 * comment lines right above it, else the comment that opens its section;
 * without the ';' and joined into one line of printable UTF-8 (control
 * and invisible characters are spaces). "" when none, for a value not
 * set, or set by --set. Borrowed from s. */
const char *scenario_comment(const struct scenario *s, int i);

/* Apply "section.key=value" (a --set). Returns 0 or -1 with err. */
int scenario_set(struct scenario *s, const char *assignment, char *err, size_t errlen);

/* Validate the whole scenario and derive tier counts. 0 or -1 with err. */
int scenario_finish(struct scenario *s, char *err, size_t errlen);

/* Load path (NULL: built-in), apply n assignments, finish: the usual
 * sequence for a command. s is heap-allocated by the caller. */
int scenario_open(struct scenario *s, const char *path, char *const *sets, int n, char *err,
		  size_t errlen);

#endif
