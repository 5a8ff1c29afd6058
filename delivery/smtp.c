/*
 * smtp.c - the mail transport: libcurl SMTP with MIME, retries; see smtp.h.
 */
#include "smtp.h"
#include "mem.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

lis_smtp_verdict
lis_smtp_classify(int curl_code, long reply_code)
{
    if (curl_code == CURLE_OK)
        return LIS_SMTP_SENT;
    if (reply_code >= 500 && reply_code < 600)
        return LIS_SMTP_PERMANENT;
    if (reply_code >= 400 && reply_code < 500)
        return LIS_SMTP_TEMPORARY;
    switch (curl_code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSL_CONNECT_ERROR:
        return LIS_SMTP_TEMPORARY;
    default: /* TLS required but not offered, a refused login, a bad URL, ... */
        return LIS_SMTP_PERMANENT;
    }
}

/* ------------------------------------------------- the server's replies */

/* Keeps the last complete reply of the server (the lines of a multi-line
 * reply joined by spaces). Only what the server sends is seen here, never
 * what lis sends (which holds the login). */
typedef struct replies {
    char text[512];
    bool complete;
} replies;

static int
on_debug(CURL *h, curl_infotype type, char *data, size_t size, void *user)
{
    (void)h;
    replies *r = user;
    if (type != CURLINFO_HEADER_IN)
        return 0;
    while (size && (data[size - 1] == '\n' || data[size - 1] == '\r'))
        size--;
    if (r->complete) {
        r->text[0] = '\0';
        r->complete = false;
    }
    size_t have = strlen(r->text);
    if (have && have + 1 < sizeof r->text)
        r->text[have++] = ' ';
    size_t room = sizeof r->text - 1 - have;
    size_t n = size < room ? size : room;
    memcpy(r->text + have, data, n);
    r->text[have + n] = '\0';
    /* "250-..." continues, "250 ..." (or a bare code) ends the reply */
    r->complete = size < 4 || data[3] != '-';
    return 0;
}

/* ----------------------------------------------------------- a message */

static struct curl_slist *
headers(const lis_mail *m)
{
    struct curl_slist *h = NULL;
    char *subject = lis_mail_header_encode(m->subject);
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_addf(&b, "From: %s", m->from);
    h = curl_slist_append(h, b.data);
    lis_buf_reset(&b);
    lis_buf_adds(&b, "To: ");
    for (size_t i = 0; i < m->n_to; i++)
        lis_buf_addf(&b, "%s%s", i ? ", " : "", m->to[i]);
    h = curl_slist_append(h, b.data);
    lis_buf_reset(&b);
    lis_buf_addf(&b, "Subject: %s", subject);
    h = curl_slist_append(h, b.data);
    lis_buf_reset(&b);

    char date[64];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S %z", &tm);
    lis_buf_addf(&b, "Date: %s", date);
    h = curl_slist_append(h, b.data);
    lis_buf_reset(&b);
    const char *domain = strchr(m->from, '@');
    lis_buf_addf(&b, "Message-ID: <lis.%lld.%ld@%s>", (long long)now, (long)getpid(),
                 domain && domain[1] ? domain + 1 : "localhost");
    h = curl_slist_append(h, b.data);
    lis_buf_release(&b);
    free(subject);
    return h;
}

static curl_mime *
mime(CURL *curl, const lis_mail *m)
{
    curl_mime *mm = curl_mime_init(curl);
    curl_mimepart *part = curl_mime_addpart(mm);
    curl_mime_data(part, m->body, CURL_ZERO_TERMINATED);
    curl_mime_type(part, "text/plain; charset=utf-8");
    curl_mime_encoder(part, "quoted-printable");
    for (size_t i = 0; i < m->n_attachments; i++) {
        const lis_mail_attachment *a = &m->attachments[i];
        part = curl_mime_addpart(mm);
        curl_mime_filedata(part, a->path);
        curl_mime_filename(part, a->name);
        curl_mime_type(part, a->content_type);
        curl_mime_encoder(part, "base64");
    }
    return mm;
}

