/*
 * cmd_show.c - lis show attainment|economy|transfers: prints the stored
 * rollup figures of one window or a whole year (SPEC section 5), bringing the
 * stored rollup up to date first when the data changed since it ran.
 */
#include "cli.h"
#include "cli_year.h"
#include "labels.h"
#include "mem.h"
#include "period.h"
#include "rollup.h"
#include "show_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: lis show attainment|economy|transfers --period P | --year Y\n"
    "                [--agreement ID] [--format table|csv|json|xlsx] [--output FILE]\n"
    "                [--as-of-batch N]\n"
    "\n"
    "Prints the figures of the rollup engine for window P (2026-03, 2026-Q1,\n"
    "2026, 2026-YTD-03) or for every window of year Y. --period previous is\n"
    "the month before today, --year previous the year before (current: today's\n"
    "month or year), in Copenhagen time.\n"
    "\n"
    "  attainment  per agreement, goal and indicator: actual, target,\n"
    "              attainment (%) and status; one row per goal with the goal\n"
    "              attainment (empty indicator)\n"
    "  economy     per agreement: annual budget, budget, actual, consumption %,\n"
    "              expected %, deviation, forecast and status\n"
    "  transfers   transfers dated in the window with their flags and verdict\n"
    "\n"
    "  --agreement ID   only this agreement (transfers: touching its cost centres)\n"
    "  --format F       table (default; Danish number format, rounded),\n"
    "                   csv (';', decimal point, unrounded), json, or xlsx: the\n"
    "                   csv's rows in a workbook (numbers as numbers, statuses\n"
    "                   coloured, frozen header, autofilter)\n"
    "  --output FILE    write to FILE (replaced whole, never left half-written)\n"
    "                   instead of stdout; xlsx refuses to write to a terminal\n"
    "  --as-of-batch N  the figures as they were when batch N landed (as \"lis run\n"
    "                   --as-of-batch\" computes them); the stored rollup is not\n"
    "                   touched\n"
    "\n"
    "Rows come in a stable order: agreement, goal, the goal row before its\n"
    "indicators, then windows in calendar order (by end month; month, quarter,\n"
    "year-to-date, year). If data was imported since the last \"lis rollup\",\n"
    "the year is rolled up again first.\n";

static const lis_out_col attainment_cols[] = {
    {"agreement_id", "aftale", 0, LIS_COL_TEXT, 0, 0},
    {"goal_id", "mål", 1, LIS_COL_TEXT, 0, 0},
    {"indicator_id", "indikator", 2, LIS_COL_TEXT, 0, 0},
    {"period", "periode", 3, LIS_COL_TEXT, 0, 0},
    {"actual", "faktisk", 4, LIS_COL_NUMBER, -1, 8},
    {"target", "mål_værdi", 5, LIS_COL_NUMBER, -1, 8},
    {"attainment", "målopfyldelse %", 6, LIS_COL_NUMBER, 1, 0},
    {"status", "status", 7, LIS_COL_STATUS, 0, 0},
};

static const lis_out_col economy_cols[] = {
    {"agreement_id", "aftale", 0, LIS_COL_TEXT, 0, 0},
    {"period", "periode", 1, LIS_COL_TEXT, 0, 0},
    {"annual_budget", "årsbudget", 2, LIS_COL_NUMBER, 2, 0},
    {"budget", "budget", 3, LIS_COL_NUMBER, 2, 0},
    {"actual", "forbrug", 4, LIS_COL_NUMBER, 2, 0},
    {"consumption_pct", "forbrug %", 5, LIS_COL_NUMBER, 1, 0},
    {"expected_pct", "forventet %", 6, LIS_COL_NUMBER, 1, 0},
    {"deviation", "afvigelse", 7, LIS_COL_NUMBER, 2, 0},
    {"forecast", "forventet regnskab", 8, LIS_COL_NUMBER, 2, 0},
    {"status", "status", 9, LIS_COL_STATUS, 0, 0},
};

