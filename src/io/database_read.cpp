#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <future>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <bestvalue/error.hpp>

#include "../detail/id_map.hpp"
#include "database_rows.hpp"
#include "sqlite.hpp"

namespace bestvalue::detail {

namespace {

// Every date text of the file, by its row id; each is taken once by the entity that has it.
class DateTexts {
public:
    DateTexts(sqlite3* connection, const std::string& path)
        : path_(path) {
        Statement last(connection, "SELECT max(date_text) FROM date_texts", path);
        last.step();
        texts_.resize(static_cast<std::size_t>(last.optional_integer(0).value_or(0)) + 1);
        Statement texts(connection,
                        "SELECT date_text, text, done, reason, recurrence_frequency, "
                        "recurrence_month, recurrence_text FROM date_texts",
                        path);
        while (texts.step()) {
            DateText& t = at(texts.integer(0));
            t.text = texts.text(1);
            t.done = texts.integer(2) != 0;
            t.reason = texts.text(3);
            if (!texts.is_null(4)) {
                Recurrence r;
                r.frequency = texts.enumeration<Frequency>(4);
                if (const auto month = texts.optional_integer(5)) {
                    r.month = static_cast<int>(*month);
                }
                r.text = texts.text(6);
                t.recurrence = std::move(r);
            }
        }
        Statement periods(connection,
                          "SELECT date_text, start_date, end_date, precision, text "
                          "FROM date_text_periods ORDER BY date_text, position",
                          path);
        while (periods.step()) {
            const auto precision = periods.enumeration<Precision>(3);
            const Date start =
                periods.is_null(1) ? Date(boost::date_time::neg_infin) : periods.date(1);
            try {
                at(periods.integer(0))
                    .periods.emplace_back(start, periods.date(2), precision, periods.text(4));
            } catch (const ValidationError& error) {
                throw DatabaseError(DatabaseFailure::corrupt, path,
                                    std::string("a period that cannot be: ") + error.what());
            }
        }
        Statement unread(connection,
                         "SELECT date_text, text FROM date_text_unread "
                         "ORDER BY date_text, position",
                         path);
        while (unread.step()) {
            at(unread.integer(0)).unread.push_back(unread.text(1));
        }
    }

    // The date text with row id `column` of `row`, if not NULL.
    std::optional<DateText> take(const Statement& row, int column) {
        if (row.is_null(column)) {
            return std::nullopt;
        }
        return std::move(at(row.integer(column)));
    }

private:
    DateText& at(std::int64_t id) {
        if (id < 0 || static_cast<std::size_t>(id) >= texts_.size()) {
            throw DatabaseError(DatabaseFailure::corrupt, path_,
                                "no date text " + std::to_string(id));
        }
        return texts_[static_cast<std::size_t>(id)];
    }

    const std::string& path_;
    std::vector<DateText> texts_;
};

// The entities that own rows of child tables, by id. Once every owner is added, it is only
// read, and may be read from two threads at once, each through an `OwnerLookup` of its own.
class Owners {
public:
    // Room for `count` owners at once, not a rehash at each doubling.
    void reserve(std::size_t count) { owners_.reserve(count); }

    // The first entity with an id is its owner; a duplicate id is Store::add's to report.
    void add(Record& record, EntityKind kind) {
        owners_.try_emplace(record.id, Owner{kind, &record});
    }

    struct Owner {
        EntityKind kind = EntityKind::document;
        Record* record = nullptr;
    };
    [[nodiscard]] const Owner* find(std::string_view id) const { return owners_.find(id); }

private:
    IdMap<Owner> owners_;
};

// Finds the entity a row of a child table belongs to. Child tables are read in the order of
// their owner's id, so consecutive rows mostly share one: the last is remembered. No owner may
// be added to `owners` while a lookup of it is in use (the map may grow).
class OwnerLookup {
public:
    OwnerLookup(const Owners& owners, const std::string& path)
        : owners_(owners)
        , path_(path) {}

