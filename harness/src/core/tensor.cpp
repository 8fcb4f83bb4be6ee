#include <hipkb/core/tensor.hpp>

#include <hipkb/core/counter_draw.hpp>

#include <cstring>
#include <stdexcept>

namespace hipkb {

namespace {

template <typename T>
T load(const std::vector<std::byte>& bytes, std::int64_t index) {
    T value;
    std::memcpy(&value, bytes.data() + static_cast<std::size_t>(index) * sizeof(T), sizeof(T));
    return value;
}

}  // namespace

double host_tensor::at(std::int64_t index) const {
    switch (type) {
        case dtype::fp32:
            return load<float>(bytes, index);
        case dtype::fp16:
            return half_to_float(load<unsigned short>(bytes, index));
        case dtype::bf16:
            return bf16_to_float(load<unsigned short>(bytes, index));
        case dtype::int32:
            return load<std::int32_t>(bytes, index);
        case dtype::int64:
            return static_cast<double>(load<std::int64_t>(bytes, index));
    }
    return 0.0;
}

void host_tensor::set(std::int64_t index, double value) {
    draws::store_element(bytes.data(), static_cast<std::uint64_t>(index), type, value);
}

host_tensor make_poisoned(std::string name, dtype type, std::vector<std::int64_t> shape) {
    std::int64_t count = 1;
    for (const std::int64_t extent : shape) {
        if (extent <= 0) {
            throw std::invalid_argument("tensor '" + name + "' has a non-positive extent");
        }
        count *= extent;
    }
    host_tensor tensor{std::move(name), type, std::move(shape), {}};
    tensor.bytes.assign(static_cast<std::size_t>(count) * size_of(type), std::byte{0xFF});
    return tensor;
}

std::string format_index(const std::vector<std::int64_t>& shape, std::int64_t flat) {
    std::vector<std::int64_t> coordinates(shape.size());
    for (std::size_t d = shape.size(); d-- > 0;) {
        coordinates[d] = flat % shape[d];
        flat /= shape[d];
    }
    std::string text = "[";
    for (std::size_t d = 0; d < coordinates.size(); ++d) {
        text += (d ? ", " : "") + std::to_string(coordinates[d]);
    }
    return text + "]";
}

}  // namespace hipkb
