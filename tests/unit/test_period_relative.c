/*
 * test_period_relative.c - "previous" and "current" windows in Copenhagen
 * time (lis_period_relative), whatever the process's TZ. The moments are
 * written in UTC; the expected windows are those of a Copenhagen calendar.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "period.h"

/* A UTC moment, by the test's own arithmetic (not the code under test). */
static time_t
utc(int y, int mo, int d, int h, int mi, int s)
{
    struct tm tm = {.tm_year = y - 1900,
                    .tm_mon = mo - 1,
                    .tm_mday = d,
                    .tm_hour = h,
                    .tm_min = mi,
                    .tm_sec = s};
    return timegm(&tm);
}

static void
expect(lis_period_kind kind, int offset, time_t now, const char *name)
{
    lis_period p;
    char buf[LIS_PERIOD_NAME_SIZE];
    const char *tz = getenv("TZ");
    assert_true(lis_period_relative(kind, offset, now, &p));
    /* the process's TZ is put back */
    if (tz)
        assert_string_equal(getenv("TZ"), tz);
    else
        assert_null(getenv("TZ"));
    assert_int_equal(p.kind, kind);
    assert_string_equal(lis_period_name(&p, buf), name);
}

static void
test_new_year(void **state)
{
    (void)state;
    /* 00:30 on 1 January 2027 in Copenhagen; UTC is still in 2026 */
    time_t t = utc(2026, 12, 31, 23, 30, 0);
    expect(LIS_MONTH, -1, t, "2026-12");
    expect(LIS_QUARTER, -1, t, "2026-Q4");
    expect(LIS_YEAR, -1, t, "2026");
    expect(LIS_MONTH, 0, t, "2027-01");
    expect(LIS_QUARTER, 0, t, "2027-Q1");
    expect(LIS_YEAR, 0, t, "2027");
    /* a minute before midnight in Copenhagen it is still 2026 */
    t = utc(2026, 12, 31, 22, 59, 0);
    expect(LIS_MONTH, -1, t, "2026-11");
    expect(LIS_QUARTER, -1, t, "2026-Q3");
    expect(LIS_YEAR, -1, t, "2025");
}

static void
test_first_of_month_winter(void **state)
{
    (void)state;
    /* 00:30 on 1 March 2026, CET (UTC+1): UTC is still on 28 February */
    time_t t = utc(2026, 2, 28, 23, 30, 0);
    expect(LIS_MONTH, -1, t, "2026-02");
    expect(LIS_QUARTER, -1, t, "2025-Q4");
    expect(LIS_MONTH, 0, t, "2026-03");
    /* 06:00 on the 5th, when lis-monthly.timer fires */
    expect(LIS_MONTH, -1, utc(2026, 3, 5, 5, 0, 0), "2026-02");
}

static void
test_summer_time(void **state)
{
    (void)state;
    /* 00:30 on 1 April 2026, CEST (UTC+2): UTC is 22:30 on 31 March */
    time_t t = utc(2026, 3, 31, 22, 30, 0);
    expect(LIS_MONTH, -1, t, "2026-03");
    expect(LIS_QUARTER, -1, t, "2026-Q1");
    expect(LIS_QUARTER, 0, t, "2026-Q2");
    /* 23:59 on 31 March in Copenhagen: still March */
    t = utc(2026, 3, 31, 21, 59, 0);
    expect(LIS_MONTH, -1, t, "2026-02");
    expect(LIS_QUARTER, -1, t, "2025-Q4");
    /* 00:30 on 1 November 2026, back on CET after 25 October */
    t = utc(2026, 10, 31, 23, 30, 0);
    expect(LIS_MONTH, -1, t, "2026-10");
    expect(LIS_QUARTER, 0, t, "2026-Q4");
    /* 01:30 UTC on 31 October is 02:30 CET, 31 October */
    expect(LIS_MONTH, 0, utc(2026, 10, 31, 1, 30, 0), "2026-10");
}

static void
test_dst_changes(void **state)
{
    (void)state;
    /* 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC */
    expect(LIS_MONTH, 0, utc(2026, 3, 29, 0, 59, 59), "2026-03");
    expect(LIS_MONTH, 0, utc(2026, 3, 29, 1, 0, 0), "2026-03");
    /* 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC */
    expect(LIS_MONTH, 0, utc(2026, 10, 25, 0, 59, 59), "2026-10");
    expect(LIS_MONTH, 0, utc(2026, 10, 25, 1, 0, 0), "2026-10");
    /* DST changing on the last day of a month: 31 March 2024 (02:00 -> 03:00),
     * 31 October 2021 (03:00 -> 02:00); 22:00 UTC is midnight CEST, 23:00 UTC
     * midnight CET */
    expect(LIS_MONTH, 0, utc(2024, 3, 31, 21, 59, 59), "2024-03");
    expect(LIS_MONTH, 0, utc(2024, 3, 31, 22, 0, 0), "2024-04");
    expect(LIS_MONTH, -1, utc(2024, 3, 31, 22, 0, 0), "2024-03");
    expect(LIS_MONTH, 0, utc(2021, 10, 31, 22, 59, 59), "2021-10");
    expect(LIS_MONTH, 0, utc(2021, 10, 31, 23, 0, 0), "2021-11");
    expect(LIS_QUARTER, -1, utc(2021, 10, 31, 23, 0, 0), "2021-Q3");
}

static void
test_other_kinds_refused(void **state)
{
    (void)state;
    lis_period p;
    assert_false(lis_period_relative(LIS_YTD, -1, utc(2026, 5, 1, 12, 0, 0), &p));
}

static void
test_no_tzdata(void **state)
{
    (void)state;
    lis_period p;
    /* glibc reads the zone files from $TZDIR: none there, no answer (rather
     * than a UTC calendar that is wrong an hour or two a month). glibc keeps
     * the zone it loaded while TZ names the same one, so start from another. */
    const char *tz = getenv("TZ");
    char *saved = tz ? strdup(tz) : NULL;
    setenv("TZ", "UTC", 1);
    tzset();
    setenv("TZDIR", "/nonexistent", 1);
    bool found = lis_period_relative(LIS_MONTH, -1, utc(2026, 5, 1, 12, 0, 0), &p);
    unsetenv("TZDIR");
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    free(saved);
    tzset();
    assert_false(found);
    assert_true(lis_period_relative(LIS_MONTH, -1, utc(2026, 5, 1, 12, 0, 0), &p));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_year),
        cmocka_unit_test(test_first_of_month_winter),
        cmocka_unit_test(test_summer_time),
        cmocka_unit_test(test_dst_changes),
        cmocka_unit_test(test_other_kinds_refused),
        cmocka_unit_test(test_no_tzdata),
    };
    /* every case under several process time zones: the answers must not move */
    static const char *const zones[] = {"UTC", "America/Los_Angeles",
                                        "Pacific/Kiritimati", "Europe/Copenhagen"};
    int failed = 0;
    for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
        setenv("TZ", zones[i], 1);
        tzset();
        failed += cmocka_run_group_tests_name(zones[i], tests, NULL, NULL);
    }
    unsetenv("TZ");
    tzset();
    failed += cmocka_run_group_tests_name("TZ unset", tests, NULL, NULL);
    return failed;
}
