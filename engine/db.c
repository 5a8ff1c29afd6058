/*
 * db.c - choosing and opening the database; see db.h.
 */
#include "db.h"
#include "embedded.h"
#include "mem.h"
#include "migrate.h"
#include "sql.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool
env_set(const char *name)
{
    const char *v = getenv(name);
    return v && v[0];
}

lis_db_source
lis_db_choose(const char *option, const lis_config *cfg, const char **conninfo)
{
    static const char *pgvars[] = {"PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE",
                                   "PGSERVICE"};
    *conninfo = NULL;
    if (option) {
        *conninfo = option;
        return LIS_DB_OPTION;
    }
    if (env_set("LIS_DB")) {
        *conninfo = getenv("LIS_DB");
        return LIS_DB_ENV;
    }
    for (size_t i = 0; i < sizeof pgvars / sizeof *pgvars; i++) {
        if (env_set(pgvars[i])) {
            *conninfo = ""; /* libpq reads the environment itself */
            return LIS_DB_PGENV;
        }
    }
    if (cfg && cfg->db_conninfo) {
        *conninfo = cfg->db_conninfo;
        return LIS_DB_CONFIG;
    }
    return LIS_DB_EMBEDDED;
}

const char *
lis_db_source_str(lis_db_source src)
{
    switch (src) {
    case LIS_DB_OPTION:
        return "the --db option";
    case LIS_DB_ENV:
        return "LIS_DB";
    case LIS_DB_PGENV:
        return "the libpq environment (PGHOST, ...)";
    case LIS_DB_CONFIG:
        return "the config file";
    case LIS_DB_EMBEDDED:
        return "the embedded default cluster";
    }
    return "?";
}

lis_status
lis_db_error(PGconn *conn, const PGresult *res, const char *what, lis_error *err)
{
    const char *msg = res ? PQresultErrorMessage(res) : NULL;
    if (msg == NULL || msg[0] == '\0')
        msg = conn ? PQerrorMessage(conn) : "no connection";
    /* libpq messages end in a newline and may span lines: keep the first as
     * the primary message and the rest as detail. */
    size_t first = strcspn(msg, "\n");
    lis_error_set(err, LIS_DB, "%s: %.*s", what, (int)first, msg);
    if (err && err->code == LIS_DB) {
        const char *rest = msg + first;
        while (*rest == '\n')
            rest++;
        if (*rest) {
            char *copy = lis_xstrdup(rest);
            size_t n = strlen(copy);
            while (n > 0 && copy[n - 1] == '\n')
                copy[--n] = '\0';
            lis_error_detail(err, "%s", copy);
            free(copy);
        }
        const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
        if (state && err->sqlstate[0] == '\0')
            snprintf(err->sqlstate, sizeof err->sqlstate, "%s", state);
    }
    return LIS_DB;
}

static PGresult *
run(PGconn *conn, const char *sql, const char *what, int nparams,
    const char *const *params, lis_error *err)
{
    PGresult *res = PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
        return res;
    lis_db_error(conn, res, what, err);
    PQclear(res);
    return NULL;
}

PGresult *
lis_db_query_text(PGconn *conn, const char *sql, int nparams, const char *const *params,
                  lis_error *err)
{
    return run(conn, sql, "query failed", nparams, params, err);
}

PGresult *
lis_db_query(PGconn *conn, const char *name, int nparams, const char *const *params,
             lis_error *err)
{
    char what[200];
    snprintf(what, sizeof what, "query %s failed", name);
    return run(conn, lis_sql(name), what, nparams, params, err);
}

char *
lis_db_text_array(const char *const *ids, size_t n)
{
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_addc(&b, '{');
    for (size_t i = 0; i < n; i++) {
        if (i)
            lis_buf_addc(&b, ',');
        lis_buf_addc(&b, '"');
        for (const char *p = ids[i]; *p; p++) {
            if (*p == '"' || *p == '\\')
                lis_buf_addc(&b, '\\');
            lis_buf_addc(&b, *p);
        }
        lis_buf_addc(&b, '"');
    }
    lis_buf_addc(&b, '}');
    return b.data;
}

