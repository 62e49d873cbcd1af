# SPDX-License-Identifier: GPL-3.0-or-later
# Compiler flags shared by every target of ours.
#
# Strict IEEE semantics: no fast-math, and no contraction of a*b+c into a fused multiply-add
# behind our back (that would change the rounding the labs claim to show). Explicit FMAs, such
# as Eigen's pmadd in matrix products, are still used: they are single IEEE operations.
#
# LOGITLAB_ARCH picks the instruction set: "auto" uses x86-64-v3 (AVX2, FMA) when the build
# machine runs it, else the compiler's baseline. Set it to "" for a portable binary. The two
# differ in the last bits (no FMA: Eigen's pmadd is a multiply then an add; 4-float packets sum
# in another order), so no test may rely on those bits; `./dev portable` tests that build.
include(CheckCXXSourceRuns)
set(LOGITLAB_ARCH "auto" CACHE STRING "-march value for our targets: auto, empty, or e.g. x86-64-v3")
if(LOGITLAB_ARCH STREQUAL "auto")
  set(CMAKE_REQUIRED_FLAGS "-march=x86-64-v3")
  check_cxx_source_runs("
    int main() { __builtin_cpu_init();
      return (__builtin_cpu_supports(\"avx2\") && __builtin_cpu_supports(\"fma\")) ? 0 : 1; }"
    LOGITLAB_HOST_HAS_X86_64_V3)
  unset(CMAKE_REQUIRED_FLAGS)
  if(LOGITLAB_HOST_HAS_X86_64_V3)
    set(LOGITLAB_MARCH "x86-64-v3")
  else()
    set(LOGITLAB_MARCH "")
  endif()
else()
  set(LOGITLAB_MARCH "${LOGITLAB_ARCH}")
endif()
message(STATUS "LogitLab: -march=${LOGITLAB_MARCH}")

# LOGITLAB_SANITIZE builds our targets with AddressSanitizer (and LeakSanitizer) + UBSan; any
# undefined behaviour aborts (-fno-sanitize-recover), so a test that triggers it fails.
# LOGITLAB_FUZZ (clang) adds libFuzzer's coverage instrumentation with the same sanitizers; the
# fuzz/ targets then link libFuzzer's main.
option(LOGITLAB_SANITIZE "Build with -fsanitize=address,undefined (ASan + UBSan)" OFF)
option(LOGITLAB_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang)" OFF)
set(LOGITLAB_SANITIZER_FLAGS "")
if(LOGITLAB_SANITIZE OR LOGITLAB_FUZZ)
  set(LOGITLAB_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
                               -fno-omit-frame-pointer)
endif()
if(LOGITLAB_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "LOGITLAB_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++")
endif()

function(logitlab_strict_target target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wno-psabi
    # GCC 12 reports a false -Wrestrict inside libstdc++'s std::string (GCC bug 105329).
    $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>
    -fno-fast-math -ffp-contract=off -fno-finite-math-only)
  if(LOGITLAB_MARCH)
    target_compile_options(${target} PRIVATE -march=${LOGITLAB_MARCH})
  endif()
  if(LOGITLAB_SANITIZER_FLAGS)
    target_compile_options(${target} PRIVATE ${LOGITLAB_SANITIZER_FLAGS})
    target_link_options(${target} PRIVATE ${LOGITLAB_SANITIZER_FLAGS})
  endif()
  if(LOGITLAB_FUZZ)
    # Line tables only: enough for symbolized stack traces, far cheaper to compile than -g.
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link -gline-tables-only)
  endif()
endfunction()

# Options every Qt-using target of ours shares (STYLE.md: no keywords, no implicit ASCII casts).
function(logitlab_qt_target target)
  logitlab_strict_target(${target})
  target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII
                             QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING)
endfunction()
