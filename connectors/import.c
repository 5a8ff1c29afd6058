/*
 * import.c - lis_import_file: one file, one batch, one transaction.
 *
 * The file is streamed (csvread.c); every cell is converted to canonical text
 * in C (number.c) and the rows go to the server through COPY FROM STDIN in
 * 64 kB chunks, so memory does not grow with the file. Keyed kinds land in a
 * temporary staging table, are checked in SQL (duplicate keys, references)
 * and merged with INSERT ... ON CONFLICT (measurements: the rows they
 * replace move to measurement_history, then all are inserted); budget lines
 * are appended to budget_line directly, in binary COPY format (copybin.c),
 * so that the server stores the typed values without parsing a million
 * amounts again. Bad rows never reach COPY; they are collected as errors
 * (and, with partial, written to a reject file).
 */
#include "import.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copybin.h"
#include "csvread.h"
#include "db.h"
#include "kinds.h"
#include "mem.h"
#include "number.h"
#include "profile.h"
#include "sql.h"

#define COPY_CHUNK (64 * 1024)
#define MAX_JOIN 4

void
lis_import_result_init(lis_import_result *res)
{
    memset(res, 0, sizeof *res);
}

void
lis_import_result_release(lis_import_result *res)
{
    for (int i = 0; i < LIS_IMPORT_MAX_SHOWN; i++) {
        free(res->errors[i]);
        free(res->warnings[i]);
    }
    free(res->reject_path);
    free(res->profile);
    memset(res, 0, sizeof *res);
}

bool
lis_import_kind_valid(const char *kind)
{
    return lis_kind_find(kind) != NULL;
}

const char *
lis_import_kinds(void)
{
    return "units, cost-centres, accounts, agreements, goals, indicators, targets, "
           "measurements, budget, statuses, transfers";
}

/* ------------------------------------------------------------ folding */

/* Folds a header or enum word: ASCII lower case, æ ø å to ae oe aa, and
 * spaces, '-' and '_' to sep; trimmed. */
static void
fold(const char *s, size_t n, char sep, lis_buf *out)
{
    lis_buf_reset(out);
    s = lis_trim(s, &n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1];
            const char *rep = NULL;
            if (d == 0xA6 || d == 0x86)
                rep = "ae";
            else if (d == 0xB8 || d == 0x98)
                rep = "oe";
            else if (d == 0xA5 || d == 0x85)
                rep = "aa";
            if (rep) {
                lis_buf_adds(out, rep);
                i++;
                continue;
            }
        }
        if (c == ' ' || c == '-' || c == '_')
            lis_buf_addc(out, sep);
        else
            lis_buf_addc(out, (char)tolower(c));
    }
}

/* ------------------------------------------------------------ the context */

typedef struct colmap {
    int src[MAX_JOIN]; /* source columns joined with "."; -1 unused */
    int nsrc;
    char *constant; /* expanded ({file}, {filedate}) */
    const char *fallback;
    char *label; /* the column as the file names it, for messages */
} colmap;

/* A set of strings (the cost centres that have a unit): open addressing. */
typedef struct strset {
    char **slot;
    size_t cap, n;
} strset;

static uint64_t
hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static void
strset_add(strset *set, const char *s)
{
    if ((set->n + 1) * 2 > set->cap) {
        strset old = *set;
        set->cap = old.cap ? old.cap * 2 : 1024;
        set->slot = lis_xcalloc(set->cap, sizeof *set->slot);
        set->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.slot[i]) {
                size_t k = hash(old.slot[i], strlen(old.slot[i])) & (set->cap - 1);
                while (set->slot[k])
                    k = (k + 1) & (set->cap - 1);
                set->slot[k] = old.slot[i];
                set->n++;
            }
        free(old.slot);
    }
    size_t n = strlen(s);
    size_t k = hash(s, n) & (set->cap - 1);
    while (set->slot[k]) {
        if (strcmp(set->slot[k], s) == 0)
            return;
        k = (k + 1) & (set->cap - 1);
    }
    set->slot[k] = lis_xstrdup(s);
    set->n++;
}

static bool
strset_has(const strset *set, const char *s, size_t n)
{
    if (set->cap == 0)
        return false;
    size_t k = hash(s, n) & (set->cap - 1);
    while (set->slot[k]) {
        if (strncmp(set->slot[k], s, n) == 0 && set->slot[k][n] == '\0')
            return true;
        k = (k + 1) & (set->cap - 1);
    }
    return false;
}

static void
strset_release(strset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slot[i]);
    free(set->slot);
    memset(set, 0, sizeof *set);
}

typedef struct ctx {
    PGconn *conn;
    const lis_kind *kind;
    const lis_profile *prof;
    const lis_import_options *opt;
    const char *path;
    lis_import_result *res;
    lis_error *err;
    long long batch_id;
    char batch_param[24]; /* the batch id */
    char batch_text[24];  /* the batch id and a TAB, for COPY */
    size_t batch_len;
    lis_numfmt numfmt;
    colmap map[LIS_KIND_MAX_FIELDS];
    int filter_col[LIS_PROFILE_MAX_LIST];
    int sign_col;
    size_t max_col; /* a row needs at least this many fields */
    char **header;  /* the header's cells, for messages */
    size_t nheader;
    lis_buf out; /* COPY data not yet sent */
    lis_buf row; /* the row being built */
    lis_buf tmp;
    lis_buf join; /* a field joined from several columns */
    bool binary;  /* COPY in binary format (budget lines), else text */
    int nfields;  /* binary: the fields of a row */
    bool copy_failed;
    FILE *rejects;
    char *reject_tmp;
    lis_status reject_st; /* the reject file could not be written: abort */
    bool reject_made;     /* reject_tmp was created by this import */
    bool row_bad;
    const lis_csvread *rd;
    int cc_field;     /* budget: the cost_centre field, else -1 */
    strset allocated; /* budget: cost centres that belong to a known unit */
    const char *cc_s; /* the current row's cost centre */
    size_t cc_n;
} ctx;

static void
add_message(char **list, long *count, char *msg)
{
    if (*count < LIS_IMPORT_MAX_SHOWN)
        list[*count] = msg;
    else
        free(msg);
    (*count)++;
}

/* Writes one field of the reject file, quoted when it must be. Returns
 * false when a write failed. */
static bool
reject_field(FILE *f, const char *s, bool last)
{
    bool ok = true;
    if (strpbrk(s, ";\"\r\n")) {
        ok = fputc('"', f) != EOF;
        for (; *s && ok; s++)
            ok = (*s != '"' || fputc('"', f) != EOF) && fputc(*s, f) != EOF;
        ok = ok && fputc('"', f) != EOF;
    } else {
        ok = fputs(s, f) != EOF;
    }
    return ok && fputc(last ? '\n' : ';', f) != EOF;
}

