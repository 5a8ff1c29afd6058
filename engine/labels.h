/*
 * labels.h - the one table of report labels, in Danish and English.
 *
 * Every renderer (xlsx, pdf, png) takes the words its readers see from here,
 * so a label is translated or corrected in one place. The language is "da"
 * (the default) or "en"; anything else falls back to Danish. Returned strings
 * are static (borrowed).
 */
#ifndef LIS_LABELS_H
#define LIS_LABELS_H

#include "report.h"

typedef enum lis_label_id {
    /* workbooks and sheets */
    LIS_L_AGREEMENT = 0,  /* Aftale */
    LIS_L_AGREEMENTS,     /* Aftaler */
    LIS_L_STATUS_REPORT,  /* Statusopfølgning */
    LIS_L_ANNUAL_REPORT,  /* Årsberetning */
    LIS_L_MONTHLY_REPORT, /* Månedsrapport */
    LIS_L_SHEET_OVERVIEW, /* sheet of the status workbook */
    LIS_L_SHEET_REACHED,  /* Kom vi i mål */
    LIS_L_SHEET_COUNT_AGREEMENT,
    LIS_L_SHEET_COUNT_AREA,
    LIS_L_SHEET_ECON_AGREEMENT,
    LIS_L_SHEET_ECON_AREA,
    LIS_L_SHEET_TRANSFERS,
    LIS_L_SHEET_DATA_MORE, /* "Data" continuation sheets: Data (2) */
    LIS_L_REACHED_TITLE,   /* Kom vi i mål? */
    /* the stamp */
    LIS_L_AS_OF,        /* Opgjort pr. */
    LIS_L_NEWEST_BATCH, /* nyeste datalevering */
    LIS_L_NO_BATCH,
    LIS_L_RUN,  /* kørsel */
    LIS_L_PAGE, /* Side */
    LIS_L_OF,   /* af */
    /* agreement facts */
    LIS_L_HOLDER,
    LIS_L_LEADER,
    LIS_L_GRANTOR,
    LIS_L_YEAR,
    LIS_L_STATUS,
    LIS_L_LEVEL,
    LIS_L_PARENT,
    LIS_L_AREA,    /* Fagområde */
    LIS_L_NO_AREA, /* Uden fagområde */
    /* goal columns */
    LIS_L_GOAL_ID,
    LIS_L_GOAL,
    LIS_L_GOALS,
    LIS_L_KIND,
    LIS_L_FOCUS_AREA,
    LIS_L_CROSS_CUTTING,
    LIS_L_SHARED_FROM,
    LIS_L_INDICATOR_ID,
    LIS_L_INDICATOR,
    LIS_L_UNIT_OF_MEASURE, /* Enhed (antal, pct, ...) */
    LIS_L_ACTUAL_YTD,
    LIS_L_TARGET_YTD,
    LIS_L_ACTUAL,
    LIS_L_TARGET,
    LIS_L_ATTAINMENT,
    LIS_L_ATTAINMENT_YTD,
    LIS_L_ATTAINMENT_YEAR,
    LIS_L_TRAFFIC_LIGHT,
    LIS_L_COMMENT,
    LIS_L_COMMENT_STATUS,
    LIS_L_COMMENT_PERIOD,
    LIS_L_AUTHOR,
    LIS_L_QUALITATIVE,
    LIS_L_GOAL_TOTAL, /* Mål i alt (goal row in the indicator table) */
    LIS_L_MONTH,
    LIS_L_QUARTER,
    LIS_L_YES,
    LIS_L_NO,
    LIS_L_WEIGHT,
    /* economy */
    LIS_L_ECONOMY,
    LIS_L_ANNUAL_BUDGET,
    LIS_L_BUDGET,
    LIS_L_BUDGET_CUM,
    LIS_L_ACTUAL_SPEND, /* Forbrug */
    LIS_L_ACTUAL_CUM,
    LIS_L_BUDGET_YTD,
    LIS_L_ACTUAL_YTD_SPEND,
    LIS_L_CONSUMPTION_PCT,
    LIS_L_EXPECTED_PCT,
    LIS_L_DEVIATION,
    LIS_L_FORECAST,
    LIS_L_ECONOMY_STATUS,
    LIS_L_POLICY_AREA,
    LIS_L_SERVICE_FRAME,
    LIS_L_UNALLOCATED,
    LIS_L_UNKNOWN,
    LIS_L_TOTAL,
    LIS_L_NO_BUDGET,
    /* data sheet */
    LIS_L_UNIT_ID,
    LIS_L_UNIT_NAME,
    LIS_L_PERIOD,
    LIS_L_PERIOD_START,
    LIS_L_VALUE,
    LIS_L_BATCH,
    LIS_L_FILE,
    LIS_L_NO_VALUE,
    /* counts */
    LIS_L_N_GOALS,
    LIS_L_N_REACHED,
    LIS_L_N_PARTLY,
    LIS_L_N_NOT_REACHED,
    LIS_L_N_NO_DATA,
    LIS_L_N_GREEN,
    LIS_L_N_YELLOW,
    LIS_L_N_RED,
    LIS_L_N_GREY,
    /* transfers */
    LIS_L_TRANSFER_ID,
    LIS_L_DATE,
    LIS_L_FROM_COST_CENTRE,
    LIS_L_FROM_FUNCTION,
    LIS_L_TO_COST_CENTRE,
    LIS_L_TO_FUNCTION,
    LIS_L_AMOUNT,
    LIS_L_NOTE,
    LIS_L_VERDICT,
    LIS_L_FLAGS,
    LIS_L_NO_FLAGGED,
    LIS_L_NONE_ROWS, /* (ingen) */
    /* chart words */
    LIS_L_NAME,
    LIS_L_AGREEMENT_NAME,
    LIS_L_CHART_ACTUAL_VS_TARGET,
    LIS_L_CHART_BUDGET_VS_ACTUAL,
    LIS_L_KR,
    /* agreement PDF: header, facts, goals table */
    LIS_L_DEV_AGREEMENT,        /* Udviklingsaftale (running page header) */
    LIS_L_STATUS_AS_OF,         /* Status pr. (month year) */
    LIS_L_AREA_SHORT,           /* Område */
    LIS_L_PARENT_SHORT,         /* Overordnet aftale / Parent */
    LIS_L_AGREEMENT_STATUS,     /* Aftalestatus */
    LIS_L_BUDGET_YEAR,          /* Budgetår */
    LIS_L_YEAR_TO_DATE,         /* år til dato (lower case, after a word) */
    LIS_L_STATUS_COMMENT,       /* Status og kommentar (column) */
    LIS_L_SHARED_FROM_LC,       /* delt fra aftale (in a line of goal facts) */
    LIS_L_QUALITATIVE_SHORT,    /* Kvalitativ opfølgning / Qualitative */
    LIS_L_NO_GOALS,             /* Aftalen har ingen mål. */
    LIS_L_CONTINUED,            /* fortsat (a table on the next page) */
    LIS_L_GOAL_STATUS_BY_MONTH, /* Målenes status måned for måned */
    /* agreement PDF: economy summary */
    LIS_L_NO_BUDGET_LINES,      /* sentence: no budget lines on the cost centres */
    LIS_L_AMOUNT_KR_FMT,        /* format, one %s (a number): "%s kr." */
    LIS_L_ANNUAL_BUDGET_SHORT,  /* Korrigeret budget, hele året */
    LIS_L_DEVIATION_NOW,        /* Afvigelse (forbrug − budget) */
    LIS_L_CONSUMPTION,          /* Forbrugsprocent / Consumption */
    LIS_L_EXPECTED_CONSUMPTION, /* Forventet forbrugsprocent */
    LIS_L_FORECAST_DEVIATION,   /* Forventet afvigelse fra budget */
    /* agreement PDF: indicators and figures tables */
    LIS_L_TARGET_SHORT,      /* Mål / Target (figures row, chart legend) */
    LIS_L_ATTAINMENT_PCT,    /* Opfyldelse % */
    LIS_L_QUARTER_SHORT_FMT, /* format, one %d (quarter): "%d. kvt." */
    LIS_L_WITHIN,            /* Inden for (an interval) */
    LIS_L_LOWER_IS_BETTER,   /* Lavere er bedre */
    LIS_L_HIGHER_IS_BETTER,  /* Højere er bedre */
    LIS_L_AGGREGATION,       /* Opgørelse */
    LIS_L_YEAR_TO_DATE_CAP,  /* År til dato */
    LIS_L_ACTUAL_LC,         /* faktisk */
    LIS_L_TARGET_LC,         /* mål / target */
    LIS_L_ATTAINMENT_LC,     /* målopfyldelse */
    LIS_L_INDICATORS,        /* Indikatorer */
    LIS_L_ECONOMY_PAGE,      /* Økonomi: budget og forbrug */
    LIS_L_BUDGET_CUM_SHORT,  /* Budget akk. */
    LIS_L_ACTUAL_CUM_SHORT,  /* Forbrug akk. */
    LIS_L_CONSUMED_PCT,      /* Forbrug % */
    LIS_L_ECONOMY_NOTE,      /* sentence under the economy figures */
    LIS_L_GOAL_LC,           /* mål / goal (in a chart's subtitle) */
    /* dashboard */
    LIS_L_DASHBOARD_TITLE,      /* Direktionens kvartalsoverblik */
    LIS_L_DASHBOARD_SHORT,      /* Kvartalsoverblik (footer) */
    LIS_L_QUARTER_YEAR_FMT,     /* format, %d quarter then %d year: "%d. kvartal %d" */
    LIS_L_DASHBOARD_INTRO_FMT,  /* format, %s month then %d year: the explanation */
    LIS_L_DASHBOARD_COUNTS_FMT, /* format, two %zu: "%zu aftaler, %zu mål:" */
    LIS_L_C_GREEN,              /* grønne (counted lights, lower case) */
    LIS_L_C_YELLOW,             /* gule */
    LIS_L_C_RED,                /* røde */
    LIS_L_C_GREY,               /* uden data */
    LIS_L_C_NOT_DUE,            /* ikke aktuelle */
    LIS_L_C_NO_BUDGET,          /* uden budget (counted economy lights) */
    LIS_L_ECON_SHORT,           /* Øk. (column) */
    LIS_L_DEV_KR_SHORT,         /* Afv. 1.000 kr. (column) */
    LIS_L_NO_BUDGET_LC,         /* intet budget (a row without one) */
    LIS_L_DASHBOARD_LEGEND,     /* sentence under the rows */
    /* footers and stamps of PDFs and PNGs */
    LIS_L_DATA_AS_OF, /* data pr. */
    LIS_L_BATCH_LC,   /* indlæsning / batch */
    /* charts */
    LIS_L_CHART_NO_DATA,     /* Ingen data (an empty plot) */
    LIS_L_TARGET_RANGE,      /* Målinterval */
    LIS_L_MIO_KR,            /* mio. kr. (axis unit) */
    LIS_L_THOUSAND_KR,       /* 1.000 kr. (axis unit) */
    LIS_L_BUDGET_MONTH,      /* Budget, måned (legend) */
    LIS_L_ACTUAL_MONTH,      /* Forbrug, måned */
    LIS_L_BUDGET_CUMULATIVE, /* Budget, akkumuleret */
    LIS_L_ACTUAL_CUMULATIVE, /* Forbrug, akkumuleret */
    LIS_L_PER_MONTH_FMT,     /* format, one %s (a unit): "%s pr. måned" */
    LIS_L_CUMULATIVE_FMT,    /* format, one %s (a unit): "%s akkumuleret" */
    /* HTML reports (reports/html*.c) */
    LIS_L_HTML_SEARCH,         /* Søg (the dashboard's filter box) */
    LIS_L_HTML_ALL_AREAS,      /* Alle fagområder (the filter's first choice) */
    LIS_L_HTML_SHOWN,          /* aftaler vist ("3 af 5 aftaler vist") */
    LIS_L_HTML_SORT_HINT,      /* sentence: click a column heading to sort */
    LIS_L_HTML_RANK,           /* Nr. (the risk order) */
    LIS_L_HTML_NO_MATCH,       /* sentence: no agreement matches the filter */
    LIS_L_HTML_DEV_KR,         /* Forventet afvigelse, 1.000 kr. (column) */
    LIS_L_HTML_DEV_PCT,        /* Forventet afvigelse, % (column) */
    LIS_L_HTML_LINE_CHART_FMT, /* format, one %s (an indicator): the chart's text */
    LIS_L_HTML_COLUMN_CHART,   /* sentence: the economy chart's text */
    LIS_L_HTML_MONTHLY_REPORT, /* Månedsrapport for aftalen (a link's title) */
    LIS_L_COUNT_
} lis_label_id;

