/*
 * xlsx_bench.c - lis-xlsx-bench: how fast and in how much memory the xlsx
 * renderer writes a monthly workbook whose Data sheet holds N measurements
 * (default 1,000,000), in libxlsxwriter's constant-memory mode.
 *
 *   lis-xlsx-bench [N...]      prints, per N: seconds, file size, the
 *                              resident memory of the model and the growth
 *                              of the peak while writing
 *   lis-xlsx-bench --stream [N...]
 *                              the same with the rows in the database and
 *                              streamed to the sheet as lis run does it
 *                              (lis_rm_data_stream): LIS_DB names a database
 *                              where "lis db init" ran and
 *                              tests/fixtures/report_small.sql was loaded;
 *                              N measurements of agreement A1 are inserted
 *                              in a transaction that is rolled back
 *
 * Held in the model, the rows grow its memory with N; streamed, neither the
 * model nor the writer grows: both columns should stay flat from 10,000 to
 * 1,000,000 rows. Not a test; see bench/README.md.
 */
#include "db.h"
#include "mem.h"
#include "report.h"
#include "xlsx.h"

#include <libpq-fe.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long
status_kb(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    size_t n = strlen(key);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, key, n) == 0)
            kb = strtol(line + n + 1, NULL, 10);
    if (f)
        fclose(f);
    return kb;
}

/* Resets the peak (VmHWM) to the current RSS (Linux >= 4.0). */
static void
reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (f) {
        fputs("5", f);
        fclose(f);
    }
}

static lis_report *
model(size_t n)
{
    lis_report *r = lis_xcalloc(1, sizeof *r);
    r->year = 2026;
    r->month = 12;
    r->stamp.period = lis_xstrdup("2026-12");
    r->stamp.newest_batch = 1;
    r->stamp.data_as_of = lis_xstrdup("2027-01-05");
    r->stamp.run_id = 1;
    r->stamp.lang = lis_xstrdup("da");
    r->agreements = lis_xcalloc(1, sizeof *r->agreements);
    r->n_agreements = 1;
    lis_rm_agreement *a = &r->agreements[0];
    a->agreement_id = lis_xstrdup("BENCH");
    a->name = lis_xstrdup("Benchmark");
    a->status = lis_xstrdup("godkendt");
    a->year = 2026;
    a->holder_unit = lis_xstrdup("U");
    a->grantor_unit = lis_xstrdup("D");
    a->goals = lis_xcalloc(1, sizeof *a->goals);
    lis_rm_economy *e = &a->economy;
    for (int m = 0; m < 12; m++) {
        e->budget[m] = 100000;
        e->actual[m] = 95000;
        e->cum_budget[m] = 100000.0 * (m + 1);
        e->cum_actual[m] = 95000.0 * (m + 1);
        e->consumption_pct[m] = 95.0 * (m + 1) / 12;
        e->expected_pct[m] = 100.0 * (m + 1) / 12;
        e->deviation[m] = -5000.0 * (m + 1);
        e->forecast[m] = 1140000;
        e->status[m] = LIS_LIGHT_GREEN;
    }
    e->has_budget = true;
    e->annual_budget = 1200000;
    a->data = lis_xcalloc(n ? n : 1, sizeof *a->data);
    a->n_data = n;
    for (size_t i = 0; i < n; i++) {
        lis_rm_measurement *d = &a->data[i];
        d->indicator_id = lis_xasprintf("IND%03zu", i % 500);
        d->unit_id = lis_xasprintf("%05zu", i / 12 % 100000);
        d->unit_name = lis_xasprintf("Institution %zu", i / 12 % 100000);
        d->period = lis_xasprintf("2026-%02zu", i % 12 + 1);
        d->value = (double)(i % 997) * 1.5;
        d->batch_id = 1 + (long)(i % 7);
        d->batch_file = lis_xstrdup("maalinger.csv");
        d->measure_unit = lis_xstrdup("antal");
    }
    return r;
}

/* The model of agreement A1 of the fixture with n measurements of I1 in the
 * database (n / 12 institutions under SKO1, 12 months each), its Data rows
 * streamed on conn; NULL on a database error (printed). */
