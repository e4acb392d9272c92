#include "json_read.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <fstream>
#include <future>
#include <mutex>
#include <optional>
#include <simdjson.h>
#include <span>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>

#include <boost/container/small_vector.hpp>
#include <boost/json.hpp>

#include "../detail/file_text.hpp"
#include "../detail/fresh_memory.hpp"
#include "../detail/json_text.hpp"

namespace bestvalue {

namespace json = boost::json;

namespace {

// Council text is short; a longer string is a broken or hostile document, refused before it is
// copied into the model.
constexpr std::size_t max_string_bytes = std::size_t{1} << 20;
// Documents nest about six deep; the limit only stops runaway nesting.
constexpr std::size_t max_depth = 64;

template <typename Enum>
std::string enum_choices() {
    std::string choices;
    for (const auto& [value, name] : EnumNames<Enum>::names) {
        choices += (choices.empty() ? "" : ", ") + std::string(name);
    }
    return choices;
}

class DocumentReader;

// Where the problems of a part of a collection read on a thread of its own go, to be put after
// the problems before them once every part is read; null on the thread reading the document,
// whose problems go straight to the reader's list.
thread_local std::vector<Problem>* part_problems = nullptr;

// Sends this thread's problems to `sink` while it lives.
class PartProblems {
public:
    explicit PartProblems(std::vector<Problem>& sink) { part_problems = &sink; }
    PartProblems(const PartProblems&) = delete;
    PartProblems& operator=(const PartProblems&) = delete;
    ~PartProblems() { part_problems = nullptr; }
};

// Parses one item of a collection at a time: items are a few KiB, so the arena's first buffer
// holds nearly every one and is reused, never returned. Not movable: the arena points into the
// buffer.
struct ItemParser {
    explicit ItemParser(const json::parse_options& options)
        : parser({}, options) {}
    ItemParser(const ItemParser&) = delete;
    ItemParser& operator=(const ItemParser&) = delete;

    std::vector<unsigned char> buffer = std::vector<unsigned char>(std::size_t{1} << 16);
    json::monotonic_resource arena{buffer.data(), buffer.size()};
    json::parser parser;
};

// Parses a stretch of a collection's items at a time with simdjson: the stretch's text made an
// array in a buffer of its own (simdjson reads a little past the end of what it parses), so a
// stretch of a few thousand items costs one copy of its text and one parse.
struct StretchParser {
    // `depth` bounds nesting as Boost.JSON's `max_depth` does, or more tightly (the array made
    // of the stretch is one level more): a stretch simdjson refuses is read by Boost.JSON,
    // which says whether it is JSON.
    explicit StretchParser(std::size_t depth) {
        if (parser.allocate(std::size_t{1} << 16, depth) != simdjson::SUCCESS) {
            throw std::bad_alloc();
        }
    }
    StretchParser(const StretchParser&) = delete;
    StretchParser& operator=(const StretchParser&) = delete;

    simdjson::dom::parser parser;
    std::vector<char> buffer;
};

// The parsers of one part of a collection.
struct PartParsers {
    explicit PartParsers(const json::parse_options& options, std::size_t depth)
        : items(options)
        , stretches(depth) {}
    ItemParser items;
    StretchParser stretches;
};

// The collections of a document, in the order they are read: entities are read after those
// whose dates they take (documents' for citations, plans' for their actions' dues). `write_json`
// writes them in this order too, after "bestvalue", which `member_while_scanning` counts on.
constexpr std::array<std::string_view, 12> collection_names{
    "documents",   "organisations", "officers",        "service_areas", "scales",  "vocabularies",
    "assessments", "ratings",       "recommendations", "plans",         "actions", "progress"};

// A JSON value of Boost.JSON's tree: the items of a stretch of a collection that simdjson
// refused (a number out of its range), read one at a time, so that such a document reads as it
// always did.
class TreeValue {
public:
    explicit TreeValue(const json::value& value)
        : value_(&value) {}
    [[nodiscard]] bool is_string() const { return value_->is_string(); }
    [[nodiscard]] std::string_view string() const {
        const json::string& text = value_->get_string();
        return {text.data(), text.size()};
    }
    [[nodiscard]] bool is_bool() const { return value_->is_bool(); }
    [[nodiscard]] bool boolean() const { return value_->get_bool(); }
    [[nodiscard]] bool is_number() const { return value_->is_number(); }
    [[nodiscard]] double number() const { return value_->to_number<double>(); }
    [[nodiscard]] bool is_array() const { return value_->is_array(); }
    [[nodiscard]] bool is_object() const { return value_->is_object(); }
    [[nodiscard]] std::string kind() const { return detail::describe_kind(*value_); }
    // Calls `visit(index, item)` for each item of an array.
    template <typename Visit>
    void each_item(Visit visit) const {
        const json::array& items = value_->get_array();
        for (std::size_t i = 0; i < items.size(); ++i) {
            visit(i, TreeValue(items[i]));
        }
    }
    // Calls `visit(key, value)` for each member of an object, in the order written.
    template <typename Visit>
    void each_member(Visit visit) const {
        for (const auto& member : value_->get_object()) {
            visit(std::string_view(member.key()), TreeValue(member.value()));
        }
    }

private:
    const json::value* value_;
};

// The value of a simdjson result whose kind was checked before: an error here is a bug.
template <typename T>
T checked(simdjson::simdjson_result<T>&& result) {
    T value{};
    if (std::move(result).get(value) != simdjson::SUCCESS) {
        throw std::logic_error("bestvalue: a JSON value was not of the kind checked");
    }
    return value;
}

// A JSON value of simdjson's DOM, in which the items of a collection are read: simdjson parses
// several times faster than Boost.JSON builds its tree, which was most of a national load.
class DomValue {
public:
    explicit DomValue(simdjson::dom::element element)
        : element_(element) {}
    [[nodiscard]] bool is_string() const { return element_.is_string(); }
    [[nodiscard]] std::string_view string() const { return checked(element_.get_string()); }
    [[nodiscard]] bool is_bool() const { return element_.is_bool(); }
    [[nodiscard]] bool boolean() const { return checked(element_.get_bool()); }
    [[nodiscard]] bool is_number() const { return element_.is_number(); }
    [[nodiscard]] double number() const { return checked(element_.get_double()); }
    [[nodiscard]] bool is_array() const { return element_.is_array(); }
    [[nodiscard]] bool is_object() const { return element_.is_object(); }
    // Described as Boost.JSON's kinds are, so that a problem reads the same from either.
    [[nodiscard]] std::string kind() const {
        switch (element_.type()) {
        case simdjson::dom::element_type::NULL_VALUE:
            return detail::describe_kind(json::kind::null);
        case simdjson::dom::element_type::BOOL:
            return detail::describe_kind(json::kind::bool_);
        case simdjson::dom::element_type::INT64:
        case simdjson::dom::element_type::UINT64:
        case simdjson::dom::element_type::DOUBLE:
            return detail::describe_kind(json::kind::double_);
        case simdjson::dom::element_type::STRING:
            return detail::describe_kind(json::kind::string);
        case simdjson::dom::element_type::ARRAY:
            return detail::describe_kind(json::kind::array);
        case simdjson::dom::element_type::OBJECT:
            return detail::describe_kind(json::kind::object);
        }
        return "a value";
    }
    template <typename Visit>
    void each_item(Visit visit) const {
        std::size_t i = 0;
        for (const simdjson::dom::element item : checked(element_.get_array())) {
            visit(i++, DomValue(item));
        }
    }
    template <typename Visit>
    void each_member(Visit visit) const {
        for (const simdjson::dom::key_value_pair member : checked(element_.get_object())) {
            visit(member.key, DomValue(member.value));
        }
    }

private:
    simdjson::dom::element element_;
};

// A place in the document being read, for naming where a problem is: the document's top level,
// or a member or item of an enclosing place.
class Place {
public:
    // The document's top level.
    explicit Place(DocumentReader& reader)
        : reader_(reader) {}
    // The member `key` of `parent`, or, given an `index`, the item `index` of the array there.
    // `key` must outlive the place (the callers pass literals, or keys of the text parsed).
    Place(const Place& parent, std::string_view key, std::optional<std::size_t> index)
        : reader_(parent.reader_)
        , parent_(&parent)
        , key_(key)
        , index_(index) {}

