#pragma once

// The collections the benchmarks run on: the five example datasets (always there), or a
// generated collection named by the environment variable BESTVALUE_BENCH_DATA. Every target
// including this defines BESTVALUE_EXAMPLES_DIR (benchmarks/CMakeLists.txt).

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <bestvalue/io/json.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue::bench {

/// The five example datasets' files, in the order their ids build on each other.
inline std::vector<std::string> example_dataset_paths() {
    std::vector<std::string> paths;
    for (const char* name : {"000-oxfordshire-cpa-improvement-strategy-2003.json",
                             "001-oxfordshire-raising-our-performance-2003.json",
                             "002-city-council-best-value-programme-2003.json",
                             "003-rochford-cpa-improvement-plan-2009.json",
                             "004-cannock-chase-direction-of-travel-2009.json"}) {
        paths.push_back(std::string(BESTVALUE_EXAMPLES_DIR) + "/" + name);
    }
    return paths;
}

/// The five example datasets in one store.
inline Store five_papers() {
    Store loaded;
    for (const auto& path : example_dataset_paths()) {
        read_json_file(loaded, path);
    }
    return loaded;
}

/// The file BESTVALUE_BENCH_DATA names, if it is set and not empty.
inline std::optional<std::string> bench_data_path() {
    if (const char* path = std::getenv("BESTVALUE_BENCH_DATA"); path != nullptr && *path != 0) {
        return std::string(path);
    }
    return std::nullopt;
}

/// The collection BESTVALUE_BENCH_DATA names, else the five example datasets.
inline Store bench_collection() {
    if (const auto path = bench_data_path()) {
        return load_json_file(*path);
    }
    return five_papers();
}

} // namespace bestvalue::bench
