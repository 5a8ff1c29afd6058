/*
 * png.c - PNG files: RGB rows straight from a cairo image surface, deflated
 * by ISA-L's igzip (level 1, zlib format); read back through libpng.
 *
 * Deflating was a third of a monthly run's CPU with libpng and zlib level 1
 * (perf, issue 10): 4.4 ms for a 1280x720 chart, against 0.65 ms for igzip's
 * level 1 and 4.1 ms for libdeflate's best, on 200 real charts; the files
 * are 3 % larger. libpng deflates only through zlib, so lis writes the four
 * chunks itself: the signature, IHDR, the deflated rows in IDAT chunks
 * (each row with filter byte 0, none: the filters cost more than they saved,
 * see the README), IEND. The tests read them back with libpng
 * (unit/test_chart, the golden charts), which checks each chunk's CRC and
 * the stream's Adler-32.
 */
#include "png_out.h" /* not "png.h": that name is libpng's */

#include <errno.h>
#include <isa-l/igzip_lib.h>
#include <png.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#if defined(__x86_64__) || defined(__i386__)
#include <tmmintrin.h>
#define RGB_SSSE3 1
#endif

#include "mem.h"

enum { ROWS_PER_CALL = 16, ROW_SLACK = 4, OUT_SIZE = 1 << 17, FIRST_BYTES = 16 };

/* One PNG being written; 0.5 MB, so on the heap. */
typedef struct png_out {
    FILE *f;
    struct isal_zstream z;
    uint8_t level_buf[ISAL_DEF_LVL1_DEFAULT]; /* igzip's level 1 works here */
    uint8_t out[OUT_SIZE];                    /* one IDAT chunk's data */
    char iobuf[1 << 16];                      /* f's buffer */
} png_out;

static void
put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static bool
write_chunk(FILE *f, const char type[4], const uint8_t *data, uint32_t len)
{
    uint8_t head[8], tail[4];
    put_be32(head, len);
    memcpy(head + 4, type, 4);
    uLong crc = crc32(crc32(0, NULL, 0), head + 4, 4);
    if (len)
        crc = crc32(crc, data, len);
    put_be32(tail, (uint32_t)crc);
    return fwrite(head, 1, 8, f) == 8 && (len == 0 || fwrite(data, 1, len, f) == len) &&
           fwrite(tail, 1, 4, f) == 4;
}

/* One igzip pass over n bytes (the stream's last with last set), writing
 * each filled output buffer as an IDAT chunk; flush ends the deflate block
 * there. */
static bool
deflate_bytes(png_out *p, uint8_t *in, size_t n, bool last, uint16_t flush)
{
    p->z.next_in = in;
    p->z.avail_in = (uint32_t)n;
    p->z.end_of_stream = last;
    p->z.flush = flush;
    do {
        p->z.next_out = p->out;
        p->z.avail_out = OUT_SIZE;
        if (isal_deflate(&p->z) != COMP_OK)
            return false;
        uint32_t made = OUT_SIZE - p->z.avail_out;
        if (made && !write_chunk(p->f, "IDAT", p->out, made))
            return false;
    } while (p->z.avail_in > 0 || p->z.avail_out == 0 ||
             (last && p->z.internal_state.state != ZSTATE_END));
    return true;
}

/* Deflates n bytes of filtered rows (the last call with last set). A
 * stream's first 16 bytes go in a block of their own (a few bytes more per
 * file): igzip's level 1 body (ISA-L 2.30, and still 2.32:
 * ".write_first_byte") hashes a stream's third byte from a register that
 * holds the stream's address, so the matches it found, and the file's
 * bytes, depended on where the writer was in memory (one chart in 700
 * differed between two runs). Under a flush the body leaves the last 16
 * bytes to its block-ending path, which starts a stream right (given 4 bytes
 * or more); after it the body has history and never takes that branch. A
 * stream of 16 bytes or fewer is that path's alone. */
static bool
deflate_rows(png_out *p, uint8_t *in, size_t n, bool last)
{
    if (p->z.total_in == 0 && n > FIRST_BYTES) {
        if (!deflate_bytes(p, in, FIRST_BYTES, false, SYNC_FLUSH))
            return false;
        in += FIRST_BYTES;
        n -= FIRST_BYTES;
    }
    return deflate_bytes(p, in, n, last, NO_FLUSH);
}

