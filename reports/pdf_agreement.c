/*
 * pdf_agreement.c - aftale-<id>.pdf and the agreement's chart PNGs.
 *
 * Layout on A4 portrait (points): 40 pt margins, a running header on every
 * page, the as-of footer from doc.c. Text is measured before it is drawn, so
 * a row that does not fit goes to the next page whole (with the table header
 * repeated) instead of running into the footer.
 */
#include "pdf_agreement.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "doc.h"
#include "labels.h"
#include "mem.h"
#include "png_out.h"

#define INK 0x222222u
#define MUTED 0x5a5a5a
#define HEAD_BG 0x1f3b5c
#define RULE 0xd0d0d0
#define ZEBRA 0xf5f5f5

void
lis_chart_opts_default(lis_chart_opts *o)
{
    memset(o, 0, sizeof *o);
    o->pdf = true;
    o->pngs = true;
    o->png_width = 1280;
    o->png_height = 720;
}

typedef struct ctx {
    const lis_report *r;
    const lis_rm_agreement *a;
    bool en;
    lis_doc *doc;
    lis_canvas *cv;
    double y, top, bottom, left, right;
} ctx;

/* The label in the report's language. */
static const char *
tr(const ctx *c, lis_label_id id)
{
    return lis_label(id, c->r->stamp.lang);
}

/* "jan.–okt." style range of the year to date. */
static void
ytd_range(const ctx *c, char *buf, size_t size)
{
    if (c->r->month <= 1)
        snprintf(buf, size, "%s", lis_chart_month(1, true, c->en));
    else
        snprintf(buf, size, "%s–%s", lis_chart_month(1, true, c->en),
                 lis_chart_month(c->r->month, true, c->en));
}

static void
new_page(ctx *c)
{
    c->cv = lis_doc_page(c->doc);
    c->left = LIS_DOC_MARGIN;
    c->right = LIS_A4_W - LIS_DOC_MARGIN;
    c->top = LIS_DOC_MARGIN - 14;
    c->bottom = LIS_A4_H - LIS_DOC_FOOTER_H - 8;
    char left[512], right[128];
    snprintf(left, sizeof left, "%s %d · %s %s", tr(c, LIS_L_DEV_AGREEMENT), c->a->year,
             c->a->agreement_id, c->a->name ? c->a->name : "");
    snprintf(right, sizeof right, "%s %s %d", tr(c, LIS_L_STATUS_AS_OF),
             lis_chart_month(c->r->month, false, c->en), c->r->year);
    double rw = lis_canvas_text_width(c->cv, 7.5, 0, right);
    lis_canvas_text(c->cv, c->right, c->top, 0, 7.5, LIS_TEXT_RIGHT, MUTED, right, 0,
                    true, NULL);
    lis_canvas_text(c->cv, c->left, c->top, c->right - c->left - rw - 12, 7.5,
                    LIS_TEXT_ELLIPSIZE, MUTED, left, 1, true, NULL);
    c->y = c->top + 12;
    lis_canvas_set_rgb(c->cv, RULE);
    cairo_set_line_width(lis_canvas_cr(c->cv), 0.5);
    cairo_move_to(lis_canvas_cr(c->cv), c->left, c->y);
    cairo_line_to(lis_canvas_cr(c->cv), c->right, c->y);
    cairo_stroke(lis_canvas_cr(c->cv));
    c->y += 12;
}

static void
ensure(ctx *c, double h)
{
    if (c->y + h > c->bottom)
        new_page(c);
}

static double
section_title(ctx *c, const char *text, bool draw)
{
    double h = lis_canvas_text(c->cv, c->left, c->y, c->right - c->left, 12,
                               LIS_TEXT_BOLD, HEAD_BG, text, 0, draw, NULL);
    return h + 4;
}

/* ========================================================================
 * Summary page: the agreement, the goals table, the economy status
 * ======================================================================== */

