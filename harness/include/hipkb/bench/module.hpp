#pragma once
// One implementation (reference, candidate or golden) loaded from its own
// shared module. Modules are opened with RTLD_LOCAL and export only
// hipkb_run, so several can live in one process even when they define
// kernels of the same name.

#include <hipkb/entry.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace hipkb {

class module_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class implementation_module {
public:
    // Throws module_error with the loader's message.
    explicit implementation_module(const std::filesystem::path& file);
    ~implementation_module();
    implementation_module(implementation_module&& other) noexcept;
    implementation_module& operator=(implementation_module&& other) noexcept;
    implementation_module(const implementation_module&) = delete;
    implementation_module& operator=(const implementation_module&) = delete;

    // Calls hipkb_run. The runtime's error state is shared by every module in
    // the process, so it is cleared first and read right after: an error the
    // implementation left pending (a failed launch it did not report) is its
    // own, returned here, and never blamed on the next module that runs.
    [[nodiscard]] int run(const hipkb_args& args) const;
    // True when the compile guard built its fallback in place of the source.
    [[nodiscard]] bool compile_failed() const { return m_compile_failed; }
    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }

private:
    std::filesystem::path m_file;
    void* m_handle = nullptr;
    int (*m_entry)(const hipkb_args*) = nullptr;
    bool m_compile_failed = false;
};

}  // namespace hipkb
