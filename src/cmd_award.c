/* cmd_award.c - `fundsim award`: every award line on real data. */
#include <stdio.h>
#include <stdlib.h>

#include "atomic.h"
#include "cmd_impl.h"
#include "inputs.h"
#include "ledger.h"

/* Run the engine over every firm and entity; awards land in l and t. */
static void evaluate(const struct policy *p, const struct panel *pn, const struct entities *en,
		     struct ledger *l)
{
	struct award_sink sink = ledger_sink(l);
	for (size_t g = 0; g < pn->firms.count; g++) {
		l->current = group_id(&pn->firms, g);
		size_t a = pn->firms.start[g], b = pn->firms.start[g + 1];
		rules_firm(p, pn->rows + a, b - a, &sink);
	}
	for (size_t g = 0; g < en->groups.count; g++) {
		l->current = group_id(&en->groups, g);
		size_t a = en->groups.start[g], b = en->groups.start[g + 1];
		rules_entity(p, en->rows + a, b - a, &sink);
	}
}

static int write_ledger(const struct ledger *l, const char *path)
{
	char err[ERR_LEN];
	if (!path) {
		if (ledger_write(l, stdout) != 0 || fflush(stdout) != 0) {
			fprintf(stderr, "fundsim award: cannot write the ledger to stdout\n");
			return EXIT_FAIL;
		}
		return EXIT_OK;
	}
	struct atomic_file af;
	if (atomic_open(&af, path, err, sizeof err) != 0) {
		fprintf(stderr, "fundsim award: %s\n", err);
		return EXIT_USAGE;
	}
	if (ledger_write(l, af.f) != 0) {
		atomic_abort(&af);
		fprintf(stderr, "fundsim award: %s: write error\n", path);
		return EXIT_FAIL;
	}
	if (atomic_commit(&af, err, sizeof err) != 0) {
		fprintf(stderr, "fundsim award: %s\n", err);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cmd_award(const struct cli *c)
{
	if (no_positionals(c))
		return EXIT_USAGE;
	if (!c->firms && !c->entities) {
		fprintf(stderr, "fundsim award: needs --firms PANEL.csv and/or --entities FILE.csv\n");
		return EXIT_USAGE;
	}
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
		fprintf(stderr, "fundsim award: %s\n", err);
		goto done;
	}
	evaluate(&s->pol, &pn, &en, &l);
	if (l.oom) {
		fprintf(stderr, "fundsim award: out of memory collecting awards\n");
		rc = EXIT_FAIL;
		goto done;
	}
	rc = write_ledger(&l, c->output);
	if (rc == EXIT_OK) {
		struct totals *t = malloc(sizeof *t);
		if (!t) {
			fprintf(stderr, "fundsim award: out of memory for the summary (the ledger "
				"is written)\n");
			rc = EXIT_FAIL;
			goto done;
		}
		totals_init(t, &s->pol);
		for (size_t i = 0; i < l.n; i++)
			totals_add(t, &l.v[i].a);
		fprintf(stderr, "fundsim award: scenario %s; %zu firms (%zu rows), %zu entity "
			"applications (%zu rows); %zu awards\n\n", s->name, pn.firms.count, pn.n,
			en.groups.count, en.n, l.n);
		totals_print(t, stderr);
		free(t);
	}
done:
	ledger_free(&l);
	panel_free(&pn);
	entities_free(&en);
	free(s);
	return rc;
}
