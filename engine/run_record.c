/*
 * run_record.c - stale runs and the output of finished runs in lis.run; see
 * run_record.h.
 */
#include "run_record.h"
#include "db.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

lis_status
lis_run_mark_stale(PGconn *conn, int *n, lis_error *err)
{
    PGresult *res = lis_db_query(conn, "queries/run_mark_stale.sql", 0, NULL, err);
    if (res == NULL)
        return LIS_DB;
    if (n)
        *n = PQntuples(res);
    PQclear(res);
    return LIS_OK;
}

lis_status
lis_run_record_output(PGconn *conn, long run_id, const char *dir, long files,
                      lis_error *err)
{
    char id[32], count[32];
    snprintf(id, sizeof id, "%ld", run_id);
    snprintf(count, sizeof count, "%ld", files);
    /* the record outlives the working directory: keep the absolute path */
    char *abs = realpath(dir, NULL);
    const char *params[3] = {id, abs ? abs : dir, count};
    PGresult *res = lis_db_query(conn, "queries/run_output.sql", 3, params, err);
    free(abs);
    if (res == NULL)
        return LIS_DB;
    PQclear(res);
    return LIS_OK;
}
