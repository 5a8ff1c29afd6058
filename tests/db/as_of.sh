#!/usr/bin/env bash
# as_of - lis run and lis show --as-of-batch N: after newer batches (values
# replaced, budget lines added, batches withdrawn) the files of an as-of run
# equal (cmp) those the ordinary run wrote when N was the newest batch, lis
# show prints the csv it printed then, and the stored rollup is unchanged.
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init
import_demo "$TMP/demo"
n1=$(sql "SELECT max(batch_id) FROM lis.import_batch")
statuses=$(sql "SELECT batch_id FROM lis.import_batch WHERE kind = 'statuses'")
transfers=$(sql "SELECT batch_id FROM lis.import_batch WHERE kind = 'transfers'")

# show_all DIR: the csv of lis show with ARGS... into DIR
show_all() {
    local dir=$1; shift
    mkdir -p "$dir"
    run_lis 0 show attainment --period 2026-03 --format csv "$@"; cp "$TMP/out" "$dir/att.csv"
    run_lis 0 show economy --year 2026 --format csv "$@"; cp "$TMP/out" "$dir/eco.csv"
    run_lis 0 show transfers --year 2026 --format csv "$@"; cp "$TMP/out" "$dir/trf.csv"
}
# runs OUT ARGS...: the reports of the worked example's agreement and its
# parent, the dashboard, the status follow-up and the annual report
runs() {
    local out=$1; shift
    run_lis 0 run monthly --period 2026-03 --agreement UA-EKS UA-BUV --out "$out" --jobs 1 "$@"
    run_lis 0 run quarterly --period 2026-Q1 --out "$out" "$@"
    run_lis 0 run status --year 2026 --as-of 2026-03 --out "$out" "$@"
    run_lis 0 run annual --year 2026 --out "$out" "$@"
}
# same_files A B: every report file of A (not the manifests) is in B, byte for byte
same_files() {
    local n=0 f
    for f in $(cd "$1" && find . -type f ! -name manifest.json | sort); do
        cmp -s "$1/$f" "$2/$f" || fail "$f differs between $1 and $2"
        n=$((n + 1))
    done
    [ "$n" -gt 10 ] || fail "only $n files compared"
}

# --- the original runs, when batch n1 is the newest
runs "$TMP/orig"
show_all "$TMP/show-orig"

# --- newer batches: a measurement batch replacing the worked example's
# values (n2), reported too ...
printf 'indicator_id;unit_id;period;value\nsygedage;SKO1;2026-03;99\narbejdsdage;SKO2;2026-03;400\n' \
    >"$TMP/m2.csv"
run_lis 0 import measurements "$TMP/m2.csv"
n2=$(sql "SELECT max(batch_id) FROM lis.import_batch")
run_lis 0 run monthly --period 2026-03 --agreement UA-EKS --out "$TMP/orig2" --jobs 1
run_lis 0 show attainment --period 2026-03 --agreement UA-EKS --format csv
cp "$TMP/out" "$TMP/att2.csv"
# ... a batch replacing one of them again, new budget lines, and then
# batch n2 and the old statuses and transfers batches withdrawn
printf 'indicator_id;unit_id;period;value\nsygedage;SKO1;2026-03;77\nsygedage;SKO2;2026-02;5\n' \
    >"$TMP/m3.csv"
run_lis 0 import measurements "$TMP/m3.csv"
printf 'period;cost_centre;function;account;budget;actual;original_budget\n2026-03;100100;3.22.01;2.0;;5000000;\n2026;100101;3.22.01;1.0;1000000;;\n' \
    >"$TMP/b2.csv"
run_lis 0 import budget "$TMP/b2.csv"
run_lis 0 batch rm "$n2"
run_lis 0 batch rm "$statuses"
run_lis 0 batch rm "$transfers"
run_lis 0 batch ls
assert_no_grep "^ *($n2|$statuses|$transfers) " "$TMP/out"

show_all "$TMP/show-now"
cmp -s "$TMP/show-orig/att.csv" "$TMP/show-now/att.csv" && fail "attainment did not change"
cmp -s "$TMP/show-orig/eco.csv" "$TMP/show-now/eco.csv" && fail "economy did not change"
cmp -s "$TMP/show-orig/trf.csv" "$TMP/show-now/trf.csv" && fail "transfers did not change"
ok "newer batches changed the figures"

