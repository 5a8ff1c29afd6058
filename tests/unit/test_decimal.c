/* test_decimal.c - engine/decimal gives what PostgreSQL's numeric gives: the
 * same value and the same scale. Every expected text below is what
 * PostgreSQL 15 printed for the expression in the comment or the case's name
 * (psql, SELECT (expr)::text); tests/db/decimal_pg.sh compares many random
 * operands against a running server. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"

static void
set(lis_dec *d, const char *s)
{
    if (!lis_dec_set_str(d, s))
        fail_msg("\"%s\" was rejected", s);
}

static void
expect_text(const lis_dec *d, const char *want, const char *what)
{
    char *got = lis_dec_str(d);
    bool same = strcmp(got, want) == 0;
    if (!same)
        print_error("%s: got %s, PostgreSQL gives %s\n", what, got, want);
    /* freed once before fail(), which gcc does not know never returns */
    free(got);
    if (!same)
        fail();
}

/* ---------------------------------------------------------------- text */

static void
test_text_round_trip(void **state)
{
    (void)state;
    static const char *const same[] = {
        "0",
        "0.00",
        "-0.50",
        "123.4500",
        "1",
        "-1",
        "0.5",
        "10000",
        "0.0001",
        "-7.10",
        "99999.99",
        "0.000000000001",
        "1000000000000000",
        "123456789012345678901234567890.123456789012345678901234567890",
    };
    lis_dec d;
    lis_dec_init(&d);
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        set(&d, same[i]);
        expect_text(&d, same[i], same[i]);
    }
    /* what numeric_in makes of these: '007.10'::numeric is 7.10 */
    static const char *const normal[][2] = {
        {"007.10", "7.10"}, {"-0", "0"},     {"-0.00", "0.00"}, {"5.", "5"},
        {".5", "0.5"},      {"-.5", "-0.5"}, {"000", "0"},      {"-000.000", "0.000"},
    };
    for (size_t i = 0; i < sizeof normal / sizeof *normal; i++) {
        set(&d, normal[i][0]);
        expect_text(&d, normal[i][1], normal[i][0]);
    }
    lis_dec_clear(&d);
}

static void
test_text_rejects(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",   "-",   ".",  "-.",   "1e5", "abc", "1.2.3",    " 1",     "1 ",
        "+1", "--1", "1-", "0x10", "1,5", "NaN", "Infinity", "1.5e-3", "\t1",
    };
    lis_dec d;
    lis_dec_init(&d);
    set(&d, "42.5");
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        if (lis_dec_set_str(&d, bad[i]))
            fail_msg("\"%s\" was accepted", bad[i]);
        expect_text(&d, "42.5", "a rejected text leaves the value as it was");
    }
    lis_dec_clear(&d);
}

/* ------------------------------------------------------------ arithmetic */

typedef enum { ADD, SUB, MUL, DIV } op;
static const char op_char[] = "+-*/";

typedef struct {
    op o;
    const char *a, *b, *want;
} binary_case;

static void
run_binary(const binary_case *cases, size_t n)
{
    lis_dec a, b, r;
    lis_dec_init(&a);
    lis_dec_init(&b);
    lis_dec_init(&r);
    for (size_t i = 0; i < n; i++) {
        const binary_case *c = &cases[i];
        set(&a, c->a);
        set(&b, c->b);
        switch (c->o) {
        case ADD:
            lis_dec_add(&r, &a, &b);
            break;
        case SUB:
            lis_dec_sub(&r, &a, &b);
            break;
        case MUL:
            lis_dec_mul(&r, &a, &b);
            break;
        case DIV:
            assert_true(lis_dec_div(&r, &a, &b));
            break;
        }
        char what[160];
        snprintf(what, sizeof what, "%s %c %s", c->a, op_char[c->o], c->b);
        expect_text(&r, c->want, what);
    }
    lis_dec_clear(&a);
    lis_dec_clear(&b);
    lis_dec_clear(&r);
}

