/*
 * report.c - fills the report model (report.h) from the rollup tables and
 * the catalogue, one set-based query per part (sql/queries/report_*.sql).
 *
 * It computes nothing the rollup engine computes: figures, statuses and
 * thresholds are read as stored, so every report and "lis show" agree. What
 * it does is shape: windows into the model's month, quarter, YTD and year
 * slots, and the cut of months after the report's window.
 */
#include "report.h"
#include "config.h"
#include "db.h"
#include "mem.h"

#include <libpq-fe.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------- result cells */

static char *
cell_str(const PGresult *res, int row, int col)
{
    if (PQgetisnull(res, row, col))
        return NULL;
    return lis_xstrdup(PQgetvalue(res, row, col));
}

/* Like cell_str, but "" for NULL (for fields renderers print as they are). */
static char *
cell_text(const PGresult *res, int row, int col)
{
    return lis_xstrdup(PQgetisnull(res, row, col) ? "" : PQgetvalue(res, row, col));
}

static double
cell_num(const PGresult *res, int row, int col)
{
    if (PQgetisnull(res, row, col))
        return NAN;
    return strtod(PQgetvalue(res, row, col), NULL);
}

static long
cell_long(const PGresult *res, int row, int col)
{
    if (PQgetisnull(res, row, col))
        return 0;
    return strtol(PQgetvalue(res, row, col), NULL, 10);
}

static bool
cell_bool(const PGresult *res, int row, int col)
{
    return !PQgetisnull(res, row, col) && PQgetvalue(res, row, col)[0] == 't';
}

static lis_light
cell_light(const PGresult *res, int row, int col)
{
    if (PQgetisnull(res, row, col))
        return LIS_LIGHT_NONE;
    return lis_light_parse(PQgetvalue(res, row, col));
}

/* ----------------------------------------------------------------- lookup */

static int
cmp_agreement(const void *key, const void *elem)
{
    return strcmp(key, ((const lis_rm_agreement *)elem)->agreement_id);
}

static int
cmp_goal(const void *key, const void *elem)
{
    return strcmp(key, ((const lis_rm_goal *)elem)->goal_id);
}

static int
cmp_indicator(const void *key, const void *elem)
{
    return strcmp(key, ((const lis_rm_indicator *)elem)->indicator_id);
}

const lis_rm_agreement *
lis_report_find(const lis_report *r, const char *agreement_id)
{
    if (r == NULL || r->n_agreements == 0)
        return NULL;
    return bsearch(agreement_id, r->agreements, r->n_agreements, sizeof *r->agreements,
                   cmp_agreement);
}

static lis_rm_agreement *
find_agreement(lis_report *r, const char *id)
{
    return (lis_rm_agreement *)lis_report_find(r, id);
}

static lis_rm_goal *
find_goal(lis_rm_agreement *a, const char *goal_id)
{
    if (a == NULL || a->n_goals == 0)
        return NULL;
    return bsearch(goal_id, a->goals, a->n_goals, sizeof *a->goals, cmp_goal);
}

static lis_rm_indicator *
find_indicator(lis_rm_goal *g, const char *indicator_id)
{
    if (g == NULL || g->n_indicators == 0)
        return NULL;
    return bsearch(indicator_id, g->indicators, g->n_indicators, sizeof *g->indicators,
                   cmp_indicator);
}

/* ------------------------------------------------------------- the parts */

typedef struct loader {
    PGconn *conn;
    lis_report *r;
    char year[16], month[16];
    char *ids; /* the text[] literal of the selected ids, or NULL */
    lis_error *err;
} loader;

static PGresult *
query(loader *l, const char *name, int nparams)
{
    const char *params[3] = {l->year, l->ids, l->month};
    return lis_db_query(l->conn, name, nparams, params, l->err);
}

/* Rows fetched at a time by each_row: a few MB of result. */
#define EACH_ROW_FETCH 20000

typedef void (*row_fn)(loader *l, const PGresult *res, int row);

/*
 * Calls fn for every row of query name, fetched through a cursor
 * EACH_ROW_FETCH rows at a time: the windows of every agreement of a large
 * municipality (1.5 million rows at scale 100) are never held whole. A
 * cursor lives in a transaction: outside one (a caller without the run's
 * snapshot), the query gets a read-only one of its own.
 */
