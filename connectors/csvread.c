/*
 * csvread.c - the streaming reader of csvread.h.
 *
 * libcsv is fed one physical line at a time so that each record knows the
 * line it starts on (a quoted field may span lines; the record then carries
 * its first line). Field bytes are copied into one arena per record, since
 * libcsv owns them only during its callback.
 */
#include "csvread.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

void
lis_csvread_init(lis_csvread *r)
{
    memset(r, 0, sizeof *r);
    r->header_search = 1;
}

char
lis_csv_detect_delimiter(const char *s, size_t n)
{
    size_t semi = 0, tab = 0, comma = 0;
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && s[i] == ';')
            semi++;
        else if (!quoted && s[i] == '\t')
            tab++;
        else if (!quoted && s[i] == ',')
            comma++;
    }
    if (semi >= tab && semi >= comma && semi > 0)
        return ';';
    if (tab >= comma && tab > 0)
        return '\t';
    if (comma > 0)
        return ',';
    return ';';
}

/* ------------------------------------------------------------ the record */

typedef struct reader {
    lis_csvread *r;
    lis_error *err;
    lis_buf arena;        /* field bytes, each NUL-terminated */
    size_t *offs, *lens;  /* per field */
    size_t nf, capf;
    lis_csv_field *fields;
    size_t capfields;
    long rec_line;        /* line the pending record started on; 0: none */
    bool in_header;       /* the next record is the header */
    lis_status st;        /* first failure of a callback */
} reader;

static void
on_field(void *s, size_t n, void *data)
{
    reader *rd = data;
    if (rd->nf == rd->capf) {
        rd->capf = rd->capf ? rd->capf * 2 : 32;
        rd->offs = lis_xrealloc(rd->offs, rd->capf * sizeof *rd->offs);
        rd->lens = lis_xrealloc(rd->lens, rd->capf * sizeof *rd->lens);
    }
    rd->offs[rd->nf] = rd->arena.len;
    rd->lens[rd->nf] = n;
    lis_buf_add(&rd->arena, s ? s : "", s ? n : 0);
    lis_buf_addc(&rd->arena, '\0');
    rd->nf++;
}

static void
on_record(int c, void *data)
{
    reader *rd = data;
    (void)c;
    long line = rd->rec_line;
    rd->rec_line = 0;
    if (rd->st == LIS_OK) {
        if (rd->capfields < rd->nf) {
            rd->capfields = rd->nf + 16;
            rd->fields = lis_xrealloc(rd->fields, rd->capfields * sizeof *rd->fields);
        }
        for (size_t i = 0; i < rd->nf; i++)
            rd->fields[i] = (lis_csv_field){rd->arena.data + rd->offs[i], rd->lens[i]};
        lis_csv_record_fn fn = rd->in_header ? rd->r->header : rd->r->record;
        if (rd->in_header)
            rd->r->header_line = line;
        rd->in_header = false;
        if (fn)
            rd->st = fn(rd->r->ctx, rd->fields, rd->nf, line, rd->err);
    }
    rd->nf = 0;
    lis_buf_reset(&rd->arena);
}

static int
only_space(unsigned char c)
{
    return c == ' ';
}

static bool
blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* Position of the first byte that is not valid UTF-8, or n. */
static size_t
utf8_invalid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        unsigned int cp;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, cp = c & 0x07;
        else
            return i;
        if (i + len > n)
            return i;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += len;
    }
    return n;
}

/* ------------------------------------------------------------- the file */

typedef struct source {
    FILE *f;
    const char *path;
    iconv_t cd;
    char *raw;
    size_t rawcap;
    lis_buf conv;
    EVP_MD_CTX *md;
    long line;
} source;

/* Reads the next line into *out (converted to UTF-8). Returns 1, 0 at end,
 * -1 on error (err filled). */
