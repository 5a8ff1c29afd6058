/*
 * period.c - parsing and naming periods; see period.h. Only the native forms
 * of the SPEC live here; connector profiles add their own formats.
 */
#include "period.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads exactly n digits at s into *v. */
static bool
digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

static bool
valid_year(int y)
{
    return y >= 1900 && y <= 2999;
}

static bool
month(lis_period *p, int y, int m)
{
    if (!valid_year(y) || m < 1 || m > 12)
        return false;
    *p = (lis_period){y, LIS_MONTH, m, m};
    return true;
}

static int
days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool
lis_date_parse(const char *s, int *year, int *mon, int *day)
{
    size_t n = strlen(s);
    int y, m, d;
    if (n != 10)
        return false;
    if (s[4] == '-' && s[7] == '-') {
        if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
            return false;
    } else if ((s[2] == '.' && s[5] == '.') || (s[2] == '-' && s[5] == '-')) {
        if (!digits(s, 2, &d) || !digits(s + 3, 2, &m) || !digits(s + 6, 4, &y))
            return false;
    } else {
        return false;
    }
    if (!valid_year(y) || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    *year = y, *mon = m, *day = d;
    return true;
}

bool
lis_period_parse(const char *s, lis_period *p)
{
    size_t n = strlen(s);
    int y, m, d;
    if (n < 4 || !digits(s, 4, &y)) {
        if (lis_date_parse(s, &y, &m, &d)) /* dd.mm.yyyy, dd-mm-yyyy */
            return month(p, y, m);
        return false;
    }
    if (n == 4) {
        if (!valid_year(y))
            return false;
        *p = (lis_period){y, LIS_YEAR, 1, 12};
        return true;
    }
    if (n == 6 && digits(s + 4, 2, &m)) /* 202610 */
        return month(p, y, m);
    if (n == 7 && (s[4] == '-' || s[4] == 'M') && digits(s + 5, 2, &m))
        return month(p, y, m);
    if ((n == 7 && s[4] == '-' && s[5] == 'Q') || (n == 6 && s[4] == 'K')) {
        int q = s[n - 1] - '0';
        if (!valid_year(y) || q < 1 || q > 4 || !isdigit((unsigned char)s[n - 1]))
            return false;
        *p = (lis_period){y, LIS_QUARTER, 3 * q - 2, 3 * q};
        return true;
    }
    if (lis_date_parse(s, &y, &m, &d))
        return month(p, y, m);
    return false;
}

bool
lis_window_parse(const char *s, lis_period *p)
{
    int y, m;
    if (strlen(s) == 11 && digits(s, 4, &y) && strncmp(s + 4, "-YTD-", 5) == 0 &&
        digits(s + 9, 2, &m)) {
        if (!valid_year(y) || m < 1 || m > 12)
            return false;
        *p = (lis_period){y, LIS_YTD, 1, m};
        return true;
    }
    return lis_period_parse(s, p);
}

char *
lis_period_name(const lis_period *p, char *buf)
{
    switch (p->kind) {
    case LIS_MONTH:
        snprintf(buf, LIS_PERIOD_NAME_SIZE, "%04d-%02d", p->year, p->first_month);
        break;
    case LIS_QUARTER:
        snprintf(buf, LIS_PERIOD_NAME_SIZE, "%04d-Q%d", p->year, (p->last_month + 2) / 3);
        break;
    case LIS_YEAR:
        snprintf(buf, LIS_PERIOD_NAME_SIZE, "%04d", p->year);
        break;
    case LIS_YTD:
        snprintf(buf, LIS_PERIOD_NAME_SIZE, "%04d-YTD-%02d", p->year, p->last_month);
        break;
    }
    return buf;
}

/* now's local time in Copenhagen. tzdata has no reentrant lookup by name, so
 * TZ is switched for the call and put back. */
static bool
copenhagen_time(time_t now, struct tm *tm)
{
    const char *old = getenv("TZ");
    char *saved = old ? strdup(old) : NULL;
    if (old && !saved)
        return false;
    bool ok = setenv("TZ", "Europe/Copenhagen", 1) == 0;
    if (ok) {
        tzset();
        /* Without the zone file glibc falls back to UTC; Copenhagen has been
         * an hour or two ahead of UTC ever since 1894. */
        ok = localtime_r(&now, tm) != NULL && tm->tm_gmtoff != 0;
    }
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    free(saved);
    tzset();
    return ok;
}

bool
lis_period_relative(lis_period_kind kind, int offset, time_t now, lis_period *out)
{
    struct tm tm;
    if ((kind != LIS_MONTH && kind != LIS_QUARTER && kind != LIS_YEAR) ||
        !copenhagen_time(now, &tm))
        return false;
    int year = tm.tm_year + 1900;
    int span = kind == LIS_MONTH ? 1 : kind == LIS_QUARTER ? 3 : 12;
    /* windows counted from January of year 0: exact for any offset */
    long index = ((long)year * 12 + tm.tm_mon) / span + offset;
    long first = index * span; /* months since January of year 0 */
    int y = (int)(first / 12), m = (int)(first % 12) + 1;
    if (!valid_year(y))
        return false;
    *out = (lis_period){y, kind, m, m + span - 1};
    return true;
}
