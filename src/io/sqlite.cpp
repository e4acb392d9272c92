#include "sqlite.hpp"

#include <string>

namespace bestvalue::detail {

namespace {

DatabaseFailure failure_of(int code) {
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return DatabaseFailure::locked;
    case SQLITE_FULL:
        return DatabaseFailure::full;
    case SQLITE_READONLY:
        return DatabaseFailure::read_only;
    case SQLITE_NOTADB:
        return DatabaseFailure::not_sqlite;
    case SQLITE_CORRUPT:
        return DatabaseFailure::corrupt;
    case SQLITE_CANTOPEN:
        return DatabaseFailure::cannot_open;
    default:
        return DatabaseFailure::other;
    }
}

} // namespace

void throw_sqlite_error(sqlite3* connection, int code, const std::string& path,
                        std::string_view doing) {
    const DatabaseFailure failure = failure_of(code);
    std::string reason(doing);
    switch (failure) {
    case DatabaseFailure::locked:
        reason += ": the database is locked by another connection and stayed locked for longer "
                  "than the busy timeout";
        break;
    case DatabaseFailure::full:
        reason += ": the disk or the database's size limit is full";
        break;
    case DatabaseFailure::not_sqlite:
        reason += ": the file is not a SQLite database";
        break;
    default:
        reason += ": ";
        reason += connection != nullptr ? sqlite3_errmsg(connection) : sqlite3_errstr(code);
        break;
    }
    if (failure == DatabaseFailure::locked || failure == DatabaseFailure::full ||
        failure == DatabaseFailure::read_only) {
        reason += "; nothing was written";
    }
    throw DatabaseError(failure, path, reason);
}

void execute(sqlite3* connection, const char* sql, const std::string& path) {
    const int code = sqlite3_exec(connection, sql, nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        throw_sqlite_error(connection, code, path, "cannot run '" + std::string(sql) + "'");
    }
}

Statement::Statement(sqlite3* connection, std::string_view sql, const std::string& path)
    : connection_(connection)
    , path_(&path) {
    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v3(connection, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    statement_.reset(statement);
    if (code != SQLITE_OK) {
        throw_sqlite_error(connection, code, path, "cannot prepare '" + std::string(sql) + "'");
    }
}

bool Statement::step() {
    const int code = sqlite3_step(statement_.get());
    if (code == SQLITE_ROW) {
        return true;
    }
    if (code == SQLITE_DONE) {
        return false;
    }
    // The statement's own code: sqlite3_reset reports the error of the failed step.
    sqlite3_reset(statement_.get());
    fail(code, "cannot run '" + std::string(sqlite3_sql(statement_.get())) + "'");
}

void Statement::reset() {
    sqlite3_reset(statement_.get());
    sqlite3_clear_bindings(statement_.get());
}

void Statement::bind(int index, std::string_view text) {
    const int code = text.empty() ? sqlite3_bind_null(statement_.get(), index)
                                  : sqlite3_bind_text64(statement_.get(), index, text.data(),
                                                        text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (code != SQLITE_OK) {
        fail(code, "cannot bind a parameter");
    }
}

void Statement::bind(int index, std::nullptr_t) {
    const int code = sqlite3_bind_null(statement_.get(), index);
    if (code != SQLITE_OK) {
        fail(code, "cannot bind a parameter");
    }
}

void Statement::bind(int index, std::int64_t value) {
    const int code = sqlite3_bind_int64(statement_.get(), index, value);
    if (code != SQLITE_OK) {
        fail(code, "cannot bind a parameter");
    }
}

void Statement::bind(int index, double value) {
    const int code = sqlite3_bind_double(statement_.get(), index, value);
    if (code != SQLITE_OK) {
        fail(code, "cannot bind a parameter");
    }
}

void Statement::bind(int index, const Date& date) {
    bind(index, to_iso(date));
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

std::string_view Statement::text_view(int column) const {
    const auto* text = sqlite3_column_text(statement_.get(), column);
    if (text == nullptr) {
        return {};
    }
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column));
    return {reinterpret_cast<const char*>(text), size};
}

std::string Statement::text(int column) const {
    return std::string(text_view(column));
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(statement_.get(), column);
}

std::optional<std::int64_t> Statement::optional_integer(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return integer(column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(statement_.get(), column);
}

std::optional<double> Statement::optional_real(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return real(column);
}

Date Statement::date(int column) const {
    const auto text = text_view(column);
    try {
        return parse_iso_date(text);
    } catch (const ParseError&) {
        corrupt(column, text);
    }
}

std::optional<Date> Statement::optional_date(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return date(column);
}

void Statement::fail(int code, std::string_view doing) const {
    throw_sqlite_error(connection_, code, *path_, doing);
}

void Statement::corrupt(int column, std::string_view value) const {
    throw DatabaseError(DatabaseFailure::corrupt, *path_,
                        "cannot read '" + std::string(value) + "' as the column " +
                            sqlite3_column_name(statement_.get(), column) + " of '" +
                            sqlite3_sql(statement_.get()) + "'");
}

Transaction::Transaction(sqlite3* connection, const std::string& path, Kind kind)
    : connection_(connection)
    , path_(&path) {
    execute(connection, kind == Kind::write ? "BEGIN IMMEDIATE" : "BEGIN", path);
}

Transaction::~Transaction() {
    if (open_) {
        // Nothing to report from here: a failed rollback leaves SQLite to roll back on close.
        sqlite3_exec(connection_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    execute(connection_, "COMMIT", *path_);
    open_ = false;
}

} // namespace bestvalue::detail
