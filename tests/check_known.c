/* check_known.c - known approvals seed a run (issue 12, item 7): the
 * entities file's approved rows are paid as approved, each line's
 * applicants are sampled only after the rounds the file covers (no double
 * counting), pending rows are approved with [known] pending from streams
 * of their own, a known centre goes on to its reviews, and the bureau's
 * panel is known: no entrants in the years it covers, its rows' awards
 * paid as `award` pays them. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inputs.h"
#include "scenario.h"
#include "sim.h"
#include "tmpdir.h"

#define PANEL "tests/data/panel-example.csv"

static char dir[64];

static struct scenario *open_sets(int n, const char **sets)
{
	char err[ERR_LEN];
	struct scenario *s = calloc(1, sizeof *s);
	ck_assert_ptr_nonnull(s);
	ck_assert_msg(scenario_open(s, NULL, (char **)sets, n, err, sizeof err) == 0, "%s", err);
	return s;
}

/* Write text to DIR/name and load it as an entities file. */
static void load(const char *name, const char *text, struct entities *e)
{
	char path[128], err[ERR_LEN];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ck_assert_msg(entities_load(path, e, err, sizeof err) == 0, "%s", err);
}

/* The error loading text, into err. */
static void load_fails(const char *text, char *err, size_t n)
{
	char path[128];
	struct entities e;
	snprintf(path, sizeof path, "%s/bad.csv", dir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(entities_load(path, &e, err, n), -1);
}

struct run {
	struct sim_layout l;
	double *row;
};

static void rep(const struct policy *p, const struct panel *stock, const struct entities *known,
		long r, struct run *out)
{
	sim_layout(p, &out->l);
	out->row = realloc(out->row, out->l.width * sizeof *out->row);
	struct sim_work *w = sim_work_new();
	ck_assert_ptr_nonnull(w);
	sim_rep(p, stock, known, 7, r, &out->l, out->row, w, NULL);
	sim_work_free(w);
}

static double cell(const struct run *r, int line, int y)
{
	return r->row[sim_money(&r->l, line, y, LV_TOTAL)];
}

/* R01, R02: 30% of 2000万 = 600万 and of 5000万 = 1500万, capped at 1000万;
 * P02 provincial park 200万; T01 shortage talent granted 25万 (cap 30万). */
static const char known_file[] = "entity_id,line,year,level,base,granted,status\n"
				 "R01,M6A,2025,,20000000,,approved\n"
				 "R02,M6A,2026,,50000000,,已拨付\n"
				 "P02,M4,2025,provincial,,,\n"
				 "T01,M12C,2025,,,250000,已立项\n";

/* Known award of line and paid-year index (paid 2026 = index 0). */
static double known_award(int line, int y)
{
	if (line == L_M6A)
		return y == 0 ? 6e6 : y == 1 ? 1e7 : 0;
	if (line == L_M4)
		return y == 0 ? 2e6 : 0;
	if (line == L_M12C)
		return y == 0 ? 2.5e5 : 0;
	return 0;
}

/* The last qualifying year the file covers of a line (paid a year later). */
static int cover(int line)
{
	return line == L_M6A ? 2026 : line == L_M4 || line == L_M12C ? 2025 : 0;
}

START_TEST(statuses_read_in_english_and_chinese_and_default_to_approved)
{
	struct entities e;
	load("st.csv",
	     "entity_id,line,year,granted,状态\n"
	     "A,M12C,2025,1,approved\nB,M12C,2025,1,已批准\nC,M12C,2025,1,已立项\n"
	     "D,M12C,2025,1,paid\nE,M12C,2025,1,已拨付\nF,M12C,2025,1,已支付\n"
	     "G,M12C,2025,1,pending\nH,M12C,2025,1,待审\nI,M12C,2025,1,申报中\n"
	     "J,M12C,2025,1,\n",
	     &e);
	ck_assert_uint_eq(e.n, 10);
	static const enum entity_status want[] = {STATUS_APPROVED, STATUS_APPROVED, STATUS_APPROVED,
						  STATUS_PAID,     STATUS_PAID,     STATUS_PAID,
						  STATUS_PENDING,  STATUS_PENDING,  STATUS_PENDING,
						  STATUS_APPROVED};
	for (size_t g = 0; g < e.groups.count; g++) {
		int k = group_id(&e.groups, g)[0] - 'A';
		ck_assert_int_eq(e.rows[e.groups.start[g]].status, want[k]);
	}
	entities_free(&e);
}
END_TEST

START_TEST(a_bad_status_names_file_line_and_column)
{
	char err[ERR_LEN];
	load_fails("entity_id,line,year,granted,status\nA,M12C,2025,1,approved\n"
		   "B,M12C,2025,1,rejected\n",
		   err, sizeof err);
	ck_assert_msg(strstr(err, "bad.csv:3") && strstr(err, "status") &&
			      strstr(err, "\"rejected\"") && strstr(err, "pending"),
		      "%s", err);
}
END_TEST

/* With no sampled applicants of the known lines, the run with the file is
 * the run without it plus exactly the known awards, cell by cell. */
START_TEST(known_approvals_add_exactly_their_awards)
{
	const char *sets[] = {"pop.m6a.per_year=0", "pop.m4.provincial_per_year=0",
			      "pop.m4.national_per_year=0", "pop.m12c.per_year=0"};
	struct scenario *s = open_sets(4, sets);
	struct entities e;
	load("known.csv", known_file, &e);
	struct run a = {0}, b = {0};
	for (long r = 0; r < 3; r++) {
		rep(&s->pol, NULL, NULL, r, &a);
		rep(&s->pol, NULL, &e, r, &b);
		double sum[MAX_YEARS] = {0}; /* every paid year, the tail after the horizon too */
		for (int line = 0; line < N_LINES; line++)
			for (int y = 0; y < a.l.years; y++) {
				ck_assert_double_eq_tol(cell(&b, line, y) - cell(&a, line, y),
							known_award(line, y), 1e-6);
				sum[y] += known_award(line, y);
			}
		for (int y = 0; y < a.l.years; y++)
			ck_assert_double_eq_tol(cell(&b, N_LINES, y) - cell(&a, N_LINES, y), sum[y],
						1e-6);
	}
	entities_free(&e);
	free(a.row);
	free(b.row);
	free(s);
}
END_TEST

/* With applicants sampled (the default), a year the file covers holds
 * the known awards only, and a later year is the run without the file to
 * the fen (its applicants draw from their own streams): nothing counted
 * twice, nothing moved. */
START_TEST(sampled_applicants_come_only_after_the_rounds_the_file_covers)
{
	struct scenario *s = open_sets(0, NULL);
	struct entities e;
	load("known.csv", known_file, &e);
	struct run a = {0}, b = {0};
	int sampled_before = 0;
	for (long r = 0; r < 5; r++) {
		rep(&s->pol, NULL, NULL, r, &a);
		rep(&s->pol, NULL, &e, r, &b);
		for (int line = 0; line < N_LINES; line++)
			for (int y = 0; y < a.l.years; y++) {
				bool covered = s->pol.start_year + y <= cover(line);
				if (covered) {
					ck_assert_double_eq_tol(cell(&b, line, y),
								known_award(line, y), 1e-6);
					sampled_before += cell(&a, line, y) > 0;
				} else {
					ck_assert_double_eq(cell(&b, line, y), cell(&a, line, y));
				}
			}
	}
	ck_assert_int_gt(sampled_before, 0); /* the file did replace sampled awards */
	entities_free(&e);
	free(a.row);
	free(b.row);
	free(s);
}
END_TEST

/* A pending talent (25万) is paid in about [known] pending of the
 * replications, never at 0, always at 100%; other lines do not move. */
START_TEST(pending_rows_are_approved_with_their_own_draws)
{
	static const char *const share[] = {"known.pending=0", "known.pending=30%",
					    "known.pending=100%"};
	struct entities e;
	load("pending.csv", "entity_id,line,year,granted,status\nT09,M12C,2025,250000,待审\n", &e);
	for (int k = 0; k < 3; k++) {
		const char *sets[] = {"pop.m12c.per_year=0", share[k]};
		struct scenario *s = open_sets(2, sets);
		struct run a = {0}, b = {0};
		int n = 400, paid = 0;
		for (long r = 0; r < n; r++) {
			rep(&s->pol, NULL, &e, r, &b);
			double v = cell(&b, L_M12C, 0);
			ck_assert(v == 0 || v == 2.5e5);
			paid += v > 0;
			if (r < 3) { /* every other line as without the file */
				rep(&s->pol, NULL, NULL, r, &a);
				for (int line = 0; line < N_LINES; line++)
					if (line != L_M12C)
						ck_assert_double_eq(cell(&b, line, 0),
								    cell(&a, line, 0));
			}
		}
		if (k == 0)
			ck_assert_int_eq(paid, 0);
		else if (k == 2)
			ck_assert_int_eq(paid, n);
		else /* binomial(400, 0.3): sd 9.2; 4 sigma */
			ck_assert_msg(fabs(paid - 0.3 * n) < 4 * sqrt(n * 0.3 * 0.7), "%d", paid);
		free(a.row);
		free(b.row);
		free(s);
	}
	entities_free(&e);
}
END_TEST

/* A centre approved in the latest round goes on to its reviews: every
 * year to its third with pass = 100%, no further with pass = 0. */
START_TEST(a_known_centre_goes_on_to_its_reviews)
{
	struct entities e;
	load("centre.csv", "entity_id,line,year,level,granted\nIC9,M7A,2025,provincial,4000000\n",
	     &e);
	for (int pass = 0; pass <= 1; pass++) {
		const char *sets[] = {"pop.m7a.per_year=0",
				      pass ? "pop.m7a.pass=100%" : "pop.m7a.pass=0"};
		struct scenario *s = open_sets(2, sets);
		struct run b = {0};
		rep(&s->pol, NULL, &e, 0, &b);
		ck_assert_double_eq_tol(cell(&b, L_M7A, 0), 4e6, 1e-6);
		ck_assert_double_eq_tol(cell(&b, L_M7A, 1), pass ? 4e6 : 0, 1e-6);
		ck_assert_double_eq_tol(cell(&b, L_M7A, 2), pass ? 4e6 : 0, 1e-6);
		free(b.row);
		free(s);
	}
	entities_free(&e);
}
END_TEST

static void add(void *ctx, const struct award *a)
{
	totals_add(ctx, a);
}

/* The panel covers 2024-2028: no entrant is sampled, and with take-up 0
 * the firm lines pay exactly what `award` gives the panel's own rows. */
START_TEST(the_panel_is_known_no_entrants_and_its_rows_paid_as_award_pays)
{
	const char *sets[] = {"takeup.m1a=0", "takeup.m1b=0", "takeup.m2=0",
			      "takeup.m3a=0", "takeup.m3b=0", "takeup.m3c=0"};
	struct scenario *s = open_sets(6, sets);
	struct panel pn;
	char err[ERR_LEN];
	ck_assert_msg(panel_load(PANEL, &pn, err, sizeof err) == 0, "%s", err);
	struct totals t;
	totals_init(&t, &s->pol);
	struct award_sink sink = {.fn = add, .ctx = &t};
	for (size_t g = 0; g < pn.firms.count; g++)
		rules_firm(&s->pol, pn.rows + pn.firms.start[g],
			   pn.firms.start[g + 1] - pn.firms.start[g], &sink);
	ck_assert(totals_line(&t, N_LINES, LV_TOTAL) > 0);
	struct run b = {0};
	for (long r = 0; r < 3; r++) {
		rep(&s->pol, &pn, NULL, r, &b);
		for (int line = 0; line < N_FIRM_LINES; line++)
			for (int y = 0; y < b.l.years; y++)
				ck_assert_double_eq_tol(cell(&b, line, y),
							(double)t.cell[line][y][LV_TOTAL] / 100,
							1e-6);
	}
	free(b.row);
	panel_free(&pn);
	free(s);
}
END_TEST

struct seen {
	struct sim_work *w;
	int n;
	char id[8][16], reason[8][REASON_LEN];
	fen_t amount[8];
};

static void seen(void *ctx, const struct award *a)
{
	struct seen *s = ctx;
	const char *id = sim_recipient_id(s->w);
	if (s->n < 8 && strstr(a->reason, "known:")) {
		snprintf(s->id[s->n], sizeof s->id[0], "%s", id);
		snprintf(s->reason[s->n], sizeof s->reason[0], "%s", a->reason);
		s->amount[s->n++] = a->amount;
	}
}

/* The ledger (an extra sink) names each known award by its entity id,
 * with its status; the sampled ones carry no "known:". */
START_TEST(the_ledger_names_known_recipients_by_their_ids)
{
	struct scenario *s = open_sets(0, NULL);
	struct entities e;
	load("known.csv", known_file, &e);
	struct seen sn = {.w = sim_work_new()};
	ck_assert_ptr_nonnull(sn.w);
	struct sim_layout l;
	sim_layout(&s->pol, &l);
	double *row = malloc(l.width * sizeof *row);
	struct award_sink sink = {.fn = seen, .ctx = &sn, .reasons = true};
	sim_rep(&s->pol, NULL, &e, 7, 0, &l, row, sn.w, &sink);
	static const struct {
		const char *id, *status;
		fen_t amount;
	} want[] = {{"P02", "known: approved", 200000000},
		    {"R01", "known: approved", 600000000},
		    {"R02", "known: paid", 1000000000},
		    {"T01", "known: approved", 25000000}};
	ck_assert_int_eq(sn.n, 4);
	for (int k = 0; k < 4; k++) {
		int i = 0;
		while (i < sn.n && strcmp(sn.id[i], want[k].id) != 0)
			i++;
		ck_assert_msg(i < sn.n, "%s not in the ledger", want[k].id);
		ck_assert_msg(strstr(sn.reason[i], want[k].status), "%s", sn.reason[i]);
		ck_assert_int_eq(sn.amount[i], want[k].amount);
	}
	sim_work_free(sn.w);
	free(row);
	entities_free(&e);
	free(s);
}
END_TEST

static void ignore(void *ctx, const struct award *a)
{
	(void)ctx;
	(void)a;
}

/* Without a ledger the run books the awards from a flat list (a list
 * sink: no struct award, no call per award); with one, each award goes
 * through on_award with its reason. Both must book the very same fen:
 * every cell of every row equal to the bit, with the panel and entities
 * known, take-up below 1, the firms' requests (M1B, M3C), the tax cap,
 * instalments and the budget's envelope in play. */
START_TEST(a_run_books_the_same_fen_with_a_ledger_as_without)
{
	static const char *const variant[][6] = {
		{NULL},
		{"taxcap.enabled=true", "taxcap.rate=0.5%", NULL},
		{"m1a.schedule=40%,30%,30%", "m3c.schedule=50%,50%", "m12a.schedule=40%,30%,30%",
		 NULL},
		{"takeup.m2=60%", "takeup.m3c=70%", "takeup.m6a=50%", NULL},
		{"budget.rule=prorata", "budget.annual_total=2亿", "taxcap.enabled=true",
		 "taxcap.rate=1%", NULL},
	};
	struct entities e;
	load("known.csv", known_file, &e);
	struct panel pn = {0};
	char err[ERR_LEN];
	ck_assert_msg(panel_load(PANEL, &pn, err, sizeof err) == 0, "%s", err);
	struct award_sink ledger = {.fn = ignore, .reasons = true};
	for (size_t v = 0; v < sizeof variant / sizeof variant[0]; v++) {
		int n = 0;
		while (variant[v][n])
			n++;
		struct scenario *s = open_sets(n, (const char **)variant[v]);
		struct sim_layout l;
		sim_layout(&s->pol, &l);
		double *lean = malloc(l.width * sizeof *lean),
		       *full = malloc(l.width * sizeof *full);
		struct sim_work *w = sim_work_new();
		ck_assert(lean && full && w);
		for (long r = 0; r < 6; r++) {
			const struct panel *stock = r % 2 ? &pn : NULL;
			sim_rep(&s->pol, stock, &e, 7, r, &l, lean, w, NULL);
			sim_rep(&s->pol, stock, &e, 7, r, &l, full, w, &ledger);
			for (size_t i = 0; i < l.width; i++)
				if (memcmp(&lean[i], &full[i], sizeof lean[i]) != 0)
					ck_abort_msg(
						"variant %zu rep %ld cell %zu: %.17g without a "
						"ledger, %.17g with one",
						v, r, i, lean[i], full[i]);
		}
		sim_work_free(w);
		free(lean);
		free(full);
		free(s);
	}
	panel_free(&pn);
	entities_free(&e);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("known");
	TCase *t = tcase_create("known");
	tcase_set_timeout(t, 300);
	tcase_add_test(t, statuses_read_in_english_and_chinese_and_default_to_approved);
	tcase_add_test(t, a_bad_status_names_file_line_and_column);
	tcase_add_test(t, known_approvals_add_exactly_their_awards);
	tcase_add_test(t, sampled_applicants_come_only_after_the_rounds_the_file_covers);
	tcase_add_test(t, pending_rows_are_approved_with_their_own_draws);
	tcase_add_test(t, a_known_centre_goes_on_to_its_reviews);
	tcase_add_test(t, the_panel_is_known_no_entrants_and_its_rows_paid_as_award_pays);
	tcase_add_test(t, the_ledger_names_known_recipients_by_their_ids);
	tcase_add_test(t, a_run_books_the_same_fen_with_a_ledger_as_without);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	gsl_set_error_handler_off();
	tmpdir_make(dir, sizeof dir, "fundsim-known");
	SRunner *r = srunner_create(suite());
	srunner_set_fork_status(r, CK_NOFORK);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	tmpdir_remove(dir);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
