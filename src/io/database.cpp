#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <bestvalue/error.hpp>
#include <bestvalue/io/database.hpp>
#include <bestvalue/io/json.hpp>

#include "database_rows.hpp"
#include "database_schema.hpp"
#include "json_read.hpp"
#include "sqlite.hpp"

namespace bestvalue {

namespace detail {

struct DatabaseData {
    std::filesystem::path path;
    std::string name; // the path as text, for messages
    OpenOptions options;
    Connection connection;
    Store store;
    std::int64_t data_version = 0;
    int schema_version = 0;

    [[nodiscard]] sqlite3* connected() const {
        if (!connection) {
            throw DatabaseError(DatabaseFailure::closed, name, "the database is closed");
        }
        return connection.get();
    }

    [[nodiscard]] std::int64_t current_data_version() const {
        Statement version(connected(), "PRAGMA data_version", name);
        version.step();
        return version.integer(0);
    }

    // Reads the whole store; the caller holds a transaction, so it is one snapshot.
    // `first_read`: the transaction has read nothing yet, so a second connection may read
    // beside the first (read_contents).
    void load(bool first_read) {
        auto [contents, progress] = read_contents(
            connected(), name, first_read ? std::optional(options.busy_timeout) : std::nullopt);
        Store loaded;
        try {
            loaded.add(std::move(contents), ActionTable(), std::move(progress));
        } catch (const ValidationError& error) {
            throw DatabaseError(DatabaseFailure::corrupt, name,
                                std::string("the store in the file does not hold together: ") +
                                    error.what());
        }
        store = std::move(loaded);
        data_version = current_data_version();
    }

    // Makes `change` to the store, pending (it returns the Store::PendingChange, and fills
    // `replaced` with what it replaces), writes its rows in one write transaction, and keeps it
    // once committed; if the file refuses it, the store is taken back as it was. No copy of the
    // store is made: at national scale one took seconds and as much memory again.
    template <typename Change>
    void write(Change&& change) {
        sqlite3* c = connected();
        if (options.read_only) {
            throw DatabaseError(DatabaseFailure::read_only, name,
                                "the database was opened read-only; nothing was written");
        }
        Transaction transaction(c, name, Transaction::Kind::write);
        // Under the write lock, what the file holds now is what the change is checked against.
        if (current_data_version() != data_version) {
            load(false);
        }
        Contents replaced;
        Store::PendingChange pending = change(store, replaced);
        write_changes(c, name, pending, store, replaced);
        transaction.commit();
        pending.keep();
    }
};

namespace {

// What the file is, before anything is written to it.
enum class Identity { store, empty, foreign };

Identity identify(sqlite3* c, const std::string& name, int& version) {
    // The first read of the file: here SQLite finds out whether it is a database at all.
    Statement application(c, "PRAGMA application_id", name);
    application.step();
    const std::int64_t id = application.integer(0);
    Statement user_version(c, "PRAGMA user_version", name);
    user_version.step();
    version = static_cast<int>(user_version.integer(0));
    Statement objects(c, "SELECT count(*) FROM sqlite_master", name);
    objects.step();
    const std::int64_t count = objects.integer(0);
    if (id == database_application_id) {
        return Identity::store;
    }
    if (id == 0 && version == 0 && count == 0) {
        return Identity::empty;
    }
    throw DatabaseError(
        DatabaseFailure::not_a_store, name,
        id != 0 ? "a SQLite database of another application (application id " + std::to_string(id) +
                      "), not a bestvalue store"
                : "a SQLite database with " + std::to_string(count) +
                      " tables and other objects but no bestvalue application id: not a "
                      "bestvalue store");
}

} // namespace

} // namespace detail

Database open(const std::filesystem::path& path, const OpenOptions& options) {
    auto data = std::make_unique<detail::DatabaseData>();
    data->path = path;
    data->name = path.string();
    data->options = options;
    const std::string& name = data->name;

    // One thread at a time uses a connection (class Database), so SQLite's lock around each of
    // its calls, two for every column read, is left out.
    const int flags =
        SQLITE_OPEN_NOMUTEX |
        (options.read_only ? SQLITE_OPEN_READONLY
                           : SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0));
    sqlite3* raw = nullptr;
    const int code = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
    data->connection.reset(raw);
    if (code != SQLITE_OK) {
        std::error_code ignored;
        throw DatabaseError(DatabaseFailure::cannot_open, name,
                            std::filesystem::exists(path, ignored)
                                ? std::string("cannot open the file: ") + sqlite3_errstr(code)
                                : std::string("the file does not exist"));
    }
    sqlite3* c = raw;
    sqlite3_extended_result_codes(c, 1);
    sqlite3_busy_timeout(c, static_cast<int>(options.busy_timeout.count()));

