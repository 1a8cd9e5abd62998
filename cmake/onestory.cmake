# Helpers shared by every src/ folder: one library target per folder, unit tests
# and micro-benchmarks beside the code, and files embedded into the binary.

# onestory_library(NAME SOURCES ... DEPENDS ...)
# Declares library onestory_NAME from the non-test sources of the folder.
function(onestory_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;PRIVATE" ${ARGN})
    add_library(onestory_${name} STATIC ${ARG_SOURCES})
    target_include_directories(onestory_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(onestory_${name} PUBLIC ${ARG_DEPENDS} PRIVATE ${ARG_PRIVATE})
endfunction()

# onestory_unit_test(NAME SOURCES ... DEPENDS ...): a GoogleTest binary run by ctest.
function(onestory_unit_test name)
    if(NOT ONESTORY_TESTS)
        return()
    endif()
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_DEPENDS} GTest::gtest GTest::gtest_main GTest::gmock)
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)
endfunction()

# onestory_benchmark(NAME SOURCES ... DEPENDS ...): a Google Benchmark binary (not run by ctest).
function(onestory_benchmark name)
    if(NOT ONESTORY_BENCHMARKS)
        return()
    endif()
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_DEPENDS} benchmark::benchmark benchmark::benchmark_main)
endfunction()

# onestory_embed(OUTPUT_CPP NAMESPACE ns ROOT dir FILES f1 f2 ...)
# Generates a .cpp defining `std::span<const EmbeddedFile> ns::Files()` whose
# entries hold each file's path relative to ROOT and its bytes.
function(onestory_embed out_cpp)
    cmake_parse_arguments(ARG "" "NAMESPACE;ROOT" "FILES" ${ARGN})
    add_custom_command(
        OUTPUT ${out_cpp}
        COMMAND onestory_embed ${out_cpp} ${ARG_NAMESPACE} ${ARG_ROOT} ${ARG_FILES}
        DEPENDS onestory_embed ${ARG_FILES}
        COMMENT "Embedding ${ARG_NAMESPACE}"
        VERBATIM)
endfunction()
