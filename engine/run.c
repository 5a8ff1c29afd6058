/*
 * run.c - the lock, record, temporary folder and manifest of a report run;
 * see run.h. It writes no report itself: renderers get paths from
 * lis_run_file and write them.
 */
#define _GNU_SOURCE /* renameat2 */
#include "run.h"
#include "db.h"
#include "mem.h"
#include "run_record.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <dirent.h>
#include <openssl/evp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

struct lis_run {
    PGconn *conn;
    char *kind, *period, *params_json;
    int year;
    long run_id, document_id, newest_batch, as_of_batch;
    char *batches_json, *manifest_extra;
    char *out_dir, *tmp_dir, *final_dir;
    bool keep_other_files;
    bool locked;
    bool in_snapshot; /* the read-only transaction of the run is open */
    char *snapshot;   /* its exported snapshot (pg_export_snapshot) */
    char **files;
    size_t n_files, cap_files;
    struct sigaction old_term, old_int, old_hup, old_xfsz;
    bool handlers;
    size_t n_manifest; /* files the manifest lists (this run's and kept ones) */
};

/* ------------------------------------------------------------ signals */

/* The render processes of the run in progress (a process runs one run at a
 * time) and the signal that interrupted it. The handler only reads these
 * and calls kill(), which is async-signal-safe. */
#define MAX_CHILDREN 64
static volatile pid_t children[MAX_CHILDREN];
static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
    interrupted = sig;
    for (int i = 0; i < MAX_CHILDREN; i++)
        if (children[i] > 0)
            kill(children[i], SIGKILL);
    lis_db_cancel_signalled();
}

/* SIGTERM, SIGINT and SIGHUP end the run as a failure: the handler kills the
 * render processes at once and cancels the run's statement in progress
 * (without that, a run waiting for a long query or a lock went on until it
 * ended); the blocked call (waitpid, a write, a query) returns EINTR or the
 * cancelled statement's error, since SA_RESTART is not set, and the run
 * cleans up as on any error. SIGXFSZ is ignored so that a write beyond
 * RLIMIT_FSIZE fails with EFBIG, naming the file, instead of killing lis. */
static void
install_handlers(lis_run *run)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    interrupted = 0;
    sigaction(SIGTERM, &sa, &run->old_term);
    sigaction(SIGINT, &sa, &run->old_int);
    sigaction(SIGHUP, &sa, &run->old_hup);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGXFSZ, &sa, &run->old_xfsz);
    lis_db_cancel_on_signal(run->conn);
    run->handlers = true;
}

static void
restore_handlers(lis_run *run)
{
    if (!run->handlers)
        return;
    lis_db_cancel_on_signal(NULL);
    sigaction(SIGTERM, &run->old_term, NULL);
    sigaction(SIGINT, &run->old_int, NULL);
    sigaction(SIGHUP, &run->old_hup, NULL);
    sigaction(SIGXFSZ, &run->old_xfsz, NULL);
    run->handlers = false;
}

int
lis_run_interrupted(void)
{
    return interrupted;
}

