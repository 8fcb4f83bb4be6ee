#include <hipkb/report/report.hpp>

#include <hipkb/core/atomic_file.hpp>
#include <hipkb/report/summary.hpp>

namespace hipkb::report {

void write_report(const nlohmann::json& input, const std::filesystem::path& out_dir) {
    const nlohmann::json results = has_summary(input) ? input : with_summary(input);
    // Each file is complete or absent: a reader (CI, a browser) never sees half a report.
    hipkb::write_file_atomically(out_dir / "report.json",
                                 results.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    hipkb::write_file_atomically(out_dir / "report.md", render_markdown(results));
    hipkb::write_file_atomically(out_dir / "report.html", render_html(results));
}

}  // namespace hipkb::report
