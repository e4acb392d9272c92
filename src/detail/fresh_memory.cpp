#include "fresh_memory.hpp"

#include <cstdint>
#include <future>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace bestvalue::detail {

void make_present(void* begin, std::size_t bytes, std::size_t threads, std::size_t worth) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    if (bytes < worth || threads < 2) {
        return;
    }
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto start = reinterpret_cast<std::uintptr_t>(begin);
    const std::uintptr_t first = (start + page - 1) / page * page;
    const std::uintptr_t end = (start + bytes) / page * page;
    if (end <= first) {
        return;
    }
    const std::uintptr_t pages = (end - first) / page;
    const auto populate = [&](std::size_t part) {
        const std::uintptr_t from = first + pages * part / threads * page;
        const std::uintptr_t to = first + pages * (part + 1) / threads * page;
        // Fails on kernels before 5.14 (EINVAL): the pages are then made as they are written.
        (void)::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);
    };
    std::vector<std::future<void>> others;
    for (std::size_t part = 1; part < threads; ++part) {
        others.push_back(std::async(std::launch::async, populate, part));
    }
    populate(0);
    for (auto& other : others) {
        other.get();
    }
#else
    (void)begin;
    (void)bytes;
    (void)threads;
    (void)worth;
#endif
}

} // namespace bestvalue::detail
