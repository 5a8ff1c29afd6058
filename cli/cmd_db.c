/*
 * cmd_db.c - lis db init|start|stop|status: the schema and the embedded
 * default cluster.
 */
#include "cli.h"
#include "embedded.h"
#include "migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: lis db init | start | stop | status\n"
    "\n"
    "  init     create the schema or migrate it to this version of lis (the\n"
    "           embedded default cluster is created and started first)\n"
    "  start    create and start the embedded default cluster\n"
    "  stop     stop the embedded default cluster\n"
    "  status   where the database is, whether it runs, its schema version\n"
    "\n"
    "The embedded default is a private PostgreSQL cluster under $LIS_HOME\n"
    "(default ~/.local/share/lis), reached by a Unix socket only. lis uses it\n"
    "when no database is given by --db, $LIS_DB, the libpq environment or the\n"
    "config file. Run as root, the cluster runs as the system user postgres.\n";

static int
db_init(lis_cli *cli)
{
    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_ANY, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);
    int applied = 0;
    lis_status st = lis_migrate(conn, &applied, &err);
    PQfinish(conn);
    if (st != LIS_OK)
        return lis_cli_fail(&err);
    if (applied > 0)
        printf("applied %d migration%s; schema version %d\n", applied,
               applied == 1 ? "" : "s", lis_migrate_latest());
    else
        printf("schema is up to date (version %d)\n", lis_migrate_latest());
    return LIS_OK;
}

/* start and stop manage only the embedded cluster. */
static int
not_embedded(lis_cli *cli, const char *verb)
{
    const char *conninfo;
    lis_db_source src = lis_db_choose(cli->db, &cli->cfg, &conninfo);
    if (src == LIS_DB_EMBEDDED)
        return 0;
    fprintf(stderr,
            "lis: error: \"lis db %s\" manages only the embedded default cluster\n"
            "DETAIL: The database is chosen by %s.\n",
            verb, lis_db_source_str(src));
    return 1;
}

static int
db_start(lis_cli *cli)
{
    lis_error err = {0};
    lis_embedded emb;
    if (not_embedded(cli, "start"))
        return LIS_USAGE;
    if (lis_embedded_init(&emb, &cli->cfg, &err) != LIS_OK ||
        lis_embedded_start(&emb, &err) != LIS_OK) {
        lis_embedded_release(&emb);
        return lis_cli_fail(&err);
    }
    printf("embedded cluster is running in \"%s\"\n", emb.cluster);
    lis_embedded_release(&emb);
    return LIS_OK;
}

static int
db_stop(lis_cli *cli)
{
    lis_error err = {0};
    lis_embedded emb;
    bool was_running = false;
    if (not_embedded(cli, "stop"))
        return LIS_USAGE;
    if (lis_embedded_init(&emb, &cli->cfg, &err) != LIS_OK ||
        lis_embedded_stop(&emb, &was_running, &err) != LIS_OK) {
        lis_embedded_release(&emb);
        return lis_cli_fail(&err);
    }
    printf(was_running ? "embedded cluster stopped\n"
                       : "embedded cluster was not running\n");
    lis_embedded_release(&emb);
    return LIS_OK;
}

static void
print_schema(PGconn *conn)
{
    lis_error err = {0};
    int v = lis_migrate_version(conn, &err);
    if (v < 0)
        printf("schema:    unknown (%s)\n", err.msg);
    else if (v == 0)
        printf("schema:    none (run \"lis db init\")\n");
    else
        printf("schema:    version %d (this lis: %d)\n", v, lis_migrate_latest());
}

static int
db_status(lis_cli *cli)
{
    lis_error err = {0};
    const char *conninfo;
    lis_db_source src = lis_db_choose(cli->db, &cli->cfg, &conninfo);
    printf("database:  %s\n", lis_db_source_str(src));

    if (src != LIS_DB_EMBEDDED) {
        PGconn *conn = lis_db_connect(conninfo, &err);
        if (conn == NULL)
            return lis_cli_fail(&err);
        printf("server:    PostgreSQL %d, database \"%s\" on %s\n",
               PQserverVersion(conn) / 10000, PQdb(conn),
               PQhost(conn) && PQhost(conn)[0] == '/' ? "a Unix socket" : PQhost(conn));
        print_schema(conn);
        PQfinish(conn);
        return LIS_OK;
    }

    lis_embedded emb;
    if (lis_embedded_init(&emb, &cli->cfg, &err) != LIS_OK) {
        lis_embedded_release(&emb);
        return lis_cli_fail(&err);
    }
    printf("data:      %s\n", emb.home);
    if (!lis_embedded_exists(&emb)) {
        printf("cluster:   not created yet (\"lis db init\" creates it)\n");
    } else {
        bool running = lis_embedded_running(&emb);
        printf("cluster:   %s%s\n", emb.cluster,
               emb.as_postgres ? " (run as user postgres)" : "");
        printf("state:     %s\n", running ? "running" : "stopped");
        printf("socket:    %s (no TCP port)\n", emb.sockdir);
        printf("log:       %s\n", emb.logfile);
        if (running) {
            char *ci = lis_embedded_conninfo(&emb);
            PGconn *conn = lis_db_connect(ci, &err);
            free(ci);
            if (conn) {
                print_schema(conn);
                PQfinish(conn);
            } else {
                printf("schema:    unknown (%s)\n", err.msg);
            }
        }
    }
    lis_embedded_release(&emb);
    return LIS_OK;
}

int
cmd_db(int argc, char **argv, lis_cli *cli)
{
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    if (argc != 2)
        return lis_cli_usage_error(usage, argc < 2 ? "lis db needs an action"
                                                   : "too many arguments to lis db");
    if (strcmp(argv[1], "init") == 0)
        return db_init(cli);
    if (strcmp(argv[1], "start") == 0)
        return db_start(cli);
    if (strcmp(argv[1], "stop") == 0)
        return db_stop(cli);
    if (strcmp(argv[1], "status") == 0)
        return db_status(cli);
    return lis_cli_usage_error(usage, "unknown action \"%s\" for lis db", argv[1]);
}
