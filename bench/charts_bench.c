/*
 * charts_bench.c - lis-charts: the chart benchmark and the golden-test tool.
 *
 *   lis-charts bench [--agreements N] [--jobs N] [--png-size WxH] [--out DIR]
 *                    [--no-png] [--no-pdf] [--db CONNINFO --period YYYY-MM]
 *       renders the PDFs and PNGs of N (112) synthetic agreements, or with
 *       --db of every agreement of a rolled-up database (e.g. after lis
 *       demo) as of --period, in N jobs (forked processes) and prints the
 *       time;
 *   lis-charts png [--charts N] [--png-size WxH]
 *       measures lis's PNG writer and cairo's own on N line charts: time
 *       and bytes;
 *   lis-charts sample DIR [--lang en]
 *       writes the fixed sample outputs the golden tests compare;
 *   lis-charts compare EXPECTED.png ACTUAL.png [--tolerance T]
 *       exits 0 when at most 0.5 % of the pixels differ by more than T (24)
 *       in a channel, else 1 with the figures.
 *
 * Not a test and not part of lis: a benchmark prints figures.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "chart.h"
#include "charts_model.h"
#include "config.h"
#include "db.h"
#include "period.h"
#include "dashboard.h"
#include "mem.h"
#include "pdf_agreement.h"
#include "png_out.h"

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *
opt(int argc, char **argv, const char *name, const char *def)
{
    for (int i = 0; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return argv[i + 1];
    return def;
}

static int
die(const lis_error *err)
{
    fprintf(stderr, "lis-charts: error: %s\n", err->msg);
    return err->code ? (int)err->code : 4;
}

static long
file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* ------------------------------------------------------------------------ */

static int
cmd_bench(int argc, char **argv)
{
    int n = atoi(opt(argc, argv, "--agreements", "112"));
    int jobs = atoi(opt(argc, argv, "--jobs", "2"));
    const char *out = opt(argc, argv, "--out", "bench-out");
    lis_chart_opts o;
    lis_chart_opts_default(&o);
    if (!lis_chart_parse_size(opt(argc, argv, "--png-size", "1280x720"), &o.png_width,
                              &o.png_height)) {
        fprintf(stderr, "lis-charts: bad --png-size\n");
        return 1;
    }
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--no-png") == 0)
            o.pngs = false;
        if (strcmp(argv[i], "--no-pdf") == 0)
            o.pdf = false;
    }
    if (jobs < 1)
        jobs = 1;
    mkdir(out, 0777);
    double t0 = now();
    lis_report *r = NULL;
    const char *db = opt(argc, argv, "--db", NULL);
    if (db) {
        lis_error err = {0};
        lis_config cfg;
        lis_period w;
        lis_config_init(&cfg);
        if (!lis_window_parse(opt(argc, argv, "--period", "2026-10"), &w)) {
            fprintf(stderr, "lis-charts: bad --period\n");
            return 1;
        }
        PGconn *conn = lis_db_connect(db, &err);
        if (conn)
            r = lis_report_load(conn, &cfg, w.year, &w, NULL, 0, &err);
        PQfinish(conn);
        lis_config_release(&cfg);
        if (r == NULL)
            return die(&err);
        n = (int)r->n_agreements;
    } else {
        r = charts_model_new(n, 10, 1);
    }
    double t1 = now();
    for (int j = 0; j < jobs; j++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 4;
        }
        if (pid == 0) {
            lis_error err = {0};
            for (int i = j; i < n; i += jobs)
                if (lis_pdf_agreement_write(r, &r->agreements[i], out, &o, &err) !=
                    LIS_OK)
                    _exit(die(&err));
            _exit(0);
        }
    }
    int failed = 0;
    for (int j = 0; j < jobs; j++) {
        int status;
        if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            failed = 1;
    }
    double t2 = now();
    size_t charts = 0;
    for (size_t i = 0; i < r->n_agreements; i++)
        for (size_t g = 0; g < r->agreements[i].n_goals; g++)
            charts += r->agreements[i].goals[g].n_indicators;
    printf(
        "agreements %d, jobs %d, png %dx%d: %zu indicator PNGs + %d economy PNGs + %d PDFs\n",
        n, jobs, o.png_width, o.png_height, charts, n, n);
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
                 ru.ru_stime.tv_usec / 1e6;
    printf("model %.3f s, render and write %.3f s wall, %.3f s CPU in the jobs\n",
           t1 - t0, t2 - t1, cpu);
    lis_report_free(r);
    return failed ? 4 : 0;
}

/* ------------------------------------------------------------------------ */

static cairo_surface_t *
render_chart(const lis_rm_indicator *ind, int w, int h)
{
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(img);
    lis_canvas *cv = lis_canvas_new(cr);
    lis_chart_background(cv, w, h);
    lis_line_chart lc;
    lis_line_chart_init(&lc, 12);
    for (int m = 0; m < 12; m++) {
        lc.cat_label[m] = lis_chart_month(m + 1, true, false);
        lc.actual[m] = ind->actual[m];
        lc.target[m] = ind->target[m];
        lc.status[m] = ind->status[m];
    }
    lc.title = ind->name;
    lc.subtitle = "Aftale A001 · mål M1 · Periode 2026-10 · data pr. 2026-11-05";
    lc.unit = ind->unit;
    lis_chart_draw_line(cv, 0, 0, w, h, &lc);
    lis_canvas_free(cv);
    cairo_destroy(cr);
    return img;
}

