/* check_districts.c - who pays: the district of each recipient, the
 * districts' sharing rules ([district.X]), budget owners (owners.def) and
 * the provincial block ([funding] provincial_block).
 *
 * Rule tests compute expected amounts by hand, in fen. Run tests check
 * the add-up property in every replication: districts add up to their
 * line, owners to TOTAL and levels to the amount, to the fen; and compare
 * two scenarios at the same seed (common random numbers). */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "district.h"
#include "money.h"
#include "params.h"
#include "policy.h"
#include "rules.h"
#include "scenario.h"
#include "sim.h"
#include "totals.h"

#define WAN ((fen_t)1000000) /* 1万元 in fen */
#define FEN_TOL 0.005        /* half a fen, in yuan */
#define SIP 6                /* district.h: 苏州工业园区 */
#define GUSU 1               /* 姑苏区 */
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The scenario at path (NULL: the draft) with the assignments; caller
 * frees. */
static struct scenario *open_with(const char *path, const char *const *sets, int n)
{
	char err[ERR_LEN];
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	ck_assert_msg(scenario_open(s, path, (char *const *)sets, n, err, sizeof err) == 0, "%s",
		      err);
	return s;
}

/* The error a scenario with these assignments fails with. */
static const char *refused(const char *const *sets, int n)
{
	static char err[ERR_LEN];
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	int rc = scenario_open(s, NULL, (char *const *)sets, n, err, sizeof err);
	free(s);
	ck_assert_msg(rc != 0, "accepted: %s", sets[0]);
	return err;
}

static struct award split_at(const struct policy *p, enum line_id line, fen_t amount, int where)
{
	struct award a = {.line = line, .amount = amount, .where = where};
	rules_split(p, &a);
	ck_assert_int_eq(a.provincial + a.municipal + a.district, amount);
	return a;
}

/* ---- sharing rules ---- */

START_TEST(a_districts_share_of_zero_half_and_all_of_the_city_part)
{
	/* M8A is municipal: the non-provincial part is the whole 200万 */
	static const struct {
		const char *set;
		fen_t district;
	} cases[] = {{"district.苏州工业园区.share=0", 0},
		     {"district.苏州工业园区.share=50%", 100 * WAN},
		     {"district.苏州工业园区.share=100%", 200 * WAN}};
	for (size_t k = 0; k < N(cases); k++) {
		struct scenario *s = open_with(NULL, &cases[k].set, 1);
		struct award a = split_at(&s->pol, L_M8A, 200 * WAN, SIP);
		ck_assert_int_eq(a.provincial, 0);
		ck_assert_int_eq(a.district, cases[k].district);
		ck_assert_int_eq(a.municipal, 200 * WAN - cases[k].district);
		/* a recipient in another district keeps [funding] district_share 0 */
		a = split_at(&s->pol, L_M8A, 200 * WAN, GUSU);
		ck_assert_int_eq(a.district, 0);
		ck_assert_int_eq(a.municipal, 200 * WAN);
		free(s);
	}
}
END_TEST

START_TEST(a_pooled_line_shares_only_what_the_province_does_not_pay)
{
	const char *set[] = {"district.SIP.share=100%"};
	struct scenario *s = open_with(NULL, set, 1);
	/* M1A 100万 pooled, provincial 50%: P 50万, SIP pays the other 50万 */
	struct award a = split_at(&s->pol, L_M1A, 100 * WAN, SIP);
	ck_assert_int_eq(a.provincial, 50 * WAN);
	ck_assert_int_eq(a.district, 50 * WAN);
	ck_assert_int_eq(a.municipal, 0);
	free(s);
}
END_TEST

