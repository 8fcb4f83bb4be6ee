# The source policy check for candidates' host code (docs/trust.md, "The
# source policy"): needs libclang (Debian: libclang-15-dev).
#
#   HIPKB_POLICY_CHECK   auto (default): on when libclang is found; on (an
#                        error without it); off
#
# Defines HIPKB_POLICY_CHECK_ENABLED and, when it is on,
# HIPKB_LIBCLANG_INCLUDE_DIR and HIPKB_LIBCLANG_LIBRARY.
set(HIPKB_POLICY_CHECK "auto" CACHE STRING "Check candidates' host code with libclang before trusting them: auto, on or off")
set_property(CACHE HIPKB_POLICY_CHECK PROPERTY STRINGS auto on off)

macro(hipkb_setup_policy_check)
  string(TOLOWER "${HIPKB_POLICY_CHECK}" _hipkb_policy_mode)
  if(NOT _hipkb_policy_mode MATCHES "^(auto|on|off)$")
    message(FATAL_ERROR "HIPKB_POLICY_CHECK is '${HIPKB_POLICY_CHECK}'; expected auto, on or off")
  endif()
  set(HIPKB_POLICY_CHECK_ENABLED OFF)
  if(_hipkb_policy_mode STREQUAL "off")
    message(STATUS "hipkb: source policy check off (HIPKB_POLICY_CHECK=off): candidates' host code is not checked")
  else()
    set(_hipkb_llvm_hints /usr/lib/llvm-15 /usr/lib/llvm-16 /usr/lib/llvm-17 /usr/lib/llvm-18 /usr/lib/llvm-14)
    find_path(HIPKB_LIBCLANG_INCLUDE_DIR clang-c/Index.h HINTS ${_hipkb_llvm_hints} PATH_SUFFIXES include
              DOC "Folder holding clang-c/Index.h (libclang's C API)")
    find_library(HIPKB_LIBCLANG_LIBRARY NAMES clang-15 clang clang-16 clang-17 clang-18 clang-14
                 HINTS ${_hipkb_llvm_hints} PATH_SUFFIXES lib DOC "libclang, for the source policy check")
    if(HIPKB_LIBCLANG_INCLUDE_DIR AND HIPKB_LIBCLANG_LIBRARY)
      set(HIPKB_POLICY_CHECK_ENABLED ON)
      message(STATUS "hipkb: source policy check on (${HIPKB_LIBCLANG_LIBRARY}): every candidate's host code is parsed before it is run")
    elseif(_hipkb_policy_mode STREQUAL "on")
      message(FATAL_ERROR "HIPKB_POLICY_CHECK=on needs libclang: apt-get install libclang-15-dev")
    else()
      message(STATUS "hipkb: source policy check off: libclang was not found (apt-get install libclang-15-dev); candidates' host code is not checked")
    endif()
  endif()
endmacro()

# <module>.policy.json for a candidate's <source>, written by
# hipkb_policy_check before <module> is built (so before any bench that
# loads it). The parse sees what the CPU twin compiles: the layer's headers
# (as system headers, not checked) and the candidate's own folder.
function(hipkb_add_policy_check module source json)
  get_filename_component(_source_dir "${source}" DIRECTORY)
  set(_parse_args -isystem "${PROJECT_SOURCE_DIR}/harness/include" -I "${_source_dir}")
  set(_mode "")
  if(HIPKB_PLATFORM STREQUAL "host")
    set(_mode --cpp)
  else()
    list(PREPEND _parse_args -isystem "${PROJECT_SOURCE_DIR}/harness/hip_on_cpu/include")
  endif()
  add_custom_command(OUTPUT "${json}"
    COMMAND hipkb_policy_check --source "${source}" --out "${json}" --generated-dir "${HIPKB_GENERATED_DIR}"
            ${_mode} -- ${_parse_args}
    DEPENDS "${source}" hipkb_policy_check
    COMMENT "hipkb: checking the host code of ${source}" VERBATIM)
  add_custom_target(${module}_policy DEPENDS "${json}")
  add_dependencies(${module} ${module}_policy)
  # `cmake --build <dir> --target hipkb_policy_checks` checks every candidate alone.
  if(NOT TARGET hipkb_policy_checks)
    add_custom_target(hipkb_policy_checks)
  endif()
  add_dependencies(hipkb_policy_checks ${module}_policy)
endfunction()