pid_t
lis_run_fork(lis_run *run)
{
    int slot = -1;
    for (int i = 0; i < MAX_CHILDREN && slot < 0; i++)
        if (children[i] <= 0)
            slot = i;
    if (slot < 0 || interrupted) {
        errno = slot < 0 ? EAGAIN : EINTR;
        return -1;
    }
    pid_t parent = getpid();
    /* The parent's handler must not run in the child before it is reset. */
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    pid_t pid = fork();
    if (pid == 0) {
        /* A worker dies with its parent, so a killed run leaves no process
         * behind that holds its files or its session. The check after
         * prctl covers a parent that died before it. */
        signal(SIGTERM, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        for (int i = 0; i < MAX_CHILDREN; i++)
            children[i] = 0;
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(LIS_OUTPUT);
        sigprocmask(SIG_SETMASK, &old, NULL);
        /* The child's copy of the connection's socket is closed without a
         * Terminate message: the session stays the parent's and ends when
         * the parent's socket closes. The child never uses the connection. */
        if (run->conn && PQsocket(run->conn) >= 0)
            close(PQsocket(run->conn));
        return 0;
    }
    if (pid > 0)
        children[slot] = pid;
    sigprocmask(SIG_SETMASK, &old, NULL);
    return pid;
}

int
lis_run_wait(pid_t pid)
{
    int ws = 0;
    pid_t got;
    while ((got = waitpid(pid, &ws, 0)) < 0 && errno == EINTR)
        ;
    for (int i = 0; i < MAX_CHILDREN; i++)
        if (children[i] == pid)
            children[i] = 0;
    if (got < 0)
        return LIS_OUTPUT;
    if (WIFEXITED(ws))
        return WEXITSTATUS(ws);
    return LIS_OUTPUT;
}

/* ------------------------------------------------------------- helpers */

static bool
safe_byte(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '-';
}

/* The first 4 bytes of the SHA-256 of s, as 8 lowercase hex digits. */
static void
short_hash(const char *s, size_t n, char hex[9])
{
    unsigned char md[32];
    unsigned int len = 0;
    EVP_Digest(s, n, md, &len, EVP_sha256(), NULL);
    for (unsigned i = 0; i < 4; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
}

/* True when s ends in "-" and 8 lowercase hex digits, the shape of the hash
 * lis_run_safe_name appends. */
static bool
ends_in_hash(const char *s, size_t n)
{
    if (n < 9 || s[n - 9] != '-')
        return false;
    for (size_t i = n - 8; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return true;
}

char *
lis_run_safe_name(const char *id)
{
    if (id == NULL)
        id = "";
    size_t n = strlen(id);
    /* An id keeps its own name when it is already safe, short, not hidden
     * (a leading '.') and cannot be mistaken for a name that carries a hash;
     * any other id is cut and gets the hash of the whole id, so the name is
     * a function of the id alone and two ids differ in name unless their
     * hashes collide. */
    bool changed = n == 0 || n > LIS_RUN_NAME_MAX || id[0] == '.' || ends_in_hash(id, n);
    size_t keep = n > LIS_RUN_NAME_MAX ? LIS_RUN_NAME_MAX : n;
    char *s = lis_xmalloc(keep + 10 + 1);
    for (size_t i = 0; i < keep; i++) {
        unsigned char c = (unsigned char)id[i];
        s[i] = safe_byte(c) ? (char)c : '_';
        changed |= !safe_byte(c);
    }
    for (size_t i = keep; i < n && !changed; i++)
        changed = !safe_byte((unsigned char)id[i]);
    if (keep > 0 && s[0] == '.')
        s[0] = '_';
    s[keep] = '\0';
    if (changed) {
        char hex[9];
        short_hash(id, n, hex);
        snprintf(s + keep, 11, "%s%s", keep ? "-" : "_-", hex);
    }
    return s;
}

void
lis_run_json_string(lis_buf *b, const char *s)
{
    lis_buf_addc(b, '"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"':
            lis_buf_adds(b, "\\\"");
            break;
        case '\\':
            lis_buf_adds(b, "\\\\");
            break;
        case '\n':
            lis_buf_adds(b, "\\n");
            break;
        case '\r':
            lis_buf_adds(b, "\\r");
            break;
        case '\t':
            lis_buf_adds(b, "\\t");
            break;
        default:
            if (*p < 0x20)
                lis_buf_addf(b, "\\u%04x", *p);
            else
                lis_buf_addc(b, (char)*p);
        }
    }
    lis_buf_addc(b, '"');
}

lis_status
lis_run_sha256_file(const char *path, char hex[65], long long *size, lis_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return lis_error_set(err, LIS_OUTPUT, "could not open \"%s\": %s", path,
                             strerror(errno));
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    unsigned char buf[65536];
    size_t n;
    long long total = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        EVP_DigestUpdate(ctx, buf, n);
        total += (long long)n;
    }
    int bad = ferror(f);
    fclose(f);
    unsigned char md[32];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx, md, &len);
    EVP_MD_CTX_free(ctx);
    if (bad)
        return lis_error_set(err, LIS_OUTPUT, "could not read \"%s\"", path);
    for (unsigned i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    if (size)
        *size = total;
    return LIS_OK;
}

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void
remove_tree(const char *path)
{
    nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static lis_status make_dirs(const char *path, lis_error *err);

lis_status
lis_run_make_dirs(const char *path, lis_error *err)
{
    return make_dirs(path, err);
}

static lis_status
make_dirs(const char *path, lis_error *err)
{
    char *p = lis_xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            lis_error_set(err, LIS_OUTPUT, "could not create folder \"%s\": %s", p,
                          strerror(errno));
            free(p);
            return LIS_OUTPUT;
        }
        *s = '/';
    }
    if (mkdir(p, 0777) != 0 && errno != EEXIST) {
        lis_error_set(err, LIS_OUTPUT, "could not create folder \"%s\": %s", p,
                      strerror(errno));
        free(p);
        return LIS_OUTPUT;
    }
    free(p);
    return LIS_OK;
}

