#!/usr/bin/env bash
# hipkb.test.integration.slurm_array: CI/slurm/bench-array.sbatch and
# merge-shards.sbatch under a real one-node Slurm cluster started here
# (munged, slurmctld and slurmd with their own state, spool and log folders
# in a temporary folder, and their own ports), on the CPU execution path of
# this build: `sbatch --wait --array=1-4`, one shard per task, then the merge.
# Checks that the four shards together ran every bench exactly once and that
# the merged results hold every candidate and every reference exactly once.
# Every daemon it started is stopped on exit, failed or not.
#
# Usage: slurm_array_test.sh <build dir> <source dir> [test-name regex]
# (the regex, passed on as HIPKB_FILTER, narrows the run to some benches).
# Prints "SKIPPED: <why>" (and exits 0) without the Slurm binaries, without
# root, or without a cpu-execution build.
set -euo pipefail

build=$(cd "${1:?usage: slurm_array_test.sh <build dir> <source dir>}" && pwd)
source_dir=$(cd "${2:?usage: slurm_array_test.sh <build dir> <source dir>}" && pwd)
filter=${3:-}
shards=4

skip() {
  echo "SKIPPED: $*"
  exit 0
}
for program in munged slurmctld slurmd sbatch sinfo squeue scontrol; do
  command -v "${program}" > /dev/null || skip "${program} not found (apt-get install slurmctld slurmd slurm-client munge)"
done
[[ $(id -u) -eq 0 ]] || skip "the Slurm daemons run as root here (slurmd starts jobs as their user); run as root"
[[ -x ${build}/bench && -x ${build}/hipkb ]] || skip "${build}/bench or ${build}/hipkb is not built"
grep -q '"cpu_executable": "' "${build}/hipkb_manifest.json" ||
  skip "this build has no cpu execution (configure with -DHIPKB_CPU_EXECUTION=on)"