/* The reject file failed: the import stops and nothing lands, since the
 * rows it would have listed would be lost without a trace. */
static void
reject_failed(ctx *c, const char *what)
{
    if (c->reject_st == LIS_OK)
        c->reject_st =
            lis_error_set(c->err, LIS_OUTPUT,
                          "could not %s the reject file \"%s\": %s; nothing was imported",
                          what, c->reject_tmp, strerror(errno ? errno : EIO));
}

static void
reject(ctx *c, long line, const char *column, const char *value, const char *reason)
{
    if (!c->opt->partial || c->opt->dry_run || c->reject_st != LIS_OK)
        return;
    errno = 0;
    if (c->rejects == NULL) {
        const char *target = c->opt->reject_path;
        char *def = NULL;
        if (target == NULL)
            target = def = lis_xasprintf("%s.rejects.csv", c->path);
        c->res->reject_path = lis_xstrdup(target);
        c->reject_tmp = lis_xasprintf("%s.tmp", target);
        free(def);
        c->rejects = fopen(c->reject_tmp, "w");
        if (c->rejects == NULL) {
            reject_failed(c, "create");
            return;
        }
        c->reject_made = true;
        if (fputs("line;column;value;reason\n", c->rejects) == EOF) {
            reject_failed(c, "write");
            return;
        }
    }
    char num[24];
    snprintf(num, sizeof num, "%ld", line);
    if (!reject_field(c->rejects, num, false) ||
        !reject_field(c->rejects, column, false) ||
        !reject_field(c->rejects, value, false) ||
        !reject_field(c->rejects, reason, true))
        reject_failed(c, "write");
}

/* Closes the reject file and puts it in place (before COMMIT, so that good
 * rows never land without the list of bad ones). */
static lis_status
reject_finish(ctx *c)
{
    if (c->rejects == NULL)
        return c->reject_st;
    errno = 0;
    bool bad = fflush(c->rejects) != 0 || fsync(fileno(c->rejects)) != 0;
    bad = fclose(c->rejects) != 0 || bad;
    c->rejects = NULL;
    if (bad)
        reject_failed(c, "write");
    else if (c->reject_st == LIS_OK && rename(c->reject_tmp, c->res->reject_path) != 0)
        reject_failed(c, "rename");
    if (c->reject_st == LIS_OK) {
        free(c->reject_tmp);
        c->reject_tmp = NULL;
    }
    return c->reject_st;
}

/* A cell's message: column and value quoted and cut short (a 1 MB value must
 * not make a 1 MB message). */
static char *
cell_message(const char *path, long line, const char *column, const char *value,
             const char *reason)
{
    char col[LIS_CSV_EXCERPT_SIZE], val[LIS_CSV_EXCERPT_SIZE];
    if (column && value)
        return lis_xasprintf("%s:%ld: column %s: %s %s", path, line,
                             lis_csv_excerpt(column, strlen(column), col),
                             lis_csv_excerpt(value, strlen(value), val), reason);
    if (column)
        return lis_xasprintf("%s:%ld: column %s: %s", path, line,
                             lis_csv_excerpt(column, strlen(column), col), reason);
    return lis_xasprintf("%s:%ld: %s", path, line, reason);
}

/* Records an error about a cell (column may be NULL for the whole row). */
static void
row_error(ctx *c, long line, const char *column, const char *value, const char *reason)
{
    char *msg = cell_message(c->path, line, column, value, reason);
    add_message(c->res->errors, &c->res->nerrors, msg);
    reject(c, line, column ? column : "", value ? value : "", reason);
    c->row_bad = true;
}

static void
warning(ctx *c, char *msg)
{
    add_message(c->res->warnings, &c->res->nwarnings, msg);
}

/* ------------------------------------------------------------ COPY */

static lis_status
flush(ctx *c, bool force)
{
    if (c->out.len == 0 || (!force && c->out.len < COPY_CHUNK))
        return LIS_OK;
    if (lis_db_copy_send(c->conn, &c->out, c->err) != LIS_OK) {
        c->copy_failed = true;
        return LIS_DB;
    }
    return LIS_OK;
}

/* Appends s as a COPY text value. */
static void
copy_text(lis_buf *b, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        char e = 0;
        switch (s[i]) {
        case '\\':
            e = '\\';
            break;
        case '\t':
            e = 't';
            break;
        case '\n':
            e = 'n';
            break;
        case '\r':
            e = 'r';
            break;
        default:
            continue;
        }
        lis_buf_add(b, s + start, i - start);
        lis_buf_addc(b, '\\');
        lis_buf_addc(b, e);
        start = i + 1;
    }
    lis_buf_add(b, s + start, n - start);
}

/* The values of a row, in the format of the COPY: each out_ function
 * appends one field; out_sep comes between two. */
static void
out_sep(ctx *c)
{
    if (!c->binary)
        lis_buf_addc(&c->out, '\t');
}

static void
out_null(ctx *c)
{
    if (c->binary)
        lis_copybin_null(&c->out);
    else
        lis_buf_add(&c->out, "\\N", 2);
}

static void
out_text(ctx *c, const char *s, size_t n)
{
    if (c->binary)
        lis_copybin_text(&c->out, s, n);
    else
        copy_text(&c->out, s, n);
}

static void add_long(lis_buf *b, long v);

/* A whole number into a column of width bytes (2, 4 or 8). */
static void
out_int(ctx *c, long v, int width)
{
    if (!c->binary)
        add_long(&c->out, v);
    else if (width == 2)
        lis_copybin_int2(&c->out, (int16_t)v);
    else if (width == 4)
        lis_copybin_int4(&c->out, (int32_t)v);
    else
        lis_copybin_int8(&c->out, (int64_t)v);
}

/* A canonical number (lis_number_parse) into a numeric column. */
static void
out_num(ctx *c, const char *v)
{
    if (!c->binary)
        lis_buf_adds(&c->out, v);
    else if (!lis_copybin_numeric(&c->out, v))
        out_null(c); /* not reached: v is canonical; NULL rather than a torn row */
}

/* ------------------------------------------------------------ the header */

static bool
header_matches(ctx *c, const char *cell, size_t n, const char *want)
{
    lis_buf a, b;
    lis_buf_init(&a);
    lis_buf_init(&b);
    fold(cell, n, '_', &a);
    fold(want, strlen(want), '_', &b);
    bool eq = strcmp(a.data ? a.data : "", b.data ? b.data : "") == 0;
    lis_buf_release(&a);
    lis_buf_release(&b);
    (void)c;
    return eq;
}

/* The column of the header named want (folded), or -1. */
static int
find_column(ctx *c, const lis_csv_field *f, size_t nf, const char *want)
{
    for (size_t i = 0; i < nf; i++)
        if (header_matches(c, f[i].s, f[i].n, want))
            return (int)i;
    return -1;
}

