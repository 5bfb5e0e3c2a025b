#!/usr/bin/env bash
# Runs every fuzz target (or those named) for a fixed time each, from the seed corpus of
# fuzz/seeds/<target> plus what earlier runs found (fuzz/corpus/<target>, not committed),
# and prints the executions reached per target. A crash stops that target, keeps its input
# in fuzz/artifacts/<target>/ and makes the script exit 1 after the others have run.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (default: 60 s, every target)
#
# Environment: FUZZ_SANITIZER (address, the default, or none: safe Rust, about twice the
# executions), FUZZ_MAX_LEN (longest input, bytes; default 8192).
# Needs the nightly toolchain; installs cargo-fuzz if it is missing.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(extract gazetteer_tsv jsonl_line)
fi
sanitizer=${FUZZ_SANITIZER:-address}
max_len=${FUZZ_MAX_LEN:-8192}

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
cargo +nightly fuzz build -s "$sanitizer"

failed=0
total=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  log=$(mktemp)
  if cargo +nightly fuzz run -s "$sanitizer" "$t" "corpus/$t" "seeds/$t" -- \
      -max_total_time="$seconds" -max_len="$max_len" -timeout=25 -print_final_stats=1 \
      >"$log" 2>&1; then
    status=ok
  else
    status=CRASH
    failed=1
    grep -E "^(==[0-9]+==|SUMMARY|thread '|Test unit written|.*panicked)" "$log" | head -20 || true
  fi
  runs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$" | tail -1)
  runs=${runs:-0}
  total=$((total + runs))
  echo "fuzz: $t: $status, $runs executions in ${seconds} s ($sanitizer sanitizer)"
  rm -f "$log"
done
echo "fuzz: $total executions in all"
exit $failed
