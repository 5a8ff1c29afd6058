/* test_copybin.c - the binary COPY encoder (connectors/copybin.c): numerics
 * must be the value and scale numeric_in stores for the same text, since the
 * budget import switched from text to binary COPY. tests/db/import_binary.sh
 * checks the same against a real server. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copybin.h"
#include "mem.h"

static unsigned
get16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* Decodes one numeric field as numeric_out (get_str_from_var) prints it, so
 * that the expectations below read as PostgreSQL's numeric::text. */
static void
numeric_text(const unsigned char *p, size_t len, char *out)
{
    unsigned long flen = (unsigned long)get16(p) << 16 | get16(p + 2);
    assert_int_equal(flen, len - 4);
    int nd = (int)get16(p + 4), weight = (int16_t)get16(p + 6);
    unsigned sign = get16(p + 8), dscale = get16(p + 10);
    assert_int_equal(flen, 8 + 2 * (unsigned long)nd);
    assert_true(sign == 0x0000 || sign == 0x4000);
    int digits[512];
    for (int i = 0; i < nd; i++) {
        digits[i] = (int)get16(p + 12 + 2 * i);
        assert_true(digits[i] < 10000);
    }
    if (nd > 0) { /* stored without zero groups at either end */
        assert_int_not_equal(digits[0], 0);
        assert_int_not_equal(digits[nd - 1], 0);
    } else {
        assert_int_equal(weight, 0);
        assert_int_equal(sign, 0x0000);
    }
    char *o = out;
    if (sign == 0x4000)
        *o++ = '-';
    if (weight < 0) {
        *o++ = '0';
    } else {
        for (int g = 0; g <= weight; g++) {
            int v = g < nd ? digits[g] : 0;
            o += sprintf(o, g == 0 ? "%d" : "%04d", v);
        }
    }
    if (dscale > 0) {
        *o++ = '.';
        for (unsigned i = 0; i < dscale; i++) {
            int g = weight + 1 + (int)(i / 4); /* the group holding this digit */
            int v = g >= 0 && g < nd ? digits[g] : 0;
            static const int div[4] = {1000, 100, 10, 1};
            *o++ = (char)('0' + v / div[i % 4] % 10);
        }
    }
    *o = '\0';
}

static void
expect_numeric(const char *in, const char *want)
{
    lis_buf b;
    lis_buf_init(&b);
    bool ok = lis_copybin_numeric(&b, in);
    if (want == NULL) {
        if (ok)
            fail_msg("\"%s\" encoded, expected a refusal", in);
        assert_int_equal(b.len, 0);
        lis_buf_release(&b);
        return;
    }
    if (!ok)
        fail_msg("\"%s\" not encoded", in);
    char text[2100];
    numeric_text((const unsigned char *)b.data, b.len, text);
    if (strcmp(text, want) != 0)
        fail_msg("\"%s\" encoded as %s, expected %s", in, text, want);
    lis_buf_release(&b);
}

static void
test_numeric_values(void **state)
{
    (void)state;
    expect_numeric("0", "0");
    expect_numeric("-0", "0");
    expect_numeric("0.00", "0.00");
    expect_numeric("-0.00", "0.00");
    expect_numeric("007", "7");
    expect_numeric("0.5", "0.5");
    expect_numeric("-0.5", "-0.5");
    expect_numeric("1", "1");
    expect_numeric("-1234.5", "-1234.5");
    expect_numeric("1.10", "1.10");
    expect_numeric("10000", "10000");
    expect_numeric("100000000", "100000000");
    expect_numeric("9999.9999", "9999.9999");
    expect_numeric("0.0001", "0.0001");
    expect_numeric("0.00001", "0.00001");
    expect_numeric("0.0000000001", "0.0000000001");
    expect_numeric("-0.0000000001", "-0.0000000001");
    expect_numeric("0.00000000010000", "0.00000000010000");
    expect_numeric("12345678901234.56", "12345678901234.56");
    expect_numeric("-12345678901234.56", "-12345678901234.56");
    expect_numeric("1234567.89", "1234567.89");
    expect_numeric("3.14159265358979323846264338327950288",
                   "3.14159265358979323846264338327950288");
    expect_numeric("123456789012345678901234567890.123456789012345678901234567",
                   "123456789012345678901234567890.123456789012345678901234567");
}

/* The rollup stores quotients of up to 1000 digits after the point
 * (numeric's display limit); more than 2040 digits are refused. */
static void
test_numeric_long(void **state)
{
    (void)state;
    char in[2100];
    strcpy(in, "-12345678.");
    memset(in + 10, '7', 1000);
    in[1010] = '\0';
    expect_numeric(in, in);
    memset(in, '9', 2041);
    in[2041] = '\0';
    expect_numeric(in, NULL);
}

static void
test_numeric_refused(void **state)
{
    (void)state;
    expect_numeric("", NULL);
    expect_numeric("-", NULL);
    expect_numeric("1.", NULL);
    expect_numeric("1e5", NULL);
    expect_numeric("--1", NULL);
    expect_numeric("1,5", NULL);
    expect_numeric(" 1", NULL);
    expect_numeric("NaN", NULL);
}

/* Byte for byte, the layout of numeric_send: length, ndigits, weight, sign,
 * dscale, base-10000 digits, all big-endian. */
