/* test_chart.c - the chart module's pieces (reports/chart.c, png.c, dashboard.c):
 * Danish numbers, axis ticks, names, the PNG writer, gaps in line charts and
 * the dashboard's risk order. Expected figures are worked out by hand here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "chart.h"
#include "labels.h"
#include "dashboard.h"
#include "doc.h"
#include "mem.h"
#include "png_out.h"

static void
expect_number(double v, int dec, int en, const char *want)
{
    char buf[64];
    assert_string_equal(lis_chart_number(v, dec, en, buf, sizeof buf), want);
}

static void
test_danish_numbers(void **state)
{
    (void)state;
    expect_number(1234.5, 1, 0, "1.234,5");
    expect_number(-1234.5, 1, 0, "-1.234,5");
    expect_number(1234567, 0, 0, "1.234.567");
    expect_number(999.95, 1, 0, "1.000,0"); /* rounding carries into a new group */
    expect_number(123, 0, 0, "123");
    expect_number(0.04, 1, 0, "0,0");
    expect_number(-0.04, 1, 0, "0,0"); /* no "-0,0" */
    expect_number(12.345, 2, 0, "12,35");
    expect_number(-1000000.25, 2, 0, "-1.000.000,25");
    expect_number(1234.5, 1, 1, "1,234.5");
    expect_number(NAN, 1, 0, "");
}

static void
expect_ticks(double lo, double hi, int max, double first, double step, int count)
{
    double f, s;
    int n;
    lis_chart_ticks(lo, hi, max, &f, &s, &n);
    assert_float_equal(f, first, 1e-9);
    assert_float_equal(s, step, 1e-9);
    assert_int_equal(n, count);
}

static void
test_ticks(void **state)
{
    (void)state;
    /* 97 / 5 = 19,4 -> 20: 0, 20, ..., 100 */
    expect_ticks(0, 97, 6, 0, 20, 6);
    /* 8,9 / 5 = 1,78 -> 2: 62, 64, ..., 72 */
    expect_ticks(62.3, 71.2, 6, 62, 2, 6);
    /* 3.500.000 / 5 = 700.000 -> 1.000.000: 0 .. 4.000.000 */
    expect_ticks(0, 3.5e6, 6, 0, 1e6, 5);
    /* one value: +-10 % around it, 9 / 11 -> step 0,5 */
    expect_ticks(10, 10, 6, 9, 0.5, 5);
    /* negative: -3 .. 7, 10 / 5 = 2 -> 2: -4 .. 8 */
    expect_ticks(-3, 7, 6, -4, 2, 7);
}

static void
test_names_and_words(void **state)
{
    (void)state;
    char buf[64];
    /* the rule of lis_run_safe_name (tests/unit/test_xlsx.c) */
    assert_string_equal(lis_chart_safe_name("A/1", buf, sizeof buf), "A_1-a5b3d27a");
    assert_string_equal(lis_chart_safe_name("Aftale-2026_v1.2", buf, sizeof buf),
                        "Aftale-2026_v1.2");
    assert_string_equal(lis_chart_month(5, false, false), "maj");
    assert_string_equal(lis_chart_month(10, true, false), "okt");
    assert_string_equal(lis_chart_month(3, false, false), "marts");
    assert_string_equal(lis_chart_month(5, true, true), "May");
    assert_string_equal(lis_chart_month(13, true, false), "");
    assert_string_equal(lis_label_light(LIS_LIGHT_RED, "da"), "Rød");
    assert_string_equal(lis_label_light(LIS_LIGHT_GREEN, "da"), "Grøn");
    assert_string_equal(lis_label_goal_status("paa-sporet", "da"), "På sporet");
    assert_string_equal(lis_label_goal_kind("politisk-driftsnaer", "da"),
                        "Politisk driftsnært");
    assert_string_equal(lis_label_focus_area("beskaeftigelse", "da"), "Beskæftigelse");

    int w = 0, h = 0;
    assert_true(lis_chart_parse_size("1280x720", &w, &h));
    assert_int_equal(w, 1280);
    assert_int_equal(h, 720);
    assert_true(lis_chart_parse_size("800X400", &w, &h));
    assert_int_equal(w, 800);
    assert_false(lis_chart_parse_size("1280x", &w, &h));
    assert_false(lis_chart_parse_size("1280x720x3", &w, &h));
    assert_false(lis_chart_parse_size("8x8", &w, &h));
    assert_false(lis_chart_parse_size("abc", &w, &h));
}

