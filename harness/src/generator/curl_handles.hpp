#pragma once
// Owning wrappers for libcurl handles, so every early return frees them.

#include <curl/curl.h>

#include <memory>

namespace hipkb::generator::detail {

struct easy_deleter {
    void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
};
struct multi_deleter {
    void operator()(CURLM* handle) const noexcept { curl_multi_cleanup(handle); }
};
struct slist_deleter {
    void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};

using easy_handle = std::unique_ptr<CURL, easy_deleter>;
using multi_handle = std::unique_ptr<CURLM, multi_deleter>;
using header_list = std::unique_ptr<curl_slist, slist_deleter>;

// curl_global_init, once per process, before the first handle is made.
// Throws std::runtime_error when libcurl cannot start.
void ensure_curl_initialized();

[[nodiscard]] easy_handle make_easy();
[[nodiscard]] multi_handle make_multi();
// Appends `line` to `list`; throws std::bad_alloc when curl cannot.
void append_header(header_list& list, const char* line);

}  // namespace hipkb::generator::detail