lis_status
lis_db_declare(PGconn *conn, const char *cursor, const char *name, int nparams,
               const char *const *params, lis_error *err)
{
    char what[200];
    snprintf(what, sizeof what, "query %s failed", name);
    char *sql =
        lis_xasprintf("DECLARE %s NO SCROLL CURSOR FOR %s", cursor, lis_sql(name));
    PGresult *res = run(conn, sql, what, nparams, params, err);
    free(sql);
    if (res == NULL)
        return LIS_DB;
    PQclear(res);
    return LIS_OK;
}

PGresult *
lis_db_fetch(PGconn *conn, const char *cursor, long rows, lis_error *err)
{
    char sql[160];
    if (rows > 0)
        snprintf(sql, sizeof sql, "FETCH FORWARD %ld FROM %s", rows, cursor);
    else
        snprintf(sql, sizeof sql, "FETCH ALL FROM %s", cursor);
    return run(conn, sql, "fetching rows failed", 0, NULL, err);
}

long
lis_db_run(PGconn *conn, const char *name, int nparams, const char *const *params,
           lis_error *err)
{
    PGresult *res = lis_db_query(conn, name, nparams, params, err);
    if (res == NULL)
        return -1;
    long rows = atol(PQcmdTuples(res));
    PQclear(res);
    return rows;
}

lis_status
lis_db_copy_begin(PGconn *conn, const char *name, lis_error *err)
{
    PGresult *res = PQexec(conn, lis_sql(name));
    lis_status st = LIS_OK;
    if (PQresultStatus(res) != PGRES_COPY_IN)
        st = lis_db_error(conn, res, "COPY failed", err);
    PQclear(res);
    return st;
}

lis_status
lis_db_copy_send(PGconn *conn, lis_buf *b, lis_error *err)
{
    enum { PIECE = 1 << 20 };
    for (size_t off = 0; off < b->len; off += PIECE) {
        size_t n = b->len - off < PIECE ? b->len - off : PIECE;
        if (PQputCopyData(conn, b->data + off, (int)n) != 1)
            return lis_db_error(conn, NULL, "COPY failed", err);
    }
    lis_buf_reset(b);
    return LIS_OK;
}

lis_status
lis_db_copy_end(PGconn *conn, const char *abort, lis_error *err)
{
    lis_status st = LIS_OK;
    if (PQputCopyEnd(conn, abort) != 1)
        st = lis_db_error(conn, NULL, "COPY failed", err);
    PGresult *res;
    while ((res = PQgetResult(conn)) != NULL) {
        if (abort == NULL && PQresultStatus(res) != PGRES_COMMAND_OK && st == LIS_OK)
            st = lis_db_error(conn, res, "COPY failed", err);
        PQclear(res);
    }
    return st;
}

lis_status
lis_db_copy_in(PGconn *conn, const char *name, lis_buf *data, lis_error *err)
{
    if (lis_db_copy_begin(conn, name, err) != LIS_OK)
        return LIS_DB;
    bool ok = lis_db_copy_send(conn, data, err) == LIS_OK;
    lis_status st = lis_db_copy_end(conn, ok ? NULL : "client failed", ok ? err : NULL);
    return ok ? st : LIS_DB;
}

/* Written only with every signal blocked, so that a handler sees the old
 * object or the new one, never one being freed. */
static PGcancel *volatile signal_cancel;

void
lis_db_cancel_on_signal(PGconn *conn)
{
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    PGcancel *prev = signal_cancel;
    signal_cancel = conn ? PQgetCancel(conn) : NULL;
    sigprocmask(SIG_SETMASK, &old, NULL);
    PQfreeCancel(prev);
}

void
lis_db_cancel_signalled(void)
{
    PGcancel *cancel = signal_cancel;
    char msg[256]; /* on the stack, as libpq asks of a handler */
    if (cancel != NULL)
        (void)PQcancel(cancel, msg, sizeof msg);
}

