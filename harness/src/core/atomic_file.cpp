#include <hipkb/core/atomic_file.hpp>

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace hipkb {

namespace {

std::string unique_suffix() {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return fmt::format(".tmp.{}.{:x}", ::getpid(), engine());
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    if (path.has_parent_path()) {
        std::error_code ignored;
        std::filesystem::create_directories(path.parent_path(), ignored);
    }
    const std::filesystem::path temp = path.string() + unique_suffix();
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw std::runtime_error(fmt::format("cannot write {}: {}", temp.string(), std::strerror(errno)));
    }
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int saved = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            throw std::runtime_error(fmt::format("cannot write {}: {}", temp.string(), std::strerror(saved)));
        }
        written += static_cast<std::size_t>(n);
    }
    // The data must be on disk before the rename makes it visible, or a crash
    // could leave an empty file under the final name.
    try {
        detail::sync_and_close(fd, temp);
    } catch (const std::runtime_error&) {
        ::unlink(temp.c_str());
        throw;
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temp.c_str());
        throw std::runtime_error(
            fmt::format("cannot rename {} to {}: {}", temp.string(), path.string(), std::strerror(saved)));
    }
}

namespace detail {

void sync_and_close(int fd, const std::filesystem::path& name) {
    const int synced = ::fsync(fd);
    const int sync_error = errno;
    const int closed = ::close(fd);
    const int close_error = errno;
    if (synced != 0) {
        throw std::runtime_error(fmt::format("cannot flush {} to disk: {}", name.string(), std::strerror(sync_error)));
    }
    if (closed != 0) {
        throw std::runtime_error(fmt::format("cannot close {}: {}", name.string(), std::strerror(close_error)));
    }
}

}  // namespace detail

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(fmt::format("cannot read {}: {}", path.string(), std::strerror(errno)));
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace hipkb
