/* cmd_out.c - what the commands that write results share: the output
 * folder, and the command line that makes a result again (shell-quoted,
 * safe to paste). */
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd_impl.h"
#include "outset.h"

void cmd_out_dir(const char *given, const struct scenario *s, const char *study, char *buf,
		 size_t n)
{
	if (given) {
		snprintf(buf, n, "%s", given);
		return;
	}
	/* the name comes from a file someone sent: never a path of its own */
	char safe[256];
	outset_safe_name(s->name, safe, sizeof safe);
	snprintf(buf, n, "out/%s%s%s", safe, study ? "/" : "", study ? study : "");
}

void cmd_put(char *buf, size_t n, size_t *k, const char *fmt, ...)
{
	if (*k >= n)
		return;
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(buf + *k, n - *k, fmt, ap);
	va_end(ap);
	*k += w > 0 ? (size_t)w : 0;
}

void cmd_arg(char *buf, size_t n, size_t *k, const char *arg)
{
	cmd_put(buf, n, k, " ");
	if (!arg[0]) {
		cmd_put(buf, n, k, "''");
		return;
	}
	bool plain = true;
	for (const char *p = arg; *p && plain; p++)
		plain = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
			       "_-+=.,:/%@",
			       *p) != NULL;
	if (plain) {
		cmd_put(buf, n, k, "%s", arg);
		return;
	}
	/* '...' takes everything literally but ' itself and control
	 * characters, which go as $'\NNN' so the line stays one line */
	bool open = false;
	for (const unsigned char *p = (const unsigned char *)arg; *p; p++) {
		bool quote = *p == '\'', ctl = *p < 0x20 || *p == 0x7f;
		if ((quote || ctl) && open) {
			cmd_put(buf, n, k, "'");
			open = false;
		}
		if (quote)
			cmd_put(buf, n, k, "\\'");
		else if (ctl)
			cmd_put(buf, n, k, "$'\\%03o'", *p);
		else {
			if (!open)
				cmd_put(buf, n, k, "'");
			open = true;
			cmd_put(buf, n, k, "%c", *p);
		}
	}
	if (open)
		cmd_put(buf, n, k, "'");
}

void cmd_opt(char *buf, size_t n, size_t *k, const char *opt, const char *arg)
{
	cmd_put(buf, n, k, " %s", opt);
	if (arg)
		cmd_arg(buf, n, k, arg);
}