    template <typename Entity>
    Entity& get(std::string_view id, EntityKind kind, std::string_view table) {
        if (last_ == nullptr || last_id_ != id) {
            last_ = &find(id, table);
            last_id_ = last_->record->id;
        }
        if (last_->kind != kind) {
            throw missing(id, table);
        }
        return static_cast<Entity&>(*last_->record);
    }

    Record& any(std::string_view id, std::string_view table) { return *find(id, table).record; }

private:
    const Owners::Owner& find(std::string_view id, std::string_view table) const {
        const Owners::Owner* found = owners_.find(id);
        if (found == nullptr) {
            throw missing(id, table);
        }
        return *found;
    }

    [[nodiscard]] DatabaseError missing(std::string_view id, std::string_view table) const {
        return DatabaseError(DatabaseFailure::corrupt, path_,
                             "a row of " + std::string(table) + " belongs to '" + std::string(id) +
                                 "', which the store does not hold");
    }

    const Owners& owners_;
    const std::string& path_;
    const Owners::Owner* last_ = nullptr;
    std::string_view last_id_;
};

// The number of rows `sql` (a count) gives: to reserve a collection once, not grow it row by row.
std::size_t count(sqlite3* connection, std::string_view sql, const std::string& path) {
    Statement statement(connection, sql, path);
    statement.step();
    return static_cast<std::size_t>(statement.integer(0));
}

template <typename Entity>
void read_record(const Statement& row, Entity& entity) {
    entity.id = row.text(0);
    entity.visibility = row.enumeration<Visibility>(1);
}

// Reads every progress update, with its citations and notes, into `progress`, in the order
// added. Stops early, leaving `progress` part read, once `stop` (if given) is set. The three
// tables are walked together, each in the order of the update's seq, so each update is
// whole when it goes into the log; each is read into one update, reused.
void read_progress(sqlite3* c, const std::string& path, ProgressLog& progress,
                   const std::atomic<bool>* stop) {
    Statement rows(c,
                   "SELECT seq, subject, as_of, recorded, status, lifecycle, health, percent, "
                   "narrative, author, visibility FROM progress ORDER BY seq",
                   path);
    Statement cites(c,
                    "SELECT progress, document, paragraph FROM progress_cites "
                    "ORDER BY progress, position",
                    path);
    Statement notes(c, "SELECT progress, note FROM progress_notes ORDER BY progress, position",
                    path);
    bool more_cites = cites.step();
    bool more_notes = notes.step();
    // A citation or note before the update now read belongs to none the store holds.
    const auto check_owner = [&](bool more, const Statement& row, std::int64_t seq) {
        if (more && row.integer(0) < seq) {
            throw DatabaseError(DatabaseFailure::corrupt, path,
                                "a row belongs to progress update " +
                                    std::to_string(row.integer(0)) +
                                    ", which the store does not hold");
        }
    };
    ProgressUpdate u;
    while (rows.step()) {
        if (stop != nullptr && stop->load(std::memory_order_relaxed)) {
            return;
        }
        const std::int64_t seq = rows.integer(0);
        u.subject = rows.text_view(1);
        u.as_of = rows.date(2);
        u.recorded = rows.optional_date(3);
        u.status = rows.text_view(4);
        u.lifecycle = rows.optional_enumeration<Lifecycle>(5);
        u.health = rows.optional_enumeration<Health>(6);
        u.percent = rows.optional_real(7);
        u.narrative = rows.text_view(8);
        u.author = rows.text_view(9);
        u.visibility = rows.enumeration<Visibility>(10);
        u.cites.clear();
        u.notes.clear();
        check_owner(more_cites, cites, seq);
        for (; more_cites && cites.integer(0) == seq; more_cites = cites.step()) {
            u.cites.push_back(Citation{cites.text(1), cites.text(2)});
        }
        check_owner(more_notes, notes, seq);
        for (; more_notes && notes.integer(0) == seq; more_notes = notes.step()) {
            u.notes.push_back(notes.text(1));
        }
        progress.push_back(u);
    }
    check_owner(more_cites, cites, std::numeric_limits<std::int64_t>::max());
    check_owner(more_notes, notes, std::numeric_limits<std::int64_t>::max());
}

// Reads every action's lead and delivery officers onto the actions of `owners`, stopping
// early once `stop` (if given) is set.
void read_action_officers(sqlite3* c, const std::string& path, const Owners& owners,
                          const std::atomic<bool>* stop) {
    OwnerLookup owner(owners, path);
    Statement rows(c,
                   "SELECT action, role, officer FROM action_officers "
                   "ORDER BY action, role, position",
                   path);
    while (rows.step()) {
        if (stop != nullptr && stop->load(std::memory_order_relaxed)) {
            return;
        }
        auto& a = owner.get<Action>(rows.text_view(0), EntityKind::action, "action_officers");
        (rows.text_view(1) == "lead" ? a.leads : a.delivery).push_back(rows.text(2));
    }
}

// The progress updates are most of a large store's rows (four million of thirteen at
// national scale, where the actions' officers are one and a half million more): a second
// connection to the file reads them on a thread of its own while the first reads the rest,
// and then, once the first has read every action, the actions' officers. SQLite here cannot
// open one snapshot on two connections (no SQLITE_ENABLE_SNAPSHOT), so the second notes the
// file's version before the first reads anything in its transaction, and its reading counts
// only if the file's version is the same once its own transaction has begun: nothing was
// committed between, so the first's snapshot, taken in that time, is the second's. Otherwise
// the first reads the updates and the officers itself.
class ReadingBeside {
public:
    // Files smaller than this are read on one connection: opening a second costs more than it
    // saves. The medium collection's store is 187 MB.
    static constexpr std::uintmax_t smallest_file = std::uintmax_t{32} << 20U;

