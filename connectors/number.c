/*
 * number.c - numbers, function codes, periods and dates of input files; see
 * number.h. Nothing here allocates: the import path calls these per cell.
 */
#include "number.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

lis_numfmt
lis_numfmt_native(char delim)
{
    lis_numfmt f = {0};
    f.neg_leading = f.neg_trailing = f.neg_parentheses = true;
    if (delim == ',') {
        f.decimal = '.';
        f.thousands = ','; /* only inside a quoted cell: "1,234.5" */
    } else {
        f.decimal = ',';
        f.thousands = '.';
    }
    return f;
}

/* Length of a space-like character at s (ASCII space/tab, U+00A0, U+202F). */
static size_t
space_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && (u[0] == ' ' || u[0] == '\t' || u[0] == '\r' || u[0] == '\n'))
        return 1;
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
        return 3;
    return 0;
}

/* Length of a space-like character ending at s + n. */
static size_t
space_len_back(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && (u[n - 1] == ' ' || u[n - 1] == '\t' || u[n - 1] == '\r' ||
                   u[n - 1] == '\n'))
        return 1;
    if (n >= 2 && u[n - 2] == 0xC2 && u[n - 1] == 0xA0)
        return 2;
    if (n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 && u[n - 1] == 0xAF)
        return 3;
    return 0;
}

const char *
lis_trim(const char *s, size_t *n)
{
    size_t k;
    while (*n > 0 && (k = space_len(s, *n)) > 0)
        s += k, *n -= k;
    while (*n > 0 && (k = space_len_back(s, *n)) > 0)
        *n -= k;
    return s;
}

bool
lis_number_is_missing(const char *s, size_t n)
{
    s = lis_trim(s, &n);
    return n == 0 || (n == 2 && s[0] == '.' && s[1] == '.');
}

lis_num_result
lis_number_parse(const char *s, size_t n, const lis_numfmt *fmt, char *out)
{
    bool neg = false;
    s = lis_trim(s, &n);
    if (n == 0 || (n == 2 && s[0] == '.' && s[1] == '.'))
        return LIS_NUM_NULL;
    if (fmt->dash_is_zero && n == 1 && s[0] == '-') {
        strcpy(out, "0");
        return LIS_NUM_OK;
    }
    /* The sign: leading minus or plus, trailing minus, or parentheses. */
    if (s[0] == '(' && s[n - 1] == ')') {
        if (!fmt->neg_parentheses)
            return LIS_NUM_BAD;
        neg = true, s++, n -= 2;
        s = lis_trim(s, &n);
    } else if (s[0] == '-' || s[0] == '+') {
        if (s[0] == '-' && !fmt->neg_leading)
            return LIS_NUM_BAD;
        neg = s[0] == '-', s++, n--;
        s = lis_trim(s, &n);
    } else if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88 &&
               (unsigned char)s[2] == 0x92) { /* U+2212 minus sign */
        if (!fmt->neg_leading)
            return LIS_NUM_BAD;
        neg = true, s += 3, n -= 3;
        s = lis_trim(s, &n);
    } else if (s[n - 1] == '-') {
        if (!fmt->neg_trailing)
            return LIS_NUM_BAD;
        neg = true, n--;
        s = lis_trim(s, &n);
    }
    if (n == 0)
        return LIS_NUM_BAD;

    /* Integer part: digits in groups. group_sep is the first separator seen
     * (the profile's thousands separator or a space); every group after it
     * must have exactly three digits. */
    char buf[LIS_NUM_SIZE];
    size_t o = 0, i = 0;
    int group = 0;       /* digits in the current group */
    char sep_seen = 0;   /* 0, or the separator in use */
    size_t int_digits = 0;
    if (neg)
        buf[o++] = '-';
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t sp;
        if (isdigit(c)) {
            if (o >= sizeof buf - 2)
                return LIS_NUM_BAD;
            buf[o++] = (char)c;
            group++, int_digits++, i++;
            if (sep_seen && group > 3)
                return LIS_NUM_BAD;
            continue;
        }
        if (c == (unsigned char)fmt->decimal)
            break;
        char sep = 0;
        size_t len = 1;
        if (fmt->thousands && c == (unsigned char)fmt->thousands && fmt->thousands != ' ')
            sep = fmt->thousands;
        else if ((sp = space_len(s + i, n - i)) > 0 && c != '\t' && c != '\r' && c != '\n')
            sep = ' ', len = sp;
        if (!sep)
            return LIS_NUM_BAD;
        if (group == 0 || (sep_seen && group != 3) || (sep_seen && sep_seen != sep))
            return LIS_NUM_BAD;
        if (!sep_seen && group > 3)
            return LIS_NUM_BAD;
        sep_seen = sep;
        group = 0;
        i += len;
    }
    if (sep_seen && group != 3)
        return LIS_NUM_BAD;
    if (i < n) { /* the decimal separator */
        i++;
        if (i >= n)
            return LIS_NUM_BAD;
        if (int_digits == 0) {
            if (o >= sizeof buf - 2)
                return LIS_NUM_BAD;
            buf[o++] = '0';
        }
        buf[o++] = '.';
        for (; i < n; i++) {
            if (!isdigit((unsigned char)s[i]) || o >= sizeof buf - 1)
                return LIS_NUM_BAD;
            buf[o++] = s[i];
        }
    } else if (int_digits == 0) {
        return LIS_NUM_BAD;
    }
    buf[o] = '\0';
    memcpy(out, buf, o + 1);
    return LIS_NUM_OK;
}

