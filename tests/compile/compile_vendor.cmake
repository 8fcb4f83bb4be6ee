# Configures a compile-only hipkb build for PLATFORM, builds its vendor-library
# baselines alone (target hipkb_vendor_modules: cuBLAS, cuDNN and CUB on
# nvidia, rocPRIM on amd), then checks that every one compiled. Prints
# "SKIPPED: ..." and stops when that platform's compiler is not here.
foreach(_var PLATFORM SOURCE_DIR BUILD_DIR GENERATOR CHECKER)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "compile_vendor.cmake needs -D${_var}=...")
  endif()
endforeach()

if(PLATFORM STREQUAL "nvidia")
  find_program(_nvcc nvcc HINTS "$ENV{CUDA_PATH}/bin" /usr/local/cuda/bin)
  if(NOT _nvcc)
    message("SKIPPED: nvcc not found (PATH, $CUDA_PATH/bin, /usr/local/cuda/bin); the nvidia vendor baselines need the CUDA toolkit")
    return()
  endif()
elseif(PLATFORM STREQUAL "amd")
  find_program(_clang15 clang++-15)
  if(NOT EXISTS /opt/rocm/lib/cmake/hip/hip-config.cmake
     AND NOT (EXISTS /usr/lib/x86_64-linux-gnu/cmake/hip/hip-config.cmake AND _clang15))
    message("SKIPPED: no ROCm (neither /opt/rocm nor Debian's libamdhip64-dev with clang++-15); the amd vendor baselines need it")
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
# No vendor library found: the target does not exist, and the checker says SKIPPED.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target help OUTPUT_VARIABLE _targets)
if(_targets MATCHES "hipkb_vendor_modules")
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target hipkb_vendor_modules -j2 RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "building the ${PLATFORM} vendor baselines failed (exit ${_rc})")
  endif()
endif()
execute_process(COMMAND ${CHECKER} --vendor-only ${BUILD_DIR} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "a ${PLATFORM} vendor baseline did not compile (exit ${_rc})")
endif()
