/*
 * xlsx_council.c - the twice-yearly workbooks: the status follow-up
 * (statusopfoelgning-Y.xlsx) and the annual report for the council
 * (aarsberetning-Y.xlsx). See xlsx.h.
 *
 * Counts are made per agreement and goal as the agreements show them: a
 * cross-cutting goal shared into three agreements counts in each of them.
 */
#include "xlsx.h"
#include "xlsx_common.h"

#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define L(id) lis_label(id, b->lang)

/* ----------------------------------------------------- grouping by area */

typedef struct area_group {
    const char *unit; /* NULL: no fagområde */
    const char *name;
    size_t *idx; /* agreements of the area, in agreement order */
    size_t n;
} area_group;

static int
cmp_area(const void *x, const void *y)
{
    const area_group *a = x, *b = y;
    if (!a->unit || !b->unit)
        return (a->unit == NULL) - (b->unit == NULL); /* no area last */
    int c = strcmp(a->name ? a->name : a->unit, b->name ? b->name : b->unit);
    return c ? c : strcmp(a->unit, b->unit);
}

static area_group *
group_by_area(const lis_report *r, size_t *n_groups)
{
    area_group *g = lis_xcalloc(r->n_agreements + 1, sizeof *g);
    size_t n = 0;
    for (size_t i = 0; i < r->n_agreements; i++) {
        const lis_rm_agreement *a = &r->agreements[i];
        size_t j;
        for (j = 0; j < n; j++)
            if ((g[j].unit == NULL && a->area_unit == NULL) ||
                (g[j].unit && a->area_unit && strcmp(g[j].unit, a->area_unit) == 0))
                break;
        if (j == n) {
            g[n].unit = a->area_unit;
            g[n].name = a->area_name;
            g[n].idx = lis_xcalloc(r->n_agreements, sizeof *g[n].idx);
            n++;
        }
        g[j].idx[g[j].n++] = i;
    }
    qsort(g, n, sizeof *g, cmp_area);
    *n_groups = n;
    return g;
}

static void
free_groups(area_group *g, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(g[i].idx);
    free(g);
}

static const char *
area_label(xw_book *b, const char *unit, const char *name)
{
    if (unit == NULL)
        return L(LIS_L_NO_AREA);
    return name && name[0] ? name : unit;
}

/* Goal counts by light: [green, yellow, red, other]. */
static void
count_goals(const lis_rm_agreement *a, bool year, long c[4])
{
    for (size_t i = 0; i < a->n_goals; i++) {
        lis_light l = year ? a->goals[i].year_status : a->goals[i].ytd_status;
        c[l == LIS_LIGHT_GREEN    ? 0
          : l == LIS_LIGHT_YELLOW ? 1
          : l == LIS_LIGHT_RED    ? 2
                                  : 3]++;
    }
}

static char *
comment_text(xw_book *b, const lis_rm_goal *g)
{
    if (g->comment && g->comment_status)
        return lis_xasprintf("%s: %s", lis_label_goal_status(g->comment_status, b->lang),
                             g->comment);
    if (g->comment)
        return lis_xstrdup(g->comment);
    if (g->comment_status)
        return lis_xstrdup(lis_label_goal_status(g->comment_status, b->lang));
    return NULL;
}

/* ------------------------------------------------------- status follow-up */

enum {
    SO_ID,
    SO_NAME,
    SO_AREA,
    SO_HOLDER,
    SO_STATUS,
    SO_GOALS,
    SO_GREEN,
    SO_YELLOW,
    SO_RED,
    SO_GREY,
    SO_ECON,
    SO_CONS,
    SO_NCOLS
};

