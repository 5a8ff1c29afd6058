/*
 * config.c - reading lis.conf with inih; see config.h.
 */
#include "config.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LIS_SYSCONFDIR
#define LIS_SYSCONFDIR "/usr/local/etc/lis"
#endif

void
lis_config_init(lis_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->out_dir = lis_xstrdup("out");
    cfg->lang = lis_xstrdup("da");
    cfg->yellow_pct = 90;
    cfg->economy_green_pct = 1;
    cfg->economy_yellow_pct = 3;
    cfg->own_goals_min = 3;
    cfg->own_goals_max = 5;
    cfg->cross_cutting_min = 1;
    cfg->jobs = 0; /* lis run: the number of cores */
    cfg->max_line = 1048576;
    cfg->smtp_password_env = lis_xstrdup("LIS_SMTP_PASSWORD");
    cfg->smtp_retry_delay = 2;
}

void
lis_config_release(lis_config *cfg)
{
    free(cfg->path);
    free(cfg->db_conninfo);
    free(cfg->home);
    free(cfg->out_dir);
    free(cfg->lang);
    free(cfg->smtp_url);
    free(cfg->smtp_from);
    free(cfg->smtp_user);
    free(cfg->smtp_password_env);
    free(cfg->smtp_ca_file);
    for (int i = 0; i < 4; i++)
        free(cfg->delivery[i]);
    memset(cfg, 0, sizeof *cfg);
}

typedef struct reader {
    lis_config *cfg;
    char problem[200]; /* why the handler refused a line */
} reader;

static int
set_string(char **dst, const char *value)
{
    free(*dst);
    *dst = value[0] ? lis_xstrdup(value) : NULL;
    return 1;
}

static int
set_number(reader *r, double *dst, const char *value, double lo, double hi)
{
    char *end;
    errno = 0;
    double v = strtod(value, &end);
    if (errno || end == value || *end != '\0' || v < lo || v > hi) {
        snprintf(r->problem, sizeof r->problem, "\"%s\" is not a number from %g to %g",
                 value, lo, hi);
        return 0;
    }
    *dst = v;
    return 1;
}

static int
set_int(reader *r, int *dst, const char *value, int lo, int hi)
{
    double v;
    if (!set_number(r, &v, value, lo, hi))
        return 0;
    if (v != (int)v) {
        snprintf(r->problem, sizeof r->problem, "\"%s\" is not a whole number", value);
        return 0;
    }
    *dst = (int)v;
    return 1;
}

static const char *const run_kinds[4] = {"monthly", "quarterly", "status", "annual"};

int
lis_config_kind_index(const char *kind)
{
    for (int i = 0; i < 4; i++)
        if (kind && strcmp(kind, run_kinds[i]) == 0)
            return i;
    return -1;
}

static int
set_bool(reader *r, int *dst, const char *value)
{
    if (strcasecmp(value, "true") == 0 || strcasecmp(value, "yes") == 0 ||
        strcmp(value, "1") == 0)
        *dst = 1;
    else if (strcasecmp(value, "false") == 0 || strcasecmp(value, "no") == 0 ||
             strcmp(value, "0") == 0 || value[0] == '\0')
        *dst = 0;
    else {
        snprintf(r->problem, sizeof r->problem, "\"%s\" is not true or false", value);
        return 0;
    }
    return 1;
}

/* A password in the URL would end up in logs and messages; it only ever
 * comes from the environment (password_env). */
static int
set_smtp_url(reader *r, char **dst, const char *value)
{
    const char *auth = strstr(value, "://");
    auth = auth ? auth + 3 : value;
    size_t host_len = strcspn(auth, "/?#");
    if (value[0] && strncmp(value, "smtp://", 7) != 0 &&
        strncmp(value, "smtps://", 8) != 0) {
        snprintf(r->problem, sizeof r->problem,
                 "the smtp url must begin with smtp:// or smtps://");
        return 0;
    }
    if (memchr(auth, '@', host_len) != NULL) {
        snprintf(r->problem, sizeof r->problem,
                 "the smtp url must not hold a user or password; use user and "
                 "password_env");
        return 0;
    }
    return set_string(dst, value);
}

