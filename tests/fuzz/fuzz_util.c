/* fuzz_util.c - see fuzz_util.h. */
#include "fuzz_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char path[64];

static void
remove_file(void)
{
    unlink(path);
}

const char *
lis_fuzz_file(const uint8_t *data, size_t size)
{
    if (path[0] == '\0') {
        /* in memory when the machine has /dev/shm: one write per input */
        const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(path, sizeof path, "%s/lis-fuzz-%ld.in", dir, (long)getpid());
        atexit(remove_file);
    }
    FILE *f = fopen(path, "wb");
    if (f == NULL || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        abort(); /* the machine, not the input: stop loudly */
    return path;
}
