/*
 * rollup_economy.h - the economy per agreement and window of one year (SPEC
 * section 3), computed in C from the budget and actual per agreement and
 * month that SQL sums (rollup_economy_months.sql), and written to
 * rollup_economy by binary COPY. Used by rollup.c inside its transaction,
 * with the months of lis_rollup_budget_finish, once the rows to replace are
 * deleted.
 */
#ifndef LIS_ROLLUP_ECONOMY_H
#define LIS_ROLLUP_ECONOMY_H

#include <libpq-fe.h>

#include "error.h"

/* Computes and inserts the economy rows of year from month_rows (the result of
 * rollup_economy_months.sql: the agreements whose economy is computed
 * again). green and yellow are the configured tolerances (%, numeric text).
 * *rows gets the row count. LIS_OK or LIS_DB. */
lis_status lis_rollup_economy(PGconn *conn, int year, const PGresult *month_rows,
                              const char *green, const char *yellow, long *rows,
                              lis_error *err);

#endif
