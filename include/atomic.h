/* atomic.h - files written whole or not at all: write into a temporary
 * file in the same folder, then rename it into place. */
#ifndef FUNDSIM_ATOMIC_H
#define FUNDSIM_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct atomic_file {
	FILE *f;
	char tmp[4096];
	char path[4096];
	bool discard; /* not MPI rank 0: written to /dev/null */
	bool sync;    /* fsync before the rename (set after atomic_open) */
};

/* mkdir -p dir. 0, or -1 with err. On MPI ranks other than 0 a no-op:
 * rank 0 writes every output. */
int atomic_mkdirs(const char *dir, char *err, size_t errlen);

/* Open a temporary beside path. 0, or -1 with err. */
int atomic_open(struct atomic_file *a, const char *path, char *err, size_t errlen);
/* Flush, close and rename into place. 0, or -1 with err (temp removed). */
int atomic_commit(struct atomic_file *a, char *err, size_t errlen);
/* Close and remove the temporary; the old file stays. NULL f is a no-op. */
void atomic_abort(struct atomic_file *a);

#endif
