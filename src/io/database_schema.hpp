#pragma once

// The SQLite schema of a store (docs/sqlite.md) and its forward migrations.

#include <span>
#include <sqlite3.h>
#include <string>

namespace bestvalue::detail {

/// A step that brings a store from schema version `from` to `from + 1`: SQL text, run whole.
/// Version 0 is a file with nothing in it, so the first step creates the schema.
struct Migration {
    int from;
    const char* sql;
};

/// The steps of this library, in order; the last one ends at `database_schema_version`.
[[nodiscard]] std::span<const Migration> migrations();

/// Runs the steps from the file's `user_version` up to the last of `steps` in one write
/// transaction, setting `user_version` after each and the application id; does nothing if the
/// file is already there. All or nothing: a failing step leaves the file as it was.
/// \throws DatabaseError (`newer_version` for a file beyond the last step).
void migrate(sqlite3* connection, std::span<const Migration> steps, const std::string& path);

/// Makes the reference rows of the built-in scales' levels and vocabularies' terms (which the
/// views of schema version 2 read) match this library's, writing only if they differ, in one
/// write transaction. Called on every read-write open, so a file keeps up with the library.
void write_reference_rows(sqlite3* connection, const std::string& path);

} // namespace bestvalue::detail
