/*
 * html.h - the HTML reports: dashboard-<period>.html for the direktion and
 * aftale-<id>.html per agreement, from the report model (never libpq).
 *
 * Each file stands alone: inline CSS, inline SVG charts drawn by the chart
 * module (chart.h) on a cairo SVG surface, a few lines of inline script
 * (the dashboard's sorting and filtering) allowed by its hash, and a
 * Content-Security-Policy that forbids every request, so a file works from
 * a share, an intranet or a mail attachment and never reaches out. Every
 * text from the input is HTML-escaped. The same model gives the same bytes.
 */
#ifndef LIS_HTML_H
#define LIS_HTML_H

#include "chart.h"
#include "error.h"
#include "mem.h"
#include "report.h"

/* "aftale-<id>.html", the id made safe for a file name as the other files
 * of the agreement are; newly allocated. */
char *lis_html_agreement_name(const lis_rm_agreement *a);

/* Writes agreement a's page to path. LIS_OUTPUT on failure. */
lis_status lis_html_agreement_write(const lis_report *r, const lis_rm_agreement *a,
                                    const char *path, lis_error *err);

typedef struct lis_html_dashboard_opts {
    /* Where the agreement pages of the period's monthly run lie, as a folder
     * to look in (checked when the dashboard is written) and as the link
     * from the dashboard's folder ("../2026-09/"); NULL: no links. An
     * agreement gets a link only when its page exists there. */
    const char *pages_dir;
    const char *pages_href;
} lis_html_dashboard_opts;

/* Writes the dashboard of r to path. opts may be NULL (no links). */
lis_status lis_html_dashboard_write(const lis_report *r, const char *path,
                                    const lis_html_dashboard_opts *opts, lis_error *err);

/* ------------------------------------------------ shared by the renderers */

/* Appends s HTML-escaped (& < > " ') to b; NULL appends nothing. */
void lis_html_escape(lis_buf *b, const char *s);

/* The start of a page up to and including <body>: doctype, language,
 * charset, viewport, the Content-Security-Policy (script allowed by the
 * SHA-256 of script, when not NULL), the title and the style sheet (with
 * extra_style, when not NULL, after the shared one). */
void lis_html_begin(lis_buf *b, const char *lang, const char *title,
                    const char *extra_style, const char *script);

/* The end of a page: the as-of line, the script (when not NULL) and
 * </body></html>. */
void lis_html_end(lis_buf *b, const lis_stamp *stamp, const char *script);

/* A traffic light as a coloured dot and its word. */
void lis_html_light(lis_buf *b, lis_light light, const char *lang);

/* A dot in the light's colour alone, with text as its title and its name
 * for screen readers (where a word beside it would not fit). */
void lis_html_dot(lis_buf *b, lis_light light, const char *text);

/* Draws a chart on a w x h point SVG surface by draw(cv, w, h, data) and
 * appends it to b as inline <svg class="chart CLS"> (scaling to the width
 * of its box), with title and desc as its text alternative. Ids inside are renamed
 * "<prefix>-<n>" in order of appearance, so several charts share a page
 * and a re-run writes the same bytes. */
typedef void (*lis_html_draw_fn)(lis_canvas *cv, double w, double h, const void *data);
void lis_html_svg(lis_buf *b, const char *prefix, const char *cls, double w, double h,
                  lis_html_draw_fn draw, const void *data, const char *title,
                  const char *desc);

/* Writes the buffer to path (LIS_OUTPUT naming it on failure). */
lis_status lis_html_save(const lis_buf *b, const char *path, lis_error *err);

#endif