static void
agreement_header(ctx *c)
{
    const lis_rm_agreement *a = c->a;
    double w = c->right - c->left;
    c->y += lis_canvas_text(c->cv, c->left, c->y, w, 17, LIS_TEXT_BOLD, INK,
                            a->name ? a->name : a->agreement_id, 3, true, NULL);
    c->y += 6;

    char lvl[16], holder[512], parent[256];
    snprintf(lvl, sizeof lvl, "%d", a->level);
    if (a->holder_leader && *a->holder_leader)
        snprintf(holder, sizeof holder, "%s (%s)", a->holder_name ? a->holder_name : "",
                 a->holder_leader);
    else
        snprintf(holder, sizeof holder, "%s", a->holder_name ? a->holder_name : "");
    snprintf(parent, sizeof parent, "%s",
             a->parent_agreement ? a->parent_agreement : "–");
    const char *keys[] = {
        tr(c, LIS_L_AGREEMENT),        tr(c, LIS_L_HOLDER),     tr(c, LIS_L_GRANTOR),
        tr(c, LIS_L_AREA_SHORT),       tr(c, LIS_L_LEVEL),      tr(c, LIS_L_PARENT_SHORT),
        tr(c, LIS_L_AGREEMENT_STATUS), tr(c, LIS_L_BUDGET_YEAR)};
    char year[16];
    snprintf(year, sizeof year, "%d", a->year);
    const char *vals[] = {a->agreement_id,
                          holder,
                          a->grantor_name ? a->grantor_name
                                          : (a->grantor_unit ? a->grantor_unit : ""),
                          a->area_name ? a->area_name : "–",
                          lvl,
                          parent,
                          lis_label_agreement_status(a->status, c->r->stamp.lang),
                          year};
    /* Two columns of key: value pairs. */
    double colw = w / 2, kw = 82;
    double y0 = c->y, ymax = c->y;
    for (int i = 0; i < 8; i++) {
        int col = i < 4 ? 0 : 1;
        double x = c->left + col * colw;
        double *yy = col == 0 ? &c->y : &y0;
        lis_canvas_text(c->cv, x, *yy, kw - 4, 8, 0, MUTED, keys[i], 1, true, NULL);
        double h = lis_canvas_text(c->cv, x + kw, *yy, colw - kw - 8, 8, 0, INK, vals[i],
                                   2, true, NULL);
        *yy += fmax(h, 10) + 2;
        ymax = fmax(ymax, *yy);
    }
    c->y = ymax + 10;
    if (a->missing_indicators > 0) {
        char line[256];
        snprintf(line, sizeof line,
                 lis_label_fmt(LIS_L_MISSING_DATA_FMT, c->r->stamp.lang, "%zu %s"),
                 a->missing_indicators, c->r->stamp.period ? c->r->stamp.period : "");
        c->y += lis_canvas_text(c->cv, c->left, c->y, w, 8.5, LIS_TEXT_BOLD, 0xb00020u,
                                line, 2, true, NULL) +
                8;
    }
}

/* Goals table columns. */
#define COL_LIGHT 20.0
#define COL_GOAL 200.0
#define COL_ATT 100.0

static double
goals_header(ctx *c)
{
    double w = c->right - c->left, h = 22;
    lis_canvas_fill_rect(c->cv, c->left, c->y, w, h, HEAD_BG);
    char att[96], range[32];
    ytd_range(c, range, sizeof range);
    snprintf(att, sizeof att, "%s\n%s, %s", tr(c, LIS_L_ATTAINMENT),
             tr(c, LIS_L_YEAR_TO_DATE), range);
    double x = c->left;
    lis_canvas_text(c->cv, x + COL_LIGHT + 4, c->y + h / 2, 0, 7.5,
                    LIS_TEXT_BOLD | LIS_TEXT_MIDDLE, 0xffffff, tr(c, LIS_L_GOAL), 0, true,
                    NULL);
    lis_canvas_text(c->cv, x + COL_LIGHT + COL_GOAL + 4, c->y + h / 2, COL_ATT - 8, 7.5,
                    LIS_TEXT_BOLD | LIS_TEXT_MIDDLE, 0xffffff, att, 2, true, NULL);
    lis_canvas_text(c->cv, x + COL_LIGHT + COL_GOAL + COL_ATT + 4, c->y + h / 2, 0, 7.5,
                    LIS_TEXT_BOLD | LIS_TEXT_MIDDLE, 0xffffff,
                    tr(c, LIS_L_STATUS_COMMENT), 0, true, NULL);
    c->y += h;
    return h;
}

static void
goal_meta(const ctx *c, const lis_rm_goal *g, char *buf, size_t size)
{
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_adds(&b, lis_label_goal_kind(g->kind, c->r->stamp.lang));
    if (g->focus_area && *g->focus_area)
        lis_buf_addf(&b, " · %s", lis_label_focus_area(g->focus_area, c->r->stamp.lang));
    if (g->cross_cutting)
        lis_buf_addf(&b, " · %s", tr(c, LIS_L_CROSS_CUTTING));
    if (!g->owned && g->owner_agreement)
        lis_buf_addf(&b, " · %s %s", tr(c, LIS_L_SHARED_FROM_LC), g->owner_agreement);
    snprintf(buf, size, "%s", b.data ? b.data : "");
    lis_buf_release(&b);
}

/* The comment cell: the qualitative status (or the light) and the comment. */
static void
goal_comment(const ctx *c, const lis_rm_goal *g, char *head, size_t hsize,
             const char **body)
{
    *body = g->comment;
    if (g->comment_status) {
        char extra[200] = "";
        if (g->comment_period && g->comment_author && *g->comment_author)
            snprintf(extra, sizeof extra, " (%s, %s)", g->comment_period,
                     g->comment_author);
        else if (g->comment_period)
            snprintf(extra, sizeof extra, " (%s)", g->comment_period);
        snprintf(head, hsize, "%s%s",
                 lis_label_goal_status(g->comment_status, c->r->stamp.lang), extra);
    } else {
        snprintf(head, hsize, "%s", lis_label_light(g->ytd_status, c->r->stamp.lang));
    }
}

