/*
 * cmd_run.c - lis run monthly|quarterly|status|annual: loads the report
 * model of the window, then has each renderer of the kind write its files
 * into the run's temporary folder (run.h), which becomes OUT/<period>.
 *
 *   monthly --period 2026-10   OUT/2026-10/aftale-<id>.xlsx, aftale-<id>.pdf and
 *                              the chart PNGs per agreement
 *   quarterly --period 2026-Q3 OUT/2026-Q3/dashboard-2026-Q3.pdf, .png and .html
 *   status --year 2026 [--as-of 2026-06]
 *                              OUT/2026-YTD-06/statusopfoelgning-2026.xlsx
 *   annual --year 2026         OUT/2026/aarsberetning-2026.xlsx
 *
 * A renderer is a function in the tables below; the PDF and PNG renderers
 * of a monthly run are added beside the xlsx one.
 */
#include "chart.h"
#include "cli.h"
#include "cli_year.h"
#include "dashboard.h"
#include "delivery.h"
#include "html.h"
#include "labels.h"
#include "mem.h"
#include "pdf_agreement.h"
#include "period.h"
#include "ready.h"
#include "progress.h"
#include "report.h"
#include "rollup.h"
#include "run.h"
#include "xlsx.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static const char usage[] =
    "usage: lis run monthly --period YYYY-MM [--agreement ID...] [options]\n"
    "       lis run quarterly --period YYYY-QN [options]\n"
    "       lis run status --year Y [--as-of YYYY-MM] [options]\n"
    "       lis run annual --year Y [options]\n"
    "\n"
    "Writes the reports of SPEC section 4 into OUT/<period>/ through a temporary\n"
    "folder renamed into place, with manifest.json (run id, parameters, batches\n"
    "read, each file with its SHA-256). The year's rollup is brought up to date\n"
    "first when the data changed since it ran.\n"
    "\n"
    "  monthly    aftale-<id>.xlsx per agreement (Overblik, Maal, Oekonomi, Data),\n"
    "             aftale-<id>.pdf (A4), a PNG per chart\n"
    "             (aftale-<id>-<goal>-<indicator>.png, aftale-<id>-oekonomi.png)\n"
    "             and aftale-<id>.html (one self-contained page)\n"
    "  quarterly  dashboard-YYYY-QN.pdf, .png and .html for the direktion; the\n"
    "             HTML links to ../YYYY-MM/aftale-<id>.html of the quarter's last\n"
    "             month when that monthly run is there\n"
    "  status     statusopfoelgning-Y.xlsx as of --as-of (default June), in\n"
    "             OUT/Y-YTD-MM/\n"
    "  annual     aarsberetning-Y.xlsx for the council, in OUT/Y/\n"
    "\n"
    "--period previous is the month (monthly) or quarter (quarterly) before\n"
    "today, --year previous the year before (current: today's), in Copenhagen\n"
    "time whatever the machine's time zone (LIS_NOW=YYYY-MM-DDTHH:MM:SSZ, a UTC\n"
    "moment, stands in for the clock).\n"
    "\n"
    "Options:\n"
    "  --agreement ID...  only these agreements (monthly; repeatable); files of\n"
    "                     other agreements already in OUT/<period>/ are kept\n"
    "  --out DIR          the output folder OUT (default: [output] dir, \"out\")\n"
    "  --lang da|en       the language of the labels (default: [output] language)\n"
    "  --jobs N           render with N processes (default: [run] jobs, else the\n"
    "                     number of cores); each takes the next agreement when\n"
    "                     it is done with one\n"
    "  --no-rollup        report the stored rollup as it is, even when data\n"
    "                     arrived since it ran (a frozen year's figures)\n"
    "  --png-size WxH     the size of the chart PNGs in pixels (monthly; default\n"
    "                     1280x720)\n"
    "  --require-ready    check first what \"lis ready\" checks for the run's window\n"
    "                     (status: January to the --as-of month; with --agreement\n"
    "                     those agreements and the budget months); when anything\n"
    "                     is missing, refuse with exit 2 and write nothing. Without\n"
    "                     it the run goes on, manifest.json lists what was missing\n"
    "                     (\"missing\", as lis ready --format json), and each\n"
    "                     agreement's PDF and Overblik sheet say in one line how\n"
    "                     many of its indicators lack data (only when any do)\n"
    "  --as-of-batch N    compute from the data as it stood when batch N landed\n"
    "                     (rows of later batches left out, values they replaced\n"
    "                     taken from measurement_history, batches withdrawn since\n"
    "                     counted as they were; catalogue rows first imported\n"
    "                     later are left out, others keep their newest version).\n"
    "                     The files equal those an ordinary run wrote when N was\n"
    "                     the newest batch; the stored rollup is not touched; the\n"
    "                     manifest says \"as_of_batch\". Not with --no-rollup.\n"
    "  --no-deliver       do not deliver the run ([delivery] in lis.conf: folders\n"
    "                     and mail); \"lis deliver RUN_ID\" can do it later\n"
    "  --quiet            print nothing on success (errors still go to stderr)\n"
    "\n"
    "On a terminal, a progress line on stderr shows the agreements rendered of\n"
    "all, the time elapsed and an estimate of the time left.\n"
    "\n"
    "Once OUT/<period>/ is in place the run is delivered as [delivery] in lis.conf\n"
    "says for its kind (see lis deliver --help).\n"
    "\n"
    "Exit status: 0 ok, 1 usage, 2 bad input (an unknown agreement), 3 database,\n"
    "4 output could not be written (or a run of the same kind and period is in\n"
    "progress), or a delivery failed (the files stay in OUT/<period>/). A failed\n"
    "run leaves no files.\n";

