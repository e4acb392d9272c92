#pragma once

/// \file
/// `Document`: the paper facts come from.

#include <optional>
#include <string>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// A council paper, letter or report: what any entity may cite. Its date is the reference date
/// for the date text of what cites it. `visibility` records Part 1 (public) or exempt.
struct Document : Record {
    std::string title;
    std::string organisation; ///< id of the body whose paper it is; may be empty
    std::string meeting;      ///< 'Executive'
    std::optional<Date> date; ///< the meeting or paper date
    std::string author;
    std::string contact;
    std::string item;   ///< agenda item: 'EX7'
    std::string status; ///< as written: 'draft'
    std::string source; ///< the file the text came from

    friend bool operator==(const Document&, const Document&) = default;
};

} // namespace bestvalue
