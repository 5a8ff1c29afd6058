/*
 * cli_period.c - the --year and --period values of every command; see
 * cli_year.h. The calendar arithmetic is lis_period_relative (engine/period.c);
 * this file only knows what "today" is.
 */
#include "cli.h"
#include "cli_year.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Today: $LIS_NOW or the clock. false (with a warning) when LIS_NOW is set
 * but is not a UTC moment. */
static bool
today(time_t *now)
{
    const char *s = getenv("LIS_NOW");
    if (s == NULL || s[0] == '\0') {
        *now = time(NULL);
        return true;
    }
    struct tm tm = {0};
    char z = 0;
    int n = 0;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
               &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z, &n) != 7 ||
        z != 'Z' || s[n] != '\0' || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
        tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60) {
        lis_cli_warn("LIS_NOW \"%s\" is not a UTC moment (YYYY-MM-DDTHH:MM:SSZ)", s);
        return false;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    *now = timegm(&tm);
    return true;
}

/* The window of kind before (-1) or holding (0) today in Copenhagen. */
static bool
relative(lis_period_kind kind, int offset, lis_period *out)
{
    time_t now;
    if (!today(&now))
        return false;
    if (!lis_period_relative(kind, offset, now, out)) {
        lis_cli_warn("could not tell today's date in Copenhagen: the time zone "
                     "Europe/Copenhagen is not installed (Debian package tzdata)");
        return false;
    }
    return true;
}

static int
relative_offset(const char *text)
{
    if (strcmp(text, "previous") == 0)
        return -1;
    if (strcmp(text, "current") == 0)
        return 0;
    return 1;
}

int
lis_cli_parse_year(const char *text)
{
    int offset = relative_offset(text);
    if (offset <= 0) {
        lis_period p;
        return relative(LIS_YEAR, offset, &p) ? p.year : -1;
    }
    char *end;
    long y = strtol(text, &end, 10);
    if (end == text || *end != '\0' || strlen(text) != 4 || y < 1900 || y > 2999)
        return -1;
    return (int)y;
}

bool
lis_cli_parse_window(const char *text, lis_period_kind kind, lis_period *out)
{
    int offset = relative_offset(text);
    if (offset <= 0)
        return relative(kind, offset, out);
    return lis_window_parse(text, out);
}