    // The JSON pointer of the place, made only when a problem needs it: a national collection
    // has millions of objects and nearly no problems.
    [[nodiscard]] std::string pointer() const {
        if (parent_ == nullptr) {
            return {};
        }
        std::string pointer = parent_->at(key_);
        if (index_) {
            pointer += "/" + std::to_string(*index_);
        }
        return pointer;
    }
    [[nodiscard]] std::string at(std::string_view key) const {
        return pointer() + "/" + detail::escape_pointer_token(key);
    }

protected:
    DocumentReader& reader_;

private:
    const Place* parent_ = nullptr;
    std::string_view key_;
    std::optional<std::size_t> index_;
};

// One JSON object being read into a model value, from either kind of `Value`: remembers which
// members were asked for, so that `finish` can report the ones nobody asked for (a misspelt
// field is an error).
template <typename Value>
class ObjectReader : public Place {
public:
    // The object `object` at the member `key` of `parent`, or, given an `index`, the item
    // `index` of the array there.
    ObjectReader(const Place& parent, Value object, std::string_view key,
                 std::optional<std::size_t> index = std::nullopt)
        : Place(parent, key, index) {
        object.each_member([&](std::string_view name, Value value) {
            const std::uint64_t bit = name_bit(name);
            if ((names_ & bit) != 0) {
                // A repeated name keeps the place of its first and the value of its last, as
                // Boost.JSON's objects do (and so as documents always read).
                for (Member& earlier : members_) {
                    if (!earlier.repeated && earlier.key == name) {
                        earlier.value = value;
                        members_.push_back({name, value, true});
                        return;
                    }
                }
            }
            names_ |= bit;
            members_.push_back({name, value, false});
        });
    }

    // The member `key`, if the object has it. Members are nearly always asked for in the order
    // written, so the search starts after the one found last; most members asked for are
    // absent, and most of those are known to be from the names' bits alone.
    std::optional<Value> get(std::string_view key) {
        if ((names_ & name_bit(key)) == 0) {
            return std::nullopt;
        }
        const std::size_t count = members_.size();
        for (std::size_t step = 0; step < count; ++step) {
            const std::size_t at = next_ + step < count ? next_ + step : next_ + step - count;
            Member& member = members_[at];
            if (!member.repeated && member.key == key) {
                member.used = true;
                next_ = at + 1 == count ? 0 : at + 1;
                return member.value;
            }
        }
        return std::nullopt;
    }

    // The string at `key`, viewed in the parsed text; empty if absent or not a (short enough)
    // string, with a problem if required or of the wrong kind.
    std::string_view text(std::string_view key, bool required = false);
    std::string string(std::string_view key, bool required = false) {
        return std::string(text(key, required));
    }
    std::optional<Date> date(std::string_view key, bool required = false);
    std::optional<bool> boolean(std::string_view key);
    std::optional<double> number(std::string_view key);
    std::vector<std::string> strings(std::string_view key);
    template <typename Enum>
    std::optional<Enum> enumeration(std::string_view key, bool required = false);
    std::optional<DateText> date_text(std::string_view key, std::optional<Date> reference);
    // Calls `read` for each object of the array at `key`.
    template <typename Read>
    void objects(std::string_view key, Read read);
    void record(Record& record);

    void finish();

private:
    struct Member {
        std::string_view key;
        Value value;
        bool repeated = false; // a later member of a name that came before
        bool used = false;
    };
    // One bit of a word for a member name: the names an object has as a set of bits.
    static std::uint64_t name_bit(std::string_view name) noexcept {
        const std::size_t size = name.size();
        const std::size_t ends = size == 0 ? 0
                                           : static_cast<unsigned char>(name.front()) * 3U +
                                                 static_cast<unsigned char>(name.back());
        return std::uint64_t{1} << ((size * 7 + ends) & 63U);
    }

    // Objects have at most two dozen members: kept inline, no allocation per object.
    boost::container::small_vector<Member, 24> members_;
    std::uint64_t names_ = 0; // the bits of the members' names
    std::size_t next_ = 0;
};

// `object.enumeration<Enum>(…)`, callable without naming `template` where `object`'s type
// depends on the kind of value read.
template <typename Enum, typename Object>
std::optional<Enum> enumeration(Object& object, std::string_view key, bool required = false) {
    return object.template enumeration<Enum>(key, required);
}

class DocumentReader {
public:
    DocumentReader(std::string_view text, std::string_view source, const Store& store)
        : text_(text)
        , source_(source)
        , store_(store) {}

    // Reads the document collection by collection and each collection a stretch of items at
    // a time, so that only one stretch's tree exists at a time (a national file's whole tree
    // would be several times the file). Problems are gathered and thrown together; the text is JSON
    // throughout before any are (a syntax error anywhere is reported first, as a whole parse
    // would).
    // What a document holds: its actions and progress updates kept as a store keeps them.
    struct Result {
        Contents contents;
        ActionTable actions;
        ProgressLog progress;
    };

    Result read() {
        if (text_.size() < scanned_beside_from || std::thread::hardware_concurrency() < 2) {
            const auto members = detail::object_members(text_);
            if (!members) {
                throw_members_not_found();
            }
            for (const detail::MemberSpan& member : *members) {
                add_member(member);
            }
            return read_members();
        }
        return read_while_scanning();
    }

    // The number of items of the collection `key` (0 if there is none), for reserving room;
    // bounded by one item per 32 bytes of its text, so that an array of a million zeros cannot
    // reserve a million actions (real items are hundreds of bytes).
    [[nodiscard]] std::size_t count(std::string_view key) {
        const detail::MemberSpan* span = member(key);
        return span == nullptr ? 0
                               : std::min(span->items, (span->value_end - span->value_begin) / 32);
    }

