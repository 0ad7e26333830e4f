/* cmd_award.c - `fundsim award`: every award line on real data. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "cmd_impl.h"
#include "csvout.h"
#include "comm.h"
#include "inputs.h"
#include "ledger.h"
#include "i18n.h"

/* Whether the awards v[first..n) made one for qualifying year y. */
static bool paid_year_of(const struct ledger *l, size_t first, int y)
{
	for (size_t i = first; i < l->n; i++)
		if (l->v[i].a.year == y)
			return true;
	return false;
}

/* Run the engine over every firm and entity, then the policy on a year's
 * awards (tax cap per firm), each award as its line's schedule pays it,
 * then 总量控制 per paid year (into ey[]); awards land in l. Rows after
 * the policy's qualifying years that paid nothing are named in after,
 * entity rows before it that paid nothing in before (a firm's are its
 * history, read for the rules' "first time"). */
static void evaluate(const struct policy *p, const struct panel *pn, const struct entities *en,
		     struct ledger *l, struct envelope_year *ey, fen_t *over, struct names *before,
		     struct names *after)
{
	int end = p->start_year + p->years;
	struct award_sink sink = ledger_sink(l);
	for (size_t g = 0; g < pn->firms.count; g++) {
		l->current = group_id(&pn->firms, g);
		size_t a = pn->firms.start[g], b = pn->firms.start[g + 1], first = l->n;
		sink.where = 0; /* the latest district the firm's rows give */
		for (size_t k = a; k < b; k++)
			sink.where = pn->district[k] ? pn->district[k] : sink.where;
		rules_firm(p, pn->rows + a, b - a, &sink);
		for (size_t k = a; k < b; k++) /* the rules stop at the policy's end */
			if (pn->rows[k].year >= end)
				names_add(after, "%s %d", l->current, pn->rows[k].year);
		if (ledger_taxcap(l, first, p, pn->rows + a, b - a) != 0)
			l->oom = true;
	}
	for (size_t g = 0; g < en->groups.count; g++) {
		l->current = group_id(&en->groups, g);
		size_t a = en->groups.start[g], b = en->groups.start[g + 1];
		sink.where = 0;
		for (size_t k = a; k < b; k++)
			sink.where = en->rows[k].where ? en->rows[k].where : sink.where;
		size_t first = l->n;
		rules_entity(p, en->rows + a, b - a, &sink);
		for (size_t k = a; k < b; k++) {
			const struct entity_year *r = &en->rows[k];
			if (policy_in_window(p, r->year) || paid_year_of(l, first, r->year))
				continue;
			names_add(r->year < p->start_year ? before : after, "%s %s %d", l->current,
				  line_info(r->line)->name, r->year);
		}
	}
	if (ledger_schedule(l, p) != 0 || ledger_budget(l, p, ey) != 0 ||
	    ledger_block(l, p, over) != 0)
		l->oom = true;
}

/* Where -o may write, checked before any work. A new or regular file is
 * written whole (a temporary renamed over it); a link to a regular file
 * the same way at the file it names (path becomes that), so the link
 * stays; a device, FIFO or socket (/dev/null, /dev/stdout on a terminal
 * or pipe) is written through, never replaced: *through. A folder, a link
 * to nothing and any of the inputs are refused. 0, or EXIT_USAGE. */
static int check_output(const struct cli *c, char *path, size_t n, bool *through)
{
	const char *o = c->output;
	const char *inputs[] = {c->firms, c->entities, c->scenario};
	struct stat st, in;
	*through = false;
	snprintf(path, n, "%s", o);
	if (stat(o, &st) != 0) {
		if (lstat(o, &in) == 0) {
			say("award",
			    _("-o %s: a symbolic link to nothing (expected a file, or a link "
			      "to one)"),
			    o);
			return EXIT_USAGE;
		}
		return 0; /* a new file; atomic_open says when its folder is missing */
	}
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		if (inputs[i] && stat(inputs[i], &in) == 0 && in.st_dev == st.st_dev &&
		    in.st_ino == st.st_ino) {
			say("award",
			    _("-o %s is the input %s: the ledger would overwrite it (write it "
			      "to another file)"),
			    o, inputs[i]);
			return EXIT_USAGE;
		}
	}
	if (S_ISDIR(st.st_mode)) {
		say("award", _("-o %s is a folder (expected a file)"), o);
		return EXIT_USAGE;
	}
	if (!S_ISREG(st.st_mode)) {
		*through = true;
		return 0;
	}
	if (lstat(o, &in) == 0 && S_ISLNK(in.st_mode)) {
		char *real = realpath(o, NULL);
		if (!real || strlen(real) >= n) {
			say("award", _("-o %s: cannot follow the link: %s"), o,
			    real ? "path too long" : strerror(errno));
			free(real);
			return EXIT_USAGE;
		}
		snprintf(path, n, "%s", real);
		free(real);
	}
	return 0;
}

