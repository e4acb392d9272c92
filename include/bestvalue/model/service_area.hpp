#pragma once

/// \file
/// `ServiceArea`: the tree of services that ratings, assessments and plans share.

#include <string>

#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// A service, such as 'Children's services' under 'Social care'. Service areas form a tree.
struct ServiceArea : Record {
    std::string name;
    std::string parent; ///< id of the parent area; empty at the root

    friend bool operator==(const ServiceArea&, const ServiceArea&) = default;
};

} // namespace bestvalue