    // Calls `read` for each object of the collection `key`, parsing a stretch of items at a time
    // (`read_stretches`).
    template <typename Read>
    void collection(const Place& top, std::string_view key, Read read);

    // Reads each object of the collection `key` into an entity of its own appended to `into`,
    // by `read(object, entity)`. A collection of many thousands of items is read in parts at
    // once, one per core up to four, split where `detail::object_members` marked items; each
    // part has its own parsers and problems, and the problems come out in the order one reading
    // from the start gives them. `read` may then run on several threads at once.
    template <typename Entity, typename Read>
    void collection_into(const Place& top, std::string_view key, std::vector<Entity>& into,
                         Read read);

    // As the other, for actions and progress updates, kept as a store keeps them: each item is
    // read into an `Item` (an `Action` or a `ProgressUpdate`) made afresh for it, and `Table`
    // (an `ActionTable` or a `ProgressLog`) copies it; a part read beside the first fills a
    // table of its own, joined to the first's once every part is read.
    template <typename Item, typename Table, typename Read>
    void collection_into(const Place& top, std::string_view key, Table& into, Read read);

    // Reads the collection `key` in parts at once, one per core up to four, split where
    // `detail::object_members` marked items: `prepare(items, first)` is called once, before
    // any part is read, with the collection's count of items and the first item of each part
    // (then the count again); then `read_item(part, object, index)` for each item, with its
    // part and its index in the collection, parts beside the first on threads of their own.
    // False, reading nothing, when the collection cannot be split (one core, or fewer than
    // two marks): it is then for the caller to read it as one part.
    template <typename Prepare, typename ReadItem>
    bool read_in_parts(const Place& top, std::string_view key, Prepare prepare, ReadItem read_item);

    // Reads the item `index` of the array at the member `key` of `parent` by `read(object)` if
    // it is an object; else it is a problem.
    template <typename Value, typename Read>
    void read_object(const Place& parent, std::string_view key, std::size_t index, Value item,
                     Read read) {
        if (!item.is_object()) {
            problem(parent.at(key) + "/" + std::to_string(index),
                    "expected an object, found " + item.kind());
            return;
        }
        ObjectReader object(parent, item, key, index);
        read(object);
        object.finish();
    }

    void problem(std::string pointer, std::string message) {
        (part_problems != nullptr ? *part_problems : problems_)
            .push_back({std::move(pointer), std::move(message)});
    }

    // Documents' dates are the reference dates of the entities that cite them.
    void remember_date(const Document& document) {
        if (document.date && !document.id.empty()) {
            document_dates_[document.id] = *document.date;
        }
    }

    // The reference date of an entity: the date of the first document it cites.
    [[nodiscard]] std::optional<Date> cited_date(const Record& record) const {
        if (record.cites.empty()) {
            return std::nullopt;
        }
        const auto found = document_dates_.find(record.cites.front().document);
        if (found == document_dates_.end()) {
            return std::nullopt;
        }
        return found->second;
    }

    [[nodiscard]] std::optional<Date> plan_date(const std::string& plan_id) const {
        const auto found = plan_dates_.find(plan_id);
        return found == plan_dates_.end() ? std::nullopt : found->second;
    }

private:
    static json::parse_options options(std::size_t depth) {
        json::parse_options options;
        options.max_depth = depth;
        return options;
    }

    // Parses the whole text, for an error: throws the ParseError of the first place where it is
    // not JSON, or of its not being an object. Only called once something is known to be wrong.
    void throw_if_not_json() const {
        json::monotonic_resource arena;
        json::parser parser({}, options(max_depth));
        parser.reset(&arena);
        boost::system::error_code error;
        const std::size_t consumed = parser.write(text_.data(), text_.size(), error);
        if (error) {
            throw located_parse_error("not valid JSON: " + error.message(), consumed);
        }
        const json::value root = parser.release();
        if (!root.is_object()) {
            throw located_parse_error(
                "a bestvalue document is a JSON object, not " + detail::describe_kind(root), 0);
        }
    }

    ParseError located_parse_error(const std::string& reason, std::size_t offset) const {
        const auto [line, column] = detail::line_and_column(text_, offset);
        return ParseError(reason, {}, {std::string(source_), line, column, offset});
    }

    // A document this large has its members scanned on a thread of its own while the first
    // are read (docs/performance.md, Hotspot 40).
    static constexpr std::size_t scanned_beside_from = std::size_t{1} << 20;

    // The members the scan beside has found, and whether it has ended, and how.
    struct Scanning {
        std::mutex mutex;
        std::condition_variable changed;
        std::vector<detail::MemberSpan> found;
        bool ended = false;
        bool failed = false; // the text is not laid out as an object
    };

    [[noreturn]] void throw_members_not_found() const {
        throw_if_not_json();
        throw std::logic_error("bestvalue: a JSON object's members were not found");
    }

    // Adds a member found, its name decoded first: a name that is not JSON adds nothing.
    void add_member(const detail::MemberSpan& member) {
        std::string name = name_of(member);
        members_.push_back(member);
        names_.push_back(std::move(name));
        last_of_name_[names_.back()] = members_.size() - 1;
    }

    // Where a member named `name` comes in a document as bestvalue writes it: "bestvalue",
    // then the collections; none for any other name.
    static std::optional<std::size_t> written_place(std::string_view name) {
        if (name == "bestvalue") {
            return 0;
        }
        const auto* found = std::find(collection_names.begin(), collection_names.end(), name);
        return found == collection_names.end()
                   ? std::nullopt
                   : std::optional<std::size_t>(1 + (found - collection_names.begin()));
    }

    const detail::MemberSpan* member_while_scanning(std::string_view key) {
        const std::optional<std::size_t> place = written_place(key);
        std::unique_lock lock(scanning_->mutex);
        while (true) {
            while (members_.size() < scanning_->found.size()) {
                add_member(scanning_->found[members_.size()]);
            }
            const auto found = last_of_name_.find(std::string(key));
            if (found != last_of_name_.end()) {
                members_given_.emplace_back(key, found->second);
                return &members_[found->second];
            }
            const bool one_after =
                place && std::any_of(names_.begin(), names_.end(), [&](const std::string& name) {
                    const auto other = written_place(name);
                    return other && *other > *place;
                });
            if (scanning_->ended || one_after) {
                members_given_.emplace_back(key, std::nullopt);
                return nullptr;
            }
            scanning_->changed.wait(lock);
        }
    }

