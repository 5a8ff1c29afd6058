#!/usr/bin/env bash
# import-bench.sh - how fast "lis import" loads, beside psql's \copy of the
# same file into a plain table, in the same run. Not a test: it prints figures.
#
#   pg_virtualenv -t bench/import-bench.sh [BUDGET_ROWS] [MEASUREMENT_ROWS]
#
# Needs a PostgreSQL server (pg_virtualenv makes a throw-away one, or set
# PGHOST and friends) and a built lis ($LIS, else build/cli/lis). Generates a
# budget export (default 1,000,000 rows, native format: decimal comma,
# thousands dots, some trailing minus) and a measurement file (default 100,000
# rows), imports each with lis import (peak memory measured with
# /usr/bin/time -v when present), and \copy's the same file into a table of
# text columns. The measurement file is imported twice: into an empty table,
# then again with --force, so that every row replaces one and goes to the
# history. Prints rows/s and the ratio lis/\copy (lower is better).
#
# LIS_BASE=path/to/older/lis runs the same imports with that build too (in a
# database of its own, initialised by it) and prints the ratio new/old: e.g.
# the build of main a branch started from (git worktree add ../base main).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
LIS=${LIS:-$here/../build/cli/lis}
LIS_BASE=${LIS_BASE:-}
BUDGET_ROWS=${1:-1000000}
MEAS_ROWS=${2:-100000}
[ -x "$LIS" ] || { echo "no lis at $LIS (build first, or set LIS)" >&2; exit 1; }
[ -z "$LIS_BASE" ] || [ -x "$LIS_BASE" ] || { echo "no lis at $LIS_BASE" >&2; exit 1; }
export LC_ALL=C.UTF-8

work=$(mktemp -d "${TMPDIR:-/tmp}/lis-bench.XXXXXX")
db=lis_bench_$$
cleanup() {
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
    dropdb --if-exists "${db}_base" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# Runs lis ($BIN) and reports its peak resident memory (kB) in $work/rss.
run_lis() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$work/time" "$BIN" "$@" >"$work/out"
        awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time" >"$work/rss"
    else
        "$BIN" "$@" >"$work/out"
        echo "?" >"$work/rss"
    fi
}

# ------------------------------------------------------------ the files
awk -v n="$BUDGET_ROWS" 'BEGIN {
    srand(42);
    print "period;cost_centre;function;account;budget;actual;original_budget";
    for (i = 1; i <= n; i++) {
        b = int(rand() * 100000000) / 100; a = int(rand() * 100000000) / 100;
        bs = sprintf("%.2f", b); as = sprintf("%.2f", a);
        # decimal comma and thousands dots: 1.234.567,89
        printf "2026-%02d;%06d;%d.%02d.%02d;%d;%s;%s%s;%s\n", i % 12 + 1, 100000 + i % 700,
            i % 9 + 1, i % 30, i % 5 + 1, 40000 + i % 300, dk(bs), dk(as), (i % 10 == 0 ? "-" : ""), dk(bs);
    }
}
function dk(s,   ip, fp, out) {
    ip = substr(s, 1, index(s, ".") - 1); fp = substr(s, index(s, ".") + 1);
    out = "";
    while (length(ip) > 3) { out = "." substr(ip, length(ip) - 2) out; ip = substr(ip, 1, length(ip) - 3); }
    return ip out "," fp;
}' >"$work/budget.csv"

units=100; indicators=$(( (MEAS_ROWS + units * 20 - 1) / (units * 20) ))
{ echo "unit_id;name;parent_id;kind"; echo "K;Kommune;;kommune"
  for u in $(seq 1 $units); do echo "U$u;Enhed $u;K;institution"; done; } >"$work/units.csv"
{ echo "indicator_id;name;unit;direction;aggregation;frequency"
  for i in $(seq 1 "$indicators"); do echo "I$i;Indikator $i;antal;op;sum;maaned"; done; } >"$work/indicators.csv"