/* Removes OUT/.<period>.tmp.* left by crashed runs (we hold the lock, so no
 * live run of this kind and period owns one). */
static void
remove_stale(const lis_run *run)
{
    DIR *d = opendir(run->out_dir);
    if (d == NULL)
        return;
    char *prefix = lis_xasprintf(".%s.tmp.", run->period);
    char *old = lis_xasprintf(".%s.old.", run->period);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 ||
            strncmp(e->d_name, old, strlen(old)) == 0) {
            char *path = lis_xasprintf("%s/%s", run->out_dir, e->d_name);
            remove_tree(path);
            free(path);
        }
    }
    closedir(d);
    free(prefix);
    free(old);
}

static void
run_free(lis_run *run)
{
    if (run == NULL)
        return;
    for (size_t i = 0; i < run->n_files; i++)
        free(run->files[i]);
    free(run->files);
    free(run->kind);
    free(run->period);
    free(run->params_json);
    free(run->snapshot);
    free(run->batches_json);
    free(run->manifest_extra);
    free(run->out_dir);
    free(run->tmp_dir);
    free(run->final_dir);
    free(run);
}

static void
unlock(lis_run *run)
{
    if (!run->locked)
        return;
    const char *params[2] = {run->kind, run->period};
    PGresult *res = lis_db_query_text(
        run->conn,
        "SELECT pg_advisory_unlock(hashtext('lis run'), hashtext($1 || ' ' || $2))", 2,
        params, NULL);
    PQclear(res);
    run->locked = false;
}

/* --------------------------------------------------------------- begin */

/* Everything the run reads after its record is written (the report model,
 * the batches of the manifest) comes from one snapshot: a REPEATABLE READ
 * READ ONLY transaction, open until the manifest is written. An import or a
 * rollup that commits meanwhile is not seen, so figures, Data sheet, stamp
 * and manifest agree. The newest batch is read again inside the snapshot
 * (one may have landed since the run was recorded). */
