/*
 * decimal.c - PostgreSQL numeric arithmetic on GMP integers; see decimal.h.
 * The division scale follows select_div_scale in PostgreSQL's
 * src/backend/utils/adt/numeric.c (NBASE 10000, NUMERIC_MIN_SIG_DIGITS 16).
 */
#include "decimal.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

enum { MIN_SIG_DIGITS = 16, DEC_DIGITS = 4, MAX_DISPLAY_SCALE = 1000 };

void
lis_dec_init(lis_dec *d)
{
    mpz_init(d->c);
    d->scale = 0;
}

void
lis_dec_clear(lis_dec *d)
{
    mpz_clear(d->c);
}

void
lis_dec_set(lis_dec *d, const lis_dec *a)
{
    mpz_set(d->c, a->c);
    d->scale = a->scale;
}

void
lis_dec_set_int(lis_dec *d, long v)
{
    mpz_set_si(d->c, v);
    d->scale = 0;
}

bool
lis_dec_set_str(lis_dec *d, const char *s)
{
    const char *p = s + (*s == '-');
    size_t ni = strspn(p, "0123456789");
    const char *f = p + ni;
    size_t nf = 0;
    if (*f == '.')
        nf = strspn(++f, "0123456789");
    if (ni + nf == 0 || f[nf] != '\0' || nf > MAX_DISPLAY_SCALE)
        return false;
    char *digits = lis_xmalloc(ni + nf + 2);
    char *o = digits;
    if (*s == '-')
        *o++ = '-';
    memcpy(o, p, ni);
    memcpy(o + ni, f, nf);
    o[ni + nf] = '\0';
    mpz_set_str(d->c, digits, 10);
    free(digits);
    d->scale = (int)nf;
    return true;
}

char *
lis_dec_str(const lis_dec *a)
{
    char *digits = mpz_get_str(NULL, 10, a->c);
    const char *abs = digits + (digits[0] == '-');
    size_t n = strlen(abs), s = (size_t)a->scale;
    size_t width = n > s ? n : s + 1; /* at least one digit before the point */
    char *out = lis_xmalloc(width + 3), *o = out;
    if (mpz_sgn(a->c) < 0)
        *o++ = '-';
    memset(o, '0', width - n);
    memcpy(o + width - n, abs, n);
    o += width;
    if (s > 0) {
        memmove(o - s + 1, o - s, s);
        o[-(long)s] = '.';
        o++;
    }
    *o = '\0';
    free(digits);
    return out;
}

/* c * 10^k into r (k >= 0). */
static void
scale_up(mpz_t r, const mpz_t c, int k)
{
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, (unsigned long)k);
    mpz_mul(r, c, p);
    mpz_clear(p);
}

/* a and b at the larger of their scales, into x and y; returns that scale. */
static int
align(mpz_t x, mpz_t y, const lis_dec *a, const lis_dec *b)
{
    int s = a->scale > b->scale ? a->scale : b->scale;
    scale_up(x, a->c, s - a->scale);
    scale_up(y, b->c, s - b->scale);
    return s;
}

void
lis_dec_add(lis_dec *r, const lis_dec *a, const lis_dec *b)
{
    mpz_t x, y;
    mpz_inits(x, y, NULL);
    r->scale = align(x, y, a, b);
    mpz_add(r->c, x, y);
    mpz_clears(x, y, NULL);
}

void
lis_dec_sub(lis_dec *r, const lis_dec *a, const lis_dec *b)
{
    mpz_t x, y;
    mpz_inits(x, y, NULL);
    r->scale = align(x, y, a, b);
    mpz_sub(r->c, x, y);
    mpz_clears(x, y, NULL);
}

void
lis_dec_mul(lis_dec *r, const lis_dec *a, const lis_dec *b)
{
    int s = a->scale + b->scale;
    mpz_mul(r->c, a->c, b->c);
    r->scale = s;
}

void
lis_dec_mul_int(lis_dec *r, const lis_dec *a, long k)
{
    mpz_mul_si(r->c, a->c, k);
    r->scale = a->scale;
}

/* The weight (power of 10000) and the value of the first non-zero base-10000
 * digit of |a|, as numeric stores it; 0 and 0 for zero. */
