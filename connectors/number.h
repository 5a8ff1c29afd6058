/*
 * number.h - the value rules of SPEC section 2: numbers, function codes,
 * periods and dates as they appear in input files, turned into the canonical
 * text that COPY loads.
 *
 * Pure functions with no allocation and no database: the import path calls
 * them once per cell while streaming, and tests/unit/test_number.c pins them.
 */
#ifndef LIS_NUMBER_H
#define LIS_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

#include "period.h"

/* How numbers are written in one file. */
typedef struct lis_numfmt {
    char decimal;   /* ',' or '.' */
    char thousands; /* '.', ',', ' ' or 0 for none; spaces always group */
    bool neg_leading;     /* -1234 accepted */
    bool neg_trailing;    /* 1234- accepted (SAP) */
    bool neg_parentheses; /* (1234) accepted */
    bool dash_is_zero;    /* a lone "-" is 0 (Excel's accounting format) */
} lis_numfmt;

/* The native rules for a file whose delimiter is delim (';', '\t' or ','). */
lis_numfmt lis_numfmt_native(char delim);

typedef enum lis_num_result {
    LIS_NUM_OK,   /* out holds the canonical number: -1234.5 */
    LIS_NUM_NULL, /* empty, or DST's ".." : no value */
    LIS_NUM_BAD,  /* not a number */
} lis_num_result;

#define LIS_NUM_SIZE 64

/*
 * Parses s (n bytes, need not be NUL-terminated; surrounding spaces and
 * no-break spaces are ignored) by fmt into out (LIS_NUM_SIZE bytes): an
 * optional minus, digits, and a "." followed by digits when there is a
 * fraction. Thousands separators must group exactly three digits.
 */
lis_num_result lis_number_parse(const char *s, size_t n, const lis_numfmt *fmt, char *out);

/* Whether s (trimmed) is a "no value" cell: empty or "..". */
bool lis_number_is_missing(const char *s, size_t n);

#define LIS_FUNC_SIZE 64

/*
 * Normalises a function code: five bare digits 32201 become 3.22.01;
 * anything else is kept as written (trimmed). false when empty or too long.
 */
bool lis_function_code(const char *s, char *out);

/*
 * Period formats a profile may name besides the native ones: "auto" (the
 * native forms of period.h), "yyyymm", "yyyy-mm", "mm-yyyy", "mm.yyyy",
 * "mm/yyyy", "yyyymmdd", "dd.mm.yyyy", "dd-mm-yyyy", "yyyy-mm-dd",
 * "dd/mm/yyyy". A format that names a day yields the month. The explicit
 * format is tried first, then the native forms.
 */
bool lis_period_format_valid(const char *format);
bool lis_period_parse_fmt(const char *s, const char *format, lis_period *out);

/* A date by format (as above, "auto" for the native forms) into yyyy-mm-dd. */
bool lis_date_parse_fmt(const char *s, const char *format, char out[11]);

/* Trims ASCII white space and no-break spaces (U+00A0, U+202F) from both
 * ends of s[0..*n); returns the new start. */
const char *lis_trim(const char *s, size_t *n);

#endif