/* Whether a header cell names field fd, by its name or one of its aliases. */
static bool
field_matches(ctx *c, const lis_csv_field *cell, const lis_field *fd)
{
    if (header_matches(c, cell->s, cell->n, fd->name))
        return true;
    for (const char *a = fd->aliases; a && *a;) {
        size_t len = strcspn(a, "|");
        char *one = lis_xstrndup(a, len);
        bool eq = header_matches(c, cell->s, cell->n, one);
        free(one);
        if (eq)
            return true;
        a += len;
        if (*a == '|')
            a++;
    }
    return false;
}

/* The column of a field by its name or one of its aliases, or -1. */
static int
find_field_column(ctx *c, const lis_csv_field *f, size_t nf, const lis_field *fd)
{
    for (size_t i = 0; i < nf; i++)
        if (field_matches(c, &f[i], fd))
            return (int)i;
    return -1;
}

/* A header that names one column twice (after folding case, spaces and
 * aliases) is ambiguous: an error naming both, rather than the first
 * silently winning. */
static lis_status
twice(ctx *c, const lis_csv_field *f, long line, int first, size_t second,
      const char *field)
{
    char a[LIS_CSV_EXCERPT_SIZE], b[LIS_CSV_EXCERPT_SIZE];
    lis_error_set(c->err, LIS_INPUT,
                  "%s:%ld: the header names %s twice: column %d %s and column %zu %s",
                  c->path, line, field, first + 1,
                  lis_csv_excerpt(f[first].s, f[first].n, a), second + 1,
                  lis_csv_excerpt(f[second].s, f[second].n, b));
    lis_error_at(c->err, c->path, line);
    lis_error_hint(c->err, "Remove or rename one of the two columns.");
    return LIS_INPUT;
}

static int
score_header(void *vc, const lis_csv_field *f, size_t nf)
{
    ctx *c = vc;
    int score = 0;
    for (int k = 0; k < c->kind->nfields; k++) {
        const lis_profile_map *m = lis_profile_find(c->prof, c->kind->fields[k].name);
        if (m && m->constant)
            continue;
        if (m && m->source) {
            char *copy = lis_xstrdup(m->source), *save = NULL;
            for (char *t = strtok_r(copy, "+", &save); t; t = strtok_r(NULL, "+", &save))
                if (find_column(c, f, nf, t) >= 0)
                    score++;
            free(copy);
        } else if (find_field_column(c, f, nf, &c->kind->fields[k]) >= 0) {
            score++;
        }
    }
    return score;
}

static char *
header_list(const lis_csv_field *f, size_t nf)
{
    lis_buf b;
    lis_buf_init(&b);
    for (size_t i = 0; i < nf; i++) {
        if (i)
            lis_buf_adds(&b, ", ");
        char ex[LIS_CSV_EXCERPT_SIZE];
        lis_buf_adds(&b, lis_csv_excerpt(f[i].s, f[i].n, ex));
        if (b.len > 1024) {
            lis_buf_adds(&b, ", ...");
            break;
        }
    }
    return b.data ? b.data : lis_xstrdup("");
}

static lis_status
missing_column(ctx *c, const lis_csv_field *f, size_t nf, long line, const char *what)
{
    lis_error_set(c->err, LIS_INPUT, "%s:%ld: column %s is missing", c->path, line, what);
    lis_error_at(c->err, c->path, line);
    char *have = header_list(f, nf);
    lis_error_detail(c->err, "The file has the columns %s.", have);
    free(have);
    return LIS_INPUT;
}

/* A profile constant with {file} and {filedate} replaced. */
static char *
expand(const char *path, const char *v)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    int blen = dot && dot > base ? (int)(dot - base) : (int)strlen(base);
    char date[8] = "";
    for (int i = 0; i + 7 <= blen; i++) {
        const char *t = base + i;
        bool ok = true;
        for (int k = 0; k < 7 && ok; k++)
            ok = k == 4 ? t[k] == '-' : (t[k] >= '0' && t[k] <= '9');
        if (ok && (i == 0 || !(t[-1] >= '0' && t[-1] <= '9'))) {
            memcpy(date, t, 7);
            date[7] = '\0';
            break;
        }
    }
    lis_buf b;
    lis_buf_init(&b);
    while (*v) {
        if (strncmp(v, "{file}", 6) == 0) {
            lis_buf_add(&b, base, (size_t)blen);
            v += 6;
        } else if (strncmp(v, "{filedate}", 10) == 0) {
            lis_buf_adds(&b, date);
            v += 10;
        } else {
            lis_buf_addc(&b, *v++);
        }
    }
    return b.data ? b.data : lis_xstrdup("");
}

static lis_status
on_header(void *vc, const lis_csv_field *f, size_t nf, long line, lis_error *err)
{
    ctx *c = vc;
    (void)err;
    /* The number rules follow the delimiter found in the header. */
    c->numfmt = lis_profile_numfmt(c->prof, c->rd->delimiter_used);
    c->header = lis_xcalloc(nf + 1, sizeof *c->header);
    c->nheader = nf;
    for (size_t i = 0; i < nf; i++) {
        size_t n = f[i].n;
        const char *s = lis_trim(f[i].s, &n);
        c->header[i] = lis_xstrndup(s, n);
    }
    c->max_col = 0;
    for (int k = 0; k < c->kind->nfields; k++) {
        const lis_field *fd = &c->kind->fields[k];
        colmap *m = &c->map[k];
        const lis_profile_map *pm = lis_profile_find(c->prof, fd->name);
        m->nsrc = 0;
        m->fallback = pm ? pm->fallback : NULL;
        if (pm && pm->constant) {
            m->constant = expand(c->path, pm->constant);
            m->label = lis_xstrdup(fd->name);
            continue;
        }
        if (pm && pm->source) {
            char *copy = lis_xstrdup(pm->source), *save = NULL;
            for (char *t = strtok_r(copy, "+", &save); t;
                 t = strtok_r(NULL, "+", &save)) {
                size_t tn = strlen(t);
                const char *tt = lis_trim(t, &tn);
                char *name = lis_xstrndup(tt, tn);
                int col = find_column(c, f, nf, name);
                for (size_t j = col < 0 ? nf : (size_t)col + 1; j < nf; j++) {
                    if (header_matches(c, f[j].s, f[j].n, name)) {
                        twice(c, f, line, col, j, name);
                        free(name);
                        free(copy);
                        return LIS_INPUT;
                    }
                }
                if (col < 0 || m->nsrc >= MAX_JOIN) {
                    char *what = lis_xasprintf("'%s' (for %s, named by profile %s)", name,
                                               fd->name, c->prof->name);
                    missing_column(c, f, nf, line, what);
                    free(what);
                    free(name);
                    free(copy);
                    return LIS_INPUT;
                }
                free(name);
                m->src[m->nsrc++] = col;
            }
            free(copy);
            m->label = lis_xstrdup(pm->source);
        } else {
            int col = find_field_column(c, f, nf, fd);
            if (col < 0) {
                if (fd->column_required) {
                    char *what = fd->aliases ? lis_xasprintf("'%s' (or '%s')", fd->name,
                                                             fd->aliases)
                                             : lis_xasprintf("'%s'", fd->name);
                    missing_column(c, f, nf, line, what);
                    free(what);
                    return LIS_INPUT;
                }
                m->label = lis_xstrdup(fd->name);
                continue;
            }
            for (size_t j = (size_t)col + 1; j < nf; j++)
                if (field_matches(c, &f[j], fd))
                    return twice(c, f, line, col, j, fd->name);
            m->src[m->nsrc++] = col;
            m->label = lis_xstrdup(c->header[col]);
        }
        for (int j = 0; j < m->nsrc; j++)
            if ((size_t)m->src[j] + 1 > c->max_col)
                c->max_col = (size_t)m->src[j] + 1;
    }
    for (int i = 0; i < c->prof->nfilter; i++) {
        int col = find_column(c, f, nf, c->prof->filter[i].column);
        if (col < 0) {
            char *what = lis_xasprintf("'%s' (a filter of profile %s)",
                                       c->prof->filter[i].column, c->prof->name);
            missing_column(c, f, nf, line, what);
            free(what);
            return LIS_INPUT;
        }
        c->filter_col[i] = col;
    }
    c->sign_col = -1;
    if (c->prof->sign_column) {
        c->sign_col = find_column(c, f, nf, c->prof->sign_column);
        if (c->sign_col < 0) {
            char *what = lis_xasprintf("'%s' (sign_column of profile %s)",
                                       c->prof->sign_column, c->prof->name);
            missing_column(c, f, nf, line, what);
            free(what);
            return LIS_INPUT;
        }
    }
    return LIS_OK;
}