static lis_status
each_row(loader *l, const char *name, int nparams, row_fn fn)
{
    bool own = PQtransactionStatus(l->conn) == PQTRANS_IDLE;
    if (own && lis_db_exec(l->conn, "BEGIN READ ONLY", l->err) != LIS_OK)
        return LIS_DB;
    const char *params[3] = {l->year, l->ids, l->month};
    lis_status st =
        lis_db_declare(l->conn, "lis_report_rows", name, nparams, params, l->err);
    for (int n = EACH_ROW_FETCH; st == LIS_OK && n == EACH_ROW_FETCH;) {
        PGresult *res = lis_db_fetch(l->conn, "lis_report_rows", EACH_ROW_FETCH, l->err);
        if (res == NULL) {
            st = LIS_DB;
            break;
        }
        n = PQntuples(res);
        for (int i = 0; i < n; i++)
            fn(l, res, i);
        PQclear(res);
    }
    if (st == LIS_OK)
        st = lis_db_exec(l->conn, "CLOSE lis_report_rows", l->err);
    if (own && st == LIS_OK)
        st = lis_db_exec(l->conn, "COMMIT", l->err);
    else if (own)
        lis_db_exec(l->conn, "ROLLBACK", NULL);
    return st;
}

static void
init_indicator(lis_rm_indicator *ind)
{
    for (int m = 0; m < 12; m++)
        ind->actual[m] = ind->target[m] = ind->attainment[m] = NAN;
    for (int q = 0; q < 4; q++)
        ind->q_actual[q] = ind->q_target[q] = ind->q_attainment[q] = NAN;
    ind->ytd_actual = ind->ytd_target = ind->ytd_attainment = NAN;
    ind->year_actual = ind->year_target = ind->year_attainment = NAN;
}

static void
init_goal(lis_rm_goal *g)
{
    for (int m = 0; m < 12; m++)
        g->attainment[m] = NAN;
    for (int q = 0; q < 4; q++)
        g->q_attainment[q] = NAN;
    g->ytd_attainment = g->year_attainment = NAN;
}

static void
init_economy(lis_rm_economy *e)
{
    e->annual_budget = 0;
    for (int m = 0; m < 12; m++) {
        e->budget[m] = e->actual[m] = e->cum_budget[m] = e->cum_actual[m] = NAN;
        e->consumption_pct[m] = e->expected_pct[m] = NAN;
        e->deviation[m] = e->forecast[m] = NAN;
    }
    e->ytd_budget = e->ytd_actual = e->consumption_pct_now = e->expected_pct_now = NAN;
    e->deviation_now = e->forecast_now = NAN;
}

static lis_status
no_agreement(lis_error *err, const char *id, const char *year)
{
    lis_error_set(err, LIS_INPUT, "no agreement \"%s\" in %s", id, year);
    lis_error_hint(
        err, "\"lis show attainment --year %s\" lists the agreements of the year.", year);
    return LIS_INPUT;
}

static lis_status
load_agreements(loader *l, const char *const *ids, size_t n)
{
    PGresult *res = query(l, "queries/report_agreements.sql", 2);
    if (res == NULL)
        return LIS_DB;
    int rows = PQntuples(res);
    lis_report *r = l->r;
    r->agreements = lis_xcalloc(rows ? (size_t)rows : 1, sizeof *r->agreements);
    r->n_agreements = (size_t)rows;
    for (int i = 0; i < rows; i++) {
        lis_rm_agreement *a = &r->agreements[i];
        a->agreement_id = cell_text(res, i, 0);
        a->name = cell_text(res, i, 1);
        a->status = cell_text(res, i, 2);
        a->year = (int)cell_long(res, i, 3);
        a->level = (int)cell_long(res, i, 4);
        a->holder_unit = cell_text(res, i, 5);
        a->holder_name = cell_str(res, i, 6);
        a->holder_leader = cell_str(res, i, 7);
        a->grantor_unit = cell_text(res, i, 8);
        a->grantor_name = cell_str(res, i, 9);
        a->parent_agreement = cell_str(res, i, 10);
        a->area_unit = cell_str(res, i, 11);
        a->area_name = cell_str(res, i, 12);
        init_economy(&a->economy);
    }
    PQclear(res);
    for (size_t i = 0; i < n; i++)
        if (find_agreement(r, ids[i]) == NULL)
            return no_agreement(l->err, ids[i], l->year);
    return LIS_OK;
}

