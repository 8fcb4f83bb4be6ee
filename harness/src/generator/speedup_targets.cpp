#include <hipkb/generator/speedup_targets.hpp>

#include <hipkb/core/json_fields.hpp>
#include <hipkb/generator/metadata.hpp>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <stdexcept>
#include <tuple>

namespace hipkb::generator {

namespace {

using json = nlohmann::json;

std::string text_or_empty(const json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// A speedup on one GPU is no target for another, so every measurement is
// filed under the device it ran on: the device's name, else its
// architecture or platform when the benches did not report a name.
std::string device_key(const json& machine) {
    for (const char* key : {"device", "architecture", "platform"}) {
        if (std::string text = text_or_empty(machine, key); !text.empty()) return text;
    }
    return "unknown";
}

struct measurement {
    double speedup = 0.0;
    std::string date;  // the results document's "created"
    std::string candidate;
    std::string source;
    json record;
};

// Ties on the speedup go to the earliest measurement (the first to reach
// it), then to the smallest candidate id and source, so the choice never
// depends on the order the inputs were given in.
bool better(const measurement& a, const measurement& b) {
    if (a.speedup != b.speedup) return a.speedup > b.speedup;
    return std::tie(a.date, a.candidate, a.source) < std::tie(b.date, b.candidate, b.source);
}

struct problem_tally {
    std::optional<long long> level;
    std::int64_t candidates = 0;
    std::int64_t correct = 0;
    std::optional<measurement> best;
};

struct device_tally {
    std::string platform;
    std::string architecture;
    std::map<std::string, problem_tally> problems;
};

double round_ratio(double value) { return std::round(value * 1e6) / 1e6; }

}  // namespace

std::string level_name(double fraction) { return fmt::format("{:g}", round_ratio(fraction * 100.0)); }

std::optional<double> level_fraction(std::string_view level) {
    double percent = 0.0;
    const auto [end, error] = std::from_chars(level.data(), level.data() + level.size(), percent);
    if (error != std::errc() || end != level.data() + level.size() || !(percent > 0.0) || !std::isfinite(percent)) {
        return std::nullopt;
    }
    return percent / 100.0;
}

std::vector<double> parse_fractions(std::string_view text) {
    std::vector<double> fractions;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        std::string_view item = text.substr(at, comma - at);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        double value = 0.0;
        const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), value);
        if (item.empty() || error != std::errc() || end != item.data() + item.size() || !(value > 0.0) ||
            !std::isfinite(value)) {
            throw std::invalid_argument(
                fmt::format("fractions: '{}' is not a number above 0 (expected e.g. 0.8,0.9,0.95)", item));
        }
        fractions.push_back(value);
        at = comma + 1;
    }
    return fractions;
}

