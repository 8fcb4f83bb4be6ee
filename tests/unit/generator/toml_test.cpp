#include <toml.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace {

using hipkb::generator::parse_toml;
using hipkb::generator::toml_error;

TEST(Toml, reads_scalars_tables_arrays_and_strings) {
    const auto doc = parse_toml(R"(# comment
model = "gpt-x"   # trailing comment
concurrency = 16
big = 1_000_000
hex = 0x1F
negative = -3
ratio = 0.25
exponent = 1e3
on = true
off = false
literal = 'C:\path\no\escape'
escaped = "tab\there \"quoted\" \u00e9"
list = [ "a",
  'b', # inside
]
multi = """
first \
   joined"""
raw = '''
keep \n as is'''
inline = { x = 1, y = "z" }
dotted.key = 7

[headers]
"X-Org" = "acme"
plain-name = "v"

[a.b]
c = 1
)",
                                "t.toml");
    EXPECT_EQ(doc["model"], "gpt-x");
    EXPECT_EQ(doc["concurrency"], 16);
    EXPECT_EQ(doc["big"], 1000000);
    EXPECT_EQ(doc["hex"], 31);
    EXPECT_EQ(doc["negative"], -3);
    EXPECT_DOUBLE_EQ(doc["ratio"].get<double>(), 0.25);
    EXPECT_DOUBLE_EQ(doc["exponent"].get<double>(), 1000.0);
    EXPECT_TRUE(doc["ratio"].is_number_float());
    EXPECT_TRUE(doc["concurrency"].is_number_integer());
    EXPECT_EQ(doc["on"], true);
    EXPECT_EQ(doc["off"], false);
    EXPECT_EQ(doc["literal"], "C:\\path\\no\\escape");
    EXPECT_EQ(doc["escaped"], "tab\there \"quoted\" \xC3\xA9");
    EXPECT_EQ(doc["list"], nlohmann::json::array({"a", "b"}));
    EXPECT_EQ(doc["multi"], "first joined");
    EXPECT_EQ(doc["raw"], "keep \\n as is");
    EXPECT_EQ(doc["inline"]["y"], "z");
    EXPECT_EQ(doc["dotted"]["key"], 7);
    EXPECT_EQ(doc["headers"]["X-Org"], "acme");
    EXPECT_EQ(doc["headers"]["plain-name"], "v");
    EXPECT_EQ(doc["a"]["b"]["c"], 1);
}

TEST(Toml, special_floats) {
    const auto doc = parse_toml("a = inf\nb = -inf\nc = nan\n", "f.toml");
    EXPECT_TRUE(std::isinf(doc["a"].get<double>()));
    EXPECT_LT(doc["b"].get<double>(), 0.0);
    EXPECT_TRUE(std::isnan(doc["c"].get<double>()));
}

void expect_error(const char* text, const char* fragment) {
    try {
        (void)parse_toml(text, "bad.toml");
        ADD_FAILURE() << "no error for: " << text;
    } catch (const toml_error& error) {
        EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
        EXPECT_EQ(std::string(error.what()).rfind("bad.toml:", 0), 0U) << error.what();
    }
}

TEST(Toml, errors_name_the_file_line_column_and_problem) {
    expect_error("a = ", "bad.toml:1:5: Error while parsing key-value pair");
    expect_error("a = 1\na = 2", "2:5: Error while parsing key-value pair: cannot redefine existing integer 'a'");
    expect_error("d = 1979-13-27", "1:12: Error while parsing date: expected month between 1 and 12");
    expect_error("s = \"abc", "Error while parsing string");
    expect_error("x = [1 2]", "expected comma or closing ']'");
    expect_error("k = nope", "1:6: Error while parsing");
    expect_error("[t]\n[t]", "2:1: Error while parsing table header: cannot redefine existing table 't'");
    expect_error("a = 1 b = 2", "1:7: Error while parsing key-value pair");
    expect_error("e = \"\\q\"", "unknown escape sequence");
    expect_error("[[x]]\n[x]", "2:1: Error while parsing table header: cannot redefine existing array 'x'");
}

// Full TOML 1.0 (toml++): what the old hand-written subset rejected.
TEST(Toml, arrays_of_tables_become_arrays_of_objects) {
    const auto doc = parse_toml(R"(
[[problem]]
name = "vadd"
size = 1024

[[problem]]
name = "vscale"
[problem.options]
fast = true
)",
                                "aot.toml");
    ASSERT_TRUE(doc["problem"].is_array());
    ASSERT_EQ(doc["problem"].size(), 2U);
    EXPECT_EQ(doc["problem"][0]["name"], "vadd");
    EXPECT_EQ(doc["problem"][0]["size"], 1024);
    EXPECT_EQ(doc["problem"][1]["name"], "vscale");
    EXPECT_EQ(doc["problem"][1]["options"]["fast"], true);
}

TEST(Toml, dates_and_times_become_rfc3339_text) {
    const auto doc = parse_toml(R"(
offset = 1979-05-27T07:32:00-08:00
utc = 1979-05-27T07:32:00Z
local = 1979-05-27 07:32:00.5
day = 1979-05-27
clock = 00:32:00.999999
)",
                                "dates.toml");
    EXPECT_EQ(doc["offset"], "1979-05-27T07:32:00-08:00");
    EXPECT_EQ(doc["utc"], "1979-05-27T07:32:00Z");
    EXPECT_EQ(doc["local"], "1979-05-27T07:32:00.5");
    EXPECT_EQ(doc["day"], "1979-05-27");
    EXPECT_EQ(doc["clock"], "00:32:00.999999");
}

}  // namespace
