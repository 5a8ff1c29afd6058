/*
 * html.c - what the HTML reports share: escaping, the page frame with its
 * Content-Security-Policy and style sheet, traffic lights as words and
 * colours, and charts as inline SVG from cairo.
 *
 * cairo's SVG surface names its glyphs, clips and surfaces with counters,
 * some of them process-wide (a surface's unique id), so the same chart gets
 * other ids after other drawing, and two charts inline in one page would
 * share the page's id space. lis_html_svg therefore renames every id in
 * the order it first appears, under the chart's own prefix.
 */
#include "html.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-svg.h>

#include "doc.h"
#include "labels.h"

void
lis_html_escape(lis_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&':
            lis_buf_adds(b, "&amp;");
            break;
        case '<':
            lis_buf_adds(b, "&lt;");
            break;
        case '>':
            lis_buf_adds(b, "&gt;");
            break;
        case '"':
            lis_buf_adds(b, "&quot;");
            break;
        case '\'':
            lis_buf_adds(b, "&#39;");
            break;
        default:
            lis_buf_addc(b, *s);
        }
    }
}

/* The style sheet of every page. Colours of the lights are chart.c's. No
 * url(): the policy would refuse it. */
static const char style[] =
    ":root{--ink:#222;--muted:#5a5a5a;--head:#1f3b5c;--rule:#d0d0d0;--zebra:#f5f5f5}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:1200px;padding:16px 20px 32px;color:var(--ink);"
    "font:15px/1.45 'DejaVu Sans',Verdana,sans-serif;background:#fff}\n"
    "h1{color:var(--head);font-size:1.55em;margin:.2em 0 .3em}\n"
    "h2{color:var(--head);font-size:1.2em;margin:1.6em 0 .5em;border-bottom:2px solid "
    "var(--head);padding-bottom:.15em}\n"
    "h3{font-size:1.05em;margin:1.4em 0 .2em}\n"
    "p{margin:.3em 0 .6em}\n"
    ".muted,.stamp{color:var(--muted);font-size:.87em}\n"
    ".stamp{margin-top:2em;border-top:1px solid var(--rule);padding-top:.5em}\n"
    "a{color:#0b57a4}\n"
    "a:focus,button:focus,input:focus,select:focus{outline:3px solid #f2b400;"
    "outline-offset:1px}\n"
    ".scroll{overflow-x:auto;margin:.4em 0 1em}\n"
    "table{border-collapse:collapse;width:100%;font-size:.92em}\n"
    "caption{text-align:left;font-weight:bold;padding:.3em 0;color:var(--head)}\n"
    "th,td{padding:.35em .5em;border-bottom:1px solid var(--rule);text-align:left;"
    "vertical-align:top}\n"
    "thead th{background:var(--head);color:#fff;font-weight:bold;vertical-align:bottom}\n"
    "tbody tr:nth-child(even){background:var(--zebra)}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;"
    "white-space:nowrap}\n"
    ".lt{display:inline-block;width:.85em;height:.85em;border-radius:50%;"
    "border:1px solid rgba(0,0,0,.35);vertical-align:-.1em;margin-right:.3em;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".lt.green{background:#2e9e4f}.lt.yellow{background:#f2b400}"
    ".lt.red{background:#d7301f}.lt.grey{background:#a6a6a6}"
    ".lt.not_due{background:#fff;border:1px dashed #777}\n"
    ".light{white-space:nowrap}\n"
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
    "white-space:nowrap}\n"
    "figure{margin:.5em 0}\n"
    "svg.chart{display:block;width:100%;height:auto}svg.narrow{display:none}\n"
    "table.figures{table-layout:fixed;min-width:760px}\n"
    "table.figures .corner{width:9.5em;background:none}\n"
    "table.cards tr[hidden]{display:none}\n"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;"
    "margin:.4em 0 1em}\n"
    "dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}\n"
    ".goalmeta{display:block;color:var(--muted);font-size:.88em}\n"
    "@media (max-width:640px){body{padding:10px 10px 24px;font-size:14px}"
    "th,td{padding:.3em .35em}svg.wide{display:none}svg.narrow{display:block}\n"
    /* Narrow screens: the rows of a card table become cards, each cell
     * with its column's name before it. */
    "table.cards,table.cards tbody,table.cards tbody tr,table.cards tbody td,"
    "table.cards tbody th{display:block}\n"
    "table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0)}\n"
    "table.cards tbody tr{border:1px solid var(--rule);border-radius:4px;"
    "margin:.5em 0;padding:.3em .45em}\n"
    "table.cards tbody td,table.cards tbody th{border:0;padding:.12em 0;"
    "text-align:left}\n"
    "table.cards tbody td[data-label]::before{content:attr(data-label) ': ';"
    "color:var(--muted);font-size:.88em}\n"
    "table.cards caption{display:block}\n"
    "table.cards tr[hidden]{display:none}}\n"
    "@media print{body{max-width:none;padding:0;font-size:10pt}"
    "a{color:inherit;text-decoration:none}.noprint{display:none!important}"
    "thead{display:table-header-group}tr,figure{break-inside:avoid}"
    "h2{break-after:avoid}thead th{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}}\n";

/* The policy's source for a script: 'sha256-<base64>'. */
static void
script_source(lis_buf *b, const char *script)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(script, strlen(script), md, &len, EVP_sha256(), NULL);
    unsigned char b64[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
    EVP_EncodeBlock(b64, md, (int)len);
    lis_buf_addf(b, "'sha256-%s'", (const char *)b64);
}

void
lis_html_begin(lis_buf *b, const char *lang, const char *title, const char *extra_style,
               const char *script)
{
    lis_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
    lis_buf_adds(b, lis_chart_lang_en(lang) ? "en" : "da");
    lis_buf_adds(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, "
                    "initial-scale=1\">\n"
                    /* Inline styles stay allowed: cairo's SVG writes its
                     * paint as style attributes. Nothing may be fetched. */
                    "<meta http-equiv=\"Content-Security-Policy\" content=\""
                    "default-src 'none'; style-src 'unsafe-inline'; script-src ");
    if (script)
        script_source(b, script);
    else
        lis_buf_adds(b, "'none'");
    lis_buf_adds(b, "; base-uri 'none'; form-action 'none'\">\n"
                    "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
    lis_html_escape(b, title);
    lis_buf_adds(b, "</title>\n<style>\n");
    lis_buf_adds(b, style);
    if (extra_style)
        lis_buf_adds(b, extra_style);
    lis_buf_adds(b, "</style>\n</head>\n<body>\n");
}

void
lis_html_end(lis_buf *b, const lis_stamp *stamp, const char *script)
{
    char *text = lis_doc_stamp_text(stamp);
    lis_buf_adds(b, "<footer class=\"stamp\">");
    lis_html_escape(b, text);
    lis_buf_adds(b, "</footer>\n");
    free(text);
    if (script) {
        lis_buf_adds(b, "<script>");
        lis_buf_adds(b, script);
        lis_buf_adds(b, "</script>\n");
    }
    lis_buf_adds(b, "</body>\n</html>\n");
}

static const char *
light_class(lis_light l)
{
    switch (l) {
    case LIS_LIGHT_GREEN:
        return "green";
    case LIS_LIGHT_YELLOW:
        return "yellow";
    case LIS_LIGHT_RED:
        return "red";
    case LIS_LIGHT_GREY:
        return "grey";
    case LIS_LIGHT_NOT_DUE:
        return "not_due";
    case LIS_LIGHT_NONE:
        break;
    }
    return "none";
}

void
lis_html_light(lis_buf *b, lis_light light, const char *lang)
{
    if (light == LIS_LIGHT_NONE)
        return;
    lis_buf_addf(b,
                 "<span class=\"light\"><span class=\"lt %s\" aria-hidden=\"true\">"
                 "</span>",
                 light_class(light));
    lis_html_escape(b, lis_label_light(light, lang));
    lis_buf_adds(b, "</span>");
}

void
lis_html_dot(lis_buf *b, lis_light light, const char *text)
{
    lis_buf_addf(b, "<span class=\"lt %s\" role=\"img\" title=\"", light_class(light));
    lis_html_escape(b, text);
    lis_buf_adds(b, "\" aria-label=\"");
    lis_html_escape(b, text);
    lis_buf_adds(b, "\"></span>");
}

/* ---------------------------------------------------------------- SVG */

static cairo_status_t
svg_write(void *closure, const unsigned char *data, unsigned int length)
{
    lis_buf_add(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

typedef struct idmap {
    char **old;
    size_t n, cap;
} idmap;

static size_t
id_index(idmap *m, const char *s, size_t len)
{
    for (size_t i = 0; i < m->n; i++)
        if (strlen(m->old[i]) == len && memcmp(m->old[i], s, len) == 0)
            return i;
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 64;
        m->old = lis_xrealloc(m->old, m->cap * sizeof *m->old);
    }
    m->old[m->n] = lis_xstrndup(s, len);
    return m->n++;
}

/* Copies svg[from..] to b with every id="X", "#X" and url(#X) renamed. The
 * text between the places where one of them can begin is copied whole. */
static void
rename_ids(lis_buf *b, const char *s, const char *prefix)
{
    idmap m = {0};
    while (*s) {
        size_t plain = strcspn(s, " =u");
        lis_buf_add(b, s, plain);
        s += plain;
        const char *name = NULL;
        if (strncmp(s, " id=\"", 5) == 0)
            name = s + 5;
        else if (strncmp(s, "=\"#", 3) == 0)
            name = s + 3;
        else if (strncmp(s, "url(#", 5) == 0)
            name = s + 5;
        if (name == NULL) {
            if (*s)
                lis_buf_addc(b, *s++);
            continue;
        }
        size_t len = strcspn(name, "\")");
        lis_buf_add(b, s, (size_t)(name - s));
        lis_buf_addf(b, "%s-%zu", prefix, id_index(&m, name, len));
        s = name + len;
    }
    for (size_t i = 0; i < m.n; i++)
        free(m.old[i]);
    free(m.old);
}

/* A line of a chart's text as an SVG <text> element, into the lis_buf
 * closure. */
static void
svg_text(void *closure, const lis_text_line *line)
{
    static const char *const anchors[] = {[LIS_TEXT_LEFT] = "",
                                          [LIS_TEXT_CENTER] = " text-anchor=\"middle\"",
                                          [LIS_TEXT_RIGHT] = " text-anchor=\"end\""};
    lis_buf *b = closure;
    lis_buf_addf(b,
                 "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\" fill=\"#%06x\"%s%s%s>",
                 line->x, line->y, line->size, (unsigned)line->rgb, anchors[line->anchor],
                 line->flags & LIS_TEXT_BOLD ? " font-weight=\"bold\"" : "",
                 line->flags & LIS_TEXT_ITALIC ? " font-style=\"oblique\"" : "");
    char *text = lis_xstrndup(line->text, line->len);
    lis_html_escape(b, text);
    free(text);
    lis_buf_adds(b, "</text>\n");
}

void
lis_html_svg(lis_buf *b, const char *prefix, const char *cls, double w, double h,
             lis_html_draw_fn draw, const void *data, const char *title, const char *desc)
{
    lis_buf svg;
    lis_buf_init(&svg);
    cairo_surface_t *surface = cairo_svg_surface_create_for_stream(svg_write, &svg, w, h);
    cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1);
    cairo_t *cr = cairo_create(surface);
    lis_canvas *cv = lis_canvas_new(cr);
    /* The text as text, after cairo's drawing: a viewer can select and find
     * it, and cairo no longer writes every glyph's outline (most of the time
     * of a chart's SVG, issue 10). */
    lis_buf text;
    lis_buf_init(&text);
    lis_canvas_set_text_sink(cv, svg_text, &text);
    lis_chart_background(cv, w, h);
    draw(cv, w, h, data);
    lis_canvas_free(cv);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);

    /* Our own root element: sized by CSS, with the text alternative. */
    lis_buf_addf(b,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                 "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 %g %g\" "
                 "class=\"chart %s\" role=\"img\" aria-labelledby=\"%s-t %s-d\">\n"
                 "<title id=\"%s-t\">",
                 w, h, cls, prefix, prefix, prefix);
    lis_html_escape(b, title);
    lis_buf_addf(b, "</title>\n<desc id=\"%s-d\">", prefix);
    lis_html_escape(b, desc);
    lis_buf_adds(b, "</desc>\n");
    char *root = svg.data ? strstr(svg.data, "<svg") : NULL;
    char *body = root ? strchr(root, '>') : NULL;
    char *end = body ? strstr(body, "</svg>") : NULL;
    if (end) {
        *end = '\0';
        body++;
        while (*body == '\n')
            body++;
        rename_ids(b, body, prefix);
    }
    if (text.len) {
        lis_buf_adds(b, "<g font-family=\"DejaVu Sans, Verdana, sans-serif\">\n");
        lis_buf_add(b, text.data, text.len);
        lis_buf_adds(b, "</g>\n");
    }
    lis_buf_adds(b, "</svg>\n");
    lis_buf_release(&text);
    lis_buf_release(&svg);
}

lis_status
lis_html_save(const lis_buf *b, const char *path, lis_error *err)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", path,
                             strerror(errno));
    size_t n = b->len;
    bool ok = fwrite(b->data ? b->data : "", 1, n, f) == n;
    if (fclose(f) != 0)
        ok = false;
    if (!ok) {
        remove(path);
        return lis_error_set(err, LIS_OUTPUT, "could not write \"%s\"", path);
    }
    return LIS_OK;
}

char *
lis_html_agreement_name(const lis_rm_agreement *a)
{
    char safe[256];
    lis_chart_safe_name(a->agreement_id, safe, sizeof safe);
    return lis_xasprintf("aftale-%s.html", safe);
}
