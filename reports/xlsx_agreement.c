/*
 * xlsx_agreement.c - the monthly workbook aftale-<id>.xlsx (SPEC section 4):
 * Overblik, Maal, Oekonomi and Data. See xlsx.h.
 *
 * Sheet names are the SPEC's in both languages (they are the contract that
 * readers and scripts find); their content follows the report's language.
 */
#include "xlsx.h"
#include "xlsx_common.h"

#include "mem.h"
#include "period.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define L(id) lis_label(id, b->lang)

static const char *
yes_no(xw_book *b, bool v)
{
    return v ? L(LIS_L_YES) : L(LIS_L_NO);
}

static char *
holder_text(const lis_rm_agreement *a)
{
    if (a->holder_name && a->holder_name[0])
        return lis_xasprintf("%s (%s)", a->holder_name, a->holder_unit);
    return lis_xstrdup(a->holder_unit ? a->holder_unit : "");
}

static char *
grantor_text(const lis_rm_agreement *a)
{
    if (a->grantor_name && a->grantor_name[0])
        return lis_xasprintf("%s (%s)", a->grantor_name, a->grantor_unit);
    return lis_xstrdup(a->grantor_unit ? a->grantor_unit : "");
}

/* ------------------------------------------------------------ Overblik */

enum {
    O_GOAL_ID,
    O_GOAL,
    O_KIND,
    O_FOCUS,
    O_CROSS,
    O_IND_ID,
    O_IND,
    O_UNIT,
    O_ACTUAL,
    O_TARGET,
    O_ATT,
    O_STATUS,
    O_COMMENT,
    O_NCOLS
};

