/*
 * rollup_spread.h - the spread of a year's budget lines (rollup_spread.sql),
 * the costliest query of a rollup, computed on a second connection while
 * the rollup's own connection computes the goals, so that the two run on
 * two cores. Used by rollup.c inside its transaction: start before the
 * goals, finish before the economy, which reads the temporary table
 * rollup_spread that finish fills.
 */
#ifndef LIS_ROLLUP_SPREAD_H
#define LIS_ROLLUP_SPREAD_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "error.h"

typedef struct lis_rollup_spread lis_rollup_spread;

/* Exports the snapshot of conn's transaction, connects a second time on it
 * and starts the spread of year there. With beside false (conn's
 * transaction changed the data, as a rollup as of a batch does, which a
 * second connection would not see) the spread is made on conn, now. NULL
 * with err filled. */
lis_rollup_spread *lis_rollup_spread_start(PGconn *conn, int year, bool beside,
                                           lis_error *err);

/* Copies the spread into rollup_spread (rollup_spread_stage.sql) in conn's
 * transaction, unless start made it there, analyses it, and closes the
 * second connection, freeing sp. LIS_OK or LIS_DB. */
lis_status lis_rollup_spread_finish(lis_rollup_spread *sp, PGconn *conn, lis_error *err);

/* Abandons a started spread (the rollup failed): closes the connection,
 * which ends its query, and frees sp. NULL does nothing. */
void lis_rollup_spread_free(lis_rollup_spread *sp);

#endif