static double
goal_row(ctx *c, const lis_rm_goal *g, int index, bool draw)
{
    double pad = 4;
    double x = c->left, w = c->right - c->left;
    double comment_w = w - COL_LIGHT - COL_GOAL - COL_ATT - 2 * pad;
    char title[1024], meta[512], head[256];
    const char *body;
    snprintf(title, sizeof title, "%s  %s", g->goal_id, g->title ? g->title : "");
    goal_meta(c, g, meta, sizeof meta);
    goal_comment(c, g, head, sizeof head, &body);

    double y = c->y + pad;
    double h1 = lis_canvas_text(c->cv, 0, 0, COL_GOAL - 2 * pad, 8.5, LIS_TEXT_BOLD, INK,
                                title, 0, false, NULL);
    double h2 = lis_canvas_text(c->cv, 0, 0, COL_GOAL - 2 * pad, 7, 0, MUTED, meta, 0,
                                false, NULL);
    double h3 = lis_canvas_text(c->cv, 0, 0, comment_w, 7.5, LIS_TEXT_BOLD, INK, head, 0,
                                false, NULL);
    double h4 = body && *body ? lis_canvas_text(c->cv, 0, 0, comment_w, 7.5, 0, INK, body,
                                                30, false, NULL)
                              : 0;
    double rh = fmax(fmax(h1 + h2 + 1, h3 + h4 + 1), 16) + 2 * pad;
    if (!draw)
        return rh;
    if (index % 2 == 1)
        lis_canvas_fill_rect(c->cv, x, c->y, w, rh, ZEBRA);
    lis_chart_light(c->cv, x + COL_LIGHT / 2, y + 6, 5.5, g->ytd_status);
    lis_canvas_text(c->cv, x + COL_LIGHT + pad, y, COL_GOAL - 2 * pad, 8.5, LIS_TEXT_BOLD,
                    INK, title, 0, true, NULL);
    lis_canvas_text(c->cv, x + COL_LIGHT + pad, y + h1 + 1, COL_GOAL - 2 * pad, 7, 0,
                    MUTED, meta, 0, true, NULL);
    if (!g->qualitative)
        lis_chart_draw_bar(c->cv, x + COL_LIGHT + COL_GOAL + pad, y + 1,
                           COL_ATT - 2 * pad, 10, g->ytd_attainment, g->ytd_status,
                           c->en);
    else
        lis_canvas_text(c->cv, x + COL_LIGHT + COL_GOAL + pad, y + 1, COL_ATT - 2 * pad,
                        7.5, LIS_TEXT_ITALIC, MUTED, tr(c, LIS_L_QUALITATIVE_SHORT), 2,
                        true, NULL);
    double cx = x + COL_LIGHT + COL_GOAL + COL_ATT + pad;
    lis_canvas_text(c->cv, cx, y, comment_w, 7.5, LIS_TEXT_BOLD, INK, head, 0, true,
                    NULL);
    if (h4 > 0)
        lis_canvas_text(c->cv, cx, y + h3 + 1, comment_w, 7.5, 0, INK, body, 30, true,
                        NULL);
    lis_canvas_set_rgb(c->cv, RULE);
    cairo_set_line_width(lis_canvas_cr(c->cv), 0.4);
    cairo_move_to(lis_canvas_cr(c->cv), x, c->y + rh);
    cairo_line_to(lis_canvas_cr(c->cv), x + w, c->y + rh);
    cairo_stroke(lis_canvas_cr(c->cv));
    return rh;
}

static void
goals_table(ctx *c)
{
    const lis_rm_agreement *a = c->a;
    ensure(c, 60);
    c->y += section_title(c, tr(c, LIS_L_GOALS), true);
    if (a->n_goals == 0) {
        c->y += lis_canvas_text(c->cv, c->left, c->y, 0, 8, LIS_TEXT_ITALIC, MUTED,
                                tr(c, LIS_L_NO_GOALS), 0, true, NULL) +
                8;
        return;
    }
    goals_header(c);
    for (size_t i = 0; i < a->n_goals; i++) {
        double rh = goal_row(c, &a->goals[i], (int)i, false);
        if (c->y + rh > c->bottom) {
            new_page(c);
            char t[128];
            snprintf(t, sizeof t, "%s (%s)", tr(c, LIS_L_GOALS), tr(c, LIS_L_CONTINUED));
            c->y += section_title(c, t, true);
            goals_header(c);
        }
        c->y += goal_row(c, &a->goals[i], (int)i, true);
    }
    c->y += 14;
}

static double
money_row(ctx *c, double y, const char *key, const char *value, bool draw)
{
    double kw = 200, vw = 120;
    if (draw) {
        lis_canvas_text(c->cv, c->left, y, kw, 8.5, 0, MUTED, key, 1, true, NULL);
        lis_canvas_text(c->cv, c->left + kw + vw, y, 0, 8.5, LIS_TEXT_RIGHT, INK, value,
                        0, true, NULL);
    }
    return 13;
}

