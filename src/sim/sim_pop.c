/* sim_pop.c - one replication: sample the population, apply the rules.
 *
 * The two are apart: sim_sample records every firm's and entity's rows
 * with who they are (their stream keys and names) and the raw draws of
 * "up to" applicants (request, approval share, housing), and sim_apply
 * runs a policy's rules over that record. No policy key (a line's
 * section) changes the record (check_pop.c), so variants that differ in
 * such keys only can share it: sample once, apply each (study.c, and
 * struct sim_cache for serve).
 *
 * Streams: every firm and entity draws from its own Philox stream
 * (stream.h) keyed by (seed, replication, component, index), each kind
 * of draw at fixed positions of it (enum below), so a change to one
 * assumption moves only the draws that depend on it (common random
 * numbers), a changed threshold or policy key moves none, and no result
 * depends on which thread or rank ran the replication. A component is
 * keyed by a hash of its name ("stock", "m6a/entity", "param/growth.mean"),
 * never by its position, so adding a line, a parameter or a component
 * changes no other draw (make check-dummy-line proves it for a line).
 * Streams have no state: firms of consecutive indices are drawn together,
 * one call a year for a batch of them (the _across draws, grow()). */
#include <gsl/gsl_rng.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "params.h"
#include "room.h"
#include "sim.h"
#include "text.h"

/* Stream components that are not a line's: who draws. Their keys are
 * hashes of these names; a line's are of its section (line_keys). */
enum {
	S_SHOCKS,
	S_STOCK,
	S_PANEL,
	S_ENTRY_COUNT,
	S_ENTRANT = S_ENTRY_COUNT + 3,
	S_TAKEUP = S_ENTRANT + 3,
	N_COMPONENTS
};
static const char *const component_name[N_COMPONENTS] = {
	"shocks",
	"stock",
	"panel",
	"entry-count/new",
	"entry-count/spinoff",
	"entry-count/attracted",
	"entrant/new",
	"entrant/spinoff",
	"entrant/attracted",
	"takeup",
};
/* Streams of the requests of firm lines paid "up to" a cap (M1B, M3C),
 * keyed by firm, line and year: hash of "request" mixed with those. */
static const char request_name[] = "request";
/* Streams of the known approvals (run --entities): whether a pending
 * application is approved, and a known centre's later reviews; keyed by
 * entity id, line and year. */
static const char known_name[] = "known";
/* The district of each recipient: a hash of "district" mixed with who it
 * is, so drawing it moves no other draw. */
static const char where_name[] = "district";

#define TAG_ENTITY 0x80u /* paid_by: an entity, its line in the low bits */
_Static_assert(N_LINES < TAG_ENTITY && N_FIRM_LINES <= 7, "a rec's tag holds its line");

/* A request draw of the reference (firm_request): line, year, draws. */
struct drawn {
	double req, ok;
	int year;
	enum line_id line;
};

/* Who is drawing, for ledger names (the stream key is a hash). */
enum who { WHO_OTHER, WHO_STOCK, WHO_ENTRANT, WHO_ENTITY, WHO_KNOWN };

/* A line's stream keys: its entities, and its arrivals of each level
 * (LEVEL_NONE: the applicants of a line without levels). */
struct line_keys {
	uint64_t entity, arrivals[LEVEL_NATIONAL + 1];
};

/* where_pick's tables padded to a whole number of vectors (+inf past the
 * last district) */
#define WHERE_PAD ((N_DISTRICTS + 7) / 8 * 8)
#define WHERE_GUIDE 64 /* where_pick's guide table: a hash's top 6 bits */

#define MAX_SPAN 64 /* years from the oldest entrant to the window's end */
#define BATCH 128   /* firms or entities drawn together, across their streams */

/* Positions in an entity's stream, in Philox blocks (a block is positions
 * 2b and 2b + 1, stream.h): each kind of draw its own, so none shares bits
 * with another and adding one moves none. A distribution takes a block
 * (dist_draw_across). Years grown are steps 1, 2, ... after the last known
 * row: step k's exit and top-100 uniforms are block B_YEAR_U + k - 1, its
 * growth normal position 2 B_YEAR_N + k - 1 (two steps share a
 * Box-Muller pair). */
enum {
	B_REV,                          /* firm, park: revenue; applicant: base */
	B_STAFF,                        /* entrant: staff; applicant: request */
	B_CAPITAL,                      /* entrant: paid capital; applicant: approval */
	B_HOUSING,                      /* applicant: housing */
	B_START_N,                      /* stock firm: the staff normal (even position) */
	B_START_U,                      /* tail (stock) or industrial (entrant); key_u */
	B_START_U2,                     /* stock firm: founded; industrial */
	B_START_U3,                     /* stock firm: top 100 (even position) */
	B_PASS = 8,                     /* applicant: review k passed, position 2 B_PASS + k - 1 */
	B_YEAR_U = 32,                  /* .. + MAX_SPAN - 1 */
	B_YEAR_N = B_YEAR_U + MAX_SPAN, /* .. + MAX_SPAN / 2 - 1 */
	B_RETRY = B_YEAR_N + MAX_SPAN / 2, /* stock revenue below its bar: try k */
};
enum { B_REQUEST = B_STAFF, B_APPROVAL = B_CAPITAL };
#define MAX_RETRY 1000

/* A batch of firms grown together (grow): ROW(b, j, 0) is firm j's last
 * known row, ROW(b, j, 1 ..) the years grown (steps[j] of them). A firm's
 * rows are stride apart, as many as the batch can grow (batch_span):
 * a short window's batch stays in L1, where rows sized for the longest
 * (MAX_SPAN) each took their own cache line. */
#define ROW(b, j, k) ((b)->rows[(size_t)(j) * (size_t)(b)->stride + (size_t)(k)])
struct batch {
	struct firm_year rows[BATCH * (MAX_SPAN + 1)];
	int stride;
	int steps[BATCH];
	double key_u[BATCH];
	double a[BATCH], b[BATCH], c[BATCH], d[BATCH], e[BATCH]; /* draws */
	double z0[BATCH], z1[BATCH], x[2 * BATCH];
	int live[BATCH];
	bool listed[BATCH]; /* a firm has been on the top-100 list (grow's tally) */
	int where[BATCH];   /* districts (where_batch) */
	bool pass[BATCH][MAX_SUPPORT_YEARS]; /* an applicant's reviews */
};

struct sim_work {
	gsl_rng *r;             /* beta and pert draws (dist_draw_across) */
	struct batch *batch;    /* firms grown together */
	struct firm_year *rows; /* one firm's or entity's rows */
	struct entity_year erows[MAX_SPAN];
	size_t cap;
	struct totals t;
	/* a firm's awards, when the tax cap applies: at most 1 a year for
	 * M3C and 1 a tier for M2 and M3A, + M1A, M1B, M3B (20 years, 6 tiers) */
	struct award buf[64];
	struct award *bufp[64];
	int nbuf;
	bool buffering;
	/* a recipient's awards as the rules make them (a list sink), when no
	 * ledger asks for reasons; a firm of more rows goes through on_award */
	struct award_due due[RULES_MAX_AWARDS(MAX_SPAN)];
	/* what the award path reads on every row and award, made once a
	 * replication (prepare): the rules' constants, the take-up hash's
	 * replication part and the recipient's (takeup_who, made by claimed
	 * when first needed), and each line's way through on_list */
	struct rules_prep prep;
	uint64_t takeup_pre, takeup_who;
	bool who_ready;             /* takeup_who is the recipient's */
	bool at_once[N_LINES];      /* rules_at_once */
	bool firm_granted[N_LINES]; /* a firm line paid what was granted (requested) */
	bool taxcap;                /* [taxcap] enabled: a firm's awards are held (buffering) */
	/* stream keys, hashed from names once when w is made */
	uint64_t comp_key[N_COMPONENTS];
	struct line_keys line_key[N_LINES];
	uint64_t *param_key; /* by parameter table index */
	/* the recipient being evaluated */
	uint64_t comp; /* its stream's key */
	uint64_t idx;
	enum who who;
	int sub; /* WHO_ENTRANT: which kind; WHO_ENTITY: its line */
	const char *panel_id;
	char id[48];
	/* replication */
	const struct policy *q;
	uint64_t seed;
	long rep;
	double shock[MAX_SPAN]; /* city-wide log-growth shock, by year - shock_year0 */
	int shock_year0;
	double drift;
	double ln_young, ln_ramp; /* log1p of the young-firm bonuses, once a replication */
	const struct award_sink *extra;
	/* where dist_poisson_from starts for the means of the latest counts
	 * drawn: a few means (entry rates, applicants by line) come back in
	 * every replication */
	struct poisson_start pstart[8];
	unsigned pnext;
	long long firm_years;
	bool overflow; /* a replication's totals passed FEN_MAX */
	uint64_t request_key, known_key, where_key;
	/* where_pick's tables, made once a sample (where_tables): each line's
	 * districts of positive weight and their running sums, and the
	 * replication's part of the hash */
	double where_acc[N_LINES][WHERE_PAD], where_sum[N_LINES];
	signed char where_d[N_LINES][WHERE_PAD], where_n[N_LINES];
	unsigned char where_guide[N_LINES][WHERE_GUIDE];
	uint64_t where_pre;
	/* the weights they were made from: the same next replication (the
	 * weights are no distributions), they are not made again */
	double where_firms[N_DISTRICTS + 1], where_talent[N_DISTRICTS + 1];
	bool where_made;
	/* known data (--firms, --entities): awards of a qualifying year up to
	 * known_through are the recipient's known ones, paid as `award` pays
	 * them (no take-up draw, no sampled request); a sampled recipient's
	 * award of an entity line in a year up to cover[line] is dropped, since
	 * the entities file holds that year's round. */
	int known_through;
	int cover[N_LINES];
	int firm_cover;            /* the panel's latest year: entrants are sampled after it */
	struct entity_year *krows; /* a known entity's rows: nfile from the file, then */
	size_t kcap, nk, nfile;    /* the reviews drawn after them (nk in all) */
	int panel_where;           /* the panel firm's district, 0: not given */
	/* fill_row's scratch: the year's line x district cells as awards */
	fen_t cell[N_WHERE][N_LINES][MAX_YEARS][N_LEVELS];
	fen_t lines[N_LINES][MAX_YEARS][N_LEVELS]; /* envelope_years' line cells */
	fen_t lsum[N_LINES][MAX_YEARS][N_LEVELS];  /* fill_row: cell summed over districts */
	struct award cells[N_WHERE * N_LINES];
	struct award *cellp[N_WHERE * N_LINES];
	const struct entity_year *kview; /* apply: the known entity's recorded rows */
	double m12c_paid;
	struct policy *qbuf;           /* the resolved policy: sample's, then apply's */
	struct sim_sample *rec;        /* the sample being recorded */
	struct sim_sample *own;        /* sim_rep's sample: its aggregates only (direct) */
	bool direct;                   /* sim_rep: rules run as recipients are sampled */
	const struct sim_sample *last; /* the last sample (sim_work_fingerprint) */
	/* the reference application (sim_apply_ref): its totals and sample */
	struct totals ref;
	double ref_m12c;
	const struct sim_sample *ref_of;
	unsigned paid; /* run_firm: the firm lines the rules paid the firm */
	/* the reference's recipients (by rec): for a firm, the firm lines the
	 * rules paid it, before take-up (for the variants that move amounts
	 * only); for an entity, TAG_ENTITY | its line */
	unsigned char *paid_by;
	size_t paid_cap;
	const struct sim_sample *paid_of;
	/* and the request draws of its firms (firm_request): firm k's are
	 * drawn[drawn_at[k] .. drawn_at[k + 1]), what a variant's same awards
	 * would draw again (a firm's, line's and year's own stream) */
	struct drawn *drawn;
	size_t ndrawn, drawn_cap, *drawn_at, drawn_at_cap;
	bool drawing;                        /* recording into drawn; false if out of memory */
	const struct drawn *look, *look_end; /* the firm being applied: its reference's */
	/* and its recipients by what a variant runs, each group in record
	 * order: the firms (group 0), then each entity line's (group line):
	 * by_group[group_at[g] .. group_at[g + 1]) */
	uint32_t *by_group;
	size_t by_group_cap, group_at[N_LINES + 1];
};

/* One recipient of a sample, in the order the rules meet it: who it is
 * (what claimed(), firm_request() and the ledger's names read) and where
 * its rows are. */
struct rec {
	uint64_t comp, idx;   /* its stream's key and index */
	const char *panel_id; /* a panel firm's or known entity's id (borrowed), else NULL */
	size_t row;           /* its first row in firm (a firm) or ent */
	unsigned n, nfile;    /* rows; a known entity's rows from the file */
	int known_through;    /* awards of a year up to it are known */
	int draw;             /* an "up to" applicant: its draws in raw, else -1 */
	int where;            /* its district (district.h) */
	bool firm;
	unsigned char who, sub;
};

/* What an "up to" (最高) applicant asked for and the share approved:
 * granted = min(request, cap) x approval once a policy gives the cap. */
struct raw {
	double request, approval, housing;
};

/* A per-replication assumption as resolve() drew it. */
struct resolved {
	int param;
	double v;
};

struct sim_sample {
	uint64_t seed;
	long rep;
	bool failed; /* out of memory while sampling: the row is NaN */
	int cover[N_LINES];
	struct resolved *res; /* room for capres, MAX_PARAMS unless shrunk */
	int nres;
	size_t capres;
	struct rec *rec;
	size_t nrec, caprec;
	struct firm_year *firm;
	size_t nfirm, capfirm;
	struct entity_year *ent;
	size_t nent, capent;
	struct raw *raw;
	size_t nraw, capraw;
	/* the population's aggregates */
	double pop[N_POPSTATS];
	double rev_year[MAX_SPAN]; /* all firms' revenue by year - (start_year - 1) */
	double key_years;
};

