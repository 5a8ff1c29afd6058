/*
 * show_write.c - where lis show's rows go: stdout or a file (renamed into
 * place), as csv, json, a table or a workbook; see show_out.h.
 */
#include "show_out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "mem.h"
#include "xlsx.h"

/* The workbook's as-of stamp: the newest finished import batch. */
static lis_status
stamp_read(PGconn *conn, lis_stamp *st, lis_error *err)
{
    PGresult *res = lis_db_query(conn, "queries/show_stamp.sql", 0, NULL, err);
    if (res == NULL)
        return LIS_DB;
    if (PQntuples(res) == 1) {
        st->newest_batch = atol(PQgetvalue(res, 0, 0));
        st->data_as_of = lis_xstrdup(PQgetvalue(res, 0, 1));
    }
    PQclear(res);
    return LIS_OK;
}

static lis_status
write_xlsx(PGconn *conn, const PGresult *res, const lis_out_col *cols, int ncols,
           const char *path, const lis_out_doc *doc, lis_error *err)
{
    lis_stamp stamp = {.period = (char *)doc->period, .lang = (char *)doc->lang};
    if (stamp_read(conn, &stamp, err) != LIS_OK)
        return LIS_DB;
    lis_xt_col *xc = lis_xcalloc((size_t)ncols, sizeof *xc);
    int dec_field = -1;
    for (int c = 0; c < ncols; c++) {
        static const lis_xt_kind kinds[] = {
            [LIS_COL_TEXT] = LIS_XT_TEXT,       [LIS_COL_NUMBER] = LIS_XT_NUMBER,
            [LIS_COL_STATUS] = LIS_XT_STATUS,   [LIS_COL_DATE] = LIS_XT_DATE,
            [LIS_COL_VERDICT] = LIS_XT_VERDICT, [LIS_COL_JSON] = LIS_XT_TEXT,
        };
        xc[c] = (lis_xt_col){cols[c].name, kinds[cols[c].kind], cols[c].decimals};
        if (cols[c].kind == LIS_COL_NUMBER && cols[c].decimals < 0)
            dec_field = cols[c].decimals_field;
    }
    lis_status st = LIS_OUTPUT;
    lis_xlsx_table *t = lis_xlsx_table_open(path, doc->title, &stamp, xc, ncols, err);
    if (t != NULL) {
        const char **v = lis_xcalloc((size_t)ncols, sizeof *v);
        st = LIS_OK;
        for (int r = 0; st == LIS_OK && r < PQntuples(res); r++) {
            for (int c = 0; c < ncols; c++)
                v[c] = PQgetisnull(res, r, cols[c].field)
                           ? NULL
                           : PQgetvalue(res, r, cols[c].field);
            int d = dec_field >= 0 ? atoi(PQgetvalue(res, r, dec_field)) : 0;
            st = lis_xlsx_table_row(t, v, d);
        }
        free(v);
        if (st == LIS_OK)
            st = lis_xlsx_table_close(t);
        else
            lis_xlsx_table_abandon(t);
    }
    free(xc);
    free(stamp.data_as_of);
    return st;
}

/* Copies the file at path to stdout. */
static lis_status
copy_out(const char *path, lis_error *err)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        return lis_error_set(err, LIS_OUTPUT, "could not read \"%s\": %s", path,
                             strerror(errno));
    char buf[65536];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, stdout) == n;
    ok = ok && !ferror(in);
    fclose(in);
    if (!ok)
        return lis_error_set(err, LIS_OUTPUT, "could not write the output");
    return LIS_OK;
}

lis_status
lis_out_write(PGconn *conn, const PGresult *res, const lis_out_col *cols, int ncols,
              lis_out_format fmt, const char *path, const lis_out_doc *doc,
              lis_error *err)
{
    if (path == NULL && fmt != LIS_OUT_XLSX) {
        lis_out_print(stdout, res, cols, ncols, fmt);
        return LIS_OK;
    }
    /* A file beside path, renamed into place; a workbook for stdout goes
     * through a temporary file (libxlsxwriter writes files, not streams). */
    char *tmp = path ? lis_xasprintf("%s.XXXXXX", path)
                     : lis_xasprintf("%s/lis-show-XXXXXX",
                                     getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        lis_error_set(err, LIS_OUTPUT, "could not create \"%s\": %s", path ? path : tmp,
                      strerror(errno));
        free(tmp);
        return LIS_OUTPUT;
    }
    /* mkstemp makes the file 0600; the output gets the usual mode */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    lis_status st = LIS_OK;
    if (fmt == LIS_OUT_XLSX) {
        close(fd);
        st = write_xlsx(conn, res, cols, ncols, tmp, doc, err);
    } else {
        FILE *f = fdopen(fd, "w");
        if (f == NULL) {
            close(fd);
            st = lis_error_set(err, LIS_OUTPUT, "could not write \"%s\"", path);
        } else {
            lis_out_print(f, res, cols, ncols, fmt);
            if ((fflush(f) != 0) | ferror(f) | (fclose(f) != 0))
                st = lis_error_set(err, LIS_OUTPUT, "could not write \"%s\"", path);
        }
    }
    if (st == LIS_OK && path != NULL && rename(tmp, path) != 0)
        st = lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", path,
                           strerror(errno));
    if (st == LIS_OK && path == NULL)
        st = copy_out(tmp, err);
    if (st != LIS_OK || path == NULL)
        unlink(tmp);
    free(tmp);
    return st;
}
