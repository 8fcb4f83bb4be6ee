#include <hipkb/generator/extract.hpp>

#include <algorithm>
#include <cctype>
#include <vector>

namespace hipkb::generator {

namespace {

struct fenced_block {
    std::string language;
    std::string body;
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Splits `text` into lines without their line breaks.
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

// Markdown fences: a line of three or more backticks, optionally indented,
// followed by an info string; closed by a line of at least as many backticks.
std::vector<fenced_block> fenced_blocks(std::string_view text) {
    std::vector<fenced_block> blocks;
    const std::vector<std::string_view> lines = lines_of(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view opening = trim(lines[i]);
        std::size_t ticks = 0;
        while (ticks < opening.size() && opening[ticks] == '`') ++ticks;
        if (ticks < 3) continue;
        const std::string_view info = trim(opening.substr(ticks));
        const std::string language = lower(info.substr(0, info.find_first_of(" \t{")));
        std::string body;
        bool closed = false;
        std::size_t j = i + 1;
        for (; j < lines.size(); ++j) {
            const std::string_view candidate = trim(lines[j]);
            std::size_t closing = 0;
            while (closing < candidate.size() && candidate[closing] == '`') ++closing;
            if (closing >= ticks && closing == candidate.size()) {
                closed = true;
                break;
            }
            body.append(lines[j]);
            body.push_back('\n');
        }
        if (!closed) break;  // an unclosed fence runs to the end: nothing after it is a block
        blocks.push_back({language, std::move(body)});
        i = j;
    }
    return blocks;
}

void append_paragraph(std::string& out, std::string_view text) {
    const std::string_view trimmed = trim(text);
    if (trimmed.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += trimmed;
}

}  // namespace

extracted_answer extract_answer(std::string_view content, std::string_view reasoning_field) {
    extracted_answer answer;
    append_paragraph(answer.thinking, reasoning_field);

    // <think>...</think> (reasoning models that inline their reasoning); the
    // code search then runs on what is left, so a draft inside is not taken.
    std::string visible;
    std::size_t at = 0;
    while (true) {
        const std::size_t open = content.find("<think>", at);
        if (open == std::string_view::npos) {
            visible.append(content.substr(at));
            break;
        }
        visible.append(content.substr(at, open - at));
        const std::size_t close = content.find("</think>", open);
        const std::size_t inner = open + 7;
        if (close == std::string_view::npos) {
            append_paragraph(answer.thinking, content.substr(inner));
            break;
        }
        append_paragraph(answer.thinking, content.substr(inner, close - inner));
        at = close + 8;
    }

    const fenced_block* hip = nullptr;
    const fenced_block* cpp = nullptr;
    const std::vector<fenced_block> blocks = fenced_blocks(visible);
    for (const auto& block : blocks) {
        if (block.language == "thinking") {
            append_paragraph(answer.thinking, block.body);
        } else if (block.language == "hip") {
            hip = &block;
        } else if (block.language == "cpp" || block.language == "c++") {
            cpp = &block;
        }
    }
    const fenced_block* chosen = hip ? hip : cpp;
    if (chosen && !trim(chosen->body).empty()) {
        answer.code = chosen->body;
        answer.language = chosen->language;
    }
    return answer;
}

}  // namespace hipkb::generator
