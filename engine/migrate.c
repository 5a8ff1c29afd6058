/*
 * migrate.c - applying sql/migrations/ in order; see migrate.h.
 */
#include "migrate.h"
#include "db.h"
#include "mem.h"
#include "sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PREFIX "migrations/"
#define API_PREFIX "api/"
#define LOCK_KEY "7411001" /* pg_advisory_lock key for migrations */

/* The version of an embedded file, or 0 when it is not a migration. */
static int
migration_version(const lis_sql_file *f)
{
    if (strncmp(f->name, PREFIX, strlen(PREFIX)) != 0)
        return 0;
    return atoi(f->name + strlen(PREFIX));
}

int
lis_migrate_latest(void)
{
    int latest = 0;
    for (const lis_sql_file *f = lis_sql_files; f->name; f++)
        if (migration_version(f) > latest)
            latest = migration_version(f);
    return latest;
}

/* Which schema tells the version to this role: 'l' (lis itself), 'a' (only
 * the interface lis_api: lis_reporter) or 'n' (none, an empty database).
 * (sql/queries/migrate_version_source.sql says how it tells). */
static char
version_source(PGconn *conn, lis_error *err)
{
    PGresult *res =
        lis_db_query(conn, "queries/migrate_version_source.sql", 0, NULL, err);
    if (res == NULL)
        return '\0';
    char src = PQgetvalue(res, 0, 0)[0];
    PQclear(res);
    return src;
}

