/*
 * chart.h - a small chart module over cairo and pango.
 *
 * The drawing code knows nothing about files: it draws into a rectangle of a
 * cairo context, so the same function makes a PNG (image surface), a page of
 * a PDF or an SVG. Text goes through pango with DejaVu Sans (Debian
 * fonts-dejavu-core), with metric hinting off so that text is laid out alike
 * on every surface and at every size (the golden images rely on it).
 *
 * Charts: a line chart (actual against the target path, with a target band
 * for interval indicators), a column chart (budget and actual per month with
 * cumulative lines), a traffic-light matrix and an attainment bar. Numbers on
 * axes and labels are Danish ("1.234,5") and month names are Danish unless the
 * language is "en". A missing value (NAN) is a gap, never a zero.
 *
 * This module does not read the report model's database, does not write
 * files (png.c does) and does not lay out pages (pdf_agreement.c and
 * dashboard.c do).
 */
#ifndef LIS_CHART_H
#define LIS_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "report.h"

/* ------------------------------------------------------------------------
 * Numbers, months, names
 * ------------------------------------------------------------------------ */

/* Formats v with the given decimals, Danish style ("-1.234,5"; English
 * "-1,234.5" when en). NAN gives "" . Writes at most size bytes into buf and
 * returns buf. */
char *lis_chart_number(double v, int decimals, bool en, char *buf, size_t size);

/* Month m (1..12): "januar"/"jan" (da) or "January"/"Jan" (en). */
const char *lis_chart_month(int m, bool abbrev, bool en);

/* Whether a report language means English ("en"); anything else is Danish. */
bool lis_chart_lang_en(const char *lang);

/* The id made safe for a file name by lis_run_safe_name (engine/run.h), the
 * one rule for every file name; writes into buf (size bytes, at least
 * LIS_RUN_NAME_MAX + 10 for the whole name) and returns buf. */
char *lis_chart_safe_name(const char *id, char *buf, size_t size);

/* Parses "WIDTHxHEIGHT" (e.g. "1280x720", each 16..10000). */
bool lis_chart_parse_size(const char *text, int *width, int *height);

/* Nice axis ticks covering [lo, hi] with at most about max_ticks ticks:
 * *first, *step and *count describe them (first + i * step). The range is
 * widened to whole ticks; lo == hi gives a range around the value. */
void lis_chart_ticks(double lo, double hi, int max_ticks, double *first, double *step,
                     int *count);

/* ------------------------------------------------------------------------
 * Colours and the canvas
 * ------------------------------------------------------------------------ */

/* Colours as 0xRRGGBB. */
uint32_t lis_chart_light_colour(lis_light light);

/* A cairo context with a pango layout for its text. _new/_free; the canvas
 * borrows cr (the caller keeps it) and owns the layout. */
typedef struct lis_canvas lis_canvas;

lis_canvas *lis_canvas_new(cairo_t *cr);
void lis_canvas_free(lis_canvas *cv);
cairo_t *lis_canvas_cr(lis_canvas *cv);

enum {
    LIS_TEXT_LEFT = 0,
    LIS_TEXT_CENTER = 1,
    LIS_TEXT_RIGHT = 2,
    LIS_TEXT_BOLD = 4,
    LIS_TEXT_ITALIC = 8,
    LIS_TEXT_ELLIPSIZE = 16, /* end with "…" rather than wrap past max_lines */
    LIS_TEXT_MIDDLE = 32,    /* y is the vertical middle, not the top */
};

/* Draws text with its top-left (or per flags) at x, y, wrapped to width
 * (width <= 0: no wrap; with CENTER/RIGHT and no width, x is the anchor), in
 * DejaVu Sans of size points, colour rgb. max_lines > 0 limits the lines
 * (with ELLIPSIZE the last one ends in "…"). Returns the height used. When
 * draw is false nothing is drawn: the height and width are only measured.
 * *out_width, when not NULL, receives the widest line's width. */
double lis_canvas_text(lis_canvas *cv, double x, double y, double width, double size,
                       int flags, uint32_t rgb, const char *text, int max_lines,
                       bool draw, double *out_width);

/* One line of text as a canvas with a text sink hands it over instead of
 * drawing it: its baseline at the anchor, in the surface's units; the
 * anchor is LIS_TEXT_LEFT, LIS_TEXT_CENTER or LIS_TEXT_RIGHT; flags carry
 * LIS_TEXT_BOLD and LIS_TEXT_ITALIC; the bytes are text[0..len). */
