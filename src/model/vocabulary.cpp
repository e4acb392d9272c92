#include <bestvalue/model/vocabulary.hpp>

namespace bestvalue {

const StatusTerm* StatusVocabulary::find_term(std::string_view term) const noexcept {
    for (const auto& candidate : terms) {
        if (candidate.term == term) {
            return &candidate;
        }
    }
    return nullptr;
}

namespace {

StatusVocabulary make_vocabulary(std::string id, std::string name, std::vector<StatusTerm> terms) {
    StatusVocabulary vocabulary;
    vocabulary.id = std::move(id);
    vocabulary.name = std::move(name);
    vocabulary.terms = std::move(terms);
    return vocabulary;
}

} // namespace

const std::vector<StatusVocabulary>& builtin_vocabularies() {
    static const std::vector<StatusVocabulary> vocabularies = {
        make_vocabulary("rag", "Red, amber, green (blue for complete)",
                        {{"Red", "off track", Lifecycle::in_progress, Health::red},
                         {"Amber", "at risk", Lifecycle::in_progress, Health::amber},
                         {"Green", "on track", Lifecycle::in_progress, Health::green},
                         {"Blue", "complete", Lifecycle::completed, Health::blue}}),
        // The symbols of Oxfordshire's July 2003 progress report on Raising our Performance.
        make_vocabulary(
            "progress-symbols", "Three progress symbols",
            {{"(((", "action completed", Lifecycle::completed, Health::blue},
             {"((", "action taken but some further work needed", Lifecycle::in_progress,
              Health::amber},
             {"(", "significant additional work needed", Lifecycle::in_progress, Health::red}}),
        make_vocabulary("done", "Done", {{"Done", "done", Lifecycle::completed, Health::blue}}),
    };
    return vocabularies;
}

} // namespace bestvalue
