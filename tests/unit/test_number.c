/* test_number.c - the value rules of SPEC section 2 (connectors/number.c) and
 * delimiter detection (connectors/csvread.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "csvread.h"
#include "number.h"

static void
expect_num(const lis_numfmt *f, const char *in, const char *want)
{
    char out[LIS_NUM_SIZE];
    lis_num_result r = lis_number_parse(in, strlen(in), f, out);
    if (want == NULL) {
        if (r != LIS_NUM_BAD)
            fail_msg("\"%s\" parsed (%d), expected an error", in, r);
        return;
    }
    if (want[0] == '\0') {
        if (r != LIS_NUM_NULL)
            fail_msg("\"%s\" is not NULL (%d)", in, r);
        return;
    }
    if (r != LIS_NUM_OK)
        fail_msg("\"%s\" did not parse", in);
    assert_string_equal(out, want);
}

static void
test_native_semicolon(void **state)
{
    (void)state;
    lis_numfmt f = lis_numfmt_native(';');
    expect_num(&f, "1234", "1234");
    expect_num(&f, "1234,5", "1234.5");
    expect_num(&f, "1.234,50", "1234.50");
    expect_num(&f, "-1.234,50", "-1234.50");
    expect_num(&f, "1.234,50-", "-1234.50");
    expect_num(&f, "(1.234,50)", "-1234.50");
    expect_num(&f, "1 234,5", "1234.5");
    expect_num(&f, "1\xc2\xa0" "234,5", "1234.5"); /* no-break space */
    expect_num(&f, "  42  ", "42");
    expect_num(&f, "12.000.000", "12000000");
    expect_num(&f, "0,5", "0.5");
    expect_num(&f, ",5", "0.5");
    expect_num(&f, "+7", "7");
    expect_num(&f, "\xe2\x88\x92" "3", "-3"); /* U+2212 minus */
    expect_num(&f, "", "");
    expect_num(&f, "   ", "");
    expect_num(&f, "..", "");
    expect_num(&f, " .. ", "");
}

static void
test_native_errors(void **state)
{
    (void)state;
    lis_numfmt f = lis_numfmt_native(';');
    expect_num(&f, "12,3,4", NULL);
    expect_num(&f, "1.5", NULL);      /* a dot groups exactly three digits */
    expect_num(&f, "1234.5", NULL);
    expect_num(&f, "1.23.456", NULL);
    expect_num(&f, "1.2345", NULL);
    expect_num(&f, "abc", NULL);
    expect_num(&f, "1e5", NULL);
    expect_num(&f, "-", NULL);
    expect_num(&f, "1,", NULL);
    expect_num(&f, "--1", NULL);
    expect_num(&f, "(1", NULL);
    expect_num(&f, "1 2", NULL);
    expect_num(&f, "1.234 567", NULL); /* mixed grouping */
    expect_num(&f, ".", NULL);
}

static void
test_native_comma(void **state)
{
    (void)state;
    lis_numfmt f = lis_numfmt_native(',');
    expect_num(&f, "1234.5", "1234.5");
    expect_num(&f, "-2.5", "-2.5");
    expect_num(&f, "1,234.5", "1234.5"); /* quoted in the file */
    expect_num(&f, "1,5", NULL);
    expect_num(&f, "1.234,5", NULL);
}

static void
test_profile_styles(void **state)
{
    (void)state;
    lis_numfmt f = lis_numfmt_native(';');
    f.neg_trailing = f.neg_parentheses = false;
    expect_num(&f, "5-", NULL);
    expect_num(&f, "(5)", NULL);
    expect_num(&f, "-5", "-5");
    f = lis_numfmt_native(';');
    f.dash_is_zero = true;
    f.thousands = ' ';
    expect_num(&f, " -   ", "0");
    expect_num(&f, " -1 362 250 ", "-1362250");
    expect_num(&f, "1.234", NULL); /* no dot grouping in this format */
}

static void
expect_func(const char *in, const char *want)
{
    char out[LIS_FUNC_SIZE];
    if (want == NULL) {
        assert_false(lis_function_code(in, out));
        return;
    }
    assert_true(lis_function_code(in, out));
    assert_string_equal(out, want);
}

