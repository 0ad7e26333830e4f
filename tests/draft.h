/* draft.h - the built-in draft scenario as a Check fixture: S is opened
 * before each test (setup), freed after it (teardown), and set() applies
 * one --set assignment and validates the result. Header-only (static
 * inline) because each suite is its own program. */
#ifndef FUNDSIM_TESTS_DRAFT_H
#define FUNDSIM_TESTS_DRAFT_H

#include <check.h>
#include <stdlib.h>

#include "scenario.h"

static struct scenario *S;

static inline void setup(void)
{
	char err[ERR_LEN];
	S = calloc(1, sizeof *S);
	ck_assert_ptr_nonnull(S);
	ck_assert_msg(scenario_open(S, NULL, NULL, 0, err, sizeof err) == 0, "draft: %s", err);
}

static inline void teardown(void)
{
	free(S);
	S = NULL;
}

static inline void set(const char *assignment)
{
	char err[ERR_LEN];
	ck_assert_msg(scenario_set(S, assignment, err, sizeof err) == 0, "%s: %s", assignment, err);
	ck_assert_msg(scenario_finish(S, err, sizeof err) == 0, "%s", err);
}

#endif
