/*
 * decimal_pg.c - the driver of tests/db/decimal_pg.sh: engine/decimal
 * against PostgreSQL's numeric on many random operands.
 *
 *   decimal_pg rows SEED N      N rows of operands, tab-separated:
 *                               id a b c d m k1 k2 k3 k4
 *   decimal_pg groups SEED N    N groups of (weight, attainment) rows:
 *                               gid w att
 *   decimal_pg check KIND CASES PG BINARY
 *                               computes what decimal_pg.sh asks PostgreSQL
 *                               for each row (rows) or group (groups) of
 *                               CASES and compares the text with PG (COPY
 *                               text output of that query, in id order);
 *                               prints the first mismatches, exits 1 if any.
 *                               Writes our results to BINARY as the rollup
 *                               sends them (binary COPY, lis_copybin_num),
 *                               so that decimal_pg.sh can check that the
 *                               server stores the same text.
 *
 * The expressions here and in decimal_pg.sh are the same list, in the same
 * order: change both together. They are the shapes of the SQL that
 * engine/rollup_goals.c and rollup_economy.c replaced (SPEC section 3; the
 * statements rollup_indicator.sql, rollup_goal.sql and rollup_economy.sql
 * before commit ca3a29f).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copybin.h"
#include "decimal.h"

enum { MAX_FIELDS = 32, MAX_REPORTED = 10 };

/* ------------------------------------------------------------ generator */

static uint64_t rng_state;

/* splitmix64: the same sequence on every machine for a seed. */
static uint64_t
rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static int
below(int n)
{
    return (int)(rnd() % (uint64_t)n);
}

/* A decimal text of a random value whose leading digit is at 10^exp, with
 * scale digits after the point (exp >= -scale), maybe negative, with only
 * sig significant digits before zeros. */
static void
gen_value(char *out, int exp, int scale, int sig, bool neg)
{
    char digits[80];
    int n = exp + scale + 1; /* digits of the coefficient */
    for (int i = 0; i < n; i++)
        digits[i] = (char)(i == 0 ? '1' + below(9) : i < sig ? '0' + below(10) : '0');
    digits[n] = '\0';
    char *o = out;
    if (neg)
        *o++ = '-';
    if (n <= scale) { /* 0.000ddd */
        o += sprintf(o, "0.");
        for (int i = 0; i < scale - n; i++)
            *o++ = '0';
        strcpy(o, digits);
    } else if (scale == 0) {
        strcpy(o, digits);
    } else {
        memcpy(o, digits, (size_t)(n - scale));
        o += n - scale;
        *o++ = '.';
        strcpy(o, digits + n - scale);
    }
}

/* One operand: mixed magnitudes 1e-12 .. 1e15, scales 0..12, both signs,
 * zeros, and the base-10000 edges. */
static void
gen_operand(char *out)
{
    static const char *const edges[] = {
        "1",        "9999",      "10000",      "10001", "0.0001", "0.9999",    "1.0000",
        "99999999", "100000000", "0.00009999", "0.5",   "100",    "100.00",    "12",
        "3",        "7",         "0.3",        "1000",  "5000",   "4999.9999",
    };
    int r = below(100);
    if (r < 5) { /* zero at some scale */
        int s = below(13);
        strcpy(out, s ? "0." : "0");
        for (int i = 0; i < s; i++)
            strcat(out, "0");
        return;
    }
    if (r < 12) {
        sprintf(out, "%s%s", below(4) ? "" : "-",
                edges[below((int)(sizeof edges / sizeof *edges))]);
        return;
    }
    int scale = below(13);
    int exp = below(28) - 12;
    if (exp < -scale)
        exp = -scale;
    int sig = below(3) ? 1 + below(6) : 40; /* figures like 1234.50 or full */
    gen_value(out, exp, scale, sig, below(10) < 3);
}

/* b from a: the same value at another scale, the same leading digits, or a
 * shift by powers of 10 (by 4: the same first base-10000 digit). */
