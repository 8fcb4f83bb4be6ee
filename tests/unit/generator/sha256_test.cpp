#include <sha256.hpp>

#include <gtest/gtest.h>

namespace {

using hipkb::generator::sha256_hex;

// Test vectors from FIPS 180-2 appendix B and the empty message.
TEST(Sha256, matches_the_standard_vectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, padding_boundaries_give_distinct_digests) {
    // 55, 56 and 64 bytes straddle the one-block/two-block padding edge.
    EXPECT_EQ(sha256_hex(std::string(55, 'x')).size(), 64U);
    EXPECT_NE(sha256_hex(std::string(55, 'x')), sha256_hex(std::string(56, 'x')));
    EXPECT_NE(sha256_hex(std::string(63, 'x')), sha256_hex(std::string(64, 'x')));
}

}  // namespace
