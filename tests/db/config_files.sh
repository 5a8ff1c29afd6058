# --config and --profile must name a regular, small file (issue 12, defect
# 7): a folder, /dev/zero, a FIFO or a file over 1 MiB is an error naming
# the path and why, never silently ignored (a folder used to import in the
# native format, recorded as that profile) and never a hang (/dev/zero).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../import_lib.sh"
import_setup
printf 'period;cost_centre;function;account;budget;actual\n2026-01;100100;32201;1;1;2\n' >"$TMP/b.csv"
mkdir "$TMP/folder.conf"
mkfifo "$TMP/fifo.conf"
head -c 2000000 /dev/zero | tr '\0' '#' >"$TMP/big.conf"

# run_bounded STATUS ARGS...: run_lis, but a hang fails after 60 s.
run_bounded() {
    local want=$1; shift
    local got=0
    timeout 60 "$LIS" "$@" >"$TMP/out" 2>"$TMP/err" || got=$?
    [ "$got" != 124 ] || fail "lis $* hung"
    assert_eq "$got" "$want" "exit status of lis $*"
}

for p in "$TMP/folder.conf" /dev/zero "$TMP/fifo.conf" "$TMP/big.conf"; do
    case $p in
    */folder.conf) why="it is a folder, not a file" ;;
    */big.conf) why="it is larger than 1 MiB" ;;
    *) why="it is not a regular file" ;;
    esac
    run_bounded 1 import budget "$TMP/b.csv" --profile "$p"
    assert_grep "^lis: error: could not read profile \"$p\": $why" "$TMP/err"
    assert_no_grep "batch [0-9]+" "$TMP/out"
    run_bounded 1 --config "$p" batch ls
    assert_grep "^lis: error: could not read config file \"$p\": $why" "$TMP/err"
done
# A profile by name whose file is a folder.
mkdir -p "$TMP/connectors/odd.conf"
LIS_CONNECTORS=$TMP/connectors run_bounded 1 import budget "$TMP/b.csv" --profile odd
assert_grep "could not read profile \"$TMP/connectors/odd.conf\": it is a folder" "$TMP/err"
db_unchanged "bad --profile and --config"
ok "a folder, /dev/zero, a FIFO or an over-large file as --profile or --config"
