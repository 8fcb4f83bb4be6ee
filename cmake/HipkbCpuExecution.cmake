# The cpu execution layer: every reference and candidate .hip is also built
# for the CPU (harness/hip_on_cpu), so a machine without a usable GPU still
# gives real correctness verdicts.
#
#   HIPKB_CPU_EXECUTION   auto (default): on when no GPU device node is seen
#                         (/dev/kfd, /dev/nvidiactl) and the platform builds
#                         .hip sources (amd, nvidia); on; off
#
# Defines HIPKB_CPU_EXECUTION_ENABLED and, when it is on, the function
#   hipkb_add_cpu_module(<target> <source> <guard_log or "">)
set(HIPKB_CPU_EXECUTION "auto" CACHE STRING "Also build every .hip for CPU execution: auto, on or off")
set_property(CACHE HIPKB_CPU_EXECUTION PROPERTY STRINGS auto on off)

macro(hipkb_setup_cpu_execution)
  string(TOLOWER "${HIPKB_CPU_EXECUTION}" _hipkb_cpu_mode)
  if(NOT _hipkb_cpu_mode MATCHES "^(auto|on|off)$")
    message(FATAL_ERROR "HIPKB_CPU_EXECUTION is '${HIPKB_CPU_EXECUTION}'; expected auto, on or off")
  endif()
  set(HIPKB_CPU_EXECUTION_ENABLED OFF)
  set(_hipkb_cpu_why "")
  if(_hipkb_cpu_mode STREQUAL "off")
    set(_hipkb_cpu_why "HIPKB_CPU_EXECUTION=off")
  elseif(HIPKB_PLATFORM STREQUAL "host")
    set(_hipkb_cpu_why "the host platform has C++ candidates, not .hip")
    if(_hipkb_cpu_mode STREQUAL "on")
      message(FATAL_ERROR "HIPKB_CPU_EXECUTION=on needs a platform that builds .hip sources (amd or nvidia), not host")
    endif()
  elseif(_hipkb_cpu_mode STREQUAL "auto" AND (EXISTS /dev/kfd OR EXISTS /dev/nvidiactl))
    set(_hipkb_cpu_why "a GPU device node is present (set HIPKB_CPU_EXECUTION=on to build it anyway)")
  else()
    find_package(Boost 1.70 QUIET COMPONENTS context)
    if(NOT Boost_FOUND)
      if(_hipkb_cpu_mode STREQUAL "on")
        message(FATAL_ERROR "HIPKB_CPU_EXECUTION=on needs Boost.Context: apt-get install libboost-context-dev")
      endif()
      set(_hipkb_cpu_why "Boost.Context was not found (apt-get install libboost-context-dev)")
    else()
      set(HIPKB_CPU_EXECUTION_ENABLED ON)
      set(_hipkb_cpu_why "no GPU device node seen")
      if(_hipkb_cpu_mode STREQUAL "on")
        set(_hipkb_cpu_why "HIPKB_CPU_EXECUTION=on")
      endif()
    endif()
  endif()
  if(HIPKB_CPU_EXECUTION_ENABLED)
    message(STATUS "hipkb: cpu execution on (${_hipkb_cpu_why}): every .hip is also built for the CPU")
  else()
    message(STATUS "hipkb: cpu execution off: ${_hipkb_cpu_why}")
  endif()
endmacro()

# A module of <source> (.hip) for the CPU: the rewriter's output compiled by
# the host C++ compiler against the HIP-on-CPU layer. With a guard log, a
# source that does not rewrite or compile is recorded there, as for GPU
# candidates, and the fallback is built instead.
function(hipkb_add_cpu_module target source guard_log)
  get_filename_component(_source_dir "${source}" DIRECTORY)
  set(_rewritten "${CMAKE_CURRENT_BINARY_DIR}/cpu-sources/${target}.cpp")
  add_custom_command(OUTPUT "${_rewritten}"
    COMMAND hipkb_cpu_rewrite "${source}" "${_rewritten}"
    DEPENDS "${source}" hipkb_cpu_rewrite
    COMMENT "hipkb: rewriting ${source} for the CPU" VERBATIM)
  add_library(${target} MODULE "${_rewritten}")
  target_include_directories(${target} BEFORE PRIVATE
    "${PROJECT_SOURCE_DIR}/harness/hip_on_cpu/include" "${PROJECT_SOURCE_DIR}/harness/include" "${_source_dir}")
  target_link_libraries(${target} PRIVATE hipkb_hip_cpu)
  # GPU compilers do not optimise on strict aliasing the way host compilers
  # do; kernels that reinterpret float* as float4* must mean the same here.
  target_compile_options(${target} PRIVATE -fno-strict-aliasing -w)
  hipkb_export_entry_only(${target} "${CMAKE_CURRENT_BINARY_DIR}/cpu-modules")
  if(guard_log)
    hipkb_guard_compile(${target} "${_rewritten}" "${guard_log}")
  endif()
  if(NOT TARGET hipkb_cpu_modules)
    add_custom_target(hipkb_cpu_modules)
  endif()
  add_dependencies(hipkb_cpu_modules ${target})
endfunction()
