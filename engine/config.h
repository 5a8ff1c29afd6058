/*
 * config.h - lis.conf: database, output, thresholds and framework rules.
 *
 * The file is INI, read with inih. Every setting has a built-in default equal
 * to the value in the shipped config/lis.conf, so lis runs with no file at all.
 * An unknown section or key, or a value of the wrong type, is an error naming
 * the file and line: a misspelt setting must not be silently ignored.
 */
#ifndef LIS_CONFIG_H
#define LIS_CONFIG_H

#include <stdio.h>

#include "error.h"

typedef struct lis_config {
    char *path;               /* the file read; NULL for built-in defaults */
    char *db_conninfo;        /* [database] conninfo; NULL when unset */
    char *home;               /* [embedded] home; NULL: $LIS_HOME or default */
    char *out_dir;            /* [output] dir */
    char *lang;               /* [output] language: "da" or "en" */
    double yellow_pct;        /* [thresholds] yellow: indicator yellow from */
    double economy_green_pct; /* [thresholds] economy_green: forecast over by */
    double economy_yellow_pct;
    int own_goals_min; /* [framework] */
    int own_goals_max;
    int cross_cutting_min;
    int jobs;     /* [run] jobs: parallel renderers; 0: the number of cores */
    int max_line; /* [import] max_line: bytes per input line */
    /* [smtp]: how delivery mail is sent (delivery/). The password is never
     * in the file: password_env names the environment variable holding it. */
    char *smtp_url;          /* smtp://host:587 (STARTTLS when offered), smtps:// */
    char *smtp_from;         /* the sender address */
    char *smtp_user;         /* NULL: no login */
    char *smtp_password_env; /* default LIS_SMTP_PASSWORD */
    int smtp_require_tls;    /* refuse to send without TLS */
    double smtp_retry_delay; /* seconds before the first retry, doubled after */
    char *smtp_ca_file;      /* CA certificates to trust instead of the system's */
    /* [delivery] monthly, quarterly, status, annual: the targets of a run
     * of that kind, "mail:ADDRESS" and "folder:PATH" ({period} is replaced)
     * separated by commas; NULL: none. Indexed by lis_config_kind_index. */
    char *delivery[4];
} lis_config;

/* The index in lis_config.delivery of a run kind (monthly, quarterly,
 * status, annual), or -1. */
int lis_config_kind_index(const char *kind);

/* Fills cfg with the built-in defaults. Release with lis_config_release. */
void lis_config_init(lis_config *cfg);
void lis_config_release(lis_config *cfg);

/*
 * Loads the configuration: the file named by path when not NULL (it must
 * exist), else $LIS_CONFIG, else $LIS_HOME/lis.conf or the installed
 * lis.conf when either exists, else the defaults alone. cfg must have been
 * initialised. Returns LIS_USAGE for a missing named file or a bad setting.
 */
lis_status lis_config_load(lis_config *cfg, const char *path, lis_error *err);

/* Reads exactly one file into cfg (for tests and lis_config_load). */
lis_status lis_config_read_file(lis_config *cfg, const char *path, lis_error *err);

/* The largest configuration or profile file lis reads: 1 MiB. */
#define LIS_CONFIG_MAX_SIZE (1024 * 1024)

/*
 * Opens an INI file (what: "config file", "profile") for reading. A folder,
 * a device, a pipe or a file larger than LIS_CONFIG_MAX_SIZE is a LIS_USAGE
 * error naming the path and why (never read as empty, never a hang); NULL
 * then.
 */
FILE *lis_config_open(const char *path, const char *what, lis_error *err);

/* Parses f with inih into handler; a read error is an error too. Returns
 * LIS_OK or LIS_USAGE naming path and line (problem: what the handler
 * found wrong, may be empty). Closes f. */
lis_status lis_config_parse(FILE *f, const char *path,
                            int (*handler)(void *, const char *, const char *,
                                           const char *),
                            void *user, const char *problem, lis_error *err);

/* The data folder: [embedded] home, else $LIS_HOME, else ~/.local/share/lis.
 * Newly allocated. */
char *lis_config_home(const lis_config *cfg);

#endif
