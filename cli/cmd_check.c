/*
 * cmd_check.c - lis check: the framework check of every agreement (SPEC
 * sections 3 and 6). Findings go to stdout; warnings about unallocated cost
 * centres go to stderr and do not change the exit status.
 */
#include "cli.h"
#include "rollup_format.h"
#include "show_out.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: lis check [--format table|csv]\n"
    "\n"
    "Checks every agreement (drafts too) against the framework rules of the\n"
    "configuration ([framework] in lis.conf): 3-5 own goals, at least one of\n"
    "them cross-cutting, every goal measurable, targets for every year of a\n"
    "multi-year goal, complete target rows, known holder, grantor and parent.\n"
    "--format csv prints agreement_id;goal_id;finding;message.\n"
    "\n"
    "Cost centres with budget lines but no known unit (ikke-fordelt) are\n"
    "warned about on stderr with their sums.\n"
    "\n"
    "Exit status: 0 no findings, 2 findings.\n";

static const lis_out_col cols[] = {
    {"agreement_id", "aftale", 0, LIS_COL_TEXT, 0, 0},
    {"goal_id", "mål", 1, LIS_COL_TEXT, 0, 0},
    {"finding", "fund", 2, LIS_COL_TEXT, 0, 0},
    {"message", "besked", 3, LIS_COL_TEXT, 0, 0},
};

int
cmd_check(int argc, char **argv, lis_cli *cli)
{
    int fmt = LIS_OUT_TABLE;
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (strcmp(argv[i], "--format") == 0) {
            if (i + 1 >= argc)
                return lis_cli_usage_error(usage, "--format needs a value");
            v = argv[++i];
        } else if (strncmp(argv[i], "--format=", 9) == 0) {
            v = argv[i] + 9;
        } else {
            return lis_cli_usage_error(usage, "unknown argument \"%s\"", argv[i]);
        }
        fmt = lis_out_parse(v);
        if (fmt < 0 || fmt == LIS_OUT_JSON)
            return lis_cli_usage_error(usage, "unknown format \"%s\" (table or csv)", v);
    }

    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);
    char mn[16], mx[16], cc[16];
    snprintf(mn, sizeof mn, "%d", cli->cfg.own_goals_min);
    snprintf(mx, sizeof mx, "%d", cli->cfg.own_goals_max);
    snprintf(cc, sizeof cc, "%d", cli->cfg.cross_cutting_min);
    const char *params[] = {mn, mx, cc};
    PGresult *res = lis_db_query(conn, "queries/check_findings.sql", 3, params, &err);
    PGresult *un = res ? lis_db_query(conn, "queries/check_unallocated.sql", 0, NULL, &err)
                       : NULL;
    PQfinish(conn);
    if (res == NULL || un == NULL) {
        PQclear(res);
        return lis_cli_fail(&err);
    }
    for (int r = 0; r < PQntuples(un); r++) {
        char b[64], a[64];
        const char *reason = PQgetvalue(un, r, 5);
        lis_cli_warn("cost centre \"%s\" is unallocated (ikke-fordelt) in %s: %s budget "
                     "line%s, budget %s, actual %s (%s)",
                     PQgetvalue(un, r, 0), PQgetvalue(un, r, 1), PQgetvalue(un, r, 2),
                     strcmp(PQgetvalue(un, r, 2), "1") == 0 ? "" : "s",
                     lis_rollup_format_da(PQgetvalue(un, r, 3), 2, b, sizeof b),
                     lis_rollup_format_da(PQgetvalue(un, r, 4), 2, a, sizeof a),
                     strcmp(reason, "missing") == 0 ? "not in the cost-centres file"
                     : strcmp(reason, "no unit") == 0 ? "no unit given"
                                                      : "its unit is unknown");
    }
    int n = PQntuples(res);
    if (fmt == LIS_OUT_CSV || n > 0)
        lis_out_print(stdout, res, cols, 4, fmt);
    else
        printf("no findings: every agreement follows the framework rules\n");
    PQclear(res);
    PQclear(un);
    if (fflush(stdout) != 0) {
        lis_error_set(&err, LIS_OUTPUT, "could not write the output");
        return lis_cli_fail(&err);
    }
    return n > 0 ? LIS_INPUT : LIS_OK;
}
