/*
 * fuzz_csv.c - the streaming CSV reader (connectors/csvread.c).
 *
 * The first byte chooses the reader's settings: encoding (UTF-8,
 * windows-1252, iso-8859-1), delimiter (detected, ';', ',', TAB), title
 * lines to skip and how many lines to search for the header; the rest is
 * the file. Every field the callbacks get must be NUL-terminated at its
 * length, and every record line must lie within the lines read.
 */
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "fuzz_util.h"

typedef struct seen {
    size_t bytes;
    long last_line;
} seen;

static void
check(const lis_csv_field *f, size_t nf, seen *s)
{
    for (size_t i = 0; i < nf; i++) {
        if (f[i].s[f[i].n] != '\0')
            abort();
        s->bytes += f[i].n;
    }
}

static int
score(void *ctx, const lis_csv_field *f, size_t nf)
{
    check(f, nf, ctx);
    int sc = 0;
    for (size_t i = 0; i < nf; i++)
        sc += f[i].n > 0 && f[i].s[0] >= 'a' && f[i].s[0] <= 'z';
    return sc;
}

static lis_status
record(void *ctx, const lis_csv_field *f, size_t nf, long line, lis_error *err)
{
    seen *s = ctx;
    check(f, nf, s);
    if (line < 1 || line < s->last_line)
        abort();
    s->last_line = line;
    /* A callback may stop the read: a record whose first field is "STOP". */
    if (nf > 0 && f[0].n == 4 && memcmp(f[0].s, "STOP", 4) == 0)
        return lis_error_set(err, LIS_INPUT, "stopped at line %ld", line);
    return LIS_OK;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t opt = data[0];
    static const char delims[4] = {0, ';', ',', '\t'};
    lis_csvread r;
    lis_csvread_init(&r);
    r.encoding = (lis_encoding)((opt & 3) % 3);
    r.delimiter = delims[(opt >> 2) & 3];
    r.skip_lines = (opt >> 4) & 3;
    r.header_search = 1 + ((opt >> 6) & 3) * 3;
    seen s = {0, 0};
    r.score = score;
    r.header = record;
    r.record = record;
    r.ctx = &s;
    /* Small lines limits reach the "line too long" paths quickly. */
    r.max_line = (opt & 0x80) ? 64 : 0;
    lis_error err = {0};
    lis_status st = lis_csvread_run(&r, lis_fuzz_file(data + 1, size - 1), &err);
    if (st != LIS_OK && err.code == LIS_OK)
        abort(); /* a failure must say why */
    if (st == LIS_OK && r.lines > 0 && s.last_line > r.lines)
        abort();
    lis_error_clear(&err);
    return 0;
}
