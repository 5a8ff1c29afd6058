/*
 * xlsx_table.c - a figure table of "lis show" (attainment, economy,
 * transfers) as a workbook, row by row; see xlsx.h. The caller (cli/) gives
 * the rows as the csv's text; no database here.
 */
#include "xlsx.h"
#include "xlsx_common.h"

#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER_ROW 3 /* below the title and the as-of stamp, as in the reports */

struct lis_xlsx_table {
    xw_book b;
    xw_sheet s;
    lis_report r; /* only its stamp: what the book states it is as of */
    char *title;
    const lis_xt_col *cols;
    int ncols;
    lxw_row_t row; /* the next row to write */
};

static void
sheet_begin(lis_xlsx_table *t)
{
    const char *labels[XW_MAX_COLS];
    for (int c = 0; c < t->ncols; c++)
        labels[c] = t->cols[c].name;
    xw_sheet_begin(&t->b, &t->s, t->title, t->title);
    xw_header(&t->s, HEADER_ROW, labels, t->ncols);
    t->row = HEADER_ROW + 1;
}

lis_xlsx_table *
lis_xlsx_table_open(const char *path, const char *title, const lis_stamp *stamp,
                    const lis_xt_col *cols, int ncols, lis_error *err)
{
    lis_xlsx_table *t = lis_xcalloc(1, sizeof *t);
    t->r.stamp = *stamp;
    t->title = lis_xstrdup(title);
    t->cols = cols;
    t->ncols = ncols > XW_MAX_COLS ? XW_MAX_COLS : ncols;
    if (xw_open(&t->b, &t->r, path, title, "lis show", err) != LIS_OK) {
        free(t->title);
        free(t);
        return NULL;
    }
    sheet_begin(t);
    return t;
}

/* The number in text (the csv's decimal point), or NAN when empty. */
static double
number(const char *text)
{
    if (text == NULL || text[0] == '\0')
        return NAN;
    char *end;
    double v = strtod(text, &end);
    return *end == '\0' ? v : NAN;
}

lis_status
lis_xlsx_table_row(lis_xlsx_table *t, const char *const *values, int decimals)
{
    xw_book *b = &t->b;
    /* a table longer than a sheet continues on "<title> (2)", ... */
    if (t->row >= xw_max_rows()) {
        xw_sheet_end(&t->s, true, true, t->ncols);
        sheet_begin(t);
    }
    for (int c = 0; c < t->ncols; c++) {
        const char *v = values[c];
        const lis_xt_col *col = &t->cols[c];
        if (v == NULL || v[0] == '\0')
            continue;
        int y, m, d;
        switch (col->kind) {
        case LIS_XT_NUMBER: {
            double x = number(v);
            if (isnan(x)) /* not a number after all: keep it, as text */
                xw_text(&t->s, t->row, c, v, b->text);
            else
                xw_num(&t->s, t->row, c, x,
                       xw_dec(b, col->decimals < 0 ? decimals : col->decimals));
            break;
        }
        case LIS_XT_DATE:
            if (sscanf(v, "%d-%d-%d", &y, &m, &d) == 3)
                xw_date(&t->s, t->row, c, y, m, d, b->date);
            else
                xw_text(&t->s, t->row, c, v, b->text);
            break;
        case LIS_XT_STATUS:
            xw_light(&t->s, t->row, c, lis_light_parse(v), v);
            break;
        case LIS_XT_VERDICT:
            xw_light(&t->s, t->row, c, xw_verdict_light(v), v);
            break;
        default:
            xw_text(&t->s, t->row, c, v, b->text);
        }
    }
    t->row++;
    return b->st;
}

static void
table_free(lis_xlsx_table *t)
{
    free(t->title);
    free(t);
}

lis_status
lis_xlsx_table_close(lis_xlsx_table *t)
{
    xw_sheet_end(&t->s, true, true, t->ncols);
    lis_status st = xw_close(&t->b);
    table_free(t);
    return st;
}

void
lis_xlsx_table_abandon(lis_xlsx_table *t)
{
    xw_abandon(&t->b);
    table_free(t);
}
