/*
 * rollup_window.c - the windows of a year for the rollup; see
 * rollup_window.h.
 */
#include "rollup_window.h"

#include <stdlib.h>

#include "copybin.h"
#include "db.h"

lis_status
lis_rollup_windows(PGconn *conn, const char *year, lis_window win[LIS_NWIN],
                   PGresult **res, lis_error *err)
{
    const char *p[] = {year};
    *res = lis_db_query(conn, "queries/rollup_windows.sql", 1, p, err);
    if (*res == NULL)
        return LIS_DB;
    if (PQntuples(*res) != LIS_NWIN)
        return lis_error_set(err, LIS_DB, "year_windows gave %d windows, not %d",
                             PQntuples(*res), LIS_NWIN);
    for (int w = 0; w < LIS_NWIN; w++) {
        win[w].kind = PQgetvalue(*res, w, 0)[0];
        win[w].wf = atoi(PQgetvalue(*res, w, 1));
        win[w].wl = atoi(PQgetvalue(*res, w, 2));
        win[w].name = PQgetvalue(*res, w, 3);
    }
    return LIS_OK;
}

void
lis_copybin_window(lis_buf *b, const lis_window *w)
{
    lis_copybin_str(b, w->name);
    lis_copybin_text(b, &w->kind, 1);
    lis_copybin_int2(b, (int16_t)w->wf);
    lis_copybin_int2(b, (int16_t)w->wl);
}
