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
 * Streams: every firm and entity seeds its own GSL generator from
 * (seed, replication, component, index), so a change to one assumption
 * moves only the draws that depend on it (common random numbers), and
 * no result depends on which thread ran the replication. A component is
 * keyed by a hash of its name ("stock", "m6a/entity", "param/growth.mean"),
 * never by its position, so adding a line, a parameter or a component
 * changes no other draw (make check-dummy-line proves it for a line). */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "params.h"
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

/* Who is drawing, for ledger names (the stream key is a hash). */
enum who { WHO_OTHER, WHO_STOCK, WHO_ENTRANT, WHO_ENTITY, WHO_KNOWN };

/* A line's stream keys: its entities, and its arrivals of each level
 * (LEVEL_NONE: the applicants of a line without levels). */
struct line_keys {
	uint64_t entity, arrivals[LEVEL_NATIONAL + 1];
};

#define MAX_SPAN 64 /* years from the oldest entrant to the window's end */

struct sim_work {
	gsl_rng *r;
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
	long long firm_years;
	bool overflow; /* a replication's totals passed FEN_MAX */
	uint64_t request_key, known_key, where_key;
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
	struct award cells[N_WHERE * N_LINES];
	struct award *cellp[N_WHERE * N_LINES];
	const struct entity_year *kview; /* apply: the known entity's recorded rows */
	double m12c_paid;
	struct policy *qbuf;    /* the resolved policy: sample's, then apply's */
	struct sim_sample *rec; /* the sample being recorded */
	struct sim_sample *own; /* sim_rep's sample */
	uint64_t fp;            /* the last sample's fingerprint */
	/* the reference application (sim_apply_ref): its totals and sample */
	struct totals ref;
	double ref_m12c;
	const struct sim_sample *ref_of;
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
	/* the population's fingerprint and aggregates */
	uint64_t fp;
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

static void stream(struct sim_work *w, uint64_t comp, uint64_t idx)
{
	gsl_rng_set(w->r, (unsigned long)key(w->seed, w->rep, comp, idx));
	w->comp = comp;
	w->idx = idx;
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

struct sim_work *sim_work_new(void)
{
	return sim_work_new_rng(gsl_rng_taus2);
}

bool sim_work_overflow(const struct sim_work *w)
{
	return w->overflow;
}

uint64_t sim_work_fingerprint(const struct sim_work *w)
{
	return w->fp;
}

/* Fold a number into the population fingerprint, bit for bit. */
static void fp_add(struct sim_work *w, double x)
{
	uint64_t b;
	memcpy(&b, &x, sizeof b);
	w->rec->fp = mix(w->rec->fp ^ b);
}

long long sim_work_firm_years(const struct sim_work *w)
{
	return w->firm_years;
}

struct sim_work *sim_work_new_rng(const gsl_rng_type *t)
{
	struct sim_work *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->r = gsl_rng_alloc(t);
	w->cap = 64;
	w->rows = malloc(w->cap * sizeof *w->rows);
	w->qbuf = malloc(sizeof *w->qbuf);
	w->own = sim_sample_new();
	if (!w->r || !w->rows || !w->qbuf || !w->own || make_keys(w) != 0) {
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
	free(w->rows);
	free(w->param_key);
	free(w->krows);
	free(w->qbuf);
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

/* Room for one more of n items of size bytes at *p (capacity *cap);
 * false when out of memory. */
static bool room(void *pp, size_t *cap, size_t n, size_t add, size_t size)
{
	void **p = pp;
	if (n + add <= *cap)
		return true;
	size_t nc = *cap ? *cap : 64;
	while (nc < n + add)
		nc *= 2;
	void *np = realloc(*p, nc * size);
	if (!np)
		return false;
	*p = np;
	*cap = nc;
	return true;
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

static double draw(struct sim_work *w, const struct dist *d, double lo, double hi)
{
	return dist_draw(d, w->r, lo, hi);
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
 * hash of who and when so that it is the same in every variant. */
static bool claimed(const struct sim_work *w, const struct award *a)
{
	double share = w->q->model.takeup[a->line];
	if (share >= 1)
		return true;
	uint64_t h = key(w->seed, w->rep, w->comp_key[S_TAKEUP],
			 mix(w->comp ^ mix(w->idx)) ^
				 mix(w->line_key[a->line].entity ^ (uint64_t)a->year));
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

/* 第1条 再给予最高200万元, 第3条 最高100万元: the firm asks for an amount
 * and is paid min(request, cap) x approval, drawn from a stream of its
 * own (firm, line, year), so no other draw depends on it. The rows of
 * the firm are all made before the rules run: w->r is free here. */
static bool firm_request(struct sim_work *w, struct award *a)
{
	const struct pop_line *pl = &w->q->model.line[a->line];
	double cap = a->line == L_M1B ? w->q->m1b.amount : w->q->m3c.amount;
	gsl_rng_set(w->r, (unsigned long)key(w->seed, w->rep, w->request_key ^ w->comp,
					     mix(w->idx ^ mix(w->line_key[a->line].entity)) ^
						     (uint64_t)a->year));
	double req = draw(w, &pl->request, 0, 1e13), ok = draw(w, &pl->approval, 0, 1);
	double amt = fmin(req, cap) * ok;
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

static void on_award(void *ctx, const struct award *given)
{
	struct sim_work *w = ctx;
	struct award copy, *a = &copy;
	bool known = given->year <= w->known_through;
	if (!known && given->year <= w->cover[given->line])
		return; /* that round is in the entities file */
	if (!known && !claimed(w, given))
		return;
	*a = *given;
	if (!known && (int)a->line < N_FIRM_LINES && line_info(a->line)->pay == PAY_GRANTED &&
	    !firm_request(w, a))
		return;
	if (w->who == WHO_KNOWN && a->reason[0])
		known_reason(w, a);
	if (w->buffering && w->nbuf < (int)(sizeof w->buf / sizeof w->buf[0])) {
		w->buf[w->nbuf++] = *a;
		return;
	}
	book(w, a);
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

/* The firm's rows into the fingerprint and the population aggregates. */
static void count_firm(struct sim_work *w, const struct firm_year *rows, size_t n)
{
	int y0 = w->q->start_year - 1, end = w->q->start_year + w->q->years - 1;
	bool listed = false;
	struct sim_sample *s = w->rec;
	fp_add(w, (double)rows[0].founded + 64.0 * rows[0].origin + 1024.0 * rows[0].industrial);
	for (size_t i = 0; i < n; i++) {
		const struct firm_year *r = &rows[i], *prev = i ? &rows[i - 1] : NULL;
		fp_add(w, (double)r->year + 4096.0 * r->key_db + 8192.0 * r->top100);
		fp_add(w, r->revenue);
		fp_add(w, (double)r->employees);
		fp_add(w, r->paid_capital);
		if (r->year >= y0 && r->year - y0 < MAX_SPAN)
			s->rev_year[r->year - y0] += r->revenue;
		if (r->year == y0) {
			s->pop[PS_FIRMS] += 1;
			s->pop[PS_REVENUE] += r->revenue;
			s->pop[PS_SHARE_1YI] += r->revenue >= 1e8;
			s->pop[PS_SHARE_5YI] += r->revenue >= 5e8;
			s->pop[PS_FIRMS_10YI] += r->revenue >= 1e9;
		}
		if (r->year == y0 + 1 && r->key_db)
			s->pop[PS_KEY_DB] += 1;
		bool in = r->year > y0 && r->year <= end;
		if (in && r->key_db && prev && prev->year == r->year - 1 && prev->revenue > 0) {
			s->key_years += 1;
			s->pop[PS_GROWTH50] += r->revenue > 1.5 * prev->revenue;
		}
		if (r->top100 && !listed && in)
			s->pop[PS_TOP100_NEW] += 1;
		listed |= r->top100;
	}
}

/* The talent and training lines (第12条, 第13条): their recipients are
 * placed by the talent weights. */
static bool talent_line(enum line_id l)
{
	return l == L_M12A || l == L_M12B || l == L_M12C || l == L_M13A || l == L_M13B;
}

static int where_pick(struct sim_work *w, enum line_id l, uint64_t who);

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
	return where_pick(w, l, mix(w->comp ^ mix(w->idx)));
}

static int where_pick(struct sim_work *w, enum line_id l, uint64_t who)
{
	const struct model *m = &w->q->model;
	const double *wt = talent_line(l) ? m->where_talent : m->where_firms;
	double sum = 0;
	for (int d = 1; d <= N_DISTRICTS; d++)
		sum += line_pays_district(l) ? 1 : wt[d];
	uint64_t h = key(w->seed, w->rep, w->where_key, who);
	double u = (double)(h >> 11) * 0x1.0p-53 * sum, acc = 0;
	int last = 1;
	for (int d = 1; d <= N_DISTRICTS; d++) {
		double x = line_pays_district(l) ? 1 : wt[d];
		if (x <= 0)
			continue;
		acc += x;
		last = d;
		if (u < acc)
			return d;
	}
	return last; /* u at the very top, rounding */
}

/* Record the firm w is at: its rows, who it is, its part of the
 * fingerprint and aggregates. */
static void rec_firm(struct sim_work *w, const struct firm_year *rows, size_t n)
{
	int where = where_of(w, L_M1A);
	fp_add(w, (double)where);
	count_firm(w, rows, n);
	w->firm_years += (long long)n;
	struct rec *r = add_rec(w, true, n);
	if (r) {
		memcpy(w->rec->firm + r->row, rows, n * sizeof *rows);
		r->where = where;
	}
}

/* Record the entity w is at; draw: its raw draws (an "up to" applicant),
 * or NULL. */
static void rec_entity(struct sim_work *w, const struct entity_year *rows, size_t n,
		       const struct raw *draw)
{
	struct sim_sample *s = w->rec;
	int where = 0;
	for (size_t i = 0; i < n; i++) /* a known entity's file may name its district */
		where = rows[i].where ? rows[i].where : where;
	if (!where)
		where = where_of(w, rows[0].line);
	fp_add(w, (double)where);
	for (size_t i = 0; i < n; i++) {
		fp_add(w, (double)rows[i].line + 64.0 * rows[i].year + 4.0 * rows[i].level);
		fp_add(w, rows[i].base);
		fp_add(w, (double)rows[i].passed);
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

static void run_firm(struct sim_work *w, const struct firm_year *rows, size_t n, int where)
{
	struct award_sink s = {.fn = on_award,
			       .ctx = w,
			       .reasons = w->extra != NULL,
			       .where = where};
	w->buffering = w->q->model.taxcap.enabled;
	rules_firm(w->q, rows, n, &s);
	if (w->buffering)
		apply_taxcap(w, rows, n);
}

static void run_entity(struct sim_work *w, const struct entity_year *rows, size_t n, int where)
{
	struct award_sink s = {.fn = on_award,
			       .ctx = w,
			       .reasons = w->extra != NULL,
			       .where = where};
	w->buffering = false;
	rules_entity(w->q, rows, n, &s);
}

static int last_year(const struct policy *q)
{
	return q->start_year + q->years - 1;
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
	return prev->revenue >= m->firms.key_db_min_revenue && prev->year - founded >= 1 &&
	       key_u < m->firms.key_db_share;
}

/* The firm's row for the year after prev. Always draws the same
 * variates, so a changed threshold does not shift the stream. */
static void next_year(struct sim_work *w, const struct firm_year *prev, struct firm_year *row,
		      double key_u)
{
	const struct model *m = &w->q->model;
	/* ziggurat: the same normal variates at a fraction of the cost */
	double e = gsl_ran_gaussian_ziggurat(w->r, 1), u = gsl_rng_uniform(w->r);
	*row = *prev;
	row->year = prev->year + 1;
	bool young = row->year - row->founded < 3;
	double g = w->drift + shock(w, row->year) + m->growth.firm_sd * e;
	if (young)
		g += w->ln_young;
	row->revenue = prev->revenue * exp(g);
	/* staff is a head count: single precision is ample */
	float sg = (float)(m->growth.staff_elasticity * g + (young ? w->ln_ramp : 0));
	row->employees = (int)fminf(1e7f, rintf((float)(prev->employees > 1 ? prev->employees : 1) *
						expf(sg)));
	row->key_db = key_db(m, prev, row->founded, key_u);
	row->top100 = row->revenue >= m->events.top100_min_revenue && u < m->events.top100_prob;
}

/* Grow rows[0] to the window's end, with yearly exits; runs the rules. */
static void live(struct sim_work *w, size_t n, double key_u, double exit_rate)
{
	int end = last_year(w->q);
	while ((int)w->rows[n - 1].year < end && n < w->cap) {
		if (gsl_rng_uniform(w->r) < exit_rate)
			break;
		next_year(w, &w->rows[n - 1], &w->rows[n], key_u);
		n++;
	}
	rec_firm(w, w->rows, n);
}

static void existing_firms(struct sim_work *w)
{
	const struct model *m = &w->q->model;
	long count = lround(val(&m->firms.count));
	int y0 = w->q->start_year - 1;
	for (long i = 0; i < count; i++) {
		stream(w, w->comp_key[S_STOCK], (uint64_t)i);
		w->who = WHO_STOCK;
		/* the stock is the firms in the statistics: drawn above its bar */
		double rev = draw(w, &m->firms.revenue, 0, 1e13);
		for (int k = 0; k < 1000 && rev < m->firms.min_revenue; k++)
			rev = draw(w, &m->firms.revenue, 0, 1e13);
		rev = fmax(rev, m->firms.min_revenue);
		/* above the threshold a Pareto tail, by inverse CDF from one
		 * uniform that is always drawn, so streams stay aligned */
		double u_tail = gsl_rng_uniform_pos(w->r);
		if (m->firms.tail_alpha > 0 && rev > m->firms.tail_threshold)
			rev = fmin(m->firms.tail_threshold * pow(u_tail, -1 / m->firms.tail_alpha),
				   1e13);
		double staff = rev / m->firms.revenue_per_employee *
			       exp(m->firms.staff_sigma * gsl_ran_gaussian_ziggurat(w->r, 1));
		double key_u = gsl_rng_uniform(w->r);
		struct firm_year *f = &w->rows[0];
		int founded = y0 - (int)(gsl_rng_uniform(w->r) * m->firms.max_age);
		*f = (struct firm_year){
			.year = y0,
			.founded = founded,
			/* 新设: the stock holds the entry cohorts before the policy;
			 * M2's window (at most 10 years) decides which are new */
			.origin = y0 - founded < 10 ? ORIGIN_NEW : ORIGIN_EXISTING,
			.industrial = gsl_rng_uniform(w->r) < m->firms.industrial_share,
			.employees = (int)fmin(1e7, fmax(1, lround(staff))),
			.revenue = rev,
		};
		f->key_db = key_db(m, f, founded, key_u); /* no earlier data: its own year */
		f->top100 = rev >= m->events.top100_min_revenue &&
			    gsl_rng_uniform(w->r) < m->events.top100_prob;
		live(w, 1, key_u, val(&m->growth.exit_rate));
	}
}

/* The bureau's own firms: their rows as given, their future sampled.
 * -1 when out of memory: a firm left out would understate the cost. */
static int panel_firms(struct sim_work *w, const struct panel *pn)
{
	const struct model *m = &w->q->model;
	for (size_t g = 0; g < pn->firms.count; g++) {
		size_t a = pn->firms.start[g], n = pn->firms.start[g + 1] - a;
		if (n + MAX_SPAN > w->cap) {
			size_t nc = n + MAX_SPAN;
			struct firm_year *nr = realloc(w->rows, nc * sizeof *nr);
			if (!nr)
				return -1;
			w->rows = nr;
			w->cap = nc;
		}
		memcpy(w->rows, pn->rows + a, n * sizeof *w->rows);
		stream(w, w->comp_key[S_PANEL], g);
		w->who = WHO_OTHER;
		w->panel_id = group_id(&pn->firms, g);
		w->known_through = w->rows[n - 1].year; /* its own rows are known */
		w->panel_where = 0;
		for (size_t k = a; k < a + n && pn->district; k++)
			w->panel_where = pn->district[k] ? pn->district[k] : w->panel_where;
		double key_u = w->rows[n - 1].key_db ? 0 : gsl_rng_uniform(w->r);
		live(w, n, key_u, val(&m->growth.exit_rate));
		w->panel_id = NULL;
		w->known_through = INT_MIN;
	}
	return 0;
}

/* New, spun-off and attracted firms founded in the policy years, to the
 * window's end. Earlier cohorts are in the stock (or the panel): no policy
 * key decides which firms exist. */
static void entrants(struct sim_work *w)
{
	const struct model *m = &w->q->model;
	const struct dist *rate[3] = {&m->entry.new_per_year, &m->entry.spinoff_per_year,
				      &m->entry.attracted_per_year};
	static const enum origin origin[3] = {ORIGIN_NEW, ORIGIN_SPINOFF, ORIGIN_ATTRACTED};
	/* firms founded in a year the panel covers are in it */
	int first = w->firm_cover >= w->q->start_year ? w->firm_cover + 1 : w->q->start_year;
	for (int kind = 0; kind < 3; kind++) {
		for (int t = first; t <= last_year(w->q); t++) {
			stream(w, w->comp_key[S_ENTRY_COUNT + kind], (uint64_t)t);
			unsigned k = gsl_ran_poisson(w->r, val(rate[kind]));
			for (unsigned j = 0; j < k; j++) {
				stream(w, w->comp_key[S_ENTRANT + kind], (uint64_t)t << 20 | j);
				w->who = WHO_ENTRANT;
				w->sub = kind;
				bool att = origin[kind] == ORIGIN_ATTRACTED;
				double rev = draw(w,
						  att ? &m->entry.attracted_revenue
						      : &m->entry.new_revenue,
						  0, 1e13);
				double staff = draw(w,
						    att ? &m->entry.attracted_staff
							: &m->entry.new_staff,
						    0, 1e6);
				double capital = draw(w, &m->entry.attracted_capital, 0, 1e13);
				double ind = gsl_rng_uniform(w->r), key_u = gsl_rng_uniform(w->r);
				w->rows[0] = (struct firm_year){
					.year = t,
					.founded = t,
					.origin = origin[kind],
					.industrial = ind <
						      (att ? m->entry.attracted_industrial_share
							   : m->firms.industrial_share),
					.employees = (int)fmax(1, lround(staff)),
					.paid_capital = att ? capital : 0,
					.revenue = rev,
				};
				live(w, 1, key_u, val(&m->growth.exit_rate));
			}
		}
	}
}

/* Parks under M5A/M5B: software revenue growing with the city. */
static void parks(struct sim_work *w, enum line_id l)
{
	const struct pop_line *pl = &w->q->model.line[l];
	long count = lround(val(&pl->parks));
	int y0 = w->q->start_year - 1;
	/* parks grow with the city: the mean growth and the common shock, and
	 * their own spread with its own drift correction (never the firms') */
	double csd = w->q->model.growth.common_sd;
	double drift = log1p(val(&w->q->model.growth.city)) -
		       (csd * csd + pl->growth_sd * pl->growth_sd) / 2;
	for (long k = 0; k < count; k++) {
		stream(w, w->line_key[l].entity, (uint64_t)k);
		w->who = WHO_ENTITY;
		w->sub = l;
		double rev = draw(w, &pl->revenue, 0, 1e13);
		size_t n = 0;
		for (int y = y0; y <= last_year(w->q); y++) {
			if (y > y0)
				rev *= exp(drift + shock(w, y) +
					   pl->growth_sd * gsl_ran_gaussian_ziggurat(w->r, 1));
			w->erows[n++] = (struct entity_year){.line = l,
							     .year = y,
							     .base = rev,
							     .granted = NAN,
							     .housing = NAN,
							     .passed = true};
		}
		rec_entity(w, w->erows, n, NULL);
	}
}

/* The first year whose applicants of line l are sampled: after the
 * rounds the entities file covers. */
static int first_sampled(const struct sim_work *w, enum line_id l)
{
	return w->cover[l] >= w->q->start_year ? w->cover[l] + 1 : w->q->start_year;
}

/* New applicants of one line (of one level) in year t: Poisson(mean) of them. */
static unsigned arrivals(struct sim_work *w, enum line_id l, enum level lv, int t, double mean)
{
	stream(w, w->line_key[l].arrivals[lv], (uint64_t)t);
	return gsl_ran_poisson(w->r, mean);
}

static void level_line(struct sim_work *w, enum line_id l)
{
	const struct pop_line *pl = &w->q->model.line[l];
	const struct dist *per[3] = {&pl->municipal, &pl->provincial, &pl->national};
	for (enum level lv = line_info(l)->lo; lv <= line_info(l)->hi; lv++) {
		for (int t = first_sampled(w, l); t <= last_year(w->q); t++) {
			unsigned k = arrivals(w, l, lv, t, val(per[lv - 1]));
			for (unsigned j = 0; j < k; j++) {
				w->comp = w->line_key[l]
						  .entity; /* no draws: a name and a take-up key */
				w->idx = (uint64_t)t << 20 | (uint64_t)lv << 16 | j;
				w->who = WHO_ENTITY;
				w->sub = l;
				w->erows[0] = (struct entity_year){.line = l,
								   .year = t,
								   .level = lv,
								   .base = NAN,
								   .granted = NAN,
								   .housing = NAN,
								   .passed = true};
				rec_entity(w, w->erows, 1, NULL);
			}
		}
	}
}

/* Every other entity line: applicants arrive, each with its own figures. */
static void applicants(struct sim_work *w, enum line_id l)
{
	const struct pop_line *pl = &w->q->model.line[l];
	enum rule_kind kind = line_info(l)->kind;
	bool granted = line_info(l)->pay == PAY_GRANTED;
	for (int t = first_sampled(w, l); t <= last_year(w->q); t++) {
		unsigned k = arrivals(w, l, LEVEL_NONE, t, val(&pl->per_year));
		w->rec->pop[PS_M12A_TEAMS] += l == L_M12A ? k : 0;
		w->rec->pop[PS_M12C_TALENTS] += l == L_M12C ? k : 0;
		for (unsigned j = 0; j < k; j++) {
			stream(w, w->line_key[l].entity, (uint64_t)t << 20 | j);
			w->who = WHO_ENTITY;
			w->sub = l;
			struct entity_year r = {.line = l,
						.year = t,
						.base = NAN,
						.granted = NAN,
						.housing = NAN,
						.passed = true};
			if (kind == RK_RATE)
				r.base = draw(w, &pl->base, 0, 1e13);
			struct raw raw = {.housing = NAN};
			if (granted) { /* 最高: min(request, cap) x approval, by apply */
				raw.request = draw(w, &pl->request, 0, 1e13);
				raw.approval = draw(w, &pl->approval, 0, 1);
				fp_add(w, raw.request);
				fp_add(w, raw.approval);
				if (kind == RK_TEAM) {
					raw.housing = draw(w, &pl->housing, 0, 1e13);
					fp_add(w, raw.housing);
				}
			}
			size_t n = 0;
			w->erows[n++] = r;
			/* yearly lines: the centre goes on while it passes its reviews,
			 * up to the longest support any max_years allows, past the
			 * policy's last year (after_expiry), whatever the policy keys:
			 * later draws come after, so no earlier one moves, and the
			 * population does not depend on the policy */
			int end = t + MAX_SUPPORT_YEARS - 1;
			for (int y = t + 1; kind == RK_YEARLY && y <= end; y++) {
				r.year = y;
				r.passed = gsl_rng_uniform(w->r) < pl->pass;
				w->erows[n++] = r;
				if (!r.passed)
					break;
			}
			rec_entity(w, w->erows, n, granted ? &raw : NULL);
		}
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
		rec_entity(w, w->krows, k, NULL);
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
		stream(w, w->param_key[i], 0);
		struct dist *v = (struct dist *)((char *)q + d[i].offset);
		*v = (struct dist){.kind = D_CONST, .p = {dist_draw(v, w->r, d[i].lo, d[i].hi)}};
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

/* Districts and owners of the row, from the cells after the year's rules:
 * each cell summed in fen and made yuan once, so that districts add up
 * to their line and owners to TOTAL to the fen. */
static void fill_breakdown(struct sim_work *w, const struct policy *q, const struct sim_layout *l,
			   double *row)
{
	int ny = l->years;
	for (int lv = 0; lv < N_LEVELS; lv++) {
		fen_t own[N_OWNERS + 1][MAX_YEARS + 2] = {{0}};
		int in = sim_within(l);
		for (int d = 0; d < N_WHERE; d++) {
			fen_t all = 0;
			for (int line = 0; line < N_LINES; line++) {
				fen_t sum = 0;
				for (int y = 0; y < ny; y++)
					sum += w->cell[d][line][y][lv];
				row[sim_district(l, d, line, lv)] = (double)sum / 100;
				if (!q->line[line].in_total)
					continue;
				all += sum;
				enum owner_id o = q->line[line].owner;
				for (int y = 0; y < ny; y++) {
					fen_t v = w->cell[d][line][y][lv];
					bool within = y < l->horizon;
					own[o][y] += v;
					own[o][ny] += v;
					own[o][in] += within ? v : 0;
					if (q->owner_new[o]) {
						own[N_OWNERS][y] += v;
						own[N_OWNERS][ny] += v;
						own[N_OWNERS][in] += within ? v : 0;
					}
				}
			}
			row[sim_district(l, d, N_LINES, lv)] = (double)all / 100;
		}
		for (int o = 0; o <= N_OWNERS; o++)
			for (int y = 0; y <= in; y++)
				row[sim_owner(l, o, y, lv)] = (double)own[o][y] / 100;
	}
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

static void fill_row(struct sim_work *w, const struct policy *q, const struct totals *t,
		     const struct sim_layout *l, double *row)
{
	memset(row, 0, l->width * sizeof *row);
	int ny = l->years;
	memcpy(w->cell, t->where, sizeof w->cell);
	/* 总量控制: plain prorata on the line x district cells (year_rules);
	 * priorities and carry-forward on the line cells (envelope_years) */
	bool envelope = q->model.budget.rule == BUDGET_PRIORITY || q->model.budget.carry_forward;
	bool plain = q->model.budget.rule == BUDGET_PRORATA && !envelope;
	if (envelope)
		envelope_districts(w, q, t, l, row);
	for (int y = 0; y < ny; y++) {
		fen_t cut = year_rules(w, q, t->first_paid_year, y, plain);
		if (!cut)
			continue;
		row[sim_cut(l, y)] = (double)cut / 100;
		row[sim_cut(l, ny)] += row[sim_cut(l, y)];
	}
	for (int line = 0; line < N_LINES; line++) {
		for (int y = 0; y < ny; y++) {
			for (int lv = 0; lv < N_LEVELS; lv++) {
				fen_t sum = 0; /* over districts: t->cell when no rule applied */
				for (int d = 0; d < N_WHERE; d++)
					sum += w->cell[d][line][y][lv];
				double v = (double)sum / 100;
				bool within = y < l->horizon;
				row[sim_money(l, line, y, lv)] += v;
				row[sim_money(l, line, ny, lv)] += v;
				row[sim_money(l, line, sim_within(l), lv)] += within ? v : 0;
				if (!q->line[line].in_total)
					continue; /* contingent: reported apart */
				row[sim_money(l, N_LINES, y, lv)] += v;
				row[sim_money(l, N_LINES, ny, lv)] += v;
				row[sim_money(l, N_LINES, sim_within(l), lv)] += within ? v : 0;
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
	const struct model *m = &q->model;
	double fsd = m->growth.firm_sd, csd = m->growth.common_sd;
	w->drift = log1p(val(&m->growth.mean)) - (fsd * fsd + csd * csd) / 2;
	w->ln_young = log1p(m->growth.young_bonus);
	w->ln_ramp = log1p(m->growth.staff_ramp);
	w->shock_year0 = q->start_year - MAX_SPAN / 2;
	stream(w, w->comp_key[S_SHOCKS], 0);
	for (int k = 0; k < MAX_SPAN; k++)
		w->shock[k] = gsl_ran_gaussian(w->r, csd);
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
	w->fp = s->fp;
	w->q = NULL;
	w->rec = NULL;
	return s->failed ? -1 : 0;
}

/* The rows of an entity of the sample as policy q reads them: an "up to"
 * applicant's granted amounts from its draws and q's caps. */
static const struct entity_year *entity_rows(struct sim_work *w, const struct sim_sample *s,
					     const struct rec *r)
{
	const struct entity_year *rows = s->ent + r->row;
	if (r->draw < 0)
		return rows;
	const struct raw *d = &s->raw[r->draw];
	enum line_id l = rows[0].line;
	const struct eline *e = &w->q->e[l];
	bool team = line_info(l)->kind == RK_TEAM;
	double granted = fmin(d->request, team ? e->project_cap : e->cap) * d->approval;
	double housing = team ? fmin(d->housing, e->housing_cap) * d->approval : NAN;
	if (l == L_M12C)
		w->m12c_paid += granted;
	for (unsigned i = 0; i < r->n; i++) {
		w->erows[i] = rows[i];
		w->erows[i].granted = granted;
		w->erows[i].housing = housing;
	}
	return w->erows;
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
		memcpy(t->cell[l], r->cell[l], sizeof t->cell[l]);
		for (int d = 0; d < N_WHERE; d++)
			memcpy(t->where[d][l], r->where[d][l], sizeof t->where[d][l]);
		memcpy(t->count[l], r->count[l], sizeof t->count[l]);
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

/* sim_apply; moved: only those lines' rules run, the others' totals are
 * the reference's (sim_apply_moved); keep: this is the reference. */
static void apply(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
		  double *row, struct sim_work *w, const struct award_sink *extra,
		  const bool *moved, bool keep)
{
	if (s->failed) {
		for (size_t i = 0; i < l->width; i++)
			row[i] = NAN; /* seen as a failed replication by sim_run */
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
	totals_init(&w->t, q);
	if (moved && (w->ref_of != s || !keep_lines(w, moved))) {
		moved = NULL; /* every line afresh */
		totals_init(&w->t, q);
		w->m12c_paid = 0;
	}
	for (size_t k = 0; k < s->nrec; k++) {
		const struct rec *r = &s->rec[k];
		if (moved && !moved[r->firm ? L_M1A : s->ent[r->row].line])
			continue;
		w->comp = r->comp;
		w->idx = r->idx;
		w->who = (enum who)r->who;
		w->sub = r->sub;
		w->panel_id = r->panel_id;
		w->known_through = r->known_through;
		if (r->firm) {
			run_firm(w, s->firm + r->row, r->n, r->where);
			continue;
		}
		w->kview = s->ent + r->row;
		w->nk = r->n;
		w->nfile = r->nfile;
		run_entity(w, entity_rows(w, s, r), r->n, r->where);
	}
	w->panel_id = NULL;
	w->known_through = INT_MIN;
	if (keep) {
		w->ref = w->t;
		w->ref_m12c = w->m12c_paid;
		w->ref_of = s;
	}
	fill_row(w, q, &w->t, l, row);
	fill_pop(w, s, l, row);
	if (w->t.overflow) { /* sums missing awards would be wrong numbers */
		w->overflow = true;
		for (size_t i = 0; i < l->width; i++)
			row[i] = NAN;
	}
	w->q = NULL;
}

void sim_apply(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
	       double *row, struct sim_work *w, const struct award_sink *extra)
{
	apply(p, s, l, row, w, extra, NULL, false);
}

void sim_apply_ref(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
		   double *row, struct sim_work *w)
{
	apply(p, s, l, row, w, NULL, NULL, true);
}

void sim_apply_moved(const struct policy *p, const struct sim_sample *s, const struct sim_layout *l,
		     double *row, struct sim_work *w, const bool moved[N_LINES])
{
	apply(p, s, l, row, w, NULL, moved, false);
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
	/* a firm's lines meet in its rules (M1B after M1A, M2's exclude_m1)
	 * and in the tax cap: one moved moves them all */
	for (int l = 0; firm && l < N_FIRM_LINES; l++)
		moved[l] = true;
	/* a tier's count is no parameter: a line's struct beyond its keys */
	return ref->m2.ntiers == p->m2.ntiers && ref->m3a.ntiers == p->m3a.ntiers;
}

void sim_rep(const struct policy *p, const struct panel *stock, const struct entities *known,
	     uint64_t seed, long rep, const struct sim_layout *l, double *row, struct sim_work *w,
	     const struct award_sink *extra)
{
	sim_sample(p, stock, known, seed, rep, w->own, w);
	sim_apply(p, w->own, l, row, w, extra);
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
