/* outset.h - a command's output folder as one result set.
 *
 * Every file of a run (CSV, charts, report, manifest) is written into a
 * private staging folder (mkdtemp, 0700) beside the output folder. Only
 * when all of it is written, checked and synced does outset_commit swap
 * the staging folder with the output folder in one rename
 * (RENAME_EXCHANGE) and remove the earlier set. A failure, Ctrl-C or kill
 * before that leaves the earlier set whole; files an earlier run wrote
 * that this one does not are gone with it.
 *
 * An output folder belongs to fundsim: a marker file (.fundsim-set) lists
 * the entries of the set. A folder that holds anything else (the user's
 * own files) is refused, except subfolders that are result sets of their
 * own (a study's folder inside a run's), which are carried over. */
#ifndef FUNDSIM_OUTSET_H
#define FUNDSIM_OUTSET_H

#include <stdbool.h>
#include <stddef.h>

#define OUTSET_PATH 4096
#define OUTSET_MARKER ".fundsim-set"

struct outset {
	char dir[OUTSET_PATH];   /* the output folder, as given */
	char stage[OUTSET_PATH]; /* where to write: the staging folder */
	bool staged;             /* false: nothing to commit (MPI ranks other than 0) */
};

/* Check dir and create its staging folder (and dir's parents). 0, or -1
 * with err: dir is empty, not a folder, a link, or holds files fundsim did
 * not write, or cannot be created. Write into o->stage. */
int outset_begin(struct outset *o, const char *dir, char *err, size_t errlen);
/* Sync the staged files and swap them in place of the earlier set. 0, or
 * -1 with err (the staging folder is removed, the earlier set kept). */
int outset_commit(struct outset *o, char *err, size_t errlen);
/* Remove the staging folder; the earlier set stays. A no-op after commit
 * or on a zeroed struct. */
void outset_abort(struct outset *o);

/* rm -rf path, never following a link. */
void outset_remove(const char *path);

/* Remove from parent the staging folders of fundsim processes that are
 * gone (killed): their sets never finished, so nothing in them is
 * wanted. outset_begin does it beside its folder. */
void outset_sweep(const char *parent);

/* A folder name from a scenario name: no '/', '\\', control characters,
 * invalid UTF-8 or leading '.'; Chinese letters stay; at most 200 bytes,
 * cut between characters; "scenario" when nothing is left. Invisible and
 * bidirectional characters (text_invisible) become _ as controls do. */
void outset_safe_name(const char *name, char *buf, size_t n);

#endif