static uint64_t mix(uint64_t x)
{
	/* splitmix64's finaliser: nearby inputs give unrelated outputs */
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

/* A sampled recipient's part of the take-up and district hashes: its
 * stream's key and index, mixed (one definition, so the two agree with
 * each other and with where_batch). */
static inline uint64_t who_key(uint64_t comp, uint64_t idx)
{
	return mix(comp ^ mix(idx));
}

static uint64_t key(uint64_t seed, long rep, uint64_t comp, uint64_t idx)
{
	return mix(mix(mix(mix(seed) ^ (uint64_t)rep) ^ comp) ^ idx);
}

/* FNV-1a, 64 bits: a stable key from a name, the same on every machine. */
static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

/* The key of "prefix/suffix". */
static uint64_t name_key(const char *prefix, const char *suffix)
{
	char name[96];
	snprintf(name, sizeof name, "%s/%s", prefix, suffix);
	return fnv1a(name);
}

/* The Philox stream of (comp, idx) in w's replication: idx's low 32 bits
 * are the stream's index (consecutive entities, consecutive streams, for
 * the _across draws); its high bits are folded into the component. */
static struct stream stream_at(const struct sim_work *w, uint64_t comp, uint64_t idx)
{
	uint64_t c = idx >> 32 ? comp ^ mix(idx >> 32) : comp;
	return stream_of(w->seed, (uint32_t)w->rep, stream_comp(c), (uint32_t)idx);
}

/* The recipient w is at (ledger names, take-up and district keys). */
static void who_is(struct sim_work *w, uint64_t comp, uint64_t idx)
{
	w->comp = comp;
	w->idx = idx;
	w->sub = 0; /* set after by those that have one: none left from the last */
}

/* Every key w will use, from the names of components, lines and
 * parameters. -1 when out of memory. */
static int make_keys(struct sim_work *w)
{
	static const char *const arrivals[] = {"arrivals", "arrivals/municipal",
					       "arrivals/provincial", "arrivals/national"};
	for (int c = 0; c < N_COMPONENTS; c++)
		w->comp_key[c] = fnv1a(component_name[c]);
	w->request_key = fnv1a(request_name);
	w->known_key = fnv1a(known_name);
	w->where_key = fnv1a(where_name);
	for (int l = 0; l < N_LINES; l++) {
		const char *sec = line_info(l)->section;
		w->line_key[l].entity = name_key(sec, "entity");
		for (int lv = LEVEL_NONE; lv <= LEVEL_NATIONAL; lv++)
			w->line_key[l].arrivals[lv] = name_key(sec, arrivals[lv]);
	}
	size_t n;
	const struct param_def *d = params_table(&n);
	w->param_key = calloc(n, sizeof *w->param_key);
	if (!w->param_key)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char name[96];
		snprintf(name, sizeof name, "%s.%s", d[i].section, d[i].key);
		w->param_key[i] = name_key("param", name);
	}
	return 0;
}


bool sim_work_overflow(const struct sim_work *w)
{
	return w->overflow;
}

/* Fold a number into a fingerprint, bit for bit. */
static uint64_t fp_add(uint64_t fp, double x)
{
	uint64_t b;
	memcpy(&b, &x, sizeof b);
	return mix(fp ^ b);
}

/* Made from the record when asked (check_pop.c), not while sampling: no
 * run needs it. Every recipient's who, where and rows, and the raw
 * draws, field by field (structs have padding). */
uint64_t sim_work_fingerprint(const struct sim_work *w)
{
	const struct sim_sample *s = w->last;
	uint64_t fp = 0;
	for (size_t k = 0; s && k < s->nrec; k++) {
		const struct rec *r = &s->rec[k];
		fp = mix(fp ^ r->comp) ^ mix(r->idx + (uint64_t)r->n);
		fp = fp_add(fp, (double)r->where + 64.0 * r->who + 4096.0 * r->sub);
		for (unsigned i = 0; r->firm && i < r->n; i++) {
			const struct firm_year *f = &s->firm[r->row + i];
			fp = fp_add(fp,
				    (double)f->founded + 64.0 * f->origin + 1024.0 * f->industrial);
			fp = fp_add(fp, (double)f->year + 4096.0 * f->key_db + 8192.0 * f->top100);
			fp = fp_add(fp, (double)f->employees);
			fp = fp_add(fp, f->revenue);
			fp = fp_add(fp, f->paid_capital);
		}
		for (unsigned i = 0; !r->firm && i < r->n; i++) {
			const struct entity_year *e = &s->ent[r->row + i];
			fp = fp_add(fp, (double)e->line + 64.0 * e->year + 4.0 * e->level);
			fp = fp_add(fp, e->base);
			fp = fp_add(fp, (double)e->passed);
		}
		if (r->draw >= 0) {
			const struct raw *d = &s->raw[r->draw];
			fp = fp_add(fp_add(fp_add(fp, d->request), d->approval), d->housing);
		}
	}
	return fp;
}

long long sim_work_firm_years(const struct sim_work *w)
{
	return w->firm_years;
}

struct sim_work *sim_work_new(void)
{
	struct sim_work *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->r = gsl_rng_alloc(gsl_rng_taus2);
	w->batch = malloc(sizeof *w->batch);
	w->cap = 64;
	w->rows = malloc(w->cap * sizeof *w->rows);
	w->qbuf = malloc(sizeof *w->qbuf);
	w->own = sim_sample_new();
	if (!w->r || !w->batch || !w->rows || !w->qbuf || !w->own || make_keys(w) != 0) {
		sim_work_free(w);
		return NULL;
	}
	return w;
}

void sim_work_free(struct sim_work *w)
{
	if (!w)
		return;
	if (w->r)
		gsl_rng_free(w->r);
	free(w->batch);
	free(w->rows);
	free(w->param_key);
	free(w->krows);
	free(w->qbuf);
	free(w->paid_by);
	free(w->by_group);
	free(w->drawn);
	free(w->drawn_at);
	sim_sample_free(w->own);
	free(w);
}

struct sim_sample *sim_sample_new(void)
{
	struct sim_sample *s = calloc(1, sizeof *s);
	if (s && !(s->res = malloc(MAX_PARAMS * sizeof *s->res))) {
		free(s);
		return NULL;
	}
	if (s)
		s->capres = MAX_PARAMS;
	return s;
}

void sim_sample_free(struct sim_sample *s)
{
	if (!s)
		return;
	free(s->res);
	free(s->rec);
	free(s->firm);
	free(s->ent);
	free(s->raw);
	free(s);
}

/* Trim an array to its n items (n > 0). */
static bool trim(void *pp, size_t *cap, size_t n, size_t size)
{
	void **p = pp;
	if (n == 0 || n == *cap)
		return true;
	void *np = realloc(*p, n * size);
	if (!np)
		return false;
	*p = np;
	*cap = n;
	return true;
}

int sim_sample_shrink(struct sim_sample *s)
{
	bool ok = trim(&s->rec, &s->caprec, s->nrec, sizeof *s->rec) &&
		  trim(&s->firm, &s->capfirm, s->nfirm, sizeof *s->firm) &&
		  trim(&s->ent, &s->capent, s->nent, sizeof *s->ent) &&
		  trim(&s->raw, &s->capraw, s->nraw, sizeof *s->raw) &&
		  trim(&s->res, &s->capres, (size_t)s->nres, sizeof *s->res);
	return ok ? 0 : -1;
}

long long sim_sample_firm_years(const struct sim_sample *s)
{
	return (long long)s->nfirm;
}

size_t sim_sample_bytes(const struct sim_sample *s)
{
	return sizeof *s + s->capres * sizeof *s->res + s->caprec * sizeof *s->rec +
	       s->capfirm * sizeof *s->firm + s->capent * sizeof *s->ent +
	       s->capraw * sizeof *s->raw;
}

/* A record of the recipient w is at, with room for its n rows in firm or
 * ent; NULL when out of memory (the sample is then failed). */
static struct rec *add_rec(struct sim_work *w, bool firm, size_t n)
{
	struct sim_sample *s = w->rec;
	if (s->failed || !room(&s->rec, &s->caprec, s->nrec, 1, sizeof *s->rec) ||
	    (firm ? !room(&s->firm, &s->capfirm, s->nfirm, n, sizeof *s->firm)
		  : !room(&s->ent, &s->capent, s->nent, n, sizeof *s->ent))) {
		s->failed = true;
		return NULL;
	}
	struct rec *r = &s->rec[s->nrec++];
	*r = (struct rec){.comp = w->comp,
			  .idx = w->idx,
			  .panel_id = w->panel_id,
			  .row = firm ? s->nfirm : s->nent,
			  .n = (unsigned)n,
			  .nfile = (unsigned)w->nfile,
			  .known_through = w->known_through,
			  .draw = -1,
			  .firm = firm,
			  .who = (unsigned char)w->who,
			  .sub = (unsigned char)w->sub};
	if (firm)
		s->nfirm += n;
	else
		s->nent += n;
	return r;
}

const char *sim_recipient_id(const struct sim_work *w)
{
	return w->panel_id ? w->panel_id : w->id;
}

/* The value of a per-replication assumption (resolved to a constant). */
static double val(const struct dist *d)
{
	return d->p[0];
}

/* A ledger name for the recipient: firm-000042, new-2026-0003 (entrant of
 * 2026), m6a-2025-0001 (applicant of 2025), m4-2026-national-0000,
 * m5a-0-0002 (park 2). */
static void name_recipient(struct sim_work *w)
{
	static const char *const entrant[] = {"new", "spinoff", "attracted"};
	unsigned long long year = w->idx >> 20, n = w->idx & 0xFFFFF;
	if (w->panel_id)
		return;
	if (w->who == WHO_STOCK)
		snprintf(w->id, sizeof w->id, "firm-%06llu", (unsigned long long)w->idx);
	else if (w->who == WHO_ENTRANT)
		snprintf(w->id, sizeof w->id, "%s-%llu-%04llu", entrant[w->sub], year, n);
	else if (n >> 16) /* level lines: m4-2026-national-0000 */
		snprintf(w->id, sizeof w->id, "%s-%llu-%s-%04llu", line_info(w->sub)->section, year,
			 (const char *[]){"", "municipal", "provincial", "national"}[(n >> 16) & 3],
			 n & 0xFFFF);
	else
		snprintf(w->id, sizeof w->id, "%s-%llu-%04llu", line_info(w->sub)->section, year,
			 n);
}

/* Add the award as it is paid: its instalments (rules_instalments). */
static void book(struct sim_work *w, const struct award *a)
{
	if (!w->extra && rules_at_once(w->q, a->line)) {
		totals_add(&w->t, a); /* rules_instalments would give a itself */
		return;
	}
	struct award part[MAX_INSTALMENTS];
	size_t n = rules_instalments(w->q, a, part);
	if (w->extra)
		name_recipient(w);
	for (size_t k = 0; k < n; k++) {
		if (part[k].amount <= 0)
			continue;
		totals_add(&w->t, &part[k]);
		if (w->extra)
			w->extra->fn(w->extra->ctx, &part[k]);
	}
}

/* Each award is claimed with the line's take-up probability, decided by a
 * hash of who and when so that it is the same in every variant:
 * key(seed, rep, comp_key[S_TAKEUP], mix(comp ^ mix(idx)) ^ mix(line ^
 * year)), its replication's part made once (prepare), the recipient's
 * when it first needs it (run_firm, run_entity clear who_ready). */
static bool claimed(struct sim_work *w, enum line_id line, int year)
{
	double share = w->q->model.takeup[line];
	if (share >= 1)
		return true;
	if (!w->who_ready) {
		w->takeup_who = who_key(w->comp, w->idx);
		w->who_ready = true;
	}
	uint64_t h = mix(w->takeup_pre ^
			 (w->takeup_who ^ mix(w->line_key[line].entity ^ (uint64_t)year)));
	return (double)(h >> 11) * 0x1.0p-53 < share;
}

/* Append text to a's reason, cut at a whole UTF-8 character when it does
 * not fit (a ledger cell stays valid UTF-8). */
static void reason_add(struct award *a, const char *text)
{
	size_t k = strlen(a->reason), room = sizeof a->reason - 1 - k;
	size_t n = strlen(text);
	if (n > room)
		n = text_utf8_cut(text, room);
	memcpy(a->reason + k, text, n);
	a->reason[k + n] = '\0';
}

/* Whether the award the rules made of line for year goes on: a known one
 * (year up to known_through) always; a sampled one unless that round is
 * in the entities file, when claimed. */
static bool taken(struct sim_work *w, enum line_id line, int year)
{
	if (year <= w->known_through)
		return true;
	return year > w->cover[line] && claimed(w, line, year);
}

/* Whether a sampled award of line for year is what the firm asked for
 * (firm_request) rather than the rules' amount. */
static bool requested(const struct sim_work *w, enum line_id line, int year)
{
	return w->firm_granted[line] && year > w->known_through;
}

/* What the firm w is at asks for under line l in year (request) and the
 * share approved, from a stream of its own (firm, line, year), so no
 * other draw depends on it. */
static void request_draws(struct sim_work *w, enum line_id l, int year, double *req, double *ok)
{
	const struct pop_line *pl = &w->q->model.line[l];
	struct stream s = stream_at(w, w->request_key ^ w->comp,
				    mix(w->idx ^ mix(w->line_key[l].entity)) ^ (uint64_t)year);
	*req = dist_draw_at(&pl->request, &s, B_REQUEST, 0, 1e13, w->r);
	*ok = dist_draw_at(&pl->approval, &s, B_APPROVAL, 0, 1, w->r);
}

/* 第1条 再给予最高200万元, 第3条 最高100万元: the firm asks for an amount
 * and is paid min(request, cap) x approval (request_draws). */
