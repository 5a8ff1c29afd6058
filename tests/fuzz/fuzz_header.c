/*
 * fuzz_header.c - the header search of the CSV reader (connectors/csvread.c):
 * title lines, blank lines, up to ten candidate lines scored by the names
 * they hold, the delimiter detected per candidate.
 *
 * The first byte sets how many lines are skipped and searched; the score
 * counts cells that name a field of the budget kind, as import does. At most
 * one header is handed on, and the delimiter used is one of ';', ',' and
 * TAB.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvread.h"
#include "fuzz_util.h"

static const char *const names[] = {"period",   "periode",  "cost_centre",
                                    "function", "funktion", "art",
                                    "budget",   "forbrug",  "korrigeret_budget"};

static int
score(void *ctx, const lis_csv_field *f, size_t nf)
{
    int sc = 0;
    for (size_t i = 0; i < nf; i++)
        for (size_t k = 0; k < sizeof names / sizeof *names; k++)
            if (strlen(names[k]) == f[i].n && strncasecmp(names[k], f[i].s, f[i].n) == 0)
                sc++;
    int *best = ctx;
    if (sc > *best)
        *best = sc;
    return sc;
}

typedef struct state {
    int best;
    int header_score;
    int headers;
} state;

static lis_status
header(void *ctx, const lis_csv_field *f, size_t nf, long line, lis_error *err)
{
    state *s = ctx;
    (void)line, (void)err;
    int ignored = 0;
    s->header_score = score(&ignored, f, nf);
    s->headers++;
    return LIS_OK;
}

static lis_status
record(void *ctx, const lis_csv_field *f, size_t nf, long line, lis_error *err)
{
    (void)ctx, (void)f, (void)nf, (void)line, (void)err;
    return LIS_OK;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    lis_csvread r;
    lis_csvread_init(&r);
    r.skip_lines = data[0] & 3;
    r.header_search = 2 + ((data[0] >> 2) & 7);
    state s = {0, 0, 0};
    r.score = score;
    r.header = header;
    r.record = record;
    r.ctx = &s;
    lis_error err = {0};
    lis_status st = lis_csvread_run(&r, lis_fuzz_file(data + 1, size - 1), &err);
    if (s.headers > 1)
        abort();
    if (st == LIS_OK && s.headers == 1 &&
        !(r.delimiter_used == ';' || r.delimiter_used == ',' || r.delimiter_used == '\t'))
        abort();
    return 0;
}
