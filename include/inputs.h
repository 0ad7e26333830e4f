/* inputs.h - the firm panel and the entities file as engine rows.
 *
 * Either file is a CSV (UTF-8, or GBK/GB18030 converted) or an .xlsx
 * workbook (its first sheet), with English or Chinese headers and other
 * columns besides (csvread.h; scenarios/README.md lists the headers).
 * Loaders read a whole file or nothing: on error they return -1 with a
 * message naming file, line and column, and leave *out empty. Rows come
 * out grouped (by firm; by entity and line) and sorted by year, ready
 * for rules_firm / rules_entity. Free with the matching _free, which
 * takes NULL-filled structs too. */
#ifndef FUNDSIM_INPUTS_H
#define FUNDSIM_INPUTS_H

#include <stddef.h>

#include "rules.h"

struct groups {
	size_t count;
	size_t *start;  /* group i: rows start[i] .. start[i+1]-1 */
	size_t *id_off; /* group i's identifier: ids + id_off[i] */
	char *ids;
};

static inline const char *group_id(const struct groups *g, size_t i)
{
	return g->ids + g->id_off[i];
}

/* What a loader tells the user about how it read the file ("read as
 * GB18030: converted to UTF-8", the columns not read): lines ending in
 * '\n', "" when nothing. The caller shows them. */
#define INPUT_NOTE_LEN 2048

struct panel {
	struct firm_year *rows;
	int *src_line;           /* CSV line of each row */
	unsigned char *district; /* of each row: district.h's number, 0 when not given */
	size_t n;
	struct groups firms;
	char note[INPUT_NOTE_LEN];
};

struct entities {
	struct entity_year *rows;
	int *src_line;
	size_t n;
	struct groups groups; /* one per (entity_id, line) */
	char note[INPUT_NOTE_LEN];
};

int panel_load(const char *path, struct panel *out, char *err, size_t errlen);
void panel_free(struct panel *p);

int entities_load(const char *path, struct entities *out, char *err, size_t errlen);
void entities_free(struct entities *e);

#endif
