/* check_inputs.c - the helper program an .xlsx input is read through
 * (spawn_capture) is bounded: in bytes, in time, with its output closed,
 * and says why it failed; and Suzhou's districts read in every form a
 * bureau writes them. Loading bureau-style files is in check_errors.c
 * (one row a case) and tests/inputs.sh (whole runs). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "district.h"
#include "spawn.h"

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Run sh -c script through spawn_capture into a temporary file; the
 * output (up to n bytes) in out, the result returned. */
static enum spawn_result capture(const char *script, long long max, long ms, char *err,
				 size_t errlen, char *out, size_t n, double *took)
{
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	char *argv[] = {"sh", "-c", (char *)script, NULL};
	double t0 = seconds();
	err[0] = '\0';
	enum spawn_result r = spawn_capture("sh", argv, fileno(f), max, ms, err, errlen);
	*took = seconds() - t0;
	rewind(f);
	size_t got = fread(out, 1, n - 1, f);
	out[got] = '\0';
	fclose(f);
	return r;
}

START_TEST(what_the_program_writes_is_copied_whole)
{
	char err[600], out[64];
	double took;
	ck_assert_int_eq(capture("printf 'a,b\\n1,2\\n'", 1 << 20, 5000, err, sizeof err, out,
				 sizeof out, &took),
			 SPAWN_OK);
	ck_assert_str_eq(out, "a,b\n1,2\n");
}
END_TEST

START_TEST(output_past_the_bound_stops_the_program_and_says_so)
{
	char err[600], out[64];
	double took;
	enum spawn_result r = capture("exec yes 'F1,2025,2025,new'", 1 << 20, 20000, err,
				      sizeof err, out, sizeof out, &took);
	ck_assert_int_eq(r, SPAWN_FAILED);
	ck_assert_msg(strstr(err, "sh wrote more than 1 MiB: stopped"), "%s", err);
	ck_assert_msg(took < 10, "took %.1f s", took);
}
END_TEST

START_TEST(a_program_that_runs_past_the_time_bound_is_stopped)
{
	char err[600], out[64];
	double took;
	enum spawn_result r = capture("exec sleep 30", 1 << 20, 300, err, sizeof err, out,
				      sizeof out, &took);
	ck_assert_int_eq(r, SPAWN_FAILED);
	ck_assert_msg(strstr(err, "sh took longer than 1 s: stopped"), "%s", err);
	ck_assert_msg(took < 5, "took %.1f s", took);
}
END_TEST

START_TEST(a_program_that_closes_its_output_and_runs_on_is_stopped_too)
{
	char err[600], out[64];
	double took;
	enum spawn_result r = capture("exec >&- 2>&-; exec sleep 30", 1 << 20, 300, err, sizeof err,
				      out, sizeof out, &took);
	ck_assert_int_eq(r, SPAWN_FAILED);
	ck_assert_msg(strstr(err, "took longer than"), "%s", err);
	ck_assert_msg(took < 5, "took %.1f s", took);
}
END_TEST

START_TEST(a_failure_gives_the_last_line_the_program_wrote_to_stderr)
{
	char err[600], out[64];
	double took;
	enum spawn_result r =
		capture("echo first >&2; printf 'zipfile: Bad \\033[31m zip\\n\\n' >&2;"
			" exit 3",
			1 << 20, 5000, err, sizeof err, out, sizeof out, &took);
	ck_assert_int_eq(r, SPAWN_FAILED);
	ck_assert_msg(strstr(err, "sh exited with status 3 (zipfile: Bad \\x1b[31m zip)"), "%s",
		      err);
}
END_TEST

START_TEST(a_program_that_is_not_installed_is_missing)
{
	char err[600];
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	char *argv[] = {"fundsim-no-such-program", NULL};
	ck_assert_int_eq(spawn_capture(argv[0], argv, fileno(f), 1 << 20, 5000, err, sizeof err),
			 SPAWN_MISSING);
	ck_assert_msg(strstr(err, "cannot run fundsim-no-such-program"), "%s", err);
	fclose(f);
}
END_TEST

START_TEST(districts_read_in_every_form_and_nothing_else)
{
	static const struct {
		const char *s;
		const char *is;
	} cases[] = {
		{"姑苏区", "姑苏区"},     {"姑苏", "姑苏区"},
		{"虎丘区", "虎丘区"},     {"高新区", "虎丘区"},
		{"苏州高新区", "虎丘区"}, {"SND", "虎丘区"},
		{"吴中", "吴中区"},       {"相城区", "相城区"},
		{"吴江", "吴江区"},       {"苏州工业园区", "苏州工业园区"},
		{"园区", "苏州工业园区"}, {"工业园区", "苏州工业园区"},
		{"SIP", "苏州工业园区"},  {"sip", "苏州工业园区"},
		{"常熟", "常熟市"},       {"张家港市", "张家港市"},
		{"昆山", "昆山市"},       {"Kunshan", "昆山市"},
		{"太仓市", "太仓市"},     {"无锡", NULL},
		{"昆山区", NULL},         {"", NULL},
		{"苏州", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int d = district_parse(cases[i].s);
		if (!cases[i].is)
			ck_assert_msg(d == 0, "%s read as %s", cases[i].s, district_name(d));
		else
			ck_assert_msg(d && strcmp(district_name(d), cases[i].is) == 0,
				      "%s read as %s, not %s", cases[i].s, district_name(d),
				      cases[i].is);
	}
	char list[1024];
	district_list(list, sizeof list);
	for (int d = 1; d <= N_DISTRICTS; d++)
		ck_assert_msg(strstr(list, district_name(d)), "%s not in %s", district_name(d),
			      list);
}
END_TEST

static Suite *inputs_suite(void)
{
	Suite *s = suite_create("inputs");
	TCase *tc = tcase_create("bounded helper");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, what_the_program_writes_is_copied_whole);
	tcase_add_test(tc, output_past_the_bound_stops_the_program_and_says_so);
	tcase_add_test(tc, a_program_that_runs_past_the_time_bound_is_stopped);
	tcase_add_test(tc, a_program_that_closes_its_output_and_runs_on_is_stopped_too);
	tcase_add_test(tc, a_failure_gives_the_last_line_the_program_wrote_to_stderr);
	tcase_add_test(tc, a_program_that_is_not_installed_is_missing);
	suite_add_tcase(s, tc);
	TCase *td = tcase_create("districts");
	tcase_add_test(td, districts_read_in_every_form_and_nothing_else);
	suite_add_tcase(s, td);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(inputs_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
