#include <hipkb/atomic_file.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace {

namespace fs = std::filesystem;

TEST(atomic_file, writes_replaces_and_leaves_no_temporary_behind) {
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

TEST(atomic_file, errors_name_the_path) {
    try {
        (void)hipkb::read_file("/nonexistent/hipkb/file.json");
        FAIL();
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/hipkb/file.json"), std::string::npos);
    }
}

}  // namespace
