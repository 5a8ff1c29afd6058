/*
 * html_dashboard.c - dashboard-<period>.html: the direktion's quarterly
 * dashboard as one page.
 *
 * The rows and figures of the PDF dashboard (dashboard.c, which also gives
 * the risk order), as a table a reader can sort by any column and filter by
 * a text and by fagområde. The script is a few lines of plain JavaScript;
 * the page's policy allows it by its hash only. Each cell that sorts
 * carries its key in data-v (numbers in C locale), so the script never
 * parses Danish numbers. Below 640 px the rows become cards, the column
 * heads a row of sort buttons.
 */
#include "html.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dashboard.h"
#include "labels.h"

static const char script[] =
    "(function(){'use strict';\n"
    "var t=document.getElementById('dash'),tb=t.tBodies[0],"
    "heads=t.tHead.rows[0].cells,rows=[].slice.call(tb.rows),"
    "q=document.getElementById('q'),ar=document.getElementById('area'),"
    "sh=document.getElementById('shown'),nm=document.getElementById('nomatch');\n"
    "function key(r,i){var c=r.cells[i];return c.hasAttribute('data-v')?"
    "c.getAttribute('data-v'):c.textContent.trim();}\n"
    "function filter(){var s=q.value.trim().toLowerCase(),a=ar.value,n=0;"
    "rows.forEach(function(r){var v=(!s||r.textContent.toLowerCase().indexOf(s)>=0)&&"
    "(!a||r.getAttribute('data-area')===a);r.hidden=!v;if(v)n++;});"
    "sh.textContent=n+' '+sh.getAttribute('data-of')+' '+rows.length+' '+"
    "sh.getAttribute('data-shown');nm.hidden=n>0;}\n"
    "[].forEach.call(heads,function(th,i){th.querySelector('button')."
    "addEventListener('click',function(){"
    "var up=th.getAttribute('aria-sort')!=='ascending',num=th.hasAttribute('data-num');"
    "[].forEach.call(heads,function(h){h.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',up?'ascending':'descending');"
    "rows.sort(function(x,y){var a=key(x,i),b=key(y,i),d;if(num){"
    "a=a===''?NaN:+a;b=b===''?NaN:+b;if(isNaN(a)||isNaN(b))"
    "return isNaN(a)-isNaN(b)||key(x,0)-key(y,0);d=a-b;}"
    "else d=a.localeCompare(b,document.documentElement.lang);"
    "return(up?d:-d)||key(x,0)-key(y,0);});"
    "rows.forEach(function(r){tb.appendChild(r);});});});\n"
    "q.addEventListener('input',filter);ar.addEventListener('change',filter);filter();"
    "})();\n";

static const char dash_style[] =
    ".counts{margin:.4em 0 .8em}.counts .light{margin-right:.9em}\n"
    ".controls{display:flex;flex-wrap:wrap;gap:.5em 1.2em;align-items:center;"
    "margin:.8em 0 .3em}\n"
    ".controls label{font-weight:bold;margin-right:.4em}\n"
    ".controls input,.controls select{font:inherit;padding:.25em .4em;"
    "border:1px solid #888;border-radius:3px;max-width:100%}\n"
    "#dash thead th button{font:inherit;color:inherit;background:none;border:0;"
    "padding:0;cursor:pointer;text-align:inherit;font-weight:bold}\n"
    "#dash th[aria-sort=ascending] button::after{content:' \\25B2'}\n"
    "#dash th[aria-sort=descending] button::after{content:' \\25BC'}\n"
    "#dash tbody th{font-weight:normal}\n"
    "#dash tbody th a{font-weight:bold}\n"
    "#dash .dots{display:block;margin-bottom:.15em}\n"
    "#dash .words{font-size:.85em;color:var(--muted);white-space:nowrap}\n"
    /* Narrow: the cards of html.c; the heads stay as a row of sort buttons. */
    "@media (max-width:640px){#dash thead{position:static;width:auto;height:auto;"
    "clip:auto}\n"
    "#dash thead tr{display:flex;flex-wrap:wrap;gap:.3em}\n"
    "#dash thead th{background:none;border:1px solid var(--head);border-radius:3px;"
    "padding:.15em .45em;color:var(--head);font-size:.9em}}\n"
    "@media print{.controls{display:none}#dash .words{color:inherit}}\n";

