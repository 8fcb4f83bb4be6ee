#!/usr/bin/env bash
# hipkb import end to end: the fixture dataset (tests/fixtures/import) into a
# temporary reference folder, every imported spec through `hipkb list
# --check`, the exit codes for skipped entries and for bad input, and, with
# a third argument "build", one imported problem built in a separate hipkb
# build over that folder and run on the CPU execution layer, where its golden
# check must be recorded as skipped.
# Usage: import_dataset_test.sh HIPKB_COMMAND SOURCE_DIR [build]
set -euo pipefail

hipkb=$1
source_dir=$2
mode=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

status=0
"$hipkb" import "$source_dir/tests/fixtures/import" --out "$work/reference/level7" --level 7 >"$work/import.txt" || status=$?
cat "$work/import.txt"
[[ $status -eq 1 ]] || fail "import exited $status; expected 1 (two entries are skipped)"
grep -q "^imported scale_shift -> " "$work/import.txt" || fail "scale_shift was not imported"
grep -q "^imported block_sum -> " "$work/import.txt" || fail "block_sum was not imported"
grep -q "^imported softplus -> " "$work/import.txt" || fail "softplus was not imported"
grep -q "^  two_pass_norm: 2 kernel launches" "$work/import.txt" || fail "two_pass_norm's reason is missing"
grep -q "^  missing_kernel: hip_file .* is missing" "$work/import.txt" || fail "missing_kernel's reason is missing"

"$hipkb" list --check --reference-dir "$work/reference" >"$work/list.txt" || fail "hipkb list --check rejected an imported spec"
cat "$work/list.txt"
[[ $(grep -c "^7 .* no " "$work/list.txt") -eq 3 ]] || fail "hipkb list does not show the 3 imported problems at level 7 without a golden"

status=0
"$hipkb" import "$work/no-such-dataset" --out "$work/out" 2>"$work/bad.txt" || status=$?
[[ $status -eq 2 ]] || fail "a missing dataset folder exited $status; expected 2"
grep -q "no-such-dataset: not a folder" "$work/bad.txt" || fail "the error does not name the missing folder"

if [[ $mode == build ]]; then
    rm -rf "$work/reference/level7/block_sum" "$work/reference/level7/softplus"
    cmake -S "$source_dir" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHIPKB_CPU_EXECUTION=on \
        -DHIPKB_REFERENCE_DIR="$work/reference" -DHIPKB_GENERATED_DIR="$work/generated" -DHIPKB_ENABLE_TESTING=OFF \
        >"$work/configure.txt" || { cat "$work/configure.txt"; fail "configure over the imported problem failed"; }
    cmake --build "$work/build" --target hipkb_cpu_bench_scale_shift__reference -j 2 >"$work/build.txt" ||
        { tail -n 40 "$work/build.txt"; fail "the imported problem does not build for the CPU"; }
    bench=$(find "$work/build" -name hipkb_cpu_bench_scale_shift__reference -type f | head -n 1)
    "$bench" --hipkb_verdict_out="$work/verdict.json" >"$work/run.txt" 2>&1 || { cat "$work/run.txt"; fail "the imported reference failed on the CPU"; }
    grep -q '"skipped": *"no golden: imported problem; the reference is the truth"' "$work/verdict.json" ||
        { cat "$work/verdict.json"; fail "the verdict does not record the skipped golden check"; }
fi
echo "import end to end: ok"
