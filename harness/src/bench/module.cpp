#include <hipkb/bench/module.hpp>

#include <hipkb/device/device.hpp>

#include <fmt/core.h>

#include <utility>

#include <dlfcn.h>

namespace hipkb {

implementation_module::implementation_module(const std::filesystem::path& file) : m_file(file) {
    m_handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!m_handle) {
        const char* reason = ::dlerror();
        throw module_error(fmt::format("cannot load {}: {}", file.string(), reason ? reason : "unknown error"));
    }
    m_entry = reinterpret_cast<int (*)(const hipkb_args*)>(::dlsym(m_handle, "hipkb_run"));
    if (!m_entry) {
        ::dlclose(m_handle);
        m_handle = nullptr;
        throw module_error(fmt::format("{} does not export hipkb_run (is it declared extern \"C\"?)", file.string()));
    }
    m_compile_failed = ::dlsym(m_handle, "hipkb_compile_failed") != nullptr;
}

int implementation_module::run(const hipkb_args& args) const {
    (void)take_pending_error();
    const int status = m_entry(&args);
    const int pending = take_pending_error();
    return status != 0 ? status : pending;
}

implementation_module::~implementation_module() {
    // Left loaded on purpose: GPU runtimes tear down registered kernels at
    // exit, and unloading a module first makes that order fragile.
}

implementation_module::implementation_module(implementation_module&& other) noexcept
    : m_file(std::move(other.m_file)),
      m_handle(std::exchange(other.m_handle, nullptr)),
      m_entry(std::exchange(other.m_entry, nullptr)),
      m_compile_failed(other.m_compile_failed) {}

implementation_module& implementation_module::operator=(implementation_module&& other) noexcept {
    std::swap(m_file, other.m_file);
    std::swap(m_handle, other.m_handle);
    std::swap(m_entry, other.m_entry);
    std::swap(m_compile_failed, other.m_compile_failed);
    return *this;
}

}  // namespace hipkb