typedef struct dash {
    const lis_report *r;
    const char *lang;
    bool en;
    lis_buf *b;
    char quarter[64]; /* "3. kvartal 2026" */
} dash;

static const char *
tr(const dash *d, lis_label_id id)
{
    return lis_label(id, d->lang);
}

static const char *
area_of(const dash *d, const lis_rm_agreement *a)
{
    return a->area_name && *a->area_name ? a->area_name : tr(d, LIS_L_NO_AREA);
}

static int
str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Title, explanation and the counts of lights, as the PDF's header. */
static void
heading(dash *d)
{
    const lis_report *r = d->r;
    lis_buf *b = d->b;
    char buf[512];
    int y, qn;
    if (r->stamp.period && sscanf(r->stamp.period, "%d-Q%d", &y, &qn) == 2)
        snprintf(d->quarter, sizeof d->quarter,
                 lis_label_fmt(LIS_L_QUARTER_YEAR_FMT, d->lang, "%d %d"), qn, y);
    else
        snprintf(d->quarter, sizeof d->quarter, "%s",
                 r->stamp.period ? r->stamp.period : "");
    lis_buf_addf(b, "<header>\n<h1>%s · ", tr(d, LIS_L_DASHBOARD_TITLE));
    lis_html_escape(b, d->quarter);
    snprintf(buf, sizeof buf, lis_label_fmt(LIS_L_DASHBOARD_INTRO_FMT, d->lang, "%s %d"),
             lis_chart_month(r->month, false, d->en), r->year);
    lis_buf_adds(b, "</h1>\n<p class=\"muted\">");
    lis_html_escape(b, buf);
    lis_buf_adds(b, "</p>\n");

    int gc[LIS_LIGHT_NOT_DUE + 1] = {0}, ec[LIS_LIGHT_NOT_DUE + 1] = {0};
    size_t goals = 0;
    for (size_t i = 0; i < r->n_agreements; i++) {
        const lis_rm_agreement *a = &r->agreements[i];
        for (size_t g = 0; g < a->n_goals; g++, goals++)
            gc[lis_dashboard_goal_light(r, &a->goals[g])]++;
        ec[lis_dashboard_economy_light(a)]++;
    }
    snprintf(buf, sizeof buf,
             lis_label_fmt(LIS_L_DASHBOARD_COUNTS_FMT, d->lang, "%zu %zu"),
             r->n_agreements, goals);
    lis_buf_adds(b, "<p class=\"counts\"><strong>");
    lis_html_escape(b, buf);
    lis_buf_adds(b, "</strong> ");
    static const lis_light ls[] = {LIS_LIGHT_RED, LIS_LIGHT_YELLOW, LIS_LIGHT_GREEN,
                                   LIS_LIGHT_GREY, LIS_LIGHT_NOT_DUE};
    static const lis_label_id counted[] = {[LIS_LIGHT_GREEN] = LIS_L_C_GREEN,
                                           [LIS_LIGHT_YELLOW] = LIS_L_C_YELLOW,
                                           [LIS_LIGHT_RED] = LIS_L_C_RED,
                                           [LIS_LIGHT_GREY] = LIS_L_C_GREY,
                                           [LIS_LIGHT_NOT_DUE] = LIS_L_C_NOT_DUE};
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1)
            lis_buf_addf(b, "<br><strong>%s:</strong> ", tr(d, LIS_L_ECONOMY));
        for (size_t k = 0; k < sizeof ls / sizeof *ls; k++) {
            if (pass == 1 && ls[k] == LIS_LIGHT_NOT_DUE)
                continue;
            const char *word = pass == 1 && ls[k] == LIS_LIGHT_GREY
                                   ? tr(d, LIS_L_C_NO_BUDGET)
                                   : tr(d, counted[ls[k]]);
            snprintf(buf, sizeof buf, "%d %s", (pass ? ec : gc)[ls[k]], word);
            lis_buf_adds(b, "<span class=\"light\">");
            lis_html_dot(b, ls[k], lis_label_light(ls[k], d->lang));
            lis_html_escape(b, buf);
            lis_buf_adds(b, "</span> ");
        }
    }
    lis_buf_adds(b, "</p>\n</header>\n");
}