static lis_status
load_goals(loader *l)
{
    PGresult *res = query(l, "queries/report_goals.sql", 3);
    if (res == NULL)
        return LIS_DB;
    int rows = PQntuples(res);
    lis_report *r = l->r;
    /* Rows come sorted by agreement: count, allocate, fill. */
    for (int i = 0; i < rows; i++) {
        lis_rm_agreement *a = find_agreement(r, PQgetvalue(res, i, 0));
        if (a)
            a->n_goals++;
    }
    for (size_t i = 0; i < r->n_agreements; i++) {
        lis_rm_agreement *a = &r->agreements[i];
        a->goals = lis_xcalloc(a->n_goals ? a->n_goals : 1, sizeof *a->goals);
        a->n_goals = 0;
    }
    for (int i = 0; i < rows; i++) {
        lis_rm_agreement *a = find_agreement(r, PQgetvalue(res, i, 0));
        if (a == NULL)
            continue;
        lis_rm_goal *g = &a->goals[a->n_goals++];
        init_goal(g);
        g->goal_id = cell_text(res, i, 1);
        g->title = cell_text(res, i, 2);
        g->kind = cell_text(res, i, 3);
        g->focus_area = cell_str(res, i, 4);
        g->cross_cutting = cell_bool(res, i, 5);
        g->owned = cell_bool(res, i, 6);
        g->owner_agreement = cell_text(res, i, 7);
        g->qualitative = cell_bool(res, i, 8);
        g->comment = cell_str(res, i, 9);
        g->comment_status = cell_str(res, i, 10);
        g->comment_period = cell_str(res, i, 11);
        g->comment_author = cell_str(res, i, 12);
    }
    PQclear(res);
    return LIS_OK;
}

static lis_status
load_indicators(loader *l)
{
    PGresult *res = query(l, "queries/report_indicators.sql", 2);
    if (res == NULL)
        return LIS_DB;
    int rows = PQntuples(res);
    lis_report *r = l->r;
    for (int i = 0; i < rows; i++) {
        lis_rm_goal *g =
            find_goal(find_agreement(r, PQgetvalue(res, i, 0)), PQgetvalue(res, i, 1));
        if (g)
            g->n_indicators++;
    }
    for (size_t i = 0; i < r->n_agreements; i++) {
        lis_rm_agreement *a = &r->agreements[i];
        for (size_t j = 0; j < a->n_goals; j++) {
            lis_rm_goal *g = &a->goals[j];
            g->indicators =
                lis_xcalloc(g->n_indicators ? g->n_indicators : 1, sizeof *g->indicators);
            g->n_indicators = 0;
        }
    }
    for (int i = 0; i < rows; i++) {
        lis_rm_goal *g =
            find_goal(find_agreement(r, PQgetvalue(res, i, 0)), PQgetvalue(res, i, 1));
        if (g == NULL)
            continue;
        lis_rm_indicator *ind = &g->indicators[g->n_indicators++];
        init_indicator(ind);
        ind->indicator_id = cell_text(res, i, 2);
        ind->name = cell_text(res, i, 3);
        ind->unit = cell_text(res, i, 4);
        ind->decimals = (int)cell_long(res, i, 5);
        ind->direction = cell_text(res, i, 6);
        ind->aggregation = cell_text(res, i, 7);
        ind->frequency = cell_text(res, i, 8);
        ind->weight = cell_num(res, i, 9);
        ind->low = cell_num(res, i, 10);
        ind->high = cell_num(res, i, 11);
    }
    PQclear(res);
    return LIS_OK;
}

/* Where a window's figures go: *slot is 0..11 for a month, 0..3 for a
 * quarter; returns the kind, or 0 for a window the model does not keep. */
