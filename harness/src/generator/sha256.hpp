#pragma once
// SHA-256 of a prompt, so a sample records exactly which prompt produced it.

#include <string>
#include <string_view>

namespace hipkb::generator {

// Lower-case hex digest (64 characters) of `data`.
[[nodiscard]] std::string sha256_hex(std::string_view data);

}  // namespace hipkb::generator
