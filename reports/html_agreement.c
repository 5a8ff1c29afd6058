/*
 * html_agreement.c - aftale-<id>.html: the agreement report as one page.
 *
 * The same content as the PDF's (pdf_agreement.c), in the order a reader
 * on a screen wants it: the agreement's facts, the goals with their status
 * as a word and a colour, the economy at the report's month, then a chart
 * per indicator and the economy chart, each followed by its figures as a
 * table (the chart's text alternative points to it).
 */
#include "html.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "pdf_agreement.h"

typedef struct page {
    const lis_report *r;
    const lis_rm_agreement *a;
    const char *lang;
    bool en;
    lis_buf *b;
    int charts; /* charts so far: their id prefixes */
} page;

static const char *
tr(const page *p, lis_label_id id)
{
    return lis_label(id, p->lang);
}

/* Appends a number (or "–" for NAN) with a suffix. */
static void
number(page *p, double v, int decimals, const char *suffix)
{
    char buf[64];
    if (!isfinite(v)) {
        lis_buf_adds(p->b, "–");
        return;
    }
    lis_buf_adds(p->b, lis_chart_number(v, decimals, p->en, buf, sizeof buf));
    lis_buf_adds(p->b, suffix);
}

static void
ytd_range(const page *p, char *buf, size_t size)
{
    if (p->r->month <= 1)
        snprintf(buf, size, "%s", lis_chart_month(1, true, p->en));
    else
        snprintf(buf, size, "%s–%s", lis_chart_month(1, true, p->en),
                 lis_chart_month(p->r->month, true, p->en));
}

static void
fact(page *p, const char *key, const char *value)
{
    lis_buf_adds(p->b, "<dt>");
    lis_html_escape(p->b, key);
    lis_buf_adds(p->b, "</dt><dd>");
    lis_html_escape(p->b, value && *value ? value : "–");
    lis_buf_adds(p->b, "</dd>\n");
}

static void
header(page *p)
{
    const lis_rm_agreement *a = p->a;
    lis_buf *b = p->b;
    lis_buf_addf(b, "<header>\n<p class=\"muted\">%s %d · %s %s %d</p>\n<h1>",
                 tr(p, LIS_L_DEV_AGREEMENT), a->year, tr(p, LIS_L_STATUS_AS_OF),
                 lis_chart_month(p->r->month, false, p->en), p->r->year);
    lis_html_escape(b, a->name && *a->name ? a->name : a->agreement_id);
    lis_buf_adds(b, "</h1>\n</header>\n<dl class=\"facts\">\n");
    char holder[512], lvl[16], year[16];
    if (a->holder_leader && *a->holder_leader)
        snprintf(holder, sizeof holder, "%s (%s)", a->holder_name ? a->holder_name : "",
                 a->holder_leader);
    else
        snprintf(holder, sizeof holder, "%s", a->holder_name ? a->holder_name : "");
    snprintf(lvl, sizeof lvl, "%d", a->level);
    snprintf(year, sizeof year, "%d", a->year);
    fact(p, tr(p, LIS_L_AGREEMENT), a->agreement_id);
    fact(p, tr(p, LIS_L_HOLDER), holder);
    fact(p, tr(p, LIS_L_GRANTOR), a->grantor_name ? a->grantor_name : a->grantor_unit);
    fact(p, tr(p, LIS_L_AREA), a->area_name);
    fact(p, tr(p, LIS_L_LEVEL), lvl);
    fact(p, tr(p, LIS_L_PARENT), a->parent_agreement);
    fact(p, tr(p, LIS_L_AGREEMENT_STATUS),
         lis_label_agreement_status(a->status, p->lang));
    fact(p, tr(p, LIS_L_BUDGET_YEAR), year);
    lis_buf_adds(b, "</dl>\n");
}

/* Kind, focus area, cross-cutting and sharing of a goal, escaped. */
static void
goal_meta(page *p, const lis_rm_goal *g)
{
    lis_buf_adds(p->b, "<span class=\"goalmeta\">");
    lis_html_escape(p->b, lis_label_goal_kind(g->kind, p->lang));
    if (g->focus_area && *g->focus_area) {
        lis_buf_adds(p->b, " · ");
        lis_html_escape(p->b, lis_label_focus_area(g->focus_area, p->lang));
    }
    if (g->cross_cutting) {
        lis_buf_adds(p->b, " · ");
        lis_html_escape(p->b, tr(p, LIS_L_CROSS_CUTTING));
    }
    if (!g->owned && g->owner_agreement) {
        lis_buf_addf(p->b, " · %s ", tr(p, LIS_L_SHARED_FROM_LC));
        lis_html_escape(p->b, g->owner_agreement);
    }
    lis_buf_adds(p->b, "</span>");
}

