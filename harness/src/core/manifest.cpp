#include <hipkb/core/manifest.hpp>

#include <hipkb/core/compile_log.hpp>

#include <hipkb/core/atomic_file.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <stdexcept>

namespace hipkb {

namespace {

using json = nlohmann::json;

std::string text_field(const json& node, const char* key, const std::string& where, const std::filesystem::path& file) {
    const auto found = node.find(key);
    if (found == node.end() || !found->is_string()) {
        throw std::runtime_error(fmt::format("{}: field '{}.{}': expected a string", file.string(), where, key));
    }
    return found->get<std::string>();
}

std::optional<std::string> optional_text(const json& node, const char* key) {
    const auto found = node.find(key);
    if (found == node.end() || found->is_null()) {
        return std::nullopt;
    }
    return found->get<std::string>();
}

}  // namespace

manifest load_manifest(const std::filesystem::path& file) {
    json root;
    try {
        root = json::parse(read_file(file));
    } catch (const json::exception& error) {
        throw std::runtime_error(fmt::format("{}: not valid JSON: {}", file.string(), error.what()));
    }
    if (root.value("schema_version", 0) != 1) {
        throw std::runtime_error(fmt::format("{}: field 'schema_version': expected 1", file.string()));
    }
    manifest result;
    result.file = file;
    result.platform = text_field(root, "platform", "", file);
    result.gpu_targets = root.value("gpu_targets", std::string{});
    result.compiler = root.value("compiler", std::string{});
    result.source_dir = root.value("source_dir", std::string{});
    result.results_dir = text_field(root, "results_dir", "", file);
    if (!root.contains("benches") || !root["benches"].is_array()) {
        throw std::runtime_error(fmt::format("{}: field 'benches': expected an array", file.string()));
    }
    for (std::size_t i = 0; i < root["benches"].size(); ++i) {
        const json& node = root["benches"][i];
        const std::string where = fmt::format("benches[{}]", i);
        try {
            bench_entry bench;
            bench.test = text_field(node, "test", where, file);
            bench.executable = text_field(node, "executable", where, file);
            bench.kind = text_field(node, "kind", where, file);
            bench.problem = text_field(node, "problem", where, file);
            bench.level = node.value("level", 0);
            bench.spec = text_field(node, "spec", where, file);
            bench.run = optional_text(node, "run");
            bench.sample = optional_text(node, "sample");
            bench.source = text_field(node, "source", where, file);
            if (auto metadata = optional_text(node, "metadata")) bench.metadata = *metadata;
            if (auto log = optional_text(node, "compile_log")) bench.compile_log = *log;
            if (auto cpu = optional_text(node, "cpu_executable")) bench.cpu_executable = *cpu;
            result.benches.push_back(std::move(bench));
        } catch (const json::exception& error) {
            throw std::runtime_error(fmt::format("{}: {}: {}", file.string(), where, error.what()));
        }
    }
    return result;
}

std::string compile_status(const bench_entry& bench) {
    if (!bench.compile_log) {
        return "compiled";  // references are not guarded: the build fails if they do not compile
    }
    return read_compile_status(*bench.compile_log);
}

}  // namespace hipkb