static int
window_slot(const char *kind, int last_month, int report_month, int *slot)
{
    if (last_month < 1 || last_month > 12)
        return 0;
    switch (kind[0]) {
    case 'M':
        *slot = last_month - 1;
        return 'M';
    case 'Q':
        if (last_month % 3 != 0)
            return 0;
        *slot = last_month / 3 - 1;
        return 'Q';
    case 'T':
        return last_month == report_month ? 'T' : 0;
    case 'Y':
        return 'Y';
    }
    return 0;
}

/* Where one window's figures go in the model: NULL for what the target does
 * not keep (a goal has no actual or target). */
typedef struct window_cells {
    double *actual, *target, *attainment;
    lis_light *status;
} window_cells;

static window_cells
indicator_cells(lis_rm_indicator *ind, int kind, int slot)
{
    switch (kind) {
    case 'M':
        return (window_cells){&ind->actual[slot], &ind->target[slot],
                              &ind->attainment[slot], &ind->status[slot]};
    case 'Q':
        return (window_cells){&ind->q_actual[slot], &ind->q_target[slot],
                              &ind->q_attainment[slot], &ind->q_status[slot]};
    case 'T':
        return (window_cells){&ind->ytd_actual, &ind->ytd_target, &ind->ytd_attainment,
                              &ind->ytd_status};
    default:
        return (window_cells){&ind->year_actual, &ind->year_target, &ind->year_attainment,
                              &ind->year_status};
    }
}

static window_cells
goal_cells(lis_rm_goal *g, int kind, int slot)
{
    switch (kind) {
    case 'M':
        return (window_cells){NULL, NULL, &g->attainment[slot], &g->status[slot]};
    case 'Q':
        return (window_cells){NULL, NULL, &g->q_attainment[slot], &g->q_status[slot]};
    case 'T':
        return (window_cells){NULL, NULL, &g->ytd_attainment, &g->ytd_status};
    default:
        return (window_cells){NULL, NULL, &g->year_attainment, &g->year_status};
    }
}

/*
 * A row of the rollup's windows of goals or of goal-indicators: both queries
 * give agreement_id, goal_id, indicator_id (NULL: the row is the goal's),
 * window_kind, last_month, actual, target, attainment, status, qualitative.
 */
static void
window_row(loader *l, const PGresult *res, int i)
{
    lis_rm_goal *g =
        find_goal(find_agreement(l->r, PQgetvalue(res, i, 0)), PQgetvalue(res, i, 1));
    bool of_goal = PQgetisnull(res, i, 2);
    lis_rm_indicator *ind = of_goal ? NULL : find_indicator(g, PQgetvalue(res, i, 2));
    int slot = 0;
    int kind =
        window_slot(PQgetvalue(res, i, 3), (int)cell_long(res, i, 4), l->r->month, &slot);
    if (g == NULL || (!of_goal && ind == NULL) || kind == 0)
        return;
    if (of_goal && cell_bool(res, i, 9))
        g->qualitative = true;
    window_cells c =
        of_goal ? goal_cells(g, kind, slot) : indicator_cells(ind, kind, slot);
    if (c.actual)
        *c.actual = cell_num(res, i, 5);
    if (c.target)
        *c.target = cell_num(res, i, 6);
    *c.attainment = cell_num(res, i, 7);
    *c.status = cell_light(res, i, 8);
}

/* A row of report_economy.sql: one agreement's economy in one month. */
static void
economy_row(loader *l, const PGresult *res, int i)
{
    lis_rm_agreement *a = find_agreement(l->r, PQgetvalue(res, i, 0));
    int m = (int)cell_long(res, i, 1);
    if (a == NULL || m < 1 || m > 12)
        return;
    lis_rm_economy *e = &a->economy;
    lis_light st = cell_light(res, i, 11);
    e->annual_budget = cell_num(res, i, 2);
    if (isnan(e->annual_budget))
        e->annual_budget = 0;
    if (st != LIS_LIGHT_GREY)
        e->has_budget = true;
    e->budget[m - 1] = cell_num(res, i, 3);
    e->actual[m - 1] = cell_num(res, i, 4);
    e->cum_budget[m - 1] = cell_num(res, i, 5);
    e->cum_actual[m - 1] = cell_num(res, i, 6);
    e->consumption_pct[m - 1] = cell_num(res, i, 7);
    e->expected_pct[m - 1] = cell_num(res, i, 8);
    e->deviation[m - 1] = cell_num(res, i, 9);
    e->forecast[m - 1] = cell_num(res, i, 10);
    e->status[m - 1] = st;
}

