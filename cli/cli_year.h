/* cli_year.h - parsing a year option, shared by rollup, show and check. */
#ifndef LIS_CLI_YEAR_H
#define LIS_CLI_YEAR_H
/* Parses a year 1900..2999 written with four digits; -1 when text is not one. */
int lis_cli_parse_year(const char *text);
#endif
