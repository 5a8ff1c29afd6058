/*
 * test_xlsx.c - the xlsx renderers on a report model built by hand (no
 * database): labels, sheet and file names, workbooks written and unzipped,
 * the Data sheet continued on further sheets at the row limit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "labels.h"
#include "mem.h"
#include "report.h"
#include "run.h"
#include "xlsx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
test_labels_complete(void **state)
{
    (void)state;
    for (int id = 0; id < LIS_L_COUNT_; id++) {
        const char *da = lis_label((lis_label_id)id, "da");
        const char *en = lis_label((lis_label_id)id, "en");
        if (strcmp(da, "?") == 0 || strcmp(en, "?") == 0 || !da[0] || !en[0])
            fail_msg("label %d has no Danish or English text", id);
    }
    assert_string_equal(lis_label(LIS_L_REACHED_TITLE, "da"), "Kom vi i mål?");
    assert_string_equal(lis_label(LIS_L_REACHED_TITLE, NULL), "Kom vi i mål?");
    assert_string_equal(lis_label(LIS_L_REACHED_TITLE, "en"), "Did we reach the goals?");
    assert_string_equal(lis_label_light(LIS_LIGHT_YELLOW, "da"), "Gul");
    assert_string_equal(lis_label_light(LIS_LIGHT_NOT_DUE, "en"), "Not due");
    assert_string_equal(lis_label_reached(LIS_LIGHT_YELLOW, "da"), "Delvist nået");
    assert_string_equal(lis_label_reached(LIS_LIGHT_GREY, "da"), "Uden data");
    assert_string_equal(lis_label_goal_kind("politisk-driftsnaer", "da"),
                        "Politisk driftsnært");
    assert_string_equal(lis_label_goal_kind("ukendt-kode", "da"), "ukendt-kode");
    assert_string_equal(lis_label_focus_area("mestring", "da"), "Mestring af eget liv");
    assert_string_equal(lis_label_month(10, "da"), "oktober");
    assert_string_equal(lis_label_month(13, "da"), "");
}

static void
expect_sheet(const char *in, const char *want)
{
    char *got = lis_xlsx_sheet_name(in);
    assert_string_equal(got, want);
    free(got);
}

static void
test_sheet_names(void **state)
{
    (void)state;
    expect_sheet("Børn og Unge", "Børn og Unge");
    expect_sheet("Social/Sundhed: [voksne]*?", "Social_Sundhed_ _voksne___");
    expect_sheet("'citat'", "_citat_");
    expect_sheet("", "_");
    /* 31 characters, counted as characters, not bytes */
    expect_sheet("Æblegrød æblegrød æblegrød æblegrød",
                 "Æblegrød æblegrød æblegrød æble");
}

static void
expect_safe(const char *in, const char *want)
{
    char *got = lis_run_safe_name(in);
    assert_string_equal(got, want);
    free(got);
}

static void
test_safe_names(void **state)
{
    (void)state;
    /* ordinary ids keep their names */
    expect_safe("UA-FAG1-O001", "UA-FAG1-O001");
    expect_safe("a_b", "a_b");
    /* any other id: made safe, cut, and the hash of the whole id appended,
     * so "a/b" and "a_b" never share a name, whoever else is in the run */
    expect_safe("a/b", "a_b-c14cddc0");
    expect_safe("../etc/passwd", "_._etc_passwd-7fef78f5");
    expect_safe("a b\\c", "a_b_c-9af39f07");
    expect_safe("ø", "__-d48b452a");
    expect_safe("", "_-e3b0c442");
    expect_safe(".", "_-cdb4ee2a");
    expect_safe("..", "_.-5ec1f7e7");
    expect_safe(".hidden", "_hidden-16924190");
    /* an id shaped like a hashed name is hashed itself */
    expect_safe("a_b-12345678", "a_b-12345678-54ff961c");
    /* 300 characters: cut to LIS_RUN_NAME_MAX, plus the hash */
    char long_id[301];
    memset(long_id, 'x', 300);
    long_id[300] = '\0';
    char want[LIS_RUN_NAME_MAX + 10];
    memset(want, 'x', LIS_RUN_NAME_MAX);
    strcpy(want + LIS_RUN_NAME_MAX, "-0d4e2ca9");
    expect_safe(long_id, want);
}

static void
expect_clean(const char *in, bool cell, const char *want)
{
    char *got = lis_xlsx_clean_text(in, cell);
    assert_string_equal(got, want);
    free(got);
}

/* issue 12, defects 5 and 11: text that would make the XML invalid, and the
 * ECMA-376 escape of a literal _xHHHH_ */
