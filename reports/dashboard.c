/*
 * dashboard.c - the quarterly dashboard for the direktion.
 *
 * Risk order: the number of red lights (goals, and the economy) first, then
 * the yellow ones, then the forecast's overrun in percent of the corrected
 * budget, then the lights without data, then the agreement id; most at risk
 * first. A goal's light is its status year to date at the end of the
 * report's window (the quarter's last month), the one the monthly reports
 * show.
 *
 * Layout on A4 landscape: a header with title, counts and legend; then the
 * rows in two side-by-side columns of blocks, each with its own header row,
 * filled top to bottom, left then right; rows shrink to fit up to about 110
 * agreements on one page (no smaller than 8 pt), beyond that further pages.
 */
#include "dashboard.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "doc.h"
#include "labels.h"
#include "mem.h"

#define INK 0x222222u
#define MUTED 0x5a5a5a
#define HEAD_BG 0x1f3b5c
#define ZEBRA 0xf2f2f2
#define DASH_HEADER_H 52.0 /* title, explanation and counts */
#define DASH_LEGEND_H 14.0 /* the line under the rows */

void
lis_dashboard_opts_default(lis_dashboard_opts *o)
{
    memset(o, 0, sizeof *o);
    o->png_scale = 2;
    o->png_max_px = 8192;
}

static lis_light
goal_light(const lis_report *r, const lis_rm_goal *g)
{
    if (g->ytd_status != LIS_LIGHT_NONE)
        return g->ytd_status;
    if (r->month >= 1 && r->month <= 12)
        return g->status[r->month - 1];
    return LIS_LIGHT_NONE;
}

static lis_light
economy_light(const lis_rm_agreement *a)
{
    return a->economy.has_budget ? a->economy.status_now : LIS_LIGHT_GREY;
}

/* The forecast's deviation from the corrected budget in percent; NAN
 * without a budget. */
static double
forecast_dev_pct(const lis_rm_agreement *a)
{
    const lis_rm_economy *e = &a->economy;
    if (!e->has_budget || e->annual_budget == 0 || !isfinite(e->forecast_now))
        return NAN;
    return (e->forecast_now - e->annual_budget) / fabs(e->annual_budget) * 100;
}

typedef struct risk {
    size_t index;
    int red, yellow, grey;
    double dev;
    const char *id;
} risk;

static int
risk_cmp(const void *pa, const void *pb)
{
    const risk *a = pa, *b = pb;
    if (a->red != b->red)
        return b->red - a->red;
    if (a->yellow != b->yellow)
        return b->yellow - a->yellow;
    double da = isfinite(a->dev) ? a->dev : -INFINITY,
           db = isfinite(b->dev) ? b->dev : -INFINITY;
    if (da != db)
        return da > db ? -1 : 1;
    if (a->grey != b->grey)
        return b->grey - a->grey;
    return strcmp(a->id, b->id);
}