static void
status_overview(xw_book *b, const lis_report *r, const char *title)
{
    xw_sheet s;
    xw_sheet_begin(b, &s, L(LIS_L_SHEET_OVERVIEW), title);
    const char *hdr[SO_NCOLS] = {
        L(LIS_L_AGREEMENT), L(LIS_L_NAME),           L(LIS_L_AREA),
        L(LIS_L_HOLDER),    L(LIS_L_STATUS),         L(LIS_L_N_GOALS),
        L(LIS_L_N_GREEN),   L(LIS_L_N_YELLOW),       L(LIS_L_N_RED),
        L(LIS_L_N_GREY),    L(LIS_L_ECONOMY_STATUS), L(LIS_L_CONSUMPTION_PCT),
    };
    xw_header(&s, 3, hdr, SO_NCOLS);
    lxw_row_t row = 4;
    long tot[4] = {0};
    for (size_t i = 0; i < r->n_agreements; i++, row++) {
        const lis_rm_agreement *a = &r->agreements[i];
        long c[4] = {0};
        count_goals(a, false, c);
        for (int k = 0; k < 4; k++)
            tot[k] += c[k];
        xw_text(&s, row, SO_ID, a->agreement_id, b->text);
        xw_text(&s, row, SO_NAME, a->name, b->text);
        xw_text(&s, row, SO_AREA, area_label(b, a->area_unit, a->area_name), b->text);
        xw_text(&s, row, SO_HOLDER, a->holder_name ? a->holder_name : a->holder_unit,
                b->text);
        xw_text(&s, row, SO_STATUS, lis_label_agreement_status(a->status, b->lang),
                b->text);
        xw_num(&s, row, SO_GOALS, (double)a->n_goals, b->integer);
        for (int k = 0; k < 4; k++)
            xw_num(&s, row, SO_GREEN + k, (double)c[k], b->integer);
        if (a->economy.has_budget)
            xw_light(&s, row, SO_ECON, a->economy.status_now, NULL);
        else
            xw_light(&s, row, SO_ECON, LIS_LIGHT_GREY, L(LIS_L_NO_BUDGET));
        xw_pct(&s, row, SO_CONS, a->economy.consumption_pct_now);
    }
    xw_filter(&s, row - 1, SO_NCOLS);
    xw_text(&s, row, SO_ID, L(LIS_L_TOTAL), b->total_text);
    long all = tot[0] + tot[1] + tot[2] + tot[3];
    xw_num(&s, row, SO_GOALS, (double)all, b->total_money);
    for (int k = 0; k < 4; k++)
        xw_num(&s, row, SO_GREEN + k, (double)tot[k], b->total_money);
    xw_min_width(&s, SO_NAME, 24);
    xw_sheet_end(&s, false, true, SO_NCOLS);
}

enum {
    SA_ID,
    SA_NAME,
    SA_GOAL_ID,
    SA_GOAL,
    SA_KIND,
    SA_FOCUS,
    SA_ATT,
    SA_STATUS,
    SA_QSTATUS,
    SA_COMMENT,
    SA_NCOLS
};

