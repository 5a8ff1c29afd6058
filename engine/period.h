/*
 * period.h - periods of input data and the windows of reports.
 *
 * Input periods (SPEC section 2): 2026-10, 2026M10, 202610 (month); 2026-Q3,
 * 2026K3 (quarter); 2026 (year); a date 2026-10-31, 31.10.2026 or 31-10-2026
 * stands for its month. Windows add year-to-date: 2026-YTD-03 (January to
 * March). Every period has one canonical name: 2026-03, 2026-Q1, 2026,
 * 2026-YTD-03.
 */
#ifndef LIS_PERIOD_H
#define LIS_PERIOD_H

#include <stdbool.h>
#include <time.h>

#include "error.h"

typedef enum lis_period_kind {
    LIS_MONTH = 'M',
    LIS_QUARTER = 'Q',
    LIS_YEAR = 'Y',
    LIS_YTD = 'T',
} lis_period_kind;

#define LIS_PERIOD_NAME_SIZE 32

typedef struct lis_period {
    int year;
    lis_period_kind kind;
    int first_month; /* 1..12 */
    int last_month;  /* 1..12 */
} lis_period;

/* Parses an input period (not YTD). false when text is none of the forms. */
bool lis_period_parse(const char *text, lis_period *out);

/* Parses a window name as lis show and lis run take it (also YTD). */
bool lis_window_parse(const char *text, lis_period *out);

/* Writes the canonical name into buf (LIS_PERIOD_NAME_SIZE bytes); returns buf. */
char *lis_period_name(const lis_period *p, char *buf);

/* Parses a date (yyyy-mm-dd, dd-mm-yyyy, dd.mm.yyyy) into year, month, day. */
bool lis_date_parse(const char *text, int *year, int *month, int *day);

/*
 * The window of kind (LIS_MONTH, LIS_QUARTER or LIS_YEAR) that holds the
 * moment now, moved by offset windows (-1: the one before, 0: the one that
 * holds now), with the calendar of Europe/Copenhagen whatever the process's
 * TZ: at 00:30 on 1 January in Copenhagen (23:30 on 31 December in UTC) the
 * previous month is December of the year that just ended. The time zone
 * comes from the system's tzdata; the process's TZ is put back before
 * returning (not thread-safe: it changes the environment for a moment).
 * false when Europe/Copenhagen is not installed or the kind is another one.
 */
bool lis_period_relative(lis_period_kind kind, int offset, time_t now, lis_period *out);

#endif