    // The second connection, its file's version noted; none for a small file, one held in
    // memory, or one the connection cannot open (the first then reads everything). Must be
    // made before `first` reads anything in its transaction. It waits for a lock as long as
    // the first does, `busy_timeout`.
    static std::unique_ptr<ReadingBeside> open(sqlite3* first, const std::string& path,
                                               std::chrono::milliseconds busy_timeout) {
        const char* file = sqlite3_db_filename(first, "main");
        std::error_code error;
        if (file == nullptr || *file == '\0' || std::thread::hardware_concurrency() < 2 ||
            std::filesystem::file_size(file, error) < smallest_file || error) {
            return nullptr;
        }
        sqlite3* raw = nullptr;
        const int code =
            sqlite3_open_v2(file, &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
        Connection connection(raw);
        if (code != SQLITE_OK) {
            return nullptr;
        }
        sqlite3_extended_result_codes(raw, 1);
        sqlite3_busy_timeout(raw, static_cast<int>(busy_timeout.count()));
        try {
            return std::unique_ptr<ReadingBeside>(
                new ReadingBeside(std::move(connection), path, data_version(raw, path)));
        } catch (const DatabaseError&) {
            return nullptr; // a file the second cannot read is the first's to report
        }
    }

    ReadingBeside(const ReadingBeside&) = delete;
    ReadingBeside& operator=(const ReadingBeside&) = delete;
    // Stops the reading, if still going, and waits for it: the log it fills and the owners it
    // reads outlive this.
    ~ReadingBeside() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        owners_known_.notify_one();
        if (reading_.valid()) {
            reading_.wait();
        }
    }