/* The text box, the fagområde choice and the count of rows shown. */
static void
controls(dash *d)
{
    const lis_report *r = d->r;
    lis_buf *b = d->b;
    lis_buf_addf(b,
                 "<div class=\"controls noprint\">\n<span><label for=\"q\">%s</label>"
                 "<input id=\"q\" type=\"search\" autocomplete=\"off\"></span>\n"
                 "<span><label for=\"area\">%s</label><select id=\"area\">"
                 "<option value=\"\">%s</option>",
                 tr(d, LIS_L_HTML_SEARCH), tr(d, LIS_L_AREA),
                 tr(d, LIS_L_HTML_ALL_AREAS));
    const char **areas = lis_xcalloc(r->n_agreements + 1, sizeof *areas);
    for (size_t i = 0; i < r->n_agreements; i++)
        areas[i] = area_of(d, &r->agreements[i]);
    qsort(areas, r->n_agreements, sizeof *areas, str_cmp);
    for (size_t i = 0; i < r->n_agreements; i++) {
        if (i > 0 && strcmp(areas[i], areas[i - 1]) == 0)
            continue;
        lis_buf_adds(b, "<option value=\"");
        lis_html_escape(b, areas[i]);
        lis_buf_adds(b, "\">");
        lis_html_escape(b, areas[i]);
        lis_buf_adds(b, "</option>");
    }
    free(areas);
    lis_buf_addf(b,
                 "</select></span>\n<span id=\"shown\" role=\"status\" data-of=\"%s\" "
                 "data-shown=\"%s\"></span>\n</div>\n"
                 "<p class=\"muted noprint\">%s</p>\n",
                 tr(d, LIS_L_OF), tr(d, LIS_L_HTML_SHOWN), tr(d, LIS_L_HTML_SORT_HINT));
}

/* A column head: a button that sorts; num: by the number in data-v, right:
 * aligned right as its figures are. */
static void
head_cell(dash *d, const char *label, bool num, bool right, bool sorted)
{
    lis_buf_addf(d->b, "<th scope=\"col\"%s%s%s><button type=\"button\">",
                 right ? " class=\"num\"" : "", num ? " data-num" : "",
                 sorted ? " aria-sort=\"ascending\"" : "");
    lis_html_escape(d->b, label);
    lis_buf_adds(d->b, "</button></th>");
}

/* Opens a cell with its label for the narrow layout and its sort key. */
static void
cell(dash *d, const char *label, const char *cls, const char *key)
{
    lis_buf_adds(d->b, "<td data-label=\"");
    lis_html_escape(d->b, label);
    lis_buf_adds(d->b, "\"");
    if (cls)
        lis_buf_addf(d->b, " class=\"%s\"", cls);
    if (key) {
        lis_buf_adds(d->b, " data-v=\"");
        lis_html_escape(d->b, key);
        lis_buf_adds(d->b, "\"");
    }
    lis_buf_adds(d->b, ">");
}

