/*
 * report.h - the in-memory report model that every renderer reads.
 *
 * report.c fills it from the rollup tables (and the catalogue) in a few
 * set-based queries; renderers in reports/ read it and never call libpq, so
 * they can be tested on a model built by hand. The model owns every string and
 * array in it (lis_report_free frees all). Numbers that have no value are NAN
 * (isnan); statuses that do not apply are LIS_LIGHT_NONE.
 *
 * Windows: month m of the year is index m-1 of the 12-element arrays; quarter
 * q is index q-1 of the 4-element arrays; "ytd" is year-to-date up to the
 * last month of the report's window; "year" is the whole year.
 */
#ifndef LIS_REPORT_H
#define LIS_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef enum lis_light {
    LIS_LIGHT_NONE = 0,
    LIS_LIGHT_GREEN,
    LIS_LIGHT_YELLOW,
    LIS_LIGHT_RED,
    LIS_LIGHT_GREY,    /* no data */
    LIS_LIGHT_NOT_DUE, /* no whole period of the indicator in the window */
} lis_light;

/* The status of a name as lis show csv writes it ("green" ... "not_due");
 * unknown text: NONE. */
lis_light lis_light_parse(const char *name);

/* What every output states it is as of (SPEC section 4). */
typedef struct lis_stamp {
    char *period;      /* the report's window name: "2026-10", "2026-Q3", "2026" */
    long newest_batch; /* the newest import batch the figures read; 0: none */
    char *data_as_of;  /* that batch's finish date, "yyyy-mm-dd"; documents
                          take their date from it, never from the clock */
    long run_id;       /* the run that writes the output */
    char *lang;        /* "da" or "en" */
} lis_stamp;

typedef struct lis_rm_indicator {
    char *indicator_id;
    char *name;
    char *unit; /* antal, pct, kr, dage, score, ... */
    int decimals;
    char *direction;   /* op, ned, interval */
    char *aggregation; /* sum, mean, last, min, max, ratio */
    char *frequency;   /* maaned, kvartal, aar */
    double weight;
    double low, high; /* interval bounds of the year's target row, or NAN */
    double actual[12], target[12], attainment[12];
    lis_light status[12];
    double q_actual[4], q_target[4], q_attainment[4];
    lis_light q_status[4];
    double ytd_actual, ytd_target, ytd_attainment;
    lis_light ytd_status;
    double year_actual, year_target, year_attainment;
    lis_light year_status;
} lis_rm_indicator;

typedef struct lis_rm_goal {
    char *goal_id;
    char *title;
    char *kind; /* politisk-strategisk, politisk-driftsnaer, fagligt, eget, koncern */
    char *focus_area; /* uddannelse, beskaeftigelse, mestring, erhverv, or NULL */
    bool cross_cutting;
    bool owned; /* false: shared into this agreement by its owner */
    char *owner_agreement;
    bool qualitative; /* followed by statuses, not indicators */
    lis_light status[12];
    double attainment[12];
    lis_light q_status[4];
    double q_attainment[4];
    lis_light ytd_status;
    double ytd_attainment;
    lis_light year_status; /* the annual report's "Kom vi i mål?" */
    double year_attainment;
    /* The latest qualitative status up to the report's window, or NULLs. */
    char *comment;
    char *comment_status; /* opfyldt, paa-sporet, ... */
    char *comment_period;
    char *comment_author;
    lis_rm_indicator *indicators;
    size_t n_indicators;
} lis_rm_goal;

typedef struct lis_rm_economy {
    bool has_budget; /* false: grey, figures are zeros */
    double annual_budget;
    double budget[12], actual[12];                /* each month */
    double cum_budget[12], cum_actual[12];        /* year to date to each month */
    double consumption_pct[12], expected_pct[12]; /* percent, NAN when no budget */
    double deviation[12], forecast[12];
    lis_light status[12];
    /* at the report's window (YTD to its last month) */
    double ytd_budget, ytd_actual, consumption_pct_now, expected_pct_now;
    double deviation_now, forecast_now;
    lis_light status_now;
} lis_rm_economy;

