/*
 * mail.c - the text and attachments of a run's delivery mail; see mail.h.
 * Nothing here talks to a server.
 */
#include "mail.h"
#include "mem.h"
#include "period.h"

#include <openssl/evp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months_da[12] = {"januar",    "februar", "marts",    "april",
                                          "maj",       "juni",    "juli",     "august",
                                          "september", "oktober", "november", "december"};

char *
lis_mail_period_da(const char *period)
{
    lis_period p;
    if (!lis_window_parse(period, &p))
        return lis_xstrdup(period);
    switch (p.kind) {
    case LIS_MONTH:
        return lis_xasprintf("%s %d", months_da[p.last_month - 1], p.year);
    case LIS_QUARTER:
        return lis_xasprintf("%d. kvartal %d", (p.last_month + 2) / 3, p.year);
    case LIS_YEAR:
        return lis_xasprintf("%d", p.year);
    default:
        return lis_xasprintf("%s-%s %d", months_da[p.first_month - 1],
                             months_da[p.last_month - 1], p.year);
    }
}

/* The title of a kind's reports, as the readers call them. */
static const char *
kind_title(const char *kind)
{
    if (strcmp(kind, "monthly") == 0)
        return "Månedsrapporter";
    if (strcmp(kind, "quarterly") == 0)
        return "Kvartalsoverblik";
    if (strcmp(kind, "status") == 0)
        return "Statusopfølgning";
    if (strcmp(kind, "annual") == 0)
        return "Årsberetning";
    return kind;
}

static bool
ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

int
lis_mail_attaches(const char *kind, const char *file_name)
{
    if (strcmp(kind, "quarterly") == 0)
        return ends_with(file_name, ".pdf");
    if (strcmp(kind, "status") == 0 || strcmp(kind, "annual") == 0)
        return ends_with(file_name, ".xlsx");
    return 0; /* monthly: one file per agreement; the mail names the folder */
}

static const char *
content_type(const char *name)
{
    if (ends_with(name, ".pdf"))
        return "application/pdf";
    if (ends_with(name, ".xlsx"))
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (ends_with(name, ".png"))
        return "image/png";
    return "application/octet-stream";
}

/* "3 røde, 5 gule og 20 grønne" with the plural of Danish adjectives. */
static void
add_lights(lis_buf *b, const int *n)
{
    lis_buf_addf(b, "%d %s, %d %s og %d %s", n[LIS_SUMMARY_RED],
                 n[LIS_SUMMARY_RED] == 1 ? "rød" : "røde", n[LIS_SUMMARY_YELLOW],
                 n[LIS_SUMMARY_YELLOW] == 1 ? "gul" : "gule", n[LIS_SUMMARY_GREEN],
                 n[LIS_SUMMARY_GREEN] == 1 ? "grøn" : "grønne");
}

static char *
compose_subject(const lis_mail_run *run, const char *period_da)
{
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_addf(&b, "%s %s", kind_title(run->kind), period_da);
    if (run->summary) {
        lis_buf_adds(&b, ": ");
        add_lights(&b, run->summary->goals);
        lis_buf_adds(&b, " mål");
    }
    return b.data;
}

