/*
 * deliver.c - delivering a finished run: its record, its manifest, folder
 * copies, the mail, and the record of each outcome; see delivery.h.
 */
#include "delivery.h"
#include "db.h"
#include "mem.h"
#include "period.h"
#include "run.h"
#include "smtp.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------- summary */

static const char *const summary_keys[LIS_SUMMARY_N] = {"green", "yellow", "red", "grey",
                                                        "not_due"};

static int
summary_index(lis_light l)
{
    switch (l) {
    case LIS_LIGHT_GREEN:
        return LIS_SUMMARY_GREEN;
    case LIS_LIGHT_YELLOW:
        return LIS_SUMMARY_YELLOW;
    case LIS_LIGHT_RED:
        return LIS_SUMMARY_RED;
    case LIS_LIGHT_NOT_DUE:
        return LIS_SUMMARY_NOT_DUE;
    default:
        return LIS_SUMMARY_GREY;
    }
}

/* The goal's light at the report's window: its status year to date, as the
 * dashboard and the monthly Overblik show it; for the whole year (the annual
 * report) the year's status, its "Kom vi i mål?". */
static lis_light
goal_light(const lis_report *r, const lis_rm_goal *g, bool year)
{
    if (year)
        return g->year_status;
    if (g->ytd_status != LIS_LIGHT_NONE)
        return g->ytd_status;
    if (r->month >= 1 && r->month <= 12)
        return g->status[r->month - 1];
    return LIS_LIGHT_NONE;
}

void
lis_delivery_summarize(const lis_report *r, lis_summary *s)
{
    memset(s, 0, sizeof *s);
    lis_period w;
    bool year =
        r->stamp.period && lis_window_parse(r->stamp.period, &w) && w.kind == LIS_YEAR;
    for (size_t i = 0; i < r->n_agreements; i++) {
        const lis_rm_agreement *a = &r->agreements[i];
        bool red = false, yellow = false, green = false;
        for (size_t g = 0; g < a->n_goals; g++) {
            lis_light l = goal_light(r, &a->goals[g], year);
            s->goals[summary_index(l)]++;
            red |= l == LIS_LIGHT_RED;
            yellow |= l == LIS_LIGHT_YELLOW;
            green |= l == LIS_LIGHT_GREEN;
        }
        s->agreements[red      ? LIS_SUMMARY_RED
                      : yellow ? LIS_SUMMARY_YELLOW
                      : green  ? LIS_SUMMARY_GREEN
                               : LIS_SUMMARY_GREY]++;
        s->economy[a->economy.has_budget ? summary_index(a->economy.status_now)
                                         : LIS_SUMMARY_GREY]++;
    }
}

static void
counts_json(lis_buf *b, const char *name, const int *n)
{
    lis_buf_addf(b, "\"%s\": {", name);
    for (int i = 0; i < LIS_SUMMARY_N; i++)
        lis_buf_addf(b, "%s\"%s\": %d", i ? ", " : "", summary_keys[i], n[i]);
    lis_buf_adds(b, "}");
}

char *
lis_delivery_summary_json(const lis_summary *s)
{
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_adds(&b, "{");
    counts_json(&b, "goals", s->goals);
    lis_buf_adds(&b, ", ");
    counts_json(&b, "agreements", s->agreements);
    lis_buf_adds(&b, ", ");
    counts_json(&b, "economy", s->economy);
    lis_buf_adds(&b, "}");
    return b.data;
}

static bool
counts_parse(json_t *root, const char *name, int *n)
{
    json_t *o = json_object_get(root, name);
    if (!json_is_object(o))
        return false;
    for (int i = 0; i < LIS_SUMMARY_N; i++) {
        json_t *v = json_object_get(o, summary_keys[i]);
        if (!json_is_integer(v))
            return false;
        n[i] = (int)json_integer_value(v);
    }
    return true;
}

