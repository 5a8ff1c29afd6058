/*
 * fuzz_profile.c - connector profiles (connectors/profile.c), INI read
 * with inih: every key, list and value check.
 *
 * The input is the profile file. A profile that loads must be usable: its
 * number format and field lookups are exercised as import does.
 */
#include <stdlib.h>

#include "fuzz_util.h"
#include "profile.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lis_profile p;
    lis_profile_init(&p);
    lis_error err = {0};
    lis_status st = lis_profile_read_file(&p, lis_fuzz_file(data, size), &err);
    if (st != LIS_OK && err.code == LIS_OK)
        abort(); /* a failure must say why */
    if (st == LIS_OK) {
        (void)lis_profile_numfmt(&p, ';');
        (void)lis_profile_numfmt(&p, ',');
        for (int i = 0; i < p.nmap; i++)
            if (lis_profile_find(&p, p.map[i].field) == NULL)
                abort();
        if (p.header_search < 1 || p.skip_lines < 0)
            abort();
        if (p.period_format && !lis_period_format_valid(p.period_format))
            abort();
    }
    lis_profile_release(&p);
    return 0;
}