/* ------------------------------------------------------------ a row */

#define CELL_SIZE 128

/* The cell s[0..n) as a string: in buf when it fits (the common case, no
 * allocation per cell), else on the heap; cell_free releases it. */
static char *
cell(char *buf, const char *s, size_t n)
{
    if (n < CELL_SIZE) {
        memcpy(buf, s, n);
        buf[n] = '\0';
        return buf;
    }
    return lis_xstrndup(s, n);
}

static void
cell_free(char *buf, char *value)
{
    if (value != buf)
        free(value);
}

/* Appends a whole number (faster than printf on the hot path). */
static void
add_long(lis_buf *b, long v)
{
    char tmp[24];
    int i = sizeof tmp;
    bool neg = v < 0;
    unsigned long u = neg ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg)
        tmp[--i] = '-';
    lis_buf_add(b, tmp + i, sizeof tmp - (size_t)i);
}

static bool
enum_value(const lis_field *fd, const char *s, size_t n, lis_buf *tmp, const char **out)
{
    fold(s, n, '-', tmp);
    const char *v = tmp->data ? tmp->data : "";
    const char *a = fd->values;
    size_t vl = strlen(v);
    while (*a) {
        size_t len = strcspn(a, "|");
        if (len == vl && strncmp(a, v, len) == 0) {
            *out = v;
            return true;
        }
        a += len;
        if (*a == '|')
            a++;
    }
    return false;
}

static bool
is_missing_token(const ctx *c, const char *s, size_t n)
{
    for (int i = 0; i < c->prof->nmissing; i++)
        if (strlen(c->prof->missing[i]) == n && memcmp(c->prof->missing[i], s, n) == 0)
            return true;
    return false;
}

/*
 * Converts one cell of field fd and appends it to the COPY data (a period
 * as its two or four columns). Returns false after recording an error.
 */