START_TEST(a_rule_for_one_line_comes_before_the_districts_share)
{
	const char *set[] = {"district.园区.share=100%", "district.苏州工业园区.m8a=25%",
			     "m8a.district_share=10%", "funding.district_share=40%"};
	struct scenario *s = open_with(NULL, set, 4);
	/* SIP's rule for M8A: 25% x 200万 = 50万 */
	struct award a = split_at(&s->pol, L_M8A, 200 * WAN, SIP);
	ck_assert_int_eq(a.district, 50 * WAN);
	ck_assert_int_eq(a.municipal, 150 * WAN);
	/* SIP's share for any other line, before the line's and [funding]'s */
	a = split_at(&s->pol, L_M10B, 200 * WAN, SIP);
	ck_assert_int_eq(a.district, 200 * WAN);
	/* a district without a rule: the line's 10%, else [funding]'s 40% */
	a = split_at(&s->pol, L_M8A, 200 * WAN, GUSU);
	ck_assert_int_eq(a.district, 20 * WAN);
	a = split_at(&s->pol, L_M10B, 200 * WAN, GUSU);
	ck_assert_int_eq(a.district, 80 * WAN);
	/* no district given (未指定): the same defaults */
	a = split_at(&s->pol, L_M10B, 200 * WAN, 0);
	ck_assert_int_eq(a.district, 80 * WAN);
	free(s);
}
END_TEST

START_TEST(an_award_paid_to_a_district_is_never_co_funded_by_it)
{
	const char *set[] = {"district.苏州工业园区.share=100%", "funding.district_share=50%"};
	struct scenario *s = open_with(NULL, set, 2);
	/* M9 200万 pooled: P 100万; the district that receives it pays none */
	for (int d = 0; d <= N_DISTRICTS; d++) {
		struct award a = split_at(&s->pol, L_M9, 200 * WAN, d);
		ck_assert_int_eq(a.provincial, 100 * WAN);
		ck_assert_int_eq(a.district, 0);
		ck_assert_int_eq(a.municipal, 100 * WAN);
	}
	free(s);
	const char *bad[] = {"district.SIP.m9=50%"};
	ck_assert_ptr_nonnull(strstr(refused(bad, 1), "never co-funds"));
	const char *bad2[] = {"m9.district_share=10%"};
	ck_assert_ptr_nonnull(strstr(refused(bad2, 1), "never co-funds"));
}
END_TEST

START_TEST(district_sections_take_short_names_and_refuse_unknown_ones)
{
	const char *set[] = {"district.Kunshan.share=100%"};
	struct scenario *s = open_with(NULL, set, 1);
	ck_assert_double_eq(s->pol.district_rule[9].share, 1);
	ck_assert(isnan(s->pol.district_rule[SIP].share));
	ck_assert_int_ge(params_find("district.昆山", "share"), 0);
	ck_assert_int_eq(params_find("district.昆山", "share"),
			 params_find("district.昆山市", "share"));
	free(s);
	const char *bad[] = {"district.上海.share=50%"};
	const char *err = refused(bad, 1);
	ck_assert_ptr_nonnull(strstr(err, "not one of Suzhou's districts"));
	ck_assert_ptr_nonnull(strstr(err, "苏州工业园区 (园区/工业园区/SIP)"));
	const char *range[] = {"district.SIP.share=150%"};
	ck_assert_ptr_nonnull(strstr(refused(range, 1), "out of range"));
	/* every district of the table has its section */
	for (int d = 1; d <= N_DISTRICTS; d++) {
		char sec[64];
		snprintf(sec, sizeof sec, "district.%s", district_name(d));
		ck_assert_int_ge(params_find(sec, "share"), 0);
		ck_assert_int_ge(params_find(sec, "firms"), 0);
		ck_assert_int_ge(params_find(sec, "m12a"), 0);
	}
}
END_TEST

/* ---- the provincial block ---- */

/* Three pooled M1A awards of 100万, 60万, 40万 (provincial 50%: 50万,
 * 30万, 20万, 100万 in all) and a municipal M3A award of 200万. */
struct year {
	struct award a[4];
	struct award *p[4];
};

static void year_of(const struct policy *pol, struct year *y)
{
	static const fen_t amt[] = {100 * WAN, 60 * WAN, 40 * WAN, 200 * WAN};
	for (int i = 0; i < 4; i++) {
		y->a[i] = (struct award){.line = i < 3 ? L_M1A : L_M3A,
					 .amount = amt[i],
					 .where = i == 0 ? SIP : GUSU};
		rules_split(pol, &y->a[i]);
		y->p[i] = &y->a[i];
	}
}

