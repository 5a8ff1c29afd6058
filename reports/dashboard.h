/*
 * dashboard.h - the direktion's quarterly dashboard: dashboard-<period>.pdf
 * (A4 landscape) and dashboard-<period>.png, from the report model.
 *
 * Every agreement is a row (id and holder), each of its goals a cell (the
 * status year to date at the end of the report's window), then the economy
 * status and the forecast's deviation from the corrected budget. Rows are
 * sorted by risk, most red first (see dashboard.c), with a legend and counts
 * in the header. About a hundred agreements fit one page in two columns of
 * rows; more continue on further pages with the header repeated. The PNG
 * shows every row on one image, up to the height one image may have; past
 * that (1,120 agreements) the PNG comes in parts, each a page of rows
 * with the header: dashboard-<period>.png the most at risk, then
 * dashboard-<period>-2.png and on.
 */
#ifndef LIS_DASHBOARD_H
#define LIS_DASHBOARD_H

#include "error.h"
#include "report.h"

typedef struct lis_dashboard_opts {
    double png_scale; /* pixels per point of the PNG; default 2 */
    int png_max_px;   /* the tallest PNG, in pixels; default 8192 */
} lis_dashboard_opts;

void lis_dashboard_opts_default(lis_dashboard_opts *opts);

/* The file name "dashboard-<period>.<ext>", period = r->stamp.period made
 * safe for a file name; newly allocated. */
char *lis_dashboard_name(const lis_report *r, const char *ext);

/* How many PNGs the dashboard is: 1, or the number of parts (opts may be
 * NULL). */
size_t lis_dashboard_png_count(const lis_report *r, const lis_dashboard_opts *opts);

/* The name of PNG part k (0: dashboard-<period>.png, k: ...-<k+1>.png);
 * newly allocated. */
char *lis_dashboard_png_name(const lis_report *r, size_t k);

/* Writes the PDF to pdf_path and the PNG parts to png_paths, as many as
 * lis_dashboard_png_count says (either may be NULL to skip it). opts may be
 * NULL. Returns LIS_OUTPUT on failure. */
lis_status lis_dashboard_write_paths(const lis_report *r, const char *pdf_path,
                                     char *const *png_paths,
                                     const lis_dashboard_opts *opts, lis_error *err);

/* Writes DIR/dashboard-<period>.pdf and its PNGs. */
lis_status lis_dashboard_write(const lis_report *r, const char *dir,
                               const lis_dashboard_opts *opts, lis_error *err);

/* The order of the rows: indexes into r->agreements, most at risk first.
 * Newly allocated (free()); for tests. */
size_t *lis_dashboard_order(const lis_report *r);

/* What a row shows, for the other renderers of the dashboard (html):
 * a goal's light (year to date at the window's end), the economy's light
 * (grey without a budget) and the forecast's deviation from the corrected
 * budget in percent (NAN without a budget). */
lis_light lis_dashboard_goal_light(const lis_report *r, const lis_rm_goal *g);
lis_light lis_dashboard_economy_light(const lis_rm_agreement *a);
double lis_dashboard_forecast_dev_pct(const lis_rm_agreement *a);

#endif
