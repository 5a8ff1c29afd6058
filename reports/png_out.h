/*
 * png_out.h - writing PNG files (and, for tests, reading them through
 * libpng).
 *
 * cairo_surface_write_to_png compresses with zlib's default level and the
 * adaptive row filter and keeps the alpha channel: about 30 ms for a
 * 1280x720 chart. Charts are opaque and mostly flat colour, so lis writes RGB
 * with no row filter, deflated by ISA-L (png.c has the figures; compare with
 * bench/charts_bench.c, "png" mode).
 */
#ifndef LIS_PNG_OUT_H
#define LIS_PNG_OUT_H

#include <stdint.h>

#include <cairo.h>

#include "error.h"

/*
 * Writes an image surface (CAIRO_FORMAT_RGB24 or ARGB32 over an opaque
 * background) to path as 8-bit RGB. The file is written whole or not at
 * all: on failure it is removed. Returns LIS_OUTPUT with the path and reason
 * on failure.
 */
lis_status lis_png_write(cairo_surface_t *surface, const char *path, lis_error *err);

/*
 * Reads an 8-bit RGB or RGBA PNG into a newly allocated RGB buffer (*rgb,
 * freed by the caller with free()), width and height. For tests and the
 * golden comparison. Returns LIS_INPUT on a file that is not such a PNG.
 */
lis_status lis_png_read(const char *path, uint8_t **rgb, int *width, int *height,
                        lis_error *err);

#endif
