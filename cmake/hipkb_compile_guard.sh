#!/bin/sh
# Compiler launcher for candidates: a candidate that does not compile is a
# result, not a build failure. Usage (set by hipkb_add_candidate_module):
#   hipkb_compile_guard.sh <log> <source> <fallback> -- <compiler command...>
# Runs the command with its output kept in <log>. On success <log>.status says
# "compiled". On failure it says "failed", and the same command is run again
# on <fallback> (a source whose hipkb_run reports the failure), so the module
# still links and the bench records compiled: false.
log=$1 source=$2 fallback=$3
shift 4
if "$@" >"$log" 2>&1; then
  echo compiled >"$log.status"
  exit 0
fi
echo failed >"$log.status"
for arg do
  shift
  if [ "$arg" = "$source" ]; then set -- "$@" "$fallback"; else set -- "$@" "$arg"; fi
done
exec "$@"