/* A measurement the figures came from (the Data sheet). */
typedef struct lis_rm_measurement {
    char *indicator_id;
    char *unit_id;
    char *unit_name;
    char *period; /* canonical: 2026-03, 2026-Q1, 2026 */
    double value; /* NAN: no value (an empty or ".." cell) */
    long batch_id;
    char *batch_file;
    char *measure_unit; /* the indicator's unit of measure (antal, pct, ...) or NULL */
} lis_rm_measurement;

typedef struct lis_rm_agreement {
    char *agreement_id;
    char *name;
    char *status; /* udkast, godkendt, afsluttet */
    int year;
    int level; /* 1: direktion - fagchef, 2: fagchef - leader */
    char *holder_unit, *holder_name, *holder_leader;
    char *grantor_unit, *grantor_name;
    char *parent_agreement;      /* or NULL */
    char *area_unit, *area_name; /* the fagområde the holder lies in, for grouping */
    lis_rm_goal *goals;
    size_t n_goals;
    lis_rm_economy economy;
    lis_rm_measurement *data;
    size_t n_data;
    /* Non-NULL: the Data rows are not in data[] but read from this stream
     * when a renderer iterates them (lis_rm_data_begin). */
    struct lis_rm_data_stream *data_stream;
    /* How many of its goal-indicators lack data for the report's window
     * (engine/ready.h); set by the run, 0 when all arrived (then the
     * reports say nothing about it). */
    size_t missing_indicators;
} lis_rm_agreement;

/* Economy per policy area and service frame, and the unallocated bucket. */
typedef struct lis_rm_area {
    char *policy_area; /* "(ukendt funktion)" for functions missing in accounts */
    int service_frame; /* 1 ja, 0 nej, -1 unknown */
    bool unallocated;
    double annual_budget, budget, actual, deviation, forecast;
    /* "policy_area", "service_frame" (a subtotal per service frame),
     * "unallocated" or "total" */
    char *level;
    double budget_ytd, actual_ytd, consumption_pct, expected_pct; /* pct: NAN if none */
} lis_rm_area;

typedef struct lis_rm_transfer {
    char *transfer_id, *date; /* yyyy-mm-dd */
    char *from_cost_centre, *from_function, *to_cost_centre, *to_function;
    double amount;
    char *note;
    bool cross_policy_area, cross_service_frame, within_agreement;
    char *verdict; /* "" when no flag */
    char *flags;   /* joined by "|" */
} lis_rm_transfer;

typedef struct lis_report {
    lis_stamp stamp;
    int year;
    int month;                    /* last month of the report's window */
    lis_rm_agreement *agreements; /* sorted by agreement_id */
    size_t n_agreements;
    lis_rm_area *areas;
    size_t n_areas;
    lis_rm_transfer *transfers;
    size_t n_transfers;
} lis_report;

void lis_report_free(lis_report *report);

/* Frees what one goal owns (its strings and indicators), not the goal. */
void lis_rm_goal_release(lis_rm_goal *goal);

/*
 * The Data rows of an agreement, one at a time, whether the model holds
 * them (data[]) or they stream from the database (data_stream): renderers
 * iterate them so and never see which.
 *
 *     lis_rm_data_iter it;
 *     const lis_rm_measurement *m;
 *     if (lis_rm_data_begin(&it, a, err) == LIS_OK)
 *         while ((m = lis_rm_data_next(&it, err)) != NULL) ...
 *     lis_rm_data_end(&it);      (err->code says whether the rows all came)
 *
 * A row is valid until the next call.
 */
typedef struct lis_rm_data_iter {
    const lis_rm_agreement *a;
    size_t next;
    bool failed;
} lis_rm_data_iter;

lis_status lis_rm_data_begin(lis_rm_data_iter *it, const lis_rm_agreement *a,
                             lis_error *err);
const lis_rm_measurement *lis_rm_data_next(lis_rm_data_iter *it, lis_error *err);
void lis_rm_data_end(lis_rm_data_iter *it);

/* ------------------------------------------------------------ loading */

#include "error.h"
#include "period.h"

