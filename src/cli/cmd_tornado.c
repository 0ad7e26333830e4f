/* cmd_tornado.c - `fundsim tornado`: one parameter at a time, low and high. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "cmd_study_impl.h"
#include "outset.h"
#include "money.h"
#include "text.h"
#include "i18n.h"

/* ---- tornado ---- */

static void put_tornado(FILE *f, const struct job *j)
{
	const struct study_tornado *t = j->tornado;
	fputs("rank,key,unit,range,base,low,high,base_label,low_label,high_label,mean_base,"
	      "mean_low,mean_high,diff_low,diff_low_se,diff_high,diff_high_se,swing\n",
	      f);
	size_t np;
	const struct param_def *d = params_table(&np);
	for (int k = 0; k < t->nbars; k++) {
		const struct study_bar *b = &t->bar[k];
		char key[96], base[160], low[64], high[64];
		sc_key_name(b->param, key, sizeof key);
		params_format(&j->s[0]->pol, b->param, base, sizeof base);
		params_value_words(b->param, b->low, low, sizeof low);
		params_value_words(b->param, b->high, high, sizeof high);
		fprintf(f, "%d,%s,%s,", k + 1, key, d[b->param].unit);
		if (b->given)
			fputs("given", f);
		else if (b->base != 0) /* as moved: a share stops at 100% (72% -> 100% of 90%) */
			fprintf(f, "%+.4g%%:%+.4g%%", 100 * (b->low / b->base - 1),
				100 * (b->high / b->base - 1));
		else
			fprintf(f, "-%g%%:+%g%%", 100 * t->pct, 100 * t->pct);
		fprintf(f, ",%.10g,%.10g,%.10g,", b->base, b->low, b->high);
		csv_text(f, base);
		fprintf(f, ",%s,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f\n", low, high,
			t->base.mean, b->mean_low, b->mean_high, b->d_low.mean, b->d_low.se,
			b->d_high.mean, b->d_high.se, b->swing);
	}
}

static void put_spider(FILE *f, const struct job *j)
{
	const struct study_tornado *t = j->tornado;
	fputs("key,pct,value,label,mean,diff,diff_se,diff_lo,diff_hi\n", f);
	for (int k = 0; k < t->nspider; k++) {
		const struct study_spider *sp = &t->spider[k];
		char key[96], label[64];
		sc_key_name(sp->param, key, sizeof key);
		params_value_words(sp->param, sp->value, label, sizeof label);
		fprintf(f, "%s,%g,%.10g,%s,%.2f", key, sp->pct, sp->value, label, sp->mean);
		sc_diff_csv(f, &sp->d);
		fputc('\n', f);
	}
}

static void print_tornado(const struct job *j)
{
	const struct study_tornado *t = j->tornado;
	char m[40], lo[40], hi[40];
	money_table(t->base.mean, m, sizeof m);
	money_table(t->base.p5, lo, sizeof lo);
	money_table(t->base.p95, hi, sizeof hi);
	printf(ngettext("fundsim tornado: scenario %s, %d parameter, %ld replications each, seed "
			"%ld, %.1f s\n",
			"fundsim tornado: scenario %s, %d parameters, %ld replications each, seed "
			"%ld, %.1f s\n",
			(unsigned long)t->nbars),
	       SHOWN(j->s[0]->name), t->nbars, t->reps, j->o->seed, j->seconds);
	printf(_("base case: total %s [%s, %s]; each parameter to its low and high value, the "
		 "others at base,\non the same random draws; change of the mean total ± its "
		 "standard error, sorted by swing\n\n"),
	       m, lo, hi);
	fputs("  ", stdout);
	text_pad(stdout, _("parameter"), 30);
	text_pad(stdout, _("low -> high"), 26);
	text_pad(stdout, _("change at low"), 22);
	text_pad(stdout, _("change at high"), 22);
	printf("%s\n", _("swing"));
	double top = t->nbars ? t->bar[0].swing : 0;
	for (int k = 0; k < t->nbars; k++) {
		const struct study_bar *b = &t->bar[k];
		char key[96], range[160], l[64], h[64], cl[100], chh[100], sw[40];
		sc_key_name(b->param, key, sizeof key);
		params_value_words(b->param, b->low, l, sizeof l);
		params_value_words(b->param, b->high, h, sizeof h);
		snprintf(range, sizeof range, "%s -> %s%s", l, h, b->given ? _(" (given)") : "");
		sc_change_words(&b->d_low, cl, sizeof cl);
		sc_change_words(&b->d_high, chh, sizeof chh);
		money_table(b->swing, sw, sizeof sw);
		printf("  %-30s ", key);
		text_pad(stdout, range, 26);
		text_pad(stdout, cl, 22);
		text_pad(stdout, chh, 22);
		int bar = top > 0 ? (int)lround(20 * b->swing / top) : 0;
		if (bar) {
			text_pad(stdout, sw, 10);
			printf("%.*s\n", bar, "####################");
		} else {
			puts(sw);
		}
	}
	if (t->spider_skipped)
		printf(ngettext(
			       "\nspider.csv leaves out %d point that is not a valid scenario (e.g. "
			       "a tier threshold past the next)\n",
			       "\nspider.csv leaves out %d points that are not valid scenarios (e.g. "
			       "a tier threshold past the next)\n",
			       (unsigned long)t->spider_skipped),
		       t->spider_skipped);
}