typedef struct run_opts {
    const char *kind;
    const char *period, *as_of, *out, *lang;
    const char *png_size;
    int year;
    int jobs;
    bool no_rollup;
    bool require_ready;
    long as_of_batch;
    bool no_deliver;
    bool quiet;
    const char **ids;
    size_t n_ids;
} run_opts;

/* ------------------------------------------------------------ renderers */

/* One agreement's files of a monthly run. */
typedef lis_status (*agreement_renderer)(lis_run *run, const lis_report *r,
                                         const lis_rm_agreement *a, char **path,
                                         lis_error *err);

static lis_status
monthly_xlsx(lis_run *run, const lis_report *r, const lis_rm_agreement *a, char **path,
             lis_error *err)
{
    (void)run;
    return lis_xlsx_write_agreement(r, a, *path, err);
}

/* Registers the file names (before any process forks). */
static char *
monthly_xlsx_name(lis_run *run, const lis_rm_agreement *a)
{
    char *safe = lis_run_safe_name(a->agreement_id);
    char *name = lis_xasprintf("aftale-%s.xlsx", safe);
    char *path = lis_run_file(run, name);
    free(safe);
    free(name);
    return path;
}

/* The PDF and the chart PNGs (reports/pdf_agreement.h). An agreement has
 * several of them, so the "path" of this renderer holds all their paths in
 * the renderer's order, one per line; each name is registered with the run
 * (which renames clashing ones) before any process forks. */
static lis_chart_opts chart_opts;

static char *
monthly_charts_names(lis_run *run, const lis_rm_agreement *a)
{
    size_t n;
    char **names = lis_pdf_agreement_names(a, &chart_opts, &n);
    lis_buf b;
    lis_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        char *path = lis_run_file(run, names[i]);
        lis_buf_adds(&b, path);
        lis_buf_addc(&b, '\n');
        free(path);
    }
    lis_pdf_agreement_names_free(names, n);
    return b.data;
}

static lis_status
monthly_charts(lis_run *run, const lis_report *r, const lis_rm_agreement *a, char **path,
               lis_error *err)
{
    (void)run;
    size_t n = 0;
    for (const char *p = *path; p && *p; p++)
        n += *p == '\n';
    char **paths = lis_xcalloc(n ? n : 1, sizeof *paths);
    const char *p = *path;
    for (size_t i = 0; i < n; i++) {
        const char *nl = strchr(p, '\n');
        paths[i] = lis_xstrndup(p, (size_t)(nl - p));
        p = nl + 1;
    }
    lis_status st =
        lis_pdf_agreement_write_paths(r, a, (const char *const *)paths, &chart_opts, err);
    lis_pdf_agreement_names_free(paths, n);
    return st;
}

/* aftale-<id>.html (reports/html.h). */
static lis_status
monthly_html(lis_run *run, const lis_report *r, const lis_rm_agreement *a, char **path,
             lis_error *err)
{
    (void)run;
    return lis_html_agreement_write(r, a, *path, err);
}

static char *
monthly_html_name(lis_run *run, const lis_rm_agreement *a)
{
    char *name = lis_html_agreement_name(a);
    char *path = lis_run_file(run, name);
    free(name);
    return path;
}

static const struct {
    agreement_renderer render;
    char *(*file)(lis_run *run, const lis_rm_agreement *a);
} monthly_renderers[] = {
    {monthly_xlsx, monthly_xlsx_name},
    {monthly_charts, monthly_charts_names},
    {monthly_html, monthly_html_name},
};
#define N_MONTHLY (sizeof monthly_renderers / sizeof *monthly_renderers)

/* ------------------------------------------------------------ progress */

/* The progress line of the run. Forked renderers cannot update it: each
 * writes a byte into progress_fd per agreement done, and the parent counts
 * them (lis_progress_drain). */
#define AGREEMENTS_DONE "agreements rendered"
static lis_progress run_progress;
static int progress_fd = -1;
static size_t progress_done;

/* lis_cli_fail in a renderer process, on a line of its own. */
static int
run_fail(const lis_error *err)
{
    lis_progress_clear(&run_progress);
    return lis_cli_fail(err);
}

static void
agreement_done(size_t n)
{
    if (progress_fd >= 0) {
        ssize_t w;
        do
            w = write(progress_fd, "", 1);
        while (w < 0 && errno == EINTR);
    } else if (run_progress.on) {
        lis_progress_count(&run_progress, false, ++progress_done, n, AGREEMENTS_DONE);
    }
}

