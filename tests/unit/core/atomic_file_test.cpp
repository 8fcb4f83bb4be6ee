#include <hipkb/core/atomic_file.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

namespace {

namespace fs = std::filesystem;

TEST(AtomicFile, writes_replaces_and_leaves_no_temporary_behind) {
    const fs::path dir = fs::temp_directory_path() / ("hipkb_atomic_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    hipkb::write_file_atomically(dir / "sub" / "a.json", "first");
    hipkb::write_file_atomically(dir / "sub" / "a.json", "second");
    EXPECT_EQ(hipkb::read_file(dir / "sub" / "a.json"), "second");
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "sub")) ++files;
    EXPECT_EQ(files, 1);
    fs::remove_all(dir);
}

TEST(AtomicFile, errors_name_the_path) {
    try {
        (void)hipkb::read_file("/nonexistent/hipkb/file.json");
        FAIL();
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/hipkb/file.json"), std::string::npos);
    }
}

TEST(AtomicFile, a_failed_flush_is_an_error_naming_the_file) {
    // fsync on a pipe fails (EINVAL): the failure path a full or broken disk
    // would take, made real.
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    ::close(fds[1]);
    try {
        hipkb::detail::sync_and_close(fds[0], "results/x.json.tmp");
        FAIL() << "no error for a failed fsync";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("results/x.json.tmp"), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("flush"), std::string::npos) << error.what();
    }
    // The descriptor was closed anyway.
    EXPECT_EQ(::close(fds[0]), -1);
}

}  // namespace
