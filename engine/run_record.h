/*
 * run_record.h - the record of runs in lis.run beyond what run.h keeps
 * while a run lives: finding runs that died without finishing, and where a
 * finished run's files went. lis runs (cli/cmd_runs.c) and lis deliver read
 * these records.
 */
#ifndef LIS_RUN_RECORD_H
#define LIS_RUN_RECORD_H

#include <libpq-fe.h>

#include "error.h"

/*
 * Marks failed every run recorded as running whose session no longer holds
 * its advisory lock (the process was killed or crashed): the error says the
 * run stopped without finishing. Sets *n to the number marked (may be
 * NULL). Returns LIS_OK or LIS_DB (err).
 */
lis_status lis_run_mark_stale(PGconn *conn, int *n, lis_error *err);

/* Records the absolute path of a finished run's folder and how many files
 * its manifest lists. */
lis_status lis_run_record_output(PGconn *conn, long run_id, const char *dir, long files,
                                 lis_error *err);

#endif
