#!/usr/bin/env bash
# progress - on a terminal, lis import and lis run show one progress line on
# stderr, rewritten with "\r" and cleared at the end; with stderr not a
# terminal there is none; --quiet prints nothing on success. The terminal is
# a pseudo-terminal made by script(1) (bsdutils); stdout goes to a file.
. "$(dirname "$0")/../lib.sh"
command -v script >/dev/null || skip "no script(1) (package bsdutils)"
new_db
run_lis 0 db init
d=$LIS_SOURCE_DIR/tests/data/connectors

# on_tty FILE ARGS...: runs lis with stderr on a pseudo-terminal; what the
# terminal showed goes to FILE, stdout to FILE.stdout.
on_tty() {
    local tty=$1 cmd
    shift
    cmd=$(printf '%q ' "$LIS" "$@")
    script -qec "$cmd >$(printf %q "$tty.stdout")" /dev/null >"$tty" ||
        { cat "$tty"; fail "lis $* failed on a terminal"; }
}
# a line of the terminal's output, with the carriage returns as newlines
screens() { tr '\r' '\n' <"$1" | sed 's/ *$//' | grep -v '^$' || true; }

on_tty "$TMP/units.tty" import units "$d/units.csv"
assert_grep 'batch 1: .* rows read' "$TMP/units.tty.stdout"
screens "$TMP/units.tty" >"$TMP/units.lines"
assert_grep "^$d/units.csv: reading$" "$TMP/units.lines"
assert_grep "^$d/units.csv: [0-9]+ rows, [0-9.]+ of [0-9.]+ MB read, [0-9.]+ MB/s$" "$TMP/units.lines"
grep -q $'\r' "$TMP/units.tty" || fail "the progress line is not rewritten with \\r"
# cleared at the end: the last thing written is blanks between two \r
tail -c 2 "$TMP/units.tty" | od -c | grep -q '\\r' || fail "the progress line is not cleared"
ok "lis import shows a progress line on a terminal"

run_lis 0 import cost-centres "$d/cost-centres.csv"
[ ! -s "$TMP/err" ] || { cat "$TMP/err"; fail "progress on stderr that is not a terminal"; }
assert_grep 'batch 2: ' "$TMP/out"
ok "no progress line when stderr is not a terminal"

on_tty "$TMP/q.tty" import indicators --quiet "$d/indicators.csv"
[ ! -s "$TMP/q.tty" ] || { od -c "$TMP/q.tty" | head; fail "import --quiet wrote to the terminal"; }
[ ! -s "$TMP/q.tty.stdout" ] || fail "import --quiet printed a summary"
assert_eq "$(sql "SELECT count(*) FROM lis.import_batch WHERE kind = 'indicators'")" 1 \
    "the quiet import landed"
ok "lis import --quiet prints nothing on success"

# --- lis run, in one process and with forked renderers
report_db run
for jobs in 1 2; do
    on_tty "$TMP/run$jobs.tty" run monthly --no-rollup --period 2026-03 --out "$TMP/o$jobs" \
        --jobs $jobs
    assert_grep '^wrote 15 files for 3 agreements' "$TMP/run$jobs.tty.stdout"
    screens "$TMP/run$jobs.tty" >"$TMP/run$jobs.lines"
    assert_grep '^0 of 3 agreements rendered, 0:[0-9]{2} elapsed$' "$TMP/run$jobs.lines"
    assert_grep '^3 of 3 agreements rendered, 0:[0-9]{2} elapsed$' "$TMP/run$jobs.lines"
    tail -c 2 "$TMP/run$jobs.tty" | od -c | grep -q '\\r' || fail "the run's line is not cleared"
done
ok "lis run shows the agreements rendered on a terminal (--jobs 1 and 2)"

run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/o3" --jobs 2
[ ! -s "$TMP/err" ] || { cat "$TMP/err"; fail "run: progress on stderr that is not a terminal"; }
on_tty "$TMP/rq.tty" run monthly --no-rollup --period 2026-03 --out "$TMP/o4" --jobs 2 --quiet
[ ! -s "$TMP/rq.tty" ] || { od -c "$TMP/rq.tty" | head; fail "run --quiet wrote to the terminal"; }
[ ! -s "$TMP/rq.tty.stdout" ] || fail "run --quiet printed a summary"
[ -f "$TMP/o4/2026-03/aftale-A1.xlsx" ] || fail "the quiet run wrote no files"
ok "lis run: no progress without a terminal, nothing at all with --quiet"