static void
goals_table(page *p)
{
    const lis_rm_agreement *a = p->a;
    lis_buf *b = p->b;
    char range[32];
    ytd_range(p, range, sizeof range);
    lis_buf_addf(b, "<h2 id=\"maal\">%s</h2>\n", tr(p, LIS_L_GOALS));
    if (a->n_goals == 0) {
        lis_buf_addf(b, "<p class=\"muted\">%s</p>\n", tr(p, LIS_L_NO_GOALS));
        return;
    }
    lis_buf_addf(
        b,
        "<div class=\"scroll\"><table class=\"cards\">\n<caption>%s, %s %s</caption>\n"
        "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
        "<th scope=\"col\" class=\"num\">%s, %s</th><th scope=\"col\">%s</th>"
        "</tr></thead>\n<tbody>\n",
        tr(p, LIS_L_GOALS), tr(p, LIS_L_YEAR_TO_DATE), range, tr(p, LIS_L_STATUS),
        tr(p, LIS_L_GOAL), tr(p, LIS_L_ATTAINMENT), tr(p, LIS_L_YEAR_TO_DATE),
        tr(p, LIS_L_STATUS_COMMENT));
    for (size_t i = 0; i < a->n_goals; i++) {
        const lis_rm_goal *g = &a->goals[i];
        lis_buf_adds(b, "<tr><td>");
        lis_html_light(b, g->ytd_status, p->lang);
        lis_buf_adds(b, "</td><th scope=\"row\">");
        lis_html_escape(b, g->goal_id);
        lis_buf_adds(b, " ");
        lis_html_escape(b, g->title);
        goal_meta(p, g);
        lis_buf_addf(b, "</th><td class=\"num\" data-label=\"%s, %s\">",
                     tr(p, LIS_L_ATTAINMENT), tr(p, LIS_L_YEAR_TO_DATE));
        if (g->qualitative)
            lis_html_escape(b, tr(p, LIS_L_QUALITATIVE_SHORT));
        else
            number(p, g->ytd_attainment, 1, " %");
        lis_buf_addf(b, "</td><td data-label=\"%s\">", tr(p, LIS_L_COMMENT));
        if (g->comment_status) {
            lis_buf_adds(b, "<strong>");
            lis_html_escape(b, lis_label_goal_status(g->comment_status, p->lang));
            lis_buf_adds(b, "</strong>");
            if (g->comment_period) {
                lis_buf_adds(b, " (");
                lis_html_escape(b, g->comment_period);
                if (g->comment_author && *g->comment_author) {
                    lis_buf_adds(b, ", ");
                    lis_html_escape(b, g->comment_author);
                }
                lis_buf_adds(b, ")");
            }
            if (g->comment && *g->comment) {
                lis_buf_adds(b, "<br>");
                lis_html_escape(b, g->comment);
            }
        } else if (g->comment && *g->comment) {
            lis_html_escape(b, g->comment);
        }
        lis_buf_adds(b, "</td></tr>\n");
    }
    lis_buf_adds(b, "</tbody>\n</table></div>\n");
}

/* Goals x months: the status of each goal month by month, as the PDF's
 * matrix; months after the report's month are empty. */
static void
status_by_month(page *p)
{
    const lis_rm_agreement *a = p->a;
    lis_buf *b = p->b;
    if (a->n_goals == 0)
        return;
    lis_buf_addf(
        b,
        "<div class=\"scroll\"><table class=\"figures\">\n<caption>%s</caption>\n"
        "<thead><tr><td class=\"corner\"></td>",
        tr(p, LIS_L_GOAL_STATUS_BY_MONTH));
    for (int m = 1; m <= 12; m++)
        lis_buf_addf(b, "<th scope=\"col\">%s</th>", lis_chart_month(m, true, p->en));
    lis_buf_adds(b, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < a->n_goals; i++) {
        const lis_rm_goal *g = &a->goals[i];
        lis_buf_adds(b, "<tr><th scope=\"row\">");
        lis_html_escape(b, g->goal_id);
        lis_buf_adds(b, "</th>");
        for (int m = 0; m < 12; m++) {
            lis_buf_adds(b, "<td>");
            if (m < p->r->month)
                lis_html_light(b, g->status[m], p->lang);
            lis_buf_adds(b, "</td>");
        }
        lis_buf_adds(b, "</tr>\n");
    }
    lis_buf_adds(b, "</tbody>\n</table></div>\n");
}

