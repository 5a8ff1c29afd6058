/*
 * show_out.c - csv, json and table output of query results; see show_out.h.
 */
#include "show_out.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "rollup_format.h"

int
lis_out_parse(const char *text)
{
    if (strcmp(text, "table") == 0)
        return LIS_OUT_TABLE;
    if (strcmp(text, "csv") == 0)
        return LIS_OUT_CSV;
    if (strcmp(text, "json") == 0)
        return LIS_OUT_JSON;
    return -1;
}

/* Display width in columns of UTF-8 text (code points). */
static int
width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

void
lis_out_csv_field(FILE *out, const char *s)
{
    if (strpbrk(s, ";\"\n\r") == NULL) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void
json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* The table text of one cell; returns buf or the borrowed result text. */
static const char *
cell(const PGresult *res, int row, const lis_out_col *c, char *buf, size_t size)
{
    if (PQgetisnull(res, row, c->field))
        return "";
    const char *v = PQgetvalue(res, row, c->field);
    if (c->kind == LIS_COL_STATUS)
        return lis_rollup_status_da(v);
    if (c->kind == LIS_COL_NUMBER) {
        int d = c->decimals;
        if (d < 0)
            d = atoi(PQgetvalue(res, row, c->decimals_field));
        return lis_rollup_format_da(v, d, buf, size);
    }
    return v;
}

void
lis_out_begin(FILE *out, const lis_out_col *cols, int ncols, lis_out_format fmt)
{
    if (fmt == LIS_OUT_CSV) {
        for (int c = 0; c < ncols; c++)
            fprintf(out, "%s%s", c ? ";" : "", cols[c].name);
        fputc('\n', out);
    } else {
        fputs("[", out);
    }
}

void
lis_out_rows(FILE *out, const PGresult *res, const lis_out_col *cols, int ncols,
             lis_out_format fmt, long *printed)
{
    int rows = PQntuples(res);
    if (fmt == LIS_OUT_CSV) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < ncols; c++) {
                if (c)
                    fputc(';', out);
                if (!PQgetisnull(res, r, cols[c].field))
                    lis_out_csv_field(out, PQgetvalue(res, r, cols[c].field));
            }
            fputc('\n', out);
        }
    } else {
        for (int r = 0; r < rows; r++) {
            fputs(*printed + r ? ",\n {" : "\n {", out);
            for (int c = 0; c < ncols; c++) {
                fprintf(out, "%s\"%s\": ", c ? ", " : "", cols[c].name);
                const char *v = PQgetvalue(res, r, cols[c].field);
                if (PQgetisnull(res, r, cols[c].field) ||
                    (cols[c].kind == LIS_COL_NUMBER && v[0] == '\0'))
                    fputs("null", out);
                else if (cols[c].kind == LIS_COL_NUMBER || cols[c].kind == LIS_COL_JSON)
                    fputs(v, out);
                else
                    json_string(out, v);
            }
            fputs("}", out);
        }
    }
    *printed += rows;
}

void
lis_out_end(FILE *out, lis_out_format fmt, long printed)
{
    if (fmt == LIS_OUT_JSON)
        fputs(printed ? "\n]\n" : "]\n", out);
}

void
lis_out_print(FILE *out, const PGresult *res, const lis_out_col *cols, int ncols,
              lis_out_format fmt)
{
    int rows = PQntuples(res);
    char buf[96];

    if (fmt != LIS_OUT_TABLE) {
        long printed = 0;
        lis_out_begin(out, cols, ncols, fmt);
        lis_out_rows(out, res, cols, ncols, fmt, &printed);
        lis_out_end(out, fmt, printed);
        return;
    }

    /* table: right-aligned numbers, left-aligned text */
    int *w = lis_xcalloc((size_t)ncols, sizeof *w);
    for (int c = 0; c < ncols; c++) {
        w[c] = width(cols[c].label);
        for (int r = 0; r < rows; r++) {
            int cw = width(cell(res, r, &cols[c], buf, sizeof buf));
            if (cw > w[c])
                w[c] = cw;
        }
    }
    for (int c = 0; c < ncols; c++) {
        int pad = w[c] - width(cols[c].label);
        if (cols[c].kind == LIS_COL_NUMBER)
            fprintf(out, "%s%*s%s", c ? "  " : "", pad, "", cols[c].label);
        else
            fprintf(out, "%s%s%*s", c ? "  " : "", cols[c].label,
                    c == ncols - 1 ? 0 : pad, "");
    }
    fputc('\n', out);
    for (int c = 0; c < ncols; c++) {
        fputs(c ? "  " : "", out);
        for (int i = 0; i < w[c]; i++)
            fputc('-', out);
    }
    fputc('\n', out);
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < ncols; c++) {
            const char *v = cell(res, r, &cols[c], buf, sizeof buf);
            int pad = w[c] - width(v);
            if (cols[c].kind == LIS_COL_NUMBER)
                fprintf(out, "%s%*s%s", c ? "  " : "", pad, "", v);
            else
                fprintf(out, "%s%s%*s", c ? "  " : "", v, c == ncols - 1 ? 0 : pad, "");
        }
        fputc('\n', out);
    }
    fprintf(out, "(%d row%s)\n", rows, rows == 1 ? "" : "s");
    free(w);
}
