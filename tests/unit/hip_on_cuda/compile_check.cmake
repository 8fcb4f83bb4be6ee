# One compile test of the HIP-on-CUDA layer (tests/unit/hip_on_cuda).
#
#   cmake -DCOMPILER=<exe> "-DFLAGS=<flags joined by |>" -DSOURCE=<file>
#         -DOBJECT=<file> -DMODE=compile|unmapped -P compile_check.cmake
#
# compile:  SOURCE must compile.
# unmapped: SOURCE must compile as it is (the control: the test file itself is
#           sound) and must fail once HIPKB_EXPECT_ERROR is defined, with
#           compiler output matching the regex on SOURCE's
#           "// expect-error: <regex>" line (the unmapped HIP symbol's name).
foreach(_var COMPILER SOURCE OBJECT MODE)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "compile_check.cmake: ${_var} is not set")
  endif()
endforeach()
string(REPLACE "|" ";" FLAGS "${FLAGS}")

function(_hoc_compile out_rc out_text)
  execute_process(COMMAND "${COMPILER}" ${FLAGS} ${ARGN} -c "${SOURCE}" -o "${OBJECT}"
                  RESULT_VARIABLE _rc OUTPUT_VARIABLE _text ERROR_VARIABLE _text)
  set(${out_rc} "${_rc}" PARENT_SCOPE)
  set(${out_text} "${_text}" PARENT_SCOPE)
endfunction()

_hoc_compile(_rc _text)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} does not compile (exit ${_rc}):\n${_text}")
endif()
if(MODE STREQUAL "compile")
  message(STATUS "compiled ${SOURCE}")
  return()
endif()

file(STRINGS "${SOURCE}" _expect_lines REGEX "^// expect-error: ")
list(LENGTH _expect_lines _count)
if(NOT _count EQUAL 1)
  message(FATAL_ERROR "${SOURCE} must have exactly one '// expect-error: <regex>' line")
endif()
string(REGEX REPLACE "^// expect-error: " "" _expect "${_expect_lines}")

_hoc_compile(_rc _text -DHIPKB_EXPECT_ERROR)
if(_rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled with HIPKB_EXPECT_ERROR defined; the unmapped use must be a compile error")
endif()
if(NOT _text MATCHES "${_expect}")
  message(FATAL_ERROR "${SOURCE} failed to compile, but the output does not match '${_expect}':\n${_text}")
endif()
message(STATUS "${SOURCE}: compile error as expected, matching '${_expect}'")
