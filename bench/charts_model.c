/*
 * charts_model.c - see charts_model.h. Figures are made up but shaped like
 * the seed municipality's: sick leave in percent (ratio, lower is better),
 * counts summed per month, a quarterly user survey, an interval indicator.
 */
#include "charts_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

static unsigned long rng_state;

static double
rnd(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)((rng_state >> 33) & 0xffffff) / 16777216.0;
}

static lis_light
light_of(double att)
{
    if (!isfinite(att))
        return LIS_LIGHT_GREY;
    return att >= 100 ? LIS_LIGHT_GREEN : att >= 90 ? LIS_LIGHT_YELLOW : LIS_LIGHT_RED;
}

static const char *const areas[] = {"Børn og Unge",     "Sundhed og Ældre",
                                    "Beskæftigelse",    "Teknik og Miljø",
                                    "Kultur og Fritid", "Social og Handicap"};
static const char *const places[] = {"Nørrebro", "Østerby", "Ådalen",    "Søndervang",
                                     "Bøgeskov", "Kærby",   "Fjordbyen", "Møllehøj"};
static const char *const ind_names[][3] = {
    /* name, unit, direction */
    {"Sygefravær", "pct", "ned"},
    {"Antal borgere i løntilskud", "antal", "op"},
    {"Brugertilfredshed", "score", "op"},
    {"Ventetid på visitation", "dage", "interval"},
    {"Andel elever med 02 i dansk og matematik", "pct", "op"},
    {"Antal genindlæggelser", "antal", "ned"},
    {"Tilfredshed med hjemmeplejen", "score", "op"},
    {"Udgift pr. borger", "kr", "ned"},
    {"Fremmøde i dagtilbud", "pct", "op"},
    {"Sagsbehandlingstid", "dage", "ned"},
};

static void
fill_indicator(lis_rm_indicator *ind, int k, int month, double skill)
{
    const char *const *nm = ind_names[k % 10];
    ind->indicator_id = lis_xasprintf("IND%02d", k + 1);
    ind->name = lis_xstrdup(nm[0]);
    ind->unit = lis_xstrdup(nm[1]);
    ind->direction = lis_xstrdup(nm[2]);
    bool quarterly = k % 10 == 2 || k % 10 == 6;
    bool sum = strcmp(nm[1], "antal") == 0;
    ind->aggregation = lis_xstrdup(sum                         ? "sum"
                                   : strcmp(nm[1], "pct") == 0 ? "ratio"
                                                               : "mean");
    ind->frequency = lis_xstrdup(quarterly ? "kvartal" : "maaned");
    ind->decimals = strcmp(nm[1], "kr") == 0 ? 0 : 1;
    ind->weight = 1;
    ind->low = ind->high = NAN;
    double base = strcmp(nm[1], "pct") == 0     ? 5 + rnd() * 70
                  : strcmp(nm[1], "kr") == 0    ? 40000 + rnd() * 30000
                  : strcmp(nm[1], "score") == 0 ? 3 + rnd() * 1.5
                                                : 10 + rnd() * 200;
    bool up = strcmp(nm[2], "op") == 0;
    bool interval = strcmp(nm[2], "interval") == 0;
    if (interval) {
        ind->low = base * 0.8;
        ind->high = base * 1.1;
    }
    double ysum_a = 0, ysum_t = 0;
    int nv = 0;
    for (int m = 0; m < 12; m++) {
        double t = up ? base * (1 + 0.01 * m) : base * (1 - 0.008 * m);
        ind->target[m] = interval ? NAN : t;
        double noise = (rnd() - 0.5) * 0.12;
        double a = t * (skill + noise) * (up ? 1 : 1 / skill);
        ind->actual[m] = (m < month && !quarterly && rnd() > 0.04) ? a : NAN;
        double att = NAN;
        if (isfinite(ind->actual[m]))
            att = interval ? (a < ind->low    ? a / ind->low * 100
                              : a > ind->high ? ind->high / a * 100
                                              : 100)
                  : up     ? a / t * 100
                           : t / a * 100;
        ind->attainment[m] = att;
        ind->status[m] = m >= month  ? LIS_LIGHT_NONE
                         : quarterly ? LIS_LIGHT_NOT_DUE
                                     : light_of(att);
        if (isfinite(ind->actual[m])) {
            ysum_a += ind->actual[m];
            ysum_t += t;
            nv++;
        }
    }
    for (int q = 0; q < 4; q++) {
        double t = up ? base * (1 + 0.03 * q) : base * (1 - 0.02 * q);
        ind->q_target[q] = interval ? NAN : t;
        double a = t * (skill + (rnd() - 0.5) * 0.1) * (up ? 1 : 1 / skill);
        bool due = (q + 1) * 3 <= month;
        ind->q_actual[q] = due ? a : NAN;
        ind->q_attainment[q] = due ? (up ? a / t * 100 : t / a * 100) : NAN;
        ind->q_status[q] = due ? light_of(ind->q_attainment[q]) : LIS_LIGHT_NOT_DUE;
    }
    if (quarterly) {
        int q = month / 3;
        ind->ytd_actual = q > 0 ? ind->q_actual[q - 1] : NAN;
        ind->ytd_target = q > 0 ? ind->q_target[q - 1] : NAN;
        ind->ytd_attainment = q > 0 ? ind->q_attainment[q - 1] : NAN;
        ind->ytd_status = q > 0 ? ind->q_status[q - 1] : LIS_LIGHT_NOT_DUE;
    } else {
        ind->ytd_actual = nv ? ysum_a / nv : NAN;
        ind->ytd_target = nv ? ysum_t / nv : NAN;
        ind->ytd_attainment =
            nv ? (up || interval ? ind->ytd_actual / ind->ytd_target * 100
                                 : ind->ytd_target / ind->ytd_actual * 100)
               : NAN;
        ind->ytd_status = light_of(ind->ytd_attainment);
    }
    ind->year_actual = NAN;
    ind->year_target = ind->target[11];
    ind->year_attainment = NAN;
    ind->year_status = LIS_LIGHT_GREY;
}

