/*
 * doc.h - multi-page documents for the PDF renderers: pages are drawn into
 * cairo recording surfaces first, so the total page count is known when the
 * footers ("Side 2 af 7") are drawn, then replayed as vectors into a PDF (or
 * into a PNG image).
 *
 * Also the as-of footer every PDF page carries (SPEC section 4: the period,
 * the newest data batch and the run id) and the PDF metadata, whose dates
 * come from the data (lis_stamp.data_as_of), never the clock, so the same
 * data gives the same bytes.
 */
#ifndef LIS_DOC_H
#define LIS_DOC_H

#include <stdbool.h>

#include "chart.h"
#include "error.h"
#include "report.h"

#define LIS_A4_W 595.2756 /* points */
#define LIS_A4_H 841.8898

typedef struct lis_doc lis_doc;

/* A document of pages w x h points. _new/_free. */
lis_doc *lis_doc_new(double w, double h);
void lis_doc_free(lis_doc *doc);

/* Starts a new page, white, and returns its canvas (owned by the document,
 * valid until the next lis_doc_page or lis_doc_free). */
lis_canvas *lis_doc_page(lis_doc *doc);

/* The left and right margin of the footer (default LIS_DOC_MARGIN). */
void lis_doc_set_margin(lis_doc *doc, double margin);

/* The footer numbers this document's pages from first + 1 of total: a
 * part of a larger whole made on its own, so that only its pages are
 * held. */
void lis_doc_set_numbering(lis_doc *doc, int first, int total);

/* The footer: left text (the document's own, e.g. "Aftale A1"), the as-of
 * stamp and "Side i af n". Height reserved at the bottom of each page. */
#define LIS_DOC_FOOTER_H 30.0
#define LIS_DOC_MARGIN 40.0

/* The as-of text of a stamp ("Periode 2026-10 · data pr. 2026-11-05
 * (indlæsning 34) · kørsel 12"); newly allocated. */
char *lis_doc_stamp_text(const lis_stamp *stamp);

/*
 * Writes the pages to path as PDF with the footer on each page (footer_left
 * may be NULL). title goes into the PDF's metadata. On failure the file is
 * removed and LIS_OUTPUT returned.
 */
lis_status lis_doc_write_pdf(lis_doc *doc, const char *path, const char *title,
                             const char *footer_left, const lis_stamp *stamp,
                             lis_error *err);

/*
 * A long document streamed into a PDF: after lis_doc_open_pdf every page is
 * written to the PDF at path (with its footer) when the next one is begun,
 * and dropped, so one page is held at a time; lis_doc_close_pdf writes the
 * last and finishes the file. Set the page count for the footer first
 * (lis_doc_set_numbering). On failure the file is removed and LIS_OUTPUT
 * returned; a document freed while open leaves no file.
 */
lis_status lis_doc_open_pdf(lis_doc *doc, const char *path, const char *title,
                            const char *footer_left, const lis_stamp *stamp,
                            lis_error *err);
lis_status lis_doc_close_pdf(lis_doc *doc, lis_error *err);

/* Writes page (0-based) as a PNG at scale pixels per point, footer included. */
lis_status lis_doc_write_png(lis_doc *doc, int page, double scale, const char *path,
                             const char *footer_left, const lis_stamp *stamp,
                             lis_error *err);

#endif
