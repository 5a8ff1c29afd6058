/*
 * standalone.c - runs a fuzz target over files without libFuzzer.
 *
 * The normal (gcc, sanitizer) build links every target with this main so
 * that ctest replays the committed corpus and every crash input found so
 * far in seconds: each argument is a file or a folder of files.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_util.h"

static int
run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return 1;
    }
    size_t cap = 1 << 16, n = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (buf == NULL)
        return 1;
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

int
main(int argc, char **argv)
{
    int runs = 0, bad = 0;
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) {
            perror(argv[i]);
            return 1;
        }
        if (!S_ISDIR(sb.st_mode)) {
            bad += run_file(argv[i]);
            runs++;
            continue;
        }
        struct dirent **names;
        int n = scandir(argv[i], &names, NULL, alphasort);
        for (int k = 0; k < n; k++) {
            if (names[k]->d_name[0] != '.') {
                char *p = malloc(strlen(argv[i]) + strlen(names[k]->d_name) + 2);
                sprintf(p, "%s/%s", argv[i], names[k]->d_name);
                bad += run_file(p);
                runs++;
                free(p);
            }
            free(names[k]);
        }
        free(names);
    }
    printf("%d inputs run\n", runs);
    return bad || runs == 0 ? 1 : 0;
}
