/*
 * cmd_batch.c - lis batch: not built yet (see the open issues).
 */
#include "cli.h"

static const char usage[] =
"usage: lis batch ls | rm ID\n";

int
cmd_batch(int argc, char **argv, lis_cli *cli)
{
    (void)cli;
    return lis_cli_not_yet("batch", usage, argc, argv);
}
