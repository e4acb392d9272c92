#pragma once

/// \file
/// `Recommendation`: what an inspection, audit letter or peer review asked for.

#include <string>

#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// A recommendation, addressed by any number of actions (and whole plans) across plans.
struct Recommendation : Record {
    std::string number; ///< as numbered in the source
    std::string text;
    std::string source;     ///< id of the assessment that made it; may be empty
    std::string source_tag; ///< the source's own tag: 'PR', 'CPA', 'RoP'
    std::string priority;

    friend bool operator==(const Recommendation&, const Recommendation&) = default;
};

} // namespace bestvalue
