/*
 * csvread.h - streaming a delimited text file into records, with libcsv.
 *
 * Reads the file line by line (memory does not grow with the file; a line
 * longer than max_line is an error, and so is a failure to read or to
 * allocate: never taken for the end of the file), converts
 * windows-1252 and iso-8859-1 to UTF-8 with iconv, drops a UTF-8 BOM,
 * validates UTF-8 (a UTF-16 file is named as such), skips title lines and blank lines,
 * finds the header (the best-scoring of the first header_search lines), detects the
 * delimiter from it, and hands every record to a callback with its 1-based line number.
 * It also computes the file's SHA-256 and size on the way.
 */
#ifndef LIS_CSVREAD_H
#define LIS_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "profile.h"

/* A field of the current record; s is NUL-terminated and borrowed (valid
 * only during the callback). */
typedef struct lis_csv_field {
    const char *s;
    size_t n;
} lis_csv_field;

/* Scores a candidate header line (higher is better). */
typedef int (*lis_csv_score_fn)(void *ctx, const lis_csv_field *f, size_t nf);
/* Receives the header (once) and then every record. A non-OK return stops the
 * read and is returned by lis_csvread_run (the callback fills the error). */
typedef lis_status (*lis_csv_record_fn)(void *ctx, const lis_csv_field *f, size_t nf,
                                        long line, lis_error *err);

typedef struct lis_csvread {
    /* settings */
    lis_encoding encoding;
    char delimiter;    /* 0: detect from the header line */
    int skip_lines;    /* title lines before the header */
    int header_search; /* candidate lines for the header, >= 1 */
    lis_csv_score_fn score;
    lis_csv_record_fn header;
    lis_csv_record_fn record;
    void *ctx;
    size_t max_line; /* bytes per line and per record; 0: LIS_CSV_MAX_LINE */
    /* results */
    char delimiter_used;
    long header_line;
    long lines;      /* physical lines read */
    long long size;  /* bytes */
    char sha256[65]; /* hex */
} lis_csvread;

/* The default limit of a line (and of a record spanning lines): 1 MiB. A
 * longer line is an error, so memory stays a few times this whatever the
 * file holds. */
#define LIS_CSV_MAX_LINE (1024 * 1024)

/* Fills the settings with the native defaults; set the callbacks after. */
void lis_csvread_init(lis_csvread *r);

/*
 * Reads path to the end. Returns LIS_OK, LIS_INPUT for an unreadable or
 * malformed file (empty, bad encoding, an unterminated quote), or what a
 * callback returned.
 */
lis_status lis_csvread_run(lis_csvread *r, const char *path, lis_error *err);

/* The delimiter of a header line: the most frequent of ';', TAB and ','
 * outside quotes, ties in that order; ';' when none occurs. */
char lis_csv_detect_delimiter(const char *line, size_t n);

/* A value for a message: at most LIS_CSV_EXCERPT_CHARS characters in single
 * quotes, then "…" and the length when cut: 'abc…' (10485760 bytes). Bytes
 * that are control characters or not UTF-8 show as '?'. */
#define LIS_CSV_EXCERPT_CHARS 60
#define LIS_CSV_EXCERPT_SIZE (LIS_CSV_EXCERPT_CHARS * 4 + 48)
char *lis_csv_excerpt(const char *s, size_t n, char out[LIS_CSV_EXCERPT_SIZE]);

/* The SHA-256 of a file as hex (65 bytes); LIS_INPUT when unreadable. */
lis_status lis_file_sha256(const char *path, char out[65], lis_error *err);

#endif
