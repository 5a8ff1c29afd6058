/*
 * sql.h - the SQL files of sql/, embedded in the binary at build time.
 *
 * Each query file holds one statement with $1..$n placeholders and a header
 * comment on its parameters and result; migrations live in sql/migrations/.
 */
#ifndef LIS_SQL_H
#define LIS_SQL_H

typedef struct lis_sql_file {
    const char *name; /* path below sql/, e.g. "queries/batch_ls.sql" */
    const char *text; /* NUL-terminated; static storage */
} lis_sql_file;

/* All embedded files sorted by name, ended by {NULL, NULL}. */
extern const lis_sql_file lis_sql_files[];

/* The text of sql/NAME; a missing name is a bug in lis (assert). Borrowed. */
const char *lis_sql(const char *name);

#endif
