/*
 * profile.h - connector profiles: how one kind of source file is laid out.
 *
 * A profile is an INI file under config/connectors/ (documented key by key
 * in config/connectors/README.md). Without --profile the native format of
 * SPEC section 2 applies: UTF-8, delimiter detected from the header, the
 * native number rules, headers matched by field name or Danish alias.
 */
#ifndef LIS_PROFILE_H
#define LIS_PROFILE_H

#include <stdbool.h>

#include "error.h"
#include "number.h"
#include "sql.h"

#define LIS_PROFILE_MAX_MAP 32
#define LIS_PROFILE_MAX_LIST 8

typedef enum lis_encoding {
    LIS_ENC_UTF8,
    LIS_ENC_WINDOWS_1252,
    LIS_ENC_ISO_8859_1,
} lis_encoding;

/* One field fed by a source column (or by several joined with "."), or by a
 * constant. */
typedef struct lis_profile_map {
    char *field;
    char *source;   /* column name(s) in the file, "a + b" joins; NULL for a constant */
    char *constant; /* a fixed value for every row; NULL when from a column.
                       "{file}" is the file's name without folder and extension,
                       "{filedate}" the first yyyy-mm in that name */
    char *fallback; /* [defaults]: the value of an empty cell; may be NULL */
} lis_profile_map;

/* A row filter: keep only rows whose column equals one of the values. */
typedef struct lis_profile_filter {
    char *column;
    char *value;
} lis_profile_filter;

typedef struct lis_profile {
    char *name;        /* "native" for the built-in default */
    char *path;        /* the file read; NULL for native and built-in profiles */
    char *kind;        /* the kind it imports; NULL: any (native) */
    char *description; /* [profile] description; NULL when none */
    lis_encoding encoding;
    char delimiter; /* 0: detect from the header */
    char decimal;   /* 0: by delimiter (native) */
    char thousands; /* 0 with thousands_set: none */
    bool thousands_set;
    bool neg_leading, neg_trailing, neg_parentheses;
    bool dash_is_zero;
    bool extra_fields_ignore; /* extra_fields = ignore: a data line may hold more
                                 fields than the header (else an error) */
    char *period_format;      /* "auto" or a number.h format */
    char *date_format;
    int skip_lines;    /* title lines before the header */
    int header_search; /* search this many lines for the header (>= 1) */
    char *skip_prefix[LIS_PROFILE_MAX_LIST]; /* footer/subtotal: first non-empty cell
                                                starts with */
    int nskip_prefix;
    char *missing[LIS_PROFILE_MAX_LIST]; /* extra "no value" tokens */
    int nmissing;
    char *sign_column; /* a column whose value flips the sign of amounts */
    char
        *sign_negative[LIS_PROFILE_MAX_LIST]; /* values of sign_column meaning negative */
    int nsign_negative;
    lis_profile_map map[LIS_PROFILE_MAX_MAP];
    int nmap;
    lis_profile_filter filter[LIS_PROFILE_MAX_LIST];
    int nfilter;
} lis_profile;

/* The native profile (all defaults). Release with lis_profile_release. */
void lis_profile_init(lis_profile *p);
void lis_profile_release(lis_profile *p);

/* The shipped profiles (the .conf files of config/connectors/) embedded at build time,
 * named "NAME.conf", sorted, ended by {NULL, NULL}. */
extern const lis_sql_file lis_profile_builtin[];

/*
 * Loads a profile by name or path: NAME holding a "/" or ending in ".conf" is
 * a file; else the first NAME.conf found in $LIS_CONNECTORS, the user's
 * folder ($XDG_CONFIG_HOME/lis/connectors, default ~/.config/lis/connectors),
 * the connectors/ folder beside the config file in use (config_path may be
 * NULL) and the installed one (LIS_SYSCONFDIR/connectors), else the built-in
 * profile NAME. p must be initialised. Unknown keys and bad values are
 * LIS_USAGE errors naming the file and line.
 */
lis_status lis_profile_load(lis_profile *p, const char *name, const char *config_path,
                            lis_error *err);

/* A profile that --profile NAME finds, for lis import --list-profiles. */
typedef struct lis_profile_entry {
    char *name;
    char *kind;        /* NULL: any */
    char *description; /* NULL: none */
    char *path;        /* the file that wins; NULL: the built-in profile */
} lis_profile_entry;

/*
 * Every profile a bare name finds, as lis_profile_load would resolve it: the
 * built-in ones and the files of the folders above, sorted by name. *out is
 * owned by the caller (lis_profile_list_free). A file that does not read as
 * a profile is an error naming it.
 */
lis_status lis_profile_list(const char *config_path, lis_profile_entry **out, int *n,
                            lis_error *err);
void lis_profile_list_free(lis_profile_entry *list, int n);

/* Reads exactly one profile file. */
lis_status lis_profile_read_file(lis_profile *p, const char *path, lis_error *err);

/* The number format for a file whose delimiter is delim. */
lis_numfmt lis_profile_numfmt(const lis_profile *p, char delim);

/* The mapping of field, or NULL. Borrowed. */
const lis_profile_map *lis_profile_find(const lis_profile *p, const char *field);

const char *lis_encoding_name(lis_encoding e);

#endif
