/*
 * mem.h - allocation that never returns NULL.
 *
 * Like PostgreSQL's and git's front ends, lis exits with status 3 and a
 * message when memory runs out: a batch tool gains nothing from handling it
 * everywhere. Every pointer these return is owned by the caller (free()).
 */
#ifndef LIS_MEM_H
#define LIS_MEM_H

#include <stddef.h>

void *lis_xmalloc(size_t size);
void *lis_xcalloc(size_t n, size_t size);
void *lis_xrealloc(void *p, size_t size);
char *lis_xstrdup(const char *s);
char *lis_xstrndup(const char *s, size_t n);
char *lis_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer; data is always NUL-terminated. _init/_release. */
typedef struct lis_buf {
    char *data;
    size_t len;
    size_t cap;
} lis_buf;

void lis_buf_init(lis_buf *b);
void lis_buf_release(lis_buf *b);
void lis_buf_reset(lis_buf *b);
void lis_buf_add(lis_buf *b, const char *s, size_t n);
void lis_buf_addc(lis_buf *b, char c);
void lis_buf_adds(lis_buf *b, const char *s);
void lis_buf_addf(lis_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
