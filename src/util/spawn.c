/* spawn.c - a helper program run without a shell (spawn.h). */
#include "spawn.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Fork prog. The child's standard input is /dev/null and, when out / errf
 * are not -1, its standard output / error go there. A pipe closed on exec
 * tells the parent whether chdir or exec failed, and why: *report is its
 * read end (caller reads it, then closes it). Returns the pid, or -1 with
 * err filled. */
static pid_t start(const char *prog, char *const argv[], const char *dir, int out, int errf,
		   int *report, char *err, size_t errlen)
{
	int fds[2];
	if (pipe(fds) != 0) {
		snprintf(err, errlen, _("cannot run %s: %s"), prog, strerror(errno));
		return -1;
	}
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, errlen, _("cannot run %s: %s"), prog, strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) { /* child: only async-signal-safe calls until exec */
		close(fds[0]);
		int in = open("/dev/null", O_RDONLY);
		if (in >= 0)
			dup2(in, 0);
		if (out >= 0)
			dup2(out, 1);
		if (errf >= 0)
			dup2(errf, 2);
		/* a helper's memory is bounded as fundsim's own inputs are: an
		 * .xlsx whose parts inflate to gigabytes (xlsx2csv reads some
		 * whole) fails here instead of taking the machine's memory */
		struct rlimit as = {SPAWN_MAX_MEMORY, SPAWN_MAX_MEMORY};
		setrlimit(RLIMIT_AS, &as);
		int why[2] = {0, 0}; /* {0: chdir, 1: exec; errno} */
		if (dir && chdir(dir) != 0)
			why[1] = errno;
		else if (execvp(prog, argv) != 0)
			why[0] = 1, why[1] = errno;
		ssize_t w = write(fds[1], why, sizeof why);
		(void)w;
		_exit(127);
	}
	close(fds[1]);
	*report = fds[0];
	return pid;
}

