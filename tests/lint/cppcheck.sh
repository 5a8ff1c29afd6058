#!/usr/bin/env bash
# cppcheck - cppcheck (warning and portability checks, whole program) over
# the C of lis (cli, connectors, engine, reports; not the benchmarks): any
# finding fails the test unless tests/lint/cppcheck.supp lists it with its
# reason. Skipped without cppcheck.
. "$(dirname "$0")/../lib.sh"
command -v cppcheck >/dev/null || skip "cppcheck is not installed"
cd "$LIS_SOURCE_DIR"
cppcheck --enable=warning,portability --std=c11 --quiet --error-exitcode=1 \
    --suppress=missingIncludeSystem --suppressions-list=tests/lint/cppcheck.supp \
    -D__GNUC__ -I engine -I connectors -I reports -I cli \
    --template='{file}:{line}: {severity}: {message} [{id}]' \
    cli connectors engine reports 2>"$TMP/cppcheck.log" ||
    { cat "$TMP/cppcheck.log"; fail "cppcheck findings"; }
ok "cppcheck finds nothing in lis"
