#pragma once
// The report's figures, drawn by gnuplot's svg terminal so that the HTML
// carries them inline and opens offline.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hipkb::report::detail {

struct figure {
    std::string id;  // HTML id, e.g. "plot-fast-p"
    std::string title;
    std::string caption;
    std::string svg;      // inline <svg> element; empty when not drawn
    std::string missing;  // why there is no svg (no data, no gnuplot, gnuplot failed)
};

// The fast_p curve per model, the speedup distribution per model, and the
// speedups per problem, from a results document with its summary.
[[nodiscard]] std::vector<figure> draw_figures(const nlohmann::json& results);

}  // namespace hipkb::report::detail
