#!/usr/bin/env bash
# fuzz.sh SECONDS [TARGET...] - builds the libFuzzer targets of tests/fuzz
# with clang, ASan and UBSan (build-fuzz/, -DLIS_FUZZ=ON) and runs each for
# SECONDS (default 60) under nice, one after another (FUZZ_JOBS=2 runs two
# at once). Each starts from its committed seed corpus
# (tests/fuzz/corpus/<target>/, copied, so the committed one stays small)
# and writes to bench-out/fuzz/<target>/: the grown corpus, crash inputs
# and log.txt, whose last lines give stat::number_of_executed_units.
# A crash input belongs in tests/fuzz/corpus/<target>/ once fixed: ctest
# (fuzz/<target>) replays every file there in the normal build.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv number period profile header)
jobs=${FUZZ_JOBS:-1}

CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIS_FUZZ=ON >/dev/null
cmake --build build-fuzz -j2 $(printf -- '--target fuzz_%s ' "${targets[@]}") >/dev/null

run() {
    local t=$1 out=bench-out/fuzz/$1
    mkdir -p "$out/corpus" "$out/crashes"
    cp -n tests/fuzz/corpus/"$t"/* "$out/corpus/" 2>/dev/null || true
    local rc=0
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        nice -n 10 build-fuzz/tests/fuzz/fuzz_"$t" "$out/corpus" \
        -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$out/crashes/" >"$out/log.txt" 2>&1 || rc=$?
    local execs
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log.txt" | tail -1)
    printf '%-8s %6ss %12s executions  exit %s  crashes: %s\n' "$t" "$secs" \
        "${execs:-?}" "$rc" "$(ls "$out/crashes" | wc -l)"
}

running=0
for t in "${targets[@]}"; do
    run "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait
