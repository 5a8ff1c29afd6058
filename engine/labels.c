/*
 * labels.c - the Danish and English words of the reports; see labels.h.
 *
 * One table, indexed by lis_label_id; a missing entry is a bug caught by the
 * unit test that walks the whole table.
 */
#include "labels.h"

#include <stddef.h>
#include <string.h>

typedef struct label {
    const char *da, *en;
} label;

static const label labels[LIS_L_COUNT_] = {
    [LIS_L_AGREEMENT] = {"Aftale", "Agreement"},
    [LIS_L_AGREEMENTS] = {"Aftaler", "Agreements"},
    [LIS_L_STATUS_REPORT] = {"Statusopfølgning", "Status follow-up"},
    [LIS_L_ANNUAL_REPORT] = {"Årsberetning", "Annual report"},
    [LIS_L_MONTHLY_REPORT] = {"Månedsrapport", "Monthly report"},
    [LIS_L_SHEET_OVERVIEW] = {"Overblik", "Overview"},
    [LIS_L_SHEET_REACHED] = {"Kom vi i mål", "Did we reach"},
    [LIS_L_SHEET_COUNT_AGREEMENT] = {"Mål pr. aftale", "Goals by agreement"},
    [LIS_L_SHEET_COUNT_AREA] = {"Mål pr. fagområde", "Goals by area"},
    [LIS_L_SHEET_ECON_AGREEMENT] = {"Økonomi pr. aftale", "Economy by agreement"},
    [LIS_L_SHEET_ECON_AREA] = {"Økonomi pr. politikområde", "Economy by policy area"},
    [LIS_L_SHEET_TRANSFERS] = {"Omplaceringer", "Transfers"},
    [LIS_L_SHEET_DATA_MORE] = {"Data", "Data"},
    [LIS_L_REACHED_TITLE] = {"Kom vi i mål?", "Did we reach the goals?"},
    [LIS_L_AS_OF] = {"Opgjort pr.", "As of"},
    [LIS_L_NEWEST_BATCH] = {"nyeste datalevering", "newest data batch"},
    [LIS_L_NO_BATCH] = {"ingen datalevering", "no data batch"},
    [LIS_L_RUN] = {"kørsel", "run"},
    [LIS_L_PAGE] = {"Side", "Page"},
    [LIS_L_OF] = {"af", "of"},
    [LIS_L_HOLDER] = {"Aftaleholder", "Holder"},
    [LIS_L_LEADER] = {"Leder", "Leader"},
    [LIS_L_GRANTOR] = {"Aftalegiver", "Grantor"},
    [LIS_L_YEAR] = {"År", "Year"},
    [LIS_L_STATUS] = {"Status", "Status"},
    [LIS_L_LEVEL] = {"Niveau", "Level"},
    [LIS_L_PARENT] = {"Overordnet aftale", "Parent agreement"},
    [LIS_L_AREA] = {"Fagområde", "Area"},
    [LIS_L_NO_AREA] = {"Uden fagområde", "No area"},
    [LIS_L_GOAL_ID] = {"Mål-id", "Goal id"},
    [LIS_L_GOAL] = {"Mål", "Goal"},
    [LIS_L_GOALS] = {"Mål", "Goals"},
    [LIS_L_KIND] = {"Type", "Kind"},
    [LIS_L_FOCUS_AREA] = {"Fokusområde", "Focus area"},
    [LIS_L_CROSS_CUTTING] = {"Tværfagligt", "Cross-cutting"},
    [LIS_L_SHARED_FROM] = {"Delt fra aftale", "Shared from agreement"},
    [LIS_L_INDICATOR_ID] = {"Indikator-id", "Indicator id"},
    [LIS_L_INDICATOR] = {"Indikator", "Indicator"},
    [LIS_L_UNIT_OF_MEASURE] = {"Måleenhed", "Unit of measure"},
    [LIS_L_ACTUAL_YTD] = {"Faktisk år til dato", "Actual year to date"},
    [LIS_L_TARGET_YTD] = {"Mål år til dato", "Target year to date"},
    [LIS_L_ACTUAL] = {"Faktisk", "Actual"},
    [LIS_L_TARGET] = {"Målværdi", "Target"},
    [LIS_L_ATTAINMENT] = {"Målopfyldelse", "Attainment"},
    [LIS_L_ATTAINMENT_YTD] = {"Målopfyldelse år til dato", "Attainment year to date"},
    [LIS_L_ATTAINMENT_YEAR] = {"Målopfyldelse for året", "Attainment for the year"},
    [LIS_L_TRAFFIC_LIGHT] = {"Status", "Status"},
    [LIS_L_COMMENT] = {"Kommentar", "Comment"},
    [LIS_L_COMMENT_STATUS] = {"Kvalitativ status", "Qualitative status"},
    [LIS_L_COMMENT_PERIOD] = {"Kommentarens periode", "Comment period"},
    [LIS_L_AUTHOR] = {"Forfatter", "Author"},
    [LIS_L_QUALITATIVE] = {"Kvalitativ opfølgning", "Qualitative follow-up"},
    [LIS_L_GOAL_TOTAL] = {"Målet samlet", "Goal overall"},
    [LIS_L_MONTH] = {"Måned", "Month"},
    [LIS_L_QUARTER] = {"Kvartal", "Quarter"},
    [LIS_L_YES] = {"ja", "yes"},
    [LIS_L_NO] = {"nej", "no"},
    [LIS_L_WEIGHT] = {"Vægt", "Weight"},
    [LIS_L_ECONOMY] = {"Økonomi", "Economy"},
    [LIS_L_ANNUAL_BUDGET] = {"Korrigeret budget for året",
                             "Corrected budget for the year"},
    [LIS_L_BUDGET] = {"Budget", "Budget"},
    [LIS_L_BUDGET_CUM] = {"Budget akkumuleret", "Budget cumulative"},
    [LIS_L_ACTUAL_SPEND] = {"Forbrug", "Actual"},
    [LIS_L_ACTUAL_CUM] = {"Forbrug akkumuleret", "Actual cumulative"},
    [LIS_L_BUDGET_YTD] = {"Budget år til dato", "Budget year to date"},
    [LIS_L_ACTUAL_YTD_SPEND] = {"Forbrug år til dato", "Actual year to date"},
    [LIS_L_CONSUMPTION_PCT] = {"Forbrugsprocent", "Consumption %"},
    [LIS_L_EXPECTED_PCT] = {"Forventet forbrugsprocent", "Expected %"},
    [LIS_L_DEVIATION] = {"Afvigelse", "Deviation"},
    [LIS_L_FORECAST] = {"Forventet regnskab", "Forecast"},
    [LIS_L_ECONOMY_STATUS] = {"Økonomistatus", "Economy status"},
    [LIS_L_POLICY_AREA] = {"Politikområde", "Policy area"},
    [LIS_L_SERVICE_FRAME] = {"Serviceramme", "Service frame"},
    [LIS_L_UNALLOCATED] = {"Ikke fordelt", "Unallocated"},
    [LIS_L_UNKNOWN] = {"ukendt", "unknown"},
    [LIS_L_TOTAL] = {"I alt", "Total"},
    [LIS_L_NO_BUDGET] = {"Ingen budgetlinjer", "No budget lines"},
    [LIS_L_UNIT_ID] = {"Enhed", "Unit"},
    [LIS_L_UNIT_NAME] = {"Enhedens navn", "Unit name"},
    [LIS_L_PERIOD] = {"Periode", "Period"},
    [LIS_L_PERIOD_START] = {"Periodens start", "Period start"},
    [LIS_L_VALUE] = {"Værdi", "Value"},
    [LIS_L_BATCH] = {"Datalevering", "Batch"},
    [LIS_L_FILE] = {"Fil", "File"},
    [LIS_L_NO_VALUE] = {"ingen værdi", "no value"},
    [LIS_L_N_GOALS] = {"Mål i alt", "Goals"},
    [LIS_L_N_REACHED] = {"Nået", "Reached"},
    [LIS_L_N_PARTLY] = {"Delvist nået", "Partly reached"},
    [LIS_L_N_NOT_REACHED] = {"Ikke nået", "Not reached"},
    [LIS_L_N_NO_DATA] = {"Uden data", "No data"},
    [LIS_L_N_GREEN] = {"Grønne", "Green"},
    [LIS_L_N_YELLOW] = {"Gule", "Yellow"},
    [LIS_L_N_RED] = {"Røde", "Red"},
    [LIS_L_N_GREY] = {"Uden data", "No data"},
    [LIS_L_TRANSFER_ID] = {"Omplacering", "Transfer"},
    [LIS_L_DATE] = {"Dato", "Date"},
    [LIS_L_FROM_COST_CENTRE] = {"Fra omkostningssted", "From cost centre"},
    [LIS_L_FROM_FUNCTION] = {"Fra funktion", "From function"},
    [LIS_L_TO_COST_CENTRE] = {"Til omkostningssted", "To cost centre"},
    [LIS_L_TO_FUNCTION] = {"Til funktion", "To function"},
    [LIS_L_AMOUNT] = {"Beløb", "Amount"},
    [LIS_L_NOTE] = {"Note", "Note"},
    [LIS_L_VERDICT] = {"Vurdering", "Verdict"},
    [LIS_L_FLAGS] = {"Markeringer", "Flags"},
    [LIS_L_NO_FLAGGED] = {"Ingen markerede omplaceringer", "No flagged transfers"},
    [LIS_L_NONE_ROWS] = {"(ingen)", "(none)"},
    [LIS_L_NAME] = {"Navn", "Name"},
    [LIS_L_AGREEMENT_NAME] = {"Aftalenavn", "Agreement name"},
    [LIS_L_CHART_ACTUAL_VS_TARGET] = {"Faktisk og mål pr. måned",
                                      "Actual and target by month"},
    [LIS_L_CHART_BUDGET_VS_ACTUAL] = {"Budget og forbrug pr. måned",
                                      "Budget and actual by month"},
    [LIS_L_KR] = {"kr.", "DKK"},
    [LIS_L_DEV_AGREEMENT] = {"Udviklingsaftale", "Agreement"},
    [LIS_L_STATUS_AS_OF] = {"Status pr.", "Status as of"},
    [LIS_L_AREA_SHORT] = {"Område", "Area"},
    [LIS_L_PARENT_SHORT] = {"Overordnet aftale", "Parent"},
    [LIS_L_AGREEMENT_STATUS] = {"Aftalestatus", "Status"},
    [LIS_L_BUDGET_YEAR] = {"Budgetår", "Budget year"},
    [LIS_L_YEAR_TO_DATE] = {"år til dato", "year to date"},
    [LIS_L_STATUS_COMMENT] = {"Status og kommentar", "Status and comment"},
    [LIS_L_SHARED_FROM_LC] = {"delt fra aftale", "shared from agreement"},
    [LIS_L_QUALITATIVE_SHORT] = {"Kvalitativ opfølgning", "Qualitative"},
    [LIS_L_NO_GOALS] = {"Aftalen har ingen mål.", "The agreement has no goals."},
    [LIS_L_CONTINUED] = {"fortsat", "continued"},
    [LIS_L_GOAL_STATUS_BY_MONTH] = {"Målenes status måned for måned",
                                    "Goal status by month"},
    [LIS_L_NO_BUDGET_LINES] =
        {"Der er ingen budgetlinjer på aftalens omkostningssteder.",
         "There are no budget lines on the agreement's cost centres."},
    [LIS_L_AMOUNT_KR_FMT] = {"%s kr.", "DKK %s"},
    [LIS_L_ANNUAL_BUDGET_SHORT] = {"Korrigeret budget, hele året",
                                   "Corrected budget, year"},
    [LIS_L_DEVIATION_NOW] = {"Afvigelse (forbrug − budget)",
                             "Deviation (actual − budget)"},
    [LIS_L_CONSUMPTION] = {"Forbrugsprocent", "Consumption"},
    [LIS_L_EXPECTED_CONSUMPTION] = {"Forventet forbrugsprocent", "Expected consumption"},
    [LIS_L_FORECAST_DEVIATION] = {"Forventet afvigelse fra budget", "Forecast deviation"},
    [LIS_L_TARGET_SHORT] = {"Mål", "Target"},
    [LIS_L_ATTAINMENT_PCT] = {"Opfyldelse %", "Attainment %"},
    [LIS_L_QUARTER_SHORT_FMT] = {"%d. kvt.", "Q%d"},
    [LIS_L_WITHIN] = {"Inden for", "Within"},
    [LIS_L_LOWER_IS_BETTER] = {"Lavere er bedre", "Lower is better"},
    [LIS_L_HIGHER_IS_BETTER] = {"Højere er bedre", "Higher is better"},
    [LIS_L_AGGREGATION] = {"Opgørelse", "Aggregation"},
    [LIS_L_YEAR_TO_DATE_CAP] = {"År til dato", "Year to date"},
    [LIS_L_ACTUAL_LC] = {"faktisk", "actual"},
    [LIS_L_TARGET_LC] = {"mål", "target"},
    [LIS_L_ATTAINMENT_LC] = {"målopfyldelse", "attainment"},
    [LIS_L_INDICATORS] = {"Indikatorer", "Indicators"},
    [LIS_L_ECONOMY_PAGE] = {"Økonomi: budget og forbrug", "Economy: budget and actual"},
    [LIS_L_BUDGET_CUM_SHORT] = {"Budget akk.", "Budget cum."},
    [LIS_L_ACTUAL_CUM_SHORT] = {"Forbrug akk.", "Actual cum."},
    [LIS_L_CONSUMED_PCT] = {"Forbrug %", "Consumed %"},
    [LIS_L_ECONOMY_NOTE] =
        {"Beløb i 1.000 kr. Status: forventet regnskab sammenholdt med "
         "korrigeret budget.",
         "Amounts in DKK 1,000. Status: forecast against the corrected "
         "budget."},
    [LIS_L_GOAL_LC] = {"mål", "goal"},
    [LIS_L_DASHBOARD_TITLE] = {"Direktionens kvartalsoverblik", "Executive dashboard"},
    [LIS_L_DASHBOARD_SHORT] = {"Kvartalsoverblik", "Executive dashboard"},
    [LIS_L_QUARTER_YEAR_FMT] = {"%d. kvartal %d", "Q%d %d"},
    [LIS_L_DASHBOARD_INTRO_FMT] =
        {"Målstatus år til dato ved udgangen af %s %d, økonomi: forventet regnskab "
         "mod korrigeret budget. Aftalerne er sorteret efter risiko: flest røde først.",
         "Goal status year to date at the end of %s %d, economy forecast against "
         "the corrected budget. Agreements sorted by risk: most red first."},
    [LIS_L_DASHBOARD_COUNTS_FMT] = {"%zu aftaler, %zu mål:",
                                    "%zu agreements, %zu goals:"},
    [LIS_L_C_GREEN] = {"grønne", "green"},
    [LIS_L_C_YELLOW] = {"gule", "yellow"},
    [LIS_L_C_RED] = {"røde", "red"},
    [LIS_L_C_GREY] = {"uden data", "no data"},
    [LIS_L_C_NOT_DUE] = {"ikke aktuelle", "not due"},
    [LIS_L_C_NO_BUDGET] = {"uden budget", "no budget"},
    [LIS_L_ECON_SHORT] = {"Øk.", "Econ."},
    [LIS_L_DEV_KR_SHORT] = {"Afv. 1.000 kr.", "Dev. DKK 1,000"},
    [LIS_L_NO_BUDGET_LC] = {"intet budget", "no budget"},
    [LIS_L_DASHBOARD_LEGEND] =
        {"Kolonner: mål 1, 2, … i aftalens rækkefølge; Øk. = økonomiens status; "
         "Afv. = forventet regnskab − korrigeret budget, i 1.000 kr. og i %. "
         "Stiplet cirkel: ikke aktuel endnu.",
         "Columns: goals 1, 2, … in the agreement's order; Econ. = economy status; "
         "Dev. = forecast − corrected budget, in DKK 1,000 and in %. Dashed "
         "circle: not due yet."},
    [LIS_L_DATA_AS_OF] = {"data pr.", "data as of"},
    [LIS_L_BATCH_LC] = {"indlæsning", "batch"},
    [LIS_L_CHART_NO_DATA] = {"Ingen data", "No data"},
    [LIS_L_TARGET_RANGE] = {"Målinterval", "Target range"},
    [LIS_L_MIO_KR] = {"mio. kr.", "DKK million"},
    [LIS_L_THOUSAND_KR] = {"1.000 kr.", "DKK 1,000"},
    [LIS_L_BUDGET_MONTH] = {"Budget, måned", "Budget, month"},
    [LIS_L_ACTUAL_MONTH] = {"Forbrug, måned", "Actual, month"},
    [LIS_L_BUDGET_CUMULATIVE] = {"Budget, akkumuleret", "Budget, cumulative"},
    [LIS_L_ACTUAL_CUMULATIVE] = {"Forbrug, akkumuleret", "Actual, cumulative"},
    [LIS_L_PER_MONTH_FMT] = {"%s pr. måned", "%s per month"},
    [LIS_L_CUMULATIVE_FMT] = {"%s akkumuleret", "%s cumulative"},
    [LIS_L_HTML_SEARCH] = {"Søg", "Search"},
    [LIS_L_HTML_ALL_AREAS] = {"Alle fagområder", "All areas"},
    [LIS_L_HTML_SHOWN] = {"aftaler vist", "agreements shown"},
    [LIS_L_HTML_SORT_HINT] = {"Klik på en kolonneoverskrift for at sortere.",
                              "Click a column heading to sort."},
    [LIS_L_HTML_RANK] = {"Nr.", "No."},
    [LIS_L_HTML_NO_MATCH] = {"Ingen aftaler passer til filteret.",
                             "No agreement matches the filter."},
    [LIS_L_HTML_DEV_KR] = {"Forventet afvigelse, 1.000 kr.",
                           "Forecast deviation, DKK 1,000"},
    [LIS_L_HTML_DEV_PCT] = {"Forventet afvigelse, %", "Forecast deviation, %"},
    [LIS_L_HTML_LINE_CHART_FMT] = {"Linjediagram over faktisk værdi og mål for %s. "
                                   "Tallene står i tabellen under diagrammet.",
                                   "Line chart of the actual value and the target of %s. "
                                   "The figures are in the table below the chart."},
    [LIS_L_HTML_COLUMN_CHART] = {"Søjlediagram over budget og forbrug pr. måned med "
                                 "akkumulerede linjer. Tallene står i tabellen under "
                                 "diagrammet.",
                                 "Column chart of budget and actual spending per month "
                                 "with cumulative lines. The figures are in the table "
                                 "below the chart."},
    [LIS_L_HTML_MONTHLY_REPORT] = {"Aftalens månedsrapport",
                                   "The agreement's monthly report"},
};

