/*
 * import.h - importing one input file into the database (SPEC section 2).
 *
 * One file is one batch and one transaction: the rows stream from the file
 * through the converters of number.h into COPY ... FROM STDIN (straight into
 * budget_line for budget files, into a staging table merged with INSERT ...
 * ON CONFLICT for keyed kinds), the reference checks run in SQL, and the batch
 * commits only when no row was rejected (or, with partial, with the good rows
 * only). The library prints nothing: errors and warnings come back in
 * lis_import_result for the caller (cli/cmd_import.c, lis demo) to show.
 */
#ifndef LIS_IMPORT_H
#define LIS_IMPORT_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "error.h"

typedef struct lis_import_options {
    const char *profile;     /* profile name or path; NULL: the native format */
    const char *config_path; /* the config file in use (profile lookup); may be NULL */
    bool partial;            /* load the good rows, write the bad to a reject file */
    bool force;              /* import a file whose SHA-256 already landed */
    bool dry_run;            /* validate everything, change nothing */
    const char *reject_path; /* NULL: FILE.rejects.csv beside the input */
    /* Called every LIS_IMPORT_PROGRESS_ROWS data rows while the file is
     * read, with the rows and bytes read so far (a progress line); may be
     * NULL. */
    void (*progress)(void *ctx, long rows, long long bytes);
    void *progress_ctx;
} lis_import_options;

#define LIS_IMPORT_PROGRESS_ROWS 4096

#define LIS_IMPORT_MAX_SHOWN 20

typedef struct lis_import_result {
    long long batch_id;     /* the batch that landed; 0 when none */
    bool duplicate;         /* the same file already landed: nothing was done */
    long long duplicate_of; /* ... as this batch */
    long rows_read;         /* data rows (blank, footer and filtered rows not counted) */
    long rows_loaded;
    long rows_rejected;
    long rows_ignored;     /* values of ratio indicators, dropped with a warning */
    long rows_skipped;     /* footer/subtotal lines and rows a profile filters out */
    long rows_unallocated; /* budget rows on cost centres with no known unit */
    long nerrors;          /* every error; the first LIS_IMPORT_MAX_SHOWN are in errors */
    char *errors[LIS_IMPORT_MAX_SHOWN];
    long nwarnings;
    char *warnings[LIS_IMPORT_MAX_SHOWN];
    char *reject_path; /* the reject file written, or NULL */
    char *profile;     /* the profile used ("native" by default) */
    char sha256[65];
    long long size;
} lis_import_result;

void lis_import_result_init(lis_import_result *res);
void lis_import_result_release(lis_import_result *res);

/* Whether kind is one of SPEC section 2's kinds. */
bool lis_import_kind_valid(const char *kind);

/* The kinds, separated by ", " (for usage messages). Static. */
const char *lis_import_kinds(void);

/*
 * Imports path as kind on conn (which must not be inside a transaction).
 * Returns LIS_OK when the batch landed or the file had landed before
 * (res->duplicate); LIS_INPUT when rows were rejected (res->errors; with
 * partial the good rows landed all the same) or the file cannot be read as
 * that kind (err); LIS_USAGE for an unknown kind or a bad profile; LIS_DB
 * when the database failed. res must have been initialised; the caller
 * releases it.
 */
lis_status lis_import_file(PGconn *conn, const char *kind, const char *path,
                           const lis_import_options *opt, lis_import_result *res,
                           lis_error *err);

/*
 * Withdraws batch batch_id: its budget lines, its measurements (restoring the
 * values it replaced from measurement_history) or its catalogue rows, and
 * the batch record. *kind_out (optional) receives the batch's kind (caller
 * frees), *rows the rows removed. LIS_INPUT when there is no such batch or
 * its rows are still referenced.
 */
lis_status lis_import_batch_rm(PGconn *conn, long long batch_id, char **kind_out,
                               long *rows, lis_error *err);

#endif
