/*
 * progress.h - one progress line on stderr while lis import and lis run work,
 * rewritten in place with "\r" at most a few times a second and cleared when
 * the work is done. Only on a terminal: when stderr is a file or a pipe (a
 * schedule, a test) nothing is written, so logs hold no progress lines.
 */
#ifndef LIS_PROGRESS_H
#define LIS_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct lis_progress {
    bool on;      /* stderr is a terminal and --quiet was not given */
    double start; /* monotonic seconds at init */
    double last;  /* when the line was last written; 0: never */
    int width;    /* the length of the line on screen, to blank it out */
} lis_progress;

/* Starts the clock; the line is shown only when stderr is a terminal and
 * quiet is false. */
void lis_progress_init(lis_progress *p, bool quiet);

/* Seconds since lis_progress_init. */
double lis_progress_elapsed(const lis_progress *p);

/* Whether lis_progress_show would write now (a quarter of a second since
 * the last line), so that callers need not format a line for nothing. */
bool lis_progress_due(const lis_progress *p);

/* Writes the line (printf format) over the previous one: when force is true
 * or lis_progress_due, else nothing. */
void lis_progress_show(lis_progress *p, bool force, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Blanks the line out, leaving the cursor at its start. */
void lis_progress_clear(lis_progress *p);

/* Shows "DONE of N WHAT, 0:12 elapsed, about 0:24 left" (when due or
 * forced); the estimate assumes the rest goes as fast as the part done. */
void lis_progress_count(lis_progress *p, bool force, size_t done, size_t n,
                        const char *what);

/* Reads fd to its end, counting each byte as one more item done into *done
 * and showing the count: for work done by forked processes, which write a
 * byte into a pipe per item (they cannot redraw the parent's line). */
void lis_progress_drain(lis_progress *p, int fd, size_t *done, size_t n,
                        const char *what);

/* "1:05" for 65 seconds, "1:01:05" from an hour on, into buf
 * (LIS_PROGRESS_DURATION_SIZE bytes); returns buf. */
#define LIS_PROGRESS_DURATION_SIZE 32
char *lis_progress_duration(double seconds, char *buf);

#endif
