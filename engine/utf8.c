/*
 * utf8.c - text made safe for the formats lis writes; see utf8.h.
 */
#include "utf8.h"

#include "mem.h"

#include <stdbool.h>

/* The length of the UTF-8 sequence at s and its code point, or 0 when s
 * does not start a well-formed sequence (a stray byte, an overlong form, a
 * surrogate or a code point beyond U+10FFFF). */
static int
decode(const unsigned char *s, unsigned long *cp)
{
    unsigned char c = s[0];
    int n;
    unsigned long v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

static bool
is_hex(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* U+FDD0..U+FDEF and the last two code points of every plane. */
static bool
noncharacter(unsigned long cp)
{
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

char *
lis_utf8_clean(const char *text, unsigned flags)
{
    static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
    lis_buf b;
    lis_buf_init(&b);
    const unsigned char *p = (const unsigned char *)(text ? text : "");
    while (*p) {
        unsigned long cp;
        int n = decode(p, &cp);
        if (n == 0) {
            lis_buf_adds(&b, replacement); /* one for each bad byte */
            p++;
            continue;
        }
        if (noncharacter(cp)) {
            /* U+FFFE and U+FFFF are not XML characters, and cairo refuses
             * every noncharacter in a PDF ("input string not valid UTF-8") */
            lis_buf_adds(&b, replacement);
        } else if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' &&
                   (flags & LIS_UTF8_NO_CONTROLS)) {
            lis_buf_addc(&b, ' ');
        } else if ((flags & LIS_UTF8_XLSX_CELL) && cp == '_' && p[1] == 'x' &&
                   is_hex(p[2]) && is_hex(p[3]) && is_hex(p[4]) && is_hex(p[5]) &&
                   p[6] == '_') {
            /* ECMA-376 Part 1, 22.9.2.19 (ST_Xstring): a literal "_xHHHH_"
             * is written with its underscore escaped, or a reader shows the
             * character it encodes */
            lis_buf_adds(&b, "_x005F_");
        } else {
            lis_buf_add(&b, (const char *)p, (size_t)n);
        }
        p += n;
    }
    return b.data ? b.data : lis_xstrdup("");
}