    // Reads the document while its members are scanned on a thread beside, taking a member
    // that is not found by the time a member written after it is for absent, as it is in a
    // document as bestvalue writes it. Once the scan has ended, each member given is held
    // against the last of its name: where one is not (a member repeated, or written out of
    // that order), the document is read again from its members all scanned. What is thrown
    // while reading is thrown once the members given are found right.
    Result read_while_scanning() {
        Scanning scanning;
        scanning_ = &scanning;
        const auto end_scan = [&](bool failed) {
            const std::lock_guard lock(scanning.mutex);
            scanning.failed = failed;
            scanning.ended = true;
            scanning.changed.notify_all();
        };
        // Its destructor waits for it: the scan reads the text and `scanning`.
        std::future<void> scanned = std::async(std::launch::async, [&] {
            try {
                const auto members =
                    detail::object_members(text_, [&](const detail::MemberSpan& member) {
                        const std::lock_guard lock(scanning.mutex);
                        scanning.found.push_back(member);
                        scanning.changed.notify_all();
                    });
                end_scan(!members.has_value());
            } catch (...) {
                end_scan(true);
                throw;
            }
        });
        std::optional<Result> result;
        std::exception_ptr thrown;
        try {
            result = read_members();
        } catch (...) {
            thrown = std::current_exception();
        }
        scanned.get(); // its exception, if it threw
        scanning_ = nullptr;
        if (scanning.failed) {
            throw_members_not_found();
        }
        for (std::size_t i = members_.size(); i < scanning.found.size(); ++i) {
            add_member(scanning.found[i]);
        }
        const bool given_right =
            std::all_of(members_given_.begin(), members_given_.end(), [&](const auto& given) {
                const auto found = last_of_name_.find(given.first);
                return found == last_of_name_.end()
                           ? !given.second.has_value()
                           : given.second.has_value() && *given.second == found->second;
            });
        if (!given_right) {
            problems_.clear();
            return read_members();
        }
        if (thrown) {
            std::rethrow_exception(thrown);
        }
        return std::move(*result);
    }

    // Reads the document from its members, found before.
    Result read_members() {
        check_version();
        document_dates_.clear();
        plan_dates_.clear();
        for (const auto& document : store_.documents()) {
            if (document.date) {
                document_dates_[document.id] = *document.date;
            }
        }

        Result result;
        const Place document(*this);
        read_collections(document, result);
        check_other_members(document);
        if (!problems_.empty()) {
            detail::locate_problems(text_, problems_);
            throw ValidationError(std::move(problems_));
        }
        return result;
    }

    // The value of a top-level member, parsed whole; its items are at most `max_depth - 1` deep,
    // the top-level object being the first level.
    json::value member_value(const detail::MemberSpan& span) const {
        boost::system::error_code error;
        json::value value =
            json::parse(text_.substr(span.value_begin, span.value_end - span.value_begin), error,
                        {}, options(max_depth - 1));
        if (error) {
            throw_if_not_json();
            throw std::logic_error("bestvalue: a member's value parsed alone but not in place");
        }
        return value;
    }

    // The last member named `key` (JSON keeps the last of repeated names), or null. While the
    // members are scanned beside, the last found so far, once it or a member written after it
    // in a document as bestvalue writes them is found, or the scan has ended (null if none is):
    // what is given then is noted, to be held against the members all scanned.
    [[nodiscard]] const detail::MemberSpan* member(std::string_view key) {
        if (scanning_ != nullptr) {
            return member_while_scanning(key);
        }
        const auto found = last_of_name_.find(std::string(key));
        return found == last_of_name_.end() ? nullptr : &members_[found->second];
    }

    // A member's name, its escapes decoded.
    [[nodiscard]] std::string name_of(const detail::MemberSpan& span) const {
        boost::system::error_code error;
        const json::value name = json::parse(span.name, error);
        if (error || !name.is_string()) {
            throw_if_not_json();
            throw std::logic_error("bestvalue: a member's name parsed alone but not in place");
        }
        return std::string(name.get_string());
    }

    void check_version() {
        const detail::MemberSpan* version = member("bestvalue");
        if (version == nullptr) {
            throw_if_not_json();
            throw located_parse_error(
                "not a bestvalue document: the member \"bestvalue\": \"1\" is missing", 0);
        }
        const json::value value = member_value(*version);
        if (!value.is_string() || value.get_string() != "1") {
            throw_if_not_json();
            throw located_parse_error("unsupported format version " + json::serialize(value) +
                                          ": this bestvalue reads version \"1\"",
                                      version->value_begin);
        }
    }

    // Every member that is not a collection read is parsed (the text must be JSON throughout);
    // those nobody reads are problems, as in any object.
    void check_other_members(const Place& top) {
        for (std::size_t i = 0; i < members_.size(); ++i) {
            const detail::MemberSpan& span = members_[i];
            const std::string& name = names_[i];
            const bool last = last_of_name_.at(name) == i;
            const bool known = name == "bestvalue" ||
                               std::find(collection_names.begin(), collection_names.end(), name) !=
                                   collection_names.end();
            if (known && last) {
                continue;
            }
            (void)member_value(span);
            if (!known && last) {
                problem(top.at(name), "unknown member \"" + name + "\"");
            }
        }
    }

    // The actions go into `result.actions`, the progress updates into `result.progress`, the
    // rest into `result.contents`.
    void read_collections(const Place& top, Result& result);

    // Reads the items of the collection `key` at `span` that lie from `from` (where an item
    // begins, or the array's close) to `to` (the array's close, or where a later item begins),
    // numbering them from `first`, and calls `read(object, index)` for each object. Gives the
    // number after the last item read.
    template <typename Read>
    std::size_t read_items(const Place& top, std::string_view key, const detail::MemberSpan& span,
                           std::size_t from, std::size_t to, std::size_t first, ItemParser& items,
                           Read read);

    // As `read_items`, a stretch at a time: from `from` to the next of the collection's marked
    // items, and so on to `to`. Each stretch is parsed whole by simdjson; one it refuses is read
    // by `read_items`, so that a document reads, or fails, as it does with Boost.JSON alone.
    template <typename Read>
    std::size_t read_stretches(const Place& top, std::string_view key,
                               const detail::MemberSpan& span, std::size_t from, std::size_t to,
                               std::size_t first, PartParsers& parsers, Read read);

    // One stretch of `read_stretches`, from `from` (where an item begins) to `to` (where a later
    // item begins, or the array's close). Gives the number after the last item read; none,
    // having read nothing, if simdjson refuses the stretch.
    template <typename Read>
    std::optional<std::size_t> read_stretch(const Place& top, std::string_view key,
                                            const detail::MemberSpan& span, std::size_t from,
                                            std::size_t to, std::size_t first,
                                            StretchParser& parser, Read read);

    // The position of the first character from `at` on that is not JSON whitespace, within
    // `span`'s value.
    [[nodiscard]] std::size_t skip_space(const detail::MemberSpan& span, std::size_t at) const {
        while (at < span.value_end && is_space(text_[at])) {
            ++at;
        }
        return at;
    }

    // Whether `c` is JSON whitespace.
    static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

