/*
 * xlsx.h - the Excel workbooks of SPEC section 4, written with
 * libxlsxwriter from the report model (report.h); no database here.
 *
 *   lis_xlsx_write_agreement  aftale-<id>.xlsx: Overblik, Maal (a native line
 *                             chart per indicator), Oekonomi (native charts),
 *                             Data (the measurements, with their batch)
 *   lis_xlsx_write_status     statusopfoelgning-Y.xlsx: an overview and one
 *                             sheet per fagområde
 *   lis_xlsx_write_annual     aarsberetning-Y.xlsx: "Kom vi i mål?", counts
 *                             per agreement and fagområde, economy per
 *                             agreement and policy area, flagged transfers
 *
 * Every workbook: labels from labels.h in the report's stamp.lang; numbers as
 * numbers with number formats (percentages as fractions with a percent
 * format), dates as dates, codes and every text from input as strings (never
 * formulas); a title and the as-of stamp on each sheet and in the printed
 * header; frozen header rows, autofilters, fitted column widths, A4 print
 * setup with page numbers. The document date is the stamp's data_as_of, so
 * the same model gives byte-identical files. Workbooks are written in
 * libxlsxwriter's constant-memory mode, row by row.
 *
 * Each function writes path (the caller picks a temporary place; see run.h)
 * and returns LIS_OK, or LIS_OUTPUT with err filled and no promise about
 * what is at path.
 */
#ifndef LIS_XLSX_H
#define LIS_XLSX_H

#include "error.h"
#include "report.h"

lis_status lis_xlsx_write_agreement(const lis_report *report, const lis_rm_agreement *a,
                                    const char *path, lis_error *err);
lis_status lis_xlsx_write_status(const lis_report *report, const char *path,
                                 lis_error *err);
lis_status lis_xlsx_write_annual(const lis_report *report, const char *path,
                                 lis_error *err);

/*
 * A figure table of "lis show" as a workbook (lis show ... --format xlsx):
 * one sheet (continued on "<title> (2)", ... past Excel's rows) with the
 * title, the as-of stamp, a header row of the csv's column names, then the
 * rows as the csv has them: numbers as numbers with number formats (the
 * csv's values, unrounded; decimals only in the format), dates as dates,
 * statuses and verdicts coloured like the reports, everything else text.
 * Frozen header, autofilter, A4 landscape. Streamed in constant memory: open,
 * a row at a time, close.
 */
typedef enum lis_xt_kind {
    LIS_XT_TEXT,
    LIS_XT_NUMBER,  /* the csv's number text (decimal point) */
    LIS_XT_DATE,    /* yyyy-mm-dd */
    LIS_XT_STATUS,  /* green, yellow, red, grey, not_due */
    LIS_XT_VERDICT, /* a transfer's verdict */
} lis_xt_kind;

typedef struct lis_xt_col {
    const char *name; /* header: the csv's column name */
    lis_xt_kind kind;
    int decimals; /* number format; -1: the row's decimals */
} lis_xt_col;

typedef struct lis_xlsx_table lis_xlsx_table;

/* Starts the workbook at path; NULL with err filled (LIS_OUTPUT). cols and
 * stamp's strings are borrowed until close. */
lis_xlsx_table *lis_xlsx_table_open(const char *path, const char *title,
                                    const lis_stamp *stamp, const lis_xt_col *cols,
                                    int ncols, lis_error *err);
/* Writes one row of ncols values (NULL or "" is an empty cell); decimals is
 * for the columns whose decimals are -1. Returns the book's status so far. */
lis_status lis_xlsx_table_row(lis_xlsx_table *t, const char *const *values, int decimals);
/* Writes the file and frees t; LIS_OK or LIS_OUTPUT with err filled. */
lis_status lis_xlsx_table_close(lis_xlsx_table *t);
/* Frees t after an error; what is at path is no promise. */
void lis_xlsx_table_abandon(lis_xlsx_table *t);

/* The rows a sheet may hold: Excel's 1,048,576 unless lowered (tests). A
 * table longer than that continues on sheets "Data (2)", "Data (3)", ... */
void lis_xlsx_set_max_rows(unsigned long rows);

/*
 * Text made fit for a workbook's XML (the one filter every text passes on
 * its way into a workbook): lis_utf8_clean (engine/utf8.h), with cell true
 * as a cell's text (a literal "_xHHHH_" escaped as ECMA-376 asks) and with
 * cell false for titles, sheet names and properties (control characters
 * made spaces). Newly allocated.
 */
char *lis_xlsx_clean_text(const char *text, bool cell);

/* A sheet name Excel accepts, made from any text: at most 31 characters, no
 * []:*?/\, not starting or ending with an apostrophe, not empty. Newly
 * allocated. */
char *lis_xlsx_sheet_name(const char *text);

#endif
