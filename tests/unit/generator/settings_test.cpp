#include <hipkb/generator/settings.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace {

using namespace hipkb::generator;
using hipkb::generator::testing::fixtures;
using hipkb::generator::testing::temp_dir;

std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::exception& error) {
        return error.what();
    }
    return "";
}

TEST(Settings, toml_and_json_configs_give_the_same_settings) {
    generate_settings from_toml;
    apply_settings_file(from_toml, fixtures() / "config.toml");
    generate_settings from_json;
    apply_settings_file(from_json, fixtures() / "config.json");
    EXPECT_EQ(settings_to_json(from_toml), settings_to_json(from_json));
    EXPECT_EQ(from_toml.model, "fixture-model");
    EXPECT_EQ(from_toml.max_tokens, 4096);
    EXPECT_EQ(from_toml.samples, 3);
    EXPECT_DOUBLE_EQ(from_toml.backoff_initial_s, 0.5);
    EXPECT_EQ(from_toml.headers.at("OpenAI-Organization"), "org-fixture");
    EXPECT_EQ(from_toml.problems, (std::vector<std::string>{"level1", "bias_*"}));
    // A path in a config file is relative to the file's folder.
    EXPECT_EQ(from_toml.few_shot.at(0), (fixtures() / "few_shot.md").lexically_normal().string());
}

TEST(Settings, flags_override_the_config_and_lists_split_on_commas) {
    generate_settings s;
    apply_settings_file(s, fixtures() / "config.toml");
    apply_setting_text(s, "concurrency", {"32"}, "--concurrency");
    apply_setting_text(s, "problems", {"vadd, vscale", "bias_relu"}, "--problems");
    apply_setting_text(s, "headers", {"X-One: 1", "X-Two:two words"}, "--header");
    apply_setting_text(s, "temperature", {"0"}, "--temperature");
    EXPECT_EQ(s.concurrency, 32);
    EXPECT_EQ(s.problems, (std::vector<std::string>{"vadd", "vscale", "bias_relu"}));
    EXPECT_EQ(s.headers.at("X-Two"), "two words");
    EXPECT_EQ(s.headers.at("OpenAI-Organization"), "org-fixture");  // kept from the file
    EXPECT_DOUBLE_EQ(s.temperature, 0.0);
}

TEST(Settings, bad_input_names_the_source_the_field_and_what_was_expected) {
    generate_settings s;
    EXPECT_NE(error_of([&] {
                  apply_settings_json(s, {{"modle", "x"}}, "my.json");
              }).find("my.json: unknown field 'modle'; known fields: provider, base_url"),
              std::string::npos);
    EXPECT_NE(error_of([&] {
                  apply_settings_json(s, {{"concurrency", "eight"}}, "my.json");
              }).find("my.json: concurrency: expected an integer, got the string \"eight\""),
              std::string::npos);
    EXPECT_NE(error_of([&] {
                  apply_settings_json(s, {{"few_shot", {1, 2}}}, "my.json");
              }).find("my.json: few_shot[0]: expected a string, got the number 1"),
              std::string::npos);
    EXPECT_NE(error_of([&] {
                  apply_settings_json(s, {{"few_shot", 3}}, "my.json");
              }).find("my.json: few_shot: expected a list of strings, got the number 3"),
              std::string::npos);
    EXPECT_NE(error_of([&] {
                  apply_setting_text(s, "samples", {"3x"}, "--samples");
              }).find("--samples: expected an integer, got '3x'"),
              std::string::npos);
    EXPECT_NE(
        error_of([&] { apply_setting_text(s, "headers", {"NoColon"}, "--header"); }).find("expected 'Name: value'"),
        std::string::npos);
    EXPECT_NE(error_of([&] { apply_setting_text(s, "headers", {"Bad Name: x"}, "--header"); }).find("header name"),
              std::string::npos);
    temp_dir dir;
    std::ofstream(dir.path() / "broken.toml") << "model = \n";
    EXPECT_NE(error_of([&] { apply_settings_file(s, dir.path() / "broken.toml"); }).find("broken.toml:1:"),
              std::string::npos);
    std::ofstream(dir.path() / "broken.json") << "{\"model\": ";
    const std::string broken = error_of([&] { apply_settings_file(s, dir.path() / "broken.json"); });
    EXPECT_NE(broken.find("broken.json:1:"), std::string::npos) << broken;
    EXPECT_NE(broken.find("not valid JSON"), std::string::npos) << broken;
    EXPECT_NE(broken.find("is it truncated?"), std::string::npos) << broken;
    std::ofstream(dir.path() / "config.yaml") << "model: x\n";
    EXPECT_NE(error_of([&] { apply_settings_file(s, dir.path() / "config.yaml"); }).find(".json or .toml"),
              std::string::npos);
}