static lis_status
exec_text(PGconn *conn, const char *sql, const char *what, lis_error *err)
{
    PGresult *res = PQexec(conn, sql);
    ExecStatusType st = PQresultStatus(res);
    lis_status rc = LIS_OK;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        rc = lis_db_error(conn, res, what, err);
    /* COMMIT of a transaction in which a statement failed rolls it back and
     * reports success ("ROLLBACK"): that must not pass for a commit. */
    else if (strcmp(sql, "COMMIT") == 0 && strcmp(PQcmdStatus(res), "COMMIT") != 0)
        rc = lis_error_set(err, LIS_DB,
                           "the transaction was rolled back: a statement in it failed");
    PQclear(res);
    return rc;
}

lis_status
lis_db_exec(PGconn *conn, const char *sql, lis_error *err)
{
    return exec_text(conn, sql, "statement failed", err);
}

lis_status
lis_db_exec_file(PGconn *conn, const char *name, lis_error *err)
{
    char what[200];
    snprintf(what, sizeof what, "query %s failed", name);
    return exec_text(conn, lis_sql(name), what, err);
}

/* Masks passwords in a message about a conninfo (msg holds size bytes): the
 * value after "password=" (a keyword or a URI parameter) and the password of
 * a URI's user info ("://user:secret@"). libpq's parser quotes the whole
 * string it could not parse. */
static void
redact(char *msg, size_t size)
{
    lis_buf b;
    lis_buf_init(&b);
    const char *p = msg;
    while (*p) {
        if (strncasecmp(p, "password", 8) == 0) {
            const char *v = p + 8;
            while (*v == ' ')
                v++;
            if (*v == '=') {
                v++;
                while (*v == ' ')
                    v++;
                lis_buf_add(&b, p, (size_t)(v - p));
                lis_buf_adds(&b, "***");
                if (*v == '\'') {
                    for (v++; *v && *v != '\''; v++)
                        if (*v == '\\' && v[1])
                            v++;
                    if (*v)
                        v++;
                } else {
                    v += strcspn(v, " &\"\n");
                }
                p = v;
                continue;
            }
        }
        if (strncmp(p, "://", 3) == 0) {
            const char *u = p + 3;
            const char *at = u + strcspn(u, "@/?\" ");
            const char *colon = memchr(u, ':', (size_t)(at - u));
            if (*at == '@' && colon) {
                lis_buf_add(&b, p, (size_t)(colon - p));
                lis_buf_adds(&b, ":***");
                p = at;
                continue;
            }
        }
        lis_buf_addc(&b, *p++);
    }
    snprintf(msg, size, "%s", b.data ? b.data : "");
    lis_buf_release(&b);
}

static void
redact_error(lis_error *err)
{
    if (err == NULL)
        return;
    redact(err->msg, sizeof err->msg);
    redact(err->detail, sizeof err->detail);
}

PGconn *
lis_db_connect(const char *conninfo, lis_error *err)
{
    /* A malformed conninfo is the user's mistake (exit 1), not the
     * database's: libpq's parser tells which. */
    char *parse_error = NULL;
    PQconninfoOption *parsed =
        conninfo[0] ? PQconninfoParse(conninfo, &parse_error) : NULL;
    if (conninfo[0] && parsed == NULL) {
        lis_error_set(err, LIS_USAGE, "invalid connection string: %s",
                      parse_error ? strtok(parse_error, "\n") : "out of memory");
        PQfreemem(parse_error);
        redact_error(err);
        return NULL;
    }
    PQconninfoFree(parsed);

    /* dbname comes last and is expanded (a string or URI), so what the user
     * gave overrides lis's defaults before it. */
    static const char *keys[] = {"application_name", "client_encoding", "dbname", NULL};
    const char *vals[] = {"lis", "UTF8", conninfo, NULL};
    PGconn *conn = PQconnectdbParams(keys, vals, 1);
    if (conn == NULL || PQstatus(conn) != CONNECTION_OK) {
        lis_db_error(conn, NULL, "could not connect to the database", err);
        PQfinish(conn);
        redact_error(err);
        return NULL;
    }
    /* JIT off: lis's statements are set-based and short, and their
     * estimates (recursive unit trees above all) pass JIT's thresholds;
     * compiling then cost more than it saved (the import of 3,000 units
     * 0.29-0.33 -> 0.17 s), and no statement of lis gained from it. */
    if (lis_db_exec(conn,
                    "SET search_path = lis, public; SET DateStyle = ISO;"
                    " SET client_min_messages = warning; SET jit = off",
                    err) != LIS_OK) {
        PQfinish(conn);
        return NULL;
    }
    if (PQserverVersion(conn) >= 140000) /* refused on some platforms: see the file */
        PQclear(lis_db_query(conn, "queries/session_client_check.sql", 0, NULL, NULL));
    return conn;
}