static void
money(page *p, const char *key, double v, bool pct)
{
    char num[64];
    lis_buf_adds(p->b, "<tr><th scope=\"row\">");
    lis_html_escape(p->b, key);
    lis_buf_adds(p->b, "</th><td class=\"num\">");
    if (pct)
        number(p, v, 1, " %");
    else if (isfinite(v))
        lis_buf_addf(p->b, lis_label_fmt(LIS_L_AMOUNT_KR_FMT, p->lang, "%s"),
                     lis_chart_number(v, 0, p->en, num, sizeof num));
    else
        lis_buf_adds(p->b, "–");
    lis_buf_adds(p->b, "</td></tr>\n");
}

static void
economy_summary(page *p)
{
    const lis_rm_economy *e = &p->a->economy;
    lis_buf *b = p->b;
    lis_buf_addf(b, "<h2 id=\"oekonomi\">%s</h2>\n", tr(p, LIS_L_ECONOMY));
    if (!e->has_budget) {
        lis_buf_adds(b, "<p>");
        lis_html_light(b, LIS_LIGHT_GREY, p->lang);
        lis_buf_addf(b, " %s</p>\n", tr(p, LIS_L_NO_BUDGET_LINES));
        return;
    }
    char range[32], k[160];
    ytd_range(p, range, sizeof range);
    lis_buf_addf(
        b,
        "<div class=\"scroll\"><table class=\"money\">\n<caption>%s, %s</caption>\n"
        "<tbody>\n",
        tr(p, LIS_L_ECONOMY), range);
    money(p, tr(p, LIS_L_ANNUAL_BUDGET_SHORT), e->annual_budget, false);
    snprintf(k, sizeof k, "%s (%s)", tr(p, LIS_L_BUDGET_YTD), range);
    money(p, k, e->ytd_budget, false);
    snprintf(k, sizeof k, "%s (%s)", tr(p, LIS_L_ACTUAL_YTD_SPEND), range);
    money(p, k, e->ytd_actual, false);
    money(p, tr(p, LIS_L_DEVIATION_NOW), e->deviation_now, false);
    money(p, tr(p, LIS_L_CONSUMPTION), e->consumption_pct_now, true);
    money(p, tr(p, LIS_L_EXPECTED_CONSUMPTION), e->expected_pct_now, true);
    money(p, tr(p, LIS_L_FORECAST), e->forecast_now, false);
    money(p, tr(p, LIS_L_FORECAST_DEVIATION), e->forecast_now - e->annual_budget, false);
    lis_buf_addf(b, "<tr><th scope=\"row\">%s</th><td class=\"num\">",
                 tr(p, LIS_L_STATUS));
    lis_html_light(b, e->status_now, p->lang);
    lis_buf_adds(b, "</td></tr>\n</tbody>\n</table></div>\n");
}

/* A table of figures under a chart: one column per category. */
typedef struct frow {
    const char *label;
    const double *v;
    int decimals;
    const char *suffix;
} frow;

static void
figures(page *p, const char *caption, int n, const char *const *cats, const frow *rows,
        int nrows, const lis_light *lights)
{
    lis_buf *b = p->b;
    lis_buf_adds(b, "<div class=\"scroll\"><table class=\"figures\">\n<caption>");
    lis_html_escape(b, caption);
    lis_buf_adds(b, "</caption>\n<thead><tr><td class=\"corner\"></td>");
    for (int i = 0; i < n; i++) {
        lis_buf_adds(b, "<th scope=\"col\" class=\"num\">");
        lis_html_escape(b, cats[i]);
        lis_buf_adds(b, "</th>");
    }
    lis_buf_adds(b, "</tr></thead>\n<tbody>\n");
    for (int r = 0; r < nrows; r++) {
        lis_buf_adds(b, "<tr><th scope=\"row\">");
        lis_html_escape(b, rows[r].label);
        lis_buf_adds(b, "</th>");
        for (int i = 0; i < n; i++) {
            lis_buf_adds(b, "<td class=\"num\">");
            if (isfinite(rows[r].v[i]))
                number(p, rows[r].v[i], rows[r].decimals, rows[r].suffix);
            lis_buf_adds(b, "</td>");
        }
        lis_buf_adds(b, "</tr>\n");
    }
    if (lights) {
        lis_buf_addf(b, "<tr><th scope=\"row\">%s</th>", tr(p, LIS_L_STATUS));
        for (int i = 0; i < n; i++) {
            lis_buf_adds(b, "<td class=\"num\">");
            lis_html_light(b, lights[i], p->lang);
            lis_buf_adds(b, "</td>");
        }
        lis_buf_adds(b, "</tr>\n");
    }
    lis_buf_adds(b, "</tbody>\n</table></div>\n");
}