static void
fill_goal_status(lis_rm_goal *g, int month)
{
    for (int m = 0; m < 12; m++) {
        double s = 0;
        int n = 0;
        bool all_green = true;
        for (size_t i = 0; i < g->n_indicators; i++) {
            double a = g->indicators[i].attainment[m];
            if (isfinite(a)) {
                s += fmin(a, 100);
                n++;
                all_green &= a >= 100;
            }
        }
        g->attainment[m] = n ? s / n : NAN;
        g->status[m] = m >= month ? LIS_LIGHT_NONE
                       : !n       ? LIS_LIGHT_GREY
                       : all_green
                           ? LIS_LIGHT_GREEN
                           : light_of(g->attainment[m] < 100 ? g->attainment[m] : 99);
    }
    double s = 0;
    int n = 0;
    bool all_green = true;
    for (size_t i = 0; i < g->n_indicators; i++) {
        double a = g->indicators[i].ytd_attainment;
        if (isfinite(a)) {
            s += fmin(a, 100);
            n++;
            all_green &= a >= 100;
        }
    }
    g->ytd_attainment = n ? s / n : NAN;
    g->ytd_status = !n          ? LIS_LIGHT_GREY
                    : all_green ? LIS_LIGHT_GREEN
                                : light_of(fmin(g->ytd_attainment, 99.9));
    for (int q = 0; q < 4; q++) {
        g->q_status[q] = (q + 1) * 3 <= month ? g->ytd_status : LIS_LIGHT_NOT_DUE;
        g->q_attainment[q] = (q + 1) * 3 <= month ? g->ytd_attainment : NAN;
    }
    g->year_status = LIS_LIGHT_GREY;
    g->year_attainment = NAN;
}

static const char *const goal_titles[] = {
    "Flere borgere i job eller uddannelse gennem en tidlig og helhedsorienteret indsats",
    "Lavere sygefravær og et godt arbejdsmiljø",
    "Børn og unge trives og lærer mere",
    "Ældre borgere mestrer eget liv længst muligt",
    "Hurtigere og mere sammenhængende sagsbehandling for virksomheder",
};
static const char *const kinds[] = {"politisk-strategisk", "eget", "fagligt", "eget",
                                    "koncern"};
static const char *const focus[] = {"beskaeftigelse", NULL, "uddannelse", "mestring",
                                    "erhverv"};