START_TEST(a_block_above_or_at_what_the_pooled_lines_ask_changes_nothing)
{
	static const char *const blocks[] = {"funding.provincial_block=200万",
					     "funding.provincial_block=100万",
					     "funding.provincial_block=0"};
	for (size_t k = 0; k < N(blocks); k++) {
		struct scenario *s = open_with(NULL, &blocks[k], 1);
		struct year y, before;
		year_of(&s->pol, &y);
		before = y;
		ck_assert_int_eq(rules_block(&s->pol, y.p, 4), 0);
		ck_assert_mem_eq(y.a, before.a, sizeof y.a);
		free(s);
	}
}
END_TEST

START_TEST(a_spent_block_is_shared_pro_rata_and_the_city_pays_the_rest)
{
	const char *set[] = {"funding.provincial_block=80万", "district.SIP.share=50%"};
	struct scenario *s = open_with(NULL, set, 2);
	struct year y;
	year_of(&s->pol, &y);
	/* asked 100万 of an 80万 block: each gets 80%: 40万, 24万, 16万 */
	ck_assert_int_eq(rules_block(&s->pol, y.p, 4), 20 * WAN);
	static const fen_t pr[] = {40 * WAN, 24 * WAN, 16 * WAN};
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(y.a[i].provincial, pr[i]);
		ck_assert_int_eq(y.a[i].provincial + y.a[i].municipal + y.a[i].district,
				 y.a[i].amount);
	}
	/* SIP's recipient: rest 60万, half of it SIP's */
	ck_assert_int_eq(y.a[0].district, 30 * WAN);
	ck_assert_int_eq(y.a[0].municipal, 30 * WAN);
	/* 姑苏区's: the city pays the rest alone */
	ck_assert_int_eq(y.a[1].municipal, 36 * WAN);
	ck_assert_int_eq(y.a[2].municipal, 24 * WAN);
	/* the municipal line is no part of the block */
	ck_assert_int_eq(y.a[3].provincial, 0);
	ck_assert_int_eq(y.a[3].municipal, 200 * WAN);
	free(s);
}
END_TEST

START_TEST(a_spent_block_adds_up_to_the_block_to_the_fen)
{
	const char *set[] = {"funding.provincial_block=5", "funding.provincial_share=33%"};
	struct scenario *s = open_with(NULL, set, 2);
	struct award a[7], *p[7];
	fen_t want = 0;
	for (int i = 0; i < 7; i++) {
		a[i] = (struct award){.line = L_M2, .amount = 1001 + 37 * i, .where = i % 11};
		rules_split(&s->pol, &a[i]);
		want += a[i].provincial;
		p[i] = &a[i];
	}
	ck_assert_int_eq(rules_block(&s->pol, p, 7), want - 500);
	fen_t got = 0;
	for (int i = 0; i < 7; i++) {
		got += a[i].provincial;
		ck_assert_int_ge(a[i].municipal, 0);
		ck_assert_int_eq(a[i].provincial + a[i].municipal + a[i].district, a[i].amount);
	}
	ck_assert_int_eq(got, 500); /* 5 yuan */
	free(s);
}
END_TEST

/* ---- runs: the add-up property, owners, the block's marginal cost ---- */

static void run(const struct scenario *s, long reps, struct sim_output *o)
{
	char err[ERR_LEN];
	struct sim_config c = {.seed = 5, .reps = reps, .threads = 2};
	ck_assert_msg(sim_run(&s->pol, &c, o, err, sizeof err) == 0, "%s", err);
	ck_assert_ptr_nonnull(o->rows);
}

static double cell(const struct sim_output *o, long r, size_t col)
{
	return o->rows[(size_t)r * o->layout.width + col];
}

/* Districts add up to their line, owners to TOTAL, levels to the amount:
 * to the fen, in every replication. */
