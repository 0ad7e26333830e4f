/* fuzz_cli.c - libFuzzer harness for the command line. The input, split
 * at NUL bytes, is argv[1..] (at most MAX_ARGS). It goes through the real
 * parser (cli_parse); the cheap commands (params, diff, --help, unknown
 * commands) then run, and the expensive ones (run, award and the studies)
 * stop after the parser. stdout and stderr go to memory, and whatever
 * fundsim printed there must be printable: every line, every name and
 * path escaped (no control byte but \n, valid UTF-8).
 *
 * Nothing is written to disk: the commands that run only read, and an
 * input that names a path outside the working folder (absolute or with
 * "..") is skipped, so no FIFO, device or stdin is ever opened. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

#define MAX_ARGS 32

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Bytes a terminal would obey or show as garbage: fundsim must never
 * print them. 0 when buf[0..n) is clean; else the offset + 1. */
static size_t dirty(const char *buf, size_t n)
{
	const unsigned char *p = (const unsigned char *)buf;
	for (size_t i = 0; i < n;) {
		if (p[i] == '\n' || (p[i] >= 0x20 && p[i] < 0x7f)) {
			i++;
			continue;
		}
		size_t len = p[i] >= 0xC2 && p[i] < 0xE0   ? 2
			     : p[i] >= 0xE0 && p[i] < 0xF0 ? 3
			     : p[i] >= 0xF0 && p[i] < 0xF5 ? 4
							   : 0;
		if (!len || i + len > n || (p[i] == 0xC2 && p[i + 1] < 0xA0))
			return i + 1;
		for (size_t k = 1; k < len; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return i + 1;
		i += len;
	}
	return 0;
}

static void check(const char *what, const char *argv0, char *buf, size_t n)
{
	size_t at = dirty(buf, n);
	if (at) {
		fprintf(stderr, "fuzz_cli: %s (command %s) holds a raw byte 0x%02x at %zu: %.*s\n",
			what, argv0, (unsigned char)buf[at - 1], at - 1, (int)(n < 400 ? n : 400),
			buf);
		abort();
	}
}

/* A path that could leave the working folder (a device, a FIFO, stdin). */
static bool outside(const char *a)
{
	const char *v = strchr(a, '=');
	return a[0] == '/' || (v && v[1] == '/') || strstr(a, "..") || strcmp(a, "-") == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	char *argv[MAX_ARGS + 2];
	int argc = 0;
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	argv[argc++] = "fundsim";
	for (char *p = text; p <= text + size && argc <= MAX_ARGS; p += strlen(p) + 1) {
		if (outside(p)) {
			free(text);
			return 0;
		}
		argv[argc++] = p;
	}
	argv[argc] = NULL;

	char *out = NULL, *err = NULL;
	size_t nout = 0, nerr = 0;
	FILE *keep_out = stdout, *keep_err = stderr;
	FILE *fo = open_memstream(&out, &nout), *fe = open_memstream(&err, &nerr);
	if (!fo || !fe)
		abort();
	stdout = fo;
	stderr = fe;
	struct cli c = {0};
	int rc = cli_parse(argc, argv, &c);
	if (rc == CLI_RUN && (!command_exists(c.command) || strcmp(c.command, "params") == 0 ||
			      strcmp(c.command, "diff") == 0))
		rc = command_run(&c);
	else
		rc = rc == CLI_BAD ? EXIT_USAGE : EXIT_OK;
	rc = stdout_check(c.command, rc, false);
	stdout = keep_out;
	stderr = keep_err;
	fclose(fo);
	fclose(fe);
	if (rc != EXIT_OK && rc != EXIT_FAIL && rc != EXIT_USAGE) {
		fprintf(stderr, "fuzz_cli: exit code %d\n", rc);
		abort();
	}
	if (rc != EXIT_OK && nerr == 0) {
		fprintf(stderr, "fuzz_cli: exit %d without a message\n", rc);
		abort();
	}
	check("stdout", argc > 1 ? argv[1] : "", out, nout);
	check("stderr", argc > 1 ? argv[1] : "", err, nerr);
	free(out);
	free(err);
	free(text);
	return 0;
}
