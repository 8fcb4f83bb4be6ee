#include "curl_handles.hpp"

#include <new>
#include <stdexcept>

namespace hipkb::generator::detail {

void ensure_curl_initialized() {
    // A function-local static makes the one-time init thread-safe; the
    // process keeps libcurl initialised until it exits.
    static const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK) {
        throw std::runtime_error(std::string("libcurl failed to initialise: ") + curl_easy_strerror(code));
    }
}

easy_handle make_easy() {
    ensure_curl_initialized();
    easy_handle handle(curl_easy_init());
    if (!handle) throw std::runtime_error("libcurl could not create a transfer handle");
    return handle;
}

multi_handle make_multi() {
    ensure_curl_initialized();
    multi_handle handle(curl_multi_init());
    if (!handle) throw std::runtime_error("libcurl could not create a multi handle");
    return handle;
}

void append_header(header_list& list, const char* line) {
    curl_slist* grown = curl_slist_append(list.get(), line);
    if (!grown) throw std::bad_alloc();
    (void)list.release();  // the old head is now part of `grown`
    list.reset(grown);
}

}  // namespace hipkb::generator::detail
