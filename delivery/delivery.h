/*
 * delivery.h - delivering a finished run's files as lis.conf's [delivery]
 * says for its kind: copies into folders (folder:PATH) and one mail message
 * to every mail: recipient (mail.h assembles it, smtp.h sends it). Each
 * delivery is recorded in lis.delivery with its outcome.
 *
 * Delivery is a module of its own (not engine/) because it is the only
 * part of lis that needs libcurl and jansson, and it reads a run after the
 * fact: from its record and its manifest.json, never from the report
 * model, so that "lis deliver RUN_ID" sends exactly what the run wrote.
 */
#ifndef LIS_DELIVERY_H
#define LIS_DELIVERY_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "error.h"
#include "mail.h"
#include "report.h"

/* Counts the statuses of the report's goals (their light at the window,
 * as the dashboard shows it), agreements (the worst goal) and economy. */
void lis_delivery_summarize(const lis_report *r, lis_summary *s);

/* The summary as JSON ({"goals": {"green": 3, ...}, ...}), newly allocated,
 * and back; parse returns false for text that is not such an object. */
char *lis_delivery_summary_json(const lis_summary *s);
bool lis_delivery_summary_parse(const char *json, lis_summary *s);

/* Records the summary of run_id in lis.run (for "lis deliver"). */
lis_status lis_delivery_save_summary(PGconn *conn, long run_id, const lis_summary *s,
                                     lis_error *err);

/* A [delivery] value split into its targets. */
typedef struct lis_targets {
    char **mail; /* addresses */
    size_t n_mail;
    char **folders; /* paths, {period} replaced */
    size_t n_folders;
} lis_targets;

/* Splits spec ("mail:a@x, folder:/srv/{period}") replacing {period};
 * LIS_USAGE for an item that is neither. release frees the lists. */
lis_status lis_targets_parse(const char *spec, const char *period, lis_targets *t,
                             lis_error *err);
void lis_targets_release(lis_targets *t);

/*
 * Copies the files names[0..n-1] of folder src into dest (created when
 * missing), each written under a temporary name (".NAME.lis-tmp.PID") and
 * renamed into place, so that a reader of dest never sees half a file.
 * When sha256 is not NULL, sha256[i] is the expected hex SHA-256 of file i
 * and a copy that differs is not put in place. LIS_OUTPUT on failure (the
 * temporary file removed).
 */
lis_status lis_delivery_copy(const char *src, const char *const *names,
                             const char *const *sha256, size_t n, const char *dest,
                             lis_error *err);

/* One delivery of a run, as recorded. */
typedef struct lis_delivery_outcome {
    char *target; /* "folder:/srv/share/2026-03", "mail:a@x, b@y" */
    bool ok;
    char *detail;
    int attempts;
} lis_delivery_outcome;

typedef struct lis_delivery_outcomes {
    lis_delivery_outcome *items;
    size_t n;
} lis_delivery_outcomes;

void lis_delivery_outcomes_release(lis_delivery_outcomes *o);

/*
 * Delivers run run_id (which must have finished well, and whose folder must
 * still hold its files: its manifest.json names this run and every file has
 * the SHA-256 the manifest lists) to the targets cfg gives its kind. Every
 * target is tried; each outcome is added to out and recorded in
 * lis.delivery. Returns LIS_OK when each target took the files (or there is
 * none), LIS_OUTPUT when one failed (err: the first failure, with the mail
 * server's reply), LIS_INPUT when the run cannot be delivered (unknown,
 * failed, its folder gone or replaced by a later run), LIS_DB.
 */
lis_status lis_delivery_run(PGconn *conn, const lis_config *cfg, long run_id,
                            lis_delivery_outcomes *out, lis_error *err);

#endif
