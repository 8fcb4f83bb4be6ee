# The nvidia platform: HIP sources compiled by nvcc as CUDA, through hipkb's
# own HIP-on-CUDA headers (harness/hip_on_cuda/include), because HIP's
# upstream NVIDIA headers do not compile with CUDA 13.
#
# Included by HipkbPlatform.cmake, which calls:
#   hipkb_setup_nvidia()                  once, after project(), with the
#                                         INTERFACE target hipkb_gpu_runtime made
#   hipkb_configure_nvidia_module(<tgt>)  for every implementation module
#
# Options:
#   CMAKE_CUDA_ARCHITECTURES   what to compile for; default 90 (H100/H200), or
#                              $CUDAARCHS when that is set

set(HIPKB_HIP_ON_CUDA_INCLUDE_DIR "${CMAKE_CURRENT_LIST_DIR}/../harness/hip_on_cuda/include")
get_filename_component(HIPKB_HIP_ON_CUDA_INCLUDE_DIR "${HIPKB_HIP_ON_CUDA_INCLUDE_DIR}" ABSOLUTE)

# A macro, so that HIPKB_GPU_LANGUAGE and the CUDA variables land in the
# caller's scope (the top-level directory).
macro(hipkb_setup_nvidia)
  # Must be decided before enable_language(CUDA), which would otherwise pick
  # nvcc's own default (the oldest architecture it supports). CMake's own
  # CUDAARCHS environment variable still wins when it is set.
  if((NOT DEFINED CMAKE_CUDA_ARCHITECTURES OR CMAKE_CUDA_ARCHITECTURES STREQUAL "") AND NOT DEFINED ENV{CUDAARCHS})
    set(CMAKE_CUDA_ARCHITECTURES 90 CACHE STRING "CUDA architectures to compile HIP sources for (nvidia platform)" FORCE)
  endif()
  if(NOT DEFINED CMAKE_CUDA_STANDARD)
    # C++17: CMake 3.25 knows no C++20 flag for nvcc, and C++17 is what HIP
    # code is commonly written for. The layer's headers compile as C++17 and
    # C++20 (pass CMAKE_CUDA_STANDARD with a newer CMake to choose).
    set(CMAKE_CUDA_STANDARD 17)
    set(CMAKE_CUDA_STANDARD_REQUIRED ON)
    set(CMAKE_CUDA_EXTENSIONS OFF)
  endif()
  enable_language(CUDA)
  find_package(CUDAToolkit REQUIRED)
  if(CMAKE_CUDA_COMPILER_VERSION VERSION_LESS 12.0)
    message(FATAL_ERROR "hipkb's nvidia platform needs CUDA 12 or newer; ${CMAKE_CUDA_COMPILER} is ${CMAKE_CUDA_COMPILER_VERSION}")
  endif()
  set(HIPKB_GPU_LANGUAGE CUDA)
  # The shared runtime, so the harness and every dlopen'ed module share one
  # CUDA runtime (one set of streams, events and error state).
  target_link_libraries(hipkb_gpu_runtime INTERFACE CUDA::cudart)
  target_include_directories(hipkb_gpu_runtime INTERFACE "${HIPKB_HIP_ON_CUDA_INCLUDE_DIR}")
  message(STATUS "hipkb: nvidia platform: nvcc ${CMAKE_CUDA_COMPILER_VERSION} (${CMAKE_CUDA_COMPILER}), "
                 "CUDA architectures ${CMAKE_CUDA_ARCHITECTURES}, HIP through ${HIPKB_HIP_ON_CUDA_INCLUDE_DIR}")
endmacro()

# Makes <target> compile its .hip sources with nvcc as CUDA for
# CMAKE_CUDA_ARCHITECTURES, against the shared CUDA runtime, with hidden
# visibility (the caller adds the version script exporting only hipkb_run).
function(hipkb_configure_nvidia_module target)
  get_target_property(_sources ${target} SOURCES)
  foreach(_source IN LISTS _sources)
    if(_source MATCHES "\\.hip$")
      set_source_files_properties(${_source} TARGET_DIRECTORY ${target} PROPERTIES LANGUAGE CUDA)
    endif()
  endforeach()
  set_target_properties(${target} PROPERTIES
    CUDA_RUNTIME_LIBRARY Shared
    CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}"
    CUDA_SEPARABLE_COMPILATION OFF)
  target_link_libraries(${target} PRIVATE hipkb::gpu_runtime)
  # --expt-relaxed-constexpr and --extended-lambda give nvcc HIP-Clang's
  # rules: constexpr functions (std::min, std::max, ...) are callable from
  # device code, and __device__ lambdas may be passed to kernels.
  target_compile_options(${target} PRIVATE
    "$<$<COMPILE_LANGUAGE:CUDA>:-Xcompiler=-fvisibility=hidden;--expt-relaxed-constexpr;--extended-lambda>")
endfunction()