static int
is_en(const char *lang)
{
    return lang && strcmp(lang, "en") == 0;
}

const char *
lis_label(lis_label_id id, const char *lang)
{
    if ((int)id < 0 || id >= LIS_L_COUNT_ || labels[id].da == NULL)
        return "?";
    return is_en(lang) ? labels[id].en : labels[id].da;
}

const char *
lis_label_fmt(lis_label_id id, const char *lang, const char *proto)
{
    (void)proto;
    return lis_label(id, lang);
}

const char *
lis_label_light(lis_light light, const char *lang)
{
    static const label l[] = {
        [LIS_LIGHT_NONE] = {"", ""},
        [LIS_LIGHT_GREEN] = {"Grøn", "Green"},
        [LIS_LIGHT_YELLOW] = {"Gul", "Yellow"},
        [LIS_LIGHT_RED] = {"Rød", "Red"},
        [LIS_LIGHT_GREY] = {"Ingen data", "No data"},
        [LIS_LIGHT_NOT_DUE] = {"Ikke aktuel", "Not due"},
    };
    if ((size_t)light >= sizeof l / sizeof *l)
        return "";
    return is_en(lang) ? l[light].en : l[light].da;
}

const char *
lis_label_reached(lis_light light, const char *lang)
{
    switch (light) {
    case LIS_LIGHT_GREEN:
        return lis_label(LIS_L_N_REACHED, lang);
    case LIS_LIGHT_YELLOW:
        return lis_label(LIS_L_N_PARTLY, lang);
    case LIS_LIGHT_RED:
        return lis_label(LIS_L_N_NOT_REACHED, lang);
    case LIS_LIGHT_NOT_DUE:
        return lis_label_light(light, lang);
    default:
        return lis_label(LIS_L_N_NO_DATA, lang);
    }
}

