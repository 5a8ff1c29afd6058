/*
 * profile.c - reading connector profiles (INI, with inih); see profile.h.
 * Every key is documented in config/connectors/README.md.
 */
#include "profile.h"

#include <dirent.h>
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config.h"
#include "mem.h"

#ifndef LIS_SYSCONFDIR
#define LIS_SYSCONFDIR "/etc/lis"
#endif

void
lis_profile_init(lis_profile *p)
{
    memset(p, 0, sizeof *p);
    p->name = lis_xstrdup("native");
    p->neg_leading = p->neg_trailing = p->neg_parentheses = true;
    p->period_format = lis_xstrdup("auto");
    p->date_format = lis_xstrdup("auto");
    p->header_search = 1;
}

void
lis_profile_release(lis_profile *p)
{
    free(p->name);
    free(p->path);
    free(p->kind);
    free(p->description);
    free(p->period_format);
    free(p->date_format);
    free(p->sign_column);
    for (int i = 0; i < p->nskip_prefix; i++)
        free(p->skip_prefix[i]);
    for (int i = 0; i < p->nmissing; i++)
        free(p->missing[i]);
    for (int i = 0; i < p->nsign_negative; i++)
        free(p->sign_negative[i]);
    for (int i = 0; i < p->nmap; i++) {
        free(p->map[i].field);
        free(p->map[i].source);
        free(p->map[i].constant);
        free(p->map[i].fallback);
    }
    for (int i = 0; i < p->nfilter; i++) {
        free(p->filter[i].column);
        free(p->filter[i].value);
    }
    memset(p, 0, sizeof *p);
}

const char *
lis_encoding_name(lis_encoding e)
{
    switch (e) {
    case LIS_ENC_UTF8:
        return "utf-8";
    case LIS_ENC_WINDOWS_1252:
        return "windows-1252";
    case LIS_ENC_ISO_8859_1:
        return "iso-8859-1";
    }
    return "?";
}

lis_numfmt
lis_profile_numfmt(const lis_profile *p, char delim)
{
    lis_numfmt f = lis_numfmt_native(delim);
    if (p->decimal)
        f.decimal = p->decimal;
    if (p->thousands_set)
        f.thousands = p->thousands;
    else if (p->decimal)
        f.thousands = p->decimal == ',' ? '.' : 0;
    f.neg_leading = p->neg_leading;
    f.neg_trailing = p->neg_trailing;
    f.neg_parentheses = p->neg_parentheses;
    f.dash_is_zero = p->dash_is_zero;
    return f;
}

const lis_profile_map *
lis_profile_find(const lis_profile *p, const char *field)
{
    for (int i = 0; i < p->nmap; i++)
        if (strcmp(p->map[i].field, field) == 0)
            return &p->map[i];
    return NULL;
}

/* ------------------------------------------------------------------ reading */

typedef struct reader {
    lis_profile *p;
    char problem[200];
} reader;

static void
set(char **dst, const char *v)
{
    free(*dst);
    *dst = lis_xstrdup(v);
}

/* Splits a "|"-separated list into items (trimmed). */
static int
set_list(reader *r, char **items, int *n, const char *v)
{
    for (int i = 0; i < *n; i++)
        free(items[i]);
    *n = 0;
    const char *s = v;
    while (*s) {
        size_t len = strcspn(s, "|");
        size_t k = len;
        const char *t = lis_trim(s, &k);
        if (k > 0) {
            if (*n >= LIS_PROFILE_MAX_LIST) {
                snprintf(r->problem, sizeof r->problem, "more than %d items",
                         LIS_PROFILE_MAX_LIST);
                return 0;
            }
            items[(*n)++] = lis_xstrndup(t, k);
        }
        s += len;
        if (*s == '|')
            s++;
    }
    return 1;
}