static bool firm_request(struct sim_work *w, struct award *a)
{
	double cap = a->line == L_M1B ? w->q->m1b.amount : w->q->m3c.amount;
	double req, ok;
	const struct drawn *d = w->look;
	while (d < w->look_end && (d->line != a->line || d->year != a->year))
		d++;
	if (d < w->look_end) {
		req = d->req;
		ok = d->ok;
	} else {
		request_draws(w, a->line, a->year, &req, &ok);
		if (w->drawing && room(&w->drawn, &w->drawn_cap, w->ndrawn, 1, sizeof *w->drawn))
			w->drawn[w->ndrawn++] = (struct drawn){req, ok, a->year, a->line};
		else
			w->drawing = false;
	}
	double amt = fmin_fast(req, cap) * ok;
	a->amount = money_round(amt);
	if (a->amount <= 0)
		return false;
	rules_split(w->q, a);
	if (a->reason[0]) {
		char r[32], c[32], t[REASON_LEN];
		money_words(req, r, sizeof r);
		money_words(a->amount / 100.0, c, sizeof c);
		snprintf(t, sizeof t, _("; requested %s, paid %s"), r, c);
		reason_add(a, t);
	}
	return true;
}

/* What the ledger says of a known award: the status of its row. */
static void known_reason(const struct sim_work *w, struct award *a)
{
	static const char *const st[] = {N_("approved"), N_("paid"), N_("pending, drawn approved")};
	const char *what = "";
	for (size_t i = 0; i < w->nk; i++)
		if (w->kview[i].year == a->year)
			what = i < w->nfile
				       ? _(st[w->kview[i].status])
				       : _("approved in an earlier round, review passed (drawn)");
	char t[REASON_LEN];
	snprintf(t, sizeof t, _("; known: %s"), what);
	reason_add(a, t);
}

/* Book a, or keep it for the tax cap (apply_taxcap) when buffering. */
static void pay(struct sim_work *w, const struct award *a)
{
	if (w->buffering && w->nbuf < (int)(sizeof w->buf / sizeof w->buf[0])) {
		w->buf[w->nbuf++] = *a;
		return;
	}
	book(w, a);
}

static void on_award(void *ctx, const struct award *given)
{
	struct sim_work *w = ctx;
	struct award copy, *a = &copy;
	w->paid |= (int)given->line < N_FIRM_LINES ? 1u << given->line : 0;
	if (!taken(w, given->line, given->year))
		return;
	*a = *given;
	if (requested(w, a->line, a->year) && !firm_request(w, a))
		return;
	if (w->who == WHO_KNOWN && a->reason[0])
		known_reason(w, a);
	pay(w, a);
}

/* on_award over a list sink's awards, in their order: the same steps,
 * with an award of the fields the split, the request and book read and
 * no reason (no ledger asks). An award paid at once, not requested and
 * not kept for the tax cap, the most of them, is split and added up in
 * fen with the prepared shares, without a struct award. */
static void on_list(struct sim_work *w, const struct award_due *d, size_t n, int where)
{
	const struct rules_prep *rp = &w->prep;
	int wi = rules_where(where), lag = w->q->payment_lag;
	for (size_t i = 0; i < n; i++) {
		enum line_id line = d[i].line;
		int year = d[i].year;
		if (!taken(w, line, year))
			continue;
		bool req = requested(w, line, year);
		if (!req && !w->buffering && w->at_once[line]) {
			fen_t part[N_LEVELS];
			part[LV_TOTAL] = d[i].amount;
			rules_levels(d[i].amount, rp->prov[line], rp->where[wi][line],
				     &part[LV_PROVINCIAL], &part[LV_MUNICIPAL], &part[LV_DISTRICT]);
			totals_add_levels(&w->t, line, year + lag, wi, part);
			continue;
		}
		struct award a;
		a.line = line;
		a.year = year;
		a.paid_year = year + lag;
		a.amount = d[i].amount;
		a.where = where;
		a.reason[0] = '\0';
		if (req) {
			if (!firm_request(w, &a))
				continue;
		} else {
			rules_split(w->q, &a);
		}
		pay(w, &a);
	}
}

/* The tax cap (rules_taxcap) on the firm's claimed awards, then book them. */
static void apply_taxcap(struct sim_work *w, const struct firm_year *rows, size_t n)
{
	for (int i = 0; i < w->nbuf; i++)
		w->bufp[i] = &w->buf[i];
	rules_taxcap(w->q, rows, n, w->bufp, (size_t)w->nbuf);
	for (int i = 0; i < w->nbuf; i++)
		if (w->buf[i].amount > 0)
			book(w, &w->buf[i]);
	w->nbuf = 0;
}

static int last_year(const struct policy *q)
{
	return q->start_year + q->years - 1;
}

/* What firms add to the population aggregates: revenue in the base year,
 * added firm after firm as ever, and counts, kept in integers (exact in
 * any order, so a batch's are added to the sample once). */
struct tally {
	double revenue;
	unsigned firms, over_1yi, over_5yi, over_10yi, key_db, key_years, growth50, top100_new;
};

/* One firm's rows (sorted by year) into t; y0 is the base year, end the
 * window's last. Branch-free but for the base year's row, which a firm
 * has at most once; the row counts in locals, not through t's memory. */
static inline void tally_rows(struct tally *t, const struct firm_year *rows, size_t n, int y0,
			      int end)
{
	unsigned key_db = 0, key_years = 0, growth50 = 0;
	bool listed = false, top100_new = false;
	for (size_t i = 0; i < n; i++) {
		const struct firm_year *r = &rows[i];
		if (r->year == y0) {
			t->firms++;
			t->revenue += r->revenue;
			t->over_1yi += r->revenue >= 1e8;
			t->over_5yi += r->revenue >= 5e8;
			t->over_10yi += r->revenue >= 1e9;
		}
		key_db += (r->year == y0 + 1) & r->key_db;
		bool in = (r->year > y0) & (r->year <= end);
		if (i > 0) {
			const struct firm_year *prev = &rows[i - 1];
			bool grew = in & r->key_db & (prev->year == r->year - 1) &
				    (prev->revenue > 0);
			key_years += grew;
			growth50 += grew & (r->revenue > 1.5 * prev->revenue);
		}
		top100_new |= r->top100 & !listed & in;
		listed |= r->top100;
	}
	t->key_db += key_db;
	t->key_years += key_years;
	t->growth50 += growth50;
	t->top100_new += top100_new;
}

/* t into the sample being recorded; t->revenue is its revenue sum. */
static void tally_add(struct sim_work *w, const struct tally *t)
{
	double *pop = w->rec->pop;
	pop[PS_FIRMS] += t->firms;
	pop[PS_REVENUE] = t->revenue;
	pop[PS_SHARE_1YI] += t->over_1yi;
	pop[PS_SHARE_5YI] += t->over_5yi;
	pop[PS_FIRMS_10YI] += t->over_10yi;
	pop[PS_KEY_DB] += t->key_db;
	pop[PS_GROWTH50] += t->growth50;
	pop[PS_TOP100_NEW] += t->top100_new;
	w->rec->key_years += t->key_years;
}

/* A firm's rows (a panel firm's) into the population aggregates. */
static void count_firm(struct sim_work *w, const struct firm_year *rows, size_t n)
{
	int y0 = w->q->start_year - 1;
	struct sim_sample *s = w->rec;
	for (size_t i = 0; i < n; i++)
		if (rows[i].year >= y0 && rows[i].year - y0 < MAX_SPAN)
			s->rev_year[rows[i].year - y0] += rows[i].revenue;
	struct tally t = {.revenue = s->pop[PS_REVENUE]};
	tally_rows(&t, rows, n, y0, last_year(w->q));
	tally_add(w, &t);
}

/* The talent and training lines (第12条, 第13条): their recipients are
 * placed by the talent weights. */
static bool talent_line(enum line_id l)
{
	return l == L_M12A || l == L_M12B || l == L_M12C || l == L_M13A || l == L_M13B;
}

static int where_pick(struct sim_work *w, enum line_id l, uint64_t who);
static inline int where_at(const struct sim_work *w, enum line_id l, uint64_t h);

/* The district of the recipient being evaluated under line l, from a hash
 * of who it is and the weights ([district.X] firms, talent; a district
 * award: each alike). A panel firm's own district, when the panel gives
 * one. */
static int where_of(struct sim_work *w, enum line_id l)
{
	if (w->who == WHO_KNOWN) /* its rows give none: keyed by its id */
		return where_pick(w, l, fnv1a(w->panel_id));
	if (w->panel_id && w->panel_where)
		return w->panel_where;
	return where_pick(w, l, who_key(w->comp, w->idx));
}

/* where_pick's hashes of the recipients of streams (comp, idx0 + j), j < n
 * rounded up to 8 (h has room): eight at a time, a loop gcc makes one
 * vector of eight under AVX-512 (its 64-bit multiply is one instruction;
 * the mixes' nine multiplies a recipient were most of where_batch). */
static inline void where_hashes(uint64_t pre, uint64_t comp, uint64_t idx0, size_t n, uint64_t *h)
{
	for (size_t j0 = 0; j0 < n; j0 += 8)
		for (size_t k = 0; k < 8; k++)
			h[j0 + k] = mix(pre ^ who_key(comp, idx0 + j0 + k));
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target("avx512f,avx512dq"))) static void
where_hashes8(uint64_t pre, uint64_t comp, uint64_t idx0, size_t n, uint64_t *h)
{
	where_hashes(pre, comp, idx0, n, h);
}
#endif

/* The districts under line l of the n recipients of streams (comp, idx0
 * + j), as where_of gives them for sampled ones: the hashes of all first
 * (where_hashes), then the picks. */
static void where_batch(struct sim_work *w, enum line_id l, uint64_t comp, uint64_t idx0, size_t n,
			int *out)
{
	uint64_t h[BATCH];
	_Static_assert(BATCH % 8 == 0, "where_hashes fills whole eights");
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
	if (stream_avx512dq()) /* else the plain loop: the same bits */
		where_hashes8(w->where_pre, comp, idx0, n, h);
	else
#endif
		where_hashes(w->where_pre, comp, idx0, n, h);
	for (size_t j = 0; j < n; j++)
		out[j] = where_at(w, l, h[j]);
}

/* where_pick's tables for w's replication and policy: the hash's part of
 * the replication, and the tables unless they are of the same weights,
 * bit for bit. */
static void where_tables(struct sim_work *w)
{
	const struct model *m = &w->q->model;
	w->where_pre = mix(mix(mix(w->seed) ^ (uint64_t)w->rep) ^ w->where_key);
	if (w->where_made && !memcmp(w->where_firms, m->where_firms, sizeof w->where_firms) &&
	    !memcmp(w->where_talent, m->where_talent, sizeof w->where_talent))
		return;
	memcpy(w->where_firms, m->where_firms, sizeof w->where_firms);
	memcpy(w->where_talent, m->where_talent, sizeof w->where_talent);
	w->where_made = true;
	for (int l = 0; l < N_LINES; l++) {
		const double *wt = talent_line(l) ? m->where_talent : m->where_firms;
		bool each = line_pays_district(l);
		double sum = 0, acc = 0;
		int n = 0;
		for (int d = 1; d <= N_DISTRICTS; d++) {
			double x = each ? 1 : wt[d];
			sum += x;
			if (x <= 0)
				continue;
			acc += x;
			w->where_acc[l][n] = acc;
			w->where_d[l][n++] = (signed char)d;
		}
		w->where_sum[l] = sum;
		w->where_n[l] = (signed char)n;
		for (int i = n; i < WHERE_PAD; i++) {
			w->where_acc[l][i] = INFINITY;
			w->where_d[l][i] = (signed char)(n ? w->where_d[l][n - 1] : 1);
		}
		/* where each 64th of the hashes starts: the running sums at or
		 * below the least u of it (u rises with the hash, so a pick's
		 * count is at least this) */
		for (int b = 0, i = 0; b < WHERE_GUIDE; b++) {
			double lo = (double)((uint64_t)b << 47) * 0x1.0p-53 * sum;
			while (lo >= w->where_acc[l][i])
				i++;
			w->where_guide[l][b] = (unsigned char)i;
		}
	}
}

/* The district under line l of hash h (where_pick's). */
static inline int where_at(const struct sim_work *w, enum line_id l, uint64_t h)
{
	double u = (double)(h >> 11) * 0x1.0p-53 * w->where_sum[l];
	/* the first running sum above u, from where its 64th of the hashes
	 * starts (where_tables): mostly no step, where a scan from the first
	 * district mispredicted on every other recipient; u at the very top
	 * (rounding) takes the last */
	int i = w->where_guide[l][h >> 58];
	while (u >= w->where_acc[l][i])
		i++;
	int n = w->where_n[l];
	return w->where_d[l][i < n ? i : (n ? n - 1 : 0)];
}

static int where_pick(struct sim_work *w, enum line_id l, uint64_t who)
{
	/* key(seed, rep, where_key, who), its first three steps made once */
	return where_at(w, l, mix(w->where_pre ^ who));
}

static unsigned run_firm(struct sim_work *w, const struct firm_year *rows, size_t n, int where,
			 unsigned lines);
static void run_entity(struct sim_work *w, const struct entity_year *rows, size_t n, int where);
static const struct entity_year *granted_rows(struct sim_work *w, const struct entity_year *rows,
					      size_t n, const struct raw *d);

/* Record the firm w is at in district where: its rows and who it is
 * (counted in the aggregates before: count_firm, grow's tally); or, for
 * sim_rep (w->direct), its rules run there and then, as sim_apply would
 * run them from the record. */
static void rec_firm(struct sim_work *w, const struct firm_year *rows, size_t n, int where)
{
	w->firm_years += (long long)n;
	if (w->direct) {
		run_firm(w, rows, n, where, RULES_FIRM_ALL);
		return;
	}
	struct rec *r = add_rec(w, true, n);
	if (r) {
		memcpy(w->rec->firm + r->row, rows, n * sizeof *rows);
		r->where = where;
	}
}

