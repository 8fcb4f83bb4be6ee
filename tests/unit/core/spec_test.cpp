#include <hipkb/core/spec.hpp>

#include <hipkb/core/atomic_file.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;

class SpecFile : public ::testing::Test {
protected:
    fs::path write(const std::string& text) {
        const fs::path dir = fs::temp_directory_path() / ("hipkb_spec_test_" + std::to_string(::getpid()));
        hipkb::write_file_atomically(dir / "spec.json", text);
        return dir / "spec.json";
    }

    static std::string valid() {
        return R"({"schema_version": 1, "name": "scale", "level": 1,
                   "dims": [{"name": "N", "value": 1000, "test": 7}],
                   "inputs": [{"name": "x", "dtype": "fp32", "shape": ["N"], "init": {"kind": "uniform", "low": -1, "high": 1}}],
                   "outputs": [{"name": "y", "dtype": "fp16", "shape": ["N"]}],
                   "flops": "N", "bytes": "6*N"})";
    }

    void expect_error(const std::string& text, const std::string& needle) {
        const fs::path file = write(text);
        try {
            (void)hipkb::load_spec(file);
            FAIL() << "expected a spec_error containing: " << needle;
        } catch (const hipkb::spec_error& error) {
            const std::string what = error.what();
            EXPECT_NE(what.find(file.string()), std::string::npos) << "error must name the file: " << what;
            EXPECT_NE(what.find(needle), std::string::npos) << what;
        }
    }
};

TEST_F(SpecFile, parses_a_valid_spec) {
    const hipkb::problem_spec spec = hipkb::load_spec(write(valid()));
    EXPECT_EQ(spec.name, "scale");
    ASSERT_EQ(spec.dims.size(), 1u);
    EXPECT_EQ(spec.element_count(spec.inputs[0], hipkb::size_set::benchmark), 1000);
    EXPECT_EQ(spec.element_count(spec.inputs[0], hipkb::size_set::test), 7);
    EXPECT_EQ(spec.inputs[0].init.distribution, hipkb::init_spec::kind::uniform);
    EXPECT_DOUBLE_EQ(spec.flop_count(hipkb::size_set::benchmark), 1000.0);
    EXPECT_DOUBLE_EQ(spec.byte_count(hipkb::size_set::benchmark), 6000.0);
    EXPECT_EQ(spec.seeds.size(), 3u);
}

TEST_F(SpecFile, default_tolerance_follows_kernelbench_per_dtype) {
    const hipkb::problem_spec spec = hipkb::load_spec(write(valid()));
    EXPECT_DOUBLE_EQ(spec.tolerance_for(spec.outputs[0]).atol, 1e-2);  // fp16
    EXPECT_DOUBLE_EQ(hipkb::default_tolerance(hipkb::dtype::fp32).atol, 1e-4);
    EXPECT_DOUBLE_EQ(hipkb::default_tolerance(hipkb::dtype::bf16).rtol, 1e-2);
    EXPECT_DOUBLE_EQ(hipkb::default_tolerance(hipkb::dtype::int64).atol, 0.0);
}

TEST_F(SpecFile, an_override_needs_a_reason) {
    std::string text = valid();
    text.insert(text.size() - 1, R"(, "tolerance": {"atol": 1e-3, "rtol": 1e-3})");
    expect_error(text, "tolerance.reason");
    text = valid();
    text.insert(text.size() - 1, R"(, "tolerance": {"atol": 1e-3, "rtol": 1e-3, "reason": "long sums"})");
    const hipkb::problem_spec spec = hipkb::load_spec(write(text));
    ASSERT_TRUE(spec.tolerance_override.has_value());
    EXPECT_DOUBLE_EQ(spec.tolerance_for(spec.outputs[0]).atol, 1e-3);
}

TEST_F(SpecFile, errors_name_the_field_and_what_was_expected) {
    expect_error("{", "not valid JSON");
    expect_error(R"({"schema_version": 2})", "schema_version");
    std::string text = valid();
    text.replace(text.find("\"fp16\""), 6, "\"fp8\"");
    expect_error(text, "outputs[0].dtype");
    text = valid();
    text.replace(text.find("[\"N\"]"), 5, "[\"M\"]");
    expect_error(text, "inputs[0].shape[0]");
    text = valid();
    text.replace(text.find("\"uniform\""), 9, "\"cauchy\"");
    expect_error(text, "inputs[0].init.kind");
    text = valid();
    text.replace(text.find("\"value\": 1000"), 13, "\"value\": \"big\"");
    expect_error(text, "dims[0].value");
}

TEST_F(SpecFile, a_missing_field_is_named_with_the_kind_it_needs) {
    std::string text = valid();
    text.replace(text.find("\"name\": \"scale\", "), 17, "");
    expect_error(text, ": missing field \"name\" (a string)");
    text = valid();
    text.replace(text.find("\"low\": -1, "), 11, "");
    expect_error(text, ": inputs[0].init: missing field \"low\" (a number)");
}

TEST(Corpus, every_checked_in_spec_loads_and_matches_its_folder) {
    const fs::path root = fs::path(HIPKB_SOURCE_DIR) / "reference";
    int count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().filename() != "spec.json") continue;
        ++count;
        SCOPED_TRACE(entry.path().string());
        const hipkb::problem_spec spec = hipkb::load_spec(entry.path());
        EXPECT_EQ(spec.name, entry.path().parent_path().filename().string());
        EXPECT_EQ("level" + std::to_string(spec.level), entry.path().parent_path().parent_path().filename().string());
        EXPECT_GT(spec.flop_count(hipkb::size_set::benchmark) + spec.byte_count(hipkb::size_set::benchmark), 0.0);
        EXPECT_TRUE(fs::exists(entry.path().parent_path() / "reference.hip"));
        EXPECT_TRUE(fs::exists(entry.path().parent_path() / "golden.cpp"));
    }
    EXPECT_GE(count, 1);
}

}  // namespace

