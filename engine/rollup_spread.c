/*
 * rollup_spread.c - the spread of a year's budget lines on a second
 * connection (rollup_spread.h). The second connection reads the rollup
 * transaction's exported snapshot, so it sees exactly what the rollup sees,
 * and streams its rows as binary COPY, which finish passes unchanged into
 * the rollup's COPY of rollup_spread: the rows are never held in lis. Until
 * then the server holds the spread, its output waiting on the socket.
 * rollup_spread.sql is wrapped here in the COPY or the INSERT that runs it,
 * as lis_db_declare wraps a query in a cursor.
 */
#include "rollup_spread.h"

#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "mem.h"
#include "sql.h"

struct lis_rollup_spread {
    PGconn *conn; /* the second connection; NULL: the spread is made */
};

/* The spread of year into rollup_spread on conn itself. */
static lis_status
spread_here(PGconn *conn, const char *const *year, lis_error *err)
{
    if (lis_db_run(conn, "queries/rollup_spread_year.sql", 1, year, err) < 0 ||
        lis_db_run(conn, "queries/rollup_spread_stage.sql", 0, NULL, err) < 0)
        return LIS_DB;
    char *sql = lis_xasprintf("INSERT INTO rollup_spread %s",
                              lis_sql("queries/rollup_spread.sql"));
    PGresult *res = lis_db_query_text(conn, sql, 0, NULL, err);
    free(sql);
    if (res == NULL)
        return LIS_DB;
    PQclear(res);
    return LIS_OK;
}

lis_rollup_spread *
lis_rollup_spread_start(PGconn *conn, int year, bool beside, lis_error *err)
{
    char ys[16];
    snprintf(ys, sizeof ys, "%d", year);
    const char *p1[] = {ys};
    if (!beside) {
        if (spread_here(conn, p1, err) != LIS_OK)
            return NULL;
        return lis_xcalloc(1, sizeof(lis_rollup_spread));
    }
    PGresult *res = lis_db_query_text(conn, "SELECT pg_export_snapshot()", 0, NULL, err);
    if (res == NULL)
        return NULL;
    PGconn *c = lis_db_connect_snapshot(conn, PQgetvalue(res, 0, 0), err);
    PQclear(res);
    if (c == NULL)
        return NULL;
    /* As on the rollup's connection (rollup.c): the aggregates stay in
     * memory. */
    if (lis_db_exec(c, "SET LOCAL jit = off; SET LOCAL work_mem = '256MB'", err) !=
            LIS_OK ||
        lis_db_run(c, "queries/rollup_spread_year.sql", 1, p1, err) < 0) {
        PQfinish(c);
        return NULL;
    }
    char *sql = lis_xasprintf("COPY (%s) TO STDOUT (FORMAT binary)",
                              lis_sql("queries/rollup_spread.sql"));
    bool sent = PQsendQuery(c, sql);
    free(sql);
    if (!sent) {
        lis_db_error(c, NULL, "query queries/rollup_spread.sql failed", err);
        PQfinish(c);
        return NULL;
    }
    lis_rollup_spread *sp = lis_xcalloc(1, sizeof *sp);
    sp->conn = c;
    return sp;
}

/* Passes the COPY rows of sp's connection to conn's COPY, which has begun.
 * LIS_OK, or LIS_DB with err filled (the server's error of either). */
static lis_status
pass_rows(lis_rollup_spread *sp, PGconn *conn, lis_error *err)
{
    char *buf;
    int n;
    while ((n = PQgetCopyData(sp->conn, &buf, 0)) > 0) {
        int put = PQputCopyData(conn, buf, n);
        PQfreemem(buf);
        if (put != 1)
            return lis_db_error(conn, NULL, "COPY failed", err);
    }
    lis_status st = LIS_OK;
    PGresult *res;
    while ((res = PQgetResult(sp->conn)) != NULL) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK && st == LIS_OK)
            st = lis_db_error(sp->conn, res, "query queries/rollup_spread.sql failed",
                              err);
        PQclear(res);
    }
    if (n == -2 && st == LIS_OK)
        st = lis_db_error(sp->conn, NULL, "query queries/rollup_spread.sql failed", err);
    return st;
}

/* Copies the spread of sp's connection into rollup_spread on conn. */
static lis_status
spread_copy(lis_rollup_spread *sp, PGconn *conn, lis_error *err)
{
    PGresult *res = PQgetResult(sp->conn);
    lis_status st = LIS_OK;
    if (PQresultStatus(res) != PGRES_COPY_OUT)
        st = lis_db_error(sp->conn, res, "query queries/rollup_spread.sql failed", err);
    PQclear(res);
    if (st != LIS_OK ||
        lis_db_run(conn, "queries/rollup_spread_stage.sql", 0, NULL, err) < 0 ||
        lis_db_copy_begin(conn, "queries/rollup_spread_copy.sql", err) != LIS_OK)
        return LIS_DB;
    bool ok = pass_rows(sp, conn, err) == LIS_OK;
    st = lis_db_copy_end(conn, ok ? NULL : "the spread failed", ok ? err : NULL);
    return ok ? st : LIS_DB;
}

lis_status
lis_rollup_spread_finish(lis_rollup_spread *sp, PGconn *conn, lis_error *err)
{
    lis_status st = sp->conn ? spread_copy(sp, conn, err) : LIS_OK;
    lis_rollup_spread_free(sp);
    if (st == LIS_OK && lis_db_exec(conn, "ANALYZE rollup_spread", err) != LIS_OK)
        st = LIS_DB;
    return st;
}

void
lis_rollup_spread_free(lis_rollup_spread *sp)
{
    if (sp == NULL)
        return;
    PQfinish(sp->conn);
    free(sp);
}