static void
write_economy_summary(xw_sheet *s, lxw_row_t row, const lis_rm_agreement *a)
{
    xw_book *b = s->b;
    const lis_rm_economy *e = &a->economy;
    xw_text(s, row++, O_GOAL_ID, L(LIS_L_ECONOMY), b->bold);
    struct {
        lis_label_id label;
        double v;
        int pct;
    } rows[] = {
        {LIS_L_ANNUAL_BUDGET, e->annual_budget, 0},
        {LIS_L_BUDGET_YTD, e->ytd_budget, 0},
        {LIS_L_ACTUAL_YTD_SPEND, e->ytd_actual, 0},
        {LIS_L_CONSUMPTION_PCT, e->consumption_pct_now, 1},
        {LIS_L_EXPECTED_PCT, e->expected_pct_now, 1},
        {LIS_L_DEVIATION, e->deviation_now, 0},
        {LIS_L_FORECAST, e->forecast_now, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++, row++) {
        xw_text(s, row, O_GOAL, L(rows[i].label), b->label);
        if (rows[i].pct)
            xw_pct(s, row, O_KIND, rows[i].v);
        else
            xw_num(s, row, O_KIND, rows[i].v, b->money);
    }
    xw_text(s, row, O_GOAL, L(LIS_L_ECONOMY_STATUS), b->label);
    if (!e->has_budget)
        xw_light(s, row, O_KIND, LIS_LIGHT_GREY, L(LIS_L_NO_BUDGET));
    else
        xw_light(s, row, O_KIND, e->status_now, NULL);
}

static void
sheet_overview(xw_book *b, const lis_rm_agreement *a)
{
    xw_sheet s;
    char *title =
        lis_xasprintf("%s %s – %s", L(LIS_L_AGREEMENT), a->agreement_id, a->name);
    xw_sheet_begin(b, &s, "Overblik", title);
    free(title);

    char *holder = holder_text(a), *grantor = grantor_text(a);
    xw_text(&s, 2, O_GOAL_ID, L(LIS_L_HOLDER), b->label);
    xw_text(&s, 2, O_GOAL, holder, b->text);
    xw_text(&s, 2, O_KIND, L(LIS_L_GRANTOR), b->label);
    xw_text(&s, 2, O_FOCUS, grantor, b->text);
    xw_text(&s, 2, O_IND_ID, L(LIS_L_YEAR), b->label);
    xw_num(&s, 2, O_IND, a->year, b->integer);
    xw_text(&s, 3, O_GOAL_ID, L(LIS_L_LEADER), b->label);
    xw_text(&s, 3, O_GOAL, a->holder_leader, b->text);
    xw_text(&s, 3, O_KIND, L(LIS_L_PARENT), b->label);
    xw_text(&s, 3, O_FOCUS, a->parent_agreement, b->text);
    xw_text(&s, 3, O_IND_ID, L(LIS_L_STATUS), b->label);
    xw_text(&s, 3, O_IND, lis_label_agreement_status(a->status, b->lang), b->text);
    free(holder);
    free(grantor);
    if (a->missing_indicators > 0) {
        char *line = lis_xasprintf(
            lis_label_fmt(LIS_L_MISSING_DATA_FMT, b->lang, "%zu %s"),
            a->missing_indicators, b->r->stamp.period ? b->r->stamp.period : "");
        xw_text(&s, 4, O_GOAL_ID, line, b->bold);
        free(line);
    }
    /* the facts rows must not widen the table's columns much */
    for (int c = 0; c < O_NCOLS; c++)
        s.width[c] = 0;

    const char *hdr[O_NCOLS] = {
        L(LIS_L_GOAL_ID),        L(LIS_L_GOAL),
        L(LIS_L_KIND),           L(LIS_L_FOCUS_AREA),
        L(LIS_L_CROSS_CUTTING),  L(LIS_L_INDICATOR_ID),
        L(LIS_L_INDICATOR),      L(LIS_L_UNIT_OF_MEASURE),
        L(LIS_L_ACTUAL_YTD),     L(LIS_L_TARGET_YTD),
        L(LIS_L_ATTAINMENT_YTD), L(LIS_L_TRAFFIC_LIGHT),
        L(LIS_L_COMMENT),
    };
    lxw_row_t row = 5;
    xw_header(&s, row++, hdr, O_NCOLS);
    for (size_t i = 0; i < a->n_goals; i++) {
        const lis_rm_goal *g = &a->goals[i];
        xw_text(&s, row, O_GOAL_ID, g->goal_id, b->bold);
        xw_text(&s, row, O_GOAL, g->title, b->bold_wrap);
        xw_text(&s, row, O_KIND, lis_label_goal_kind(g->kind, b->lang), b->text);
        xw_text(&s, row, O_FOCUS, lis_label_focus_area(g->focus_area, b->lang), b->text);
        if (g->owned)
            xw_text(&s, row, O_CROSS, yes_no(b, g->cross_cutting), b->text);
        else {
            char *t = lis_xasprintf("%s (%s %s)", yes_no(b, g->cross_cutting),
                                    L(LIS_L_SHARED_FROM), g->owner_agreement);
            xw_text(&s, row, O_CROSS, t, b->wrap);
            free(t);
        }
        xw_text(&s, row, O_IND,
                g->qualitative ? L(LIS_L_QUALITATIVE) : L(LIS_L_GOAL_TOTAL), b->italic);
        xw_pct(&s, row, O_ATT, g->ytd_attainment);
        xw_light(&s, row, O_STATUS, g->ytd_status, NULL);
        if (g->comment) {
            char *c =
                g->comment_status
                    ? lis_xasprintf("%s: %s",
                                    lis_label_goal_status(g->comment_status, b->lang),
                                    g->comment)
                    : lis_xstrdup(g->comment);
            xw_text(&s, row, O_COMMENT, c, b->wrap);
            free(c);
        } else if (g->comment_status) {
            xw_text(&s, row, O_COMMENT, lis_label_goal_status(g->comment_status, b->lang),
                    b->text);
        }
        row++;
        for (size_t k = 0; k < g->n_indicators; k++, row++) {
            const lis_rm_indicator *ind = &g->indicators[k];
            lxw_format *nf = xw_dec(b, ind->decimals);
            xw_text(&s, row, O_GOAL_ID, g->goal_id, b->text);
            xw_text(&s, row, O_GOAL, g->title, b->wrap);
            xw_text(&s, row, O_IND_ID, ind->indicator_id, b->text);
            xw_text(&s, row, O_IND, ind->name, b->wrap);
            xw_text(&s, row, O_UNIT, ind->unit, b->text);
            xw_num(&s, row, O_ACTUAL, ind->ytd_actual, nf);
            xw_num(&s, row, O_TARGET, ind->ytd_target, nf);
            xw_pct(&s, row, O_ATT, ind->ytd_attainment);
            xw_light(&s, row, O_STATUS, ind->ytd_status, NULL);
        }
    }
    if (a->n_goals == 0)
        xw_text(&s, row++, O_GOAL, L(LIS_L_NONE_ROWS), b->italic);
    xw_filter(&s, row - 1, O_NCOLS);
    write_economy_summary(&s, row + 1, a);
    xw_min_width(&s, O_GOAL, 30);
    xw_min_width(&s, O_GOAL_ID, 13);
    xw_sheet_end(&s, false, true, O_NCOLS);
}

/* ---------------------------------------------------------------- Maal */

enum { M_MONTH, M_ACTUAL, M_TARGET, M_ATT, M_STATUS, M_NCOLS };
#define BLOCK_ROWS 17 /* heading, header, 12 months, year to date, 2 blank */

/* A chart's title or axis name from input text. libxlsxwriter takes a name
 * that starts with '=' for a formula (a cell reference): such a name gets a
 * zero-width space in front, so it stays text. */
static char *
chart_text(const char *text)
{
    char *clean = lis_xlsx_clean_text(text, false);
    if (clean[0] != '=')
        return clean;
    char *t = lis_xasprintf("\xE2\x80\x8B%s", clean);
    free(clean);
    return t;
}

static void
indicator_block(xw_book *b, xw_sheet *s, lxw_row_t row, const lis_rm_goal *g,
                const lis_rm_indicator *ind)
{
    char *heading =
        lis_xasprintf("%s %s – %s (%s)", g->goal_id, g->title, ind->name, ind->unit);
    xw_text(s, row, M_MONTH, heading, b->bold);
    s->width[M_MONTH] = 0;
    free(heading);
    const char *hdr[M_NCOLS] = {L(LIS_L_MONTH), L(LIS_L_ACTUAL), L(LIS_L_TARGET),
                                L(LIS_L_ATTAINMENT), L(LIS_L_TRAFFIC_LIGHT)};
    lxw_row_t h = row + 1;
    lxw_format *nf = xw_dec(b, ind->decimals);
    /* the indicator's own periods: twelve months, four quarters or the year
     * (a month holds no whole quarter, so a quarterly indicator's months
     * would all be "not due") */
    int n_periods = 12;
    if (ind->frequency && strcmp(ind->frequency, "kvartal") == 0)
        n_periods = 4;
    else if (ind->frequency && strcmp(ind->frequency, "aar") == 0)
        n_periods = 1;
    if (n_periods != 12)
        hdr[M_MONTH] = L(n_periods == 4 ? LIS_L_QUARTER : LIS_L_YEAR);
    xw_header(s, h, hdr, M_NCOLS);
    for (int m = 0; m < n_periods; m++) {
        lxw_row_t r = h + 1 + (lxw_row_t)m;
        if (n_periods == 12) {
            xw_date(s, r, M_MONTH, b->r->year, m + 1, 1, b->month);
            xw_num(s, r, M_ACTUAL, ind->actual[m], nf);
            xw_num(s, r, M_TARGET, ind->target[m], nf);
            xw_pct(s, r, M_ATT, ind->attainment[m]);
            xw_light(s, r, M_STATUS, ind->status[m], NULL);
        } else if (n_periods == 4) {
            char q[32];
            snprintf(q, sizeof q, "%d-Q%d", b->r->year, m + 1);
            xw_text(s, r, M_MONTH, q, b->text);
            xw_num(s, r, M_ACTUAL, ind->q_actual[m], nf);
            xw_num(s, r, M_TARGET, ind->q_target[m], nf);
            xw_pct(s, r, M_ATT, ind->q_attainment[m]);
            xw_light(s, r, M_STATUS, ind->q_status[m], NULL);
        } else {
            char y[16];
            snprintf(y, sizeof y, "%d", b->r->year);
            bool done = b->r->month == 12; /* the year is due in December */
            xw_text(s, r, M_MONTH, y, b->text);
            xw_num(s, r, M_ACTUAL, done ? ind->year_actual : NAN, nf);
            xw_num(s, r, M_TARGET, ind->year_target, nf);
            xw_pct(s, r, M_ATT, done ? ind->year_attainment : NAN);
            xw_light(s, r, M_STATUS, done ? ind->year_status : LIS_LIGHT_NOT_DUE, NULL);
        }
    }
    lxw_row_t y = h + 1 + (lxw_row_t)n_periods;
    xw_text(s, y, M_MONTH, L(LIS_L_ACTUAL_YTD), b->bold);
    xw_min_width(s, M_MONTH, 19);
    s->width[M_MONTH] = 0;
    xw_num(s, y, M_ACTUAL, ind->ytd_actual, nf);
    xw_num(s, y, M_TARGET, ind->ytd_target, nf);
    xw_pct(s, y, M_ATT, ind->ytd_attainment);
    xw_light(s, y, M_STATUS, ind->ytd_status, NULL);

    /* The chart reads the twelve month rows: it follows the cells. */
    lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_LINE);
    lxw_row_t first = h + 1, last = h + (lxw_row_t)n_periods;
    lxw_chart_series *sa = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(sa, s->name, first, M_MONTH, last, M_MONTH);
    chart_series_set_values(sa, s->name, first, M_ACTUAL, last, M_ACTUAL);
    chart_series_set_name_range(sa, s->name, h, M_ACTUAL);
    lxw_chart_line la = {.color = 0x1F4E79, .width = 2.25};
    chart_series_set_line(sa, &la);
    chart_series_set_marker_type(sa, LXW_CHART_MARKER_CIRCLE);
    chart_series_set_marker_size(sa, 5);
    lxw_chart_fill fa = {.color = 0x1F4E79};
    chart_series_set_marker_fill(sa, &fa);
    lxw_chart_series *st = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(st, s->name, first, M_MONTH, last, M_MONTH);
    chart_series_set_values(st, s->name, first, M_TARGET, last, M_TARGET);
    chart_series_set_name_range(st, s->name, h, M_TARGET);
    lxw_chart_line lt = {
        .color = 0xC55A11, .width = 2, .dash_type = LXW_CHART_LINE_DASH_DASH};
    chart_series_set_line(st, &lt);
    chart_series_set_marker_type(st, n_periods == 12 ? LXW_CHART_MARKER_NONE
                                                     : LXW_CHART_MARKER_SQUARE);
    char *chart_title = chart_text(ind->name);
    chart_title_set_name(ch, chart_title);
    free(chart_title);
    lxw_chart_font tf = {.size = 11, .bold = LXW_TRUE};
    chart_title_set_name_font(ch, &tf);
    chart_axis_set_name(ch->x_axis, hdr[M_MONTH]);
    if (n_periods == 12)
        chart_axis_set_num_format(ch->x_axis, "mmm");
    char *y_name = chart_text(ind->unit && ind->unit[0] ? ind->unit : L(LIS_L_VALUE));
    chart_axis_set_name(ch->y_axis, y_name);
    free(y_name);
    char yf[32] = "#,##0";
    if (ind->decimals > 0 && ind->decimals <= 10) {
        strcat(yf, ".");
        for (int i = 0; i < ind->decimals; i++)
            strcat(yf, "0");
    }
    chart_axis_set_num_format(ch->y_axis, yf);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    chart_show_blanks_as(ch, LXW_CHART_BLANKS_AS_CONNECTED);
    char *alt_text = lis_xasprintf("%s: %s", L(LIS_L_CHART_ACTUAL_VS_TARGET), ind->name);
    char *alt = lis_xlsx_clean_text(alt_text, false);
    free(alt_text);
    lxw_chart_options opt = {.x_offset = 10,
                             .y_offset = 0,
                             .x_scale = 1.0,
                             .y_scale = 1.05,
                             .object_position = LXW_OBJECT_MOVE_DONT_SIZE,
                             .description = alt};
    xw_check(b, worksheet_insert_chart_opt(s->ws, row, M_NCOLS + 1, ch, &opt), "a chart");
    free(alt);
}

