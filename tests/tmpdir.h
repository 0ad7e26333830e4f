/* tmpdir.h - scratch folders for the Check suites: made under /tmp,
 * removed with everything in them. Header-only (static inline) because
 * each suite is its own program. */
#ifndef FUNDSIM_TESTS_TMPDIR_H
#define FUNDSIM_TESTS_TMPDIR_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkdtemp "/tmp/PREFIX" + "XXXXXX" into dir (n bytes); exits 2 if it
 * cannot, since no test can run without it. */
static inline void tmpdir_make(char *dir, size_t n, const char *prefix)
{
	snprintf(dir, n, "/tmp/%sXXXXXX", prefix);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(2);
	}
}

/* Remove path and, for a folder, all it holds. */
static inline void tmpdir_remove(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	DIR *d = opendir(path);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char sub[4352];
			snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
			tmpdir_remove(sub);
		}
		closedir(d);
	}
	rmdir(path);
}

#endif
