/* serve.h - `fundsim serve`: a what-if page for the meeting, served on the
 * loopback from the binary.
 *
 * The page sends overrides of the served scenario's parameters, as
 * {"m3c.amount": "50万"}; the server answers with the variant's costs and
 * their paired differences to the served scenario (the same seed and
 * replications: common random numbers). Every value goes through --set's
 * parser (scenario_set) and the scenario's checks (scenario_finish).
 *
 * serve_evaluate is the one place an answer is computed: today it
 * re-simulates; the population reuse of the speed work plugs in behind it
 * (rule-only overrides re-apply the rules to the base's cached
 * populations). Nothing here does I/O but the HTTP layer (serve_http.c)
 * and the exports (serve_export.c), which write through outset.h. */
#ifndef FUNDSIM_SERVE_H
#define FUNDSIM_SERVE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "charts.h"
#include "commands.h"
#include "scenario.h"
#include "sim.h"
#include "study.h"
#include "summary.h"

#define SERVE_MAX_OVERRIDES MAX_SETS /* as many as --set takes */
#define SERVE_KEY_LEN 128
#define SERVE_VALUE_LEN 512
#define SERVE_BODY_MAX (64 * 1024) /* the largest request body read */

/* One override as the page sent it: "section.key" and its text. */
struct serve_override {
	char key[SERVE_KEY_LEN];
	char value[SERVE_VALUE_LEN];
};

struct serve_overrides {
	int n;
	struct serve_override o[SERVE_MAX_OVERRIDES];
};

/* The served scenario and how every answer runs. Built once at start. */
struct serve_base {
	const struct scenario *s; /* the scenario served (borrowed) */
	const char *path;         /* its file, or NULL for the built-in draft */
	struct sim_config cfg;    /* seed, reps, threads, stock (no stop, no progress) */
	struct sim_output out;    /* the base run, every row kept: the pairs' other half */
	struct summary *sm;       /* its statistics */
	int first_paid;           /* start_year + payment_lag */
	struct sim_cache *cache;  /* the base's sampled populations, or NULL (too many
				   * replications to keep: every answer re-simulates) */
};

/* Populations are kept for a rule change to answer without re-simulating
 * when they take at most this much memory (about 0.55 MiB a replication
 * of the draft: 1,000 replications keep about 540 MiB). */
#define SERVE_CACHE_BYTES ((size_t)3 << 30)
#define SERVE_REP_BYTES ((size_t)600 << 10) /* a replication's population, rounded up */

/* What an answer holds; serve_result_free frees it (a zeroed one too). */
struct serve_result {
	struct scenario *variant; /* the served scenario with the overrides */
	struct sim_output out;    /* its run, every row kept */
	struct summary *sm;
	struct study_compare cmp; /* variant - base, paired */
	double seconds;           /* wall time of the evaluation */
};

enum serve_status {
	SERVE_OK = 0,
	SERVE_INVALID = 1, /* an override is refused: err says why, *bad which (-1: none) */
	SERVE_STOPPED = 2, /* *stop was set: a newer request took over */
	SERVE_FAILED = 3   /* out of memory or the engine failed: err */
};

/* The served scenario with ov applied as --set applies them, then
 * checked as a whole, into *variant (the caller's). SERVE_OK, or
 * SERVE_INVALID with err (--set's message) and *bad, the index in ov of
 * the override at fault, or -1 when the fault lies in no single one. */
enum serve_status serve_variant(const struct serve_base *b, const struct serve_overrides *ov,
				struct scenario *variant, char *err, size_t errlen, int *bad);

/* Why override bad of ov (-1: none alone) was refused, err being
 * serve_variant's message: the parameter's own reason, as a planner reads
 * it beside the control ("\"五%\" is not a number (expected a share such
 * as 5%, 2‰ or 0.05)"), without --set's "--set KEY=VALUE: [section] key:";
 * err itself when there is no shorter one. Into why (n bytes). */
void serve_reason(const struct serve_base *b, const struct serve_overrides *ov, int bad,
		  const char *err, char *why, size_t n);

/* The answer for ov: serve_variant, then its run (progress and stop as
 * sim_config has them), its summary and its paired comparison with the
 * base. r is zeroed first; on any status but SERVE_OK it holds nothing to
 * free. The seam for population reuse: callers see only this. */
enum serve_status serve_evaluate(const struct serve_base *b, const struct serve_overrides *ov,
				 sim_progress_fn progress, void *progress_ctx,
				 volatile sig_atomic_t *stop, struct serve_result *r, char *err,
				 size_t errlen, int *bad);
