#!/usr/bin/env bash
# The first thing to run on any GPU machine, and what the CI GPU job runs:
# configure the preset for the GPU found (amd or nvidia), build, run every
# reference and candidate at benchmark size, the GPU adversarial suite and the
# harness-overhead benchmark, and write results/, report.{md,json,html} and
# gpu-check-summary.md (device, driver, every failure, the figures).
#
# Budget mode: one time budget for the whole run (default 480 s). The build
# counts against it; benchmarks run one problem at a time with per-executable
# limits and repetitions set from what is left, no new problem starts when its
# estimated time would not fit, and the report is always written for what
# finished. Without a GPU it says so and exits 77; --platform cpu runs the same
# steps on the CPU execution path (correctness only) to check this script.
#
# Exit: 0 all ran as expected; 1 an unexpected verdict, a failed step, or work
# left unstarted for want of budget; 2 bad usage or a failed build; 77 no GPU.
set -uo pipefail

usage() {
    cat <<'EOF'
Usage: CI/gpu-check.sh [options]
  --budget SECONDS     time for the whole run, build included (default 480; env HIPKB_GPU_CHECK_BUDGET)
  --platform P         auto (default), amd, nvidia, or cpu (the CPU execution path, no GPU needed)
  --build-dir DIR      build tree (default: the preset's: build-amd, build-nvidia, build-cpu-check)
  --out DIR            where results/, report/ and gpu-check-summary.md go (default: gpu-check)
  --repetitions N      Google Benchmark repetitions per executable (default 3)
  --skip-build         use the build tree as it is (e.g. one built elsewhere and carried here)
  --no-adversarial     leave out the adversarial suite
  -h, --help           this text
EOF
}

here=$(cd "$(dirname "$0")/.." && pwd)
budget=${HIPKB_GPU_CHECK_BUDGET:-480}
platform=${HIPKB_GPU_CHECK_PLATFORM:-auto}
build_dir=""
out_dir="gpu-check"
repetitions=3
skip_build=0
adversarial=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --budget) budget=${2:?--budget needs seconds}; shift 2 ;;
        --platform) platform=${2:?--platform needs a value}; shift 2 ;;
        --build-dir) build_dir=${2:?--build-dir needs a folder}; shift 2 ;;
        --out) out_dir=${2:?--out needs a folder}; shift 2 ;;
        --repetitions) repetitions=${2:?--repetitions needs a number}; shift 2 ;;
        --skip-build) skip_build=1; shift ;;
        --no-adversarial) adversarial=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "gpu-check: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
if ! [[ "$budget" =~ ^[0-9]+$ ]] || (( budget < 30 )); then
    echo "gpu-check: --budget must be a whole number of seconds, at least 30 (got '$budget')" >&2; exit 2
fi
if ! [[ "$repetitions" =~ ^[0-9]+$ ]] || (( repetitions < 1 )); then
    echo "gpu-check: --repetitions must be a positive whole number (got '$repetitions')" >&2; exit 2
fi
case "$platform" in auto|amd|nvidia|cpu) ;; *)
    echo "gpu-check: --platform must be auto, amd, nvidia or cpu (got '$platform')" >&2; exit 2 ;;
esac

start=$(date +%s)
deadline=$(( start + budget ))
elapsed() { echo $(( $(date +%s) - start )); }
left() { echo $(( deadline - $(date +%s) )); }
say() { printf '[gpu-check %4ss/%ss] %s\n' "$(elapsed)" "$budget" "$*"; }

# --- The GPU, and what it is.
nvidia_gpu() { command -v nvidia-smi >/dev/null && nvidia-smi -L 2>/dev/null | grep -q '^GPU '; }
amd_gpu() { [[ -e /dev/kfd ]] && command -v rocminfo >/dev/null && rocminfo 2>/dev/null | grep -qE 'Name:\s+gfx[0-9]'; }
if [[ "$platform" == auto ]]; then
    if nvidia_gpu; then platform=nvidia
    elif amd_gpu; then platform=amd
    else
        echo "SKIPPED: no GPU found (no NVIDIA GPU listed by nvidia-smi, no AMD GPU in rocminfo with /dev/kfd); --platform cpu checks this script on the CPU execution path"
        exit 77
    fi
fi

