# CI/gpu-check.sh --platform cpu over a built tree, twice: with room to
# finish (everything runs, every verdict as expected, exit 0) and with a
# budget too small to start anything (exit 1, the report still written, the
# summary naming what was not started).
function(run_check budget out expect_rc)
  file(REMOVE_RECURSE "${out}")
  execute_process(COMMAND bash "${SCRIPT}" --platform cpu --skip-build --build-dir "${BUILD_DIR}" --out "${out}"
                          --no-adversarial --budget ${budget}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE output ERROR_VARIABLE output)
  message("${output}")
  if(NOT rc EQUAL expect_rc)
    message(FATAL_ERROR "gpu-check.sh --budget ${budget} exited ${rc}, expected ${expect_rc}")
  endif()
  foreach(file gpu-check-summary.md report/report.md report/report.html report/report.json results/hipkb_results.json)
    if(NOT EXISTS "${out}/${file}")
      message(FATAL_ERROR "gpu-check.sh --budget ${budget} did not write ${file}")
    endif()
  endforeach()
  file(READ "${out}/gpu-check-summary.md" summary)
  set(summary "${summary}" PARENT_SCOPE)
endfunction()

function(expect text)
  string(FIND "${summary}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "gpu-check-summary.md lacks '${text}':\n${summary}")
  endif()
endfunction()

run_check(600 "${OUT_DIR}/full" 0)
expect("| status | passed |")
expect("| platform | cpu (execution: cpu) |")
expect("## Where the time went")
expect("| benchmarks (")
expect("\n0 of ")  # no reference or example is off (the counts grow with the corpus)
expect(" references and 4 candidates with an expected verdict are not as expected")
expect("No device figures")

run_check(30 "${OUT_DIR}/starved" 1)
expect("problems not started within the budget")
expect("Not started for want of budget: ")
