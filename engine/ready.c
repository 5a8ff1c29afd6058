/*
 * ready.c - what has arrived for a window and what is missing; see ready.h.
 * The checks are the SQL of sql/queries/ready_*.sql; this file collects
 * their rows.
 */
#include "ready.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "mem.h"
#include "rollup.h"
#include "run.h"

static char *
cell(const PGresult *res, int row, int col)
{
    return lis_xstrdup(PQgetisnull(res, row, col) ? "" : PQgetvalue(res, row, col));
}

static void
add_item(lis_ready *r, size_t *cap, const char *agreement, const char *goal,
         const char *indicator, const char *period, char *missing)
{
    if (r->n_missing == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        r->missing = lis_xrealloc(r->missing, *cap * sizeof *r->missing);
    }
    lis_ready_item *it = &r->missing[r->n_missing++];
    it->agreement_id = lis_xstrdup(agreement);
    it->goal_id = lis_xstrdup(goal);
    it->indicator_id = lis_xstrdup(indicator);
    it->period = lis_xstrdup(period);
    it->missing = missing;
}

static lis_ready *check(PGconn *conn, const lis_period *window, lis_error *err);

lis_ready *
lis_ready_check(PGconn *conn, const lis_period *window, lis_error *err)
{
    if (lis_rollup_analyze(conn, err) != LIS_OK)
        return NULL;
    return check(conn, window, err);
}

static lis_ready *
check(PGconn *conn, const lis_period *window, lis_error *err)
{
    char name[LIS_PERIOD_NAME_SIZE], ys[16], fm[8], lm[8];
    lis_period_name(window, name);
    snprintf(ys, sizeof ys, "%d", window->year);
    snprintf(fm, sizeof fm, "%d", window->first_month);
    snprintf(lm, sizeof lm, "%d", window->last_month);
    const char *p[3] = {ys, fm, lm};
    lis_ready *r = lis_xcalloc(1, sizeof *r);
    r->period = lis_xstrdup(name);
    size_t cap = 0;

    PGresult *res = lis_db_query(conn, "queries/ready_batches.sql", 0, NULL, err);
    if (res == NULL)
        goto fail;
    r->n_batches = (size_t)PQntuples(res);
    r->batches = lis_xcalloc(r->n_batches ? r->n_batches : 1, sizeof *r->batches);
    for (size_t i = 0; i < r->n_batches; i++) {
        r->batches[i].kind = cell(res, (int)i, 0);
        r->batches[i].batch_id = strtol(PQgetvalue(res, (int)i, 1), NULL, 10);
        r->batches[i].file = cell(res, (int)i, 2);
        r->batches[i].finished = cell(res, (int)i, 3);
    }
    PQclear(res);

    res = lis_db_query(conn, "queries/ready_measurements.sql", 3, p, err);
    if (res == NULL)
        goto fail;
    for (int i = 0; i < PQntuples(res); i++)
        add_item(r, &cap, PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
                 PQgetvalue(res, i, 2), PQgetvalue(res, i, 3), cell(res, i, 4));
    r->n_measurements = r->n_missing;
    PQclear(res);

    res = lis_db_query(conn, "queries/ready_budget_months.sql", 3, p, err);
    if (res == NULL)
        goto fail;
    r->n_months = (size_t)PQntuples(res);
    r->months = lis_xcalloc(r->n_months ? r->n_months : 1, sizeof *r->months);
    for (size_t i = 0; i < r->n_months; i++) {
        r->months[i].period = cell(res, (int)i, 0);
        r->months[i].lines = strtol(PQgetvalue(res, (int)i, 1), NULL, 10);
        if (r->months[i].lines == 0) {
            add_item(r, &cap, "", "", "", r->months[i].period,
                     lis_xstrdup("budget_month"));
            r->n_budget_months++;
        }
    }
    PQclear(res);

    res = lis_db_query(conn, "queries/ready_budget_cost_centres.sql", 3, p, err);
    if (res == NULL)
        goto fail;
    for (int i = 0; i < PQntuples(res); i++)
        add_item(r, &cap, PQgetvalue(res, i, 0), "", "", name,
                 lis_xasprintf("budget_cost_centre:%s", PQgetvalue(res, i, 1)));
    r->n_cost_centres = (size_t)PQntuples(res);
    PQclear(res);
    return r;

fail:
    lis_ready_free(r);
    return NULL;
}

void
lis_ready_free(lis_ready *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->n_batches; i++) {
        free(r->batches[i].kind);
        free(r->batches[i].file);
        free(r->batches[i].finished);
    }
    free(r->batches);
    for (size_t i = 0; i < r->n_months; i++)
        free(r->months[i].period);
    free(r->months);
    for (size_t i = 0; i < r->n_missing; i++) {
        lis_ready_item *it = &r->missing[i];
        free(it->agreement_id);
        free(it->goal_id);
        free(it->indicator_id);
        free(it->period);
        free(it->missing);
    }
    free(r->missing);
    free(r->period);
    free(r);
}

void
lis_ready_keep(lis_ready *r, const char *const *ids, size_t n)
{
    size_t kept = 0, measurements = 0, months = 0, centres = 0;
    for (size_t i = 0; i < r->n_missing; i++) {
        lis_ready_item *it = &r->missing[i];
        bool keep = it->agreement_id[0] == '\0';
        for (size_t k = 0; k < n && !keep; k++)
            keep = strcmp(it->agreement_id, ids[k]) == 0;
        if (!keep) {
            free(it->agreement_id);
            free(it->goal_id);
            free(it->indicator_id);
            free(it->period);
            free(it->missing);
            continue;
        }
        if (i < r->n_measurements)
            measurements++;
        else if (it->agreement_id[0] == '\0')
            months++;
        else
            centres++;
        r->missing[kept++] = *it;
    }
    r->n_missing = kept;
    r->n_measurements = measurements;
    r->n_budget_months = months;
    r->n_cost_centres = centres;
}

size_t
lis_ready_agreement_indicators(const lis_ready *r, const char *agreement_id)
{
    /* the measurement items come sorted by agreement, goal and indicator */
    size_t n = 0;
    const lis_ready_item *prev = NULL;
    for (size_t i = 0; r && i < r->n_measurements; i++) {
        const lis_ready_item *it = &r->missing[i];
        if (strcmp(it->agreement_id, agreement_id) != 0)
            continue;
        if (prev == NULL || strcmp(prev->goal_id, it->goal_id) != 0 ||
            strcmp(prev->indicator_id, it->indicator_id) != 0)
            n++;
        prev = it;
    }
    return n;
}

char *
lis_ready_missing_json(const lis_ready *r)
{
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_addc(&b, '[');
    for (size_t i = 0; i < r->n_missing; i++) {
        const lis_ready_item *it = &r->missing[i];
        lis_buf_adds(&b, i ? ",\n    {\"agreement_id\": " : "\n    {\"agreement_id\": ");
        lis_run_json_string(&b, it->agreement_id);
        lis_buf_adds(&b, ", \"goal_id\": ");
        lis_run_json_string(&b, it->goal_id);
        lis_buf_adds(&b, ", \"indicator_id\": ");
        lis_run_json_string(&b, it->indicator_id);
        lis_buf_adds(&b, ", \"period\": ");
        lis_run_json_string(&b, it->period);
        lis_buf_adds(&b, ", \"missing\": ");
        lis_run_json_string(&b, it->missing);
        lis_buf_addc(&b, '}');
    }
    lis_buf_adds(&b, r->n_missing ? "\n  ]" : "]");
    return b.data;
}