# --- the stored rollup, current now, must stay as it is
run_lis 0 rollup --year 2026
rollup_state() {
    sql "SELECT (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_indicator t)
             || (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_goal t)
             || (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_economy t)
             || (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_economy_area t)
             || (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_transfer t)
             || (SELECT count(*) FROM lis.run WHERE kind = 'rollup')"
}
before=$(rollup_state)
data_before=$(sql "SELECT (SELECT count(*) FROM lis.measurement) || '/' || (SELECT count(*) FROM lis.budget_line) || '/' || (SELECT count(*) FROM lis.goal_status) || '/' || (SELECT count(*) FROM lis.transfer)")

# --- as of n1: the original files and figures
runs "$TMP/asof" --as-of-batch "$n1"
same_files "$TMP/orig" "$TMP/asof"
for p in 2026-03 2026-Q1 2026-YTD-03 2026; do
    /usr/bin/python3 - "$TMP/orig/$p/manifest.json" "$TMP/asof/$p/manifest.json" "$n1" <<'PY' \
        || fail "manifest of $p"
import json, sys
o, a, n = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3])
assert a["as_of_batch"] == n and a["parameters"]["as_of_batch"] == n, a
assert a["newest_batch"] == n == o["newest_batch"], (a, o)
assert a["document_run_id"] == o["document_run_id"] != a["run_id"], (a, o)
assert a["batches"] == o["batches"], (a["batches"], o["batches"])
assert "as_of_batch" not in o, o
PY
done
assert_eq "$(sql "SELECT count(*) FROM lis.run WHERE parameters ? 'as_of_batch' AND status = 'ok'")" \
    4 "the as-of runs are recorded"
show_all "$TMP/show-asof" --as-of-batch "$n1"
for f in att eco trf; do
    cmp -s "$TMP/show-orig/$f.csv" "$TMP/show-asof/$f.csv" || fail "lis show $f as of $n1"
done
ok "as of batch $n1: files and lis show equal the original ones"

# --- as of n2, a batch withdrawn since: counted as it was
run_lis 0 run monthly --period 2026-03 --agreement UA-EKS --out "$TMP/asof2" --jobs 1 \
    --as-of-batch "$n2"
for f in $(cd "$TMP/orig2/2026-03" && ls | grep -v manifest.json); do
    cmp -s "$TMP/orig2/2026-03/$f" "$TMP/asof2/2026-03/$f" || fail "$f as of $n2"
done
run_lis 0 show attainment --period 2026-03 --agreement UA-EKS --format csv --as-of-batch "$n2"
cmp -s "$TMP/att2.csv" "$TMP/out" || fail "lis show as of $n2"
ok "as of a batch withdrawn since: as it was"

assert_eq "$(rollup_state)" "$before" "the stored rollup after the as-of runs"
assert_eq "$(sql "SELECT (SELECT count(*) FROM lis.measurement) || '/' || (SELECT count(*) FROM lis.budget_line) || '/' || (SELECT count(*) FROM lis.goal_status) || '/' || (SELECT count(*) FROM lis.transfer)")" \
    "$data_before" "the data after the as-of runs"
show_all "$TMP/show-after"
for f in att eco trf; do
    cmp -s "$TMP/show-now/$f.csv" "$TMP/show-after/$f.csv" || fail "lis show $f after the as-of runs"
done
ok "the stored rollup and the data are unchanged"

run_lis 2 run annual --year 2026 --as-of-batch 99999 --out "$TMP/none"
assert_grep 'there is no batch 99999' "$TMP/err"
[ ! -e "$TMP/none" ] || fail "a failed as-of run made a folder"
run_lis 2 show economy --year 2026 --as-of-batch 99999
run_lis 1 run annual --year 2026 --as-of-batch "$n1" --no-rollup
run_lis 1 run annual --year 2026 --as-of-batch x
run_lis 1 show economy --year 2026 --as-of-batch 0
ok "usage and unknown batches"
