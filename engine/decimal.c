/*
 * decimal.c - PostgreSQL numeric arithmetic on GMP integers; see decimal.h.
 * The division scale follows select_div_scale in PostgreSQL's
 * src/backend/utils/adt/numeric.c (NBASE 10000, NUMERIC_MIN_SIG_DIGITS 16).
 */
#include "decimal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

enum { MIN_SIG_DIGITS = 16, DEC_DIGITS = 4, NBASE = 10000, MAX_DISPLAY_SCALE = 1000 };

/* lis_dec_nbase takes as many base-10000 groups a division as an unsigned
 * long holds: GMP inverts the divisor at every division. */
#if ULONG_MAX > 0xFFFFFFFFUL
#define GROUPS_PER_DIVISION 4
#define GROUPS_DIVISOR 10000000000000000UL
#else
#define GROUPS_PER_DIVISION 2
#define GROUPS_DIVISOR 100000000UL
#endif

/* The temporaries of the operations below, made once and kept with their
 * room: a fresh GMP number per temporary cost a malloc and a free, and
 * those were a sixth of lis's time in a rollup (issue 10). Each function
 * uses its own, so none is in use twice; lis computes on one thread. */
enum { T_ALIGN, T_LEAD, T_LEAD_P, T_NUM, T_DEN, T_REM, T_ROUND, T_CMP, T_NBASE, N_TEMPS };

static mpz_ptr
temp(int which)
{
    static mpz_t temps[N_TEMPS];
    static bool made;
    if (!made) {
        for (int i = 0; i < N_TEMPS; i++)
            mpz_init(temps[i]);
        made = true;
    }
    return temps[which];
}

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

/* 10^k for the scales the rollup meets, made once: powers were a tenth of
 * the rollup's time when computed at every use. */
enum { POWERS = 64 };
static mpz_t powers[POWERS];
static bool have_powers;

/* 10^k (k >= 0), into *tmp when it is past the table. */
static const mpz_t *
power(int k, mpz_t tmp)
{
    if (!have_powers) {
        for (int i = 0; i < POWERS; i++) {
            mpz_init(powers[i]);
            mpz_ui_pow_ui(powers[i], 10, (unsigned long)i);
        }
        have_powers = true;
    }
    if (k < POWERS)
        return (const mpz_t *)&powers[k];
    mpz_ui_pow_ui(tmp, 10, (unsigned long)k);
    return (const mpz_t *)tmp;
}

/* c * 10^k into r (k >= 0). */
static void
scale_up(mpz_t r, const mpz_t c, int k)
{
    if (k == 0) {
        mpz_set(r, c);
        return;
    }
    mpz_t tmp;
    mpz_init(tmp);
    mpz_mul(r, c, *power(k, tmp));
    mpz_clear(tmp);
}

/* r = op(a, b) for add, sub and cmp at the larger of the two scales; only
 * the operand with the smaller scale is scaled up, into a temporary. */
typedef void (*mpz_op)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static int
aligned(mpz_op op, mpz_t r, const lis_dec *a, const lis_dec *b)
{
    if (a->scale == b->scale) {
        op(r, a->c, b->c);
        return a->scale;
    }
    mpz_ptr t = temp(T_ALIGN);
    if (a->scale < b->scale) {
        scale_up(t, a->c, b->scale - a->scale);
        op(r, t, b->c);
        return b->scale;
    }
    scale_up(t, b->c, a->scale - b->scale);
    op(r, a->c, t);
    return a->scale;
}

void
lis_dec_add(lis_dec *r, const lis_dec *a, const lis_dec *b)
{
    r->scale = aligned(mpz_add, r->c, a, b);
}

void
lis_dec_sub(lis_dec *r, const lis_dec *a, const lis_dec *b)
{
    r->scale = aligned(mpz_sub, r->c, a, b);
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
    mpz_ptr t = temp(T_LEAD), p = temp(T_LEAD_P);
    mpz_abs(t, a->c);
    long d = (long)mpz_sizeinbase(t, 10); /* may be one too many */
    if (mpz_cmp(t, *power((int)d - 1, p)) < 0)
        d--;
    long e = d - 1 - a->scale; /* the exponent of the leading decimal digit */
    long w = e >= 0 ? e / DEC_DIGITS : -((-e + DEC_DIGITS - 1) / DEC_DIGITS);
    long shift = a->scale + DEC_DIGITS * w; /* |a| / 10000^w = t / 10^shift */
    if (shift >= 0)
        mpz_tdiv_q(t, t, *power((int)shift, p));
    else
        mpz_mul(t, t, *power((int)-shift, p));
    *weight = w;
    *first = (long)mpz_get_si(t);
}

