/* commands.c - what every command shares: messages, stdout, scenarios
 * and panels (the dispatch is cli.c's table). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_impl.h"
#include "comm.h"
#include "inputs.h"
#include "text.h"
#include "i18n.h"

void say(const char *cmd, const char *fmt, ...)
{
	char msg[4096], line[8192], who[256];
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (len >= (int)sizeof msg) /* cut to fit: not inside a character */
		msg[text_utf8_cut(msg, sizeof msg - 1)] = '\0';
	text_escape_to(line, sizeof line, msg);
	text_escape_to(who, sizeof who, cmd ? cmd : "");
	fprintf(stderr, "fundsim%s%s: %s\n", cmd ? " " : "", who, line);
}

void say_notes(const char *cmd, const char *notes)
{
	while (notes && *notes) {
		size_t k = strcspn(notes, "\n");
		say(cmd, "%.*s", (int)k, notes);
		notes += k + (notes[k] == '\n');
	}
}

void names_add(struct names *nm, const char *fmt, ...)
{
	char item[256];
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(item, sizeof item, fmt, ap);
	va_end(ap);
	size_t len = strlen(nm->text), sep = nm->n ? 2 : 0;
	nm->n++;
	if (nm->cut)
		return;
	/* whole or not at all, with room left for ", …" */
	if (nm->n <= NAMES_SHOWN && w >= 0 && (size_t)w < sizeof item &&
	    len + sep + (size_t)w + sizeof ", …" <= sizeof nm->text) {
		snprintf(nm->text + len, sizeof nm->text - len, "%s%s", sep ? ", " : "", item);
		return;
	}
	snprintf(nm->text + len, sizeof nm->text - len, "%s…", sep ? ", " : "");
	nm->cut = true;
}

void say_no_history(const char *cmd, const struct panel *pn, const struct policy *p)
{
	if (!comm_is_root())
		return;
	struct names nm = {0};
	for (size_t g = 0; g < pn->firms.count; g++) {
		const struct firm_year *f = &pn->rows[pn->firms.start[g]];
		if (f->founded < p->start_year && f->year >= p->start_year)
			names_add(&nm, "%s", group_id(&pn->firms, g));
	}
	size_t n = nm.n;
	if (n)
		say(cmd,
		    ngettext(
			    "%zu firm founded before the policy's start (%d) has no row before it "
			    "(%s): its M2 and M3A tiers and M3B listing before the policy are taken "
			    "as not reached, and each award that rests on it says \"taken as a "
			    "first\" in the ledger; give its row for %d to credit them",
			    "%zu firms founded before the policy's start (%d) have no row before it "
			    "(%s): their M2 and M3A tiers and M3B listings before the policy are "
			    "taken as not reached, and each award that rests on it says \"taken as "
			    "a first\" in the ledger; give their rows for %d to credit them",
			    n),
		    n, p->start_year, nm.text, p->start_year - 1);
}

int stdout_check(const char *cmd, int rc, bool close)
{
	static bool told; /* once: a second flush of the same lost bytes fails again */
	errno = 0;
	bool bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;
	if (close && fclose(stdout) != 0 && !bad) {
		bad = true;
		e = errno;
	}
	if (!bad || told)
		return bad && rc == EXIT_OK ? EXIT_FAIL : rc;
	told = true;
	say(cmd, _("cannot write to standard output: %s"), strerror(e ? e : EIO));
	return rc == EXIT_OK ? EXIT_FAIL : rc;
}

struct scenario *open_scenario(const char *path, const struct cli *c)
{
	struct scenario *s = calloc(1, sizeof *s);
	char err[ERR_LEN];
	int ok = s != NULL;
	if (!s)
		say(c ? c->command : NULL, _("out of memory"));
	if (path && strcmp(path, "builtin") == 0)
		path = NULL;
	/* under MPI only rank 0 reads; the scenario is plain data, sent whole */
	if (ok && comm_is_root() &&
	    scenario_open(s, path, c ? c->sets : NULL, c ? c->nsets : 0, err, sizeof err) != 0) {
		say(NULL, "%s", err);
		ok = 0;
	} else if (ok && comm_is_root()) {
		say_notes(NULL, s->note);
	}
	const struct comm *cw = comm_world();
	if (cw->bcast(&ok, sizeof ok) != 0 || !ok || (s && cw->bcast(s, sizeof *s) != 0)) {
		free(s);
		return NULL;
	}
	return s;
}

