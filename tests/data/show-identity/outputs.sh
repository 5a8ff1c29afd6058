# outputs.sh - sourced by record.sh and tests/db/show_identity.sh: the one
# statement of how the show-identity outputs are made, so that the recorded
# outputs and the compared ones come from the same commands.
#
# show_identity_outputs LIS SCALE WORK OUT: writes the demo municipality of
# SCALE (lis demo --files-only) to WORK, imports every file in dependency
# order, rolls up 2026 and writes to OUT one csv per output, named
# KIND_WINDOW.csv: attainment, economy and transfers for every month, quarter
# and the year of 2026, and for --year 2026 (every window, year-to-date
# included). LIS_DB must name an initialised, empty database.

SHOW_IDENTITY_KINDS="units cost-centres accounts agreements indicators goals targets measurements
statuses budget transfers"

show_identity_windows() {
    local m q
    for m in 01 02 03 04 05 06 07 08 09 10 11 12; do echo "2026-$m"; done
    for q in 1 2 3 4; do echo "2026-Q$q"; done
    echo 2026
}

show_identity_outputs() {
    local lis=$1 scale=$2 work=$3 out=$4 k w kind
    mkdir -p "$out"
    "$lis" demo --files-only --scale "$scale" --out "$work" >/dev/null
    for k in $SHOW_IDENTITY_KINDS; do
        "$lis" import "$k" --quiet "$work/input/$k.csv" >/dev/null
    done
    "$lis" rollup --year 2026 >/dev/null
    for kind in attainment economy transfers; do
        for w in $(show_identity_windows); do
            "$lis" show "$kind" --period "$w" --format csv --output "$out/${kind}_$w.csv"
        done
        "$lis" show "$kind" --year 2026 --format csv --output "$out/${kind}_year-2026.csv"
    done
}

# show_identity_tables DB SCALE OUT: writes the stored rollup rows of DB (a
# psql database name) to OUT/scaleSCALE/TABLE.txt, one file per rollup table
# that holds figures, in psql's \copy text format, ordered by key: what the
# reports and lis show read, at full precision (numeric's scale included).
SHOW_IDENTITY_TABLES="rollup_economy rollup_goal rollup_indicator"

show_identity_tables() {
    local db=$1 scale=$2 out=$3 t
    mkdir -p "$out/scale$scale"
    for t in $SHOW_IDENTITY_TABLES; do
        psql -X -q -v ON_ERROR_STOP=1 -d "$db" \
            -c "\\copy (SELECT * FROM lis.$t ORDER BY 1, 2, 3, 4, 5) TO '$out/scale$scale/$t.txt'"
    done
}
