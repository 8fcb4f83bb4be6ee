# Configures a compile-only hipkb build for PLATFORM, builds every module
# (target hipkb_modules), then runs CHECKER over it. Prints "SKIPPED: ..." and
# stops when that platform's compiler is not on this machine.
foreach(_var PLATFORM SOURCE_DIR BUILD_DIR GENERATOR CHECKER)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "compile_corpus.cmake needs -D${_var}=...")
  endif()
endforeach()

if(PLATFORM STREQUAL "nvidia")
  find_program(_nvcc nvcc HINTS "$ENV{CUDA_PATH}/bin" /usr/local/cuda/bin)
  if(NOT _nvcc)
    message("SKIPPED: nvcc not found (PATH, $CUDA_PATH/bin, /usr/local/cuda/bin); the nvidia compile test needs the CUDA toolkit")
    return()
  endif()
elseif(PLATFORM STREQUAL "amd")
  find_program(_clang15 clang++-15)
  if(NOT EXISTS /opt/rocm/lib/cmake/hip/hip-config.cmake
     AND NOT (EXISTS /usr/lib/x86_64-linux-gnu/cmake/hip/hip-config.cmake AND _clang15))
    message("SKIPPED: no ROCm (neither /opt/rocm nor Debian's libamdhip64-dev with clang++-15); the amd compile test needs it")
    return()
  endif()
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BUILD_DIR} -G ${GENERATOR}
          -DHIPKB_PLATFORM=${PLATFORM} -DHIPKB_ENABLE_TESTING=OFF
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "configuring the ${PLATFORM} build failed (exit ${_rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target hipkb_modules -j2 RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "building the ${PLATFORM} modules failed (exit ${_rc}): a reference does not compile")
endif()
execute_process(COMMAND ${CHECKER} ${BUILD_DIR} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the ${PLATFORM} build's compile results are not as expected (exit ${_rc})")
endif()
