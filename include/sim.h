/* sim.h - the Monte Carlo engine: synthetic populations of firms, parks,
 * projects, centres and talent, run through the rules engine.
 *
 * Each replication's randomness depends only on (seed, replication
 * index), and within it each firm and entity draws from its own stream,
 * so results are bit-identical for any thread count and a variant of a
 * scenario meets the same firms (common random numbers). The engine
 * does no I/O. */
#ifndef FUNDSIM_SIM_H
#define FUNDSIM_SIM_H

#include <gsl/gsl_rng.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "inputs.h"
#include "results.h"
#include "policy.h"
#include "rules.h"
#include "totals.h"

/* One replication's results, flattened into a row of doubles:
 *   money: (N_LINES + 1 lines incl. TOTAL) x (years + 2: the paid years,
 *          then all of them, then the policy's own: SIM_WITHIN) x
 *          N_LEVELS, in yuan; TOTAL adds up the lines in the total
 *          (line_common.in_total), not the contingent ones
 *   recipients: (N_LINES + 1) x (years + 1) award counts
 *   cut: years + 1, what a prorata or priority budget rule removed, in
 *        yuan; all years: what is never paid
 *   carry_in, carry_out: years + 1, what a year's rule took over from the
 *        year before and left owed to the next (carry_forward); all years:
 *        carried in altogether, and what is still owed after the last year
 *   pop: N_POPSTATS aggregates of the population (calibration)
 *   district: N_WHERE districts x (N_LINES + 1 incl. TOTAL) x N_LEVELS,
 *          all paid years, in yuan: each line's money by the district of
 *          its recipients (0: not given)
 *   owner: (N_OWNERS + 1, last = new money only) x (years + 2, as
 *          money: all, then within) x N_LEVELS, in yuan: the lines in
 *          the total by budget owner */
struct sim_layout {
	int years;   /* paid years: the policy's, then its tail (policy_tail_years) */
	int horizon; /* the policy's own paid years; index horizon on is after it */
	size_t money, recipients, cut, carry_in, carry_out, pop, district, owner;
	size_t width; /* offsets, row width */
};

/* Aggregates of one replication's population, compared with public
 * figures by `fundsim calibrate`. Base year = start_year - 1 (the last
 * year of data before the policy); the stock is the synthetic firms or
 * the bureau's panel, whichever the run uses. */
enum pop_stat {
	PS_FIRMS,        /* firms with a row in the base year */
	PS_REVENUE,      /* their revenue, yuan */
	PS_MEAN_REVENUE, /* revenue per firm, yuan */
	PS_SHARE_1YI,    /* share of them at >= 1亿 */
	PS_SHARE_5YI,    /* at >= 5亿 */
	PS_FIRMS_10YI,   /* firms at >= 10亿 */
	PS_GROWTH,       /* growth of all firms' revenue a year, mean over the policy years */
	PS_KEY_DB,       /* key-database firms in start_year (the list from base-year data) */
	PS_GROWTH50,     /* share of key-database firm-years in the policy growing > 50% */
	PS_TOP100_NEW,   /* first top-100 listings a policy year */
	PS_M12A_TEAMS,   /* talent teams applying a year (M12A) */
	PS_M12C_TALENTS, /* shortage-list talents a year (M12C) */
	PS_M12C_MEAN,    /* mean M12C grant, yuan */
	N_POPSTATS
};
size_t sim_pop(const struct sim_layout *l, enum pop_stat k);

void sim_layout(const struct policy *p, struct sim_layout *l);
/* The layout without the district and owner cells: for studies, which
 * keep every replication's row and compare totals, lines and years. */
void sim_layout_lean(const struct policy *p, struct sim_layout *l);
/* Index of a money cell; line N_LINES = TOTAL, year index years = all
 * paid years (the tail included: the cost of the commitments),
 * sim_within(l) = the policy's own paid years only. */
