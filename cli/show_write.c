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

/* Rows fetched from a cursor at a time: bounds lis show's memory whatever
 * the size of the municipality. */
#define CHUNK 10000

static lis_status
write_xlsx(PGconn *conn, const char *cursor, const lis_out_col *cols, int ncols,
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
        PGresult *res = NULL;
        st = LIS_OK;
        while (st == LIS_OK && (res = lis_db_fetch(conn, cursor, CHUNK, err)) != NULL) {
            int rows = PQntuples(res);
            for (int r = 0; st == LIS_OK && r < rows; r++) {
                for (int c = 0; c < ncols; c++)
                    v[c] = PQgetisnull(res, r, cols[c].field)
                               ? NULL
                               : PQgetvalue(res, r, cols[c].field);
                int d = dec_field >= 0 ? atoi(PQgetvalue(res, r, dec_field)) : 0;
                st = lis_xlsx_table_row(t, v, d);
            }
            PQclear(res);
            if (rows == 0)
                break;
        }
        if (res == NULL)
            st = LIS_DB;
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

/* Prints the cursor's rows to out: csv and json a chunk at a time. */
static lis_status
print_rows(FILE *out, PGconn *conn, const char *cursor, const lis_out_col *cols,
           int ncols, lis_out_format fmt, lis_error *err)
{
    PGresult *res;
    if (fmt == LIS_OUT_TABLE) {
        if ((res = lis_db_fetch(conn, cursor, 0, err)) == NULL)
            return LIS_DB;
        lis_out_print(out, res, cols, ncols, fmt);
        PQclear(res);
        return LIS_OK;
    }
    long printed = 0;
    lis_out_begin(out, cols, ncols, fmt);
    while ((res = lis_db_fetch(conn, cursor, CHUNK, err)) != NULL) {
        int rows = PQntuples(res);
        lis_out_rows(out, res, cols, ncols, fmt, &printed);
        PQclear(res);
        if (rows == 0) {
            lis_out_end(out, fmt, printed);
            return LIS_OK;
        }
    }
    return LIS_DB;
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
lis_out_write(PGconn *conn, const char *cursor, const lis_out_col *cols, int ncols,
              lis_out_format fmt, const char *path, const lis_out_doc *doc,
              lis_error *err)
{
    if (path == NULL && fmt != LIS_OUT_XLSX)
        return print_rows(stdout, conn, cursor, cols, ncols, fmt, err);
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
        st = write_xlsx(conn, cursor, cols, ncols, tmp, doc, err);
    } else {
        FILE *f = fdopen(fd, "w");
        if (f == NULL) {
            close(fd);
            st = lis_error_set(err, LIS_OUTPUT, "could not write \"%s\"", path);
        } else {
            st = print_rows(f, conn, cursor, cols, ncols, fmt, err);
            if (((fflush(f) != 0) | ferror(f) | (fclose(f) != 0)) && st == LIS_OK)
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
