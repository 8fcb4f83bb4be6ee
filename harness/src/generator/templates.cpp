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

// "Instruction to HIP": the model sees what to compute (the problem's
// task.md) and the harness contract (the entry header and the order and
// shapes of the arguments, which the entry point cannot be written
// without), never the reference's code.
constexpr std::string_view from_description_template = R"(=== system ===
You are an expert GPU performance engineer. You write fast, correct kernels from a description of what they compute.
=== user ===
Write a fast {{language_name}} implementation of the problem "{{problem}}" for {{platform_description}}.

## Task
{{task}}

## Interface
{{spec}}

## Rules
- Define the entry point `extern "C" int hipkb_run(const hipkb_args* args)`: inputs come from `args->inputs`, outputs go to `args->outputs` (write every element), sizes come from `args->dims` in the order listed above.
- {{launch_rule}}
- Do not allocate memory, copy to the host, synchronize, or keep state between calls.
- The results must match the task within the tolerance above for any sizes, not only the ones listed.
- The harness header `hipkb/entry.h`:
```c
{{entry_header}}
```

Answer with the complete source file in a single ```{{language}} code block. Put any reasoning before it, in a ```thinking block.
)";

// `hipkb describe`: what the code computes, in words, never how.
constexpr std::string_view describe_template_text = R"(=== system ===
You are an expert GPU programmer and technical writer. You describe precisely what a program computes, so that someone could implement it from your words alone.
=== user ===
Describe in plain English the task that this {{language_name}} file ({{reference_file}}) of the problem "{{problem}}" performs: what it computes, not how.

Cover:
- the inputs: names, element types, shapes, and what they mean;
- the outputs: names, element types, shapes;
- the exact semantics: the formula or rule for every output element, including edge cases (boundaries, padding, ties, empty reductions) and any constants;
- the sizes it is run with, if the file fixes them.

Do not describe the implementation: no thread or block layout, shared memory, tiling, or other optimisation. Do not include code. Answer with the description only, as Markdown, starting with a one-line summary.

```{{language}}
{{reference_source}}
```
)";

}  // namespace

std::optional<std::string_view> builtin_template(std::string_view name) {
    if (name == "whole_file") return whole_file_template;
    if (name == "function_body") return function_body_template;
    if (name == "from_description") return from_description_template;
    return std::nullopt;
}

std::string_view describe_template() { return describe_template_text; }

}  // namespace hipkb::generator::detail
