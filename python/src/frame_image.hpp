#pragma once

// A table's fixed-size columns laid out once, in the forms a pandas frame holds them, for each
// frame made of the table to map privately: a frame is its own to write to, yet nothing is
// copied when it is made, only each page it writes when it writes it (docs/performance.md,
// Hotspot 30).

#include <cstddef>
#include <string>
#include <vector>

#include <bestvalue/query/table.hpp>

#include <pybind11/pybind11.h>

namespace bestvalue::python {

/// The fixed-size columns of one table (column_layout.hpp: dates in seconds, numbers, integers,
/// booleans, and the codes of the text columns naming enumerators) laid out once, one after
/// another. On Linux an image of 1 MiB or more (about 50,000 actions) is laid out in a file in
/// memory (`memfd_create`), and each call of `arrays` maps it privately: copy-on-write, so the
/// arrays are the caller's own and writable, though nothing is copied until they are written.
/// A smaller image, or one elsewhere or where no such file can be made, is laid out in the
/// image's own memory and `arrays` copies it, which is still cheaper than converting again.
class FrameImage {
public:
    /// Lays out the fixed-size columns of `table`.
    /// \throws Error as `write_fixed` does.
    explicit FrameImage(const Table& table);
    FrameImage(const FrameImage&) = delete;
    FrameImage& operator=(const FrameImage&) = delete;
    ~FrameImage() = default;

    /// Each fixed-size column as a new array, by name, in the table's order: writable, and no
    /// other array sees what is written to it.
    /// \throws std::bad_alloc if the image cannot be mapped or copied.
    [[nodiscard]] pybind11::dict arrays() const;

    /// Whether `arrays` maps the image rather than copying it.
    [[nodiscard]] bool mapped() const noexcept { return memory_file_.get() >= 0; }

    /// The smallest image, in bytes, laid out to be mapped from now on (1 MiB unless set: a
    /// smaller one is copied for each frame, in microseconds, and holds no file descriptor);
    /// gives the size before. For tests of both paths.
    static std::size_t map_from(std::size_t bytes);

private:
    // A file descriptor, closed with its holder; -1 for none.
    class Descriptor {
    public:
        Descriptor() = default;
        Descriptor(const Descriptor&) = delete;
        Descriptor& operator=(const Descriptor&) = delete;
        ~Descriptor() { reset(-1); }
        [[nodiscard]] int get() const noexcept { return descriptor_; }
        // Closes the one held, if any, and holds `descriptor`.
        void reset(int descriptor) noexcept;

    private:
        int descriptor_ = -1;
    };

    struct Slot {
        std::string name;
        std::string dtype;      // as numpy names it
        std::size_t offset = 0; // in the image
        std::size_t count = 0;  // values
        std::size_t item_size = 0;
    };
    // Writes the image to memory_file_; false if the file takes less than all of it.
    bool write_file(const std::vector<const Column*>& columns);

    std::vector<Slot> slots_;
    std::size_t size_ = 0;        // bytes, the padding between columns included
    Descriptor memory_file_;      // the file in memory holding the image, or none
    std::vector<std::byte> copy_; // the image where it is not in a file
};

} // namespace bestvalue::python