static void
test_clean_text(void **state)
{
    (void)state;
    expect_clean("Børn & unge <5>", true, "Børn & unge <5>");
    expect_clean("a\xEF\xBF\xBE"
                 "b\xEF\xBF\xBF",
                 true,
                 "a\xEF\xBF\xBD"
                 "b\xEF\xBF\xBD");
    expect_clean("x\xFFy", true, "x\xEF\xBF\xBDy");
    expect_clean("s\xED\xA0\x80", true, "s\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    expect_clean("o\xC0\xAF", true, "o\xEF\xBF\xBD\xEF\xBF\xBD");
    expect_clean("\xF0\x9F\x98\x80", true, "\xF0\x9F\x98\x80");
    /* every noncharacter: cairo refuses them in a PDF */
    expect_clean("\xEF\xB7\x90|\xF0\x9F\xBF\xBF", true, "\xEF\xBF\xBD|\xEF\xBF\xBD");
    expect_clean("_x0041_ and _X0041_ and _x00e6_", true,
                 "_x005F_x0041_ and _X0041_ and _x005F_x00e6_");
    expect_clean("_x004_ _xZZZZ_", true, "_x004_ _xZZZZ_");
    expect_clean("_x0041_", false, "_x0041_");
    expect_clean("a\x01"
                 "b\tc",
                 true,
                 "a\x01"
                 "b\tc");
    expect_clean("a\x01"
                 "b\tc",
                 false, "a b\tc");
}

static void
test_json_string(void **state)
{
    (void)state;
    lis_buf b;
    lis_buf_init(&b);
    lis_run_json_string(&b, "a\"b\\c\nd\x01 ø");
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\nd\\u0001 ø\"");
    lis_buf_release(&b);
}

/* ------------------------------------------------------ a model by hand */

static lis_report *
small_model(size_t n_data)
{
    lis_report *r = lis_xcalloc(1, sizeof *r);
    r->year = 2026;
    r->month = 3;
    r->stamp.period = lis_xstrdup("2026-03");
    r->stamp.newest_batch = 7;
    r->stamp.data_as_of = lis_xstrdup("2026-04-02");
    r->stamp.run_id = 3;
    r->stamp.lang = lis_xstrdup("da");
    r->agreements = lis_xcalloc(1, sizeof *r->agreements);
    r->n_agreements = 1;
    lis_rm_agreement *a = &r->agreements[0];
    a->agreement_id = lis_xstrdup("A1");
    a->name = lis_xstrdup("@SUM(A1)");
    a->status = lis_xstrdup("godkendt");
    a->year = 2026;
    a->level = 1;
    a->holder_unit = lis_xstrdup("FAG1");
    a->grantor_unit = lis_xstrdup("DIR");
    a->goals = lis_xcalloc(1, sizeof *a->goals);
    a->n_goals = 1;
    lis_rm_goal *g = &a->goals[0];
    g->goal_id = lis_xstrdup("G1");
    g->title = lis_xstrdup("=1+1");
    g->kind = lis_xstrdup("eget");
    g->owned = true;
    g->owner_agreement = lis_xstrdup("A1");
    g->ytd_attainment = 80;
    g->ytd_status = LIS_LIGHT_RED;
    g->year_attainment = NAN;
    for (int m = 0; m < 12; m++)
        g->attainment[m] = NAN;
    g->indicators = lis_xcalloc(1, sizeof *g->indicators);
    g->n_indicators = 1;
    lis_rm_indicator *ind = &g->indicators[0];
    ind->indicator_id = lis_xstrdup("I1");
    ind->name = lis_xstrdup("Elever");
    ind->unit = lis_xstrdup("antal");
    ind->direction = lis_xstrdup("op");
    ind->aggregation = lis_xstrdup("sum");
    ind->frequency = lis_xstrdup("maaned");
    for (int m = 0; m < 12; m++) {
        ind->actual[m] = m < 3 ? 20 : NAN;
        ind->target[m] = 25;
        ind->attainment[m] = m < 3 ? 80 : NAN;
        ind->status[m] = m < 3 ? LIS_LIGHT_RED : LIS_LIGHT_NONE;
    }
    ind->ytd_actual = 60;
    ind->ytd_target = 75;
    ind->ytd_attainment = 80;
    ind->ytd_status = LIS_LIGHT_RED;
    lis_rm_economy *e = &a->economy;
    for (int m = 0; m < 12; m++) {
        e->budget[m] = e->actual[m] = e->cum_budget[m] = e->cum_actual[m] = NAN;
        e->consumption_pct[m] = e->expected_pct[m] = e->deviation[m] = e->forecast[m] =
            NAN;
    }
    e->ytd_budget = e->ytd_actual = e->consumption_pct_now = e->expected_pct_now = NAN;
    e->deviation_now = e->forecast_now = NAN;
    a->data = lis_xcalloc(n_data ? n_data : 1, sizeof *a->data);
    a->n_data = n_data;
    for (size_t i = 0; i < n_data; i++) {
        lis_rm_measurement *d = &a->data[i];
        d->indicator_id = lis_xstrdup("I1");
        d->unit_id = lis_xstrdup("0042");
        d->unit_name = lis_xstrdup("Skole");
        d->period = lis_xasprintf("2026-%02zu", i % 12 + 1);
        d->value = (double)i;
        d->batch_id = 7;
        d->batch_file = lis_xstrdup("m.csv");
    }
    return r;
}

