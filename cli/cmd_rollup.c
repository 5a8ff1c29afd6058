/*
 * cmd_rollup.c - lis rollup: not built yet (see the open issues).
 */
#include "cli.h"

static const char usage[] =
"usage: lis rollup --year Y\n";

int
cmd_rollup(int argc, char **argv, lis_cli *cli)
{
    (void)cli;
    return lis_cli_not_yet("rollup", usage, argc, argv);
}