static void
economy_summary(ctx *c)
{
    const lis_rm_economy *e = &c->a->economy;
    char num[64], buf[96], range[32];
    ensure(c, 150);
    c->y += section_title(c, tr(c, LIS_L_ECONOMY), true);
    if (!e->has_budget) {
        lis_chart_light(c->cv, c->left + 6, c->y + 6, 5.5, LIS_LIGHT_GREY);
        c->y += lis_canvas_text(c->cv, c->left + 18, c->y, c->right - c->left - 18, 8.5,
                                LIS_TEXT_ITALIC, MUTED, tr(c, LIS_L_NO_BUDGET_LINES), 0,
                                true, NULL) +
                10;
        return;
    }
    ytd_range(c, range, sizeof range);
#define KR(v)                                                                            \
    (snprintf(buf, sizeof buf,                                                           \
              lis_label_fmt(LIS_L_AMOUNT_KR_FMT, c->r->stamp.lang, "%s"),                \
              lis_chart_number(v, 0, c->en, num, sizeof num)),                           \
     buf)
#define PCT(v)                                                                           \
    (isfinite(v) ? (snprintf(buf, sizeof buf, "%s %%",                                   \
                             lis_chart_number(v, 1, c->en, num, sizeof num)),            \
                    buf)                                                                 \
                 : "–")
    char k[128];
    c->y +=
        money_row(c, c->y, tr(c, LIS_L_ANNUAL_BUDGET_SHORT), KR(e->annual_budget), true);
    snprintf(k, sizeof k, "%s (%s)", tr(c, LIS_L_BUDGET_YTD), range);
    c->y += money_row(c, c->y, k, KR(e->ytd_budget), true);
    snprintf(k, sizeof k, "%s (%s)", tr(c, LIS_L_ACTUAL_YTD_SPEND), range);
    c->y += money_row(c, c->y, k, KR(e->ytd_actual), true);
    c->y += money_row(c, c->y, tr(c, LIS_L_DEVIATION_NOW), KR(e->deviation_now), true);
    c->y +=
        money_row(c, c->y, tr(c, LIS_L_CONSUMPTION), PCT(e->consumption_pct_now), true);
    c->y += money_row(c, c->y, tr(c, LIS_L_EXPECTED_CONSUMPTION),
                      PCT(e->expected_pct_now), true);
    c->y += money_row(c, c->y, tr(c, LIS_L_FORECAST), KR(e->forecast_now), true);
    c->y += money_row(c, c->y, tr(c, LIS_L_FORECAST_DEVIATION),
                      KR(e->forecast_now - e->annual_budget), true);
#undef KR
#undef PCT
    lis_canvas_text(c->cv, c->left, c->y, 200, 8.5, 0, MUTED, tr(c, LIS_L_STATUS), 1,
                    true, NULL);
    lis_chart_light(c->cv, c->left + 200 + 6, c->y + 5.5, 5, e->status_now);
    lis_canvas_text(c->cv, c->left + 200 + 16, c->y, 0, 8.5, LIS_TEXT_BOLD, INK,
                    lis_label_light(e->status_now, c->r->stamp.lang), 0, true, NULL);
    c->y += 22;
}

/* Goals x months: the traffic-light matrix, continued across pages. */
static void
status_matrix(ctx *c)
{
    const lis_rm_agreement *a = c->a;
    if (a->n_goals == 0)
        return;
    double row_h = 13, label_w = 190, w = c->right - c->left;
    const char *cols[12];
    for (int m = 1; m <= 12; m++)
        cols[m - 1] = lis_chart_month(m, true, c->en);
    size_t i = 0;
    bool first = true;
    while (i < a->n_goals) {
        if (c->y + 40 + 2 * row_h > c->bottom)
            new_page(c);
        char t[160];
        if (first)
            snprintf(t, sizeof t, "%s", tr(c, LIS_L_GOAL_STATUS_BY_MONTH));
        else
            snprintf(t, sizeof t, "%s (%s)", tr(c, LIS_L_GOAL_STATUS_BY_MONTH),
                     tr(c, LIS_L_CONTINUED));
        c->y += section_title(c, t, true);
        first = false;
        int rows = (int)((c->bottom - c->y) / row_h) - 1;
        if (rows < 1)
            rows = 1;
        if ((size_t)rows > a->n_goals - i)
            rows = (int)(a->n_goals - i);
        const char **labels = lis_xcalloc((size_t)rows, sizeof *labels);
        char **owned = lis_xcalloc((size_t)rows, sizeof *owned);
        lis_light *lights = lis_xcalloc((size_t)rows * 12, sizeof *lights);
        for (int r = 0; r < rows; r++) {
            const lis_rm_goal *g = &a->goals[i + r];
            owned[r] = lis_xasprintf("%s  %s", g->goal_id, g->title ? g->title : "");
            labels[r] = owned[r];
            for (int m = 0; m < 12; m++)
                lights[r * 12 + m] = m < c->r->month ? g->status[m] : LIS_LIGHT_NONE;
        }
        c->y += lis_chart_draw_matrix(c->cv, c->left, c->y, w, row_h, rows, 12, labels,
                                      cols, lights, label_w, 7.5);
        for (int r = 0; r < rows; r++)
            free(owned[r]);
        free(owned);
        free(labels);
        free(lights);
        i += (size_t)rows;
        c->y += 10;
    }
    /* The legend of the lights. */
    ensure(c, 16);
    double x = c->left;
    const lis_light ls[] = {LIS_LIGHT_GREEN, LIS_LIGHT_YELLOW, LIS_LIGHT_RED,
                            LIS_LIGHT_GREY, LIS_LIGHT_NOT_DUE};
    for (size_t k = 0; k < sizeof ls / sizeof *ls; k++) {
        lis_chart_light(c->cv, x + 4, c->y + 5, 4, ls[k]);
        double tw = 0;
        lis_canvas_text(c->cv, x + 11, c->y + 5, 0, 7, LIS_TEXT_MIDDLE, MUTED,
                        lis_label_light(ls[k], c->r->stamp.lang), 0, true, &tw);
        x += 11 + tw + 12;
    }
    c->y += 16;
}