namespace {

class AlsoInitSpec : public SpecFile {};

TEST_F(AlsoInitSpec, correctness_seeds_cycle_through_the_distributions_and_timing_uses_init) {
    std::string text = valid();
    const std::string old_init = R"("init": {"kind": "uniform", "low": -1, "high": 1}})";
    text.replace(text.find(old_init), old_init.size(),
                 R"("init": {"kind": "uniform", "low": -1, "high": 1},
                    "also_init": [{"kind": "uniform", "low": -1000, "high": 1000}]})");
    const hipkb::problem_spec spec = hipkb::load_spec(write(text));
    const hipkb::tensor_spec& x = spec.inputs[0];
    ASSERT_EQ(x.also_init.size(), 1U);
    EXPECT_DOUBLE_EQ(x.init_for(1, spec.seeds).b, 1.0);
    EXPECT_DOUBLE_EQ(x.init_for(2, spec.seeds).b, 1000.0);
    EXPECT_DOUBLE_EQ(x.init_for(3, spec.seeds).b, 1.0);
    EXPECT_DOUBLE_EQ(x.init_for(1000003, spec.seeds).b, 1.0);  // not a correctness seed
}

TEST_F(AlsoInitSpec, a_bad_entry_is_named) {
    std::string text = valid();
    const std::string old_init = R"("init": {"kind": "uniform", "low": -1, "high": 1}})";
    text.replace(
        text.find(old_init), old_init.size(),
        R"("init": {"kind": "uniform", "low": -1, "high": 1}, "also_init": [{"kind": "uniform", "low": 5, "high": 1}]})");
    expect_error(text, "inputs[0].also_init[0]");
    text = valid();
    text.replace(text.find(old_init), old_init.size(),
                 old_init.substr(0, old_init.size() - 1) + R"(, "also_init": {}})");
    expect_error(text, "also_init");
}

// valid() as a KernelBench problem, its dim N given as `dim`.
std::string kernelbench_spec(const std::string& dim, const std::string& extra = "") {
    return R"({"schema_version": 1, "name": "scale", "level": 1, "kernelbench": "9_Scale",
               "dims": [)" +
           dim + R"(],
               "inputs": [{"name": "x", "dtype": "fp32", "shape": ["N"]}],
               "outputs": [{"name": "y", "dtype": "fp32", "shape": ["N"]}])" +
           extra + "}";
}

TEST_F(SpecFile, a_dim_records_kernelbench_value_and_null_where_kernelbench_has_none) {
    const hipkb::problem_spec at_size =
        hipkb::load_spec(write(kernelbench_spec(R"({"name": "N", "value": 4096, "test": 7, "kernelbench": 4096})")));
    EXPECT_EQ(at_size.dims[0].kernelbench, 4096);
    EXPECT_TRUE(at_size.at_kernelbench_sizes());
    const hipkb::problem_spec without = hipkb::load_spec(write(kernelbench_spec(
        R"({"name": "N", "value": 4096, "test": 7, "kernelbench": null})", R"(, "size_reason": "hipkb's own dim")")));
    EXPECT_FALSE(without.dims[0].kernelbench.has_value());
    EXPECT_EQ(without.size_reason, "hipkb's own dim");
}

TEST_F(SpecFile, every_dim_of_a_kernelbench_problem_needs_its_kernelbench_value) {
    expect_error(kernelbench_spec(R"({"name": "N", "value": 4096, "test": 7})"), "dims[0].kernelbench");
    // A problem without a KernelBench name needs none.
    EXPECT_NO_THROW((void)hipkb::load_spec(write(valid())));
}

TEST_F(SpecFile, a_kernelbench_value_must_be_a_non_negative_integer_or_null) {
    expect_error(kernelbench_spec(R"({"name": "N", "value": 4096, "test": 7, "kernelbench": "4096"})"),
                 "dims[0].kernelbench");
    expect_error(kernelbench_spec(R"({"name": "N", "value": 4096, "test": 7, "kernelbench": -1})"),
                 "dims[0].kernelbench");
}

TEST_F(SpecFile, scaled_sizes_need_a_size_reason) {
    const std::string scaled = R"({"name": "N", "value": 1024, "test": 7, "kernelbench": 4096})";
    expect_error(kernelbench_spec(scaled), "size_reason");
    const hipkb::problem_spec spec =
        hipkb::load_spec(write(kernelbench_spec(scaled, R"(, "size_reason": "over the memory budget")")));
    EXPECT_FALSE(spec.at_kernelbench_sizes());
    EXPECT_EQ(spec.size_reason, "over the memory budget");
    expect_error(kernelbench_spec(scaled, R"(, "size_reason": 3)"), "size_reason");
}

TEST_F(SpecFile, a_size_reason_at_kernelbench_sizes_is_stale_and_rejected) {
    expect_error(kernelbench_spec(R"({"name": "N", "value": 4096, "test": 7, "kernelbench": 4096})",
                                  R"(, "size_reason": "scaled down")"),
                 "size_reason");
}

}  // namespace
