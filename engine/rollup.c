/*
 * rollup.c - runs the rollup of one year in one transaction and records the
 * run; see rollup.h. The figures themselves are computed by the SQL in
 * sql/queries/rollup_*.sql and by rollup_goals.c, never here.
 */
#include "rollup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "mem.h"
#include "rollup_economy.h"
#include "rollup_goals.h"
#include "rollup_budget.h"

static double
now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The configured thresholds as SQL numeric text ("90", "1", "3"), and all
 * three as one text ("90/1/3") for the fingerprints. */
typedef struct thresholds {
    char yellow[40], green[40], eyellow[40], all[128];
} thresholds;

static thresholds
thresholds_of(const lis_config *cfg)
{
    thresholds t;
    snprintf(t.yellow, sizeof t.yellow, "%.15g", cfg->yellow_pct);
    snprintf(t.green, sizeof t.green, "%.15g", cfg->economy_green_pct);
    snprintf(t.eyellow, sizeof t.eyellow, "%.15g", cfg->economy_yellow_pct);
    snprintf(t.all, sizeof t.all, "%.15g/%.15g/%.15g", cfg->yellow_pct,
             cfg->economy_green_pct, cfg->economy_yellow_pct);
    return t;
}

/* The fingerprint of the data and thresholds (33 bytes); false on error. */
static bool
fingerprint(PGconn *conn, const lis_config *cfg, char out[33], lis_error *err)
{
    thresholds th = thresholds_of(cfg);
    const char *params[] = {th.all};
    PGresult *res = lis_db_query(conn, "queries/rollup_fingerprint.sql", 1, params, err);
    if (res == NULL)
        return false;
    snprintf(out, 33, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);
    return true;
}

/* What decides whether a rollup of a year may be incremental: the import
 * batches and the catalogue as the last rollup saw them and as they are now
 * (rollup_state.sql). */
typedef struct rollup_plan {
    bool full;      /* compute every figure of the year */
    bool budget;    /* budget lines arrived: the spread, economy and areas */
    bool transfers; /* transfers arrived */
    bool as_of;     /* the transaction changed the data (lis_rollup_as_of) */
    char since[32]; /* the newest batch id the last rollup saw */
    char newest[32], batches[32], withdrawn[32], catalogue[33];
} rollup_plan;

/* Records the run in lis.run; LIS_OK or LIS_DB with err filled (err may be
 * NULL: the record of a failed run is written on a best-effort basis). */
static lis_status
record_run(PGconn *conn, const lis_config *cfg, const char *year, const char *fp,
           const rollup_plan *plan, long recomputed, const char *status,
           const char *error, const char *started, lis_error *err)
{
    thresholds th = thresholds_of(cfg);
    char rc[32];
    snprintf(rc, sizeof rc, "%ld", recomputed);
    const char *params[] = {year,
                            th.yellow,
                            th.green,
                            th.eyellow,
                            fp,
                            plan->newest[0] ? plan->newest : NULL,
                            plan->batches[0] ? plan->batches : NULL,
                            plan->withdrawn[0] ? plan->withdrawn : NULL,
                            plan->catalogue,
                            plan->full ? "full" : "incremental",
                            rc,
                            status,
                            error,
                            started};
    PGresult *res = lis_db_query(conn, "queries/rollup_run_record.sql", 14, params, err);
    PQclear(res);
    return res ? LIS_OK : LIS_DB;
}

/* The value of column NAME in row 0 of res ("" when NULL). */
static const char *
column(const PGresult *res, const char *name)
{
    int c = PQfnumber(res, name);
    return c < 0 ? "" : PQgetvalue(res, 0, c);
}

/*
 * Decides, under the year's lock, whether the rollup can be incremental:
 * only when the last successful rollup of the year recorded the batches it
 * saw, no batch it counted has changed since (none withdrawn, none
 * committed late with a lower id), the catalogue and thresholds are as they
 * were, and every batch since holds measurements, budget lines or
 * transfers. When no batch arrived but the data changed all the same (by
 * other means than lis import), it is full too.
 */
