#pragma once

/// \file
/// `Assessment`: any inspection, audit, review or assessment, scheduled or done.

#include <optional>
#include <string>
#include <vector>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// An inspection, audit letter, peer review, Best Value review or assessment, with its place in
/// a programme and the timing as the source wrote it.
struct Assessment : Record {
    std::string title;
    AssessmentKind kind = AssessmentKind::other;
    std::vector<std::string> assessors; ///< organisation ids; joint assessments list several
    std::string subject;                ///< organisation id
    std::vector<std::string> service_areas;
    std::string programme; ///< the programme it is listed in, as written
    std::optional<ProgrammeTrack> track;
    std::optional<DateText> scheduled;
    std::optional<DateText> actual;
    std::optional<AssessmentStatus> status;
    std::vector<std::string> markers; ///< the source's marks, verbatim: '*', '(Continued from …)'
    std::vector<std::string> responsible_officers;
    std::vector<std::string> challenge_officers;
    std::string description;

    friend bool operator==(const Assessment&, const Assessment&) = default;
};

} // namespace bestvalue