    std::string_view text_;
    std::string_view source_;
    const Store& store_;
    // A deque: a member given stays where it is while more are found.
    std::deque<detail::MemberSpan> members_;
    std::vector<std::string> names_;                            // of `members_`, decoded
    std::unordered_map<std::string, std::size_t> last_of_name_; // into `members_`
    // While the members are scanned beside: what the scan has found, and each member asked for
    // and where it was then (none: taken for absent).
    Scanning* scanning_ = nullptr;
    std::vector<std::pair<std::string, std::optional<std::size_t>>> members_given_;
    PartParsers parsers_{options(max_depth - 2), max_depth - 3};
    std::vector<Problem> problems_;
    std::unordered_map<std::string, Date> document_dates_;
    std::unordered_map<std::string, std::optional<Date>> plan_dates_;
};

template <typename Value>
std::string_view ObjectReader<Value>::text(std::string_view key, bool required) {
    const std::optional<Value> value = get(key);
    if (!value) {
        if (required) {
            reader_.problem(at(key), "the member \"" + std::string(key) + "\" is required");
        }
        return {};
    }
    if (!value->is_string()) {
        reader_.problem(at(key), "expected a string, found " + value->kind());
        return {};
    }
    const std::string_view written = value->string();
    if (written.size() > max_string_bytes) {
        reader_.problem(at(key), "a string of " + std::to_string(written.size()) +
                                     " bytes is longer than the limit of " +
                                     std::to_string(max_string_bytes) + " bytes");
        return {};
    }
    return written;
}

template <typename Value>
std::optional<Date> ObjectReader<Value>::date(std::string_view key, bool required) {
    const std::string_view written = text(key, required);
    if (written.empty()) {
        return std::nullopt;
    }
    try {
        return parse_iso_date(written);
    } catch (const ParseError& error) {
        reader_.problem(at(key), "invalid date '" + std::string(written) + "': " + error.reason());
        return std::nullopt;
    }
}

template <typename Value>
std::optional<bool> ObjectReader<Value>::boolean(std::string_view key) {
    const std::optional<Value> value = get(key);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_bool()) {
        reader_.problem(at(key), "expected true or false, found " + value->kind());
        return std::nullopt;
    }
    return value->boolean();
}

template <typename Value>
std::optional<double> ObjectReader<Value>::number(std::string_view key) {
    const std::optional<Value> value = get(key);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_number()) {
        reader_.problem(at(key), "expected a number, found " + value->kind());
        return std::nullopt;
    }
    return value->number();
}

template <typename Value>
std::vector<std::string> ObjectReader<Value>::strings(std::string_view key) {
    std::vector<std::string> result;
    const std::optional<Value> value = get(key);
    if (!value) {
        return result;
    }
    if (!value->is_array()) {
        reader_.problem(at(key), "expected an array of strings, found " + value->kind());
        return result;
    }
    value->each_item([&](std::size_t i, Value item) {
        if (!item.is_string()) {
            reader_.problem(at(key) + "/" + std::to_string(i),
                            "expected a string, found " + item.kind());
        } else if (item.string().size() > max_string_bytes) {
            reader_.problem(at(key) + "/" + std::to_string(i),
                            "a string is longer than the limit of " +
                                std::to_string(max_string_bytes) + " bytes");
        } else {
            result.emplace_back(item.string());
        }
    });
    return result;
}

template <typename Value>
template <typename Enum>
std::optional<Enum> ObjectReader<Value>::enumeration(std::string_view key, bool required) {
    const std::string_view name = text(key, required);
    if (name.empty()) {
        return std::nullopt;
    }
    const auto value = from_name<Enum>(name);
    if (!value) {
        reader_.problem(at(key), "unknown " + std::string(key) + " '" + std::string(name) +
                                     "' (one of: " + enum_choices<Enum>() + ")");
    }
    return value;
}

template <typename Value>
template <typename Read>
void ObjectReader<Value>::objects(std::string_view key, Read read) {
    const std::optional<Value> value = get(key);
    if (!value) {
        return;
    }
    if (!value->is_array()) {
        reader_.problem(at(key), "expected an array, found " + value->kind());
        return;
    }
    value->each_item(
        [&](std::size_t i, Value item) { reader_.read_object(*this, key, i, item, read); });
}

template <typename Read>
std::size_t DocumentReader::read_items(const Place& top, std::string_view key,
                                       const detail::MemberSpan& span, std::size_t from,
                                       std::size_t to, std::size_t first, ItemParser& items,
                                       Read read) {
    const std::size_t close = span.value_end - 1;
    std::size_t at = from;
    std::size_t index = first;
    for (; at < to; ++index) {
        items.parser.reset(&items.arena);
        boost::system::error_code error;
        at += items.parser.write_some(text_.data() + at, close - at, error);
        if (error) {
            throw_if_not_json();
            throw std::logic_error("bestvalue: an item parsed in place but not alone");
        }
        {
            const json::value item = items.parser.release();
            read_object(top, key, index, TreeValue(item),
                        [&](auto& object) { read(object, index); });
        }
        items.arena.release();
        at = skip_space(span, at);
        if (at != close && text_[at] == ',') {
            at = skip_space(span, at + 1);
            if (at == close) { // a trailing comma
                throw_if_not_json();
                throw std::logic_error("bestvalue: a trailing comma was read as JSON");
            }
        } else if (at != close) {
            throw_if_not_json();
            throw std::logic_error("bestvalue: items not separated were read as JSON");
        }
    }
    if (at != to) {
        throw_if_not_json();
        throw std::logic_error("bestvalue: a part of a collection did not end where marked");
    }
    return index;
}

template <typename Read>
std::size_t DocumentReader::read_stretches(const Place& top, std::string_view key,
                                           const detail::MemberSpan& span, std::size_t from,
                                           std::size_t to, std::size_t first, PartParsers& parsers,
                                           Read read) {
    std::size_t index = first;
    // Marks lie just after a comma, so each that follows `from` starts a stretch.
    auto mark = std::upper_bound(span.item_marks.begin(), span.item_marks.end(), from);
    while (from < to) {
        std::size_t end = to;
        if (mark != span.item_marks.end() && skip_space(span, *mark) < to) {
            end = skip_space(span, *mark);
            ++mark;
        }
        const auto after = read_stretch(top, key, span, from, end, index, parsers.stretches, read);
        index = after ? *after : read_items(top, key, span, from, end, index, parsers.items, read);
        from = end;
    }
    return index;
}

template <typename Read>
std::optional<std::size_t>
DocumentReader::read_stretch(const Place& top, std::string_view key, const detail::MemberSpan& span,
                             std::size_t from, std::size_t to, std::size_t first,
                             StretchParser& parser, Read read) {
    // The items' text, without the comma that separates it from the next stretch.
    std::size_t end = to;
    while (end > from && is_space(text_[end - 1])) {
        --end;
    }
    if (to != span.value_end - 1) {
        if (end == from || text_[end - 1] != ',') {
            return std::nullopt;
        }
        --end;
    }
    const std::size_t length = end - from + 2;
    if (parser.buffer.size() < length + simdjson::SIMDJSON_PADDING) {
        parser.buffer.resize(length + simdjson::SIMDJSON_PADDING);
    }
    parser.buffer[0] = '[';
    std::copy(text_.begin() + static_cast<std::ptrdiff_t>(from),
              text_.begin() + static_cast<std::ptrdiff_t>(end), parser.buffer.begin() + 1);
    parser.buffer[length - 1] = ']';
    simdjson::dom::array items;
    if (parser.parser.parse(parser.buffer.data(), length, false).get_array().get(items) !=
        simdjson::SUCCESS) {
        return std::nullopt;
    }
    std::size_t index = first;
    for (const simdjson::dom::element item : items) {
        read_object(top, key, index, DomValue(item), [&](auto& object) { read(object, index); });
        ++index;
    }
    return index;
}

