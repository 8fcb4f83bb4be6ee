#pragma once
// Host-side tensors: what the harness generates, copies and checks.

#include <hipkb/core/dtype.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hipkb {

struct host_tensor {
    std::string name;
    dtype type = dtype::fp32;
    std::vector<std::int64_t> shape;
    std::vector<std::byte> bytes;

    [[nodiscard]] std::int64_t count() const { return static_cast<std::int64_t>(bytes.size() / size_of(type)); }
    // The element as a double (fp16/bf16 widened, integers converted).
    [[nodiscard]] double at(std::int64_t index) const;
    void set(std::int64_t index, double value);
};

// A tensor of the given type and shape with every byte 0xFF: NaN for the
// floating types, -1 for integers. Outputs start like this so an element the
// implementation never writes cannot pass as correct.
[[nodiscard]] host_tensor make_poisoned(std::string name, dtype type, std::vector<std::int64_t> shape);

// "[3, 17]" style index of a flat position, for messages.
[[nodiscard]] std::string format_index(const std::vector<std::int64_t>& shape, std::int64_t flat);

}  // namespace hipkb
