/*
 * report_data.c - the Data rows of an agreement one at a time (report.h):
 * from the model's data[], or streamed from the database through a cursor,
 * a few thousand rows per fetch, so that a workbook of a million
 * measurements needs no more memory than one of ten.
 */
#include "report.h"
#include "db.h"
#include "mem.h"

#include <libpq-fe.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows per FETCH: large enough that the round trips cost little, small
 * enough that the result held is a few hundred kilobytes. */
#define FETCH_ROWS 2000

struct lis_rm_data_stream {
    PGconn *conn;
    bool own_conn; /* made by the stream (closed by it) */
    char year[16], month[16];
    PGresult *res; /* the current fetch */
    int row, rows;
    bool open, done;
    lis_rm_measurement cur;
};

lis_rm_data_stream *
lis_rm_data_stream_open(PGconn *conn, const char *snapshot, int year, int month,
                        lis_error *err)
{
    PGconn *c = snapshot ? lis_db_connect_snapshot(conn, snapshot, true, err) : conn;
    if (c == NULL)
        return NULL;
    /* A cursor is planned for its first rows (cursor_tuple_fraction 0.1):
     * all rows are read, so it gets the plan of the whole query. */
    if (lis_db_exec(c, "SET LOCAL cursor_tuple_fraction = 1", err) != LIS_OK) {
        if (snapshot)
            PQfinish(c);
        return NULL;
    }
    lis_rm_data_stream *s = lis_xcalloc(1, sizeof *s);
    s->conn = c;
    s->own_conn = snapshot != NULL;
    snprintf(s->year, sizeof s->year, "%d", year);
    snprintf(s->month, sizeof s->month, "%d", month);
    return s;
}

static void
stream_close_cursor(lis_rm_data_stream *s)
{
    PQclear(s->res);
    s->res = NULL;
    s->row = s->rows = 0;
    if (s->open)
        lis_db_exec(s->conn, "CLOSE lis_report_data", NULL);
    s->open = false;
}

void
lis_rm_data_stream_close(lis_rm_data_stream *s)
{
    if (s == NULL)
        return;
    stream_close_cursor(s);
    if (s->own_conn)
        PQfinish(s->conn);
    free(s);
}

/* Opens the cursor over the rows of one agreement. */
static lis_status
stream_begin(lis_rm_data_stream *s, const char *agreement_id, lis_error *err)
{
    stream_close_cursor(s);
    s->done = false;
    char *ids = lis_db_text_array(&agreement_id, 1);
    const char *params[3] = {s->year, ids, s->month};
    lis_status st = lis_db_declare(s->conn, "lis_report_data", "queries/report_data.sql",
                                   3, params, err);
    free(ids);
    if (st != LIS_OK)
        return st;
    s->open = true;
    return LIS_OK;
}

/* The next row of the cursor into s->cur, or false at its end or on an
 * error (err->code LIS_DB). */
static bool
stream_next(lis_rm_data_stream *s, lis_error *err)
{
    if (s->row >= s->rows) {
        PQclear(s->res);
        s->res = NULL;
        s->row = s->rows = 0;
        if (s->done)
            return false;
        s->res = lis_db_fetch(s->conn, "lis_report_data", FETCH_ROWS, err);
        if (s->res == NULL)
            return false;
        s->rows = PQntuples(s->res);
        s->done = s->rows < FETCH_ROWS;
        if (s->rows == 0)
            return false;
    }
    PGresult *r = s->res;
    int i = s->row++;
    lis_rm_measurement *m = &s->cur;
    /* borrowed from the fetch, as the model's cells would be copied: NULL
     * text "" except the unit of measure */
    m->indicator_id = PQgetvalue(r, i, 1);
    m->unit_id = PQgetvalue(r, i, 2);
    m->unit_name = PQgetvalue(r, i, 3);
    m->period = PQgetvalue(r, i, 4);
    m->value = PQgetisnull(r, i, 5) ? NAN : strtod(PQgetvalue(r, i, 5), NULL);
    m->batch_id = PQgetisnull(r, i, 6) ? 0 : strtol(PQgetvalue(r, i, 6), NULL, 10);
    m->batch_file = PQgetvalue(r, i, 7);
    m->measure_unit = PQgetisnull(r, i, 8) ? NULL : PQgetvalue(r, i, 8);
    return true;
}

lis_status
lis_rm_data_begin(lis_rm_data_iter *it, const lis_rm_agreement *a, lis_error *err)
{
    *it = (lis_rm_data_iter){.a = a};
    if (a->data_stream && stream_begin(a->data_stream, a->agreement_id, err) != LIS_OK) {
        it->failed = true;
        return LIS_DB;
    }
    return LIS_OK;
}

const lis_rm_measurement *
lis_rm_data_next(lis_rm_data_iter *it, lis_error *err)
{
    if (it->failed || it->a == NULL)
        return NULL;
    if (it->a->data_stream == NULL)
        return it->next < it->a->n_data ? &it->a->data[it->next++] : NULL;
    lis_error own = {0};
    if (stream_next(it->a->data_stream, &own)) {
        it->next++;
        return &it->a->data_stream->cur;
    }
    if (own.code != LIS_OK) {
        it->failed = true;
        if (err)
            *err = own;
    }
    return NULL;
}

void
lis_rm_data_end(lis_rm_data_iter *it)
{
    if (it->a && it->a->data_stream)
        stream_close_cursor(it->a->data_stream);
    it->a = NULL;
}
