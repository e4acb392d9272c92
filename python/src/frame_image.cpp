#include "frame_image.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <utility>

#include <pybind11/numpy.h>

#include "column_layout.hpp"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#define BESTVALUE_FRAME_MAPPING 1
#else
#define BESTVALUE_FRAME_MAPPING 0
#endif

namespace py = pybind11;

namespace bestvalue::python {

namespace {

// Each column starts on a cache line of its own.
constexpr std::size_t column_alignment = 64;

// Images smaller than this are copied for each frame, which costs microseconds: each mapped
// image holds a file descriptor while its table lives, and a program may hold thousands of
// small tables, and need its descriptors for other files.
std::size_t& smallest_mapped() {
    static std::size_t bytes = std::size_t{1} << 20U;
    return bytes;
}

#if BESTVALUE_FRAME_MAPPING
// A mapping of memory, unmapped with its holder.
class Mapping {
public:
    Mapping(void* data, std::size_t size) noexcept
        : data_(data)
        , size_(size) {}
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    ~Mapping() { ::munmap(data_, size_); }

    [[nodiscard]] std::byte* data() const noexcept { return static_cast<std::byte*>(data_); }

private:
    void* data_;
    std::size_t size_;
};

// `size` bytes of `file` mapped as `flags` says (MAP_SHARED or MAP_PRIVATE), or null if they
// cannot be.
std::unique_ptr<Mapping> map_file(int file, std::size_t size, int flags) {
    void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, flags, file, 0);
    if (data == MAP_FAILED) {
        return nullptr;
    }
    return std::make_unique<Mapping>(data, size);
}
#endif

} // namespace

std::size_t FrameImage::map_from(std::size_t bytes) {
    return std::exchange(smallest_mapped(), bytes);
}

FrameImage::FrameImage(const Table& table) {
    std::vector<const Column*> columns;
    for (const Column& column : table.columns()) {
        const auto layout = fixed_layout(column, DateUnit::seconds);
        if (!layout) {
            continue;
        }
        size_ = (size_ + column_alignment - 1) / column_alignment * column_alignment;
        slots_.push_back(
            Slot{column.name, std::string(layout->dtype), size_, column.size(), layout->item_size});
        columns.push_back(&column);
        size_ += column.size() * layout->item_size;
    }
#if BESTVALUE_FRAME_MAPPING
    if (size_ > 0 && size_ >= smallest_mapped()) {
        memory_file_.reset(::memfd_create("bestvalue-frame", MFD_CLOEXEC));
        if (mapped() && !write_file(columns)) {
            // Then the image's own memory: a sandbox may refuse files in memory.
            memory_file_.reset(-1);
        }
    }
#endif
    if (!mapped()) {
        copy_.resize(size_);
        for (std::size_t i = 0; i < slots_.size(); ++i) {
            write_fixed(*columns[i], DateUnit::seconds, copy_.data() + slots_[i].offset);
        }
    }
}

bool FrameImage::write_file(const std::vector<const Column*>& columns) {
#if BESTVALUE_FRAME_MAPPING
    // Written a piece at a time from a buffer the caches hold: the kernel fills the file's new
    // pages as it copies, which costs less than a fault for each page of a mapping written.
    constexpr std::size_t piece_size = std::size_t{64} << 10;
    std::vector<std::byte> piece(piece_size);
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        const Slot& slot = slots_[i];
        const std::size_t rows_per_piece = piece_size / slot.item_size;
        for (std::size_t first = 0; first < slot.count; first += rows_per_piece) {
            const std::size_t last = std::min(slot.count, first + rows_per_piece);
            write_fixed(*columns[i], DateUnit::seconds, first, last, piece.data());
            const std::size_t bytes = (last - first) * slot.item_size;
            const auto at = static_cast<off_t>(slot.offset + first * slot.item_size);
            if (::pwrite(memory_file_.get(), piece.data(), bytes, at) !=
                static_cast<ssize_t>(bytes)) {
                return false;
            }
        }
    }
    // The padding after the last column, so the file is as long as the image.
    return ::ftruncate(memory_file_.get(), static_cast<off_t>(size_)) == 0;
#else
    static_cast<void>(columns);
    return false;
#endif
}

void FrameImage::Descriptor::reset(int descriptor) noexcept {
#if BESTVALUE_FRAME_MAPPING
    if (descriptor_ >= 0) {
        ::close(descriptor_);
    }
#endif
    descriptor_ = descriptor;
}

py::dict FrameImage::arrays() const {
    py::dict arrays;
    const auto make = [&](const Slot& slot, const std::byte* data, py::handle owner) {
        const std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(slot.count)};
        py::dtype dtype(slot.dtype);
        if (owner) {
            // A view of the mapping, which the owner unmaps when the last view goes; writable,
            // as a view whose base is not an array is.
            arrays[py::str(slot.name)] = py::array(dtype, shape, data, owner);
        } else {
            py::array array(dtype, shape);
            if (slot.count > 0) {
                std::memcpy(array.mutable_data(), data, slot.count * slot.item_size);
            }
            arrays[py::str(slot.name)] = std::move(array);
        }
    };
#if BESTVALUE_FRAME_MAPPING
    if (mapped()) {
        auto mapping = map_file(memory_file_.get(), size_, MAP_PRIVATE);
        if (!mapping) {
            throw std::bad_alloc();
        }
        const std::byte* data = mapping->data();
        const py::capsule owner(mapping.get(), [](void* held) {
            std::unique_ptr<Mapping>(static_cast<Mapping*>(held)).reset();
        });
        mapping.release(); // the capsule holds it now
        for (const Slot& slot : slots_) {
            make(slot, data + slot.offset, owner);
        }
        return arrays;
    }
#endif
    for (const Slot& slot : slots_) {
        make(slot, copy_.data() + slot.offset, py::handle());
    }
    return arrays;
}

} // namespace bestvalue::python