static bool
convert(ctx *c, const lis_field *fd, const colmap *m, const char *raw, size_t rawn,
        long line, bool negate)
{
    lis_buf *row = &c->out;
    size_t n = rawn;
    const char *s = lis_trim(raw, &n);
    if (fd == &c->kind->fields[c->cc_field >= 0 ? c->cc_field : 0] && c->cc_field >= 0)
        c->cc_s = s, c->cc_n = n;
    bool empty = n == 0 || (fd->type != LIS_F_TEXT && fd->type != LIS_F_ID &&
                            (lis_number_is_missing(s, n) || is_missing_token(c, s, n)));
    if (fd->type == LIS_F_NUM && is_missing_token(c, s, n))
        empty = true;
    if (empty && m->fallback && m->fallback[0] && raw != m->fallback) {
        return convert(c, fd, m, m->fallback, strlen(m->fallback), line, negate);
    }
    if (empty) {
        if (fd->value_required) {
            row_error(c, line, m->label, NULL, "has no value");
            return false;
        }
        if (fd->def) {
            out_text(c, fd->def, strlen(fd->def));
        } else {
            int ncol = fd->type == LIS_F_PERIOD ? 4 : fd->type == LIS_F_BPERIOD ? 2 : 1;
            for (int i = 0; i < ncol; i++) {
                if (i)
                    out_sep(c);
                out_null(c);
            }
        }
        return true;
    }
    char buf[LIS_NUM_SIZE + 2];
    char cellbuf[CELL_SIZE];
    char *value = NULL;
    switch (fd->type) {
    case LIS_F_ID:
    case LIS_F_TEXT:
        out_text(c, s, n);
        return true;
    case LIS_F_IDLIST: {
        lis_buf *list = &c->tmp;
        lis_buf_reset(list);
        bool first = true;
        size_t i = 0;
        while (i < n) {
            while (i < n && (s[i] == ' ' || s[i] == ','))
                i++;
            size_t j = i;
            while (j < n && s[j] != ' ' && s[j] != ',')
                j++;
            if (j > i) {
                if (!first)
                    lis_buf_addc(list, ' ');
                lis_buf_add(list, s + i, j - i);
                first = false;
            }
            i = j;
        }
        out_text(c, list->data ? list->data : "", list->len);
        return true;
    }
    case LIS_F_NUM: {
        lis_num_result r = lis_number_parse(s, n, &c->numfmt, buf + 1);
        if (r == LIS_NUM_BAD) {
            value = cell(cellbuf, s, n);
            row_error(c, line, m->label, value, "is not a number");
            cell_free(cellbuf, value);
            return false;
        }
        if (r == LIS_NUM_NULL) {
            out_null(c);
            return true;
        }
        if (fd->min < fd->max) {
            double d = strtod(buf + 1, NULL);
            if (d < fd->min || d > fd->max) {
                value = cell(cellbuf, s, n);
                char *why = lis_xasprintf("is out of range (%g to %g)", fd->min, fd->max);
                row_error(c, line, m->label, value, why);
                free(why);
                cell_free(cellbuf, value);
                return false;
            }
        }
        const char *v = buf + 1;
        if (negate && fd->amount) {
            if (v[0] == '-')
                v++;
            else
                buf[0] = '-', v = buf;
        }
        out_num(c, v);
        return true;
    }
    case LIS_F_INT: {
        long v = 0;
        bool ok = n <= 9;
        for (size_t i = 0; ok && i < n; i++)
            ok = isdigit((unsigned char)s[i]) || (i == 0 && s[i] == '-' && n > 1);
        if (ok)
            v = strtol(s, NULL, 10);
        if (!ok || (fd->min < fd->max && (v < fd->min || v > fd->max))) {
            value = cell(cellbuf, s, n);
            char *why = ok ? lis_xasprintf("is out of range (%g to %g)", fd->min, fd->max)
                           : lis_xstrdup("is not a whole number");
            row_error(c, line, m->label, value, why);
            free(why);
            cell_free(cellbuf, value);
            return false;
        }
        add_long(row, v);
        return true;
    }
    case LIS_F_BOOL: {
        lis_buf *t = &c->tmp;
        fold(s, n, '-', t);
        const char *v = t->data ? t->data : "";
        if (!strcmp(v, "ja") || !strcmp(v, "j") || !strcmp(v, "yes") ||
            !strcmp(v, "true") || !strcmp(v, "1") || !strcmp(v, "x")) {
            lis_buf_addc(row, 't');
            return true;
        }
        if (!strcmp(v, "nej") || !strcmp(v, "n") || !strcmp(v, "no") ||
            !strcmp(v, "false") || !strcmp(v, "0")) {
            lis_buf_addc(row, 'f');
            return true;
        }
        value = cell(cellbuf, s, n);
        row_error(c, line, m->label, value, "is not ja or nej");
        cell_free(cellbuf, value);
        return false;
    }
    case LIS_F_ENUM: {
        const char *v;
        if (enum_value(fd, s, n, &c->tmp, &v)) {
            lis_buf_adds(row, v);
            return true;
        }
        value = cell(cellbuf, s, n);
        char *allowed = lis_xstrdup(fd->values);
        for (char *p = allowed; *p; p++)
            if (*p == '|')
                *p = ',';
        char *why = lis_xasprintf("is not one of %s", allowed);
        row_error(c, line, m->label, value, why);
        free(why);
        free(allowed);
        cell_free(cellbuf, value);
        return false;
    }
    case LIS_F_FUNC: {
        /* SPEC 6: only five bare digits are rewritten (32201 -> 3.22.01) */
        bool five = n == 5;
        for (size_t i = 0; five && i < 5; i++)
            five = s[i] >= '0' && s[i] <= '9';
        if (five) {
            char code[8] = {s[0], '.', s[1], s[2], '.', s[3], s[4], '\0'};
            out_text(c, code, 7);
        } else {
            out_text(c, s, n);
        }
        return true;
    }
    case LIS_F_PERIOD:
    case LIS_F_BPERIOD: {
        lis_period p;
        /* the common yyyy-mm, parsed here without copying */
        if (n == 7 && s[4] == '-' && s[5] >= '0' && s[5] <= '1' && s[6] >= '0' &&
            s[6] <= '9' && s[0] >= '1' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' &&
            s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9') {
            int mo = (s[5] - '0') * 10 + (s[6] - '0');
            int yr = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
                     (s[3] - '0');
            if (mo >= 1 && mo <= 12 && yr >= 1900 && yr <= 2999) {
                if (fd->type == LIS_F_BPERIOD) {
                    out_int(c, yr, 4);
                    out_sep(c);
                    out_int(c, mo, 2);
                } else {
                    lis_buf_add(row, s, 7);
                    lis_buf_addc(row, '\t');
                    add_long(row, yr);
                    lis_buf_addc(row, '\t');
                    add_long(row, mo);
                    lis_buf_addc(row, '\t');
                    add_long(row, mo);
                }
                return true;
            }
        }
        value = cell(cellbuf, s, n);
        if (!lis_period_parse_fmt(value, c->prof->period_format, &p)) {
            row_error(
                c, line, m->label, value,
                "is not a period (2026-03, 2026M03, 202603, 2026-Q1, 2026K1, 2026 or a "
                "date)");
            cell_free(cellbuf, value);
            return false;
        }
        if (fd->type == LIS_F_BPERIOD) {
            if (p.kind == LIS_QUARTER) {
                row_error(c, line, m->label, value,
                          "is a quarter; a budget period is a month or a year");
                cell_free(cellbuf, value);
                return false;
            }
            cell_free(cellbuf, value);
            out_int(c, p.year, 4);
            out_sep(c);
            if (p.kind == LIS_YEAR)
                out_null(c);
            else
                out_int(c, p.first_month, 2);
            return true;
        }
        cell_free(cellbuf, value);
        char name[LIS_PERIOD_NAME_SIZE];
        lis_buf_addf(row, "%s\t%d\t%d\t%d", lis_period_name(&p, name), p.year,
                     p.first_month, p.last_month);
        return true;
    }
    case LIS_F_DATE: {
        char d[11];
        value = cell(cellbuf, s, n);
        if (!lis_date_parse_fmt(value, c->prof->date_format, d)) {
            row_error(c, line, m->label, value,
                      "is not a date (yyyy-mm-dd, dd-mm-yyyy or dd.mm.yyyy)");
            cell_free(cellbuf, value);
            return false;
        }
        cell_free(cellbuf, value);
        lis_buf_adds(row, d);
        return true;
    }
    }
    return false;
}

static bool
row_blank(const lis_csv_field *f, size_t nf)
{
    for (size_t i = 0; i < nf; i++) {
        size_t n = f[i].n;
        lis_trim(f[i].s, &n);
        if (n > 0)
            return false;
    }
    return true;
}

/* Whether the row is a footer or subtotal line of the profile. */
static bool
row_footer(const ctx *c, const lis_csv_field *f, size_t nf)
{
    if (c->prof->nskip_prefix == 0)
        return false;
    for (size_t i = 0; i < nf; i++) {
        size_t n = f[i].n;
        const char *s = lis_trim(f[i].s, &n);
        if (n == 0)
            continue;
        for (int k = 0; k < c->prof->nskip_prefix; k++) {
            size_t pl = strlen(c->prof->skip_prefix[k]);
            if (n >= pl && strncasecmp(s, c->prof->skip_prefix[k], pl) == 0)
                return true;
        }
        return false;
    }
    return false;
}

