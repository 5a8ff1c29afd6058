/*
 * embedded.c - creating, starting and stopping the private cluster; see
 * embedded.h. The PostgreSQL programs run as child processes with argument
 * vectors (no shell); their output goes to a temporary file that becomes the
 * error detail when they fail.
 */
#include "embedded.h"
#include "db.h"
#include "mem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define SYSTEM_CLUSTERS "/var/lib/lis"
#define CLUSTER_USER "postgres"

/* ---------------------------------------------------------------- paths */

static bool
is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool
is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder holding initdb and pg_ctl: $LIS_PG_BINDIR, pg_config --bindir,
 * the newest /usr/lib/postgresql/N/bin, or the PATH. */
static char *
find_bindir(void)
{
    const char *env = getenv("LIS_PG_BINDIR");
    if (env && env[0])
        return lis_xstrdup(env);

    char line[4096] = "";
    FILE *p = popen("pg_config --bindir 2>/dev/null", "r");
    if (p) {
        if (fgets(line, sizeof line, p) == NULL)
            line[0] = '\0';
        pclose(p);
        line[strcspn(line, "\n")] = '\0';
        char *initdb = lis_xasprintf("%s/initdb", line);
        bool ok = line[0] && access(initdb, X_OK) == 0;
        free(initdb);
        if (ok)
            return lis_xstrdup(line);
    }

    glob_t g;
    char *best = NULL;
    long best_version = -1;
    if (glob("/usr/lib/postgresql/*/bin/initdb", 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++) {
            long v = strtol(g.gl_pathv[i] + strlen("/usr/lib/postgresql/"), NULL, 10);
            if (v > best_version) {
                best_version = v;
                free(best);
                best = lis_xstrndup(g.gl_pathv[i],
                                    strlen(g.gl_pathv[i]) - strlen("/initdb"));
            }
        }
        globfree(&g);
    }
    if (best)
        return best;

    const char *path = getenv("PATH");
    char *copy = lis_xstrdup(path ? path : "/usr/bin:/bin");
    for (char *dir = strtok(copy, ":"); dir; dir = strtok(NULL, ":")) {
        char *initdb = lis_xasprintf("%s/initdb", dir);
        bool ok = access(initdb, X_OK) == 0;
        free(initdb);
        if (ok) {
            best = lis_xstrdup(dir);
            break;
        }
    }
    free(copy);
    return best;
}

static void
set_cluster(lis_embedded *e, const char *cluster)
{
    free(e->cluster);
    free(e->datadir);
    free(e->sockdir);
    free(e->logfile);
    e->cluster = lis_xstrdup(cluster);
    e->datadir = lis_xasprintf("%s/data", cluster);
    e->sockdir = lis_xasprintf("%s/run", cluster);
    e->logfile = lis_xasprintf("%s/server.log", cluster);
}

/* The cluster folder is LIS_HOME/cluster, or where that link points. */
static void
resolve_cluster(lis_embedded *e)
{
    char *link = lis_xasprintf("%s/cluster", e->home);
    char *target = realpath(link, NULL);
    set_cluster(e, target ? target : link);
    free(target);
    free(link);
}

lis_status
lis_embedded_init(lis_embedded *e, const lis_config *cfg, lis_error *err)
{
    memset(e, 0, sizeof *e);
    e->home = lis_config_home(cfg);
    e->as_postgres = geteuid() == 0;

    resolve_cluster(e);

    /* A Unix socket path holds at most 107 bytes. */
    if (strlen(e->sockdir) + strlen("/.s.PGSQL.5432") > 107) {
        lis_error_set(err, LIS_USAGE,
                      "data folder path is too long for a Unix socket: \"%s\"", e->home);
        lis_error_hint(err, "Set LIS_HOME to a shorter path.");
        return LIS_USAGE;
    }
    return LIS_OK;
}

void
lis_embedded_release(lis_embedded *e)
{
    free(e->home);
    free(e->cluster);
    free(e->datadir);
    free(e->sockdir);
    free(e->logfile);
    free(e->bindir);
    memset(e, 0, sizeof *e);
}

