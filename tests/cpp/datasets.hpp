#pragma once

// The example datasets of examples/data, for tests: their folder, and the five seed papers
// loaded into one store once.

#include <string>

#include <bestvalue/store.hpp>

namespace bestvalue::testing {

/// The folder of the example datasets, ending in '/'.
[[nodiscard]] std::string examples_dir();

/// A store holding the five seed datasets (000 to 004), loaded once and shared.
[[nodiscard]] const Store& five_papers();

} // namespace bestvalue::testing
