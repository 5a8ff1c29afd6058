/*
 * smtp.h - sends a lis_mail (mail.h) with libcurl's SMTP and MIME support.
 *
 * smtp:// upgrades to TLS with STARTTLS when the server offers it (and must,
 * with require_tls); smtps:// is TLS from the first byte. The certificate is
 * verified. Temporary failures (a 4xx reply, no connection, a timeout) are
 * retried `retries` times, waiting retry_delay seconds before the first
 * retry and twice as long before each next one; a permanent failure (a 5xx
 * reply, TLS required but not offered, a refused login) is not retried.
 *
 * The password is passed in by the caller (from the environment) and never
 * copied into a message, an error or the reply.
 */
#ifndef LIS_SMTP_H
#define LIS_SMTP_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "mail.h"

typedef struct lis_smtp_opts {
    const char *url;      /* smtp://host:port or smtps://host:port */
    const char *user;     /* NULL or "": no login */
    const char *password; /* NULL: none */
    bool require_tls;
    const char *ca_file; /* NULL: the system's CA certificates */
    double retry_delay;  /* seconds */
    int retries;         /* further attempts after a temporary failure */
    long timeout;        /* seconds for one attempt */
} lis_smtp_opts;

/* How a failed attempt is treated. */
typedef enum lis_smtp_verdict {
    LIS_SMTP_SENT,
    LIS_SMTP_TEMPORARY, /* try again */
    LIS_SMTP_PERMANENT, /* do not */
} lis_smtp_verdict;

/* The verdict of an attempt from libcurl's result code and the server's
 * last reply code (0: none). */
lis_smtp_verdict lis_smtp_classify(int curl_code, long reply_code);

/* What happened, for the record and the user (no secret in it). */
typedef struct lis_smtp_result {
    int attempts;
    long reply_code; /* the server's last reply code, 0 when none */
    char reply[512]; /* the server's last reply ("550 5.1.1 no such user") or
                        libcurl's error when the server gave none */
} lis_smtp_result;

/*
 * Sends mail. Returns LIS_OK when the server accepted the message; else
 * LIS_OUTPUT with err saying why (the server's reply in the message).
 * result is filled either way.
 */
lis_status lis_smtp_send(const lis_smtp_opts *opts, const lis_mail *mail,
                         lis_smtp_result *result, lis_error *err);

#endif
