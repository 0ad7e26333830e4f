/* serve_export.c - leaving the meeting with the variant: a scenario file
 * of its overrides, and what `fundsim run` and `fundsim report` write for
 * it, by their own code (cmd_run, cmd_report) into result sets. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "outset.h"
#include "params.h"
#include "serve.h"
#include "i18n.h"

/* The overrides' parameters in table order, each once. */
static int sorted_params(const struct serve_overrides *ov, int *idx)
{
	int n = 0;
	for (int k = 0; k < ov->n; k++) {
		char err[ERR_LEN];
		int i = params_key(ov->o[k].key, err, sizeof err), at = n;
		if (i < 0)
			continue;
		while (at > 0 && idx[at - 1] > i)
			at--;
		if (at > 0 && idx[at - 1] == i)
			continue;
		memmove(idx + at + 1, idx + at, (size_t)(n - at) * sizeof *idx);
		idx[at] = i;
		n++;
	}
	return n;
}

/* The scenario file: [scenario] name and base, then each override as the
 * variant holds it (params_format reads back to the same value). */
static void write_ini(FILE *f, const struct serve_base *b, const struct scenario *v,
		      const struct serve_overrides *ov)
{
	char base[PATH_MAX], q[2 * PATH_MAX], name[128];
	if (!b->path || !realpath(b->path, base))
		snprintf(base, sizeof base, "builtin");
	fprintf(f, _("; A variant of %s from fundsim serve: only what differs from its base.\n"),
		b->s->name);
	fprintf(f,
		_("; fundsim run FILE --reps %ld --seed %llu gives the costs the page showed.\n"),
		b->cfg.reps, (unsigned long long)b->cfg.seed);
	fprintf(f, "[scenario]\n");
	snprintf(name, sizeof name, "%.48s-variant", b->s->name);
	scenario_quote(name, q, sizeof q);
	fprintf(f, "name = %s\n", q);
	scenario_quote(base, q, sizeof q);
	fprintf(f, "base = %s\n", q);
	size_t np;
	const struct param_def *d = params_table(&np);
	int idx[SERVE_MAX_OVERRIDES], n = sorted_params(ov, idx);
	const char *section = "scenario";
	for (int k = 0; k < n; k++) {
		const struct param_def *p = &d[idx[k]];
		char text[512];
		if (strcmp(p->section, section) != 0)
			fprintf(f, "\n[%s]\n", p->section);
		section = p->section;
		params_format(&v->pol, idx[k], text, sizeof text);
		scenario_quote(text, q, sizeof q);
		fprintf(f, "%s = %s\n", p->key, q);
	}
}

/* DIR/variant.ini as a result set of its own (result sets inside it, a
 * run's and a report's, are carried over). */
static int export_ini(const char *dir, const struct serve_base *b, const struct scenario *v,
		      const struct serve_overrides *ov, char *err, size_t errlen)
{
	struct outset os = {0};
	struct atomic_file af;
	char path[OUTSET_PATH + 32];
	if (outset_begin(&os, dir, err, errlen) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/variant.ini", os.stage);
	if (atomic_open(&af, path, err, errlen) != 0) {
		outset_abort(&os);
		return -1;
	}
	write_ini(af.f, b, v, ov);
	if (atomic_commit(&af, err, errlen) != 0 || outset_commit(&os, err, errlen) != 0) {
		outset_abort(&os);
		return -1;
	}
	return 0;
}

int serve_export(const struct serve_exports *x, const struct serve_base *b,
		 const struct serve_overrides *ov, enum serve_export_kind kind, char *where,
		 size_t n, char *err, size_t errlen)
{
	struct scenario *v = malloc(sizeof *v);
	int bad, rc = -1;
	if (!v) {
		snprintf(err, errlen, _("out of memory"));
		return -1;
	}
	/* before anything is written: the briefing describes a modelled
	 * population, and cannot cost a list of known recipients */
	if (kind == SERVE_EXPORT_REPORT && x->c->entities) {
		snprintf(
			err, errlen,
			_("the briefing report cannot be exported while serve runs with --entities: "
			  "the report describes the modelled population, and fundsim report takes "
			  "no --entities; export the run and its workbook instead"));
		rc = 1;
		goto done;
	}
	if (serve_variant(b, ov, v, err, errlen, &bad) != SERVE_OK ||
	    export_ini(x->dir, b, v, ov, err, errlen) != 0)
		goto done;
	snprintf(where, n, "%s", x->dir);
	if (kind == SERVE_EXPORT_INI) {
		rc = 0;
		goto done;
	}
	/* the scenario file just written, as `fundsim run|report FILE` runs it */
	char ini[OUTSET_PATH + 32], out[OUTSET_PATH + 32], reps[32], seed[32], threads[32];
	snprintf(ini, sizeof ini, "%s/variant.ini", x->dir);
	snprintf(out, sizeof out, "%s/%s", x->dir, kind == SERVE_EXPORT_RUN ? "run" : "report");
	snprintf(reps, sizeof reps, "%ld", x->reps);
	snprintf(seed, sizeof seed, "%ld", x->seed);
	snprintf(threads, sizeof threads, "%d", b->cfg.threads);
	struct cli c = {
		.command = kind == SERVE_EXPORT_RUN ? "run" : "report",
		.pos = {ini},
		.npos = 1,
		.reps = reps,
		.seed = seed,
		.threads = threads,
		.firms = x->c->firms,
		.entities = kind == SERVE_EXPORT_RUN ? x->c->entities : NULL,
		.outdir = out,
		.lang = x->lang == CHART_ZH ? "zh" : "en",
		.quiet = true,
	};
	int code = kind == SERVE_EXPORT_RUN ? cmd_run(&c) : cmd_report(&c);
	if (code != EXIT_OK) {
		snprintf(err, errlen,
			 _("fundsim %s %s stopped with exit code %d (its message is on "
			   "the terminal that runs fundsim serve)"),
			 c.command, ini, code);
		goto done;
	}
	snprintf(where, n, "%s", out);
	rc = 0;
done:
	free(v);
	return rc;
}
