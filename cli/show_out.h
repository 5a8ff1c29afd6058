/*
 * show_out.h - prints a query result as csv, json or an aligned table; used
 * by lis show and lis check. Each output column names its result column and
 * how it is shown.
 */
#ifndef LIS_SHOW_OUT_H
#define LIS_SHOW_OUT_H

#include <libpq-fe.h>
#include <stdio.h>

#include "error.h"

typedef enum lis_out_format {
    LIS_OUT_TABLE,
    LIS_OUT_CSV,
    LIS_OUT_JSON,
    LIS_OUT_XLSX, /* lis show only: lis_out_write (not lis_out_parse) */
} lis_out_format;

typedef enum lis_col_kind {
    LIS_COL_TEXT,    /* as is */
    LIS_COL_NUMBER,  /* unrounded in csv/json; Danish, rounded in a table */
    LIS_COL_STATUS,  /* green...; a Danish word in a table */
    LIS_COL_DATE,    /* yyyy-mm-dd: as is; a date in a workbook */
    LIS_COL_VERDICT, /* a transfer's verdict: as is; coloured in a workbook */
    LIS_COL_JSON,    /* JSON text: as is in json, text elsewhere */
} lis_col_kind;

typedef struct lis_out_col {
    const char *name;  /* csv/json name */
    const char *label; /* table header (Danish) */
    int field;         /* column of the result */
    lis_col_kind kind;
    int decimals; /* table: decimals; -1: from result column decimals_field */
    int decimals_field;
} lis_out_col;

/* Parses "table", "csv" or "json"; -1 when none. */
int lis_out_parse(const char *text);

/* Prints one csv field, quoted when it holds ';', '"' or a line break. */
void lis_out_csv_field(FILE *out, const char *s);

/* csv and json a chunk of rows at a time: the header (or "["), the rows of
 * res (printed counts the rows so far), the end ("]"). */
void lis_out_begin(FILE *out, const lis_out_col *cols, int ncols, lis_out_format fmt);
void lis_out_rows(FILE *out, const PGresult *res, const lis_out_col *cols, int ncols,
                  lis_out_format fmt, long *printed);
void lis_out_end(FILE *out, lis_out_format fmt, long printed);

/* Prints every row of res in format fmt to out. */
void lis_out_print(FILE *out, const PGresult *res, const lis_out_col *cols, int ncols,
                   lis_out_format fmt);

/* What a workbook of lis show states about itself. */
typedef struct lis_out_doc {
    const char *title;  /* e.g. "Målopfyldelse 2026-03" */
    const char *period; /* the window or year */
    const char *lang;
} lis_out_doc;

/*
 * Writes every row of the cursor (lis_db_declare on conn) in format fmt
 * (xlsx too: reports/ renders it from the rows) to the file path, or to
 * stdout when path is NULL. csv, json and xlsx fetch the rows a chunk at a
 * time, so memory does not grow with them; a table needs every row for its
 * widths. A file is written beside path and renamed into place, so a failure
 * leaves no partial file. conn also gives a workbook its as-of stamp. LIS_OK,
 * LIS_OUTPUT or LIS_DB with err filled.
 */
lis_status lis_out_write(PGconn *conn, const char *cursor, const lis_out_col *cols,
                         int ncols, lis_out_format fmt, const char *path,
                         const lis_out_doc *doc, lis_error *err);

#endif
