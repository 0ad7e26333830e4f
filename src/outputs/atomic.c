/* atomic.c - write whole files or nothing. */
#include "atomic.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "comm.h"
#include "i18n.h"

int atomic_mkdirs(const char *dir, char *err, size_t errlen)
{
	if (!comm_is_root())
		return 0; /* rank 0 writes for all */
	char p[4096];
	snprintf(p, sizeof p, "%s", dir);
	for (char *q = p + 1;; q++) {
		if (*q == '/' || !*q) {
			char ch = *q;
			*q = '\0';
			if (mkdir(p, 0777) != 0 && errno != EEXIST) {
				snprintf(err, errlen, _("%s: cannot create the folder: %s"), p,
					 strerror(errno));
				return -1;
			}
			*q = ch;
			if (!ch)
				break;
		}
	}
	return 0;
}

int atomic_open(struct atomic_file *a, const char *path, char *err, size_t errlen)
{
	a->f = NULL;
	a->sync = false;
	a->discard = !comm_is_root();
	if (a->discard) { /* another rank: compute the same, write nothing */
		a->f = fopen("/dev/null", "w");
		if (!a->f) {
			snprintf(err, errlen, "/dev/null: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if (strlen(path) + 16 >= sizeof a->tmp) {
		snprintf(err, errlen, _("%s: path too long"), path);
		return -1;
	}
	snprintf(a->path, sizeof a->path, "%s", path);
	snprintf(a->tmp, sizeof a->tmp, "%s.tmpXXXXXX", path);
	int fd = mkstemp(a->tmp);
	if (fd >= 0) { /* mkstemp makes 0600: give the file the mode fopen would */
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (fd < 0 || !(a->f = fdopen(fd, "w"))) {
		const char *slash = strrchr(path, '/');
		if (errno == ENOENT) /* the file itself may be missing: it is the folder */
			snprintf(err, errlen,
				 _("%s: cannot write: the folder %.*s does not exist "
				   "(create it first)"),
				 path, slash ? (int)(slash - path) : 1, slash ? path : ".");
		else
			snprintf(err, errlen, _("%s: cannot write: %s"), path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(a->tmp);
		}
		return -1;
	}
	return 0;
}

int atomic_commit(struct atomic_file *a, char *err, size_t errlen)
{
	if (a->discard) {
		fclose(a->f);
		a->f = NULL;
		return 0;
	}
	/* synced before the rename when asked: after a crash the name holds the
	 * whole file (a result set syncs its files once, in outset_commit) */
	bool bad = fflush(a->f) != 0 || ferror(a->f) || (a->sync && fsync(fileno(a->f)) != 0);
	int e = errno;
	bad |= fclose(a->f) != 0;
	a->f = NULL;
	if (bad || rename(a->tmp, a->path) != 0) {
		snprintf(err, errlen, _("%s: cannot write: %s"), a->path,
			 strerror(bad ? e : errno));
		unlink(a->tmp);
		return -1;
	}
	return 0;
}

void atomic_abort(struct atomic_file *a)
{
	if (!a->f)
		return;
	fclose(a->f);
	a->f = NULL;
	if (a->discard)
		return;
	unlink(a->tmp);
}
