/*
 * kinds.h - the kinds of input file of SPEC section 2: their fields, Danish
 * aliases, value types and the staging/merge SQL that loads them.
 *
 * Static tables only; import.c reads them. The order of a kind's fields is
 * the order of the columns its staging table (sql/queries/import_KIND_*.sql)
 * receives through COPY.
 */
#ifndef LIS_KINDS_H
#define LIS_KINDS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum lis_ftype {
    LIS_F_ID,      /* trimmed text, compared as written */
    LIS_F_TEXT,    /* trimmed text */
    LIS_F_NUM,     /* number (SPEC 2), NULL when empty or ".." */
    LIS_F_INT,     /* whole number in [min, max] */
    LIS_F_BOOL,    /* ja/nej */
    LIS_F_ENUM,    /* one of values, folded (case, æøå) */
    LIS_F_FUNC,    /* function code, 32201 -> 3.22.01 */
    LIS_F_PERIOD,  /* any period: 4 columns period, year, first_month, last_month */
    LIS_F_BPERIOD, /* budget period, a month or a year: 2 columns year, month */
    LIS_F_DATE,    /* date -> yyyy-mm-dd */
    LIS_F_IDLIST,  /* ids separated by spaces or commas -> one space between */
} lis_ftype;

typedef struct lis_field {
    const char *name;    /* canonical column name (SPEC 2) */
    const char *aliases; /* "|"-separated Danish aliases, or NULL */
    lis_ftype type;
    bool column_required; /* the header must have it */
    bool value_required;  /* an empty cell is an error */
    const char *def;      /* value for an empty cell, or NULL (SQL NULL) */
    const char *values;   /* LIS_F_ENUM: "|"-separated allowed values */
    double min, max;      /* LIS_F_INT, LIS_F_NUM when min < max */
    bool amount;          /* flipped by a profile's sign_column */
} lis_field;

#define LIS_KIND_MAX_FIELDS 16

typedef struct lis_kind {
    const char *name;     /* "budget", "cost-centres", ... */
    const char *sql_name; /* "budget", "cost_centres": the part of sql file names */
    bool staged;          /* COPY into a staging table and merge; else append */
    const char *key;      /* key fields, for messages */
    int nfields;
    lis_field fields[LIS_KIND_MAX_FIELDS];
    const char *merge[4]; /* queries run after the checks, $1 = batch id */
    /* Duplicate keys in the file, when the merge's primary key finds them
     * (a unique violation) instead of the check: the query that names them,
     * run only then or when the file has other errors. NULL: the check
     * finds them. */
    const char *duplicates;
} lis_kind;

/* The kind named name, or NULL. */
const lis_kind *lis_kind_find(const char *name);

/* All kinds, ended by a NULL name. */
extern const lis_kind lis_kinds[];

/* Index of field name in kind, or -1. */
int lis_kind_field(const lis_kind *k, const char *name);

#endif