static lis_status
begin_snapshot(lis_run *run, lis_error *err)
{
    if (lis_db_exec(run->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", err) !=
        LIS_OK)
        return LIS_DB;
    run->in_snapshot = true;
    /* render processes read on connections of their own in this snapshot */
    PGresult *res =
        lis_db_query_text(run->conn, "SELECT pg_export_snapshot()", 0, NULL, err);
    if (res == NULL)
        return LIS_DB;
    run->snapshot = lis_xstrdup(PQgetvalue(res, 0, 0));
    PQclear(res);
    if (run->as_of_batch) /* the data as of that batch, read before the run */
        return LIS_OK;
    res = lis_db_query(run->conn, "queries/report_stamp.sql", 0, NULL, err);
    if (res == NULL)
        return LIS_DB;
    if (PQntuples(res) == 1)
        run->newest_batch = strtol(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    return LIS_OK;
}

static lis_status
end_snapshot(lis_run *run, lis_error *err)
{
    if (!run->in_snapshot)
        return LIS_OK;
    run->in_snapshot = false;
    return lis_db_exec(run->conn, "COMMIT", err);
}

lis_run *
lis_run_begin(PGconn *conn, const lis_run_params *p, lis_error *err)
{
    lis_run *run = lis_xcalloc(1, sizeof *run);
    run->conn = conn;
    run->kind = lis_xstrdup(p->kind);
    run->period = lis_xstrdup(p->period);
    run->params_json = lis_xstrdup(p->parameters_json ? p->parameters_json : "{}");
    run->year = p->year;
    run->keep_other_files = p->keep_other_files;
    run->as_of_batch = p->as_of_batch;
    run->batches_json = p->batches_json ? lis_xstrdup(p->batches_json) : NULL;
    run->manifest_extra = p->manifest_extra ? lis_xstrdup(p->manifest_extra) : NULL;
    run->out_dir = lis_xstrdup(p->out_dir && p->out_dir[0] ? p->out_dir : "out");
    size_t n = strlen(run->out_dir);
    while (n > 1 && run->out_dir[n - 1] == '/')
        run->out_dir[--n] = '\0';

    const char *lp[2] = {run->kind, run->period};
    PGresult *res = lis_db_query_text(
        conn,
        "SELECT pg_try_advisory_lock(hashtext('lis run'), hashtext($1 || ' ' || $2))", 2,
        lp, err);
    if (res == NULL)
        goto fail;
    bool got = PQgetvalue(res, 0, 0)[0] == 't';
    PQclear(res);
    if (!got) {
        lis_error_set(err, LIS_OUTPUT, "another %s run of %s is in progress", run->kind,
                      run->period);
        lis_error_hint(err,
                       "Wait for it to finish and run again; table lis.run lists the "
                       "runs.");
        goto fail;
    }
    run->locked = true;
    install_handlers(run);
    /* runs that died holding this lock are over now (lis runs); a failure
     * here only leaves them listed as running a while longer */
    lis_run_mark_stale(conn, NULL, NULL);

    char batch[32] = "";
    if (run->as_of_batch) {
        run->newest_batch = run->as_of_batch;
    } else {
        res = lis_db_query(conn, "queries/report_stamp.sql", 0, NULL, err);
        if (res == NULL)
            goto fail;
        if (PQntuples(res) == 1)
            run->newest_batch = strtol(PQgetvalue(res, 0, 0), NULL, 10);
        PQclear(res);
    }
    if (run->newest_batch)
        snprintf(batch, sizeof batch, "%ld", run->newest_batch);

    char year[16];
    snprintf(year, sizeof year, "%d", run->year);
    const char *bp[6] = {
        run->kind, run->period,          run->params_json, batch[0] ? batch : NULL,
        year,      p->rollup_fingerprint};
    res = lis_db_query(conn, "queries/run_begin.sql", 6, bp, err);
    if (res == NULL)
        goto fail;
    run->run_id = strtol(PQgetvalue(res, 0, 0), NULL, 10);
    run->document_id = strtol(PQgetvalue(res, 0, 1), NULL, 10);
    PQclear(res);

    if (make_dirs(run->out_dir, err) != LIS_OK)
        goto fail_recorded;
    remove_stale(run);
    run->final_dir = lis_xasprintf("%s/%s", run->out_dir, run->period);
    run->tmp_dir =
        lis_xasprintf("%s/.%s.tmp.%ld", run->out_dir, run->period, run->run_id);
    if (mkdir(run->tmp_dir, 0777) != 0) {
        lis_error_set(err, LIS_OUTPUT, "could not create folder \"%s\": %s", run->tmp_dir,
                      strerror(errno));
        goto fail_recorded;
    }
    if (begin_snapshot(run, err) != LIS_OK)
        goto fail_recorded;
    return run;

fail_recorded:
    lis_run_finish(run, LIS_OUTPUT, err, NULL);
    return NULL;
fail:
    restore_handlers(run);
    unlock(run);
    run_free(run);
    return NULL;
}

long
lis_run_id(const lis_run *run)
{
    return run->run_id;
}

long
lis_run_document_id(const lis_run *run)
{
    return run->document_id;
}

void
lis_run_set_manifest_extra(lis_run *run, const char *members)
{
    free(run->manifest_extra);
    run->manifest_extra = members ? lis_xstrdup(members) : NULL;
}

const char *
lis_run_snapshot(const lis_run *run)
{
    return run->snapshot;
}

const char *
lis_run_final_dir(const lis_run *run)
{
    return run->final_dir;
}

size_t
lis_run_n_files(const lis_run *run)
{
    return run->n_files;
}

static bool
registered(const lis_run *run, const char *name)
{
    for (size_t i = 0; i < run->n_files; i++)
        if (strcmp(run->files[i], name) == 0)
            return true;
    return strcmp(name, "manifest.json") == 0;
}

/* A file name as a renderer composed it from safe parts: kept to
 * [A-Za-z0-9._-], never hidden (so never "." or ".."), and at most NAME_MAX
 * bytes (a longer stem is cut and gets a hash of the whole name). */
static char *
bare_name(const char *name)
{
    size_t n = strlen(name);
    char *s = lis_xmalloc(n + 2);
    for (size_t i = 0; i < n; i++)
        s[i] = safe_byte((unsigned char)name[i]) ? name[i] : '_';
    s[n] = '\0';
    if (n == 0 || s[0] == '.') {
        memmove(s + 1, s, n + 1);
        s[0] = '_';
        n++;
    }
    if (n > NAME_MAX) {
        char hex[9];
        short_hash(name, strlen(name), hex);
        const char *dot = strrchr(s, '.');
        size_t ext = dot && strlen(dot) <= 16 ? strlen(dot) : 0;
        char *cut = lis_xasprintf("%.*s-%s%s", (int)(NAME_MAX - 9 - ext), s, hex,
                                  ext ? s + n - ext : "");
        free(s);
        s = cut;
    }
    return s;
}

char *
lis_run_file(lis_run *run, const char *name)
{
    char *safe = bare_name(name);
    if (registered(run, safe)) {
        const char *dot = strrchr(safe, '.');
        int stem = dot && dot != safe ? (int)(dot - safe) : (int)strlen(safe);
        const char *ext = dot && dot != safe ? dot : "";
        for (int k = 2;; k++) {
            char *alt = lis_xasprintf("%.*s-%d%s", stem, safe, k, ext);
            if (!registered(run, alt)) {
                free(safe);
                safe = alt;
                break;
            }
            free(alt);
        }
    }
    if (run->n_files == run->cap_files) {
        run->cap_files = run->cap_files ? run->cap_files * 2 : 64;
        run->files = lis_xrealloc(run->files, run->cap_files * sizeof *run->files);
    }
    run->files[run->n_files++] = safe;
    return lis_xasprintf("%s/%s", run->tmp_dir, safe);
}

/* -------------------------------------------------------------- finish */

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Links (or copies) the files of the earlier folder this run did not write. */
static lis_status
keep_others(lis_run *run, lis_error *err)
{
    DIR *d = opendir(run->final_dir);
    if (d == NULL)
        return LIS_OK;
    struct dirent *e;
    lis_status st = LIS_OK;
    while (st == LIS_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || registered(run, e->d_name))
            continue;
        char *from = lis_xasprintf("%s/%s", run->final_dir, e->d_name);
        char *to = lis_xasprintf("%s/%s", run->tmp_dir, e->d_name);
        if (link(from, to) != 0)
            st = lis_error_set(err, LIS_OUTPUT, "could not keep \"%s\": %s", from,
                               strerror(errno));
        free(from);
        free(to);
    }
    closedir(d);
    return st;
}

lis_status
lis_run_batches_json(PGconn *conn, int year, lis_buf *b, lis_error *err)
{
    char ys[16];
    snprintf(ys, sizeof ys, "%d", year);
    const char *yp[1] = {ys};
    PGresult *res = lis_db_query(conn, "queries/run_batches.sql", 1, yp, err);
    if (res == NULL)
        return LIS_DB;
    lis_buf_addc(b, '[');
    for (int i = 0; i < PQntuples(res); i++) {
        lis_buf_addf(b, "%s\n    {\"batch_id\": %s, \"kind\": ", i ? "," : "",
                     PQgetvalue(res, i, 0));
        lis_run_json_string(b, PQgetvalue(res, i, 1));
        lis_buf_adds(b, ", \"file\": ");
        lis_run_json_string(b, PQgetvalue(res, i, 2));
        lis_buf_adds(b, ", \"sha256\": ");
        lis_run_json_string(b, PQgetvalue(res, i, 3));
        lis_buf_adds(b, ", \"finished\": ");
        lis_run_json_string(b, PQgetvalue(res, i, 4));
        lis_buf_adds(b, "}");
    }
    lis_buf_adds(b, PQntuples(res) ? "\n  ]" : "]");
    PQclear(res);
    return LIS_OK;
}

static lis_status
write_manifest(lis_run *run, lis_error *err)
{
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_addf(&b, "{\n  \"run_id\": %ld,\n  \"document_run_id\": %ld,\n  \"kind\": ",
                 run->run_id, run->document_id);
    lis_run_json_string(&b, run->kind);
    lis_buf_adds(&b, ",\n  \"period\": ");
    lis_run_json_string(&b, run->period);
    lis_buf_addf(&b, ",\n  \"parameters\": %s,\n", run->params_json);
    if (run->newest_batch)
        lis_buf_addf(&b, "  \"newest_batch\": %ld,\n", run->newest_batch);
    else
        lis_buf_adds(&b, "  \"newest_batch\": null,\n");

    if (run->as_of_batch)
        lis_buf_addf(&b, "  \"as_of_batch\": %ld,\n", run->as_of_batch);
    if (run->manifest_extra)
        lis_buf_addf(&b, "  %s,\n", run->manifest_extra);
    lis_buf_adds(&b, "  \"batches\": ");
    if (run->batches_json)
        lis_buf_adds(&b, run->batches_json);
    else if (lis_run_batches_json(run->conn, run->year, &b, err) != LIS_OK) {
        lis_buf_release(&b);
        return LIS_DB;
    }
    lis_buf_adds(&b, ",\n");

    /* every file in the folder, this run's and those kept, by name */
    char **names = NULL;
    size_t n = 0, cap = 0;
    DIR *d = opendir(run->tmp_dir);
    if (d == NULL) {
        lis_buf_release(&b);
        return lis_error_set(err, LIS_OUTPUT, "could not read folder \"%s\": %s",
                             run->tmp_dir, strerror(errno));
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "manifest.json") == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = lis_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = lis_xstrdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);

    lis_status st = LIS_OK;
    for (size_t i = 0; i < run->n_files && st == LIS_OK; i++) {
        char *path = lis_xasprintf("%s/%s", run->tmp_dir, run->files[i]);
        struct stat sb;
        if (stat(path, &sb) != 0)
            st = lis_error_set(err, LIS_OUTPUT, "report file \"%s\" was not written",
                               run->files[i]);
        free(path);
    }
    lis_buf_adds(&b, "  \"files\": [");
    for (size_t i = 0; i < n && st == LIS_OK; i++) {
        char *path = lis_xasprintf("%s/%s", run->tmp_dir, names[i]);
        char hex[65];
        long long size = 0;
        st = lis_run_sha256_file(path, hex, &size, err);
        free(path);
        if (st != LIS_OK)
            break;
        lis_buf_addf(&b, "%s\n    {\"name\": ", i ? "," : "");
        lis_run_json_string(&b, names[i]);
        lis_buf_addf(&b, ", \"sha256\": \"%s\", \"bytes\": %lld%s}", hex, size,
                     registered(run, names[i]) ? ""
                                               : ", \"kept_from_earlier_run\": true");
    }
    lis_buf_adds(&b, n ? "\n  ]\n}\n" : "]\n}\n");
    run->n_manifest = n;
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (st != LIS_OK) {
        lis_buf_release(&b);
        return st;
    }

    char *path = lis_xasprintf("%s/manifest.json", run->tmp_dir);
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(b.data, 1, b.len, f) != b.len || fflush(f) != 0 ||
        fsync(fileno(f)) != 0) {
        st = lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", path,
                           strerror(errno));
    }
    if (f && fclose(f) != 0 && st == LIS_OK)
        st = lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", path,
                           strerror(errno));
    free(path);
    lis_buf_release(&b);
    return st;
}