/* The label in lang ("da" or "en"; NULL or other: "da"). */
const char *lis_label(lis_label_id id, const char *lang);

/* A label that is a printf format (the ids named "format" above): proto is a
 * literal with the same conversions in the same order, which the compiler
 * checks the arguments against (-Wformat=2); the label is returned. */
const char *lis_label_fmt(lis_label_id id, const char *lang, const char *proto)
    __attribute__((format_arg(3)));

/* A traffic light as a word: Grøn, Gul, Rød, Ingen data, Ikke aktuel ("" for
 * NONE). */
const char *lis_label_light(lis_light light, const char *lang);

/* The annual verdict of a goal's year status: Nået, Delvist nået, Ikke nået,
 * Ingen data. */
const char *lis_label_reached(lis_light light, const char *lang);

/* Goal kinds, focus areas, agreement and qualitative statuses as words; an
 * unknown code is returned as given (borrowed from the argument). */
const char *lis_label_goal_kind(const char *kind, const char *lang);
const char *lis_label_focus_area(const char *area, const char *lang);
const char *lis_label_agreement_status(const char *status, const char *lang);
const char *lis_label_goal_status(const char *status, const char *lang);
const char *lis_label_verdict(const char *verdict, const char *lang);

/* Month names, 1..12, long ("januar") and short ("jan"). */
const char *lis_label_month(int month, const char *lang);
const char *lis_label_month_short(int month, const char *lang);

#endif