/* Each comma-separated target is "mail:ADDRESS" or "folder:PATH". */
static int
set_targets(reader *r, char **dst, const char *value)
{
    const char *p = value;
    while (*p) {
        size_t n = strcspn(p, ",");
        while (n && (*p == ' ' || *p == '\t')) {
            p++;
            n--;
        }
        size_t len = n;
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        bool mail =
            len > 5 && strncmp(p, "mail:", 5) == 0 && memchr(p + 5, '@', len - 5) != NULL;
        bool folder = len > 7 && strncmp(p, "folder:", 7) == 0;
        if (!mail && !folder) {
            snprintf(r->problem, sizeof r->problem,
                     "\"%.*s\" is not mail:ADDRESS or folder:PATH",
                     (int)(len > 80 ? 80 : len), p);
            return 0;
        }
        p += n;
        if (*p == ',')
            p++;
    }
    return set_string(dst, value);
}

static int
handle(void *user, const char *section, const char *name, const char *value)
{
    reader *r = user;
    lis_config *c = r->cfg;
#define IS(s, n) (strcasecmp(section, s) == 0 && strcasecmp(name, n) == 0)
    if (IS("database", "conninfo"))
        return set_string(&c->db_conninfo, value);
    if (IS("embedded", "home"))
        return set_string(&c->home, value);
    if (IS("output", "dir"))
        return value[0] ? set_string(&c->out_dir, value) : 1;
    if (IS("output", "language")) {
        if (strcmp(value, "da") != 0 && strcmp(value, "en") != 0) {
            snprintf(r->problem, sizeof r->problem, "\"%s\" is not da or en", value);
            return 0;
        }
        return set_string(&c->lang, value);
    }
    if (IS("thresholds", "yellow"))
        return set_number(r, &c->yellow_pct, value, 0, 100);
    if (IS("thresholds", "economy_green"))
        return set_number(r, &c->economy_green_pct, value, 0, 100);
    if (IS("thresholds", "economy_yellow"))
        return set_number(r, &c->economy_yellow_pct, value, 0, 100);
    if (IS("framework", "own_goals_min"))
        return set_int(r, &c->own_goals_min, value, 0, 1000);
    if (IS("framework", "own_goals_max"))
        return set_int(r, &c->own_goals_max, value, 0, 1000);
    if (IS("framework", "cross_cutting_min"))
        return set_int(r, &c->cross_cutting_min, value, 0, 1000);
    if (IS("run", "jobs"))
        return set_int(r, &c->jobs, value, 1, 64);
    if (IS("import", "max_line"))
        return set_int(r, &c->max_line, value, 1024, 2147483647);
    if (IS("smtp", "url"))
        return set_smtp_url(r, &c->smtp_url, value);
    if (IS("smtp", "from"))
        return set_string(&c->smtp_from, value);
    if (IS("smtp", "user"))
        return set_string(&c->smtp_user, value);
    if (IS("smtp", "password_env"))
        return set_string(&c->smtp_password_env, value);
    if (IS("smtp", "require_tls"))
        return set_bool(r, &c->smtp_require_tls, value);
    if (IS("smtp", "ca_file"))
        return set_string(&c->smtp_ca_file, value);
    if (IS("smtp", "retry_delay"))
        return set_number(r, &c->smtp_retry_delay, value, 0, 3600);
    if (strcasecmp(section, "delivery") == 0 && lis_config_kind_index(name) >= 0)
        return set_targets(r, &c->delivery[lis_config_kind_index(name)], value);
#undef IS
    snprintf(r->problem, sizeof r->problem, "unknown setting \"%s\" in section [%s]",
             name, section);
    return 0;
}

