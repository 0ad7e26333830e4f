/* check_scenario.c - scenario files on top of the built-in draft policy,
 * --set overrides, validation, and what the error messages say. */
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "district.h"
#include "i18n.h"
#include "money.h"
#include "params.h"
#include "policy.h"
#include "report.h"
#include "scenario.h"
#include "targets.h"
#include "text.h"
#include "tmpdir.h"

#define ck_assert_has(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, "expected \"%s\" in \"%s\"", (needle), (hay))

/* ---- temporary files ---- */

static char root[64]; /* made by the fixture, removed with all it holds */


static void make_root(void)
{
	tmpdir_make(root, sizeof root, "check_scenario-");
}

static void remove_root(void)
{
	tmpdir_remove(root);
}

/* A fresh folder for one test, under root. */
static void new_dir(char *dir, size_t n)
{
	snprintf(dir, n, "%s/t-XXXXXX", root);
	ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp %s failed", dir);
}

/* Write text to dir/name (name may hold one subfolder); path gets the
 * full path. */
static void put(const char *dir, const char *name, const char *text, char *path, size_t n)
{
	snprintf(path, n, "%s/%s", dir, name);
	const char *slash = strchr(name, '/');
	if (slash) {
		char sub[512];
		snprintf(sub, sizeof sub, "%s/%.*s", dir, (int)(slash - name), name);
		mkdir(sub, 0700);
	}
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

/* ---- scenarios ---- */

static struct scenario *new_scenario(void)
{
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	return s;
}

static int idx(const char *section, const char *key)
{
	int i = params_find(section, key);
	ck_assert_msg(i >= 0, "no parameter [%s] %s", section, key);
	return i;
}

/* The built-in scenario, opened and checked. */
static struct scenario *builtin(void)
{
	struct scenario *s = new_scenario();
	char err[ERR_LEN] = "";
	ck_assert_msg(scenario_open(s, NULL, NULL, 0, err, sizeof err) == 0, "built-in: %s", err);
	return s;
}

/* Open path with sets; must succeed. */
static struct scenario *open_ok(const char *path, char *const *sets, int n)
{
	struct scenario *s = new_scenario();
	char err[ERR_LEN] = "";
	int rc = scenario_open(s, path, sets, n, err, sizeof err);
	ck_assert_msg(rc == 0, "%s: unexpected error: %s", path ? path : "built-in", err);
	return s;
}

/* Open path with sets; must fail. The message goes to err. */
static void open_fails(const char *path, char *const *sets, int n, char *err, size_t errlen)
{
	struct scenario *s = new_scenario();
	err[0] = '\0';
	int rc = scenario_open(s, path, sets, n, err, errlen);
	free(s);
	ck_assert_msg(rc == -1, "%s: expected an error, got none", path ? path : "built-in");
	ck_assert_msg(err[0] != '\0', "error without a message");
	ck_assert_msg(strchr(err, '\n') == NULL, "message is not one line: %s", err);
}

/* Write text as dir/name and open it: must fail. */
static void file_fails(const char *text, char *path, size_t pathlen, char *err, size_t errlen)
{
	char dir[256];
	new_dir(dir, sizeof dir);
	put(dir, "bad.ini", text, path, pathlen);
	open_fails(path, NULL, 0, err, errlen);
}

/* err starts with "path:line: ". */
static void ck_at(const char *err, const char *path, int line)
{
	char want[600];
	snprintf(want, sizeof want, "%s:%d: ", path, line);
	ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "expected \"%s\" to start with \"%s\"",
		      err, want);
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Line n (1-based) of text, without its newline. */
static void nth_line(const char *text, int n, char *out, size_t outlen)
{
	const char *p = text;
	for (int i = 1; i < n && p; i++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!p) {
		out[0] = '\0';
		return;
	}
	const char *nl = strchr(p, '\n');
	size_t len = nl ? (size_t)(nl - p) : strlen(p);
	if (len >= outlen)
		len = outlen - 1;
	memcpy(out, p, len);
	out[len] = '\0';
}

/* ---- the built-in scenario ---- */

START_TEST(the_built_in_scenario_opens_with_no_file)
{
	struct scenario *s = builtin();
	ck_assert_str_eq(s->name, "suzhou-draft");
	ck_assert_str_eq(s->path, "");
	free(s);
}
END_TEST

/* One text (a district by an alias, a key of each kind) opened into s. */
static int open_text(struct scenario *s, char *err, size_t errlen)
{
	static const char text[] = "[district.SIP]\nshare = 50%\n[m1a]\ncap = 300万\n"
				   "[m2]\nmode = each\n[m3c]\nmax_awards = 2\n";
	if (scenario_load_text(s, "threads.ini", text, err, errlen) != 0)
		return -1;
	return scenario_finish(s, err, errlen);
}

/* Studies open scenarios in parallel. A forked test starts without the
 * index of the parameter table (params.c), so the threads' first
 * lookups race to build it: each must still find every key. */
START_TEST(scenarios_opened_by_several_threads_at_once_equal_one_opened_alone)
{
	enum { N = 8 };
	struct scenario *s[N], *alone = malloc(sizeof *alone);
	int rc[N];
	static char errs[N][ERR_LEN];
	ck_assert_ptr_nonnull(alone);
	for (int i = 0; i < N; i++) {
		s[i] = malloc(sizeof *s[i]);
		ck_assert_ptr_nonnull(s[i]);
	}
#pragma omp parallel for num_threads(4) schedule(static, 1)
	for (int i = 0; i < N; i++)
		rc[i] = open_text(s[i], errs[i], sizeof errs[i]);
	char err[ERR_LEN];
	ck_assert_msg(open_text(alone, err, sizeof err) == 0, "%s", err);
	size_t n;
	params_table(&n);
	for (int i = 0; i < N; i++) {
		ck_assert_msg(rc[i] == 0, "thread's open %d: %s", i, errs[i]);
		ck_assert(memcmp(&s[i]->pol, &alone->pol, sizeof alone->pol) == 0);
		ck_assert(memcmp(s[i]->set, alone->set, sizeof alone->set) == 0);
		ck_assert(memcmp(s[i]->prov, alone->prov, sizeof alone->prov) == 0);
		for (size_t k = 0; k < n; k++)
			if (alone->set[k]) {
				ck_assert_str_eq(s[i]->src[k], alone->src[k]);
				ck_assert_str_eq(scenario_comment(s[i], (int)k),
						 scenario_comment(alone, (int)k));
			}
		ck_assert_str_eq(s[i]->name, alone->name);
		free(s[i]);
	}
	ck_assert_double_eq(alone->pol.m1a.cap, 3e6);
	ck_assert_double_eq(alone->pol.district_rule[district_parse("SIP")].share, 0.5);
	free(alone);
}
END_TEST

START_TEST(every_required_parameter_of_the_built_in_scenario_is_set_at_a_line_of_suzhou_draft_ini)
{
	struct scenario *s = builtin();
	size_t n;
	const struct param_def *d = params_table(&n);
	const char *text = scenario_builtin_text();
	for (size_t i = 0; i < n; i++) {
		if (d[i].optional && !s->set[i])
			continue;
		ck_assert_msg(s->set[i], "[%s] %s is not set", d[i].section, d[i].key);
		int line = 0;
		char rest[8] = "";
		int got = sscanf(s->src[i], "suzhou-draft.ini:%d%7s", &line, rest);
		ck_assert_msg(got == 1 && line > 0, "[%s] %s: source \"%s\"", d[i].section,
			      d[i].key, s->src[i]);
		/* the line it names is the one that sets the key */
		char l[256];
		nth_line(text, line, l, sizeof l);
		size_t kl = strlen(d[i].key);
		ck_assert_msg(strncmp(l, d[i].key, kl) == 0 && (l[kl] == ' ' || l[kl] == '='),
			      "[%s] %s: %s is \"%s\"", d[i].section, d[i].key, s->src[i], l);
	}
	free(s);
}
END_TEST

START_TEST(the_built_in_scenario_has_the_policy_window_and_funding_defaults)
{
	struct scenario *s = builtin();
	ck_assert_int_eq(s->pol.start_year, 2025);
	ck_assert_int_eq(s->pol.years, 3);
	ck_assert_int_eq(s->pol.payment_lag, 1);
	ck_assert_double_eq(s->pol.provincial_share, 0.5);
	ck_assert_double_eq(s->pol.district_share, 0);
	ck_assert_int_eq(s->pol.line[L_M1A].funding, FUND_POOLED);
	ck_assert_int_eq(s->pol.line[L_M3A].funding, FUND_MUNICIPAL);
	ck_assert_int_eq(s->pol.line[L_M13B].funding, FUND_POOLED);
	for (int l = 0; l < N_LINES; l++)
		ck_assert_msg(s->pol.line[l].enabled, "%s disabled", line_info(l)->name);
	/* line shares not given take [funding]: NaN says so */
	ck_assert(isnan(s->pol.line[L_M1A].provincial_share));
	ck_assert(isnan(s->pol.line[L_M1A].district_share));
	ck_assert(!s->set[idx("m1a", "provincial_share")]);
	free(s);
}
END_TEST

/* The registry (lines.def) records how the policy funds each line; the
 * shipped draft must read it the same way. */
START_TEST(the_built_in_scenario_funds_every_line_as_the_registry_says)
{
	struct scenario *s = builtin();
	for (int l = 0; l < N_LINES; l++)
		ck_assert_msg(s->pol.line[l].funding == line_info(l)->funding,
			      "%s: funding %d in suzhou-draft.ini, %d in lines.def",
			      line_info(l)->name, s->pol.line[l].funding, line_info(l)->funding);
	free(s);
}
END_TEST

/* Every line has a name, section, clause, words and owner: a row left out
 * of lines.def cannot compile, and none prints as (null). */
START_TEST(every_registry_row_is_complete_and_found_by_its_name)
{
	for (int l = 0; l < N_LINES; l++) {
		const struct line_info *li = line_info(l);
		ck_assert(li->name && *li->name && li->section && *li->section);
		ck_assert(li->clause && *li->clause && li->who && *li->who && li->zh && *li->zh);
		ck_assert_int_lt(li->owner, N_OWNERS);
		ck_assert(*owner_info(li->owner)->key && *owner_info(li->owner)->zh);
		ck_assert_int_eq(line_by_name(li->name), l);
		ck_assert_int_eq(line_by_name(li->section), l);
		ck_assert_int_eq(li->kind == RK_FIRM, l < N_FIRM_LINES);
		ck_assert_int_ge(idx(li->section, "enabled"), 0);
		char pop[32];
		snprintf(pop, sizeof pop, "pop.%s", li->section);
		/* entity lines sample applicants; firm lines paid up to a cap (M1B,
		 * M3C) sample requests */
		ck_assert_int_eq(params_section_known(pop),
				 li->kind != RK_FIRM || li->pay == PAY_GRANTED);
		ck_assert_int_ge(idx("takeup", li->section), 0);
	}
}
END_TEST

START_TEST(the_built_in_scenario_has_the_numbers_of_clauses_1_to_3)
{
	struct scenario *s = builtin();
	const struct policy *p = &s->pol;
	/* 第1条 */
	ck_assert_double_eq(p->m1a.min_paid_capital, 1e7);
	ck_assert_double_eq(p->m1a.min_employees, 50);
	ck_assert_double_eq_tol(p->m1a.rate, 0.05, 1e-15);
	ck_assert_double_eq(p->m1a.cap, 1e6);
	ck_assert_int_eq(p->m1b.window_years, 3);
	ck_assert_double_eq(p->m1b.min_cumulative_revenue, 2e8);
	ck_assert_double_eq(p->m1b.amount, 2e6);
	ck_assert(p->m1b.requires_m1a);
	/* 第2条 */
	ck_assert_int_eq(p->m2.ntiers, 2);
	ck_assert_double_eq(p->m2.tier[0].employees, 20);
	ck_assert_double_eq(p->m2.tier[0].revenue, 2e7);
	ck_assert_double_eq(p->m2.tier[0].amount, 5e5);
	ck_assert_double_eq(p->m2.tier[1].employees, 50);
	ck_assert_double_eq(p->m2.tier[1].revenue, 5e7);
	ck_assert_double_eq(p->m2.tier[1].amount, 1e6);
	ck_assert_int_eq(p->m2.mode, M2_TOPUP);
	ck_assert(!p->m2.exclude_m1);
	/* 第3条 */
	ck_assert_int_eq(p->m3a.ntiers, 3);
	ck_assert_double_eq(p->m3a.tier[0].revenue, 1e8);
	ck_assert_double_eq(p->m3a.tier[1].revenue, 5e8);
	ck_assert_double_eq(p->m3a.tier[2].revenue, 1e9);
	ck_assert_double_eq(p->m3a.tier[0].amount, 2e6);
	ck_assert_double_eq(p->m3a.tier[1].amount, 3e6);
	ck_assert_double_eq(p->m3a.tier[2].amount, 5e6);
	ck_assert(p->m3a.pre_policy_credit);
	ck_assert_double_eq(p->m3b.amount, 5e6);
	ck_assert_double_eq(p->m3c.min_growth, 0.5);
	ck_assert_double_eq(p->m3c.amount, 1e6);
	ck_assert_int_eq(p->m3c.max_awards, 0);
	free(s);
}
END_TEST

START_TEST(the_built_in_scenario_has_the_numbers_of_clauses_4_to_13)
{
	struct scenario *s = builtin();
	const struct eline *e = s->pol.e;
	ck_assert_double_eq(e[L_M4].national, 3e6);
	ck_assert_double_eq(e[L_M4].provincial, 2e6);
	ck_assert_double_eq_tol(e[L_M5A].rate, 0.002, 1e-18);
	ck_assert_double_eq(e[L_M5A].cap, 1e6);
	ck_assert_double_eq_tol(e[L_M5B].rate, 0.001, 1e-18);
	ck_assert_double_eq(e[L_M5B].cap, 3e6);
	ck_assert_double_eq(e[L_M6A].cap, 1e7);
	ck_assert_double_eq(e[L_M6B].cap, 2e6);
	ck_assert_double_eq(e[L_M6C].rate, 0.5);
	ck_assert_double_eq(e[L_M6C].cap, 1e7);
	ck_assert_double_eq(e[L_M7A].cap, 4.8e6);
	ck_assert_int_eq(e[L_M7A].max_years, 3);
	ck_assert_double_eq(e[L_M7B].rate, 0.5);
	ck_assert_double_eq(e[L_M7B].cap, 6e6);
	ck_assert_double_eq(e[L_M8A].amount, 2e6);
	ck_assert_double_eq(e[L_M9].cap, 2e6);
	ck_assert_double_eq_tol(e[L_M10A].rate, 0.2, 1e-15);
	ck_assert_double_eq(e[L_M10A].cap, 5e5);
	ck_assert_double_eq(e[L_M10B].amount, 5e5);
	ck_assert_double_eq(e[L_M10C].cap, 5e5);
	ck_assert_double_eq_tol(e[L_M11].rate, 0.2, 1e-15);
	ck_assert_double_eq(e[L_M11].cap, 2e6);
	ck_assert_double_eq(e[L_M12A].project_cap, 1e7);
	ck_assert_double_eq(e[L_M12A].housing_cap, 3e6);
	ck_assert_double_eq(e[L_M12B].cap, 1e6);
	ck_assert_double_eq(e[L_M12C].cap, 3e5);
	ck_assert_double_eq(e[L_M13A].provincial, 1e6);
	ck_assert_double_eq(e[L_M13A].municipal, 5e5);
	ck_assert_double_eq(e[L_M13B].amount, 2e6);
	ck_assert_int_eq(e[L_M13B].max_years, 3);
	free(s);
}
END_TEST

START_TEST(the_built_in_scenario_formats_values_as_the_policy_writes_them)
{
	struct scenario *s = builtin();
	char buf[64];
	params_format(&s->pol, idx("m1a", "cap"), buf, sizeof buf);
	ck_assert_str_eq(buf, "100万");
	params_format(&s->pol, idx("m1a", "rate"), buf, sizeof buf);
	ck_assert_str_eq(buf, "5%");
	params_format(&s->pol, idx("m5a", "rate"), buf, sizeof buf);
	ck_assert_str_eq(buf, "2‰");
	params_format(&s->pol, idx("m3a", "tier3_revenue"), buf, sizeof buf);
	ck_assert_str_eq(buf, "10亿");
	params_format(&s->pol, idx("m7a", "cap"), buf, sizeof buf);
	ck_assert_str_eq(buf, "480万");
	params_format(&s->pol, idx("m2", "mode"), buf, sizeof buf);
	ck_assert_str_eq(buf, "topup");
	free(s);
}
END_TEST

/* ---- meanings in Chinese (po/zh_CN.po) ---- */

/* Some character of s is CJK (UTF-8 lead byte 0xE3..0xE9: U+3000..U+9FFF). */
static bool has_cjk(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0xE3 && (unsigned char)*s <= 0xE9)
			return true;
	return false;
}

