# rollup_incremental - after a rollup of the year, a later batch of
# measurements (a new month of one indicator, or replaced values), budget
# lines or transfers is rolled up incrementally: only the agreements it
# touches are computed again, and every rollup table then holds exactly what
# a full rollup (--full) computes. A withdrawn batch or a catalogue import
# makes the rollup full. The rows merged into a year with stored rows are
# those a rollup into an empty year writes.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
new_db
run_lis 0 db init
run_lis 0 demo --out "$TMP/demo" --files-only
in=$TMP/demo/input

# Held back from the first import, each to arrive later as a batch of its own:
# the December measurements of one indicator, the December budget lines of a
# few cost centres (2000xx), and the last transfers.
mkdir "$TMP/first" "$TMP/later"
cp "$in"/*.csv "$TMP/first/"
month='^ventetid;[^;]*;2026-12;'
grep -Ev "$month" "$in/measurements.csv" >"$TMP/first/measurements.csv"
{ head -1 "$in/measurements.csv"; grep -E "$month" "$in/measurements.csv"; } \
    >"$TMP/later/measurements.csv"
lines='^2026-12;2000[0-9][0-9];'
grep -Ev "$lines" "$in/budget.csv" >"$TMP/first/budget.csv"
{ head -1 "$in/budget.csv"; grep -E "$lines" "$in/budget.csv"; } >"$TMP/later/budget.csv"
head -n -20 "$in/transfers.csv" >"$TMP/first/transfers.csv"
{ head -1 "$in/transfers.csv"; tail -n 20 "$in/transfers.csv"; } >"$TMP/later/transfers.csv"
# Replaced values: the third quarter of another indicator, a digit more each.
awk -F';' -v OFS=';' 'NR == 1 || ($1 == "klager" && $3 == "2026-Q3" && $4 ~ /^[0-9]+$/) {
    if (NR > 1) $4 = $4 "7"; print }' "$in/measurements.csv" >"$TMP/later/replace.csv"
# One replaced value of a ratio's denominator (jobandel = borgere_i_job /
# borgere_i_forloeb), in one unit.
awk -F';' -v OFS=';' 'NR == 1 || ($1 == "borgere_i_forloeb" && $4 ~ /^[0-9]+$/ && !done) {
    if (NR > 1) { $4 = $4 "7"; done = 1 } print }' "$in/measurements.csv" >"$TMP/later/one.csv"
[ "$(wc -l <"$TMP/later/one.csv")" -eq 2 ] || fail "no borgere_i_forloeb row"
[ "$(wc -l <"$TMP/later/measurements.csv")" -gt 10 ] || fail "no December ventetid rows"
[ "$(wc -l <"$TMP/later/budget.csv")" -gt 10 ] || fail "no December lines of 2000xx"
[ "$(wc -l <"$TMP/later/replace.csv")" -gt 10 ] || fail "no 2026-Q3 klager rows"

import_dir "$TMP/first"
run_lis 0 rollup --year 2026
assert_grep '^rolled up 2026: 112 agreements.*\(full\)$' "$TMP/out"

# Every stored rollup row of the year, as text (the numerics with their scale).
state() {
    sql "SELECT concat_ws(' ',
        (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_indicator t),
        (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_goal t),
        (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_economy t),
        (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_economy_area t),
        (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_transfer t))"
}

# incremental WHAT: rolls up, expects an incremental rollup that computed
# between $2 and $3 agreements again, and compares every table with a full
# rollup of the same data.
incremental() {
    local what=$1 lo=$2 hi=$3 before n inc
    before=$(state)
    run_lis 0 rollup --year 2026
    assert_grep '^rolled up 2026: 112 agreements, .*\(incremental: [0-9]+ of 112 agreements computed again\)$' "$TMP/out"
    n=$(sed -E 's/.*incremental: ([0-9]+) of.*/\1/' "$TMP/out")
    [ "$n" -ge "$lo" ] && [ "$n" -le "$hi" ] ||
        fail "$what: $n agreements computed again, expected $lo to $hi"
    inc=$(state)
    [ "$inc" != "$before" ] || fail "$what: the figures did not change"
    run_lis 0 rollup --year 2026 --full
    assert_grep '\(full\)$' "$TMP/out"
    assert_eq "$inc" "$(state)" "$what: the incremental rollup against a full one"
    ok "$what: $n of 112 agreements computed again, as a full rollup"
}

run_lis 0 import measurements "$TMP/later/measurements.csv"
incremental "a new month of one indicator" 1 100

run_lis 0 import budget "$TMP/later/budget.csv"
incremental "a budget batch" 1 100

run_lis 0 import transfers "$TMP/later/transfers.csv"
incremental "a transfers batch" 0 0

run_lis 0 import measurements "$TMP/later/replace.csv"
replaced=$(sql "SELECT max(batch_id) FROM lis.import_batch")
incremental "replaced measurements" 1 100

run_lis 0 import measurements "$TMP/later/one.csv"
incremental "one replaced value of a ratio's denominator" 1 10

# Nothing new: nothing is computed again, and the figures stay.
before=$(state)
run_lis 0 rollup --year 2026
assert_grep '\(incremental: 0 of 112 agreements computed again\)$' "$TMP/out"
assert_eq "$(state)" "$before" "a rollup with nothing new"
ok "nothing new: nothing computed again"

# A withdrawn batch: full, and the replaced values are back.
run_lis 0 batch rm "$replaced"
run_lis 0 rollup --year 2026
assert_grep '\(full\)$' "$TMP/out"
after=$(state)
run_lis 0 rollup --year 2026 --full
assert_eq "$after" "$(state)" "after the withdrawal"
ok "a withdrawn batch: a full rollup"

# Two batches, one of them a catalogue import: full.
run_lis 0 import statuses "$in/statuses.csv" --force
run_lis 0 rollup --year 2026
assert_grep '\(full\)$' "$TMP/out"
ok "a catalogue import: a full rollup"

# Every rollup above but the first wrote into a year with stored rows: the
# computed rows were staged and only those that changed were written
# (rollup_*_merge.sql). Written into a year without stored rows instead, the
# same rollup stores the same rows.
merged=$(state)
sql "DELETE FROM lis.rollup_indicator WHERE year = 2026; DELETE FROM lis.rollup_goal WHERE year = 2026" >/dev/null
run_lis 0 rollup --year 2026 --full
assert_eq "$(state)" "$merged" "the merged rows against rows written into an empty year"
ok "merging only what changed stores what a rollup into an empty year stores"