awk -v n="$MEAS_ROWS" -v units="$units" 'BEGIN {
    srand(7); print "indicator_id;unit_id;period;value"; k = 0;
    for (i = 1; k < n; i++) for (u = 1; u <= units && k < n; u++) for (m = 0; m < 20 && k < n; m++) {
        printf "I%d;U%d;%dM%02d;%d,%d\n", i, u, 2025 + int(m / 12), m % 12 + 1, int(rand() * 10000), int(rand() * 10); k++;
    }
}' >"$work/measurements.csv"
# setup_db NAME LIS: a database initialised by that lis, with the catalogue
# the measurements refer to and the plain tables of the \copy.
setup_db() {
    createdb "$1"
    LIS_DB="dbname=$1" "$2" db init >/dev/null
    LIS_DB="dbname=$1" "$2" import units "$work/units.csv" >/dev/null
    LIS_DB="dbname=$1" "$2" import indicators "$work/indicators.csv" >/dev/null
    psql -XAtq -d "$1" -c "CREATE TABLE plain_budget (period text, cost_centre text,
        function text, account text, budget text, actual text, original_budget text)" \
        -c "CREATE TABLE plain_measurement (indicator_id text, unit_id text, period text,
        value text)" -c "CHECKPOINT"
}
setup_db "$db" "$LIS"
[ -z "$LIS_BASE" ] || setup_db "${db}_base" "$LIS_BASE"

echo "lis import benchmark: $(nproc) cores, PostgreSQL $(psql -XAtq -d "$db" -c 'SHOW server_version'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %9s %7s %8s %10s %8s %10s %7s %9s %7s\n' file rows MB "copy s" "copy r/s" \
    "lis s" "lis r/s" ratio "base s" "new/base"
# timed DB BIN ARGS...: seconds of one lis import (after a CHECKPOINT, so
# that one import does not pay for the writes of the one before).
timed() {
    local d=$1 t0 t1
    BIN=$2; shift 2
    psql -XAtq -d "$d" -c "CHECKPOINT"
    t0=$(now)
    LIS_DB="dbname=$d" run_lis "$@"
    t1=$(now)
    secs "$t0" "$t1"
}
bench() { # LABEL KIND FILE ROWS PLAIN [--force]
    local label=$1 kind=$2 file=$3 rows=$4 plain=$5 force=${6:-} t0 t1 mb cs ls bs="" br=""
    mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
    psql -XAtq -d "$db" -c "TRUNCATE $plain" -c "CHECKPOINT"
    t0=$(now)
    psql -XAtq -d "$db" -c "\\copy $plain FROM '$file' WITH (FORMAT csv, DELIMITER ';', HEADER true)"
    t1=$(now)
    cs=$(secs "$t0" "$t1")
    ls=$(timed "$db" "$LIS" import "$kind" "$file" $force)
    grep -q "$rows loaded" "$work/out" || { cat "$work/out"; echo "lis did not load $rows rows" >&2; exit 1; }
    local rss
    rss=$(cat "$work/rss")
    if [ -n "$LIS_BASE" ]; then
        bs=$(timed "${db}_base" "$LIS_BASE" import "$kind" "$file" $force)
        grep -q "$rows loaded" "$work/out" || { cat "$work/out"; echo "base lis did not load $rows rows" >&2; exit 1; }
        br=$(ratio "$ls" "$bs")
    fi
    [ "$label" = budget ] && budget_lis_s=$ls
    printf '%-16s %9d %7s %8s %10s %8s %10s %7s %9s %7s   max RSS of lis: %s kB\n' "$label" \
        "$rows" "$mb" "$cs" "$(rate "$rows" "$cs")" "$ls" "$(rate "$rows" "$ls")" \
        "$(ratio "$ls" "$cs")" "$bs" "$br" "$rss"
}
bench budget budget "$work/budget.csv" "$BUDGET_ROWS" plain_budget
bench measurements measurements "$work/measurements.csv" "$MEAS_ROWS" plain_measurement
bench "measurements (replace)" measurements "$work/measurements.csv" "$MEAS_ROWS" \
    plain_measurement --force
echo "ratio = lis import time / psql \\copy time of the same file (targets: budget <= 1.2, measurements <= 3)"
[ -z "$LIS_BASE" ] || echo "new/base = this lis / $LIS_BASE, same files, same run"

# The server's share: the rows lis converted, \copy'd as they are into a table
# like budget_line. lis import cannot be faster than this.
psql -XAtq -d "$db" -c "\\copy (SELECT * FROM lis.budget_line) TO '$work/converted.tsv'" \
    -c "CREATE TABLE typed_budget (LIKE lis.budget_line INCLUDING ALL)" -c "CHECKPOINT"
t0=$(now)
psql -XAtq -d "$db" -c "\\copy typed_budget FROM '$work/converted.tsv'"
t1=$(now)
fs=$(secs "$t0" "$t1")
echo "floor: psql \\copy of the converted budget rows (text) into a table like budget_line:" \
    "$fs s ($(rate "$BUDGET_ROWS" "$fs") rows/s); lis import budget / floor = $(ratio "$budget_lis_s" "$fs")"