json build_targets(const std::vector<report::results_input>& inputs, const target_options& options) {
    if (options.fractions.empty()) throw std::invalid_argument("fractions: expected at least one fraction");
    if (!(options.headroom >= 1.0) || !std::isfinite(options.headroom)) {
        throw std::invalid_argument(fmt::format("headroom: expected a number of at least 1, got {}", options.headroom));
    }
    for (const double fraction : options.fractions) {
        if (!(fraction > 0.0) || fraction > options.headroom) {
            throw std::invalid_argument(fmt::format(
                "fractions: {} is outside (0, headroom = {}]: a target above the upper bound is never reachable",
                fraction, options.headroom));
        }
    }
    std::map<std::string, device_tally> devices;
    json sources = json::array();
    for (const report::results_input& input : inputs) {
        const json& results = input.results;
        sources.push_back(input.source);
        const std::string date = text_or_empty(results, "created");
        std::map<std::string, const json*> machines;
        for (const json& machine : results.at("machines")) machines[machine.at("id").get<std::string>()] = &machine;
        const auto tally_for = [&](const json& entry) -> device_tally& {
            const std::string id = text_or_empty(entry, "machine");
            const auto found = machines.find(id);
            const json none = json::object();
            const json& machine = found != machines.end() ? *found->second : none;
            device_tally& tally = devices[device_key(machine)];
            if (tally.platform.empty()) tally.platform = text_or_empty(machine, "platform");
            if (tally.architecture.empty()) tally.architecture = text_or_empty(machine, "architecture");
            return tally;
        };
        // A problem that ran but has no candidate still gets its line.
        for (const json& problem : results.at("problems")) {
            problem_tally& tally = tally_for(problem).problems[problem.at("problem").get<std::string>()];
            if (problem.at("level").is_number_integer()) tally.level = problem["level"].get<long long>();
        }
        for (const json& candidate : results.at("candidates")) {
            problem_tally& tally = tally_for(candidate).problems[candidate.at("problem").get<std::string>()];
            if (candidate.at("level").is_number_integer()) tally.level = candidate["level"].get<long long>();
            ++tally.candidates;
            if (candidate.at("correct") != true) continue;
            ++tally.correct;
            const json& speedup = candidate.at("speedup");
            if (!speedup.is_number() || !(speedup.get<double>() > 0.0) || !std::isfinite(speedup.get<double>())) {
                continue;
            }
            measurement found;
            found.speedup = speedup.get<double>();
            found.date = date;
            found.candidate = candidate.at("id").get<std::string>();
            found.source = input.source;
            found.record = {{"speedup", found.speedup},
                            {"candidate", found.candidate},
                            {"run", candidate.at("run")},
                            {"sample", candidate.at("sample")},
                            {"model", candidate.value("model", json(nullptr))},
                            {"date", date.empty() ? json(nullptr) : json(date)},
                            {"source", input.source}};
            if (!tally.best || better(found, *tally.best)) tally.best = std::move(found);
        }
    }

    json device_docs = json::object();
    for (const auto& [device, tally] : devices) {
        json problems = json::object();
        json without = json::object();
        for (const auto& [name, problem] : tally.problems) {
            const json level = problem.level ? json(*problem.level) : json(nullptr);
            if (!problem.best) {
                const bool untimed = problem.correct > 0;
                without[name] = {
                    {"level", level},
                    {"reason", untimed ? "not_timed" : "no_correct_candidate"},
                    {"message",
                     untimed ? fmt::format("{} correct candidate(s) on {}, none timed (a speedup needs "
                                           "a GPU run)",
                                           problem.correct, device)
                             : fmt::format("none of {} candidate(s) on {} is correct", problem.candidates, device)},
                    {"candidates", problem.candidates},
                    {"correct", problem.correct}};
                continue;
            }
            const double best = problem.best->speedup;
            json levels = json::object();
            for (const double fraction : options.fractions) levels[level_name(fraction)] = round_ratio(fraction * best);
            problems[name] = {{"level", level},
                              {"best", problem.best->record},
                              {"upper_bound", round_ratio(options.headroom * best)},
                              {"targets", std::move(levels)},
                              {"candidates", problem.candidates},
                              {"correct", problem.correct}};
        }
        device_docs[device] = {{"platform", tally.platform.empty() ? json(nullptr) : json(tally.platform)},
                               {"architecture", tally.architecture.empty() ? json(nullptr) : json(tally.architecture)},
                               {"problems", std::move(problems)},
                               {"without_target", std::move(without)}};
    }
    return {
        {"schema", targets_schema_name},
        {"schema_version", targets_schema_version},
        {"created", utc_timestamp()},
        {"fractions", options.fractions},
        {"headroom", options.headroom},
        {"tie_break", "equal best speedups: the earliest results document (created), then the smallest candidate id"},
        {"sources", std::move(sources)},
        {"devices", std::move(device_docs)}};
}