static void
test_function_codes(void **state)
{
    (void)state;
    expect_func("32201", "3.22.01");
    expect_func(" 3.22.01 ", "3.22.01");
    expect_func("00501", "0.05.01");
    expect_func("322010", "322010"); /* only five bare digits are rewritten */
    expect_func("3220", "3220");
    expect_func("3.22.01.1", "3.22.01.1");
    expect_func("", NULL);
    expect_func("   ", NULL);
}

static void
expect_period(const char *in, const char *fmt, const char *want)
{
    lis_period p;
    char buf[LIS_PERIOD_NAME_SIZE];
    if (want == NULL) {
        assert_false(lis_period_parse_fmt(in, fmt, &p));
        return;
    }
    if (!lis_period_parse_fmt(in, fmt, &p))
        fail_msg("\"%s\" (%s) did not parse", in, fmt);
    assert_string_equal(lis_period_name(&p, buf), want);
}

static void
test_periods(void **state)
{
    (void)state;
    expect_period("2026-10", "auto", "2026-10");
    expect_period("2026M10", "auto", "2026-10");
    expect_period("202610", "auto", "2026-10");
    expect_period("2026-Q3", "auto", "2026-Q3");
    expect_period("2026K3", "auto", "2026-Q3");
    expect_period("2026", "auto", "2026");
    expect_period("2026-10-31", "auto", "2026-10");
    expect_period("31.10.2026", "auto", "2026-10");
    expect_period("31-10-2026", "auto", "2026-10");
    expect_period(" 2026-03 ", "auto", "2026-03");
    expect_period("10-2026", "mm-yyyy", "2026-10");
    expect_period("10.2026", "mm.yyyy", "2026-10");
    expect_period("20261031", "yyyymmdd", "2026-10");
    expect_period("2026-10", "mm-yyyy", "2026-10"); /* native forms still work */
    expect_period("2026-13", "auto", NULL);
    expect_period("2026-Q5", "auto", NULL);
    expect_period("31.02.2026", "auto", NULL);
    expect_period("13-2026", "mm-yyyy", NULL);
    expect_period("", "auto", NULL);
    expect_period("oktober", "auto", NULL);
}

static void
test_dates(void **state)
{
    (void)state;
    char d[11];
    assert_true(lis_date_parse_fmt("2026-10-31", "auto", d));
    assert_string_equal(d, "2026-10-31");
    assert_true(lis_date_parse_fmt("01.02.2026", "auto", d));
    assert_string_equal(d, "2026-02-01");
    assert_true(lis_date_parse_fmt("29-02-2024", "auto", d));
    assert_string_equal(d, "2024-02-29");
    assert_true(lis_date_parse_fmt("20260105", "yyyymmdd", d));
    assert_string_equal(d, "2026-01-05");
    assert_false(lis_date_parse_fmt("29-02-2026", "auto", d));
    assert_false(lis_date_parse_fmt("2026-10", "auto", d));
}

static void
test_delimiter(void **state)
{
    (void)state;
    assert_int_equal(lis_csv_detect_delimiter("a;b;c", 5), ';');
    assert_int_equal(lis_csv_detect_delimiter("a,b,c", 5), ',');
    assert_int_equal(lis_csv_detect_delimiter("a\tb\tc", 5), '\t');
    assert_int_equal(lis_csv_detect_delimiter("a;b,c", 5), ';');   /* tie: ; first */
    assert_int_equal(lis_csv_detect_delimiter("a\tb,c", 5), '\t'); /* tie: TAB before , */
    assert_int_equal(lis_csv_detect_delimiter("a,b,c;d", 7), ',');
    assert_int_equal(lis_csv_detect_delimiter("\"a;b\",c", 7), ','); /* quoted */
    assert_int_equal(lis_csv_detect_delimiter("abc", 3), ';');
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_native_semicolon), cmocka_unit_test(test_native_errors),
        cmocka_unit_test(test_native_comma),     cmocka_unit_test(test_profile_styles),
        cmocka_unit_test(test_function_codes),   cmocka_unit_test(test_periods),
        cmocka_unit_test(test_dates),            cmocka_unit_test(test_delimiter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
