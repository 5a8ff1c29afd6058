/*
 * png_out.h - writing (and, for tests, reading) PNG files through libpng.
 *
 * cairo_surface_write_to_png compresses with zlib's default level and the
 * adaptive row filter and keeps the alpha channel: about 20 ms for a
 * 1280x720 chart. Charts are opaque and mostly flat colour, so lis writes RGB
 * with settings chosen by measurement (bench/charts_bench.c, "png" mode):
 * see LIS_PNG_DEFAULT_* below and the README.
 */
#ifndef LIS_PNG_OUT_H
#define LIS_PNG_OUT_H

#include <stdint.h>

#include <cairo.h>

#include "error.h"

/* The encoder's settings. filter is a PNG_FILTER_* mask of libpng (0: the
 * default below); level is zlib's 0..9; strategy is zlib's Z_* strategy. */
typedef struct lis_png_opts {
    int filter;
    int level;
    int strategy;
} lis_png_opts;

/* The measured defaults (see png.c for the figures). */
void lis_png_opts_default(lis_png_opts *opts);

/*
 * Writes an image surface (CAIRO_FORMAT_RGB24 or ARGB32 over an opaque
 * background) to path as 8-bit RGB. opts may be NULL for the defaults. The
 * file is written whole or not at all: on failure it is removed. Returns
 * LIS_OUTPUT with the path and reason on failure.
 */
lis_status lis_png_write(cairo_surface_t *surface, const char *path,
                         const lis_png_opts *opts, lis_error *err);

/*
 * Reads an 8-bit RGB or RGBA PNG into a newly allocated RGB buffer (*rgb,
 * freed by the caller with free()), width and height. For tests and the
 * golden comparison. Returns LIS_INPUT on a file that is not such a PNG.
 */
lis_status lis_png_read(const char *path, uint8_t **rgb, int *width, int *height,
                        lis_error *err);

#endif
