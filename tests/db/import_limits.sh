# Hostile input, size (issue 12, defects 1 and 8): a line longer than
# [import] max_line (1 MiB by default) is an error naming file, line and
# column that quotes at most 60 characters of the value; lis's memory stays
# flat whatever the file holds (peak RSS measured with GNU time); a failed
# allocation is an error, never taken for the end of the file; 100,000
# columns, NUL bytes, UTF-16 and a few hundred MB stream or fail clearly.
# Nothing lands when an import fails.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../import_lib.sh"
import_setup
H='period;cost_centre;function;account;budget;actual'
ROW='2026-01;100100;32201;1;1;2'

# big_line FILE MB: a budget file whose line 3 holds an 'actual' of MB MiB.
big_line() {
    python3 - "$1" "$2" "$H" "$ROW" <<'PY'
import sys
path, mb, head, row = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
with open(path, "w") as f:
    f.write(head + "\n" + row + "\n" + row[:-1])
    chunk = "9" * (1 << 20)
    for _ in range(mb):
        f.write(chunk)
    f.write("\n" + row + "\n")
PY
}

# A 10 MB line: a clear, short error; nothing lands.
big_line "$TMP/ten.csv" 10
run_lis 2 import budget "$TMP/ten.csv"
assert_grep "^lis: error: $TMP/ten.csv:3: column 'actual': the line is longer than 1048576 bytes$" "$TMP/err"
assert_grep "^DETAIL: The value begins '9{60}…'\." "$TMP/err"
[ "$(wc -c <"$TMP/err")" -lt 2000 ] || fail "the error message is $(wc -c <"$TMP/err") bytes"
db_unchanged "a 10 MB line"
ok "a 10 MB line: file, line, column and a bounded message"

# The limit is a setting: with [import] max_line raised, the same file reads
# to the value, whose error quotes 60 characters and the length.
printf '[import]\nmax_line = 20000000\n' >"$TMP/wide.conf"
run_lis 2 --config "$TMP/wide.conf" import budget "$TMP/ten.csv"
assert_grep "ten.csv:3: column 'actual': '9{60}…' \(10485760 bytes\) is not a number|is out of range" "$TMP/err"
[ "$(wc -c <"$TMP/err")" -lt 2000 ] || fail "the error message is $(wc -c <"$TMP/err") bytes"
db_unchanged "a 10 MB value"
ok "[import] max_line raises the limit; a long value is quoted short"

# Memory is flat: a 200 MB line takes no more memory than a small file
# (getline took about 3x the line).
big_line "$TMP/huge.csv" 200
rc=0
peak_rss_kb "$TMP/rss" import budget "$TMP/huge.csv" || rc=$?
assert_eq "$rc" 2 "exit status of a 200 MB line"
assert_grep "huge.csv:3: column 'actual': the line is longer than" "$TMP/err"
rss=$(cat "$TMP/rss")
[ "$rss" -lt 150000 ] || fail "peak RSS $rss kB reading a 200 MB line"
ok "a 200 MB line: peak RSS $rss kB"
rm -f "$TMP/huge.csv"

# Out of memory is an error, not the end of the file (it used to import the
# rows before the line and exit 0). With the line limit raised, a 200 MB
# line cannot be allocated under a memory limit: under ASan, allocations
# over 64 MB fail; else ulimit -v.
big_line "$TMP/oom.csv" 200
printf '[import]\nmax_line = 2000000000\n' >"$TMP/nolimit.conf"
rc=0
if lis_is_asan; then
    ASAN_OPTIONS=allocator_may_return_null=1:max_allocation_size_mb=64:detect_leaks=0 \
        "$LIS" --config "$TMP/nolimit.conf" import budget "$TMP/oom.csv" >"$TMP/out" 2>"$TMP/err" || rc=$?
else
    (ulimit -v 300000 && exec "$LIS" --config "$TMP/nolimit.conf" import budget "$TMP/oom.csv") \
        >"$TMP/out" 2>"$TMP/err" || rc=$?
fi
[ "$rc" -ne 0 ] || { cat "$TMP/out" "$TMP/err"; fail "out of memory exited 0"; }
assert_grep "oom.csv:3: out of memory reading a line|out of memory" "$TMP/err"
assert_no_grep "batch [0-9]+:" "$TMP/out"
db_unchanged "an import out of memory"
ok "out of memory: exit $rc, a clear error, nothing landed"
rm -f "$TMP/oom.csv"