bool
lis_delivery_summary_parse(const char *json, lis_summary *s)
{
    memset(s, 0, sizeof *s);
    json_t *root = json ? json_loads(json, 0, NULL) : NULL;
    bool ok = root && counts_parse(root, "goals", s->goals) &&
              counts_parse(root, "agreements", s->agreements) &&
              counts_parse(root, "economy", s->economy);
    json_decref(root);
    return ok;
}

lis_status
lis_delivery_save_summary(PGconn *conn, long run_id, const lis_summary *s, lis_error *err)
{
    char id[32];
    snprintf(id, sizeof id, "%ld", run_id);
    char *json = lis_delivery_summary_json(s);
    const char *params[2] = {id, json};
    PGresult *res = lis_db_query(conn, "queries/run_summary.sql", 2, params, err);
    free(json);
    if (res == NULL)
        return LIS_DB;
    PQclear(res);
    return LIS_OK;
}

/* ------------------------------------------------------------- targets */

static char *
expand_period(const char *path, const char *period)
{
    lis_buf b;
    lis_buf_init(&b);
    for (const char *p = path; *p;) {
        if (strncmp(p, "{period}", 8) == 0) {
            lis_buf_adds(&b, period);
            p += 8;
        } else {
            lis_buf_addc(&b, *p++);
        }
    }
    return b.data;
}

static void
push(char ***list, size_t *n, char *item)
{
    *list = lis_xrealloc(*list, (*n + 1) * sizeof **list);
    (*list)[(*n)++] = item;
}

lis_status
lis_targets_parse(const char *spec, const char *period, lis_targets *t, lis_error *err)
{
    memset(t, 0, sizeof *t);
    for (const char *p = spec ? spec : ""; *p;) {
        size_t n = strcspn(p, ",");
        const char *s = p, *e = p + n;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        char *item = lis_xstrndup(s, (size_t)(e - s));
        if (strncmp(item, "mail:", 5) == 0 && strchr(item + 5, '@')) {
            push(&t->mail, &t->n_mail, lis_xstrdup(item + 5));
        } else if (strncmp(item, "folder:", 7) == 0 && item[7]) {
            push(&t->folders, &t->n_folders, expand_period(item + 7, period));
        } else if (item[0]) {
            lis_error_set(err, LIS_USAGE,
                          "delivery target \"%s\" is not mail:ADDRESS or folder:PATH",
                          item);
            free(item);
            lis_targets_release(t);
            return LIS_USAGE;
        }
        free(item);
        p += n;
        if (*p == ',')
            p++;
    }
    return LIS_OK;
}

void
lis_targets_release(lis_targets *t)
{
    for (size_t i = 0; i < t->n_mail; i++)
        free(t->mail[i]);
    for (size_t i = 0; i < t->n_folders; i++)
        free(t->folders[i]);
    free(t->mail);
    free(t->folders);
    memset(t, 0, sizeof *t);
}

/* -------------------------------------------------------------- folder */

/* Copies src to the open file out. */
static lis_status
copy_bytes(const char *src, int out, const char *tmp, lis_error *err)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return lis_error_set(err, LIS_OUTPUT, "could not open \"%s\": %s", src,
                             strerror(errno));
    char buf[65536];
    lis_status st = LIS_OK;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            st = lis_error_set(err, LIS_OUTPUT, "could not read \"%s\": %s", src,
                               strerror(errno));
            break;
        }
        if (n == 0)
            break;
        for (ssize_t done = 0; done < n && st == LIS_OK;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                st = lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", tmp,
                                   strerror(errno));
            else
                done += w;
        }
        if (st != LIS_OK)
            break;
    }
    close(in);
    return st;
}

