/*
 * xlsx_common.c - formats, cells, names and print setup shared by the
 * workbooks; see xlsx_common.h.
 */
#include "xlsx_common.h"
#include "xlsx.h"

#include "mem.h"
#include "utf8.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static unsigned long max_rows = LXW_ROW_MAX;

void
lis_xlsx_set_max_rows(unsigned long rows)
{
    max_rows = rows < 16 || rows > LXW_ROW_MAX ? LXW_ROW_MAX : rows;
}

unsigned long
xw_max_rows(void)
{
    return max_rows;
}

/* Code points in a UTF-8 string. */
static size_t
utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* The byte length of the first n code points of s. */
static size_t
utf8_prefix(const char *s, size_t n)
{
    size_t i = 0, cp = 0;
    while (s[i]) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (cp == n)
                break;
            cp++;
        }
        i++;
    }
    return i;
}

char *
lis_xlsx_clean_text(const char *text, bool cell)
{
    return lis_utf8_clean(text, cell ? LIS_UTF8_XLSX_CELL : LIS_UTF8_NO_CONTROLS);
}

char *
lis_xlsx_sheet_name(const char *text)
{
    char *s = lis_xlsx_clean_text(text && text[0] ? text : "_", false);
    for (char *p = s; *p; p++)
        if (strchr("[]:*?/\\", *p) || (unsigned char)*p < 0x20)
            *p = '_';
    s[utf8_prefix(s, 31)] = '\0';
    /* Excel refuses a name that starts or ends with an apostrophe */
    if (s[0] == '\'')
        s[0] = '_';
    size_t n = strlen(s);
    if (n > 0 && s[n - 1] == '\'')
        s[n - 1] = '_';
    return s;
}

void
xw_check(xw_book *b, lxw_error e, const char *what)
{
    if (e == LXW_NO_ERROR || b->st != LIS_OK)
        return;
    b->st = lis_error_set(b->err, LIS_OUTPUT, "could not write %s in \"%s\": %s", what,
                          b->path, lxw_strerror(e));
}

/* ------------------------------------------------------------- formats */

static lxw_format *
fmt(xw_book *b, const char *num, bool bold)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (num)
        format_set_num_format(f, num);
    if (bold)
        format_set_bold(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

static void
make_formats(xw_book *b)
{
    bool en = b->lang && strcmp(b->lang, "en") == 0;
    b->title = fmt(b, NULL, true);
    format_set_font_size(b->title, 14);
    b->stamp_fmt = fmt(b, NULL, false);
    format_set_italic(b->stamp_fmt);
    format_set_font_color(b->stamp_fmt, 0x595959);
    b->header = fmt(b, NULL, true);
    format_set_text_wrap(b->header);
    format_set_bg_color(b->header, 0xDDEBF7);
    format_set_bottom(b->header, LXW_BORDER_THIN);
    format_set_align(b->header, LXW_ALIGN_VERTICAL_BOTTOM);
    b->text = fmt(b, "@", false);
    b->wrap = fmt(b, "@", false);
    format_set_text_wrap(b->wrap);
    b->bold = fmt(b, "@", true);
    b->bold_wrap = fmt(b, "@", true);
    format_set_text_wrap(b->bold_wrap);
    b->italic = fmt(b, "@", false);
    format_set_italic(b->italic);
    b->label = fmt(b, "@", true);
    b->integer = fmt(b, "0", false);
    b->money = fmt(b, "#,##0", false);
    b->pct = fmt(b, "0.0 %", false);
    b->date = fmt(b, en ? "yyyy-mm-dd" : "dd-mm-yyyy", false);
    b->month = fmt(b, "mmm yyyy", false);
    format_set_align(b->month, LXW_ALIGN_LEFT);
    for (int d = 0; d <= 10; d++) {
        char f[32] = "#,##0";
        if (d > 0) {
            strcat(f, ".");
            for (int i = 0; i < d; i++)
                strcat(f, "0");
        }
        b->dec[d] = d == 0 ? b->money : fmt(b, f, false);
    }
    static const struct {
        lxw_color_t fill, font;
    } colours[6] = {
        [LIS_LIGHT_NONE] = {0xFFFFFF, 0x000000},
        [LIS_LIGHT_GREEN] = {0xC6EFCE, 0x006100},
        [LIS_LIGHT_YELLOW] = {0xFFEB9C, 0x7F4F00},
        [LIS_LIGHT_RED] = {0xFFC7CE, 0x9C0006},
        [LIS_LIGHT_GREY] = {0xD9D9D9, 0x404040},
        [LIS_LIGHT_NOT_DUE] = {0xF2F2F2, 0x7F7F7F},
    };
    for (int i = 0; i < 6; i++) {
        b->light[i] = fmt(b, "@", i != LIS_LIGHT_NONE);
        if (i != LIS_LIGHT_NONE) {
            format_set_bg_color(b->light[i], colours[i].fill);
            format_set_font_color(b->light[i], colours[i].font);
            format_set_border(b->light[i], LXW_BORDER_THIN);
            format_set_border_color(b->light[i], 0xA6A6A6);
        }
    }
    b->total_text = fmt(b, "@", true);
    format_set_top(b->total_text, LXW_BORDER_THIN);
    b->total_money = fmt(b, "#,##0", true);
    format_set_top(b->total_money, LXW_BORDER_THIN);
}

lis_light
xw_verdict_light(const char *verdict)
{
    if (verdict == NULL || verdict[0] == '\0')
        return LIS_LIGHT_NONE;
    return strstr(verdict, "ikke tilladt") ? LIS_LIGHT_RED
           : strstr(verdict, "politisk")   ? LIS_LIGHT_YELLOW
           : strstr(verdict, "råderum")    ? LIS_LIGHT_GREEN
                                           : LIS_LIGHT_GREY;
}

lxw_format *
xw_dec(xw_book *b, int decimals)
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > 10)
        decimals = 10;
    return b->dec[decimals];
}

