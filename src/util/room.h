/* room.h - growing an array by doubling: sim_pop.c's records,
 * sim_cols.c's cells, the workbook's CSV rows and the what-if page's
 * JSON. */
#ifndef FUNDSIM_ROOM_H
#define FUNDSIM_ROOM_H

#include <stdbool.h>
#include <stdlib.h>

/* Room for add more of n items of size bytes at *pp (a pointer to the
 * array's pointer; capacity *cap); false when out of memory (the array
 * is unchanged). */
static inline bool room(void *pp, size_t *cap, size_t n, size_t add, size_t size)
{
	void **p = pp;
	if (n + add <= *cap)
		return true;
	size_t nc = *cap ? *cap : 64;
	while (nc < n + add)
		nc *= 2;
	void *np = realloc(*p, nc * size);
	if (!np)
		return false;
	*p = np;
	*cap = nc;
	return true;
}

#endif
