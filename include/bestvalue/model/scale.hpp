#pragma once

/// \file
/// `Scale`: the ordered levels ratings are given on, as data, and the built-in scales.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// One level of a scale.
struct ScaleLevel {
    std::string code;  ///< how ratings name it: 'fair', '3'
    std::string label; ///< how it is shown: 'Fair', '3 out of 4'
    double value = 0;  ///< its rank as a number

    friend bool operator==(const ScaleLevel&, const ScaleLevel&) = default;
};

/// An ordered set of levels, lowest first: CPA's 1-4 scores, Poor…Excellent, stars.
struct Scale : Record {
    std::string name;
    std::vector<ScaleLevel> levels;

    /// The level with `code`, if the scale has one.
    [[nodiscard]] const ScaleLevel* find_level(std::string_view code) const noexcept;

    friend bool operator==(const Scale&, const Scale&) = default;
};

/// The scales every store has: cpa-score, cpa-category, cpa-stars, social-services-stars,
/// social-services-serving-people, social-services-capacity, direction-of-travel, common-1-4,
/// caa-organisational-assessment, inspection-judgement, equality-standard.
[[nodiscard]] const std::vector<Scale>& builtin_scales();

} // namespace bestvalue
