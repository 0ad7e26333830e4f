/* check_text.c - text quoted in messages (text_escape_to, text_escape)
 * and the command line's refusal of empty values (cli_parse). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "text.h"

/* The length of the valid UTF-8 prefix of s: strlen(s) when all valid. */
static size_t valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (p[i]) {
		int len = p[i] < 0x80                   ? 1
			  : p[i] >= 0xC2 && p[i] < 0xE0 ? 2
			  : p[i] >= 0xE0 && p[i] < 0xF0 ? 3
			  : p[i] >= 0xF0 && p[i] < 0xF5 ? 4
							: 0;
		if (!len)
			return i;
		for (int k = 1; k < len; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
		i += (size_t)len;
	}
	return i;
}

/* No byte that a terminal obeys: C0 controls, DEL. */
static int printable(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

static const char *const samples[] = {
	"苏州市软件产业政策 scenario.ini",
	"a\nb\033[31m.csv: 第3条 进档补差",
	"混合\t文字\r\n\x7f\xc2\x9b末尾",
	"\xe4\xb8 broken \xff\xfe lead \xed\xa0\x80 surrogate \xc0\xaf overlong",
	"emoji 😀 and 万元",
};

START_TEST(text_escape_to_never_cuts_a_character_at_any_length)
{
	for (size_t s = 0; s < sizeof samples / sizeof samples[0]; s++) {
		char full[512];
		size_t whole = text_escape_to(full, sizeof full, samples[s]);
		for (size_t n = 1; n <= whole + 1; n++) {
			char buf[512];
			size_t got = text_escape_to(buf, n, samples[s]);
			ck_assert_uint_lt(got, n);
			ck_assert_uint_eq(got, strlen(buf));
			ck_assert_msg(valid_utf8(buf) == got,
				      "cut inside a character at n = %zu: %s", n, buf);
			ck_assert_msg(printable(buf), "a control byte at n = %zu", n);
			ck_assert_msg(strncmp(buf, full, got) == 0, "not a prefix at n = %zu", n);
			/* never inside an escape either (the samples hold no backslash) */
			const char *e = strrchr(buf, '\\');
			ck_assert_msg(!e || (e[1] == 'x' ? strlen(e) >= 4 : strlen(e) >= 2),
				      "cut inside an escape at n = %zu: %s", n, buf);
		}
	}
}
END_TEST

START_TEST(text_escape_to_writes_controls_as_escapes)
{
	char buf[256];
	text_escape_to(buf, sizeof buf, "a\nb\033[31m\tc\rd\x7f\x01");
	ck_assert_str_eq(buf, "a\\nb\\x1b[31m\\tc\\rd\\x7f\\x01");
	text_escape_to(buf, sizeof buf,
		       "csi \xc2\x9b"
		       "31m"); /* C1 CSI, as UTF-8 */
	ck_assert_str_eq(buf, "csi \\xc2\\x9b31m");
}
END_TEST

START_TEST(text_escape_to_writes_bytes_that_are_not_utf8_as_escapes)
{
	char buf[256];
	text_escape_to(buf, sizeof buf, "x\xff y\xe4\xb8 z\xc0\xaf");
	ck_assert_str_eq(buf, "x\\xff y\\xe4\\xb8 z\\xc0\\xaf");
	text_escape_to(buf, sizeof buf, "\xed\xa0\x80"); /* a UTF-16 surrogate */
	ck_assert_str_eq(buf, "\\xed\\xa0\\x80");
}
END_TEST

START_TEST(text_escape_to_leaves_chinese_and_emoji_as_they_are)
{
	char buf[256];
	const char *s = "第3条 进档补差: 苏信贷 100万元 ‰ 😀 é";
	ck_assert_uint_eq(text_escape_to(buf, sizeof buf, s), strlen(s));
	ck_assert_str_eq(buf, s);
}
END_TEST

START_TEST(escaping_escaped_text_changes_nothing)
{
	for (size_t s = 0; s < sizeof samples / sizeof samples[0]; s++) {
		char once[512], twice[512];
		text_escape_to(once, sizeof once, samples[s]);
		text_escape_to(twice, sizeof twice, once);
		ck_assert_str_eq(once, twice);
	}
}
END_TEST

START_TEST(invisible_and_bidirectional_characters_are_told_from_letters)
{
	/* U+00A0 no-break space, U+200B zero-width space, U+202E right-to-left
	 * override, U+FEFF byte order mark; and letters around them */
	const char *yes[] = {"\xc2\xa0",     "\xe2\x80\x8b", "\xe2\x80\xae",
			     "\xef\xbb\xbf", "\xc2\xad",     "\xe2\x81\xa6"};
	const char *no[] = {"\xe8\x8b\x8f",     "\xe3\x80\x80", "\xc3\xa9",
			    "\xf0\x9f\x98\x80", "\xe2\x80\x94", "\xe2\x82\xac"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		const unsigned char *p = (const unsigned char *)yes[i];
		ck_assert_msg(text_invisible(text_utf8_code(p, text_utf8_len(p))), "%zu", i);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		const unsigned char *p = (const unsigned char *)no[i];
		ck_assert_msg(!text_invisible(text_utf8_code(p, text_utf8_len(p))), "%zu", i);
	}
	/* the code points themselves: 苏 U+82CF, 😀 U+1F600, A */
	ck_assert_uint_eq(text_utf8_code((const unsigned char *)"\xe8\x8b\x8f", 3), 0x82CF);
	ck_assert_uint_eq(text_utf8_code((const unsigned char *)"\xf0\x9f\x98\x80", 4), 0x1F600);
	ck_assert_uint_eq(text_utf8_code((const unsigned char *)"A", 1), 'A');
}
END_TEST

START_TEST(text_escape_in_place_drops_a_character_snprintf_cut)
{
	char err[8];
	snprintf(err, sizeof err, "%s", "ab苏州"); /* 7 bytes fit: "ab苏" and one of 州 */
	text_escape(err, sizeof err);
	ck_assert_str_eq(err, "ab苏");
	char msg[64] = "f\x1b.csv:2: 苏州";
	text_escape(msg, sizeof msg);
	ck_assert_str_eq(msg, "f\\x1b.csv:2: 苏州");
}
END_TEST

static int parse(int argc, const char **argv)
{
	struct cli c = {0};
	FILE *keep = stderr;
	stderr = fopen("/dev/null", "w"); /* the message itself is the hostile corpus's */
	int rc = cli_parse(argc, (char **)argv, &c);
	fclose(stderr);
	stderr = keep;
	return rc;
}

START_TEST(an_empty_option_value_is_refused)
{
	/* each with a command that takes it: another refuses it whatever its value */
	static const char *const opts[][2] = {
		{"run", "--out"},      {"run", "--firms"},       {"award", "--entities"},
		{"run", "--scenario"}, {"run", "--set"},         {"run", "--reps"},
		{"run", "--seed"},     {"run", "--threads"},     {"run", "--precision"},
		{"run", "--lang"},     {"tornado", "--keys"},    {"tornado", "--range"},
		{"sobol", "--n"},      {"sobol", "--bootstrap"}, {"award", "-o"},
		{"award", "--output"},
	};
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		const char *two[] = {"fundsim", opts[i][0], opts[i][1], ""};
		ck_assert_msg(parse(4, two) == CLI_BAD, "%s \"\" was taken", opts[i][1]);
		char eq[32];
		snprintf(eq, sizeof eq, "%s=", opts[i][1]);
		const char *one[] = {"fundsim", opts[i][0], eq};
		ck_assert_msg(parse(3, one) == CLI_BAD, "%s was taken", eq);
		/* --lang checks its value while parsing (it sets the language) */
		const char *x = strcmp(opts[i][1], "--lang") == 0 ? "zh" : "x";
		const char *good[] = {"fundsim", opts[i][0], opts[i][1], x};
		ck_assert_msg(parse(4, good) == CLI_RUN, "%s %s %s was refused", opts[i][0],
			      opts[i][1], x);
	}
	const char *pos[] = {"fundsim", "diff", "", "builtin"};
	ck_assert_int_eq(parse(4, pos), CLI_BAD);
	const char *fine[] = {"fundsim", "run", "--out", "x", "--reps=5", "--no-charts", "-q"};
	ck_assert_int_eq(parse(7, fine), CLI_RUN);
}
END_TEST