static void
gen_related(char *b, const char *a)
{
    strcpy(b, a);
    int r = below(4);
    char *dot = strchr(b, '.');
    if (r == 0) { /* another scale */
        if (dot && below(2)) {
            char *e = b + strlen(b);
            while (e > dot + 1 && e[-1] == '0')
                *--e = '\0';
            if (e == dot + 1 && below(2))
                *dot = '\0';
        } else {
            if (!dot)
                strcat(b, ".");
            for (int i = below(4); i >= 0; i--)
                strcat(b, "0");
        }
    } else if (r == 1) { /* the same leading digits, another tail */
        size_t n = strlen(b);
        for (size_t i = n > 3 ? n - 1 - (size_t)below(3) : n; i < n; i++)
            if (b[i] >= '0' && b[i] <= '9')
                b[i] = (char)('0' + below(10));
    } else { /* times 10^k, k a multiple of 4 or not */
        int k = (below(2) ? 4 : 1) * (below(2) ? 1 : -1) * (1 + below(3));
        lis_dec d, p;
        lis_dec_init(&d);
        lis_dec_init(&p);
        if (!lis_dec_set_str(&d, a))
            abort();
        lis_dec_set_int(&p, 1);
        if (k > 0) {
            for (int i = 0; i < k; i++)
                lis_dec_mul_int(&p, &p, 10);
        } else {
            p.scale = -k; /* 10^k as 1 * 10^-(-k) */
        }
        lis_dec_mul(&d, &d, &p);
        char *s = lis_dec_str(&d);
        strcpy(b, s);
        free(s);
        lis_dec_clear(&d);
        lis_dec_clear(&p);
    }
    if (below(8) == 0 && b[0] != '-') { /* and the other sign */
        memmove(b + 1, b, strlen(b) + 1);
        b[0] = '-';
    }
}

/* a with many digits after the point and an odd last digit, over an even
 * divisor: the exact quotient can be a tie at the quotient's scale; or a
 * value with a 5 in its 7th decimal: a tie for round(x, 6). */
static void
gen_tie(char *a, char *b)
{
    static const char *const divisors[] = {"2",  "-2", "2.0",       "20",        "0.2",
                                           "4",  "8",  "200000000", "1",         "0.5",
                                           "-1", "10", "0.25",      "2.00000000"};
    strcpy(b, divisors[below((int)(sizeof divisors / sizeof *divisors))]);
    if (below(2)) {
        gen_value(a, below(8) - 4, 16 + below(9), 40, below(2));
        size_t n = strlen(a);
        a[n - 1] = (char)('1' + 2 * below(5));
    } else {
        gen_value(a, below(6) - 3, 7, 40, below(2));
        a[strlen(a) - 1] = '5';
    }
}

static void
gen_rows(long n)
{
    char a[128], b[128], c[128], d[128];
    for (long id = 1; id <= n; id++) {
        int mode = below(100);
        if (mode < 10) {
            gen_tie(a, b);
        } else if (mode < 40) {
            gen_operand(a);
            gen_related(b, a);
        } else {
            gen_operand(a);
            gen_operand(b);
        }
        int cm = below(10);
        if (cm == 0)
            strcpy(c, b); /* c - b = 0: no progress attainment */
        else if (cm < 4)
            gen_related(c, b);
        else
            gen_operand(c);
        gen_operand(d);
        printf("%ld\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\n", id, a, b, c, d, 1 + below(12),
               below(4), below(4), below(4), below(4));
    }
}

/* Attainments as the rollup stores them: quotients (scale 16 and more),
 * 100 and 200, exactly 100 at other scales, above and below 100. */
static void
gen_att(char *out)
{
    static const char *const fixed[] = {"100",
                                        "200",
                                        "100.0000000000000000",
                                        "100.00",
                                        "0",
                                        "99.99999999999999999999",
                                        "100.00000000000000000001"};
    int r = below(10);
    if (r < 3) {
        strcpy(out, fixed[below((int)(sizeof fixed / sizeof *fixed))]);
        return;
    }
    gen_value(out, below(4), 16 + below(6), 40, below(10) == 0);
}

static void
gen_groups(long n)
{
    static const char *const weights[] = {"1",    "2",     "0.5", "0",
                                          "1.25", "3.000", "0.1", "10"};
    char w[32], att[128];
    for (long gid = 1; gid <= n; gid++) {
        int rows = 1 + below(6);
        for (int i = 0; i < rows; i++) {
            strcpy(w, weights[below((int)(sizeof weights / sizeof *weights))]);
            gen_att(att);
            printf("%ld\t%s\t%s\n", gid, w, att);
        }
    }
}

