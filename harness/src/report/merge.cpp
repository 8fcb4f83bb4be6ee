#include <hipkb/report/merge.hpp>

#include <hipkb/report/input_error.hpp>
#include <hipkb/report/results.hpp>
#include <hipkb/report/summary.hpp>
#include <hipkb/report/vendor_baselines.hpp>

#include "detail/format.hpp"

#include <fmt/core.h>

#include <map>

#ifndef HIPKB_REPORT_VERSION
#define HIPKB_REPORT_VERSION "unknown"
#endif

namespace hipkb::report {

namespace {

using json = nlohmann::json;

// An entry that ran (or was at least attempted) carries information; a
// "not_run" placeholder only says the bench exists.
bool ran(const json& entry) { return entry.value("status", std::string{}) != "not_run"; }

struct placed {
    json entry;
    std::string where;  // "<source> (candidates[3])"
};

// Keeps one entry per key: the one that ran; two that ran are an error.
void keep(std::map<std::string, placed>& kept, std::vector<std::string>& order, const std::string& key, json entry,
          std::string where, const char* what) {
    const auto found = kept.find(key);
    if (found == kept.end()) {
        kept.emplace(key, placed{std::move(entry), std::move(where)});
        order.push_back(key);
        return;
    }
    if (ran(found->second.entry) && ran(entry)) {
        throw input_error(fmt::format("duplicate {} \"{}\": in {} and in {}; each must come from one shard only", what,
                                      key, found->second.where, where));
    }
    if (!ran(found->second.entry) && ran(entry)) {
        found->second = placed{std::move(entry), std::move(where)};
    }
}

json machine_without_id(json machine) {
    machine.erase("id");
    return machine;
}

}  // namespace

json merge_results(const std::vector<results_input>& inputs) {
    if (inputs.empty()) throw input_error("merge: no results to merge");
    // Versions first: a clear message beats the schema check of whichever
    // file happens to be newer.
    const json& first_version =
        inputs.front().results.is_object() ? inputs.front().results.value("schema_version", json()) : json();
    for (const results_input& input : inputs) {
        const json version = input.results.is_object() ? input.results.value("schema_version", json()) : json();
        if (version != first_version) {
            throw input_error(
                fmt::format("{} has schema_version {} but {} has {}: cannot merge results of different "
                            "schema versions (re-create the older one with this hipkb)",
                            inputs.front().source, first_version.dump(), input.source, version.dump()));
        }
    }
    for (const results_input& input : inputs) validate_results(input.results, input.source);

    json machines = json::array();
    std::map<std::string, std::string> machine_ids;  // content -> new id
    std::map<std::string, placed> candidates, problems, vendors;
    std::vector<std::string> candidate_order, problem_order, vendor_order;
    json sources = json::array();

    for (const results_input& input : inputs) {
        std::map<std::string, std::string> renamed;  // old id -> new id, for this input
        for (const json& machine : input.results["machines"]) {
            const std::string key = machine_without_id(machine).dump();
            auto [it, inserted] = machine_ids.try_emplace(key, fmt::format("m{}", machine_ids.size() + 1));
            if (inserted) {
                json copy = machine;
                copy["id"] = it->second;
                machines.push_back(copy);
            }
            renamed[machine["id"].get<std::string>()] = it->second;
        }
        auto rename = [&](json& entry) {
            const auto machine = entry.find("machine");
            if (machine == entry.end() || !machine->is_string()) return;
            const auto found = renamed.find(machine->get<std::string>());
            *machine = found == renamed.end() ? json(nullptr) : json(found->second);
        };
        const json& candidate_list = input.results["candidates"];
        for (std::size_t i = 0; i < candidate_list.size(); ++i) {
            json entry = candidate_list[i];
            rename(entry);
            const std::string key = candidate_id(entry);  // before `entry` is moved away
            keep(candidates, candidate_order, key, std::move(entry),
                 fmt::format("{} (candidates[{}])", input.source, i), "candidate");
        }
        const json& problem_list = input.results["problems"];
        for (std::size_t i = 0; i < problem_list.size(); ++i) {
            json entry = problem_list[i];
            rename(entry);
            const std::string key = entry["problem"].get<std::string>();
            keep(problems, problem_order, key, std::move(entry), fmt::format("{} (problems[{}])", input.source, i),
                 "reference bench of problem");
        }
        const json& vendor_list = input.results["vendors"];
        for (std::size_t i = 0; i < vendor_list.size(); ++i) {
            json entry = vendor_list[i];
            rename(entry);
            const std::string key = vendor_id(entry);
            keep(vendors, vendor_order, key, std::move(entry), fmt::format("{} (vendors[{}])", input.source, i),
                 "vendor baseline");
        }
        for (const json& source : input.results.value("sources", json::array())) sources.push_back(source);
    }

    json merged;
    merged["schema"] = results_schema_name;
    merged["schema_version"] = results_schema_version;
    merged["generator"] = fmt::format("hipkb {} (merge)", HIPKB_REPORT_VERSION);
    merged["created"] = detail::utc_now();
    merged["sources"] = sources;
    merged["machines"] = machines;
    json problem_list = json::array();
    std::map<std::string, json> baselines;
    for (const std::string& key : problem_order) {
        const json& entry = problems.at(key).entry;
        if (entry["reference"].is_object()) baselines[key] = entry["reference"];
        problem_list.push_back(entry);
    }
    // The reference bench may have run in another shard than the candidate
    // (or vendor baseline) timed against it.
    auto fill_reference = [&](json& entry, const char* timing_key) {
        if (!entry["reference"].is_null() || !entry[timing_key].is_object()) return;
        const auto baseline = baselines.find(entry["problem"].get<std::string>());
        const json& median = entry[timing_key]["median_ns"];
        if (baseline != baselines.end() && baseline->second["median_ns"].is_number() && median.is_number() &&
            median.get<double>() > 0.0) {
            entry["reference"] = baseline->second;
            entry["reference_source"] = "reference_executable";
            entry["speedup"] = baseline->second["median_ns"].get<double>() / median.get<double>();
        }
    };
    json candidate_list = json::array();
    for (const std::string& key : candidate_order) {
        json entry = candidates.at(key).entry;
        fill_reference(entry, "candidate");
        candidate_list.push_back(std::move(entry));
    }
    json vendor_list = json::array();
    for (const std::string& key : vendor_order) {
        json entry = vendors.at(key).entry;
        fill_reference(entry, "vendor");
        vendor_list.push_back(std::move(entry));
    }
    merged["problems"] = problem_list;
    merged["candidates"] = candidate_list;
    merged["vendors"] = vendor_list;
    // The best vendor of a problem may come from another shard than its candidates.
    apply_vendor_baselines(merged);
    return with_summary(std::move(merged));
}

}  // namespace hipkb::report