static bool
row_filtered(const ctx *c, const lis_csv_field *f, size_t nf)
{
    for (int i = 0; i < c->prof->nfilter; i++) {
        const char *want = c->prof->filter[i].value;
        if ((size_t)c->filter_col[i] >= nf)
            return true;
        size_t n = f[c->filter_col[i]].n;
        const char *s = lis_trim(f[c->filter_col[i]].s, &n);
        /* several values separated by "|" */
        bool hit = false;
        while (!hit) {
            size_t len = strcspn(want, "|");
            size_t wl = len;
            const char *w = lis_trim(want, &wl);
            hit = wl == n && memcmp(w, s, n) == 0;
            if (!want[len])
                break;
            want += len + 1;
        }
        if (!hit)
            return true;
    }
    return false;
}

static lis_status
on_record(void *vc, const lis_csv_field *f, size_t nf, long line, lis_error *err)
{
    ctx *c = vc;
    (void)err;
    if (c->reject_st != LIS_OK)
        return c->reject_st;
    if (row_blank(f, nf))
        return LIS_OK;
    if (row_footer(c, f, nf) || row_filtered(c, f, nf)) {
        c->res->rows_skipped++;
        return LIS_OK;
    }
    c->res->rows_read++;
    if (c->opt->progress && c->res->rows_read % LIS_IMPORT_PROGRESS_ROWS == 0)
        c->opt->progress(c->opt->progress_ctx, c->res->rows_read, c->rd->size);
    c->row_bad = false;
    if (nf < c->max_col) {
        const char *col = "?";
        for (int k = 0; k < c->kind->nfields; k++)
            for (int j = 0; j < c->map[k].nsrc; j++)
                if ((size_t)c->map[k].src[j] >= nf) {
                    col = c->header[c->map[k].src[j]];
                    goto found;
                }
    found:;
        char ex[LIS_CSV_EXCERPT_SIZE];
        char *why = lis_xasprintf(
            "the line has %zu field%s, the header %zu: column %s is "
            "missing (a cut-off line?)",
            nf, nf == 1 ? "" : "s", c->nheader, lis_csv_excerpt(col, strlen(col), ex));
        row_error(c, line, NULL, NULL, why);
        free(why);
        c->res->rows_rejected++;
        return LIS_OK;
    }
    if (nf > c->nheader && !c->prof->extra_fields_ignore) {
        /* Trailing empty fields lose nothing; a value beyond the header
         * would be dropped silently. */
        size_t k = c->nheader;
        while (k < nf && row_blank(&f[k], 1))
            k++;
        if (k < nf) {
            char ex[LIS_CSV_EXCERPT_SIZE];
            char *why = lis_xasprintf(
                "the line has %zu fields, the header %zu: field %zu holds %s (a value "
                "with a delimiter that is not quoted?)",
                nf, c->nheader, k + 1, lis_csv_excerpt(f[k].s, f[k].n, ex));
            row_error(c, line, NULL, NULL, why);
            free(why);
            c->res->rows_rejected++;
            return LIS_OK;
        }
    }
    bool negate = false;
    if (c->sign_col >= 0 && (size_t)c->sign_col < nf) {
        size_t n = f[c->sign_col].n;
        const char *s = lis_trim(f[c->sign_col].s, &n);
        for (int i = 0; i < c->prof->nsign_negative; i++)
            if (strlen(c->prof->sign_negative[i]) == n &&
                strncasecmp(c->prof->sign_negative[i], s, n) == 0)
                negate = true;
    }

    /* The row is built at the end of the COPY data and cut off again if a
     * cell is bad. */
    size_t start = c->out.len;
    if (c->binary) {
        lis_copybin_row(&c->out, c->nfields);
        lis_copybin_int8(&c->out, c->batch_id);
    } else if (!c->kind->staged) {
        lis_buf_add(&c->out, c->batch_text, c->batch_len);
    }
    out_int(c, line, 4);
    for (int k = 0; k < c->kind->nfields; k++) {
        const lis_field *fd = &c->kind->fields[k];
        const colmap *m = &c->map[k];
        out_sep(c);
        if (m->constant) {
            convert(c, fd, m, m->constant, strlen(m->constant), line, negate);
        } else if (m->nsrc == 1) {
            convert(c, fd, m, f[m->src[0]].s, f[m->src[0]].n, line, negate);
        } else if (m->nsrc == 0) {
            convert(c, fd, m, "", 0, line, negate);
        } else {
            lis_buf *joined = &c->join; /* reused: no allocation per row */
            lis_buf_reset(joined);
            for (int j = 0; j < m->nsrc; j++) {
                size_t n = f[m->src[j]].n;
                const char *s = lis_trim(f[m->src[j]].s, &n);
                if (n == 0)
                    continue;
                if (joined->len)
                    lis_buf_addc(joined, '.');
                lis_buf_add(joined, s, n);
            }
            convert(c, fd, m, joined->len ? joined->data : "", joined->len, line, negate);
        }
    }
    if (c->row_bad) {
        c->out.len = start;
        c->out.data[start] = '\0';
        c->res->rows_rejected++;
        return LIS_OK;
    }
    if (!c->binary)
        lis_buf_addc(&c->out, '\n');
    if (c->cc_field >= 0 && !strset_has(&c->allocated, c->cc_s, c->cc_n))
        c->res->rows_unallocated++;
    return flush(c, false);
}

/* ------------------------------------------------------------ SQL helpers */

static PGresult *
query(ctx *c, const char *name, int n, const char *const *params)
{
    return lis_db_query(c->conn, name, n, params, c->err);
}

static lis_status
exec1(ctx *c, const char *name, int n, const char *const *params)
{
    PGresult *r = query(c, name, n, params);
    if (r == NULL)
        return LIS_DB;
    PQclear(r);
    return LIS_OK;
}

static void
rollback(PGconn *conn)
{
    PGresult *r = PQexec(conn, "ROLLBACK");
    PQclear(r);
}

/* Ends COPY; errmsg non-NULL aborts it. */
static lis_status
copy_end(ctx *c, const char *errmsg)
{
    if (errmsg == NULL && c->binary)
        lis_copybin_trailer(&c->out);
    if (errmsg == NULL && flush(c, true) != LIS_OK)
        errmsg = "client failed";
    return lis_db_copy_end(c->conn, errmsg, c->err);
}

/* Runs the kind's check query: errors name the line, column and value;
 * warnings drop the row. Returns LIS_DB on failure. */
