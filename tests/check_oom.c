/* check_oom.c - allocation failures are reported, not dereferenced.
 *
 * This binary is linked with -Wl,--wrap=malloc,--wrap=calloc,
 * --wrap=realloc (Makefile), so every allocation fundsim's own code
 * makes goes through the wrappers below. Each test runs an operation
 * with the first allocation failing, then the second, and so on until
 * the operation succeeds without any failure, as SQLite's out-of-memory
 * tests do: each time it must either succeed or fail with a message
 * that says "out of memory", and (under make leakcheck) leak nothing. */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inputs.h"
#include "report.h"
#include "scenario.h"
#include "sim.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

static long countdown = -1; /* allocations left before one fails; -1: none fails */
static bool failed;         /* an allocation was failed on purpose */

static bool fail_now(void)
{
	if (countdown < 0 || countdown-- > 0)
		return false;
	failed = true;
	return true;
}

void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

/* Fail the k-th allocation (0-based) from now on; disarm with -1. */
static void arm(long k)
{
	countdown = k;
	failed = false;
}

#define MAX_STEPS 2000

/* Run op with allocation k failing, for k = 0, 1, ... until op succeeds
 * with no failure injected. op returns 0 or -1 and fills err. */
static void each_failure(const char *what, int (*op)(char *err, size_t errlen))
{
	for (long k = 0; k < MAX_STEPS; k++) {
		char err[ERR_LEN] = "";
		arm(k);
		int rc = op(err, sizeof err);
		bool injected = failed;
		arm(-1);
		if (!injected) {
			ck_assert_msg(rc == 0, "%s: fails with no allocation failing: %s", what,
				      err);
			return;
		}
		if (rc != 0)
			ck_assert_msg(
				strstr(err, "out of memory") != NULL,
				"%s, allocation %ld failing: \"%s\" does not say out of memory",
				what, k, err);
	}
	ck_abort_msg("%s: more than %d allocations", what, MAX_STEPS);
}

/* ---- the operations ---- */

#define PANEL "tests/data/panel-example.csv"
#define ENTITIES "tests/data/entities-example.csv"

static int load_scenario(char *err, size_t errlen)
{
	static struct scenario s;
	char *sets[] = {"m1a.cap=200万"};
	return scenario_open(&s, "scenarios/suzhou-conservative.ini", sets, 1, err, errlen);
}

static int load_panel(char *err, size_t errlen)
{
	struct panel p;
	int rc = panel_load(PANEL, &p, err, errlen);
	panel_free(&p);
	return rc;
}

static int load_entities(char *err, size_t errlen)
{
	struct entities e;
	int rc = entities_load(ENTITIES, &e, err, errlen);
	entities_free(&e);
	return rc;
}

/* A scenario with few firms, read once, before any allocation fails. */
static struct scenario *small(void)
{
	static struct scenario s;
	static bool done;
	if (!done) {
		char err[ERR_LEN];
		char *sets[] = {"firms.count=20", "entry.new_per_year=2",
				"entry.spinoff_per_year=1", "entry.attracted_per_year=1"};
		long saved = countdown;
		arm(-1);
		ck_assert_msg(scenario_open(&s, NULL, sets, 4, err, sizeof err) == 0, "%s", err);
		countdown = saved;
		done = true;
	}
	return &s;
}

static struct panel stock;

static int run_sim(char *err, size_t errlen)
{
	struct sim_config c = {.seed = 3, .reps = 3, .threads = 1, .stock = &stock};
	struct sim_output o;
	int rc = sim_run(&small()->pol, &c, &o, err, errlen);
	if (rc == 0 && (o.reps != 3 || !o.rows)) {
		snprintf(err, errlen, "succeeded with %ld replications", o.reps);
		rc = -2;
	}
	sim_output_free(&o);
	return rc;
}

static char outdir[64];
static struct sim_output run2; /* a small run to report */

/* The summary of run2, then report_write of it into outdir. */
static int write_report(char *err, size_t errlen)
{
	struct run_info ri = {.s = small(), .command = "check_oom", .seed = 3, .threads = 1};
	struct summary *sm = summary_of(&run2, &small()->pol);
	if (!sm) {
		snprintf(err, errlen, "out of memory computing the statistics");
		return -1;
	}
	int rc = report_write(outdir, &ri, &run2, sm, NULL, err, errlen);
	summary_free(sm);
	return rc;
}

static void ck_dir_is(const char *dir, const char *summary_head)
{
	char path[128], line[64] = "";
	snprintf(path, sizeof path, "%s/summary.csv", dir);
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	fclose(f);
	ck_assert_str_eq(line, summary_head);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "test -z \"$(find %s -name '*.tmp*')\"", dir);
	ck_assert_msg(system(cmd) == 0, "temporary files left in %s", dir);
}

/* ---- tests ---- */

START_TEST(reading_a_scenario_with_a_base_and_a_set_survives_every_allocation_failing)
{
	each_failure("scenario_open", load_scenario);
}
END_TEST

START_TEST(loading_the_firm_panel_survives_every_allocation_failing)
{
	each_failure("panel_load", load_panel);
}
END_TEST

START_TEST(loading_the_entities_file_survives_every_allocation_failing)
{
	each_failure("entities_load", load_entities);
}
END_TEST

START_TEST(a_monte_carlo_run_on_a_panel_survives_every_allocation_failing)
{
	char err[ERR_LEN];
	ck_assert_msg(panel_load(PANEL, &stock, err, sizeof err) == 0, "%s", err);
	each_failure("sim_run", run_sim);
	panel_free(&stock);
}
END_TEST

