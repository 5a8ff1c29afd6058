/*
 * rollup.h - the rollup engine: goal attainment and economy per agreement
 * and window (SPEC section 3), computed in SQL and stored in the rollup_*
 * tables that every report and "lis show" read.
 *
 * The formulas live in sql/queries/rollup_*.sql (set-based, one pass over the
 * measurements and one over the budget lines); this module runs them in one
 * transaction per year, records the run in lis.run, and knows whether a stored
 * rollup is still current. It prints nothing.
 */
#ifndef LIS_ROLLUP_H
#define LIS_ROLLUP_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "config.h"
#include "error.h"

/* What one rollup produced (row counts of the year). */
typedef struct lis_rollup_stats {
    long agreements;
    long indicator_rows;
    long goal_rows;
    long economy_rows;
    long area_rows;
    long transfers;
    double seconds;
} lis_rollup_stats;

/*
 * Computes every figure of the year Y and replaces the year's rows of the
 * rollup tables, in one transaction holding an advisory lock on (rollup, Y)
 * so that two rollups of one year do not interleave. Thresholds come from
 * cfg (yellow_pct, economy_green_pct, economy_yellow_pct). conn must not be
 * inside a transaction. stats may be NULL. Returns LIS_OK, or LIS_DB with err
 * filled (the stored rows are then unchanged and the failed run is recorded).
 */
lis_status lis_rollup_year(PGconn *conn, const lis_config *cfg, int year,
                           lis_rollup_stats *stats, lis_error *err);

/*
 * Brings the stored rollup of year Y up to date: runs lis_rollup_year unless
 * the last successful rollup of Y saw the same data (import batches, row
 * counts) and the same thresholds. *ran (may be NULL) says whether it ran.
 */
lis_status lis_rollup_ensure(PGconn *conn, const lis_config *cfg, int year, bool *ran,
                             lis_error *err);

#endif
