/*
 * rollup_economy.c - the economy per agreement and window of a year (SPEC
 * section 3); see rollup_economy.h. The formulas are those of the SQL that
 * computed them before (rollup_economy.sql until issue 10), in the same order
 * of operations, so that numeric's scale comes out the same.
 */
#include "rollup_economy.h"

#include <stdlib.h>
#include <string.h>

#include "copybin.h"
#include "db.h"
#include "decimal.h"
#include "rollup_window.h"

enum { FLUSH = 1 << 20 };

/* The figures of one agreement: budget and actual per month, in twelfths. */
typedef struct months {
    lis_dec b[12], a[12];
} months;

/* The sums in twelfths of one window, and what is stored from them. */
typedef struct figures {
    lis_dec annual, budget, actual, bytd, aytd, forecast12, limit, tmp;
    lis_num out[9]; /* annual .. forecast, as stored */
} figures;

/* sum(x) FILTER (WHERE month BETWEEN first AND last) */
static void
sum_months(lis_dec *r, const lis_dec *x, int first, int last)
{
    lis_dec_set(r, &x[first - 1]);
    for (int m = first + 1; m <= last; m++)
        lis_dec_add(r, r, &x[m - 1]);
}

/* out = a / 12 */
static void
twelfth(lis_num *out, const lis_dec *a)
{
    out->null = false;
    lis_dec_div_int(&out->v, a, 12);
}

/* out = a * 100 / annual, NULL when annual is 0 */
static void
share(lis_num *out, const lis_dec *a, const lis_dec *annual)
{
    lis_dec_mul_int(&out->v, a, 100);
    out->null = !lis_dec_div(&out->v, &out->v, annual);
}

/* forecast12 - annual <= abs(annual) * pct / 100 */
static bool
within(figures *f, const lis_dec *pct)
{
    lis_dec_set(&f->limit, &f->annual);
    mpz_abs(f->limit.c, f->limit.c);
    lis_dec_mul(&f->limit, &f->limit, pct);
    lis_dec_div_int(&f->limit, &f->limit, 100);
    lis_dec_sub(&f->tmp, &f->forecast12, &f->annual);
    return lis_dec_cmp(&f->tmp, &f->limit) <= 0;
}

/* The status and stored figures of window w of one agreement. */
static const char *
window_figures(figures *f, const months *m, const lis_window *w, bool has_lines,
               const lis_dec *green, const lis_dec *yellow)
{
    sum_months(&f->annual, m->b, 1, 12);
    sum_months(&f->budget, m->b, w->wf, w->wl);
    sum_months(&f->actual, m->a, w->wf, w->wl);
    sum_months(&f->bytd, m->b, 1, w->wl);
    sum_months(&f->aytd, m->a, 1, w->wl);
    if (lis_dec_sgn(&f->bytd) > 0) {
        lis_dec_mul(&f->forecast12, &f->aytd, &f->annual);
        lis_dec_div(&f->forecast12, &f->forecast12, &f->bytd);
    } else {
        lis_dec_mul_int(&f->forecast12, &f->aytd, 12);
        lis_dec_div_int(&f->forecast12, &f->forecast12, w->wl);
    }
    twelfth(&f->out[0], &f->annual);
    twelfth(&f->out[1], &f->budget);
    twelfth(&f->out[2], &f->actual);
    twelfth(&f->out[3], &f->bytd);
    twelfth(&f->out[4], &f->aytd);
    share(&f->out[5], &f->aytd, &f->annual);
    share(&f->out[6], &f->bytd, &f->annual);
    lis_dec_sub(&f->tmp, &f->aytd, &f->bytd);
    twelfth(&f->out[7], &f->tmp);
    twelfth(&f->out[8], &f->forecast12);
    if (!has_lines)
        return "grey";
    if (within(f, green))
        return "green";
    if (within(f, yellow))
        return "yellow";
    return "red";
}

