// hipkb_cpu_rewrite INPUT.hip OUTPUT.cpp
//
// Rewrites a HIP source for the HIP-on-CPU layer. A source that cannot be
// rewritten still produces OUTPUT, with an #error line per problem, and the
// tool exits 0: the candidate then fails to compile (which the compile guard
// records) instead of failing the build. Exit 2: bad usage or unreadable
// INPUT; exit 1: OUTPUT cannot be written.
#include "rewrite.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>

namespace {

constexpr const char* tool = "hipkb_cpu_rewrite";

bool read_file(const std::string& path, std::string& content) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        errno = EISDIR;
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return false;
    content = buffer.str();
    return true;
}

bool write_file(const std::string& path, const std::string& content, std::string& why) {
    const std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) {
            why = "cannot open " + temp + ": " + std::strerror(errno);
            return false;
        }
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            why = "cannot write " + temp;
            std::error_code ignored;
            std::filesystem::remove(temp, ignored);
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        why = "cannot rename " + temp + " to " + path + ": " + ec.message();
        std::filesystem::remove(temp, ec);
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: " << tool << " INPUT.hip OUTPUT.cpp\n"
                  << "Rewrites the HIP launches (<<<...>>>) and __shared__ declarations of INPUT for the\n"
                  << "HIP-on-CPU layer and writes OUTPUT. Problems become #error lines in OUTPUT.\n";
        return 2;
    }
    const std::string input = argv[1];
    const std::string output = argv[2];
    std::string source;
    if (!read_file(input, source)) {
        std::cerr << tool << ": cannot read " << input << ": " << std::strerror(errno) << "\n";
        return 2;
    }
    const hipkb::cpu_rewrite::rewrite_result result = hipkb::cpu_rewrite::rewrite_hip_source(source, input);
    for (const std::string& error : result.errors) std::cerr << tool << ": " << error << "\n";
    std::string why;
    if (!write_file(output, result.text, why)) {
        std::cerr << tool << ": " << why << "\n";
        return 1;
    }
    return 0;
}