size_t *
lis_dashboard_order(const lis_report *r)
{
    size_t n = r->n_agreements;
    risk *rs = lis_xcalloc(n ? n : 1, sizeof *rs);
    for (size_t i = 0; i < n; i++) {
        const lis_rm_agreement *a = &r->agreements[i];
        risk *k = &rs[i];
        k->index = i;
        k->id = a->agreement_id ? a->agreement_id : "";
        k->dev = forecast_dev_pct(a);
        lis_light lights_e = economy_light(a);
        for (size_t g = 0; g <= a->n_goals; g++) {
            lis_light l = g < a->n_goals ? goal_light(r, &a->goals[g]) : lights_e;
            k->red += l == LIS_LIGHT_RED;
            k->yellow += l == LIS_LIGHT_YELLOW;
            k->grey += l == LIS_LIGHT_GREY;
        }
    }
    qsort(rs, n, sizeof *rs, risk_cmp);
    size_t *order = lis_xcalloc(n ? n : 1, sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = rs[i].index;
    free(rs);
    return order;
}

/* ======================================================================== */

typedef struct layout {
    const lis_report *r;
    bool en;
    double pw, ph, margin;
    size_t max_goals;
    double row_h, fs;
    double block_w, gap;
    /* column offsets within a block */
    double c_rank, c_name, c_goals, c_goal_w, c_eco, c_kr, c_pct;
} layout;

/* The label in the report's language. */
static const char *
tr(const layout *L, lis_label_id id)
{
    return lis_label(id, L->r->stamp.lang);
}

static void
quarter_text(const layout *L, char *buf, size_t size)
{
    const char *p = L->r->stamp.period ? L->r->stamp.period : "";
    int y, q;
    if (sscanf(p, "%d-Q%d", &y, &q) == 2)
        snprintf(buf, size,
                 lis_label_fmt(LIS_L_QUARTER_YEAR_FMT, L->r->stamp.lang, "%d %d"), q, y);
    else
        snprintf(buf, size, "%s", p);
}

/* Text at x, centred on my, when draw; its width either way. */
static double
count_text(lis_canvas *cv, double x, double my, double fs, int flags, const char *text,
           bool draw)
{
    double tw = 0;
    if (draw)
        lis_canvas_text(cv, x, my, 0, fs, flags | LIS_TEXT_MIDDLE, INK, text, 0, true,
                        &tw);
    else
        tw = lis_canvas_text_width(cv, fs, flags, text);
    return tw;
}

/* The header's line of counts at x, centred on my, at fs pt (lights and
 * gaps in proportion); its width. Drawn only when draw. */
static double
counts_line(const layout *L, lis_canvas *cv, double x, double my, double fs,
            const int *gc, const int *ec, size_t goals, bool draw)
{
    const lis_report *r = L->r;
    double k = fs / 8.5, cx = x;
    char buf[512];
    snprintf(buf, sizeof buf,
             lis_label_fmt(LIS_L_DASHBOARD_COUNTS_FMT, r->stamp.lang, "%zu %zu"),
             r->n_agreements, goals);
    cx += count_text(cv, cx, my, fs, LIS_TEXT_BOLD, buf, draw) + 8 * k;
    const lis_light ls[] = {LIS_LIGHT_RED, LIS_LIGHT_YELLOW, LIS_LIGHT_GREEN,
                            LIS_LIGHT_GREY, LIS_LIGHT_NOT_DUE};
    for (int pass = 0; pass < 2; pass++) {
        const int *cnt = pass == 0 ? gc : ec;
        if (pass == 1) {
            cx += 10 * k;
            snprintf(buf, sizeof buf, "%s:", tr(L, LIS_L_ECONOMY));
            cx += count_text(cv, cx, my, fs, LIS_TEXT_BOLD, buf, draw) + 8 * k;
        }
        for (size_t i = 0; i < sizeof ls / sizeof *ls; i++) {
            if (pass == 1 && ls[i] == LIS_LIGHT_NOT_DUE)
                continue;
            static const lis_label_id counted[] = {[LIS_LIGHT_GREEN] = LIS_L_C_GREEN,
                                                   [LIS_LIGHT_YELLOW] = LIS_L_C_YELLOW,
                                                   [LIS_LIGHT_RED] = LIS_L_C_RED,
                                                   [LIS_LIGHT_GREY] = LIS_L_C_GREY,
                                                   [LIS_LIGHT_NOT_DUE] = LIS_L_C_NOT_DUE};
            const char *label = ls[i] == LIS_LIGHT_GREY && pass == 1
                                    ? tr(L, LIS_L_C_NO_BUDGET)
                                    : tr(L, counted[ls[i]]);
            snprintf(buf, sizeof buf, "%d %s", cnt[ls[i]], label);
            if (draw)
                lis_chart_light(cv, cx + 5 * k, my, 4.5 * k, ls[i]);
            cx += 13 * k + count_text(cv, cx + 13 * k, my, fs, 0, buf, draw) + 10 * k;
        }
    }
    return cx - x;
}

/* The page header: title, counts, legend. Returns the y below it. */
static double
page_header(const layout *L, lis_canvas *cv, const size_t *order)
{
    (void)order;
    const lis_report *r = L->r;
    double x = L->margin, y = L->margin - 6, w = L->pw - 2 * L->margin;
    char q[64], buf[512];
    quarter_text(L, q, sizeof q);
    snprintf(buf, sizeof buf, "%s · %s", tr(L, LIS_L_DASHBOARD_TITLE), q);
    y += lis_canvas_text(cv, x, y, w, 15, LIS_TEXT_BOLD, HEAD_BG, buf, 1, true, NULL);
    snprintf(buf, sizeof buf,
             lis_label_fmt(LIS_L_DASHBOARD_INTRO_FMT, r->stamp.lang, "%s %d"),
             lis_chart_month(r->month, false, L->en), r->year);
    y += lis_canvas_text(cv, x, y + 1, w, 8, 0, MUTED, buf, 2, true, NULL) + 3;

    /* Counts. */
    int gc[6] = {0}, ec[6] = {0};
    size_t goals = 0;
    for (size_t i = 0; i < r->n_agreements; i++) {
        const lis_rm_agreement *a = &r->agreements[i];
        for (size_t g = 0; g < a->n_goals; g++) {
            lis_light l = goal_light(r, &a->goals[g]);
            if ((int)l >= 0 && l <= LIS_LIGHT_NOT_DUE)
                gc[l]++;
            goals++;
        }
        ec[economy_light(a)]++;
    }
    /* At 8.5 pt; smaller when a large municipality's counts would run past
     * the page (5-digit counts at scale 100). */
    double lh = 12, fs = 8.5;
    double need = counts_line(L, cv, x, y + lh / 2, fs, gc, ec, goals, false);
    if (need > w)
        fs *= w / need;
    counts_line(L, cv, x, y + lh / 2, fs, gc, ec, goals, true);
    y += lh + 6;
    return y;
}

static void
block_header(const layout *L, lis_canvas *cv, double x, double y)
{
    double h = L->row_h + 4, fs = fmin(7, L->fs);
    lis_canvas_fill_rect(cv, x, y, L->block_w, h, HEAD_BG);
    double my = y + h / 2;
    int fl = LIS_TEXT_BOLD | LIS_TEXT_MIDDLE;
    lis_canvas_text(cv, x + L->c_name + 2, my, 0, fs, fl, 0xffffff,
                    tr(L, LIS_L_AGREEMENT), 0, true, NULL);
    char n[24];
    for (size_t g = 0; g < L->max_goals; g++) {
        snprintf(n, sizeof n, "%zu", g + 1);
        lis_canvas_text(cv, x + L->c_goals + L->c_goal_w * (g + 0.5), my, 0, fs,
                        fl | LIS_TEXT_CENTER, 0xffffff, n, 0, true, NULL);
    }
    lis_canvas_text(cv, x + L->c_eco + (L->c_kr - L->c_eco) / 2, my, 0, fs,
                    fl | LIS_TEXT_CENTER, 0xffffff, tr(L, LIS_L_ECON_SHORT), 0, true,
                    NULL);
    lis_canvas_text(cv, x + L->c_pct - 3, my, 0, fs, fl | LIS_TEXT_RIGHT, 0xffffff,
                    tr(L, LIS_L_DEV_KR_SHORT), 0, true, NULL);
    lis_canvas_text(cv, x + L->block_w - 3, my, 0, fs, fl | LIS_TEXT_RIGHT, 0xffffff, "%",
                    0, true, NULL);
}

static void
agreement_row(const layout *L, lis_canvas *cv, double x, double y, size_t rank,
              const lis_rm_agreement *a, bool zebra)
{
    const lis_report *r = L->r;
    double h = L->row_h, my = y + h / 2, fs = L->fs;
    char buf[512], num[64];
    if (zebra)
        lis_canvas_fill_rect(cv, x, y, L->block_w, h, ZEBRA);
    snprintf(buf, sizeof buf, "%zu", rank);
    lis_canvas_text(cv, x + L->c_name - 3, my, 0, fs * 0.9,
                    LIS_TEXT_RIGHT | LIS_TEXT_MIDDLE, MUTED, buf, 0, true, NULL);
    /* The direktion reads the holder (the unit); the agreement's own name
     * when there is no holder name. */
    const char *who = a->holder_name && *a->holder_name ? a->holder_name : a->name;
    snprintf(buf, sizeof buf, "%s %s", a->agreement_id, who ? who : "");
    lis_canvas_text(cv, x + L->c_name + 2, my, L->c_goals - L->c_name - 6, fs,
                    LIS_TEXT_MIDDLE | LIS_TEXT_ELLIPSIZE, INK, buf, 1, true, NULL);
    double rad = fmin(h * 0.36, L->c_goal_w * 0.36);
    for (size_t g = 0; g < a->n_goals && g < L->max_goals; g++)
        lis_chart_light(cv, x + L->c_goals + L->c_goal_w * (g + 0.5), my, rad,
                        goal_light(r, &a->goals[g]));
    lis_chart_light(cv, x + L->c_eco + (L->c_kr - L->c_eco) / 2, my, rad,
                    economy_light(a));
    if (a->economy.has_budget) {
        double dev = a->economy.forecast_now - a->economy.annual_budget;
        lis_chart_number(dev / 1000, 0, L->en, num, sizeof num);
        snprintf(buf, sizeof buf, "%s%s", dev >= 500 ? "+" : "", num);
        lis_canvas_text(cv, x + L->c_pct - 3, my, 0, fs, LIS_TEXT_RIGHT | LIS_TEXT_MIDDLE,
                        INK, buf, 0, true, NULL);
        double p = forecast_dev_pct(a);
        if (isfinite(p)) {
            lis_chart_number(p, 1, L->en, num, sizeof num);
            snprintf(buf, sizeof buf, "%s%s", p >= 0.05 ? "+" : "", num);
            lis_canvas_text(cv, x + L->block_w - 3, my, 0, fs,
                            LIS_TEXT_RIGHT | LIS_TEXT_MIDDLE, INK, buf, 0, true, NULL);
        }
    } else {
        lis_canvas_text(cv, x + L->block_w - 3, my, 0, fs,
                        LIS_TEXT_RIGHT | LIS_TEXT_MIDDLE, MUTED,
                        tr(L, LIS_L_NO_BUDGET_LC), 0, true, NULL);
    }
}

static void
legend_line(const layout *L, lis_canvas *cv, double y)
{
    const char *t = tr(L, LIS_L_DASHBOARD_LEGEND);
    lis_canvas_text(cv, L->margin, y, L->pw - 2 * L->margin, 6.5, LIS_TEXT_ITALIC, MUTED,
                    t, 2, true, NULL);
}

/* The rows of n agreements on pages ph high: the row height (*row_h) and
 * the rows in each of a page's two blocks. A row is as high as lets every
 * row fit (<= 14), no lower than 7.2 (6.5 pt text): 112 agreements fit an
 * A4 landscape page. The block header is a row and 4 pt high. */
static size_t
row_layout(size_t n, double ph, double *row_h)
{
    double avail = ph - (28 - 6) - DASH_HEADER_H - LIS_DOC_FOOTER_H - DASH_LEGEND_H - 4;
    size_t per_block_needed = (n + 1) / 2;
    double rh = per_block_needed ? (avail - 4) / (double)(per_block_needed + 1) : 14;
    *row_h = fmax(7.2, fmin(14, rh));
    size_t rows_per_block = (size_t)fmax(1, floor((avail - 4) / *row_h) - 1);
    /* All on one page: both columns about equally long. */
    if (n <= 2 * rows_per_block && per_block_needed > 0)
        rows_per_block = per_block_needed;
    return rows_per_block;
}

/* Lays out the rows from to to (of order) into doc, on pages as the rows of
 * all agreements would be; ph may be tall (a PNG's page). */
static void
render(const lis_report *r, lis_doc *doc, double pw, double ph, const size_t *order,
       size_t from, size_t to)
{
    layout L = {.r = r,
                .en = lis_chart_lang_en(r->stamp.lang),
                .pw = pw,
                .ph = ph,
                .margin = 28,
                .gap = 18};
    for (size_t i = 0; i < r->n_agreements; i++)
        if (r->agreements[i].n_goals > L.max_goals)
            L.max_goals = r->agreements[i].n_goals;
    if (L.max_goals == 0)
        L.max_goals = 1;
    L.block_w = (pw - 2 * L.margin - L.gap) / 2;
    L.c_rank = 0;
    /* The rank's column: 4 digits in 16 pt, a digit more in 3.7 pt more. */
    L.c_name = 16;
    for (size_t n = r->n_agreements; n >= 10000; n /= 10)
        L.c_name += 3.7;
    L.c_pct = L.block_w - 34;
    L.c_kr = L.c_pct - 56;
    L.c_eco = L.c_kr - 24;
    /* Goal cells narrow as goals get many, leaving room for the names. */
    double cell = L.max_goals <= 5 ? 16 : L.max_goals <= 8 ? 12.5 : 10;
    double goals_w = fmin(L.max_goals * cell, L.block_w * 0.42);
    L.c_goals = L.c_eco - goals_w;
    L.c_goal_w = goals_w / L.max_goals;

    size_t rows_per_block = row_layout(r->n_agreements, ph, &L.row_h);
    L.fs = fmin(8, L.row_h * 0.82);

    size_t i = from;
    do {
        lis_canvas *cv = lis_doc_page(doc);
        double y0 = page_header(&L, cv, order);
        double yend = y0;
        for (int b = 0; b < 2 && (i < to || (b == 0 && i == from)); b++) {
            double x = L.margin + b * (L.block_w + L.gap);
            block_header(&L, cv, x, y0);
            double y = y0 + L.row_h + 4;
            for (size_t k = 0; k < rows_per_block && i < to; k++, i++) {
                agreement_row(&L, cv, x, y, i + 1, &r->agreements[order[i]], k % 2 == 1);
                y += L.row_h;
            }
            yend = fmax(yend, y);
        }
        legend_line(&L, cv, yend + 6);
    } while (i < to);
}

char *
lis_dashboard_name(const lis_report *r, const char *ext)
{
    char sp[128];
    lis_chart_safe_name(r->stamp.period, sp, sizeof sp);
    return lis_xasprintf("dashboard-%s.%s", sp, ext);
}

char *
lis_dashboard_png_name(const lis_report *r, size_t k)
{
    if (k == 0)
        return lis_dashboard_name(r, "png");
    char sp[128];
    lis_chart_safe_name(r->stamp.period, sp, sizeof sp);
    return lis_xasprintf("dashboard-%s-%zu.png", sp, k + 1);
}

/* The pages the rows take at page height ph; *per_page (may be NULL) gets
 * the rows a page holds. */
static size_t
page_count(const lis_report *r, double ph, size_t *per_page)
{
    double row_h;
    size_t n = 2 * row_layout(r->n_agreements, ph, &row_h);
    if (per_page)
        *per_page = n;
    return r->n_agreements ? (r->n_agreements + n - 1) / n : 1;
}

/* The height in points of the PNG's pages: one page as tall as the rows
 * need, at the largest row height when that fits an A4 height, else at the
 * smallest; or, when that is taller than opts->png_max_px pixels, pages of
 * that height (the parts). Past 32,767 pixels cairo makes no image at all;
 * 8,192 pixels (1,120 agreements) is an image of 55 MB in memory. */
static double
png_page_height(const lis_report *r, const lis_dashboard_opts *opts)
{
    size_t per_block = (r->n_agreements + 1) / 2;
    double base = 22 + DASH_HEADER_H + LIS_DOC_FOOTER_H + DASH_LEGEND_H + 8 + 1;
    double ph = base + (per_block + 1) * 14.0;
    if (ph > LIS_A4_W)
        ph = fmax(LIS_A4_W, base + (per_block + 1) * 7.2);
    return fmin(ph, floor(opts->png_max_px / opts->png_scale));
}

size_t
lis_dashboard_png_count(const lis_report *r, const lis_dashboard_opts *opts)
{
    lis_dashboard_opts def;
    if (opts == NULL) {
        lis_dashboard_opts_default(&def);
        opts = &def;
    }
    return page_count(r, png_page_height(r, opts), NULL);
}

lis_status
lis_dashboard_write_paths(const lis_report *r, const char *pdf_path,
                          char *const *png_paths, const lis_dashboard_opts *opts,
                          lis_error *err)
{
    lis_dashboard_opts def;
    if (opts == NULL) {
        lis_dashboard_opts_default(&def);
        opts = &def;
    }
    char title[256];
    snprintf(title, sizeof title, "%s %s",
             lis_label(LIS_L_DASHBOARD_TITLE, r->stamp.lang),
             r->stamp.period ? r->stamp.period : "");
    const char *left = lis_label(LIS_L_DASHBOARD_SHORT, r->stamp.lang);
    size_t *order = lis_dashboard_order(r);
    lis_status st = LIS_OK;

    if (pdf_path) {
        /* Streamed: a page at a time (scale 100: 81 pages held 147 MB). */
        lis_doc *doc = lis_doc_new(LIS_A4_H, LIS_A4_W);
        lis_doc_set_margin(doc, 28);
        lis_doc_set_numbering(doc, 0, (int)page_count(r, LIS_A4_W, NULL));
        st = lis_doc_open_pdf(doc, pdf_path, title, left, &r->stamp, err);
        if (st == LIS_OK) {
            render(r, doc, LIS_A4_H, LIS_A4_W, order, 0, r->n_agreements);
            st = lis_doc_close_pdf(doc, err);
        }
        lis_doc_free(doc);
    }
    if (st == LIS_OK && png_paths) {
        /* Each part a document of its own, so that one page of rows and
         * one image are held at a time. */
        double ph = png_page_height(r, opts);
        size_t per_page;
        size_t parts = page_count(r, ph, &per_page);
        for (size_t k = 0; k < parts && st == LIS_OK; k++) {
            lis_doc *doc = lis_doc_new(LIS_A4_H, ph);
            lis_doc_set_margin(doc, 28);
            lis_doc_set_numbering(doc, (int)k, parts > 1 ? (int)parts : 0);
            size_t from = k * per_page;
            render(r, doc, LIS_A4_H, ph, order, from,
                   from + per_page < r->n_agreements ? from + per_page : r->n_agreements);
            st = lis_doc_write_png(doc, 0, opts->png_scale, png_paths[k], left, &r->stamp,
                                   err);
            lis_doc_free(doc);
        }
    }
    free(order);
    return st;
}

lis_status
lis_dashboard_write(const lis_report *r, const char *dir, const lis_dashboard_opts *opts,
                    lis_error *err)
{
    char *pdf = lis_dashboard_name(r, "pdf");
    char *pdf_path = lis_xasprintf("%s/%s", dir, pdf);
    size_t parts = lis_dashboard_png_count(r, opts);
    char **png_paths = lis_xcalloc(parts, sizeof *png_paths);
    for (size_t k = 0; k < parts; k++) {
        char *png = lis_dashboard_png_name(r, k);
        png_paths[k] = lis_xasprintf("%s/%s", dir, png);
        free(png);
    }
    lis_status st = lis_dashboard_write_paths(r, pdf_path, png_paths, opts, err);
    for (size_t k = 0; k < parts; k++)
        free(png_paths[k]);
    free(png_paths);
    free(pdf);
    free(pdf_path);
    return st;
}

lis_light
lis_dashboard_goal_light(const lis_report *r, const lis_rm_goal *g)
{
    return goal_light(r, g);
}

lis_light
lis_dashboard_economy_light(const lis_rm_agreement *a)
{
    return economy_light(a);
}

double
lis_dashboard_forecast_dev_pct(const lis_rm_agreement *a)
{
    return forecast_dev_pct(a);
}
