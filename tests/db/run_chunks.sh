#!/usr/bin/env bash
# run_chunks - lis run monthly reads the model a chunk of agreements at a
# time and its render processes take agreements as they come: whatever the
# chunk size (LIS_RUN_CHUNK) and the number of processes, the run writes the
# same files, the same manifest list and the same status summary as one
# chunk in one process; an unknown --agreement is still refused.
. "$(dirname "$0")/../lib.sh"
report_db
files() { (cd "$1/2026-03" && ls) | tr '\n' ' '; }
# same_files A B WHAT: the folders A/2026-03 and B/2026-03 hold the same
# files but the manifest, byte for byte; else fails naming those that differ
# and the document run id each manifest states (the files print it).
same_files() {
    diff -r -q -x manifest.json "$1/2026-03" "$2/2026-03" >"$TMP/diff" ||
        fail "$3 wrote other files than one chunk: $(tr '\n' ' ' <"$TMP/diff")" \
            "$(grep -h document_run_id "$1/2026-03/manifest.json" \
                "$2/2026-03/manifest.json" | tr -d ' \n')"
}
summary() { sql "SELECT summary::text FROM lis.run WHERE run_id = $1"; }

run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/one" --jobs 1 --no-deliver
assert_grep '^wrote 15 files for 3 agreements' "$TMP/out"
n=0
for setting in "1 2" "2 3" "1 1" "2 2"; do
    read -r chunk jobs <<<"$setting"
    n=$((n + 1))
    LIS_RUN_CHUNK=$chunk run_lis 0 run monthly --no-rollup --period 2026-03 \
        --out "$TMP/c$n" --jobs "$jobs" --no-deliver
    assert_grep '^wrote 15 files for 3 agreements' "$TMP/out"
    assert_eq "$(files "$TMP/c$n")" "$(files "$TMP/one")" "files with chunks of $chunk, $jobs jobs"
    same_files "$TMP/one" "$TMP/c$n" "chunks of $chunk with $jobs jobs"
    /usr/bin/python3 - "$TMP/one/2026-03/manifest.json" "$TMP/c$n/2026-03/manifest.json" <<'PY' ||
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert a["files"] == b["files"], (a["files"], b["files"])
PY
        fail "manifest files with chunks of $chunk"
    assert_eq "$(summary $((n + 1)))" "$(summary 1)" "status summary with chunks of $chunk"
done
[ -n "$(summary 1)" ] || fail "the run recorded no summary"
ok "chunks of 1 and 2 agreements, 1 to 3 processes: the same files, manifest and summary"

# a partial run in chunks: only those agreements, as one chunk writes them
# (a partial run states its own run id: compared with the same partial run)
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/part1" \
    --agreement D1 A1 --jobs 1 --no-deliver
LIS_RUN_CHUNK=1 run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/part" \
    --agreement D1 A1 --jobs 2 --no-deliver
assert_eq "$(cd "$TMP/part/2026-03" && ls ./*.xlsx | sed 's|^\./||' | tr '\n' ' ')" \
    "aftale-A1.xlsx aftale-D1.xlsx " "partial run in chunks"
same_files "$TMP/part1" "$TMP/part" "a partial run in chunks"
ok "a partial run in chunks writes the same files for its agreements"

LIS_RUN_CHUNK=1 run_lis 2 run monthly --no-rollup --period 2026-03 --out "$TMP/bad" \
    --agreement A1 NOPE --no-deliver
assert_grep 'no agreement "NOPE" in 2026' "$TMP/err"
[ ! -e "$TMP/bad/2026-03" ] || fail "a refused run wrote its folder"
ok "an unknown agreement is refused before anything is written"
