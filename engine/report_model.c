/*
 * report_model.c - the parts of the report model (report.h) that need no
 * database: statuses by name, and freeing. Filling the model from the rollup
 * tables lives beside it in report.c.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static const char *const light_names[] = {
    [LIS_LIGHT_NONE] = "",   [LIS_LIGHT_GREEN] = "green", [LIS_LIGHT_YELLOW] = "yellow",
    [LIS_LIGHT_RED] = "red", [LIS_LIGHT_GREY] = "grey",   [LIS_LIGHT_NOT_DUE] = "not_due",
};

lis_light
lis_light_parse(const char *name)
{
    for (size_t i = 1; name && i < sizeof light_names / sizeof *light_names; i++)
        if (strcmp(name, light_names[i]) == 0)
            return (lis_light)i;
    return LIS_LIGHT_NONE;
}

void
lis_rm_goal_release(lis_rm_goal *g)
{
    for (size_t i = 0; i < g->n_indicators; i++) {
        lis_rm_indicator *ind = &g->indicators[i];
        free(ind->indicator_id);
        free(ind->name);
        free(ind->unit);
        free(ind->direction);
        free(ind->aggregation);
        free(ind->frequency);
    }
    free(g->indicators);
    free(g->goal_id);
    free(g->title);
    free(g->kind);
    free(g->focus_area);
    free(g->owner_agreement);
    free(g->comment);
    free(g->comment_status);
    free(g->comment_period);
    free(g->comment_author);
}

static void
free_agreement(lis_rm_agreement *a)
{
    for (size_t i = 0; i < a->n_goals; i++)
        lis_rm_goal_release(&a->goals[i]);
    free(a->goals);
    for (size_t i = 0; i < a->n_data; i++) {
        lis_rm_measurement *m = &a->data[i];
        free(m->indicator_id);
        free(m->unit_id);
        free(m->unit_name);
        free(m->period);
        free(m->batch_file);
        free(m->measure_unit);
    }
    free(a->data);
    free(a->agreement_id);
    free(a->name);
    free(a->status);
    free(a->holder_unit);
    free(a->holder_name);
    free(a->holder_leader);
    free(a->grantor_unit);
    free(a->grantor_name);
    free(a->parent_agreement);
    free(a->area_unit);
    free(a->area_name);
}

void
lis_report_free(lis_report *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->n_agreements; i++)
        free_agreement(&r->agreements[i]);
    free(r->agreements);
    for (size_t i = 0; i < r->n_areas; i++) {
        free(r->areas[i].policy_area);
        free(r->areas[i].level);
    }
    free(r->areas);
    for (size_t i = 0; i < r->n_transfers; i++) {
        lis_rm_transfer *t = &r->transfers[i];
        free(t->transfer_id);
        free(t->date);
        free(t->from_cost_centre);
        free(t->from_function);
        free(t->to_cost_centre);
        free(t->to_function);
        free(t->note);
        free(t->verdict);
        free(t->flags);
    }
    free(r->transfers);
    free(r->stamp.period);
    free(r->stamp.data_as_of);
    free(r->stamp.lang);
    free(r);
}