work=$(mktemp -d /tmp/hipkb-slurm.XXXXXX)
chmod 755 "${work}"
pids=()
stop_daemons() {
  local status=$?
  # slurmd first (it kills its job steps), then the controller, then munge.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2> /dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do
      kill -0 "${pid}" 2> /dev/null || break
      sleep 0.1
    done
    kill -9 "${pid}" 2> /dev/null || true
  done
  if ((status != 0)); then
    for log in "${work}"/log/*.log "${work}"/jobs/*.out; do
      [[ -f ${log} ]] || continue
      echo "---- ${log} (last lines)"
      tail -n 30 "${log}"
    done
  fi
  rm -rf "${work}"
  exit "${status}"
}
trap stop_daemons EXIT
trap 'exit 130' INT TERM

mkdir -p "${work}"/{munge,state,spool,log,jobs,results}
# munge: its own key and socket, so that nothing of the machine's is used.
head -c 1024 /dev/urandom > "${work}/munge/munge.key"
chmod 400 "${work}/munge/munge.key"
munged --foreground --force --key-file="${work}/munge/munge.key" --socket="${work}/munge/socket" \
  --pid-file="${work}/munge/munged.pid" --log-file="${work}/log/munged.log" \
  --seed-file="${work}/munge/seed" &
pids+=($!)

node=$(hostname -s)
# Ports of our own: another Slurm (or another run of this test) may be up.
port=$((20000 + RANDOM % 20000))
export SLURM_CONF=${work}/slurm.conf
cat > "${SLURM_CONF}" << CONF
ClusterName=hipkbtest
SlurmctldHost=${node}
SlurmctldPort=${port}
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=${work}/munge/socket
CredType=cred/munge
StateSaveLocation=${work}/state
SlurmdSpoolDir=${work}/spool
SlurmctldPidFile=${work}/slurmctld.pid
SlurmdPidFile=${work}/slurmd.pid
SlurmctldLogFile=${work}/log/slurmctld.log
SlurmdLogFile=${work}/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
NodeName=${node} CPUs=$(nproc) State=UNKNOWN
PartitionName=hipkb Nodes=${node} Default=YES MaxTime=INFINITE State=UP
CONF

for _ in $(seq 100); do
  [[ -S ${work}/munge/socket ]] && break
  sleep 0.1
done
slurmctld -D -i -f "${SLURM_CONF}" &
pids+=($!)
slurmd -D -f "${SLURM_CONF}" &
pids+=($!)

echo "hipkb: one-node Slurm cluster on ${node} (ports ${port}, $((port + 1))) in ${work}"
state=""
for _ in $(seq 120); do
  state=$(sinfo -h -n "${node}" -o %T 2> /dev/null || true)
  [[ ${state} == idle* ]] && break
  sleep 0.5
done
[[ ${state} == idle* ]] || {
  echo "FAILED: node ${node} did not become idle (state: '${state}')"
  exit 1
}

# The array example as it is, minus its --gres line: this cluster has no
# GPU (no gres.conf), and the shards run the CPU twins.
grep -v '^#SBATCH --gres' "${source_dir}/CI/slurm/bench-array.sbatch" > "${work}/bench-array.sbatch"
export HIPKB_BUILD_DIR=${build} HIPKB_SHARDS_DIR=${work}/results HIPKB_EXECUTION=cpu
export HIPKB_MERGED_DIR=${work}/merged
[[ -z ${filter} ]] || export HIPKB_FILTER=${filter}
started=${SECONDS}
array_status=0
array_job=$(sbatch --parsable --wait --array=1-${shards} --chdir="${work}/jobs" \
  --output="${work}/jobs/bench-%A_%a.out" "${work}/bench-array.sbatch") || array_status=$?
array_job=${array_job%%;*}
echo "hipkb: array job ${array_job} finished with status ${array_status} after $((SECONDS - started)) s"
sbatch --parsable --wait --dependency=afterany:"${array_job}" --chdir="${work}/jobs" \
  --output="${work}/jobs/merge-%j.out" "${source_dir}/CI/slurm/merge-shards.sbatch" > /dev/null
echo "hipkb: merge finished after $((SECONDS - started)) s"
cat "${work}"/jobs/merge-*.out

failures=0
fail() {
  echo "FAILED: $*"
  failures=$((failures + 1))
}
# Every bench of the build ran in exactly one shard, each shard in its own task.
expected_names=$(grep -o '"test": "[^"]*"' "${build}/hipkb_manifest.json" | sed 's/^"test": "\(.*\)"$/\1/' |
  grep -E -- "${filter:-.}" | sort)
[[ -n ${expected_names} ]] || fail "no bench of the build matches '${filter}'"
ran=$(find "${work}/results" -name '*.run.json' -printf '%f\n' | sed 's/\.run\.json$//' | sort)
duplicates=$(uniq -d <<< "${ran}")
[[ -z ${duplicates} ]] || fail "benches that ran in two shards: ${duplicates}"
[[ ${expected_names} == "$(uniq <<< "${ran}")" ]] ||
  fail "the shards did not run exactly the build's benches; diff (manifest vs ran):
$(diff <(echo "${expected_names}") <(uniq <<< "${ran}") || true)"
for ((i = 1; i <= shards; i++)); do
  [[ -f ${work}/results/shard-${i}/hipkb_results.json ]] || fail "shard ${i} wrote no hipkb_results.json"
  grep -q "shard ${i}/${shards}" "${work}"/jobs/bench-*_"${i}".out || fail "task ${i} did not run shard ${i}/${shards}"
done
# The merged results: every bench once, none left "not_run".
merged=${work}/merged/merged.json
if [[ ! -f ${merged} ]]; then
  fail "no merged results at ${merged}"
else
  in_merged=$(grep -o '"test": "[^"]*"' "${merged}" | sed 's/^"test": "\(.*\)"$/\1/' | grep -E -- "${filter:-.}" |
    sort)
  [[ ${in_merged} == "${expected_names}" ]] || fail "the merged results do not hold every bench exactly once; diff:
$(diff <(echo "${expected_names}") <(echo "${in_merged}") || true)"
  # Without a filter every bench ran: none may be left "not_run".
  [[ -n ${filter} ]] || ! grep -q '"status": "not_run"' "${merged}" ||
    fail "the merged results still have benches that did not run"
  [[ -f ${work}/merged/report/report.md ]] || fail "no report.md from the merged results"
fi
((failures == 0)) || exit 1
echo "PASSED: ${shards} shards under Slurm ran $(wc -l <<< "${ran}") benches once each; merged into one report"
