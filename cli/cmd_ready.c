/*
 * cmd_ready.c - lis ready --period P: has the data of window P arrived?
 * Prints what has landed and what is missing (engine/ready.h), exits 0 when
 * nothing is missing and 2 when something is, with a one-line summary on
 * stderr.
 */
#include "cli.h"
#include "cli_year.h"
#include "mem.h"
#include "period.h"
#include "ready.h"
#include "run.h"
#include "show_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: lis ready --period P [--format table|csv|json]\n"
    "\n"
    "Says whether the data of window P (a month 2026-03, a quarter 2026-Q1,\n"
    "the year 2026, year to date 2026-YTD-03, or previous/current: the month\n"
    "before or holding today in Copenhagen) has arrived: the newest batch\n"
    "of each kind with its date, the months of P with budget lines, and what is\n"
    "missing:\n"
    "  - for every agreement of P's year and every indicator with a target row\n"
    "    of that year in its goals (shared goals too), each period of the\n"
    "    indicator's frequency inside P (each month of a monthly indicator, each\n"
    "    whole quarter of a quarterly one, the year of a yearly one only when P\n"
    "    is the year) in which no unit of the agreement (the holder and its\n"
    "    descendants) has a measurement. A row without a value (an empty or\n"
    "    \"..\" cell) counts as arrived. A ratio indicator needs its numerator\n"
    "    and its denominator.\n"
    "  - each month of P with no monthly budget line at all (yearly lines are\n"
    "    the plan, not the month's postings);\n"
    "  - when P has budget lines: per agreement, the cost centres of its units\n"
    "    that have budget lines in the year but none in P.\n"
    "\n"
    "  --format F  table (default), csv, json\n"
    "\n"
    "csv prints one row per missing item, after the header line\n"
    "  agreement_id;goal_id;indicator_id;period;missing\n"
    "where missing is\n"
    "  measurement              no measurement of the indicator in period\n"
    "  numerator, denominator   the part of a ratio indicator with none\n"
    "  budget_month             no budget line in month period (agreement,\n"
    "                           goal and indicator empty)\n"
    "  budget_cost_centre:CC    cost centre CC of the agreement has no budget\n"
    "                           line in P (period is P; goal, indicator empty)\n"
    "json prints {\"period\", \"batches\", \"budget_months\", \"missing\"}.\n"
    "\n"
    "Exit status: 0 nothing missing, 2 something missing (a one-line summary on\n"
    "stderr), 1 usage, 3 database.\n";

static void
print_csv(const lis_ready *r)
{
    puts("agreement_id;goal_id;indicator_id;period;missing");
    for (size_t i = 0; i < r->n_missing; i++) {
        const lis_ready_item *it = &r->missing[i];
        const char *f[5] = {it->agreement_id, it->goal_id, it->indicator_id, it->period,
                            it->missing};
        for (int k = 0; k < 5; k++) {
            if (k)
                putchar(';');
            lis_out_csv_field(stdout, f[k]);
        }
        putchar('\n');
    }
}

static void
print_json(const lis_ready *r)
{
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_adds(&b, "{\n  \"period\": ");
    lis_run_json_string(&b, r->period);
    lis_buf_adds(&b, ",\n  \"batches\": [");
    for (size_t i = 0; i < r->n_batches; i++) {
        lis_buf_adds(&b, i ? ",\n    {\"kind\": " : "\n    {\"kind\": ");
        lis_run_json_string(&b, r->batches[i].kind);
        lis_buf_addf(&b, ", \"batch_id\": %ld, \"file\": ", r->batches[i].batch_id);
        lis_run_json_string(&b, r->batches[i].file);
        lis_buf_adds(&b, ", \"finished\": ");
        lis_run_json_string(&b, r->batches[i].finished);
        lis_buf_addc(&b, '}');
    }
    lis_buf_adds(&b, r->n_batches ? "\n  ],\n  \"budget_months\": ["
                                  : "],\n  \"budget_months\": [");
    for (size_t i = 0; i < r->n_months; i++) {
        lis_buf_adds(&b, i ? ",\n    {\"period\": " : "\n    {\"period\": ");
        lis_run_json_string(&b, r->months[i].period);
        lis_buf_addf(&b, ", \"lines\": %ld}", r->months[i].lines);
    }
    lis_buf_adds(&b, r->n_months ? "\n  ],\n  \"missing\": " : "],\n  \"missing\": ");
    char *missing = lis_ready_missing_json(r);
    lis_buf_adds(&b, missing);
    free(missing);
    lis_buf_adds(&b, "\n}\n");
    fputs(b.data, stdout);
    lis_buf_release(&b);
}