template <typename Read>
void DocumentReader::collection(const Place& top, std::string_view key, Read read) {
    const detail::MemberSpan* span = member(key);
    if (span == nullptr) {
        return;
    }
    if (text_[span->value_begin] != '[') {
        problem(top.at(key),
                "expected an array, found " + detail::describe_kind(member_value(*span)));
        return;
    }
    (void)read_stretches(top, key, *span, skip_space(*span, span->value_begin + 1),
                         span->value_end - 1, 0, parsers_,
                         [&](auto& object, std::size_t) { read(object); });
}

template <typename Prepare, typename ReadItem>
bool DocumentReader::read_in_parts(const Place& top, std::string_view key, Prepare prepare,
                                   ReadItem read_item) {
    const detail::MemberSpan* span = member(key);
    const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
    // Only an array's items are marked, so a collection of other kinds is read as one part.
    if (span == nullptr || span->item_marks.size() < 2 || cores < 2) {
        return false;
    }
    // Part p reads items first[p] to first[p + 1] from the text at begin[p]; each but the
    // first starts at a marked item near its share of the collection.
    const std::size_t wanted = std::min<std::size_t>(cores, 4);
    std::vector<std::size_t> first{0};
    std::vector<std::size_t> begin{skip_space(*span, span->value_begin + 1)};
    for (std::size_t p = 1; p < wanted; ++p) {
        const std::size_t share = span->items * p / wanted / detail::item_mark_spacing;
        const std::size_t mark = std::min(std::max<std::size_t>(share, 1), span->item_marks.size());
        const std::size_t item = mark * detail::item_mark_spacing; // marks[j]: item (j + 1) × …
        if (item > first.back()) {
            first.push_back(item);
            begin.push_back(skip_space(*span, span->item_marks[mark - 1]));
        }
    }
    const std::size_t parts = first.size();
    first.push_back(span->items);
    begin.push_back(span->value_end - 1);

    prepare(span->items, first);
    const auto read_part = [&](std::size_t p, PartParsers& parsers) {
        const std::size_t end =
            read_stretches(top, key, *span, begin[p], begin[p + 1], first[p], parsers,
                           [&](auto& object, std::size_t index) { read_item(p, object, index); });
        if (end != first[p + 1]) {
            throw_if_not_json();
            throw std::logic_error(
                "bestvalue: a part of a collection held other items than marked");
        }
    };
    std::vector<std::vector<Problem>> problems(parts);
    std::vector<std::future<void>> others; // joined before what they use is destroyed
    for (std::size_t p = 1; p < parts; ++p) {
        others.push_back(std::async(std::launch::async, [&, p] {
            const PartProblems sink(problems[p]);
            PartParsers parsers(options(max_depth - 2), max_depth - 3);
            read_part(p, parsers);
        }));
    }
    read_part(0, parsers_);
    for (auto& other : others) {
        other.get();
    }
    for (std::size_t p = 1; p < parts; ++p) {
        problems_.insert(problems_.end(), std::make_move_iterator(problems[p].begin()),
                         std::make_move_iterator(problems[p].end()));
    }
    return true;
}

template <typename Entity, typename Read>
void DocumentReader::collection_into(const Place& top, std::string_view key,
                                     std::vector<Entity>& into, Read read) {
    const std::size_t already = into.size();
    // A slot each: no part moves another's entities. The slots' pages are made present on
    // every core first, rather than page by page as the resize writes them.
    const auto make_slots = [&](std::size_t items, const std::vector<std::size_t>& first) {
        into.reserve(already + items);
        detail::make_present(into.data() + already, items * sizeof(Entity), first.size() - 1);
        into.resize(already + items);
    };
    const auto read_item = [&](std::size_t, auto& object, std::size_t index) {
        read(object, into[already + index]);
    };
    if (!read_in_parts(top, key, make_slots, read_item)) {
        collection(top, key, [&](auto& object) { read(object, into.emplace_back()); });
    }
}

namespace {

// Appends the tables of the parts read beside the first to the first's, in order.
void join(ProgressLog& into, const std::vector<ProgressLog>& parts) {
    for (const ProgressLog& log : parts) {
        into.append(log);
    }
}
void join(ActionTable& into, std::vector<ActionTable>& parts) {
    // The first part's table grew by doubling: all are copied into a table with room made
    // once, exactly, for them all, with no slack left. What holds strings of its own is moved,
    // not copied: the parts are dropped after.
    parts.insert(parts.begin(), std::move(into));
    into = ActionTable();
    into.append_taken(parts);
    parts.clear();
}

} // namespace

template <typename Item, typename Table, typename Read>
void DocumentReader::collection_into(const Place& top, std::string_view key, Table& into,
                                     Read read) {
    // Each part's table (the first part's is `into`) and the item it reads each into.
    struct Part {
        Table* table = nullptr;
        Item item;
    };
    std::vector<Table> beside;
    std::vector<Part> parts(1);
    parts[0].table = &into;
    const auto make_tables = [&](std::size_t items, const std::vector<std::size_t>& first) {
        // Room for every part's entries: a log's parts are appended to it (a table's are joined
        // afresh, and its room past the first part's is never written, so takes no memory).
        into.reserve(items);
        beside.resize(first.size() - 2);
        parts.resize(first.size() - 1);
        for (std::size_t p = 1; p < parts.size(); ++p) {
            parts[p].table = &beside[p - 1];
            beside[p - 1].reserve(first[p + 1] - first[p]);
        }
    };
    const auto read_item = [&](std::size_t p, auto& object, std::size_t) {
        Part& part = parts[p];
        part.item = Item();
        read(object, part.item);
        part.table->push_back(part.item);
    };
    if (read_in_parts(top, key, make_tables, read_item)) {
        join(into, beside);
    } else {
        collection(top, key, [&](auto& object) { read_item(0, object, 0); });
    }
}

template <typename Value>
void ObjectReader<Value>::record(Record& record) {
    record.id = string("id", true);
    record.visibility =
        this->template enumeration<Visibility>("visibility").value_or(Visibility::public_);
    objects("cites", [&](auto& cite) {
        record.cites.push_back({cite.string("document", true), cite.string("paragraph")});
    });
    record.notes = strings("notes");
}