static lis_status
plan_rollup(PGconn *conn, const lis_config *cfg, const char *ys, char fp[33],
            bool force_full, rollup_plan *plan, lis_error *err)
{
    const char *py[] = {ys};
    PGresult *res = lis_db_query(conn, "queries/rollup_last.sql", 1, py, err);
    if (res == NULL)
        return LIS_DB;
    bool have = PQntuples(res) == 1;
    for (int c = 0; have && c < PQnfields(res); c++)
        have = !PQgetisnull(res, 0, c);
    char last_fp[33] = "", last_batches[32] = "", last_withdrawn[32] = "",
         last_catalogue[33] = "";
    snprintf(plan->since, sizeof plan->since, "0");
    if (have) {
        snprintf(last_fp, sizeof last_fp, "%s", column(res, "fingerprint"));
        snprintf(plan->since, sizeof plan->since, "%s", column(res, "newest"));
        snprintf(last_batches, sizeof last_batches, "%s", column(res, "batches"));
        snprintf(last_withdrawn, sizeof last_withdrawn, "%s", column(res, "withdrawn"));
        snprintf(last_catalogue, sizeof last_catalogue, "%s", column(res, "catalogue"));
    }
    PQclear(res);

    thresholds th = thresholds_of(cfg);
    const char *ps[] = {th.all, plan->since};
    res = lis_db_query(conn, "queries/rollup_state.sql", 2, ps, err);
    if (res == NULL)
        return LIS_DB;
    snprintf(plan->newest, sizeof plan->newest, "%s", column(res, "newest"));
    snprintf(plan->withdrawn, sizeof plan->withdrawn, "%s", column(res, "withdrawn"));
    snprintf(plan->catalogue, sizeof plan->catalogue, "%s", column(res, "catalogue"));
    bool data_only = strcmp(column(res, "data_only"), "t") == 0;
    long n_new = atol(column(res, "n_new"));
    plan->budget = strcmp(column(res, "budget"), "t") == 0;
    plan->transfers = strcmp(column(res, "transfers"), "t") == 0;
    bool same_batches = have && strcmp(column(res, "batches"), last_batches) == 0;
    /* What the next rollup compares with: the batches up to the newest. */
    snprintf(plan->batches, sizeof plan->batches, "%s", column(res, "total"));
    PQclear(res);

    bool incremental = !force_full && have && same_batches &&
                       strcmp(plan->withdrawn, last_withdrawn) == 0 &&
                       strcmp(plan->catalogue, last_catalogue) == 0 && data_only;
    /* Only here is the fingerprint needed before the figures; otherwise
     * compute takes it while the budget side runs. */
    if (incremental && n_new == 0) {
        if (!fingerprint(conn, cfg, fp, err))
            return LIS_DB;
        incremental = strcmp(fp, last_fp) == 0;
    }
    plan->full = !incremental;
    if (plan->full)
        plan->budget = plan->transfers = true;

    return LIS_OK;
}

/* Waits for the ANALYZE sent on beside and closes it. */
static lis_status
analyze_beside_end(PGconn *beside, lis_error *err)
{
    lis_status st = LIS_OK;
    PGresult *res;
    while ((res = PQgetResult(beside)) != NULL) {
        if (st == LIS_OK && PQresultStatus(res) != PGRES_COMMAND_OK)
            st = lis_db_error(beside, res, "ANALYZE lis.budget_line failed", err);
        PQclear(res);
    }
    PQfinish(beside);
    return st;
}

lis_status
lis_rollup_analyze(PGconn *conn, lis_error *err)
{
    PGresult *res = lis_db_query(conn, "queries/rollup_stale_tables.sql", 0, NULL, err);
    if (res == NULL)
        return LIS_DB;
    /* The budget lines, the biggest table, go on a second connection while
     * this one does the rest (at scale 10 a fresh import's budget_line took
     * 0.2 to 0.4 s, measurement 0.15 to 0.2 s). */
    PGconn *beside = NULL;
    lis_status st = LIS_OK;
    int n = PQntuples(res);
    for (int r = 0; r < n && st == LIS_OK; r++) {
        const char *table = PQgetvalue(res, r, 0);
        /* Without a second connection (a role's CONNECTION LIMIT, say)
         * it runs here with the rest. */
        if (n > 1 && strcmp(table, "budget_line") == 0 &&
            (beside = lis_db_connect_like(conn, NULL)) != NULL) {
            if (!PQsendQuery(beside, "ANALYZE lis.budget_line"))
                st = lis_db_error(beside, NULL, "ANALYZE lis.budget_line failed", err);
            continue;
        }
        char sql[128];
        snprintf(sql, sizeof sql, "ANALYZE lis.%s", table);
        st = lis_db_exec(conn, sql, err);
    }
    PQclear(res);
    if (beside && st == LIS_OK)
        return analyze_beside_end(beside, err);
    PQfinish(beside);
    return st;
}