/* Send a loaded panel's arrays from rank 0 to the others. */
static int share_panel(struct panel *pn)
{
	const struct comm *cw = comm_world();
	size_t ids = 0;
	for (size_t g = 0; comm_is_root() && g < pn->firms.count; g++) {
		size_t end = pn->firms.id_off[g] + strlen(group_id(&pn->firms, g)) + 1;
		ids = end > ids ? end : ids;
	}
	size_t dims[3] = {pn->n, pn->firms.count, ids};
	if (cw->bcast(dims, sizeof dims) != 0)
		return -1;
	if (!comm_is_root()) {
		pn->n = dims[0];
		pn->firms.count = dims[1];
		pn->rows = malloc((dims[0] ? dims[0] : 1) * sizeof *pn->rows);
		pn->src_line = malloc((dims[0] ? dims[0] : 1) * sizeof *pn->src_line);
		pn->district = malloc(dims[0] ? dims[0] : 1);
		pn->firms.start = malloc((dims[1] + 1) * sizeof *pn->firms.start);
		pn->firms.id_off = malloc((dims[1] + 1) * sizeof *pn->firms.id_off);
		pn->firms.ids = malloc(dims[2] ? dims[2] : 1);
	}
	int ok = pn->rows && pn->src_line && pn->district && pn->firms.start && pn->firms.id_off &&
		 pn->firms.ids;
	if (comm_world()->first_failure(ok) >= 0)
		return -1;
	return cw->bcast(pn->rows, dims[0] * sizeof *pn->rows) != 0 ||
			       cw->bcast(pn->src_line, dims[0] * sizeof *pn->src_line) != 0 ||
			       cw->bcast(pn->district, dims[0]) != 0 ||
			       cw->bcast(pn->firms.start,
					 (dims[1] + 1) * sizeof *pn->firms.start) != 0 ||
			       cw->bcast(pn->firms.id_off, dims[1] * sizeof *pn->firms.id_off) !=
				       0 ||
			       cw->bcast(pn->firms.ids, dims[2]) != 0
		       ? -1
		       : 0;
}

int panel_load_shared(const char *path, struct panel *pn, char *err, size_t errlen)
{
	int ok = 1;
	memset(pn, 0, sizeof *pn);
	if (comm_is_root()) {
		ok = panel_load(path, pn, err, errlen) == 0;
		if (ok)
			say_notes(NULL, pn->note);
	}
	if (comm_world()->bcast(&ok, sizeof ok) != 0 || !ok)
		return -1;
	if (comm_world()->size > 1 && share_panel(pn) != 0) {
		panel_free(pn);
		snprintf(err, errlen, _("%s: cannot send the panel to every rank"), path);
		return -1;
	}
	return 0;
}

/* Send a loaded entities file's arrays from rank 0 to the others. */
static int share_entities(struct entities *en)
{
	const struct comm *cw = comm_world();
	size_t ids = 0;
	for (size_t g = 0; comm_is_root() && g < en->groups.count; g++) {
		size_t end = en->groups.id_off[g] + strlen(group_id(&en->groups, g)) + 1;
		ids = end > ids ? end : ids;
	}
	size_t dims[3] = {en->n, en->groups.count, ids};
	if (cw->bcast(dims, sizeof dims) != 0)
		return -1;
	if (!comm_is_root()) {
		en->n = dims[0];
		en->groups.count = dims[1];
		en->rows = malloc((dims[0] ? dims[0] : 1) * sizeof *en->rows);
		en->src_line = malloc((dims[0] ? dims[0] : 1) * sizeof *en->src_line);
		en->groups.start = malloc((dims[1] + 1) * sizeof *en->groups.start);
		en->groups.id_off = malloc((dims[1] + 1) * sizeof *en->groups.id_off);
		en->groups.ids = malloc(dims[2] ? dims[2] : 1);
	}
	int ok = en->rows && en->src_line && en->groups.start && en->groups.id_off &&
		 en->groups.ids;
	if (comm_world()->first_failure(ok) >= 0)
		return -1;
	return cw->bcast(en->rows, dims[0] * sizeof *en->rows) != 0 ||
			       cw->bcast(en->src_line, dims[0] * sizeof *en->src_line) != 0 ||
			       cw->bcast(en->groups.start,
					 (dims[1] + 1) * sizeof *en->groups.start) != 0 ||
			       cw->bcast(en->groups.id_off, dims[1] * sizeof *en->groups.id_off) !=
				       0 ||
			       cw->bcast(en->groups.ids, dims[2]) != 0
		       ? -1
		       : 0;
}

int entities_load_shared(const char *path, struct entities *en, char *err, size_t errlen)
{
	int ok = 1;
	memset(en, 0, sizeof *en);
	if (comm_is_root()) {
		ok = entities_load(path, en, err, errlen) == 0;
		if (ok)
			say_notes(NULL, en->note);
	}
	if (comm_world()->bcast(&ok, sizeof ok) != 0 || !ok)
		return -1;
	if (comm_world()->size > 1 && share_entities(en) != 0) {
		entities_free(en);
		snprintf(err, errlen, _("%s: cannot send the entities file to every rank"), path);
		return -1;
	}
	return 0;
}

int no_positionals(const struct cli *c)
{
	if (c->npos) {
		say(c->command, _("unexpected argument %s (see fundsim --help)"), c->pos[0]);
		return -1;
	}
	return 0;
}