/* ------------------------------------------------------------- checking */

/* Splits a line at tabs, in place. */
static int
split(char *line, char **f)
{
    int n = 0;
    line[strcspn(line, "\n")] = '\0';
    for (char *p = line; n < MAX_FIELDS;) {
        f[n++] = p;
        p = strchr(p, '\t');
        if (!p)
            break;
        *p++ = '\0';
    }
    return n;
}

static void
dec(lis_dec *d, const char *s)
{
    lis_dec_init(d);
    if (!lis_dec_set_str(d, s)) {
        fprintf(stderr, "decimal_pg: not a numeric text: '%s'\n", s);
        exit(2);
    }
}

/* Our results of one case, as texts ("\N" for SQL NULL), and as the
 * fields of a binary COPY row in bin. */
typedef struct {
    char *v[MAX_FIELDS];
    int n;
    lis_buf bin;
} results;

static void
put(results *r, const lis_dec *d)
{
    lis_num x = {.null = d == NULL};
    if (d)
        x.v = *d; /* a shallow copy, read only */
    if (!lis_copybin_num(&r->bin, &x)) {
        fprintf(stderr, "decimal_pg: %s has too many digits for binary COPY\n",
                d ? lis_dec_str(d) : "NULL");
        exit(1);
    }
    r->v[r->n++] = d ? lis_dec_str(d) : strdup("\\N");
}

static void
put_int(results *r, int k)
{
    lis_dec d;
    lis_dec_init(&d);
    lis_dec_set_int(&d, k);
    put(r, &d);
    lis_dec_clear(&d);
}

/* The expressions of decimal_pg.sh's rows query, in its order. */
static void
eval_row(char **f, results *out)
{
    lis_dec a, b, c, d, x, y, z, hundred, q[4];
    dec(&a, f[1]);
    dec(&b, f[2]);
    dec(&c, f[3]);
    dec(&d, f[4]);
    long m = strtol(f[5], NULL, 10);
    long k[4];
    for (int i = 0; i < 4; i++)
        k[i] = strtol(f[6 + i], NULL, 10);
    lis_dec_init(&x);
    lis_dec_init(&y);
    lis_dec_init(&z);
    lis_dec_init(&hundred);
    lis_dec_set_int(&hundred, 100);

    put(out, &a); /* a */
    lis_dec_add(&x, &a, &b);
    put(out, &x); /* a + b */
    lis_dec_sub(&x, &a, &b);
    put(out, &x); /* a - b */
    lis_dec_mul(&x, &a, &b);
    put(out, &x); /* a * b */
    bool ok = lis_dec_div(&x, &a, &b);
    put(out, ok ? &x : NULL); /* a / b */
    if (ok)
        lis_dec_round(&y, &x, 6);
    put(out, ok ? &y : NULL);          /* round(a / b, 6) */
    put_int(out, lis_dec_cmp(&a, &b)); /* a <, =, > b */
    lis_dec_round(&x, &a, 6);
    put(out, &x); /* round(a, 6) */
    lis_dec_round(&x, &a, (int)m - 1);
    put(out, &x); /* round(a, m - 1) */

    /* (a - b) * 100 / (c - b): progress */
    lis_dec_sub(&x, &a, &b);
    lis_dec_mul(&x, &x, &hundred);
    lis_dec_sub(&y, &c, &b);
    ok = lis_dec_div(&z, &x, &y);
    put(out, ok ? &z : NULL);
    if (ok)
        lis_dec_round(&z, &z, 6);
    put(out, ok ? &z : NULL); /* round(..., 6) */
    /* a * 100 / b: ratio */
    lis_dec_mul_int(&x, &a, 100);
    ok = lis_dec_div(&x, &x, &b);
    put(out, ok ? &x : NULL);
    /* a * m / 12: a sum indicator's target prorated */
    lis_dec_mul_int(&x, &a, m);
    lis_dec_div_int(&x, &x, 12);
    put(out, &x);
    /* (a*k1 + b*k2 + c*k3 + d*k4) / 3: the custom profile */
    lis_dec_mul_int(&x, &a, k[0]);
    const lis_dec *qs[3] = {&b, &c, &d};
    for (int i = 0; i < 3; i++) {
        lis_dec_init(&q[i]);
        lis_dec_mul_int(&q[i], qs[i], k[i + 1]);
        lis_dec_add(&x, &x, &q[i]);
        lis_dec_clear(&q[i]);
    }
    lis_dec_div_int(&x, &x, 3);
    put(out, &x);
    /* b + (c - b) * m / 12: the linear profile */
    lis_dec_sub(&x, &c, &b);
    lis_dec_mul_int(&x, &x, m);
    lis_dec_div_int(&x, &x, 12);
    lis_dec_add(&x, &b, &x);
    put(out, &x);
    /* a / m */
    lis_dec_div_int(&x, &a, m);
    put(out, &x);
    /* a * b / c: the economy's forecast, aytd * annual / bytd */
    lis_dec_mul(&x, &a, &b);
    ok = lis_dec_div(&x, &x, &c);
    put(out, ok ? &x : NULL);
    /* a / b / 12: a quotient divided again (forecast12 / 12) */
    ok = lis_dec_div(&x, &a, &b);
    if (ok)
        lis_dec_div_int(&x, &x, 12);
    put(out, ok ? &x : NULL);
    /* abs(a) * d / 100: the economy's tolerance */
    lis_dec_set(&x, &a);
    mpz_abs(x.c, x.c);
    lis_dec_mul(&x, &x, &d);
    lis_dec_div_int(&x, &x, 100);
    put(out, &x);

    lis_dec_clear(&a);
    lis_dec_clear(&b);
    lis_dec_clear(&c);
    lis_dec_clear(&d);
    lis_dec_clear(&x);
    lis_dec_clear(&y);
    lis_dec_clear(&z);
    lis_dec_clear(&hundred);
}

