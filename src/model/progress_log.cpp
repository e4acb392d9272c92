#include <algorithm>
#include <limits>
#include <stdexcept>

#include <bestvalue/model/progress_log.hpp>

namespace bestvalue {

namespace {

// The next position of a collection that positions address in 32 bits, none excluded.
std::uint32_t next_position(std::size_t size, const char* what) {
    if (size >= std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error(std::string("ProgressLog: more than 2^32 - 2 ") + what);
    }
    return static_cast<std::uint32_t>(size);
}

// Lifecycle, health and visibility kept in a byte: 0 for none, else the value plus one.
template <typename Enum>
std::uint8_t byte_of(const std::optional<Enum>& value) {
    return value ? static_cast<std::uint8_t>(static_cast<int>(*value) + 1) : std::uint8_t{0};
}

template <typename Enum>
std::optional<Enum> enum_of(std::uint8_t byte) {
    return byte == 0 ? std::nullopt : std::optional<Enum>(static_cast<Enum>(byte - 1));
}

} // namespace

ProgressUpdate ProgressUpdateView::value() const {
    ProgressUpdate update;
    update.subject = subject;
    update.as_of = as_of;
    update.recorded = recorded;
    update.status = status;
    update.lifecycle = lifecycle;
    update.health = health;
    update.percent = percent;
    update.narrative = narrative;
    update.author = author;
    update.visibility = visibility;
    update.cites.assign(cites.begin(), cites.end());
    update.notes.assign(notes.begin(), notes.end());
    return update;
}

bool operator==(const ProgressUpdateView& left, const ProgressUpdateView& right) {
    return left.subject == right.subject && left.as_of == right.as_of &&
           left.recorded == right.recorded && left.status == right.status &&
           left.lifecycle == right.lifecycle && left.health == right.health &&
           left.percent == right.percent && left.narrative == right.narrative &&
           left.author == right.author && left.visibility == right.visibility &&
           std::ranges::equal(left.cites, right.cites) &&
           std::ranges::equal(left.notes, right.notes);
}

ProgressUpdateView ProgressUpdateView::of(const ProgressUpdate& update) noexcept {
    return {update.subject,   update.as_of,      update.recorded, update.status,
            update.lifecycle, update.health,     update.percent,  update.narrative,
            update.author,    update.visibility, update.cites,    update.notes};
}

bool operator==(const ProgressUpdateView& view, const ProgressUpdate& update) {
    return view == ProgressUpdateView::of(update);
}

ProgressLog::ProgressLog() = default;

ProgressUpdateView ProgressLog::operator[](std::size_t position) const {
    const Entry& entry = entries_[position];
    ProgressUpdateView view;
    view.subject = subjects_[entry.subject];
    view.as_of = entry.as_of;
    if ((entry.flags & has_recorded) != 0) {
        view.recorded = entry.recorded;
    }
    view.status = terms_[entry.status];
    view.lifecycle = enum_of<Lifecycle>(entry.lifecycle);
    view.health = enum_of<Health>(entry.health);
    view.percent = percent(position);
    if (entry.narrative != none) {
        view.narrative = narratives_[entry.narrative];
    }
    view.author = terms_[entry.author];
    view.visibility = static_cast<Visibility>(entry.visibility);
    if (entry.extra != none) {
        view.cites = extras_[entry.extra].cites;
        view.notes = extras_[entry.extra].notes;
    }
    return view;
}

void ProgressLog::reserve(std::size_t count) {
    const std::size_t needed = entries_.size() + count;
    if (needed > entries_.capacity()) {
        entries_.reserve(std::max(needed, 2 * entries_.capacity()));
    }
}

void ProgressLog::push_back(const ProgressUpdateView& update) {
    next_position(entries_.size(), "updates");
    // Everything that can throw comes before anything changes, but for a new term, which
    // only takes room: a failed push adds no update.
    Entry entry;
    entry.as_of = update.as_of;
    if (update.recorded) {
        entry.recorded = *update.recorded;
        entry.flags |= has_recorded;
    }
    if (update.percent) {
        entry.percent = *update.percent;
        entry.flags |= has_percent;
    }
    const bool first = entries_.empty();
    entry.status = terms_.intern(update.status, first ? none : entries_.back().status);
    entry.author = terms_.intern(update.author, first ? none : entries_.back().author);
    entry.lifecycle = byte_of(update.lifecycle);
    entry.health = byte_of(update.health);
    entry.visibility = static_cast<std::uint8_t>(update.visibility);

    const bool same_subject =
        !entries_.empty() && subjects_[entries_.back().subject] == update.subject;
    entry.subject =
        same_subject ? entries_.back().subject : next_position(subjects_.size(), "subjects");
    entry.narrative =
        update.narrative.empty() ? none : next_position(narratives_.size(), "narratives");
    const bool extra = !update.cites.empty() || !update.notes.empty();
    entry.extra = extra ? next_position(extras_.size(), "cited updates") : none;

    // Each container grows by one, or is put back as it was if a later one cannot.
    entries_.push_back(entry);
    try {
        if (!same_subject) {
            subjects_.push_back(update.subject);
        }
        if (entry.narrative != none) {
            narratives_.push_back(update.narrative);
        }
        if (extra) {
            extras_.push_back(Extra{{update.cites.begin(), update.cites.end()},
                                    {update.notes.begin(), update.notes.end()}});
        }
    } catch (...) {
        truncate(entries_.size() - 1);
        throw;
    }
}

void ProgressLog::append(const ProgressLog& other) {
    if (&other == this) {
        const ProgressLog copy = other; // its views would move as this log grows
        append(copy);
        return;
    }
    if (other.empty()) {
        return;
    }
    // Copied part by part, as the parts of a collection read at once are joined: its positions
    // moved past this log's. Its first run of updates continues this log's last when they have
    // one subject, as pushing its updates one by one gives.
    const bool continues_run =
        !entries_.empty() && subjects_[entries_.back().subject] == other.subjects_[0];
    const std::size_t first_subject = continues_run ? 1 : 0;
    next_position(entries_.size() + other.size() - 1, "updates");
    next_position(subjects_.size() + other.subjects_.size() - 1, "subjects");
    next_position(narratives_.size() + other.narratives_.size(), "narratives");
    next_position(extras_.size() + other.extras_.size(), "cited updates");
    // Where each of its terms is in this log.
    std::vector<std::uint32_t> term_at(other.terms_.size());
    for (std::size_t term = 0; term < term_at.size(); ++term) {
        term_at[term] = terms_.intern(other.terms_[term], InternedTexts::none);
    }
    const std::size_t entries_before = entries_.size();
    const std::size_t subjects_before = subjects_.size();
    const std::size_t narratives_before = narratives_.size();
    const std::size_t extras_before = extras_.size();
    reserve(other.size());
    try {
        subjects_.append(other.subjects_, first_subject);
        narratives_.append(other.narratives_);
        extras_.insert(extras_.end(), other.extras_.begin(), other.extras_.end());
        // A subject of `other` at s is here at subjects_before + s, less the one it shares.
        const std::size_t subject_offset = subjects_before - first_subject;
        const auto moved = [](std::uint32_t position, std::size_t by) {
            return position == none ? none : static_cast<std::uint32_t>(position + by);
        };
        for (Entry entry : other.entries_) {
            entry.subject = static_cast<std::uint32_t>(entry.subject + subject_offset);
            entry.status = term_at[entry.status];
            entry.author = term_at[entry.author];
            entry.narrative = moved(entry.narrative, narratives_before);
            entry.extra = moved(entry.extra, extras_before);
            entries_.push_back(entry);
        }
    } catch (...) {
        // A new term only takes room: it stays.
        entries_.resize(entries_before);
        subjects_.truncate(subjects_before);
        narratives_.truncate(narratives_before);
        extras_.resize(extras_before);
        throw;
    }
}

void ProgressLog::truncate(std::size_t count) {
    if (count >= entries_.size()) {
        return;
    }
    // The texts of the updates forgotten were added with them, after those kept: the first
    // of each that an update forgotten has is where the kept ones end.
    std::size_t narratives = narratives_.size();
    std::size_t extras = extras_.size();
    for (std::size_t i = count; i < entries_.size(); ++i) {
        if (entries_[i].narrative != none) {
            narratives = std::min<std::size_t>(narratives, entries_[i].narrative);
        }
        if (entries_[i].extra != none) {
            extras = std::min<std::size_t>(extras, entries_[i].extra);
        }
    }
    const std::size_t subjects = count == 0 ? 0 : std::size_t{entries_[count - 1].subject} + 1;
    entries_.resize(count);
    subjects_.truncate(subjects);
    narratives_.truncate(narratives);
    extras_.resize(extras);
}

bool operator==(const ProgressLog& left, const ProgressLog& right) {
    return std::ranges::equal(left, right);
}

bool operator==(const ProgressLog& log, std::span<const ProgressUpdate> updates) {
    // Compared as the view's own equality does: the two types have no common one.
    return std::ranges::equal(log, updates,
                              [](const ProgressUpdateView& view, const ProgressUpdate& update) {
                                  return view == update;
                              });
}

} // namespace bestvalue
