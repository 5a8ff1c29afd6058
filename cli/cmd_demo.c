/*
 * cmd_demo.c - lis demo: a sample municipality end to end. Generates the
 * synthetic municipality's input files (demo/synth.h), imports them through
 * the connectors' import function (the same code as "lis import"), rolls the
 * year up, runs the framework check and prints a summary.
 *
 * Repeating "lis demo" on the same database is safe: the generator is
 * deterministic, so the same scale gives the same files, and importing a file
 * whose SHA-256 already landed is a no-op. With another --scale the earlier
 * demo budget batches are withdrawn first, so budget lines never add up twice.
 */
#include "cli.h"
#include "db.h"
#include "mem.h"
#include "migrate.h"
#include "rollup.h"
#include "rollup_format.h"
#include "synth.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvread.h"
#include "import.h"

#define DEMO_YEAR 2026
#define DEMO_SEED 2026u

static const char usage[] =
    "usage: lis demo [--out DIR] [--scale K] [--files-only]\n"
    "\n"
    "Builds a synthetic municipality (112 agreement holders at scale 1, with\n"
    "the SPEC's worked example as agreement UA-EKS), writes its input files in\n"
    "the native format to DIR/input (default: out/demo/input), imports them\n"
    "into the database lis uses (by default its own embedded PostgreSQL, set\n"
    "up on first use), computes the year 2026, writes the reports of the latest\n"
    "month to DIR/reports (the monthly workbooks, PDFs and charts, the quarterly\n"
    "dashboard, the status follow-up and the annual report) and prints a summary.\n"
    "\n"
    "  --out DIR      where the input files and reports go (default: [output] dir/demo)\n"
    "  --scale K      K times the municipality (K = 10: about 1,000 holders and\n"
    "                 1,000,000 budget lines)\n"
    "  --files-only   write the input files and stop (no database)\n"
    "\n"
    "Running it again is safe: identical files are not imported twice.\n";

static int
mkdirs(const char *path)
{
    char *p = lis_xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = mkdir(p, 0777) != 0 && errno != EEXIST ? -1 : 0;
    free(p);
    return rc;
}

static long
count_of(PGresult *res, const char *what, const char *key)
{
    for (int r = 0; r < PQntuples(res); r++)
        if (strcmp(PQgetvalue(res, r, 0), what) == 0 &&
            strcmp(PQgetvalue(res, r, 1), key) == 0)
            return atol(PQgetvalue(res, r, 2));
    return 0;
}

/* Withdraws budget batches of an earlier demo whose file differs from ours
 * (a run with another --scale): budget lines append, so they would add up. */
static lis_status
withdraw_old_budget(PGconn *conn, const char *path, lis_error *err)
{
    char sha[65];
    if (lis_file_sha256(path, sha, err) != LIS_OK)
        return err->code;
    const char *p[] = {path, sha};
    PGresult *res =
        lis_db_query_text(conn,
                          "SELECT batch_id FROM import_batch WHERE kind = 'budget'"
                          " AND file_name = $1 AND sha256 <> $2"
                          " AND withdrawn_at IS NULL",
                          2, p, err);
    if (res == NULL)
        return LIS_DB;
    for (int r = 0; r < PQntuples(res); r++) {
        long rows = 0;
        if (lis_import_batch_rm(conn, atoll(PQgetvalue(res, r, 0)), NULL, &rows, err) !=
            LIS_OK) {
            PQclear(res);
            return err->code;
        }
    }
    PQclear(res);
    return LIS_OK;
}