lis_report *
charts_model_new(int n, int month, unsigned seed)
{
    rng_state = seed * 2654435761UL + 1;
    lis_report *r = lis_xcalloc(1, sizeof *r);
    r->year = 2026;
    r->month = month;
    char period[16];
    snprintf(period, sizeof period, "2026-%02d", month);
    r->stamp.period = lis_xstrdup(period);
    r->stamp.newest_batch = 42;
    r->stamp.data_as_of = lis_xasprintf("2026-%02d-05", month < 12 ? month + 1 : 12);
    r->stamp.run_id = 7;
    r->stamp.lang = lis_xstrdup("da");
    r->n_agreements = (size_t)n;
    r->agreements = lis_xcalloc((size_t)n, sizeof *r->agreements);
    for (int i = 0; i < n; i++) {
        lis_rm_agreement *a = &r->agreements[i];
        const char *area = areas[i % 6];
        const char *place = places[(i / 6) % 8];
        a->agreement_id = lis_xasprintf("A%03d", i + 1);
        a->name = lis_xasprintf("%s, %s %d", area, place, i / 48 + 1);
        a->status = lis_xstrdup(i % 17 == 0 ? "udkast" : "godkendt");
        a->year = 2026;
        a->level = i < 6 ? 1 : 2;
        a->holder_unit = lis_xasprintf("U%03d", i + 1);
        a->holder_name = lis_xasprintf("%s %s", place, area);
        a->holder_leader =
            lis_xstrdup(i % 3 ? "Søren Ærø Østergaard" : "Anne-Grethe Kjær");
        a->grantor_unit = lis_xstrdup(a->level == 1 ? "DIR" : "FAG");
        a->grantor_name =
            lis_xstrdup(a->level == 1 ? "Direktionen" : "Fagchef for området");
        a->parent_agreement = a->level == 2 ? lis_xasprintf("A%03d", i % 6 + 1) : NULL;
        a->area_unit = lis_xasprintf("F%d", i % 6);
        a->area_name = lis_xstrdup(area);
        double skill = 0.86 + rnd() * 0.22;
        a->n_goals = 5;
        a->goals = lis_xcalloc(5, sizeof *a->goals);
        int k = 0;
        for (int gi = 0; gi < 5; gi++) {
            lis_rm_goal *g = &a->goals[gi];
            g->goal_id = lis_xasprintf("M%d", gi + 1);
            g->title = lis_xstrdup(goal_titles[gi]);
            g->kind = lis_xstrdup(kinds[gi]);
            g->focus_area = focus[gi] ? lis_xstrdup(focus[gi]) : NULL;
            g->cross_cutting = gi == 1;
            g->owned = gi != 4 || i % 5 != 0;
            g->owner_agreement = lis_xstrdup(g->owned ? a->agreement_id : "A001");
            g->qualitative = gi == 4;
            g->n_indicators = gi == 4 ? 0 : gi == 3 ? 1 : 3;
            g->indicators = g->n_indicators
                                ? lis_xcalloc(g->n_indicators, sizeof *g->indicators)
                                : NULL;
            for (size_t ii = 0; ii < g->n_indicators; ii++)
                fill_indicator(&g->indicators[ii], k++, month,
                               skill + (rnd() - 0.5) * 0.1);
            if (g->qualitative) {
                for (int m = 0; m < 12; m++) {
                    g->status[m] = m >= month ? LIS_LIGHT_NONE
                                   : m < 2    ? LIS_LIGHT_GREY
                                              : LIS_LIGHT_YELLOW;
                    g->attainment[m] = NAN;
                }
                for (int q = 0; q < 4; q++) {
                    g->q_status[q] = LIS_LIGHT_YELLOW;
                    g->q_attainment[q] = NAN;
                }
                g->ytd_status = LIS_LIGHT_YELLOW;
                g->ytd_attainment = g->year_attainment = NAN;
                g->year_status = LIS_LIGHT_GREY;
                g->comment_status = lis_xstrdup("forsinket");
                g->comment_period = lis_xstrdup("2026-Q2");
                g->comment_author = lis_xstrdup("Søren Ærø Østergaard");
                g->comment = lis_xstrdup(
                    "Samarbejdet med erhvervshuset er i gang, men den fælles indgang for "
                    "virksomheder åbner først i 1. kvartal næste år på grund af forsinket "
                    "it-understøttelse. Målet forventes nået i 2027.");
            } else {
                fill_goal_status(g, month);
                if (gi == 1) {
                    g->comment_status = lis_xstrdup("paa-sporet");
                    g->comment_period = lis_xstrdup("2026-Q2");
                    g->comment =
                        lis_xstrdup("Fraværssamtaler er indført på alle matrikler.");
                }
            }
        }
        lis_rm_economy *e = &a->economy;
        e->has_budget = i % 37 != 5;
        double annual = e->has_budget ? 5e6 + rnd() * 120e6 : 0;
        double burn = 0.94 + rnd() * 0.12;
        double cb = 0, ca = 0;
        e->annual_budget = annual;
        for (int m = 0; m < 12; m++) {
            double season = 1 + 0.25 * sin((m + 1) * 0.9);
            e->budget[m] = annual / 12 * (m == 6 ? 0.6 : 1.0) * (m == 11 ? 1.4 : 1);
            e->actual[m] =
                m < month ? e->budget[m] * burn * season * (0.95 + rnd() * 0.1) : 0;
            cb += e->budget[m];
            ca += e->actual[m];
            e->cum_budget[m] = cb;
            e->cum_actual[m] = ca;
            e->consumption_pct[m] = annual ? ca / annual * 100 : NAN;
            e->expected_pct[m] = annual ? cb / annual * 100 : NAN;
            e->deviation[m] = ca - cb;
            e->forecast[m] = cb > 0 ? ca * annual / cb : 0;
            double over = annual ? (e->forecast[m] - annual) / fabs(annual) * 100 : 0;
            e->status[m] = !e->has_budget ? LIS_LIGHT_GREY
                           : over <= 1    ? LIS_LIGHT_GREEN
                           : over <= 3    ? LIS_LIGHT_YELLOW
                                          : LIS_LIGHT_RED;
        }
        e->annual_budget = cb;
        int M = month - 1;
        e->ytd_budget = e->cum_budget[M];
        e->ytd_actual = e->cum_actual[M];
        e->consumption_pct_now = e->consumption_pct[M];
        e->expected_pct_now = e->expected_pct[M];
        e->deviation_now = e->deviation[M];
        e->forecast_now = e->forecast[M];
        e->status_now = e->status[M];
    }
    return r;
}

