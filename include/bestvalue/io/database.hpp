#pragma once

/// \file
/// `Database`: a store kept in a SQLite file (docs/sqlite.md), read whole on open and written
/// transactionally, all or nothing, so that several processes can read it while one writes.

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/model/action.hpp>
#include <bestvalue/model/progress.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

template <>
struct EnumNames<DatabaseFailure> {
    static constexpr std::string_view type_name = "DatabaseFailure";
    static constexpr std::array<std::pair<DatabaseFailure, std::string_view>, 10> names = {{
        {DatabaseFailure::cannot_open, "cannot_open"},
        {DatabaseFailure::not_sqlite, "not_sqlite"},
        {DatabaseFailure::not_a_store, "not_a_store"},
        {DatabaseFailure::newer_version, "newer_version"},
        {DatabaseFailure::locked, "locked"},
        {DatabaseFailure::full, "full"},
        {DatabaseFailure::read_only, "read_only"},
        {DatabaseFailure::closed, "closed"},
        {DatabaseFailure::corrupt, "corrupt"},
        {DatabaseFailure::other, "other"},
    }};
};

namespace detail {
struct DatabaseData;
} // namespace detail

/// The schema version this library reads and writes, kept in the file's `PRAGMA user_version`.
inline constexpr int database_schema_version = 2;

/// The value of `PRAGMA application_id` that marks a SQLite file as a bestvalue store: the
/// bytes 'BVal' (0x4256616C).
inline constexpr std::int32_t database_application_id = 0x4256616C;

/// How `open` opens a database.
struct OpenOptions {
    /// Refuse every write (with `DatabaseError` `read_only`); several processes may read one
    /// file this way while another writes it.
    bool read_only = false;
    /// Create the file, as an empty store, if it does not exist (ignored when `read_only`).
    bool create = true;
    /// How long to wait for another connection's lock before failing with `locked`.
    std::chrono::milliseconds busy_timeout{5000};
    /// The largest the file may grow to, in bytes (rounded down to whole pages); 0 for no
    /// limit. A write that would pass it fails with `full` and writes nothing, as on a full
    /// disk: for quotas, and to test that path.
    std::int64_t max_size = 0;
};

/// A store kept in a SQLite database: one connection, read whole when opened.
///
/// Every write checks the change against a copy of the store (the same all-or-nothing checks as
/// `Store::add` and `Store::update`), then writes its rows in one transaction and only after the
/// commit takes the new store in. On any failure — a `ValidationError`, a locked or full
/// database — the file and `store()` are as they were. A write first re-reads the file if
/// another connection changed it, so it is checked against what the file holds.
///
/// Progress updates and due revisions are history: rows are only ever added to them.
///
/// Movable, not copyable; the connection closes when the object is destroyed or `close`d. A
/// moved-from database may only be closed, destroyed or assigned to. One thread at a time may
/// use a database: its connection takes no lock of its own. Separate databases, even of one
/// file, may be used from separate threads, and a store read from one is shared as any store.
class Database {
public:
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// What the file holds, as last read or written by this connection.
    [[nodiscard]] const Store& store() const noexcept;

    /// Re-reads the file if another connection has committed to it since this one last read
    /// or wrote it; true if it did re-read.
    bool refresh();

    /// Adds new entities, all or nothing (see `Store::add`).
    /// \throws ValidationError listing every problem; DatabaseError when the file cannot be
    /// written.
    void add(Contents contents);

    /// Replaces stored entities by id, all or nothing (see `Store::update`); an action must keep
    /// its due revisions.
    /// \throws ValidationError listing every problem; DatabaseError when the file cannot be
    /// written.
    void update(Contents contents);

    /// Appends one progress update to the history of its subject.
    /// \throws ValidationError if it is not valid against the store; DatabaseError.
    void append_progress(ProgressUpdate update);

    /// Appends a due revision to the action `action_id`; its earlier due and revisions stay.
    /// \throws NotFound if there is no such action; ValidationError; DatabaseError.
    void revise_due(std::string_view action_id, DueRevision revision);

    /// Reads a JSON document (docs/format.md) and adds what it holds, all or nothing.
    /// \throws ParseError, ValidationError as `read_json`; DatabaseError.
    void import_json(std::string_view text, std::string_view source = {});

    /// The store as a canonical JSON document: `write_json(store())`.
    [[nodiscard]] std::string export_json() const;

    /// The database file.
    [[nodiscard]] const std::filesystem::path& path() const noexcept;

    /// The schema version of the file: `database_schema_version` once open.
    [[nodiscard]] int schema_version() const noexcept;

    /// True if opened read-only.
    [[nodiscard]] bool read_only() const noexcept;

    /// Closes the connection; `store()` stays readable, and any other use throws
    /// `DatabaseError` `closed`. Closing twice does nothing.
    void close() noexcept;

    /// True until `close`.
    [[nodiscard]] bool is_open() const noexcept;

private:
    friend Database open(const std::filesystem::path& path, const OpenOptions& options);
    explicit Database(std::unique_ptr<detail::DatabaseData> data);

    std::unique_ptr<detail::DatabaseData> impl_;
};

/// Opens the store in the SQLite file `path`, creating it if allowed and absent, and brings an
/// older schema up to `database_schema_version` in one transaction.
/// \throws DatabaseError: `cannot_open`, `not_sqlite`, `not_a_store` (a SQLite file that is not
/// a bestvalue store), `newer_version`, `locked`, `read_only` (a store that needs upgrading,
/// opened read-only), `corrupt`.
[[nodiscard]] Database open(const std::filesystem::path& path, const OpenOptions& options = {});

} // namespace bestvalue
