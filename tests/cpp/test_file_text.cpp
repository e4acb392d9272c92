#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <utility>

#if defined(__unix__)
#include <sys/stat.h>
#endif

#include <catch2/catch.hpp>

#include "detail/file_text.hpp"

using bestvalue::detail::FileText;

namespace {

// A directory of its own for one test, removed when it ends.
struct Scratch {
    std::filesystem::path directory;
    explicit Scratch(const std::string& name)
        : directory(std::filesystem::temp_directory_path() / name) {
        std::filesystem::remove_all(directory);
        std::filesystem::create_directories(directory);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
        std::error_code ignored;
        std::filesystem::remove_all(directory, ignored);
    }
};

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace

TEST_CASE("a file's bytes are read whole, mapped where the file is regular", "[file_text]") {
    const Scratch scratch("bestvalue-test-file-text");
    std::string bytes;
    for (int i = 0; i < 100000; ++i) { // several pages, and bytes JSON never holds
        bytes += static_cast<char>(i % 251);
    }
    const auto path = scratch.directory / "bytes.bin";
    write_file(path, bytes);
    const auto text = FileText::read(path);
    REQUIRE(text.has_value());
#if defined(__unix__)
    CHECK(text->is_mapped());
#endif
    CHECK(text->view() == bytes);

    write_file(scratch.directory / "empty.json", "");
    const auto empty = FileText::read(scratch.directory / "empty.json");
    REQUIRE(empty.has_value());
    CHECK(empty->view().empty());

    CHECK_FALSE(FileText::read(scratch.directory / "no-such-file").has_value());
    CHECK_FALSE(FileText::read(scratch.directory).has_value()); // a directory holds no bytes
}

TEST_CASE("a file's bytes move with their holder and outlive the file's replacement",
          "[file_text]") {
    const Scratch scratch("bestvalue-test-file-text-move");
    const auto path = scratch.directory / "store.json";
    write_file(path, "{\"bestvalue\": \"1\"}");
    auto first = FileText::read(path);
    REQUIRE(first.has_value());
    FileText held = std::move(*first);
    CHECK(held.view() == "{\"bestvalue\": \"1\"}");
    CHECK(first->view().empty()); // NOLINT(bugprone-use-after-move): moved-from is empty

    // Replaced as save_json_file replaces a file: a new one renamed over it.
    write_file(scratch.directory / "store.json.partial", "{}");
    std::filesystem::rename(scratch.directory / "store.json.partial", path);
    CHECK(held.view() == "{\"bestvalue\": \"1\"}");

    auto second = FileText::read(path);
    REQUIRE(second.has_value());
    held = std::move(*second);
    CHECK(held.view() == "{}");
}

#if defined(__unix__)
TEST_CASE("a pipe's bytes are read, not mapped", "[file_text]") {
    const Scratch scratch("bestvalue-test-file-text-pipe");
    const auto pipe = scratch.directory / "store.json";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    const std::string bytes(70000, 'x');
    std::thread writer([&] { write_file(pipe, bytes); });
    const auto text = FileText::read(pipe);
    writer.join();
    REQUIRE(text.has_value());
    CHECK_FALSE(text->is_mapped());
    CHECK(text->view() == bytes);
}
#endif
