/*
 * decimal.h - exact decimal arithmetic that gives what PostgreSQL's numeric
 * gives: the same value and the same scale (digits after the point), so that
 * figures the rollup computes in C are stored and shown exactly as the SQL
 * computed them before (see rollup_goals.c).
 *
 * A value is an integer coefficient (GMP) and a scale: c * 10^-scale.
 * Addition and subtraction keep the larger scale, multiplication adds the
 * scales, and division chooses its scale as numeric_div does
 * (select_div_scale: at least 16 significant digits) and rounds half away
 * from zero. Results may alias operands.
 */
#ifndef LIS_DECIMAL_H
#define LIS_DECIMAL_H

#include <gmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct lis_dec {
    mpz_t c;
    int scale;
} lis_dec;

void lis_dec_init(lis_dec *d); /* 0 */
void lis_dec_clear(lis_dec *d);
void lis_dec_set(lis_dec *d, const lis_dec *a);
void lis_dec_set_int(lis_dec *d, long v);

/* numeric's text ("-12.50", "3"); false (d unchanged) for anything else. */
bool lis_dec_set_str(lis_dec *d, const char *s);

/* numeric's text of a: the scale's digits after the point, no "-0". The
 * result is malloc'ed. */
char *lis_dec_str(const lis_dec *a);

/* |a| in numeric's base 10000 as numeric stores it: the groups most
 * significant first, without zero groups at either end, into groups (room
 * for max). Returns their number (0 for zero; -1 when more than max) and
 * puts the first group's weight (its power of 10000; 0 for zero) in
 * *weight. */
int lis_dec_nbase(const lis_dec *a, uint16_t *groups, int max, int *weight);

void lis_dec_add(lis_dec *r, const lis_dec *a, const lis_dec *b);
void lis_dec_sub(lis_dec *r, const lis_dec *a, const lis_dec *b);
void lis_dec_mul(lis_dec *r, const lis_dec *a, const lis_dec *b);
void lis_dec_mul_int(lis_dec *r, const lis_dec *a, long k);

/* a / b as numeric_div; false (r unchanged) when b is 0. */
bool lis_dec_div(lis_dec *r, const lis_dec *a, const lis_dec *b);
bool lis_dec_div_int(lis_dec *r, const lis_dec *a, long k);

/* round(a, scale) for scale >= 0: half away from zero, at that scale (also
 * when a has fewer digits: round(1.5, 6) is 1.500000). */
void lis_dec_round(lis_dec *r, const lis_dec *a, int scale);

int lis_dec_cmp(const lis_dec *a, const lis_dec *b);
int lis_dec_cmp_int(const lis_dec *a, long k);
int lis_dec_sgn(const lis_dec *a);

/* A numeric that may be NULL. */
typedef struct lis_num {
    bool null;
    lis_dec v;
} lis_num;

void lis_num_init(lis_num *x); /* NULL */
void lis_num_clear(lis_num *x);
void lis_num_set(lis_num *x, const lis_num *a);
/* x = numeric text s, or NULL when s is NULL; false when s is not numeric. */
bool lis_num_set_str(lis_num *x, const char *s);

#endif