typedef struct lis_text_line {
    double x, y, size;
    int anchor, flags;
    uint32_t rgb;
    const char *text;
    size_t len;
} lis_text_line;

typedef void (*lis_text_sink)(void *closure, const lis_text_line *line);

/* From now on lis_canvas_text hands each line it would draw to sink
 * (laid out as before, so heights and widths are the same) instead of
 * drawing its glyphs: an SVG then carries the text as text. A text that
 * pango shortened with "..." is still drawn. */
void lis_canvas_set_text_sink(lis_canvas *cv, lis_text_sink sink, void *closure);

/* Width of a single line of text. */
double lis_canvas_text_width(lis_canvas *cv, double size, int flags, const char *text);

void lis_canvas_set_rgb(lis_canvas *cv, uint32_t rgb);
void lis_canvas_fill_rect(lis_canvas *cv, double x, double y, double w, double h,
                          uint32_t rgb);

/* A traffic light: a filled circle of radius r at cx, cy in the light's
 * colour with a darker rim; not-due is a hollow dashed circle; NONE draws
 * nothing. */
void lis_chart_light(lis_canvas *cv, double cx, double cy, double r, lis_light light);

/* ------------------------------------------------------------------------
 * Charts
 * ------------------------------------------------------------------------ */

#define LIS_CHART_MAX_CATS 12

/* A line chart: actual against target over n categories (months or
 * quarters), with an optional target band (interval indicators). Values that
 * are NAN are gaps. Strings are borrowed. */
typedef struct lis_line_chart {
    const char *title;    /* may be NULL */
    const char *subtitle; /* may be NULL */
    const char *unit;     /* shown above the value axis, e.g. "pct"; may be NULL */
    bool en;
    int decimals; /* of the values' labels; the axis chooses its own */
    int n;        /* categories, 1..12 */
    const char *cat_label[LIS_CHART_MAX_CATS];
    double actual[LIS_CHART_MAX_CATS];
    double target[LIS_CHART_MAX_CATS];
    double band_low[LIS_CHART_MAX_CATS]; /* NAN: no band there (one side may be open) */
    double band_high[LIS_CHART_MAX_CATS];
    lis_light status[LIS_CHART_MAX_CATS]; /* marker colour of each actual; NONE: plain */
    bool value_labels;                    /* print each actual above its marker */
} lis_line_chart;

/* Initialises c with no data (all NAN), n categories and no labels. */
void lis_line_chart_init(lis_line_chart *c, int n);

void lis_chart_draw_line(lis_canvas *cv, double x, double y, double w, double h,
                         const lis_line_chart *c);

/* A column chart: budget and actual per month as paired columns on the left
 * axis, and their running totals as lines on the right axis. NAN actuals
 * (months after the report's month) are gaps. */
typedef struct lis_column_chart {
    const char *title;
    const char *subtitle;
    bool en;
    int n;
    const char *cat_label[LIS_CHART_MAX_CATS];
    double budget[LIS_CHART_MAX_CATS];
    double actual[LIS_CHART_MAX_CATS];
    double cum_budget[LIS_CHART_MAX_CATS];
    double cum_actual[LIS_CHART_MAX_CATS];
} lis_column_chart;

void lis_column_chart_init(lis_column_chart *c, int n);

void lis_chart_draw_columns(lis_canvas *cv, double x, double y, double w, double h,
                            const lis_column_chart *c);

/* A traffic-light matrix: rows x cols lights with row and column labels.
 * lights[r * cols + c]. Returns the height used (rows are row_h high). */
double lis_chart_draw_matrix(lis_canvas *cv, double x, double y, double w, double row_h,
                             int rows, int cols, const char *const *row_labels,
                             const char *const *col_labels, const lis_light *lights,
                             double label_w, double font_size);

/* An attainment bar in x, y, w, h: 0..150 % with a mark at 100 %, filled in
 * the light's colour, the value printed beside it ("87,5 %"). NAN: "–". */
void lis_chart_draw_bar(lis_canvas *cv, double x, double y, double w, double h,
                        double pct, lis_light light, bool en);

/* Paints the whole w x h area white (a PNG has no transparency). */
void lis_chart_background(lis_canvas *cv, double w, double h);

#endif
