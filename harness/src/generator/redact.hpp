#pragma once
// Keeping the API key out of everything the generator writes or prints.

#include <string>
#include <string_view>

namespace hipkb::generator {

// `text` with every occurrence of `secret` replaced by "[redacted]". A short
// secret (under 4 characters) would match ordinary text, so it is left alone;
// such a key is refused earlier anyway.
[[nodiscard]] std::string redact(std::string_view text, std::string_view secret);

}  // namespace hipkb::generator
