#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <catch2/catch.hpp>

#include "detail/fresh_memory.hpp"

using bestvalue::detail::make_present;

TEST_CASE("making memory present changes none of its bytes", "[fresh_memory]") {
    std::vector<std::uint8_t> bytes(3 * 4096 + 123);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        bytes[i] = static_cast<std::uint8_t>(i * 7 + 1);
    }
    // Unaligned at both ends, on one thread and on several, and below the size worth it.
    for (const std::size_t threads : {1U, 2U, 3U, 7U}) {
        make_present(bytes.data() + 1, bytes.size() - 2, threads, 0);
        make_present(bytes.data(), 5, threads, 0);
        make_present(bytes.data(), 0, threads, 0);
        make_present(bytes.data(), bytes.size(), threads);
    }
    bool unchanged = true;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        unchanged = unchanged && bytes[i] == static_cast<std::uint8_t>(i * 7 + 1);
    }
    CHECK(unchanged);
}

#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
TEST_CASE("fresh memory made present is resident before it is written", "[fresh_memory]") {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t pages = 2048;
    const std::size_t size = pages * page;
    void* const memory =
        ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(memory != MAP_FAILED);
    const auto resident = [&] {
        std::vector<unsigned char> present(pages);
        REQUIRE(::mincore(memory, size, present.data()) == 0);
        std::size_t count = 0;
        for (const unsigned char flag : present) {
            count += flag & 1U;
        }
        return count;
    };
    CHECK(resident() == 0);
    // A kernel before 5.14 cannot populate: then nothing is claimed.
    if (::madvise(memory, page, MADV_POPULATE_WRITE) == 0) {
        make_present(static_cast<char*>(memory) + page, size - page, 2, 0);
        CHECK(resident() == pages);
        // Fresh pages read as zero.
        const auto* bytes = static_cast<const unsigned char*>(memory);
        CHECK(bytes[size / 2] == 0);
        CHECK(bytes[size - 1] == 0);
    }
    ::munmap(memory, size);
}
#endif
