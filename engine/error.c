/* error.c - recording errors; see error.h. */
#include "error.h"

#include <stdio.h>
#include <string.h>

lis_status
lis_error_vset(lis_error *err, lis_status code, const char *fmt, va_list ap)
{
    if (err == NULL || err->code != LIS_OK)
        return code;
    err->code = code;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    return code;
}

lis_status
lis_error_set(lis_error *err, lis_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lis_error_vset(err, code, fmt, ap);
    va_end(ap);
    return code;
}

static void
append(char *buf, size_t size, const char *fmt, va_list ap)
{
    size_t used = strlen(buf);
    if (used > 0 && used + 1 < size)
        buf[used++] = ' ', buf[used] = '\0';
    if (used < size)
        vsnprintf(buf + used, size - used, fmt, ap);
}

void
lis_error_detail(lis_error *err, const char *fmt, ...)
{
    va_list ap;
    if (err == NULL)
        return;
    va_start(ap, fmt);
    append(err->detail, sizeof err->detail, fmt, ap);
    va_end(ap);
}

void
lis_error_hint(lis_error *err, const char *fmt, ...)
{
    va_list ap;
    if (err == NULL)
        return;
    va_start(ap, fmt);
    append(err->hint, sizeof err->hint, fmt, ap);
    va_end(ap);
}

void
lis_error_at(lis_error *err, const char *source, long line)
{
    if (err == NULL || err->source[0] != '\0')
        return;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    err->line = line;
}

void
lis_error_clear(lis_error *err)
{
    if (err != NULL)
        memset(err, 0, sizeof *err);
}

const char *
lis_status_str(lis_status code)
{
    switch (code) {
    case LIS_OK:
        return "success";
    case LIS_USAGE:
        return "usage";
    case LIS_INPUT:
        return "bad input";
    case LIS_DB:
        return "database";
    case LIS_OUTPUT:
        return "output";
    }
    return "unknown";
}
