# lib.sh - sourced by the bench/ scripts (month.sh, scale.sh, compare.sh,
# embedded.sh): a work folder and databases removed at the end, the import
# order of the demo's files, the lis of an older commit and of the tree
# (bench_base_lis, bench_new_lis), and stages timed with /usr/bin/time
# (package time) while the PostgreSQL server's memory is sampled beside them.
#
# Server memory: the sum of the proportional set size (Pss in
# /proc/PID/smaps_rollup, so shared_buffers count once, not once per process)
# of the postmaster and all its children, sampled every 0.2 s while a stage
# runs; the peak is printed. It needs the server on this machine and its
# /proc readable (pg_virtualenv as root or as the cluster's user); else "-".
# A stage shorter than the sampling interval shows one sample.

# The demo's files in dependency order (lis demo --files-only writes KIND.csv).
BENCH_KINDS="units cost-centres accounts agreements indicators goals targets measurements
statuses budget transfers"

# bench_init NAME: a work folder ($BENCH_WORK) and the trap that removes it
# and every database made by bench_db.
bench_init() {
    [ -x /usr/bin/time ] || { echo "needs /usr/bin/time (package time)" >&2; exit 1; }
    BENCH_WORK=$(mktemp -d "${TMPDIR:-/tmp}/lis-bench-$1.XXXXXX")
    BENCH_DBS=""
    BENCH_SAMPLER=""
    trap bench_cleanup EXIT
}

bench_cleanup() {
    [ -z "$BENCH_SAMPLER" ] || kill "$BENCH_SAMPLER" 2>/dev/null || true
    local d
    for d in $BENCH_DBS; do dropdb --if-exists "$d" >/dev/null 2>&1 || true; done
    rm -rf "$BENCH_WORK"
}

# bench_db NAME LIS: creates database NAME ($BENCH_DB), points LIS_DB at it
# and runs "LIS db init" there.
bench_db() {
    createdb "$1"
    BENCH_DB=$1
    BENCH_DBS="$BENCH_DBS $1"
    export LIS_DB="dbname=$1"
    "$2" db init >/dev/null
}

# bench_start NAME BUILD_DIR DB: for a script that runs one lis against one
# database: sets LIS (BUILD_DIR/cli/lis, which must exist), the work folder
# (bench_init NAME) and database DB (bench_db).
bench_start() {
    LIS=$2/cli/lis
    [ -x "$LIS" ] || { echo "build lis first ($LIS)" >&2; exit 1; }
    bench_init "$1"
    bench_db "$3" "$LIS"
}