    // Starts reading the updates into `progress`, which nothing else may touch until `finish`,
    // then waits for `read_officers_of`. The first connection must have read in its
    // transaction by now. Where no thread can be started, nothing is read here, and `finish`
    // says so.
    void start(ProgressLog& progress) {
        try {
            reading_ = std::async(std::launch::async, [this, &progress] {
                // A read transaction: its destructor ends it.
                const Transaction reading(connection_.get(), path_, Transaction::Kind::read);
                if (data_version(connection_.get(), path_) != version_) {
                    return false;
                }
                read_progress(connection_.get(), path_, progress, &stop_);
                if (const Owners* owners = wait_for_owners()) {
                    read_action_officers(connection_.get(), path_, *owners, &stop_);
                }
                return true;
            });
        } catch (const std::system_error&) {
            reading_ = {};
        }
    }

    // Lets the reading go on, once the updates are read, to the actions' officers, put on the
    // actions of `owners`. From now on until `finish` nothing may be added to `owners`, nor
    // anything else touch its actions' leads and delivery officers.
    void read_officers_of(const Owners& owners) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            owners_ = &owners;
        }
        owners_known_.notify_one();
    }

    // Waits for the reading: true if it read the updates and the officers of the first
    // connection's snapshot; false if the file changed in between, and it read neither.
    // Throws what the reading threw.
    bool finish() { return reading_.valid() && reading_.get(); }

private:
    ReadingBeside(Connection connection, const std::string& path, std::int64_t version)
        : connection_(std::move(connection))
        , path_(path)
        , version_(version) {}

    // The owners given to `read_officers_of`, or null once stopped.
    const Owners* wait_for_owners() {
        std::unique_lock<std::mutex> lock(mutex_);
        owners_known_.wait(lock, [this] { return owners_ != nullptr || stop_; });
        return stop_ ? nullptr : owners_;
    }

    static std::int64_t data_version(sqlite3* connection, const std::string& path) {
        Statement version(connection, "PRAGMA data_version", path);
        version.step();
        return version.integer(0);
    }

    Connection connection_;
    const std::string& path_;
    std::int64_t version_;
    std::atomic<bool> stop_{false};
    std::mutex mutex_; // guards owners_, and stop_'s setting against a lost wake-up
    std::condition_variable owners_known_;
    const Owners* owners_ = nullptr;
    std::future<bool> reading_;
};
} // namespace

