/*
 * cmd_deliver.c - lis deliver RUN_ID: delivers a finished run again as
 * lis.conf's [delivery] says (delivery/delivery.h); lis run uses the same
 * path once its folder is in place.
 */
#include "cli.h"
#include "delivery.h"

#include <stdio.h>
#include <stdlib.h>

static const char usage[] =
    "usage: lis deliver RUN_ID\n"
    "\n"
    "Delivers the files of run RUN_ID (see lis runs) again, to the targets that\n"
    "[delivery] in lis.conf gives its kind: folder:PATH copies the files into\n"
    "PATH through temporary names renamed into place; mail:ADDRESS sends one\n"
    "message to all the addresses with [smtp]'s server (the password from the\n"
    "environment variable named by password_env). The run must have finished\n"
    "well and its folder must still hold its files, unchanged (manifest.json).\n"
    "Each delivery is recorded and shown by lis runs.\n"
    "\n"
    "Exit status: 0 delivered (or nothing to deliver to), 1 usage, 2 the run\n"
    "cannot be delivered (unknown, failed, its files replaced), 3 database,\n"
    "4 a delivery failed (the mail server's reply is printed).\n";

lis_status
lis_cli_deliver(PGconn *conn, const lis_cli *cli, long run_id, bool quiet, size_t *n,
                lis_error *err)
{
    lis_delivery_outcomes out;
    lis_status st = lis_delivery_run(conn, &cli->cfg, run_id, &out, err);
    if (n)
        *n = out.n;
    for (size_t i = 0; i < out.n; i++) {
        const lis_delivery_outcome *o = &out.items[i];
        fflush(stdout); /* in order with the warnings on stderr */
        if (o->ok && !quiet)
            printf("delivered run %ld to %s (%s)\n", run_id, o->target, o->detail);
        else if (!o->ok)
            lis_cli_warn("delivery of run %ld to %s failed after %d attempt%s: %s",
                         run_id, o->target, o->attempts, o->attempts == 1 ? "" : "s",
                         o->detail);
    }
    lis_delivery_outcomes_release(&out);
    return st;
}

int
cmd_deliver(int argc, char **argv, lis_cli *cli)
{
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    if (argc != 2)
        return lis_cli_usage_error(usage, "lis deliver takes one run id");
    char *end;
    long long id = strtoll(argv[1], &end, 10);
    if (end == argv[1] || *end || id <= 0 || id > 999999999999LL)
        return lis_cli_usage_error(usage, "\"%s\" is not a run id", argv[1]);
    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);
    size_t n = 0;
    lis_status st = lis_cli_deliver(conn, cli, (long)id, false, &n, &err);
    PQfinish(conn);
    if (st == LIS_OK && n == 0)
        printf("nothing to deliver run %lld to: [delivery] in %s names no target for its "
               "kind\n",
               id, cli->cfg.path ? cli->cfg.path : "lis.conf");
    return st == LIS_OK ? LIS_OK : lis_cli_fail(&err);
}