typedef struct code_label {
    const char *code, *da, *en;
} code_label;

static const char *
lookup(const code_label *t, size_t n, const char *code, const char *lang)
{
    if (code == NULL)
        return "";
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].code, code) == 0)
            return is_en(lang) ? t[i].en : t[i].da;
    return code;
}

#define LOOKUP(t, code, lang) lookup(t, sizeof t / sizeof *t, code, lang)

const char *
lis_label_goal_kind(const char *kind, const char *lang)
{
    static const code_label t[] = {
        {"politisk-strategisk", "Politisk strategisk", "Political strategic"},
        {"politisk-driftsnaer", "Politisk driftsnært", "Political operational"},
        {"fagligt", "Fagligt", "Professional"},
        {"eget", "Eget", "Own"},
        {"koncern", "Koncernmål", "Corporate"},
    };
    return LOOKUP(t, kind, lang);
}

const char *
lis_label_focus_area(const char *area, const char *lang)
{
    static const code_label t[] = {
        {"uddannelse", "Uddannelse", "Education"},
        {"beskaeftigelse", "Beskæftigelse", "Employment"},
        {"mestring", "Mestring af eget liv", "Coping with one's own life"},
        {"erhverv", "Erhvervsudvikling", "Business development"},
    };
    return LOOKUP(t, area, lang);
}