/* Record the entity w is at; draw: its raw draws (an "up to" applicant),
 * or NULL; pick: its district as where_of gives it (where_batch), or -1
 * to ask where_of. */
static void rec_entity(struct sim_work *w, const struct entity_year *rows, size_t n,
		       const struct raw *draw, int pick)
{
	struct sim_sample *s = w->rec;
	int where = 0;
	for (size_t i = 0; i < n; i++) /* a known entity's file may name its district */
		where = rows[i].where ? rows[i].where : where;
	if (!where)
		where = pick >= 0 ? pick : where_of(w, rows[0].line);
	if (w->direct) { /* as apply() sets them from the record */
		w->kview = rows;
		w->nk = n;
		run_entity(w, granted_rows(w, rows, n, draw), n, where);
		return;
	}
	if (draw && !s->failed && !room(&s->raw, &s->capraw, s->nraw, 1, sizeof *s->raw))
		s->failed = true;
	struct rec *r = add_rec(w, false, n);
	if (!r)
		return;
	memcpy(s->ent + r->row, rows, n * sizeof *rows);
	r->where = where;
	if (draw) {
		r->draw = (int)s->nraw;
		s->raw[s->nraw++] = *draw;
	}
}

/* The sink of w's recipient of n rows in district where: a list into
 * w->due (counted in *nd) when no ledger asks and it has room, else
 * on_award. */
static struct award_sink sink_of(struct sim_work *w, size_t n, int where, size_t *nd)
{
	bool list = !w->extra && RULES_MAX_AWARDS(n) <= sizeof w->due / sizeof w->due[0];
	*nd = 0;
	return (struct award_sink){.fn = on_award,
				   .ctx = w,
				   .reasons = w->extra != NULL,
				   .where = where,
				   .list = list ? w->due : NULL,
				   .nlist = nd};
}

/* What the award path reads, for the replication apply is at (w->q,
 * seed and rep set). */
static void prepare(struct sim_work *w)
{
	rules_prepare(w->q, &w->prep);
	w->takeup_pre = mix(mix(mix(w->seed) ^ (uint64_t)w->rep) ^ w->comp_key[S_TAKEUP]);
	w->taxcap = w->q->model.taxcap.enabled;
	for (int l = 0; l < N_LINES; l++) {
		w->at_once[l] = rules_at_once(w->q, (enum line_id)l);
		w->firm_granted[l] = l < N_FIRM_LINES &&
				     line_info((enum line_id)l)->pay == PAY_GRANTED;
	}
}

/* The rules of the firm lines in lines on the firm's rows; returns the
 * lines they paid it (before take-up). */
static unsigned run_firm(struct sim_work *w, const struct firm_year *rows, size_t n, int where,
			 unsigned lines)
{
	size_t nd;
	struct award_sink s = sink_of(w, n, where, &nd);
	w->who_ready = false;
	w->buffering = w->taxcap;
	w->paid = 0;
	rules_firm_lines(&w->prep, rows, n, &s, lines);
	for (size_t i = 0; i < nd; i++)
		w->paid |= 1u << w->due[i].line;
	if (nd)
		on_list(w, w->due, nd, where);
	if (w->buffering)
		apply_taxcap(w, rows, n);
	return w->paid;
}

static void run_entity(struct sim_work *w, const struct entity_year *rows, size_t n, int where)
{
	size_t nd;
	struct award_sink s = sink_of(w, n, where, &nd);
	w->who_ready = false;
	w->buffering = false;
	rules_entity(w->q, rows, n, &s);
	if (nd)
		on_list(w, w->due, nd, where);
}

static double shock(const struct sim_work *w, int year)
{
	int k = year - w->shock_year0;
	return k >= 0 && k < MAX_SPAN ? w->shock[k] : 0;
}

/* 第3条 重点软件企业库: the list of a year is selected on the previous
 * year's figures (revenue at the bar) from firms that have run at least
 * one full year (运营稳定): never on the year's own growth. key_u fixes
 * whether the firm applies and is listed, for its life. */
static bool key_db(const struct model *m, const struct firm_year *prev, int founded, double key_u)
{
	return (prev->revenue >= m->firms.key_db_min_revenue) & (prev->year - founded >= 1) &
	       (key_u < m->firms.key_db_share); /* & not &&: no branch */
}

/* Room in each of b's firms for its first row and steps years grown. */
static void batch_span(struct batch *b, int steps)
{
	b->stride = (steps < MAX_SPAN ? (steps > 0 ? steps : 0) : MAX_SPAN) + 1;
}

/* The first rows of a batch's n firms into a tally for the sample being
 * recorded (its revenue sum so far, then theirs), their revenue by year,
 * and whether each firm is on the top-100 list yet: grow counts the rows
 * it makes into that tally. The first rows are of one year (grow). */
static struct tally tally_first(struct sim_work *w, struct batch *b, size_t n)
{
	struct sim_sample *s = w->rec;
	int y0 = w->q->start_year - 1, at = ROW(b, 0, 0).year - y0;
	bool by_year = at >= 0 && at < MAX_SPAN;
	double acc = by_year ? s->rev_year[at] : 0;
	struct tally t = {.revenue = s->pop[PS_REVENUE]};
	for (size_t j = 0; j < n; j++) {
		const struct firm_year *r = &ROW(b, j, 0);
		tally_rows(&t, r, 1, y0, last_year(w->q));
		acc += r->revenue;
		b->listed[j] = r->top100;
	}
	if (by_year)
		s->rev_year[at] = acc;
	return t;
}

/* Grow the batch's n firms (streams s.idx + j) from their last known row
 * row[j][0] to the window's end, with yearly exits: step k's draws for
 * all n in one call each, then exp over the firms still growing. Every
 * firm draws the same positions whatever happens to it, so a changed
 * threshold shifts no draw. The firms still growing are a list (live),
 * in order, kept without a branch: an exit is a coin flip the branch
 * predictor got wrong for one firm in ten. t: when given (tally_first),
 * the rows grown are counted there as they are made, and their revenue
 * added by year, year by year and firm by firm (count_firm's sums in the
 * same order); the firms' first rows are then of one year, the base
 * year or later (stock, entrants), so a step's rows are of one year after
 * it. */
static void grow(struct sim_work *w, const struct stream *s, size_t n, double exit_rate,
		 struct tally *t)
{
	const struct model *m = &w->q->model;
	struct batch *b = w->batch;
	int end = last_year(w->q), steps = 0, y0 = w->q->start_year - 1;
	size_t nlive = 0;
	for (size_t j = 0; j < n; j++) {
		int left = end - ROW(b, j, 0).year;
		b->steps[j] = 0;
		steps = left > steps ? left : steps;
		b->live[nlive] = (int)j;
		nlive += left > 0;
	}
	steps = steps < b->stride - 1 ? steps : b->stride - 1; /* batch_span made room */
	double sd = m->growth.firm_sd, el = m->growth.staff_elasticity;
	for (int k = 1; k <= steps; k++) {
		double *ue = b->a, *ut = b->b;
		stream_uniform2_across(s, B_YEAR_U + (uint32_t)k - 1, n, ue, ut);
		if (k % 2)
			stream_normal2_across(s, B_YEAR_N + (uint32_t)(k - 1) / 2, n, b->z0, b->z1);
		const double *z = k % 2 ? b->z0 : b->z1;
		size_t nl = 0;
		for (size_t i = 0; i < nlive; i++) { /* live[nl] <= live[i]: in place */
			size_t j = (size_t)b->live[i];
			const struct firm_year *prev = &ROW(b, j, k - 1);
			int year = prev->year + 1;
			bool young = year - prev->founded < 3;
			double g = w->drift + shock(w, year) + sd * z[j] +
				   (young ? w->ln_young : 0);
			b->x[nl] = g;
			b->x[BATCH + nl] = el * g + (young ? w->ln_ramp : 0);
			b->live[nl] = (int)j;
			nl += (year <= end) & !(ue[j] < exit_rate); /* else at the end, or exited */
		}
		nlive = nl;
		if (nl == 0)
			break;
		if (nl < BATCH) /* the staff exponents after the revenue ones */
			memmove(b->x + nl, b->x + BATCH, nl * sizeof *b->x);
		stream_exp(b->x, 2 * nl, b->x);
		int at = ROW(b, b->live[0], k - 1).year + 1 - y0; /* the step's rev_year */
		bool by_year = t && at >= 0 && at < MAX_SPAN;
		double acc = by_year ? w->rec->rev_year[at] : 0;
		unsigned key_db_n = 0, key_years = 0, growth50 = 0, top100_new = 0;
		for (size_t i = 0; i < nl; i++) {
			size_t j = (size_t)b->live[i];
			/* the new row's figures in locals, for the row and the tally
			 * (read back from the row, each waited for its store) */
			const struct firm_year *prev = &ROW(b, j, k - 1);
			int year = prev->year + 1;
			double was = prev->revenue, rev = was * b->x[i];
			double staff = (double)(prev->employees > 1 ? prev->employees : 1);
			double e = rint(staff * b->x[nl + i]);
			bool listed = key_db(m, prev, prev->founded, b->key_u[j]);
			bool top = (rev >= m->events.top100_min_revenue) &
				   (ut[j] < m->events.top100_prob);
			struct firm_year *row = &ROW(b, j, k);
			*row = *prev;
			row->year = year;
			row->revenue = rev;
			row->employees =
				(int)(e < 1e7 ? e : 1e7); /* fmin(1e7, e) without a libm call */
			row->key_db = listed;
			row->top100 = top;
			b->steps[j] = k;
			if (!t)
				continue;
			/* tally_rows on the row: its year follows prev's and is in
			 * the window (after the first rows' and at most end) */
			acc += rev;
			bool grew = listed & (was > 0);
			key_db_n += listed;
			key_years += grew;
			growth50 += grew & (rev > 1.5 * was);
			top100_new += top & !b->listed[j];
			b->listed[j] |= top;
		}
		if (!t)
			continue;
		if (by_year)
			w->rec->rev_year[at] = acc;
		t->key_db += at == 1 ? key_db_n : 0; /* the list of start_year */
		t->key_years += key_years;
		t->growth50 += growth50;
		t->top100_new += top100_new;
	}
}

/* fmax(x, y) without a libm call, to the bit as glibc's (+-0, +-inf,
 * quiet NaNs and 20 million doubles checked): y, unless x is above it or
 * y is NaN. */
static double max_of(double x, double y)
{
	return x > y || y != y ? x : y;
}

/* fmax(1, lround(x)) without libm calls, to the bit: x to the nearest
 * whole number, at least 1. lround gives LONG_MIN for NaN and from 2^63
 * up, so those are 1 too. */
static double staff_of(double x)
{
	double r = x < 0x1p63 ? round_half_away(x) : 1;
	return r > 1 ? r : 1;
}

/* Grow a batch of sampled firms (stock, entrants) from their first rows,
 * counting the first rows and those grown into the population aggregates. */
static void grow_counted(struct sim_work *w, const struct stream *s, size_t n)
{
	struct tally sum = tally_first(w, w->batch, n);
	grow(w, s, n, val(&w->q->model.growth.exit_rate), &sum);
	tally_add(w, &sum);
}

/* The stock firms idx .. idx + n - 1 (n <= BATCH): their first rows, then
 * grow. */
static void stock_batch(struct sim_work *w, uint64_t idx, size_t n)
{
	const struct model *m = &w->q->model;
	struct batch *b = w->batch;
	struct stream s = stream_at(w, w->comp_key[S_STOCK], idx);
	int y0 = w->q->start_year - 1;
	batch_span(b, last_year(w->q) - y0);
	double *rev = b->a, *u_tail = b->b, *u_found = b->c, *u_ind = b->d, *u_top = b->e;
	/* the stock is the firms in the statistics: drawn above its bar */
	dist_draw_across(&m->firms.revenue, &s, B_REV, n, 0, 1e13, w->r, rev);
	for (size_t j = 0; j < n; j++) {
		if (rev[j] < m->firms.min_revenue) { /* a few in a hundred */
			struct stream t = s;
			t.idx += (uint32_t)j;
			for (int k = 0; k < MAX_RETRY && rev[j] < m->firms.min_revenue; k++)
				rev[j] = dist_draw_at(&m->firms.revenue, &t, B_RETRY + (uint32_t)k,
						      0, 1e13, w->r);
		}
		rev[j] = max_of(rev[j], m->firms.min_revenue);
	}
	stream_uniform2_across(&s, B_START_U, n, u_tail, b->key_u);
	stream_uniform2_across(&s, B_START_U2, n, u_found, u_ind);
	stream_uniform_across(&s, 2 * B_START_U3, n, u_top);
	stream_normal_across(&s, 2 * B_START_N, n, b->x);
	for (size_t j = 0; j < n; j++)
		b->x[j] *= m->firms.staff_sigma;
	stream_exp(b->x, n, b->x);
	/* above the threshold a Pareto tail, by inverse CDF from a uniform of
	 * its own (1 - u in (0, 1]); a loop apart, so that the rows' loop has
	 * no branch a firm in twenty takes */
	for (size_t j = 0; j < n; j++)
		if (m->firms.tail_alpha > 0 && rev[j] > m->firms.tail_threshold)
			rev[j] = fmin(m->firms.tail_threshold *
					      pow(1 - u_tail[j], -1 / m->firms.tail_alpha),
				      1e13);
	for (size_t j = 0; j < n; j++) {
		double staff = rev[j] / m->firms.revenue_per_employee * b->x[j];
		int founded = y0 - (int)(u_found[j] * m->firms.max_age);
		struct firm_year *f = &ROW(b, j, 0);
		*f = (struct firm_year){
			.year = y0,
			.founded = founded,
			/* 新设: the stock holds the entry cohorts before the policy;
			 * M2's window (at most 10 years) decides which are new */
			.origin = y0 - founded < 10 ? ORIGIN_NEW : ORIGIN_EXISTING,
			.industrial = u_ind[j] < m->firms.industrial_share,
			.employees = (int)fmin_fast(1e7, staff_of(staff)),
			.revenue = rev[j],
		};
		f->key_db = key_db(m, f, founded, b->key_u[j]); /* no earlier data: its own */
		f->top100 = (rev[j] >= m->events.top100_min_revenue) &
			    (u_top[j] < m->events.top100_prob);
	}
	grow_counted(w, &s, n);
	where_batch(w, L_M1A, w->comp_key[S_STOCK], idx, n, b->where);
	for (size_t j = 0; j < n; j++) {
		who_is(w, w->comp_key[S_STOCK], idx + j);
		w->who = WHO_STOCK;
		rec_firm(w, &ROW(b, j, 0), (size_t)b->steps[j] + 1, b->where[j]);
	}
}

