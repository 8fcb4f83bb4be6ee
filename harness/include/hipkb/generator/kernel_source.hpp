#pragma once
// Finding one kernel function in a source file and replacing its body: the
// "function body" edit mode, where the model rewrites only that body (the
// original hip2hip convention) and the rest of the reference stays as it is.

#include <cstddef>
#include <string>
#include <string_view>

namespace hipkb::generator {

struct function_location {
    std::string name;
    std::size_t body_begin = 0;  // just after the opening '{'
    std::size_t body_end = 0;    // at the closing '}'
};

// The definition of the function `name`, or of the first __global__ function
// when `name` is empty. Comments, strings and character literals are
// skipped, and declarations without a body are passed over. Throws
// std::invalid_argument naming `source_name` when there is no such function.
[[nodiscard]] function_location find_function(std::string_view source, std::string_view name,
                                              std::string_view source_name);

// `source` with the body at `where` replaced by `new_body`.
[[nodiscard]] std::string replace_body(std::string_view source, const function_location& where,
                                       std::string_view new_body);

// The new body from a model's code block: the body of `name` when the block
// holds the whole function, the inside of the braces when the block is one
// braced block, else the block as it is.
[[nodiscard]] std::string body_from_answer(std::string_view code, std::string_view name);

}  // namespace hipkb::generator
