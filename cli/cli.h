/*
 * cli.h - what the commands of cli/ share: global options, the database,
 * and printing errors. Only cli/ prints the final error and picks the exit
 * status (the lis_status values, SPEC section 5).
 */
#ifndef LIS_CLI_H
#define LIS_CLI_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "config.h"
#include "db.h"
#include "error.h"

typedef struct lis_cli {
    const char *db;          /* --db CONNINFO, or NULL */
    const char *config_path; /* --config FILE, or NULL */
    lis_config cfg;          /* loaded before the command runs */
} lis_cli;

typedef int (*lis_cmd_fn)(int argc, char **argv, lis_cli *cli);

int cmd_db(int argc, char **argv, lis_cli *cli);
int cmd_import(int argc, char **argv, lis_cli *cli);
int cmd_batch(int argc, char **argv, lis_cli *cli);
int cmd_rollup(int argc, char **argv, lis_cli *cli);
int cmd_run(int argc, char **argv, lis_cli *cli);
int cmd_show(int argc, char **argv, lis_cli *cli);
int cmd_check(int argc, char **argv, lis_cli *cli);
int cmd_demo(int argc, char **argv, lis_cli *cli);
int cmd_runs(int argc, char **argv, lis_cli *cli);
int cmd_deliver(int argc, char **argv, lis_cli *cli);

/* Delivers finished run run_id (cmd_deliver.c), printing each outcome (with
 * quiet: only failures, on stderr) and setting *n (may be NULL) to the
 * number of targets; returns LIS_OK or the error in err (LIS_OUTPUT: a
 * delivery failed). */
lis_status lis_cli_deliver(PGconn *conn, const lis_cli *cli, long run_id, bool quiet,
                           size_t *n, lis_error *err);

/* Prints err as "lis: error: ..." with its detail and hint; returns its code
 * (LIS_DB when err holds none, which would be a bug). */
int lis_cli_fail(const lis_error *err);

/* Prints "lis: error: MESSAGE" and the usage text; returns LIS_USAGE. */
int lis_cli_usage_error(const char *usage, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints a warning on stderr ("lis: warning: ..."). */
void lis_cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The value of "--name VALUE" or "--name=VALUE" at argv[*i] (advancing *i
 * past VALUE), "" when VALUE is missing, NULL when argv[*i] is another
 * argument. Borrowed from argv. */
const char *lis_cli_option(int argc, char **argv, int *i, const char *name);

/* Whether argv holds -h or --help before a "--". */
int lis_cli_wants_help(int argc, char **argv);

/* Opens the database for a command (see lis_db_open). */
PGconn *lis_cli_db(lis_cli *cli, lis_db_schema schema, lis_error *err);

#endif