static void existing_firms(struct sim_work *w)
{
	long count = lround(val(&w->q->model.firms.count));
	for (long i = 0; i < count; i += BATCH)
		stock_batch(w, (uint64_t)i, (size_t)(count - i < BATCH ? count - i : BATCH));
}

/* The bureau's own firms: their rows as given, their future sampled.
 * -1 when out of memory: a firm left out would understate the cost. */
static int panel_firms(struct sim_work *w, const struct panel *pn)
{
	const struct model *m = &w->q->model;
	struct batch *b = w->batch;
	for (size_t g0 = 0; g0 < pn->firms.count; g0 += BATCH) {
		size_t nb = pn->firms.count - g0 < BATCH ? pn->firms.count - g0 : BATCH;
		struct stream s = stream_at(w, w->comp_key[S_PANEL], g0);
		int most = 0;
		for (size_t j = 0; j < nb; j++) {
			int left = last_year(w->q) - pn->rows[pn->firms.start[g0 + j + 1] - 1].year;
			most = left > most ? left : most;
		}
		batch_span(b, most);
		stream_uniform2_across(&s, B_START_U, nb, b->a, b->key_u);
		for (size_t j = 0; j < nb; j++) {
			size_t end = pn->firms.start[g0 + j + 1];
			ROW(b, j, 0) = pn->rows[end - 1];
			if (ROW(b, j, 0).key_db)
				b->key_u[j] = 0;
		}
		grow(w, &s, nb, val(&m->growth.exit_rate), NULL);
		for (size_t j = 0; j < nb; j++) {
			size_t g = g0 + j, a = pn->firms.start[g], n = pn->firms.start[g + 1] - a;
			size_t all = n + (size_t)b->steps[j];
			if (all > w->cap) {
				struct firm_year *nr = realloc(w->rows, all * sizeof *nr);
				if (!nr)
					return -1;
				w->rows = nr;
				w->cap = all;
			}
			memcpy(w->rows, pn->rows + a, n * sizeof *w->rows);
			memcpy(w->rows + n, &ROW(b, j, 1), (size_t)b->steps[j] * sizeof *w->rows);
			who_is(w, w->comp_key[S_PANEL], g);
			w->who = WHO_OTHER;
			w->panel_id = group_id(&pn->firms, g);
			w->known_through = w->rows[n - 1].year; /* its own rows are known */
			w->panel_where = 0;
			for (size_t k = a; k < a + n && pn->district; k++)
				w->panel_where = pn->district[k] ? pn->district[k] : w->panel_where;
			count_firm(w, w->rows, all);
			rec_firm(w, w->rows, all, where_of(w, L_M1A));
			w->panel_id = NULL;
			w->known_through = INT_MIN;
		}
	}
	return 0;
}

/* A count of mean mu from the stream of (comp, idx): the Poisson quantile
 * of its first uniform (dist_poisson_quantile), from where w keeps it. */
static unsigned poisson(struct sim_work *w, uint64_t comp, uint64_t idx, double mu)
{
	struct stream s = stream_at(w, comp, idx);
	double u;
	stream_uniform(&s, 0, 1, &u);
	const size_t n = sizeof w->pstart / sizeof w->pstart[0];
	struct poisson_start *ps = NULL;
	for (size_t i = 0; i < n && !ps; i++)
		if (w->pstart[i].mu == mu && mu > 0)
			ps = &w->pstart[i];
	if (!ps) {
		ps = &w->pstart[w->pnext++ % n];
		dist_poisson_start(mu, ps);
	}
	return dist_poisson_from(u, ps);
}

/* Entrants j0 .. j0 + n - 1 of a kind founded in year t: their first rows
 * (drawn across their streams), then grow. */
static void entrant_batch(struct sim_work *w, int kind, int t, unsigned j0, size_t n)
{
	static const enum origin origin[3] = {ORIGIN_NEW, ORIGIN_SPINOFF, ORIGIN_ATTRACTED};
	const struct model *m = &w->q->model;
	struct batch *b = w->batch;
	uint64_t comp = w->comp_key[S_ENTRANT + kind], idx0 = (uint64_t)t << 20 | j0;
	struct stream s = stream_at(w, comp, idx0);
	batch_span(b, last_year(w->q) - t);
	bool att = origin[kind] == ORIGIN_ATTRACTED;
	double *rev = b->a, *staff = b->b, *capital = b->c, *u_ind = b->d;
	dist_draw_across(att ? &m->entry.attracted_revenue : &m->entry.new_revenue, &s, B_REV, n, 0,
			 1e13, w->r, rev);
	dist_draw_across(att ? &m->entry.attracted_staff : &m->entry.new_staff, &s, B_STAFF, n, 0,
			 1e6, w->r, staff);
	if (att)
		dist_draw_across(&m->entry.attracted_capital, &s, B_CAPITAL, n, 0, 1e13, w->r,
				 capital);
	stream_uniform2_across(&s, B_START_U, n, u_ind, b->key_u);
	double share = att ? m->entry.attracted_industrial_share : m->firms.industrial_share;
	for (size_t j = 0; j < n; j++)
		ROW(b, j, 0) = (struct firm_year){
			.year = t,
			.founded = t,
			.origin = origin[kind],
			.industrial = u_ind[j] < share,
			.employees = (int)staff_of(staff[j]),
			.paid_capital = att ? capital[j] : 0,
			.revenue = rev[j],
		};
	grow_counted(w, &s, n);
	where_batch(w, L_M1A, comp, idx0, n, b->where);
	for (size_t j = 0; j < n; j++) {
		who_is(w, comp, idx0 + j);
		w->who = WHO_ENTRANT;
		w->sub = kind;
		rec_firm(w, &ROW(b, j, 0), (size_t)b->steps[j] + 1, b->where[j]);
	}
}

/* New, spun-off and attracted firms founded in the policy years, to the
 * window's end. Earlier cohorts are in the stock (or the panel): no policy
 * key decides which firms exist. */
static void entrants(struct sim_work *w)
{
	const struct model *m = &w->q->model;
	const struct dist *rate[3] = {&m->entry.new_per_year, &m->entry.spinoff_per_year,
				      &m->entry.attracted_per_year};
	/* firms founded in a year the panel covers are in it */
	int first = w->firm_cover >= w->q->start_year ? w->firm_cover + 1 : w->q->start_year;
	for (int kind = 0; kind < 3; kind++) {
		for (int t = first; t <= last_year(w->q); t++) {
			unsigned k = poisson(w, w->comp_key[S_ENTRY_COUNT + kind], (uint64_t)t,
					     val(rate[kind]));
			k = k < 1u << 20 ? k : (1u << 20) - 1; /* the index's 20 bits */
			for (unsigned j = 0; j < k; j += BATCH)
				entrant_batch(w, kind, t, j, k - j < BATCH ? k - j : BATCH);
		}
	}
}

/* Parks under M5A/M5B: software revenue growing with the city. */
static void parks(struct sim_work *w, enum line_id l)
{
	const struct pop_line *pl = &w->q->model.line[l];
	struct batch *b = w->batch;
	long count = lround(val(&pl->parks));
	int y0 = w->q->start_year - 1, end = last_year(w->q);
	/* parks grow with the city: the mean growth and the common shock, and
	 * their own spread with its own drift correction (never the firms') */
	double csd = w->q->model.growth.common_sd;
	double drift = log1p(val(&w->q->model.growth.city)) -
		       (csd * csd + pl->growth_sd * pl->growth_sd) / 2;
	int steps = end - y0 < MAX_SPAN ? end - y0 : MAX_SPAN - 1; /* rows: w->erows */
	batch_span(b, steps);
	for (long k0 = 0; k0 < count; k0 += BATCH) {
		size_t n = (size_t)(count - k0 < BATCH ? count - k0 : BATCH);
		struct stream s = stream_at(w, w->line_key[l].entity, (uint64_t)k0);
		double *rev = b->a;
		dist_draw_across(&pl->revenue, &s, B_REV, n, 0, 1e13, w->r, rev);
		for (size_t j = 0; j < n; j++)
			ROW(w->batch, j, 0).revenue = rev[j];
		for (int k = 1; k <= steps; k++) { /* the years' factors, in row[j][k] */
			if (k % 2)
				stream_normal2_across(&s, B_YEAR_N + (uint32_t)(k - 1) / 2, n,
						      b->z0, b->z1);
			const double *z = k % 2 ? b->z0 : b->z1;
			for (size_t j = 0; j < n; j++)
				b->x[j] = drift + shock(w, y0 + k) + pl->growth_sd * z[j];
			stream_exp(b->x, n, b->x);
			for (size_t j = 0; j < n; j++)
				ROW(b, j, k).revenue = ROW(b, j, k - 1).revenue * b->x[j];
		}
		for (size_t j = 0; j < n; j++) {
			who_is(w, w->line_key[l].entity, (uint64_t)k0 + j);
			w->who = WHO_ENTITY;
			w->sub = l;
			size_t m = 0;
			for (int k = 0; k <= steps; k++)
				w->erows[m++] = (struct entity_year){.line = l,
								     .year = y0 + k,
								     .base = ROW(b, j, k).revenue,
								     .granted = NAN,
								     .housing = NAN,
								     .passed = true};
			rec_entity(w, w->erows, m, NULL, -1);
		}
	}
}

/* The first year whose applicants of line l are sampled: after the
 * rounds the entities file covers. */
static int first_sampled(const struct sim_work *w, enum line_id l)
{
	return w->cover[l] >= w->q->start_year ? w->cover[l] + 1 : w->q->start_year;
}

/* New applicants of one line (of one level) in year t: Poisson(mean) of
 * them, at most what their index holds (16 bits with a level, else 20:
 * far above any mean a scenario gives). */
static unsigned arrivals(struct sim_work *w, enum line_id l, enum level lv, int t, double mean)
{
	unsigned k = poisson(w, w->line_key[l].arrivals[lv], (uint64_t)t, mean);
	unsigned most = lv == LEVEL_NONE ? (1u << 20) - 1 : (1u << 16) - 1;
	return k < most ? k : most;
}

static void level_line(struct sim_work *w, enum line_id l)
{
	const struct pop_line *pl = &w->q->model.line[l];
	const struct dist *per[3] = {&pl->municipal, &pl->provincial, &pl->national};
	for (enum level lv = line_info(l)->lo; lv <= line_info(l)->hi; lv++) {
		for (int t = first_sampled(w, l); t <= last_year(w->q); t++) {
			unsigned k = arrivals(w, l, lv, t, val(per[lv - 1]));
			for (unsigned j = 0; j < k; j++) {
				/* no draws: a name and a take-up key */
				who_is(w, w->line_key[l].entity,
				       (uint64_t)t << 20 | (uint64_t)lv << 16 | j);
				w->who = WHO_ENTITY;
				w->sub = l;
				w->erows[0] = (struct entity_year){.line = l,
								   .year = t,
								   .level = lv,
								   .base = NAN,
								   .granted = NAN,
								   .housing = NAN,
								   .passed = true};
				rec_entity(w, w->erows, 1, NULL, -1);
			}
		}
	}
}

/* Applicants j0 .. j0 + n - 1 of line l in year t, each with its own
 * figures drawn across their streams. */
static void applicant_batch(struct sim_work *w, enum line_id l, int t, unsigned j0, size_t n)
{
	const struct pop_line *pl = &w->q->model.line[l];
	struct batch *b = w->batch;
	enum rule_kind kind = line_info(l)->kind;
	bool granted = line_info(l)->pay == PAY_GRANTED;
	uint64_t idx0 = (uint64_t)t << 20 | j0;
	struct stream s = stream_at(w, w->line_key[l].entity, idx0);
	double *base = b->a, *req = b->b, *ok = b->c, *house = b->d, *u = b->e;
	if (kind == RK_RATE)
		dist_draw_across(&pl->base, &s, B_REV, n, 0, 1e13, w->r, base);
	if (granted) { /* 最高: min(request, cap) x approval, by apply */
		dist_draw_across(&pl->request, &s, B_REQUEST, n, 0, 1e13, w->r, req);
		dist_draw_across(&pl->approval, &s, B_APPROVAL, n, 0, 1, w->r, ok);
		if (kind == RK_TEAM)
			dist_draw_across(&pl->housing, &s, B_HOUSING, n, 0, 1e13, w->r, house);
	}
	/* yearly lines: the centre goes on while it passes its reviews, up to
	 * the longest support any max_years allows, past the policy's last
	 * year (after_expiry), whatever the policy keys: review k is at a
	 * position of its own, so the population does not depend on the
	 * policy. b->steps[j]: the reviews passed, then one failed or the end */
	int reviews = kind == RK_YEARLY ? MAX_SUPPORT_YEARS - 1 : 0;
	for (size_t j = 0; j < n; j++)
		b->steps[j] = -1; /* still passing */
	for (int k = 1; k <= reviews; k++) {
		stream_uniform_across(&s, 2 * B_PASS + (uint32_t)k - 1, n, u);
		bool any = false;
		for (size_t j = 0; j < n; j++) {
			if (b->steps[j] >= 0)
				continue;
			b->pass[j][k] = u[j] < pl->pass;
			if (!b->pass[j][k] || k == reviews)
				b->steps[j] = k; /* rows after the first: k */
			any = true;
		}
		if (!any)
			break;
	}
	where_batch(w, l, w->line_key[l].entity, idx0, n, b->where);
	for (size_t j = 0; j < n; j++) {
		who_is(w, w->line_key[l].entity, idx0 + j);
		w->who = WHO_ENTITY;
		w->sub = l;
		struct entity_year r = {.line = l,
					.year = t,
					.base = kind == RK_RATE ? base[j] : NAN,
					.granted = NAN,
					.housing = NAN,
					.passed = true};
		struct raw raw = {.housing = NAN};
		if (granted) {
			raw.request = req[j];
			raw.approval = ok[j];
			if (kind == RK_TEAM)
				raw.housing = house[j];
		}
		size_t m = 0;
		w->erows[m++] = r;
		for (int k = 1; k <= (reviews ? b->steps[j] : 0); k++) {
			r.year = t + k;
			r.passed = b->pass[j][k];
			w->erows[m++] = r;
		}
		rec_entity(w, w->erows, m, granted ? &raw : NULL, b->where[j]);
	}
}

