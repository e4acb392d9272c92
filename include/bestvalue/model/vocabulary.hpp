#pragma once

/// \file
/// `StatusVocabulary`: the words a source uses for progress, mapped to lifecycle and health.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// One word or symbol of a vocabulary and what it means.
struct StatusTerm {
    std::string term;  ///< as written: '((', 'Done', 'Amber'
    std::string label; ///< what the source says it means
    Lifecycle lifecycle = Lifecycle::in_progress;
    std::optional<Health> health;

    friend bool operator==(const StatusTerm&, const StatusTerm&) = default;
};

/// How a source writes progress. Reports show the council's own terms; queries use the mapped
/// lifecycle and health, so plans from different councils compare.
struct StatusVocabulary : Record {
    std::string name;
    std::vector<StatusTerm> terms;

    /// The term written exactly `term`, if the vocabulary has it.
    [[nodiscard]] const StatusTerm* find_term(std::string_view term) const noexcept;

    friend bool operator==(const StatusVocabulary&, const StatusVocabulary&) = default;
};

/// The vocabularies every store has: rag, progress-symbols ('(((', '((', '(') and done.
[[nodiscard]] const std::vector<StatusVocabulary>& builtin_vocabularies();

} // namespace bestvalue