START_TEST(every_meaning_is_the_table_s_in_english_and_has_its_chinese)
{
	size_t n;
	const struct param_def *d = params_table(&n);
	for (size_t i = 0; i < n; i++) {
		const char *en = params_meaning(&d[i], I18N_EN),
			   *zh = params_meaning(&d[i], I18N_ZH);
		ck_assert_str_eq(en, d[i].desc);
		ck_assert_msg(d[i].desc[0] && strcmp(zh, d[i].desc) != 0 && has_cjk(zh),
			      "%s.%s: no Chinese for \"%s\" (make po; po/zh_CN.po)", d[i].section,
			      d[i].key, d[i].desc);
	}
}
END_TEST

/* Regression: calibrate --lang zh named its targets by their keys alone
 * (share_1yi, key_db) and gave every source in English: the sources a
 * planner must defend. Each target has its meaning in both languages, and
 * each of the built-in scenario's sources its Chinese (targets.c's table). */
START_TEST(every_target_and_every_built_in_source_has_its_chinese)
{
	size_t n;
	const struct target_def *d = targets_table(&n);
	for (size_t i = 0; i < n; i++) {
		const char *en = targets_meaning(&d[i], I18N_EN),
			   *zh = targets_meaning(&d[i], I18N_ZH);
		ck_assert_str_eq(en, d[i].desc);
		ck_assert_msg(strcmp(zh, en) != 0 && has_cjk(zh),
			      "target %s: no Chinese for \"%s\"", d[i].key, en);
	}
	struct scenario *s = builtin();
	ck_assert_int_gt(s->ntargets, 0);
	for (int k = 0; k < s->ntargets; k++) {
		const char *src = s->targets[k].source, *en = targets_source_words(src, I18N_EN),
			   *zh = targets_source_words(src, I18N_ZH);
		ck_assert_msg(en && zh, "target %s: source \"%s\" is not in targets.c's table",
			      d[s->targets[k].def].key, src);
		ck_assert_str_eq(en, src);
		ck_assert_msg(strcmp(zh, en) != 0 && has_cjk(zh), "source \"%s\" has no Chinese",
			      en);
	}
	ck_assert_ptr_null(targets_source_words("a source nobody wrote", I18N_ZH));
	free(s);
}
END_TEST

