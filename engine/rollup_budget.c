/*
 * rollup_budget.c - the budget side of a rollup on a second connection
 * (rollup_budget.h). The second connection reads the rollup transaction's
 * exported snapshot, so it sees exactly what the rollup sees. It spreads
 * the budget lines into a temporary table of its own and computes the
 * areas and the months from it, as one string of statements that the
 * server runs while lis computes the goals; finish then passes the area
 * rows into the rollup's COPY and hands the months over. The spread itself
 * never leaves the server.
 */
#include "rollup_budget.h"

#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "mem.h"
#include "sql.h"

struct lis_rollup_budget {
    PGconn *conn; /* the second connection; NULL: finish runs it all on the rollup's */
    int year;
};

/* The statements of the budget side, in the order they run: the query file
 * each names in an error. */
static const char *const steps[] = {
    "queries/rollup_spread.sql", "queries/rollup_spread.sql", /* and its ANALYZE */
    "queries/rollup_economy_area.sql", "queries/rollup_economy_months.sql"};
enum { NSTEPS = sizeof steps / sizeof *steps, AREA_STEP = 2 };

/* The statements themselves; beside (on the second connection) the area
 * rows go back by COPY instead of into their table. */
static void
statements(char *sql[NSTEPS], bool beside)
{
    sql[0] = lis_xasprintf("INSERT INTO rollup_spread %s", lis_sql(steps[0]));
    sql[1] = lis_xstrdup("ANALYZE rollup_spread");
    sql[AREA_STEP] = lis_xasprintf(beside ? "COPY (%s\n) TO STDOUT"
                                          : "INSERT INTO rollup_economy_area %s",
                                   lis_sql(steps[AREA_STEP]));
    sql[3] = lis_xstrdup(lis_sql(steps[3]));
}

/* The error of step i (its query file named), from res or conn. */
static lis_status
step_error(PGconn *conn, const PGresult *res, int i, lis_error *err)
{
    char what[96];
    snprintf(what, sizeof what, "query %s failed", steps[i < NSTEPS ? i : NSTEPS - 1]);
    return lis_db_error(conn, res, what, err);
}

/* The budget side on conn itself; the months (the last statement's
 * result), or NULL. */
static PGresult *
budget_here(PGconn *conn, lis_error *err)
{
    char *sql[NSTEPS];
    statements(sql, false);
    PGresult *res = NULL;
    for (int i = 0; i < NSTEPS; i++) {
        PQclear(res);
        res = PQexec(conn, sql[i]);
        ExecStatusType rs = PQresultStatus(res);
        if (rs != PGRES_COMMAND_OK && rs != PGRES_TUPLES_OK) {
            step_error(conn, res, i, err);
            PQclear(res);
            res = NULL;
            break;
        }
    }
    for (int i = 0; i < NSTEPS; i++)
        free(sql[i]);
    return res;
}

/* The statements of the second connection, as one string. */
static char *
beside_sql(void)
{
    char *sql[NSTEPS];
    statements(sql, true);
    lis_buf b;
    lis_buf_init(&b);
    for (int i = 0; i < NSTEPS; i++) {
        lis_buf_adds(&b, sql[i]);
        lis_buf_adds(&b, ";\n");
        free(sql[i]);
    }
    return b.data;
}

/* The settings and the spread's table on conn, which runs the budget side,
 * for the agreements in rollup_todo on the rollup's connection, rollup. */
static lis_status
prepare(PGconn *conn, PGconn *rollup, int year, lis_error *err)
{
    PGresult *todo =
        lis_db_query(rollup, "queries/rollup_economy_todo.sql", 0, NULL, err);
    if (todo == NULL)
        return LIS_DB;
    char ys[16];
    snprintf(ys, sizeof ys, "%d", year);
    const char *settings[] = {ys, PQgetvalue(todo, 0, 0)};
    lis_status st = LIS_OK;
    if (lis_db_run(conn, "queries/rollup_budget_settings.sql", 2, settings, err) < 0 ||
        lis_db_exec_file(conn, "queries/rollup_spread_stage.sql", err) != LIS_OK)
        st = LIS_DB;
    PQclear(todo);
    return st;
}