const char *
lis_label_agreement_status(const char *status, const char *lang)
{
    static const code_label t[] = {
        {"udkast", "Udkast", "Draft"},
        {"godkendt", "Godkendt", "Approved"},
        {"afsluttet", "Afsluttet", "Closed"},
    };
    return LOOKUP(t, status, lang);
}

const char *
lis_label_goal_status(const char *status, const char *lang)
{
    static const code_label t[] = {
        {"opfyldt", "Opfyldt", "Met"},
        {"paa-sporet", "På sporet", "On track"},
        {"delvist", "Delvist", "Partly"},
        {"forsinket", "Forsinket", "Delayed"},
        {"ikke-opfyldt", "Ikke opfyldt", "Not met"},
        {"ikke-startet", "Ikke startet", "Not started"},
    };
    return LOOKUP(t, status, lang);
}

const char *
lis_label_verdict(const char *verdict, const char *lang)
{
    static const code_label t[] = {
        {"ikke tilladt (serviceramme)", "Ikke tilladt (serviceramme)",
         "Not allowed (service frame)"},
        {"kræver politisk behandling", "Kræver politisk behandling",
         "Needs a political decision"},
        {"inden for råderum", "Inden for råderum", "Within the agreement's latitude"},
        {"ukendt funktion", "Ukendt funktion", "Unknown function"},
    };
    return LOOKUP(t, verdict, lang);
}

const char *
lis_label_month(int month, const char *lang)
{
    static const label m[12] = {
        {"januar", "January"},  {"februar", "February"},  {"marts", "March"},
        {"april", "April"},     {"maj", "May"},           {"juni", "June"},
        {"juli", "July"},       {"august", "August"},     {"september", "September"},
        {"oktober", "October"}, {"november", "November"}, {"december", "December"},
    };
    if (month < 1 || month > 12)
        return "";
    return is_en(lang) ? m[month - 1].en : m[month - 1].da;
}

const char *
lis_label_month_short(int month, const char *lang)
{
    static const label m[12] = {
        {"jan", "Jan"}, {"feb", "Feb"}, {"mar", "Mar"}, {"apr", "Apr"},
        {"maj", "May"}, {"jun", "Jun"}, {"jul", "Jul"}, {"aug", "Aug"},
        {"sep", "Sep"}, {"okt", "Oct"}, {"nov", "Nov"}, {"dec", "Dec"},
    };
    if (month < 1 || month > 12)
        return "";
    return is_en(lang) ? m[month - 1].en : m[month - 1].da;
}
