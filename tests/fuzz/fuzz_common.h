/* fuzz_common.h - what the CSV harnesses share: one temporary file per
 * process for the input, a few policies to run the rules under, and a
 * sink that checks every award the engine makes. */
#ifndef FUNDSIM_FUZZ_COMMON_H
#define FUNDSIM_FUZZ_COMMON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ledger.h"
#include "rules.h"
#include "scenario.h"

#define FUZZ_POLICIES 4

static char fuzz_path[64];
static struct scenario *fuzz_scen[FUZZ_POLICIES];
static FILE *fuzz_null;

static inline void fuzz_cleanup(void)
{
	if (fuzz_path[0])
		unlink(fuzz_path);
	for (int i = 0; i < FUZZ_POLICIES; i++)
		free(fuzz_scen[i]);
	if (fuzz_null)
		fclose(fuzz_null);
}

/* The built-in policy and three readings that take other paths. */
static inline void fuzz_init(const char *name)
{
	if (fuzz_path[0])
		return;
	snprintf(fuzz_path, sizeof fuzz_path, "/tmp/%s-XXXXXX", name);
	int fd = mkstemp(fuzz_path);
	if (fd < 0) {
		perror("mkstemp");
		abort();
	}
	close(fd);
	static char *sets[FUZZ_POLICIES][3] = {
		{NULL},
		{"m2.mode=each", "m3a.pre_policy_credit=false", "m1b.requires_m1a=false"},
		{"m2.mode=once", "m2.exclude_m1=true", "funding.district_share=50%"},
		{"m3c.max_awards=1", "m9.max_awards=1", "m12b.max_awards=2"},
	};
	static const int nsets[FUZZ_POLICIES] = {0, 3, 3, 3};
	for (int i = 0; i < FUZZ_POLICIES; i++) {
		char err[ERR_LEN];
		fuzz_scen[i] = calloc(1, sizeof *fuzz_scen[i]);
		if (!fuzz_scen[i] ||
		    scenario_open(fuzz_scen[i], NULL, sets[i], nsets[i], err, sizeof err) != 0) {
			fprintf(stderr, "fuzz: policy %d: %s\n", i,
				fuzz_scen[i] ? err : "no memory");
			abort();
		}
	}
	fuzz_null = fopen("/dev/null", "w");
	atexit(fuzz_cleanup);
}

/* The input as the one temporary file. */
static inline void fuzz_write(const uint8_t *data, size_t size)
{
	FILE *f = fopen(fuzz_path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		perror(fuzz_path);
		abort();
	}
}

/* A message is one non-empty line of printable text. */
static inline bool one_line(const char *err)
{
	if (!err[0])
		return false;
	for (const unsigned char *p = (const unsigned char *)err; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

struct fuzz_check {
	const struct policy *p;
	struct ledger l;
};

/* The first qualifying year line may not pay: after the policy's years,
 * except a yearly line's later years of support when they are honoured
 * (after_expiry = honour: at most max_years from a last policy year). */
static inline int after_policy(const struct policy *p, enum line_id line)
{
	int end = p->start_year + p->years;
	if (line_info(line)->kind == RK_YEARLY && p->after_expiry != AFTER_STOP)
		end += p->e[line].max_years - 1;
	return end;
}

/* An award that breaks what rules.h promises stops the fuzzer. */
static inline void fuzz_award(void *ctx, const struct award *a)
{
	struct fuzz_check *c = ctx;
	const struct policy *p = c->p;
	const char *why = NULL;
	if ((int)a->line < 0 || a->line >= N_LINES)
		why = "line out of range";
	else if (a->amount < 0 || a->provincial < 0 || a->municipal < 0 || a->district < 0)
		why = "a negative amount";
	else if (a->provincial + a->municipal + a->district != a->amount)
		why = "the funding split does not add up to the amount";
	else if (a->year < p->start_year || a->year >= after_policy(p, a->line))
		why = "qualifying year outside the policy";
	else if (a->paid_year != a->year + p->payment_lag)
		why = "paid year is not the qualifying year plus the lag";
	else if (!memchr(a->reason, '\0', sizeof a->reason) || !a->reason[0])
		why = "no reason";
	if (why) {
		fprintf(stderr,
			"fuzz: %s: line %d year %d paid %d amount %lld = %lld + %lld + %lld: "
			"%.*s\n",
			why, (int)a->line, a->year, a->paid_year, (long long)a->amount,
			(long long)a->provincial, (long long)a->municipal, (long long)a->district,
			(int)sizeof a->reason, a->reason);
		abort();
	}
	struct award_sink s = ledger_sink(&c->l);
	s.fn(s.ctx, a);
}

#endif