FILE *
lis_config_open(const char *path, const char *what, lis_error *err)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat sb;
    const char *why = NULL;
    if (fd < 0) {
        lis_error_set(err, LIS_USAGE, "could not open %s \"%s\": %s", what, path,
                      strerror(errno));
        return NULL;
    }
    if (fstat(fd, &sb) != 0)
        why = strerror(errno);
    else if (S_ISDIR(sb.st_mode))
        why = "it is a folder, not a file";
    else if (!S_ISREG(sb.st_mode))
        why = "it is not a regular file (a device or a pipe?)";
    else if (sb.st_size > LIS_CONFIG_MAX_SIZE)
        why = "it is larger than 1 MiB (not a configuration file?)";
    if (why) {
        lis_error_set(err, LIS_USAGE, "could not read %s \"%s\": %s", what, path, why);
        close(fd);
        return NULL;
    }
    FILE *f = fdopen(fd, "r");
    if (f == NULL) {
        lis_error_set(err, LIS_USAGE, "could not open %s \"%s\": %s", what, path,
                      strerror(errno));
        close(fd);
    }
    return f;
}

lis_status
lis_config_parse(FILE *f, const char *path,
                 int (*handler)(void *, const char *, const char *, const char *),
                 void *user, const char *problem, lis_error *err)
{
    int rc = ini_parse_file(f, handler, user);
    bool bad = ferror(f) != 0;
    int saved = errno;
    fclose(f);
    if (rc != 0) {
        lis_error_set(err, LIS_USAGE, "%s:%d: %s", path, rc,
                      problem[0] ? problem : "not an INI line");
        lis_error_at(err, path, rc);
        return LIS_USAGE;
    }
    if (bad)
        return lis_error_set(err, LIS_USAGE, "could not read \"%s\": %s", path,
                             strerror(saved));
    return LIS_OK;
}

lis_status
lis_config_read_file(lis_config *cfg, const char *path, lis_error *err)
{
    FILE *f = lis_config_open(path, "config file", err);
    if (f == NULL)
        return LIS_USAGE;
    reader r = {cfg, ""};
    if (lis_config_parse(f, path, handle, &r, r.problem, err) != LIS_OK)
        return LIS_USAGE;
    if (cfg->own_goals_min > cfg->own_goals_max)
        return lis_error_set(err, LIS_USAGE,
                             "%s: own_goals_min (%d) is greater than own_goals_max (%d)",
                             path, cfg->own_goals_min, cfg->own_goals_max);
    if (cfg->economy_green_pct > cfg->economy_yellow_pct)
        return lis_error_set(err, LIS_USAGE,
                             "%s: economy_green (%g) is greater than economy_yellow (%g)",
                             path, cfg->economy_green_pct, cfg->economy_yellow_pct);
    set_string(&cfg->path, path);
    return LIS_OK;
}

char *
lis_config_home(const lis_config *cfg)
{
    const char *env = getenv("LIS_HOME");
    if (cfg && cfg->home)
        return lis_xstrdup(cfg->home);
    if (env && env[0])
        return lis_xstrdup(env);
    const char *home = getenv("HOME");
    return lis_xasprintf("%s/.local/share/lis", home && home[0] ? home : ".");
}

lis_status
lis_config_load(lis_config *cfg, const char *path, lis_error *err)
{
    if (path)
        return lis_config_read_file(cfg, path, err);
    const char *env = getenv("LIS_CONFIG");
    if (env && env[0])
        return lis_config_read_file(cfg, env, err);

    char *home = lis_config_home(NULL);
    char *in_home = lis_xasprintf("%s/lis.conf", home);
    free(home);
    const char *candidates[] = {in_home, LIS_SYSCONFDIR "/lis.conf"};
    lis_status st = LIS_OK;
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
        if (access(candidates[i], F_OK) == 0) {
            st = lis_config_read_file(cfg, candidates[i], err);
            break;
        }
    }
    free(in_home);
    return st;
}