/* ------------------------------------------------------------------------ */

/* Makes the empty file named by the template path ("...XXXXXX"). */
static void
temp_file(char *path)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
}

static void
test_png_round_trip(void **state)
{
    (void)state;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 20, 10);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_rectangle(cr, 0, 0, 10, 10);
    cairo_fill(cr);
    cairo_destroy(cr);
    char path[] = "/tmp/lis-test-chart-XXXXXX";
    temp_file(path);
    lis_error err = {0};
    assert_int_equal(lis_png_write(img, path, &err), LIS_OK);
    uint8_t *rgb;
    int w, h;
    assert_int_equal(lis_png_read(path, &rgb, &w, &h, &err), LIS_OK);
    assert_int_equal(w, 20);
    assert_int_equal(h, 10);
    /* (2, 5) red, (15, 5) white */
    const uint8_t *p = rgb + (5 * 20 + 2) * 3;
    assert_int_equal(p[0], 255);
    assert_int_equal(p[1], 0);
    assert_int_equal(p[2], 0);
    p = rgb + (5 * 20 + 15) * 3;
    assert_int_equal(p[0], 255);
    assert_int_equal(p[1], 255);
    assert_int_equal(p[2], 255);
    free(rgb);
    unlink(path);

    /* A folder that does not exist: an output error naming the file, no file. */
    assert_int_equal(lis_png_write(img, "/nonexistent-lis/x.png", &err), LIS_OUTPUT);
    assert_non_null(strstr(err.msg, "/nonexistent-lis/x.png"));
    cairo_surface_destroy(img);
}

/* An image of noise, which deflates to more than one IDAT chunk, with a
 * height that is no multiple of the rows lis deflates at a time: every pixel
 * read back by libpng (which checks the chunks' CRCs and the stream's
 * Adler-32) is the one drawn. Then the same image where files may not grow
 * past 8 KiB. */
static void
test_png_noise_round_trip(void **state)
{
    (void)state;
    enum { W = 601, H = 307 };
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
    uint8_t *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    uint32_t seed = 12345;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t px = (seed >> 8) & 0xffffffu;
            memcpy(data + (size_t)y * stride + (size_t)x * 4, &px, 4);
        }
    cairo_surface_mark_dirty(img);
    char path[] = "/tmp/lis-test-noise-XXXXXX";
    temp_file(path);
    lis_error err = {0};
    assert_int_equal(lis_png_write(img, path, &err), LIS_OK);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    assert_true(ftell(f) > W * H * 3 / 2); /* noise: over one 128 KB chunk */
    fclose(f);
    uint8_t *rgb;
    int w, h;
    assert_int_equal(lis_png_read(path, &rgb, &w, &h, &err), LIS_OK);
    assert_int_equal(w, W);
    assert_int_equal(h, H);
    int wrong = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            uint32_t px;
            memcpy(&px, data + (size_t)y * stride + (size_t)x * 4, 4);
            const uint8_t *p = rgb + ((size_t)y * W + x) * 3;
            wrong += p[0] != (uint8_t)(px >> 16) || p[1] != (uint8_t)(px >> 8) ||
                     p[2] != (uint8_t)px;
        }
    assert_int_equal(wrong, 0);
    free(rgb);

    /* Files limited to 8 KiB (as a full disk): an output error naming the
     * file and the reason, and no file left. */
    struct rlimit was;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
    struct rlimit small = {8192, was.rlim_max};
    void (*xfsz)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    lis_status st = lis_png_write(img, path, &err);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &was), 0);
    signal(SIGXFSZ, xfsz);
    assert_int_equal(st, LIS_OUTPUT);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "File too large"));
    assert_int_equal(access(path, F_OK), -1);
    cairo_surface_destroy(img);
}

/* Counts pixels of the actual series' blue (#1f5fa8, within 40 per channel)
 * in columns x0..x1 of a 300 x 200 line chart. */
