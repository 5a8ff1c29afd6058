/*
 * migrate.c - applying sql/migrations/ in order; see migrate.h.
 */
#include "migrate.h"
#include "db.h"
#include "sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PREFIX "migrations/"
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

int
lis_migrate_version(PGconn *conn, lis_error *err)
{
    PGresult *res = lis_db_query_text(
        conn, "SELECT to_regclass('lis.schema_version') IS NOT NULL", 0, NULL, err);
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
    return LIS_OK;
}
