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
#include <stdint.h>
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
    lis_buf arena;       /* field bytes, each NUL-terminated */
    size_t *offs, *lens; /* per field */
    size_t nf, capf;
    lis_csv_field *fields;
    size_t capfields;
    long rec_line;    /* line the pending record started on; 0: none */
    long cur_line;    /* the line being fed */
    size_t rec_bytes; /* bytes of the pending record so far */
    size_t max;       /* the limit of a line and of a record */
    bool in_header;   /* the next record is the header */
    lis_status st;    /* first failure of a callback */
    char **hdr;       /* the header's cells (cut short), for messages */
    size_t nhdr;
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
    /* libcsv also ends a record at a bare CR: the next record then starts
     * on the line being fed. */
    long line = rd->rec_line ? rd->rec_line : rd->cur_line;
    rd->rec_line = 0;
    if (rd->st == LIS_OK) {
        if (rd->capfields < rd->nf) {
            rd->capfields = rd->nf + 16;
            rd->fields = lis_xrealloc(rd->fields, rd->capfields * sizeof *rd->fields);
        }
        for (size_t i = 0; i < rd->nf; i++)
            rd->fields[i] = (lis_csv_field){rd->arena.data + rd->offs[i], rd->lens[i]};
        lis_csv_record_fn fn = rd->in_header ? rd->r->header : rd->r->record;
        if (rd->in_header) {
            rd->r->header_line = line;
            rd->hdr = lis_xcalloc(rd->nf + 1, sizeof *rd->hdr);
            rd->nhdr = rd->nf;
            for (size_t i = 0; i < rd->nf; i++)
                rd->hdr[i] = lis_xstrndup(rd->fields[i].s,
                                          rd->fields[i].n < 80 ? rd->fields[i].n : 80);
        }
        rd->in_header = false;
        if (fn)
            rd->st = fn(rd->r->ctx, rd->fields, rd->nf, line, rd->err);
    }
    rd->nf = 0;
    lis_buf_reset(&rd->arena);
}

/* The fast path of feed: splits a line without quotes at delim, in place,
 * and hands it on as one record. */
static void
split_line(reader *rd, char *s, size_t n, char delim)
{
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    s[n] = '\0';
    size_t nf = 0;
    char *p = s, *end = s + n;
    for (;;) {
        char *q = memchr(p, delim, (size_t)(end - p));
        if (nf == rd->capfields) {
            rd->capfields = rd->capfields ? rd->capfields * 2 : 32;
            rd->fields = lis_xrealloc(rd->fields, rd->capfields * sizeof *rd->fields);
        }
        if (q == NULL) {
            rd->fields[nf++] = (lis_csv_field){p, (size_t)(end - p)};
            break;
        }
        *q = '\0';
        rd->fields[nf++] = (lis_csv_field){p, (size_t)(q - p)};
        p = q + 1;
    }
    long line = rd->rec_line;
    rd->rec_line = 0;
    if (rd->st == LIS_OK && rd->r->record)
        rd->st = rd->r->record(rd->r->ctx, rd->fields, nf, line, rd->err);
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
    /* ASCII eight bytes at a time: most lines are all ASCII. */
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL)
            break;
        i += 8;
    }
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
    char *raw; /* the current line */
    size_t rawcap;
    char in[1 << 16]; /* read ahead */
    size_t inpos, inlen;
    bool eof;
    lis_buf conv;
    EVP_MD_CTX *md;
    long line;
} source;

enum { LINE_END = 0, LINE_OK = 1, LINE_FAIL = -1, LINE_LONG = -2 };

/*
 * Reads the next physical line, '\n' included, into src->raw (*len bytes,
 * NUL-terminated). Returns LINE_OK, LINE_END at the end of the file,
 * LINE_LONG when the line holds more than max bytes before its '\n' (raw
 * then holds the first max), LINE_FAIL when reading or allocating failed
 * (err filled). Unlike getline, a failed allocation is never taken for the
 * end of the file, and memory stays within max.
 */
static int
read_line(source *src, size_t max, size_t *len, lis_error *err)
{
    size_t n = 0;
    for (;;) {
        if (src->inpos == src->inlen) {
            if (src->eof)
                break;
            errno = 0;
            size_t got = fread(src->in, 1, sizeof src->in, src->f);
            if (got == 0) {
                if (ferror(src->f)) {
                    lis_error_set(err, LIS_INPUT, "could not read \"%s\": %s", src->path,
                                  strerror(errno ? errno : EIO));
                    return LINE_FAIL;
                }
                src->eof = true;
                break;
            }
            src->inpos = 0, src->inlen = got;
        }
        const char *start = src->in + src->inpos;
        size_t avail = src->inlen - src->inpos;
        const char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) + 1 : avail;
        size_t body = nl ? take - 1 : take;
        bool over = n + body > max;
        if (over)
            take = max - n;
        if (n + take + 1 > src->rawcap) {
            size_t cap = src->rawcap ? src->rawcap : 4096;
            while (cap < n + take + 1)
                cap *= 2;
            char *p = realloc(src->raw, cap);
            if (p == NULL) {
                lis_error_set(err, LIS_INPUT,
                              "%s:%ld: out of memory reading a line of more than %zu "
                              "bytes",
                              src->path, src->line + 1, n);
                return LINE_FAIL;
            }
            src->raw = p, src->rawcap = cap;
        }
        memcpy(src->raw + n, start, take);
        n += take;
        src->inpos += take;
        if (over) {
            src->raw[n] = '\0';
            *len = n;
            src->line++;
            return LINE_LONG;
        }
        if (nl)
            break;
    }
    if (n == 0)
        return LINE_END;
    src->raw[n] = '\0';
    *len = n;
    return LINE_OK;
}