static void
test_add_sub_mul_scales(void **state)
{
    (void)state;
    static const binary_case cases[] = {
        {ADD, "1.5", "2.25", "3.75"},
        {SUB, "1.50", "1.5", "0.00"},
        {ADD, "-0.5", "0.50", "0.00"},
        {SUB, "0.1", "0.35", "-0.25"},
        {SUB, "-1.25", "1", "-2.25"},
        {SUB, "-1", "0.25", "-1.25"},
        {ADD, "99999.99", "0.01", "100000.00"},
        {ADD, "0", "0.000", "0.000"},
        {SUB, "0.000", "0.000", "0.000"},
        {MUL, "1.5", "2.25", "3.375"},
        {MUL, "0.10", "0.20", "0.0200"},
        {MUL, "-3", "0.0", "0.0"},
        {MUL, "-0.5", "0.002", "-0.0010"},
        {MUL, "100", "0.125", "12.500"},
        {MUL, "-1.00", "-1.00", "1.0000"},
        {MUL, "0.000000000001", "0.000000000001", "0.000000000000000000000001"},
    };
    run_binary(cases, sizeof cases / sizeof *cases);
}

static void
test_div(void **state)
{
    (void)state;
    static const binary_case cases[] = {
        /* the scale: at least 16 significant digits, never less than the
         * operands' scales */
        {DIV, "1", "3", "0.33333333333333333333"},
        {DIV, "2", "3", "0.66666666666666666667"},
        {DIV, "10", "4", "2.5000000000000000"},
        {DIV, "2.50", "0.4", "6.2500000000000000"},
        {DIV, "-7", "2.0", "-3.5000000000000000"},
        {DIV, "1", "8", "0.12500000000000000000"},
        {DIV, "1", "7", "0.14285714285714285714"},
        {DIV, "100", "7", "14.2857142857142857"},
        {DIV, "12.5", "100", "0.12500000000000000000"},
        {DIV, "1", "0.3", "3.3333333333333333"},
        {DIV, "2", "0.6", "3.3333333333333333"},
        /* the dividend's scale is more than 16 significant digits need */
        {DIV, "1.5000000000000000000000", "3", "0.5000000000000000000000"},
        {DIV, "0.1234567890123456789012", "1", "0.1234567890123456789012"},
        {DIV, "1234567.12345678901234", "7", "176366.73192239843033"},
        /* a zero dividend: its weight counts as 0 */
        {DIV, "0", "5", "0.00000000000000000000"},
        {DIV, "0.000", "5", "0.00000000000000000000"},
        {DIV, "0", "0.001", "0.0000000000000000"},
        /* tiny and huge */
        {DIV, "0.000000000001", "3", "0.00000000000033333333333333333333"},
        {DIV, "1000000000000000", "7", "142857142857142.8571"},
        {DIV, "123456789012345678", "3", "41152263004115226"},
        {DIV, "100000000000000000000", "3", "33333333333333333333"},
        {DIV, "0.0000000000000000000001", "3",
         "0.0000000000000000000000333333333333333333"},
        {DIV, "1000000000000000", "0.000000000001",
         "1000000000000000000000000000.000000000000"},
        {DIV, "0.000000000001", "1000000000000000",
         "0.00000000000000000000000000100000000000000000"},
        /* base-10000 digits: equal first digits assume a quotient below 1 */
        {DIV, "9999", "10000", "0.99990000000000000000"},
        {DIV, "10000", "9999", "1.0001000100010001"},
        {DIV, "1234.5678", "1234.5679", "0.99999991899999991900"},
        {DIV, "1234.5679", "1234.5678", "1.00000008100000664200"},
        {DIV, "1234.5678", "1234.5678", "1.00000000000000000000"},
        {DIV, "5000", "5001", "0.99980003999200159968"},
        {DIV, "5001", "5000", "1.0002000000000000"},
        {DIV, "1", "10000", "0.000100000000000000000000"},
        {DIV, "10000", "1", "10000.0000000000000000"},
        /* signs */
        {DIV, "-1", "-3", "0.33333333333333333333"},
        {DIV, "1", "-3", "-0.33333333333333333333"},
        {DIV, "-1", "3", "-0.33333333333333333333"},
        {DIV, "-2", "3", "-0.66666666666666666667"},
        /* the exact quotient is a tie at the result's scale: away from 0 */
        {DIV, "1.00000000000000000001", "2", "0.50000000000000000001"},
        {DIV, "-1.00000000000000000001", "2", "-0.50000000000000000001"},
        {DIV, "1.00000000000000000001", "-2", "-0.50000000000000000001"},
        {DIV, "1.00000000000000000003", "2", "0.50000000000000000002"},
    };
    run_binary(cases, sizeof cases / sizeof *cases);
}