bool
lis_function_code(const char *s, char *out)
{
    size_t n = strlen(s);
    s = lis_trim(s, &n);
    if (n == 0 || n >= LIS_FUNC_SIZE)
        return false;
    bool five = n == 5;
    for (size_t i = 0; five && i < 5; i++)
        five = isdigit((unsigned char)s[i]);
    if (five)
        snprintf(out, LIS_FUNC_SIZE, "%c.%c%c.%c%c", s[0], s[1], s[2], s[3], s[4]);
    else
        memcpy(out, s, n), out[n] = '\0';
    return true;
}

/* ------------------------------------------------------------ periods, dates */

static const char *const formats[] = {
    "auto",     "yyyymm",     "yyyy-mm",    "mm-yyyy",    "mm.yyyy",    "mm/yyyy",
    "yyyymmdd", "dd.mm.yyyy", "dd-mm-yyyy", "yyyy-mm-dd", "dd/mm/yyyy", NULL,
};

bool
lis_period_format_valid(const char *format)
{
    for (int i = 0; formats[i]; i++)
        if (strcmp(format, formats[i]) == 0)
            return true;
    return false;
}

/* Matches s against a pattern of y, m, d and literal characters; fills the
 * parts that the pattern names (0 when absent). */
static bool
match(const char *s, const char *pat, int *y, int *m, int *d)
{
    *y = *m = *d = 0;
    if (strlen(s) != strlen(pat))
        return false;
    for (; *pat; pat++, s++) {
        int *v = *pat == 'y' ? y : *pat == 'm' ? m : *pat == 'd' ? d : NULL;
        if (v) {
            if (!isdigit((unsigned char)*s))
                return false;
            *v = *v * 10 + (*s - '0');
        } else if (*s != *pat) {
            return false;
        }
    }
    return true;
}

static bool
valid_ymd(int y, int m, int d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2999 || m < 1 || m > 12)
        return false;
    if (d == 0)
        return true;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d >= 1 && d <= days[m - 1] && !(m == 2 && d == 29 && !leap);
}

/* Copies s trimmed into buf (size 40); false when too long. */
static bool
trimmed(const char *s, char *buf)
{
    size_t n = strlen(s);
    s = lis_trim(s, &n);
    if (n >= 40)
        return false;
    memcpy(buf, s, n), buf[n] = '\0';
    return true;
}

bool
lis_period_parse_fmt(const char *s, const char *format, lis_period *out)
{
    char t[40];
    int y, m, d;
    if (!trimmed(s, t))
        return false;
    if (format && strcmp(format, "auto") != 0 && match(t, format, &y, &m, &d) &&
        valid_ymd(y, m, d) && m > 0) {
        *out = (lis_period){y, LIS_MONTH, m, m};
        return true;
    }
    return lis_period_parse(t, out);
}

bool
lis_date_parse_fmt(const char *s, const char *format, char out[11])
{
    char t[40];
    int y, m, d;
    if (!trimmed(s, t))
        return false;
    bool ok = false;
    if (format && strcmp(format, "auto") != 0 && match(t, format, &y, &m, &d) && d > 0 &&
        valid_ymd(y, m, d))
        ok = true;
    if (!ok)
        ok = lis_date_parse(t, &y, &m, &d);
    if (!ok)
        return false;
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
    memcpy(out, tmp, 11);
    out[10] = '\0';
    return true;
}