/* Whether a line with NUL bytes looks like UTF-16: NULs in at least a
 * quarter of the bytes, nearly all at even or nearly all at odd offsets. */
static bool
looks_utf16(const char *s, size_t n)
{
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\0')
            *(i % 2 ? &odd : &even) += 1;
    size_t nul = even + odd;
    return nul * 4 >= n && (even * 10 >= nul * 9 || odd * 10 >= nul * 9);
}

static void
utf16_hint(lis_error *err)
{
    lis_error_hint(err, "Save the file as UTF-8 (in Excel: \"CSV UTF-8\"), or import it "
                        "with a profile that names its encoding (encoding = "
                        "windows-1252).");
}

/* Reads the next line into *out (converted to UTF-8). Returns LINE_OK,
 * LINE_END, LINE_LONG (raw holds the first max bytes; see too_long) or
 * LINE_FAIL (err filled). */
static int
next_line(source *src, lis_csvread *r, size_t max, const char **out, size_t *outn,
          lis_error *err)
{
    size_t got;
    int rc = read_line(src, max, &got, err);
    if (rc != LINE_OK)
        return rc;
    src->line++;
    r->lines = src->line;
    r->size += (long long)got;
    EVP_DigestUpdate(src->md, src->raw, got);
    const char *s = src->raw;
    size_t len = got;
    if (src->line == 1 && len >= 2 &&
        (memcmp(s, "\xFF\xFE", 2) == 0 || memcmp(s, "\xFE\xFF", 2) == 0)) {
        lis_error_set(err, LIS_INPUT,
                      "%s:1: the file looks like UTF-16 (it starts with a UTF-16 "
                      "byte-order mark); lis reads UTF-8",
                      src->path);
        lis_error_at(err, src->path, 1);
        utf16_hint(err);
        return LINE_FAIL;
    }
    if (memchr(s, '\0', len)) {
        if (looks_utf16(s, len)) {
            lis_error_set(err, LIS_INPUT,
                          "%s:%ld: the file looks like UTF-16 (every other byte is NUL); "
                          "lis reads UTF-8",
                          src->path, src->line);
            utf16_hint(err);
        } else {
            lis_error_set(err, LIS_INPUT,
                          "%s:%ld: the line holds a NUL byte (not a text file?)",
                          src->path, src->line);
        }
        lis_error_at(err, src->path, src->line);
        return LINE_FAIL;
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
            return LINE_FAIL;
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
            lis_error_hint(err,
                           "Save the file as UTF-8, or import it with a profile that "
                           "names its encoding (encoding = windows-1252).");
            return LINE_FAIL;
        }
    }
    *out = s, *outn = len;
    return LINE_OK;
}

/* Copies at most LIS_CSV_EXCERPT_CHARS characters of s[0..n) to out
 * (control characters and bytes that are not UTF-8 as '?'); returns the
 * bytes of s used. out needs LIS_CSV_EXCERPT_CHARS * 4 + 1 bytes. */
static size_t
excerpt_chars(const char *s, size_t n, char *out)
{
    size_t o = 0, chars = 0, i = 0;
    while (i < n && chars < LIS_CSV_EXCERPT_CHARS) {
        unsigned char c = (unsigned char)s[i];
        size_t len = 1;
        if (c >= 0x80) {
            size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            len =
                want <= n - i && utf8_invalid((const unsigned char *)s + i, want) == want
                    ? want
                    : 0;
        }
        if (len == 0 || (len == 1 && (c < 0x20 || c == 0x7F))) {
            out[o++] = '?';
            i++;
        } else {
            memcpy(out + o, s + i, len);
            o += len, i += len;
        }
        chars++;
    }
    out[o] = '\0';
    return i;
}

char *
lis_csv_excerpt(const char *s, size_t n, char out[LIS_CSV_EXCERPT_SIZE])
{
    char text[LIS_CSV_EXCERPT_CHARS * 4 + 1];
    size_t used = excerpt_chars(s, n, text);
    if (used < n) /* U+2026 marks the cut */
        snprintf(out, LIS_CSV_EXCERPT_SIZE, "'%s\xE2\x80\xA6' (%zu bytes)", text, n);
    else
        snprintf(out, LIS_CSV_EXCERPT_SIZE, "'%s'", text);
    return out;
}

/* The error for a line longer than the limit, naming the column it is in
 * (counted from the start of the line) and how the value begins. */
