/*
 * cmd_check.c - lis check: not built yet (see the open issues).
 */
#include "cli.h"

static const char usage[] =
"usage: lis check [--format table|csv]\n";

int
cmd_check(int argc, char **argv, lis_cli *cli)
{
    (void)cli;
    return lis_cli_not_yet("check", usage, argc, argv);
}
