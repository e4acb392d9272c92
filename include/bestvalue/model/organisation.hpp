#pragma once

/// \file
/// `Organisation`: councils, inspectorates, auditors, partnerships.

#include <map>
#include <optional>
#include <string>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// A council, inspectorate, auditor, peer review team or partnership. Start, end and successor
/// keep the plans of abolished councils queryable.
struct Organisation : Record {
    std::string name;
    OrganisationKind kind = OrganisationKind::other;
    /// Codes by scheme: {"gss": "E07000075", "snac": "…"}.
    std::map<std::string, std::string> codes;
    std::optional<Date> start;
    std::optional<Date> end;
    std::string successor; ///< id of the organisation that took over; may be empty

    friend bool operator==(const Organisation&, const Organisation&) = default;
};

} // namespace bestvalue