int
lis_migrate_version(PGconn *conn, lis_error *err)
{
    char src = version_source(conn, err);
    if (src == '\0')
        return -1;
    if (src == 'n')
        return 0;
    PGresult *res;
    if (src == 'a') {
        res = lis_db_query_text(conn, "SELECT schema_version FROM lis_api.about", 0, NULL,
                                err);
        if (res == NULL)
            return -1;
        int v = atoi(PQgetvalue(res, 0, 0));
        PQclear(res);
        return v;
    }
    res = lis_db_query_text(conn, "SELECT to_regclass('lis.schema_version') IS NOT NULL",
                            0, NULL, err);
    if (res == NULL)
        return -1;
    bool exists = PQgetvalue(res, 0, 0)[0] == 't';
    PQclear(res);
    if (!exists)
        return 0;
    res = lis_db_query_text(
        conn, "SELECT coalesce(max(version), 0) FROM lis.schema_version", 0, NULL, err);
    if (res == NULL)
        return -1;
    int v = atoi(PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
}

static lis_status
newer_than_binary(int have, lis_error *err)
{
    lis_error_set(err, LIS_DB, "database schema version %d is newer than this lis (%d)",
                  have, lis_migrate_latest());
    lis_error_hint(err,
                   "Use a lis at least as new as the one that migrated the database.");
    return LIS_DB;
}

static lis_status
apply(PGconn *conn, const lis_sql_file *f, int version, lis_error *err)
{
    char v[16];
    snprintf(v, sizeof v, "%d", version);
    const char *params[] = {v, f->name};
    if (lis_db_exec(conn, "BEGIN", err) != LIS_OK)
        return LIS_DB;
    if (lis_db_exec(conn, f->text, err) == LIS_OK) {
        PGresult *res = lis_db_query_text(
            conn, "INSERT INTO lis.schema_version (version, name) VALUES ($1, $2)", 2,
            params, err);
        if (res != NULL) {
            PQclear(res);
            if (lis_db_exec(conn, "COMMIT", err) == LIS_OK)
                return LIS_OK;
        }
    }
    PQclear(PQexec(conn, "ROLLBACK"));
    lis_error_detail(err, "Migration %s was rolled back.", f->name);
    return LIS_DB;
}

/* The text of the interface: every file of sql/api/ in name order, each
 * after its name, so that a change to any of them changes its md5. */
static char *
api_text(void)
{
    lis_buf b;
    lis_buf_init(&b);
    for (const lis_sql_file *f = lis_sql_files; f->name; f++)
        if (strncmp(f->name, API_PREFIX, strlen(API_PREFIX)) == 0)
            lis_buf_addf(&b, "-- %s\n%s\n", f->name, f->text);
    return b.data;
}

/* 1 when the database holds this binary's interface (lis.api_state), 0 when
 * not, 2 when this role cannot tell (it may not read lis.api_state), -1 with
 * err on failure. */
static int
api_current(PGconn *conn, const char *text, lis_error *err)
{
    PGresult *res = lis_db_query(conn, "queries/migrate_api_readable.sql", 0, NULL, err);
    if (res == NULL)
        return -1;
    bool readable = PQgetvalue(res, 0, 0)[0] == 't';
    PQclear(res);
    if (!readable)
        return 2;
    const char *params[] = {text};
    res = lis_db_query(conn, "queries/migrate_api_current.sql", 1, params, err);
    if (res == NULL)
        return -1;
    int current = PQgetvalue(res, 0, 0)[0] == 't';
    PQclear(res);
    return current;
}

/*
 * (Re)creates the views of sql/api/ and grants them, in one transaction, when
 * their text differs from what the database last got. The views are CREATE
 * OR REPLACE, which keeps the grants of a view whose columns only appended;
 * api_grant.sql grants again what a migration had to drop and create anew.
 */
static lis_status
api_apply(PGconn *conn, lis_error *err)
{
    char *text = api_text();
    int current = api_current(conn, text, err);
    lis_status st = current < 0 ? LIS_DB : LIS_OK;
    if (current != 0) {
        free(text);
        return st;
    }
    st = lis_db_exec(conn, "BEGIN", err);
    for (const lis_sql_file *f = lis_sql_files; st == LIS_OK && f->name; f++)
        if (strncmp(f->name, API_PREFIX, strlen(API_PREFIX)) == 0) {
            st = lis_db_exec(conn, f->text, err);
            if (st != LIS_OK)
                lis_error_detail(err, "The interface (sql/%s) was rolled back.", f->name);
        }
    if (st == LIS_OK)
        st = lis_db_exec_file(conn, "queries/api_grant.sql", err);
    if (st == LIS_OK) {
        const char *params[] = {text};
        PGresult *res =
            lis_db_query(conn, "queries/migrate_api_record.sql", 1, params, err);
        st = res == NULL ? LIS_DB : LIS_OK;
        PQclear(res);
    }
    if (st == LIS_OK)
        st = lis_db_exec(conn, "COMMIT", err);
    if (st != LIS_OK)
        PQclear(PQexec(conn, "ROLLBACK"));
    free(text);
    return st;
}

lis_status
lis_migrate(PGconn *conn, int *applied, lis_error *err)
{
    int count = 0;
    lis_status st = lis_db_exec(conn, "SELECT pg_advisory_lock(" LOCK_KEY ")", err);
    if (st != LIS_OK)
        return st;
    st = lis_db_exec(conn,
                     "CREATE SCHEMA IF NOT EXISTS lis;"
                     " CREATE TABLE IF NOT EXISTS lis.schema_version ("
                     "  version integer PRIMARY KEY,"
                     "  name text NOT NULL,"
                     "  applied_at timestamptz NOT NULL DEFAULT now())",
                     err);
    int have = st == LIS_OK ? lis_migrate_version(conn, err) : -1;
    if (have < 0)
        st = LIS_DB;
    else if (have > lis_migrate_latest())
        st = newer_than_binary(have, err);
    for (const lis_sql_file *f = lis_sql_files; st == LIS_OK && f->name; f++) {
        int v = migration_version(f);
        if (v > have) {
            st = apply(conn, f, v, err);
            count += st == LIS_OK;
        }
    }
    if (st == LIS_OK)
        st = api_apply(conn, err);
    PQclear(PQexec(conn, "SELECT pg_advisory_unlock(" LOCK_KEY ")"));
    if (applied)
        *applied = count;
    return st;
}

lis_status
lis_migrate_check(PGconn *conn, lis_error *err)
{
    int have = lis_migrate_version(conn, err);
    if (have < 0)
        return LIS_DB;
    if (have > lis_migrate_latest())
        return newer_than_binary(have, err);
    if (have < lis_migrate_latest()) {
        lis_error_set(err, LIS_DB, "database schema is at version %d, this lis needs %d",
                      have, lis_migrate_latest());
        lis_error_hint(err, "Run \"lis db init\" to migrate it.");
        return LIS_DB;
    }
    char *text = api_text();
    int current = api_current(conn, text, err);
    free(text);
    if (current < 0)
        return LIS_DB;
    if (current == 0) {
        lis_error_set(err, LIS_DB,
                      "the database's interface lis_api is not the one of this lis");
        lis_error_hint(err, "Run \"lis db init\" to bring it up to date.");
        return LIS_DB;
    }
    return LIS_OK;
}
