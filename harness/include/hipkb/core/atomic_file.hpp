#pragma once
// Writing results so that a crash or Ctrl-C never leaves a half-written file.

#include <filesystem>
#include <string_view>

namespace hipkb {

// Writes `content` to a temporary file beside `path`, flushes it, then renames
// it over `path`. Creates missing parent folders. Throws std::runtime_error
// naming the path on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Reads a whole file. Throws std::runtime_error naming the path on failure.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

namespace detail {
// Flushes `fd` to disk and closes it; throws std::runtime_error naming
// `name` and the reason when either fails (the descriptor is closed either
// way). A file whose data did not reach the disk must not be renamed into
// place.
void sync_and_close(int fd, const std::filesystem::path& name);
}  // namespace detail

}  // namespace hipkb
