/*
 * cmd_rollup.c - lis rollup --year Y: computes and stores every figure of the
 * year (engine/rollup.h).
 */
#include "cli.h"
#include "cli_year.h"
#include "rollup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: lis rollup --year Y [--full]\n"
    "\n"
    "Computes goal attainment (per agreement, goal, indicator and window: each\n"
    "month, quarter, the year and year-to-date) and the economy of every\n"
    "agreement of year Y, and makes the year's stored figures current in one\n"
    "transaction. Safe to repeat. \"lis show\" and the report runs read them.\n"
    "Y may be \"previous\" or \"current\": the year before or of today in\n"
    "Copenhagen.\n"
    "\n"
    "Incremental: when only measurements, budget lines and transfers were\n"
    "imported since the year's last rollup, only the agreements they touch\n"
    "are computed again (the figures are those of a full rollup). An import of\n"
    "units, cost centres, accounts, agreements, goals, indicators, targets or\n"
    "statuses, a withdrawn batch (lis batch rm), changed thresholds, or data\n"
    "changed other than by lis import make it compute every figure of the year.\n"
    "\n"
    "  --full   compute every figure of the year again, whatever arrived\n";

int
cmd_rollup(int argc, char **argv, lis_cli *cli)
{
    int year = -1;
    bool full = false;
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (strcmp(argv[i], "--full") == 0) {
            full = true;
            continue;
        }
        if (strcmp(argv[i], "--year") == 0) {
            if (i + 1 >= argc)
                return lis_cli_usage_error(usage, "--year needs a year");
            v = argv[++i];
        } else if (strncmp(argv[i], "--year=", 7) == 0) {
            v = argv[i] + 7;
        } else {
            return lis_cli_usage_error(usage, "unknown argument \"%s\"", argv[i]);
        }
        year = lis_cli_parse_year(v);
        if (year < 0)
            return lis_cli_usage_error(usage, "\"%s\" is not a year (e.g. 2026)", v);
    }
    if (year < 0)
        return lis_cli_usage_error(usage, "lis rollup needs --year");

    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);
    lis_rollup_stats st;
    lis_status rc = lis_rollup_refresh(conn, &cli->cfg, year, full, &st, &err);
    PQfinish(conn);
    if (rc != LIS_OK)
        return lis_cli_fail(&err);
    printf("rolled up %d: %ld agreements, %ld indicator rows, %ld goal rows, "
           "%ld economy rows, %ld transfers in %.2f s",
           year, st.agreements, st.indicator_rows, st.goal_rows, st.economy_rows,
           st.transfers, st.seconds);
    if (st.full)
        printf(" (full)\n");
    else
        printf(" (incremental: %ld of %ld agreements computed again)\n", st.recomputed,
               st.agreements);
    if (st.agreements == 0)
        lis_cli_warn(
            "no agreements of %d; import agreements first (lis import agreements FILE)",
            year);
    return LIS_OK;
}