/* x followed by n copies of c, then y (malloc'ed). */
static char *
repeat(const char *x, char c, size_t n, const char *y)
{
    size_t lx = strlen(x), ly = strlen(y);
    char *s = malloc(lx + n + ly + 1);
    assert_non_null(s);
    memcpy(s, x, lx);
    memset(s + lx, c, n);
    memcpy(s + lx + n, y, ly + 1);
    return s;
}

/* a / b is want; frees the three texts. */
static void
expect_div_free(char *as, char *bs, char *want)
{
    lis_dec a, b, r;
    lis_dec_init(&a);
    lis_dec_init(&b);
    lis_dec_init(&r);
    set(&a, as);
    set(&b, bs);
    assert_true(lis_dec_div(&r, &a, &b));
    expect_text(&r, want, "a quotient of long operands");
    free(as);
    free(bs);
    free(want);
    lis_dec_clear(&a);
    lis_dec_clear(&b);
    lis_dec_clear(&r);
}

/* The quotient's scale stops at NUMERIC_MAX_DISPLAY_SCALE, 1000. */
static void
test_div_scale_limit(void **state)
{
    (void)state;
    /* 1 / 1e990 is 0.(989 zeros)1(10 zeros) */
    expect_div_free(repeat("1", '0', 0, ""), repeat("1", '0', 990, ""),
                    repeat("0.", '0', 989, "10000000000"));
    /* 1e-600 / 1e600 rounds to 0 at scale 1000 */
    expect_div_free(repeat("0.", '0', 599, "1"), repeat("1", '0', 600, ""),
                    repeat("0.", '0', 1000, ""));
    /* 1e40 / 3: the 16 significant digits are all before the point */
    expect_div_free(repeat("1", '0', 40, ""), repeat("3", '0', 0, ""),
                    repeat("", '3', 40, ""));
}

static void
test_div_by_zero(void **state)
{
    (void)state;
    lis_dec a, z, r;
    lis_dec_init(&a);
    lis_dec_init(&z);
    lis_dec_init(&r);
    set(&a, "1.5");
    set(&z, "0.00");
    set(&r, "7.25");
    assert_false(lis_dec_div(&r, &a, &z));
    assert_false(lis_dec_div_int(&r, &a, 0));
    expect_text(&r, "7.25", "a division by zero leaves the result as it was");
    lis_dec_clear(&a);
    lis_dec_clear(&z);
    lis_dec_clear(&r);
}

static void
test_int_operands(void **state)
{
    (void)state;
    lis_dec a, r;
    lis_dec_init(&a);
    lis_dec_init(&r);
    set(&a, "1234.50");
    lis_dec_mul_int(&r, &a, 7);
    expect_text(&r, "8641.50", "1234.50 * 7");
    assert_true(lis_dec_div_int(&r, &r, 12)); /* 1234.50 * 7 / 12 */
    expect_text(&r, "720.1250000000000000", "1234.50 * 7 / 12");
    set(&a, "-1");
    assert_true(lis_dec_div_int(&r, &a, 3));
    expect_text(&r, "-0.33333333333333333333", "-1 / 3");
    lis_dec_set_int(&r, -42);
    expect_text(&r, "-42", "set_int");
    /* results may alias the operands */
    set(&a, "2.5");
    lis_dec_mul(&a, &a, &a);
    expect_text(&a, "6.25", "2.5 * 2.5 in place");
    lis_dec_clear(&a);
    lis_dec_clear(&r);
}

