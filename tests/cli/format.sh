# The C sources follow .clang-format (STYLE.md): CI fails on a file that
# clang-format would change. Run "clang-format -i FILE" to fix one.
. "$(dirname "$0")/../lib.sh"
command -v clang-format >/dev/null || skip "clang-format is not installed"
cd "$LIS_SOURCE_DIR"
files=$(git ls-files '*.c' '*.h' 2>/dev/null || find . -name '*.[ch]' -not -path './build*')
[ -n "$files" ] || skip "no sources found"
# shellcheck disable=SC2086
clang-format --dry-run --Werror $files 2>"$TMP/diff" || { head -40 "$TMP/diff"; fail "sources are not clang-formatted"; }
ok "every C file is formatted"
