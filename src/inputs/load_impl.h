/* load_impl.h - what the panel and entities loaders share. */
#ifndef FUNDSIM_LOAD_IMPL_H
#define FUNDSIM_LOAD_IMPL_H

#include <stdio.h>

#include "csvread.h"
#include "inputs.h"
#include "rowkey.h"

struct loading {
	char *rows; /* rows as read, each `size` bytes */
	size_t n, cap, size;
	struct rowkey *keys;
	struct strpool pool;
};

/* An identifier cell must be present and non-empty. */
int load_id(const struct csv_where *w, const char *f, const char *col);

/* Room for one more row keyed (id, group, year); NULL on error (err set). */
void *load_push(struct loading *ld, const struct csv_where *w, const char *id, int group, int year,
		size_t size);

/* Read path with fn (which calls load_push), then sort and group the rows.
 * what names a group in messages ("firm", "entity"); note as csv_read's.
 * On success the caller owns *rows, *src_line and g. */
int load_run(struct loading *ld, const char *path, const struct csv_col *cols, int ncols,
	     csv_row_fn fn, size_t size, const char *what, void **rows, int **src_line, size_t *n,
	     struct groups *g, char *note, size_t notelen, char *err, size_t errlen);

void groups_free(struct groups *g);

#endif