/* The progress attainment of SPEC section 3 on the worked example's figures. */
static void
test_chained(void **state)
{
    (void)state;
    lis_dec act, base, tgt, x, y;
    lis_dec_init(&act);
    lis_dec_init(&base);
    lis_dec_init(&tgt);
    lis_dec_init(&x);
    lis_dec_init(&y);
    set(&act, "87.5");
    set(&base, "80");
    set(&tgt, "95");
    lis_dec_sub(&x, &act, &base);
    lis_dec_mul_int(&x, &x, 100);
    lis_dec_sub(&y, &tgt, &base);
    assert_true(lis_dec_div(&x, &x, &y));
    expect_text(&x, "50.0000000000000000", "(87.5 - 80) * 100 / (95 - 80)");
    lis_dec_clear(&act);
    lis_dec_clear(&base);
    lis_dec_clear(&tgt);
    lis_dec_clear(&x);
    lis_dec_clear(&y);
}

/* ---------------------------------------------------------------- round */

static void
test_round(void **state)
{
    (void)state;
    static const struct {
        const char *a;
        int s;
        const char *want;
    } cases[] = {
        {"1.2345675", 6, "1.234568"},
        {"-1.2345675", 6, "-1.234568"},
        {"1.2345665", 6, "1.234567"},
        {"1.2345664999", 6, "1.234566"},
        {"0.0000005", 6, "0.000001"},
        {"-0.0000005", 6, "-0.000001"},
        {"-0.0000004", 6, "0.000000"},
        {"2.5", 0, "3"},
        {"-2.5", 0, "-3"},
        {"-0.4", 0, "0"},
        {"99.9999995", 6, "100.000000"},
        {"0.33333333333333333333", 6, "0.333333"},
        {"-0.66666666666666666667", 6, "-0.666667"},
        /* round(x, s) gives scale s also when x has fewer digits */
        {"1.5", 6, "1.500000"},
        {"7", 6, "7.000000"},
        {"0", 6, "0.000000"},
        {"33333333333333333333", 6, "33333333333333333333.000000"},
    };
    lis_dec a, r;
    lis_dec_init(&a);
    lis_dec_init(&r);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char what[80];
        snprintf(what, sizeof what, "round(%s, %d)", cases[i].a, cases[i].s);
        set(&a, cases[i].a);
        lis_dec_round(&r, &a, cases[i].s);
        expect_text(&r, cases[i].want, what);
        lis_dec_round(&a, &a, cases[i].s); /* in place */
        expect_text(&a, cases[i].want, what);
    }
    lis_dec_clear(&a);
    lis_dec_clear(&r);
}

/* ------------------------------------------------------------------ cmp */

static void
test_cmp(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        int want;
    } cases[] = {
        {"1.0", "1.00", 0},  {"0.00", "0", 0},      {"100.000000", "100", 0},
        {"1.0", "1.01", -1}, {"-0.5", "-0.49", -1}, {"-0.49", "-0.5", 1},
        {"10", "9.999", 1},  {"-0", "0.0", 0},      {"0.000000000001", "0", 1},
    };
    lis_dec a, b;
    lis_dec_init(&a);
    lis_dec_init(&b);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        set(&a, cases[i].a);
        set(&b, cases[i].b);
        if (lis_dec_cmp(&a, &b) != cases[i].want)
            fail_msg("cmp(%s, %s) is %d, not %d", cases[i].a, cases[i].b,
                     lis_dec_cmp(&a, &b), cases[i].want);
        if (lis_dec_cmp(&b, &a) != -cases[i].want)
            fail_msg("cmp(%s, %s) is not %d", cases[i].b, cases[i].a, -cases[i].want);
    }
    set(&a, "100.00");
    assert_int_equal(lis_dec_cmp_int(&a, 100), 0);
    assert_int_equal(lis_dec_cmp_int(&a, 101), -1);
    set(&a, "-0.01");
    assert_int_equal(lis_dec_cmp_int(&a, 0), -1);
    assert_int_equal(lis_dec_sgn(&a), -1);
    set(&a, "0.00");
    assert_int_equal(lis_dec_sgn(&a), 0);
    lis_dec_clear(&a);
    lis_dec_clear(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_round_trip),
        cmocka_unit_test(test_text_rejects),
        cmocka_unit_test(test_add_sub_mul_scales),
        cmocka_unit_test(test_div),
        cmocka_unit_test(test_div_scale_limit),
        cmocka_unit_test(test_div_by_zero),
        cmocka_unit_test(test_int_operands),
        cmocka_unit_test(test_chained),
        cmocka_unit_test(test_round),
        cmocka_unit_test(test_cmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
