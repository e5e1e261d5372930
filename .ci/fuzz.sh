#!/usr/bin/env bash
# CI: keep the fuzz harnesses alive. Installs cargo-afl (which builds AFL++) if missing, builds
# the three targets in fuzz/, and runs each for a short, fixed number of executions from the
# seeds. Any crash fails the step and is left in $FUZZ_OUT for inspection. (The seeds and
# fuzz/regressions are also replayed by the ordinary `cargo test`: tests/fuzz_replay.rs.)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

EXECS="${FUZZ_EXECS:-3000}"     # per target
SECONDS_CAP="${FUZZ_SECONDS:-40}" # per target, in case the machine is slow
FUZZ_OUT="${FUZZ_OUT:-$(mktemp -d)}"

if ! cargo afl --version >/dev/null 2>&1; then
    # Builds AFL++ from the source shipped in the crate (needs gcc and make): a few minutes.
    cargo install cargo-afl --version '^0.18' --locked
fi
cargo afl config --build >/dev/null 2>&1 || true
cargo afl build --release

export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_QUIET=1
status=0
for target in tag jsonl gazetteer; do
    out="$FUZZ_OUT/$target"
    cargo afl fuzz -i "seeds/$target" -o "$out" -x dict/indonesian.dict \
        -E "$EXECS" -V "$SECONDS_CAP" -- "target/release/$target" >"$out.log" 2>&1 || {
        echo "fuzz $target: afl-fuzz failed"; tail -20 "$out.log"; status=1; continue; }
    stats="$out/default/fuzzer_stats"
    execs=$(awk -F: '/^execs_done/ {gsub(/ /,"",$2); print $2}' "$stats")
    crashes=$(find "$out/default/crashes" -type f -name 'id:*' | wc -l)
    echo "fuzz $target: $execs executions, $crashes crashes"
    if [ "$crashes" -gt 0 ]; then
        echo "fuzz $target: crashing inputs in $out/default/crashes (add them to fuzz/regressions/$target)"
        status=1
    fi
done
exit "$status"