/* ========================================================================
 * Figures tables under the charts
 * ======================================================================== */

typedef struct frow {
    const char *label;
    const double *v;
    int decimals;
} frow;

static double
figures(ctx *c, int n, const char *const *cats, const frow *rows, int nrows,
        const lis_light *lights)
{
    double lw = 70, w = c->right - c->left, cw = (w - lw) / n, rh = 11;
    char buf[64];
    /* The largest font (up to 7 pt) at which every number fits its column:
     * without hinting, text width is proportional to the font size. */
    double fs = 7, wmax = 0;
    for (int r = 0; r < nrows; r++)
        for (int i = 0; i < n; i++)
            wmax = fmax(wmax, lis_canvas_text_width(
                                  c->cv, fs, 0,
                                  lis_chart_number(rows[r].v[i], rows[r].decimals, c->en,
                                                   buf, sizeof buf)));
    if (wmax > cw - 3)
        fs = fmax(4.5, fs * (cw - 3) / wmax);
    double y = c->y;
    lis_canvas_fill_rect(c->cv, c->left, y, w, rh, 0xe8edf3);
    for (int i = 0; i < n; i++)
        lis_canvas_text(c->cv, c->left + lw + cw * (i + 1) - 2, y + rh / 2, 0, 7,
                        LIS_TEXT_RIGHT | LIS_TEXT_MIDDLE | LIS_TEXT_BOLD, INK, cats[i], 0,
                        true, NULL);
    y += rh;
    for (int r = 0; r < nrows; r++) {
        lis_canvas_text(c->cv, c->left + 2, y + rh / 2, lw - 4, 7, LIS_TEXT_MIDDLE, MUTED,
                        rows[r].label, 1, true, NULL);
        for (int i = 0; i < n; i++) {
            lis_chart_number(rows[r].v[i], rows[r].decimals, c->en, buf, sizeof buf);
            lis_canvas_text(c->cv, c->left + lw + cw * (i + 1) - 2, y + rh / 2, 0, fs,
                            LIS_TEXT_RIGHT | LIS_TEXT_MIDDLE, INK, buf, 0, true, NULL);
        }
        y += rh;
    }
    if (lights) {
        lis_canvas_text(c->cv, c->left + 2, y + rh / 2, lw - 4, 7, LIS_TEXT_MIDDLE, MUTED,
                        tr(c, LIS_L_STATUS), 1, true, NULL);
        for (int i = 0; i < n; i++)
            lis_chart_light(c->cv, c->left + lw + cw * (i + 1) - 2 - 4, y + rh / 2, 3.5,
                            lights[i]);
        y += rh;
    }
    lis_canvas_set_rgb(c->cv, RULE);
    cairo_set_line_width(lis_canvas_cr(c->cv), 0.4);
    cairo_move_to(lis_canvas_cr(c->cv), c->left, y);
    cairo_line_to(lis_canvas_cr(c->cv), c->right, y);
    cairo_stroke(lis_canvas_cr(c->cv));
    return y - c->y;
}

/* ========================================================================
 * Indicator charts
 * ======================================================================== */

static bool
is_sum(const lis_rm_indicator *ind)
{
    return ind->aggregation && strcmp(ind->aggregation, "sum") == 0;
}

void
lis_pdf_indicator_chart(const lis_report *r, const lis_rm_indicator *ind, bool en,
                        lis_line_chart *lc, char qlabels[4][16], char *ylabel,
                        size_t ylsize)
{
    const char *f = ind->frequency ? ind->frequency : "maaned";
    bool interval = ind->direction && strcmp(ind->direction, "interval") == 0;
    if (strcmp(f, "kvartal") == 0) {
        lis_line_chart_init(lc, 4);
        for (int q = 0; q < 4; q++) {
            snprintf(qlabels[q], 16,
                     lis_label_fmt(LIS_L_QUARTER_SHORT_FMT, r->stamp.lang, "%d"), q + 1);
            lc->cat_label[q] = qlabels[q];
            lc->actual[q] = ind->q_actual[q];
            lc->target[q] = ind->q_target[q];
            lc->status[q] = ind->q_status[q];
            double k = is_sum(ind) ? 3.0 / 12 : 1;
            if (interval) {
                lc->band_low[q] = ind->low * k;
                lc->band_high[q] = ind->high * k;
            }
        }
    } else if (strcmp(f, "aar") == 0) {
        lis_line_chart_init(lc, 1);
        snprintf(qlabels[0], 16, "%d", r->year);
        lc->cat_label[0] = qlabels[0];
        lc->actual[0] = ind->year_actual;
        lc->target[0] = ind->year_target;
        lc->status[0] = ind->year_status;
        if (interval) {
            lc->band_low[0] = ind->low;
            lc->band_high[0] = ind->high;
        }
    } else {
        lis_line_chart_init(lc, 12);
        for (int m = 0; m < 12; m++) {
            lc->cat_label[m] = lis_chart_month(m + 1, true, en);
            lc->actual[m] = ind->actual[m];
            lc->target[m] = ind->target[m];
            lc->status[m] = ind->status[m];
            double k = is_sum(ind) ? 1.0 / 12 : 1;
            if (interval) {
                lc->band_low[m] = ind->low * k;
                lc->band_high[m] = ind->high * k;
            }
        }
    }
    lc->en = en;
    lc->decimals = ind->decimals;
    snprintf(ylabel, ylsize, "%s", ind->unit ? ind->unit : "");
    lc->unit = ylabel;
}

