/*
 * rollup_goals.c - the indicator and goal rows of a year's rollup; see
 * rollup_goals.h. Every formula is SPEC section 3, written as the SQL of
 * rollup_indicator.sql and rollup_goal.sql wrote it before issue 10, in the
 * same order of operations: numeric's scale follows the order.
 *
 * The agreements are computed CHUNK at a time: five queries read what the
 * chunk needs (goals, target rows, measurements summed per period, the
 * values of "last" indicators, goal statuses), every row is computed here,
 * and two binary COPYs write them: into the tables when the year has no
 * stored rows yet, else into staging tables, from which only the rows that
 * changed are written (rollup_indicator_merge.sql, rollup_goal_merge.sql).
 */
#include "rollup_goals.h"

#include <stdlib.h>
#include <string.h>

#include "copybin.h"
#include "db.h"
#include "decimal.h"
#include "mem.h"
#include "rollup_window.h"

enum { CHUNK = 256 };

/* x = column col of row; false when the text is not a numeric. */
static bool
num_get(lis_num *x, const PGresult *r, int row, int col)
{
    return lis_num_set_str(x, PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col));
}

/* x * m / 12: a yearly figure prorated to m months. */
static void
num_prorate(lis_num *out, const lis_num *x, int m)
{
    out->null = x->null;
    if (x->null)
        return;
    lis_dec_mul_int(&out->v, &x->v, m);
    lis_dec_div_int(&out->v, &out->v, 12);
}

/* out = a * 100 / b; NULL when b is 0. */
static void
num_pct(lis_num *out, const lis_dec *a, const lis_dec *b)
{
    lis_dec_mul_int(&out->v, a, 100);
    out->null = !lis_dec_div(&out->v, &out->v, b);
}

/* Where window w is cut for a frequency: the whole periods it contains,
 * cf..cl (none when cl < cf). */
static void
cut(const lis_window *w, const char *frequency, int *cf, int *cl)
{
    if (strcmp(frequency, "maaned") == 0) {
        *cf = w->wf;
        *cl = w->wl;
    } else if (strcmp(frequency, "kvartal") == 0) {
        *cf = ((w->wf + 1) / 3) * 3 + 1;
        *cl = (w->wl / 3) * 3;
    } else {
        *cf = w->wf == 1 ? 1 : 13;
        *cl = w->wl == 12 ? 12 : 0;
    }
}

/* The rows of one query, parsed once: rollup_goals_values.sql (n, s, mn,
 * mx) or rollup_goals_last.sql (the value in s). */
typedef struct periods {
    PGresult *r;
    int key; /* the column after agreement_id and indicator_id */
    int *fm, *lm;
    long *n;
    lis_dec *s, *mn, *mx;
} periods;

/* Columns of rollup_goals_targets.sql. */
enum {
    T_AGREEMENT,
    T_GOAL,
    T_INDICATOR,
    T_BASELINE,
    T_TARGET,
    T_LOW,
    T_HIGH,
    T_METHOD,
    T_WEIGHT,
    T_YELLOW,
    T_Q1,
    T_PROFILE = T_Q1 + 4,
    T_DIRECTION,
    T_AGGREGATION,
    T_FREQUENCY,
    T_UNIT,
    T_NUMERATOR,
    T_DENOMINATOR
};

/* One target row, parsed. */
typedef struct target {
    lis_num baseline, target, low, high, weight, yellow, q[4];
    const char *goal, *indicator, *method, *profile, *direction, *aggregation, *frequency,
        *unit, *numerator, *denominator;
} target;

/* What the indicator rows of a goal in one window add up to. */
typedef struct goal_sum {
    bool any;   /* the goal has indicator rows */
    long n_att; /* rows with an attainment */
    bool all_not_due, all_green;
    lis_num wsum, watt; /* sum(weight), sum(weight * least(att, 100)) */
} goal_sum;

/* Numbers reused from row to row: each fresh GMP number costs a malloc. */
typedef struct scratch {
    target t;
    lis_num a, tw, yw, lo, hi, att;
    lis_dec s, mn, mx, ds, count;
    goal_sum gs[LIS_NWIN];
} scratch;