static int
char_value(reader *r, const char *name, const char *v, char *out, bool allow_none)
{
    static const struct {
        const char *word;
        char c;
    } words[] = {{"semicolon", ';'}, {";", ';'},     {"comma", ','}, {",", ','},
                 {"tab", '\t'},      {"point", '.'}, {"dot", '.'},   {".", '.'},
                 {"space", ' '},     {"none", 0},    {"auto", 0}};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        if (strcasecmp(v, words[i].word) == 0) {
            if (words[i].c == 0 && !allow_none)
                break;
            *out = words[i].c;
            return 1;
        }
    }
    snprintf(r->problem, sizeof r->problem, "bad value \"%s\" for %s", v, name);
    return 0;
}

static int
bool_value(reader *r, const char *name, const char *v, bool *out)
{
    if (!strcasecmp(v, "yes") || !strcasecmp(v, "ja") || !strcasecmp(v, "true") ||
        !strcmp(v, "1"))
        *out = true;
    else if (!strcasecmp(v, "no") || !strcasecmp(v, "nej") || !strcasecmp(v, "false") ||
             !strcmp(v, "0"))
        *out = false;
    else {
        snprintf(r->problem, sizeof r->problem, "bad value \"%s\" for %s (yes or no)", v,
                 name);
        return 0;
    }
    return 1;
}

static int
int_value(reader *r, const char *name, const char *v, int lo, int hi, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < lo || n > hi) {
        snprintf(r->problem, sizeof r->problem, "bad value \"%s\" for %s (%d to %d)", v,
                 name, lo, hi);
        return 0;
    }
    *out = (int)n;
    return 1;
}

static int
profile_key(reader *r, const char *name, const char *v)
{
    lis_profile *p = r->p;
    if (!strcmp(name, "kind")) {
        set(&p->kind, v);
    } else if (!strcmp(name, "description")) {
        set(&p->description, v); /* for people: lis import --list-profiles */
    } else if (!strcmp(name, "encoding")) {
        if (!strcasecmp(v, "utf-8") || !strcasecmp(v, "utf8"))
            p->encoding = LIS_ENC_UTF8;
        else if (!strcasecmp(v, "windows-1252") || !strcasecmp(v, "cp1252"))
            p->encoding = LIS_ENC_WINDOWS_1252;
        else if (!strcasecmp(v, "iso-8859-1") || !strcasecmp(v, "latin1"))
            p->encoding = LIS_ENC_ISO_8859_1;
        else {
            snprintf(r->problem, sizeof r->problem,
                     "unknown encoding \"%s\" (utf-8, windows-1252, iso-8859-1)", v);
            return 0;
        }
    } else if (!strcmp(name, "delimiter")) {
        return char_value(r, name, v, &p->delimiter, true);
    } else if (!strcmp(name, "decimal")) {
        if (!char_value(r, name, v, &p->decimal, false))
            return 0;
        if (p->decimal != ',' && p->decimal != '.') {
            snprintf(r->problem, sizeof r->problem, "decimal must be comma or point");
            return 0;
        }
    } else if (!strcmp(name, "thousands")) {
        p->thousands_set = true;
        return char_value(r, name, v, &p->thousands, true);
    } else if (!strcmp(name, "negative")) {
        p->neg_leading = p->neg_trailing = p->neg_parentheses = false;
        char *copy = lis_xstrdup(v), *save = NULL;
        for (char *t = strtok_r(copy, " |,", &save); t;
             t = strtok_r(NULL, " |,", &save)) {
            if (!strcmp(t, "leading"))
                p->neg_leading = true;
            else if (!strcmp(t, "trailing"))
                p->neg_trailing = true;
            else if (!strcmp(t, "parentheses"))
                p->neg_parentheses = true;
            else if (!strcmp(t, "any"))
                p->neg_leading = p->neg_trailing = p->neg_parentheses = true;
            else {
                snprintf(
                    r->problem, sizeof r->problem,
                    "bad negative style \"%s\" (leading, trailing, parentheses, any)", t);
                free(copy);
                return 0;
            }
        }
        free(copy);
    } else if (!strcmp(name, "extra_fields")) {
        if (strcmp(v, "ignore") != 0 && strcmp(v, "error") != 0) {
            snprintf(r->problem, sizeof r->problem,
                     "bad value \"%s\" for extra_fields (error, ignore)", v);
            return 0;
        }
        p->extra_fields_ignore = v[0] == 'i';
    } else if (!strcmp(name, "dash_is_zero")) {
        return bool_value(r, name, v, &p->dash_is_zero);
    } else if (!strcmp(name, "period_format") || !strcmp(name, "date_format")) {
        if (!lis_period_format_valid(v)) {
            snprintf(r->problem, sizeof r->problem, "unknown %s \"%s\"", name, v);
            return 0;
        }
        set(name[0] == 'p' ? &p->period_format : &p->date_format, v);
    } else if (!strcmp(name, "title_lines") || !strcmp(name, "skip_lines")) {
        return int_value(r, name, v, 0, 1000, &p->skip_lines);
    } else if (!strcmp(name, "header_search")) {
        return int_value(r, name, v, 1, 100, &p->header_search);
    } else if (!strcmp(name, "skip_rows_starting_with") || !strcmp(name, "footer")) {
        return set_list(r, p->skip_prefix, &p->nskip_prefix, v);
    } else if (!strcmp(name, "missing")) {
        return set_list(r, p->missing, &p->nmissing, v);
    } else if (!strcmp(name, "sign_column")) {
        set(&p->sign_column, v);
    } else if (!strcmp(name, "sign_negative")) {
        return set_list(r, p->sign_negative, &p->nsign_negative, v);
    } else {
        snprintf(r->problem, sizeof r->problem, "unknown key \"%s\" in [profile]", name);
        return 0;
    }
    return 1;
}