/* Where the Data rows of a monthly run come from: NULL when the model holds
 * them (an as-of run's, read in a transaction that is over); else the run's
 * connection, whose snapshot a render process reads on a connection of its
 * own (lis_rm_data_stream_open). */
static PGconn *data_conn;

/* Renders agreements until none is left: each process takes the next
 * agreement from the shared counter *next, so all stay busy to the end
 * whatever the agreements cost (a static split leaves one idle while
 * another still has its large agreements). */
static lis_status
render_share(lis_run *run, const lis_report *r, char **paths, size_t *next, size_t total,
             bool child, lis_error *err)
{
    lis_rm_data_stream *ds = NULL;
    if (data_conn &&
        (ds = lis_rm_data_stream_open(data_conn, child ? lis_run_snapshot(run) : NULL,
                                      r->year, r->month, err)) == NULL)
        return err->code;
    lis_status st = LIS_OK;
    while (st == LIS_OK) {
        size_t i = __atomic_fetch_add(next, 1, __ATOMIC_RELAXED);
        if (i >= r->n_agreements)
            break;
        if (lis_run_interrupted()) {
            st = lis_error_set(err, LIS_OUTPUT, "the run was interrupted");
            break;
        }
        /* this process's copy of the model: the stream is its own */
        r->agreements[i].data_stream = ds;
        for (size_t k = 0; k < N_MONTHLY && st == LIS_OK; k++)
            st = monthly_renderers[k].render(run, r, &r->agreements[i],
                                             &paths[i * N_MONTHLY + k], err);
        r->agreements[i].data_stream = NULL;
        if (st == LIS_OK)
            agreement_done(total);
    }
    lis_rm_data_stream_close(ds);
    return st;
}

/* The render processes of one model (every agreement, or a chunk of them):
 * started, then waited for, so that the parent loads the next chunk while
 * they render this one. */
typedef struct render_batch {
    const lis_report *r;
    char **paths;
    size_t n_paths;
    size_t *next; /* shared with the processes (MAP_SHARED) */
    pid_t *pids;
    int jobs;
    int msg[2], pfd[2];
    lis_status st;
} render_batch;

static void
batch_start(render_batch *b, lis_run *run, const lis_report *r, int jobs, size_t total,
            lis_error *err)
{
    *b = (render_batch){.r = r, .msg = {-1, -1}, .pfd = {-1, -1}};
    b->n_paths = r->n_agreements * N_MONTHLY;
    b->paths = lis_xcalloc(b->n_paths ? b->n_paths : 1, sizeof *b->paths);
    for (size_t i = 0; i < r->n_agreements; i++)
        for (size_t k = 0; k < N_MONTHLY; k++)
            b->paths[i * N_MONTHLY + k] =
                monthly_renderers[k].file(run, &r->agreements[i]);
    if (jobs > (int)r->n_agreements)
        jobs = (int)r->n_agreements;
    void *shared = MAP_FAILED;
    if (jobs > 1)
        shared = mmap(NULL, sizeof *b->next, PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
        size_t next = 0;
        b->st = render_share(run, r, b->paths, &next, total, false, err);
        return;
    }
    b->next = shared;
    *b->next = 0;
    b->jobs = jobs;
    /* The model is read-only: each child renders agreements and reports by
     * exit status, and its error message through a pipe (one short write
     * each, so they do not interleave), so the parent reports and records
     * the first one. */
    fflush(NULL);
    if (run_progress.on && pipe(b->pfd) != 0)
        b->pfd[0] = b->pfd[1] = -1;
    if (pipe(b->msg) != 0)
        b->msg[0] = b->msg[1] = -1;
    b->pids = lis_xcalloc((size_t)jobs, sizeof *b->pids);
    for (int j = 0; j < jobs; j++) {
        b->pids[j] = lis_run_fork(run);
        if (b->pids[j] == 0) {
            if (b->pfd[0] >= 0)
                close(b->pfd[0]);
            if (b->msg[0] >= 0)
                close(b->msg[0]);
            progress_fd = b->pfd[1];
            lis_error e = {0};
            lis_status cst = render_share(run, r, b->paths, b->next, total, true, &e);
            if (cst != LIS_OK && b->msg[1] >= 0) {
                char line[sizeof e.msg + 1];
                int len = snprintf(line, sizeof line, "%s\n", e.msg);
                if (write(b->msg[1], line, (size_t)len) < 0)
                    run_fail(&e);
            } else if (cst != LIS_OK) {
                run_fail(&e);
            }
            fflush(NULL);
            _exit(cst);
        }
        if (b->pids[j] < 0) {
            b->st = lis_error_set(err, LIS_OUTPUT, "could not start a renderer process");
            break;
        }
    }
    if (b->msg[1] >= 0)
        close(b->msg[1]);
    if (b->pfd[1] >= 0)
        close(b->pfd[1]);
}

