# --partial and the reject file (issue 12, defect 6): when the reject file
# cannot be created or cannot be written whole, the import fails with the
# reason (strerror), exit 4, and nothing lands: good rows never land without
# the list of the bad ones.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../import_lib.sh"
import_setup

# 100 good rows and 30 bad ones.
{
    echo 'period;cost_centre;function;account;budget;actual'
    for i in $(seq 1 100); do echo "2026-01;100100;32201;$i;1;2"; done
    for i in $(seq 1 30); do echo "2026-01;100100;32201;$i;1;not-a-number-$i-with-some-text"; done
} >"$TMP/b.csv"

# The reject file cannot be created (a folder stands in its way).
mkdir "$TMP/b.csv.rejects.csv.tmp"
run_lis 4 import budget "$TMP/b.csv" --partial
assert_grep "could not create the reject file \"$TMP/b.csv.rejects.csv.tmp\": Is a directory; nothing was imported" "$TMP/err"
assert_no_grep "batch [0-9]+:" "$TMP/out"
db_unchanged "a reject file that cannot be created"
rmdir "$TMP/b.csv.rejects.csv.tmp"
ok "a reject file that cannot be created: exit 4, the reason, nothing landed"

# The reject file cannot be written whole: a file size limit of 1 kB
# (SIGXFSZ ignored, so that write fails with EFBIG instead). stderr goes
# through a pipe, which the limit does not cut.
set +e
(trap '' XFSZ && ulimit -f 1 && exec "$LIS" import budget "$TMP/b.csv" --partial) \
    2>&1 >"$TMP/out" | cat >"$TMP/err"
rc=${PIPESTATUS[0]}
set -e
assert_eq "$rc" 4 "exit status with a file size limit"
assert_grep "could not write the reject file \"$TMP/b.csv.rejects.csv.tmp\": File too large; nothing was imported" "$TMP/err"
[ ! -e "$TMP/b.csv.rejects.csv" ] || fail "a partial reject file was put in place"
[ ! -e "$TMP/b.csv.rejects.csv.tmp" ] || fail "the temporary reject file was left behind"
db_unchanged "a reject file cut short"
ok "a reject file cut short: exit 4, the reason, nothing landed"

# And when it can be written, the good rows land and every bad one is listed.
run_lis 2 import budget "$TMP/b.csv" --partial
assert_grep "batch [0-9]+: 130 rows read, 100 loaded, 30 rejected" "$TMP/out"
assert_eq "$(tail -n +2 "$TMP/b.csv.rejects.csv" | wc -l)" 30 "rows in the reject file"
ok "--partial writes every rejected row"
