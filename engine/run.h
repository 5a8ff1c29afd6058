/*
 * run.h - what every report run shares (SPEC sections 4 and 5): the
 * advisory lock per kind and period, the row in lis.run, the temporary
 * output folder renamed into place, safe file names and manifest.json.
 *
 * A run goes:
 *
 *     lis_run *run = lis_run_begin(conn, &params, &err);
 *     char *path = lis_run_file(run, "aftale-A1.xlsx");   (registered)
 *     ... a renderer writes path; any renderer may add files ...
 *     lis_run_finish(run, status, &failure, &err);         (frees run)
 *
 * Files are written into OUT/.<period>.tmp.<run_id>/; only lis_run_finish
 * with LIS_OK writes manifest.json and renames the folder to OUT/<period>
 * (replacing an earlier one in one step), so a failed or crashed run never
 * leaves an empty, partial or half-replaced period folder. With any other
 * status the temporary folder is removed and the run is recorded as failed
 * with its error.
 *
 * The connection must stay open from begin to finish: the lock is a
 * session-level pg_advisory_lock, released by finish (or by the server when
 * the process dies). Between begin and finish the connection is inside a
 * REPEATABLE READ READ ONLY transaction, so that the model, the stamp and
 * the manifest's batches come from one snapshot: read on it, write nothing
 * (finish ends the transaction before it records the run's end).
 */
#ifndef LIS_RUN_H
#define LIS_RUN_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "error.h"

typedef struct lis_run lis_run;

typedef struct lis_run_params {
    const char *kind;    /* monthly, quarterly, status, annual (lis.run.kind) */
    const char *period;  /* the window: the folder's name and the lock's key */
    int year;            /* the budget year the run reads (for the batches) */
    const char *out_dir; /* OUT; created when missing */
    /* The parameters as a JSON object, recorded in lis.run and the manifest.
     * Keys "out" and "jobs" do not change the content of the files. */
    const char *parameters_json;
    /* Partial run (--agreement): files of an earlier run in OUT/<period>
     * that this run does not write are kept. */
    bool keep_other_files;
    /* --as-of-batch N (0: none): the run reads the data as of batch N, which
     * is then its newest batch, and the manifest says "as_of_batch". */
    long as_of_batch;
    /* The fingerprint of the data the run read, or NULL for the stored
     * rollup's (an as-of run passes that of lis_rollup_as_of). */
    const char *rollup_fingerprint;
    /* The manifest's "batches" array (see lis_run_batches_json), or NULL to
     * read it when the run finishes; an as-of run passes the one it read in
     * its as-of transaction. */
    const char *batches_json;
    /* Further members of the manifest's top object ("\"missing\": [...]"),
     * or NULL. */
    const char *manifest_extra;
} lis_run_params;

/*
 * Takes the lock, records the run as running and makes the temporary
 * folder. A run of the same kind and period in progress is an error
 * (LIS_OUTPUT, saying so); database trouble is LIS_DB; a folder that cannot
 * be made is LIS_OUTPUT. Returns the run (freed by lis_run_finish) or NULL.
 */
lis_run *lis_run_begin(PGconn *conn, const lis_run_params *params, lis_error *err);

/* This run's id in lis.run. */
long lis_run_id(const lis_run *run);

/*
 * The run id documents state: the earliest successful run of the same
 * kind, period and parameters on the same data (newest batch, latest
 * rollup), else this run's id. So the same data and parameters give
 * byte-identical files although each run is recorded on its own; the
 * manifest names both.
 */
long lis_run_document_id(const lis_run *run);

/*
 * Registers NAME (a bare file name of [A-Za-z0-9._-], see lis_run_safe_name)
 * for the manifest and returns its path in the temporary folder (owned by
 * the caller, free()). Bytes outside the set become '_', a leading '.'
 * gets a '_' before it and a name longer than NAME_MAX is cut (with a hash),
 * so the path never leaves the folder. A name already registered gets "-2",
 * "-3", ... before its extension: a last resort for composed names that
 * coincide (aftale-A-x-y-z.png from goal "x-y" and indicator "z", or from
 * goal "x" and indicator "y-z"); names made by lis_run_safe_name from
 * different ids do not coincide. Thread-unsafe; call it before forking
 * renderers.
 */
