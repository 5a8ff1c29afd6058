/*
 * cmd_runs.c - lis runs: the record of report runs (lis.run) with their
 * deliveries (lis.delivery). A run that died without finishing (kill -9, a
 * crash) is marked failed first, once its session no longer holds its lock.
 */
#include "cli.h"
#include "run_record.h"
#include "show_out.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: lis runs [--kind K] [--period P] [--format table|csv|json]\n"
    "\n"
    "Lists the report runs, oldest first: id, kind, period, parameters, when it\n"
    "started (the database server's time), how long it took (seconds), status\n"
    "(ok, failed, running), the error, the number of files, the output folder,\n"
    "and each delivery of the run with its outcome (TARGET: ok|failed (DETAIL)).\n"
    "A run recorded as running whose process is gone (killed, crashed) is marked\n"
    "failed first: \"the run stopped without finishing\".\n"
    "\n"
    "Options:\n"
    "  --kind K      only runs of kind K: monthly, quarterly, status, annual, or\n"
    "                rollup, demo (without --kind: every report run, not the\n"
    "                rollups)\n"
    "  --period P    only runs of period P (2026-03, 2026-Q3, 2026-YTD-06, 2026)\n"
    "  --format F    table (default), csv (separated by ';') or json (an array of\n"
    "                objects; parameters and deliveries as JSON)\n"
    "\n"
    "Exit status: 0 ok, 1 usage, 3 database.\n";

/* The columns of queries/runs_list.sql. */
enum {
    R_ID,
    R_KIND,
    R_PERIOD,
    R_PARAMS,
    R_STARTED,
    R_DURATION,
    R_STATUS,
    R_ERROR,
    R_FILES,
    R_FOLDER,
    R_DELIVERIES,
    R_DELIVERIES_JSON
};

static const lis_out_col text_cols[] = {
    {"run_id", "kørsel", R_ID, LIS_COL_TEXT, 0, 0},
    {"kind", "art", R_KIND, LIS_COL_TEXT, 0, 0},
    {"period", "periode", R_PERIOD, LIS_COL_TEXT, 0, 0},
    {"parameters", "parametre", R_PARAMS, LIS_COL_TEXT, 0, 0},
    {"started", "startet", R_STARTED, LIS_COL_TEXT, 0, 0},
    {"duration_s", "sekunder", R_DURATION, LIS_COL_TEXT, 0, 0},
    {"status", "status", R_STATUS, LIS_COL_TEXT, 0, 0},
    {"error", "fejl", R_ERROR, LIS_COL_TEXT, 0, 0},
    {"files", "filer", R_FILES, LIS_COL_TEXT, 0, 0},
    {"folder", "mappe", R_FOLDER, LIS_COL_TEXT, 0, 0},
    {"deliveries", "leveringer", R_DELIVERIES, LIS_COL_TEXT, 0, 0},
};

static const lis_out_col json_cols[] = {
    {"run_id", "", R_ID, LIS_COL_NUMBER, 0, 0},
    {"kind", "", R_KIND, LIS_COL_TEXT, 0, 0},
    {"period", "", R_PERIOD, LIS_COL_TEXT, 0, 0},
    {"parameters", "", R_PARAMS, LIS_COL_JSON, 0, 0},
    {"started", "", R_STARTED, LIS_COL_TEXT, 0, 0},
    {"duration_s", "", R_DURATION, LIS_COL_NUMBER, 0, 0},
    {"status", "", R_STATUS, LIS_COL_TEXT, 0, 0},
    {"error", "", R_ERROR, LIS_COL_TEXT, 0, 0},
    {"files", "", R_FILES, LIS_COL_NUMBER, 0, 0},
    {"folder", "", R_FOLDER, LIS_COL_TEXT, 0, 0},
    {"deliveries", "", R_DELIVERIES_JSON, LIS_COL_JSON, 0, 0},
};

static const char *const kinds[] = {"monthly", "quarterly", "status",
                                    "annual",  "rollup",    "demo"};

int
cmd_runs(int argc, char **argv, lis_cli *cli)
{
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    const char *kind = NULL, *period = NULL, *format = "table";
    for (int i = 1; i < argc; i++) {
        const char *v;
        if ((v = lis_cli_option(argc, argv, &i, "--kind")) != NULL)
            kind = v;
        else if ((v = lis_cli_option(argc, argv, &i, "--period")) != NULL)
            period = v;
        else if ((v = lis_cli_option(argc, argv, &i, "--format")) != NULL)
            format = v;
        else
            return lis_cli_usage_error(usage, "unknown argument \"%s\"", argv[i]);
    }
    int fmt = lis_out_parse(format);
    if (fmt < 0)
        return lis_cli_usage_error(
            usage, "--format must be table, csv or json, not \"%s\"", format);
    if (kind) {
        size_t k = 0;
        while (k < sizeof kinds / sizeof *kinds && strcmp(kinds[k], kind) != 0)
            k++;
        if (k == sizeof kinds / sizeof *kinds)
            return lis_cli_usage_error(usage, "unknown kind of run \"%s\"", kind);
    }
    if (period && !period[0])
        return lis_cli_usage_error(usage, "--period needs a period");

    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);
    lis_error stale = {0};
    if (lis_run_mark_stale(conn, NULL, &stale) != LIS_OK)
        lis_cli_warn("could not mark runs that stopped without finishing: %s", stale.msg);
    const char *params[2] = {kind, period};
    PGresult *res = lis_db_query(conn, "queries/runs_list.sql", 2, params, &err);
    if (res == NULL) {
        PQfinish(conn);
        return lis_cli_fail(&err);
    }
    if (fmt == LIS_OUT_JSON)
        lis_out_print(stdout, res, json_cols, (int)(sizeof json_cols / sizeof *json_cols),
                      LIS_OUT_JSON);
    else
        lis_out_print(stdout, res, text_cols, (int)(sizeof text_cols / sizeof *text_cols),
                      (lis_out_format)fmt);
    PQclear(res);
    PQfinish(conn);
    return LIS_OK;
}