static void
status_area(xw_book *b, const lis_report *r, const area_group *g)
{
    xw_sheet s;
    const char *area = area_label(b, g->unit, g->name);
    char *title = lis_xasprintf("%s %d – %s", L(LIS_L_STATUS_REPORT), r->year, area);
    xw_sheet_begin(b, &s, area, title);
    free(title);
    const char *hdr[SA_NCOLS] = {
        L(LIS_L_AGREEMENT),      L(LIS_L_AGREEMENT_NAME), L(LIS_L_GOAL_ID),
        L(LIS_L_GOAL),           L(LIS_L_KIND),           L(LIS_L_FOCUS_AREA),
        L(LIS_L_ATTAINMENT_YTD), L(LIS_L_TRAFFIC_LIGHT),  L(LIS_L_COMMENT_STATUS),
        L(LIS_L_COMMENT),
    };
    xw_header(&s, 3, hdr, SA_NCOLS);
    lxw_row_t row = 4;
    for (size_t i = 0; i < g->n; i++) {
        const lis_rm_agreement *a = &r->agreements[g->idx[i]];
        for (size_t j = 0; j < a->n_goals; j++, row++) {
            const lis_rm_goal *goal = &a->goals[j];
            xw_text(&s, row, SA_ID, a->agreement_id, b->text);
            xw_text(&s, row, SA_NAME, a->name, b->text);
            xw_text(&s, row, SA_GOAL_ID, goal->goal_id, b->text);
            xw_text(&s, row, SA_GOAL, goal->title, b->text);
            xw_text(&s, row, SA_KIND, lis_label_goal_kind(goal->kind, b->lang), b->text);
            xw_text(&s, row, SA_FOCUS, lis_label_focus_area(goal->focus_area, b->lang),
                    b->text);
            xw_pct(&s, row, SA_ATT, goal->ytd_attainment);
            xw_light(&s, row, SA_STATUS, goal->ytd_status, NULL);
            xw_text(&s, row, SA_QSTATUS,
                    goal->comment_status
                        ? lis_label_goal_status(goal->comment_status, b->lang)
                        : NULL,
                    b->text);
            xw_text(&s, row, SA_COMMENT, goal->comment, b->wrap);
        }
        if (a->n_goals == 0) {
            xw_text(&s, row, SA_ID, a->agreement_id, b->text);
            xw_text(&s, row, SA_NAME, a->name, b->text);
            xw_text(&s, row, SA_GOAL, L(LIS_L_NONE_ROWS), b->italic);
            row++;
        }
    }
    xw_min_width(&s, SA_GOAL, 30);
    xw_sheet_end(&s, row > 4, true, SA_NCOLS);
}

lis_status
lis_xlsx_write_status(const lis_report *r, const char *path, lis_error *err)
{
    xw_book book, *b = &book;
    const char *lang = r->stamp.lang;
    char *title =
        lis_xasprintf("%s %d – %s %s", lis_label(LIS_L_STATUS_REPORT, lang), r->year,
                      lis_label(LIS_L_AS_OF, lang), lis_label_month(r->month, lang));
    lis_status st = xw_open(b, r, path, title, lis_label(LIS_L_STATUS_REPORT, lang), err);
    if (st != LIS_OK) {
        free(title);
        return st;
    }
    status_overview(b, r, title);
    free(title);
    size_t n;
    area_group *g = group_by_area(r, &n);
    for (size_t i = 0; i < n; i++)
        status_area(b, r, &g[i]);
    free_groups(g, n);
    return xw_close(b);
}

/* ---------------------------------------------------------- annual report */

enum {
    R_AREA,
    R_ID,
    R_NAME,
    R_GOAL_ID,
    R_GOAL,
    R_KIND,
    R_FOCUS,
    R_ATT,
    R_VERDICT,
    R_COMMENT,
    R_NCOLS
};