/* regression: `params --lang zh` showed years, persons, yuan in its unit
 * column, and range messages ended "1 至 20 years" */
START_TEST(every_unit_is_the_table_s_in_english_and_has_its_chinese)
{
	size_t n;
	const struct param_def *d = params_table(&n);
	for (size_t i = 0; i < n; i++) {
		const char *en = params_unit(&d[i], I18N_EN), *zh = params_unit(&d[i], I18N_ZH);
		ck_assert_str_eq(en, d[i].unit);
		ck_assert_msg(!d[i].unit[0] || has_cjk(zh), "%s.%s: no Chinese for the unit \"%s\"",
			      d[i].section, d[i].key, d[i].unit);
	}
	ck_assert_str_eq(params_unit(&d[idx("scenario", "years")], I18N_ZH), "年");
	ck_assert_str_eq(params_unit(&d[idx("m1a", "min_employees")], I18N_ZH), "人");
	char r[120];
	params_range_words(idx("scenario", "years"), I18N_ZH, r, sizeof r);
	ck_assert_str_eq(r, "1 至 20 年");
	params_range_words(idx("scenario", "years"), I18N_EN, r, sizeof r);
	ck_assert_str_eq(r, "1 to 20 years");
}
END_TEST

/* The meanings the macros of lines.def build are whole msgids: the line's
 * own words and its name reach the catalogue, per line and per level. */
START_TEST(meanings_built_from_the_registry_have_their_own_chinese)
{
	static const struct {
		const char *sec, *key, *en, *zh;
	} want[] = {
		{"m1a", "cap", "cap of the award", "奖励上限"},
		{"m6a", "rate", "share of project investment", "按项目投入的支持比例"},
		{"m4", "national", "award for a national rating", "获评国家级园区的奖励"},
		{"m13a", "municipal", "award for a municipal training base",
		 "市级软件产业人才培训基地的奖励"},
		{"pop.m6b", "per_year", "new innovation consortia a year (Poisson mean)",
		 "每年新组建创新联合体数（泊松均值）"},
		{"pop.m4", "provincial_per_year", "parks rated provincial a year (Poisson mean)",
		 "每年获评省级的园区数（泊松均值）"},
		{"pop.m11", "base", "annual sales (per entity)", "年度销售额（每个主体）"},
		{"takeup", "m3c", "share of M3C awards claimed", "M3C 奖励的申领比例"},
		{"district.吴江区", "m3a",
		 "this district's share for M3A only (before its share key)",
		 "本区对 M3A 单独的分担比例（优先于本区 share）"},
		{"district.苏州工业园区", "firms",
		 "weight of the firms, parks, projects and centres located here (normalised)",
		 "位于本区的企业、园区、项目和中心的权重（归一化）"},
		{"uncosted", "m14_loan_risk",
		 "the bureau's lump sum a policy year for loan-risk compensation (not costed by the "
		 "model; 0 = none)",
		 "局定年度金额：主管部门每个政策年度为贷款风险补偿安排的金额（模型不测算；0 = 无）"},
	};
	size_t n;
	const struct param_def *d = params_table(&n);
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		int i = params_find(want[k].sec, want[k].key);
		ck_assert_msg(i >= 0, "%s.%s", want[k].sec, want[k].key);
		ck_assert_str_eq(params_meaning(&d[i], I18N_EN), want[k].en);
		ck_assert_str_eq(params_meaning(&d[i], I18N_ZH), want[k].zh);
	}
}
END_TEST

/* ---- files on the built-in ---- */

START_TEST(a_file_without_base_changes_only_what_it_sets_on_top_of_the_built_in)
{
	char dir[256], path[512], want[600];
	new_dir(dir, sizeof dir);
	put(dir, "file.ini", "[m1a]\ncap = 200万\n", path, sizeof path);
	struct scenario *s = open_ok(path, NULL, 0), *b = builtin();
	int cap = idx("m1a", "cap");
	ck_assert_double_eq(s->pol.m1a.cap, 2e6);
	snprintf(want, sizeof want, "%s:2", path);
	ck_assert_str_eq(s->src[cap], want);
	size_t n;
	params_table(&n);
	for (size_t i = 0; i < n; i++) {
		if ((int)i == cap)
			continue;
		ck_assert_int_eq(s->set[i], b->set[i]);
		ck_assert_str_eq(s->src[i], b->src[i]);
		char x[64], y[64];
		params_format(&s->pol, (int)i, x, sizeof x);
		params_format(&b->pol, (int)i, y, sizeof y);
		ck_assert_str_eq(x, y);
	}
	ck_assert_str_eq(s->name, "file");
	ck_assert_str_eq(s->path, path);
	free(s);
	free(b);
}
END_TEST

START_TEST(a_scenario_is_named_by_its_scenario_section)
{
	char dir[256], path[512];
	new_dir(dir, sizeof dir);
	put(dir, "file.ini", "[scenario]\nname = cap-doubled\n[m1a]\ncap = 200万\n", path,
	    sizeof path);
	struct scenario *s = open_ok(path, NULL, 0);
	ck_assert_str_eq(s->name, "cap-doubled");
	free(s);
}
END_TEST

START_TEST(base_builtin_names_the_built_in_scenario_explicitly)
{
	char dir[256], path[512];
	new_dir(dir, sizeof dir);
	put(dir, "explicit.ini", "[scenario]\nbase = builtin\n[m1a]\ncap = 50万\n", path,
	    sizeof path);
	struct scenario *s = open_ok(path, NULL, 0);
	ck_assert_double_eq(s->pol.m1a.cap, 5e5);
	ck_assert_double_eq(s->pol.m1a.min_paid_capital, 1e7);
	ck_assert_str_eq(s->name, "explicit");
	free(s);
}
END_TEST

START_TEST(a_file_accepts_inline_comments_crlf_line_ends_and_a_utf8_bom)
{
	char dir[256], path[512];
	new_dir(dir, sizeof dir);
	put(dir, "win.ini",
	    "\xEF\xBB\xBF; edited on Windows\r\n[m1a]\r\ncap = 200万   ; doubled\r\nrate = 4%\r\n",
	    path, sizeof path);
	struct scenario *s = open_ok(path, NULL, 0);
	ck_assert_double_eq(s->pol.m1a.cap, 2e6);
	ck_assert_double_eq_tol(s->pol.m1a.rate, 0.04, 1e-15);
	char want[600];
	snprintf(want, sizeof want, "%s:4", path);
	ck_assert_str_eq(s->src[idx("m1a", "rate")], want);
	free(s);
}
END_TEST

/* The reason a planner defends a value with: each parameter keeps the
 * comment its provenance was read from (scenario_comment). */