static int
blue_in_columns(const lis_line_chart *c, int x0, int x1)
{
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 300, 200);
    cairo_t *cr = cairo_create(img);
    lis_canvas *cv = lis_canvas_new(cr);
    lis_chart_background(cv, 300, 200);
    lis_chart_draw_line(cv, 0, 0, 300, 200, c);
    lis_canvas_free(cv);
    cairo_destroy(cr);
    cairo_surface_flush(img);
    const unsigned char *d = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img), n = 0;
    /* Below the legend (whose blue swatch sits at the top left). */
    for (int y = 60; y < 200; y++)
        for (int x = x0; x <= x1; x++) {
            uint32_t p = ((const uint32_t *)(d + y * stride))[x];
            int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            if (abs(r - 0x1f) < 40 && abs(g - 0x5f) < 40 && abs(b - 0xa8) < 40)
                n++;
        }
    cairo_surface_destroy(img);
    return n;
}

/* An economy chart's data as the monthly run gives it: twelve months of
 * budget, nine of them with bookings. */
static void
economy_chart(lis_column_chart *c)
{
    lis_column_chart_init(c, 12);
    for (int m = 0; m < 12; m++) {
        c->cat_label[m] = lis_chart_month(m + 1, true, false);
        c->budget[m] = 1e6 + 5e4 * (m % 5);
        c->cum_budget[m] = (m ? c->cum_budget[m - 1] : 0) + c->budget[m];
        if (m < 9) {
            c->actual[m] = 9e5 + 7e4 * (m % 3);
            c->cum_actual[m] = (m ? c->cum_actual[m - 1] : 0) + c->actual[m];
        }
    }
}

static bool
same_bytes(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    assert_non_null(fa);
    assert_non_null(fb);
    int ca, cb;
    do {
        ca = getc(fa);
        cb = getc(fb);
    } while (ca == cb && ca != EOF);
    fclose(fa);
    fclose(fb);
    return ca == cb;
}

/* The same chart gives the same bytes wherever the writer is in memory.
 * ISA-L's igzip once hashed a byte from the stream's address (see
 * reports/png.c): one chart in 700 differed between two runs, and this chart
 * at 6 of 1,920 addresses. So it is written 400 times, each time with a
 * block of 256 KiB more held, which moves the writer's memory on (without
 * the fix it differed by the 233rd write, in 6 runs of 6). */
static void
test_png_same_bytes_anywhere_in_memory(void **state)
{
    (void)state;
    lis_column_chart c;
    economy_chart(&c);
    c.title = "Økonomi: Dagtilbud Øst";
    c.subtitle = "Aftale UA-FAG2-O004 · data pr. 30.09.2026";
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1280, 720);
    cairo_t *cr = cairo_create(img);
    lis_canvas *cv = lis_canvas_new(cr);
    lis_chart_background(cv, 1280, 720);
    lis_chart_draw_columns(cv, 0, 0, 1280, 720, &c);
    lis_canvas_free(cv);
    cairo_destroy(cr);

    enum { WRITES = 400 };
    char first[] = "/tmp/lis-test-chart-XXXXXX", again[] = "/tmp/lis-test-chart-XXXXXX";
    temp_file(first);
    temp_file(again);
    lis_error err = {0};
    assert_int_equal(lis_png_write(img, first, &err), LIS_OK);
    void *held[WRITES];
    int n = 0, differs = 0;
    while (n < WRITES && !differs) {
        held[n++] = lis_xmalloc(256 * 1024);
        assert_int_equal(lis_png_write(img, again, &err), LIS_OK);
        if (!same_bytes(first, again))
            differs = n;
    }
    while (n > 0)
        free(held[--n]);
    unlink(first);
    unlink(again);
    cairo_surface_destroy(img);
    if (differs)
        fail_msg("write %d of the chart: other bytes than the first", differs + 1);
}

static void
test_missing_values_are_gaps(void **state)
{
    (void)state;
    lis_line_chart c;
    lis_line_chart_init(&c, 3);
    c.cat_label[0] = "jan";
    c.cat_label[1] = "feb";
    c.cat_label[2] = "mar";
    c.actual[0] = 10;
    c.actual[1] = 12;
    c.actual[2] = 10;
    /* The middle third of the plot holds the February point and its lines. */
    int with = blue_in_columns(&c, 140, 170);
    assert_true(with > 0);
    /* No February value: nothing there (no line to zero, no line across). */
    c.actual[1] = NAN;
    assert_int_equal(blue_in_columns(&c, 140, 170), 0);
    /* ... while January and March still show their points. */
    assert_true(blue_in_columns(&c, 40, 120) > 0);
}