static lis_status
load_economy(loader *l)
{
    if (each_row(l, "queries/report_economy.sql", 2, economy_row) != LIS_OK)
        return LIS_DB;
    int now = l->r->month - 1;
    for (size_t i = 0; i < l->r->n_agreements; i++) {
        lis_rm_economy *e = &l->r->agreements[i].economy;
        e->ytd_budget = e->cum_budget[now];
        e->ytd_actual = e->cum_actual[now];
        e->consumption_pct_now = e->consumption_pct[now];
        e->expected_pct_now = e->expected_pct[now];
        e->deviation_now = e->deviation[now];
        e->forecast_now = e->forecast[now];
        e->status_now = e->status[now];
    }
    return LIS_OK;
}

static lis_status
load_data(loader *l)
{
    PGresult *res = query(l, "queries/report_data.sql", 3);
    if (res == NULL)
        return LIS_DB;
    int rows = PQntuples(res);
    lis_report *r = l->r;
    for (int i = 0; i < rows; i++) {
        lis_rm_agreement *a = find_agreement(r, PQgetvalue(res, i, 0));
        if (a)
            a->n_data++;
    }
    for (size_t i = 0; i < r->n_agreements; i++) {
        lis_rm_agreement *a = &r->agreements[i];
        a->data = lis_xcalloc(a->n_data ? a->n_data : 1, sizeof *a->data);
        a->n_data = 0;
    }
    for (int i = 0; i < rows; i++) {
        lis_rm_agreement *a = find_agreement(r, PQgetvalue(res, i, 0));
        if (a == NULL)
            continue;
        lis_rm_measurement *m = &a->data[a->n_data++];
        m->indicator_id = cell_text(res, i, 1);
        m->unit_id = cell_text(res, i, 2);
        m->unit_name = cell_text(res, i, 3);
        m->period = cell_text(res, i, 4);
        m->value = cell_num(res, i, 5);
        m->batch_id = cell_long(res, i, 6);
        m->batch_file = cell_text(res, i, 7);
        m->measure_unit = cell_str(res, i, 8);
    }
    PQclear(res);
    return LIS_OK;
}

static lis_status
load_areas(loader *l, const char *window_name)
{
    const char *params[2] = {l->year, window_name};
    PGresult *res = lis_db_query(l->conn, "queries/report_areas.sql", 2, params, l->err);
    if (res == NULL)
        return LIS_DB;
    int rows = PQntuples(res);
    lis_report *r = l->r;
    r->areas = lis_xcalloc(rows ? (size_t)rows : 1, sizeof *r->areas);
    r->n_areas = (size_t)rows;
    for (int i = 0; i < rows; i++) {
        lis_rm_area *a = &r->areas[i];
        a->level = cell_text(res, i, 0);
        a->policy_area = cell_text(res, i, 1);
        a->service_frame = PQgetisnull(res, i, 2) ? -1 : cell_bool(res, i, 2);
        a->unallocated = cell_bool(res, i, 3);
        a->annual_budget = cell_num(res, i, 4);
        a->budget = cell_num(res, i, 5);
        a->actual = cell_num(res, i, 6);
        a->deviation = cell_num(res, i, 7);
        a->forecast = cell_num(res, i, 8);
        a->budget_ytd = cell_num(res, i, 9);
        a->actual_ytd = cell_num(res, i, 10);
        a->consumption_pct = cell_num(res, i, 11);
        a->expected_pct = cell_num(res, i, 12);
    }
    PQclear(res);
    return LIS_OK;
}