START_TEST(each_value_keeps_the_comment_that_says_why)
{
	char dir[256], a[512], b[512];
	new_dir(dir, sizeof dir);
	put(dir, "b.ini",
	    "[m1a]\n"
	    "; assumption: the block above cap, which its own comment outranks\n"
	    "cap = 200万 ; reading: the base's own\n"
	    "rate = 4%\n"
	    "[pop.m6b]\n"
	    "; assumption: the section's opening note,\n"
	    "; over two lines\n"
	    "per_year = 3\n"
	    "request = lognormal(300万, 0.5)\n"
	    "; assumption: a block right above\n"
	    "approval = 90%\n",
	    b, sizeof b);
	put(dir, "a.ini",
	    "[scenario]\nbase = b.ini\n[m1a]\n"
	    "min_employees = 40 ; 第1条: 社保员工50人以上, read down \x1b[2Jhere\xe2\x80\xae!\n"
	    "rate = 5%\n",
	    a, sizeof a);
	struct scenario *s = open_ok(a, NULL, 0);
	/* a key's own comment, without the ';'; a control character and a bidi
	 * override (U+202E, three bytes) spaces */
	ck_assert_str_eq(scenario_comment(s, idx("m1a", "min_employees")),
			 "第1条: 社保员工50人以上, read down  [2Jhere   !");
	/* the base's comment stays with the value the base set */
	ck_assert_str_eq(scenario_comment(s, idx("m1a", "cap")), "reading: the base's own");
	/* a value the later file sets again without a comment has none */
	ck_assert_str_eq(scenario_comment(s, idx("m1a", "rate")), "");
	/* the comment lines above the section's first key open the section,
	 * joined; a later key without one of its own takes that */
	const char *open = "assumption: the section's opening note, over two lines";
	ck_assert_str_eq(scenario_comment(s, idx("pop.m6b", "per_year")), open);
	ck_assert_str_eq(scenario_comment(s, idx("pop.m6b", "request")), open);
	/* a key without a comment of its own: the block right above it */
	ck_assert_str_eq(scenario_comment(s, idx("pop.m6b", "approval")),
			 "assumption: a block right above");
	/* what --set gives cites nothing; a key of the built-in keeps its own */
	char err[ERR_LEN];
	ck_assert_int_eq(scenario_set(s, "pop.m6b.per_year=4", err, sizeof err), 0);
	ck_assert_str_eq(scenario_comment(s, idx("pop.m6b", "per_year")), "");
	ck_assert_str_ne(scenario_comment(s, idx("m1a", "min_paid_capital")), "");
	/* the struct copies whole, comments and all (studies copy scenarios) */
	struct scenario *c = malloc(sizeof *c);
	ck_assert_ptr_nonnull(c);
	*c = *s;
	ck_assert_str_eq(scenario_comment(c, idx("m1a", "cap")), "reading: the base's own");
	free(c);
	free(s);
}
END_TEST

START_TEST(a_comment_past_its_length_is_cut_at_a_whole_character)
{
	char dir[256], path[512];
	new_dir(dir, sizeof dir);
	static char text[4096];
	int k = snprintf(text, sizeof text, "[m1a]\ncap = 200万 ; reading: ");
	while (k < (int)sizeof text - 16)
		k += snprintf(text + k, sizeof text - (size_t)k, "注");
	snprintf(text + k, sizeof text - (size_t)k, "\n");
	put(dir, "long.ini", text, path, sizeof path);
	struct scenario *s = open_ok(path, NULL, 0);
	const char *c = scenario_comment(s, idx("m1a", "cap"));
	ck_assert_uint_le(strlen(c), SCENARIO_COMMENT_LEN - 1);
	ck_assert_uint_ge(strlen(c), SCENARIO_COMMENT_LEN - 4);
	ck_assert_int_eq((int)(strlen(c) - strlen("reading: ")) % 3, 0); /* whole 注 */
	free(s);
}
END_TEST

START_TEST(a_base_path_is_read_relative_to_the_folder_of_the_file_that_names_it)
{
	char dir[256], a[512], b[512], c[512], want[600];
	new_dir(dir, sizeof dir);
	put(dir, "a.ini", "[scenario]\nbase = sub/b.ini\n[m1a]\ncap = 300万\n", a, sizeof a);
	/* c.ini is next to b.ini, not next to a.ini */
	put(dir, "sub/b.ini", "[scenario]\nbase = c.ini\n[m1a]\ncap = 200万\nrate = 4%\n", b,
	    sizeof b);
	put(dir, "sub/c.ini", "[m1a]\nrate = 3%\nmin_employees = 40\n", c, sizeof c);
	struct scenario *s = open_ok(a, NULL, 0);
	ck_assert_double_eq(s->pol.m1a.cap, 3e6);
	ck_assert_double_eq_tol(s->pol.m1a.rate, 0.04, 1e-15);
	ck_assert_double_eq(s->pol.m1a.min_employees, 40);
	ck_assert_double_eq(s->pol.m1a.min_paid_capital, 1e7);
	snprintf(want, sizeof want, "%s:4", a);
	ck_assert_str_eq(s->src[idx("m1a", "cap")], want);
	snprintf(want, sizeof want, "%s/sub/b.ini:5", dir);
	ck_assert_str_eq(s->src[idx("m1a", "rate")], want);
	snprintf(want, sizeof want, "%s/sub/c.ini:3", dir);
	ck_assert_str_eq(s->src[idx("m1a", "min_employees")], want);
	struct scenario *bi = builtin();
	ck_assert_str_eq(s->src[idx("m1a", "min_paid_capital")],
			 bi->src[idx("m1a", "min_paid_capital")]);
	ck_assert_str_eq(s->path, a);
	ck_assert_str_eq(s->name, "a");
	free(s);
	free(bi);
}
END_TEST

START_TEST(a_scenario_without_a_name_takes_its_own_file_name_not_its_bases)
{
	char dir[256], a[512], b[512];
	new_dir(dir, sizeof dir);
	put(dir, "b.ini", "[scenario]\nname = bee\n", b, sizeof b);
	put(dir, "a.ini", "[scenario]\nbase = b.ini\n", a, sizeof a);
	struct scenario *s = open_ok(a, NULL, 0);
	ck_assert_str_eq(s->name, "a");
	free(s);
	s = open_ok(b, NULL, 0);
	ck_assert_str_eq(s->name, "bee");
	free(s);
}
END_TEST

START_TEST(a_base_chain_that_loops_is_an_error)
{
	char dir[256], a[512], b[512], err[ERR_LEN];
	new_dir(dir, sizeof dir);
	put(dir, "a.ini", "[scenario]\nbase = b.ini\n", a, sizeof a);
	put(dir, "b.ini", "[scenario]\nbase = a.ini\n", b, sizeof b);
	open_fails(a, NULL, 0, err, sizeof err);
	ck_assert_has(err, "loops");
	ck_assert_has(err, "a.ini");
}
END_TEST

START_TEST(a_file_that_names_itself_as_base_is_a_loop)
{
	char dir[256], a[512], err[ERR_LEN];
	new_dir(dir, sizeof dir);
	put(dir, "self.ini", "[scenario]\nbase = self.ini\n", a, sizeof a);
	open_fails(a, NULL, 0, err, sizeof err);
	ck_assert_has(err, "loops");
	ck_assert_has(err, "self.ini");
}
END_TEST

/* The same two files, written ./b.ini and ./a.ini: still a loop. */
START_TEST(a_base_loop_spelt_with_dot_slash_is_still_reported_as_a_loop)
{
	char dir[256], a[512], b[512], err[ERR_LEN];
	new_dir(dir, sizeof dir);
	put(dir, "a.ini", "[scenario]\nbase = ./b.ini\n", a, sizeof a);
	put(dir, "b.ini", "[scenario]\nbase = ./a.ini\n", b, sizeof b);
	open_fails(a, NULL, 0, err, sizeof err);
	ck_assert_has(err, "loops");
}
END_TEST

START_TEST(a_missing_base_file_is_an_error_that_names_it)
{
	char dir[256], a[512], err[ERR_LEN];
	new_dir(dir, sizeof dir);
	put(dir, "a.ini", "[scenario]\nbase = nowhere.ini\n", a, sizeof a);
	open_fails(a, NULL, 0, err, sizeof err);
	ck_assert_has(err, "nowhere.ini");
	ck_assert_has(err, "cannot open");
}
END_TEST

START_TEST(a_missing_scenario_file_is_an_error_that_names_it)
{
	char dir[256], path[512], err[ERR_LEN];
	new_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/absent.ini", dir);
	open_fails(path, NULL, 0, err, sizeof err);
	ck_assert_has(err, path);
	ck_assert_has(err, "cannot open");
}
END_TEST

START_TEST(an_error_in_a_base_file_names_the_base_file_and_its_line)
{
	char dir[256], a[512], b[512], err[ERR_LEN];
	new_dir(dir, sizeof dir);
	put(dir, "a.ini", "[scenario]\nbase = b.ini\n[m1a]\ncap = 1万\n", a, sizeof a);
	put(dir, "b.ini", "[m1a]\n\ncap = lots\n", b, sizeof b);
	open_fails(a, NULL, 0, err, sizeof err);
	ck_at(err, b, 3);
	ck_assert_has(err, "[m1a] cap");
	ck_assert_has(err, "\"lots\"");
}
END_TEST

/* ---- --set ---- */