json load_targets(const std::filesystem::path& file) {
    json document = read_json_file(file);
    const json_place root{file.string(), ""};
    if (!document.is_object()) throw_expected(root, "a hipkb targets object", document);
    if (required_string(document, "schema", root) != targets_schema_name) {
        throw json_input_error(
            fmt::format("{}: not a targets file: expected \"schema\": \"{}\" (write one with `hipkb targets`)",
                        file.string(), targets_schema_name));
    }
    if (const long long version = required_integer(document, "schema_version", root);
        version != targets_schema_version) {
        throw json_input_error(fmt::format("{}: schema_version {} is not supported; this hipkb reads version {}",
                                           file.string(), version, targets_schema_version));
    }
    const json& device_docs = required_object(document, "devices", root);
    for (const auto& [device, entry] : device_docs.items()) {
        const json_place at = root.key("devices").key(device);
        if (!entry.is_object()) throw_expected(at, "an object", entry);
        const json& problems = required_object(entry, "problems", at);
        required_object(entry, "without_target", at);
        for (const auto& [name, problem] : problems.items()) {
            const json_place p = at.key("problems").key(name);
            if (!problem.is_object()) throw_expected(p, "an object", problem);
            required_field(problem, "upper_bound", json_kind::number, p);
            const json& best = required_object(problem, "best", p);
            required_field(best, "speedup", json_kind::number, p.key("best"));
            required_field(best, "candidate", json_kind::string, p.key("best"));
            const json& levels = required_object(problem, "targets", p);
            for (const auto& [level, value] : levels.items()) {
                if (!value.is_number()) throw_expected(p.key("targets").key(level), "a number", value);
            }
        }
    }
    return document;
}

std::variant<resolved_target, target_unavailable> resolve_target(const json& targets, std::string_view problem,
                                                                 std::string_view level, std::string_view device) {
    const json& device_docs = targets.at("devices");
    std::vector<std::string> holding;  // devices the problem appears on
    for (const auto& [name, entry] : device_docs.items()) {
        if (entry.at("problems").contains(problem) || entry.at("without_target").contains(problem)) {
            holding.push_back(name);
        }
    }
    std::string chosen(device);
    if (chosen.empty()) {
        if (holding.empty()) {
            return target_unavailable{"no_target",
                                      fmt::format("{} is not in the targets file (no results for it)", problem)};
        }
        if (holding.size() > 1) {
            return target_unavailable{
                "ambiguous_device",
                fmt::format("{} has targets on several devices ({}); choose one with --target-device", problem,
                            fmt::join(holding, ", "))};
        }
        chosen = holding.front();
    } else if (std::find(holding.begin(), holding.end(), chosen) == holding.end()) {
        return target_unavailable{"device_mismatch",
                                  holding.empty()
                                      ? fmt::format("{} is not in the targets file (no results for it)", problem)
                                      : fmt::format("{} has no target on device '{}', only on: {}", problem, chosen,
                                                    fmt::join(holding, ", "))};
    }
    const json& entry = device_docs.at(chosen);
    if (const auto without = entry.at("without_target").find(problem); without != entry.at("without_target").end()) {
        return target_unavailable{text_or_empty(*without, "reason").empty() ? std::string("no_correct_candidate")
                                                                            : text_or_empty(*without, "reason"),
                                  fmt::format("{} on {}: no correct, timed candidate is known ({})", problem, chosen,
                                              text_or_empty(*without, "message"))};
    }
    const json& found = entry.at("problems").at(problem);
    resolved_target out;
    out.device = chosen;
    out.level = std::string(level);
    out.best_known = found.at("best").at("speedup").get<double>();
    out.best_candidate = found.at("best").at("candidate").get<std::string>();
    out.upper_bound = found.at("upper_bound").get<double>();
    if (const auto written = found.at("targets").find(level); written != found.at("targets").end()) {
        out.speedup = written->get<double>();
    } else {
        const std::optional<double> fraction = level_fraction(level);
        if (!fraction) {
            return target_unavailable{"no_target", fmt::format("target level '{}' is not a number", level)};
        }
        out.speedup = round_ratio(*fraction * out.best_known);
    }
    if (out.speedup > out.upper_bound * (1.0 + 1e-9)) {
        return target_unavailable{
            "above_upper_bound",
            fmt::format("{} on {}: level {} asks for {:.3f}x, above the upper bound {:.3f}x (headroom over the best "
                        "known {:.3f}x, {})",
                        problem, chosen, level, out.speedup, out.upper_bound, out.best_known, out.best_candidate)};
    }
    return out;
}

}  // namespace hipkb::generator