static void
print_table(const lis_ready *r)
{
    printf("Data for %s\n\nNewest batch of each kind:\n", r->period);
    if (r->n_batches == 0)
        puts("  (none)");
    for (size_t i = 0; i < r->n_batches; i++)
        printf("  %-13s %6ld  %s  %s\n", r->batches[i].kind, r->batches[i].batch_id,
               r->batches[i].finished, r->batches[i].file);
    puts("\nBudget lines per month:");
    for (size_t i = 0; i < r->n_months; i++)
        printf("  %s  %8ld%s\n", r->months[i].period, r->months[i].lines,
               r->months[i].lines ? "" : "  missing");
    printf("\nMissing: %zu\n", r->n_missing);
    if (r->n_missing)
        printf("  %-16s %-16s %-20s %-10s %s\n", "agreement", "goal", "indicator",
               "period", "missing");
    for (size_t i = 0; i < r->n_missing; i++) {
        const lis_ready_item *it = &r->missing[i];
        printf("  %-16s %-16s %-20s %-10s %s\n", it->agreement_id, it->goal_id,
               it->indicator_id, it->period, it->missing);
    }
}

int
cmd_ready(int argc, char **argv, lis_cli *cli)
{
    const char *period = NULL;
    int fmt = LIS_OUT_TABLE;
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    for (int i = 1; i < argc; i++) {
        const char *v;
        if ((v = lis_cli_option(argc, argv, &i, "--period")) != NULL) {
            if (!v[0])
                return lis_cli_usage_error(usage, "--period needs a window");
            period = v;
        } else if ((v = lis_cli_option(argc, argv, &i, "--format")) != NULL) {
            fmt = lis_out_parse(v);
            if (fmt < 0)
                return lis_cli_usage_error(
                    usage, "unknown format \"%s\" (table, csv or json)", v);
        } else
            return lis_cli_usage_error(usage, "unknown argument \"%s\"", argv[i]);
    }
    if (period == NULL)
        return lis_cli_usage_error(usage, "lis ready needs --period");
    lis_period w;
    if (!lis_cli_parse_window(period, LIS_MONTH, &w))
        return lis_cli_usage_error(usage,
                                   "\"%s\" is not a window (2026-03, 2026-Q1, 2026, "
                                   "2026-YTD-03, previous, current)",
                                   period);

    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);
    lis_ready *r = lis_ready_check(conn, &w, &err);
    PQfinish(conn);
    if (r == NULL)
        return lis_cli_fail(&err);
    if (fmt == LIS_OUT_CSV)
        print_csv(r);
    else if (fmt == LIS_OUT_JSON)
        print_json(r);
    else
        print_table(r);
    int rc = LIS_OK;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        lis_error_set(&err, LIS_OUTPUT, "could not write the output");
        rc = lis_cli_fail(&err);
    } else if (r->n_missing) {
        fprintf(stderr,
                "lis ready: %s: %zu missing (%zu measurement periods, %zu budget "
                "months, %zu cost centres)\n",
                r->period, r->n_missing, r->n_measurements, r->n_budget_months,
                r->n_cost_centres);
        rc = LIS_INPUT;
    } else {
        fprintf(stderr, "lis ready: %s: all data has arrived\n", r->period);
    }
    lis_ready_free(r);
    return rc;
}