static void
goals_cell(dash *d, const lis_rm_agreement *a)
{
    lis_buf *b = d->b;
    int n[LIS_LIGHT_NOT_DUE + 1] = {0};
    for (size_t g = 0; g < a->n_goals; g++)
        n[lis_dashboard_goal_light(d->r, &a->goals[g])]++;
    /* Most at risk sorts last going up: red, then yellow, then no data. */
    char key[64];
    snprintf(key, sizeof key, "%d",
             n[LIS_LIGHT_RED] * 10000 + n[LIS_LIGHT_YELLOW] * 100 + n[LIS_LIGHT_GREY]);
    cell(d, tr(d, LIS_L_GOALS), NULL, key);
    if (a->n_goals == 0) {
        lis_buf_addf(b, "<span class=\"words\">%s</span></td>", tr(d, LIS_L_NO_GOALS));
        return;
    }
    lis_buf_adds(b, "<span class=\"dots\">");
    for (size_t g = 0; g < a->n_goals; g++) {
        const lis_rm_goal *goal = &a->goals[g];
        lis_light l = lis_dashboard_goal_light(d->r, goal);
        char *text =
            lis_xasprintf("%s %s: %s", goal->goal_id, goal->title ? goal->title : "",
                          lis_label_light(l, d->lang));
        lis_html_dot(b, l, text);
        free(text);
    }
    lis_buf_adds(b, "</span><span class=\"words\">");
    static const lis_light ls[] = {LIS_LIGHT_RED, LIS_LIGHT_YELLOW, LIS_LIGHT_GREEN,
                                   LIS_LIGHT_GREY, LIS_LIGHT_NOT_DUE};
    bool first = true;
    for (size_t k = 0; k < sizeof ls / sizeof *ls; k++) {
        if (n[ls[k]] == 0)
            continue;
        lis_buf_addf(b, "%s%s %d", first ? "" : " · ", lis_label_light(ls[k], d->lang),
                     n[ls[k]]);
        first = false;
    }
    lis_buf_adds(b, "</span></td>");
}

static void
row(dash *d, size_t rank, const lis_rm_agreement *a, const lis_html_dashboard_opts *o)
{
    lis_buf *b = d->b;
    char key[64], num[64];
    lis_buf_adds(b, "<tr data-area=\"");
    lis_html_escape(b, area_of(d, a));
    lis_buf_adds(b, "\">");
    snprintf(key, sizeof key, "%zu", rank);
    cell(d, tr(d, LIS_L_HTML_RANK), "num", key);
    lis_buf_addf(b, "%zu</td>", rank);

    /* The agreement: a link to its page of the monthly run when it is there. */
    lis_buf_adds(b, "<th scope=\"row\" data-v=\"");
    lis_html_escape(b, a->agreement_id);
    lis_buf_adds(b, "\">");
    char *name = lis_html_agreement_name(a);
    char *page = o && o->pages_dir ? lis_xasprintf("%s/%s", o->pages_dir, name) : NULL;
    if (page && access(page, R_OK) == 0) {
        lis_buf_adds(b, "<a href=\"");
        lis_html_escape(b, o->pages_href);
        lis_html_escape(b, name);
        lis_buf_addf(b, "\" title=\"%s\">", tr(d, LIS_L_HTML_MONTHLY_REPORT));
        lis_html_escape(b, a->agreement_id);
        lis_buf_adds(b, "</a>");
    } else {
        lis_buf_adds(b, "<strong>");
        lis_html_escape(b, a->agreement_id);
        lis_buf_adds(b, "</strong>");
    }
    free(page);
    free(name);
    const char *who = a->holder_name && *a->holder_name ? a->holder_name : a->name;
    lis_buf_adds(b, " ");
    lis_html_escape(b, who);
    if (a->name && who != a->name) {
        lis_buf_adds(b, "<span class=\"goalmeta\">");
        lis_html_escape(b, a->name);
        lis_buf_adds(b, "</span>");
    }
    lis_buf_adds(b, "</th>");

    cell(d, tr(d, LIS_L_AREA), NULL, NULL);
    lis_html_escape(b, area_of(d, a));
    lis_buf_adds(b, "</td>");
    goals_cell(d, a);

    lis_light el = lis_dashboard_economy_light(a);
    static const int risk[] = {
        [LIS_LIGHT_NONE] = 0, [LIS_LIGHT_GREEN] = 1, [LIS_LIGHT_YELLOW] = 3,
        [LIS_LIGHT_RED] = 4,  [LIS_LIGHT_GREY] = 2,  [LIS_LIGHT_NOT_DUE] = 0};
    snprintf(key, sizeof key, "%d", risk[el]);
    cell(d, tr(d, LIS_L_ECONOMY), NULL, key);
    if (a->economy.has_budget)
        lis_html_light(b, el, d->lang);
    else
        lis_buf_addf(b,
                     "<span class=\"light\"><span class=\"lt grey\" aria-hidden=\"true\">"
                     "</span>%s</span>",
                     tr(d, LIS_L_NO_BUDGET_LC));
    lis_buf_adds(b, "</td>");

    double dev = a->economy.forecast_now - a->economy.annual_budget;
    if (a->economy.has_budget && isfinite(dev)) {
        snprintf(key, sizeof key, "%.0f", dev);
        cell(d, tr(d, LIS_L_HTML_DEV_KR), "num", key);
        lis_chart_number(dev / 1000, 0, d->en, num, sizeof num);
        lis_buf_addf(b, "%s%s</td>", dev >= 500 ? "+" : "", num);
    } else {
        cell(d, tr(d, LIS_L_HTML_DEV_KR), "num", "");
        lis_buf_adds(b, "–</td>");
    }
    double p = lis_dashboard_forecast_dev_pct(a);
    if (isfinite(p)) {
        snprintf(key, sizeof key, "%.6f", p);
        cell(d, tr(d, LIS_L_HTML_DEV_PCT), "num", key);
        lis_chart_number(p, 1, d->en, num, sizeof num);
        lis_buf_addf(b, "%s%s</td>", p >= 0.05 ? "+" : "", num);
    } else {
        cell(d, tr(d, LIS_L_HTML_DEV_PCT), "num", "");
        lis_buf_adds(b, "–</td>");
    }
    lis_buf_adds(b, "</tr>\n");
}

