# Turns problems and candidates into modules, benchmark executables and tests.
#
#   hipkb_discover_problems(<out_var>)             problems under HIPKB_REFERENCE_DIR
#   hipkb_discover_candidates(<out_var>)           candidates under HIPKB_GENERATED_DIR
#   hipkb_add_problem(<dir>)                       reference (+ golden) modules and the reference bench
#   hipkb_add_candidate(<file>)                    the candidate's module and bench
#   hipkb_add_vendor_baselines(...)                a problem's vendor/<library> baselines (HipkbVendor.cmake)
#   hipkb_write_manifest()                         build/hipkb_manifest.json
#
# Each implementation is a MODULE library exporting only hipkb_run (a linker
# version script), loaded by the bench with dlopen(RTLD_LOCAL), so a
# reference and a candidate may define kernels of the same name.

set(HIPKB_MODULE_MAP "${CMAKE_CURRENT_LIST_DIR}/hipkb_module.map")
set(HIPKB_COMPILE_GUARD "${CMAKE_CURRENT_LIST_DIR}/hipkb_compile_guard.sh")
set(HIPKB_NOT_COMPILED_SOURCE "${PROJECT_SOURCE_DIR}/harness/src/bench/not_compiled.cpp")
set_property(GLOBAL PROPERTY HIPKB_MANIFEST_ENTRIES "")

function(_hipkb_json_string out value)
  string(REPLACE "\\" "\\\\" value "${value}")
  string(REPLACE "\"" "\\\"" value "${value}")
  set(${out} "\"${value}\"" PARENT_SCOPE)
endfunction()

function(_hipkb_json_or_null out value)
  if(value STREQUAL "")
    set(${out} "null" PARENT_SCOPE)
  else()
    _hipkb_json_string(quoted "${value}")
    set(${out} "${quoted}" PARENT_SCOPE)
  endif()
endfunction()

function(hipkb_discover_problems out_var)
  file(GLOB _specs LIST_DIRECTORIES false CONFIGURE_DEPENDS "${HIPKB_REFERENCE_DIR}/*/*/spec.json")
  set(_dirs "")
  foreach(_spec IN LISTS _specs)
    get_filename_component(_dir "${_spec}" DIRECTORY)
    list(APPEND _dirs "${_dir}")
  endforeach()
  list(SORT _dirs)
  set(${out_var} "${_dirs}" PARENT_SCOPE)
endfunction()

function(hipkb_discover_candidates out_var)
  file(GLOB _files LIST_DIRECTORIES false CONFIGURE_DEPENDS
       "${HIPKB_GENERATED_DIR}/*/*/*.${HIPKB_GPU_SOURCE_EXT}")
  list(SORT _files)
  set(${out_var} "${_files}" PARENT_SCOPE)
endfunction()

# Makes <target> a loadable module in <dir> that exports hipkb_run alone
# (hidden visibility and the linker version script).
function(hipkb_export_entry_only target dir)
  set_target_properties(${target} PROPERTIES
    PREFIX "" LIBRARY_OUTPUT_DIRECTORY "${dir}"
    CXX_VISIBILITY_PRESET hidden HIP_VISIBILITY_PRESET hidden CUDA_VISIBILITY_PRESET hidden
    LINK_DEPENDS "${HIPKB_MODULE_MAP}")
  target_link_options(${target} PRIVATE "LINKER:--version-script=${HIPKB_MODULE_MAP}")
endfunction()

# A candidate that does not compile is a result: the compile guard
# (cmake/hipkb_compile_guard.sh) records <log> and its status, and builds the
# fallback in place of <source>, so the module still links.
function(hipkb_guard_compile target source log)
  set(_launcher sh "${HIPKB_COMPILE_GUARD}" "${log}" "${source}" "${HIPKB_NOT_COMPILED_SOURCE}" --)
  set_target_properties(${target} PROPERTIES
    CXX_COMPILER_LAUNCHER "${_launcher}" HIP_COMPILER_LAUNCHER "${_launcher}" CUDA_COMPILER_LAUNCHER "${_launcher}")
  set_property(SOURCE "${source}" TARGET_DIRECTORY ${target} APPEND PROPERTY OBJECT_DEPENDS
               "${HIPKB_NOT_COMPILED_SOURCE};${HIPKB_COMPILE_GUARD}")
endfunction()