bool
lis_embedded_exists(const lis_embedded *e)
{
    char *pgversion = lis_xasprintf("%s/PG_VERSION", e->datadir);
    bool ok = is_file(pgversion);
    free(pgversion);
    return ok;
}

/* ------------------------------------------------------------ programs */

/* The bindir, looked up when a program is first run: pg_config alone takes
 * 20 ms, and a lis whose cluster is running runs none (lis_db_open). */
static const char *
bindir(lis_embedded *e)
{
    if (e->bindir == NULL)
        e->bindir = find_bindir();
    return e->bindir;
}

/*
 * Runs argv (argv[0] a program in the bindir, or an absolute path) as the
 * cluster's user and waits. Returns the exit status, or -1 when it could not
 * run. The program's output is appended to out when out is not NULL.
 */
static int
run_program(const lis_embedded *e, const char *const *argv, lis_buf *out)
{
    const char *prefix[] = {"runuser", "-u", CLUSTER_USER, "--"};
    size_t np = e->as_postgres ? 4 : 0, n = 0;
    while (argv[n])
        n++;
    char **full = lis_xcalloc(np + n + 1, sizeof *full);
    for (size_t i = 0; i < np; i++)
        full[i] = (char *)prefix[i];
    char *prog = argv[0][0] == '/' ? lis_xstrdup(argv[0])
                                   : lis_xasprintf("%s/%s", e->bindir, argv[0]);
    full[np] = prog;
    for (size_t i = 1; i < n; i++)
        full[np + i] = (char *)argv[i];

    FILE *log = tmpfile();
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = log ? fileno(log) : open("/dev/null", O_WRONLY);
        int nul = open("/dev/null", O_RDONLY);
        dup2(nul, 0);
        dup2(fd, 1);
        dup2(fd, 2);
        execvp(full[0], full);
        fprintf(stderr, "could not run %s: %s\n", full[0], strerror(errno));
        _exit(127);
    }
    int status = -1;
    if (pid > 0) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
        status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    if (log && out) {
        char chunk[1024];
        size_t got;
        rewind(log);
        while ((got = fread(chunk, 1, sizeof chunk, log)) > 0)
            lis_buf_add(out, chunk, got);
    }
    if (log)
        fclose(log);
    free(prog);
    free(full);
    return status;
}

static lis_status
program_failed(const char *what, int status, lis_buf *out, lis_error *err)
{
    lis_error_set(err, LIS_DB, "%s failed (exit status %d)", what, status);
    if (out->len > 0) {
        /* The last lines say why; keep what fits. */
        size_t keep = out->len > 400 ? 400 : out->len;
        lis_error_detail(err, "%s", out->data + out->len - keep);
    }
    return LIS_DB;
}

bool
lis_embedded_running(lis_embedded *e)
{
    if (bindir(e) == NULL || !lis_embedded_exists(e))
        return false;
    const char *argv[] = {"pg_ctl", "status", "-D", e->datadir, NULL};
    return run_program(e, argv, NULL) == 0;
}

/* ------------------------------------------------------------- creating */

static lis_status
make_dir(const char *path, mode_t mode, lis_error *err)
{
    if (mkdir(path, mode) == 0 || (errno == EEXIST && is_dir(path)))
        return LIS_OK;
    return lis_error_set(err, LIS_DB, "could not create folder \"%s\": %s", path,
                         strerror(errno));
}

static lis_status
make_dirs(const char *path, mode_t mode, lis_error *err)
{
    char *copy = lis_xstrdup(path);
    lis_status st = LIS_OK;
    for (char *p = copy + 1; *p && st == LIS_OK; p++) {
        if (*p == '/') {
            *p = '\0';
            st = make_dir(copy, 0755, err);
            *p = '/';
        }
    }
    if (st == LIS_OK)
        st = make_dir(copy, mode, err);
    free(copy);
    return st;
}