lis_status
lis_html_dashboard_write(const lis_report *r, const char *path,
                         const lis_html_dashboard_opts *opts, lis_error *err)
{
    lis_buf b;
    lis_buf_init(&b);
    dash d = {
        .r = r, .lang = r->stamp.lang, .en = lis_chart_lang_en(r->stamp.lang), .b = &b};
    char *title = lis_xasprintf("%s %s", tr(&d, LIS_L_DASHBOARD_TITLE),
                                r->stamp.period ? r->stamp.period : "");
    lis_html_begin(&b, d.lang, title, dash_style, script);
    lis_buf_adds(&b, "<main>\n");
    heading(&d);
    controls(&d);
    lis_buf_addf(
        &b, "<div class=\"scroll\"><table id=\"dash\" class=\"cards\">\n<caption>%s · ",
        tr(&d, LIS_L_AGREEMENTS));
    lis_html_escape(&b, d.quarter);
    lis_buf_adds(&b, "</caption>\n<thead><tr>");
    head_cell(&d, tr(&d, LIS_L_HTML_RANK), true, true, true);
    head_cell(&d, tr(&d, LIS_L_AGREEMENT), false, false, false);
    head_cell(&d, tr(&d, LIS_L_AREA), false, false, false);
    head_cell(&d, tr(&d, LIS_L_GOALS), true, false, false);
    head_cell(&d, tr(&d, LIS_L_ECONOMY), true, false, false);
    head_cell(&d, tr(&d, LIS_L_HTML_DEV_KR), true, true, false);
    head_cell(&d, tr(&d, LIS_L_HTML_DEV_PCT), true, true, false);
    lis_buf_adds(&b, "</tr></thead>\n<tbody>\n");
    size_t *order = lis_dashboard_order(r);
    for (size_t i = 0; i < r->n_agreements; i++)
        row(&d, i + 1, &r->agreements[order[i]], opts);
    free(order);
    lis_buf_addf(&b, "</tbody>\n</table></div>\n<p id=\"nomatch\" hidden>%s</p>\n",
                 tr(&d, LIS_L_HTML_NO_MATCH));
    lis_buf_adds(&b, "</main>\n");
    free(title);
    lis_html_end(&b, &r->stamp, script);
    lis_status st = lis_html_save(&b, path, err);
    lis_buf_release(&b);
    return st;
}
