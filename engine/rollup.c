/*
 * rollup.c - runs the rollup queries of one year in one transaction and
 * records the run; see rollup.h. The figures themselves are computed by the
 * SQL in sql/queries/rollup_*.sql, never here.
 */
#include "rollup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "mem.h"

static double
now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The thresholds as SQL numeric text ("90", "1", "3"). */
static void
thresholds_text(const lis_config *cfg, char *buf, size_t size)
{
    snprintf(buf, size, "%.15g/%.15g/%.15g", cfg->yellow_pct, cfg->economy_green_pct,
             cfg->economy_yellow_pct);
}

/* Runs query NAME with params; returns its affected row count or -1. */
static long
run_query(PGconn *conn, const char *name, int n, const char *const *params,
          lis_error *err)
{
    PGresult *res = lis_db_query(conn, name, n, params, err);
    if (res == NULL)
        return -1;
    long rows = atol(PQcmdTuples(res));
    PQclear(res);
    return rows;
}

/* The fingerprint of the data and thresholds (33 bytes); false on error. */
static bool
fingerprint(PGconn *conn, const lis_config *cfg, char out[33], lis_error *err)
{
    char th[128];
    thresholds_text(cfg, th, sizeof th);
    const char *params[] = {th};
    PGresult *res = lis_db_query(conn, "queries/rollup_fingerprint.sql", 1, params, err);
    if (res == NULL)
        return false;
    snprintf(out, 33, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);
    return true;
}

static void
record_run(PGconn *conn, const lis_config *cfg, const char *year, const char *fp,
           const char *status, const char *error, const char *started)
{
    char json[512];
    snprintf(json, sizeof json,
             "{\"year\": %s, \"yellow\": %.15g, \"economy_green\": %.15g, "
             "\"economy_yellow\": %.15g, \"fingerprint\": \"%s\"}",
             year, cfg->yellow_pct, cfg->economy_green_pct, cfg->economy_yellow_pct, fp);
    const char *params[] = {year, json, status, error, started};
    lis_error ignored = {0};
    PGresult *res =
        lis_db_query(conn, "queries/rollup_run_record.sql", 5, params, &ignored);
    PQclear(res);
}

lis_status
lis_rollup_analyze(PGconn *conn, lis_error *err)
{
    PGresult *res = lis_db_query(conn, "queries/rollup_stale_tables.sql", 0, NULL, err);
    if (res == NULL)
        return LIS_DB;
    for (int r = 0; r < PQntuples(res); r++) {
        char sql[128];
        snprintf(sql, sizeof sql, "ANALYZE lis.%s", PQgetvalue(res, r, 0));
        if (lis_db_exec(conn, sql, err) != LIS_OK) {
            PQclear(res);
            return LIS_DB;
        }
    }
    PQclear(res);
    return LIS_OK;
}

static lis_status lock_year(PGconn *conn, const char *ys, lis_error *err);
static lis_status compute(PGconn *conn, const lis_config *cfg, int year,
                          lis_rollup_stats *stats, lis_error *err);

lis_status
lis_rollup_year(PGconn *conn, const lis_config *cfg, int year, lis_rollup_stats *stats,
                lis_error *err)
{
    lis_rollup_stats st = {0};
    double t0 = now_seconds();
    char ys[16], fp[33] = "", started[64] = "";
    snprintf(ys, sizeof ys, "%d", year);

    PGresult *res =
        lis_db_query_text(conn, "SELECT clock_timestamp()::text", 0, NULL, err);
    if (res == NULL)
        return LIS_DB;
    snprintf(started, sizeof started, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);

    if (lis_rollup_analyze(conn, err) != LIS_OK)
        return LIS_DB;

    if (lis_db_exec(conn, "BEGIN", err) != LIS_OK)
        return LIS_DB;
    if (lock_year(conn, ys, err) != LIS_OK || !fingerprint(conn, cfg, fp, err) ||
        compute(conn, cfg, year, &st, err) != LIS_OK)
        goto fail;
    record_run(conn, cfg, ys, fp, "ok", NULL, started);
    if (lis_db_exec(conn, "COMMIT", err) != LIS_OK)
        goto fail;
    st.seconds = now_seconds() - t0;
    if (stats)
        *stats = st;
    return LIS_OK;

fail:
    lis_db_exec(conn, "ROLLBACK", NULL);
    record_run(conn, cfg, ys, fp, "failed", err ? err->msg : "rollup failed", started);
    return LIS_DB;
}

/* One rollup of a year at a time; readers keep seeing the old rows until
 * the commit. */
static lis_status
lock_year(PGconn *conn, const char *ys, lis_error *err)
{
    const char *p1[] = {ys};
    PGresult *res = lis_db_query_text(
        conn, "SELECT pg_advisory_xact_lock(hashtext('lis.rollup'), $1::int)", 1, p1,
        err);
    if (res == NULL)
        return LIS_DB;
    PQclear(res);
    return LIS_OK;
}

