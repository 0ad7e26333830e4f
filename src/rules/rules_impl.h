/* rules_impl.h - what the rules files share; private to the engine. */
#ifndef FUNDSIM_RULES_IMPL_H
#define FUNDSIM_RULES_IMPL_H

#include "rules.h"
#include "i18n.h"

/* True when an award of amount fen for qualifying year is paid: the line
 * is enabled, the year is in the policy window and amount > 0. */
static inline bool award_due(const struct policy *p, enum line_id line, int year, fen_t amount)
{
	return amount > 0 && p->line[line].enabled && policy_in_window(p, year);
}

/* The part of rules_prepare that rules_firm_prep reads (rules_firm:
 * once a firm, so the shares are left out). */
void rules_prepare_firm(const struct policy *p, struct rules_prep *rp);

/* Pass the award to the sink; why is copied. Returns true. */
bool award_make(const struct policy *p, const struct award_sink *s, enum line_id line, int year,
		fen_t amount, const char *why);

/* Append the award to a list sink (s->list set). Returns true. */
static inline bool award_list(const struct award_sink *s, enum line_id line, int year, fen_t amount)
{
	s->list[(*s->nlist)++] = (struct award_due){.line = line, .year = year, .amount = amount};
	return true;
}

/* Split what the province does not pay (amount - provincial) between
 * district and city by the recipient district's sharing rule. */
void rules_share_rest(const struct policy *p, struct award *a);

/* printf into a per-thread buffer, valid until the next call. */
/* fmt is a msgid: reason_fmt formats its translation (i18n.h; `make pot` reads
 * reason_fmt's and AWARD's formats). */
const char *reason_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Award when due; the reason is formatted only when the sink wants it,
 * so Monte Carlo runs pay nothing for words. Evaluates to true when paid. */
#define AWARD(p, s, line, year, amount, ...)                                           \
	(award_due((p), (line), (year), (amount))                                      \
		 ? (s)->list ? award_list((s), (line), (year), (amount))               \
			     : award_make((p), (s), (line), (year), (amount),          \
					  (s)->reasons ? reason_fmt(__VA_ARGS__) : "") \
		 : false)

#define WORDS_LEN 32
/* money_brief into buf (WORDS_LEN bytes); returns buf, for reasons. */
const char *words(double yuan, char *buf);
/* share_words into buf (WORDS_LEN bytes); returns buf. */
const char *share_fmt(double frac, char *buf);

#endif