static lis_status
load_transfers(loader *l)
{
    PGresult *res = query(l, "queries/report_transfers.sql", 1);
    if (res == NULL)
        return LIS_DB;
    int rows = PQntuples(res);
    lis_report *r = l->r;
    r->transfers = lis_xcalloc(rows ? (size_t)rows : 1, sizeof *r->transfers);
    r->n_transfers = (size_t)rows;
    for (int i = 0; i < rows; i++) {
        lis_rm_transfer *t = &r->transfers[i];
        t->transfer_id = cell_text(res, i, 0);
        t->date = cell_text(res, i, 1);
        t->from_cost_centre = cell_text(res, i, 2);
        t->from_function = cell_text(res, i, 3);
        t->to_cost_centre = cell_text(res, i, 4);
        t->to_function = cell_text(res, i, 5);
        t->amount = cell_num(res, i, 6);
        t->note = cell_str(res, i, 7);
        t->cross_policy_area = cell_bool(res, i, 8);
        t->cross_service_frame = cell_bool(res, i, 9);
        t->within_agreement = cell_bool(res, i, 10);
        t->verdict = cell_text(res, i, 11);
        t->flags = cell_text(res, i, 12);
    }
    PQclear(res);
    return LIS_OK;
}

static lis_status
load_stamp(loader *l, const lis_period *window)
{
    lis_report *r = l->r;
    char name[LIS_PERIOD_NAME_SIZE];
    r->stamp.period = lis_xstrdup(lis_period_name(window, name));
    PGresult *res = lis_db_query(l->conn, "queries/report_stamp.sql", 0, NULL, l->err);
    if (res == NULL)
        return LIS_DB;
    if (PQntuples(res) == 1) {
        r->stamp.newest_batch = cell_long(res, 0, 0);
        r->stamp.data_as_of = cell_str(res, 0, 1);
    }
    PQclear(res);
    /* With no batch at all the document date is the window's first day: it
     * must still come from the data, not the clock. */
    if (r->stamp.data_as_of == NULL)
        r->stamp.data_as_of =
            lis_xasprintf("%04d-%02d-01", window->year, window->first_month);
    return LIS_OK;
}

/* A window after the report's: no actual, attainment or status (the target
 * is the plan and stays). */
static void
cut_cells(window_cells c)
{
    if (c.actual)
        *c.actual = NAN;
    if (c.attainment)
        *c.attainment = NAN;
    if (c.status)
        *c.status = LIS_LIGHT_NONE;
}

/* Months and quarters after the window: no actual, attainment or status. */
static void
cut_after(lis_report *r)
{
    int now = r->month;
    for (size_t i = 0; i < r->n_agreements; i++) {
        lis_rm_agreement *a = &r->agreements[i];
        for (size_t j = 0; j < a->n_goals; j++) {
            lis_rm_goal *g = &a->goals[j];
            for (int m = now; m < 12; m++) {
                cut_cells(goal_cells(g, 'M', m));
                for (size_t k = 0; k < g->n_indicators; k++)
                    cut_cells(indicator_cells(&g->indicators[k], 'M', m));
            }
            for (int q = now / 3; q < 4; q++) {
                cut_cells(goal_cells(g, 'Q', q));
                for (size_t k = 0; k < g->n_indicators; k++)
                    cut_cells(indicator_cells(&g->indicators[k], 'Q', q));
            }
        }
        lis_rm_economy *e = &a->economy;
        for (int m = now; m < 12; m++) {
            e->actual[m] = e->cum_actual[m] = e->consumption_pct[m] = NAN;
            e->deviation[m] = e->forecast[m] = NAN;
            e->status[m] = LIS_LIGHT_NONE;
        }
    }
}

