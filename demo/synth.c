/*
 * synth.c - the synthetic municipality; see synth.h. Plain stdio: the files
 * are written row by row in a fixed order from one seeded generator, so the
 * output is deterministic. Nothing here touches the database.
 */
#include "synth.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

const char *const lis_synth_kinds[] = {
    "units",   "cost-centres", "accounts", "agreements", "indicators", "goals",
    "targets", "measurements", "statuses", "budget",     "transfers"};

/* ------------------------------------------------------------------ random */

static uint64_t rng_state;

static uint64_t
rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [lo, hi). */
static double
rng_range(double lo, double hi)
{
    return lo + (hi - lo) * (double)(rng_next() >> 11) / 9007199254740992.0;
}

static int
rng_int(int n)
{
    return (int)(rng_next() % (uint64_t)n);
}

/* A stable factor in [0.85, 1.15) for a (unit, indicator) pair. */
static double
pair_factor(unsigned seed, const char *unit, const char *ind)
{
    uint64_t h = 1469598103934665603ull ^ seed;
    for (const char *p = unit; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h = (h ^ '/') * 1099511628211ull;
    for (const char *p = ind; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h ^= h >> 33;
    return 0.85 + 0.30 * (double)(h % 10000) / 10000.0;
}

/* ------------------------------------------------------------- catalogue */

typedef struct ind_def {
    const char *id, *name, *unit, *direction, *aggregation, *num, *den, *freq;
    int decimals;
    double base; /* typical value per institution and period */
} ind_def;

/* The first three are the worked example's, unchanged. */
static const ind_def indicators[] = {
    {"sygedage", "Sygedage", "dage", "ned", "sum", "", "", "maaned", 0, 30},
    {"arbejdsdage", "Arbejdsdage", "dage", "op", "sum", "", "", "maaned", 0, 500},
    {"sygefravaer", "Sygefravær", "pct", "ned", "ratio", "sygedage", "arbejdsdage",
     "maaned", 1, 6},
    {"borgere_i_job", "Borgere i job efter forløb", "antal", "op", "sum", "", "",
     "maaned", 0, 12},
    {"borgere_i_forloeb", "Borgere i forløb", "antal", "op", "sum", "", "", "maaned", 0,
     40},
    {"jobandel", "Andel i job efter forløb", "pct", "op", "ratio", "borgere_i_job",
     "borgere_i_forloeb", "maaned", 1, 30},
    {"indskrevne", "Indskrevne børn og borgere", "antal", "op", "last", "", "", "maaned",
     0, 120},
    {"trivsel", "Trivsel (1-5)", "score", "op", "mean", "", "", "kvartal", 2, 3.9},
    {"ventetid", "Længste ventetid", "dage", "ned", "max", "", "", "maaned", 0, 21},
    {"normering", "Laveste normering", "antal", "op", "min", "", "", "maaned", 1, 3.2},
    {"fravaer_elever", "Elevfravær", "pct", "ned", "mean", "", "", "maaned", 1, 5.5},
    {"tilfredshed", "Brugertilfredshed", "pct", "op", "mean", "", "", "aar", 0, 82},
    {"klager", "Klager", "antal", "ned", "sum", "", "", "kvartal", 0, 3},
    {"udgift_pr_plads", "Udgift pr. plads", "kr", "interval", "mean", "", "", "maaned", 0,
     10000},
    {"genoptraening", "Afsluttede genoptræningsforløb", "antal", "op", "sum", "", "",
     "aar", 0, 60},
    {"venteliste", "Borgere på venteliste", "antal", "ned", "last", "", "", "kvartal", 0,
     9},
};
#define NIND ((int)(sizeof indicators / sizeof *indicators))

typedef struct fag_def {
    const char *name, *leader;
    const char *fn[2], *fn_name[2], *policy[2], *frame[2];
    int areas; /* per scale unit */
} fag_def;

static const fag_def fags[] = {
    {"Social og Sundhed",
     "Fagchef for Social og Sundhed",
     {"5.38.42", "4.62.82"},
     {"Botilbud", "Hjemmesygepleje"},
     {"Social", "Sundhed"},
     {"ja", "ja"},
     15},
    {"Beskæftigelse",
     "Fagchef for Beskæftigelse",
     {"5.68.90", "5.57.72"},
     {"Driftsudgifter til beskæftigelsesindsatsen", "Kontanthjælp"},
     {"Beskæftigelse", "Overførsler"},
     {"ja", "nej"},
     15},
    {"Teknik og Miljø",
     "Fagchef for Teknik og Miljø",
     {"0.25.10", "2.28.22"},
     {"Fælles formål (forsyning)", "Vejvedligeholdelse"},
     {"Teknik", "Teknik"},
     {"ja", "ja"},
     15},
    {"Kultur og Fritid",
     "Fagchef for Kultur og Fritid",
     {"3.32.50", "0.32.31"},
     {"Folkebiblioteker", "Idrætsanlæg"},
     {"Kultur", "Fritid"},
     {"ja", "ja"},
     15},
    {"Dagtilbud",
     "Fagchef for Dagtilbud",
     {"5.25.11", "5.25.14"},
     {"Dagpleje", "Integrerede institutioner"},
     {"Dagtilbud", "Dagtilbud"},
     {"ja", "ja"},
     15},
    {"Ældre",
     "Fagchef for Ældre",
     {"5.32.32", "5.32.33"},
     {"Pleje og omsorg", "Forebyggende indsats"},
     {"Ældre", "Ældre"},
     {"ja", "ja"},
     14},
    {"Administration",
     "Fagchef for Administration",
     {"6.45.51", "6.52.72"},
     {"Sekretariat og forvaltninger", "Tjenestemandspension"},
     {"Administration", "Administration"},
     {"ja", "nej"},
     14},
};
#define NFAG ((int)(sizeof fags / sizeof *fags))

static const char *const arts[] = {"1.0", "1.1", "1.5", "2.2",
                                   "2.9", "4.0", "4.5", "7.9"};
static const char *const area_words[] = {"Nord",    "Syd",  "Øst",  "Vest",  "Midt",
                                         "Centrum", "Havn", "Skov", "Bakke", "Å",
                                         "Strand",  "Mark", "Eng",  "Sø",    "By"};
static const char *const focus[] = {"uddannelse", "beskaeftigelse", "mestring",
                                    "erhverv"};
static const char *const other_kinds[] = {"politisk-strategisk", "politisk-driftsnaer",
                                          "fagligt", "koncern"};
static const char *const qual_status[] = {"opfyldt",   "paa-sporet",   "delvist",
                                          "forsinket", "ikke-opfyldt", "ikke-startet"};

/* ------------------------------------------------------------------ files */

typedef struct out {
    FILE *f[LIS_SYNTH_NKINDS];
    char *path[LIS_SYNTH_NKINDS];
} out;

enum { F_UNITS, F_CC, F_ACC, F_AGR, F_IND, F_GOAL, F_TGT, F_MEAS, F_STAT, F_BUD, F_TRF };

/* A number in native format: decimal comma, no grouping; "" for NAN. */
static const char *
num(char *buf, double v, int decimals)
{
    if (isnan(v)) {
        buf[0] = '\0';
        return buf;
    }
    snprintf(buf, 40, "%.*f", decimals, v);
    if (strcmp(buf, "-0") == 0 || strncmp(buf, "-0,", 3) == 0 ||
        (buf[0] == '-' && strtod(buf, NULL) == 0.0))
        memmove(buf, buf + 1, strlen(buf));
    char *dot = strchr(buf, '.');
    if (dot)
        *dot = ',';
    return buf;
}

/* ------------------------------------------------------------- the model */

typedef struct agr {
    char id[48], holder[40], grantor[40], parent[48], name[160];
    int level, fag, n_inst; /* institutions below the holder */
} agr;

typedef struct gen {
    out o;
    unsigned seed;
    int year, scale;
    lis_synth_stats st;
    long goal_seq, transfer_seq;
} gen;

/* Expected actual of an indicator over n institutions in a full year. */
static double
expected(const ind_def *d, int n)
{
    int per = strcmp(d->freq, "maaned") == 0    ? 12
              : strcmp(d->freq, "kvartal") == 0 ? 4
                                                : 1;
    if (strcmp(d->aggregation, "sum") == 0)
        return d->base * n * per;
    if (strcmp(d->aggregation, "last") == 0)
        return d->base * n;
    return d->base;
}

static int
ind_index(const char *id)
{
    for (int i = 0; i < NIND; i++)
        if (strcmp(indicators[i].id, id) == 0)
            return i;
    abort();
}

/* Writes one target row for goal gid, indicator ii, in year y; variant v
 * picks profile, method and target level. */
static void
write_target(gen *g, const char *gid, int ii, int y, int n_inst, long v, double weight)
{
    const ind_def *d = &indicators[ii];
    char b[8][40];
    double e = expected(d, n_inst);
    static const double op_f[] = {0.9, 0.96, 1.0, 1.04, 1.12, 0.98, 1.07};
    double tf = op_f[v % 7];
    bool down = strcmp(d->direction, "ned") == 0;
    double t = down ? e / tf : e * tf;
    double base = NAN, low = NAN, high = NAN, q[4] = {NAN, NAN, NAN, NAN}, yellow = NAN;
    const char *profile = "flat", *method = "";
    int dec = d->decimals + 1;

    if (strcmp(d->direction, "interval") == 0) {
        low = d->base * (v % 2 ? 0.9 : 0.97);
        high = d->base * (v % 3 ? 1.1 : 1.02);
        t = d->base;
    } else {
        switch (v % 6) {
        case 0: /* flat, default method: ratio */
            break;
        case 1: /* linear with a baseline: progress by default */
            profile = "linear";
            base = down ? e * 1.15 : e * 0.85;
            break;
        case 2: /* custom quarters */
            profile = "custom";
            for (int k = 0; k < 4; k++)
                q[k] = strcmp(d->aggregation, "sum") == 0 ? t / 4 * (0.94 + 0.04 * k)
                                                          : t * (0.97 + 0.02 * k);
            break;
        case 3: /* flat with a baseline, explicit ratio method */
            base = down ? e * 1.1 : e * 0.9;
            method = "ratio";
            break;
        case 4: /* flat, explicit progress */
            base = down ? e * 1.2 : e * 0.8;
            method = "progress";
            yellow = 80;
            break;
        default: /* linear without a baseline: a lis check finding, behaves flat */
            if (v % 24 == 5)
                profile = "linear";
            break;
        }
    }
    fprintf(g->o.f[F_TGT], "%s;%s;%d;%s;%s;%s;%s;%s;%s;%s;%s;%s;%s;%s;%s\n", gid, d->id,
            y, num(b[0], base, dec), num(b[1], t, dec), num(b[2], low, dec),
            num(b[3], high, dec), method, profile, num(b[4], q[0], dec),
            num(b[5], q[1], dec), num(b[6], q[2], dec), num(b[7], q[3], dec),
            weight == 1 ? "1" : "2", isnan(yellow) ? "" : "80");
    g->st.targets++;
}

static void
write_status(gen *g, const char *gid, const char *period, int s, const char *comment)
{
    fprintf(g->o.f[F_STAT], "%s;%s;%s;%s;%s\n", gid, period, qual_status[s % 6], comment,
            "Aftaleholder");
    g->st.statuses++;
}

/* Goals of one agreement. ai: the agreement's index (varies the mix). */
static void
write_goals(gen *g, const agr *a, long ai, const agr *share_with)
{
    /* goal-able indicators for a level-2 agreement, and scale-free ones for
     * level 1 (whose sums would be the sum of many areas) */
    static const char *const l2[] = {
        "sygefravaer",   "jobandel",       "indskrevne",   "trivsel", "ventetid",
        "normering",     "fravaer_elever", "tilfredshed",  "klager",  "udgift_pr_plads",
        "genoptraening", "venteliste",     "borgere_i_job"};
    static const char *const l1[] = {"sygefravaer",    "jobandel",    "trivsel",
                                     "fravaer_elever", "tilfredshed", "udgift_pr_plads",
                                     "normering"};
    int nl2 = (int)(sizeof l2 / sizeof *l2), nl1 = (int)(sizeof l1 / sizeof *l1);
    int own = a->level == 1 ? 3 : (ai % 13 == 7 ? 2 : ai % 9 == 4 ? 5 : 3);
    char gid[64];
    int y = g->year;

    for (int k = 1; k <= own + 1; k++) {
        bool is_own = k <= own;
        const char *kind = is_own ? "eget" : other_kinds[(ai + k) % 4];
        bool cross = is_own && k == 1;
        bool qualitative = !is_own && (ai % 3 == 0);
        bool multi = is_own && k == 3 && ai % 5 == 0;
        bool lacks_next = multi && ai % 2 == 0 && ai % 17 == 0;
        const char *fa = (k == 1 || k == 4) ? focus[(ai + k) % 4] : "";
        char shared[64] = "";
        snprintf(gid, sizeof gid, "M-%s-%d", a->id + 3, k);
        if (cross && share_with != NULL && ai % 3 == 1)
            snprintf(shared, sizeof shared, "%s", share_with->id);
        fprintf(g->o.f[F_GOAL], "%s;%s;%s %d for %s;%s;%s;%s;%s;%d;%d;%s\n", gid, a->id,
                cross         ? "Tværfagligt mål"
                : qualitative ? "Kvalitativt mål"
                              : "Mål",
                k, a->name + 17, kind, fa, cross ? "ja" : "nej", shared, y,
                multi ? y + 1 : y,
                qualitative ? "Følges op med en kvalitativ status." : "");
        g->st.goals++;
        if (qualitative) {
            write_status(g, gid, "2026-Q1", (int)(ai + 1), "Arbejdet er sat i gang.");
            if (ai % 2 == 0)
                write_status(g, gid, "2026-06", (int)ai, "Status efter første halvår.");
            if (ai % 4 == 0)
                write_status(g, gid, "2026-Q3", (int)(ai + 3),
                             "Status efter tredje kvartal.");
            if (ai % 6 == 0)
                write_status(g, gid, "2025-12", 5, "Ikke startet ved årets begyndelse.");
            continue;
        }
        int nind = (k == 2) ? 2 : 1;
        for (int j = 0; j < nind; j++) {
            int ii;
            if (cross)
                ii = ind_index("sygefravaer");
            else if (a->level == 1)
                ii = ind_index(l1[(ai * 3 + k + j) % nl1]);
            else
                ii = ind_index(l2[(ai * 5 + k * 3 + j) % nl2]);
            long v = ai * 7 + k * 3 + j;
            write_target(g, gid, ii, y, a->n_inst, v, (k == 2 && j == 0) ? 2 : 1);
            if (multi && !lacks_next)
                write_target(g, gid, ii, y + 1, a->n_inst, v + 1, 1);
        }
        if (k == 2 && ai % 5 == 1)
            write_status(g, gid, "2026-06", 1, "Indikatorerne udvikler sig som ventet.");
    }
}

/* Measurements of one institution for every non-ratio indicator. */
static void
write_measurements(gen *g, const char *unit)
{
    char b[40], per[16];
    for (int i = 0; i < NIND; i++) {
        const ind_def *d = &indicators[i];
        if (strcmp(d->aggregation, "ratio") == 0)
            continue;
        double f = pair_factor(g->seed, unit, d->id);
        int nper = strcmp(d->freq, "maaned") == 0    ? 12
                   : strcmp(d->freq, "kvartal") == 0 ? 4
                                                     : 1;
        for (int p = 1; p <= nper; p++) {
            if (nper == 12)
                snprintf(per, sizeof per, "%d-%02d", g->year, p);
            else if (nper == 4)
                snprintf(per, sizeof per, "%d-Q%d", g->year, p);
            else
                snprintf(per, sizeof per, "%d", g->year);
            double v = d->base * f * rng_range(0.92, 1.08);
            /* a trend over the year for some, and now and then no value */
            v *= 1.0 + 0.01 * (p - 6) * (i % 3 == 0 ? 1 : 0);
            bool missing = rng_int(250) == 0;
            int dec = d->decimals;
            if (strcmp(d->unit, "antal") == 0 || strcmp(d->unit, "dage") == 0)
                dec = strcmp(d->aggregation, "min") == 0 ? 1 : 0;
            fprintf(g->o.f[F_MEAS], "%s;%s;%s;%s\n", d->id, unit, per,
                    missing ? (rng_int(2) ? ".." : "") : num(b, v, dec));
            g->st.measurements++;
        }
    }
}

/* Budget lines of one cost centre: 2 functions x 8 accounts x 12 months,
 * the first account as a yearly budget with monthly actuals on another. */
static void
write_budget(gen *g, const char *cc, const fag_def *fd, double econ)
{
    char b1[40], b2[40], b3[40];
    for (int fi = 0; fi < 2; fi++) {
        for (int ai = 0; ai < 8; ai++) {
            double base = rng_range(10000, 180000) * (ai == 7 ? -0.2 : 1);
            if (ai == 0) {
                double yb = base * 12;
                fprintf(g->o.f[F_BUD], "%d;%s;%s;%s;%s;;%s\n", g->year, cc, fd->fn[fi],
                        arts[0], num(b1, yb, 2), num(b2, yb, 2));
                g->st.budget_lines++;
            }
            for (int m = 1; m <= 12; m++) {
                double act = base * econ * rng_range(0.9, 1.1);
                if (ai == 0) {
                    /* actuals of the yearly budget are booked on account 1.1 */
                    fprintf(g->o.f[F_BUD], "%d-%02d;%s;%s;%s;;%s;\n", g->year, m, cc,
                            fd->fn[fi], arts[1], num(b1, act, 2));
                } else {
                    fprintf(g->o.f[F_BUD], "%d-%02d;%s;%s;%s;%s;%s;%s\n", g->year, m, cc,
                            fd->fn[fi], arts[ai], num(b1, base, 2), num(b2, act, 2),
                            num(b3, base, 2));
                }
                g->st.budget_lines++;
            }
        }
    }
}

static void
write_transfer(gen *g, int month, const char *from_cc, const char *from_fn,
               const char *to_cc, const char *to_fn, double amount, const char *note)
{
    char b[40];
    g->transfer_seq++;
    fprintf(g->o.f[F_TRF], "OMP-%05ld;%02d.%02d.%d;%s;%s;%s;%s;%s;%s\n", g->transfer_seq,
            1 + (int)(g->transfer_seq % 27), month, g->year, from_cc, from_fn, to_cc,
            to_fn, num(b, amount, 2), note);
    g->st.transfers++;
}

/* The worked example of SPEC section 3, unchanged. */
static void
write_worked_example(gen *g)
{
    out *o = &g->o;
    fputs("BUV;Børn og Unge;DIR;fagomraade;Fagchef for Børn og Unge\n"
          "SKO;Skoleområdet;BUV;omraade;Skolechef\n"
          "SKO1;Nordskolen;SKO;institution;Skoleleder\n"
          "SKO2;Sydskolen;SKO;institution;Skoleleder\n",
          o->f[F_UNITS]);
    fputs("100100;SKO1;Nordskolen drift\n100200;SKO2;Sydskolen drift\n", o->f[F_CC]);
    fputs("3.22.01;Folkeskoler;Skole;ja\n", o->f[F_ACC]);
    fprintf(o->f[F_AGR],
            "UA-BUV;%d;Udviklingsaftale Børn og Unge %d;BUV;DIR;;godkendt\n"
            "UA-EKS;%d;Udviklingsaftale Skoleområdet %d;SKO;BUV;UA-BUV;godkendt\n",
            g->year, g->year, g->year, g->year);
    fprintf(o->f[F_GOAL],
            "EKS-SYG;UA-EKS;Lavere sygefravær blandt medarbejderne;eget;;nej;;%d;%d;"
            "Sygefraværet skal ned fra 6,0 %% til 5,0 %% i løbet af %d.\n",
            g->year, g->year, g->year);
    fprintf(o->f[F_TGT], "EKS-SYG;sygefravaer;%d;6,0;5,0;;;;linear;;;;;1;\n", g->year);
    fprintf(o->f[F_MEAS],
            "sygedage;SKO1;%d-03;30\nsygedage;SKO2;%d-03;25\n"
            "arbejdsdage;SKO1;%d-03;500\narbejdsdage;SKO2;%d-03;500\n",
            g->year, g->year, g->year, g->year);
    fprintf(o->f[F_BUD],
            "%d;100100;3.22.01;1.0;12000000,00;;12000000,00\n"
            "%d-03;100100;3.22.01;2.0;;987654,32;\n"
            "%d-03;100200;3.22.01;1.0;1000000,00;1020500,50;\n",
            g->year, g->year, g->year);
    g->st.units += 4;
    g->st.cost_centres += 2;
    g->st.agreements += 2;
    g->st.goals += 1;
    g->st.targets += 1;
    g->st.measurements += 4;
    g->st.budget_lines += 3;
}

static lis_status
open_files(out *o, const char *dir, lis_error *err)
{
    static const char *const headers[] = {
        "unit_id;name;parent_id;kind;leader",
        "cost_centre;unit_id;name",
        "function;name;policy_area;service_frame",
        "agreement_id;year;name;holder_unit;grantor_unit;parent_agreement;status",
        "indicator_id;name;unit;direction;aggregation;numerator;denominator;frequency;decimals",
        "goal_id;agreement_id;title;kind;focus_area;cross_cutting;shared_with;first_year;"
        "last_year;description",
        "goal_id;indicator_id;year;baseline;target;low;high;method;profile;q1;q2;q3;q4;weight;"
        "yellow",
        "indicator_id;unit_id;period;value",
        "goal_id;period;status;comment;author",
        "period;cost_centre;function;account;budget;actual;original_budget",
        "transfer_id;date;from_cost_centre;from_function;to_cost_centre;to_function;amount;note",
    };
    for (int k = 0; k < LIS_SYNTH_NKINDS; k++) {
        o->path[k] = lis_xasprintf("%s/%s.csv", dir, lis_synth_kinds[k]);
        o->f[k] = fopen(o->path[k], "w");
        if (o->f[k] == NULL)
            return lis_error_set(err, LIS_OUTPUT, "could not create \"%s\": %s",
                                 o->path[k], strerror(errno));
        setvbuf(o->f[k], NULL, _IOFBF, 1 << 16);
        fprintf(o->f[k], "%s\n", headers[k]);
    }
    return LIS_OK;
}

static lis_status
close_files(out *o, lis_status rc, lis_error *err)
{
    for (int k = 0; k < LIS_SYNTH_NKINDS; k++) {
        if (o->f[k] && (ferror(o->f[k]) | fclose(o->f[k])) && rc == LIS_OK)
            rc = lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", o->path[k],
                               strerror(errno));
        free(o->path[k]);
    }
    return rc;
}

lis_status
lis_synth_write(const char *dir, int scale, unsigned seed, int year,
                lis_synth_stats *stats, lis_error *err)
{
    gen g;
    memset(&g, 0, sizeof g);
    g.seed = seed;
    g.year = year;
    g.scale = scale < 1 ? 1 : scale;
    rng_state = seed * 0x2545F4914F6CDD1Dull + 1;
    lis_status rc = open_files(&g.o, dir, err);
    if (rc != LIS_OK)
        return close_files(&g.o, rc, err);
    out *o = &g.o;
    char b[40];

    fputs("KOM;Syntetisk Kommune;;kommune;Borgmester\n"
          "DIR;Direktionen;KOM;direktion;Kommunaldirektør\n",
          o->f[F_UNITS]);
    g.st.units += 2;
    for (int i = 0; i < NIND; i++) {
        const ind_def *d = &indicators[i];
        fprintf(o->f[F_IND], "%s;%s;%s;%s;%s;%s;%s;%s;%d\n", d->id, d->name, d->unit,
                d->direction, d->aggregation, d->num, d->den, d->freq, d->decimals);
    }
    write_worked_example(&g);

    long ai = 0; /* running agreement index */
    for (int f = 0; f < NFAG; f++) {
        const fag_def *fd = &fags[f];
        int nareas = fd->areas * g.scale;
        agr l1;
        memset(&l1, 0, sizeof l1);
        snprintf(l1.holder, sizeof l1.holder, "FAG%d", f + 1);
        snprintf(l1.id, sizeof l1.id, "UA-FAG%d", f + 1);
        snprintf(l1.grantor, sizeof l1.grantor, "DIR");
        snprintf(l1.name, sizeof l1.name, "Udviklingsaftale %s %d", fd->name, year);
        l1.level = 1;
        l1.n_inst = 2 * nareas;
        fprintf(o->f[F_UNITS], "%s;%s;DIR;fagomraade;%s\n", l1.holder, fd->name,
                fd->leader);
        g.st.units++;
        for (int k = 0; k < 2; k++)
            fprintf(o->f[F_ACC], "%s;%s;%s;%s\n", fd->fn[k], fd->fn_name[k],
                    fd->policy[k], fd->frame[k]);
        fprintf(o->f[F_AGR], "%s;%d;%s;%s;%s;;godkendt\n", l1.id, year, l1.name,
                l1.holder, l1.grantor);
        g.st.agreements++;
        write_goals(&g, &l1, ai++, NULL);

        /* an unallocated cost centre with no unit, and one missing from the
         * cost-centres file altogether */
        char ucc[16], mcc[16];
        snprintf(ucc, sizeof ucc, "9%d0001", f + 1);
        snprintf(mcc, sizeof mcc, "9%d0999", f + 1);
        fprintf(o->f[F_CC], "%s;;Ikke fordelt %s\n", ucc, fd->name);
        g.st.cost_centres++;
        write_budget(&g, ucc, fd, 1.0);
        for (int m = 1; m <= 12; m++) {
            fprintf(o->f[F_BUD], "%d-%02d;%s;%s;2.2;%s;%s;\n", year, m, mcc, fd->fn[0],
                    num(b, 5000, 2), "4800,00");
            g.st.budget_lines++;
        }

        agr prev;
        memset(&prev, 0, sizeof prev);
        for (int a = 1; a <= nareas; a++) {
            agr l2;
            memset(&l2, 0, sizeof l2);
            snprintf(l2.holder, sizeof l2.holder, "FAG%d-O%03d", f + 1, a);
            snprintf(l2.id, sizeof l2.id, "UA-FAG%d-O%03d", f + 1, a);
            snprintf(l2.grantor, sizeof l2.grantor, "%s", l1.holder);
            snprintf(l2.name, sizeof l2.name, "Udviklingsaftale %s %s %d", fd->name,
                     area_words[(a - 1) % 15], year);
            l2.level = 2;
            l2.n_inst = 2;
            /* one agreement per fagområde names a parent that does not exist */
            const char *parent = (a == 7 && f == 2) ? "UA-FAG99" : l1.id;
            const char *status = a % 10 == 3   ? "udkast"
                                 : a % 10 == 9 ? "afsluttet"
                                               : "godkendt";
            fprintf(o->f[F_UNITS], "%s;%s %s %d;%s;omraade;Områdeleder\n", l2.holder,
                    fd->name, area_words[(a - 1) % 15], (a - 1) / 15 + 1, l1.holder);
            fprintf(o->f[F_AGR], "%s;%d;%s;%s;%s;%s;%s\n", l2.id, year, l2.name,
                    l2.holder, l2.grantor, parent, status);
            g.st.units++;
            g.st.agreements++;
            write_goals(&g, &l2, ai++, prev.id[0] ? &prev : NULL);

            double econ = 0.94 + 0.12 * rng_range(0, 1);
            char cc[5][16];
            for (int k = 0; k < 5; k++)
                snprintf(cc[k], sizeof cc[k], "%d%05d", f + 2, a * 10 + k);
            fprintf(o->f[F_CC], "%s;%s;%s administration\n", cc[0], l2.holder, l2.holder);
            g.st.cost_centres++;
            write_budget(&g, cc[0], fd, econ);
            for (int i = 1; i <= 2; i++) {
                char inst[48];
                snprintf(inst, sizeof inst, "%s-I%d", l2.holder, i);
                fprintf(o->f[F_UNITS], "%s;Institution %d, %s;%s;institution;Leder\n",
                        inst, i, l2.name + 17, l2.holder);
                g.st.units++;
                for (int k = 0; k < 2; k++) {
                    fprintf(o->f[F_CC], "%s;%s;%s drift %d\n", cc[2 * i - 1 + k], inst,
                            inst, k + 1);
                    g.st.cost_centres++;
                    write_budget(&g, cc[2 * i - 1 + k], fd, econ);
                }
                write_measurements(&g, inst);
            }
            /* transfers: inside the agreement; across policy areas or the
             * service frame now and then; one to an unknown function */
            write_transfer(&g, 1 + a % 12, cc[1], fd->fn[0], cc[3], fd->fn[0],
                           25000 + a * 100, "Omplacering mellem institutioner");
            if (a % 4 == 0)
                write_transfer(&g, 1 + (a + 5) % 12, cc[0], fd->fn[0], cc[2], fd->fn[1],
                               40000, "Omplacering mellem funktioner");
            if (a % 6 == 0)
                write_transfer(&g, 1 + (a + 2) % 12, cc[0], fd->fn[1],
                               prev.id[0] ? "200010" : cc[1], fags[0].fn[0], 75000,
                               "Omplacering til andet fagområde");
            if (a % 11 == 0)
                write_transfer(&g, 1 + (a + 7) % 12, cc[1], fd->fn[0], cc[2], "3.99.99",
                               12000, "Funktion uden kontoplan");
            prev = l2;
        }
    }
    if (stats)
        *stats = g.st;
    return close_files(&g.o, rc, err);
}
