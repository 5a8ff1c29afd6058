/*
 * fuzz_number.c - number parsing (connectors/number.c): decimal comma or
 * point, thousands separators, leading, trailing and parenthesised minus,
 * a lone dash as zero.
 *
 * The first byte chooses the format; the rest is the cell. A number that
 * parses must come out canonical: at most LIS_NUM_SIZE bytes, an optional
 * '-', digits, at most one '.', readable whole by strtod, and parsing it
 * again in the point format gives the same text.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "number.h"

static void
check_canonical(const char *out)
{
    size_t n = strnlen(out, LIS_NUM_SIZE);
    if (n == 0 || n >= LIS_NUM_SIZE)
        abort();
    const char *p = out;
    if (*p == '-')
        p++;
    int dots = 0, digits = 0;
    for (; *p; p++) {
        if (*p == '.')
            dots++;
        else if (*p >= '0' && *p <= '9')
            digits++;
        else
            abort();
    }
    if (dots > 1 || digits == 0)
        abort();
    char *end;
    (void)strtod(out, &end);
    if (*end != '\0')
        abort();
    lis_numfmt point = lis_numfmt_native(',');
    char again[LIS_NUM_SIZE];
    if (lis_number_parse(out, n, &point, again) != LIS_NUM_OK || strcmp(again, out) != 0)
        abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t opt = data[0];
    static const char thousands[4] = {0, '.', ',', ' '};
    lis_numfmt fmt = lis_numfmt_native((opt & 1) ? ',' : ';');
    if (opt & 2) {
        fmt.thousands = thousands[(opt >> 2) & 3];
        fmt.neg_leading = (opt >> 4) & 1;
        fmt.neg_trailing = (opt >> 5) & 1;
        fmt.neg_parentheses = (opt >> 6) & 1;
        fmt.dash_is_zero = (opt >> 7) & 1;
    }
    /* The cell is not NUL-terminated: a copy without a terminator lets ASan
     * see a read past n. */
    size_t n = size - 1;
    char *cell = malloc(n ? n : 1);
    memcpy(cell, data + 1, n);
    char out[LIS_NUM_SIZE];
    lis_num_result r = lis_number_parse(cell, n, &fmt, out);
    if (r == LIS_NUM_OK)
        check_canonical(out);
    if (lis_number_is_missing(cell, n) && r != LIS_NUM_NULL)
        abort();
    size_t tn = n;
    const char *t = lis_trim(cell, &tn);
    if (t < cell || t + tn > cell + n)
        abort();
    free(cell);
    return 0;
}