/* Replaces the rollup rows of the year in the caller's transaction. */
static lis_status
compute(PGconn *conn, const lis_config *cfg, int year, lis_rollup_stats *stats,
        lis_error *err)
{
    lis_rollup_stats st = {0};
    char ys[16], yellow[40], green[40], eyellow[40];
    snprintf(ys, sizeof ys, "%d", year);
    snprintf(yellow, sizeof yellow, "%.15g", cfg->yellow_pct);
    snprintf(green, sizeof green, "%.15g", cfg->economy_green_pct);
    snprintf(eyellow, sizeof eyellow, "%.15g", cfg->economy_yellow_pct);
    const char *p1[] = {ys};
    const char *p2[] = {ys, yellow};
    const char *p3[] = {ys, green, eyellow};
    /* The queries are short and set-based: JIT compilation would cost more
     * than it saves (seconds at scale 1), and sorts should stay in memory. */
    if (lis_db_exec(conn, "SET LOCAL jit = off; SET LOCAL work_mem = '256MB'", err) !=
        LIS_OK)
        return LIS_DB;
    if (run_query(conn, "queries/rollup_prepare_units.sql", 1, p1, err) < 0 ||
        run_query(conn, "queries/rollup_prepare_spread.sql", 1, p1, err) < 0 ||
        lis_db_exec(conn, "ANALYZE rollup_au; ANALYZE rollup_spread", err) != LIS_OK)
        return LIS_DB;
    if (run_query(conn, "queries/rollup_delete.sql", 1, p1, err) < 0 ||
        (st.indicator_rows =
             run_query(conn, "queries/rollup_indicator.sql", 2, p2, err)) < 0 ||
        (st.goal_rows = run_query(conn, "queries/rollup_goal.sql", 2, p2, err)) < 0 ||
        (st.economy_rows = run_query(conn, "queries/rollup_economy.sql", 3, p3, err)) <
            0 ||
        (st.area_rows = run_query(conn, "queries/rollup_economy_area.sql", 1, p1, err)) <
            0 ||
        (st.transfers = run_query(conn, "queries/rollup_transfer.sql", 1, p1, err)) < 0)
        return LIS_DB;
    PGresult *res = lis_db_query_text(
        conn, "SELECT count(*) FROM agreement WHERE year = $1", 1, p1, err);
    if (res == NULL)
        return LIS_DB;
    st.agreements = atol(PQgetvalue(res, 0, 0));
    PQclear(res);
    *stats = st;
    return LIS_OK;
}

lis_status
lis_rollup_as_of(PGconn *conn, const lis_config *cfg, int year, long batch, char fp[33],
                 lis_error *err)
{
    char ys[16], bs[32];
    snprintf(ys, sizeof ys, "%d", year);
    snprintf(bs, sizeof bs, "%ld", batch);
    const char *p[] = {bs};
    PGresult *res = lis_db_query(conn, "queries/asof_batch.sql", 1, p, err);
    if (res == NULL)
        return LIS_DB;
    bool known = PQntuples(res) == 1;
    PQclear(res);
    if (!known) {
        lis_error_set(err, LIS_INPUT, "there is no batch %ld", batch);
        lis_error_hint(err, "\"lis batch ls\" lists the batches.");
        return LIS_INPUT;
    }
    lis_rollup_stats st;
    if (lock_year(conn, ys, err) != LIS_OK ||
        lis_db_exec(conn, "SET LOCAL jit = off", err) != LIS_OK)
        return LIS_DB;
    res = lis_db_query(conn, "queries/asof_apply.sql", 1, p, err);
    if (res == NULL)
        return LIS_DB;
    PQclear(res);
    if (!fingerprint(conn, cfg, fp, err))
        return LIS_DB;
    return compute(conn, cfg, year, &st, err);
}

lis_status
lis_rollup_ensure(PGconn *conn, const lis_config *cfg, int year, bool *ran,
                  lis_error *err)
{
    char ys[16], fp[33];
    snprintf(ys, sizeof ys, "%d", year);
    if (ran)
        *ran = false;
    if (!fingerprint(conn, cfg, fp, err))
        return LIS_DB;
    const char *params[] = {ys};
    PGresult *res = lis_db_query(conn, "queries/rollup_last.sql", 1, params, err);
    if (res == NULL)
        return LIS_DB;
    bool current = PQntuples(res) == 1 && strcmp(PQgetvalue(res, 0, 0), fp) == 0;
    PQclear(res);
    if (current)
        return LIS_OK;
    if (ran)
        *ran = true;
    return lis_rollup_year(conn, cfg, year, NULL, err);
}
