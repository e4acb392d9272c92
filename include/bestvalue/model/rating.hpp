#pragma once

/// \file
/// `Rating`: a level on a scale for a subject at a date.

#include <optional>
#include <string>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// A level on a scale given to an organisation (or one of its services) at a date, usually by
/// an assessment: Oxfordshire 'Fair' in CPA 2002.
struct Rating : Record {
    std::string scale;        ///< scale id
    std::string level;        ///< a level code of that scale
    std::string subject;      ///< organisation id
    std::string service_area; ///< id; empty when the rating is of the whole body
    std::string component;    ///< 'corporate assessment', when not a service area
    std::optional<Date> date;
    std::string assessment; ///< id of the assessment that gave it; may be empty
    std::string text;       ///< as written: '2 out of 4'

    friend bool operator==(const Rating&, const Rating&) = default;
};

} // namespace bestvalue