/* The decimals of the figures and months, made (init) or freed. */
static void
numbers(figures *f, months *m, bool init)
{
    lis_dec *d[] = {&f->annual, &f->budget, &f->actual,     &f->bytd,
                    &f->aytd,   &f->limit,  &f->forecast12, &f->tmp};
    for (size_t i = 0; i < sizeof d / sizeof *d; i++)
        (init ? lis_dec_init : lis_dec_clear)(d[i]);
    for (int i = 0; i < 9; i++)
        (init ? lis_num_init : lis_num_clear)(&f->out[i]);
    for (int i = 0; i < 12; i++) {
        (init ? lis_dec_init : lis_dec_clear)(&m->b[i]);
        (init ? lis_dec_init : lis_dec_clear)(&m->a[i]);
    }
}

/* Writes the rows of every agreement in res (12 rows each) to the COPY. */
static lis_status
write_rows(PGconn *conn, int year, const PGresult *res, const lis_window *win,
           const lis_dec *green, const lis_dec *yellow, long *rows, lis_error *err)
{
    figures f;
    months m;
    numbers(&f, &m, true);
    lis_buf b;
    lis_buf_init(&b);
    lis_copybin_header(&b);
    lis_status st = LIS_OK;
    int n = PQntuples(res);
    for (int r = 0; r + 12 <= n && st == LIS_OK; r += 12) {
        const char *agreement = PQgetvalue(res, r, 0);
        bool has_lines = strcmp(PQgetvalue(res, r, 4), "t") == 0;
        for (int k = 0; k < 12; k++)
            if (!lis_dec_set_str(&m.b[k], PQgetvalue(res, r + k, 2)) ||
                !lis_dec_set_str(&m.a[k], PQgetvalue(res, r + k, 3)))
                st = lis_error_set(err, LIS_DB, "the economy of %s is not a number",
                                   agreement);
        for (int w = 0; w < LIS_NWIN && st == LIS_OK; w++) {
            const char *status =
                window_figures(&f, &m, &win[w], has_lines, green, yellow);
            lis_copybin_row(&b, 16);
            lis_copybin_int4(&b, year);
            lis_copybin_str(&b, agreement);
            lis_copybin_window(&b, &win[w]);
            for (int i = 0; i < 9 && st == LIS_OK; i++)
                if (!lis_copybin_num(&b, &f.out[i]))
                    st = lis_error_set(err, LIS_DB,
                                       "a figure of the economy of %s has too many "
                                       "digits to store",
                                       agreement);
            lis_copybin_str(&b, status);
            (*rows)++;
        }
        if (st == LIS_OK && b.len >= FLUSH)
            st = lis_db_copy_send(conn, &b, err);
    }
    if (st == LIS_OK) {
        lis_copybin_trailer(&b);
        st = lis_db_copy_send(conn, &b, err);
    }
    lis_buf_release(&b);
    numbers(&f, &m, false);
    return st;
}

lis_status
lis_rollup_economy(PGconn *conn, int year, const PGresult *month_rows, const char *green,
                   const char *yellow, long *rows, lis_error *err)
{
    char ys[16];
    snprintf(ys, sizeof ys, "%d", year);
    lis_window win[LIS_NWIN];
    lis_dec g, y;
    lis_dec_init(&g);
    lis_dec_init(&y);
    PGresult *windows = NULL;
    lis_status st = LIS_OK;
    *rows = 0;
    if (!lis_dec_set_str(&g, green) || !lis_dec_set_str(&y, yellow))
        st = lis_error_set(err, LIS_USAGE,
                           "the economy thresholds %s and %s are not numbers", green,
                           yellow);
    else if (lis_rollup_windows(conn, ys, win, &windows, err) != LIS_OK ||
             lis_db_copy_begin(conn, "queries/rollup_economy_copy.sql", err) != LIS_OK)
        st = LIS_DB;
    else {
        st = write_rows(conn, year, month_rows, win, &g, &y, rows, err);
        lis_status end = lis_db_copy_end(conn, st == LIS_OK ? NULL : "client failed",
                                         st == LIS_OK ? err : NULL);
        if (st == LIS_OK)
            st = end;
    }
    PQclear(windows);
    lis_dec_clear(&g);
    lis_dec_clear(&y);
    return st;
}