/* Rule variants on one population (sim_run_many), and the populations
 * kept and applied again (sim_cache), on the panel. */
static int run_reuse(char *err, size_t errlen)
{
	struct sim_config c = {.seed = 3, .reps = 3, .threads = 1, .stock = &stock};
	struct policy q = small()->pol;
	q.m3a.tier[0].amount *= 2; /* a variant with cells of its own */
	const struct policy *p[2] = {&small()->pol, &q};
	struct sim_output o[2];
	for (int sparse = 0; sparse < 2; sparse++) {
		c.sparse = sparse;
		if (sim_run_many(p, 2, &c, o, err, errlen) != 0)
			return -1;
		sim_output_free(&o[1]);
		sim_output_free(&o[0]);
	}
	struct sim_cache *k;
	if (sim_cache_new(p[0], &c, &k, err, errlen) != 0)
		return -1;
	int rc = sim_cache_run(k, p[1], &c, &o[0], err, errlen);
	if (rc == 0)
		sim_output_free(&o[0]);
	sim_cache_free(k);
	return rc;
}

START_TEST(rule_variants_and_kept_populations_survive_every_allocation_failing)
{
	char err[ERR_LEN];
	ck_assert_msg(panel_load(PANEL, &stock, err, sizeof err) == 0, "%s", err);
	each_failure("sim_run_many and sim_cache", run_reuse);
	panel_free(&stock);
}
END_TEST

/* Regression: the message said "out of memory after 0 replications"
 * whatever the count, having read it after clearing the output. */
START_TEST(a_run_that_runs_out_of_memory_says_how_many_replications_it_made)
{
	struct sim_config c = {.seed = 3, .reps = 2 * SIM_BLOCK, .threads = 1};
	struct sim_output o;
	const struct policy *p = &small()->pol;
	/* fail each allocation of a two-block run in turn (a replication
	 * allocates nothing once its work's buffers have grown, so the second
	 * block's are the results' and the trace's): a failure in the second
	 * block says the first block's 256, or 512 once they are counted */
	bool second = false;
	for (long k = 0;; k++) {
		char err[ERR_LEN] = "";
		arm(k);
		int rc = sim_run(p, &c, &o, err, sizeof err);
		bool injected = failed;
		arm(-1);
		if (!injected) {
			ck_assert_int_eq(rc, 0);
			sim_output_free(&o);
			break;
		}
		ck_assert_int_eq(rc, -1);
		long made = -1;
		ck_assert_msg(sscanf(err, "out of memory after %ld replications", &made) == 1, "%s",
			      err);
		ck_assert_msg(made == 0 || made == SIM_BLOCK || made == 2 * SIM_BLOCK, "%s", err);
		second |= made == SIM_BLOCK;
	}
	ck_assert_msg(second, "no failure in the second block said 256 replications");
}
END_TEST

static void make_outdir(void)
{
	snprintf(outdir, sizeof outdir, "/tmp/check_oom-XXXXXX");
	if (!mkdtemp(outdir)) {
		perror("mkdtemp");
		exit(2);
	}
}

static void remove_outdir(void)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", outdir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", outdir);
}

START_TEST(writing_a_report_survives_every_allocation_failing_and_keeps_the_earlier_files)
{
	char path[128];
	snprintf(path, sizeof path, "%s/summary.csv", outdir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("an earlier run\n", f);
	fclose(f);
	char err0[ERR_LEN];
	struct sim_config c = {.seed = 3, .reps = 2, .threads = 1};
	ck_assert_msg(sim_run(&small()->pol, &c, &run2, err0, sizeof err0) == 0, "%s", err0);
	for (long k = 0; k < MAX_STEPS; k++) {
		char err[ERR_LEN] = "";
		arm(k);
		int rc = write_report(err, sizeof err);
		bool injected = failed;
		arm(-1);
		if (!injected) {
			ck_assert_msg(rc == 0, "report_write: %s", err);
			break;
		}
		if (rc != 0) {
			ck_assert_msg(strstr(err, "out of memory") != NULL, "%s", err);
			ck_dir_is(outdir, "an earlier run\n"); /* all or nothing */
		}
	}
	ck_dir_is(outdir, "line,level,mean,sd,se,p5,p25,p50,p75,p95,p80,p90,in_total\n");
	sim_output_free(&run2);
}
END_TEST

static Suite *oom_suite(void)
{
	Suite *s = suite_create("oom");
	TCase *tc = tcase_create("allocation failures");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc,
		       reading_a_scenario_with_a_base_and_a_set_survives_every_allocation_failing);
	tcase_add_test(tc, loading_the_firm_panel_survives_every_allocation_failing);
	tcase_add_test(tc, loading_the_entities_file_survives_every_allocation_failing);
	tcase_add_test(tc, a_monte_carlo_run_on_a_panel_survives_every_allocation_failing);
	tcase_add_test(tc, a_run_that_runs_out_of_memory_says_how_many_replications_it_made);
	tcase_add_test(tc, rule_variants_and_kept_populations_survive_every_allocation_failing);
	suite_add_tcase(s, tc);

	tc = tcase_create("report");
	tcase_set_timeout(tc, 120); /* Check's default 4 s is too tight on a loaded machine */
	tcase_add_checked_fixture(tc, make_outdir, remove_outdir);
	tcase_add_test(
		tc, writing_a_report_survives_every_allocation_failing_and_keeps_the_earlier_files);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(oom_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed_tests = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed_tests == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
