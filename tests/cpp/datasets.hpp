#pragma once

// The example datasets of examples/data, for tests: their folder, and the five seed papers
// loaded into one store once; and the start of a small store a test builds itself.

#include <cstddef>
#include <string>
#include <vector>

#include <bestvalue/store.hpp>

namespace bestvalue::testing {

/// The folder of the example datasets, ending in '/'.
[[nodiscard]] std::string examples_dir();

/// The file names of the five seed datasets (000 to 004), in order, in `examples_dir()`.
[[nodiscard]] const std::vector<std::string>& seed_datasets();

/// A store holding the five seed datasets (000 to 004), loaded once and shared.
[[nodiscard]] const Store& five_papers();

/// Contents holding one organisation, "council" ("A Council"), and one plan of it,
/// "council/plan", for a test to add its own actions and updates to.
[[nodiscard]] Contents council_with_a_plan();

/// Action `number` of that plan: id "council/plan/<number>", ref "<number>", nothing else.
[[nodiscard]] Action council_action(std::size_t number);

/// An officer of `organisation`: its post and the abbreviation it goes by, nothing else.
[[nodiscard]] Officer officer(std::string id, std::string organisation, std::string post,
                              std::string abbreviation);

} // namespace bestvalue::testing
