/*
 * kinds.c - the tables of kinds.h: SPEC section 2, column by column.
 */
#include "kinds.h"

#include <string.h>

#define REQ true, true
#define COL true, false  /* the column must be there, its cells may be empty */
#define OPT false, false /* the column may be missing */

#define MONEY 0, 0, true

const lis_kind lis_kinds[] = {
    {"units", "units", true, "unit_id", 5,
     {{"unit_id", "enhed", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"name", "navn", LIS_F_TEXT, REQ, NULL, NULL, 0, 0, false},
      {"parent_id", "overordnet", LIS_F_ID, COL, NULL, NULL, 0, 0, false},
      {"kind", "type", LIS_F_ENUM, REQ, NULL,
       "kommune|direktion|fagomraade|omraade|institution", 0, 0, false},
      {"leader", "leder", LIS_F_TEXT, OPT, NULL, NULL, 0, 0, false}},
     {"queries/import_units_merge.sql"}},
    {"cost-centres", "cost_centres", true, "cost_centre", 3,
     {{"cost_centre", "omkostningssted", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"unit_id", "enhed", LIS_F_ID, COL, NULL, NULL, 0, 0, false},
      {"name", "navn", LIS_F_TEXT, OPT, NULL, NULL, 0, 0, false}},
     {"queries/import_cost_centres_merge.sql"}},
    {"accounts", "accounts", true, "function", 4,
     {{"function", "funktion", LIS_F_FUNC, REQ, NULL, NULL, 0, 0, false},
      {"name", "navn", LIS_F_TEXT, REQ, NULL, NULL, 0, 0, false},
      {"policy_area", "politikomraade", LIS_F_TEXT, REQ, NULL, NULL, 0, 0, false},
      {"service_frame", "serviceramme", LIS_F_BOOL, REQ, NULL, NULL, 0, 0, false}},
     {"queries/import_accounts_merge.sql"}},
    {"agreements", "agreements", true, "agreement_id", 7,
     {{"agreement_id", "aftale", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"year", "aar", LIS_F_INT, REQ, NULL, NULL, 1900, 2999, false},
      {"name", "navn", LIS_F_TEXT, REQ, NULL, NULL, 0, 0, false},
      {"holder_unit", "aftaleholder", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"grantor_unit", "aftalegiver", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"parent_agreement", "overordnet_aftale", LIS_F_ID, OPT, NULL, NULL, 0, 0, false},
      {"status", NULL, LIS_F_ENUM, REQ, NULL, "udkast|godkendt|afsluttet", 0, 0, false}},
     {"queries/import_agreements_merge.sql"}},
    {"goals", "goals", true, "goal_id", 10,
     {{"goal_id", "maal", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"agreement_id", "aftale", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"title", "titel", LIS_F_TEXT, REQ, NULL, NULL, 0, 0, false},
      {"kind", "type", LIS_F_ENUM, REQ, NULL,
       "politisk-strategisk|politisk-driftsnaer|fagligt|eget|koncern", 0, 0, false},
      {"focus_area", "fokusomraade", LIS_F_ENUM, OPT, NULL,
       "uddannelse|beskaeftigelse|mestring|erhverv", 0, 0, false},
      {"cross_cutting", "tvaerfagligt", LIS_F_BOOL, OPT, "f", NULL, 0, 0, false},
      {"shared_with", "delt_med", LIS_F_IDLIST, OPT, NULL, NULL, 0, 0, false},
      {"first_year", "foerste_aar", LIS_F_INT, OPT, NULL, NULL, 1900, 2999, false},
      {"last_year", "sidste_aar", LIS_F_INT, OPT, NULL, NULL, 1900, 2999, false},
      {"description", "beskrivelse", LIS_F_TEXT, OPT, NULL, NULL, 0, 0, false}},
     {"queries/import_goals_merge.sql", "queries/import_goals_share_clear.sql",
      "queries/import_goals_share.sql"}},
    {"indicators", "indicators", true, "indicator_id", 9,
     {{"indicator_id", "indikator", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"name", "navn", LIS_F_TEXT, REQ, NULL, NULL, 0, 0, false},
      {"unit", "enhed_maal", LIS_F_TEXT, OPT, "", NULL, 0, 0, false},
      {"direction", "retning", LIS_F_ENUM, REQ, NULL, "op|ned|interval", 0, 0, false},
      {"aggregation", "aggregering", LIS_F_ENUM, REQ, NULL, "sum|mean|last|min|max|ratio",
       0, 0, false},
      {"numerator", "taeller", LIS_F_ID, OPT, NULL, NULL, 0, 0, false},
      {"denominator", "naevner", LIS_F_ID, OPT, NULL, NULL, 0, 0, false},
      {"frequency", "frekvens", LIS_F_ENUM, REQ, NULL, "maaned|kvartal|aar", 0, 0, false},
      {"decimals", "decimaler", LIS_F_INT, OPT, "0", NULL, 0, 10, false}},
     {"queries/import_indicators_merge.sql"}},
    {"targets", "targets", true, "goal_id, indicator_id, year", 15,
     {{"goal_id", "maal", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"indicator_id", "indikator", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"year", "aar", LIS_F_INT, REQ, NULL, NULL, 1900, 2999, false},
      {"baseline", "basis", LIS_F_NUM, OPT, NULL, NULL, 0, 0, false},
      {"target", "maal_vaerdi", LIS_F_NUM, COL, NULL, NULL, 0, 0, false},
      {"low", NULL, LIS_F_NUM, OPT, NULL, NULL, 0, 0, false},
      {"high", NULL, LIS_F_NUM, OPT, NULL, NULL, 0, 0, false},
      {"method", "metode", LIS_F_ENUM, OPT, NULL, "ratio|progress", 0, 0, false},
      {"profile", "profil", LIS_F_ENUM, OPT, "flat", "flat|linear|custom", 0, 0, false},
      {"q1", NULL, LIS_F_NUM, OPT, NULL, NULL, 0, 0, false},
      {"q2", NULL, LIS_F_NUM, OPT, NULL, NULL, 0, 0, false},
      {"q3", NULL, LIS_F_NUM, OPT, NULL, NULL, 0, 0, false},
      {"q4", NULL, LIS_F_NUM, OPT, NULL, NULL, 0, 0, false},
      {"weight", "vaegt", LIS_F_NUM, OPT, "1", NULL, 0, 1e15, false},
      {"yellow", "gul", LIS_F_NUM, OPT, NULL, NULL, 0, 100, false}},
     {"queries/import_targets_merge.sql"}},
    {"measurements", "measurements", true, "indicator_id, unit_id, period", 4,
     {{"indicator_id", "indikator", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"unit_id", "enhed", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"period", "periode", LIS_F_PERIOD, REQ, NULL, NULL, 0, 0, false},
      {"value", "vaerdi", LIS_F_NUM, COL, NULL, NULL, 0, 0, true}},
     {"queries/import_measurements_history.sql", "queries/import_measurements_merge.sql"}},
    {"budget", "budget", false, NULL, 7,
     {{"period", "periode", LIS_F_BPERIOD, REQ, NULL, NULL, 0, 0, false},
      {"cost_centre", "omkostningssted", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"function", "funktion", LIS_F_FUNC, REQ, NULL, NULL, 0, 0, false},
      {"account", "art", LIS_F_ID, COL, "", NULL, 0, 0, false},
      {"budget", "korrigeret_budget", LIS_F_NUM, COL, NULL, NULL, MONEY},
      {"actual", "forbrug", LIS_F_NUM, COL, NULL, NULL, MONEY},
      {"original_budget", "oprindeligt_budget", LIS_F_NUM, OPT, NULL, NULL, MONEY}},
     {NULL}},
    {"statuses", "statuses", true, "goal_id, period", 5,
     {{"goal_id", "maal", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"period", "periode", LIS_F_PERIOD, REQ, NULL, NULL, 0, 0, false},
      {"status", NULL, LIS_F_ENUM, REQ, NULL,
       "opfyldt|paa-sporet|delvist|forsinket|ikke-opfyldt|ikke-startet", 0, 0, false},
      {"comment", "kommentar", LIS_F_TEXT, COL, NULL, NULL, 0, 0, false},
      {"author", "forfatter", LIS_F_TEXT, OPT, NULL, NULL, 0, 0, false}},
     {"queries/import_statuses_merge.sql"}},
    {"transfers", "transfers", true, "transfer_id", 8,
     {{"transfer_id", "omplacering", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"date", "dato", LIS_F_DATE, REQ, NULL, NULL, 0, 0, false},
      {"from_cost_centre", "fra_omkostningssted", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"from_function", "fra_funktion", LIS_F_FUNC, REQ, NULL, NULL, 0, 0, false},
      {"to_cost_centre", "til_omkostningssted", LIS_F_ID, REQ, NULL, NULL, 0, 0, false},
      {"to_function", "til_funktion", LIS_F_FUNC, REQ, NULL, NULL, 0, 0, false},
      {"amount", "beloeb", LIS_F_NUM, REQ, NULL, NULL, MONEY},
      {"note", NULL, LIS_F_TEXT, OPT, NULL, NULL, 0, 0, false}},
     {"queries/import_transfers_merge.sql"}},
    {NULL, NULL, false, NULL, 0, {{0}}, {NULL}},
};

const lis_kind *
lis_kind_find(const char *name)
{
    for (const lis_kind *k = lis_kinds; k->name; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}

int
lis_kind_field(const lis_kind *k, const char *name)
{
    for (int i = 0; i < k->nfields; i++)
        if (strcmp(k->fields[i].name, name) == 0)
            return i;
    return -1;
}
