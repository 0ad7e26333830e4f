/* ledger.c - collecting awards and writing them for people. */
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "district.h"
#include "money.h"
#include "i18n.h"
#include "text.h"

static void append(void *ctx, const struct award *a)
{
	struct ledger *l = ctx;
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 256;
		struct ledger_row *nv = realloc(l->v, nc * sizeof *nv);
		if (!nv) {
			l->oom = true;
			return;
		}
		l->v = nv;
		l->cap = nc;
	}
	l->v[l->n++] = (struct ledger_row){.id = l->current, .a = *a};
}

struct award_sink ledger_sink(struct ledger *l)
{
	return (struct award_sink){.fn = append, .ctx = l, .reasons = true};
}

/* Drop the awards from index first on that were cut to nothing. */
static void drop_unpaid(struct ledger *l, size_t first)
{
	size_t k = first;
	for (size_t i = first; i < l->n; i++)
		if (l->v[i].a.amount > 0)
			l->v[k++] = l->v[i];
	l->n = k;
}

int ledger_taxcap(struct ledger *l, size_t first, const struct policy *p,
		  const struct firm_year *rows, size_t n)
{
	if (!p->model.taxcap.enabled || first >= l->n)
		return 0;
	struct award **a = malloc((l->n - first) * sizeof *a);
	if (!a)
		return -1;
	for (size_t i = first; i < l->n; i++)
		a[i - first] = &l->v[i].a;
	rules_taxcap(p, rows, n, a, l->n - first);
	free(a);
	drop_unpaid(l, first);
	return 0;
}

int ledger_schedule(struct ledger *l, const struct policy *p)
{
	size_t n = 0;
	struct award part[MAX_INSTALMENTS];
	for (size_t i = 0; i < l->n; i++)
		n += rules_instalments(p, &l->v[i].a, part);
	if (n == l->n)
		return 0;
	struct ledger_row *v = malloc(n * sizeof *v);
	if (!v)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < l->n; i++) {
		size_t m = rules_instalments(p, &l->v[i].a, part);
		for (size_t j = 0; j < m; j++)
			if (part[j].amount > 0)
				v[k++] = (struct ledger_row){.id = l->v[i].id, .a = part[j]};
	}
	free(l->v);
	l->v = v;
	l->n = k;
	l->cap = n;
	return 0;
}

/* Rows of the ledger that the year's envelope rule acts on, by index:
 * what was carried in (from cstart to cend) first, then the year's own
 * awards (contingent items stay outside, as in run). */
static size_t year_rows(const struct ledger *l, const struct policy *p, size_t norig, size_t cstart,
			size_t cend, int paid_year, size_t *idx)
{
	size_t k = 0;
	for (size_t i = cstart; i < cend; i++)
		idx[k++] = i;
	for (size_t i = 0; i < norig; i++)
		if (l->v[i].a.paid_year == paid_year && p->line[l->v[i].a.line].in_total)
			idx[k++] = i;
	return k;
}

int ledger_budget(struct ledger *l, const struct policy *p, struct envelope_year *ey)
{
	int y0 = p->start_year + p->payment_lag, ny = p->years + policy_tail_years(p);
	if (ey)
		memset(ey, 0, (size_t)(ny + 1) * sizeof *ey);
	bool cap = p->model.budget.rule == BUDGET_PRORATA ||
		   p->model.budget.rule == BUDGET_PRIORITY;
	if (!cap || l->n == 0)
		return 0;
	size_t norig = l->n, cstart = l->n, cap_n = 2 * l->n + 1;
	/* scratch for a year: at most every award and one carried row each */
	size_t *idx = malloc(cap_n * sizeof *idx);
	struct award **a = malloc(cap_n * sizeof *a), **grp = malloc(cap_n * sizeof *grp);
	struct award *was = malloc(2 * cap_n * sizeof *was), *owed = malloc(cap_n * sizeof *owed);
	const char **who = malloc(cap_n * sizeof *who);
	int rc = idx && a && grp && was && owed && who ? 0 : -1;
	bool plain = p->model.budget.rule == BUDGET_PRORATA && !p->model.budget.carry_forward;
	for (int y = 0; y < ny && rc == 0; y++) {
		size_t cend = l->n;
		size_t n = year_rows(l, p, norig, cstart, cend, y0 + y, idx), nc = cend - cstart;
		for (size_t i = 0; i < n; i++)
			a[i] = &l->v[idx[i]].a;
		struct envelope_year e = {0};
		if (plain) { /* 总量控制 as before: rules_prorata */
			e.cut = rules_prorata(p, a, n);
		} else if (rules_envelope(p, a, nc, n, was, grp, &e) != 0) {
			rc = -1;
			break;
		}
		if (ey)
			ey[y] = e;
		size_t no = 0;
		for (size_t i = 0; !plain && p->model.budget.carry_forward && i < n; i++) {
			struct award o = was[i];
			o.amount -= a[i]->amount;
			o.provincial -= a[i]->provincial;
			o.municipal -= a[i]->municipal;
			o.district -= a[i]->district;
			if (o.amount <= 0)
				continue;
			o.paid_year = y0 + y + 1;
			snprintf(o.reason, sizeof o.reason, "carried forward from %d (上年结转)",
				 y0 + y);
			who[no] = l->v[idx[i]].id;
			owed[no++] = o;
		}
		cstart = cend;
		for (size_t i = 0; i < no; i++) { /* l->v may move: a[] is done with */
			l->current = who[i];
			append(l, &owed[i]);
		}
		if (l->oom)
			rc = -1;
	}
	if (rc == 0 && !plain) { /* rows owed after the last paid year are no payment */
		for (size_t i = cstart; ey && i < l->n; i++)
			ey[ny].carried_out += l->v[i].a.amount;
		l->n = cstart;
	}
	free(idx);
	free(a);
	free(grp);
	free(was);
	free(owed);
	free(who);
	if (rc == 0)
		drop_unpaid(l, 0);
	return rc;
}