static lis_status
batch_finish(render_batch *b, size_t total, lis_error *err)
{
    if (b->pfd[0] >= 0) {
        lis_progress_drain(&run_progress, b->pfd[0], &progress_done, total,
                           AGREEMENTS_DONE);
        close(b->pfd[0]);
    }
    int failed = 0;
    for (int j = 0; j < b->jobs; j++) {
        if (b->pids[j] <= 0)
            continue;
        int code = lis_run_wait(b->pids[j]);
        if (code != 0 && failed == 0)
            failed = code;
    }
    if (failed && b->st == LIS_OK) {
        char first[sizeof err->msg] = "";
        if (b->msg[0] >= 0) {
            ssize_t got = read(b->msg[0], first, sizeof first - 1);
            first[got > 0 ? got : 0] = '\0';
            first[strcspn(first, "\n")] = '\0';
        }
        b->st = lis_error_set(err, (lis_status)failed, "%s",
                              first[0] ? first : "a renderer process failed");
    }
    if (b->msg[0] >= 0)
        close(b->msg[0]);
    free(b->pids);
    if (b->next)
        munmap(b->next, sizeof *b->next);
    for (size_t i = 0; i < b->n_paths; i++)
        free(b->paths[i]);
    free(b->paths);
    return b->st;
}

/* ------------------------------------------------------------- options */

static char *
params_json(const run_opts *o, const char *period)
{
    lis_buf b;
    lis_buf_init(&b);
    lis_buf_adds(&b, "{\"period\": ");
    lis_run_json_string(&b, period);
    if (o->as_of) {
        lis_buf_adds(&b, ", \"as_of\": ");
        lis_run_json_string(&b, o->as_of);
    }
    if (o->as_of_batch)
        lis_buf_addf(&b, ", \"as_of_batch\": %ld", o->as_of_batch);
    lis_buf_adds(&b, ", \"agreements\": [");
    for (size_t i = 0; i < o->n_ids; i++) {
        if (i)
            lis_buf_adds(&b, ", ");
        lis_run_json_string(&b, o->ids[i]);
    }
    lis_buf_adds(&b, "], \"lang\": ");
    lis_run_json_string(&b, o->lang);
    lis_buf_adds(&b, ", \"out\": ");
    lis_run_json_string(&b, o->out);
    if (o->png_size) {
        lis_buf_adds(&b, ", \"png_size\": ");
        lis_run_json_string(&b, o->png_size);
    }
    lis_buf_addf(&b, ", \"jobs\": %d}", o->jobs);
    return b.data;
}

/* "usage: lis run KIND ..." from the usage text, or NULL for an unknown
 * kind. Newly allocated. */
static char *
kind_synopsis(const char *kind)
{
    static const char *const kinds[] = {"monthly", "quarterly", "status", "annual"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        if (strcmp(kind, kinds[i]) != 0)
            continue;
        char *key = lis_xasprintf("lis run %s ", kind);
        const char *line = strstr(usage, key);
        free(key);
        if (line == NULL)
            return NULL;
        return lis_xasprintf("usage: %.*s", (int)strcspn(line, "\n"), line);
    }
    return NULL;
}

/* -------------------------------------------------------------- the run */

/* What a run reads before it begins (so that a refused run writes nothing):
 * with --require-ready the readiness of its window, and with --as-of-batch
 * the readiness, the report model and the batches, read in the as-of
 * transaction that is then rolled back. An ordinary run reads its readiness
 * again inside its snapshot, so the manifest agrees with the figures. */
typedef struct pre_run {
    lis_ready *ready;
    lis_report *r;      /* --as-of-batch only */
    char *batches_json; /* --as-of-batch only */
    char fp[33];        /* --as-of-batch only: the data's fingerprint */
} pre_run;

static lis_report *
load_model(PGconn *conn, lis_cli *cli, const run_opts *o, const lis_period *window,
           lis_error *err)
{
    unsigned parts = strcmp(o->kind, "monthly") == 0 ? LIS_REPORT_DATA
                     : strcmp(o->kind, "annual") == 0
                         ? LIS_REPORT_AREAS | LIS_REPORT_TRANSFERS
                         : 0;
    return lis_report_load_parts(conn, &cli->cfg, window->year, window, o->ids, o->n_ids,
                                 parts, err);
}

static lis_status
prepare(PGconn *conn, lis_cli *cli, const run_opts *o, const lis_period *window,
        pre_run *pre, lis_error *err)
{
    if (!o->as_of_batch) {
        /* as lis show does: the figures are brought up to date first, so the
         * reports and lis show never disagree */
        lis_status st = LIS_OK;
        if (!o->no_rollup)
            st = lis_rollup_ensure(conn, &cli->cfg, window->year, NULL, err);
        if (st == LIS_OK && o->require_ready &&
            (pre->ready = lis_ready_check(conn, window, err)) == NULL)
            st = err->code;
        return st;
    }
    if (lis_db_exec(conn, "BEGIN", err) != LIS_OK)
        return LIS_DB;
    lis_status st =
        lis_rollup_as_of(conn, &cli->cfg, window->year, o->as_of_batch, pre->fp, err);
    if (st == LIS_OK && (pre->r = load_model(conn, cli, o, window, err)) == NULL)
        st = err->code;
    if (st == LIS_OK && (pre->ready = lis_ready_check(conn, window, err)) == NULL)
        st = err->code;
    if (st == LIS_OK) {
        lis_buf b;
        lis_buf_init(&b);
        st = lis_run_batches_json(conn, window->year, &b, err);
        if (st == LIS_OK)
            pre->batches_json = b.data;
        else
            lis_buf_release(&b);
    }
    /* the data and the stored rollup stay as they were */
    if (lis_db_exec(conn, "ROLLBACK", st == LIS_OK ? err : NULL) != LIS_OK &&
        st == LIS_OK)
        st = LIS_DB;
    return st;
}

