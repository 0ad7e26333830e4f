/* cmd_serve.c - `fundsim serve`: runs the served scenario once, then
 * answers the page on the loopback until Ctrl-C. */
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_impl.h"
#include "cmd_setup.h"
#include "comm.h"
#include "money.h"
#include "serve_impl.h"
#include "text.h"
#include "i18n.h"

#define DEFAULT_PORT 8765

static bool loopback(const char *addr)
{
	return strncmp(addr, "127.", 4) == 0 || strcmp(addr, "::1") == 0;
}

int cmd_serve(const struct cli *c)
{
	struct setup su = {0};
	struct scenario *s = NULL;
	struct serve_base b = {0};
	struct serve_exports x = {0};
	struct serve_server *srv = NULL;
	const char *path = NULL, *addr = c->listen ? c->listen : "127.0.0.1";
	char err[ERR_LEN], token[2 * SERVE_TOKEN_BYTES + 1];
	long port = DEFAULT_PORT;
	int rc = EXIT_USAGE;
	if (comm_world()->size > 1) {
		say("serve", _("serve runs as one process, not under MPI"));
		return EXIT_USAGE;
	}
	if (serve_listen_check(addr, err, sizeof err) != 0) { /* before the base run */
		say("serve", "%s", err);
		return EXIT_USAGE;
	}
	if (setup_options(&su, c) != 0 || setup_scenario(c, &path) != 0 ||
	    (c->port && setup_int("serve", "--port", c->port, 0, 65535, &port) != 0) ||
	    !(s = open_scenario(path, c)))
		goto done;
	if (path && strcmp(path, "builtin") == 0)
		path = NULL;
	long most = study_max_reps(&s->pol);
	if (su.reps > most) { /* every answer is paired with the base run, row by row */
		say("serve",
		    _("--reps %ld: at most %ld (every replication is kept to pair answers)"),
		    su.reps, most);
		goto done;
	}
	if (setup_panel(&su, c) != 0 || setup_entities(&su, c) != 0)
		goto done;
	/* Ctrl-C is taken by sigwait below: blocked in every thread made from here on */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);

	rc = EXIT_FAIL;
	b.s = s;
	b.path = path;
	b.cfg = (struct sim_config){.seed = (uint64_t)su.seed,
				    .reps = su.reps,
				    .threads = (int)su.threads,
				    .stock = su.stock,
				    .known = su.known};
	if (serve_base_run(&b, err, sizeof err) != 0) {
		say("serve", "%s", err);
		goto done;
	}
	cmd_out_dir(c->outdir, s, "serve", x.dir, sizeof x.dir);
	serve_export_sweep(x.dir); /* what a killed serve left half-written */
	x.c = c;
	x.reps = su.reps;
	x.seed = su.seed;
	x.lang = su.lang;
	if (serve_token(token, err, sizeof err) != 0) {
		say("serve", "%s", err);
		goto done;
	}
	struct serve_listen l = {.addr = addr,
				 .port = (int)port,
				 .lang = su.lang == CHART_ZH ? "zh" : "en",
				 .token = token};
	if (!(srv = serve_http_start(&l, &b, &x, err, sizeof err))) {
		say("serve", "%s", err);
		rc = EXIT_USAGE;
		goto done;
	}
	if (!loopback(addr))
		say("serve",
		    _("warning: listening on %s, not only this machine: anyone who reaches it and "
		      "has the token can run the model, over plain HTTP (unencrypted)"),
		    addr);
	char shown[200], host[80];
	snprintf(host, sizeof host, strchr(addr, ':') ? "[%s]" : "%s", addr);
	printf(_("fundsim serve: %s, %ld replications, seed %ld; exports go to %s/\n"),
	       text_shown(s->name, shown, sizeof shown), su.reps, su.seed, SHOWN(x.dir));
	printf(_("open this address in a browser (Ctrl-C stops):\n"));
	printf("    http://%s:%d/?token=%s\n", host, serve_http_port(srv), token);
	fflush(stdout);
	int sig = 0;
	sigwait(&sigs, &sig);
	printf(_("fundsim serve: stopped\n"));
	rc = EXIT_OK;
done:
	serve_http_stop(srv);
	serve_base_free(&b);
	setup_free(&su);
	free(s);
	return rc;
}