static void
direction_text(const ctx *c, const lis_rm_indicator *ind, char *buf, size_t size)
{
    char lo[64], hi[64];
    if (ind->direction && strcmp(ind->direction, "interval") == 0)
        snprintf(buf, size, "%s %s–%s", tr(c, LIS_L_WITHIN),
                 isfinite(ind->low)
                     ? lis_chart_number(ind->low, ind->decimals, c->en, lo, sizeof lo)
                     : "",
                 isfinite(ind->high)
                     ? lis_chart_number(ind->high, ind->decimals, c->en, hi, sizeof hi)
                     : "");
    else if (ind->direction && strcmp(ind->direction, "ned") == 0)
        snprintf(buf, size, "%s", tr(c, LIS_L_LOWER_IS_BETTER));
    else
        snprintf(buf, size, "%s", tr(c, LIS_L_HIGHER_IS_BETTER));
}

#define INDICATOR_BLOCK_H 345.0

static void
indicator_block(ctx *c, const lis_rm_goal *g, const lis_rm_indicator *ind)
{
    double w = c->right - c->left;
    char buf[1024], dir[160], num[3][64], range[32];
    snprintf(buf, sizeof buf, "%s %s: %s", tr(c, LIS_L_GOAL), g->goal_id,
             g->title ? g->title : "");
    c->y +=
        lis_canvas_text(c->cv, c->left, c->y, w, 7.5, 0, MUTED, buf, 1, true, NULL) + 1;
    snprintf(buf, sizeof buf, "%s (%s)", ind->name ? ind->name : ind->indicator_id,
             ind->indicator_id);
    c->y += lis_canvas_text(c->cv, c->left, c->y, w, 11, LIS_TEXT_BOLD, INK, buf, 1, true,
                            NULL) +
            1;
    direction_text(c, ind, dir, sizeof dir);
    char wt[32];
    lis_chart_number(ind->weight, ind->weight == floor(ind->weight) ? 0 : 2, c->en, wt,
                     sizeof wt);
    snprintf(buf, sizeof buf, "%s: %s · %s · %s: %s · %s %s", tr(c, LIS_L_UNIT_ID),
             ind->unit ? ind->unit : "", dir, tr(c, LIS_L_AGGREGATION),
             ind->aggregation ? ind->aggregation : "", tr(c, LIS_L_WEIGHT), wt);
    c->y +=
        lis_canvas_text(c->cv, c->left, c->y, w, 7.5, 0, MUTED, buf, 1, true, NULL) + 2;

    lis_line_chart lc;
    char ql[4][16], yl[64];
    lis_pdf_indicator_chart(c->r, ind, c->en, &lc, ql, yl, sizeof yl);
    double ch = 210;
    lis_chart_draw_line(c->cv, c->left - 6, c->y, w + 12, ch, &lc);
    c->y += ch + 2;

    double att[LIS_CHART_MAX_CATS];
    for (int i = 0; i < lc.n; i++) {
        if (lc.n == 12)
            att[i] = ind->attainment[i];
        else if (lc.n == 4)
            att[i] = ind->q_attainment[i];
        else
            att[i] = ind->year_attainment;
    }
    frow rows[3] = {
        {tr(c, LIS_L_ACTUAL), lc.actual, ind->decimals},
        {tr(c, LIS_L_TARGET_SHORT), lc.target, ind->decimals},
        {tr(c, LIS_L_ATTAINMENT_PCT), att, 1},
    };
    c->y += figures(c, lc.n, lc.cat_label, rows, 3, lc.status) + 4;

    ytd_range(c, range, sizeof range);
    snprintf(buf, sizeof buf, "%s (%s): %s %s · %s %s · %s %s%s",
             tr(c, LIS_L_YEAR_TO_DATE_CAP), range, tr(c, LIS_L_ACTUAL_LC),
             isfinite(ind->ytd_actual)
                 ? lis_chart_number(ind->ytd_actual, ind->decimals, c->en, num[0], 64)
                 : "–",
             tr(c, LIS_L_TARGET_LC),
             isfinite(ind->ytd_target)
                 ? lis_chart_number(ind->ytd_target, ind->decimals, c->en, num[1], 64)
                 : "–",
             tr(c, LIS_L_ATTAINMENT_LC),
             isfinite(ind->ytd_attainment)
                 ? lis_chart_number(ind->ytd_attainment, 1, c->en, num[2], 64)
                 : "–",
             isfinite(ind->ytd_attainment) ? " %" : "");
    lis_chart_light(c->cv, c->left + 5, c->y + 5.5, 4.5, ind->ytd_status);
    double tw = 0;
    lis_canvas_text(c->cv, c->left + 14, c->y, w - 14, 8, 0, INK, buf, 2, true, &tw);
    c->y += 14;
}

