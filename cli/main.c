/*
 * main.c - the lis command: global options, then one subcommand from the
 * table below (one file cmd_<name>.c each, with its usage beside its options).
 */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef LIS_VERSION
#define LIS_VERSION "0"
#endif

static const char usage[] =
    "usage: lis [--db CONNINFO] [--config FILE] COMMAND ...\n"
    "\n"
    "lis turns a municipality's monthly indicator and budget data into the\n"
    "follow-up of its agreements (aftalestyring).\n"
    "\n"
    "Commands:\n"
    "  db init|start|stop|status   schema migrations; the embedded cluster\n"
    "  import KIND FILE...         import catalogue, indicator or budget data\n"
    "  batch ls|rm ID              list or withdraw imported batches\n"
    "  rollup --year Y             compute goal attainment and economy\n"
    "  run KIND --period P|--year Y  write reports (monthly, quarterly, status, annual)\n"
    "  show attainment|economy|transfers  print the computed figures\n"
    "  check                       check agreements against the framework rules\n"
    "  demo [--out DIR]            a sample municipality, end to end\n"
    "  runs [--kind K] [--period P]  the record of runs and their deliveries\n"
    "  deliver RUN_ID              deliver a finished run again ([delivery])\n"
    "\n"
    "Options:\n"
    "  --db CONNINFO    the database (else $LIS_DB, the libpq environment, the\n"
    "                   config file, or the embedded default cluster)\n"
    "  --config FILE    the configuration file (else $LIS_CONFIG, $LIS_HOME/lis.conf,\n"
    "                   the installed lis.conf)\n"
    "  -h, --help       this help; \"lis COMMAND --help\" for a command\n"
    "  --version        the version of lis\n"
    "\n"
    "Exit status: 0 success, 1 usage, 2 bad input or failed check, 3 database,\n"
    "4 output could not be written.\n";

static const struct command {
    const char *name;
    lis_cmd_fn fn;
} commands[] = {
    {"db", cmd_db},           {"import", cmd_import}, {"batch", cmd_batch},
    {"rollup", cmd_rollup},   {"run", cmd_run},       {"show", cmd_show},
    {"check", cmd_check},     {"demo", cmd_demo},     {"runs", cmd_runs},
    {"deliver", cmd_deliver},
};

int
main(int argc, char **argv)
{
    lis_cli cli = {0};
    int i;

    setlocale(LC_CTYPE, "C.UTF-8");
    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        const char *v;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return LIS_OK;
        }
        if (strcmp(argv[i], "--version") == 0) {
            printf("lis %s\n", LIS_VERSION);
            return LIS_OK;
        }
        if ((v = lis_cli_option(argc, argv, &i, "--db")) != NULL) {
            if (!v[0])
                return lis_cli_usage_error(usage, "--db needs a connection string");
            cli.db = v;
        } else if ((v = lis_cli_option(argc, argv, &i, "--config")) != NULL) {
            if (!v[0])
                return lis_cli_usage_error(usage, "--config needs a file name");
            cli.config_path = v;
        } else {
            return lis_cli_usage_error(usage, "unknown option \"%s\"", argv[i]);
        }
    }
    if (i >= argc)
        return lis_cli_usage_error(usage, "no command given");

    for (size_t c = 0; c < sizeof commands / sizeof *commands; c++) {
        if (strcmp(argv[i], commands[c].name) != 0)
            continue;
        lis_error err = {0};
        lis_config_init(&cli.cfg);
        int rc;
        if (lis_config_load(&cli.cfg, cli.config_path, &err) != LIS_OK)
            rc = lis_cli_fail(&err);
        else
            rc = commands[c].fn(argc - i, argv + i, &cli);
        lis_config_release(&cli.cfg);
        return rc;
    }
    return lis_cli_usage_error(usage, "unknown command \"%s\"", argv[i]);
}
