/*
 * rollup_format.c - Danish number format and status words; see
 * rollup_format.h.
 */
#include "rollup_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *
lis_rollup_format_da(const char *text, int decimals, char *buf, size_t size)
{
    char raw[64], out[96];
    size_t o = 0;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (text == NULL || text[0] == '\0')
        return buf;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 10)
        decimals = 10;
    double v = strtod(text, NULL);
    snprintf(raw, sizeof raw, "%.*f", decimals, v);
    const char *p = raw;
    /* -0,0 reads as 0,0 */
    if (*p == '-') {
        double r = strtod(raw, NULL);
        if (r != 0.0)
            out[o++] = '-';
        p++;
    }
    const char *dot = strchr(p, '.');
    size_t intlen = dot ? (size_t)(dot - p) : strlen(p);
    for (size_t i = 0; i < intlen && o < sizeof out - 2; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            out[o++] = '.';
        out[o++] = p[i];
    }
    if (dot) {
        out[o++] = ',';
        for (const char *q = dot + 1; *q && o < sizeof out - 1; q++)
            out[o++] = *q;
    }
    out[o] = '\0';
    snprintf(buf, size, "%s", out);
    return buf;
}

const char *
lis_rollup_status_da(const char *status)
{
    if (status == NULL)
        return "";
    if (strcmp(status, "green") == 0)
        return "grøn";
    if (strcmp(status, "yellow") == 0)
        return "gul";
    if (strcmp(status, "red") == 0)
        return "rød";
    if (strcmp(status, "grey") == 0)
        return "ingen data";
    if (strcmp(status, "not_due") == 0)
        return "ikke aktuel";
    return status;
}