/* The same drawing code on SVG and PDF surfaces: the files are written and
 * hold the chart (an SVG with glyphs, a one-page PDF). */
static void
test_svg_and_pdf_surfaces(void **state)
{
    (void)state;
    lis_column_chart c;
    economy_chart(&c);
    c.title = "Økonomi: Ærø Åby";
    char svg[] = "/tmp/lis-test-chart-svg-XXXXXX",
         pdf[] = "/tmp/lis-test-chart-pdf-XXXXXX";
    temp_file(svg);
    temp_file(pdf);
    cairo_surface_t *surfaces[2] = {cairo_svg_surface_create(svg, 640, 360),
                                    cairo_pdf_surface_create(pdf, 640, 360)};
    for (int i = 0; i < 2; i++) {
        cairo_t *cr = cairo_create(surfaces[i]);
        lis_canvas *cv = lis_canvas_new(cr);
        lis_chart_background(cv, 640, 360);
        lis_chart_draw_columns(cv, 0, 0, 640, 360, &c);
        lis_canvas_free(cv);
        cairo_destroy(cr);
        cairo_surface_finish(surfaces[i]);
        assert_int_equal(cairo_surface_status(surfaces[i]), CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy(surfaces[i]);
    }
    FILE *f = fopen(svg, "r");
    assert_non_null(f);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    assert_non_null(strstr(buf, "<svg"));
    assert_non_null(strstr(buf, "glyph"));
    f = fopen(pdf, "r");
    assert_non_null(f);
    n = fread(buf, 1, 8, f);
    fclose(f);
    assert_true(n == 8 && memcmp(buf, "%PDF-1.", 7) == 0);
    unlink(svg);
    unlink(pdf);
}

/* ------------------------------------------------------------------------ */

static void
set_goal(lis_rm_goal *g, const char *id, lis_light light)
{
    g->goal_id = lis_xstrdup(id);
    g->title = lis_xstrdup(id);
    g->ytd_status = light;
}

static void
test_dashboard_risk_order(void **state)
{
    (void)state;
    lis_report *r = lis_xcalloc(1, sizeof *r);
    r->year = 2026;
    r->month = 9;
    r->n_agreements = 4;
    r->agreements = lis_xcalloc(4, sizeof *r->agreements);
    const char *ids[] = {"A", "B", "C", "D"};
    for (int i = 0; i < 4; i++) {
        lis_rm_agreement *a = &r->agreements[i];
        a->agreement_id = lis_xstrdup(ids[i]);
        a->n_goals = 2;
        a->goals = lis_xcalloc(2, sizeof *a->goals);
        a->economy.has_budget = true;
        a->economy.annual_budget = 1000;
        a->economy.forecast_now = 1000;
        a->economy.status_now = LIS_LIGHT_GREEN;
    }
    /* A: one red goal, one green; economy green      -> 1 red, 0 yellow
     * B: two yellow goals, economy red                -> 1 red, 2 yellow
     * C: all green, forecast 5 % over (yellow-free)   -> 0 red, 0 yellow, +5 %
     * D: all green, forecast on budget                -> 0 red, 0 yellow, 0 %
     * Most red first, then most yellow, then the larger overrun: B, A, C, D. */
    set_goal(&r->agreements[0].goals[0], "g1", LIS_LIGHT_RED);
    set_goal(&r->agreements[0].goals[1], "g2", LIS_LIGHT_GREEN);
    set_goal(&r->agreements[1].goals[0], "g1", LIS_LIGHT_YELLOW);
    set_goal(&r->agreements[1].goals[1], "g2", LIS_LIGHT_YELLOW);
    r->agreements[1].economy.status_now = LIS_LIGHT_RED;
    set_goal(&r->agreements[2].goals[0], "g1", LIS_LIGHT_GREEN);
    set_goal(&r->agreements[2].goals[1], "g2", LIS_LIGHT_GREEN);
    r->agreements[2].economy.forecast_now = 1050;
    set_goal(&r->agreements[3].goals[0], "g1", LIS_LIGHT_GREEN);
    set_goal(&r->agreements[3].goals[1], "g2", LIS_LIGHT_GREEN);
    size_t *order = lis_dashboard_order(r);
    assert_int_equal(order[0], 1);
    assert_int_equal(order[1], 0);
    assert_int_equal(order[2], 2);
    assert_int_equal(order[3], 3);
    free(order);
    lis_report_free(r);
}

/* The pages of the PDF at path: its "/Type /Page" objects. */
static int
pdf_pages(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    int pages = 0;
    for (size_t i = 0; i + 11 < n; i++)
        if (memcmp(buf + i, "/Type /Page", 11) == 0 && buf[i + 11] != 's')
            pages++;
    return pages;
}

static lis_report *
many_agreements(size_t n)
{
    lis_report *r = lis_xcalloc(1, sizeof *r);
    r->year = 2026;
    r->month = 9;
    r->stamp.period = lis_xstrdup("2026-Q3");
    r->n_agreements = n;
    r->agreements = lis_xcalloc(n, sizeof *r->agreements);
    for (size_t i = 0; i < n; i++)
        r->agreements[i].agreement_id = lis_xasprintf("A%04zu", i);
    return r;
}

/* A dashboard with more rows than one image may be tall comes as PNG
 * parts, a page of rows each, with the header: the first under the
 * dashboard's name, the others numbered from 2. Past 32,767 pixels cairo
 * makes no image at all; scale 100 (10,309 agreements, one image of 74,501
 * pixels) is ten parts of at most 8,192 pixels. */
static void
test_dashboard_png_parts(void **state)
{
    (void)state;
    lis_report *big = many_agreements(10309);
    assert_int_equal(lis_dashboard_png_count(big, NULL), 10);
    lis_report_free(big);
    lis_report *r = many_agreements(300);
    assert_int_equal(lis_dashboard_png_count(r, NULL), 1);

    lis_dashboard_opts opts;
    lis_dashboard_opts_default(&opts);
    opts.png_max_px = 1500;
    assert_int_equal(lis_dashboard_png_count(r, &opts), 2);
    char dir[] = "/tmp/lis-dashboard-XXXXXX";
    assert_non_null(mkdtemp(dir));
    lis_error err = {0};
    assert_int_equal(lis_dashboard_write(r, dir, &opts, &err), LIS_OK);
    char *pdf = lis_xasprintf("%s/dashboard-2026-Q3.pdf", dir);
    assert_int_equal(pdf_pages(pdf), 3); /* streamed a page at a time, 128 rows each */
    free(pdf);
    const char *names[] = {"dashboard-2026-Q3.png", "dashboard-2026-Q3-2.png",
                           "dashboard-2026-Q3.pdf"};
    for (size_t i = 0; i < 3; i++) {
        char *path = lis_xasprintf("%s/%s", dir, names[i]);
        if (i < 2) {
            uint8_t *rgb = NULL;
            int w = 0, h = 0;
            assert_int_equal(lis_png_read(path, &rgb, &w, &h, &err), LIS_OK);
            assert_true(h <= 1500 && h > 1400);
            assert_int_equal(w, (int)(LIS_A4_H * 2 + 0.5));
            free(rgb);
        }
        assert_int_equal(access(path, F_OK), 0);
        unlink(path);
        free(path);
    }
    char *third = lis_xasprintf("%s/dashboard-2026-Q3-3.png", dir);
    assert_int_equal(access(third, F_OK), -1);
    free(third);
    assert_int_equal(rmdir(dir), 0);
    lis_report_free(r);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_danish_numbers),
        cmocka_unit_test(test_ticks),
        cmocka_unit_test(test_names_and_words),
        cmocka_unit_test(test_png_round_trip),
        cmocka_unit_test(test_png_noise_round_trip),
        cmocka_unit_test(test_png_same_bytes_anywhere_in_memory),
        cmocka_unit_test(test_missing_values_are_gaps),
        cmocka_unit_test(test_svg_and_pdf_surfaces),
        cmocka_unit_test(test_dashboard_risk_order),
        cmocka_unit_test(test_dashboard_png_parts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