static int
map_key(reader *r, const char *field, const char *v, int what)
{
    lis_profile *p = r->p;
    lis_profile_map *m = NULL;
    for (int i = 0; i < p->nmap; i++)
        if (!strcmp(p->map[i].field, field))
            m = &p->map[i];
    if (m == NULL) {
        if (p->nmap >= LIS_PROFILE_MAX_MAP) {
            snprintf(r->problem, sizeof r->problem, "too many columns");
            return 0;
        }
        m = &p->map[p->nmap++];
        m->field = lis_xstrdup(field);
    }
    if (what == 2) { /* [defaults] */
        free(m->fallback);
        m->fallback = lis_xstrdup(v);
        return 1;
    }
    free(m->source);
    free(m->constant);
    m->source = what == 0 ? lis_xstrdup(v) : NULL;
    m->constant = what == 1 ? lis_xstrdup(v) : NULL;
    return 1;
}

static int
handle(void *user, const char *section, const char *name, const char *value)
{
    reader *r = user;
    if (!strcmp(section, "profile"))
        return profile_key(r, name, value);
    if (!strcmp(section, "columns"))
        return map_key(r, name, value, 0);
    if (!strcmp(section, "constants"))
        return map_key(r, name, value, 1);
    if (!strcmp(section, "defaults"))
        return map_key(r, name, value, 2);
    if (!strcmp(section, "filter")) {
        if (r->p->nfilter >= LIS_PROFILE_MAX_LIST) {
            snprintf(r->problem, sizeof r->problem, "too many filters");
            return 0;
        }
        lis_profile_filter *f = &r->p->filter[r->p->nfilter++];
        f->column = lis_xstrdup(name);
        f->value = lis_xstrdup(value);
        return 1;
    }
    snprintf(r->problem, sizeof r->problem, "unknown section [%s]", section);
    return 0;
}

lis_status
lis_profile_read_file(lis_profile *p, const char *path, lis_error *err)
{
    FILE *f = lis_config_open(path, "profile", err);
    if (f == NULL)
        return LIS_USAGE;
    reader r = {p, ""};
    if (lis_config_parse(f, path, handle, &r, r.problem, err) != LIS_OK)
        return LIS_USAGE;
    set(&p->path, path);
    return LIS_OK;
}

/* Reads the built-in profile NAME.conf from its embedded text. A shipped
 * profile that does not parse is a bug of the build, but it is reported like
 * a file's error, naming it, rather than aborting. */
