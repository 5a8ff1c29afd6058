/* mem.c - allocation that exits on out-of-memory; see mem.h. */
#include "mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
out_of_memory(size_t size)
{
    fprintf(stderr, "lis: fatal: out of memory (allocating %zu bytes)\n", size);
    exit(3);
}

void *
lis_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL)
        out_of_memory(size);
    return p;
}

void *
lis_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL)
        out_of_memory(n * size);
    return p;
}

void *
lis_xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (q == NULL)
        out_of_memory(size);
    return q;
}

char *
lis_xstrdup(const char *s)
{
    return lis_xstrndup(s, strlen(s));
}

char *
lis_xstrndup(const char *s, size_t n)
{
    char *p = lis_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
lis_xasprintf(const char *fmt, ...)
{
    lis_buf b;
    va_list ap;
    lis_buf_init(&b);
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    b.data = lis_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b.data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return b.data;
}

void
lis_buf_init(lis_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void
lis_buf_release(lis_buf *b)
{
    free(b->data);
    lis_buf_init(b);
}

void
lis_buf_reset(lis_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static void
grow(lis_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = lis_xrealloc(b->data, cap);
    b->cap = cap;
}

void
lis_buf_add(lis_buf *b, const char *s, size_t n)
{
    grow(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void
lis_buf_addc(lis_buf *b, char c)
{
    lis_buf_add(b, &c, 1);
}

void
lis_buf_adds(lis_buf *b, const char *s)
{
    lis_buf_add(b, s, strlen(s));
}

void
lis_buf_addf(lis_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}
