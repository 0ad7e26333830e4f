/* outset.c - result sets staged in a private folder and swapped in whole. */
#define _GNU_SOURCE /* renameat2 */
#include "outset.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "comm.h"
#include "text.h"
#include "i18n.h"

#define STAGE_PREFIX ".fundsim-"

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path) != 0 && errno != ENOENT ? -1 : 0;
}

void outset_remove(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static bool is_name(const char *s, const char *name)
{
	return strcmp(s, name) == 0;
}

/* An earlier fundsim wrote manifest.txt, beginning "fundsim ", before
 * folders had a marker. Such a folder is not replaced: anyone can write
 * that line, and nothing tells its files from the user's own (a folder
 * with a copied manifest.txt lost the user's files). */
static bool legacy_set(const char *dir)
{
	char path[OUTSET_PATH + 32], head[8] = "";
	snprintf(path, sizeof path, "%s/manifest.txt", dir);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0)
		return false;
	struct stat st;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && read(fd, head, 8) == 8 &&
		  memcmp(head, "fundsim ", 8) == 0;
	close(fd);
	return ok;
}

static bool has_marker(const char *dir)
{
	char path[OUTSET_PATH + 32];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", dir, OUTSET_MARKER);
	return lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Whether fundsim may replace dir: empty, a result set, or holding only
 * result sets (a run's folder that so far has only a study's). */
static bool ours(const char *dir, int depth)
{
	if (has_marker(dir))
		return true;
	DIR *d = opendir(dir);
	if (!d)
		return false;
	bool ok = true;
	struct dirent *e;
	while (ok && (e = readdir(d))) {
		if (is_name(e->d_name, ".") || is_name(e->d_name, ".."))
			continue;
		char sub[OUTSET_PATH + 300];
		struct stat st;
		snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
		ok = depth == 0 && lstat(sub, &st) == 0 && S_ISDIR(st.st_mode) && ours(sub, 1);
	}
	closedir(d);
	return ok;
}

void outset_sweep(const char *parent)
{
	DIR *d = opendir(parent);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t k = strlen(STAGE_PREFIX);
		if (strncmp(e->d_name, STAGE_PREFIX, k) != 0)
			continue;
		char *end;
		long pid = strtol(e->d_name + k, &end, 10);
		if (end == e->d_name + k || *end != '-' || pid <= 0)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* alive, or not ours to ask */
		char path[OUTSET_PATH + 300];
		snprintf(path, sizeof path, "%s/%s", parent, e->d_name);
		outset_remove(path);
	}
	closedir(d);
}

/* dir's parent folder into buf ("." for a bare name, "/" at the root);
 * returns dir's last component. */
static const char *parent_of(const char *dir, char *buf, size_t n)
{
	const char *slash = strrchr(dir, '/');
	if (!slash)
		snprintf(buf, n, ".");
	else
		snprintf(buf, n, "%.*s", slash == dir ? 1 : (int)(slash - dir), dir);
	return slash ? slash + 1 : dir;
}