/* Every other entity line: applicants arrive, each with its own figures. */
static void applicants(struct sim_work *w, enum line_id l)
{
	const struct pop_line *pl = &w->q->model.line[l];
	for (int t = first_sampled(w, l); t <= last_year(w->q); t++) {
		unsigned k = arrivals(w, l, LEVEL_NONE, t, val(&pl->per_year));
		w->rec->pop[PS_M12A_TEAMS] += l == L_M12A ? k : 0;
		w->rec->pop[PS_M12C_TALENTS] += l == L_M12C ? k : 0;
		for (unsigned j = 0; j < k; j += BATCH)
			applicant_batch(w, l, t, j, k - j < BATCH ? k - j : BATCH);
	}
}

/* A uniform in [0, 1) for a known entity's row: a hash of (seed,
 * replication, entity id, line, year, what), so that no other draw moves
 * and a variant of the scenario meets the same outcome. */
static double known_u(const struct sim_work *w, uint64_t id, enum line_id l, int year,
		      uint64_t what)
{
	uint64_t h = key(w->seed, w->rep, w->known_key ^ what,
			 mix(id ^ w->line_key[l].entity) ^ (uint64_t)(unsigned)year);
	return (double)(h >> 11) * 0x1.0p-53;
}

/* Room for n rows of a known entity; -1 when out of memory. */
static int known_room(struct sim_work *w, size_t n)
{
	if (n <= w->kcap)
		return 0;
	struct entity_year *nr = realloc(w->krows, n * sizeof *nr);
	if (!nr)
		return -1;
	w->krows = nr;
	w->kcap = n;
	return 0;
}

/* The approvals the bureau holds (run --entities): each entity's rows go
 * through the rules as `award` reads them, named by their ids. A pending
 * row is approved with probability [known] pending; a row left out breaks
 * a centre's consecutive years. A centre (M7A, M13B) still supported in
 * the latest round the file covers goes on to its next reviews, passed
 * with the line's [pop] pass probability. -1 when out of memory. */
static int known_entities(struct sim_work *w, const struct entities *e)
{
	const uint64_t review = 0x5245564945570000ULL; /* "REVIEW": the reviews' hashes */
	for (size_t g = 0; g < e->groups.count; g++) {
		size_t a = e->groups.start[g], n = e->groups.start[g + 1] - a;
		const char *id = group_id(&e->groups, g);
		uint64_t idh = fnv1a(id);
		enum line_id l = e->rows[a].line;
		if (known_room(w, n + MAX_SPAN) != 0)
			return -1;
		size_t k = 0;
		for (size_t i = a; i < a + n; i++) {
			const struct entity_year *r = &e->rows[i];
			if (r->status == STATUS_PENDING &&
			    known_u(w, idh, l, r->year, 0) >= w->q->model.known.pending)
				continue;
			w->krows[k++] = *r;
		}
		if (k == 0)
			continue;
		w->nfile = k;
		struct entity_year last = w->krows[k - 1];
		if (line_info(l)->kind == RK_YEARLY && last.passed && last.year == w->cover[l]) {
			double pass = w->q->model.line[l].pass;
			/* past the policy's last year too: after_expiry and max_years
			 * decide in the rules what of it is paid */
			int end = last_year(w->q) + MAX_SUPPORT_YEARS - 1;
			for (int y = last.year + 1; y <= end && y >= w->q->start_year; y++) {
				last.year = y;
				last.status = STATUS_APPROVED;
				last.passed = known_u(w, idh, l, y, review) < pass;
				w->krows[k++] = last;
				if (!last.passed)
					break;
			}
		}
		w->who = WHO_KNOWN;
		w->sub = l;
		w->panel_id = id;
		w->known_through = INT_MAX;
		rec_entity(w, w->krows, k, NULL, -1);
		w->known_through = INT_MIN;
		w->panel_id = NULL;
		w->nfile = 0;
	}
	return 0;
}

/* The rounds the known data cover: each entity line's latest year in the
 * entities file, and the panel's latest year. */
static void known_cover(struct sim_work *w, const struct panel *stock, const struct entities *e)
{
	for (int l = 0; l < N_LINES; l++)
		w->cover[l] = INT_MIN;
	w->firm_cover = INT_MIN;
	w->known_through = INT_MIN;
	for (size_t i = 0; e && i < e->n; i++)
		if (e->rows[i].year > w->cover[e->rows[i].line])
			w->cover[e->rows[i].line] = e->rows[i].year;
	for (size_t g = 0; stock && g < stock->firms.count; g++) {
		int y = stock->rows[stock->firms.start[g + 1] - 1].year;
		w->firm_cover = y > w->firm_cover ? y : w->firm_cover;
	}
}

/* Draw every per-replication assumption once, into a private copy; each
 * from its own stream, so that a parameter added to the table moves no
 * other parameter's draw. The sample keeps the values drawn. */
static void resolve(const struct policy *p, struct policy *q, struct sim_work *w,
		    struct sim_sample *s)
{
	*q = *p;
	size_t n;
	const struct param_def *d = params_table(&n);
	s->nres = 0;
	for (size_t i = 0; i < n; i++) {
		if (d[i].per_entity || (d[i].type != PT_DIST_MONEY && d[i].type != PT_DIST_SHARE &&
					d[i].type != PT_DIST_NUMBER))
			continue;
		struct stream st = stream_at(w, w->param_key[i], 0);
		struct dist *v = (struct dist *)((char *)q + d[i].offset);
		double x = dist_draw_at(v, &st, 0, d[i].lo, d[i].hi, w->r);
		*v = (struct dist){.kind = D_CONST, .p = {x}};
		s->res[s->nres++] = (struct resolved){(int)i, v->p[0]};
	}
}

/* p with the sample's per-replication assumptions, as resolve() made them
 * (p draws them as the sample's policy did: the same population). */
static void reresolve(const struct policy *p, struct policy *q, const struct sim_sample *s)
{
	size_t n;
	const struct param_def *d = params_table(&n);
	*q = *p;
	for (int k = 0; k < s->nres; k++) {
		struct dist *v = (struct dist *)((char *)q + d[s->res[k].param].offset);
		*v = (struct dist){.kind = D_CONST, .p = {s->res[k].v}};
	}
}

/* 总量控制 with priorities and carry-forward (rules_envelope) on the line
 * cells of each paid year in turn: what a line is owed from the year
 * before is one award, paid first; it is paid into that line's cell of
 * the year it is paid. */
static void envelope_years(const struct policy *q, const struct totals *t,
			   const struct sim_layout *l, fen_t (*cell)[MAX_YEARS][N_LEVELS],
			   double *row)
{
	struct award owed[N_LINES] = {0}, sum[2 * N_LINES], *ptr[2 * N_LINES], *grp[2 * N_LINES];
	struct award was[4 * N_LINES];
	int ny = l->years;
	double never = 0;
	for (int y = 0; y < ny; y++) {
		size_t nc = 0, n;
		for (int line = 0; line < N_LINES; line++)
			if (owed[line].amount > 0)
				sum[nc++] = owed[line];
		n = nc;
		for (int line = 0; line < N_LINES; line++) {
			fen_t *c = cell[line][y];
			if (!q->line[line].in_total) /* contingent items stay outside 总量控制 */
				continue;
			sum[n++] = (struct award){.line = (enum line_id)line,
						  .paid_year = t->first_paid_year + y,
						  .amount = c[LV_TOTAL],
						  .provincial = c[LV_PROVINCIAL],
						  .municipal = c[LV_MUNICIPAL],
						  .district = c[LV_DISTRICT]};
		}
		for (size_t i = 0; i < n; i++)
			ptr[i] = &sum[i];
		struct envelope_year ey;
		if (rules_envelope(q, ptr, nc, n, was, grp, &ey) != 0)
			return; /* cannot be: totals_add kept every sum within FEN_MAX */
		memset(owed, 0, sizeof owed);
		for (size_t i = nc; i < n; i++) /* the year's cells: what is paid, added below */
			memset(cell[sum[i].line][y], 0, sizeof cell[0][0]);
		for (size_t i = 0; i < n; i++) {
			fen_t *c = cell[sum[i].line][y];
			c[LV_TOTAL] += sum[i].amount;
			c[LV_PROVINCIAL] += sum[i].provincial;
			c[LV_MUNICIPAL] += sum[i].municipal;
			c[LV_DISTRICT] += sum[i].district;
			if (!q->model.budget.carry_forward)
				continue;
			struct award *o = &owed[sum[i].line];
			o->line = sum[i].line;
			o->amount += was[i].amount - sum[i].amount;
			o->provincial += was[i].provincial - sum[i].provincial;
			o->municipal += was[i].municipal - sum[i].municipal;
			o->district += was[i].district - sum[i].district;
		}
		row[sim_cut(l, y)] = (double)ey.cut / 100;
		row[sim_carry_in(l, y)] = (double)ey.carried_in / 100;
		row[sim_carry_out(l, y)] = (double)ey.carried_out / 100;
		row[sim_carry_in(l, ny)] += (double)ey.carried_in / 100;
		never += (double)(ey.cut - ey.carried_out) / 100;
		if (y == ny - 1) /* still owed after the last paid year: never paid */
			row[sim_carry_out(l, ny)] = (double)ey.carried_out / 100;
	}
	row[sim_cut(l, ny)] = never + row[sim_carry_out(l, ny)];
}

/* The year-level rules on paid year y: 总量控制 (rules_prorata), then the
 * provincial block (rules_block), each on the line x district cells of the
 * lines in the total (contingent items stay outside, as in `award`).
 * Returns what 总量控制 cut, in fen. */
static fen_t year_rules(struct sim_work *w, const struct policy *q, int first_paid, int y,
			bool prorata)
{
	if (!prorata && !(q->provincial_block > 0))
		return 0;
	size_t np = 0;
	for (int d = 0; d < N_WHERE; d++) {
		for (int line = 0; line < N_LINES; line++) {
			fen_t *c = w->cell[d][line][y];
			if (!q->line[line].in_total || c[LV_TOTAL] == 0)
				continue;
			struct award *a = &w->cells[np];
			*a = (struct award){.line = (enum line_id)line,
					    .paid_year = first_paid + y,
					    .amount = c[LV_TOTAL],
					    .provincial = c[LV_PROVINCIAL],
					    .municipal = c[LV_MUNICIPAL],
					    .district = c[LV_DISTRICT],
					    .where = d};
			w->cellp[np++] = a;
		}
	}
	fen_t cut = prorata ? rules_prorata(q, w->cellp, np) : 0;
	rules_block(q, w->cellp, np);
	for (size_t i = 0; i < np; i++) {
		const struct award *a = w->cellp[i];
		fen_t *c = w->cell[a->where][a->line][y];
		c[LV_TOTAL] = a->amount;
		c[LV_PROVINCIAL] = a->provincial;
		c[LV_MUNICIPAL] = a->municipal;
		c[LV_DISTRICT] = a->district;
	}
	return cut;
}

/* Districts and owners of the row, from the cells after the year's rules
 * (w->cell, and w->lsum: them summed over districts): each cell summed in
 * fen and made yuan once, so that districts add up to their line and
 * owners to TOTAL to the fen. Sums of fen are exact in any order: the
 * loops run along the cells' memory. */
static void fill_breakdown(struct sim_work *w, const struct policy *q, const struct sim_layout *l,
			   double *row)
{
	int ny = l->years, in = sim_within(l);
	for (int d = 0; d < N_WHERE; d++) {
		fen_t all[N_LEVELS] = {0};
		for (int line = 0; line < N_LINES; line++) {
			fen_t sum[N_LEVELS] = {0};
			for (int y = 0; y < ny; y++)
				for (int lv = 0; lv < N_LEVELS; lv++)
					sum[lv] += w->cell[d][line][y][lv];
			for (int lv = 0; lv < N_LEVELS; lv++)
				row[sim_district(l, d, line, (enum fund_level)lv)] =
					(double)sum[lv] / 100;
			if (!q->line[line].in_total)
				continue;
			for (int lv = 0; lv < N_LEVELS; lv++)
				all[lv] += sum[lv];
		}
		for (int lv = 0; lv < N_LEVELS; lv++)
			row[sim_district(l, d, N_LINES, (enum fund_level)lv)] = (double)all[lv] /
										100;
	}
	fen_t own[N_OWNERS + 1][MAX_YEARS + 2][N_LEVELS];
	for (int o = 0; o <= N_OWNERS; o++)
		memset(own[o], 0, (size_t)(in + 1) * sizeof own[o][0]);
	for (int line = 0; line < N_LINES; line++) {
		if (!q->line[line].in_total)
			continue;
		enum owner_id o = q->line[line].owner;
		bool fresh = q->owner_new[o];
		for (int y = 0; y < ny; y++) {
			bool within = y < l->horizon;
			for (int lv = 0; lv < N_LEVELS; lv++) {
				fen_t v = w->lsum[line][y][lv];
				own[o][y][lv] += v;
				own[o][ny][lv] += v;
				own[o][in][lv] += within ? v : 0;
				if (fresh) {
					own[N_OWNERS][y][lv] += v;
					own[N_OWNERS][ny][lv] += v;
					own[N_OWNERS][in][lv] += within ? v : 0;
				}
			}
		}
	}
	for (int o = 0; o <= N_OWNERS; o++)
		for (int y = 0; y <= in; y++)
			for (int lv = 0; lv < N_LEVELS; lv++)
				row[sim_owner(l, o, y, (enum fund_level)lv)] =
					(double)own[o][y][lv] / 100;
}

