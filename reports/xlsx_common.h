/*
 * xlsx_common.h - what the three workbooks share (internal to reports/):
 * formats, cells with width tracking, the stamp, sheet names and the print
 * setup. A book owns its libxlsxwriter workbook until xw_close.
 */
#ifndef LIS_XLSX_COMMON_H
#define LIS_XLSX_COMMON_H

#include <xlsxwriter.h>

#include "error.h"
#include "labels.h"
#include "report.h"

#define XW_MAX_COLS 32

typedef struct xw_book {
    lxw_workbook *wb;
    const lis_report *r;
    const char *lang;
    char *path;
    char *stamp;  /* the as-of line */
    char **names; /* sheet names used (for uniqueness) */
    size_t n_names;
    lxw_format *title, *stamp_fmt, *header, *text, *wrap, *bold, *bold_wrap, *italic,
        *label;
    lxw_format *integer, *money, *pct, *date, *month;
    lxw_format *dec[11]; /* #,##0 with 0..10 decimals */
    lxw_format *light[6];
    lxw_format *total_text, *total_money;
    lis_status st;
    lis_error *err;
} xw_book;

typedef struct xw_sheet {
    xw_book *b;
    lxw_worksheet *ws;
    char *name;
    double width[XW_MAX_COLS];
    double min_width[XW_MAX_COLS];
    int ncols;
    lxw_row_t header_row; /* the table header, for freeze, filter, repeat */
    lxw_row_t last_row;   /* the last row written */
    bool filtered;        /* xw_filter was called */
    lxw_row_t tall_row;   /* the row last made taller for wrapped text */
    int tall_lines;
} xw_sheet;

/* Opens a workbook for path with the title and subject of its document
 * properties. Returns LIS_OK or LIS_OUTPUT. */
lis_status xw_open(xw_book *b, const lis_report *r, const char *path, const char *title,
                   const char *subject, lis_error *err);
/* Writes and closes the workbook; frees the book's memory either way. */
lis_status xw_close(xw_book *b);
/* Frees without writing (after an error). */
void xw_abandon(xw_book *b);

/* Adds a sheet named from text (made valid and unique), with the title
 * row, the stamp row; the next free row is 3. */
void xw_sheet_begin(xw_book *b, xw_sheet *s, const char *name, const char *title);
/* Writes a header row at row with the labels; remembers it as the table
 * header. */
void xw_header(xw_sheet *s, lxw_row_t row, const char *const *labels, int n);
/* Column widths, freeze below the header, autofilter over header..last row
 * (when filter), A4 print setup (landscape when asked), repeated header row,
 * fit to width, title and stamp in the printed header, page numbers. */
void xw_sheet_end(xw_sheet *s, bool filter, bool landscape, int filter_cols);

void xw_text(xw_sheet *s, lxw_row_t row, int col, const char *text, lxw_format *fmt);
void xw_num(xw_sheet *s, lxw_row_t row, int col, double v, lxw_format *fmt);
/* A percent figure (95.3) written as the fraction 0.953 with a percent format. */
void xw_pct(xw_sheet *s, lxw_row_t row, int col, double percent);
void xw_light(xw_sheet *s, lxw_row_t row, int col, lis_light light, const char *word);
void xw_date(xw_sheet *s, lxw_row_t row, int col, int y, int m, int d, lxw_format *fmt);
/* Puts the autofilter on header..last_row now: in constant-memory mode it
 * must be set before rows below the table (totals) are written. */
void xw_filter(xw_sheet *s, lxw_row_t last_row, int ncols);
/* Sets the minimum width of a column (characters). */
void xw_min_width(xw_sheet *s, int col, double chars);

/* The colour of a transfer's verdict: ikke tilladt red, politisk behandling
 * yellow, inden for råderum green, anything else grey; none when empty. */
lis_light xw_verdict_light(const char *verdict);

/* The number format for an indicator with that many decimals. */
lxw_format *xw_dec(xw_book *b, int decimals);

/* Records a libxlsxwriter error (first wins). */
void xw_check(xw_book *b, lxw_error e, const char *what);

/* The rows a sheet may hold. */
unsigned long xw_max_rows(void);

#endif
