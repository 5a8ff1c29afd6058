/*
 * cmd_import.c - lis import KIND FILE...: one batch per file (connectors/import.h).
 */
#include "cli.h"
#include "import.h"
#include "progress.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: lis import KIND FILE... [--profile NAME] [--partial] [--force] [--dry-run]\n"
    "                  [--quiet]\n"
    "\n"
    "Imports each FILE as one batch, in one transaction: all of it lands or none.\n"
    "\n"
    "KIND is one of units, cost-centres, accounts, agreements, goals, indicators,\n"
    "targets, measurements, budget, statuses, transfers.\n"
    "\n"
    "  --profile NAME  read the files by the connector profile NAME (a file\n"
    "                  NAME.conf in $LIS_CONNECTORS or the installed connectors\n"
    "                  folder, or a path); default: the native format (UTF-8,\n"
    "                  ';' or ',' or TAB, decimal comma)\n"
    "  --partial       load the good rows and write the bad ones, with their line\n"
    "                  and reason, to FILE.rejects.csv (the exit status is still 2)\n"
    "  --force         import a file again although the same file (SHA-256)\n"
    "                  already landed for KIND\n"
    "  --dry-run       read and check everything, change nothing\n"
    "  --quiet         print no summary lines (warnings and errors still go to\n"
    "                  stderr)\n"
    "\n"
    "On a terminal, a progress line on stderr shows the rows and megabytes read\n"
    "and the rate; it is cleared when the file is done.\n"
    "\n"
    "Exit status: 0 every file landed (or had landed before), 1 usage,\n"
    "2 rows were rejected or a file could not be read, 3 database.\n";

static void
print_result(const char *path, const lis_import_result *res,
             const lis_import_options *opt, lis_status st, bool quiet)
{
    for (long i = 0; i < res->nwarnings && i < LIS_IMPORT_MAX_SHOWN; i++)
        lis_cli_warn("%s", res->warnings[i]);
    if (res->nwarnings > LIS_IMPORT_MAX_SHOWN)
        lis_cli_warn("%s: %ld more warnings", path,
                     res->nwarnings - LIS_IMPORT_MAX_SHOWN);
    for (long i = 0; i < res->nerrors && i < LIS_IMPORT_MAX_SHOWN; i++)
        fprintf(stderr, "lis: error: %s\n", res->errors[i]);
    if (res->nerrors > LIS_IMPORT_MAX_SHOWN)
        fprintf(stderr, "lis: error: %s: %ld more errors not shown (%ld in all)\n", path,
                res->nerrors - LIS_IMPORT_MAX_SHOWN, res->nerrors);
    if (quiet)
        return;
    if (res->duplicate) {
        printf("%s: already imported as batch %lld (same SHA-256); nothing to do "
               "(--force imports it again)\n",
               path, res->duplicate_of);
        return;
    }
    if (st != LIS_OK && st != LIS_INPUT)
        return;
    if (opt->dry_run && (st == LIS_OK || res->nerrors == 0)) {
        printf("%s: dry run: %ld row%s read, %ld would be loaded, %ld rejected; nothing "
               "was changed\n",
               path, res->rows_read, res->rows_read == 1 ? "" : "s", res->rows_loaded,
               res->rows_rejected);
        return;
    }
    if (res->batch_id == 0)
        return;
    printf("%s: batch %lld: %ld row%s read, %ld loaded", path, res->batch_id,
           res->rows_read, res->rows_read == 1 ? "" : "s", res->rows_loaded);
    if (res->rows_rejected)
        printf(", %ld rejected", res->rows_rejected);
    if (res->rows_ignored)
        printf(", %ld ignored", res->rows_ignored);
    if (res->rows_skipped)
        printf(", %ld skipped (footer or filter)", res->rows_skipped);
    printf("\n");
    if (res->rows_unallocated)
        printf("%s: %ld row%s on cost centres with no unit (ikke-fordelt)\n", path,
               res->rows_unallocated, res->rows_unallocated == 1 ? "" : "s");
    if (res->reject_path)
        printf("%s: rejected rows written to %s\n", path, res->reject_path);
}

