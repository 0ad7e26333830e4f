/* district.c - Suzhou's county-level units and the names they go by. */
#include "district.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Official name, then other names ('|' between them; English ones in any
 * letter case), then the English name outputs show. 虎丘区 and 苏州高新区
 * are one unit (区政合一). */
static const struct {
	const char *name, *also, *en;
} table[N_DISTRICTS] = {
	{"姑苏区", "姑苏|Gusu", "Gusu District"},
	{"虎丘区", "虎丘|高新区|苏州高新区|Huqiu|SND", "Huqiu District (SND)"},
	{"吴中区", "吴中|Wuzhong", "Wuzhong District"},
	{"相城区", "相城|Xiangcheng", "Xiangcheng District"},
	{"吴江区", "吴江|Wujiang", "Wujiang District"},
	{"苏州工业园区", "园区|工业园区|SIP", "Suzhou Industrial Park"},
	{"常熟市", "常熟|Changshu", "Changshu"},
	{"张家港市", "张家港|Zhangjiagang", "Zhangjiagang"},
	{"昆山市", "昆山|Kunshan", "Kunshan"},
	{"太仓市", "太仓|Taicang", "Taicang"},
};

int district_parse(const char *s)
{
	for (int d = 0; d < N_DISTRICTS; d++) {
		if (strcmp(s, table[d].name) == 0)
			return d + 1;
		for (const char *a = table[d].also; *a;) {
			size_t k = strcspn(a, "|");
			if (strlen(s) == k && strncasecmp(s, a, k) == 0)
				return d + 1;
			a += k + (a[k] == '|');
		}
	}
	return 0;
}

const char *district_name(int d)
{
	return d >= 1 && d <= N_DISTRICTS ? table[d - 1].name : "";
}

const char *district_name_en(int d)
{
	return d >= 1 && d <= N_DISTRICTS ? table[d - 1].en : "";
}

void district_list(char *buf, size_t n)
{
	size_t k = 0;
	buf[0] = '\0';
	for (int d = 0; d < N_DISTRICTS && k < n; d++) {
		k += (size_t)snprintf(buf + k, n - k, "%s%s (", d ? ", " : "", table[d].name);
		for (const char *a = table[d].also; *a && k < n; a++)
			buf[k++] = *a == '|' ? '/' : *a;
		if (k < n)
			k += (size_t)snprintf(buf + k, n - k, ")");
	}
	if (k >= n && n)
		buf[n - 1] = '\0';
}
