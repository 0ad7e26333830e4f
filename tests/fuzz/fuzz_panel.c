/* fuzz_panel.c - libFuzzer harness for the firm panel loader: the input
 * is written to one temporary file, loaded with panel_load, and every
 * firm it holds goes through rules_firm under four policies; each award
 * is checked (fuzz_common.h) and the ledger written to /dev/null. */
#include "fuzz_common.h"
#include "inputs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init("fuzz_panel");
	fuzz_write(data, size);
	struct panel pn;
	char err[ERR_LEN] = "";
	if (panel_load(fuzz_path, &pn, err, sizeof err) != 0) {
		if (!one_line(err)) {
			fprintf(stderr, "fuzz_panel: an error must be one printable line: \"%s\"\n",
				err);
			abort();
		}
		panel_free(&pn);
		return 0;
	}
	for (int k = 0; k < FUZZ_POLICIES; k++) {
		struct fuzz_check c = {.p = &fuzz_scen[k]->pol};
		struct award_sink sink = {.fn = fuzz_award, .ctx = &c, .reasons = true};
		for (size_t g = 0; g < pn.firms.count; g++) {
			size_t a = pn.firms.start[g], b = pn.firms.start[g + 1];
			if (b <= a || b > pn.n) {
				fprintf(stderr,
					"fuzz_panel: group %zu holds rows %zu..%zu of %zu\n", g, a,
					b, pn.n);
				abort();
			}
			for (size_t i = a + 1; i < b; i++) {
				if (pn.rows[i].year <= pn.rows[i - 1].year) {
					fprintf(stderr,
						"fuzz_panel: firm %s: years not increasing\n",
						group_id(&pn.firms, g));
					abort();
				}
			}
			c.l.current = group_id(&pn.firms, g);
			rules_firm(c.p, pn.rows + a, b - a, &sink);
		}
		ledger_write(&c.l, fuzz_null);
		ledger_free(&c.l);
	}
	panel_free(&pn);
	return 0;
}