static void
draw_line(lis_canvas *cv, double w, double h, const void *data)
{
    lis_chart_draw_line(cv, 0, 0, w, h, data);
}

static void
draw_columns(lis_canvas *cv, double w, double h, const void *data)
{
    lis_chart_draw_columns(cv, 0, 0, w, h, data);
}

#define CHART_W 720.0
#define CHART_H 300.0
#define NARROW_W 360.0

/* A chart twice: for wide screens and paper, and drawn anew for a narrow
 * screen (the style sheet shows one), where the wide one scaled down would
 * have unreadable text. */
static void
chart(page *p, lis_html_draw_fn draw, const void *data, double h, const char *title,
      const char *desc)
{
    char prefix[32];
    snprintf(prefix, sizeof prefix, "c%d", ++p->charts);
    lis_html_svg(p->b, prefix, "wide", CHART_W, h, draw, data, title, desc);
    snprintf(prefix, sizeof prefix, "c%dn", p->charts);
    lis_html_svg(p->b, prefix, "narrow", NARROW_W, h * 0.85, draw, data, title, desc);
}

static void
indicator(page *p, const lis_rm_goal *g, const lis_rm_indicator *ind)
{
    lis_buf *b = p->b;
    const char *name = ind->name && *ind->name ? ind->name : ind->indicator_id;
    lis_buf_adds(b, "<section class=\"indicator\">\n<h3>");
    lis_html_escape(b, name);
    lis_buf_adds(b, " (");
    lis_html_escape(b, ind->indicator_id);
    lis_buf_addf(b, ")</h3>\n<p class=\"muted\">%s ", tr(p, LIS_L_GOAL));
    lis_html_escape(b, g->goal_id);
    lis_buf_adds(b, ": ");
    lis_html_escape(b, g->title);
    lis_buf_addf(b, " · %s: ", tr(p, LIS_L_UNIT_ID));
    lis_html_escape(b, ind->unit);
    lis_buf_adds(b, " · ");
    if (ind->direction && strcmp(ind->direction, "interval") == 0) {
        char lo[64], hi[64];
        lis_buf_addf(b, "%s %s–%s", tr(p, LIS_L_WITHIN),
                     isfinite(ind->low)
                         ? lis_chart_number(ind->low, ind->decimals, p->en, lo, sizeof lo)
                         : "",
                     isfinite(ind->high) ? lis_chart_number(ind->high, ind->decimals,
                                                            p->en, hi, sizeof hi)
                                         : "");
    } else {
        lis_buf_adds(b, tr(p, ind->direction && strcmp(ind->direction, "ned") == 0
                                  ? LIS_L_LOWER_IS_BETTER
                                  : LIS_L_HIGHER_IS_BETTER));
    }
    lis_buf_addf(b, " · %s: ", tr(p, LIS_L_AGGREGATION));
    lis_html_escape(b, ind->aggregation);
    lis_buf_addf(b, " · %s ", tr(p, LIS_L_WEIGHT));
    number(p, ind->weight, ind->weight == floor(ind->weight) ? 0 : 2, "");
    lis_buf_adds(b, "</p>\n");

    lis_line_chart lc;
    char ql[4][16], yl[64], desc[600];
    lis_pdf_indicator_chart(p->r, ind, p->en, &lc, ql, yl, sizeof yl);
    snprintf(desc, sizeof desc, lis_label_fmt(LIS_L_HTML_LINE_CHART_FMT, p->lang, "%s"),
             name);
    lis_buf_adds(b, "<figure>\n");
    chart(p, draw_line, &lc, CHART_H, name, desc);
    lis_buf_adds(b, "</figure>\n");

    double att[LIS_CHART_MAX_CATS];
    for (int i = 0; i < lc.n; i++)
        att[i] = lc.n == 12  ? ind->attainment[i]
                 : lc.n == 4 ? ind->q_attainment[i]
                             : ind->year_attainment;
    frow rows[3] = {
        {tr(p, LIS_L_ACTUAL), lc.actual, ind->decimals, ""},
        {tr(p, LIS_L_TARGET_SHORT), lc.target, ind->decimals, ""},
        {tr(p, LIS_L_ATTAINMENT_PCT), att, 1, ""},
    };
    figures(p, name, lc.n, lc.cat_label, rows, 3, lc.status);

    char range[32];
    ytd_range(p, range, sizeof range);
    lis_buf_addf(b, "<p>%s (%s): ", tr(p, LIS_L_YEAR_TO_DATE_CAP), range);
    lis_html_light(b, ind->ytd_status, p->lang);
    lis_buf_addf(b, " · %s ", tr(p, LIS_L_ACTUAL_LC));
    number(p, ind->ytd_actual, ind->decimals, "");
    lis_buf_addf(b, " · %s ", tr(p, LIS_L_TARGET_LC));
    number(p, ind->ytd_target, ind->decimals, "");
    lis_buf_addf(b, " · %s ", tr(p, LIS_L_ATTAINMENT_LC));
    number(p, ind->ytd_attainment, 1, " %");
    lis_buf_adds(b, "</p>\n</section>\n");
}