# A module: one implementation source, its entry point alone exported.
# VENDOR: a vendor-library baseline, collected in hipkb_vendor_modules instead.
function(_hipkb_add_module target source gpu)
  cmake_parse_arguments(M "VENDOR" "" "" ${ARGN})
  add_library(${target} MODULE "${source}")
  target_include_directories(${target} PRIVATE "${PROJECT_SOURCE_DIR}/harness/include")
  hipkb_export_entry_only(${target} "${CMAKE_CURRENT_BINARY_DIR}/modules")
  if(gpu)
    hipkb_configure_gpu_module(${target})
  endif()
  # `cmake --build <dir> --target hipkb_modules` compiles the corpus alone;
  # `--target hipkb_vendor_modules` the vendor baselines alone.
  set(_group hipkb_modules)
  if(M_VENDOR)
    set(_group hipkb_vendor_modules)
  endif()
  if(NOT TARGET ${_group})
    add_custom_target(${_group})
  endif()
  add_dependencies(${_group} ${target})
endfunction()

# The device input generator module (harness/src/bench/input_generator.hip)
# for an execution, gpu or cpu, created on first use; `out` is its target,
# empty on the host platform, whose inputs are drawn on the host.
function(hipkb_input_generator_module execution out)
  set(_generator "")
  if(execution STREQUAL "cpu")
    set(_generator hipkb_cpu_input_generator)
    if(NOT TARGET ${_generator})
      hipkb_add_cpu_module(${_generator} "${PROJECT_SOURCE_DIR}/harness/src/bench/input_generator.hip" "")
    endif()
  elseif(NOT HIPKB_PLATFORM STREQUAL "host")
    set(_generator hipkb_input_generator)
    if(NOT TARGET ${_generator})
      _hipkb_add_module(${_generator} "${PROJECT_SOURCE_DIR}/harness/src/bench/input_generator.hip" TRUE)
    endif()
  endif()
  set(${out} "${_generator}" PARENT_SCOPE)
endfunction()