START_TEST(a_set_assignment_overrides_a_value_and_records_set_as_its_source)
{
	char *sets[] = {"m1a.cap=200万"};
	struct scenario *s = open_ok(NULL, sets, 1);
	ck_assert_double_eq(s->pol.m1a.cap, 2e6);
	ck_assert_str_eq(s->src[idx("m1a", "cap")], "--set");
	ck_assert_double_eq(s->pol.m1a.min_paid_capital, 1e7);
	free(s);
}
END_TEST

START_TEST(set_assignments_apply_after_the_file_and_in_order)
{
	char dir[256], path[512];
	new_dir(dir, sizeof dir);
	put(dir, "f.ini", "[m1a]\ncap = 200万\n", path, sizeof path);
	char *sets[] = {"m1a.cap=300万",          "m5a.rate=3‰",
			"m1a.cap=400万",          "m2.mode=each",
			"m1b.requires_m1a=false", "scenario.years=5"};
	struct scenario *s = open_ok(path, sets, 6);
	ck_assert_double_eq(s->pol.m1a.cap, 4e6);
	ck_assert_double_eq_tol(s->pol.e[L_M5A].rate, 0.003, 1e-18);
	ck_assert_int_eq(s->pol.m2.mode, M2_EACH);
	ck_assert(!s->pol.m1b.requires_m1a);
	ck_assert_int_eq(s->pol.years, 5);
	ck_assert_str_eq(s->src[idx("scenario", "years")], "--set");
	free(s);
}
END_TEST

static void set_fails(const char *assignment, char *err, size_t errlen)
{
	struct scenario *s = new_scenario();
	char e0[ERR_LEN];
	ck_assert_msg(scenario_load(s, NULL, e0, sizeof e0) == 0, "built-in: %s", e0);
	double cap = s->pol.m1a.cap;
	char src[SRC_LEN];
	snprintf(src, sizeof src, "%s", s->src[idx("m1a", "cap")]);
	err[0] = '\0';
	int rc = scenario_set(s, assignment, err, errlen);
	/* a refused assignment changes nothing */
	double after = s->pol.m1a.cap;
	int same_src = strcmp(src, s->src[idx("m1a", "cap")]) == 0;
	free(s);
	ck_assert_msg(rc == -1, "--set %s: expected an error", assignment);
	ck_assert_has(err, "--set ");
	ck_assert_has(err, assignment);
	ck_assert_double_eq(after, cap);
	ck_assert(same_src);
}

START_TEST(a_set_without_an_equals_sign_is_an_error_that_shows_the_form)
{
	char err[ERR_LEN];
	set_fails("m1a.cap", err, sizeof err);
	ck_assert_has(err, "expected section.key=value");
	set_fails("m1acap=5", err, sizeof err);
	ck_assert_has(err, "expected section.key=value");
	set_fails("m1a=cap.5", err, sizeof err);
	ck_assert_has(err, "expected section.key=value");
}
END_TEST

START_TEST(a_set_of_a_misspelt_key_suggests_the_right_one)
{
	char err[ERR_LEN];
	set_fails("m1a.capp=1", err, sizeof err);
	ck_assert_has(err, "unknown parameter m1a.capp");
	ck_assert_has(err, "did you mean cap?");
}
END_TEST

START_TEST(a_set_in_an_unknown_section_is_an_error)
{
	char err[ERR_LEN];
	set_fails("m9x.cap=1", err, sizeof err);
	ck_assert_has(err, "unknown parameter m9x.cap");
}
END_TEST

START_TEST(a_set_with_a_bad_value_names_the_key_and_the_value)
{
	char err[ERR_LEN];
	set_fails("m1a.cap=abc", err, sizeof err);
	ck_assert_has(err, "[m1a] cap: ");
	ck_assert_has(err, "\"abc\" is not a number");
	ck_assert_has(err, "100万");
	set_fails("m1a.cap=", err, sizeof err);
	ck_assert_has(err, "[m1a] cap: ");
	set_fails("m1a.cap=none", err, sizeof err); /* none drops tiers only */
	ck_assert_has(err, "\"none\"");
}
END_TEST

START_TEST(a_set_out_of_range_names_the_valid_range)
{
	char err[ERR_LEN];
	set_fails("m1a.cap=-5", err, sizeof err);
	ck_assert_has(err, "[m1a] cap: ");
	ck_assert_has(err, "\"-5\" is out of range");
	ck_assert_has(err, "0元 to ");
}
END_TEST

/* ---- error messages in files ---- */

START_TEST(an_unknown_section_is_named_with_its_line_and_the_closest_section)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\ncap = 1\n\n[m1x]\ncap = 2\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 4); /* the header line itself */
	ck_assert_has(err, "[m1x]");
	ck_assert_has(err, "unknown section");
	ck_assert_has(err, "did you mean [m1a]?");
}
END_TEST

START_TEST(an_unknown_section_with_no_keys_is_still_an_error)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\ncap = 1\n[m3x]\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 3);
	ck_assert_has(err, "[m3x]: unknown section");
	ck_assert_has(err, "did you mean [m3a]?");
}
END_TEST

START_TEST(an_unknown_key_is_named_with_its_line_and_the_closest_key)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\ncap = 1\ncapp = 2\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 3);
	ck_assert_has(err, "[m1a] capp");
	ck_assert_has(err, "unknown key");
	ck_assert_has(err, "did you mean cap?");
}
END_TEST

START_TEST(a_bad_amount_is_named_with_its_line_key_and_value)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\ncap = 100x万\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "[m1a] cap: ");
	ck_assert_has(err, "\"100x万\"");
	ck_assert_has(err, "is not an amount");
	ck_assert_has(err, "e.g. 100万");
}
END_TEST

START_TEST(a_share_above_100_percent_is_out_of_range_0_to_100_percent)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\nrate = 150%\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "[m1a] rate: ");
	ck_assert_has(err, "\"150%\"");
	ck_assert_has(err, "out of range");
	ck_assert_has(err, "0% to 100%");
}
END_TEST

START_TEST(a_negative_share_is_out_of_range)
{
	char path[512], err[ERR_LEN];
	file_fails("[m5a]\nenabled = true\nrate = -5%\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 3);
	ck_assert_has(err, "[m5a] rate: ");
	ck_assert_has(err, "\"-5%\"");
	ck_assert_has(err, "out of range");
	ck_assert_has(err, "0% to 100%");
}
END_TEST

START_TEST(a_bool_other_than_true_or_false_is_an_error)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1b]\nrequires_m1a = yes\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "[m1b] requires_m1a: ");
	ck_assert_has(err, "\"yes\"");
	ck_assert_has(err, "true or false");
}
END_TEST

START_TEST(an_unknown_mode_lists_each_valid_mode_once)
{
	char path[512], err[ERR_LEN];
	file_fails("[m2]\nmode = bogus\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "[m2] mode: ");
	ck_assert_has(err, "\"bogus\"");
	ck_assert_int_eq(count(err, "topup"), 1);
	ck_assert_int_eq(count(err, "each"), 1);
	ck_assert_int_eq(count(err, "once"), 1);
}
END_TEST

START_TEST(an_unknown_funding_source_lists_municipal_and_pooled)
{
	char path[512], err[ERR_LEN];
	file_fails("[m3a]\nfunding = provincial\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "[m3a] funding: ");
	ck_assert_has(err, "\"provincial\"");
	ck_assert_has(err, "municipal");
	ck_assert_has(err, "pooled");
}
END_TEST

START_TEST(a_key_set_twice_in_one_file_names_both_lines)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\ncap = 1\nrate = 5%\ncap = 2\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 4);
	ck_assert_has(err, "[m1a] cap");
	ck_assert_has(err, "set twice");
	ck_assert_has(err, "first at line 2");
}
END_TEST

START_TEST(a_key_set_again_in_a_repeated_section_is_set_twice)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\ncap = 1\n[m1b]\namount = 1\n[m1a]\ncap = 2\n", path, sizeof path, err,
		   sizeof err);
	ck_at(err, path, 6);
	ck_assert_has(err, "set twice");
	ck_assert_has(err, "first at line 2");
}
END_TEST

/* inih joins an indented line to the key above (a continuation): the
 * message says why that is a second value. */
START_TEST(an_indented_line_after_a_key_is_reported_as_set_twice)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\ncap = 100万\n  200万\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 3);
	ck_assert_has(err, "[m1a] cap");
	ck_assert_has(err, "set twice");
	ck_assert_has(err, "indented lines are not continuations");
}
END_TEST

START_TEST(a_key_before_any_section_is_an_error)
{
	char path[512], err[ERR_LEN];
	file_fails("; comment\ncap = 1\n[m1a]\nrate = 5%\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "cap");
	ck_assert_has(err, "outside any [section]");
}
END_TEST

START_TEST(a_line_that_is_neither_section_nor_key_is_a_syntax_error)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\ncap = 1\ngarbage without equals\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 3);
	ck_assert_has(err, "not a [section] or key = value line");
}
END_TEST