lis_report *
lis_report_load_parts(PGconn *conn, const lis_config *cfg, int year,
                      const lis_period *window, const char *const *agreement_ids,
                      size_t n, unsigned parts, lis_error *err)
{
    if (window->year != year) {
        char name[LIS_PERIOD_NAME_SIZE];
        lis_error_set(err, LIS_USAGE, "window %s is not in %d",
                      lis_period_name(window, name), year);
        return NULL;
    }
    lis_report *r = lis_xcalloc(1, sizeof *r);
    loader l = {.conn = conn, .r = r, .err = err};
    r->year = year;
    r->month = window->kind == LIS_YEAR ? 12 : window->last_month;
    r->stamp.lang = lis_xstrdup(cfg && cfg->lang ? cfg->lang : "da");
    snprintf(l.year, sizeof l.year, "%d", year);
    snprintf(l.month, sizeof l.month, "%d", r->month);
    l.ids = n ? lis_db_text_array(agreement_ids, n) : NULL;

    char wname[LIS_PERIOD_NAME_SIZE];
    lis_period_name(window, wname);
    lis_status st = load_stamp(&l, window);
    if (st == LIS_OK)
        st = load_agreements(&l, agreement_ids, n);
    if (st == LIS_OK)
        st = load_goals(&l);
    if (st == LIS_OK)
        st = load_indicators(&l);
    if (st == LIS_OK)
        st = each_row(&l, "queries/report_rollup_indicator.sql", 2, window_row);
    if (st == LIS_OK)
        st = each_row(&l, "queries/report_rollup_goal.sql", 2, window_row);
    if (st == LIS_OK)
        st = load_economy(&l);
    if (st == LIS_OK && (parts & LIS_REPORT_DATA))
        st = load_data(&l);
    if (st == LIS_OK && (parts & LIS_REPORT_AREAS))
        st = load_areas(&l, wname);
    if (st == LIS_OK && (parts & LIS_REPORT_TRANSFERS))
        st = load_transfers(&l);
    free(l.ids);
    if (st != LIS_OK) {
        lis_report_free(r);
        return NULL;
    }
    cut_after(r);
    return r;
}

lis_report *
lis_report_load(PGconn *conn, const lis_config *cfg, int year, const lis_period *window,
                const char *const *agreement_ids, size_t n, lis_error *err)
{
    return lis_report_load_parts(conn, cfg, year, window, agreement_ids, n,
                                 LIS_REPORT_ALL, err);
}

/* ---------------------------------------------------------------- chunks */

struct lis_report_chunks {
    PGconn *conn;
    const lis_config *cfg;
    int year;
    lis_period window;
    unsigned parts;
    char **ids; /* every selected agreement, sorted by agreement_id */
    size_t n_ids, next, chunk;
};

static int
cmp_id(const void *key, const void *elem)
{
    return strcmp(key, *(char *const *)elem);
}

lis_report_chunks *
lis_report_chunks_open(PGconn *conn, const lis_config *cfg, int year,
                       const lis_period *window, const char *const *agreement_ids,
                       size_t n, unsigned parts, size_t chunk, lis_error *err)
{
    char ys[16];
    snprintf(ys, sizeof ys, "%d", year);
    char *ids = n ? lis_db_text_array(agreement_ids, n) : NULL;
    const char *params[2] = {ys, ids};
    PGresult *res =
        lis_db_query(conn, "queries/report_agreement_ids.sql", 2, params, err);
    free(ids);
    if (res == NULL)
        return NULL;
    lis_report_chunks *c = lis_xcalloc(1, sizeof *c);
    c->conn = conn;
    c->cfg = cfg;
    c->year = year;
    c->window = *window;
    c->parts = parts;
    c->chunk = chunk ? chunk : 1;
    c->n_ids = (size_t)PQntuples(res);
    c->ids = lis_xcalloc(c->n_ids ? c->n_ids : 1, sizeof *c->ids);
    for (size_t i = 0; i < c->n_ids; i++)
        c->ids[i] = cell_text(res, (int)i, 0);
    PQclear(res);
    for (size_t i = 0; i < n; i++) {
        if (c->n_ids == 0 ||
            bsearch(agreement_ids[i], c->ids, c->n_ids, sizeof *c->ids, cmp_id) == NULL) {
            no_agreement(err, agreement_ids[i], ys);
            lis_report_chunks_close(c);
            return NULL;
        }
    }
    return c;
}

size_t
lis_report_chunks_total(const lis_report_chunks *c)
{
    return c->n_ids;
}

lis_report *
lis_report_chunks_next(lis_report_chunks *c, lis_error *err)
{
    if (c->next >= c->n_ids) {
        err->code = LIS_OK;
        return NULL;
    }
    size_t k = c->n_ids - c->next < c->chunk ? c->n_ids - c->next : c->chunk;
    const char *const *ids = (const char *const *)c->ids + c->next;
    c->next += k;
    return lis_report_load_parts(c->conn, c->cfg, c->year, &c->window, ids, k, c->parts,
                                 err);
}

void
lis_report_chunks_close(lis_report_chunks *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->n_ids; i++)
        free(c->ids[i]);
    free(c->ids);
    free(c);
}
