/* main.c - the fundsim command line: sets up, parses the arguments
 * (cli.c), runs one command, and is the only place that exits. */
#include <gsl/gsl_errno.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "commands.h"
#include "comm.h"
#include "i18n.h"

int main(int argc, char **argv)
{
	struct cli c = {0};
	int rc;
	gsl_set_error_handler_off(); /* GSL's default aborts, even when only out of memory */
	/* one large buffer: a failed write then shows up in stdout_check's
	 * flush, with its errno (ENOSPC), instead of mid-print where stdio
	 * loses it; a help text or params table is far below 1 MiB. Not on a
	 * terminal, where lines should show as they come */
	static char outbuf[1 << 20];
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	/* the language first: the parser's messages are in it too */
	const char *lang = cli_lang(argc, argv);
	i18n_start(lang && i18n_parse(lang) >= 0 ? lang : NULL);
	if (i18n_missing())
		say(NULL, "%s", i18n_missing());
	if (comm_start(&argc, &argv) != 0) {
		say(NULL, _("cannot start MPI"));
		return EXIT_FAIL;
	}
	switch (cli_parse(argc, argv, &c)) {
	case CLI_RUN:
		rc = command_run(&c);
		break;
	case CLI_DONE:
		rc = EXIT_OK;
		break;
	default:
		rc = EXIT_USAGE;
	}
	/* `fundsim params > /dev/full` must not report success */
	rc = stdout_check(c.command, rc, true);
	/* under MPI: if any rank failed, no rank reports success */
	if (comm_world()->first_failure(rc == EXIT_OK) >= 0 && rc == EXIT_OK)
		rc = EXIT_FAIL;
	comm_finish();
	/* let valgrind see OpenMP's idle threads gone, not "possibly lost" */
	omp_pause_resource_all(omp_pause_hard);
	return rc;
}
