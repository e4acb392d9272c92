#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bestvalue::detail {

// Tallies kept under views of text, for counting the values of matching entities. A count
// usually meets a few distinct values, often the same one many times running (the actions of a
// plan lie section by section), so the value found last is tried first, then the short list in
// order; hashing each value, as a hash map does, cost more than the whole rest of a count.
// Past `listed_limit` values a hash map of their places takes over, so a count of many
// distinct values (refs, ids) stays linear.
template <typename Tally>
class ViewTally {
public:
    // The tally under `value`, made empty if new. `keep(value)` gives a view of the value that
    // outlives the count; it is called once, for a new value only.
    template <typename Keep>
    Tally& at(std::string_view value, const Keep& keep) {
        if (last_ < entries_.size() && same(entries_[last_].first, value)) {
            return entries_[last_].second;
        }
        if (places_ == nullptr) {
            for (std::size_t place = 0; place < entries_.size(); ++place) {
                if (same(entries_[place].first, value)) {
                    last_ = place;
                    return entries_[place].second;
                }
            }
        } else if (const auto found = places_->find(value); found != places_->end()) {
            last_ = found->second;
            return entries_[last_].second;
        }
        last_ = entries_.size();
        const std::string_view kept = keep(value);
        entries_.emplace_back(kept, Tally{});
        if (places_ != nullptr) {
            places_->emplace(kept, last_);
        } else if (entries_.size() > listed_limit) {
            places_ = std::make_unique<std::unordered_map<std::string_view, std::size_t>>();
            places_->reserve(entries_.size() * 2);
            for (std::size_t place = 0; place < entries_.size(); ++place) {
                places_->emplace(entries_[place].first, place);
            }
        }
        return entries_[last_].second;
    }

    // Every value met and its tally, ordered by value; the tally is left empty.
    [[nodiscard]] std::vector<std::pair<std::string_view, Tally>> sorted() && {
        std::sort(entries_.begin(), entries_.end(),
                  [](const auto& one, const auto& other) { return one.first < other.first; });
        places_.reset();
        last_ = std::numeric_limits<std::size_t>::max();
        return std::move(entries_);
    }

private:
    static constexpr std::size_t listed_limit = 16;

    // Values read from the index (names, plan and section ids) are views of one text each, so
    // the same value is mostly the same view: known equal without reading its bytes.
    static bool same(std::string_view kept, std::string_view value) noexcept {
        return (kept.data() == value.data() && kept.size() == value.size()) || kept == value;
    }

    std::vector<std::pair<std::string_view, Tally>> entries_;
    // Null while the list is short: a count by two fields keeps a tally per first value, and
    // an empty map held in each made every tally 104 bytes where it is now 56.
    std::unique_ptr<std::unordered_map<std::string_view, std::size_t>> places_;
    std::size_t last_ = std::numeric_limits<std::size_t>::max();
};

} // namespace bestvalue::detail