lis_rollup_budget *
lis_rollup_budget_start(PGconn *conn, int year, bool beside, lis_error *err)
{
    lis_rollup_budget *b = lis_xcalloc(1, sizeof *b);
    b->year = year;
    if (!beside)
        return b;
    PGresult *snap = lis_db_query_text(conn, "SELECT pg_export_snapshot()", 0, NULL, err);
    if (snap == NULL)
        goto fail;
    /* Read-write: the spread goes into a temporary table there. */
    b->conn = lis_db_connect_snapshot(conn, PQgetvalue(snap, 0, 0), false, err);
    PQclear(snap);
    /* As on the rollup's connection (rollup.c): the aggregates stay in
     * memory. */
    if (b->conn == NULL ||
        lis_db_exec(b->conn, "SET LOCAL work_mem = '256MB'", err) != LIS_OK ||
        prepare(b->conn, conn, year, err) != LIS_OK)
        goto fail;
    char *sql = beside_sql();
    bool sent = PQsendQuery(b->conn, sql);
    free(sql);
    if (!sent) {
        step_error(b->conn, NULL, 0, err);
        goto fail;
    }
    return b;
fail:
    lis_rollup_budget_free(b);
    return NULL;
}

/* Passes the COPY rows of from into conn's COPY of the area rows, and
 * ends that COPY as from's COPY ended. */
static lis_status
copy_area(PGconn *from, PGconn *conn, lis_error *err)
{
    if (lis_db_copy_begin(conn, "queries/rollup_economy_area_copy.sql", err) != LIS_OK)
        return LIS_DB;
    char *buf;
    int n;
    lis_status st = LIS_OK;
    while (st == LIS_OK && (n = PQgetCopyData(from, &buf, 0)) > 0) {
        if (PQputCopyData(conn, buf, n) != 1)
            st = lis_db_error(conn, NULL, "COPY failed", err);
        PQfreemem(buf);
    }
    if (st == LIS_OK) {
        PGresult *res = PQgetResult(from);
        if (PQresultStatus(res) != PGRES_COMMAND_OK)
            st = step_error(from, res, AREA_STEP, err);
        PQclear(res);
    }
    lis_status end = lis_db_copy_end(conn, st == LIS_OK ? NULL : "the area rows failed",
                                     st == LIS_OK ? err : NULL);
    return st == LIS_OK ? end : st;
}

/* Reads the second connection's results in order: the area rows go into
 * conn, the months are returned. On an error the rest is left unread: the
 * connection is closed next. */
static PGresult *
finish_beside(lis_rollup_budget *b, PGconn *conn, lis_error *err)
{
    int i = 0; /* the step whose result comes next */
    PGresult *res;
    while ((res = PQgetResult(b->conn)) != NULL) {
        ExecStatusType rs = PQresultStatus(res);
        lis_status st = LIS_OK;
        if (rs == PGRES_COPY_OUT && i == AREA_STEP) {
            if ((st = copy_area(b->conn, conn, err)) == LIS_OK)
                i++;
        } else if ((rs == PGRES_COMMAND_OK || rs == PGRES_TUPLES_OK) && i < NSTEPS) {
            if (++i == NSTEPS)
                return res; /* the months: the last statement */
        } else {
            st = step_error(b->conn, res, i, err);
        }
        PQclear(res);
        if (st != LIS_OK)
            return NULL;
    }
    step_error(b->conn, NULL, i, err);
    return NULL;
}

PGresult *
lis_rollup_budget_finish(lis_rollup_budget *b, PGconn *conn, lis_error *err)
{
    PGresult *months = NULL;
    if (b->conn)
        months = finish_beside(b, conn, err);
    else if (prepare(conn, conn, b->year, err) == LIS_OK)
        months = budget_here(conn, err);
    lis_rollup_budget_free(b);
    return months;
}

void
lis_rollup_budget_free(lis_rollup_budget *b)
{
    if (b == NULL)
        return;
    PQfinish(b->conn);
    free(b);
}
