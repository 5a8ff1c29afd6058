/*
 * pdf_agreement.h - the agreement report as PDF (A4 portrait) and its charts
 * as PNG files, from the report model.
 *
 * aftale-<id>.pdf: a summary page (the agreement, its goals with traffic
 * lights, year-to-date attainment and comments, the economy status), then a
 * chart per indicator with its figures, then the economy chart with its
 * figures. Every page has the as-of footer and "Side i af n"; the goals table
 * repeats its header on the pages it continues on.
 *
 * aftale-<id>-<goal>-<indicator>.png per indicator chart and
 * aftale-<id>-oekonomi.png for the economy chart, ids made safe for file
 * names. Renderers read the model only; they never call libpq.
 */
#ifndef LIS_PDF_AGREEMENT_H
#define LIS_PDF_AGREEMENT_H

#include <stdbool.h>

#include "error.h"
#include "report.h"

typedef struct lis_chart_opts {
    bool pdf;                  /* write aftale-<id>.pdf (default true) */
    bool pngs;                 /* write the chart PNGs (default true) */
    int png_width, png_height; /* default 1280 x 720 (lis run --png-size) */
} lis_chart_opts;

void lis_chart_opts_default(lis_chart_opts *opts);

/*
 * The names of the files written for agreement a, in the order written:
 * aftale-<id>.pdf (opts->pdf), then aftale-<id>-<goal>-<indicator>.png for
 * each indicator of each goal and aftale-<id>-oekonomi.png (opts->pngs).
 * Returns a newly allocated array of *n newly allocated names; free with
 * lis_pdf_agreement_names_free.
 */
char **lis_pdf_agreement_names(const lis_rm_agreement *a, const lis_chart_opts *opts,
                               size_t *n);
void lis_pdf_agreement_names_free(char **names, size_t n);

/*
 * Writes the PDF and PNGs of agreement a of report r to paths, one path for
 * each name of lis_pdf_agreement_names in the same order (so a run can
 * register the names first and rename clashing ones). Returns LIS_OUTPUT
 * naming the file that could not be written; files already written stay
 * (a run's temporary folder is discarded as a whole on failure).
 */
lis_status lis_pdf_agreement_write_paths(const lis_report *r, const lis_rm_agreement *a,
                                         const char *const *paths,
                                         const lis_chart_opts *opts, lis_error *err);

/* The same into the folder dir (which must exist), under the names above. */
lis_status lis_pdf_agreement_write(const lis_report *r, const lis_rm_agreement *a,
                                   const char *dir, const lis_chart_opts *opts,
                                   lis_error *err);

/* The chart models of the agreement report, shared by every renderer that
 * draws them (PDF, PNG, HTML), so a chart looks the same everywhere.
 * lis_pdf_indicator_chart fills lc from an indicator: months, quarters or
 * the year by its frequency (quarter labels live in qlabels, 4 x 16 bytes;
 * the unit in ylabel). lis_pdf_economy_chart fills cc with budget and
 * actual per month, actuals after the report's month left as gaps. */
#include "chart.h"
void lis_pdf_indicator_chart(const lis_report *r, const lis_rm_indicator *ind, bool en,
                             lis_line_chart *lc, char qlabels[4][16], char *ylabel,
                             size_t ylsize);
void lis_pdf_economy_chart(const lis_report *r, const lis_rm_economy *e, bool en,
                           lis_column_chart *cc);

#endif
