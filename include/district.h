/* district.h - Suzhou's ten county-level units (县级行政区划), as a
 * panel's district column names them.
 *
 * One table (district.c) gives each its official name and the short and
 * English forms bureaus write; a district is its 1-based index there, 0
 * when a row gives none. */
#ifndef FUNDSIM_DISTRICT_H
#define FUNDSIM_DISTRICT_H

#include <stddef.h>

#define N_DISTRICTS 10

/* The district s names ("昆山市", "昆山", "Kunshan", "园区", "SIP"):
 * 1 .. N_DISTRICTS, or 0 when it names none. */
int district_parse(const char *s);

/* Its official name ("苏州工业园区"); d from 1 to N_DISTRICTS. */
const char *district_name(int d);
/* Its name in English ("Suzhou Industrial Park"); d as district_name. */
const char *district_name_en(int d);

/* "姑苏区 (姑苏/Gusu), 虎丘区 (虎丘/高新区/...), ...": every district with
 * its other names, for messages; cut to n bytes. */
void district_list(char *buf, size_t n);

#endif