static lis_status
run_checks(ctx *c, const char *name)
{
    /* Single-row mode: a file whose every row is bad must not need memory
     * for all its errors at once (only 20 are kept; the rest are counted or
     * streamed to the reject file). */
    if (!PQsendQueryParams(c->conn, lis_sql(name), 0, NULL, NULL, NULL, NULL, 0) ||
        !PQsetSingleRowMode(c->conn))
        return lis_db_error(c->conn, NULL, "checks failed", c->err);
    long ndrop = 0, last_bad = 0;
    lis_status st = LIS_OK;
    PGresult *r;
    while ((r = PQgetResult(c->conn)) != NULL) {
        ExecStatusType rs = PQresultStatus(r);
        if (rs == PGRES_SINGLE_TUPLE && st == LIS_OK) {
            long line = atol(PQgetvalue(r, 0, 0));
            const char *field = PQgetvalue(r, 0, 1);
            const char *value = PQgetisnull(r, 0, 2) ? NULL : PQgetvalue(r, 0, 2);
            const char *reason = PQgetvalue(r, 0, 3);
            bool is_warning = PQgetvalue(r, 0, 4)[0] == 't';
            int k = lis_kind_field(c->kind, field);
            const char *label = k >= 0 ? c->map[k].label : field;
            if (is_warning) {
                warning(c,
                        cell_message(c->path, line, label, value ? value : "", reason));
                c->res->rows_ignored++;
            } else {
                row_error(c, line, label, value, reason);
                if (line != last_bad)
                    c->res->rows_rejected++;
                last_bad = line;
            }
            ndrop++;
        } else if (rs != PGRES_SINGLE_TUPLE && rs != PGRES_TUPLES_OK && st == LIS_OK) {
            st = lis_db_error(c->conn, r, "checks failed", c->err);
        }
        PQclear(r);
    }
    if (st == LIS_OK && ndrop > 0) {
        /* The rows found above leave the staging table: the same query,
         * run again inside the DELETE, names them. */
        char *sql = lis_xasprintf("DELETE FROM import_stage WHERE line_no IN "
                                  "(SELECT line_no FROM (\n%s\n) AS checks)",
                                  lis_sql(name));
        PGresult *d = lis_db_query_text(c->conn, sql, 0, NULL, c->err);
        free(sql);
        if (d == NULL)
            st = LIS_DB;
        PQclear(d);
    }
    return st;
}

/* A file with errors and no --partial: nothing of it lands. */
static lis_status
nothing_imported(ctx *c)
{
    return lis_error_set(c->err, LIS_INPUT, "%s: %ld error%s; nothing was imported",
                         c->path, c->res->nerrors, c->res->nerrors == 1 ? "" : "s");
}

static lis_status
merge_queries(ctx *c)
{
    const char *bp[1] = {c->batch_param};
    lis_status st = LIS_OK;
    for (int i = 0; i < 4 && c->kind->merge[i] && st == LIS_OK; i++)
        st = exec1(c, c->kind->merge[i], 1, bp);
    return st;
}

/* The kind's merge queries. A kind whose duplicate keys the merge finds
 * (kind->duplicates) merges under a savepoint: on a unique violation the
 * duplicates are named as errors, and with --partial left out and the
 * merge run again. */
static lis_status
merge(ctx *c)
{
    const char *dup = c->kind->duplicates;
    if (dup && exec1(c, "queries/import_merge_savepoint.sql", 0, NULL))
        return LIS_DB;
    lis_status st = merge_queries(c);
    if (st != LIS_DB || !dup || c->err == NULL || strcmp(c->err->sqlstate, "23505") != 0)
        return st;
    lis_error_clear(c->err);
    if ((st = exec1(c, "queries/import_merge_rollback.sql", 0, NULL)) ||
        (st = run_checks(c, dup)))
        return st;
    if (c->res->nerrors > 0 && !c->opt->partial)
        return nothing_imported(c);
    return merge_queries(c);
}

static long
count_value(PGresult *r)
{
    long n = r && PQntuples(r) > 0 ? atol(PQgetvalue(r, 0, 0)) : 0;
    PQclear(r);
    return n;
}

/* ------------------------------------------------------------ the import */

static void
ctx_release(ctx *c)
{
    for (int k = 0; k < LIS_KIND_MAX_FIELDS; k++) {
        free(c->map[k].label);
        free(c->map[k].constant);
    }
    for (size_t i = 0; c->header && i < c->nheader; i++)
        free(c->header[i]);
    free(c->header);
    lis_buf_release(&c->out);
    lis_buf_release(&c->row);
    strset_release(&c->allocated);
    lis_buf_release(&c->tmp);
    lis_buf_release(&c->join);
    if (c->rejects)
        fclose(c->rejects);
    if (c->reject_tmp) {
        if (c->reject_made) /* never what stood in its way */
            unlink(c->reject_tmp);
        free(c->reject_tmp);
    }
}