/* A conninfo string with the parameters conn was made with. */
static char *
conninfo_of(PGconn *conn)
{
    PQconninfoOption *opts = PQconninfo(conn);
    lis_buf b;
    lis_buf_init(&b);
    for (PQconninfoOption *o = opts; o && o->keyword; o++) {
        if (o->val == NULL || o->val[0] == '\0')
            continue;
        lis_buf_addf(&b, "%s%s='", b.len ? " " : "", o->keyword);
        for (const char *p = o->val; *p; p++) {
            if (*p == '\'' || *p == '\\')
                lis_buf_addc(&b, '\\');
            lis_buf_addc(&b, *p);
        }
        lis_buf_addc(&b, '\'');
    }
    PQconninfoFree(opts);
    return b.data;
}

PGconn *
lis_db_connect_like(PGconn *conn, lis_error *err)
{
    char *ci = conninfo_of(conn);
    PGconn *c = lis_db_connect(ci, err);
    free(ci);
    return c;
}

PGconn *
lis_db_connect_snapshot(PGconn *conn, const char *snapshot, bool read_only,
                        lis_error *err)
{
    PGconn *c = lis_db_connect_like(conn, err);
    if (c == NULL)
        return NULL;
    char *lit = PQescapeLiteral(c, snapshot, strlen(snapshot));
    char *set = lis_xasprintf("SET TRANSACTION SNAPSHOT %s", lit ? lit : "''");
    PQfreemem(lit);
    lis_status st =
        lis_db_exec(c,
                    read_only ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                              : "BEGIN ISOLATION LEVEL REPEATABLE READ",
                    err);
    if (st == LIS_OK)
        st = lis_db_exec(c, set, err);
    free(set);
    if (st != LIS_OK) {
        PQfinish(c);
        return NULL;
    }
    return c;
}

PGconn *
lis_db_open(const char *option, const lis_config *cfg, lis_db_schema schema,
            lis_error *err)
{
    const char *conninfo;
    lis_db_source src = lis_db_choose(option, cfg, &conninfo);
    PGconn *conn;

    if (src == LIS_DB_EMBEDDED) {
        lis_embedded emb;
        if (lis_embedded_init(&emb, cfg, err) != LIS_OK)
            return NULL;
        /* A running cluster is connected to at once: making sure it runs
         * (pg_config, pg_ctl status, the database) took 0.04-0.09 s of every
         * command (bench/embedded.sh). */
        char *ci = lis_embedded_conninfo(&emb);
        lis_error not_running = {0};
        conn = lis_embedded_exists(&emb) ? lis_db_connect(ci, &not_running) : NULL;
        free(ci);
        if (conn == NULL && lis_embedded_start(&emb, err) == LIS_OK) {
            ci = lis_embedded_conninfo(&emb); /* the cluster's, as start found it */
            conn = lis_db_connect(ci, err);
            free(ci);
        }
        lis_embedded_release(&emb);
        /* The private cluster is ours: keep its schema current ourselves. */
        if (conn && schema == LIS_SCHEMA_CURRENT &&
            lis_migrate(conn, NULL, err) != LIS_OK) {
            PQfinish(conn);
            return NULL;
        }
        return conn;
    }

    conn = lis_db_connect(conninfo, err);
    if (conn == NULL) {
        lis_error_detail(err, "The database was chosen by %s.", lis_db_source_str(src));
        return NULL;
    }
    if (schema == LIS_SCHEMA_CURRENT && lis_migrate_check(conn, err) != LIS_OK) {
        PQfinish(conn);
        return NULL;
    }
    return conn;
}