template <typename Value>
std::optional<DateText> ObjectReader<Value>::date_text(std::string_view key,
                                                       std::optional<Date> reference) {
    const std::optional<Value> value = get(key);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_object()) {
        reader_.problem(at(key),
                        "expected a date text object {\"text\": …}, found " + value->kind());
        return std::nullopt;
    }
    ObjectReader object(*this, *value, key);
    DateText reading;
    reading.text = object.string("text", true);
    const bool as_written = object.get("periods") || object.get("recurrence") ||
                            object.get("done") || object.get("unread");
    if (!as_written) {
        try {
            reading = parse_date_text(reading.text, reference);
        } catch (const ParseError& error) {
            reader_.problem(at(key) + "/text", error.reason());
        }
        object.finish();
        return reading;
    }
    // Readings given in the document are taken as written: that is how a fix is recorded.
    object.objects("periods", [&](auto& period) {
        const auto start = period.date("start");
        const auto end = period.date("end", true);
        const auto precision = period.template enumeration<Precision>("precision", true);
        std::string text = period.string("text");
        if (!end || !precision) {
            return;
        }
        try {
            reading.periods.emplace_back(start.value_or(Date(boost::gregorian::neg_infin)), *end,
                                         *precision, std::move(text));
        } catch (const ValidationError& error) {
            for (const auto& problem : error.problems()) {
                reader_.problem(period.pointer(), problem.message);
            }
        }
    });
    if (const std::optional<Value> recurrence = object.get("recurrence")) {
        if (!recurrence->is_object()) {
            reader_.problem(object.at("recurrence"), "expected an object");
        } else {
            ObjectReader fields(object, *recurrence, "recurrence");
            Recurrence value;
            value.frequency = fields.template enumeration<Frequency>("frequency", true)
                                  .value_or(Frequency::annual);
            if (const auto month = fields.number("month")) {
                if (*month < 1 || *month > 12 || *month != static_cast<int>(*month)) {
                    reader_.problem(fields.at("month"), "a month is a whole number from 1 to 12");
                } else {
                    value.month = static_cast<int>(*month);
                }
            }
            value.text = fields.string("text");
            fields.finish();
            reading.recurrence = std::move(value);
        }
    }
    reading.done = object.boolean("done").value_or(false);
    reading.unread = object.strings("unread");
    if (!reading.unread.empty()) {
        const bool nothing = reading.periods.empty() && !reading.recurrence && !reading.done;
        reading.reason = nothing ? "no date found" : "not all read as dates";
        for (std::size_t i = 0; i < reading.unread.size(); ++i) {
            reading.reason += (i == 0 ? ": '" : ", '") + reading.unread[i] + "'";
        }
    }
    object.finish();
    return reading;
}

template <typename Value>
void ObjectReader<Value>::finish() {
    for (const Member& member : members_) {
        if (!member.used && !member.repeated) {
            reader_.problem(at(member.key), "unknown member \"" + std::string(member.key) + "\"");
        }
    }
}

} // namespace

namespace {

void read_entities(DocumentReader& reader, const Place& top, Contents& contents) {
    // Room for every entity at once: a national collection would otherwise move its millions
    // of entities again at each doubling.
    contents.documents.reserve(reader.count("documents"));
    contents.organisations.reserve(reader.count("organisations"));
    contents.officers.reserve(reader.count("officers"));
    contents.service_areas.reserve(reader.count("service_areas"));
    contents.scales.reserve(reader.count("scales"));
    contents.vocabularies.reserve(reader.count("vocabularies"));
    contents.assessments.reserve(reader.count("assessments"));
    contents.ratings.reserve(reader.count("ratings"));
    contents.recommendations.reserve(reader.count("recommendations"));
    contents.plans.reserve(reader.count("plans"));
    reader.collection(top, "documents", [&](auto& object) {
        Document document;
        object.record(document);
        document.title = object.string("title", true);
        document.organisation = object.string("organisation");
        document.meeting = object.string("meeting");
        document.date = object.date("date");
        document.author = object.string("author");
        document.contact = object.string("contact");
        document.item = object.string("item");
        document.status = object.string("status");
        document.source = object.string("source");
        reader.remember_date(document);
        contents.documents.push_back(std::move(document));
    });
    reader.collection(top, "organisations", [&](auto& object) {
        Organisation organisation;
        object.record(organisation);
        organisation.name = object.string("name", true);
        organisation.kind =
            enumeration<OrganisationKind>(object, "kind").value_or(OrganisationKind::other);
        if (const auto codes = object.get("codes")) {
            if (!codes->is_object()) {
                reader.problem(object.at("codes"), "expected an object of codes by scheme");
            } else {
                codes->each_member([&](std::string_view scheme, const auto& code) {
                    if (!code.is_string()) {
                        reader.problem(object.at("codes") + "/" + std::string(scheme),
                                       "expected a string");
                    } else {
                        organisation.codes[std::string(scheme)] = std::string(code.string());
                    }
                });
            }
        }
        organisation.start = object.date("start");
        organisation.end = object.date("end");
        organisation.successor = object.string("successor");
        contents.organisations.push_back(std::move(organisation));
    });
    reader.collection(top, "officers", [&](auto& object) {
        Officer officer;
        object.record(officer);
        officer.organisation = object.string("organisation");
        officer.kind = enumeration<OfficerKind>(object, "kind").value_or(OfficerKind::post);
        officer.post = object.string("post");
        officer.abbreviation = object.string("abbreviation");
        officer.unit = object.string("unit");
        object.objects("holders", [&](auto& holder) {
            officer.holders.push_back(
                {holder.string("name", true), holder.date("from"), holder.date("to")});
        });
        contents.officers.push_back(std::move(officer));
    });
    reader.collection(top, "service_areas", [&](auto& object) {
        ServiceArea area;
        object.record(area);
        area.name = object.string("name", true);
        area.parent = object.string("parent");
        contents.service_areas.push_back(std::move(area));
    });
    reader.collection(top, "scales", [&](auto& object) {
        Scale scale;
        object.record(scale);
        scale.name = object.string("name", true);
        object.objects("levels", [&](auto& level) {
            scale.levels.push_back({level.string("code", true), level.string("label"),
                                    level.number("value").value_or(0)});
        });
        contents.scales.push_back(std::move(scale));
    });
    reader.collection(top, "vocabularies", [&](auto& object) {
        StatusVocabulary vocabulary;
        object.record(vocabulary);
        vocabulary.name = object.string("name", true);
        object.objects("terms", [&](auto& term) {
            StatusTerm value;
            value.term = term.string("term", true);
            value.label = term.string("label");
            value.lifecycle =
                enumeration<Lifecycle>(term, "lifecycle", true).value_or(Lifecycle::in_progress);
            value.health = enumeration<Health>(term, "health");
            vocabulary.terms.push_back(std::move(value));
        });
        contents.vocabularies.push_back(std::move(vocabulary));
    });
    // The three largest of these are read in parts at once: each item is read from its own
    // object and the documents' dates, read before (docs/performance.md, Hotspot 39).
    reader.collection_into(
        top, "assessments", contents.assessments, [&](auto& object, Assessment& assessment) {
            object.record(assessment);
            const auto reference = reader.cited_date(assessment);
            assessment.title = object.string("title", true);
            assessment.kind =
                enumeration<AssessmentKind>(object, "kind").value_or(AssessmentKind::other);
            assessment.assessors = object.strings("assessors");
            assessment.subject = object.string("subject");
            assessment.service_areas = object.strings("service_areas");
            assessment.programme = object.string("programme");
            assessment.track = enumeration<ProgrammeTrack>(object, "track");
            assessment.scheduled = object.date_text("scheduled", reference);
            assessment.actual = object.date_text("actual", reference);
            assessment.status = enumeration<AssessmentStatus>(object, "status");
            assessment.markers = object.strings("markers");
            assessment.responsible_officers = object.strings("responsible_officers");
            assessment.challenge_officers = object.strings("challenge_officers");
            assessment.description = object.string("description");
        });
    reader.collection_into(top, "ratings", contents.ratings, [&](auto& object, Rating& rating) {
        object.record(rating);
        rating.scale = object.string("scale", true);
        rating.level = object.string("level", true);
        rating.subject = object.string("subject", true);
        rating.service_area = object.string("service_area");
        rating.component = object.string("component");
        rating.date = object.date("date");
        rating.assessment = object.string("assessment");
        rating.text = object.string("text");
    });
    reader.collection_into(top, "recommendations", contents.recommendations,
                           [&](auto& object, Recommendation& recommendation) {
                               object.record(recommendation);
                               recommendation.number = object.string("number");
                               recommendation.text = object.string("text", true);
                               recommendation.source = object.string("source");
                               recommendation.source_tag = object.string("source_tag");
                               recommendation.priority = object.string("priority");
                           });
}

} // namespace

