/*
 * embedded.h - the embedded default: a private PostgreSQL cluster.
 *
 * With no database configured, lis keeps its own cluster under its data
 * folder (LIS_HOME, default ~/.local/share/lis): initdb (UTF-8, locale C,
 * superuser "lis", trust on a socket no one else can reach), started with
 * pg_ctl on a Unix socket in that folder and no TCP port, database "lis".
 *
 * PostgreSQL refuses to run as root. When lis runs as root the cluster
 * belongs to the system user "postgres" and its programs run through
 * runuser(1); when postgres cannot reach the data folder (say it lies under
 * /root), the cluster lives in /var/lib/lis/<hash of the folder> and
 * LIS_HOME/cluster is a symbolic link to it.
 *
 * Starting and stopping hold an exclusive lock on LIS_HOME/.lock, so two lis
 * processes that start at once create and start the cluster only once.
 */
#ifndef LIS_EMBEDDED_H
#define LIS_EMBEDDED_H

#include <stdbool.h>

#include "config.h"
#include "error.h"

typedef struct lis_embedded {
    char *home;       /* the data folder */
    char *cluster;    /* the cluster folder (LIS_HOME/cluster or its target) */
    char *datadir;    /* cluster/data */
    char *sockdir;    /* cluster/run */
    char *logfile;    /* cluster/server.log */
    char *bindir;     /* PostgreSQL's server programs; NULL until needed or not found */
    bool as_postgres; /* we are root: the cluster runs as user postgres */
} lis_embedded;

/* Works out the paths; creates nothing. _release frees them. */
lis_status lis_embedded_init(lis_embedded *e, const lis_config *cfg, lis_error *err);
void lis_embedded_release(lis_embedded *e);

/* Creates the cluster when there is none, starts it when it is not running,
 * and creates the database "lis". LIS_DB on failure, with the tool's output
 * in the detail. */
lis_status lis_embedded_start(lis_embedded *e, lis_error *err);

/* Stops the cluster (fast shutdown); *was_running tells whether it ran. */
lis_status lis_embedded_stop(lis_embedded *e, bool *was_running, lis_error *err);

/* Whether the cluster exists (has been initialised) and whether it runs. */
bool lis_embedded_exists(const lis_embedded *e);
bool lis_embedded_running(lis_embedded *e);

/* The conninfo of database "lis" in the running cluster. Newly allocated. */
char *lis_embedded_conninfo(const lis_embedded *e);

#endif
