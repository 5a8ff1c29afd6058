/*
 * error.h - the status codes and the error record every module reports into.
 *
 * Functions return a lis_status and fill a caller-supplied lis_error (which may
 * be NULL). The first error recorded wins: later calls on a filled error are
 * ignored, so the innermost, most precise message reaches the user. Only cli/
 * prints errors and decides the exit status (lis_status values are the exit
 * statuses of SPEC section 5).
 */
#ifndef LIS_ERROR_H
#define LIS_ERROR_H

#include <stdarg.h>

typedef enum lis_status {
    LIS_OK = 0,
    LIS_USAGE = 1,  /* bad command line */
    LIS_INPUT = 2,  /* bad input data or a failed check; nothing half-done */
    LIS_DB = 3,     /* database unreachable or failed */
    LIS_OUTPUT = 4, /* output could not be written */
} lis_status;

typedef struct lis_error {
    lis_status code;
    char msg[256];    /* primary: lower case, no final period */
    char detail[512]; /* optional, full sentences */
    char hint[256];   /* optional: what to do about it */
    char source[256]; /* input file, table or report; may be empty */
    long line;        /* 1-based line in source; 0 when none */
    char sqlstate[6]; /* for database errors */
} lis_error;

/* Records an error unless err is NULL or already holds one; returns code. */
lis_status lis_error_set(lis_error *err, lis_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
lis_status lis_error_vset(lis_error *err, lis_status code, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* Adds a detail or hint sentence to the error already recorded. */
void lis_error_detail(lis_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void lis_error_hint(lis_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Sets source and line of the recorded error when it has none yet. */
void lis_error_at(lis_error *err, const char *source, long line);

void lis_error_clear(lis_error *err);

/* A short name for a status ("usage", "bad input", ...). */
const char *lis_status_str(lis_status code);

#endif
