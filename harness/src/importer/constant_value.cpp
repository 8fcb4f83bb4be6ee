#include "constant_value.hpp"

#include "scan.hpp"

#include <cstdlib>
#include <set>
#include <vector>

namespace hipkb::importer::detail {

namespace {

using cpu_rewrite::detail::token;
using cpu_rewrite::detail::token_kind;

const std::set<std::string, std::less<>> integer_type_words{
    "int", "long", "short", "unsigned", "signed", "size_t", "int64_t", "int32_t", "uint32_t", "uint64_t", "const"};

// Recursive descent over the tokens; any token it does not know ends it.
class evaluator {
public:
    evaluator(std::vector<token> tokens, const constant_lookup& lookup)
        : m_tokens(std::move(tokens)), m_lookup(lookup) {}

    std::optional<std::int64_t> run() {
        const auto value = shift();
        if (!value || m_at != m_tokens.size()) return std::nullopt;
        return value;
    }

private:
    bool accept(std::string_view spelling) {
        if (m_at < m_tokens.size() && m_tokens[m_at].kind == token_kind::punct && m_tokens[m_at].spelling == spelling) {
            ++m_at;
            return true;
        }
        return false;
    }

    std::optional<std::int64_t> shift() {
        auto left = additive();
        while (left) {
            if (accept("<<")) {
                const auto right = additive();
                if (!right || *right < 0 || *right > 62) return std::nullopt;
                left = *left << *right;
            } else if (accept(">>")) {
                const auto right = additive();
                if (!right || *right < 0 || *right > 62) return std::nullopt;
                left = *left >> *right;
            } else {
                break;
            }
        }
        return left;
    }

    std::optional<std::int64_t> additive() {
        auto left = multiplicative();
        while (left) {
            if (accept("+")) {
                const auto right = multiplicative();
                if (!right) return std::nullopt;
                left = *left + *right;
            } else if (accept("-")) {
                const auto right = multiplicative();
                if (!right) return std::nullopt;
                left = *left - *right;
            } else {
                break;
            }
        }
        return left;
    }

    std::optional<std::int64_t> multiplicative() {
        auto left = unary();
        while (left) {
            const bool times = accept("*");
            const bool divide = !times && accept("/");
            const bool modulo = !times && !divide && accept("%");
            if (!times && !divide && !modulo) break;
            const auto right = unary();
            if (!right || ((divide || modulo) && *right == 0)) return std::nullopt;
            left = times ? *left * *right : divide ? *left / *right : *left % *right;
        }
        return left;
    }

    std::optional<std::int64_t> unary() {
        if (accept("-")) {
            const auto value = unary();
            return value ? std::optional<std::int64_t>(-*value) : std::nullopt;
        }
        if (accept("+")) return unary();
        return primary();
    }

    // "(int)" or "static_cast<size_t>(": casts to an integer type are skipped.
    bool skip_cast() {
        const std::size_t start = m_at;
        if (m_at < m_tokens.size() && m_tokens[m_at].spelling == "static_cast" && (++m_at, accept("<"))) {
            while (m_at < m_tokens.size() && integer_type_words.contains(m_tokens[m_at].spelling)) ++m_at;
            if (accept(">")) return true;
        }
        m_at = start;
        if (accept("(")) {
            const std::size_t words = m_at;
            while (m_at < m_tokens.size() && integer_type_words.contains(m_tokens[m_at].spelling)) ++m_at;
            if (m_at > words && accept(")")) return true;
        }
        m_at = start;
        return false;
    }

    std::optional<std::int64_t> primary() {
        if (skip_cast()) return unary();
        if (accept("(")) {
            const auto value = shift();
            if (!value || !accept(")")) return std::nullopt;
            return value;
        }
        if (m_at >= m_tokens.size()) return std::nullopt;
        const token& t = m_tokens[m_at++];
        if (t.kind == token_kind::number) {
            const std::string digits = t.spelling.substr(
                0, t.spelling.find_first_of("uUlL", t.spelling.rfind('x') == std::string::npos ? 0 : 2));
            if (digits.find_first_of(".eEpP") != std::string::npos && digits.find('x') == std::string::npos)
                return std::nullopt;
            char* end = nullptr;
            const long long value = std::strtoll(digits.c_str(), &end, 0);
            if (end == nullptr || *end != '\0') return std::nullopt;
            return value;
        }
        if (t.kind == token_kind::identifier) return m_lookup(t.spelling);
        return std::nullopt;
    }

    std::vector<token> m_tokens;
    const constant_lookup& m_lookup;
    std::size_t m_at = 0;
};

}  // namespace

std::optional<std::int64_t> constant_value(std::string_view text, const constant_lookup& lookup) {
    return evaluator(cpu_rewrite::detail::scan_source(text).tokens, lookup).run();
}

}  // namespace hipkb::importer::detail