lis_status
lis_import_file(PGconn *conn, const char *kind_name, const char *path,
                const lis_import_options *opt, lis_import_result *res, lis_error *err)
{
    static const lis_import_options defaults = {0};
    const lis_kind *kind = lis_kind_find(kind_name);
    lis_profile prof;
    ctx c = {0};
    lis_status st = LIS_OK;
    bool in_tx = false, copying = false;
    struct stat sb;

    if (opt == NULL)
        opt = &defaults;
    if (kind == NULL) {
        lis_error_set(err, LIS_USAGE, "unknown kind \"%s\"", kind_name);
        lis_error_detail(err, "The kinds are %s.", lis_import_kinds());
        return LIS_USAGE;
    }
    lis_profile_init(&prof);
    if (opt->profile &&
        (st = lis_profile_load(&prof, opt->profile, opt->config_path, err)))
        goto out;
    if (prof.kind && strcmp(prof.kind, kind->name) != 0) {
        st = lis_error_set(err, LIS_USAGE, "profile \"%s\" imports %s, not %s", prof.name,
                           prof.kind, kind->name);
        goto out;
    }
    free(res->profile);
    res->profile = lis_xstrdup(prof.name);
    if (stat(path, &sb) != 0) {
        st = lis_error_set(err, LIS_INPUT, "could not open \"%s\": %s", path,
                           strerror(errno));
        goto out;
    }
    if (!S_ISREG(sb.st_mode)) {
        st = lis_error_set(err, LIS_INPUT, "\"%s\" is not a file", path);
        goto out;
    }
    res->size = (long long)sb.st_size;

    c.conn = conn;
    c.cc_field = -1;
    c.kind = kind;
    c.prof = &prof;
    c.opt = opt;
    c.path = path;
    c.res = res;
    c.err = err;
    lis_buf_init(&c.out);
    lis_buf_init(&c.row);
    lis_buf_init(&c.tmp);
    lis_buf_init(&c.join);

    if ((st = lis_db_exec(conn, "BEGIN", err)) != LIS_OK)
        goto out;
    in_tx = true;
    const char *kp[1] = {kind->name};
    if ((st = exec1(&c, "queries/import_lock.sql", 1, kp)) != LIS_OK)
        goto out;

    /* The same file landed before? Only a batch of the same size can be it,
     * so the file is hashed up front only then. */
    if (!opt->force) {
        char size[32];
        snprintf(size, sizeof size, "%lld", res->size);
        const char *p[2] = {kind->name, size};
        PGresult *r = query(&c, "queries/import_same_size.sql", 2, p);
        if (r == NULL) {
            st = LIS_DB;
            goto out;
        }
        if (PQntuples(r) > 0) {
            char sha[65];
            if ((st = lis_file_sha256(path, sha, err)) != LIS_OK) {
                PQclear(r);
                goto out;
            }
            for (int i = 0; i < PQntuples(r); i++) {
                if (strcmp(PQgetvalue(r, i, 1), sha) == 0) {
                    res->duplicate = true;
                    res->duplicate_of = atoll(PQgetvalue(r, i, 0));
                    memcpy(res->sha256, sha, 65);
                }
            }
        }
        PQclear(r);
        if (res->duplicate)
            goto out; /* rolled back below: nothing changed */
    }

    {
        const char *p[5] = {kind->name, path, prof.name, opt->force ? "t" : "f", NULL};
        PGresult *r = query(&c, "queries/import_batch_begin.sql", 4, p);
        if (r == NULL) {
            st = LIS_DB;
            goto out;
        }
        c.batch_id = atoll(PQgetvalue(r, 0, 0));
        snprintf(c.batch_text, sizeof c.batch_text, "%lld\t", c.batch_id);
        c.batch_len = strlen(c.batch_text);
        snprintf(c.batch_param, sizeof c.batch_param, "%lld", c.batch_id);
        PQclear(r);
    }

    /* Budget rows on cost centres with no known unit are counted as they
     * stream by (the catalogue is small; the budget file need not be). */
    c.cc_field = kind->staged ? -1 : lis_kind_field(kind, "cost_centre");
    if (c.cc_field >= 0) {
        PGresult *r = query(&c, "queries/import_budget_allocated.sql", 0, NULL);
        if (r == NULL) {
            st = LIS_DB;
            goto out;
        }
        for (int i = 0; i < PQntuples(r); i++)
            strset_add(&c.allocated, PQgetvalue(r, i, 0));
        PQclear(r);
    }

    char copy_name[128];
    if (kind->staged) {
        char stage[128];
        snprintf(stage, sizeof stage, "queries/import_%s_stage.sql", kind->sql_name);
        if ((st = exec1(&c, stage, 0, NULL)) != LIS_OK)
            goto out;
        snprintf(copy_name, sizeof copy_name, "queries/import_stage_copy.sql");
    } else {
        /* import_budget_copy.sql takes binary rows: the batch, the line, then
         * the fields (a budget period as year and month). */
        snprintf(copy_name, sizeof copy_name, "queries/import_budget_copy.sql");
        c.binary = true; /* its fields' types are those out_ writes in binary */
        c.nfields = 2;
        for (int k = 0; k < kind->nfields; k++)
            c.nfields += kind->fields[k].type == LIS_F_BPERIOD ? 2 : 1;
    }
    {
        if ((st = lis_db_copy_begin(conn, copy_name, err)) != LIS_OK)
            goto out;
        copying = true;
        if (c.binary)
            lis_copybin_header(&c.out);
        /* A larger send buffer lets conversion run ahead of the server
         * instead of waiting for it chunk by chunk (bounded: the kernel
         * caps it at net.core.wmem_max). */
        int sndbuf = 4 << 20;
        if (PQsocket(conn) >= 0)
            (void)setsockopt(PQsocket(conn), SOL_SOCKET, SO_SNDBUF, &sndbuf,
                             sizeof sndbuf);
    }

    lis_csvread rd;
    lis_csvread_init(&rd);
    rd.encoding = prof.encoding;
    rd.delimiter = prof.delimiter;
    rd.skip_lines = prof.skip_lines;
    rd.header_search = prof.header_search;
    rd.max_line = opt->max_line;
    rd.score = score_header;
    rd.header = on_header;
    rd.ctx = &c;
    c.rd = &rd;
    rd.record = on_record;
    st = lis_csvread_run(&rd, path, err);
    memcpy(res->sha256, rd.sha256, 65);
    if (st != LIS_OK)
        goto out;
    copying = false;
    if ((st = copy_end(&c, NULL)) != LIS_OK)
        goto out;

    if (kind->staged) {
        char check[128];
        snprintf(check, sizeof check, "queries/import_%s_check.sql", kind->sql_name);
        if ((st = lis_db_exec_file(conn, "queries/import_stage_analyze.sql", err)) ||
            (st = run_checks(&c, check)) ||
            (kind->duplicates && res->nerrors > 0 &&
             (st = run_checks(&c, kind->duplicates))))
            goto out;
    }

    if (c.reject_st != LIS_OK) {
        st = c.reject_st;
        goto out;
    }
    if (res->nerrors > 0 && !opt->partial) {
        st = nothing_imported(&c);
        goto out;
    }

    if ((st = merge(&c)) != LIS_OK)
        goto out;
    if (kind->staged) {
        res->rows_loaded =
            count_value(query(&c, "queries/import_stage_count.sql", 0, NULL));
    } else {
        res->rows_loaded = res->rows_read - res->rows_rejected;
    }
    if (err && err->code != LIS_OK) {
        st = err->code;
        goto out;
    }
    {
        char nums[4][24];
        snprintf(nums[0], 24, "%ld", res->rows_read);
        snprintf(nums[1], 24, "%ld", res->rows_loaded);
        snprintf(nums[2], 24, "%ld", res->rows_rejected);
        snprintf(nums[3], 24, "%lld", res->size);
        const char *p[6] = {c.batch_param, res->sha256, nums[0],
                            nums[1],       nums[2],     nums[3]};
        if ((st = exec1(&c, "queries/import_batch_end.sql", 6, p)) != LIS_OK)
            goto out;
    }
    if ((st = reject_finish(&c)) != LIS_OK)
        goto out;
    if (opt->dry_run) {
        rollback(conn);
        in_tx = false;
    } else {
        if ((st = lis_db_exec(conn, "COMMIT", err)) != LIS_OK) {
            if (res->reject_path) /* it lists the rows of a batch that did not land */
                remove(res->reject_path);
            goto out;
        }
        in_tx = false;
        res->batch_id = c.batch_id;
    }
    if (res->rows_rejected > 0) {
        st = lis_error_set(err, LIS_INPUT, "%s: %ld row%s rejected", path,
                           res->rows_rejected, res->rows_rejected == 1 ? "" : "s");
    }

out:
    if (copying)
        copy_end(&c, "import aborted");
    if (in_tx) {
        rollback(conn);
        if (!opt->dry_run || st != LIS_OK)
            res->rows_loaded = 0;
    }
    if (c.reject_tmp) { /* not renamed into place: nothing to show */
        free(res->reject_path);
        res->reject_path = NULL;
    }
    ctx_release(&c);
    lis_profile_release(&prof);
    return st;
}
