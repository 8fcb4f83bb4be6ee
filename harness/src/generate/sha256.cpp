// SHA-256 as specified in FIPS 180-4, section 6.2. Written here rather than
// taken from OpenSSL so the generator needs no crypto library for one hash.
#include <hipkb/generate/sha256.hpp>

#include <array>
#include <cstdint>

namespace hipkb::generator {

namespace {

constexpr std::array<std::uint32_t, 64> round_constants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

class sha256_state {
public:
    void update(std::string_view data) {
        for (const char c : data) {
            m_block[m_used++] = static_cast<std::uint8_t>(c);
            if (m_used == m_block.size()) {
                compress();
                m_used = 0;
            }
        }
        m_length_bits += static_cast<std::uint64_t>(data.size()) * 8U;
    }

    std::string hex_digest() {
        const std::uint64_t length = m_length_bits;
        // Padding: a single 1 bit, zeros up to 56 bytes mod 64, then the
        // message length in bits as a big-endian 64-bit number.
        m_block[m_used++] = 0x80;
        if (m_used > 56) {
            while (m_used < 64) m_block[m_used++] = 0;
            compress();
            m_used = 0;
        }
        while (m_used < 56) m_block[m_used++] = 0;
        for (int i = 7; i >= 0; --i) {
            m_block[m_used++] = static_cast<std::uint8_t>(length >> (8 * i));
        }
        compress();

        static constexpr char digits[] = "0123456789abcdef";
        std::string out;
        out.reserve(64);
        for (const std::uint32_t word : m_hash) {
            for (int shift = 28; shift >= 0; shift -= 4) {
                out.push_back(digits[(word >> shift) & 0xFU]);
            }
        }
        return out;
    }

private:
    void compress() {
        std::array<std::uint32_t, 64> w{};
        for (std::size_t i = 0; i < 16; ++i) {
            w[i] = (std::uint32_t{m_block[4 * i]} << 24) | (std::uint32_t{m_block[4 * i + 1]} << 16) |
                   (std::uint32_t{m_block[4 * i + 2]} << 8) | std::uint32_t{m_block[4 * i + 3]};
        }
        for (std::size_t i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = m_hash[0], b = m_hash[1], c = m_hash[2], d = m_hash[3];
        std::uint32_t e = m_hash[4], f = m_hash[5], g = m_hash[6], h = m_hash[7];
        for (std::size_t i = 0; i < 64; ++i) {
            const std::uint32_t big_s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
            const std::uint32_t choose = (e & f) ^ (~e & g);
            const std::uint32_t t1 = h + big_s1 + choose + round_constants[i] + w[i];
            const std::uint32_t big_s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
            const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
            const std::uint32_t t2 = big_s0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        m_hash[0] += a;
        m_hash[1] += b;
        m_hash[2] += c;
        m_hash[3] += d;
        m_hash[4] += e;
        m_hash[5] += f;
        m_hash[6] += g;
        m_hash[7] += h;
    }

    std::array<std::uint32_t, 8> m_hash = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                           0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<std::uint8_t, 64> m_block{};
    std::size_t m_used = 0;
    std::uint64_t m_length_bits = 0;
};

}  // namespace

std::string sha256_hex(std::string_view data) {
    sha256_state state;
    state.update(data);
    return state.hex_digest();
}

}  // namespace hipkb::generator
