/* award.c - making one award: window, enabled, split, reason. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rules_impl.h"
#include "i18n.h"
#include "text.h"

void rules_split(const struct policy *p, struct award *a)
{
	rules_levels(a->amount, policy_provincial_share(p, a->line),
		     policy_where_share(p, a->line, a->where), &a->provincial, &a->municipal,
		     &a->district);
}

void rules_share_rest(const struct policy *p, struct award *a)
{
	rules_rest(a->amount - a->provincial, policy_where_share(p, a->line, a->where),
		   &a->municipal, &a->district);
}

bool award_make(const struct policy *p, const struct award_sink *s, enum line_id line, int year,
		fen_t amount, const char *why)
{
	if (s->list)
		return award_list(s, line, year, amount);
	struct award a = {.line = line,
			  .year = year,
			  .paid_year = year + p->payment_lag,
			  .amount = amount,
			  .where = s->where};
	rules_split(p, &a);
	if (*why) /* Monte Carlo passes "": skip the copy */
		snprintf(a.reason, sizeof a.reason, "%s", why);
	s->fn(s->ctx, &a);
	return true;
}

const char *reason_fmt(const char *fmt, ...)
{
	static _Thread_local char buf[REASON_LEN];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, gettext(fmt), ap); /* the catalogue's words (i18n.h) */
	if (n >= (int)sizeof buf)                             /* cut: at a whole UTF-8 character */
		buf[text_utf8_cut(buf, sizeof buf - 1)] = '\0';
	va_end(ap);
	return buf;
}

const char *words(double yuan, char *buf)
{
	money_brief(yuan, buf, WORDS_LEN);
	return buf;
}

const char *share_fmt(double frac, char *buf)
{
	share_words(frac, buf, WORDS_LEN);
	return buf;
}