static const lis_out_col transfer_cols[] = {
    {"transfer_id", "omplacering", 0, LIS_COL_TEXT, 0, 0},
    {"date", "dato", 1, LIS_COL_DATE, 0, 0},
    {"from_cost_centre", "fra omk.sted", 2, LIS_COL_TEXT, 0, 0},
    {"from_function", "fra funktion", 3, LIS_COL_TEXT, 0, 0},
    {"to_cost_centre", "til omk.sted", 4, LIS_COL_TEXT, 0, 0},
    {"to_function", "til funktion", 5, LIS_COL_TEXT, 0, 0},
    {"amount", "beløb", 6, LIS_COL_NUMBER, 2, 0},
    {"cross_policy_area", "på tværs af politikområder", 7, LIS_COL_TEXT, 0, 0},
    {"cross_service_frame", "på tværs af serviceramme", 8, LIS_COL_TEXT, 0, 0},
    {"within_agreement", "inden for aftale", 9, LIS_COL_TEXT, 0, 0},
    {"verdict", "vurdering", 10, LIS_COL_VERDICT, 0, 0},
    {"flags", "markeringer", 11, LIS_COL_TEXT, 0, 0},
};

/* lis_cli_option, with a missing value flagged in *bad. */
static const char *
opt(int argc, char **argv, int *i, const char *name, bool *bad)
{
    const char *v = lis_cli_option(argc, argv, i, name);
    if (v != NULL && v[0] == '\0') {
        *bad = true;
        return NULL;
    }
    return v;
}

