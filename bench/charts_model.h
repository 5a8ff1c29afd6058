/*
 * charts_model.h - a synthetic report model for the chart benchmark and the
 * golden chart tests: n agreements of a municipality-sized shape (four
 * goals with ten indicators and a qualitative goal each, a year of economy),
 * from a fixed pseudo-random sequence so that the same arguments give the
 * same model on every machine.
 */
#ifndef LIS_CHARTS_MODEL_H
#define LIS_CHARTS_MODEL_H

#include "report.h"

/* A model of n agreements as of month (1..12) of 2026; lis_report_free. */
lis_report *charts_model_new(int n, int month, unsigned seed);

/* Gives agreement a n qualitative goals with long titles and comments
 * (replacing its goals), to make the goals table run over several pages. */
void charts_model_many_goals(lis_rm_agreement *a, int n);

#endif