static lis_status
copy_one(const char *src_dir, const char *name, const char *sha256, const char *dest,
         lis_error *err)
{
    char *src = lis_xasprintf("%s/%s", src_dir, name);
    char *tmp = lis_xasprintf("%s/.%s.lis-tmp.%ld", dest, name, (long)getpid());
    char *final = lis_xasprintf("%s/%s", dest, name);
    lis_status st = LIS_OK;
    int out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (out < 0) {
        st = lis_error_set(err, LIS_OUTPUT, "could not create \"%s\": %s", tmp,
                           strerror(errno));
        goto done;
    }
    st = copy_bytes(src, out, tmp, err);
    if (st == LIS_OK && fsync(out) != 0)
        st = lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", tmp,
                           strerror(errno));
    if (close(out) != 0 && st == LIS_OK)
        st = lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", tmp,
                           strerror(errno));
    /* the copy as it lies in the folder is checked, not the bytes sent to it */
    char hex[65];
    if (st == LIS_OK && sha256 && lis_run_sha256_file(tmp, hex, NULL, err) != LIS_OK)
        st = LIS_OUTPUT;
    if (st == LIS_OK && sha256 && strcmp(hex, sha256) != 0)
        st = lis_error_set(err, LIS_OUTPUT,
                           "\"%s\" changed since its run: its SHA-256 differs from the "
                           "manifest's",
                           src);
    if (st == LIS_OK && rename(tmp, final) != 0)
        st = lis_error_set(err, LIS_OUTPUT, "could not rename \"%s\" to \"%s\": %s", tmp,
                           final, strerror(errno));
    if (st != LIS_OK)
        unlink(tmp);
done:
    free(src);
    free(tmp);
    free(final);
    return st;
}

lis_status
lis_delivery_copy(const char *src, const char *const *names, const char *const *sha256,
                  size_t n, const char *dest, lis_error *err)
{
    if (lis_run_make_dirs(dest, err) != LIS_OK)
        return LIS_OUTPUT;
    for (size_t i = 0; i < n; i++)
        if (copy_one(src, names[i], sha256 ? sha256[i] : NULL, dest, err) != LIS_OK)
            return LIS_OUTPUT;
    return LIS_OK;
}

/* ------------------------------------------------------------ manifest */

typedef struct manifest {
    char **names; /* the files, then manifest.json itself */
    char **sha256;
    size_t n; /* files the manifest lists (without manifest.json) */
} manifest;

static void
manifest_release(manifest *m)
{
    for (size_t i = 0; i <= m->n && m->names; i++) {
        free(m->names[i]);
        free(m->sha256[i]);
    }
    free(m->names);
    free(m->sha256);
    memset(m, 0, sizeof *m);
}

/* Reads DIR/manifest.json, which must be run_id's, and checks each file's
 * SHA-256 against it. */
static lis_status
manifest_read(const char *dir, long run_id, manifest *m, lis_error *err)
{
    memset(m, 0, sizeof *m);
    char *path = lis_xasprintf("%s/manifest.json", dir);
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    lis_status st = LIS_OK;
    json_t *files = root ? json_object_get(root, "files") : NULL;
    json_t *id = root ? json_object_get(root, "run_id") : NULL;
    if (root == NULL) {
        st = lis_error_set(err, LIS_INPUT, "could not read \"%s\": %s", path, jerr.text);
        goto done;
    }
    if (!json_is_integer(id) || !json_is_array(files)) {
        st = lis_error_set(err, LIS_INPUT, "\"%s\" is not a manifest of lis", path);
        goto done;
    }
    if (json_integer_value(id) != run_id) {
        st = lis_error_set(err, LIS_INPUT,
                           "the folder \"%s\" now holds the files of run %lld", dir,
                           (long long)json_integer_value(id));
        lis_error_detail(err,
                         "A later run of the same kind and period replaced run %ld's "
                         "files.",
                         run_id);
        lis_error_hint(err, "Deliver that run instead.");
        goto done;
    }
    size_t n = json_array_size(files);
    m->names = lis_xcalloc(n + 1, sizeof *m->names);
    m->sha256 = lis_xcalloc(n + 1, sizeof *m->sha256);
    for (size_t i = 0; i < n && st == LIS_OK; i++) {
        json_t *f = json_array_get(files, i);
        const char *name = json_string_value(json_object_get(f, "name"));
        const char *sha = json_string_value(json_object_get(f, "sha256"));
        if (!name || !sha || strchr(name, '/') || name[0] == '.') {
            st = lis_error_set(err, LIS_INPUT,
                               "\"%s\" lists a file without a name or "
                               "SHA-256",
                               path);
            break;
        }
        m->names[i] = lis_xstrdup(name);
        m->sha256[i] = lis_xstrdup(sha);
        m->n = i + 1;
        char *fp = lis_xasprintf("%s/%s", dir, name);
        char hex[65];
        st = lis_run_sha256_file(fp, hex, NULL, err);
        if (st == LIS_OK && strcmp(hex, sha) != 0)
            st = lis_error_set(
                err, LIS_INPUT,
                "\"%s\" changed since run %ld: its SHA-256 differs from the "
                "manifest's",
                fp, run_id);
        free(fp);
    }
    if (st == LIS_OK) {
        m->names[m->n] = lis_xstrdup("manifest.json");
        m->sha256[m->n] = NULL;
    }
done:
    json_decref(root);
    free(path);
    if (st != LIS_OK)
        manifest_release(m);
    return st;
}

