/*
 * db.h - choosing, opening and using the database.
 *
 * Which database: the --db option, else $LIS_DB, else the libpq environment
 * when one of PGHOST, PGHOSTADDR, PGPORT, PGDATABASE or PGSERVICE is set, else
 * [database] conninfo from lis.conf, else the embedded default cluster
 * (embedded.h), which is created, started and migrated on first use.
 *
 * Every connection has search_path "lis, public", client_encoding UTF8,
 * DateStyle ISO and JIT compilation off. Errors from libpq are copied into
 * lis_error at once, with the SQLSTATE; they are LIS_DB errors (exit status
 * 3).
 */
#ifndef LIS_DB_H
#define LIS_DB_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "config.h"
#include "error.h"
#include "mem.h"

typedef enum lis_db_source {
    LIS_DB_OPTION,   /* --db */
    LIS_DB_ENV,      /* $LIS_DB */
    LIS_DB_PGENV,    /* PGHOST and friends */
    LIS_DB_CONFIG,   /* lis.conf */
    LIS_DB_EMBEDDED, /* the private cluster */
} lis_db_source;

/* Where the database comes from and its conninfo (NULL for the embedded
 * default, which is only known once the cluster runs). conninfo is borrowed. */
lis_db_source lis_db_choose(const char *option, const lis_config *cfg,
                            const char **conninfo);
const char *lis_db_source_str(lis_db_source src);

/* How lis_db_open treats the schema. */
typedef enum lis_db_schema {
    LIS_SCHEMA_ANY,     /* connect only (lis db init migrates itself) */
    LIS_SCHEMA_CURRENT, /* the schema must be at this binary's version; the
                           embedded default is migrated on the way */
} lis_db_schema;

/*
 * Opens the database chosen by lis_db_choose: starts (and creates) the
 * embedded cluster when it is the one chosen. Returns a connection the caller
 * closes with PQfinish, or NULL with err filled (LIS_DB; LIS_USAGE for a
 * malformed conninfo).
 */
PGconn *lis_db_open(const char *option, const lis_config *cfg, lis_db_schema schema,
                    lis_error *err);

/* Connects to conninfo and sets the session up as described above. */
PGconn *lis_db_connect(const char *conninfo, lis_error *err);

/* A second connection like conn's (the same parameters). NULL with err
 * filled. */
PGconn *lis_db_connect_like(PGconn *conn, lis_error *err);

/* A second connection like conn's (the same parameters), inside a
 * transaction on snapshot, which conn's transaction exported
 * (pg_export_snapshot): it reads what conn reads. read_only false lets it
 * write temporary tables. NULL with err filled. */
PGconn *lis_db_connect_snapshot(PGconn *conn, const char *snapshot, bool read_only,
                                lis_error *err);

/* Copies the connection's or result's error into err; returns LIS_DB. */
lis_status lis_db_error(PGconn *conn, const PGresult *res, const char *what,
                        lis_error *err);

/* A text[] parameter of the ids: {"a","b"} with " and \ escaped; the caller
 * frees it. */
char *lis_db_text_array(const char *const *ids, size_t n);

/*
 * Declares cursor `cursor` over the query file name with params, in the
 * caller's transaction, so that its rows can be fetched a chunk at a time
 * with lis_db_fetch instead of all at once. LIS_OK or LIS_DB.
 */
lis_status lis_db_declare(PGconn *conn, const char *cursor, const char *name, int nparams,
                          const char *const *params, lis_error *err);

/* The next at most `rows` rows of the cursor (0 rows: the end; rows 0:
 * all that are left), or NULL with err filled. */
PGresult *lis_db_fetch(PGconn *conn, const char *cursor, long rows, lis_error *err);

/* COPY ... FROM STDIN: begin runs the COPY of query file name; send sends
 * what b holds and empties it; end finishes the COPY, or aborts it with the
 * message abort (non-NULL: the server's error is then not reported), and
 * reports its result. copy_in is all three for a whole stream (e.g. binary
 * rows with header and trailer). LIS_OK or LIS_DB. */
lis_status lis_db_copy_begin(PGconn *conn, const char *name, lis_error *err);
lis_status lis_db_copy_send(PGconn *conn, lis_buf *b, lis_error *err);
lis_status lis_db_copy_end(PGconn *conn, const char *abort, lis_error *err);
lis_status lis_db_copy_in(PGconn *conn, const char *name, lis_buf *data, lis_error *err);

/* conn's statement in progress, if any, is cancelled when
 * lis_db_cancel_signalled() runs; NULL forgets the connection. */
void lis_db_cancel_on_signal(PGconn *conn);

/* Asks the server to cancel the statement of the connection given to
 * lis_db_cancel_on_signal (an idle session ignores it). Async-signal-safe:
 * for signal handlers. */
void lis_db_cancel_signalled(void);

/* Runs one or more statements without parameters (BEGIN, a migration). */
lis_status lis_db_exec(PGconn *conn, const char *sql, lis_error *err);

/* The same for the statements of the embedded file sql/NAME, which an error
 * names as lis_db_query's do. */
lis_status lis_db_exec_file(PGconn *conn, const char *name, lis_error *err);

/*
 * Runs the embedded query sql/NAME with nparams text parameters (NULL is SQL
 * NULL). Returns the result (the caller PQclears it) when it succeeded, else
 * NULL with err filled.
 */
PGresult *lis_db_query(PGconn *conn, const char *name, int nparams,
                       const char *const *params, lis_error *err);

/* Runs the query sql/NAME for its effect: the number of rows it affected
 * (PQcmdTuples), or -1 with err filled. */
long lis_db_run(PGconn *conn, const char *name, int nparams, const char *const *params,
                lis_error *err);

/* The same for SQL text the caller holds (used by migrations and tests). */
PGresult *lis_db_query_text(PGconn *conn, const char *sql, int nparams,
                            const char *const *params, lis_error *err);

#endif
