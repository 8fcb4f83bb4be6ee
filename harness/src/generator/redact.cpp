#include <redact.hpp>

namespace hipkb::generator {

std::string redact(std::string_view text, std::string_view secret) {
    std::string out(text);
    if (secret.size() < 4) return out;
    std::size_t at = 0;
    while ((at = out.find(secret, at)) != std::string::npos) {
        out.replace(at, secret.size(), "[redacted]");
        at += 10;
    }
    return out;
}

}  // namespace hipkb::generator
