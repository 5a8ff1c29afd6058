/* sql.c - lookup of embedded SQL files; see sql.h. */
#include "sql.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *
lis_sql(const char *name)
{
    for (const lis_sql_file *f = lis_sql_files; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f->text;
    fprintf(stderr, "lis: bug: no embedded SQL file \"%s\"\n", name);
    abort();
}