static int
next_line(source *src, lis_csvread *r, const char **out, size_t *outn, lis_error *err)
{
    errno = 0;
    ssize_t n = getline(&src->raw, &src->rawcap, src->f);
    if (n < 0) {
        if (ferror(src->f)) {
            lis_error_set(err, LIS_INPUT, "could not read \"%s\": %s", src->path,
                          strerror(errno));
            return -1;
        }
        return 0;
    }
    src->line++;
    r->lines = src->line;
    r->size += n;
    EVP_DigestUpdate(src->md, src->raw, (size_t)n);
    const char *s = src->raw;
    size_t len = (size_t)n;
    if (memchr(s, '\0', len)) {
        lis_error_set(err, LIS_INPUT, "%s:%ld: the line holds a NUL byte (not a text file?)",
                      src->path, src->line);
        lis_error_at(err, src->path, src->line);
        return -1;
    }
    if (r->encoding != LIS_ENC_UTF8) {
        lis_buf_reset(&src->conv);
        if (src->conv.cap < len * 3 + 1) {
            free(src->conv.data);
            src->conv.cap = len * 3 + 64;
            src->conv.data = lis_xmalloc(src->conv.cap);
        }
        char *in = src->raw, *o = src->conv.data;
        size_t inleft = len, outleft = src->conv.cap - 1;
        if (iconv(src->cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
            lis_error_set(err, LIS_INPUT, "%s:%ld: byte 0x%02x is not %s", src->path,
                          src->line, (unsigned char)*in, lis_encoding_name(r->encoding));
            lis_error_at(err, src->path, src->line);
            return -1;
        }
        src->conv.len = (size_t)(o - src->conv.data);
        src->conv.data[src->conv.len] = '\0';
        s = src->conv.data, len = src->conv.len;
    } else {
        if (src->line == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3, len -= 3;
        size_t bad = utf8_invalid((const unsigned char *)s, len);
        if (bad < len) {
            lis_error_set(err, LIS_INPUT, "%s:%ld: byte 0x%02x is not valid UTF-8",
                          src->path, src->line, (unsigned char)s[bad]);
            lis_error_at(err, src->path, src->line);
            lis_error_hint(err, "Save the file as UTF-8, or import it with a profile that "
                                "names its encoding (encoding = windows-1252).");
            return -1;
        }
    }
    *out = s, *outn = len;
    return 1;
}

static void
hex(const unsigned char *d, unsigned n, char *out)
{
    for (unsigned i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", d[i]);
}

/* Splits one line into fields (for scoring header candidates). */
static int
score_line(lis_csvread *r, const char *s, size_t n, char *delim_out)
{
    char delim = r->delimiter ? r->delimiter : lis_csv_detect_delimiter(s, n);
    *delim_out = delim;
    reader tmp = {0};
    tmp.r = r;
    lis_buf_init(&tmp.arena);
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    csv_set_delim(&p, (unsigned char)delim);
    csv_set_space_func(&p, only_space);
    csv_parse(&p, s, n, on_field, NULL, &tmp);
    csv_fini(&p, on_field, NULL, &tmp);
    csv_free(&p);
    lis_csv_field *f = lis_xcalloc(tmp.nf + 1, sizeof *f);
    for (size_t i = 0; i < tmp.nf; i++)
        f[i] = (lis_csv_field){tmp.arena.data + tmp.offs[i], tmp.lens[i]};
    int score = r->score ? r->score(r->ctx, f, tmp.nf) : 0;
    free(f);
    free(tmp.offs);
    free(tmp.lens);
    lis_buf_release(&tmp.arena);
    return score;
}

lis_status
lis_csvread_run(lis_csvread *r, const char *path, lis_error *err)
{
    source src = {0};
    reader rd = {0};
    struct csv_parser p;
    bool parser = false;
    lis_status st = LIS_OK;
    char **cand = NULL;
    size_t *candn = NULL;
    long *candline = NULL;
    int ncand = 0;

    src.path = path;
    src.cd = (iconv_t)-1;
    lis_buf_init(&src.conv);
    lis_buf_init(&rd.arena);
    rd.r = r;
    rd.err = err;
    r->lines = 0, r->size = 0, r->header_line = 0;

    src.f = fopen(path, "rb");
    if (src.f == NULL) {
        st = lis_error_set(err, LIS_INPUT, "could not open \"%s\": %s", path,
                           strerror(errno));
        goto done;
    }
    setvbuf(src.f, NULL, _IOFBF, 1 << 16);
    if (r->encoding != LIS_ENC_UTF8) {
        src.cd = iconv_open("UTF-8", r->encoding == LIS_ENC_WINDOWS_1252 ? "WINDOWS-1252"
                                                                         : "ISO-8859-1");
        if (src.cd == (iconv_t)-1) {
            st = lis_error_set(err, LIS_INPUT, "cannot convert from %s: %s",
                               lis_encoding_name(r->encoding), strerror(errno));
            goto done;
        }
    }
    src.md = EVP_MD_CTX_new();
    EVP_DigestInit_ex(src.md, EVP_sha256(), NULL);

    const char *s;
    size_t n;
    int got = 0;
    /* Title lines, then the header among the next candidates. */
    int want = r->header_search > 0 ? r->header_search : 1;
    cand = lis_xcalloc((size_t)want, sizeof *cand);
    candn = lis_xcalloc((size_t)want, sizeof *candn);
    candline = lis_xcalloc((size_t)want, sizeof *candline);
    while (ncand < want && (got = next_line(&src, r, &s, &n, err)) > 0) {
        if (src.line <= r->skip_lines || blank(s, n))
            continue;
        cand[ncand] = lis_xstrndup(s, n);
        candn[ncand] = n;
        candline[ncand] = src.line;
        ncand++;
    }
    if (ncand < want && got < 0) {
        st = LIS_INPUT;
        goto done;
    }
    if (ncand == 0) {
        st = lis_error_set(err, LIS_INPUT, "%s: the file is empty (no header line)", path);
        lis_error_at(err, path, 0);
        goto done;
    }
    int best = 0, best_score = -1;
    char delim = ';';
    for (int i = 0; i < ncand; i++) {
        char d;
        int sc = ncand > 1 ? score_line(r, cand[i], candn[i], &d) : 0;
        if (ncand == 1)
            d = r->delimiter ? r->delimiter : lis_csv_detect_delimiter(cand[i], candn[i]);
        if (sc > best_score)
            best = i, best_score = sc, delim = d;
    }
    r->delimiter_used = delim;

    csv_init(&p, CSV_APPEND_NULL);
    parser = true;
    csv_set_delim(&p, (unsigned char)delim);
    csv_set_space_func(&p, only_space);
    rd.in_header = true;

    /* Feeds one line; a blank line between records is skipped. */
#define FEED(S, N, LINE)                                                                  \
    do {                                                                                  \
        if (rd.rec_line == 0) {                                                           \
            if (blank((S), (N)))                                                          \
                break;                                                                    \
            rd.rec_line = (LINE);                                                         \
        }                                                                                 \
        if (csv_parse(&p, (S), (N), on_field, on_record, &rd) != (N)) {                   \
            st = lis_error_set(err, LIS_INPUT, "%s:%ld: %s", path, (long)(LINE),          \
                               csv_strerror(csv_error(&p)));                              \
            goto done;                                                                    \
        }                                                                                 \
        if (rd.st != LIS_OK) {                                                            \
            st = rd.st;                                                                   \
            goto done;                                                                    \
        }                                                                                 \
    } while (0)

    for (int i = best; i < ncand; i++)
        FEED(cand[i], candn[i], candline[i]);
    while ((got = next_line(&src, r, &s, &n, err)) > 0)
        FEED(s, n, src.line);
    if (got < 0) {
        st = LIS_INPUT;
        goto done;
    }
    /* libcsv reports an open quote at the end only in strict mode, which
     * would also refuse the stray quotes Excel users write: look at its
     * state instead (2 = FIELD_BEGUN). */
    if ((p.pstate == 2 && p.quoted) || csv_fini(&p, on_field, on_record, &rd) != 0) {
        st = lis_error_set(err, LIS_INPUT, "%s:%ld: a quoted field is not closed", path,
                           rd.rec_line ? rd.rec_line : src.line);
        lis_error_at(err, path, rd.rec_line ? rd.rec_line : src.line);
        goto done;
    }
    if (rd.st != LIS_OK) {
        st = rd.st;
        goto done;
    }
#undef FEED
    {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int mdlen = 0;
        EVP_DigestFinal_ex(src.md, md, &mdlen);
        hex(md, mdlen, r->sha256);
    }

done:
    if (parser)
        csv_free(&p);
    for (int i = 0; i < ncand; i++)
        free(cand[i]);
    free(cand);
    free(candn);
    free(candline);
    if (src.f)
        fclose(src.f);
    if (src.cd != (iconv_t)-1)
        iconv_close(src.cd);
    EVP_MD_CTX_free(src.md);
    free(src.raw);
    lis_buf_release(&src.conv);
    lis_buf_release(&rd.arena);
    free(rd.offs);
    free(rd.lens);
    free(rd.fields);
    return st;
}

lis_status
lis_file_sha256(const char *path, char out[65], lis_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return lis_error_set(err, LIS_INPUT, "could not open \"%s\": %s", path,
                             strerror(errno));
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_DigestInit_ex(md, EVP_sha256(), NULL);
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        EVP_DigestUpdate(md, buf, n);
    bool bad = ferror(f);
    fclose(f);
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int dl = 0;
    EVP_DigestFinal_ex(md, d, &dl);
    EVP_MD_CTX_free(md);
    if (bad)
        return lis_error_set(err, LIS_INPUT, "could not read \"%s\"", path);
    hex(d, dl, out);
    return LIS_OK;
}