/* One attempt; returns libcurl's code and fills the reply. */
static CURLcode
attempt(const lis_smtp_opts *o, const lis_mail *m, long *reply_code, replies *rep,
        char *errbuf)
{
    CURL *curl = curl_easy_init();
    if (curl == NULL)
        return CURLE_FAILED_INIT;
    struct curl_slist *rcpt = NULL;
    for (size_t i = 0; i < m->n_to; i++) {
        char *addr = lis_xasprintf("<%s>", m->to[i]);
        rcpt = curl_slist_append(rcpt, addr);
        free(addr);
    }
    char *from = lis_xasprintf("<%s>", m->from);
    struct curl_slist *hdr = headers(m);
    curl_mime *mm = mime(curl, m);

    curl_easy_setopt(curl, CURLOPT_URL, o->url);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, mm);
    curl_easy_setopt(curl, CURLOPT_USE_SSL,
                     (long)(o->require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
    if (o->ca_file && o->ca_file[0])
        curl_easy_setopt(curl, CURLOPT_CAINFO, o->ca_file);
    if (o->user && o->user[0]) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, o->user);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, o->password ? o->password : "");
    }
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, o->timeout > 0 ? o->timeout : 300L);
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, on_debug);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, rep);
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L); /* feeds on_debug; prints nothing */

    CURLcode rc = curl_easy_perform(curl);
    *reply_code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, reply_code);
    curl_mime_free(mm);
    curl_slist_free_all(hdr);
    curl_slist_free_all(rcpt);
    free(from);
    curl_easy_cleanup(curl);
    return rc;
}

static void
pause_seconds(double s)
{
    if (s <= 0)
        return;
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    while (nanosleep(&ts, &ts) != 0)
        ;
}

lis_status
lis_smtp_send(const lis_smtp_opts *o, const lis_mail *m, lis_smtp_result *res,
              lis_error *err)
{
    memset(res, 0, sizeof *res);
    if (o->url == NULL || o->url[0] == '\0')
        return lis_error_set(err, LIS_OUTPUT,
                             "no mail server to send with ([smtp] url is empty)");
    curl_global_init(CURL_GLOBAL_DEFAULT);
    lis_smtp_verdict v = LIS_SMTP_PERMANENT;
    double delay = o->retry_delay;
    CURLcode rc = CURLE_OK;
    for (int i = 0; i <= o->retries; i++) {
        if (i > 0) {
            pause_seconds(delay);
            delay *= 2;
        }
        replies rep = {"", false};
        char errbuf[CURL_ERROR_SIZE] = "";
        res->attempts = i + 1;
        rc = attempt(o, m, &res->reply_code, &rep, errbuf);
        v = lis_smtp_classify((int)rc, res->reply_code);
        if (v == LIS_SMTP_SENT || rc != CURLE_OK) {
            /* the server's own words when it refused; libcurl's otherwise */
            if (rc != CURLE_OK && res->reply_code >= 400 && rep.text[0])
                snprintf(res->reply, sizeof res->reply, "%s", rep.text);
            else if (rc != CURLE_OK)
                snprintf(res->reply, sizeof res->reply, "%s",
                         errbuf[0] ? errbuf : curl_easy_strerror(rc));
            else
                snprintf(res->reply, sizeof res->reply, "%s", rep.text);
        }
        if (v != LIS_SMTP_TEMPORARY)
            break;
    }
    curl_global_cleanup();
    if (v == LIS_SMTP_SENT)
        return LIS_OK;
    if (res->reply_code >= 400)
        lis_error_set(err, LIS_OUTPUT, "the mail server refused the message: %s",
                      res->reply);
    else
        lis_error_set(err, LIS_OUTPUT, "could not send the mail: %s", res->reply);
    if (v == LIS_SMTP_TEMPORARY)
        lis_error_detail(err,
                         "The failure was temporary; it persisted through %d attempts.",
                         res->attempts);
    return LIS_OUTPUT;
}