/* A user fixing a file top down wants the first problem first. */
START_TEST(the_first_error_in_a_file_is_reported_even_when_a_later_line_is_also_wrong)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\ngarbage without equals\ncapp = 1\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "not a [section] or key = value line");
}
END_TEST

static void long_line(char *buf, size_t len)
{
	buf[0] = ';';
	memset(buf + 1, 'x', len - 1);
	buf[len] = '\0';
}

START_TEST(a_line_longer_than_the_parser_allows_is_an_error)
{
	static char text[20000], l[9000];
	char path[512], err[ERR_LEN];
	long_line(l, 8500);
	snprintf(text, sizeof text, "[m1a]\ncap = 1\n%s\nrate = 5%%\n", l);
	file_fails(text, path, sizeof path, err, sizeof err);
	ck_at(err, path, 3);
	ck_assert_has(err, "longer than");
	ck_assert_has(err, "bytes");
}
END_TEST

/* The limit is the reader's own (8192 bytes, room for a base path of
 * PATH_MAX), no longer inih's 198. */
START_TEST(a_line_of_8192_bytes_is_read_and_8193_is_too_long)
{
	static char text[20000], l[9000];
	char dir[256], path[512], err[ERR_LEN];
	new_dir(dir, sizeof dir);
	long_line(l, 8192);
	snprintf(text, sizeof text, "[m1a]\n%s\ncap = 200万\n", l);
	put(dir, "ok.ini", text, path, sizeof path);
	struct scenario *s = open_ok(path, NULL, 0);
	ck_assert_double_eq(s->pol.m1a.cap, 2e6);
	free(s);
	long_line(l, 8193);
	snprintf(text, sizeof text, "[m1a]\n%s\ncap = 200万\n", l);
	file_fails(text, path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "longer than 8192 bytes");
}
END_TEST

/* After an error in one line, a long line later must neither crash nor
 * hide the first error. */
/* A name with a tab, ESC, backslash, quotes, a comment sign and edge
 * spaces is written quoted (scenario.resolved.ini) and reads back the same. */
START_TEST(a_quoted_name_with_escapes_reads_back_as_the_same_name)
{
	static const char *const names[] = {"a\tb\x1b[31mc\\d\"e\"", " lead",     "x ;y", "#z",
					    "line\nbreak\r",         "plain 情景"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char q[300], text[400], dir[256], path[512];
		scenario_quote(names[i], q, sizeof q);
		ck_assert_msg(!strpbrk(q, "\n\r\t\x1b"), "quoted form holds a control byte: %s", q);
		snprintf(text, sizeof text, "[scenario]\nname = %s\n", q);
		new_dir(dir, sizeof dir);
		put(dir, "q.ini", text, path, sizeof path);
		struct scenario *s = open_ok(path, NULL, 0);
		ck_assert_str_eq(s->name, names[i]);
		free(s);
	}
}
END_TEST

