/* rating.c - uncertainty ratings per line (rating.h). */
#include "rating.h"

#include <math.h>
#include <string.h>

#include "params.h"

static enum rating_level level_of(double score)
{
	return score >= RATING_VERY_HIGH_AT ? RATING_VERY_HIGH
	       : score >= RATING_HIGH_AT    ? RATING_HIGH
	       : score >= RATING_MEDIUM_AT  ? RATING_MEDIUM
					    : RATING_LOW;
}

void rating_of(const struct rating_in *in, struct rating_out *out)
{
	memset(out, 0, sizeof *out);
	int sum = 0, n = 0;
	for (int a = 0; a < N_AXES; a++) {
		out->score[a] = in->values[a] > 0 ? in->assumed[a] / in->values[a] : 0;
		out->axis[a] = level_of(out->score[a]);
		if (in->values[a] > 0) { /* an axis nothing rests on says nothing */
			sum += (int)out->axis[a];
			n++;
		}
	}
	/* the mean level, to the nearest (three axes never fall halfway) */
	enum rating_level mean = n ? (enum rating_level)floor((double)sum / n + 0.5) : RATING_LOW;
	out->material = in->var_share >= RATING_MATERIAL; /* false for NaN */
	out->overall = out->material && mean < RATING_VERY_HIGH ? mean + 1 : mean;
}

double rating_weight(enum param_prov p)
{
	switch (p) {
	case PROV_TEXT:
	case PROV_SOURCED:
	case PROV_DEFINITION:
		return 0;
	case PROV_READING:
	case PROV_PARTLY:
		return 0.5;
	default: /* an assumption, or a value nothing vouches for */
		return 1;
	}
}

/* The parts of the firm model each firm line's firms come from, as
 * "section." or "section.key_prefix"; a firm line not listed rests on
 * the whole model. */
static const struct {
	const char *line;
	const char *from[4];
} firm_sources[] = {
	{"M1A", {"entry.attracted_", "growth."}}, /* 第1条: attracted firms */
	{"M1B", {"entry.attracted_", "growth."}},
	{"M2", {"entry.", "growth."}},             /* 第2条: new firms, attracted ones too */
	{"M3A", {"firms.", "growth."}},            /* 第3条: the stock growing */
	{"M3B", {"firms.", "growth.", "events."}}, /* and its top-100 listings */
	{"M3C", {"firms.", "growth."}},
};
static const char *const firm_model[] = {"firms.", "growth.", "entry.", "events."};

static bool from_firm_model(int line, const char *key)
{
	const char *const *from = firm_model;
	size_t n = sizeof firm_model / sizeof firm_model[0];
	for (size_t k = 0; k < sizeof firm_sources / sizeof firm_sources[0]; k++)
		if (strcmp(firm_sources[k].line, line_info(line)->name) == 0) {
			from = firm_sources[k].from;
			n = 4;
		}
	for (size_t k = 0; k < n && from[k]; k++)
		if (strncmp(key, from[k], strlen(from[k])) == 0)
			return true;
	return false;
}

/* Keys of a line that say whether and who pays, not what: no axis. */
static bool bookkeeping(const char *key)
{
	static const char *const keys[] = {"enabled", "funding", "provincial_share",
					   "district_share", "in_total"};
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		if (strcmp(key, keys[k]) == 0)
			return true;
	return false;
}

/* What applicants do: ask, get approved, pass a review, claim. */
static bool behaviour_key(const char *key)
{
	static const char *const keys[] = {"request", "approval", "housing", "pass"};
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		if (strcmp(key, keys[k]) == 0)
			return true;
	return false;
}

int rating_axis_of(int line, int i)
{
	size_t n;
	const struct param_def *d = params_table(&n);
	if (i < 0 || (size_t)i >= n || line < 0 || line >= N_LINES)
		return -1;
	const struct line_info *li = line_info(line);
	if (d[i].line == line)
		return bookkeeping(d[i].key) ? -1 : AXIS_MODELLING;
	if (strcmp(d[i].section, "takeup") == 0)
		return strcmp(d[i].key, li->section) == 0 ? AXIS_BEHAVIOUR : -1;
	if (strncmp(d[i].section, "pop.", 4) == 0) {
		if (strcmp(d[i].section + 4, li->section) != 0)
			return -1;
		return behaviour_key(d[i].key) ? AXIS_BEHAVIOUR : AXIS_DATA;
	}
	if (li->kind != RK_FIRM)
		return -1;
	char key[128];
	snprintf(key, sizeof key, "%s.%s", d[i].section, d[i].key);
	return from_firm_model(line, key) ? AXIS_DATA : -1;
}