size_t sim_money(const struct sim_layout *l, int line, int year, enum fund_level lv);
size_t sim_recipients(const struct sim_layout *l, int line, int year);
static inline int sim_within(const struct sim_layout *l)
{
	return l->years + 1;
}
/* Whether paid-year index y (< years) is after the horizon: the tail. */
static inline bool sim_after_horizon(const struct sim_layout *l, int y)
{
	return y >= l->horizon && y < l->years;
}
size_t sim_cut(const struct sim_layout *l, int year);
size_t sim_carry_in(const struct sim_layout *l, int year);
size_t sim_carry_out(const struct sim_layout *l, int year);
/* Money of line (N_LINES: TOTAL) paid to district d's recipients. */
size_t sim_district(const struct sim_layout *l, int d, int line, enum fund_level lv);
/* Money of owner o (N_OWNERS: every owner whose money is new) in year
 * (years: all, sim_within(l): the policy's own paid years). */
size_t sim_owner(const struct sim_layout *l, int o, int year, enum fund_level lv);

/* Per-thread scratch; sim_work_new returns NULL when out of memory. */
struct sim_work;
struct sim_work *sim_work_new(void);
void sim_work_free(struct sim_work *w);

/* One replication into row (l.width doubles): sim_sample, then
 * sim_apply, with w's own sample. stock: the bureau's firm
 * panel as the existing firms, or NULL to sample them; its rows are known
 * (their awards paid as `award` pays them) and new firms are sampled only
 * after its latest year. known: the approvals the bureau holds (the
 * entities file), or NULL; each line's applicants are sampled only after
 * the line's latest year in it (scenarios/README.md, "Known approvals"). extra: also
 * receives every award paid (with reasons), e.g. for a ledger; its ctx
 * is told each award's recipient through sim_recipient_id. */
void sim_rep(const struct policy *p, const struct panel *stock, const struct entities *known,
	     uint64_t seed, long rep, const struct sim_layout *l, double *row, struct sim_work *w,
	     const struct award_sink *extra);

/* One replication's population apart from any policy's rules: every
 * firm's rows and every entity's, in the order the rules meet them, with
 * who each is (its streams and name) and the raw draws of "up to"
 * applicants (request, approval share, housing). No policy key (a line's
 * section) changes it (check_pop.c): variants that differ only in such
 * keys (sim_same_population) can share it. Its panel and entities ids are
 * borrowed from the stock and known data it was sampled from, which must
 * outlive it. */
struct sim_sample;
/* An empty sample (NULL when out of memory); sim_sample_free(NULL) is a no-op. */
struct sim_sample *sim_sample_new(void);
void sim_sample_free(struct sim_sample *s);
/* The memory s holds, in bytes. */
size_t sim_sample_bytes(const struct sim_sample *s);
/* Its firm rows. */
long long sim_sample_firm_years(const struct sim_sample *s);
/* Give back s's spare room (a cache keeps many samples). 0, or -1 when
 * out of memory (s is unchanged). */
int sim_sample_shrink(struct sim_sample *s);

/* Record replication rep of p (stock, known: as sim_rep) into s, reusing
 * its memory. 0, or -1 when out of memory (sim_apply then gives NaN).
 * sim_work_fingerprint(w) is then s's fingerprint (while s lives). */
int sim_sample(const struct policy *p, const struct panel *stock, const struct entities *known,
	       uint64_t seed, long rep, struct sim_sample *s, struct sim_work *w);

/* The rules of p over the sampled population s, into row (l.width
 * doubles), as sim_rep(p) gives it bit for bit; p must have the sample's
 * population (sim_same_population with the policy s was sampled with).
 * extra: as sim_rep. s is only read: several threads may apply to it. */
void sim_apply(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
	       double *row, struct sim_work *w, const struct award_sink *extra);

/* sim_apply that w keeps as the reference for s: sim_apply_moved then
 * takes the totals of the lines it does not run from it. */
void sim_apply_ref(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
		   double *row, struct sim_work *w);
/* sim_apply of p, bit for bit, running the rules of the moved lines only
 * (sim_moved_lines of the reference's policy and p), of those in amounts
 * (sim_moved_amounts, or NULL) only for the firms the reference paid
 * under them, and taking the others' totals from w's reference
 * application on s; when w's reference is not of s, all of them. */
