/*
 * rollup_window.h - the 29 windows of a year as the rollup's C parts see
 * them (year_windows in migration 001 is their one definition), and their
 * columns in a binary COPY row of a rollup table.
 */
#ifndef LIS_ROLLUP_WINDOW_H
#define LIS_ROLLUP_WINDOW_H

#include <libpq-fe.h>

#include "error.h"
#include "mem.h"

enum { LIS_NWIN = 29 };

typedef struct lis_window {
    char kind;  /* M, Q, Y or T */
    int wf, wl; /* first and last month */
    const char *name;
} lis_window;

/* Reads the windows of year (text) into win; their names point into *res,
 * which the caller PQclears. LIS_OK or LIS_DB. */
lis_status lis_rollup_windows(PGconn *conn, const char *year, lis_window win[LIS_NWIN],
                              PGresult **res, lis_error *err);

/* The window columns of a rollup row: window_name, window_kind, first_month,
 * last_month. */
void lis_copybin_window(lis_buf *b, const lis_window *w);

#endif