START_TEST(a_quoted_value_with_an_unknown_escape_or_no_closing_quote_is_an_error)
{
	char path[512], err[ERR_LEN];
	file_fails("[scenario]\nname = \"a\\qb\"\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "unknown escape");
	file_fails("[scenario]\nname = \"ab\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "closing \"");
	file_fails("[scenario]\nname = \"a\\x00\"\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "\\x");
}
END_TEST

START_TEST(a_base_that_is_a_folder_says_it_is_a_folder)
{
	char dir[256], path[512], sub[600], err[ERR_LEN];
	new_dir(dir, sizeof dir);
	snprintf(sub, sizeof sub, "%s/folder", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	put(dir, "a.ini", "[scenario]\nbase = folder\n", path, sizeof path);
	open_fails(path, NULL, 0, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "folder: is a folder");
}
END_TEST

/* 70 Chinese characters: the name is cut to at most 63 bytes at a character. */
START_TEST(a_name_from_a_long_file_name_is_cut_at_a_character)
{
	char dir[256], path[512], file[400] = "a";
	for (int i = 0; i < 70; i++)
		strcat(file, "情");
	strcat(file, ".ini");
	new_dir(dir, sizeof dir);
	put(dir, file, "[m1a]\ncap = 150万\n", path, sizeof path);
	struct scenario *s = open_ok(path, NULL, 0);
	ck_assert_uint_eq(strlen(s->name), 61); /* a and 20 characters of 3 bytes */
	ck_assert_int_eq(strncmp(s->name, file, 61), 0);
	ck_assert_str_eq(s->path, path);
	free(s);
}
END_TEST

/* A message longer than its buffer ends on a whole character. */
START_TEST(a_cut_message_ends_on_a_whole_character)
{
	char msg[64];
	snprintf(msg, sizeof msg, "情情情情情情情情情情情情情情情情情情情情情情");
	text_escape(msg, 8); /* room for two characters and a half */
	ck_assert_str_eq(msg, "情情");
}
END_TEST

START_TEST(a_long_line_after_an_earlier_error_is_read_safely)
{
	char path[512], err[ERR_LEN], text[600], l[400];
	long_line(l, 350);
	snprintf(text, sizeof text, "[m1a]\ncapp = 1\n%s\ncap = 1\n", l);
	file_fails(text, path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "unknown key");
}
END_TEST

START_TEST(a_value_too_long_for_a_scenario_name_is_an_error)
{
	char path[512], err[ERR_LEN], text[300], name[100];
	memset(name, 'n', 80);
	name[80] = '\0';
	snprintf(text, sizeof text, "[scenario]\nname = %s\n", name);
	file_fails(text, path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "[scenario] name");
	ck_assert_has(err, "1 to 63 bytes");
}
END_TEST

START_TEST(a_fractional_number_of_years_is_not_a_whole_number)
{
	char path[512], err[ERR_LEN];
	file_fails("[scenario]\nyears = 2.5\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "[scenario] years: ");
	ck_assert_has(err, "\"2.5\"");
	ck_assert_has(err, "not a whole number");
}
END_TEST

START_TEST(zero_years_is_out_of_range_1_to_20)
{
	char path[512], err[ERR_LEN];
	file_fails("[scenario]\nstart_year = 2026\nyears = 0\n", path, sizeof path, err,
		   sizeof err);
	ck_at(err, path, 3);
	ck_assert_has(err, "[scenario] years: ");
	ck_assert_has(err, "\"0\"");
	ck_assert_has(err, "out of range");
	ck_assert_has(err, "1 to 20");
}
END_TEST

START_TEST(a_start_year_outside_2000_to_2100_is_out_of_range)
{
	char path[512], err[ERR_LEN];
	file_fails("[scenario]\nstart_year = 1999\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 2);
	ck_assert_has(err, "[scenario] start_year: ");
	ck_assert_has(err, "\"1999\"");
	ck_assert_has(err, "2000 to 2100");
}
END_TEST

/* ---- tiers ---- */

START_TEST(tier_thresholds_must_increase_and_the_message_names_the_tier_that_does_not)
{
	struct scenario *b = builtin();
	char tier3_src[SRC_LEN];
	snprintf(tier3_src, sizeof tier3_src, "%s: ", b->src[idx("m3a", "tier3_revenue")]);
	free(b);
	char *sets[] = {"m3a.tier2_revenue=20亿"};
	char err[ERR_LEN];
	open_fails(NULL, sets, 1, err, sizeof err);
	ck_assert_msg(strncmp(err, tier3_src, strlen(tier3_src)) == 0, "\"%s\" should start \"%s\"",
		      err, tier3_src);
	ck_assert_has(err, "[m3a] tier3_revenue: ");
	ck_assert_has(err, "must increase");
	ck_assert_has(err, "tier2_revenue");
}
END_TEST

START_TEST(tier_thresholds_in_a_file_that_do_not_increase_name_the_file_line)
{
	char dir[256], path[512], err[ERR_LEN];
	new_dir(dir, sizeof dir);
	put(dir, "t.ini", "[m2]\ntier1_revenue = 2000万\ntier2_revenue = 2000万\n", path,
	    sizeof path);
	open_fails(path, NULL, 0, err, sizeof err);
	ck_at(err, path, 3);
	ck_assert_has(err, "[m2] tier2_revenue: ");
	ck_assert_has(err, "must increase");
}
END_TEST

START_TEST(m2_tier_staff_thresholds_may_not_decrease)
{
	char *sets[] = {"m2.tier2_employees=10"};
	char err[ERR_LEN];
	open_fails(NULL, sets, 1, err, sizeof err);
	ck_assert_has(err, "--set: [m2] tier2_employees: ");
	ck_assert_has(err, "must increase");
}
END_TEST

START_TEST(dropping_the_last_tier_with_none_leaves_two_tiers)
{
	char *sets[] = {"m3a.tier3_revenue=none", "m3a.tier3_amount=none"};
	struct scenario *s = open_ok(NULL, sets, 2);
	ck_assert_int_eq(s->pol.m3a.ntiers, 2);
	ck_assert(params_is_none(&s->pol, idx("m3a", "tier3_revenue")));
	char buf[32];
	params_format(&s->pol, idx("m3a", "tier3_amount"), buf, sizeof buf);
	ck_assert_str_eq(buf, "none");
	free(s);
}
END_TEST

START_TEST(dropping_a_tier_in_a_file_with_none_leaves_fewer_tiers)
{
	char dir[256], path[512];
	new_dir(dir, sizeof dir);
	put(dir, "t.ini", "[m3a]\ntier3_revenue = none\ntier3_amount = none\n", path, sizeof path);
	struct scenario *s = open_ok(path, NULL, 0);
	ck_assert_int_eq(s->pol.m3a.ntiers, 2);
	ck_assert_double_eq(s->pol.m3a.tier[1].amount, 3e6);
	free(s);
}
END_TEST

START_TEST(adding_a_fourth_tier_with_both_keys_gives_four_tiers)
{
	char *sets[] = {"m3a.tier4_revenue=20亿", "m3a.tier4_amount=800万",
			"m2.tier3_employees=100", "m2.tier3_revenue=1亿", "m2.tier3_amount=150万"};
	struct scenario *s = open_ok(NULL, sets, 5);
	ck_assert_int_eq(s->pol.m3a.ntiers, 4);
	ck_assert_double_eq(s->pol.m3a.tier[3].revenue, 2e9);
	ck_assert_double_eq(s->pol.m3a.tier[3].amount, 8e6);
	ck_assert_int_eq(s->pol.m2.ntiers, 3);
	free(s);
}
END_TEST

START_TEST(a_tier_set_after_a_missing_tier_is_an_error)
{
	char *sets[] = {"m3a.tier5_revenue=20亿", "m3a.tier5_amount=800万"};
	char err[ERR_LEN];
	open_fails(NULL, sets, 2, err, sizeof err);
	ck_assert_has(err, "--set: [m3a] tier5_revenue: ");
	ck_assert_has(err, "tier5 is set but tier4 is not");
}
END_TEST

START_TEST(a_tier_with_a_revenue_but_no_amount_is_an_error)
{
	char *sets[] = {"m3a.tier4_revenue=20亿"};
	char err[ERR_LEN];
	open_fails(NULL, sets, 1, err, sizeof err);
	ck_assert_has(err, "[m3a] tier4_amount: ");
	ck_assert_has(err, "tier4 needs tier4_amount too");
}
END_TEST

START_TEST(tier1_cannot_be_dropped)
{
	char *sets[] = {"m2.tier1_revenue=none"};
	char err[ERR_LEN];
	open_fails(NULL, sets, 1, err, sizeof err);
	ck_assert_has(err, "--set: [m2] tier1_revenue: ");
	ck_assert_has(err, "tier1 is required");
}
END_TEST

START_TEST(a_middle_tier_dropped_under_a_later_one_is_an_error)
{
	char *sets[] = {"m3a.tier2_revenue=none"};
	char err[ERR_LEN];
	open_fails(NULL, sets, 1, err, sizeof err);
	ck_assert_has(err, "[m3a] tier3_revenue: ");
	ck_assert_has(err, "tier3 is set but tier2 is not");
}
END_TEST

/* ---- the resolved scenario (found by tests/fuzz/fuzz_scenario.c) ---- */

/* Values that the policy's way of writing rounds: params_format wrote
 * 1000.001 yuan as "1000元", uniform(0.001, 0.004) as "uniform(0元, 0元)"
 * (which does not load), 12.3456789% as "12.345679%" and a 17-digit
 * number with 15. The resolved INI must load back to the very same run. */
START_TEST(a_resolved_scenario_loads_back_to_the_same_values_to_the_last_bit)
{
	char *sets[] = {"m1a.min_paid_capital=12345678.91", /* whole fen: finer is refused */
			"m1a.rate=12.3456789%",
			"firms.tail_alpha=1.2345678901234567", /* persons are whole */
			"firms.revenue=uniform(0.001, 0.004)",
			"firms.count=uniform(1200.1234567890123, 2000)",
			"m5a.rate=1.1%"};
	struct scenario *s = open_ok(NULL, sets, 6);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(f);
	report_resolved_ini(f, s);
	fclose(f);
	struct scenario *back = new_scenario();
	char err[ERR_LEN] = "";
	ck_assert_msg(scenario_load_text(back, "resolved.ini", text, err, sizeof err) == 0 &&
			      scenario_finish(back, err, sizeof err) == 0,
		      "the resolved scenario does not load: %s\n%s", err, text);
	size_t n;
	const struct param_def *d = params_table(&n);
	for (size_t i = 0; i < n; i++) {
		char a[160], b[160];
		params_format(&s->pol, (int)i, a, sizeof a);
		params_format(&back->pol, (int)i, b, sizeof b);
		ck_assert_msg(strcmp(a, b) == 0, "[%s] %s: %s, then %s", d[i].section, d[i].key, a,
			      b);
	}
	/* and each value's comment, so the same basis: the ratings agree */
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(scenario_comment(back, (int)i), scenario_comment(s, (int)i));
		ck_assert_msg(back->prov[i] == s->prov[i], "[%s] %s: basis %d, then %d",
			      d[i].section, d[i].key, s->prov[i], back->prov[i]);
	}
	ck_assert_str_ne(scenario_comment(back, idx("firms", "max_age")), "");
	ck_assert_str_eq(scenario_comment(back, idx("m1a", "rate")), ""); /* --set */
	ck_assert(back->pol.m1a.min_paid_capital == 12345678.91);
	ck_assert(back->pol.m1a.rate == s->pol.m1a.rate);
	ck_assert(back->pol.model.firms.tail_alpha == 1.2345678901234567);
	ck_assert(back->pol.e[L_M5A].rate == 0.011);
	free(text);
	free(s);
	free(back);
}
END_TEST

START_TEST(a_scenario_read_from_text_names_its_label_in_messages)
{
	struct scenario *s = new_scenario();
	char err[ERR_LEN] = "";
	ck_assert_int_eq(scenario_load_text(s, "typed.ini", "[m1a]\ncap = 200万\n", err,
					    sizeof err),
			 0);
	ck_assert_double_eq(s->pol.m1a.cap, 2e6);
	ck_assert_str_eq(s->name, "typed");
	ck_assert_int_eq(scenario_load_text(s, "typed.ini", "[m1a]\ncapp = 1\n", err, sizeof err),
			 -1);
	ck_assert_has(err, "typed.ini:2: [m1a] capp: unknown key");
	free(s);
}
END_TEST

/* Found by fuzz_scenario: the byte order mark check read three bytes of
 * a shorter text (heap overflow under ASan). Each prefix of a BOM, in a
 * buffer of exactly its size, is read without reading past it. */
START_TEST(a_text_shorter_than_a_byte_order_mark_is_read_within_its_bytes)
{
	static const char *const texts[] = {"", "\xEF", "\xEF\xBB"};
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(texts[i]) + 1;
		char *t = malloc(n); /* exactly its size: ASan sees any read past it */
		ck_assert_ptr_nonnull(t);
		memcpy(t, texts[i], n);
		struct scenario *sc = calloc(1, sizeof *sc);
		char err[ERR_LEN];
		scenario_load_text(sc, "short.ini", t, err, sizeof err);
		free(sc);
		free(t);
	}
}
END_TEST

/* regression: a GBK file (Notepad or WPS on Chinese Windows) was read as
 * bytes: its name went into out/______/ and scenario.resolved.ini as GBK,
 * and a Chinese section was "not a district". It reads as the panel does. */
START_TEST(a_gbk_scenario_is_read_as_utf8)
{
	char dir[256], path[512];
	new_dir(dir, sizeof dir);
	/* "[scenario]\nname = 中文名\n[district.园区]\nshare = 10%\n" in GBK */
	put(dir, "gbk.ini",
	    "[scenario]\nname = \xD6\xD0\xCE\xC4\xC3\xFB\n[district.\xD4\xB0\xC7\xF8]\n"
	    "share = 10%\n",
	    path, sizeof path);
	struct scenario *s = open_ok(path, NULL, 0);
	ck_assert_str_eq(s->name, "中文名");
	ck_assert(fabs(s->pol.district_rule[6].share - 0.10) < 1e-12); /* 苏州工业园区 */
	free(s);
}
END_TEST

START_TEST(a_scenario_neither_utf8_nor_gbk_names_its_line)
{
	char path[512], err[ERR_LEN];
	file_fails("[m1a]\n; \xD6\xD0 fine\ncap = 1\x80\n", path, sizeof path, err, sizeof err);
	ck_at(err, path, 3);
	ck_assert_ptr_nonnull(strstr(err, "neither UTF-8 nor GBK/GB18030 text"));
	ck_assert_ptr_nonnull(strstr(err, "save the file as UTF-8"));
}
END_TEST

START_TEST(a_utf16_scenario_says_how_to_save_it)
{
	char dir[256], path[512], err[ERR_LEN];
	new_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/u16.ini", dir);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	fwrite("\xFF\xFE[\0m\0]\0", 1, 8, f);
	fclose(f);
	open_fails(path, NULL, 0, err, sizeof err);
	ck_assert_ptr_nonnull(strstr(err, "UTF-16 text"));
	ck_assert_ptr_nonnull(strstr(err, "save it as UTF-8"));
}
END_TEST

static Suite *scenario_suite(void)
{
	Suite *s = suite_create("scenario");

	TCase *tc = tcase_create("built-in");
	tcase_add_test(tc, the_built_in_scenario_opens_with_no_file);
	tcase_add_test(tc, scenarios_opened_by_several_threads_at_once_equal_one_opened_alone);
	tcase_add_test(
		tc,
		every_required_parameter_of_the_built_in_scenario_is_set_at_a_line_of_suzhou_draft_ini);
	tcase_add_test(tc, the_built_in_scenario_has_the_policy_window_and_funding_defaults);
	tcase_add_test(tc, the_built_in_scenario_funds_every_line_as_the_registry_says);
	tcase_add_test(tc, every_registry_row_is_complete_and_found_by_its_name);
	tcase_add_test(tc, the_built_in_scenario_has_the_numbers_of_clauses_1_to_3);
	tcase_add_test(tc, the_built_in_scenario_has_the_numbers_of_clauses_4_to_13);
	tcase_add_test(tc, the_built_in_scenario_formats_values_as_the_policy_writes_them);
	suite_add_tcase(s, tc);

	tc = tcase_create("meanings");
	tcase_add_test(tc, every_meaning_is_the_table_s_in_english_and_has_its_chinese);
	tcase_add_test(tc, every_target_and_every_built_in_source_has_its_chinese);
	tcase_add_test(tc, meanings_built_from_the_registry_have_their_own_chinese);
	tcase_add_test(tc, every_unit_is_the_table_s_in_english_and_has_its_chinese);
	suite_add_tcase(s, tc);

	tc = tcase_create("files and bases");
	tcase_add_test(tc, a_text_shorter_than_a_byte_order_mark_is_read_within_its_bytes);
	tcase_add_unchecked_fixture(tc, make_root, remove_root);
	tcase_add_test(tc, a_file_without_base_changes_only_what_it_sets_on_top_of_the_built_in);
	tcase_add_test(tc, a_scenario_is_named_by_its_scenario_section);
	tcase_add_test(tc, base_builtin_names_the_built_in_scenario_explicitly);
	tcase_add_test(tc, a_file_accepts_inline_comments_crlf_line_ends_and_a_utf8_bom);
	tcase_add_test(tc, each_value_keeps_the_comment_that_says_why);
	tcase_add_test(tc, a_comment_past_its_length_is_cut_at_a_whole_character);
	tcase_add_test(tc, a_base_path_is_read_relative_to_the_folder_of_the_file_that_names_it);
	tcase_add_test(tc, a_scenario_without_a_name_takes_its_own_file_name_not_its_bases);
	tcase_add_test(tc, a_base_chain_that_loops_is_an_error);
	tcase_add_test(tc, a_file_that_names_itself_as_base_is_a_loop);
	tcase_add_test(tc, a_base_loop_spelt_with_dot_slash_is_still_reported_as_a_loop);
	tcase_add_test(tc, a_missing_base_file_is_an_error_that_names_it);
	tcase_add_test(tc, a_missing_scenario_file_is_an_error_that_names_it);
	tcase_add_test(tc, an_error_in_a_base_file_names_the_base_file_and_its_line);
	tcase_add_test(tc, a_gbk_scenario_is_read_as_utf8);
	tcase_add_test(tc, a_scenario_neither_utf8_nor_gbk_names_its_line);
	tcase_add_test(tc, a_utf16_scenario_says_how_to_save_it);
	suite_add_tcase(s, tc);

	tc = tcase_create("--set");
	tcase_add_unchecked_fixture(tc, make_root, remove_root);
	tcase_add_test(tc, a_set_assignment_overrides_a_value_and_records_set_as_its_source);
	tcase_add_test(tc, set_assignments_apply_after_the_file_and_in_order);
	tcase_add_test(tc, a_set_without_an_equals_sign_is_an_error_that_shows_the_form);
	tcase_add_test(tc, a_set_of_a_misspelt_key_suggests_the_right_one);
	tcase_add_test(tc, a_set_in_an_unknown_section_is_an_error);
	tcase_add_test(tc, a_set_with_a_bad_value_names_the_key_and_the_value);
	tcase_add_test(tc, a_set_out_of_range_names_the_valid_range);
	suite_add_tcase(s, tc);

	tc = tcase_create("error messages");
	tcase_add_unchecked_fixture(tc, make_root, remove_root);
	tcase_add_test(tc, an_unknown_section_is_named_with_its_line_and_the_closest_section);
	tcase_add_test(tc, an_unknown_section_with_no_keys_is_still_an_error);
	tcase_add_test(tc, an_unknown_key_is_named_with_its_line_and_the_closest_key);
	tcase_add_test(tc, a_bad_amount_is_named_with_its_line_key_and_value);
	tcase_add_test(tc, a_share_above_100_percent_is_out_of_range_0_to_100_percent);
	tcase_add_test(tc, a_negative_share_is_out_of_range);
	tcase_add_test(tc, a_bool_other_than_true_or_false_is_an_error);
	tcase_add_test(tc, an_unknown_mode_lists_each_valid_mode_once);
	tcase_add_test(tc, an_unknown_funding_source_lists_municipal_and_pooled);
	tcase_add_test(tc, a_key_set_twice_in_one_file_names_both_lines);
	tcase_add_test(tc, a_key_set_again_in_a_repeated_section_is_set_twice);
	tcase_add_test(tc, an_indented_line_after_a_key_is_reported_as_set_twice);
	tcase_add_test(tc, a_key_before_any_section_is_an_error);
	tcase_add_test(tc, a_line_that_is_neither_section_nor_key_is_a_syntax_error);
	tcase_add_test(tc,
		       the_first_error_in_a_file_is_reported_even_when_a_later_line_is_also_wrong);
	tcase_add_test(tc, a_line_longer_than_the_parser_allows_is_an_error);
	tcase_add_test(tc, a_line_of_8192_bytes_is_read_and_8193_is_too_long);
	tcase_add_test(tc, a_long_line_after_an_earlier_error_is_read_safely);
	tcase_add_test(tc, a_quoted_name_with_escapes_reads_back_as_the_same_name);
	tcase_add_test(tc, a_quoted_value_with_an_unknown_escape_or_no_closing_quote_is_an_error);
	tcase_add_test(tc, a_base_that_is_a_folder_says_it_is_a_folder);
	tcase_add_test(tc, a_name_from_a_long_file_name_is_cut_at_a_character);
	tcase_add_test(tc, a_cut_message_ends_on_a_whole_character);
	tcase_add_test(tc, a_value_too_long_for_a_scenario_name_is_an_error);
	tcase_add_test(tc, a_fractional_number_of_years_is_not_a_whole_number);
	tcase_add_test(tc, zero_years_is_out_of_range_1_to_20);
	tcase_add_test(tc, a_start_year_outside_2000_to_2100_is_out_of_range);
	suite_add_tcase(s, tc);

	tc = tcase_create("resolved scenario");
	tcase_add_test(tc, a_resolved_scenario_loads_back_to_the_same_values_to_the_last_bit);
	tcase_add_test(tc, a_scenario_read_from_text_names_its_label_in_messages);
	suite_add_tcase(s, tc);

	tc = tcase_create("tiers");
	tcase_add_unchecked_fixture(tc, make_root, remove_root);
	tcase_add_test(tc,
		       tier_thresholds_must_increase_and_the_message_names_the_tier_that_does_not);
	tcase_add_test(tc, tier_thresholds_in_a_file_that_do_not_increase_name_the_file_line);
	tcase_add_test(tc, m2_tier_staff_thresholds_may_not_decrease);
	tcase_add_test(tc, dropping_the_last_tier_with_none_leaves_two_tiers);
	tcase_add_test(tc, dropping_a_tier_in_a_file_with_none_leaves_fewer_tiers);
	tcase_add_test(tc, adding_a_fourth_tier_with_both_keys_gives_four_tiers);
	tcase_add_test(tc, a_tier_set_after_a_missing_tier_is_an_error);
	tcase_add_test(tc, a_tier_with_a_revenue_but_no_amount_is_an_error);
	tcase_add_test(tc, tier1_cannot_be_dropped);
	tcase_add_test(tc, a_middle_tier_dropped_under_a_later_one_is_an_error);
	suite_add_tcase(s, tc);

	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(scenario_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
