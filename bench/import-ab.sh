#!/usr/bin/env bash
# import-ab.sh - the measurement and budget imports of two lis builds and
# psql's \copy of the same files, interleaved round by round, so that a
# machine whose speed wanders from minute to minute treats all three alike
# (as rollup-ab.sh does for the rollup). Each build has a database of its
# own with the demo's catalogue (units to targets) imported; every round
# empties its measurements and budget lines (and their batches) and imports
# both files again into empty tables, after a \copy of each file into a
# table of text columns. A third contender, the floor, is PostgreSQL alone
# putting the rows new lis landed into a copy of their table (measurement or
# budget_line, with its indexes and check constraints) by binary \copy: what
# any import that keeps those tables as they are must at least spend.
# Prints every round, then per file and scale the mean and median of each
# contender, new/base, new/\copy, floor/\copy and new/floor. Not a test: it
# prints the figures.
#
# Usage: pg_virtualenv -t bench/import-ab.sh BASE_LIS [NEW_BUILD_DIR]
#   BASE_LIS is the older lis (e.g. bench-out/base-<sha>/build-rel/cli/lis,
#   as compare.sh builds it); NEW_BUILD_DIR defaults to build-rel.
#   SCALES="1 10" (the default) and ROUNDS=5 choose the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
base_lis=$(realpath "${1:?usage: bench/import-ab.sh BASE_LIS [NEW_BUILD_DIR]}")
new_lis=$(realpath "${2:-build-rel}/cli/lis")
scales=${SCALES:-1 10}
rounds=${ROUNDS:-5}
files="measurements budget"
. bench/lib.sh
bench_init import-ab
work=$BENCH_WORK

# empty DB: no measurements, history, budget lines or their batches.
empty() {
    psql -XAtq -v ON_ERROR_STOP=1 -d "$1" \
        -c "TRUNCATE lis.measurement, lis.measurement_history, lis.budget_line" \
        -c "DELETE FROM lis.import_batch WHERE kind IN ('measurements', 'budget')" \
        -c "CHECKPOINT" >/dev/null
}

# db_of WHO: the database of WHO (base, new or copy) at $scale.
db_of() { echo "lis_bench_imp_$1_${scale}_$$"; }

# table_of FILE: the table lis lands FILE's rows in.
table_of() { [ "$1" = measurements ] && echo measurement || echo budget_line; }

declare -A t
echo "base $base_lis; new $new_lis; $rounds rounds"
for scale in $scales; do
    input=$work/demo-$scale/input
    "$new_lis" demo --files-only --scale "$scale" --out "$work/demo-$scale" >/dev/null
    for who in base new; do
        [ "$who" = base ] && lis=$base_lis || lis=$new_lis
        bench_db "$(db_of "$who")" "$lis"
        for kind in $BENCH_KINDS; do
            case " $files statuses transfers " in *" $kind "*) continue ;; esac
            "$lis" import "$kind" "$input/$kind.csv" --quiet
        done
    done
    # the floor's rows: new lis's, in binary; its tables beside lis's
    new_db=$(db_of new)
    for f in $files; do
        LIS_DB="dbname=$new_db" "$new_lis" import "$f" "$input/$f.csv" --quiet
        psql -XAtq -v ON_ERROR_STOP=1 -d "$new_db" \
            -c "\\copy lis.$(table_of "$f") TO '$work/floor-$f.bin' (FORMAT binary)" \
            -c "CREATE TABLE floor_$f (LIKE lis.$(table_of "$f") INCLUDING ALL)" >/dev/null
    done
    empty "$new_db"
    copy_db=$(db_of copy)
    createdb "$copy_db"
    BENCH_DBS="$BENCH_DBS $copy_db"
    t=()
    for r in $(seq 1 "$rounds"); do
        for f in $files; do
            psql -XAtq -d "$copy_db" -c "CHECKPOINT" >/dev/null
            bench_copy_text "$copy_db" t "$input/$f.csv"
            t[copy_$f]="${t[copy_$f]:-} $BENCH_SECS"
            line="scale $scale round $r $f: \\copy $BENCH_SECS s"
            for who in base new; do
                [ "$who" = base ] && lis=$base_lis || lis=$new_lis
                db=$(db_of "$who")
                empty "$db"
                LIS_DB="dbname=$db" bench_run "$lis" import "$f" "$input/$f.csv" --quiet
                t[${who}_$f]="${t[${who}_$f]:-} $BENCH_SECS"
                line="$line, $who $BENCH_SECS s"
            done
            psql -XAtq -d "$new_db" -c "TRUNCATE floor_$f" -c "CHECKPOINT" >/dev/null
            bench_run psql -XAtq -v ON_ERROR_STOP=1 -d "$new_db" \
                -c "\\copy floor_$f FROM '$work/floor-$f.bin' (FORMAT binary)"
            t[floor_$f]="${t[floor_$f]:-} $BENCH_SECS"
            echo "$line, floor $BENCH_SECS s"
        done
    done
    for f in $files; do
        read -r cm cmed <<<"$(bench_stats "${t[copy_$f]}")"
        read -r bm bmed <<<"$(bench_stats "${t[base_$f]}")"
        read -r nm nmed <<<"$(bench_stats "${t[new_$f]}")"
        read -r fm fmed <<<"$(bench_stats "${t[floor_$f]}")"
        printf 'scale %s %s (means, medians): \\copy %s %s s, base %s %s s, new %s %s s, floor %s %s s\n' \
            "$scale" "$f" "$cm" "$cmed" "$bm" "$bmed" "$nm" "$nmed" "$fm" "$fmed"
        printf '    new/base %s %s, new/\\copy %s %s, floor/\\copy %s %s, new/floor %s %s\n' \
            "$(bench_ratio "$nm" "$bm")" "$(bench_ratio "$nmed" "$bmed")" \
            "$(bench_ratio "$nm" "$cm")" "$(bench_ratio "$nmed" "$cmed")" \
            "$(bench_ratio "$fm" "$cm")" "$(bench_ratio "$fmed" "$cmed")" \
            "$(bench_ratio "$nm" "$fm")" "$(bench_ratio "$nmed" "$fmed")"
    done
done
