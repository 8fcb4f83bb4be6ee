#pragma once
// What the compile guard (cmake/hipkb_compile_guard.sh) leaves beside a
// candidate's module: <log> (the compiler's output) and <log>.status
// ("compiled" or "failed"). The bench, the manifest reader and the results
// builder all read them through these functions.

#include <filesystem>
#include <string>
#include <vector>

namespace hipkb {

// "compiled", "failed", or "unknown" when there is no status file (not built yet).
[[nodiscard]] std::string read_compile_status(const std::filesystem::path& log);

// The lines a reader needs first: from the first line that mentions an
// error (else from the top), at most `max_lines` of them, without line ends.
[[nodiscard]] std::vector<std::string> first_compile_errors(const std::string& log, std::size_t max_lines);

}  // namespace hipkb
