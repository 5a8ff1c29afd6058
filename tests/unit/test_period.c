/* test_period.c - periods and windows (engine/period.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "period.h"

static void
expect_period(const char *text, int year, int kind, int first, int last, const char *name)
{
    lis_period p;
    char buf[LIS_PERIOD_NAME_SIZE];
    assert_true(lis_window_parse(text, &p));
    assert_int_equal(p.year, year);
    assert_int_equal(p.kind, kind);
    assert_int_equal(p.first_month, first);
    assert_int_equal(p.last_month, last);
    assert_string_equal(lis_period_name(&p, buf), name);
}

static void
test_months(void **state)
{
    (void)state;
    expect_period("2026-10", 2026, 'M', 10, 10, "2026-10");
    expect_period("2026M10", 2026, 'M', 10, 10, "2026-10");
    expect_period("202610", 2026, 'M', 10, 10, "2026-10");
    expect_period("2026-03", 2026, 'M', 3, 3, "2026-03");
}

static void
test_dates_stand_for_their_month(void **state)
{
    (void)state;
    expect_period("2026-10-31", 2026, 'M', 10, 10, "2026-10");
    expect_period("31.10.2026", 2026, 'M', 10, 10, "2026-10");
    expect_period("31-10-2026", 2026, 'M', 10, 10, "2026-10");
    expect_period("29.02.2024", 2024, 'M', 2, 2, "2024-02");
}

static void
test_quarters_years_ytd(void **state)
{
    (void)state;
    expect_period("2026-Q3", 2026, 'Q', 7, 9, "2026-Q3");
    expect_period("2026K1", 2026, 'Q', 1, 3, "2026-Q1");
    expect_period("2026", 2026, 'Y', 1, 12, "2026");
    expect_period("2026-YTD-03", 2026, 'T', 1, 3, "2026-YTD-03");
}

static void
test_rejects(void **state)
{
    (void)state;
    lis_period p;
    const char *bad[] = {"",           "26",          "2026-13", "2026M00",
                         "202613",     "2026-Q5",     "2026K0",  "2026-Q",
                         "31.02.2026", "29.02.2025",  "2026-1",  "2026-10-32",
                         "abcd",       "2026-YTD-13", " 2026",   "2026/10"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        if (lis_window_parse(bad[i], &p))
            fail_msg("accepted \"%s\"", bad[i]);
    }
    /* Year-to-date is a window, not an input period. */
    assert_false(lis_period_parse("2026-YTD-03", &p));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_months),
        cmocka_unit_test(test_dates_stand_for_their_month),
        cmocka_unit_test(test_quarters_years_ytd),
        cmocka_unit_test(test_rejects),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
