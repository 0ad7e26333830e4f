/* check_serve.c - fundsim serve without HTTP: the overrides' JSON
 * (serve_json_overrides), the answers' JSON writer, and the seam every
 * answer goes through (serve_variant, serve_evaluate). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "params.h"
#include "serve.h"

static int parse(const char *text, struct serve_overrides *ov, char *err)
{
	return serve_json_overrides(text, strlen(text), ov, err, 300);
}

START_TEST(escapes_decode_to_utf8_and_numbers_keep_their_text)
{
	struct serve_overrides ov;
	char err[300];
	ck_assert_int_eq(parse(" {\"m3c.amount\" : \"50\\u4e07\", \"a\":\"\\ud83d\\ude00\\n\", "
			       "\"b\": -1.5e3, \"c\": true, \"d\":false} ",
			       &ov, err),
			 0);
	ck_assert_int_eq(ov.n, 5);
	ck_assert_str_eq(ov.o[0].key, "m3c.amount");
	ck_assert_str_eq(ov.o[0].value, "50万");
	ck_assert_str_eq(ov.o[1].value, "\xF0\x9F\x98\x80\n");
	ck_assert_str_eq(ov.o[2].value, "-1.5e3");
	ck_assert_str_eq(ov.o[3].value, "true");
	ck_assert_str_eq(ov.o[4].value, "false");
	ck_assert_int_eq(parse("{}", &ov, err), 0);
	ck_assert_int_eq(ov.n, 0);
}
END_TEST

START_TEST(as_many_overrides_as_set_takes_and_no_more)
{
	static char text[8192];
	struct serve_overrides ov;
	char err[300];
	size_t k = 0;
	for (int i = 0; i <= SERVE_MAX_OVERRIDES; i++)
		k += (size_t)snprintf(text + k, sizeof text - k, "%s\"k%d\":\"1\"", i ? "," : "{",
				      i);
	snprintf(text + k, sizeof text - k, "}");
	ck_assert_int_eq(parse(text, &ov, err), -1);
	ck_assert_ptr_nonnull(strstr(err, "more than 64"));
	/* one fewer: every one read */
	char *last = strrchr(text, ',');
	snprintf(last, sizeof text - (size_t)(last - text), "}");
	ck_assert_int_eq(parse(text, &ov, err), 0);
	ck_assert_int_eq(ov.n, SERVE_MAX_OVERRIDES);
}
END_TEST

START_TEST(a_key_or_value_past_its_bound_is_refused_not_cut)
{
	static char text[2048];
	struct serve_overrides ov;
	char err[300];
	snprintf(text, sizeof text, "{\"%0*d\":\"1\"}", SERVE_KEY_LEN, 0);
	ck_assert_int_eq(parse(text, &ov, err), -1);
	ck_assert_ptr_nonnull(strstr(err, "a key longer than"));
	snprintf(text, sizeof text, "{\"%0*d\":\"1\"}", SERVE_KEY_LEN - 1, 0);
	ck_assert_int_eq(parse(text, &ov, err), 0);
	snprintf(text, sizeof text, "{\"k\":\"%0*d\"}", SERVE_VALUE_LEN, 0);
	ck_assert_int_eq(parse(text, &ov, err), -1);
	ck_assert_ptr_nonnull(strstr(err, "a value longer than"));
}
END_TEST

START_TEST(a_body_with_a_nul_inside_is_malformed)
{
	struct serve_overrides ov;
	char err[300];
	const char text[] = "{\"k\":\"a\0b\"}";
	ck_assert_int_eq(serve_json_overrides(text, sizeof text - 1, &ov, err, sizeof err), -1);
}
END_TEST

START_TEST(json_strings_escape_quotes_controls_and_script_ends)
{
	struct jbuf b = {0};
	jb_str(&b, "a\"b\\c\n\x1b</script>万");
	jb_put(&b, ",");
	jb_num(&b, 1.0 / 0.0);
	jb_put(&b, ",");
	jb_num(&b, 1234.567);
	jb_put(&b, ",");
	jb_num(&b, 1e6);
	ck_assert(!b.oom);
	ck_assert_str_eq(b.p,
			 "\"a\\\"b\\\\c\\u000a\\u001b\\u003c/script>万\",null,1234.57,1000000");
	jb_free(&b);
}
END_TEST

/* The built-in draft served at a few replications. */
static struct scenario *draft;
static struct serve_base base;

static void setup(void)
{
	char err[ERR_LEN];
	draft = malloc(sizeof *draft);
	ck_assert_int_eq(scenario_open(draft, NULL, NULL, 0, err, sizeof err), 0);
	memset(&base, 0, sizeof base);
	base.s = draft;
	base.cfg = (struct sim_config){.seed = 5, .reps = 300, .threads = 2};
	ck_assert_int_eq(serve_base_run(&base, err, sizeof err), 0);
}