static lis_status
give_to_cluster_user(const char *path, lis_error *err)
{
    struct passwd *pw = getpwnam(CLUSTER_USER);
    if (pw == NULL) {
        lis_error_set(err, LIS_DB,
                      "there is no system user \"%s\" to run the embedded cluster",
                      CLUSTER_USER);
        lis_error_detail(err,
                         "PostgreSQL refuses to run as root, so lis runs its cluster as "
                         "\"%s\" when started by root.",
                         CLUSTER_USER);
        lis_error_hint(err, "Install the postgresql package, which creates that user.");
        return LIS_DB;
    }
    if (chown(path, pw->pw_uid, pw->pw_gid) != 0 || chmod(path, 0700) != 0)
        return lis_error_set(err, LIS_DB, "could not give \"%s\" to user %s: %s", path,
                             CLUSTER_USER, strerror(errno));
    return LIS_OK;
}

static uint64_t
fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* Creates the cluster folder: LIS_HOME/cluster, or for root, when the
 * postgres user cannot reach LIS_HOME, a folder under /var/lib/lis that
 * LIS_HOME/cluster links to. */
static lis_status
create_cluster_folder(lis_embedded *e, lis_error *err)
{
    char *link = lis_xasprintf("%s/cluster", e->home);
    lis_status st = LIS_OK;
    if (!e->as_postgres) {
        st = make_dir(link, 0700, err);
        free(link);
        return st;
    }
    /* Let others pass through (not list) our own data folder. */
    chmod(e->home, 0711);
    const char *argv[] = {"/usr/bin/test", "-x", e->home, NULL};
    if (run_program(e, argv, NULL) == 0) {
        st = make_dir(link, 0700, err);
        if (st == LIS_OK)
            st = give_to_cluster_user(link, err);
        set_cluster(e, link);
    } else {
        char *real = realpath(e->home, NULL);
        char *target = lis_xasprintf(SYSTEM_CLUSTERS "/%016llx",
                                     (unsigned long long)fnv1a(real ? real : e->home));
        free(real);
        st = make_dirs(target, 0700, err);
        if (st == LIS_OK)
            st = give_to_cluster_user(target, err);
        if (st == LIS_OK && symlink(target, link) != 0 && errno != EEXIST)
            st = lis_error_set(err, LIS_DB, "could not create link \"%s\": %s", link,
                               strerror(errno));
        set_cluster(e, target);
        free(target);
    }
    free(link);
    return st;
}

static lis_status
initialise(lis_embedded *e, lis_error *err)
{
    lis_buf out;
    lis_buf_init(&out);
    lis_status st = LIS_OK;
    const char *argv[] = {"initdb", "-D",   e->datadir,   "-U",           "lis",
                          "-E",     "UTF8", "--locale=C", "--auth=trust", NULL};
    int rc = run_program(e, argv, &out);
    if (rc != 0) {
        st = program_failed("initdb", rc, &out, err);
        goto done;
    }
    /* Unix socket in our folder only, no TCP port. */
    char *conf = lis_xasprintf("%s/postgresql.conf", e->datadir);
    FILE *f = fopen(conf, "a");
    if (f == NULL) {
        st = lis_error_set(err, LIS_DB, "could not open \"%s\": %s", conf,
                           strerror(errno));
    } else {
        fprintf(f,
                "\n# lis: the embedded default cluster listens on a Unix socket only\n"
                "listen_addresses = ''\n"
                "unix_socket_directories = '%s'\n"
                "unix_socket_permissions = 0700\n",
                e->sockdir);
        if (fclose(f) != 0)
            st = lis_error_set(err, LIS_DB, "could not write \"%s\": %s", conf,
                               strerror(errno));
    }
    free(conf);
done:
    lis_buf_release(&out);
    return st;
}

static lis_status
create_database(const lis_embedded *e, lis_error *err)
{
    char *ci = lis_embedded_conninfo(e);
    /* The same conninfo, but the maintenance database. */
    char *admin = lis_xasprintf("%s dbname=postgres", ci);
    free(ci);
    PGconn *conn = lis_db_connect(admin, err);
    free(admin);
    if (conn == NULL)
        return LIS_DB;
    lis_status st = LIS_OK;
    PGresult *res = lis_db_query_text(
        conn, "SELECT 1 FROM pg_database WHERE datname = 'lis'", 0, NULL, err);
    if (res == NULL)
        st = LIS_DB;
    else if (PQntuples(res) == 0)
        st = lis_db_exec(conn, "CREATE DATABASE lis", err);
    PQclear(res);
    PQfinish(conn);
    return st;
}