int ledger_block(struct ledger *l, const struct policy *p, fen_t *over)
{
	int y0 = p->start_year + p->payment_lag, ny = p->years + policy_tail_years(p);
	if (over)
		memset(over, 0, (size_t)ny * sizeof *over);
	if (!(p->provincial_block > 0) || l->n == 0)
		return 0;
	struct award **a = malloc(l->n * sizeof *a);
	if (!a)
		return -1;
	for (int y = 0; y < ny; y++) {
		size_t k = 0;
		for (size_t i = 0; i < l->n; i++)
			if (l->v[i].a.paid_year == y0 + y && p->line[l->v[i].a.line].in_total)
				a[k++] = &l->v[i].a; /* contingent items stay outside, as in run */
		fen_t c = rules_block(p, a, k);
		if (over)
			over[y] = c;
	}
	free(a);
	return 0;
}

void ledger_free(struct ledger *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

int ledger_write(const struct ledger *l, FILE *f)
{
	fputs("entity_id,line,year,paid_year,amount,provincial,municipal,district,reason,"
	      "recipient_district\n",
	      f);
	for (size_t i = 0; i < l->n; i++) {
		const struct award *a = &l->v[i].a;
		char amt[32], pr[32], mu[32], di[32];
		fen_yuan(a->amount, amt, sizeof amt);
		fen_yuan(a->provincial, pr, sizeof pr);
		fen_yuan(a->municipal, mu, sizeof mu);
		fen_yuan(a->district, di, sizeof di);
		csv_text(f, l->v[i].id); /* ids and reasons come from inputs */
		fprintf(f, ",%s,%d,%d,%s,%s,%s,%s,", line_info(a->line)->name, a->year,
			a->paid_year, amt, pr, mu, di);
		csv_text(f, a->reason);
		fprintf(f, ",%s\n", district_name(a->where)); /* "" when not given */
	}
	return ferror(f) ? -1 : 0;
}

static void row_w(FILE *f, const char *label, int width, long count, const fen_t *v)
{
	char s[N_LEVELS][32];
	for (int k = 0; k < N_LEVELS; k++)
		fen_wan(v[k], s[k], sizeof s[k]);
	fputs("  ", f);
	text_pad(f, label, width); /* by display width: 苏州工业园区 is 12 columns */
	if (count >= 0)
		fprintf(f, "%7ld %14s %14s %14s %14s\n", count, s[0], s[1], s[2], s[3]);
	else
		fprintf(f, "%7s %14s %14s %14s %14s\n", "", s[0], s[1], s[2], s[3]);
}

static void row(FILE *f, const char *label, long count, const fen_t *v)
{
	row_w(f, label, 6, count, v);
}

/* s right-aligned in width columns (Chinese takes two a character). */
static void right(FILE *f, const char *s, int width)
{
	for (int w = text_width(s); w < width; w++)
		fputc(' ', f);
	fputs(s, f);
}

/* The columns' heads: first (width columns), second, then the four levels. */
static void head_w(FILE *f, const char *first, int width, const char *second)
{
	static const char *const levels[] = {N_("total"), N_("provincial"), N_("municipal"),
					     N_("district")};
	fputs("  ", f);
	text_pad(f, first, width);
	right(f, second, 7);
	for (int k = 0; k < 4; k++) {
		fputc(' ', f);
		right(f, _(levels[k]), 14);
	}
	fputc('\n', f);
}

static void head(FILE *f, const char *first, const char *second)
{
	head_w(f, first, 6, second);
}

/* Line line's money at each funding level (N_LINES: every line, TOTAL). */
static void line_levels(const struct totals *t, int line, fen_t v[N_LEVELS])
{
	for (int k = 0; k < N_LEVELS; k++)
		v[k] = totals_line(t, line, (enum fund_level)k);
}

void totals_print(const struct totals *t, FILE *f)
{
	fprintf(f, "%s\n", _("Spending by line (万元):"));
	head(f, _("line"), _("awards"));
	long all = 0;
	for (int l = 0; l < N_LINES; l++) {
		if (!t->awards[l])
			continue;
		fen_t v[N_LEVELS];
		line_levels(t, l, v);
		row(f, line_info(l)->name, t->awards[l], v);
		all += t->awards[l];
	}
	fen_t v[N_LEVELS], total[N_LEVELS];
	line_levels(t, N_LINES, total);
	/* TRANSLATORS: the row of all lines in a terminal table (合计); CSV files keep TOTAL */
	row(f, _("TOTAL"), all, total);
	fprintf(f, "\n%s\n", _("Spending by paid year (万元):"));
	head(f, _("year"), "");
	fen_t within[N_LEVELS] = {0};
	for (int y = 0; y < t->nyears; y++) {
		char label[16];
		/* a paid year after the policy's own: the tail of its commitments */
		snprintf(label, sizeof label, "%d%s", t->first_paid_year + y,
			 y >= t->horizon ? "*" : "");
		for (int k = 0; k < N_LEVELS; k++) {
			v[k] = totals_year(t, y, (enum fund_level)k);
			within[k] += y < t->horizon ? v[k] : 0;
		}
		row(f, label, -1, v);
	}
	if (t->nyears > t->horizon)
		row(f, _("within"), -1, within);
	row(f, _("TOTAL"), -1, total); /* every paid year: the line table's */
	if (t->nyears > t->horizon)
		fprintf(f,
			_("  * paid after the policy's last paid year (%d): commitments made in the "
			  "policy period (政策期满后兑付);\n  within: the policy's own paid years "
			  "%d-%d; TOTAL: every paid year, the years marked * included\n"),
			t->first_paid_year + t->horizon - 1, t->first_paid_year,
			t->first_paid_year + t->horizon - 1);
}

void totals_print_breakdown(const struct totals *t, const struct policy *p, FILE *f)
{
	fen_t v[N_LEVELS], total[N_LEVELS]; /* the line table's TOTAL, under both tables */
	line_levels(t, N_LINES, total);
	fprintf(f, "\n%s\n", _("Spending by the recipients' district (万元):"));
	/* "district" where a recipient is (所在区) is not "district" the funding
	 * level (区级) of the columns beside it: a context tells them apart */
	/* TRANSLATORS: head of the column of districts where recipients are, as the workbook's */
	const char *where = i18n_ctx_in(i18n_lang(), pgettext("where", "district"));
	int width = text_width(where) > 12 ? text_width(where) : 12;
	head_w(f, where, width, "");
	for (int d = 1; d <= N_WHERE; d++) {
		int w = d % N_WHERE; /* 未指定 (not given) last */
		for (int k = 0; k < N_LEVELS; k++)
			v[k] = totals_where(t, w, N_LINES, (enum fund_level)k);
		if (v[LV_TOTAL] == 0)
			continue;
		char label[48];
		snprintf(label, sizeof label, "%s", w ? district_name(w) : "未指定");
		row_w(f, label, width, -1, v);
	}
	row_w(f, _("TOTAL"), width, -1, total); /* every recipient */
	/* + rather than *: * marks the paid years after the policy above */
	fprintf(f, "\n%s\n", _("Spending by budget owner (万元; + new money):"));
	head_w(f, _("owner"), 22, "");
	fen_t own[N_OWNERS + 1][N_LEVELS] = {{0}};
	for (int l = 0; l < N_LINES; l++) {
		enum owner_id o = p->line[l].owner;
		for (int k = 0; k < N_LEVELS; k++) {
			fen_t x = totals_line(t, l, (enum fund_level)k);
			own[o][k] += x;
			own[N_OWNERS][k] += p->owner_new[o] ? x : 0;
		}
	}
	for (int o = 0; o < N_OWNERS; o++) {
		char label[64];
		snprintf(label, sizeof label, "%s%s", owner_info(o)->zh,
			 p->owner_new[o] ? " +" : "");
		row_w(f, label, 22, -1, own[o]);
	}
	row_w(f, _("TOTAL"), 22, -1, total); /* every owner */
	row_w(f, _("new money only"), 22, -1, own[N_OWNERS]);
}
