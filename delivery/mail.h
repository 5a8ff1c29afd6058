/*
 * mail.h - the delivery mail of a run, assembled apart from its transport
 * (smtp.h) so that the text and the choice of attachments can be tested
 * without a server.
 *
 * One message per run goes to every mail: recipient of the run's kind. The
 * subject and body are Danish: the period in words, the counts of red,
 * yellow and green goals and agreements, the economy's status counts, and
 * where the files are. Attached are the files the readers of the kind open:
 * the dashboard PDF (quarterly), the workbook (status, annual); a monthly
 * run has a file per agreement, so its mail names the folder instead.
 */
#ifndef LIS_MAIL_H
#define LIS_MAIL_H

#include <stddef.h>

/* Status counts of a report (delivery.h fills them from the model). The
 * index is the status: see LIS_SUMMARY_*. */
enum {
    LIS_SUMMARY_GREEN,
    LIS_SUMMARY_YELLOW,
    LIS_SUMMARY_RED,
    LIS_SUMMARY_GREY,    /* no data (economy: no budget) */
    LIS_SUMMARY_NOT_DUE, /* goals only */
    LIS_SUMMARY_N
};

typedef struct lis_summary {
    int goals[LIS_SUMMARY_N];
    int agreements[LIS_SUMMARY_N]; /* by the agreement's worst goal */
    int economy[LIS_SUMMARY_N];    /* by the agreement's economy status */
} lis_summary;

/* What the message is about (all borrowed). */
typedef struct lis_mail_run {
    long run_id;
    const char *kind;           /* monthly, quarterly, status, annual */
    const char *period;         /* 2026-03, 2026-Q3, 2026-YTD-06, 2026 */
    const lis_summary *summary; /* NULL: counts unknown (an old run) */
    const char *dir;            /* the run's folder OUT/<period> */
    const char *const *files;   /* the file names of the manifest */
    size_t n_files;
    const char *const *shares; /* folder: targets the files were copied to */
    size_t n_shares;
} lis_mail_run;

typedef struct lis_mail_attachment {
    char *name;         /* the file name the reader sees */
    char *path;         /* where its bytes are */
    char *content_type; /* application/pdf, ... */
} lis_mail_attachment;

/* A message; every string owned, freed by lis_mail_free. */
typedef struct lis_mail {
    char *from;
    char **to; /* bare addresses */
    size_t n_to;
    char *subject; /* UTF-8; lis_mail_header_encode makes the header */
    char *body;    /* UTF-8 text, lines ending in \n */
    lis_mail_attachment *attachments;
    size_t n_attachments;
} lis_mail;

/* Assembles the message of run from `from` to to[0..n_to-1]. Never fails. */
lis_mail *lis_mail_compose(const lis_mail_run *run, const char *from,
                           const char *const *to, size_t n_to);
void lis_mail_free(lis_mail *mail);

/* Whether a file of a run of this kind is attached to its mail. */
int lis_mail_attaches(const char *kind, const char *file_name);

/* The period in Danish words: "marts 2026", "3. kvartal 2026",
 * "januar-juni 2026", "2026". Newly allocated. */
char *lis_mail_period_da(const char *period);

/*
 * A header value as RFC 2047 asks: ASCII text as it is, other text as
 * "=?UTF-8?B?...?=" words of at most 75 characters (never splitting a
 * character), separated by CRLF and a space. Newly allocated.
 */
char *lis_mail_header_encode(const char *utf8);

#endif
