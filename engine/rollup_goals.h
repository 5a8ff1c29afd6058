/*
 * rollup_goals.h - goal attainment per agreement, goal, indicator and window
 * of one year (SPEC section 3), computed in C and written to rollup_indicator
 * and rollup_goal by binary COPY.
 *
 * SQL sums the measurements once per agreement, indicator and period; the
 * windows, targets, attainment and status are computed here, with
 * PostgreSQL's numeric arithmetic (decimal.h), so every stored figure has the
 * value and the scale the set-based SQL gave it before. Used by rollup.c
 * inside its transaction, after rollup_prepare_units.sql and rollup_todo.sql
 * and after the rows to replace are deleted.
 */
#ifndef LIS_ROLLUP_GOALS_H
#define LIS_ROLLUP_GOALS_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "error.h"

/* Computes the indicator and goal rows of year of the agreements in
 * rollup_todo whose goals are computed again, and stores them in place of
 * the year's rows (full) or those agreements' rows; only rows that changed
 * are written. yellow is the configured yellow threshold (numeric text). The
 * row counts computed go to *indicator_rows and *goal_rows. LIS_OK or
 * LIS_DB. */
lis_status lis_rollup_goals(PGconn *conn, int year, bool full, const char *yellow,
                            long *indicator_rows, long *goal_rows, lis_error *err);

#endif
