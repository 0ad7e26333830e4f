/* dist.c - distributions of uncertain assumptions: text forms, checks
 * and draws, from the Philox streams (stream.h) or with GSL. */
#include "dist.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "i18n.h"

#define MAXARGS 3
#define UNBOUNDED 1e12  /* a range's hi at or above this counts as no bound */
#define POISSON_MAX 1e9 /* gsl_ran_poisson returns an unsigned int */

/* One text form. unit has bit i set when argument i is in the
 * parameter's unit (parsed by num); the others are plain numbers. */
struct form {
	enum dist_kind kind;
	const char *name;
	int nargs;
	const char *arg[MAXARGS];
	unsigned unit;
};

static const struct form forms[] = {
	{D_UNIFORM, "uniform", 2, {"lo", "hi"}, 3},
	{D_NORMAL, "normal", 2, {"mean", "sd"}, 3},
	{D_LOGNORMAL, "lognormal", 2, {"median", "sigma"}, 1},
	{D_TRIANGULAR, "triangular", 3, {"min", "mode", "max"}, 7},
	{D_PERT, "pert", 3, {"min", "mode", "max"}, 7},
	{D_BETA, "beta", 2, {"a", "b"}, 0},
	{D_POISSON, "poisson", 1, {"mean"}, 0}, /* a count: plain */
	{D_PARETO, "pareto", 2, {"scale", "alpha"}, 1},
};
#define NFORMS (sizeof forms / sizeof forms[0])

static const struct form *form_of(enum dist_kind k)
{
	for (size_t i = 0; i < NFORMS; i++)
		if (forms[i].kind == k)
			return &forms[i];
	return NULL;
}

static const char *const form_list =
	"forms: uniform(lo, hi), normal(mean, sd), lognormal(median, sigma), "
	"triangular(min, mode, max), pert(min, mode, max), beta(a, b), poisson(mean), "
	"pareto(scale, alpha)";

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int
fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* Only ASCII blanks: UTF-8 bytes of 万 must never count as space. */
static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A span of text with the blanks at both ends dropped. */
struct span {
	const char *s;
	size_t n;
};

static struct span trim(const char *s, size_t n)
{
	while (n && blank(*s))
		s++, n--;
	while (n && blank(s[n - 1]))
		n--;
	return (struct span){s, n};
}

static const char *find(struct span t, char c)
{
	return memchr(t.s, c, t.n);
}

static int span_is(struct span t, const char *word)
{
	return strlen(word) == t.n && memcmp(t.s, word, t.n) == 0;
}

/* "uniform takes 2 arguments (lo, hi)" */
static void signature(const struct form *f, char *buf, size_t n)
{
	int k = snprintf(buf, n, "%s(", f->name);
	for (int i = 0; i < f->nargs && k >= 0 && (size_t)k < n; i++)
		k += snprintf(buf + k, n - k, "%s%s", i ? ", " : "", f->arg[i]);
	if (k >= 0 && (size_t)k < n)
		snprintf(buf + k, n - k, ")");
}

/* "median or sigma", "min, mode or max" */
static void arg_names(const struct form *f, char *buf, size_t n)
{
	int k = 0;
	buf[0] = '\0';
	for (int i = 0; i < f->nargs && k >= 0 && (size_t)k < n; i++)
		k += snprintf(buf + k, n - k, "%s%s",
			      i == 0              ? ""
			      : i == f->nargs - 1 ? " or "
						  : ", ",
			      f->arg[i]);
}

