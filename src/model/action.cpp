#include <bestvalue/model/action.hpp>

namespace bestvalue {

std::optional<Date> Action::due_end() const {
    if (!due_revisions.empty()) {
        return last_day(due_revisions.back().due);
    }
    return due ? last_day(*due) : std::nullopt;
}

} // namespace bestvalue
