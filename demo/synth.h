/*
 * synth.h - a synthetic municipality for tests, benchmarks and "lis demo".
 *
 * Writes the native input files (SPEC section 2: UTF-8, ';', decimal comma)
 * of a municipality like the seed's: one kommune, a direktion, seven
 * generated fagområder plus "Børn og Unge" holding the SPEC's worked example
 * unchanged (agreements UA-BUV and UA-EKS), areas with two institutions each,
 * 112 agreement holders at scale 1 (8 level-1, 104 level-2; 1,048 at scale
 * 10). Every goal kind, focus area, aggregation, profile, method, frequency
 * and direction occurs; there is a year of monthly data, budget lines
 * (about 100,000 per scale unit, some yearly, some on unallocated cost
 * centres), qualitative statuses and transfers. The output depends only on
 * the scale, the seed and the year: the same arguments give the same bytes.
 */
#ifndef LIS_SYNTH_H
#define LIS_SYNTH_H

#include "error.h"

/* The kinds in import order; file names are KIND.csv. */
extern const char *const lis_synth_kinds[];
#define LIS_SYNTH_NKINDS 11

typedef struct lis_synth_stats {
    long units, cost_centres, agreements, goals, targets, measurements, budget_lines,
        statuses, transfers;
} lis_synth_stats;

/*
 * Writes the files into dir (which must exist) for budget year year.
 * stats may be NULL. Returns LIS_OK or LIS_OUTPUT with err naming the file.
 */
lis_status lis_synth_write(const char *dir, int scale, unsigned seed, int year,
                           lis_synth_stats *stats, lis_error *err);

#endif