static int parse_const(struct span t, dist_num_fn num, struct dist *out, char *err, size_t errlen)
{
	char v[128], e[256];
	if (t.n >= sizeof v)
		return fail(err, errlen, _("\"%.40s...\" is too long for a number"), t.s);
	memcpy(v, t.s, t.n);
	v[t.n] = '\0';
	double x;
	if (num(v, &x, e, sizeof e) != 0) {
		/* a word is more likely a misspelt form than a bad number */
		if ((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z'))
			return fail(err, errlen,
				    _("\"%s\" is neither a number nor a distribution (%s)"), v,
				    form_list);
		return fail(err, errlen, "%s", e);
	}
	if (!isfinite(x))
		return fail(err, errlen, _("\"%s\" is not a finite number"), v);
	*out = (struct dist){.kind = D_CONST, .p = {x, 0, 0}};
	return 0;
}

/* Whether the parameters make sense; text is the whole form for messages. */
static int check_params(const struct form *f, const double *p, struct span t, char *err,
			size_t errlen)
{
	const char *why = NULL;
	switch (f->kind) {
	case D_UNIFORM:
		if (!(p[0] < p[1]))
			why = _("lo must be below hi");
		break;
	case D_NORMAL:
		if (!(p[1] >= 0))
			why = _("sd must be >= 0");
		break;
	case D_LOGNORMAL:
		if (!(p[0] > 0))
			why = _("median must be > 0");
		else if (!(p[1] >= 0))
			why = _("sigma must be >= 0");
		break;
	case D_TRIANGULAR:
	case D_PERT:
		if (!(p[0] < p[2]))
			why = _("min must be below max");
		else if (!(p[0] <= p[1] && p[1] <= p[2]))
			why = _("mode must lie between min and max");
		break;
	case D_BETA:
		if (!(p[0] > 0))
			why = _("a must be > 0");
		else if (!(p[1] > 0))
			why = _("b must be > 0");
		break;
	case D_POISSON:
		if (!(p[0] >= 0))
			why = _("mean must be >= 0");
		else if (p[0] > POISSON_MAX)
			why = _("mean must be at most 1e9");
		break;
	case D_PARETO:
		if (!(p[0] > 0))
			why = _("scale must be > 0");
		else if (!(p[1] > 0))
			why = _("alpha must be > 0");
		break;
	case D_CONST:
		break;
	}
	if (why)
		return fail(err, errlen, "%.*s: %s", (int)t.n, t.s, why);
	return 0;
}

int dist_parse(const char *text, dist_num_fn num, struct dist *out, char *err, size_t errlen)
{
	struct span t = trim(text, strlen(text));
	if (t.n == 0)
		return fail(err, errlen, _("empty: expected a number or a distribution (%s)"),
			    form_list);
	const char *open = find(t, '(');
	if (!open)
		return parse_const(t, num, out, err, errlen);

	struct span name = trim(t.s, (size_t)(open - t.s));
	if (name.n == 0)
		return fail(err, errlen, _("%.*s: no distribution name before '(' (%s)"), (int)t.n,
			    t.s, form_list);
	const struct form *f = NULL;
	for (size_t i = 0; i < NFORMS && !f; i++)
		if (span_is(name, forms[i].name))
			f = &forms[i];
	if (!f)
		return fail(err, errlen, _("unknown distribution \"%.*s\" (%s)"), (int)name.n,
			    name.s, form_list);

	struct span rest = {open + 1, (size_t)(t.s + t.n - (open + 1))};
	const char *close = find(rest, ')');
	if (!close)
		return fail(err, errlen, _("%.*s: missing ')'"), (int)t.n, t.s);
	if (close != t.s + t.n - 1) {
		struct span after = trim(close + 1, (size_t)(t.s + t.n - (close + 1)));
		return fail(err, errlen, _("%.*s: unexpected \"%.*s\" after ')'"), (int)t.n, t.s,
			    (int)after.n, after.s);
	}
	struct span inside = trim(open + 1, (size_t)(close - (open + 1)));

	/* Split on commas; "()" has no arguments at all. */
	int count = 0;
	if (inside.n) {
		count = 1;
		for (size_t i = 0; i < inside.n; i++)
			count += inside.s[i] == ',';
	}
	char sig[96];
	signature(f, sig, sizeof sig);

	/* Match names to slots first, so lognormal(mean=5) says which
	 * names it takes rather than how many. */
	struct span val[MAXARGS];
	bool given[MAXARGS] = {false};
	const char *a = inside.s, *end = inside.s + inside.n;
	for (int i = 0; i < count; i++) {
		const char *comma = memchr(a, ',', (size_t)(end - a));
		const char *stop = comma ? comma : end;
		struct span arg = trim(a, (size_t)(stop - a));
		a = stop + 1;
		if (arg.n == 0)
			return fail(err, errlen, _("%.*s: argument %d is empty"), (int)t.n, t.s,
				    i + 1);
		const char *eq = find(arg, '=');
		int slot = i;
		struct span v = arg;
		if (eq) {
			struct span key = trim(arg.s, (size_t)(eq - arg.s));
			v = trim(eq + 1, (size_t)(arg.s + arg.n - (eq + 1)));
			if (key.n == 0)
				return fail(err, errlen,
					    _("%.*s: argument %d has no name before '='"), (int)t.n,
					    t.s, i + 1);
			for (slot = 0; slot < f->nargs && !span_is(key, f->arg[slot]); slot++)
				;
			if (slot == f->nargs) {
				char names[64];
				arg_names(f, names, sizeof names);
				return fail(err, errlen,
					    _("%.*s: no argument \"%.*s\" (expected %s)"), (int)t.n,
					    t.s, (int)key.n, key.s, names);
			}
			if (v.n == 0)
				return fail(err, errlen, _("%.*s: %s has no value after '='"),
					    (int)t.n, t.s, f->arg[slot]);
		}
		if (slot >= f->nargs)
			break; /* too many: reported below */
		if (given[slot])
			return fail(err, errlen, _("%.*s: %s is given twice"), (int)t.n, t.s,
				    f->arg[slot]);
		given[slot] = true;
		val[slot] = v;
	}
	if (count != f->nargs)
		return fail(err, errlen,
			    ngettext("%.*s: %s takes %d argument, got %d",
				     "%.*s: %s takes %d arguments, got %d",
				     (unsigned long)f->nargs),
			    (int)t.n, t.s, sig, f->nargs, count);

	double p[MAXARGS] = {0, 0, 0};
	for (int i = 0; i < f->nargs; i++) {
		char v[128], e[256];
		if (val[i].n >= sizeof v)
			return fail(err, errlen, _("%.*s: %s is too long for a number"), (int)t.n,
				    t.s, f->arg[i]);
		memcpy(v, val[i].s, val[i].n);
		v[val[i].n] = '\0';
		dist_num_fn parse = (f->unit >> i) & 1 ? num : number_parse;
		if (parse(v, &p[i], e, sizeof e) != 0)
			return fail(err, errlen, "%.*s: %s: %s", (int)t.n, t.s, f->arg[i], e);
		if (!isfinite(p[i]))
			return fail(err, errlen, _("%.*s: %s is not finite"), (int)t.n, t.s,
				    f->arg[i]);
	}
	if (check_params(f, p, t, err, errlen) != 0)
		return -1;
	*out = (struct dist){.kind = f->kind, .p = {p[0], p[1], p[2]}};
	return 0;
}

enum { NUM_LEN = 32 };

/* Shortest of %.15g and %.17g that reads back exactly. */
static void plain(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, n, "%.17g", v);
}

/* A number for a message as a reader writes it: whole amounts in full
 * (10000000, not 1e+07), others to 6 digits. */
static char *shown(double v, char buf[NUM_LEN])
{
	if (fabs(v) >= 1e5 && fabs(v) < 1e16)
		snprintf(buf, NUM_LEN, "%.0f", v);
	else
		snprintf(buf, NUM_LEN, "%.6g", v);
	return buf;
}

/* Where draws can go, for messages: "uniform(1, 10)", the numbers as the
 * scenario gave them. */
static void describe(const struct dist *d, char *buf, size_t n)
{
	const struct form *f = form_of(d->kind);
	char a[NUM_LEN];
	if (!f) {
		plain(d->p[0], a, sizeof a);
		snprintf(buf, n, _("constant %s"), a);
		return;
	}
	int k = snprintf(buf, n, "%s(", f->name);
	for (int i = 0; i < f->nargs && k >= 0 && (size_t)k < n; i++) {
		plain(d->p[i], a, sizeof a);
		k += snprintf(buf + k, n - k, "%s%s", i ? ", " : "", a);
	}
	if (k >= 0 && (size_t)k < n)
		snprintf(buf + k, n - k, ")");
}

int dist_check_range(const struct dist *d, double lo, double hi, char *err, size_t errlen)
{
	char what[160], a[NUM_LEN], b[NUM_LEN];
	describe(d, what, sizeof what);
	if (!(lo <= hi))
		return fail(err, errlen, _("%s: the allowed range [%s, %s] is empty"), what,
			    shown(lo, a), shown(hi, b));

	/* [least, most] is where draws can fall (normal, poisson: +- 4 sd) */
	double least, most;
	const double *p = d->p;
	switch (d->kind) {
	case D_CONST:
		least = most = p[0];
		break;
	case D_UNIFORM:
		least = p[0], most = p[1];
		break;
	case D_NORMAL:
		least = p[0] - 4 * p[1], most = p[0] + 4 * p[1];
		break;
	case D_TRIANGULAR:
	case D_PERT:
		least = p[0], most = p[2];
		break;
	case D_BETA:
		least = 0, most = 1;
		break;
	case D_POISSON:
		least = 0, most = p[0] + 4 * sqrt(p[0]);
		break;
	case D_LOGNORMAL:
	case D_PARETO:
		least = d->kind == D_PARETO ? p[0] : 0;
		if (lo > 0 && least < lo)
			return fail(err, errlen,
				    _("%s: draws go down to %s, below the least allowed "
				      "value %s"),
				    what, shown(least, a), shown(lo, b));
		/* unbounded: like normal's 4 sd, the 99.99th percentile must fit;
		 * the rare draw above is clamped */
		most = d->kind == D_PARETO ? p[0] * pow(10, 4 / p[1]) : p[0] * exp(4 * p[1]);
		if (hi < UNBOUNDED && most > hi)
			return fail(err, errlen,
				    _("%s: its 99.99th percentile %s is above the most "
				      "allowed value %s"),
				    what, shown(most, a), shown(hi, b));
		return 0;
	default:
		return fail(err, errlen, _("unknown distribution kind %d"), (int)d->kind);
	}
	if (least < lo)
		return fail(err, errlen,
			    _("%s: draws go down to %s, below the least allowed value %s"), what,
			    shown(least, a), shown(lo, b));
	if (most > hi)
		return fail(err, errlen,
			    _("%s: draws go up to %s, above the most allowed value %s"), what,
			    shown(most, a), shown(hi, b));
	return 0;
}

static double triangular(const gsl_rng *r, double a, double c, double b)
{
	double u = gsl_rng_uniform(r);
	if (u < (c - a) / (b - a))
		return a + sqrt(u * (b - a) * (c - a));
	return b - sqrt((1 - u) * (b - a) * (b - c));
}

double dist_draw(const struct dist *d, const gsl_rng *r, double lo, double hi)
{
	const double *p = d->p;
	double x;
	switch (d->kind) {
	case D_CONST:
		x = p[0]; /* no draw: keeps streams aligned across scenarios */
		break;
	case D_UNIFORM:
		x = gsl_ran_flat(r, p[0], p[1]);
		break;
	case D_NORMAL:
		x = p[0] + gsl_ran_gaussian(r, p[1]);
		break;
	case D_LOGNORMAL:
		/* median x e^(sigma Z), Z by ziggurat: one exp, no log or Box-Muller */
		x = p[0] * exp(p[1] * gsl_ran_gaussian_ziggurat(r, 1));
		break;
	case D_TRIANGULAR:
		x = triangular(r, p[0], p[1], p[2]);
		break;
	case D_PERT: {
		double w = p[2] - p[0];
		double a = 1 + 4 * (p[1] - p[0]) / w, b = 1 + 4 * (p[2] - p[1]) / w;
		x = p[0] + w * gsl_ran_beta(r, a, b);
		break;
	}
	case D_BETA:
		x = gsl_ran_beta(r, p[0], p[1]);
		break;
	case D_POISSON:
		x = (double)gsl_ran_poisson(r, p[0]);
		break;
	case D_PARETO:
		x = gsl_ran_pareto(r, p[1], p[0]);
		break;
	default:
		x = NAN;
		break;
	}
	/* fmax first: a NaN draw becomes lo rather than escaping */
	return fmin(fmax(x, lo), hi);
}

void dist_poisson_start(double mu, struct poisson_start *ps)
{
	*ps = (struct poisson_start){.mu = mu};
	if (!(mu > 0))
		return;
	if (mu < 16) { /* from 0: a handful of terms */
		ps->p = ps->c = exp(-mu);
		return;
	}
	/* from the mode: the CDF there exactly, then the pmf by its ratio */
	ps->k = (unsigned)floor(mu);
	ps->p = gsl_ran_poisson_pdf(ps->k, mu);
	ps->c = gsl_cdf_poisson_P(ps->k, mu);
}

unsigned dist_poisson_from(double u, const struct poisson_start *ps)
{
	double mu = ps->mu, p = ps->p, c = ps->c;
	unsigned k = ps->k;
	if (!(mu > 0) || !(u > 0)) /* P(X <= 0) > 0 = u */
		return 0;
	if (mu < 16) {
		while (u >= c && k < 200) {
			k++;
			p *= mu / k;
			c += p;
		}
		return k;
	}
	if (u < c) {
		/* c - p loses c's low digits as c shrinks: the CDF afresh at
		 * each thousandth of the last one (only in the far tail) */
		double again = c / 1024;
		while (k > 0) {
			double below = c - p;
			if (below < again) {
				below = gsl_cdf_poisson_P(k - 1, mu);
				again = below / 1024;
			}
			if (!(u < below))
				break;
			c = below;
			p *= k / mu;
			k--;
		}
		return k;
	}
	double most = mu + 40 * sqrt(mu) + 40; /* past it the pmf is below 1e-300 */
	while (u >= c && k < most) {
		k++;
		p *= mu / k;
		c += p;
	}
	return k;
}

unsigned dist_poisson_quantile(double u, double mu)
{
	struct poisson_start ps;
	if (!(mu > 0) || !(u > 0))
		return 0;
	dist_poisson_start(mu, &ps);
	return dist_poisson_from(u, &ps);
}

/* x = lo + (hi - lo) u as gsl_ran_flat makes it */
static double flat(double lo, double hi, double u)
{
	return lo * (1 - u) + hi * u;
}

static double tri_u(double a, double c, double b, double u)
{
	if (u < (c - a) / (b - a))
		return a + sqrt(u * (b - a) * (c - a));
	return b - sqrt((1 - u) * (b - a) * (b - c));
}

void dist_draw_across(const struct dist *d, const struct stream *s, uint32_t block, size_t n,
		      double lo, double hi, gsl_rng *r, double *out)
{
	const double *p = d->p;
	uint32_t pos = 2 * block;
	switch (d->kind) {
	case D_CONST:
		for (size_t j = 0; j < n; j++)
			out[j] = p[0];
		break;
	case D_UNIFORM:
		stream_uniform_across(s, pos, n, out);
		for (size_t j = 0; j < n; j++)
			out[j] = flat(p[0], p[1], out[j]);
		break;
	case D_NORMAL:
		stream_normal_across(s, pos, n, out);
		for (size_t j = 0; j < n; j++)
			out[j] = p[0] + p[1] * out[j];
		break;
	case D_LOGNORMAL:
		stream_normal_across(s, pos, n, out);
		for (size_t j = 0; j < n; j++)
			out[j] *= p[1];
		stream_exp(out, n, out);
		for (size_t j = 0; j < n; j++)
			out[j] *= p[0];
		break;
	case D_TRIANGULAR:
		stream_uniform_across(s, pos, n, out);
		for (size_t j = 0; j < n; j++)
			out[j] = tri_u(p[0], p[1], p[2], out[j]);
		break;
	case D_POISSON: {
		struct poisson_start ps;
		dist_poisson_start(p[0], &ps);
		stream_uniform_across(s, pos, n, out);
		for (size_t j = 0; j < n; j++)
			out[j] = (double)dist_poisson_from(out[j], &ps);
		break;
	}
	case D_PARETO: /* inverse CDF, 1 - u in (0, 1] */
		stream_uniform_across(s, pos, n, out);
		for (size_t j = 0; j < n; j++)
			out[j] = p[0] * pow(1 - out[j], -1 / p[1]);
		break;
	case D_BETA:
	case D_PERT:
		/* rejection samplers take any number of variates: GSL's, seeded
		 * from the block's 53 bits (rare: a share per entity) */
		stream_uniform_across(s, pos, n, out);
		for (size_t j = 0; j < n; j++) {
			gsl_rng_set(r, (unsigned long)(out[j] * 0x1.0p53));
			struct dist one = *d;
			out[j] = dist_draw(&one, r, lo, hi);
		}
		break;
	default:
		for (size_t j = 0; j < n; j++)
			out[j] = NAN;
		break;
	}
	for (size_t j = 0; j < n; j++) { /* as fmin(fmax(x, lo), hi): a NaN becomes lo */
		double x = out[j] > lo ? out[j] : lo;
		out[j] = x < hi ? x : hi;
	}
}

double dist_draw_at(const struct dist *d, const struct stream *s, uint32_t block, double lo,
		    double hi, gsl_rng *r)
{
	double x;
	if (d->kind == D_CONST)
		return fmin(fmax(d->p[0], lo), hi);
	dist_draw_across(d, s, block, 1, lo, hi, r, &x);
	return x;
}

double dist_mean(const struct dist *d)
{
	const double *p = d->p;
	switch (d->kind) {
	case D_CONST:
		return p[0];
	case D_UNIFORM:
		return (p[0] + p[1]) / 2;
	case D_NORMAL:
		return p[0];
	case D_LOGNORMAL:
		return p[0] * exp(p[1] * p[1] / 2);
	case D_TRIANGULAR:
		return (p[0] + p[1] + p[2]) / 3;
	case D_PERT:
		return (p[0] + 4 * p[1] + p[2]) / 6;
	case D_BETA:
		return p[0] / (p[0] + p[1]);
	case D_POISSON:
		return p[0];
	case D_PARETO:
		return p[1] > 1 ? p[1] * p[0] / (p[1] - 1) : INFINITY;
	}
	return NAN;
}

void dist_format(const struct dist *d, dist_fmt_fn fmt, char *buf, size_t n)
{
	const struct form *f = form_of(d->kind);
	if (!f) {
		fmt(d->p[0], buf, n);
		return;
	}
	char a[MAXARGS][64];
	for (int i = 0; i < f->nargs; i++) {
		if ((f->unit >> i) & 1)
			fmt(d->p[i], a[i], sizeof a[i]);
		else
			plain(d->p[i], a[i], sizeof a[i]);
	}
	if (f->nargs == 1)
		snprintf(buf, n, "%s(%s)", f->name, a[0]);
	else if (f->nargs == 2)
		snprintf(buf, n, "%s(%s, %s)", f->name, a[0], a[1]);
	else
		snprintf(buf, n, "%s(%s, %s, %s)", f->name, a[0], a[1], a[2]);
}