/* Every command's --help names exactly the options its parser takes. */
START_TEST(each_command_takes_exactly_the_options_its_help_lists)
{
	static const char *const cmds[] = {"run",   "award",   "report",  "params", "diff",
					   "sweep", "tornado", "compare", "sobol"};
	static const struct {
		const char *name;
		bool flag;
	} opts[] = {
		{"--scenario", false}, {"--set", false},      {"--reps", false},
		{"--seed", false},     {"--threads", false},  {"--precision", false},
		{"--firms", false},    {"--entities", false}, {"--output", false},
		{"-o", false},         {"--out", false},      {"--ledger", true},
		{"--lang", false},     {"--no-charts", true}, {"--quiet", true},
		{"-q", true},          {"--keys", false},     {"--policy", true},
		{"--range", false},    {"--n", false},        {"--bootstrap", false},
		{"--help", true},      {"-h", true},
	};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		const struct command *cmd = command_find(cmds[i]);
		ck_assert_ptr_nonnull(cmd);
		char *help = NULL;
		size_t n = 0;
		FILE *f = open_memstream(&help, &n);
		ck_assert_ptr_nonnull(f);
		cli_command_usage(f, cmd);
		fclose(f);
		int listed = 0;
		for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++) {
			char spaced[40], comma[40];
			snprintf(spaced, sizeof spaced, " %s ", opts[k].name);
			snprintf(comma, sizeof comma, " %s,", opts[k].name);
			bool in_help = strstr(help, spaced) || strstr(help, comma);
			const char *argv[] = {"fundsim", cmds[i], opts[k].name,
					      strcmp(opts[k].name, "--lang") == 0 ? "en" : "x"};
			FILE *keep = stdout;
			stdout = fopen("/dev/null", "w"); /* --help prints */
			int rc = parse(opts[k].flag ? 3 : 4, argv);
			fclose(stdout);
			stdout = keep;
			ck_assert_msg(in_help == (rc != CLI_BAD),
				      "%s %s: %s by the parser, %s in --help", cmds[i],
				      opts[k].name, rc != CLI_BAD ? "taken" : "refused",
				      in_help ? "listed" : "not listed");
			listed += in_help;
		}
		ck_assert_int_ge(listed, 3); /* at least --help, -h and one more */
		free(help);
	}
	ck_assert_ptr_null(command_find("frobnicate"));
}
END_TEST

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("escaping");
	tcase_add_test(tc, text_escape_to_never_cuts_a_character_at_any_length);
	tcase_add_test(tc, invisible_and_bidirectional_characters_are_told_from_letters);
	tcase_add_test(tc, text_escape_to_writes_controls_as_escapes);
	tcase_add_test(tc, text_escape_to_writes_bytes_that_are_not_utf8_as_escapes);
	tcase_add_test(tc, text_escape_to_leaves_chinese_and_emoji_as_they_are);
	tcase_add_test(tc, escaping_escaped_text_changes_nothing);
	tcase_add_test(tc, text_escape_in_place_drops_a_character_snprintf_cut);
	suite_add_tcase(s, tc);
	tc = tcase_create("command line");
	tcase_add_test(tc, an_empty_option_value_is_refused);
	tcase_add_test(tc, each_command_takes_exactly_the_options_its_help_lists);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(text_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