static void check_adds_up(const struct scenario *s, const struct sim_output *o)
{
	const struct sim_layout *l = &o->layout;
	int all = l->years;
	for (long r = 0; r < o->reps; r++) {
		for (int line = 0; line <= N_LINES; line++) {
			for (int lv = 0; lv < N_LEVELS; lv++) {
				double sum = 0;
				for (int d = 0; d < N_WHERE; d++)
					sum += cell(o, r, sim_district(l, d, line, lv));
				double want = cell(o, r, sim_money(l, line, all, lv));
				ck_assert_msg(fabs(sum - want) < FEN_TOL,
					      "rep %ld line %d lv %d: %.2f != %.2f", r, line, lv,
					      sum, want);
			}
			for (int d = 0; d < N_WHERE; d++) {
				double lv3 = 0;
				for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++)
					lv3 += cell(o, r, sim_district(l, d, line, lv));
				ck_assert(
					fabs(lv3 - cell(o, r, sim_district(l, d, line, LV_TOTAL))) <
					FEN_TOL);
			}
		}
		for (int y = 0; y <= sim_within(l); y++) { /* paid years, all, within */
			for (int lv = 0; lv < N_LEVELS; lv++) {
				double sum = 0, fresh = 0;
				for (int k = 0; k < N_OWNERS; k++) {
					double v = cell(o, r, sim_owner(l, k, y, lv));
					sum += v;
					fresh += s->pol.owner_new[k] ? v : 0;
				}
				ck_assert(fabs(sum - cell(o, r, sim_money(l, N_LINES, y, lv))) <
					  FEN_TOL);
				ck_assert(fabs(fresh - cell(o, r, sim_owner(l, N_OWNERS, y, lv))) <
					  FEN_TOL);
			}
		}
	}
}

START_TEST(districts_owners_and_levels_add_up_to_the_fen_in_the_draft)
{
	struct scenario *s = open_with(NULL, NULL, 0);
	struct sim_output o;
	run(s, 40, &o);
	check_adds_up(s, &o);
	/* every recipient is placed: nothing goes unassigned in a run */
	for (long r = 0; r < o.reps; r++)
		ck_assert_double_eq(cell(&o, r, sim_district(&o.layout, 0, N_LINES, LV_TOTAL)), 0);
	sim_output_free(&o);
	free(s);
}
END_TEST

START_TEST(districts_owners_and_levels_add_up_to_the_fen_with_sharing_rules_and_a_cap)
{
	const char *set[] = {"budget.annual_total=3亿", "budget.rule=prorata",
			     "funding.provincial_block=2000万"};
	struct scenario *s = open_with("scenarios/suzhou-districts.ini", set, 3);
	struct sim_output o;
	run(s, 40, &o);
	check_adds_up(s, &o);
	const struct sim_layout *l = &o.layout;
	for (long r = 0; r < o.reps; r++) {
		/* the block: the province pays at most 2000万 a year */
		for (int y = 0; y < l->years; y++)
			ck_assert(cell(&o, r, sim_money(l, N_LINES, y, LV_PROVINCIAL)) <
				  2000 * 1e4 + FEN_TOL);
	}
	sim_output_free(&o);
	free(s);
	/* priorities and carry-forward move money between years and lines:
	 * the districts follow their lines to the fen */
	const char *prio[] = {"budget.annual_total=3亿", "budget.rule=priority",
			      "budget.priority=m12a,m7a", "budget.carry_forward=true",
			      "funding.provincial_block=2000万"};
	s = open_with("scenarios/suzhou-districts.ini", prio, 5);
	run(s, 20, &o);
	check_adds_up(s, &o);
	sim_output_free(&o);
	free(s);
	/* without 总量控制's rounding, the rules hold to the fen */
	const char *block[] = {"funding.provincial_block=500万"};
	s = open_with("scenarios/suzhou-districts.ini", block, 1);
	run(s, 40, &o);
	check_adds_up(s, &o);
	for (long r = 0; r < o.reps; r++) {
		/* SIP pays all of the city's part of its own recipients (no M9 there) */
		double sip_d = cell(&o, r, sim_district(l, SIP, N_LINES, LV_DISTRICT)) -
			       cell(&o, r, sim_district(l, SIP, L_M9, LV_DISTRICT));
		double sip_m = cell(&o, r, sim_district(l, SIP, N_LINES, LV_MUNICIPAL)) -
			       cell(&o, r, sim_district(l, SIP, L_M9, LV_MUNICIPAL));
		ck_assert_double_gt(sip_d, 0);
		ck_assert(fabs(sip_m) < FEN_TOL);
		ck_assert_double_eq(cell(&o, r, sim_district(l, SIP, L_M9, LV_DISTRICT)), 0);
		for (int y = 0; y < l->horizon; y++) /* spent (the tail pays little) */
			ck_assert(fabs(cell(&o, r, sim_money(l, N_LINES, y, LV_PROVINCIAL)) -
				       500 * 1e4) < FEN_TOL);
	}
	sim_output_free(&o);
	free(s);
}
END_TEST

