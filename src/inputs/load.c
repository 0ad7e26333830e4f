/* load.c - reading a CSV into grouped, year-sorted engine rows. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "load_impl.h"
#include "policy.h"
#include "text.h"
#include "i18n.h"

int load_id(const struct csv_where *w, const char *f, const char *col)
{
	if (!f || !*f)
		return csv_fail(w, _("column %s: empty (an identifier is needed)"), col);
	return 0;
}

void *load_push(struct loading *ld, const struct csv_where *w, const char *id, int group, int year,
		size_t size)
{
	if (ld->n == ld->cap) {
		size_t nc = ld->cap ? ld->cap * 2 : 1024;
		char *nr = realloc(ld->rows, nc * size);
		if (!nr) {
			csv_fail(w, _("out of memory"));
			return NULL;
		}
		ld->rows = nr;
		struct rowkey *nk = realloc(ld->keys, nc * sizeof *nk);
		if (!nk) {
			csv_fail(w, _("out of memory"));
			return NULL;
		}
		ld->keys = nk;
		ld->cap = nc;
	}
	size_t off = strpool_add(&ld->pool, id);
	if (off == (size_t)-1) {
		csv_fail(w, _("out of memory"));
		return NULL;
	}
	ld->keys[ld->n] = (struct rowkey){.id = off,
					  .group = group,
					  .year = year,
					  .src_line = w->line,
					  .row = ld->n};
	return ld->rows + size * ld->n++;
}

void groups_free(struct groups *g)
{
	free(g->start);
	free(g->id_off);
	free(g->ids);
	memset(g, 0, sizeof *g);
}

static void loading_free(struct loading *ld)
{
	free(ld->rows);
	free(ld->keys);
	strpool_free(&ld->pool);
}

int load_run(struct loading *ld, const char *path, const struct csv_col *cols, int ncols,
	     csv_row_fn fn, size_t size, const char *what, void **rows, int **src_line, size_t *n,
	     struct groups *g, char *note, size_t notelen, char *err, size_t errlen)
{
	ld->size = size;
	if (csv_read(path, cols, ncols, fn, ld, note, notelen, err, errlen) != 0) {
		loading_free(ld);
		return -1;
	}
	if (ld->n == 0) { /* a header alone is never what the sender meant: a sheet cut short */
		snprintf(err, errlen,
			 strcmp(what, "entity") == 0
				 ? _("%s: no rows under the header (an empty entities file)")
				 : _("%s: no rows under the header (an empty panel)"),
			 path);
		text_escape(err, errlen);
		loading_free(ld);
		return -1;
	}
	size_t *starts = NULL, dup = 0;
	long ng = rowkey_group(ld->keys, ld->n, &ld->pool, &starts, &dup);
	if (ng < 0) {
		if (ng == -1) {
			const struct rowkey *a = &ld->keys[dup - 1], *b = &ld->keys[dup];
			if (strcmp(what, "entity") ==
			    0) /* groups are lines: whole sentences to translate */
				snprintf(
					err, errlen,
					_("%s:%d: entity %s under %s has two rows for year %d (the "
					  "other is line %d)"),
					path, b->src_line, ld->pool.buf + b->id,
					line_info(b->group)->name, b->year, a->src_line);
			else
				snprintf(err, errlen,
					 _("%s:%d: firm %s has two rows for year %d (the other is "
					   "line %d)"),
					 path, b->src_line, ld->pool.buf + b->id, b->year,
					 a->src_line);
			text_escape(err, errlen); /* the id may hold a newline */
		} else {
			snprintf(err, errlen, _("%s: out of memory"), path);
			text_escape(err, errlen);
		}
		loading_free(ld);
		return -1;
	}
	char *out = malloc(ld->n ? ld->n * size : 1);
	int *lines = malloc((ld->n ? ld->n : 1) * sizeof *lines);
	size_t *idoff = malloc(((size_t)ng + 1) * sizeof *idoff);
	if (!out || !lines || !idoff) {
		free(out);
		free(lines);
		free(idoff);
		free(starts);
		loading_free(ld);
		snprintf(err, errlen, _("%s: out of memory"), path);
		text_escape(err, errlen);
		return -1;
	}
	for (size_t i = 0; i < ld->n; i++) {
		memcpy(out + i * size, ld->rows + ld->keys[i].row * size, size);
		lines[i] = ld->keys[i].src_line;
	}
	for (long k = 0; k < ng; k++)
		idoff[k] = ld->keys[starts[k]].id;
	*rows = out;
	*src_line = lines;
	*n = ld->n;
	*g = (struct groups){.count = (size_t)ng,
			     .start = starts,
			     .id_off = idoff,
			     .ids = ld->pool.buf};
	ld->pool.buf = NULL; /* now owned by g */
	loading_free(ld);
	return 0;
}