static void
indicator_pages(ctx *c)
{
    bool any = false;
    for (size_t i = 0; i < c->a->n_goals; i++) {
        const lis_rm_goal *g = &c->a->goals[i];
        for (size_t k = 0; k < g->n_indicators; k++) {
            if (!any || c->y + INDICATOR_BLOCK_H > c->bottom) {
                new_page(c);
                if (!any)
                    c->y += section_title(c, tr(c, LIS_L_INDICATORS), true);
            } else {
                c->y += 8;
            }
            any = true;
            indicator_block(c, g, &g->indicators[k]);
        }
    }
}

/* ========================================================================
 * Economy chart
 * ======================================================================== */

void
lis_pdf_economy_chart(const lis_report *r, const lis_rm_economy *e, bool en,
                      lis_column_chart *cc)
{
    lis_column_chart_init(cc, 12);
    cc->en = en;
    for (int m = 0; m < 12; m++) {
        cc->cat_label[m] = lis_chart_month(m + 1, true, en);
        if (!e->has_budget)
            continue;
        cc->budget[m] = e->budget[m];
        cc->cum_budget[m] = e->cum_budget[m];
        /* Months after the report's month have no bookings yet: gaps. */
        if (m < r->month) {
            cc->actual[m] = e->actual[m];
            cc->cum_actual[m] = e->cum_actual[m];
        }
    }
}

static void
economy_page(ctx *c)
{
    const lis_rm_economy *e = &c->a->economy;
    new_page(c);
    c->y += section_title(c, tr(c, LIS_L_ECONOMY_PAGE), true);
    lis_column_chart cc;
    lis_pdf_economy_chart(c->r, e, c->en, &cc);
    double w = c->right - c->left, ch = 300;
    lis_chart_draw_columns(c->cv, c->left - 6, c->y, w + 12, ch, &cc);
    c->y += ch + 6;
    if (!e->has_budget)
        return;
    double pct[12], kb[12], ka[12], kcb[12], kca[12];
    for (int m = 0; m < 12; m++) {
        pct[m] = m < c->r->month ? e->consumption_pct[m] : NAN;
        kb[m] = cc.budget[m] / 1000;
        ka[m] = cc.actual[m] / 1000;
        kcb[m] = cc.cum_budget[m] / 1000;
        kca[m] = cc.cum_actual[m] / 1000;
    }
    frow rows[5] = {
        {tr(c, LIS_L_BUDGET), kb, 0},
        {tr(c, LIS_L_ACTUAL_SPEND), ka, 0},
        {tr(c, LIS_L_BUDGET_CUM_SHORT), kcb, 0},
        {tr(c, LIS_L_ACTUAL_CUM_SHORT), kca, 0},
        {tr(c, LIS_L_CONSUMED_PCT), pct, 1},
    };
    lis_light st[12];
    for (int m = 0; m < 12; m++)
        st[m] = m < c->r->month ? e->status[m] : LIS_LIGHT_NONE;
    c->y += figures(c, 12, cc.cat_label, rows, 5, st) + 6;
    lis_canvas_text(c->cv, c->left, c->y, w, 7, LIS_TEXT_ITALIC, MUTED,
                    tr(c, LIS_L_ECONOMY_NOTE), 2, true, NULL);
}

/* ========================================================================
 * PNG charts and the entry point
 * ======================================================================== */

static lis_status
write_png_chart(const lis_report *r, const lis_rm_agreement *a, const lis_rm_goal *g,
                const lis_rm_indicator *ind, const char *path, const lis_chart_opts *o,
                cairo_surface_t *img, lis_error *err)
{
    bool en = lis_chart_lang_en(r->stamp.lang);

    cairo_t *cr = cairo_create(img);
    lis_canvas *cv = lis_canvas_new(cr);
    lis_chart_background(cv, o->png_width, o->png_height);
    char *stamp = lis_doc_stamp_text(&r->stamp);
    char title[600], sub[1200];
    if (g && ind) {
        lis_line_chart lc;
        char ql[4][16], yl[64];
        lis_pdf_indicator_chart(r, ind, en, &lc, ql, yl, sizeof yl);
        snprintf(title, sizeof title, "%s", ind->name ? ind->name : ind->indicator_id);
        snprintf(sub, sizeof sub, "%s %s · %s %s: %s · %s",
                 lis_label(LIS_L_AGREEMENT, r->stamp.lang), a->agreement_id,
                 lis_label(LIS_L_GOAL_LC, r->stamp.lang), g->goal_id,
                 g->title ? g->title : "", stamp);
        lc.title = title;
        lc.subtitle = sub;
        lis_chart_draw_line(cv, 0, 0, o->png_width, o->png_height, &lc);
    } else {
        lis_column_chart cc;
        lis_pdf_economy_chart(r, &a->economy, en, &cc);
        snprintf(title, sizeof title, "%s: %s", lis_label(LIS_L_ECONOMY, r->stamp.lang),
                 a->name ? a->name : a->agreement_id);
        snprintf(sub, sizeof sub, "%s %s · %s", lis_label(LIS_L_AGREEMENT, r->stamp.lang),
                 a->agreement_id, stamp);
        cc.title = title;
        cc.subtitle = sub;
        lis_chart_draw_columns(cv, 0, 0, o->png_width, o->png_height, &cc);
    }
    free(stamp);
    lis_canvas_free(cv);
    cairo_destroy(cr);
    return lis_png_write(img, path, err);
}