static lis_report *
stream_model(PGconn *conn, size_t n)
{
    char rows[32];
    snprintf(rows, sizeof rows, "%zu", n);
    const char *params[1] = {rows};
    lis_error err = {0};
    PGresult *res = lis_db_query_text(
        conn,
        "INSERT INTO lis.unit (unit_id, name, parent_id, kind, leader, batch_id)"
        " SELECT 'B' || g, 'Institution ' || g, 'SKO1', 'institution', NULL, 1"
        " FROM generate_series(0, ($1::bigint - 1) / 12) g",
        1, params, &err);
    PQclear(res);
    if (res)
        res = lis_db_query_text(
            conn,
            "INSERT INTO lis.measurement (indicator_id, unit_id, period, year,"
            " first_month, last_month, value, batch_id)"
            " SELECT 'I1', 'B' || (k / 12), '2026-' || lpad((k % 12 + 1)::text, 2, '0'),"
            " 2026, k % 12 + 1, k % 12 + 1, (k % 997) * 1.5, 2"
            " FROM generate_series(0, $1::bigint - 1) k",
            1, params, &err);
    PQclear(res);
    if (res) /* as after an import */
        res = lis_db_query_text(conn, "ANALYZE lis.unit, lis.measurement", 0, NULL, &err);
    PQclear(res);
    lis_period w = {2026, LIS_MONTH, 12, 12};
    const char *ids[1] = {"A1"};
    lis_report *r =
        res ? lis_report_load_parts(conn, NULL, 2026, &w, ids, 1, 0, &err) : NULL;
    lis_rm_data_stream *ds =
        r ? lis_rm_data_stream_open(conn, NULL, 2026, 12, &err) : NULL;
    if (ds == NULL) {
        fprintf(stderr, "lis-xlsx-bench: %s\n", err.msg);
        lis_report_free(r);
        return NULL;
    }
    r->agreements[0].data_stream = ds;
    return r;
}

int
main(int argc, char **argv)
{
    size_t sizes[16] = {1000000};
    int n_sizes = 1;
    PGconn *conn = NULL;
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--stream") == 0) {
        lis_error err = {0};
        const char *ci = getenv("LIS_DB");
        if ((conn = lis_db_connect(ci ? ci : "", &err)) == NULL) {
            fprintf(stderr, "lis-xlsx-bench: %s\n", err.msg);
            return 3;
        }
        first = 2;
    }
    if (argc > first) {
        n_sizes = 0;
        for (int i = first; i < argc && n_sizes < 16; i++)
            sizes[n_sizes++] = (size_t)strtoul(argv[i], NULL, 10);
    }
    char path[] = "/tmp/lis-xlsx-bench-XXXXXX.xlsx";
    int fd = mkstemps(path, 5);
    if (fd < 0)
        return 1;
    close(fd);
    printf("%10s %9s %10s %12s %16s\n", "rows", "seconds", "file MB", "model MB",
           "writer peak +MB");
    for (int k = 0; k < n_sizes; k++) {
        lis_report *r = NULL;
        if (conn == NULL)
            r = model(sizes[k]);
        else if (lis_db_exec(conn, "BEGIN", NULL) != LIS_OK ||
                 (r = stream_model(conn, sizes[k])) == NULL)
            return 3;
        reset_peak();
        long before = status_kb("VmRSS:");
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        lis_error err = {0};
        if (lis_xlsx_write_agreement(r, &r->agreements[0], path, &err) != LIS_OK) {
            fprintf(stderr, "lis-xlsx-bench: %s\n", err.msg);
            return 4;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        long peak = status_kb("VmHWM:");
        FILE *f = fopen(path, "rb");
        long size = 0;
        if (f) {
            fseek(f, 0, SEEK_END);
            size = ftell(f);
            fclose(f);
        }
        double secs =
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        printf("%10zu %9.2f %10.1f %12.1f %16.1f\n", sizes[k], secs, size / 1048576.0,
               before / 1024.0, (peak - before) / 1024.0);
        fflush(stdout);
        if (conn) {
            lis_rm_data_stream_close(r->agreements[0].data_stream);
            lis_db_exec(conn, "ROLLBACK", NULL);
        }
        lis_report_free(r);
    }
    PQfinish(conn);
    unlink(path);
    return 0;
}