int
cmd_demo(int argc, char **argv, lis_cli *cli)
{
    const char *out_dir = NULL;
    int scale = 1;
    bool files_only = false;

    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            out_dir = argv[++i];
        else if (strncmp(argv[i], "--out=", 6) == 0)
            out_dir = argv[i] + 6;
        else if ((strcmp(argv[i], "--scale") == 0 && i + 1 < argc) ||
                 strncmp(argv[i], "--scale=", 8) == 0) {
            const char *v = argv[i][7] == '=' ? argv[i] + 8 : argv[++i];
            char *end;
            long k = strtol(v, &end, 10);
            if (end == v || *end || k < 1 || k > 100)
                return lis_cli_usage_error(
                    usage, "--scale must be a whole number 1..100, not \"%s\"", v);
            scale = (int)k;
        } else if (strcmp(argv[i], "--files-only") == 0)
            files_only = true;
        else
            return lis_cli_usage_error(usage, "unknown argument \"%s\"", argv[i]);
    }

    lis_error err = {0};
    int rc = LIS_OK;
    char *base =
        out_dir ? lis_xstrdup(out_dir) : lis_xasprintf("%s/demo", cli->cfg.out_dir);
    char *input = lis_xasprintf("%s/input", base);
    if (mkdirs(input) != 0) {
        lis_error_set(&err, LIS_OUTPUT, "could not create \"%s\": %s", input,
                      strerror(errno));
        rc = lis_cli_fail(&err);
        goto done;
    }
    char *abs_input = realpath(input, NULL);
    if (abs_input) {
        free(input);
        input = abs_input;
    }
    lis_synth_stats ss;
    if (lis_synth_write(input, scale, DEMO_SEED, DEMO_YEAR, &ss, &err) != LIS_OK) {
        rc = lis_cli_fail(&err);
        goto done;
    }
    printf("lis demo: a sample municipality, end to end\n\n");
    printf(
        "Input files:   %s/ (%d files in the native format: UTF-8, ';', decimal comma)\n",
        input, LIS_SYNTH_NKINDS);
    printf(
        "               %ld agreements, %ld goals, %ld measurements, %ld budget lines\n",
        ss.agreements, ss.goals, ss.measurements, ss.budget_lines);
    if (files_only) {
        rc = LIS_OK;
        goto done;
    }

    /* The demo sets its database up like "lis db init" would. */
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_ANY, &err);
    if (conn == NULL || lis_migrate(conn, NULL, &err) != LIS_OK) {
        PQfinish(conn);
        rc = lis_cli_fail(&err);
        goto done;
    }
    const char *conninfo;
    printf("Database:      %s\n",
           lis_db_source_str(lis_db_choose(cli->db, &cli->cfg, &conninfo)));

    long landed = 0, skipped = 0, rows = 0;
    for (int k = 0; k < LIS_SYNTH_NKINDS && rc == LIS_OK; k++) {
        char *path = lis_xasprintf("%s/%s.csv", input, lis_synth_kinds[k]);
        lis_import_options opt = {0};
        opt.config_path = cli->config_path;
        lis_import_result ir;
        lis_import_result_init(&ir);
        if (strcmp(lis_synth_kinds[k], "budget") == 0 &&
            withdraw_old_budget(conn, path, &err) != LIS_OK)
            rc = err.code;
        if (rc == LIS_OK &&
            lis_import_file(conn, lis_synth_kinds[k], path, &opt, &ir, &err) != LIS_OK) {
            for (long e = 0; e < ir.nerrors && e < LIS_IMPORT_MAX_SHOWN; e++)
                fprintf(stderr, "%s\n", ir.errors[e]);
            if (err.code == LIS_OK)
                lis_error_set(&err, LIS_INPUT, "could not import \"%s\"", path);
            rc = err.code;
        } else if (rc == LIS_OK) {
            if (ir.duplicate)
                skipped++;
            else
                landed++;
            rows += ir.rows_loaded;
        }
        lis_import_result_release(&ir);
        free(path);
    }
    if (rc != LIS_OK) {
        PQfinish(conn);
        rc = lis_cli_fail(&err);
        goto done;
    }
    if (landed == 0)
        printf("Imported:      nothing new (the same files were imported before)\n");
    else
        printf("Imported:      %ld files, %ld rows%s\n", landed, rows,
               skipped ? " (the others were imported before)" : "");

    lis_rollup_stats rs;
    if (lis_rollup_year(conn, &cli->cfg, DEMO_YEAR, &rs, &err) != LIS_OK) {
        PQfinish(conn);
        rc = lis_cli_fail(&err);
        goto done;
    }
    printf("Rolled up:     %d in %.2f s (%ld agreements x 29 windows)\n\n", DEMO_YEAR,
           rs.seconds, rs.agreements);

    /* the latest month with data */
    char ys[16], mw[32], tw[32];
    snprintf(ys, sizeof ys, "%d", DEMO_YEAR);
    const char *p1[] = {ys};
    PGresult *res = lis_db_query_text(
        conn,
        "SELECT coalesce(max(last_month), 12) FROM measurement"
        " WHERE year = $1 AND value IS NOT NULL AND first_month = last_month",
        1, p1, &err);
    int month = res ? atoi(PQgetvalue(res, 0, 0)) : 12;
    PQclear(res);
    snprintf(mw, sizeof mw, "%d-%02d", DEMO_YEAR, month);
    snprintf(tw, sizeof tw, "%d-YTD-%02d", DEMO_YEAR, month);
    const char *p3[] = {ys, mw, tw};
    res = lis_db_query(conn, "queries/demo_summary.sql", 3, p3, &err);
    if (res == NULL) {
        PQfinish(conn);
        rc = lis_cli_fail(&err);
        goto done;
    }
    static const char *const st[] = {"green", "yellow", "red", "grey", "not_due"};
    printf("Agreements %d: %ld (%ld level 1: direktion - fagchef, %ld level 2: fagchef - "
           "leader)\n",
           DEMO_YEAR, count_of(res, "agreements", "1") + count_of(res, "agreements", "2"),
           count_of(res, "agreements", "1"), count_of(res, "agreements", "2"));
    printf("Goals in %s (latest month with data), by status:\n  ", mw);
    for (int s = 0; s < 5; s++)
        printf(" %s %ld%s", lis_rollup_status_da(st[s]), count_of(res, "goal", st[s]),
               s < 4 ? "," : "\n");
    printf("Economy, January to %s (forecast against annual budget), by status:\n  ", mw);
    for (int s = 0; s < 4; s++)
        printf(" %s %ld%s", s == 3 ? "intet budget" : lis_rollup_status_da(st[s]),
               count_of(res, "economy", st[s]), s < 3 ? "," : "\n");
    PQclear(res);

    char mn[16], mx[16], cc[16];
    snprintf(mn, sizeof mn, "%d", cli->cfg.own_goals_min);
    snprintf(mx, sizeof mx, "%d", cli->cfg.own_goals_max);
    snprintf(cc, sizeof cc, "%d", cli->cfg.cross_cutting_min);
    const char *pc[] = {mn, mx, cc};
    res = lis_db_query(conn, "queries/check_findings.sql", 3, pc, &err);
    if (res == NULL) {
        PQfinish(conn);
        rc = lis_cli_fail(&err);
        goto done;
    }
    printf("Framework check: %d finding%s (\"lis check\" lists them)\n\n", PQntuples(res),
           PQntuples(res) == 1 ? "" : "s");
    PQclear(res);
    PQfinish(conn);

    /* The reports, written by "lis run" itself: the monthly follow-up of
     * the latest month, the direktion's dashboard of its quarter, the
     * status follow-up and the annual report. */
    char *reports = lis_xasprintf("%s/reports", base);
    char qw[32];
    snprintf(qw, sizeof qw, "%d-Q%d", DEMO_YEAR, (month + 2) / 3);
    char *runs[][7] = {
        {"run", "monthly", "--period", mw, "--out", reports, NULL},
        {"run", "quarterly", "--period", qw, "--out", reports, NULL},
        {"run", "status", "--year", ys, "--out", reports, NULL},
        {"run", "annual", "--year", ys, "--out", reports, NULL},
    };
    printf("Reports:\n");
    fflush(stdout);
    for (size_t r = 0; r < sizeof runs / sizeof *runs && rc == LIS_OK; r++) {
        printf("  ");
        fflush(stdout);
        rc = cmd_run(6, runs[r], cli);
    }
    free(reports);
    if (rc != LIS_OK)
        goto done;
    printf("\n");

    char l1[64], l2[64], l3[64];
    snprintf(l1, sizeof l1, "lis show attainment --period %s --agreement UA-EKS",
             "2026-03");
    snprintf(l2, sizeof l2, "lis show attainment --period %s", mw);
    snprintf(l3, sizeof l3, "lis show economy --period %d-Q1 --format csv", DEMO_YEAR);
    printf(
        "Next:\n  %-56s the worked example of the SPEC\n  %-56s every goal, one month\n"
        "  %-56s machine-readable\n  %-56s the framework check\n"
        "  %-56s your own data\n",
        l1, l2, l3, "lis check", "lis import KIND FILE...");
done:
    free(input);
    free(base);
    return rc;
}
