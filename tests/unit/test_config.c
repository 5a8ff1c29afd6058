/* test_config.c - lis.conf (engine/config.c): the shipped file equals the
 * built-in defaults; bad settings are refused with file and line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

static void
test_shipped_file_is_the_defaults(void **state)
{
    (void)state;
    lis_config def, file;
    lis_error err = {0};
    lis_config_init(&def);
    lis_config_init(&file);
    assert_int_equal(lis_config_read_file(&file, LIS_SOURCE_DIR "/config/lis.conf", &err),
                     LIS_OK);
    assert_null(file.db_conninfo);
    assert_null(file.home);
    assert_string_equal(file.out_dir, def.out_dir);
    assert_string_equal(file.lang, "da");
    assert_true(file.yellow_pct == 90 && def.yellow_pct == 90);
    assert_true(file.economy_green_pct == 1 && def.economy_green_pct == 1);
    assert_true(file.economy_yellow_pct == 3 && def.economy_yellow_pct == 3);
    assert_int_equal(file.own_goals_min, 3);
    assert_int_equal(file.own_goals_max, 5);
    assert_int_equal(file.cross_cutting_min, 1);
    assert_int_equal(def.own_goals_min, 3);
    assert_int_equal(def.own_goals_max, 5);
    assert_int_equal(def.cross_cutting_min, 1);
    assert_int_equal(file.jobs, def.jobs);
    lis_config_release(&def);
    lis_config_release(&file);
}

static void
expect_refused(const char *text, const char *message)
{
    char path[] = "/tmp/lis-config-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    lis_config cfg;
    lis_error err = {0};
    lis_config_init(&cfg);
    assert_int_equal(lis_config_read_file(&cfg, path, &err), LIS_USAGE);
    if (strstr(err.msg, message) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", err.msg, message);
    lis_config_release(&cfg);
    unlink(path);
}

static void
test_bad_settings(void **state)
{
    (void)state;
    expect_refused("[thresholds]\nyellow = 95\nyelow = 80\n",
                   ":3: unknown setting \"yelow\" in section [thresholds]");
    expect_refused("[thresholds]\nyellow = ninety\n", ":2: \"ninety\" is not a number");
    expect_refused("[framework]\nown_goals_min = 2.5\n", "is not a whole number");
    expect_refused("[framework]\nown_goals_min = 6\n", "greater than own_goals_max");
    expect_refused("[output]\nlanguage = de\n", "\"de\" is not da or en");
}

static void
test_values_are_read(void **state)
{
    (void)state;
    char path[] = "/tmp/lis-config-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs("[database]\nconninfo = dbname=kommune\n[thresholds]\nyellow = 85\n"
          "[output]\nlanguage = en\n",
          f);
    fclose(f);
    lis_config cfg;
    lis_error err = {0};
    lis_config_init(&cfg);
    assert_int_equal(lis_config_read_file(&cfg, path, &err), LIS_OK);
    assert_string_equal(cfg.db_conninfo, "dbname=kommune");
    assert_true(cfg.yellow_pct == 85);
    assert_string_equal(cfg.lang, "en");
    lis_config_release(&cfg);
    unlink(path);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_file_is_the_defaults),
        cmocka_unit_test(test_bad_settings),
        cmocka_unit_test(test_values_are_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
