#include "plots.hpp"

#include "format.hpp"

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/core/process.hpp>
#include <hipkb/report/summary.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

namespace hipkb::report::detail {

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* terminal = "set terminal svg size {},{} fixed noenhanced font 'Sans,11' background rgb 'white'\n";

// A scratch folder removed when done.
class temp_dir {
public:
    temp_dir() {
        std::string pattern = (fs::temp_directory_path() / "hipkb-plots-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot create a temporary folder for plots");
        m_path = pattern;
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    ~temp_dir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

// Text for a gnuplot single-quoted string: only '' needs escaping there, but
// labels are also limited to characters every font and the svg terminal
// render literally.
std::string label(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const bool plain = std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                           std::string_view(" ._/:+-()#,=").find(c) != std::string_view::npos;
        out.push_back(plain ? c : '_');
    }
    return out;
}

std::string quoted_path(const fs::path& path) {
    std::string out = "'";
    for (const char c : path.string()) {
        if (c == '\'') out += "''";
        else out.push_back(c);
    }
    return out + "'";
}

// Runs one script; the svg with its XML prolog removed, or an error.
std::pair<std::string, std::string> run_gnuplot(const fs::path& dir, const std::string& name,
                                                const std::string& script) {
    const fs::path script_file = dir / (name + ".gp");
    const fs::path svg_file = dir / (name + ".svg");
    hipkb::write_file_atomically(script_file, fmt::format("set output {}\n", quoted_path(svg_file)) + script);
    process_options options;
    options.timeout = std::chrono::duration<double>(60.0);
    const process_result run = run_process({"gnuplot", script_file.string()}, options);
    if (run.how == process_result::end::failed_to_start) {
        return {"", "gnuplot is not installed (apt install gnuplot-nox), so the report has no plots"};
    }
    if (run.how != process_result::end::exited || run.exit_code != 0) {
        return {"", fmt::format("gnuplot failed: {}",
                                run.output.substr(run.output.size() > 600 ? run.output.size() - 600 : 0))};
    }
    std::string svg;
    try {
        svg = hipkb::read_file(svg_file);
    } catch (const std::exception& error) {
        return {"", error.what()};
    }
    const std::size_t start = svg.find("<svg");
    if (start == std::string::npos) return {"", "gnuplot wrote no svg element"};
    return {svg.substr(start), ""};
}

std::vector<std::string> models_of(const json& results) {
    std::set<std::string> models;
    for (const json& c : results["candidates"]) models.insert(model_key(c));
    return {models.begin(), models.end()};
}

bool correct_with_speedup(const json& c) {
    return c.value("correct", json()) == true && c.value("speedup", json()).is_number() &&
           c["speedup"].get<double>() > 0.0;
}

// A deterministic spread of points around x, so that equal speedups do not
// hide each other.
double jitter(std::size_t i) { return (static_cast<double>((i * 7919U) % 17U) / 16.0 - 0.5) * 0.3; }

figure fast_p_figure(const json& results, const fs::path& dir) {
    figure fig{"plot-fast-p", "fast_p curve",
               "Share of all problems with a correct candidate faster than p times the reference (fast_p, "
               "strictly greater), per model. fast_0 is the correctness rate; the dashed line marks p = 1.",
               "", ""};
    const json& by_model = results["summary"]["by_model"];
    if (by_model.empty()) {
        fig.missing = "no candidates";
        return fig;
    }
    std::string plots;
    double x_end = 2.0;
    std::size_t index = 0;
    for (const auto& [model, group] : by_model.items()) {
        const fs::path data = dir / fmt::format("curve{}.dat", index);
        std::string rows;
        for (const json& point : group["fast_p_curve"]) {
            rows += fmt::format("{} {}\n", point[0].get<double>(), point[1].get<double>());
            x_end = std::max(x_end, point[0].get<double>());
        }
        hipkb::write_file_atomically(data, rows);
        plots += fmt::format("{}{} using 1:2 with steps lw 2 title '{}'", index ? ", " : "", quoted_path(data),
                             label(model));
        ++index;
    }
    const std::string script = fmt::format(terminal, 820, 420) +
                               "set title 'fast_p: problems solved correctly with speedup > p'\n"
                               "set xlabel 'p (speedup over the reference)'\nset ylabel 'fast_p'\n"
                               "set yrange [0:1.05]\n" +
                               fmt::format("set xrange [0:{}]\n", x_end) +
                               "set grid\nset key top right\n"
                               "set arrow from 1, graph 0 to 1, graph 1 nohead dashtype 2 lc rgb '#888888'\n"
                               "plot " +
                               plots + "\n";
    std::tie(fig.svg, fig.missing) = run_gnuplot(dir, "fast_p", script);
    return fig;
}

figure distribution_figure(const json& results, const fs::path& dir) {
    figure fig{"plot-speedup-distribution", "Speedup distribution per model",
               "Speedups of correct candidates (log scale): box from the first to the third quartile with the median, "
               "one dot per candidate. Above the dashed line the candidate is faster than the reference.",
               "", ""};
    const std::vector<std::string> models = models_of(results);
    std::string plots;
    std::string tics;
    std::size_t drawn = 0;
    for (std::size_t m = 0; m < models.size(); ++m) {
        std::string rows;
        std::size_t i = 0;
        for (const json& c : results["candidates"]) {
            if (model_key(c) != models[m] || !correct_with_speedup(c)) continue;
            rows += fmt::format("{} {}\n", static_cast<double>(m + 1) + jitter(i++), c["speedup"].get<double>());
        }
        tics += fmt::format("{}'{}' {}", m ? ", " : "", label(models[m]), m + 1);
        if (rows.empty()) continue;
        const fs::path data = dir / fmt::format("speedups{}.dat", m);
        hipkb::write_file_atomically(data, rows);
        plots += fmt::format(
            "{}{} using ({}):2 with boxplot lc {} notitle, {} using 1:2 with points pt 7 ps 0.7 lc {} notitle",
            drawn ? ", " : "", quoted_path(data), m + 1, m + 1, quoted_path(data), m + 1);
        ++drawn;
    }
    if (drawn == 0) {
        fig.missing = "no correct candidate with a measured speedup";
        return fig;
    }
    const std::string script = fmt::format(terminal, 820, 420) +
                               "set title 'Speedup of correct candidates, per model'\n"
                               "set ylabel 'speedup (reference / candidate)'\nset logscale y\n"
                               "set style boxplot nooutliers\nset style fill solid 0.25 border\nset boxwidth 0.5\n" +
                               fmt::format("set xrange [0.5:{}]\nset xtics ({}) rotate by -20\n",
                                           static_cast<double>(models.size()) + 0.5, tics) +
                               "set grid ytics\nset offsets 0, 0, graph 0.08, graph 0.08\n"
                               "plot " +
                               plots + ", 1 with lines dashtype 2 lc rgb '#888888' title 'speedup 1'\n";
    std::tie(fig.svg, fig.missing) = run_gnuplot(dir, "distribution", script);
    return fig;
}

figure problems_figure(const json& results, const fs::path& dir) {
    figure fig{"plot-problem-speedups", "Speedups per problem",
               "Each correct candidate's speedup on its problem (log scale), coloured by model. A problem without a "
               "dot has no correct, timed candidate.",
               "", ""};
    std::vector<std::string> problems;
    for (const json& row : results["summary"]["per_problem"]) problems.push_back(row["problem"].get<std::string>());
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < problems.size(); ++i) position[problems[i]] = i + 1;
    const std::vector<std::string> models = models_of(results);
    std::string plots;
    std::size_t drawn = 0;
    for (std::size_t m = 0; m < models.size(); ++m) {
        std::string rows;
        std::size_t i = 0;
        for (const json& c : results["candidates"]) {
            if (model_key(c) != models[m] || !correct_with_speedup(c)) continue;
            const auto found = position.find(c["problem"].get<std::string>());
            if (found == position.end()) continue;
            rows += fmt::format("{} {}\n", static_cast<double>(found->second) + jitter(i++) * 0.5,
                                c["speedup"].get<double>());
        }
        if (rows.empty()) continue;
        const fs::path data = dir / fmt::format("problems{}.dat", m);
        hipkb::write_file_atomically(data, rows);
        plots += fmt::format("{}{} using 1:2 with points pt 7 ps 0.8 lc {} title '{}'", drawn ? ", " : "",
                             quoted_path(data), m + 1, label(models[m]));
        ++drawn;
    }
    if (drawn == 0) {
        fig.missing = "no correct candidate with a measured speedup";
        return fig;
    }
    std::string tics;
    for (std::size_t i = 0; i < problems.size(); ++i)
        tics += fmt::format("{}'{}' {}", i ? ", " : "", label(problems[i]), i + 1);
    const int width = static_cast<int>(std::clamp<std::size_t>(120 + 18 * problems.size(), 820, 4000));
    const std::string script =
        fmt::format(terminal, width, 460) +
        "set title 'Speedup of each correct candidate, per problem'\n"
        "set ylabel 'speedup (reference / candidate)'\nset logscale y\n" +
        fmt::format("set xrange [0.5:{}]\nset xtics ({}) rotate by -45 font 'Sans,9'\n",
                    static_cast<double>(problems.size()) + 0.5, tics) +
        "set grid ytics\nset key outside top right\nset bmargin 8\nset offsets 0, 0, graph 0.08, graph 0.08\n"
        "plot " +
        plots + ", 1 with lines dashtype 2 lc rgb '#888888' title 'speedup 1'\n";
    std::tie(fig.svg, fig.missing) = run_gnuplot(dir, "problems", script);
    return fig;
}

}  // namespace

std::vector<figure> draw_figures(const json& results) {
    temp_dir dir;
    std::vector<figure> figures;
    figures.push_back(fast_p_figure(results, dir.path()));
    figures.push_back(distribution_figure(results, dir.path()));
    figures.push_back(problems_figure(results, dir.path()));
    return figures;
}

}  // namespace hipkb::report::detail
