#!/usr/bin/env bash
# compare.sh - issue 10's stages at scale 1 and 10, in one run, for three
# contenders: (a) psql's \copy of the same input files into tables of text
# columns (the two import stages only), (b) the lis of BASE_REV, built
# (Release) from "git archive BASE_REV" under bench-out/, and (c) the current
# tree's Release build. Prints one table per scale with the times, the ratios
# new/\copy and new/base, and the new lis's peak RSS. Not a test: it prints
# the figures.
#
# Usage: pg_virtualenv -t bench/compare.sh [BASE_REV] [NEW_BUILD_DIR]
#   BASE_REV defaults to HEAD~ (run on main right after a merge, that is main
#   before it); for issue 10's before/after give fe562c9 (main before the
#   issue). NEW_BUILD_DIR defaults to build-rel (configured as Release when
#   missing, and built: brought up to date with the tree). SCALES="1 10" (the
#   default) chooses the scales, JOBS the monthly run's --jobs (default 2).
#   MONTH_LIMIT=SECONDS stops a monthly run still running then (the base's
#   at scale 100 ran for hours): its stage shows ">" the time so far.
#
# Stages (each lis in a fresh database of its own per scale; the commands run
# one after the other and a composite stage is the sum of its commands):
#   import measurements   lis import measurements (the catalogue before it)
#   import budget         lis import budget
#   rollup 2026           lis rollup --year 2026
#   import+rollup+show    every import, the rollup, and lis show attainment
#                         and economy --year 2026 --format csv
#   month end to end      every import, the rollup and lis run monthly of the
#                         latest month for all agreements (every workbook,
#                         PDF and PNG)
# "peak RSS" is the largest lis process of the stage (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev=${1:-HEAD~}
new_build=${2:-build-rel}
scales=${SCALES:-1 10}
jobs=${JOBS:-2}
month_limit=${MONTH_LIMIT:-}
. bench/lib.sh

BASE_LIS=$(bench_base_lis "$base_rev")
NEW_LIS=$(bench_new_lis "$new_build")

bench_init compare
work=$BENCH_WORK

# run_lis WHO SCALE: the stages with lis WHO (base or new) in a fresh
# database; sets S_<stage>_<who> (seconds) and K_<stage>_<who> (peak kB).
declare -A S K
run_lis() {
    local who=$1 scale=$2 lis kind imports=0 imports_kb=0 mw
    [ "$who" = base ] && lis=$BASE_LIS || lis=$NEW_LIS
    bench_db "lis_bench_compare_${who}_${scale}_$$" "$lis"
    for kind in $BENCH_KINDS; do
        bench_run "$lis" import "$kind" "$work/demo-$scale/input/$kind.csv"
        imports=$(bench_sum "$imports" "$BENCH_SECS")
        [ "$BENCH_KB" -le "$imports_kb" ] || imports_kb=$BENCH_KB
        case $kind in
        measurements | budget) S[$kind,$who]=$BENCH_SECS K[$kind,$who]=$BENCH_KB ;;
        esac
    done
    bench_run "$lis" rollup --year 2026
    S[rollup,$who]=$BENCH_SECS K[rollup,$who]=$BENCH_KB
    local up=$(bench_sum "$imports" "$BENCH_SECS") up_kb=$imports_kb
    [ "$BENCH_KB" -le "$up_kb" ] || up_kb=$BENCH_KB
    bench_run "$lis" show attainment --year 2026 --format csv --output "$work/a.csv"
    local a=$BENCH_SECS a_kb=$BENCH_KB
    bench_run "$lis" show economy --year 2026 --format csv --output "$work/e.csv"
    S[show,$who]=$(bench_sum "$up" "$a" "$BENCH_SECS")
    K[show,$who]=$(printf '%s\n' "$up_kb" "$a_kb" "$BENCH_KB" | sort -n | tail -n 1)
    mw=$(bench_latest_month "$BENCH_DB")
    BENCH_LIMIT=$month_limit \
        bench_run "$lis" run monthly --period "$mw" --out "$work/reports-$who" --jobs "$jobs"
    S[month,$who]=$(bench_sum "$up" "$BENCH_SECS")
    K[month,$who]=$(printf '%s\n' "$up_kb" "$BENCH_KB" | sort -n | tail -n 1)
    rm -rf "$work/reports-$who"
    dropdb "$BENCH_DB"
}

# run_copy SCALE: psql \copy of the measurement and budget files into tables
# of text columns, each into a fresh table.
run_copy() {
    local db="lis_bench_compare_copy_${1}_$$" kind
    createdb "$db"
    BENCH_DBS="$BENCH_DBS $db"
    for kind in measurements budget; do
        bench_copy_text "$db" "plain_$kind" "$work/demo-$1/input/$kind.csv"
        S[$kind,copy]=$BENCH_SECS
    done
    dropdb "$db"
}

echo "base: $base_rev = $(git rev-parse --short=12 "$base_rev") ($BASE_LIS); new: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo +changes) ($NEW_LIS); lis run --jobs $jobs"
for scale in $scales; do
    "$NEW_LIS" demo --files-only --scale "$scale" --out "$work/demo-$scale" >/dev/null
    S=() K=()
    run_copy "$scale"
    run_lis base "$scale"
    run_lis new "$scale"
    printf '\nscale %s (%s):\n' "$scale" "$(uptime | sed 's/.*load/load/')"
    printf '%-22s %8s %8s %8s %9s %9s %13s\n' stage '\copy s' 'base s' 'new s' 'new/\copy' \
        new/base 'new peak RSS'
    for st in measurements budget rollup show month; do
        case $st in
        measurements) name="import measurements" ;;
        budget) name="import budget" ;;
        rollup) name="rollup 2026" ;;
        show) name="import+rollup+show" ;;
        month) name="month end to end" ;;
        esac
        c=${S[$st,copy]:--}
        printf '%-22s %8s %8s %8s %9s %9s %10s MB\n' "$name" "$c" "${S[$st,base]}" \
            "${S[$st,new]}" "$(bench_ratio "${S[$st,new]}" "$c")" "$(bench_ratio "${S[$st,new]}" "${S[$st,base]}")" \
            "$(bench_mb "${K[$st,new]}")"
    done
    rm -rf "$work/demo-$scale"
done