/* -------------------------------------------------------------- a run */

static void
record(PGconn *conn, long run_id, lis_delivery_outcomes *out, const char *target, bool ok,
       const char *detail, int attempts)
{
    out->items = lis_xrealloc(out->items, (out->n + 1) * sizeof *out->items);
    lis_delivery_outcome *o = &out->items[out->n++];
    o->target = lis_xstrdup(target);
    o->ok = ok;
    o->detail = lis_xstrdup(detail ? detail : "");
    o->attempts = attempts;
    char id[32], n[16];
    snprintf(id, sizeof id, "%ld", run_id);
    snprintf(n, sizeof n, "%d", attempts);
    const char *params[5] = {id, target, ok ? "ok" : "failed", detail, n};
    /* the outcome is printed and decides the exit status even when the
     * database cannot take its record */
    PQclear(lis_db_query(conn, "queries/delivery_record.sql", 5, params, NULL));
}

void
lis_delivery_outcomes_release(lis_delivery_outcomes *o)
{
    for (size_t i = 0; i < o->n; i++) {
        free(o->items[i].target);
        free(o->items[i].detail);
    }
    free(o->items);
    memset(o, 0, sizeof *o);
}

static lis_status
deliver_mail(PGconn *conn, const lis_config *cfg, long run_id, const lis_mail_run *mr,
             const lis_targets *t, lis_delivery_outcomes *out, lis_error *err)
{
    lis_buf target;
    lis_buf_init(&target);
    lis_buf_adds(&target, "mail:");
    for (size_t i = 0; i < t->n_mail; i++)
        lis_buf_addf(&target, "%s%s", i ? ", " : "", t->mail[i]);

    lis_mail *m =
        lis_mail_compose(mr, cfg->smtp_from, (const char *const *)t->mail, t->n_mail);
    const char *pw = cfg->smtp_password_env && cfg->smtp_password_env[0]
                         ? getenv(cfg->smtp_password_env)
                         : NULL;
    lis_smtp_opts o = {.url = cfg->smtp_url,
                       .user = cfg->smtp_user,
                       .password = pw,
                       .require_tls = cfg->smtp_require_tls != 0,
                       .ca_file = cfg->smtp_ca_file,
                       .retry_delay = cfg->smtp_retry_delay,
                       .retries = 3,
                       .timeout = 300};
    lis_smtp_result res = {0};
    lis_error own = {0};
    lis_status st = LIS_OK;
    if (!cfg->smtp_from)
        st = lis_error_set(&own, LIS_OUTPUT,
                           "no sender to send mail as ([smtp] from is empty)");
    else
        st = lis_smtp_send(&o, m, &res, &own);
    record(conn, run_id, out, target.data, st == LIS_OK,
           st == LIS_OK ? res.reply : own.msg, res.attempts > 0 ? res.attempts : 1);
    if (st != LIS_OK && err && err->code == LIS_OK)
        *err = own;
    lis_mail_free(m);
    lis_buf_release(&target);
    return st;
}

