#!/usr/bin/env bash
# Checks that hipkb's own C++ is laid out as .clang-format says, so that
# diffs stay about content. With --fix, reformats the files instead.
# Leaves alone: candidates (generated/, reference/ kernels are the corpus's
# content), test inputs whose layout is what they test (fixtures, adversarial
# candidates, HIP-on-CUDA compile cases), and the seed kernels.
set -euo pipefail
cd "$(dirname "$0")/.."
fix=0
[[ "${1:-}" == --fix ]] && fix=1
tool=""
for candidate in clang-format-14 clang-format; do
    if command -v "$candidate" >/dev/null; then tool=$candidate; break; fi
done
if [[ -z "$tool" ]]; then
    echo "SKIPPED: clang-format not found (apt-get install clang-format)"
    exit 77
fi
mapfile -t files < <(git ls-files -- 'harness/*.cpp' 'harness/*.hpp' 'harness/*.h' 'harness/*.hip' \
    'tests/*.cpp' 'tests/*.hpp' 'tests/*.hip' 'bench/*.cpp' 'bench/*.hpp' |
    grep -vE '^tests/(fixtures|adversarial/(gpu|host)|unit/hip_on_cuda/(llm_style|unmapped))/' |
    while read -r f; do [[ -f "$f" ]] && echo "$f"; done)
if (( fix )); then
    "$tool" -i --style=file "${files[@]}"
    echo "formatted ${#files[@]} files with $("$tool" --version | head -n 1)"
    exit 0
fi
if ! "$tool" --dry-run --Werror --style=file "${files[@]}" 2>/tmp/hipkb-format.$$; then
    grep -E '^[^ ].*(warning|error):' /tmp/hipkb-format.$$ | cut -d: -f1 | sort -u | sed 's/^/needs formatting: /' | head -n 50
    rm -f /tmp/hipkb-format.$$
    echo "hipkb: run CI/check-format.sh --fix (clang-format 14) and commit the result"
    exit 1
fi
rm -f /tmp/hipkb-format.$$
echo "${#files[@]} files formatted as .clang-format says"