static void
nbase_lead(const lis_dec *a, long *weight, long *first)
{
    *weight = 0;
    *first = 0;
    if (mpz_sgn(a->c) == 0)
        return;
    mpz_t t;
    mpz_init(t);
    mpz_abs(t, a->c);
    long d = (long)mpz_sizeinbase(t, 10); /* may be one too many */
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, (unsigned long)(d - 1));
    if (mpz_cmp(t, p) < 0)
        d--;
    long e = d - 1 - a->scale; /* the exponent of the leading decimal digit */
    long w = e >= 0 ? e / DEC_DIGITS : -((-e + DEC_DIGITS - 1) / DEC_DIGITS);
    long shift = a->scale + DEC_DIGITS * w; /* |a| / 10000^w = t / 10^shift */
    if (shift >= 0) {
        mpz_ui_pow_ui(p, 10, (unsigned long)shift);
        mpz_tdiv_q(t, t, p);
    } else {
        mpz_ui_pow_ui(p, 10, (unsigned long)-shift);
        mpz_mul(t, t, p);
    }
    *weight = w;
    *first = (long)mpz_get_si(t);
    mpz_clears(t, p, NULL);
}

/* numeric_div's result scale for a / b. */
static int
div_scale(const lis_dec *a, const lis_dec *b)
{
    long w1, f1, w2, f2;
    nbase_lead(a, &w1, &f1);
    nbase_lead(b, &w2, &f2);
    long qweight = w1 - w2;
    if (f1 <= f2)
        qweight--;
    long rscale = MIN_SIG_DIGITS - qweight * DEC_DIGITS;
    if (rscale < a->scale)
        rscale = a->scale;
    if (rscale < b->scale)
        rscale = b->scale;
    if (rscale < 0)
        rscale = 0;
    if (rscale > MAX_DISPLAY_SCALE)
        rscale = MAX_DISPLAY_SCALE;
    return (int)rscale;
}

/* q = n / d rounded half away from zero (d > 0). q may be n: the direction
 * comes from the remainder, which has n's sign, because q may be 0 by then
 * (round(-0.0000005, 6) is -0.000001). */
static void
div_round(mpz_t q, const mpz_t n, const mpz_t d)
{
    mpz_t r;
    mpz_init(r);
    mpz_tdiv_qr(q, r, n, d);
    int sign = mpz_sgn(r);
    mpz_abs(r, r);
    mpz_mul_2exp(r, r, 1);
    if (mpz_cmp(r, d) >= 0) {
        if (sign < 0)
            mpz_sub_ui(q, q, 1);
        else
            mpz_add_ui(q, q, 1);
    }
    mpz_clear(r);
}

bool
lis_dec_div(lis_dec *r, const lis_dec *a, const lis_dec *b)
{
    if (mpz_sgn(b->c) == 0)
        return false;
    int rs = div_scale(a, b);
    /* a / b * 10^rs = a.c * 10^(rs - a.scale + b.scale) / b.c, and
     * rs >= a.scale, so the power is never negative. */
    mpz_t n, d;
    mpz_inits(n, d, NULL);
    scale_up(n, a->c, rs - a->scale + b->scale);
    mpz_set(d, b->c);
    if (mpz_sgn(d) < 0) {
        mpz_neg(d, d);
        mpz_neg(n, n);
    }
    div_round(r->c, n, d);
    r->scale = rs;
    mpz_clears(n, d, NULL);
    return true;
}

bool
lis_dec_div_int(lis_dec *r, const lis_dec *a, long k)
{
    lis_dec b;
    lis_dec_init(&b);
    lis_dec_set_int(&b, k);
    bool ok = lis_dec_div(r, a, &b);
    lis_dec_clear(&b);
    return ok;
}

/* The result has the given scale also when a has fewer digits, as
 * round_var sets dscale: round(1.5, 6) is 1.500000. */
void
lis_dec_round(lis_dec *r, const lis_dec *a, int scale)
{
    if (a->scale <= scale) {
        scale_up(r->c, a->c, scale - a->scale);
        r->scale = scale;
        return;
    }
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, (unsigned long)(a->scale - scale));
    div_round(r->c, a->c, p);
    r->scale = scale;
    mpz_clear(p);
}

int
lis_dec_cmp(const lis_dec *a, const lis_dec *b)
{
    mpz_t x, y;
    mpz_inits(x, y, NULL);
    align(x, y, a, b);
    int c = mpz_cmp(x, y);
    mpz_clears(x, y, NULL);
    return c < 0 ? -1 : c > 0;
}

int
lis_dec_cmp_int(const lis_dec *a, long k)
{
    lis_dec b;
    lis_dec_init(&b);
    lis_dec_set_int(&b, k);
    int c = lis_dec_cmp(a, &b);
    lis_dec_clear(&b);
    return c;
}

int
lis_dec_sgn(const lis_dec *a)
{
    return mpz_sgn(a->c);
}
