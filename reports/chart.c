/*
 * chart.c - line, column, matrix and bar charts over cairo and pango.
 *
 * Every chart draws into a rectangle of the canvas and scales its fonts and
 * line widths with that rectangle, so a 1280x720 PNG and a 515x230 pt chart on
 * an A4 page come from the same code. See chart.h for what it does not do.
 */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "mem.h"
#include "run.h"
#include "utf8.h"

/* ========================================================================
 * Numbers, months, names
 * ======================================================================== */

static const char *
lang_of(bool en)
{
    return en ? "en" : "da";
}

char *
lis_chart_number(double v, int decimals, bool en, char *buf, size_t size)
{
    char digits[64];
    char out[96];
    size_t o = 0;

    if (size == 0)
        return buf;
    if (!isfinite(v)) {
        buf[0] = '\0';
        return buf;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 10)
        decimals = 10;
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    /* No minus on a value that rounds to zero ("-0,0"). */
    bool zero = strspn(digits, "0.") == strlen(digits);
    if (v < 0 && !zero)
        out[o++] = '-';
    const char *dot = strchr(digits, '.');
    size_t int_len = dot ? (size_t)(dot - digits) : strlen(digits);
    for (size_t i = 0; i < int_len && o < sizeof out - 4; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            out[o++] = en ? ',' : '.';
        out[o++] = digits[i];
    }
    if (dot) {
        out[o++] = en ? '.' : ',';
        for (const char *p = dot + 1; *p && o < sizeof out - 1; p++)
            out[o++] = *p;
    }
    out[o] = '\0';
    snprintf(buf, size, "%s", out);
    return buf;
}

const char *
lis_chart_month(int m, bool abbrev, bool en)
{
    if (m < 1 || m > 12)
        return "";
    return abbrev ? lis_label_month_short(m, lang_of(en))
                  : lis_label_month(m, lang_of(en));
}

bool
lis_chart_lang_en(const char *lang)
{
    return lang && strcmp(lang, "en") == 0;
}

char *
lis_chart_safe_name(const char *id, char *buf, size_t size)
{
    char *s = lis_run_safe_name(id);
    if (size > 0)
        snprintf(buf, size, "%s", s);
    free(s);
    return buf;
}

/* The "nice number" of Heckbert's Graphics Gems: 1, 2, 2.5, 5 or 10 times a
 * power of ten, rounded or the next above. */
static double
nice_number(double x, bool round_it)
{
    if (!(x > 0))
        return 1;
    double e = floor(log10(x));
    double f = x / pow(10, e);
    double nf;
    if (round_it)
        nf = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
    else
        nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nf * pow(10, e);
}

