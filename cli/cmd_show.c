/*
 * cmd_show.c - lis show: not built yet (see the open issues).
 */
#include "cli.h"

static const char usage[] =
"usage: lis show attainment|economy|transfers --period P | --year Y [--agreement ID] [--format table|csv|json]\n";

int
cmd_show(int argc, char **argv, lis_cli *cli)
{
    (void)cli;
    return lis_cli_not_yet("show", usage, argc, argv);
}
