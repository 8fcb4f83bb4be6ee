// report.html in a real headless browser: the plots must be in the
// rendered DOM and visible in a screenshot (gnuplot's line colours).
#include <hipkb/report/report.hpp>
#include <hipkb/report/results.hpp>

#include <hipkb/core/process.hpp>

#include "report_test_support.hpp"

#include <gtest/gtest.h>

#ifdef HIPKB_HAVE_PNG
#include <png.h>
#endif

#include <cstdlib>

namespace hipkb::report {
namespace {

using json = nlohmann::json;

#ifdef HIPKB_CHROMIUM
constexpr const char* chromium = HIPKB_CHROMIUM;
#else
constexpr const char* chromium = "";
#endif

std::vector<std::string> browser(const std::filesystem::path& profile) {
    return {chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--user-data-dir=" + profile.string()};
}

class Browser : public ::testing::Test {
protected:
    void SetUp() override {
        if (std::string(chromium).empty())
            GTEST_SKIP() << "chromium is not installed: report.html not tested in a browser";
#ifndef HIPKB_GNUPLOT
        GTEST_SKIP() << "gnuplot is not installed: the report has no plots to render";
#endif
        const json results =
            collect_results(test::write_basic_manifest(m_dir.path()), test::fixtures() / "build_basic/results");
        write_report(results, m_dir.path() / "report");
        m_url = "file://" + (m_dir.path() / "report/report.html").string();
    }
    test::scratch_dir m_dir;
    std::string m_url;
};

std::string section_of(const std::string& dom, const std::string& id) {
    const std::size_t start = dom.find("<figure id=\"" + id + "\"");
    if (start == std::string::npos) return {};
    const std::size_t end = dom.find("</figure>", start);
    return dom.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

TEST_F(Browser, PlotsAreInTheRenderedDom) {
    std::vector<std::string> argv = browser(m_dir.path() / "profile-dom");
    argv.push_back("--dump-dom");
    argv.push_back(m_url);
    process_options options;
    options.timeout = std::chrono::duration<double>(120.0);
    const process_result run = run_process(argv, options);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    for (const char* id : {"plot-fast-p", "plot-speedup-distribution", "plot-problem-speedups"}) {
        const std::string figure = section_of(run.output, id);
        ASSERT_FALSE(figure.empty()) << id << " is not in the DOM";
        EXPECT_NE(figure.find("<svg"), std::string::npos) << id;
        EXPECT_NE(figure.find("<path"), std::string::npos) << id << " has no drawn path";
        EXPECT_EQ(figure.find("not drawn"), std::string::npos) << id;
    }
}

#ifdef HIPKB_HAVE_PNG
// Pixels within `tolerance` of a colour.
std::size_t pixels_near(const std::vector<unsigned char>& rgb, int r, int g, int b, int tolerance) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3) {
        if (std::abs(rgb[i] - r) <= tolerance && std::abs(rgb[i + 1] - g) <= tolerance &&
            std::abs(rgb[i + 2] - b) <= tolerance) {
            ++n;
        }
    }
    return n;
}

TEST_F(Browser, PlotsAreVisibleInAScreenshot) {
    const std::filesystem::path shot = m_dir.path() / "shot.png";
    std::vector<std::string> argv = browser(m_dir.path() / "profile-shot");
    argv.push_back("--screenshot=" + shot.string());
    argv.push_back("--window-size=1280,2600");
    argv.push_back("--hide-scrollbars");
    argv.push_back(m_url);
    process_options options;
    options.timeout = std::chrono::duration<double>(120.0);
    const process_result run = run_process(argv, options);
    ASSERT_EQ(run.exit_code, 0) << run.output;

    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    ASSERT_NE(png_image_begin_read_from_file(&image, shot.c_str()), 0) << "not a PNG: " << shot;
    image.format = PNG_FORMAT_RGB;
    std::vector<unsigned char> rgb(PNG_IMAGE_SIZE(image));
    ASSERT_NE(png_image_finish_read(&image, nullptr, rgb.data(), 0, nullptr), 0);
    EXPECT_EQ(image.width, 1280U);

    // Not blank: far from all white.
    const std::size_t white = pixels_near(rgb, 255, 255, 255, 3);
    EXPECT_LT(white, rgb.size() / 3 * 98 / 100);
    // gnuplot draws the first data set in dark violet (#9400d3) and the
    // second in green (#009e73); nothing else on the page uses them, so they
    // appear only if the plots were rendered.
    EXPECT_GT(pixels_near(rgb, 0x94, 0x00, 0xd3, 40), 200U) << "no fast_p curve / speedup points visible";
    EXPECT_GT(pixels_near(rgb, 0x00, 0x9e, 0x73, 40), 50U) << "the second model's data is not visible";
}
#else
TEST_F(Browser, PlotsAreVisibleInAScreenshot) {
    GTEST_SKIP() << "libpng was not found at configure time: the screenshot cannot be decoded";
}
#endif

}  // namespace
}  // namespace hipkb::report
