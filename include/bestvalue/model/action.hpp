#pragma once

/// \file
/// `Action`: a piece of work in a plan, with its leads, due and what it addresses.

#include <optional>
#include <string>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// A revision of an action's due. The original due is never overwritten, so slippage can be
/// measured against the original or the latest approved baseline.
struct DueRevision {
    std::optional<Date> revised_on;
    DateText due;
    std::string reason;
    std::string approved_by;
    std::optional<Date> approved_on;

    friend bool operator==(const DueRevision&, const DueRevision&) = default;
};

/// A step of an action with its own due and leads.
struct Milestone {
    std::string title;
    std::optional<DateText> due;
    std::vector<std::string> leads; ///< officer ids

    friend bool operator==(const Milestone&, const Milestone&) = default;
};

/// What a plan says of an action's ICT needs: the text, and yes/no where it says so.
struct IctRequirement {
    std::string text;
    std::optional<bool> required;

    friend bool operator==(const IctRequirement&, const IctRequirement&) = default;
};

/// An action of a plan.
struct Action : Record {
    std::string plan;    ///< plan id
    std::string section; ///< id of a section of that plan; may be empty
    std::string ref;     ///< as numbered in the source: '3.10'
    std::string title;
    std::string text;
    std::vector<std::string> leads;    ///< officer ids
    std::vector<std::string> delivery; ///< officer ids
    std::optional<DateText> due;       ///< as written, with what could be read from it
    std::vector<DueRevision> due_revisions;
    std::vector<Milestone> milestones;
    std::string outcome;
    std::string resources;
    std::string funding;
    std::optional<IctRequirement> ict;
    std::vector<std::string> addresses; ///< recommendation ids
    std::vector<std::string> source_tags;

    /// The last day the action is due: `last_day` of its latest due (the last revision's,
    /// else the original). Empty when no period could be read.
    [[nodiscard]] std::optional<Date> due_end() const;

    friend bool operator==(const Action&, const Action&) = default;
};

} // namespace bestvalue
