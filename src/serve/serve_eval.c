/* serve_eval.c - the answers of `fundsim serve`: a variant of the served
 * scenario, its run and its paired comparison with the base run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "serve.h"
#include "i18n.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

enum serve_status serve_variant(const struct serve_base *b, const struct serve_overrides *ov,
				struct scenario *variant, char *err, size_t errlen, int *bad)
{
	*bad = -1;
	*variant = *b->s;
	for (int k = 0; k < ov->n; k++) {
		char set[SERVE_KEY_LEN + SERVE_VALUE_LEN + 2];
		snprintf(set, sizeof set, "%s=%s", ov->o[k].key, ov->o[k].value);
		if (scenario_set(variant, set, err, errlen) != 0) {
			*bad = k;
			return SERVE_INVALID;
		}
		/* [sensitivity] and [targets] keys run nothing: no control sends them */
		char why[200];
		if (params_key(ov->o[k].key, why, sizeof why) < 0) {
			snprintf(err, errlen, _("%s: not a parameter of a run"), ov->o[k].key);
			*bad = k;
			return SERVE_INVALID;
		}
	}
	/* the whole: tiers in order, required keys. Which override is at fault:
	 * the parameter params_check names, when the page sent it */
	char why[300];
	int at = -1;
	struct scenario *probe = malloc(sizeof *probe);
	if (!probe) {
		snprintf(err, errlen, _("out of memory"));
		return SERVE_FAILED;
	}
	*probe = *variant;
	int checked = params_check(&probe->pol, probe->set, why, sizeof why, &at);
	free(probe);
	if (scenario_finish(variant, err, errlen) == 0)
		return SERVE_OK;
	for (int k = 0; checked != 0 && at >= 0 && k < ov->n; k++) {
		char e2[200];
		if (params_key(ov->o[k].key, e2, sizeof e2) == at)
			*bad = k;
	}
	return SERVE_INVALID;
}

void serve_reason(const struct serve_base *b, const struct serve_overrides *ov, int bad,
		  const char *err, char *why, size_t n)
{
	snprintf(why, n, "%s", err);
	struct scenario *t = malloc(sizeof *t);
	if (!t)
		return;
	*t = *b->s;
	/* a message serve_variant made itself (not --set's) is plain already */
	int i = bad < 0 || strncmp(err, "--set", 5) != 0 ? -1 : params_key(ov->o[bad].key, why, n);
	/* the value itself: its parser's reason, without --set's KEY=VALUE */
	if (i >= 0 && params_set_written(&t->pol, i, ov->o[bad].value, why, n) == 0) {
		/* the value reads, the whole does not (tiers out of order): the check's reason */
		char e[ERR_LEN];
		int at = -1;
		for (int k = 0; k < ov->n; k++) {
			char set[SERVE_KEY_LEN + SERVE_VALUE_LEN + 2];
			snprintf(set, sizeof set, "%s=%s", ov->o[k].key, ov->o[k].value);
			scenario_set(t, set, e, sizeof e);
		}
		if (params_check(&t->pol, t->set, why, n, &at) == 0)
			snprintf(why, n, "%s", err);
	}
	free(t);
}

/* Run p with every row kept (the pairs need them): from the kept
 * populations k when p samples the same ones, else afresh. */
static enum serve_status run(const struct sim_cache *k, const struct policy *p,
			     const struct sim_config *cfg, struct sim_output *o, char *err,
			     size_t errlen)
{
	int rc = k && sim_cache_fits(k, p) ? sim_cache_run(k, p, cfg, o, err, errlen)
					   : sim_run(p, cfg, o, err, errlen);
	if (rc != 0)
		return SERVE_FAILED;
	if (o->stopped)
		return SERVE_STOPPED;
	if (!o->rows) {
		snprintf(err, errlen,
			 _("%ld replications do not fit in memory to be paired (at most %ld)"),
			 cfg->reps, study_max_reps(p));
		return SERVE_FAILED;
	}
	return SERVE_OK;
}

enum serve_status serve_evaluate(const struct serve_base *b, const struct serve_overrides *ov,
				 sim_progress_fn progress, void *progress_ctx,
				 volatile sig_atomic_t *stop, struct serve_result *r, char *err,
				 size_t errlen, int *bad)
{
	memset(r, 0, sizeof *r);
	double t0 = now();
	r->variant = malloc(sizeof *r->variant);
	if (!r->variant) {
		snprintf(err, errlen, _("out of memory"));
		return SERVE_FAILED;
	}
	enum serve_status st = serve_variant(b, ov, r->variant, err, errlen, bad);
	if (st != SERVE_OK)
		goto fail;
	/* A change of rule parameters only re-applies the rules to the kept
	 * populations (the same rows to the bit as re-simulating, check_reuse);
	 * a model key samples a new population. */
	struct sim_config cfg = b->cfg;
	cfg.progress = progress;
	cfg.progress_ctx = progress_ctx;
	cfg.stop = stop;
	if ((st = run(b->cache, &r->variant->pol, &cfg, &r->out, err, errlen)) != SERVE_OK)
		goto fail;
	st = SERVE_FAILED;
	if (!(r->sm = summary_of(&r->out, &r->variant->pol))) {
		snprintf(err, errlen, _("out of memory computing the statistics"));
		goto fail;
	}
	int first = r->variant->pol.start_year + r->variant->pol.payment_lag;
	if (study_compare(&b->out, b->first_paid, &r->out, first, &r->cmp, err, errlen) != STUDY_OK)
		goto fail;
	r->seconds = now() - t0;
	return SERVE_OK;
fail:
	serve_result_free(r);
	return st;
}

void serve_result_free(struct serve_result *r)
{
	study_compare_free(&r->cmp);
	summary_free(r->sm);
	sim_output_free(&r->out);
	free(r->variant);
	memset(r, 0, sizeof *r);
}

int serve_base_run(struct serve_base *b, char *err, size_t errlen)
{
	memset(&b->out, 0, sizeof b->out);
	b->sm = NULL;
	b->first_paid = b->s->pol.start_year + b->s->pol.payment_lag;
	b->cache = NULL;
	/* keep the populations when they fit SERVE_CACHE_BYTES; out of memory
	 * there only means answers re-simulate */
	if ((size_t)b->cfg.reps * SERVE_REP_BYTES <= SERVE_CACHE_BYTES &&
	    sim_cache_new(&b->s->pol, &b->cfg, &b->cache, err, errlen) != 0) {
		sim_cache_free(b->cache);
		b->cache = NULL;
	}
	if (run(b->cache, &b->s->pol, &b->cfg, &b->out, err, errlen) != SERVE_OK)
		return -1;
	if (!(b->sm = summary_of(&b->out, &b->s->pol))) {
		snprintf(err, errlen, _("out of memory computing the statistics"));
		return -1;
	}
	return 0;
}

void serve_base_free(struct serve_base *b)
{
	summary_free(b->sm);
	b->sm = NULL;
	sim_output_free(&b->out);
	sim_cache_free(b->cache);
	b->cache = NULL;
}
