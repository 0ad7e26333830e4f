/* spawn.h - running a helper program: gnuplot for the charts, xlsx2csv
 * for .xlsx inputs.
 *
 * Both are started with fork and execvp: no shell, an argument list the
 * caller builds item by item (never split from a string), standard input
 * /dev/null. Nothing here passes text from data to a shell. */
#ifndef FUNDSIM_SPAWN_H
#define FUNDSIM_SPAWN_H

#include <stddef.h>

enum spawn_result {
	SPAWN_OK,
	SPAWN_MISSING, /* prog is not installed (or not executable) */
	SPAWN_FAILED   /* it ran and failed, or could not be run; err says why */
};

/* Run prog (looked up in PATH) with argv (argv[0] = prog, NULL-ended) in
 * folder dir (NULL: this one) and wait for it; its standard output and
 * error are fundsim's. err: one line saying what failed. */
enum spawn_result spawn_run(const char *prog, char *const argv[], const char *dir, char *err,
			    size_t errlen);

/* Run prog as spawn_run does in this folder, with its standard output
 * copied to the file descriptor out_fd (borrowed, not closed). Bounded:
 * past max_bytes of output or timeout_ms of wall time the program is
 * killed and SPAWN_FAILED says which bound it crossed. Its standard
 * error is kept (the last line, for err) and not shown. */
enum spawn_result spawn_capture(const char *prog, char *const argv[], int out_fd,
				long long max_bytes, long timeout_ms, char *err, size_t errlen);

#endif
