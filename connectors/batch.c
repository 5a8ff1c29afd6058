/*
 * batch.c - withdrawing a batch (lis batch rm); see import.h.
 *
 * Budget lines have no key, so a budget batch's rows are exactly its lines.
 * Measurements are upserted: withdrawing a batch deletes the values it holds
 * now and puts back the values it replaced (measurement_history). Catalogue
 * rows go with the batch that last wrote them; rows other data still refer
 * to (a unit with measurements) make the withdrawal fail, changing nothing.
 * The batch record stays, marked withdrawn, and the rows removed are kept in
 * the *_withdrawn tables (migration 002) for "--as-of-batch".
 */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "kinds.h"
#include "mem.h"

static lis_status
run(PGconn *conn, const char *name, const char *id, long *rows, lis_error *err)
{
    const char *p[1] = {id};
    long n = lis_db_run(conn, name, 1, p, err);
    if (n < 0)
        return LIS_DB;
    if (rows)
        *rows += n;
    return LIS_OK;
}

lis_status
lis_import_batch_rm(PGconn *conn, long long batch_id, char **kind_out, long *rows,
                    lis_error *err)
{
    char id[24];
    char name[128];
    long removed = 0;
    lis_status st;
    snprintf(id, sizeof id, "%lld", batch_id);
    if (rows)
        *rows = 0;
    if ((st = lis_db_exec(conn, "BEGIN", err)) != LIS_OK)
        return st;
    const char *p[1] = {id};
    PGresult *r = lis_db_query(conn, "queries/batch_rm_find.sql", 1, p, err);
    if (r == NULL) {
        st = LIS_DB;
        goto fail;
    }
    if (PQntuples(r) == 0) {
        PQclear(r);
        st = lis_error_set(err, LIS_INPUT, "there is no batch %lld", batch_id);
        lis_error_hint(err, "\"lis batch ls\" lists the batches.");
        goto fail;
    }
    const lis_kind *kind = lis_kind_find(PQgetvalue(r, 0, 0));
    if (kind_out)
        *kind_out = lis_xstrdup(PQgetvalue(r, 0, 0));
    PQclear(r);
    if (kind == NULL) {
        st = lis_error_set(err, LIS_DB, "batch %lld has an unknown kind", batch_id);
        goto fail;
    }
    const char *kp[1] = {kind->name};
    r = lis_db_query(conn, "queries/import_lock.sql", 1, kp, err);
    if (r == NULL) {
        st = LIS_DB;
        goto fail;
    }
    PQclear(r);
    /* The rows go to the *_withdrawn tables first, so that "--as-of-batch"
     * of an earlier batch can count this one as it was. */
    if ((st = run(conn, "queries/batch_rm_archive.sql", id, NULL, err)) != LIS_OK)
        goto fail;
    if (strcmp(kind->name, "measurements") == 0) {
        if ((st = run(conn, "queries/batch_rm_measurements_relink.sql", id, NULL, err)) ||
            (st = run(conn, "queries/batch_rm_measurements_forget.sql", id, NULL, err)) ||
            (st = run(conn, "queries/batch_rm_measurements.sql", id, &removed, err)) ||
            (st = run(conn, "queries/batch_rm_measurements_restore.sql", id, NULL, err)))
            goto fail;
    } else {
        snprintf(name, sizeof name, "queries/batch_rm_%s.sql", kind->sql_name);
        if ((st = run(conn, name, id, &removed, err)) != LIS_OK)
            goto fail;
    }
    if ((st = run(conn, "queries/batch_rm_history.sql", id, NULL, err)) != LIS_OK ||
        (st = run(conn, "queries/batch_rm_batch.sql", id, NULL, err)) != LIS_OK)
        goto fail;
    if ((st = lis_db_exec(conn, "COMMIT", err)) != LIS_OK)
        goto fail;
    if (rows)
        *rows = removed;
    return LIS_OK;

fail:
    if (err && strcmp(err->sqlstate, "23503") == 0) {
        /* a foreign key: other data still refers to the batch's rows */
        lis_error_clear(err);
        lis_error_set(err, LIS_INPUT,
                      "batch %lld cannot be withdrawn: other data refers to "
                      "its rows",
                      batch_id);
        lis_error_hint(err,
                       "Withdraw the batches that use them first, or import a corrected "
                       "file instead.");
        st = LIS_INPUT;
    }
    r = PQexec(conn, "ROLLBACK");
    PQclear(r);
    return st;
}
