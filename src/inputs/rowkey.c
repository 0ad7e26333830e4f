/* rowkey.c - sorting and grouping rows for the loaders. */
#include "rowkey.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

size_t strpool_add(struct strpool *sp, const char *s)
{
	size_t len = strlen(s) + 1;
	if (sp->n + len > sp->cap) {
		size_t nc = sp->cap ? sp->cap : 4096;
		while (nc < sp->n + len)
			nc *= 2;
		char *nb = realloc(sp->buf, nc);
		if (!nb)
			return (size_t)-1;
		sp->buf = nb;
		sp->cap = nc;
	}
	memcpy(sp->buf + sp->n, s, len);
	sp->n += len;
	return sp->n - len;
}

void strpool_free(struct strpool *sp)
{
	free(sp->buf);
	sp->buf = NULL;
	sp->n = sp->cap = 0;
}

static _Thread_local const char *pool; /* for the qsort comparison */

static int cmp(const void *a, const void *b)
{
	const struct rowkey *x = a, *y = b;
	int c = x->id == y->id ? 0 : strcmp(pool + x->id, pool + y->id);
	if (c)
		return c;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return x->src_line < y->src_line ? -1 : x->src_line > y->src_line;
}

static bool same(const struct rowkey *x, const struct rowkey *y, const char *p)
{
	return x->group == y->group && (x->id == y->id || strcmp(p + x->id, p + y->id) == 0);
}

long rowkey_group(struct rowkey *k, size_t n, const struct strpool *sp, size_t **starts,
		  size_t *dup)
{
	pool = sp->buf;
	if (n) /* a header-only file has no keys: k is NULL, which qsort may not take */
		qsort(k, n, sizeof *k, cmp);
	size_t *s = malloc((n + 1) * sizeof *s);
	if (!s)
		return -2;
	long g = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && same(&k[i], &k[i - 1], sp->buf)) {
			if (k[i].year == k[i - 1].year) {
				free(s);
				*dup = i;
				return -1;
			}
			continue;
		}
		s[g++] = i;
	}
	s[g] = n;
	*starts = s;
	return g;
}
