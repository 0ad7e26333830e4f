/* rowkey.h - grouping CSV rows by identifier, line and year; private to
 * the loaders. Identifiers live in one pool so a million rows cost no
 * million mallocs. */
#ifndef FUNDSIM_ROWKEY_H
#define FUNDSIM_ROWKEY_H

#include <stddef.h>

struct strpool {
	char *buf;
	size_t n, cap;
};

/* Append s; returns its offset, or (size_t)-1 when out of memory. */
size_t strpool_add(struct strpool *sp, const char *s);
void strpool_free(struct strpool *sp);

struct rowkey {
	size_t id; /* offset in the pool */
	int group; /* second key (the line for entities, 0 for firms) */
	int year;
	int src_line; /* line in the CSV file */
	size_t row;   /* index of the row as read */
};

/* Sort keys by (id, group, year); returns the number of groups and fills
 * *starts (caller frees) with each group's first key, plus one past the
 * end. Two keys with the same id, group and year: returns -1 and sets
 * *dup to the later one's index in the sorted keys. */
long rowkey_group(struct rowkey *k, size_t n, const struct strpool *sp, size_t **starts,
		  size_t *dup);

#endif
