/*
 * progress.c - the progress line of lis import and lis run; see progress.h.
 * Plain "\r" and spaces, no terminal escapes, so it also works with
 * TERM=dumb.
 */
#include "progress.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* At most four lines a second: a terminal redrawn faster only flickers. */
#define PROGRESS_INTERVAL 0.25

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
lis_progress_init(lis_progress *p, bool quiet)
{
    *p = (lis_progress){.on = !quiet && isatty(STDERR_FILENO), .start = now()};
}

double
lis_progress_elapsed(const lis_progress *p)
{
    return now() - p->start;
}

bool
lis_progress_due(const lis_progress *p)
{
    return p->on && (p->last == 0 || now() - p->last >= PROGRESS_INTERVAL);
}

void
lis_progress_show(lis_progress *p, bool force, const char *fmt, ...)
{
    if (!p->on || (!force && !lis_progress_due(p)))
        return;
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    int len = (int)strlen(line);
    /* blank out what is left of a longer previous line */
    fprintf(stderr, "\r%s%*s", line, p->width > len ? p->width - len : 0, "");
    if (p->width > len)
        fprintf(stderr, "\r%s", line);
    fflush(stderr);
    p->width = len;
    p->last = now();
}

void
lis_progress_clear(lis_progress *p)
{
    if (!p->on || p->width == 0)
        return;
    fprintf(stderr, "\r%*s\r", p->width, "");
    fflush(stderr);
    p->width = 0;
}

char *
lis_progress_duration(double seconds, char *buf)
{
    long s = seconds < 0 ? 0 : (long)(seconds + 0.5);
    if (s >= 3600)
        snprintf(buf, LIS_PROGRESS_DURATION_SIZE, "%ld:%02ld:%02ld", s / 3600,
                 s / 60 % 60, s % 60);
    else
        snprintf(buf, LIS_PROGRESS_DURATION_SIZE, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

void
lis_progress_count(lis_progress *p, bool force, size_t done, size_t n, const char *what)
{
    if (!p->on || (!force && !lis_progress_due(p)))
        return;
    double s = lis_progress_elapsed(p);
    char el[LIS_PROGRESS_DURATION_SIZE], left[LIS_PROGRESS_DURATION_SIZE];
    lis_progress_duration(s, el);
    if (done > 0 && done < n)
        lis_progress_show(
            p, true, "%zu of %zu %s, %s elapsed, about %s left", done, n, what, el,
            lis_progress_duration(s / (double)done * (double)(n - done), left));
    else
        lis_progress_show(p, true, "%zu of %zu %s, %s elapsed", done, n, what, el);
}

void
lis_progress_drain(lis_progress *p, int fd, size_t *done, size_t n, const char *what)
{
    char buf[256];
    for (;;) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        *done += (size_t)got;
        lis_progress_count(p, false, *done, n, what);
    }
}