static void
pre_run_release(pre_run *pre)
{
    lis_ready_free(pre->ready);
    lis_report_free(pre->r);
    free(pre->batches_json);
}

/* What the run adds to a model it read: the run id documents state, the
 * language, and each agreement's count of indicators lacking data. */
static void
adopt_model(lis_report *r, const run_opts *o, const lis_ready *ready, lis_run *run)
{
    for (size_t i = 0; i < r->n_agreements; i++)
        r->agreements[i].missing_indicators =
            lis_ready_agreement_indicators(ready, r->agreements[i].agreement_id);
    free(r->stamp.lang);
    r->stamp.lang = lis_xstrdup(o->lang);
    r->stamp.run_id = lis_run_document_id(run);
}

/* How many agreements a monthly run reads into memory at a time: enough
 * that the queries per chunk cost little beside the rendering, few enough
 * that memory stays small at any scale. LIS_RUN_CHUNK=N replaces it, so
 * that the tests can run many chunks on small data (tests/db/run_chunks.sh). */
#define MONTHLY_CHUNK 128

static size_t
monthly_chunk(void)
{
    const char *s = getenv("LIS_RUN_CHUNK");
    char *end;
    long n = s ? strtol(s, &end, 10) : 0;
    return s && s[0] && !*end && n > 0 ? (size_t)n : MONTHLY_CHUNK;
}

/*
 * The monthly run: the files of every agreement of `whole` (an as-of run's
 * model), or of `chunks` one chunk after another, the next chunk being read
 * while the render processes work on the current one. Adds each chunk's
 * statuses to *summary and sets *n_agreements.
 */
static lis_status
render_monthly(lis_run *run, const run_opts *o, const lis_ready *ready,
               lis_report_chunks *chunks, lis_report *whole, lis_summary *summary,
               size_t *n_agreements, lis_error *err)
{
    if (chunks == NULL && whole == NULL)
        return LIS_OK;
    size_t total = chunks ? lis_report_chunks_total(chunks) : whole->n_agreements;
    *n_agreements = total;
    lis_progress_count(&run_progress, true, 0, total, AGREEMENTS_DONE);
    lis_report *cur = chunks ? lis_report_chunks_next(chunks, err) : whole;
    lis_status st = cur || total == 0 ? LIS_OK : err->code;
    while (st == LIS_OK && cur) {
        adopt_model(cur, o, ready, run);
        lis_summary part;
        lis_delivery_summarize(cur, &part);
        for (int i = 0; i < LIS_SUMMARY_N; i++) {
            summary->goals[i] += part.goals[i];
            summary->agreements[i] += part.agreements[i];
            summary->economy[i] += part.economy[i];
        }
        render_batch b;
        batch_start(&b, run, cur, o->jobs, total, err);
        lis_report *next = NULL;
        lis_error next_err = {0};
        if (chunks && b.st == LIS_OK)
            next = lis_report_chunks_next(chunks, &next_err);
        st = batch_finish(&b, total, err);
        if (cur != whole)
            lis_report_free(cur);
        cur = next;
        if (st == LIS_OK && cur == NULL && next_err.code != LIS_OK) {
            *err = next_err;
            st = next_err.code;
        }
    }
    if (cur != whole)
        lis_report_free(cur);
    return st;
}

/* Once the folder is in place: records the status counts the delivery mail
 * states (also for a later "lis deliver"), then delivers unless told not to. */
static lis_status
deliver(PGconn *conn, const lis_cli *cli, const run_opts *o, long run_id,
        const lis_summary *summary, lis_error *err)
{
    lis_delivery_save_summary(conn, run_id, summary, NULL);
    if (o->no_deliver)
        return LIS_OK;
    return lis_cli_deliver(conn, cli, run_id, o->quiet, NULL, err);
}

/* The quarterly run's files: the dashboard's PDF, its PNG (in parts when
 * one image cannot hold every row) and HTML. *written: what the run prints. */
