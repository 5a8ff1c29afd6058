/* test_delivery.c - delivery without a server or database: the Danish mail
 * text and its attachments per kind (delivery/mail.c), the subject header
 * encoding, which SMTP failures are retried (smtp.c), the [delivery]
 * targets, the summary's JSON, folder copies (deliver.c) and the [smtp] and
 * [delivery] settings (engine/config.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <curl/curl.h>
#include <dirent.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "delivery.h"
#include "mail.h"
#include "mem.h"
#include "smtp.h"

static const lis_summary summary = {
    .goals = {20, 5, 3, 2, 1},
    .agreements = {10, 4, 2, 1, 0},
    .economy = {13, 2, 1, 1, 0},
};

static const char *const files[] = {"dashboard-2026-Q3.pdf", "dashboard-2026-Q3.png"};

static void
test_quarterly_mail(void **state)
{
    (void)state;
    const char *shares[] = {"/srv/share/lis/2026-Q3"};
    lis_mail_run run = {.run_id = 17,
                        .kind = "quarterly",
                        .period = "2026-Q3",
                        .summary = &summary,
                        .dir = "/var/lib/lis/out/2026-Q3",
                        .files = files,
                        .n_files = 2,
                        .shares = shares,
                        .n_shares = 1};
    const char *to[] = {"direktion@kommune.dk", "okonomi@kommune.dk"};
    lis_mail *m = lis_mail_compose(&run, "lis@kommune.dk", to, 2);
    assert_string_equal(
        m->subject, "Kvartalsoverblik 3. kvartal 2026: 3 røde, 5 gule og 20 grønne mål");
    assert_int_equal(m->n_to, 2);
    assert_string_equal(m->to[1], "okonomi@kommune.dk");
    assert_int_equal(m->n_attachments, 1);
    assert_string_equal(m->attachments[0].name, "dashboard-2026-Q3.pdf");
    assert_string_equal(m->attachments[0].path,
                        "/var/lib/lis/out/2026-Q3/dashboard-2026-Q3.pdf");
    assert_string_equal(m->attachments[0].content_type, "application/pdf");
    const char *lines[] = {
        "Kvartalsoverblik for 3. kvartal 2026 (2026-Q3), kørsel 17.\n",
        "Mål: 3 røde, 5 gule og 20 grønne; 2 uden data og 1 ikke aktuelle.\n",
        "Aftaler (efter deres dårligste mål): 2 røde, 4 gule og 10 grønne; 1 uden data.\n",
        "Økonomi: 1 rød, 2 gule og 13 grønne; 1 uden budget.\n",
        "Vedhæftet: dashboard-2026-Q3.pdf.\n",
        "  /srv/share/lis/2026-Q3\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        if (strstr(m->body, lines[i]) == NULL)
            fail_msg("body lacks \"%s\":\n%s", lines[i], m->body);
    lis_mail_free(m);
}

static void
test_monthly_mail_names_the_folder(void **state)
{
    (void)state;
    const char *mfiles[] = {"aftale-A1.pdf", "aftale-A1.xlsx", "aftale-A1-oekonomi.png"};
    lis_mail_run run = {.run_id = 3,
                        .kind = "monthly",
                        .period = "2026-10",
                        .summary = NULL,
                        .dir = "out/2026-10",
                        .files = mfiles,
                        .n_files = 3};
    const char *to[] = {"leder@kommune.dk"};
    lis_mail *m = lis_mail_compose(&run, "lis@kommune.dk", to, 1);
    assert_string_equal(m->subject, "Månedsrapporter oktober 2026");
    assert_int_equal(m->n_attachments, 0);
    assert_non_null(strstr(m->body, "Filerne ligger i mappen:\n  out/2026-10\n"));
    assert_null(strstr(m->body, "Vedhæftet"));
    lis_mail_free(m);
}

static void
test_attachments_per_kind(void **state)
{
    (void)state;
    assert_true(lis_mail_attaches("quarterly", "dashboard-2026-Q1.pdf"));
    assert_false(lis_mail_attaches("quarterly", "dashboard-2026-Q1.png"));
    assert_true(lis_mail_attaches("status", "statusopfoelgning-2026.xlsx"));
    assert_true(lis_mail_attaches("annual", "aarsberetning-2026.xlsx"));
    assert_false(lis_mail_attaches("annual", "manifest.json"));
    assert_false(lis_mail_attaches("monthly", "aftale-A1.xlsx"));
    assert_false(lis_mail_attaches("monthly", "aftale-A1.pdf"));
}

static void
test_period_in_danish(void **state)
{
    (void)state;
    const char *cases[][2] = {{"2026-03", "marts 2026"},
                              {"2026-Q1", "1. kvartal 2026"},
                              {"2026-Q4", "4. kvartal 2026"},
                              {"2026-YTD-06", "januar-juni 2026"},
                              {"2026", "2026"},
                              {"nonsense", "nonsense"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *s = lis_mail_period_da(cases[i][0]);
        assert_string_equal(s, cases[i][1]);
        free(s);
    }
}

/* Decodes "=?UTF-8?B?...?=" words joined by CRLF SP back to the text. */
static char *
decode_header(const char *h)
{
    char *out = calloc(1, strlen(h) + 1);
    size_t n = 0;
    while (*h) {
        if (strncmp(h, "\r\n ", 3) == 0) {
            h += 3;
            continue;
        }
        assert_memory_equal(h, "=?UTF-8?B?", 10);
        h += 10;
        const char *end = strstr(h, "?=");
        assert_non_null(end);
        assert_true(end - h <= 75 - 12);
        int len = EVP_DecodeBlock((unsigned char *)out + n, (const unsigned char *)h,
                                  (int)(end - h));
        assert_true(len >= 0);
        while (len > 0 && end > h && end[-1] == '=') { /* padding decodes as zeros */
            len--;
            end--;
        }
        n += (size_t)len;
        h = strstr(h, "?=") + 2;
    }
    out[n] = '\0';
    return out;
}