device="" driver="" extra_configure=()
case "$platform" in
    nvidia)
        nvidia_gpu || { echo "SKIPPED: --platform nvidia but nvidia-smi lists no GPU"; exit 77; }
        IFS=, read -r device driver cc < <(nvidia-smi --query-gpu=name,driver_version,compute_cap --format=csv,noheader | head -n 1)
        device=$(echo "$device" | xargs); driver=$(echo "$driver" | xargs); cc=$(echo "$cc" | tr -d ' .')
        extra_configure=(-DCMAKE_CUDA_ARCHITECTURES="$cc")
        preset=nvidia; execution=gpu; adversarial_suite=gpu ;;
    amd)
        amd_gpu || { echo "SKIPPED: --platform amd but rocminfo shows no gfx agent (or /dev/kfd is missing)"; exit 77; }
        gfx=$(rocminfo | grep -oE 'gfx[0-9a-f]+' | head -n 1)
        device="$gfx ($(rocminfo | grep -m1 'Marketing Name' | sed 's/.*Marketing Name:\s*//' | xargs))"
        driver=$(cat /sys/module/amdgpu/version 2>/dev/null || echo "amdgpu (version not exposed)")
        extra_configure=(-DHIPKB_GPU_TARGETS="$gfx")
        preset=amd; execution=gpu; adversarial_suite=gpu ;;
    cpu)
        device="CPU execution: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //') x $(nproc)"
        driver="none (HIP-on-CPU)"
        extra_configure=(-DHIPKB_CPU_EXECUTION=on)
        preset=default; execution=cpu; adversarial_suite=cpu ;;
esac
[[ -n "$build_dir" ]] || build_dir="$here/build-$([[ $platform == cpu ]] && echo cpu-check || echo "$platform")"
mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)
results="$out_dir/results"
rm -rf "$results" "$out_dir/report"
mkdir -p "$results"
log="$out_dir/gpu-check.log"
: > "$log"
say "platform $platform, device: $device, driver: $driver; budget ${budget}s; output in $out_dir"

phase_seconds=()
phase() { phase_seconds+=("$1|$2"); }
step_failures=()

# --- Configure and build.
t0=$(date +%s)
if (( skip_build )); then
    say "using the build in $build_dir as it is (--skip-build)"
    [[ -x "$build_dir/bench" && -x "$build_dir/hipkb" ]] || { echo "gpu-check: $build_dir has no built bench and hipkb" >&2; exit 2; }
else
    say "configuring ($preset preset) in $build_dir"
    if ! cmake --preset "$preset" -S "$here" -B "$build_dir" "${extra_configure[@]}" >>"$log" 2>&1; then
        tail -n 30 "$log"; echo "gpu-check: configure failed; full log in $log" >&2; exit 2
    fi
    say "building (jobs: $(nproc))"
    if ! cmake --build "$build_dir" -j "$(nproc)" >>"$log" 2>&1; then
        grep -E 'error|FAILED' "$log" | head -n 30; echo "gpu-check: build failed; full log in $log" >&2; exit 2
    fi
fi
phase "configure and build" $(( $(date +%s) - t0 ))
say "built in $(( $(date +%s) - t0 ))s; $(left)s left"

# --- Benchmarks, one problem at a time while the budget allows.
# Reserve time after the benchmarks for the adversarial suite and the rest.
reserve_after=30
(( adversarial )) && reserve_after=$(( reserve_after + (platform == "cpu" ? 120 : 150) ))
# The build's bench test names, read once: problems and their bench counts
# come from the same list.
mapfile -t bench_tests < <("$build_dir/hipkb" list --build-dir "$build_dir" 2>/dev/null |
    grep -oE '^hipkb\.bench\.[A-Za-z0-9_.]+')
