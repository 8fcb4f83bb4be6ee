#!/usr/bin/env bash
# Installs everything hipkb needs on Debian 12 (bookworm), from the package
# registry only. Run as root. CUDA is not a Debian package: where nvcc is
# present (/usr/local/cuda) the nvidia platform is built too, else skipped.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(
  cmake ninja-build g++ binutils pkg-config
  libbenchmark-dev libgtest-dev
  nlohmann-json3-dev libfmt-dev libcli11-dev
  libcurl4-openssl-dev libcpp-httplib-dev libssl-dev libtomlplusplus-dev
  hipcc libamdhip64-dev libamd-comgr-dev rocm-device-libs clang-15
  librocprim-dev
  libboost-context-dev
  libclang-15-dev
  gnuplot-nox chromium
  yamllint shellcheck clang-format
  slurmctld slurmd slurm-client munge
)
# HIPKB_SKIP_PACKAGES: packages to leave out, e.g. Debian's ROCm in a ROCm
# container that has its own (/opt/rocm), or chromium where it is a snap.
read -r -a skip <<< "${HIPKB_SKIP_PACKAGES:-}"
missing=()
for p in "${packages[@]}"; do
  [[ " ${skip[*]} " == *" $p "* ]] && continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "hipkb: installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "hipkb: all Debian packages already installed"
fi