START_TEST(an_owner_given_to_a_line_takes_exactly_its_cost)
{
	struct scenario *a = open_with(NULL, NULL, 0);
	const char *set[] = {"m6a.owner=software_fund", "owner.sci_tech.new_money=true"};
	struct scenario *b = open_with(NULL, set, 2);
	struct sim_output oa, ob;
	run(a, 20, &oa);
	run(b, 20, &ob);
	const struct sim_layout *l = &oa.layout;
	int all = l->years;
	for (long r = 0; r < oa.reps; r++) {
		double m6a = cell(&oa, r, sim_money(l, L_M6A, all, LV_TOTAL));
		double sw_a = cell(&oa, r, sim_owner(l, OWN_SOFTWARE_FUND, all, LV_TOTAL));
		double sw_b = cell(&ob, r, sim_owner(l, OWN_SOFTWARE_FUND, all, LV_TOTAL));
		double st_a = cell(&oa, r, sim_owner(l, OWN_SCI_TECH, all, LV_TOTAL));
		double st_b = cell(&ob, r, sim_owner(l, OWN_SCI_TECH, all, LV_TOTAL));
		ck_assert(fabs(sw_b - sw_a - m6a) < FEN_TOL);
		ck_assert(fabs(st_a - st_b - m6a) < FEN_TOL);
		/* the draft: new money is the software fund alone */
		ck_assert(fabs(cell(&oa, r, sim_owner(l, N_OWNERS, all, LV_TOTAL)) - sw_a) <
			  FEN_TOL);
		/* sci_tech counted as new: software fund + sci_tech */
		ck_assert(fabs(cell(&ob, r, sim_owner(l, N_OWNERS, all, LV_TOTAL)) - sw_b - st_b) <
			  FEN_TOL);
	}
	check_adds_up(b, &ob);
	sim_output_free(&oa);
	sim_output_free(&ob);
	free(a);
	free(b);
}
END_TEST

/* The cap what-if of issue 12: with the block spent every year, raising
 * M1A's cap costs the city the whole increase; without a block the
 * province pays its share of it. */
START_TEST(once_the_block_is_spent_the_city_pays_the_full_marginal_cost)
{
	const char *lo_b[] = {"funding.provincial_block=100万", "m1a.cap=100万"};
	const char *hi_b[] = {"funding.provincial_block=100万", "m1a.cap=150万"};
	const char *hi_n[] = {"m1a.cap=150万"};
	struct scenario *lo = open_with(NULL, lo_b, 2), *hi = open_with(NULL, hi_b, 2);
	struct scenario *base = open_with(NULL, NULL, 0), *hin = open_with(NULL, hi_n, 1);
	struct sim_output olo, ohi, obase, ohin;
	run(lo, 30, &olo);
	run(hi, 30, &ohi);
	run(base, 30, &obase);
	run(hin, 30, &ohin);
	const struct sim_layout *l = &olo.layout;
	int all = l->years;
	double moved = 0;
	for (long r = 0; r < olo.reps; r++) {
		double dt = cell(&ohi, r, sim_money(l, N_LINES, all, LV_TOTAL)) -
			    cell(&olo, r, sim_money(l, N_LINES, all, LV_TOTAL));
		double dp = cell(&ohi, r, sim_money(l, N_LINES, all, LV_PROVINCIAL)) -
			    cell(&olo, r, sim_money(l, N_LINES, all, LV_PROVINCIAL));
		double dm = cell(&ohi, r, sim_money(l, N_LINES, all, LV_MUNICIPAL)) -
			    cell(&olo, r, sim_money(l, N_LINES, all, LV_MUNICIPAL));
		/* the block (100万 a year) is spent in the policy's paid years: the
		 * province pays it, no more (the tail years pay little) */
		for (int y = 0; y < l->horizon; y++)
			ck_assert(fabs(cell(&olo, r, sim_money(l, N_LINES, y, LV_PROVINCIAL)) -
				       100 * 1e4) < FEN_TOL);
		ck_assert(fabs(dp) < FEN_TOL);
		ck_assert(fabs(dm - dt) < FEN_TOL); /* district share 0: the city pays it all */
		moved += dt;
		/* without a block: the province pays half of the pooled M1A increase */
		double nt = cell(&ohin, r, sim_money(l, N_LINES, all, LV_TOTAL)) -
			    cell(&obase, r, sim_money(l, N_LINES, all, LV_TOTAL));
		double nm = cell(&ohin, r, sim_money(l, N_LINES, all, LV_MUNICIPAL)) -
			    cell(&obase, r, sim_money(l, N_LINES, all, LV_MUNICIPAL));
		ck_assert(fabs(nt - dt) < FEN_TOL); /* the same awards either way */
		ck_assert(fabs(nm - nt / 2) < 1);   /* half, but for each award's fen rounding */
	}
	ck_assert_double_gt(moved, 0); /* the what-if moved something */
	sim_output_free(&olo);
	sim_output_free(&ohi);
	sim_output_free(&obase);
	sim_output_free(&ohin);
	free(lo);
	free(hi);
	free(base);
	free(hin);
}
END_TEST

