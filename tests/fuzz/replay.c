/* replay.c - a fuzz harness without libFuzzer: each file named (or each
 * file in each folder named) goes once through LLVMFuzzerTestOneInput,
 * as libFuzzer runs its seed corpus. make check builds every harness with
 * it and replays the kept corpus and the seeds, so that a harness whose
 * checks fall behind the code fails there, not first in `make fuzz`.
 * Usage: replay_NAME PATH...   (exit 0: every input passed; a failed
 * check aborts, as under libFuzzer) */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long count;

static int one(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return 1;
	}
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? 2 * cap : 4096;
			uint8_t *b = realloc(buf, cap);
			if (!b) {
				fclose(f);
				free(buf);
				fprintf(stderr, "%s: out of memory\n", path);
				return 1;
			}
			buf = b;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	count++;
	return 0;
}

static int walk(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return S_ISREG(st.st_mode) ? one(path) : 0;
	struct dirent **names;
	int k = scandir(path, &names, NULL, alphasort), bad = 0;
	if (k < 0) {
		perror(path);
		return 1;
	}
	for (int i = 0; i < k; i++) {
		if (names[i]->d_name[0] != '.' && !bad) {
			char sub[4096];
			snprintf(sub, sizeof sub, "%s/%s", path, names[i]->d_name);
			bad = walk(sub);
		}
		free(names[i]);
	}
	free(names);
	return bad;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (walk(argv[i]) != 0)
			return 1;
	printf("%s: %ld inputs replayed\n", argv[0], count);
	return 0;
}