# The executable for one bench, with a generated this_bench().
# CPU twins (cpu execution) pass EXECUTION cpu and CPU_LOG: the candidate's
# CPU compile log, beside its GPU one. OUTSIDE_SUITE: a bench hipkb's own
# tests build and run themselves (no CTest bench test, not in hipkb_suite).
function(_hipkb_add_bench_executable target test problem level spec reference golden candidate run sample log)
  cmake_parse_arguments(B "OUTSIDE_SUITE" "EXECUTION;CPU_LOG" "" ${ARGN})
  if(NOT B_EXECUTION)
    set(B_EXECUTION gpu)
  endif()
  set(_config "${CMAKE_CURRENT_BINARY_DIR}/configs/${target}.cpp")
  set(_candidate_file "")
  if(candidate)
    set(_candidate_file "$<TARGET_FILE:${candidate}>")
  endif()
  set(_golden_file "")
  if(golden)
    set(_golden_file "$<TARGET_FILE:${golden}>")
  endif()
  # The fp32 FMA probe for the FLOP/s roofline: one module per GPU build.
  set(_probe_file "")
  set(_probe "")
  if(NOT HIPKB_PLATFORM STREQUAL "host" AND B_EXECUTION STREQUAL "gpu")
    if(NOT TARGET hipkb_peak_probe)
      _hipkb_add_module(hipkb_peak_probe "${PROJECT_SOURCE_DIR}/harness/src/bench/peak_probe.hip" TRUE)
    endif()
    set(_probe hipkb_peak_probe)
    set(_probe_file "$<TARGET_FILE:hipkb_peak_probe>")
  endif()
  hipkb_input_generator_module(${B_EXECUTION} _generator)
  set(_generator_file "")
  if(_generator)
    set(_generator_file "$<TARGET_FILE:${_generator}>")
  endif()
  file(GENERATE OUTPUT "${_config}" CONTENT
"// Generated by cmake/HipkbBench.cmake: what ${target} measures.
#include <hipkb/bench/bench_config.hpp>

const hipkb::bench_config& hipkb::this_bench() {
    static const bench_config config{
        R\"hipkb(${test})hipkb\",
        R\"hipkb(${problem})hipkb\",
        ${level},
        R\"hipkb(${spec})hipkb\",
        R\"hipkb($<TARGET_FILE:${reference}>)hipkb\",
        R\"hipkb(${_golden_file})hipkb\",
        R\"hipkb(${_candidate_file})hipkb\",
        R\"hipkb(${run})hipkb\",
        R\"hipkb(${sample})hipkb\",
        R\"hipkb(${log})hipkb\",
        R\"hipkb(${_probe_file})hipkb\",
        R\"hipkb(${B_CPU_LOG})hipkb\",
        R\"hipkb(${_generator_file})hipkb\",
    };
    return config;
}
")
  add_executable(${target} "${_config}")
  if(B_EXECUTION STREQUAL "cpu")
    target_link_libraries(${target} PRIVATE hipkb_bench_main_cpu hipkb::bench_runtime_cpu)
  else()
    target_link_libraries(${target} PRIVATE hipkb_bench_main hipkb::bench_runtime)
  endif()
  set(_deps ${reference} ${golden} ${candidate} ${_probe} ${_generator})
  add_dependencies(${target} ${_deps})
  if(B_OUTSIDE_SUITE)
    return()
  endif()
  # `cmake --build <dir> --target hipkb_suite` builds the benchmarks and the
  # driver alone (no hipkb command, no tests).
  if(NOT TARGET hipkb_suite)
    add_custom_target(hipkb_suite)
    add_dependencies(hipkb_suite hipkb_bench_driver)
  endif()
  add_dependencies(hipkb_suite ${target})
  if(HIPKB_ENABLE_TESTING)
    add_test(NAME ${test}
             COMMAND ${target}
                     --benchmark_out=${HIPKB_RESULTS_DIR}/${test}.json --benchmark_out_format=json
                     --hipkb_verdict_out=${HIPKB_RESULTS_DIR}/${test}.verdict.json)
    if(B_EXECUTION STREQUAL "cpu")
      set_tests_properties(${test} PROPERTIES LABELS "bench;cpu" SKIP_RETURN_CODE 77 TIMEOUT ${HIPKB_BENCH_TIMEOUT})
    else()
      if(HIPKB_PLATFORM STREQUAL "host")
        set(_labels "bench;host")
      else()
        set(_labels "bench;gpu")
      endif()
      # RESOURCE_GROUPS "gpus:1": under ctest --resource-spec-file (from
      # `hipkb devices --resource-spec`) each bench gets a GPU of its own and
      # binds to it (CTEST_RESOURCE_GROUP_0_GPUS, read in bench_main.cpp).
      # Without a spec file CTest ignores it, so RESOURCE_LOCK keeps two
      # benchmarks off one GPU under ctest -j; configure with
      # -DHIPKB_CTEST_GPU_LOCK=OFF to run one per GPU at once.
      set_tests_properties(${test} PROPERTIES
        LABELS "${_labels}" SKIP_RETURN_CODE 77 TIMEOUT ${HIPKB_BENCH_TIMEOUT}
        RESOURCE_GROUPS "gpus:1")
      if(HIPKB_CTEST_GPU_LOCK)
        set_tests_properties(${test} PROPERTIES RESOURCE_LOCK hipkb_gpu)
      endif()
    endif()
  endif()
endfunction()

function(_hipkb_record_manifest_entry)
  cmake_parse_arguments(E "" "TEST;TARGET;CPU_TARGET;KIND;PROBLEM;LEVEL;SPEC;RUN;SAMPLE;SOURCE;METADATA;LOG" "" ${ARGN})
  foreach(_field TEST KIND PROBLEM SPEC SOURCE)
    _hipkb_json_string(_${_field} "${E_${_field}}")
  endforeach()
  foreach(_field RUN SAMPLE METADATA LOG)
    _hipkb_json_or_null(_${_field} "${E_${_field}}")
  endforeach()
  set(_cpu_executable "null")
  if(E_CPU_TARGET)
    set(_cpu_executable "\"$<TARGET_FILE:${E_CPU_TARGET}>\"")
  endif()
  set(_entry "    {\"test\": ${_TEST}, \"executable\": \"$<TARGET_FILE:${E_TARGET}>\", \"cpu_executable\": ${_cpu_executable}, \"kind\": ${_KIND}, \"problem\": ${_PROBLEM}, \"level\": ${E_LEVEL}, \"spec\": ${_SPEC}, \"run\": ${_RUN}, \"sample\": ${_SAMPLE}, \"source\": ${_SOURCE}, \"metadata\": ${_METADATA}, \"compile_log\": ${_LOG}}")
  set_property(GLOBAL APPEND PROPERTY HIPKB_MANIFEST_ENTRIES "${_entry}")
endfunction()

function(hipkb_add_problem dir)
  get_filename_component(_problem "${dir}" NAME)
  get_filename_component(_level_dir "${dir}" DIRECTORY)
  get_filename_component(_level_name "${_level_dir}" NAME)
  if(NOT _level_name MATCHES "^level([0-9]+)$")
    message(WARNING "hipkb: ${dir}: problems live in reference/level<N>/<problem>/; skipping this folder")
    return()
  endif()
  set(_level "${CMAKE_MATCH_1}")
  file(READ "${dir}/spec.json" _spec_text)
  string(JSON _spec_name ERROR_VARIABLE _spec_error GET "${_spec_text}" name)
  if(_spec_error)
    message(FATAL_ERROR "hipkb: ${dir}/spec.json: cannot read field 'name': ${_spec_error}")
  endif()
  if(NOT _spec_name STREQUAL _problem)
    message(FATAL_ERROR "hipkb: ${dir}/spec.json: field 'name' is '${_spec_name}' but the folder is '${_problem}'; they must match")
  endif()
  if(NOT _problem MATCHES "^[A-Za-z0-9_]+$")
    message(FATAL_ERROR "hipkb: ${dir}: a problem's name may use letters, digits and '_' only")
  endif()
  # A problem made by `hipkb import` (an "imported" block in its spec) has no
  # golden: its reference is the truth, and the golden check is skipped.
  string(JSON _imported ERROR_VARIABLE _not_imported GET "${_spec_text}" imported)
  set(_golden "")
  if(EXISTS "${dir}/golden.cpp")
    set(_golden hipkb_golden_${_problem})
    _hipkb_add_module(${_golden} "${dir}/golden.cpp" OFF)
  elseif(_not_imported)
    message(FATAL_ERROR "hipkb: problem ${_problem} has no golden.cpp in ${dir} (only an imported problem, one with an \"imported\" block in its spec, may go without)")
  elseif(HIPKB_PLATFORM STREQUAL "host")
    message(STATUS "hipkb: imported problem ${_problem} has no golden.cpp, which the host platform runs as its reference; not built here")
    return()
  endif()
  if(HIPKB_PLATFORM STREQUAL "host")
    set(_reference ${_golden})
    set(_reference_source "${dir}/golden.cpp")
    set(_golden_for_bench "")
  else()
    if(NOT EXISTS "${dir}/reference.hip")
      message(FATAL_ERROR "hipkb: problem ${_problem} has no reference.hip in ${dir}")
    endif()
    set(_reference hipkb_reference_${_problem})
    set(_reference_source "${dir}/reference.hip")
    _hipkb_add_module(${_reference} "${_reference_source}" ON)
    set(_golden_for_bench "${_golden}")
  endif()
  set_property(GLOBAL APPEND PROPERTY HIPKB_PROBLEMS ${_problem})
  set_property(GLOBAL PROPERTY HIPKB_PROBLEM_${_problem}_REFERENCE ${_reference})
  set_property(GLOBAL PROPERTY HIPKB_PROBLEM_${_problem}_LEVEL ${_level})
  set_property(GLOBAL PROPERTY HIPKB_PROBLEM_${_problem}_SPEC "${dir}/spec.json")

  set(_target hipkb_bench_${_problem}__reference)
  set(_test hipkb.bench.${_problem}.reference)
  _hipkb_add_bench_executable(${_target} ${_test} ${_problem} ${_level} "${dir}/spec.json"
                              ${_reference} "${_golden_for_bench}" "" "" "" "")
  set(_cpu_target "")
  if(HIPKB_CPU_EXECUTION_ENABLED)
    # The reference proved against its golden on the CPU: hipkb.cpu.<problem>.reference.
    set(_cpu_reference hipkb_cpu_reference_${_problem})
    hipkb_add_cpu_module(${_cpu_reference} "${_reference_source}" "")
    set_property(GLOBAL PROPERTY HIPKB_PROBLEM_${_problem}_CPU_REFERENCE ${_cpu_reference})
    set(_cpu_target hipkb_cpu_bench_${_problem}__reference)
    _hipkb_add_bench_executable(${_cpu_target} hipkb.cpu.${_problem}.reference ${_problem} ${_level} "${dir}/spec.json"
                                ${_cpu_reference} "${_golden}" "" "" "" "" EXECUTION cpu)
  endif()
  _hipkb_record_manifest_entry(TEST ${_test} TARGET ${_target} CPU_TARGET "${_cpu_target}" KIND reference PROBLEM ${_problem}
                               LEVEL ${_level} SPEC "${dir}/spec.json" SOURCE "${_reference_source}")
  if(NOT HIPKB_PLATFORM STREQUAL "host")
    hipkb_add_vendor_baselines("${dir}" ${_problem} ${_level} ${_reference})
  endif()
endfunction()

# The problem's vendor/<library>.{hip,cu} baselines whose library was found
# (cmake/HipkbVendor.cmake), each timed and checked like a candidate of run
# "vendor": bench hipkb.bench.<problem>.vendor.<library>, series
# "<problem>/vendor/<library>". Guarded like candidates, so a library
# version the source does not suit is a compile_error result, not a broken build.
function(hipkb_add_vendor_baselines dir problem level reference)
  file(GLOB _sources LIST_DIRECTORIES false CONFIGURE_DEPENDS "${dir}/vendor/*.hip" "${dir}/vendor/*.cu")
  list(SORT _sources)
  foreach(_source IN LISTS _sources)
    get_filename_component(_library "${_source}" NAME_WE)
    get_filename_component(_extension "${_source}" LAST_EXT)
    if(NOT _library IN_LIST HIPKB_VENDOR_LIBRARIES_NVIDIA AND NOT _library IN_LIST HIPKB_VENDOR_LIBRARIES_AMD)
      message(WARNING "hipkb: ${_source}: '${_library}' is not a vendor library hipkb knows "
                      "(${HIPKB_VENDOR_LIBRARIES_NVIDIA};${HIPKB_VENDOR_LIBRARIES_AMD}); not built")
      continue()
    endif()
    hipkb_vendor_library_usable(${_library} _usable)
    # .cu is CUDA only; a library of the other platform is never found here.
    if(NOT _usable OR (_extension STREQUAL ".cu" AND NOT HIPKB_PLATFORM STREQUAL "nvidia"))
      set_property(GLOBAL APPEND PROPERTY HIPKB_VENDOR_SKIPPED "${problem}/${_library}")
      continue()
    endif()
    set(_id "${problem}__vendor__${_library}")
    set(_module hipkb_vendor_${problem}__${_library})
    set(_log "${CMAKE_CURRENT_BINARY_DIR}/compile-logs/${_id}.log")
    file(MAKE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/compile-logs")
    _hipkb_add_module(${_module} "${_source}" ON VENDOR)
    hipkb_link_vendor_library(${_module} ${_library})
    hipkb_guard_compile(${_module} "${_source}" "${_log}")
    set(_test hipkb.bench.${problem}.vendor.${_library})
    set(_target hipkb_bench_${_id})
    _hipkb_add_bench_executable(${_target} ${_test} ${problem} ${level} "${dir}/spec.json"
                                ${reference} "" ${_module} vendor ${_library} "${_log}")
    _hipkb_record_manifest_entry(TEST ${_test} TARGET ${_target} KIND vendor PROBLEM ${problem}
                                 LEVEL ${level} SPEC "${dir}/spec.json" RUN vendor SAMPLE ${_library}
                                 SOURCE "${_source}" LOG "${_log}")
    set_property(GLOBAL APPEND PROPERTY HIPKB_VENDOR_BUILT "${problem}/${_library}")
  endforeach()
endfunction()

function(hipkb_add_candidate file)
  file(RELATIVE_PATH _relative "${HIPKB_GENERATED_DIR}" "${file}")
  string(REPLACE "/" ";" _parts "${_relative}")
  list(GET _parts 0 _run)
  list(GET _parts 1 _problem)
  get_filename_component(_sample "${file}" NAME_WE)
  if(_run STREQUAL "vendor")
    # hipkb.bench.<problem>.vendor.<library> names the vendor baselines.
    message(WARNING "hipkb: ${file}: a run may not be named 'vendor' (the name of the vendor baselines); not built")
    return()
  endif()
  get_property(_reference GLOBAL PROPERTY HIPKB_PROBLEM_${_problem}_REFERENCE)
  if(NOT _reference)
    message(WARNING "hipkb: candidate ${file} is for problem '${_problem}', which is not under ${HIPKB_REFERENCE_DIR}; it is not built")
    return()
  endif()
  get_property(_level GLOBAL PROPERTY HIPKB_PROBLEM_${_problem}_LEVEL)
  get_property(_spec GLOBAL PROPERTY HIPKB_PROBLEM_${_problem}_SPEC)
  string(MAKE_C_IDENTIFIER "${_problem}__${_run}__${_sample}" _id)
  set(_module hipkb_candidate_${_id})
  set(_log "${CMAKE_CURRENT_BINARY_DIR}/compile-logs/${_id}.log")
  file(MAKE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/compile-logs")
  _hipkb_add_module(${_module} "${file}" ON)
  hipkb_guard_compile(${_module} "${file}" "${_log}")
  if(HIPKB_POLICY_CHECK_ENABLED)
    # The bench reads it before it trusts the candidate (forbidden_host_code).
    hipkb_add_policy_check(${_module} "${file}" "${CMAKE_CURRENT_BINARY_DIR}/compile-logs/${_id}.policy.json")
  endif()

  string(MAKE_C_IDENTIFIER "${_run}" _run_id)
  string(MAKE_C_IDENTIFIER "${_sample}" _sample_id)
  set(_test hipkb.bench.${_problem}.${_run_id}.${_sample_id})
  set(_target hipkb_bench_${_id})
  get_filename_component(_dir "${file}" DIRECTORY)
  set(_metadata "")
  if(EXISTS "${_dir}/${_sample}.json")
    set(_metadata "${_dir}/${_sample}.json")
  endif()
  _hipkb_add_bench_executable(${_target} ${_test} ${_problem} ${_level} "${_spec}"
                              ${_reference} "" ${_module} "${_run}" "${_sample}" "${_log}")
  set(_cpu_target "")
  if(HIPKB_CPU_EXECUTION_ENABLED)
    get_property(_cpu_reference GLOBAL PROPERTY HIPKB_PROBLEM_${_problem}_CPU_REFERENCE)
    set(_cpu_module hipkb_cpu_candidate_${_id})
    set(_cpu_log "${CMAKE_CURRENT_BINARY_DIR}/compile-logs/${_id}.cpu.log")
    hipkb_add_cpu_module(${_cpu_module} "${file}" "${_cpu_log}")
    set(_cpu_target hipkb_cpu_bench_${_id})
    _hipkb_add_bench_executable(${_cpu_target} hipkb.cpu.${_problem}.${_run_id}.${_sample_id} ${_problem} ${_level}
                                "${_spec}" ${_cpu_reference} "" ${_cpu_module} "${_run}" "${_sample}" "${_log}"
                                EXECUTION cpu CPU_LOG "${_cpu_log}")
    # The GPU compile gives the compile verdict the CPU twin reports.
    add_dependencies(${_cpu_target} ${_module})
  endif()
  _hipkb_record_manifest_entry(TEST ${_test} TARGET ${_target} CPU_TARGET "${_cpu_target}" KIND candidate PROBLEM ${_problem}
                               LEVEL ${_level} SPEC "${_spec}" RUN "${_run}" SAMPLE "${_sample}"
                               SOURCE "${file}" METADATA "${_metadata}" LOG "${_log}")
endfunction()

function(hipkb_write_manifest)
  get_property(_entries GLOBAL PROPERTY HIPKB_MANIFEST_ENTRIES)
  list(JOIN _entries ",\n" _body)
  _hipkb_json_string(_platform "${HIPKB_PLATFORM}")
  if(HIPKB_PLATFORM STREQUAL "amd")
    set(_targets "${HIPKB_GPU_TARGETS}")
  elseif(HIPKB_PLATFORM STREQUAL "nvidia")
    set(_targets "${CMAKE_CUDA_ARCHITECTURES}")
  else()
    set(_targets "")
  endif()
  _hipkb_json_string(_gpu_targets "${_targets}")
  _hipkb_json_string(_compiler "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}")
  _hipkb_json_string(_source "${PROJECT_SOURCE_DIR}")
  _hipkb_json_string(_results "${HIPKB_RESULTS_DIR}")
  file(GENERATE OUTPUT "${CMAKE_BINARY_DIR}/hipkb_manifest.json" CONTENT
"{
  \"schema_version\": 1,
  \"platform\": ${_platform},
  \"gpu_targets\": ${_gpu_targets},
  \"compiler\": ${_compiler},
  \"source_dir\": ${_source},
  \"results_dir\": ${_results},
  \"benches\": [
${_body}
  ]
}
")
endfunction()
