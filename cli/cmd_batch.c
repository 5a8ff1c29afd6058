/*
 * cmd_batch.c - lis batch ls | rm ID: the imported batches.
 */
#include "cli.h"
#include "import.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: lis batch ls | rm ID\n"
    "\n"
    "  ls      list the imported batches: id, kind, rows read, loaded and\n"
    "          rejected, when, the file's SHA-256, the profile and the file\n"
    "  rm ID   withdraw batch ID: exactly its rows (for measurements, the values\n"
    "          it replaced are put back)\n";

static int
batch_ls(lis_cli *cli)
{
    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);
    PGresult *r = lis_db_query(conn, "queries/batch_ls.sql", 0, NULL, &err);
    if (r == NULL) {
        PQfinish(conn);
        return lis_cli_fail(&err);
    }
    printf("%-6s %-13s %8s %8s %8s  %-19s  %-64s  %-12s %s\n", "id", "kind", "read",
           "loaded", "rejected", "imported", "sha256", "profile", "file");
    for (int i = 0; i < PQntuples(r); i++)
        printf("%-6s %-13s %8s %8s %8s  %-19s  %-64s  %-12s %s%s\n", PQgetvalue(r, i, 0),
               PQgetvalue(r, i, 1), PQgetvalue(r, i, 6), PQgetvalue(r, i, 7),
               PQgetvalue(r, i, 8), PQgetvalue(r, i, 11), PQgetvalue(r, i, 3),
               PQgetvalue(r, i, 5), PQgetvalue(r, i, 2),
               PQgetvalue(r, i, 9)[0] == 't' ? " (forced)" : "");
    PQclear(r);
    PQfinish(conn);
    return LIS_OK;
}

static int
batch_rm(lis_cli *cli, const char *arg)
{
    char *end;
    errno = 0;
    long long id = strtoll(arg, &end, 10);
    if (end == arg || *end || id <= 0)
        return lis_cli_usage_error(usage, "\"%s\" is not a batch id", arg);
    if (errno == ERANGE) /* strtoll clamps: never report another id */
        return lis_cli_usage_error(
            usage, "batch id \"%s\" is out of range (at most %lld)", arg, LLONG_MAX);
    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);
    char *kind = NULL;
    long rows = 0;
    lis_status st = lis_import_batch_rm(conn, id, &kind, &rows, &err);
    PQfinish(conn);
    if (st != LIS_OK) {
        free(kind);
        return lis_cli_fail(&err);
    }
    printf("batch %lld (%s) withdrawn: %ld row%s removed\n", id, kind, rows,
           rows == 1 ? "" : "s");
    free(kind);
    return LIS_OK;
}

int
cmd_batch(int argc, char **argv, lis_cli *cli)
{
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    if (argc < 2)
        return lis_cli_usage_error(usage, "no subcommand given");
    if (strcmp(argv[1], "ls") == 0) {
        if (argc != 2)
            return lis_cli_usage_error(usage, "\"batch ls\" takes no arguments");
        return batch_ls(cli);
    }
    if (strcmp(argv[1], "rm") == 0) {
        if (argc != 3)
            return lis_cli_usage_error(usage, "\"batch rm\" takes one batch id");
        return batch_rm(cli, argv[2]);
    }
    return lis_cli_usage_error(usage, "unknown subcommand \"%s\"", argv[1]);
}