/* The rows of one chunk's queries and the output. */
typedef struct chunk {
    int year;
    lis_dec yellow; /* the configured threshold */
    lis_window win[LIS_NWIN];
    PGresult *goals, *targets, *statuses;
    periods values, last;
    /* Each window's rows of the chunk (binary COPY rows), sent in the order
     * of the windows' names: the primary keys begin (year, window_name), so
     * the rows arrive in runs of neighbouring keys, and a run's index
     * entries go into pages just used (scale 10: the indicator rows' COPY
     * 1.1 -> 0.9 s). */
    lis_buf ind_w[LIS_NWIN], goal_w[LIS_NWIN];
    int by_name[LIS_NWIN]; /* window indexes in the order of their names */
    bool staged;           /* into the staging tables (rollup_*_stage.sql) */
    bool too_long;         /* a figure had more digits than COPY could take */
    long ind_rows, goal_rows;
    lis_dec hundred;
    scratch x;
} chunk;

/* The first row in [lo, hi) whose column col is not below key (byte
 * order), and the end of the run equal to key. */
static int
lower(const PGresult *r, int col, int lo, int hi, const char *key)
{
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strcmp(PQgetvalue(r, mid, col), key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int
run_end(const PGresult *r, int col, int from, int hi, const char *key)
{
    while (from < hi && strcmp(PQgetvalue(r, from, col), key) == 0)
        from++;
    return from;
}

static bool
parse_periods(periods *p, bool last)
{
    int rows = PQntuples(p->r);
    p->key = last ? 3 : 2;
    p->fm = lis_xcalloc((size_t)rows + 1, sizeof *p->fm);
    p->lm = lis_xcalloc((size_t)rows + 1, sizeof *p->lm);
    p->n = lis_xcalloc((size_t)rows + 1, sizeof *p->n);
    p->s = lis_xcalloc((size_t)rows + 1, sizeof *p->s);
    p->mn = lis_xcalloc((size_t)rows + 1, sizeof *p->mn);
    p->mx = lis_xcalloc((size_t)rows + 1, sizeof *p->mx);
    bool ok = true;
    for (int i = 0; i < rows; i++) {
        lis_dec_init(&p->s[i]);
        lis_dec_init(&p->mn[i]);
        lis_dec_init(&p->mx[i]);
        p->fm[i] = atoi(PQgetvalue(p->r, i, p->key));
        p->lm[i] = atoi(PQgetvalue(p->r, i, p->key + 1));
        if (last) {
            ok = ok && lis_dec_set_str(&p->s[i], PQgetvalue(p->r, i, 5));
        } else {
            p->n[i] = atol(PQgetvalue(p->r, i, 4));
            ok = ok && lis_dec_set_str(&p->s[i], PQgetvalue(p->r, i, 5)) &&
                 lis_dec_set_str(&p->mn[i], PQgetvalue(p->r, i, 6)) &&
                 lis_dec_set_str(&p->mx[i], PQgetvalue(p->r, i, 7));
        }
    }
    return ok;
}

static void
free_periods(periods *p)
{
    if (p->r == NULL)
        return;
    for (int i = 0; i < PQntuples(p->r); i++) {
        lis_dec_clear(&p->s[i]);
        lis_dec_clear(&p->mn[i]);
        lis_dec_clear(&p->mx[i]);
    }
    free(p->fm);
    free(p->lm);
    free(p->n);
    free(p->s);
    free(p->mn);
    free(p->mx);
    PQclear(p->r);
    memset(p, 0, sizeof *p);
}

/* The rows [lo, hi) of p for one agreement narrowed to one indicator. */
static void
indicator_rows(const periods *p, int *lo, int *hi, const char *indicator)
{
    *lo = lower(p->r, 1, *lo, *hi, indicator);
    *hi = run_end(p->r, 1, *lo, *hi, indicator);
}

/* The sums of an indicator's periods inside cf..cl (rows lo..hi of the
 * values): n values, their sum, least and greatest. false when none. */
static bool
sum_range(const periods *p, int lo, int hi, int cf, int cl, long *n, lis_dec *s,
          lis_dec *mn, lis_dec *mx)
{
    bool any = false;
    for (int i = lo; i < hi; i++) {
        if (p->fm[i] < cf || p->lm[i] > cl)
            continue;
        if (!any) {
            *n = p->n[i];
            lis_dec_set(s, &p->s[i]);
            lis_dec_set(mn, &p->mn[i]);
            lis_dec_set(mx, &p->mx[i]);
        } else {
            *n += p->n[i];
            lis_dec_add(s, s, &p->s[i]);
            if (lis_dec_cmp(&p->mn[i], mn) < 0)
                lis_dec_set(mn, &p->mn[i]);
            if (lis_dec_cmp(&p->mx[i], mx) > 0)
                lis_dec_set(mx, &p->mx[i]);
        }
        any = true;
    }
    return any;
}

/* "last": per unit, the value of its latest period inside cf..cl (of two
 * ending in the same month the shorter); their sum. false when none. */
static bool
sum_last(const periods *p, int lo, int hi, int cf, int cl, lis_dec *s)
{
    bool any = false;
    for (int i = lo; i < hi;) {
        int end = run_end(p->r, 2, i, hi, PQgetvalue(p->r, i, 2));
        int best = -1;
        for (int k = i; k < end; k++) {
            if (p->fm[k] < cf || p->lm[k] > cl)
                continue;
            if (best < 0 || p->lm[k] > p->lm[best] ||
                (p->lm[k] == p->lm[best] && p->fm[k] > p->fm[best]))
                best = k;
        }
        if (best >= 0) {
            if (any)
                lis_dec_add(s, s, &p->s[best]);
            else
                lis_dec_set(s, &p->s[best]);
            any = true;
        }
        i = end;
    }
    return any;
}

/* Where an agreement's rows are in the chunk's values and "last" rows. */
typedef struct span {
    int v0, v1, l0, l1;
} span;

/* The actual value of target row t in window cf..cl (SPEC section 3). */
static void
actual_of(chunk *c, const span *sp, const target *t, int cf, int cl, lis_num *out)
{
    long n = 0, dn = 0;
    lis_dec *s = &c->x.s, *mn = &c->x.mn, *mx = &c->x.mx, *ds = &c->x.ds;
    out->null = true;
    const char *agg = t->aggregation;
    int lo = sp->v0, hi = sp->v1;
    if (strcmp(agg, "last") == 0) {
        lo = sp->l0;
        hi = sp->l1;
        indicator_rows(&c->last, &lo, &hi, t->indicator);
        out->null = !sum_last(&c->last, lo, hi, cf, cl, &out->v);
    } else if (strcmp(agg, "ratio") == 0) {
        int dlo = lo, dhi = hi;
        indicator_rows(&c->values, &lo, &hi, t->numerator);
        indicator_rows(&c->values, &dlo, &dhi, t->denominator);
        /* a numerator and a denominator value, and a denominator sum other
         * than 0 */
        if (sum_range(&c->values, lo, hi, cf, cl, &n, s, mn, mx) &&
            sum_range(&c->values, dlo, dhi, cf, cl, &dn, ds, mn, mx) &&
            lis_dec_sgn(ds) != 0) {
            lis_dec_mul_int(&out->v, s, strcmp(t->unit, "pct") == 0 ? 100 : 1);
            out->null = !lis_dec_div(&out->v, &out->v, ds);
        }
    } else {
        indicator_rows(&c->values, &lo, &hi, t->indicator);
        if (sum_range(&c->values, lo, hi, cf, cl, &n, s, mn, mx)) {
            out->null = false;
            if (strcmp(agg, "sum") == 0) {
                lis_dec_set(&out->v, s);
            } else if (strcmp(agg, "mean") == 0) {
                lis_dec_set_int(&c->x.count, n);
                lis_dec_div(&out->v, s, &c->x.count);
            } else {
                lis_dec_set(&out->v, strcmp(agg, "min") == 0 ? mn : mx);
            }
        }
    }
}

/* The window's target tw, baseline yw and interval bounds lo, hi of target
 * row t for the whole periods cf..cl (m months ending in month e); sum
 * indicators prorate by months. */
static void
window_targets(const target *t, int m, int e, lis_num *tw, lis_num *yw, lis_num *lo,
               lis_num *hi, lis_dec *part)
{
    bool sum = strcmp(t->aggregation, "sum") == 0;
    if (sum && strcmp(t->profile, "custom") == 0) {
        /* the months of each quarter inside the window, in thirds */
        tw->null = false;
        for (int q = 0; q < 4; q++) {
            int first = e - m + 1 > 3 * q + 1 ? e - m + 1 : 3 * q + 1;
            int last = e < 3 * q + 3 ? e : 3 * q + 3;
            int months = last - first + 1 > 0 ? last - first + 1 : 0;
            lis_dec_mul_int(q == 0 ? &tw->v : part, &t->q[q].v, months);
            if (q > 0)
                lis_dec_add(&tw->v, &tw->v, part);
        }
        lis_dec_div_int(&tw->v, &tw->v, 3);
    } else if (sum) {
        num_prorate(tw, &t->target, m);
    } else if (strcmp(t->profile, "linear") == 0) {
        tw->null = t->target.null;
        if (!tw->null) {
            lis_dec_sub(&tw->v, &t->target.v, &t->baseline.v);
            lis_dec_mul_int(&tw->v, &tw->v, e);
            lis_dec_div_int(&tw->v, &tw->v, 12);
            lis_dec_add(&tw->v, &t->baseline.v, &tw->v);
        }
    } else if (strcmp(t->profile, "custom") == 0) {
        lis_num_set(tw, &t->q[(e + 2) / 3 - 1]);
    } else {
        lis_num_set(tw, &t->target);
    }
    if (sum) {
        num_prorate(yw, &t->baseline, m);
        num_prorate(lo, &t->low, m);
        num_prorate(hi, &t->high, m);
    } else {
        lis_num_set(yw, &t->baseline);
        lis_num_set(lo, &t->low);
        lis_num_set(hi, &t->high);
    }
}

/* The attainment (%) of actual a against the window's figures. */
static void
attainment(chunk *c, const target *t, const lis_num *a, const lis_num *tw,
           const lis_num *yw, const lis_num *lo, const lis_num *hi, lis_num *att)
{
    att->null = true;
    if (a->null)
        return;
    if (strcmp(t->direction, "interval") == 0) {
        if (!lo->null && lis_dec_cmp(&a->v, &lo->v) < 0) {
            num_pct(att, &a->v, &lo->v);
        } else if (!hi->null && lis_dec_cmp(&a->v, &hi->v) > 0) {
            num_pct(att, &hi->v, &a->v);
        } else {
            att->null = false;
            lis_dec_set(&att->v, &c->hundred);
        }
        return;
    }
    if (tw->null)
        return;
    bool progress = t->method ? strcmp(t->method, "progress") == 0
                              : !t->baseline.null && !t->target.null &&
                                    lis_dec_cmp(&t->target.v, &t->baseline.v) != 0;
    if (progress && !yw->null && lis_dec_cmp(&tw->v, &yw->v) != 0) {
        lis_dec *d = &c->x.s;
        lis_dec_sub(d, &tw->v, &yw->v);
        lis_dec_sub(&att->v, &a->v, &yw->v);
        num_pct(att, &att->v, d);
    } else if (strcmp(t->direction, "op") == 0) {
        num_pct(att, &a->v, &tw->v);
    } else if (lis_dec_sgn(&a->v) == 0) {
        att->null = false;
        lis_dec_set_int(&att->v, 200);
    } else {
        num_pct(att, &tw->v, &a->v);
    }
}

/* round(x, 6) >= y, rounded in tmp */
static bool
reaches(const lis_dec *x, const lis_dec *y, lis_dec *tmp)
{
    lis_dec_round(tmp, x, 6);
    return lis_dec_cmp(tmp, y) >= 0;
}

static bool
get_target(target *t, const PGresult *r, int row)
{
    t->goal = PQgetvalue(r, row, T_GOAL);
    t->indicator = PQgetvalue(r, row, T_INDICATOR);
    t->method = PQgetisnull(r, row, T_METHOD) ? NULL : PQgetvalue(r, row, T_METHOD);
    t->profile = PQgetvalue(r, row, T_PROFILE);
    t->direction = PQgetvalue(r, row, T_DIRECTION);
    t->aggregation = PQgetvalue(r, row, T_AGGREGATION);
    t->frequency = PQgetvalue(r, row, T_FREQUENCY);
    t->unit = PQgetvalue(r, row, T_UNIT);
    t->numerator = PQgetvalue(r, row, T_NUMERATOR);
    t->denominator = PQgetvalue(r, row, T_DENOMINATOR);
    bool ok = num_get(&t->baseline, r, row, T_BASELINE) &&
              num_get(&t->target, r, row, T_TARGET) && num_get(&t->low, r, row, T_LOW) &&
              num_get(&t->high, r, row, T_HIGH) &&
              num_get(&t->weight, r, row, T_WEIGHT) &&
              num_get(&t->yellow, r, row, T_YELLOW);
    for (int q = 0; q < 4; q++)
        ok = ok && num_get(&t->q[q], r, row, T_Q1 + q);
    return ok;
}

/* The indicator rows of target row t of agreement `agreement` (owned by
 * owner), written to c->ind_w, and added to the goal's sums. */
static void
target_rows(chunk *c, const span *sp, const char *agreement, const char *owner,
            const target *t)
{
    scratch *x = &c->x;
    for (int w = 0; w < LIS_NWIN; w++) {
        const lis_window *win = &c->win[w];
        int cf, cl;
        cut(win, t->frequency, &cf, &cl);
        bool due = cl >= cf;
        const char *status = "not_due";
        x->a.null = x->tw.null = x->att.null = true;
        if (due) {
            actual_of(c, sp, t, cf, cl, &x->a);
            window_targets(t, cl - cf + 1, cl, &x->tw, &x->yw, &x->lo, &x->hi, &x->s);
            attainment(c, t, &x->a, &x->tw, &x->yw, &x->lo, &x->hi, &x->att);
            if (x->att.null)
                status = "grey";
            else if (reaches(&x->att.v, &c->hundred, &x->s))
                status = "green";
            else if (reaches(&x->att.v, t->yellow.null ? &c->yellow : &t->yellow.v,
                             &x->s))
                status = "yellow";
            else
                status = "red";
        }

        lis_buf *b = &c->ind_w[w];
        lis_copybin_row(b, 14);
        lis_copybin_int4(b, c->year);
        lis_copybin_str(b, agreement);
        lis_copybin_str(b, t->goal);
        lis_copybin_str(b, t->indicator);
        lis_copybin_window(b, win);
        c->too_long |= !lis_copybin_num(b, &x->a) || !lis_copybin_num(b, &x->tw) ||
                       !lis_copybin_num(b, &x->att);
        lis_copybin_str(b, status);
        c->too_long |= !lis_copybin_num(b, &t->weight);
        lis_copybin_str(b, owner);
        c->ind_rows++;

        goal_sum *g = &x->gs[w];
        g->any = true;
        g->all_not_due = g->all_not_due && strcmp(status, "not_due") == 0;
        if (x->att.null)
            continue;
        g->all_green = g->all_green && strcmp(status, "green") == 0;
        g->n_att++;
        /* weight * least(att, 100): least keeps att unless 100 is smaller */
        lis_dec *capped = &x->s;
        lis_dec_set(capped,
                    lis_dec_cmp(&c->hundred, &x->att.v) < 0 ? &c->hundred : &x->att.v);
        lis_dec_mul(capped, &t->weight.v, capped);
        if (g->wsum.null) {
            lis_num_set(&g->wsum, &t->weight);
            g->watt.null = false;
            lis_dec_set(&g->watt.v, capped);
        } else {
            lis_dec_add(&g->wsum.v, &g->wsum.v, &t->weight.v);
            lis_dec_add(&g->watt.v, &g->watt.v, capped);
        }
    }
}

/* The qualitative status of a goal in window w: the latest status whose
 * period ends no later than the window (earlier years count); row index in
 * c->statuses or -1. */
static int
status_row(const chunk *c, const char *goal, const lis_window *w)
{
    const PGresult *r = c->statuses;
    int n = PQntuples(r);
    for (int i = lower(r, 0, 0, n, goal); i < n && strcmp(PQgetvalue(r, i, 0), goal) == 0;
         i++) {
        int year = atoi(PQgetvalue(r, i, 1)), last = atoi(PQgetvalue(r, i, 3));
        if (year < c->year || last <= w->wl)
            return i;
    }
    return -1;
}

static const char *
qualitative_status(const char *s)
{
    if (strcmp(s, "opfyldt") == 0 || strcmp(s, "paa-sporet") == 0)
        return "green";
    if (strcmp(s, "delvist") == 0 || strcmp(s, "forsinket") == 0)
        return "yellow";
    if (strcmp(s, "ikke-opfyldt") == 0 || strcmp(s, "ikke-startet") == 0)
        return "red";
    return "grey";
}

/* The goal rows of one goal, from its sums per window. */
static void
goal_rows(chunk *c, const char *agreement, const char *goal, const char *owner)
{
    lis_num *att = &c->x.att;
    for (int w = 0; w < LIS_NWIN; w++) {
        const goal_sum *g = &c->x.gs[w];
        int st = status_row(c, goal, &c->win[w]);
        const char *status;
        att->null = true;
        if (!g->wsum.null && lis_dec_sgn(&g->wsum.v) > 0)
            att->null = !lis_dec_div(&att->v, &g->watt.v, &g->wsum.v);
        if (!g->any)
            status = st < 0 ? "grey" : qualitative_status(PQgetvalue(c->statuses, st, 4));
        else if (g->all_not_due)
            status = "not_due";
        else if (g->n_att == 0)
            status = "grey";
        else if (g->all_green)
            status = "green";
        else if (!att->null && reaches(&att->v, &c->yellow, &c->x.s))
            status = "yellow";
        else
            status = "red";

        lis_buf *b = &c->goal_w[w];
        lis_copybin_row(b, 12);
        lis_copybin_int4(b, c->year);
        lis_copybin_str(b, agreement);
        lis_copybin_str(b, goal);
        lis_copybin_window(b, &c->win[w]);
        c->too_long |= !lis_copybin_num(b, att);
        lis_copybin_str(b, status);
        lis_copybin_bool(b, !g->any);
        lis_copybin_str(b, st < 0 || PQgetisnull(c->statuses, st, 5)
                               ? NULL
                               : PQgetvalue(c->statuses, st, 5));
        lis_copybin_str(b, owner);
        c->goal_rows++;
    }
}

/* Every row of one agreement: goals g0..g1 of c->goals, target rows t0..t1
 * of c->targets. false when a stored figure is not a numeric. */
static bool
agreement_rows(chunk *c, const span *sp, int g0, int g1, int t0, int t1)
{
    int tr = t0;
    for (int g = g0; g < g1; g++) {
        const char *agreement = PQgetvalue(c->goals, g, 0);
        const char *goal = PQgetvalue(c->goals, g, 1);
        const char *owner = PQgetvalue(c->goals, g, 2);
        for (int w = 0; w < LIS_NWIN; w++) {
            goal_sum *gs = &c->x.gs[w];
            gs->any = false;
            gs->n_att = 0;
            gs->all_not_due = gs->all_green = true;
            gs->wsum.null = gs->watt.null = true;
        }
        tr = lower(c->targets, T_GOAL, tr, t1, goal);
        for (; tr < t1 && strcmp(PQgetvalue(c->targets, tr, T_GOAL), goal) == 0; tr++) {
            if (!get_target(&c->x.t, c->targets, tr))
                return false;
            target_rows(c, sp, agreement, owner, &c->x.t);
        }
        goal_rows(c, agreement, goal, owner);
    }
    return true;
}

/* Makes the scratch's numbers (init) or frees them. */
static void
scratch_numbers(scratch *x, bool init)
{
    target *t = &x->t;
    lis_num *nums[] = {&t->baseline, &t->target, &t->low,  &t->high,
                       &t->weight,   &t->yellow, &t->q[0], &t->q[1],
                       &t->q[2],     &t->q[3],   &x->a,    &x->tw,
                       &x->yw,       &x->lo,     &x->hi,   &x->att};
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++)
        (init ? lis_num_init : lis_num_clear)(nums[i]);
    for (int w = 0; w < LIS_NWIN; w++) {
        (init ? lis_num_init : lis_num_clear)(&x->gs[w].wsum);
        (init ? lis_num_init : lis_num_clear)(&x->gs[w].watt);
    }
    lis_dec *decs[] = {&x->s, &x->mn, &x->mx, &x->ds, &x->count};
    for (size_t i = 0; i < sizeof decs / sizeof *decs; i++)
        (init ? lis_dec_init : lis_dec_clear)(decs[i]);
}

/* Reads what the chunk of agreements (ids) needs. */
static lis_status
read_chunk(PGconn *conn, chunk *c, const char *year, const char *ids, lis_error *err)
{
    const char *p[] = {year, ids};
    if ((c->goals = lis_db_query(conn, "queries/rollup_goals_list.sql", 2, p, err)) ==
            NULL ||
        (c->targets =
             lis_db_query(conn, "queries/rollup_goals_targets.sql", 2, p, err)) == NULL ||
        (c->statuses = lis_db_query(conn, "queries/rollup_goals_statuses.sql", 2, p,
                                    err)) == NULL ||
        (c->values.r =
             lis_db_query(conn, "queries/rollup_goals_values.sql", 2, p, err)) == NULL ||
        (c->last.r = lis_db_query(conn, "queries/rollup_goals_last.sql", 2, p, err)) ==
            NULL)
        return LIS_DB;
    if (!parse_periods(&c->values, false) || !parse_periods(&c->last, true))
        return lis_error_set(err, LIS_DB,
                             "the rollup read a measurement that is not a number");
    return LIS_OK;
}

static void
free_chunk(chunk *c)
{
    PQclear(c->goals);
    PQclear(c->targets);
    PQclear(c->statuses);
    c->goals = c->targets = c->statuses = NULL;
    free_periods(&c->values);
    free_periods(&c->last);
}

/* The rows of agreement a in result r (column 0, byte order) from *at. */
static void
take(const PGresult *r, int *at, const char *a, int *lo, int *hi)
{
    int n = PQntuples(r);
    *lo = lower(r, 0, *at, n, a);
    *hi = *at = run_end(r, 0, *lo, n, a);
}

/* COPY name of the windows' rows w, in the order by_name, sent one window
 * at a time (each buffer is emptied). */
static lis_status
copy_windows(PGconn *conn, const char *name, lis_buf *w, const int *by_name,
             lis_error *err)
{
    lis_buf edge;
    lis_buf_init(&edge);
    lis_copybin_header(&edge);
    lis_status st = lis_db_copy_begin(conn, name, err);
    bool ok = st == LIS_OK && lis_db_copy_send(conn, &edge, err) == LIS_OK;
    for (int i = 0; ok && i < LIS_NWIN; i++)
        ok = lis_db_copy_send(conn, &w[by_name[i]], err) == LIS_OK;
    lis_copybin_trailer(&edge);
    ok = ok && lis_db_copy_send(conn, &edge, err) == LIS_OK;
    lis_buf_release(&edge);
    if (st != LIS_OK)
        return st;
    st = lis_db_copy_end(conn, ok ? NULL : "client failed", ok ? err : NULL);
    return ok ? st : LIS_DB;
}

/* by_name: the indexes of win in the order of the windows' names. */
static void
order_by_name(const lis_window *win, int *by_name)
{
    for (int i = 0; i < LIS_NWIN; i++) {
        int j = i;
        for (; j > 0 && strcmp(win[by_name[j - 1]].name, win[i].name) > 0; j--)
            by_name[j] = by_name[j - 1];
        by_name[j] = i;
    }
}

/* Computes and writes the rows of one chunk. */
static lis_status
compute_chunk(PGconn *conn, chunk *c, char **ids, int n, lis_error *err)
{
    /* The window buffers start empty: the last chunk's copy_windows emptied
     * them. */
    int gi = 0, ti = 0, vi = 0, li = 0;
    for (int k = 0; k < n; k++) {
        int g0, g1, t0, t1;
        span sp;
        take(c->goals, &gi, ids[k], &g0, &g1);
        take(c->targets, &ti, ids[k], &t0, &t1);
        take(c->values.r, &vi, ids[k], &sp.v0, &sp.v1);
        take(c->last.r, &li, ids[k], &sp.l0, &sp.l1);
        if (!agreement_rows(c, &sp, g0, g1, t0, t1))
            return lis_error_set(err, LIS_DB,
                                 "the rollup read a target of agreement %s that is not a "
                                 "number",
                                 ids[k]);
        if (c->too_long)
            return lis_error_set(err, LIS_DB,
                                 "a figure of agreement %s has too many digits to store",
                                 ids[k]);
    }
    if (copy_windows(conn,
                     c->staged ? "queries/rollup_new_indicator_copy.sql"
                               : "queries/rollup_indicator_copy.sql",
                     c->ind_w, c->by_name, err) != LIS_OK ||
        copy_windows(conn,
                     c->staged ? "queries/rollup_new_goal_copy.sql"
                               : "queries/rollup_goal_copy.sql",
                     c->goal_w, c->by_name, err) != LIS_OK)
        return LIS_DB;
    return LIS_OK;
}

/* A year with stored rows gets its computed rows staged, so that only what
 * changed is written (rollup_*_merge.sql); the first rollup of a year COPYs
 * them straight into the tables. */
static lis_status
stage(PGconn *conn, const char *year, bool *staged, lis_error *err)
{
    const char *p[] = {year};
    PGresult *res = lis_db_query(conn, "queries/rollup_goals_stored.sql", 1, p, err);
    if (res == NULL)
        return LIS_DB;
    *staged = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    PQclear(res);
    if (!*staged)
        return LIS_OK;
    if (lis_db_run(conn, "queries/rollup_indicator_stage.sql", 0, NULL, err) < 0 ||
        lis_db_run(conn, "queries/rollup_goal_stage.sql", 0, NULL, err) < 0)
        return LIS_DB;
    return LIS_OK;
}

lis_status
lis_rollup_goals(PGconn *conn, int year, bool full, const char *yellow,
                 long *indicator_rows, long *goal_rows, lis_error *err)
{
    char ys[16];
    snprintf(ys, sizeof ys, "%d", year);
    chunk c = {.year = year};
    lis_dec_init(&c.yellow);
    lis_dec_init(&c.hundred);
    lis_dec_set_int(&c.hundred, 100);
    for (int w = 0; w < LIS_NWIN; w++) {
        lis_buf_init(&c.ind_w[w]);
        lis_buf_init(&c.goal_w[w]);
    }
    scratch_numbers(&c.x, true);
    PGresult *windows = NULL, *todo = NULL;
    lis_status st = LIS_OK;
    if (!lis_dec_set_str(&c.yellow, yellow)) {
        st = lis_error_set(err, LIS_USAGE, "the yellow threshold %s is not a number",
                           yellow);
        goto out;
    }
    if ((st = lis_rollup_windows(conn, ys, c.win, &windows, err)) != LIS_OK ||
        (st = stage(conn, ys, &c.staged, err)) != LIS_OK)
        goto out;
    order_by_name(c.win, c.by_name);
    if ((todo = lis_db_query(conn, "queries/rollup_goals_todo.sql", 0, NULL, err)) ==
        NULL) {
        st = LIS_DB;
        goto out;
    }
    int n = PQntuples(todo);
    char **ids = lis_xcalloc((size_t)n + 1, sizeof *ids);
    for (int i = 0; i < n; i++)
        ids[i] = PQgetvalue(todo, i, 0);
    for (int at = 0; at < n && st == LIS_OK; at += CHUNK) {
        int k = n - at < CHUNK ? n - at : CHUNK;
        char *arr = lis_db_text_array((const char *const *)ids + at, (size_t)k);
        st = read_chunk(conn, &c, ys, arr, err);
        if (st == LIS_OK)
            st = compute_chunk(conn, &c, ids + at, k, err);
        free(arr);
        free_chunk(&c);
    }
    free(ids);
    const char *pm[] = {ys, full ? "true" : "false"};
    /* No ANALYZE of the staged rows: it cost more than the merges, whose
     * plans (hash joins) the table sizes alone give. */
    if (st == LIS_OK && c.staged &&
        (lis_db_run(conn, "queries/rollup_indicator_merge.sql", 2, pm, err) < 0 ||
         lis_db_run(conn, "queries/rollup_goal_merge.sql", 2, pm, err) < 0))
        st = LIS_DB;
    *indicator_rows = c.ind_rows;
    *goal_rows = c.goal_rows;
out:
    PQclear(windows);
    PQclear(todo);
    for (int w = 0; w < LIS_NWIN; w++) {
        lis_buf_release(&c.ind_w[w]);
        lis_buf_release(&c.goal_w[w]);
    }
    lis_dec_clear(&c.yellow);
    lis_dec_clear(&c.hundred);
    scratch_numbers(&c.x, false);
    return st;
}
