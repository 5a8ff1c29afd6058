/*
 * migrate.h - the versioned schema migrations of sql/migrations/.
 *
 * A migration is sql/migrations/NNN_what.sql; NNN is its version. lis_migrate
 * applies those newer than the database's, each in its own transaction that
 * also records it in lis.schema_version, under an advisory lock so that two
 * lis processes migrating at once apply each migration once. A database whose
 * schema is newer than this binary's is refused, never touched.
 *
 * After the migrations it applies the interface sql/api/ (the views of the
 * schema lis_api, and their grants) in one transaction when the database
 * holds a different text of it (lis.api_state keeps its md5).
 */
#ifndef LIS_MIGRATE_H
#define LIS_MIGRATE_H

#include <libpq-fe.h>

#include "error.h"

/* The newest migration this binary knows. */
int lis_migrate_latest(void);

/* The database's version: 0 for an empty database, -1 with err on failure. */
int lis_migrate_version(PGconn *conn, lis_error *err);

/* Applies the missing migrations; *applied (may be NULL) counts them. */
lis_status lis_migrate(PGconn *conn, int *applied, lis_error *err);

/* LIS_OK when the schema (and, where this role may tell, the interface
 * lis_api) is exactly this binary's; else LIS_DB with a hint. A role that may
 * read only lis_api (lis_reporter) learns the version from lis_api.about. */
lis_status lis_migrate_check(PGconn *conn, lis_error *err);

#endif