static void
annual_reached(xw_book *b, const lis_report *r, const area_group *g, size_t ng)
{
    xw_sheet s;
    char *title = lis_xasprintf("%s %d – %s", L(LIS_L_ANNUAL_REPORT), r->year,
                                L(LIS_L_REACHED_TITLE));
    xw_sheet_begin(b, &s, L(LIS_L_SHEET_REACHED), title);
    free(title);
    const char *hdr[R_NCOLS] = {
        L(LIS_L_AREA),           L(LIS_L_AGREEMENT),
        L(LIS_L_AGREEMENT_NAME), L(LIS_L_GOAL_ID),
        L(LIS_L_GOAL),           L(LIS_L_KIND),
        L(LIS_L_FOCUS_AREA),     L(LIS_L_ATTAINMENT_YEAR),
        L(LIS_L_REACHED_TITLE),  L(LIS_L_COMMENT),
    };
    xw_header(&s, 3, hdr, R_NCOLS);
    lxw_row_t row = 4;
    for (size_t k = 0; k < ng; k++) {
        const char *area = area_label(b, g[k].unit, g[k].name);
        for (size_t i = 0; i < g[k].n; i++) {
            const lis_rm_agreement *a = &r->agreements[g[k].idx[i]];
            for (size_t j = 0; j < a->n_goals; j++, row++) {
                const lis_rm_goal *goal = &a->goals[j];
                xw_text(&s, row, R_AREA, area, b->text);
                xw_text(&s, row, R_ID, a->agreement_id, b->text);
                xw_text(&s, row, R_NAME, a->name, b->text);
                xw_text(&s, row, R_GOAL_ID, goal->goal_id, b->text);
                xw_text(&s, row, R_GOAL, goal->title, b->text);
                xw_text(&s, row, R_KIND, lis_label_goal_kind(goal->kind, b->lang),
                        b->text);
                xw_text(&s, row, R_FOCUS, lis_label_focus_area(goal->focus_area, b->lang),
                        b->text);
                xw_pct(&s, row, R_ATT, goal->year_attainment);
                lis_light l = goal->year_status == LIS_LIGHT_NONE ? LIS_LIGHT_GREY
                                                                  : goal->year_status;
                xw_light(&s, row, R_VERDICT, l, lis_label_reached(l, b->lang));
                char *c = comment_text(b, goal);
                xw_text(&s, row, R_COMMENT, c, b->wrap);
                free(c);
            }
        }
    }
    xw_min_width(&s, R_GOAL, 30);
    xw_sheet_end(&s, row > 4, true, R_NCOLS);
}

static void
count_header(xw_book *b, xw_sheet *s, bool by_area)
{
    const char *hdr[9];
    int n = 0;
    if (by_area) {
        hdr[n++] = L(LIS_L_AREA);
        hdr[n++] = L(LIS_L_AGREEMENTS);
    } else {
        hdr[n++] = L(LIS_L_AGREEMENT);
        hdr[n++] = L(LIS_L_NAME);
        hdr[n++] = L(LIS_L_AREA);
    }
    hdr[n++] = L(LIS_L_N_GOALS);
    hdr[n++] = L(LIS_L_N_REACHED);
    hdr[n++] = L(LIS_L_N_PARTLY);
    hdr[n++] = L(LIS_L_N_NOT_REACHED);
    hdr[n++] = L(LIS_L_N_NO_DATA);
    xw_header(s, 3, hdr, n);
}

static void
write_counts(xw_book *b, xw_sheet *s, lxw_row_t row, int col, const long c[4],
             lxw_format *f)
{
    xw_num(s, row, col, (double)(c[0] + c[1] + c[2] + c[3]), f);
    for (int k = 0; k < 4; k++)
        xw_num(s, row, col + 1 + k, (double)c[k], f);
    (void)b;
}

