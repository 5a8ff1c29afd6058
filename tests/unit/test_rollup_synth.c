/* test_rollup_synth.c - the synthetic municipality (demo/synth.c): sizes,
 * determinism, the worked example inside it, and every case represented. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "synth.h"

static char *
slurp(const char *dir, const char *kind)
{
    char *path = lis_xasprintf("%s/%s.csv", dir, kind);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = lis_xmalloc((size_t)n + 1);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    free(path);
    return s;
}

static char *
tmpdir(void)
{
    char tmpl[] = "/tmp/lis-synth-XXXXXX";
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    return lis_xstrdup(d);
}

static void
rmdir_all(char *dir)
{
    for (int k = 0; k < LIS_SYNTH_NKINDS; k++) {
        char *p = lis_xasprintf("%s/%s.csv", dir, lis_synth_kinds[k]);
        unlink(p);
        free(p);
    }
    rmdir(dir);
    free(dir);
}

static void
test_scale_one(void **state)
{
    (void)state;
    char *dir = tmpdir();
    lis_synth_stats st;
    lis_error err = {0};
    assert_int_equal(lis_synth_write(dir, 1, 2026, 2026, &st, &err), LIS_OK);
    assert_int_equal(st.agreements, 112);
    assert_true(st.budget_lines > 90000 && st.budget_lines < 120000);
    char *agr = slurp(dir, "agreements");
    assert_non_null(
        strstr(agr, "\nUA-EKS;2026;Udviklingsaftale Skoleområdet 2026;SKO;BUV;UA-BUV;"));
    free(agr);
    char *tgt = slurp(dir, "targets");
    assert_non_null(strstr(tgt, "\nEKS-SYG;sygefravaer;2026;6,0;5,0;;;;linear;"));
    assert_non_null(strstr(tgt, ";custom;"));
    assert_non_null(strstr(tgt, ";progress;"));
    assert_non_null(strstr(tgt, ";ratio;"));
    free(tgt);
    char *ind = slurp(dir, "indicators");
    const char *cases[] = {";sum;", ";mean;",  ";last;",   ";min;",
                           ";max;", ";ratio;", ";maaned;", ";kvartal;",
                           ";aar;", ";op;",    ";ned;",    ";interval;"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_non_null(strstr(ind, cases[i]));
    free(ind);
    char *goals = slurp(dir, "goals");
    const char *kinds[] = {";politisk-strategisk;",
                           ";politisk-driftsnaer;",
                           ";fagligt;",
                           ";eget;",
                           ";koncern;",
                           ";uddannelse;",
                           ";beskaeftigelse;",
                           ";mestring;",
                           ";erhverv;"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        assert_non_null(strstr(goals, kinds[i]));
    free(goals);
    rmdir_all(dir);
}

static void
test_deterministic_and_scaled(void **state)
{
    (void)state;
    char *a = tmpdir(), *b = tmpdir();
    lis_synth_stats sa, sb;
    assert_int_equal(lis_synth_write(a, 2, 7, 2026, &sa, NULL), LIS_OK);
    assert_int_equal(lis_synth_write(b, 2, 7, 2026, &sb, NULL), LIS_OK);
    assert_int_equal(sa.agreements, 2 + 7 + 2 * 103);
    for (int k = 0; k < LIS_SYNTH_NKINDS; k++) {
        char *x = slurp(a, lis_synth_kinds[k]), *y = slurp(b, lis_synth_kinds[k]);
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
    rmdir_all(a);
    rmdir_all(b);
}

static void
test_unwritable_folder(void **state)
{
    (void)state;
    lis_error err = {0};
    assert_int_equal(lis_synth_write("/nonexistent/lis", 1, 1, 2026, NULL, &err),
                     LIS_OUTPUT);
    assert_non_null(strstr(err.msg, "could not create"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scale_one),
        cmocka_unit_test(test_deterministic_and_scaled),
        cmocka_unit_test(test_unwritable_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
