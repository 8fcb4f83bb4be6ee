#include <hipkb/core/dtype.hpp>

#include <stdexcept>
#include <string>

namespace hipkb {

dtype parse_dtype(std::string_view name) {
    if (name == "fp32" || name == "float32") return dtype::fp32;
    if (name == "fp16" || name == "float16") return dtype::fp16;
    if (name == "bf16" || name == "bfloat16") return dtype::bf16;
    if (name == "int32") return dtype::int32;
    if (name == "int64") return dtype::int64;
    throw std::invalid_argument("unknown dtype '" + std::string(name) +
                                "'; expected one of fp32, fp16, bf16, int32, int64");
}

std::string_view to_string(dtype type) {
    switch (type) {
        case dtype::fp32:
            return "fp32";
        case dtype::fp16:
            return "fp16";
        case dtype::bf16:
            return "bf16";
        case dtype::int32:
            return "int32";
        case dtype::int64:
            return "int64";
    }
    return "?";
}

std::size_t size_of(dtype type) {
    switch (type) {
        case dtype::fp32:
            return 4;
        case dtype::fp16:
            return 2;
        case dtype::bf16:
            return 2;
        case dtype::int32:
            return 4;
        case dtype::int64:
            return 8;
    }
    return 0;
}

bool is_floating(dtype type) { return type == dtype::fp32 || type == dtype::fp16 || type == dtype::bf16; }

}  // namespace hipkb