/* One group of decimal_pg.sh's groups query: sum(w * least(att, 100)),
 * sum(w), their quotient when sum(w) > 0, and that rounded to 6. least()
 * keeps its first argument on a tie (least(100.00, 100) is 100.00). */
typedef struct {
    lis_dec watt, wsum;
} group_sums;

static void
group_add(group_sums *g, char **f)
{
    lis_dec w, att, t;
    dec(&w, f[1]);
    dec(&att, f[2]);
    lis_dec_init(&t);
    if (lis_dec_cmp_int(&att, 100) > 0)
        lis_dec_set_int(&att, 100);
    lis_dec_mul(&t, &w, &att);
    lis_dec_add(&g->watt, &g->watt, &t);
    lis_dec_add(&g->wsum, &g->wsum, &w);
    lis_dec_clear(&w);
    lis_dec_clear(&att);
    lis_dec_clear(&t);
}

static void
group_eval(group_sums *g, results *out)
{
    lis_dec q;
    lis_dec_init(&q);
    put(out, &g->watt);
    put(out, &g->wsum);
    bool ok = lis_dec_sgn(&g->wsum) > 0 && lis_dec_div(&q, &g->watt, &g->wsum);
    put(out, ok ? &q : NULL);
    if (ok)
        lis_dec_round(&q, &q, 6);
    put(out, ok ? &q : NULL);
    lis_dec_clear(&q);
}

typedef struct {
    long cases, values, mismatches;
} tally;

/* Compares our results for the case with id with PostgreSQL's line and
 * writes them as a binary COPY row (id, then the results) to bin. */
static void
compare(tally *t, const char *id, const char *operands, results *ours, char *pgline,
        FILE *bin)
{
    char *pg[MAX_FIELDS];
    int n = pgline ? split(pgline, pg) : 0;
    t->cases++;
    if (n != ours->n + 1 || strcmp(pg[0], id) != 0) {
        fprintf(stderr,
                "decimal_pg: PostgreSQL's output does not match case %s (%d fields)\n",
                id, n);
        exit(2);
    }
    for (int i = 0; i < ours->n; i++) {
        t->values++;
        if (strcmp(pg[i + 1], ours->v[i]) != 0 && t->mismatches++ < MAX_REPORTED)
            printf("MISMATCH case %s expression %d (see decimal_pg.sh)\n"
                   "  operands %s\n  pg   %s\n  ours %s\n",
                   id, i + 1, operands, pg[i + 1], ours->v[i]);
        free(ours->v[i]);
    }
    lis_buf row;
    lis_buf_init(&row);
    lis_copybin_row(&row, ours->n + 1);
    lis_copybin_int4(&row, (int32_t)strtol(id, NULL, 10));
    fwrite(row.data, 1, row.len, bin);
    fwrite(ours->bin.data, 1, ours->bin.len, bin);
    lis_buf_release(&row);
    lis_buf_reset(&ours->bin);
    ours->n = 0;
}