/* The names of the parts of a zip file, one a line. */
static char *
zip_parts(const char *path)
{
    char *cmd = lis_xasprintf("unzip -Z1 '%s' 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    free(cmd);
    if (p == NULL)
        return NULL;
    lis_buf b;
    lis_buf_init(&b);
    char line[512];
    while (fgets(line, sizeof line, p))
        lis_buf_adds(&b, line);
    pclose(p);
    return b.data;
}

static char *
zip_part(const char *path, const char *part)
{
    char *cmd = lis_xasprintf("unzip -p '%s' '%s' 2>/dev/null", path, part);
    FILE *p = popen(cmd, "r");
    free(cmd);
    lis_buf b;
    lis_buf_init(&b);
    char buf[4096];
    size_t n;
    while (p && (n = fread(buf, 1, sizeof buf, p)) > 0)
        lis_buf_add(&b, buf, n);
    if (p)
        pclose(p);
    return b.data;
}

static void
test_agreement_workbook(void **state)
{
    (void)state;
    if (system("command -v unzip >/dev/null 2>&1") != 0)
        skip();
    char path[] = "/tmp/lis-test-xlsx-XXXXXX.xlsx";
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    close(fd);
    lis_report *r = small_model(40);
    lis_error err = {0};
    lis_xlsx_set_max_rows(20); /* 16 data rows a sheet below the 4 title rows */
    assert_int_equal(lis_xlsx_write_agreement(r, &r->agreements[0], path, &err), LIS_OK);
    lis_xlsx_set_max_rows(0);
    char *parts = zip_parts(path);
    assert_non_null(parts);
    /* Overblik, Maal, Oekonomi, Data, Data (2), Data (3): 40 rows, 16 a sheet */
    assert_non_null(strstr(parts, "xl/worksheets/sheet6.xml"));
    assert_null(strstr(parts, "xl/worksheets/sheet7.xml"));
    assert_non_null(strstr(parts, "xl/charts/chart1.xml"));
    char *wbx = zip_part(path, "xl/workbook.xml");
    assert_non_null(strstr(wbx, "name=\"Data (3)\""));
    char *s1 = zip_part(path, "xl/worksheets/sheet1.xml");
    assert_non_null(strstr(s1, "<t>=1+1</t>")); /* text, not a formula */
    assert_null(strstr(s1, "<f>"));
    assert_non_null(strstr(s1, "<t>Aftale A1 – @SUM(A1)</t>"));
    assert_non_null(strstr(s1, "<v>0.8</v>")); /* 80 % as a fraction */
    char *s6 = zip_part(path, "xl/worksheets/sheet6.xml");
    assert_non_null(strstr(s6, "<t>0042</t>")); /* a code keeps its zeros */
    char *core = zip_part(path, "docProps/core.xml");
    assert_non_null(strstr(core, "2026-04-02T12:00:00Z")); /* the data's date */

    /* the same model gives the same bytes */
    char path2[] = "/tmp/lis-test-xlsx-XXXXXX.xlsx";
    fd = mkstemps(path2, 5);
    close(fd);
    lis_xlsx_set_max_rows(20);
    assert_int_equal(lis_xlsx_write_agreement(r, &r->agreements[0], path2, &err), LIS_OK);
    lis_xlsx_set_max_rows(0);
    char *cmd = lis_xasprintf("cmp -s '%s' '%s'", path, path2);
    assert_int_equal(system(cmd), 0);
    free(cmd);

    free(parts);
    free(wbx);
    free(s1);
    free(s6);
    free(core);
    unlink(path);
    unlink(path2);
    lis_report_free(r);
}

static void
test_unwritable_path(void **state)
{
    (void)state;
    lis_report *r = small_model(1);
    lis_error err = {0};
    lis_status st = lis_xlsx_write_agreement(r, &r->agreements[0],
                                             "/nonexistent-dir/x/aftale.xlsx", &err);
    assert_int_equal(st, LIS_OUTPUT);
    assert_non_null(strstr(err.msg, "/nonexistent-dir/x/aftale.xlsx"));
    lis_report_free(r);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels_complete), cmocka_unit_test(test_sheet_names),
        cmocka_unit_test(test_safe_names),      cmocka_unit_test(test_clean_text),
        cmocka_unit_test(test_json_string),     cmocka_unit_test(test_agreement_workbook),
        cmocka_unit_test(test_unwritable_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