    const detail::Identity identity = detail::identify(c, name, data->schema_version);
    if (data->schema_version > database_schema_version) {
        throw DatabaseError(DatabaseFailure::newer_version, name,
                            "the store has schema version " + std::to_string(data->schema_version) +
                                ", newer than this bestvalue knows (" +
                                std::to_string(database_schema_version) +
                                "): use a newer bestvalue");
    }
    if (options.read_only && identity == detail::Identity::empty) {
        throw DatabaseError(DatabaseFailure::not_a_store, name,
                            "an empty database, not a bestvalue store (opened read-only, so "
                            "none was created)");
    }
    if (options.read_only && data->schema_version < database_schema_version) {
        throw DatabaseError(DatabaseFailure::read_only, name,
                            "the store has schema version " + std::to_string(data->schema_version) +
                                " and must be upgraded: open it once read-write");
    }
    if (!options.read_only) {
        // Readers then never block the writer, nor it them; the mode stays with the file.
        detail::execute(c, "PRAGMA journal_mode = WAL", name);
    }
    detail::execute(c, "PRAGMA foreign_keys = ON", name);
    if (options.max_size > 0) {
        detail::Statement page_size(c, "PRAGMA page_size", name);
        page_size.step();
        const std::int64_t pages =
            std::max<std::int64_t>(1, options.max_size / page_size.integer(0));
        // A pragma takes no parameters; the number is made here, not taken from outside text.
        const std::string limit = "PRAGMA max_page_count = " + std::to_string(pages);
        detail::execute(c, limit.c_str(), name);
    }
    if (data->schema_version < database_schema_version) {
        detail::migrate(c, detail::migrations(), name);
        data->schema_version = database_schema_version;
    }
    if (!options.read_only) {
        detail::write_reference_rows(c, name);
    }
    detail::Transaction reading(c, name, detail::Transaction::Kind::read);
    data->load(true);
    reading.commit();
    return Database(std::move(data));
}

Database::Database(std::unique_ptr<detail::DatabaseData> data)
    : impl_(std::move(data)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const Store& Database::store() const noexcept {
    return impl_->store;
}

bool Database::refresh() {
    sqlite3* c = impl_->connected();
    detail::Transaction reading(c, impl_->name, detail::Transaction::Kind::read);
    if (impl_->current_data_version() == impl_->data_version) {
        reading.commit();
        return false;
    }
    impl_->load(false);
    reading.commit();
    return true;
}

void Database::add(Contents contents) {
    impl_->write([&](Store& store, Contents&) { return store.add_pending(std::move(contents)); });
}

void Database::update(Contents contents) {
    impl_->write([&](Store& store, Contents& replaced) {
        replaced = contents;
        return store.update_pending(std::move(contents));
    });
}

void Database::append_progress(ProgressUpdate update) {
    impl_->write([&](Store& store, Contents&) {
        Contents added;
        added.progress.push_back(std::move(update));
        return store.add_pending(std::move(added));
    });
}

void Database::revise_due(std::string_view action_id, DueRevision revision) {
    impl_->write([&](Store& store, Contents& replaced) {
        Action revised = store.get_action(action_id).value();
        revised.due_revisions.push_back(std::move(revision));
        replaced.actions.push_back(revised);
        Contents change;
        change.actions.push_back(std::move(revised));
        return store.update_pending(std::move(change));
    });
}

void Database::import_json(std::string_view text, std::string_view source) {
    impl_->write(
        [&](Store& store, Contents&) { return detail::read_json_pending(store, text, source); });
}

std::string Database::export_json() const {
    return write_json(impl_->store);
}

const std::filesystem::path& Database::path() const noexcept {
    return impl_->path;
}

int Database::schema_version() const noexcept {
    return impl_->schema_version;
}

bool Database::read_only() const noexcept {
    return impl_->options.read_only;
}

void Database::close() noexcept {
    if (impl_) {
        impl_->connection.reset();
    }
}

bool Database::is_open() const noexcept {
    return impl_ && impl_->connection != nullptr;
}

} // namespace bestvalue
