/* test_rollup_format.c - Danish number format and status words
 * (engine/rollup_format.c), used by the table output of lis show. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rollup_format.h"

static void
expect(const char *text, int decimals, const char *want)
{
    char buf[64];
    assert_string_equal(lis_rollup_format_da(text, decimals, buf, sizeof buf), want);
}

static void
test_grouping_and_decimal_comma(void **state)
{
    (void)state;
    expect("1234.5", 1, "1.234,5");
    expect("2008154.82", 2, "2.008.154,82");
    expect("-1991845.18", 2, "-1.991.845,18");
    expect("13000000", 0, "13.000.000");
    expect("999", 0, "999");
    expect("1000", 0, "1.000");
    expect("0.5", 2, "0,50");
}

static void
test_rounding_for_display_only(void **state)
{
    (void)state;
    expect("5.75", 1, "5,8");
    expect("200.00000000000000000000", 1, "200,0");
    expect("89.9999999", 1, "90,0");
    expect("6526503.165", 0, "6.526.503");
    expect("-0.0001", 1, "0,0");
}

static void
test_no_value(void **state)
{
    (void)state;
    expect("", 2, "");
    char buf[8];
    assert_string_equal(lis_rollup_format_da(NULL, 2, buf, sizeof buf), "");
}

static void
test_status_words(void **state)
{
    (void)state;
    assert_string_equal(lis_rollup_status_da("green"), "grøn");
    assert_string_equal(lis_rollup_status_da("yellow"), "gul");
    assert_string_equal(lis_rollup_status_da("red"), "rød");
    assert_string_equal(lis_rollup_status_da("grey"), "ingen data");
    assert_string_equal(lis_rollup_status_da("not_due"), "ikke aktuel");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grouping_and_decimal_comma),
        cmocka_unit_test(test_rounding_for_display_only),
        cmocka_unit_test(test_no_value),
        cmocka_unit_test(test_status_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