TEST(Settings, toml_dates_are_text_and_arrays_of_tables_are_reported) {
    temp_dir dir;
    // A TOML date is read as its RFC 3339 text, so it can name a run.
    std::ofstream(dir.path() / "dated.toml") << "run = 2024-05-01\n";
    generate_settings s;
    apply_settings_file(s, dir.path() / "dated.toml");
    EXPECT_EQ(s.run, "2024-05-01");
    // An array of tables parses, and is then a type error naming the field.
    std::ofstream(dir.path() / "tables.toml") << "[[problems]]\nname = \"vadd\"\n";
    const std::string error = error_of([&] { apply_settings_file(s, dir.path() / "tables.toml"); });
    EXPECT_NE(error.find("tables.toml: problems[0]: expected a string, got an object"), std::string::npos) << error;
}

TEST(Settings, finalize_checks_ranges_and_fills_derived_defaults) {
    generate_settings s;
    EXPECT_NE(error_of([&] { finalize_settings(s, "generate"); }).find("setting 'model': required"), std::string::npos);
    s.model = "org/Model-1.5";
    finalize_settings(s, "generate");
    EXPECT_EQ(s.run, "org_Model-1_5");
    EXPECT_EQ(s.arch, "gfx90a");
    EXPECT_EQ(s.prompt_template, "whole_file");

    generate_settings bad;
    bad.model = "m";
    bad.concurrency = 0;
    EXPECT_NE(error_of([&] { finalize_settings(bad, "generate"); }).find("'concurrency': expected 1 to 4096"),
              std::string::npos);
    generate_settings replay;
    replay.provider = "replay";
    EXPECT_NE(error_of([&] { finalize_settings(replay, "generate"); }).find("replay_dir"), std::string::npos);
    generate_settings host;
    host.provider = "replay";
    host.replay_dir = "x";
    host.platform = "host";
    finalize_settings(host, "generate");
    EXPECT_EQ(host.run, "replay");
    EXPECT_EQ(host.arch, "the host CPU");
}

TEST(Settings, the_manifest_view_records_header_names_but_not_their_values) {
    generate_settings s;
    s.headers["X-Secret-Token"] = "very-secret-value";
    const std::string text = settings_to_json(s).dump();
    EXPECT_NE(text.find("X-Secret-Token"), std::string::npos);
    EXPECT_EQ(text.find("very-secret-value"), std::string::npos);
}

TEST(Settings, refine_checks_the_target_level_and_mode) {
    generate_settings s;
    s.provider = "replay";
    s.replay_dir = "recordings";
    s.targets = "targets.json";
    s.target_level = "ninety";
    EXPECT_NE(error_of([&] { finalize_settings(s, "refine"); }).find("setting 'target_level': expected a percentage"),
              std::string::npos);
    s.target_level = "87.5";
    s.target_mode = "fastest";
    EXPECT_NE(
        error_of([&] { finalize_settings(s, "refine"); }).find("'target_mode': expected 'target' or 'upper-bound'"),
        std::string::npos);
    s.target_mode = "upper-bound";
    EXPECT_EQ(error_of([&] { finalize_settings(s, "refine"); }), "");
}

TEST(Settings, every_field_has_help_and_a_flag) {
    for (const auto& field : settings_fields()) {
        EXPECT_FALSE(field.help.empty()) << field.key;
        EXPECT_EQ(flag_name(field).rfind("--", 0), 0U);
    }
}

TEST(Settings, refine_only_fields_and_only_they_are_listed_under_refinement) {
    for (const auto& field : settings_fields()) {
        EXPECT_EQ(field.scope == field_scope::refine_only, field.group == field_group::refinement) << field.key;
    }
    EXPECT_EQ(group_title(field_group::scale), "Scale and retries");
}

}  // namespace
