/* i18n.c - the language of fundsim's texts, and where its catalogue is.
 *
 * gettext follows LANGUAGE only when LC_MESSAGES is not "C", and a fresh
 * Debian has no zh_CN.UTF-8 locale generated: so fundsim decides the
 * language itself (--lang, else the environment), sets LC_MESSAGES to the
 * environment's locale or, when that is missing or "C", to C.UTF-8 (built
 * into glibc since 2.35), and says the language in LANGUAGE. The catalogue
 * is UTF-8 whatever LC_CTYPE says (bind_textdomain_codeset), as every file
 * fundsim writes. */
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define DOMAIN "fundsim"
#define MO "/zh_CN/LC_MESSAGES/" DOMAIN ".mo"

/* glibc's count of catalogue changes: raising it makes gettext read
 * LANGUAGE again (the gettext manual, "Changing the language at runtime"). */
extern int _nl_msg_cat_cntr;

static enum i18n_lang current = I18N_EN;
static bool started;
static char missing[PATH_MAX + 200];

int i18n_parse(const char *s)
{
	if (strcmp(s, "en") == 0)
		return I18N_EN;
	if (strcmp(s, "zh") == 0)
		return I18N_ZH;
	return -1;
}

/* The environment's language, as gettext would read it: the first of
 * LANGUAGE (its first entry), LC_ALL, LC_MESSAGES, LANG that is set. */
/* The first of the n variables set (and not empty), as libc reads a
 * locale category's: NULL when none is. */
static const char *first_env(const char *const *vars, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

static enum i18n_lang from_environment(void)
{
	static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
	const char *v = first_env(vars, sizeof vars / sizeof vars[0]);
	return v && strncmp(v, "zh", 2) == 0 ? I18N_ZH : I18N_EN;
}

static bool has_catalogue(const char *dir)
{
	char path[PATH_MAX + 64];
	snprintf(path, sizeof path, "%s" MO, dir);
	return access(path, R_OK) == 0;
}

/* The folder of locale/zh_CN/LC_MESSAGES/fundsim.mo: beside the program
 * (bin/../locale in the build tree, bin/../share/locale when installed),
 * else where the build put it (FUNDSIM_LOCALEDIR, for the unit tests and a
 * copied program). Into dir (PATH_MAX); false when none has it. */
static bool find_catalogue(char *dir)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		static const char *const beside[] = {"/../locale", "/../share/locale"};
		for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
			snprintf(dir, PATH_MAX, "%.*s%s", PATH_MAX - 32, exe, beside[i]);
			if (has_catalogue(dir))
				return true;
		}
	}
	snprintf(dir, PATH_MAX, "%s", FUNDSIM_LOCALEDIR);
	return has_catalogue(dir);
}

/* Set LC_MESSAGES to the environment's locale, or C.UTF-8 where that is
 * "C" or not installed: gettext ignores LANGUAGE under "C". */
static void messages_locale(bool from_env)
{
	const char *got = from_env ? setlocale(LC_MESSAGES, "") : NULL;
	if (!got || strcmp(got, "C") == 0 || strcmp(got, "POSIX") == 0)
		if (!setlocale(LC_MESSAGES, "C.UTF-8"))
			setlocale(LC_MESSAGES, "C.utf8");
}

/* Whether the environment's character type is UTF-8, as a child reads
 * it: LC_ALL, else LC_CTYPE, else LANG (none: "C"). */
static bool env_utf8(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	for (const char *v = first_env(vars, sizeof vars / sizeof vars[0]); v && *v; v++)
		if (!strncasecmp(v, "utf-8", 5) || !strncasecmp(v, "utf8", 4))
			return true;
	return false;
}

/* The helpers fundsim runs read UTF-8 (gnuplot's scripts say `set
 * encoding utf8`): under a locale that is not UTF-8, as on a fresh machine
 * with no LANG or in cron, gnuplot warned once a chart that iconv failed
 * on the degree sign. They get C.UTF-8's character type; fundsim's own
 * locale is set apart (setlocale), before any thread starts. */
static void helpers_utf8(void)
{
	if (env_utf8())
		return;
	const char *all = getenv("LC_ALL");
	setenv(all && *all ? "LC_ALL" : "LC_CTYPE", "C.UTF-8", 1);
}

enum i18n_lang i18n_start(const char *lang)
{
	int l = lang ? i18n_parse(lang) : -1;
	started = true;
	current = l >= 0 ? (enum i18n_lang)l : from_environment();
	char dir[PATH_MAX];
	bool found = find_catalogue(dir);
	bindtextdomain(DOMAIN, dir);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
	if (current == I18N_ZH) {
		messages_locale(true);
		/* libc's own messages (strerror) in Chinese need a UTF-8 LC_CTYPE;
		 * C.UTF-8 classifies ASCII as "C" does, so parsing stays the same */
		if (!setlocale(LC_CTYPE, "C.UTF-8"))
			setlocale(LC_CTYPE, "C.utf8");
		setenv("LANGUAGE", "zh_CN", 1);
		if (!found)
			snprintf(missing, sizeof missing,
				 "no Chinese catalogue (%s%s): the texts stay in English; run make",
				 dir, MO);
	} else {
		/* English; C.UTF-8 only so that L_() can still reach the Chinese */
		messages_locale(false);
		setenv("LANGUAGE", "en", 1);
	}
	helpers_utf8(); /* after the language is read from the environment */
	++_nl_msg_cat_cntr;
	return current;
}

enum i18n_lang i18n_lang(void)
{
	return current;
}

const char *i18n_missing(void)
{
	return missing[0] ? missing : NULL;
}

const char *i18n_ctx_in(enum i18n_lang lang, const char *key)
{
	const char *t = i18n_in(lang, key);
	return t == key ? strchr(key, '\004') + 1 : t;
}

const char *i18n_comment(enum i18n_lang lang, const char *text, char *buf, size_t n)
{
	if (!*text || snprintf(buf, n, "scenario comment\004%s", text) >= (int)n)
		return text;
	return i18n_ctx_in(lang, buf);
}

const char *i18n_in(enum i18n_lang lang, const char *msgid)
{
	if (!started) /* a unit test: English, the catalogue bound */
		i18n_start("en");
	if (lang == current)
		return gettext(msgid);
	if (lang == I18N_EN)
		return msgid;
	setenv("LANGUAGE", "zh_CN", 1);
	++_nl_msg_cat_cntr;
	const char *t = gettext(msgid);
	setenv("LANGUAGE", "en", 1);
	++_nl_msg_cat_cntr;
	return t;
}

const char *i18n_n_in(enum i18n_lang lang, const char *s, const char *p, unsigned long n)
{
	if (!started)
		i18n_start("en");
	if (lang == current)
		return ngettext(s, p, n);
	if (lang == I18N_EN)
		return n == 1 ? s : p;
	setenv("LANGUAGE", "zh_CN", 1);
	++_nl_msg_cat_cntr;
	const char *t = ngettext(s, p, n);
	setenv("LANGUAGE", "en", 1);
	++_nl_msg_cat_cntr;
	return t;
}
