#!/usr/bin/env bash
# run_full_disk - the output folder runs out of room (issue 12, item 2),
# made with RLIMIT_FSIZE (ulimit -f; lis ignores SIGXFSZ during a run, so the
# write fails with EFBIG): exit 4, a message naming the file, no partial
# output in place, the previous OUT/<period>/ untouched, a failed run record.
. "$(dirname "$0")/../lib.sh"
report_db
out=$TMP/reports
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 1
run_lis 0 run annual --no-rollup --year 2026 --out "$out"
before=$(cd "$out" && find . -type f -exec sha256sum {} + | sort)

# full_run STATUS KIND ARGS...: runs lis with files limited to 8 KiB
full_run() {
    local want=$1 got=0; shift
    (ulimit -f 8 && exec "$LIS" "$@") >"$TMP/out" 2>"$TMP/err" || got=$?
    [ "$got" = "$want" ] || { cat "$TMP/err"; fail "lis $* exited $got under ulimit -f, expected $want"; }
}

for jobs in 1 2; do
    full_run 4 run monthly --no-rollup --period 2026-03 --out "$out" --jobs $jobs
    assert_grep '^lis: error: could not write .*"[^"]*/\.2026-03\.tmp\.[0-9]+/aftale-[A-Z0-9]+[-A-Z0-9]*\.(xlsx|pdf|png)".*File too large' \
        "$TMP/err"
    assert_eq "$(sql "SELECT status, error LIKE '%File too large%' FROM lis.run ORDER BY run_id DESC LIMIT 1")" \
        "failed|t" "the run record (--jobs $jobs)"
done
full_run 4 run annual --no-rollup --year 2026 --out "$out"
assert_grep 'could not write the workbook in ".*/aarsberetning-2026\.xlsx".*File too large' "$TMP/err"
assert_eq "$(ls -A "$out" | tr '\n' ' ')" "2026 2026-03 " "no temporary folder is left"
assert_eq "$(cd "$out" && find . -type f -exec sha256sum {} + | sort)" "$before" \
    "the earlier output after runs on a full disk"
ok "a full disk: exit 4, the file named, earlier output untouched, nothing partial"

# a first run of a period on a full disk leaves no folder at all
full_run 4 run quarterly --no-rollup --period 2026-Q1 --out "$out"
assert_grep 'dashboard-2026-Q1\.(pdf|png)": File too large' "$TMP/err"
[ ! -e "$out/2026-Q1" ] || fail "a failed first run left OUT/2026-Q1"
assert_eq "$(ls -A "$out" | tr '\n' ' ')" "2026 2026-03 " "folders after a failed first run"
ok "a failed first run leaves no period folder"