/* Puts the temporary folder in place of OUT/<period>, in one step when the
 * kernel can exchange the two. */
static lis_status
swap_into_place(lis_run *run, lis_error *err)
{
    struct stat sb;
    if (stat(run->final_dir, &sb) != 0) {
        if (rename(run->tmp_dir, run->final_dir) != 0)
            return lis_error_set(err, LIS_OUTPUT, "could not rename \"%s\" to \"%s\": %s",
                                 run->tmp_dir, run->final_dir, strerror(errno));
        return LIS_OK;
    }
    if (renameat2(AT_FDCWD, run->tmp_dir, AT_FDCWD, run->final_dir, RENAME_EXCHANGE) ==
        0) {
        remove_tree(run->tmp_dir); /* now holds the earlier output */
        return LIS_OK;
    }
    char *old = lis_xasprintf("%s/.%s.old.%ld", run->out_dir, run->period, run->run_id);
    lis_status st = LIS_OK;
    if (rename(run->final_dir, old) != 0)
        st = lis_error_set(err, LIS_OUTPUT, "could not move \"%s\" aside: %s",
                           run->final_dir, strerror(errno));
    else if (rename(run->tmp_dir, run->final_dir) != 0) {
        st = lis_error_set(err, LIS_OUTPUT, "could not rename \"%s\" to \"%s\": %s",
                           run->tmp_dir, run->final_dir, strerror(errno));
        rename(old, run->final_dir);
    } else {
        remove_tree(old);
    }
    free(old);
    return st;
}