StoredContents read_contents(sqlite3* c, const std::string& path,
                             std::optional<std::chrono::milliseconds> second_connection) {
    StoredContents stored;
    Contents& contents = stored.contents;
    // The owners of child rows, by id, filled once their entities are read.
    Owners owners;
    // Declared after `stored` and `owners`, so destroyed before them: its thread, which fills
    // stored.progress and reads `owners`, is stopped and waited for first.
    const auto beside =
        second_connection ? ReadingBeside::open(c, path, *second_connection) : nullptr;
    contents.documents.reserve(count(c, "SELECT count(*) FROM documents", path));
    contents.organisations.reserve(count(c, "SELECT count(*) FROM organisations", path));
    contents.officers.reserve(count(c, "SELECT count(*) FROM officers", path));
    contents.service_areas.reserve(count(c, "SELECT count(*) FROM service_areas", path));
    contents.scales.reserve(count(c, "SELECT count(*) FROM scales", path));
    contents.vocabularies.reserve(count(c, "SELECT count(*) FROM vocabularies", path));
    contents.assessments.reserve(count(c, "SELECT count(*) FROM assessments", path));
    contents.ratings.reserve(count(c, "SELECT count(*) FROM ratings", path));
    contents.recommendations.reserve(count(c, "SELECT count(*) FROM recommendations", path));
    contents.plans.reserve(count(c, "SELECT count(*) FROM plans", path));
    contents.actions.reserve(count(c, "SELECT count(*) FROM actions", path));
    // Room for more updates than the file holds: the store keeps this log, so the first
    // updates appended after opening (Database::append_progress) go in without moving every
    // stored one. Room not written takes no memory.
    const std::size_t updates = count(c, "SELECT count(*) FROM progress", path);
    stored.progress.reserve(updates + std::max<std::size_t>(updates / 8, 64));
    if (beside) {
        beside->start(stored.progress);
    }
    DateTexts date_texts(c, path);

    Statement documents(c,
                        "SELECT id, visibility, title, organisation, meeting, date, author, "
                        "contact, item, status, source FROM documents ORDER BY seq",
                        path);
    while (documents.step()) {
        auto& d = contents.documents.emplace_back();
        read_record(documents, d);
        d.title = documents.text(2);
        d.organisation = documents.text(3);
        d.meeting = documents.text(4);
        d.date = documents.optional_date(5);
        d.author = documents.text(6);
        d.contact = documents.text(7);
        d.item = documents.text(8);
        d.status = documents.text(9);
        d.source = documents.text(10);
    }

    Statement organisations(c,
                            "SELECT id, visibility, name, kind, start_date, end_date, successor "
                            "FROM organisations ORDER BY seq",
                            path);
    while (organisations.step()) {
        auto& o = contents.organisations.emplace_back();
        read_record(organisations, o);
        o.name = organisations.text(2);
        o.kind = organisations.enumeration<OrganisationKind>(3);
        o.start = organisations.optional_date(4);
        o.end = organisations.optional_date(5);
        o.successor = organisations.text(6);
    }

    Statement officers(c,
                       "SELECT id, visibility, organisation, kind, post, abbreviation, unit "
                       "FROM officers ORDER BY seq",
                       path);
    while (officers.step()) {
        auto& o = contents.officers.emplace_back();
        read_record(officers, o);
        o.organisation = officers.text(2);
        o.kind = officers.enumeration<OfficerKind>(3);
        o.post = officers.text(4);
        o.abbreviation = officers.text(5);
        o.unit = officers.text(6);
    }

    Statement service_areas(
        c, "SELECT id, visibility, name, parent FROM service_areas ORDER BY seq", path);
    while (service_areas.step()) {
        auto& s = contents.service_areas.emplace_back();
        read_record(service_areas, s);
        s.name = service_areas.text(2);
        s.parent = service_areas.text(3);
    }

    Statement scales(c, "SELECT id, visibility, name FROM scales ORDER BY seq", path);
    while (scales.step()) {
        auto& s = contents.scales.emplace_back();
        read_record(scales, s);
        s.name = scales.text(2);
    }

    Statement vocabularies(c, "SELECT id, visibility, name FROM vocabularies ORDER BY seq", path);
    while (vocabularies.step()) {
        auto& v = contents.vocabularies.emplace_back();
        read_record(vocabularies, v);
        v.name = vocabularies.text(2);
    }

    Statement assessments(c,
                          "SELECT id, visibility, title, kind, subject, programme, track, "
                          "scheduled, actual, status, description FROM assessments ORDER BY seq",
                          path);
    while (assessments.step()) {
        auto& a = contents.assessments.emplace_back();
        read_record(assessments, a);
        a.title = assessments.text(2);
        a.kind = assessments.enumeration<AssessmentKind>(3);
        a.subject = assessments.text(4);
        a.programme = assessments.text(5);
        a.track = assessments.optional_enumeration<ProgrammeTrack>(6);
        a.scheduled = date_texts.take(assessments, 7);
        a.actual = date_texts.take(assessments, 8);
        a.status = assessments.optional_enumeration<AssessmentStatus>(9);
        a.description = assessments.text(10);
    }

    Statement ratings(c,
                      "SELECT id, visibility, scale, level, subject, service_area, component, "
                      "date, assessment, text FROM ratings ORDER BY seq",
                      path);
    while (ratings.step()) {
        auto& r = contents.ratings.emplace_back();
        read_record(ratings, r);
        r.scale = ratings.text(2);
        r.level = ratings.text(3);
        r.subject = ratings.text(4);
        r.service_area = ratings.text(5);
        r.component = ratings.text(6);
        r.date = ratings.optional_date(7);
        r.assessment = ratings.text(8);
        r.text = ratings.text(9);
    }

    Statement recommendations(c,
                              "SELECT id, visibility, number, text, source, source_tag, priority "
                              "FROM recommendations ORDER BY seq",
                              path);
    while (recommendations.step()) {
        auto& r = contents.recommendations.emplace_back();
        read_record(recommendations, r);
        r.number = recommendations.text(2);
        r.text = recommendations.text(3);
        r.source = recommendations.text(4);
        r.source_tag = recommendations.text(5);
        r.priority = recommendations.text(6);
    }

    Statement plans(c,
                    "SELECT id, visibility, title, organisation, kind, status, adopted, horizon, "
                    "cadence, audience, scope, vocabulary FROM plans ORDER BY seq",
                    path);
    while (plans.step()) {
        auto& p = contents.plans.emplace_back();
        read_record(plans, p);
        p.title = plans.text(2);
        p.organisation = plans.text(3);
        p.kind = plans.enumeration<PlanKind>(4);
        p.status = plans.optional_enumeration<PlanStatus>(5);
        p.adopted = plans.optional_date(6);
        p.horizon = date_texts.take(plans, 7);
        p.cadence = plans.text(8);
        p.audience = plans.text(9);
        p.scope = plans.text(10);
        p.vocabulary = plans.text(11);
    }

    Statement actions(c,
                      "SELECT id, visibility, plan, section, ref, title, text, due, outcome, "
                      "resources, funding, has_ict, ict_text, ict_required "
                      "FROM actions ORDER BY seq",
                      path);
    while (actions.step()) {
        auto& a = contents.actions.emplace_back();
        read_record(actions, a);
        a.plan = actions.text(2);
        a.section = actions.text(3);
        a.ref = actions.text(4);
        a.title = actions.text(5);
        a.text = actions.text(6);
        a.due = date_texts.take(actions, 7);
        a.outcome = actions.text(8);
        a.resources = actions.text(9);
        a.funding = actions.text(10);
        if (actions.integer(11) != 0) {
            IctRequirement ict;
            ict.text = actions.text(12);
            if (const auto required = actions.optional_integer(13)) {
                ict.required = *required != 0;
            }
            a.ict = std::move(ict);
        }
    }

    // The vectors above are complete, so their elements stay where the owners point.
    owners.reserve(contents.documents.size() + contents.organisations.size() +
                   contents.officers.size() + contents.service_areas.size() +
                   contents.scales.size() + contents.vocabularies.size() +
                   contents.assessments.size() + contents.ratings.size() +
                   contents.recommendations.size() + contents.plans.size() +
                   contents.actions.size() + count(c, "SELECT count(*) FROM sections", path));
    const auto own = [&](auto& entities, EntityKind kind) {
        for (auto& entity : entities) {
            owners.add(entity, kind);
        }
    };
    own(contents.documents, EntityKind::document);
    own(contents.organisations, EntityKind::organisation);
    own(contents.officers, EntityKind::officer);
    own(contents.service_areas, EntityKind::service_area);
    own(contents.scales, EntityKind::scale);
    own(contents.vocabularies, EntityKind::vocabulary);
    own(contents.assessments, EntityKind::assessment);
    own(contents.ratings, EntityKind::rating);
    own(contents.recommendations, EntityKind::recommendation);
    own(contents.plans, EntityKind::plan);
    own(contents.actions, EntityKind::action);

    Statement sections(c,
                       "SELECT id, visibility, plan, ref, title, objective, parent "
                       "FROM sections ORDER BY plan, position",
                       path);
    OwnerLookup plan_of(owners, path);
    while (sections.step()) {
        auto& plan = plan_of.get<Plan>(sections.text_view(2), EntityKind::plan, "sections");
        auto& s = plan.sections.emplace_back();
        read_record(sections, s);
        s.ref = sections.text(3);
        s.title = sections.text(4);
        s.objective = sections.text(5);
        s.parent = sections.text(6);
    }
    for (auto& plan : contents.plans) {
        own(plan.sections, EntityKind::section);
    }
    // Every owner is known: the actions' officers can be read beside.
    if (beside) {
        beside->read_officers_of(owners);
    }
    OwnerLookup owner(owners, path);

    Statement cites(c, "SELECT entity, document, paragraph FROM cites ORDER BY entity, position",
                    path);
    while (cites.step()) {
        owner.any(cites.text_view(0), "cites")
            .cites.push_back(Citation{cites.text(1), cites.text(2)});
    }
    Statement notes(c, "SELECT entity, note FROM notes ORDER BY entity, position", path);
    while (notes.step()) {
        owner.any(notes.text_view(0), "notes").notes.push_back(notes.text(1));
    }

    Statement codes(c,
                    "SELECT organisation, scheme, code FROM organisation_codes "
                    "ORDER BY organisation, scheme",
                    path);
    while (codes.step()) {
        owner.get<Organisation>(codes.text_view(0), EntityKind::organisation, "organisation_codes")
            .codes.emplace(codes.text(1), codes.text(2));
    }
    Statement holders(c,
                      "SELECT officer, name, from_date, to_date FROM officer_holders "
                      "ORDER BY officer, position",
                      path);
    while (holders.step()) {
        owner.get<Officer>(holders.text_view(0), EntityKind::officer, "officer_holders")
            .holders.push_back(
                PostHolder{holders.text(1), holders.optional_date(2), holders.optional_date(3)});
    }
    Statement levels(
        c, "SELECT scale, code, label, value FROM scale_levels ORDER BY scale, position", path);
    while (levels.step()) {
        owner.get<Scale>(levels.text_view(0), EntityKind::scale, "scale_levels")
            .levels.push_back(ScaleLevel{levels.text(1), levels.text(2), levels.real(3)});
    }
    Statement terms(c,
                    "SELECT vocabulary, term, label, lifecycle, health FROM vocabulary_terms "
                    "ORDER BY vocabulary, position",
                    path);
    while (terms.step()) {
        owner.get<StatusVocabulary>(terms.text_view(0), EntityKind::vocabulary, "vocabulary_terms")
            .terms.push_back(StatusTerm{terms.text(1), terms.text(2),
                                        terms.enumeration<Lifecycle>(3),
                                        terms.optional_enumeration<Health>(4)});
    }

    Statement assessors(c,
                        "SELECT assessment, organisation FROM assessment_assessors "
                        "ORDER BY assessment, position",
                        path);
    while (assessors.step()) {
        owner
            .get<Assessment>(assessors.text_view(0), EntityKind::assessment, "assessment_assessors")
            .assessors.push_back(assessors.text(1));
    }
    Statement assessment_areas(c,
                               "SELECT assessment, service_area FROM assessment_service_areas "
                               "ORDER BY assessment, position",
                               path);
    while (assessment_areas.step()) {
        owner
            .get<Assessment>(assessment_areas.text_view(0), EntityKind::assessment,
                             "assessment_service_areas")
            .service_areas.push_back(assessment_areas.text(1));
    }
    Statement markers(c,
                      "SELECT assessment, marker FROM assessment_markers "
                      "ORDER BY assessment, position",
                      path);
    while (markers.step()) {
        owner.get<Assessment>(markers.text_view(0), EntityKind::assessment, "assessment_markers")
            .markers.push_back(markers.text(1));
    }
    Statement assessment_officers(c,
                                  "SELECT assessment, role, officer FROM assessment_officers "
                                  "ORDER BY assessment, role, position",
                                  path);
    while (assessment_officers.step()) {
        auto& a = owner.get<Assessment>(assessment_officers.text_view(0), EntityKind::assessment,
                                        "assessment_officers");
        (assessment_officers.text_view(1) == "responsible" ? a.responsible_officers
                                                           : a.challenge_officers)
            .push_back(assessment_officers.text(2));
    }

    Statement versions(c,
                       "SELECT plan, number, review_date, issues, amended, approved_by, "
                       "amendment_date FROM plan_versions ORDER BY plan, position",
                       path);
    while (versions.step()) {
        owner.get<Plan>(versions.text_view(0), EntityKind::plan, "plan_versions")
            .versions.push_back(PlanVersion{versions.text(1), versions.optional_date(2),
                                            versions.text(3), versions.text(4), versions.text(5),
                                            versions.optional_date(6)});
    }
    Statement targets(c,
                      "SELECT plan, text, scale, level, due FROM plan_targets "
                      "ORDER BY plan, position",
                      path);
    while (targets.step()) {
        owner.get<Plan>(targets.text_view(0), EntityKind::plan, "plan_targets")
            .targets.push_back(PlanTarget{targets.text(1), targets.text(2), targets.text(3),
                                          date_texts.take(targets, 4)});
    }
    Statement legend(
        c, "SELECT plan, abbreviation, meaning FROM plan_legend ORDER BY plan, position", path);
    while (legend.step()) {
        owner.get<Plan>(legend.text_view(0), EntityKind::plan, "plan_legend")
            .legend.push_back(LegendEntry{legend.text(1), legend.text(2)});
    }
    Statement plan_addresses(
        c, "SELECT plan, recommendation FROM plan_addresses ORDER BY plan, position", path);
    while (plan_addresses.step()) {
        owner.get<Plan>(plan_addresses.text_view(0), EntityKind::plan, "plan_addresses")
            .addresses.push_back(plan_addresses.text(1));
    }

    Statement action_addresses(
        c, "SELECT action, recommendation FROM action_addresses ORDER BY action, position", path);
    while (action_addresses.step()) {
        owner.get<Action>(action_addresses.text_view(0), EntityKind::action, "action_addresses")
            .addresses.push_back(action_addresses.text(1));
    }
    Statement tags(c, "SELECT action, tag FROM action_source_tags ORDER BY action, position", path);
    while (tags.step()) {
        owner.get<Action>(tags.text_view(0), EntityKind::action, "action_source_tags")
            .source_tags.push_back(tags.text(1));
    }
    Statement milestones(c, "SELECT action, title, due FROM milestones ORDER BY action, position",
                         path);
    while (milestones.step()) {
        owner.get<Action>(milestones.text_view(0), EntityKind::action, "milestones")
            .milestones.push_back(
                Milestone{milestones.text(1), date_texts.take(milestones, 2), {}});
    }
    Statement milestone_leads(c,
                              "SELECT action, milestone, officer FROM milestone_leads "
                              "ORDER BY action, milestone, position",
                              path);
    while (milestone_leads.step()) {
        auto& a =
            owner.get<Action>(milestone_leads.text_view(0), EntityKind::action, "milestone_leads");
        const auto m = static_cast<std::size_t>(milestone_leads.integer(1));
        if (m >= a.milestones.size()) {
            throw DatabaseError(DatabaseFailure::corrupt, path,
                                "a milestone lead of '" + a.id + "' has no milestone");
        }
        a.milestones[m].leads.push_back(milestone_leads.text(2));
    }
    Statement revisions(c,
                        "SELECT action, revised_on, due, reason, approved_by, approved_on "
                        "FROM due_revisions ORDER BY action, position",
                        path);
    while (revisions.step()) {
        auto revised = date_texts.take(revisions, 2);
        owner.get<Action>(revisions.text_view(0), EntityKind::action, "due_revisions")
            .due_revisions.push_back(DueRevision{revisions.optional_date(1),
                                                 revised.value_or(DateText{}), revisions.text(3),
                                                 revisions.text(4), revisions.optional_date(5)});
    }

    // What no second connection read (none was opened, or the file changed), the first reads.
    if (!beside || !beside->finish()) {
        stored.progress.truncate(0);
        read_progress(c, path, stored.progress, nullptr);
        read_action_officers(c, path, owners, nullptr);
    }
    return stored;
}

} // namespace bestvalue::detail