static void
annual_counts(xw_book *b, const lis_report *r, const area_group *g, size_t ng)
{
    xw_sheet s;
    char *title = lis_xasprintf("%s %d – %s", L(LIS_L_ANNUAL_REPORT), r->year,
                                L(LIS_L_SHEET_COUNT_AGREEMENT));
    xw_sheet_begin(b, &s, L(LIS_L_SHEET_COUNT_AGREEMENT), title);
    free(title);
    count_header(b, &s, false);
    lxw_row_t row = 4;
    long tot[4] = {0};
    for (size_t i = 0; i < r->n_agreements; i++, row++) {
        const lis_rm_agreement *a = &r->agreements[i];
        long c[4] = {0};
        count_goals(a, true, c);
        for (int k = 0; k < 4; k++)
            tot[k] += c[k];
        xw_text(&s, row, 0, a->agreement_id, b->text);
        xw_text(&s, row, 1, a->name, b->text);
        xw_text(&s, row, 2, area_label(b, a->area_unit, a->area_name), b->text);
        write_counts(b, &s, row, 3, c, b->integer);
    }
    xw_filter(&s, row - 1, 8);
    xw_text(&s, row, 0, L(LIS_L_TOTAL), b->total_text);
    write_counts(b, &s, row, 3, tot, b->total_money);
    xw_sheet_end(&s, false, true, 8);

    title = lis_xasprintf("%s %d – %s", L(LIS_L_ANNUAL_REPORT), r->year,
                          L(LIS_L_SHEET_COUNT_AREA));
    xw_sheet_begin(b, &s, L(LIS_L_SHEET_COUNT_AREA), title);
    free(title);
    count_header(b, &s, true);
    row = 4;
    for (size_t k = 0; k < ng; k++, row++) {
        long c[4] = {0};
        for (size_t i = 0; i < g[k].n; i++)
            count_goals(&r->agreements[g[k].idx[i]], true, c);
        xw_text(&s, row, 0, area_label(b, g[k].unit, g[k].name), b->text);
        xw_num(&s, row, 1, (double)g[k].n, b->integer);
        write_counts(b, &s, row, 2, c, b->integer);
    }
    xw_filter(&s, row - 1, 7);
    xw_text(&s, row, 0, L(LIS_L_TOTAL), b->total_text);
    xw_num(&s, row, 1, (double)r->n_agreements, b->total_money);
    write_counts(b, &s, row, 2, tot, b->total_money);
    xw_sheet_end(&s, false, true, 7);
}

enum {
    EA_ID,
    EA_NAME,
    EA_AREA,
    EA_LEVEL,
    EA_BUDGET,
    EA_ACTUAL,
    EA_DEV,
    EA_CONS,
    EA_FORECAST,
    EA_STATUS,
    EA_NCOLS
};

