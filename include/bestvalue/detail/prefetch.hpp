#pragma once

/// \file
/// The one way bestvalue asks the processor for memory ahead of reading it: a pass over many
/// entities spread through a large store (a text search's candidates, an ordering's matches,
/// a list of ids) asks for each some places ahead of its turn.

namespace bestvalue::detail {

/// Asks for the line of memory holding `address`, to be read (or, if `for_writing`, written)
/// soon. Changes nothing; compilers without the means ignore it.
inline void prefetch(const void* address, bool for_writing = false) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    if (for_writing) {
        __builtin_prefetch(address, 1);
    } else {
        __builtin_prefetch(address, 0);
    }
#else
    static_cast<void>(address);
    static_cast<void>(for_writing);
#endif
}

} // namespace bestvalue::detail
