/*
 * cmd_import.c - lis import: not built yet (see the open issues).
 */
#include "cli.h"

static const char usage[] =
"usage: lis import KIND FILE... [--profile NAME] [--partial] [--force] [--dry-run]\n";

int
cmd_import(int argc, char **argv, lis_cli *cli)
{
    (void)cli;
    return lis_cli_not_yet("import", usage, argc, argv);
}
