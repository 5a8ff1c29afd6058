/*
 * copybin.c - PostgreSQL's binary COPY format: every integer in network byte
 * order, every field preceded by its length (-1 for NULL).
 */
#include "copybin.h"

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

/* v in network byte order at p; returns the byte after it. */
static unsigned char *
be16(unsigned char *p, uint16_t v)
{
    p[0] = (unsigned char)(v >> 8);
    p[1] = (unsigned char)v;
    return p + 2;
}

static unsigned char *
be32(unsigned char *p, uint32_t v)
{
    return be16(be16(p, (uint16_t)(v >> 16)), (uint16_t)v);
}

static void
put16(lis_buf *b, uint16_t v)
{
    unsigned char s[2];
    be16(s, v);
    lis_buf_add(b, (const char *)s, sizeof s);
}

static void
put32(lis_buf *b, uint32_t v)
{
    unsigned char s[4];
    be32(s, v);
    lis_buf_add(b, (const char *)s, sizeof s);
}

/* A numeric field (its length, then the header and groups of numeric_send)
 * appended in one piece: it is the rollup's commonest field. */
static void
put_numeric(lis_buf *b, int nd, int weight, bool neg, int dscale, const uint16_t *groups)
{
    unsigned char f[12 + 2 * NUMERIC_MAX_GROUPS];
    unsigned char *p = be32(f, (uint32_t)(8 + 2 * nd));
    p = be16(p, (uint16_t)nd);
    p = be16(p, (uint16_t)(int16_t)weight);
    p = be16(p, neg ? NUMERIC_NEG : NUMERIC_POS);
    p = be16(p, (uint16_t)dscale);
    for (int i = 0; i < nd; i++)
        p = be16(p, groups[i]);
    lis_buf_add(b, (const char *)f, (size_t)(p - f));
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
    put_numeric(b, nd, weight, neg, (int)fn, g + first);
    return true;
}

/* A computed figure straight from its coefficient's base-10000 groups: the
 * bytes lis_copybin_numeric stores for lis_dec_str's text, without the
 * text, whose digits and parsing were a fifth of lis's time in a rollup
 * (issue 10). */
bool
lis_copybin_num(lis_buf *b, const lis_num *x)
{
    if (x->null) {
        lis_copybin_null(b);
        return true;
    }
    uint16_t g[NUMERIC_MAX_GROUPS];
    int weight, nd = lis_dec_nbase(&x->v, g, NUMERIC_MAX_GROUPS, &weight);
    if (nd < 0)
        return false;
    /* the text's digits before the point (at least one) and after it, of
     * which lis_copybin_numeric takes at most this many */
    int scale = x->v.scale, whole = 1;
    if (nd > 0 && weight >= 0)
        whole = 4 * weight + (g[0] >= 1000 ? 4 : g[0] >= 100 ? 3 : g[0] >= 10 ? 2 : 1);
    if (whole + scale > 4 * (NUMERIC_MAX_GROUPS - 2))
        return false;
    put_numeric(b, nd, weight, nd && lis_dec_sgn(&x->v) < 0, scale, g);
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