void rating_inputs(const struct scenario *s, int line, struct rating_in *in)
{
	size_t n;
	params_table(&n);
	for (int a = 0; a < N_AXES; a++) {
		in->assumed[a] = 0;
		in->values[a] = 0;
	}
	for (size_t i = 0; i < n; i++) {
		int a = s->set[i] ? rating_axis_of(line, (int)i) : -1;
		if (a < 0 || params_is_none(&s->pol, (int)i))
			continue;
		in->values[a]++;
		in->assumed[a] += rating_weight((enum param_prov)s->prov[i]);
	}
}

int rating_var_shares(const struct sim_layout *l, const bool *in_total, const double *rows,
		      long reps, double *share)
{
	size_t tc = sim_money(l, N_LINES, l->years, LV_TOTAL);
	double mt = 0, ml[N_LINES] = {0}, cov[N_LINES] = {0}, vt = 0;
	long k = 0;
	for (int line = 0; line < N_LINES; line++)
		share[line] = NAN;
	for (long r = 0; rows && r < reps; r++) {
		const double *row = rows + (size_t)r * l->width;
		if (!isfinite(row[tc]))
			continue; /* a failed replication */
		k++;
		mt += row[tc];
		for (int line = 0; line < N_LINES; line++)
			ml[line] += row[sim_money(l, line, l->years, LV_TOTAL)];
	}
	if (k < 2)
		return -1;
	mt /= (double)k;
	for (int line = 0; line < N_LINES; line++)
		ml[line] /= (double)k;
	for (long r = 0; r < reps; r++) {
		const double *row = rows + (size_t)r * l->width;
		if (!isfinite(row[tc]))
			continue;
		double dt = row[tc] - mt;
		vt += dt * dt;
		for (int line = 0; line < N_LINES; line++)
			cov[line] += dt * (row[sim_money(l, line, l->years, LV_TOTAL)] - ml[line]);
	}
	for (int line = 0; line < N_LINES; line++)
		if (in_total[line])
			share[line] = vt > 0 ? cov[line] / vt : 0;
	return 0;
}

/* Without rows: each line's variance over the sum of the lines'. */
static void var_fallback(const struct summary *sm, double *share)
{
	const struct sim_layout *l = &sm->layout;
	double sum = 0;
	for (int line = 0; line < N_LINES; line++) {
		double sd = summary_money(sm, line, l->years, LV_TOTAL)->sd;
		share[line] = NAN;
		if (sm->in_total[line] && isfinite(sd))
			sum += sd * sd;
	}
	for (int line = 0; line < N_LINES; line++) {
		double sd = summary_money(sm, line, l->years, LV_TOTAL)->sd;
		if (sm->in_total[line])
			share[line] = sum > 0 && isfinite(sd) ? sd * sd / sum : 0;
	}
}

void evaluation_of(const struct scenario *s, const struct summary *sm, const double *rows,
		   long reps, struct evaluation *ev)
{
	double share[N_LINES];
	memset(ev, 0, sizeof *ev);
	ev->covariance = rating_var_shares(&sm->layout, sm->in_total, rows, reps, share) == 0;
	if (!ev->covariance)
		var_fallback(sm, share);
	for (int line = 0; line < N_LINES; line++) {
		struct line_rating *lr = &ev->line[line];
		const struct stats *st = summary_money(sm, line, sm->layout.years, LV_TOTAL);
		lr->rated = s->pol.line[line].enabled && (st->mean > 0 || st->pct[P95] > 0);
		rating_inputs(s, line, &lr->in);
		lr->in.var_share = share[line];
		rating_of(&lr->in, &lr->out);
	}
}