/* ---------------------------------------------------------------- book */

static char *
stamp_text(const lis_report *r)
{
    const char *lang = r->stamp.lang;
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_addf(&b, "%s %s", lis_label(LIS_L_AS_OF, lang),
                 r->stamp.period ? r->stamp.period : "");
    if (r->stamp.newest_batch)
        lis_buf_addf(&b, " · %s %ld (%s)", lis_label(LIS_L_NEWEST_BATCH, lang),
                     r->stamp.newest_batch,
                     r->stamp.data_as_of ? r->stamp.data_as_of : "");
    else
        lis_buf_addf(&b, " · %s", lis_label(LIS_L_NO_BATCH, lang));
    /* lis show's workbooks are no run's */
    if (r->stamp.run_id)
        lis_buf_addf(&b, " · %s %ld", lis_label(LIS_L_RUN, lang), r->stamp.run_id);
    return b.data;
}

static time_t
doc_time(const lis_report *r)
{
    int y = 2000, m = 1, d = 1;
    if (r->stamp.data_as_of)
        sscanf(r->stamp.data_as_of, "%d-%d-%d", &y, &m, &d);
    struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12};
    return timegm(&tm);
}

lis_status
xw_open(xw_book *b, const lis_report *r, const char *path, const char *title,
        const char *subject, lis_error *err)
{
    memset(b, 0, sizeof *b);
    b->r = r;
    b->lang = r->stamp.lang ? r->stamp.lang : "da";
    b->err = err;
    b->path = lis_xstrdup(path);
    b->stamp = stamp_text(r);
    lxw_workbook_options opt = {
        .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    b->wb = workbook_new_opt(path, &opt);
    if (b->wb == NULL) {
        b->st = lis_error_set(err, LIS_OUTPUT, "could not create workbook \"%s\"", path);
        xw_abandon(b);
        return LIS_OUTPUT;
    }
    char *clean_title = lis_xlsx_clean_text(title, false);
    char *clean_subject = lis_xlsx_clean_text(subject, false);
    lxw_doc_properties props = {
        .title = clean_title,
        .subject = clean_subject,
        .author = "lis",
        .company = "",
        .comments = b->stamp,
        .created = doc_time(r),
    };
    xw_check(b, workbook_set_properties(b->wb, &props), "document properties");
    free(clean_title);
    free(clean_subject);
    make_formats(b);
    return b->st;
}

static void
free_book(xw_book *b)
{
    for (size_t i = 0; i < b->n_names; i++)
        free(b->names[i]);
    free(b->names);
    free(b->path);
    free(b->stamp);
    b->names = NULL;
    b->path = NULL;
    b->stamp = NULL;
}

lis_status
xw_close(xw_book *b)
{
    errno = 0;
    lxw_error e = workbook_close(b->wb);
    int why = errno;
    b->wb = NULL;
    xw_check(b, e, "the workbook");
    /* libxlsxwriter says "Zip generic error" for a full disk: name the cause */
    if (e != LXW_NO_ERROR && why != 0 && b->st != LIS_OK && b->err &&
        strstr(b->err->msg, strerror(why)) == NULL) {
        size_t len = strlen(b->err->msg);
        snprintf(b->err->msg + len, sizeof b->err->msg - len, " (%s)", strerror(why));
    }
    lis_status st = b->st;
    free_book(b);
    return st;
}

void
xw_abandon(xw_book *b)
{
    if (b->wb) {
        /* libxlsxwriter has no free-without-writing; close writes a file
         * the caller's run removes with its temporary folder. */
        workbook_close(b->wb);
        b->wb = NULL;
    }
    free_book(b);
}

/* --------------------------------------------------------------- sheets */

static bool
name_taken(const xw_book *b, const char *name)
{
    for (size_t i = 0; i < b->n_names; i++)
        if (strcasecmp(b->names[i], name) == 0)
            return true;
    return false;
}

void
xw_sheet_begin(xw_book *b, xw_sheet *s, const char *name, const char *title)
{
    memset(s, 0, sizeof *s);
    s->b = b;
    char *n = lis_xlsx_sheet_name(name);
    for (int k = 2; name_taken(b, n); k++) {
        char *base = lis_xlsx_sheet_name(name);
        char suffix[16];
        snprintf(suffix, sizeof suffix, " (%d)", k);
        base[utf8_prefix(base, 31 - strlen(suffix))] = '\0';
        free(n);
        n = lis_xasprintf("%s%s", base, suffix);
        free(base);
    }
    b->names = lis_xrealloc(b->names, (b->n_names + 1) * sizeof *b->names);
    b->names[b->n_names++] = n;
    s->name = n;
    s->ws = workbook_add_worksheet(b->wb, n);
    if (s->ws == NULL) {
        xw_check(b, LXW_ERROR_SHEETNAME_ALREADY_USED, "a sheet");
        return;
    }
    worksheet_set_row(s->ws, 0, 21, NULL);
    xw_text(s, 0, 0, title, b->title);
    xw_text(s, 1, 0, b->stamp, b->stamp_fmt);
    /* the title and stamp overflow into the next cells; they set no width */
    s->width[0] = 0;
}

void
xw_min_width(xw_sheet *s, int col, double chars)
{
    if (col >= 0 && col < XW_MAX_COLS && s->min_width[col] < chars)
        s->min_width[col] = chars;
}

static void
track(xw_sheet *s, lxw_row_t row, int col, double w)
{
    if (col < 0 || col >= XW_MAX_COLS)
        return;
    if (col + 1 > s->ncols)
        s->ncols = col + 1;
    if (row > s->last_row)
        s->last_row = row;
    if (row >= 2 && w > s->width[col])
        s->width[col] = w;
}

void
xw_header(xw_sheet *s, lxw_row_t row, const char *const *labels, int n)
{
    if (s->ws == NULL)
        return;
    worksheet_set_row(s->ws, row, 30, NULL);
    s->header_row = row;
    for (int c = 0; c < n; c++) {
        xw_check(
            s->b,
            worksheet_write_string(s->ws, row, (lxw_col_t)c, labels[c], s->b->header),
            "a header");
        /* a header may wrap onto two lines: it needs about half its length,
         * and its longest word */
        size_t len = utf8_len(labels[c]), word = 0, longest = 0;
        for (const char *p = labels[c]; *p; p++) {
            if (*p == ' ') {
                word = 0;
                continue;
            }
            if (((unsigned char)*p & 0xC0) != 0x80 && ++word > longest)
                longest = word;
        }
        double w = (double)len / 2 + 1;
        if (w < (double)longest + 1)
            w = (double)longest + 1;
        xw_min_width(s, c, w);
        track(s, row, c, 0);
    }
}

void
xw_text(xw_sheet *s, lxw_row_t row, int col, const char *text, lxw_format *f)
{
    if (s->ws == NULL || text == NULL || text[0] == '\0')
        return;
    /* Excel holds at most 32,767 characters in a cell: a longer text is cut
     * visibly, never silently. */
    char *cut = NULL;
    if (utf8_len(text) > 32000) {
        size_t n = utf8_prefix(text, 32000);
        cut = lis_xasprintf("%.*s […]", (int)n, text);
        text = cut;
    }
    char *clean = lis_xlsx_clean_text(text, true);
    xw_check(s->b, worksheet_write_string(s->ws, row, (lxw_col_t)col, clean, f),
             "a cell");
    free(clean);
    double w = (double)utf8_len(text) + 1;
    if (f == s->b->title)
        w *= 1.4;
    /* wrapped text wraps at 32 characters; the row is made tall enough,
     * since neither Excel nor LibreOffice grows it on opening */
    bool wrap = f == s->b->wrap || f == s->b->bold_wrap;
    double cap = wrap ? 32 : 60;
    if (wrap && w > cap) {
        int lines = (int)ceil(w * 1.15 / (cap - 1));
        if (lines > 15)
            lines = 15;
        if (row != s->tall_row || lines > s->tall_lines) {
            s->tall_row = row;
            s->tall_lines = lines;
            xw_check(s->b, worksheet_set_row(s->ws, row, 15.0 * lines, NULL),
                     "a row height");
        }
    }
    track(s, row, col, w > cap ? cap : w);
    free(cut);
}

static double
number_width(double v, int decimals)
{
    double a = fabs(v);
    int digits = a < 1 ? 1 : (int)floor(log10(a)) + 1;
    return digits + (digits - 1) / 3 + (decimals ? decimals + 1 : 0) + (v < 0) + 2;
}

static int
format_decimals(const xw_book *b, const lxw_format *f)
{
    for (int d = 0; d <= 10; d++)
        if (f == b->dec[d])
            return d;
    return 0;
}

void
xw_num(xw_sheet *s, lxw_row_t row, int col, double v, lxw_format *f)
{
    if (s->ws == NULL)
        return;
    if (isnan(v) || isinf(v)) {
        track(s, row, col, 0);
        return;
    }
    xw_check(s->b, worksheet_write_number(s->ws, row, (lxw_col_t)col, v, f), "a number");
    track(s, row, col, number_width(v, format_decimals(s->b, f)));
}

void
xw_pct(xw_sheet *s, lxw_row_t row, int col, double percent)
{
    if (s->ws == NULL)
        return;
    if (isnan(percent) || isinf(percent)) {
        track(s, row, col, 0);
        return;
    }
    xw_check(s->b,
             worksheet_write_number(s->ws, row, (lxw_col_t)col, percent / 100, s->b->pct),
             "a percentage");
    track(s, row, col, number_width(percent, 1) + 2);
}

void
xw_light(xw_sheet *s, lxw_row_t row, int col, lis_light light, const char *word)
{
    if (s->ws == NULL || light == LIS_LIGHT_NONE)
        return;
    if ((unsigned)light > LIS_LIGHT_NOT_DUE)
        light = LIS_LIGHT_GREY;
    const char *w = word ? word : lis_label_light(light, s->b->lang);
    xw_check(s->b,
             worksheet_write_string(s->ws, row, (lxw_col_t)col, w, s->b->light[light]),
             "a status");
    track(s, row, col, (double)utf8_len(w) + 2);
}

void
xw_date(xw_sheet *s, lxw_row_t row, int col, int y, int m, int d, lxw_format *f)
{
    if (s->ws == NULL || y <= 0)
        return;
    lxw_datetime dt = {.year = y, .month = m, .day = d};
    xw_check(s->b, worksheet_write_datetime(s->ws, row, (lxw_col_t)col, &dt, f),
             "a date");
    track(s, row, col, f == s->b->month ? 10 : 12);
}

void
xw_filter(xw_sheet *s, lxw_row_t last_row, int ncols)
{
    if (s->ws == NULL || s->filtered || ncols <= 0 || last_row <= s->header_row)
        return;
    s->filtered = true;
    xw_check(
        s->b,
        worksheet_autofilter(s->ws, s->header_row, 0, last_row, (lxw_col_t)(ncols - 1)),
        "an autofilter");
}

/* Doubles '&', which starts a code in Excel's header and footer strings. */
static void
add_escaped(lis_buf *b, const char *s, size_t max_cp)
{
    size_t cp = 0;
    for (; *s; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80 && ++cp > max_cp) {
            lis_buf_adds(b, "…");
            return;
        }
        if (*s == '&')
            lis_buf_addc(b, '&');
        lis_buf_addc(b, *s);
    }
}

