#!/usr/bin/env bash
# rollup-ab.sh - the first rollup of a year (after fresh imports) of two lis
# builds, interleaved round by round, so that a machine whose speed wanders
# from minute to minute treats both alike. Each build has a database of its
# own with the same imports (the demo's files); before every rollup the
# year's rollup rows and run records are deleted and the statistics counters
# reset, so that the rollup is full and ANALYZEs the input tables, as after
# an import. Prints each round and the mean, median and new/base of each
# scale. Not a test: it prints the figures.
#
# Usage: pg_virtualenv -t bench/rollup-ab.sh BASE_LIS [NEW_BUILD_DIR]
#   BASE_LIS is the older lis (e.g. bench-out/base-<sha>/build-rel/cli/lis,
#   as compare.sh builds it); NEW_BUILD_DIR defaults to build-rel.
#   SCALES="1 10" (the default) and ROUNDS=5 choose the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
base_lis=$(realpath "${1:?usage: bench/rollup-ab.sh BASE_LIS [NEW_BUILD_DIR]}")
new_lis=$(realpath "${2:-build-rel}/cli/lis")
scales=${SCALES:-1 10}
rounds=${ROUNDS:-5}
. bench/lib.sh
bench_init rollup-ab
work=$BENCH_WORK

# fresh_year DB: the state after fresh imports, for the rollup of 2026.
fresh_year() {
    psql -XAtq -v ON_ERROR_STOP=1 -d "$1" \
        -c "BEGIN; DELETE FROM lis.rollup_indicator; DELETE FROM lis.rollup_goal;
            DELETE FROM lis.rollup_economy; DELETE FROM lis.rollup_economy_area;
            DELETE FROM lis.rollup_transfer; DELETE FROM lis.run; COMMIT" \
        -c "VACUUM ANALYZE lis.rollup_indicator, lis.rollup_goal, lis.rollup_economy,
            lis.rollup_economy_area, lis.rollup_transfer" \
        -c "CHECKPOINT" -c "SELECT pg_stat_reset()" >/dev/null
}

declare -A t
echo "base $base_lis; new $new_lis; $rounds rounds"
for scale in $scales; do
    "$new_lis" demo --files-only --scale "$scale" --out "$work/demo-$scale" >/dev/null
    for who in base new; do
        [ "$who" = base ] && lis=$base_lis || lis=$new_lis
        bench_db "lis_bench_ab_${who}_${scale}_$$" "$lis"
        for kind in $BENCH_KINDS; do
            "$lis" import "$kind" "$work/demo-$scale/input/$kind.csv" --quiet
        done
    done
    t=([base]="" [new]="")
    for r in $(seq 1 "$rounds"); do
        for who in base new; do
            [ "$who" = base ] && lis=$base_lis || lis=$new_lis
            db="lis_bench_ab_${who}_${scale}_$$"
            fresh_year "$db"
            sleep 1
            LIS_DB="dbname=$db" bench_run "$lis" rollup --year 2026
            t[$who]="${t[$who]} $BENCH_SECS"
            echo "scale $scale round $r $who $BENCH_SECS s"
        done
    done
    read -r bm bmed <<<"$(bench_stats "${t[base]}")"
    read -r nm nmed <<<"$(bench_stats "${t[new]}")"
    printf 'scale %s: base mean %s median %s s, new mean %s median %s s, new/base %s (means) %s (medians)\n' \
        "$scale" "$bm" "$bmed" "$nm" "$nmed" \
        "$(bench_ratio "$nm" "$bm")" "$(bench_ratio "$nmed" "$bmed")"
done
