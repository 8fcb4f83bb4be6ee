#include "text_table.hpp"

#include "format.hpp"

#include <algorithm>
#include <stdexcept>

namespace hipkb::report::detail {

text_table::text_table(std::vector<column> columns) : m_columns(std::move(columns)) {}

void text_table::add_row(std::vector<std::string> cells) {
    if (cells.size() > m_columns.size()) {
        throw std::invalid_argument("text_table: more cells than columns");
    }
    cells.resize(m_columns.size());
    m_rows.push_back(std::move(cells));
}

std::string text_table::plain() const {
    std::vector<std::size_t> widths;
    for (const column& c : m_columns) widths.push_back(display_width(c.header));
    for (const auto& row : m_rows) {
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
    }
    auto render = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string padding(widths[i] - display_width(cells[i]), ' ');
            if (i > 0) line += "  ";
            line += m_columns[i].alignment == align::right ? padding + cells[i] : cells[i] + padding;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        return line + "\n";
    };
    std::vector<std::string> headers;
    std::size_t total = 0;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        headers.push_back(m_columns[i].header);
        total += widths[i] + (i > 0 ? 2 : 0);
    }
    std::string out = render(headers);
    out += std::string(total, '-') + "\n";
    for (const auto& row : m_rows) out += render(row);
    return out;
}

std::string text_table::markdown() const {
    std::string out = "|";
    for (const column& c : m_columns) out += " " + c.header + " |";
    out += "\n|";
    for (const column& c : m_columns) out += c.alignment == align::right ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : m_rows) {
        out += "|";
        for (const std::string& cell : row) out += " " + cell + " |";
        out += "\n";
    }
    return out;
}

}  // namespace hipkb::report::detail
