#include <bestvalue/model/action.hpp>

namespace bestvalue {

std::optional<Date> Action::due_end() const {
    const DateText* latest = nullptr;
    if (!due_revisions.empty()) {
        latest = &due_revisions.back().due;
    } else if (due) {
        latest = &*due;
    }
    if (latest == nullptr || latest->periods.empty()) {
        return std::nullopt;
    }
    Date end = latest->periods.front().end();
    for (const auto& period : latest->periods) {
        if (end < period.end()) {
            end = period.end();
        }
    }
    return end;
}

} // namespace bestvalue