static char *
compose_body(const lis_mail_run *run, const char *period_da, const lis_mail *m)
{
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_addf(&b, "%s for %s (%s), kørsel %ld.\n\n", kind_title(run->kind), period_da,
                 run->period, run->run_id);
    const lis_summary *s = run->summary;
    if (s) {
        lis_buf_adds(&b, "Mål: ");
        add_lights(&b, s->goals);
        lis_buf_addf(&b, "; %d uden data og %d ikke aktuelle.\n",
                     s->goals[LIS_SUMMARY_GREY], s->goals[LIS_SUMMARY_NOT_DUE]);
        lis_buf_adds(&b, "Aftaler (efter deres dårligste mål): ");
        add_lights(&b, s->agreements);
        lis_buf_addf(&b, "; %d uden data.\n", s->agreements[LIS_SUMMARY_GREY]);
        lis_buf_adds(&b, "Økonomi: ");
        add_lights(&b, s->economy);
        lis_buf_addf(&b, "; %d uden budget.\n\n", s->economy[LIS_SUMMARY_GREY]);
    }
    if (m->n_attachments) {
        lis_buf_addf(&b, "Vedhæftet: ");
        for (size_t i = 0; i < m->n_attachments; i++)
            lis_buf_addf(&b, "%s%s", i ? ", " : "", m->attachments[i].name);
        lis_buf_adds(&b, ".\n");
    }
    lis_buf_addf(&b, "%s i mappen:\n",
                 m->n_attachments ? "Alle filer ligger" : "Filerne ligger");
    if (run->n_shares == 0)
        lis_buf_addf(&b, "  %s\n", run->dir);
    for (size_t i = 0; i < run->n_shares; i++)
        lis_buf_addf(&b, "  %s\n", run->shares[i]);
    lis_buf_addf(&b, "(%zu fil%s og manifest.json med hver fils SHA-256.)\n\n",
                 run->n_files, run->n_files == 1 ? "" : "er");
    lis_buf_adds(&b, "Sendt af lis. Svar ikke på denne mail.\n");
    return b.data;
}

lis_mail *
lis_mail_compose(const lis_mail_run *run, const char *from, const char *const *to,
                 size_t n_to)
{
    lis_mail *m = lis_xcalloc(1, sizeof *m);
    m->from = lis_xstrdup(from ? from : "");
    m->to = lis_xcalloc(n_to ? n_to : 1, sizeof *m->to);
    for (size_t i = 0; i < n_to; i++)
        m->to[m->n_to++] = lis_xstrdup(to[i]);
    m->attachments = lis_xcalloc(run->n_files ? run->n_files : 1, sizeof *m->attachments);
    for (size_t i = 0; i < run->n_files; i++) {
        if (!lis_mail_attaches(run->kind, run->files[i]))
            continue;
        lis_mail_attachment *a = &m->attachments[m->n_attachments++];
        a->name = lis_xstrdup(run->files[i]);
        a->path = lis_xasprintf("%s/%s", run->dir, run->files[i]);
        a->content_type = lis_xstrdup(content_type(run->files[i]));
    }
    char *period_da = lis_mail_period_da(run->period);
    m->subject = compose_subject(run, period_da);
    m->body = compose_body(run, period_da, m);
    free(period_da);
    return m;
}

void
lis_mail_free(lis_mail *m)
{
    if (m == NULL)
        return;
    free(m->from);
    for (size_t i = 0; i < m->n_to; i++)
        free(m->to[i]);
    free(m->to);
    for (size_t i = 0; i < m->n_attachments; i++) {
        free(m->attachments[i].name);
        free(m->attachments[i].path);
        free(m->attachments[i].content_type);
    }
    free(m->attachments);
    free(m->subject);
    free(m->body);
    free(m);
}

char *
lis_mail_header_encode(const char *utf8)
{
    bool ascii = true;
    for (const unsigned char *p = (const unsigned char *)utf8; *p; p++)
        if (*p >= 0x80 || *p < 0x20)
            ascii = false;
    if (ascii)
        return lis_xstrdup(utf8);

    /* "=?UTF-8?B?" + base64 + "?=" fits 75 characters with 60 characters of
     * base64, that is 45 bytes of text: cut before a byte that continues a
     * character. */
    lis_buf b;
    lis_buf_init(&b);
    const unsigned char *p = (const unsigned char *)utf8;
    size_t left = strlen(utf8);
    while (left > 0) {
        size_t n = left < 45 ? left : 45;
        while (n < left && n > 0 && (p[n] & 0xC0) == 0x80)
            n--;
        unsigned char enc[64];
        int len = EVP_EncodeBlock(enc, p, (int)n);
        lis_buf_addf(&b, "%s=?UTF-8?B?%.*s?=", b.len ? "\r\n " : "", len, (char *)enc);
        p += n;
        left -= n;
    }
    return b.data;
}
