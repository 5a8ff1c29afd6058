/*
 * doc.c - pages in recording surfaces, replayed into PDF or PNG with footers.
 */
#include "doc.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "labels.h"
#include "mem.h"
#include "png_out.h"
#include "utf8.h"

struct lis_doc {
    double w, h, margin;
    cairo_surface_t **pages;
    int n, cap;
    int first, total; /* lis_doc_set_numbering; total 0: pages 1 to n */
    /* lis_doc_open_pdf: pages before `flushed` are in the PDF (and gone) */
    cairo_surface_t *pdf;
    char *pdf_path, *footer_left;
    const lis_stamp *stamp;
    int flushed;
    cairo_t *cr;
    lis_canvas *cv;
};

lis_doc *
lis_doc_new(double w, double h)
{
    lis_doc *doc = lis_xcalloc(1, sizeof *doc);
    doc->w = w;
    doc->h = h;
    doc->margin = LIS_DOC_MARGIN;
    return doc;
}

static void
close_page(lis_doc *doc)
{
    lis_canvas_free(doc->cv);
    doc->cv = NULL;
    if (doc->cr)
        cairo_destroy(doc->cr);
    doc->cr = NULL;
}

void
lis_doc_free(lis_doc *doc)
{
    if (doc == NULL)
        return;
    close_page(doc);
    for (int i = 0; i < doc->n; i++)
        cairo_surface_destroy(doc->pages[i]);
    free(doc->pages);
    if (doc->pdf) { /* opened and never closed: no file */
        cairo_surface_destroy(doc->pdf);
        unlink(doc->pdf_path);
    }
    free(doc->pdf_path);
    free(doc->footer_left);
    free(doc);
}

static void flush_pages(lis_doc *doc);

lis_canvas *
lis_doc_page(lis_doc *doc)
{
    close_page(doc);
    flush_pages(doc);
    if (doc->n == doc->cap) {
        doc->cap = doc->cap ? doc->cap * 2 : 8;
        doc->pages = lis_xrealloc(doc->pages, (size_t)doc->cap * sizeof *doc->pages);
    }
    cairo_rectangle_t ext = {0, 0, doc->w, doc->h};
    cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
    doc->pages[doc->n++] = s;
    doc->cr = cairo_create(s);
    doc->cv = lis_canvas_new(doc->cr);
    return doc->cv;
}

void
lis_doc_set_margin(lis_doc *doc, double margin)
{
    doc->margin = margin;
}

void
lis_doc_set_numbering(lis_doc *doc, int first, int total)
{
    doc->first = first;
    doc->total = total;
}

char *
lis_doc_stamp_text(const lis_stamp *st)
{
    const char *lang = st->lang;
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_addf(&b, "%s %s", lis_label(LIS_L_PERIOD, lang),
                 st->period ? st->period : "");
    if (st->data_as_of && st->data_as_of[0])
        lis_buf_addf(&b, " · %s %s", lis_label(LIS_L_DATA_AS_OF, lang), st->data_as_of);
    if (st->newest_batch > 0)
        lis_buf_addf(&b, " (%s %ld)", lis_label(LIS_L_BATCH_LC, lang), st->newest_batch);
    if (st->run_id > 0)
        lis_buf_addf(&b, " · %s %ld", lis_label(LIS_L_RUN, lang), st->run_id);
    return b.data;
}

static void
draw_footer(lis_doc *doc, cairo_t *cr, int page, const char *left, const lis_stamp *st)
{
    lis_canvas *cv = lis_canvas_new(cr);
    const char *lang = st ? st->lang : NULL;
    double y = doc->h - LIS_DOC_FOOTER_H + 6;
    double x0 = doc->margin, x1 = doc->w - doc->margin;
    lis_canvas_set_rgb(cv, 0xbbbbbb);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
    cairo_stroke(cr);
    char pg[64];
    snprintf(pg, sizeof pg, "%s %d %s %d", lis_label(LIS_L_PAGE, lang),
             doc->first + page + 1, lis_label(LIS_L_OF, lang),
             doc->total ? doc->total : doc->n);
    double pw = lis_canvas_text_width(cv, 7.5, 0, pg);
    lis_canvas_text(cv, x1, y + 4, 0, 7.5, LIS_TEXT_RIGHT, 0x444444, pg, 0, true, NULL);
    lis_buf b;
    lis_buf_init(&b);
    if (left && *left) {
        lis_buf_adds(&b, left);
        lis_buf_adds(&b, " · ");
    }
    if (st) {
        char *s = lis_doc_stamp_text(st);
        lis_buf_adds(&b, s);
        free(s);
    }
    lis_canvas_text(cv, x0, y + 4, x1 - x0 - pw - 12, 7.5, LIS_TEXT_ELLIPSIZE, 0x444444,
                    b.data, 1, true, NULL);
    lis_buf_release(&b);
    lis_canvas_free(cv);
}

