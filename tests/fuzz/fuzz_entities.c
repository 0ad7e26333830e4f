/* fuzz_entities.c - libFuzzer harness for the entities loader: the
 * input is written to one temporary file, loaded with entities_load, and
 * every (entity, line) group goes through rules_entity under four
 * policies; each award is checked (fuzz_common.h) and the ledger written
 * to /dev/null. */
#include "fuzz_common.h"
#include "inputs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init("fuzz_entities");
	fuzz_write(data, size);
	struct entities en;
	char err[ERR_LEN] = "";
	if (entities_load(fuzz_path, &en, err, sizeof err) != 0) {
		if (!one_line(err)) {
			fprintf(stderr,
				"fuzz_entities: an error must be one printable line: \"%s\"\n",
				err);
			abort();
		}
		entities_free(&en);
		return 0;
	}
	for (int k = 0; k < FUZZ_POLICIES; k++) {
		struct fuzz_check c = {.p = &fuzz_scen[k]->pol};
		struct award_sink sink = {.fn = fuzz_award, .ctx = &c, .reasons = true};
		for (size_t g = 0; g < en.groups.count; g++) {
			size_t a = en.groups.start[g], b = en.groups.start[g + 1];
			if (b <= a || b > en.n) {
				fprintf(stderr,
					"fuzz_entities: group %zu holds rows %zu..%zu of %zu\n", g,
					a, b, en.n);
				abort();
			}
			for (size_t i = a + 1; i < b; i++) {
				if (en.rows[i].year <= en.rows[i - 1].year ||
				    en.rows[i].line != en.rows[a].line) {
					fprintf(stderr,
						"fuzz_entities: %s: years not increasing "
						"or lines differ\n",
						group_id(&en.groups, g));
					abort();
				}
			}
			c.l.current = group_id(&en.groups, g);
			rules_entity(c.p, en.rows + a, b - a, &sink);
		}
		ledger_write(&c.l, fuzz_null);
		ledger_free(&c.l);
	}
	entities_free(&en);
	return 0;
}
