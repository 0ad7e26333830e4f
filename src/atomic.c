/* atomic.c - write whole files or nothing. */
#include "atomic.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int atomic_open(struct atomic_file *a, const char *path, char *err, size_t errlen)
{
	a->f = NULL;
	if (strlen(path) + 16 >= sizeof a->tmp) {
		snprintf(err, errlen, "%s: path too long", path);
		return -1;
	}
	snprintf(a->path, sizeof a->path, "%s", path);
	snprintf(a->tmp, sizeof a->tmp, "%s.tmpXXXXXX", path);
	int fd = mkstemp(a->tmp);
	if (fd < 0 || !(a->f = fdopen(fd, "w"))) {
		snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
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
	bool bad = fflush(a->f) != 0 || ferror(a->f);
	int e = errno;
	bad |= fclose(a->f) != 0;
	a->f = NULL;
	if (bad || rename(a->tmp, a->path) != 0) {
		snprintf(err, errlen, "%s: cannot write: %s", a->path, strerror(bad ? e : errno));
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
	unlink(a->tmp);
}