void serve_result_free(struct serve_result *r);

/* Run the base case into b (b->s, path and cfg set by the caller). 0, or
 * -1 with err. serve_base_free frees what it made. */
int serve_base_run(struct serve_base *b, char *err, size_t errlen);
void serve_base_free(struct serve_base *b);

/* ---- JSON (serve_json.c) ---- */

/* A flat JSON object of strings, numbers and true/false into ov, as the
 * page sends overrides: keys at most SERVE_KEY_LEN - 1 bytes, values at
 * most SERVE_VALUE_LEN - 1, no key twice, no nesting, valid UTF-8. A
 * number keeps its text ("500000"); true/false become "true"/"false".
 * 0, or -1 with err saying what and at which byte. */
int serve_json_overrides(const char *text, size_t len, struct serve_overrides *ov, char *err,
			 size_t errlen);

/* A growing text buffer for JSON answers. oom once an allocation failed:
 * then the text is incomplete and must not be sent. */
struct jbuf {
	char *p;
	size_t n, cap;
	bool oom;
};
void jb_put(struct jbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s as a JSON string, quoted and escaped. */
void jb_str(struct jbuf *b, const char *s);
/* v as a JSON number (null when not finite), to the fen for yuan. */
void jb_num(struct jbuf *b, double v);
void jb_free(struct jbuf *b);

/* ---- answers as JSON (serve_api.c) ---- */

/* Every policy parameter the page shows as a control, grouped by line
 * (第N条 order), with its value, unit, range and names in both
 * languages; and the served scenario, seed, replications and lines.
 * Not thread-safe (the meanings' Chinese, L_): made once, at start. */
void serve_json_params(struct jbuf *b, const struct serve_base *base, const char *lang);
/* An answer: the variant's costs (mean, 90% interval, P80, P90 per line,
 * paid year and level), its total per replication, the lines ranked and
 * the paired differences to the base. */
void serve_json_result(struct jbuf *b, const struct serve_base *base, const struct serve_result *r);
/* Parameter i as a control is labelled in lang (I18N_EN, I18N_ZH):
 * "m1a.cap（第1条 奖励上限）", its meaning from the parameter table where
 * the charts' label has none ("m1a.enabled（第1条 该条线是否兑付）"). Not
 * thread-safe (L_). */
void serve_param_label(int i, int lang, char *buf, size_t n);

/* ---- exports (serve_export.c) ---- */

enum serve_export_kind { SERVE_EXPORT_INI, SERVE_EXPORT_RUN, SERVE_EXPORT_REPORT };

/* What serve writes where: the folder (--out, else out/NAME/serve/) and
 * the command line's options that a run of the variant repeats. */
struct serve_exports {
	char dir[4096];
	const struct cli *c; /* serve's command line: --firms, --threads */
	long reps, seed;
	enum chart_lang lang;
};

/* An export of the variant ov (valid: serve_variant) into a folder of
 * its own, DIR/variant-NN (the first NN free, claimed by mkdir: no export
 * replaces another): variant.ini, a scenario file of only its overrides
 * (base = the scenario served); compare_summary.txt, the page's headline,
 * years and lines against the base from the same paired answer; compare/,
 * what `fundsim compare BASE variant.ini` writes (compare.csv and its
 * workbook; not under --entities, which compare does not take); then for
 * RUN what `fundsim run variant.ini` writes in run/, for REPORT what
 * `fundsim report` writes in report/, by the same code. 0 with the folder
 * in *where (n bytes) and the names written in *files ("variant.ini,
 * compare_summary.txt, compare/, run/"); 1 with err when this server
 * cannot make that export (a report under --entities), nothing written;
 * or -1 with err, the folder removed. */
int serve_export(const struct serve_exports *x, const struct serve_base *b,
		 const struct serve_overrides *ov, enum serve_export_kind kind, char *where,
		 size_t n, char *files, size_t nfiles, char *err, size_t errlen);

/* Remove from dir the exports a killed serve left half-written
 * (serve_export marks each while it writes); serve calls it on start, and
 * each export before it claims a number. */
void serve_export_sweep(const char *dir);

/* ---- the page (embedded at build time by tools/embed.sh) ---- */

/* The bytes of an embedded file ("page.html", "echarts.min.js", ...) and
 * its length, or NULL. Static. */
const unsigned char *serve_asset(const char *name, size_t *len);

#endif