char *lis_run_file(lis_run *run, const char *name);

/*
 * Forks a render process of the run. In the child (0 returned): it gets
 * SIGKILL when the parent dies (PR_SET_PDEATHSIG; it exits at once if the
 * parent is already gone), the default SIGTERM/SIGINT/SIGHUP, and its copy
 * of the run's connection socket closed without a Terminate message, so the
 * session and its advisory lock stay the parent's and end with it; the
 * child must not use the connection, and ends with _exit. In the parent: the
 * child's pid (or -1, errno set). While a run is open (begin to finish),
 * SIGTERM, SIGINT and SIGHUP kill its render processes at once and make the
 * run fail ("interrupted by SIGTERM"): finish removes the temporary folder
 * and records the failure, and the caller may then re-raise the signal
 * (lis_run_interrupted). SIGXFSZ is ignored while a run is open, so a file
 * beyond RLIMIT_FSIZE is a write error (EFBIG).
 */
pid_t lis_run_fork(lis_run *run);

/* Waits for a render process; returns its exit status (LIS_OUTPUT when it
 * was killed). */
int lis_run_wait(pid_t pid);

/* The signal that interrupted the current or last run, or 0. */
int lis_run_interrupted(void);

/* How many file names are registered so far. */
size_t lis_run_n_files(const lis_run *run);

/*
 * Ends the run. With status LIS_OK: writes manifest.json (run id,
 * parameters, batches read, every file with its SHA-256 and size), renames
 * the folder into place and records the run ok; a registered file that is
 * missing is an error (LIS_OUTPUT). With another status: removes the
 * temporary folder and records the run failed with failure's message.
 * Releases the lock and frees run in every case. Returns LIS_OK or the
 * error of finishing (err).
 */
lis_status lis_run_finish(lis_run *run, lis_status status, const lis_error *failure,
                          lis_error *err);

/* The run's snapshot exported for other connections (SET TRANSACTION
 * SNAPSHOT), valid from begin to finish (borrowed). */
const char *lis_run_snapshot(const lis_run *run);

/* The final folder OUT/<period> (borrowed; valid until finish). */
const char *lis_run_final_dir(const lis_run *run);

/* Replaces the further members of manifest.json (as manifest_extra of the
 * params; copied), for what the run learns inside its snapshot. */
void lis_run_set_manifest_extra(lis_run *run, const char *members);

/*
 * An id made safe for a file name, a function of the id alone (so a file's
 * name never depends on which other ids are in the run). An id of
 * [A-Za-z0-9._-] of at most LIS_RUN_NAME_MAX bytes that does not start with
 * '.' and does not end in "-" and 8 hex digits keeps its name ("A1" -> "A1").
 * Any other id has each byte outside the set made '_', a leading '.' made
 * '_', is cut to LIS_RUN_NAME_MAX bytes, and gets "-" and the first 8 hex
 * digits of the SHA-256 of the whole id ("a/b" -> "a_b-c2aa5a8b"). At most
 * LIS_RUN_NAME_MAX + 9 bytes; never empty, ".", ".." or a path. Renderers
 * build every name from an id with this function (chart names from goal and
 * indicator ids too). Newly allocated.
 */
#define LIS_RUN_NAME_MAX 64
char *lis_run_safe_name(const char *id);

/* Creates a folder and its parents (mkdir -p); LIS_OUTPUT naming the
 * folder that could not be made. */
lis_status lis_run_make_dirs(const char *path, lis_error *err);

/* Writes the lowercase hex SHA-256 of a file into hex (65 bytes). */
lis_status lis_run_sha256_file(const char *path, char hex[65], long long *size,
                               lis_error *err);

/* Appends the import batches a report of year Y reads, as the manifest's
 * JSON array (with a leading "[" and trailing "]"), to b. LIS_DB on error. */
struct lis_buf;
lis_status lis_run_batches_json(PGconn *conn, int year, struct lis_buf *b,
                                lis_error *err);

/* Appends s to b as a JSON string literal (quoted, escaped). */
struct lis_buf;
void lis_run_json_string(struct lis_buf *b, const char *s);

#endif