static lis_status
read_builtin(lis_profile *p, const char *name, const char *text, lis_error *err)
{
    reader r = {p, ""};
    int rc = ini_parse_string(text, handle, &r);
    if (rc != 0) {
        lis_error_set(err, LIS_USAGE, "%s.conf (built-in):%d: %s", name, rc,
                      r.problem[0] ? r.problem : "not an INI line");
        return LIS_USAGE;
    }
    return LIS_OK;
}

static bool
exists(const char *path)
{
    return access(path, R_OK) == 0;
}

/* ------------------------------------------------------------ resolution */

enum { NDIRS = 4 };

/* The folders searched for NAME.conf, most specific first; unset ones are
 * NULL and a folder already listed is left out. Free with free_dirs. */
static void
search_dirs(const char *config_path, char *dirs[NDIRS])
{
    const char *env = getenv("LIS_CONNECTORS");
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    memset(dirs, 0, NDIRS * sizeof *dirs);
    if (env && *env)
        dirs[0] = lis_xstrdup(env);
    /* The XDG base directory rules: a relative XDG_CONFIG_HOME is ignored. */
    if (xdg && xdg[0] == '/')
        dirs[1] = lis_xasprintf("%s/lis/connectors", xdg);
    else if (home && *home)
        dirs[1] = lis_xasprintf("%s/.config/lis/connectors", home);
    if (config_path) {
        const char *slash = strrchr(config_path, '/');
        dirs[2] = slash ? lis_xasprintf("%.*s/connectors", (int)(slash - config_path),
                                        config_path)
                        : lis_xstrdup("./connectors");
    }
    dirs[3] = lis_xstrdup(LIS_SYSCONFDIR "/connectors");
    for (int i = 1; i < NDIRS; i++)
        for (int j = 0; j < i && dirs[i]; j++)
            if (dirs[j] && strcmp(dirs[i], dirs[j]) == 0) {
                free(dirs[i]);
                dirs[i] = NULL;
            }
}

static void
free_dirs(char *dirs[NDIRS])
{
    for (int i = 0; i < NDIRS; i++)
        free(dirs[i]);
}

/* The embedded text of the shipped profile NAME, or NULL. */
static const char *
builtin(const char *name)
{
    size_t n = strlen(name);
    for (const lis_sql_file *b = lis_profile_builtin; b->name; b++)
        if (strncmp(b->name, name, n) == 0 && strcmp(b->name + n, ".conf") == 0)
            return b->text;
    return NULL;
}

lis_status
lis_profile_load(lis_profile *p, const char *name, const char *config_path,
                 lis_error *err)
{
    size_t n = strlen(name);
    char *path = NULL;
    lis_status st;
    if (strchr(name, '/') || (n > 5 && !strcmp(name + n - 5, ".conf"))) {
        path = lis_xstrdup(name);
    } else {
        char *dirs[NDIRS];
        search_dirs(config_path, dirs);
        for (int i = 0; i < NDIRS && path == NULL; i++) {
            if (dirs[i] == NULL)
                continue;
            char *c = lis_xasprintf("%s/%s.conf", dirs[i], name);
            if (exists(c))
                path = c;
            else
                free(c);
        }
        const char *text = path ? NULL : builtin(name);
        if (path == NULL && text == NULL) {
            lis_error_set(err, LIS_USAGE, "unknown profile \"%s\"", name);
            lis_error_detail(err,
                             "No file %s.conf in %s%s%s%s%s, and no built-in profile of "
                             "that name (lis import --list-profiles lists them).",
                             name, dirs[0] ? dirs[0] : "", dirs[0] ? ", " : "",
                             dirs[1] ? dirs[1] : "", dirs[1] ? ", " : "", dirs[3]);
            lis_error_hint(err, "Set LIS_CONNECTORS to the folder of your profiles, or "
                                "give the profile's path.");
            free_dirs(dirs);
            return LIS_USAGE;
        }
        free_dirs(dirs);
        if (text) {
            st = read_builtin(p, name, text, err);
            if (st == LIS_OK) {
                free(p->name);
                p->name = lis_xstrdup(name);
            }
            return st;
        }
    }
    st = lis_profile_read_file(p, path, err);
    if (st == LIS_OK) {
        const char *base = strrchr(name, '/');
        base = base ? base + 1 : name;
        size_t bl = strlen(base);
        if (bl > 5 && !strcmp(base + bl - 5, ".conf"))
            bl -= 5;
        free(p->name);
        p->name = lis_xstrndup(base, bl);
    }
    free(path);
    return st;
}