char **
lis_pdf_agreement_names(const lis_rm_agreement *a, const lis_chart_opts *opts, size_t *n)
{
    lis_chart_opts def;
    if (opts == NULL) {
        lis_chart_opts_default(&def);
        opts = &def;
    }
    size_t cap = 2;
    for (size_t i = 0; i < a->n_goals; i++)
        cap += a->goals[i].n_indicators;
    char **names = lis_xcalloc(cap, sizeof *names);
    char sa[256], sg[256], si[256];
    size_t k = 0;
    lis_chart_safe_name(a->agreement_id, sa, sizeof sa);
    if (opts->pdf)
        names[k++] = lis_xasprintf("aftale-%s.pdf", sa);
    if (opts->pngs) {
        for (size_t i = 0; i < a->n_goals; i++)
            for (size_t j = 0; j < a->goals[i].n_indicators; j++)
                names[k++] = lis_xasprintf(
                    "aftale-%s-%s-%s.png", sa,
                    lis_chart_safe_name(a->goals[i].goal_id, sg, sizeof sg),
                    lis_chart_safe_name(a->goals[i].indicators[j].indicator_id, si,
                                        sizeof si));
        names[k++] = lis_xasprintf("aftale-%s-oekonomi.png", sa);
    }
    *n = k;
    return names;
}

void
lis_pdf_agreement_names_free(char **names, size_t n)
{
    for (size_t i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
}

lis_status
lis_pdf_agreement_write_paths(const lis_report *r, const lis_rm_agreement *a,
                              const char *const *paths, const lis_chart_opts *opts,
                              lis_error *err)
{
    lis_chart_opts def;
    if (opts == NULL) {
        lis_chart_opts_default(&def);
        opts = &def;
    }
    size_t next = 0;
    if (opts->pdf) {
        ctx c = {.r = r, .a = a, .en = lis_chart_lang_en(r->stamp.lang)};
        c.doc = lis_doc_new(LIS_A4_W, LIS_A4_H);
        new_page(&c);
        agreement_header(&c);
        goals_table(&c);
        economy_summary(&c);
        status_matrix(&c);
        indicator_pages(&c);
        economy_page(&c);
        char left[300], title[1024];
        snprintf(left, sizeof left, "%s %s", lis_label(LIS_L_AGREEMENT, r->stamp.lang),
                 a->agreement_id);
        snprintf(title, sizeof title, "%s %s: %s",
                 lis_label(LIS_L_AGREEMENT, r->stamp.lang), a->agreement_id,
                 a->name ? a->name : "");
        lis_status st =
            lis_doc_write_pdf(c.doc, paths[next++], title, left, &r->stamp, err);
        lis_doc_free(c.doc);
        if (st != LIS_OK)
            return st;
    }
    lis_status st = LIS_OK;
    if (opts->pngs) {
        /* One image for all the agreement's charts: each chart paints it all. */
        cairo_surface_t *img = cairo_image_surface_create(
            CAIRO_FORMAT_RGB24, opts->png_width, opts->png_height);
        for (size_t i = 0; i < a->n_goals && st == LIS_OK; i++)
            for (size_t k = 0; k < a->goals[i].n_indicators && st == LIS_OK; k++)
                st = write_png_chart(r, a, &a->goals[i], &a->goals[i].indicators[k],
                                     paths[next++], opts, img, err);
        if (st == LIS_OK)
            st = write_png_chart(r, a, NULL, NULL, paths[next++], opts, img, err);
        cairo_surface_destroy(img);
    }
    return st;
}

lis_status
lis_pdf_agreement_write(const lis_report *r, const lis_rm_agreement *a, const char *dir,
                        const lis_chart_opts *opts, lis_error *err)
{
    size_t n;
    char **names = lis_pdf_agreement_names(a, opts, &n);
    char **paths = lis_xcalloc(n ? n : 1, sizeof *paths);
    for (size_t i = 0; i < n; i++)
        paths[i] = lis_xasprintf("%s/%s", dir, names[i]);
    lis_status st =
        lis_pdf_agreement_write_paths(r, a, (const char *const *)paths, opts, err);
    lis_pdf_agreement_names_free(paths, n);
    lis_pdf_agreement_names_free(names, n);
    return st;
}
