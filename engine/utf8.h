/*
 * utf8.h - text from the database made safe for the formats lis writes
 * (workbook XML, PDF and PNG text through cairo and pango). PostgreSQL
 * stores any code point, but XML 1.0 forbids U+FFFE and U+FFFF and cairo
 * refuses every noncharacter, so one such character in a name would break
 * a report for everyone.
 */
#ifndef LIS_UTF8_H
#define LIS_UTF8_H

enum {
    /* control characters other than TAB, LF and CR become spaces (XML
     * titles, sheet names and properties have no escape for them) */
    LIS_UTF8_NO_CONTROLS = 1 << 0,
    /* a cell's text: a literal "_xHHHH_" is written "_x005F_xHHHH_" as
     * ECMA-376 asks; control characters are left to libxlsxwriter, which
     * escapes them as _x0001_ */
    LIS_UTF8_XLSX_CELL = 1 << 1,
};

/*
 * The text with every byte that is not well-formed UTF-8 (stray, overlong,
 * a surrogate, beyond U+10FFFF) and every noncharacter (U+FDD0..U+FDEF,
 * U+xxFFFE, U+xxFFFF) replaced by U+FFFD, and the flags applied. Any other
 * text comes back byte for byte. NULL is taken as "". Newly allocated.
 */
char *lis_utf8_clean(const char *text, unsigned flags);

#endif