static void teardown(void)
{
	serve_base_free(&base);
	free(draft);
}

static void add(struct serve_overrides *ov, const char *key, const char *value)
{
	snprintf(ov->o[ov->n].key, sizeof ov->o[0].key, "%s", key);
	snprintf(ov->o[ov->n].value, sizeof ov->o[0].value, "%s", value);
	ov->n++;
}

START_TEST(a_bad_value_names_its_override_with_sets_message)
{
	struct serve_overrides ov = {0};
	struct scenario *v = malloc(sizeof *v);
	char err[ERR_LEN];
	int bad;
	add(&ov, "m1a.cap", "50万");
	add(&ov, "m3c.payout", "2");
	ck_assert_int_eq(serve_variant(&base, &ov, v, err, sizeof err, &bad), SERVE_INVALID);
	ck_assert_int_eq(bad, 1);
	ck_assert_str_eq(err, "--set m3c.payout=2: [m3c] payout: \"2\" is out of range (valid: 0% "
			      "to 100%)");
	/* tiers out of order: the override that breaks the order is named */
	ov.n = 0;
	add(&ov, "m1a.cap", "50万");
	add(&ov, "m3a.tier2_revenue", "5000万");
	ck_assert_int_eq(serve_variant(&base, &ov, v, err, sizeof err, &bad), SERVE_INVALID);
	ck_assert_int_eq(bad, 1);
	/* a valid one is set, and the base is not touched */
	ov.n = 0;
	add(&ov, "m1a.cap", "50万");
	ck_assert_int_eq(serve_variant(&base, &ov, v, err, sizeof err, &bad), SERVE_OK);
	ck_assert(v->pol.m1a.cap == 500000.0);
	ck_assert(draft->pol.m1a.cap == 1000000.0);
	free(v);
}
END_TEST

START_TEST(a_refused_value_has_its_reason_without_set_syntax)
{
	struct serve_overrides ov = {0};
	struct scenario *v = malloc(sizeof *v);
	char err[ERR_LEN], why[ERR_LEN];
	int bad;
	/* a value the parser refuses: its own reason, no "--set KEY=VALUE: [m1a] rate:" */
	add(&ov, "m1a.cap", "50万");
	add(&ov, "m1a.rate", "五%");
	ck_assert_int_eq(serve_variant(&base, &ov, v, err, sizeof err, &bad), SERVE_INVALID);
	serve_reason(&base, &ov, bad, err, why, sizeof why);
	ck_assert_str_eq(why, "\"五%\" is not a number (expected a share such as 5%, 2‰ or 0.05)");
	/* out of range: the range, no syntax */
	ov.n = 0;
	add(&ov, "m3c.payout", "2");
	ck_assert_int_eq(serve_variant(&base, &ov, v, err, sizeof err, &bad), SERVE_INVALID);
	serve_reason(&base, &ov, bad, err, why, sizeof why);
	ck_assert_str_eq(why, "\"2\" is out of range (valid: 0% to 100%)");
	/* a value that reads but breaks the whole (tiers out of order): the check's reason */
	ov.n = 0;
	add(&ov, "m3a.tier2_revenue", "5000万");
	ck_assert_int_eq(serve_variant(&base, &ov, v, err, sizeof err, &bad), SERVE_INVALID);
	serve_reason(&base, &ov, bad, err, why, sizeof why);
	ck_assert_ptr_null(strstr(why, "--set"));
	ck_assert_ptr_nonnull(strstr(why, "tier2_revenue 5000万"));
	/* commas grouping thousands are --set's to refuse (the page takes them out) */
	ov.n = 0;
	add(&ov, "m1a.cap", "1,500,000元");
	ck_assert_int_eq(serve_variant(&base, &ov, v, err, sizeof err, &bad), SERVE_INVALID);
	ov.n = 0;
	add(&ov, "m1a.cap", "1500000元");
	ck_assert_int_eq(serve_variant(&base, &ov, v, err, sizeof err, &bad), SERVE_OK);
	ck_assert(v->pol.m1a.cap == 1500000.0);
	free(v);
}
END_TEST

/* The catalogue bound, the process in English: L_ asks for Chinese. */
static void zh_catalogue(void)
{
	i18n_start("en");
}

