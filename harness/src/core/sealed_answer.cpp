#include <hipkb/core/sealed_answer.hpp>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace hipkb {

namespace {

constexpr std::byte seal_key{0x5A};
constexpr std::size_t decoy_marks = 8;

// Word-wide so sealing a few hundred MiB stays well under a second.
void xor_bytes(std::vector<std::byte>& bytes) {
    std::uint64_t key_word = 0;
    std::memset(&key_word, std::to_integer<int>(seal_key), sizeof key_word);
    std::size_t i = 0;
    for (; i + sizeof key_word <= bytes.size(); i += sizeof key_word) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + i, sizeof word);
        word ^= key_word;
        std::memcpy(bytes.data() + i, &word, sizeof word);
    }
    for (; i < bytes.size(); ++i) bytes[i] ^= seal_key;
}

// Flips the lowest bit of the element's most significant byte (little
// endian): an exponent bit for fp32 and bf16 (the value scales by 4 or 1/4),
// the top mantissa bit for fp16, bit 24 or 56 for integers.
void mark(host_tensor& tensor, std::int64_t index) {
    const std::size_t size = size_of(tensor.type);
    tensor.bytes[static_cast<std::size_t>(index) * size + size - 1] ^= std::byte{0x01};
}

}  // namespace

std::vector<std::int64_t> sealed_answer::mark_positions(std::int64_t count) {
    std::vector<std::int64_t> positions;
    if (count <= 0) return positions;
    // Skip up to 64 elements at each end when there is room for it.
    const std::int64_t margin = count > 256 ? 64 : 0;
    const std::int64_t span = count - 2 * margin;
    for (std::size_t j = 0; j < decoy_marks; ++j) {
        const std::int64_t position = margin + (span / 3 + static_cast<std::int64_t>(j) * 977) % span;
        if (std::find(positions.begin(), positions.end(), position) == positions.end()) positions.push_back(position);
    }
    return positions;
}

sealed_answer::sealed_answer(std::vector<host_tensor> truth) : m_sealed(std::move(truth)) {
    m_decoy = m_sealed;
    for (auto& decoy : m_decoy) {
        for (const std::int64_t position : mark_positions(decoy.count())) mark(decoy, position);
    }
    for (auto& tensor : m_sealed) xor_bytes(tensor.bytes);
}

comparison sealed_answer::compare(std::size_t output, const host_tensor& got, const tolerance& tol) const {
    return compare_stored(got, m_sealed.at(output), tol, seal_key);
}

decoy_match sealed_answer::match_decoy(std::size_t output, const host_tensor& got) const {
    const host_tensor& decoy = m_decoy.at(output);
    decoy_match match;
    if (got.type != decoy.type || got.bytes.size() != decoy.bytes.size()) return match;
    const std::size_t size = size_of(decoy.type);
    for (const std::int64_t position : mark_positions(decoy.count())) {
        ++match.marks;
        const std::size_t at = static_cast<std::size_t>(position) * size;
        if (std::memcmp(got.bytes.data() + at, decoy.bytes.data() + at, size) == 0) {
            if (match.copied == 0) match.first = position;
            ++match.copied;
        }
    }
    return match;
}

}  // namespace hipkb
