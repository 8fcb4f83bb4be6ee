#pragma once
// Pulling the code and the reasoning out of a model's answer.

#include <optional>
#include <string>
#include <string_view>

namespace hipkb::generator {

struct extracted_answer {
    // The chosen code block's text; empty optional when the answer has no
    // complete ```hip, ```cpp or ```c++ block.
    std::optional<std::string> code;
    std::string language;  // the chosen block's language tag
    // The model's reasoning: ```thinking blocks, <think>...</think> spans and
    // the response's separate reasoning field, joined by blank lines.
    std::string thinking;
};

// Chooses the last ```hip block, else the last ```cpp/```c++ block (the last
// one because models put drafts first and the final version last). A block
// that is never closed (an answer cut off at max_tokens) does not count.
[[nodiscard]] extracted_answer extract_answer(std::string_view content, std::string_view reasoning_field = {});

}  // namespace hipkb::generator