void sim_apply_moved(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
		     double *row, struct sim_work *w, const bool moved[N_LINES],
		     const bool amounts[N_LINES]);
/* The lines whose awards p may pay otherwise than ref on one population:
 * those with a key of their own moved; with the tax cap on, every firm
 * line when one is (it scales a firm's awards together); else M1B when
 * M1A's grants may move (再给予 reads them). false when a key of no line
 * differs ([scenario], [funding], the model: every line). */
bool sim_moved_lines(const struct policy *ref, const struct policy *p, bool moved[N_LINES]);
/* Of the moved lines (sim_moved_lines), those whose awards under p go to
 * the firms and years ref pays them (a cap or an amount moved, still a
 * fen or more; a payment key), only their amounts differ: sim_apply_moved
 * reruns them for the firms the reference paid under them alone. Every
 * line false with the tax cap on. */
void sim_moved_amounts(const struct policy *ref, const struct policy *p, const bool moved[N_LINES],
		       bool amounts[N_LINES]);

/* True when a and b sample the same population: the same policy window
 * and model parameters (every value sim_sample reads is a parameter of
 * the table in the model, or the window). Then the rules of either may be
 * applied to the other's samples. */
bool sim_same_population(const struct policy *a, const struct policy *b);

/* Whether a replication w ran had awards summing past FEN_MAX; its row
 * is then NaN, as for a failed replication. */
bool sim_work_overflow(const struct sim_work *w);

/* A hash of the population of the last replication w ran: every firm
 * row (founding, origin, revenue, staff, flags) and every entity with
 * its own figures (not what a policy key makes of them). No policy key
 * (a line's section) may change it: variants meet the same firms. */
uint64_t sim_work_fingerprint(const struct sim_work *w);

/* Firm rows that w has sampled since it was made. */
long long sim_work_firm_years(const struct sim_work *w);

/* The recipient of the award being passed to an extra sink, e.g.
 * "firm-000042", "new-2026-0003", "m6a-2025-0001" or a panel firm id.
 * Valid during the sink call. */
const char *sim_recipient_id(const struct sim_work *w);

/* Called on the main thread after each block of replications. */
typedef void (*sim_progress_fn)(void *ctx, long done, long target);

struct sim_config {
	uint64_t seed;
	long reps;        /* replications, or the most with precision */
	double precision; /* > 0: stop when the 95% CI of the mean total is within it */
	int threads;      /* 0: OpenMP's default */
	const struct panel *stock;
	const struct entities *known; /* run --entities, or NULL */
	sim_progress_fn progress;
	void *progress_ctx;
	volatile sig_atomic_t *stop; /* set (e.g. by SIGINT) to stop after a block */
	size_t exact_bytes;          /* rows kept for exact percentiles; 0: SIM_EXACT_BYTES */
	bool lean;                   /* sim_layout_lean: no district and owner cells */
	/* sim_run_many: outputs 1 .. n - 1 keep only the columns where some
	 * replication differs from output 0's (sim_column reads them), when
	 * output 0 keeps its rows and has their layout; under MPI the ranks
	 * pass each other those cells instead of rows */
	bool sparse;
};

struct sim_cols;
struct sim_output {
	struct sim_layout layout;
	long reps;               /* replications run */
	long long firm_years;    /* firm rows sampled, for throughput figures */
	struct results *res;     /* statistics of the rows; sim_output_free frees it */
	const double *rows;      /* reps x layout.width in replication order while
			       * results_exact(res), else NULL; borrowed from res */
	bool stopped;            /* ended early by *stop */
	int threads;             /* threads the run used; its summary uses as many */
	struct sim_trace *trace; /* the mean total after each block (convergence) */
	int ntrace;
	/* sim_config.sparse: the columns where this output differs from its
	 * reference (output 0 of the run), which it reads for the others; its
	 * res, rows and trace are then NULL */
	struct sim_cols *cols;
};