static int
cmd_png(int argc, char **argv)
{
    int n = atoi(opt(argc, argv, "--charts", "100"));
    int w, h;
    if (!lis_chart_parse_size(opt(argc, argv, "--png-size", "1280x720"), &w, &h))
        return 1;
    lis_report *r = charts_model_new((n + 9) / 10, 10, 1);
    cairo_surface_t **imgs = lis_xcalloc((size_t)n, sizeof *imgs);
    double t0 = now();
    int k = 0;
    for (size_t i = 0; i < r->n_agreements && k < n; i++)
        for (size_t g = 0; g < r->agreements[i].n_goals && k < n; g++)
            for (size_t x = 0; x < r->agreements[i].goals[g].n_indicators && k < n; x++)
                imgs[k++] = render_chart(&r->agreements[i].goals[g].indicators[x], w, h);
    double t1 = now();
    printf("%d charts %dx%d: drawing %.3f s (%.2f ms each)\n", k, w, h, t1 - t0,
           (t1 - t0) * 1000 / k);
    const char *tmp = "/tmp/lis-charts-png-bench.png";
    double t2 = now();
    long bytes = 0;
    for (int i = 0; i < k; i++) {
        cairo_surface_write_to_png(imgs[i], tmp);
        bytes += file_size(tmp);
    }
    double t3 = now();
    printf("%-28s %8.2f ms/chart %8.1f KB/chart\n", "cairo_surface_write_to_png",
           (t3 - t2) * 1000 / k, bytes / 1024.0 / k);
    lis_error err = {0};
    double t4 = now();
    bytes = 0;
    for (int i = 0; i < k; i++) {
        if (lis_png_write(imgs[i], tmp, &err) != LIS_OK)
            return die(&err);
        bytes += file_size(tmp);
    }
    double t5 = now();
    printf("%-28s %8.2f ms/chart %8.1f KB/chart\n", "lis_png_write", (t5 - t4) * 1000 / k,
           bytes / 1024.0 / k);
    unlink(tmp);
    for (int i = 0; i < k; i++)
        cairo_surface_destroy(imgs[i]);
    free(imgs);
    lis_report_free(r);
    return 0;
}

/* ------------------------------------------------------------------------ */

static int
cmd_sample(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: lis-charts sample DIR [--lang en]\n");
        return 1;
    }
    const char *dir = argv[1];
    const char *lang = opt(argc, argv, "--lang", "da");
    lis_error err = {0};
    lis_chart_opts o;
    lis_chart_opts_default(&o);
    lis_chart_parse_size(opt(argc, argv, "--png-size", "640x360"), &o.png_width,
                         &o.png_height);
    mkdir(dir, 0777);

    lis_report *r = charts_model_new(3, 10, 1);
    free(r->stamp.lang);
    r->stamp.lang = lis_xstrdup(lang);
    if (lis_pdf_agreement_write(r, &r->agreements[0], dir, &o, &err) != LIS_OK)
        return die(&err);
    /* A003: 40 qualitative goals with long comments, no charts but economy. */
    charts_model_many_goals(&r->agreements[2], 40);
    lis_chart_opts pdf_only = o;
    pdf_only.pngs = false;
    if (lis_pdf_agreement_write(r, &r->agreements[2], dir, &pdf_only, &err) != LIS_OK)
        return die(&err);
    lis_report_free(r);

    int n = atoi(opt(argc, argv, "--agreements", "112"));
    r = charts_model_new(n, 9, 2);
    free(r->stamp.lang);
    r->stamp.lang = lis_xstrdup(lang);
    free(r->stamp.period);
    r->stamp.period = lis_xstrdup("2026-Q3");
    if (lis_dashboard_write(r, dir, NULL, &err) != LIS_OK)
        return die(&err);
    lis_report_free(r);
    return 0;
}

static int
cmd_compare(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: lis-charts compare EXPECTED ACTUAL [--tolerance T]\n");
        return 2;
    }
    int tol = atoi(opt(argc, argv, "--tolerance", "24"));
    lis_error err = {0};
    uint8_t *a, *b;
    int aw, ah, bw, bh;
    if (lis_png_read(argv[1], &a, &aw, &ah, &err) != LIS_OK ||
        lis_png_read(argv[2], &b, &bw, &bh, &err) != LIS_OK) {
        fprintf(stderr, "lis-charts: %s\n", err.msg);
        return 2;
    }
    if (aw != bw || ah != bh) {
        printf("size differs: %dx%d expected, %dx%d\n", aw, ah, bw, bh);
        return 1;
    }
    long differ = 0, total = (long)aw * ah;
    int maxd = 0;
    for (long i = 0; i < total; i++) {
        int d = 0;
        for (int c = 0; c < 3; c++)
            d = fmax(d, abs(a[i * 3 + c] - b[i * 3 + c]));
        maxd = d > maxd ? d : maxd;
        if (d > tol)
            differ++;
    }
    free(a);
    free(b);
    double frac = (double)differ / total * 100;
    printf("%ld of %ld pixels differ by more than %d (%.3f %%), largest difference %d\n",
           differ, total, tol, frac, maxd);
    return frac <= 0.5 ? 0 : 1;
}

int
main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "bench") == 0)
        return cmd_bench(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "png") == 0)
        return cmd_png(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "sample") == 0)
        return cmd_sample(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "compare") == 0)
        return cmd_compare(argc - 1, argv + 1);
    fprintf(stderr, "usage: lis-charts bench|png|sample|compare ...\n");
    return 1;
}