static lis_status
too_long(reader *rd, source *src, char delim, lis_error *err)
{
    const char *s = src->raw;
    size_t n = strlen(s), field = 0, start = 0;
    bool quoted = false;
    if (delim == 0)
        delim = lis_csv_detect_delimiter(s, n);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && s[i] == delim)
            field++, start = i + 1;
    }
    char col[128];
    if (field < rd->nhdr)
        snprintf(col, sizeof col, "column '%s'", rd->hdr[field]);
    else
        snprintf(col, sizeof col, "field %zu", field + 1);
    lis_error_set(err, LIS_INPUT, "%s:%ld: %s: the line is longer than %zu bytes",
                  src->path, src->line, col, rd->max);
    lis_error_at(err, src->path, src->line);
    char text[LIS_CSV_EXCERPT_CHARS * 4 + 1];
    excerpt_chars(s + start, n - start, text);
    lis_error_detail(err,
                     "The value begins '%s\xE2\x80\xA6'. lis reads at most %zu bytes per "
                     "line, so that memory stays small whatever a file holds.",
                     text, rd->max);
    lis_error_hint(err, "Check the export (a missing line break?), or raise [import] "
                        "max_line in lis.conf.");
    return LIS_INPUT;
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

/*
 * Feeds one line to the parser; a blank line between records is skipped.
 * A line with no quote character that starts a record is split here
 * directly: most lines of an export are like that, and libcsv's
 * byte-by-byte state machine was the largest cost of a big import.
 */
static lis_status
feed(reader *rd, struct csv_parser *p, char *s, size_t n, long line, char delim,
     const char *path, lis_error *err)
{
    rd->cur_line = line;
    if (rd->rec_line == 0) {
        if (blank(s, n))
            return LIS_OK;
        rd->rec_line = line;
        rd->rec_bytes = 0;
        if (!rd->in_header && memchr(s, '"', n) == NULL) {
            split_line(rd, s, n, delim);
            return rd->st;
        }
    }
    /* A quoted field may span lines: the record as a whole is limited too,
     * else an unclosed quote would gather the rest of the file. */
    rd->rec_bytes += n;
    if (rd->rec_bytes > rd->max) {
        lis_error_set(err, LIS_INPUT,
                      "%s:%ld: the record that starts here is longer than %zu bytes (a "
                      "quoted field that is not closed?)",
                      path, rd->rec_line, rd->max);
        lis_error_at(err, path, rd->rec_line);
        return LIS_INPUT;
    }
    if (csv_parse(p, s, n, on_field, on_record, rd) != n) {
        lis_error_set(err, LIS_INPUT, "%s:%ld: %s", path, line,
                      csv_strerror(csv_error(p)));
        lis_error_at(err, path, line);
        return LIS_INPUT;
    }
    /* A record begun after a bare CR and still open (state not
     * ROW_NOT_BEGUN) goes on in the next line, which must not take the fast
     * path then. */
    if (p->pstate != 0 && rd->rec_line == 0) {
        rd->rec_line = line;
        rd->rec_bytes = 0;
    }
    return rd->st;
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
    rd.max = r->max_line ? r->max_line : LIS_CSV_MAX_LINE;
    r->lines = 0, r->size = 0, r->header_line = 0;

    src.f = fopen(path, "rb");
    if (src.f == NULL) {
        st = lis_error_set(err, LIS_INPUT, "could not open \"%s\": %s", path,
                           strerror(errno));
        goto done;
    }
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
    int got = LINE_END;
    /* Title lines, then the header among the next candidates. */
    int want = r->header_search > 0 ? r->header_search : 1;
    cand = lis_xcalloc((size_t)want, sizeof *cand);
    candn = lis_xcalloc((size_t)want, sizeof *candn);
    candline = lis_xcalloc((size_t)want, sizeof *candline);
    while (ncand < want && (got = next_line(&src, r, rd.max, &s, &n, err)) == LINE_OK) {
        if (src.line <= r->skip_lines || blank(s, n))
            continue;
        cand[ncand] = lis_xstrndup(s, n);
        candn[ncand] = n;
        candline[ncand] = src.line;
        ncand++;
    }
    if (got == LINE_LONG) {
        st = too_long(&rd, &src, r->delimiter, err);
        goto done;
    }
    if (got == LINE_FAIL) {
        st = LIS_INPUT;
        goto done;
    }
    if (ncand == 0) {
        st =
            lis_error_set(err, LIS_INPUT, "%s: the file is empty (no header line)", path);
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

    for (int i = best; i < ncand; i++)
        if ((st = feed(&rd, &p, cand[i], candn[i], candline[i], delim, path, err)))
            goto done;
    while ((got = next_line(&src, r, rd.max, &s, &n, err)) == LINE_OK)
        if ((st = feed(&rd, &p, (char *)s, n, src.line, delim, path, err)))
            goto done;
    if (got == LINE_LONG) {
        st = too_long(&rd, &src, delim, err);
        goto done;
    }
    if (got == LINE_FAIL) {
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
    for (size_t i = 0; i < rd.nhdr; i++)
        free(rd.hdr[i]);
    free(rd.hdr);
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