int
cmd_show(int argc, char **argv, lis_cli *cli)
{
    const char *what = NULL, *period = NULL, *year_text = NULL, *agreement = NULL;
    const char *as_of = NULL;
    const char *output = NULL;
    int fmt = LIS_OUT_TABLE;

    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    for (int i = 1; i < argc; i++) {
        bool bad = false;
        const char *v;
        if ((v = opt(argc, argv, &i, "--period", &bad)) != NULL)
            period = v;
        else if ((v = opt(argc, argv, &i, "--year", &bad)) != NULL)
            year_text = v;
        else if ((v = opt(argc, argv, &i, "--agreement", &bad)) != NULL)
            agreement = v;
        else if ((v = opt(argc, argv, &i, "--as-of-batch", &bad)) != NULL)
            as_of = v;
        else if ((v = opt(argc, argv, &i, "--output", &bad)) != NULL)
            output = v;
        else if ((v = opt(argc, argv, &i, "--format", &bad)) != NULL) {
            fmt = strcmp(v, "xlsx") == 0 ? LIS_OUT_XLSX : lis_out_parse(v);
            if (fmt < 0)
                return lis_cli_usage_error(
                    usage, "unknown format \"%s\" (table, csv, json or xlsx)", v);
        } else if (bad)
            return lis_cli_usage_error(usage, "%s needs a value", argv[i]);
        else if (argv[i][0] == '-' || what != NULL)
            return lis_cli_usage_error(usage, "unknown argument \"%s\"", argv[i]);
        else
            what = argv[i];
    }
    if (what == NULL)
        return lis_cli_usage_error(usage,
                                   "lis show needs attainment, economy or transfers");
    if (strcmp(what, "attainment") != 0 && strcmp(what, "economy") != 0 &&
        strcmp(what, "transfers") != 0)
        return lis_cli_usage_error(
            usage, "unknown figures \"%s\" (attainment, economy or transfers)", what);
    if ((period == NULL) == (year_text == NULL))
        return lis_cli_usage_error(usage, "give either --period or --year");
    if (fmt == LIS_OUT_XLSX && output == NULL && isatty(STDOUT_FILENO))
        return lis_cli_usage_error(usage,
                                   "a workbook is not for a terminal: give --output "
                                   "FILE.xlsx or redirect stdout");

    long as_of_batch = 0;
    if (as_of) {
        char *end;
        as_of_batch = strtol(as_of, &end, 10);
        if (*end || as_of_batch < 1)
            return lis_cli_usage_error(
                usage, "--as-of-batch needs a batch id, not \"%s\"", as_of);
    }

    lis_period w;
    char wname[LIS_PERIOD_NAME_SIZE];
    int year;
    if (period) {
        if (!lis_cli_parse_window(period, LIS_MONTH, &w))
            return lis_cli_usage_error(usage,
                                       "\"%s\" is not a window (2026-03, 2026-Q1, 2026, "
                                       "2026-YTD-03, previous)",
                                       period);
        year = w.year;
        lis_period_name(&w, wname);
    } else {
        year = lis_cli_parse_year(year_text);
        if (year < 0)
            return lis_cli_usage_error(usage, "\"%s\" is not a year (e.g. 2026)",
                                       year_text);
        w.year = year;
        w.kind = LIS_YEAR;
        w.first_month = 1;
        w.last_month = 12;
    }

    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);
    int rc = LIS_OK;
    PGresult *res = NULL;
    char ys[16], fm[8], lm[8];
    snprintf(ys, sizeof ys, "%d", year);
    snprintf(fm, sizeof fm, "%d", w.first_month);
    snprintf(lm, sizeof lm, "%d", w.last_month);

    char fp[33];
    if (as_of_batch) {
        /* the data as of the batch, in a transaction rolled back at the end */
        if (lis_db_exec(conn, "BEGIN", &err) != LIS_OK ||
            lis_rollup_as_of(conn, &cli->cfg, year, as_of_batch, fp, &err) != LIS_OK)
            goto fail;
    }
    if (agreement) {
        const char *p[] = {agreement};
        res = lis_db_query(conn, "queries/show_agreement.sql", 1, p, &err);
        if (res == NULL)
            goto fail;
        if (PQntuples(res) == 0) {
            lis_error_set(&err, LIS_INPUT, "agreement \"%s\" does not exist", agreement);
            goto fail;
        }
        PQclear(res);
        res = NULL;
    }
    if (!as_of_batch && lis_rollup_ensure(conn, &cli->cfg, year, NULL, &err) != LIS_OK) {
        /* A read-only role (lis_reporter) cannot roll up: show what is stored. */
        if (strcmp(err.sqlstate, "42501") != 0)
            goto fail;
        lis_cli_warn(
            "the stored figures of %d may be out of date (no permission to roll up: %s)",
            year, err.msg);
        lis_error_clear(&err);
    }

    /* The rows are read through a cursor, a chunk at a time, in one
     * snapshot with the workbook's stamp (an as-of show is in its own
     * transaction already). */
    if (!as_of_batch &&
        lis_db_exec(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", &err) !=
            LIS_OK)
        goto fail;
    const lis_out_col *cols;
    int ncols;
    lis_status declared;
    if (strcmp(what, "transfers") == 0) {
        const char *p[] = {ys, fm, lm, agreement};
        declared =
            lis_db_declare(conn, "show_rows", "queries/show_transfers.sql", 4, p, &err);
        cols = transfer_cols;
        ncols = (int)(sizeof transfer_cols / sizeof *transfer_cols);
    } else {
        const char *p[] = {ys, period ? wname : NULL, agreement};
        bool att = strcmp(what, "attainment") == 0;
        declared = lis_db_declare(
            conn, "show_rows",
            att ? "queries/show_attainment.sql" : "queries/show_economy.sql", 3, p, &err);
        cols = att ? attainment_cols : economy_cols;
        ncols = att ? (int)(sizeof attainment_cols / sizeof *attainment_cols)
                    : (int)(sizeof economy_cols / sizeof *economy_cols);
    }
    if (declared != LIS_OK)
        goto fail;
    const char *lang = cli->cfg.lang ? cli->cfg.lang : "da";
    char *title = lis_xasprintf("%s %s",
                                lis_label(what[0] == 'a'   ? LIS_L_ATTAINMENT
                                          : what[0] == 'e' ? LIS_L_ECONOMY
                                                           : LIS_L_SHEET_TRANSFERS,
                                          lang),
                                period ? wname : ys);
    lis_out_doc doc = {title, period ? wname : ys, lang};
    lis_status st =
        lis_out_write(conn, "show_rows", cols, ncols, fmt, output, &doc, &err);
    free(title);
    if (st != LIS_OK)
        goto fail;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        lis_error_set(&err, LIS_OUTPUT, "could not write the output");
        goto fail;
    }
    lis_db_exec(conn, "ROLLBACK", NULL);
    PQfinish(conn);
    return rc;

fail:
    PQclear(res);
    PQfinish(conn);
    return lis_cli_fail(&err);
}