static lis_status
write_quarterly(lis_run *run, const lis_report *r, const run_opts *o,
                const lis_period *window, char **written, lis_error *err)
{
    char *pdf = lis_dashboard_name(r, "pdf"), *html = lis_dashboard_name(r, "html");
    char *pdf_path = lis_run_file(run, pdf), *html_path = lis_run_file(run, html);
    size_t parts = lis_dashboard_png_count(r, NULL);
    char **pngs = lis_xcalloc(parts, sizeof *pngs);
    char **png_paths = lis_xcalloc(parts, sizeof *png_paths);
    for (size_t k = 0; k < parts; k++) {
        pngs[k] = lis_dashboard_png_name(r, k);
        png_paths[k] = lis_run_file(run, pngs[k]);
    }
    lis_status st = lis_dashboard_write_paths(r, pdf_path, png_paths, NULL, err);
    /* The HTML links to the agreement pages of the monthly run of the
     * quarter's last month, OUT/YYYY-MM, when they are there. */
    char *pages = lis_xasprintf("%s/%d-%02d", o->out, window->year, window->last_month);
    char *href = lis_xasprintf("../%d-%02d/", window->year, window->last_month);
    lis_html_dashboard_opts ho = {.pages_dir = pages, .pages_href = href};
    if (st == LIS_OK)
        st = lis_html_dashboard_write(r, html_path, &ho, err);
    if (parts > 1)
        *written = lis_xasprintf("%s, %s ... %s (%zu PNGs, a page of rows each) and %s",
                                 pdf, pngs[0], pngs[parts - 1], parts, html);
    else
        *written = lis_xasprintf("%s, %s and %s", pdf, pngs[0], html);
    for (size_t k = 0; k < parts; k++) {
        free(pngs[k]);
        free(png_paths[k]);
    }
    free(pngs);
    free(png_paths);
    free(pages);
    free(href);
    free(pdf);
    free(html);
    free(pdf_path);
    free(html_path);
    return st;
}

static int
do_run(lis_cli *cli, run_opts *o, const lis_period *window)
{
    lis_error err = {0};
    char period[LIS_PERIOD_NAME_SIZE];
    lis_period_name(window, period);
    PGconn *conn = lis_cli_db(cli, LIS_SCHEMA_CURRENT, &err);
    if (conn == NULL)
        return lis_cli_fail(&err);

    pre_run pre = {0};
    if (prepare(conn, cli, o, window, &pre, &err) != LIS_OK) {
        pre_run_release(&pre);
        PQfinish(conn);
        return lis_cli_fail(&err);
    }
    if (pre.ready && o->n_ids)
        lis_ready_keep(pre.ready, o->ids, o->n_ids);
    if (o->require_ready && pre.ready->n_missing) {
        lis_error_set(&err, LIS_INPUT,
                      "the data of %s has not all arrived (%zu missing); nothing was "
                      "written",
                      period, pre.ready->n_missing);
        lis_error_hint(&err, "\"lis ready --period %s\" lists what is missing.", period);
        pre_run_release(&pre);
        PQfinish(conn);
        return lis_cli_fail(&err);
    }
    char *pj = params_json(o, period);
    lis_run_params rp = {.kind = o->kind,
                         .period = period,
                         .year = window->year,
                         .out_dir = o->out,
                         .parameters_json = pj,
                         .keep_other_files = o->n_ids > 0,
                         .as_of_batch = o->as_of_batch,
                         .rollup_fingerprint = o->as_of_batch ? pre.fp : NULL,
                         .batches_json = pre.batches_json};
    lis_run *run = lis_run_begin(conn, &rp, &err);
    free(pj);
    if (run == NULL) {
        pre_run_release(&pre);
        PQfinish(conn);
        return lis_cli_fail(&err);
    }
    lis_status st = LIS_OK;
    if (!o->as_of_batch) {
        lis_ready_free(pre.ready);
        if ((pre.ready = lis_ready_check(conn, window, &err)) == NULL)
            st = err.code;
        else if (o->n_ids)
            lis_ready_keep(pre.ready, o->ids, o->n_ids);
    }
    if (st == LIS_OK) {
        char *missing = lis_ready_missing_json(pre.ready);
        char *extra = lis_xasprintf("\"missing\": %s", missing);
        lis_run_set_manifest_extra(run, extra);
        free(missing);
        free(extra);
    }
    bool monthly = strcmp(o->kind, "monthly") == 0;
    lis_report *r = NULL;
    lis_report_chunks *chunks = NULL;
    size_t n_agreements = 0;
    lis_summary summary = {0};
    data_conn = NULL;
    if (st == LIS_OK && monthly && pre.r == NULL) {
        /* every agreement's files are independent: the model is read a
         * chunk of agreements at a time, so memory does not grow with the
         * municipality */
        chunks = lis_report_chunks_open(conn, &cli->cfg, window->year, window, o->ids,
                                        o->n_ids, 0, monthly_chunk(), &err);
        data_conn = conn; /* the Data rows stream (lis_rm_data_stream_open) */
        st = chunks ? LIS_OK : err.code;
    } else if (st == LIS_OK) {
        r = pre.r ? pre.r : load_model(conn, cli, o, window, &err);
        pre.r = NULL;
        st = r ? LIS_OK : err.code;
    }
    char *single = NULL;
    if (st == LIS_OK && monthly) {
        st = render_monthly(run, o, pre.ready, chunks, r, &summary, &n_agreements, &err);
    } else if (r) {
        adopt_model(r, o, pre.ready, run);
        n_agreements = r->n_agreements;
        lis_delivery_summarize(r, &summary);
        if (strcmp(o->kind, "quarterly") == 0) {
            st = write_quarterly(run, r, o, window, &single, &err);
        } else {
            char *name = strcmp(o->kind, "status") == 0
                             ? lis_xasprintf("statusopfoelgning-%d.xlsx", window->year)
                             : lis_xasprintf("aarsberetning-%d.xlsx", window->year);
            char *path = lis_run_file(run, name);
            st = strcmp(o->kind, "status") == 0 ? lis_xlsx_write_status(r, path, &err)
                                                : lis_xlsx_write_annual(r, path, &err);
            single = name;
            free(path);
        }
    }
    if (monthly && st == LIS_OK)
        lis_progress_count(&run_progress, true, n_agreements, n_agreements,
                           AGREEMENTS_DONE);
    lis_progress_clear(&run_progress);
    size_t n_files = lis_run_n_files(run);
    long run_id = lis_run_id(run);
    char *final_dir = lis_xstrdup(lis_run_final_dir(run));
    lis_report_chunks_close(chunks);
    lis_report_free(r);
    pre_run_release(&pre);
    lis_status fst = lis_run_finish(run, st, &err, &err);
    if (fst != LIS_OK) {
        PQfinish(conn);
        free(single);
        free(final_dir);
        int rc = lis_cli_fail(&err);
        /* stopped by a signal: cleaned up, now end as the signal asks */
        int sig = lis_run_interrupted();
        if (sig) {
            signal(sig, SIG_DFL);
            raise(sig);
        }
        return rc;
    }
    if (o->quiet)
        ; /* nothing on success */
    else if (single)
        printf("wrote %s/%s (run %ld)\n", final_dir, single, run_id);
    else
        printf("wrote %zu file%s for %zu agreement%s to %s/ (run %ld)\n", n_files,
               n_files == 1 ? "" : "s", n_agreements, n_agreements == 1 ? "" : "s",
               final_dir, run_id);
    free(single);
    free(final_dir);
    fflush(stdout);
    fst = deliver(conn, cli, o, run_id, &summary, &err);
    PQfinish(conn);
    return fst == LIS_OK ? LIS_OK : lis_cli_fail(&err);
}