int outset_begin(struct outset *o, const char *dir, char *err, size_t errlen)
{
	memset(o, 0, sizeof *o);
	if (!dir[0]) {
		snprintf(err, errlen, _("the output folder is empty: name a folder (--out DIR)"));
		return -1;
	}
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n + 40 >= sizeof o->dir) {
		snprintf(err, errlen,
			 _("%.200s...: the output folder's name is too long (at most "
			   "%d bytes)"),
			 dir, (int)sizeof o->dir - 40);
		return -1;
	}
	memcpy(o->dir, dir, n);
	o->dir[n] = '\0';
	snprintf(o->stage, sizeof o->stage, "%s", o->dir);
	if (!comm_is_root())
		return 0; /* rank 0 writes for all */
	char parent[OUTSET_PATH];
	const char *base = parent_of(o->dir, parent, sizeof parent);
	if (is_name(base, ".") || is_name(base, "..") || is_name(o->dir, "/")) {
		snprintf(err, errlen, _("%s: name the output folder itself, not \"%s\""), o->dir,
			 base);
		return -1;
	}
	for (const unsigned char *c = (const unsigned char *)o->dir; *c; c++)
		if (*c < 0x20 || *c == 0x7f) { /* a pasted newline: a folder no one can type */
			snprintf(err, errlen,
				 _("%s: the output folder's name holds a control character "
				   "(\\x%02X); name it without"),
				 o->dir, *c);
			text_escape(err, errlen);
			return -1;
		}
	if (atomic_mkdirs(parent, err, errlen) != 0)
		return -1;
	struct stat st;
	if (lstat(o->dir, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			snprintf(err, errlen,
				 _("%s: the output folder is a symbolic link; name the "
				   "folder it points to"),
				 o->dir);
			return -1;
		}
		if (!S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, _("%s: exists and is not a folder"), o->dir);
			return -1;
		}
		if (!ours(o->dir, 0)) {
			if (legacy_set(o->dir))
				snprintf(
					err, errlen,
					_("%s: results of an earlier fundsim, without the list of "
					  "its files (.fundsim-set) that lets fundsim tell them from "
					  "yours: it does not replace them; delete the folder or name "
					  "a new one for the results"),
					o->dir);
			else
				snprintf(err, errlen,
					 _("%s: the folder holds files fundsim did not write; "
					   "name a new or empty folder for the results"),
					 o->dir);
			return -1;
		}
	} else if (errno != ENOENT) {
		snprintf(err, errlen, "%s: %s", o->dir, strerror(errno));
		return -1;
	}
	outset_sweep(parent);
	snprintf(o->stage, sizeof o->stage, "%s/%s%ld-XXXXXX", parent, STAGE_PREFIX,
		 (long)getpid());
	if (!mkdtemp(o->stage)) {
		snprintf(err, errlen, _("%s: cannot create the folder: cannot write in %s (%s)"),
			 o->dir, parent, strerror(errno));
		snprintf(o->stage, sizeof o->stage, "%s", o->dir);
		return -1;
	}
	o->staged = true;
	return 0;
}

/* fsync path (a file or folder). 0, or -1 with errno. */
static int sync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int e = errno;
	close(fd);
	errno = e;
	return rc;
}

/* List the set's entries in its marker and sync every file. */
static int seal(const char *stage, char *err, size_t errlen)
{
	char path[OUTSET_PATH + 300];
	snprintf(path, sizeof path, "%s/%s", stage, OUTSET_MARKER);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0666);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	DIR *d = f ? opendir(stage) : NULL;
	if (!d) {
		snprintf(err, errlen, _("%s: cannot write: %s"), path, strerror(errno));
		if (f)
			fclose(f);
		else if (fd >= 0)
			close(fd);
		return -1;
	}
	fprintf(f, "# fundsim result set: the next fundsim run into this folder replaces "
		   "these files\n");
	struct dirent *e;
	int rc = 0;
	while (rc == 0 && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue; /* ., .., the marker */
		fprintf(f, "%s\n", e->d_name);
		snprintf(path, sizeof path, "%s/%s", stage, e->d_name);
		if (sync_path(path) != 0) {
			snprintf(err, errlen, _("%s: cannot write: %s"), path, strerror(errno));
			rc = -1;
		}
	}
	closedir(d);
	bool bad = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
	bad |= fclose(f) != 0;
	if (rc == 0 && bad) {
		snprintf(err, errlen, _("%s/%s: cannot write: %s"), stage, OUTSET_MARKER,
			 strerror(errno));
		rc = -1;
	}
	if (rc == 0 && sync_path(stage) != 0) {
		snprintf(err, errlen, _("%s: cannot write: %s"), stage, strerror(errno));
		rc = -1;
	}
	return rc;
}

/* Whether name is listed in the marker text (one name a line). */
static bool listed(const char *marker, const char *name)
{
	size_t k = strlen(name);
	for (const char *p = marker; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, name, k) == 0 && (p[k] == '\n' || !p[k]))
			return true;
	return false;
}

/* After the swap, old holds the earlier set: move what its marker does not
 * list (a study's folder, the user's notes) into the new set, drop the
 * rest. Without a marker old held only result sets (ours): all move. */