/* Where recipients are follows the weights: all firms in SIP puts every
 * firm line's money there; and the district draw moves no other draw. */
START_TEST(recipients_are_placed_by_the_weights_without_moving_any_draw)
{
	const char *set[] = {"district.姑苏区.firms=0",   "district.虎丘区.firms=0",
			     "district.吴中区.firms=0",   "district.相城区.firms=0",
			     "district.吴江区.firms=0",   "district.常熟市.firms=0",
			     "district.张家港市.firms=0", "district.昆山市.firms=0",
			     "district.太仓市.firms=0",   "district.苏州工业园区.firms=100%"};
	struct scenario *a = open_with(NULL, NULL, 0), *b = open_with(NULL, set, 10);
	struct sim_output oa, ob;
	run(a, 20, &oa);
	run(b, 20, &ob);
	const struct sim_layout *l = &oa.layout;
	int all = l->years;
	for (long r = 0; r < oa.reps; r++) {
		for (int line = 0; line < N_LINES; line++) {
			double v = cell(&ob, r, sim_money(l, line, all, LV_TOTAL));
			/* the same money either way: placing draws nothing */
			ck_assert(fabs(v - cell(&oa, r, sim_money(l, line, all, LV_TOTAL))) <
				  FEN_TOL);
			bool talent = line >= L_M12A || line == L_M9;
			if (!talent)
				ck_assert(fabs(cell(&ob, r, sim_district(l, SIP, line, LV_TOTAL)) -
					       v) < FEN_TOL);
		}
	}
	sim_output_free(&oa);
	sim_output_free(&ob);
	free(a);
	free(b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("districts");
	TCase *tc = tcase_create("sharing rules");
	tcase_add_test(tc, a_districts_share_of_zero_half_and_all_of_the_city_part);
	tcase_add_test(tc, a_pooled_line_shares_only_what_the_province_does_not_pay);
	tcase_add_test(tc, a_rule_for_one_line_comes_before_the_districts_share);
	tcase_add_test(tc, an_award_paid_to_a_district_is_never_co_funded_by_it);
	tcase_add_test(tc, district_sections_take_short_names_and_refuse_unknown_ones);
	suite_add_tcase(s, tc);
	tc = tcase_create("provincial block");
	tcase_add_test(tc, a_block_above_or_at_what_the_pooled_lines_ask_changes_nothing);
	tcase_add_test(tc, a_spent_block_is_shared_pro_rata_and_the_city_pays_the_rest);
	tcase_add_test(tc, a_spent_block_adds_up_to_the_block_to_the_fen);
	suite_add_tcase(s, tc);
	tc = tcase_create("runs");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, districts_owners_and_levels_add_up_to_the_fen_in_the_draft);
	tcase_add_test(tc,
		       districts_owners_and_levels_add_up_to_the_fen_with_sharing_rules_and_a_cap);
	tcase_add_test(tc, an_owner_given_to_a_line_takes_exactly_its_cost);
	tcase_add_test(tc, once_the_block_is_spent_the_city_pays_the_full_marginal_cost);
	tcase_add_test(tc, recipients_are_placed_by_the_weights_without_moving_any_draw);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