static void
test_subject_header_encoding(void **state)
{
    (void)state;
    char *plain = lis_mail_header_encode("Kvartalsoverblik 2026-Q1");
    assert_string_equal(plain, "Kvartalsoverblik 2026-Q1");
    free(plain);
    const char *text = "Årsberetning 2026: 1 rød, 2 gule og 1 grøn mål — æøå ÆØÅ æøå æøå "
                       "æøå æøå æøå æøå";
    char *enc = lis_mail_header_encode(text);
    assert_null(strchr(enc, (unsigned char)0xc3));   /* ASCII only */
    assert_non_null(strstr(enc, "\r\n =?UTF-8?B?")); /* folded into several words */
    char *back = decode_header(enc);
    assert_string_equal(back, text);
    free(back);
    free(enc);
}

static void
test_smtp_classify(void **state)
{
    (void)state;
    assert_int_equal(lis_smtp_classify(CURLE_OK, 250), LIS_SMTP_SENT);
    assert_int_equal(lis_smtp_classify(CURLE_SEND_ERROR, 550), LIS_SMTP_PERMANENT);
    assert_int_equal(lis_smtp_classify(CURLE_LOGIN_DENIED, 535), LIS_SMTP_PERMANENT);
    assert_int_equal(lis_smtp_classify(CURLE_WEIRD_SERVER_REPLY, 451),
                     LIS_SMTP_TEMPORARY);
    assert_int_equal(lis_smtp_classify(CURLE_SEND_ERROR, 421), LIS_SMTP_TEMPORARY);
    assert_int_equal(lis_smtp_classify(CURLE_COULDNT_CONNECT, 0), LIS_SMTP_TEMPORARY);
    assert_int_equal(lis_smtp_classify(CURLE_OPERATION_TIMEDOUT, 250),
                     LIS_SMTP_TEMPORARY);
    assert_int_equal(lis_smtp_classify(CURLE_USE_SSL_FAILED, 250), LIS_SMTP_PERMANENT);
    assert_int_equal(lis_smtp_classify(CURLE_PEER_FAILED_VERIFICATION, 0),
                     LIS_SMTP_PERMANENT);
}

static void
test_targets(void **state)
{
    (void)state;
    lis_targets t;
    lis_error err = {0};
    assert_int_equal(
        lis_targets_parse(" mail:direktion@kommune.dk,mail:okonomi@kommune.dk , "
                          "folder:/srv/share/lis/{period}/x{period}",
                          "2026-Q3", &t, &err),
        LIS_OK);
    assert_int_equal(t.n_mail, 2);
    assert_string_equal(t.mail[0], "direktion@kommune.dk");
    assert_string_equal(t.mail[1], "okonomi@kommune.dk");
    assert_int_equal(t.n_folders, 1);
    assert_string_equal(t.folders[0], "/srv/share/lis/2026-Q3/x2026-Q3");
    lis_targets_release(&t);
    assert_int_equal(lis_targets_parse("", "2026-03", &t, &err), LIS_OK);
    assert_int_equal(t.n_mail + t.n_folders, 0);
    assert_int_equal(lis_targets_parse("mail:a@b, ftp://x", "2026-03", &t, &err),
                     LIS_USAGE);
    assert_non_null(strstr(err.msg, "\"ftp://x\" is not mail:ADDRESS or folder:PATH"));
}

static void
test_summary_json(void **state)
{
    (void)state;
    char *json = lis_delivery_summary_json(&summary);
    assert_string_equal(json,
                        "{\"goals\": {\"green\": 20, \"yellow\": 5, \"red\": 3, "
                        "\"grey\": 2, \"not_due\": 1}, \"agreements\": {\"green\": "
                        "10, \"yellow\": 4, \"red\": 2, \"grey\": 1, \"not_due\": 0}, "
                        "\"economy\": {\"green\": 13, \"yellow\": 2, \"red\": 1, "
                        "\"grey\": 1, \"not_due\": 0}}");
    lis_summary back;
    assert_true(lis_delivery_summary_parse(json, &back));
    assert_memory_equal(&back, &summary, sizeof summary);
    free(json);
    assert_false(lis_delivery_summary_parse("{\"goals\": 3}", &back));
    assert_false(lis_delivery_summary_parse("not json", &back));
}