static void carry_over(const char *old, const char *dir)
{
	char path[OUTSET_PATH + 300], to[OUTSET_PATH + 300];
	static char marker[1 << 16];
	marker[0] = '\0';
	snprintf(path, sizeof path, "%s/%s", old, OUTSET_MARKER);
	FILE *f = has_marker(old) ? fopen(path, "r") : NULL;
	if (f) {
		size_t got = fread(marker, 1, sizeof marker - 1, f);
		marker[got] = '\0';
		fclose(f);
	}
	DIR *d = opendir(old);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (is_name(e->d_name, ".") || is_name(e->d_name, "..") ||
		    is_name(e->d_name, OUTSET_MARKER))
			continue;
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", old, e->d_name);
		if (lstat(path, &st) != 0)
			continue;
		bool earlier = listed(marker, e->d_name);
		snprintf(to, sizeof to, "%s/%s", dir, e->d_name);
		if (!earlier && lstat(to, &st) != 0)
			rename(path, to);
	}
	closedir(d);
}

int outset_commit(struct outset *o, char *err, size_t errlen)
{
	if (!o->staged)
		return 0;
	if (seal(o->stage, err, errlen) != 0) {
		outset_abort(o);
		return -1;
	}
	mode_t mask = umask(0); /* mkdtemp made it 0700; results are shared as files are */
	umask(mask);
	chmod(o->stage, 0777 & ~mask);
	struct stat st;
	int rc;
	if (lstat(o->dir, &st) != 0) {
		rc = rename(o->stage, o->dir);
		if (rc == 0)
			o->staged = false;
	} else if (!S_ISDIR(st.st_mode) || !ours(o->dir, 0)) {
		snprintf(err, errlen,
			 _("%s: changed while fundsim ran; the results were not "
			   "written"),
			 o->dir);
		outset_abort(o);
		return -1;
	} else {
		rc = renameat2(AT_FDCWD, o->stage, AT_FDCWD, o->dir, RENAME_EXCHANGE);
		if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
			/* no atomic swap on this file system: move the old set aside first */
			char aside[OUTSET_PATH + 16];
			snprintf(aside, sizeof aside, "%s.old", o->stage);
			rc = rename(o->dir, aside);
			if (rc == 0 && (rc = rename(o->stage, o->dir)) != 0)
				rename(aside, o->dir);
			if (rc == 0)
				rename(aside, o->stage);
		}
		if (rc == 0) { /* the earlier set now lies at o->stage */
			carry_over(o->stage, o->dir);
			outset_remove(o->stage);
			o->staged = false;
		}
	}
	if (rc != 0) {
		snprintf(err, errlen, _("%s: cannot put the results in place: %s"), o->dir,
			 strerror(errno));
		outset_abort(o);
		return -1;
	}
	char parent[OUTSET_PATH];
	parent_of(o->dir, parent, sizeof parent);
	sync_path(parent);
	return 0;
}

void outset_abort(struct outset *o)
{
	if (!o->staged)
		return;
	outset_remove(o->stage);
	o->staged = false;
}

void outset_safe_name(const char *name, char *buf, size_t n)
{
	size_t k = 0, cap = n - 1 < 200 ? n - 1 : 200;
	for (const unsigned char *s = (const unsigned char *)name; *s && k < cap;) {
		int len = text_utf8_len(s);
		if (len > 1 && text_invisible(text_utf8_code(s, len))) {
			buf[k++] = '_'; /* U+202E would show "gpj.exe" as "exe.jpg" */
			s += len;
			continue;
		}
		if (len > 1 && k + (size_t)len <= cap) {
			memcpy(buf + k, s, (size_t)len);
			k += (size_t)len;
			s += len;
			continue;
		}
		if (len > 1)
			break; /* no room for the whole character */
		unsigned char c = *s++;
		/* separators, controls, what Windows refuses in names, a leading dot */
		bool bad = len == 0 || c < 0x20 || c == 0x7f || strchr("/\\:*?\"<>|", c) ||
			   (c == '.' && k == 0);
		buf[k++] = bad ? '_' : (char)c;
	}
	buf[k] = '\0';
	if (k == 0)
		snprintf(buf, n, "scenario");
}
