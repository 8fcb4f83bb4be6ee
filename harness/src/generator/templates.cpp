#include "templates.hpp"

namespace hipkb::generator::detail {

namespace {

// Both templates state the contract the harness enforces (one entry point,
// the harness's stream, no allocation or synchronisation, every output
// element written), because a candidate that breaks it is a wasted sample.
constexpr std::string_view whole_file_template = R"(=== system ===
You are an expert GPU performance engineer. You rewrite kernels so that they run faster while computing the same results.
=== user ===
Make this {{language_name}} implementation of the problem "{{problem}}" faster on {{platform_description}}.

## Problem
{{spec}}

## Rules
- Keep the entry point `extern "C" int hipkb_run(const hipkb_args* args)` with the same meaning: inputs come from `args->inputs`, outputs go to `args->outputs` (write every element), sizes come from `args->dims` in the order listed above.
- {{launch_rule}}
- Do not allocate memory, copy to the host, synchronize, or keep state between calls.
- The results must match the reference within the tolerance above for any sizes, not only the ones listed.
- The harness header `hipkb/entry.h`:
```c
{{entry_header}}
```

## Reference implementation ({{reference_file}})
```{{language}}
{{reference_source}}
```

Answer with the complete new source file in a single ```{{language}} code block. Put any reasoning before it, in a ```thinking block.
)";

constexpr std::string_view function_body_template = R"(=== system ===
You are an expert GPU performance engineer. You rewrite kernels so that they run faster while computing the same results.
=== user ===
Make the function `{{kernel_name}}` in this {{language_name}} implementation of the problem "{{problem}}" faster on {{platform_description}}, by rewriting its body only. The rest of the file stays exactly as it is: the function's signature, how it is launched, and every other function.

## Problem
{{spec}}

## The whole file, for context ({{reference_file}})
```{{language}}
{{reference_source}}
```

## The body of `{{kernel_name}}` to rewrite
```{{language}}
{{kernel_body}}
```

The new body must compute the same results within the tolerance above for any sizes, and must not allocate memory or synchronize with the host.

Answer with the new body of `{{kernel_name}}` (the statements between its braces) in a single ```{{language}} code block. Put any reasoning before it, in a ```thinking block.
)";

}  // namespace

std::optional<std::string_view> builtin_template(std::string_view name) {
    if (name == "whole_file") return whole_file_template;
    if (name == "function_body") return function_body_template;
    return std::nullopt;
}

}  // namespace hipkb::generator::detail
