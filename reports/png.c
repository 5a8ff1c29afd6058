/*
 * png.c - PNG files through libpng: RGB rows straight from a cairo image
 * surface, with the row filter and zlib settings lis measured.
 *
 * Measured with bench/charts_bench.c png (112 agreements, 1,120 line charts of
 * 1280x720 plus 112 economy charts, one core, Debian 12, libpng 1.6.39, zlib
 * 1.2.13): see the table in README.md. No filter with zlib level 1 and the
 * default strategy gives files a little larger than cairo's at a fraction of
 * the time. Z_RLE was no faster (6.2 against 6.3 ms a chart) and its files
 * larger; libdeflate (level 2, the whole image at once) compressed these
 * images only 8 % faster than zlib's level 1 (3.8 against 4.1 ms, issue 10).
 */
#include "png_out.h" /* not "png.h": that name is libpng's */

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <unistd.h>
#include <zlib.h>

#include "mem.h"

void
lis_png_opts_default(lis_png_opts *opts)
{
    opts->filter = PNG_FILTER_NONE;
    opts->level = 1;
    opts->strategy = Z_DEFAULT_STRATEGY;
}

typedef struct png_ctx {
    char msg[200];
} png_ctx;

static void
on_png_error(png_structp png, png_const_charp msg)
{
    png_ctx *ctx = png_get_error_ptr(png);
    if (ctx)
        snprintf(ctx->msg, sizeof ctx->msg, "%s", msg);
    png_longjmp(png, 1);
}

static void
on_png_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

typedef struct image {
    const unsigned char *data;
    int w, h, stride;
} image;

static void
write_image(png_structp png, png_infop info, FILE *f, const image *im,
            const lis_png_opts *opts, unsigned char *row)
{
    png_init_io(png, f);
    png_set_IHDR(png, info, (png_uint_32)im->w, (png_uint_32)im->h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE,
                   opts->filter ? opts->filter : PNG_FILTER_NONE);
    png_set_compression_level(png, opts->level);
    png_set_compression_strategy(png, opts->strategy);
    png_set_compression_buffer_size(png, 1 << 17);
    png_write_info(png, info);
    for (int y = 0; y < im->h; y++) {
        /* cairo keeps pixels as native-endian 32-bit xRGB words. */
        const uint32_t *src = (const uint32_t *)(im->data + (size_t)y * im->stride);
        unsigned char *d = row;
        for (int x = 0; x < im->w; x++) {
            uint32_t p = src[x];
            *d++ = (unsigned char)(p >> 16);
            *d++ = (unsigned char)(p >> 8);
            *d++ = (unsigned char)p;
        }
        png_write_row(png, row);
    }
    png_write_end(png, info);
}

/* libpng reports errors by longjmp: keep setjmp in a function that does
 * nothing after the jump but return. */
static bool
encode(png_structp png, png_infop info, FILE *f, const image *im,
       const lis_png_opts *opts, unsigned char *row)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    write_image(png, info, f, im, opts, row);
    return true;
}

lis_status
lis_png_write(cairo_surface_t *surface, const char *path, const lis_png_opts *opts,
              lis_error *err)
{
    lis_png_opts def;
    if (opts == NULL) {
        lis_png_opts_default(&def);
        opts = &def;
    }
    cairo_surface_flush(surface);
    int w = cairo_image_surface_get_width(surface);
    int h = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    const unsigned char *data = cairo_image_surface_get_data(surface);
    if (data == NULL || w <= 0 || h <= 0)
        return lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": not an image",
                             path);

    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", path,
                             strerror(errno));
    char iobuf[1 << 16];
    setvbuf(f, iobuf, _IOFBF, sizeof iobuf);

    png_ctx ctx = {{0}};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &ctx, on_png_error,
                                              on_png_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    unsigned char *row = lis_xmalloc((size_t)w * 3);
    image im = {data, w, h, stride};
    bool ok = png && info && encode(png, info, f, &im, opts, row);
    png_destroy_write_struct(&png, &info);
    free(row);
    int close_failed = fclose(f) != 0;
    if (!ok || close_failed) {
        int e = errno;
        unlink(path);
        return lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", path,
                             ctx.msg[0] ? ctx.msg : strerror(e));
    }
    return LIS_OK;
}

lis_status
lis_png_read(const char *path, uint8_t **rgb, int *width, int *height, lis_error *err)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    *rgb = NULL;
    if (!png_image_begin_read_from_file(&img, path))
        return lis_error_set(err, LIS_INPUT, "could not read \"%s\": %s", path,
                             img.message);
    img.format = PNG_FORMAT_RGB;
    uint8_t *buf = lis_xmalloc(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, NULL, buf, 0, NULL)) {
        free(buf);
        lis_status st =
            lis_error_set(err, LIS_INPUT, "could not read \"%s\": %s", path, img.message);
        png_image_free(&img);
        return st;
    }
    *rgb = buf;
    *width = (int)img.width;
    *height = (int)img.height;
    return LIS_OK;
}
