/*
 * fuzz_period.c - period, window, date and function-code parsing
 * (engine/period.c, connectors/number.c).
 *
 * The first byte chooses a profile period/date format; the rest is the
 * cell, as a NUL-terminated string. A period that parses must have a
 * canonical name that parses back to the same period.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "number.h"
#include "period.h"

static const char *const formats[] = {
    "auto",     "yyyymm",     "yyyy-mm",    "mm-yyyy",    "mm.yyyy",    "mm/yyyy",
    "yyyymmdd", "dd.mm.yyyy", "dd-mm-yyyy", "yyyy-mm-dd", "dd/mm/yyyy",
};

static void
check_period(const lis_period *p, bool window)
{
    if (p->first_month < 1 || p->first_month > 12 || p->last_month < p->first_month ||
        p->last_month > 12)
        abort();
    char name[LIS_PERIOD_NAME_SIZE];
    lis_period_name(p, name);
    lis_period q;
    if (!(window ? lis_window_parse(name, &q) : lis_period_parse(name, &q)) ||
        q.year != p->year || q.kind != p->kind || q.first_month != p->first_month ||
        q.last_month != p->last_month)
        abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *fmt = formats[data[0] % (sizeof formats / sizeof *formats)];
    char *s = malloc(size);
    memcpy(s, data + 1, size - 1);
    s[size - 1] = '\0';

    lis_period p;
    if (lis_period_parse(s, &p))
        check_period(&p, false);
    if (lis_window_parse(s, &p))
        check_period(&p, true);
    if (lis_period_parse_fmt(s, fmt, &p) && p.kind != LIS_YTD)
        check_period(&p, false);
    int y, m, d;
    if (lis_date_parse(s, &y, &m, &d) && (m < 1 || m > 12 || d < 1 || d > 31))
        abort();
    char date[11];
    if (lis_date_parse_fmt(s, fmt, date) &&
        (strlen(date) != 10 || !lis_date_parse(date, &y, &m, &d)))
        abort();
    char code[LIS_FUNC_SIZE];
    if (lis_function_code(s, code) && strnlen(code, LIS_FUNC_SIZE) >= LIS_FUNC_SIZE)
        abort();
    (void)lis_period_format_valid(s);
    free(s);
    return 0;
}
