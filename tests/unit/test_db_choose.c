/* test_db_choose.c - the database precedence of SPEC section 5. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "db.h"

static void
clear_env(void)
{
    const char *vars[] = {"LIS_DB", "PGHOST",     "PGHOSTADDR",
                          "PGPORT", "PGDATABASE", "PGSERVICE"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
        unsetenv(vars[i]);
}

static void
test_precedence(void **state)
{
    (void)state;
    lis_config cfg;
    const char *ci;
    lis_config_init(&cfg);
    clear_env();

    assert_int_equal(lis_db_choose(NULL, &cfg, &ci), LIS_DB_EMBEDDED);
    assert_null(ci);

    cfg.db_conninfo = "dbname=from_config";
    assert_int_equal(lis_db_choose(NULL, &cfg, &ci), LIS_DB_CONFIG);
    assert_string_equal(ci, "dbname=from_config");

    setenv("PGSERVICE", "kommune", 1);
    assert_int_equal(lis_db_choose(NULL, &cfg, &ci), LIS_DB_PGENV);
    assert_string_equal(ci, "");

    setenv("LIS_DB", "dbname=from_env", 1);
    assert_int_equal(lis_db_choose(NULL, &cfg, &ci), LIS_DB_ENV);
    assert_string_equal(ci, "dbname=from_env");

    assert_int_equal(lis_db_choose("dbname=from_option", &cfg, &ci), LIS_DB_OPTION);
    assert_string_equal(ci, "dbname=from_option");

    /* An empty variable counts as unset. */
    setenv("LIS_DB", "", 1);
    assert_int_equal(lis_db_choose(NULL, &cfg, &ci), LIS_DB_PGENV);
    cfg.db_conninfo = NULL;
    clear_env();
    lis_config_release(&cfg);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_precedence)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