void
xw_sheet_end(xw_sheet *s, bool filter, bool landscape, int filter_cols)
{
    xw_book *b = s->b;
    if (s->ws == NULL)
        return;
    for (int c = 0; c < s->ncols; c++) {
        double w = s->width[c] > s->min_width[c] ? s->width[c] : s->min_width[c];
        if (w < 6)
            w = 6;
        worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, w * 1.1, NULL);
    }
    if (s->header_row > 0) {
        worksheet_freeze_panes(s->ws, s->header_row + 1, 0);
        worksheet_repeat_rows(s->ws, s->header_row, s->header_row);
        if (filter && !s->filtered)
            xw_filter(s, s->last_row, filter_cols);
    }
    worksheet_set_paper(s->ws, 9); /* A4 */
    if (landscape)
        worksheet_set_landscape(s->ws);
    worksheet_fit_to_pages(s->ws, 1, 0);
    worksheet_set_margins(s->ws, 0.5, 0.5, 0.75, 0.75);

    /* Excel allows 255 characters in a header or footer, codes included */
    lis_buf h;
    lis_buf_init(&h);
    lis_buf_adds(&h, "&L&8");
    add_escaped(&h, s->name, 40);
    lis_buf_adds(&h, "&R&8");
    add_escaped(&h, b->stamp, 150);
    xw_check(b, worksheet_set_header(s->ws, h.data), "the page header");
    lis_buf_reset(&h);
    lis_buf_addf(&h, "&L&8lis&R&8%s &P %s &N", lis_label(LIS_L_PAGE, b->lang),
                 lis_label(LIS_L_OF, b->lang));
    xw_check(b, worksheet_set_footer(s->ws, h.data), "the page footer");
    lis_buf_release(&h);
}