static void
sheet_goals(xw_book *b, const lis_rm_agreement *a)
{
    xw_sheet s;
    char *title =
        lis_xasprintf("%s – %s %s", L(LIS_L_GOALS), L(LIS_L_AGREEMENT), a->agreement_id);
    xw_sheet_begin(b, &s, "Maal", title);
    free(title);
    lxw_row_t row = 3;
    /* a page break before every second block's successor, so that no
     * chart is cut in two; Excel takes at most 1,023 breaks */
    lxw_row_t breaks[1024];
    size_t n_breaks = 0, n_blocks = 0;
    for (size_t i = 0; i < a->n_goals; i++) {
        const lis_rm_goal *g = &a->goals[i];
        for (size_t k = 0; k < g->n_indicators; k++, row += BLOCK_ROWS) {
            if (n_blocks++ % 2 == 0 && row > 3 && n_breaks < 1023)
                breaks[n_breaks++] = row;
            indicator_block(b, &s, row, g, &g->indicators[k]);
        }
        if (g->n_indicators == 0) {
            char *heading =
                lis_xasprintf("%s %s – %s", g->goal_id, g->title, L(LIS_L_QUALITATIVE));
            xw_text(&s, row, M_MONTH, heading, b->bold);
            s.width[M_MONTH] = 0;
            free(heading);
            const char *hdr[M_NCOLS] = {L(LIS_L_COMMENT_PERIOD), L(LIS_L_COMMENT_STATUS),
                                        L(LIS_L_TRAFFIC_LIGHT), L(LIS_L_AUTHOR),
                                        L(LIS_L_COMMENT)};
            xw_header(&s, row + 1, hdr, M_NCOLS);
            xw_text(&s, row + 2, 0, g->comment_period, b->text);
            xw_text(&s, row + 2, 1, lis_label_goal_status(g->comment_status, b->lang),
                    b->text);
            xw_light(&s, row + 2, 2, g->ytd_status, NULL);
            xw_text(&s, row + 2, 3, g->comment_author, b->text);
            xw_text(&s, row + 2, 4, g->comment, b->text);
            s.width[4] = s.width[4] > 14 ? 14 : s.width[4];
            row += 5;
        }
    }
    if (a->n_goals == 0)
        xw_text(&s, row, 0, L(LIS_L_NONE_ROWS), b->italic);
    breaks[n_breaks] = 0;
    if (n_breaks)
        xw_check(b, worksheet_set_h_pagebreaks(s.ws, breaks), "page breaks");
    /* blocks repeat their own headers: freeze only the title and stamp */
    s.header_row = 0;
    xw_sheet_end(&s, false, true, 0);
    worksheet_freeze_panes(s.ws, 3, 0);
}

