/* test_html.c - the HTML renderers (reports/html*.c) on a model built by
 * hand: escaping, ids unique within a page and the same bytes whatever was
 * drawn before (cairo's SVG ids count process-wide), and links only to
 * agreement pages that exist. The browser tests are tests/golden/html_reports.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-svg.h>

#include "html.h"
#include "mem.h"

/* One agreement, one goal titled like an attack, one monthly indicator. */
static lis_report *
model(void)
{
    lis_report *r = lis_xcalloc(1, sizeof *r);
    r->year = 2026;
    r->month = 3;
    r->stamp.period = lis_xstrdup("2026-Q1");
    r->stamp.data_as_of = lis_xstrdup("2026-04-06");
    r->stamp.lang = lis_xstrdup("da");
    r->stamp.newest_batch = 2;
    r->n_agreements = 1;
    r->agreements = lis_xcalloc(1, sizeof *r->agreements);
    lis_rm_agreement *a = r->agreements;
    a->agreement_id = lis_xstrdup("A/1");
    a->name = lis_xstrdup("Skoler & dagtilbud");
    a->year = 2026;
    a->level = 1;
    a->n_goals = 1;
    a->goals = lis_xcalloc(1, sizeof *a->goals);
    lis_rm_goal *g = a->goals;
    g->goal_id = lis_xstrdup("G1");
    g->title = lis_xstrdup("<script>alert(1)</script>");
    g->kind = lis_xstrdup("eget");
    g->owned = true;
    g->ytd_status = LIS_LIGHT_RED;
    g->ytd_attainment = 80;
    g->n_indicators = 1;
    g->indicators = lis_xcalloc(1, sizeof *g->indicators);
    lis_rm_indicator *ind = g->indicators;
    ind->indicator_id = lis_xstrdup("I1");
    ind->name = lis_xstrdup("Elever i praktik");
    ind->unit = lis_xstrdup("antal");
    ind->direction = lis_xstrdup("op");
    ind->aggregation = lis_xstrdup("sum");
    ind->frequency = lis_xstrdup("maaned");
    ind->weight = 1;
    ind->low = ind->high = NAN;
    for (int m = 0; m < 12; m++) {
        ind->actual[m] = m < 3 ? 20 + m : NAN;
        ind->target[m] = 25;
        ind->attainment[m] = m < 3 ? (20.0 + m) / 25 * 100 : NAN;
        ind->status[m] = m < 3 ? LIS_LIGHT_RED : LIS_LIGHT_NONE;
    }
    for (int q = 0; q < 4; q++)
        ind->q_actual[q] = ind->q_target[q] = ind->q_attainment[q] = NAN;
    ind->ytd_actual = 63;
    ind->ytd_target = 75;
    ind->ytd_attainment = 84;
    ind->ytd_status = LIS_LIGHT_RED;
    return r;
}

static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    lis_buf b;
    lis_buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        lis_buf_add(&b, chunk, n);
    fclose(f);
    return b.data;
}

static cairo_status_t
discard(void *closure, const unsigned char *data, unsigned int length)
{
    (void)closure;
    (void)data;
    (void)length;
    return CAIRO_STATUS_SUCCESS;
}

static void
test_escape(void **state)
{
    (void)state;
    lis_buf b;
    lis_buf_init(&b);
    lis_html_escape(&b, "<a href=\"x\">'&'</a>");
    lis_html_escape(&b, NULL);
    assert_string_equal(b.data, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    lis_buf_release(&b);
}

static void
test_agreement_page(void **state)
{
    (void)state;
    char dir[] = "/tmp/lis-test-html.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *p1 = lis_xasprintf("%s/1.html", dir), *p2 = lis_xasprintf("%s/2.html", dir);
    lis_report *r = model();
    lis_error err = {0};
    assert_int_equal(lis_html_agreement_write(r, r->agreements, p1, &err), LIS_OK);
    /* Other SVG drawing in between advances cairo's process-wide counters. */
    for (int i = 0; i < 3; i++) {
        cairo_surface_t *s = cairo_svg_surface_create_for_stream(discard, NULL, 10, 10);
        cairo_t *cr = cairo_create(s);
        cairo_paint(cr);
        cairo_destroy(cr);
        cairo_surface_destroy(s);
    }
    assert_int_equal(lis_html_agreement_write(r, r->agreements, p2, &err), LIS_OK);
    char *a = slurp(p1), *b = slurp(p2);
    assert_string_equal(a, b);

    assert_non_null(strstr(a, "G1 &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_null(strstr(a, "<script"));
    assert_non_null(strstr(a, "Skoler &amp; dagtilbud"));
    assert_non_null(strstr(a, "content=\"default-src 'none';"));
    /* Every id once: two charts per chart (wide, narrow) share the page. */
    size_t ids = 0;
    for (const char *s = strstr(a, " id=\""); s; s = strstr(s + 1, " id=\"")) {
        size_t len = strcspn(s + 5, "\"");
        char *needle = lis_xasprintf(" id=\"%.*s\"", (int)len, s + 5);
        assert_ptr_equal(strstr(a, needle), s);
        free(needle);
        ids++;
    }
    assert_true(ids > 10);
    /* The indicator chart, wide and narrow, and the economy chart. */
    size_t svgs = 0;
    for (const char *s = strstr(a, "<svg "); s; s = strstr(s + 1, "<svg "))
        svgs++;
    assert_int_equal(svgs, 4);
    /* Their text is text (a viewer finds and selects it), not the glyphs'
     * outlines, which cairo's SVG would write. */
    assert_non_null(strstr(a, "text-anchor=\"middle\">jan</text>"));
    assert_null(strstr(a, "<symbol"));

    char *name = lis_html_agreement_name(r->agreements);
    /* "A/1" is not a safe name: made safe, with the hash of the id (run.h) */
    assert_string_equal(name, "aftale-A_1-a5b3d27a.html");
    free(name);
    free(a);
    free(b);
    lis_report_free(r);
    unlink(p1);
    unlink(p2);
    free(p1);
    free(p2);
    rmdir(dir);
}

static void
test_dashboard_links(void **state)
{
    (void)state;
    char dir[] = "/tmp/lis-test-html.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = lis_xasprintf("%s/d.html", dir);
    char *page = lis_xasprintf("%s/aftale-A_1-a5b3d27a.html", dir);
    lis_report *r = model();
    lis_html_dashboard_opts o = {.pages_dir = dir, .pages_href = "../2026-03/"};
    lis_error err = {0};
    assert_int_equal(lis_html_dashboard_write(r, path, &o, &err), LIS_OK);
    char *html = slurp(path);
    assert_null(strstr(html, "<a href="));
    assert_null(strstr(html, "<script>alert"));
    free(html);

    FILE *f = fopen(page, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(lis_html_dashboard_write(r, path, &o, &err), LIS_OK);
    html = slurp(path);
    assert_non_null(strstr(html, "<a href=\"../2026-03/aftale-A_1-a5b3d27a.html\""));
    /* The script runs only by its hash. */
    assert_non_null(strstr(html, "script-src 'sha256-"));
    free(html);
    lis_report_free(r);
    unlink(page);
    unlink(path);
    free(page);
    free(path);
    rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_agreement_page),
        cmocka_unit_test(test_dashboard_links),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