/* After an envelope rule moved a line's money of year y (to cell, levels
 * apart), its district cells follow: each level shared over the districts
 * in proportion to what they had, to the fen (the running-sum rounding
 * of rules_block), so they still add up to the line; money carried into a
 * year where the line paid no district goes to 未指定 (0). */
static void spread(struct sim_work *w, int line, int y, const fen_t *cell)
{
	for (int lv = LV_PROVINCIAL; lv < N_LEVELS; lv++) {
		__int128 had = 0, so_far = 0;
		for (int d = 0; d < N_WHERE; d++)
			had += w->cell[d][line][y][lv];
		fen_t given = 0;
		for (int d = 0; d < N_WHERE; d++) {
			fen_t *c = &w->cell[d][line][y][lv];
			if (had == 0) {
				*c = d == 0 ? cell[lv] : 0;
				continue;
			}
			so_far += *c;
			fen_t upto = (fen_t)(so_far * cell[lv] / had);
			*c = upto - given;
			given = upto;
		}
	}
	for (int d = 0; d < N_WHERE; d++) {
		fen_t *c = w->cell[d][line][y];
		c[LV_TOTAL] = c[LV_PROVINCIAL] + c[LV_MUNICIPAL] + c[LV_DISTRICT];
	}
}

/* 总量控制 with priorities or carry-forward: rules_envelope on the line
 * cells (envelope_years), then the district cells follow (spread). */
static void envelope_districts(struct sim_work *w, const struct policy *q, const struct totals *t,
			       const struct sim_layout *l, double *row)
{
	fen_t(*cell)[MAX_YEARS][N_LEVELS] = w->lines;
	for (int line = 0; line < N_LINES; line++)
		for (int y = 0; y < l->years; y++)
			for (int lv = 0; lv < N_LEVELS; lv++) {
				fen_t sum = 0;
				for (int d = 0; d < N_WHERE; d++)
					sum += w->cell[d][line][y][lv];
				cell[line][y][lv] = sum;
			}
	envelope_years(q, t, l, cell, row);
	for (int line = 0; line < N_LINES; line++)
		for (int y = 0; y < l->years; y++)
			spread(w, line, y, cell[line][y]);
}

/* Each line's cells summed over districts into w->lsum, after the year's
 * rules on the district cells (w->cell, kept for fill_breakdown), with
 * what they cut into row. */
static void line_sums(struct sim_work *w, const struct policy *q, const struct totals *t,
		      const struct sim_layout *l, double *row)
{
	int ny = l->years;
	/* 总量控制: plain prorata on the line x district cells (year_rules);
	 * priorities and carry-forward on the line cells (envelope_years) */
	bool envelope = q->model.budget.rule == BUDGET_PRIORITY || q->model.budget.carry_forward;
	bool plain = q->model.budget.rule == BUDGET_PRORATA && !envelope;
	/* with no rule on the district cells and no breakdown to write (a
	 * study's lean row), the sums are t->cell itself: every award adds its
	 * parts to both (totals_add_levels) */
	if (!envelope && !plain && !(q->provincial_block > 0) && l->owner >= l->width) {
		for (int line = 0; line < N_LINES; line++)
			memcpy(w->lsum[line], t->cell[line], (size_t)ny * sizeof w->lsum[line][0]);
		return;
	}
	totals_where_copy(w->cell, t);
	if (envelope)
		envelope_districts(w, q, t, l, row);
	for (int y = 0; y < ny; y++) {
		fen_t cut = year_rules(w, q, t->first_paid_year, y, plain);
		if (!cut)
			continue;
		row[sim_cut(l, y)] = (double)cut / 100;
		row[sim_cut(l, ny)] += row[sim_cut(l, y)];
	}
	/* each cell over districts (t->cell when no rule applied), in fen:
	 * exact in any order, so along the cells' memory */
	for (int line = 0; line < N_LINES; line++)
		memset(w->lsum[line], 0, (size_t)ny * sizeof w->lsum[line][0]);
	for (int d = 0; d < N_WHERE; d++)
		for (int line = 0; line < N_LINES; line++)
			for (int y = 0; y < ny; y++)
				for (int lv = 0; lv < N_LEVELS; lv++)
					w->lsum[line][y][lv] += w->cell[d][line][y][lv];
}

static void fill_row(struct sim_work *w, const struct policy *q, const struct totals *t,
		     const struct sim_layout *l, double *row)
{
	memset(row, 0, l->width * sizeof *row);
	int ny = l->years;
	line_sums(w, q, t, l, row);
	/* the row's sums in doubles in the same order as ever (line, year,
	 * level), each cell's index worked out once */
	size_t all[N_LINES + 1][N_LEVELS], in[N_LINES + 1][N_LEVELS];
	for (int line = 0; line <= N_LINES; line++)
		for (int lv = 0; lv < N_LEVELS; lv++) {
			all[line][lv] = sim_money(l, line, ny, (enum fund_level)lv);
			in[line][lv] = sim_money(l, line, sim_within(l), (enum fund_level)lv);
		}
	for (int line = 0; line < N_LINES; line++) {
		bool total = q->line[line].in_total; /* else contingent: reported apart */
		for (int y = 0; y < ny; y++) {
			bool within = y < l->horizon;
			for (int lv = 0; lv < N_LEVELS; lv++) {
				double v = (double)w->lsum[line][y][lv] / 100;
				row[sim_money(l, line, y, (enum fund_level)lv)] += v;
				row[all[line][lv]] += v;
				row[in[line][lv]] += within ? v : 0;
				if (!total)
					continue;
				row[sim_money(l, N_LINES, y, (enum fund_level)lv)] += v;
				row[all[N_LINES][lv]] += v;
				row[in[N_LINES][lv]] += within ? v : 0;
			}
			double c = (double)t->count[line][y];
			row[sim_recipients(l, line, y)] += c;
			row[sim_recipients(l, line, ny)] += c;
			if (!q->line[line].in_total)
				continue;
			row[sim_recipients(l, N_LINES, y)] += c;
			row[sim_recipients(l, N_LINES, ny)] += c;
		}
	}
	if (l->owner < l->width) /* a lean layout (studies) has no breakdown */
		fill_breakdown(w, q, l, row);
}

/* The population aggregates (enum pop_stat) of sample s into the row. */
static void fill_pop(struct sim_work *w, const struct sim_sample *s, const struct sim_layout *l,
		     double *row)
{
	double p[N_POPSTATS], n = s->pop[PS_FIRMS], years = w->q->years;
	memcpy(p, s->pop, sizeof p);
	p[PS_MEAN_REVENUE] = n > 0 ? p[PS_REVENUE] / n : 0;
	p[PS_SHARE_1YI] = n > 0 ? p[PS_SHARE_1YI] / n : 0;
	p[PS_SHARE_5YI] = n > 0 ? p[PS_SHARE_5YI] / n : 0;
	double g = 0;
	for (int k = 1; k <= w->q->years && k < MAX_SPAN; k++)
		g += s->rev_year[k - 1] > 0 ? s->rev_year[k] / s->rev_year[k - 1] - 1 : 0;
	p[PS_GROWTH] = g / years;
	p[PS_GROWTH50] = s->key_years > 0 ? p[PS_GROWTH50] / s->key_years : 0;
	p[PS_TOP100_NEW] /= years;
	p[PS_M12C_MEAN] = p[PS_M12C_TALENTS] > 0 ? w->m12c_paid / p[PS_M12C_TALENTS] : 0;
	p[PS_M12A_TEAMS] /= years;
	p[PS_M12C_TALENTS] /= years;
	for (int k = 0; k < N_POPSTATS; k++)
		row[sim_pop(l, (enum pop_stat)k)] = p[k];
}

int sim_sample(const struct policy *p, const struct panel *stock, const struct entities *known,
	       uint64_t seed, long rep, struct sim_sample *s, struct sim_work *w)
{
	*s = (struct sim_sample){.seed = seed,
				 .rep = rep,
				 .res = s->res,
				 .capres = s->capres,
				 .rec = s->rec,
				 .caprec = s->caprec,
				 .firm = s->firm,
				 .capfirm = s->capfirm,
				 .ent = s->ent,
				 .capent = s->capent,
				 .raw = s->raw,
				 .capraw = s->capraw};
	if (!room(&s->res, &s->capres, 0, MAX_PARAMS, sizeof *s->res)) /* shrunk before */
		return -1;
	w->seed = seed;
	w->rep = rep;
	w->rec = s;
	w->panel_id = NULL;
	w->nfile = 0;
	struct policy *q = w->qbuf;
	resolve(p, q, w, s);
	w->q = q;
	known_cover(w, stock, known);
	memcpy(s->cover, w->cover, sizeof s->cover);
	where_tables(w);
	if (w->direct) { /* apply()'s start: q is what reresolve would make */
		w->m12c_paid = 0;
		prepare(w);
		totals_init(&w->t, q);
	}
	const struct model *m = &q->model;
	double fsd = m->growth.firm_sd, csd = m->growth.common_sd;
	w->drift = log1p(val(&m->growth.mean)) - (fsd * fsd + csd * csd) / 2;
	w->ln_young = log1p(m->growth.young_bonus);
	w->ln_ramp = log1p(m->growth.staff_ramp);
	w->shock_year0 = q->start_year - MAX_SPAN / 2;
	struct stream st = stream_at(w, w->comp_key[S_SHOCKS], 0);
	stream_normal(&st, 0, MAX_SPAN, w->shock);
	for (int k = 0; k < MAX_SPAN; k++)
		w->shock[k] *= csd;
	if ((stock && panel_firms(w, stock) != 0) || (known && known_entities(w, known) != 0))
		s->failed = true;
	if (!s->failed && !stock)
		existing_firms(w);
	if (!s->failed)
		entrants(w);
	for (int line = N_FIRM_LINES; !s->failed && line < N_LINES; line++) {
		enum rule_kind kind = line_info(line)->kind;
		if (kind == RK_INCREMENT)
			parks(w, (enum line_id)line);
		else if (kind == RK_LEVEL)
			level_line(w, (enum line_id)line);
		else
			applicants(w, (enum line_id)line);
	}
	w->last = s;
	w->q = NULL;
	w->rec = NULL;
	return s->failed ? -1 : 0;
}

/* The rows of an entity of the sample as policy q reads them: an "up to"
 * applicant's granted amounts from its draws and q's caps. */
static const struct entity_year *granted_rows(struct sim_work *w, const struct entity_year *rows,
					      size_t n, const struct raw *d)
{
	if (!d)
		return rows;
	enum line_id l = rows[0].line;
	const struct eline *e = &w->q->e[l];
	bool team = line_info(l)->kind == RK_TEAM;
	double granted = fmin_fast(d->request, team ? e->project_cap : e->cap) * d->approval;
	double housing = team ? fmin_fast(d->housing, e->housing_cap) * d->approval : NAN;
	if (l == L_M12C)
		w->m12c_paid += granted;
	/* sim_rep's rows are w->erows itself, just written: copying them onto
	 * themselves read them back whole, which waited on those writes */
	struct entity_year *out = w->erows;
	for (size_t i = 0; i < n; i++) {
		if (rows != out)
			out[i] = rows[i];
		out[i].granted = granted;
		out[i].housing = housing;
	}
	return out;
}

/* The totals of w's reference application kept for the lines not in
 * moved (all firm lines or none), as if their awards had been added
 * again; false when they cannot stand for them (another paid-year span,
 * or the reference overflowed). */
static bool keep_lines(struct sim_work *w, const bool *moved)
{
	const struct totals *r = &w->ref;
	struct totals *t = &w->t;
	if (r->overflow || r->first_paid_year != t->first_paid_year || r->nyears != t->nyears ||
	    r->horizon != t->horizon)
		return false;
	for (int l = 0; l < N_LINES; l++) {
		if (moved[l])
			continue;
		size_t ny = (size_t)t->nyears; /* the years in use (struct totals) */
		memcpy(t->cell[l], r->cell[l], ny * sizeof t->cell[l][0]);
		for (int d = 0; d < N_WHERE; d++)
			memcpy(t->where[d][l], r->where[d][l], ny * sizeof t->where[d][l][0]);
		memcpy(t->count[l], r->count[l], ny * sizeof t->count[l][0]);
		t->awards[l] = r->awards[l];
		for (int y = 0; y < t->nyears; y++)
			for (int k = 0; k < N_LEVELS; k++)
				t->all[k] +=
					r->cell[l][y][k]; /* <= the reference's all: no overflow */
	}
	if (!moved[L_M12C])
		w->m12c_paid = w->ref_m12c;
	return true;
}

/* A row of NaN: what sim_run takes for a failed replication. */
static void nan_row(const struct sim_layout *l, double *row)
{
	for (size_t i = 0; i < l->width; i++)
		row[i] = NAN;
}