lis_status
lis_delivery_run(PGconn *conn, const lis_config *cfg, long run_id,
                 lis_delivery_outcomes *out, lis_error *err)
{
    memset(out, 0, sizeof *out);
    char id[32];
    snprintf(id, sizeof id, "%ld", run_id);
    const char *params[1] = {id};
    PGresult *res = lis_db_query(conn, "queries/delivery_run.sql", 1, params, err);
    if (res == NULL)
        return LIS_DB;
    if (PQntuples(res) != 1) {
        PQclear(res);
        return lis_error_set(err, LIS_INPUT, "no run %ld", run_id);
    }
    char *kind = lis_xstrdup(PQgetvalue(res, 0, 0));
    char *period = lis_xstrdup(PQgetvalue(res, 0, 1));
    bool ok = strcmp(PQgetvalue(res, 0, 2), "ok") == 0;
    char *status = lis_xstrdup(PQgetvalue(res, 0, 2));
    char *dir = PQgetisnull(res, 0, 3) ? NULL : lis_xstrdup(PQgetvalue(res, 0, 3));
    lis_summary summary;
    bool have_summary = !PQgetisnull(res, 0, 4) &&
                        lis_delivery_summary_parse(PQgetvalue(res, 0, 4), &summary);
    PQclear(res);

    lis_status st = LIS_OK;
    lis_targets t = {0};
    manifest m = {0};
    int k = lis_config_kind_index(kind);
    if (k < 0 || !ok || dir == NULL) {
        st = lis_error_set(
            err, LIS_INPUT, "run %ld (%s %s) cannot be delivered: %s", run_id, kind,
            period,
            k < 0 ? "it made no report files"
            : !ok ? (strcmp(status, "running") == 0 ? "it is still running" : "it failed")
                  : "its folder is not known");
        goto done;
    }
    st = lis_targets_parse(cfg->delivery[k], period, &t, err);
    if (st != LIS_OK || (t.n_mail == 0 && t.n_folders == 0))
        goto done;
    st = manifest_read(dir, run_id, &m, err);
    if (st != LIS_OK)
        goto done;

    /* folders first, so that the mail can say where the files are */
    char **shares = lis_xcalloc(t.n_folders ? t.n_folders : 1, sizeof *shares);
    size_t n_shares = 0;
    for (size_t i = 0; i < t.n_folders; i++) {
        lis_error own = {0};
        char *target = lis_xasprintf("folder:%s", t.folders[i]);
        lis_status fst =
            lis_delivery_copy(dir, (const char *const *)m.names,
                              (const char *const *)m.sha256, m.n + 1, t.folders[i], &own);
        char *detail =
            fst == LIS_OK ? lis_xasprintf("%zu files and manifest.json", m.n) : NULL;
        record(conn, run_id, out, target, fst == LIS_OK, fst == LIS_OK ? detail : own.msg,
               1);
        if (fst == LIS_OK)
            shares[n_shares++] = t.folders[i];
        else if (err && err->code == LIS_OK)
            *err = own;
        if (fst != LIS_OK)
            st = LIS_OUTPUT;
        free(detail);
        free(target);
    }
    if (t.n_mail) {
        lis_mail_run mr = {.run_id = run_id,
                           .kind = kind,
                           .period = period,
                           .summary = have_summary ? &summary : NULL,
                           .dir = dir,
                           .files = (const char *const *)m.names,
                           .n_files = m.n,
                           .shares = (const char *const *)shares,
                           .n_shares = n_shares};
        if (deliver_mail(conn, cfg, run_id, &mr, &t, out, err) != LIS_OK)
            st = LIS_OUTPUT;
    }
    free(shares);
done:
    manifest_release(&m);
    lis_targets_release(&t);
    free(kind);
    free(period);
    free(status);
    free(dir);
    return st;
}