/* What the exec report pipe and the exit status say, into err. */
static enum spawn_result outcome(const char *prog, const char *dir, int report, int status,
				 char *err, size_t errlen)
{
	int why[2];
	ssize_t got;
	while ((got = read(report, why, sizeof why)) < 0 && errno == EINTR)
		;
	close(report);
	if (got == (ssize_t)sizeof why && why[0] == 0) {
		snprintf(err, errlen, _("cannot enter %s: %s"), dir ? dir : ".", strerror(why[1]));
		return SPAWN_FAILED;
	}
	if (got == (ssize_t)sizeof why) {
		snprintf(err, errlen, _("cannot run %s: %s"), prog, strerror(why[1]));
		return why[1] == ENOENT || why[1] == EACCES ? SPAWN_MISSING : SPAWN_FAILED;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return SPAWN_OK;
	if (WIFEXITED(status))
		snprintf(err, errlen, _("%s exited with status %d"), prog, WEXITSTATUS(status));
	else
		snprintf(err, errlen, _("%s was killed by signal %d"), prog,
			 WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return SPAWN_FAILED;
}

static int wait_for(pid_t pid, int *status)
{
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

enum spawn_result spawn_start(struct spawn *sp, const char *prog, char *const argv[],
			      const char *dir, char *err, size_t errlen)
{
	*sp = (struct spawn){.prog = prog, .dir = dir};
	sp->pid = start(prog, argv, dir, -1, -1, &sp->report, err, errlen);
	return sp->pid < 0 ? SPAWN_FAILED : SPAWN_OK;
}

enum spawn_result spawn_wait(struct spawn *sp, char *err, size_t errlen)
{
	int status;
	if (wait_for(sp->pid, &status) != 0) {
		snprintf(err, errlen, "%s: %s", sp->prog, strerror(errno));
		close(sp->report);
		return SPAWN_FAILED;
	}
	return outcome(sp->prog, sp->dir, sp->report, status, err, errlen);
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The last non-empty line of the n bytes at s, escaped to one printable
 * line of at most 200 bytes, into buf. */
static void last_line(const char *s, size_t n, char *buf, size_t bn)
{
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '))
		n--;
	size_t b = n;
	while (b && s[b - 1] != '\n' && s[b - 1] != '\r')
		b--;
	size_t k = 0;
	for (size_t i = b; i < n && k + 5 < bn && k < 200; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			k += (size_t)snprintf(buf + k, bn - k, "\\x%02x", c);
		else
			buf[k++] = (char)c;
	}
	buf[k] = '\0';
}

enum spawn_result spawn_capture(const char *prog, char *const argv[], int out_fd,
				long long max_bytes, long timeout_ms, char *err, size_t errlen)
{
	int o[2], e[2];
	if (pipe(o) != 0) {
		snprintf(err, errlen, _("cannot run %s: %s"), prog, strerror(errno));
		return SPAWN_FAILED;
	}
	if (pipe(e) != 0) {
		snprintf(err, errlen, _("cannot run %s: %s"), prog, strerror(errno));
		close(o[0]);
		close(o[1]);
		return SPAWN_FAILED;
	}
	for (int i = 0; i < 2; i++) { /* the child gets copies as 1 and 2 only */
		fcntl(o[i], F_SETFD, FD_CLOEXEC);
		fcntl(e[i], F_SETFD, FD_CLOEXEC);
	}
	int report;
	pid_t pid = start(prog, argv, NULL, o[1], e[1], &report, err, errlen);
	close(o[1]);
	close(e[1]);
	if (pid < 0) {
		close(o[0]);
		close(e[0]);
		return SPAWN_FAILED;
	}
	char buf[65536], tail[4096];
	size_t ntail = 0;
	long long total = 0, deadline = now_ms() + timeout_ms;
	const char *bound = NULL; /* which bound was crossed */
	int write_errno = 0;
	struct pollfd p[2] = {{.fd = o[0], .events = POLLIN}, {.fd = e[0], .events = POLLIN}};
	while (p[0].fd >= 0 || p[1].fd >= 0) {
		long long left = deadline - now_ms();
		if (left <= 0) {
			bound = "time";
			break;
		}
		int r = poll(p, 2, left > 1000 ? 1000 : (int)left);
		if (r < 0 && errno != EINTR)
			break;
		for (int i = 0; r > 0 && i < 2; i++) {
			if (p[i].fd < 0 || !p[i].revents)
				continue;
			ssize_t got = read(p[i].fd, buf, sizeof buf);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				close(p[i].fd);
				p[i].fd = -1;
				continue;
			}
			if (i == 1) { /* keep the end of its standard error */
				size_t g = (size_t)got;
				if (g >= sizeof tail) {
					memcpy(tail, buf + g - sizeof tail, sizeof tail);
					ntail = sizeof tail;
				} else {
					if (ntail + g > sizeof tail) {
						memmove(tail, tail + ntail + g - sizeof tail,
							sizeof tail - g);
						ntail = sizeof tail - g;
					}
					memcpy(tail + ntail, buf, g);
					ntail += g;
				}
				continue;
			}
			total += got;
			if (total > max_bytes) {
				bound = "size";
				break;
			}
			if (!write_errno && write_all(out_fd, buf, (size_t)got) != 0) {
				write_errno = errno ? errno : EIO;
				break;
			}
		}
		if (bound || write_errno)
			break;
	}
	bool killed = bound || write_errno || p[0].fd >= 0 || p[1].fd >= 0;
	if (killed)
		kill(pid, SIGKILL);
	for (int i = 0; i < 2; i++)
		if (p[i].fd >= 0)
			close(p[i].fd);
	int status = 0;
	pid_t w = 0;
	/* both pipes closed, but it may still run: wait out the same deadline */
	while (!killed && (w = waitpid(pid, &status, WNOHANG)) == 0) {
		if (now_ms() >= deadline) {
			bound = "time";
			killed = true;
			kill(pid, SIGKILL);
			break;
		}
		struct timespec nap = {0, 10 * 1000000};
		nanosleep(&nap, NULL);
	}
	if (w <= 0 && wait_for(pid, &status) != 0) {
		snprintf(err, errlen, "%s: %s", prog, strerror(errno));
		close(report);
		return SPAWN_FAILED;
	}
	if (bound && bound[0] == 't') {
		close(report);
		snprintf(err, errlen, _("%s took longer than %ld s: stopped"), prog,
			 (timeout_ms + 999) / 1000);
		return SPAWN_FAILED;
	}
	if (bound) {
		close(report);
		snprintf(err, errlen, _("%s wrote more than %lld MiB: stopped"), prog,
			 max_bytes >> 20);
		return SPAWN_FAILED;
	}
	if (write_errno) {
		close(report);
		snprintf(err, errlen, _("cannot keep what %s wrote: %s"), prog,
			 strerror(write_errno));
		return SPAWN_FAILED;
	}
	enum spawn_result res = outcome(prog, NULL, report, status, err, errlen);
	if (res == SPAWN_FAILED && ntail) {
		char line[900];
		last_line(tail, ntail, line, sizeof line);
		size_t k = strlen(err);
		if (*line && k + 4 < errlen)
			snprintf(err + k, errlen - k, " (%s)", line);
	}
	return res;
}
