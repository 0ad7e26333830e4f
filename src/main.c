/* main.c - the fundsim command line. Parses arguments into a struct,
 * runs one command, and is the only place that exits. */
#include <gsl/gsl_errno.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "comm.h"

static void usage(FILE *f)
{
	fputs("usage: fundsim COMMAND [options]\n"
	      "\n"
	      "Costs the Suzhou draft software-industry policy (15 measures, 26 cash award lines).\n"
	      "\n"
	      "commands:\n"
	      "  run [SCENARIO.ini] [--reps N] [--seed S] [--threads T] [--precision P]\n"
	      "      [--firms PANEL.csv] [--out DIR] [--ledger] [--quiet]\n"
	      "      [--lang en|zh] [--no-charts]\n"
	      "        Monte Carlo: what the measures cost per line, year and funding level,\n"
	      "        with percentiles and budget risk; results in DIR (default out/NAME/)\n"
	      "        with charts (PNG and SVG, by gnuplot) labelled in English or Chinese;\n"
	      "        --no-charts writes their CSV files and scripts only\n"
	      "  award --firms PANEL.csv [--entities E.csv] [-o LEDGER.csv]\n"
	      "        apply every award line to real data; ledger to -o or stdout,\n"
	      "        summary in 万元 to stderr\n"
	      "  report [SCENARIO.ini] [--reps N] [--seed S] [--threads T] [--firms PANEL.csv]\n"
	      "      [--out DIR] [--lang en|zh]\n"
	      "        a run, its charts and a tornado of the key assumptions, written up as one\n"
	      "        self-contained HTML page for a briefing (DIR/report.html, default\n"
	      "        out/NAME/), printable to PDF from a browser\n"
	      "  params   print every parameter: value, unit, clause, where it was set\n"
	      "  diff A.ini B.ini   parameters whose values differ (builtin = the draft)\n"
	      "\n"
	      "sensitivity studies (every variant meets the base case's random draws, so\n"
	      "differences are paired; common options --reps --seed --threads --firms --out\n"
	      "--lang en|zh --no-charts; each draws its charts into its folder as run does):\n"
	      "  sweep KEY=LO:HI:STEP [KEY2=LO:HI:STEP]\n"
	      "        spending over a grid of one or two parameters, e.g. m1a.cap=50万:200万:50万,\n"
	      "        and the change from the base case with its standard error\n"
	      "  tornado [--keys K1,K2,... | --policy] [--range KEY=LO:HI ...]\n"
	      "        each parameter to its low and high value (given, or -+20%), sorted by\n"
	      "        swing; with spider data. No keys: the [sensitivity] ranges, else --policy\n"
	      "  compare BASE.ini ALT.ini [ALT2.ini ...]\n"
	      "        ALT - BASE per line, paid year and funding level with 95% intervals,\n"
	      "        and the parameters that differ\n"
	      "  sobol [--n N] [--reps R] [--bootstrap B]\n"
	      "        first-order and total Sobol indices of total spending to the ranges in\n"
	      "        the scenario's [sensitivity] section (Saltelli sampling)\n"
	      "\n"
	      "options for every command:\n"
	      "  --scenario FILE     scenario INI (default: the built-in draft policy)\n"
	      "  --set SEC.KEY=VAL   override one parameter, e.g. --set m1a.cap=200万 (repeatable)\n"
	      "  -h, --help          this text\n"
	      "\n"
	      "exit codes: 0 ok, 1 failure while running, 2 bad input or usage\n",
	      f);
}

/* "--opt VALUE" or "--opt=VALUE"; advances *i. NULL when absent. */
static const char *value_of(int argc, char **argv, int *i, const char *name, int *bad)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		fprintf(stderr, "fundsim %s: %s needs a value (%s VALUE or %s=VALUE)\n", argv[1],
			name, name, name);
		*bad = 1;
		return NULL;
	}
	return argv[++*i];
}

