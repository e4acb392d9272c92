#pragma once

/// \file
/// `Officer`: the posts, teams and people that lead and deliver work.

#include <optional>
#include <string>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// Someone who held a post, and when.
struct PostHolder {
    std::string name;
    std::optional<Date> from;
    std::optional<Date> to;

    friend bool operator==(const PostHolder&, const PostHolder&) = default;
};

/// A post ('Chief Executive', written 'CEX'), a team ('SMT') or a named person. Actions are led
/// by posts, so they survive staff turnover.
struct Officer : Record {
    std::string organisation; ///< id
    OfficerKind kind = OfficerKind::post;
    std::string post;         ///< 'Senior Performance Management Officer'
    std::string abbreviation; ///< as the council writes it: 'SPMO'
    std::string unit;         ///< directorate or team
    std::vector<PostHolder> holders;

    friend bool operator==(const Officer&, const Officer&) = default;
};

} // namespace bestvalue
