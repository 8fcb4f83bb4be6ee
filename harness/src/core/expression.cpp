#include <hipkb/core/expression.hpp>

#include <fmt/core.h>

#include <cctype>
#include <limits>
#include <stdexcept>

namespace hipkb {

namespace {

// Recursive descent over: expr := term (('+'|'-') term)*
//                         term := unary (('*'|'/') unary)*
//                         unary := '-' unary | primary
//                         primary := integer | name | '(' expr ')'
class parser {
public:
    parser(std::string_view text, const dim_values& dims) : m_text(text), m_dims(dims) {}

    std::int64_t parse() {
        const std::int64_t value = expression();
        skip_space();
        if (m_pos != m_text.size()) {
            fail(fmt::format("unexpected '{}'", m_text[m_pos]));
        }
        return value;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::invalid_argument(fmt::format("in expression '{}' at position {}: {}", m_text, m_pos, what));
    }

    void skip_space() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) {
            ++m_pos;
        }
    }

    bool accept(char c) {
        skip_space();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    std::int64_t checked(bool overflowed, std::int64_t value) const {
        if (overflowed) {
            fail("result overflows 64 bits");
        }
        return value;
    }

    std::int64_t expression() {
        std::int64_t value = term();
        while (true) {
            if (accept('+')) {
                {
                    const std::int64_t rhs = term();
                    std::int64_t out = 0;
                    const bool over = __builtin_add_overflow(value, rhs, &out);
                    value = checked(over, out);
                }
            } else if (accept('-')) {
                {
                    const std::int64_t rhs = term();
                    std::int64_t out = 0;
                    const bool over = __builtin_sub_overflow(value, rhs, &out);
                    value = checked(over, out);
                }
            } else {
                return value;
            }
        }
    }

    std::int64_t term() {
        std::int64_t value = unary();
        while (true) {
            if (accept('*')) {
                {
                    const std::int64_t rhs = unary();
                    std::int64_t out = 0;
                    const bool over = __builtin_mul_overflow(value, rhs, &out);
                    value = checked(over, out);
                }
            } else if (accept('/')) {
                const std::int64_t divisor = unary();
                if (divisor == 0) {
                    fail("division by zero");
                }
                value /= divisor;
            } else {
                return value;
            }
        }
    }

    std::int64_t unary() {
        if (accept('-')) {
            const std::int64_t operand = unary();
            std::int64_t out = 0;
            const bool over = __builtin_sub_overflow(std::int64_t{0}, operand, &out);
            return checked(over, out);
        }
        return primary();
    }

    std::int64_t primary() {
        skip_space();
        if (accept('(')) {
            const std::int64_t value = expression();
            if (!accept(')')) {
                fail("expected ')'");
            }
            return value;
        }
        if (m_pos >= m_text.size()) {
            fail("expected a number or a dim name, found the end");
        }
        const char c = m_text[m_pos];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            std::int64_t value = 0;
            while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
                std::int64_t times_ten = 0;
                const bool over = __builtin_mul_overflow(value, std::int64_t{10}, &times_ten) ||
                                  __builtin_add_overflow(times_ten, std::int64_t{m_text[m_pos] - '0'}, &value);
                (void)checked(over, value);
                ++m_pos;
            }
            return value;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const std::size_t start = m_pos;
            while (m_pos < m_text.size() &&
                   (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_')) {
                ++m_pos;
            }
            const std::string_view name = m_text.substr(start, m_pos - start);
            const auto found = m_dims.find(name);
            if (found == m_dims.end()) {
                m_pos = start;
                fail(fmt::format("unknown dim '{}'", name));
            }
            return found->second;
        }
        fail(fmt::format("expected a number or a dim name, found '{}'", c));
    }

    std::string_view m_text;
    const dim_values& m_dims;
    std::size_t m_pos = 0;
};

}  // namespace

std::int64_t evaluate(std::string_view expression, const dim_values& dims) { return parser(expression, dims).parse(); }

}  // namespace hipkb
