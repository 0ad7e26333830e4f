/* check_atomic.c - files written whole or not at all (atomic.h): a
 * commit replaces the old file, an abort keeps it, neither leaves a
 * temporary file, and the result has the mode any other file would. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "tmpdir.h"

static char dir[64];

static void make_dir(void)
{
	tmpdir_make(dir, sizeof dir, "check_atomic-");
}

static void remove_dir(void)
{
	tmpdir_remove(dir);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void ck_content(const char *path, const char *want)
{
	char got[256] = "";
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "%s is missing", path);
	size_t n = fread(got, 1, sizeof got - 1, f);
	got[n] = '\0';
	fclose(f);
	ck_assert_str_eq(got, want);
}

/* Files in dir other than the one named keep. */
static int others(const char *keep)
{
	int n = 0;
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' && strcmp(e->d_name, keep) != 0)
			n++;
	closedir(d);
	return n;
}

START_TEST(a_commit_replaces_the_old_file_and_leaves_no_temporary)
{
	char path[128], err[256];
	snprintf(path, sizeof path, "%s/out.csv", dir);
	write_file(path, "old\n");
	struct atomic_file af;
	ck_assert_int_eq(atomic_open(&af, path, err, sizeof err), 0);
	fputs("new\n", af.f);
	ck_content(path, "old\n"); /* nothing visible before the commit */
	ck_assert_int_eq(atomic_commit(&af, err, sizeof err), 0);
	ck_content(path, "new\n");
	ck_assert_int_eq(others("out.csv"), 0);
}
END_TEST

START_TEST(an_abort_keeps_the_old_file_and_leaves_no_temporary)
{
	char path[128], err[256];
	snprintf(path, sizeof path, "%s/out.csv", dir);
	write_file(path, "old\n");
	struct atomic_file af;
	ck_assert_int_eq(atomic_open(&af, path, err, sizeof err), 0);
	fputs("half a fi", af.f);
	atomic_abort(&af);
	ck_content(path, "old\n");
	ck_assert_int_eq(others("out.csv"), 0);
	atomic_abort(&af); /* twice is harmless */
}
END_TEST

/* Regression: mkstemp made every output 0600, unreadable by the team
 * that shares the results folder. */
START_TEST(a_committed_file_has_the_mode_the_umask_gives_not_0600)
{
	char path[128], err[256];
	snprintf(path, sizeof path, "%s/shared.csv", dir);
	mode_t old = umask(022);
	struct atomic_file af;
	ck_assert_int_eq(atomic_open(&af, path, err, sizeof err), 0);
	fputs("x\n", af.f);
	ck_assert_int_eq(atomic_commit(&af, err, sizeof err), 0);
	umask(old);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
}
END_TEST

START_TEST(a_file_in_a_missing_folder_is_an_error_that_names_the_folder)
{
	char path[128], err[256] = "", want[160];
	snprintf(path, sizeof path, "%s/no-such/out.csv", dir);
	struct atomic_file af;
	ck_assert_int_eq(atomic_open(&af, path, err, sizeof err), -1);
	ck_assert_ptr_null(af.f);
	snprintf(want, sizeof want, "the folder %s/no-such does not exist", dir);
	ck_assert_msg(strstr(err, want) != NULL, "expected \"%s\" in \"%s\"", want, err);
	ck_assert_msg(strncmp(err, path, strlen(path)) == 0, "\"%s\" should name %s", err, path);
}
END_TEST

static Suite *atomic_suite(void)
{
	Suite *s = suite_create("atomic");
	TCase *tc = tcase_create("atomic files");
	tcase_add_checked_fixture(tc, make_dir, remove_dir);
	tcase_add_test(tc, a_commit_replaces_the_old_file_and_leaves_no_temporary);
	tcase_add_test(tc, an_abort_keeps_the_old_file_and_leaves_no_temporary);
	tcase_add_test(tc, a_committed_file_has_the_mode_the_umask_gives_not_0600);
	tcase_add_test(tc, a_file_in_a_missing_folder_is_an_error_that_names_the_folder);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(atomic_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