static void
indicators(page *p)
{
    bool any = false;
    for (size_t i = 0; i < p->a->n_goals; i++) {
        const lis_rm_goal *g = &p->a->goals[i];
        for (size_t k = 0; k < g->n_indicators; k++) {
            if (!any)
                lis_buf_addf(p->b, "<h2 id=\"indikatorer\">%s</h2>\n",
                             tr(p, LIS_L_INDICATORS));
            any = true;
            indicator(p, g, &g->indicators[k]);
        }
    }
}

static void
economy_chart(page *p)
{
    const lis_rm_economy *e = &p->a->economy;
    lis_buf *b = p->b;
    lis_buf_addf(b, "<h2 id=\"budget\">%s</h2>\n<figure>\n", tr(p, LIS_L_ECONOMY_PAGE));
    lis_column_chart cc;
    lis_pdf_economy_chart(p->r, e, p->en, &cc);
    chart(p, draw_columns, &cc, CHART_H + 40, tr(p, LIS_L_ECONOMY_PAGE),
          tr(p, LIS_L_HTML_COLUMN_CHART));
    lis_buf_adds(b, "</figure>\n");
    if (!e->has_budget)
        return;
    double pct[12], kb[12], ka[12], kcb[12], kca[12];
    lis_light st[12];
    for (int m = 0; m < 12; m++) {
        pct[m] = m < p->r->month ? e->consumption_pct[m] : NAN;
        kb[m] = cc.budget[m] / 1000;
        ka[m] = cc.actual[m] / 1000;
        kcb[m] = cc.cum_budget[m] / 1000;
        kca[m] = cc.cum_actual[m] / 1000;
        st[m] = m < p->r->month ? e->status[m] : LIS_LIGHT_NONE;
    }
    frow rows[5] = {
        {tr(p, LIS_L_BUDGET), kb, 0, ""},
        {tr(p, LIS_L_ACTUAL_SPEND), ka, 0, ""},
        {tr(p, LIS_L_BUDGET_CUM_SHORT), kcb, 0, ""},
        {tr(p, LIS_L_ACTUAL_CUM_SHORT), kca, 0, ""},
        {tr(p, LIS_L_CONSUMED_PCT), pct, 1, ""},
    };
    char cap[160];
    snprintf(cap, sizeof cap, "%s (%s)", tr(p, LIS_L_ECONOMY), tr(p, LIS_L_THOUSAND_KR));
    figures(p, cap, 12, cc.cat_label, rows, 5, st);
    lis_buf_addf(b, "<p class=\"muted\">%s</p>\n", tr(p, LIS_L_ECONOMY_NOTE));
}

lis_status
lis_html_agreement_write(const lis_report *r, const lis_rm_agreement *a, const char *path,
                         lis_error *err)
{
    lis_buf b;
    lis_buf_init(&b);
    page p = {.r = r,
              .a = a,
              .lang = r->stamp.lang,
              .en = lis_chart_lang_en(r->stamp.lang),
              .b = &b};
    char *title = lis_xasprintf("%s %s: %s", tr(&p, LIS_L_AGREEMENT), a->agreement_id,
                                a->name ? a->name : "");
    lis_html_begin(&b, r->stamp.lang, title, NULL, NULL);
    free(title);
    lis_buf_adds(&b, "<main>\n");
    header(&p);
    goals_table(&p);
    status_by_month(&p);
    economy_summary(&p);
    indicators(&p);
    economy_chart(&p);
    lis_buf_adds(&b, "</main>\n");
    lis_html_end(&b, &r->stamp, NULL);
    lis_status st = lis_html_save(&b, path, err);
    lis_buf_release(&b);
    return st;
}
