/* spawn.h - running a helper program: gnuplot for the charts, xlsx2csv
 * for .xlsx inputs.
 *
 * Both are started with fork and execvp: no shell, an argument list the
 * caller builds item by item (never split from a string), standard input
 * /dev/null. Nothing here passes text from data to a shell. */
#ifndef FUNDSIM_SPAWN_H
#define FUNDSIM_SPAWN_H

#include <stddef.h>
#include <sys/types.h>

/* The address space a helper may take (RLIMIT_AS): ample for gnuplot and
 * for xlsx2csv on the largest panel fundsim reads. */
#define SPAWN_MAX_MEMORY (1UL << 30)

enum spawn_result {
	SPAWN_OK,
	SPAWN_MISSING, /* prog is not installed (or not executable) */
	SPAWN_FAILED   /* it ran and failed, or could not be run; err says why */
};

/* A program started by spawn_start, for spawn_wait: several can run at
 * once (the charts' gnuplots). */
struct spawn {
	pid_t pid;
	int report; /* the exec report pipe (spawn.c) */
	const char *prog, *dir;
};

/* Start prog (looked up in PATH) with argv (argv[0] = prog, NULL-ended)
 * in folder dir (NULL: this one); its standard output and error are
 * fundsim's; argv is copied by the fork, so it need not outlive the call.
 * spawn_wait waits for it; err: one line saying what failed. prog and
 * dir must outlive spawn_wait (its messages name them). spawn_start's
 * SPAWN_FAILED needs no spawn_wait. */
enum spawn_result spawn_start(struct spawn *sp, const char *prog, char *const argv[],
			      const char *dir, char *err, size_t errlen);
enum spawn_result spawn_wait(struct spawn *sp, char *err, size_t errlen);

/* Run prog as spawn_start does in this folder and wait, with its standard output
 * copied to the file descriptor out_fd (borrowed, not closed). Bounded:
 * past max_bytes of output or timeout_ms of wall time the program is
 * killed and SPAWN_FAILED says which bound it crossed. Its standard
 * error is kept (the last line, for err) and not shown. */
enum spawn_result spawn_capture(const char *prog, char *const argv[], int out_fd,
				long long max_bytes, long timeout_ms, char *err, size_t errlen);

#endif