# bench_latest_month DB: the latest month of 2026 with a monthly value (as
# "2026-MM"), the month the monthly run reports.
bench_latest_month() {
    local m
    m=$(psql -XAtqd "$1" -c "SELECT coalesce(max(last_month), 12) FROM lis.measurement
        WHERE year = 2026 AND value IS NOT NULL AND first_month = last_month")
    printf '2026-%02d\n' "$m"
}

# bench_postmaster: the server's postmaster PID, when it runs on this machine
# and its data folder is readable; else nothing.
bench_postmaster() {
    local dir
    dir=$(psql -XAtqd postgres -c "SHOW data_directory" 2>/dev/null) || return 0
    [ -r "$dir/postmaster.pid" ] && head -n 1 "$dir/postmaster.pid" || true
}

# bench_server_kb PID: the sum of Pss (kB) of the postmaster PID and its
# children now.
bench_server_kb() {
    local files=("/proc/$1/smaps_rollup") p
    for p in $(ps --ppid "$1" -o pid= 2>/dev/null); do files+=("/proc/$p/smaps_rollup"); done
    awk '/^Pss:/ { s += $2 } END { print s + 0 }' "${files[@]}" 2>/dev/null || echo 0
}

# bench_sampler_start FILE: samples the server's memory every 0.2 s, keeping
# the peak (kB) in FILE, until bench_sampler_stop.
bench_sampler_start() {
    local pm
    pm=$(bench_postmaster)
    if [ -z "$pm" ] || [ ! -r "/proc/$pm/smaps_rollup" ]; then
        echo - >"$1"
        return 0
    fi
    (
        peak=0
        while :; do
            kb=$(bench_server_kb "$pm")
            [ "$kb" -le "$peak" ] || { peak=$kb; echo "$peak" >"$1.tmp" && mv "$1.tmp" "$1"; }
            sleep 0.2
        done
    ) &
    BENCH_SAMPLER=$!
}

bench_sampler_stop() {
    [ -z "$BENCH_SAMPLER" ] || { kill "$BENCH_SAMPLER" 2>/dev/null; wait "$BENCH_SAMPLER" 2>/dev/null || true; }
    BENCH_SAMPLER=""
}

# bench_mb KB: kB as MB with one decimal ("-" stays "-").
bench_mb() { awk -v k="$1" 'BEGIN { if (k == "-" || k == "") print "-"; else printf "%.1f", k / 1024 }'; }

# bench_run COMMAND...: runs COMMAND under /usr/bin/time with the server
# sampled; sets BENCH_SECS (wall), BENCH_KB (the command's peak RSS: the
# largest single process, lis or one of its forked renderers) and
# BENCH_SERVER_KB (the server's peak, or "-"). Output goes to
# $BENCH_WORK/out and err; a failure prints them and exits.
# With BENCH_LIMIT=SECONDS a command still running then is stopped, the
# server's sessions of database $BENCH_DB ended (a base's server query goes
# on after its client is gone: only lis from ddfab6b on has the server check
# its client), and BENCH_SECS is ">SECONDS".
bench_run() {
    local limit=()
    # TERM, then KILL: a lis before ddfab6b (a base) waits out a server query
    # before it ends on TERM.
    [ -z "${BENCH_LIMIT:-}" ] || limit=(timeout -k 10 "$BENCH_LIMIT")
    echo 0 >"$BENCH_WORK/server"
    bench_sampler_start "$BENCH_WORK/server"
    if ! /usr/bin/time -f '%e %M' -o "$BENCH_WORK/time" "${limit[@]}" "$@" \
        >"$BENCH_WORK/out" 2>"$BENCH_WORK/err"; then
        bench_sampler_stop
        # timeout's status is 124 after TERM, 137 after KILL: tell by the time.
        if [ -n "${BENCH_LIMIT:-}" ] &&
            awk -v l="$BENCH_LIMIT" 'END { exit !($1 >= l) }' "$BENCH_WORK/time"; then
            psql -XAtqd postgres -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = '${BENCH_DB:-}' AND pid <> pg_backend_pid()" >/dev/null
            BENCH_SECS=">$BENCH_LIMIT" BENCH_KB=$(tail -n 1 "$BENCH_WORK/time" | cut -d' ' -f2)
            BENCH_SERVER_KB=$(cat "$BENCH_WORK/server")
            return 0
        fi
        cat "$BENCH_WORK/out" "$BENCH_WORK/err" >&2
        echo "failed: $*" >&2
        exit 1
    fi
    bench_sampler_stop
    read -r BENCH_SECS BENCH_KB <"$BENCH_WORK/time"
    BENCH_SERVER_KB=$(cat "$BENCH_WORK/server")
}

# bench_stats "T1 T2 ..." [DECIMALS]: their mean and median, with two
# decimals or DECIMALS.
bench_stats() {
    tr ' ' '\n' <<<"$1" | awk 'NF' | sort -n |
        awk -v d="${2:-2}" '{ v[NR] = $1; s += $1 } END { f = "%." d "f"; printf f " " f, s / NR,
              NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench_ratio A B: A / B with two decimals; "-" when B is missing, "-" or 0.
# A stopped run (">S") bounds it: A = ">S" gives ">A/B", B = ">S" "<A/B".
bench_ratio() {
    awk -v a="$1" -v b="${2:--}" 'BEGIN {
        if (b == "-" || b == 0 || a == "-" || (a ~ /^>/ && b ~ /^>/)) { print "-"; exit }
        p = a ~ /^>/ ? ">" : b ~ /^>/ ? "<" : ""
        sub(/^>/, "", a); sub(/^>/, "", b)
        printf "%s%.2f", p, a / b }'
}

# bench_copy_text DB TABLE FILE: FILE (the demo's CSV) \copy'd by psql into
# a new table TABLE of text columns named by its header, timed by
# bench_run: the plain baseline of an import.
bench_copy_text() {
    local cols
    cols=$(head -n 1 "$3" | sed 's/;/ text, /g; s/$/ text/')
    psql -XAtq -v ON_ERROR_STOP=1 -d "$1" -c "SET client_min_messages = warning" \
        -c "DROP TABLE IF EXISTS $2" -c "CREATE TABLE $2 ($cols)" >/dev/null
    bench_run psql -XAtq -v ON_ERROR_STOP=1 -d "$1" \
        -c "\\copy $2 FROM '$3' WITH (FORMAT csv, DELIMITER ';', HEADER true)"
}

# bench_sum A B ...: the sum, with two decimals (">" first when one of them
# is a stopped run's ">S").
bench_sum() {
    awk 'BEGIN { s = 0; p = ""
        for (i = 1; i < ARGC; i++) { v = ARGV[i]; if (v ~ /^>/) { p = ">"; v = substr(v, 2) }; s += v }
        printf "%s%.2f", p, s }' "$@"
}

# bench_base_lis REV: the lis of REV, built once (Release, no tests) from
# "git archive REV" in bench-out/base-SHA; prints its path.
bench_base_lis() {
    local sha src
    sha=$(git rev-parse --verify "$1^{commit}")
    src=$PWD/bench-out/base-${sha:0:12}
    if [ ! -x "$src/build-rel/cli/lis" ]; then
        echo "building the base $1 (${sha:0:12}) in $src" >&2
        rm -rf "$src"
        mkdir -p "$src"
        git archive "$sha" | tar -x -C "$src"
        cmake -S "$src" -B "$src/build-rel" -DCMAKE_BUILD_TYPE=Release \
            -DLIS_BUILD_TESTS=OFF >/dev/null
        cmake --build "$src/build-rel" -j2 >"$src/build.log" 2>&1 ||
            { cat "$src/build.log" >&2; exit 1; }
    fi
    echo "$src/build-rel/cli/lis"
}

# bench_new_lis BUILD_DIR: the current tree's lis, BUILD_DIR configured as
# Release when new and brought up to date with the tree; prints its path.
bench_new_lis() {
    [ -f "$1/CMakeCache.txt" ] || cmake -S . -B "$1" -DCMAKE_BUILD_TYPE=Release >/dev/null
    mkdir -p bench-out
    cmake --build "$1" -j2 >bench-out/build-new.log 2>&1 ||
        { cat bench-out/build-new.log >&2; exit 1; }
    realpath "$1/cli/lis"
}