static int
check(const char *kind, const char *cases_path, const char *pg_path, const char *bin_path)
{
    FILE *cf = fopen(cases_path, "r"), *pf = fopen(pg_path, "r"),
         *bf = fopen(bin_path, "wb");
    if (!cf || !pf || !bf) {
        perror("decimal_pg");
        return 2;
    }
    lis_buf head;
    lis_buf_init(&head);
    lis_copybin_header(&head);
    fwrite(head.data, 1, head.len, bf);
    bool groups = strcmp(kind, "groups") == 0;
    char line[1024], pgline[8192], operands[4096] = "", gid[32] = "";
    char *f[MAX_FIELDS];
    results ours = {.n = 0};
    lis_buf_init(&ours.bin);
    tally t = {0, 0, 0};
    group_sums g;
    lis_dec_init(&g.watt);
    lis_dec_init(&g.wsum);
    while (fgets(line, sizeof line, cf)) {
        int n = split(line, f);
        if (!groups) {
            if (n != 10) {
                fprintf(stderr, "decimal_pg: bad case line\n");
                return 2;
            }
            eval_row(f, &ours);
            snprintf(operands, sizeof operands, "a=%s b=%s c=%s d=%s m=%s k=%s,%s,%s,%s",
                     f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
            compare(&t, f[0], operands, &ours, fgets(pgline, sizeof pgline, pf), bf);
            continue;
        }
        if (strcmp(gid, f[0]) != 0) {
            if (gid[0]) {
                group_eval(&g, &ours);
                compare(&t, gid, operands, &ours, fgets(pgline, sizeof pgline, pf), bf);
            }
            snprintf(gid, sizeof gid, "%s", f[0]);
            lis_dec_set_int(&g.watt, 0);
            lis_dec_set_int(&g.wsum, 0);
            operands[0] = '\0';
        }
        size_t used = strlen(operands);
        snprintf(operands + used, sizeof operands - used, "%s(w=%s att=%s)",
                 used ? " " : "", f[1], f[2]);
        group_add(&g, f);
    }
    if (groups && gid[0]) {
        group_eval(&g, &ours);
        compare(&t, gid, operands, &ours, fgets(pgline, sizeof pgline, pf), bf);
    }
    if (fgets(pgline, sizeof pgline, pf)) {
        fprintf(stderr, "decimal_pg: PostgreSQL has more rows than the cases\n");
        return 2;
    }
    lis_buf_reset(&head);
    lis_copybin_trailer(&head);
    fwrite(head.data, 1, head.len, bf);
    lis_buf_release(&head);
    lis_buf_release(&ours.bin);
    lis_dec_clear(&g.watt);
    lis_dec_clear(&g.wsum);
    fclose(cf);
    fclose(pf);
    if (fclose(bf) != 0) {
        perror("decimal_pg");
        return 2;
    }
    printf("%s: %ld cases, %ld values compared, %ld mismatches\n", kind, t.cases,
           t.values, t.mismatches);
    return t.mismatches ? 1 : 0;
}

int
main(int argc, char **argv)
{
    if (argc == 4 && (strcmp(argv[1], "rows") == 0 || strcmp(argv[1], "groups") == 0)) {
        rng_state = strtoull(argv[2], NULL, 10);
        long n = strtol(argv[3], NULL, 10);
        if (argv[1][0] == 'r')
            gen_rows(n);
        else
            gen_groups(n);
        return 0;
    }
    if (argc == 6 && strcmp(argv[1], "check") == 0)
        return check(argv[2], argv[3], argv[4], argv[5]);
    fprintf(stderr, "usage: decimal_pg rows|groups SEED N\n"
                    "       decimal_pg check rows|groups CASES PG-OUTPUT BINARY-OUT\n");
    return 2;
}