/* Write the ledger straight into a device, FIFO or socket: no temporary,
 * no rename (a rename over /dev/null, as root, replaces the device). */
static int write_through(const struct ledger *l, const char *path, bool bom)
{
	struct stat st;
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		say("award", _("%s: cannot write: %s"), path, strerror(errno));
		return EXIT_FAIL;
	}
	if (fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
		close(fd); /* replaced since it was checked: write nothing into it */
		say("award", _("%s: changed while it was opened; nothing written"), path);
		return EXIT_FAIL;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		say("award", _("%s: cannot write: %s"), path, strerror(errno));
		close(fd);
		return EXIT_FAIL;
	}
	errno = 0;
	if (bom)
		csv_bom(f);
	bool bad = ledger_write(l, f) != 0;
	bad |= fflush(f) != 0 || ferror(f);
	int e = errno;
	if (fclose(f) != 0 && !bad) {
		bad = true;
		e = errno;
	}
	if (bad) {
		say("award", _("%s: cannot write: %s"), path, strerror(e ? e : EIO));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int write_ledger(const struct ledger *l, const char *path, bool through, bool bom)
{
	char err[ERR_LEN];
	if (!path) { /* a failed write leaves stdout's error flag: the check says why */
		if (bom)
			csv_bom(stdout);
		ledger_write(l, stdout);
		return stdout_check("award", EXIT_OK, false);
	}
	if (through && comm_is_root())
		return write_through(l, path, bom);
	struct atomic_file af;
	if (atomic_open(&af, path, err, sizeof err) != 0) {
		say("award", "%s", err);
		return EXIT_USAGE;
	}
	if (bom)
		csv_bom(af.f);
	if (ledger_write(l, af.f) != 0) {
		atomic_abort(&af);
		say("award", _("%s: write error"), path);
		return EXIT_FAIL;
	}
	if (atomic_commit(&af, err, sizeof err) != 0) {
		say("award", "%s", err);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cmd_award(const struct cli *c)
{
	if (no_positionals(c))
		return EXIT_USAGE;
	if (!c->firms && !c->entities) {
		say("award", _("needs --firms PANEL.csv and/or --entities FILE.csv"));
		return EXIT_USAGE;
	}
	char out[4096];
	bool through = false;
	if (c->output && check_output(c, out, sizeof out, &through) != 0)
		return EXIT_USAGE;
	struct scenario *s = open_scenario(c->scenario, c);
	if (!s)
		return EXIT_USAGE;
	struct panel pn = {0};
	struct entities en = {0};
	struct ledger l = {0};
	char err[ERR_LEN];
	int rc = EXIT_USAGE;
	if ((c->firms && panel_load(c->firms, &pn, err, sizeof err) != 0) ||
	    (c->entities && entities_load(c->entities, &en, err, sizeof err) != 0)) {
		say("award", "%s", err);
		goto done;
	}
	say_notes("award", pn.note);
	say_notes("award", en.note);
	say_no_history("award", &pn, &s->pol);
	size_t pending = 0;
	for (size_t i = 0; i < en.n; i++)
		pending += en.rows[i].status == STATUS_PENDING;
	if (pending) /* the rules pay a row whatever its status: said, not hidden */
		say("award",
		    ngettext("%zu row of status pending: paid here as if approved (run --entities "
			     "approves each with [known] pending)",
			     "%zu rows of status pending: paid here as if approved (run --entities "
			     "approves each with [known] pending)",
			     pending),
		    pending);
	struct envelope_year ey[MAX_YEARS + 1];
	fen_t over[MAX_YEARS];
	struct names before = {0}, after = {0};
	evaluate(&s->pol, &pn, &en, &l, ey, over, &before, &after);
	if (after.n) /* dropped in silence they read as lost: said, with why */
		say("award",
		    ngettext("%zu row of a year after the policy's last qualifying year (%d) "
			     "paid nothing (%s): the policy makes no new award after it; yearly "
			     "support begun in it goes on only under after_expiry = honour, for at "
			     "most its line's max_years in all",
			     "%zu rows of years after the policy's last qualifying year (%d) "
			     "paid nothing (%s): the policy makes no new award after it; yearly "
			     "support begun in it goes on only under after_expiry = honour, for at "
			     "most its line's max_years in all",
			     after.n),
		    after.n, s->pol.start_year + s->pol.years - 1, after.text);
	if (before.n)
		say("award",
		    ngettext(
			    "%zu entity row before the policy's start (%d) paid nothing (%s): "
			    "history, read for once-only awards, levels held, award limits and growth",
			    "%zu entity rows before the policy's start (%d) paid nothing (%s): "
			    "history, read for once-only awards, levels held, award limits and growth",
			    before.n),
		    before.n, s->pol.start_year, before.text);
	if (l.oom) {
		say("award", _("out of memory collecting awards"));
		rc = EXIT_FAIL;
		goto done;
	}
	rc = write_ledger(&l, c->output ? out : NULL, through, c->csv_bom);
	if (rc == EXIT_OK) {
		struct totals *t = malloc(sizeof *t);
		if (!t) {
			say("award", _("out of memory for the summary (the ledger is written)"));
			rc = EXIT_FAIL;
			goto done;
		}
		totals_init(t, &s->pol);
		for (size_t i = 0; i < l.n && !t->overflow; i++)
			totals_add(t, &l.v[i].a);
		if (t->overflow) { /* a summary of part of the awards would mislead */
			say("award",
			    _("no summary: %s (the ledger is written; each award in it is "
			      "exact)"),
			    TOTALS_OVERFLOW_MSG);
			free(t);
			rc = EXIT_FAIL;
			goto done;
		}
		say("award",
		    _("scenario %s; %zu firms (%zu rows), %zu entity applications (%zu "
		      "rows); %zu awards"),
		    s->name, pn.firms.count, pn.n, en.groups.count, en.n, l.n);
		if (c->output)
			say("award", _("ledger written to %s"), c->output);
		else
			say("award", _("ledger written to standard output (-o FILE writes it to a "
				       "file)"));
		fputc('\n', stderr);
		totals_print(t, stderr);
		totals_print_breakdown(t, &s->pol, stderr);
		const struct model *m = &s->pol.model;
		for (int y = 0; y < t->nyears; y++) {
			char cw[32], e[32], ci[32], co[32];
			fen_wan(ey[y].cut, cw, sizeof cw);
			fen_wan(ey[y].carried_in, ci, sizeof ci);
			fen_wan(ey[y].carried_out, co, sizeof co);
			money_words(m->budget.annual_total, e, sizeof e);
			if (ey[y].cut == 0 && ey[y].carried_in == 0)
				continue;
			if (m->budget.rule == BUDGET_PRORATA)
				fprintf(stderr,
					_("总量控制 (budget.rule = prorata): awards paid in %d scaled "
					  "to the %s envelope, %s万 cut"),
					t->first_paid_year + y, e, cw);
			else
				fprintf(stderr,
					_("总量控制 (budget.rule = priority): awards paid in %d cut to "
					  "the %s envelope, priority lines first, %s万 cut"),
					t->first_paid_year + y, e, cw);
			if (m->budget.carry_forward)
				fprintf(stderr,
					_("; carried in %s万 (paid first), carried out %s万 (结转)"),
					ci, co);
			fputc('\n', stderr);
		}
		for (int y = 0; y < t->nyears; y++) {
			char cw[32], e[32];
			fen_wan(over[y], cw, sizeof cw);
			money_words(s->pol.provincial_block, e, sizeof e);
			if (over[y] > 0)
				fprintf(stderr,
					_("provincial block (funding.provincial_block): in %d the pooled "
					  "lines asked the province %s万 more than its %s a year; the "
					  "city and districts pay it\n"),
					t->first_paid_year + y, cw, e);
		}
		if (m->budget.carry_forward && ey[t->nyears].carried_out > 0) {
			char o[32];
			fen_wan(ey[t->nyears].carried_out, o, sizeof o);
			fprintf(stderr, _("still owed after %d, never paid: %s万\n"),
				t->first_paid_year + t->nyears - 1, o);
		}
		free(t);
	}
done:
	ledger_free(&l);
	panel_free(&pn);
	entities_free(&en);
	free(s);
	return rc;
}