/* The progress line of one file. */
typedef struct import_progress {
    lis_progress line;
    const char *path;
    long long size; /* the file's size; 0 when unknown */
} import_progress;

static void
show_progress(void *ctx, long rows, long long bytes)
{
    import_progress *ip = ctx;
    if (!lis_progress_due(&ip->line))
        return;
    double s = lis_progress_elapsed(&ip->line);
    double mb = (double)bytes / 1e6;
    char of[32] = "";
    if (ip->size > 0)
        snprintf(of, sizeof of, " of %.1f", (double)ip->size / 1e6);
    lis_progress_show(&ip->line, false, "%s: %ld rows, %.1f%s MB read, %.1f MB/s",
                      ip->path, rows, mb, of, s > 0 ? mb / s : 0.0);
}

int
cmd_import(int argc, char **argv, lis_cli *cli)
{
    lis_import_options opt = {0};
    const char *kind = NULL;
    const char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    bool options_done = false, quiet = false;

    if (files == NULL)
        return LIS_DB;
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        free(files);
        return LIS_OK;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) {
            options_done = true;
        } else if (!options_done && strcmp(a, "--partial") == 0) {
            opt.partial = true;
        } else if (!options_done && strcmp(a, "--force") == 0) {
            opt.force = true;
        } else if (!options_done && strcmp(a, "--dry-run") == 0) {
            opt.dry_run = true;
        } else if (!options_done && strcmp(a, "--quiet") == 0) {
            quiet = true;
        } else if (!options_done && strncmp(a, "--profile", 9) == 0 &&
                   (a[9] == '\0' || a[9] == '=')) {
            const char *v = a[9] == '=' ? a + 10 : (i + 1 < argc ? argv[++i] : "");
            if (!v[0]) {
                free(files);
                return lis_cli_usage_error(usage, "--profile needs a name");
            }
            opt.profile = v;
        } else if (!options_done && a[0] == '-' && a[1] != '\0') {
            free(files);
            return lis_cli_usage_error(usage, "unknown option \"%s\"", a);
        } else if (kind == NULL) {
            kind = a;
        } else {
            files[nfiles++] = a;
        }
    }
    if (kind == NULL) {
        free(files);
        return lis_cli_usage_error(usage, "no kind given");
    }
    if (!lis_import_kind_valid(kind)) {
        free(files);
        return lis_cli_usage_error(usage, "unknown kind \"%s\" (one of %s)", kind,
                                   lis_import_kinds());
    }
    if (nfiles == 0) {
        free(files);
        return lis_cli_usage_error(usage, "no file given");
    }
    opt.config_path = cli->cfg.path;

    lis_error err = {0};
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL) {
        free(files);
        return lis_cli_fail(&err);
    }
    int rc = LIS_OK;
    for (int i = 0; i < nfiles; i++) {
        lis_import_result res;
        lis_import_result_init(&res);
        lis_error_clear(&err);
        import_progress ip = {.path = files[i]};
        struct stat sb;
        if (stat(files[i], &sb) == 0)
            ip.size = (long long)sb.st_size;
        lis_progress_init(&ip.line, quiet);
        opt.progress = show_progress;
        opt.progress_ctx = &ip;
        lis_progress_show(&ip.line, true, "%s: reading", files[i]);
        lis_status st = lis_import_file(conn, kind, files[i], &opt, &res, &err);
        if (ip.line.on && res.rows_read > 0) {
            /* the last count, so that even a small file shows it */
            ip.line.last = 0;
            show_progress(&ip, res.rows_read, res.size);
        }
        lis_progress_clear(&ip.line);
        print_result(files[i], &res, &opt, st, quiet);
        if (st != LIS_OK)
            lis_cli_fail(&err);
        lis_import_result_release(&res);
        if ((int)st > rc)
            rc = st;
        if (st == LIS_DB || st == LIS_USAGE)
            break; /* the others would fail the same way */
    }
    PQfinish(conn);
    free(files);
    return rc;
}