int
lis_dec_nbase(const lis_dec *a, uint16_t *groups, int max, int *weight)
{
    /* t = |a| * 10^pad, so that the decimal point falls between groups */
    int pad = (DEC_DIGITS - a->scale % DEC_DIGITS) % DEC_DIGITS;
    mpz_ptr t = temp(T_NBASE);
    scale_up(t, a->c, pad);
    mpz_abs(t, t);
    int n = 0; /* least significant first; the last division's high zeros
                  are not groups */
    while (mpz_sgn(t) != 0) {
        unsigned long r = mpz_tdiv_q_ui(t, t, GROUPS_DIVISOR);
        for (int i = 0; i < GROUPS_PER_DIVISION && (r || mpz_sgn(t)); i++, r /= NBASE) {
            if (n == max)
                return -1;
            groups[n++] = (uint16_t)(r % NBASE);
        }
    }
    *weight = n - (a->scale + pad) / DEC_DIGITS - 1;
    for (int i = 0; i < n / 2; i++) {
        uint16_t g = groups[i];
        groups[i] = groups[n - 1 - i];
        groups[n - 1 - i] = g;
    }
    while (n > 0 && groups[n - 1] == 0)
        n--;
    if (n == 0)
        *weight = 0;
    return n;
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
    mpz_ptr r = temp(T_REM);
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
}

bool
lis_dec_div(lis_dec *r, const lis_dec *a, const lis_dec *b)
{
    if (mpz_sgn(b->c) == 0)
        return false;
    int rs = div_scale(a, b);
    /* a / b * 10^rs = a.c * 10^(rs - a.scale + b.scale) / b.c, and
     * rs >= a.scale, so the power is never negative. */
    mpz_ptr n = temp(T_NUM), d = temp(T_DEN);
    scale_up(n, a->c, rs - a->scale + b->scale);
    mpz_set(d, b->c);
    if (mpz_sgn(d) < 0) {
        mpz_neg(d, d);
        mpz_neg(n, n);
    }
    div_round(r->c, n, d);
    r->scale = rs;
    return true;
}

/* k as a read-only lis_dec of scale 0, on limb (no allocation). */
static lis_dec
small(long k, mp_limb_t *limb)
{
    lis_dec d = {.scale = 0};
    *limb = (mp_limb_t)(k < 0 ? -(unsigned long)k : (unsigned long)k);
    mpz_roinit_n(d.c, limb, k < 0 ? -1 : k > 0);
    return d;
}

bool
lis_dec_div_int(lis_dec *r, const lis_dec *a, long k)
{
    mp_limb_t limb;
    lis_dec b = small(k, &limb);
    return lis_dec_div(r, a, &b);
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
    div_round(r->c, a->c, *power(a->scale - scale, temp(T_ROUND)));
    r->scale = scale;
}

/* r = sign of a - b, as an mpz_op. */
static void
compare(mpz_ptr r, mpz_srcptr a, mpz_srcptr b)
{
    mpz_set_si(r, mpz_cmp(a, b));
}

int
lis_dec_cmp(const lis_dec *a, const lis_dec *b)
{
    if (a->scale == b->scale) {
        int c = mpz_cmp(a->c, b->c);
        return c < 0 ? -1 : c > 0;
    }
    mpz_ptr r = temp(T_CMP);
    aligned(compare, r, a, b);
    return mpz_sgn(r);
}

int
lis_dec_cmp_int(const lis_dec *a, long k)
{
    mp_limb_t limb;
    lis_dec b = small(k, &limb);
    return lis_dec_cmp(a, &b);
}

int
lis_dec_sgn(const lis_dec *a)
{
    return mpz_sgn(a->c);
}

void
lis_num_init(lis_num *x)
{
    x->null = true;
    lis_dec_init(&x->v);
}

void
lis_num_clear(lis_num *x)
{
    lis_dec_clear(&x->v);
}

void
lis_num_set(lis_num *x, const lis_num *a)
{
    x->null = a->null;
    if (!a->null)
        lis_dec_set(&x->v, &a->v);
}

bool
lis_num_set_str(lis_num *x, const char *s)
{
    x->null = s == NULL;
    return x->null || lis_dec_set_str(&x->v, s);
}
