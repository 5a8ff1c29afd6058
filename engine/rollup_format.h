/*
 * rollup_format.h - how rollup figures are shown to people: Danish number
 * format and status words. Machine formats (csv, json) print the stored
 * numbers unrounded and do not use this.
 */
#ifndef LIS_ROLLUP_FORMAT_H
#define LIS_ROLLUP_FORMAT_H

#include <stddef.h>

/*
 * Writes the number in text (a decimal with a point, as PostgreSQL prints
 * numeric) in Danish format, rounded to decimals places: "-1234567.891" with
 * 2 decimals is "-1.234.567,89". NULL or empty text gives "". Returns buf
 * (size bytes; 64 are always enough).
 */
char *lis_rollup_format_da(const char *text, int decimals, char *buf, size_t size);

/* The Danish word for a status (green -> "grøn", not_due -> "ikke aktuel"). */
const char *lis_rollup_status_da(const char *status);

#endif
