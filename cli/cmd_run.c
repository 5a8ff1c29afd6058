/*
 * cmd_run.c - lis run: not built yet (see the open issues).
 */
#include "cli.h"

static const char usage[] =
"usage: lis run monthly|quarterly|status|annual --period P | --year Y [--agreement ID...] [--out DIR] [--jobs N]\n";

int
cmd_run(int argc, char **argv, lis_cli *cli)
{
    (void)cli;
    return lis_cli_not_yet("run", usage, argc, argv);
}
