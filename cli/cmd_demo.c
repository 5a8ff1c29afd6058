/*
 * cmd_demo.c - lis demo: for now, sets up the embedded default database and
 * says where it is (the sample municipality arrives with the rollup engine).
 */
#include "cli.h"
#include "migrate.h"

#include <stdio.h>

static const char usage[] = "usage: lis demo [--out DIR] [--scale K]\n";

int
cmd_demo(int argc, char **argv, lis_cli *cli)
{
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);
    printf("lis demo: the database is ready (%s, schema version %d).\n"
           "The sample municipality is not built yet; \"lis db status\" shows the database.\n",
           lis_db_source_str(lis_db_choose(cli->db, &cli->cfg, &(const char *){NULL})),
           lis_migrate_latest());
    PQfinish(conn);
    return LIS_OK;
}