# A record that a quote leaves open is limited as well.
{ echo "$H"; echo "$ROW"; printf '2026-01;100100;32201;1;1;"2\n'; python3 -c '
for i in range(30000): print("x" * 60)'; } >"$TMP/open.csv"
run_lis 2 import budget "$TMP/open.csv"
assert_grep "open.csv:3: the record that starts here is longer than 1048576 bytes \(a quoted field that is not closed\?\)" "$TMP/err"
db_unchanged "an open quote"
ok "an unclosed quote stops at the limit"

# 100,000 columns: the header and the rows stream.
python3 - "$TMP/wide.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    extra = ";".join("c%d" % i for i in range(100000 - 6))
    f.write("period;cost_centre;function;account;budget;actual;" + extra + "\n")
    for m in range(1, 4):
        f.write("2026-%02d;100100;32201;1;1;2;" % m + ";".join("x" for _ in range(100000 - 6)) + "\n")
PY
run_lis 0 import budget "$TMP/wide.csv"
assert_grep "batch [0-9]+: 3 rows read, 3 loaded" "$TMP/out"
wide=$(sed -n 's/.*batch \([0-9]*\):.*/\1/p' "$TMP/out")
[ "$(sql "SELECT count(*) FROM lis.budget_line WHERE batch_id = $wide")" = 3 ] ||
    fail "the 3 wide budget lines did not land"
run_lis 0 batch rm "$wide"
# A withdrawn batch keeps its rows aside for --as-of-batch; none stays live.
[ "$(sql "SELECT count(*) FROM lis.budget_line WHERE batch_id = $wide")" = 0 ] ||
    fail "withdrawn wide budget lines are still live"
db_remember
ok "100,000 columns"

# NUL bytes and UTF-16: named as such, with what to do.
printf '%s\n%s\n2026-01;100\000100;32201;1;1;2\n' "$H" "$ROW" >"$TMP/nul.csv"
run_lis 2 import budget "$TMP/nul.csv"
assert_grep "nul.csv:3: the line holds a NUL byte" "$TMP/err"
for enc in UTF-16LE UTF-16BE UTF-16; do
    printf '%s\n%s\n' "$H" "$ROW" | iconv -f UTF-8 -t $enc >"$TMP/u16.csv"
    run_lis 2 import budget "$TMP/u16.csv"
    assert_grep "u16.csv:1: the file looks like UTF-16 \((it starts with a UTF-16 byte-order mark|every other byte is NUL)\); lis reads UTF-8" "$TMP/err"
    assert_grep "HINT: Save the file as UTF-8" "$TMP/err"
done
# A profile with another encoding still sees the byte-order mark.
printf '[profile]\nkind = budget\nencoding = windows-1252\n' >"$TMP/cp.conf"
printf '%s\n%s\n' "$H" "$ROW" | iconv -f UTF-8 -t UTF-16 >"$TMP/u16.csv"
run_lis 2 import budget "$TMP/u16.csv" --profile "$TMP/cp.conf"
assert_grep "looks like UTF-16" "$TMP/err"
db_unchanged "NUL bytes and UTF-16"
ok "NUL bytes and UTF-16 files are named as such"

# A few hundred MB stream with flat memory: 400,000 budget lines padded by an
# unknown (ignored) column to about 300 MB, checked with --dry-run (every
# row converted and sent through COPY, then rolled back).
python3 - "$TMP/large.csv" <<'PY'
import sys
pad = "p" * 700
with open(sys.argv[1], "w") as f:
    f.write("period;cost_centre;function;account;budget;actual;note\n")
    rows = []
    for i in range(400000):
        rows.append("2026-%02d;100100;32201;%d;1.234,50;-17,25;%s\n" % (i % 12 + 1, i % 997, pad))
        if len(rows) == 10000:
            f.write("".join(rows)); rows = []
    f.write("".join(rows))
PY
size=$(stat -c %s "$TMP/large.csv")
rc=0
peak_rss_kb "$TMP/rss" import budget --dry-run "$TMP/large.csv" || rc=$?
assert_eq "$rc" 0 "exit status of the large file"
assert_grep "dry run: 400000 rows read, 400000 would be loaded" "$TMP/out"
rss=$(cat "$TMP/rss")
[ "$rss" -lt 150000 ] || fail "peak RSS $rss kB for a $size-byte file"
db_unchanged "a dry run"
ok "a $((size / 1000000)) MB file streams: peak RSS $rss kB"