static lis_status lock_year(PGconn *conn, const char *query, const char *ys,
                            lis_error *err);
static lis_status compute(PGconn *conn, const lis_config *cfg, int year,
                          const rollup_plan *plan, char fp[33], lis_rollup_stats *stats,
                          lis_error *err);
static void unlock_year(PGconn *conn, const char *ys);

lis_status
lis_rollup_year(PGconn *conn, const lis_config *cfg, int year, lis_rollup_stats *stats,
                lis_error *err)
{
    return lis_rollup_refresh(conn, cfg, year, false, stats, err);
}

lis_status
lis_rollup_refresh(PGconn *conn, const lis_config *cfg, int year, bool full,
                   lis_rollup_stats *stats, lis_error *err)
{
    lis_rollup_stats st = {0};
    rollup_plan plan = {.full = true};
    double t0 = now_seconds();
    char ys[16], fp[33] = "", started[64] = "";
    snprintf(ys, sizeof ys, "%d", year);

    PGresult *res = lis_db_query(conn, "queries/rollup_clock.sql", 0, NULL, err);
    if (res == NULL)
        return LIS_DB;
    snprintf(started, sizeof started, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);

    if (lis_rollup_analyze(conn, err) != LIS_OK)
        return LIS_DB;

    /* The year's lock is the session's, taken before the transaction, so
     * that the transaction's one snapshot (REPEATABLE READ) comes after the
     * rollup before it committed. Every statement of the rollup, the
     * fingerprint and the budget side on its second connection then read
     * the same data. */
    if (lock_year(conn, "queries/rollup_lock_session.sql", ys, err) != LIS_OK)
        return LIS_DB;
    if (lis_db_exec(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ", err) != LIS_OK ||
        plan_rollup(conn, cfg, ys, fp, full, &plan, err) != LIS_OK ||
        compute(conn, cfg, year, &plan, fp, &st, err) != LIS_OK)
        goto fail;
    /* The record is part of the rollup: without it the rollup fails. */
    if (record_run(conn, cfg, ys, fp, &plan, st.recomputed, "ok", NULL, started, err) !=
            LIS_OK ||
        lis_db_exec(conn, "COMMIT", err) != LIS_OK)
        goto fail;
    unlock_year(conn, ys);
    st.seconds = now_seconds() - t0;
    if (stats)
        *stats = st;
    return LIS_OK;

fail:
    lis_db_exec(conn, "ROLLBACK", NULL);
    record_run(conn, cfg, ys, fp, &plan, 0, "failed", err ? err->msg : "rollup failed",
               started, NULL);
    unlock_year(conn, ys);
    return LIS_DB;
}

/* One rollup of a year at a time, by the lock of query (rollup_lock.sql
 * for the transaction, rollup_lock_session.sql for the session); readers
 * keep seeing the old rows until the commit. */
static lis_status
lock_year(PGconn *conn, const char *query, const char *ys, lis_error *err)
{
    const char *p1[] = {ys};
    PGresult *res = lis_db_query(conn, query, 1, p1, err);
    if (res == NULL)
        return LIS_DB;
    PQclear(res);
    return LIS_OK;
}

/* Releases the session's lock of the year (a lost connection has no lock
 * left to release). */
static void
unlock_year(PGconn *conn, const char *ys)
{
    const char *p1[] = {ys};
    PQclear(lis_db_query(conn, "queries/rollup_unlock.sql", 1, p1, NULL));
}

/* n = column NAME of row 0 of res, unless it is NULL. */
static void
count_of(const PGresult *res, const char *name, long *n)
{
    int c = PQfnumber(res, name);
    if (c >= 0 && !PQgetisnull(res, 0, c))
        *n = atol(PQgetvalue(res, 0, c));
}

/* The year's stored rows, counted (an incremental rollup inserts fewer),
 * and the agreements computed again. A full rollup's indicator, goal and
 * economy rows are those it wrote, which st holds already: counting them
 * again took a second at scale 100. */
static lis_status
count_rows(PGconn *conn, const char *ys, bool full, lis_rollup_stats *st, lis_error *err)
{
    const char *p[] = {ys, full ? "true" : "false"};
    PGresult *res = lis_db_query(conn, "queries/rollup_counts.sql", 2, p, err);
    if (res == NULL)
        return LIS_DB;
    count_of(res, "agreements", &st->agreements);
    count_of(res, "indicator_rows", &st->indicator_rows);
    count_of(res, "goal_rows", &st->goal_rows);
    count_of(res, "economy_rows", &st->economy_rows);
    count_of(res, "area_rows", &st->area_rows);
    count_of(res, "transfers", &st->transfers);
    count_of(res, "recomputed", &st->recomputed);
    PQclear(res);
    return LIS_OK;
}

/* Replaces the rollup rows of the year that plan says, in the caller's
 * transaction: every row (plan->full), or those of the agreements that the
 * batches since the last rollup touch (rollup_todo.sql), the economy per
 * area when budget lines arrived and the transfers when transfers did. */
static lis_status
compute(PGconn *conn, const lis_config *cfg, int year, const rollup_plan *plan,
        char fp[33], lis_rollup_stats *stats, lis_error *err)
{
    lis_rollup_stats st = {.full = plan->full};
    char ys[16];
    snprintf(ys, sizeof ys, "%d", year);
    thresholds th = thresholds_of(cfg);
    const char *full = plan->full ? "true" : "false";
    const char *p1[] = {ys};
    const char *ptodo[] = {ys, plan->full ? NULL : plan->since};
    const char *pdel[] = {ys, full};
    const char *pyear[] = {ys, plan->budget ? "true" : "false",
                           plan->transfers ? "true" : "false"};
    /* Sorts and aggregates should stay in memory. */
    if (lis_db_exec(conn, "SET LOCAL work_mem = '256MB'", err) != LIS_OK)
        return LIS_DB;
    if (lis_db_run(conn, "queries/rollup_prepare_units.sql", 1, p1, err) < 0 ||
        lis_db_exec(conn, "ANALYZE rollup_au", err) != LIS_OK ||
        lis_db_run(conn, "queries/rollup_todo.sql", 2, ptodo, err) < 0 ||
        lis_db_exec(conn, "ANALYZE rollup_todo", err) != LIS_OK)
        return LIS_DB;
    /* Without new budget lines no economy row is computed again: the
     * budget side (the spread of the budget lines, the costliest part, the
     * areas and the months) is then not needed. With them it runs beside
     * the goals, on a second connection, unless that would not see the data
     * as this transaction changed it. */
    lis_rollup_budget *budget = NULL;
    if (plan->budget &&
        (budget = lis_rollup_budget_start(conn, year, !plan->as_of, err)) == NULL)
        return LIS_DB;
    /* The fingerprint not taken yet (plan_rollup) is taken while the budget
     * side runs: at scale 10 it took a quarter of a second. */
    if ((fp[0] == '\0' && !fingerprint(conn, cfg, fp, err)) ||
        lis_db_run(conn, "queries/rollup_delete.sql", 2, pdel, err) < 0 ||
        lis_db_run(conn, "queries/rollup_delete_year.sql", 3, pyear, err) < 0 ||
        lis_rollup_goals(conn, year, plan->full, th.yellow, &st.indicator_rows,
                         &st.goal_rows, err) != LIS_OK) {
        lis_rollup_budget_free(budget);
        return LIS_DB;
    }
    if (plan->budget) {
        PGresult *months = lis_rollup_budget_finish(budget, conn, err);
        lis_status est = months ? lis_rollup_economy(conn, year, months, th.green,
                                                     th.eyellow, &st.economy_rows, err)
                                : LIS_DB;
        PQclear(months);
        if (est != LIS_OK)
            return LIS_DB;
    }
    if (plan->transfers &&
        (st.transfers = lis_db_run(conn, "queries/rollup_transfer.sql", 1, p1, err)) < 0)
        return LIS_DB;
    if (count_rows(conn, ys, plan->full, &st, err) != LIS_OK)
        return LIS_DB;
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
    rollup_plan plan = {.full = true, .budget = true, .transfers = true, .as_of = true};
    if (lock_year(conn, "queries/rollup_lock.sql", ys, err) != LIS_OK)
        return LIS_DB;
    res = lis_db_query(conn, "queries/asof_apply.sql", 1, p, err);
    if (res == NULL)
        return LIS_DB;
    PQclear(res);
    if (!fingerprint(conn, cfg, fp, err))
        return LIS_DB;
    return compute(conn, cfg, year, &plan, fp, &st, err);
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
    bool current = PQntuples(res) == 1 && strcmp(column(res, "fingerprint"), fp) == 0;
    PQclear(res);
    if (current)
        return LIS_OK;
    if (ran)
        *ran = true;
    return lis_rollup_year(conn, cfg, year, NULL, err);
}