START_TEST(every_control_has_a_meaning_in_chinese)
{
	size_t np;
	const struct param_def *d = params_table(&np);
	char zh[300], bare[200];
	for (size_t i = 0; i < np; i++) {
		serve_param_label((int)i, I18N_ZH, zh, sizeof zh);
		snprintf(bare, sizeof bare, "%s.%s（%s）", d[i].section, d[i].key, d[i].clause);
		ck_assert_msg(strcmp(zh, bare) != 0, "%s: no meaning", zh);
		ck_assert_msg(!strstr(zh, "（M") || !strstr(zh, "）") ||
				      strchr(strstr(zh, "（M"), ' '),
			      "%s: a line alone, no meaning", zh);
	}
	serve_param_label(params_find("m1a", "enabled"), I18N_ZH, zh, sizeof zh);
	ck_assert_str_eq(zh, "m1a.enabled（M1A 该条线是否兑付）");
	serve_param_label(params_find("m1b", "requires_m1a"), I18N_ZH, zh, sizeof zh);
	ck_assert_str_eq(zh, "m1b.requires_m1a（M1B 仅限符合 M1A 条件的企业）");
	serve_param_label(params_find("m2", "mode"), I18N_ZH, zh, sizeof zh);
	ck_assert_str_eq(zh, "m2.mode（M2 进档补差／每档足额奖励／仅奖励首档）");
	serve_param_label(params_find("m1a", "cap"), I18N_ZH, zh, sizeof zh);
	ck_assert_str_eq(zh, "m1a.cap（M1A 奖励上限）"); /* the charts' label, kept */
}
END_TEST

START_TEST(the_served_scenario_against_itself_differs_by_exactly_zero)
{
	struct serve_overrides ov = {0};
	struct serve_result r;
	char err[ERR_LEN];
	int bad;
	ck_assert_int_eq(serve_evaluate(&base, &ov, NULL, NULL, NULL, &r, err, sizeof err, &bad),
			 SERVE_OK);
	for (int l = 0; l <= N_LINES; l++)
		for (int y = 0; y <= r.cmp.nyears; y++)
			for (int lv = 0; lv < N_LEVELS; lv++)
				ck_assert(study_compare_at(&r.cmp, l, y, (enum fund_level)lv)
						  ->d.mean == 0.0);
	serve_result_free(&r);
}
END_TEST

START_TEST(a_lower_m3c_amount_moves_m3c_and_nothing_else)
{
	struct serve_overrides ov = {0};
	struct serve_result r;
	char err[ERR_LEN];
	int bad;
	add(&ov, "m3c.amount", "50万");
	ck_assert_int_eq(serve_evaluate(&base, &ov, NULL, NULL, NULL, &r, err, sizeof err, &bad),
			 SERVE_OK);
	int all = r.cmp.nyears;
	for (int l = 0; l < N_LINES; l++) {
		double d = study_compare_at(&r.cmp, l, all, LV_TOTAL)->d.mean;
		if (l == L_M3C)
			ck_assert(d < 0);
		else
			ck_assert(d == 0.0);
	}
	/* the TOTAL moves by M3C's difference, to the fen */
	double dm = study_compare_at(&r.cmp, L_M3C, all, LV_TOTAL)->d.mean,
	       dt = study_compare_at(&r.cmp, N_LINES, all, LV_TOTAL)->d.mean;
	ck_assert_double_eq_tol(dt, dm, 0.005);
	serve_result_free(&r);
}
END_TEST

START_TEST(a_stop_set_before_the_run_ends_it_stopped_with_nothing_to_free)
{
	struct serve_overrides ov = {0};
	struct serve_result r;
	char err[ERR_LEN];
	int bad;
	volatile sig_atomic_t stop = 1;
	add(&ov, "m3c.amount", "50万");
	ck_assert_int_eq(serve_evaluate(&base, &ov, NULL, NULL, &stop, &r, err, sizeof err, &bad),
			 SERVE_STOPPED);
	ck_assert_ptr_null(r.variant);
	ck_assert_ptr_null(r.sm);
}
END_TEST

static Suite *serve_suite(void)
{
	Suite *s = suite_create("serve");
	TCase *json = tcase_create("json");
	tcase_add_test(json, escapes_decode_to_utf8_and_numbers_keep_their_text);
	tcase_add_test(json, as_many_overrides_as_set_takes_and_no_more);
	tcase_add_test(json, a_key_or_value_past_its_bound_is_refused_not_cut);
	tcase_add_test(json, a_body_with_a_nul_inside_is_malformed);
	tcase_add_test(json, json_strings_escape_quotes_controls_and_script_ends);
	suite_add_tcase(s, json);
	TCase *words = tcase_create("words");
	tcase_add_unchecked_fixture(words, zh_catalogue, NULL);
	tcase_add_test(words, every_control_has_a_meaning_in_chinese);
	suite_add_tcase(s, words);
	TCase *eval = tcase_create("evaluate");
	tcase_add_checked_fixture(eval, setup, teardown);
	tcase_set_timeout(eval, 120);
	tcase_add_test(eval, a_bad_value_names_its_override_with_sets_message);
	tcase_add_test(eval, a_refused_value_has_its_reason_without_set_syntax);
	tcase_add_test(eval, the_served_scenario_against_itself_differs_by_exactly_zero);
	tcase_add_test(eval, a_lower_m3c_amount_moves_m3c_and_nothing_else);
	tcase_add_test(eval, a_stop_set_before_the_run_ends_it_stopped_with_nothing_to_free);
	suite_add_tcase(s, eval);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(serve_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
