/*
 * cmd_help.c - lis help [COMMAND]: the manual page of lis or of a command.
 *
 * The pages are written once in scdoc (man/NAME.scd); the build renders each to
 * plain text at 80 columns with man(1) and embeds it (man/CMakeLists.txt), so
 * help is the manual page's very text and needs no man, no installed page
 * and no MANPATH: it works from the build tree as from a package.
 */
#include "cli.h"
#include "sql.h"

#include <stdio.h>
#include <string.h>

/* The rendered pages, named "lis-run.1.txt" and so on (help_embedded.c). */
extern const lis_sql_file lis_help_pages[];

static const char usage[] =
    "usage: lis help [COMMAND | lis.conf]\n"
    "\n"
    "Shows the manual page of lis, of a command (lis help run is lis-run(1))\n"
    "or of the configuration file (lis help lis.conf is lis.conf(5)).\n";

/* The page named page, or NULL. */
static const char *
find_page(const char *page)
{
    for (const lis_sql_file *p = lis_help_pages; p->name; p++)
        if (strcmp(p->name, page) == 0)
            return p->text;
    return NULL;
}

int
cmd_help(int argc, char **argv, lis_cli *cli)
{
    (void)cli;
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    if (argc > 2)
        return lis_cli_usage_error(usage, "one command at a time");
    const char *topic = argc == 2 ? argv[1] : NULL;
    char page[64];
    if (topic == NULL || strcmp(topic, "lis") == 0)
        snprintf(page, sizeof page, "lis.1.txt");
    else if (strcmp(topic, "lis.conf") == 0)
        snprintf(page, sizeof page, "lis.conf.5.txt");
    else if (strlen(topic) < 40 && strchr(topic, '.') == NULL)
        snprintf(page, sizeof page, "lis-%s.1.txt", topic);
    else
        page[0] = '\0';
    const char *text = page[0] ? find_page(page) : NULL;
    if (text == NULL)
        return lis_cli_usage_error(usage, "no manual page for \"%s\"", topic);
    fputs(text, stdout);
    return LIS_OK;
}
