/* i18n.h - fundsim in English or Chinese, by GNU gettext.
 *
 * Every user-facing text is written in English in the source, marked _()
 * where it is used or N_() in a table (translated where it is shown, with
 * _()), and ngettext() where a count chooses the form. `make pot` extracts
 * them (xgettext) into po/fundsim.pot; po/zh_CN.po holds the Chinese, and
 * `make` compiles it (msgfmt) into locale/zh_CN/LC_MESSAGES/fundsim.mo,
 * which fundsim finds beside its own program (i18n.c says where).
 *
 * One language a process: --lang zh|en, else the environment
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: zh... is Chinese). Only
 * LC_MESSAGES and LC_CTYPE follow the locale; LC_NUMERIC stays "C", so
 * numbers are read and written the same way in every language. Files that
 * hold both languages (the charts' CSV labels) ask for one with L_(). */
#ifndef FUNDSIM_I18N_H
#define FUNDSIM_I18N_H

#include <libintl.h>
#include <stddef.h>

#define _(s) gettext(s)
#ifdef I18N_EXTRACT
/* make pot preprocesses the parameter table (src/policy/params.c): its
 * meanings are whole sentences only after the macros of lines.def have
 * built them, and N_ stays in the output for xgettext (a macro does not
 * expand inside itself). Never compiled so. */
#define N_(s) N_(s)
#else
#define N_(s) (s)
#endif

/* The same values as enum chart_lang (charts.h). */
enum i18n_lang { I18N_EN = 0, I18N_ZH = 1 };

/* "en" or "zh" to a language; -1 for anything else. */
int i18n_parse(const char *s);

/* Binds fundsim's catalogue and sets the language for the whole process:
 * lang ("en", "zh") when given, else the environment's. Call once, at the
 * start, before any thread. Returns the language. */
enum i18n_lang i18n_start(const char *lang);

/* The language i18n_start chose (English before it). */
enum i18n_lang i18n_lang(void);

/* Chinese asked for, but no catalogue found: where it was looked for, a
 * sentence for a warning; NULL when all is well. Static. */
const char *i18n_missing(void);

/* msgid in lang, whatever the process's language: msgid itself in
 * English. Not thread-safe when lang is not the process's (it switches
 * LANGUAGE for the call): only for output written after the threads.
 * format_arg: gcc and clang check a printf through L_ or NL_ against the
 * English format (clang warned of every such call without it). */
const char *i18n_in(enum i18n_lang lang, const char *msgid) __attribute__((format_arg(2)));
#define L_(lang, s) i18n_in((enum i18n_lang)(lang), (s))
/* ngettext in lang, as L_ is gettext in lang. */
const char *i18n_n_in(enum i18n_lang lang, const char *s, const char *p, unsigned long n)
	__attribute__((format_arg(2), format_arg(3)));
#define NL_(lang, s, p, n) i18n_n_in((enum i18n_lang)(lang), (s), (p), (n))

/* Words whose Chinese depends on where they stand ("year" the unit, not
 * "year" the ledger's column): msgid s in context ctx, the catalogue's key
 * as gettext.h's pgettext makes it (libintl.h lacks pgettext; xgettext
 * knows the name by default). Not translated: look it up with
 * i18n_ctx_in. */
#define pgettext(ctx, s) (ctx "\004" s)
/* A pgettext key in lang: its translation, else its words without the
 * context (English, or no catalogue). */
const char *i18n_ctx_in(enum i18n_lang lang, const char *key) __attribute__((format_arg(2)));

/* A scenario comment (scenario_comment) as a reader in lang sees it: the
 * catalogue's translation of one of the built-in scenario's
 * (tools/comments_pot.c), else as its author wrote it. buf (n bytes)
 * holds the lookup's key; the result may point into it or to the
 * catalogue. */
const char *i18n_comment(enum i18n_lang lang, const char *text, char *buf, size_t n);

#endif
