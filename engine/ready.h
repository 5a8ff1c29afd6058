/*
 * ready.h - has the data of a window arrived? ("lis ready", "lis run
 * --require-ready", and the missing-data line of the agreement reports.)
 *
 * For a window of one year (a month, a quarter, a year-to-date window or the
 * year) it reads what has landed and lists what is missing, in the SQL of
 * sql/queries/ready_*.sql:
 *   - the newest batch of each kind, with its date;
 *   - each month of the window with its number of budget lines; a month
 *     with none is missing ("budget_month");
 *   - per agreement, the cost centres of its units that have budget lines in
 *     the year but none in the window ("budget_cost_centre:<cc>"), when the
 *     window has budget lines at all;
 *   - per agreement, goal and indicator with a target row of the year, each
 *     period of the indicator's frequency inside the window in which the
 *     agreement's units have no measurement ("measurement"; a ratio
 *     indicator: "numerator" and/or "denominator").
 * It prints nothing; the model owns all its strings (lis_ready_free).
 */
#ifndef LIS_READY_H
#define LIS_READY_H

#include <libpq-fe.h>
#include <stddef.h>

#include "error.h"
#include "period.h"

/* One missing item, as "lis ready --format csv" prints it:
 * agreement_id;goal_id;indicator_id;period;missing ("" where empty). */
typedef struct lis_ready_item {
    char *agreement_id, *goal_id, *indicator_id, *period, *missing;
} lis_ready_item;

typedef struct lis_ready_batch {
    char *kind, *file, *finished; /* finished: yyyy-mm-dd hh:mi (UTC) */
    long batch_id;
} lis_ready_batch;

typedef struct lis_ready_month {
    char *period; /* yyyy-mm */
    long lines;   /* monthly budget lines booked on it */
} lis_ready_month;

typedef struct lis_ready {
    char *period; /* the window's name */
    lis_ready_batch *batches;
    size_t n_batches;
    lis_ready_month *months;
    size_t n_months;
    lis_ready_item *missing; /* measurements first, then budget months, then
                                cost centres */
    size_t n_missing;
    size_t n_measurements, n_budget_months, n_cost_centres; /* counts by kind */
} lis_ready;

/* Checks window (of its own year) on conn, as the data stands in conn's
 * current transaction (so an --as-of-batch run checks the data as of its
 * batch). Returns the result (lis_ready_free) or NULL with err (LIS_DB). */
lis_ready *lis_ready_check(PGconn *conn, const lis_period *window, lis_error *err);

void lis_ready_free(lis_ready *ready);

/* Keeps only the missing items of agreements ids[0..n-1] and those of no
 * agreement (budget months); the counts follow. For a run of some
 * agreements (--agreement). */
void lis_ready_keep(lis_ready *ready, const char *const *ids, size_t n);

/* How many of an agreement's goal-indicators lack data in the window. */
size_t lis_ready_agreement_indicators(const lis_ready *ready, const char *agreement_id);

/* The missing items as the JSON array of the manifest and of "lis ready
 * --format json" (objects with the csv names); newly allocated. */
char *lis_ready_missing_json(const lis_ready *ready);

#endif
