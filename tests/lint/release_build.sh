#!/usr/bin/env bash
# release_build - the tree builds as scripts/demo builds it (Release, -O3,
# tests included) with warnings as errors. The suite's own build is a
# sanitizer Debug build, and some warnings (gcc's -Wuse-after-free) only
# the optimiser finds: test_decimal.c once broke the README's first command
# that way while every test passed.
. "$(dirname "$0")/../lib.sh"
cmake -S "$LIS_SOURCE_DIR" -B "$TMP/build" -DCMAKE_BUILD_TYPE=Release \
    >"$TMP/configure.log" 2>&1 || { cat "$TMP/configure.log"; fail "configure"; }
cmake --build "$TMP/build" -j2 >"$TMP/build.log" 2>&1 ||
    { grep -E -B2 -A8 "error|warning" "$TMP/build.log" | head -60; fail "Release build"; }
ok "the Release build of scripts/demo compiles without a warning"