static void
record_end(lis_run *run, bool ok, const char *message)
{
    char id[32];
    snprintf(id, sizeof id, "%ld", run->run_id);
    const char *params[3] = {id, ok ? "ok" : "failed", message};
    PGresult *res = lis_db_query(run->conn, "queries/run_end.sql", 3, params, NULL);
    PQclear(res);
}

lis_status
lis_run_finish(lis_run *run, lis_status status, const lis_error *failure, lis_error *err)
{
    if (run == NULL)
        return status;
    lis_status st = status;
    lis_error own = {0};
    if (interrupted) {
        /* whatever the renderers said, the run was stopped */
        int sig = interrupted;
        st = status = lis_error_set(&own, LIS_OUTPUT, "the run was interrupted by %s",
                                    sig == SIGTERM  ? "SIGTERM"
                                    : sig == SIGINT ? "SIGINT"
                                                    : "SIGHUP");
        failure = &own;
        if (err)
            *err = own;
    }
    if (st == LIS_OK && run->keep_other_files)
        st = keep_others(run, &own);
    if (st == LIS_OK)
        st = write_manifest(run, &own);
    /* the read-only snapshot ends before the record is written; on a failure
     * its error (a lost connection) is already the run's */
    lis_error snap = {0};
    if (end_snapshot(run, &snap) != LIS_OK && st == LIS_OK) {
        own = snap;
        st = LIS_DB;
    }
    if (st == LIS_OK)
        st = swap_into_place(run, &own);
    if (st == LIS_OK) {
        record_end(run, true, NULL);
        lis_run_record_output(run->conn, run->run_id, run->final_dir,
                              (long)run->n_manifest, NULL);
    } else {
        if (run->tmp_dir)
            remove_tree(run->tmp_dir);
        const lis_error *why = status != LIS_OK ? failure : &own;
        record_end(run, false, why && why->msg[0] ? why->msg : lis_status_str(st));
        if (status == LIS_OK && err)
            *err = own;
    }
    restore_handlers(run);
    unlock(run);
    run_free(run);
    return status == LIS_OK ? st : status;
}