/* PDF dates in the ISO form cairo wants, from the data's date. */
static void
pdf_date(const lis_stamp *st, char *buf, size_t size)
{
    int y, m, d;
    if (st && st->data_as_of && sscanf(st->data_as_of, "%4d-%2d-%2d", &y, &m, &d) == 3)
        snprintf(buf, size, "%04d-%02d-%02dT00:00:00Z", y, m, d);
    else
        snprintf(buf, size, "2000-01-01T00:00:00Z");
}

/* A PDF surface writing to path, with the document's metadata; NULL with
 * err set when the file cannot be made. */
static cairo_surface_t *
pdf_surface(const lis_doc *doc, const char *path, const char *title,
            const lis_stamp *stamp, lis_error *err)
{
    cairo_surface_t *pdf = cairo_pdf_surface_create(path, doc->w, doc->h);
    if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS) {
        lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", path,
                      cairo_status_to_string(cairo_surface_status(pdf)));
        cairo_surface_destroy(pdf);
        return NULL;
    }
    char date[40];
    pdf_date(stamp, date, sizeof date);
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE, date);
    if (title) {
        char *clean = lis_utf8_clean(title, LIS_UTF8_NO_CONTROLS);
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, clean);
        free(clean);
    }
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "lis");
    return pdf;
}

/* Page i with its footer as the PDF's next page. */
static void
pdf_page(lis_doc *doc, cairo_t *cr, int i, const char *footer_left,
         const lis_stamp *stamp)
{
    cairo_set_source_surface(cr, doc->pages[i], 0, 0);
    cairo_paint(cr);
    draw_footer(doc, cr, i, footer_left, stamp);
    cairo_show_page(cr);
}

/* Finishes and frees the PDF; on failure removes the file. */
static lis_status
pdf_finish(cairo_surface_t *pdf, const char *path, lis_error *err)
{
    cairo_surface_finish(pdf);
    cairo_status_t cs = cairo_surface_status(pdf);
    cairo_surface_destroy(pdf);
    if (cs != CAIRO_STATUS_SUCCESS) {
        unlink(path);
        return lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", path,
                             cs == CAIRO_STATUS_WRITE_ERROR ? strerror(errno)
                                                            : cairo_status_to_string(cs));
    }
    return LIS_OK;
}

lis_status
lis_doc_write_pdf(lis_doc *doc, const char *path, const char *title,
                  const char *footer_left, const lis_stamp *stamp, lis_error *err)
{
    close_page(doc);
    cairo_surface_t *pdf = pdf_surface(doc, path, title, stamp, err);
    if (pdf == NULL)
        return LIS_OUTPUT;
    cairo_t *cr = cairo_create(pdf);
    for (int i = 0; i < doc->n; i++)
        pdf_page(doc, cr, i, footer_left, stamp);
    cairo_destroy(cr);
    return pdf_finish(pdf, path, err);
}

lis_status
lis_doc_open_pdf(lis_doc *doc, const char *path, const char *title,
                 const char *footer_left, const lis_stamp *stamp, lis_error *err)
{
    close_page(doc);
    doc->pdf = pdf_surface(doc, path, title, stamp, err);
    if (doc->pdf == NULL)
        return LIS_OUTPUT;
    doc->pdf_path = lis_xstrdup(path);
    doc->footer_left = footer_left ? lis_xstrdup(footer_left) : NULL;
    doc->stamp = stamp;
    doc->flushed = 0;
    return LIS_OK;
}

/* Into the open PDF, the finished pages not yet in it (all but the one
 * being drawn), which are then dropped. */
static void
flush_pages(lis_doc *doc)
{
    if (doc->pdf == NULL)
        return;
    cairo_t *cr = cairo_create(doc->pdf);
    int last = doc->cr ? doc->n - 1 : doc->n;
    for (; doc->flushed < last; doc->flushed++) {
        pdf_page(doc, cr, doc->flushed, doc->footer_left, doc->stamp);
        cairo_surface_destroy(doc->pages[doc->flushed]);
        doc->pages[doc->flushed] = NULL;
    }
    cairo_destroy(cr);
}

lis_status
lis_doc_close_pdf(lis_doc *doc, lis_error *err)
{
    if (doc->pdf == NULL)
        return lis_error_set(err, LIS_OUTPUT, "no PDF is open");
    close_page(doc);
    flush_pages(doc);
    cairo_surface_t *pdf = doc->pdf;
    doc->pdf = NULL;
    return pdf_finish(pdf, doc->pdf_path, err);
}

lis_status
lis_doc_write_png(lis_doc *doc, int page, double scale, const char *path,
                  const char *footer_left, const lis_stamp *stamp, lis_error *err)
{
    close_page(doc);
    if (page < 0 || page >= doc->n || doc->pages[page] == NULL)
        return lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": no page %d", path,
                             page + 1);
    int w = (int)(doc->w * scale + 0.5), h = (int)(doc->h * scale + 0.5);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, doc->pages[page], 0, 0);
    cairo_paint(cr);
    draw_footer(doc, cr, page, footer_left, stamp);
    cairo_destroy(cr);
    lis_status st = lis_png_write(img, path, err);
    cairo_surface_destroy(img);
    return st;
}
