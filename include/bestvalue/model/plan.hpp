#pragma once

/// \file
/// `Plan`: an improvement plan, action plan or programme, with its versions, targets and
/// section tree.

#include <optional>
#include <string>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// One row of a plan's record of review and amendment.
struct PlanVersion {
    std::string number; ///< '1.2'
    std::optional<Date> review_date;
    std::string issues;      ///< issues or actions arising from the review
    std::string amended;     ///< as written: 'Y', 'N/A'
    std::string approved_by; ///< 'SDIMT'
    std::optional<Date> amendment_date;

    friend bool operator==(const PlanVersion&, const PlanVersion&) = default;
};

/// An ambition: 'good' on the CPA category by 2004/05, or a target stated only in words.
struct PlanTarget {
    std::string text;
    std::string scale; ///< scale id; empty for a target in words only
    std::string level; ///< a level code of that scale
    std::optional<DateText> due;

    friend bool operator==(const PlanTarget&, const PlanTarget&) = default;
};

/// An abbreviation a plan uses, and what it stands for.
struct LegendEntry {
    std::string abbreviation;
    std::string meaning;

    friend bool operator==(const LegendEntry&, const LegendEntry&) = default;
};

/// A section or objective of a plan; sections form a tree through `parent`. Its id is an id
/// of the store like any entity's, and like any entity it may be exempt, cite and carry notes.
struct Section : Record {
    std::string ref;
    std::string title;
    std::string objective;
    std::string parent; ///< id of the parent section; empty at the top

    friend bool operator==(const Section&, const Section&) = default;
};

/// An improvement plan, action plan or programme.
struct Plan : Record {
    std::string title;
    std::string organisation; ///< id
    PlanKind kind = PlanKind::improvement_plan;
    std::optional<PlanStatus> status;
    std::optional<Date> adopted;
    std::optional<DateText> horizon;
    std::string cadence;
    std::string audience;
    std::string scope;
    std::string vocabulary = "rag"; ///< id of the status vocabulary its progress is written in
    std::vector<PlanVersion> versions;
    std::vector<PlanTarget> targets;
    std::vector<LegendEntry> legend;
    std::vector<Section> sections;
    /// Recommendations the plan as a whole addresses, for a plan held elsewhere.
    std::vector<std::string> addresses;

    friend bool operator==(const Plan&, const Plan&) = default;
};

} // namespace bestvalue