/* ------------------------------------------------------------ Oekonomi */

enum {
    E_MONTH,
    E_BUDGET,
    E_ACTUAL,
    E_CUM_BUDGET,
    E_CUM_ACTUAL,
    E_CONS,
    E_EXP,
    E_DEV,
    E_FORECAST,
    E_STATUS,
    E_NCOLS
};

static void
sheet_economy(xw_book *b, const lis_rm_agreement *a)
{
    const lis_rm_economy *e = &a->economy;
    xw_sheet s;
    char *title = lis_xasprintf("%s – %s %s", L(LIS_L_ECONOMY), L(LIS_L_AGREEMENT),
                                a->agreement_id);
    xw_sheet_begin(b, &s, "Oekonomi", title);
    free(title);
    xw_text(&s, 2, 0, L(LIS_L_ANNUAL_BUDGET), b->label);
    xw_num(&s, 2, 3, e->annual_budget, b->money);
    xw_text(&s, 3, 0, L(LIS_L_ECONOMY_STATUS), b->label);
    if (e->has_budget)
        xw_light(&s, 3, 3, e->status_now, NULL);
    else
        xw_light(&s, 3, 3, LIS_LIGHT_GREY, L(LIS_L_NO_BUDGET));
    s.width[0] = 0;

    const char *hdr[E_NCOLS] = {
        L(LIS_L_MONTH),          L(LIS_L_BUDGET),     L(LIS_L_ACTUAL_SPEND),
        L(LIS_L_BUDGET_CUM),     L(LIS_L_ACTUAL_CUM), L(LIS_L_CONSUMPTION_PCT),
        L(LIS_L_EXPECTED_PCT),   L(LIS_L_DEVIATION),  L(LIS_L_FORECAST),
        L(LIS_L_ECONOMY_STATUS),
    };
    lxw_row_t h = 5;
    xw_header(&s, h, hdr, E_NCOLS);
    double sum_b = 0, sum_a = 0;
    for (int m = 0; m < 12; m++) {
        lxw_row_t r = h + 1 + (lxw_row_t)m;
        xw_date(&s, r, E_MONTH, b->r->year, m + 1, 1, b->month);
        xw_num(&s, r, E_BUDGET, e->budget[m], b->money);
        xw_num(&s, r, E_ACTUAL, e->actual[m], b->money);
        xw_num(&s, r, E_CUM_BUDGET, e->cum_budget[m], b->money);
        xw_num(&s, r, E_CUM_ACTUAL, e->cum_actual[m], b->money);
        xw_pct(&s, r, E_CONS, e->consumption_pct[m]);
        xw_pct(&s, r, E_EXP, e->expected_pct[m]);
        xw_num(&s, r, E_DEV, e->deviation[m], b->money);
        xw_num(&s, r, E_FORECAST, e->forecast[m], b->money);
        if (e->has_budget)
            xw_light(&s, r, E_STATUS, e->status[m], NULL);
        if (!isnan(e->budget[m]))
            sum_b += e->budget[m];
        if (!isnan(e->actual[m]))
            sum_a += e->actual[m];
    }
    lxw_row_t t = h + 13;
    xw_text(&s, t, E_MONTH, L(LIS_L_TOTAL), b->total_text);
    xw_num(&s, t, E_BUDGET, sum_b, b->total_money);
    xw_num(&s, t, E_ACTUAL, sum_a, b->total_money);

    /* monthly budget and actual as columns; cumulative as lines */
    lxw_row_t first = h + 1, last = h + 12;
    lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
    lxw_chart_series *sb = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(sb, s.name, first, E_MONTH, last, E_MONTH);
    chart_series_set_values(sb, s.name, first, E_BUDGET, last, E_BUDGET);
    chart_series_set_name_range(sb, s.name, h, E_BUDGET);
    lxw_chart_fill fb = {.color = 0x9DC3E6};
    chart_series_set_fill(sb, &fb);
    lxw_chart_series *sa = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(sa, s.name, first, E_MONTH, last, E_MONTH);
    chart_series_set_values(sa, s.name, first, E_ACTUAL, last, E_ACTUAL);
    chart_series_set_name_range(sa, s.name, h, E_ACTUAL);
    lxw_chart_fill fa = {.color = 0x1F4E79};
    chart_series_set_fill(sa, &fa);
    chart_title_set_name(ch, L(LIS_L_CHART_BUDGET_VS_ACTUAL));
    lxw_chart_font tf = {.size = 11, .bold = LXW_TRUE};
    chart_title_set_name_font(ch, &tf);
    chart_axis_set_name(ch->x_axis, L(LIS_L_MONTH));
    chart_axis_set_num_format(ch->x_axis, "mmm");
    chart_axis_set_name(ch->y_axis, L(LIS_L_KR));
    chart_axis_set_num_format(ch->y_axis, "#,##0");
    chart_axis_set_min(ch->y_axis, 0);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options opt = {.x_scale = 1.5,
                             .y_scale = 1.1,
                             .object_position = LXW_OBJECT_MOVE_DONT_SIZE,
                             .description = (char *)L(LIS_L_CHART_BUDGET_VS_ACTUAL)};
    xw_check(b, worksheet_insert_chart_opt(s.ws, t + 2, 0, ch, &opt), "a chart");

    lxw_chart *cum = workbook_add_chart(b->wb, LXW_CHART_LINE);
    lxw_chart_series *cb = chart_add_series(cum, NULL, NULL);
    chart_series_set_categories(cb, s.name, first, E_MONTH, last, E_MONTH);
    chart_series_set_values(cb, s.name, first, E_CUM_BUDGET, last, E_CUM_BUDGET);
    chart_series_set_name_range(cb, s.name, h, E_CUM_BUDGET);
    lxw_chart_line lb = {
        .color = 0x9DC3E6, .width = 2.25, .dash_type = LXW_CHART_LINE_DASH_DASH};
    chart_series_set_line(cb, &lb);
    lxw_chart_series *ca = chart_add_series(cum, NULL, NULL);
    chart_series_set_categories(ca, s.name, first, E_MONTH, last, E_MONTH);
    chart_series_set_values(ca, s.name, first, E_CUM_ACTUAL, last, E_CUM_ACTUAL);
    chart_series_set_name_range(ca, s.name, h, E_CUM_ACTUAL);
    lxw_chart_line lc = {.color = 0x1F4E79, .width = 2.25};
    chart_series_set_line(ca, &lc);
    chart_series_set_marker_type(ca, LXW_CHART_MARKER_CIRCLE);
    chart_title_set_name(cum, L(LIS_L_ACTUAL_CUM));
    chart_title_set_name_font(cum, &tf);
    chart_axis_set_name(cum->x_axis, L(LIS_L_MONTH));
    chart_axis_set_num_format(cum->x_axis, "mmm");
    chart_axis_set_name(cum->y_axis, L(LIS_L_KR));
    chart_axis_set_num_format(cum->y_axis, "#,##0");
    chart_axis_set_min(cum->y_axis, 0);
    chart_legend_set_position(cum, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options opt2 = opt;
    opt2.description = (char *)L(LIS_L_ACTUAL_CUM);
    xw_check(b, worksheet_insert_chart_opt(s.ws, t + 19, 0, cum, &opt2), "a chart");
    xw_sheet_end(&s, false, true, 0);
}

/* ---------------------------------------------------------------- Data */

enum {
    D_IND,
    D_UNIT,
    D_UNIT_NAME,
    D_PERIOD,
    D_START,
    D_VALUE,
    D_MEASURE,
    D_BATCH,
    D_FILE,
    D_NCOLS
};

static void
data_sheet_begin(xw_book *b, xw_sheet *s, const lis_rm_agreement *a, int part)
{
    char name[32], *title;
    if (part == 1)
        snprintf(name, sizeof name, "Data");
    else
        snprintf(name, sizeof name, "Data (%d)", part);
    title = lis_xasprintf("%s – %s %s%s", "Data", L(LIS_L_AGREEMENT), a->agreement_id,
                          part > 1 ? " (…)" : "");
    xw_sheet_begin(b, s, name, title);
    free(title);
    const char *hdr[D_NCOLS] = {
        L(LIS_L_INDICATOR_ID),    L(LIS_L_UNIT_ID),      L(LIS_L_UNIT_NAME),
        L(LIS_L_PERIOD),          L(LIS_L_PERIOD_START), L(LIS_L_VALUE),
        L(LIS_L_UNIT_OF_MEASURE), L(LIS_L_BATCH),        L(LIS_L_FILE),
    };
    xw_header(s, 3, hdr, D_NCOLS);
}

/* The decimals of an indicator of the agreement's goals; -1 when it is not
 * one of them (a ratio's numerator or denominator). */
static int
indicator_decimals(const lis_rm_agreement *a, const char *id)
{
    for (size_t i = 0; i < a->n_goals; i++)
        for (size_t k = 0; k < a->goals[i].n_indicators; k++)
            if (strcmp(a->goals[i].indicators[k].indicator_id, id) == 0)
                return a->goals[i].indicators[k].decimals;
    return -1;
}

/* The rows come one at a time (lis_rm_data_next), from the model or
 * streamed from the database, and the sheet is written in constant-memory
 * mode: neither side holds them all. */
static void
sheet_data(xw_book *b, const lis_rm_agreement *a)
{
    char *last_id = NULL;
    int decimals = 0;
    xw_sheet s;
    int part = 1;
    data_sheet_begin(b, &s, a, part);
    lxw_row_t row = 4;
    unsigned long max = xw_max_rows();
    size_t n = 0;
    lis_rm_data_iter it;
    const lis_rm_measurement *m = NULL;
    if (lis_rm_data_begin(&it, a, b->err) != LIS_OK)
        b->st = b->err ? b->err->code : LIS_DB;
    while (b->st == LIS_OK && (m = lis_rm_data_next(&it, b->err)) != NULL) {
        if (row >= max) {
            /* Excel's last row is reached: continue on the next sheet, never
             * drop rows */
            xw_sheet_end(&s, true, true, D_NCOLS);
            data_sheet_begin(b, &s, a, ++part);
            row = 4;
        }
        xw_text(&s, row, D_IND, m->indicator_id, b->text);
        xw_text(&s, row, D_UNIT, m->unit_id, b->text);
        xw_text(&s, row, D_UNIT_NAME, m->unit_name, b->text);
        xw_text(&s, row, D_PERIOD, m->period, b->text);
        lis_period p;
        if (m->period && lis_period_parse(m->period, &p))
            xw_date(&s, row, D_START, p.year, p.first_month, 1, b->date);
        if (last_id == NULL || strcmp(m->indicator_id, last_id) != 0) {
            /* rows come by indicator; a streamed row's text lasts only until
             * the next row, so the id is kept */
            free(last_id);
            last_id = lis_xstrdup(m->indicator_id);
            decimals = indicator_decimals(a, last_id);
        }
        int d = decimals >= 0                                    ? decimals
                : isnan(m->value) || m->value == floor(m->value) ? 0
                                                                 : 2;
        xw_num(&s, row, D_VALUE, m->value, xw_dec(b, d));
        xw_text(&s, row, D_MEASURE, m->measure_unit, b->text);
        xw_num(&s, row, D_BATCH, (double)m->batch_id, b->integer);
        xw_text(&s, row, D_FILE, m->batch_file, b->text);
        row++;
        n++;
    }
    if (b->st == LIS_OK && it.failed)
        b->st = b->err && b->err->code != LIS_OK ? b->err->code : LIS_DB;
    lis_rm_data_end(&it);
    free(last_id);
    if (n == 0)
        xw_text(&s, row, 0, L(LIS_L_NONE_ROWS), b->italic);
    xw_sheet_end(&s, n > 0, true, D_NCOLS);
}

/* -------------------------------------------------------------- public */

lis_status
lis_xlsx_write_agreement(const lis_report *r, const lis_rm_agreement *a, const char *path,
                         lis_error *err)
{
    xw_book book;
    const char *lang = r->stamp.lang;
    char *title = lis_xasprintf("%s %s – %s", lis_label(LIS_L_AGREEMENT, lang),
                                a->agreement_id, a->name);
    char *subject = lis_xasprintf("%s %s", lis_label(LIS_L_MONTHLY_REPORT, lang),
                                  r->stamp.period ? r->stamp.period : "");
    lis_status st = xw_open(&book, r, path, title, subject, err);
    free(title);
    free(subject);
    if (st != LIS_OK)
        return st;
    sheet_overview(&book, a);
    sheet_goals(&book, a);
    sheet_economy(&book, a);
    sheet_data(&book, a);
    return xw_close(&book);
}