void
lis_chart_ticks(double lo, double hi, int max_ticks, double *first, double *step,
                int *count)
{
    if (max_ticks < 2)
        max_ticks = 2;
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (lo > hi) {
        double t = lo;
        lo = hi;
        hi = t;
    }
    if (hi - lo < 1e-12 * fmax(1, fabs(hi))) {
        double pad = lo == 0 ? 1 : fabs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    double s = nice_number((hi - lo) / (max_ticks - 1), false);
    double f = floor(lo / s + 1e-9) * s;
    double l = ceil(hi / s - 1e-9) * s;
    *first = f;
    *step = s;
    *count = (int)lround((l - f) / s) + 1;
}

/* Decimals needed to print multiples of step without noise. */
static int
step_decimals(double step)
{
    int d = 0;
    while (d < 6 && fabs(step * pow(10, d) - round(step * pow(10, d))) > 1e-6)
        d++;
    return d;
}

/* ========================================================================
 * Colours and the canvas
 * ======================================================================== */

#define INK 0x222222u
#define MUTED 0x5a5a5a
#define GRID 0xe3e3e3
#define AXIS 0x8a8a8a
#define BLUE 0x1f5fa8
#define LIGHT_BLUE 0xa8c5e8
#define ORANGE 0xd96c00
#define BAND 0xd5ecd9

uint32_t
lis_chart_light_colour(lis_light light)
{
    switch (light) {
    case LIS_LIGHT_GREEN:
        return 0x2e9e4f;
    case LIS_LIGHT_YELLOW:
        return 0xf2b400;
    case LIS_LIGHT_RED:
        return 0xd7301f;
    case LIS_LIGHT_GREY:
        return 0xa6a6a6;
    case LIS_LIGHT_NOT_DUE:
        return 0xffffff;
    case LIS_LIGHT_NONE:
        break;
    }
    return 0xffffff;
}

struct lis_canvas {
    cairo_t *cr;
    lis_text_sink sink; /* NULL: text is drawn */
    void *sink_closure;
};

/*
 * Text is laid out (shaped) once per process and kept: a run draws the same
 * labels (months, axis figures, headings) in every chart, and measures most
 * texts before it draws them; shaping them again each time was a third of
 * the time of an agreement's PDF. The layouts share one PangoContext, which
 * each use first brings up to date with the canvas's cairo context
 * (pango_cairo_update_context): a kept layout is laid out again only when
 * the target's transformation or font options differ from the last use.
 */
static PangoContext *text_context;
static GHashTable *text_layouts; /* key (text_layout) -> PangoLayout */
static PangoFontDescription *text_font;
enum { TEXT_LAYOUTS_MAX = 4096 }; /* when full the cache starts again */

static PangoContext *
shared_context(void)
{
    if (text_context)
        return text_context;
    text_context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    /* No hinting of metrics and unrounded glyph positions: text takes the
     * same room on a PNG, a PDF and at any scale. One user unit is a point. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(text_context, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(text_context, 72);
    pango_context_set_round_glyph_positions(text_context, FALSE);
    text_layouts = g_hash_table_new_full(g_str_hash, g_str_equal, free, g_object_unref);
    text_font = pango_font_description_from_string("DejaVu Sans 10");
    return text_context;
}

lis_canvas *
lis_canvas_new(cairo_t *cr)
{
    lis_canvas *cv = lis_xcalloc(1, sizeof *cv);
    cv->cr = cr;
    return cv;
}

void
lis_canvas_free(lis_canvas *cv)
{
    free(cv);
}

void
lis_canvas_set_text_sink(lis_canvas *cv, lis_text_sink sink, void *closure)
{
    cv->sink = sink;
    cv->sink_closure = closure;
}

cairo_t *
lis_canvas_cr(lis_canvas *cv)
{
    return cv->cr;
}

void
lis_canvas_set_rgb(lis_canvas *cv, uint32_t rgb)
{
    cairo_set_source_rgb(cv->cr, ((rgb >> 16) & 0xff) / 255.0,
                         ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

void
lis_canvas_fill_rect(lis_canvas *cv, double x, double y, double w, double h, uint32_t rgb)
{
    lis_canvas_set_rgb(cv, rgb);
    cairo_rectangle(cv->cr, x, y, w, h);
    cairo_fill(cv->cr);
}

/* A new layout of text as lis_canvas_text describes it. */
static PangoLayout *
new_layout(double width, double size, int flags, const char *text, int max_lines)
{
    PangoLayout *layout = pango_layout_new(text_context);
    pango_font_description_set_absolute_size(text_font, size * PANGO_SCALE);
    pango_font_description_set_weight(
        text_font, (flags & LIS_TEXT_BOLD) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(
        text_font, (flags & LIS_TEXT_ITALIC) ? PANGO_STYLE_OBLIQUE : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, text_font);
    if (width > 0) {
        pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout, (flags & LIS_TEXT_RIGHT) ? PANGO_ALIGN_RIGHT
                                           : (flags & LIS_TEXT_CENTER)
                                               ? PANGO_ALIGN_CENTER
                                               : PANGO_ALIGN_LEFT);
        if (max_lines > 0) {
            pango_layout_set_height(layout, -max_lines);
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
        } else if (flags & LIS_TEXT_ELLIPSIZE) {
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
        }
    }
    /* cairo refuses noncharacters when it writes the text into a PDF */
    char *clean = lis_utf8_clean(text, 0);
    pango_layout_set_text(layout, clean, -1);
    free(clean);
    return layout;
}

/* The kept layout of text for cv's target, made when there is none. Only
 * what shapes the layout is in its key: without a width, alignment and
 * ellipsis do not. */
static PangoLayout *
text_layout(lis_canvas *cv, double width, double size, int flags, const char *text,
            int max_lines)
{
    pango_cairo_update_context(cv->cr, shared_context());
    int shape = flags & (LIS_TEXT_BOLD | LIS_TEXT_ITALIC);
    if (width > 0)
        shape |= flags & (LIS_TEXT_RIGHT | LIS_TEXT_CENTER | LIS_TEXT_ELLIPSIZE);
    else
        width = max_lines = 0;
    char *key = lis_xasprintf("%a %a %d %d %s", width, size, shape, max_lines, text);
    PangoLayout *layout = g_hash_table_lookup(text_layouts, key);
    if (layout) {
        free(key);
        return layout;
    }
    if (g_hash_table_size(text_layouts) >= TEXT_LAYOUTS_MAX)
        g_hash_table_remove_all(text_layouts);
    layout = new_layout(width, size, shape, text, max_lines);
    g_hash_table_insert(text_layouts, key, layout);
    return layout;
}

/* Hands the lines of layout, drawn with its top-left at x, y, to cv's sink:
 * each anchored where its alignment puts it, so that a viewer whose font is
 * a little wider or narrower still lines it up as pango did. */
static void
sink_lines(lis_canvas *cv, PangoLayout *layout, double x, double y, double size,
           int flags, uint32_t rgb)
{
    const char *text = pango_layout_get_text(layout);
    cairo_matrix_t m;
    cairo_get_matrix(cv->cr, &m);
    int anchor = flags & LIS_TEXT_RIGHT    ? LIS_TEXT_RIGHT
                 : flags & LIS_TEXT_CENTER ? LIS_TEXT_CENTER
                                           : LIS_TEXT_LEFT;
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        double left = (double)logical.x / PANGO_SCALE,
               w = (double)logical.width / PANGO_SCALE;
        lis_text_line out = {.x = x + left +
                                  (anchor == LIS_TEXT_RIGHT    ? w
                                   : anchor == LIS_TEXT_CENTER ? w / 2
                                                               : 0),
                             .y = y + (double)pango_layout_iter_get_baseline(it) /
                                          PANGO_SCALE,
                             .size = size * m.xx,
                             .anchor = anchor,
                             .flags = flags & (LIS_TEXT_BOLD | LIS_TEXT_ITALIC),
                             .rgb = rgb,
                             .text = text + line->start_index,
                             .len = (size_t)line->length};
        cairo_user_to_device(cv->cr, &out.x, &out.y);
        while (out.len && strchr(" \t\r\n", out.text[out.len - 1]))
            out.len--; /* where a line wrapped */
        if (out.len)
            cv->sink(cv->sink_closure, &out);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

double
lis_canvas_text(lis_canvas *cv, double x, double y, double width, double size, int flags,
                uint32_t rgb, const char *text, int max_lines, bool draw,
                double *out_width)
{
    PangoRectangle ink, logical;
    PangoLayout *layout = text_layout(cv, width, size, flags, text, max_lines);
    pango_layout_get_extents(layout, &ink, &logical);
    double tw = (double)logical.width / PANGO_SCALE;
    double th = (double)logical.height / PANGO_SCALE;
    if (out_width)
        *out_width = tw;
    if (!draw)
        return th;
    double dx = x;
    if (width <= 0) {
        if (flags & LIS_TEXT_RIGHT)
            dx -= tw;
        else if (flags & LIS_TEXT_CENTER)
            dx -= tw / 2;
    }
    double dy = (flags & LIS_TEXT_MIDDLE) ? y - th / 2 : y;
    if (cv->sink && !pango_layout_is_ellipsized(layout)) {
        sink_lines(cv, layout, dx, dy, size, flags, rgb);
        return th;
    }
    lis_canvas_set_rgb(cv, rgb);
    cairo_move_to(cv->cr, dx, dy);
    pango_cairo_show_layout(cv->cr, layout);
    return th;
}

double
lis_canvas_text_width(lis_canvas *cv, double size, int flags, const char *text)
{
    double w = 0;
    lis_canvas_text(cv, 0, 0, 0, size, flags, 0, text, 0, false, &w);
    return w;
}

void
lis_chart_background(lis_canvas *cv, double w, double h)
{
    lis_canvas_fill_rect(cv, 0, 0, w, h, 0xffffff);
}

static uint32_t
darker(uint32_t rgb)
{
    uint32_t r = ((rgb >> 16) & 0xff) * 7 / 10, g = ((rgb >> 8) & 0xff) * 7 / 10,
             b = (rgb & 0xff) * 7 / 10;
    return (r << 16) | (g << 8) | b;
}

void
lis_chart_light(lis_canvas *cv, double cx, double cy, double r, lis_light light)
{
    cairo_t *cr = cv->cr;
    if (light == LIS_LIGHT_NONE)
        return;
    cairo_new_path(cr);
    cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
    if (light == LIS_LIGHT_NOT_DUE) {
        static const double dash[] = {1.5, 1.5};
        lis_canvas_set_rgb(cv, 0xffffff);
        cairo_fill_preserve(cr);
        double d[2] = {dash[0] * r / 4, dash[1] * r / 4};
        cairo_set_dash(cr, d, 2, 0);
        cairo_set_line_width(cr, fmax(0.4, r / 5));
        lis_canvas_set_rgb(cv, 0x9a9a9a);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        return;
    }
    uint32_t c = lis_chart_light_colour(light);
    lis_canvas_set_rgb(cv, c);
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, fmax(0.3, r / 7));
    lis_canvas_set_rgb(cv, darker(c));
    cairo_stroke(cr);
}

/* ========================================================================
 * Shared chart furniture
 * ======================================================================== */

/* Font size for a chart of w x h user units. */
static double
chart_font(double w, double h)
{
    double fs = sqrt(w * h) / 52;
    return fmin(20, fmax(8, fs));
}

typedef enum { SW_LINE, SW_DASH, SW_BOX, SW_BAND, SW_MARKER_LINE } swatch_kind;

typedef struct legend_item {
    swatch_kind kind;
    uint32_t rgb;
    const char *text;
} legend_item;

/* Draws the legend items in a row from x at y (top); returns its height. */
static double
draw_legend(lis_canvas *cv, double x, double y, double fs, const legend_item *items,
            int n)
{
    cairo_t *cr = cv->cr;
    double lh = fs * 1.25;
    double cx = x;
    for (int i = 0; i < n; i++) {
        double sw = fs * 2.0, mid = y + lh / 2;
        lis_canvas_set_rgb(cv, items[i].rgb);
        switch (items[i].kind) {
        case SW_LINE:
        case SW_MARKER_LINE:
        case SW_DASH:
            cairo_set_line_width(cr, fs * (items[i].kind == SW_DASH ? 0.14 : 0.2));
            if (items[i].kind == SW_DASH) {
                double d[2] = {fs * 0.45, fs * 0.3};
                cairo_set_dash(cr, d, 2, 0);
            }
            cairo_move_to(cr, cx, mid);
            cairo_line_to(cr, cx + sw, mid);
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
            if (items[i].kind == SW_MARKER_LINE) {
                cairo_arc(cr, cx + sw / 2, mid, fs * 0.28, 0, 2 * M_PI);
                cairo_fill(cr);
            }
            break;
        case SW_BOX:
            cairo_rectangle(cr, cx + sw * 0.2, mid - fs * 0.4, sw * 0.6, fs * 0.8);
            cairo_fill(cr);
            break;
        case SW_BAND:
            cairo_rectangle(cr, cx, mid - fs * 0.4, sw, fs * 0.8);
            cairo_fill(cr);
            break;
        }
        cx += sw + fs * 0.4;
        double tw = 0;
        lis_canvas_text(cv, cx, mid, 0, fs * 0.9, LIS_TEXT_MIDDLE, INK, items[i].text, 0,
                        true, &tw);
        cx += tw + fs * 1.2;
    }
    return lh;
}

/* Title and subtitle at the top of a chart; returns the height used. */
static double
draw_titles(lis_canvas *cv, double x, double y, double w, double fs, const char *title,
            const char *subtitle)
{
    double h = 0;
    if (title && *title)
        h += lis_canvas_text(cv, x, y, w, fs * 1.2, LIS_TEXT_BOLD, INK, title, 2, true,
                             NULL);
    if (subtitle && *subtitle)
        h += lis_canvas_text(cv, x, y + h, w, fs * 0.85, 0, MUTED, subtitle, 2, true,
                             NULL);
    return h;
}

typedef struct axis {
    double first, step;
    int count;
    int decimals;
    double lo, hi; /* first and last tick */
} axis;

static void
axis_make(axis *a, double lo, double hi, int max_ticks)
{
    lis_chart_ticks(lo, hi, max_ticks, &a->first, &a->step, &a->count);
    a->decimals = step_decimals(a->step);
    a->lo = a->first;
    a->hi = a->first + a->step * (a->count - 1);
}

static double
axis_y(const axis *a, double top, double bottom, double v)
{
    return bottom - (v - a->lo) / (a->hi - a->lo) * (bottom - top);
}

/* The widest tick label of an axis, for the margin. */
static double
axis_label_width(lis_canvas *cv, const axis *a, double fs, bool en, double div)
{
    char buf[64];
    double wmax = 0;
    for (int i = 0; i < a->count; i++) {
        double v = (a->first + i * a->step) / div;
        lis_chart_number(v, step_decimals(a->step / div), en, buf, sizeof buf);
        wmax = fmax(wmax, lis_canvas_text_width(cv, fs * 0.85, 0, buf));
    }
    return wmax;
}

static void
draw_grid(lis_canvas *cv, const axis *a, double left, double right, double top,
          double bottom, double fs, bool en, double div, bool labels_left, bool grid)
{
    cairo_t *cr = cv->cr;
    char buf[64];
    for (int i = 0; i < a->count; i++) {
        double v = a->first + i * a->step;
        double yy = axis_y(a, top, bottom, v);
        if (grid) {
            lis_canvas_set_rgb(cv, fabs(v) < a->step * 1e-9 ? AXIS : GRID);
            cairo_set_line_width(cr, fmax(0.5, fs * 0.06));
            cairo_move_to(cr, left, yy);
            cairo_line_to(cr, right, yy);
            cairo_stroke(cr);
        }
        lis_chart_number(v / div, step_decimals(a->step / div), en, buf, sizeof buf);
        if (labels_left)
            lis_canvas_text(cv, left - fs * 0.4, yy, 0, fs * 0.85,
                            LIS_TEXT_RIGHT | LIS_TEXT_MIDDLE, MUTED, buf, 0, true, NULL);
        else
            lis_canvas_text(cv, right + fs * 0.4, yy, 0, fs * 0.85, LIS_TEXT_MIDDLE,
                            MUTED, buf, 0, true, NULL);
    }
}

static void
draw_categories(lis_canvas *cv, int n, const char *const *labels, double left,
                double right, double bottom, double fs)
{
    double sw = (right - left) / n;
    /* Thin out labels that would collide. */
    double wmax = 0;
    for (int i = 0; i < n; i++)
        wmax = fmax(wmax, lis_canvas_text_width(cv, fs * 0.85, 0, labels[i]));
    int every = 1;
    while (every < n && wmax + fs * 0.3 > sw * every)
        every++;
    for (int i = 0; i < n; i += every)
        lis_canvas_text(cv, left + sw * (i + 0.5), bottom + fs * 0.35, 0, fs * 0.85,
                        LIS_TEXT_CENTER, MUTED, labels[i], 0, true, NULL);
    lis_canvas_set_rgb(cv, AXIS);
    cairo_set_line_width(cv->cr, fmax(0.6, fs * 0.08));
    cairo_move_to(cv->cr, left, bottom);
    cairo_line_to(cv->cr, right, bottom);
    cairo_stroke(cv->cr);
}

static void
no_data(lis_canvas *cv, double left, double right, double top, double bottom, double fs,
        bool en)
{
    lis_canvas_text(cv, (left + right) / 2, (top + bottom) / 2, 0, fs,
                    LIS_TEXT_CENTER | LIS_TEXT_MIDDLE | LIS_TEXT_ITALIC, MUTED,
                    lis_label(LIS_L_CHART_NO_DATA, lang_of(en)), 0, true, NULL);
}

/* ========================================================================
 * Line chart
 * ======================================================================== */

void
lis_line_chart_init(lis_line_chart *c, int n)
{
    memset(c, 0, sizeof *c);
    c->n = n < 1 ? 1 : n > LIS_CHART_MAX_CATS ? LIS_CHART_MAX_CATS : n;
    for (int i = 0; i < LIS_CHART_MAX_CATS; i++) {
        c->actual[i] = c->target[i] = c->band_low[i] = c->band_high[i] = NAN;
        c->cat_label[i] = "";
        c->status[i] = LIS_LIGHT_NONE;
    }
}

/* Strokes a series as lines between neighbouring values; NAN breaks it. */
static void
stroke_series(lis_canvas *cv, const axis *a, const double *v, int n, double left,
              double sw, double top, double bottom, double lw, uint32_t rgb, bool dashed)
{
    cairo_t *cr = cv->cr;
    lis_canvas_set_rgb(cv, rgb);
    cairo_set_line_width(cr, lw);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    if (dashed) {
        double d[2] = {lw * 3.5, lw * 2.2};
        cairo_set_dash(cr, d, 2, 0);
    }
    for (int i = 0; i < n; i++) {
        if (!isfinite(v[i]))
            continue;
        double xx = left + sw * (i + 0.5), yy = axis_y(a, top, bottom, v[i]);
        bool prev = i > 0 && isfinite(v[i - 1]);
        bool next = i + 1 < n && isfinite(v[i + 1]);
        if (prev) {
            cairo_line_to(cr, xx, yy);
        } else {
            cairo_stroke(cr);
            cairo_move_to(cr, xx, yy);
            if (!next && dashed) { /* a lone target: a short level mark */
                cairo_move_to(cr, xx - sw * 0.3, yy);
                cairo_line_to(cr, xx + sw * 0.3, yy);
            }
        }
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}

void
lis_chart_draw_line(lis_canvas *cv, double x, double y, double w, double h,
                    const lis_line_chart *c)
{
    cairo_t *cr = cv->cr;
    double fs = chart_font(w, h);
    double pad = fs * 0.8;
    bool en = c->en;
    int n = c->n;

    cairo_save(cr);
    double top = y + pad;
    top += draw_titles(cv, x + pad, top, w - 2 * pad, fs, c->title, c->subtitle);

    bool band = false, targets = false;
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < n; i++) {
        const double vals[] = {c->actual[i], c->target[i], c->band_low[i],
                               c->band_high[i]};
        for (size_t k = 0; k < 4; k++)
            if (isfinite(vals[k])) {
                lo = fmin(lo, vals[k]);
                hi = fmax(hi, vals[k]);
            }
        if (isfinite(c->band_low[i]) || isfinite(c->band_high[i]))
            band = true;
        if (isfinite(c->target[i]))
            targets = true;
    }
    bool empty = !isfinite(lo);
    if (empty) {
        lo = 0;
        hi = 1;
    }
    /* Start at zero unless that would squash the lines into a strip. */
    if (lo > 0 && lo < hi * 0.5)
        lo = 0;
    if (hi < 0 && hi > lo * 0.5)
        hi = 0;
    double span = hi - lo;
    axis ax;
    axis_make(&ax, lo - span * 0.05 * (lo != 0), hi + span * 0.08, 6);

    legend_item items[3];
    int ni = 0;
    items[ni++] =
        (legend_item){SW_MARKER_LINE, BLUE, lis_label(LIS_L_ACTUAL, lang_of(en))};
    if (targets || !band)
        items[ni++] =
            (legend_item){SW_DASH, INK, lis_label(LIS_L_TARGET_SHORT, lang_of(en))};
    if (band)
        items[ni++] =
            (legend_item){SW_BAND, BAND, lis_label(LIS_L_TARGET_RANGE, lang_of(en))};
    top += fs * 0.3;
    top += draw_legend(cv, x + pad, top, fs, items, ni);
    top += fs * 0.4;
    if (c->unit && *c->unit) {
        top += lis_canvas_text(cv, x + pad, top, 0, fs * 0.8, LIS_TEXT_ITALIC, MUTED,
                               c->unit, 0, true, NULL);
    }
    top += fs * 0.6;

    double left = x + pad + axis_label_width(cv, &ax, fs, en, 1) + fs * 0.5;
    double right = x + w - pad;
    double bottom = y + h - pad - fs * 1.4;
    double sw = (right - left) / n;
    if (bottom - top < fs * 2) /* too small to draw a plot: titles only */
        goto done;

    if (band) {
        cairo_set_source_rgb(cr, 0xd5 / 255.0, 0xec / 255.0, 0xd9 / 255.0);
        for (int i = 0; i < n; i++) {
            double bl = c->band_low[i], bh = c->band_high[i];
            if (!isfinite(bl) && !isfinite(bh))
                continue;
            double y0 = isfinite(bh) ? axis_y(&ax, top, bottom, bh) : top;
            double y1 = isfinite(bl) ? axis_y(&ax, top, bottom, bl) : bottom;
            cairo_rectangle(cr, left + sw * i, y0, sw, y1 - y0);
        }
        cairo_fill(cr);
    }
    draw_grid(cv, &ax, left, right, top, bottom, fs, en, 1, true, true);
    draw_categories(cv, n, c->cat_label, left, right, bottom, fs);
    if (empty) {
        no_data(cv, left, right, top, bottom, fs, en);
        goto done;
    }

    stroke_series(cv, &ax, c->target, n, left, sw, top, bottom, fs * 0.14, INK, true);
    stroke_series(cv, &ax, c->actual, n, left, sw, top, bottom, fs * 0.22, BLUE, false);
    char buf[64];
    for (int i = 0; i < n; i++) {
        if (!isfinite(c->actual[i]))
            continue;
        double xx = left + sw * (i + 0.5), yy = axis_y(&ax, top, bottom, c->actual[i]);
        lis_light st = c->status[i];
        uint32_t fill =
            (st == LIS_LIGHT_GREEN || st == LIS_LIGHT_YELLOW || st == LIS_LIGHT_RED)
                ? lis_chart_light_colour(st)
                : BLUE;
        cairo_new_path(cr);
        cairo_arc(cr, xx, yy, fs * 0.33, 0, 2 * M_PI);
        lis_canvas_set_rgb(cv, fill);
        cairo_fill_preserve(cr);
        cairo_set_line_width(cr, fs * 0.09);
        lis_canvas_set_rgb(cv, BLUE);
        cairo_stroke(cr);
        if (c->value_labels) {
            lis_chart_number(c->actual[i], c->decimals, en, buf, sizeof buf);
            lis_canvas_text(cv, xx, yy - fs * 1.5, 0, fs * 0.75, LIS_TEXT_CENTER, INK,
                            buf, 0, true, NULL);
        }
    }
done:
    cairo_restore(cr);
}

/* ========================================================================
 * Column chart
 * ======================================================================== */

void
lis_column_chart_init(lis_column_chart *c, int n)
{
    memset(c, 0, sizeof *c);
    c->n = n < 1 ? 1 : n > LIS_CHART_MAX_CATS ? LIS_CHART_MAX_CATS : n;
    for (int i = 0; i < LIS_CHART_MAX_CATS; i++) {
        c->budget[i] = c->actual[i] = c->cum_budget[i] = c->cum_actual[i] = NAN;
        c->cat_label[i] = "";
    }
}

/* Picks the unit money is shown in: kr., 1.000 kr. or mio. kr. */
static double
money_divisor(double maxabs, bool en, const char **unit)
{
    if (maxabs >= 5e6) {
        *unit = lis_label(LIS_L_MIO_KR, lang_of(en));
        return 1e6;
    }
    if (maxabs >= 5e3) {
        *unit = lis_label(LIS_L_THOUSAND_KR, lang_of(en));
        return 1e3;
    }
    *unit = lis_label(LIS_L_KR, lang_of(en));
    return 1;
}

void
lis_chart_draw_columns(lis_canvas *cv, double x, double y, double w, double h,
                       const lis_column_chart *c)
{
    cairo_t *cr = cv->cr;
    double fs = chart_font(w, h);
    double pad = fs * 0.8;
    bool en = c->en;
    int n = c->n;
    char buf[96];

    cairo_save(cr);
    double top = y + pad;
    top += draw_titles(cv, x + pad, top, w - 2 * pad, fs, c->title, c->subtitle);

    double lo = 0, hi = 0, chi = 0, clo = 0;
    bool any = false;
    for (int i = 0; i < n; i++) {
        const double m[] = {c->budget[i], c->actual[i]};
        for (int k = 0; k < 2; k++)
            if (isfinite(m[k])) {
                lo = fmin(lo, m[k]);
                hi = fmax(hi, m[k]);
                any = true;
            }
        const double cm[] = {c->cum_budget[i], c->cum_actual[i]};
        for (int k = 0; k < 2; k++)
            if (isfinite(cm[k])) {
                clo = fmin(clo, cm[k]);
                chi = fmax(chi, cm[k]);
                any = true;
            }
    }
    const char *unit_l, *unit_r;
    double div_l = money_divisor(fmax(fabs(lo), fabs(hi)), en, &unit_l);
    double div_r = money_divisor(fmax(fabs(clo), fabs(chi)), en, &unit_r);
    axis al;
    axis_make(&al, lo, hi > lo ? hi * 1.05 : 1, 6);
    /* The right axis shares the left one's gridlines and zero. */
    axis ar = al;
    if (chi > 0 || clo < 0) {
        int below = (int)lround(-al.first / al.step), above = al.count - 1 - below;
        double need =
            fmax(above > 0 ? chi * 1.02 / above : 0, below > 0 ? -clo * 1.02 / below : 0);
        double s = nice_number(need > 0 ? need : 1, false);
        ar.step = s;
        ar.first = -below * s;
        ar.lo = ar.first;
        ar.hi = ar.first + s * (al.count - 1);
        ar.decimals = step_decimals(s);
    }

    legend_item items[4] = {
        {SW_BOX, LIGHT_BLUE, lis_label(LIS_L_BUDGET_MONTH, lang_of(en))},
        {SW_BOX, BLUE, lis_label(LIS_L_ACTUAL_MONTH, lang_of(en))},
        {SW_DASH, INK, lis_label(LIS_L_BUDGET_CUMULATIVE, lang_of(en))},
        {SW_MARKER_LINE, ORANGE, lis_label(LIS_L_ACTUAL_CUMULATIVE, lang_of(en))},
    };
    top += fs * 0.3;
    top += draw_legend(cv, x + pad, top, fs, items, 4);
    top += fs * 0.4;
    double lw = axis_label_width(cv, &al, fs, en, div_l);
    double rw = axis_label_width(cv, &ar, fs, en, div_r);
    double left = x + pad + lw + fs * 0.5;
    double right = x + w - pad - rw - fs * 0.5;
    snprintf(buf, sizeof buf, lis_label_fmt(LIS_L_PER_MONTH_FMT, lang_of(en), "%s"),
             unit_l);
    double uh = lis_canvas_text(cv, x + pad, top, 0, fs * 0.8, LIS_TEXT_ITALIC, MUTED,
                                buf, 0, true, NULL);
    snprintf(buf, sizeof buf, lis_label_fmt(LIS_L_CUMULATIVE_FMT, lang_of(en), "%s"),
             unit_r);
    lis_canvas_text(cv, x + w - pad, top, 0, fs * 0.8, LIS_TEXT_ITALIC | LIS_TEXT_RIGHT,
                    MUTED, buf, 0, true, NULL);
    top += uh + fs * 0.6;
    double bottom = y + h - pad - fs * 1.4;
    if (bottom - top < fs * 2)
        goto done;
    double sw = (right - left) / n;

    draw_grid(cv, &al, left, right, top, bottom, fs, en, div_l, true, true);
    draw_grid(cv, &ar, left, right, top, bottom, fs, en, div_r, false, false);
    draw_categories(cv, n, c->cat_label, left, right, bottom, fs);
    if (!any) {
        no_data(cv, left, right, top, bottom, fs, en);
        goto done;
    }
    double zero = axis_y(&al, top, bottom, 0);
    double bw = sw * 0.34;
    for (int i = 0; i < n; i++) {
        double cx = left + sw * (i + 0.5);
        if (isfinite(c->budget[i])) {
            double yy = axis_y(&al, top, bottom, c->budget[i]);
            lis_canvas_fill_rect(cv, cx - bw, fmin(yy, zero), bw, fabs(zero - yy),
                                 LIGHT_BLUE);
        }
        if (isfinite(c->actual[i])) {
            double yy = axis_y(&al, top, bottom, c->actual[i]);
            lis_canvas_fill_rect(cv, cx, fmin(yy, zero), bw, fabs(zero - yy), BLUE);
        }
    }
    stroke_series(cv, &ar, c->cum_budget, n, left, sw, top, bottom, fs * 0.14, INK, true);
    stroke_series(cv, &ar, c->cum_actual, n, left, sw, top, bottom, fs * 0.22, ORANGE,
                  false);
    for (int i = 0; i < n; i++) {
        if (!isfinite(c->cum_actual[i]))
            continue;
        cairo_new_path(cr);
        cairo_arc(cr, left + sw * (i + 0.5), axis_y(&ar, top, bottom, c->cum_actual[i]),
                  fs * 0.28, 0, 2 * M_PI);
        lis_canvas_set_rgb(cv, ORANGE);
        cairo_fill(cr);
    }
done:
    cairo_restore(cr);
}

/* ========================================================================
 * Traffic-light matrix and attainment bar
 * ======================================================================== */

double
lis_chart_draw_matrix(lis_canvas *cv, double x, double y, double w, double row_h,
                      int rows, int cols, const char *const *row_labels,
                      const char *const *col_labels, const lis_light *lights,
                      double label_w, double font_size)
{
    double cw = (w - label_w) / (cols > 0 ? cols : 1);
    double yy = y;
    if (col_labels) {
        for (int c = 0; c < cols; c++)
            lis_canvas_text(cv, x + label_w + cw * (c + 0.5), yy + row_h / 2, 0,
                            font_size, LIS_TEXT_CENTER | LIS_TEXT_MIDDLE | LIS_TEXT_BOLD,
                            MUTED, col_labels[c], 0, true, NULL);
        yy += row_h;
    }
    for (int r = 0; r < rows; r++) {
        if (r % 2 == 1)
            lis_canvas_fill_rect(cv, x, yy, w, row_h, 0xf4f4f4);
        if (row_labels)
            lis_canvas_text(cv, x + font_size * 0.3, yy + row_h / 2,
                            label_w - font_size * 0.6, font_size,
                            LIS_TEXT_MIDDLE | LIS_TEXT_ELLIPSIZE, INK, row_labels[r], 1,
                            true, NULL);
        for (int c = 0; c < cols; c++)
            lis_chart_light(cv, x + label_w + cw * (c + 0.5), yy + row_h / 2,
                            fmin(row_h * 0.36, cw * 0.36), lights[(size_t)r * cols + c]);
        yy += row_h;
    }
    return yy - y;
}

void
lis_chart_draw_bar(lis_canvas *cv, double x, double y, double w, double h, double pct,
                   lis_light light, bool en)
{
    cairo_t *cr = cv->cr;
    char num[64], buf[80];
    double fs = h * 0.8;
    double tw = lis_canvas_text_width(cv, fs, 0, en ? "150.0 %" : "150,0 %") + fs * 0.4;
    double bw = w - tw;
    if (bw < h * 2)
        bw = 0;
    if (bw > 0) {
        double bh = h * 0.62, by = y + (h - bh) / 2;
        lis_canvas_fill_rect(cv, x, by, bw, bh, 0xececec);
        if (isfinite(pct)) {
            double f = fmax(0, fmin(pct, 150)) / 150;
            uint32_t col = lis_chart_light_colour(light);
            if (light == LIS_LIGHT_NONE || light == LIS_LIGHT_NOT_DUE)
                col = LIGHT_BLUE;
            lis_canvas_fill_rect(cv, x, by, bw * f, bh, col);
        }
        lis_canvas_set_rgb(cv, INK);
        cairo_set_line_width(cr, fmax(0.5, h * 0.06));
        cairo_move_to(cr, x + bw * 100 / 150, y);
        cairo_line_to(cr, x + bw * 100 / 150, y + h);
        cairo_stroke(cr);
    }
    if (isfinite(pct))
        snprintf(buf, sizeof buf, "%s %%", lis_chart_number(pct, 1, en, num, sizeof num));
    else
        snprintf(buf, sizeof buf, "–");
    lis_canvas_text(cv, x + w, y + h / 2, 0, fs, LIS_TEXT_RIGHT | LIS_TEXT_MIDDLE, INK,
                    buf, 0, true, NULL);
}

/* ========================================================================
 * Words: the shared label table (engine/labels.c), so every renderer says
 * the same thing
 * ======================================================================== */

bool
lis_chart_parse_size(const char *text, int *width, int *height)
{
    int w, h, n = 0;
    if (text == NULL || sscanf(text, "%d%*[xX]%d%n", &w, &h, &n) != 2 || text[n] != '\0')
        return false;
    if (w < 16 || h < 16 || w > 10000 || h > 10000)
        return false;
    *width = w;
    *height = h;
    return true;
}