static void
annual_economy(xw_book *b, const lis_report *r)
{
    xw_sheet s;
    char *title = lis_xasprintf("%s %d – %s", L(LIS_L_ANNUAL_REPORT), r->year,
                                L(LIS_L_SHEET_ECON_AGREEMENT));
    xw_sheet_begin(b, &s, L(LIS_L_SHEET_ECON_AGREEMENT), title);
    free(title);
    const char *hdr[EA_NCOLS] = {
        L(LIS_L_AGREEMENT),     L(LIS_L_NAME),
        L(LIS_L_AREA),          L(LIS_L_LEVEL),
        L(LIS_L_ANNUAL_BUDGET), L(LIS_L_ACTUAL_YTD_SPEND),
        L(LIS_L_DEVIATION),     L(LIS_L_CONSUMPTION_PCT),
        L(LIS_L_FORECAST),      L(LIS_L_ECONOMY_STATUS),
    };
    xw_header(&s, 3, hdr, EA_NCOLS);
    lxw_row_t row = 4;
    for (size_t i = 0; i < r->n_agreements; i++, row++) {
        const lis_rm_agreement *a = &r->agreements[i];
        const lis_rm_economy *e = &a->economy;
        xw_text(&s, row, EA_ID, a->agreement_id, b->text);
        xw_text(&s, row, EA_NAME, a->name, b->text);
        xw_text(&s, row, EA_AREA, area_label(b, a->area_unit, a->area_name), b->text);
        xw_num(&s, row, EA_LEVEL, a->level, b->integer);
        xw_num(&s, row, EA_BUDGET, e->annual_budget, b->money);
        xw_num(&s, row, EA_ACTUAL, e->ytd_actual, b->money);
        xw_num(&s, row, EA_DEV, e->deviation_now, b->money);
        xw_pct(&s, row, EA_CONS, e->consumption_pct_now);
        xw_num(&s, row, EA_FORECAST, e->forecast_now, b->money);
        if (e->has_budget)
            xw_light(&s, row, EA_STATUS, e->status_now, NULL);
        else
            xw_light(&s, row, EA_STATUS, LIS_LIGHT_GREY, L(LIS_L_NO_BUDGET));
    }
    xw_sheet_end(&s, r->n_agreements > 0, true, EA_NCOLS);

    /* per policy area and service frame, the service-frame subtotals, the
     * unallocated bucket and the total; the figures come from the budget
     * lines, not from adding agreements up (a level-1 agreement holds its
     * level-2 agreements' units) */
    enum {
        P_AREA,
        P_FRAME,
        P_ANNUAL,
        P_BUDGET,
        P_ACTUAL,
        P_DEV,
        P_CONS,
        P_FORECAST,
        P_NCOLS
    };
    title = lis_xasprintf("%s %d – %s", L(LIS_L_ANNUAL_REPORT), r->year,
                          L(LIS_L_SHEET_ECON_AREA));
    xw_sheet_begin(b, &s, L(LIS_L_SHEET_ECON_AREA), title);
    free(title);
    const char *phdr[P_NCOLS] = {L(LIS_L_POLICY_AREA),      L(LIS_L_SERVICE_FRAME),
                                 L(LIS_L_ANNUAL_BUDGET),    L(LIS_L_BUDGET_YTD),
                                 L(LIS_L_ACTUAL_YTD_SPEND), L(LIS_L_DEVIATION),
                                 L(LIS_L_CONSUMPTION_PCT),  L(LIS_L_FORECAST)};
    xw_header(&s, 3, phdr, P_NCOLS);
    row = 4;
    lxw_row_t last_area = 3;
    for (size_t i = 0; i < r->n_areas; i++, row++) {
        const lis_rm_area *ar = &r->areas[i];
        const char *lvl = ar->level ? ar->level : "policy_area";
        bool total = strcmp(lvl, "total") == 0, frame = strcmp(lvl, "service_frame") == 0;
        bool unalloc = strcmp(lvl, "unallocated") == 0;
        if (strcmp(lvl, "policy_area") != 0)
            xw_filter(&s, last_area, P_NCOLS);
        lxw_format *tf = total ? b->total_text : (frame || unalloc) ? b->bold : b->text;
        lxw_format *nf = total ? b->total_money : b->money;
        const char *fr = ar->service_frame < 0 ? L(LIS_L_UNKNOWN)
                         : ar->service_frame   ? L(LIS_L_YES)
                                               : L(LIS_L_NO);
        if (total)
            xw_text(&s, row, P_AREA, L(LIS_L_TOTAL), tf);
        else if (unalloc)
            xw_text(&s, row, P_AREA, L(LIS_L_UNALLOCATED), tf);
        else if (frame) {
            char *t =
                lis_xasprintf("%s %s, %s", L(LIS_L_TOTAL), L(LIS_L_SERVICE_FRAME), fr);
            xw_text(&s, row, P_AREA, t, tf);
            free(t);
        } else {
            xw_text(&s, row, P_AREA, ar->policy_area, tf);
            last_area = row;
        }
        if (!total && !unalloc)
            xw_text(&s, row, P_FRAME, fr, total ? b->total_text : b->text);
        xw_num(&s, row, P_ANNUAL, ar->annual_budget, nf);
        xw_num(&s, row, P_BUDGET, isnan(ar->budget_ytd) ? ar->budget : ar->budget_ytd,
               nf);
        xw_num(&s, row, P_ACTUAL, isnan(ar->actual_ytd) ? ar->actual : ar->actual_ytd,
               nf);
        xw_num(&s, row, P_DEV, ar->deviation, nf);
        xw_pct(&s, row, P_CONS, ar->consumption_pct);
        xw_num(&s, row, P_FORECAST, ar->forecast, nf);
    }
    if (r->n_areas == 0)
        xw_text(&s, row, 0, L(LIS_L_NONE_ROWS), b->italic);
    /* the filter covers the policy areas; subtotals and total stay below */
    xw_filter(&s, last_area, P_NCOLS);
    xw_sheet_end(&s, false, true, P_NCOLS);
}

