/*
 * rollup.h - the rollup engine: goal attainment and economy per agreement
 * and window (SPEC section 3), stored in the rollup_* tables that every
 * report and "lis show" read.
 *
 * The economy, the areas and the transfers are set-based SQL
 * (sql/queries/rollup_*.sql); goal attainment is summed in SQL and computed
 * in C with numeric's arithmetic (rollup_goals.h). This module runs them in
 * one transaction per year, records the run in lis.run, and knows whether a
 * stored rollup is still current. It prints nothing.
 */
#ifndef LIS_ROLLUP_H
#define LIS_ROLLUP_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "config.h"
#include "error.h"

/* What one rollup produced (the year's stored row counts after it). */
typedef struct lis_rollup_stats {
    long agreements;
    long indicator_rows;
    long goal_rows;
    long economy_rows;
    long area_rows;
    long transfers;
    long recomputed; /* the agreements whose rows were computed again */
    bool full;       /* every figure of the year was computed again */
    double seconds;
} lis_rollup_stats;

/*
 * Brings every figure of the year Y up to date in the rollup tables, in one
 * REPEATABLE READ transaction (every figure from one snapshot of the data),
 * holding the session's advisory lock on (rollup, Y) from before it begins
 * to after it ends, so that two rollups of one year do not interleave.
 * Thresholds come from cfg (yellow_pct,
 * economy_green_pct, economy_yellow_pct). conn must not be inside a
 * transaction. stats may be NULL. Returns LIS_OK, or LIS_DB with err filled
 * (the stored rows are then unchanged and the failed run is recorded).
 *
 * Incremental unless full: when only measurements, budget lines and
 * transfers were imported since the year's last successful rollup (no
 * catalogue import, no withdrawn batch, same thresholds), only the
 * agreements those batches touch are computed again (the figures are those
 * of a full rollup); otherwise, or with full, every figure of the year.
 */
lis_status lis_rollup_refresh(PGconn *conn, const lis_config *cfg, int year, bool full,
                              lis_rollup_stats *stats, lis_error *err);

/* lis_rollup_refresh, incremental where it can be. */
lis_status lis_rollup_year(PGconn *conn, const lis_config *cfg, int year,
                           lis_rollup_stats *stats, lis_error *err);

/*
 * Brings the stored rollup of year Y up to date: runs lis_rollup_year unless
 * the last successful rollup of Y saw the same data (import batches, row
 * counts) and the same thresholds. *ran (may be NULL) says whether it ran.
 */
lis_status lis_rollup_ensure(PGconn *conn, const lis_config *cfg, int year, bool *ran,
                             lis_error *err);

/*
 * Fresh imports have no planner statistics yet, and the plans of the
 * rollup's (and lis ready's) queries are then very bad: ANALYZEs the input
 * tables whose statistics are missing or stale. LIS_DB on error.
 */
lis_status lis_rollup_analyze(PGconn *conn, lis_error *err);

/*
 * The figures of year Y as they stood when import batch N was the newest
 * ("--as-of-batch N"): inside the caller's open transaction, rewrites the
 * data tables to that state (lis.as_of_apply, migration 002) and computes the
 * year's rollup into the rollup tables, under the year's rollup lock. The
 * caller reads what it needs (report model, lis show, readiness) and ROLLS
 * BACK, so the stored rollup and the data stay as they are; no rollup run is
 * recorded. fp receives the fingerprint of that data (as lis.run records it
 * for a rollup). Returns LIS_OK; LIS_INPUT when N is not an imported batch;
 * LIS_DB.
 */
lis_status lis_rollup_as_of(PGconn *conn, const lis_config *cfg, int year, long batch,
                            char fp[33], lis_error *err);

#endif