typedef struct pg_conn PGconn;        /* as libpq-fe.h declares it */
typedef struct lis_config lis_config; /* config.h */

/* The parts of the model a report needs beyond agreements, goals,
 * indicators and economy (which are always loaded). */
enum {
    LIS_REPORT_DATA = 1 << 0,      /* the measurements (Data sheet) */
    LIS_REPORT_AREAS = 1 << 1,     /* economy per policy area, unallocated */
    LIS_REPORT_TRANSFERS = 1 << 2, /* the transfers with their flags */
    LIS_REPORT_ALL = 0x7,
};

/*
 * Loads the report of the agreements of budget year `year` as of `window`
 * (a month, quarter, year or YTD window of that year) from the rollup
 * tables and the catalogue, in one query per part. agreement_ids[0..n-1]
 * selects agreements (n == 0: every agreement of the year; an id that is not
 * an agreement of the year is an input error naming it). Months after the
 * window's last month carry no actual, attainment or status (the report is
 * as of its window; targets and budgets stay, they are the plan), and the
 * Data part holds only measurements up to that month.
 *
 * stamp.period is the window's name, stamp.lang comes from cfg (the caller
 * may replace it), stamp.run_id is 0 (the run sets it). Returns a model the
 * caller frees with lis_report_free, or NULL with err filled (LIS_DB,
 * LIS_INPUT).
 */
lis_report *lis_report_load(PGconn *conn, const lis_config *cfg, int year,
                            const lis_period *window, const char *const *agreement_ids,
                            size_t n, lis_error *err);
lis_report *lis_report_load_parts(PGconn *conn, const lis_config *cfg, int year,
                                  const lis_period *window,
                                  const char *const *agreement_ids, size_t n,
                                  unsigned parts, lis_error *err);

/*
 * The report of many agreements a chunk at a time, so that memory is
 * bounded by the chunk and not by the municipality (lis run monthly of every
 * agreement): open reads the ids of the selected agreements (as
 * lis_report_load_parts selects them, an unknown id being the same input
 * error); each next loads the model of the following `chunk` of them, in
 * the same queries as lis_report_load_parts (one per part per chunk, never
 * per agreement), sorted by agreement_id across chunks. next returns NULL
 * after the last chunk (err->code LIS_OK) or on error (err filled); the
 * caller frees each model with lis_report_free. Read them on one snapshot
 * (the run's transaction) so that the chunks agree.
 */
typedef struct lis_report_chunks lis_report_chunks;

lis_report_chunks *lis_report_chunks_open(PGconn *conn, const lis_config *cfg, int year,
                                          const lis_period *window,
                                          const char *const *agreement_ids, size_t n,
                                          unsigned parts, size_t chunk, lis_error *err);
/* How many agreements all chunks hold together. */
size_t lis_report_chunks_total(const lis_report_chunks *chunks);
lis_report *lis_report_chunks_next(lis_report_chunks *chunks, lis_error *err);
void lis_report_chunks_close(lis_report_chunks *chunks);

/*
 * The Data part streamed (report_data.c): the measurements of one agreement
 * at a time through a cursor, a few thousand rows per fetch, so that a
 * workbook's memory does not grow with its Data sheet. With snapshot NULL
 * the stream reads on conn, inside the run's transaction; otherwise it opens
 * a connection of its own like conn's (a render process must not use the
 * run's) and reads the run's exported snapshot (lis_run_snapshot), so the
 * rows agree with the model. Set a->data_stream and leave a->data empty;
 * lis_rm_data_begin then reads the agreement's rows of year `year` up to
 * month `month` (report_data.sql). Returns NULL with err filled (LIS_DB).
 */
typedef struct lis_rm_data_stream lis_rm_data_stream;

lis_rm_data_stream *lis_rm_data_stream_open(PGconn *conn, const char *snapshot, int year,
                                            int month, lis_error *err);
void lis_rm_data_stream_close(lis_rm_data_stream *stream);

/* The agreement with that id, or NULL (binary search; agreements are sorted). */
const lis_rm_agreement *lis_report_find(const lis_report *report,
                                        const char *agreement_id);

#endif