/* The keys of a tornado: --keys, --policy, --range; else [sensitivity]
 * ranges, else --policy. Returns how many, or -1 (printed). */
static int tornado_keys(const struct cli *c, const struct scenario *s, struct study_range *k)
{
	char err[ERR_LEN];
	int n = 0;
	if (c->keys && c->policy) {
		say("tornado", _("give --keys or --policy, not both"));
		return -1;
	}
	if (c->keys) {
		const char *p = c->keys;
		while (*p) {
			p += strspn(p, " ");
			size_t len = strcspn(p, ", ");
			char key[96];
			snprintf(key, sizeof key, "%.*s",
				 (int)(len < sizeof key ? len : sizeof key - 1), p);
			int i = params_key(key, err, sizeof err);
			if (i < 0 || !params_numeric(i)) {
				say("tornado", _("--keys %s: %s"), key,
				    i < 0 ? err : _("not a number: it has no low and high value"));
				return -1;
			}
			for (int q = 0; q < n; q++)
				if (k[q].param == i) { /* as calibrate --fit: a slip, say so */
					say("tornado", _("--keys: %s named twice"), key);
					return -1;
				}
			k[n++] = (struct study_range){.param = i};
			p += len;
			p += strspn(p, " ");
			p += *p == ',';
		}
	}
	if (c->policy) {
		int keys[MAX_PARAMS];
		int m = study_policy_keys(s, keys, MAX_PARAMS);
		for (int q = 0; q < m; q++)
			k[n++] = (struct study_range){.param = keys[q]};
	}
	for (int r = 0; r < c->nranges; r++) {
		struct study_range g;
		if (study_range_parse(c->ranges[r], &g, err, sizeof err) != 0) {
			say("tornado", _("--range %s"), err);
			return -1;
		}
		int q = 0;
		while (q < n && k[q].param != g.param)
			q++;
		k[q] = g;
		n += q == n;
	}
	if (!c->keys && !c->policy && !c->nranges) {
		for (int q = 0; q < s->nsens; q++)
			k[n++] = (struct study_range){.param = s->sens[q].param,
						      .given = true,
						      .lo = s->sens[q].lo,
						      .hi = s->sens[q].hi};
		if (!n) {
			int keys[MAX_PARAMS];
			int m = study_policy_keys(s, keys, MAX_PARAMS);
			for (int q = 0; q < m; q++)
				k[n++] = (struct study_range){.param = keys[q]};
		}
	}
	if (!n)
		say("tornado", _("no parameters to move"));
	return n ? n : -1;
}

int cmd_tornado(const struct cli *c)
{
	struct setup o = {0};
	const char *path;
	struct scenario *s = NULL;
	struct study_range *keys = calloc(2 * MAX_PARAMS, sizeof *keys);
	struct study_tornado t = {0};
	char err[ERR_LEN];
	int rc = EXIT_USAGE, n;
	if (!keys) {
		say("tornado", _("out of memory"));
		return EXIT_FAIL;
	}
	if (sc_options(c, &o) != 0 || setup_scenario(c, &path) != 0 ||
	    !(s = open_scenario(path, c)) || sc_check_reps(&o, s) != 0 ||
	    (n = tornado_keys(c, s, keys)) < 0)
		goto done;
	if (sc_begin(&o, c, s) != 0)
		goto done;
	struct study_cfg cfg = setup_study(&o);
	enum study_status st = study_tornado(s, keys, n, TORNADO_PCT, SPIDER_KEYS, &cfg, &t, err,
					     sizeof err);
	if (st != STUDY_OK) {
		rc = sc_failed(&o, st, err);
		goto done;
	}
	struct job j =
		{.c = c, .o = &o, .s = &s, .ns = 1, .seconds = setup_seconds(&o), .tornado = &t};
	static const char *const names[] = {"tornado.csv", "spider.csv", "manifest.txt"};
	static const writer_fn fns[] = {put_tornado, put_spider, sc_put_manifest};
	rc = EXIT_FAIL;
	if (sc_write_files(o.os.stage, names, fns, 3, &j) != 0)
		goto done;
	struct chart_opts co = sc_chart_options(c, &o, s);
	struct chart_notes notes = {0};
	if (sc_charts_said(&o, charts_tornado(o.os.stage, &co, &t, &notes, err, sizeof err), &notes,
			   err))
		goto done;
	if ((rc = setup_commit(&o)) != EXIT_OK)
		goto done;
	if (!c->quiet) {
		print_tornado(&j);
		printf(_("\nresults in %s/ (spider.csv: the %d largest swings at -20, -10, 0, +10, "
			 "+20%%)\n"),
		       SHOWN(o.os.dir), n < SPIDER_KEYS ? n : SPIDER_KEYS);
	}
	rc = EXIT_OK;
done:
	study_tornado_free(&t);
	setup_free(&o);
	free(keys);
	free(s);
	return rc;
}
