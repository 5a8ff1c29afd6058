/*
 * copybin.h - PostgreSQL's binary COPY format (COPY ... FROM STDIN (FORMAT
 * binary)), written into a lis_buf.
 *
 * The import sends budget lines this way: the server then stores the typed
 * values as they come instead of parsing every amount from text, which made
 * it spend more time on a budget file than psql's \copy of the same file
 * into text columns. Pure functions with no database; tests/unit/
 * test_copybin.c pins the numeric encoding against the text path.
 */
#ifndef LIS_COPYBIN_H
#define LIS_COPYBIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decimal.h"
#include "mem.h"

/* The file header (signature, flags, no extension) and the trailer. */
void lis_copybin_header(lis_buf *b);
void lis_copybin_trailer(lis_buf *b);

/* A row starts with its number of fields. */
void lis_copybin_row(lis_buf *b, int nfields);

/* One field: NULL, bool, int2, int4, int8 or text (bytes as they are). */
void lis_copybin_null(lis_buf *b);
void lis_copybin_bool(lis_buf *b, bool v);
void lis_copybin_int2(lis_buf *b, int16_t v);
void lis_copybin_int4(lis_buf *b, int32_t v);
void lis_copybin_int8(lis_buf *b, int64_t v);
void lis_copybin_text(lis_buf *b, const char *s, size_t n);

/*
 * A numeric field from canonical text as lis_number_parse writes it: an
 * optional '-', digits, and '.' followed by digits. The value and its scale
 * (the digits after the point, trailing zeros included) are those numeric_in
 * would store for the same text; -0 is stored as 0. false (and nothing
 * appended) when s is not of that form.
 */
bool lis_copybin_numeric(lis_buf *b, const char *s);

/* A lis_num field (NULL or numeric); false (nothing appended) when it has
 * more digits than lis_copybin_numeric takes. Text that may be NULL. */
bool lis_copybin_num(lis_buf *b, const lis_num *x);
void lis_copybin_str(lis_buf *b, const char *s);

#endif
