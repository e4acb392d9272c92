#pragma once

/// \file
/// What every entity has: an id, a visibility, the documents it was read from, and notes.

#include <string>
#include <vector>

#include <bestvalue/model/enums.hpp>

namespace bestvalue {

/// A reference to the paper a fact came from, and where in it.
struct Citation {
    std::string document;  ///< the id of a `Document`
    std::string paragraph; ///< e.g. '3.8'; empty if not given

    friend bool operator==(const Citation&, const Citation&) = default;
};

/// The fields every entity has. Entities are plain values that derive from it.
struct Record {
    /// Unique in a store across all kinds: lower-case segments separated by '/',
    /// namespaced by organisation ('rochford/cpa-plan-2009/3.4').
    std::string id;
    Visibility visibility = Visibility::public_;
    /// The papers the entity's facts come from; the first gives its reference date.
    std::vector<Citation> cites;
    /// Free notes, among them every fix made to the source's text ('3.1 0' read as 3.10).
    std::vector<std::string> notes;

    friend bool operator==(const Record&, const Record&) = default;
};

} // namespace bestvalue
