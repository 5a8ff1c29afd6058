/*
 * rollup_budget.h - the budget side of a rollup: the spread of a year's
 * budget lines (rollup_spread.sql), the council's economy per area
 * (rollup_economy_area.sql) and the agreements' budget per month
 * (rollup_economy_months.sql), computed on a second connection while the
 * rollup's own connection computes the goals, so that the two run on two
 * cores. Used by rollup.c inside its transaction: start before the goals,
 * finish after them; finish stores the area rows and hands over the months,
 * from which rollup_economy.c computes the economy rows.
 */
#ifndef LIS_ROLLUP_BUDGET_H
#define LIS_ROLLUP_BUDGET_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "error.h"

typedef struct lis_rollup_budget lis_rollup_budget;

/* Exports the snapshot of conn's transaction, connects a second time on it
 * and starts the budget side of year there, for the agreements whose
 * economy is computed again (rollup_todo, which conn's transaction holds).
 * With beside false (conn's transaction changed the data, as a rollup as
 * of a batch does, which a second connection would not see) finish runs it
 * all on conn. NULL with err filled. */
lis_rollup_budget *lis_rollup_budget_start(PGconn *conn, int year, bool beside,
                                           lis_error *err);

/* Inserts the area rows into rollup_economy_area in conn's transaction,
 * closes the second connection and frees b. Returns the
 * result of rollup_economy_months.sql, for the caller to PQclear, or NULL
 * with err filled (the server's error of either connection). */
PGresult *lis_rollup_budget_finish(lis_rollup_budget *b, PGconn *conn, lis_error *err);

/* Abandons a started budget side (the rollup failed): closes the
 * connection, which ends its queries, and frees b. NULL does nothing. */
void lis_rollup_budget_free(lis_rollup_budget *b);

#endif
