/*
 * fuzz_util.h - what the fuzz targets share: the input as a file.
 *
 * The CSV reader and the profile parser take a path, so each input is
 * written to one private temporary file (created once per process).
 */
#ifndef LIS_FUZZ_UTIL_H
#define LIS_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Writes data to the process's temporary file and returns its path. */
const char *lis_fuzz_file(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