void
charts_model_many_goals(lis_rm_agreement *a, int n)
{
    for (size_t i = 0; i < a->n_goals; i++)
        lis_rm_goal_release(&a->goals[i]);
    free(a->goals);
    a->n_goals = (size_t)n;
    a->goals = lis_xcalloc((size_t)n, sizeof *a->goals);
    static const char *const st[] = {"opfyldt",   "paa-sporet",   "delvist",
                                     "forsinket", "ikke-opfyldt", "ikke-startet"};
    for (int i = 0; i < n; i++) {
        lis_rm_goal *g = &a->goals[i];
        g->goal_id = lis_xasprintf("K%02d", i + 1);
        g->title = lis_xasprintf("%s (delmål %d)", goal_titles[i % 5], i + 1);
        g->kind = lis_xstrdup(kinds[i % 5]);
        g->focus_area = focus[i % 5] ? lis_xstrdup(focus[i % 5]) : NULL;
        g->owned = true;
        g->owner_agreement = lis_xstrdup(a->agreement_id);
        g->qualitative = true;
        g->comment_status = lis_xstrdup(st[i % 6]);
        g->comment_period = lis_xstrdup("2026-Q3");
        g->comment_author = lis_xstrdup("Åse Ødegård");
        lis_buf b;
        lis_buf_init(&b);
        for (int k = 0; k <= i % 4; k++)
            lis_buf_adds(&b,
                         "Indsatsen følger planen for året; der er holdt møder med "
                         "borgere, pårørende og medarbejdere, og erfaringerne indgår i "
                         "næste års udviklingsaftale. ");
        g->comment = b.data;
        for (int m = 0; m < 12; m++) {
            g->status[m] = m >= 10 ? LIS_LIGHT_NONE : (lis_light)(1 + (i + m) % 4);
            g->attainment[m] = NAN;
        }
        for (int q = 0; q < 4; q++)
            g->q_attainment[q] = NAN;
        g->ytd_status = (lis_light)(1 + i % 3);
        g->ytd_attainment = g->year_attainment = NAN;
    }
}