static int
lock_home(const lis_embedded *e, lis_error *err)
{
    if (make_dirs(e->home, 0700, err) != LIS_OK)
        return -1;
    char *path = lis_xasprintf("%s/.lock", e->home);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || flock(fd, LOCK_EX) != 0) {
        lis_error_set(err, LIS_DB, "could not lock \"%s\": %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
    free(path);
    return fd;
}

static lis_status
need_bindir(lis_embedded *e, lis_error *err)
{
    if (bindir(e))
        return LIS_OK;
    lis_error_set(err, LIS_DB,
                  "could not find the PostgreSQL server programs (initdb, pg_ctl)");
    lis_error_detail(err, "lis looked at $LIS_PG_BINDIR, pg_config --bindir, "
                          "/usr/lib/postgresql/*/bin and the PATH.");
    lis_error_hint(err, "Install the postgresql package, or set LIS_PG_BINDIR.");
    return LIS_DB;
}

lis_status
lis_embedded_start(lis_embedded *e, lis_error *err)
{
    if (need_bindir(e, err) != LIS_OK)
        return LIS_DB;
    int lock = lock_home(e, err);
    if (lock < 0)
        return LIS_DB;

    /* Another lis may have created the cluster while we waited. */
    resolve_cluster(e);
    lis_status st = LIS_OK;
    if (!is_dir(e->cluster))
        st = create_cluster_folder(e, err);
    if (st == LIS_OK && !lis_embedded_exists(e))
        st = initialise(e, err);
    if (st == LIS_OK && !lis_embedded_running(e)) {
        st = make_dir(e->sockdir, 0700, err);
        if (st == LIS_OK && e->as_postgres)
            st = give_to_cluster_user(e->sockdir, err);
        lis_buf out;
        lis_buf_init(&out);
        const char *argv[] = {"pg_ctl",   "start", "-D", e->datadir, "-l",
                              e->logfile, "-w",    "-t", "60",       NULL};
        int rc = st == LIS_OK ? run_program(e, argv, &out) : 0;
        if (rc != 0) {
            st = program_failed("pg_ctl start", rc, &out, err);
            lis_error_hint(err, "See the server log \"%s\".", e->logfile);
        }
        lis_buf_release(&out);
    }
    if (st == LIS_OK)
        st = create_database(e, err);
    close(lock);
    return st;
}

lis_status
lis_embedded_stop(lis_embedded *e, bool *was_running, lis_error *err)
{
    *was_running = false;
    if (!lis_embedded_exists(e))
        return LIS_OK;
    if (need_bindir(e, err) != LIS_OK)
        return LIS_DB;
    int lock = lock_home(e, err);
    if (lock < 0)
        return LIS_DB;
    lis_status st = LIS_OK;
    if (lis_embedded_running(e)) {
        *was_running = true;
        lis_buf out;
        lis_buf_init(&out);
        const char *argv[] = {"pg_ctl", "stop", "-D", e->datadir,
                              "-m",     "fast", "-w", NULL};
        int rc = run_program(e, argv, &out);
        if (rc != 0)
            st = program_failed("pg_ctl stop", rc, &out, err);
        lis_buf_release(&out);
    }
    close(lock);
    return st;
}

/* Quotes a conninfo value: single quotes, with \ and ' escaped. */
static void
add_quoted(lis_buf *b, const char *v)
{
    lis_buf_addc(b, '\'');
    for (; *v; v++) {
        if (*v == '\'' || *v == '\\')
            lis_buf_addc(b, '\\');
        lis_buf_addc(b, *v);
    }
    lis_buf_addc(b, '\'');
}

char *
lis_embedded_conninfo(const lis_embedded *e)
{
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_adds(&b, "host=");
    add_quoted(&b, e->sockdir);
    lis_buf_adds(&b, " user=lis dbname=lis");
    return b.data;
}
