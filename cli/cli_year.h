/*
 * cli_year.h - parsing the --year and --period options of every command, with
 * "previous" and "current" resolved in Europe/Copenhagen time (SPEC section 5).
 */
#ifndef LIS_CLI_YEAR_H
#define LIS_CLI_YEAR_H

#include <stdbool.h>

#include "period.h"

/* Parses a year 1900..2999 written with four digits, or "previous" or
 * "current" (the year before or of today in Copenhagen); -1 when text is
 * none of them (with a warning when today could not be told). */
int lis_cli_parse_year(const char *text);

/*
 * Parses a window name (lis_window_parse), or "previous" or "current": the
 * window of kind (LIS_MONTH, LIS_QUARTER, LIS_YEAR) before or holding today
 * in Copenhagen. "Today" is $LIS_NOW when set (YYYY-MM-DDTHH:MM:SSZ, a UTC
 * moment: for tests and for re-running a schedule as of another day), else
 * the clock. false when text is none of them (with a warning when today could
 * not be told).
 */
bool lis_cli_parse_window(const char *text, lis_period_kind relative, lis_period *out);

#endif