mapfile -t problems < <(printf '%s\n' "${bench_tests[@]}" | cut -d. -f3 | awk 'NF && !seen[$0]++')
if (( ${#problems[@]} == 0 )); then
    echo "gpu-check: $build_dir lists no benchmarks (hipkb list --build-dir)" >&2; exit 2
fi
per_bench_guess=$([[ $execution == cpu ]] && echo 3 || echo 20)
benches_run=0 bench_wall=0
not_started=()
t0=$(date +%s)
for i in "${!problems[@]}"; do
    p=${problems[$i]}
    n=$(printf '%s\n' "${bench_tests[@]}" | grep -cE "^hipkb\.bench\.$p(\.|$)")
    estimate=$(( benches_run > 0 ? (bench_wall * n + benches_run - 1) / benches_run : per_bench_guess * n ))
    room=$(( $(left) - reserve_after ))
    if (( estimate > room )); then
        not_started=("${problems[@]:$i}")
        say "budget: ${room}s left for benchmarks, $p needs about ${estimate}s: not starting it or the $(( ${#problems[@]} - i - 1 )) after it"
        break
    fi
    # One executable may use at most half of what is left, and never more
    # than two minutes: a hang costs a bounded share of the window.
    timeout=$(( room / 2 < 120 ? room / 2 : 120 ))
    (( timeout < 10 )) && timeout=10
    say "[$(( i + 1 ))/${#problems[@]}] $p: $n benchmarks, limit ${timeout}s each"
    b0=$(date +%s)
    "$build_dir/bench" --filter "^hipkb\.bench\.$p\." --execution "$execution" --results "$results" --no-report \
        --timeout "$timeout" --cv-target 0 -- "--benchmark_repetitions=$repetitions" >>"$log" 2>&1
    rc=$?
    if (( rc != 0 && rc != 1 )); then step_failures+=("bench $p exited $rc (see $log)"); fi
    bench_wall=$(( bench_wall + $(date +%s) - b0 ))
    benches_run=$(( benches_run + n ))
done
phase "benchmarks ($benches_run executables, ${repetitions} repetitions)" $(( $(date +%s) - t0 ))

# --- Report and the expected-verdict check (always, for what finished).
t0=$(date +%s)
say "writing the report"
"$build_dir/hipkb" report "$results" --manifest "$build_dir/hipkb_manifest.json" -o "$out_dir/report" -q >>"$log" 2>&1 ||
    step_failures+=("hipkb report failed (see $log)")
# With nothing run (budget), no bench wrote the results document: the
# report's own (the same schema, every bench not_run) stands in.
if [[ ! -f "$results/hipkb_results.json" && -f "$out_dir/report/report.json" ]]; then
    cp "$out_dir/report/report.json" "$results/hipkb_results.json"
fi
"$build_dir/hipkb" check "$results" --manifest "$build_dir/hipkb_manifest.json" --json-out "$out_dir/check.json" \
    >"$out_dir/check.txt" 2>&1
check_rc=$?
cat "$out_dir/check.txt"
phase "report and check" $(( $(date +%s) - t0 ))

# --- The adversarial suite (its own build of the exploit candidates).
adversarial_result="not run (--no-adversarial)"
if (( adversarial )); then
    room=$(( $(left) - 20 ))
    if (( room < 60 )); then
        adversarial_result="not run: ${room}s left of the budget"
        step_failures+=("adversarial suite not run: out of budget")
    else
        say "adversarial suite ($adversarial_suite), limit ${room}s"
        t0=$(date +%s)
        if ctest --test-dir "$build_dir" -R "^hipkb\.test\.adversarial\.$adversarial_suite\$" --timeout "$room" \
            --output-on-failure >"$out_dir/adversarial.log" 2>&1; then
            if grep -q 'Skipped\|SKIPPED' "$out_dir/adversarial.log"; then
                adversarial_result="skipped: $(grep -m1 'SKIPPED' "$out_dir/adversarial.log" | cut -c1-200)"
                [[ $platform == cpu ]] || step_failures+=("adversarial suite skipped on a GPU machine")
            else
                adversarial_result="passed"
            fi
        else
            adversarial_result="FAILED (see adversarial.log)"
            step_failures+=("adversarial suite failed")
        fi
        phase "adversarial suite" $(( $(date +%s) - t0 ))
    fi
fi

# --- The harness's own cost per candidate.
overhead_result="not run"
perf="$build_dir/tests/perf/hipkb_perf_harness"
if [[ -x "$perf" ]] && (( $(left) > 25 )); then
    say "harness-overhead benchmark"
    t0=$(date +%s)
    if timeout "$(( $(left) - 10 ))" "$perf" --hipkb_build_dir="$build_dir" --benchmark_filter='evaluate/minimal' \
        --benchmark_repetitions=1 --benchmark_out="$out_dir/harness-overhead.json" --benchmark_out_format=json \
        >>"$log" 2>&1; then
        overhead_result="see harness-overhead.json"
    else
        overhead_result="failed or skipped (see $log)"
    fi
    phase "harness-overhead benchmark" $(( $(date +%s) - t0 ))
fi

# --- The summary.
total=$(elapsed)
status="passed"
(( check_rc != 0 )) && status="FAILED: unexpected verdicts"
(( ${#not_started[@]} > 0 )) && status="FAILED: ${#not_started[@]} problems not started within the budget"
(( ${#step_failures[@]} > 0 )) && [[ $status == passed ]] && status="FAILED: ${step_failures[0]}"
{
    echo "# hipkb GPU check"
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| status | $status |"
    echo "| platform | $platform (execution: $execution) |"
    echo "| device | $device |"
    echo "| driver | $driver |"
    echo "| hipkb | $("$build_dir/hipkb" --version 2>/dev/null) ($(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)) |"
    echo "| budget | ${budget}s, used ${total}s |"
    echo "| adversarial suite | $adversarial_result |"
    echo "| harness overhead | $overhead_result |"
    echo
    echo "## Where the time went"
    echo
    echo "| step | seconds |"
    echo "|---|---:|"
    for entry in "${phase_seconds[@]}"; do echo "| ${entry%%|*} | ${entry##*|} |"; done
    echo
    echo "## Expected verdicts"
    echo
    echo '```'
    cat "$out_dir/check.txt"
    echo '```'
    if (( ${#not_started[@]} > 0 )); then
        echo
        echo "Not started for want of budget: ${not_started[*]}"
    fi
    if (( ${#step_failures[@]} > 0 )); then
        echo
        echo "## Step failures"
        for f in "${step_failures[@]}"; do echo "- $f"; done
    fi
    echo
    echo "## Device figures (median over the references' verdicts)"
    echo
    "$build_dir/hipkb" check "$results" --figures 2>/dev/null ||
        echo "(no figures)"
    echo
    echo "Report: report/report.md, report/report.html; raw results: results/; full log: gpu-check.log"
} > "$out_dir/gpu-check-summary.md"
say "$status; summary in $out_dir/gpu-check-summary.md"
[[ $status == passed ]] && exit 0
exit 1