void DocumentReader::read_collections(const Place& top, Result& result) {
    Contents& contents = result.contents;
    read_entities(*this, top, contents);
    collection(top, "plans", [&](auto& object) {
        Plan plan;
        object.record(plan);
        const auto reference = cited_date(plan);
        plan_dates_[plan.id] = reference;
        plan.title = object.string("title", true);
        plan.organisation = object.string("organisation");
        plan.kind = enumeration<PlanKind>(object, "kind").value_or(PlanKind::improvement_plan);
        plan.status = enumeration<PlanStatus>(object, "status");
        plan.adopted = object.date("adopted");
        plan.horizon = object.date_text("horizon", reference);
        plan.cadence = object.string("cadence");
        plan.audience = object.string("audience");
        plan.scope = object.string("scope");
        if (const std::string vocabulary = object.string("vocabulary"); !vocabulary.empty()) {
            plan.vocabulary = vocabulary;
        }
        object.objects("versions", [&](auto& version) {
            plan.versions.push_back({version.string("number", true), version.date("review_date"),
                                     version.string("issues"), version.string("amended"),
                                     version.string("approved_by"),
                                     version.date("amendment_date")});
        });
        object.objects("targets", [&](auto& target) {
            PlanTarget value;
            value.text = target.string("text", true);
            value.scale = target.string("scale");
            value.level = target.string("level");
            value.due = target.date_text("due", reference);
            plan.targets.push_back(std::move(value));
        });
        object.objects("legend", [&](auto& entry) {
            plan.legend.push_back(
                {entry.string("abbreviation", true), entry.string("meaning", true)});
        });
        object.objects("sections", [&](auto& fields) {
            Section section;
            fields.record(section);
            section.ref = fields.string("ref");
            section.title = fields.string("title");
            section.objective = fields.string("objective");
            section.parent = fields.string("parent");
            plan.sections.push_back(std::move(section));
        });
        plan.addresses = object.strings("addresses");
        contents.plans.push_back(std::move(plan));
    });
    // Read in parts at once, into tables: the many actions and updates are never held as
    // values all at once.
    collection_into<Action>(top, "actions", result.actions, [&](auto& object, Action& action) {
        object.record(action);
        action.plan = object.string("plan", true);
        const auto own = cited_date(action);
        const auto reference = own ? own : plan_date(action.plan);
        action.section = object.string("section");
        action.ref = object.string("ref");
        action.title = object.string("title");
        action.text = object.string("text");
        action.leads = object.strings("leads");
        action.delivery = object.strings("delivery");
        action.due = object.date_text("due", reference);
        object.objects("due_revisions", [&](auto& revision) {
            DueRevision value;
            value.revised_on = revision.date("revised_on");
            // A revision must say what the due became.
            if (auto due = revision.date_text("due", reference)) {
                value.due = std::move(*due);
            } else {
                problem(revision.at("due"), "the member \"due\" is required");
            }
            value.reason = revision.string("reason");
            value.approved_by = revision.string("approved_by");
            value.approved_on = revision.date("approved_on");
            action.due_revisions.push_back(std::move(value));
        });
        object.objects("milestones", [&](auto& milestone) {
            Milestone value;
            value.title = milestone.string("title");
            value.due = milestone.date_text("due", reference);
            value.leads = milestone.strings("leads");
            action.milestones.push_back(std::move(value));
        });
        action.outcome = object.string("outcome");
        action.resources = object.string("resources");
        action.funding = object.string("funding");
        if (const auto ict = object.get("ict")) {
            if (!ict->is_object()) {
                problem(object.at("ict"), "expected an object {\"text\": …, \"required\": …}");
            } else {
                ObjectReader fields(object, *ict, "ict");
                action.ict = IctRequirement{fields.string("text"), fields.boolean("required")};
                fields.finish();
            }
        }
        action.addresses = object.strings("addresses");
        action.source_tags = object.strings("source_tags");
    });
    collection_into<ProgressUpdate>(
        top, "progress", result.progress, [&](auto& object, ProgressUpdate& update) {
            update.subject = object.string("subject", true);
            update.as_of = object.date("as_of", true).value_or(Date());
            update.recorded = object.date("recorded");
            update.status = object.string("status");
            update.lifecycle = enumeration<Lifecycle>(object, "lifecycle");
            update.health = enumeration<Health>(object, "health");
            update.percent = object.number("percent");
            update.narrative = object.string("narrative");
            update.author = object.string("author");
            update.visibility =
                enumeration<Visibility>(object, "visibility").value_or(Visibility::public_);
            object.objects("cites", [&](auto& cite) {
                update.cites.push_back({cite.string("document", true), cite.string("paragraph")});
            });
            update.notes = object.strings("notes");
        });
}

Store::PendingChange detail::read_json_pending(Store& store, std::string_view text,
                                               std::string_view source) {
    auto [contents, actions, progress] = DocumentReader(text, source, store).read();
    try {
        return store.add_pending(std::move(contents), std::move(actions), std::move(progress));
    } catch (ValidationError& error) {
        // The store's checks speak in JSON pointers into this document: add lines and columns.
        std::vector<Problem> problems = error.problems();
        detail::locate_problems(text, problems);
        throw ValidationError(std::move(problems));
    }
}

void read_json(Store& store, std::string_view text, std::string_view source) {
    detail::read_json_pending(store, text, source).keep();
}

void read_json_file(Store& store, const std::filesystem::path& path) {
    const auto text = detail::FileText::read(path);
    if (!text) {
        throw Error("cannot open '" + path.string() + "'");
    }
    try {
        read_json(store, text->view(), path.string());
    } catch (ValidationError& error) {
        std::vector<Problem> problems = error.problems();
        for (auto& problem : problems) {
            problem.location = path.string() + "#" + problem.location;
        }
        throw ValidationError(std::move(problems));
    }
}

Store load_json_file(const std::filesystem::path& path) {
    Store store;
    read_json_file(store, path);
    return store;
}

} // namespace bestvalue
