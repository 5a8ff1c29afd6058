/*
 * cli.c - helpers shared by the commands; see cli.h.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int
lis_cli_fail(const lis_error *err)
{
    if (err->code == LIS_OK) {
        fprintf(stderr, "lis: error: unknown failure (this is a bug)\n");
        return LIS_DB;
    }
    fprintf(stderr, "lis: error: %s\n", err->msg);
    if (err->detail[0])
        fprintf(stderr, "DETAIL: %s\n", err->detail);
    if (err->hint[0])
        fprintf(stderr, "HINT: %s\n", err->hint);
    return err->code;
}

int
lis_cli_usage_error(const char *usage, const char *fmt, ...)
{
    va_list ap;
    fputs("lis: error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    /* The synopsis only: up to the first blank line. */
    const char *end = strstr(usage, "\n\n");
    int len = end ? (int)(end - usage) : (int)strlen(usage);
    fprintf(stderr, "\n%.*s\n(\"--help\" shows more)\n", len, usage);
    return LIS_USAGE;
}

void
lis_cli_warn(const char *fmt, ...)
{
    va_list ap;
    fputs("lis: warning: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

const char *
lis_cli_option(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    if (*i + 1 >= argc)
        return "";
    return argv[++*i];
}

int
lis_cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return 0;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return 1;
    }
    return 0;
}

PGconn *
lis_cli_db(lis_cli *cli, lis_db_schema schema, lis_error *err)
{
    return lis_db_open(cli->db, &cli->cfg, schema, err);
}