static void
test_numeric_bytes(void **state)
{
    (void)state;
    lis_buf b;
    lis_buf_init(&b);
    assert_true(lis_copybin_numeric(&b, "-12345.678"));
    static const unsigned char want[] = {0, 0, 0, 14, 0, 3,    0,    1,    0x40,
                                         0, 0, 3, 0,  1, 0x09, 0x29, 0x1A, 0x7C};
    /* 1 2345 . 6780: digits 1, 2345 (0x0929), 6780 (0x1A7C); weight 1 */
    assert_int_equal(b.len, sizeof want);
    assert_memory_equal(b.data, want, sizeof want);
    lis_buf_reset(&b);
    assert_true(lis_copybin_numeric(&b, "0.00"));
    static const unsigned char zero[] = {0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 2};
    assert_int_equal(b.len, sizeof zero);
    assert_memory_equal(b.data, zero, sizeof zero);
    lis_buf_release(&b);
}

static void
test_fields(void **state)
{
    (void)state;
    lis_buf b;
    lis_buf_init(&b);
    lis_copybin_header(&b);
    static const unsigned char header[] = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    assert_int_equal(b.len, sizeof header);
    assert_memory_equal(b.data, header, sizeof header);
    lis_buf_reset(&b);
    lis_copybin_row(&b, 10);
    lis_copybin_null(&b);
    lis_copybin_int2(&b, -2);
    lis_copybin_int4(&b, 2026);
    lis_copybin_int8(&b, 0x0102030405060708LL);
    lis_copybin_text(&b, "æ\tb", 4);
    lis_copybin_trailer(&b);
    static const unsigned char want[] = {
        0,    10,  0xFF, 0xFF, 0xFF, 0xFF,             /* row, NULL */
        0,    0,   0,    2,    0xFF, 0xFE,             /* int2 -2 */
        0,    0,   0,    4,    0,    0,    0x07, 0xEA, /* int4 2026 */
        0,    0,   0,    8,    1,    2,    3,    4,    5,    6,
        7,    8,   0,    0,    0,    4,    0xC3, 0xA6, '\t', 'b', /* text as it is */
        0xFF, 0xFF};
    assert_int_equal(b.len, sizeof want);
    assert_memory_equal(b.data, want, sizeof want);
    lis_buf_release(&b);
}

/* A computed figure goes straight from its coefficient to the groups: the
 * bytes must be those of its text (lis_dec_str) through
 * lis_copybin_numeric, for every sign, scale and size. */
static void
expect_same_as_text(const char *text)
{
    lis_num x;
    lis_num_init(&x);
    assert_true(lis_num_set_str(&x, text));
    lis_buf direct, via;
    lis_buf_init(&direct);
    lis_buf_init(&via);
    assert_true(lis_copybin_num(&direct, &x));
    char *s = lis_dec_str(&x.v);
    assert_true(lis_copybin_numeric(&via, s));
    if (direct.len != via.len || memcmp(direct.data, via.data, via.len) != 0)
        fail_msg("%s (%s): the direct bytes differ from the text's", text, s);
    free(s);
    lis_buf_release(&direct);
    lis_buf_release(&via);
    lis_num_clear(&x);
}

/* A figure too long for the text path is refused by the direct one too. */
static void
expect_refused(const char *text)
{
    lis_num x;
    lis_num_init(&x);
    assert_true(lis_num_set_str(&x, text));
    lis_buf b;
    lis_buf_init(&b);
    char *s = lis_dec_str(&x.v);
    assert_false(lis_copybin_numeric(&b, s));
    assert_false(lis_copybin_num(&b, &x));
    free(s);
    lis_buf_release(&b);
    lis_num_clear(&x);
}

static void
test_num_direct(void **state)
{
    (void)state;
    static const char *const values[] = {"0",
                                         "0.00",
                                         "-0.000",
                                         "1",
                                         "-1",
                                         "10000",
                                         "100000000",
                                         "12345.6789",
                                         "0.0001",
                                         "0.00012",
                                         "-0.5",
                                         "99999999.99999999",
                                         "1.10000000000000000000",
                                         "400.29181589070166666667",
                                         "-123456789012345678901234567890.123",
                                         "0.000000000000000000000001",
                                         "5.0",
                                         "5.00",
                                         "2450",
                                         "204.1666666666666667"};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        expect_same_as_text(values[i]);
    /* every scale up to 24 and lengths up to 44 digits, either sign */
    unsigned long seed = 12345;
    for (int i = 0; i < 20000; i++) {
        char digits[64], text[160];
        int len = 1 + (int)(i % 44), scale = (int)(i / 44 % 25);
        for (int k = 0; k < len; k++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            /* runs of zeros now and then, as in round figures */
            digits[k] = (char)('0' + ((seed >> 33) % 3 == 0 ? 0 : (seed >> 40) % 10));
        }
        digits[len] = '\0';
        /* digits before the point (at least "0"), zeros after it, the rest */
        int whole = len > scale ? len - scale : 0, zeros = scale > len ? scale - len : 0;
        snprintf(text, sizeof text, "%s%.*s%s%.*s%s", i % 2 ? "-" : "", whole ? whole : 1,
                 whole ? digits : "0", scale ? "." : "", zeros,
                 "000000000000000000000000", scale ? digits + whole : "");
        expect_same_as_text(text);
    }
    /* the longest figure the text path takes (2,040 digits), then one more,
     * without and with a point */
    char big[2044];
    memset(big, '7', 2042);
    big[2042] = '\0';
    expect_same_as_text(big + 2);
    expect_refused(big + 1);
    big[1500] = '.';
    expect_same_as_text(big + 1);
    expect_refused(big);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numeric_values),  cmocka_unit_test(test_numeric_long),
        cmocka_unit_test(test_numeric_refused), cmocka_unit_test(test_numeric_bytes),
        cmocka_unit_test(test_fields),          cmocka_unit_test(test_num_direct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
