#pragma once

// Fresh memory made present on several threads at once. The first write to each page of
// fresh memory stops the writer while the kernel finds the page and clears it; where the
// memory is large and written by one thread (a national collection's four million progress
// updates, 0.9 GB, made in one vector before its parts are read on threads of their own), that
// clearing is a serial second or more of the load (docs/performance.md, Hotspot 25).

#include <cstddef>

namespace bestvalue::detail {

// Makes the pages wholly inside [begin, begin + bytes) present and writable, `threads` parts
// at once, without changing a byte of them: memory about to be written anyway. Does nothing
// where the system cannot (not Linux 5.14 or later), and nothing for less than `worth` bytes.
void make_present(void* begin, std::size_t bytes, std::size_t threads,
                  std::size_t worth = std::size_t{64} << 20);

} // namespace bestvalue::detail