/* The row of w's totals and sample s's aggregates, under w->q. */
static void row_of(struct sim_work *w, const struct sim_sample *s, const struct sim_layout *l,
		   double *row)
{
	fill_row(w, w->q, &w->t, l, row);
	fill_pop(w, s, l, row);
	if (w->t.overflow) { /* sums missing awards would be wrong numbers */
		w->overflow = true;
		nan_row(l, row);
	}
}

/* Room for the firm lines paid to each recipient of s (paid_by), where
 * its request draws start (drawn_at) and the recipients by group
 * (by_group). */
static bool paid_room(struct sim_work *w, const struct sim_sample *s)
{
	w->ndrawn = 0;
	return room(&w->paid_by, &w->paid_cap, 0, s->nrec, sizeof *w->paid_by) &&
	       room(&w->drawn_at, &w->drawn_at_cap, 0, s->nrec + 1, sizeof *w->drawn_at) &&
	       room(&w->by_group, &w->by_group_cap, 0, s->nrec, sizeof *w->by_group);
}

/* A recipient's group by its tag: 0 for a firm, else its entity line
 * (entity lines come after the firm lines, all above 0). */
static unsigned group_of(unsigned tag)
{
	return tag & TAG_ENTITY ? tag & ~TAG_ENTITY : 0;
}

/* The reference's recipients by group (by_group), from their tags: a
 * stable counting sort, so each group keeps record order. */
static void group_records(struct sim_work *w, const struct sim_sample *s)
{
	size_t count[N_LINES] = {0}, at[N_LINES];
	for (size_t k = 0; k < s->nrec; k++)
		count[group_of(w->paid_by[k])]++;
	w->group_at[0] = 0;
	for (int g = 0; g < N_LINES; g++)
		w->group_at[g + 1] = w->group_at[g] + count[g];
	memcpy(at, w->group_at, sizeof at);
	for (size_t k = 0; k < s->nrec; k++)
		w->by_group[at[group_of(w->paid_by[k])]++] = (uint32_t)k;
}

/* The rules on recipient k of s: a firm's of the firm lines in mine
 * (tagged: with its reference's request draws), an entity's of its line;
 * record: its tag and where its request draws start, for variants. */
static void run_record(struct sim_work *w, const struct sim_sample *s, size_t k, unsigned mine,
		       bool tagged, bool record)
{
	const struct rec *r = &s->rec[k];
	if (record)
		w->drawn_at[k] = w->ndrawn;
	w->comp = r->comp;
	w->idx = r->idx;
	w->who = (enum who)r->who;
	w->sub = r->sub;
	w->panel_id = r->panel_id;
	w->known_through = r->known_through;
	if (r->firm) {
		if (tagged) {
			w->look = w->drawn + w->drawn_at[k];
			w->look_end = w->drawn + w->drawn_at[k + 1];
		}
		unsigned paid = run_firm(w, s->firm + r->row, r->n, r->where, mine);
		if (record)
			w->paid_by[k] = (unsigned char)paid;
		return;
	}
	if (record)
		w->paid_by[k] = (unsigned char)(TAG_ENTITY | s->ent[r->row].line);
	w->kview = s->ent + r->row;
	w->nk = r->n;
	w->nfile = r->nfile;
	run_entity(w, granted_rows(w, s->ent + r->row, r->n, r->draw < 0 ? NULL : &s->raw[r->draw]),
		   r->n, r->where);
}

/* sim_apply; moved: only those lines' rules run, the others' totals are
 * the reference's, and of the lines in amounts only for the firms the
 * reference paid under them (sim_apply_moved); keep: this is the
 * reference. */
static void apply(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
		  double *row, struct sim_work *w, const struct award_sink *extra,
		  const bool *moved, const bool *amounts, bool keep)
{
	if (s->failed) {
		nan_row(l, row);
		return;
	}
	struct policy *q = w->qbuf;
	reresolve(p, q, s);
	w->q = q;
	w->seed = s->seed;
	w->rep = s->rep;
	w->extra = extra;
	w->m12c_paid = 0;
	memcpy(w->cover, s->cover, sizeof w->cover);
	prepare(w);
	totals_init(&w->t, q);
	if (moved && (w->ref_of != s || !keep_lines(w, moved))) {
		moved = NULL; /* every line afresh */
		totals_init(&w->t, q);
		w->m12c_paid = 0;
	}
	/* the firm lines to run: the moved ones; of those that move amounts
	 * only (their awards go to the firms and years the reference's go),
	 * for the firms the reference paid under them alone */
	unsigned lines = RULES_FIRM_ALL, same = 0;
	for (int line = 0; moved && line < N_FIRM_LINES; line++) {
		if (!moved[line])
			lines &= ~(1u << line);
		else if (amounts && amounts[line] && w->paid_of == s)
			same |= 1u << line;
	}
	/* with the reference's record, a variant reads which recipients it
	 * runs from its tags (paid_by), not from the sample's records */
	bool record = keep && paid_room(w, s), tagged = moved && w->paid_of == s;
	if (keep) /* until recorded */
		w->paid_of = NULL;
	w->drawing = record;
	w->look = w->look_end = NULL;
	for (size_t k = 0; !tagged && k < s->nrec; k++) {
		const struct rec *r = &s->rec[k];
		unsigned mine = r->firm ? lines : 0;
		if (r->firm ? !mine : moved && !moved[s->ent[r->row].line])
			continue;
		run_record(w, s, k, mine, false, record);
	}
	/* a variant with the reference's record: the recipients of its moved
	 * lines alone, by group (group_records). They add up in fen, the same
	 * in any order; M12C's grants, summed in doubles, in record order */
	for (int g = 0; tagged && g < N_LINES; g++) {
		if (g == 0 ? !lines : g < N_FIRM_LINES || !moved[g])
			continue;
		for (size_t i = w->group_at[g]; i < w->group_at[g + 1]; i++) {
			size_t k = w->by_group[i];
			unsigned mine = g == 0 ? lines & (~same | w->paid_by[k]) : 0;
			if (g == 0 && !mine)
				continue;
			run_record(w, s, k, mine, true, false);
		}
	}
	w->panel_id = NULL;
	w->known_through = INT_MIN;
	w->look = w->look_end = NULL;
	if (record)
		w->drawn_at[s->nrec] = w->ndrawn;
	record = record && w->drawing;
	w->drawing = false;
	if (record)
		group_records(w, s);
	if (keep) {
		totals_copy(&w->ref, &w->t);
		w->ref_m12c = w->m12c_paid;
		w->ref_of = s;
		w->paid_of = record ? s : NULL;
	}
	row_of(w, s, l, row);
	w->q = NULL;
}

void sim_apply(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
	       double *row, struct sim_work *w, const struct award_sink *extra)
{
	apply(p, s, l, row, w, extra, NULL, NULL, false);
}

void sim_apply_ref(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
		   double *row, struct sim_work *w)
{
	apply(p, s, l, row, w, NULL, NULL, NULL, true);
}

void sim_apply_moved(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
		     double *row, struct sim_work *w, const bool moved[N_LINES],
		     const bool amounts[N_LINES])
{
	apply(p, s, l, row, w, NULL, moved, amounts, false);
}

/* The bytes of a parameter's value (no padding inside any of them). A
 * new type must say its size here: the switch has no default. */
static size_t value_bytes(enum ptype t)
{
	switch (t) {
	case PT_MONEY:
	case PT_SHARE:
	case PT_NUMBER:
		return sizeof(double);
	case PT_INT:
	case PT_ENUM:
		return sizeof(int);
	case PT_BOOL:
		return sizeof(bool);
	case PT_SCHEDULE:
		return sizeof(struct schedule);
	case PT_LINES:
		return sizeof(struct line_order);
	case PT_DIST_MONEY:
	case PT_DIST_SHARE:
	case PT_DIST_NUMBER:
		break; /* compared by kind and parameters: padding after the kind */
	}
	return 0;
}

/* Whether parameter d has the same value in a and b, bit for bit. */
static bool same_value(const struct param_def *d, const struct policy *a, const struct policy *b)
{
	const char *x = (const char *)a + d->offset, *y = (const char *)b + d->offset;
	if (d->type == PT_DIST_MONEY || d->type == PT_DIST_SHARE || d->type == PT_DIST_NUMBER) {
		const struct dist *u = (const void *)x, *v = (const void *)y;
		return u->kind == v->kind && memcmp(u->p, v->p, sizeof u->p) == 0;
	}
	return memcmp(x, y, value_bytes(d->type)) == 0;
}

/* Whether key d of a firm line moves only the amounts of the line's
 * awards between a and b, not which firm is paid in which year: its
 * payment keys (line_common but enabled), and an amount the rule pays
 * while it is a fen or more in both (rules_firm.c pays when the amount
 * rounds to a positive fen; M1A's min(rate x capital, cap) does so
 * exactly when rate x capital does). */
static bool amount_key(const struct param_def *d, const struct policy *a, const struct policy *b)
{
	size_t o = d->offset,
	       common = offsetof(struct policy, line) + (size_t)d->line * sizeof a->line[0];
	if (o >= common && o < common + sizeof a->line[0])
		return o != common + offsetof(struct line_common, enabled);
	bool key;
	switch (d->line) {
	case L_M1A:
		return o == offsetof(struct policy, m1a.cap) && money_round(a->m1a.cap) > 0 &&
		       money_round(b->m1a.cap) > 0;
	case L_M1B:
		key = o == offsetof(struct policy, m1b.amount) ||
		      o == offsetof(struct policy, m1b.payout);
		break;
	case L_M3B:
		key = o == offsetof(struct policy, m3b.amount);
		break;
	case L_M3C:
		key = o == offsetof(struct policy, m3c.amount) ||
		      o == offsetof(struct policy, m3c.payout);
		break;
	default: /* M2's and M3A's tier amounts decide top-ups and who is paid */
		return false;
	}
	/* the fixed amount as the line pays it (rules_line_fen) */
	return key && rules_line_fen(a, (enum line_id)d->line) > 0 &&
	       rules_line_fen(b, (enum line_id)d->line) > 0;
}

/* Whether firm line l may pay another firm or year under b than under a:
 * a key of its own moved that is not an amount_key (a key added later
 * too). */
static bool grants_move(const struct policy *a, const struct policy *b, enum line_id l)
{
	size_t n;
	const struct param_def *d = params_table(&n);
	for (size_t i = 0; i < n; i++)
		if (d[i].line == (int)l && !same_value(&d[i], a, b) && !amount_key(&d[i], a, b))
			return true;
	return false;
}

/* Whether M1B's 再给予 reads a change of M1A's grants. */
static bool m1b_follows(const struct policy *a, const struct policy *b)
{
	return (a->m1b.requires_m1a || b->m1b.requires_m1a) && grants_move(a, b, L_M1A);
}

bool sim_moved_lines(const struct policy *ref, const struct policy *p, bool moved[N_LINES])
{
	size_t n;
	const struct param_def *d = params_table(&n);
	bool firm = false;
	memset(moved, 0, N_LINES * sizeof *moved);
	for (size_t i = 0; i < n; i++) {
		if (same_value(&d[i], ref, p))
			continue;
		if (d[i].line < 0)
			return false; /* [scenario], [funding], the model: every line */
		moved[d[i].line] = true;
		firm |= d[i].line < N_FIRM_LINES;
	}
	/* a firm's lines meet in the tax cap, which scales all its awards of a
	 * year together: one moved moves them all */
	for (int l = 0; firm && p->model.taxcap.enabled && l < N_FIRM_LINES; l++)
		moved[l] = true;
	/* else only in 再给予: M1B pays firms granted M1A (M2's exclude_m1 reads
	 * the firm's origin, not M1's awards) */
	if (moved[L_M1A] && m1b_follows(ref, p))
		moved[L_M1B] = true;
	/* a tier's count is no parameter: a line's struct beyond its keys */
	return ref->m2.ntiers == p->m2.ntiers && ref->m3a.ntiers == p->m3a.ntiers;
}

void sim_moved_amounts(const struct policy *ref, const struct policy *p, const bool moved[N_LINES],
		       bool amounts[N_LINES])
{
	memset(amounts, 0, N_LINES * sizeof *amounts);
	if (p->model.taxcap.enabled) /* it scales a firm's awards of a year together */
		return;
	for (int l = 0; l < N_FIRM_LINES; l++)
		amounts[l] = moved[l] && !grants_move(ref, p, (enum line_id)l) &&
			     !(l == L_M1B && m1b_follows(ref, p));
}

void sim_rep(const struct policy *p, const struct panel *stock, const struct entities *known,
	     uint64_t seed, long rep, const struct sim_layout *l, double *row, struct sim_work *w,
	     const struct award_sink *extra)
{
	/* the rules run on each recipient as it is sampled (rec_firm,
	 * rec_entity): the awards sim_apply would make from the record, in
	 * its order, with no record kept (check_pop.c holds the two equal) */
	w->direct = true;
	w->extra = extra;
	int failed = sim_sample(p, stock, known, seed, rep, w->own, w);
	w->direct = false;
	w->panel_id = NULL;
	w->known_through = INT_MIN;
	if (failed) {
		nan_row(l, row);
		return;
	}
	w->q = w->qbuf;
	row_of(w, w->own, l, row);
	w->q = NULL;
}

bool sim_same_population(const struct policy *a, const struct policy *b)
{
	/* what sim_sample reads: the window and the model's parameters,
	 * compared value by value (a struct's padding may differ) */
	if (a->start_year != b->start_year || a->years != b->years)
		return false;
	size_t n, m0 = offsetof(struct policy, model), m1 = m0 + sizeof a->model;
	const struct param_def *d = params_table(&n);
	for (size_t i = 0; i < n; i++)
		if (d[i].offset >= m0 && d[i].offset < m1 && !same_value(&d[i], a, b))
			return false;
	return true;
}