/* The number of cores online, at most 64 (the most --jobs takes). */
static int
default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

int
cmd_run(int argc, char **argv, lis_cli *cli)
{
    if (lis_cli_wants_help(argc, argv)) {
        fputs(usage, stdout);
        return LIS_OK;
    }
    if (argc < 2)
        return lis_cli_usage_error(usage, "lis run needs a kind of report");
    /* errors show the synopsis of the kind asked for (all of them for an
     * unknown kind) */
    char *kind_usage = kind_synopsis(argv[1]);
    const char *u = kind_usage ? kind_usage : usage;
    run_opts o = {.kind = argv[1],
                  .out = cli->cfg.out_dir ? cli->cfg.out_dir : "out",
                  .lang = cli->cfg.lang ? cli->cfg.lang : "da",
                  .jobs = cli->cfg.jobs > 0 ? cli->cfg.jobs : default_jobs()};
    const char *year_s = NULL, *jobs_s = NULL;
    o.ids = lis_xcalloc((size_t)argc, sizeof *o.ids);
    int rc = -1;
    for (int i = 2; i < argc && rc < 0; i++) {
        const char *v;
        if ((v = lis_cli_option(argc, argv, &i, "--period")) != NULL)
            o.period = v;
        else if ((v = lis_cli_option(argc, argv, &i, "--year")) != NULL)
            year_s = v;
        else if ((v = lis_cli_option(argc, argv, &i, "--as-of")) != NULL)
            o.as_of = v;
        else if ((v = lis_cli_option(argc, argv, &i, "--out")) != NULL)
            o.out = v;
        else if ((v = lis_cli_option(argc, argv, &i, "--lang")) != NULL)
            o.lang = v;
        else if ((v = lis_cli_option(argc, argv, &i, "--jobs")) != NULL)
            jobs_s = v;
        else if (strcmp(argv[i], "--no-rollup") == 0)
            o.no_rollup = true;
        else if (strcmp(argv[i], "--require-ready") == 0)
            o.require_ready = true;
        else if ((v = lis_cli_option(argc, argv, &i, "--as-of-batch")) != NULL) {
            char *end;
            o.as_of_batch = strtol(v, &end, 10);
            if (!v[0] || *end || o.as_of_batch < 1)
                rc = lis_cli_usage_error(usage,
                                         "--as-of-batch needs a batch id, not \"%s\"", v);
        } else if (strcmp(argv[i], "--no-deliver") == 0)
            o.no_deliver = true;
        else if (strcmp(argv[i], "--quiet") == 0)
            o.quiet = true;
        else if ((v = lis_cli_option(argc, argv, &i, "--png-size")) != NULL)
            o.png_size = v;
        else if ((v = lis_cli_option(argc, argv, &i, "--agreement")) != NULL) {
            if (!v[0])
                rc = lis_cli_usage_error(u, "--agreement needs an id");
            else
                o.ids[o.n_ids++] = v;
            /* --agreement A B C: ids up to the next option */
            while (rc < 0 && i + 1 < argc && argv[i + 1][0] != '-')
                o.ids[o.n_ids++] = argv[++i];
        } else
            rc = lis_cli_usage_error(u, "unknown argument \"%s\"", argv[i]);
    }
    if (rc >= 0)
        goto done;
    if (strcmp(o.lang, "da") != 0 && strcmp(o.lang, "en") != 0) {
        rc = lis_cli_usage_error(u, "--lang must be da or en, not \"%s\"", o.lang);
        goto done;
    }
    if (o.as_of_batch && o.no_rollup) {
        rc = lis_cli_usage_error(usage, "--as-of-batch computes its figures: not with "
                                        "--no-rollup");
        goto done;
    }
    if (!o.out[0]) {
        rc = lis_cli_usage_error(u, "--out needs a folder");
        goto done;
    }
    if (jobs_s) {
        char *end;
        long j = strtol(jobs_s, &end, 10);
        if (!jobs_s[0] || *end || j < 1 || j > 64) {
            rc = lis_cli_usage_error(
                usage, "--jobs must be a number from 1 to 64, not \"%s\"", jobs_s);
            goto done;
        }
        o.jobs = (int)j;
    }

    lis_chart_opts_default(&chart_opts);
    if (o.png_size && (strcmp(o.kind, "monthly") != 0 ||
                       !lis_chart_parse_size(o.png_size, &chart_opts.png_width,
                                             &chart_opts.png_height))) {
        rc = lis_cli_usage_error(u,
                                 strcmp(o.kind, "monthly") != 0
                                     ? "--png-size is an option of lis run monthly"
                                     : "--png-size must be WIDTHxHEIGHT (16 to 10000 "
                                       "pixels each), not \"%s\"",
                                 o.png_size);
        goto done;
    }

    lis_period window;
    if (strcmp(o.kind, "monthly") == 0) {
        if (!o.period || year_s || o.as_of) {
            rc = lis_cli_usage_error(u, "lis run monthly needs --period YYYY-MM (and no "
                                        "--year or --as-of)");
            goto done;
        }
        if (!lis_cli_parse_window(o.period, LIS_MONTH, &window) ||
            window.kind != LIS_MONTH) {
            rc = lis_cli_usage_error(u, "--period \"%s\" is not a month (YYYY-MM)",
                                     o.period);
            goto done;
        }
        o.year = window.year;
    } else if (strcmp(o.kind, "quarterly") == 0) {
        if (!o.period || year_s || o.as_of || o.n_ids) {
            rc =
                lis_cli_usage_error(u, "lis run quarterly needs --period YYYY-QN (and no "
                                       "--year, --as-of or --agreement)");
            goto done;
        }
        if (!lis_cli_parse_window(o.period, LIS_QUARTER, &window) ||
            window.kind != LIS_QUARTER) {
            rc = lis_cli_usage_error(u, "--period \"%s\" is not a quarter (YYYY-QN)",
                                     o.period);
            goto done;
        }
        o.year = window.year;
    } else if (strcmp(o.kind, "status") == 0 || strcmp(o.kind, "annual") == 0) {
        bool status = o.kind[0] == 's';
        if (!year_s || o.period || o.n_ids || (!status && o.as_of)) {
            rc = lis_cli_usage_error(u, status ? "lis run status takes --year Y [--as-of "
                                                 "YYYY-MM] only"
                                               : "lis run annual takes --year Y only");
            goto done;
        }
        if ((o.year = lis_cli_parse_year(year_s)) < 0) {
            rc = lis_cli_usage_error(
                u,
                "--year must be a year from 1900 to 2999 (or previous, current), not \"%s\"",
                year_s);
            goto done;
        }
        if (status) {
            int m = 6;
            if (o.as_of) {
                lis_period p;
                if (!lis_window_parse(o.as_of, &p) || p.kind != LIS_MONTH ||
                    p.year != o.year) {
                    rc = lis_cli_usage_error(u,
                                             "--as-of \"%s\" is not a month of %d "
                                             "(YYYY-MM)",
                                             o.as_of, o.year);
                    goto done;
                }
                m = p.last_month;
            }
            window = (lis_period){o.year, LIS_YTD, 1, m};
        } else {
            window = (lis_period){o.year, LIS_YEAR, 1, 12};
        }
    } else {
        rc = lis_cli_usage_error(u, "unknown kind of report \"%s\"", o.kind);
        goto done;
    }
    lis_progress_init(&run_progress, o.quiet);
    progress_done = 0; /* lis demo makes several runs in one process */
    rc = do_run(cli, &o, &window);
done:
    free(kind_usage);
    free(o.ids);
    return rc;
}
