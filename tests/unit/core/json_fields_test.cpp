#include <hipkb/core/json_fields.hpp>

#include <hipkb/core/atomic_file.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <string>

namespace {

using hipkb::json_input_error;
using hipkb::json_place;
using json = nlohmann::json;

// The message of the json_input_error that `read` throws ("" and a test
// failure when it throws none).
std::string error_of(const std::function<void()>& read) {
    try {
        read();
    } catch (const json_input_error& error) {
        return error.what();
    }
    ADD_FAILURE() << "expected a json_input_error";
    return "";
}

const json_place in_file{"runs/x.json", "benchmarks[2]"};

const json fields = json::parse(R"({"text": "fast", "count": 3, "ratio": 0.5, "flag": true, "list": [1],
                                    "table": {"a": 1}, "whole": 4.0, "nothing": null})");

TEST(JsonFields, each_optional_accessor_names_the_file_path_and_both_kinds) {
    EXPECT_EQ(error_of([] { (void)hipkb::optional_string(fields, "count", in_file); }),
              "runs/x.json: benchmarks[2].count: expected a string, got the number 3");
    EXPECT_EQ(error_of([] { (void)hipkb::optional_number(fields, "text", in_file); }),
              "runs/x.json: benchmarks[2].text: expected a number, got the string \"fast\"");
    EXPECT_EQ(error_of([] { (void)hipkb::optional_integer(fields, "ratio", in_file); }),
              "runs/x.json: benchmarks[2].ratio: expected an integer, got the number 0.5");
    EXPECT_EQ(error_of([] { (void)hipkb::optional_bool(fields, "list", in_file); }),
              "runs/x.json: benchmarks[2].list: expected true or false, got an array");
}

TEST(JsonFields, each_required_accessor_names_the_file_path_and_both_kinds) {
    EXPECT_EQ(error_of([] { (void)hipkb::required_string(fields, "flag", in_file); }),
              "runs/x.json: benchmarks[2].flag: expected a string, got true");
    EXPECT_EQ(error_of([] { (void)hipkb::required_number(fields, "table", in_file); }),
              "runs/x.json: benchmarks[2].table: expected a number, got an object");
    EXPECT_EQ(error_of([] { (void)hipkb::required_integer(fields, "nothing", in_file); }),
              "runs/x.json: benchmarks[2].nothing: expected an integer, got null");
    EXPECT_EQ(error_of([] { (void)hipkb::required_array(fields, "text", in_file); }),
              "runs/x.json: benchmarks[2].text: expected an array, got the string \"fast\"");
    EXPECT_EQ(error_of([] { (void)hipkb::required_object(fields, "list", in_file); }),
              "runs/x.json: benchmarks[2].list: expected an object, got an array");
}

TEST(JsonFields, a_missing_required_field_is_named_with_its_kind) {
    EXPECT_EQ(error_of([] { (void)hipkb::required_string(fields, "name", in_file); }),
              "runs/x.json: benchmarks[2]: missing field \"name\" (a string)");
    EXPECT_EQ(error_of([] {
                  (void)hipkb::required_field(fields, "speedup", hipkb::json_kind::number, in_file,
                                              hipkb::json_null::allowed);
              }),
              "runs/x.json: benchmarks[2]: missing field \"speedup\" (a number or null)");
}

TEST(JsonFields, null_is_a_value_only_where_allowed) {
    EXPECT_TRUE(hipkb::required_field(fields, "nothing", hipkb::json_kind::number, in_file, hipkb::json_null::allowed)
                    .is_null());
    EXPECT_EQ(error_of([] { (void)hipkb::required_field(fields, "nothing", hipkb::json_kind::number, in_file); }),
              "runs/x.json: benchmarks[2].nothing: expected a number, got null");
    EXPECT_FALSE(hipkb::optional_number(fields, "nothing", in_file).has_value());
    EXPECT_FALSE(hipkb::optional_number(fields, "absent", in_file).has_value());
}

