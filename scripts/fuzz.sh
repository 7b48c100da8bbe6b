#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer harnesses of Fuzz/ with AddressSanitizer (release, its own
# .build-fuzz) and runs each for FUZZ_SECONDS (default 60), seeded from the test fixtures and
# Fuzz/seeds. The corpus grows in .build-fuzz/corpus/<harness> across runs; a crash or hang is
# written to .build-fuzz/artifacts/<harness>/ and fails the run. One line per harness:
# executions, executions per second, corpus size, new coverage. FUZZ_SEED fixes libFuzzer's seed
# (CI: the same mutations every run, so a red run is a finding, not luck).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
harnesses=(${FUZZ_HARNESSES:-csv feed json dates config})
scratch=.build-fuzz
fixtures=Tests/ReputaIngestTests/Fixtures
flags=(-c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
for h in "${harnesses[@]}"; do
    REPUTA_FUZZ=1 swift build "${flags[@]}" --product "fuzz-$h" 2>&1 | grep -E "error|warning: unre|Compiling|complete" >&2 || true
    [ -x "$scratch/release/fuzz-$h" ] || { echo "fuzz: fuzz-$h did not build" >&2; exit 1; }
done
status=0
for h in "${harnesses[@]}"; do
    seeds="$scratch/seeds/$h"; corpus="$scratch/corpus/$h"; artifacts="$scratch/artifacts/$h"
    rm -rf "$seeds"; mkdir -p "$seeds" "$corpus" "$artifacts"
    # Seeds: the fixtures of the harness's formats (small ones), and Fuzz/seeds/<harness>.
    case $h in
        csv) find "$fixtures" -name '*.csv' -size -64k -exec cp {} "$seeds/" \; ;;
        feed) find "$fixtures" -name '*.xml' -size -64k -exec cp {} "$seeds/" \; ;;
        json) find "$fixtures" \( -name '*.json' -o -name '*.jsonl' \) ! -name '*.expected.json' -size -64k -exec cp {} "$seeds/" \; ;;
        config) cp sources.yml "$seeds/" ;;
    esac
    [ -d "Fuzz/seeds/$h" ] && cp Fuzz/seeds/"$h"/* "$seeds/"
    log="$scratch/fuzz-$h.log"
    set +e
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 \
        "$scratch/release/fuzz-$h" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=3072 \
        -print_final_stats=1 ${FUZZ_SEED:+-seed=$FUZZ_SEED} -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$log" 2>&1
    rc=$?
    set -e
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
    speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
    cov=$(grep -oE 'stat::new_units_added: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
    size=$(ls "$corpus" | wc -l)
    if [ $rc -eq 0 ]; then
        echo "fuzz-$h: ok, $runs runs in ${seconds}s ($speed/s), corpus $size inputs ($cov new)"
    else
        status=1
        echo "fuzz-$h: FAILED after $runs runs; input kept in $artifacts/ (log: $log)"
        grep -E "Fatal error|ERROR: AddressSanitizer|ERROR: libFuzzer|SUMMARY" "$log" | head -5 | sed 's/^/    /'
    fi
done
exit $status