enum {
    T_ID,
    T_DATE,
    T_FROM_CC,
    T_FROM_FN,
    T_TO_CC,
    T_TO_FN,
    T_AMOUNT,
    T_VERDICT,
    T_FLAGS,
    T_NOTE,
    T_NCOLS
};

static void
annual_transfers(xw_book *b, const lis_report *r)
{
    xw_sheet s;
    char *title = lis_xasprintf("%s %d – %s", L(LIS_L_ANNUAL_REPORT), r->year,
                                L(LIS_L_SHEET_TRANSFERS));
    xw_sheet_begin(b, &s, L(LIS_L_SHEET_TRANSFERS), title);
    free(title);
    const char *hdr[T_NCOLS] = {
        L(LIS_L_TRANSFER_ID),   L(LIS_L_DATE),           L(LIS_L_FROM_COST_CENTRE),
        L(LIS_L_FROM_FUNCTION), L(LIS_L_TO_COST_CENTRE), L(LIS_L_TO_FUNCTION),
        L(LIS_L_AMOUNT),        L(LIS_L_VERDICT),        L(LIS_L_FLAGS),
        L(LIS_L_NOTE),
    };
    xw_header(&s, 3, hdr, T_NCOLS);
    lxw_row_t row = 4;
    for (size_t i = 0; i < r->n_transfers; i++) {
        const lis_rm_transfer *t = &r->transfers[i];
        if (t->flags == NULL || t->flags[0] == '\0')
            continue;
        int y = 0, m = 0, d = 0;
        xw_text(&s, row, T_ID, t->transfer_id, b->text);
        if (t->date && sscanf(t->date, "%d-%d-%d", &y, &m, &d) == 3)
            xw_date(&s, row, T_DATE, y, m, d, b->date);
        xw_text(&s, row, T_FROM_CC, t->from_cost_centre, b->text);
        xw_text(&s, row, T_FROM_FN, t->from_function, b->text);
        xw_text(&s, row, T_TO_CC, t->to_cost_centre, b->text);
        xw_text(&s, row, T_TO_FN, t->to_function, b->text);
        xw_num(&s, row, T_AMOUNT, t->amount, b->money);
        lis_light l =
            t->verdict && t->verdict[0] ? xw_verdict_light(t->verdict) : LIS_LIGHT_GREY;
        xw_light(&s, row, T_VERDICT, l, lis_label_verdict(t->verdict, b->lang));
        /* the flags as the machine-readable codes lis show prints */
        char *flags = lis_xstrdup(t->flags);
        lis_buf fl;
        lis_buf_init(&fl);
        for (char *tok = strtok(flags, "|"); tok; tok = strtok(NULL, "|")) {
            if (fl.len)
                lis_buf_adds(&fl, ", ");
            lis_buf_adds(&fl, lis_label_verdict(tok, b->lang));
        }
        xw_text(&s, row, T_FLAGS, fl.data, b->text);
        lis_buf_release(&fl);
        free(flags);
        xw_text(&s, row, T_NOTE, t->note, b->text);
        row++;
    }
    bool any = row > 4;
    if (!any)
        xw_text(&s, row, 0, L(LIS_L_NO_FLAGGED), b->italic);
    xw_sheet_end(&s, any, true, T_NCOLS);
}

lis_status
lis_xlsx_write_annual(const lis_report *r, const char *path, lis_error *err)
{
    xw_book book, *b = &book;
    const char *lang = r->stamp.lang;
    char *title = lis_xasprintf("%s %d", lis_label(LIS_L_ANNUAL_REPORT, lang), r->year);
    lis_status st = xw_open(b, r, path, title, lis_label(LIS_L_REACHED_TITLE, lang), err);
    free(title);
    if (st != LIS_OK)
        return st;
    size_t n;
    area_group *g = group_by_area(r, &n);
    annual_reached(b, r, g, n);
    annual_counts(b, r, g, n);
    annual_economy(b, r);
    annual_transfers(b, r);
    free_groups(g, n);
    return xw_close(b);
}