static void
write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void
test_folder_copy(void **state)
{
    (void)state;
    char src[] = "/tmp/lis-deliver-src-XXXXXX";
    assert_non_null(mkdtemp(src));
    char *a = lis_xasprintf("%s/a.txt", src), *b = lis_xasprintf("%s/b.txt", src);
    write_file(a, "abc");
    write_file(b, "hello\n");
    char *dest = lis_xasprintf("%s/share/2026-03", src);
    const char *names[] = {"a.txt", "b.txt"};
    /* sha256("abc") and sha256("hello\n") */
    const char *sha[] = {
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"};
    lis_error err = {0};
    assert_int_equal(lis_delivery_copy(src, names, sha, 2, dest, &err), LIS_OK);
    char buf[16] = "";
    char *copy = lis_xasprintf("%s/b.txt", dest);
    FILE *f = fopen(copy, "r");
    assert_non_null(f);
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_string_equal(buf, "hello\n");

    /* a file that differs from its manifest is not put in place, and no
     * temporary file is left */
    write_file(b, "changed\n");
    unlink(copy);
    lis_error err2 = {0};
    assert_int_equal(lis_delivery_copy(src, names, sha, 2, dest, &err2), LIS_OUTPUT);
    assert_non_null(strstr(err2.msg, "changed since its run"));
    assert_int_equal(access(copy, F_OK), -1);
    DIR *d = opendir(dest);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.' || strstr(e->d_name, "lis-tmp"))
            n++;
    closedir(d);
    assert_int_equal(n, 1); /* a.txt only */
    char *cmd = lis_xasprintf("rm -rf '%s'", src);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    free(copy);
    free(dest);
    free(a);
    free(b);
}

static void
test_config_block_of_the_issue(void **state)
{
    (void)state;
    char path[] = "/tmp/lis-config-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(
        "[smtp]\n"
        "url = smtp://mail.kommune.dk:587     ; smtp:// with STARTTLS when offered\n"
        "from = lis@kommune.dk\n"
        "user =\n"
        "password_env = LIS_SMTP_PASSWORD      ; the password only ever comes from env\n"
        "require_tls = false                    ; true: refuse to send without TLS\n"
        "[delivery]\n"
        "monthly = folder:/srv/share/lis/{period}\n"
        "quarterly = mail:direktion@kommune.dk, mail:okonomi@kommune.dk, "
        "folder:/srv/share/lis/{period}\n"
        "status =\n"
        "annual =\n",
        f);
    fclose(f);
    lis_config cfg;
    lis_error err = {0};
    lis_config_init(&cfg);
    assert_int_equal(lis_config_read_file(&cfg, path, &err), LIS_OK);
    assert_string_equal(cfg.smtp_url, "smtp://mail.kommune.dk:587");
    assert_string_equal(cfg.smtp_from, "lis@kommune.dk");
    assert_null(cfg.smtp_user);
    assert_string_equal(cfg.smtp_password_env, "LIS_SMTP_PASSWORD");
    assert_int_equal(cfg.smtp_require_tls, 0);
    assert_string_equal(cfg.delivery[lis_config_kind_index("monthly")],
                        "folder:/srv/share/lis/{period}");
    assert_non_null(cfg.delivery[lis_config_kind_index("quarterly")]);
    assert_null(cfg.delivery[lis_config_kind_index("status")]);
    lis_config_release(&cfg);

    /* the shipped file: no delivery, the default password variable */
    lis_config_init(&cfg);
    assert_int_equal(lis_config_read_file(&cfg, LIS_SOURCE_DIR "/config/lis.conf", &err),
                     LIS_OK);
    assert_null(cfg.smtp_url);
    assert_string_equal(cfg.smtp_password_env, "LIS_SMTP_PASSWORD");
    assert_true(cfg.smtp_retry_delay == 2);
    for (int i = 0; i < 4; i++)
        assert_null(cfg.delivery[i]);
    lis_config_release(&cfg);

    f = fopen(path, "w");
    fputs("[smtp]\nrequire_tls = maybe\n", f);
    fclose(f);
    lis_config_init(&cfg);
    assert_int_equal(lis_config_read_file(&cfg, path, &err), LIS_USAGE);
    assert_non_null(strstr(err.msg, "\"maybe\" is not true or false"));
    lis_config_release(&cfg);
    unlink(path);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quarterly_mail),
        cmocka_unit_test(test_monthly_mail_names_the_folder),
        cmocka_unit_test(test_attachments_per_kind),
        cmocka_unit_test(test_period_in_danish),
        cmocka_unit_test(test_subject_header_encoding),
        cmocka_unit_test(test_smtp_classify),
        cmocka_unit_test(test_targets),
        cmocka_unit_test(test_summary_json),
        cmocka_unit_test(test_folder_copy),
        cmocka_unit_test(test_config_block_of_the_issue),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
