/*
 * copybin.c - PostgreSQL's binary COPY format: every integer in network byte
 * order, every field preceded by its length (-1 for NULL).
 */
#include "copybin.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* numeric's external form (src/backend/utils/adt/numeric.c, numeric_send):
 * base-10000 digits, the weight of the first (in powers of 10000), the sign
 * and the display scale. */
#define NUMERIC_POS 0x0000
#define NUMERIC_NEG 0x4000
/* Imported text is < LIS_NUM_SIZE (64) bytes; the rollup's quotients have at
 * most 1000 digits after the point (numeric's display limit). */
#define NUMERIC_MAX_GROUPS 512

/* lis_copybin_num takes as many base-10000 groups a division as an
 * unsigned long holds. */
#if ULONG_MAX > 0xFFFFFFFFUL
#define GROUPS_PER_DIVISION 4
#define GROUPS_DIVISOR 10000000000000000UL
#else
#define GROUPS_PER_DIVISION 2
#define GROUPS_DIVISOR 100000000UL
#endif

static void
put16(lis_buf *b, uint16_t v)
{
    char s[2] = {(char)(v >> 8), (char)v};
    lis_buf_add(b, s, 2);
}

static void
put32(lis_buf *b, uint32_t v)
{
    char s[4] = {(char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v};
    lis_buf_add(b, s, 4);
}

/* A numeric field (its length, then the header and groups of numeric_send)
 * appended in one piece: it is the rollup's commonest field. */
static void
put_numeric(lis_buf *b, int nd, int weight, bool neg, int dscale, const uint16_t *groups,
            int step)
{
    unsigned char f[12 + 2 * NUMERIC_MAX_GROUPS];
    uint32_t len = (uint32_t)(8 + 2 * nd);
    uint16_t head[] = {(uint16_t)nd, (uint16_t)(int16_t)weight,
                       neg ? NUMERIC_NEG : NUMERIC_POS, (uint16_t)dscale};
    f[0] = (unsigned char)(len >> 24);
    f[1] = (unsigned char)(len >> 16);
    f[2] = (unsigned char)(len >> 8);
    f[3] = (unsigned char)len;
    size_t k = 4;
    for (int i = 0; i < 4; i++, k += 2)
        f[k] = (unsigned char)(head[i] >> 8), f[k + 1] = (unsigned char)head[i];
    for (int i = 0; i < nd; i++, k += 2, groups += step)
        f[k] = (unsigned char)(*groups >> 8), f[k + 1] = (unsigned char)*groups;
    lis_buf_add(b, (const char *)f, k);
}

void
lis_copybin_header(lis_buf *b)
{
    lis_buf_add(b, "PGCOPY\n\377\r\n\0", 11);
    put32(b, 0); /* flags: no OIDs */
    put32(b, 0); /* header extension length */
}

void
lis_copybin_trailer(lis_buf *b)
{
    put16(b, 0xFFFF);
}

void
lis_copybin_row(lis_buf *b, int nfields)
{
    put16(b, (uint16_t)nfields);
}

void
lis_copybin_null(lis_buf *b)
{
    put32(b, 0xFFFFFFFFu);
}

void
lis_copybin_bool(lis_buf *b, bool v)
{
    put32(b, 1);
    lis_buf_addc(b, v ? 1 : 0);
}

void
lis_copybin_int2(lis_buf *b, int16_t v)
{
    put32(b, 2);
    put16(b, (uint16_t)v);
}

void
lis_copybin_int4(lis_buf *b, int32_t v)
{
    put32(b, 4);
    put32(b, (uint32_t)v);
}

void
lis_copybin_int8(lis_buf *b, int64_t v)
{
    put32(b, 8);
    put32(b, (uint32_t)((uint64_t)v >> 32));
    put32(b, (uint32_t)v);
}

void
lis_copybin_text(lis_buf *b, const char *s, size_t n)
{
    put32(b, (uint32_t)n);
    lis_buf_add(b, s, n);
}

bool
lis_copybin_numeric(lis_buf *b, const char *s)
{
    bool neg = false;
    if (*s == '-')
        neg = true, s++;
    const char *ip = s;
    while (*s >= '0' && *s <= '9')
        s++;
    size_t in = (size_t)(s - ip);
    const char *fp = s;
    size_t fn = 0;
    if (*s == '.') {
        fp = ++s;
        while (*s >= '0' && *s <= '9')
            s++;
        fn = (size_t)(s - fp);
        if (fn == 0)
            return false;
    }
    if (*s != '\0' || in + fn == 0 || in + fn > 4 * (NUMERIC_MAX_GROUPS - 2))
        return false;
    while (in > 0 && *ip == '0') /* leading zeros carry nothing */
        ip++, in--;

    /* Groups of four digits aligned on the decimal point: the integer part
     * padded on the left, the fraction on the right. */
    uint16_t g[NUMERIC_MAX_GROUPS];
    int ig = (int)((in + 3) / 4), fg = (int)((fn + 3) / 4), n = 0;
    size_t pad = (size_t)ig * 4 - in;
    for (int k = 0; k < ig; k++) {
        int v = 0;
        for (size_t j = 0; j < 4; j++) {
            size_t pos = (size_t)k * 4 + j;
            v = v * 10 + (pos < pad ? 0 : ip[pos - pad] - '0');
        }
        g[n++] = (uint16_t)v;
    }
    for (int k = 0; k < fg; k++) {
        int v = 0;
        for (size_t j = 0; j < 4; j++) {
            size_t pos = (size_t)k * 4 + j;
            v = v * 10 + (pos < fn ? fp[pos] - '0' : 0);
        }
        g[n++] = (uint16_t)v;
    }
    int weight = ig - 1, first = 0;
    while (first < n && g[first] == 0) /* numeric stores no zero groups at */
        first++, weight--;             /* either end */
    while (n > first && g[n - 1] == 0)
        n--;
    int nd = n - first;
    if (nd == 0) /* zero (also "-0") is positive with weight 0 */
        weight = 0, neg = false;
    put_numeric(b, nd, weight, neg, (int)fn, g + first, 1);
    return true;
}

/* The base-10000 groups of a numeric straight from its coefficient: what
 * lis_copybin_numeric stores for lis_dec_str's text, without the text. The
 * text's digits and their parsing were a fifth of lis's time in a rollup
 * (issue 10). */
bool
lis_copybin_num(lis_buf *b, const lis_num *x)
{
    if (x->null) {
        lis_copybin_null(b);
        return true;
    }
    static mpz_t t; /* kept: its room is reused */
    static bool have_t;
    if (!have_t) {
        mpz_init(t);
        have_t = true;
    }
    const lis_dec *v = &x->v;
    int scale = v->scale, pad = (4 - scale % 4) % 4;
    /* t = |c| * 10^pad: the decimal point falls between groups */
    mpz_abs(t, v->c);
    if (pad)
        mpz_mul_ui(t, t, pad == 1 ? 10 : pad == 2 ? 100 : 1000);
    /* least significant first, several groups a division */
    uint16_t g[NUMERIC_MAX_GROUPS + GROUPS_PER_DIVISION];
    int n = 0;
    while (mpz_sgn(t) != 0) {
        if (n >= NUMERIC_MAX_GROUPS)
            return false;
        unsigned long r = mpz_tdiv_q_ui(t, t, GROUPS_DIVISOR);
        for (int i = 0; i < GROUPS_PER_DIVISION; i++, r /= 10000)
            g[n++] = (uint16_t)(r % 10000);
    }
    while (n > 0 && g[n - 1] == 0) /* the last division's leading zeros */
        n--;
    /* lis_dec_str writes at least one digit before the point and scale
     * after it, and lis_copybin_numeric takes at most this many */
    int digits = 0;
    if (n > 0) {
        int top = g[n - 1];
        digits = 4 * (n - 1) +
                 (top >= 1000  ? 4
                  : top >= 100 ? 3
                  : top >= 10  ? 2
                               : 1) -
                 pad;
    }
    int whole = digits > scale ? digits - scale : 1;
    if (whole + scale > 4 * (NUMERIC_MAX_GROUPS - 2))
        return false;
    int low = 0; /* numeric stores no zero groups at the end */
    while (low < n && g[low] == 0)
        low++;
    int nd = n - low;
    int weight = nd ? n - (scale + pad) / 4 - 1 : 0;
    put_numeric(b, nd, weight, nd && mpz_sgn(v->c) < 0, scale, nd ? g + n - 1 : g, -1);
    return true;
}

void
lis_copybin_str(lis_buf *b, const char *s)
{
    if (s == NULL)
        lis_copybin_null(b);
    else
        lis_copybin_text(b, s, strlen(s));
}
