#pragma once
// A table rendered as aligned plain text (terminal) or as a Markdown table.

#include <string>
#include <vector>

namespace hipkb::report::detail {

enum class align { left, right };

class text_table {
public:
    struct column {
        std::string header;
        align alignment = align::left;
    };

    explicit text_table(std::vector<column> columns);

    // Missing cells are empty; extra cells are an error (std::invalid_argument).
    void add_row(std::vector<std::string> cells);

    [[nodiscard]] std::size_t row_count() const { return m_rows.size(); }
    // Columns padded to their widest cell, two spaces apart, a rule under the header.
    [[nodiscard]] std::string plain() const;
    // Cells are used as given: escape them with markdown_cell first.
    [[nodiscard]] std::string markdown() const;

private:
    std::vector<column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace hipkb::report::detail