static int parse(int argc, char **argv, struct cli *c)
{
	int bad = 0;
	for (int i = 2; i < argc && !bad; i++) {
		const char *a = argv[i], *v;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
			c->help = true;
		else if ((v = value_of(argc, argv, &i, "--scenario", &bad)))
			c->scenario = v;
		else if ((v = value_of(argc, argv, &i, "--set", &bad))) {
			if (c->nsets == MAX_SETS) {
				fprintf(stderr, "fundsim: more than %d --set options\n", MAX_SETS);
				return -1;
			}
			c->sets[c->nsets++] = (char *)v;
		} else if ((v = value_of(argc, argv, &i, "--firms", &bad)))
			c->firms = v;
		else if ((v = value_of(argc, argv, &i, "--entities", &bad)))
			c->entities = v;
		else if ((v = value_of(argc, argv, &i, "--reps", &bad)))
			c->reps = v;
		else if ((v = value_of(argc, argv, &i, "--seed", &bad)))
			c->seed = v;
		else if ((v = value_of(argc, argv, &i, "--threads", &bad)))
			c->threads = v;
		else if ((v = value_of(argc, argv, &i, "--precision", &bad)))
			c->precision = v;
		else if ((v = value_of(argc, argv, &i, "--out", &bad)))
			c->outdir = v;
		else if (strcmp(a, "--ledger") == 0)
			c->ledger = true;
		else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0)
			c->quiet = true;
		else if ((v = value_of(argc, argv, &i, "--lang", &bad)))
			c->lang = v;
		else if (strcmp(a, "--no-charts") == 0)
			c->no_charts = true;
		else if ((v = value_of(argc, argv, &i, "--keys", &bad)))
			c->keys = v;
		else if (strcmp(a, "--policy") == 0)
			c->policy = true;
		else if ((v = value_of(argc, argv, &i, "--range", &bad))) {
			if (c->nranges == MAX_SETS) {
				fprintf(stderr, "fundsim: more than %d --range options\n", MAX_SETS);
				return -1;
			}
			c->ranges[c->nranges++] = v;
		} else if ((v = value_of(argc, argv, &i, "--n", &bad)))
			c->points = v;
		else if ((v = value_of(argc, argv, &i, "--bootstrap", &bad)))
			c->bootstrap = v;
		else if ((v = value_of(argc, argv, &i, "-o", &bad)) ||
			 (v = value_of(argc, argv, &i, "--output", &bad)))
			c->output = v;
		else if (bad)
			break;
		else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "fundsim %s: unknown option %s (see fundsim --help)\n",
				c->command, a);
			return -1;
		} else if (c->npos == MAX_POS) {
			fprintf(stderr, "fundsim %s: too many arguments at %s\n", c->command, a);
			return -1;
		} else
			c->pos[c->npos++] = a;
	}
	return bad ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct cli c = {0};
	int rc = EXIT_USAGE;
	gsl_set_error_handler_off(); /* GSL's default aborts, even when only out of memory */
	if (comm_start(&argc, &argv) != 0) {
		fprintf(stderr, "fundsim: cannot start MPI\n");
		return EXIT_FAIL;
	}
	if (argc < 2) {
		usage(stderr);
	} else if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
		   strcmp(argv[1], "help") == 0) {
		usage(stdout);
		rc = EXIT_OK;
	} else if (strcmp(argv[1], "--version") == 0) {
		printf("fundsim %s\n", FUNDSIM_VERSION);
		rc = EXIT_OK;
	} else {
		c.command = argv[1];
		if (parse(argc, argv, &c) == 0) {
			if (c.help) {
				usage(stdout);
				rc = EXIT_OK;
			} else {
				rc = command_run(&c);
			}
		}
	}
	/* under MPI: if any rank failed, no rank reports success */
	if (comm_world()->first_failure(rc == EXIT_OK) >= 0 && rc == EXIT_OK)
		rc = EXIT_FAIL;
	comm_finish();
	/* let valgrind see OpenMP's idle threads gone, not "possibly lost" */
	omp_pause_resource_all(omp_pause_hard);
	return rc;
}
