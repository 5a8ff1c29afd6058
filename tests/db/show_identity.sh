#!/usr/bin/env bash
# show_identity.sh (slow: a few minutes, labelled "slow") - the figures stay
# identical (issue 10): the demo municipality at scale 1 and 10 is imported and
# rolled up, and every "lis show attainment|economy|transfers --format csv" of
# 2026 (each month, quarter, the year, and --year) must equal what the code
# before issue 10 printed (tests/data/show-identity, PROVENANCE.md): the csv
# files themselves at scale 1, their SHA-256 at scale 10. The stored rollup
# rows themselves, at full precision (the value and numeric's scale of every
# figure), must equal what the SQL rollup stored before the goal attainment
# moved to C: one SHA-256 per table and scale (tables.sha256).
# LIS_SHOW_IDENTITY_SCALES="1" limits the scales compared (default "1 10").
. "$(dirname "$0")/../lib.sh"
need_pg
data=$LIS_SOURCE_DIR/tests/data/show-identity
. "$data/outputs.sh"

compare_scale1() {
    local out=$1 n=0 bad="" f name
    for f in "$data"/scale1/*.csv.gz; do
        name=$(basename "$f" .gz)
        n=$((n + 1))
        if [ ! -f "$out/$name" ]; then
            bad="$bad $name"
            echo "scale 1: $name was not written" >&2
        elif ! zcat "$f" | cmp -s - "$out/$name"; then
            bad="$bad $name"
            echo "scale 1: $name differs (- recorded, + now):" >&2
            zcat "$f" | diff -u --label "recorded/$name" --label "now/$name" - "$out/$name" |
                head -n 30 >&2 || true
        fi
    done
    [ "$n" -eq "$(ls "$out" | wc -l)" ] || bad="$bad (another number of outputs)"
    [ -z "$bad" ] || fail "scale 1 outputs differ from the recorded ones:$bad"
    ok "scale 1: $n outputs identical to the recorded csv"
}

compare_scale10() {
    local out=$1 bad=""
    (cd "$out" && sha256sum -- *.csv) >"$TMP/scale10.sha256"
    if ! cmp -s "$data/scale10.sha256" "$TMP/scale10.sha256"; then
        bad=$(diff "$data/scale10.sha256" "$TMP/scale10.sha256" | sed -n 's/^[<>] [0-9a-f]*  //p' |
            sort -u | tr '\n' ' ')
        fail "scale 10 outputs differ from the recorded SHA-256: $bad"
    fi
    ok "scale 10: $(wc -l <"$TMP/scale10.sha256") outputs identical to the recorded SHA-256"
}

# compare_tables SCALE: the stored rows of each rollup table at SCALE.
compare_tables() {
    local scale=$1 want got
    show_identity_tables "$TEST_DB" "$scale" "$TMP/tables" || fail "dumping the rollup tables failed"
    # one recorded line per table and scale, compared as a whole (a missing
    # line must fail too, not pass unchecked)
    want=$(grep " scale$scale/" "$data/tables.sha256")
    got=$(cd "$TMP/tables" && sha256sum -- scale"$scale"/*.txt)
    [ "$(echo "$want" | wc -l)" -eq "$(echo "$SHOW_IDENTITY_TABLES" | wc -w)" ] ||
        fail "scale $scale: tables.sha256 does not record every table"
    [ "$got" = "$want" ] || fail "scale $scale: the stored rollup rows differ from the recorded ones:
$(diff <(echo "$want") <(echo "$got") | sed -n 's/^[<>] [0-9a-f]*  //p' | sort -u | tr '\n' ' ')"
    ok "scale $scale: rollup_indicator, rollup_goal and rollup_economy rows identical to the recorded SHA-256"
}

for scale in ${LIS_SHOW_IDENTITY_SCALES:-1 10}; do
    new_db "scale$scale"
    run_lis 0 db init
    show_identity_outputs "$LIS" "$scale" "$TMP/demo-$scale" "$TMP/out-$scale" ||
        fail "making the scale $scale outputs failed"
    "compare_scale$scale" "$TMP/out-$scale"
    compare_tables "$scale"
    rm -rf "$TMP/demo-$scale"
    last=$scale
done

# lis show fetches its rows 10,000 at a time: the json of a year with more
# rows than that (the last scale's database) is one array holding every csv
# row once, in order.
run_lis 0 show attainment --year 2026 --format json
mv "$TMP/out" "$TMP/year.json"
/usr/bin/python3 - "$TMP/out-$last/attainment_year-2026.csv" "$TMP/year.json" <<'PY' || fail "json of --year 2026 is not the csv's rows"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter=";"))
js = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(rows) > 10000, len(rows)
assert len(js) == len(rows), (len(js), len(rows))
for r, j in zip(rows, js):
    assert (r["agreement_id"], r["goal_id"], r["indicator_id"], r["period"]) == \
        (j["agreement_id"], j["goal_id"], j["indicator_id"], j["period"]), (r, j)
PY
ok "json of --year 2026: one array of every csv row, in order, across fetches"
