#pragma once

/// \file
/// The exceptions bestvalue throws. Every one derives from `bestvalue::Error`, so a caller can
/// catch the library's failures in one place and still tell them apart by type.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bestvalue {

/// The root of every exception bestvalue throws.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Where in a piece of input text a parse failed.
///
/// `source` names the input (a file path, or empty for a string given directly); `line` and
/// `column` count from 1 and are 0 when unknown; `offset` is the byte offset from the start of
/// the input.
struct SourceLocation {
    std::string source;
    std::size_t line = 0;
    std::size_t column = 0;
    std::size_t offset = 0;

    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// Text that could not be read: an impossible date, a malformed value, a syntax error.
///
/// `what()` holds the full message, with the location and the offending text; `reason()` holds
/// the message alone, `text()` the input that was being read, and `location()` where in it.
class ParseError : public Error {
public:
    ParseError(std::string_view reason, std::string_view text, SourceLocation location);

    /// What was wrong, without the location (lower case, no trailing full stop).
    [[nodiscard]] const std::string& reason() const noexcept { return reason_; }
    /// The text that was being read when the error was found.
    [[nodiscard]] const std::string& text() const noexcept { return text_; }
    /// Where in that text (or in its source) the error was found.
    [[nodiscard]] const SourceLocation& location() const noexcept { return location_; }

private:
    std::string reason_;
    std::string text_;
    SourceLocation location_;
};

/// One problem found while checking a value or a document: where, and what is wrong.
struct Problem {
    std::string location;   ///< e.g. a JSON pointer, or the name of the value checked
    std::string message;    ///< lower case, no trailing full stop
    std::size_t line = 0;   ///< in the document's text, from 1; 0 when unknown
    std::size_t column = 0; ///< from 1; 0 when unknown

    friend bool operator==(const Problem&, const Problem&) = default;
};

/// A value or document that is well formed but breaks a rule of the model, such as a period
/// that ends before it starts. Carries every problem found, not just the first.
class ValidationError : public Error {
public:
    explicit ValidationError(std::vector<Problem> problems);

    /// Every problem found, in the order found; never empty.
    [[nodiscard]] const std::vector<Problem>& problems() const noexcept { return problems_; }

private:
    std::vector<Problem> problems_;
};

/// A query that cannot be read or run: the message says what is wrong and, where it can, the
/// likely fix ('unknown field "lead_officer"; did you mean "lead"?').
class QueryError : public Error {
public:
    QueryError(std::string_view reason, std::string_view query, std::size_t column);

    /// What was wrong, without the position.
    [[nodiscard]] const std::string& reason() const noexcept { return reason_; }
    /// The query text.
    [[nodiscard]] const std::string& query() const noexcept { return query_; }
    /// The column (from 1) where the problem starts.
    [[nodiscard]] std::size_t column() const noexcept { return column_; }

private:
    std::string reason_;
    std::string query_;
    std::size_t column_;
};

/// An id, or a value looked up by name, that is not there.
class NotFound : public Error {
public:
    NotFound(std::string_view kind, std::string_view id);

    /// What was looked for: 'action', 'plan' ….
    [[nodiscard]] const std::string& kind() const noexcept { return kind_; }
    /// The id that was not found.
    [[nodiscard]] const std::string& id() const noexcept { return id_; }

private:
    std::string kind_;
    std::string id_;
};

/// What went wrong with a database file, for callers that handle some cases (a busy database,
/// a full disk) differently from others.
enum class DatabaseFailure {
    cannot_open,   ///< the file does not exist (and was not to be created) or cannot be opened
    not_sqlite,    ///< the file is not a SQLite database
    not_a_store,   ///< a SQLite database, but not a bestvalue store
    newer_version, ///< a store written by a newer bestvalue, with a schema this one does not know
    locked,        ///< another connection held the lock for longer than the busy timeout
    full,          ///< the disk, or the size limit the database was opened with, is full
    read_only,     ///< a write to a database opened read-only, or to a file that cannot be written
    closed,        ///< a use of a database after `close`
    corrupt,       ///< the file is damaged, or holds a value the store cannot hold
    other,         ///< any other failure SQLite reports
};

/// A database that cannot be opened, read or written. Nothing was written: every write is one
/// transaction, rolled back on failure. `what()` names the file and says what happened.
class DatabaseError : public Error {
public:
    DatabaseError(DatabaseFailure failure, std::string path, std::string_view reason);

    /// What kind of failure it was.
    [[nodiscard]] DatabaseFailure failure() const noexcept { return failure_; }
    /// The database file.
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    /// What happened, without the path (lower case, no trailing full stop).
    [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

private:
    DatabaseFailure failure_;
    std::string path_;
    std::string reason_;
};

} // namespace bestvalue
