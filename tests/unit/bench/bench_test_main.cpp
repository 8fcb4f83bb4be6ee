// The bench runtime library carries main() of every bench executable (it
// calls this_bench(), which only a generated bench defines). A main() here
// keeps the linker from pulling that one in.
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
