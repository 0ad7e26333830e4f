/* panel.c - the firm panel CSV (POLICY.md, "The firm panel CSV"). */
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "inputs.h"
#include "load_impl.h"
#include "text.h"

enum { C_ID, C_YEAR, C_FOUNDED, C_ORIGIN, C_INDUSTRIAL, C_CAPITAL, C_EMPLOYEES, C_REVENUE,
       C_KEYDB, C_TOP100, NCOLS };

static const struct csv_col cols[NCOLS] = {
	{"firm_id", true}, {"year", true}, {"founded", true}, {"origin", true},
	{"industrial", true}, {"paid_capital", true}, {"employees", true}, {"revenue", true},
	{"key_db", true}, {"top100", true},
};

static const char *const origins[] = {"existing", "new", "spinoff", "attracted", NULL};

static int row(void *ctx, const char *const *f, const struct csv_where *w)
{
	struct loading *ld = ctx;
	struct firm_year r = {0};
	int origin;
	if (load_id(w, f[C_ID], "firm_id") || field_int(w, "year", f[C_YEAR], 1900, 2200, &r.year) ||
	    field_int(w, "founded", f[C_FOUNDED], 1900, 2200, &r.founded) ||
	    field_word(w, "origin", f[C_ORIGIN], origins, &origin) ||
	    field_flag(w, "industrial", f[C_INDUSTRIAL], false, &r.industrial) ||
	    field_money(w, "paid_capital", f[C_CAPITAL], &r.paid_capital) ||
	    field_int(w, "employees", f[C_EMPLOYEES], 0, 10000000, &r.employees) ||
	    field_money(w, "revenue", f[C_REVENUE], &r.revenue) ||
	    field_flag(w, "key_db", f[C_KEYDB], false, &r.key_db) ||
	    field_flag(w, "top100", f[C_TOP100], false, &r.top100))
		return -1;
	if (r.year < r.founded)
		return csv_fail(w, "year %d is before founded %d", r.year, r.founded);
	r.origin = (enum origin)origin;
	struct firm_year *slot = load_push(ld, w, f[C_ID], 0, r.year, sizeof r);
	if (!slot)
		return -1;
	*slot = r;
	return 0;
}

/* founded, origin and industrial describe the firm: every row must agree. */
static int consistent(const struct panel *p, const char *path, char *err, size_t errlen)
{
	for (size_t g = 0; g < p->firms.count; g++) {
		for (size_t i = p->firms.start[g] + 1; i < p->firms.start[g + 1]; i++) {
			const struct firm_year *a = &p->rows[p->firms.start[g]], *b = &p->rows[i];
			const char *what = a->founded != b->founded   ? "founded"
					   : a->origin != b->origin   ? "origin"
					   : a->industrial != b->industrial ? "industrial"
									    : NULL;
			if (what) {
				snprintf(err, errlen, "%s:%d: firm %s: %s differs from line %d",
					 path, p->src_line[i], group_id(&p->firms, g), what,
					 p->src_line[p->firms.start[g]]);
				text_escape(err, errlen); /* the id may hold a newline */
				return -1;
			}
		}
	}
	return 0;
}

int panel_load(const char *path, struct panel *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	struct loading ld = {0};
	void *rows;
	if (load_run(&ld, path, cols, NCOLS, row, sizeof(struct firm_year), "firm", &rows,
		     &out->src_line, &out->n, &out->firms, err, errlen) != 0)
		return -1;
	out->rows = rows;
	if (consistent(out, path, err, errlen) != 0) {
		panel_free(out);
		return -1;
	}
	return 0;
}

void panel_free(struct panel *p)
{
	free(p->rows);
	free(p->src_line);
	groups_free(&p->firms);
	memset(p, 0, sizeof *p);
}