TEST(JsonFields, present_fields_of_the_right_kind_are_read) {
    EXPECT_EQ(hipkb::required_string(fields, "text", in_file), "fast");
    EXPECT_DOUBLE_EQ(hipkb::required_number(fields, "count", in_file), 3.0);
    EXPECT_EQ(hipkb::required_integer(fields, "count", in_file), 3);
    EXPECT_EQ(hipkb::required_array(fields, "list", in_file).size(), 1U);
    EXPECT_EQ(hipkb::required_object(fields, "table", in_file).size(), 1U);
    EXPECT_EQ(hipkb::optional_bool(fields, "flag", in_file), true);
    EXPECT_DOUBLE_EQ(*hipkb::optional_number(fields, "ratio", in_file), 0.5);
}

TEST(JsonFields, an_integral_float_is_an_integer) {
    EXPECT_EQ(hipkb::required_integer(fields, "whole", in_file), 4);
    EXPECT_EQ(hipkb::optional_integer(fields, "whole", in_file), 4);
}

TEST(JsonFields, places_at_the_top_and_inside_arrays_read_as_paths) {
    const json_place top{"spec.json", ""};
    EXPECT_EQ(top.describe(), "spec.json");
    EXPECT_EQ(top.key("inputs").index(0).key("shape").index(1).describe(), "spec.json: inputs[0].shape[1]");
    EXPECT_EQ(error_of([&] { (void)hipkb::required_integer(json::object(), "level", top); }),
              "spec.json: missing field \"level\" (an integer)");
}

TEST(JsonFields, syntax_errors_name_the_line_and_column) {
    const std::string message =
        error_of([] { (void)hipkb::parse_json_text("{\n  \"a\": 1,\n  \"b\": ]\n}", "x.json"); });
    EXPECT_EQ(message.rfind("x.json:3:", 0), 0U) << message;
    EXPECT_NE(message.find("not valid JSON"), std::string::npos) << message;
    EXPECT_EQ(message.find("truncated"), std::string::npos) << message;
}

TEST(JsonFields, truncated_text_gives_the_hint) {
    const std::string message = error_of([] { (void)hipkb::parse_json_text("{\"benchmarks\": [1, 2", "cut.json"); });
    EXPECT_EQ(message.rfind("cut.json:1:", 0), 0U) << message;
    EXPECT_NE(message.find("(the file ends early: is it truncated?)"), std::string::npos) << message;
}

TEST(JsonFields, empty_text_is_named_as_empty) {
    EXPECT_EQ(error_of([] { (void)hipkb::parse_json_text(" \n", "blank.json"); }),
              "blank.json: the file is empty; expected a JSON document");
}

TEST(JsonFields, nan_tokens_fail_unless_non_finite_numbers_are_allowed) {
    const std::string text = "{\"rate\": NaN, \"peak\": -Infinity, \"label\": \"NaN stays text\"}";
    const std::string message = error_of([&] { (void)hipkb::parse_json_text(text, "gbench.json"); });
    EXPECT_EQ(message.rfind("gbench.json:1:", 0), 0U) << message;

    const json read = hipkb::parse_json_text(text, "gbench.json", /*allow_non_finite=*/true);
    EXPECT_TRUE(read["rate"].is_null());
    EXPECT_TRUE(read["peak"].is_null());
    EXPECT_EQ(read["label"], "NaN stays text");
}

TEST(JsonFields, errors_after_a_replaced_token_point_into_the_original_text) {
    // "-Infinity" becomes "null", five bytes shorter; the column must still
    // count the original text.
    const std::string message =
        error_of([] { (void)hipkb::parse_json_text("[-Infinity, -Infinity, }", "shift.json", true); });
    EXPECT_EQ(message.rfind("shift.json:1:24:", 0), 0U) << message;
}

TEST(JsonFields, a_file_that_cannot_be_read_is_named) {
    const std::filesystem::path missing = std::filesystem::temp_directory_path() / "hipkb_json_fields_no_such.json";
    EXPECT_NE(error_of([&] { (void)hipkb::read_json_file(missing); }).find(missing.string()), std::string::npos);
}

TEST(JsonFields, a_file_is_read_and_parsed) {
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("hipkb_json_fields_test_" + std::to_string(::getpid()) + ".json");
    hipkb::write_file_atomically(file, "{\"n\": inf}");
    EXPECT_TRUE(hipkb::read_json_file(file, true)["n"].is_null());
    EXPECT_NE(error_of([&] { (void)hipkb::read_json_file(file); }).find(file.string() + ":1:"), std::string::npos);
    std::filesystem::remove(file);
}

}  // namespace