/* ---------------------------------------------------------------- listing */

typedef struct listing {
    lis_profile_entry *e;
    int n, cap;
} listing;

static lis_profile_entry *
listing_find(listing *l, const char *name)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->e[i].name, name) == 0)
            return &l->e[i];
    return NULL;
}

/* Adds (or, when a more specific source came first, keeps) profile name. */
static lis_status
listing_add(listing *l, const char *name, const char *path, const char *text,
            lis_error *err)
{
    if (listing_find(l, name))
        return LIS_OK;
    lis_profile p;
    lis_profile_init(&p);
    lis_status st =
        path ? lis_profile_read_file(&p, path, err) : read_builtin(&p, name, text, err);
    if (st == LIS_OK) {
        if (l->n == l->cap) {
            l->cap = l->cap ? 2 * l->cap : 32;
            l->e = lis_xrealloc(l->e, (size_t)l->cap * sizeof *l->e);
        }
        lis_profile_entry *e = &l->e[l->n++];
        e->name = lis_xstrdup(name);
        e->kind = p.kind ? lis_xstrdup(p.kind) : NULL;
        e->description = p.description ? lis_xstrdup(p.description) : NULL;
        e->path = path ? lis_xstrdup(path) : NULL;
    }
    lis_profile_release(&p);
    return st;
}

static int
name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
entry_cmp(const void *a, const void *b)
{
    return strcmp(((const lis_profile_entry *)a)->name,
                  ((const lis_profile_entry *)b)->name);
}

lis_status
lis_profile_list(const char *config_path, lis_profile_entry **out, int *n, lis_error *err)
{
    listing l = {0};
    char *dirs[NDIRS];
    lis_status st = LIS_OK;
    search_dirs(config_path, dirs);
    for (int i = 0; i < NDIRS && st == LIS_OK; i++) {
        DIR *d = dirs[i] ? opendir(dirs[i]) : NULL;
        if (d == NULL)
            continue;
        /* readdir's order is the file system's: sort the names of one folder
         * so that the first error found does not depend on it. */
        struct dirent *de;
        char **names = NULL;
        size_t nn = 0;
        while ((de = readdir(d)) != NULL) {
            size_t len = strlen(de->d_name);
            if (len <= 5 || de->d_name[0] == '.' || strcmp(de->d_name + len - 5, ".conf"))
                continue;
            names = lis_xrealloc(names, (nn + 1) * sizeof *names);
            names[nn++] = lis_xstrndup(de->d_name, len - 5);
        }
        closedir(d);
        if (nn > 1)
            qsort(names, nn, sizeof *names, name_cmp);
        for (size_t k = 0; k < nn; k++) {
            char *path = lis_xasprintf("%s/%s.conf", dirs[i], names[k]);
            if (st == LIS_OK && exists(path))
                st = listing_add(&l, names[k], path, NULL, err);
            free(path);
            free(names[k]);
        }
        free(names);
    }
    for (const lis_sql_file *b = lis_profile_builtin; b->name && st == LIS_OK; b++) {
        char *name = lis_xstrndup(b->name, strlen(b->name) - 5);
        st = listing_add(&l, name, NULL, b->text, err);
        free(name);
    }
    free_dirs(dirs);
    if (st != LIS_OK) {
        lis_profile_list_free(l.e, l.n);
        return st;
    }
    if (l.n > 1)
        qsort(l.e, (size_t)l.n, sizeof *l.e, entry_cmp);
    *out = l.e;
    *n = l.n;
    return LIS_OK;
}

void
lis_profile_list_free(lis_profile_entry *list, int n)
{
    for (int i = 0; i < n; i++) {
        free(list[i].name);
        free(list[i].kind);
        free(list[i].description);
        free(list[i].path);
    }
    free(list);
}