/* Column col of o's replications: o->rows + col (stride the width) or,
 * for a sparse output (cols), its own column (stride 1) or its
 * reference's. NULL when o keeps no rows. */
const double *sim_column(const struct sim_output *o, size_t col, size_t *stride);
/* Whether o keeps every replication: rows, or sparse columns. */
bool sim_kept(const struct sim_output *o);

struct sim_trace {
	long reps;
	double mean, se; /* of the total over all paid years, all levels */
};

/* Free what sim_run made; a zeroed output is fine. */
void sim_output_free(struct sim_output *o);

/* The half-width of the 95% interval of the mean total as a share of it,
 * after the last block (INFINITY before any): what --precision judges. */
double sim_halfwidth(const struct sim_output *o);

/* Budget envelopes that are set (limit > 0), as (name, level, annual). */
struct envelope {
	const char *name;  /* its [budget] key, as budget.csv names it */
	const char *words; /* what it is, in English (a msgid: translate it) */
	enum fund_level lv;
	bool annual; /* per paid year, or over all paid years */
	double limit;
};
#define MAX_ENVELOPES 5
int sim_envelopes(const struct model *m, struct envelope *e);

/* Memory for keeping every replication's row (exact percentiles); past it
 * statistics stream (see results.h). 512 MiB: 29,472 replications of the
 * default scenario. GSL's P-square estimates of lines that pay lump sums
 * were far off (at 10,000 replications M3B's p75 893万 against the exact
 * 500万), and streaming cost more than keeping (a 10,000-replication run
 * took 4.95 s streaming past 128 MiB, 3.03 s keeping its rows). */
#define SIM_EXACT_BYTES ((size_t)512 << 20)

/* Run replications in blocks; every block's replications run in parallel
 * and land in replication order. Returns 0, or -1 with err. */
int sim_run(const struct policy *p, const struct sim_config *c, struct sim_output *out, char *err,
	    size_t errlen);

/* sim_run of each of n policies that sample the same population
 * (sim_same_population(p[0], p[k])) into out[0 .. n), bit for bit as n
 * runs of sim_run give, at the cost of one sampling a replication and n
 * applications of the rules (study.c's rule-only variants). c->precision
 * must be 0. Returns 0, or -1 with err; every output is then freed.
 * Memory: each output's rows, and a block of them each. */
int sim_run_many(const struct policy *const *p, int n, const struct sim_config *c,
		 struct sim_output *out, char *err, size_t errlen);

/* The sampled populations of a run's replications, kept in memory, so
 * that the rules of any policy with the same population can be applied
 * to them (serve: a rule change answers without re-simulating). */
struct sim_cache;
/* Sample replications 0 .. c->reps - 1 of p (c's seed, stock, known;
 * threads; progress after each block; *stop checked after each block)
 * into a new cache, *out, owned by the caller. c's stock and known data
 * are borrowed by the cache and must outlive it. 0; 1 when stopped; -1
 * with err when out of memory. */
int sim_cache_new(const struct policy *p, const struct sim_config *c, struct sim_cache **out,
		  char *err, size_t errlen);
void sim_cache_free(struct sim_cache *k);
/* The memory the cache holds, in bytes, and its replications. */
size_t sim_cache_bytes(const struct sim_cache *k);
long sim_cache_reps(const struct sim_cache *k);
/* Whether p samples the cache's population (sim_same_population). */
bool sim_cache_fits(const struct sim_cache *k, const struct policy *p);
/* sim_run(p, c) from the kept populations, bit for bit (for any thread
 * count): c->reps (at most the cache's) replications, the rules applied
 * in parallel (c->threads); c's seed, stock and known are the cache's,
 * whatever c says. -1 with err when p does not fit the cache. */
int sim_cache_run(const struct sim_cache *k, const struct policy *p, const struct sim_config *c,
		  struct sim_output *out, char *err, size_t errlen);

/* The replication count a precision run checks at: blocks of this size. */
#define SIM_BLOCK 256

/* Blocks made in one parallel region with this many threads (1 up to 16
 * threads): the trace and --precision still check after every block. */
int sim_blocks(int threads);

#endif
