/* sets.h - a list of --set assignments for the Check suites, built with
 * printf-style sets_add() and handed to scenario_open as (v, n).
 * Header-only (static inline) because each suite is its own program. */
#ifndef FUNDSIM_TESTS_SETS_H
#define FUNDSIM_TESTS_SETS_H

#include <check.h>
#include <stdarg.h>
#include <stdio.h>

#define MAX_SETS 160
struct sets {
	char buf[MAX_SETS][120];
	char *v[MAX_SETS];
	int n;
};

/* Append one assignment, printf(fmt, ...); fails the test when full. */
static inline void sets_add(struct sets *s, const char *fmt, ...)
{
	ck_assert_int_lt(s->n, MAX_SETS);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->buf[s->n], sizeof s->buf[s->n], fmt, ap);
	va_end(ap);
	s->v[s->n] = s->buf[s->n];
	s->n++;
}

#endif