#ifdef RGB_SSSE3
/* Four pixels at a time by SSSE3's byte shuffle, a quarter of the time of
 * the loop in filtered_row (the loop was the largest part of a monthly run
 * after igzip); each store writes 4 bytes past the 12 it makes, which the
 * next store or row overwrites. Returns the pixels done. */
__attribute__((target("ssse3"))) static int
rgb_ssse3(const uint32_t *src, int w, uint8_t *d)
{
    const __m128i pick =
        _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    int x = 0;
    for (; x + 4 <= w; x += 4, d += 12) {
        __m128i px = _mm_loadu_si128((const __m128i *)(const void *)(src + x));
        _mm_storeu_si128((__m128i *)(void *)d, _mm_shuffle_epi8(px, pick));
    }
    return x;
}
#endif

/* Row y of the image as a PNG row: filter byte 0, then R, G, B per pixel
 * from cairo's native-endian 32-bit xRGB words. d has ROW_SLACK bytes to
 * spare after the row. */
static void
filtered_row(const uint8_t *data, int stride, int w, int y, uint8_t *d)
{
    const uint32_t *src = (const uint32_t *)(const void *)(data + (size_t)y * stride);
    *d++ = 0;
    int x = 0;
#ifdef RGB_SSSE3
    if (__builtin_cpu_supports("ssse3")) {
        x = rgb_ssse3(src, w, d);
        d += (size_t)x * 3;
    }
#endif
    for (; x < w; x++) {
        uint32_t px = src[x];
        *d++ = (uint8_t)(px >> 16);
        *d++ = (uint8_t)(px >> 8);
        *d++ = (uint8_t)px;
    }
}

static bool
write_png(png_out *p, const uint8_t *data, int w, int h, int stride)
{
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    uint8_t ihdr[13];
    put_be32(ihdr, (uint32_t)w);
    put_be32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8;  /* bits per sample */
    ihdr[9] = 2;  /* colour type: RGB */
    ihdr[10] = 0; /* deflate */
    ihdr[11] = 0; /* the five row filters */
    ihdr[12] = 0; /* not interlaced */
    if (fwrite(signature, 1, sizeof signature, p->f) != sizeof signature ||
        !write_chunk(p->f, "IHDR", ihdr, sizeof ihdr))
        return false;

    size_t row_len = 1 + (size_t)w * 3;
    uint8_t *rows = lis_xmalloc(row_len * ROWS_PER_CALL + ROW_SLACK);
    bool ok = true;
    for (int y = 0; ok && y < h; y += ROWS_PER_CALL) {
        int n = h - y < ROWS_PER_CALL ? h - y : ROWS_PER_CALL;
        for (int i = 0; i < n; i++)
            filtered_row(data, stride, w, y + i, rows + (size_t)i * row_len);
        ok = deflate_rows(p, rows, (size_t)n * row_len, y + n == h);
    }
    free(rows);
    return ok && write_chunk(p->f, "IEND", NULL, 0);
}

lis_status
lis_png_write(cairo_surface_t *surface, const char *path, lis_error *err)
{
    cairo_surface_flush(surface);
    int w = cairo_image_surface_get_width(surface);
    int h = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    const uint8_t *data = cairo_image_surface_get_data(surface);
    if (data == NULL || w <= 0 || h <= 0)
        return lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": not an image",
                             path);

    png_out *p = lis_xcalloc(1, sizeof *p);
    p->f = fopen(path, "wb");
    if (p->f == NULL) {
        free(p);
        return lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", path,
                             strerror(errno));
    }
    setvbuf(p->f, p->iobuf, _IOFBF, sizeof p->iobuf);
    isal_deflate_init(&p->z);
    p->z.level = 1;
    p->z.level_buf = p->level_buf;
    p->z.level_buf_size = sizeof p->level_buf;
    p->z.gzip_flag = IGZIP_ZLIB;

    errno = 0; /* igzip sets none: 0 below means it failed */
    bool ok = write_png(p, data, w, h, stride);
    int e = errno;
    if (fclose(p->f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    free(p);
    if (!ok) {
        unlink(path);
        return lis_error_set(err, LIS_OUTPUT, "could not write \"%s\": %s", path,
                             e ? strerror(e) : "the image could not be compressed");
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
